//! Translations against the text they translate: fields left untranslated, translations made
//! from a text that has changed since (stale), and translations of fields the file lacks.
//!
//! Translating into a language starts with its first translation: until then nothing is
//! said of it. A file with no translation at all into a language that others have is not
//! reported on its own: the year's check says once how many are left ([`untranslated_note`]).

use std::path::Path;

use super::Checked;
use crate::diagnostic::Finding;
use crate::model::{Lang, Standing, Text, Translate};
use crate::suggest::did_you_mean;

/// The code of the warning about a translation made from a text that has changed since.
pub const STALE: &str = "stale-translation";

/// The language and field a stale translation's finding is about, from its key.
pub fn stale_subject(finding: &Finding) -> Option<(Lang, &str)> {
    if finding.code != STALE {
        return None;
    }
    let rest = finding.key.as_deref()?.strip_prefix("translations.")?;
    let (lang, field) = rest.split_once('.')?;
    Some((lang.parse().ok()?, field))
}

impl Checked<'_> {
    /// The findings about the translations of `file` (named `name` in hints: a code, or
    /// `programme`), whose text is in `source_lang`; and the languages it has translations
    /// into (`None` when it has no text to translate).
    pub(super) fn translations(
        &self,
        file: &impl Translate,
        source_lang: Lang,
        name: &str,
    ) -> (Vec<Finding>, Option<Vec<Lang>>) {
        let fields = file.translatable();
        let mut findings = Vec::new();
        let mut translated = Vec::new();
        for (lang, translations) in file.translations() {
            for path in translations.keys() {
                if fields.iter().any(|f| &f.path == path) {
                    continue;
                }
                let names = fields.iter().map(|f| f.path.as_str());
                let hint = match did_you_mean(path, names) {
                    Some(best) => crate::tr!("check-unknown-translation-hint-meant", best = best),
                    None => crate::tr!("check-unknown-translation-hint"),
                };
                let finding = Finding::warning(
                    "unknown-translation",
                    crate::tr!(
                        "check-unknown-translation",
                        lang = lang.as_str(),
                        path = path.as_str()
                    ),
                )
                .hint(hint);
                findings.push(self.at(finding, &["translations", lang.as_str(), path]));
            }
        }
        for &lang in Lang::ALL.iter().filter(|l| **l != source_lang) {
            if file.translations().get(&lang).is_none_or(|t| t.is_empty()) {
                continue;
            }
            translated.push(lang);
            let mut missing = Vec::new();
            for field in &fields {
                match file.standing(lang, &field.path, &field.text) {
                    Standing::Missing => missing.push(field.path.as_str()),
                    Standing::Stale(_) => {
                        let finding = Finding::warning(
                            STALE,
                            crate::tr!(
                                "check-stale-translation",
                                lang = lang.as_str(),
                                path = field.path.as_str()
                            ),
                        )
                        .hint(crate::tr!(
                            "check-stale-translation-hint",
                            name = name,
                            lang = lang.as_str(),
                            key = example_key(&field.path, &field.text),
                            path = field.path.as_str()
                        ));
                        let keys = ["translations", lang.as_str(), &field.path, "source"];
                        let key = format!("translations.{lang}.{}", field.path);
                        findings.push(self.at(finding, &keys).about(key));
                    }
                    Standing::Current(translation) => {
                        if !translation.text.is_complete_for(&field.text) {
                            let finding = Finding::note(
                                "incomplete-translation",
                                crate::tr!(
                                    "check-incomplete-translation",
                                    lang = lang.as_str(),
                                    path = field.path.as_str()
                                ),
                            )
                            .hint(crate::tr!("check-incomplete-translation-hint"));
                            findings.push(
                                self.at(finding, &["translations", lang.as_str(), &field.path]),
                            );
                        }
                    }
                }
            }
            if !missing.is_empty() {
                let finding = Finding::note(
                    "missing-translation",
                    crate::tr!(
                        "check-missing-translation",
                        lang = lang.as_str(),
                        fields = listed(&missing)
                    ),
                )
                .hint(crate::tr!(
                    "check-missing-translation-hint",
                    lang = lang.as_str()
                ));
                findings.push(self.at(finding, &["translations", lang.as_str()]));
            }
        }
        (findings, (!fields.is_empty()).then_some(translated))
    }
}

/// The note, placed in the programme file at `file`, that `count` of `total` files with text
/// have no translation into `lang` at all.
pub fn untranslated_note(file: &Path, lang: Lang, count: usize, total: usize) -> Finding {
    let message = crate::tr!(
        "check-untranslated-files",
        count = count,
        total = total,
        lang = lang.as_str()
    );
    Finding::note("missing-translation", message)
        .at(file, None)
        .hint(crate::tr!(
            "check-untranslated-files-hint",
            lang = lang.as_str()
        ))
}

/// `FIELD` or `FIELD.1` as `translate` takes it for this field.
fn example_key(path: &str, text: &Text) -> String {
    match text {
        Text::List(_) => format!("{path}.1"),
        Text::One(_) => path.to_string(),
    }
}

/// `a`, `a and b`, `a, b and 3 more`, the names in backticks.
fn listed(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().take(4).map(|n| format!("`{n}`")).collect();
    match names.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2..=4 => match quoted.split_last() {
            Some((last, rest)) => {
                crate::tr!(
                    "check-listed-and",
                    first = rest.join(", "),
                    last = last.as_str()
                )
            }
            None => String::new(),
        },
        n => crate::tr!(
            "check-listed-more",
            first = quoted[..3].join(", "),
            count = n - 3
        ),
    }
}
