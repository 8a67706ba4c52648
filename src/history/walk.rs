//! One walk over the history of a year: what each commit changed, as meaning.
//!
//! The walk visits every commit once, oldest first (topological order). A commit whose year
//! folder has the same tree id as a parent's changed nothing there and costs one lookup;
//! otherwise one pass over the two activities folders (the parent's still at hand from the
//! commit before), comparing entry ids in their sorted order as git's tree diff does, names
//! the files whose blob changed, and only those are parsed, each blob at most once. A merge
//! changed a file only when its blob differs from every parent (git's rule), so a change made
//! on a branch is attributed to the branch commit that made it, not to the merge. The walk
//! itself only reads each commit's year folder id; comparing the folders of runs of
//! consecutive commits and parsing, the costly parts, run on worker threads while it goes
//! on, and a participant's table already read in an earlier version of any file is not read
//! again.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::path::Path;
use std::sync::Arc;
use std::sync::{Mutex, mpsc};

use serde::{Deserialize as _, Serialize};

use super::{Repo, Result, Stamp};
use crate::changes::{self, PlanChanges};
use crate::model::{Activity, Participant, WorkProgramme};
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
            let mine: Vec<_> = entry
                .changes
                .activities
                .iter()
                .filter(|c| names.contains(&c.code))
                .cloned()
                .collect();
            if mine.is_empty() {
                continue;
            }
            for change in &mine {
                if let changes::ChangeKind::Renamed { from } = &change.kind {
                    names.insert(from.clone());
                }
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

/// A changed file of a year folder: its path in the folder, its old and new blob (zero when
/// absent on that side).
type Changed = (String, git2::Oid, git2::Oid);

/// A commit that changed files of the year: who and when, its summary line, the files.
type Pending = (Stamp, String, Vec<Changed>);

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
struct Cache {
    activities: HashMap<git2::Oid, Option<Arc<Activity>>>,
    programmes: HashMap<git2::Oid, Option<Arc<WorkProgramme>>>,
    /// The last blob of each path that parsed, to compare against when a later one did not.
    last_good: HashMap<String, git2::Oid>,
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
        if self.is_shallow() {
            log.warnings.push(
                "the repository is a shallow clone: changes before its oldest commit are missing \
                 and what existed then shows as created there (run `git fetch --unshallow` for \
                 the whole history)"
                    .to_string(),
            );
        }
        let year_path = self.year_path(year);
        let dir = format!("{PROGRAMME_DIR}/{year}");
        let mut cache = Cache::default();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let pending = if threads < 2 {
            self.walk_year(start, &year_path)?
        } else {
            self.walk_year_parsing(start, &year_path, threads, &mut cache)?
        };

        for (stamp, summary, changed) in pending {
            let changes = self.compare_files(&dir, &changed, &stamp, &mut cache, &mut log.warnings);
            if !changes.is_empty() {
                log.entries.push(LogEntry {
                    commit: stamp,
                    summary,
                    changes,
                });
            }
        }
        // Every version read is freed on another thread: the log is ready now.
        let _ = std::thread::Builder::new().spawn(move || drop(cache));
        Ok(log)
    }

    /// The commits (oldest first) that changed files of the year, with those files.
    fn walk_year(&self, start: git2::Oid, year_path: &str) -> Result<Vec<Pending>> {
        let mut pending = Vec::new();
        let trees = Recent::new(&self.git);
        let mut failed = None;
        self.walk_commits(start, year_path, |commit, year_id, parent_ids| {
            if failed.is_some() {
                return;
            }
            match compare_commit(&trees, year_id, &parent_ids) {
                Ok(changed) if changed.is_empty() => {}
                Ok(changed) => {
                    let summary =
                        String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default())
                            .into_owned();
                    pending.push((self.stamp(commit), summary, changed));
                }
                Err(error) => failed = Some(error),
            }
        })?;
        match failed {
            Some(error) => Err(error),
            None => Ok(pending),
        }
    }

    /// [`walk_year`](Repo::walk_year) with the work shared: this thread walks the commits and
    /// reads each one's year folder id, and `threads` workers, each with its own handle on
    /// the repository, compare the year folders of runs of consecutive commits that changed
    /// it and parse the new activity blobs they find; those that parse fill the cache. The
    /// rest are parsed again (and reported) in order by the comparison.
    fn walk_year_parsing(
        &self,
        start: git2::Oid,
        year_path: &str,
        threads: usize,
        cache: &mut Cache,
    ) -> Result<Vec<Pending>> {
        /// Commits per run: the first one's parent folders are read again by its worker.
        const BATCH: usize = 64;
        // A run of commits: its place in the walk, and each commit's year folder id with
        // its parents'.
        type Run = (usize, Vec<(Option<git2::Oid>, Vec<Option<git2::Oid>>)>);
        type Done = (usize, Result<Vec<Vec<Changed>>>, Vec<(git2::Oid, Activity)>);
        // Each worker's own handle on the shared object store (the main .git of a linked
        // worktree too); without any, the walk is done alone.
        let path = self.git.commondir();
        let repos: Vec<git2::Repository> = (0..threads)
            .filter_map(|_| git2::Repository::open(path).ok())
            .collect();
        if repos.is_empty() {
            return self.walk_year(start, year_path);
        }
        let (runs, queue) = mpsc::channel::<Run>();
        let queue = Mutex::new(queue);
        let seen = Mutex::new(HashSet::new());
        let (results, done) = mpsc::channel::<Done>();
        std::thread::scope(|scope| {
            for repo in repos {
                let (queue, results, seen) = (&queue, results.clone(), &seen);
                scope.spawn(move || {
                    let trees = Recent::new(&repo);
                    let mut known = Participants::default();
                    loop {
                        let (place, run) = match queue.lock().map(|q| q.recv()) {
                            Ok(Ok(run)) => run,
                            _ => return,
                        };
                        let changed = run
                            .into_iter()
                            .map(|(year_id, parent_ids)| {
                                compare_commit(&trees, year_id, &parent_ids)
                            })
                            .collect::<Result<Vec<_>>>();
                        let mut parsed = Vec::new();
                        for (name, _, new) in changed.iter().flatten().flatten() {
                            let activity =
                                matches!(classify(Path::new(name)), Some(YearFile::Activity));
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
                        if results.send((place, changed, parsed)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(results);
            let mut commits = Vec::new();
            let mut run = Vec::with_capacity(BATCH);
            let walked = self.walk_commits(start, year_path, |commit, year_id, parent_ids| {
                let summary = String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default())
                    .into_owned();
                commits.push((self.stamp(commit), summary));
                run.push((year_id, parent_ids));
                if run.len() == BATCH {
                    let place = commits.len() - BATCH;
                    let full = std::mem::replace(&mut run, Vec::with_capacity(BATCH));
                    let _ = runs.send((place, full));
                }
            });
            if !run.is_empty() {
                let place = commits.len() - run.len();
                let _ = runs.send((place, run));
            }
            drop(runs);
            let mut changed: Vec<Option<Vec<Changed>>> = vec![None; commits.len()];
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
            Ok(commits
                .into_iter()
                .zip(changed)
                .filter_map(|((stamp, summary), files)| {
                    let files = files.filter(|f| !f.is_empty())?;
                    Some((stamp, summary, files))
                })
                .collect())
        })
    }

    /// Walks the commits up to `start`, oldest first, and calls `found` with each one whose
    /// year folder differs from every parent's, with its folder's id and its parents'.
    fn walk_commits(
        &self,
        start: git2::Oid,
        year_path: &str,
        mut found: impl FnMut(&git2::Commit, Option<git2::Oid>, Vec<Option<git2::Oid>>),
    ) -> Result<()> {
        let mut walk = self.git.revwalk()?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
        walk.push(start)?;
        // The year folder's tree id at each commit seen, so a parent's is looked up once.
        let mut year_ids: HashMap<git2::Oid, Option<git2::Oid>> = HashMap::new();
        for id in walk {
            let commit = self.git.find_commit(id?)?;
            let year_id = self.year_tree_id(&commit, year_path)?;
            year_ids.insert(commit.id(), year_id);
            let mut parent_ids = Vec::new();
            for parent in commit.parent_ids() {
                let parent_id = match year_ids.get(&parent) {
                    Some(known) => *known,
                    None => self.year_tree_id(&self.git.find_commit(parent)?, year_path)?,
                };
                parent_ids.push(parent_id);
            }
            if !parent_ids.contains(&year_id) {
                found(&commit, year_id, parent_ids);
            }
        }
        Ok(())
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
    /// programme file compared.
    fn compare_files(
        &self,
        dir: &str,
        changed: &[Changed],
        stamp: &Stamp,
        cache: &mut Cache,
        warnings: &mut Vec<String>,
    ) -> PlanChanges {
        let mut old_activities: Vec<Arc<Activity>> = Vec::new();
        let mut new_activities: Vec<Arc<Activity>> = Vec::new();
        let mut programme_changes = Vec::new();
        for (name, old_id, new_id) in changed {
            let path = &format!("{dir}/{name}");
            match classify(Path::new(name)) {
                Some(YearFile::Activity) => {
                    let new = if new_id.is_zero() {
                        None
                    } else {
                        match self.parse_activity(*new_id, path, stamp, cache, warnings) {
                            Some(activity) => Some(activity),
                            None => continue,
                        }
                    };
                    let old = if old_id.is_zero() {
                        None
                    } else {
                        self.parse_activity(*old_id, path, stamp, cache, &mut Vec::new())
                            .or_else(|| {
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
                    let new = parse(*new_id, cache, warnings);
                    let old = parse(*old_id, cache, &mut Vec::new());
                    if let (Some(old), Some(new)) = (old, new) {
                        programme_changes = changes::compare_programmes(&old, &new);
                    }
                }
                None => {}
            }
        }
        let old_refs: Vec<&Activity> = old_activities.iter().map(Arc::as_ref).collect();
        let new_refs: Vec<&Activity> = new_activities.iter().map(Arc::as_ref).collect();
        PlanChanges {
            programme: programme_changes,
            activities: changes::compare_activities(&old_refs, &new_refs),
        }
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
                warnings.push(format!("cannot read {path} at {}: {error}", stamp.short));
                return None;
            }
        };
        // A version read only partly (with errors) counts as one that did not parse.
        let (source, value, findings) = store::read_file::<T>(RawFile::new(path, bytes));
        let text = source.text;
        let value = value.filter(|_| !findings.iter().any(|f| f.is_error()));
        if value.is_none() {
            let why = if has_markers(&text) {
                "it holds conflict markers of an unresolved merge".to_string()
            } else {
                findings
                    .first()
                    .map(|f| {
                        let line = f.span.as_ref().map(|s| {
                            text.get(..s.start).unwrap_or(&text).matches('\n').count() + 1
                        });
                        match line {
                            Some(line) => format!("line {line}: {}", f.message),
                            None => f.message.clone(),
                        }
                    })
                    .unwrap_or_else(|| "it does not parse".to_string())
            };
            warnings.push(format!(
                "{path} at {} ({}, {}) did not parse, its changes there are skipped: {why}",
                stamp.short,
                stamp.day(),
                stamp.author,
            ));
        }
        value.map(Arc::new)
    }
}

/// The files a commit changed in the year folder, from its folder's id and its parents'.
fn compare_commit(
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
fn compare_year_trees(
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

/// The header of a participant's table: one per participant, most of a long file.
const PARTICIPANT_HEADER: &str = "[[participants]]";

/// Participants already read, by the text of their table: most versions of a file repeat
/// most of the last one's, and its participants, once listed, seldom change.
#[derive(Default)]
struct Participants {
    known: HashMap<String, Participant>,
}

impl Participants {
    /// The activity in `text`, if it deserialises: what `toml::from_str` gives, with the
    /// participants' tables that were read before taken from those already known.
    fn parse(&mut self, text: &str) -> Option<Activity> {
        self.parse_in_parts(text)
            .or_else(|| toml::from_str::<Activity>(text).ok())
    }

    /// Reads the text before the first `[[participants]]` line and each participant's table
    /// on its own, and only when that is sure to mean what the whole file means: the text
    /// before says nothing of `participants`, no table follows but participants', and every
    /// part parses. A header line inside a multi-line string would leave that string open in
    /// the part before it, which then does not parse, so the whole file is read instead.
    fn parse_in_parts(&mut self, text: &str) -> Option<Activity> {
        let mut headers = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let rest = line.strip_prefix(PARTICIPANT_HEADER);
            if rest.is_some_and(|end| matches!(end, "" | "\n" | "\r\n")) {
                headers.push((offset, offset + line.len()));
            }
            offset += line.len();
        }
        let (first, _) = *headers.first()?;
        let before = toml::de::DeTable::parse(text.get(..first)?).ok()?;
        if before.get_ref().contains_key("participants") {
            return None;
        }
        let mut activity = Activity::deserialize(toml::de::Deserializer::from(before)).ok()?;
        for (i, &(_, body_start)) in headers.iter().enumerate() {
            let end = headers.get(i + 1).map_or(text.len(), |&(start, _)| start);
            let body = text.get(body_start..end)?;
            if body.lines().any(|line| line.trim_start().starts_with('[')) {
                return None;
            }
            let participant = match self.known.get(body) {
                Some(known) => known.clone(),
                None => {
                    let read = toml::from_str::<Participant>(body).ok()?;
                    self.known.insert(body.to_string(), read.clone());
                    read
                }
            };
            activity.participants.push(participant);
        }
        Some(activity)
    }
}

/// The trees read last: in a walk, a commit's parent is most often the commit just seen, so
/// its year and activities folders are at hand instead of being read (and, for a large
/// folder, inflated and parsed) again.
struct Recent<'r> {
    git: &'r git2::Repository,
    kept: RefCell<VecDeque<git2::Tree<'r>>>,
}

impl<'r> Recent<'r> {
    /// How many trees are kept: the year and activities folders of a commit and its parent.
    const KEPT: usize = 4;

    fn new(git: &'r git2::Repository) -> Self {
        Recent {
            git,
            kept: RefCell::new(VecDeque::with_capacity(Self::KEPT)),
        }
    }

    /// The tree `id`, from those kept or read.
    fn get(&self, id: git2::Oid) -> std::result::Result<git2::Tree<'r>, git2::Error> {
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
    fn reading_in_parts_gives_what_reading_the_whole_file_gives() {
        let head = "code = \"I.1.1\"\nproject = \"I.1\"\ntitle = \"T\"\nkind = \"event\"\n";
        let one =
            "[[participants]]\norganisation = \"CAF\"\ncountry = \"Peru\"\nrole = \"speaker\"\n";
        let two = "[[participants]]\r\norganisation = \"BID\"\r\ncountry = \"Chile\"\r\nrole = \"observer\"\r\n";
        let other = "organisation = \"X\"\ncountry = \"Y\"\nrole = \"observer\"\n";
        let note = "[[notes]]\ndate = \"2021-01-02\"\ntext = \"n\"\n";
        let texts = [
            format!("{head}{one}{two}{one}"),
            format!("{head}{two}\n{note}"),
            format!("{head}{note}{one}{two}"),
            format!("{head}background = \"\"\"\n{one}\"\"\"\n{two}"),
            format!("{head}background = '''\n{one}'''\n{two}"),
            format!("{head}{one}notes = \"\"\"\n{two}\"\"\"\n"),
            format!("{head}participants = []\n{one}"),
            format!("{head}participants.x = 1\n{one}"),
            format!("{head}{one}[participants.extra]\nx = 1\n{two}"),
            format!("{head}{one}  [[participants]]\n{other}"),
            format!("{head}[[participants]] # first\n{other}{one}"),
            format!("{head}{one}role = \"speaker\"\n{two}"),
            format!("{head}{one}status = \"done\"\n"),
            format!("{head}{one}organisation = \"unterminated\n"),
            format!("{head}{one}name.first = \"A\"\n"),
            format!("{head}[[participants]]\r\r\n{other}"),
            format!("{head}{one}[[participants]]"),
            format!("{head}progress = 101\n{one}"),
            format!("code = \"I.1.1\"\n{one}"),
            format!("{one}{head}"),
            head.to_string(),
        ];
        let mut known = Participants::default();
        for _ in 0..2 {
            for text in &texts {
                assert_eq!(
                    known.parse(text),
                    toml::from_str::<Activity>(text).ok(),
                    "{text}"
                );
            }
        }
        // Each table read once: the two participants, and the last one's with a `status`
        // line after it (which belongs to that participant, and means nothing there).
        assert_eq!(known.known.len(), 3, "{:?}", known.known.keys());
    }

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
