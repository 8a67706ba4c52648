//! The programme's git history: the only git2 user.
//!
//! [`Repo`] opens the repository around a [`Workspace`] (the programme may sit in a sub-folder
//! of it) and reads the programme at any revision through the same parser as today's files
//! ([`store::assemble`]). On top of that: the semantic [`log`](Repo::log) of a year, per-activity
//! [`timelines`](Repo::timelines), [`commits`](Repo::commit_programme) of programme files with
//! the user's own identity, [`baselines`](Repo::baselines) (annotated tags of approved plans),
//! everything the follow-up report reads ([`report_history`](Repo::report_history)) and the
//! setup of a git diff driver.

mod baseline;
mod blame;
mod commit;
mod create;
mod diff;
mod git_cli;
mod identity;
mod parts;
pub mod patch;
mod query;
mod range;
mod report;
mod setup;
mod sync;
pub mod textconv;
mod timeline;
mod translated;
mod walk;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Utc};
use serde::{Serialize, Serializer};

use crate::model::Plan;
use crate::store::{
    self, ACTIVITIES_DIR, Loaded, PROGRAMME_DIR, PROGRAMME_FILE, RawFile, StoreError, Workspace,
};
use crate::syntax::tree::Tree;

pub use crate::changes::{BaselineSummary, DateMove, FormatChange, StatusCount};
pub use baseline::{BASELINE_PREFIX, Baseline, BaselineComparison};
pub use blame::{Blame, BlamedLine, SetBy};
pub use commit::{CommitKind, Committed, PathChange, WorkingChanges};
pub use diff::Comparison;
pub use identity::{Identity, Role};
pub use query::LogQuery;
pub use range::RevisionRange;
pub use report::{ReportHistory, ReportRevision, StatusRecord};
pub use setup::{DRIVER, SetupReport, shell_quote};
pub use sync::{Integration, Traveller, Upstream};
pub use timeline::{
    NoteAdded, ParticipantAdded, ProgressPoint, StatusReached, Timeline, Timelines, sparkline,
};
pub use translated::SourceChange;
pub use walk::{Log, LogEntry};

/// Why the history could not be read or written. It reads in the interface language.
#[derive(Debug)]
pub enum HistoryError {
    /// No git repository at or above the workspace.
    NotARepository(PathBuf),
    /// The repository has no working tree.
    Bare(PathBuf),
    /// A revision that does not name a commit.
    UnknownRevision {
        /// What was asked for.
        rev: String,
        /// What git said.
        cause: String,
        /// The branch, tag or baseline probably meant.
        suggestion: Option<String>,
    },
    /// Two revisions with no common ancestor, for `A...B`.
    NoMergeBase {
        /// The first revision.
        a: String,
        /// The second.
        b: String,
    },
    /// The branch has no commits yet, and the command needs one.
    NoCommits,
    /// The year's folder does not exist at a revision.
    NoYearAt {
        /// The year.
        year: i32,
        /// The revision.
        rev: String,
    },
    /// No name or email for commits.
    NoIdentity {
        /// What is missing: "user.name", "user.email" or both.
        missing: String,
    },
    /// A date variable git would read that cannot be read.
    BadDate {
        /// `GIT_AUTHOR_DATE` or `GIT_COMMITTER_DATE`.
        variable: &'static str,
        /// Its value.
        value: String,
    },
    /// A baseline name git cannot use in a tag name.
    BadName(String),
    /// No baseline of that name.
    NoSuchBaseline(String),
    /// A baseline of that name exists already.
    BaselineExists {
        /// The name.
        name: String,
        /// The commit it marks, short id.
        commit: String,
    },
    /// The repository is in the middle of an operation a commit would break.
    InProgress {
        /// What is in progress, as git names the command: `rebase`, `am`, `cherry-pick`,
        /// `revert` or `bisect`.
        operation: &'static str,
    },
    /// The repository's index is locked by another git process, or by one that stopped.
    IndexLocked(PathBuf),
    /// `git commit` did not make the commit (a hook refused it, signing failed…).
    CommitFailed {
        /// Its exit status, if it exited.
        status: Option<i32>,
        /// What git and the hooks printed.
        output: String,
    },
    /// Another git command failed.
    GitFailed {
        /// The command, as `git update-index`.
        command: String,
        /// What it printed.
        output: String,
    },
    /// HEAD is on no branch, so there is nothing to share.
    NoBranch,
    /// The branch has no upstream to share it through.
    NoUpstream {
        /// The branch.
        branch: String,
    },
    /// A git command that merges or talks to a remote failed.
    Transport {
        /// The command, as `git push`.
        command: String,
        /// What it printed.
        output: String,
    },
    /// The git command cannot be run.
    NoGit(std::io::Error),
    /// Reading the programme files failed.
    Store(StoreError),
    /// Anything else git reported.
    Git(git2::Error),
}

