//! The link from an activity to the one of an earlier year it carries on (`previous =
//! "2021/I.1.3"`): written as it should be, to an earlier year, and to an activity that year has.

use super::Checked;
use crate::diagnostic::Finding;
use crate::model::Activity;
use crate::store::Loaded;
use crate::syntax::tree::Tree;

impl Checked<'_> {
    /// The findings about `previous` on its own: its form, and a year before `year`.
    pub(super) fn previous(&self, activity: &Activity, year: i32) -> Vec<Finding> {
        let Some(link) = &activity.previous else {
            return Vec::new();
        };
        let finding = match activity.previous_link() {
            None => Finding::error(
                "bad-previous",
                crate::tr!("check-bad-previous", link = link),
            )
            .hint(crate::tr!("check-bad-previous-hint")),
            Some((from, _)) if from >= year => Finding::error(
                "bad-previous",
                crate::tr!(
                    "check-previous-not-before",
                    from = from.to_string(),
                    year = year.to_string()
                ),
            )
            .hint(crate::tr!("check-previous-not-before-hint")),
            Some(_) => return Vec::new(),
        };
        vec![self.at(finding, &["previous"])]
    }
}

/// A warning for each activity whose `previous` names an activity its year lacks. `has` says
/// whether a year has an activity of that code, or `None` when the year is not in the
/// workspace (then nothing can be said). `trees` are the located keys of `loaded`'s files.
pub fn unknown_previous(
    loaded: &Loaded,
    trees: &[Option<Tree>],
    has: impl Fn(i32, &str) -> Option<bool>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, activity) in loaded.plan.activities.iter().enumerate() {
        let Some((year, code)) = activity.previous_link() else {
            continue;
        };
        if year >= loaded.year || has(year, code) != Some(false) {
            continue;
        }
        let Some(source) = loaded.source_of(index) else {
            continue;
        };
        let span = source_index(loaded, &source.path)
            .and_then(|i| trees.get(i))
            .and_then(Option::as_ref)
            .and_then(|tree| tree.value_span(&["previous"]));
        findings.push(
            Finding::warning(
                "unknown-previous",
                crate::tr!(
                    "check-unknown-previous",
                    year = year.to_string(),
                    code = code.to_string()
                ),
            )
            .at(&source.path, span)
            .hint(crate::tr!(
                "check-unknown-previous-hint",
                year = year.to_string()
            )),
        );
    }
    findings
}

/// The index of the source with `path`, which is that of its located keys.
fn source_index(loaded: &Loaded, path: &std::path::Path) -> Option<usize> {
    loaded.sources.iter().position(|s| s.path == path)
}
