//! `programa new`: Create an activity with the next free code of a project.

use super::{CliError, Context};

/// Create an activity with the next free code of a project.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `programa new`.
pub fn run(_context: &mut Context, _args: &Args) -> Result<(), CliError> {
    Err(CliError::new("`new` is not available yet"))
}
