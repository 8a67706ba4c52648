//! The three-way merge of programme files that git's merge driver runs: field by field on the
//! parsed files, or line by line when a version does not parse.
//!
//! [`merge`] is a pure function of the three texts and its [`Options`]. It starts from ours'
//! document and applies theirs' changes to it through the store's own editing code
//! ([`super::edit`]), so that a merged file is what programa writes making both sides' edits:
//! comments and layout of untouched keys stay. Changes to different keys merge wherever they
//! sit in the file; the same change made on both sides merges. Arrays of tables merge as sets
//! of elements by an identity ([`TableRule`]): both sides' additions stay (notes in date
//! order), and a removal made on one side is respected; lists of strings merge item by item.
//! A key given two different values is a conflict: only its lines are wrapped in conflict
//! markers, both values shown.

mod fields;
mod lines;
mod sequence;

use std::path::Path;

use toml_edit::{DocumentMut, Table};

use super::conflict::{self, Labels};
use super::edit::{KEY_ORDER, PROGRAMME_KEY_ORDER};
use super::{ACTIVITIES_DIR, PROGRAMME_FILE};

/// Which kind of programme file is merged: it decides the key order and the identities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `activities/<code>.toml`.
    Activity,
    /// `programme.toml`.
    Programme,
    /// Any other file: merged line by line.
    Other,
}

impl FileKind {
    /// The kind of the file at `path` (as git names it, relative to the repository).
    pub fn of_path(path: &Path) -> FileKind {
        let is_toml = path.extension().is_some_and(|ext| ext == "toml");
        let parent = path.parent().and_then(Path::file_name);
        if path.file_name().is_some_and(|name| name == PROGRAMME_FILE) {
            FileKind::Programme
        } else if is_toml && parent.is_some_and(|dir| dir == ACTIVITIES_DIR) {
            FileKind::Activity
        } else {
            FileKind::Other
        }
    }
}

/// How to merge: the kind of file, the names of the sides and the length of markers.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The kind of file.
    pub kind: FileKind,
    /// The names written after the conflict markers.
    pub labels: Labels<'a>,
    /// The length of the conflict markers (git's `%L`).
    pub marker_size: usize,
}

/// How a merge was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Only one side changed the file (or both alike): its text is the result.
    Trivial,
    /// Field by field on the parsed files.
    Fields,
    /// Line by line, because a version does not parse (or is not a programme file).
    Lines,
}

/// The result of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The merged text, with conflict markers around what conflicts.
    pub text: String,
    /// How many blocks of conflict markers it has.
    pub conflicts: usize,
    /// How it was made.
    pub method: Method,
}

impl Merged {
    /// Whether nothing conflicts.
    pub fn is_clean(&self) -> bool {
        self.conflicts == 0
    }
}

/// Merges the changes `ours` and `theirs` each made to `base`.
pub fn merge(base: &str, ours: &str, theirs: &str, options: &Options) -> Merged {
    let trivial = |text: &str| Merged {
        text: text.to_string(),
        conflicts: 0,
        method: Method::Trivial,
    };
    if ours == theirs || base == theirs {
        return trivial(ours);
    }
    if base == ours {
        return trivial(theirs);
    }
    let rules = match options.kind {
        FileKind::Activity => Some(&ACTIVITY),
        FileKind::Programme => Some(&PROGRAMME),
        FileKind::Other => None,
    };
    let parsed = |text: &str| {
        // A version with markers already (an ancestor git merged itself) is not a document.
        if conflict::has_markers(text) {
            None
        } else {
            text.parse::<DocumentMut>().ok()
        }
    };
    if let Some(rules) = rules
        && let (Some(b), Some(o), Some(t)) = (parsed(base), parsed(ours), parsed(theirs))
        && let Some((text, conflicts)) = fields::merge(
            &b,
            &o,
            &t,
            theirs,
            rules,
            options.labels,
            options.marker_size,
        )
    {
        return Merged {
            text,
            conflicts,
            method: Method::Fields,
        };
    }
    let (text, conflicts) = lines::merge(base, ours, theirs, options.labels, options.marker_size);
    Merged {
        text,
        conflicts,
        method: Method::Lines,
    }
}

/// How the keys of one kind of file merge: the order of its top-level keys and how its arrays
/// of tables match their elements.
#[derive(Debug)]
pub struct Rules {
    /// The order of the file's keys, in which a key one side added is inserted.
    pub root: &'static [&'static str],
    /// Its arrays of tables.
    pub tables: &'static [TableRule],
}

impl Rules {
    /// The rule of the array of tables at `key`.
    fn table(&self, key: &str) -> Option<&TableRule> {
        self.tables.iter().find(|rule| rule.key == key)
    }
}

/// How one array of tables merges.
#[derive(Debug)]
pub struct TableRule {
    /// The array's key.
    pub key: &'static str,
    /// What makes two elements the same element: these keys' values together, or with
    /// [`TableRule::first_present`], the first of them an element has.
    pub identity: &'static [&'static str],
    /// Whether the identity is the first key of [`TableRule::identity`] an element has.
    pub first_present: bool,
    /// The order of an element's keys.
    pub order: &'static [&'static str],
    /// The key holding a date, when new elements go in date order.
    pub dated: Option<&'static str>,
}

impl TableRule {
    /// The identity of `element`.
    fn identity(&self, element: &Table) -> String {
        let value = |key: &str| element.get(key).map(fields::display_item);
        if self.first_present {
            return self
                .identity
                .iter()
                .find_map(|key| value(key).map(|v| format!("{key}={v}")))
                .unwrap_or_else(|| fields::whole(element));
        }
        self.identity
            .iter()
            .map(|key| format!("{key}={}", value(key).unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("\u{1}")
    }
}

/// Activity files: footnotes by `id`, participants and notes by everything they say, outputs
/// by `code` (or `title` when they have none).
pub const ACTIVITY: Rules = Rules {
    root: KEY_ORDER,
    tables: &[
        TableRule {
            key: "footnotes",
            identity: &["id"],
            first_present: false,
            order: &["id", "text"],
            dated: None,
        },
        TableRule {
            key: "participants",
            identity: &["name", "organisation", "organisation_id", "country", "role"],
            first_present: false,
            order: &["name", "organisation", "organisation_id", "country", "role"],
            dated: None,
        },
        TableRule {
            key: "notes",
            identity: &["date", "text"],
            first_present: false,
            order: &["date", "text"],
            dated: Some("date"),
        },
        TableRule {
            key: "outputs",
            identity: &["code", "title"],
            first_present: true,
            order: &["title", "code", "date", "url"],
            dated: None,
        },
    ],
};

/// The programme file: areas and projects by `code`, programmes by `id`.
pub const PROGRAMME: Rules = Rules {
    root: PROGRAMME_KEY_ORDER,
    tables: &[
        TableRule {
            key: "areas",
            identity: &["code"],
            first_present: false,
            order: &["code", "title", "summary"],
            dated: None,
        },
        TableRule {
            key: "programmes",
            identity: &["id"],
            first_present: false,
            order: &["id", "area", "title"],
            dated: None,
        },
        TableRule {
            key: "projects",
            identity: &["code"],
            first_present: false,
            order: &["code", "programme", "title"],
            dated: None,
        },
    ],
};

#[cfg(test)]
mod tests;
