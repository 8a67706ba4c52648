//! The only code that reads and writes programme files.
//!
//! A [`Workspace`] is a folder holding `programme/<year>/`; [`load`] reads one year into a
//! [`Plan`](crate::model::Plan) and reports every problem as a finding instead of stopping at
//! the first; [`write`] turns the model into files whose `git diff` stays small, atomically;
//! [`lock`] makes every read-modify-write of them one at a time. A file with git's conflict
//! markers is read as one side's version and reported as conflicted ([`conflict`]); [`merge`]
//! is the merge driver's three-way merge of programme files; [`fix`] writes what files say in
//! the form the format asks for.

pub mod conflict;
mod decode;
pub mod edit;
pub mod fix;
pub mod journal;
pub mod lock;
pub mod merge;
mod parse;
pub mod translate;
pub mod write;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::Finding;
use crate::model::{Activity, Plan, WorkProgramme, code_sort_key};
use crate::syntax::tree::Tree;

use self::parse::Parsed;
pub use decode::MAX_FILE_BYTES;
pub use lock::{Holder, WriteLock};
pub use parse::parse_file;
pub(crate) use parse::progress_out_of_range;

/// The name of the folder under the root that holds one folder per year.
pub const PROGRAMME_DIR: &str = "programme";
/// The name of a year's programme file.
pub const PROGRAMME_FILE: &str = "programme.toml";
/// The name of the folder of a year's activity files.
pub const ACTIVITIES_DIR: &str = "activities";

/// Problems that stop a programme from being read at all (as opposed to findings in its files).
/// They read in the interface language.
#[derive(Debug)]
pub enum StoreError {
    /// No `programme/` folder in the start folder or any folder above it.
    NotFound(PathBuf),
    /// The workspace has no year folders.
    NoYears(PathBuf),
    /// The year asked for has no folder.
    NoSuchYear {
        /// The year asked for.
        year: i32,
        /// The years that exist, comma-separated.
        found: String,
    },
    /// A file to be created exists already; it was left as it was.
    Exists(PathBuf),
    /// A file named by the user was to be written in a folder that does not exist.
    NoFolder {
        /// The file.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// Another programa held the workspace's write lock for longer than a writer waits.
    Busy {
        /// Who holds the lock ([`Holder`], as text).
        holder: String,
        /// How long this writer waited.
        waited: std::time::Duration,
        /// The lock file.
        lock: PathBuf,
    },
    /// The lock timeout variable is not a number of seconds.
    BadTimeout(String),
    /// Reading or writing a file failed.
    Io {
        /// What was being done ("cannot read").
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = |path: &Path| path.display().to_string();
        f.write_str(&match self {
            StoreError::NotFound(dir) => crate::tr!("store-not-found", dir = shown(dir)),
            StoreError::NoYears(dir) => crate::tr!("store-no-years", dir = shown(dir)),
            StoreError::NoSuchYear { year, found } => crate::tr!(
                "store-no-such-year",
                year = year.to_string(),
                found = found.as_str()
            ),
            StoreError::Exists(path) => crate::tr!("store-exists", path = shown(path)),
            StoreError::NoFolder { path, folder } => crate::tr!(
                "store-no-folder",
                path = shown(path),
                folder = shown(folder)
            ),
            StoreError::Busy { holder, waited, .. } => crate::tr!(
                "store-busy",
                holder = holder.as_str(),
                seconds = waited.as_secs()
            ),
            StoreError::BadTimeout(value) => crate::tr!(
                "store-bad-timeout",
                var = lock::TIMEOUT_VAR,
                value = value.as_str()
            ),
            StoreError::Io {
                action,
                path,
                source,
            } => crate::tr!(
                "store-io",
                action = action.trim_start_matches("cannot ").replace(' ', "-"),
                words = *action,
                path = shown(path),
                error = source.to_string()
            ),
        })
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl StoreError {
    /// An IO error while doing `action` on `path`: `cannot read`, `cannot write`, `cannot
    /// write in`, `cannot create`, `cannot copy`, `cannot remove`, `cannot replace`, `cannot
    /// open the lock`, `cannot take the lock`, `cannot use the terminal` (as the messages name
    /// them).
    pub fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| StoreError::Io {
            action,
            path,
            source,
        }
    }
}

/// A folder that holds `programme/<year>/` folders: usually the root of a git repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    root: PathBuf,
}

impl Workspace {
    /// The workspace rooted at `root`, which need not exist yet (for `import`).
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Workspace { root: root.into() }
    }

