//! Errors as the user sees them: `error: what happened`, the findings, `hint: what to try`.

use std::process::ExitCode;

use crate::diagnostic::Finding;
use crate::output::shown;
use crate::store::{Source, StoreError};

/// A command's failure, ready to be shown to a person.
#[derive(Debug)]
pub struct CliError {
    message: String,
    hints: Vec<String>,
    findings: Vec<Finding>,
    sources: Vec<Source>,
    /// Set when stdout was closed by its reader (`programa list | head`): exit quietly.
    broken_pipe: bool,
}

impl CliError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            hints: Vec::new(),
            findings: Vec::new(),
            sources: Vec::new(),
            broken_pipe: false,
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Adds findings to show under the message, quoting `sources`.
    pub fn with_findings(mut self, findings: Vec<Finding>, sources: Vec<Source>) -> Self {
        self.findings = findings;
        self.sources = sources;
        self
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What to try, one hint each.
    pub fn hints(&self) -> &[String] {
        &self.hints
    }

    /// The findings behind the error, if any.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Prints the error to stderr and returns the exit code: 1, or 0 for a closed pipe.
    ///
    /// Messages quote values as they are (a code, a key, a word given on the command line),
    /// which may hold characters that act on a terminal: they are escaped here.
    pub fn report(self) -> ExitCode {
        if self.broken_pipe {
            return ExitCode::SUCCESS;
        }
        crate::cli::check::print_findings(&self.findings, &self.sources);
        eprintln!("error: {}", shown(&self.message));
        for hint in &self.hints {
            eprintln!("hint: {}", shown(hint));
        }
        ExitCode::FAILURE
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        let broken_pipe = error.kind() == std::io::ErrorKind::BrokenPipe;
        CliError {
            broken_pipe,
            ..CliError::new(format!("cannot write the output ({error})"))
        }
    }
}

impl From<StoreError> for CliError {
    fn from(error: StoreError) -> Self {
        let hint = match &error {
            StoreError::NotFound(_) => Some(
                "run the command inside a programme repository, or pass `--root DIR`".to_string(),
            ),
            StoreError::NoYears(_) => {
                Some("create one with `programa import FILE --year YYYY`".to_string())
            }
            StoreError::NoSuchYear { .. } => {
                Some("pass one of the years found with `--year`".to_string())
            }
            StoreError::Io { .. } | StoreError::Exists(_) => None,
            StoreError::Busy { lock, .. } => Some(format!(
                "run the command again once the other one is done, or set {}=SECONDS to wait \
                 longer; the lock ({}) is freed the moment that programa ends",
                crate::store::lock::TIMEOUT_VAR,
                lock.display()
            )),
            StoreError::BadTimeout(_) => Some(format!(
                "set {} to how long a writer waits for another, in seconds (30 when unset)",
                crate::store::lock::TIMEOUT_VAR
            )),
        };
        let cli = CliError::new(error.to_string());
        match hint {
            Some(hint) => cli.hint(hint),
            None => cli,
        }
    }
}
