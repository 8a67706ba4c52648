//! `programa log`: the timeline of changes to the programme, as meaning rather than lines.

use std::io::Write;

use super::history::{open, warn};
use super::{CliError, Context};
use crate::history::{Log, LogEntry, LogQuery};
use crate::model::Date;
use crate::output::{escape_line, shown_line};

/// Show the history of the programme as changes per activity
///
/// Per commit, what changed in each activity (status transitions, progress, participants,
/// fields; activities created, removed, renamed), with the commit, its author and date.
/// Commits made with plain git count the same.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this activity, followed through renames
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: Option<String>,
    /// Only commits made on or after this day
    #[arg(long, value_name = "YYYY-MM-DD")]
    since: Option<Date>,
    /// Only commits made on or before this day
    #[arg(long, value_name = "YYYY-MM-DD")]
    until: Option<Date>,
    /// Only commits by this author (part of the name or email, any case)
    #[arg(long, value_name = "WHO")]
    author: Option<String>,
    /// Print JSON for tools (newest first, like the text)
    #[arg(long)]
    json: bool,
}

/// Runs `programa log`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let (repo, year) = open(context)?;
    let query = LogQuery {
        code: args.code.clone(),
        since: args.since,
        until: args.until,
        author: args.author.clone(),
    };
    let log = repo.log_of(year, &query)?;
    warn(&log.warnings);
    let mut entries = log.entries;
    entries.reverse();
    let earlier = earlier_logs(&repo, year, &query)?;
    // Standard output is line-buffered; a long history is written in blocks.
    let mut out = std::io::BufWriter::new(&mut *context.out);
    if args.json {
        let shown = Log {
            year,
            entries,
            warnings: log.warnings,
        };
        if earlier.is_empty() {
            crate::output::json::to_writer_pretty(&mut out, &shown)
                .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        } else {
            let mut value = serde_json::to_value(&shown)
                .map_err(|e| CliError::new(format!("cannot write the log ({e})")))?;
            if let Some(object) = value.as_object_mut() {
                object.insert(
                    "previous".to_string(),
                    serde_json::to_value(&earlier)
                        .map_err(|e| CliError::new(format!("cannot write the log ({e})")))?,
                );
            }
            crate::output::json::to_writer_pretty(&mut out, &value)
                .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        }
        writeln!(out)?;
        out.flush()?;
        // The process ends after this: freeing the repository's cache of objects and every
        // entry one by one would only make it end later.
        std::mem::forget((repo, shown));
        return Ok(());
    }
    if entries.is_empty() && earlier.is_empty() {
        let what = args.code.as_deref().unwrap_or("the programme");
        writeln!(out, "no changes to {what} ({year}) in the history")?;
        out.flush()?;
        return Ok(());
    }
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        print_entry(&mut out, entry)?;
    }
    for log in &earlier {
        writeln!(
            out,
            "\ncarried on from {}/{}",
            log.year,
            shown_line(&log.code)
        )?;
        for entry in &log.entries {
            writeln!(out)?;
            print_entry(&mut out, entry)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The log of an earlier year's activity that an activity carries on.
#[derive(serde::Serialize)]
struct EarlierLog {
    year: i32,
    code: String,
    /// Newest first, as the text.
    entries: Vec<LogEntry>,
}

/// With a code: the logs of the activities of earlier years it carries on (`previous`),
/// nearest year first, with the same filters.
fn earlier_logs(
    repo: &crate::history::Repo,
    year: i32,
    query: &LogQuery,
) -> Result<Vec<EarlierLog>, CliError> {
    let Some(code) = &query.code else {
        return Ok(Vec::new());
    };
    let mut logs = Vec::new();
    for (earlier, earlier_code) in super::previous::chain(repo.workspace(), year, code) {
        let query = LogQuery {
            code: Some(earlier_code.clone()),
            ..query.clone()
        };
        let log = repo.log_of(earlier, &query)?;
        warn(&log.warnings);
        let mut entries = log.entries;
        entries.reverse();
        logs.push(EarlierLog {
            year: earlier,
            code: earlier_code,
            entries,
        });
    }
    Ok(logs)
}

fn print_entry(out: &mut dyn Write, entry: &LogEntry) -> std::io::Result<()> {
    let c = &entry.commit;
    writeln!(
        out,
        "{}  {}  {}  {}",
        c.short,
        c.day(),
        shown_line(&c.author),
        shown_line(&entry.summary)
    )?;
    if !entry.changes.programme.is_empty() {
        let phrases: Vec<String> = entry
            .changes
            .programme
            .iter()
            .map(ToString::to_string)
            .collect();
        writeln!(out, "  programme  {}", phrases.join("; "))?;
    }
    let width = entry
        .changes
        .activities
        .iter()
        .map(|a| escape_line(&a.code).chars().count())
        .max()
        .unwrap_or(0)
        .max("programme".len());
    for change in &entry.changes.activities {
        writeln!(
            out,
            "  {:<width$}  {}",
            shown_line(&change.code),
            change.phrases().join("; ")
        )?;
    }
    Ok(())
}
