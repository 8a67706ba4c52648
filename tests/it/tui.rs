//! The full-screen interface without a terminal: state updates driven by keys, edits checked on
//! disk, and every view and dialog drawn into a test backend and compared with its snapshot.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use programa::cli::GitServices;
use programa::model::{Date, Status};
use programa::store::{self, Workspace};
use programa::tui::app::{Focus, Overlay, Pane};
use programa::tui::load::{self, ReadEvent};
use programa::tui::services::{Job, JobEvent, run_job};
use programa::tui::tree::haystack;
use programa::tui::{
    Action, ActivityHistory, App, Document, EditorOutcome, Effect, HistoryEntry, KeyMap, Progress,
    Scope, Services, Unavailable,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::{copy_dir, stdout_of};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// A copy of the fixture programme and an interface on it.
struct Env {
    dir: tempfile::TempDir,
    app: App,
}

impl Env {
    fn new() -> Env {
        Env::sized(100, 30)
    }

    fn sized(width: u16, height: u16) -> Env {
        Env::with_keys(width, height, KeyMap::default())
    }

    fn with_keys(width: u16, height: u16, keys: KeyMap) -> Env {
        let dir = tempfile::tempdir().expect("a temporary folder");
        copy_dir(Path::new(FIXTURE), dir.path());
        let app = open(dir.path(), keys, (width, height));
        Env { dir, app }
    }

    fn path(&self, code: &str) -> PathBuf {
        self.dir
            .path()
            .join("programme/2021/activities")
            .join(format!("{code}.toml"))
    }

    fn read(&self, code: &str) -> String {
        std::fs::read_to_string(self.path(code)).expect("the activity file")
    }

    fn fixture(code: &str) -> String {
        std::fs::read_to_string(
            Path::new(FIXTURE)
                .join("programme/2021/activities")
                .join(format!("{code}.toml")),
        )
        .expect("the fixture file")
    }

    /// Presses keys written as text: each character is a key, `<name>` a named one.
    /// Presses `keys`; the checks they ask for run at once, as the background thread would
    /// run them; the other effects are returned.
    fn keys(&mut self, keys: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        for key in parse_keys(keys) {
            let mut asked = self.app.update(Action::Key(key));
            while let Some(at) = asked.iter().position(|e| matches!(e, Effect::Check(_))) {
                let check_effect = asked.remove(at);
                asked.extend(check(&mut self.app, &[check_effect]));
            }
            effects.extend(asked);
        }
        effects
    }

    fn draw(&self) -> String {
        draw(&self.app)
    }

    fn selected_code(&self) -> Option<String> {
        self.app.activity().map(|a| a.code.clone())
    }
}

fn open(root: &Path, keys: KeyMap, size: (u16, u16)) -> App {
    let workspace = Workspace::at(root);
    let loaded = store::load(&workspace, 2021).expect("the programme loads");
    let mut app = App::new(
        Scope {
            workspace,
            year: 2021,
        },
        loaded,
        keys,
        size,
    );
    app.today = Date::from_ymd(2021, 6, 20);
    app
}

fn parse_keys(text: &str) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|c| *c != '>').collect();
        let code = match name.as_str() {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "bs" => KeyCode::Backspace,
            "pgdn" => KeyCode::PageDown,
            "clear" => {
                keys.push(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
                continue;
            }
            "ctrl-r" => {
                keys.push(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
                continue;
            }
            other => panic!("unknown key <{other}>"),
        };
        keys.push(KeyEvent::new(code, KeyModifiers::NONE));
    }
    keys
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
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// The lines of `after` that are not in `before`, and those of `before` gone from `after`.
fn diff(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let added = new
        .iter()
        .filter(|l| !old.contains(l))
        .map(|l| l.to_string())
        .collect();
    let removed = old
        .iter()
        .filter(|l| !new.contains(l))
        .map(|l| l.to_string())
        .collect();
    (added, removed)
}

/// Services that answer from fixed data, recording commits.
#[derive(Default)]
struct Fake {
    committed: Mutex<Vec<String>>,
}

impl Services for Fake {
    fn history(&self, _: &Scope, code: &str) -> Result<ActivityHistory, String> {
        let entries = vec![
            HistoryEntry {
                when: "2021-06-16 10:42".into(),
                who: "Ana Pérez".into(),
                commit: "3f2a9c1".into(),
                changes: vec![
                    format!("{code}: status ongoing → completed"),
                    "progress 60 → 100".into(),
                ],
            },
            HistoryEntry {
                when: "2021-03-02 09:10".into(),
                who: "Luis Gómez".into(),
                commit: "a81e004".into(),
                changes: vec!["status planned → ongoing".into()],
            },
        ];
        Ok(ActivityHistory {
            trajectory: Vec::new(),
            entries,
        })
    }

    fn uncommitted(&self, _: &Scope) -> Result<Vec<String>, String> {
        Ok(vec![
            "I.1.2 Follow-up report on regional integration".into(),
            "  status ongoing → completed".into(),
            "  notes + 2021-06-20, Draft sent to the Council".into(),
        ])
    }

    fn commit_message(&self, _: &Scope) -> Result<Option<String>, String> {
        Ok(Some(
            "I.1.2: completed\n\n- status ongoing → completed\n- one note added".into(),
        ))
    }

    fn commit(&self, _: &Scope, message: &str) -> Result<String, String> {
        self.committed
            .lock()
            .map_err(|e| e.to_string())?
            .push(message.to_string());
        Ok("9c0ffee".into())
    }

    fn compile(
        &self,
        _: &Scope,
        document: Document,
        progress: &mut dyn FnMut(String),
    ) -> Result<PathBuf, String> {
        progress("collecting 5 activities".into());
        progress("laying out 12 pages".into());
        Ok(PathBuf::from(match document {
            Document::Programme => "out/programme-2021.pdf",
            Document::Report => "out/report-2021.pdf",
        }))
    }
}

/// Carries out `effects` the way the event loop does, with `services` answering jobs at once.
fn run_effects(app: &mut App, services: &dyn Services, effects: Vec<Effect>) {
    let scope = app.scope.clone();
    let mut pending = effects;
    while let Some(effect) = pending.pop() {
        if let Effect::Start(job) = effect {
            let mut steps = Vec::new();
            let outcome = run_job(services, &scope, job, &mut |s| steps.push(s));
            for step in steps {
                pending.extend(app.update(Action::Job(JobEvent::Progress(step))));
            }
            pending.extend(app.update(Action::Job(JobEvent::Done(outcome))));
        }
    }
}

#[test]
fn first_view_selects_the_first_activity() {
    let env = Env::new();
    assert_eq!(env.selected_code().as_deref(), Some("I.1.1"));
    insta::assert_snapshot!("main_100x30", env.draw());
}

#[test]
fn the_smallest_terminal_is_usable() {
    let env = Env::sized(80, 24);
    insta::assert_snapshot!("main_80x24", env.draw());
}

#[test]
fn moving_collapsing_and_opening() {
    let mut env = Env::new();
    env.keys("j");
    assert_eq!(env.selected_code().as_deref(), Some("I.1.2"));
    env.keys("jj");
    assert_eq!(env.selected_code().as_deref(), Some("I.2.1"));
    // Left goes to the parent project, then collapses it.
    env.keys("h");
    assert_eq!(env.selected_code(), None);
    let rows = env.app.rows.len();
    env.keys("h");
    assert_eq!(env.app.rows.len(), rows - 1);
    insta::assert_snapshot!("collapsed_project", env.draw());
    env.keys("l");
    assert_eq!(env.app.rows.len(), rows);
    env.keys("G");
    assert_eq!(env.selected_code().as_deref(), Some("II.3.2"));
    env.keys("<enter>");
    assert_eq!(env.app.focus, Focus::Pane);
    env.keys("j<esc>");
    assert_eq!(env.app.focus, Focus::Tree);
    assert_eq!(env.keys("q"), vec![Effect::Quit]);
}

#[test]
fn detail_pane_scrolls_to_every_section() {
    let mut env = Env::sized(80, 24);
    env.keys("<tab>");
    assert_eq!(env.app.focus, Focus::Pane);
    env.keys("<pgdn>");
    let scrolled = env.app.pane_scroll;
    assert!(scrolled > 0);
    // Scrolling stops at the end: more PageDowns change nothing.
    env.keys("<pgdn><pgdn><pgdn><pgdn><pgdn><pgdn>");
    let end = env.app.pane_scroll;
    env.keys("<pgdn>");
    assert_eq!(env.app.pane_scroll, end);
    let screen = env.draw();
    assert!(screen.contains("Notes (1)"), "{screen}");
    // The end of the last footnote is on screen: the rows counted are the rows word wrapping
    // really takes.
    assert!(screen.contains("America*."), "{screen}");
    insta::assert_snapshot!("detail_scrolled_to_end", screen);
}

#[test]
fn a_long_activity_of_the_bundled_programme_scrolls_to_its_last_line() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("programme"),
        &dir.path().join("programme"),
    );
    let mut env = Env {
        app: open(dir.path(), KeyMap::default(), (120, 60)),
        dir,
    };
    env.keys("/cyberspace governance<enter>");
    assert_eq!(env.selected_code().as_deref(), Some("II.2.2"));
    env.keys("<tab>");
    for _ in 0..40 {
        env.keys("<pgdn>");
    }
    let screen = env.draw();
    assert!(screen.contains("Outputs (0)"), "{screen}");
    // The rows above the bottom border hold the last section, not a line cut short.
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[rows.len() - 4].contains("Account"), "{screen}");
    assert!(rows[rows.len() - 3].contains("(none)"), "{screen}");
}

