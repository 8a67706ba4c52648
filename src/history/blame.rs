//! Field-level blame: for every field, list item, partner, participant, note, output and
//! footnote of one activity, the commit that last set it, read from the same walk along the
//! activity's file as `history` and `log CODE`.
//!
//! The walk's changes are read newest first. A value is set by the newest change that made it
//! what it is now; list items are followed through the numbers they had in older versions;
//! whatever is left when the walk reaches the commit that created the activity was set by it.
//! Changes not committed yet come first, from the working tree against `HEAD`.

use serde::Serialize;

use super::walk::LogEntry;
use super::{LogQuery, Repo, Result, Stamp, subtree};
use crate::changes::{ChangeKind, FieldChange, ItemChange, ListName, compare_activity};
use crate::model::Activity;
use crate::store::ACTIVITIES_DIR;

/// Who set each part of an activity.
#[derive(Debug, Clone, Serialize)]
pub struct Blame {
    /// The activity's code.
    pub code: String,
    /// Its title.
    pub title: String,
    /// Its parts in the file's order.
    pub lines: Vec<BlamedLine>,
    /// Problems met while reading the history.
    pub warnings: Vec<String>,
}

/// One part of an activity and the change that set it.
#[derive(Debug, Clone, Serialize)]
pub struct BlamedLine {
    /// What it is: a field's key (`status`), a numbered item (`objectives 2`), or a list's
    /// name for one of its entries (`participants`, `notes`, `outputs`, `footnotes`,
    /// `partners`).
    pub field: String,
    /// Its value as it is now, on one line.
    pub value: String,
    /// What set it.
    #[serde(flatten)]
    pub set_by: SetBy,
}

/// What set a part of an activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "set_by", rename_all = "kebab-case")]
pub enum SetBy {
    /// A commit.
    Commit {
        /// The commit, its author and date.
        commit: Stamp,
    },
    /// A change in the working tree not committed yet.
    NotCommitted,
    /// A commit older than the history has (a shallow clone).
    BeforeHistory,
}

/// A part of the activity, as the walk looks for it.
enum Part {
    /// A field, by its key.
    Field(&'static str),
    /// An item of a list, by its number (1-based) in the version the walk has reached.
    Item(ListName, usize),
    /// A partner, a participant, a note, an output or a footnote: found by its value.
    Entry(Entry),
}

/// An entry of one of the activity's lists, as it is now.
#[derive(PartialEq)]
enum Entry {
    Partner(String),
    Participant(crate::model::Participant),
    Note(crate::model::Note),
    Output(crate::model::Output),
    Footnote(crate::model::Footnote),
}

/// A part being looked for: what it is, and what set it once found.
struct Sought {
    line: BlamedLine,
    part: Part,
    found: bool,
}

impl Repo {
    /// Who set each part of `current` (the activity as the working tree has it) in `year`.
    pub fn blame(&self, year: i32, current: &Activity) -> Result<Blame> {
        let query = LogQuery {
            code: Some(current.code.clone()),
            ..LogQuery::default()
        };
        let log = self.log_of(year, &query)?;
        let mut sought = parts_of(current);
        let mut lengths = [current.objectives.len(), current.expected_results.len()];
        match self.committed_activity(year, &current.code)? {
            Some(committed) => {
                let fields = compare_activity(&committed, current);
                attribute(&mut sought, &mut lengths, &fields, &SetBy::NotCommitted);
                if committed.code != current.code {
                    settle(&mut sought, "code", &SetBy::NotCommitted);
                }
            }
            None => settle_all(&mut sought, &SetBy::NotCommitted),
        }
        for entry in log.entries.iter().rev() {
            attribute_entry(&mut sought, &mut lengths, entry);
        }
        settle_all(&mut sought, &SetBy::BeforeHistory);
        Ok(Blame {
            code: current.code.clone(),
            title: current.title.clone(),
            lines: sought.into_iter().map(|s| s.line).collect(),
            warnings: log.warnings,
        })
    }

