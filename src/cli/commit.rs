//! `programa commit`: commit the programme files that changed, with a message that says what
//! changed, as the user's own git identity.

use std::collections::BTreeSet;

use super::{CliError, Context};
use crate::changes::{self, PlanChanges};
use crate::diagnostic::Finding;
use crate::history::{Repo, Role, has_conflict_markers};
use crate::model::Plan;
use crate::store;

/// Commit the programme files that changed, with a message that says what changed
///
/// Only programme files are staged and committed; everything else in the repository is left as
/// it is. The commit is made as your git identity, resolved as git does (GIT_AUTHOR_* and
/// GIT_COMMITTER_* first, then the configuration). Refuses while the programme has errors.
/// Without `-m`, the message says what changed in each activity.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The commit message [default: one that says what changed]
    #[arg(short, long, value_name = "TEXT")]
    message: Option<String>,
}

/// Runs `programa commit`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let workspace = context.workspace()?;
    let repo = Repo::open(&workspace)?;
    let files = repo.programme_changes()?;
    if files.is_empty() {
        writeln!(
            context.out,
            "nothing to commit: the programme files are as in the last commit"
        )?;
        return Ok(());
    }
    repo.identity(Role::Author)?;
    repo.identity(Role::Committer)?;

    let years: BTreeSet<i32> = files.iter().filter_map(|f| repo.year_of(f)).collect();
    let mut per_year: Vec<(i32, PlanChanges)> = Vec::new();
    let mut errors = Vec::new();
    let mut sources = Vec::new();
    for year in years {
        if !workspace.year_dir(year).is_dir() {
            let before = repo.committed_plan(year)?;
            per_year.push((year, changes::compare(&before, &Plan::default())));
            continue;
        }
        let loaded = store::load(&workspace, year)?;
        let mut findings = loaded.findings.clone();
        for source in &loaded.sources {
            if has_conflict_markers(&source.text) {
                findings.insert(
                    0,
                    Finding::error(
                        "conflict-markers",
                        "the file holds conflict markers of an unresolved merge",
                    )
                    .at(source.path.clone(), None)
                    .hint("resolve the conflict (keep one side of each `<<<<<<<`…`>>>>>>>` block)"),
                );
            }
        }
        findings.extend(crate::validate::validate(&loaded));
        errors.extend(findings.into_iter().filter(Finding::is_error));
        sources.extend(loaded.sources.iter().cloned());
        let before = repo.committed_plan(year)?;
        per_year.push((year, changes::compare(&before, &loaded.plan)));
    }
    if !errors.is_empty() {
        let count = errors.len();
        let mut files: Vec<String> = errors
            .iter()
            .filter_map(|f| f.file.as_ref().map(|p| p.display().to_string()))
            .collect();
        files.dedup();
        let place = if files.is_empty() {
            String::new()
        } else {
            format!(" (in {})", files.join(", "))
        };
        return Err(CliError::new(format!(
            "the programme has {count} error{}{place}; nothing was committed",
            if count == 1 { "" } else { "s" },
        ))
        .with_findings(errors, sources)
        .hint("fix them (`programa check` lists them) and commit again"));
    }

    let message = match &args.message {
        Some(message) => message.clone(),
        None => changes::commit_message(&per_year),
    };
    let committed = repo.commit_programme(&files, &message)?;
    let summary = message.lines().next().unwrap_or_default();
    writeln!(context.out, "[{}] {summary}", committed.commit.short)?;
    let count = committed.files.len();
    writeln!(
        context.out,
        " {count} file{} committed",
        if count == 1 { "" } else { "s" }
    )?;
    Ok(())
}
