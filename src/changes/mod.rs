//! What changed between two states of a programme, in its own terms: pure comparison, no IO.
//!
//! [`compare`] turns two [`Plan`]s into [`PlanChanges`]: per activity an [`ActivityChange`]
//! (added, removed, renamed or modified) with typed [`FieldChange`]s, and the changes to the
//! programme file ([`ProgrammeChange`]). Every change prints as a short phrase ("status planned →
//! completed", "+3 participants from 2 countries", "objective 3 reworded") and serialises to JSON.

mod display;
pub mod markdown;
mod message;
mod summary;
mod words;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::{
    Activity, Date, Footnote, Format, Kind, Lang, Note, Organisation, Output, Participant, Plan,
    Status, Text, Translations, WorkProgramme, code_sort_key,
};

pub use display::{describe_participant, describe_participant_in, edit_phrases, quote};
pub use message::{commit_message, merge_message};
pub use summary::{BaselineSummary, DateMove, FormatChange, StatusCount};
pub use words::{WordChange, WordTag, render_word_diff, render_word_diff_with, word_diff};

/// Everything that changed between two states of a year's programme.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PlanChanges {
    /// Changes to `programme.toml`: metadata, front matter, areas, programmes, projects.
    pub programme: Vec<ProgrammeChange>,
    /// Changes to activities, in code order.
    pub activities: Vec<ActivityChange>,
}

impl PlanChanges {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.programme.is_empty() && self.activities.is_empty()
    }

    /// The change to the activity with this code, if it changed.
    pub fn activity(&self, code: &str) -> Option<&ActivityChange> {
        self.activities.iter().find(|c| c.code == code)
    }
}

/// How one activity changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityChange {
    /// The activity's code in the newer state (the older one for a removed activity).
    pub code: String,
    /// Its title in that state.
    pub title: String,
    /// Added, removed, renamed or modified.
    #[serde(flatten)]
    pub kind: ChangeKind,
    /// The fields that changed. For an added activity: every field it was created with.
    pub fields: Vec<FieldChange>,
}

/// Whether an activity appeared, disappeared, changed code or changed in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum ChangeKind {
    /// New in the newer state.
    Added,
    /// Gone from the newer state.
    Removed,
    /// The same activity under a new code.
    Renamed {
        /// The code it had before.
        from: String,
    },
    /// Same code, some fields changed.
    Modified,
}

/// Which list of an activity an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListName {
    /// B. Objectives.
    Objectives,
    /// C. Expected results.
    ExpectedResults,
}

/// What happened to one item of a numbered list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemChange {
    /// A new item.
    Added,
    /// An item taken out.
    Removed,
    /// The same item, said differently.
    Reworded,
}

