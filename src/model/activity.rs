//! One activity of the programme: what the document says of it, and how it is going.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::translation::{Translatable, Translate, Translations, push_list, push_one, push_some};
use super::{Country, Date};

/// One activity, the contents of `activities/<code>.toml`.
///
/// The first group of fields is the programme document (sections A–D); the rest is tracking
/// that the document cannot hold. Prose fields are markdown; footnote references are `[^id]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "programa activity",
    description = "One activity of an annual work programme."
)]
pub struct Activity {
    /// The activity's code, `I.1.1`: its project's code and a number. Also the file's name.
    pub code: String,
    /// The code of the project the activity belongs to, `I.1`.
    pub project: String,
    /// The title, as the body of the programme document gives it.
    pub title: String,
    /// The title the contents table gives, where it differs from `title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contents_title: Option<String>,
    /// The activity of an earlier year's programme this one carries on, as `2021/I.1.3`: the
    /// year, a slash, the code. `programa new-year` writes it; `history` and `log` follow it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// What the activity is: an event (meeting, seminar, workshop…), a study, or other work.
    pub kind: Kind,
    /// How an event is held. Absent when the document gives none (studies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// Whatever else the document says of the format ("with technological resources of the
    /// Permanent Secretariat", "External consultancy").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format_note: Option<String>,
    /// Where the activity stands.
    #[serde(default)]
    pub status: Status,
    /// How far it has come, in percent (0–100).
    #[serde(default)]
    pub progress: u8,
    /// The day the activity is planned to start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_start: Option<Date>,
    /// The day the activity is planned to end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_end: Option<Date>,
    /// The day it actually started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_start: Option<Date>,
    /// The day it actually ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_end: Option<Date>,
    /// Where an event takes place: "Caracas, Venezuela", "Online".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// The author's short account of what the activity achieved, set against its expected
    /// results in the follow-up report (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Who the activity is for ("national authorities responsible for…"), as prose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub audience: Option<String>,
    /// Partner organisations, by their usual short name (CAF, UNCTAD…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// A. Background and justification (markdown, several paragraphs).
    #[serde(default)]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub background: String,
    /// A paragraph introducing the objectives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub objectives_lead: Option<String>,
    /// B. Objectives, one item each, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub objectives: Vec<String>,
    /// A paragraph after the objectives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub objectives_closing: Option<String>,
    /// A paragraph introducing the expected results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub expected_results_lead: Option<String>,
    /// C. Expected results, one item each; a single paragraph is one item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub expected_results: Vec<String>,
    /// A paragraph after the expected results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub expected_results_closing: Option<String>,
    /// Footnotes cited as `[^id]` in this activity's prose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
    /// People and organisations that took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// Dated progress notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Documents and other products the activity produced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<Output>,
    /// The activity's text in other languages, by language and field (`[translations.es.title]`).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// What kind of work an activity is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A meeting, seminar, workshop, forum, course or other gathering.
    #[default]
    Event,
    /// A study, report, index or other document produced.
    Study,
    /// Anything else: portals, databases, standing services.
    Other,
}

/// How an event is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Participants meet in one place.
    FaceToFace,
    /// Online only.
    Virtual,
    /// Both in person and online.
    Hybrid,
}

/// Where an activity stands. The vocabulary follows IATI's activity status, in plain words;
/// Spanish words (`en curso`, `terminada`) are read as these too.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Approved in the plan, not started.
    #[default]
    Planned,
    /// Under way.
    Ongoing,
    /// Done.
    Completed,
    /// Moved to a later date or year.
    Postponed,
    /// Will not take place.
    Cancelled,
}

/// A footnote of the activity's prose.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Footnote {
    /// The label cited as `[^id]`; the programme document's number.
    pub id: String,
    /// The note itself (markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub text: String,
}

/// Someone who took part in an activity.
///
/// Their organisation is told apart from others by its name and the country, or by its
/// `organisation_id` and the country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Participant {
    /// The person's name, when it is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The organisation they came from.
    pub organisation: String,
    /// The organisation's identifier (an IATI organisation identifier such as `XM-DAC-41114`, or
    /// the organisation's own code), for one organisation whose name is written in several ways.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<String>,
    /// The country they represent, or of their organisation: its ISO 3166-1 alpha-2 code.
    pub country: Country,
    /// Their part in the activity.
    pub role: Role,
}

