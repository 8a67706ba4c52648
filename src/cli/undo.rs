//! `programa undo` and `programa redo`: take back the last changes programa made to the
//! programme files, or make them again.

use super::{CliError, Context};
use crate::output::shown;
use crate::store::journal::{self, JournalError, Undone};

/// Undo the last changes programa made to the programme files.
///
/// Each change (set, note, participant, output, new, edit, translate, check --fix, import,
/// restore…) is kept in a journal outside git, the last 100 of them. A change is undone only
/// if its files are still as it left them; `programa redo` makes it again.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many changes to undo
    #[arg(default_value_t = 1, value_name = "N")]
    count: usize,
    /// List the journal instead, newest change first
    #[arg(long, conflicts_with = "count")]
    list: bool,
}

/// Make again the changes `programa undo` took back, the last undone first.
#[derive(Debug, clap::Args)]
pub struct RedoArgs {
    /// How many changes to redo
    #[arg(default_value_t = 1, value_name = "N")]
    count: usize,
}

/// Runs `programa undo`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    if args.list {
        return list(context);
    }
    step(context, args.count, false)
}

/// Runs `programa redo`.
pub fn run_redo(context: &mut Context, args: &RedoArgs) -> Result<(), CliError> {
    step(context, args.count, true)
}

fn step(context: &mut Context, count: usize, redo: bool) -> Result<(), CliError> {
    let workspace = context.workspace()?;
    let lock = super::lock_all(&workspace)?;
    let done = journal::step(&workspace, &lock, count, redo).map_err(CliError::from)?;
    drop(lock);
    for change in &done {
        print(context, change, redo)?;
    }
    Ok(())
}

fn print(context: &mut Context, change: &Undone, redo: bool) -> Result<(), CliError> {
    let description = shown(&change.description).to_string();
    let line = if redo {
        crate::tr!("cli-redone", change = description)
    } else {
        crate::tr!("cli-undone", change = description)
    };
    writeln!(context.out, "{line}")?;
    for path in &change.files {
        writeln!(context.out, "  {}", shown(&path.display().to_string()))?;
    }
    Ok(())
}

fn list(context: &mut Context) -> Result<(), CliError> {
    let workspace = context.workspace()?;
    let entries = journal::list(&workspace).map_err(CliError::from)?;
    if entries.is_empty() {
        writeln!(context.out, "{}", crate::tr!("cli-journal-empty"))?;
    }
    for (index, entry) in entries.iter().enumerate() {
        writeln!(
            context.out,
            "{:>3}  {}  {}",
            index + 1,
            shown(&entry.time),
            shown(&entry.description)
        )?;
        for file in &entry.files {
            writeln!(
                context.out,
                "       {}",
                shown(&file.path.display().to_string())
            )?;
        }
    }
    let redoable = journal::redoable(&workspace).map_err(CliError::from)?;
    if redoable > 0 {
        writeln!(
            context.out,
            "{}",
            crate::tr!("cli-journal-redoable", count = redoable)
        )?;
    }
    Ok(())
}

impl From<JournalError> for CliError {
    fn from(error: JournalError) -> Self {
        match error {
            JournalError::Store(error) => error.into(),
            JournalError::Changed { .. } => {
                CliError::new(error.to_string()).hint(crate::tr!("cli-journal-changed-hint"))
            }
            JournalError::Nothing { redo: false } => {
                CliError::new(error.to_string()).hint(crate::tr!("cli-journal-nothing-hint"))
            }
            _ => CliError::new(error.to_string()),
        }
    }
}
