//! The follow-up report's data: the approved plan (a baseline) against the plan reported on,
//! figure by figure, each activity's record, the changes to the plan, and where every figure
//! comes from.
//!
//! Every count is made here once, and every total is the sum of the figures it totals, so the
//! template only prints. The definitions the report states:
//! - *approved*: the activities of the approved plan; each is counted under what became of it
//!   (completed, ongoing, postponed, cancelled, not started, or removed from the plan), following
//!   it under a new code when it was renamed, so the parts add up to the approved count;
//! - *executed*: completed; the execution rate is approved activities completed over approved;
//! - *added*: activities of the plan now that the approved plan does not have, counted apart
//!   and never in the execution rate;
//! - events by format: the approved plan by its formats, the plan now by its formats, and the
//!   events held (completed) by the format they were held in.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::Lang;
use super::data::{Day, Draft, area_of, typographic};
use super::edition::{Edition, Items, Prose, Share, Text};
use crate::changes::{self, BaselineSummary};
use crate::history::{Baseline, ReportRevision, Stamp, StatusRecord};
use crate::model::{
    Activity, Country, Date, Format, Kind, Participant, Plan, Status, code_sort_key,
};

/// Participants listed by name in an activity's record; the annex has them all.
const PARTICIPANTS_LISTED: usize = 12;

/// Progress notes shown in an activity's record, besides the reason for its status.
const LATEST_NOTES: usize = 2;

/// What the report is made from: the approved plan, the plan reported on, and what the
/// history says of both.
#[derive(Debug, Clone, Copy)]
pub struct ReportInputs<'a> {
    /// The approved plan and the baseline that marks it; `None` when there is none, and the
    /// plan reported on stands in for it.
    pub baseline: Option<(&'a Baseline, &'a Plan)>,
    /// The plan reported on.
    pub current: &'a Plan,
    /// Which state of the programme that is.
    pub revision: &'a ReportRevision,
    /// Per activity of the plan reported on, the commit that set its status.
    pub statuses: &'a BTreeMap<String, StatusRecord>,
}

/// The follow-up report's data.
#[derive(Debug, Clone, Serialize)]
pub struct ReportData {
    /// Always `report`.
    pub document: &'static str,
    /// The language of the report: its labels, months, numbers and hyphenation.
    pub lang: Lang,
    /// The language the programme is written in.
    pub source_lang: Lang,
    /// How much of the programme's text the report prints is translated; `None` when the
    /// report is in the programme's own language.
    pub translation: Option<Share>,
    /// The report's date (also its PDF creation date).
    pub date: Day,
    /// The programme year.
    pub year: i32,
    /// Who carries it out.
    pub organisation: Text,
    /// The report's own code in the register (`report_document_code`).
    pub document_code: Option<String>,
    /// The programme document's code, which the report follows up.
    pub programme_code: Option<String>,
    /// The approved plan compared with; `None` when the plan stands in for it.
    pub baseline: Option<BaselineInfo>,
    /// The state of the programme reported on.
    pub revision: RevisionInfo,
    /// The headline figures.
    pub summary: Summary,
    /// Execution per area, with each activity's record.
    pub areas: Vec<AreaExecution>,
    /// Activities by kind: events, studies, other.
    pub kinds: Vec<PlanRow>,
    /// The sum of `kinds`.
    pub kinds_total: PlanRow,
    /// Events by format.
    pub formats: Vec<PlanRow>,
    /// The sum of `formats`.
    pub formats_total: PlanRow,
    /// The changes to the plan since it was approved, as `programa baseline diff` lists them.
    pub changes: Vec<Change>,
    /// Completions per month of the year, January first (always 12 entries).
    pub completions: Vec<MonthCount>,
    /// Completed activities whose day falls outside the year, so not in `completions`.
    pub completions_elsewhere: usize,
    /// Participants by country and by organisation.
    pub participants: ParticipantsAnnex,
    /// For every activity, the commit that set its status.
    pub sources: Vec<SourceRow>,
    /// Set when the report is compiled from a programme with errors, for its authors.
    pub draft: Option<Draft>,
}