#[test]
fn filter_as_you_type_matches_codes_titles_and_text() {
    let mut env = Env::new();
    env.keys("/msme");
    assert!(env.app.typing_filter);
    insta::assert_snapshot!("filter_typing", env.draw());
    env.keys("<enter>");
    assert!(!env.app.typing_filter);
    assert_eq!(env.selected_code().as_deref(), Some("II.3.1"));
    let shown: Vec<String> = env
        .app
        .rows
        .iter()
        .map(|r| env.app.tree.key(r.node, &env.app.loaded.plan).to_string())
        .collect();
    assert_eq!(
        shown,
        [
            "area:II",
            "programme:sela-smes",
            "project:II.3",
            "II.3.1",
            "II.3.2"
        ]
    );
    // Text inside the prose matches too: "14 delegations" is in a note of I.1.1.
    env.keys("<esc>/delegations<enter>");
    assert_eq!(env.selected_code().as_deref(), Some("I.1.1"));
    assert_eq!(env.app.rows.len(), 4);
    env.keys("<esc>");
    assert!(!env.app.filter.is_active());
}

#[test]
fn quick_filters_cycle_status_format_and_area() {
    let mut env = Env::new();
    env.keys("S");
    assert_eq!(env.app.filter.status, Some(Status::Planned));
    let codes = |env: &Env| -> Vec<String> {
        env.app
            .rows
            .iter()
            .map(|r| env.app.tree.key(r.node, &env.app.loaded.plan).to_string())
            .filter(|k| !k.contains(':'))
            .collect()
    };
    assert_eq!(codes(&env), ["I.2.1", "II.3.1"]);
    env.keys("SS");
    assert_eq!(codes(&env), ["I.1.1"]);
    insta::assert_snapshot!("filter_status_completed", env.draw());
    env.keys("x");
    env.keys("FF");
    assert_eq!(codes(&env), ["I.2.1"]);
    env.keys("FF");
    assert_eq!(env.app.filter.format, Some(None));
    assert_eq!(codes(&env), ["I.1.2", "II.3.1"]);
    env.keys("xAA");
    assert_eq!(codes(&env), ["II.3.1", "II.3.2"]);
    env.keys("A");
    assert!(!env.app.filter.is_active());
}

#[test]
fn status_form_writes_only_the_lines_that_change() {
    let mut env = Env::new();
    env.keys("j");
    env.keys("s");
    insta::assert_snapshot!("form_status", env.draw());
    // ongoing → completed brings progress 40 → 100 with it.
    env.keys("<right><enter>");
    assert!(env.app.overlay.is_none());
    let (added, removed) = diff(&Env::fixture("I.1.2"), &env.read("I.1.2"));
    assert_eq!(added, ["status = \"completed\"", "progress = 100"]);
    assert_eq!(removed, ["status = \"ongoing\"", "progress = 40"]);
    let message = env.app.message.clone().expect("a message");
    assert_eq!(
        message.text,
        "I.1.2 changed: status ongoing → completed; progress 40% → 100%"
    );
    assert_eq!(
        env.app.activity().map(|a| a.status),
        Some(Status::Completed)
    );
}

#[test]
fn the_status_form_sets_the_account_and_leaves_an_untouched_one_alone() {
    let mut env = Env::new();
    env.keys("j");
    // Tab twice reaches the account.
    env.keys("s<tab><tab>Met its aim.<enter>");
    assert!(env.app.overlay.is_none());
    let (added, removed) = diff(&Env::fixture("I.1.2"), &env.read("I.1.2"));
    assert_eq!(added, ["account = \"Met its aim.\""]);
    assert!(removed.is_empty(), "{removed:?}");
    let message = env.app.message.clone().expect("a message");
    assert_eq!(message.text, "I.1.2 changed: account added");
    // An account of several paragraphs, written in the editor, is shown on one line and kept
    // as it is when the form is saved for the status alone.
    let text = env.read("I.1.2").replace(
        "account = \"Met its aim.\"",
        "account = \"\"\"\nMet its aim.\n\nA second paragraph.\n\"\"\"",
    );
    std::fs::write(env.path("I.1.2"), &text).expect("writes");
    env.keys("<ctrl-r>");
    env.keys("s<right><enter>");
    let after = env.read("I.1.2");
    assert!(after.contains("A second paragraph.\n\"\"\""), "{after}");
    assert!(after.contains("status = \"completed\""), "{after}");
}

#[test]
fn a_save_while_another_programa_writes_waits_then_keeps_the_form() {
    let mut env = Env::new();
    let held = Workspace::at(env.dir.path())
        .lock_year(2021, store::lock::DEFAULT_TIMEOUT, |_| {})
        .expect("another writer holds the lock");
    env.keys("s<right><enter>");
    let Some(Overlay::Form(form)) = &env.app.overlay else {
        panic!("the form stays open, with what was typed");
    };
    assert!(
        form.errors
            .iter()
            .any(|e| e.starts_with("another programa is still writing programme/2021")),
        "{:?}",
        form.errors
    );
    assert_eq!(env.read("I.1.1"), Env::fixture("I.1.1"));
    // Once the other writer is done, Enter again saves it.
    drop(held);
    env.keys("<enter>");
    assert!(env.app.overlay.is_none());
    assert!(env.read("I.1.1").contains("status = \"postponed\""));
}

