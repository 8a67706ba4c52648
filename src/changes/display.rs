//! Changes as short phrases: "status planned → completed", "+3 participants from 2 countries".

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use super::{
    ActivityChange, ChangeKind, FieldChange, ItemChange, ListName, Part, ProgrammeChange,
    TranslationChange,
};
use crate::model::{Activity, Country, Lang, Participant, Status};
use crate::output::{drop_cut_escape, escape_line, shown_line};

/// Longest quoted value shown inline before it is cut with an ellipsis.
const QUOTE_LIMIT: usize = 40;

/// `text` on one line in quotes, escaped for a terminal, cut to 40 characters with an
/// ellipsis.
pub fn quote(text: &str) -> String {
    let text = text.trim();
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = escape_line(&flat);
    if flat.chars().count() > QUOTE_LIMIT {
        let mut cut: String = flat.chars().take(QUOTE_LIMIT - 1).collect();
        drop_cut_escape(&mut cut);
        format!("“{}…”", cut.trim_end())
    } else {
        format!("“{flat}”")
    }
}

fn or_none<T: fmt::Display>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map_or_else(|| "none".to_string(), T::to_string)
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// "3 participants from 2 countries", "2 participants (Peru)", or the one participant in full:
/// "1 participant: Ana Pérez, Ministry of Foreign Affairs (Peru), speaker". Phrases are English,
/// and so are the names of countries in them.
fn people(participants: &[Participant]) -> String {
    let countries: BTreeSet<Country> = participants.iter().map(|p| p.country).collect();
    let who = plural(participants.len(), "participant", "participants");
    if let [one] = participants {
        format!("{who}: {}", describe_participant(one))
    } else if let (1, Some(country)) = (countries.len(), countries.first()) {
        format!("{who} ({})", country.name(Lang::En))
    } else {
        format!(
            "{who} from {}",
            plural(countries.len(), "country", "countries")
        )
    }
}

/// A participant on one line, escaped for a terminal: "Ana Pérez, Ministry of Foreign Affairs
/// (Peru), participant".
pub fn describe_participant(p: &Participant) -> String {
    let name = p
        .name
        .as_deref()
        .map(|n| format!("{}, ", shown_line(n)))
        .unwrap_or_default();
    format!(
        "{name}{} ({}), {}",
        shown_line(&p.organisation),
        p.country.name(Lang::En),
        p.role
    )
}

/// Names on one line, escaped for a terminal, separated by commas.
fn names(names: &[String]) -> String {
    let shown: Vec<Cow<str>> = names.iter().map(|name| escape_line(name)).collect();
    shown.join(", ")
}

/// What an edit changed in one activity, one phrase per field as `programa diff` words them
/// ("status planned → ongoing", "+2 participants (Peru)"); empty when only layout changed.
pub fn edit_phrases(before: &Activity, after: &Activity) -> Vec<String> {
    super::compare_activity(before, after)
        .iter()
        .map(ToString::to_string)
        .collect()
}

impl ListName {
    /// The singular word for an item: "objective", "expected result".
    pub fn item_word(self) -> &'static str {
        match self {
            ListName::Objectives => "objective",
            ListName::ExpectedResults => "expected result",
        }
    }
}

impl FieldChange {
    /// The field's key in the file, as `programa diff` labels it.
    pub fn field(&self) -> &'static str {
        match self {
            FieldChange::Status { .. } => "status",
            FieldChange::Progress { .. } => "progress",
            FieldChange::Kind { .. } => "kind",
            FieldChange::Format { .. } => "format",
            FieldChange::Date { field, .. }
            | FieldChange::Text { field, .. }
            | FieldChange::Prose { field, .. } => field,
            FieldChange::Item {
                list: ListName::Objectives,
                ..
            } => "objectives",
            FieldChange::Item {
                list: ListName::ExpectedResults,
                ..
            } => "expected_results",
            FieldChange::PartnersAdded { .. } | FieldChange::PartnersRemoved { .. } => "partners",
            FieldChange::ParticipantsAdded { .. }
            | FieldChange::ParticipantsRemoved { .. }
            | FieldChange::ParticipantChanged { .. } => "participants",
            FieldChange::NoteAdded { .. }
            | FieldChange::NoteRemoved { .. }
            | FieldChange::NoteChanged { .. } => "notes",
            FieldChange::OutputAdded { .. }
            | FieldChange::OutputRemoved { .. }
            | FieldChange::OutputChanged { .. } => "outputs",
            FieldChange::FootnoteAdded { .. }
            | FieldChange::FootnoteRemoved { .. }
            | FieldChange::FootnoteChanged { .. } => "footnotes",
            FieldChange::Translation(_) => "translations",
        }
    }
}