/// The approved plan: the baseline's name, its commit and when it was marked.
#[derive(Debug, Clone, Serialize)]
pub struct BaselineInfo {
    /// The baseline's name (`approved-2021`), not its tag.
    pub name: String,
    /// The commit it marks, in full.
    pub commit: String,
    /// Its short id.
    pub short: String,
    /// The day it was marked.
    pub date: Day,
    /// Who marked it (the name, without the address).
    pub tagger: Option<String>,
}

/// The state of the programme reported on.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionInfo {
    /// Whether it is the working files rather than a commit.
    pub working: bool,
    /// For the working files: whether they hold changes not yet committed.
    pub uncommitted: bool,
    /// The commit reported on, or for the working files the last commit; `None` outside git
    /// or before the first commit.
    pub commit: Option<CommitInfo>,
}

/// A commit as the report names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitInfo {
    /// The full id.
    pub id: String,
    /// The short id.
    pub short: String,
    /// The author's day.
    pub date: Day,
    /// The author.
    pub author: String,
}

impl From<&Stamp> for CommitInfo {
    fn from(stamp: &Stamp) -> Self {
        CommitInfo {
            id: stamp.id.clone(),
            short: stamp.short.clone(),
            date: Date(stamp.date.date_naive()).into(),
            author: stamp.author.clone(),
        }
    }
}

/// Activities counted by what became of them; `total` is the sum of the others.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Every activity counted.
    pub total: usize,
    /// Completed.
    pub completed: usize,
    /// Under way.
    pub ongoing: usize,
    /// Postponed.
    pub postponed: usize,
    /// Cancelled.
    pub cancelled: usize,
    /// Still planned: not started.
    pub not_started: usize,
    /// No longer in the plan.
    pub removed: usize,
}

impl Outcome {
    /// Counts one more activity, with its status now (`None`: removed from the plan).
    fn count(&mut self, status: Option<Status>) {
        self.total += 1;
        *match status {
            Some(Status::Completed) => &mut self.completed,
            Some(Status::Ongoing) => &mut self.ongoing,
            Some(Status::Postponed) => &mut self.postponed,
            Some(Status::Cancelled) => &mut self.cancelled,
            Some(Status::Planned) => &mut self.not_started,
            None => &mut self.removed,
        } += 1;
    }

    /// The sum of two counts.
    fn plus(self, other: Outcome) -> Outcome {
        Outcome {
            total: self.total + other.total,
            completed: self.completed + other.completed,
            ongoing: self.ongoing + other.ongoing,
            postponed: self.postponed + other.postponed,
            cancelled: self.cancelled + other.cancelled,
            not_started: self.not_started + other.not_started,
            removed: self.removed + other.removed,
        }
    }
}

/// The headline figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// The approved activities, by what became of them.
    pub approved: Outcome,
    /// The activities added since approval, by where they stand.
    pub added: Outcome,
    /// Activities in the plan now: approved, less removed, plus added.
    pub current: usize,
    /// Approved activities completed over approved, in percent, to one decimal.
    pub rate: f64,
    /// Participants recorded.
    pub participants: usize,
    /// Distinct countries they come from: the Member States and the others.
    pub countries: usize,
    /// The organisation's Member States represented.
    pub member_states: usize,
    /// The organisation's Member States, represented or not (`member_states` in
    /// `programme.toml`; 0 when it lists none).
    pub member_states_total: usize,
    /// Countries represented that are not Member States.
    pub other_countries: usize,
    /// Distinct organisations (by name, or id, and country).
    pub organisations: usize,
}

/// Execution within one area.
#[derive(Debug, Clone, Serialize)]
pub struct AreaExecution {
    /// `I`.
    pub code: String,
    /// The area's title.
    pub title: Text,
    /// Its approved activities, by what became of them.
    pub approved: Outcome,
    /// Its activities added since approval.
    pub added: Outcome,
    /// Its activities in the plan now.
    pub current: usize,
    /// Approved activities completed over approved, in percent.
    pub rate: f64,
    /// Each activity, in code order: the approved ones and those added since.
    pub activities: Vec<ActivityRecord>,
}

