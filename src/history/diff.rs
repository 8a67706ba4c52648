//! What changed between two states of a year, reading only the files that differ.
//!
//! Two commits: their year folders are compared entry by entry by id, as git's own tree diff
//! does, and only the blobs that differ are read and parsed. A commit and the working tree:
//! libgit2 compares the commit's tree with the working tree through the index, as `git diff
//! HEAD` does — a file whose stat data matches its index entry is taken to hold the blob the
//! index names, and only files whose stat data changed are hashed — and only the files found
//! to differ are read. Files that are the same on both sides cannot change the comparison, so
//! the answer is the one comparing the two whole plans gives, as long as no two activities on
//! a side share a code (which `check` refuses).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use super::walk::{Recent, compare_year_trees};
use super::{HistoryError, Repo, Result, Revision, subtree};
use crate::changes::{self, PlanChanges};
use crate::model::{Activity, WorkProgramme, code_sort_key};
use crate::store::conflict::FileConflict;
use crate::store::{self, ACTIVITIES_DIR, PROGRAMME_DIR, PROGRAMME_FILE, RawFile};

/// What changed between two states of a year.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// The changes, as [`changes::compare`] gives them for the two plans.
    pub changes: PlanChanges,
    /// The states at which a file that differs could be read only partly (or not at all):
    /// what could not be read is left out of the changes. A file read from one side of an
    /// unresolved conflict counts as read.
    pub partly_read: Vec<Revision>,
    /// The files that differ and hold unresolved conflicts in the older state (the programme
    /// file first, then in name order).
    pub old_conflicts: Vec<FileConflict>,
    /// Likewise in the newer state.
    pub new_conflicts: Vec<FileConflict>,
}

/// A commit's side of a comparison: its whole tree (for libgit2's diff with the working tree)
/// and its year folder; neither when the year or the commit is missing.
struct CommitSide<'r> {
    root: Option<git2::Tree<'r>>,
    year: Option<git2::Tree<'r>>,
}

/// One side's version of a file that differs: its bytes, or already read from disk.
enum Version {
    Absent,
    Bytes(RawFile),
    Read(Box<store::ParsedActivity>),
}

impl Repo {
    /// What changed from `from` to `to` in `year`: the changes [`changes::compare`] finds
    /// between the two plans, reading only the files that differ.
    ///
    /// A year missing at a revision, or (for `from`) a branch with no commits yet, is an
    /// empty plan, so that everything shows as added.
    pub fn compare_states(&self, from: &Revision, to: &Revision, year: i32) -> Result<Comparison> {
        let old = self.side(from, year, true)?;
        let new = self.side(to, year, false)?;
        match (old, new) {
            (Some(old), Some(new)) => self.compare_commits(&old, &new, year, from, to),
            (Some(old), None) => self.compare_with_working_tree(&old, year, from, to, false),
            (None, Some(new)) => self.compare_with_working_tree(&new, year, to, from, true),
            // The working tree with itself: nothing differs.
            (None, None) => Ok(Comparison::default()),
        }
    }