#[test]
fn form_errors_show_in_place_and_nothing_is_written() {
    let mut env = Env::new();
    env.keys("s<tab><bs><bs><bs>150<enter>");
    let Some(Overlay::Form(form)) = &env.app.overlay else {
        panic!("the form stays open");
    };
    assert_eq!(
        form.fields[1].error.as_deref(),
        Some("`150` is not a whole percentage from 0 to 100")
    );
    insta::assert_snapshot!("form_status_error", env.draw());
    assert_eq!(env.read("I.1.1"), Env::fixture("I.1.1"));
    env.keys("<esc>");
    assert!(env.app.overlay.is_none());
    assert_eq!(env.read("I.1.1"), Env::fixture("I.1.1"));
}

#[test]
fn the_first_key_typed_replaces_a_filled_field_and_an_arrow_keeps_it() {
    let mut env = Env::new();
    // I.2.1 has progress 0: typing 30 into the field gives 30, not 030.
    env.keys("jjjs<tab>30<enter>");
    assert!(env.app.overlay.is_none(), "{:?}", env.app.overlay);
    let (added, removed) = diff(&Env::fixture("I.2.1"), &env.read("I.2.1"));
    assert_eq!(added, ["progress = 30"]);
    assert_eq!(removed, ["progress = 0"]);
    // An arrow first keeps the value for editing.
    env.keys("s<tab><left>5<enter>");
    let Some(Overlay::Form(form)) = &env.app.overlay else {
        panic!("305% is refused and the form stays open");
    };
    assert_eq!(form.get("progress"), "305");
    let screen = env.draw();
    assert!(
        screen.contains("ctrl-u") && screen.contains("clears"),
        "{screen}"
    );
}

#[test]
fn a_message_goes_after_a_while_and_a_key_that_does_nothing_says_so() {
    let mut env = Env::new();
    env.keys("jjjs<tab>30<enter>");
    assert!(env.draw().contains("I.2.1 changed"), "{}", env.draw());
    env.app.update(Action::Tick);
    assert!(env.app.message.is_some(), "a fresh message stays");
    // Once it is older than its lifetime, the next tick gives the key hints back.
    let message = env.app.message.as_mut().expect("a message");
    message.shown = Instant::now()
        .checked_sub(programa::tui::app::MESSAGE_LIFETIME)
        .expect("a time in the past");
    env.app.update(Action::Tick);
    assert!(env.app.message.is_none(), "{:?}", env.app.message);
    let screen = env.draw();
    assert!(!screen.contains("I.2.1 changed"), "{screen}");
    assert!(screen.contains("? help"), "{screen}");
    // A key bound to nothing says so, and names the key that lists them.
    env.keys("Z");
    let message = env.app.message.clone().expect("a message");
    assert_eq!(
        message.text,
        "nothing to do here for that key · ? lists the keys"
    );
}

#[test]
fn dates_and_format_forms() {
    let mut env = Env::new();
    env.keys("jjjd");
    insta::assert_snapshot!("form_dates", env.draw());
    env.keys("<clear>2021-02-30<enter>");
    let Some(Overlay::Form(form)) = &env.app.overlay else {
        panic!("the form stays open");
    };
    assert!(
        form.fields[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("YYYY-MM-DD")),
        "{form:?}"
    );
    env.keys("<bs><bs>10<tab><clear>2021-09-11<enter>");
    assert!(env.app.overlay.is_none(), "{:?}", env.app.overlay);
    let (added, removed) = diff(&Env::fixture("I.2.1"), &env.read("I.2.1"));
    assert_eq!(
        added,
        [
            "planned_start = \"2021-02-10\"",
            "planned_end = \"2021-09-11\""
        ]
    );
    assert_eq!(
        removed,
        [
            "planned_start = \"2021-09-01\"",
            "planned_end = \"2021-09-02\""
        ]
    );

    env.keys("f");
    insta::assert_snapshot!("form_format", env.draw());
    let before = env.read("I.2.1");
    env.keys("h<tab><clear>Online<tab>Zoom<enter>");
    let (added, removed) = diff(&before, &env.read("I.2.1"));
    assert_eq!(
        added,
        [
            "format = \"hybrid\"",
            "format_note = \"Online\"",
            "venue = \"Zoom\""
        ]
    );
    assert_eq!(
        removed,
        [
            "format = \"virtual\"",
            "format_note = \"with technological resources of the Permanent Secretariat\""
        ]
    );
}

#[test]
fn participant_and_note_forms_append_to_the_file() {
    let mut env = Env::new();
    env.keys("a");
    insta::assert_snapshot!("form_participant", env.draw());
    env.keys("<enter>");
    let Some(Overlay::Form(form)) = &env.app.overlay else {
        panic!("the form stays open");
    };
    assert_eq!(form.fields[0].error.as_deref(), Some("required"));
    assert_eq!(form.fields[1].error.as_deref(), Some("required"));
    env.keys("CAF<tab>Venezuela<tab>s<tab>Rosa Díaz<enter>");
    assert!(env.app.overlay.is_none(), "{:?}", env.app.overlay);
    env.keys("n");
    insta::assert_snapshot!("form_note", env.draw());
    env.keys("Report sent to the Council.<enter>");
    let text = env.read("I.1.1");
    let (_, removed) = diff(&Env::fixture("I.1.1"), &text);
    assert!(removed.is_empty(), "only additions: {removed:?}");
    insta::assert_snapshot!("participant_and_note_file", text);
}

#[test]
fn new_activity_gets_the_next_code_and_is_selected() {
    let mut env = Env::new();
    env.keys("N");
    insta::assert_snapshot!("form_new", env.draw());
    env.keys("<enter>");
    let Some(Overlay::Form(form)) = &env.app.overlay else {
        panic!("the form stays open");
    };
    assert_eq!(
        form.fields[1].error.as_deref(),
        Some("an activity needs a title")
    );
    // The cursor went to the field in error.
    env.keys("Regional trade forum<tab>e<tab>v<enter>");
    assert!(env.app.overlay.is_none(), "{:?}", env.app.overlay);
    assert_eq!(env.selected_code().as_deref(), Some("I.1.3"));
    let text = env.read("I.1.3");
    assert!(text.contains("title = \"Regional trade forum\""), "{text}");
    assert!(text.contains("format = \"virtual\""), "{text}");
}

