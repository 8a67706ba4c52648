//! Writing translations into the file whose text they translate: the
//! `[translations.LANG."FIELD"]` tables of an activity file or of `programme.toml`, put, replaced
//! or taken out one field at a time, every other line left as it was.

use std::path::PathBuf;

use toml_edit::{DocumentMut, Item, Table};

use super::edit::EditError;
use super::write::{atomic_write, to_toml};
use super::{Loaded, PROGRAMME_FILE, Source, Workspace, WriteLock, parse_file};
use crate::diagnostic::Finding;
use crate::model::{Lang, Translation, WorkProgramme};

/// The top-level key under which a file keeps its translations.
const KEY: &str = "translations";

/// Puts `translation` as the translation of `field` into `lang` in `doc`, or takes it out for
/// `None`; `false` when the file already said so. New tables go after the file's other
/// translations, so a file's own text comes first.
pub fn put(
    doc: &mut DocumentMut,
    lang: Lang,
    field: &str,
    translation: Option<&Translation>,
) -> Result<bool, EditError> {
    let new = translation.map(table_of).transpose()?;
    let root = doc.as_table_mut();
    let Some(translations) = implicit_table(root, KEY, translation.is_some())? else {
        return Ok(false);
    };
    let Some(by_lang) = implicit_table(translations, lang.as_str(), translation.is_some())? else {
        return Ok(false);
    };
    let old = by_lang.get(field).and_then(Item::as_table);
    let changed = match (&new, old) {
        (Some(new), Some(old)) => old.to_string() != new.to_string(),
        (None, None) => false,
        _ => true,
    };
    if !changed {
        return Ok(false);
    }
    match new {
        Some(mut new) => {
            if let Some(old) = old {
                new.set_position(old.position());
                *new.decor_mut() = old.decor().clone();
            }
            by_lang.insert(field, Item::Table(new));
        }
        None => {
            by_lang.remove(field);
        }
    }
    // A language, then the whole key, that is left with nothing goes.
    if by_lang.is_empty() {
        translations.remove(lang.as_str());
    }
    if translations.is_empty() {
        root.remove(KEY);
    }
    Ok(true)
}

/// The table `key` of `parent`, made (implicit, so only its sub-tables show) when `create`;
/// `None` when it is not there and not to be made. A non-table value there is refused.
fn implicit_table<'a>(
    parent: &'a mut Table,
    key: &str,
    create: bool,
) -> Result<Option<&'a mut Table>, EditError> {
    if !parent.contains_key(key) {
        if !create {
            return Ok(None);
        }
        let mut table = Table::new();
        table.set_implicit(true);
        parent.insert(key, Item::Table(table));
    }
    match parent.get_mut(key).and_then(Item::as_table_mut) {
        Some(table) => Ok(Some(table)),
        None => Err(EditError::InvalidValue {
            key: "translations",
            reason: format!("`{key}` in the file is not a table of translations"),
        }),
    }
}

/// `translation` as a table laid out as every file programa writes: prose multi-line.
fn table_of(translation: &Translation) -> Result<Table, EditError> {
    let text = to_toml(translation).map_err(|e| EditError::Serialize(e.to_string()))?;
    let parsed: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Serialize(e.to_string()))?;
    let mut table = Table::new();
    for (name, value) in parsed.as_table().iter() {
        table.insert(name, value.clone());
    }
    Ok(table)
}

/// The programme file opened for editing its translations.
#[derive(Debug, Clone)]
pub struct OpenProgramme {
    /// The file's path.
    pub path: PathBuf,
    /// Its path relative to the workspace, for messages.
    pub relative: PathBuf,
    /// The text as read.
    pub text: String,
    /// Its document, to edit.
    pub doc: DocumentMut,
}

