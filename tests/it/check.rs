//! `programa check` and the reading and validation behind it, on broken copies of the mini
//! programme: each case asserts the finding's code, line and column.

use std::path::{Path, PathBuf};
use std::process::Output;

use programa::diagnostic::Finding;
use programa::diagnostic::render::Files;
use programa::model::{Activity, WorkProgramme};
use programa::store::{self, Workspace, parse_file};

use crate::support::copy_dir;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
const YEAR_DIR: &str = "programme/2021";

/// A copy of the mini programme in a temporary folder.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(Path::new(MINI), dir.path());
        Env { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The path of a file of the year, `activities/I.1.1.toml` or `programme.toml`.
    fn path(&self, file: &str) -> PathBuf {
        self.root().join(YEAR_DIR).join(file)
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.path(file)).expect("read fixture")
    }

    fn write(&self, file: &str, text: &str) {
        std::fs::write(self.path(file), text).expect("write fixture");
    }

    /// Replaces `from` (which must be there) by `to` in `file`.
    fn replace(&self, file: &str, from: &str, to: &str) {
        let text = self.read(file);
        assert!(text.contains(from), "{file} has no {from:?}");
        self.write(file, &text.replacen(from, to, 1));
    }

    /// Every finding of reading and checking the year.
    fn findings(&self) -> Vec<Finding> {
        let loaded = store::load(&Workspace::at(self.root()), 2021).expect("loads");
        let mut findings = loaded.findings.clone();
        findings.extend(programa::validate::validate(&loaded));
        files_of(&loaded).sort(&mut findings);
        findings
    }

    /// Every finding as (code, file name, line, column).
    fn located(&self) -> Vec<(&'static str, String, usize, usize)> {
        let loaded = store::load(&Workspace::at(self.root()), 2021).expect("loads");
        let mut findings = loaded.findings.clone();
        findings.extend(programa::validate::validate(&loaded));
        let files = files_of(&loaded);
        files.sort(&mut findings);
        findings
            .iter()
            .map(|finding| {
                let name = finding
                    .file
                    .as_deref()
                    .and_then(Path::file_name)
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let location = files.locate(finding);
                (
                    finding.code,
                    name,
                    location.map_or(0, |l| l.line),
                    location.map_or(0, |l| l.column),
                )
            })
            .collect()
    }

    /// Runs the real binary in the copy.
    fn run(&self, args: &[&str]) -> Output {
        crate::support::programa()
            .arg("--root")
            .arg(self.root())
            .args(args)
            .output()
            .expect("runs programa")
    }
}

fn files_of(loaded: &store::Loaded) -> Files<'_> {
    Files::new(
        loaded
            .sources
            .iter()
            .map(|s| (s.path.as_path(), s.text.as_str())),
    )
}

fn finding<'a>(findings: &'a [Finding], code: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code} in {findings:#?}"))
}

fn one(env: &Env) -> (&'static str, String, usize, usize) {
    let located = env.located();
    assert_eq!(located.len(), 1, "{located:#?}");
    located.into_iter().next().expect("one finding")
}

fn at(
    code: &'static str,
    file: &str,
    line: usize,
    column: usize,
) -> (&'static str, String, usize, usize) {
    (code, file.to_string(), line, column)
}

const I11: &str = "activities/I.1.1.toml";

