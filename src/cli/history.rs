//! `programa history`: one activity's trajectory, derived from git. Also how history errors
//! read on the command line, and the opening of the repository every git command shares.

use std::io::Write;

use super::{CliError, Context};
use crate::history::{HistoryError, Repo, Timeline, Timelines, sparkline};
use crate::output::style::{Palette, Style};
use crate::output::{escape_hidden, shown_line};

/// Show an activity's trajectory, derived from the git history
///
/// When it reached each status and who moved it, progress over time, participants as they
/// were added.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The activity's code, `I.1.1`
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// Print JSON for tools
    #[arg(long)]
    json: bool,
}

/// Runs `programa history`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let (repo, year) = open(context)?;
    let timelines = repo.timeline_of(year, &args.code)?;
    warn(&timelines.warnings);
    let Some(timeline) = timelines.activity(&args.code) else {
        return Err(missing(&repo, &timelines, &args.code, year));
    };
    // The activities of earlier years it carries on (`previous`), nearest first.
    let mut earlier = Vec::new();
    for (previous_year, previous_code) in super::previous::chain(repo.workspace(), year, &args.code)
    {
        let found = repo.timeline_of(previous_year, &previous_code)?;
        warn(&found.warnings);
        if let Some(timeline) = found.activity(&previous_code) {
            earlier.push((previous_year, timeline.clone()));
        }
    }
    if args.json {
        let mut value = serde_json::to_value(timeline).map_err(|e| {
            CliError::new(crate::tr!(
                "cli-cannot-write-history",
                error = e.to_string()
            ))
        })?;
        if let Some(object) = value.as_object_mut() {
            let previous: Vec<serde_json::Value> = earlier
                .iter()
                .map(|(year, t)| serde_json::json!({ "year": year, "timeline": t }))
                .collect();
            object.insert("previous".to_string(), previous.into());
        }
        crate::output::json::to_writer_pretty(&mut *context.out, &value)
            .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        writeln!(context.out)?;
        return Ok(());
    }
    print_timeline(context.out, context.palette, timeline)?;
    for (previous_year, timeline) in &earlier {
        let from = format!("{previous_year}/{}", shown_line(&timeline.code));
        writeln!(
            context.out,
            "\n{}\n",
            crate::tr!("cli-log-carried-on", from = from)
        )?;
        print_timeline(context.out, context.palette, timeline)?;
    }
    Ok(())
}

fn missing(repo: &Repo, timelines: &Timelines, code: &str, year: i32) -> CliError {
    let on_disk = repo.workspace().activity_path(year, code).is_file();
    if on_disk {
        CliError::new(crate::tr!("cli-history-never-committed", code = code))
            .hint(crate::tr!("cli-history-never-committed-hint"))
    } else {
        let known: Vec<&str> = timelines
            .activities
            .iter()
            .map(|t| t.code.as_str())
            .collect();
        let mut error = CliError::new(crate::tr!(
            "cli-history-unknown",
            code = code,
            year = year.to_string()
        ));
        if let Some(close) = crate::suggest::did_you_mean(code, known) {
            error = error.hint(crate::tr!("store-did-you-mean-code", code = close));
        }
        error.hint(crate::tr!("cli-history-unknown-hint"))
    }
}

/// Prints a trajectory as `programa history` shows it, coloured by `palette`.
pub(super) fn print_timeline(
    out: &mut dyn Write,
    palette: Palette,
    t: &Timeline,
) -> std::io::Result<()> {
    let heading = |text: &str| palette.paint(Style::Heading, text);
    let commit = |short: &str| palette.paint(Style::Commit, short);
    writeln!(
        out,
        "{}  {}",
        palette.paint(Style::Code, shown_line(&t.code)),
        heading(&shown_line(&t.title).to_string())
    )?;
    if !t.former_codes.is_empty() {
        let codes: Vec<String> = t
            .former_codes
            .iter()
            .map(|code| shown_line(code).to_string())
            .collect();
        writeln!(
            out,
            "{}",
            crate::tr!("cli-history-formerly", codes = codes.join(", "))
        )?;
    }
    if let Some(created) = &t.created {
        writeln!(
            out,
            "{}",
            crate::tr!(
                "cli-history-created",
                day = created.day().to_string(),
                author = shown_line(&created.author).to_string(),
                commit = commit(&created.short).to_string()
            )
        )?;
    }
    if let Some(removed) = &t.removed {
        writeln!(
            out,
            "{}",
            crate::tr!(
                "cli-history-removed",
                day = removed.day().to_string(),
                author = shown_line(&removed.author).to_string(),
                commit = commit(&removed.short).to_string()
            )
        )?;
    }
    writeln!(out, "\n{}", heading(&crate::tr!("cli-history-status")))?;
    for reached in &t.statuses {
        let pad = 10usize.saturating_sub(reached.status.name(crate::i18n::lang()).chars().count());
        writeln!(
            out,
            "  {}  {}{:pad$}  {}  {}",
            reached.commit.day(),
            super::diff::status(palette, reached.status),
            "",
            commit(&reached.commit.short),
            shown_line(&reached.commit.author)
        )?;
    }
    let values: Vec<u8> = t.progress.iter().map(|p| p.progress).collect();
    writeln!(
        out,
        "\n{}  {}",
        heading(&crate::tr!("cli-history-progress")),
        sparkline(&values)
    )?;
    for point in &t.progress {
        writeln!(
            out,
            "  {}  {:>4}  {}  {}",
            point.commit.day(),
            format!("{}%", point.progress),
            commit(&point.commit.short),
            shown_line(&point.commit.author)
        )?;
    }
    writeln!(
        out,
        "\n{} ({})",
        heading(&crate::tr!("cli-history-participants")),
        t.participants.len()
    )?;
    for added in &t.participants {
        writeln!(
            out,
            "  {}  {}  ({}, {})",
            added.commit.day(),
            crate::changes::describe_participant(&added.participant),
            commit(&added.commit.short),
            shown_line(&added.commit.author)
        )?;
    }
    Ok(())
}

