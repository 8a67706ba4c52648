//! The data handed to the templates: the programme document's, and what both documents share
//! (days, drafts, typographic titles), as serde structs serialised to `/data.json`. The
//! follow-up report's own data is in [`super::report`].
//!
//! Prose is converted to [`crate::markdown::Node`] trees here, and every text of the programme
//! carries its language (see [`super::edition`]); codes stay strings, which typst shows as
//! text. Labels, month names and number formats live in the templates.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Lang;
use super::edition::{Edition, Items, Prose, Share, Text};
use crate::model::{Activity, Date, Format, Kind, Plan, Status, Totals};

/// A calendar day split into parts, so a template can build a `datetime` without parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Day {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
}

impl From<Date> for Day {
    fn from(date: Date) -> Self {
        use chrono::Datelike;
        Day {
            year: date.0.year(),
            month: date.0.month(),
            day: date.0.day(),
        }
    }
}

/// The programme document's data: front matter and the hierarchy down to each activity.
///
/// Each text of the programme is a [`Text`], [`Prose`] or [`Items`]: in the document's
/// language when a current translation exists, else in the programme's own, marked.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeData {
    /// Always `programme`.
    pub document: &'static str,
    /// The language of the document: its labels, months, numbers and hyphenation (`en`, `es`).
    pub lang: Lang,
    /// The language the programme is written in.
    pub source_lang: Lang,
    /// How much of the text is translated; `None` when the document is in the programme's
    /// own language.
    pub translation: Option<Share>,
    /// The document's date (also its PDF creation date).
    pub date: Day,
    /// The programme year.
    pub year: i32,
    /// "Work Programme for the year 2021".
    pub title: Text,
    /// "Permanent Secretariat of SELA".
    pub organisation: Text,
    /// The document's code, if any.
    pub document_code: Option<String>,
    /// Copyright notice.
    pub notice: Prose,
    /// Foreword.
    pub foreword: Prose,
    /// Introduction, before the area summaries.
    pub introduction: Prose,
    /// The previous year's execution.
    pub background: Prose,
    /// Areas, with their programmes, projects and activities.
    pub areas: Vec<AreaData>,
    /// The counts the foreword quotes.
    pub totals: Totals,
    /// Set when the document is compiled from a programme with errors, for its authors.
    pub draft: Option<Draft>,
}

/// What a draft's pages and cover say: that `programa check` has findings about its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// Every finding of the programme.
    pub findings: usize,
    /// How many of them are errors.
    pub errors: usize,
}

/// An area and everything under it.
#[derive(Debug, Clone, Serialize)]
pub struct AreaData {
    /// `I`.
    pub code: String,
    /// "Intra-Regional Relations".
    pub title: Text,
    /// The introduction's summary of the area.
    pub summary: Prose,
    /// Its programmes, in order.
    pub programmes: Vec<ProgrammeNode>,
}

/// A programme of an area.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeNode {
    /// The programme's slug.
    pub id: String,
    /// Its title; empty for activities whose programme is not declared.
    pub title: Text,
    /// Its projects, in order.
    pub projects: Vec<ProjectData>,
}

/// A project and its activities.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectData {
    /// `I.1`.
    pub code: String,
    /// Its title.
    pub title: Text,
    /// Its activities, in code order.
    pub activities: Vec<ActivityData>,
}

/// One activity as the programme document shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityData {
    /// `I.1.1`.
    pub code: String,
    /// The body title.
    pub title: Text,
    /// The contents-table title; `None` when it is the body title.
    pub contents_title: Option<Text>,
    /// `event`, `study`, `other`.
    pub kind: Kind,
    /// How it is held, if known.
    pub format: Option<Format>,
    /// More words on the format.
    pub format_note: Option<Text>,
    /// Where it stands.
    pub status: Status,
    /// Who it is for.
    pub audience: Prose,
    /// Partner organisations, by name.
    pub partners: Vec<String>,
    /// A. Background and justification.
    pub background: Prose,
    /// Paragraph before the objectives.
    pub objectives_lead: Prose,
    /// B. Objectives, one node list each.
    pub objectives: Items,
    /// Paragraph after the objectives.
    pub objectives_closing: Prose,
    /// Paragraph before the expected results.
    pub expected_results_lead: Prose,
    /// C. Expected results, one node list each.
    pub expected_results: Items,
    /// Paragraph after the expected results.
    pub expected_results_closing: Prose,
}

