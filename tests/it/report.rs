//! The follow-up report's figures: on generated plans (every total is the sum of what it
//! totals, whatever happened to the plan since its approval), and on a year of history made
//! through the CLI (the figures, the changes table against `baseline diff --json`, the sources
//! annex, the document's date and code, each activity's record).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use proptest::prelude::*;

use programa::history::{Baseline, ReportRevision};
use programa::model::{Date, Format, Kind, Plan, Status};
use programa::render::report::{ChangeKind, Outcome};
use programa::render::{Lang, ReportData, ReportInputs};

use crate::support::{BIN, copy_dir, pinned};

// ---- Generated plans -------------------------------------------------------------------------

/// What happens to one approved activity before the report.
#[derive(Debug, Clone)]
enum Fate {
    /// Left as approved.
    Kept,
    /// Given a status.
    Status(Status),
    /// Held in another format (and completed).
    Format(Option<Format>),
    /// Taken out of the plan.
    Removed,
    /// Given a new code, keeping its title.
    Renamed,
}

fn fate() -> impl Strategy<Value = Fate> {
    let status = prop_oneof![
        Just(Status::Planned),
        Just(Status::Ongoing),
        Just(Status::Completed),
        Just(Status::Postponed),
        Just(Status::Cancelled),
    ];
    let format = prop_oneof![
        Just(None),
        Just(Some(Format::FaceToFace)),
        Just(Some(Format::Virtual)),
        Just(Some(Format::Hybrid)),
    ];
    prop_oneof![
        3 => Just(Fate::Kept),
        4 => status.prop_map(Fate::Status),
        2 => format.prop_map(Fate::Format),
        1 => Just(Fate::Removed),
        1 => Just(Fate::Renamed),
    ]
}

/// A baseline as the history would give it, for a report made without a repository.
fn marked() -> Baseline {
    Baseline {
        name: "approved".to_string(),
        tag: "baseline/approved".to_string(),
        commit: "0".repeat(40),
        short: "0000000".to_string(),
        date: chrono::DateTime::parse_from_rfc3339("2021-01-15T10:00:00+00:00").expect("a date"),
        tagger: Some("Ana Pérez <ana@sela.example>".to_string()),
        message: String::new(),
    }
}

/// An approved plan of `size` synthetic activities, and the plan after `fates` and `added`
/// new activities (each with `added_status`).
fn plans(size: usize, fates: &[Fate], added: &[Status]) -> (Plan, Plan) {
    let programme = crate::synthetic::programme(2021);
    let approved = Plan {
        activities: (0..size)
            .map(|i| crate::synthetic::activity(&programme, i))
            .collect(),
        programme,
    };
    let mut current = approved.clone();
    let mut next = size;
    let mut fresh = |programme: &programa::model::WorkProgramme| {
        next += 1;
        crate::synthetic::activity(programme, next + 1000)
    };
    let mut removed = Vec::new();
    for (i, fate) in fates.iter().enumerate().take(size) {
        let activity = &mut current.activities[i];
        match fate {
            Fate::Kept => {}
            Fate::Status(status) => activity.status = *status,
            Fate::Format(format) => {
                activity.format = if activity.kind == Kind::Event {
                    *format
                } else {
                    None
                };
                activity.status = Status::Completed;
            }
            Fate::Removed => removed.push(i),
            Fate::Renamed => {
                let other = fresh(&current.programme);
                let activity = &mut current.activities[i];
                activity.code = other.code;
                activity.project = other.project;
            }
        }
    }
    for i in removed.into_iter().rev() {
        current.activities.remove(i);
    }
    for status in added {
        let mut activity = fresh(&current.programme);
        activity.title = format!("An activity added after approval, {}", activity.code);
        activity.status = *status;
        current.activities.push(activity);
    }
    current
        .activities
        .sort_by_cached_key(|a| programa::model::code_sort_key(&a.code));
    (approved, current)
}

/// The sum of two counts, part by part.
fn plus(a: Outcome, b: Outcome) -> Outcome {
    Outcome {
        total: a.total + b.total,
        completed: a.completed + b.completed,
        ongoing: a.ongoing + b.ongoing,
        postponed: a.postponed + b.postponed,
        cancelled: a.cancelled + b.cancelled,
        not_started: a.not_started + b.not_started,
        removed: a.removed + b.removed,
    }
}