    /// The activity `code` of `year` as HEAD has it, when it is there and reads.
    fn committed_activity(&self, year: i32, code: &str) -> Result<Option<Activity>> {
        let Some(head) = self.head()? else {
            return Ok(None);
        };
        let tree = self.git.find_commit(head)?.tree()?;
        let Some(year_tree) = subtree(&self.git, &tree, &self.year_path(year))? else {
            return Ok(None);
        };
        let path = format!("{ACTIVITIES_DIR}/{code}.toml");
        let Ok(entry) = year_tree.get_path(std::path::Path::new(&path)) else {
            return Ok(None);
        };
        let bytes = self.blob_bytes(entry.id())?;
        Ok(std::str::from_utf8(&bytes)
            .ok()
            .and_then(|text| toml::from_str(text).ok()))
    }
}

/// Attributes what one commit changed in the activity.
fn attribute_entry(sought: &mut [Sought], lengths: &mut [usize; 2], entry: &LogEntry) {
    let by = SetBy::Commit {
        commit: entry.commit.clone(),
    };
    for change in &entry.changes.activities {
        match &change.kind {
            ChangeKind::Added => {
                settle_all(sought, &by);
                return;
            }
            ChangeKind::Renamed { .. } => settle(sought, "code", &by),
            ChangeKind::Removed | ChangeKind::Modified => {}
        }
        attribute(sought, lengths, &change.fields, &by);
    }
}

/// Attributes field changes to `by`, and follows list items back to their numbers before them.
fn attribute(sought: &mut [Sought], lengths: &mut [usize; 2], fields: &[FieldChange], by: &SetBy) {
    for field in fields {
        match field {
            FieldChange::Item { .. } => {}
            FieldChange::PartnersAdded { names } => {
                for name in names {
                    settle_entry(sought, &Entry::Partner(name.clone()), by);
                }
            }
            FieldChange::ParticipantsAdded { participants } => {
                for p in participants {
                    settle_entry(sought, &Entry::Participant(p.clone()), by);
                }
            }
            FieldChange::ParticipantChanged { to, .. } => {
                settle_entry(sought, &Entry::Participant(to.clone()), by)
            }
            FieldChange::NoteAdded { note } | FieldChange::NoteChanged { to: note, .. } => {
                settle_entry(sought, &Entry::Note(note.clone()), by)
            }
            FieldChange::OutputAdded { output } | FieldChange::OutputChanged { to: output, .. } => {
                settle_entry(sought, &Entry::Output(output.clone()), by)
            }
            FieldChange::FootnoteAdded { footnote }
            | FieldChange::FootnoteChanged { to: footnote, .. } => {
                settle_entry(sought, &Entry::Footnote(footnote.clone()), by)
            }
            FieldChange::PartnersRemoved { .. }
            | FieldChange::ParticipantsRemoved { .. }
            | FieldChange::NoteRemoved { .. }
            | FieldChange::OutputRemoved { .. }
            | FieldChange::FootnoteRemoved { .. } => {}
            other => settle(sought, other.field(), by),
        }
    }
    for (slot, list) in [ListName::Objectives, ListName::ExpectedResults]
        .into_iter()
        .enumerate()
    {
        lengths[slot] = follow_items(sought, list, lengths[slot], fields, by);
    }
}

/// Settles the items of `list` that a change added or reworded, and renumbers the others as
/// the version before it numbered them; returns the list's length before it.
fn follow_items(
    sought: &mut [Sought],
    list: ListName,
    length: usize,
    fields: &[FieldChange],
    by: &SetBy,
) -> usize {
    let mut added = Vec::new();
    let mut reworded = Vec::new();
    let mut removed = Vec::new();
    for field in fields {
        if let FieldChange::Item {
            list: l,
            number,
            change,
            ..
        } = field
            && *l == list
        {
            match change {
                ItemChange::Added => added.push(*number),
                ItemChange::Reworded => reworded.push(*number),
                ItemChange::Removed => removed.push(*number),
            }
        }
    }
    if added.is_empty() && reworded.is_empty() && removed.is_empty() {
        return length;
    }
    let before = (length + removed.len()).saturating_sub(added.len());
    let newer: Vec<usize> = (1..=length).filter(|n| !added.contains(n)).collect();
    let older: Vec<usize> = (1..=before).filter(|n| !removed.contains(n)).collect();
    for s in sought.iter_mut().filter(|s| !s.found) {
        let Part::Item(l, number) = &mut s.part else {
            continue;
        };
        if *l != list {
            continue;
        }
        if added.contains(number) || reworded.contains(number) {
            s.line.set_by = by.clone();
            s.found = true;
        } else if let Some(k) = newer.iter().position(|n| n == number) {
            *number = older.get(k).copied().unwrap_or(*number);
        }
    }
    before
}

fn settle(sought: &mut [Sought], key: &str, by: &SetBy) {
    for s in sought.iter_mut().filter(|s| !s.found) {
        if matches!(s.part, Part::Field(k) if k == key) {
            s.line.set_by = by.clone();
            s.found = true;
        }
    }
}

fn settle_entry(sought: &mut [Sought], entry: &Entry, by: &SetBy) {
    if let Some(s) = sought
        .iter_mut()
        .find(|s| !s.found && matches!(&s.part, Part::Entry(e) if e == entry))
    {
        s.line.set_by = by.clone();
        s.found = true;
    }
}

fn settle_all(sought: &mut [Sought], by: &SetBy) {
    for s in sought.iter_mut().filter(|s| !s.found) {
        s.line.set_by = by.clone();
        s.found = true;
    }
}

/// The parts of an activity that have a value, in the file's order.
fn parts_of(a: &Activity) -> Vec<Sought> {
    let mut parts = Parts(Vec::new());
    parts.field("code", Some(a.code.clone()));
    parts.field("project", Some(a.project.clone()));
    parts.field("title", Some(a.title.clone()));
    parts.field("contents_title", a.contents_title.clone());
    parts.field("kind", Some(a.kind.to_string()));
    parts.field("format", a.format.map(|f| f.to_string()));
    parts.field("format_note", a.format_note.clone());
    parts.field("status", Some(a.status.to_string()));
    parts.field("progress", Some(format!("{}%", a.progress)));
    parts.field("planned_start", a.planned_start.map(|d| d.to_string()));
    parts.field("planned_end", a.planned_end.map(|d| d.to_string()));
    parts.field("actual_start", a.actual_start.map(|d| d.to_string()));
    parts.field("actual_end", a.actual_end.map(|d| d.to_string()));
    parts.field("venue", a.venue.clone());
    parts.field("account", a.account.clone());
    parts.field("audience", a.audience.clone());
    for name in &a.partners {
        parts.entry("partners", name.clone(), Entry::Partner(name.clone()));
    }
    parts.field("background", Some(a.background.clone()));
    parts.field("objectives_lead", a.objectives_lead.clone());
    parts.items(ListName::Objectives, "objectives", &a.objectives);
    parts.field("objectives_closing", a.objectives_closing.clone());
    parts.field("expected_results_lead", a.expected_results_lead.clone());
    parts.items(
        ListName::ExpectedResults,
        "expected_results",
        &a.expected_results,
    );
    parts.field(
        "expected_results_closing",
        a.expected_results_closing.clone(),
    );
    for f in &a.footnotes {
        let value = format!("[^{}] {}", f.id, f.text);
        parts.entry("footnotes", value, Entry::Footnote(f.clone()));
    }
    for p in &a.participants {
        let value = crate::changes::describe_participant(p);
        parts.entry("participants", value, Entry::Participant(p.clone()));
    }
    for n in &a.notes {
        let value = format!("{} {}", n.date, n.text);
        parts.entry("notes", value, Entry::Note(n.clone()));
    }
    for o in &a.outputs {
        parts.entry("outputs", o.title.clone(), Entry::Output(o.clone()));
    }
    parts.0
}

/// The parts of an activity being listed.
struct Parts(Vec<Sought>);

impl Parts {
    fn push(&mut self, field: String, value: String, part: Part) {
        self.0.push(Sought {
            line: BlamedLine {
                field,
                value,
                set_by: SetBy::BeforeHistory,
            },
            part,
            found: false,
        });
    }

    /// A field, when it has a value.
    fn field(&mut self, key: &'static str, value: Option<String>) {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            self.push(key.to_string(), value, Part::Field(key));
        }
    }

    fn items(&mut self, list: ListName, key: &str, items: &[String]) {
        for (n, item) in items.iter().enumerate() {
            self.push(
                format!("{key} {}", n + 1),
                item.clone(),
                Part::Item(list, n + 1),
            );
        }
    }

    fn entry(&mut self, key: &str, value: String, entry: Entry) {
        self.push(key.to_string(), value, Part::Entry(entry));
    }
}
