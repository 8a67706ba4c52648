//! The journal of changes: every programme file a command writes through the store is noted
//! with its content and mode before and after, so that `programa undo` can put it back and
//! `programa redo` make the change again.
//!
//! The journal lives in the workspace's [state folder](Workspace::state_dir) (which git never
//! tracks), in `journal/undo/` and `journal/redo/`: one JSON file per change, named by a
//! sequence number. At most [`DEPTH`] changes are kept. A change is written down when the
//! write lock it was made under is freed ([`WriteLock`](super::lock::WriteLock) calls
//! [`flush`]), so the journal and the files never disagree about who wrote last.
//!
//! A change is undone only if every file it touched still has the content it left; otherwise
//! nothing is written ([`JournalError::Changed`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::write::write_file;
use super::{PROGRAMME_DIR, StoreError, Workspace};

/// How many changes the journal keeps; older ones are forgotten.
pub const DEPTH: usize = 100;

/// The journal's folder inside the state folder.
const JOURNAL_DIR: &str = "journal";

/// The change being recorded by this process, if any.
static RECORDING: Mutex<Option<Recording>> = Mutex::new(None);

/// A change being recorded: what it is and the files touched so far, with their state before.
#[derive(Debug)]
struct Recording {
    workspace: Workspace,
    /// The workspace root, absolute.
    root: PathBuf,
    description: String,
    /// Each touched file (relative to the root) and its state before the first write.
    touched: BTreeMap<PathBuf, Option<Snapshot>>,
}

/// A file's bytes and mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The content: text when it is UTF-8, else the bytes.
    pub content: Content,
    /// The file's permission bits (0 where the system has none).
    pub mode: u32,
}

/// A file's content as the journal keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Content {
    /// UTF-8 text, readable in the journal file.
    Text(String),
    /// Any other bytes.
    Bytes(Vec<u8>),
}

impl Content {
    fn new(bytes: Vec<u8>) -> Self {
        match String::from_utf8(bytes) {
            Ok(text) => Content::Text(text),
            Err(error) => Content::Bytes(error.into_bytes()),
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Content::Text(text) => text.as_bytes(),
            Content::Bytes(bytes) => bytes,
        }
    }
}

/// One file a change touched: its state before and after (`None`: absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChange {
    /// Relative to the workspace root.
    pub path: PathBuf,
    pub before: Option<Snapshot>,
    pub after: Option<Snapshot>,
}

/// One change: the command line that made it, when, and the files it touched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub description: String,
    /// UTC, as [`crate::clock::timestamp`] gives it.
    pub time: String,
    pub files: Vec<FileChange>,
}

/// A change that was undone or redone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    pub description: String,
    pub time: String,
    /// The files written, relative to the root.
    pub files: Vec<PathBuf>,
}

/// Why a change cannot be undone or redone.
#[derive(Debug)]
pub enum JournalError {
    /// There is nothing to undo (or redo, when `redo`).
    Nothing {
        redo: bool,
    },
    /// `path` was changed since the change `description` (by hand or by another program).
    Changed {
        path: PathBuf,
        description: String,
    },
    /// A journal file cannot be read.
    Unreadable(PathBuf),
    Store(StoreError),
}

