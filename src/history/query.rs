//! Parts of a year's history, read without walking all of it: the commits of a range of days,
//! and the commits of one activity.
//!
//! A range that starts on a day walks back from HEAD newest first by commit date and stops at
//! the commits more than a day older than that day, as `git log --since` stops, then orders
//! the commits it read as the whole walk orders them (topologically, each branch's commits
//! together). One activity is followed back from HEAD through its file: a commit is read only
//! when the file's blob differs from every parent's — the year and activities folders' tree
//! ids are compared first, so most commits cost a few lookups — and then only the activity's
//! files are parsed, and the files the commit added and removed when it did both (a rename
//! can only pair those); a rename takes the walk on under the former code. Every commit read
//! is compared as the whole walk compares it, and what is shown is picked from those by the
//! same rules as from the whole walk, so the answer is the same. Where it might not be — an
//! old version that did not parse, compared by the whole walk with the one before it, or an
//! activity in a file not named after its code (which `check` refuses) — the whole history is
//! walked instead.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use chrono::NaiveDate;

use super::range::RangeCommits;
use super::walk::{
    Cache, Changed, Commits, Log, LogEntry, Recent, Walked, changes_of, compare_commit, summary,
};
use super::{Repo, Result, RevisionRange, Stamp, Timelines, to_datetime};
use crate::changes::{ChangeKind, PlanChanges};
use crate::model::Date;
use crate::store::{ACTIVITIES_DIR, PROGRAMME_DIR};

/// Which part of a year's history to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogQuery {
    /// Only this activity, followed back through its renames; only its changes are listed.
    pub code: Option<String>,
    /// Only commits authored on or after this day (in the author's own offset).
    pub since: Option<Date>,
    /// Only commits authored on or before this day.
    pub until: Option<Date>,
    /// Only commits whose author's name or email holds this, in any case.
    pub author: Option<String>,
    /// Only the commits of this range (`A..B`: in B and not in A) instead of those up to HEAD.
    pub range: Option<RevisionRange>,
}

impl LogQuery {
    /// Whether it asks for everything.
    fn is_everything(&self) -> bool {
        *self == LogQuery::default()
    }

    /// Whether a commit by `name` <`email`> authored on `day` is shown.
    fn keeps(&self, name: &str, email: &str, day: NaiveDate) -> bool {
        let since = self.since.is_none_or(|since| day >= since.0);
        let until = self.until.is_none_or(|until| day <= until.0);
        let author = self.author.as_ref().is_none_or(|who| {
            let who = who.to_lowercase();
            name.to_lowercase().contains(&who) || email.to_lowercase().contains(&who)
        });
        since && until && author
    }

    fn keeps_stamp(&self, stamp: &Stamp) -> bool {
        self.keeps(&stamp.author, &stamp.email, stamp.date.date_naive())
    }

    fn keeps_commit(&self, commit: &git2::Commit) -> bool {
        let author = commit.author();
        self.keeps(
            &String::from_utf8_lossy(author.name_bytes()),
            &String::from_utf8_lossy(author.email_bytes()),
            to_datetime(author.when()).date_naive(),
        )
    }

    /// The commit time before which the walk stops: a day before `since` begins in UTC, as
    /// an author's own offset is less than a day from it.
    fn stop_before(&self) -> Option<i64> {
        let since = self.since?;
        Some(since.0.and_hms_opt(0, 0, 0)?.and_utc().timestamp() - 86_400)
    }
}

/// What a walk along one activity read.
struct ActivityWalk {
    /// The commits read, oldest first.
    walked: Vec<Walked>,
    /// Whether the activity was renamed to a code it was not followed under: its trajectory
    /// then belongs to that code, which only the whole history tells.
    renamed_away: bool,
}

