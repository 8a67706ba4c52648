//! Hostile text: escape sequences, control and bidirectional characters in every kind of text
//! field, in git identities and messages, and on the command line, through every command that
//! prints them, the git diff driver, the interface and a real terminal. Nothing may reach a
//! terminal raw: what arrives is escaped (`\u{1b}`), JSON carries the exact text, and CSV
//! cells cannot run as spreadsheet formulas.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use programa::output::{escape, escape_line, hidden};
use programa::store::{self, Workspace};
use programa::tui::app::Overlay;
use programa::tui::load::ReadEvent;
use programa::tui::tree::haystack;
use programa::tui::{Action, App, KeyMap, Scope};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::{BIN, copy_dir, stdout_of};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
const ACTIVITY: &str = "programme/2021/activities/I.1.1.toml";

/// What would act on a terminal: rename its window (OSC 0), colour and clear it (CSI, and the
/// one-byte C1 CSI and OSC), ring, delete, move to a new line (NEL), plus invisible direction
/// marks, a tab, and a literal `\u{41}`, which must be shown with its backslash doubled so that
/// it cannot pass for an escape. Bidirectional controls come apart, in [`BIDI`]: in a title
/// they are an error.
const CONTROLS: &str =
    "\u{1b}]0;PWNED\u{7}\u{1b}[31m\u{7f}\u{85}\u{9b}2J\u{9d}0;X\u{7}\u{200f}\u{61c}\t\\u{41}";
/// The bidirectional controls that reorder text: right-to-left override, left-to-right isolate.
const BIDI: &str = "\u{202e}\u{2066}";

fn hostile(label: &str) -> String {
    format!("{label} {CONTROLS} end")
}

fn hostile_bidi(label: &str) -> String {
    format!("{label} {CONTROLS}{BIDI} end")
}

