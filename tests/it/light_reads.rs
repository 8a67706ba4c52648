//! The reads that keep less give what the whole read gives: `show CODE` reading only the
//! programme file and the activity's own, and `list` and `stats` letting prose go as they read,
//! on generated programmes with files that do not parse, parse only partly, hold unresolved
//! merge conflicts, name another code or repeat one.

use std::path::Path;
use std::process::{Output, Stdio};

use programa::model::Activity;
use programa::store::{self, Loaded, Workspace};

/// Activities of the generated programme.
const SIZE: usize = 120;

/// What is wrong with the files of [`broken`]'s programme, by the index of the activity.
const SYNTAX: usize = 3;
const TYPED: usize = 10;
const CONFLICT: usize = 17;
const CONFLICT_TYPED: usize = 24;
const OTHER_CODE: usize = 31;
const SAME_CODE: usize = 38;
/// The activity whose code [`SAME_CODE`]'s file says too.
const DUPLICATED: usize = 39;
const CLEAN: usize = 45;
/// The activity whose background alone has the word `Zanzibarite`.
const SEARCHED: usize = 52;

/// A generated programme of [`SIZE`] activities, with one file of each kind of trouble.
fn broken() -> (tempfile::TempDir, Vec<String>) {
    broken_of(SIZE)
}

/// [`broken`] with `size` activities.
fn broken_of(size: usize) -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let written = crate::synthetic::write(dir.path(), 2021, size).expect("written");
    let codes = written.codes.clone();
    let file = |index: usize| {
        written
            .year_dir
            .join("activities")
            .join(format!("{}.toml", codes[index]))
    };
    let edit = |index: usize, change: &dyn Fn(String) -> String| {
        let path = file(index);
        let text = std::fs::read_to_string(&path).expect("a generated file");
        let changed = change(text.clone());
        assert_ne!(changed, text, "the file of activity {index} is changed");
        std::fs::write(path, changed).expect("written");
    };
    let conflicted = |text: String, theirs: &str| {
        let at = text.find("\nprogress = ").expect("a progress") + 1;
        let end = at + text[at..].find('\n').expect("a line");
        format!(
            "{}<<<<<<< HEAD\n{}\n=======\n{theirs}\n>>>>>>> side\n{}",
            &text[..at],
            &text[at..end],
            &text[end + 1..]
        )
    };
    edit(SYNTAX, &|text| {
        text.replacen("title = \"", "title = \"\"\"", 1)
    });
    edit(TYPED, &|text| {
        let at = text.find("\nprogress = ").expect("a progress") + 1;
        let end = at + text[at..].find('\n').expect("a line");
        format!("{}progress = \"half\"{}", &text[..at], &text[end..])
    });
    edit(CONFLICT, &|text| conflicted(text, "progress = 55"));
    edit(CONFLICT_TYPED, &|text| {
        conflicted(text, "progress = \"most\"")
    });
    let other = codes[OTHER_CODE].clone();
    edit(OTHER_CODE, &|text| {
        text.replacen(&format!("code = \"{other}\""), "code = \"IX.9.9\"", 1)
    });
    edit(SEARCHED, &|text| {
        text.replacen(
            "background = \"\"\"\n",
            "background = \"\"\"\nZanzibarite ",
            1,
        )
    });
    let same = codes[SAME_CODE].clone();
    let duplicated = codes[DUPLICATED].clone();
    edit(SAME_CODE, &|text| {
        text.replacen(
            &format!("code = \"{same}\""),
            &format!("code = \"{duplicated}\""),
            1,
        )
    });
    (dir, codes)
}