impl fmt::Display for FieldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldChange::Status { from, to } => write!(f, "status {from} → {to}"),
            FieldChange::Progress { from, to } => write!(f, "progress {from}% → {to}%"),
            FieldChange::Kind { from, to } => write!(f, "kind {from} → {to}"),
            FieldChange::Format { from, to } => {
                write!(f, "format {} → {}", or_none(from), or_none(to))
            }
            FieldChange::Date { field, from, to } => match (from, to) {
                (None, Some(to)) => write!(f, "{field} set to {to}"),
                (Some(from), None) => write!(f, "{field} {from} cleared"),
                _ => write!(f, "{field} {} → {}", or_none(from), or_none(to)),
            },
            FieldChange::Text { field, from, to } => match (from, to) {
                (None, Some(to)) => write!(f, "{field} set to {}", quote(to)),
                (Some(from), None) => write!(f, "{field} {} cleared", quote(from)),
                (Some(from), Some(to)) => write!(f, "{field} {} → {}", quote(from), quote(to)),
                (None, None) => write!(f, "{field} unchanged"),
            },
            FieldChange::Prose { field, from, to } => match (from, to) {
                (None, Some(_)) => write!(f, "{field} added"),
                (Some(_), None) => write!(f, "{field} removed"),
                _ => write!(f, "{field} reworded"),
            },
            FieldChange::Item {
                list,
                number,
                change,
                ..
            } => {
                let word = match change {
                    ItemChange::Added => "added",
                    ItemChange::Removed => "removed",
                    ItemChange::Reworded => "reworded",
                };
                write!(f, "{} {number} {word}", list.item_word())
            }
            FieldChange::PartnersAdded { names: added } => {
                write!(f, "partners + {}", names(added))
            }
            FieldChange::PartnersRemoved { names: removed } => {
                write!(f, "partners − {}", names(removed))
            }
            FieldChange::ParticipantsAdded { participants } => {
                write!(f, "+{}", people(participants))
            }
            FieldChange::ParticipantsRemoved { participants } => {
                write!(f, "−{}", people(participants))
            }
            FieldChange::ParticipantChanged { from, to } => {
                let who = shown_line(to.name.as_deref().unwrap_or(to.organisation.as_str()));
                if from.role != to.role {
                    write!(f, "participant {who}: role {} → {}", from.role, to.role)
                } else {
                    write!(f, "participant {who} changed")
                }
            }
            FieldChange::NoteAdded { note } => {
                write!(f, "note of {} added: {}", note.date, quote(&note.text))
            }
            FieldChange::NoteRemoved { note } => write!(f, "note of {} removed", note.date),
            FieldChange::NoteChanged { to, .. } => write!(f, "note of {} edited", to.date),
            FieldChange::OutputAdded { output } => {
                write!(f, "output {} added", quote(&output.title))
            }
            FieldChange::OutputRemoved { output } => {
                write!(f, "output {} removed", quote(&output.title))
            }
            FieldChange::OutputChanged { to, .. } => {
                write!(f, "output {} changed", quote(&to.title))
            }
            FieldChange::FootnoteAdded { footnote } => {
                write!(f, "footnote {} added", shown_line(&footnote.id))
            }
            FieldChange::FootnoteRemoved { footnote } => {
                write!(f, "footnote {} removed", shown_line(&footnote.id))
            }
            FieldChange::FootnoteChanged { to, .. } => {
                write!(f, "footnote {} reworded", shown_line(&to.id))
            }
            FieldChange::Translation(change) => change.fmt(f),
        }
    }
}