/// Every total of `data` is the sum of what it totals, and agrees with the plans.
fn assert_figures_add_up(data: &ReportData, approved: &Plan, current: &Plan) {
    let s = &data.summary;
    for outcome in [&s.approved, &s.added] {
        assert_eq!(
            outcome.total,
            outcome.completed
                + outcome.ongoing
                + outcome.postponed
                + outcome.cancelled
                + outcome.not_started
                + outcome.removed,
            "the parts add up to the total: {outcome:?}"
        );
    }
    assert_eq!(s.approved.total, approved.activities.len());
    assert_eq!(s.added.removed, 0, "an added activity is in the plan");
    assert_eq!(s.current, current.activities.len());
    assert_eq!(
        s.current,
        s.approved.total - s.approved.removed + s.added.total,
        "approved, less removed, plus added"
    );
    let completed = |plan: &Plan| {
        plan.activities
            .iter()
            .filter(|a| a.status == Status::Completed)
            .count()
    };
    assert_eq!(s.approved.completed + s.added.completed, completed(current));
    let rate = if s.approved.total == 0 {
        0.0
    } else {
        (s.approved.completed as f64 * 1000.0 / s.approved.total as f64).round() / 10.0
    };
    assert_eq!(s.rate, rate);

    // The areas add up to the summary, row by row.
    let mut sum_approved = Outcome::default();
    let mut sum_added = Outcome::default();
    let mut rows = 0;
    for area in &data.areas {
        sum_approved = plus(sum_approved, area.approved);
        sum_added = plus(sum_added, area.added);
        assert_eq!(
            area.activities.len(),
            area.approved.total + area.added.total,
            "area {} lists each of its activities once",
            area.code
        );
        assert_eq!(
            area.current,
            area.approved.total - area.approved.removed + area.added.total,
            "area {}",
            area.code
        );
        assert_eq!(
            area.activities.iter().filter(|a| a.in_baseline).count(),
            area.approved.total
        );
        rows += area.activities.len();
    }
    assert_eq!(sum_approved, s.approved);
    assert_eq!(sum_added, s.added);
    assert_eq!(rows, s.approved.total + s.added.total);

    // Kinds and formats: each column adds up to its total, and the totals are the plans'.
    for (table, total) in [
        (&data.kinds, &data.kinds_total),
        (&data.formats, &data.formats_total),
    ] {
        assert_eq!(
            total.approved,
            table.iter().map(|r| r.approved).sum::<usize>()
        );
        assert_eq!(
            total.current,
            table.iter().map(|r| r.current).sum::<usize>()
        );
        assert_eq!(total.done, table.iter().map(|r| r.done).sum::<usize>());
    }
    assert_eq!(data.kinds_total.approved, approved.activities.len());
    assert_eq!(data.kinds_total.current, current.activities.len());
    assert_eq!(data.kinds_total.done, completed(current));
    let events = |plan: &Plan| {
        plan.activities
            .iter()
            .filter(|a| a.kind == Kind::Event)
            .count()
    };
    assert_eq!(data.formats_total.approved, events(approved));
    assert_eq!(data.formats_total.current, events(current));
    for row in &data.formats {
        let format = Format::ALL.iter().find(|f| f.as_str() == row.key).copied();
        let approved_count = approved
            .activities
            .iter()
            .filter(|a| a.kind == Kind::Event && a.format == format)
            .count();
        assert_eq!(row.approved, approved_count, "approved {}", row.key);
    }

    // Completions: the months and those outside the year are every completed activity.
    assert_eq!(data.completions.len(), 12);
    assert_eq!(
        data.completions[11].cumulative + data.completions_elsewhere,
        completed(current)
    );
    assert_eq!(
        data.completions.iter().map(|m| m.count).sum::<usize>(),
        data.completions[11].cumulative
    );

    // Participants: the annex's tables each add up to the summary's figure.
    let recorded: usize = current
        .activities
        .iter()
        .map(|a| a.participants.len())
        .sum();
    assert_eq!(s.participants, recorded);
    let annex = &data.participants;
    assert_eq!(
        annex
            .by_country
            .iter()
            .map(|r| r.participants)
            .sum::<usize>(),
        recorded
    );
    assert_eq!(
        annex
            .by_organisation
            .iter()
            .map(|r| r.participants)
            .sum::<usize>(),
        recorded
    );
    assert_eq!(
        annex
            .by_country
            .iter()
            .map(|r| r.organisations)
            .sum::<usize>(),
        annex.by_organisation.len(),
        "each organisation is of one country"
    );
    assert_eq!(s.countries, annex.by_country.len());
    assert_eq!(s.organisations, annex.by_organisation.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_total_is_the_sum_of_its_parts(
        size in 0usize..40,
        fates in proptest::collection::vec(fate(), 40),
        added in proptest::collection::vec(
            prop_oneof![Just(Status::Planned), Just(Status::Completed), Just(Status::Cancelled)],
            0..4,
        ),
    ) {
        let (approved, current) = plans(size, &fates, &added);
        let baseline = marked();
        let inputs = ReportInputs {
            baseline: Some((&baseline, &approved)),
            current: &current,
            revision: &ReportRevision::NoHistory,
            statuses: &Default::default(),
        };
        let date = Date::from_ymd(2021, 12, 15).expect("a date");
        let data = ReportData::new(&inputs, Lang::En, date);
        assert_figures_add_up(&data, &approved, &current);

        // What the fates say, the figures say.
        let renamed = fates.iter().take(size).filter(|f| matches!(f, Fate::Renamed)).count();
        let removed = fates.iter().take(size).filter(|f| matches!(f, Fate::Removed)).count();
        prop_assert_eq!(data.summary.approved.removed, removed);
        prop_assert_eq!(data.summary.added.total, added.len());
        let renames = data.changes.iter().filter(|c| {
            matches!(c.kind, ChangeKind::Renamed)
        }).count();
        prop_assert_eq!(renames, renamed);

        // Without a baseline the plan is its own approved plan: nothing added or removed.
        let alone = ReportInputs { baseline: None, ..inputs };
        let data = ReportData::new(&alone, Lang::En, date);
        assert_figures_add_up(&data, &current, &current);
        prop_assert_eq!(data.summary.added.total, 0);
        prop_assert!(data.changes.is_empty());
    }
}

// ---- A year of history made through the CLI --------------------------------------------------

/// A repository holding the 2021 programme, whose every command runs pinned, as `who`, on
/// the day set by [`History::day`].
struct History {
    dir: tempfile::TempDir,
    home: PathBuf,
    day: String,
    who: (String, String),
}

impl History {
    fn new() -> History {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("programme/2021"),
            &dir.path().join("programme/2021"),
        );
        let home = dir.path().join(".home");
        std::fs::create_dir_all(&home).expect("home");
        std::fs::write(home.join(".gitconfig"), "[init]\n\tdefaultBranch = main\n")
            .expect("gitconfig");
        std::fs::write(dir.path().join(".gitignore"), ".home/\n*.pdf\nemit/\n").expect("ignore");
        let history = History {
            dir,
            home,
            day: "2021-01-15".to_string(),
            who: ("Ana Pérez".to_string(), "ana@sela.example".to_string()),
        };
        history.run("git", &["init", "-q"]);
        history
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn day(&mut self, day: &str, who: &str, email: &str) {
        self.day = day.to_string();
        self.who = (who.to_string(), email.to_string());
    }

    fn command(&self, program: &str, args: &[&str]) -> std::process::Command {
        let stamp = format!("{}T10:00:00+00:00", self.day);
        let mut command = pinned(program, &self.home);
        command
            .current_dir(self.path())
            .env("PROGRAMA_TODAY", &self.day)
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .env("GIT_AUTHOR_NAME", &self.who.0)
            .env("GIT_AUTHOR_EMAIL", &self.who.1)
            .env("GIT_COMMITTER_NAME", &self.who.0)
            .env("GIT_COMMITTER_EMAIL", &self.who.1)
            .args(args);
        command
    }

    fn run(&self, program: &str, args: &[&str]) -> Output {
        let output = self.command(program, args).output().expect("runs");
        assert!(
            output.status.success(),
            "{program} {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    fn programa(&self, args: &[&str]) -> String {
        String::from_utf8_lossy(&self.run(BIN, args).stdout).into_owned()
    }

    fn head(&self) -> String {
        let out = self.run("git", &["rev-parse", "--short=7", "HEAD"]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The report's data, as `compile report --emit` writes it.
    fn report_data(&self, extra: &[&str]) -> serde_json::Value {
        let emit = self.path().join("emit");
        let _ = std::fs::remove_dir_all(&emit);
        let mut args = vec!["compile", "report", "--emit", "emit"];
        args.extend_from_slice(extra);
        self.run(BIN, &args);
        let text = std::fs::read_to_string(emit.join("data.json")).expect("data.json");
        serde_json::from_str(&text).expect("json")
    }

    /// Compiles the report (or the programme) and returns the PDF's text and its metadata.
    fn pdf(&self, args: &[&str]) -> Option<(String, String)> {
        self.run(BIN, args);
        let out = args
            .iter()
            .position(|a| *a == "-o")
            .map(|i| self.path().join(args[i + 1]))
            .expect("an -o");
        let text = std::process::Command::new("pdftotext")
            .args(["-layout".as_ref(), out.as_os_str(), "-".as_ref()])
            .output()
            .ok()?;
        let info = std::process::Command::new("pdfinfo")
            .arg(&out)
            .output()
            .ok()?;
        Some((
            String::from_utf8_lossy(&text.stdout).into_owned(),
            String::from_utf8_lossy(&info.stdout).into_owned(),
        ))
    }
}

/// A year of the 2021 programme: approved in January, then two completions (one held
/// virtually), a cancellation and a postponement with their reasons, an activity added after
/// approval and completed, an ongoing one, a format changed ahead of an event; the shas of
/// the commits that set I.1.1's, II.4.4's and I.1.5's statuses.
fn a_year() -> (History, [String; 3]) {
    let mut h = History::new();
    h.programa(&["commit", "-m", "Approved work programme for 2021"]);
    h.programa(&["baseline", "set", "approved-2021"]);

    h.day("2021-02-26", "Luis Gómez", "luis@sela.example");
    h.programa(&[
        "set",
        "I.1.1",
        "status=completed",
        "progress=100",
        "format=virtual",
        "actual_start=2021-02-24",
        "actual_end=2021-02-25",
        "venue=Online",
        "account=The committee met online and agreed a work plan.",
    ]);
    h.programa(&[
        "participant",
        "add",
        "I.1.1",
        "--organisation",
        "ALADI",
        "--country",
        "Uruguay",
        "--role",
        "speaker",
        "--name",
        "Sergio Abreu",
    ]);
    h.programa(&[
        "participant",
        "add",
        "I.1.1",
        "--organisation",
        "Ministerio de Salud",
        "--country",
        "peru ",
        "--role",
        "participant",
    ]);
    h.programa(&["note", "I.1.1", "Held online with 14 delegations."]);
    h.programa(&[
        "set",
        "II.1.1",
        "status=completed",
        "progress=100",
        "actual_start=2021-02-10",
        "actual_end=2021-02-11",
        "venue=Caracas, Venezuela",
    ]);
    h.programa(&[
        "participant",
        "add",
        "II.1.1",
        "--organisation",
        "UNCTAD",
        "--country",
        "Suiza",
        "--role",
        "observer",
    ]);
    h.programa(&[
        "participant",
        "add",
        "II.1.1",
        "--organisation",
        "Ministerio de Salud",
        "--country",
        "Perú",
        "--role",
        "speaker",
    ]);
    h.programa(&["commit", "-m", "February"]);
    let completed = h.head();

    h.day("2021-04-20", "Ana Pérez", "ana@sela.example");
    h.programa(&["set", "II.4.4", "status=cancelled"]);
    h.programa(&[
        "note",
        "II.4.4",
        "Cancelled: the co-organiser withdrew its funding.",
    ]);
    h.programa(&[
        "set",
        "I.3.1",
        "status=postponed",
        "planned_start=2022-05-19",
        "planned_end=2022-05-20",
    ]);
    h.programa(&["note", "I.3.1", "Postponed at the request of the host."]);
    h.programa(&["commit", "-m", "April"]);
    let cancelled = h.head();

    h.day("2021-06-01", "Luis Gómez", "luis@sela.example");
    h.programa(&[
        "new",
        "--project",
        "II.2",
        "--title",
        "Regional dialogue on vaccine logistics",
        "--format",
        "virtual",
    ]);
    h.programa(&["set", "II.2.8", "status=completed", "progress=100"]);
    h.programa(&[
        "set",
        "I.1.5",
        "status=ongoing",
        "progress=80",
        "actual_start=2021-06-01",
    ]);
    h.programa(&["set", "II.4.3", "format=hybrid"]);
    h.programa(&["commit", "-m", "June"]);
    let ongoing = h.head();
    h.day("2021-12-15", "Ana Pérez", "ana@sela.example");
    (h, [completed, cancelled, ongoing])
}

fn at<'a>(value: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    path.split('.').fold(value, |v, key| &v[key])
}

fn count(value: &serde_json::Value, path: &str) -> u64 {
    at(value, path)
        .as_u64()
        .unwrap_or_else(|| panic!("{path} is not a count"))
}

#[test]
fn the_report_measures_the_approved_plan_and_counts_additions_apart() {
    let (h, _) = a_year();
    let data = h.report_data(&[]);
    // 34 approved: I.1.1 and II.1.1 completed, I.1.5 ongoing, I.3.1 postponed, II.4.4
    // cancelled; II.2.8 added and completed, apart.
    assert_eq!(count(&data, "summary.approved.total"), 34);
    assert_eq!(count(&data, "summary.approved.completed"), 2);
    assert_eq!(count(&data, "summary.approved.ongoing"), 1);
    assert_eq!(count(&data, "summary.approved.postponed"), 1);
    assert_eq!(count(&data, "summary.approved.cancelled"), 1);
    assert_eq!(count(&data, "summary.approved.not_started"), 29);
    assert_eq!(count(&data, "summary.added.total"), 1);
    assert_eq!(count(&data, "summary.added.completed"), 1);
    assert_eq!(count(&data, "summary.current"), 35);
    assert_eq!(data["summary"]["rate"].as_f64(), Some(5.9));
    // Participants: Peru written three ways is one country, and one organisation in it;
    // Switzerland is not a Member State.
    assert_eq!(count(&data, "summary.participants"), 4);
    assert_eq!(count(&data, "summary.countries"), 3);
    assert_eq!(count(&data, "summary.member_states"), 2);
    assert_eq!(count(&data, "summary.member_states_total"), 25);
    assert_eq!(count(&data, "summary.other_countries"), 1);
    assert_eq!(count(&data, "summary.organisations"), 3);
    let by_country = data["participants"]["by_country"].as_array().expect("rows");
    let peru = by_country
        .iter()
        .find(|r| r["country_code"] == "PE")
        .expect("Peru");
    assert_eq!(
        (count(peru, "participants"), count(peru, "organisations")),
        (2, 1)
    );
    assert_eq!(peru["member_state"], true);

    let area = data["areas"]
        .as_array()
        .and_then(|areas| areas.iter().find(|a| a["code"] == "II"))
        .expect("area II");
    assert_eq!(count(area, "approved.total"), 18);
    assert_eq!(count(area, "approved.completed"), 1);
    assert_eq!(count(area, "added.total"), 1);
    assert_eq!(count(area, "current"), 19);
    assert_eq!(area["activities"].as_array().map(Vec::len), Some(19));

    // Events by format: the approved plan by its own formats, not today's.
    let formats = data["formats"].as_array().expect("formats");
    let row = |key: &str| {
        formats
            .iter()
            .find(|r| r["key"] == key)
            .unwrap_or_else(|| panic!("no {key} row"))
    };
    assert_eq!(count(row("face-to-face"), "approved"), 17);
    assert_eq!(count(row("virtual"), "approved"), 9);
    assert_eq!(count(row("hybrid"), "approved"), 0);
    assert_eq!(count(row("face-to-face"), "current"), 15);
    assert_eq!(count(row("virtual"), "current"), 11);
    assert_eq!(count(row("hybrid"), "current"), 1);
    assert_eq!(count(row("virtual"), "done"), 2);
    assert_eq!(count(&data, "formats_total.approved"), 28);
    assert_eq!(count(&data, "formats_total.current"), 29);
    assert_eq!(count(&data, "kinds_total.approved"), 34);
    assert_eq!(count(&data, "kinds_total.current"), 35);

    let Some((text, _)) = h.pdf(&["compile", "report", "-o", "report.pdf"]) else {
        return;
    };
    let text = normalise(&text);
    for needle in [
        "Of the 34 activities of the approved Work Programme, 2 were completed, an execution rate of 5.9%",
        "In addition, 1 activity was added to the plan after its approval (1 completed)",
        "Member States represented 2 of 25",
        "Other countries represented 1",
        "The approved plan is the baseline “approved-2021”",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not in the report:\n{text}"
        );
    }
    assert!(
        !text.contains("baseline/approved-2021"),
        "the tag name in the prose"
    );
}

#[test]
fn the_changes_table_is_what_baseline_diff_reports() {
    let (h, _) = a_year();
    // A rename too: II.3.3 becomes II.3.4, which `baseline diff` recognises by its title.
    let from = h.path().join("programme/2021/activities/II.3.3.toml");
    let to = h.path().join("programme/2021/activities/II.3.4.toml");
    let text = std::fs::read_to_string(&from).expect("II.3.3");
    std::fs::write(&to, text.replace("code = \"II.3.3\"", "code = \"II.3.4\"")).expect("II.3.4");
    std::fs::remove_file(&from).expect("II.3.3 removed");
    h.programa(&["commit", "-m", "Renumber II.3.3"]);

    let diff: serde_json::Value =
        serde_json::from_str(&h.programa(&["baseline", "diff", "approved-2021", "--json"]))
            .expect("json");
    let summary = &diff["summary"];
    let mut expected = BTreeSet::new();
    let codes = |key: &str| -> Vec<String> {
        summary[key]
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect()
    };
    for (key, kind) in [
        ("added", "added"),
        ("removed", "removed"),
        ("cancelled", "cancelled"),
        ("postponed", "postponed"),
        ("objectives_changed", "objectives-changed"),
    ] {
        for code in codes(key) {
            expected.insert(format!("{kind} {code}"));
        }
    }
    for pair in summary["renamed"].as_array().expect("renamed") {
        expected.insert(format!("renamed {} {} {}", pair[1], pair[0], pair[1]));
    }
    for change in summary["format_changed"].as_array().expect("formats") {
        expected.insert(format!(
            "format-changed {} {} {}",
            change["code"].as_str().unwrap_or_default(),
            change["from"].as_str().unwrap_or("none"),
            change["to"].as_str().unwrap_or("none"),
        ));
    }
    for moved in summary["dates_moved"].as_array().expect("dates") {
        expected.insert(format!(
            "dates-moved {} {} {} {}",
            moved["code"].as_str().unwrap_or_default(),
            moved["field"].as_str().unwrap_or_default(),
            moved["from"].as_str().unwrap_or("none"),
            moved["to"].as_str().unwrap_or("none"),
        ));
    }
    assert!(
        expected.contains("renamed \"II.3.4\" \"II.3.3\" \"II.3.4\""),
        "{expected:?}"
    );

    let data = h.report_data(&[]);
    let value = |v: &serde_json::Value| -> String {
        if v.is_null() {
            return "none".to_string();
        }
        if let Some(word) = v["word"].as_str() {
            return word.to_string();
        }
        if let Some(code) = v["code"].as_str() {
            return format!("\"{code}\"");
        }
        let d = &v["day"];
        format!(
            "{}-{:02}-{:02}",
            d["year"],
            count(d, "month"),
            count(d, "day")
        )
    };
    let mut table = BTreeSet::new();
    for change in data["changes"].as_array().expect("changes") {
        let kind = change["kind"].as_str().expect("kind");
        let code = change["code"].as_str().expect("code");
        table.insert(match kind {
            "renamed" => format!(
                "renamed \"{code}\" {} {}",
                value(&change["from"]),
                value(&change["to"])
            ),
            "format-changed" => format!(
                "format-changed {code} {} {}",
                value(&change["from"]),
                value(&change["to"])
            ),
            "dates-moved" => format!(
                "dates-moved {code} {} {} {}",
                change["field"].as_str().unwrap_or_default(),
                value(&change["from"]),
                value(&change["to"])
            ),
            _ => format!("{kind} {code}"),
        });
    }
    assert_eq!(
        table, expected,
        "the report's changes table and baseline diff"
    );
    // The renamed activity is followed under its new code, not counted removed and added.
    assert_eq!(count(&data, "summary.approved.removed"), 0);
    assert_eq!(count(&data, "summary.added.total"), 1);
}

#[test]
fn the_sources_annex_names_the_commit_behind_every_status() {
    let (h, [completed, cancelled, ongoing]) = a_year();
    let data = h.report_data(&[]);
    let sources = data["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 35);
    let source = |code: &str| {
        sources
            .iter()
            .find(|s| s["code"] == code)
            .unwrap_or_else(|| panic!("no source for {code}"))
    };
    for (code, short, author) in [
        ("I.1.1", &completed, "Luis Gómez"),
        ("II.4.4", &cancelled, "Ana Pérez"),
        ("I.1.5", &ongoing, "Luis Gómez"),
        ("II.2.8", &ongoing, "Luis Gómez"),
    ] {
        let commit = &source(code)["commit"];
        assert_eq!(commit["short"].as_str(), Some(short.as_str()), "{code}");
        assert_eq!(commit["author"].as_str(), Some(author), "{code}");
    }
    // Never moved: the commit that made it, the approved one.
    let first = String::from_utf8_lossy(
        &h.run("git", &["rev-list", "--max-parents=0", "HEAD"])
            .stdout,
    )
    .trim()
    .to_string();
    assert_eq!(
        source("I.1.2")["commit"]["id"].as_str(),
        Some(first.as_str())
    );
    assert_eq!(data["baseline"]["commit"].as_str(), Some(first.as_str()));
    assert_eq!(
        data["revision"]["commit"]["short"].as_str(),
        Some(ongoing.as_str())
    );
    assert_eq!(data["revision"]["uncommitted"], false);

    // A status changed and not yet committed has no commit, and the report says so.
    h.programa(&["set", "I.1.2", "status=ongoing", "progress=10"]);
    let data = h.report_data(&[]);
    let row = data["sources"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["code"] == "I.1.2"))
        .expect("I.1.2");
    assert!(row["commit"].is_null(), "{row}");
    assert_eq!(data["revision"]["uncommitted"], true);

    let Some((text, _)) = h.pdf(&["compile", "report", "-o", "report.pdf"]) else {
        return;
    };
    let text = normalise(&text);
    assert!(text.contains("Annex B. Sources") || text.contains("ANNEX B. SOURCES"));
    assert!(text.contains(&format!(
        "I.1.1 Completed {completed} 26 February 2021 Luis Gómez"
    )));
    assert!(text.contains(&first), "the baseline's commit in full");
}

#[test]
fn a_document_is_dated_by_date_then_its_revision_then_today() {
    let (h, [_, cancelled, _]) = a_year();
    // The data holds dates up to May 2022 (I.3.1's new dates): none of them dates a document.
    let day = |data: &serde_json::Value| {
        let d = &data["date"];
        (count(d, "year"), count(d, "month"), count(d, "day"))
    };
    assert_eq!(day(&h.report_data(&[])), (2021, 12, 15), "today");
    assert_eq!(
        day(&h.report_data(&["--date", "2022-01-20"])),
        (2022, 1, 20),
        "--date"
    );
    assert_eq!(
        day(&h.report_data(&["--at", &cancelled])),
        (2021, 4, 20),
        "the day of the commit reported on"
    );
    assert_eq!(
        day(&h.report_data(&["--at", &cancelled, "--date", "2021-05-02"])),
        (2021, 5, 2),
        "--date before --at"
    );
    let output = h
        .command(
            BIN,
            &["compile", "report", "--date", "2021-13-01", "-o", "x.pdf"],
        )
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2), "a bad date is a usage error");
    assert!(!h.path().join("x.pdf").exists());

    let Some((text, info)) = h.pdf(&["compile", "programme", "-o", "programme.pdf"]) else {
        return;
    };
    assert!(text.contains("15 December 2021"), "the programme's cover");
    assert!(
        !text.contains("19 May 2022"),
        "a date of the data on the cover"
    );
    assert!(info.contains("Dec 15") && info.contains("2021"), "{info}");
    let (text, info) = h
        .pdf(&[
            "compile",
            "report",
            "--lang",
            "es",
            "--date",
            "2022-01-20",
            "-o",
            "r.pdf",
        ])
        .expect("pdftotext");
    assert!(text.contains("20 de enero de 2022"), "the Spanish cover");
    assert!(info.contains("Jan 20") && info.contains("2022"), "{info}");
}