    /// The nearest folder at or above `start` that has a `programme/` folder.
    pub fn discover(start: &Path) -> Result<Self, StoreError> {
        start
            .ancestors()
            .find(|dir| dir.join(PROGRAMME_DIR).is_dir())
            .map(Workspace::at)
            .ok_or_else(|| StoreError::NotFound(start.to_path_buf()))
    }

    /// The workspace's root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of one year: `<root>/programme/<year>`.
    pub fn year_dir(&self, year: i32) -> PathBuf {
        self.root.join(PROGRAMME_DIR).join(year.to_string())
    }

    /// The years that have a folder, in order.
    pub fn years(&self) -> Result<Vec<i32>, StoreError> {
        let dir = self.root.join(PROGRAMME_DIR);
        let entries = std::fs::read_dir(&dir).map_err(StoreError::io("cannot read", &dir))?;
        let mut years: Vec<i32> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().is_dir())
            .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
            .collect();
        years.sort_unstable();
        Ok(years)
    }

    /// `year` if it exists, or the latest year when none is given.
    pub fn resolve_year(&self, year: Option<i32>) -> Result<i32, StoreError> {
        let years = self.years()?;
        match year {
            Some(year) if years.contains(&year) => Ok(year),
            Some(year) => Err(StoreError::NoSuchYear {
                year,
                found: years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
            None => years
                .last()
                .copied()
                .ok_or_else(|| StoreError::NoYears(self.root.join(PROGRAMME_DIR))),
        }
    }

    /// The path of an activity's file.
    pub fn activity_path(&self, year: i32, code: &str) -> PathBuf {
        self.year_dir(year)
            .join(ACTIVITIES_DIR)
            .join(format!("{code}.toml"))
    }

    /// `path` relative to the root, for messages.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }
}

/// A file as read from disk, kept so findings can quote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path relative to the workspace root.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
}

/// A year as loaded: the plan, the files it came from, and every problem found while reading.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The year.
    pub year: i32,
    /// What could be read. Activities whose files could not be read at all are missing from it;
    /// those with type errors are there as far as they could be read (see [`parse_file`]).
    pub plan: Plan,
    /// The activity files, parallel to `plan.activities`.
    pub activity_sources: Vec<usize>,
    /// Every file read: the programme file first, then the activity files ([`load_brief`]
    /// keeps the text only of those with findings).
    pub sources: Vec<Source>,
    /// Problems found while reading (syntax and type errors).
    pub findings: Vec<Finding>,
}

impl Loaded {
    /// A year with its programme file parsed and no activities yet.
    pub fn started(year: i32, programme: RawFile) -> Loaded {
        let (source, parsed) = parse_raw::<WorkProgramme>(programme, false);
        Loaded::with_programme(year, source, parsed.value, parsed.findings)
    }

    /// [`Loaded::started`], also giving where the programme file's keys are (`None` when it
    /// is not valid TOML), for checking a year in parts ([`read_located`]).
    pub fn started_located(year: i32, programme: RawFile) -> (Loaded, Option<Tree>) {
        let (source, parsed) = parse_raw::<WorkProgramme>(programme, true);
        let loaded = Loaded::with_programme(year, source, parsed.value, parsed.findings);
        (loaded, parsed.tree)
    }

    /// Reads again, from disk, the texts of the files at `paths` that a read let go (see
    /// [`load_brief`]), so that findings found later in them can be quoted; one that cannot be
    /// read again stays without text, and its findings without quotes.
    pub fn restore_texts(&mut self, workspace: &Workspace, paths: &BTreeSet<&Path>) {
        for source in self.sources.iter_mut() {
            if source.text.is_empty() && paths.contains(source.path.as_path()) {
                let bytes = std::fs::read(workspace.root().join(&source.path)).unwrap_or_default();
                source.text = decode::decode(&source.path, bytes).0;
            }
        }
    }

    /// A year with its programme file as parsed, and no activities yet.
    fn with_programme(
        year: i32,
        programme: Source,
        parsed: Option<WorkProgramme>,
        findings: Vec<Finding>,
    ) -> Loaded {
        Loaded {
            year,
            plan: Plan {
                programme: parsed.unwrap_or_default(),
                activities: Vec::new(),
            },
            activity_sources: Vec::new(),
            sources: vec![programme],
            findings,
        }
    }