#[test]
fn the_mini_programme_checks_clean() {
    let env = Env::new();
    assert_eq!(env.located(), []);
    let output = env.run(&["check"]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "programme/2021: 5 activities, 0 errors, 0 warnings\n"
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn an_unclosed_string_is_a_syntax_error_where_the_line_ends() {
    let env = Env::new();
    env.replace(
        I11,
        "venue = \"Caracas, Venezuela\"",
        "venue = \"Caracas, Venezuela",
    );
    assert_eq!(one(&env), at("toml-syntax", "I.1.1.toml", 12, 28));
}

#[test]
fn a_missing_equals_sign_is_a_syntax_error_after_the_key() {
    let env = Env::new();
    env.replace(I11, "kind = \"event\"", "kind \"event\"");
    // Where the `=` should be.
    assert_eq!(one(&env), at("toml-syntax", "I.1.1.toml", 4, 6));
}

#[test]
fn an_unknown_key_suggests_the_nearest_known_one() {
    let env = Env::new();
    env.replace(I11, "status = \"completed\"", "statsu = \"completed\"");
    let findings = env.findings();
    let unknown = finding(&findings, "unknown-key");
    assert_eq!(unknown.message, "unknown key `statsu`");
    assert!(
        unknown
            .hint
            .as_deref()
            .is_some_and(|h| h.starts_with("did you mean `status`?")),
        "{unknown:?}"
    );
    // Without it the status would be the default, planned, which a progress of 100 and the
    // actual dates contradict: consequences that are not reported.
    assert_eq!(one(&env), at("unknown-key", "I.1.1.toml", 6, 1));
}

#[test]
fn unknown_keys_are_found_inside_arrays_of_tables() {
    let env = Env::new();
    env.replace(
        I11,
        "role = \"speaker\"",
        "role = \"speaker\"\ncountri = \"Chile\"",
    );
    env.replace(I11, "id = \"1\"", "id = \"1\"\nurl = \"x\"");
    let located = env.located();
    assert_eq!(
        located,
        [
            at("unknown-key", "I.1.1.toml", 34, 1),
            at("unknown-key", "I.1.1.toml", 41, 1)
        ]
    );
    let findings = env.findings();
    assert_eq!(findings[0].message, "unknown key `url` in `footnotes[0]`");
    assert_eq!(
        findings[1].message,
        "unknown key `countri` in `participants[0]`"
    );
    assert_eq!(
        findings[1].hint.as_deref(),
        Some("did you mean `country`? keys the format does not know are ignored")
    );
}

#[test]
fn a_wrong_type_says_what_was_expected() {
    let env = Env::new();
    env.replace(I11, "progress = 100", "progress = \"fifty\"");
    assert_eq!(one(&env), at("wrong-type", "I.1.1.toml", 7, 12));
    let findings = env.findings();
    assert_eq!(
        findings[0].message,
        "`progress` should be a whole number from 0 to 100, not the text \"fifty\""
    );
}

#[test]
fn a_value_outside_the_vocabulary_lists_the_allowed_ones() {
    let env = Env::new();
    env.replace(I11, "status = \"completed\"", "status = \"done\"");
    assert_eq!(one(&env), at("unknown-value", "I.1.1.toml", 6, 10));
    env.replace(I11, "status = \"done\"", "status = \"complted\"");
    let findings = env.findings();
    assert_eq!(findings[0].message, "`complted` is not a valid status");
    assert_eq!(
        findings[0].hint.as_deref(),
        Some(
            "did you mean `completed`? `status` is one of: planned, ongoing, completed, \
             postponed, cancelled"
        )
    );
}

#[test]
fn several_errors_in_one_file_are_all_reported() {
    let env = Env::new();
    env.replace(I11, "kind = \"event\"", "kind = \"meeting\"");
    env.replace(I11, "format = \"face-to-face\"", "format = \"on site\"");
    env.replace(I11, "progress = 100", "progress = -5");
    env.replace(
        I11,
        "planned_end = \"2021-05-11\"",
        "planned_end = \"2021-05-32\"",
    );
    env.replace(I11, "role = \"speaker\"", "role = \"speeker\"");
    env.replace(I11, "date = \"2021-06-16\"", "date = \"June 16\"");
    env.replace(I11, "title = \"Technical", "titel = \"Technical");
    assert_eq!(
        env.located(),
        [
            at("missing-key", "I.1.1.toml", 1, 1),
            at("unknown-key", "I.1.1.toml", 3, 1),
            at("unknown-value", "I.1.1.toml", 4, 8),
            at("unknown-value", "I.1.1.toml", 5, 10),
            at("progress-out-of-range", "I.1.1.toml", 7, 12),
            at("invalid-date", "I.1.1.toml", 9, 15),
            at("unknown-value", "I.1.1.toml", 39, 8),
            at("invalid-date", "I.1.1.toml", 48, 8),
        ]
    );
    let findings = env.findings();
    assert_eq!(findings[0].message, "missing required key `title`");
    assert_eq!(
        findings[1].hint.as_deref(),
        Some("did you mean `title`? keys the format does not know are ignored")
    );
    assert_eq!(
        findings[4].message,
        "progress is -5%, but it cannot be less than 0%"
    );
}

#[test]
fn a_day_that_does_not_exist_is_an_invalid_date() {
    let env = Env::new();
    env.replace(
        I11,
        "actual_start = \"2021-06-14\"",
        "actual_start = \"2021-02-30\"",
    );
    assert_eq!(one(&env), at("invalid-date", "I.1.1.toml", 10, 16));
    let findings = env.findings();
    assert_eq!(
        findings[0].message,
        "`actual_start` is not a valid date: `2021-02-30`"
    );
}

#[test]
fn an_end_before_the_start_is_reported_at_the_end() {
    let env = Env::new();
    env.replace(
        I11,
        "planned_end = \"2021-05-11\"",
        "planned_end = \"2021-05-01\"",
    );
    env.replace(
        I11,
        "actual_end = \"2021-06-15\"",
        "actual_end = \"2021-06-13\"",
    );
    assert_eq!(
        env.located(),
        [
            at("inverted-dates", "I.1.1.toml", 9, 15),
            at("inverted-dates", "I.1.1.toml", 11, 14)
        ]
    );
    let findings = env.findings();
    assert_eq!(
        findings[0].message,
        "planned_end (2021-05-01) is before planned_start (2021-05-10)"
    );
}

#[test]
fn progress_above_100_is_out_of_range_whether_or_not_it_fits_a_byte() {
    let env = Env::new();
    env.replace(I11, "progress = 100", "progress = 150");
    // 150 is read, and a completed activity at 150% is no contradiction worth a second error.
    assert_eq!(one(&env), at("progress-out-of-range", "I.1.1.toml", 7, 12));
    env.replace(I11, "progress = 150", "progress = 300");
    assert_eq!(one(&env), at("progress-out-of-range", "I.1.1.toml", 7, 12));
    let findings = env.findings();
    assert_eq!(
        findings[0].message,
        "progress is 300%, but it cannot be more than 100%"
    );
}

#[test]
fn a_project_that_does_not_exist_is_reported_with_the_one_the_code_names() {
    let env = Env::new();
    env.replace(I11, "project = \"I.1\"", "project = \"I.7\"");
    assert_eq!(one(&env), at("unknown-reference", "I.1.1.toml", 2, 11));
    let findings = env.findings();
    assert_eq!(findings[0].message, "there is no project `I.7`");
    assert_eq!(
        findings[0].hint.as_deref(),
        Some("the code `I.1.1` says project `I.1`: did you mean `I.1`?")
    );
}

#[test]
fn programmes_and_areas_that_do_not_exist_are_reported() {
    let env = Env::new();
    env.replace(
        "programme.toml",
        "programme = \"sela-smes\"",
        "programme = \"sela-sme\"",
    );
    env.replace("programme.toml", "area = \"II\"", "area = \"IV\"");
    let findings = env.findings();
    assert_eq!(
        env.located(),
        [
            at("unknown-reference", "programme.toml", 24, 8),
            at("unknown-reference", "programme.toml", 39, 13)
        ]
    );
    assert_eq!(
        findings[1].hint.as_deref(),
        Some("did you mean `sela-smes`?")
    );
}

#[test]
fn two_activities_with_one_code_are_reported_once() {
    let env = Env::new();
    let text = env.read(I11);
    env.write("activities/I.1.3.toml", &text);
    let located = env.located();
    assert_eq!(
        located,
        [
            at("totals-mismatch", "programme.toml", 6, 78),
            at("code-mismatch", "I.1.3.toml", 1, 8),
            at("duplicate-code", "I.1.3.toml", 1, 8),
        ]
    );
    // The copy is a fourth event, so the foreword's "three events" no longer holds.
    assert_eq!(
        env.findings()[0].message,
        "the foreword says \"three events\", but the programme has 4 events"
    );
}

#[test]
fn duplicate_codes_in_the_programme_file_are_reported() {
    let env = Env::new();
    env.replace("programme.toml", "code = \"I.2\"", "code = \"I.1\"");
    // And I.2.1's project is gone.
    assert_eq!(
        env.located(),
        [
            at("duplicate-code", "programme.toml", 33, 8),
            at("unknown-reference", "I.2.1.toml", 2, 11),
        ]
    );
}

#[test]
fn a_code_that_differs_from_its_file_name_is_reported() {
    let env = Env::new();
    env.replace(I11, "code = \"I.1.1\"", "code = \"I.1.4\"");
    assert_eq!(one(&env), at("code-mismatch", "I.1.1.toml", 1, 8));
}

#[test]
fn a_code_outside_its_project_is_reported() {
    let env = Env::new();
    env.replace(
        "activities/I.1.2.toml",
        "project = \"I.1\"",
        "project = \"I.2\"",
    );
    assert_eq!(one(&env), at("code-prefix", "I.1.2.toml", 1, 8));
    let findings = env.findings();
    assert_eq!(
        findings[0].message,
        "activity `I.1.2` is in project `I.2`, so its code should be `I.2.<number>`"
    );
}

#[test]
fn a_project_outside_its_programme_area_is_reported() {
    let env = Env::new();
    env.replace("programme.toml", "code = \"II.3\"", "code = \"I.3\"");
    // The activities of II.3 now name a project that is gone, and I.3 has none.
    assert_eq!(
        env.located(),
        [
            at("code-prefix", "programme.toml", 38, 8),
            at("empty-project", "programme.toml", 38, 8),
            at("unknown-reference", "II.3.1.toml", 2, 11),
            at("unknown-reference", "II.3.2.toml", 2, 11),
        ]
    );
    let findings = env.findings();
    assert_eq!(
        findings[0].message,
        "project `I.3` is in programme `sela-smes` of area II, so its code should be `II.<number>`"
    );
}

#[test]
fn a_completed_activity_needs_its_end_date_and_full_progress() {
    let env = Env::new();
    env.replace(I11, "actual_end = \"2021-06-15\"\n", "");
    assert_eq!(one(&env), at("missing-actual-end", "I.1.1.toml", 6, 10));
    env.replace(I11, "progress = 100", "progress = 90");
    let findings = env.findings();
    let inconsistent = finding(&findings, "inconsistent-status");
    assert!(inconsistent.is_error());
    assert_eq!(
        inconsistent.message,
        "the activity is completed, but its progress is 90%"
    );
}

#[test]
fn planned_activities_with_progress_or_actual_dates_are_suspect() {
    let env = Env::new();
    env.replace("activities/I.2.1.toml", "progress = 0", "progress = 100");
    let findings = env.findings();
    assert!(finding(&findings, "inconsistent-status").is_error());
    env.replace(
        "activities/I.2.1.toml",
        "progress = 100",
        "progress = 20\nactual_start = \"2999-01-01\"",
    );
    let codes: Vec<_> = env
        .findings()
        .iter()
        .map(|f| (f.code, f.is_error()))
        .collect();
    assert_eq!(
        codes,
        [
            ("inconsistent-status", false),
            ("future-date", false),
            ("inconsistent-status", false)
        ]
    );
}

#[test]
fn actual_dates_after_today_are_suspect() {
    let env = Env::new();
    let loaded = store::load(&Workspace::at(env.root()), 2021).expect("loads");
    let today = programa::model::Date::from_ymd(2021, 6, 14).expect("a date");
    let findings = programa::validate::validate_on(&loaded, today);
    let messages: Vec<_> = findings
        .iter()
        .map(|f| (f.code, f.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [("future-date", "actual_end (2021-06-15) is in the future")]
    );
}

#[test]
fn a_study_with_a_format_is_a_warning() {
    let env = Env::new();
    env.replace(
        "activities/II.3.1.toml",
        "kind = \"study\"",
        "kind = \"study\"\nformat = \"virtual\"",
    );
    assert_eq!(one(&env), at("study-with-format", "II.3.1.toml", 5, 10));
}

#[test]
fn footnotes_must_be_defined_and_cited() {
    let env = Env::new();
    env.replace(I11, "working group[^1]", "working group[^2]");
    let located = env.located();
    assert_eq!(
        located,
        [
            at("undefined-footnote", "I.1.1.toml", 21, 66),
            at("unused-footnote", "I.1.1.toml", 33, 6)
        ]
    );
    let findings = env.findings();
    assert!(findings[0].is_error() && !findings[1].is_error());
    assert_eq!(
        findings[0].message,
        "footnote `[^2]` is cited but not defined"
    );
}

#[test]
fn a_project_without_activities_is_a_warning() {
    let env = Env::new();
    std::fs::remove_file(env.path("activities/I.2.1.toml")).expect("remove");
    env.replace(
        "programme.toml",
        "organize three events",
        "organize two events",
    );
    assert_eq!(one(&env), at("empty-project", "programme.toml", 33, 8));
}

#[test]
fn a_year_that_differs_from_its_folder_is_reported() {
    let env = Env::new();
    env.replace("programme.toml", "year = 2021", "year = 2020");
    assert_eq!(one(&env), at("year-mismatch", "programme.toml", 1, 8));
}

#[test]
fn an_empty_title_is_an_error() {
    let env = Env::new();
    env.replace(
        "activities/I.1.2.toml",
        "title = \"Follow-up report on regional integration\"",
        "title = \"  \"",
    );
    assert_eq!(one(&env), at("empty-value", "I.1.2.toml", 3, 9));
}

#[test]
fn missing_required_keys_are_all_reported_where_their_table_starts() {
    let env = Env::new();
    env.replace(I11, "kind = \"event\"\n", "");
    env.replace(I11, "country = \"UY\"\n", "");
    assert_eq!(
        env.located(),
        [
            at("missing-key", "I.1.1.toml", 1, 1),
            at("missing-key", "I.1.1.toml", 35, 1)
        ]
    );
    let findings = env.findings();
    assert_eq!(
        findings[1].message,
        "missing required key `country` in `participants[0]`"
    );
}

#[test]
fn a_foreword_that_the_activities_contradict_is_a_warning() {
    let env = Env::new();
    // The mini programme has two studies and three events: as its foreword says.
    assert_eq!(env.located(), []);
    env.replace(
        "programme.toml",
        "carry out two studies and organize three events",
        "carry out two studies and organize 24 events",
    );
    assert_eq!(one(&env), at("totals-mismatch", "programme.toml", 6, 78));
    let findings = env.findings();
    assert_eq!(
        findings[0].message,
        "the foreword says \"24 events\", but the programme has 3 events"
    );
}

#[test]
fn check_exits_1_on_errors_and_0_on_warnings() {
    let env = Env::new();
    env.replace(I11, "actual_end = \"2021-06-15\"\n", "");
    let output = env.run(&["check"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .ends_with("programme/2021: 5 activities, 0 errors, 1 warning\n")
    );
    env.replace(I11, "progress = 100", "progress = 101");
    let output = env.run(&["check"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: the programme for 2021 has 1 error\n\
         hint: each finding above says where and what to change\n"
    );
}

#[test]
fn check_text_output_quotes_the_lines() {
    let env = Env::new();
    env.replace(I11, "status = \"completed\"", "statsu = \"completed\"");
    env.replace(I11, "progress = 100", "progress = \"fifty\"");
    env.replace(
        "activities/I.2.1.toml",
        "planned_end = \"2021-09-02\"",
        "planned_end = \"2021-08-31\"",
    );
    let output = env.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stdout));
}

#[test]
fn check_text_output_of_a_syntax_error_and_a_warning() {
    let env = Env::new();
    env.replace(
        "activities/I.1.2.toml",
        "kind = \"study\"",
        "kind \"study\"",
    );
    env.replace(I11, "working group[^1]", "working group[^2]");
    env.replace(
        "programme.toml",
        "carry out two studies",
        "carry out eight studies",
    );
    let output = env.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&output.stdout));
}

#[test]
fn check_json_output_has_lines_columns_totals_and_a_summary() {
    let env = Env::new();
    env.replace(I11, "status = \"completed\"", "status = \"done\"");
    env.replace(
        "activities/II.3.1.toml",
        "kind = \"study\"",
        "kind = \"study\"\nformat = \"virtual\"",
    );
    let output = env.run(&["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    insta::assert_json_snapshot!(report);
}

#[test]
fn check_json_output_of_a_clean_programme() {
    let env = Env::new();
    let output = env.run(&["check", "--format", "json"]);
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        report["summary"],
        serde_json::json!({ "activities": 5, "errors": 0, "warnings": 0, "notes": 0 })
    );
    assert_eq!(report["totals"]["studies"], 2);
    assert_eq!(report["findings"], serde_json::json!([]));
}

/// A small deterministic generator (xorshift), so failures can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `text` truncated, or with characters deleted, inserted, or lines repeated.
fn mutate(text: &str, rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "\"",
        "'",
        "[",
        "]",
        "[[",
        "=",
        "\n",
        "#",
        "{",
        "}",
        ".",
        ",",
        "\\",
        "0",
        "300",
        "x",
        "é",
        "\"\"\"",
        "-",
        "2021-13-45",
        "[^9]",
        "\u{0}",
        "\r",
        " ",
        "true",
    ];
    let chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len() + 1);
    let mut out: Vec<char> = chars.clone();
    match rng.below(5) {
        0 => out.truncate(at),
        1 => {
            let end = (at + 1 + rng.below(20)).min(out.len());
            out.drain(at.min(end)..end);
        }
        2 => {
            let piece = PIECES[rng.below(PIECES.len())];
            out.splice(at..at, piece.chars());
        }
        3 => {
            let lines: Vec<&str> = text.lines().collect();
            if lines.is_empty() {
                return text.to_string();
            }
            let line = lines[rng.below(lines.len())];
            let pos = rng.below(lines.len());
            let mut new: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            new.insert(pos, line.to_string());
            return new.join("\n");
        }
        _ => {
            if at < out.len() {
                out[at] = PIECES[rng.below(PIECES.len())]
                    .chars()
                    .next()
                    .unwrap_or('x');
            }
        }
    }
    out.into_iter().collect()
}

