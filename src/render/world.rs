//! The typst `World` of programa: a sandbox that sees the template folder, the data as
//! `/data.json`, the bundled fonts and a fixed date, and nothing else.
//!
//! No package is ever downloaded: an `@preview/…` import fails with a message naming the
//! offline policy. Files outside the template folder are unreachable, also through symlinks.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::diagnostics::DiagnosticWorld;
use typst_kit::fonts::FontStore;

use super::templates::Templates;

/// The virtual path under which templates find their data.
pub const DATA_PATH: &str = "/data.json";

/// What a template is told when it imports a package.
pub const OFFLINE_MESSAGE: &str = "programa compiles offline and never downloads packages; \
     copy the package's files into the template folder and import them by relative path";

/// The world one document is compiled in. Keep it alive between compiles (watch mode) so
/// typst can reuse its work; call [`RenderWorld::reset`] before each compile.
pub struct RenderWorld {
    library: LazyHash<Library>,
    fonts: FontStore,
    main: FileId,
    templates: Templates,
    data: Bytes,
    today: Datetime,
    /// Files read during one compile, so every read of a file sees the same contents.
    files: Mutex<HashMap<FileId, FileResult<Bytes>>>,
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
}

impl RenderWorld {
    /// A world whose main file is `entry` among `templates`, with `data` at `/data.json`;
    /// `None` when `entry` is not a file name typst can address.
    pub fn new(templates: Templates, entry: &str, data: Vec<u8>, today: Datetime) -> Option<Self> {
        let mut fonts = FontStore::new();
        fonts.extend(typst_kit::fonts::embedded());
        let main = file_id(&format!("/{entry}"))?;
        Some(RenderWorld {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            main,
            templates,
            data: Bytes::new(data),
            today,
            files: Mutex::new(HashMap::new()),
            sources: Mutex::new(HashMap::new()),
        })
    }

    /// Replaces the data and the date, for the next compile.
    pub fn set_data(&mut self, data: Vec<u8>, today: Datetime) {
        self.data = Bytes::new(data);
        self.today = today;
    }

    /// Forgets the files read by the last compile, so the next one sees changes on disk.
    pub fn reset(&mut self) {
        if let Ok(files) = self.files.get_mut() {
            files.clear();
        }
        if let Ok(sources) = self.sources.get_mut() {
            sources.clear();
        }
    }

    /// The templates this world reads.
    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        let rooted = id.get();
        if let VirtualRoot::Package(spec) = rooted.root() {
            return Err(FileError::Package(PackageError::Other(Some(
                format!("cannot use {spec}: {OFFLINE_MESSAGE}").into(),
            ))));
        }
        let vpath = rooted.vpath();
        if vpath.get_with_slash() == DATA_PATH {
            return Ok(self.data.clone());
        }
        self.templates.read(vpath).map(Bytes::new)
    }
}

/// The file id of a path in the project (the template folder), if it is a valid path.
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl World for RenderWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut sources = self.sources.lock().map_err(|_| FileError::AccessDenied)?;
        if let Some(source) = sources.get(&id) {
            return source.clone();
        }
        let source = self.file(id).and_then(|bytes| {
            let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
            Ok(Source::new(id, text.to_string()))
        });
        sources.insert(id, source.clone());
        source
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let mut files = self.files.lock().map_err(|_| FileError::AccessDenied)?;
        if let Some(bytes) = files.get(&id) {
            return bytes.clone();
        }
        let bytes = self.read(id);
        files.insert(id, bytes.clone());
        bytes
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, offset: Option<Duration>) -> Option<Datetime> {
        // The document's date is fixed by the data; an offset changes nothing on a date.
        let _ = offset;
        Some(self.today)
    }
}

impl DiagnosticWorld for RenderWorld {
    fn name(&self, id: FileId) -> String {
        let rooted = id.get();
        match rooted.root() {
            VirtualRoot::Package(spec) => format!("{spec}{}", rooted.vpath().get_with_slash()),
            VirtualRoot::Project => {
                let vpath = rooted.vpath();
                if vpath.get_with_slash() == DATA_PATH {
                    return "data.json".to_string();
                }
                self.templates.display(vpath)
            }
        }
    }
}

/// Reads `vpath` inside `dir`, refusing anything that resolves outside it.
pub(super) fn read_inside(dir: &Path, vpath: &VirtualPath) -> FileResult<Vec<u8>> {
    let path: PathBuf = vpath.realize(dir).map_err(|_| FileError::AccessDenied)?;
    let not_found = || FileError::NotFound(PathBuf::from(vpath.get_without_slash()));
    let real = path.canonicalize().map_err(|_| not_found())?;
    let root = dir.canonicalize().map_err(|_| not_found())?;
    if !real.starts_with(&root) {
        return Err(FileError::AccessDenied);
    }
    if real.is_dir() {
        return Err(FileError::IsDirectory);
    }
    std::fs::read(&real).map_err(|e| FileError::from_io(e, &path))
}
