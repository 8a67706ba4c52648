//! `programa schema`: print or write the JSON Schemas of the file formats.

use std::path::PathBuf;

use super::{CliError, Context};
use crate::schema;
use crate::store::write::atomic_write;

/// Print or write the JSON Schemas of the file formats, for editors and other tools.
///
/// With no argument both schemas are printed, one JSON document after the other (`jq` reads
/// such a stream). Editors using taplo (Even Better TOML) pick the written files up through
/// `.taplo.toml`, or a `#:schema ./schema/activity.schema.json` line atop a file.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this file kind's schema
    #[arg(value_enum)]
    which: Option<Which>,
    /// Write `programme.schema.json` and `activity.schema.json` into DIR instead of printing
    #[arg(long, value_name = "DIR", conflicts_with = "which")]
    write: Option<PathBuf>,
}

/// A kind of programme file.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Which {
    /// `programme/<year>/programme.toml`
    Programme,
    /// `programme/<year>/activities/<code>.toml`
    Activity,
}

/// Runs `programa schema`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    if let Some(dir) = &args.write {
        for (file, schema) in schema::all() {
            let path = dir.join(file);
            atomic_write(&path, &schema::to_text(&schema))?;
            writeln!(context.out, "wrote {}", path.display())?;
        }
        return Ok(());
    }
    let schemas = match args.which {
        Some(Which::Programme) => vec![schema::programme_schema()],
        Some(Which::Activity) => vec![schema::activity_schema()],
        None => schema::all().into_iter().map(|(_, s)| s).collect(),
    };
    for schema in schemas {
        context.out.write_all(schema::to_text(&schema).as_bytes())?;
    }
    Ok(())
}