impl From<StoreError> for JournalError {
    fn from(error: StoreError) -> Self {
        JournalError::Store(error)
    }
}

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::output::shown;
        let text = match self {
            JournalError::Nothing { redo: false } => crate::tr!("store-journal-nothing-to-undo"),
            JournalError::Nothing { redo: true } => crate::tr!("store-journal-nothing-to-redo"),
            JournalError::Changed { path, description } => crate::tr!(
                "store-journal-changed-since",
                path = shown(&path.display().to_string()).to_string(),
                change = shown(description).to_string()
            ),
            JournalError::Unreadable(path) => crate::tr!(
                "store-journal-unreadable",
                path = shown(&path.display().to_string()).to_string()
            ),
            JournalError::Store(error) => error.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for JournalError {}

/// Starts recording the changes this process makes to `workspace`'s programme files as one
/// change called `description` (the command line).
pub fn start(workspace: &Workspace, description: String) {
    let root = std::path::absolute(workspace.root()).unwrap_or_else(|_| workspace.root().into());
    let recording = Recording {
        workspace: workspace.clone(),
        root,
        description,
        touched: BTreeMap::new(),
    };
    if let Ok(mut slot) = RECORDING.lock() {
        *slot = Some(recording);
    }
}

/// Notes the state of `path` before the store writes or removes it, if a change is being
/// recorded and `path` is a programme file (a `.toml` file under `programme/`).
pub(crate) fn before_write(path: &Path) {
    let Ok(mut slot) = RECORDING.lock() else {
        return;
    };
    let Some(recording) = slot.as_mut() else {
        return;
    };
    let Ok(absolute) = std::path::absolute(path) else {
        return;
    };
    let Ok(relative) = absolute.strip_prefix(&recording.root) else {
        return;
    };
    if !relative.starts_with(PROGRAMME_DIR)
        || relative
            .extension()
            .is_none_or(|extension| extension != "toml")
        || relative
            .components()
            .any(|part| part.as_os_str() == ".programa")
    {
        return;
    }
    if !recording.touched.contains_key(relative) {
        let before = snapshot(&absolute);
        recording.touched.insert(relative.to_path_buf(), before);
    }
}

/// Writes down the change recorded so far, if it touched any file, and goes on recording a
/// new one. Called with the write lock held; the journal's own writes are not recorded.
pub fn flush() -> Result<(), StoreError> {
    let (workspace, root, description, touched) = {
        let Ok(mut slot) = RECORDING.lock() else {
            return Ok(());
        };
        let Some(recording) = slot.as_mut() else {
            return Ok(());
        };
        if recording.touched.is_empty() {
            return Ok(());
        }
        (
            recording.workspace.clone(),
            recording.root.clone(),
            recording.description.clone(),
            std::mem::take(&mut recording.touched),
        )
    };
    let files: Vec<FileChange> = touched
        .into_iter()
        .map(|(path, before)| {
            let after = snapshot(&root.join(&path));
            FileChange {
                path,
                before,
                after,
            }
        })
        .filter(|change| change.before != change.after)
        .collect();
    if files.is_empty() {
        return Ok(());
    }
    let entry = Entry {
        description,
        time: crate::clock::timestamp().unwrap_or_default(),
        files,
    };
    let stacks = Stacks::at(&workspace.state_dir().join(JOURNAL_DIR));
    let next = stacks.numbers(Stack::Undo)?.last().map_or(1, |n| n + 1);
    stacks.clear(Stack::Redo)?;
    stacks.put(Stack::Undo, next, &entry)?;
    let numbers = stacks.numbers(Stack::Undo)?;
    for old in numbers.iter().take(numbers.len().saturating_sub(DEPTH)) {
        remove(&stacks.path(Stack::Undo, *old))?;
    }
    Ok(())
}

/// Writes down what is left of the change being recorded, taking the write lock for it:
/// what a command calls when it is done, for writes made without the lock and for a journal
/// that could not be written when the lock was freed.
pub fn finish() -> Result<(), StoreError> {
    let workspace = match RECORDING.lock() {
        Ok(slot) => match slot.as_ref() {
            Some(recording) if !recording.touched.is_empty() => recording.workspace.clone(),
            _ => return Ok(()),
        },
        Err(_) => return Ok(()),
    };
    let lock = workspace.lock_all(super::lock::timeout()?, |_| {})?;
    flush()?;
    drop(lock);
    Ok(())
}

/// The state of a file now, or `None` if there is none.
fn snapshot(path: &Path) -> Option<Snapshot> {
    let bytes = std::fs::read(path).ok()?;
    Some(Snapshot {
        content: Content::new(bytes),
        mode: mode_of(path),
    })
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).map_or(0, |metadata| metadata.permissions().mode() & 0o7777)
}

#[cfg(not(unix))]
fn mode_of(_path: &Path) -> u32 {
    0
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt as _;
    if mode == 0 || mode_of(path) == mode {
        return Ok(());
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(StoreError::io("cannot write", path))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> Result<(), StoreError> {
    Ok(())
}

/// Removes `path`; a missing file is fine.
fn remove(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(StoreError::io("cannot remove", path)(error)),
    }
}

/// The two stacks of the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stack {
    Undo,
    Redo,
}

/// The journal's folders.
struct Stacks {
    dir: PathBuf,
}

impl Stacks {
    fn at(dir: &Path) -> Self {
        Stacks { dir: dir.into() }
    }

    fn folder(&self, stack: Stack) -> PathBuf {
        self.dir.join(match stack {
            Stack::Undo => "undo",
            Stack::Redo => "redo",
        })
    }

    fn path(&self, stack: Stack, number: u64) -> PathBuf {
        self.folder(stack).join(format!("{number:010}.json"))
    }

    /// The numbers of the entries in `stack`, lowest first.
    fn numbers(&self, stack: Stack) -> Result<Vec<u64>, StoreError> {
        let folder = self.folder(stack);
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(StoreError::io("cannot read", folder)(error)),
        };
        let mut numbers: Vec<u64> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name();
                name.to_str()?.strip_suffix(".json")?.parse().ok()
            })
            .collect();
        numbers.sort_unstable();
        Ok(numbers)
    }

    fn read(&self, stack: Stack, number: u64) -> Result<Entry, JournalError> {
        let path = self.path(stack, number);
        let bytes = std::fs::read(&path).map_err(StoreError::io("cannot read", &path))?;
        serde_json::from_slice(&bytes).map_err(|_| JournalError::Unreadable(path))
    }

    fn put(&self, stack: Stack, number: u64, entry: &Entry) -> Result<(), StoreError> {
        let folder = self.folder(stack);
        std::fs::create_dir_all(&folder).map_err(StoreError::io("cannot create", &folder))?;
        let text = serde_json::to_vec(entry).unwrap_or_default();
        write_file(&self.path(stack, number), &text)
    }

    fn clear(&self, stack: Stack) -> Result<(), StoreError> {
        for number in self.numbers(stack)? {
            remove(&self.path(stack, number))?;
        }
        Ok(())
    }

    /// Moves entry `number` from one stack to the other.
    fn shift(&self, from: Stack, to: Stack, number: u64) -> Result<(), StoreError> {
        let folder = self.folder(to);
        std::fs::create_dir_all(&folder).map_err(StoreError::io("cannot create", &folder))?;
        let target = self.path(to, number);
        std::fs::rename(self.path(from, number), &target)
            .map_err(StoreError::io("cannot replace", target))
    }
}

