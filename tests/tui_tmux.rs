//! The interface in a real terminal, driven through tmux: open it on a copy of the fixture
//! programme, change an activity's status, add a note, quit; then check the file, the
//! programme, and that the terminal is back as it was. Skips (with a message) without tmux.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use programa::store::{self, Workspace};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("creates a folder");
    for entry in std::fs::read_dir(from).expect("reads the fixture") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copies a file");
        }
    }
}

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
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("waited for {text:?}; the screen is:\n{screen}");
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

#[test]
fn change_status_and_add_a_note_in_a_real_terminal() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("skipped: tmux is not installed (the CI script installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("repo");
    copy_dir(Path::new(FIXTURE), &root);
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("a config folder");
    let state = dir.path().join("state");
    let script = format!(
        "stty -a > '{s}/before'; '{bin}' --root '{root}'; echo \"exit=$?\" > '{s}/status'; stty -a > '{s}/after'; echo programa-done; sleep 60",
        s = state.display(),
        bin = env!("CARGO_BIN_EXE_programa"),
        root = root.display(),
    );
    std::fs::create_dir_all(&state).expect("a state folder");
    let tmux = Tmux {
        socket: dir.path().join("tmux.sock"),
    };
    let output = Command::new("tmux")
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
        ])
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

    tmux.wait_for("Work Programme for the year 2021");
    // Find the activity with the filter, then change its status: ongoing → completed.
    tmux.type_text("/I.1.2");
    tmux.wait_for("/I.1.2");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Follow-up report on regional integration");
    tmux.type_text("s");
    tmux.wait_for("I.1.2 · status and progress");
    tmux.keys(&["Right", "Enter"]);
    tmux.wait_for("I.1.2 changed: status ongoing → completed");
    tmux.type_text("n");
    tmux.wait_for("I.1.2 · add a progress note");
    tmux.type_text("Draft sent to the Council.");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("I.1.2 changed: notes + 2021-06-20");
    if let Ok(path) = std::env::var("PROGRAMA_TUI_SCREENSHOT") {
        let _ = std::fs::write(path, &screen);
    }
    tmux.type_text("q");
    let screen = tmux.wait_for("programa-done");
    assert!(
        !screen.contains("Work Programme for the year 2021"),
        "the alternate screen is gone:\n{screen}"
    );

    let read = |name: &str| std::fs::read_to_string(state.join(name)).expect("a state file");
    assert_eq!(read("status").trim(), "exit=0");
    assert_eq!(
        read("after"),
        read("before"),
        "the terminal settings are restored"
    );

    let path = root.join("programme/2021/activities/I.1.2.toml");
    let text = std::fs::read_to_string(&path).expect("the activity file");
    let fixture =
        std::fs::read_to_string(Path::new(FIXTURE).join("programme/2021/activities/I.1.2.toml"))
            .expect("the fixture file");
    let expected_start = fixture.replace("status = \"ongoing\"", "status = \"completed\"");
    assert_ne!(expected_start, fixture);
    assert!(
        text.starts_with(&expected_start),
        "only the status line changed before the new note:\n{text}"
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
    // The other files are untouched, and the programme loads without findings.
    for code in ["I.1.1", "I.2.1", "II.3.1", "II.3.2"] {
        let file = format!("programme/2021/activities/{code}.toml");
        assert_eq!(
            std::fs::read_to_string(root.join(&file)).ok(),
            std::fs::read_to_string(Path::new(FIXTURE).join(&file)).ok(),
            "{code} is unchanged"
        );
    }
    let loaded = store::load(&Workspace::at(&root), 2021).expect("loads");
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    assert!(programa::validate::validate(&loaded).is_empty());
}
