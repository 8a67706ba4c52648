//! Writing programme files: deterministic layout for new files, atomic replacement always.

use std::io::Write as _;
use std::path::Path;

use serde::Serialize;

use super::StoreError;

/// The text of a new file for `value`: keys in the model's order, one value per line,
/// prose as multi-line strings.
pub fn to_toml<T: Serialize>(value: &T) -> Result<String, toml::ser::Error> {
    toml::to_string_pretty(value)
}

/// Replaces `path` with `contents` so that readers see the old file or the new one, never
/// a part: writes a temporary file in the same folder, flushes it, then renames it over.
pub fn atomic_write(path: &Path, contents: &str) -> Result<(), StoreError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(StoreError::io("cannot create", dir))?;
    let mut file =
        tempfile::NamedTempFile::new_in(dir).map_err(StoreError::io("cannot write in", dir))?;
    file.write_all(contents.as_bytes())
        .map_err(StoreError::io("cannot write", path))?;
    file.as_file()
        .sync_all()
        .map_err(StoreError::io("cannot write", path))?;
    file.persist(path)
        .map_err(|e| StoreError::io("cannot replace", path)(e.error))?;
    Ok(())
}