/// The journal of `workspace`, newest change first, with each change's number (1 is the
/// newest, as `programa undo N` counts).
pub fn list(workspace: &Workspace) -> Result<Vec<Entry>, JournalError> {
    let stacks = Stacks::at(&workspace.state_dir().join(JOURNAL_DIR));
    let mut entries = Vec::new();
    for number in stacks.numbers(Stack::Undo)?.into_iter().rev() {
        entries.push(stacks.read(Stack::Undo, number)?);
    }
    Ok(entries)
}

/// How many undone changes `programa redo` can make again.
pub fn redoable(workspace: &Workspace) -> Result<usize, JournalError> {
    let stacks = Stacks::at(&workspace.state_dir().join(JOURNAL_DIR));
    Ok(stacks.numbers(Stack::Redo)?.len())
}

/// Undoes the last change: the function the interface calls for its undo key.
pub fn undo(workspace: &Workspace) -> Result<Undone, JournalError> {
    let timeout = super::lock::timeout()?;
    let lock = workspace.lock_all(timeout, |_| {})?;
    let mut undone = step(workspace, &lock, 1, false)?;
    undone.pop().ok_or(JournalError::Nothing { redo: false })
}

/// Makes the last undone change again: the interface's redo key.
pub fn redo(workspace: &Workspace) -> Result<Undone, JournalError> {
    let timeout = super::lock::timeout()?;
    let lock = workspace.lock_all(timeout, |_| {})?;
    let mut redone = step(workspace, &lock, 1, true)?;
    redone.pop().ok_or(JournalError::Nothing { redo: true })
}

/// Undoes (or, with `redo`, redoes) the last `count` changes, holding `_lock` (of every
/// year). Every file is checked first, against what the changes before it in the same call
/// leave: when one was changed since, nothing is written. The entries move to the other
/// stack; the writes are not journaled as changes of their own.
pub fn step(
    workspace: &Workspace,
    _lock: &super::lock::WriteLock,
    count: usize,
    redo: bool,
) -> Result<Vec<Undone>, JournalError> {
    let stacks = Stacks::at(&workspace.state_dir().join(JOURNAL_DIR));
    let (from, to) = if redo {
        (Stack::Redo, Stack::Undo)
    } else {
        (Stack::Undo, Stack::Redo)
    };
    let mut numbers = stacks.numbers(from)?;
    if !redo {
        numbers.reverse();
    }
    if numbers.is_empty() {
        return Err(JournalError::Nothing { redo });
    }
    let numbers: Vec<u64> = numbers.into_iter().take(count.max(1)).collect();
    // The files as they would be after each step, to check the next one against.
    let mut planned: BTreeMap<PathBuf, Option<Snapshot>> = BTreeMap::new();
    let mut entries = Vec::new();
    for &number in &numbers {
        let entry = stacks.read(from, number)?;
        for file in &entry.files {
            let (expected, next) = if redo {
                (&file.before, &file.after)
            } else {
                (&file.after, &file.before)
            };
            let now = match planned.get(&file.path) {
                Some(state) => state.clone(),
                None => snapshot(&workspace.root().join(&file.path)),
            };
            if !same_content(now.as_ref(), expected.as_ref()) {
                return Err(JournalError::Changed {
                    path: file.path.clone(),
                    description: entry.description.clone(),
                });
            }
            planned.insert(file.path.clone(), next.clone());
        }
        entries.push((number, entry));
    }
    let mut done = Vec::new();
    for (number, entry) in entries {
        for file in &entry.files {
            let target = if redo { &file.after } else { &file.before };
            let path = workspace.root().join(&file.path);
            match target {
                Some(state) => {
                    write_file(&path, state.content.bytes())?;
                    set_mode(&path, state.mode)?;
                }
                None => remove(&path)?,
            }
        }
        stacks.shift(from, to, number)?;
        done.push(Undone {
            description: entry.description,
            time: entry.time,
            files: entry.files.into_iter().map(|file| file.path).collect(),
        });
    }
    Ok(done)
}

/// Whether two states have the same bytes (a changed mode alone does not stop an undo).
fn same_content(a: Option<&Snapshot>, b: Option<&Snapshot>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.content.bytes() == b.content.bytes(),
        _ => false,
    }
}
