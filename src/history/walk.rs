//! One walk over the history of a year: what each commit changed, as meaning.
//!
//! The walk visits the commits given, oldest first (topological order). A commit whose year
//! folder has the same tree id as a parent's changed nothing there and costs one lookup;
//! otherwise one pass over the two activities folders (the parent's still at hand from the
//! commit before), comparing entry ids in their sorted order as git's tree diff does, names
//! the files whose blob changed, and only those are parsed, each blob at most once. A merge
//! changed a file only when its blob differs from every parent (git's rule), so a change made
//! on a branch is attributed to the branch commit that made it, not to the merge. The walk
//! itself only reads each commit's year folder id; comparing the folders of runs of
//! consecutive commits and parsing, the costly parts, run on rayon's threads while it goes
//! on, and the parts of a file already read in an earlier version are not read again
//! (see the `parts` module).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::path::Path;
use std::sync::Arc;
use std::sync::{Mutex, mpsc};

use serde::Serialize;

use super::parts::Parts;
use super::{Repo, Result, Stamp};
use crate::changes::{self, PlanChanges};
use crate::model::{Activity, WorkProgramme};
use crate::store::conflict::has_markers;
use crate::store::{self, ACTIVITIES_DIR, PROGRAMME_DIR, PROGRAMME_FILE, RawFile};

/// The history of a year's programme: one entry per commit that changed it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Log {
    /// The year.
    pub year: i32,
    /// Commits that changed the programme, oldest first.
    pub entries: Vec<LogEntry>,
    /// Problems met on the way (a file that did not parse at some revision, a shallow clone).
    pub warnings: Vec<String>,
}

/// What one commit changed.
#[derive(Debug, Clone, Serialize)]
pub struct LogEntry {
    /// The commit, its author and date.
    pub commit: Stamp,
    /// The first line of its message.
    pub summary: String,
    /// What it changed.
    pub changes: PlanChanges,
}

impl Log {
    /// The entries that touch one activity, following it back through renames: the changes
    /// listed in each are only that activity's.
    pub fn for_activity(&self, code: &str) -> Vec<LogEntry> {
        let mut names: HashSet<String> = HashSet::from([code.to_string()]);
        let mut kept = Vec::new();
        for entry in self.entries.iter().rev() {
            let mine = changes_of(&entry.changes, &mut names);
            if mine.is_empty() {
                continue;
            }
            kept.push(LogEntry {
                commit: entry.commit.clone(),
                summary: entry.summary.clone(),
                changes: PlanChanges {
                    programme: Vec::new(),
                    activities: mine,
                },
            });
        }
        kept.reverse();
        kept
    }
}

/// The changes of the activities named `names` (one activity's codes, newest first), and the
/// code each was renamed from added to `names`: a log read newest first follows an activity
/// back through its renames.
pub(super) fn changes_of(
    changes: &PlanChanges,
    names: &mut HashSet<String>,
) -> Vec<changes::ActivityChange> {
    let mine: Vec<_> = changes
        .activities
        .iter()
        .filter(|c| names.contains(&c.code))
        .cloned()
        .collect();
    for change in &mine {
        if let changes::ChangeKind::Renamed { from } = &change.kind {
            names.insert(from.clone());
        }
    }
    mine
}

/// A changed file of a year folder: its path in the folder, its old and new blob (zero when
/// absent on that side).
pub(super) type Changed = (String, git2::Oid, git2::Oid);

/// A commit that changed files of the year: who and when, its summary line, the files.
type Pending = (Stamp, String, Vec<Changed>);

/// One commit that changed files of the year, as the walk read it.
#[derive(Debug, Clone)]
pub(super) struct Walked {
    /// The commit, its author and date.
    pub stamp: Stamp,
    /// The first line of its message.
    pub summary: String,
    /// What it changed.
    pub changes: PlanChanges,
    /// Warnings about its files: the file's path in the year folder, and the warning.
    pub problems: Vec<(String, String)>,
}

/// A file of the year folder as the walk sees it.
enum YearFile {
    Programme,
    Activity,
}

