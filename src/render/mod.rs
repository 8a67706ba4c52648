//! The programme document and the follow-up report as PDF: the only typst user.
//!
//! A plan becomes plain data ([`ProgrammeData`], [`ReportData`]), serialised to JSON and handed
//! to a typst template as `/data.json` inside a sandboxed [`world::RenderWorld`]; prose goes as
//! a [`crate::markdown::Node`] tree, never as markup. [`Compiler`] keeps the world between compiles so
//! watch mode reuses typst's incremental work; [`emit`] writes the same inputs to a folder for
//! the official typst CLI.

pub mod data;
pub mod edition;
pub mod report;
pub mod templates;
pub mod world;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_kit::diagnostics::{DiagnosticFormat, termcolor};
use typst_layout::PagedDocument;

pub use data::{Draft, ProgrammeData};
pub use edition::{Edition, Share};
pub use report::{ReportData, ReportInputs};
pub use templates::Templates;
pub use world::RenderWorld;

use crate::model::Date;
pub use crate::model::Lang;

/// Which document to compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The programme document.
    Programme,
    /// The annual follow-up report.
    Report,
}

impl Document {
    /// The template file that is this document's entry point.
    pub fn entry(self) -> &'static str {
        match self {
            Document::Programme => "programme.typ",
            Document::Report => "report.typ",
        }
    }

    /// The word used in file names and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Document::Programme => "programme",
            Document::Report => "report",
        }
    }
}

/// Why a document could not be produced. It reads in the interface language.
#[derive(Debug)]
pub enum RenderError {
    /// The template has errors; `rendered` shows them with file, line and column.
    Template {
        /// The entry template.
        entry: String,
        /// How many errors.
        count: usize,
        /// The diagnostics, formatted with the source lines they point into.
        rendered: String,
    },
    /// The template is missing.
    MissingTemplate(String),
    /// The data could not be serialised (a bug).
    Data(serde_json::Error),
    /// The date cannot be a typst date.
    Date(Date),
    /// The template ran longer than the time limit (a loop that does not end).
    TimedOut {
        /// The entry template.
        entry: String,
        /// The time limit.
        limit: Duration,
    },
    /// An earlier compile of this compiler ran too long and was abandoned.
    Abandoned(String),
    /// Writing emitted files failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// A compiled document.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
    /// Warnings from the template, formatted (empty when none).
    pub warnings: String,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            RenderError::Template { entry, count, .. } => crate::tr!(
                "cli-render-template",
                entry = entry.as_str(),
                count = *count
            ),
            RenderError::MissingTemplate(name) => {
                crate::tr!("cli-compile-no-template", name = name.as_str())
            }
            RenderError::Data(error) => crate::tr!("cli-render-data", error = error.to_string()),
            RenderError::Date(date) => crate::tr!("cli-render-date", date = date.to_string()),
            RenderError::TimedOut { entry, limit } => crate::tr!(
                "cli-render-timed-out",
                entry = entry.as_str(),
                seconds = limit.as_secs()
            ),
            RenderError::Abandoned(entry) => {
                crate::tr!("cli-render-abandoned", entry = entry.as_str())
            }
            RenderError::Io { path, source } => crate::tr!(
                "store-io",
                action = "write",
                words = "cannot write",
                path = path.display().to_string(),
                error = source.to_string()
            ),
        })
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RenderError::Data(error) => Some(error),
            RenderError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<serde_json::Error> for RenderError {
    fn from(error: serde_json::Error) -> Self {
        RenderError::Data(error)
    }
}

/// How long a compile may run before it is stopped, unless the caller says otherwise: a
/// thousand pages take about half a minute.
pub const TIME_LIMIT: Duration = Duration::from_secs(300);

/// The stack of the thread typst runs on: deeply nested documents need more than a thread's
/// default.
const STACK: usize = 256 * 1024 * 1024;

/// Compiles one document, keeping typst's state between compiles.
pub struct Compiler {
    /// The world; `None` once a compile ran past the time limit and was left behind.
    world: Option<RenderWorld>,
    entry: String,
    color: bool,
    ident: String,
    today: Datetime,
    time_limit: Duration,
}

impl Compiler {
    /// A compiler for the template `entry` among `templates`, with `data` dated `date`.
    ///
    /// `color` chooses ANSI colours in formatted diagnostics.
    pub fn new(
        templates: Templates,
        entry: &str,
        data: &impl Serialize,
        date: Date,
        color: bool,
    ) -> Result<Self, RenderError> {
        if !templates.has(entry) {
            let shown = match &templates {
                Templates::Dir(dir) => dir.join(entry).display().to_string(),
                Templates::Embedded => entry.to_string(),
            };
            return Err(RenderError::MissingTemplate(shown));
        }
        let json = serde_json::to_vec(data)?;
        let today = typst_date(date)?;
        let world = RenderWorld::new(templates, entry, json, today)
            .ok_or_else(|| RenderError::MissingTemplate(entry.to_string()))?;
        Ok(Compiler {
            world: Some(world),
            entry: entry.to_string(),
            color,
            ident: format!("programa/{entry}"),
            today,
            time_limit: TIME_LIMIT,
        })
    }

