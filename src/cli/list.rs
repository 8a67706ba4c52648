//! `programa list`: List activities.

use super::{CliError, Context};

/// List activities.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `programa list`.
pub fn run(_context: &mut Context, _args: &Args) -> Result<(), CliError> {
    Err(CliError::new("`list` is not available yet"))
}