impl Repo {
    /// The part of a year's history that `query` asks for, oldest first: the entries of
    /// [`log`](Repo::log) on the days and by the author asked for, for one activity only its
    /// changes (followed back through renames, as [`Log::for_activity`] does), and the
    /// warnings about those commits (for one activity, about its files).
    ///
    /// Reads only the commits it needs (see the module's comment); the answer is the one
    /// [`log_of_whole_history`](Repo::log_of_whole_history) gives.
    pub fn log_of(&self, year: i32, query: &LogQuery) -> Result<Log> {
        let range = match &query.range {
            Some(range) => Some(self.range_commits(range)?),
            None => None,
        };
        let start = match (&range, self.head()?) {
            (Some(_), head) => head,
            (None, Some(head)) => Some(head),
            (None, None) => {
                return Ok(Log {
                    year,
                    ..Log::default()
                });
            }
        };
        if query.is_everything() {
            return self.log_of_whole_history(year, query);
        }
        let mut cache = Cache::partial();
        let walked = match (&query.code, &range, start) {
            (Some(code), _, _) => {
                let order = match &range {
                    Some(range) => range.order.clone(),
                    None => self.commits_of(start, query)?,
                };
                self.walk_activity(order, year, code, &mut cache)?
                    .map(|walk| walk.walked)
            }
            (None, Some(range), _) => {
                let commits = Commits::These(range.order.clone());
                Some(self.walk(commits, year, &|c| query.keeps_commit(c), &mut cache)?)
            }
            (None, None, Some(start)) => {
                let commits = match query.stop_before() {
                    Some(bound) => Commits::These(self.commits_since(start, bound)?),
                    None => Commits::UpTo(start),
                };
                Some(self.walk(commits, year, &|c| query.keeps_commit(c), &mut cache)?)
            }
            (None, None, None) => Some(Vec::new()),
        };
        match walked {
            Some(walked) if !cache.incomplete => {
                Ok(self.select(year, walked, query, range.as_ref()))
            }
            _ => self.log_of_whole_history(year, query),
        }
    }

    /// The commits up to `start` a query reads, oldest first: since its first day, if it has
    /// one.
    fn commits_of(&self, start: Option<git2::Oid>, query: &LogQuery) -> Result<Vec<git2::Oid>> {
        let Some(start) = start else {
            return Ok(Vec::new());
        };
        match query.stop_before() {
            Some(bound) => self.commits_since(start, bound),
            None => self.commits_up_to(&[start]),
        }
    }

    /// What [`log_of`](Repo::log_of) answers, picked from the walk of the whole history.
    pub fn log_of_whole_history(&self, year: i32, query: &LogQuery) -> Result<Log> {
        let range = match &query.range {
            Some(range) => Some(self.range_commits(range)?),
            None => None,
        };
        let commits = match (&range, self.head()?) {
            (Some(range), _) => Commits::These(self.commits_up_to(&range.tips)?),
            (None, Some(start)) => Commits::UpTo(start),
            (None, None) => {
                return Ok(Log {
                    year,
                    ..Log::default()
                });
            }
        };
        let walked = self.walk(commits, year, &|_| true, &mut Cache::default())?;
        Ok(self.select(year, walked, query, range.as_ref()))
    }

    /// The trajectory of the activity `code` in a year, with the warnings about its files:
    /// read along its file when that gives what [`timelines`](Repo::timelines) gives, else
    /// from the whole history. When it has none, every activity's trajectory is there (to
    /// suggest a code).
    pub fn timeline_of(&self, year: i32, code: &str) -> Result<Timelines> {
        let query = LogQuery {
            code: Some(code.to_string()),
            ..LogQuery::default()
        };
        if let Some(start) = self.head()? {
            let mut cache = Cache::partial();
            let order = self.commits_of(Some(start), &query)?;
            if let Some(walk) = self.walk_activity(order, year, code, &mut cache)?
                && !walk.renamed_away
                && !cache.incomplete
            {
                let timelines = Timelines::from_log(&self.select(year, walk.walked, &query, None));
                if timelines.activity(code).is_some() {
                    return Ok(timelines);
                }
            }
        }
        self.timeline_of_whole_history(year, code)
    }

    /// What [`timeline_of`](Repo::timeline_of) answers, from the walk of the whole history.
    pub fn timeline_of_whole_history(&self, year: i32, code: &str) -> Result<Timelines> {
        let query = LogQuery {
            code: Some(code.to_string()),
            ..LogQuery::default()
        };
        let mut timelines = self.timelines(year, None)?;
        timelines.warnings = self.log_of_whole_history(year, &query)?.warnings;
        Ok(timelines)
    }

    /// The log `query` asks for, picked from `walked` (oldest first): the walk of the whole
    /// history, or of the commits a query needs, which give the same; with a range, only its
    /// commits.
    fn select(
        &self,
        year: i32,
        walked: Vec<Walked>,
        query: &LogQuery,
        range: Option<&RangeCommits>,
    ) -> Log {
        let mut names = query.code.as_ref().map(|c| HashSet::from([c.clone()]));
        let mut entries = Vec::new();
        let mut warnings = Vec::new();
        for one in walked.into_iter().rev() {
            let kept = query.keeps_stamp(&one.stamp)
                && range.is_none_or(|range| {
                    git2::Oid::from_str(&one.stamp.id).is_ok_and(|id| range.set.contains(&id))
                });
            if kept {
                let about_it = |path: &str| {
                    names
                        .as_ref()
                        .is_none_or(|names| code_of_file(path).is_some_and(|c| names.contains(c)))
                };
                warnings.extend(
                    one.problems
                        .into_iter()
                        .rev()
                        .filter(|(path, _)| about_it(path))
                        .map(|(_, text)| text),
                );
            }
            let changes = match &mut names {
                Some(names) => PlanChanges {
                    programme: Vec::new(),
                    activities: changes_of(&one.changes, names),
                },
                None => one.changes,
            };
            if kept && !changes.is_empty() {
                entries.push(LogEntry {
                    commit: one.stamp,
                    summary: one.summary,
                    changes,
                });
            }
        }
        entries.reverse();
        warnings.reverse();
        Log {
            year,
            entries,
            warnings: self.shallow_warning().into_iter().chain(warnings).collect(),
        }
    }