/// `text` as a TOML basic string, every control and bidirectional character as an escape.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || hidden(c).is_some() => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A repository whose first commit holds the fixture and whose second, by an author whose name
/// holds escape sequences, puts hostile text into every kind of field.
struct Env {
    _dir: tempfile::TempDir,
    home: PathBuf,
    repo: PathBuf,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let home = dir.path().join("home");
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(&home).expect("a home");
        std::fs::write(
            home.join(".gitconfig"),
            "[user]\n\tname = Ana Pérez\n\temail = ana@sela.example\n[init]\n\tdefaultBranch = main\n",
        )
        .expect("writes the git configuration");
        copy_dir(Path::new(FIXTURE), &repo);
        let env = Env {
            _dir: dir,
            home,
            repo,
        };
        env.git(&["init", "-q"]);
        env.git(&["add", "-A"]);
        env.git(&["commit", "-q", "-m", "Import the 2021 programme"]);
        env.make_hostile();
        env.git(&["add", "-A"]);
        let author = format!("Eve {CONTROLS}");
        let output = env
            .command("git")
            .env("GIT_AUTHOR_NAME", &author)
            .args(["commit", "-q", "-m", &hostile("Message")])
            .output()
            .expect("git runs");
        stdout_of("git commit", output);
        env
    }

    /// Hostile text in the title, venue, format note, partners, prose, objectives, footnotes,
    /// participants and notes of I.1.1, in the programme's title and an area's; formulas in
    /// I.1.2.
    fn make_hostile(&self) {
        let path = self.repo.join(ACTIVITY);
        let text = std::fs::read_to_string(&path).expect("the activity");
        let mut text = text
            .replace(
                "title = \"Technical Support Committee for Regional Integration\"",
                &format!("title = {}", toml_string(&hostile("Title"))),
            )
            .replace(
                "venue = \"Caracas, Venezuela\"",
                &format!(
                    "venue = {}\nformat_note = \"raw \u{85}\u{9b} and \u{202e}reversed\u{202c}\"",
                    toml_string(&hostile_bidi("Venue"))
                ),
            )
            .replace(
                "    \"CAF\",",
                &format!("    {},", toml_string(&hostile_bidi("Partner"))),
            )
            .replace(
                "formed a working group[^1].",
                &format!(
                    "formed a working group[^1]. {}",
                    toml_string(&hostile_bidi("Background")).trim_matches('"')
                ),
            )
            .replace(
                "\"Assess the magnitude",
                &format!(
                    "{}, \"Assess the magnitude",
                    toml_string(&hostile_bidi("Objective"))
                ),
            )
            .replace(
                "text = \"SELA (2019).",
                &format!(
                    "text = \"{} SELA (2019).",
                    toml_string(&hostile_bidi("Footnote")).trim_matches('"')
                ),
            )
            .replace(
                "organisation = \"ALADI\"",
                &format!(
                    "organisation = {}",
                    toml_string(&hostile_bidi("Organisation"))
                ),
            )
            .replace(
                "text = \"Held in Caracas with 14 delegations.\"",
                &format!("text = {}", toml_string(&hostile_bidi("Note"))),
            );
        text.push_str(&format!(
            "\n[[participants]]\nname = {}\norganisation = \"SELA\"\ncountry = \"PE\"\nrole = \"observer\"\n",
            toml_string(&hostile_bidi("Name"))
        ));
        std::fs::write(&path, text).expect("writes the activity");

        let path = self.repo.join("programme/2021/activities/I.1.2.toml");
        let text = std::fs::read_to_string(&path).expect("the activity");
        let title = text
            .lines()
            .find(|line| line.starts_with("title = "))
            .expect("a title")
            .to_string();
        let text = text.replace(
            &title,
            "title = \"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\"\nvenue = \"  -2+3\"\npartners = [\"@SUM(A1)\", \"+1\"]",
        );
        std::fs::write(&path, text).expect("writes the activity");

        let path = self.repo.join("programme/2021/programme.toml");
        let text = std::fs::read_to_string(&path)
            .expect("the programme")
            .replace(
                "title = \"Work Programme for the year 2021\"",
                &format!("title = {}", toml_string(&hostile("Programme 2021"))),
            )
            .replace(
                "title = \"Intra-Regional Relations\"",
                &format!("title = {}", toml_string(&hostile("Area"))),
            );
        std::fs::write(&path, text).expect("writes the programme");
    }

    fn command(&self, program: &str) -> Command {
        let mut command = crate::support::pinned(program, &self.home);
        command.current_dir(&self.repo);
        command
    }

    fn git(&self, args: &[&str]) -> String {
        let output = self.command("git").args(args).output().expect("git runs");
        stdout_of(&format!("git {args:?}"), output)
    }

    fn programa(&self, args: &[&str]) -> Output {
        self.command(BIN)
            .args(args)
            .output()
            .expect("programa runs")
    }

    /// The standard output of a command that must succeed, its output and errors checked.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.programa(args);
        assert_safe(&format!("programa {args:?}"), &output);
        stdout_of(&format!("programa {args:?}"), output)
    }
}

/// Nothing but tabs and line breaks among the control and bidirectional characters, and every
/// literal `\u{41}` shown with its backslash doubled (a single one would mean that a text was
/// printed without being escaped where it was formatted).
fn assert_clean(what: &str, text: &str) {
    for (at, c) in text.char_indices() {
        let raw = c != '\t' && c != '\n' && (c.is_control() || hidden(c).is_some());
        assert!(!raw, "{what}: raw {c:?} at byte {at} in:\n{}", escape(text));
    }
    for (at, _) in text.match_indices("u{41}") {
        let run = text[..at].len() - text[..at].trim_end_matches('\\').len();
        assert!(
            run.is_multiple_of(2),
            "{what}: `\\u{{41}}` printed as an escape at byte {at} in:\n{text}"
        );
    }
}

/// Lines joined and white space collapsed: what a wrapped text says.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_safe(what: &str, output: &Output) {
    let stdout = String::from_utf8(output.stdout.clone()).expect("UTF-8 output");
    let stderr = String::from_utf8(output.stderr.clone()).expect("UTF-8 errors");
    assert_clean(&format!("{what} (stdout)"), &stdout);
    assert_clean(&format!("{what} (stderr)"), &stderr);
}