fn run(root: &Path, args: &[&str]) -> Output {
    crate::support::programa()
        .arg("--root")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The activity with its long prose emptied, as a brief read keeps it.
fn without_prose(mut activity: Activity) -> Activity {
    programa::store::drop_prose(&mut activity);
    activity
}

/// What the commands read of a year besides its activities: findings, unreadable files and
/// conflicts, once the activities of unreadable files are left out.
fn reported(mut loaded: Loaded) -> (Loaded, Vec<std::path::PathBuf>) {
    let unreadable = loaded.drop_unreadable();
    (loaded, unreadable)
}

#[test]
fn a_brief_read_keeps_the_activities_findings_and_conflicts_of_the_whole_read() {
    let (dir, _) = broken();
    let workspace = Workspace::at(dir.path());
    let whole = store::load(&workspace, 2021).expect("loads");
    assert!(whole.has_errors() && whole.has_conflicts());
    let brief = store::load_brief(&workspace, 2021, &|_| false).expect("loads");

    assert_eq!(brief.findings, whole.findings);
    assert_eq!(brief.plan.programme, whole.plan.programme);
    assert_eq!(brief.activity_sources, whole.activity_sources);
    let expected: Vec<Activity> = whole
        .plan
        .activities
        .iter()
        .cloned()
        .map(without_prose)
        .collect();
    assert_eq!(brief.plan.activities, expected);
    assert!(
        brief
            .plan
            .activities
            .iter()
            .all(|a| a.background.is_empty())
    );
    // Texts are kept where there is something to quote, and only there.
    assert_eq!(brief.sources.len(), whole.sources.len());
    assert_eq!(
        brief.sources[0], whole.sources[0],
        "the programme file is kept"
    );
    for (light, full) in brief.sources.iter().zip(&whole.sources).skip(1) {
        assert_eq!(light.path, full.path);
        if whole.findings_in(&full.path).is_empty() {
            assert_eq!(light.text, "", "{}", full.path.display());
        } else {
            assert_eq!(light.text, full.text, "{}", full.path.display());
        }
    }
    assert_eq!(brief.conflicts(), whole.conflicts());
    let (brief, brief_unread) = reported(brief);
    let (whole, whole_unread) = reported(whole);
    assert_eq!(brief_unread, whole_unread);
    assert_eq!(brief_unread.len(), 2, "{brief_unread:?}");
    for index in 0..whole.plan.activities.len() {
        assert_eq!(brief.conflict_of(index), whole.conflict_of(index));
    }
    assert_eq!(brief.conflicted_activities().len(), 2);

    // What the caller asks to keep is kept whole.
    let kept = store::load_brief(&workspace, 2021, &|a| a.code.ends_with(".2")).expect("loads");
    for (light, full) in kept.plan.activities.iter().zip(&load(&workspace)) {
        if full.code.ends_with(".2") {
            assert_eq!(light, full);
        } else {
            assert_eq!(light, &without_prose(full.clone()));
        }
    }
}

fn load(workspace: &Workspace) -> Vec<Activity> {
    store::load(workspace, 2021).expect("loads").plan.activities
}

#[test]
fn reading_one_activity_reads_its_file_as_the_whole_read_does() {
    let (dir, codes) = broken();
    let workspace = Workspace::at(dir.path());
    let whole = store::load(&workspace, 2021).expect("loads");
    for index in [SYNTAX, TYPED, CONFLICT, CONFLICT_TYPED, CLEAN] {
        let code = &codes[index];
        let one = store::load_activity(&workspace, 2021, code)
            .expect("reads")
            .expect("the file is there");
        assert_eq!(one.sources.len(), 2);
        assert_eq!(one.sources[0], whole.sources[0]);
        let path = &one.sources[1].path;
        let full = whole
            .sources
            .iter()
            .find(|s| &s.path == path)
            .expect("read");
        assert_eq!(&one.sources[1], full);
        assert_eq!(one.findings_in(path), whole.findings_in(path));
        let found = whole
            .plan
            .activities
            .iter()
            .zip(&whole.activity_sources)
            .find(|&(_, &source)| &whole.sources[source].path == path)
            .map(|(a, _)| a);
        assert_eq!(one.plan.activities.first(), found);
    }
    for missing in ["IX.9.9", "../programme", "", " I.1.1", "a/b"] {
        assert!(
            store::load_activity(&workspace, 2021, missing)
                .expect("reads")
                .is_none(),
            "{missing:?}"
        );
    }
}

/// `show` of an activity, read through its own file (`code` as written) and through the whole
/// year (`code` in lower case, which no file is named after): the same page, and on stderr
/// only what concerns that activity.
fn show_both_ways(root: &Path, code: &str, extra: &[&str]) {
    let lower = code.to_lowercase();
    assert_ne!(lower, code);
    let mut args = vec!["show", code];
    args.extend_from_slice(extra);
    let fast = run(root, &args);
    args[1] = &lower;
    let whole = run(root, &args);
    assert_eq!(fast.status.code(), whole.status.code(), "{code} {extra:?}");
    assert_eq!(text(&fast.stdout), text(&whole.stdout), "{code} {extra:?}");
    let fast_err = text(&fast.stderr);
    let whole_err = text(&whole.stderr).replace(&lower, code);
    for line in fast_err.lines() {
        // The files left out are named in one line, however many there are.
        if line.contains("left out because") {
            let file = line.rsplit(": ").next().unwrap_or_default();
            let named = whole_err
                .lines()
                .any(|l| l.contains("left out because") && l.contains(file));
            assert!(named, "{code}: {file} is not left out by the whole read");
            continue;
        }
        assert!(
            whole_err.contains(line),
            "{code} {extra:?}: `{line}` is not said by the whole read:\n{whole_err}"
        );
    }
    // The whole read warns of the other troubled files too; the fast one only of its own.
    assert!(whole_err.lines().count() >= fast_err.lines().count());
}

#[test]
fn show_reads_only_the_file_it_shows_and_prints_what_the_whole_read_prints() {
    let (dir, codes) = broken();
    let root = dir.path();
    for index in [CLEAN, CONFLICT, CONFLICT_TYPED, SYNTAX, TYPED, 0, SIZE - 1] {
        show_both_ways(root, &codes[index], &[]);
        show_both_ways(root, &codes[index], &["--json"]);
    }
    // The page of a clean activity and of a conflicted one, and the error of an unreadable one.
    let clean = run(root, &["show", &codes[CLEAN]]);
    assert!(clean.status.success());
    assert!(text(&clean.stdout).starts_with(&codes[CLEAN]));
    assert_eq!(text(&clean.stderr), "");
    let conflicted = run(root, &["show", &codes[CONFLICT]]);
    assert!(text(&conflicted.stdout).contains("unresolved merge conflict"));
    let unreadable = run(root, &["show", &codes[SYNTAX]]);
    assert_eq!(unreadable.status.code(), Some(1));
    assert!(text(&unreadable.stderr).contains("cannot be read"));
    let partly = run(root, &["show", &codes[TYPED]]);
    assert!(
        text(&partly.stderr).contains("progress"),
        "{}",
        text(&partly.stderr)
    );

    // A code no file is named after is looked for in every file; a file that says another code
    // does not show under its name.
    let moved = run(root, &["show", "IX.9.9"]);
    assert!(moved.status.success(), "{}", text(&moved.stderr));
    assert!(text(&moved.stdout).starts_with("IX.9.9"));
    let renamed = run(root, &["show", &codes[OTHER_CODE]]);
    assert_eq!(renamed.status.code(), Some(1));
    assert!(text(&renamed.stderr).contains("there is no activity"));
    let typo = run(root, &["show", &format!("{}x", codes[0])]);
    assert!(text(&typo.stderr).contains("did you mean"));

    // Of two files with one code, the one named after it is shown.
    let named = std::fs::read_to_string(
        root.join("programme/2021/activities")
            .join(format!("{}.toml", codes[DUPLICATED])),
    )
    .expect("the file");
    let title = named
        .lines()
        .find_map(|line| line.strip_prefix("title = \""))
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a title");
    let duplicated = run(root, &["show", &codes[DUPLICATED]]);
    assert!(duplicated.status.success());
    assert!(
        text(&duplicated.stdout)
            .lines()
            .next()
            .is_some_and(|l| l.contains(title))
    );
}

#[test]
fn show_does_not_open_the_other_activity_files() {
    let (dir, codes) = broken();
    let activities = dir.path().join("programme/2021/activities");
    // Every other file made unreadable: a read that opened them would say so.
    for (index, code) in codes.iter().enumerate() {
        if index != CLEAN {
            std::fs::write(activities.join(format!("{code}.toml")), "= not toml").expect("w");
        }
    }
    let shown = run(dir.path(), &["show", &codes[CLEAN]]);
    assert!(shown.status.success(), "{}", text(&shown.stderr));
    assert_eq!(text(&shown.stderr), "");
    let listed = run(dir.path(), &["list"]);
    assert!(text(&listed.stderr).contains("could not be read"));
}

#[test]
fn list_and_stats_read_briefly_yet_search_and_print_prose_as_before() {
    let (dir, codes) = broken();
    let root = dir.path();
    let whole = store::load(&Workspace::at(root), 2021).expect("loads");
    let (target, word) = (codes[SEARCHED].clone(), "zanzibarite");
    assert!(
        whole
            .plan
            .activities
            .iter()
            .any(|a| a.code == target && a.background.starts_with("Zanzibarite"))
    );
    let found = run(root, &["list", "--csv", word]);
    let rows: Vec<String> = text(&found.stdout)
        .lines()
        .skip(1)
        .map(String::from)
        .collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].starts_with(&format!("\"{target}\",")), "{rows:?}");

    // JSON keeps the prose it prints.
    let json = run(root, &["list", "--json"]);
    let listed: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let first = &listed.as_array().expect("an array")[0];
    let expected = whole.plan.activities[0].background.clone();
    assert_eq!(first["background"].as_str(), Some(expected.as_str()));

    // The warnings of a brief read are those of the whole one, in the same order.
    for args in [
        &["list"][..],
        &["list", "--csv"],
        &["stats"],
        &["stats", "--json"],
    ] {
        let output = run(root, args);
        assert!(output.status.success(), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains("left out because their files could not be read"));
        assert_eq!(
            stderr.matches("unresolved merge conflict").count(),
            2,
            "{stderr}"
        );
    }
}