/// One line of a table that sets the approved plan beside the plan now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRow {
    /// The vocabulary word (`event`, `face-to-face`, `unspecified`), or `total`.
    pub key: String,
    /// In the approved plan.
    pub approved: usize,
    /// In the plan now.
    pub current: usize,
    /// Completed now (for formats: held in that format).
    pub done: usize,
}

/// What the record holds of one activity.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityRecord {
    /// `I.1.1`.
    pub code: String,
    /// Its code in the approved plan, when it was renamed since.
    pub former_code: Option<String>,
    /// Its (contents) title.
    pub title: Text,
    /// `event`, `study`, `other`.
    pub kind: Kind,
    /// Whether the approved plan has it.
    pub in_baseline: bool,
    /// Its status now; `None` when it left the plan.
    pub status: Option<Status>,
    /// Progress in percent.
    pub progress: u8,
    /// The day of the commit that set the status, when it is committed.
    pub status_since: Option<Day>,
    /// The format approved.
    pub approved_format: Option<Format>,
    /// The format now (for a completed event: the one it was held in).
    pub format: Option<Format>,
    /// The planned dates approved.
    pub approved_start: Option<Day>,
    /// The planned end approved.
    pub approved_end: Option<Day>,
    /// The planned dates now.
    pub planned_start: Option<Day>,
    /// The planned end now.
    pub planned_end: Option<Day>,
    /// The day it started.
    pub actual_start: Option<Day>,
    /// The day it ended.
    pub actual_end: Option<Day>,
    /// Where it took place.
    pub venue: Option<Text>,
    /// Partner organisations.
    pub partners: Vec<String>,
    /// How many took part.
    pub participants_total: usize,
    /// The first [`PARTICIPANTS_LISTED`] of them.
    pub participants: Vec<ParticipantLine>,
    /// The countries they came from, each once.
    pub countries: Vec<String>,
    /// Documents it produced.
    pub outputs: Vec<OutputLine>,
    /// The latest progress notes, with the reason for a cancellation or postponement.
    pub notes: Vec<NoteLine>,
    /// Cancelled or postponed with no note to say why.
    pub reason_missing: bool,
    /// C. Expected results, to set the account against.
    pub expected_results: Items,
    /// The author's account of what it achieved.
    pub account: Prose,
}

/// A participant in an activity's record.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantLine {
    /// The person, when recorded.
    pub name: Option<String>,
    /// Their organisation.
    pub organisation: String,
    /// Its country.
    pub country: String,
    /// Their part (`speaker`).
    pub role: String,
}

/// An output in an activity's record.
#[derive(Debug, Clone, Serialize)]
pub struct OutputLine {
    /// Its title.
    pub title: String,
    /// Its code.
    pub code: Option<String>,
    /// When it was published.
    pub date: Option<Day>,
    /// Where it can be read.
    pub url: Option<String>,
}

/// A progress note in an activity's record.
#[derive(Debug, Clone, Serialize)]
pub struct NoteLine {
    /// Its date.
    pub date: Day,
    /// Its text, in the programme's language (notes have no translations).
    pub text: Prose,
    /// Whether it gives the reason for the activity's status.
    pub reason: bool,
}

/// What kind of change to the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// Not in the approved plan.
    Added,
    /// In the approved plan, gone from the plan now.
    Removed,
    /// The same activity under a new code.
    Renamed,
    /// Now cancelled.
    Cancelled,
    /// Now postponed.
    Postponed,
    /// Held, or to be held, in another format than approved.
    FormatChanged,
    /// A planned date moved.
    DatesMoved,
    /// Its objectives changed.
    ObjectivesChanged,
}

/// A value in the changes table, typed so the template writes it in its language.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeValue {
    /// A vocabulary word: a status or a format (`none` for no format).
    Word(String),
    /// A day.
    Day(Day),
    /// An activity code.
    Code(String),
}

