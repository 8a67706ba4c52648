//! The field-by-field merge: ours' document with theirs' changes applied through the store's own
//! editing code, so comments and layout stay and the result is what programa writes.
//!
//! Key by key: a key theirs did not touch stays as ours has it; one only theirs changed takes
//! theirs' value (and comments); one both changed alike stays. Where both changed a key
//! differently, arrays of tables merge element by element by identity ([`TableRule`]), lists
//! of strings item by item, tables key by key; anything else is a conflict, marked around that
//! key's lines only.

use std::collections::HashMap;

use toml_edit::{Array, ArrayOfTables, Decor, DocumentMut, Item, Key, Table, Value};

use super::sequence::{self, Outcome, Style};
use super::{Rules, TableRule};
use crate::store::conflict::{Labels, write_block};
use crate::store::edit::put;
use crate::syntax::tree::{NodeKind, Step, Tree};

/// A key both sides changed differently, to be marked in the merged text.
#[derive(Debug, Clone)]
struct Conflict {
    /// Where it is in the merged document.
    merged: Vec<Step>,
    /// Where it is in theirs', when theirs has it.
    theirs: Option<Vec<Step>>,
    /// Whether the merged document holds ours' version; else it holds theirs' (ours having
    /// none) and ours' side of the block is empty.
    holds_ours: bool,
}

/// The merged text and how many blocks of conflict markers it has; `None` when the conflicts
/// could not be placed in the text (the caller then merges line by line).
pub(super) fn merge(
    base: &DocumentMut,
    ours: &DocumentMut,
    theirs: &DocumentMut,
    theirs_text: &str,
    rules: &Rules,
    labels: Labels,
    marker_size: usize,
) -> Option<(String, usize)> {
    let mut merged = ours.clone();
    let mut merger = Merger::default();
    merger.table(
        Some(base.as_table()),
        merged.as_table_mut(),
        theirs.as_table(),
        &Paths::default(),
        rules.root,
        Some(rules),
    );
    if theirs.trailing() != base.trailing() && ours.trailing() == base.trailing() {
        merged.set_trailing(theirs.trailing().clone());
    }
    let text = merged.to_string();
    if merger.conflicts.is_empty() {
        return Some((text, 0));
    }
    let count = merger.conflicts.len();
    let marked = mark(&text, theirs_text, &merger.conflicts, labels, marker_size)?;
    Some((marked, count))
}

/// Where a table being merged is, in the merged document and in theirs'.
#[derive(Debug, Clone, Default)]
struct Paths {
    merged: Vec<Step>,
    theirs: Vec<Step>,
}

impl Paths {
    fn key(&self, key: &str) -> Paths {
        let step = Step::Key(key.to_string());
        let mut paths = self.clone();
        paths.merged.push(step.clone());
        paths.theirs.push(step);
        paths
    }

    fn element(&self, merged: usize, theirs: Option<usize>) -> (Vec<Step>, Option<Vec<Step>>) {
        let mut at = self.merged.clone();
        at.push(Step::Index(merged));
        let there = theirs.map(|index| {
            let mut there = self.theirs.clone();
            there.push(Step::Index(index));
            there
        });
        (at, there)
    }
}

#[derive(Debug, Default)]
struct Merger {
    conflicts: Vec<Conflict>,
}

