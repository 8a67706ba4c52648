//! `programa note`: Add a dated progress note to an activity.

use super::{CliError, Context};

/// Add a dated progress note to an activity.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `programa note`.
pub fn run(_context: &mut Context, _args: &Args) -> Result<(), CliError> {
    Err(CliError::new("`note` is not available yet"))
}
