//! Changing one activity file in place, so that everything an edit does not touch (comments,
//! spacing, key order) stays byte for byte as it was.
//!
//! An [`ActivityEditor`] holds a file's text as a toml_edit document and applies edits to it,
//! each saying whether it changed anything. [`open`] finds an activity's file, [`OpenActivity::save`]
//! re-reads the new text through the model, validates the programme with it
//! ([`check_activity`]) and only then replaces the file atomically. Every write asks for the
//! workspace's [`WriteLock`], under which the caller has read what it changes. Nothing here
//! prints, and nothing here describes what changed: callers compare the activity before and
//! after with [`crate::changes::compare_activity`], the one description of a change.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Key, Table, Value};

use super::write::{atomic_write, create_file, to_toml};
use super::{Loaded, Source, StoreError, Workspace, WriteLock, parse_file};
use crate::diagnostic::Finding;
use crate::model::{Activity, Date, Format, Kind, Status};
use crate::suggest::did_you_mean;

/// Every key of an activity file, in the order the model (and so every new file) has them.
/// New keys are inserted at their place in this order.
pub const KEY_ORDER: &[&str] = &[
    "code",
    "project",
    "title",
    "contents_title",
    "previous",
    "kind",
    "format",
    "format_note",
    "status",
    "progress",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "venue",
    "account",
    "audience",
    "partners",
    "background",
    "objectives_lead",
    "objectives",
    "objectives_closing",
    "expected_results_lead",
    "expected_results",
    "expected_results_closing",
    "footnotes",
    "participants",
    "notes",
    "outputs",
    "translations",
];

/// The keys `programa set` can change: the short values. Prose and tables are edited whole.
pub const SETTABLE: &[&str] = &[
    "title",
    "contents_title",
    "kind",
    "format",
    "format_note",
    "status",
    "progress",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "venue",
    "account",
    "audience",
    "partners",
];

/// The keys holding lists of words, which also take `key+=item` and `key-=item`.
const LIST_KEYS: &[&str] = &["partners"];

/// Why an edit cannot be made. Nothing has been written when one is returned. It reads in the
/// interface language.
#[derive(Debug)]
pub enum EditError {
    /// The argument is not `key=value`.
    NotAssignment(String),
    /// The key is not a key of an activity.
    UnknownKey {
        /// The key given.
        key: String,
        /// The closest settable key, if one is close.
        suggestion: Option<&'static str>,
    },
    /// The key exists but is changed another way.
    NotSettable {
        /// The key given.
        key: &'static str,
        /// How it can be changed.
        how: String,
    },
    /// The value is not one the key accepts.
    InvalidValue {
        /// The key.
        key: &'static str,
        /// What is wrong and what was expected.
        reason: String,
    },
    /// The same key is given twice in one edit.
    Repeated(&'static str),
    /// `key-=item` names an item the list does not have.
    NotInList {
        /// The list's key.
        key: &'static str,
        /// The item given.
        item: String,
        /// The items there are, comma-separated.
        present: String,
    },
    /// No file for this activity code.
    UnknownActivity {
        /// The code given.
        code: String,
        /// The closest existing code, if one is close.
        suggestion: Option<String>,
    },
    /// No such project in the programme file.
    UnknownProject {
        /// The code given.
        project: String,
        /// The closest project code, if one is close.
        suggestion: Option<String>,
        /// The projects there are, comma-separated.
        known: String,
    },
    /// The file on disk does not parse, so it cannot be edited key by key.
    Unreadable {
        /// The file as it is on disk.
        file: Source,
        /// Why it cannot be read.
        findings: Vec<Finding>,
    },
    /// The edit would leave the file unreadable or the programme with a new error.
    Invalid {
        /// The file as it would have been.
        file: Source,
        /// The errors it would have.
        findings: Vec<Finding>,
    },
    /// A new activity's file already exists.
    Exists(PathBuf),
    /// A value could not be written as TOML.
    Serialize(String),
    /// Reading or writing failed.
    Store(StoreError),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |path: &Path| path.display().to_string();
        f.write_str(&match self {
            EditError::NotAssignment(text) => {
                crate::tr!("store-not-assignment", text = text.as_str())
            }
            EditError::UnknownKey { key, .. } => {
                crate::tr!("store-edit-unknown-key", key = key.as_str())
            }
            EditError::NotSettable { key, .. } => crate::tr!("store-not-settable", key = *key),
            EditError::InvalidValue { key, reason } => {
                crate::tr!("store-invalid-value", key = *key, reason = reason.as_str())
            }
            EditError::Repeated(key) => crate::tr!("store-repeated", key = *key),
            EditError::NotInList { key, item, present } => crate::tr!(
                "store-not-in-list",
                item = item.as_str(),
                key = *key,
                present = present.as_str()
            ),
            EditError::UnknownActivity { code, .. } => {
                crate::tr!("store-unknown-activity", code = code.as_str())
            }
            EditError::UnknownProject { project, .. } => {
                crate::tr!("store-unknown-project", project = project.as_str())
            }
            EditError::Unreadable { file, .. } => {
                crate::tr!("store-edit-unreadable", file = shown(&file.path))
            }
            EditError::Invalid { file, .. } => {
                crate::tr!("store-edit-invalid", file = shown(&file.path))
            }
            EditError::Exists(path) => crate::tr!("store-exists", path = shown(path)),
            EditError::Serialize(error) => {
                crate::tr!("store-serialize", error = error.as_str())
            }
            EditError::Store(error) => error.to_string(),
        })
    }
}

