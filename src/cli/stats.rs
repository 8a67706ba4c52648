//! `programa stats`: the figures the foreword quotes, counts by status and by hierarchy, and who
//! took part (countries and organisations counted by identity).

use std::collections::BTreeMap;

use serde::Serialize;

use super::list::{cut, fill, load_brief, output_width, pad, warn_unread};
use super::{CliError, Context};
use crate::model::{
    Breakdown, Completion, Date, Format, Lang, Participation, Plan, Status, Totals,
};
use crate::output;
use crate::store::conflict::FileConflict;

/// Count activities the way the foreword does ("8 studies · 24 events"), by status, and by
/// area, programme and project; how many are completed, of all and of those planned to end by
/// today; and the participants, the countries they came from (each
/// counted once, the Member States apart) and their organisations (by name and country).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print the figures as JSON
    #[arg(long)]
    json: bool,
}

/// Runs `programa stats`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let mut loaded = load_brief(context, &|_| false)?;
    let conflicts = warn_unread(&mut loaded);
    let today = crate::clock::today().map_err(|e| {
        CliError::new(e.to_string()).hint(crate::tr!(
            "cli-stats-today-hint",
            var = crate::clock::TODAY_VAR
        ))
    })?;
    let mut stats = Stats::of(&loaded.plan, context.lang, today);
    stats.conflicted = conflicts
        .into_iter()
        .filter_map(|(index, conflict)| {
            let activity = loaded.plan.activities.get(index)?;
            Some(Conflicted {
                code: activity.code.clone(),
                conflict,
            })
        })
        .collect();
    if args.json {
        crate::output::json::to_writer_pretty(&mut *context.out, &stats)
            .map_err(std::io::Error::from)?;
        writeln!(context.out)?;
    } else {
        context
            .out
            .write_all(stats.render(output_width()).as_bytes())?;
    }
    Ok(())
}

/// The totals of a plan, with the hierarchy's titles, in the programme's order.
#[derive(Debug, Serialize)]
struct Stats {
    year: i32,
    title: String,
    activities: usize,
    events: usize,
    studies: usize,
    other: usize,
    events_by_format: BTreeMap<String, usize>,
    by_status: BTreeMap<String, usize>,
    completion: CompletionRate,
    by_area: Vec<Group>,
    by_programme: Vec<Group>,
    by_project: Vec<Group>,
    participants: Participants,
    /// Activities counted as one side of an unresolved merge conflict has them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    conflicted: Vec<Conflicted>,
}

/// The completed activities, of all and of those due by today, with their rates (0 to 1, none
/// when there is nothing to divide by).
#[derive(Debug, Serialize)]
struct CompletionRate {
    #[serde(flatten)]
    counts: Completion,
    rate: Option<f64>,
    rate_due: Option<f64>,
}

impl CompletionRate {
    fn of(plan: &Plan, today: Date) -> Self {
        let counts = Completion::of(plan, today);
        CompletionRate {
            counts,
            rate: counts.rate(),
            rate_due: counts.rate_due(),
        }
    }

    /// "1 of 5 activities completed (20 %); 1 of the 2 due by 2021-06-20 (50 %)".
    fn summary(&self) -> String {
        let counts = &self.counts;
        let percent =
            |rate: Option<f64>| rate.map_or(String::new(), |r| format!(" ({:.0} %)", r * 100.0));
        let all = crate::tr!(
            "cli-stats-completed",
            completed = counts.completed,
            activities = counts.activities,
            percent = percent(self.rate)
        );
        let due = match counts.due {
            0 => crate::tr!("cli-stats-none-due", today = counts.today.to_string()),
            due => crate::tr!(
                "cli-stats-due",
                completed = counts.completed_due,
                due = due,
                today = counts.today.to_string(),
                percent = percent(self.rate_due)
            ),
        };
        format!("{all}; {due}")
    }
}

/// An activity whose file has an unresolved merge conflict.
#[derive(Debug, Serialize)]
struct Conflicted {
    code: String,
    #[serde(flatten)]
    conflict: FileConflict,
}

/// Who took part in the year's activities, each country and organisation counted once.
#[derive(Debug, Serialize)]
struct Participants {
    /// Every `[[participants]]` record.
    participants: usize,
    /// The countries represented, however their files write them.
    countries: usize,
    /// Whether `programme.toml` lists the Member States: without them none is told apart.
    member_states_listed: bool,
    /// The Member States represented, by code.
    member_states: Vec<&'static str>,
    /// The other countries represented, by code.
    other_countries: Vec<&'static str>,
    /// The organisations represented: a name (or `organisation_id`) in a country.
    organisations: usize,
    /// Each country represented, most participants first.
    by_country: Vec<CountryCount>,
}

/// One country's participants.
#[derive(Debug, Serialize)]
struct CountryCount {
    code: &'static str,
    name: &'static str,
    member_state: bool,
    participants: usize,
    organisations: usize,
}