impl Merger {
    /// Merges into `ours` (which holds ours' version of the table) the changes theirs made to
    /// `base`; `order` is the order of the table's keys, `rules` the tables under it.
    fn table(
        &mut self,
        base: Option<&Table>,
        ours: &mut Table,
        theirs: &Table,
        paths: &Paths,
        order: &[&str],
        rules: Option<&Rules>,
    ) {
        let mut keys: Vec<String> = ours.iter().map(|(k, _)| k.to_string()).collect();
        for (key, _) in theirs.iter() {
            if !ours.contains_key(key) {
                keys.push(key.to_string());
            }
        }
        for key in keys {
            let b = base.and_then(|t| t.get(&key));
            let o = ours.get(&key).cloned();
            let t = theirs.get(&key);
            let paths = paths.key(&key);
            let key_of = |table: Option<&Table>| table.and_then(|t| t.key(&key)).cloned();
            let (base_key, theirs_key) = (key_of(base), key_of(Some(theirs)));
            if same_text(t, b) {
                // Theirs left the key alone; a new comment above it is still theirs' to give.
                if let (Some(there), Some(before), Some(mut here)) =
                    (&theirs_key, &base_key, ours.key_mut(&key))
                    && !same_decor(there.leaf_decor(), before.leaf_decor())
                    && same_decor(here.leaf_decor_mut(), before.leaf_decor())
                {
                    *here.leaf_decor_mut() = there.leaf_decor().clone();
                }
                continue;
            }
            if same_text(o.as_ref(), b) {
                let key = theirs_key.unwrap_or_else(|| Key::new(key.as_str()));
                let decor_changed = matches!(
                    (&base_key, ours.key(key.get())),
                    (Some(before), Some(_)) if !same_decor(key.leaf_decor(), before.leaf_decor())
                );
                put(ours, &key, t.cloned().map(unplaced), order);
                if decor_changed && let Some(mut here) = ours.key_mut(key.get()) {
                    *here.leaf_decor_mut() = key.leaf_decor().clone();
                }
                continue;
            }
            if same_value(o.as_ref(), t) {
                continue;
            }
            let rule = rules.and_then(|rules| rules.table(&key));
            let merged = match (b, o.as_ref(), t) {
                (b, o, t)
                    if [b, o, t]
                        .iter()
                        .all(|i| i.is_none_or(Item::is_array_of_tables)) =>
                {
                    let none = ArrayOfTables::new();
                    let list = |item: Option<&Item>| {
                        item.and_then(Item::as_array_of_tables)
                            .unwrap_or(&none)
                            .clone()
                    };
                    let merged = self.tables(&list(b), &list(o), &list(t), &paths, rule);
                    Some((!merged.is_empty()).then_some(Item::ArrayOfTables(merged)))
                }
                (b, o, t) if [b, o, t].iter().all(|i| i.is_none_or(is_list)) => {
                    let list = |item: Option<&Item>| {
                        item.and_then(Item::as_array).cloned().unwrap_or_default()
                    };
                    merge_list(&list(b), &list(o), &list(t))
                        .map(|merged| (!merged.is_empty()).then(|| Item::Value(merged.into())))
                }
                (b, Some(Item::Table(o)), Some(Item::Table(t))) if b.is_none_or(Item::is_table) => {
                    let mut merged = o.clone();
                    let inner = b.and_then(Item::as_table);
                    self.table(inner, &mut merged, t, &paths, &[], None);
                    Some(Some(Item::Table(merged)))
                }
                _ => None,
            };
            match merged {
                Some(item) => put(ours, &Key::new(key.as_str()), item, order),
                None => self.conflict(ours, &key, o.is_some(), t, &paths, order),
            }
        }
    }

    /// Records a conflict on `key`: the merged document keeps ours' value, or takes theirs'
    /// when ours has none, so that the key has lines to mark.
    fn conflict(
        &mut self,
        ours: &mut Table,
        key: &str,
        ours_has: bool,
        theirs: Option<&Item>,
        paths: &Paths,
        order: &[&str],
    ) {
        if !ours_has && let Some(theirs) = theirs {
            put(ours, &Key::new(key), Some(unplaced(theirs.clone())), order);
        }
        self.conflicts.push(Conflict {
            merged: paths.merged.clone(),
            theirs: theirs.map(|_| paths.theirs.clone()),
            holds_ours: ours_has,
        });
    }