    /// Adds activity files already parsed, keeping the activities in code order; cheap when
    /// they come after those already there, as when a year is read in code order in parts.
    pub fn add_activities(&mut self, parsed: Vec<ParsedActivity>) {
        let mut added: Vec<(Activity, usize)> = Vec::with_capacity(parsed.len());
        self.sources.reserve(parsed.len());
        for (source, activity, findings) in parsed {
            self.findings.extend(findings);
            self.sources.push(source);
            if let Some(activity) = activity {
                added.push((activity, self.sources.len() - 1));
            }
        }
        added.sort_by_cached_key(|(a, _)| code_sort_key(&a.code));
        let follows = match (self.plan.activities.last(), added.first()) {
            (Some(last), Some((first, _))) => {
                code_sort_key(&last.code) <= code_sort_key(&first.code)
            }
            _ => true,
        };
        if follows {
            for (activity, source) in added {
                self.plan.activities.push(activity);
                self.activity_sources.push(source);
            }
            return;
        }
        let mut all: Vec<(Activity, usize)> = self
            .plan
            .activities
            .drain(..)
            .zip(self.activity_sources.drain(..))
            .chain(added)
            .collect();
        all.sort_by_cached_key(|(a, _)| code_sort_key(&a.code));
        (self.plan.activities, self.activity_sources) = all.into_iter().unzip();
    }

    /// The source file an activity was read from.
    pub fn source_of(&self, activity_index: usize) -> Option<&Source> {
        self.activity_sources
            .get(activity_index)
            .and_then(|&i| self.sources.get(i))
    }

    /// Puts a file in the place of the one at the same path, or adds it: its text, its
    /// activity if it could be read (in code order) and its findings, instead of the old ones.
    pub fn put_file(&mut self, source: Source, activity: Option<Activity>, findings: Vec<Finding>) {
        self.findings
            .retain(|f| f.file.as_deref() != Some(source.path.as_path()));
        self.findings.extend(findings);
        let index = match self.sources.iter().position(|s| s.path == source.path) {
            Some(i) => {
                self.sources[i] = source;
                i
            }
            None => {
                self.sources.push(source);
                self.sources.len() - 1
            }
        };
        if let Some(at) = self.activity_sources.iter().position(|&i| i == index) {
            self.plan.activities.remove(at);
            self.activity_sources.remove(at);
        }
        if let Some(activity) = activity {
            let key = code_sort_key(&activity.code);
            let at = self
                .plan
                .activities
                .partition_point(|a| code_sort_key(&a.code) <= key);
            self.plan.activities.insert(at, activity);
            self.activity_sources.insert(at, index);
        }
    }

    /// The activity file named after `code` (ignoring case), if it was read with errors.
    pub fn unread_file_of(&self, code: &str) -> Option<&Source> {
        self.sources.iter().skip(1).find(|source| {
            source
                .path
                .file_stem()
                .and_then(|stem| stem.to_str())
                .is_some_and(|stem| stem.eq_ignore_ascii_case(code))
                && self
                    .findings
                    .iter()
                    .any(|f| f.is_error() && f.file.as_deref() == Some(source.path.as_path()))
        })
    }

    /// The findings about the file at `path`.
    pub fn findings_in(&self, path: &Path) -> Vec<Finding> {
        self.findings
            .iter()
            .filter(|f| f.file.as_deref() == Some(path))
            .cloned()
            .collect()
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }

    /// Whether a file of the year holds unresolved conflict markers: such a year must not be
    /// committed or compiled until they are resolved.
    pub fn has_conflicts(&self) -> bool {
        self.findings.iter().any(|f| f.code == conflict::FINDING)
    }

    /// The files that hold unresolved conflict markers.
    pub fn conflicted_files(&self) -> BTreeSet<&Path> {
        self.findings
            .iter()
            .filter(|f| f.code == conflict::FINDING)
            .filter_map(|f| f.file.as_deref())
            .collect()
    }

    /// Every file with unresolved conflicts, described, in the order of [`Loaded::sources`].
    pub fn conflicts(&self) -> Vec<conflict::FileConflict> {
        let files = self.conflicted_files();
        if files.is_empty() {
            return Vec::new();
        }
        self.sources
            .iter()
            .enumerate()
            .filter(|(_, source)| files.contains(source.path.as_path()))
            .filter_map(|(index, source)| describe_conflict(index, source))
            .collect()
    }

    /// The unresolved conflicts of the file activity `activity_index` was read from, if any.
    pub fn conflict_of(&self, activity_index: usize) -> Option<conflict::FileConflict> {
        let index = *self.activity_sources.get(activity_index)?;
        let source = self.sources.get(index)?;
        let conflicted = self
            .findings
            .iter()
            .any(|f| f.code == conflict::FINDING && f.file.as_deref() == Some(&source.path));
        conflicted
            .then(|| describe_conflict(index, source))
            .flatten()
    }