    /// The commit side of a revision; `None` for the working tree.
    fn side(&self, revision: &Revision, year: i32, older: bool) -> Result<Option<CommitSide<'_>>> {
        let Revision::Commit(rev) = revision else {
            return Ok(None);
        };
        let id = match self.resolve(rev) {
            Ok(id) => id,
            Err(HistoryError::NoCommits) if older => {
                return Ok(Some(CommitSide {
                    root: None,
                    year: None,
                }));
            }
            Err(error) => return Err(error),
        };
        let root = self.git.find_commit(id)?.tree()?;
        let year = subtree(&self.git, &root, &self.year_path(year))?;
        Ok(Some(CommitSide {
            root: Some(root),
            year,
        }))
    }

    /// Two commits: their year folders compared by id, the blobs that differ parsed.
    fn compare_commits(
        &self,
        old: &CommitSide,
        new: &CommitSide,
        year: i32,
        from: &Revision,
        to: &Revision,
    ) -> Result<Comparison> {
        let trees = Recent::new(&self.git);
        let changed = compare_year_trees(&trees, old.year.as_ref(), new.year.as_ref())?;
        let mut olds = Vec::with_capacity(changed.len());
        let mut news = Vec::with_capacity(changed.len());
        let present = |id: git2::Oid| (!id.is_zero()).then_some(id);
        for (name, old_id, new_id) in &changed {
            olds.push((
                name.clone(),
                self.version(old, year, name, present(*old_id))?,
            ));
            news.push((
                name.clone(),
                self.version(new, year, name, present(*new_id))?,
            ));
        }
        Ok(compare_versions(olds, news, from, to))
    }

    /// A commit and the working tree, `commit` being the newer side when `reversed`.
    fn compare_with_working_tree(
        &self,
        commit: &CommitSide,
        year: i32,
        commit_rev: &Revision,
        working: &Revision,
        reversed: bool,
    ) -> Result<Comparison> {
        let listing = store::list(&self.workspace, year)?;
        let year_path = self.year_path(year);
        let mut options = git2::DiffOptions::new();
        options
            .pathspec(format!("{year_path}/"))
            .include_untracked(true)
            .recurse_untracked_dirs(true)
            .include_ignored(true)
            .recurse_ignored_dirs(true)
            .include_typechange(true)
            .skip_binary_check(true);
        let diff = self
            .git
            .diff_tree_to_workdir_with_index(commit.root.as_ref(), Some(&mut options))?;
        let prefix = format!("{year_path}/");
        let mut differing = BTreeSet::new();
        for delta in diff.deltas() {
            for file in [delta.old_file(), delta.new_file()] {
                let Some(path) = file.path().and_then(|p| p.to_str()) else {
                    continue;
                };
                if let Some(name) = path.strip_prefix(&prefix)
                    && is_year_file(name)
                {
                    differing.insert(name.to_string());
                }
            }
        }
        // git records where a link points, not what it holds: read links always.
        let year_dir = self.workspace.year_dir(year);
        let name_of = |path: &PathBuf| {
            let relative = path.strip_prefix(&year_dir).ok()?;
            let parts: Vec<&str> = relative
                .components()
                .map(|c| c.as_os_str().to_str())
                .collect::<Option<_>>()?;
            Some(parts.join("/"))
        };
        differing.extend(listing.links.iter().filter_map(name_of));

        let paths: Vec<PathBuf> = listing
            .files
            .iter()
            .filter(|path| name_of(path).is_some_and(|name| differing.contains(&name)))
            .cloned()
            .collect();
        let mut read: HashMap<PathBuf, store::ParsedActivity> =
            store::read_activities(&self.workspace, &paths)?
                .into_iter()
                .map(|parsed| (parsed.0.path.clone(), parsed))
                .collect();
        let mut working_versions = Vec::with_capacity(differing.len());
        let mut commit_versions = Vec::with_capacity(differing.len());
        for name in &differing {
            let relative = PathBuf::from(format!("{PROGRAMME_DIR}/{year}/{name}"));
            let on_disk = if name == PROGRAMME_FILE {
                Version::Bytes(listing.programme.clone())
            } else {
                read.remove(&relative)
                    .map_or(Version::Absent, |parsed| Version::Read(Box::new(parsed)))
            };
            working_versions.push((name.clone(), on_disk));
            let id = year_file_id(commit.year.as_ref(), name);
            commit_versions.push((name.clone(), self.version(commit, year, name, id)?));
        }
        Ok(if reversed {
            compare_versions(working_versions, commit_versions, working, commit_rev)
        } else {
            compare_versions(commit_versions, working_versions, commit_rev, working)
        })
    }

    /// A commit's version of a year file: the blob's bytes; a missing programme file reads as
    /// an empty one where the year folder exists, as it does when the whole year is read.
    fn version(
        &self,
        side: &CommitSide,
        year: i32,
        name: &str,
        id: Option<git2::Oid>,
    ) -> Result<Version> {
        let path = PathBuf::from(format!("{PROGRAMME_DIR}/{year}/{name}"));
        Ok(match id {
            Some(id) => Version::Bytes(RawFile::new(path, self.blob_bytes(id)?)),
            None if name == PROGRAMME_FILE && side.year.is_some() => {
                Version::Bytes(RawFile::new(path, Vec::new()))
            }
            None => Version::Absent,
        })
    }
}

