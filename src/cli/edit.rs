//! `programa edit`: Open an activity in $EDITOR, validating on save.

use super::{CliError, Context};

/// Open an activity in $EDITOR, validating on save.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `programa edit`.
pub fn run(_context: &mut Context, _args: &Args) -> Result<(), CliError> {
    Err(CliError::new("`edit` is not available yet"))
}