    /// The places in `plan.activities` of the activities whose files hold unresolved conflicts.
    pub fn conflicted_activities(&self) -> std::collections::HashSet<usize> {
        let files = self.conflicted_files();
        if files.is_empty() {
            return Default::default();
        }
        self.activity_sources
            .iter()
            .enumerate()
            .filter(|&(_, &source)| {
                self.sources
                    .get(source)
                    .is_some_and(|s| files.contains(s.path.as_path()))
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// The unresolved conflicts of the programme file, if it has any.
    pub fn programme_conflict(&self) -> Option<conflict::FileConflict> {
        let source = self.sources.first()?;
        let conflicted = self
            .findings
            .iter()
            .any(|f| f.code == conflict::FINDING && f.file.as_deref() == Some(&source.path));
        conflicted.then(|| describe_conflict(0, source)).flatten()
    }

    /// Leaves out the activities whose files were read with errors (partly, with defaults in
    /// place of what could not be read), for commands that show or count activities; returns
    /// the paths of the files left out. Activities read from one side of an unresolved conflict
    /// stay: commands show them as conflicted ([`Loaded::conflict_of`]).
    pub fn drop_unreadable(&mut self) -> Vec<PathBuf> {
        let has_activity: BTreeSet<&Path> = self
            .activity_sources
            .iter()
            .filter_map(|&i| self.sources.get(i))
            .map(|source| source.path.as_path())
            .collect();
        let conflicted: BTreeSet<&Path> = self
            .findings
            .iter()
            .filter(|f| f.code == conflict::FINDING)
            .filter_map(|f| f.file.as_deref())
            .filter(|file| has_activity.contains(file))
            .collect();
        let unreadable: BTreeSet<&Path> = self
            .findings
            .iter()
            .filter(|f| f.is_error())
            .filter_map(|f| f.file.as_deref())
            .filter(|file| !conflicted.contains(file))
            .collect();
        let mut kept = Vec::new();
        let mut sources = Vec::new();
        for (activity, source) in self
            .plan
            .activities
            .drain(..)
            .zip(self.activity_sources.drain(..))
        {
            let path = self.sources.get(source).map(|s| s.path.as_path());
            if !path.is_some_and(|p| unreadable.contains(p)) {
                kept.push(activity);
                sources.push(source);
            }
        }
        self.plan.activities = kept;
        self.activity_sources = sources;
        unreadable.into_iter().map(Path::to_path_buf).collect()
    }
}

/// The conflicts of `source`, the file at `index` of a year's sources (the programme file
/// first).
fn describe_conflict(index: usize, source: &Source) -> Option<conflict::FileConflict> {
    if index == 0 {
        parse::conflict_of::<WorkProgramme>(&source.path, &source.text)
    } else {
        parse::conflict_of::<Activity>(&source.path, &source.text)
    }
}

/// Reads one year: the programme file and every `activities/*.toml`, in code order.
///
/// Problems inside files become findings; only a missing or unreadable folder is an error.
pub fn load(workspace: &Workspace, year: i32) -> Result<Loaded, StoreError> {
    load_with(workspace, year, false).map(|(loaded, _)| loaded)
}

/// [`load`], also keeping where every key of each file is, taken from the same parse that read
/// its values: one tree per file of [`Loaded::sources`], in the same order, `None` for a file
/// that is not valid TOML. [`crate::validate::validate_located`] points at lines with them
/// without reading the files again.
pub fn load_located(
    workspace: &Workspace,
    year: i32,
) -> Result<(Loaded, Vec<Option<Tree>>), StoreError> {
    load_with(workspace, year, true)
}

fn load_with(
    workspace: &Workspace,
    year: i32,
    locate: bool,
) -> Result<(Loaded, Vec<Option<Tree>>), StoreError> {
    let listing = list(workspace, year)?;
    let activities = read_files(workspace, &listing.files, Reading::Whole { locate })?;
    let programme = parse_raw(listing.programme, locate);
    Ok(assemble_parsed(year, programme, activities, locate))
}

/// [`load`] for commands that list or count activities, keeping only what they print: the
/// same activities in the same order, with the same findings, but each activity's long prose
/// (see [`drop_prose`]) is let go as its file is read unless `keep_prose` asks for it, and
/// the text of a file is kept only when something was found in it (so that a conflict can be
/// described and an error quoted); [`Loaded::sources`] holds the others with no text.
pub fn load_brief(
    workspace: &Workspace,
    year: i32,
    keep_prose: &(dyn Fn(&Activity) -> bool + Sync),
) -> Result<Loaded, StoreError> {
    let listing = list(workspace, year)?;
    let activities = read_files(workspace, &listing.files, Reading::Brief { keep_prose })?;
    let programme = parse_raw(listing.programme, false);
    Ok(assemble_parsed(year, programme, activities, false).0)
}

/// Reads the programme file and the one activity file named after `code` as [`load`] reads
/// them, opening no other file; `None` when there is no such file, or `code` cannot be a file
/// name. For a command about one activity: what the other files hold is not known, so a
/// second file with the same code (an error `check` reports) goes unseen.
pub fn load_activity(
    workspace: &Workspace,
    year: i32,
    code: &str,
) -> Result<Option<Loaded>, StoreError> {
    let plain = !code.is_empty()
        && !code.starts_with('.')
        && !code.contains(['/', '\\', '\0'])
        && code.trim() == code;
    if !plain {
        return Ok(None);
    }
    let path = workspace.activity_path(year, code);
    // As the listing does: a file, or a link to one.
    if !path.is_file() {
        return Ok(None);
    }
    let programme_path = workspace.year_dir(year).join(PROGRAMME_FILE);
    let bytes =
        std::fs::read(&programme_path).map_err(StoreError::io("cannot read", &programme_path))?;
    let programme = parse_raw(
        RawFile::new(workspace.relative(&programme_path), bytes),
        false,
    );
    let activity = read_files(workspace, &[path], Reading::Whole { locate: false })?;
    Ok(Some(assemble_parsed(year, programme, activity, false).0))
}

/// The codes a year names, for completing command lines: its activities (from the names of
/// their files, which are not read) and the areas and projects of its programme file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Codes {
    /// The activities' codes, in code order (I.1.2 before I.1.10).
    pub activities: Vec<String>,
    /// The areas' codes, in the order of the programme file.
    pub areas: Vec<String>,
    /// The projects' codes, in the order of the programme file.
    pub projects: Vec<String>,
}

/// Reads the [`Codes`] of a year quickly: no activity file is opened, and the programme file is
/// read only for its codes, so a file with mistakes elsewhere still gives them. A programme
/// file that is not TOML, or whose areas or projects are not tables, gives no area or project
/// codes.
pub fn codes(workspace: &Workspace, year: i32) -> Result<Codes, StoreError> {
    /// Only the codes of a programme file; everything else in it is ignored.
    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    struct Coded {
        areas: Vec<toml::Table>,
        projects: Vec<toml::Table>,
    }
    fn code_of(table: toml::Table) -> Option<String> {
        match table.get("code")? {
            toml::Value::String(code) => Some(code.clone()),
            _ => None,
        }
    }
    let dir = workspace.year_dir(year);
    let (files, _links) = activity_files(&dir.join(ACTIVITIES_DIR))?;
    let mut activities: Vec<String> = files
        .iter()
        .filter_map(|path| Some(path.file_stem()?.to_str()?.to_string()))
        .collect();
    activities.sort_by_cached_key(|code| code_sort_key(code));
    let programme_path = dir.join(PROGRAMME_FILE);
    let text = std::fs::read_to_string(&programme_path)
        .map_err(StoreError::io("cannot read", &programme_path))?;
    let coded: Coded = toml::from_str(&text).unwrap_or_default();
    Ok(Codes {
        activities,
        areas: coded.areas.into_iter().filter_map(code_of).collect(),
        projects: coded.projects.into_iter().filter_map(code_of).collect(),
    })
}

/// What is known of a year before its activity files are read: the programme file and the
/// paths of the activity files, sorted by name.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The year.
    pub year: i32,
    /// The programme file's bytes.
    pub programme: RawFile,
    /// The activity files, not read yet.
    pub files: Vec<PathBuf>,
    /// Those of `files` that are symbolic links: what git records of them is where they
    /// point, not what they hold.
    pub links: Vec<PathBuf>,
}

/// Reads a year's programme file and lists its activity files, without reading them: the
/// start of [`load`], for an interface that reads the rest while it shows the programme.
pub fn list(workspace: &Workspace, year: i32) -> Result<Listing, StoreError> {
    let dir = workspace.year_dir(year);
    let programme_path = dir.join(PROGRAMME_FILE);
    let bytes =
        std::fs::read(&programme_path).map_err(StoreError::io("cannot read", &programme_path))?;
    let programme = RawFile::new(workspace.relative(&programme_path), bytes);
    let (files, links) = activity_files(&dir.join(ACTIVITIES_DIR))?;
    Ok(Listing {
        year,
        programme,
        files,
        links,
    })
}

/// Reads and parses activity files (some or all of a [`Listing`]'s), in the order given.
pub fn read_activities(
    workspace: &Workspace,
    paths: &[PathBuf],
) -> Result<Vec<ParsedActivity>, StoreError> {
    let parsed = read_files(workspace, paths, Reading::Whole { locate: false })?;
    Ok(parsed
        .into_iter()
        .map(|(source, parsed)| (source, parsed.value, parsed.findings))
        .collect())
}

/// An activity file as parsed, with where its keys are: its source, the activity if it could
/// be read, the findings, and its tree (`None` when it is not valid TOML).
pub type LocatedActivity = (Source, Option<Activity>, Vec<Finding>, Option<Tree>);

/// Reads and parses activity files as [`load_located`] does, in the order given: for checking
/// a year in parts, letting each part's texts and trees go before the next is read.
pub fn read_located(
    workspace: &Workspace,
    paths: &[PathBuf],
) -> Result<Vec<LocatedActivity>, StoreError> {
    let parsed = read_files(workspace, paths, Reading::Whole { locate: true })?;
    Ok(parsed
        .into_iter()
        .map(|(source, parsed)| (source, parsed.value, parsed.findings, parsed.tree))
        .collect())
}

/// How much of each activity file a read keeps.
#[derive(Clone, Copy)]
enum Reading<'a> {
    /// Everything: the text, the activity, and the tree when `locate` is set.
    Whole {
        /// Whether each file's tree is kept.
        locate: bool,
    },
    /// What lists and counts need ([`load_brief`]): the text only of a file with findings,
    /// and the long prose only of the activities `keep_prose` asks for.
    Brief {
        /// Whether an activity keeps its long prose.
        keep_prose: &'a (dyn Fn(&Activity) -> bool + Sync),
    },
}