#[test]
fn the_report_has_its_own_document_code() {
    let h = History::new();
    let file = h.path().join("programme/2021/programme.toml");
    let text = std::fs::read_to_string(&file).expect("programme.toml");
    let text = text.replacen(
        "language = \"en\"",
        "document_code = \"SP/CL/XLVI.O/DT N° 2-20\"\nreport_document_code = \"SP/CL/XLVII.O/DI N° 5-21\"\nlanguage = \"en\"",
        1,
    );
    std::fs::write(&file, text).expect("programme.toml");
    h.programa(&["check"]);
    let data = h.report_data(&[]);
    assert_eq!(data["document_code"], "SP/CL/XLVII.O/DI N° 5-21");
    assert_eq!(data["programme_code"], "SP/CL/XLVI.O/DT N° 2-20");
    let Some((report, _)) = h.pdf(&["compile", "report", "-o", "r.pdf"]) else {
        return;
    };
    assert!(report.contains("SP/CL/XLVII.O/DI N° 5-21"), "{report}");
    assert!(
        !report.contains("DT N° 2-20"),
        "the programme's code on the report"
    );
    let (programme, _) = h
        .pdf(&["compile", "programme", "-o", "p.pdf"])
        .expect("pdftotext");
    assert!(programme.contains("SP/CL/XLVI.O/DT N° 2-20"));
    assert!(!programme.contains("DI N° 5-21"));
}