impl Participants {
    fn of(plan: &Plan, participation: &Participation, lang: Lang) -> Self {
        let mut by_country: Vec<CountryCount> = participation
            .countries
            .iter()
            .map(|(country, share)| CountryCount {
                code: country.code(),
                name: country.name(lang),
                member_state: share.member_state,
                participants: share.participants,
                organisations: share.organisations,
            })
            .collect();
        by_country.sort_by(|a, b| b.participants.cmp(&a.participants).then(a.code.cmp(b.code)));
        Participants {
            participants: participation.participants,
            countries: participation.countries.len(),
            member_states_listed: !plan.programme.member_states.is_empty(),
            member_states: participation.member_states().map(|c| c.code()).collect(),
            other_countries: participation.other_countries().map(|c| c.code()).collect(),
            organisations: participation.organisations.len(),
            by_country,
        }
    }

    /// "9 participants from 6 countries (4 Member States, 2 other) and 6 organisations".
    fn summary(&self) -> String {
        if self.participants == 0 {
            return crate::tr!("cli-stats-no-participants");
        }
        if self.member_states_listed && self.countries > 0 {
            crate::tr!(
                "cli-stats-participants-members",
                participants = self.participants,
                countries = self.countries,
                members = self.member_states.len(),
                others = self.other_countries.len(),
                organisations = self.organisations
            )
        } else {
            crate::tr!(
                "cli-stats-participants",
                participants = self.participants,
                countries = self.countries,
                organisations = self.organisations
            )
        }
    }
}

/// One area, programme or project and its counts.
#[derive(Debug, Default, Serialize)]
struct Group {
    /// The area's or project's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    /// The programme's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    /// The area a programme belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    area: Option<String>,
    /// The programme a project belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    programme: Option<String>,
    /// None when activities name it but the programme file does not define it.
    title: Option<String>,
    activities: usize,
    events: usize,
    studies: usize,
}

impl Group {
    /// A group with its title and the counts `totals` has under `key`.
    fn new(title: Option<&str>, counts: Option<&Breakdown>) -> Self {
        let counts = counts.copied().unwrap_or_default();
        Group {
            title: title.map(str::to_string),
            activities: counts.activities,
            events: counts.events,
            studies: counts.studies,
            ..Group::default()
        }
    }
}

impl Stats {
    fn of(plan: &Plan, lang: Lang, today: Date) -> Self {
        let totals = Totals::of(plan);
        let programme = &plan.programme;

        let mut by_area: Vec<Group> = programme
            .areas
            .iter()
            .map(|a| Group {
                code: Some(a.code.clone()),
                ..Group::new(Some(&a.title), totals.by_area.get(&a.code))
            })
            .collect();
        let unknown_areas = totals
            .by_area
            .iter()
            .filter(|(code, _)| programme.area(code).is_none());
        for (code, counts) in unknown_areas {
            by_area.push(Group {
                code: Some(code.clone()),
                ..Group::new(None, Some(counts))
            });
        }
        let by_programme = programme
            .programmes
            .iter()
            .map(|p| Group {
                id: Some(p.id.clone()),
                area: Some(p.area.clone()),
                ..Group::new(Some(&p.title), totals.by_programme.get(&p.id))
            })
            .collect();
        let mut by_project: Vec<Group> = programme
            .projects
            .iter()
            .map(|p| Group {
                code: Some(p.code.clone()),
                programme: Some(p.programme.clone()),
                ..Group::new(Some(&p.title), totals.by_project.get(&p.code))
            })
            .collect();
        let unknown_projects = totals
            .by_project
            .iter()
            .filter(|(code, _)| programme.project(code).is_none());
        for (code, counts) in unknown_projects {
            by_project.push(Group {
                code: Some(code.clone()),
                ..Group::new(None, Some(counts))
            });
        }

        Stats {
            year: programme.year,
            title: programme.title.clone(),
            activities: totals.activities,
            events: totals.events,
            studies: totals.studies,
            other: totals.other,
            events_by_format: totals.events_by_format,
            by_status: totals.by_status,
            completion: CompletionRate::of(plan, today),
            by_area,
            by_programme,
            by_project,
            participants: Participants::of(plan, &plan.participation(), lang),
            conflicted: Vec::new(),
        }
    }

    /// "5 activities: 2 studies · 3 events (1 face-to-face, 1 virtual, 1 hybrid)".
    fn summary(&self) -> String {
        let mut parts = vec![crate::tr!("cli-stats-studies", count = self.studies)];
        let unspecified = crate::tr!("cli-stats-unspecified");
        let formats: Vec<String> = Format::ALL
            .iter()
            .map(|f| (f.to_string(), self.format_count(f.as_str())))
            .chain([(unspecified, self.format_count("unspecified"))])
            .filter(|(_, n)| *n > 0)
            .map(|(format, n)| format!("{n} {format}"))
            .collect();
        let events = crate::tr!("cli-stats-events", count = self.events);
        if formats.is_empty() {
            parts.push(events);
        } else {
            parts.push(format!("{events} ({})", formats.join(", ")));
        }
        if self.other > 0 {
            parts.push(crate::tr!("cli-stats-other", count = self.other));
        }
        crate::tr!(
            "cli-stats-summary",
            activities = self.activities,
            parts = parts.join(" · ")
        )
    }