/// Reads and parses activity files, keeping of each what `reading` asks for. A file that
/// cannot be read is a finding about it; one that vanished since it was listed is left out.
fn read_files(
    workspace: &Workspace,
    paths: &[PathBuf],
    reading: Reading,
) -> Result<Vec<(Source, Parsed<Activity>)>, StoreError> {
    let locate = matches!(reading, Reading::Whole { locate: true });
    // Each file is read on the thread that parses it, so reading overlaps parsing, and what
    // a brief read leaves out is let go there, before the next file is read.
    let read: Vec<Option<(Source, Parsed<Activity>)>> = paths
        .par_iter()
        .map(|path| {
            let relative = workspace.relative(path).to_path_buf();
            let mut read = match std::fs::read(path) {
                Ok(bytes) => parse_raw(RawFile::new(relative, bytes), locate),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => return None,
                Err(error) => unreadable(relative, &error),
            };
            if let Reading::Brief { keep_prose } = reading {
                let (source, parsed) = &mut read;
                if parsed.findings.is_empty() {
                    source.text = String::new();
                }
                if let Some(activity) = parsed.value.as_mut().filter(|a| !keep_prose(a)) {
                    drop_prose(activity);
                }
            }
            Some(read)
        })
        .collect();
    Ok(read.into_iter().flatten().collect())
}

