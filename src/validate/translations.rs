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
                    Some(best) => format!("did you mean `{best}`? a translation of a field with no text is never printed"),
                    None => "the field has no text to translate: remove the translation, or give the field its text".to_string(),
                };
                let finding = Finding::warning(
                    "unknown-translation",
                    format!("a {lang} translation of `{path}`, which has no text here"),
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
                            format!(
                                "the {lang} translation of `{}` was made from another text: the text has changed since",
                                field.path
                            ),
                        )
                        .hint(format!(
                            "translate it again (`programa translate {name} --lang {lang} {}=…`), or confirm it still holds (`--confirm {}`)",
                            example_key(&field.path, &field.text),
                            field.path
                        ));
                        let keys = ["translations", lang.as_str(), &field.path, "source"];
                        let key = format!("translations.{lang}.{}", field.path);
                        findings.push(self.at(finding, &keys).about(key));
                    }
                    Standing::Current(translation) => {
                        if !translation.text.is_complete_for(&field.text) {
                            let finding = Finding::note(
                                "incomplete-translation",
                                format!(
                                    "the {lang} translation of `{}` does not translate every item",
                                    field.path
                                ),
                            )
                            .hint("documents print the text itself until every item is translated");
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
                    format!("no {lang} translation of {}", listed(&missing)),
                )
                .hint(format!(
                    "documents in {lang} print these in the programme's language, marked; `programa translations --lang {lang}` lists what is left"
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
    let message = format!("{count} of {total} files have no {lang} translation yet");
    Finding::note("missing-translation", message)
        .at(file, None)
        .hint(format!(
            "`programa translations --lang {lang}` shows what is translated; `programa translations export --lang {lang}` gives translators an XLIFF file"
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
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        },
        n => format!("{} and {} more", quoted[..3].join(", "), n - 3),
    }
}
