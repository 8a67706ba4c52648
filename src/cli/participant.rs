//! `programa participant …`: manage the participants of an activity.

use super::{CliError, Context};
use crate::model::{Country, Participant, Role};
use crate::store::edit::{self, EditError};

/// Manage the participants of an activity.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Add a participant to an activity.
    Add(AddArgs),
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

/// Runs `programa participant …`.
pub fn run(context: &mut Context, command: &Command) -> Result<(), CliError> {
    match command {
        Command::Add(args) => add(context, args),
    }
}

fn add(context: &mut Context, args: &AddArgs) -> Result<(), CliError> {
    let required = |key: &'static str, value: &str| {
        let value = value.trim();
        if value.is_empty() {
            Err(EditError::InvalidValue {
                key,
                reason: crate::tr!("cli-participant-empty"),
            })
        } else {
            Ok(value.to_string())
        }
    };
    let optional = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(String::from)
    };
    let country = Country::resolve(&required("country", &args.country)?).map_err(|unknown| {
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
    })?;
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
