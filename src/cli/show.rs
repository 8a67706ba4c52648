//! `programa show`: Show one activity.

use super::{CliError, Context};

/// Show one activity.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `programa show`.
pub fn run(_context: &mut Context, _args: &Args) -> Result<(), CliError> {
    Err(CliError::new("`show` is not available yet"))
}