#[test]
fn each_activity_record_holds_what_the_files_record() {
    let (h, _) = a_year();
    // An output, as `programa edit` would add it.
    let file = h.path().join("programme/2021/activities/I.1.4.toml");
    let mut text = std::fs::read_to_string(&file).expect("I.1.4");
    text.push_str(
        "\n[[outputs]]\ntitle = \"Follow-up report on regional integration, 2021\"\ncode = \"SP/DT N° 3-21\"\ndate = \"2021-03-29\"\n",
    );
    std::fs::write(&file, text).expect("I.1.4");
    let data = h.report_data(&[]);
    let record = |code: &str| {
        data["areas"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|a| a["activities"].as_array().into_iter().flatten())
            .find(|a| a["code"] == code)
            .unwrap_or_else(|| panic!("no record of {code}"))
            .clone()
    };
    let i11 = record("I.1.1");
    assert_eq!(i11["venue"]["s"], "Online");
    assert_eq!(i11["format"], "virtual");
    assert_eq!(i11["approved_format"], "face-to-face");
    assert_eq!(i11["participants_total"], 2);
    let countries: BTreeSet<&str> = i11["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert_eq!(countries, BTreeSet::from(["Peru", "Uruguay"]));
    assert_eq!(i11["status_since"]["month"], 2);
    let i14 = record("I.1.4");
    assert_eq!(i14["outputs"][0]["code"], "SP/DT N° 3-21", "{i14}");
    let ii12 = record("II.1.2");
    assert_eq!(ii12["partners"][0], "WHO/PAHO");
    let ii44 = record("II.4.4");
    let notes = ii44["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["reason"], true, "{ii44}");
    assert_eq!(ii44["reason_missing"], false);

    let Some((text, _)) = h.pdf(&["compile", "report", "-o", "report.pdf"]) else {
        return;
    };
    let text = normalise(&text);
    for needle in [
        "Held 24–25 February 2021",
        "Virtual (approved: face-to-face)",
        "Sergio Abreu, ALADI (Uruguay), speaker",
        "Held online with 14 delegations.",
        "The committee met online and agreed a work plan.",
        "Cancelled: the co-organiser withdrew its funding.",
        "Postponed at the request of the host.",
        "Started 1 June 2021",
        "Ongoing, 80% (recorded on 1 June 2021)",
        "Follow-up report on regional integration, 2021 (SP/DT N° 3-21, 29 March 2021)",
        "Partner organisations WHO/PAHO, UNDRR, OCHA",
        "Regional dialogue on vaccine logistics (added since approval)",
    ] {
        assert!(text.contains(needle), "{needle:?} not in the report");
    }
    assert!(
        !text.contains("Held 1 June 2021"),
        "an ongoing activity read as held"
    );

    // A cancellation with no note says that no reason is recorded.
    h.programa(&["set", "II.4.2", "status=cancelled"]);
    let data = h.report_data(&[]);
    let ii42 = data["areas"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|a| a["activities"].as_array().into_iter().flatten())
        .find(|a| a["code"] == "II.4.2")
        .expect("II.4.2");
    assert_eq!(ii42["reason_missing"], true);
}

/// The text with runs of white space (pdftotext's layout, line breaks) made one space, and
/// hyphenation at line ends undone.
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        match out.strip_suffix('\u{ad}') {
            Some(kept) => out.truncate(kept.len()),
            None if !out.is_empty() => out.push(' '),
            None => {}
        }
        out.push_str(word);
    }
    out
}