/// Whether a path inside a year folder is one the store reads: the programme file, or a
/// `.toml` file directly in the activities folder.
fn is_year_file(name: &str) -> bool {
    name == PROGRAMME_FILE
        || name
            .strip_prefix(ACTIVITIES_DIR)
            .and_then(|rest| rest.strip_prefix('/'))
            .is_some_and(|file| file.ends_with(".toml") && !file.contains('/'))
}

/// The blob of a year file in a year folder, if it is there as a file.
fn year_file_id(year: Option<&git2::Tree>, name: &str) -> Option<git2::Oid> {
    let entry = year?.get_path(std::path::Path::new(name)).ok()?;
    (entry.kind() == Some(git2::ObjectType::Blob)).then(|| entry.id())
}

/// The changes between the two sides' versions of the files that differ (the same names, in
/// name order, on both sides).
fn compare_versions(
    old: Vec<(String, Version)>,
    new: Vec<(String, Version)>,
    from: &Revision,
    to: &Revision,
) -> Comparison {
    let mut comparison = Comparison::default();
    let old = read_side(old);
    let new = read_side(new);
    for (partly, revision) in [(old.partly, from), (new.partly, to)] {
        if partly {
            comparison.partly_read.push(revision.clone());
        }
    }
    if let (Some(old), Some(new)) = (&old.programme, &new.programme) {
        comparison.changes.programme = changes::compare_programmes(old, new);
    }
    let old_activities: Vec<&Activity> = old.activities.iter().collect();
    let new_activities: Vec<&Activity> = new.activities.iter().collect();
    comparison.changes.activities = changes::compare_activities(&old_activities, &new_activities);
    comparison.old_conflicts = old.conflicts;
    comparison.new_conflicts = new.conflicts;
    comparison
}

/// One side's reading of the files that differ.
#[derive(Default)]
struct Side {
    /// Its activities, in the order a plan keeps them: by code, then by file name.
    activities: Vec<Activity>,
    /// Its programme file, if that differs.
    programme: Option<WorkProgramme>,
    /// The files with unresolved conflicts: the programme file first, then by name.
    conflicts: Vec<FileConflict>,
    /// Whether a file was read only partly (one read from one side of a conflict counts as
    /// read).
    partly: bool,
}

impl Side {
    /// Notes a file's findings: its conflicts, and whether it was read only partly.
    fn note<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
        &mut self,
        source: &store::Source,
        findings: &[crate::diagnostic::Finding],
    ) {
        let conflict = store::conflict_in::<T>(source, findings);
        let one_side = conflict.as_ref().is_some_and(|c| c.shown.is_some());
        self.partly |= !one_side && findings.iter().any(|f| f.is_error());
        self.conflicts.extend(conflict);
    }
}

/// One side's versions of the files that differ, read.
fn read_side(versions: Vec<(String, Version)>) -> Side {
    let mut side = Side::default();
    let mut programme_conflict = None;
    for (name, version) in versions {
        if name == PROGRAMME_FILE {
            // A year missing on this side is an empty plan.
            side.programme = Some(match version {
                Version::Bytes(file) => {
                    let (source, value, findings) = store::read_file::<WorkProgramme>(file);
                    let before = side.conflicts.len();
                    side.note::<WorkProgramme>(&source, &findings);
                    programme_conflict = side.conflicts.drain(before..).next();
                    value.unwrap_or_default()
                }
                _ => WorkProgramme::default(),
            });
            continue;
        }
        let (source, value, findings) = match version {
            Version::Absent => continue,
            Version::Bytes(file) => store::read_file::<Activity>(file),
            Version::Read(parsed) => *parsed,
        };
        side.note::<Activity>(&source, &findings);
        side.activities.extend(value);
    }
    if let Some(conflict) = programme_conflict {
        side.conflicts.insert(0, conflict);
    }
    // A plan keeps its activities sorted by code, files of one code in name order.
    side.activities
        .sort_by_cached_key(|a| code_sort_key(&a.code));
    side
}
