//! `list`'s order and date filters and `stats`' completion rate, through the real binary on
//! the bundled fixture, widened with activities whose codes and dates put them to the test;
//! and progress notes shown by date wherever an activity is shown.

use std::path::Path;
use std::process::{Output, Stdio};

use programa::model::Activity;
use serde_json::Value;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// A copy of the fixture with two more activities of project I.1: `I.1.9` (cancelled, planned
/// for 15 January to 1 February) and `I.1.10` (ongoing at 60 %, planned for March, started on
/// 5 March with no end yet); and a second note of I.1.1, dated before the first but written
/// after it.
fn widened() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    crate::support::copy_dir(Path::new(MINI), dir.path());
    let activities = dir.path().join("programme/2021/activities");
    let study = std::fs::read_to_string(activities.join("I.1.2.toml")).expect("the fixture");
    let write = |code: &str, status: &str, dates: &str| {
        let text = study
            .replace("\"I.1.2\"", &format!("\"{code}\""))
            .replace(
                "title = \"Follow-up report",
                &format!("title = \"{code} follow-up report"),
            )
            .replace(
                "status = \"ongoing\"\nprogress = 40\n",
                &format!("{status}\n{dates}"),
            );
        std::fs::write(activities.join(format!("{code}.toml")), text).expect("writes");
    };
    write(
        "I.1.9",
        "status = \"cancelled\"\nprogress = 0",
        "planned_start = \"2021-01-15\"\nplanned_end = \"2021-02-01\"\n",
    );
    write(
        "I.1.10",
        "status = \"ongoing\"\nprogress = 60",
        "planned_start = \"2021-03-01\"\nplanned_end = \"2021-03-31\"\nactual_start = \"2021-03-05\"\n",
    );
    let first = activities.join("I.1.1.toml");
    let mut text = std::fs::read_to_string(&first).expect("the fixture");
    text.push_str("\n[[notes]]\ndate = \"2021-05-02\"\ntext = \"Agenda agreed with ALADI.\"\n");
    std::fs::write(&first, text).expect("writes");
    dir
}