/// One change to the plan since it was approved.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// The activity, by its code now (its approved code when removed).
    pub code: String,
    /// Its title.
    pub title: Text,
    /// What changed.
    pub kind: ChangeKind,
    /// For moved dates: `planned_start` or `planned_end`.
    pub field: Option<&'static str>,
    /// As approved.
    pub from: Option<ChangeValue>,
    /// Now.
    pub to: Option<ChangeValue>,
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
    /// Organisations of that country.
    pub organisations: usize,
    /// Activities they took part in (codes).
    pub activities: Vec<String>,
}

/// Participants from one organisation.
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationRow {
    /// The organisation's name, as first written.
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

/// Where an activity's status comes from.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    /// The activity.
    pub code: String,
    /// Its status.
    pub status: Status,
    /// The commit that set it; `None` when the status is not committed yet.
    pub commit: Option<CommitInfo>,
}

/// `part` over `whole` in percent, rounded to one decimal here so every reader of the data
/// quotes the same figure (0 when `whole` is 0).
fn rate(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

/// "Ana Pérez" of "Ana Pérez <ana@sela.org>".
fn name_only(who: &str) -> String {
    who.split_once(" <")
        .map_or(who, |(name, _)| name)
        .trim()
        .to_string()
}

/// An approved activity and the activity it is now, if it is still in the plan.
struct Pair<'a> {
    approved: Option<&'a Activity>,
    now: Option<&'a Activity>,
}

impl Pair<'_> {
    fn shown(&self) -> Option<&Activity> {
        self.now.or(self.approved)
    }
}

impl ReportData {
    /// The report's data, with labels in `lang`, dated `date`.
    pub fn new(inputs: &ReportInputs, lang: Lang, date: Date) -> Self {
        let current = inputs.current;
        let approved_plan = inputs.baseline.map_or(current, |(_, plan)| plan);
        let comparison = changes::compare(approved_plan, current);
        let summary_of_changes = BaselineSummary::of(approved_plan, current, &comparison);
        let pairs = pair(approved_plan, current, &summary_of_changes);
        let edition = Edition::of(&current.programme, lang);
        let organisation = edition.text(
            &current.programme,
            "organisation",
            &current.programme.organisation,
        );

        let mut areas = area_list(approved_plan, current, &edition);
        for pair in &pairs {
            let Some(shown) = pair.shown() else { continue };
            let area_code = match pair.now {
                Some(now) => area_of(current, now),
                None => area_of(approved_plan, shown),
            };
            let index = match areas.iter().position(|a| a.code == area_code) {
                Some(i) => i,
                None => {
                    areas.push(empty_area(area_code, Text::default()));
                    areas.len() - 1
                }
            };
            let area = &mut areas[index];
            let status = pair.now.map(|a| a.status);
            if pair.approved.is_some() {
                area.approved.count(status);
            } else {
                area.added.count(status);
            }
            area.current += usize::from(pair.now.is_some());
            area.activities
                .push(record(pair, inputs.statuses, &edition));
        }
        areas.retain(|a| !a.activities.is_empty());
        for area in &mut areas {
            area.rate = rate(area.approved.completed, area.approved.total);
        }

        let approved = areas
            .iter()
            .fold(Outcome::default(), |sum, a| sum.plus(a.approved));
        let added = areas
            .iter()
            .fold(Outcome::default(), |sum, a| sum.plus(a.added));
        let participants = annex(current, lang);
        let (kinds, kinds_total) = kind_rows(approved_plan, current);
        let (formats, formats_total) = format_rows(approved_plan, current);
        let (completions, completions_elsewhere) = completions(current, inputs.statuses);
        let changes = change_rows(&summary_of_changes, &pairs, &edition);

        ReportData {
            document: "report",
            lang,
            source_lang: current.programme.source_lang(),
            translation: edition.share(),
            date: date.into(),
            year: current.programme.year,
            organisation,
            document_code: current.programme.report_document_code.clone(),
            programme_code: current.programme.document_code.clone(),
            baseline: inputs.baseline.map(|(b, _)| BaselineInfo {
                name: b.name.clone(),
                commit: b.commit.clone(),
                short: b.short.clone(),
                date: Date(b.date.date_naive()).into(),
                tagger: b.tagger.as_deref().map(name_only),
            }),
            revision: revision_info(inputs.revision, current),
            summary: Summary {
                approved,
                added,
                current: current.activities.len(),
                rate: rate(approved.completed, approved.total),
                participants: participants.by_country.iter().map(|r| r.participants).sum(),
                countries: participants.by_country.len(),
                member_states: participants
                    .by_country
                    .iter()
                    .filter(|r| r.member_state)
                    .count(),
                member_states_total: current.programme.member_states.len(),
                other_countries: participants
                    .by_country
                    .iter()
                    .filter(|r| !r.member_state)
                    .count(),
                organisations: participants.by_organisation.len(),
            },
            areas,
            kinds,
            kinds_total,
            formats,
            formats_total,
            changes,
            completions,
            completions_elsewhere,
            participants,
            sources: sources(current, inputs.statuses, inputs.revision),
            draft: None,
        }
    }
}