#[test]
fn help_lists_every_key_including_remaps() {
    let keys = KeyMap::from_config(
        Path::new("keys.toml"),
        "[keys]\nadd_note = [\"m\", \"ctrl-n\"]\n",
    )
    .expect("a valid map");
    let mut env = Env::with_keys(100, 30, keys);
    env.keys("?");
    assert!(matches!(env.app.overlay, Some(Overlay::Help(_))));
    let screen = env.draw();
    assert!(
        screen.contains(&format!(
            "m ctrl-n  add a progress note{}add_note",
            " ".repeat(15)
        )),
        "{screen}"
    );
    // Help hides the status hints; the path of the key file depends on the machine.
    insta::assert_snapshot!(
        "help",
        screen
            .lines()
            .filter(|l| !l.contains("keys.toml"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    env.keys("<pgdn><pgdn><pgdn>");
    insta::assert_snapshot!(
        "help_end",
        env.draw()
            .lines()
            .map(|l| if l.contains("keys.toml") {
                "(the key file's path)"
            } else {
                l
            })
            .collect::<Vec<_>>()
            .join("\n")
    );
    env.keys("<esc>m");
    assert!(matches!(env.app.overlay, Some(Overlay::Form(_))));
}

#[test]
fn findings_panel_lists_problems_and_jumps_to_the_activity() {
    let mut env = Env::new();
    std::fs::write(env.path("I.2.1"), "code = \"I.2.1\"\ntitle = 12\n").expect("writes");
    env.app = open(env.dir.path(), KeyMap::default(), (100, 30));
    assert!(env.app.message.as_ref().is_some_and(|m| m.error));
    env.keys("!");
    insta::assert_snapshot!("findings", env.draw());
    // The broken file is not in the tree: `e` opens it in the editor from the panel.
    let effects = env.keys("e");
    let Some(Effect::Edit { code, draft }) = effects.first() else {
        panic!("edits the broken file: {effects:?}");
    };
    assert_eq!(code, "I.2.1");
    let _ = std::fs::remove_file(draft);
}

#[test]
fn editing_in_the_editor_saves_valid_text_and_keeps_invalid_text() {
    let mut env = Env::new();
    let effects = env.keys("e");
    let Some(Effect::Edit { code, draft }) = effects.first().cloned() else {
        panic!("asks for the editor: {effects:?}");
    };
    assert_eq!(code, "I.1.1");
    assert_eq!(
        std::fs::read_to_string(&draft).ok(),
        Some(Env::fixture("I.1.1"))
    );

    // A text that does not parse: nothing written, the copy kept, the findings shown.
    let broken = Env::fixture("I.1.1").replace("progress = 100", "progress = ");
    std::fs::write(&draft, &broken).expect("writes the draft");
    env.app.update(Action::Edited(EditorOutcome {
        code: code.clone(),
        draft: draft.clone(),
        result: Ok(broken),
    }));
    assert_eq!(env.read("I.1.1"), Env::fixture("I.1.1"));
    assert!(matches!(env.app.overlay, Some(Overlay::Findings(0))));
    assert_eq!(env.app.drafts.get("I.1.1").map(|d| &d.path), Some(&draft));
    env.keys("<esc>");
    // Editing again reopens the same copy, and a good text is saved.
    let effects = env.keys("e");
    assert_eq!(
        effects,
        vec![Effect::Edit {
            code: code.clone(),
            draft: draft.clone()
        }]
    );
    let good =
        Env::fixture("I.1.1").replace("venue = \"Caracas, Venezuela\"", "venue = \"Lima, Peru\"");
    env.app.update(Action::Edited(EditorOutcome {
        code,
        draft: draft.clone(),
        result: Ok(good.clone()),
    }));
    assert_eq!(env.read("I.1.1"), good);
    assert!(env.app.drafts.is_empty());
    assert!(!draft.exists());
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some("I.1.1 saved: venue “Caracas, Venezuela” → “Lima, Peru”")
    );
}

#[test]
fn history_changes_and_commit_go_through_the_services() {
    let fake = Fake::default();
    let mut env = Env::new();
    let effects = env.keys("2");
    assert_eq!(effects, vec![Effect::Start(Job::History("I.1.1".into()))]);
    assert_eq!(env.app.pane, Pane::History);
    insta::assert_snapshot!("history_loading", env.draw());
    run_effects(&mut env.app, &fake, effects);
    insta::assert_snapshot!("history", env.draw());
    // Moving asks for the next activity's history.
    let effects = env.keys("j");
    assert_eq!(effects, vec![Effect::Start(Job::History("I.1.2".into()))]);
    run_effects(&mut env.app, &fake, effects);

    let effects = env.keys("3");
    run_effects(&mut env.app, &fake, effects);
    insta::assert_snapshot!("changes", env.draw());

    let effects = env.keys("c");
    run_effects(&mut env.app, &fake, effects);
    insta::assert_snapshot!("commit_dialog", env.draw());
    // An arrow keeps the proposed message, to add to it.
    let effects = env.keys("<right> (reviewed)<enter>");
    run_effects(&mut env.app, &fake, effects);
    let committed = fake.committed.lock().expect("the commits").clone();
    assert_eq!(
        committed,
        ["I.1.2: completed (reviewed)\n\n- status ongoing → completed\n- one note added"]
    );
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some("committed 9c0ffee")
    );
}

#[test]
fn compiling_shows_progress_and_the_output_path() {
    let fake = Fake::default();
    let mut env = Env::new();
    let effects = env.keys("p");
    assert_eq!(
        effects,
        vec![Effect::Start(Job::Compile(Document::Programme))]
    );
    insta::assert_snapshot!("compile_running", env.draw());
    // While it runs, another compile waits.
    assert!(env.keys("r").is_empty());
    run_effects(&mut env.app, &fake, effects);
    insta::assert_snapshot!("compile_done", env.draw());
    env.keys("<esc>");
    assert!(env.app.overlay.is_none());
    assert!(env.app.busy.is_none());
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some("the programme document is written to out/programme-2021.pdf")
    );
    // Hidden, the work goes on; quitting then asks twice.
    let effects = env.keys("r<esc>");
    assert_eq!(effects, vec![Effect::Start(Job::Compile(Document::Report))]);
    assert!(env.keys("q").is_empty());
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some("compiling the follow-up report is not done: press q again to quit anyway")
    );
    assert_eq!(env.keys("q"), vec![Effect::Quit]);
}

#[test]
fn without_git_support_the_panes_say_so() {
    let mut env = Env::new();
    let effects = env.keys("2");
    run_effects(&mut env.app, &Unavailable, effects);
    let screen = env.draw();
    assert!(
        screen.contains("history is not available in this build yet"),
        "{screen}"
    );
    let effects = env.keys("c");
    run_effects(&mut env.app, &Unavailable, effects);
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some("committing is not available in this build yet")
    );
    let effects = env.keys("r");
    run_effects(&mut env.app, &Unavailable, effects);
    insta::assert_snapshot!("compile_unavailable", env.draw());
}

