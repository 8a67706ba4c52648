//! The editing commands (`set`, `participant add`, `note`, `new`, `edit`), run as the real
//! binary on a copy of the small fixture programme: each test checks the exact text left on
//! disk, and that a refused edit leaves the file byte for byte as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use programa::store::{self, Workspace};

use crate::support::copy_dir;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// A copy of the fixture programme in a temporary folder, and a way to run the binary on it.
struct Env {
    dir: tempfile::TempDir,
}

/// What a run of the binary did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Env {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        copy_dir(Path::new(FIXTURE), dir.path());
        std::fs::create_dir(dir.path().join("tmp")).expect("a folder for drafts");
        Env { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn path(&self, code: &str) -> PathBuf {
        self.root()
            .join("programme/2021/activities")
            .join(format!("{code}.toml"))
    }

    fn read(&self, code: &str) -> String {
        std::fs::read_to_string(self.path(code)).expect("the activity file")
    }

    fn write(&self, code: &str, text: &str) {
        std::fs::write(self.path(code), text).expect("writes the activity file");
    }

    /// Runs `programa ARGS` with no editor, today pinned to 2021-06-20, no terminal on stdin,
    /// and temporary files kept inside the test's folder.
    fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = crate::support::programa();
        command
            .arg("--root")
            .arg(self.root())
            .args(args)
            .env("EDITOR", "false")
            .env("TMPDIR", self.root().join("tmp"))
            .stdin(Stdio::null());
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.output().expect("runs programa");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Loads the year through the library and asserts it reads without findings.
    fn load_cleanly(&self) -> store::Loaded {
        let loaded = store::load(&Workspace::at(self.root()), 2021).expect("loads");
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        loaded
    }
}

/// The lines that differ between two texts of the same number of lines, as (old, new) pairs.
fn changed_lines<'a>(old: &'a str, new: &'a str) -> Vec<(&'a str, &'a str)> {
    let (old, new): (Vec<_>, Vec<_>) = (old.lines().collect(), new.lines().collect());
    assert_eq!(old.len(), new.len(), "the number of lines changed");
    old.into_iter().zip(new).filter(|(a, b)| a != b).collect()
}

/// I.1.1 with a comment line and a trailing comment added, as a person might have written.
fn commented_i_1_1(env: &Env) -> String {
    let text = env
        .read("I.1.1")
        .replace(
            "status = \"completed\"\n",
            "# status follows the Council's decision\nstatus = \"completed\"  # confirmed in June\n",
        )
        .replace("venue = ", "venue   =   ");
    env.write("I.1.1", &text);
    text
}

