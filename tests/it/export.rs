//! `programa export csv|json|iati` through the real binary, on the bundled 2021 programme and on
//! the small fixture given hostile text: the IATI file validated by xmllint against IATI's own
//! XML Schema (vendored in tests/fixtures/iati-2.03), the CSV read back by Python's csv module
//! and compared with the files as Python's TOML reader reads them, the JSON read back by serde
//! and compared with the programme as the tool loads it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use programa::model::{Activity, WorkProgramme};
use programa::store::{self, Workspace};

use crate::support::{copy_dir, installed, programa, stdout_of};

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

/// The `[iati]` table the tests give a programme: an identifier of IATI's own list for
/// organisations that have none elsewhere, and type 40 (multilateral).
const PUBLISHER: &str = "\n[iati]\norganisation_id = \"XI-IATI-EXAMPLE\"\norganisation_type = 40\n";

/// Text that would break XML, CSV or a terminal, but that `check` lets through (warnings).
const HOSTILE: &str = r#"<b>x</b> & &amp; ]]> "quoted" 'single' a; b, c"#;

/// A copy of the bundled programme (`bundled`) or of the small fixture, in a temporary folder.
fn copy(bundled: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = if bundled {
        Path::new(MANIFEST).to_path_buf()
    } else {
        Path::new(MANIFEST).join("tests/fixtures/mini")
    };
    copy_dir(&from.join("programme"), &dir.path().join("programme"));
    dir
}

fn year_dir(root: &Path) -> PathBuf {
    root.join("programme/2021")
}

/// Adds the `[iati]` table to the programme file.
fn publish(root: &Path) {
    let file = year_dir(root).join("programme.toml");
    let mut text = std::fs::read_to_string(&file).expect("the programme file");
    text.push_str(PUBLISHER);
    std::fs::write(&file, text).expect("writes");
}

/// The small fixture with hostile text in titles, partners, lists, prose and participants,
/// control and bidirectional characters included where `check` only warns of them.
fn hostile() -> tempfile::TempDir {
    let dir = copy(false);
    publish(dir.path());
    let file = year_dir(dir.path()).join("activities/I.1.1.toml");
    let text = std::fs::read_to_string(&file).expect("the fixture");
    let text = text
        .replace(
            "title = \"Technical Support Committee for Regional Integration\"",
            "title = \"Committee <b>&amp; ]]> \\\"quoted\\\" \\u001B[31m\\u0007 end\"",
        )
        .replace(
            "partners = [\n    \"ALADI\",\n    \"CAF\",\n]",
            "partners = [\n    \"A; B\",\n    \"C, \\\"D\\\"\",\n    \"E\\nF\",\n    \"]]><x>\\u0000&\\u202E\",\n]",
        )
        .replace(
            "review of regional institutions' programmes.",
            "review of <script>alert(1)</script> & programmes ]]> \u{202e}reversed.",
        )
        .replace(
            "\"Consolidation of the Technical Support Committee as a source of consultation.\",",
            &format!(
                "\"Consolidation; of it, \\\"all\\\"\\n{}\",\n    \"Second\",",
                HOSTILE.replace('"', "\\\"")
            ),
        )
        .replace(
            "organisation = \"ALADI\"\ncountry = \"UY\"\nrole = \"speaker\"",
            "organisation = \"ALADI <&> ]]>\"\norganisation_id = \"XM-DAC-1\"\ncountry = \"UY\"\nrole = \"organiser\"",
        );
    assert!(text.contains("]]><x>"), "the fixture changed: {text}");
    assert!(text.contains("ALADI <&>"), "the fixture changed: {text}");
    std::fs::write(&file, text).expect("writes");
    dir
}

