//! The lock every writer of programme files holds while it reads, changes, checks and writes
//! them, so that parallel writers (commands, scripts, the interface) never lose a change.
//!
//! There is one lock per workspace: the file `lock` in its [state folder](Workspace::state_dir),
//! which git never tracks. It is an advisory lock of the operating system (`File::lock`), so it
//! is freed the moment its holder ends, however it ends: a killed writer leaves nothing to clean
//! up. A writer that finds it taken waits, saying so once, for at most
//! [`timeout`] (`PROGRAMA_LOCK_TIMEOUT` seconds, 30 by default), then gives up with
//! [`StoreError::Busy`] having written nothing.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::write::{remove_stale_temporaries, write_file};
use super::{ACTIVITIES_DIR, PROGRAMME_DIR, StoreError, Workspace};

/// The variable that sets how long a writer waits for the lock, in seconds.
pub const TIMEOUT_VAR: &str = "PROGRAMA_LOCK_TIMEOUT";

/// How long a writer waits for the lock when [`TIMEOUT_VAR`] is not set.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The name of the lock file in the state folder.
const LOCK_FILE: &str = "lock";

/// The state folder's name inside the git directory, or (with a dot) under `programme/`.
const STATE_DIR: &str = "programa";

/// How long a waiting writer sleeps between tries, at most.
const LONGEST_NAP: Duration = Duration::from_millis(50);

/// How long to wait for the lock: [`TIMEOUT_VAR`] if it is set, else [`DEFAULT_TIMEOUT`].
pub fn timeout() -> Result<Duration, StoreError> {
    match std::env::var(TIMEOUT_VAR) {
        Ok(value) if !value.trim().is_empty() => value
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|seconds| (0.0..1.0e9).contains(seconds))
            .map(Duration::from_secs_f64)
            .ok_or(StoreError::BadTimeout(value)),
        _ => Ok(DEFAULT_TIMEOUT),
    }
}

/// Who holds the lock, as it wrote itself down: what it is writing and its process id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Holder {
    /// The folder it is writing, relative to the workspace root (`programme/2021`).
    pub folder: String,
    /// Its process id, if it could be read.
    pub process: Option<u32>,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.folder)?;
        if let Some(process) = self.process {
            write!(f, " (process {process})")?;
        }
        Ok(())
    }
}

/// The workspace's write lock, held until dropped.
#[derive(Debug)]
pub struct WriteLock {
    /// Kept open: closing it frees the lock.
    _file: File,
}

impl Drop for WriteLock {
    /// Writes the change made under the lock into the journal before the lock is freed; if
    /// that fails, the command's last [`journal::flush`](super::journal::flush) says so.
    fn drop(&mut self) {
        let _ = super::journal::flush();
    }
}

impl Workspace {
    /// The folder where programa keeps its own state for this workspace, which git never
    /// tracks: `<git dir>/programa/` when the workspace is in a git repository (the worktree's
    /// own git directory for a linked worktree), else `programme/.programa/`.
    pub fn state_dir(&self) -> PathBuf {
        match git_dir(&self.root) {
            Some(git) => git.join(STATE_DIR),
            None => self.root.join(PROGRAMME_DIR).join(format!(".{STATE_DIR}")),
        }
    }

    /// Takes the write lock to change the files of `year`, waiting at most `timeout`; calls
    /// `waiting` once, with who holds it, if it cannot be taken at once. Then removes the
    /// temporary files a killed writer may have left in the year's folders.
    pub fn lock_year(
        &self,
        year: i32,
        timeout: Duration,
        waiting: impl FnOnce(&Holder),
    ) -> Result<WriteLock, StoreError> {
        let dir = self.year_dir(year);
        let lock = self.lock(self.relative(&dir), timeout, waiting)?;
        remove_stale_temporaries(&dir)?;
        remove_stale_temporaries(&dir.join(ACTIVITIES_DIR))?;
        Ok(lock)
    }

    /// Takes the write lock for every year at once (as a commit does), waiting at most
    /// `timeout`; then removes stale temporary files in every year's folders.
    pub fn lock_all(
        &self,
        timeout: Duration,
        waiting: impl FnOnce(&Holder),
    ) -> Result<WriteLock, StoreError> {
        let lock = self.lock(Path::new(PROGRAMME_DIR), timeout, waiting)?;
        for year in self.years().unwrap_or_default() {
            let dir = self.year_dir(year);
            remove_stale_temporaries(&dir)?;
            remove_stale_temporaries(&dir.join(ACTIVITIES_DIR))?;
        }
        Ok(lock)
    }

