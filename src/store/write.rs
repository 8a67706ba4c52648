//! Writing files: deterministic layout for new programme files, and the one writer every file
//! programa writes goes through (programme files, PDFs, emitted templates, schemas,
//! `.gitattributes`): atomic, flushed, keeping an existing file's mode.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml_edit::{DocumentMut, Item, Value};

use super::StoreError;

/// The keys whose values are prose (markdown): written as multi-line strings when long.
pub const PROSE_KEYS: &[&str] = &[
    "notice",
    "foreword",
    "introduction",
    "background",
    "summary",
    "audience",
    "objectives_lead",
    "objectives_closing",
    "expected_results_lead",
    "expected_results_closing",
    "text",
];

/// Prose longer than this, or with a line break, is written as a multi-line string.
const LONG: usize = 80;

/// The text of a new file for `value`: keys in the model's order, one value per line,
/// arrays one item a line, prose as multi-line strings.
pub fn to_toml<T: Serialize>(value: &T) -> Result<String, toml::ser::Error> {
    let pretty = toml::to_string_pretty(value)?;
    let Ok(mut document) = pretty.parse::<DocumentMut>() else {
        // The serialiser's own output always parses; keep it as it is if it ever does not.
        return Ok(pretty);
    };
    layout_table(document.as_table_mut());
    Ok(document.to_string())
}

/// Lays out the values of `table` and of the tables under it.
fn layout_table(table: &mut toml_edit::Table) {
    for (key, item) in table.iter_mut() {
        match item {
            Item::Value(value) => layout_value(key.get(), value),
            Item::Table(inner) => layout_table(inner),
            Item::ArrayOfTables(array) => {
                for inner in array.iter_mut() {
                    layout_table(inner);
                }
            }
            Item::None => {}
        }
    }
}

/// Prose as a multi-line string; arrays one item a line.
fn layout_value(key: &str, value: &mut Value) {
    match value {
        Value::String(text) if PROSE_KEYS.contains(&key) => {
            let text = text.value();
            if (text.chars().count() > LONG || text.contains('\n'))
                && let Ok(mut multi) = multi_line(text).parse::<Value>()
            {
                *multi.decor_mut() = value.decor().clone();
                *value = multi;
            }
        }
        Value::Array(array) if !array.is_empty() => {
            for item in array.iter_mut() {
                item.decor_mut().set_prefix("\n    ");
                item.decor_mut().set_suffix("");
            }
            array.set_trailing_comma(true);
            array.set_trailing("\n");
        }
        _ => {}
    }
}

/// `text` as a TOML multi-line basic string: `"""`, a newline, the text with backslashes,
/// control characters and every third quote of a run escaped, then `"""` on a line of its own.
/// A text without a final newline ends with a line-ending backslash, so it reads back the same;
/// either way a line break stands between the text and the closing delimiter, so a quote at
/// the end of the text cannot merge with it.
pub fn multi_line(text: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    let mut quotes = 0;
    for c in text.chars() {
        if c == '"' {
            quotes += 1;
            if quotes == 3 {
                out.push_str("\\\"");
                quotes = 0;
            } else {
                out.push('"');
            }
            continue;
        }
        quotes = 0;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push('\n'),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    if !text.ends_with('\n') {
        out.push_str("\\\n");
    }
    out.push_str("\"\"\"");
    out
}

/// Replaces `path` with `contents` so that readers see the old file or the new one, never
/// a part: [`write_file`] for text.
pub fn atomic_write(path: &Path, contents: &str) -> Result<(), StoreError> {
    write_file(path, contents.as_bytes())
}

/// What every temporary file of [`write_file`] and [`create_file`] ends with: never `.toml`,
/// so no command reads one as a programme file, and the name starts with a dot.
pub const TEMPORARY_SUFFIX: &str = ".programa-tmp";

/// Whether a file name is one of this writer's temporary files.
pub fn is_temporary(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|name| name.starts_with('.') && name.ends_with(TEMPORARY_SUFFIX))
}