fn run(root: &Path, args: &[&str]) -> Output {
    programa()
        .arg("--root")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn ok(root: &Path, args: &[&str]) -> String {
    stdout_of(&format!("programa {args:?}"), run(root, args))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `python3 -c script` with `input` on its standard input; its standard output.
fn python(script: &str, args: &[&Path], input: &[u8]) -> String {
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("writes to python3");
    stdout_of("python3", child.wait_with_output().expect("python3 ends"))
}

/// Validates `file` against IATI's activity schema with xmllint.
fn validate(file: &Path) -> Output {
    let schema = Path::new(MANIFEST).join("tests/fixtures/iati-2.03/iati-activities-schema.xsd");
    Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(schema)
        .arg(file)
        .output()
        .expect("xmllint runs")
}

#[test]
fn the_bundled_programme_is_an_iati_file_that_validates() {
    if !installed("xmllint", "libxml2-utils") {
        return;
    }
    let dir = copy(true);
    publish(dir.path());
    let file = dir.path().join("sela-2021.xml");
    let printed = ok(
        dir.path(),
        &["export", "iati", "-o", file.to_str().expect("UTF-8")],
    );
    assert_eq!(printed.trim(), file.display().to_string());
    let checked = validate(&file);
    assert!(
        checked.status.success(),
        "xmllint rejects the file: {}",
        stderr(&checked)
    );
    let text = std::fs::read_to_string(&file).expect("the file");
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\" generated-datetime=\"2021-06-20T00:00:00Z\">"), "{}", &text[..200]);
    assert_eq!(text.matches("<iati-activity xml:lang=\"en\">").count(), 34);
    assert!(text.contains("<iati-identifier>XI-IATI-EXAMPLE-2021-I.1.1</iati-identifier>"));
    assert!(text.contains("<iati-identifier>XI-IATI-EXAMPLE-2021-III.1.2</iati-identifier>"));
    assert!(text.contains("<reporting-org ref=\"XI-IATI-EXAMPLE\" type=\"40\">\n      <narrative>Permanent Secretariat of SELA</narrative>"));
    // Every activity of 2021 is planned, with no dates of its own: planned within the year.
    assert_eq!(text.matches("<activity-status code=\"1\"/>").count(), 34);
    assert_eq!(
        text.matches("<activity-date type=\"1\" iso-date=\"2021-01-01\"/>")
            .count(),
        34
    );
    assert_eq!(
        text.matches("<activity-date type=\"3\" iso-date=\"2021-12-31\"/>")
            .count(),
        34
    );
    assert!(text.contains("<participating-org role=\"4\">\n      <narrative>UNCTAD</narrative>"));
    // Standard output carries the same file.
    let stdout = ok(dir.path(), &["export", "iati"]);
    assert_eq!(stdout, text);
}

#[test]
fn hostile_text_stays_valid_iati_and_reads_back_as_written() {
    if !installed("xmllint", "libxml2-utils") || !installed("python3", "python3") {
        return;
    }
    let dir = hostile();
    let file = dir.path().join("out.xml");
    ok(
        dir.path(),
        &["export", "iati", "--output", file.to_str().expect("UTF-8")],
    );
    let checked = validate(&file);
    assert!(
        checked.status.success(),
        "xmllint rejects the file: {}",
        stderr(&checked)
    );
    // Python's XML parser reads the activity back.
    let script = r#"
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
out = []
for activity in root.findall("iati-activity"):
    out.append({
        "id": activity.findtext("iati-identifier"),
        "title": [n.text for n in activity.findall("title/narrative")],
        "descriptions": [[d.get("type"), d.findtext("narrative")] for d in activity.findall("description")],
        "orgs": [[o.get("role"), o.get("ref"), o.findtext("narrative")] for o in activity.findall("participating-org")],
        "status": activity.find("activity-status").get("code"),
        "dates": [[d.get("type"), d.get("iso-date")] for d in activity.findall("activity-date")],
        "results": [[r.get("type"), r.findtext("title/narrative"), r.find("indicator").get("measure"), r.findtext("indicator/title/narrative")] for r in activity.findall("result")],
    })
print(json.dumps(out))
"#;
    let read: serde_json::Value =
        serde_json::from_str(&python(script, &[&file], b"")).expect("JSON");
    let first = &read[0];
    assert_eq!(first["id"], "XI-IATI-EXAMPLE-2021-I.1.1");
    // The control characters are left out, the rest is as written.
    assert_eq!(
        first["title"],
        serde_json::json!(["Committee <b>&amp; ]]> \"quoted\" [31m end"])
    );
    let general = first["descriptions"][0][1].as_str().expect("a description");
    assert_eq!(first["descriptions"][0][0], "1");
    assert!(
        general.contains("& programmes ]]> \u{202e}reversed."),
        "{general}"
    );
    assert!(
        general.contains("working group.\n") || general.ends_with("working group."),
        "{general}"
    );
    assert_eq!(first["descriptions"][1][0], "2");
    assert!(
        first["descriptions"][1][1]
            .as_str()
            .expect("objectives")
            .starts_with("1. Assess the magnitude")
    );
    assert_eq!(
        first["orgs"],
        serde_json::json!([
            ["2", "XI-IATI-EXAMPLE", "Permanent Secretariat of SELA"],
            ["4", "XI-IATI-EXAMPLE", "Permanent Secretariat of SELA"],
            ["4", null, "A; B"],
            ["4", null, "C, \"D\""],
            ["4", null, "E\nF"],
            ["4", null, "]]><x>&\u{202e}"],
            ["4", "XM-DAC-1", "ALADI <&> ]]>"],
        ])
    );
    assert_eq!(first["status"], "4");
    assert_eq!(
        first["dates"],
        serde_json::json!([
            ["1", "2021-05-10"],
            ["2", "2021-06-14"],
            ["3", "2021-05-11"],
            ["4", "2021-06-15"]
        ])
    );
    let kept = format!(
        "Consolidation; of it, \u{201c}all\u{201d} {}",
        HOSTILE.replace('\'', "\u{2019}")
    );
    let results = first["results"].as_array().expect("results");
    assert_eq!(results.len(), 2, "{results:?}");
    assert_eq!(results[0][0], "1");
    assert_eq!(results[0][2], "5");
    assert_eq!(results[0][1], results[0][3]);
    let result = results[0][1].as_str().expect("a result");
    assert!(
        result.starts_with("Consolidation; of it,"),
        "{result} (not {kept})"
    );
    // The ongoing study is in implementation, with no dates of its own.
    assert_eq!(read[1]["status"], "2");
    // The file shows nothing raw on a terminal.
    let text = std::fs::read_to_string(&file).expect("the file");
    assert!(
        !text.chars().any(|c| programa::output::hidden(c).is_some()),
        "{text}"
    );
    assert!(text.contains("&#x202E;"));
}

