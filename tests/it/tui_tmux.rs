//! The interface in a real terminal, driven through tmux: open it on a copy of the fixture
//! programme, change an activity's status, add a note, quit; then check the file, the
//! programme, and that the terminal is back as it was. Skips (with a message) without tmux.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use programa::store::{self, Workspace};

use crate::support::{copy_dir, stdout_of};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// A tmux server of its own (its socket in the test's folder), with one 100×30 window.
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("runs tmux");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    /// Waits until the screen shows `text`, failing with the screen after 15 s.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// Waits until `ready` holds for the screen, failing with `what` and the screen after 15 s.
    fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.wait_within(Duration::from_secs(15), what, ready)
    }

    /// Waits until `ready` holds for the screen, failing with `what` and the screen after
    /// `limit`.
    fn wait_within(&self, limit: Duration, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > limit {
                panic!("waited for {what}; the screen is:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend(keys);
        self.run(&args);
    }

    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// A copy of the fixture and the interface running on it in tmux, inside a shell that records
/// the terminal settings before and after and the exit status.
struct Session {
    dir: tempfile::TempDir,
    tmux: Tmux,
}

impl Session {
    /// `None` (with a message) when tmux is missing.
    fn start(env: &[(&str, String)]) -> Option<Session> {
        Session::start_with(env, |_| Vec::new())
    }

    /// Like [`Session::start`], running `prepare` on the test's folder (the fixture is in
    /// `repo/` by then) before the interface starts; the variables it returns are set too.
    fn start_with(
        env: &[(&str, String)],
        prepare: impl FnOnce(&Path) -> Vec<(&'static str, String)>,
    ) -> Option<Session> {
        let session = Session::launch(env, prepare)?;
        // The title says "activities so far" until every file is read and checked.
        session.tmux.wait_until("every file read", |screen| {
            screen.contains("Work Programme for the year 2021 │ 5 activities")
                && !screen.contains("so far")
        });
        Some(session)
    }

    /// Like [`Session::start_with`], without waiting for the files to be read.
    fn launch(
        env: &[(&str, String)],
        prepare: impl FnOnce(&Path) -> Vec<(&'static str, String)>,
    ) -> Option<Session> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("PROGRAMA_REQUIRE_TOOLS").is_none(),
                "tmux is missing: install it"
            );
            eprintln!("skipped: tmux is not installed (the CI script installs it)");
            return None;
        }
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path().join("repo");
        copy_dir(Path::new(FIXTURE), &root);
        let mut env = env.to_vec();
        env.extend(prepare(dir.path()));
        let config = dir.path().join("config");
        let state = dir.path().join("state");
        std::fs::create_dir_all(&config).expect("a config folder");
        std::fs::create_dir_all(&state).expect("a state folder");
        let script = format!(
            "stty -a > '{s}/before'; '{bin}' --root '{root}'; echo \"exit=$?\" > '{s}/status'; stty -a > '{s}/after'; echo programa-done; sleep 60",
            s = state.display(),
            bin = crate::support::BIN,
            root = root.display(),
        );
        let tmux = Tmux {
            socket: dir.path().join("tmux.sock"),
        };
        let mut command = crate::support::pinned("tmux", &dir.path().join("home"));
        command
            .arg("-S")
            .arg(&tmux.socket)
            .args([
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                "100",
                "-y",
                "30",
            ])
            .arg("-e")
            .arg(format!("XDG_CONFIG_HOME={}", config.display()))
            .args([
                "-e",
                "PROGRAMA_TODAY=2021-06-20",
                "-e",
                "TERM=xterm-256color",
            ]);
        for (name, value) in &env {
            command.arg("-e").arg(format!("{name}={value}"));
        }
        let output = command
            .arg("sh")
            .arg("-c")
            .arg(&script)
            .output()
            .expect("starts tmux");
        assert!(
            output.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        Some(Session { dir, tmux })
    }

    /// Finds I.1.2 with the filter, then changes its status: ongoing → completed (which
    /// brings the progress to 100).
    fn complete_i_1_2(&self) {
        let tmux = &self.tmux;
        tmux.type_text("/I.1.2");
        tmux.wait_for("/I.1.2");
        tmux.keys(&["Enter"]);
        tmux.wait_for("Follow-up report on regional integration");
        tmux.type_text("s");
        tmux.wait_for("I.1.2 · status, progress and account");
        tmux.keys(&["Right", "Enter"]);
        tmux.wait_for("I.1.2 changed: status ongoing → completed");
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("repo")
    }

    fn read(&self, code: &str) -> String {
        std::fs::read_to_string(
            self.root()
                .join("programme/2021/activities")
                .join(format!("{code}.toml")),
        )
        .expect("the activity file")
    }

    /// Quits and checks the interface left: exit 0, the shell's screen, the same settings.
    fn quit(&self) {
        self.tmux.type_text("q");
        let screen = self.tmux.wait_for("programa-done");
        assert!(
            !screen.contains("Work Programme for the year 2021"),
            "the alternate screen is gone:\n{screen}"
        );
        let state = self.dir.path().join("state");
        let read = |name: &str| std::fs::read_to_string(state.join(name)).expect("a state file");
        assert_eq!(read("status").trim(), "exit=0");
        assert_eq!(
            read("after"),
            read("before"),
            "the terminal settings are restored"
        );
    }
}

fn fixture(code: &str) -> String {
    std::fs::read_to_string(
        Path::new(FIXTURE)
            .join("programme/2021/activities")
            .join(format!("{code}.toml")),
    )
    .expect("the fixture file")
}

#[test]
fn change_status_and_add_a_note_in_a_real_terminal() {
    let Some(session) = Session::start(&[]) else {
        return;
    };
    let tmux = &session.tmux;
    session.complete_i_1_2();
    tmux.type_text("n");
    tmux.wait_for("I.1.2 · add a progress note");
    tmux.type_text("Draft sent to the Council.");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("I.1.2 changed: note of 2021-06-20 added");
    if let Ok(path) = std::env::var("PROGRAMA_TUI_SCREENSHOT") {
        let _ = std::fs::write(path, &screen);
    }
    session.quit();

    let text = session.read("I.1.2");
    let original = fixture("I.1.2");
    let expected_start = original
        .replace("status = \"ongoing\"", "status = \"completed\"")
        .replace("progress = 40", "progress = 100");
    assert_ne!(expected_start, original);
    assert!(
        text.starts_with(&expected_start),
        "only the status and progress lines changed before the new note:\n{text}"
    );
    let added: Vec<&str> = text[expected_start.len()..]
        .lines()
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        added,
        [
            "[[notes]]",
            "date = \"2021-06-20\"",
            "text = \"Draft sent to the Council.\""
        ]
    );
    // The other files are untouched, and the programme loads without errors (a completed
    // activity without `actual_end` is only a warning).
    for code in ["I.1.1", "I.2.1", "II.3.1", "II.3.2"] {
        assert_eq!(session.read(code), fixture(code), "{code} is unchanged");
    }
    let loaded = store::load(&Workspace::at(session.root()), 2021).expect("loads");
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    let findings = programa::validate::validate(&loaded);
    assert!(!findings.iter().any(|f| f.is_error()), "{findings:?}");
}

#[test]
fn the_editor_runs_outside_the_interface_and_its_text_is_saved() {
    let scripts = tempfile::tempdir().expect("a temporary folder");
    let editor = scripts.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nsed -i 's/Caracas, Venezuela/Lima, Peru/' \"$1\"\necho edited-outside\n",
    )
    .expect("writes the editor script");
    let Some(session) = Session::start(&[("EDITOR", format!("sh {}", editor.display()))]) else {
        return;
    };
    let tmux = &session.tmux;
    tmux.wait_for("I.1.1");
    tmux.type_text("e");
    let screen = tmux.wait_for("I.1.1 saved: venue “Caracas, Venezuela” → “Lima, Peru”");
    assert!(screen.contains("Venue     Lima, Peru"), "{screen}");
    session.quit();
    assert_eq!(
        session.read("I.1.1"),
        fixture("I.1.1").replace("Caracas, Venezuela", "Lima, Peru")
    );
}