#[test]
fn a_refused_baseline_or_revision_is_named_in_the_interface_s_language() {
    let h = History::new();
    let file = h.path().join("programme/2021/activities/I.1.1.toml");
    let text = std::fs::read_to_string(&file).expect("I.1.1");
    std::fs::write(&file, text.replace("progress = 0", "progress = 150")).expect("writes");
    h.run("git", &["add", "-A"]);
    h.run("git", &["commit", "-q", "-m", "A broken approval"]);
    let broken = h.head();
    h.programa(&["baseline", "set", "approved-2021"]);
    std::fs::write(&file, text).expect("writes");
    h.run("git", &["commit", "-q", "-am", "Fixed"]);

    let refused = |args: &[&str]| {
        let output = h
            .command(BIN, args)
            .env("PROGRAMA_LANG", "es")
            .output()
            .expect("runs");
        assert!(!output.status.success(), "{args:?} compiled");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let baseline = refused(&["compile", "report", "--baseline", "approved-2021"]);
    assert!(
        baseline.contains("el programa de 2021 de la línea de base `approved-2021` tiene 1 error"),
        "{baseline}"
    );
    let at = refused(&["compile", "report", "--at", &broken]);
    assert!(
        at.contains(&format!("el programa de 2021 en {broken} tiene")),
        "{at}"
    );
    assert!(!at.contains(" at ") && !baseline.contains("of the baseline"));
}