/// Empties an activity's long prose, which lists and counts never print: background,
/// objectives, expected results, audience, account, footnotes and the text of notes.
pub fn drop_prose(activity: &mut Activity) {
    activity.background = String::new();
    activity.objectives_lead = None;
    activity.objectives = Vec::new();
    activity.objectives_closing = None;
    activity.expected_results_lead = None;
    activity.expected_results = Vec::new();
    activity.expected_results_closing = None;
    activity.audience = None;
    activity.account = None;
    activity.footnotes = Vec::new();
    for note in &mut activity.notes {
        note.text = String::new();
    }
    activity.translations.clear();
}

/// A file that could not be read at all: no text, and a finding that says why.
fn unreadable<T>(path: PathBuf, error: &std::io::Error) -> (Source, Parsed<T>) {
    let finding = Finding::error(
        "unreadable-file",
        crate::tr!("store-unreadable-file", error = error.to_string()),
    )
    .at(&path, None)
    .hint(crate::tr!("store-unreadable-file-hint"));
    let source = Source {
        path,
        text: String::new(),
    };
    (source, Parsed::refused(finding))
}

/// A file's bytes, named by its path relative to the workspace root: what the store reads from
/// disk and the history from git, before it is known to be text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawFile {
    /// The path relative to the workspace root.
    pub path: PathBuf,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl RawFile {
    /// The file at `path` with these bytes.
    pub fn new(path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> Self {
        RawFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// Decodes and parses one file: a file that is not text the tool reads is one finding.
fn parse_raw<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
    file: RawFile,
    locate: bool,
) -> (Source, Parsed<T>) {
    let (text, refused) = decode::decode(&file.path, file.bytes);
    let source = Source {
        path: file.path,
        text,
    };
    let parsed = match refused {
        Some(finding) => Parsed::refused(finding),
        None => parse::read::<T>(&source.path, &source.text, locate),
    };
    (source, parsed)
}

/// Decodes and parses one file read from anywhere: the text (for quoting), the value as far as
/// it could be read, and every finding, as [`parse_file`] gives them.
pub fn read_file<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
    file: RawFile,
) -> (Source, Option<T>, Vec<Finding>) {
    let (source, parsed) = parse_raw::<T>(file, false);
    (source, parsed.value, parsed.findings)
}

/// The unresolved conflicts of a file [`read_file`] read as a `T`, with the findings it gave:
/// described when those say it has conflict markers.
pub fn conflict_in<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
    source: &Source,
    findings: &[Finding],
) -> Option<conflict::FileConflict> {
    findings
        .iter()
        .any(|f| f.code == conflict::FINDING)
        .then(|| parse::conflict_of::<T>(&source.path, &source.text))
        .flatten()
}