#[test]
fn mouse_selects_rows_and_scrolls() {
    let mut env = Env::new();
    // Row 0 of the screen is the title bar, row 1 the tree's border: row 6 is the fifth row.
    env.app.update(Action::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 5,
        row: 6,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(env.app.selected, 4);
    assert_eq!(env.selected_code().as_deref(), Some("I.1.2"));
    env.app.update(Action::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 6,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(env.app.selected, 7);
    // Back to I.1.1, whose sections do not fit: the wheel over the pane scrolls them.
    env.app.update(Action::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(env.selected_code().as_deref(), Some("I.1.1"));
    env.app.update(Action::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 80,
        row: 10,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(env.app.pane_scroll, 3);
}

#[test]
fn no_color_draws_the_same_text_without_colours() {
    let mut env = Env::new();
    let coloured = env.draw();
    env.app.colour = false;
    assert_eq!(env.draw(), coloured);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a test terminal");
    terminal
        .draw(|frame| programa::tui::view::render(frame, &env.app))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "no colours under NO_COLOR"
        );
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}

#[test]
fn resizing_keeps_the_selection_in_view() {
    let mut env = Env::sized(100, 30);
    env.keys("G");
    env.app.update(Action::Resize(80, 8));
    assert!(env.app.selected >= env.app.offset);
    assert!(env.app.selected < env.app.offset + env.app.page());
    insta::assert_snapshot!("tiny", draw(&env.app));
}

/// Runs the binary on a copy of the fixture with stdout and stderr piped (no terminal).
fn run_binary(args: &[&str], config: &Path) -> (i32, String, String) {
    let env = Env::new();
    let output = crate::support::programa()
        .arg("--root")
        .arg(env.dir.path())
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs the binary");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn without_a_command_and_without_a_terminal_help_is_printed() {
    let config = tempfile::tempdir().expect("a config folder");
    let (code, stdout, _) = run_binary(&[], config.path());
    assert_eq!(code, 2);
    assert!(stdout.contains("Usage: programa"), "{stdout}");
    assert!(stdout.contains("tui"), "{stdout}");
    let (code, _, stderr) = run_binary(&["tui"], config.path());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("error: the interface needs a terminal"),
        "{stderr}"
    );
}

#[test]
fn a_bad_key_file_stops_the_interface_naming_its_line() {
    let config = tempfile::tempdir().expect("a config folder");
    let file = config.path().join("programa/keys.toml");
    std::fs::create_dir_all(file.parent().expect("a parent")).expect("creates the folder");
    std::fs::write(&file, "[keys]\nquit = \"q\"\nhelp = \"wat-key\"\n").expect("writes");
    let (code, _, stderr) = run_binary(&["tui"], config.path());
    assert_eq!(code, 1);
    let expected = format!(
        "error: the key map cannot be used: {}:3:8: `wat-key` is not a key",
        file.display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(stderr.contains("hint: fix or remove the file; the interface did not start"));
}

#[test]
fn every_view_draws_at_any_size_without_panicking() {
    let fake = Fake::default();
    for (width, height) in [(1, 1), (2, 2), (12, 4), (30, 8), (80, 24), (200, 60)] {
        for keys in [
            "",
            "?",
            "s",
            "a",
            "N",
            "!",
            "2",
            "3",
            "c",
            "p",
            "/x",
            "<tab><pgdn>",
        ] {
            let mut env = Env::sized(width, height);
            let effects = env.keys(keys);
            run_effects(&mut env.app, &fake, effects);
            let _ = env.draw();
            env.keys("jjjGg<pgdn>");
            let _ = env.draw();
        }
    }
}

#[test]
fn changes_made_outside_are_never_overwritten() {
    let mut env = Env::new();
    // Another program changes I.1.1 after the interface read it.
    let outside = Env::fixture("I.1.1").replace("Caracas, Venezuela", "Quito, Ecuador");
    std::fs::write(env.path("I.1.1"), &outside).expect("writes");
    env.keys("s<right><enter>");
    let text = env.read("I.1.1");
    assert!(text.contains("venue = \"Quito, Ecuador\""), "{text}");
    assert!(text.contains("status = \"postponed\""), "{text}");
    assert!(
        env.app.message.as_ref().is_some_and(|m| m
            .text
            .ends_with("(made to the file as changed outside since it was read)")),
        "{:?}",
        env.app.message
    );

    // An editor session over a file changed meanwhile is not saved; its text is kept.
    let effects = env.keys("e");
    let Some(Effect::Edit { code, draft }) = effects.first().cloned() else {
        panic!("asks for the editor: {effects:?}");
    };
    let meanwhile = env.read("I.1.1").replace("progress = 100", "progress = 90");
    std::fs::write(env.path("I.1.1"), &meanwhile).expect("writes");
    env.app.update(Action::Edited(EditorOutcome {
        code,
        draft: draft.clone(),
        result: Ok(env.read("I.1.1").replace("Quito", "Lima")),
    }));
    assert_eq!(env.read("I.1.1"), meanwhile);
    assert_eq!(env.app.drafts.get("I.1.1").map(|d| &d.path), Some(&draft));
    assert!(env.app.message.as_ref().is_some_and(|m| m.error));
    // Told so, the user opens the kept copy again; saving it now is deliberate.
    let effects = env.keys("e");
    assert_eq!(
        effects,
        vec![Effect::Edit {
            code: "I.1.1".into(),
            draft: draft.clone()
        }]
    );
    let mine = Env::fixture("I.1.1").replace("Caracas", "Lima");
    env.app.update(Action::Edited(EditorOutcome {
        code: "I.1.1".into(),
        draft: draft.clone(),
        result: Ok(mine.clone()),
    }));
    assert_eq!(env.read("I.1.1"), mine);
    assert!(!draft.exists());
}

/// A copy of the fixture in a git repository with a history of three commits, and git run
/// with a home, global file and identity of its own and no system file (as in tests/git.rs).
/// The repository's own configuration names the user too, for commits made in this process.
struct GitEnv {
    env: Env,
    home: tempfile::TempDir,
}

impl GitEnv {
    fn new(width: u16, height: u16) -> GitEnv {
        let env = Env::sized(width, height);
        let home = tempfile::tempdir().expect("a temporary home");
        std::fs::write(
            home.path().join(".gitconfig"),
            "[user]\n\tname = Ana Pérez\n\temail = ana@sela.example\n[init]\n\tdefaultBranch = main\n",
        )
        .expect("writes the git configuration");
        let git = GitEnv { env, home };
        git.git(&["init", "-q"]);
        git.git(&["config", "user.name", "Ana Pérez"]);
        git.git(&["config", "user.email", "ana@sela.example"]);
        git.commit(
            "Ana Pérez",
            "Import the 2021 programme",
            "2021-01-10T09:00:00+00:00",
        );
        let file = git.env.path("I.1.2");
        let text = git
            .env
            .read("I.1.2")
            .replace("progress = 40", "progress = 60")
            + "\n[[participants]]\norganisation = \"CAF\"\ncountry = \"Venezuela\"\nrole = \"speaker\"\n";
        std::fs::write(&file, text).expect("writes I.1.2");
        git.commit(
            "Luis Gómez",
            "I.1.2: progress 40% → 60%; +1 participant",
            "2021-03-02T09:10:00-05:00",
        );
        let text = git
            .env
            .read("I.1.2")
            .replace("status = \"ongoing\"", "status = \"completed\"")
            .replace("progress = 60", "progress = 100");
        std::fs::write(&file, text).expect("writes I.1.2");
        git.commit(
            "Ana Pérez",
            "I.1.2: status ongoing → completed",
            "2021-06-16T10:42:00+02:00",
        );
        let mut git = git;
        git.env.app.reload();
        git
    }

    fn command(&self, program: &str) -> std::process::Command {
        let mut command = crate::support::pinned(program, self.home.path());
        command.current_dir(self.env.dir.path());
        command
    }

    fn git(&self, args: &[&str]) -> String {
        let output = self.command("git").args(args).output().expect("git runs");
        stdout_of(&format!("git {args:?}"), output)
    }

    /// Stages everything and commits with plain git, as `author`, at `date`.
    fn commit(&self, author: &str, message: &str, date: &str) {
        self.git(&["add", "-A"]);
        let output = self
            .command("git")
            .env("GIT_AUTHOR_NAME", author)
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .args(["commit", "-q", "-m", message])
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git commit failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// What `programa` prints for `args` in the repository.
    fn programa(&self, args: &[&str]) -> String {
        let output = self
            .command(env!("CARGO_BIN_EXE_programa"))
            .args(args)
            .output()
            .expect("programa runs");
        stdout_of(&format!("programa {args:?}"), output)
    }
}

#[test]
fn history_pane_shows_the_trajectory_and_commits_from_git() {
    let git = GitServices::default();
    let mut repo = GitEnv::new(120, 40);
    let env = &mut repo.env;
    let effects = env.keys("j2");
    assert_eq!(effects, vec![Effect::Start(Job::History("I.1.2".into()))]);
    run_effects(&mut env.app, &git, effects);
    let screen = env.draw();
    insta::assert_snapshot!("git_history", screen);
    // The trajectory is what `programa history` prints.
    let history = git
        .history(&repo.env.app.scope, "I.1.2")
        .expect("the history");
    assert_eq!(
        history.trajectory.join("\n"),
        repo.programa(&["history", "I.1.2"]).trim_end()
    );
    // Other activities come from the same walk: only HEAD moving walks again.
    let env = &mut repo.env;
    let effects = env.keys("k");
    run_effects(&mut env.app, &git, effects);
    let screen = env.draw();
    assert!(
        screen.contains("I.1.1  Technical Support Committee"),
        "{screen}"
    );
    assert!(
        screen.contains("created 2021-01-10 by Ana Pérez"),
        "{screen}"
    );
    // A commit made with git moves HEAD: after ctrl-r the history has it.
    let text = repo
        .env
        .read("I.1.1")
        .replace("role = \"speaker\"", "role = \"moderator\"");
    std::fs::write(repo.env.path("I.1.1"), text).expect("writes I.1.1");
    repo.commit(
        "Luis Gómez",
        "I.1.1: ALADI moderates",
        "2021-07-01T08:00:00+00:00",
    );
    let env = &mut repo.env;
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    let effects = env.app.update(Action::Key(ctrl_r));
    run_effects(&mut env.app, &git, effects);
    let screen = env.draw();
    assert!(screen.contains("2021-07-01 08:00 Luis Gómez"), "{screen}");
}

#[test]
fn changes_pane_shows_the_semantic_diff_of_uncommitted_edits() {
    let git = GitServices::default();
    let mut repo = GitEnv::new(120, 40);
    let env = &mut repo.env;
    let effects = env.keys("3");
    run_effects(&mut env.app, &git, effects);
    assert!(env.draw().contains("nothing to commit"), "{}", env.draw());
    // planned → ongoing, and a note.
    let mut effects = env.keys("/I.2.1<enter>s<right><enter>");
    effects.extend(env.keys("nBudget approved by the Council.<enter>"));
    run_effects(&mut env.app, &git, effects);
    let screen = env.draw();
    insta::assert_snapshot!("git_changes", screen);
    // The same text as `programa diff`.
    let lines = git.uncommitted(&repo.env.app.scope).expect("the changes");
    assert_eq!(lines.join("\n"), repo.programa(&["diff"]).trim_end());
}

#[test]
fn the_commit_dialog_commits_the_programme_files_with_the_generated_message() {
    let git = GitServices::default();
    let mut repo = GitEnv::new(120, 40);
    // Something outside the programme, dirty: it stays out of the commit.
    std::fs::write(repo.env.dir.path().join("notes.txt"), "draft\n").expect("writes a file");
    let env = &mut repo.env;
    let effects = env.keys("/I.2.1<enter>s<right><enter>");
    run_effects(&mut env.app, &git, effects);
    let effects = env.keys("c");
    run_effects(&mut env.app, &git, effects);
    insta::assert_snapshot!("git_commit_dialog", env.draw());
    let Some(Overlay::Form(form)) = &env.app.overlay else {
        panic!("the commit dialog is open: {:?}", env.app.overlay);
    };
    let summary = form.get("message").to_string();
    assert_eq!(summary, "I.2.1: status planned → ongoing");
    let effects = env.keys("<enter>");
    run_effects(&mut env.app, &git, effects);
    let message = env.app.message.clone().expect("a message");
    assert!(
        message.text.starts_with("committed ") && !message.error,
        "{message:?}"
    );
    assert_eq!(repo.git(&["log", "-1", "--format=%B"]).trim_end(), summary);
    assert_eq!(
        repo.git(&["show", "--name-only", "--format=", "HEAD"]),
        "programme/2021/activities/I.2.1.toml\n"
    );
    assert_eq!(repo.git(&["log", "--format=%s"]).lines().count(), 4);
    assert_eq!(repo.git(&["status", "--porcelain"]), "?? notes.txt\n");
    // Nothing left: `c` says so, without a dialog.
    let env = &mut repo.env;
    let effects = env.keys("c");
    run_effects(&mut env.app, &git, effects);
    assert!(env.app.overlay.is_none());
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some("nothing to commit: the programme files are as in the last commit")
    );
}

#[test]
fn a_programme_with_errors_is_not_committed_and_the_dialog_says_why() {
    let git = GitServices::default();
    let mut repo = GitEnv::new(100, 30);
    let path = repo.env.path("I.2.1");
    let text = std::fs::read_to_string(&path).expect("reads I.2.1");
    std::fs::write(
        &path,
        text.replace("status = \"planned\"", "status = \"done\""),
    )
    .expect("writes I.2.1");
    let env = &mut repo.env;
    env.app.reload();
    let effects = env.keys("c");
    run_effects(&mut env.app, &git, effects);
    insta::assert_snapshot!("git_commit_refused", env.draw());
    assert!(matches!(env.app.overlay, Some(Overlay::Job(_))));
    assert_eq!(repo.git(&["log", "--format=%s"]).lines().count(), 3);
}

#[test]
fn outside_a_git_repository_the_panes_and_the_dialog_say_so() {
    let git = GitServices::default();
    let mut env = Env::new();
    let effects = env.keys("2");
    run_effects(&mut env.app, &git, effects);
    let screen = env.draw();
    assert!(screen.contains("is not in a git repository"), "{screen}");
    assert!(screen.contains("hint: run `git init`"), "{screen}");
    let effects = env.keys("3");
    run_effects(&mut env.app, &git, effects);
    let folder = env.dir.path().display().to_string();
    insta::assert_snapshot!(
        "git_changes_outside_a_repository",
        env.draw().replace(&folder, "/tmp/programme")
    );
    let effects = env.keys("c");
    run_effects(&mut env.app, &git, effects);
    let screen = env.draw();
    assert!(screen.contains("Cannot commit"), "{screen}");
    assert!(screen.contains("hint: run `git init`"), "{screen}");
    // The rest works as before.
    env.keys("<esc>1s<right><enter>");
    assert_eq!(
        env.app.activity().map(|a| a.status),
        Some(Status::Postponed)
    );
}

#[test]
fn compiling_through_the_git_services_writes_the_pdf_and_shows_its_path() {
    let git = GitServices::default();
    let mut env = Env::new();
    let effects = env.keys("r");
    assert_eq!(effects, vec![Effect::Start(Job::Compile(Document::Report))]);
    run_effects(&mut env.app, &git, effects);
    let pdf = env.dir.path().join("report-2021-en.pdf");
    let bytes = std::fs::read(&pdf).expect("the report is written");
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    let expected = format!("the follow-up report is written to {}", pdf.display());
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some(expected.as_str())
    );
}

/// An interface on a copy of the fixture as `programa` opens it: the programme file read, the
/// activity files listed (returned, in code order) and not read yet.
fn reading(width: u16, height: u16) -> (Env, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(Path::new(FIXTURE), dir.path());
    let workspace = Workspace::at(dir.path());
    let mut listing = store::list(&workspace, 2021).expect("the programme is listed");
    load::in_code_order(&mut listing.files);
    let scope = Scope {
        workspace,
        year: 2021,
    };
    let files = listing.files.len();
    let mut app = App::reading(
        scope,
        listing.programme,
        files,
        KeyMap::default(),
        (width, height),
    );
    app.today = Date::from_ymd(2021, 6, 20);
    (Env { dir, app }, listing.files)
}

/// `files` read as the background thread reads a chunk, handed to the interface.
fn read_chunk(app: &mut App, files: &[PathBuf]) -> Vec<Effect> {
    let parsed = store::read_activities(&app.scope.workspace, files).expect("the files read");
    app.update(Action::Read(ReadEvent::Chunk(parsed)))
}

/// Checks the programme as the background thread does, for the generation `effects` ask for.
fn check(app: &mut App, effects: &[Effect]) -> Vec<Effect> {
    let [Effect::Check(generation)] = effects else {
        panic!("asks for a check: {effects:?}");
    };
    let findings = programa::validate::validate(&app.loaded);
    let search_texts = app.loaded.plan.activities.iter().map(haystack).collect();
    app.update(Action::Read(ReadEvent::Checked {
        generation: *generation,
        findings,
        search_texts,
    }))
}

fn selected_key(app: &App) -> String {
    app.tree
        .key(app.rows[app.selected].node, &app.loaded.plan)
        .to_string()
}

#[test]
fn the_tree_fills_in_chunk_by_chunk_and_is_checked_after_the_last() {
    let (mut env, files) = reading(100, 30);
    // I.2.1 misspells a key (a finding of the check) and II.3.2 is not TOML (one of reading).
    let misspelt = Env::fixture("I.2.1").replace("status =", "statsu = \"x\"\nstatus =");
    std::fs::write(env.path("I.2.1"), misspelt).expect("writes");
    std::fs::write(env.path("II.3.2"), "code = \"II.3.2\"\ntitle = \n").expect("writes");
    assert_eq!(files.len(), 5);
    assert_eq!(env.app.progress, Progress::Reading { read: 0, total: 5 });
    assert_eq!(
        env.app.progress.describe().as_deref(),
        Some("reading 0 of 5 files")
    );
    // The structure is there before any activity: areas, programmes, projects.
    assert_eq!(env.app.rows.len(), 7);
    assert_eq!(env.selected_code(), None);

    // Before the user moves, the first activity read is selected.
    assert!(read_chunk(&mut env.app, &files[..2]).is_empty());
    assert_eq!(env.app.progress, Progress::Reading { read: 2, total: 5 });
    assert_eq!(env.selected_code().as_deref(), Some("I.1.1"));
    assert_eq!(env.app.loaded.plan.activities.len(), 2);

    // What needs every activity waits, and says why.
    env.keys("N");
    assert!(env.app.overlay.is_none());
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some("a new activity's code is chosen when every file is read (reading 2 of 5 files)")
    );
    env.keys("<ctrl-r>");
    assert_eq!(env.app.progress, Progress::Reading { read: 2, total: 5 });
    env.keys("N");

    // The last chunk: every activity that could be read is in; the check is asked for, and
    // until it answers the findings are those of reading only.
    assert!(read_chunk(&mut env.app, &files[2..4]).is_empty());
    let effects = read_chunk(&mut env.app, &files[4..]);
    assert_eq!(env.app.progress, Progress::Checking);
    assert_eq!(env.app.loaded.plan.activities.len(), 4);
    let codes: Vec<&str> = env.app.findings.iter().map(|f| f.code).collect();
    assert!(!codes.contains(&"unknown-key"), "{codes:?}");
    assert!(!env.app.findings.is_empty());

    // A check of an older state is stale: another is asked for.
    let Effect::Check(generation) = effects[0] else {
        panic!("asks for a check: {effects:?}");
    };
    let again = env.app.update(Action::Read(ReadEvent::Checked {
        generation: generation - 1,
        findings: Vec::new(),
        search_texts: Vec::new(),
    }));
    assert_eq!(again, effects);
    assert!(check(&mut env.app, &effects).is_empty());
    assert!(env.app.is_loaded());
    assert_eq!(env.app.progress.describe(), None);
    // Now as complete as reading the year before showing it; the wait is over, but the
    // problems found come first.
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some("some files cannot be read: press ! to see why")
    );
    let whole = open(env.dir.path(), KeyMap::default(), (100, 30));
    assert_eq!(env.app.findings, whole.findings);
    assert_eq!(env.app.loaded.plan, whole.loaded.plan);
    assert!(
        env.app.findings.iter().any(|f| f.code == "unknown-key"),
        "{:?}",
        env.app.findings
    );
    assert!(env.app.message.as_ref().is_some_and(|m| m.error));
}