/// Every activity of either plan, paired: an approved one with what it is now (under its new
/// code when renamed), then those added since; in code order (the code now, else approved).
fn pair<'a>(approved: &'a Plan, current: &'a Plan, summary: &BaselineSummary) -> Vec<Pair<'a>> {
    let renamed: BTreeMap<&str, &str> = summary
        .renamed
        .iter()
        .map(|(from, to)| (from.as_str(), to.as_str()))
        .collect();
    let mut matched: BTreeSet<&str> = BTreeSet::new();
    let mut pairs: Vec<Pair> = approved
        .activities
        .iter()
        .map(|a| {
            let code = renamed.get(a.code.as_str()).copied().unwrap_or(&a.code);
            let now = current.activity(code);
            if let Some(now) = now {
                matched.insert(&now.code);
            }
            Pair {
                approved: Some(a),
                now,
            }
        })
        .collect();
    pairs.extend(
        current
            .activities
            .iter()
            .filter(|a| !matched.contains(a.code.as_str()))
            .map(|a| Pair {
                approved: None,
                now: Some(a),
            }),
    );
    pairs.sort_by_cached_key(|p| p.shown().map(|a| code_sort_key(&a.code)));
    pairs
}

/// The areas of the plan now, then any only the approved plan has, with nothing counted yet.
fn area_list(approved: &Plan, current: &Plan, edition: &Edition) -> Vec<AreaExecution> {
    let mut areas: Vec<AreaExecution> = Vec::new();
    let now = current
        .programme
        .areas
        .iter()
        .map(|a| (&current.programme, a));
    let before = approved
        .programme
        .areas
        .iter()
        .map(|a| (&approved.programme, a));
    for (programme, area) in now.chain(before) {
        if !areas.iter().any(|a| a.code == area.code) {
            let path = format!("areas/{}/title", area.code);
            let title = edition.text(programme, &path, &area.title);
            areas.push(empty_area(area.code.clone(), title));
        }
    }
    areas
}

fn empty_area(code: String, title: Text) -> AreaExecution {
    AreaExecution {
        code,
        title,
        approved: Outcome::default(),
        added: Outcome::default(),
        current: 0,
        rate: 0.0,
        activities: Vec::new(),
    }
}

/// The title an activity is listed by in `edition`: its contents title, else its title.
fn listed_title(activity: &Activity, edition: &Edition) -> Text {
    match &activity.contents_title {
        Some(title) => edition.text(activity, "contents_title", title),
        None => edition.text(activity, "title", &activity.title),
    }
}

/// The status record of `activity`, when the commit it names set the status it has now.
fn committed_status<'a>(
    activity: &Activity,
    statuses: &'a BTreeMap<String, StatusRecord>,
) -> Option<&'a StatusRecord> {
    statuses
        .get(&activity.code)
        .filter(|record| record.status == activity.status)
}

