//! What the integration tests share: copying a programme into a temporary folder.

use std::path::Path;

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