#[test]
fn the_selected_row_stays_in_place_while_rows_come_in_above_it() {
    let (mut env, files) = reading(100, 11);
    env.keys("G");
    assert_eq!(selected_key(&env.app), "project:II.3");
    assert_eq!(env.app.selected, 6);
    read_chunk(&mut env.app, &files[..3]);
    // Three activities came in above it: the tree scrolled with them.
    assert_eq!(selected_key(&env.app), "project:II.3");
    assert_eq!(env.app.selected, 9);
    assert_eq!(env.app.selected - env.app.offset, 6);
    read_chunk(&mut env.app, &files[3..]);
    assert_eq!(selected_key(&env.app), "project:II.3");
    assert_eq!(env.app.selected - env.app.offset, 6);
    assert_eq!(env.app.rows[env.app.selected].count, 2);
}

#[test]
fn a_frame_while_the_files_are_read() {
    let (mut env, files) = reading(100, 30);
    read_chunk(&mut env.app, &files[..3]);
    insta::assert_snapshot!("reading", env.draw());
}

#[test]
fn an_activity_edited_while_the_rest_is_read_is_read_again_alone() {
    let (mut env, files) = reading(100, 30);
    read_chunk(&mut env.app, &files[..2]);
    let before = env.app.generation;
    env.keys("s<right><enter>");
    assert!(env.read("I.1.1").contains("status = \"postponed\""));
    assert_eq!(env.app.loaded.plan.activities[0].status, Status::Postponed);
    assert!(env.app.generation > before);
    assert_eq!(env.app.progress, Progress::Reading { read: 2, total: 5 });
    env.keys("N");
    let effects = read_chunk(&mut env.app, &files[2..]);
    check(&mut env.app, &effects);
    assert!(env.app.is_loaded());
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some("every file is read: 5 activities")
    );
    assert_eq!(env.app.loaded.plan.activities.len(), 5);
    assert_eq!(
        env.app.loaded.plan.activity("I.1.1").map(|a| a.status),
        Some(Status::Postponed)
    );
}

