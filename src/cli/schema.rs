//! `programa schema`: Print or write the JSON Schemas of the file formats.

use super::{CliError, Context};

/// Print or write the JSON Schemas of the file formats.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `programa schema`.
pub fn run(_context: &mut Context, _args: &Args) -> Result<(), CliError> {
    Err(CliError::new("`schema` is not available yet"))
}