/// A participant's part in an activity.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Attended.
    #[default]
    Participant,
    /// Spoke or presented.
    Speaker,
    /// Chaired or moderated a session.
    Moderator,
    /// Organised or co-organised.
    Organiser,
    /// Attended without taking part in decisions.
    Observer,
}

/// A dated progress note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Note {
    /// When it was written.
    pub date: Date,
    /// What happened (markdown).
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub text: String,
}

/// A document or other product of an activity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Output {
    /// The document's title.
    pub title: String,
    /// The document's code, such as `SP/CL/XLVI.O/DT N° 2-20`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where it can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Activity {
    /// The year and code of the earlier activity `previous` names (`2021/I.1.3`), when it is
    /// written as it should be: four digits, a slash, a code.
    pub fn previous_link(&self) -> Option<(i32, &str)> {
        parse_previous(self.previous.as_deref()?)
    }

    /// The code of the area this activity belongs to (`II` for `II.3.1`).
    pub fn area_code(&self) -> &str {
        self.code.split('.').next().unwrap_or_default()
    }

    /// Every piece of prose in the activity, with the field it comes from, for searching.
    pub fn prose(&self) -> impl Iterator<Item = &str> {
        let single = [
            Some(self.title.as_str()),
            self.contents_title.as_deref(),
            Some(self.background.as_str()),
            self.audience.as_deref(),
            self.format_note.as_deref(),
            self.venue.as_deref(),
            self.account.as_deref(),
            self.objectives_lead.as_deref(),
            self.objectives_closing.as_deref(),
            self.expected_results_lead.as_deref(),
            self.expected_results_closing.as_deref(),
        ];
        single
            .into_iter()
            .flatten()
            .chain(self.objectives.iter().map(String::as_str))
            .chain(self.expected_results.iter().map(String::as_str))
            .chain(self.partners.iter().map(String::as_str))
            .chain(self.footnotes.iter().map(|f| f.text.as_str()))
            .chain(self.notes.iter().map(|n| n.text.as_str()))
    }

    /// The progress notes, oldest first; notes of one day keep the order of the file.
    pub fn notes_by_date(&self) -> Vec<&Note> {
        let mut notes: Vec<&Note> = self.notes.iter().collect();
        notes.sort_by_key(|note| note.date);
        notes
    }

    /// Whether the planned end is before `today` and the activity is neither completed nor
    /// cancelled.
    pub fn is_overdue(&self, today: Date) -> bool {
        !matches!(self.status, Status::Completed | Status::Cancelled)
            && self.planned_end.is_some_and(|end| end < today)
    }

    /// Whether the planned period or the actual period shares a day with the days from `since`
    /// to `until` (both included; `None` leaves that side open). A period runs from its start
    /// to its end; one with only a start or only an end is that one day; one with neither
    /// shares no day with anything.
    pub fn meets(&self, since: Option<Date>, until: Option<Date>) -> bool {
        let overlaps = |(first, last): (Date, Date)| {
            since.is_none_or(|since| last >= since) && until.is_none_or(|until| first <= until)
        };
        [
            period(self.planned_start, self.planned_end),
            period(self.actual_start, self.actual_end),
        ]
        .into_iter()
        .flatten()
        .any(overlaps)
    }
}

/// The first and last day of a period given by its start and end, either of which may be
/// missing (then the period is the day given); in order even when the file has them reversed.
fn period(start: Option<Date>, end: Option<Date>) -> Option<(Date, Date)> {
    match (start, end) {
        (Some(start), Some(end)) => Some((start.min(end), start.max(end))),
        (Some(day), None) | (None, Some(day)) => Some((day, day)),
        (None, None) => None,
    }
}

