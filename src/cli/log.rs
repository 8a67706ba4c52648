//! `programa log`: the timeline of changes to the programme, as meaning rather than lines.

use std::io::Write;

use super::history::{open, warn};
use super::{CliError, Context};
use crate::history::{Log, LogEntry, LogQuery, Repo, RevisionRange};
use crate::model::Date;
use crate::output::style::{Palette, Style};
use crate::output::{escape_line, shown_line};

/// Show the history of the programme as changes per activity
///
/// Per commit, what changed in each activity (status transitions, progress, participants,
/// fields; activities created, removed, renamed), with the commit, its author and date.
/// Commits made with plain git count the same. Up to HEAD, or as git reads a range:
/// `main..review` the commits in review and not in main (what a review of the branch reads),
/// `A...B` those in either and not in both, `REV` those up to REV.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// An activity's code (only its changes, followed through renames), a range (`A..B`,
    /// `A...B`) or a revision; or both, a range and a code
    #[arg(
        value_name = "CODE|RANGE",
        num_args = 0..=2,
        add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes)
    )]
    what: Vec<String>,
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
    let known = crate::store::codes(repo.workspace(), year)?.activities;
    let (code, range) = classify(&repo, &known, &args.what)?;
    let query = LogQuery {
        code: code.clone(),
        since: args.since,
        until: args.until,
        author: args.author.clone(),
        range: range.clone(),
    };
    let log = repo.log_of(year, &query)?;
    if let Some(code) = &code
        && log.entries.is_empty()
        && !known.contains(code)
    {
        return Err(unknown(code, &known, year));
    }
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
            let mut value = serde_json::to_value(&shown).map_err(|e| {
                CliError::new(crate::tr!("cli-cannot-write-log", error = e.to_string()))
            })?;
            if let Some(object) = value.as_object_mut() {
                object.insert(
                    "previous".to_string(),
                    serde_json::to_value(&earlier).map_err(|e| {
                        CliError::new(crate::tr!("cli-cannot-write-log", error = e.to_string()))
                    })?,
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
        let message = match (&code, &range) {
            (Some(code), Some(range)) => crate::tr!(
                "cli-log-no-changes-to-in",
                code = shown_line(code).to_string(),
                year = year.to_string(),
                range = shown_line(&range.to_string()).to_string()
            ),
            (Some(code), None) => crate::tr!(
                "cli-log-no-changes-to",
                code = shown_line(code).to_string(),
                year = year.to_string()
            ),
            (None, Some(range)) => crate::tr!(
                "cli-log-no-changes-in",
                year = year.to_string(),
                range = shown_line(&range.to_string()).to_string()
            ),
            (None, None) => crate::tr!("cli-log-no-changes", year = year.to_string()),
        };
        writeln!(out, "{message}")?;
        out.flush()?;
        return Ok(());
    }
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        print_entry(&mut out, context.palette, entry)?;
    }
    for log in &earlier {
        let from = format!("{}/{}", log.year, shown_line(&log.code));
        writeln!(out, "\n{}", crate::tr!("cli-log-carried-on", from = from))?;
        for entry in &log.entries {
            writeln!(out)?;
            print_entry(&mut out, context.palette, entry)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// What the words on the command line are: an activity's code, a range or revision, or both.
///
/// A word with `..` is a range; a code of the year's activities is a code; a revision git
/// knows is a revision; anything else is taken for a code, of an activity that may be gone
/// from the files but not from the history (an error if it is not there either).
fn classify(
    repo: &Repo,
    known: &[String],
    words: &[String],
) -> Result<(Option<String>, Option<RevisionRange>), CliError> {
    let mut code = None;
    let mut range = None;
    for word in words {
        let as_range = match RevisionRange::parse(word) {
            Some(parsed) => Some(parsed),
            None if known.contains(word) => None,
            None if repo.is_revision(word) => Some(RevisionRange::UpTo(word.clone())),
            None => None,
        };
        let (twice, what) = match as_range {
            Some(parsed) => (range.replace(parsed).is_some(), "range"),
            None => (code.replace(word.clone()).is_some(), "code"),
        };
        if twice {
            return Err(CliError::new(crate::tr!(
                "cli-log-only-one",
                word = shown_line(word).to_string(),
                what = what
            ))
            .hint(crate::tr!("cli-log-only-one-hint")));
        }
    }
    Ok((code, range))
}

/// The error for a word that names neither an activity of the year, nor one in its history,
/// nor a revision.
fn unknown(word: &str, known: &[String], year: i32) -> CliError {
    let mut error = CliError::new(crate::tr!(
        "cli-log-unknown",
        word = shown_line(word).to_string(),
        year = year.to_string()
    ));
    if let Some(close) = crate::suggest::did_you_mean(word, known.iter().map(String::as_str)) {
        error = error.hint(crate::tr!(
            "store-did-you-mean-code",
            code = shown_line(close).to_string()
        ));
    }
    error.hint(crate::tr!("cli-log-unknown-hint"))
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

fn print_entry(out: &mut dyn Write, palette: Palette, entry: &LogEntry) -> std::io::Result<()> {
    let c = &entry.commit;
    // The label of the programme file's changes, in the column of the activities' codes.
    let programme = crate::tr!("cli-log-programme");
    writeln!(
        out,
        "{}  {}  {}  {}",
        palette.paint(Style::Commit, &c.short),
        c.day(),
        shown_line(&c.author),
        palette.paint(Style::Heading, shown_line(&entry.summary))
    )?;
    if !entry.changes.programme.is_empty() {
        let phrases: Vec<String> = entry
            .changes
            .programme
            .iter()
            .map(ToString::to_string)
            .collect();
        writeln!(
            out,
            "  {}  {}",
            palette.paint(Style::Code, &programme),
            phrases.join("; ")
        )?;
    }
    let width = entry
        .changes
        .activities
        .iter()
        .map(|a| escape_line(&a.code).chars().count())
        .max()
        .unwrap_or(0)
        .max(programme.chars().count());
    for change in &entry.changes.activities {
        let code = format!("{:<width$}", shown_line(&change.code));
        writeln!(
            out,
            "  {}  {}",
            palette.paint(Style::Code, code),
            change.phrases().join("; ")
        )?;
    }
    Ok(())
}
