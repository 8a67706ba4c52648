//! Committing the programme files that changed, and nothing else, through `git commit` itself.
//!
//! Only the files programa owns are recorded: `programme/<year>/programme.toml` and
//! `programme/<year>/activities/*.toml`. The commit is made by the real `git commit`, so the
//! repository's hooks, `commit.gpgsign`, the identity and the conclusion of a merge are what
//! git makes of them. It commits a temporary index (`GIT_INDEX_FILE`): HEAD's tree with the
//! owned files that changed (during a merge, the merge's index with them), so whatever else the
//! user has staged or left dirty stays as it was. The repository's own index is locked the way
//! git locks it (`index.lock`, created only if absent) for the whole time; its new content —
//! the old one with the committed files updated — is prepared before the commit and put in
//! place only once the commit is made. If anything fails, the lock is removed and nothing has
//! changed: no commit, no ref moved, the index as it was.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::git_cli::printed;
use super::{HistoryError, Repo, Result, Stamp};
use crate::store::{ACTIVITIES_DIR, PROGRAMME_FILE, StoreError, write::write_file};

/// A programme file whose content differs from HEAD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathChange {
    /// The path inside the repository, `/`-separated.
    pub path: String,
    /// Whether the file was deleted.
    pub deleted: bool,
}

/// What differs from HEAD under `programme/`, as a commit sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkingChanges {
    /// The files programa owns that changed (or are in conflict): what a commit records.
    pub owned: Vec<PathChange>,
    /// Every other new, changed or deleted file under `programme/` (ignored files left out),
    /// repository paths: a commit never records them.
    pub others: Vec<String>,
}

/// What kind of commit the repository's state calls for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitKind {
    /// An ordinary commit on HEAD.
    Plain,
    /// The commit that concludes a merge in progress.
    Merge {
        /// What is being merged, as git's own message says it ("Merge branch 'other'").
        merging: String,
    },
}

/// A commit made by [`Repo::commit_programme`].
#[derive(Debug, Clone, Serialize)]
pub struct Committed {
    /// Who and when.
    pub commit: Stamp,
    /// The files it recorded.
    pub files: Vec<PathChange>,
    /// The message as recorded (a `commit-msg` hook may have changed it).
    pub message: String,
    /// What git and the repository's hooks printed, if anything.
    pub output: String,
}

impl Repo {
    /// The year folder a programme file is in (`programme/2021/...`), if it is in one.
    pub fn year_of(&self, change: &PathChange) -> Option<i32> {
        let rest = change.path.strip_prefix(&self.programme_path())?;
        rest.strip_prefix('/')?.split('/').next()?.parse().ok()
    }

    /// Whether `path` (a repository path) is a file programa owns: a year's programme file or
    /// one of its activity files.
    pub fn owns(&self, path: &str) -> bool {
        let Some(rest) = path
            .strip_prefix(&self.programme_path())
            .and_then(|rest| rest.strip_prefix('/'))
        else {
            return false;
        };
        let parts: Vec<&str> = rest.split('/').collect();
        let year = parts.first().is_some_and(|y| y.parse::<i32>().is_ok());
        year && match parts[1..] {
            [file] => file == PROGRAMME_FILE,
            [dir, file] => {
                dir == ACTIVITIES_DIR && file.ends_with(".toml") && !file.starts_with('.')
            }
            _ => false,
        }
    }