fn classify(path: &Path) -> Option<YearFile> {
    let text = path.to_str()?;
    if text == PROGRAMME_FILE {
        return Some(YearFile::Programme);
    }
    let name = text.strip_prefix(ACTIVITIES_DIR)?.strip_prefix('/')?;
    (name.ends_with(".toml") && !name.contains('/')).then_some(YearFile::Activity)
}

/// Parsed blobs, each parsed once; `None` for a blob that did not parse.
#[derive(Default)]
pub(super) struct Cache {
    activities: HashMap<git2::Oid, Option<Arc<Activity>>>,
    programmes: HashMap<git2::Oid, Option<Arc<WorkProgramme>>>,
    /// The last blob of each path that parsed, to compare against when a later one did not.
    last_good: HashMap<String, git2::Oid>,
    /// Set for a walk over part of the history, whose `last_good` may miss versions.
    pub partial: bool,
    /// Set when a walk over part of the history needed a version it may have missed: an
    /// old version that did not parse, for which the one before would be compared.
    pub incomplete: bool,
}

impl Cache {
    /// A cache for a walk over part of the history.
    pub(super) fn partial() -> Self {
        Cache {
            partial: true,
            ..Cache::default()
        }
    }

    /// The activity a blob holds, if it was parsed and did parse.
    pub(super) fn activity(&self, id: git2::Oid) -> Option<&Activity> {
        self.activities.get(&id)?.as_deref()
    }
}

/// Which commits a walk reads, oldest first.
pub(super) enum Commits {
    /// Every commit up to this one, in topological order.
    UpTo(git2::Oid),
    /// These, already in order.
    These(Vec<git2::Oid>),
}

impl Repo {
    /// The semantic history of a year up to `until` (default `HEAD`), oldest first.
    ///
    /// A branch with no commits yet has an empty history.
    pub fn log(&self, year: i32, until: Option<&str>) -> Result<Log> {
        let mut log = Log {
            year,
            ..Log::default()
        };
        let start = match until {
            Some(rev) => self.resolve(rev)?,
            None => match self.head()? {
                Some(id) => id,
                None => return Ok(log),
            },
        };
        log.warnings.extend(self.shallow_warning());
        let mut cache = Cache::default();
        for walked in self.walk(Commits::UpTo(start), year, &|_| true, &mut cache)? {
            log.warnings
                .extend(walked.problems.into_iter().map(|(_, text)| text));
            if !walked.changes.is_empty() {
                log.entries.push(LogEntry {
                    commit: walked.stamp,
                    summary: walked.summary,
                    changes: walked.changes,
                });
            }
        }
        // Every version read is freed on another thread: the log is ready now.
        let _ = std::thread::Builder::new().spawn(move || drop(cache));
        Ok(log)
    }

    /// The warning that the history is cut short, in a shallow clone.
    pub(super) fn shallow_warning(&self) -> Option<String> {
        self.is_shallow().then(|| crate::tr!("history-shallow"))
    }

    /// What each of `commits` for which `wanted` holds changed in the year, oldest first:
    /// those that changed nothing there are left out.
    pub(super) fn walk(
        &self,
        commits: Commits,
        year: i32,
        wanted: &dyn Fn(&git2::Commit) -> bool,
        cache: &mut Cache,
    ) -> Result<Vec<Walked>> {
        let year_path = self.year_path(year);
        let dir = format!("{PROGRAMME_DIR}/{year}");
        let pending = if rayon::current_num_threads() < 2 {
            self.walk_year(commits, &year_path, wanted)?
        } else {
            self.walk_year_parsing(commits, &year_path, wanted, cache)?
        };
        Ok(pending
            .into_iter()
            .map(|(stamp, summary, changed)| {
                let (changes, problems) = self.compare_files(&dir, &changed, &stamp, cache);
                Walked {
                    stamp,
                    summary,
                    changes,
                    problems,
                }
            })
            .collect())
    }