impl std::fmt::Display for HistoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |path: &std::path::Path| path.display().to_string();
        f.write_str(&match self {
            HistoryError::NotARepository(dir) => {
                crate::tr!("history-not-a-repository", dir = shown(dir))
            }
            HistoryError::Bare(dir) => crate::tr!("history-bare", dir = shown(dir)),
            HistoryError::UnknownRevision { rev, cause, .. } => crate::tr!(
                "history-unknown-revision",
                rev = rev.as_str(),
                cause = cause.as_str()
            ),
            HistoryError::NoMergeBase { a, b } => {
                crate::tr!("history-no-merge-base", a = a.as_str(), b = b.as_str())
            }
            HistoryError::NoCommits => crate::tr!("history-no-commits"),
            HistoryError::NoYearAt { year, rev } => crate::tr!(
                "history-no-year-at",
                year = year.to_string(),
                rev = rev.as_str()
            ),
            HistoryError::NoIdentity { missing } => {
                crate::tr!("history-no-identity", missing = missing.as_str())
            }
            HistoryError::BadDate { variable, value } => crate::tr!(
                "history-bad-date",
                variable = *variable,
                value = value.as_str()
            ),
            HistoryError::BadName(name) => crate::tr!("history-bad-name", name = name.as_str()),
            HistoryError::NoSuchBaseline(name) => {
                crate::tr!("history-no-such-baseline", name = name.as_str())
            }
            HistoryError::BaselineExists { name, commit } => crate::tr!(
                "history-baseline-exists",
                name = name.as_str(),
                commit = commit.as_str()
            ),
            HistoryError::InProgress { operation, .. } => {
                crate::tr!("history-in-progress", operation = *operation)
            }
            HistoryError::IndexLocked(lock) => {
                crate::tr!("history-index-locked", lock = shown(lock))
            }
            HistoryError::CommitFailed { status, output } => {
                let failed = match status {
                    Some(code) => crate::tr!("history-commit-failed", status = *code),
                    None => crate::tr!("history-commit-stopped"),
                };
                failed + &quoted_output(output)
            }
            HistoryError::GitFailed { command, output } => {
                crate::tr!("history-git-failed", command = command.as_str())
                    + &quoted_output(output)
            }
            HistoryError::NoBranch => crate::tr!("history-no-branch"),
            HistoryError::NoUpstream { branch } => {
                crate::tr!("history-no-upstream", branch = branch.as_str())
            }
            HistoryError::Transport { command, output } => {
                crate::tr!("history-transport", command = command.as_str()) + &quoted_output(output)
            }
            HistoryError::NoGit(error) => crate::tr!("history-no-git", error = error.to_string()),
            HistoryError::Store(error) => error.to_string(),
            HistoryError::Git(error) => format!("git: {}", error.message()),
        })
    }
}

impl std::error::Error for HistoryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HistoryError::NoGit(error) => Some(error),
            HistoryError::Store(error) => error.source(),
            HistoryError::Git(error) => Some(error),
            _ => None,
        }
    }
}

impl From<StoreError> for HistoryError {
    fn from(error: StoreError) -> Self {
        HistoryError::Store(error)
    }
}

impl From<git2::Error> for HistoryError {
    fn from(error: git2::Error) -> Self {
        HistoryError::Git(error)
    }
}

