//! `programa set`: Set fields of an activity.

use super::{CliError, Context};
use crate::store::edit;

/// Set fields of an activity: status, progress, dates, format…
///
/// `programa set I.1.1 status=completed progress=100 actual_end=2021-06-15`
///
/// Every value is checked before anything is written, and all the changes of one call are made
/// together or not at all. Only the lines that change are touched: comments and layout stay.
///
/// Keys: title, contents_title, kind (event, study, other), format (face-to-face, virtual, hybrid),
/// format_note, status (planned, ongoing, completed, postponed, cancelled), progress (0–100),
/// planned_start, planned_end, actual_start, actual_end (YYYY-MM-DD), venue, account (the short
/// account of what was achieved, for the follow-up report), audience, partners (comma-separated). An empty value (`venue=`, or `format=none`) removes an optional key;
/// `partners+=NAME` and `partners-=NAME` add or take out one partner.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// The changes, each KEY=VALUE (or partners+=NAME, partners-=NAME)
    #[arg(required = true, value_name = "KEY=VALUE", add = clap_complete::ArgValueCompleter::new(super::completions::assignments))]
    changes: Vec<String>,
}

/// Runs `programa set`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let assignments = edit::parse_assignments(&args.changes)?;
    let (workspace, loaded, lock) = context.load_for_writing()?;
    let mut open = edit::open(&workspace, &loaded, &args.code)?;
    for assignment in &assignments {
        open.editor.apply(assignment)?;
    }
    let saved = open.save(&loaded, &lock)?;
    drop(lock);
    let before = loaded.plan.activity(&open.file.code);
    super::print_edit(context.out, &open.file.code, before, saved.as_ref())?;
    Ok(())
}
