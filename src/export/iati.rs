//! The IATI activity file of a year, standard 2.03: every activity as an `iati-activity`, for
//! publishing through IATI's registry, written with quick-xml.
//!
//! What comes from where is told in the README ("IATI activity file"): the reporting
//! organisation from `[iati]` in `programme.toml`, one identifier per activity and year,
//! titles, descriptions (background, objectives, audience), the status and the four dates,
//! partners and organisers as implementing organisations, and each expected result as a
//! result with a qualitative indicator.
//!
//! Text from the files is written so that the file stays well-formed XML whatever it holds:
//! `<`, `>` and `&` (and quotes in attributes) as entities, so `]]>` cannot end anything; the
//! characters XML 1.0 does not allow (C0 controls but tab and line feed, `U+FFFE`, `U+FFFF`)
//! left out, with the other controls (`DEL`, C1), which act on a terminal and never show; and
//! bidirectional controls and marks as character references (`&#x202E;`), which read back as
//! the same text but cannot act on a terminal the file is shown on.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::name::QName;

use crate::markdown::{self, Node};
use crate::model::translation::{Text, Translate};
use crate::model::{Activity, Date, IatiPublisher, Lang, Plan, Role, Status, WorkProgramme};

/// The version of the IATI standard the file follows.
pub const VERSION: &str = "2.03";

/// The codes of IATI's OrganisationType codelist: government (10), local government (11),
/// other public sector (15), international, national, regional and partner-country NGOs (21–24),
/// public-private partnership (30), multilateral (40), foundation (60), private sector (70–73),
/// academic, training and research (80), other (90).
pub const ORGANISATION_TYPES: &[u16] = &[
    10, 11, 15, 21, 22, 23, 24, 30, 40, 60, 70, 71, 72, 73, 80, 90,
];

/// Why a programme cannot be written as an IATI file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unpublishable {
    /// `programme.toml` has no `[iati]` table.
    NoPublisher,
    /// `iati.organisation_id` is not an IATI organisation identifier.
    BadOrganisationId(String),
    /// `iati.organisation_type` is not in the OrganisationType codelist.
    BadOrganisationType(u16),
    /// The year has no activity, and an IATI file holds at least one.
    NoActivities,
}

/// The programme's publisher, checked: an identifier such as `XM-DAC-41114` (a registration
/// agency's prefix, country and list, then the organisation's number in that list, of letters,
/// digits, `.`, `-` and `_`) and a type of the codelist.
pub fn publisher(plan: &Plan) -> Result<&IatiPublisher, Unpublishable> {
    let publisher = plan
        .programme
        .iati
        .as_ref()
        .ok_or(Unpublishable::NoPublisher)?;
    let id = &publisher.organisation_id;
    let parts: Vec<&str> = id.splitn(3, '-').collect();
    let well_formed = parts.len() == 3
        && parts[0].len() == 2
        && parts[0].bytes().all(|b| b.is_ascii_uppercase())
        && !parts[1].is_empty()
        && parts[1].bytes().all(|b| b.is_ascii_alphanumeric())
        && !parts[2].is_empty()
        && parts[2]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
    if !well_formed {
        return Err(Unpublishable::BadOrganisationId(id.clone()));
    }
    if !ORGANISATION_TYPES.contains(&publisher.organisation_type) {
        return Err(Unpublishable::BadOrganisationType(
            publisher.organisation_type,
        ));
    }
    if plan.activities.is_empty() {
        return Err(Unpublishable::NoActivities);
    }
    Ok(publisher)
}

/// The IATI identifier of an activity: the organisation's identifier, the year and the code,
/// `XM-DAC-41114-2021-I.1.1`. Codes start again each year, so the year keeps 2021's I.1.1 and
/// 2022's apart, as IATI asks of an identifier that never changes nor is reused.
pub fn identifier(publisher: &IatiPublisher, year: i32, code: &str) -> String {
    format!("{}-{year}-{code}", publisher.organisation_id)
}