/// The year and code of a link to an earlier activity, `2021/I.1.3`; `None` when it is not
/// four digits, a slash and a code without spaces or slashes.
pub fn parse_previous(link: &str) -> Option<(i32, &str)> {
    let (year, code) = link.split_once('/')?;
    let good_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let good_code = !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == '_');
    if !(good_year && good_code) {
        return None;
    }
    Some((year.parse().ok()?, code))
}

impl Translate for Activity {
    fn translatable(&self) -> Vec<Translatable> {
        let mut fields = Vec::new();
        push_one(&mut fields, "title", &self.title);
        push_some(&mut fields, "contents_title", &self.contents_title);
        push_some(&mut fields, "format_note", &self.format_note);
        push_some(&mut fields, "venue", &self.venue);
        push_some(&mut fields, "account", &self.account);
        push_some(&mut fields, "audience", &self.audience);
        push_one(&mut fields, "background", &self.background);
        push_some(&mut fields, "objectives_lead", &self.objectives_lead);
        push_list(&mut fields, "objectives", &self.objectives);
        push_some(&mut fields, "objectives_closing", &self.objectives_closing);
        push_some(
            &mut fields,
            "expected_results_lead",
            &self.expected_results_lead,
        );
        push_list(&mut fields, "expected_results", &self.expected_results);
        push_some(
            &mut fields,
            "expected_results_closing",
            &self.expected_results_closing,
        );
        for note in &self.footnotes {
            push_one(&mut fields, format!("footnotes/{}", note.id), &note.text);
        }
        fields
    }

    fn translations(&self) -> &Translations {
        &self.translations
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_round_trip_through_their_words() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>(), Ok(*status));
        }
        assert_eq!("face-to-face".parse::<Format>(), Ok(Format::FaceToFace));
        let error = "done".parse::<Status>().expect_err("not a status");
        assert!(
            error.contains("planned, ongoing, completed, postponed, cancelled"),
            "{error}"
        );
    }

    #[test]
    fn serde_uses_the_same_words_as_the_vocabulary() {
        for format in Format::ALL {
            let json = serde_json::to_string(format).expect("serialises");
            assert_eq!(json, format!("\"{format}\""));
        }
    }

    fn day(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn notes_by_date_keep_the_file_order_within_a_day() {
        let note = |date: &str, text: &str| Note {
            date: day(date),
            text: text.into(),
        };
        let activity = Activity {
            notes: vec![
                note("2021-06-02", "b"),
                note("2021-05-01", "a"),
                note("2021-06-02", "c"),
            ],
            ..Activity::default()
        };
        let texts: Vec<&str> = activity
            .notes_by_date()
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(texts, ["a", "b", "c"]);
    }

    #[test]
    fn overdue_means_the_planned_end_passed_unfinished() {
        let activity = |status, end: Option<&str>| Activity {
            status,
            planned_end: end.map(day),
            ..Activity::default()
        };
        let today = day("2021-06-20");
        assert!(activity(Status::Ongoing, Some("2021-06-19")).is_overdue(today));
        assert!(activity(Status::Postponed, Some("2021-01-01")).is_overdue(today));
        assert!(!activity(Status::Ongoing, Some("2021-06-20")).is_overdue(today));
        assert!(!activity(Status::Completed, Some("2021-01-01")).is_overdue(today));
        assert!(!activity(Status::Cancelled, Some("2021-01-01")).is_overdue(today));
        assert!(!activity(Status::Planned, None).is_overdue(today));
    }

    #[test]
    fn a_period_meets_a_range_when_they_share_a_day() {
        let planned = Activity {
            planned_start: Some(day("2021-05-10")),
            planned_end: Some(day("2021-05-11")),
            actual_start: Some(day("2021-06-14")),
            ..Activity::default()
        };
        let meets = |since: Option<&str>, until: Option<&str>| {
            planned.meets(since.map(day), until.map(day))
        };
        assert!(meets(Some("2021-05-11"), None));
        assert!(meets(None, Some("2021-05-10")));
        assert!(!meets(Some("2021-05-12"), Some("2021-06-13")));
        // The actual period, with only a start, is that one day.
        assert!(meets(Some("2021-06-14"), Some("2021-06-14")));
        assert!(!meets(Some("2021-06-15"), None));
        assert!(!Activity::default().meets(None, None));
    }
}