    /// The commits (oldest first) that changed files of the year, with those files.
    fn walk_year(
        &self,
        commits: Commits,
        year_path: &str,
        wanted: &dyn Fn(&git2::Commit) -> bool,
    ) -> Result<Vec<Pending>> {
        let mut pending = Vec::new();
        let trees = Recent::new(&self.git);
        let mut failed = None;
        self.walk_commits(commits, year_path, wanted, |commit, year_id, parent_ids| {
            if failed.is_some() {
                return;
            }
            match compare_commit(&trees, year_id, &parent_ids) {
                Ok(changed) if changed.is_empty() => {}
                Ok(changed) => pending.push((self.stamp(commit), summary(commit), changed)),
                Err(error) => failed = Some(error),
            }
        })?;
        match failed {
            Some(error) => Err(error),
            None => Ok(pending),
        }
    }

    /// [`walk_year`](Repo::walk_year) with the work shared: this thread walks the commits and
    /// reads each one's year folder id, and jobs on rayon's threads, each with a handle on the
    /// repository of its own, compare the year folders of runs of consecutive commits that
    /// changed it and parse the new activity blobs they find; those that parse fill the cache.
    /// The rest are parsed again (and reported) in order by the comparison.
    fn walk_year_parsing(
        &self,
        commits: Commits,
        year_path: &str,
        wanted: &dyn Fn(&git2::Commit) -> bool,
        cache: &mut Cache,
    ) -> Result<Vec<Pending>> {
        /// Commits per run: the first one's parent folders are read again by its job.
        const BATCH: usize = 64;
        // What a job found, with its run's place in the walk.
        type Done = (usize, Result<Vec<Vec<Changed>>>, Vec<(git2::Oid, Activity)>);
        /// A handle on the repository for a job, with the participants it has read.
        struct Worker {
            repo: git2::Repository,
            known: Parts,
        }
        // The handles are opened on the shared object store (the main .git of a linked
        // worktree too) and reused by later jobs.
        let path = self.git.commondir();
        let workers: Mutex<Vec<Worker>> = Mutex::new(Vec::new());
        let seen = Mutex::new(HashSet::new());
        let (results, done) = mpsc::channel::<Done>();
        let job = |place: usize, run: Run| {
            let worker = workers.lock().ok().and_then(|mut w| w.pop());
            let mut worker = match worker {
                Some(worker) => worker,
                None => match git2::Repository::open(path) {
                    Ok(repo) => Worker {
                        repo,
                        known: Parts::default(),
                    },
                    Err(error) => {
                        let _ = results.send((place, Err(error.into()), Vec::new()));
                        return;
                    }
                },
            };
            let (changed, parsed) = compare_run(&worker.repo, &mut worker.known, &seen, run);
            let _ = results.send((place, changed, parsed));
            if let Ok(mut workers) = workers.lock() {
                workers.push(worker);
            }
        };
        let mut listed = Vec::new();
        let walked = rayon::in_place_scope(|scope| {
            let mut run = Vec::with_capacity(BATCH);
            let job = &job;
            let walked =
                self.walk_commits(commits, year_path, wanted, |commit, year_id, parents| {
                    listed.push((self.stamp(commit), summary(commit)));
                    run.push((year_id, parents));
                    if run.len() == BATCH {
                        let place = listed.len() - BATCH;
                        let full = std::mem::replace(&mut run, Vec::with_capacity(BATCH));
                        scope.spawn(move |_| job(place, full));
                    }
                });
            if !run.is_empty() {
                let place = listed.len() - run.len();
                scope.spawn(move |_| job(place, run));
            }
            walked
        });
        drop(results);
        let mut changed: Vec<Option<Vec<Changed>>> = vec![None; listed.len()];
        let mut failed = None;
        for (place, compared, parsed) in done {
            match compared {
                Ok(compared) => {
                    for (i, files) in compared.into_iter().enumerate() {
                        changed[place + i] = Some(files);
                    }
                }
                Err(error) => failed = failed.or(Some(error)),
            }
            for (id, activity) in parsed {
                cache.activities.insert(id, Some(Arc::new(activity)));
            }
        }
        walked?;
        if let Some(error) = failed {
            return Err(error);
        }
        Ok(listed
            .into_iter()
            .zip(changed)
            .filter_map(|((stamp, summary), files)| {
                let files = files.filter(|f| !f.is_empty())?;
                Some((stamp, summary, files))
            })
            .collect())
    }