/// One activity's record.
fn record(
    pair: &Pair,
    statuses: &BTreeMap<String, StatusRecord>,
    edition: &Edition,
) -> ActivityRecord {
    let lang = edition.lang();
    let shown = pair.shown().cloned().unwrap_or_default();
    let now = pair.now;
    let approved = pair.approved;
    let day = |d: Option<Date>| d.map(Day::from);
    // The record cites no footnotes.
    let notes = BTreeMap::new();
    let committed = now.and_then(|a| committed_status(a, statuses));
    let participants: &[Participant] = now.map_or(&[], |a| &a.participants);
    // Each country once, in code order.
    let countries: BTreeSet<Country> = participants.iter().map(|p| p.country).collect();
    let former_code = approved
        .zip(now)
        .filter(|(a, n)| a.code != n.code)
        .map(|(a, _)| a.code.clone());
    let (progress_notes, reason_missing) =
        now.map_or((Vec::new(), false), |a| notes_of(a, committed, edition));
    ActivityRecord {
        code: shown.code.clone(),
        former_code,
        title: listed_title(&shown, edition),
        kind: shown.kind,
        in_baseline: approved.is_some(),
        status: now.map(|a| a.status),
        progress: now.map_or(0, |a| a.progress),
        status_since: committed.map(|r| Date(r.commit.date.date_naive()).into()),
        approved_format: approved.and_then(|a| a.format),
        format: now.and_then(|a| a.format),
        approved_start: day(approved.and_then(|a| a.planned_start)),
        approved_end: day(approved.and_then(|a| a.planned_end)),
        planned_start: day(now.and_then(|a| a.planned_start)),
        planned_end: day(now.and_then(|a| a.planned_end)),
        actual_start: day(now.and_then(|a| a.actual_start)),
        actual_end: day(now.and_then(|a| a.actual_end)),
        venue: now.and_then(|a| edition.text_opt(a, "venue", a.venue.as_deref())),
        partners: now.map_or_else(Vec::new, |a| a.partners.clone()),
        participants_total: participants.len(),
        participants: participants
            .iter()
            .take(PARTICIPANTS_LISTED)
            .map(|p| ParticipantLine {
                name: p.name.clone(),
                organisation: p.organisation.trim().to_string(),
                country: p.country.name(lang).to_string(),
                role: p.role.to_string(),
            })
            .collect(),
        countries: countries
            .into_iter()
            .map(|c| c.name(lang).to_string())
            .collect(),
        outputs: now.map_or_else(Vec::new, |a| {
            a.outputs
                .iter()
                .map(|o| OutputLine {
                    title: typographic(&o.title),
                    code: o.code.clone(),
                    date: day(o.date),
                    url: o.url.clone(),
                })
                .collect()
        }),
        notes: progress_notes,
        reason_missing,
        expected_results: edition.items(
            &shown,
            "expected_results",
            &shown.expected_results,
            &notes,
        ),
        account: match now {
            Some(a) => edition.prose(a, "account", a.account.as_deref(), &notes),
            None => edition.prose(&shown, "account", None, &notes),
        },
    }
}

/// The notes an activity's record shows: the latest few, and for a cancelled or postponed
/// activity always its reason (the notes recorded with the status, else its latest note);
/// and whether such an activity has no note to give a reason.
fn notes_of(
    activity: &Activity,
    committed: Option<&StatusRecord>,
    edition: &Edition,
) -> (Vec<NoteLine>, bool) {
    let needs_reason = matches!(activity.status, Status::Cancelled | Status::Postponed);
    let by_date = activity.notes_by_date();
    let recorded: Vec<&crate::model::Note> = committed
        .map(|r| {
            by_date
                .iter()
                .copied()
                .filter(|n| r.notes.contains(*n))
                .collect()
        })
        .unwrap_or_default();
    let reasons: Vec<&crate::model::Note> = if !needs_reason {
        Vec::new()
    } else if !recorded.is_empty() {
        recorded
    } else {
        // Without the history (or with a status not committed yet), the latest note.
        by_date.last().copied().into_iter().collect()
    };
    let latest = by_date.len().saturating_sub(LATEST_NOTES);
    let shown: Vec<NoteLine> = by_date
        .iter()
        .enumerate()
        .filter(|(i, n)| *i >= latest || reasons.contains(n))
        .map(|(_, n)| NoteLine {
            date: n.date.into(),
            text: edition.untranslatable(&n.text),
            reason: reasons.contains(n),
        })
        .collect();
    (shown, needs_reason && reasons.is_empty())
}

