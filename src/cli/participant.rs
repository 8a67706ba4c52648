//! `programa participant …`: manage the participants of an activity.

use super::items::{activity, edit_item};
use super::{CliError, Context};
use crate::changes::describe_participant_in;
use crate::model::{Activity, Country, Participant, Role};
use crate::store::edit::{self, EditError};

/// Manage the participants of an activity.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a participant to an activity.
    Add(AddArgs),
    /// List an activity's participants, numbered as `remove` and `edit` take them.
    List(ListArgs),
    /// Take a participant out of an activity.
    Remove(RemoveArgs),
    /// Correct what is recorded of a participant: only the fields given change.
    Edit(EditArgs),
}

/// Add a participant to an activity, after the ones it has.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// The organisation they came from
    #[arg(long)]
    organisation: String,
    /// The organisation's identifier (an IATI organisation identifier, or its own code): one
    /// organisation whose name is written in several ways
    #[arg(long, value_name = "ID")]
    organisation_id: Option<String>,
    /// The country they represent, or of their organisation: its ISO 3166-1 code or its name in
    /// English or Spanish (PE, Peru, Perú); the file holds the code
    #[arg(long)]
    country: String,
    /// Their part in the activity
    #[arg(long, value_parser = super::words::words::<Role>())]
    role: Role,
    /// The person's name, when it is recorded
    #[arg(long)]
    name: Option<String>,
}

/// List an activity's participants, numbered in the order of the file.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// Print a JSON array of the participants, with the files' field names
    #[arg(long)]
    json: bool,
}

/// Take a participant out of an activity.
#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// The participant: the number `participant list` shows, or their organisation or name
    #[arg(value_name = "N|ORGANISATION")]
    which: String,
}

/// Correct what is recorded of a participant; the fields not given stay as they are.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// The participant: the number `participant list` shows, or their organisation or name
    #[arg(value_name = "N|ORGANISATION")]
    which: String,
    /// The organisation they came from
    #[arg(long)]
    organisation: Option<String>,
    /// The organisation's identifier; empty to take it out
    #[arg(long, value_name = "ID")]
    organisation_id: Option<String>,
    /// The country: its ISO 3166-1 code or its name in English or Spanish
    #[arg(long)]
    country: Option<String>,
    /// Their part in the activity
    #[arg(long, value_parser = super::words::words::<Role>())]
    role: Option<Role>,
    /// The person's name; empty to take it out
    #[arg(long)]
    name: Option<String>,
}

/// Runs `programa participant …`.
pub fn run(context: &mut Context, command: &Command) -> Result<(), CliError> {
    match command {
        Command::Add(args) => add(context, args),
        Command::List(args) => list(context, args),
        Command::Remove(args) => remove(context, args),
        Command::Edit(args) => edit_one(context, args),
    }
}

/// The texts a participant can be named by on the command line.
fn names(participant: &Participant) -> Vec<&str> {
    let mut names = vec![participant.organisation.as_str()];
    names.extend(participant.name.as_deref());
    names.extend(participant.organisation_id.as_deref());
    names
}

/// The position of the participant `which` names in `activity`.
fn pick(activity: &Activity, which: &str) -> Result<usize, CliError> {
    let names: Vec<Vec<&str>> = activity.participants.iter().map(names).collect();
    let list = format!("programa participant list {}", activity.code);
    super::items::pick(&names, which, &crate::tr!("cli-participants"), &list)
}

fn list(context: &mut Context, args: &ListArgs) -> Result<(), CliError> {
    let (workspace, loaded) = context.load()?;
    let activity = activity(&workspace, &loaded, &args.code)?;
    if args.json {
        crate::output::json::to_writer_pretty(&mut *context.out, &activity.participants)
            .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        writeln!(context.out)?;
        return Ok(());
    }
    if activity.participants.is_empty() {
        writeln!(
            context.out,
            "{}",
            crate::tr!("cli-participants-none", code = activity.code.as_str())
        )?;
    }
    let lang = crate::i18n::lang();
    for (i, participant) in activity.participants.iter().enumerate() {
        let shown = describe_participant_in(participant, lang);
        writeln!(context.out, "{:>3}. {shown}", i + 1)?;
    }
    Ok(())
}

fn remove(context: &mut Context, args: &RemoveArgs) -> Result<(), CliError> {
    edit_item(context, &args.code, |before, editor| {
        let index = pick(before, &args.which)?;
        Ok(editor.remove_table("participants", index)?)
    })
}

fn edit_one(context: &mut Context, args: &EditArgs) -> Result<(), CliError> {
    edit_item(context, &args.code, |before, editor| {
        let index = pick(before, &args.which)?;
        let mut participant = before.participants[index].clone();
        let optional = |value: &str| Some(value.trim().to_string()).filter(|v| !v.is_empty());
        if let Some(organisation) = &args.organisation {
            participant.organisation = required("organisation", organisation)?;
        }
        if let Some(id) = &args.organisation_id {
            participant.organisation_id = optional(id);
        }
        if let Some(name) = &args.name {
            participant.name = optional(name);
        }
        if let Some(country) = &args.country {
            participant.country = country_of(country)?;
        }
        if let Some(role) = args.role {
            participant.role = role;
        }
        Ok(editor.replace_table("participants", index, &participant)?)
    })
}

/// `value` trimmed, or the error that `key` cannot be empty.
fn required(key: &'static str, value: &str) -> Result<String, EditError> {
    let value = value.trim();
    if value.is_empty() {
        Err(EditError::InvalidValue {
            key,
            reason: crate::tr!("cli-participant-empty"),
        })
    } else {
        Ok(value.to_string())
    }
}

/// The country `text` names, or the error with the closest one.
fn country_of(text: &str) -> Result<Country, CliError> {
    let text = required("country", text)?;
    Country::resolve(&text).map_err(|unknown| {
        let hint = match unknown.suggestion {
            Some(country) => crate::tr!(
                "cli-country-hint-meant",
                country = country.name(crate::i18n::lang()),
                code = country.code()
            ),
            None => crate::tr!("cli-country-hint"),
        };
        CliError::new(crate::tr!(
            "cli-invalid-country",
            text = unknown.text.as_str()
        ))
        .hint(hint)
    })
}

fn add(context: &mut Context, args: &AddArgs) -> Result<(), CliError> {
    let optional = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(String::from)
    };
    let country = country_of(&args.country)?;
    let participant = Participant {
        name: optional(&args.name),
        organisation: required("organisation", &args.organisation)?,
        organisation_id: optional(&args.organisation_id),
        country,
        role: args.role,
    };
    let (workspace, loaded, lock) = context.load_for_writing()?;
    let mut open = edit::open(&workspace, &loaded, &args.code)?;
    open.editor.push_table("participants", &participant)?;
    let saved = open.save(&loaded, &lock)?;
    drop(lock);
    let before = loaded.plan.activity(&open.file.code);
    super::print_edit(context.out, &open.file.code, before, saved.as_ref())?;
    Ok(())
}
