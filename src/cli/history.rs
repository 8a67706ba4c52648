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
        let mut value = serde_json::to_value(timeline)
            .map_err(|e| CliError::new(format!("cannot write the history ({e})")))?;
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
        writeln!(
            context.out,
            "\ncarried on from {previous_year}/{}\n",
            shown_line(&timeline.code)
        )?;
        print_timeline(context.out, context.palette, timeline)?;
    }
    Ok(())
}

fn missing(repo: &Repo, timelines: &Timelines, code: &str, year: i32) -> CliError {
    let on_disk = repo.workspace().activity_path(year, code).is_file();
    if on_disk {
        CliError::new(format!(
            "{code} has no history yet (it was never committed)"
        ))
        .hint("commit it with `programa commit`")
    } else {
        let known: Vec<&str> = timelines
            .activities
            .iter()
            .map(|t| t.code.as_str())
            .collect();
        let mut error = CliError::new(format!("no activity {code} in the history of {year}"));
        if let Some(close) = crate::suggest::did_you_mean(code, known) {
            error = error.hint(format!("did you mean {close}?"));
        }
        error.hint("`programa log` lists the activities that changed")
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
        writeln!(out, "formerly {}", codes.join(", "))?;
    }
    if let Some(created) = &t.created {
        writeln!(
            out,
            "created {} by {} ({})",
            created.day(),
            shown_line(&created.author),
            commit(&created.short)
        )?;
    }
    if let Some(removed) = &t.removed {
        writeln!(
            out,
            "removed {} by {} ({})",
            removed.day(),
            shown_line(&removed.author),
            commit(&removed.short)
        )?;
    }
    writeln!(out, "\n{}", heading("status"))?;
    for reached in &t.statuses {
        let pad = 10usize.saturating_sub(reached.status.as_str().len());
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
    writeln!(out, "\n{}  {}", heading("progress"), sparkline(&values))?;
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
        heading("participants"),
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
        eprintln!("warning: {}", escape_hidden(warning));
    }
}

impl From<HistoryError> for CliError {
    fn from(error: HistoryError) -> Self {
        let hint = match &error {
            HistoryError::Store(_) => None,
            HistoryError::NotARepository(_) => Some(
                "run `git init` in the programme's folder, or pass `--root` with a folder inside a git repository"
                    .to_string(),
            ),
            HistoryError::Bare(_) => {
                Some("run the command in a clone that has a working tree".to_string())
            }
            HistoryError::UnknownRevision { suggestion, .. } => {
                let name = "name a commit, branch, tag or baseline (`git log --oneline` lists commits, `programa baseline list` baselines)";
                Some(match suggestion {
                    Some(close) => format!("did you mean `{}`? {name}", shown_line(close)),
                    None => name.to_string(),
                })
            }
            HistoryError::NoMergeBase { .. } => {
                Some("`A..B` compares the two states as they are".to_string())
            }
            HistoryError::NoCommits => {
                Some("make the first commit with `programa commit`".to_string())
            }
            HistoryError::NoYearAt { .. } => {
                Some("pass a year that exists at that revision with `--year`".to_string())
            }
            HistoryError::NoIdentity { .. } => Some(
                "tell git who you are: `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.org` (or set GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL)"
                    .to_string(),
            ),
            HistoryError::BadDate { variable, .. } => {
                Some(format!("unset {variable}, or give it in one of the forms shown"))
            }
            HistoryError::BadName(_) => Some(
                "use letters, digits, `-`, `_` and `.`, e.g. `approved-2021`".to_string(),
            ),
            HistoryError::NoSuchBaseline(_) => Some(
                "name a baseline (`programa baseline list` shows them) or a revision".to_string(),
            ),
            HistoryError::BaselineExists { .. } => {
                Some("choose another name, or pass `--force` to move it".to_string())
            }
            HistoryError::InProgress { finish, .. } => Some((*finish).to_string()),
            HistoryError::IndexLocked(lock) => Some(format!(
                "another git command is running in this repository, or one stopped without \
                 cleaning up: wait for it to finish; if no git is running, remove {} and commit again",
                lock.display()
            )),
            HistoryError::CommitFailed { .. } => Some(
                "git's output above says why (a hook of the repository, commit signing, or \
                 files of a merge left unresolved); fix that and commit again"
                    .to_string(),
            ),
            HistoryError::GitFailed { .. } => None,
            HistoryError::NoBranch => Some(
                "switch to the branch to share (`git switch main`), or give this commit a branch \
                 with `git switch -c NAME`"
                    .to_string(),
            ),
            HistoryError::NoUpstream { branch } => Some(format!(
                "say where the branch is shared: `git push -u origin {branch}` the first time, \
                 or `git branch --set-upstream-to=origin/{branch}`"
            )),
            HistoryError::Transport { .. } => Some(
                "git's output above says why; for a remote, `git fetch` and `git push` tell \
                 the same (network, credentials, SSH keys); a push refused because the remote \
                 moved meanwhile needs another `programa sync`"
                    .to_string(),
            ),
            HistoryError::NoGit(_) => Some(
                "install git: programa commits through `git commit`, so that hooks and signing \
                 work as they do with git"
                    .to_string(),
            ),
            HistoryError::Git(_) => None,
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