/// One field of an activity that changed, typed enough to print and to serialise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "field_change", rename_all = "kebab-case")]
pub enum FieldChange {
    /// The status moved.
    Status {
        /// Before.
        from: Status,
        /// After.
        to: Status,
    },
    /// Progress moved.
    Progress {
        /// Before, in percent.
        from: u8,
        /// After, in percent.
        to: u8,
    },
    /// The kind of activity changed.
    Kind {
        /// Before.
        from: Kind,
        /// After.
        to: Kind,
    },
    /// How the event is held changed.
    Format {
        /// Before.
        from: Option<Format>,
        /// After.
        to: Option<Format>,
    },
    /// A planned or actual date was set, moved or cleared.
    Date {
        /// `planned_start`, `planned_end`, `actual_start` or `actual_end`.
        field: &'static str,
        /// Before.
        from: Option<Date>,
        /// After.
        to: Option<Date>,
    },
    /// A short one-line value changed: title, project, venue, format note, contents title.
    Text {
        /// The field's key.
        field: &'static str,
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// A piece of prose changed: background, audience, the account, the paragraphs around the
    /// lists.
    Prose {
        /// The field's key.
        field: &'static str,
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// An objective or expected result was added, removed or reworded.
    Item {
        /// Which list.
        list: ListName,
        /// Its number (1-based): in the newer list, or in the older one when removed.
        number: usize,
        /// What happened to it.
        change: ItemChange,
        /// Its text before.
        from: Option<String>,
        /// Its text after.
        to: Option<String>,
    },
    /// Partner organisations joined.
    PartnersAdded {
        /// Their names.
        names: Vec<String>,
    },
    /// Partner organisations left.
    PartnersRemoved {
        /// Their names.
        names: Vec<String>,
    },
    /// Participants were recorded.
    ParticipantsAdded {
        /// Who.
        participants: Vec<Participant>,
    },
    /// Participants were taken off.
    ParticipantsRemoved {
        /// Who.
        participants: Vec<Participant>,
    },
    /// A participant's record changed (same organisation, country and name).
    ParticipantChanged {
        /// Before.
        from: Participant,
        /// After.
        to: Participant,
    },
    /// A progress note was added.
    NoteAdded {
        /// The note.
        note: Note,
    },
    /// A progress note was taken out.
    NoteRemoved {
        /// The note.
        note: Note,
    },
    /// A progress note was edited.
    NoteChanged {
        /// Before.
        from: Note,
        /// After.
        to: Note,
    },
    /// An output was recorded.
    OutputAdded {
        /// The output.
        output: Output,
    },
    /// An output was taken out.
    OutputRemoved {
        /// The output.
        output: Output,
    },
    /// An output's record changed (same title).
    OutputChanged {
        /// Before.
        from: Output,
        /// After.
        to: Output,
    },
    /// A footnote was added.
    FootnoteAdded {
        /// The footnote.
        footnote: Footnote,
    },
    /// A footnote was taken out.
    FootnoteRemoved {
        /// The footnote.
        footnote: Footnote,
    },
    /// A footnote's text changed.
    FootnoteChanged {
        /// Before.
        from: Footnote,
        /// After.
        to: Footnote,
    },
    /// A field's translation into another language was added, changed or removed.
    Translation(TranslationChange),
}

/// A field's translation added, changed or removed, in an activity or the programme file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TranslationChange {
    /// The language of the translation.
    pub lang: Lang,
    /// The path of the field translated (`title`, `areas/I/summary`).
    pub field: String,
    /// The translation before, if any.
    pub from: Option<Text>,
    /// After, if any.
    pub to: Option<Text>,
    /// Whether only the record of its source changed: the translation was confirmed as still
    /// right for a changed source text.
    pub reviewed: bool,
}

/// What a part of the programme file is: an area, a programme or a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// An area (`I`).
    Area,
    /// A programme (by its id).
    Programme,
    /// A project (`I.1`).
    Project,
}