/// Activities by kind, approved and now, with those completed; and their sum.
fn kind_rows(approved: &Plan, current: &Plan) -> (Vec<PlanRow>, PlanRow) {
    let rows: Vec<PlanRow> = Kind::ALL
        .iter()
        .map(|kind| {
            let count = |plan: &Plan, completed: bool| {
                plan.activities
                    .iter()
                    .filter(|a| a.kind == *kind && (!completed || a.status == Status::Completed))
                    .count()
            };
            PlanRow {
                key: kind.as_str().to_string(),
                approved: count(approved, false),
                current: count(current, false),
                done: count(current, true),
            }
        })
        .collect();
    let total = total_row(&rows);
    (rows, total)
}

/// Events by format, approved and now, with those held in each; and their sum. Events whose
/// format is not given are counted as `unspecified`, a row shown only when it counts any.
fn format_rows(approved: &Plan, current: &Plan) -> (Vec<PlanRow>, PlanRow) {
    let keys = Format::ALL.iter().map(|f| Some(*f)).chain([None]);
    let rows: Vec<PlanRow> = keys
        .map(|format| {
            let count = |plan: &Plan, held: bool| {
                plan.activities
                    .iter()
                    .filter(|a| a.kind == Kind::Event && a.format == format)
                    .filter(|a| !held || a.status == Status::Completed)
                    .count()
            };
            PlanRow {
                key: format.map_or("unspecified", Format::as_str).to_string(),
                approved: count(approved, false),
                current: count(current, false),
                done: count(current, true),
            }
        })
        .filter(|row| row.key != "unspecified" || row.approved + row.current > 0)
        .collect();
    let total = total_row(&rows);
    (rows, total)
}

fn total_row(rows: &[PlanRow]) -> PlanRow {
    PlanRow {
        key: "total".to_string(),
        approved: rows.iter().map(|r| r.approved).sum(),
        current: rows.iter().map(|r| r.current).sum(),
        done: rows.iter().map(|r| r.done).sum(),
    }
}

/// The changes table: the summary `programa baseline diff` gives, row by row, ordered by kind
/// and code.
fn change_rows(summary: &BaselineSummary, pairs: &[Pair], edition: &Edition) -> Vec<Change> {
    let find = |code: &str| {
        pairs
            .iter()
            .find(|p| p.now.is_some_and(|a| a.code == code))
            .or_else(|| {
                pairs
                    .iter()
                    .find(|p| p.now.is_none() && p.approved.is_some_and(|a| a.code == code))
            })
    };
    let title = |code: &str| {
        find(code)
            .and_then(Pair::shown)
            .map(|a| listed_title(a, edition))
            .unwrap_or_default()
    };
    let approved_status = |code: &str| {
        find(code)
            .and_then(|p| p.approved)
            .map(|a| ChangeValue::Word(a.status.to_string()))
    };
    let word = |format: Option<Format>| {
        Some(ChangeValue::Word(
            format.map_or("none", Format::as_str).to_string(),
        ))
    };
    let row = |code: &str, kind, field, from, to| Change {
        code: code.to_string(),
        title: title(code),
        kind,
        field,
        from,
        to,
    };
    let mut rows = Vec::new();
    for code in &summary.added {
        rows.push(row(code, ChangeKind::Added, None, None, None));
    }
    for code in &summary.removed {
        rows.push(row(code, ChangeKind::Removed, None, None, None));
    }
    for (from, to) in &summary.renamed {
        rows.push(row(
            to,
            ChangeKind::Renamed,
            None,
            Some(ChangeValue::Code(from.clone())),
            Some(ChangeValue::Code(to.clone())),
        ));
    }
    for code in &summary.cancelled {
        rows.push(row(
            code,
            ChangeKind::Cancelled,
            None,
            approved_status(code),
            Some(ChangeValue::Word(Status::Cancelled.to_string())),
        ));
    }
    for code in &summary.postponed {
        rows.push(row(
            code,
            ChangeKind::Postponed,
            None,
            approved_status(code),
            Some(ChangeValue::Word(Status::Postponed.to_string())),
        ));
    }
    for change in &summary.format_changed {
        rows.push(row(
            &change.code,
            ChangeKind::FormatChanged,
            None,
            word(change.from),
            word(change.to),
        ));
    }
    for moved in &summary.dates_moved {
        let day = |d: Option<Date>| d.map(|d| ChangeValue::Day(d.into()));
        rows.push(row(
            &moved.code,
            ChangeKind::DatesMoved,
            Some(moved.field),
            day(moved.from),
            day(moved.to),
        ));
    }
    for code in &summary.objectives_changed {
        rows.push(row(code, ChangeKind::ObjectivesChanged, None, None, None));
    }
    rows.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| code_sort_key(&a.code).cmp(&code_sort_key(&b.code)))
    });
    rows
}