    /// Merges three versions of an array of tables as sets of elements by identity: both sides'
    /// additions are kept, a removal made on one side is respected, elements on all three are
    /// merged key by key. An element one side removed and the other changed is a conflict.
    fn tables(
        &mut self,
        base: &ArrayOfTables,
        ours: &ArrayOfTables,
        theirs: &ArrayOfTables,
        paths: &Paths,
        rule: Option<&TableRule>,
    ) -> ArrayOfTables {
        let (base, ours, theirs) = (elements(base), elements(ours), elements(theirs));
        let ids = |tables: &[&Table]| identities(tables, rule);
        let (base_ids, ours_ids, theirs_ids) = (ids(&base), ids(&ours), ids(&theirs));
        let find = |ids: &[String], id: &String| ids.iter().position(|x| x == id);

        /// Where an element of the result comes from, and whether the other side removed it.
        #[derive(Clone, Copy)]
        enum From {
            Ours { index: usize, disputed: bool },
            Theirs { index: usize, disputed: bool },
        }
        let mut result: Vec<From> = Vec::new();
        for (index, id) in ours_ids.iter().enumerate() {
            let removed_by_theirs = find(&base_ids, id).filter(|_| find(&theirs_ids, id).is_none());
            match removed_by_theirs {
                // Theirs removed it and ours left it alone: it goes.
                Some(b) if same_table_value(ours[index], base[b]) => {}
                Some(_) => result.push(From::Ours {
                    index,
                    disputed: true,
                }),
                None => result.push(From::Ours {
                    index,
                    disputed: false,
                }),
            }
        }
        for (index, id) in theirs_ids.iter().enumerate() {
            if find(&ours_ids, id).is_some() {
                continue;
            }
            let disputed = find(&base_ids, id).is_some();
            // Ours removed it: it goes, unless theirs changed it.
            if let Some(b) = find(&base_ids, id)
                && same_table_value(theirs[index], base[b])
            {
                continue;
            }
            // After the element theirs has before it, and after what ours added there (for
            // dated elements, what ours added on the same day or before).
            let anchor = theirs_ids[..index].iter().rev().find_map(|before| {
                result.iter().rposition(|from| match *from {
                    From::Ours { index, .. } => &ours_ids[index] == before,
                    From::Theirs { index, .. } => &theirs_ids[index] == before,
                })
            });
            let mut at = anchor.map_or(0, |a| a + 1);
            let dated = |table: &Table, key: &str| table.get(key).map(display_item);
            while let Some(&From::Ours { index: i, .. }) = result.get(at) {
                let added_by_ours = find(&base_ids, &ours_ids[i]).is_none();
                let later = rule
                    .and_then(|r| r.dated)
                    .is_some_and(|key| dated(ours[i], key) > dated(theirs[index], key));
                if !added_by_ours || later {
                    break;
                }
                at += 1;
            }
            result.insert(at, From::Theirs { index, disputed });
        }

        let order = rule.map_or(&[][..], |r| r.order);
        let mut merged = ArrayOfTables::new();
        for (at, from) in result.into_iter().enumerate() {
            let table = match from {
                From::Ours { index, disputed } => {
                    let mut table = ours[index].clone();
                    let id = &ours_ids[index];
                    if disputed {
                        self.conflicts.push(Conflict {
                            merged: paths.element(at, None).0,
                            theirs: None,
                            holds_ours: true,
                        });
                    } else if let Some(there) = find(&theirs_ids, id) {
                        let (merged_path, theirs_path) = paths.element(at, Some(there));
                        let inner = Paths {
                            merged: merged_path,
                            theirs: theirs_path.unwrap_or_default(),
                        };
                        let before = find(&base_ids, id).map(|b| &base[b]);
                        self.table(
                            before.copied(),
                            &mut table,
                            theirs[there],
                            &inner,
                            order,
                            None,
                        );
                    }
                    table
                }
                From::Theirs { index, disputed } => {
                    if disputed {
                        let (merged_path, theirs_path) = paths.element(at, Some(index));
                        self.conflicts.push(Conflict {
                            merged: merged_path,
                            theirs: theirs_path,
                            holds_ours: false,
                        });
                    }
                    let mut table = theirs[index].clone();
                    table.set_position(None);
                    table
                }
            };
            merged.push(table);
        }
        merged
    }
}

/// The elements of an array of tables.
fn elements(array: &ArrayOfTables) -> Vec<&Table> {
    array.iter().collect()
}

/// The identity of each element, as the rule says, numbered among equal ones (the second
/// element of one identity matches the second on the other side).
fn identities(tables: &[&Table], rule: Option<&TableRule>) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    tables
        .iter()
        .map(|table| {
            let id = match rule {
                Some(rule) => rule.identity(table),
                None => whole(table),
            };
            let count = seen.entry(id.clone()).or_default();
            *count += 1;
            format!("{id}\u{0}{count}")
        })
        .collect()
}