#[test]
fn set_changes_only_its_lines_and_keeps_comments() {
    let env = Env::new();
    let before = commented_i_1_1(&env);
    let run = env.run(&["set", "I.1.1", "status=ongoing", "progress=80"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = env.read("I.1.1");
    assert_eq!(
        changed_lines(&before, &after),
        [
            (
                "status = \"completed\"  # confirmed in June",
                "status = \"ongoing\"  # confirmed in June"
            ),
            ("progress = 100", "progress = 80"),
        ]
    );
    assert!(after.contains("# status follows the Council's decision\n"));
    assert!(after.contains("venue   =   \"Caracas, Venezuela\"\n"));
    insta::assert_snapshot!("set_status_and_progress", run.stdout);
    env.load_cleanly();
}

#[test]
fn the_account_is_set_shown_and_removed_like_any_key() {
    let env = Env::new();
    let before = env.read("I.1.1");
    let account = "Agreed a work plan with 14 delegations.";
    let run = env.run(&["set", "I.1.1", &format!("account={account}")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "I.1.1: account added\n");
    let after = env.read("I.1.1");
    let venue = before
        .lines()
        .find(|l| l.starts_with("venue"))
        .expect("a venue");
    assert_eq!(
        after,
        before.replace(
            &format!("{venue}\n"),
            &format!("{venue}\naccount = \"{account}\"\n")
        ),
        "the account goes after the venue, and nothing else changes"
    );
    let loaded = env.load_cleanly();
    let activity = loaded.plan.activity("I.1.1").expect("I.1.1");
    assert_eq!(activity.account.as_deref(), Some(account));
    let shown = env.run(&["show", "I.1.1"]);
    assert!(
        shown.stdout.contains("Account\n   Agreed a work plan"),
        "{}",
        shown.stdout
    );
    let run = env.run(&["set", "I.1.1", "account="]);
    assert_eq!(run.stdout, "I.1.1: account removed\n");
    assert_eq!(env.read("I.1.1"), before);
}

#[test]
fn set_inserts_new_keys_at_their_place_and_removes_empty_ones() {
    let env = Env::new();
    let before = env.read("I.2.1");
    let run = env.run(&[
        "set",
        "I.2.1",
        "venue=Online",
        "actual_end=2021-09-02",
        "actual_start=2021-09-01",
        "format=none",
        "partners=CAF, UNCTAD",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = before
        .replace("format = \"virtual\"\n", "")
        .replace(
            "planned_end = \"2021-09-02\"\n",
            "planned_end = \"2021-09-02\"\nactual_start = \"2021-09-01\"\nactual_end = \"2021-09-02\"\nvenue = \"Online\"\n",
        )
        .replace(
            "audience = \"National authorities responsible for economic policy.\"\n",
            "audience = \"National authorities responsible for economic policy.\"\npartners = [\n    \"CAF\",\n    \"UNCTAD\",\n]\n",
        );
    assert_eq!(env.read("I.2.1"), expected);
    insta::assert_snapshot!("set_new_keys", run.stdout);

    let run = env.run(&["set", "I.2.1", "venue=", "partners+=ALADI", "partners-=CAF"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = expected.replace("venue = \"Online\"\n", "").replace(
        "    \"CAF\",\n    \"UNCTAD\",\n",
        "    \"UNCTAD\",\n    \"ALADI\",\n",
    );
    assert_eq!(env.read("I.2.1"), expected);
    assert_eq!(
        run.stdout,
        "I.2.1: venue “Online” cleared\nI.2.1: partners + ALADI\nI.2.1: partners − CAF\n"
    );
    env.load_cleanly();
}

#[test]
fn set_with_the_same_values_writes_nothing() {
    let env = Env::new();
    let before = commented_i_1_1(&env);
    let run = env.run(&["set", "I.1.1", "status=completed", "partners=ALADI,CAF"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "I.1.1: no changes\n");
    assert_eq!(env.read("I.1.1"), before);
}

#[test]
fn set_refuses_invalid_values_and_leaves_the_file_as_it_was() {
    let env = Env::new();
    let before = commented_i_1_1(&env);
    let cases = [
        (
            "status=done",
            "`done` is not one of planned, ongoing, completed",
        ),
        ("progress=101", "is not a whole percentage from 0 to 100"),
        ("progress=-1", "is not a whole percentage from 0 to 100"),
        ("planned_end=2021-02-30", "expected YYYY-MM-DD"),
        ("kind=", "is not one of event, study, other"),
        ("title=", "an activity needs a title"),
        ("format=online", "or empty (or `none`) to remove it"),
        ("background=More.", "`programa edit CODE`"),
        ("participants=x", "`programa participant add`"),
        ("code=I.1.9", "`programa new`"),
        ("status", "is not KEY=VALUE"),
        ("status+=ongoing", "works on lists only"),
        (
            "partners-=UNCTAD",
            "`UNCTAD` is not in partners (ALADI, CAF)",
        ),
    ];
    for (arg, message) in cases {
        let run = env.run(&["set", "I.1.1", arg]);
        assert_eq!(run.code, 1, "{arg}: {}", run.stdout);
        assert!(run.stderr.contains(message), "{arg}: {}", run.stderr);
        assert_eq!(env.read("I.1.1"), before, "{arg}");
    }
    let run = env.run(&["set", "I.1.1", "stauts=ongoing"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("set_unknown_key", run.stderr);
}

#[test]
fn set_applies_all_its_changes_or_none() {
    let env = Env::new();
    let before = env.read("I.1.1");
    for args in [
        ["status=ongoing", "progress=abc"],
        ["progress=50", "progress=60"],
        ["partners=CAF", "partners+=ALADI"],
    ] {
        let run = env.run(&["set", "I.1.1", args[0], args[1]]);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert_eq!(env.read("I.1.1"), before, "{args:?}");
    }
    // A list edit that fails after an earlier one applied in memory: still nothing written.
    let run = env.run(&["set", "I.1.1", "status=ongoing", "partners-=UNCTAD"]);
    assert_eq!(run.code, 1);
    assert_eq!(env.read("I.1.1"), before);
}

#[test]
fn unknown_codes_and_unreadable_files_are_refused() {
    let env = Env::new();
    let run = env.run(&["set", "I.1.3", "status=ongoing"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error: there is no activity I.1.3"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: did you mean I.1."),
        "{}",
        run.stderr
    );

    let broken = env
        .read("I.1.2")
        .replace("status = \"ongoing\"", "status = ongoing");
    env.write("I.1.2", &broken);
    for args in [
        &["set", "I.1.2", "status=completed"][..],
        &["note", "I.1.2", "Draft ready."],
        &[
            "participant",
            "add",
            "I.1.2",
            "--organisation",
            "CAF",
            "--country",
            "Peru",
            "--role",
            "speaker",
        ],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 1, "{args:?}");
        assert!(run.stderr.contains("toml-syntax"), "{}", run.stderr);
        assert!(run.stderr.contains("cannot be read"), "{}", run.stderr);
        assert!(run.stderr.contains("`programa check`"), "{}", run.stderr);
        assert_eq!(env.read("I.1.2"), broken);
    }
}

#[test]
fn participant_add_appends_after_the_existing_participants() {
    let env = Env::new();
    let before = commented_i_1_1(&env);
    let run = env.run(&[
        "participant",
        "add",
        "I.1.1",
        "--organisation",
        "CAF",
        "--country",
        "Venezuela",
        "--role",
        "organiser",
        "--name",
        "Luis Gómez",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = before.replace(
        "[[notes]]\n",
        "[[participants]]\nname = \"Luis Gómez\"\norganisation = \"CAF\"\ncountry = \"VE\"\nrole = \"organiser\"\n\n[[notes]]\n",
    );
    assert_eq!(env.read("I.1.1"), expected);
    insta::assert_snapshot!("participant_add", run.stdout);
    let loaded = env.load_cleanly();
    let activity = loaded.plan.activity("I.1.1").expect("I.1.1");
    assert_eq!(activity.participants.len(), 3);
}

#[test]
fn participant_add_starts_the_list_where_the_model_has_it() {
    let env = Env::new();
    let before = env.read("I.1.1");
    let start = before.find("[[participants]]").expect("participants");
    let end = before.find("[[notes]]").expect("notes");
    let without = format!("{}{}", &before[..start], &before[end..]);
    env.write("I.1.1", &without);
    let run = env.run(&[
        "participant",
        "add",
        "I.1.1",
        "--organisation",
        "ALADI",
        "--country",
        "Uruguay",
        "--role",
        "speaker",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = without.replace(
        "[[notes]]\n",
        "[[participants]]\norganisation = \"ALADI\"\ncountry = \"UY\"\nrole = \"speaker\"\n\n[[notes]]\n",
    );
    assert_eq!(env.read("I.1.1"), expected);
}

#[test]
fn participant_roles_come_from_the_vocabulary() {
    let env = Env::new();
    let before = env.read("I.1.1");
    let run = env.run(&[
        "participant",
        "add",
        "I.1.1",
        "--organisation",
        "CAF",
        "--country",
        "Peru",
        "--role",
        "boss",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("[possible values: participant, speaker, moderator, organiser, observer]"),
        "{}",
        run.stderr
    );
    let run = env.run(&[
        "participant",
        "add",
        "I.1.1",
        "--organisation",
        " ",
        "--country",
        "Peru",
        "--role",
        "speaker",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("invalid value for `organisation`"),
        "{}",
        run.stderr
    );
    assert_eq!(env.read("I.1.1"), before);
}

#[test]
fn note_is_dated_today_or_as_given() {
    let env = Env::new();
    let before = env.read("I.1.2");
    let run = env.run(&["note", "I.1.2", "Draft sent for review."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "I.1.2: note of 2021-06-20 added: “Draft sent for review.”\n"
    );
    let run = env.run(&[
        "note",
        "I.1.2",
        "Comments received.",
        "--date",
        "2021-07-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = format!(
        "{before}\n[[notes]]\ndate = \"2021-06-20\"\ntext = \"Draft sent for review.\"\n\n[[notes]]\ndate = \"2021-07-01\"\ntext = \"Comments received.\"\n"
    );
    assert_eq!(env.read("I.1.2"), expected);
    env.load_cleanly();

    let run = env.run_with(&["note", "I.1.2", "x"], &[("PROGRAMA_TODAY", "2021-13-01")]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("PROGRAMA_TODAY=2021-13-01 is not a date"),
        "{}",
        run.stderr
    );
    let run = env.run(&["note", "I.1.2", "x", "--date", "2021-02-30"]);
    assert_eq!(run.code, 2);
    assert_eq!(env.read("I.1.2"), expected);
}

#[test]
fn new_takes_the_next_code_and_does_not_fill_gaps() {
    let env = Env::new();
    // I.1.2 becomes I.1.5: the project now has I.1.1 and I.1.5, and the next is I.1.6.
    let moved = env
        .read("I.1.2")
        .replace("code = \"I.1.2\"", "code = \"I.1.5\"");
    std::fs::remove_file(env.path("I.1.2")).expect("removes I.1.2");
    env.write("I.1.5", &moved);

    let run = env.run(&[
        "new",
        "--project",
        "I.1",
        "--title",
        "Regional forum on integration",
        "--format",
        "hybrid",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("new", run.stdout);
    assert_eq!(
        env.read("I.1.6"),
        "code = \"I.1.6\"\nproject = \"I.1\"\ntitle = \"Regional forum on integration\"\nkind = \"event\"\nformat = \"hybrid\"\nstatus = \"planned\"\nprogress = 0\nbackground = \"\"\n"
    );
    let run = env.run(&[
        "new",
        "--project",
        "I.1",
        "--title",
        "A study",
        "--kind",
        "study",
    ]);
    assert_eq!(
        run.stdout,
        "I.1.7: created programme/2021/activities/I.1.7.toml\n"
    );
    let loaded = env.load_cleanly();
    let study = loaded.plan.activity("I.1.7").expect("the new study");
    assert_eq!(
        (study.title.as_str(), study.kind.as_str()),
        ("A study", "study")
    );
}

#[test]
fn new_needs_a_known_project_and_a_title() {
    let env = Env::new();
    let run = env.run(&["new", "--project", "I.3", "--title", "Something"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("there is no project I.3"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("the projects are I.1, I.2, II.3"),
        "{}",
        run.stderr
    );
    let run = env.run(&["new", "--project", "I.1", "--title", "  "]);
    assert_eq!(run.code, 1);
    assert!(!env.path("I.1.3").exists());
}

#[test]
fn edit_saves_a_valid_change() {
    let env = Env::new();
    let before = env.read("I.2.1");
    let editor = r#"sed -i 's/^status = "planned"/status = "ongoing"/'"#;
    let run = env.run_with(&["edit", "I.2.1"], &[("EDITOR", editor)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        env.read("I.2.1"),
        before.replace("status = \"planned\"", "status = \"ongoing\"")
    );
    insta::assert_snapshot!("edit_valid", run.stdout);
    assert_eq!(
        std::fs::read_dir(env.root().join("tmp"))
            .expect("tmp")
            .count(),
        0
    );
}

#[test]
fn edit_prefers_visual_and_reports_no_changes() {
    let env = Env::new();
    let before = env.read("I.2.1");
    let run = env.run_with(
        &["edit", "I.2.1"],
        &[("VISUAL", "true"), ("EDITOR", "false")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "I.2.1: no changes\n");
    assert_eq!(env.read("I.2.1"), before);
    assert_eq!(
        std::fs::read_dir(env.root().join("tmp"))
            .expect("tmp")
            .count(),
        0
    );
}

#[test]
fn edit_does_not_save_over_a_file_changed_while_the_editor_was_open() {
    let env = Env::new();
    // The "editor" is another writer changing the file, then the user changing the copy: the
    // other writer's change must survive, and the user's text be kept.
    let editor = format!(
        "'{}' --root '{}' set I.2.1 progress=10 >/dev/null; sed -i 's/^status = \"planned\"/status = \"ongoing\"/'",
        crate::support::BIN,
        env.root().display()
    );
    let run = env.run_with(&["edit", "I.2.1"], &[("EDITOR", &editor)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "programme/2021/activities/I.2.1.toml was changed by someone else while you edited it"
        ),
        "{}",
        run.stderr
    );
    let after = env.read("I.2.1");
    assert!(after.contains("progress = 10"), "{after}");
    assert!(after.contains("status = \"planned\""), "{after}");
    let kept = run
        .stderr
        .lines()
        .find_map(|line| line.strip_prefix("hint: your text is kept in "))
        .unwrap_or_else(|| panic!("no kept path in {}", run.stderr));
    let kept = std::fs::read_to_string(kept).expect("the kept text");
    assert!(kept.contains("status = \"ongoing\""), "{kept}");
}

#[test]
fn edit_refuses_invalid_text_and_keeps_it_for_the_user() {
    let env = Env::new();
    let before = env.read("I.2.1");
    for editor in [
        "sed -i 's/^progress = 0/progress = 400/'",
        "sed -i 's/^code = \"I.2.1\"/code = \"I.2.9\"/'",
        "sed -i 's/^status = \"planned\"/status = planned/'",
    ] {
        let run = env.run_with(&["edit", "I.2.1"], &[("EDITOR", editor)]);
        assert_eq!(run.code, 1, "{editor}");
        assert_eq!(env.read("I.2.1"), before, "{editor}");
        let kept = run
            .stderr
            .lines()
            .find_map(|line| line.strip_prefix("hint: your text is kept in "))
            .unwrap_or_else(|| panic!("no kept path in {}", run.stderr));
        let kept = std::fs::read_to_string(kept).expect("the kept text");
        assert_ne!(kept, before, "{editor}");
        assert_eq!(kept.lines().count(), before.lines().count(), "{editor}");
        assert!(
            run.stderr.contains(
                "the edited text is not valid; programme/2021/activities/I.2.1.toml was not changed"
            ),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn edit_fixes_a_file_that_does_not_parse() {
    let env = Env::new();
    let fixed = env.read("I.2.1");
    env.write(
        "I.2.1",
        &fixed.replace("status = \"planned\"", "status = planned"),
    );
    let editor = "sed -i 's/^status = planned/status = \"planned\"/'";
    let run = env.run_with(&["edit", "I.2.1"], &[("EDITOR", editor)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(env.read("I.2.1"), fixed);
}

#[test]
fn edit_stops_when_the_editor_fails() {
    let env = Env::new();
    let before = env.read("I.2.1");
    let run = env.run(&["edit", "I.2.1"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("the editor `false` failed"),
        "{}",
        run.stderr
    );
    assert_eq!(env.read("I.2.1"), before);
}

/// On a terminal, `edit` asks to reopen the editor after a rejected save. util-linux `script`
/// provides the terminal; where it is missing the test has nothing to run.
#[test]
fn edit_reopens_the_editor_when_asked_on_a_terminal() {
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        return;
    }
    let env = Env::new();
    let before = env.read("I.2.1");
    // The first run breaks the file, the second repairs it to another value.
    let editor = env.root().join("editor.sh");
    let marker = env.root().join("opened-once");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nif [ -f '{m}' ]; then sed -i 's/^progress = 400/progress = 40/' \"$1\"; \
             else touch '{m}'; sed -i 's/^progress = 0/progress = 400/' \"$1\"; fi\n",
            m = marker.display()
        ),
    )
    .expect("writes the editor script");
    let command = format!(
        "'{}' --root '{}' edit I.2.1",
        crate::support::BIN,
        env.root().display()
    );
    let mut child = crate::support::in_pinned_env("script")
        .args(["-qec", &command, "/dev/null"])
        .env("EDITOR", format!("sh '{}'", editor.display()))
        .env("TMPDIR", env.root().join("tmp"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs script");
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(b"y\n").expect("answers");
    }
    let output = child.wait_with_output().expect("waits");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("reopen the editor? [Y/n]"), "{stdout}");
    assert!(stdout.contains("I.2.1: progress 0% → 40%"), "{stdout}");
    assert_eq!(
        env.read("I.2.1"),
        before.replace("progress = 0", "progress = 40")
    );
}

#[test]
fn participants_are_listed_corrected_and_removed_by_number_or_name() {
    let env = Env::new();
    let original = env.read("I.1.1");
    let list = env.run(&["participant", "list", "I.1.1"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert_eq!(
        list.stdout,
        "  1. ALADI (Uruguay), speaker\n  2. Ana Pérez, Ministry of Foreign Affairs (Peru), participant\n"
    );

    // A correction changes only the lines of the fields given.
    let edit = env.run(&[
        "participant",
        "edit",
        "I.1.1",
        "ana perez",
        "--role",
        "moderator",
    ]);
    assert_eq!(edit.code, 0, "{}", edit.stderr);
    assert_eq!(
        changed_lines(&original, &env.read("I.1.1")),
        [("role = \"participant\"", "role = \"moderator\"")]
    );
    let edit = env.run(&[
        "participant",
        "edit",
        "I.1.1",
        "2",
        "--name",
        "",
        "--country",
        "Chile",
    ]);
    assert_eq!(edit.code, 0, "{}", edit.stderr);
    let text = env.read("I.1.1");
    assert!(!text.contains("Ana Pérez"), "{text}");
    assert!(text.contains("organisation = \"Ministry of Foreign Affairs\"\ncountry = \"CL\"\nrole = \"moderator\"\n"), "{text}");

    // Removing the first leaves the second as it was.
    let remove = env.run(&["participant", "remove", "I.1.1", "ALADI"]);
    assert_eq!(remove.code, 0, "{}", remove.stderr);
    let text = env.read("I.1.1");
    assert!(!text.contains("organisation = \"ALADI\""), "{text}");
    assert_eq!(text.matches("[[participants]]").count(), 1, "{text}");
    env.load_cleanly();

    // What names no one, or a number out of range, changes nothing and says what there is.
    let before = env.read("I.1.1");
    let none = env.run(&["participant", "remove", "I.1.1", "OEA"]);
    assert_eq!(none.code, 1);
    assert!(
        none.stderr.contains("none of the participants is `OEA`"),
        "{}",
        none.stderr
    );
    assert!(
        none.stderr.contains("programa participant list I.1.1"),
        "{}",
        none.stderr
    );
    let far = env.run(&["participant", "remove", "I.1.1", "5"]);
    assert_eq!(far.code, 1);
    assert!(
        far.stderr.contains("no number 5: there is 1"),
        "{}",
        far.stderr
    );
    assert_eq!(env.read("I.1.1"), before);

    // The last one removed takes the list out.
    let remove = env.run(&["participant", "remove", "I.1.1", "1"]);
    assert_eq!(remove.code, 0, "{}", remove.stderr);
    assert!(!env.read("I.1.1").contains("[[participants]]"));
    let empty = env.run(&["participant", "list", "I.1.1"]);
    assert_eq!(empty.stdout, "I.1.1 has no participants\n");
}

#[test]
fn notes_are_listed_by_date_corrected_and_removed() {
    let env = Env::new();
    for (date, text) in [
        ("2021-07-01", "Report sent."),
        ("2021-05-02", "Invitations out."),
    ] {
        let run = env.run(&["note", "I.1.1", text, "--date", date]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let list = env.run(&["note", "list", "I.1.1"]);
    assert_eq!(
        list.stdout,
        "  1. 2021-05-02  Invitations out.\n  2. 2021-06-16  Held in Caracas with 14 delegations.\n  3. 2021-07-01  Report sent.\n"
    );
    // Number 1 by date is the last one in the file.
    let edit = env.run(&["note", "edit", "I.1.1", "1", "--text", "Invitations sent."]);
    assert_eq!(edit.code, 0, "{}", edit.stderr);
    let text = env.read("I.1.1");
    assert!(
        text.ends_with("[[notes]]\ndate = \"2021-05-02\"\ntext = \"Invitations sent.\"\n"),
        "{text}"
    );
    let remove = env.run(&["note", "remove", "I.1.1", "2021-06-16"]);
    assert_eq!(remove.code, 0, "{}", remove.stderr);
    let text = env.read("I.1.1");
    assert!(!text.contains("Held in Caracas"), "{text}");
    assert_eq!(text.matches("[[notes]]").count(), 2);
    let nothing = env.run(&["note", "edit", "I.1.1", "1"]);
    assert_eq!(nothing.code, 1);
    // `note CODE TEXT` still adds a note.
    let add = env.run(&["note", "I.1.2", "Draft ready."]);
    assert_eq!(add.code, 0, "{}", add.stderr);
    env.load_cleanly();
}

#[test]
fn outputs_are_added_listed_and_removed() {
    let env = Env::new();
    let original = env.read("I.1.2");
    let add = env.run(&[
        "output",
        "add",
        "I.1.2",
        "--title",
        "Final report",
        "--document-code",
        "SP/CL/XLVI.O/DT N° 2-21",
        "--date",
        "2021-09-30",
    ]);
    assert_eq!(add.code, 0, "{}", add.stderr);
    let text = env.read("I.1.2");
    assert!(text.ends_with("[[outputs]]\ntitle = \"Final report\"\ncode = \"SP/CL/XLVI.O/DT N° 2-21\"\ndate = \"2021-09-30\"\n"), "{text}");
    let list = env.run(&["output", "list", "I.1.2"]);
    assert_eq!(
        list.stdout,
        "  1. Final report, SP/CL/XLVI.O/DT N° 2-21, 2021-09-30\n"
    );
    let remove = env.run(&["output", "remove", "I.1.2", "final report"]);
    assert_eq!(remove.code, 0, "{}", remove.stderr);
    assert_eq!(env.read("I.1.2"), original, "back to the byte");
    let empty = env.run(&["output", "add", "I.1.2", "--title", " "]);
    assert_eq!(empty.code, 1);
    assert_eq!(env.read("I.1.2"), original);
}