impl std::error::Error for EditError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EditError::Store(error) => error.source(),
            _ => None,
        }
    }
}

impl From<StoreError> for EditError {
    fn from(error: StoreError) -> Self {
        EditError::Store(error)
    }
}

impl EditError {
    /// What the user might do about it, one hint per line.
    pub fn hints(&self) -> Vec<String> {
        match self {
            EditError::NotAssignment(_) => vec![crate::tr!("store-not-assignment-hint")],
            EditError::UnknownKey { suggestion, .. } => {
                let mut hints = Vec::new();
                if let Some(key) = suggestion {
                    hints.push(crate::tr!("store-did-you-mean-key", key = *key));
                }
                hints.push(crate::tr!(
                    "store-settable-keys",
                    keys = SETTABLE.join(", ")
                ));
                hints
            }
            EditError::NotSettable { how, .. } => vec![how.clone()],
            EditError::UnknownActivity { suggestion, .. } => match suggestion {
                Some(code) => vec![crate::tr!("store-did-you-mean-code", code = code.as_str())],
                None => vec![crate::tr!("store-unknown-activity-hint")],
            },
            EditError::UnknownProject {
                suggestion, known, ..
            } => {
                let mut hints = Vec::new();
                if let Some(code) = suggestion {
                    hints.push(crate::tr!("store-did-you-mean-code", code = code.as_str()));
                }
                hints.push(crate::tr!("store-projects-are", known = known.as_str()));
                hints
            }
            EditError::Unreadable { findings, .. }
                if findings.iter().any(|f| f.code == super::conflict::FINDING) =>
            {
                vec![crate::tr!("store-edit-conflict-hint")]
            }
            EditError::Unreadable { .. } => vec![crate::tr!("store-edit-unreadable-hint")],
            _ => Vec::new(),
        }
    }

    /// The findings behind the error, with the file they point into.
    pub fn findings(&self) -> Option<(&[Finding], &Source)> {
        match self {
            EditError::Unreadable { file, findings } | EditError::Invalid { file, findings } => {
                Some((findings, file))
            }
            _ => None,
        }
    }
}

/// A checked value for a key, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub enum NewValue {
    /// A string (dates are written as strings too).
    Text(String),
    /// A whole number.
    Integer(i64),
    /// A list of strings.
    List(Vec<String>),
}

impl NewValue {
    /// The TOML value, formatted the way new files are.
    fn to_value(&self) -> Value {
        match self {
            NewValue::Text(text) => Value::from(text.as_str()),
            NewValue::Integer(number) => Value::from(*number),
            NewValue::List(items) => Value::Array(pretty_array(items)),
        }
    }
}

/// What an [`Assignment`] does to its key.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Give the key this value.
    Set(NewValue),
    /// Remove the key (an optional value given as empty).
    Remove,
    /// Add an item to a list (`key+=item`).
    Add(String),
    /// Take an item out of a list (`key-=item`).
    Take(String),
}

/// One `key=value` of `programa set`, checked against the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The key, one of [`SETTABLE`].
    pub key: &'static str,
    /// What to do to it.
    pub op: Op,
}

impl std::str::FromStr for Assignment {
    type Err = EditError;

    /// Reads `key=value`, `key+=item` or `key-=item`, checking the key and the value.
    fn from_str(text: &str) -> Result<Self, EditError> {
        let Some((left, raw)) = text.split_once('=') else {
            return Err(EditError::NotAssignment(text.to_string()));
        };
        let (name, sign) = match left.trim_end().strip_suffix(['+', '-']) {
            Some(name) => (name.trim(), left.trim_end().chars().last()),
            None => (left.trim(), None),
        };
        let key = settable_key(name)?;
        let value = raw.trim();
        let op = match sign {
            Some(sign) => {
                if !LIST_KEYS.contains(&key) {
                    return Err(EditError::InvalidValue {
                        key,
                        reason: crate::tr!(
                            "store-lists-only",
                            sign = sign.to_string(),
                            lists = LIST_KEYS.join(", "),
                            key = key
                        ),
                    });
                }
                if value.is_empty() {
                    return Err(EditError::InvalidValue {
                        key,
                        reason: crate::tr!("store-empty-item"),
                    });
                }
                if sign == '+' {
                    Op::Add(value.to_string())
                } else {
                    Op::Take(value.to_string())
                }
            }
            None => check_value(key, value)?,
        };
        Ok(Assignment { key, op })
    }
}

/// Reads every argument of `programa set`; a key may appear once, except for `+=`/`-=` items.
pub fn parse_assignments(args: &[String]) -> Result<Vec<Assignment>, EditError> {
    let assignments = args
        .iter()
        .map(|arg| arg.parse::<Assignment>())
        .collect::<Result<Vec<_>, _>>()?;
    let mut whole = HashSet::new();
    let mut items = HashSet::new();
    for assignment in &assignments {
        let fresh = match assignment.op {
            Op::Set(_) | Op::Remove => {
                whole.insert(assignment.key) && !items.contains(assignment.key)
            }
            Op::Add(_) | Op::Take(_) => {
                items.insert(assignment.key);
                !whole.contains(assignment.key)
            }
        };
        if !fresh {
            return Err(EditError::Repeated(assignment.key));
        }
    }
    Ok(assignments)
}

