//! The CSV tables of a year: one row per activity, or one row per participant.
//!
//! Cells are written as every CSV of the tool is ([`crate::output::csv`]): quoted, a cell that
//! a spreadsheet would run as a formula behind a `'`, characters that act on a terminal
//! escaped. A list field (partners, objectives, footnotes…) is a JSON array in its one cell,
//! so that its items come back whole whatever they hold (`; `, commas, quotes, line breaks).

use std::io;

use serde::Serialize;
use serde_json::Value;

use crate::model::Plan;
use crate::output::csv::{Cell, Writer};

/// The columns of the activities table: the activity file's fields in its order, with the
/// area's code after the project's. Participants have a table of their own.
pub const ACTIVITY_COLUMNS: &[&str] = &[
    "code",
    "project",
    "area",
    "title",
    "contents_title",
    "previous",
    "kind",
    "format",
    "format_note",
    "status",
    "progress",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "venue",
    "account",
    "audience",
    "partners",
    "background",
    "objectives_lead",
    "objectives",
    "objectives_closing",
    "expected_results_lead",
    "expected_results",
    "expected_results_closing",
    "footnotes",
    "notes",
    "outputs",
];

/// The columns whose cells are JSON arrays, `[]` when the list is empty.
pub const LIST_COLUMNS: &[&str] = &[
    "partners",
    "objectives",
    "expected_results",
    "footnotes",
    "notes",
    "outputs",
];

/// The columns of the participants table: the activity's code, then the participant's fields.
pub const PARTICIPANT_COLUMNS: &[&str] = &[
    "activity",
    "name",
    "organisation",
    "organisation_id",
    "country",
    "role",
];

/// Which table to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// One row per activity.
    Activities,
    /// One row per participant of every activity.
    Participants,
}

/// Writes `table` of the plan with a header row; `bom` starts it with a byte order mark, by
/// which Excel knows the file is UTF-8.
pub fn write(plan: &Plan, table: Table, bom: bool, out: &mut dyn io::Write) -> io::Result<()> {
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut writer = Writer::new(&mut *out);
    let empty = Value::Array(Vec::new());
    match table {
        Table::Activities => {
            writer.write_record(ACTIVITY_COLUMNS)?;
            for activity in &plan.activities {
                let fields = fields_of(activity)?;
                writer.write_cells(ACTIVITY_COLUMNS.iter().map(|&column| match column {
                    "area" => Cell::Text(activity.area_code().into()),
                    column => cell(&fields, column, &empty),
                }))?;
            }
        }
        Table::Participants => {
            writer.write_record(PARTICIPANT_COLUMNS)?;
            for activity in &plan.activities {
                for participant in &activity.participants {
                    let fields = fields_of(participant)?;
                    writer.write_cells(PARTICIPANT_COLUMNS.iter().map(|&column| match column {
                        "activity" => Cell::Text(activity.code.as_str().into()),
                        column => cell(&fields, column, &empty),
                    }))?;
                }
            }
        }
    }
    writer.flush()
}

/// The fields of a record as its file writes them.
fn fields_of(record: &impl Serialize) -> io::Result<Value> {
    serde_json::to_value(record).map_err(io::Error::from)
}

/// The cell of `column`: text as it is, a number in digits, a list or a table as JSON (`empty`
/// for an absent list), nothing for an absent value.
fn cell<'a>(fields: &'a Value, column: &str, empty: &'a Value) -> Cell<'a> {
    match fields.get(column) {
        None | Some(Value::Null) if LIST_COLUMNS.contains(&column) => Cell::Json(empty),
        None | Some(Value::Null) => Cell::Text("".into()),
        Some(Value::String(text)) => Cell::Text(text.as_str().into()),
        Some(value @ (Value::Array(_) | Value::Object(_))) => Cell::Json(value),
        Some(value @ (Value::Number(_) | Value::Bool(_))) => Cell::Text(value.to_string().into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, Country, Footnote, Note, Output, Participant, Role};

    /// An activity with every field set.
    fn full() -> Activity {
        Activity {
            code: "I.1.1".into(),
            project: "I.1".into(),
            title: "T".into(),
            contents_title: Some("C".into()),
            previous: Some("2020/I.1.1".into()),
            format: Some(crate::model::Format::Hybrid),
            format_note: Some("n".into()),
            progress: 5,
            planned_start: "2021-01-02".parse().ok(),
            planned_end: "2021-01-03".parse().ok(),
            actual_start: "2021-01-04".parse().ok(),
            actual_end: "2021-01-05".parse().ok(),
            venue: Some("v".into()),
            account: Some("a".into()),
            audience: Some("au".into()),
            partners: vec!["CAF".into()],
            background: "b".into(),
            objectives_lead: Some("ol".into()),
            objectives: vec!["o".into()],
            objectives_closing: Some("oc".into()),
            expected_results_lead: Some("el".into()),
            expected_results: vec!["e".into()],
            expected_results_closing: Some("ec".into()),
            footnotes: vec![Footnote {
                id: "1".into(),
                text: "f".into(),
            }],
            participants: vec![Participant {
                name: Some("Ana".into()),
                organisation: "O".into(),
                organisation_id: Some("X".into()),
                country: Country::from_code("PE").expect("Peru"),
                role: Role::Speaker,
            }],
            notes: vec![Note {
                date: "2021-01-06".parse().expect("a date"),
                text: "n".into(),
            }],
            outputs: vec![Output {
                title: "t".into(),
                ..Output::default()
            }],
            ..Activity::default()
        }
    }

    #[test]
    fn every_field_of_an_activity_has_a_column() {
        let activity = full();
        let Value::Object(fields) = fields_of(&activity).expect("serialises") else {
            panic!("an activity is a table");
        };
        let mut keys: Vec<&str> = fields.keys().map(String::as_str).collect();
        keys.retain(|key| *key != "participants");
        keys.push("area");
        keys.sort_unstable();
        let mut columns = ACTIVITY_COLUMNS.to_vec();
        columns.sort_unstable();
        assert_eq!(keys, columns, "a new field needs a column");
        let Value::Object(fields) = fields_of(&activity.participants[0]).expect("serialises")
        else {
            panic!("a participant is a table");
        };
        let mut keys: Vec<&str> = fields.keys().map(String::as_str).collect();
        keys.push("activity");
        keys.sort_unstable();
        let mut columns = PARTICIPANT_COLUMNS.to_vec();
        columns.sort_unstable();
        assert_eq!(keys, columns, "a new field needs a column");
    }

    #[test]
    fn lists_are_json_arrays_and_absent_values_empty() {
        let plan = Plan {
            activities: vec![Activity {
                code: "I.1.1".into(),
                project: "I.1".into(),
                partners: vec!["A; B, \"C\"\nD".into()],
                ..Activity::default()
            }],
            ..Plan::default()
        };
        let mut out = Vec::new();
        write(&plan, Table::Activities, true, &mut out).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(
            text.starts_with("\u{feff}\"code\",\"project\",\"area\""),
            "{text}"
        );
        let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let row = reader
            .records()
            .next()
            .expect("a row")
            .expect("a valid row");
        let column = |name: &str| {
            let at = ACTIVITY_COLUMNS
                .iter()
                .position(|c| *c == name)
                .expect("a column");
            row.get(at).expect("a cell").to_string()
        };
        let partners: Vec<String> = serde_json::from_str(&column("partners")).expect("JSON");
        assert_eq!(partners, ["A; B, \"C\"\nD"]);
        assert_eq!(column("objectives"), "[]");
        assert_eq!(column("venue"), "");
        assert_eq!(column("progress"), "0");
        assert_eq!(column("area"), "I");
    }
}