/// One change to `programme.toml`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum ProgrammeChange {
    /// The programme file appeared (the year was created).
    Created {
        /// The year.
        year: i32,
        /// Its title.
        title: String,
    },
    /// The programme file disappeared.
    Deleted {
        /// The year it was for.
        year: i32,
    },
    /// A metadata value changed: year, title, organisation, document codes, language.
    Metadata {
        /// The key.
        field: &'static str,
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// Front matter prose changed: notice, foreword, introduction, background.
    FrontMatter {
        /// The key.
        field: &'static str,
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// An area, programme or project was added.
    Added {
        /// Which kind of part.
        part: Part,
        /// Its code (or id for a programme).
        code: String,
        /// Its title.
        title: String,
    },
    /// An area, programme or project was removed.
    Removed {
        /// Which kind of part.
        part: Part,
        /// Its code (or id).
        code: String,
        /// Its title.
        title: String,
    },
    /// An area, programme or project got a new title.
    Retitled {
        /// Which kind of part.
        part: Part,
        /// Its code (or id).
        code: String,
        /// Before.
        from: String,
        /// After.
        to: String,
    },
    /// A programme moved to another area, or a project to another programme.
    Moved {
        /// Which kind of part.
        part: Part,
        /// Its code (or id).
        code: String,
        /// The area or programme before.
        from: String,
        /// After.
        to: String,
    },
    /// An area's summary in the introduction changed.
    AreaSummary {
        /// The area's code.
        code: String,
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// A translation of the programme file's text changed.
    Translation(TranslationChange),
}

/// Everything that changed from `old` to `new`.
pub fn compare(old: &Plan, new: &Plan) -> PlanChanges {
    let old_activities: Vec<&Activity> = old.activities.iter().collect();
    let new_activities: Vec<&Activity> = new.activities.iter().collect();
    PlanChanges {
        programme: compare_programmes(&old.programme, &new.programme),
        activities: compare_activities(&old_activities, &new_activities),
    }
}

/// The changes between two sets of activities, matched by code; an activity that disappeared
/// under one code and appeared under another with the same title or background is a rename.
pub fn compare_activities(old: &[&Activity], new: &[&Activity]) -> Vec<ActivityChange> {
    let mut changes = Vec::new();
    let find = |list: &[&Activity], code: &str| list.iter().position(|a| a.code == code);
    let mut gone: Vec<&Activity> = old
        .iter()
        .copied()
        .filter(|a| find(new, &a.code).is_none())
        .collect();
    for activity in new {
        match find(old, &activity.code) {
            Some(i) => {
                let fields = compare_activity(old[i], activity);
                if !fields.is_empty() {
                    changes.push(ActivityChange {
                        code: activity.code.clone(),
                        title: activity.title.clone(),
                        kind: ChangeKind::Modified,
                        fields,
                    });
                }
            }
            None => {
                let renamed = gone.iter().position(|g| same_activity(g, activity));
                let (kind, fields) = match renamed {
                    Some(g) => {
                        let from = gone.remove(g);
                        let kind = ChangeKind::Renamed {
                            from: from.code.clone(),
                        };
                        (kind, compare_activity(from, activity))
                    }
                    None => (ChangeKind::Added, created_fields(activity)),
                };
                changes.push(ActivityChange {
                    code: activity.code.clone(),
                    title: activity.title.clone(),
                    kind,
                    fields,
                });
            }
        }
    }
    for activity in gone {
        changes.push(ActivityChange {
            code: activity.code.clone(),
            title: activity.title.clone(),
            kind: ChangeKind::Removed,
            fields: Vec::new(),
        });
    }
    changes.sort_by_cached_key(|c| code_sort_key(&c.code));
    changes
}

/// Whether two activities with different codes are one activity renamed.
fn same_activity(old: &Activity, new: &Activity) -> bool {
    (!old.title.trim().is_empty() && old.title == new.title)
        || (!old.background.trim().is_empty() && old.background == new.background)
}

/// The fields an activity was created with: everything that differs from a blank activity.
fn created_fields(activity: &Activity) -> Vec<FieldChange> {
    let blank = Activity {
        code: activity.code.clone(),
        ..Activity::default()
    };
    compare_activity(&blank, activity)
}

/// The field changes from `old` to `new`, in the order of the file. The code is not compared.
pub fn compare_activity(old: &Activity, new: &Activity) -> Vec<FieldChange> {
    let mut fields = Vec::new();
    text("project", &old.project, &new.project, &mut fields);
    text("title", &old.title, &new.title, &mut fields);
    optional_text(
        "contents_title",
        &old.contents_title,
        &new.contents_title,
        &mut fields,
    );
    optional_text("previous", &old.previous, &new.previous, &mut fields);
    if old.kind != new.kind {
        fields.push(FieldChange::Kind {
            from: old.kind,
            to: new.kind,
        });
    }
    if old.format != new.format {
        fields.push(FieldChange::Format {
            from: old.format,
            to: new.format,
        });
    }
    optional_text(
        "format_note",
        &old.format_note,
        &new.format_note,
        &mut fields,
    );
    if old.status != new.status {
        fields.push(FieldChange::Status {
            from: old.status,
            to: new.status,
        });
    }
    if old.progress != new.progress {
        fields.push(FieldChange::Progress {
            from: old.progress,
            to: new.progress,
        });
    }
    let dates = [
        ("planned_start", old.planned_start, new.planned_start),
        ("planned_end", old.planned_end, new.planned_end),
        ("actual_start", old.actual_start, new.actual_start),
        ("actual_end", old.actual_end, new.actual_end),
    ];
    for (field, from, to) in dates {
        if from != to {
            fields.push(FieldChange::Date { field, from, to });
        }
    }
    optional_text("venue", &old.venue, &new.venue, &mut fields);
    prose("account", &old.account, &new.account, &mut fields);
    prose("audience", &old.audience, &new.audience, &mut fields);
    partners(&old.partners, &new.partners, &mut fields);
    prose(
        "background",
        &non_empty(&old.background),
        &non_empty(&new.background),
        &mut fields,
    );
    prose(
        "objectives_lead",
        &old.objectives_lead,
        &new.objectives_lead,
        &mut fields,
    );
    items(
        ListName::Objectives,
        &old.objectives,
        &new.objectives,
        &mut fields,
    );
    prose(
        "objectives_closing",
        &old.objectives_closing,
        &new.objectives_closing,
        &mut fields,
    );
    prose(
        "expected_results_lead",
        &old.expected_results_lead,
        &new.expected_results_lead,
        &mut fields,
    );
    items(
        ListName::ExpectedResults,
        &old.expected_results,
        &new.expected_results,
        &mut fields,
    );
    prose(
        "expected_results_closing",
        &old.expected_results_closing,
        &new.expected_results_closing,
        &mut fields,
    );
    footnotes(&old.footnotes, &new.footnotes, &mut fields);
    participants(&old.participants, &new.participants, &mut fields);
    notes(&old.notes, &new.notes, &mut fields);
    outputs(&old.outputs, &new.outputs, &mut fields);
    fields.extend(
        translations(&old.translations, &new.translations)
            .into_iter()
            .map(FieldChange::Translation),
    );
    fields
}

/// Every translation added, changed or removed from `old` to `new`, by language and field.
pub fn translations(old: &Translations, new: &Translations) -> Vec<TranslationChange> {
    let mut changes = Vec::new();
    let langs: BTreeSet<Lang> = old.keys().chain(new.keys()).copied().collect();
    for lang in langs {
        let (before, after) = (old.get(&lang), new.get(&lang));
        let fields: BTreeSet<&String> = before
            .into_iter()
            .chain(after)
            .flat_map(|fields| fields.keys())
            .collect();
        for field in fields {
            let from = before.and_then(|f| f.get(field));
            let to = after.and_then(|f| f.get(field));
            if from == to {
                continue;
            }
            changes.push(TranslationChange {
                lang,
                field: field.clone(),
                reviewed: matches!((from, to), (Some(a), Some(b)) if a.text == b.text),
                from: from.map(|t| t.text.clone()),
                to: to.map(|t| t.text.clone()),
            });
        }
    }
    changes
}

fn text(field: &'static str, from: &str, to: &str, fields: &mut Vec<FieldChange>) {
    if from != to {
        fields.push(FieldChange::Text {
            field,
            from: non_empty(from),
            to: non_empty(to),
        });
    }
}

fn non_empty(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.to_string())
}

fn optional_text(
    field: &'static str,
    from: &Option<String>,
    to: &Option<String>,
    fields: &mut Vec<FieldChange>,
) {
    if from != to {
        fields.push(FieldChange::Text {
            field,
            from: from.clone(),
            to: to.clone(),
        });
    }
}

fn prose(
    field: &'static str,
    from: &Option<String>,
    to: &Option<String>,
    fields: &mut Vec<FieldChange>,
) {
    let same = match (from, to) {
        (Some(a), Some(b)) => a.trim() == b.trim(),
        (a, b) => a == b,
    };
    if !same {
        fields.push(FieldChange::Prose {
            field,
            from: from.clone(),
            to: to.clone(),
        });
    }
}

/// Numbered items matched with a diff of the two lists: a deletion facing an insertion is the
/// same item reworded; the rest were added or removed.
fn items(list: ListName, old: &[String], new: &[String], fields: &mut Vec<FieldChange>) {
    use similar::DiffOp;
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, old, new);
    for op in ops {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                for i in old_index..old_index + old_len {
                    fields.push(item(list, i + 1, ItemChange::Removed, old.get(i), None));
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for i in new_index..new_index + new_len {
                    fields.push(item(list, i + 1, ItemChange::Added, None, new.get(i)));
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let paired = old_len.min(new_len);
                for k in 0..paired {
                    fields.push(item(
                        list,
                        new_index + k + 1,
                        ItemChange::Reworded,
                        old.get(old_index + k),
                        new.get(new_index + k),
                    ));
                }
                for i in old_index + paired..old_index + old_len {
                    fields.push(item(list, i + 1, ItemChange::Removed, old.get(i), None));
                }
                for i in new_index + paired..new_index + new_len {
                    fields.push(item(list, i + 1, ItemChange::Added, None, new.get(i)));
                }
            }
        }
    }
}