/// The settable key called `name`, or why there is none.
fn settable_key(name: &str) -> Result<&'static str, EditError> {
    if let Some(key) = SETTABLE.iter().find(|key| **key == name) {
        return Ok(key);
    }
    let Some(key) = KEY_ORDER.iter().find(|key| **key == name) else {
        return Err(EditError::UnknownKey {
            key: name.to_string(),
            suggestion: did_you_mean(name, SETTABLE.iter().copied()),
        });
    };
    let how = match *key {
        "code" | "project" => crate::tr!("store-not-settable-code"),
        "participants" => crate::tr!("store-not-settable-participants"),
        "notes" => crate::tr!("store-not-settable-notes"),
        _ => crate::tr!("store-not-settable-other"),
    };
    Err(EditError::NotSettable { key, how })
}

/// Checks `value` for `key` through the model's own parsers.
fn check_value(key: &'static str, value: &str) -> Result<Op, EditError> {
    let invalid = |reason: String| EditError::InvalidValue { key, reason };
    let text = |value: &str| Op::Set(NewValue::Text(value.to_string()));
    match key {
        "status" => value
            .parse::<Status>()
            .map(|v| text(v.as_str()))
            .map_err(invalid),
        "kind" => value
            .parse::<Kind>()
            .map(|v| text(v.as_str()))
            .map_err(invalid),
        "format" if value.is_empty() || value == "none" => Ok(Op::Remove),
        "format" => value
            .parse::<Format>()
            .map(|v| text(v.as_str()))
            .map_err(|e| invalid(crate::tr!("store-format-or-none", reason = e))),
        "progress" => match value.parse::<u8>() {
            Ok(percent) if percent <= 100 => Ok(Op::Set(NewValue::Integer(i64::from(percent)))),
            _ => Err(invalid(crate::tr!("store-not-a-percentage", value = value))),
        },
        "title" if value.is_empty() => Err(invalid(crate::tr!("store-title-needed"))),
        "planned_start" | "planned_end" | "actual_start" | "actual_end" if !value.is_empty() => {
            value
                .parse::<Date>()
                .map(|date| text(&date.to_string()))
                .map_err(|_| invalid(crate::tr!("store-not-a-date", value = value)))
        }
        "partners" => {
            let items: Vec<String> = value
                .split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(String::from)
                .collect();
            Ok(if items.is_empty() {
                Op::Remove
            } else {
                Op::Set(NewValue::List(items))
            })
        }
        _ if value.is_empty() => Ok(Op::Remove),
        _ => Ok(text(value)),
    }
}

/// One activity file's text, edited through toml_edit.
#[derive(Debug, Clone)]
pub struct ActivityEditor {
    doc: DocumentMut,
}

impl ActivityEditor {
    /// Reads `text` (the file at `path`, for findings); fails with the syntax finding.
    pub fn parse(path: &Path, text: &str) -> Result<Self, Vec<Finding>> {
        match text.parse::<DocumentMut>() {
            Ok(doc) => Ok(ActivityEditor { doc }),
            Err(_) => Err(parse_file::<Activity>(path, text).1),
        }
    }

    /// The file's text with the edits made.
    pub fn text(&self) -> String {
        self.doc.to_string()
    }

    /// The document itself, for edits made elsewhere in the store (translations).
    pub fn document_mut(&mut self) -> &mut DocumentMut {
        &mut self.doc
    }

    /// Applies one assignment; `false` when the key already had that value.
    pub fn apply(&mut self, assignment: &Assignment) -> Result<bool, EditError> {
        let key = assignment.key;
        match &assignment.op {
            Op::Set(value) => Ok(self.set(key, Some(value.to_value()))),
            Op::Remove => Ok(self.set(key, None)),
            Op::Add(item) => self.add_to_list(key, item),
            Op::Take(item) => self.take_from_list(key, item).map(|()| true),
        }
    }

    /// Sets a top-level key to `value`, or removes it for `None`; `false` if nothing changed.
    ///
    /// An existing key keeps its place and its line's comments (the old value's decor goes to
    /// the new one); a new key goes to its place in [`KEY_ORDER`]. A removed key takes the
    /// comment lines directly above it along, as they were about it.
    pub fn set(&mut self, key: &'static str, value: Option<Value>) -> bool {
        let table = self.doc.as_table_mut();
        let old = table.get(key).map(display_item);
        let new = value.as_ref().map(display_value);
        if old == new {
            return false;
        }
        let item = value.map(|mut value| {
            if let Some(old) = table.get(key).and_then(Item::as_value) {
                *value.decor_mut() = old.decor().clone();
            }
            Item::Value(value)
        });
        put(table, &Key::new(key), item, KEY_ORDER);
        true
    }

    /// Adds `item` to the list at `key` in the list's own layout; `false` if it is there already.
    pub fn add_to_list(&mut self, key: &'static str, item: &str) -> Result<bool, EditError> {
        let table = self.doc.as_table_mut();
        let Some(existing) = table.get_mut(key) else {
            let list = Item::Value(Value::Array(pretty_array(&[item])));
            insert_in_order(table, &Key::new(key), list, KEY_ORDER);
            return Ok(true);
        };
        let Some(array) = existing.as_array_mut() else {
            return Err(not_a_list(key));
        };
        if array.iter().any(|v| v.as_str() == Some(item)) {
            return Ok(false);
        }
        let prefix = array
            .iter()
            .last()
            .and_then(|v| v.decor().prefix())
            .and_then(|p| p.as_str())
            .filter(|p| p.contains('\n'))
            .map(String::from);
        match prefix {
            Some(prefix) => array.push_formatted(Value::from(item).decorated(prefix, "")),
            None => array.push(item),
        }
        Ok(true)
    }

