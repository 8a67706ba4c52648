//! `programa import`: Import the programme document (markdown) into TOML files.

use super::{CliError, Context};

/// Import the programme document (markdown) into TOML files.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `programa import`.
pub fn run(_context: &mut Context, _args: &Args) -> Result<(), CliError> {
    Err(CliError::new("`import` is not available yet"))
}