    /// Walks `commits`, oldest first, and calls `found` with each one for which `wanted`
    /// holds and whose year folder differs from every parent's, with its folder's id and its
    /// parents'.
    fn walk_commits(
        &self,
        commits: Commits,
        year_path: &str,
        wanted: &dyn Fn(&git2::Commit) -> bool,
        mut found: impl FnMut(&git2::Commit, Option<git2::Oid>, Vec<Option<git2::Oid>>),
    ) -> Result<()> {
        let ids: Box<dyn Iterator<Item = Result<git2::Oid>>> = match commits {
            Commits::UpTo(start) => {
                let mut walk = self.git.revwalk()?;
                walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
                walk.push(start)?;
                Box::new(walk.map(|id| id.map_err(Into::into)))
            }
            Commits::These(ids) => Box::new(ids.into_iter().map(Ok)),
        };
        // The year folder's tree id at each commit seen, so a parent's is looked up once.
        let mut year_ids: HashMap<git2::Oid, Option<git2::Oid>> = HashMap::new();
        for id in ids {
            let commit = self.git.find_commit(id?)?;
            if !wanted(&commit) {
                continue;
            }
            let (year_id, parent_ids) = self.year_ids(&commit, year_path, &mut year_ids)?;
            if !parent_ids.contains(&year_id) {
                found(&commit, year_id, parent_ids);
            }
        }
        Ok(())
    }

    /// The year folder's tree id at a commit and at each of its parents, through `known`.
    pub(super) fn year_ids(
        &self,
        commit: &git2::Commit,
        year_path: &str,
        known: &mut HashMap<git2::Oid, Option<git2::Oid>>,
    ) -> Result<(Option<git2::Oid>, Vec<Option<git2::Oid>>)> {
        let year_id = match known.get(&commit.id()) {
            Some(id) => *id,
            None => self.year_tree_id(commit, year_path)?,
        };
        known.insert(commit.id(), year_id);
        let mut parent_ids = Vec::with_capacity(commit.parent_count());
        for parent in commit.parent_ids() {
            let parent_id = match known.get(&parent) {
                Some(id) => *id,
                None => {
                    let id = self.year_tree_id(&self.git.find_commit(parent)?, year_path)?;
                    known.insert(parent, id);
                    id
                }
            };
            parent_ids.push(parent_id);
        }
        Ok((year_id, parent_ids))
    }