fn run(root: &Path, args: &[&str], today: Option<&str>) -> Output {
    let mut command = crate::support::programa();
    command.arg("--root").arg(root).args(args);
    if let Some(today) = today {
        command.env("PROGRAMA_TODAY", today);
    }
    command
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn ok(root: &Path, args: &[&str]) -> String {
    crate::support::stdout_of(&format!("programa {args:?}"), run(root, args, None))
}

/// The codes `list --json` gives with these options, in its order.
fn codes(root: &Path, options: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--json"];
    args.extend_from_slice(options);
    let listed: Vec<Activity> = serde_json::from_str(&ok(root, &args)).expect("a JSON array");
    listed.into_iter().map(|a| a.code).collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn list_sorts_codes_as_codes() {
    let dir = widened();
    let all = [
        "I.1.1", "I.1.2", "I.1.9", "I.1.10", "I.2.1", "II.3.1", "II.3.2",
    ];
    assert_eq!(codes(dir.path(), &[]), all);
    assert_eq!(codes(dir.path(), &["--sort", "code"]), all);
    let mut reversed = all;
    reversed.reverse();
    assert_eq!(
        codes(dir.path(), &["--sort", "code", "--reverse"]),
        reversed
    );
    assert_eq!(codes(dir.path(), &["--reverse"]), reversed);
}

#[test]
fn list_sorts_by_each_key_with_ties_in_code_order() {
    let dir = widened();
    let sorted = |options: &[&str]| codes(dir.path(), options);
    // The vocabulary's order: planned, ongoing, completed, postponed, cancelled.
    assert_eq!(
        sorted(&["--sort", "status"]),
        [
            "I.2.1", "II.3.1", "I.1.2", "I.1.10", "I.1.1", "II.3.2", "I.1.9"
        ]
    );
    assert_eq!(
        sorted(&["--sort", "status", "--reverse"]),
        [
            "I.1.9", "II.3.2", "I.1.1", "I.1.2", "I.1.10", "I.2.1", "II.3.1"
        ]
    );
    assert_eq!(
        sorted(&["--sort", "progress"]),
        [
            "I.1.9", "I.2.1", "II.3.1", "II.3.2", "I.1.2", "I.1.10", "I.1.1"
        ]
    );
    // Titles ignore case: "I.1.10 follow-up…" before "I.1.9 follow-up…" as text.
    assert_eq!(
        sorted(&["--sort", "title"]),
        [
            "II.3.2", "I.1.2", "I.1.10", "I.1.9", "II.3.1", "I.1.1", "I.2.1"
        ]
    );
}

#[test]
fn list_sorts_by_dates_with_missing_ones_last_either_way() {
    let dir = widened();
    let sorted = |options: &[&str]| codes(dir.path(), options);
    assert_eq!(
        sorted(&["--sort", "planned_end"]),
        [
            "I.1.9", "I.1.10", "II.3.2", "I.1.1", "I.2.1", "I.1.2", "II.3.1"
        ]
    );
    assert_eq!(
        sorted(&["--sort", "planned_end", "--reverse"]),
        [
            "I.2.1", "I.1.1", "II.3.2", "I.1.10", "I.1.9", "I.1.2", "II.3.1"
        ]
    );
    assert_eq!(
        sorted(&["--sort", "planned_start"]),
        [
            "I.1.9", "I.1.10", "II.3.2", "I.1.1", "I.2.1", "I.1.2", "II.3.1"
        ]
    );
    // Only I.1.1 has ended.
    assert_eq!(
        sorted(&["--sort", "actual_end", "--reverse"]),
        [
            "I.1.1", "I.1.2", "I.1.9", "I.1.10", "I.2.1", "II.3.1", "II.3.2"
        ]
    );
}

#[test]
fn list_overdue_is_what_should_have_ended_by_today_and_did_not() {
    let dir = widened();
    // Today is 2021-06-20: I.1.9 is cancelled and I.1.1 completed.
    assert_eq!(codes(dir.path(), &["--overdue"]), ["I.1.10", "II.3.2"]);
    assert_eq!(
        codes(
            dir.path(),
            &["--overdue", "--sort", "planned_end", "--reverse"]
        ),
        ["II.3.2", "I.1.10"]
    );
    assert_eq!(
        codes(dir.path(), &["--overdue", "--kind", "study"]),
        ["I.1.10"]
    );
    assert_eq!(
        codes(dir.path(), &["--overdue", "--area", "II"]),
        ["II.3.2"]
    );
    assert_eq!(
        codes(dir.path(), &["--overdue", "--status", "postponed,planned"]),
        ["II.3.2"]
    );

    // Another today, through the clock: I.2.1 ends on 2 September.
    let later = run(
        dir.path(),
        &["list", "--json", "--overdue"],
        Some("2021-09-03"),
    );
    let listed: Vec<Activity> =
        serde_json::from_str(&crate::support::stdout_of("list", later)).expect("JSON");
    let later: Vec<&str> = listed.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(later, ["I.1.10", "I.2.1", "II.3.2"]);
    let on_the_day = run(
        dir.path(),
        &["list", "--json", "--overdue"],
        Some("2021-09-02"),
    );
    let listed: Vec<Activity> =
        serde_json::from_str(&crate::support::stdout_of("list", on_the_day)).expect("JSON");
    assert_eq!(
        listed.len(),
        2,
        "an activity is not overdue on its last day"
    );

    let bad = run(dir.path(), &["list", "--overdue"], Some("June"));
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("PROGRAMA_TODAY=June is not a date"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn list_overdue_table_shows_the_planned_end() {
    let dir = widened();
    insta::assert_snapshot!(ok(dir.path(), &["list", "--overdue"]), @r"
    CODE    STATUS     DONE  PLANNED END  KIND          TITLE
    I.1.10  ongoing     60%  2021-03-31   study         I.1.10 follow-up report on regional integration
    II.3.2  postponed   10%  2021-04-21   hybrid event  Business continuity for micro, small and medium…
    ");
}

#[test]
fn since_and_until_keep_activities_whose_planned_or_actual_period_meets_the_range() {
    let dir = widened();
    let within = |options: &[&str]| codes(dir.path(), options);
    // I.1.10 is planned to end on 31 March, II.3.2 to start on 20 April: both days count.
    assert_eq!(
        within(&["--since", "2021-03-31", "--until", "2021-04-20"]),
        ["I.1.10", "II.3.2"]
    );
    // I.1.10's actual period has only a start: that one day.
    assert_eq!(
        within(&["--since", "2021-04-01", "--until", "2021-04-19"]),
        Vec::<String>::new()
    );
    assert_eq!(
        within(&["--since", "2021-03-05", "--until", "2021-03-05"]),
        ["I.1.10"]
    );
    // I.1.1 was planned for May but held in June.
    assert_eq!(
        within(&["--since", "2021-06-01", "--until", "2021-06-30"]),
        ["I.1.1"]
    );
    assert_eq!(within(&["--until", "2021-01-15"]), ["I.1.9"]);
    // Activities with no dates (I.1.2, II.3.1) are never in a range.
    assert_eq!(
        within(&[
            "--since",
            "2021-01-01",
            "--sort",
            "planned_end",
            "--reverse"
        ]),
        ["I.2.1", "I.1.1", "II.3.2", "I.1.10", "I.1.9"]
    );
    assert_eq!(
        within(&[
            "--since",
            "2021-05-01",
            "--kind",
            "event",
            "--status",
            "planned"
        ]),
        ["I.2.1"]
    );

    // The same rows, in the same order, as CSV.
    let text = ok(
        dir.path(),
        &[
            "list",
            "--csv",
            "--since",
            "2021-01-01",
            "--sort",
            "progress",
        ],
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<String> = reader
        .records()
        .map(|r| r.expect("a row")[0].to_string())
        .collect();
    assert_eq!(rows, ["I.1.9", "I.2.1", "II.3.2", "I.1.10", "I.1.1"]);
}

#[test]
fn bad_dates_and_sort_keys_are_refused_with_what_was_meant() {
    let dir = widened();
    let refused = |args: &[&str]| {
        let output = run(dir.path(), args, None);
        assert_ne!(output.status.code(), Some(0), "{args:?} succeeded");
        assert!(output.stdout.is_empty());
        stderr(&output)
    };
    let text = refused(&["list", "--sort", "statsu"]);
    assert!(
        text.contains("there is no sort key `statsu`; did you mean `status`?"),
        "{text}"
    );
    assert!(
        text.contains(
            "keys: code, status, progress, planned_start, planned_end, actual_end, title"
        ),
        "{text}"
    );
    let text = refused(&["list", "--sort", "zzz"]);
    assert!(!text.contains("did you mean"), "{text}");
    let text = refused(&["list", "--since", "2021-6-1"]);
    assert!(text.contains("`2021-6-1` is not a date"), "{text}");
    assert!(text.contains("did you mean `2021-06-01`?"), "{text}");
    let text = refused(&["list", "--until", "2021-02-30"]);
    assert!(text.contains("did you mean `2021-02-28`?"), "{text}");
    let text = refused(&["list", "--until", "soon"]);
    assert!(text.contains("expected YYYY-MM-DD"), "{text}");
    let text = refused(&["list", "--since", "2021-07-01", "--until", "2021-06-01"]);
    assert!(
        text.contains("--since 2021-07-01 is after --until 2021-06-01"),
        "{text}"
    );
    assert!(
        text.contains("did you mean `--since 2021-06-01 --until 2021-07-01`?"),
        "{text}"
    );
    // The long key names' dashes are accepted as well as their underscores.
    assert_eq!(
        codes(dir.path(), &["--sort", "planned-end", "--overdue"]),
        ["I.1.10", "II.3.2"]
    );
}

#[test]
fn stats_give_the_completion_rate_of_all_and_of_those_due() {
    let dir = widened();
    let text = ok(dir.path(), &["stats"]);
    // Due by 2021-06-20: I.1.1 (completed), I.1.9, I.1.10 and II.3.2.
    assert!(
        text.contains("1 of 7 activities completed (14 %); 1 of the 4 due by 2021-06-20 (25 %)"),
        "{text}"
    );
    let stats: Value = serde_json::from_str(&ok(dir.path(), &["stats", "--json"])).expect("JSON");
    let completion = &stats["completion"];
    assert_eq!(completion["today"], "2021-06-20");
    assert_eq!(completion["activities"], 7);
    assert_eq!(completion["completed"], 1);
    assert_eq!(completion["due"], 4);
    assert_eq!(completion["completed_due"], 1);
    assert_eq!(completion["rate_due"], 0.25);
    // The participants and their countries are there too.
    assert_eq!(stats["participants"]["participants"], 2);
    assert_eq!(stats["participants"]["countries"], 2);

    let early = run(dir.path(), &["stats", "--json"], Some("2021-01-01"));
    let stats: Value =
        serde_json::from_str(&crate::support::stdout_of("stats", early)).expect("JSON");
    assert_eq!(stats["completion"]["due"], 0);
    assert_eq!(stats["completion"]["rate_due"], Value::Null);
    let early = run(dir.path(), &["stats"], Some("2021-01-01"));
    let text = crate::support::stdout_of("stats", early);
    assert!(
        text.contains("1 of 7 activities completed (14 %); none due by 2021-01-01"),
        "{text}"
    );
}

#[test]
fn show_lists_notes_by_date_whatever_the_file_order() {
    let dir = widened();
    let text = ok(dir.path(), &["show", "I.1.1"]);
    let earlier = text
        .find("2021-05-02  Agenda agreed with ALADI.")
        .expect("the later-written note");
    let later = text
        .find("2021-06-16  Held in Caracas")
        .expect("the first note");
    assert!(earlier < later, "{text}");
    // The file keeps its order.
    let file = std::fs::read_to_string(dir.path().join("programme/2021/activities/I.1.1.toml"))
        .expect("the file");
    assert!(file.find("2021-06-16") < file.find("2021-05-02"));
}

#[test]
fn the_interface_shows_notes_by_date_whatever_the_file_order() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use programa::tui::{Action, App, KeyMap, Scope};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let dir = widened();
    let workspace = programa::store::Workspace::at(dir.path());
    let loaded = programa::store::load(&workspace, 2021).expect("the programme loads");
    let scope = Scope {
        workspace,
        year: 2021,
    };
    let mut app = App::new(scope, loaded, KeyMap::default(), (120, 40));
    assert_eq!(app.activity().map(|a| a.code.as_str()), Some("I.1.1"));
    let mut press = |code| app.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    press(KeyCode::Tab);
    for _ in 0..8 {
        press(KeyCode::PageDown);
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    terminal
        .draw(|frame| programa::tui::view::render(frame, &app))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    let screen: String = (0..buffer.area.height)
        .map(|y| {
            let line: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            line + "\n"
        })
        .collect();
    let earlier = screen
        .find("2021-05-02 Agenda agreed")
        .expect("the later-written note");
    let later = screen
        .find("2021-06-16 Held in Caracas")
        .expect("the first note");
    assert!(earlier < later, "{screen}");
}