fn item(
    list: ListName,
    number: usize,
    change: ItemChange,
    from: Option<&String>,
    to: Option<&String>,
) -> FieldChange {
    FieldChange::Item {
        list,
        number,
        change,
        from: from.cloned(),
        to: to.cloned(),
    }
}

/// The items of `a` not matched by an equal item of `b`, counting repeats.
fn unmatched<'a, T: PartialEq>(a: &'a [T], b: &[T]) -> Vec<&'a T> {
    // Lists usually grow at the end: the common prefix matches itself, pair by pair.
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[same..], &b[same..]);
    let mut used = vec![false; b.len()];
    a.iter()
        .filter(
            |x| match b.iter().enumerate().position(|(j, y)| !used[j] && *x == y) {
                Some(j) => {
                    used[j] = true;
                    false
                }
                None => true,
            },
        )
        .collect()
}

fn partners(old: &[String], new: &[String], fields: &mut Vec<FieldChange>) {
    let added: Vec<String> = unmatched(new, old).into_iter().cloned().collect();
    let removed: Vec<String> = unmatched(old, new).into_iter().cloned().collect();
    if !added.is_empty() {
        fields.push(FieldChange::PartnersAdded { names: added });
    }
    if !removed.is_empty() {
        fields.push(FieldChange::PartnersRemoved { names: removed });
    }
}

