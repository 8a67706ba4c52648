//! What the integration tests share: copying a programme into a temporary folder, and running
//! a command that must succeed.

use std::path::Path;
use std::process::Output;

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
#[allow(dead_code)] // not every test binary runs commands
pub fn stdout_of(what: &str, output: Output) -> String {
    assert!(
        output.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}
