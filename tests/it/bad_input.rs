//! Bad input is one finding each and never an outage: files that are not UTF-8 or not text,
//! several independent mistakes in one file, and commands that go on with the files that read.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use programa::diagnostic::Finding;
use programa::store::{self, Workspace};

use crate::support::copy_dir;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
const ACTIVITIES: &str = "programme/2021/activities";

/// A copy of the mini programme.
fn mini() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(Path::new(MINI), dir.path());
    dir
}

fn activity(root: &Path, code: &str) -> PathBuf {
    root.join(ACTIVITIES).join(format!("{code}.toml"))
}

/// Runs programa on `root`; (exit code, stdout, stderr).
fn run(root: &Path, args: &[&str]) -> (i32, String, String) {
    let output = crate::support::programa()
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("programa runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Every finding of reading and checking the year at `root`.
fn findings(root: &Path) -> Vec<Finding> {
    let loaded = store::load(&Workspace::at(root), 2021).expect("the year loads");
    let mut findings = loaded.findings.clone();
    findings.extend(programa::validate::validate(&loaded));
    findings
}

/// Puts `bytes` where the title of `code` begins: an "é" as an old editor saves it.
fn latin1_title(root: &Path, code: &str) {
    let path = activity(root, code);
    let text = std::fs::read(&path).expect("reads");
    let at = text
        .windows(9)
        .position(|w| w == b"title = \"")
        .expect("a title")
        + 9;
    let mut bytes = text[..at].to_vec();
    bytes.extend_from_slice(b"Caf\xe9 ");
    bytes.extend_from_slice(&text[at..]);
    std::fs::write(&path, bytes).expect("writes");
}

#[test]
fn a_latin1_file_is_one_finding_at_its_byte_and_every_other_file_is_read() {
    let dir = mini();
    latin1_title(dir.path(), "I.1.2");
    // An independent mistake in another file is still found.
    let other = activity(dir.path(), "I.2.1");
    let text = std::fs::read_to_string(&other).expect("reads");
    std::fs::write(&other, text.replacen("progress = ", "progress = 250 #", 1)).expect("writes");

    let found = findings(dir.path());
    let codes: Vec<_> = found.iter().map(|f| f.code).collect();
    assert!(codes.contains(&"not-utf8"), "{codes:?}");
    assert!(codes.contains(&"progress-out-of-range"), "{codes:?}");
    let latin = found.iter().find(|f| f.code == "not-utf8").expect("found");
    assert_eq!(
        latin.file.as_deref(),
        Some(Path::new("programme/2021/activities/I.1.2.toml"))
    );
    assert_eq!(found.iter().filter(|f| f.code == "not-utf8").count(), 1);

    let (code, stdout, _) = run(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("I.1.2.toml:3:13"), "{stdout}");
    assert!(stdout.contains("Latin-1"), "{stdout}");

    let (code, stdout, _) = run(dir.path(), &["check", "--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("complete JSON");
    let not_utf8 = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "not-utf8")
        .expect("the finding");
    assert_eq!(
        (not_utf8["line"].as_u64(), not_utf8["column"].as_u64()),
        (Some(3), Some(13))
    );
}

#[test]
fn commands_work_on_the_files_that_read_and_name_the_one_left_out() {
    let dir = mini();
    latin1_title(dir.path(), "I.1.2");
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["list", "--csv"],
        &["stats"],
        &["stats", "--json"],
    ] {
        let (code, stdout, stderr) = run(dir.path(), args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(
            stderr.contains("I.1.2.toml"),
            "{args:?} names the file: {stderr}"
        );
        assert!(!stdout.contains("I.1.2 "), "{args:?}");
        if args.contains(&"--json") {
            serde_json::from_str::<serde_json::Value>(&stdout)
                .unwrap_or_else(|e| panic!("{args:?} prints complete JSON ({e}): {stdout}"));
        }
    }
    // `show` reads only the file it shows: another's trouble is not its to tell.
    let (code, stdout, stderr) = run(dir.path(), &["show", "I.1.1"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("I.1.1"), "{stdout}");
    assert_eq!(stderr, "");
    let (code, _, stderr) = run(dir.path(), &["show", "I.1.2"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("not UTF-8"), "{stderr}");
    assert!(
        stderr.contains("the file of I.1.2 cannot be read"),
        "{stderr}"
    );
}

#[test]
fn binary_and_utf16_files_are_findings_too() {
    let dir = mini();
    std::fs::write(
        activity(dir.path(), "I.1.2"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .expect("w");
    let utf16: Vec<u8> = "code = \"I.2.1\"\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(
        activity(dir.path(), "I.2.1"),
        [&[0xFF, 0xFE][..], &utf16].concat(),
    )
    .expect("w");
    let found = findings(dir.path());
    let binary: Vec<_> = found.iter().filter(|f| f.code == "binary-file").collect();
    assert_eq!(binary.len(), 2, "{found:?}");
    assert!(
        binary
            .iter()
            .any(|f| f.hint.as_deref().unwrap_or_default().contains("UTF-16"))
    );
}

/// One mistake that can be put into an activity file on its own, with the finding it must give.
struct Mistake {
    /// The finding's code.
    code: &'static str,
    /// The keys it touches: two mistakes that share a key are not independent.
    keys: &'static [&'static str],
    /// What it does to the file's text.
    apply: fn(&mut String),
}

fn replace(text: &mut String, from: &str, to: &str) {
    assert!(text.contains(from), "no {from:?} in {text}");
    *text = text.replacen(from, to, 1);
}

/// A consistent activity with every kind of value a mistake can spoil.
const BASE: &str = r#"code = "I.1.2"
project = "I.1"
title = "Follow-up report on regional integration"
kind = "event"
format = "virtual"
status = "ongoing"
progress = 40
planned_start = "2021-03-01"
planned_end = "2021-05-01"
actual_start = "2021-03-02"
venue = "Caracas"
background = """
Regional integration is a matter of paramount interest[^1].
"""
objectives = [
    "Develop annual reports.",
]

[[footnotes]]
id = "1"
text = "A reference."

[[participants]]
organisation = "CAF"
country = "PE"
role = "speaker"
"#;

const MISTAKES: &[Mistake] = &[
    Mistake {
        code: "unknown-key",
        keys: &["status"],
        apply: |t| replace(t, "status = \"ongoing\"", "statsu = \"ongoing\""),
    },
    Mistake {
        code: "unknown-value",
        keys: &["status"],
        apply: |t| replace(t, "status = \"ongoing\"", "status = \"bogus\""),
    },
    Mistake {
        code: "progress-out-of-range",
        keys: &["progress"],
        apply: |t| replace(t, "progress = 40", "progress = 250"),
    },
    Mistake {
        code: "progress-out-of-range",
        keys: &["progress"],
        apply: |t| replace(t, "progress = 40", "progress = 300"),
    },
    Mistake {
        code: "wrong-type",
        keys: &["progress"],
        apply: |t| replace(t, "progress = 40", "progress = \"x\""),
    },
    Mistake {
        code: "inverted-dates",
        keys: &["planned_end"],
        apply: |t| {
            replace(
                t,
                "planned_end = \"2021-05-01\"",
                "planned_end = \"2021-02-01\"",
            )
        },
    },
    Mistake {
        code: "invalid-date",
        keys: &["planned_end"],
        apply: |t| {
            replace(
                t,
                "planned_end = \"2021-05-01\"",
                "planned_end = \"2021-02-30\"",
            )
        },
    },
    Mistake {
        code: "future-date",
        keys: &["actual_start"],
        apply: |t| {
            replace(
                t,
                "actual_start = \"2021-03-02\"",
                "actual_start = \"2099-03-02\"",
            )
        },
    },
    Mistake {
        code: "wrong-type",
        keys: &["venue"],
        apply: |t| replace(t, "venue = \"Caracas\"", "venue = 5"),
    },
    Mistake {
        code: "empty-value",
        keys: &["title"],
        apply: |t| {
            replace(
                t,
                "title = \"Follow-up report on regional integration\"",
                "title = \"\"",
            )
        },
    },
    Mistake {
        code: "undefined-footnote",
        keys: &["objectives"],
        apply: |t| {
            replace(
                t,
                "\"Develop annual reports.\"",
                "\"Develop annual reports[^9].\"",
            )
        },
    },
    Mistake {
        code: "study-with-format",
        keys: &["kind"],
        apply: |t| replace(t, "kind = \"event\"", "kind = \"study\""),
    },
    Mistake {
        code: "unknown-value",
        keys: &["participants"],
        apply: |t| replace(t, "role = \"speaker\"", "role = \"speker\""),
    },
    Mistake {
        code: "unknown-key",
        keys: &["participants-extra"],
        apply: |t| replace(t, "country = \"PE\"\n", "country = \"PE\"\nemial = \"x\"\n"),
    },
    Mistake {
        code: "duplicate-footnote",
        keys: &["footnotes"],
        apply: |t| t.push_str("\n[[footnotes]]\nid = \"1\"\ntext = \"Again.\"\n"),
    },
];

/// The findings of the activity file I.1.2 holding `text`, in the mini programme.
fn findings_of(text: &str) -> Vec<Finding> {
    let dir = mini();
    std::fs::write(activity(dir.path(), "I.1.2"), text).expect("writes");
    let file = Path::new(ACTIVITIES).join("I.1.2.toml");
    findings(dir.path())
        .into_iter()
        .filter(|f| f.file.as_deref() == Some(file.as_path()))
        .collect()
}

#[test]
fn the_base_activity_has_no_findings() {
    assert_eq!(findings_of(BASE), Vec::<Finding>::new());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// N independent mistakes in one file give N findings, one of each.
    #[test]
    fn n_independent_mistakes_give_n_findings(chosen in proptest::sample::subsequence(
        (0..MISTAKES.len()).collect::<Vec<_>>(), 1..=8)) {
        let mut keys = std::collections::HashSet::new();
        let picked: Vec<&Mistake> = chosen
            .iter()
            .map(|&i| &MISTAKES[i])
            .filter(|m| m.keys.iter().all(|k| keys.insert(*k)))
            .collect();
        let mut text = BASE.to_string();
        for mistake in &picked {
            (mistake.apply)(&mut text);
        }
        let found = findings_of(&text);
        let mut want: Vec<&str> = picked.iter().map(|m| m.code).collect();
        let mut got: Vec<&str> = found.iter().map(|f| f.code).collect();
        want.sort_unstable();
        got.sort_unstable();
        prop_assert_eq!(got, want, "{}\n{:#?}", text, found);
    }
}

#[test]
fn compile_refuses_what_check_rejects_and_prints_the_same_findings() {
    let dir = mini();
    let file = activity(dir.path(), "I.1.1");
    let text = std::fs::read_to_string(&file).expect("reads");
    std::fs::write(&file, text.replacen("progress = ", "progress = 250 #", 1)).expect("w");
    // A second copy of I.2.1 under another name.
    std::fs::copy(activity(dir.path(), "I.2.1"), activity(dir.path(), "copy")).expect("copies");
    let (_, check, _) = run(dir.path(), &["check"]);
    let pdf = dir.path().join("p.pdf");
    let (code, _, stderr) = run(dir.path(), &["compile", "programme", "-o", path(&pdf)]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!pdf.exists(), "no PDF is written");
    for line in check.lines().filter(|l| l.starts_with("error[")) {
        assert!(stderr.contains(line), "compile prints {line:?}: {stderr}");
    }
    assert!(stderr.contains("--draft"), "{stderr}");

    let draft = dir.path().join("draft.pdf");
    let (code, _, stderr) = run(
        dir.path(),
        &["compile", "programme", "--draft", "-o", path(&draft)],
    );
    assert_eq!(code, 0, "{stderr}");
    if !crate::support::poppler() {
        return;
    }
    let text = crate::render::pdf_text(&draft);
    let errors = check.lines().filter(|l| l.starts_with("error[")).count();
    let warnings = check.lines().filter(|l| l.starts_with("warning[")).count();
    assert!(
        text.contains(&format!(
            "Draft — programa check reports {} findings ({errors} errors) in its data",
            errors + warnings
        )),
        "the cover says it is a draft and how many findings: {text}"
    );
    // The mark is set across each page, so its letters come out one per line.
    let output = crate::support::in_pinned_env("pdftotext")
        .arg(&draft)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() > 3);
    for (number, page) in pages.iter().enumerate() {
        let letters: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| l.len() == 1)
            .collect();
        for letter in ["D", "R", "A", "F", "T"] {
            assert!(
                letters.contains(&letter),
                "page {} is marked: {page}",
                number + 1
            );
        }
    }
}

fn path(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn values_beyond_the_limits_are_errors_that_not_even_a_draft_prints() {
    let dir = mini();
    let file = activity(dir.path(), "I.1.1");
    let text = std::fs::read_to_string(&file).expect("reads");
    let long = "word ".repeat(200);
    std::fs::write(
        &file,
        text.replacen("title = \"", &format!("title = \"{long}"), 1),
    )
    .expect("w");
    let (code, stdout, _) = run(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("error[too-long]: `title` has"), "{stdout}");
    assert!(
        stdout.contains("I.1.1.toml:3:1"),
        "at the title's key: {stdout}"
    );
    let pdf = dir.path().join("long.pdf");
    let (code, _, stderr) = run(
        dir.path(),
        &["compile", "programme", "--draft", "-o", path(&pdf)],
    );
    assert_eq!(code, 1);
    assert!(!pdf.exists());
    assert!(stderr.contains("even in a draft"), "{stderr}");

    // A file beyond the size limit is not even parsed.
    let big = format!("{text}\n# {}\n", "x".repeat(store::MAX_FILE_BYTES));
    std::fs::write(&file, big).expect("w");
    let (code, stdout, _) = run(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("error[file-too-large]"), "{stdout}");
}

#[test]
fn a_template_that_never_ends_is_stopped_by_the_time_limit() {
    let dir = mini();
    let template = dir.path().join("loop.typ");
    std::fs::write(&template, "#for i in range(100000000000) { }\nnever\n").expect("w");
    let (code, _, stderr) = run(
        dir.path(),
        &[
            "compile",
            "programme",
            "--template",
            path(&template),
            "--time-limit",
            "2",
            "-o",
            path(&dir.path().join("loop.pdf")),
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("ran for more than 2 s and was stopped"),
        "{stderr}"
    );
    assert!(!dir.path().join("loop.pdf").exists());
}