#[test]
fn every_command_shows_hostile_text_escaped() {
    let env = Env::new();
    let title = escape_line(&hostile("Title")).into_owned();
    // The title as every one-line view shows it; the marker's backslash doubled.
    assert!(title.contains("\\u{1b}]0;PWNED\\u{7}\\u{1b}[31m\\u{7f}\\u{85}\\u{9b}2J"));
    assert!(title.contains("\\u{200f}\\u{61c}\\u{9}\\\\u{41} end"));

    let list = env.ok(&["list"]);
    let row = list
        .lines()
        .find(|line| line.starts_with("I.1.1"))
        .expect("a row for I.1.1");
    assert!(row.contains("Title \\u{1b}]0;PWNED\\u{7}"), "{row}");
    assert!(row.chars().count() <= 100, "{row}");
    // Every row keeps the columns of the header.
    let title_at = list
        .lines()
        .next()
        .and_then(|h| h.find("TITLE"))
        .expect("a header");
    for line in list.lines() {
        assert_eq!(line.get(title_at - 2..title_at), Some("  "), "{list}");
    }
    let wide = env
        .command(BIN)
        .env_remove("COLUMNS")
        .args(["list"])
        .output()
        .expect("runs");
    assert_safe("list without a width", &wide);
    assert!(String::from_utf8_lossy(&wide.stdout).contains(&title));

    let show = flat(&env.ok(&["show", "I.1.1"]));
    for expected in [
        "Title \\u{1b}]0;PWNED\\u{7}",
        "Venue \\u{1b}]0;PWNED",
        "\\u{202e}\\u{2066} end",
        "raw \\u{85}\\u{9b} and \\u{202e}reversed\\u{202c}",
        "Note \\u{1b}]0;",
        "Footnote \\u{1b}]0;",
        "Organisation \\u{1b}]0;",
        "Name \\u{1b}]0;",
        "Objective \\u{1b}]0;",
        "Partner \\u{1b}]0;",
    ] {
        assert!(show.contains(expected), "show lacks {expected:?}:\n{show}");
    }

    let stats = env.ok(&["stats"]);
    assert!(
        stats.starts_with("Programme 2021 \\u{1b}]0;PWNED"),
        "{stats}"
    );
    assert!(stats.contains("Area \\u{1b}]0;PWNED"), "{stats}");

    let log = env.ok(&["log"]);
    assert!(log.contains("Eve \\u{1b}]0;PWNED"), "{log}");
    assert!(log.contains("Message \\u{1b}]0;PWNED"), "{log}");
    let history = env.ok(&["history", "I.1.1"]);
    assert!(history.contains("Title \\u{1b}]0;PWNED"), "{history}");
    assert!(history.contains("by Ana Pérez"), "{history}");
    let diff = env.ok(&["diff", "HEAD~1"]);
    for expected in [
        "venue: “Caracas, Venezuela” → “Venue \\u{1b}]0;PWNED",
        "Title \\u{1b}]0;",
    ] {
        assert!(diff.contains(expected), "diff lacks {expected:?}:\n{diff}");
    }
    let textconv = env.ok(&["textconv", ACTIVITY]);
    assert!(
        textconv.starts_with("I.1.1 Title \\u{1b}]0;PWNED\\u{7}"),
        "{textconv}"
    );
    for args in [
        &["baseline", "set", "approved"][..],
        &["baseline", "list"],
        &["baseline", "diff", "approved", "HEAD~1"],
    ] {
        env.ok(args);
    }

    // Confirmations of edits and the commit that records them.
    let set = env.ok(&["set", "I.1.1", &format!("venue={}", hostile_bidi("Set"))]);
    assert!(set.contains("→ “Set \\u{1b}]0;PWNED"), "{set}");
    let note = env.ok(&["note", "I.1.1", &hostile_bidi("Noted")]);
    assert!(note.contains("Noted \\u{1b}]0;PWNED"), "{note}");
    let added = env.ok(&[
        "participant",
        "add",
        "I.1.1",
        "--organisation",
        &hostile_bidi("Added"),
        "--country",
        "Peru",
        "--role",
        "speaker",
    ]);
    assert!(added.contains("Added \\u{1b}]0;PWNED"), "{added}");
    env.ok(&["commit"]);
    let message = env.git(&["log", "-1", "--format=%B"]);
    assert_clean("the commit's message", &message);
    assert!(message.contains("Set \\u{1b}]0;PWNED"), "{message}");
}

