//! How much a programme may hold: the longest texts and lists its files may have, so that no
//! input makes a command or a document run unbounded.
//!
//! The limits are far above what a real programme needs (SELA's 2021 programme has titles of
//! at most 216 characters, prose of at most 8 000 and lists of at most 6 items) and far below
//! what would slow the tool down: a document of a thousand pages takes typst about 30 s.

use super::{Activity, WorkProgramme};

/// The most characters in a one-line text: a title, a name, a venue, a code.
pub const LINE_CHARS: usize = 500;
/// The most characters in a piece of prose (markdown): a background, a note, a footnote.
pub const PROSE_CHARS: usize = 100_000;
/// The most items in a list of prose or words: objectives, results, partners, footnotes.
pub const TEXT_ITEMS: usize = 200;
/// The most records in a list: participants, notes, outputs; areas, programmes, projects.
pub const RECORDS: usize = 10_000;

/// Where a value is in its file: a top-level key, then an index and a key inside a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The top-level key: `title`, `participants`.
    pub key: &'static str,
    /// The item of a list, and the key inside it when the item is a table.
    pub item: Option<(usize, Option<&'static str>)>,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key)?;
        match self.item {
            Some((index, Some(key))) => write!(f, "[{index}].{key}"),
            Some((index, None)) => write!(f, "[{index}]"),
            None => Ok(()),
        }
    }
}

/// What a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Characters of a text.
    Characters,
    /// Items of a list.
    Items,
}

/// A value beyond its limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excess {
    /// Where it is.
    pub place: Place,
    /// How much it holds.
    pub found: usize,
    /// How much it may hold.
    pub limit: usize,
    /// What is counted.
    pub unit: Unit,
}

/// Collects the values of a file that are beyond their limits.
#[derive(Default)]
struct Measure {
    excess: Vec<Excess>,
}

impl Measure {
    fn text(&mut self, place: Place, text: &str, limit: usize) {
        // Counting characters is only needed once the bytes could be too many.
        if text.len() > limit {
            let found = text.chars().count();
            if found > limit {
                self.excess.push(Excess {
                    place,
                    found,
                    limit,
                    unit: Unit::Characters,
                });
            }
        }
    }

    fn line(&mut self, key: &'static str, text: Option<&str>) {
        if let Some(text) = text {
            self.text(Place { key, item: None }, text, LINE_CHARS);
        }
    }

    fn prose(&mut self, key: &'static str, text: Option<&str>) {
        if let Some(text) = text {
            self.text(Place { key, item: None }, text, PROSE_CHARS);
        }
    }

    fn count(&mut self, key: &'static str, len: usize, limit: usize) {
        if len > limit {
            self.excess.push(Excess {
                place: Place { key, item: None },
                found: len,
                limit,
                unit: Unit::Items,
            });
        }
    }

    /// A list of texts, each within `each`, and as a list within `items`.
    fn texts(&mut self, key: &'static str, texts: &[String], each: usize) {
        self.count(key, texts.len(), TEXT_ITEMS);
        for (index, text) in texts.iter().enumerate() {
            let place = Place {
                key,
                item: Some((index, None)),
            };
            self.text(place, text, each);
        }
    }