impl ActivityChange {
    /// What happened to the activity as a whole, before its field changes: "created (event,
    /// planned)", "removed", "renamed from I.1.3"; nothing for a plain modification.
    pub fn headline(&self) -> Option<String> {
        match &self.kind {
            ChangeKind::Added => {
                let status = self
                    .fields
                    .iter()
                    .find_map(|f| match f {
                        FieldChange::Status { to, .. } => Some(*to),
                        _ => None,
                    })
                    .unwrap_or(Status::Planned);
                let kind = self
                    .fields
                    .iter()
                    .find_map(|f| match f {
                        FieldChange::Kind { to, .. } => Some(*to),
                        _ => None,
                    })
                    .unwrap_or_default();
                Some(format!("created ({kind}, {status})"))
            }
            ChangeKind::Removed => Some("removed".to_string()),
            ChangeKind::Renamed { from } => Some(format!("renamed from {}", shown_line(from))),
            ChangeKind::Modified => None,
        }
    }

    /// The phrases describing the change, headline first. An added activity is described by
    /// its headline only.
    pub fn phrases(&self) -> Vec<String> {
        let mut phrases: Vec<String> = self.headline().into_iter().collect();
        if self.kind != ChangeKind::Added {
            phrases.extend(self.fields.iter().map(FieldChange::to_string));
        }
        phrases
    }
}

impl fmt::Display for ActivityChange {
    /// "I.1.1: status planned → completed; progress 40% → 100%".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            shown_line(&self.code),
            self.phrases().join("; ")
        )
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Part::Area => "area",
            Part::Programme => "programme",
            Part::Project => "project",
        })
    }
}

impl fmt::Display for ProgrammeChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgrammeChange::Created { year, title } => {
                write!(f, "programme for {year} created ({})", quote(title))
            }
            ProgrammeChange::Deleted { year } => write!(f, "programme for {year} removed"),
            ProgrammeChange::Metadata { field, from, to } => match (from, to) {
                (Some(from), Some(to)) => write!(f, "{field} {} → {}", quote(from), quote(to)),
                (None, Some(to)) => write!(f, "{field} set to {}", quote(to)),
                _ => write!(f, "{field} cleared"),
            },
            ProgrammeChange::FrontMatter { field, from, to } => match (from, to) {
                (None, Some(_)) => write!(f, "{field} added"),
                (Some(_), None) => write!(f, "{field} removed"),
                _ => write!(f, "{field} reworded"),
            },
            ProgrammeChange::Added { part, code, title } => {
                write!(f, "{part} {} added ({})", shown_line(code), quote(title))
            }
            ProgrammeChange::Removed { part, code, title } => {
                write!(f, "{part} {} removed ({})", shown_line(code), quote(title))
            }
            ProgrammeChange::Retitled {
                part,
                code,
                from,
                to,
            } => write!(
                f,
                "{part} {} retitled {} → {}",
                shown_line(code),
                quote(from),
                quote(to)
            ),
            ProgrammeChange::Moved {
                part,
                code,
                from,
                to,
            } => {
                let parent = match part {
                    Part::Programme => "area",
                    _ => "programme",
                };
                write!(
                    f,
                    "{part} {} moved to {parent} {} (was {})",
                    shown_line(code),
                    shown_line(to),
                    shown_line(from)
                )
            }
            ProgrammeChange::AreaSummary { code, .. } => {
                write!(f, "summary of area {} reworded", shown_line(code))
            }
            ProgrammeChange::Translation(change) => change.fmt(f),
        }
    }
}

impl fmt::Display for TranslationChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match (&self.from, &self.to) {
            (None, Some(_)) => "added",
            (Some(_), None) => "removed",
            _ if self.reviewed => "confirmed for the new text",
            _ => "reworded",
        };
        let lang = self.lang.as_str();
        write!(
            f,
            "{lang} translation of {} {word}",
            shown_line(&self.field)
        )
    }
}