    /// Follows one activity back through `order` (oldest first), reading the commits that
    /// changed its file; `None` when the whole history must be read instead.
    fn walk_activity(
        &self,
        order: Vec<git2::Oid>,
        year: i32,
        code: &str,
        cache: &mut Cache,
    ) -> Result<Option<ActivityWalk>> {
        let year_path = self.year_path(year);
        let dir = format!("{PROGRAMME_DIR}/{year}");
        let trees = Recent::new(&self.git);
        let mut folders = Folders::default();
        let mut names: HashSet<String> = HashSet::from([code.to_string()]);
        let mut walk = ActivityWalk {
            walked: Vec::new(),
            renamed_away: false,
        };
        for id in order.iter().rev() {
            let commit = self.git.find_commit(*id)?;
            let (year_id, parent_ids) = self.year_ids(&commit, &year_path, &mut folders.years)?;
            if parent_ids.contains(&year_id) {
                continue;
            }
            if !folders.touched(&trees, year_id, &parent_ids, &names)? {
                continue;
            }
            let changed = needed(compare_commit(&trees, year_id, &parent_ids)?, &names);
            let stamp = self.stamp(&commit);
            let (changes, problems) = self.compare_files(&dir, &changed, &stamp, cache);
            let before = names.clone();
            changes_of(&changes, &mut names);
            walk.renamed_away |= changes.activities.iter().any(|change| {
                matches!(&change.kind, ChangeKind::Renamed { from } if before.contains(from))
                    && !names.contains(&change.code)
            });
            if cache.incomplete || !named_after_codes(&changed, cache, &names) {
                return Ok(None);
            }
            walk.walked.push(Walked {
                stamp,
                summary: summary(&commit),
                changes,
                problems,
            });
        }
        walk.walked.reverse();
        Ok(Some(walk))
    }

    /// Every commit up to `tips`, oldest first, in the whole walk's order.
    fn commits_up_to(&self, tips: &[git2::Oid]) -> Result<Vec<git2::Oid>> {
        let mut walk = self.git.revwalk()?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
        for tip in tips {
            walk.push(*tip)?;
        }
        Ok(walk.collect::<std::result::Result<_, _>>()?)
    }

    /// The commits up to `start` whose commit date is not before `bound`, found newest first
    /// and stopping at the first older ones, oldest first in the whole walk's order.
    fn commits_since(&self, start: git2::Oid, bound: i64) -> Result<Vec<git2::Oid>> {
        let mut queue = BinaryHeap::new();
        let mut seen = HashSet::from([start]);
        queue.push((
            self.git.find_commit(start)?.time().seconds(),
            Reverse(0),
            start,
        ));
        let mut read = Vec::new();
        let mut parents: HashMap<git2::Oid, Vec<git2::Oid>> = HashMap::new();
        while let Some((time, _, id)) = queue.pop() {
            // The newest commit not read yet is older: so are all the others.
            if time < bound {
                break;
            }
            let commit = self.git.find_commit(id)?;
            let ids: Vec<git2::Oid> = commit.parent_ids().collect();
            for &parent in &ids {
                if seen.insert(parent) {
                    let time = self.git.find_commit(parent)?.time().seconds();
                    queue.push((time, Reverse(seen.len()), parent));
                }
            }
            parents.insert(id, ids);
            read.push(id);
        }
        Ok(topological(&read, &parents))
    }
}

/// Commits in the order libgit2's topological walk gives them, oldest first: from the newest,
/// a commit is taken once all its children are, the one made ready last first (a branch's
/// commits together); parents outside `read` are left out. `read` starts with the tips.
fn topological(read: &[git2::Oid], parents: &HashMap<git2::Oid, Vec<git2::Oid>>) -> Vec<git2::Oid> {
    let none = Vec::new();
    let parents_of = |id: &git2::Oid| parents.get(id).unwrap_or(&none);
    // One more than the children not taken yet; zero once taken.
    let mut waiting: HashMap<git2::Oid, usize> = read.iter().map(|id| (*id, 1)).collect();
    for id in read {
        for parent in parents_of(id) {
            if let Some(count) = waiting.get_mut(parent) {
                *count += 1;
            }
        }
    }
    let mut ready: Vec<git2::Oid> = read.iter().filter(|id| waiting[id] == 1).copied().collect();
    ready.reverse();
    let mut order = Vec::with_capacity(read.len());
    while let Some(id) = ready.pop() {
        for parent in parents_of(&id) {
            if let Some(count) = waiting.get_mut(parent)
                && *count > 0
            {
                *count -= 1;
                if *count == 1 {
                    ready.push(*parent);
                }
            }
        }
        waiting.insert(id, 0);
        order.push(id);
    }
    order.reverse();
    order
}