    fn lock(
        &self,
        folder: &Path,
        timeout: Duration,
        waiting: impl FnOnce(&Holder),
    ) -> Result<WriteLock, StoreError> {
        let dir = self.state_dir();
        self.make_state_dir(&dir)?;
        let path = dir.join(LOCK_FILE);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(StoreError::io("cannot open the lock", &path))?;
        let started = Instant::now();
        let mut waiting = Some(waiting);
        let mut nap = Duration::from_millis(2);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(error)) => {
                    return Err(StoreError::io("cannot take the lock", &path)(error));
                }
            }
            let holder = read_holder(&mut file, folder);
            if let Some(waiting) = waiting.take() {
                waiting(&holder);
            }
            let waited = started.elapsed();
            if waited >= timeout {
                return Err(StoreError::Busy {
                    holder: holder.to_string(),
                    waited,
                    lock: path,
                });
            }
            std::thread::sleep(nap.min(timeout - waited));
            nap = (nap * 2).min(LONGEST_NAP);
        }
        // Only for the message of a writer that waits: no need to flush it.
        let me = format!("{} {}\n", std::process::id(), folder.display());
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(me.as_bytes()));
        Ok(WriteLock { _file: file })
    }

    /// Creates the state folder; under `programme/` it gets a `.gitignore` so that it stays
    /// out of a repository made later.
    fn make_state_dir(&self, dir: &Path) -> Result<(), StoreError> {
        std::fs::create_dir_all(dir).map_err(StoreError::io("cannot create", dir))?;
        let ignore = dir.join(".gitignore");
        if dir.starts_with(self.root.join(PROGRAMME_DIR)) && !ignore.exists() {
            write_file(&ignore, b"*\n")?;
        }
        Ok(())
    }
}

/// What the holder wrote in the lock file; `folder` when it cannot be read.
fn read_holder(file: &mut File, folder: &Path) -> Holder {
    let mut text = String::new();
    let _ = file.rewind().and_then(|()| file.read_to_string(&mut text));
    let (process, written) = text.trim().split_once(' ').unwrap_or_default();
    if written.is_empty() {
        return Holder {
            folder: folder.display().to_string(),
            process: None,
        };
    }
    Holder {
        folder: written.to_string(),
        process: process.parse().ok(),
    }
}

/// The git directory of the repository `start` is in: the nearest `.git` folder at or above
/// it, or the folder a `.git` file names (`gitdir: …`, as linked worktrees and submodules
/// have); `None` outside a repository.
pub fn git_dir(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start)
        .or_else(|_| std::path::absolute(start))
        .unwrap_or_else(|_| start.to_path_buf());
    for dir in start.ancestors() {
        let dot_git = dir.join(".git");
        let Ok(metadata) = std::fs::metadata(&dot_git) else {
            continue;
        };
        if metadata.is_dir() {
            return Some(dot_git);
        }
        let text = std::fs::read_to_string(&dot_git).ok()?;
        let named = text.lines().find_map(|line| line.strip_prefix("gitdir:"))?;
        return Some(dir.join(named.trim()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_folder_is_in_the_git_directory_or_under_programme() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plain = Workspace::at(dir.path().join("plain"));
        std::fs::create_dir_all(plain.root().join(PROGRAMME_DIR)).expect("folders");
        let state = plain.state_dir();
        assert_eq!(state, plain.root().join("programme/.programa"));
        drop(plain.lock_all(DEFAULT_TIMEOUT, |_| {}).expect("locks"));
        assert_eq!(
            std::fs::read_to_string(state.join(".gitignore")).expect("ignored"),
            "*\n"
        );

        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).expect("git dir");
        std::fs::create_dir_all(repo.join("sub/programme")).expect("folders");
        let inside = Workspace::at(repo.join("sub"));
        let git = std::fs::canonicalize(repo.join(".git")).expect("exists");
        assert_eq!(inside.state_dir(), git.join("programa"));

        // A linked worktree's `.git` file names its own git directory.
        let linked = dir.path().join("linked");
        std::fs::create_dir_all(linked.join("programme")).expect("folders");
        std::fs::write(
            linked.join(".git"),
            "gitdir: ../repo/.git/worktrees/linked\n",
        )
        .expect("writes");
        let worktree = Workspace::at(&linked);
        let canonical = std::fs::canonicalize(&linked).expect("exists");
        assert_eq!(
            worktree.state_dir(),
            canonical.join("../repo/.git/worktrees/linked/programa")
        );
    }

    #[test]
    fn a_taken_lock_makes_the_next_writer_wait_then_give_up() {
        let dir = tempfile::tempdir().expect("temp dir");
        let workspace = Workspace::at(dir.path());
        std::fs::create_dir_all(workspace.year_dir(2021)).expect("folders");
        let held = workspace
            .lock_year(2021, DEFAULT_TIMEOUT, |_| panic!("free at first"))
            .expect("locks");
        let mut told = None;
        let error = workspace
            .lock_year(2021, Duration::from_millis(30), |holder| {
                told = Some(holder.clone())
            })
            .expect_err("busy");
        let told = told.expect("the waiter was told");
        assert_eq!(told.folder, "programme/2021");
        assert_eq!(told.process, Some(std::process::id()));
        assert!(matches!(error, StoreError::Busy { .. }), "{error}");
        drop(held);
        workspace
            .lock_year(2021, DEFAULT_TIMEOUT, |_| panic!("free again"))
            .expect("locks once freed");
    }

    #[test]
    fn taking_the_lock_removes_what_killed_writers_left() {
        let dir = tempfile::tempdir().expect("temp dir");
        let workspace = Workspace::at(dir.path());
        let activities = workspace.year_dir(2021).join(ACTIVITIES_DIR);
        std::fs::create_dir_all(&activities).expect("folders");
        let stale = activities.join(".I.1.1.toml.99-0.programa-tmp");
        let kept = activities.join(".notes");
        std::fs::write(&stale, "half").expect("writes");
        std::fs::write(&kept, "mine").expect("writes");
        drop(
            workspace
                .lock_year(2021, DEFAULT_TIMEOUT, |_| {})
                .expect("locks"),
        );
        assert!(!stale.exists());
        assert!(kept.exists());
    }
}
