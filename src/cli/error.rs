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
        let message = shown(&self.message).to_string();
        eprintln!("{}", crate::tr!("cli-error", message = message));
        for hint in &self.hints {
            let hint = shown(hint).to_string();
            eprintln!("{}", crate::tr!("cli-hint", hint = hint));
        }
        ExitCode::FAILURE
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        let broken_pipe = error.kind() == std::io::ErrorKind::BrokenPipe;
        CliError {
            broken_pipe,
            ..CliError::new(crate::tr!(
                "cli-cannot-write-output",
                error = error.to_string()
            ))
        }
    }
}

impl From<StoreError> for CliError {
    fn from(error: StoreError) -> Self {
        let hint = match &error {
            StoreError::NotFound(_) => Some(crate::tr!("cli-not-found-hint")),
            StoreError::NoYears(_) => Some(crate::tr!("cli-no-years-hint")),
            StoreError::NoSuchYear { .. } => Some(crate::tr!("cli-no-such-year-hint")),
            StoreError::Io { .. } | StoreError::Exists(_) => None,
            StoreError::NoFolder { folder, .. } => Some(crate::tr!(
                "cli-no-folder-hint",
                folder = folder.display().to_string()
            )),
            StoreError::Busy { lock, .. } => Some(crate::tr!(
                "cli-busy-hint",
                var = crate::store::lock::TIMEOUT_VAR,
                lock = lock.display().to_string()
            )),
            StoreError::BadTimeout(_) => Some(crate::tr!(
                "cli-bad-timeout-hint",
                var = crate::store::lock::TIMEOUT_VAR
            )),
        };
        let cli = CliError::new(error.to_string());
        match hint {
            Some(hint) => cli.hint(hint),
            None => cli,
        }
    }
}