/// The code an activity file is named after, from its path in the year folder.
fn code_of_file(path: &str) -> Option<&str> {
    path.strip_prefix(ACTIVITIES_DIR)?
        .strip_prefix('/')?
        .strip_suffix(".toml")
}

/// Of the files a commit changed, those an activity's changes there depend on: its own, and,
/// when the commit both added and removed files, those (a removed activity and an added one
/// may be one renamed). Files changed on both sides keep their codes, so they pair with
/// nothing else.
fn needed(changed: Vec<Changed>, names: &HashSet<String>) -> Vec<Changed> {
    let activity = |(name, _, _): &Changed| code_of_file(name).is_some();
    let added = changed.iter().any(|c| activity(c) && c.1.is_zero());
    let removed = changed.iter().any(|c| activity(c) && c.2.is_zero());
    changed
        .into_iter()
        .filter(|c| {
            code_of_file(&c.0).is_some_and(|code| names.contains(code))
                || (added && removed && activity(c) && (c.1.is_zero() || c.2.is_zero()))
        })
        .collect()
}

/// Whether every version read of the activity's files holds the code its file is named after,
/// and no other file read holds one of the activity's codes: what following its file relies on.
fn named_after_codes(changed: &[Changed], cache: &Cache, names: &HashSet<String>) -> bool {
    changed.iter().all(|(name, old, new)| {
        let Some(file_code) = code_of_file(name) else {
            return true;
        };
        [old, new].into_iter().all(|id| {
            cache.activity(*id).is_none_or(|activity| {
                activity.code == file_code
                    || !(names.contains(file_code) || names.contains(&activity.code))
            })
        })
    })
}

/// Tree ids along the walk of one activity, each looked up once.
#[derive(Default)]
struct Folders {
    /// The year folder's id at each commit.
    years: HashMap<git2::Oid, Option<git2::Oid>>,
    /// The activities folder's id in each year folder.
    activities: HashMap<git2::Oid, Option<git2::Oid>>,
}

impl Folders {
    /// Whether a commit changed one of the activity's files: its blob differs from every
    /// parent's (git's rule for merges). A parent with the same activities folder changed
    /// none.
    fn touched(
        &mut self,
        trees: &Recent,
        year_id: Option<git2::Oid>,
        parent_ids: &[Option<git2::Oid>],
        names: &HashSet<String>,
    ) -> Result<bool> {
        let folder = self.activities_of(trees, year_id)?;
        let mut parents = Vec::with_capacity(parent_ids.len());
        for id in parent_ids {
            parents.push(self.activities_of(trees, *id)?);
        }
        if parents.contains(&folder) {
            return Ok(false);
        }
        let tree = folder.map(|id| trees.get(id)).transpose()?;
        let parent_trees = parents
            .iter()
            .map(|id| id.map(|id| trees.get(id)).transpose())
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let blob = |tree: Option<&git2::Tree>, file: &str| {
            tree.and_then(|t| t.get_name(file))
                .filter(|e| e.kind() == Some(git2::ObjectType::Blob))
                .map(|e| e.id())
        };
        Ok(names.iter().any(|name| {
            let file = format!("{name}.toml");
            let mine = blob(tree.as_ref(), &file);
            parent_trees
                .iter()
                .all(|parent| blob(parent.as_ref(), &file) != mine)
                && (mine.is_some() || !parent_trees.is_empty())
        }))
    }

    /// The id of the activities folder in a year folder.
    fn activities_of(
        &mut self,
        trees: &Recent,
        year_id: Option<git2::Oid>,
    ) -> Result<Option<git2::Oid>> {
        let Some(year_id) = year_id else {
            return Ok(None);
        };
        if let Some(known) = self.activities.get(&year_id) {
            return Ok(*known);
        }
        let folder = trees
            .get(year_id)?
            .get_name(ACTIVITIES_DIR)
            .filter(|e| e.kind() == Some(git2::ObjectType::Tree))
            .map(|e| e.id());
        self.activities.insert(year_id, folder);
        Ok(folder)
    }
}
