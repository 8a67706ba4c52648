//! `programa commit`: commit the programme files that changed, with a message that says what
//! changed, as the user's own git identity.

use std::collections::BTreeSet;

use super::{CliError, Context};
use crate::changes::{self, PlanChanges};
use crate::diagnostic::Finding;
use crate::history::{PathChange, Repo, Role, has_conflict_markers};
use crate::model::Plan;
use crate::store::{self, Workspace};

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
    let Some(pending) = prepare(&workspace)? else {
        writeln!(context.out, "{NOTHING_TO_COMMIT}")?;
        return Ok(());
    };
    let message = match &args.message {
        Some(message) => message.clone(),
        None => pending.message(),
    };
    let committed = pending.repo.commit_programme(&pending.files, &message)?;
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

/// What is said when no programme file differs from HEAD.
pub(super) const NOTHING_TO_COMMIT: &str =
    "nothing to commit: the programme files are as in the last commit";

/// The programme files that changed, checked and described: what a commit would record.
pub(super) struct Pending {
    /// The repository.
    pub(super) repo: Repo,
    /// The changed programme files.
    pub(super) files: Vec<PathChange>,
    /// What changed, per year touched.
    pub(super) per_year: Vec<(i32, PlanChanges)>,
}

impl Pending {
    /// The message that says what changed.
    pub(super) fn message(&self) -> String {
        changes::commit_message(&self.per_year)
    }
}

/// Opens the repository around `workspace` and gathers what a commit would record, after
/// checking the identity and that the programme has no errors; `None` when nothing changed.
pub(super) fn prepare(workspace: &Workspace) -> Result<Option<Pending>, CliError> {
    let repo = Repo::open(workspace)?;
    let files = repo.programme_changes()?;
    if files.is_empty() {
        return Ok(None);
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
        let loaded = store::load(workspace, year)?;
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

    Ok(Some(Pending {
        repo,
        files,
        per_year,
    }))
}
