//! Changes as short phrases: "status planned → completed", "+3 participants from 2 countries".

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use super::{
    ActivityChange, ChangeKind, FieldChange, ItemChange, ListName, Part, ProgrammeChange,
    TranslationChange,
};
use crate::model::{Activity, Country, Date, Lang, Participant, Status, Vocabulary};
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

/// A value of a change as `lang` names it.
trait Named {
    /// A status, kind, format or role by its name in `lang`; a date as files write it.
    fn named(&self, lang: Lang) -> String;
}

impl<V: Vocabulary> Named for V {
    fn named(&self, lang: Lang) -> String {
        self.name(lang).to_string()
    }
}

impl Named for Date {
    fn named(&self, _lang: Lang) -> String {
        self.to_string()
    }
}

/// A status, kind or format as `lang` names it.
fn word(value: &impl Named, lang: Lang) -> String {
    value.named(lang)
}

/// An optional format (or date) in `lang`: its name, or "none".
fn or_none<T: Named>(value: &Option<T>, lang: Lang) -> String {
    value.as_ref().map_or_else(
        || crate::tr!(lang; "history-none"),
        |value| value.named(lang),
    )
}

/// "3 participants from 2 countries", "2 participants (Peru)", or the one participant in full:
/// "1 participant: Ana Pérez, Ministry of Foreign Affairs (Peru), speaker", in `lang`.
fn people(participants: &[Participant], lang: Lang) -> String {
    let countries: BTreeSet<Country> = participants.iter().map(|p| p.country).collect();
    let count = participants.len();
    if let [one] = participants {
        crate::tr!(lang; "history-one-participant", who = describe_participant_in(one, lang))
    } else if let (1, Some(country)) = (countries.len(), countries.first()) {
        crate::tr!(lang; "history-participants-of", count = count, country = country.name(lang))
    } else {
        crate::tr!(lang; "history-participants-from", count = count, countries = countries.len())
    }
}

/// A participant on one line, escaped for a terminal, in the interface language: "Ana Pérez,
/// Ministry of Foreign Affairs (Peru), participant".
pub fn describe_participant(p: &Participant) -> String {
    describe_participant_in(p, crate::i18n::lang())
}

/// [`describe_participant`] in `lang` (the country's name; the role as the file writes it).
pub fn describe_participant_in(p: &Participant, lang: Lang) -> String {
    let name = p
        .name
        .as_deref()
        .map(|n| format!("{}, ", shown_line(n)))
        .unwrap_or_default();
    format!(
        "{name}{} ({}), {}",
        shown_line(&p.organisation),
        p.country.name(lang),
        p.role.name(lang)
    )
}

/// Names on one line, escaped for a terminal, separated by commas.
fn names(names: &[String]) -> String {
    let shown: Vec<Cow<str>> = names.iter().map(|name| escape_line(name)).collect();
    shown.join(", ")
}

/// What an edit changed in one activity, one phrase per field as `programa diff` words them
/// ("status planned → ongoing", "+2 participants (Peru)"), in the interface language; empty
/// when only layout changed.
pub fn edit_phrases(before: &Activity, after: &Activity) -> Vec<String> {
    super::compare_activity(before, after)
        .iter()
        .map(ToString::to_string)
        .collect()
}

impl ListName {
    /// The singular word for an item in the interface language: "objective", "expected result".
    pub fn item_word(self) -> String {
        self.item_word_in(crate::i18n::lang())
    }