    /// Takes `item` out of the list at `key`, removing the key when the list becomes empty.
    pub fn take_from_list(&mut self, key: &'static str, item: &str) -> Result<(), EditError> {
        let table = self.doc.as_table_mut();
        let array = match table.get_mut(key) {
            Some(existing) => existing.as_array_mut().ok_or_else(|| not_a_list(key))?,
            None => {
                return Err(EditError::NotInList {
                    key,
                    item: item.to_string(),
                    present: "it is empty".into(),
                });
            }
        };
        let Some(index) = array.iter().position(|v| v.as_str() == Some(item)) else {
            return Err(EditError::NotInList {
                key,
                item: item.to_string(),
                present: array
                    .iter()
                    .map(display_value)
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        };
        array.remove(index);
        if array.is_empty() {
            table.remove(key);
        } else if index == 0
            && let Some(first) = array.get_mut(0)
            && !first
                .decor()
                .prefix()
                .and_then(|p| p.as_str())
                .is_some_and(|p| p.contains('\n'))
        {
            first.decor_mut().set_prefix("");
        }
        Ok(())
    }

    /// Appends `item` as a new `[[key]]` table after the existing ones, keys in model order.
    pub fn push_table<T: Serialize>(
        &mut self,
        key: &'static str,
        item: &T,
    ) -> Result<(), EditError> {
        let new = table_of(item)?;
        let table = self.doc.as_table_mut();
        match table.get_mut(key) {
            Some(existing) => match existing.as_array_of_tables_mut() {
                Some(array) => array.push(new),
                None => return Err(not_a_list(key)),
            },
            None => {
                let mut array = ArrayOfTables::new();
                array.push(new);
                insert_in_order(table, &Key::new(key), Item::ArrayOfTables(array), KEY_ORDER);
            }
        }
        Ok(())
    }
}

impl ActivityEditor {
    /// Takes out the `[[key]]` table at `index` (0-based, file order), removing the key when
    /// it was the last; the tables around it keep their text and comments.
    pub fn remove_table(&mut self, key: &'static str, index: usize) -> Result<(), EditError> {
        let table = self.doc.as_table_mut();
        let array = match table.get_mut(key) {
            Some(item) => item
                .as_array_of_tables_mut()
                .ok_or_else(|| not_a_list(key))?,
            None => return Err(no_such_item(key, index, 0)),
        };
        if index >= array.len() {
            return Err(no_such_item(key, index, array.len()));
        }
        array.remove(index);
        if array.is_empty() {
            table.remove(key);
        }
        Ok(())
    }

    /// Replaces the `[[key]]` table at `index` (0-based, file order) by `item`: keys it keeps
    /// keep their place and comments, keys it lacks go, new ones come last.
    pub fn replace_table<T: Serialize>(
        &mut self,
        key: &'static str,
        index: usize,
        item: &T,
    ) -> Result<(), EditError> {
        let new = table_of(item)?;
        let array = match self.doc.as_table_mut().get_mut(key) {
            Some(item) => item
                .as_array_of_tables_mut()
                .ok_or_else(|| not_a_list(key))?,
            None => return Err(no_such_item(key, index, 0)),
        };
        let len = array.len();
        let existing = array
            .get_mut(index)
            .ok_or_else(|| no_such_item(key, index, len))?;
        let gone: Vec<String> = existing
            .iter()
            .map(|(name, _)| name.to_string())
            .filter(|name| !new.contains_key(name))
            .collect();
        for name in gone {
            existing.remove(&name);
        }
        for (name, value) in new.iter() {
            match existing.get_mut(name) {
                Some(Item::Value(old)) if value.is_value() => {
                    let decor = old.decor().clone();
                    if let Some(value) = value.as_value() {
                        *old = value.clone();
                        *old.decor_mut() = decor;
                    }
                }
                _ => {
                    existing.insert(name, value.clone());
                }
            }
        }
        Ok(())
    }
}

/// `item` as a TOML table, keys in model order.
fn table_of<T: Serialize>(item: &T) -> Result<Table, EditError> {
    let text = to_toml(item).map_err(|e| EditError::Serialize(e.to_string()))?;
    let parsed: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| EditError::Serialize(e.to_string()))?;
    let mut new = Table::new();
    for (name, value) in parsed.as_table().iter() {
        new.insert(name, value.clone());
    }
    Ok(new)
}

/// The error for item `index` (0-based) of a list of `len`.
fn no_such_item(key: &'static str, index: usize, len: usize) -> EditError {
    EditError::InvalidValue {
        key,
        reason: crate::tr!("store-no-such-item", item = index + 1, count = len),
    }
}

fn not_a_list(key: &'static str) -> EditError {
    EditError::InvalidValue {
        key,
        reason: crate::tr!("store-not-a-list"),
    }
}

/// Sets `key` of `table` to `item`, or removes it for `None` (with the comment lines above it,
/// as they were about it). An existing key keeps its place and the comments above it; a new key
/// goes to its place in `order` ([`insert_in_order`]).
pub(super) fn put(table: &mut Table, key: &Key, item: Option<Item>, order: &[&str]) {
    match item {
        None => {
            table.remove(key.get());
        }
        Some(item) => match table.get_mut(key.get()) {
            Some(existing) => *existing = item,
            None => insert_in_order(table, key, item, order),
        },
    }
}

/// Inserts `key` after the last key that comes before it in `order` (the model's order of
/// the table's keys, such as [`KEY_ORDER`]), so a new key lands where a new file would have
/// it. Keys `order` does not know keep their place; with no order, the key goes last.
pub(super) fn insert_in_order(table: &mut Table, key: &Key, item: Item, order: &[&str]) {
    if order.is_empty() {
        table.insert_formatted(key, item);
        return;
    }
    let rank = |name: &str| order.iter().position(|k| *k == name);
    let own = rank(key.get()).unwrap_or(usize::MAX);
    let keys: Vec<String> = table.iter().map(|(name, _)| name.to_string()).collect();
    let at = keys
        .iter()
        .rposition(|name| rank(name).is_some_and(|r| r < own))
        .map_or(0, |i| i + 1);
    let tail: Vec<(Key, Item)> = keys[at..]
        .iter()
        .filter_map(|name| table.remove_entry(name))
        .collect();
    table.insert_formatted(key, item);
    for (name, item) in tail {
        table.insert_formatted(&name, item);
    }
}

/// Every top-level key of `programme.toml`, in the order of the model.
pub const PROGRAMME_KEY_ORDER: &[&str] = &[
    "year",
    "title",
    "organisation",
    "document_code",
    "report_document_code",
    "language",
    "member_states",
    "notice",
    "foreword",
    "introduction",
    "background",
    "iati",
    "areas",
    "programmes",
    "projects",
    "translations",
];

/// The keys of `programme.toml` that no programme document gives, which an import keeps from
/// the file it replaces.
pub const KEPT_BY_IMPORT: &[&str] = &[
    "report_document_code",
    "member_states",
    "iati",
    "translations",
];

/// `new`, a programme file as an import writes it, with each key of [`KEPT_BY_IMPORT`] that
/// `old` (the file it replaces) has, as `old` has it (comments above it and layout included),
/// in place of what the import wrote for it, at its place in the model's order. `new` as it is
/// when `old` does not parse.
pub fn keep_from_replaced(new: &str, old: &str) -> String {
    let (Ok(mut doc), Ok(old)) = (new.parse::<DocumentMut>(), old.parse::<DocumentMut>()) else {
        return new.to_string();
    };
    let mut kept = false;
    for name in KEPT_BY_IMPORT {
        if let Some((key, item)) = old.as_table().get_key_value(name) {
            doc.as_table_mut().remove(name);
            insert_in_order(doc.as_table_mut(), key, item.clone(), PROGRAMME_KEY_ORDER);
            kept = true;
        }
    }
    if kept {
        doc.to_string()
    } else {
        new.to_string()
    }
}

/// A list written the way new files write it: one item per line, a trailing comma.
fn pretty_array<S: AsRef<str>>(items: &[S]) -> Array {
    let mut array = Array::new();
    for item in items {
        array.push_formatted(Value::from(item.as_ref()).decorated("\n    ", ""));
    }
    array.set_trailing_comma(true);
    array.set_trailing("\n");
    array
}

/// A value as people read it: strings without quotes, lists comma-separated.
fn display_value(value: &Value) -> String {
    match value {
        Value::String(text) => text.value().clone(),
        Value::Array(array) => array
            .iter()
            .map(display_value)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.clone().decorated("", "").to_string(),
    }
}

/// An item as people read it, to tell whether a `set` changes it: values as
/// [`display_value`], tables as their TOML.
fn display_item(item: &Item) -> String {
    match item {
        Item::Value(value) => display_value(value),
        other => other.to_string(),
    }
}

/// Re-reads `text` as activity `code`'s file (at `relative`) and validates the programme with
/// it in place of the current version.
///
/// Returns the activity, or the findings that refuse the text: it does not parse, its code is
/// not `code`, or validation finds an error the programme did not have before.
pub fn check_activity<'a>(
    base: impl Into<Base<'a>>,
    relative: &Path,
    code: &str,
    text: &str,
) -> Result<Activity, Vec<Finding>> {
    let Base {
        loaded,
        findings: known,
    } = base.into();
    let (activity, findings) = parse_file::<Activity>(relative, text);
    let activity = match activity {
        Some(activity) if !findings.iter().any(Finding::is_error) => activity,
        _ => return Err(findings),
    };
    if activity.code != code {
        let finding = Finding::error(
            "code-changed",
            crate::tr!(
                "store-code-changed",
                code = code,
                written = activity.code.as_str()
            ),
        )
        .at(relative, None)
        .hint(crate::tr!("store-code-changed-hint"));
        return Err(vec![finding]);
    }
    let validated;
    let before = match known {
        Some(known) => known,
        None => {
            validated = crate::validate::validate(loaded);
            &validated[..]
        }
    };
    let edited = with_activity(loaded, relative, &activity, text);
    let after = crate::validate::validate(&edited);
    let same = |a: &Finding, b: &Finding| {
        a.severity == b.severity && a.code == b.code && a.message == b.message && a.file == b.file
    };
    let new_errors: Vec<Finding> = after
        .into_iter()
        .filter(|f| f.is_error() && !before.iter().any(|b| same(b, f)))
        .collect();
    if new_errors.is_empty() {
        Ok(activity)
    } else {
        Err(new_errors)
    }
}