impl ActivityData {
    /// An activity's text in `edition`, its footnote references resolved.
    pub fn of(activity: &Activity, edition: &Edition) -> Self {
        let notes = edition.footnotes(activity);
        let prose = |path: &str, text: &Option<String>| {
            edition.prose(activity, path, text.as_deref(), &notes)
        };
        let text =
            |path: &str, text: &Option<String>| edition.text_opt(activity, path, text.as_deref());
        ActivityData {
            code: activity.code.clone(),
            title: edition.text(activity, "title", &activity.title),
            contents_title: text("contents_title", &activity.contents_title),
            kind: activity.kind,
            format: activity.format,
            format_note: text("format_note", &activity.format_note),
            status: activity.status,
            audience: prose("audience", &activity.audience),
            partners: activity.partners.clone(),
            background: edition.prose(activity, "background", Some(&activity.background), &notes),
            objectives_lead: prose("objectives_lead", &activity.objectives_lead),
            objectives: edition.items(activity, "objectives", &activity.objectives, &notes),
            objectives_closing: prose("objectives_closing", &activity.objectives_closing),
            expected_results_lead: prose("expected_results_lead", &activity.expected_results_lead),
            expected_results: edition.items(
                activity,
                "expected_results",
                &activity.expected_results,
                &notes,
            ),
            expected_results_closing: prose(
                "expected_results_closing",
                &activity.expected_results_closing,
            ),
        }
    }
}

impl ProgrammeData {
    /// The programme document's data for `plan` in `lang`, dated `date`.
    pub fn new(plan: &Plan, lang: Lang, date: Date) -> Self {
        let programme = &plan.programme;
        let edition = Edition::of(programme, lang);
        let none = BTreeMap::new();
        let prose = |path: &str, text: &Option<String>| {
            edition.prose(programme, path, text.as_deref(), &none)
        };
        let title = edition.text(programme, "title", &programme.title);
        let organisation = edition.text(programme, "organisation", &programme.organisation);
        let notice = prose("notice", &programme.notice);
        let foreword = prose("foreword", &programme.foreword);
        let introduction = prose("introduction", &programme.introduction);
        let background = prose("background", &programme.background);
        let areas = hierarchy(plan, &edition, |a| ActivityData::of(a, &edition))
            .into_iter()
            .map(AreaData::from)
            .collect();
        ProgrammeData {
            document: "programme",
            lang,
            source_lang: programme.source_lang(),
            translation: edition.share(),
            date: date.into(),
            year: programme.year,
            title,
            organisation,
            document_code: programme.document_code.clone(),
            notice,
            foreword,
            introduction,
            background,
            areas,
            totals: plan.totals(),
            draft: None,
        }
    }
}

/// `text` with the typographic quotes the prose of the documents has (markdown's smart
/// punctuation gives them to every paragraph): `"a"` → “a”, `it's` → it’s. Titles are plain
/// text, so they get them here.
pub fn typographic(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut before: Option<char> = None;
    for c in text.chars() {
        let opening = before.is_none_or(|b| b.is_whitespace() || "([{“‘—–/".contains(b));
        out.push(match c {
            '"' if opening => '“',
            '"' => '”',
            '\'' if opening => '‘',
            '\'' => '’',
            other => other,
        });
        before = Some(c);
    }
    out
}

/// The code of the area `activity` belongs to in `plan`: through its project and programme,
/// else the first part of its code.
pub fn area_of(plan: &Plan, activity: &Activity) -> String {
    plan.programme
        .project(&activity.project)
        .and_then(|p| plan.programme.programme(&p.programme))
        .map(|p| p.area.clone())
        .unwrap_or_else(|| activity.area_code().to_string())
}