    /// The files under `programme/` that differ from HEAD (all of them on a branch with no
    /// commits yet), ignored files left out: those programa owns, and the others.
    pub fn programme_changes(&self) -> Result<WorkingChanges> {
        let folder = self.programme_path();
        let mut options = git2::StatusOptions::new();
        options
            .include_untracked(true)
            .recurse_untracked_dirs(true)
            .include_ignored(false)
            .include_unmodified(false)
            .pathspec(&folder);
        let statuses = self.git.statuses(Some(&mut options))?;
        let head_tree = match self.head()? {
            Some(id) => Some(self.git.find_commit(id)?.tree()?),
            None => None,
        };
        let mut changes = WorkingChanges::default();
        for entry in statuses.iter() {
            let Ok(path) = entry.path() else { continue };
            if !path.starts_with(&format!("{folder}/")) {
                continue;
            }
            if !self.owns(path) {
                changes.others.push(path.to_string());
                continue;
            }
            let on_disk = self.workdir().join(path);
            let in_head = head_tree
                .as_ref()
                .and_then(|tree| tree.get_path(Path::new(path)).ok())
                .map(|entry| entry.id());
            let conflicted = entry.status().is_conflicted();
            let change = if on_disk.is_file() {
                let blob = self.git.blob_path(&on_disk)?;
                (conflicted || in_head != Some(blob)).then_some(false)
            } else {
                (conflicted || in_head.is_some()).then_some(true)
            };
            if let Some(deleted) = change {
                changes.owned.push(PathChange {
                    path: path.to_string(),
                    deleted,
                });
            }
        }
        changes.owned.sort_by(|a, b| a.path.cmp(&b.path));
        changes.owned.dedup();
        changes.others.sort();
        changes.others.dedup();
        Ok(changes)
    }

    /// The commit the repository's state calls for: a plain one, or the one that concludes a
    /// merge; during a rebase, cherry-pick, revert, `git am` or bisection, an error saying
    /// what to run instead.
    pub fn commit_kind(&self) -> Result<CommitKind> {
        use git2::RepositoryState as State;
        let operation = match self.git.state() {
            State::Clean => return Ok(CommitKind::Plain),
            State::Merge => {
                return Ok(CommitKind::Merge {
                    merging: self.merging(),
                });
            }
            State::Rebase | State::RebaseInteractive | State::RebaseMerge => "rebase",
            State::ApplyMailbox | State::ApplyMailboxOrRebase => "am",
            State::CherryPick | State::CherryPickSequence => "cherry-pick",
            State::Revert | State::RevertSequence => "revert",
            State::Bisect => "bisect",
        };
        Err(HistoryError::InProgress { operation })
    }

    /// What a merge in progress merges: the first line of git's `MERGE_MSG`, else the commits
    /// of `MERGE_HEAD`.
    fn merging(&self) -> String {
        let message =
            std::fs::read_to_string(self.git.path().join("MERGE_MSG")).unwrap_or_default();
        if let Some(line) = message
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty() && !line.starts_with('#'))
        {
            return line.to_string();
        }
        let heads = std::fs::read_to_string(self.git.path().join("MERGE_HEAD")).unwrap_or_default();
        let heads: Vec<String> = heads
            .split_whitespace()
            .map(|id| match git2::Oid::from_str(id) {
                Ok(id) => self.short_id(id),
                Err(_) => id.to_string(),
            })
            .collect();
        format!("Merge {}", heads.join(", "))
    }

    /// The short id HEAD is detached at, or `None` when HEAD is on a branch (or unborn).
    pub fn detached_head(&self) -> Result<Option<String>> {
        if !self.git.head_detached()? {
            return Ok(None);
        }
        Ok(self.head()?.map(|id| self.short_id(id)))
    }

    /// Commits `files` (owned files from [`programme_changes`](Repo::programme_changes)) with
    /// `message` through `git commit`, as [`CommitKind`] says; see the module's documentation
    /// for how nothing changes when it fails.
    pub fn commit_programme(
        &self,
        files: &[PathChange],
        message: &str,
        kind: &CommitKind,
    ) -> Result<Committed> {
        let index = self.git.path().join("index");
        let lock = IndexLock::take(&index)?;
        let state = self.workspace.state_dir();
        std::fs::create_dir_all(&state).map_err(StoreError::io("cannot create", &state))?;
        let scratch = Scratch {
            commit_index: state.join("commit-index"),
            next_index: state.join("next-index"),
            message: state.join("commit-message"),
        };
        scratch.clear();
        let paths: Vec<&str> = files.iter().map(|file| file.path.as_str()).collect();

        // The index once committed: the repository's own, with the files updated.
        if index.is_file() {
            copy_index(&index, &scratch.next_index)?;
        }
        self.stage(&scratch.next_index, &paths)?;
        // What is committed: HEAD's tree with the files updated (the merge's index, in a merge).
        match kind {
            CommitKind::Merge { .. } => copy_index(&scratch.next_index, &scratch.commit_index)?,
            CommitKind::Plain => {
                if self.head()?.is_some() {
                    self.git_cli(&["read-tree", "HEAD"], Some(&scratch.commit_index))?;
                }
                self.stage(&scratch.commit_index, &paths)?;
            }
        }
        write_file(&scratch.message, message.as_bytes())?;

        let before = self.head()?;
        let message_path = scratch.message.to_string_lossy().into_owned();
        let output = self.git_cli_output(
            &["commit", "--quiet", "--file", &message_path],
            Some(&scratch.commit_index),
        )?;
        let printed = printed(&output);
        // Whether the commit was made is whether HEAD moved: git can fail after moving it (in
        // a hook that runs after), and the index must then follow.
        let id = match self.head()? {
            Some(after) if Some(after) != before => after,
            _ => {
                return Err(HistoryError::CommitFailed {
                    status: output.status.code(),
                    output: printed,
                });
            }
        };
        lock.replace_with(&scratch.next_index)?;
        let commit = self.git.find_commit(id)?;
        Ok(Committed {
            commit: self.stamp(&commit),
            files: files.to_vec(),
            message: String::from_utf8_lossy(commit.message_bytes()).into_owned(),
            output: printed,
        })
    }

    /// Updates the index file `index` for `paths` from the working tree, as `git add` would:
    /// new and changed files staged, missing ones removed.
    fn stage(&self, index: &Path, paths: &[&str]) -> Result<()> {
        if paths.is_empty() {
            return Ok(());
        }
        let mut args = vec!["update-index", "--add", "--remove", "--"];
        args.extend_from_slice(paths);
        self.git_cli(&args, Some(index))?;
        Ok(())
    }
}