    /// [`ListName::item_word`] in `lang`.
    pub fn item_word_in(self, lang: Lang) -> String {
        match self {
            ListName::Objectives => crate::tr!(lang; "history-objective"),
            ListName::ExpectedResults => crate::tr!(lang; "history-expected-result"),
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

    /// The change as a phrase in `lang`: "status planned → completed". Keys are named as the
    /// file writes them; the words around them and the values of statuses, kinds and formats
    /// are `lang`'s.
    pub fn phrase(&self, lang: Lang) -> String {
        match self {
            FieldChange::Status { from, to } => crate::tr!(lang; "history-status-changed",
                from = word(from, lang), to = word(to, lang)),
            FieldChange::Progress { from, to } => {
                crate::tr!(lang; "history-progress-changed", from = *from, to = *to)
            }
            FieldChange::Kind { from, to } => crate::tr!(lang; "history-kind-changed",
                from = word(from, lang), to = word(to, lang)),
            FieldChange::Format { from, to } => crate::tr!(lang; "history-format-changed",
                from = or_none(from, lang), to = or_none(to, lang)),
            FieldChange::Date { field, from, to } => match (from, to) {
                (None, Some(to)) => {
                    crate::tr!(lang; "history-field-set", field = *field, to = to.to_string())
                }
                (Some(from), None) => crate::tr!(lang; "history-field-cleared",
                    field = *field, from = from.to_string()),
                _ => crate::tr!(lang; "history-field-changed", field = *field,
                    from = or_none(from, lang), to = or_none(to, lang)),
            },
            FieldChange::Text { field, from, to } => match (from, to) {
                (None, Some(to)) => {
                    crate::tr!(lang; "history-field-set", field = *field, to = quote(to))
                }
                (Some(from), None) => {
                    crate::tr!(lang; "history-field-cleared", field = *field, from = quote(from))
                }
                (Some(from), Some(to)) => crate::tr!(lang; "history-field-changed",
                    field = *field, from = quote(from), to = quote(to)),
                (None, None) => crate::tr!(lang; "history-field-unchanged", field = *field),
            },
            FieldChange::Prose { field, from, to } => {
                let change = match (from, to) {
                    (None, Some(_)) => "added",
                    (Some(_), None) => "removed",
                    _ => "reworded",
                };
                crate::tr!(lang; "history-prose", field = *field, change = change)
            }
            FieldChange::Item {
                list,
                number,
                change,
                ..
            } => {
                let change = match change {
                    ItemChange::Added => "added",
                    ItemChange::Removed => "removed",
                    ItemChange::Reworded => "reworded",
                };
                let list = match list {
                    ListName::Objectives => "objective",
                    ListName::ExpectedResults => "expected-result",
                };
                crate::tr!(lang; "history-item", list = list, number = *number, change = change)
            }
            FieldChange::PartnersAdded { names: added } => {
                crate::tr!(lang; "history-partners-added", names = names(added))
            }
            FieldChange::PartnersRemoved { names: removed } => {
                crate::tr!(lang; "history-partners-removed", names = names(removed))
            }
            FieldChange::ParticipantsAdded { participants } => {
                format!("+{}", people(participants, lang))
            }
            FieldChange::ParticipantsRemoved { participants } => {
                format!("−{}", people(participants, lang))
            }
            FieldChange::ParticipantChanged { from, to } => {
                let who =
                    shown_line(to.name.as_deref().unwrap_or(to.organisation.as_str())).to_string();
                if from.role != to.role {
                    crate::tr!(lang; "history-participant-role", who = who,
                        from = from.role.name(lang), to = to.role.name(lang))
                } else {
                    crate::tr!(lang; "history-participant-changed", who = who)
                }
            }
            FieldChange::NoteAdded { note } => crate::tr!(lang; "history-note-added",
                date = note.date.to_string(), text = quote(&note.text)),
            FieldChange::NoteRemoved { note } => {
                crate::tr!(lang; "history-note-removed", date = note.date.to_string())
            }
            FieldChange::NoteChanged { to, .. } => {
                crate::tr!(lang; "history-note-edited", date = to.date.to_string())
            }
            FieldChange::OutputAdded { output } => crate::tr!(lang; "history-output",
                title = quote(&output.title), change = "added"),
            FieldChange::OutputRemoved { output } => crate::tr!(lang; "history-output",
                title = quote(&output.title), change = "removed"),
            FieldChange::OutputChanged { to, .. } => crate::tr!(lang; "history-output",
                title = quote(&to.title), change = "changed"),
            FieldChange::FootnoteAdded { footnote } => crate::tr!(lang; "history-footnote",
                id = shown_line(&footnote.id).to_string(), change = "added"),
            FieldChange::FootnoteRemoved { footnote } => crate::tr!(lang; "history-footnote",
                id = shown_line(&footnote.id).to_string(), change = "removed"),
            FieldChange::FootnoteChanged { to, .. } => crate::tr!(lang; "history-footnote",
                id = shown_line(&to.id).to_string(), change = "reworded"),
            FieldChange::Translation(change) => change.phrase(lang),
        }
    }
}

/// In the interface language.
impl fmt::Display for FieldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.phrase(crate::i18n::lang()))
    }
}

impl ActivityChange {
    /// What happened to the activity as a whole, before its field changes, in the interface
    /// language: "created (event, planned)", "removed", "renamed from I.1.3"; nothing for a
    /// plain modification.
    pub fn headline(&self) -> Option<String> {
        self.headline_in(crate::i18n::lang())
    }