/// Groups the activities of `plan` under areas, programmes and projects, in the order the
/// programme file gives them, with their titles and summaries in `edition`. Activities whose
/// project, programme or area is not declared are still shown, under a heading made of the
/// code alone.
fn hierarchy<T>(plan: &Plan, edition: &Edition, convert: impl Fn(&Activity) -> T) -> Vec<Area<T>> {
    let programme = &plan.programme;
    let none = BTreeMap::new();
    let mut areas: Vec<Area<T>> = programme
        .areas
        .iter()
        .map(|area| Area {
            code: area.code.clone(),
            title: edition.text(
                programme,
                &format!("areas/{}/title", area.code),
                &area.title,
            ),
            summary: edition.prose(
                programme,
                &format!("areas/{}/summary", area.code),
                area.summary.as_deref(),
                &none,
            ),
            programmes: Vec::new(),
        })
        .collect();
    for activity in &plan.activities {
        let project = programme.project(&activity.project);
        let prog = project.and_then(|p| programme.programme(&p.programme));
        let area_code = area_of(plan, activity);
        let area = match areas.iter().position(|a| a.code == area_code) {
            Some(i) => &mut areas[i],
            None => {
                areas.push(Area {
                    code: area_code.clone(),
                    title: Text::default(),
                    summary: Prose::default(),
                    programmes: Vec::new(),
                });
                let last = areas.len() - 1;
                &mut areas[last]
            }
        };
        let prog_id = prog.map(|p| p.id.clone()).unwrap_or_default();
        let node = match area.programmes.iter().position(|p| p.id == prog_id) {
            Some(i) => &mut area.programmes[i],
            None => {
                area.programmes.push(Branch {
                    id: prog_id.clone(),
                    title: prog
                        .map(|p| {
                            edition.text(programme, &format!("programmes/{}/title", p.id), &p.title)
                        })
                        .unwrap_or_default(),
                    projects: Vec::new(),
                });
                let last = area.programmes.len() - 1;
                &mut area.programmes[last]
            }
        };
        let leaf = match node
            .projects
            .iter()
            .position(|p| p.code == activity.project)
        {
            Some(i) => &mut node.projects[i],
            None => {
                node.projects.push(Leaf {
                    code: activity.project.clone(),
                    title: project
                        .map(|p| {
                            edition.text(programme, &format!("projects/{}/title", p.code), &p.title)
                        })
                        .unwrap_or_default(),
                    activities: Vec::new(),
                });
                let last = node.projects.len() - 1;
                &mut node.projects[last]
            }
        };
        leaf.activities.push(convert(activity));
    }
    // Programmes and projects in the order the programme file declares them.
    let order = |id: &str| programme.programmes.iter().position(|p| p.id == id);
    let project_order = |code: &str| programme.projects.iter().position(|p| p.code == code);
    for area in &mut areas {
        area.programmes
            .sort_by_key(|p| order(&p.id).unwrap_or(usize::MAX));
        for node in &mut area.programmes {
            node.projects
                .sort_by_key(|p| project_order(&p.code).unwrap_or(usize::MAX));
        }
    }
    areas
}

/// An area while grouping, generic over what an activity becomes.
struct Area<T> {
    code: String,
    title: Text,
    summary: Prose,
    programmes: Vec<Branch<T>>,
}

struct Branch<T> {
    id: String,
    title: Text,
    projects: Vec<Leaf<T>>,
}

struct Leaf<T> {
    code: String,
    title: Text,
    activities: Vec<T>,
}

impl From<Area<ActivityData>> for AreaData {
    fn from(area: Area<ActivityData>) -> Self {
        AreaData {
            code: area.code,
            title: area.title,
            summary: area.summary,
            programmes: area
                .programmes
                .into_iter()
                .map(|p| ProgrammeNode {
                    id: p.id,
                    title: p.title,
                    projects: p
                        .projects
                        .into_iter()
                        .map(|j| ProjectData {
                            code: j.code,
                            title: j.title,
                            activities: j.activities,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_get_the_quotes_of_the_prose() {
        assert_eq!(
            typographic(r#"Training workshop: "Free competition" (SELA's "best")"#),
            "Training workshop: “Free competition” (SELA’s “best”)"
        );
        assert_eq!(typographic("'Quoted' and \"x\""), "‘Quoted’ and “x”");
        assert_eq!(typographic("no quotes"), "no quotes");
    }
}