/// Copies the index file `from` to `to` with its modification time: git compares the time of
/// an index with those of the files it lists to tell a file changed in the same second as the
/// index was written ("racily clean"), so a copy dated now would take such a change for none.
fn copy_index(from: &Path, to: &Path) -> Result<()> {
    let modified = std::fs::metadata(from)
        .and_then(|metadata| metadata.modified())
        .map_err(StoreError::io("cannot read", from))?;
    std::fs::copy(from, to).map_err(StoreError::io("cannot copy", from))?;
    std::fs::File::options()
        .write(true)
        .open(to)
        .and_then(|file| file.set_modified(modified))
        .map_err(StoreError::io("cannot write", to))?;
    Ok(())
}

/// The files a commit works with in the state folder, removed when it is done.
struct Scratch {
    commit_index: PathBuf,
    next_index: PathBuf,
    message: PathBuf,
}

impl Scratch {
    fn clear(&self) {
        for path in [&self.commit_index, &self.next_index, &self.message] {
            let _ = std::fs::remove_file(path);
            let _ = std::fs::remove_file(path.with_extension("lock"));
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        self.clear();
    }
}

/// The repository index's lock file, `index.lock`, held as git holds it: created only if
/// absent, and removed when dropped unless it became the new index.
struct IndexLock {
    lock: PathBuf,
    index: PathBuf,
    held: bool,
}

impl IndexLock {
    /// Takes the lock of `index`, or says that something else holds it.
    fn take(index: &Path) -> Result<IndexLock> {
        let lock = index.with_extension("lock");
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&lock)
        {
            Ok(_) => Ok(IndexLock {
                lock,
                index: index.to_path_buf(),
                held: true,
            }),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(HistoryError::IndexLocked(lock))
            }
            Err(error) => Err(StoreError::io("cannot create", &lock)(error).into()),
        }
    }

    /// Makes `next` the index, through the lock file as git does; a missing `next` (nothing
    /// was staged in a repository without an index) leaves the index as it was.
    fn replace_with(mut self, next: &Path) -> Result<()> {
        if !next.is_file() {
            return Ok(());
        }
        std::fs::rename(next, &self.lock).map_err(StoreError::io("cannot replace", &self.lock))?;
        std::fs::rename(&self.lock, &self.index)
            .map_err(StoreError::io("cannot replace", &self.index))?;
        self.held = false;
        Ok(())
    }
}

impl Drop for IndexLock {
    fn drop(&mut self) {
        if self.held {
            let _ = std::fs::remove_file(&self.lock);
        }
    }
}
