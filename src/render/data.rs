//! The data handed to the templates: the programme document and the follow-up report, as
//! serde structs serialised to `/data.json`.
//!
//! Prose is converted to [`Node`] trees here; plain fields (titles, codes) stay strings, which
//! typst shows as text. Labels, month names and number formats live in the templates.

use std::collections::{BTreeMap, BTreeSet};

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
            title: activity.title.clone(),
            contents_title: activity
                .contents_title
                .clone()
                .unwrap_or_else(|| activity.title.clone()),
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
            title: programme.title.clone(),
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

/// The language the plan's prose is written in: the programme's `language`, else `lang`.
fn content_lang(plan: &Plan, lang: Lang) -> String {
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
            title: area.title.clone(),
            summary: summary(area),
            programmes: Vec::new(),
        })
        .collect();
    for activity in &plan.activities {
        let project = programme.project(&activity.project);
        let prog = project.and_then(|p| programme.programme(&p.programme));
        let area_code = prog
            .map(|p| p.area.clone())
            .unwrap_or_else(|| activity.area_code().to_string());
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
                    title: prog.map(|p| p.title.clone()).unwrap_or_default(),
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
                    title: project.map(|p| p.title.clone()).unwrap_or_default(),
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

// ---------------------------------------------------------------------------------------------
// The follow-up report
// ---------------------------------------------------------------------------------------------

/// What the report compares: the approved plan and the plan as it stands.
#[derive(Debug, Clone)]
pub struct ReportInputs<'a> {
    /// The approved plan and its name (a tag), or `None` to use the current plan as its own
    /// baseline.
    pub baseline: Option<(&'a str, &'a Plan)>,
    /// The plan at the revision reported on.
    pub current: &'a Plan,
    /// The revision reported on, if not the working files.
    pub at: Option<&'a str>,
    /// The day each activity became completed, where history knows it; otherwise its
    /// `actual_end` is used.
    pub completed_on: BTreeMap<String, Date>,
}

/// The follow-up report's data.
#[derive(Debug, Clone, Serialize)]
pub struct ReportData {
    /// Always `report`.
    pub document: &'static str,
    /// The language of labels.
    pub lang: Lang,
    /// The language of the prose.
    pub content_lang: String,
    /// The report's date (also its PDF creation date).
    pub date: Day,
    /// The programme year.
    pub year: i32,
    /// The programme's title.
    pub title: String,
    /// Who carries it out.
    pub organisation: String,
    /// The programme document's code.
    pub document_code: Option<String>,
    /// What the plan is compared with.
    pub baseline: BaselineInfo,
    /// The revision reported on, if not the working files.
    pub at: Option<String>,
    /// Summary figures.
    pub summary: Summary,
    /// Execution per area and activity.
    pub areas: Vec<AreaExecution>,
    /// Changes to the plan since the baseline.
    pub changes: Vec<Change>,
    /// Completions per month of the year, January first (always 12 entries).
    pub completions: Vec<MonthCount>,
    /// Participants by country and by organisation.
    pub participants: ParticipantsAnnex,
    /// Set when the report is compiled from a programme with errors, for its authors.
    pub draft: Option<Draft>,
}

/// The approved plan the report compares with.
#[derive(Debug, Clone, Serialize)]
pub struct BaselineInfo {
    /// Its name (a tag), or empty when the current plan is its own baseline.
    pub name: String,
    /// Whether the current plan stands in for the baseline.
    pub is_current: bool,
}

/// The report's headline figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Activities in the approved plan.
    pub planned: usize,
    /// Activities completed (including ones added since).
    pub executed: usize,
    /// `executed / planned`, in percent (0 when nothing was planned).
    pub rate: f64,
    /// Activities in the plan now.
    pub current: usize,
    /// Activities by status now, in the vocabulary's order.
    pub by_status: Vec<Count>,
    /// Events now.
    pub events: usize,
    /// Studies now.
    pub studies: usize,
    /// Other activities now.
    pub other: usize,
    /// Events by format, in the vocabulary's order, then `unspecified`.
    pub events_by_format: Vec<Count>,
    /// Events held (completed) by format.
    pub held_by_format: Vec<Count>,
    /// Participants recorded.
    pub participants: usize,
    /// Distinct countries they represent.
    pub countries: usize,
    /// Distinct organisations.
    pub organisations: usize,
}

/// A count under a key from a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The vocabulary word (`face-to-face`, `completed`).
    pub key: String,
    /// How many.
    pub count: usize,
}

