//! `programa export`: the year's programme as CSV tables, JSON data, or an IATI activity file.
//!
//! Its messages are the `cli-export-…` ones of `locales/*/cli.ftl`.

use std::path::PathBuf;

use super::gate::{self, Purpose};
use super::{CliError, Context};
use crate::export::{self, csv::Table, iati};
use crate::model::Plan;
use crate::store::{self, PROGRAMME_FILE};

/// Export the year's programme for other tools: CSV tables for spreadsheets, the data as JSON,
/// or an IATI activity file to publish.
///
/// The programme must pass `programa check` without errors, as for `compile`. The export goes
/// to standard output, or with `--output` to a file, which is replaced whole: a reader sees the
/// old file or the new one, never a part.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// CSV with a header row: one row per activity (list fields as JSON arrays in their cell),
    /// or one per participant
    Csv(CsvArgs),
    /// JSON: {"programme": {…}, "activities": […]}, with the files' field names, as `programa
    /// schema` describes them
    Json(Output),
    /// An IATI activity file (standard 2.03), published by the organisation that the `[iati]`
    /// table of programme.toml names
    Iati(Output),
}

/// Where an export goes.
#[derive(Debug, clap::Args)]
pub struct Output {
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Options of the CSV export.
#[derive(Debug, clap::Args)]
pub struct CsvArgs {
    /// Which table: activities (one row each) or participants (one row each, after its
    /// activity's code)
    #[arg(long, value_enum, default_value_t = TableArg::Activities)]
    table: TableArg,
    /// Start with a byte order mark, by which Excel knows the file is UTF-8
    #[arg(long)]
    bom: bool,
    #[command(flatten)]
    output: Output,
}

/// A table of the CSV export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TableArg {
    /// One row per activity.
    Activities,
    /// One row per participant.
    Participants,
}

/// Runs `programa export`.
pub fn run(context: &mut Context, command: &Command) -> Result<(), CliError> {
    let (workspace, loaded) = context.load()?;
    let file = workspace.year_dir(loaded.year).join(PROGRAMME_FILE);
    let file = workspace.relative(&file).display().to_string();
    let (plan, _) = gate::checked(loaded, "", Purpose::Export)?;
    let mut bytes = Vec::new();
    let output = match command {
        Command::Csv(args) => {
            let table = match args.table {
                TableArg::Activities => Table::Activities,
                TableArg::Participants => Table::Participants,
            };
            export::csv::write(&plan, table, args.bom, &mut bytes)?;
            &args.output
        }
        Command::Json(output) => {
            export::json(&plan, &mut bytes)?;
            output
        }
        Command::Iati(output) => {
            let publisher =
                iati::publisher(&plan).map_err(|why| unpublishable(&plan, &file, why))?;
            let generated = crate::clock::timestamp().map_err(|e| CliError::new(e.to_string()))?;
            iati::write(&plan, publisher, &generated, &mut bytes)?;
            output
        }
    };
    match &output.output {
        Some(path) => {
            store::write::write_output(path, &bytes)?;
            writeln!(context.out, "{}", path.display())?;
        }
        None => context.out.write_all(&bytes)?,
    }
    Ok(())
}

/// The `[iati]` table the hint for a programme without one shows.
const IATI_TABLE: &str = "[iati]\norganisation_id = \"…\"\norganisation_type = 40";

/// Why the year cannot be an IATI file, and what to do about it.
fn unpublishable(plan: &Plan, file: &str, why: iati::Unpublishable) -> CliError {
    match why {
        iati::Unpublishable::NoPublisher => {
            CliError::new(crate::tr!("cli-export-no-publisher", file = file)).hint(crate::tr!(
                "cli-export-no-publisher-hint",
                file = file,
                table = IATI_TABLE
            ))
        }
        iati::Unpublishable::BadOrganisationId(id) => CliError::new(crate::tr!(
            "cli-export-bad-organisation-id",
            file = file,
            id = id
        ))
        .hint(crate::tr!("cli-export-bad-organisation-id-hint")),
        iati::Unpublishable::BadOrganisationType(code) => {
            let codes: Vec<String> = iati::ORGANISATION_TYPES
                .iter()
                .map(u16::to_string)
                .collect();
            CliError::new(crate::tr!(
                "cli-export-bad-organisation-type",
                file = file,
                code = code.to_string()
            ))
            .hint(crate::tr!(
                "cli-export-bad-organisation-type-hint",
                codes = codes.join(", ")
            ))
        }
        iati::Unpublishable::NoActivities => CliError::new(crate::tr!(
            "cli-export-no-activities",
            year = plan.programme.year.to_string()
        ))
        .hint(crate::tr!("cli-export-no-activities-hint")),
    }
}
