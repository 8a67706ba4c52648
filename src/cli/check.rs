//! `programa check`: Check every file of a year and report all findings.

use super::{CliError, Context};

/// Check every file of a year and report all findings.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `programa check`.
pub fn run(_context: &mut Context, _args: &Args) -> Result<(), CliError> {
    Err(CliError::new("`check` is not available yet"))
}

/// Prints findings to stderr, quoting the files they point into.
pub fn print_findings(findings: &[crate::diagnostic::Finding], _sources: &[crate::store::Source]) {
    for finding in findings {
        eprintln!("{}: {}", finding.code, finding.message);
    }
}