#[test]
fn check_in_parts_finds_and_prints_what_checking_the_whole_year_does() {
    // More files than one part holds, with trouble in several parts: a code repeated across
    // parts, an unknown project, a misspelt key, raw HTML in prose.
    let (dir, codes) = broken_of(2600);
    let activities = dir.path().join("programme/2021/activities");
    let edit = |index: usize, from: &str, to: &str| {
        let path = activities.join(format!("{}.toml", codes[index]));
        let text = std::fs::read_to_string(&path).expect("a generated file");
        assert!(text.contains(from), "{from}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("written");
    };
    edit(
        2100,
        &format!("code = \"{}\"", codes[2100]),
        &format!("code = \"{}\"", codes[7]),
    );
    edit(1500, "project = \"", "project = \"X");
    edit(1800, "\nstatus = ", "\nstatsu = ");
    edit(
        2500,
        "background = \"\"\"\n",
        "background = \"\"\"\n<b>bold</b> ",
    );
    let workspace = Workspace::at(dir.path());
    let loaded = store::load(&workspace, 2021).expect("loads");
    let today: programa::model::Date = crate::support::TODAY.parse().expect("a date");
    let mut findings = loaded.findings.clone();
    findings.extend(programa::validate::validate_on(&loaded, today));
    let files = programa::diagnostic::render::Files::new(
        loaded
            .sources
            .iter()
            .map(|source| (source.path.as_path(), source.text.as_str())),
    );
    files.sort(&mut findings);
    let codes_found: Vec<&str> = findings.iter().map(|f| f.code).collect();
    for code in [
        "duplicate-code",
        "unknown-reference",
        "unknown-key",
        "code-mismatch",
    ] {
        assert!(codes_found.contains(&code), "{code}: {codes_found:?}");
    }
    let mut expected = Vec::new();
    programa::diagnostic::render::write_text(&mut expected, &findings, &files, false)
        .expect("rendered");
    let expected = text(&expected);

    let checked = run(dir.path(), &["check"]);
    assert_eq!(checked.status.code(), Some(1));
    let stdout = text(&checked.stdout);
    let (shown, summary) = stdout
        .trim_end()
        .rsplit_once('\n')
        .expect("findings and a summary");
    let shown = format!("{shown}\n");
    let first_difference = shown
        .lines()
        .zip(expected.lines())
        .position(|(a, b)| a != b);
    assert_eq!(
        first_difference,
        None,
        "{}",
        &shown[..shown.len().min(2000)]
    );
    assert_eq!(shown, expected);
    let errors = findings.iter().filter(|f| f.is_error()).count();
    assert!(
        summary.starts_with(&format!("programme/2021: 2600 activities, {errors} errors")),
        "{summary}"
    );

    let json = run(dir.path(), &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(
        report["findings"].as_array().map(Vec::len),
        Some(findings.len())
    );
    assert_eq!(
        report["totals"],
        serde_json::to_value(loaded.plan.totals()).expect("totals")
    );
}