#[test]
fn error_messages_escape_what_they_quote() {
    let env = Env::new();
    let wrong = format!("I.1.{CONTROLS}");
    for args in [
        vec!["show", wrong.as_str()],
        vec!["history", wrong.as_str()],
        vec!["set", "I.1.1", &format!("ti{CONTROLS}tle=x")],
        vec!["set", "I.1.1", &format!("status={CONTROLS}")],
        vec!["list", "--area", &wrong],
        vec!["note", wrong.as_str(), "text"],
        vec![
            "participant",
            "add",
            "I.1.1",
            "--organisation",
            "SELA",
            "--country",
            CONTROLS,
            "--role",
            "speaker",
        ],
    ] {
        let output = env.programa(&args);
        assert!(!output.status.success(), "{args:?} succeeded");
        assert_safe(&format!("{args:?}"), &output);
        let errors = String::from_utf8_lossy(&output.stderr);
        assert!(errors.contains("\\u{1b}]0;PWNED"), "{args:?}: {errors}");
    }
}

#[test]
fn check_quotes_a_country_that_names_none_escaped() {
    let env = Env::new();
    let path = env.repo.join(ACTIVITY);
    let text = std::fs::read_to_string(&path).expect("the activity");
    assert!(text.contains("country = \"UY\""), "{text}");
    let country = toml_string(&hostile_bidi("Country"));
    std::fs::write(
        &path,
        text.replace("country = \"UY\"", &format!("country = {country}")),
    )
    .expect("writes the activity");
    for args in [&["check"][..], &["check", "--fix"]] {
        let output = env.programa(args);
        assert!(!output.status.success(), "{args:?} succeeded");
        assert_safe(&format!("{args:?}"), &output);
        let shown = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        assert!(
            shown.contains("error[unknown-country]: `Country \\u{1b}]0;PWNED"),
            "{args:?}: {shown}"
        );
    }
}

#[test]
fn check_points_at_hidden_characters_and_quotes_them_escaped() {
    let env = Env::new();
    let output = env.programa(&["check"]);
    assert_safe("check", &output);
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let file = std::fs::read_to_string(env.repo.join(ACTIVITY)).expect("the activity");
    let line = file
        .lines()
        .position(|l| l.starts_with("title = "))
        .expect("the title")
        + 1;
    let column = "title = \"Title ".len() + 1;
    let controls = CONTROLS
        .chars()
        .filter(|&c| hidden(c) == Some(programa::output::Hidden::Control))
        .count();
    assert!(
        text.contains(&format!(
            "warning[control-character]: `title` holds the control character U+001B (escape) ({} more in this field)\n  --> {ACTIVITY}:{line}:{column}\n",
            controls - 1
        )),
        "{text}"
    );
    // The bidirectional controls: an error in no title, warnings in the rest.
    assert!(
        text.contains("warning[bidi-control]: `venue` holds"),
        "{text}"
    );
    assert!(
        text.contains("warning[bidi-mark]: `title` holds the invisible direction mark U+200F"),
        "{text}"
    );
    // A raw C1 and override in the file are quoted escaped, the caret under them.
    let quote = text
        .lines()
        .find(|l| l.contains("format_note = "))
        .expect("the format note quoted");
    assert!(
        quote.ends_with("format_note = \"raw \\u{85}\\u{9b} and \\u{202e}reversed\\u{202c}\""),
        "{quote}"
    );
    let caret_line = text
        .lines()
        .skip_while(|l| *l != quote)
        .nth(1)
        .expect("a caret line");
    let caret = caret_line.find('^').expect("a caret");
    assert_eq!(&quote[caret..caret + 6], "\\u{85}", "{quote}\n{caret_line}");

    // JSON gives the file's own line and column.
    let json = env.programa(&["check", "--format", "json"]);
    assert_safe("check --format json", &json);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let finding = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| {
            f["code"] == "control-character"
                && f["file"] == ACTIVITY
                && f["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("`title`"))
        })
        .expect("the title's finding");
    assert_eq!(finding["line"], line);
    assert_eq!(finding["column"], column);

    // In a title, a bidirectional control is an error, and so is a syntax error: both quoted
    // escaped.
    let path = env.repo.join("programme/2021/activities/I.2.1.toml");
    let text = std::fs::read_to_string(&path).expect("the activity");
    let title = text
        .lines()
        .find(|l| l.starts_with("title = "))
        .expect("a title")
        .to_string();
    std::fs::write(&path, text.replace(&title, "title = \"Ab\\u202Ecd\"")).expect("writes");
    let path = env.repo.join("programme/2021/activities/II.3.1.toml");
    let mut text = std::fs::read_to_string(&path).expect("the activity");
    text.push_str("bad \u{1b}]0;PWNED\u{7} = 1\n");
    std::fs::write(&path, text).expect("writes");
    let output = env.programa(&["check"]);
    assert!(!output.status.success());
    assert_safe("check of bad files", &output);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("error[bidi-control]: `title` holds the bidirectional control U+202E (right-to-left override)"), "{text}");
    assert!(
        text.contains(" | bad \\u{1b}]0;PWNED\\u{7} = 1\n"),
        "{text}"
    );
}

