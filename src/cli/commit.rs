//! `programa commit`: commit the programme files that changed, with a message that says what
//! changed, as the user's own git identity, through `git commit`.

use std::collections::BTreeSet;

use super::{CliError, Context};
use crate::changes::{self, PlanChanges};
use crate::diagnostic::Finding;
use crate::history::{CommitKind, Committed, PathChange, Repo, Role};
use crate::model::Plan;
use crate::output::shown;
use crate::store::{self, Workspace, WriteLock};

/// Commit the programme files that changed, with a message that says what changed
///
/// Only the files programa owns are committed: `programme/<year>/programme.toml` and
/// `programme/<year>/activities/*.toml`. Other files under `programme/` are named as not
/// committed, and everything else in the repository is left as it is, staged or not. The commit
/// is made by `git commit`, so the repository's hooks run, `commit.gpgsign` is honoured and
/// the identity is git's own (GIT_AUTHOR_* and GIT_COMMITTER_* first, then the configuration).
/// During a merge it concludes the merge; during a rebase, cherry-pick, revert or bisection it
/// refuses and says what to run. Refuses while the programme has errors. Without `-m`, the
/// message says what changed in each activity.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The commit message [default: one that says what changed]
    #[arg(short, long, value_name = "TEXT")]
    message: Option<String>,
}

/// Runs `programa commit`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let workspace = context.workspace()?;
    Repo::open(&workspace)?;
    let lock = super::lock_all(&workspace)?;
    let Some(done) = commit(&workspace, args.message.as_deref(), &lock)? else {
        drop(lock);
        let others = Repo::open(&workspace)?.programme_changes()?.others;
        if let Some(warning) = not_committed(&others) {
            warn(&warning);
        }
        writeln!(context.out, "{}", nothing_to_commit())?;
        return Ok(());
    };
    drop(lock);
    if !done.output.is_empty() {
        eprintln!("{}", done.output);
    }
    for warning in done.warnings() {
        warn(&warning);
    }
    let summary = done.committed.message.lines().next().unwrap_or_default();
    writeln!(context.out, "[{}] {summary}", done.committed.commit.short)?;
    let count = done.committed.files.len();
    writeln!(
        context.out,
        " {}",
        crate::tr!("cli-commit-files", count = count)
    )?;
    Ok(())
}

/// Says `warning` on stderr, escaped.
fn warn(warning: &str) {
    let warning = shown(warning).to_string();
    eprintln!("{}", crate::tr!("cli-warning", warning = warning));
}

/// What is said when no programme file differs from HEAD.
pub(super) fn nothing_to_commit() -> String {
    crate::tr!("cli-nothing-to-commit")
}

/// A commit made, with what the user should know about it.
pub(super) struct Done {
    /// The commit.
    pub(super) committed: Committed,
    /// What git and the hooks printed.
    pub(super) output: String,
    /// Files under `programme/` that were not committed.
    pub(super) others: Vec<String>,
    /// The commit HEAD was detached at, if it was.
    pub(super) detached: Option<String>,
}

impl Done {
    /// The warnings to show: a detached HEAD, files left out.
    pub(super) fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(at) = &self.detached {
            warnings.push(crate::tr!("cli-commit-detached", at = at.as_str()));
        }
        warnings.extend(not_committed(&self.others));
        warnings
    }
}

/// The warning that names files under `programme/` a commit leaves out, if there are any.
fn not_committed(others: &[String]) -> Option<String> {
    (!others.is_empty()).then(|| crate::tr!("cli-not-committed", files = others.join(", ")))
}

/// Commits what [`prepare`] finds, with `message` or the one that says what changed; `None`
/// when there is nothing to commit. The caller holds the workspace's write lock, so no
/// programme file changes between the check and the commit.
pub(super) fn commit(
    workspace: &Workspace,
    message: Option<&str>,
    _lock: &WriteLock,
) -> Result<Option<Done>, CliError> {
    let Some(pending) = prepare(workspace)? else {
        return Ok(None);
    };
    let message = match message {
        Some(message) => message.to_string(),
        None => pending.message(),
    };
    let committed = pending
        .repo
        .commit_programme(&pending.files, &message, &pending.kind)?;
    Ok(Some(Done {
        output: committed.output.clone(),
        committed,
        others: pending.others,
        detached: pending.detached,
    }))
}

/// The programme files that changed, checked and described: what a commit would record.
pub(super) struct Pending {
    /// The repository.
    pub(super) repo: Repo,
    /// The changed programme files.
    pub(super) files: Vec<PathChange>,
    /// Other changed files under `programme/`, which are not committed.
    pub(super) others: Vec<String>,
    /// A plain commit or the conclusion of a merge.
    pub(super) kind: CommitKind,
    /// The commit HEAD is detached at, if it is.
    pub(super) detached: Option<String>,
    /// What changed, per year touched.
    pub(super) per_year: Vec<(i32, PlanChanges)>,
}

impl Pending {
    /// The message that says what changed (and, for a merge, what was merged).
    pub(super) fn message(&self) -> String {
        match &self.kind {
            CommitKind::Plain => changes::commit_message(&self.per_year),
            CommitKind::Merge { merging } => changes::merge_message(merging, &self.per_year),
        }
    }
}

/// Opens the repository around `workspace` and gathers what a commit would record, after
/// checking the repository's state, the identity and that the programme has no errors; `None`
/// when nothing changed (and no merge is to be concluded).
pub(super) fn prepare(workspace: &Workspace) -> Result<Option<Pending>, CliError> {
    let repo = Repo::open(workspace)?;
    let kind = repo.commit_kind()?;
    let changes = repo.programme_changes()?;
    let files = changes.owned;
    if files.is_empty() && kind == CommitKind::Plain {
        return Ok(None);
    }
    repo.identity(Role::Author)?;
    repo.identity(Role::Committer)?;

    let mut years: BTreeSet<i32> = files.iter().filter_map(|f| repo.year_of(f)).collect();
    if let CommitKind::Merge { .. } = kind {
        // A merge is checked whole: it may bring files that are as in HEAD on this side.
        years.extend(workspace.years().unwrap_or_default());
    }
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
        // An unresolved merge conflict is among the reading's findings (`merge-conflict`).
        let mut findings = loaded.findings.clone();
        findings.extend(crate::validate::validate(&loaded));
        errors.extend(findings.into_iter().filter(Finding::is_error));
        sources.extend(loaded.sources.iter().cloned());
        let before = repo.committed_plan(year)?;
        let compared = changes::compare(&before, &loaded.plan);
        if !compared.programme.is_empty() || !compared.activities.is_empty() {
            per_year.push((year, compared));
        }
    }
    if !errors.is_empty() {
        let count = errors.len();
        let mut files: Vec<String> = errors
            .iter()
            .filter_map(|f| f.file.as_ref().map(|p| p.display().to_string()))
            .collect();
        files.dedup();
        let message = if files.is_empty() {
            crate::tr!("cli-commit-errors", count = count)
        } else {
            crate::tr!(
                "cli-commit-errors-in",
                count = count,
                files = files.join(", ")
            )
        };
        return Err(CliError::new(message)
            .with_findings(errors, sources)
            .hint(crate::tr!("cli-commit-errors-hint")));
    }

    Ok(Some(Pending {
        detached: repo.detached_head()?,
        repo,
        files,
        others: changes.others,
        kind,
        per_year,
    }))
}