/// Participants added and removed; one removed and one added with the same name and the same
/// organisation (by name or id, and country) is the same person whose record changed (their
/// role, usually).
fn participants(old: &[Participant], new: &[Participant], fields: &mut Vec<FieldChange>) {
    let mut added: Vec<&Participant> = unmatched(new, old);
    let mut removed: Vec<&Participant> = unmatched(old, new);
    let key = |p: &Participant| (p.name.clone(), Organisation::of(p));
    let mut changed = Vec::new();
    removed.retain(|r| match added.iter().position(|a| key(a) == key(r)) {
        Some(i) => {
            changed.push(((*r).clone(), added.remove(i).clone()));
            false
        }
        None => true,
    });
    if !added.is_empty() {
        fields.push(FieldChange::ParticipantsAdded {
            participants: added.into_iter().cloned().collect(),
        });
    }
    if !removed.is_empty() {
        fields.push(FieldChange::ParticipantsRemoved {
            participants: removed.into_iter().cloned().collect(),
        });
    }
    for (from, to) in changed {
        fields.push(FieldChange::ParticipantChanged { from, to });
    }
}

fn notes(old: &[Note], new: &[Note], fields: &mut Vec<FieldChange>) {
    let mut added = unmatched(new, old);
    let mut removed = unmatched(old, new);
    let mut changed = Vec::new();
    removed.retain(|r| match added.iter().position(|a| a.date == r.date) {
        Some(i) => {
            changed.push(((*r).clone(), added.remove(i).clone()));
            false
        }
        None => true,
    });
    for (from, to) in changed {
        fields.push(FieldChange::NoteChanged { from, to });
    }
    for note in added {
        fields.push(FieldChange::NoteAdded { note: note.clone() });
    }
    for note in removed {
        fields.push(FieldChange::NoteRemoved { note: note.clone() });
    }
}

fn outputs(old: &[Output], new: &[Output], fields: &mut Vec<FieldChange>) {
    let mut added = unmatched(new, old);
    let mut removed = unmatched(old, new);
    let mut changed = Vec::new();
    removed.retain(|r| match added.iter().position(|a| a.title == r.title) {
        Some(i) => {
            changed.push(((*r).clone(), added.remove(i).clone()));
            false
        }
        None => true,
    });
    for (from, to) in changed {
        fields.push(FieldChange::OutputChanged { from, to });
    }
    for output in added {
        fields.push(FieldChange::OutputAdded {
            output: output.clone(),
        });
    }
    for output in removed {
        fields.push(FieldChange::OutputRemoved {
            output: output.clone(),
        });
    }
}

fn footnotes(old: &[Footnote], new: &[Footnote], fields: &mut Vec<FieldChange>) {
    for footnote in new {
        match old.iter().find(|f| f.id == footnote.id) {
            Some(before) if before.text != footnote.text => {
                fields.push(FieldChange::FootnoteChanged {
                    from: before.clone(),
                    to: footnote.clone(),
                })
            }
            Some(_) => {}
            None => fields.push(FieldChange::FootnoteAdded {
                footnote: footnote.clone(),
            }),
        }
    }
    for footnote in old {
        if !new.iter().any(|f| f.id == footnote.id) {
            fields.push(FieldChange::FootnoteRemoved {
                footnote: footnote.clone(),
            });
        }
    }
}

