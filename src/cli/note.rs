//! `programa note`: Add a dated progress note to an activity.

use super::{CliError, Context};
use crate::model::{Date, Note};
use crate::store::edit::{self, EditError};

/// Add a dated progress note to an activity, after the ones it has.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// What happened (markdown)
    text: String,
    /// The note's date [default: today, or $PROGRAMA_TODAY when it is set]
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<Date>,
}

/// Runs `programa note`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let text = args.text.trim();
    if text.is_empty() {
        return Err(EditError::InvalidValue {
            key: "text",
            reason: crate::tr!("cli-note-empty"),
        }
        .into());
    }
    let date = match args.date {
        Some(date) => date,
        None => crate::clock::today().map_err(|e| {
            CliError::new(e.to_string()).hint(crate::tr!(
                "cli-note-today-hint",
                var = crate::clock::TODAY_VAR
            ))
        })?,
    };
    let note = Note {
        date,
        text: text.to_string(),
    };
    let (workspace, loaded, lock) = context.load_for_writing()?;
    let mut open = edit::open(&workspace, &loaded, &args.code)?;
    open.editor.push_table("notes", &note)?;
    let saved = open.save(&loaded, &lock)?;
    drop(lock);
    let before = loaded.plan.activity(&open.file.code);
    super::print_edit(context.out, &open.file.code, before, saved.as_ref())?;
    Ok(())
}