    /// The id of the year folder's tree at a commit, if the folder exists there.
    fn year_tree_id(&self, commit: &git2::Commit, year_path: &str) -> Result<Option<git2::Oid>> {
        let tree = commit.tree()?;
        match tree.get_path(Path::new(year_path)) {
            Ok(entry) if entry.kind() == Some(git2::ObjectType::Tree) => Ok(Some(entry.id())),
            Ok(_) => Ok(None),
            Err(error) if error.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// The meaning of a set of changed files: activities compared (renames included) and the
    /// programme file compared; and the warnings about them, with their paths.
    pub(super) fn compare_files(
        &self,
        dir: &str,
        changed: &[Changed],
        stamp: &Stamp,
        cache: &mut Cache,
    ) -> (PlanChanges, Vec<(String, String)>) {
        let mut problems = Vec::new();
        let mut old_activities: Vec<Arc<Activity>> = Vec::new();
        let mut new_activities: Vec<Arc<Activity>> = Vec::new();
        let mut programme_changes = Vec::new();
        for (name, old_id, new_id) in changed {
            let path = &format!("{dir}/{name}");
            let mut warnings = Vec::new();
            match classify(Path::new(name)) {
                Some(YearFile::Activity) => {
                    let new = if new_id.is_zero() {
                        None
                    } else {
                        match self.parse_activity(*new_id, path, stamp, cache, &mut warnings) {
                            Some(activity) => Some(activity),
                            None => {
                                problems.extend(warnings.into_iter().map(|w| (name.clone(), w)));
                                continue;
                            }
                        }
                    };
                    let old = if old_id.is_zero() {
                        None
                    } else {
                        self.parse_activity(*old_id, path, stamp, cache, &mut Vec::new())
                            .or_else(|| {
                                // A walk over part of the history may not have seen the
                                // version that parsed last.
                                cache.incomplete |= cache.partial;
                                let good = cache.last_good.get(path).copied()?;
                                self.parse_activity(good, path, stamp, cache, &mut Vec::new())
                            })
                    };
                    match new {
                        Some(_) => cache.last_good.insert(path.clone(), *new_id),
                        None => cache.last_good.remove(path),
                    };
                    old_activities.extend(old);
                    new_activities.extend(new);
                }
                Some(YearFile::Programme) => {
                    let parse = |id: git2::Oid, cache: &mut Cache, warnings: &mut Vec<String>| {
                        if id.is_zero() {
                            return Some(Arc::new(WorkProgramme::default()));
                        }
                        if let Some(parsed) = cache.programmes.get(&id) {
                            return parsed.clone();
                        }
                        let parsed = self.parse_blob::<WorkProgramme>(id, path, stamp, warnings);
                        cache.programmes.insert(id, parsed.clone());
                        parsed
                    };
                    let new = parse(*new_id, cache, &mut warnings);
                    let old = parse(*old_id, cache, &mut Vec::new());
                    if let (Some(old), Some(new)) = (old, new) {
                        programme_changes = changes::compare_programmes(&old, &new);
                    }
                }
                None => {}
            }
            problems.extend(warnings.into_iter().map(|w| (name.clone(), w)));
        }
        let old_refs: Vec<&Activity> = old_activities.iter().map(Arc::as_ref).collect();
        let new_refs: Vec<&Activity> = new_activities.iter().map(Arc::as_ref).collect();
        let changes = PlanChanges {
            programme: programme_changes,
            activities: changes::compare_activities(&old_refs, &new_refs),
        };
        (changes, problems)
    }

    fn parse_activity(
        &self,
        id: git2::Oid,
        path: &str,
        stamp: &Stamp,
        cache: &mut Cache,
        warnings: &mut Vec<String>,
    ) -> Option<Arc<Activity>> {
        if let Some(parsed) = cache.activities.get(&id) {
            return parsed.clone();
        }
        let parsed = self.parse_blob::<Activity>(id, path, stamp, warnings);
        cache.activities.insert(id, parsed.clone());
        parsed
    }
    /// Parses a blob with the store's parser; a failure becomes a warning naming the file, the
    /// commit and the line.
    fn parse_blob<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
        &self,
        id: git2::Oid,
        path: &str,
        stamp: &Stamp,
        warnings: &mut Vec<String>,
    ) -> Option<Arc<T>> {
        let bytes = match self.blob_bytes(id) {
            Ok(bytes) => bytes,
            Err(error) => {
                warnings.push(crate::tr!(
                    "history-cannot-read-at",
                    path = path,
                    at = stamp.short.as_str(),
                    error = error.to_string()
                ));
                return None;
            }
        };
        // A version read only partly (with errors) counts as one that did not parse.
        let (source, value, findings) = store::read_file::<T>(RawFile::new(path, bytes));
        let text = source.text;
        let value = value.filter(|_| !findings.iter().any(|f| f.is_error()));
        if value.is_none() {
            let why = if has_markers(&text) {
                crate::tr!("history-markers")
            } else {
                findings
                    .first()
                    .map(|f| {
                        let line = f.span.as_ref().map(|s| {
                            text.get(..s.start).unwrap_or(&text).matches('\n').count() + 1
                        });
                        match line {
                            Some(line) => crate::tr!(
                                "cli-diff-conflict-line",
                                line = line,
                                summary = f.message.as_str()
                            ),
                            None => f.message.clone(),
                        }
                    })
                    .unwrap_or_else(|| crate::tr!("history-does-not-parse"))
            };
            warnings.push(crate::tr!(
                "history-skipped",
                path = path,
                at = stamp.short.as_str(),
                day = stamp.day().to_string(),
                author = stamp.author.as_str(),
                why = why
            ));
        }
        value.map(Arc::new)
    }
}

/// The first line of a commit's message.
pub(super) fn summary(commit: &git2::Commit) -> String {
    String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default()).into_owned()
}