/// The changes to the programme file.
pub fn compare_programmes(old: &WorkProgramme, new: &WorkProgramme) -> Vec<ProgrammeChange> {
    let blank = WorkProgramme::default();
    if old == new {
        return Vec::new();
    }
    if *old == blank {
        return vec![ProgrammeChange::Created {
            year: new.year,
            title: new.title.clone(),
        }];
    }
    if *new == blank {
        return vec![ProgrammeChange::Deleted { year: old.year }];
    }
    let mut changes = Vec::new();
    let mut metadata = |field, from: Option<String>, to: Option<String>| {
        if from != to {
            changes.push(ProgrammeChange::Metadata { field, from, to });
        }
    };
    metadata(
        "year",
        Some(old.year.to_string()),
        Some(new.year.to_string()),
    );
    metadata("title", non_empty(&old.title), non_empty(&new.title));
    metadata(
        "organisation",
        non_empty(&old.organisation),
        non_empty(&new.organisation),
    );
    metadata(
        "document_code",
        old.document_code.clone(),
        new.document_code.clone(),
    );
    metadata(
        "report_document_code",
        old.report_document_code.clone(),
        new.report_document_code.clone(),
    );
    metadata("language", old.language.clone(), new.language.clone());
    let front = [
        ("notice", &old.notice, &new.notice),
        ("foreword", &old.foreword, &new.foreword),
        ("introduction", &old.introduction, &new.introduction),
        ("background", &old.background, &new.background),
    ];
    for (field, from, to) in front {
        if from != to {
            changes.push(ProgrammeChange::FrontMatter {
                field,
                from: from.clone(),
                to: to.clone(),
            });
        }
    }

    let areas = |p: &WorkProgramme| -> Vec<(String, String, String)> {
        p.areas
            .iter()
            .map(|a| (a.code.clone(), a.title.clone(), String::new()))
            .collect()
    };
    parts(Part::Area, &areas(old), &areas(new), &mut changes);
    for area in &new.areas {
        if let Some(before) = old.area(&area.code)
            && before.summary != area.summary
        {
            changes.push(ProgrammeChange::AreaSummary {
                code: area.code.clone(),
                from: before.summary.clone(),
                to: area.summary.clone(),
            });
        }
    }
    let programmes = |p: &WorkProgramme| -> Vec<(String, String, String)> {
        p.programmes
            .iter()
            .map(|g| (g.id.clone(), g.title.clone(), g.area.clone()))
            .collect()
    };
    parts(
        Part::Programme,
        &programmes(old),
        &programmes(new),
        &mut changes,
    );
    let projects = |p: &WorkProgramme| -> Vec<(String, String, String)> {
        p.projects
            .iter()
            .map(|j| (j.code.clone(), j.title.clone(), j.programme.clone()))
            .collect()
    };
    parts(Part::Project, &projects(old), &projects(new), &mut changes);
    changes.extend(
        translations(&old.translations, &new.translations)
            .into_iter()
            .map(ProgrammeChange::Translation),
    );
    changes
}

/// Added, removed, retitled and moved parts, each given as (code, title, parent).
fn parts(
    part: Part,
    old: &[(String, String, String)],
    new: &[(String, String, String)],
    changes: &mut Vec<ProgrammeChange>,
) {
    let new_codes: BTreeSet<&str> = new.iter().map(|(c, _, _)| c.as_str()).collect();
    for (code, title, parent) in new {
        match old.iter().find(|(c, _, _)| c == code) {
            None => changes.push(ProgrammeChange::Added {
                part,
                code: code.clone(),
                title: title.clone(),
            }),
            Some((_, before_title, before_parent)) => {
                if before_title != title {
                    changes.push(ProgrammeChange::Retitled {
                        part,
                        code: code.clone(),
                        from: before_title.clone(),
                        to: title.clone(),
                    });
                }
                if before_parent != parent {
                    changes.push(ProgrammeChange::Moved {
                        part,
                        code: code.clone(),
                        from: before_parent.clone(),
                        to: parent.clone(),
                    });
                }
            }
        }
    }
    for (code, title, _) in old {
        if !new_codes.contains(code.as_str()) {
            changes.push(ProgrammeChange::Removed {
                part,
                code: code.clone(),
                title: title.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests;