/// `loaded` with the file at `relative` replaced (or added) by `text`, read as `activity`.
fn with_activity(loaded: &Loaded, relative: &Path, activity: &Activity, text: &str) -> Loaded {
    let mut edited = loaded.clone();
    let source = Source {
        path: relative.to_path_buf(),
        text: text.to_string(),
    };
    edited.put_file(source, Some(activity.clone()), Vec::new());
    edited
}

/// The codes of the activity files of a loaded year, read or not, from their file names.
pub fn activity_codes(loaded: &Loaded) -> Vec<String> {
    let mut codes: Vec<String> = loaded
        .sources
        .iter()
        .skip(1)
        .filter_map(|s| Some(s.path.file_stem()?.to_str()?.to_string()))
        .collect();
    for activity in &loaded.plan.activities {
        if !codes.contains(&activity.code) {
            codes.push(activity.code.clone());
        }
    }
    codes
}

/// The next code of `project`: one more than the highest number it has used.
///
/// Gaps are not filled: a code that was used once (an activity deleted or renumbered) stays in
/// the git history and in past reports, and must not come back meaning another activity.
pub fn next_code<'a>(project: &str, codes: impl IntoIterator<Item = &'a str>) -> String {
    let prefix = format!("{project}.");
    let highest = codes
        .into_iter()
        .filter_map(|code| code.strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{project}.{}", highest + 1)
}

/// An activity file located in a loaded year, not yet parsed for editing.
#[derive(Debug, Clone)]
pub struct ActivityFile {
    /// The activity's code.
    pub code: String,
    /// The file's path.
    pub path: PathBuf,
    /// The path relative to the workspace root, for messages.
    pub relative: PathBuf,
    /// The file's text as read.
    pub text: String,
}

/// Finds activity `code`'s file in `loaded`; an unknown code suggests the closest one.
pub fn locate(
    workspace: &Workspace,
    loaded: &Loaded,
    code: &str,
) -> Result<ActivityFile, EditError> {
    let path = workspace.activity_path(loaded.year, code);
    let relative = workspace.relative(&path).to_path_buf();
    match loaded.sources.iter().find(|s| s.path == relative) {
        Some(source) => Ok(ActivityFile {
            code: code.to_string(),
            text: source.text.clone(),
            path,
            relative,
        }),
        None => {
            let codes = activity_codes(loaded);
            Err(EditError::UnknownActivity {
                code: code.to_string(),
                suggestion: did_you_mean(code, codes.iter().map(String::as_str)).map(String::from),
            })
        }
    }
}

/// An activity file opened for key-by-key editing.
#[derive(Debug, Clone)]
pub struct OpenActivity {
    /// The file as read.
    pub file: ActivityFile,
    /// Its document, to edit.
    pub editor: ActivityEditor,
}

/// Opens activity `code` for editing; a file that does not parse is refused.
pub fn open(workspace: &Workspace, loaded: &Loaded, code: &str) -> Result<OpenActivity, EditError> {
    let file = locate(workspace, loaded, code)?;
    match ActivityEditor::parse(&file.relative, &file.text) {
        Ok(editor) => Ok(OpenActivity { file, editor }),
        Err(findings) => Err(EditError::Unreadable {
            file: Source {
                path: file.relative,
                text: file.text,
            },
            findings,
        }),
    }
}

/// What an edit is checked against: the year as loaded and, when the caller has them already,
/// the findings of validating it (else they are worked out again).
#[derive(Debug, Clone, Copy)]
pub struct Base<'a> {
    /// The year as loaded.
    pub loaded: &'a Loaded,
    /// What validating `loaded` found, if known.
    pub findings: Option<&'a [Finding]>,
}

