//! `programa set`: Set fields of an activity.

use super::{CliError, Context};

/// Set fields of an activity.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `programa set`.
pub fn run(_context: &mut Context, _args: &Args) -> Result<(), CliError> {
    Err(CliError::new("`set` is not available yet"))
}