/// The ActivityStatus code of a status: planned is 1 (pipeline), ongoing 2 (implementation),
/// completed 4 (closed: the tool keeps no finances that could hold an activity open after it
/// is done), cancelled 5, postponed 6 (suspended: stopped for now, to resume later).
pub fn status_code(status: Status) -> &'static str {
    match status {
        Status::Planned => "1",
        Status::Ongoing => "2",
        Status::Completed => "4",
        Status::Cancelled => "5",
        Status::Postponed => "6",
    }
}

/// Writes the IATI activity file of `plan`, published by `publisher` (see [`publisher`]),
/// `generated` being the moment it is made (an XML Schema dateTime).
pub fn write(
    plan: &Plan,
    publisher: &IatiPublisher,
    generated: &str,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut writer = Writer::new_with_indent(&mut *out, b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("iati-activities")
        .with_attribute(attribute("version", VERSION))
        .with_attribute(attribute("generated-datetime", generated))
        .write_inner_content(|writer| {
            for activity in &plan.activities {
                write_activity(writer, plan, publisher, activity)?;
            }
            Ok(())
        })?;
    out.write_all(b"\n")
}

/// The organisation roles of IATI's OrganisationRole codelist that the file uses.
const ACCOUNTABLE: &str = "2";
const IMPLEMENTING: &str = "4";

/// Result type 1 (output): what one activity delivers. Indicator measure 5 (qualitative).
const OUTPUT: &str = "1";
const QUALITATIVE: &str = "5";

/// Description types: general (1), objectives (2), target groups (3).
const GENERAL: &str = "1";
const OBJECTIVES: &str = "2";
const TARGET_GROUPS: &str = "3";

fn write_activity<W: io::Write>(
    writer: &mut Writer<W>,
    plan: &Plan,
    publisher: &IatiPublisher,
    activity: &Activity,
) -> io::Result<()> {
    let programme = &plan.programme;
    let mut element = writer.create_element("iati-activity");
    if let Some(lang) = language(programme) {
        element = element.with_attribute(attribute("xml:lang", lang));
    }
    element.write_inner_content(|writer| {
        let organisation_type = publisher.organisation_type.to_string();
        writer
            .create_element("iati-identifier")
            .write_text_content(text(&identifier(publisher, programme.year, &activity.code)))?;
        writer
            .create_element("reporting-org")
            .with_attribute(attribute("ref", &publisher.organisation_id))
            .with_attribute(attribute("type", &organisation_type))
            .write_inner_content(|writer| narrative(writer, &programme.organisation))?;
        let translations = translations(activity, programme.source_lang());
        writer
            .create_element("title")
            .write_inner_content(|writer| {
                let others = translations
                    .iter()
                    .filter(|t| t.has(&["title"]))
                    .map(|t| (t.lang, t.activity.title.clone()));
                narratives(writer, &activity.title, others)
            })?;
        let translated: Vec<_> = translations
            .iter()
            .map(|t| (t, descriptions(&t.activity)))
            .collect();
        for description in descriptions(activity) {
            let others = translated.iter().filter_map(|(t, theirs)| {
                let theirs = theirs.iter().find(|d| d.kind == description.kind)?;
                (theirs.paths == description.paths && t.has(&description.paths))
                    .then(|| (t.lang, theirs.text.clone()))
            });
            writer
                .create_element("description")
                .with_attribute(attribute("type", description.kind))
                .write_inner_content(|writer| narratives(writer, &description.text, others))?;
        }
        for role in [ACCOUNTABLE, IMPLEMENTING] {
            writer
                .create_element("participating-org")
                .with_attribute(attribute("ref", &publisher.organisation_id))
                .with_attribute(attribute("type", &organisation_type))
                .with_attribute(attribute("role", role))
                .write_inner_content(|writer| narrative(writer, &programme.organisation))?;
        }
        for (name, id) in implementing(activity) {
            let mut element = writer.create_element("participating-org");
            if let Some(id) = id {
                element = element.with_attribute(attribute("ref", id));
            }
            element
                .with_attribute(attribute("role", IMPLEMENTING))
                .write_inner_content(|writer| narrative(writer, name))?;
        }
        writer
            .create_element("activity-status")
            .with_attribute(attribute("code", status_code(activity.status)))
            .write_empty()?;
        for (kind, date) in dates(activity, programme.year) {
            writer
                .create_element("activity-date")
                .with_attribute(attribute("type", kind))
                .with_attribute(attribute("iso-date", &date.to_string()))
                .write_empty()?;
        }
        let notes = footnotes(activity);
        let translated: Vec<(Lang, Vec<String>)> = translations
            .iter()
            .filter(|t| t.has(&["expected_results"]))
            .map(|t| {
                let notes = footnotes(&t.activity);
                let results = t.activity.expected_results.iter();
                (t.lang, results.map(|r| plain(r, &notes)).collect())
            })
            .collect();
        for (number, result) in activity.expected_results.iter().enumerate() {
            let result = plain(result, &notes);
            let others = || {
                translated
                    .iter()
                    .filter_map(move |(lang, results)| Some((*lang, results.get(number)?.clone())))
            };
            writer
                .create_element("result")
                .with_attribute(attribute("type", OUTPUT))
                .write_inner_content(|writer| {
                    writer
                        .create_element("title")
                        .write_inner_content(|writer| narratives(writer, &result, others()))?;
                    writer
                        .create_element("indicator")
                        .with_attribute(attribute("measure", QUALITATIVE))
                        .write_inner_content(|writer| {
                            writer
                                .create_element("title")
                                .write_inner_content(|writer| {
                                    narratives(writer, &result, others())
                                })?;
                            Ok(())
                        })?;
                    Ok(())
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The programme's language as `xml:lang` takes it (letters only, as ISO 639-1 codes are),
/// if it has one.
fn language(programme: &WorkProgramme) -> Option<&str> {
    programme.language.as_deref().filter(|lang| {
        (1..=8).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_alphabetic())
    })
}

/// One description of an activity: its type, its text, and the fields it is made of.
struct Description {
    kind: &'static str,
    text: String,
    paths: Vec<&'static str>,
}

/// The descriptions of an activity, by type: its background (or its title, when it has none:
/// IATI asks for one), its objectives with their lead and closing, its audience.
fn descriptions(activity: &Activity) -> Vec<Description> {
    let notes = footnotes(activity);
    let general = plain(&activity.background, &notes);
    let general = if general.is_empty() {
        Description {
            kind: GENERAL,
            text: activity.title.clone(),
            paths: vec!["title"],
        }
    } else {
        Description {
            kind: GENERAL,
            text: general,
            paths: vec!["background"],
        }
    };
    let mut descriptions = vec![general];
    let mut objectives: Vec<(&'static str, String)> = Vec::new();
    let lead = activity.objectives_lead.iter().map(|t| plain(t, &notes));
    objectives.extend(lead.map(|t| ("objectives_lead", t)));
    let items: Vec<String> = (1..)
        .zip(&activity.objectives)
        .map(|(number, item)| format!("{number}. {}", plain(item, &notes)))
        .collect();
    if !items.is_empty() {
        objectives.push(("objectives", items.join("\n")));
    }
    let closing = activity.objectives_closing.iter().map(|t| plain(t, &notes));
    objectives.extend(closing.map(|t| ("objectives_closing", t)));
    objectives.retain(|(_, block)| !block.is_empty());
    if !objectives.is_empty() {
        descriptions.push(Description {
            kind: OBJECTIVES,
            paths: objectives.iter().map(|(path, _)| *path).collect(),
            text: objectives
                .into_iter()
                .map(|(_, block)| block)
                .collect::<Vec<_>>()
                .join("\n\n"),
        });
    }
    if let Some(audience) = activity.audience.as_deref().map(|t| plain(t, &notes))
        && !audience.is_empty()
    {
        descriptions.push(Description {
            kind: TARGET_GROUPS,
            text: audience,
            paths: vec!["audience"],
        });
    }
    descriptions
}

/// An activity as it reads in another language: the fields with a current, complete
/// translation into it replaced by their translation.
struct Translated {
    lang: Lang,
    activity: Activity,
    paths: Vec<&'static str>,
}

impl Translated {
    /// Whether every one of `paths` is translated.
    fn has(&self, paths: &[&str]) -> bool {
        !paths.is_empty() && paths.iter().all(|path| self.paths.contains(path))
    }
}

/// The activity in every language it has translations into, besides its own (`source`).
fn translations(activity: &Activity, source: Lang) -> Vec<Translated> {
    activity
        .translations
        .keys()
        .filter(|&&lang| lang != source)
        .map(|&lang| {
            let mut translated = Translated {
                lang,
                activity: activity.clone(),
                paths: Vec::new(),
            };
            let mut one = |path: &'static str, field: &mut String| {
                let text = Text::One(field.clone());
                let shown = activity.shown(lang, source, path, &text);
                if let (true, Some(shown)) = (shown.translated, shown.text.as_one()) {
                    *field = shown.to_string();
                    translated.paths.push(path);
                }
            };
            let copy = &mut translated.activity;
            one("title", &mut copy.title);
            one("background", &mut copy.background);
            for (path, field) in [
                ("objectives_lead", &mut copy.objectives_lead),
                ("objectives_closing", &mut copy.objectives_closing),
                ("audience", &mut copy.audience),
            ] {
                if let Some(field) = field {
                    one(path, field);
                }
            }
            for (path, field) in [
                ("objectives", &mut copy.objectives),
                ("expected_results", &mut copy.expected_results),
            ] {
                let text = Text::List(field.clone());
                let shown = activity.shown(lang, source, path, &text);
                if let (true, Text::List(items)) = (shown.translated, shown.text) {
                    *field = items.clone();
                    translated.paths.push(path);
                }
            }
            translated
        })
        .filter(|translated| !translated.paths.is_empty())
        .collect()
}

/// The activity's footnotes, converted, so that references to them are left out of the text.
fn footnotes(activity: &Activity) -> BTreeMap<String, Vec<Node>> {
    markdown::convert_notes(
        activity
            .footnotes
            .iter()
            .map(|note| (note.id.as_str(), note.text.as_str())),
    )
}

/// Prose as plain text.
fn plain(text: &str, notes: &BTreeMap<String, Vec<Node>>) -> String {
    markdown::plain_paragraphs(&markdown::convert(text, notes))
}

/// The implementing organisations besides the publisher, each once, by name ignoring case: the
/// partners, then the organisations of participants who organised, with their identifiers.
fn implementing(activity: &Activity) -> Vec<(&str, Option<&str>)> {
    let mut organisations: Vec<(&str, Option<&str>)> = Vec::new();
    let organisers = activity
        .participants
        .iter()
        .filter(|participant| participant.role == Role::Organiser)
        .map(|participant| {
            let id = participant.organisation_id.as_deref().map(str::trim);
            (
                participant.organisation.as_str(),
                id.filter(|id| !id.is_empty()),
            )
        });
    let partners = activity.partners.iter().map(|name| (name.as_str(), None));
    for (name, id) in partners.chain(organisers) {
        let name = name.trim();
        let seen = organisations
            .iter()
            .any(|(other, _)| other.to_lowercase() == name.to_lowercase());
        if !name.is_empty() && !seen {
            organisations.push((name, id));
        }
    }
    organisations
}

/// The activity's dates by ActivityDateType: planned start (1), actual start (2), planned end
/// (3), actual end (4). An activity with neither planned date is planned within its year.
fn dates(activity: &Activity, year: i32) -> Vec<(&'static str, Date)> {
    let (planned_start, planned_end) = match (activity.planned_start, activity.planned_end) {
        (None, None) => (Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31)),
        planned => planned,
    };
    [
        ("1", planned_start),
        ("2", activity.actual_start),
        ("3", planned_end),
        ("4", activity.actual_end),
    ]
    .into_iter()
    .filter_map(|(kind, date)| Some((kind, date?)))
    .collect()
}

/// Writes `<narrative>text</narrative>`, in the activity's language, then one
/// `<narrative xml:lang="…">` for each of its translations.
fn narratives<W: io::Write>(
    writer: &mut Writer<W>,
    content: &str,
    translations: impl Iterator<Item = (Lang, String)>,
) -> io::Result<()> {
    narrative(writer, content)?;
    for (lang, text) in translations {
        writer
            .create_element("narrative")
            .with_attribute(attribute("xml:lang", lang.as_str()))
            .write_text_content(self::text(&text))?;
    }
    Ok(())
}

/// Writes `<narrative>text</narrative>`, in the activity's language.
fn narrative<W: io::Write>(writer: &mut Writer<W>, content: &str) -> io::Result<()> {
    writer
        .create_element("narrative")
        .write_text_content(text(content))?;
    Ok(())
}

/// `content` as XML character data (see the module's notes).
fn text(content: &str) -> BytesText<'static> {
    let kept = kept(content);
    let escaped = quick_xml::escape::partial_escape(kept.as_ref());
    BytesText::from_escaped(referenced(&escaped, false))
}

/// An attribute whose value is `value`, escaped as XML attributes are (quotes too, and tabs
/// and line breaks as references, which an XML reader would otherwise read as spaces).
fn attribute<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    let kept = kept(value);
    let escaped = quick_xml::escape::escape(kept.as_ref());
    Attribute {
        key: QName(key.as_bytes()),
        value: Cow::Owned(referenced(&escaped, true).into_bytes()),
    }
}

/// `text` without the characters left out of the file.
fn kept(text: &str) -> Cow<'_, str> {
    if text.chars().any(left_out) {
        Cow::Owned(text.chars().filter(|&c| !left_out(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `c` is left out: a control other than tab and line feed, or a noncharacter XML 1.0
/// does not allow.
fn left_out(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// Escaped text with the bidirectional characters as character references, and in an attribute
/// tabs and line feeds too.
fn referenced(escaped: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(escaped.len());
    for c in escaped.chars() {
        let as_reference =
            crate::output::hidden(c).is_some() || (in_attribute && matches!(c, '\t' | '\n'));
        if as_reference {
            out.push_str(&format!("&#x{:X};", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Country, Participant};
    use proptest::prelude::*;
    use quick_xml::Reader;

    fn plan(title: &str, partner: &str, organiser: &str) -> Plan {
        Plan {
            programme: WorkProgramme {
                year: 2021,
                organisation: "Permanent Secretariat of SELA".into(),
                language: Some("en".into()),
                iati: Some(IatiPublisher {
                    organisation_id: "XI-IATI-SELA".into(),
                    organisation_type: 40,
                }),
                ..WorkProgramme::default()
            },
            activities: vec![Activity {
                code: "I.1.1".into(),
                project: "I.1".into(),
                title: title.into(),
                partners: vec![partner.into()],
                participants: vec![Participant {
                    name: None,
                    organisation: organiser.into(),
                    organisation_id: Some(organiser.into()),
                    country: Country::from_code("PE").expect("Peru"),
                    role: Role::Organiser,
                }],
                expected_results: vec!["A *study*.".into()],
                ..Activity::default()
            }],
        }
    }

    fn xml(plan: &Plan) -> String {
        let publisher = publisher(plan).expect("a publisher");
        let mut out = Vec::new();
        write(plan, publisher, "2021-06-20T00:00:00Z", &mut out).expect("writes");
        String::from_utf8(out).expect("UTF-8")
    }

    /// The text of every `narrative`, and every attribute value, read back by quick-xml's own
    /// reader; an error for a file that is not well-formed.
    fn read_back(xml: &str) -> Result<(Vec<String>, Vec<String>), String> {
        let mut reader = Reader::from_str(xml);
        let mut narratives = Vec::new();
        let mut attributes = Vec::new();
        let mut current: Option<String> = None;
        loop {
            match reader.read_event().map_err(|e| e.to_string())? {
                Event::Start(start) | Event::Empty(start) => {
                    for attr in start.attributes() {
                        let attr = attr.map_err(|e| e.to_string())?;
                        let value = attr.unescape_value().map_err(|e| e.to_string())?;
                        attributes.push(value.into_owned());
                    }
                    if start.name().as_ref() == b"narrative" {
                        current = Some(String::new());
                    }
                }
                Event::Text(text) => {
                    if let Some(current) = current.as_mut() {
                        current.push_str(&text.xml10_content().map_err(|e| e.to_string())?);
                    }
                }
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref().map_err(|e| e.to_string())? {
                        Some(c) => c,
                        None => match &*reference {
                            b"lt" => '<',
                            b"gt" => '>',
                            b"amp" => '&',
                            b"quot" => '"',
                            b"apos" => '\'',
                            other => return Err(format!("entity {other:?}")),
                        },
                    };
                    if let Some(current) = current.as_mut() {
                        current.push(resolved);
                    }
                }
                Event::End(end) if end.name().as_ref() == b"narrative" => {
                    narratives.extend(current.take());
                }
                Event::Eof => break,
                Event::CData(_) => return Err("CDATA".into()),
                _ => {}
            }
        }
        Ok((narratives, attributes))
    }

    /// Gives `activity` a Spanish translation of `path` made from `source` (a stale one when
    /// `source` is not the field's text).
    fn translate(activity: &mut Activity, path: &str, source: Text, text: Text) {
        use crate::model::translation::{Translation, fingerprint};
        activity.translations.entry(Lang::Es).or_default().insert(
            path.into(),
            Translation {
                source: fingerprint(&source),
                text,
            },
        );
    }

    #[test]
    fn current_translations_are_narratives_in_their_language_and_stale_ones_are_not() {
        let mut plan = plan("Meeting", "CAF", "O");
        let activity = &mut plan.activities[0];
        activity.background = "Old background.".into();
        let one = |t: &str| Text::One(t.into());
        translate(activity, "title", one("Meeting"), one("Reunión"));
        translate(activity, "background", one("Older."), one("Antecedentes."));
        let results = |items: &[&str]| Text::List(items.iter().map(|&i| i.into()).collect());
        translate(
            activity,
            "expected_results",
            results(&["A *study*."]),
            results(&["Un *estudio*."]),
        );
        let text = xml(&plan);
        assert!(
            text.contains("<title>\n      <narrative>Meeting</narrative>\n      <narrative xml:lang=\"es\">Reunión</narrative>"),
            "{text}"
        );
        assert!(
            !text.contains("Antecedentes"),
            "a stale translation: {text}"
        );
        assert!(
            text.contains("<narrative>Old background.</narrative>"),
            "{text}"
        );
        assert_eq!(
            text.matches("<narrative xml:lang=\"es\">Un estudio.</narrative>")
                .count(),
            2,
            "the result's title and its indicator's: {text}"
        );
        let (narratives, _) = read_back(&text).expect("well-formed");
        assert!(narratives.contains(&"Reunión".to_string()));
    }

    #[test]
    fn maps_statuses_to_the_activity_status_codelist() {
        let codes: Vec<&str> = Status::ALL.iter().map(|&s| status_code(s)).collect();
        assert_eq!(codes, ["1", "2", "4", "6", "5"]);
    }

    #[test]
    fn an_activity_without_planned_dates_is_planned_within_its_year() {
        let activity = Activity::default();
        let shown: Vec<(&str, String)> = dates(&activity, 2021)
            .into_iter()
            .map(|(kind, date)| (kind, date.to_string()))
            .collect();
        assert_eq!(
            shown,
            [("1", "2021-01-01".into()), ("3", "2021-12-31".into())]
        );
        let activity = Activity {
            planned_end: "2021-05-01".parse().ok(),
            actual_start: "2021-04-01".parse().ok(),
            ..Activity::default()
        };
        let kinds: Vec<&str> = dates(&activity, 2021).into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, ["2", "3"]);
    }

    #[test]
    fn refuses_a_publisher_that_is_not_one() {
        let mut plan = plan("T", "CAF", "O");
        assert!(publisher(&plan).is_ok());
        for bad in [
            "SELA",
            "XI-IATI-",
            "xi-IATI-SELA",
            "XI-IATI-SE LA",
            "XI-IATI-A/B",
            "X-IATI-1",
        ] {
            plan.programme.iati.as_mut().expect("set").organisation_id = bad.into();
            assert_eq!(
                publisher(&plan),
                Err(Unpublishable::BadOrganisationId(bad.into())),
                "{bad}"
            );
        }
        plan.programme.iati.as_mut().expect("set").organisation_id = "XM-DAC-41114".into();
        plan.programme.iati.as_mut().expect("set").organisation_type = 41;
        assert_eq!(
            publisher(&plan),
            Err(Unpublishable::BadOrganisationType(41))
        );
        plan.programme.iati = None;
        assert_eq!(publisher(&plan), Err(Unpublishable::NoPublisher));
    }

    #[test]
    fn hostile_text_stays_well_formed_and_reads_back() {
        let hostile = "a]]>b<c>&d\"e'f\u{1b}[31m\u{7}\u{0}\u{85}\u{202e}g\u{fffe}\r\n";
        let organiser = format!("org {hostile} z");
        let text = xml(&plan(hostile, hostile, &organiser));
        assert!(!text.contains("]]>"), "{text}");
        assert!(text.contains("&#x202E;"), "{text}");
        let (narratives, attributes) = read_back(&text).expect("well-formed");
        let kept = "a]]>b<c>&d\"e'f[31m\u{202e}g\n";
        assert!(narratives.iter().any(|n| n == kept), "{narratives:?}");
        // The title, the description that stands in for a background, and the partner (trimmed).
        assert_eq!(
            narratives.iter().filter(|n| *n == kept).count(),
            2,
            "{narratives:?}"
        );
        assert!(
            narratives.iter().any(|n| n == kept.trim_end()),
            "{narratives:?}"
        );
        let kept_organiser = "org a]]>b<c>&d\"e'f[31m\u{202e}g\n z";
        assert!(
            attributes.iter().any(|a| a == kept_organiser),
            "{attributes:?}"
        );
        assert!(narratives.iter().any(|n| n == "A study."), "{narratives:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_text_gives_well_formed_xml_holding_that_text(
            title in any::<String>(),
            partner in "\\PC*[\u{0}-\u{1f}\u{7f}-\u{9f}<>&\"'\\]\u{202a}-\u{202e}\u{fffe}\u{ffff}]*\\PC*",
            organiser in any::<String>(),
        ) {
            let text = xml(&plan(&title, &partner, &organiser));
            let (narratives, attributes) = read_back(&text).map_err(TestCaseError::fail)?;
            let kept_title = kept(&title).into_owned();
            prop_assert!(narratives.contains(&kept_title), "{:?} in {:?}", kept_title, narratives);
            let kept_partner = kept(partner.trim()).into_owned();
            if !kept_partner.trim().is_empty() {
                prop_assert!(narratives.iter().any(|n| n.trim() == kept_partner.trim()));
            }
            let kept_organiser = kept(organiser.trim()).into_owned();
            if !organiser.trim().is_empty() && organiser.trim().to_lowercase() != partner.trim().to_lowercase() {
                prop_assert!(attributes.contains(&kept_organiser), "{:?} in {:?}", kept_organiser, attributes);
            }
            prop_assert!(!text.chars().any(left_out));
        }
    }
}