/// Execution within one area.
#[derive(Debug, Clone, Serialize)]
pub struct AreaExecution {
    /// `I`.
    pub code: String,
    /// The area's title.
    pub title: String,
    /// Activities planned in the baseline.
    pub planned: usize,
    /// Activities completed.
    pub executed: usize,
    /// `executed / planned` in percent.
    pub rate: f64,
    /// Each activity, in code order (baseline activities and ones added since).
    pub activities: Vec<ActivityExecution>,
}

/// One activity's execution against the baseline.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityExecution {
    /// `I.1.1`.
    pub code: String,
    /// Its (contents) title.
    pub title: String,
    /// `event`, `study`, `other`.
    pub kind: Kind,
    /// Its status now (`cancelled` when it left the plan).
    pub status: Status,
    /// Progress in percent.
    pub progress: u8,
    /// The format approved in the baseline.
    pub planned_format: Option<Format>,
    /// The format it has now (for a completed event: the format it was held in).
    pub format: Option<Format>,
    /// Planned start.
    pub planned_start: Option<Day>,
    /// Planned end.
    pub planned_end: Option<Day>,
    /// Actual start.
    pub actual_start: Option<Day>,
    /// Actual end.
    pub actual_end: Option<Day>,
    /// The venue.
    pub venue: Option<String>,
    /// Participants recorded.
    pub participants: usize,
    /// Whether the baseline has it.
    pub in_baseline: bool,
    /// Whether the current plan has it.
    pub in_current: bool,
}

/// What changed in the plan since the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// Not in the baseline.
    Added,
    /// In the baseline, gone from the plan.
    Removed,
    /// Now cancelled.
    Cancelled,
    /// Now postponed.
    Postponed,
    /// Held, or to be held, in another format than approved.
    FormatChanged,
    /// Planned dates moved.
    DatesMoved,
}

/// One change to the plan.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// The activity.
    pub code: String,
    /// Its title.
    pub title: String,
    /// What changed.
    pub kind: ChangeKind,
    /// The approved value, as a vocabulary word or ISO date.
    pub from: Option<String>,
    /// The value now.
    pub to: Option<String>,
}

/// Completions in one month.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct MonthCount {
    /// 1–12.
    pub month: u32,
    /// Activities completed that month.
    pub count: usize,
    /// Activities completed up to the end of that month.
    pub cumulative: usize,
}

/// The participants annex.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ParticipantsAnnex {
    /// Per country, most participants first.
    pub by_country: Vec<CountryRow>,
    /// Per organisation, most participants first.
    pub by_organisation: Vec<OrganisationRow>,
}

/// Participants from one country.
#[derive(Debug, Clone, Serialize)]
pub struct CountryRow {
    /// The country's name in the report's language.
    pub country: String,
    /// Its ISO 3166-1 alpha-2 code.
    pub country_code: &'static str,
    /// Whether it is one of the organisation's Member States.
    pub member_state: bool,
    /// Participants.
    pub participants: usize,
    /// Distinct organisations.
    pub organisations: usize,
    /// Activities they took part in (codes).
    pub activities: Vec<String>,
}

/// Participants from one organisation.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationRow {
    /// The organisation, as first written.
    pub organisation: String,
    /// Its country's name in the report's language.
    pub country: String,
    /// Its country's ISO 3166-1 alpha-2 code.
    pub country_code: &'static str,
    /// Participants.
    pub participants: usize,
    /// Activities (codes).
    pub activities: Vec<String>,
}

fn rate(executed: usize, planned: usize) -> f64 {
    if planned == 0 {
        0.0
    } else {
        // Rounded to one decimal here so every reader of the data quotes the same figure.
        (executed as f64 * 1000.0 / planned as f64).round() / 10.0
    }
}