/// Every key and value of a table, as one string, keys in order.
pub(super) fn whole(table: &Table) -> String {
    let mut pairs: Vec<(String, String)> = table
        .iter()
        .map(|(key, item)| (key.to_string(), display_item(item)))
        .collect();
    pairs.sort();
    pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("\u{1}")
}

/// Merges three versions of a list of strings item by item: `None` when both changed the same
/// stretch differently. Items keep their layout; new ones take the list's.
fn merge_list(base: &Array, ours: &Array, theirs: &Array) -> Option<Array> {
    let items = |array: &Array| array.iter().map(display_value).collect::<Vec<_>>();
    let (b, o, t) = (items(base), items(ours), items(theirs));
    let mut values: Vec<(Value, bool)> = Vec::new();
    for chunk in sequence::merge(&b, &o, &t, Style::Items) {
        let from_ours = chunk
            .ours
            .clone()
            .filter_map(|i| ours.get(i))
            .map(|v| (v.clone(), true));
        let from_theirs = |skip: &[String]| {
            chunk
                .theirs
                .clone()
                .filter(|&i| !skip.contains(&t[i]))
                .filter_map(|i| theirs.get(i))
                .map(|v| (v.clone(), false))
                .collect::<Vec<_>>()
        };
        match chunk.outcome {
            Outcome::Unchanged | Outcome::Ours => values.extend(from_ours),
            Outcome::Theirs => values.extend(from_theirs(&[])),
            Outcome::Both => {
                values.extend(from_ours);
                values.extend(from_theirs(&o[chunk.ours.clone()]));
            }
            Outcome::Conflict => return None,
        }
    }
    // New items take the layout of the list's last item, as `programa set key+=item` does.
    let multi_line = ours
        .iter()
        .last()
        .and_then(|v| v.decor().prefix())
        .and_then(|p| p.as_str())
        .filter(|p| p.contains('\n'))
        .map(String::from);
    let mut merged = ours.clone();
    merged.clear();
    for (index, (value, kept)) in values.into_iter().enumerate() {
        let value = match (&multi_line, kept) {
            (_, true) if index > 0 => value,
            (Some(prefix), _) => value.decorated(prefix.as_str(), ""),
            (None, _) if index == 0 => value.decorated("", ""),
            (None, _) => value.decorated(" ", ""),
        };
        merged.push_formatted(value);
    }
    Some(merged)
}

/// Whether an item is a list of plain values.
fn is_list(item: &Item) -> bool {
    item.as_array().is_some()
}

/// `item` without the place it had in its own document, so that it is written where it is put.
fn unplaced(mut item: Item) -> Item {
    match &mut item {
        Item::Table(table) => table.set_position(None),
        Item::ArrayOfTables(array) => {
            for table in array.iter_mut() {
                table.set_position(None);
            }
        }
        _ => {}
    }
    item
}

/// A value as a string, for identities and dates: strings without quotes.
fn display_value(value: &Value) -> String {
    match value {
        Value::String(text) => text.value().clone(),
        other => other.clone().decorated("", "").to_string(),
    }
}

/// An item as a string, for identities.
pub(super) fn display_item(item: &Item) -> String {
    match item {
        Item::Value(value) => display_value(value),
        Item::Table(table) => whole(table),
        Item::ArrayOfTables(array) => array.iter().map(whole).collect::<Vec<_>>().join("\u{2}"),
        Item::None => String::new(),
    }
}

/// Whether two decors write the same text.
fn same_decor(a: &Decor, b: &Decor) -> bool {
    let raw = |d: &Decor| {
        (
            d.prefix().and_then(|p| p.as_str()).map(String::from),
            d.suffix().and_then(|s| s.as_str()).map(String::from),
        )
    };
    raw(a) == raw(b)
}

/// Whether two versions of a key are written alike: the same values, comments and layout.
fn same_text(a: Option<&Item>, b: Option<&Item>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(Item::Value(a)), Some(Item::Value(b))) => a.to_string() == b.to_string(),
        (Some(Item::Table(a)), Some(Item::Table(b))) => same_table_text(a, b),
        (Some(Item::ArrayOfTables(a)), Some(Item::ArrayOfTables(b))) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(a, b)| same_table_text(a, b))
        }
        _ => false,
    }
}