/// What Python reads of a CSV export and of the TOML files, compared field by field: each list
/// cell through `json.loads`, each participant against its file's record. Prints "same" or
/// what differs.
const COMPARE_CSV: &str = r#"
import csv, io, json, re, sys, tomllib, pathlib
year = pathlib.Path(sys.argv[1])

def unescape(cell):
    """A text cell as the README says to read it: an odd run of backslashes before u{hex} is
    an escaped character after half the rest; an even run before u{ is half as many."""
    def one(m):
        run, code = len(m.group(1)), m.group(2)
        return "\\" * (run // 2) + (chr(int(code, 16)) if run % 2 else "u{" + code + "}")
    return re.sub(r"(\\+)u\{([0-9a-f]+)\}", one, cell)

activities_csv, participants_csv = sys.stdin.read().split("\n=====\n")
LISTS = {"partners", "objectives", "expected_results", "footnotes", "notes", "outputs"}
files = {}
for path in sorted((year / "activities").glob("*.toml")):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    files[data["code"]] = data
rows = list(csv.DictReader(io.StringIO(activities_csv, newline="")))
problems = []
if [r["code"] for r in rows] != sorted(files, key=lambda c: [(int(p) if p.isdigit() else {"I": 1, "II": 2, "III": 3}.get(p, 9)) for p in c.split(".")]):
    problems.append(("order", [r["code"] for r in rows]))
for row in rows:
    data = files[row["code"]]
    for column, cell in row.items():
        if column == "area":
            want = data["project"].split(".")[0]
            got = cell
        elif column in LISTS:
            want = data.get(column, [])
            got = json.loads(cell)
        else:
            value = data.get(column)
            want = "" if value is None else str(value)
            got = unescape(cell)
        if got != want:
            problems.append((row["code"], column, got, want))
    extra = set(data) - set(row) - {"participants"}
    if extra:
        problems.append((row["code"], "no column for", sorted(extra)))
people = list(csv.DictReader(io.StringIO(participants_csv, newline="")))
expected = []
for code, data in files.items():
    for p in data.get("participants", []):
        expected.append({"activity": code, "name": p.get("name", ""), "organisation": p["organisation"], "organisation_id": p.get("organisation_id", ""), "country": p["country"], "role": p["role"]})
if people != expected:
    problems.append(("participants", people, expected))
print("same" if not problems else json.dumps(problems, ensure_ascii=False))
"#;

#[test]
fn csv_tables_read_back_by_python_as_the_files_hold_them() {
    if !installed("python3", "python3") {
        return;
    }
    let dir = hostile();
    let activities = ok(dir.path(), &["export", "csv"]);
    let participants = ok(dir.path(), &["export", "csv", "--table", "participants"]);
    assert!(
        activities.starts_with("\"code\",\"project\",\"area\",\"title\","),
        "{activities}"
    );
    assert!(
        participants.starts_with(
            "\"activity\",\"name\",\"organisation\",\"organisation_id\",\"country\",\"role\"\n"
        ),
        "{participants}"
    );
    // The title's control characters are written as a terminal shows them, and read back so.
    assert!(activities.contains("\\u{1b}[31m\\u{7} end"), "{activities}");
    let input = format!("{activities}\n=====\n{participants}");
    let verdict = python(COMPARE_CSV, &[&year_dir(dir.path())], input.as_bytes());
    assert_eq!(verdict.trim(), "same");

    // With --bom, to a file: the same table after a byte order mark, which Python's utf-8-sig
    // reader takes away.
    let out = dir.path().join("activities.csv");
    ok(
        dir.path(),
        &["export", "csv", "--bom", "-o", out.to_str().expect("UTF-8")],
    );
    let bytes = std::fs::read(&out).expect("the file");
    assert!(bytes.starts_with(b"\xef\xbb\xbf\"code\""));
    let script = "import csv, sys\nwith open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n    print(next(csv.reader(f))[0])";
    assert_eq!(python(script, &[&out], b"").trim(), "code");
}

#[test]
fn json_reads_back_as_the_programme_the_tool_loads() {
    let dir = hostile();
    let text = ok(dir.path(), &["export", "json"]);
    #[derive(serde::Deserialize)]
    struct Data {
        programme: WorkProgramme,
        activities: Vec<Activity>,
    }
    let data: Data = serde_json::from_str(&text).expect("the JSON export");
    let loaded = store::load(&Workspace::at(dir.path()), 2021).expect("loads");
    assert_eq!(data.programme, loaded.plan.programme);
    assert_eq!(data.activities, loaded.plan.activities);
    assert_eq!(data.activities.len(), 5);
    assert_eq!(data.activities[0].partners[3], "]]><x>\u{0}&\u{202e}");
    // Nothing in it would act on a terminal: the controls are JSON escapes.
    assert!(!text.chars().any(|c| programa::output::hidden(c).is_some()));
    assert!(text.contains("\\u202e"));
    // Each part is its file as the JSON Schema gives it: the same keys.
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(value.as_object().map(|o| o.len()), Some(2));
    assert_eq!(
        value["programme"]["iati"]["organisation_id"],
        "XI-IATI-EXAMPLE"
    );
    assert_eq!(
        value["activities"][0]["participants"][0]["role"],
        "organiser"
    );
}

#[test]
fn iati_needs_a_publisher_and_says_how_to_name_one() {
    let dir = copy(false);
    let file = dir.path().join("out.xml");
    std::fs::write(&file, "old").expect("writes");
    let output = run(
        dir.path(),
        &["export", "iati", "-o", file.to_str().expect("UTF-8")],
    );
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.starts_with("error: programme/2021/programme.toml does not say who publishes the programme to IATI (it has no `[iati]` table)\nhint: add to programme/2021/programme.toml:\n\n[iati]\norganisation_id = "),
        "{message}"
    );
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).expect("the file"), "old");
    // In Spanish for a Spanish user.
    let output = programa()
        .env_remove("PROGRAMA_LANG")
        .env("LANG", "es_ES.UTF-8")
        .arg("--root")
        .arg(dir.path())
        .args(["export", "iati"])
        .output()
        .expect("the binary runs");
    assert!(
        stderr(&output).starts_with("error: programme/2021/programme.toml no dice quién publica el programa en IATI (no tiene la tabla `[iati]`)\nsugerencia: añada a programme/2021/programme.toml:\n\n[iati]\norganisation_id = \"…\"\norganisation_type = 40\n\ncon el identificador"),
        "{}",
        stderr(&output)
    );

    let programme = year_dir(dir.path()).join("programme.toml");
    let text = std::fs::read_to_string(&programme).expect("the programme file");
    std::fs::write(
        &programme,
        format!("{text}{}", PUBLISHER.replace("XI-IATI-EXAMPLE", "SELA 1")),
    )
    .expect("writes");
    let output = run(dir.path(), &["export", "iati"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("error: `iati.organisation_id` in programme/2021/programme.toml is `SELA 1`, which is not an IATI organisation identifier\nhint: "),
        "{}",
        stderr(&output)
    );
    std::fs::write(
        &programme,
        format!("{text}{}", PUBLISHER.replace("= 40", "= 41")),
    )
    .expect("writes");
    let output = run(dir.path(), &["export", "iati"]);
    assert!(
        stderr(&output).contains(
            "is 41, which is not in IATI's OrganisationType codelist\nhint: use one of 10, 11, 15,"
        ),
        "{}",
        stderr(&output)
    );
    // The file the failed exports would have replaced is untouched, and nothing is left beside it.
    assert_eq!(std::fs::read_to_string(&file).expect("the file"), "old");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_programme_that_check_rejects_is_not_exported() {
    let dir = copy(false);
    publish(dir.path());
    let file = year_dir(dir.path()).join("activities/I.1.2.toml");
    let text = std::fs::read_to_string(&file).expect("the fixture");
    std::fs::write(
        &file,
        text.replace("status = \"ongoing\"", "status = \"ongoin\""),
    )
    .expect("writes");
    let out = dir.path().join("out.json");
    for format in ["csv", "json", "iati"] {
        let output = run(
            dir.path(),
            &["export", format, "-o", out.to_str().expect("UTF-8")],
        );
        assert_eq!(output.status.code(), Some(1), "{format}");
        let message = stderr(&output);
        assert!(
            message.contains("error: the 2021 programme has 1 error and cannot be exported\nhint: fix them: `programa check` lists them"),
            "{message}"
        );
        assert!(message.contains("I.1.2.toml:"), "{message}");
        assert!(!out.exists());
    }
    // A place that cannot be written (under a file): said, and nothing written.
    std::fs::write(&file, text).expect("writes");
    let under_a_file = file.join("out.json");
    let output = run(
        dir.path(),
        &[
            "export",
            "json",
            "-o",
            under_a_file.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("error: "),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn translations_are_narratives_in_their_language_and_the_file_still_validates() {
    if !installed("xmllint", "libxml2-utils") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(
        &Path::new(MANIFEST).join("tests/fixtures/bilingual/programme"),
        &dir.path().join("programme"),
    );
    publish(dir.path());
    let file = dir.path().join("bilingual.xml");
    ok(
        dir.path(),
        &["export", "iati", "-o", file.to_str().expect("UTF-8")],
    );
    let checked = validate(&file);
    assert!(
        checked.status.success(),
        "xmllint rejects the file: {}",
        stderr(&checked)
    );
    let text = std::fs::read_to_string(&file).expect("the file");
    for translated in [
        "<narrative xml:lang=\"es\">Taller sobre logística portuaria</narrative>",
        "<narrative xml:lang=\"es\">Estudio sobre los costos del cabotaje</narrative>",
        "<narrative xml:lang=\"es\">1. Comparar los métodos de programación de atraques entre las autoridades portuarias.\n2. Acordar indicadores comunes del tiempo de espera.</narrative>",
        "<narrative xml:lang=\"es\">Un conjunto común de indicadores del tiempo de espera.</narrative>",
    ] {
        assert!(
            text.contains(translated),
            "{translated} missing from {text}"
        );
    }
    // I.1.2's background changed after it was translated: only its English text is published.
    assert!(!text.contains("El cabotaje podría"), "{text}");
    assert!(
        text.contains("<narrative>Coastal shipping could carry"),
        "{text}"
    );
}

#[test]
fn a_file_named_in_a_folder_that_does_not_exist_is_refused_and_no_folder_is_made() {
    let dir = copy(false);
    for args in [
        &["export", "json", "-o", "missing/deeper/out.json"][..],
        &["compile", "programme", "-o", "missing/deeper/out.pdf"][..],
        &[
            "translations",
            "export",
            "--lang",
            "es",
            "-o",
            "missing/deeper/es.xlf",
        ][..],
    ] {
        let output = programa()
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("runs programa");
        let message = stderr(&output);
        assert!(!output.status.success(), "{args:?} succeeded");
        assert!(
            message.contains("the folder missing/deeper does not exist"),
            "{args:?}: {message}"
        );
        assert!(
            !dir.path().join("missing").exists(),
            "{args:?} made folders"
        );
    }
}
