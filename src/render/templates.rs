//! Where templates come from: a folder an author can edit, or the copies built into the binary.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use typst::diag::{FileError, FileResult};
use typst::syntax::VirtualPath;

/// The folder of the workspace that holds the templates.
pub const TEMPLATE_DIR: &str = "report-templates";

/// The templates built into the binary, by file name.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "programme.typ",
        include_str!("../../report-templates/programme.typ"),
    ),
    (
        "report.typ",
        include_str!("../../report-templates/report.typ"),
    ),
    (
        "style.typ",
        include_str!("../../report-templates/style.typ"),
    ),
];

/// A set of template files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Templates {
    /// Files read from this folder (at each compile, so edits show up).
    Dir(PathBuf),
    /// The copies built into the binary.
    Embedded,
}

impl Templates {
    /// The templates of a workspace: its `report-templates/` folder if it has one, else the
    /// built-in copies.
    pub fn for_workspace(root: &Path) -> Self {
        let dir = root.join(TEMPLATE_DIR);
        if dir.is_dir() {
            Templates::Dir(dir)
        } else {
            Templates::Embedded
        }
    }

    /// The contents of the file at `vpath`.
    pub fn read(&self, vpath: &VirtualPath) -> FileResult<Vec<u8>> {
        match self {
            Templates::Dir(dir) => super::world::read_inside(dir, vpath),
            Templates::Embedded => EMBEDDED
                .iter()
                .find(|(name, _)| *name == vpath.get_without_slash())
                .map(|(_, text)| text.as_bytes().to_vec())
                .ok_or_else(|| FileError::NotFound(PathBuf::from(vpath.get_without_slash()))),
        }
    }

    /// Whether the template folder has a file named `entry`.
    pub fn has(&self, entry: &str) -> bool {
        match self {
            Templates::Dir(dir) => dir.join(entry).is_file(),
            Templates::Embedded => EMBEDDED.iter().any(|(name, _)| *name == entry),
        }
    }

    /// How diagnostics name the file at `vpath`.
    pub fn display(&self, vpath: &VirtualPath) -> String {
        match self {
            Templates::Dir(dir) => dir.join(vpath.get_without_slash()).display().to_string(),
            Templates::Embedded => format!("<built-in>/{}", vpath.get_without_slash()),
        }
    }

    /// Every file of the set, as (relative path, contents): what `--emit` copies.
    pub fn files(&self) -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
        match self {
            Templates::Embedded => Ok(EMBEDDED
                .iter()
                .map(|(name, text)| (PathBuf::from(name), text.as_bytes().to_vec()))
                .collect()),
            Templates::Dir(dir) => {
                let mut out = Vec::new();
                collect(dir, Path::new(""), &mut out)?;
                out.sort();
                Ok(out)
            }
        }
    }

    /// The newest modification time of the template files, for watching.
    pub fn modified(&self) -> Option<SystemTime> {
        match self {
            Templates::Embedded => None,
            Templates::Dir(dir) => newest_mtime(dir),
        }
    }
}

/// The kinds of file a template folder holds: sources, images, data, bibliographies, fonts.
const TEMPLATE_FILES: &[&str] = &[
    "typ", "png", "jpg", "jpeg", "gif", "svg", "webp", "pdf", "bib", "yml", "yaml", "csv", "json",
    "toml", "txt", "xml", "otf", "ttf", "woff", "woff2",
];

/// Template files under `dir/relative`, skipping hidden entries and build folders; at most a
/// few levels deep.
fn collect(dir: &Path, relative: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) -> std::io::Result<()> {
    if relative.components().count() > 4 {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir.join(relative))? {
        let entry = entry?;
        let name = entry.file_name();
        let text = name.to_string_lossy();
        if text.starts_with('.') || text == "target" || text == "node_modules" {
            continue;
        }
        let path = relative.join(&name);
        let kind = entry.file_type()?;
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEMPLATE_FILES.contains(&e.to_ascii_lowercase().as_str()));
        if kind.is_dir() {
            collect(dir, &path, out)?;
        } else if kind.is_file() && wanted {
            out.push((path, std::fs::read(entry.path())?));
        }
    }
    Ok(())
}

/// The newest modification time of any file under `dir` (a few levels deep).
pub fn newest_mtime(dir: &Path) -> Option<SystemTime> {
    fn walk(dir: &Path, depth: usize, newest: &mut Option<SystemTime>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() && depth < 4 {
                walk(&entry.path(), depth + 1, newest);
            } else if let Ok(time) = meta.modified() {
                *newest = Some(newest.map_or(time, |n| n.max(time)));
            }
        }
    }
    let mut newest = None;
    walk(dir, 0, &mut newest);
    newest
}
