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
                format!("`previous = \"{link}\"` is not a year and a code"),
            )
            .hint("write the year, a slash and the activity's code in that year: `previous = \"2021/I.1.3\"`"),
            Some((from, _)) if from >= year => Finding::error(
                "bad-previous",
                format!("`previous` names {from}, which is not before {year}"),
            )
            .hint("`previous` links to the activity this one carries on from an earlier year"),
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
                format!("`previous` names {year}/{code}, but the programme for {year} has no activity {code}"),
            )
            .at(&source.path, span)
            .hint(format!(
                "correct the code (`programa list --year {year}` lists that year's), or remove `previous`"
            )),
        );
    }
    findings
}

/// The index of the source with `path`, which is that of its located keys.
fn source_index(loaded: &Loaded, path: &std::path::Path) -> Option<usize> {
    loaded.sources.iter().position(|s| s.path == path)
}