/// What a command printed, on the lines after a message: indented, or nothing.
fn quoted_output(output: &str) -> String {
    if output.trim().is_empty() {
        return String::new();
    }
    let lines: Vec<String> = output.lines().map(|line| format!("\n  {line}")).collect();
    format!(":{}", lines.concat())
}

/// Shorthand for results of this module.
pub type Result<T, E = HistoryError> = std::result::Result<T, E>;

/// A state of the programme: the files on disk, or a commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Revision {
    /// The working tree, as `store::load` reads it.
    WorkingTree,
    /// A commit, by anything git understands (`HEAD~2`, a tag, a short id).
    Commit(String),
}

impl Revision {
    /// `HEAD`.
    pub fn head() -> Self {
        Revision::Commit("HEAD".to_string())
    }
}

impl std::fmt::Display for Revision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Revision::WorkingTree => f.write_str(&crate::tr!("history-working-tree")),
            Revision::Commit(rev) => f.write_str(rev),
        }
    }
}

/// Who made a commit, and when: what every change in the history is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    /// The full commit id.
    pub id: String,
    /// The abbreviated id, as `git log --oneline` shows it.
    pub short: String,
    /// The author's name.
    pub author: String,
    /// The author's email.
    pub email: String,
    /// The author date, in the author's own offset.
    #[serde(serialize_with = "rfc3339")]
    pub date: DateTime<FixedOffset>,
}

impl Stamp {
    /// The author date as `YYYY-MM-DD`.
    pub fn day(&self) -> String {
        self.date.format("%Y-%m-%d").to_string()
    }
}

fn rfc3339<S: Serializer>(date: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&date.to_rfc3339())
}

/// Serialises a [`Plan`] (which is not itself `Serialize`) as `{ programme, activities }`.
pub(crate) fn serialize_plan<S: Serializer>(plan: &Plan, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut state = s.serialize_struct("Plan", 2)?;
    state.serialize_field("programme", &plan.programme)?;
    state.serialize_field("activities", &plan.activities)?;
    state.end()
}

/// A git time as a date with its offset.
pub(crate) fn to_datetime(time: git2::Time) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(time.offset_minutes() * 60).unwrap_or(Utc.fix());
    offset
        .timestamp_opt(time.seconds(), 0)
        .single()
        .unwrap_or_default()
}

/// The repository that holds a workspace.
pub struct Repo {
    git: git2::Repository,
    workspace: Workspace,
    /// The workspace root relative to the repository's working tree, `/`-separated, with a
    /// trailing `/` (empty when the programme is at the top).
    prefix: String,
}

impl Repo {
    /// Opens the repository at or above the workspace root.
    pub fn open(workspace: &Workspace) -> Result<Repo> {
        // Reading objects need not re-hash each one: git itself does not either, and `git fsck`
        // is the tool that checks a repository's integrity.
        git2::opts::strict_hash_verification(false);
        let root = workspace.root();
        let git = git2::Repository::discover(root).map_err(|error| match error.code() {
            git2::ErrorCode::NotFound => HistoryError::NotARepository(root.to_path_buf()),
            _ => HistoryError::Git(error),
        })?;
        let workdir = git
            .workdir()
            .ok_or_else(|| HistoryError::Bare(git.path().to_path_buf()))?;
        let workdir = canonical(workdir);
        let root_abs = canonical(root);
        let relative = root_abs.strip_prefix(&workdir).unwrap_or(Path::new(""));
        let mut prefix: String = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if !prefix.is_empty() {
            prefix.push('/');
        }
        Ok(Repo {
            git,
            workspace: workspace.clone(),
            prefix,
        })
    }

    /// The workspace this repository was opened for.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The repository's working tree.
    pub fn workdir(&self) -> &Path {
        self.git.workdir().unwrap_or_else(|| self.git.path())
    }

    /// Whether the repository is a shallow clone (history cut short).
    pub fn is_shallow(&self) -> bool {
        self.git.is_shallow()
    }

    /// The path of a year's folder inside the repository, `/`-separated.
    pub fn year_path(&self, year: i32) -> String {
        format!("{}{PROGRAMME_DIR}/{year}", self.prefix)
    }