#[test]
fn an_edit_once_everything_is_read_rereads_its_file_and_checks_in_the_background() {
    let mut env = Env::new();
    assert!(env.app.is_loaded());
    // Another activity changed outside is not read again by an edit (ctrl-r reads everything).
    let outside = Env::fixture("I.2.1").replace("progress = 0", "progress = 40");
    assert_ne!(outside, Env::fixture("I.2.1"));
    std::fs::write(env.path("I.2.1"), &outside).expect("writes");
    let before = env.app.generation;
    // Select I.1.1 and postpone it, without running the check the edit asks for.
    let mut effects = Vec::new();
    for key in parse_keys("s<right><enter>") {
        effects.extend(env.app.update(Action::Key(key)));
    }
    assert!(env.read("I.1.1").contains("status = \"postponed\""));
    assert_eq!(effects, [Effect::Check(env.app.generation)]);
    assert!(env.app.generation > before);
    assert_eq!(env.app.progress, Progress::Checking);
    assert!(env.app.all_read() && !env.app.is_loaded());
    let frame = env.draw();
    assert!(
        frame.contains("5 activities │") || !frame.contains("so far"),
        "{frame}"
    );
    assert!(frame.contains("checking the programme"), "{frame}");
    assert_eq!(
        env.app.loaded.plan.activity("I.1.1").map(|a| a.status),
        Some(Status::Postponed)
    );
    assert_eq!(
        env.app.loaded.plan.activity("I.2.1").map(|a| a.progress),
        Some(0),
        "only the edited file is read again"
    );
    let warned = |app: &App| {
        app.findings
            .iter()
            .any(|f| f.code == "inconsistent-status" && f.message.contains("postponed"))
    };
    assert!(!warned(&env.app), "the check has not answered yet");
    assert!(check(&mut env.app, &effects).is_empty());
    assert!(env.app.is_loaded());
    assert!(warned(&env.app), "{:?}", env.app.findings);
}