/// Writes `path` so that a process killed at any instant leaves the old file or the new one:
/// the bytes go to a temporary file in the same folder, which is flushed to the disk, renamed
/// over `path`, and the folder flushed in turn.
///
/// A file that exists keeps its permissions; a new one gets what the umask leaves of
/// read-write for everyone, as files made by `git` and `cp` do. When `path` is a symbolic link,
/// the file it points to is replaced and the link stays.
pub fn write_file(path: &Path, contents: &[u8]) -> Result<(), StoreError> {
    super::journal::before_write(path);
    let target = follow_link(path);
    let mode = match std::fs::metadata(&target) {
        Ok(metadata) => Some(metadata.permissions()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(StoreError::io("cannot read", &target)(error)),
    };
    let temporary = Temporary::write(&target, contents, mode)?;
    std::fs::rename(&temporary.path, &target).map_err(StoreError::io("cannot replace", &target))?;
    temporary.done();
    sync_folder(&target)
}

/// Writes a file the user named (`-o FILE`) as [`write_file`] does, but only in a folder that
/// exists: a mistyped folder is an error, not a new tree of folders.
pub fn write_output(path: &Path, contents: &[u8]) -> Result<(), StoreError> {
    let folder = folder_of(path);
    if !folder.is_dir() {
        return Err(StoreError::NoFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    write_file(path, contents)
}

/// Creates `path` with `contents` as [`write_file`] does, but only if there is no such file:
/// an existing one is never replaced ([`StoreError::Exists`]).
pub fn create_file(path: &Path, contents: &[u8]) -> Result<(), StoreError> {
    super::journal::before_write(path);
    let temporary = Temporary::write(path, contents, None)?;
    // A hard link is made only where nothing has the name yet: it is the rename that never
    // replaces. Where links cannot be made, the name is checked first.
    match std::fs::hard_link(&temporary.path, path) {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(StoreError::Exists(path.to_path_buf()));
        }
        Err(_) if path.symlink_metadata().is_ok() => {
            return Err(StoreError::Exists(path.to_path_buf()));
        }
        Err(_) => {
            std::fs::rename(&temporary.path, path)
                .map_err(StoreError::io("cannot create", path))?;
            temporary.done();
            return sync_folder(path);
        }
    }
    drop(temporary);
    sync_folder(path)
}

/// Removes the programme file `path`, noting it in the journal first.
pub fn remove_file(path: &Path) -> Result<(), StoreError> {
    super::journal::before_write(path);
    std::fs::remove_file(path).map_err(StoreError::io("cannot remove", path))
}

/// Removes the temporary files a killed writer left in `dir`; returns how many. Only a writer
/// holding the lock of the files in `dir` may call it, as only then are they all stale.
pub fn remove_stale_temporaries(dir: &Path) -> Result<usize, StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(error) => return Err(StoreError::io("cannot read", dir)(error)),
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        if !is_temporary(&entry.file_name()) {
            continue;
        }
        match std::fs::remove_file(entry.path()) {
            Ok(()) => removed += 1,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(StoreError::io("cannot remove", entry.path())(error)),
        }
    }
    Ok(removed)
}