    /// A list of tables, each field as `fields` gives it: (key, text, limit).
    fn records<'a, T: 'a>(
        &mut self,
        key: &'static str,
        records: &'a [T],
        limit: usize,
        fields: impl Fn(&'a T) -> Vec<(&'static str, Option<&'a str>, usize)>,
    ) {
        self.count(key, records.len(), limit);
        for (index, record) in records.iter().enumerate() {
            for (field, text, each) in fields(record) {
                if let Some(text) = text {
                    let place = Place {
                        key,
                        item: Some((index, Some(field))),
                    };
                    self.text(place, text, each);
                }
            }
        }
    }
}

/// The values of an activity beyond their limits, in the order of the file.
pub fn of_activity(a: &Activity) -> Vec<Excess> {
    let mut m = Measure::default();
    m.line("code", Some(&a.code));
    m.line("project", Some(&a.project));
    m.line("title", Some(&a.title));
    m.line("contents_title", a.contents_title.as_deref());
    m.line("previous", a.previous.as_deref());
    m.line("format_note", a.format_note.as_deref());
    m.line("venue", a.venue.as_deref());
    m.prose("account", a.account.as_deref());
    m.prose("audience", a.audience.as_deref());
    m.texts("partners", &a.partners, LINE_CHARS);
    m.prose("background", Some(&a.background));
    m.prose("objectives_lead", a.objectives_lead.as_deref());
    m.texts("objectives", &a.objectives, PROSE_CHARS);
    m.prose("objectives_closing", a.objectives_closing.as_deref());
    m.prose("expected_results_lead", a.expected_results_lead.as_deref());
    m.texts("expected_results", &a.expected_results, PROSE_CHARS);
    m.prose(
        "expected_results_closing",
        a.expected_results_closing.as_deref(),
    );
    m.records("footnotes", &a.footnotes, TEXT_ITEMS, |f| {
        vec![
            ("id", Some(f.id.as_str()), LINE_CHARS),
            ("text", Some(f.text.as_str()), PROSE_CHARS),
        ]
    });
    m.records("participants", &a.participants, RECORDS, |p| {
        vec![
            ("name", p.name.as_deref(), LINE_CHARS),
            ("organisation", Some(p.organisation.as_str()), LINE_CHARS),
            ("organisation_id", p.organisation_id.as_deref(), LINE_CHARS),
        ]
    });
    m.records("notes", &a.notes, RECORDS, |n| {
        vec![("text", Some(n.text.as_str()), PROSE_CHARS)]
    });
    m.records("outputs", &a.outputs, RECORDS, |o| {
        vec![
            ("title", Some(o.title.as_str()), LINE_CHARS),
            ("code", o.code.as_deref(), LINE_CHARS),
            ("url", o.url.as_deref(), LINE_CHARS),
        ]
    });
    m.excess
}

/// The values of a programme file beyond their limits, in the order of the file.
pub fn of_programme(p: &WorkProgramme) -> Vec<Excess> {
    let mut m = Measure::default();
    m.line("title", Some(&p.title));
    m.line("organisation", Some(&p.organisation));
    m.line("document_code", p.document_code.as_deref());
    m.line("report_document_code", p.report_document_code.as_deref());
    m.line("language", p.language.as_deref());
    m.count("member_states", p.member_states.len(), RECORDS);
    m.prose("notice", p.notice.as_deref());
    m.prose("foreword", p.foreword.as_deref());
    m.prose("introduction", p.introduction.as_deref());
    m.prose("background", p.background.as_deref());
    m.records("areas", &p.areas, RECORDS, |a| {
        vec![
            ("code", Some(a.code.as_str()), LINE_CHARS),
            ("title", Some(a.title.as_str()), LINE_CHARS),
            ("summary", a.summary.as_deref(), PROSE_CHARS),
        ]
    });
    m.records("programmes", &p.programmes, RECORDS, |g| {
        vec![
            ("id", Some(g.id.as_str()), LINE_CHARS),
            ("area", Some(g.area.as_str()), LINE_CHARS),
            ("title", Some(g.title.as_str()), LINE_CHARS),
        ]
    });
    m.records("projects", &p.projects, RECORDS, |j| {
        vec![
            ("code", Some(j.code.as_str()), LINE_CHARS),
            ("programme", Some(j.programme.as_str()), LINE_CHARS),
            ("title", Some(j.title.as_str()), LINE_CHARS),
        ]
    });
    m.excess
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Note, Participant};

    #[test]
    fn a_real_sized_activity_is_within_every_limit() {
        let activity = Activity {
            title: "t".repeat(LINE_CHARS),
            background: "é".repeat(PROSE_CHARS),
            objectives: vec!["o".into(); TEXT_ITEMS],
            ..Activity::default()
        };
        assert_eq!(of_activity(&activity), Vec::new());
    }

    #[test]
    fn texts_and_lists_beyond_their_limits_are_placed() {
        let activity = Activity {
            title: "t".repeat(LINE_CHARS + 1),
            partners: vec!["p".into(); TEXT_ITEMS + 1],
            participants: vec![Participant {
                name: None,
                organisation: "o".repeat(LINE_CHARS + 5),
                organisation_id: None,
                country: crate::model::Country::from_code("PE").expect("a country"),
                role: crate::model::Role::Participant,
            }],
            notes: vec![
                Note {
                    date: crate::model::Date::from_ymd(2021, 1, 1).expect("a date"),
                    text: "n".repeat(PROSE_CHARS + 1),
                };
                2
            ],
            ..Activity::default()
        };
        let excess = of_activity(&activity);
        let places: Vec<String> = excess.iter().map(|e| e.place.to_string()).collect();
        assert_eq!(
            places,
            [
                "title",
                "partners",
                "participants[0].organisation",
                "notes[0].text",
                "notes[1].text"
            ]
        );
        assert_eq!(excess[0].found, LINE_CHARS + 1);
        assert_eq!(excess[1].unit, Unit::Items);
    }
}
