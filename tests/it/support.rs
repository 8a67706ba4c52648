//! What the integration tests share: the one pinned environment every process runs in, copying
//! a programme into a temporary folder, and running a command that must succeed.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The programa binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_programa");

/// The day every test believes is today, unless it says otherwise.
pub const TODAY: &str = "2021-06-20";

/// A home folder with no configuration, for processes whose test gives none of its own.
pub fn empty_home() -> PathBuf {
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-home");
    std::fs::create_dir_all(&home).expect("creates the empty home");
    home
}

/// `program` with the environment cleared, then pinned: `PATH` (to find git, tmux and the
/// like), the home folder and every configuration path under it, git's global configuration
/// (and no system one), UTC, an English UTF-8 locale and interface (`PROGRAMA_LANG=en`), today,
/// no colour and 100 columns. A test changes any of them with `.env(…)` after this.
pub fn pinned(program: impl AsRef<OsStr>, home: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_STATE_HOME", home.join(".local/state"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("GIT_CONFIG_GLOBAL", home.join(".gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("TZ", "UTC")
        .env("LANG", "C.UTF-8")
        .env("PROGRAMA_LANG", "en")
        .env("PROGRAMA_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    command
}

/// The programa binary in the pinned environment, with the empty home.
pub fn programa() -> Command {
    in_pinned_env(BIN)
}

/// Any program in the pinned environment, with the empty home.
pub fn in_pinned_env(program: impl AsRef<OsStr>) -> Command {
    pinned(program, &empty_home())
}

/// Copies the folder `from` into `to`, recursively, creating `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("creates a folder");
    for entry in std::fs::read_dir(from).expect("reads a folder") {
        let entry = entry.expect("reads a folder entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copies a file");
        }
    }
}

/// The standard output of a command that must have succeeded; `what` names it in the failure,
/// with its standard error.
pub fn stdout_of(what: &str, output: Output) -> String {
    assert!(
        output.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Whether poppler-utils (`pdftotext`, `pdfinfo`) is installed. Without it the tests that read
/// PDFs say they are skipped, unless `PROGRAMA_REQUIRE_TOOLS` is set (as `.ci/run` does), in
/// which case its absence is a failure.
pub fn poppler() -> bool {
    let found = Command::new("pdftotext").arg("-v").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("PROGRAMA_REQUIRE_TOOLS").is_none(),
            "pdftotext is missing: install poppler-utils"
        );
        eprintln!("skipped: pdftotext is not installed (apt-get install poppler-utils)");
    }
    found
}

/// Whether `program` is installed (Debian's `package` has it). Without it a test says it is
/// skipped, unless `PROGRAMA_REQUIRE_TOOLS` is set, in which case its absence is a failure.
pub fn installed(program: &str, package: &str) -> bool {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        assert!(
            std::env::var_os("PROGRAMA_REQUIRE_TOOLS").is_none(),
            "{program} is missing: install {package}"
        );
        eprintln!("skipped: {program} is not installed (apt-get install {package})");
    }
    found
}