#[test]
fn no_mutation_of_a_valid_file_makes_reading_panic() {
    let activity =
        std::fs::read_to_string(Path::new(MINI).join(YEAR_DIR).join(I11)).expect("fixture");
    let programme = std::fs::read_to_string(Path::new(MINI).join(YEAR_DIR).join("programme.toml"))
        .expect("fixture");
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for _ in 0..2000 {
        let mut text = activity.clone();
        for _ in 0..=rng.below(4) {
            text = mutate(&text, &mut rng);
        }
        let (_, findings) = parse_file::<Activity>(Path::new("a.toml"), &text);
        let files = Files::new([(Path::new("a.toml"), text.as_str())]);
        let mut out = Vec::new();
        programa::diagnostic::render::write_text(&mut out, &findings, &files, true)
            .expect("renders");
        let _ = programa::diagnostic::render::to_json(&findings, &files);
        let mut text = programme.clone();
        for _ in 0..=rng.below(4) {
            text = mutate(&text, &mut rng);
        }
        let _ = parse_file::<WorkProgramme>(Path::new("p.toml"), &text);
    }
}

#[test]
fn no_mutation_makes_checking_a_programme_panic() {
    let env = Env::new();
    let original = env.read(I11);
    let programme = env.read("programme.toml");
    let mut rng = Rng(0x0bad_cafe_f00d_0001);
    for _ in 0..150 {
        let mut text = original.clone();
        for _ in 0..=rng.below(3) {
            text = mutate(&text, &mut rng);
        }
        env.write(I11, &text);
        let mut text = programme.clone();
        if rng.below(2) == 0 {
            text = mutate(&text, &mut rng);
        }
        env.write("programme.toml", &text);
        let loaded = store::load(&Workspace::at(env.root()), 2021).expect("loads");
        let findings = programa::validate::validate(&loaded);
        let files = Files::new(
            loaded
                .sources
                .iter()
                .map(|s| (s.path.as_path(), s.text.as_str())),
        );
        let mut out = Vec::new();
        programa::diagnostic::render::write_text(&mut out, &findings, &files, false)
            .expect("renders");
        let _ = programa::diagnostic::render::to_json(&findings, &files);
    }
}

