//! The reading commands through the real binary: `list`, `show`, `stats` and `schema`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use programa::model::Activity;
use serde_json::{Value, json};

/// The small valid programme every test here reads.
fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

/// `programa --root <root> <args>` with a fixed width of 100 columns.
fn programa_in(root: &Path, args: &[&str]) -> Output {
    crate::support::programa()
        .arg("--root")
        .arg(root)
        .args(args)
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn programa(args: &[&str]) -> Output {
    programa_in(&mini(), args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs a command that must succeed and returns its stdout.
fn ok(args: &[&str]) -> String {
    let output = programa(args);
    assert!(
        output.status.success(),
        "programa {args:?} failed: {}",
        stderr(&output)
    );
    stdout(&output)
}

/// The codes `list --json` gives for these filters.
fn codes(filters: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--json"];
    args.extend_from_slice(filters);
    let activities: Vec<Activity> = serde_json::from_str(&ok(&args)).expect("a JSON array");
    activities.into_iter().map(|a| a.code).collect()
}

#[test]
fn list_shows_every_activity_as_an_aligned_table() {
    insta::assert_snapshot!(ok(&["list"]));
}

#[test]
fn list_truncates_titles_to_the_width_by_display_columns() {
    let output = crate::support::programa()
        .args(["--root"])
        .arg(mini())
        .arg("list")
        .env("COLUMNS", "60")
        .output()
        .expect("the binary runs");
    let text = stdout(&output);
    for line in text.lines() {
        assert!(line.chars().count() <= 60, "too wide: {line:?}");
    }
    assert!(text.contains('…'), "{text}");
}

#[test]
fn list_filters_narrow_to_the_matching_activities() {
    assert_eq!(codes(&["--area", "I"]), ["I.1.1", "I.1.2", "I.2.1"]);
    assert_eq!(codes(&["--area", "ii"]), ["II.3.1", "II.3.2"]);
    assert_eq!(codes(&["--project", "II.3"]), ["II.3.1", "II.3.2"]);
    assert_eq!(codes(&["--status", "planned"]), ["I.2.1", "II.3.1"]);
    assert_eq!(
        codes(&["--status", "planned,postponed"]),
        ["I.2.1", "II.3.1", "II.3.2"]
    );
    assert_eq!(codes(&["--format", "virtual"]), ["I.2.1"]);
    assert_eq!(codes(&["--kind", "study"]), ["I.1.2", "II.3.1"]);
    assert_eq!(codes(&["--kind", "event", "--area", "II"]), ["II.3.2"]);
}

#[test]
fn list_text_matches_code_title_and_prose_ignoring_case() {
    assert_eq!(codes(&["msmes"]), ["II.3.1", "II.3.2"]);
    // A partner, and a progress note.
    assert_eq!(codes(&["aladi"]), ["I.1.1"]);
    assert_eq!(codes(&["14 delegations"]), ["I.1.1"]);
    // Every word must occur.
    assert_eq!(codes(&["regional", "integration"]), ["I.1.1", "I.1.2"]);
    assert_eq!(codes(&["II.3.2"]), ["II.3.2"]);
    assert_eq!(
        codes(&["behavioural", "--status", "completed"]),
        Vec::<String>::new()
    );
}

#[test]
fn list_refuses_unknown_filter_values_and_names_the_known_ones() {
    let output = programa(&["list", "--status", "done"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("planned, ongoing, completed, postponed, cancelled"),
        "{}",
        stderr(&output)
    );

    let output = programa(&["list", "--area", "IV"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stderr(&output), @r"
    error: there is no area `IV`
    hint: areas: I, II
    ");
}

#[test]
fn list_with_no_match_says_so_on_stderr_and_succeeds() {
    let output = programa(&["list", "no such words anywhere"]);
    assert!(output.status.success());
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("no activity of 2021 matches"));
}

#[test]
fn list_json_reads_back_as_the_activities_of_the_files() {
    let listed: Vec<Activity> = serde_json::from_str(&ok(&["list", "--json"])).expect("JSON");
    let workspace = programa::store::Workspace::at(mini());
    let loaded = programa::store::load(&workspace, 2021).expect("the fixture loads");
    assert_eq!(listed, loaded.plan.activities);
    // File field names, not Rust ones.
    let raw: Value =
        serde_json::from_str(&ok(&["list", "--json", "--format", "virtual"])).expect("JSON");
    assert_eq!(raw[0]["planned_start"], json!("2021-09-01"));
    assert_eq!(raw[0]["format"], json!("virtual"));
}

#[test]
fn list_csv_has_a_header_and_a_row_per_activity() {
    let text = ok(&["list", "--csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    assert_eq!(&headers[0], "code");
    assert_eq!(&headers[6], "status");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 5);
    let first = &rows[0];
    let field = |name: &str| {
        let i = headers.iter().position(|h| h == name).expect("column");
        first[i].to_string()
    };
    assert_eq!(field("code"), "I.1.1");
    assert_eq!(field("venue"), "Caracas, Venezuela");
    assert_eq!(field("partners"), "ALADI; CAF");
    assert_eq!(field("participants"), "2");
}

#[test]
fn show_lays_out_an_activity_for_reading() {
    insta::assert_snapshot!(ok(&["show", "I.1.1"]));
}

#[test]
fn show_json_is_the_activity_with_file_field_names() {
    let shown: Activity = serde_json::from_str(&ok(&["show", "i.2.1", "--json"])).expect("JSON");
    assert_eq!(shown.code, "I.2.1");
    assert_eq!(
        shown.format_note.as_deref(),
        Some("with technological resources of the Permanent Secretariat")
    );
}

#[test]
fn show_of_an_unknown_code_suggests_near_ones() {
    let output = programa(&["show", "I.1.3"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    insta::assert_snapshot!(stderr(&output), @r"
    error: there is no activity `I.1.3` in the 2021 programme
    hint: did you mean `I.1.1`, `I.1.2` or `I.2.1`?
    hint: `programa list` shows every code; `--year` picks another year
    ");

    let output = programa(&["show", "II.3"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("`programa list --project II.3`"));
}

#[test]
fn stats_count_what_the_foreword_quotes() {
    let text = ok(&["stats"]);
    assert!(
        text.contains("5 activities: 2 studies · 3 events (1 face-to-face, 1 virtual, 1 hybrid)"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn stats_json_gives_exact_figures_with_titles() {
    let stats: Value = serde_json::from_str(&ok(&["stats", "--json"])).expect("JSON");
    assert_eq!(stats["activities"], 5);
    assert_eq!(stats["events"], 3);
    assert_eq!(stats["studies"], 2);
    assert_eq!(stats["other"], 0);
    assert_eq!(
        stats["events_by_format"],
        json!({"face-to-face": 1, "virtual": 1, "hybrid": 1})
    );
    assert_eq!(
        stats["by_status"],
        json!({"planned": 2, "ongoing": 1, "completed": 1, "postponed": 1, "cancelled": 0})
    );
    assert_eq!(
        stats["by_area"][1],
        json!({"code": "II", "title": "Economic and Technical Cooperation",
               "activities": 2, "events": 1, "studies": 1})
    );
    assert_eq!(stats["by_programme"][0]["id"], "integration-process");
    assert_eq!(stats["by_programme"][0]["activities"], 3);
    let projects: Vec<(String, u64)> = stats["by_project"]
        .as_array()
        .expect("an array")
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap_or_default().to_string(),
                p["activities"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        projects,
        [
            ("I.1".to_string(), 2),
            ("I.2".to_string(), 1),
            ("II.3".to_string(), 2)
        ]
    );
}

/// A participant record of an activity file, its country written as people write it.
fn participant(organisation: &str, country: &str) -> String {
    format!(
        "\n[[participants]]\norganisation = \"{organisation}\"\ncountry = \"{country}\"\nrole = \"participant\"\n"
    )
}

#[test]
fn stats_count_each_country_once_and_the_member_states_apart() {
    // Five spellings of Peru and Brazil, two ministries of one name in two countries, and two
    // countries that are not Member States, in files written before countries were codes.
    let dir = tempfile::tempdir().expect("temp dir");
    crate::support::copy_dir(&mini(), dir.path());
    let year = dir.path().join("programme/2021");
    let append = |file: &str, records: &[(&str, &str)]| {
        let path = year.join(file);
        let mut text = std::fs::read_to_string(&path).expect("the file");
        for (organisation, country) in records {
            text.push_str(&participant(organisation, country));
        }
        std::fs::write(&path, text).expect("writes");
    };
    append(
        "activities/I.1.2.toml",
        &[
            ("Cancillería", "Perú"),
            ("Cancillería", "Peru"),
            ("Itamaraty", "Brasil"),
            ("UNCTAD", "Switzerland"),
        ],
    );
    append(
        "activities/II.3.1.toml",
        &[
            ("Cancillería", "peru "),
            ("Itamaraty", "Brazil"),
            ("Ministerio de Economía", "Argentina"),
            ("Ministerio de Economía", "Guatemala"),
            ("USAID", "USA"),
        ],
    );
    let programme = year.join("programme.toml");
    let text = std::fs::read_to_string(&programme).expect("the programme");
    let text = text.replacen(
        "language = \"en\"\n",
        "language = \"en\"\nmember_states = [\"AR\", \"BR\", \"GT\", \"PE\", \"UY\"]\n",
        1,
    );
    std::fs::write(&programme, text).expect("writes");

    let output = programa_in(dir.path(), &["stats", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stats: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let p = &stats["participants"];
    // With the mini programme's own two (Uruguay and Peru): 11 records.
    assert_eq!(p["participants"], 11);
    assert_eq!(p["countries"], 7);
    assert_eq!(p["member_states"], json!(["AR", "BR", "GT", "PE", "UY"]));
    assert_eq!(p["other_countries"], json!(["CH", "US"]));
    // ALADI, the Ministry of Foreign Affairs, Cancillería, Itamaraty, UNCTAD, USAID, and
    // Argentina's and Guatemala's Ministerio de Economía.
    assert_eq!(p["organisations"], 8);
    let rows = p["by_country"].as_array().expect("rows");
    assert_eq!(rows.len(), 7);
    assert_eq!(
        rows[0],
        json!({"code": "PE", "name": "Peru", "member_state": true, "participants": 4,
               "organisations": 2})
    );
    let sum = |key: &str| {
        rows.iter()
            .map(|r| r[key].as_u64().unwrap_or(0))
            .sum::<u64>()
    };
    assert_eq!((sum("participants"), sum("organisations")), (11, 8));

    let text = stdout(&programa_in(dir.path(), &["stats"]));
    assert!(
        text.contains(
            "\n11 participants from 7 countries (5 Member States, 2 other) and 8 organisations\n"
        ),
        "{text}"
    );
}

#[test]
fn checked_in_schemas_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    for (file, schema) in programa::schema::all() {
        let path = dir.join(file);
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == programa::schema::to_text(&schema),
            "schema/{file} is stale or missing: the model changed. Regenerate it with \
             `cargo run -- schema --write schema` and commit the result."
        );
    }
}

#[test]
fn schema_prints_both_schemas_or_writes_them() {
    let text = ok(&["schema"]);
    let documents: Vec<Value> = serde_json::Deserializer::from_str(&text)
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("a stream of JSON documents");
    let ids: Vec<&str> = documents.iter().filter_map(|d| d["$id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "urn:programa:schema:programme.schema.json",
            "urn:programa:schema:activity.schema.json"
        ]
    );

    let one: Value = serde_json::from_str(&ok(&["schema", "activity"])).expect("one document");
    assert_eq!(one["title"], "programa activity");

    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("schemas");
    let written = ok(&["schema", "--write", out.to_str().expect("a UTF-8 path")]);
    assert_eq!(written.lines().count(), 2);
    for (file, schema) in programa::schema::all() {
        let text = std::fs::read_to_string(out.join(file)).expect("written");
        assert_eq!(text, programa::schema::to_text(&schema));
    }
}

/// Spawns `programa list <extra>` on a programme far bigger than a pipe's buffer, reads one
/// line and closes the pipe: the command must stop quietly with success.
fn closes_early(extra: &[&str]) {
    let dir = tempfile::tempdir().expect("a temp dir");
    crate::synthetic::write(dir.path(), 2021, 2000).expect("the programme is written");
    let mut child = crate::support::programa()
        .arg("--root")
        .arg(dir.path())
        .arg("list")
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a first line");
    assert!(!first.is_empty());
    // The reader is dropped here: the pipe closes while the command still has lines to write.
    let output = child.wait_with_output().expect("the command ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "exit {:?}: {stderr}",
        output.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn list_into_a_closed_pipe_exits_quietly() {
    closes_early(&[]);
}

#[test]
fn list_json_into_a_closed_pipe_exits_quietly() {
    closes_early(&["--json"]);
}

#[test]
fn commands_warn_when_files_could_not_be_read() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let year = dir.path().join("programme/2021");
    let activities = year.join("activities");
    std::fs::create_dir_all(&activities).expect("folders");
    let fixture = mini().join("programme/2021");
    std::fs::copy(fixture.join("programme.toml"), year.join("programme.toml")).expect("copy");
    for entry in std::fs::read_dir(fixture.join("activities")).expect("fixture") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, activities.join(name)).expect("copy");
    }
    // A syntax error in one file, a wrong type in another.
    std::fs::write(activities.join("I.1.2.toml"), "code = \"I.1.2\nkind = ").expect("write");
    let text = std::fs::read_to_string(activities.join("II.3.1.toml")).expect("read");
    let text = text.replace("progress = 0", "progress = \"none\"");
    std::fs::write(activities.join("II.3.1.toml"), text).expect("write");

    let output = programa_in(dir.path(), &["list", "--json"]);
    assert!(output.status.success());
    let listed: Vec<Activity> = serde_json::from_str(&stdout(&output)).expect("JSON");
    let codes: Vec<&str> = listed.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, ["I.1.1", "I.2.1", "II.3.2"]);
    insta::assert_snapshot!(stderr(&output), @r"
    warning: activities are left out because their files could not be read: programme/2021/activities/I.1.2.toml, programme/2021/activities/II.3.1.toml
    hint: `programa check` tells what is wrong with them
    ");

    // The store tells the two problems apart.
    let workspace = programa::store::Workspace::at(dir.path());
    let loaded = programa::store::load(&workspace, 2021).expect("the folder loads");
    let problems: Vec<(&str, String)> = loaded
        .findings
        .iter()
        .map(|f| {
            (
                f.code,
                f.file
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            (
                "toml-syntax",
                "programme/2021/activities/I.1.2.toml".to_string()
            ),
            (
                "wrong-type",
                "programme/2021/activities/II.3.1.toml".to_string()
            ),
        ]
    );
}