#[test]
fn an_edit_that_brings_a_new_error_is_refused_once_the_findings_are_known() {
    let mut env = Env::new();
    assert!(
        env.app.is_loaded(),
        "the findings are those of the programme as it is"
    );
    let before = env.read("I.2.1");
    env.keys("jjjd<clear>2021-12-01<tab><clear>2021-01-01<enter>");
    assert_eq!(env.read("I.2.1"), before, "the file is left as it was");
    let Some(Overlay::Form(form)) = &env.app.overlay else {
        panic!("the form stays open: {:?}", env.app.message);
    };
    assert!(
        form.errors
            .iter()
            .any(|e| e.contains("planned_end (2021-01-01) is before planned_start")),
        "{form:?}"
    );
    // A correct edit right after is checked against the same findings and saved.
    env.keys("<esc>d<clear>2021-01-01<tab><clear>2021-12-01<enter>");
    assert!(env.read("I.2.1").contains("planned_end = \"2021-12-01\""));
}

#[test]
fn a_file_that_cannot_be_read_stops_reading_and_says_how_to_retry() {
    let (mut env, files) = reading(100, 30);
    read_chunk(&mut env.app, &files[..2]);
    env.app.update(Action::Read(ReadEvent::Failed(
        "cannot read programme/2021/activities/I.2.1.toml: permission denied".into(),
    )));
    assert!(matches!(env.app.progress, Progress::Failed(_)));
    assert_eq!(
        env.app.message.as_ref().map(|m| m.text.as_str()),
        Some(
            "cannot read programme/2021/activities/I.2.1.toml: permission denied: the files after it were not read; press ctrl-r to read them again"
        )
    );
    env.keys("N");
    assert!(env.app.overlay.is_none());
    env.keys("<ctrl-r>");
    assert!(env.app.is_loaded());
    assert_eq!(env.app.loaded.plan.activities.len(), 5);
}

#[test]
fn a_click_on_a_tab_of_the_right_pane_shows_it() {
    let mut env = Env::new();
    let click = |column: u16, row: u16| {
        Action::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // The pane's top border, as drawn: its tabs' titles and where they are.
    let screen = env.draw();
    let border: Vec<char> = screen
        .lines()
        .nth(1)
        .expect("a second line")
        .chars()
        .collect();
    let at = |title: &str| {
        let title: Vec<char> = title.chars().collect();
        let start = border
            .windows(title.len())
            .position(|w| w == title.as_slice())
            .unwrap_or_else(|| panic!("{title:?} on the border: {screen}"));
        u16::try_from(start).expect("a column")
    };
    let (detail, history, changes) = (at("1 Activity"), at("2 History"), at("3 Changes"));
    assert_eq!((detail, history, changes), (57, 68, 78));

    let effects = env.app.update(click(history + 8, 1));
    assert_eq!(env.app.pane, Pane::History);
    assert_eq!(env.app.focus, Focus::Pane);
    assert_eq!(effects, vec![Effect::Start(Job::History("I.1.1".into()))]);
    let effects = env.app.update(click(changes, 1));
    assert_eq!(env.app.pane, Pane::Changes);
    assert_eq!(effects, vec![Effect::Start(Job::Uncommitted)]);
    env.app.update(click(detail + 3, 1));
    assert_eq!(env.app.pane, Pane::Detail);
    // The space between two titles, the rest of the border and the text below are not tabs.
    for (column, row) in [(history - 1, 1), (changes + 12, 1), (history, 2)] {
        env.app.update(click(column, row));
        assert_eq!(env.app.pane, Pane::Detail, "a click at {column},{row}");
    }
    // A click on a tree row still selects it.
    env.app.update(click(5, 6));
    assert_eq!(env.selected_code().as_deref(), Some("I.1.2"));
    assert_eq!(env.app.focus, Focus::Tree);
}

#[test]
fn an_activity_with_a_merge_conflict_is_marked_and_not_edited() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(Path::new(FIXTURE), dir.path());
    let path = dir.path().join("programme/2021/activities/I.1.2.toml");
    let text = Env::fixture("I.1.2").replace(
        "status = \"ongoing\"\n",
        "<<<<<<< HEAD\nstatus = \"ongoing\"\n=======\nstatus = \"postponed\"\n>>>>>>> other\n",
    );
    std::fs::write(&path, &text).expect("writes the conflict");
    let mut env = Env {
        app: open(dir.path(), KeyMap::default(), (100, 30)),
        dir,
    };
    let message = env.app.message.as_ref().expect("a message");
    assert!(message.error && message.text.contains("unresolved merge conflicts"));
    env.keys("j");
    assert_eq!(env.selected_code().as_deref(), Some("I.1.2"));
    let screen = env.draw();
    let row = screen
        .lines()
        .find(|l| l.contains("I.1.2 Follow-up"))
        .expect("the activity's row");
    assert!(row.contains("! I.1.2"), "{screen}");
    assert!(
        screen.contains("Conflict  line 5: `status` is \"ongoing\" in"),
        "{screen}"
    );
    // An edit is refused, and the file stays as it is.
    env.keys("s");
    env.keys("<enter>");
    let message = env
        .app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(message.contains("unresolved merge conflict"), "{message}");
    assert_eq!(env.read("I.1.2"), text);
}
