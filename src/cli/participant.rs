//! `programa participant …`: manage the participants of an activity.

use clap::builder::{PossibleValuesParser, TypedValueParser};

use super::{CliError, Context};
use crate::model::{Participant, Role};
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
    code: String,
    /// The organisation they came from
    #[arg(long)]
    organisation: String,
    /// The country they represent, or of their organisation
    #[arg(long)]
    country: String,
    /// Their part in the activity
    #[arg(long, value_parser = role_parser())]
    role: Role,
    /// The person's name, when it is recorded
    #[arg(long)]
    name: Option<String>,
}

fn role_parser() -> impl TypedValueParser<Value = Role> {
    PossibleValuesParser::new(Role::ALL.iter().map(|role| role.as_str()))
        .try_map(|word| word.parse::<Role>())
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
                reason: "it cannot be empty".into(),
            })
        } else {
            Ok(value.to_string())
        }
    };
    let participant = Participant {
        name: args
            .name
            .as_deref()
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(String::from),
        organisation: required("organisation", &args.organisation)?,
        country: required("country", &args.country)?,
        role: args.role,
    };
    let (workspace, loaded, lock) = context.load_for_writing()?;
    let mut open = edit::open(&workspace, &loaded, &args.code)?;
    let change = open.editor.push_table("participants", &participant)?;
    open.save(&loaded, &lock)?;
    drop(lock);
    writeln!(context.out, "{}: {change}", open.file.code)?;
    Ok(())
}