    /// The path of the `programme/` folder inside the repository, `/`-separated.
    pub fn programme_path(&self) -> String {
        format!("{}{PROGRAMME_DIR}", self.prefix)
    }

    /// The commit HEAD points at, or `None` on a branch with no commits yet.
    pub(crate) fn head(&self) -> Result<Option<git2::Oid>> {
        match self.git.head() {
            Ok(head) => Ok(Some(head.peel_to_commit()?.id())),
            Err(error)
                if matches!(
                    error.code(),
                    git2::ErrorCode::UnbornBranch | git2::ErrorCode::NotFound
                ) =>
            {
                Ok(None)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// The commit a revision names: anything git understands (`HEAD~2`, a branch, a tag, a
    /// short id, `main@{1}`), or a baseline by its name (`approved-2021` for
    /// `baseline/approved-2021`).
    pub(crate) fn resolve(&self, rev: &str) -> Result<git2::Oid> {
        if rev == "HEAD" && self.head()?.is_none() {
            return Err(HistoryError::NoCommits);
        }
        let unknown = |error: git2::Error| HistoryError::UnknownRevision {
            rev: rev.to_string(),
            cause: error.message().to_string(),
            suggestion: self.nearest_ref(rev),
        };
        let object = match self.git.revparse_single(rev) {
            Ok(object) => object,
            Err(error) => self
                .git
                .revparse_single(&format!("refs/tags/{BASELINE_PREFIX}{rev}"))
                .map_err(|_| unknown(error))?,
        };
        let commit = object.peel_to_commit().map_err(unknown)?;
        Ok(commit.id())
    }

    /// Whether `rev` names a commit.
    pub fn is_revision(&self, rev: &str) -> bool {
        !rev.is_empty() && self.resolve(rev).is_ok()
    }

    /// The branch, tag or baseline name nearest to `rev`, if one is near enough to be what a
    /// typo meant.
    fn nearest_ref(&self, rev: &str) -> Option<String> {
        let names: Vec<String> = self
            .git
            .references()
            .ok()?
            .flatten()
            .filter_map(|r| r.shorthand().ok().map(str::to_string))
            .chain(["HEAD".to_string()])
            .collect();
        crate::suggest::did_you_mean(rev, names.iter().map(String::as_str)).map(str::to_string)
    }

    /// The abbreviated id of a commit.
    pub(crate) fn short_id(&self, id: git2::Oid) -> String {
        self.git
            .find_object(id, None)
            .and_then(|o| o.short_id())
            .ok()
            .and_then(|buf| buf.as_str().ok().map(str::to_string))
            .unwrap_or_else(|| id.to_string().chars().take(7).collect())
    }

    /// Who made a commit and when.
    pub(crate) fn stamp(&self, commit: &git2::Commit) -> Stamp {
        let author = commit.author();
        Stamp {
            id: commit.id().to_string(),
            short: self.short_id(commit.id()),
            author: String::from_utf8_lossy(author.name_bytes()).into_owned(),
            email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
            date: to_datetime(author.when()),
        }
    }

    /// Who made the commit a revision names, and when.
    pub fn stamp_of(&self, rev: &str) -> Result<Stamp> {
        let id = self.resolve(rev)?;
        Ok(self.stamp(&self.git.find_commit(id)?))
    }

    /// A year of the programme at a revision, read through the same parser as files on disk.
    pub fn load(&self, revision: &Revision, year: i32) -> Result<Loaded> {
        match revision {
            Revision::WorkingTree => Ok(store::load(&self.workspace, year)?),
            Revision::Commit(rev) => {
                let id = self.resolve(rev)?;
                self.load_commit(id, year)?
                    .ok_or_else(|| HistoryError::NoYearAt {
                        year,
                        rev: rev.clone(),
                    })
            }
        }
    }

    /// The year as HEAD has it; an empty plan when there are no commits yet or HEAD has no
    /// such year.
    pub fn committed_plan(&self, year: i32) -> Result<Plan> {
        match self.head()? {
            Some(id) => Ok(self
                .load_commit(id, year)?
                .map(|loaded| loaded.plan)
                .unwrap_or_default()),
            None => Ok(Plan::default()),
        }
    }

    /// A year at a commit, or `None` when the year has no folder there.
    pub(crate) fn load_commit(&self, id: git2::Oid, year: i32) -> Result<Option<Loaded>> {
        Ok(self
            .files_at(id, year)?
            .map(|(programme, activities)| store::assemble(year, programme, activities)))
    }

    /// A year at a revision as `check` reads it: with where every key of each file is (see
    /// [`store::load_located`]), the paths those of the revision.
    pub fn load_located(&self, rev: &str, year: i32) -> Result<(Loaded, Vec<Option<Tree>>)> {
        let id = self.resolve(rev)?;
        let (programme, activities) =
            self.files_at(id, year)?
                .ok_or_else(|| HistoryError::NoYearAt {
                    year,
                    rev: rev.to_string(),
                })?;
        Ok(store::assemble_located(year, programme, activities))
    }

    /// The latest year whose folder the revision `rev` holds.
    pub fn latest_year_at(&self, rev: &str) -> Result<Option<i32>> {
        let id = self.resolve(rev)?;
        let tree = self.git.find_commit(id)?.tree()?;
        let Some(dir) = subtree(&self.git, &tree, &self.programme_path())? else {
            return Ok(None);
        };
        Ok(dir
            .iter()
            .filter(|entry| entry.kind() == Some(git2::ObjectType::Tree))
            .filter_map(|entry| entry.name().ok()?.parse::<i32>().ok())
            .max())
    }

    /// The bytes of a year's programme file and activity files at a commit, or `None` when
    /// the year has no folder there.
    fn files_at(&self, id: git2::Oid, year: i32) -> Result<Option<(RawFile, Vec<RawFile>)>> {
        let commit = self.git.find_commit(id)?;
        let tree = commit.tree()?;
        let year_path = self.year_path(year);
        let Some(year_tree) = subtree(&self.git, &tree, &year_path)? else {
            return Ok(None);
        };
        let programme = match year_tree.get_name(PROGRAMME_FILE) {
            Some(entry) => self.blob_bytes(entry.id())?,
            None => Vec::new(),
        };
        let relative = |name: &str| PathBuf::from(format!("{PROGRAMME_DIR}/{year}/{name}"));
        let programme = RawFile::new(relative(PROGRAMME_FILE), programme);
        let mut activities = Vec::new();
        if let Some(entry) = year_tree.get_name(ACTIVITIES_DIR)
            && let Ok(dir) = self.git.find_tree(entry.id())
        {
            for entry in dir.iter() {
                let Ok(name) = entry.name() else { continue };
                if !name.ends_with(".toml") || entry.kind() != Some(git2::ObjectType::Blob) {
                    continue;
                }
                activities.push(RawFile::new(
                    relative(&format!("{ACTIVITIES_DIR}/{name}")),
                    self.blob_bytes(entry.id())?,
                ));
            }
        }
        Ok(Some((programme, activities)))
    }

    /// The bytes of a blob, for the store to decode.
    fn blob_bytes(&self, id: git2::Oid) -> Result<Vec<u8>> {
        Ok(self.git.find_blob(id)?.content().to_vec())
    }
}

/// The tree at `path` (`/`-separated) under `tree`, if there is one.
fn subtree<'r>(
    git: &'r git2::Repository,
    tree: &git2::Tree,
    path: &str,
) -> Result<Option<git2::Tree<'r>>> {
    match tree.get_path(Path::new(path)) {
        Ok(entry) if entry.kind() == Some(git2::ObjectType::Tree) => {
            Ok(Some(git.find_tree(entry.id())?))
        }
        Ok(_) => Ok(None),
        Err(error) if error.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(error) => Err(error.into()),
    }
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_times_keep_their_offset() {
        let date = to_datetime(git2::Time::new(1_623_837_600, 120));
        assert_eq!(date.to_rfc3339(), "2021-06-16T12:00:00+02:00");
    }
}