/// Completions per month of the plan's year: each completed activity on the day it ended,
/// else the day its completion was committed; and how many fall outside the year.
fn completions(plan: &Plan, statuses: &BTreeMap<String, StatusRecord>) -> (Vec<MonthCount>, usize) {
    use chrono::Datelike;
    let year = plan.programme.year;
    let mut counts = [0usize; 12];
    let mut elsewhere = 0;
    for activity in plan
        .activities
        .iter()
        .filter(|a| a.status == Status::Completed)
    {
        let day = activity.actual_end.or_else(|| {
            committed_status(activity, statuses).map(|r| Date(r.commit.date.date_naive()))
        });
        match day.filter(|d| d.0.year() == year) {
            Some(day) => counts[day.0.month0() as usize] += 1,
            None => elsewhere += 1,
        }
    }
    let mut cumulative = 0;
    let months = (1..=12)
        .zip(counts)
        .map(|(month, count)| {
            cumulative += count;
            MonthCount {
                month,
                count,
                cumulative,
            }
        })
        .collect();
    (months, elsewhere)
}

/// Whether the report is on the working files, whether they hold uncommitted changes, and
/// which commit it names.
fn revision_info(revision: &ReportRevision, current: &Plan) -> RevisionInfo {
    match revision {
        ReportRevision::Commit(stamp) => RevisionInfo {
            working: false,
            uncommitted: false,
            commit: Some(stamp.into()),
        },
        ReportRevision::WorkingFiles { head, head_plan } => RevisionInfo {
            working: true,
            uncommitted: !changes::compare(head_plan, current).is_empty(),
            commit: head.as_ref().map(CommitInfo::from),
        },
        ReportRevision::NoHistory => RevisionInfo {
            working: true,
            uncommitted: false,
            commit: None,
        },
    }
}

/// For every activity of the plan, the commit that set its status.
fn sources(
    plan: &Plan,
    statuses: &BTreeMap<String, StatusRecord>,
    revision: &ReportRevision,
) -> Vec<SourceRow> {
    if matches!(revision, ReportRevision::NoHistory) {
        return Vec::new();
    }
    plan.activities
        .iter()
        .map(|a| SourceRow {
            code: a.code.clone(),
            status: a.status,
            commit: committed_status(a, statuses).map(|r| CommitInfo::from(&r.commit)),
        })
        .collect()
}

// ---- Countries and organisations ------------------------------------------------------------

/// Participants grouped by country (the Member States first) and by organisation (its name, or
/// id, in its country), as [`Participation`](crate::model::Participation) counts them; countries named in `lang`, most
/// participants first.
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
        b.member_state
            .cmp(&a.member_state)
            .then_with(|| b.participants.cmp(&a.participants))
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
