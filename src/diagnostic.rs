//! Findings about programme files: what is wrong, where, and what to do about it.
//!
//! Every layer reports problems as [`Finding`]s; only the interfaces turn them into text
//! (file, line, column, the offending line with a caret, a hint) or JSON, through [`render`],
//! or into the annotations of CI services, through [`annotate`].

pub mod annotate;
pub mod render;

use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The programme is wrong: `check` fails, edits that would cause it are refused.
    Error,
    /// Probably a mistake, but the programme can be used.
    Warning,
    /// Worth knowing, not a mistake: what the documents leave out on purpose.
    Note,
}

/// One problem found in a programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error, warning or note.
    pub severity: Severity,
    /// A short stable name for the kind of problem (`unknown-key`, `toml-syntax`), for tools.
    pub code: &'static str,
    /// What is wrong, in one line.
    pub message: String,
    /// The file it is in, relative to the programme root where possible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<PathBuf>,
    /// Byte range in the file.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The key the finding is about, as a dotted path (`translations.es.title`), when a later
    /// step adds to what it says.
    #[serde(skip)]
    pub key: Option<String>,
}

impl Finding {
    /// An error finding.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: None,
            span: None,
            hint: None,
            key: None,
        }
    }

    /// A warning finding.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(code, message)
        }
    }

    /// The same finding, placed in `file` at `span`.
    pub fn at(mut self, file: impl Into<PathBuf>, span: Option<Range<usize>>) -> Self {
        self.file = Some(file.into());
        self.span = span;
        self
    }

    /// The same finding, about the key at the dotted path `key`.
    pub fn about(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// The same finding, with a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A note: something worth knowing that is not a mistake.
    pub fn note(code: &'static str, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Note,
            ..Finding::error(code, message)
        }
    }

    /// Whether this finding is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether this finding is about a value or a file beyond the size limits, which no
    /// document may print, not even a draft.
    pub fn is_beyond_limits(&self) -> bool {
        BEYOND_LIMITS.contains(&self.code)
    }
}

/// The codes of the findings about sizes beyond the limits.
pub const BEYOND_LIMITS: &[&str] = &["file-too-large", "too-long", "too-many"];