/// The file a symbolic link points to, or `path` itself.
fn follow_link(path: &Path) -> PathBuf {
    match path.symlink_metadata() {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// The folder `path` is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Flushes the folder of `path` to the disk, so a rename in it survives a power cut. Systems
/// that cannot flush a folder say so with an error that is not one.
fn sync_folder(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        let dir = folder_of(path);
        let synced = std::fs::File::open(dir).and_then(|folder| folder.sync_all());
        match synced {
            Ok(()) => {}
            Err(error)
                if matches!(
                    error.kind(),
                    std::io::ErrorKind::InvalidInput | std::io::ErrorKind::Unsupported
                ) => {}
            Err(error) => return Err(StoreError::io("cannot write", dir)(error)),
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// A temporary file next to the file it will become, written and flushed; removed when
/// dropped unless [`done`](Temporary::done) says it was renamed.
struct Temporary {
    path: PathBuf,
}

impl Temporary {
    /// Writes `contents` to a new temporary file beside `target`, with `mode` if given (else
    /// read-write for everyone, less the umask), and flushes it to the disk.
    fn write(
        target: &Path,
        contents: &[u8],
        mode: Option<std::fs::Permissions>,
    ) -> Result<Temporary, StoreError> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let dir = folder_of(target);
        std::fs::create_dir_all(dir).map_err(StoreError::io("cannot create", dir))?;
        let name = target
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut attempts = 0;
        let (path, mut file) = loop {
            let number = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(
                ".{name}.{}-{number}{TEMPORARY_SUFFIX}",
                std::process::id()
            ));
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o666);
            match options.open(&path) {
                Ok(file) => break (path, file),
                // A name left by a killed process with the same id: take the next one.
                Err(error)
                    if error.kind() == std::io::ErrorKind::AlreadyExists && attempts < 100 =>
                {
                    attempts += 1;
                }
                Err(error) => return Err(StoreError::io("cannot write in", dir)(error)),
            }
        };
        let temporary = Temporary { path };
        let written = file
            .write_all(contents)
            .and_then(|()| match mode {
                Some(mode) => file.set_permissions(mode),
                None => Ok(()),
            })
            .and_then(|()| file.sync_all());
        written.map_err(StoreError::io("cannot write", target))?;
        Ok(temporary)
    }

    /// The file was renamed into place: nothing to remove.
    fn done(mut self) {
        self.path = PathBuf::new();
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Sample {
        title: String,
        background: String,
        audience: String,
        text: String,
        items: Vec<String>,
    }

    #[cfg(unix)]
    #[test]
    fn a_file_written_again_keeps_its_mode_and_its_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.toml");
        write_file(&path, b"one").expect("writes");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        atomic_write(&path, "two").expect("writes again");
        let mode = std::fs::metadata(&path)
            .expect("exists")
            .permissions()
            .mode();
        assert_eq!(mode & 0o7777, 0o640);
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "two");

        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&path, &link).expect("links");
        write_file(&link, b"three").expect("writes through the link");
        assert!(
            link.symlink_metadata()
                .expect("exists")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "three");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("lists")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
    }

    #[test]
    fn creating_never_replaces_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("I.1.7.toml");
        create_file(&path, b"first").expect("creates");
        let error = create_file(&path, b"second").expect_err("exists");
        assert!(matches!(error, StoreError::Exists(_)), "{error}");
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "first");
        assert_eq!(std::fs::read_dir(dir.path()).expect("lists").count(), 1);
    }

    #[test]
    fn temporary_names_are_never_programme_files() {
        assert!(is_temporary(std::ffi::OsStr::new(
            ".I.1.1.toml.12-0.programa-tmp"
        )));
        assert!(!is_temporary(std::ffi::OsStr::new("I.1.1.toml")));
        assert!(!is_temporary(std::ffi::OsStr::new(".gitignore")));
        assert!(!TEMPORARY_SUFFIX.ends_with(".toml"));
    }

    #[test]
    fn prose_is_multi_line_and_reads_back_the_same() {
        let sample = Sample {
            title: "A title that is rather long but is not prose so it stays on one line, always"
                .into(),
            background: "One \"quoted\" paragraph with a back\\slash.\n\nTwo: \"\"\"\n".into(),
            audience: "Short.".into(),
            text: "A long text without a final newline, long enough to be written on lines.\""
                .into(),
            items: vec!["one".into(), "two".into()],
        };
        let written = to_toml(&sample).expect("serialises");
        assert!(
            written.contains("background = \"\"\"\nOne \"quoted\""),
            "{written}"
        );
        assert!(written.contains("audience = \"Short.\""), "{written}");
        assert!(
            written.contains("items = [\n    \"one\",\n    \"two\",\n]"),
            "{written}"
        );
        let read: Sample = toml::from_str(&written).expect("reads back");
        assert_eq!(read, sample);
    }
}
