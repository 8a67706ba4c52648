//! `programa participant …`: manage the participants of an activity.

use super::{CliError, Context};

/// Manage the participants of an activity.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a participant to an activity.
    Add(AddArgs),
}

/// Add a participant to an activity.
#[derive(Debug, clap::Args)]
pub struct AddArgs {}

/// Runs `programa participant …`.
pub fn run(_context: &mut Context, _command: &Command) -> Result<(), CliError> {
    Err(CliError::new("`participant` is not available yet"))
}
