//! `programa undo` and `redo`: the journal of changes, across processes, with real git
//! repositories and the real binary.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support::{BIN, copy_dir};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// A git repository holding a copy of the small fixture.
struct Repo {
    _dir: tempfile::TempDir,
    home: PathBuf,
    root: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().expect("temp dir");
        let home = dir.path().join("home");
        let root = dir.path().join("repo");
        std::fs::create_dir_all(&home).expect("home");
        std::fs::write(
            home.join(".gitconfig"),
            "[user]\n\tname = Ana Pérez\n\temail = ana@sela.example\n[init]\n\tdefaultBranch = main\n",
        )
        .expect("gitconfig");
        copy_dir(Path::new(FIXTURE), &root);
        let repo = Repo {
            _dir: dir,
            home,
            root,
        };
        repo.git(&["init", "-q"]);
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "Import the 2021 programme"]);
        repo
    }

    fn command(&self, program: &str) -> Command {
        let mut command = crate::support::pinned(program, &self.home);
        command.current_dir(&self.root).stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(BIN)
            .args(args)
            .output()
            .expect("programa runs")
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "programa {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn git(&self, args: &[&str]) {
        let status = self.command("git").args(args).status().expect("git runs");
        assert!(status.success(), "git {args:?}");
    }

    fn path(&self, code: &str) -> PathBuf {
        self.root
            .join("programme/2021/activities")
            .join(format!("{code}.toml"))
    }

    fn bytes(&self, code: &str) -> Vec<u8> {
        std::fs::read(self.path(code)).expect("the activity file")
    }

    fn mode(&self, code: &str) -> u32 {
        std::fs::metadata(self.path(code))
            .expect("metadata")
            .permissions()
            .mode()
            & 0o7777
    }
}

#[test]
fn undo_after_set_gives_back_the_same_bytes_and_mode() {
    let repo = Repo::new();
    std::fs::set_permissions(repo.path("I.1.1"), std::fs::Permissions::from_mode(0o640))
        .expect("chmod");
    let before = repo.bytes("I.1.1");
    repo.ok(&["set", "I.1.1", "venue=Lima"]);
    assert_ne!(repo.bytes("I.1.1"), before);
    let out = repo.ok(&["undo"]);
    assert!(out.contains("programa set I.1.1 venue=Lima"), "{out}");
    assert_eq!(repo.bytes("I.1.1"), before);
    assert_eq!(repo.mode("I.1.1"), 0o640);
    let again = repo.run(&["undo"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("no change to undo"));
}

#[test]
fn several_levels_undo_and_redo_across_processes() {
    let repo = Repo::new();
    let start = repo.bytes("I.1.1");
    repo.ok(&["set", "I.1.1", "venue=Quito"]);
    let first = repo.bytes("I.1.1");
    repo.ok(&["set", "I.1.1", "venue=Bogota"]);
    let second = repo.bytes("I.1.1");
    repo.ok(&[
        "note",
        "I.1.2",
        "A meeting was held",
        "--date",
        "2021-03-01",
    ]);
    let list = repo.ok(&["undo", "--list"]);
    let note_at = list.find("programa note").expect("note listed");
    let set_at = list.find("venue=Bogota").expect("set listed");
    assert!(note_at < set_at, "newest first: {list}");
    assert!(
        list.contains("programme/2021/activities/I.1.2.toml"),
        "{list}"
    );

    repo.ok(&["undo", "2"]);
    assert_eq!(repo.bytes("I.1.1"), first);
    repo.ok(&["undo"]);
    assert_eq!(repo.bytes("I.1.1"), start);
    repo.ok(&["redo"]);
    assert_eq!(repo.bytes("I.1.1"), first);
    repo.ok(&["redo"]);
    assert_eq!(repo.bytes("I.1.1"), second);
    // A new change forgets what could be redone.
    repo.ok(&["set", "I.1.1", "venue=Cusco"]);
    let redo = repo.run(&["redo"]);
    assert!(!redo.status.success());
    assert!(String::from_utf8_lossy(&redo.stderr).contains("no undone change"));
}

#[test]
fn undo_refuses_when_the_file_was_edited_since_and_changes_nothing() {
    let repo = Repo::new();
    repo.ok(&["set", "I.1.1", "venue=Lima"]);
    let mut edited = repo.bytes("I.1.1");
    edited.extend_from_slice(b"# edited by hand\n");
    std::fs::write(repo.path("I.1.1"), &edited).expect("edit by hand");
    let output = repo.run(&["undo"]);
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("I.1.1.toml"), "{error}");
    assert!(error.contains("was changed since"), "{error}");
    assert_eq!(repo.bytes("I.1.1"), edited);
    assert!(repo.ok(&["undo", "--list"]).contains("venue=Lima"));
}

#[test]
fn undo_of_a_new_activity_removes_its_file_and_redo_brings_it_back() {
    let repo = Repo::new();
    let out = repo.ok(&["new", "--project", "I.1", "--title", "A new study"]);
    let created: Vec<PathBuf> = std::fs::read_dir(repo.root.join("programme/2021/activities"))
        .expect("activities")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            !Path::new(FIXTURE)
                .join("programme/2021/activities")
                .join(path.file_name().expect("name"))
                .exists()
        })
        .collect();
    assert_eq!(created.len(), 1, "{out}");
    let text = std::fs::read(&created[0]).expect("new file");
    repo.ok(&["undo"]);
    assert!(!created[0].exists());
    repo.ok(&["redo"]);
    assert_eq!(std::fs::read(&created[0]).expect("back"), text);
}

#[test]
fn the_journal_is_not_tracked_by_git() {
    let repo = Repo::new();
    repo.ok(&["set", "I.1.1", "venue=Lima"]);
    assert!(repo.root.join(".git/programa/journal/undo").is_dir());
    let status = repo
        .command("git")
        .args(["status", "--porcelain"])
        .output()
        .expect("git status");
    let status = String::from_utf8_lossy(&status.stdout);
    assert_eq!(status.trim(), "M programme/2021/activities/I.1.1.toml");
}

#[test]
fn parallel_writers_each_get_an_entry_and_undo_in_order() {
    let repo = Repo::new();
    let start = repo.bytes("I.1.1");
    let children: Vec<_> = (0..4)
        .map(|n| {
            repo.command(BIN)
                .args(["set", "I.1.1", &format!("venue=Room{n}")])
                .env("PROGRAMA_LOCK_TIMEOUT", "600")
                .stdout(Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let list = repo.ok(&["undo", "--list"]);
    assert_eq!(list.matches("programa set").count(), 4, "{list}");
    repo.ok(&["undo", "4"]);
    assert_eq!(repo.bytes("I.1.1"), start);
}