/// A run of commits for a job: each one's year folder id with its parents'.
type Run = Vec<(Option<git2::Oid>, Vec<Option<git2::Oid>>)>;

/// What a job found: the files each commit of its run changed, and the new activity blobs
/// among them, parsed.
type RunFound = (Result<Vec<Vec<Changed>>>, Vec<(git2::Oid, Activity)>);

/// A job's part of a walk: the files each commit of a run changed, and the new activity
/// blobs among them that no job had seen, parsed (those that parse).
fn compare_run(
    repo: &git2::Repository,
    known: &mut Parts,
    seen: &Mutex<HashSet<git2::Oid>>,
    run: Run,
) -> RunFound {
    let trees = Recent::new(repo);
    let changed = run
        .into_iter()
        .map(|(year_id, parent_ids)| compare_commit(&trees, year_id, &parent_ids))
        .collect::<Result<Vec<_>>>();
    let mut parsed = Vec::new();
    for (name, _, new) in changed.iter().flatten().flatten() {
        let activity = matches!(classify(Path::new(name)), Some(YearFile::Activity));
        let first = || seen.lock().is_ok_and(|mut s| s.insert(*new));
        if !activity || new.is_zero() || !first() {
            continue;
        }
        let Ok(blob) = repo.find_blob(*new) else {
            continue;
        };
        let text = std::str::from_utf8(blob.content()).ok();
        if let Some(activity) = text.and_then(|t| known.parse(t)) {
            parsed.push((*new, activity));
        }
    }
    (changed, parsed)
}

/// The files a commit changed in the year folder, from its folder's id and its parents'.
pub(super) fn compare_commit(
    trees: &Recent,
    year_id: Option<git2::Oid>,
    parent_ids: &[Option<git2::Oid>],
) -> Result<Vec<Changed>> {
    let tree_of = |id: Option<git2::Oid>| -> Result<Option<git2::Tree>> {
        id.map(|id| trees.get(id)).transpose().map_err(Into::into)
    };
    let year_tree = tree_of(year_id)?;
    let parent_trees = parent_ids
        .iter()
        .map(|id| tree_of(*id))
        .collect::<Result<Vec<_>>>()?;
    changed_files(trees, &parent_trees, year_tree.as_ref())
}

/// The files of the year folder whose blob differs from every parent, with their old blob
/// (in the first parent) and new blob; a zero id for a side where the file is absent.
fn changed_files(
    trees: &Recent,
    parents: &[Option<git2::Tree>],
    tree: Option<&git2::Tree>,
) -> Result<Vec<Changed>> {
    let diff = |parent: Option<&git2::Tree>| compare_year_trees(trees, parent, tree);
    let mut changed = diff(parents.first().and_then(Option::as_ref))?;
    for parent in parents.iter().skip(1) {
        let other: HashSet<String> = diff(parent.as_ref())?
            .into_iter()
            .map(|(path, _, _)| path)
            .collect();
        changed.retain(|(path, _, _)| other.contains(path));
    }
    Ok(changed)
}