/// The variables that give git a home, global file and identity of its own and no system file
/// (as tests/git.rs does), for the folder `dir` of a session.
fn git_env(dir: &Path) -> Vec<(&'static str, String)> {
    let home = dir.join("home");
    vec![
        ("HOME", home.display().to_string()),
        (
            "GIT_CONFIG_GLOBAL",
            home.join(".gitconfig").display().to_string(),
        ),
        ("GIT_CONFIG_NOSYSTEM", "1".to_string()),
    ]
}

/// Runs git in `dir/repo` with the session's variables.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = crate::support::pinned("git", &dir.join("home"))
        .current_dir(dir.join("repo"))
        .envs(git_env(dir))
        .env("GIT_AUTHOR_DATE", "2021-01-10T09:00:00+00:00")
        .env("GIT_COMMITTER_DATE", "2021-01-10T09:00:00+00:00")
        .args(args)
        .output()
        .expect("git runs");
    stdout_of(&format!("git {args:?}"), output)
}

/// A session on a repository whose first commit holds the fixture; `identity` decides whether
/// git knows the user.
fn git_session(identity: bool) -> Option<Session> {
    Session::start_with(&[], |dir| {
        let home = dir.join("home");
        std::fs::create_dir_all(&home).expect("a home");
        let user = if identity {
            "[user]\n\tname = Ana Pérez\n\temail = ana@sela.example\n"
        } else {
            ""
        };
        std::fs::write(
            home.join(".gitconfig"),
            format!("{user}[init]\n\tdefaultBranch = main\n"),
        )
        .expect("writes the git configuration");
        git(dir, &["init", "-q"]);
        git(dir, &["add", "-A"]);
        git(
            dir,
            &[
                "-c",
                "user.name=Import",
                "-c",
                "user.email=import@sela.example",
                "commit",
                "-q",
                "-m",
                "Import the 2021 programme",
            ],
        );
        git_env(dir)
    })
}