/// Builds a year from the bytes of its files, wherever they were read from: the programme file
/// and the activity files (in any order). [`load`] reads them from disk; the history reads
/// them from git, so an old revision goes through the same reader as today's files.
pub fn assemble(year: i32, programme: RawFile, activity_files: Vec<RawFile>) -> Loaded {
    assemble_with(year, programme, activity_files, false).0
}

/// [`assemble`], also keeping where every key of each file is, as [`load_located`] does: what
/// `check` needs to point into the files of a revision.
pub fn assemble_located(
    year: i32,
    programme: RawFile,
    activity_files: Vec<RawFile>,
) -> (Loaded, Vec<Option<Tree>>) {
    assemble_with(year, programme, activity_files, true)
}

fn assemble_with(
    year: i32,
    programme: RawFile,
    activity_files: Vec<RawFile>,
    locate: bool,
) -> (Loaded, Vec<Option<Tree>>) {
    let activities: Vec<_> = activity_files
        .into_par_iter()
        .map(|file| parse_raw::<Activity>(file, locate))
        .collect();
    let programme = parse_raw::<WorkProgramme>(programme, locate);
    assemble_parsed(year, programme, activities, locate)
}

/// An activity file as parsed: its source, the activity if it could be read, and the findings.
pub type ParsedActivity = (Source, Option<Activity>, Vec<Finding>);

/// Builds a year from the programme file and the activity files already parsed, with the
/// trees of the files (kept when `locate` is set), in the order of [`Loaded::sources`].
fn assemble_parsed(
    year: i32,
    (programme, programme_parsed): (Source, Parsed<WorkProgramme>),
    parsed: Vec<(Source, Parsed<Activity>)>,
    locate: bool,
) -> (Loaded, Vec<Option<Tree>>) {
    let mut trees = Vec::with_capacity(if locate { parsed.len() + 1 } else { 0 });
    if locate {
        trees.push(programme_parsed.tree);
    }
    let mut loaded = Loaded::with_programme(
        year,
        programme,
        programme_parsed.value,
        programme_parsed.findings,
    );
    let mut activities = Vec::with_capacity(parsed.len());
    for (source, parsed) in parsed {
        if locate {
            trees.push(parsed.tree);
        }
        activities.push((source, parsed.value, parsed.findings));
    }
    loaded.add_activities(activities);
    (loaded, trees)
}