impl ReportData {
    /// The report's data, with labels in `lang`, dated `date`.
    pub fn new(inputs: &ReportInputs, lang: Lang, date: Date) -> Self {
        let current = inputs.current;
        let (baseline_name, baseline) = match inputs.baseline {
            Some((name, plan)) => (name.to_string(), plan),
            None => (String::new(), current),
        };
        let totals = current.totals();

        // Every activity of either plan, in code order.
        let mut codes: Vec<&str> = baseline
            .activities
            .iter()
            .chain(&current.activities)
            .map(|a| a.code.as_str())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        codes.sort_by_cached_key(|c| crate::model::code_sort_key(c));

        let mut rows = Vec::new();
        let mut changes = Vec::new();
        for code in codes {
            let before = baseline.activity(code);
            let now = current.activity(code);
            let Some(shown) = now.or(before) else {
                continue;
            };
            let day = |d: Option<Date>| d.map(Day::from);
            rows.push(ActivityExecution {
                code: code.to_string(),
                title: shown
                    .contents_title
                    .clone()
                    .unwrap_or_else(|| shown.title.clone()),
                kind: shown.kind,
                status: now.map_or(Status::Cancelled, |a| a.status),
                progress: now.map_or(0, |a| a.progress),
                planned_format: before.and_then(|a| a.format),
                format: now.and_then(|a| a.format),
                planned_start: day(before.and_then(|a| a.planned_start)),
                planned_end: day(before.and_then(|a| a.planned_end)),
                actual_start: day(now.and_then(|a| a.actual_start)),
                actual_end: day(now.and_then(|a| a.actual_end)),
                venue: now.and_then(|a| a.venue.clone()),
                participants: now.map_or(0, |a| a.participants.len()),
                in_baseline: before.is_some(),
                in_current: now.is_some(),
            });
            changes.extend(changes_of(code, shown, before, now));
        }
        changes.sort_by(|a, b| {
            a.kind.cmp(&b.kind).then_with(|| {
                crate::model::code_sort_key(&a.code).cmp(&crate::model::code_sort_key(&b.code))
            })
        });

        let executed_codes: BTreeSet<&str> = current
            .activities
            .iter()
            .filter(|a| a.status == Status::Completed)
            .map(|a| a.code.as_str())
            .collect();
        let planned = baseline.activities.len();
        let executed = executed_codes.len();

        // Per area, in the current programme's order, then any others.
        let mut areas: Vec<AreaExecution> = current
            .programme
            .areas
            .iter()
            .chain(&baseline.programme.areas)
            .fold(Vec::new(), |mut acc: Vec<AreaExecution>, area| {
                if !acc.iter().any(|a| a.code == area.code) {
                    acc.push(AreaExecution {
                        code: area.code.clone(),
                        title: area.title.clone(),
                        planned: 0,
                        executed: 0,
                        rate: 0.0,
                        activities: Vec::new(),
                    });
                }
                acc
            });
        for row in rows {
            let area_code = row.code.split('.').next().unwrap_or_default().to_string();
            let index = match areas.iter().position(|a| a.code == area_code) {
                Some(i) => i,
                None => {
                    areas.push(AreaExecution {
                        code: area_code,
                        title: String::new(),
                        planned: 0,
                        executed: 0,
                        rate: 0.0,
                        activities: Vec::new(),
                    });
                    areas.len() - 1
                }
            };
            let area = &mut areas[index];
            area.planned += usize::from(row.in_baseline);
            area.executed += usize::from(executed_codes.contains(row.code.as_str()));
            area.activities.push(row);
        }
        for area in &mut areas {
            area.rate = rate(area.executed, area.planned);
        }
        areas.retain(|a| !a.activities.is_empty());

        let completions = completions(current, &inputs.completed_on, current.programme.year);
        let participants = annex(current, lang);
        let countries = participants.by_country.len();
        let organisations = participants.by_organisation.len();

        let events_by_format: Vec<Count> = Format::ALL
            .iter()
            .map(|f| f.as_str())
            .chain(["unspecified"])
            .filter_map(|key| {
                let count = totals.events_by_format.get(key).copied().unwrap_or(0);
                (count > 0 || key != "unspecified").then(|| Count {
                    key: key.to_string(),
                    count,
                })
            })
            .collect();
        let held_by_format = Format::ALL
            .iter()
            .map(|f| Count {
                key: f.as_str().to_string(),
                count: current
                    .activities
                    .iter()
                    .filter(|a| {
                        a.kind == Kind::Event
                            && a.status == Status::Completed
                            && a.format == Some(*f)
                    })
                    .count(),
            })
            .collect();

        ReportData {
            document: "report",
            lang,
            content_lang: content_lang(current, lang),
            date: date.into(),
            year: current.programme.year,
            title: current.programme.title.clone(),
            organisation: current.programme.organisation.clone(),
            document_code: current.programme.document_code.clone(),
            baseline: BaselineInfo {
                is_current: inputs.baseline.is_none(),
                name: baseline_name,
            },
            at: inputs.at.map(str::to_string),
            summary: Summary {
                planned,
                executed,
                rate: rate(executed, planned),
                current: totals.activities,
                by_status: Status::ALL
                    .iter()
                    .map(|s| Count {
                        key: s.as_str().to_string(),
                        count: totals.by_status.get(s.as_str()).copied().unwrap_or(0),
                    })
                    .collect(),
                events: totals.events,
                studies: totals.studies,
                other: totals.other,
                events_by_format,
                held_by_format,
                participants: current
                    .activities
                    .iter()
                    .map(|a| a.participants.len())
                    .sum(),
                countries,
                organisations,
            },
            areas,
            changes,
            completions,
            participants,
            draft: None,
        }
    }
}

