//! `programa baseline`: mark an approved plan, list the marks, and compare against one.

use std::io::Write;

use super::history::open;
use super::list::fill;
use super::{CliError, Context};
use crate::history::{BaselineComparison, Revision};
use crate::output::shown_line;
use unicode_width::UnicodeWidthStr;

/// Mark approved plans (annotated git tags `baseline/<name>`) and see what changed since.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Mark a revision as the approved plan `NAME`
    Set(SetArgs),
    /// List the baselines: name, date, commit, who marked it
    List(ListArgs),
    /// What changed against a baseline: activities added, cancelled, postponed, format
    /// changed, dates moved, objectives changed, status counts
    Diff(DiffArgs),
}

/// Arguments of `baseline set`.
#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The baseline's name, `approved-2021`
    name: String,
    /// The revision approved [default: HEAD]
    rev: Option<String>,
    /// The tag's message [default: says what it marks]
    #[arg(short, long, value_name = "TEXT")]
    message: Option<String>,
    /// Move an existing baseline of that name
    #[arg(long)]
    force: bool,
}

/// Arguments of `baseline list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Print JSON for tools
    #[arg(long)]
    json: bool,
}

/// Arguments of `baseline diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The baseline's name, or a revision (tag, branch, commit) taken as the approved plan
    name: String,
    /// The state compared [default: the working tree]
    rev: Option<String>,
    /// Print JSON for tools (the plans, every change and the summary)
    #[arg(long)]
    json: bool,
}

/// Runs `programa baseline …`.
pub fn run(context: &mut Context, command: &Command) -> Result<(), CliError> {
    match command {
        Command::Set(args) => set(context, args),
        Command::List(args) => list(context, args),
        Command::Diff(args) => diff(context, args),
    }
}

fn set(context: &mut Context, args: &SetArgs) -> Result<(), CliError> {
    let (repo, year) = open(context)?;
    let rev = args.rev.as_deref().unwrap_or("HEAD");
    let message = match &args.message {
        Some(message) => message.clone(),
        None => {
            let plan = repo.load(&Revision::Commit(rev.to_string()), year)?.plan;
            format!(
                "Baseline {}: the approved work programme for {year} ({} activities)",
                args.name,
                plan.activities.len()
            )
        }
    };
    let baseline = repo.set_baseline(&args.name, Some(rev), &message, args.force)?;
    writeln!(
        context.out,
        "{}",
        crate::tr!(
            "cli-baseline-set",
            name = baseline.name.as_str(),
            short = baseline.short.as_str(),
            tag = baseline.tag.as_str()
        )
    )?;
    Ok(())
}

fn list(context: &mut Context, args: &ListArgs) -> Result<(), CliError> {
    let (repo, _) = open(context)?;
    let baselines = repo.baselines()?;
    if args.json {
        crate::output::json::to_writer_pretty(&mut *context.out, &baselines)
            .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        writeln!(context.out)?;
        return Ok(());
    }
    if baselines.is_empty() {
        writeln!(context.out, "{}", crate::tr!("cli-baseline-none"))?;
        return Ok(());
    }
    let width = baselines.iter().map(|b| b.name.len()).max().unwrap_or(0);
    for b in &baselines {
        writeln!(
            context.out,
            "{:<width$}  {}  {}  {}",
            b.name,
            b.date.format("%Y-%m-%d"),
            b.short,
            shown_line(b.tagger.as_deref().unwrap_or("-"))
        )?;
    }
    Ok(())
}

fn diff(context: &mut Context, args: &DiffArgs) -> Result<(), CliError> {
    let (repo, year) = open(context)?;
    let at = match &args.rev {
        Some(rev) => Revision::Commit(rev.clone()),
        None => Revision::WorkingTree,
    };
    let comparison = repo.baseline_comparison(&args.name, &at, year)?;
    if args.json {
        crate::output::json::to_writer_pretty(&mut *context.out, &comparison)
            .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        writeln!(context.out)?;
        return Ok(());
    }
    print_comparison(context.out, &comparison)?;
    Ok(())
}