impl<'a> From<&'a Loaded> for Base<'a> {
    fn from(loaded: &'a Loaded) -> Self {
        Base {
            loaded,
            findings: None,
        }
    }
}

impl OpenActivity {
    /// Checks the edited text and replaces the file with it: the activity as saved, or `None`
    /// when the text is unchanged.
    pub fn save<'a>(
        &self,
        base: impl Into<Base<'a>>,
        lock: &WriteLock,
    ) -> Result<Option<Activity>, EditError> {
        let text = self.editor.text();
        if text == self.file.text {
            return Ok(None);
        }
        save_text(base, &self.file, &text, lock).map(Some)
    }
}

/// Checks `text` as the new contents of `file` ([`check_activity`]), then writes it atomically.
/// `file` must have been read under `lock`, so that nothing written since is lost.
pub fn save_text<'a>(
    base: impl Into<Base<'a>>,
    file: &ActivityFile,
    text: &str,
    _lock: &WriteLock,
) -> Result<Activity, EditError> {
    match check_activity(base, &file.relative, &file.code, text) {
        Ok(activity) => {
            atomic_write(&file.path, text)?;
            Ok(activity)
        }
        Err(findings) => Err(EditError::Invalid {
            file: Source {
                path: file.relative.clone(),
                text: text.to_string(),
            },
            findings,
        }),
    }
}

