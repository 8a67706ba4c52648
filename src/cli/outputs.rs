//! `programa output …`: the documents and other products of an activity.

use super::items::{activity, edit_item};
use super::{CliError, Context};
use crate::model::{Activity, Date, Output};
use crate::store::edit::{self, EditError};

/// Record, list or take out the documents and other products of an activity.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Record a document or other product of an activity, after the ones it has.
    Add(AddArgs),
    /// List an activity's outputs, numbered as `remove` takes them.
    List(ListArgs),
    /// Take an output out of an activity.
    Remove(RemoveArgs),
}

/// Record a document or other product of an activity.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// The document's title
    #[arg(long)]
    title: String,
    /// The document's code, such as `SP/CL/XLVI.O/DT N° 2-20`
    #[arg(long = "document-code", value_name = "CODE")]
    document_code: Option<String>,
    /// When it was published
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<Date>,
    /// Where it can be read
    #[arg(long)]
    url: Option<String>,
}

/// List an activity's outputs, numbered in the order of the file.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// Print a JSON array of the outputs, with the files' field names
    #[arg(long)]
    json: bool,
}

/// Take an output out of an activity.
#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// The output: the number `output list` shows, or its title or document code
    #[arg(value_name = "N|TITLE")]
    which: String,
}

/// Runs `programa output …`.
pub fn run(context: &mut Context, command: &Command) -> Result<(), CliError> {
    match command {
        Command::Add(args) => add(context, args),
        Command::List(args) => list(context, args),
        Command::Remove(args) => remove(context, args),
    }
}

fn add(context: &mut Context, args: &AddArgs) -> Result<(), CliError> {
    let title = args.title.trim();
    if title.is_empty() {
        return Err(EditError::InvalidValue {
            key: "title",
            reason: crate::tr!("cli-output-empty"),
        }
        .into());
    }
    let optional = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(String::from)
    };
    let output = Output {
        title: title.to_string(),
        code: optional(&args.document_code),
        date: args.date,
        url: optional(&args.url),
    };
    let (workspace, loaded, lock) = context.load_for_writing()?;
    let mut open = edit::open(&workspace, &loaded, &args.code)?;
    open.editor.push_table("outputs", &output)?;
    let saved = open.save(&loaded, &lock)?;
    drop(lock);
    let before = loaded.plan.activity(&open.file.code);
    super::print_edit(context.out, &open.file.code, before, saved.as_ref())?;
    Ok(())
}

/// The position of the output `which` names in `activity`.
fn pick(activity: &Activity, which: &str) -> Result<usize, CliError> {
    let names: Vec<Vec<&str>> = activity
        .outputs
        .iter()
        .map(|output| {
            let mut names = vec![output.title.as_str()];
            names.extend(output.code.as_deref());
            names
        })
        .collect();
    let list = format!("programa output list {}", activity.code);
    super::items::pick(&names, which, &crate::tr!("cli-outputs"), &list)
}

fn list(context: &mut Context, args: &ListArgs) -> Result<(), CliError> {
    let (workspace, loaded) = context.load()?;
    let activity = activity(&workspace, &loaded, &args.code)?;
    if args.json {
        crate::output::json::to_writer_pretty(&mut *context.out, &activity.outputs)
            .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        writeln!(context.out)?;
        return Ok(());
    }
    if activity.outputs.is_empty() {
        let none = crate::tr!("cli-outputs-none", code = activity.code.as_str());
        writeln!(context.out, "{none}")?;
    }
    for (i, output) in activity.outputs.iter().enumerate() {
        let mut line = crate::output::escape_line(&output.title).into_owned();
        for extra in [
            output.code.clone(),
            output.date.map(|d| d.to_string()),
            output.url.clone(),
        ]
        .into_iter()
        .flatten()
        {
            line.push_str(", ");
            line.push_str(&crate::output::escape_line(&extra));
        }
        writeln!(context.out, "{:>3}. {line}", i + 1)?;
    }
    Ok(())
}

fn remove(context: &mut Context, args: &RemoveArgs) -> Result<(), CliError> {
    edit_item(context, &args.code, |before, editor| {
        let index = pick(before, &args.which)?;
        Ok(editor.remove_table("outputs", index)?)
    })
}