fn print_comparison(out: &mut dyn Write, c: &BaselineComparison) -> std::io::Result<()> {
    let b = &c.baseline;
    let mut about = format!("{}, {}", b.short, b.date.format("%Y-%m-%d"));
    if let Some(tagger) = b.tagger.as_deref() {
        about.push_str(&format!(", {}", shown_line(tagger)));
    }
    writeln!(
        out,
        "{}",
        crate::tr!(
            "cli-baseline-against",
            at = c.at.as_str(),
            name = b.name.as_str(),
            about = about
        )
    )?;
    let s = &c.summary;
    let codes = |list: &[String]| {
        if list.is_empty() {
            "—".to_string()
        } else {
            let shown: Vec<String> = list
                .iter()
                .map(|code| shown_line(code).to_string())
                .collect();
            shown.join(", ")
        }
    };
    let none = crate::tr!("history-none");
    let renamed: Vec<String> = s
        .renamed
        .iter()
        .map(|(a, b)| format!("{a} → {b}"))
        .collect();
    let formats: Vec<String> = s
        .format_changed
        .iter()
        .map(|f| {
            let show =
                |v: Option<crate::model::Format>| v.map_or_else(|| none.clone(), |f| f.to_string());
            format!("{} {} → {}", f.code, show(f.from), show(f.to))
        })
        .collect();
    let dates: Vec<String> = s
        .dates_moved
        .iter()
        .map(|d| {
            let show =
                |v: Option<crate::model::Date>| v.map_or_else(|| none.clone(), |d| d.to_string());
            format!("{} {} {} → {}", d.code, d.field, show(d.from), show(d.to))
        })
        .collect();
    let mut rows = vec![("added", codes(&s.added)), ("removed", codes(&s.removed))];
    if !renamed.is_empty() {
        rows.push(("renamed", renamed.join(", ")));
    }
    rows.extend([
        ("cancelled", codes(&s.cancelled)),
        ("postponed", codes(&s.postponed)),
        ("format-changed", codes(&formats)),
        ("dates-moved", codes(&dates)),
        ("objectives-changed", codes(&s.objectives_changed)),
    ]);
    let rows: Vec<(String, String)> = rows
        .into_iter()
        .map(|(row, value)| (crate::tr!("cli-baseline-row", row = row), value))
        .collect();
    let label_width = rows
        .iter()
        .map(|(label, _)| label.width())
        .max()
        .unwrap_or(0);
    for (label, value) in &rows {
        let pad = label_width.saturating_sub(label.width());
        writeln!(out, "  {label}{:pad$}  {value}", "")?;
    }
    let (status, approved, now) = (
        crate::tr!("cli-baseline-status"),
        crate::tr!("cli-baseline-approved"),
        crate::tr!("cli-baseline-now"),
    );
    let names: Vec<String> = s
        .status_counts
        .iter()
        .map(|count| count.status.to_string())
        .collect();
    let status_width = names
        .iter()
        .map(|name| name.width())
        .chain([status.width(), 10])
        .max()
        .unwrap_or(10);
    let (approved_width, now_width) = (approved.width().max(8), now.width().max(3));
    writeln!(
        out,
        "\n  {}  {:>approved_width$}  {now}",
        fill(&status, status_width),
        approved
    )?;
    for (count, name) in s.status_counts.iter().zip(&names) {
        writeln!(
            out,
            "  {}  {:>approved_width$}  {:>now_width$}",
            fill(name, status_width),
            count.approved,
            count.current
        )?;
    }
    if !c.changes.activities.is_empty() || !c.changes.programme.is_empty() {
        writeln!(out, "\n{}", crate::tr!("cli-baseline-changes"))?;
        for change in &c.changes.programme {
            writeln!(out, "  {}: {change}", crate::tr!("cli-log-programme"))?;
        }
        for change in &c.changes.activities {
            writeln!(out, "  {change}")?;
        }
    }
    Ok(())
}
