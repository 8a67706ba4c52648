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
        return Err(
            CliError::new(crate::tr!("cli-sync-merging")).hint(crate::tr!("cli-sync-merging-hint"))
        );
    }
    let changes = repo.programme_changes()?;
    if !changes.owned.is_empty() {
        let files: Vec<String> = changes.owned.iter().map(|c| c.path.clone()).collect();
        return Err(CliError::new(crate::tr!(
            "cli-sync-uncommitted",
            count = files.len(),
            files = shown_line(&files.join(", ")).to_string()
        ))
        .hint(crate::tr!("cli-sync-uncommitted-hint")));
    }
    if !repo.merges_by_field()? {
        eprintln!("{}", crate::tr!("cli-sync-line-merges"));
    }
    let upstream = repo.upstream()?;
    say_git(&repo.fetch(&upstream)?);
    let incoming = repo.incoming(&upstream)?;
    if !incoming.is_empty() {
        writeln!(
            context.out,
            "{}",
            crate::tr!(
                "cli-sync-incoming",
                count = incoming.len(),
                tracking = shown_line(&upstream.tracking).to_string()
            )
        )?;
        list_commits(context, &incoming)?;
    }
    let rebase = repo.prefers_rebase(&upstream)?;
    let tracking = shown_line(&upstream.tracking).to_string();
    match repo.integrate(&upstream, rebase)? {
        Integration::UpToDate => writeln!(
            context.out,
            "{}",
            crate::tr!("cli-sync-up-to-date", tracking = tracking)
        )?,
        Integration::FastForward => writeln!(
            context.out,
            "{}",
            crate::tr!("cli-sync-fast-forward", tracking = tracking)
        )?,
        Integration::Merged => writeln!(
            context.out,
            "{}",
            crate::tr!("cli-sync-merged", tracking = tracking)
        )?,
        Integration::Rebased => writeln!(
            context.out,
            "{}",
            crate::tr!("cli-sync-rebased", tracking = tracking)
        )?,
        Integration::Conflicted { rebase, files } => {
            return Err(conflicted(context, &repo, &upstream, rebase, &files)?);
        }
    }
    let outgoing = repo.outgoing(&upstream)?;
    if outgoing.is_empty() {
        writeln!(context.out, "{}", crate::tr!("cli-sync-nothing-to-push"))?;
        return Ok(());
    }
    if args.no_push {
        writeln!(
            context.out,
            "{}",
            crate::tr!("cli-sync-not-pushed", count = outgoing.len())
        )?;
        return Ok(());
    }
    refuse_errors(&repo)?;
    say_git(&repo.push(&upstream)?);
    writeln!(
        context.out,
        "{}",
        crate::tr!(
            "cli-sync-pushed",
            count = outgoing.len(),
            to = shown_line(&format!("{} {}", upstream.remote, upstream.merge)).to_string()
        )
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
        "{}",
        crate::tr!(
            "cli-sync-conflicts",
            tracking = shown_line(&upstream.tracking).to_string()
        )
    )?;
    let mut codes = Vec::new();
    for conflict in &described {
        let name = activity_name(&conflict.file);
        codes.push(name.clone());
        for block in &conflict.blocks {
            let keys: Vec<&str> = block.keys.iter().map(|k| k.key.as_str()).collect();
            let keys = if keys.is_empty() {
                crate::tr!("cli-sync-lines-differ")
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
    let edit = match codes.first() {
        Some(code) if !code.contains('/') => format!("`programa edit {code}`"),
        _ => crate::tr!("cli-sync-your-editor"),
    };
    let hint = if rebase {
        crate::tr!("cli-sync-conflicted-rebase-hint", edit = edit)
    } else {
        crate::tr!("cli-sync-conflicted-merge-hint", edit = edit)
    };
    Ok(CliError::new(crate::tr!("cli-sync-conflicted", count = files.len())).hint(hint))
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
            return Err(CliError::new(crate::tr!(
                "cli-sync-errors",
                year = year.to_string(),
                errors = errors
            ))
            .hint(crate::tr!("cli-sync-errors-hint")));
        }
    }
    Ok(())
}
