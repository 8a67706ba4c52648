//! `programa tui`: the full-screen interface (also what `programa` alone opens on a terminal).

use std::io::IsTerminal;
use std::sync::Arc;

use super::{CliError, Context};
use crate::tui::{KeyMap, Scope, Unavailable};

/// Open the full-screen interface: browse, filter and update the programme.
///
/// A tree of areas, programmes, projects and activities on the left, the selected activity on
/// the right. `?` lists every key; `q` quits. Every change is written to its file when it is
/// made. Keys can be remapped in `$XDG_CONFIG_HOME/programa/keys.toml` (or
/// `~/.config/programa/keys.toml`): a `[keys]` table of `command = "key"` or
/// `command = ["key", …]`, such as `add_note = "m"`; `?` shows the command names. Set
/// `NO_COLOR` for an interface without colours.
#[derive(Debug, Default, clap::Args)]
pub struct Args {}

/// Runs `programa tui`.
pub fn run(context: &mut Context, _args: &Args) -> Result<(), CliError> {
    let keys = KeyMap::load().map_err(|e| {
        CliError::new(format!("the key map cannot be used: {e}"))
            .hint("fix or remove the file; the interface did not start")
    })?;
    let workspace = context.workspace()?;
    let year = workspace.resolve_year(context.year_option())?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CliError::new("the interface needs a terminal")
            .hint("run it in a terminal; `programa list` and `programa show` print to pipes"));
    }
    let scope = Scope { workspace, year };
    crate::tui::run(scope, keys, Arc::new(Unavailable))?;
    Ok(())
}