/// The changes to one activity between the baseline and now.
fn changes_of(
    code: &str,
    shown: &Activity,
    before: Option<&Activity>,
    now: Option<&Activity>,
) -> Vec<Change> {
    let title = shown
        .contents_title
        .clone()
        .unwrap_or_else(|| shown.title.clone());
    let change = |kind, from: Option<String>, to: Option<String>| Change {
        code: code.to_string(),
        title: title.clone(),
        kind,
        from,
        to,
    };
    let mut out = Vec::new();
    let (before, now) = match (before, now) {
        (None, Some(_)) => return vec![change(ChangeKind::Added, None, None)],
        (Some(_), None) => return vec![change(ChangeKind::Removed, None, None)],
        (Some(b), Some(n)) => (b, n),
        (None, None) => return out,
    };
    for (status, kind) in [
        (Status::Cancelled, ChangeKind::Cancelled),
        (Status::Postponed, ChangeKind::Postponed),
    ] {
        if now.status == status {
            out.push(change(
                kind,
                (before.status != status).then(|| before.status.to_string()),
                None,
            ));
        }
    }
    if before.format != now.format {
        out.push(change(
            ChangeKind::FormatChanged,
            before.format.map(|f| f.to_string()),
            now.format.map(|f| f.to_string()),
        ));
    }
    if (before.planned_start, before.planned_end) != (now.planned_start, now.planned_end) {
        let show = |a: &Activity| a.planned_start.or(a.planned_end).map(|d| d.to_string());
        out.push(change(ChangeKind::DatesMoved, show(before), show(now)));
    }
    out
}

/// Completions per month of `year`, from `completed_on` or each activity's `actual_end`.
fn completions(plan: &Plan, completed_on: &BTreeMap<String, Date>, year: i32) -> Vec<MonthCount> {
    use chrono::Datelike;
    let mut counts = [0usize; 12];
    for activity in plan
        .activities
        .iter()
        .filter(|a| a.status == Status::Completed)
    {
        let day = completed_on
            .get(&activity.code)
            .copied()
            .or(activity.actual_end);
        if let Some(day) = day.filter(|d| d.0.year() == year) {
            counts[day.0.month0() as usize] += 1;
        }
    }
    let mut cumulative = 0;
    (1..=12)
        .zip(counts)
        .map(|(month, count)| {
            cumulative += count;
            MonthCount {
                month,
                count,
                cumulative,
            }
        })
        .collect()
}

/// Participants grouped by country and by organisation (an organisation is its name, or id,
/// in its country), countries named in `lang`; most participants first.
fn annex(plan: &Plan, lang: Lang) -> ParticipantsAnnex {
    let participation = plan.participation();
    let mut by_country: Vec<CountryRow> = participation
        .countries
        .into_iter()
        .map(|(country, share)| CountryRow {
            country: country.name(lang).to_string(),
            country_code: country.code(),
            member_state: share.member_state,
            participants: share.participants,
            organisations: share.organisations,
            activities: share.activities,
        })
        .collect();
    by_country.sort_by(|a, b| {
        b.participants
            .cmp(&a.participants)
            .then_with(|| a.country.cmp(&b.country))
    });
    let mut by_organisation: Vec<OrganisationRow> = participation
        .organisations
        .into_iter()
        .map(|(organisation, share)| OrganisationRow {
            organisation: organisation.name().to_string(),
            country: organisation.country().name(lang).to_string(),
            country_code: organisation.country().code(),
            participants: share.participants,
            activities: share.activities,
        })
        .collect();
    by_organisation.sort_by(|a, b| {
        b.participants
            .cmp(&a.participants)
            .then_with(|| a.organisation.cmp(&b.organisation))
            .then_with(|| a.country.cmp(&b.country))
    });
    ParticipantsAnnex {
        by_country,
        by_organisation,
    }
}

/// The default date of a document: the newest date in the plan, or 1 January of its year.
pub fn newest_date(plan: &Plan) -> Date {
    let dates = plan.activities.iter().flat_map(|a| {
        [a.planned_start, a.planned_end, a.actual_start, a.actual_end]
            .into_iter()
            .flatten()
            .chain(a.notes.iter().map(|n| n.date))
            .chain(a.outputs.iter().filter_map(|o| o.date))
    });
    dates
        .max()
        .or_else(|| Date::from_ymd(plan.programme.year, 1, 1))
        .unwrap_or(Date(chrono::NaiveDate::MIN))
}
