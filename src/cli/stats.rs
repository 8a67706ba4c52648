//! `programa stats`: Count activities the way the foreword does.

use super::{CliError, Context};

/// Count activities the way the foreword does.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `programa stats`.
pub fn run(_context: &mut Context, _args: &Args) -> Result<(), CliError> {
    Err(CliError::new("`stats` is not available yet"))
}