    /// The same compiler, stopping a compile that runs longer than `limit`.
    pub fn with_time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = limit;
        self
    }

    /// Replaces the data and date for the next compile.
    pub fn update(&mut self, data: &impl Serialize, date: Date) -> Result<(), RenderError> {
        let json = serde_json::to_vec(data)?;
        let today = typst_date(date)?;
        self.today = today;
        self.world_mut()?.set_data(json, today);
        Ok(())
    }

    /// Compiles to PDF, reading template files afresh, on a thread of its own: a template that
    /// runs past the time limit is left behind (it ends with the process) and this compiler
    /// cannot be used again.
    pub fn compile(&mut self) -> Result<Compiled, RenderError> {
        let mut world = self
            .world
            .take()
            .ok_or_else(|| RenderError::Abandoned(self.entry.clone()))?;
        world.reset();
        let job = Job {
            entry: self.entry.clone(),
            color: self.color,
            ident: self.ident.clone(),
            today: self.today,
        };
        let (send, receive) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("typst".into())
            .stack_size(STACK)
            .spawn(move || {
                let result = job.run(&world);
                let _ = send.send((world, result));
            });
        if let Err(error) = spawned {
            return Err(RenderError::Io {
                path: PathBuf::from(&self.entry),
                source: error,
            });
        }
        match receive.recv_timeout(self.time_limit) {
            Ok((world, result)) => {
                self.world = Some(world);
                result
            }
            Err(_) => Err(RenderError::TimedOut {
                entry: self.entry.clone(),
                limit: self.time_limit,
            }),
        }
    }

    /// The world, for callers that need the template set; `None` after a compile was left
    /// behind.
    pub fn world(&self) -> Option<&RenderWorld> {
        self.world.as_ref()
    }

    fn world_mut(&mut self) -> Result<&mut RenderWorld, RenderError> {
        self.world
            .as_mut()
            .ok_or_else(|| RenderError::Abandoned(self.entry.clone()))
    }
}

/// What a compile needs besides the world, moved to the thread that runs it.
struct Job {
    entry: String,
    color: bool,
    ident: String,
    today: Datetime,
}

impl Job {
    /// Compiles the world's document to PDF.
    fn run(&self, world: &RenderWorld) -> Result<Compiled, RenderError> {
        let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
        let warnings = self.format(world, &warnings);
        let document = output.map_err(|errors| self.template_error(world, &errors))?;
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(self.ident.clone()),
            timestamp: Some(typst_pdf::Timestamp::new_utc(self.today)),
            ..typst_pdf::PdfOptions::default()
        };
        let pdf =
            typst_pdf::pdf(&document, &options).map_err(|e| self.template_error(world, &e))?;
        Ok(Compiled {
            pdf,
            pages: document.pages().len(),
            warnings,
        })
    }

    fn template_error(&self, world: &RenderWorld, errors: &[SourceDiagnostic]) -> RenderError {
        RenderError::Template {
            entry: self.entry.clone(),
            count: errors.len(),
            rendered: self.format(world, errors),
        }
    }

    /// Formats diagnostics like the typst CLI: message, file:line:column, source, hints.
    fn format(&self, world: &RenderWorld, diagnostics: &[SourceDiagnostic]) -> String {
        if diagnostics.is_empty() {
            return String::new();
        }
        let mut buffer = if self.color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        let result =
            typst_kit::diagnostics::emit(&mut buffer, world, diagnostics, DiagnosticFormat::Human);
        let mut text = String::from_utf8_lossy(buffer.as_slice()).into_owned();
        if result.is_err() || text.trim().is_empty() {
            for diagnostic in diagnostics {
                text.push_str(&format!("error: {}\n", diagnostic.message));
                for hint in &diagnostic.hints {
                    text.push_str(&format!("  hint: {}\n", hint.v));
                }
            }
        }
        text
    }
}

/// A model date as a typst date.
fn typst_date(date: Date) -> Result<Datetime, RenderError> {
    use chrono::Datelike;
    let d = date.0;
    u8::try_from(d.month())
        .ok()
        .zip(u8::try_from(d.day()).ok())
        .and_then(|(m, day)| Datetime::from_ymd(d.year(), m, day))
        .ok_or(RenderError::Date(date))
}

/// Writes everything typst needs to compile the document without programa into `dir`: the
/// template files, `data.json`, and `main.typ` (a copy of the entry template).
///
/// `typst compile DIR/main.typ` then produces the same document. Returns the files written.
pub fn emit(
    templates: &Templates,
    entry: &str,
    data: &impl Serialize,
    dir: &Path,
) -> Result<Vec<PathBuf>, RenderError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| RenderError::Io { path, source }
    };
    let files = templates.files().map_err(io(dir))?;
    let main = files
        .iter()
        .find(|(name, _)| name == Path::new(entry))
        .map(|(_, bytes)| bytes.clone())
        .ok_or_else(|| RenderError::MissingTemplate(entry.to_string()))?;
    let json = serde_json::to_vec_pretty(data)?;
    let mut written = Vec::new();
    // A folder that was itself emitted has a main.typ and a data.json: both are replaced.
    let all = files
        .into_iter()
        .filter(|(name, _)| name != Path::new("main.typ") && name != Path::new("data.json"))
        .chain([
            (PathBuf::from("main.typ"), main),
            (PathBuf::from("data.json"), json),
        ]);
    for (name, bytes) in all {
        let path = dir.join(&name);
        crate::store::write::write_file(&path, &bytes).map_err(|e| RenderError::Io {
            path: path.clone(),
            source: match e {
                crate::store::StoreError::Io { source, .. } => source,
                other => std::io::Error::other(other.to_string()),
            },
        })?;
        written.push(path);
    }
    Ok(written)
}