/// The repository around the workspace, and the year the command works on.
pub(super) fn open(context: &Context) -> Result<(Repo, i32), CliError> {
    let workspace = context.workspace()?;
    let year = workspace.resolve_year(context.year_option())?;
    let repo = Repo::open(&workspace)?;
    Ok((repo, year))
}

/// The repository around the workspace, and the year a command reads at revision `rev`:
/// `--year`, else the latest year that revision holds.
pub(super) fn open_at(context: &Context, rev: &str) -> Result<(Repo, i32), CliError> {
    let workspace = context.workspace()?;
    let repo = Repo::open(&workspace)?;
    let year = match context.year_option() {
        Some(year) => year,
        None => match repo.latest_year_at(rev)? {
            Some(year) => year,
            None => workspace.resolve_year(None)?,
        },
    };
    Ok((repo, year))
}

/// Prints warnings to stderr.
pub(super) fn warn(warnings: &[String]) {
    for warning in warnings {
        let warning = escape_hidden(warning).into_owned();
        eprintln!("{}", crate::tr!("cli-warning", warning = warning));
    }
}

impl From<HistoryError> for CliError {
    fn from(error: HistoryError) -> Self {
        let hint = match &error {
            HistoryError::Store(_) | HistoryError::GitFailed { .. } | HistoryError::Git(_) => None,
            HistoryError::NotARepository(_) => Some(crate::tr!("cli-not-a-repository-hint")),
            HistoryError::Bare(_) => Some(crate::tr!("cli-bare-hint")),
            HistoryError::UnknownRevision { suggestion, .. } => Some(match suggestion {
                Some(close) => crate::tr!(
                    "cli-unknown-revision-hint-meant",
                    close = shown_line(close).to_string()
                ),
                None => crate::tr!("cli-unknown-revision-hint"),
            }),
            HistoryError::NoMergeBase { .. } => Some(crate::tr!("cli-no-merge-base-hint")),
            HistoryError::NoCommits => Some(crate::tr!("cli-no-commits-hint")),
            HistoryError::NoYearAt { .. } => Some(crate::tr!("cli-no-year-at-hint")),
            HistoryError::NoIdentity { .. } => Some(crate::tr!("cli-no-identity-hint")),
            HistoryError::BadDate { variable, .. } => {
                Some(crate::tr!("cli-bad-date-hint", variable = *variable))
            }
            HistoryError::BadName(_) => Some(crate::tr!("cli-bad-name-hint")),
            HistoryError::NoSuchBaseline(_) => Some(crate::tr!("cli-no-such-baseline-hint")),
            HistoryError::BaselineExists { .. } => Some(crate::tr!("cli-baseline-exists-hint")),
            HistoryError::InProgress { operation } => {
                Some(crate::tr!("cli-in-progress-hint", operation = *operation))
            }
            HistoryError::IndexLocked(lock) => Some(crate::tr!(
                "cli-index-locked-hint",
                lock = lock.display().to_string()
            )),
            HistoryError::CommitFailed { .. } => Some(crate::tr!("cli-commit-failed-hint")),
            HistoryError::NoBranch => Some(crate::tr!("cli-no-branch-hint")),
            HistoryError::NoUpstream { branch } => {
                Some(crate::tr!("cli-no-upstream-hint", branch = branch.as_str()))
            }
            HistoryError::Transport { .. } => Some(crate::tr!("cli-transport-hint")),
            HistoryError::NoGit(_) => Some(crate::tr!("cli-no-git-hint")),
        };
        let cli = match error {
            HistoryError::Store(store) => CliError::from(store),
            other => CliError::new(other.to_string()),
        };
        match hint {
            Some(hint) => cli.hint(hint),
            None => cli,
        }
    }
}