#[test]
fn json_outputs_carry_the_exact_text_escaped() {
    let env = Env::new();
    let title = hostile("Title");
    let venue = hostile_bidi("Venue");
    let parse = |args: &[&str]| -> serde_json::Value {
        let text = env.ok(args);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}\n{text}"))
    };
    let list = parse(&["list", "--json"]);
    let first = list
        .as_array()
        .and_then(|a| a.iter().find(|a| a["code"] == "I.1.1"))
        .expect("I.1.1");
    assert_eq!(first["title"], title.as_str());
    assert_eq!(first["venue"], venue.as_str());
    let show = parse(&["show", "I.1.1", "--json"]);
    assert_eq!(show["title"], title.as_str());
    assert_eq!(show["notes"][0]["text"], hostile_bidi("Note").as_str());
    assert_eq!(
        show["participants"][0]["organisation"],
        hostile_bidi("Organisation").as_str()
    );
    let stats = parse(&["stats", "--json"]);
    assert_eq!(stats["title"], hostile("Programme 2021").as_str());
    let history = parse(&["history", "I.1.1", "--json"]);
    assert_eq!(history["title"], title.as_str());
    let log = parse(&["log", "--json"]);
    let text = serde_json::to_string(&log).expect("serialises");
    assert!(text.contains(&serde_json::to_string(&format!("Eve {CONTROLS}")).expect("a string")));
    let diff = parse(&["diff", "HEAD~1", "--json"]);
    let text = serde_json::to_string(&diff).expect("serialises");
    assert!(text.contains(&serde_json::to_string(&venue).expect("a string")));
    parse(&["check", "--format", "json"]);
}