#[test]
fn change_a_status_and_commit_it_in_a_real_terminal() {
    let Some(session) = git_session(true) else {
        return;
    };
    let tmux = &session.tmux;
    session.complete_i_1_2();
    tmux.type_text("3");
    tmux.wait_for("status: ongoing → completed");
    tmux.type_text("c");
    let screen = tmux.wait_for("Commit the changes");
    assert!(
        screen.contains("I.1.2: status ongoing → completed; progress 40% → 100%"),
        "{screen}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for("committed ");
    tmux.wait_for("nothing to commit");
    session.quit();

    let dir = session.dir.path();
    assert_eq!(
        git(dir, &["log", "-1", "--format=%B"]).trim_end(),
        "I.1.2: status ongoing → completed; progress 40% → 100%"
    );
    assert_eq!(
        git(dir, &["log", "-1", "--format=%an <%ae>"]).trim_end(),
        "Ana Pérez <ana@sela.example>"
    );
    assert_eq!(git(dir, &["status", "--porcelain"]), "");
}

#[test]
fn without_a_git_identity_the_commit_dialog_says_how_to_set_one() {
    let Some(session) = git_session(false) else {
        return;
    };
    let tmux = &session.tmux;
    tmux.type_text("s");
    tmux.wait_for("I.1.1 · status, progress and account");
    tmux.keys(&["Right", "Enter"]);
    tmux.wait_for("I.1.1 changed");
    tmux.type_text("c");
    let screen = tmux.wait_for("Cannot commit");
    assert!(screen.contains("no git identity configured"), "{screen}");
    assert!(screen.contains("git config --global user.name"), "{screen}");
    tmux.keys(&["Escape"]);
    session.quit();
    let dir = session.dir.path();
    assert_eq!(git(dir, &["log", "--format=%s"]).lines().count(), 1);
}

impl Tmux {
    /// Waits until the screen shows every one of `words` (a screen caught halfway through a
    /// redraw may miss some), then checks it shows none of `absent`; returns the screen.
    fn shows(&self, what: &str, words: &[&str], absent: &[&str]) -> String {
        let screen = self.wait_until(what, |screen| words.iter().all(|w| screen.contains(w)));
        let present: Vec<&str> = absent
            .iter()
            .copied()
            .filter(|w| screen.contains(w))
            .collect();
        assert!(present.is_empty(), "{what} shows {present:?}:\n{screen}");
        screen
    }
}

#[test]
fn with_spanish_as_the_interface_language_the_interface_speaks_spanish() {
    let spanish = [("PROGRAMA_LANG", "es".to_string())];
    let Some(session) = Session::launch(&spanish, |_| Vec::new()) else {
        return;
    };
    let tmux = &session.tmux;
    tmux.wait_until("every file read, in Spanish", |screen| {
        screen.contains("Work Programme for the year 2021 │ 5 actividades")
            && !screen.contains("hasta ahora")
    });
    // The labels, tabs, words and key help of the main screen; the programme's own text
    // (titles, background) stays as the files have it.
    let labels = [
        "╭ Programa ─",
        "1 Actividad 2 Historial 3 Cambios",
        "Proyecto  I.1 Assessment",
        "Estado    ● terminada",
        "Avance    ██████████ 100%",
        "Tipo      evento · presencial",
        "Previsto  2021-05-10 → 2021-05-11",
        "Sede      Caracas, Venezuela",
        "A. Antecedentes y justificación",
        "B. Objetivos",
        " ? ayuda  / filtrar  s estado  d fechas  f modalidad ",
        " q salir",
        "100% pre",
    ];
    let english = [
        "5 activities",
        "1 Activity",
        "2 History",
        "3 Changes",
        "Status    ",
        "Progress  ",
        "Planned   ",
        "● completed",
        "event · face-to-face",
        "Background and justification",
        "? help",
        "/ filter",
        "q quit",
        "100% f2f",
    ];
    tmux.shows("the main screen in Spanish", &labels, &english);

    // The status form: its title, labels, hints, the words it offers and its keys.
    tmux.type_text("j");
    tmux.wait_for("◐ en curso");
    tmux.type_text("s");
    let labels = [
        "I.1.2 · estado, avance y balance",
        "Estado    ‹ en curso ›",
        "Avance %  40",
        "de 0 a 100",
        "Balance",
        "enter guarda · esc cancela · tab campo siguiente",
    ];
    let english = ["ongoing", "Progress", "enter saves", "Account"];
    tmux.shows("the status form in Spanish", &labels, &english);
    // Choosing the next word saves the English word in the file.
    tmux.keys(&["Right"]);
    tmux.wait_for("‹ terminada ›");
    tmux.keys(&["Enter"]);
    tmux.wait_for("I.1.2 actualizada:");

    // The help window.
    tmux.type_text("?");
    let labels = [
        "Teclas · ↑/↓ desplazar · esc cierra",
        "subir una página",
        "volver, cerrar, borrar el filtro",
        "page_up",
    ];
    tmux.shows("the help in Spanish", &labels, &["move up", "Keys ·"]);
    tmux.keys(&["Escape"]);
    session.quit();
    let text = session.read("I.1.2");
    assert!(text.contains("status = \"completed\""), "{text}");
}

#[test]
fn in_spanish_the_programme_document_is_compiled_in_spanish() {
    if !crate::support::poppler() {
        return;
    }
    let spanish = [("PROGRAMA_LANG", "es".to_string())];
    let Some(session) = Session::launch(&spanish, |_| Vec::new()) else {
        return;
    };
    let tmux = &session.tmux;
    tmux.wait_for("5 actividades");
    tmux.type_text("p");
    tmux.wait_for("Compilación del documento del programa");
    let pdf = session.root().join("programme-2021-es.pdf");
    let done = tmux.wait_within(Duration::from_secs(120), "the compile's end", |screen| {
        screen.contains("se escribió en") || screen.contains("✗")
    });
    assert!(done.contains("se escribió en"), "{done}");
    tmux.keys(&["Escape"]);
    session.quit();
    let text = crate::render::pdf_text(&pdf);
    for spanish in [
        "Traducido al español",
        "Antecedentes y justificación",
        "Presencial",
    ] {
        assert!(text.contains(spanish), "{spanish} in the PDF:\n{text}");
    }
    assert!(!text.contains("Background and justification"), "{text}");
}