/// Creates the file of a new activity in `activity.project`, giving it the project's next code
/// ([`next_code`]) among the files of the year as loaded and as they are on disk now; the other
/// fields are as given. The file is created only if no file has its name, so two writers never
/// share a code. Returns the file written.
pub fn create(
    workspace: &Workspace,
    loaded: &Loaded,
    mut activity: Activity,
    _lock: &WriteLock,
) -> Result<ActivityFile, EditError> {
    let projects = &loaded.plan.programme.projects;
    if loaded.plan.programme.project(&activity.project).is_none() {
        return Err(EditError::UnknownProject {
            suggestion: did_you_mean(&activity.project, projects.iter().map(|p| p.code.as_str()))
                .map(String::from),
            known: projects
                .iter()
                .map(|p| p.code.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            project: activity.project,
        });
    }
    if activity.title.trim().is_empty() {
        return Err(EditError::InvalidValue {
            key: "title",
            reason: crate::tr!("store-needs-title"),
        });
    }
    let mut codes = activity_codes(loaded);
    let (on_disk, _) =
        super::activity_files(&workspace.year_dir(loaded.year).join(super::ACTIVITIES_DIR))?;
    codes.extend(
        on_disk
            .iter()
            .filter_map(|path| Some(path.file_stem()?.to_str()?.to_string())),
    );
    activity.code = next_code(&activity.project, codes.iter().map(String::as_str));
    let path = workspace.activity_path(loaded.year, &activity.code);
    let text = to_toml(&activity).map_err(|e| EditError::Serialize(e.to_string()))?;
    let file = ActivityFile {
        code: activity.code,
        relative: workspace.relative(&path).to_path_buf(),
        path,
        text: String::new(),
    };
    if let Err(findings) = check_activity(loaded, &file.relative, &file.code, &text) {
        return Err(EditError::Invalid {
            file: Source {
                path: file.relative.clone(),
                text,
            },
            findings,
        });
    }
    create_file(&file.path, text.as_bytes()).map_err(|error| match error {
        StoreError::Exists(path) => EditError::Exists(path),
        other => EditError::Store(other),
    })?;
    Ok(ActivityFile { text, ..file })
}

/// The editor to run: `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Runs `editor` on `path` and waits for it. Like git, the command goes through the shell, so
/// it may carry arguments and quotes.
pub fn run_editor(editor: &str, path: &Path) -> Result<(), String> {
    #[cfg(unix)]
    let mut command = {
        let mut command = std::process::Command::new("sh");
        command
            .arg("-c")
            .arg(format!("{editor} \"$@\""))
            .arg(editor);
        command
    };
    #[cfg(not(unix))]
    let mut command = {
        let mut words = editor.split_whitespace();
        let mut command = std::process::Command::new(words.next().unwrap_or("vi"));
        command.args(words);
        command
    };
    let status = command.arg(path).status().map_err(|e| {
        crate::tr!(
            "store-editor-not-run",
            editor = editor,
            error = e.to_string()
        )
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(crate::tr!(
            "store-editor-failed",
            editor = editor,
            status = status.to_string()
        ))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A translations table with one entry, so that a file written from the model has the key.
    pub(crate) fn one_translation() -> crate::model::Translations {
        let translation = crate::model::Translation {
            text: crate::model::Text::One("x".into()),
            source: "0000000000000000".into(),
        };
        [(
            crate::model::Lang::Es,
            [("title".to_string(), translation)].into(),
        )]
        .into()
    }

    fn as_document(activity: &Activity) -> Option<DocumentMut> {
        to_toml(activity).ok()?.parse().ok()
    }

    /// The text after the assignments, and how many of them changed something.
    fn edit(text: &str, args: &[&str]) -> (String, usize) {
        let mut editor = ActivityEditor::parse(Path::new("a.toml"), text).expect("parses");
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let mut changed = 0;
        for assignment in parse_assignments(&args).expect("valid") {
            changed += usize::from(editor.apply(&assignment).expect("applies"));
        }
        (editor.text(), changed)
    }

    #[test]
    fn key_order_is_the_models_order() {
        let full = Activity {
            contents_title: Some("x".into()),
            previous: Some("2020/I.1.1".into()),
            format: Some(Format::Virtual),
            format_note: Some("x".into()),
            planned_start: Date::from_ymd(2021, 1, 1),
            planned_end: Date::from_ymd(2021, 1, 1),
            actual_start: Date::from_ymd(2021, 1, 1),
            actual_end: Date::from_ymd(2021, 1, 1),
            venue: Some("x".into()),
            account: Some("x".into()),
            audience: Some("x".into()),
            partners: vec!["x".into()],
            objectives_lead: Some("x".into()),
            objectives: vec!["x".into()],
            objectives_closing: Some("x".into()),
            expected_results_lead: Some("x".into()),
            expected_results: vec!["x".into()],
            expected_results_closing: Some("x".into()),
            footnotes: vec![Default::default()],
            participants: vec![crate::model::Participant {
                name: None,
                organisation: "x".into(),
                organisation_id: None,
                country: crate::model::Country::from_code("PE").expect("a country"),
                role: crate::model::Role::Participant,
            }],
            notes: vec![crate::model::Note {
                date: Date::from_ymd(2021, 1, 1).expect("a date"),
                text: "x".into(),
            }],
            outputs: vec![Default::default()],
            translations: one_translation(),
            ..Activity::default()
        };
        let doc = as_document(&full).expect("serialises");
        let keys: Vec<&str> = doc.as_table().iter().map(|(k, _)| k).collect();
        assert_eq!(keys, KEY_ORDER);
        let schema = serde_json::to_value(crate::schema::activity_schema()).expect("json");
        let mut properties: Vec<&str> = schema["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .map(String::as_str)
            .collect();
        let mut ordered = KEY_ORDER.to_vec();
        properties.sort_unstable();
        ordered.sort_unstable();
        assert_eq!(properties, ordered);
    }

    #[test]
    fn an_import_keeps_the_member_states_of_the_file_it_replaces() {
        let new = "year = 2021\ntitle = \"T\"\nlanguage = \"en\"\nforeword = \"F\"\n";
        let old = "year = 2021\nlanguage = \"es\"\n\n# From the organisation's site.\nmember_states = [\n    \"AR\", # first\n    \"BR\",\n]\n\nforeword = \"old\"\n";
        assert_eq!(
            keep_from_replaced(new, old),
            "year = 2021\ntitle = \"T\"\nlanguage = \"en\"\n\n# From the organisation's site.\nmember_states = [\n    \"AR\", # first\n    \"BR\",\n]\nforeword = \"F\"\n"
        );
        // What the import wrote gives way to the list of the file it replaces.
        let imported = "year = 2021\nlanguage = \"en\"\nmember_states = [\n    \"AR\",\n    \"JM\",\n]\nforeword = \"F\"\n";
        assert_eq!(
            keep_from_replaced(imported, old),
            "year = 2021\nlanguage = \"en\"\n\n# From the organisation's site.\nmember_states = [\n    \"AR\", # first\n    \"BR\",\n]\nforeword = \"F\"\n"
        );
        assert_eq!(keep_from_replaced(imported, "year = 2021\n"), imported);
        assert_eq!(keep_from_replaced(new, "year = 2021\n"), new);
        assert_eq!(keep_from_replaced(new, "not toml ="), new);
    }

    #[test]
    fn setting_keeps_the_trailing_comment_and_everything_else() {
        let text = "# head\ncode = \"I.1.1\"\nstatus = \"planned\"  # as approved\nprogress = 0\n";
        let (new, changes) = edit(text, &["status=ongoing"]);
        assert_eq!(
            new,
            "# head\ncode = \"I.1.1\"\nstatus = \"ongoing\"  # as approved\nprogress = 0\n"
        );
        assert_eq!(changes, 1);
        assert_eq!(edit(&new, &["status=ongoing"]), (new.clone(), 0));
    }

    #[test]
    fn new_keys_go_to_their_place_in_model_order() {
        let text = "code = \"I.1.1\"\nstatus = \"planned\"\nactual_start = \"2021-01-02\"\nvenue = \"Lima\" # where\nbackground = \"\"\n";
        let (new, _) = edit(text, &["actual_end=2021-01-03", "format=virtual"]);
        assert_eq!(
            new,
            "code = \"I.1.1\"\nformat = \"virtual\"\nstatus = \"planned\"\nactual_start = \"2021-01-02\"\nactual_end = \"2021-01-03\"\nvenue = \"Lima\" # where\nbackground = \"\"\n"
        );
    }

    #[test]
    fn list_items_follow_the_lists_layout() {
        let text = "partners = [\n    \"CAF\",\n]\n";
        let (new, changes) = edit(text, &["partners+=ALADI"]);
        assert_eq!(new, "partners = [\n    \"CAF\",\n    \"ALADI\",\n]\n");
        assert_eq!(changes, 1);
        assert_eq!(edit(&new, &["partners+=ALADI"]).1, 0);
        let (new, _) = edit("partners = [\"CAF\", \"ALADI\"]\n", &["partners-=CAF"]);
        assert_eq!(new, "partners = [\"ALADI\"]\n");
        let (new, _) = edit("partners = [\"CAF\"]\n", &["partners-=CAF"]);
        assert_eq!(new, "");
    }

    #[test]
    fn values_are_checked_before_anything_is_applied() {
        let bad = |arg: &str| arg.parse::<Assignment>().expect_err(arg).to_string();
        assert_eq!(
            bad("progress=101"),
            "invalid value for `progress`: `101` is not a whole percentage from 0 to 100"
        );
        assert_eq!(bad("stauts=ongoing"), "unknown key `stauts`");
        assert_eq!(bad("background=x"), "`background` cannot be set this way");
        assert!(bad("planned_end=2021-02-30").contains("YYYY-MM-DD"));
        let repeated = parse_assignments(&["status=ongoing".into(), "status=completed".into()]);
        assert!(matches!(repeated, Err(EditError::Repeated("status"))));
        assert_eq!(
            "format=none".parse::<Assignment>().expect("valid").op,
            Op::Remove
        );
    }

    #[test]
    fn next_code_does_not_fill_gaps() {
        assert_eq!(
            next_code("I.1", ["I.1.1", "I.1.3", "I.10.9", "I.2.4"]),
            "I.1.4"
        );
        assert_eq!(next_code("II.3", ["I.1.1"]), "II.3.1");
    }

    #[test]
    fn suggestions_find_close_words_only() {
        assert_eq!(
            did_you_mean("stauts", SETTABLE.iter().copied()),
            Some("status")
        );
        assert_eq!(did_you_mean("zzz", SETTABLE.iter().copied()), None);
    }
}
