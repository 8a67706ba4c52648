//! Translations of a file's text into other languages, kept in the same file as the text.
//!
//! Each translated field is a table at the end of its file, naming the field by its path and
//! recording which text it was made from:
//!
//! ```toml
//! [translations.es.title]
//! text = "X Reunión del Grupo de Trabajo sobre Comercio y Competencia"
//! source = "5f0c2a9e41d3b7c8"
//! ```
//!
//! `source` is the [`fingerprint`] of the text in the programme's own language when the
//! translation was written: once that text changes, the translation is stale and documents
//! print the text itself rather than a translation of something it no longer says.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Lang;

/// Every translation of a file: by language, then by the path of the field translated.
pub type Translations = BTreeMap<Lang, BTreeMap<String, Translation>>;

/// One field's text in another language, and the fingerprint of the text it translates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Translation {
    /// The translated text: one text, or one per item for a list field (objectives…).
    pub text: Text,
    /// The fingerprint of the source text it was made from, as `programa translate` writes it.
    pub source: String,
}

/// The text of a translatable field: one text, or a list of items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// Title, prose or any single text.
    One(String),
    /// The items of a list field, in order.
    List(Vec<String>),
}

impl Text {
    /// Whether there is nothing to translate: no text, or only blanks.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::One(text) => text.trim().is_empty(),
            Text::List(items) => items.iter().all(|i| i.trim().is_empty()),
        }
    }

    /// Whether this translates all of `source`: one text for one text, or as many items as
    /// the list has, none of them blank.
    pub fn is_complete_for(&self, source: &Text) -> bool {
        match (self, source) {
            (Text::One(text), Text::One(_)) => !text.trim().is_empty(),
            (Text::List(items), Text::List(originals)) => {
                items.len() == originals.len() && items.iter().all(|i| !i.trim().is_empty())
            }
            _ => false,
        }
    }

    /// The text as one string, list items a blank line apart: for counting and searching.
    pub fn joined(&self) -> String {
        match self {
            Text::One(text) => text.clone(),
            Text::List(items) => items.join("\n\n"),
        }
    }

    /// How many words the text holds.
    pub fn words(&self) -> usize {
        match self {
            Text::One(text) => text.split_whitespace().count(),
            Text::List(items) => items.iter().map(|i| i.split_whitespace().count()).sum(),
        }
    }

    /// The single text, if this is not a list.
    pub fn as_one(&self) -> Option<&str> {
        match self {
            Text::One(text) => Some(text),
            Text::List(_) => None,
        }
    }
}

/// The fingerprint of a source text: the first 16 hex digits of the SHA-256 of its UTF-8,
/// list items separated by a unit separator (U+001F) so that no split of the items into
/// others gives the same fingerprint.
pub fn fingerprint(text: &Text) -> String {
    let mut hash = Sha256::new();
    match text {
        Text::One(text) => hash.update(text.as_bytes()),
        Text::List(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    hash.update([0x1f]);
                }
                hash.update(item.as_bytes());
            }
        }
    }
    hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One field a translation can be made of: its path and its text in the source language.
#[derive(Debug, Clone, PartialEq)]
pub struct Translatable {
    /// The field's path: `title`, `objectives`, `footnotes/3`, `areas/I/summary`.
    pub path: String,
    /// Its text as the file gives it.
    pub text: Text,
}

/// How a field stands in one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Standing<'a> {
    /// Translated from the text the field holds now.
    Current(&'a Translation),
    /// Translated from a text the field no longer holds.
    Stale(&'a Translation),
    /// Not translated.
    Missing,
}

/// A field's text as a document in some language prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown<'a> {
    /// The text printed.
    pub text: &'a Text,
    /// The language it is written in.
    pub lang: Lang,
    /// Whether it is a translation into the language asked for (or the source already is in it).
    pub translated: bool,
}

/// A file whose text fields can be translated: an activity or the programme file.
pub trait Translate {
    /// Every field with text, in the file's order, with the path translations name it by.
    fn translatable(&self) -> Vec<Translatable>;