    /// [`ActivityChange::headline`] in `lang`.
    pub fn headline_in(&self, lang: Lang) -> Option<String> {
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
                Some(crate::tr!(lang; "history-created",
                    kind = word(&kind, lang), status = word(&status, lang)))
            }
            ChangeKind::Removed => Some(crate::tr!(lang; "history-removed")),
            ChangeKind::Renamed { from } => Some(crate::tr!(lang; "history-renamed",
                from = shown_line(from).to_string())),
            ChangeKind::Modified => None,
        }
    }

    /// The phrases describing the change, headline first, in the interface language. An added
    /// activity is described by its headline only.
    pub fn phrases(&self) -> Vec<String> {
        self.phrases_in(crate::i18n::lang())
    }

    /// [`ActivityChange::phrases`] in `lang`.
    pub fn phrases_in(&self, lang: Lang) -> Vec<String> {
        let mut phrases: Vec<String> = self.headline_in(lang).into_iter().collect();
        if self.kind != ChangeKind::Added {
            phrases.extend(self.fields.iter().map(|field| field.phrase(lang)));
        }
        phrases
    }
}

impl fmt::Display for ActivityChange {
    /// "I.1.1: status planned → completed; progress 40% → 100%", in the interface language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            shown_line(&self.code),
            self.phrases().join("; ")
        )
    }
}

impl Part {
    /// The key that names the part in Fluent selectors: `area`, `programme`, `project`.
    fn key(self) -> &'static str {
        match self {
            Part::Area => "area",
            Part::Programme => "programme",
            Part::Project => "project",
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::tr!("history-part", part = self.key()))
    }
}

impl ProgrammeChange {
    /// The change as a phrase in `lang`: "programme for 2021 created (“…”)".
    pub fn phrase(&self, lang: Lang) -> String {
        match self {
            ProgrammeChange::Created { year, title } => {
                crate::tr!(lang; "history-programme-created",
                year = year.to_string(), title = quote(title))
            }
            ProgrammeChange::Deleted { year } => {
                crate::tr!(lang; "history-programme-removed", year = year.to_string())
            }
            ProgrammeChange::Metadata { field, from, to } => match (from, to) {
                (Some(from), Some(to)) => crate::tr!(lang; "history-field-changed",
                    field = *field, from = quote(from), to = quote(to)),
                (None, Some(to)) => {
                    crate::tr!(lang; "history-field-set", field = *field, to = quote(to))
                }
                _ => crate::tr!(lang; "history-field-emptied", field = *field),
            },
            ProgrammeChange::FrontMatter { field, from, to } => {
                let change = match (from, to) {
                    (None, Some(_)) => "added",
                    (Some(_), None) => "removed",
                    _ => "reworded",
                };
                crate::tr!(lang; "history-prose", field = *field, change = change)
            }
            ProgrammeChange::Added { part, code, title } => crate::tr!(lang; "history-part-added",
                part = part.key(), code = shown_line(code).to_string(), title = quote(title)),
            ProgrammeChange::Removed { part, code, title } => {
                crate::tr!(lang; "history-part-removed",
                part = part.key(), code = shown_line(code).to_string(), title = quote(title))
            }
            ProgrammeChange::Retitled {
                part,
                code,
                from,
                to,
            } => crate::tr!(lang; "history-part-retitled", part = part.key(),
                code = shown_line(code).to_string(), from = quote(from), to = quote(to)),
            ProgrammeChange::Moved {
                part,
                code,
                from,
                to,
            } => crate::tr!(lang; "history-part-moved", part = part.key(),
                code = shown_line(code).to_string(), to = shown_line(to).to_string(),
                from = shown_line(from).to_string()),
            ProgrammeChange::AreaSummary { code, .. } => crate::tr!(lang; "history-area-summary",
                code = shown_line(code).to_string()),
            ProgrammeChange::Translation(change) => change.phrase(lang),
        }
    }
}

impl TranslationChange {
    /// The change as a phrase in `lang`: "es translation of title added".
    pub fn phrase(&self, lang: Lang) -> String {
        let change = match (&self.from, &self.to) {
            (None, Some(_)) => "added",
            (Some(_), None) => "removed",
            _ if self.reviewed => "confirmed",
            _ => "reworded",
        };
        crate::tr!(lang; "history-translation-changed", lang = self.lang.as_str(),
            field = shown_line(&self.field).to_string(), change = change)
    }
}

/// In the interface language.
impl fmt::Display for TranslationChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.phrase(crate::i18n::lang()))
    }
}

/// In the interface language.
impl fmt::Display for ProgrammeChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.phrase(crate::i18n::lang()))
    }
}
