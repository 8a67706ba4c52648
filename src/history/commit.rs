//! Committing the programme files that changed, and nothing else.
//!
//! The commit's tree is HEAD's tree with only the changed programme files replaced, built in
//! an in-memory index: whatever else the user has staged or left dirty stays as it was, staged
//! or not. The repository's index is then updated for those files alone.

use std::path::Path;

use serde::Serialize;

use super::identity::Role;
use super::{Repo, Result, Stamp};

/// A programme file whose content differs from HEAD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathChange {
    /// The path inside the repository, `/`-separated.
    pub path: String,
    /// Whether the file was deleted.
    pub deleted: bool,
}

/// A commit made by [`Repo::commit_programme`].
#[derive(Debug, Clone, Serialize)]
pub struct Committed {
    /// Who and when.
    pub commit: Stamp,
    /// The files it recorded.
    pub files: Vec<PathChange>,
}

impl Repo {
    /// The year folder a programme file is in (`programme/2021/...`), if it is in one.
    pub fn year_of(&self, change: &PathChange) -> Option<i32> {
        let rest = change.path.strip_prefix(&self.programme_path())?;
        rest.strip_prefix('/')?.split('/').next()?.parse().ok()
    }

    /// The files under `programme/` whose content differs from HEAD (all of them on a branch
    /// with no commits yet), ignored files left out.
    pub fn programme_changes(&self) -> Result<Vec<PathChange>> {
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
        let mut changes = Vec::new();
        for entry in statuses.iter() {
            let Ok(path) = entry.path() else { continue };
            if !path.starts_with(&format!("{folder}/")) {
                continue;
            }
            let on_disk = self.workdir().join(path);
            let in_head = head_tree
                .as_ref()
                .and_then(|tree| tree.get_path(Path::new(path)).ok())
                .map(|entry| entry.id());
            let change = if on_disk.is_file() {
                let blob = self.git.blob_path(&on_disk)?;
                (in_head != Some(blob)).then_some(false)
            } else {
                in_head.is_some().then_some(true)
            };
            if let Some(deleted) = change {
                changes.push(PathChange {
                    path: path.to_string(),
                    deleted,
                });
            }
        }
        changes.sort_by(|a, b| a.path.cmp(&b.path));
        changes.dedup();
        Ok(changes)
    }

    /// Commits `files` (from [`programme_changes`](Repo::programme_changes)) with `message`,
    /// authored and committed by the user's identity, on the current branch (or detached HEAD,
    /// or the first commit of an unborn branch).
    pub fn commit_programme(&self, files: &[PathChange], message: &str) -> Result<Committed> {
        let author = self.identity(Role::Author)?.signature()?;
        let committer = self.identity(Role::Committer)?.signature()?;
        let parent = match self.head()? {
            Some(id) => Some(self.git.find_commit(id)?),
            None => None,
        };
        let mut index = git2::Index::new()?;
        if let Some(parent) = &parent {
            index.read_tree(&parent.tree()?)?;
        }
        for file in files {
            if file.deleted {
                index.remove(Path::new(&file.path), 0)?;
            } else {
                let blob = self.git.blob_path(&self.workdir().join(&file.path))?;
                index.add(&index_entry(&file.path, blob))?;
            }
        }
        let tree_id = index.write_tree_to(&self.git)?;
        let tree = self.git.find_tree(tree_id)?;
        let parents: Vec<&git2::Commit> = parent.iter().collect();
        let id = self
            .git
            .commit(Some("HEAD"), &author, &committer, message, &tree, &parents)?;

        let mut real = self.git.index()?;
        for file in files {
            if file.deleted {
                real.remove_path(Path::new(&file.path))?;
            } else {
                real.add_path(Path::new(&file.path))?;
            }
        }
        real.write()?;
        let commit = self.git.find_commit(id)?;
        Ok(Committed {
            commit: self.stamp(&commit),
            files: files.to_vec(),
        })
    }
}

/// An index entry for a regular file with this blob.
fn index_entry(path: &str, id: git2::Oid) -> git2::IndexEntry {
    let time = git2::IndexTime::new(0, 0);
    git2::IndexEntry {
        ctime: time,
        mtime: time,
        dev: 0,
        ino: 0,
        mode: 0o100_644,
        uid: 0,
        gid: 0,
        file_size: 0,
        id,
        flags: path.len().min(0xfff) as u16,
        flags_extended: 0,
        path: path.as_bytes().to_vec(),
    }
}
