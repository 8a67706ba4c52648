//! Exports of a year's programme for other tools: CSV tables for spreadsheets, the data as
//! JSON, and an IATI activity file. Each writes the plan it is given; the command line decides
//! where to.

pub mod csv;
pub mod iati;

use std::io;

use serde::Serialize;

use crate::model::{Activity, Plan, WorkProgramme};

/// The JSON export: the programme file and every activity file, with the files' field names.
#[derive(Serialize)]
struct Data<'a> {
    /// `programme.toml`, as `programa schema programme` describes it.
    programme: &'a WorkProgramme,
    /// Every activity file, in code order, as `programa schema activity` describes it.
    activities: &'a [Activity],
}

/// Writes the plan as one JSON object, `{"programme": {…}, "activities": [{…}, …]}`, each part
/// as its file's JSON Schema describes it (participants are in their activity).
pub fn json(plan: &Plan, out: &mut dyn io::Write) -> io::Result<()> {
    let data = Data {
        programme: &plan.programme,
        activities: &plan.activities,
    };
    crate::output::json::to_writer_pretty(&mut *out, &data).map_err(io::Error::from)?;
    writeln!(out)
}