/// The programme file and activity files that differ between two year folders. Entries are
/// compared by id, in the trees' (sorted) order, as git's own tree diff does: the cost is
/// one pass over each activities folder, nothing when a folder is unchanged.
pub(super) fn compare_year_trees(
    trees: &Recent,
    old: Option<&git2::Tree>,
    new: Option<&git2::Tree>,
) -> Result<Vec<Changed>> {
    let zero = git2::Oid::ZERO_SHA1;
    let entry = |tree: Option<&git2::Tree>, name: &str, kind: git2::ObjectType| {
        tree.and_then(|t| t.get_name(name))
            .filter(|e| e.kind() == Some(kind))
            .map(|e| e.id())
    };
    let mut changed = Vec::new();
    let blob = git2::ObjectType::Blob;
    let (old_file, new_file) = (
        entry(old, PROGRAMME_FILE, blob),
        entry(new, PROGRAMME_FILE, blob),
    );
    if old_file != new_file {
        changed.push((
            PROGRAMME_FILE.to_string(),
            old_file.unwrap_or(zero),
            new_file.unwrap_or(zero),
        ));
    }
    let folder = git2::ObjectType::Tree;
    let (old_dir, new_dir) = (
        entry(old, ACTIVITIES_DIR, folder),
        entry(new, ACTIVITIES_DIR, folder),
    );
    if old_dir == new_dir {
        return Ok(changed);
    }
    let load = |id: Option<git2::Oid>| id.map(|id| trees.get(id)).transpose();
    let (old_dir, new_dir) = (load(old_dir)?, load(new_dir)?);
    fn files<'t>(tree: Option<&'t git2::Tree>) -> Vec<git2::TreeEntry<'t>> {
        tree.into_iter()
            .flat_map(|t| t.iter())
            .filter(|e| {
                e.kind() == Some(git2::ObjectType::Blob) && e.name_bytes().ends_with(b".toml")
            })
            .collect()
    }
    let (before, after) = (files(old_dir.as_ref()), files(new_dir.as_ref()));
    let (mut i, mut j) = (0, 0);
    let path = |name: &[u8]| format!("{ACTIVITIES_DIR}/{}", String::from_utf8_lossy(name));
    while i < before.len() || j < after.len() {
        let order = match (before.get(i), after.get(j)) {
            (Some(a), Some(b)) => a.name_bytes().cmp(b.name_bytes()),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                changed.push((path(before[i].name_bytes()), before[i].id(), zero));
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                changed.push((path(after[j].name_bytes()), zero, after[j].id()));
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                if before[i].id() != after[j].id() {
                    changed.push((path(after[j].name_bytes()), before[i].id(), after[j].id()));
                }
                i += 1;
                j += 1;
            }
        }
    }
    Ok(changed)
}

/// The trees read last: in a walk, a commit's parent is most often the commit just seen, so
/// its year and activities folders are at hand instead of being read (and, for a large
/// folder, inflated and parsed) again.
pub(super) struct Recent<'r> {
    git: &'r git2::Repository,
    kept: RefCell<VecDeque<git2::Tree<'r>>>,
}

impl<'r> Recent<'r> {
    /// How many trees are kept: the year and activities folders of a commit and its parent.
    const KEPT: usize = 4;

    pub(super) fn new(git: &'r git2::Repository) -> Self {
        Recent {
            git,
            kept: RefCell::new(VecDeque::with_capacity(Self::KEPT)),
        }
    }

    /// The tree `id`, from those kept or read.
    pub(super) fn get(&self, id: git2::Oid) -> std::result::Result<git2::Tree<'r>, git2::Error> {
        let mut kept = self.kept.borrow_mut();
        if let Some(tree) = kept.iter().find(|tree| tree.id() == id) {
            return Ok(tree.clone());
        }
        let tree = self.git.find_tree(id)?;
        if kept.len() == Self::KEPT {
            kept.pop_front();
        }
        kept.push_back(tree.clone());
        Ok(tree)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_programme_and_activity_files_count() {
        assert!(matches!(
            classify(Path::new("programme.toml")),
            Some(YearFile::Programme)
        ));
        assert!(matches!(
            classify(Path::new("activities/I.1.1.toml")),
            Some(YearFile::Activity)
        ));
        assert!(classify(Path::new("activities/notes.md")).is_none());
        assert!(classify(Path::new("README.md")).is_none());
        assert!(classify(Path::new("activities/old/I.1.1.toml")).is_none());
    }
}
