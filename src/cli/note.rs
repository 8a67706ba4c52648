//! `programa note`: Add a dated progress note to an activity; list, correct or remove notes.

use super::items::{activity, edit_item};
use super::{CliError, Context};
use crate::model::{Activity, Date, Note};
use crate::store::edit::{self, EditError};

/// Add a dated progress note to an activity, after the ones it has.
///
/// `note list CODE` numbers the notes by date, as `show` prints them; `note edit CODE N` and
/// `note remove CODE N` take those numbers (or the note's date, when only one has it).
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// The activity's code, such as I.1.1
    #[arg(required = true,
          add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: Option<String>,
    /// What happened (markdown)
    #[arg(required = true)]
    text: Option<String>,
    /// The note's date [default: today, or $PROGRAMA_TODAY when it is set]
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<Date>,
}

/// What to do with the notes an activity has.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// List an activity's notes by date, numbered as `edit` and `remove` take them.
    List(ListArgs),
    /// Correct a note's text or date.
    Edit(EditArgs),
    /// Take a note out of an activity.
    Remove(RemoveArgs),
}

/// List an activity's notes by date, numbered.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// Print a JSON array of the notes, by date
    #[arg(long)]
    json: bool,
}

/// Correct a note's text or date; what is not given stays.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// The note: the number `note list` shows, or its date when only one note has it
    #[arg(value_name = "N|DATE")]
    which: String,
    /// The new text (markdown)
    #[arg(long)]
    text: Option<String>,
    /// The new date
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<Date>,
}

/// Take a note out of an activity.
#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// The note: the number `note list` shows, or its date when only one note has it
    #[arg(value_name = "N|DATE")]
    which: String,
}

/// Runs `programa note`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    match (&args.command, &args.code, &args.text) {
        (Some(Command::List(args)), _, _) => list(context, args),
        (Some(Command::Edit(args)), _, _) => edit_one(context, args),
        (Some(Command::Remove(args)), _, _) => remove(context, args),
        (None, Some(code), Some(text)) => add(context, code, text, args.date),
        // clap requires CODE and TEXT without a subcommand.
        (None, _, _) => Err(CliError::new(crate::tr!("cli-note-empty"))),
    }
}

fn add(context: &mut Context, code: &str, text: &str, date: Option<Date>) -> Result<(), CliError> {
    let text = non_empty(text)?;
    let date = match date {
        Some(date) => date,
        None => crate::clock::today().map_err(|e| {
            CliError::new(e.to_string()).hint(crate::tr!(
                "cli-note-today-hint",
                var = crate::clock::TODAY_VAR
            ))
        })?,
    };
    let note = Note { date, text };
    let (workspace, loaded, lock) = context.load_for_writing()?;
    let mut open = edit::open(&workspace, &loaded, code)?;
    open.editor.push_table("notes", &note)?;
    let saved = open.save(&loaded, &lock)?;
    drop(lock);
    let before = loaded.plan.activity(&open.file.code);
    super::print_edit(context.out, &open.file.code, before, saved.as_ref())?;
    Ok(())
}

/// `text` trimmed, or the error that a note cannot be empty.
fn non_empty(text: &str) -> Result<String, EditError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(EditError::InvalidValue {
            key: "text",
            reason: crate::tr!("cli-note-empty"),
        });
    }
    Ok(text.to_string())
}

/// The position in the file of the note `which` names: its number by date, or its date.
fn pick(activity: &Activity, which: &str) -> Result<usize, CliError> {
    let by_date = activity.notes_by_date();
    let dates: Vec<String> = by_date.iter().map(|note| note.date.to_string()).collect();
    let names: Vec<Vec<&str>> = dates.iter().map(|date| vec![date.as_str()]).collect();
    let list = format!("programa note list {}", activity.code);
    let chosen = super::items::pick(&names, which, &crate::tr!("cli-notes"), &list)?;
    let note = by_date[chosen];
    Ok(activity
        .notes
        .iter()
        .position(|n| std::ptr::eq(n, note))
        .unwrap_or(chosen))
}

fn list(context: &mut Context, args: &ListArgs) -> Result<(), CliError> {
    let (workspace, loaded) = context.load()?;
    let activity = activity(&workspace, &loaded, &args.code)?;
    let notes = activity.notes_by_date();
    if args.json {
        crate::output::json::to_writer_pretty(&mut *context.out, &notes)
            .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        writeln!(context.out)?;
        return Ok(());
    }
    if notes.is_empty() {
        let none = crate::tr!("cli-notes-none", code = activity.code.as_str());
        writeln!(context.out, "{none}")?;
    }
    for (i, note) in notes.iter().enumerate() {
        let flat = note.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = crate::output::escape_line(&flat);
        writeln!(context.out, "{:>3}. {}  {text}", i + 1, note.date)?;
    }
    Ok(())
}

fn edit_one(context: &mut Context, args: &EditArgs) -> Result<(), CliError> {
    if args.text.is_none() && args.date.is_none() {
        return Err(CliError::new(crate::tr!("cli-note-nothing-to-change")));
    }
    edit_item(context, &args.code, |before, editor| {
        let index = pick(before, &args.which)?;
        let mut note = before.notes[index].clone();
        if let Some(text) = &args.text {
            note.text = non_empty(text)?;
        }
        if let Some(date) = args.date {
            note.date = date;
        }
        Ok(editor.replace_table("notes", index, &note)?)
    })
}

fn remove(context: &mut Context, args: &RemoveArgs) -> Result<(), CliError> {
    edit_item(context, &args.code, |before, editor| {
        let index = pick(before, &args.which)?;
        Ok(editor.remove_table("notes", index)?)
    })
}