fn same_table_text(a: &Table, b: &Table) -> bool {
    same_decor(a.decor(), b.decor())
        && a.len() == b.len()
        && a.iter().zip(b.iter()).all(|((ka, ia), (kb, ib))| {
            ka == kb
                && match (a.key(ka), b.key(kb)) {
                    (Some(x), Some(y)) => same_decor(x.leaf_decor(), y.leaf_decor()),
                    _ => false,
                }
                && same_text(Some(ia), Some(ib))
        })
}

/// Whether two versions of a key hold the same data, however written. An empty list is no list.
fn same_value(a: Option<&Item>, b: Option<&Item>) -> bool {
    let empty = |item: Option<&Item>| match item {
        None => true,
        Some(Item::ArrayOfTables(array)) => array.is_empty(),
        Some(Item::Value(Value::Array(array))) => array.is_empty(),
        _ => false,
    };
    if empty(a) && empty(b) {
        return true;
    }
    match (a, b) {
        (Some(Item::Value(a)), Some(Item::Value(b))) => value_eq(a, b),
        (Some(Item::Table(a)), Some(Item::Table(b))) => same_table_value(a, b),
        (Some(Item::ArrayOfTables(a)), Some(Item::ArrayOfTables(b))) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(a, b)| same_table_value(a, b))
        }
        _ => false,
    }
}

fn same_table_value(a: &Table, b: &Table) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(key, item)| same_value(Some(item), b.get(key)))
}

fn value_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(a), Value::String(b)) => a.value() == b.value(),
        (Value::Integer(a), Value::Integer(b)) => a.value() == b.value(),
        (Value::Float(a), Value::Float(b)) => a.value().to_bits() == b.value().to_bits(),
        (Value::Boolean(a), Value::Boolean(b)) => a.value() == b.value(),
        (Value::Datetime(a), Value::Datetime(b)) => a.value() == b.value(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(a, b)| value_eq(a, b))
        }
        (Value::InlineTable(a), Value::InlineTable(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(key, value)| b.get(key).is_some_and(|other| value_eq(value, other)))
        }
        _ => false,
    }
}

/// `text` (the merged document) with each conflict's lines replaced by a block of markers
/// showing ours' and theirs' lines; `None` if a conflict cannot be found in the text.
fn mark(
    text: &str,
    theirs_text: &str,
    conflicts: &[Conflict],
    labels: Labels,
    marker_size: usize,
) -> Option<String> {
    let merged_tree = Tree::parse(text).ok()?;
    let theirs_tree = Tree::parse(theirs_text).ok()?;
    let mut blocks = Vec::new();
    for conflict in conflicts {
        let here = lines_of(&merged_tree, text, &conflict.merged)?;
        let there = match &conflict.theirs {
            Some(path) if conflict.holds_ours => {
                let range = lines_of(&theirs_tree, theirs_text, path)?;
                theirs_text[range].to_string()
            }
            _ => String::new(),
        };
        let (ours, theirs) = if conflict.holds_ours {
            (text[here.clone()].to_string(), there)
        } else {
            (String::new(), text[here.clone()].to_string())
        };
        blocks.push((here, ours, theirs));
    }
    blocks.sort_by_key(|(range, _, _)| range.start);
    if blocks.windows(2).any(|w| w[0].0.end > w[1].0.start) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 128);
    let mut at = 0;
    for (range, ours, theirs) in blocks {
        out.push_str(&text[at..range.start]);
        write_block(&mut out, &ours, &theirs, labels, marker_size);
        at = range.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// The whole lines of `text` that write the key or element at `path`: from the start of its
/// first line to the end of its last.
fn lines_of(tree: &Tree, text: &str, path: &[Step]) -> Option<std::ops::Range<usize>> {
    let node = tree.get(path)?;
    if !matches!(node.kind, NodeKind::KeyValue | NodeKind::Header) {
        return None;
    }
    let start = node.key.as_ref()?.start;
    let end = tree
        .subtree(path)
        .flat_map(|n| [&n.key, &n.value, &n.extent])
        .flatten()
        .map(|r| r.end)
        .max()?;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    Some(line_start..line_end)
}
