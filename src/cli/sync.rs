//! `programa sync`: share the programme through the branch's upstream.

use std::path::Path;

use super::{CliError, Context};
use crate::history::{CommitKind, Integration, Repo, Traveller, Upstream};
use crate::output::shown_line;
use crate::store::{self, conflict::FileConflict};

/// Share the programme: fetch, merge the upstream branch field by field, push
///
/// Fetches the current branch's upstream (`git fetch`, through your own remotes, credentials
/// and SSH setup), merges what came in with the merge driver of `programa git-setup` (or
/// rebases onto it when `pull.rebase` or `branch.<name>.rebase` says so), and pushes the
/// result (`git push`). When a field was changed differently on both sides, it stops before
/// pushing anything and lists each conflicted activity and field: resolve them, `programa
/// commit` (or `git rebase --continue`), and sync again. A merged programme that `check`
/// finds errors in is not pushed either.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fetch and merge, but push nothing
    #[arg(long)]
    no_push: bool,
}

/// Runs `programa sync`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let workspace = context.workspace()?;
    let repo = Repo::open(&workspace)?;
    if let CommitKind::Merge { .. } = repo.commit_kind()? {
        return Err(CliError::new("a merge is in progress").hint(
            "resolve its conflicts (`programa check` lists them), conclude it with `programa \
             commit`, then run `programa sync` again",
        ));
    }
    let changes = repo.programme_changes()?;
    if !changes.owned.is_empty() {
        let files: Vec<String> = changes.owned.iter().map(|c| c.path.clone()).collect();
        return Err(CliError::new(format!(
            "{} not committed: {}",
            count(files.len(), "programme file is", "programme files are"),
            shown_line(&files.join(", "))
        ))
        .hint("commit them first with `programa commit` (or set them aside with `git stash`), then sync"));
    }
    if !repo.merges_by_field()? {
        eprintln!(
            "note: git merges programme files line by line in this clone: run `programa \
             git-setup` once to have them merged field by field"
        );
    }
    let upstream = repo.upstream()?;
    say_git(&repo.fetch(&upstream)?);
    let incoming = repo.incoming(&upstream)?;
    if !incoming.is_empty() {
        writeln!(
            context.out,
            "{} from {}:",
            count(incoming.len(), "commit", "commits"),
            shown_line(&upstream.tracking)
        )?;
        list_commits(context, &incoming)?;
    }
    let rebase = repo.prefers_rebase(&upstream)?;
    let tracking = shown_line(&upstream.tracking).to_string();
    match repo.integrate(&upstream, rebase)? {
        Integration::UpToDate => writeln!(context.out, "up to date with {tracking}")?,
        Integration::FastForward => writeln!(context.out, "moved up to {tracking}")?,
        Integration::Merged => writeln!(context.out, "merged {tracking}")?,
        Integration::Rebased => writeln!(context.out, "rebased onto {tracking}")?,
        Integration::Conflicted { rebase, files } => {
            return Err(conflicted(context, &repo, &upstream, rebase, &files)?);
        }
    }
    let outgoing = repo.outgoing(&upstream)?;
    if outgoing.is_empty() {
        writeln!(context.out, "nothing to push")?;
        return Ok(());
    }
    if args.no_push {
        writeln!(
            context.out,
            "{} not pushed (--no-push)",
            count(outgoing.len(), "commit", "commits")
        )?;
        return Ok(());
    }
    refuse_errors(&repo)?;
    say_git(&repo.push(&upstream)?);
    writeln!(
        context.out,
        "pushed {} to {}:",
        count(outgoing.len(), "commit", "commits"),
        shown_line(&format!("{} {}", upstream.remote, upstream.merge))
    )?;
    list_commits(context, &outgoing)?;
    Ok(())
}

/// Lists commits, one a line: short id, summary, author.
fn list_commits(context: &mut Context, commits: &[Traveller]) -> Result<(), CliError> {
    for commit in commits {
        writeln!(
            context.out,
            "  {} {} ({})",
            commit.short,
            shown_line(&commit.summary),
            shown_line(&commit.author)
        )?;
    }
    Ok(())
}

/// What git printed, on stderr, escaped.
fn say_git(printed: &str) {
    for line in printed.lines() {
        eprintln!("{}", shown_line(line));
    }
}

/// Lists the conflicted activities and fields, and makes the error that stops the sync.
fn conflicted(
    context: &mut Context,
    repo: &Repo,
    upstream: &Upstream,
    rebase: bool,
    files: &[String],
) -> Result<CliError, CliError> {
    let workspace = repo.workspace();
    let mut described: Vec<FileConflict> = Vec::new();
    for year in workspace.years().unwrap_or_default() {
        described.extend(store::load(workspace, year)?.conflicts());
    }
    writeln!(
        context.out,
        "conflicts with {}: fields changed differently on both sides",
        shown_line(&upstream.tracking)
    )?;
    let mut codes = Vec::new();
    for conflict in &described {
        let name = activity_name(&conflict.file);
        codes.push(name.clone());
        for block in &conflict.blocks {
            let keys: Vec<&str> = block.keys.iter().map(|k| k.key.as_str()).collect();
            let keys = if keys.is_empty() {
                "lines that differ".to_string()
            } else {
                keys.join(", ")
            };
            writeln!(
                context.out,
                "  {} ({}:{}): {}",
                shown_line(&name),
                shown_line(&conflict.file.display().to_string()),
                block.line,
                shown_line(&keys)
            )?;
        }
    }
    let programme_paths: Vec<String> = described
        .iter()
        .map(|c| c.file.display().to_string())
        .collect();
    for file in files {
        if !programme_paths.iter().any(|p| file.ends_with(p.as_str())) {
            writeln!(context.out, "  {}", shown_line(file))?;
        }
    }
    let finish = if rebase {
        "then `git add` each file and `git rebase --continue` (or `git rebase --abort` to go back)"
    } else {
        "then `programa commit` concludes the merge (or `git merge --abort` goes back)"
    };
    let edit = match codes.first() {
        Some(code) if !code.contains('/') => format!("`programa edit {code}`"),
        _ => "your editor".to_string(),
    };
    Ok(CliError::new(format!(
        "{} in conflict; nothing was pushed",
        count(files.len(), "file is", "files are")
    ))
    .hint(format!(
        "keep one value of each field in the files ({edit}), {finish}, and run `programa sync` again"
    )))
}

/// An activity's code from its file, or the file itself for a programme file.
fn activity_name(file: &Path) -> String {
    match (file.parent().and_then(Path::file_name), file.file_stem()) {
        (Some(dir), Some(stem)) if dir == store::ACTIVITIES_DIR => {
            stem.to_string_lossy().into_owned()
        }
        _ => file.display().to_string(),
    }
}

/// Refuses to push a programme that `check` finds errors in.
fn refuse_errors(repo: &Repo) -> Result<(), CliError> {
    let workspace = repo.workspace();
    for year in workspace.years().unwrap_or_default() {
        let loaded = store::load(workspace, year)?;
        let found = crate::validate::validate(&loaded);
        let errors = loaded
            .findings
            .iter()
            .chain(&found)
            .filter(|f| f.is_error())
            .count();
        if errors > 0 {
            return Err(CliError::new(format!(
                "the programme for {year} has {} after the merge; nothing was pushed",
                count(errors, "error", "errors")
            ))
            .hint("`programa check` shows them; correct them, `programa commit`, and sync again"));
        }
    }
    Ok(())
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