#[test]
fn csv_cells_never_run_as_formulas() {
    let env = Env::new();
    let text = env.ok(&["list", "--csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect("a column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let row = |code: &str| rows.iter().find(|r| &r[0] == code).expect("a row").clone();
    let i_1_2 = row("I.1.2");
    assert_eq!(
        &i_1_2[column("title")],
        "'=HYPERLINK(\"http://evil.example\",\"click\")"
    );
    assert_eq!(&i_1_2[column("venue")], "'  -2+3");
    assert_eq!(&i_1_2[column("partners")], "'@SUM(A1); +1");
    // Control characters as on a terminal; the tab of a cell kept.
    let i_1_1 = row("I.1.1");
    assert_eq!(&i_1_1[column("title")], escape(&hostile("Title")));
    for record in &rows {
        for cell in record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
                "{cell:?}"
            );
        }
    }

    // Python's reader, an independent one, reads the same cells.
    let Ok(python) = crate::support::in_pinned_env("python3")
        .args([
            "-c",
            "import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin))))",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("skipped the Python reader: python3 is not installed");
        return;
    };
    let mut python = python;
    std::io::Write::write_all(python.stdin.as_mut().expect("stdin"), text.as_bytes())
        .expect("writes to python");
    drop(python.stdin.take());
    let output = python.wait_with_output().expect("python runs");
    let read: Vec<Vec<String>> =
        serde_json::from_str(&stdout_of("python3 csv", output)).expect("JSON");
    let ours: Vec<Vec<String>> = std::iter::once(&headers)
        .chain(&rows)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect();
    assert_eq!(read, ours);
}

#[test]
fn git_diff_through_the_driver_shows_hostile_text_escaped() {
    let env = Env::new();
    env.ok(&["git-setup"]);
    // Through git's pager (which sets GIT_PAGER_IN_USE), as on a terminal: the fields and the
    // patch are escaped.
    let output = env
        .command("git")
        .env("GIT_PAGER_IN_USE", "true")
        .args(["diff", "HEAD~1", "--", "programme"])
        .output()
        .expect("git runs");
    assert_safe("git diff", &output);
    let diff = stdout_of("git diff", output);
    assert!(
        diff.contains("  I.1.1  Title \\u{1b}]0;PWNED\\u{7}"),
        "{diff}"
    );
    assert!(diff.contains("diff --git a/programme/"), "{diff}");
    // Into a file or a pipe, the patch keeps the file's bytes for `git apply`; the fields
    // before it are escaped all the same.
    let output = env
        .command("git")
        .args(["diff", "HEAD~1", "--", "programme"])
        .output()
        .expect("git runs");
    let piped = stdout_of("git diff", output);
    let (fields, patch) = piped.split_once("diff --git ").expect("a patch");
    assert!(fields.contains("field by field"), "{piped}");
    assert_clean("the fields git diff shows", fields);
    assert!(patch.contains("\n+title = "), "{piped}");
}

/// The interface on the hostile programme, drawn into a test backend.
fn interface(env: &Env) -> App {
    let workspace = Workspace::at(&env.repo);
    let loaded = store::load(&workspace, 2021).expect("the programme loads");
    let mut app = App::new(
        Scope {
            workspace,
            year: 2021,
        },
        loaded,
        KeyMap::default(),
        // Wide enough for a hostile value on one line of the pane.
        (300, 60),
    );
    let findings = programa::validate::validate(&app.loaded);
    let search_texts = app.loaded.plan.activities.iter().map(haystack).collect();
    let generation = app.generation;
    app.update(Action::Read(ReadEvent::Checked {
        generation,
        findings,
        search_texts,
    }));
    app
}

fn draw(app: &App) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("a test terminal");
    terminal
        .draw(|frame| programa::tui::view::render(frame, app))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

#[test]
fn the_interface_shows_hostile_text_escaped() {
    let env = Env::new();
    let mut app = interface(&env);
    assert!(app.select_key("I.1.1"));
    let screen = draw(&app);
    assert_clean("the tree and the detail", &screen);
    for expected in [
        "Programme 2021 \\u{1b}]0;PWNED",
        "Title \\u{1b}]0;PWNED\\u{7}",
        "Venue \\u{1b}]0;PWNED\\u{7}",
        "Area \\u{1b}]0;",
    ] {
        assert!(screen.contains(expected), "no {expected:?} on\n{screen}");
    }
    // Further down the detail, its lines joined: prose, participants, notes, footnotes.
    let mut seen = String::new();
    for _ in 0..8 {
        let screen = draw(&app);
        assert_clean("the detail, scrolled", &screen);
        for line in screen.lines() {
            if let Some(pane) = line.split('│').nth(3) {
                seen.push_str(pane);
                seen.push(' ');
            }
        }
        app.pane_scroll += 20;
    }
    let seen = flat(&seen);
    for expected in [
        "Background \\u{1b}]0;",
        "Organisation \\u{1b}]0;",
        "Note \\u{1b}]0;",
        "Footnote \\u{1b}]0;",
        "Partner \\u{1b}]0;",
        "\\u{202e}\\u{2066} end",
    ] {
        assert!(
            seen.contains(expected),
            "no {expected:?} in the detail:\n{seen}"
        );
    }

    app.overlay = Some(Overlay::Findings(0));
    let screen = draw(&app);
    assert_clean("the findings", &screen);
    assert!(screen.contains("U+001B (escape)"), "{screen}");

    // A form shows what is typed into it escaped, as it is typed.
    app.overlay = None;
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Char('n'),
        KeyModifiers::NONE,
    )));
    for c in "typed \u{1b}]0;PWNED\u{7}".chars() {
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    let screen = draw(&app);
    assert_clean("the note form", &screen);
    assert!(screen.contains("typed \\u{1b}]0;PWNED\\u{7}"), "{screen}");
}