    /// The file's translations.
    fn translations(&self) -> &Translations;

    /// How the field at `path`, whose source text is `source`, stands in `lang`.
    fn standing(&self, lang: Lang, path: &str, source: &Text) -> Standing<'_> {
        match self.translations().get(&lang).and_then(|t| t.get(path)) {
            Some(t) if t.source == fingerprint(source) => Standing::Current(t),
            Some(t) => Standing::Stale(t),
            None => Standing::Missing,
        }
    }

    /// The field at `path` as a document in `lang` prints it, when the source is in
    /// `source_lang`: the current translation, else the source text in its own language.
    fn shown<'a>(
        &'a self,
        lang: Lang,
        source_lang: Lang,
        path: &str,
        source: &'a Text,
    ) -> Shown<'a> {
        if lang == source_lang {
            return Shown {
                text: source,
                lang,
                translated: true,
            };
        }
        match self.standing(lang, path, source) {
            Standing::Current(t) if t.text.is_complete_for(source) => Shown {
                text: &t.text,
                lang,
                translated: true,
            },
            _ => Shown {
                text: source,
                lang: source_lang,
                translated: false,
            },
        }
    }
}

/// A field's path and, when it ends in `.N` (`objectives.2`), the item of the list it names.
pub fn split_item(path: &str) -> (&str, Option<usize>) {
    match path.rsplit_once('.') {
        Some((field, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            match n.parse() {
                Ok(item) => (field, Some(item)),
                Err(_) => (path, None),
            }
        }
        _ => (path, None),
    }
}

/// One field of a file as it stands in one language, for reports and exports.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldStanding<'a> {
    /// The field, with its text in the source language.
    pub field: Translatable,
    /// Its translation, current or stale, if any.
    pub standing: Standing<'a>,
}

impl FieldStanding<'_> {
    /// Whether a document in the language would print the translation.
    pub fn is_done(&self) -> bool {
        matches!(self.standing, Standing::Current(t) if t.text.is_complete_for(&self.field.text))
    }
}

/// Every field of `file` with how it stands in `lang`, in the file's order.
pub fn standings(file: &impl Translate, lang: Lang) -> Vec<FieldStanding<'_>> {
    file.translatable()
        .into_iter()
        .map(|field| {
            let standing = file.standing(lang, &field.path, &field.text);
            FieldStanding { field, standing }
        })
        .collect()
}

/// Pushes `text` as the field `path` when it holds anything to translate.
pub(super) fn push_one(fields: &mut Vec<Translatable>, path: impl Into<String>, text: &str) {
    if !text.trim().is_empty() {
        fields.push(Translatable {
            path: path.into(),
            text: Text::One(text.to_string()),
        });
    }
}

/// Pushes `text` as the field `path` when it is given and holds anything to translate.
pub(super) fn push_some(
    fields: &mut Vec<Translatable>,
    path: impl Into<String>,
    text: &Option<String>,
) {
    if let Some(text) = text {
        push_one(fields, path, text);
    }
}

/// Pushes the list `items` as the field `path` when it holds anything to translate.
pub(super) fn push_list(fields: &mut Vec<Translatable>, path: impl Into<String>, items: &[String]) {
    let text = Text::List(items.to_vec());
    if !text.is_blank() {
        fields.push(Translatable {
            path: path.into(),
            text,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_changes_with_the_text_and_with_how_items_are_split() {
        let one = fingerprint(&Text::One("a b".into()));
        assert_eq!(one.len(), 16);
        assert_eq!(one, fingerprint(&Text::One("a b".into())));
        assert_ne!(one, fingerprint(&Text::One("a c".into())));
        let split = fingerprint(&Text::List(vec!["a".into(), "b".into()]));
        let whole = fingerprint(&Text::List(vec!["ab".into()]));
        assert_ne!(split, whole);
        // The published value of SHA-256("abc") begins ba7816bf8f01cfea.
        assert_eq!(fingerprint(&Text::One("abc".into())), "ba7816bf8f01cfea");
    }
}