    fn format_count(&self, format: &str) -> usize {
        self.events_by_format.get(format).copied().unwrap_or(0)
    }

    /// The figures as aligned text, titles cut to fit `width` when given.
    fn render(&self, width: Option<usize>) -> String {
        let mut text = String::new();
        let mut line = |l: &str| {
            text.push_str(l.trim_end());
            text.push('\n');
        };
        let title = output::escape_line(&self.title);
        if self.title.contains(&self.year.to_string()) {
            line(&title);
        } else {
            line(&format!("{title} ({})", self.year));
        }
        line("");
        line(&self.summary());
        if !self.conflicted.is_empty() {
            let codes: Vec<&str> = self.conflicted.iter().map(|c| c.code.as_str()).collect();
            let shown: Vec<&str> = self
                .conflicted
                .iter()
                .filter_map(|c| c.conflict.shown_label())
                .collect();
            let side = match shown.first() {
                Some(side) => (*side).to_string(),
                None => crate::tr!("cli-stats-one-side"),
            };
            line(&output::escape_line(&crate::tr!(
                "cli-stats-conflicted",
                count = codes.len(),
                side = side,
                codes = codes.join(", ")
            )));
        }
        line(&self.completion.summary());
        line("");

        line(&self.participants.summary());
        line("");

        line(&crate::tr!("cli-stats-by-status"));
        let lang = crate::i18n::lang();
        let names: Vec<&str> = Status::ALL.iter().map(|s| s.name(lang)).collect();
        let name_width = names
            .iter()
            .map(|name| name.chars().count())
            .max()
            .unwrap_or(0);
        for (status, name) in Status::ALL.iter().zip(&names) {
            let n = self.by_status.get(status.as_str()).copied().unwrap_or(0);
            line(&format!("   {}  {n:>5}", fill(name, name_width.max(9))));
        }
        line("");

        let rows = self.hierarchy_rows();
        let headers = [
            crate::tr!("cli-stats-activities"),
            crate::tr!("cli-stats-events-header"),
            crate::tr!("cli-stats-studies-header"),
        ];
        let numbers: [&str; 3] = [&headers[0], &headers[1], &headers[2]];
        let numbers_width: usize = numbers.iter().map(|h| h.chars().count() + 2).sum();
        let by_hierarchy = crate::tr!("cli-stats-by-hierarchy");
        let longest = rows.iter().map(|(label, _)| label.chars().count()).max();
        let mut label_width = longest.unwrap_or(0).max(by_hierarchy.chars().count());
        if let Some(width) = width {
            label_width = label_width.min(width.saturating_sub(numbers_width).max(20));
        }
        let numbers_line = |label: &str, cells: [String; 3]| {
            let mut row = pad(&cut(label, label_width), label_width);
            for (cell, header) in cells.iter().zip(numbers) {
                row.push_str(&format!("  {cell:>w$}", w = header.chars().count()));
            }
            row
        };
        line(&numbers_line(&by_hierarchy, numbers.map(str::to_string)));
        for (label, group) in &rows {
            let cells = [group.activities, group.events, group.studies].map(|n| n.to_string());
            line(&numbers_line(label, cells));
        }
        text
    }

    /// Areas, each followed by its programmes, each followed by its projects; then what
    /// activities name but the programme file does not define.
    fn hierarchy_rows(&self) -> Vec<(String, &Group)> {
        let code_width = |groups: &[Group]| {
            let widths = groups.iter().filter_map(|g| {
                g.code
                    .as_deref()
                    .map(|code| output::escape_line(code).len())
            });
            widths.max().unwrap_or(0)
        };
        let (area_width, project_width) = (code_width(&self.by_area), code_width(&self.by_project));
        let not_listed = crate::tr!("cli-stats-not-listed");
        let label = |group: &Group, indent: usize| {
            let name = group.title.as_deref().unwrap_or(&not_listed);
            let pad = " ".repeat(indent);
            let width = if indent == 0 {
                area_width
            } else {
                project_width
            };
            let name = output::shown_line(name);
            match &group.code {
                Some(code) => format!("{pad}{}  {name}", fill(code, width)),
                None => format!("{pad}{name}"),
            }
        };
        let mut rows = Vec::new();
        let mut placed_projects = Vec::new();
        for area in &self.by_area {
            rows.push((label(area, 0), area));
            let programmes = self
                .by_programme
                .iter()
                .filter(|p| p.area.is_some() && p.area == area.code);
            for programme in programmes {
                rows.push((label(programme, 2), programme));
                for project in self
                    .by_project
                    .iter()
                    .filter(|p| p.programme.is_some() && p.programme == programme.id)
                {
                    rows.push((label(project, 4), project));
                    placed_projects.push(project.code.clone());
                }
            }
        }
        for project in &self.by_project {
            if !placed_projects.contains(&project.code) {
                rows.push((label(project, 4), project));
            }
        }
        rows
    }
}