/// Opens the programme file of the year `loaded` holds; one that does not parse is refused.
pub fn open_programme(workspace: &Workspace, loaded: &Loaded) -> Result<OpenProgramme, EditError> {
    let path = workspace.year_dir(loaded.year).join(PROGRAMME_FILE);
    let relative = workspace.relative(&path).to_path_buf();
    let text = loaded
        .sources
        .first()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    match text.parse::<DocumentMut>() {
        Ok(doc) => Ok(OpenProgramme {
            path,
            relative,
            text,
            doc,
        }),
        Err(_) => {
            let findings = parse_file::<WorkProgramme>(&relative, &text).1;
            Err(EditError::Unreadable {
                file: Source {
                    path: relative,
                    text,
                },
                findings,
            })
        }
    }
}

impl OpenProgramme {
    /// Checks the edited text and writes it atomically: it must read, and the year with it
    /// must have no error the year did not have. The programme as saved, or `None` when the
    /// text is unchanged.
    pub fn save(
        &self,
        loaded: &Loaded,
        _lock: &WriteLock,
    ) -> Result<Option<WorkProgramme>, EditError> {
        let text = self.doc.to_string();
        if text == self.text {
            return Ok(None);
        }
        let invalid = |findings: Vec<Finding>| EditError::Invalid {
            file: Source {
                path: self.relative.clone(),
                text: text.clone(),
            },
            findings,
        };
        let (programme, findings) = parse_file::<WorkProgramme>(&self.relative, &text);
        let programme = match programme {
            Some(programme) if !findings.iter().any(Finding::is_error) => programme,
            _ => return Err(invalid(findings)),
        };
        let before = crate::validate::validate(loaded);
        let mut edited = loaded.clone();
        edited.plan.programme = programme.clone();
        if let Some(source) = edited.sources.first_mut() {
            source.text = text.clone();
        }
        let same = |a: &Finding, b: &Finding| a.code == b.code && a.message == b.message;
        let new_errors: Vec<Finding> = crate::validate::validate(&edited)
            .into_iter()
            .filter(|f| f.is_error() && !before.iter().any(|b| same(b, f)))
            .collect();
        if !new_errors.is_empty() {
            return Err(invalid(new_errors));
        }
        atomic_write(&self.path, &text)?;
        Ok(Some(programme))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn translation(text: &str) -> Translation {
        Translation {
            text: Text::One(text.to_string()),
            source: "0123456789abcdef".to_string(),
        }
    }

    #[test]
    fn a_translation_goes_after_the_text_and_is_taken_out_again_to_the_byte() {
        let text = "code = \"I.1.1\"\ntitle = \"Meeting\" # as approved\n";
        let mut doc: DocumentMut = text.parse().expect("valid");
        let put_one = put(&mut doc, Lang::Es, "title", Some(&translation("Reunión")));
        assert!(put_one.expect("put"));
        let written = doc.to_string();
        assert_eq!(
            written,
            "code = \"I.1.1\"\ntitle = \"Meeting\" # as approved\n\n\
             [translations.es.title]\ntext = \"Reunión\"\nsource = \"0123456789abcdef\"\n"
        );
        let again = put(&mut doc, Lang::Es, "title", Some(&translation("Reunión")));
        assert!(!again.expect("put"), "the same translation changes nothing");
        assert!(put(&mut doc, Lang::Es, "title", None).expect("remove"));
        assert_eq!(doc.to_string(), text);
    }

    #[test]
    fn a_field_path_with_dots_and_slashes_is_one_quoted_key() {
        let mut doc: DocumentMut = "year = 2021\n".parse().expect("valid");
        put(
            &mut doc,
            Lang::Es,
            "projects/I.1/title",
            Some(&translation("Proyecto")),
        )
        .expect("put");
        let written = doc.to_string();
        assert!(
            written.contains("[translations.es.\"projects/I.1/title\"]"),
            "{written}"
        );
        let read: toml::Table = toml::from_str(&written).expect("reads back");
        assert_eq!(
            read["translations"]["es"]["projects/I.1/title"]["text"].as_str(),
            Some("Proyecto")
        );
    }
}