/// The `.toml` files of an activities folder, sorted by name, and those of them that are
/// symbolic links; none if the folder is missing.
fn activity_files(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Vec::new(), Vec::new()));
        }
        Err(error) => return Err(StoreError::io("cannot read", dir)(error)),
    };
    // The entry's own file type needs no extra system call; only links are followed.
    let mut files = Vec::new();
    let mut links = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        match entry.file_type() {
            Ok(kind) if kind.is_symlink() && path.is_file() => {
                links.push(path.clone());
                files.push(path);
            }
            Ok(kind) if kind.is_file() => files.push(path),
            _ => {}
        }
    }
    // All in one folder: comparing the whole paths as bytes orders them by file name.
    files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    links.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok((files, links))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_from_file_names_and_the_programme_file_in_code_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let workspace = Workspace::at(dir.path());
        let year = workspace.year_dir(2021);
        std::fs::create_dir_all(year.join(ACTIVITIES_DIR)).expect("folders");
        for name in ["I.1.10.toml", "I.1.2.toml", "II.1.1.toml", "notes.txt"] {
            // Not TOML at all: the codes come from the names.
            std::fs::write(year.join(ACTIVITIES_DIR).join(name), "= broken").expect("write");
        }
        let programme = "unknown = 1\n[[areas]]\ncode = \"I\"\n[[areas]]\ntitle = \"no code\"\n\
                         [[projects]]\ncode = \"I.1\"\nprogramme = 3\n";
        std::fs::write(year.join(PROGRAMME_FILE), programme).expect("write");
        let read = codes(&workspace, 2021).expect("codes");
        assert_eq!(read.activities, ["I.1.2", "I.1.10", "II.1.1"]);
        assert_eq!(read.areas, ["I"]);
        assert_eq!(read.projects, ["I.1"]);
        std::fs::write(year.join(PROGRAMME_FILE), "[[areas]\n").expect("write");
        let broken = codes(&workspace, 2021).expect("codes");
        assert_eq!(broken.activities.len(), 3);
        assert!(broken.areas.is_empty() && broken.projects.is_empty());
    }

    #[test]
    fn loading_located_keeps_a_tree_per_file_and_checks_the_same() {
        let dir = tempfile::tempdir().expect("temp dir");
        let year = dir.path().join(PROGRAMME_DIR).join("2021");
        std::fs::create_dir_all(year.join(ACTIVITIES_DIR)).expect("folders");
        let mini = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini/programme/2021");
        std::fs::copy(mini.join(PROGRAMME_FILE), year.join(PROGRAMME_FILE)).expect("copy");
        let activity = |code: &str, rest: &str| {
            format!("code = \"{code}\"\nproject = \"I.1\"\ntitle = \"T\"\nkind = \"study\"\n{rest}")
        };
        let files = [
            ("I.1.1", activity("I.1.1", "statsu = \"done\"\n")),
            ("I.1.2", activity("I.1.2", "progress = \"half\"\n")),
            ("I.1.3", "code = \"I.1.3\n".to_string()),
            ("I.1.4", activity("I.1.4", "background = \"See [^9].\"\n")),
        ];
        for (code, text) in &files {
            let path = year.join(ACTIVITIES_DIR).join(format!("{code}.toml"));
            std::fs::write(path, text).expect("write");
        }
        let workspace = Workspace::at(dir.path());
        let (loaded, trees) = load_located(&workspace, 2021).expect("loads");
        assert_eq!(trees.len(), loaded.sources.len());
        // Only the file that is not valid TOML has no tree.
        let missing: Vec<_> = loaded
            .sources
            .iter()
            .zip(&trees)
            .filter(|(_, tree)| tree.is_none())
            .map(|(source, _)| source.path.clone())
            .collect();
        assert_eq!(missing, [Path::new("programme/2021/activities/I.1.3.toml")]);
        let plain = load(&workspace, 2021).expect("loads");
        assert_eq!(plain.findings, loaded.findings);
        let found = crate::validate::validate_located(&loaded, &trees);
        assert!(!found.is_empty());
        assert_eq!(found, crate::validate::validate(&plain));
    }

    #[test]
    fn a_year_read_in_parts_in_any_order_is_the_year_read_whole() {
        let workspace = Workspace::at(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini"));
        let whole = load(&workspace, 2021).expect("the fixture loads");
        let listing = list(&workspace, 2021).expect("the fixture is listed");
        let (first, last) = listing.files.split_at(2);
        let mut parts = Loaded::started(2021, listing.programme);
        parts.add_activities(read_activities(&workspace, last).expect("reads"));
        parts.add_activities(read_activities(&workspace, first).expect("reads"));
        assert_eq!(parts.plan, whole.plan);
        for (i, activity) in parts.plan.activities.iter().enumerate() {
            let source = parts.source_of(i).expect("a source");
            assert!(source.path.ends_with(format!("{}.toml", activity.code)));
        }

        // A file put again replaces its activity; one that no longer reads takes it out.
        let mut activity = whole.plan.activities[0].clone();
        activity.title = "Renamed".into();
        let source = parts.source_of(0).cloned().expect("a source");
        parts.put_file(source.clone(), Some(activity), Vec::new());
        assert_eq!(parts.plan.activities[0].title, "Renamed");
        assert_eq!(parts.plan.activities.len(), whole.plan.activities.len());
        let broken = Finding::error("syntax", "broken").at(&source.path, None);
        parts.put_file(source, None, vec![broken]);
        assert_eq!(parts.plan.activities.len(), whole.plan.activities.len() - 1);
        assert!(parts.has_errors());
    }
}