#[test]
fn list_in_a_real_terminal_does_not_rename_it() {
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("PROGRAMA_REQUIRE_TOOLS").is_none(),
            "tmux is missing: install it"
        );
        eprintln!("skipped: tmux is not installed (the CI script installs it)");
        return;
    }
    let env = Env::new();
    let dir = env.home.parent().expect("the test's folder").to_path_buf();
    let socket = dir.join("tmux.sock");
    let raw = dir.join("pane.bytes");
    let tmux = |args: &[&str]| -> String {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .args(args)
            .output()
            .expect("runs tmux");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    // The commands wait for a line, so that the title and the recording are in place first.
    let script = format!(
        "read go; cd '{repo}'; '{bin}' list; '{bin}' show I.1.1; '{bin}' check; echo programa-done; sleep 60",
        repo = env.repo.display(),
        bin = BIN,
    );
    let started = crate::support::pinned("tmux", &env.home)
        .arg("-S")
        .arg(&socket)
        .args([
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "120",
            "-y",
            "40",
        ])
        .args([
            "-e",
            "TERM=xterm-256color",
            "-e",
            "PROGRAMA_TODAY=2021-06-20",
            "-e",
            "NO_COLOR=",
        ])
        .args(["sh", "-c", &script])
        .output()
        .expect("starts tmux");
    assert!(
        started.status.success(),
        "{}",
        String::from_utf8_lossy(&started.stderr)
    );
    let title =
        |tmux: &dyn Fn(&[&str]) -> String| tmux(&["display", "-p", "-t", "t", "#{pane_title}"]);
    let before = title(&tmux);
    tmux(&[
        "pipe-pane",
        "-t",
        "t",
        &format!("cat > '{}'", raw.display()),
    ]);
    tmux(&["send-keys", "-t", "t", "Enter"]);
    let start = Instant::now();
    let screen = loop {
        let screen = tmux(&["capture-pane", "-p", "-J", "-t", "t", "-S", "-"]);
        if screen.contains("programa-done") {
            break screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "waited for the commands:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let after = title(&tmux);
    tmux(&["kill-server"]);
    assert_eq!(after, before, "the terminal was renamed");
    assert!(!after.contains("PWNED"));
    assert!(screen.contains("Title \\u{1b}]0;PWNED"), "{screen}");
    // What reached the terminal: check's colours (stdout is a terminal, NO_COLOR unset) and
    // nothing else.
    let bytes = std::fs::read(&raw).expect("the pane's recording");
    let text = String::from_utf8_lossy(&bytes);
    let mut rest = text.as_ref();
    let mut colours = 0;
    while let Some(at) = rest.find('\u{1b}') {
        let sequence = &rest[at + 1..];
        let digits = sequence.strip_prefix('[').map(|s| {
            s.len()
                - s.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';')
                    .len()
        });
        let Some(digits) = digits.filter(|&d| sequence[1 + d..].starts_with('m')) else {
            panic!(
                "a sequence other than a colour: {:?}",
                &rest[at..(at + 12).min(rest.len())]
            );
        };
        colours += 1;
        rest = &sequence[1 + digits + 1..];
    }
    assert!(colours > 0, "check's colours are missing");
    for c in text.chars() {
        assert!(
            !(c.is_control() || hidden(c).is_some()) || matches!(c, '\n' | '\r' | '\t' | '\u{1b}'),
            "{c:?} reached the terminal"
        );
    }
}
