//! Properties of the store on any valid activity: what it writes it reads back the same, a file
//! read and saved untouched is the same bytes, and an edit changes its key and nothing else.

use std::path::Path;

use proptest::prelude::*;
use serde_json::{Value, json};

use programa::model::Activity;
use programa::store::edit::{ActivityEditor, Assignment};
use programa::store::write::to_toml;
use programa::store::{RawFile, read_file};

const PATH: &str = "programme/2021/activities/I.1.1.toml";

/// Text an author could write: any printable characters, line breaks, quotes, backslashes and
/// TOML's own string delimiters.
fn prose() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "\\PC{0,24}",
        1 => Just("\n".to_string()),
        1 => Just("\n\n".to_string()),
        1 => Just("\"\"\"".to_string()),
        1 => Just("'''".to_string()),
        1 => Just("\\".to_string()),
        1 => Just("\t".to_string()),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

/// A one-line value `set` accepts as it is: no surrounding spaces, at least one character.
fn word() -> impl Strategy<Value = String> {
    "[A-Za-zÁÉÍÓÚáéíóúñÑ0-9\"'\\\\#=][A-Za-zÁÉÍÓÚáéíóúñÑ0-9 ,.;:()\"'\\\\#=-]{0,30}[A-Za-z0-9.)]"
}

fn date() -> impl Strategy<Value = String> {
    (2020..2023i32, 1..13u32, 1..29u32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
}

fn optional<T: Strategy>(inner: T) -> impl Strategy<Value = Option<T::Value>> {
    prop::option::of(inner)
}

/// Any valid activity, built as the data a file holds (so the strategy follows the format,
/// not the struct).
fn activity() -> impl Strategy<Value = Activity> {
    let head = (
        word(),
        optional(word()),
        prop::sample::select(vec!["event", "study", "other"]),
        optional(prop::sample::select(vec![
            "face-to-face",
            "virtual",
            "hybrid",
        ])),
        prop::sample::select(vec![
            "planned",
            "ongoing",
            "completed",
            "postponed",
            "cancelled",
        ]),
        0..=100u8,
        optional(date()),
        optional(date()),
        optional(word()),
        prop::collection::vec(word(), 0..3),
    );
    let prose_fields = (
        prose(),
        prop::collection::vec(prose(), 0..3),
        prop::collection::vec(prose(), 0..3),
        optional(prose()),
    );
    let records = (
        prop::collection::vec(
            (
                optional(word()),
                word(),
                prop::sample::select(vec!["PE", "BR", "AR", "VE", "MX"]),
                prop::sample::select(vec!["participant", "speaker", "moderator", "organiser"]),
            ),
            0..4,
        ),
        prop::collection::vec((date(), prose()), 0..3),
        prop::collection::vec((word(), optional(date())), 0..3),
    );
    (head, prose_fields, records).prop_map(|(head, prose_fields, records)| {
        let (title, contents_title, kind, format, status, progress, start, end, venue, partners) =
            head;
        let (background, objectives, expected_results, audience) = prose_fields;
        let (participants, notes, outputs) = records;
        let mut data = json!({
            "code": "I.1.1",
            "project": "I.1",
            "title": title,
            "kind": kind,
            "status": status,
            "progress": progress,
            "background": background,
            "objectives": objectives,
            "expected_results": expected_results,
            "partners": partners,
        });
        let fields = data.as_object_mut().expect("an object");
        let mut put = |key: &str, value: Option<Value>| {
            if let Some(value) = value {
                fields.insert(key.into(), value);
            }
        };
        put("contents_title", contents_title.map(Value::from));
        put("format", format.map(Value::from));
        put("planned_start", start.map(Value::from));
        put("planned_end", end.map(Value::from));
        put("venue", venue.map(Value::from));
        put("audience", audience.map(Value::from));
        let participants: Vec<Value> = participants
            .into_iter()
            .map(|(name, organisation, country, role)| {
                let mut person =
                    json!({"organisation": organisation, "country": country, "role": role});
                if let Some(name) = name {
                    person["name"] = name.into();
                }
                person
            })
            .collect();
        put("participants", Some(participants.into()));
        let notes: Vec<Value> = notes
            .into_iter()
            .map(|(date, text)| json!({"date": date, "text": text}))
            .collect();
        put("notes", Some(notes.into()));
        let outputs: Vec<Value> = outputs
            .into_iter()
            .map(|(title, date)| match date {
                Some(date) => json!({"title": title, "date": date}),
                None => json!({"title": title}),
            })
            .collect();
        put("outputs", Some(outputs.into()));
        serde_json::from_value(data).expect("the strategy makes activities")
    })
}

/// The activity a file's text holds, and whether it was read without a finding.
fn read(text: &str) -> (Option<Activity>, usize) {
    let (_, activity, findings) = read_file::<Activity>(RawFile::new(PATH, text));
    (activity, findings.len())
}

/// One `set` argument and what it does to the data of the activity.
fn assignment() -> impl Strategy<Value = (String, &'static str, Value)> {
    prop_oneof![
        word().prop_map(|w| (format!("title={w}"), "title", Value::from(w))),
        word().prop_map(|w| (format!("venue={w}"), "venue", Value::from(w))),
        word().prop_map(|w| (format!("format_note={w}"), "format_note", Value::from(w))),
        (0..=100u8).prop_map(|n| (format!("progress={n}"), "progress", Value::from(n))),
        prop::sample::select(vec![
            "planned",
            "ongoing",
            "completed",
            "postponed",
            "cancelled"
        ])
        .prop_map(|s| (format!("status={s}"), "status", Value::from(s))),
        date().prop_map(|d| (
            format!("planned_start={d}"),
            "planned_start",
            Value::from(d)
        )),
        date().prop_map(|d| (format!("actual_end={d}"), "actual_end", Value::from(d))),
    ]
}

/// The lines of `text` that do not set `key` at the top of the file.
fn lines_without<'a>(text: &'a str, key: &str) -> Vec<&'a str> {
    let prefix = format!("{key} = ");
    text.lines()
        .filter(|line| !line.starts_with(&prefix))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Load → save is lossless: the store's text of any activity reads back as that activity
    /// without a finding of syntax or shape, and a file read and written untouched keeps its
    /// bytes.
    #[test]
    fn any_valid_activity_reads_back_as_written(activity in activity()) {
        let text = to_toml(&activity).expect("serialises");
        let (read_back, _) = read(&text);
        prop_assert_eq!(read_back.as_ref(), Some(&activity), "{}", text);
        let editor = ActivityEditor::parse(Path::new(PATH), &text).expect("parses");
        prop_assert_eq!(editor.text(), text);
    }

    /// An edit changes only its key: the activity read back is the old one with that field
    /// set, and every line that does not set the key is as it was, in its order.
    #[test]
    fn an_edit_changes_only_its_key(activity in activity(), (arg, key, value) in assignment()) {
        let text = to_toml(&activity).expect("serialises");
        let mut editor = ActivityEditor::parse(Path::new(PATH), &text).expect("parses");
        let assignment: Assignment = arg.parse().expect("a valid assignment");
        editor.apply(&assignment).expect("applies");
        let edited = editor.text();

        let mut expected = serde_json::to_value(&activity).expect("to data");
        expected[key] = value;
        let expected: Activity = serde_json::from_value(expected).expect("from data");
        let (read_back, _) = read(&edited);
        prop_assert_eq!(read_back.as_ref(), Some(&expected), "{}", edited);
        prop_assert_eq!(lines_without(&text, key), lines_without(&edited, key));
    }
}
