//! The data handed to the templates: the programme document's, and what both documents share
//! (days, drafts, typographic titles), as serde structs serialised to `/data.json`. The
//! follow-up report's own data is in [`super::report`].
//!
//! Prose is converted to [`Node`] trees here; plain fields (titles, codes) stay strings, which
//! typst shows as text. Labels, month names and number formats live in the templates.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Lang;
use crate::markdown::{self, Node};
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
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeData {
    /// Always `programme`.
    pub document: &'static str,
    /// The language of labels and hyphenation (`en`, `es`).
    pub lang: Lang,
    /// The language the prose is written in.
    pub content_lang: String,
    /// The document's date (also its PDF creation date).
    pub date: Day,
    /// The programme year.
    pub year: i32,
    /// "Work Programme for the year 2021".
    pub title: String,
    /// "Permanent Secretariat of SELA".
    pub organisation: String,
    /// The document's code, if any.
    pub document_code: Option<String>,
    /// Copyright notice.
    pub notice: Vec<Node>,
    /// Foreword.
    pub foreword: Vec<Node>,
    /// Introduction, before the area summaries.
    pub introduction: Vec<Node>,
    /// The previous year's execution.
    pub background: Vec<Node>,
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
    pub title: String,
    /// The introduction's summary of the area.
    pub summary: Vec<Node>,
    /// Its programmes, in order.
    pub programmes: Vec<ProgrammeNode>,
}

/// A programme of an area.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeNode {
    /// The programme's slug.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its projects, in order.
    pub projects: Vec<ProjectData>,
}

/// A project and its activities.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectData {
    /// `I.1`.
    pub code: String,
    /// Its title.
    pub title: String,
    /// Its activities, in code order.
    pub activities: Vec<ActivityData>,
}

/// One activity as the programme document shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityData {
    /// `I.1.1`.
    pub code: String,
    /// The body title.
    pub title: String,
    /// The contents-table title (the body title when none is given).
    pub contents_title: String,
    /// `event`, `study`, `other`.
    pub kind: Kind,
    /// How it is held, if known.
    pub format: Option<Format>,
    /// More words on the format.
    pub format_note: Option<String>,
    /// Where it stands.
    pub status: Status,
    /// Venue.
    pub venue: Option<String>,
    /// Who it is for.
    pub audience: Vec<Node>,
    /// Partner organisations.
    pub partners: Vec<String>,
    /// A. Background and justification.
    pub background: Vec<Node>,
    /// Paragraph before the objectives.
    pub objectives_lead: Vec<Node>,
    /// B. Objectives, one node list each.
    pub objectives: Vec<Vec<Node>>,
    /// Paragraph after the objectives.
    pub objectives_closing: Vec<Node>,
    /// Paragraph before the expected results.
    pub expected_results_lead: Vec<Node>,
    /// C. Expected results, one node list each.
    pub expected_results: Vec<Vec<Node>>,
    /// Paragraph after the expected results.
    pub expected_results_closing: Vec<Node>,
}

impl ActivityData {
    /// Converts an activity's prose, resolving its footnote references.
    pub fn of(activity: &Activity) -> Self {
        let notes = markdown::convert_notes(
            activity
                .footnotes
                .iter()
                .map(|f| (f.id.as_str(), f.text.as_str())),
        );
        let md = |text: &str| markdown::convert(text, &notes);
        let opt = |text: &Option<String>| text.as_deref().map(md).unwrap_or_default();
        ActivityData {
            code: activity.code.clone(),
            title: typographic(&activity.title),
            contents_title: typographic(
                activity
                    .contents_title
                    .as_deref()
                    .unwrap_or(&activity.title),
            ),
            kind: activity.kind,
            format: activity.format,
            format_note: activity.format_note.clone(),
            status: activity.status,
            venue: activity.venue.clone(),
            audience: opt(&activity.audience),
            partners: activity.partners.clone(),
            background: md(&activity.background),
            objectives_lead: opt(&activity.objectives_lead),
            objectives: activity.objectives.iter().map(|o| md(o)).collect(),
            objectives_closing: opt(&activity.objectives_closing),
            expected_results_lead: opt(&activity.expected_results_lead),
            expected_results: activity.expected_results.iter().map(|r| md(r)).collect(),
            expected_results_closing: opt(&activity.expected_results_closing),
        }
    }
}

impl ProgrammeData {
    /// The programme document's data for `plan`, with labels in `lang`, dated `date`.
    pub fn new(plan: &Plan, lang: Lang, date: Date) -> Self {
        let programme = &plan.programme;
        let none = BTreeMap::new();
        let md = |text: &Option<String>| {
            text.as_deref()
                .map(|t| markdown::convert(t, &none))
                .unwrap_or_default()
        };
        ProgrammeData {
            document: "programme",
            lang,
            content_lang: content_lang(plan, lang),
            date: date.into(),
            year: programme.year,
            title: typographic(&programme.title),
            organisation: programme.organisation.clone(),
            document_code: programme.document_code.clone(),
            notice: md(&programme.notice),
            foreword: md(&programme.foreword),
            introduction: md(&programme.introduction),
            background: md(&programme.background),
            areas: hierarchy(plan, ActivityData::of, |area| md(&area.summary))
                .into_iter()
                .map(AreaData::from)
                .collect(),
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

/// The language the plan's prose is written in: the programme's `language`, else `lang`.
pub fn content_lang(plan: &Plan, lang: Lang) -> String {
    plan.programme
        .language
        .clone()
        .unwrap_or_else(|| lang.as_str().to_string())
}

/// Groups the activities of `plan` under areas, programmes and projects, in the order the
/// programme file gives them. Activities whose project, programme or area is not declared
/// are still shown, under a heading made of the code alone.
fn hierarchy<T>(
    plan: &Plan,
    convert: impl Fn(&Activity) -> T,
    summary: impl Fn(&crate::model::Area) -> Vec<Node>,
) -> Vec<Area<T>> {
    let programme = &plan.programme;
    let mut areas: Vec<Area<T>> = programme
        .areas
        .iter()
        .map(|area| Area {
            code: area.code.clone(),
            title: typographic(&area.title),
            summary: summary(area),
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
                    title: String::new(),
                    summary: Vec::new(),
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
                    title: prog.map(|p| typographic(&p.title)).unwrap_or_default(),
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
                    title: project.map(|p| typographic(&p.title)).unwrap_or_default(),
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
    title: String,
    summary: Vec<Node>,
    programmes: Vec<Branch<T>>,
}

struct Branch<T> {
    id: String,
    title: String,
    projects: Vec<Leaf<T>>,
}

struct Leaf<T> {
    code: String,
    title: String,
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
