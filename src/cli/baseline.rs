//! `programa baseline`: mark an approved plan, list the marks, and compare against one.

use std::io::Write;

use super::history::open;
use super::{CliError, Context};
use crate::history::{BaselineComparison, Revision};
use crate::output::shown_line;

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
        "baseline {} marks {} ({})",
        baseline.name, baseline.short, baseline.tag
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
        writeln!(
            context.out,
            "no baselines yet (mark one with `programa baseline set NAME`)"
        )?;
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
    writeln!(
        out,
        "{} against baseline {} ({}, {}{})",
        c.at,
        b.name,
        b.short,
        b.date.format("%Y-%m-%d"),
        b.tagger
            .as_deref()
            .map(|t| format!(", {}", shown_line(t)))
            .unwrap_or_default()
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
    writeln!(out, "  added               {}", codes(&s.added))?;
    writeln!(out, "  removed             {}", codes(&s.removed))?;
    if !s.renamed.is_empty() {
        let renamed: Vec<String> = s
            .renamed
            .iter()
            .map(|(a, b)| format!("{a} → {b}"))
            .collect();
        writeln!(out, "  renamed             {}", renamed.join(", "))?;
    }
    writeln!(out, "  cancelled           {}", codes(&s.cancelled))?;
    writeln!(out, "  postponed           {}", codes(&s.postponed))?;
    let formats: Vec<String> = s
        .format_changed
        .iter()
        .map(|f| {
            let show = |v: Option<crate::model::Format>| {
                v.map_or_else(|| "none".to_string(), |f| f.to_string())
            };
            format!("{} {} → {}", f.code, show(f.from), show(f.to))
        })
        .collect();
    writeln!(out, "  format changed      {}", codes(&formats))?;
    let dates: Vec<String> = s
        .dates_moved
        .iter()
        .map(|d| {
            let show = |v: Option<crate::model::Date>| {
                v.map_or_else(|| "none".to_string(), |d| d.to_string())
            };
            format!("{} {} {} → {}", d.code, d.field, show(d.from), show(d.to))
        })
        .collect();
    writeln!(out, "  dates moved         {}", codes(&dates))?;
    writeln!(
        out,
        "  objectives changed  {}",
        codes(&s.objectives_changed)
    )?;
    writeln!(out, "\n  status      approved  now")?;
    for count in &s.status_counts {
        writeln!(
            out,
            "  {:<10}  {:>8}  {:>3}",
            count.status.as_str(),
            count.approved,
            count.current
        )?;
    }
    if !c.changes.activities.is_empty() || !c.changes.programme.is_empty() {
        writeln!(out, "\nchanges")?;
        for change in &c.changes.programme {
            writeln!(out, "  programme: {change}")?;
        }
        for change in &c.changes.activities {
            writeln!(out, "  {change}")?;
        }
    }
    Ok(())
}