#[test]
fn an_unknown_country_is_an_error_with_the_country_meant() {
    let env = Env::new();
    env.replace(I11, "country = \"UY\"", "country = \"Urugay\"");
    assert_eq!(one(&env), at("unknown-country", "I.1.1.toml", 38, 11));
    let findings = env.findings();
    let unknown = finding(&findings, "unknown-country");
    assert_eq!(unknown.message, "`Urugay` is not a country");
    assert_eq!(
        unknown.hint.as_deref(),
        Some("did you mean Uruguay? files hold its ISO 3166-1 code: country = \"UY\"")
    );
    // Nothing near: the hint says what a country is.
    env.replace(I11, "country = \"Urugay\"", "country = \"Atlantis\"");
    assert_eq!(one(&env), at("unknown-country", "I.1.1.toml", 38, 11));
    let findings = env.findings();
    assert_eq!(
        finding(&findings, "unknown-country").hint.as_deref(),
        Some(
            "write the country's ISO 3166-1 code, or its name in English or Spanish: \
             country = \"PE\" for Peru"
        )
    );
    let output = env.run(&["check"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains(
            "error[unknown-country]: `Atlantis` is not a country\n   --> programme/2021/activities/I.1.1.toml:38:11\n"
        ),
        "{text}"
    );
}

#[test]
fn a_country_written_as_a_name_is_a_warning_and_reads_as_that_country() {
    let env = Env::new();
    env.replace(I11, "country = \"PE\"", "country = \"peru \"");
    assert_eq!(one(&env), at("country-name", "I.1.1.toml", 44, 11));
    let findings = env.findings();
    let name = finding(&findings, "country-name");
    assert_eq!(
        name.message,
        "the country is written `peru`; files hold its ISO 3166-1 code `PE`"
    );
    assert!(
        name.hint
            .as_deref()
            .is_some_and(|h| h.contains("`\"PE\"` (Peru)") && h.contains("check --fix")),
        "{name:?}"
    );
    let loaded = store::load(&Workspace::at(env.root()), 2021).expect("loads");
    let activity = loaded.plan.activity("I.1.1").expect("I.1.1");
    assert_eq!(activity.participants[1].country.code(), "PE");
    // A warning: check passes.
    assert_eq!(env.run(&["check"]).status.code(), Some(0));
}

#[test]
fn member_states_are_countries_each_listed_once() {
    let env = Env::new();
    env.replace(
        "programme.toml",
        "language = \"en\"\n",
        "language = \"en\"\nmember_states = [\"AR\", \"Brasil\", \"XX\", \"AR\"]\n",
    );
    assert_eq!(
        env.located(),
        [
            at("country-name", "programme.toml", 5, 24),
            at("unknown-country", "programme.toml", 5, 34),
            at("duplicate-member-state", "programme.toml", 5, 40),
        ]
    );
    let findings = env.findings();
    assert_eq!(
        finding(&findings, "unknown-country").hint.as_deref(),
        Some(
            "write the country's ISO 3166-1 code, or its name in English or Spanish: \
             member_states = [\"PE\", …] for Peru"
        )
    );
    assert_eq!(
        finding(&findings, "duplicate-member-state").message,
        "Argentina (AR) is listed twice as a Member State"
    );
}

#[test]
fn check_fix_writes_the_codes_of_countries_written_as_names_and_nothing_else() {
    let env = Env::new();
    env.replace(I11, "country = \"UY\"", "country = 'uruguay' # the host");
    env.replace(I11, "country = \"PE\"", "country = \"Perú\"");
    env.replace(
        "programme.toml",
        "language = \"en\"\n",
        "language = \"en\"\nmember_states = [\n    \"Argentina\",\n    \"PE\", # Peru\n]\n",
    );
    let activity = env.read("activities/I.1.1.toml");
    let programme = env.read("programme.toml");
    let output = env.run(&["check", "--fix"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "fixed programme/2021/programme.toml:6:5: country `Argentina` is now `AR` (Argentina)\n\
         fixed programme/2021/activities/I.1.1.toml:38:11: country `uruguay` is now `UY` (Uruguay)\n\
         fixed programme/2021/activities/I.1.1.toml:44:11: country `Perú` is now `PE` (Peru)\n\
         wrote the code of 3 countries in 2 files\n\
         \n\
         programme/2021: 5 activities, 0 errors, 0 warnings\n"
    );
    assert_eq!(
        env.read("activities/I.1.1.toml"),
        activity
            .replace("'uruguay' # the host", "\"UY\" # the host")
            .replace("\"Perú\"", "\"PE\"")
    );
    assert_eq!(
        env.read("programme.toml"),
        programme.replace("\"Argentina\"", "\"AR\"")
    );
    // Once written, there is nothing left to fix.
    let again = env.run(&["check", "--fix"]);
    assert_eq!(again.status.code(), Some(0), "{again:?}");
    assert!(
        String::from_utf8_lossy(&again.stdout).starts_with("no country is written as a name\n"),
        "{again:?}"
    );
}

#[test]
fn check_fix_leaves_unknown_countries_as_written_and_fails() {
    let env = Env::new();
    env.replace(I11, "country = \"UY\"", "country = \"Urugay\"");
    env.replace(I11, "country = \"PE\"", "country = \"Peru\"");
    let output = env.run(&["check", "--fix", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        report["fixed"],
        serde_json::json!([{
            "file": "programme/2021/activities/I.1.1.toml",
            "line": 44,
            "column": 11,
            "written": "Peru",
            "code": "PE",
        }])
    );
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["findings"][0]["code"], "unknown-country");
    let text = env.read(I11);
    assert!(text.contains("country = \"Urugay\"") && text.contains("country = \"PE\""));
    // Without --fix, JSON has no `fixed`.
    let output = env.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(report.get("fixed").is_none(), "{report}");
}
