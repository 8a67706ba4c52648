//! Writes that lose nothing: real programa processes writing one activity in parallel, writers
//! killed with `kill -9` at any instant, a writer waiting for the lock and giving up, and the
//! modes of every file programa writes under the umasks 022 and 077.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use programa::store::Workspace;
use programa::store::lock::DEFAULT_TIMEOUT;
use programa::store::write::is_temporary;

use crate::support::{BIN, copy_dir, stdout_of};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
const ACTIVITIES: &str = "programme/2021/activities";

/// A copy of the small fixture in a temporary folder, a git repository or not, with a home
/// that gives git an identity.
struct Folder {
    _dir: tempfile::TempDir,
    home: PathBuf,
    root: PathBuf,
}

impl Folder {
    fn new(git: bool) -> Folder {
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
        let folder = Folder {
            _dir: dir,
            home,
            root,
        };
        if git {
            folder.git(&["init", "-q"]);
            folder.git(&["add", "-A"]);
            folder.git(&["commit", "-q", "-m", "Import the 2021 programme"]);
        }
        folder
    }

    fn command(&self, program: &str) -> Command {
        let mut command = crate::support::pinned(program, &self.home);
        // Many writers on two busy cores: a writer must never give up waiting here.
        command
            .current_dir(&self.root)
            .env("PROGRAMA_LOCK_TIMEOUT", "600")
            .stdin(Stdio::null());
        command
    }

    fn programa(&self, args: &[&str]) -> Command {
        let mut command = self.command(BIN);
        command.args(args);
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.programa(args).output().expect("programa runs")
    }

    fn spawn(&self, args: &[&str]) -> Child {
        self.programa(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("programa starts")
    }

    fn git(&self, args: &[&str]) -> String {
        let output = self.command("git").args(args).output().expect("git runs");
        stdout_of(&format!("git {args:?}"), output)
    }

    fn activity(&self, code: &str) -> PathBuf {
        self.root.join(ACTIVITIES).join(format!("{code}.toml"))
    }

    fn read(&self, code: &str) -> String {
        std::fs::read_to_string(self.activity(code)).expect("the activity file")
    }

    /// The temporary files of programa's writer in the year's folders.
    fn temporaries(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        for dir in [self.root.join("programme/2021"), self.root.join(ACTIVITIES)] {
            for entry in std::fs::read_dir(&dir).expect("readable folder") {
                let entry = entry.expect("entry");
                if is_temporary(&entry.file_name()) {
                    found.push(entry.path());
                }
            }
        }
        found
    }
}

/// Waits for every child, asserting each succeeded; returns their standard outputs.
fn wait_all(children: Vec<Child>) -> Vec<String> {
    children
        .into_iter()
        .map(|child| {
            let output = child.wait_with_output().expect("programa ends");
            stdout_of("a parallel writer", output)
        })
        .collect()
}

/// Every item of an array of tables in a TOML text, by key.
fn table_values(text: &str, array: &str, key: &str) -> BTreeSet<String> {
    let doc: toml::Table = toml::from_str(text).expect("the file parses");
    doc.get(array)
        .and_then(|v| v.as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.get(key)?.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn parallel_mixed_writers_keep_every_change() {
    let folder = Folder::new(true);
    let before = folder.read("I.1.2");
    const EACH: usize = 10;
    let mut children = Vec::new();
    for i in 0..EACH {
        let note = format!("note number {i}");
        children.push(folder.spawn(&["note", "I.1.2", &note]));
        let organisation = format!("Organisation {i}");
        children.push(folder.spawn(&[
            "participant",
            "add",
            "I.1.2",
            "--organisation",
            &organisation,
            "--country",
            "Peru",
            "--role",
            "participant",
        ]));
        let partner = format!("partners+=Partner {i}");
        children.push(folder.spawn(&["set", "I.1.2", &partner]));
    }
    let outputs = wait_all(children);
    assert_eq!(outputs.len(), 3 * EACH);

    let text = folder.read("I.1.2");
    let expected =
        |what: &str| -> BTreeSet<String> { (0..EACH).map(|i| format!("{what} {i}")).collect() };
    assert_eq!(
        table_values(&text, "notes", "text"),
        expected("note number")
    );
    assert_eq!(
        table_values(&text, "participants", "organisation"),
        expected("Organisation")
    );
    let doc: toml::Table = toml::from_str(&text).expect("parses");
    let partners: BTreeSet<String> = doc["partners"]
        .as_array()
        .expect("partners")
        .iter()
        .filter_map(|p| p.as_str().map(String::from))
        .collect();
    assert_eq!(partners, expected("Partner"));
    // Every line that was there before is there still.
    for line in before.lines() {
        assert!(text.contains(line), "{line:?} is gone:\n{text}");
    }
    assert!(folder.temporaries().is_empty());
    // The lock lives in the git directory: nothing new for git to see but the one file.
    assert_eq!(
        folder.git(&["status", "--porcelain", "--untracked-files=all"]),
        " M programme/2021/activities/I.1.2.toml\n"
    );
    assert!(folder.root.join(".git/programa/lock").is_file());
}

#[test]
fn parallel_new_activities_get_distinct_codes() {
    let folder = Folder::new(false);
    const COUNT: usize = 8;
    let children: Vec<Child> = (0..COUNT)
        .map(|i| {
            let title = format!("Parallel {i}");
            folder.spawn(&["new", "--project", "I.1", "--title", &title])
        })
        .collect();
    let outputs = wait_all(children);
    let codes: BTreeSet<String> = outputs
        .iter()
        .map(|out| out.split(':').next().unwrap_or_default().to_string())
        .collect();
    let expected: BTreeSet<String> = (3..3 + COUNT).map(|n| format!("I.1.{n}")).collect();
    assert_eq!(codes, expected, "{outputs:?}");
    let titles: BTreeSet<String> = codes
        .iter()
        .map(|code| {
            let doc: toml::Table = toml::from_str(&folder.read(code)).expect("parses");
            doc["title"].as_str().expect("a title").to_string()
        })
        .collect();
    let wanted: BTreeSet<String> = (0..COUNT).map(|i| format!("Parallel {i}")).collect();
    assert_eq!(titles, wanted);
    // Outside git, the lock is in a folder under programme/ that git would ignore.
    let state = folder.root.join("programme/.programa");
    assert!(state.join("lock").is_file());
    assert_eq!(
        std::fs::read_to_string(state.join(".gitignore")).expect("ignore file"),
        "*\n"
    );
    let check = folder.run(&["check"]);
    assert!(check.status.success(), "{check:?}");
}

#[test]
fn writers_killed_at_any_instant_leave_the_old_file_or_the_new_one() {
    let folder = Folder::new(true);
    let mut progress = 40;
    let mut stale_seen = 0;
    for i in 0..40u64 {
        let wanted = (i % 97) + 1;
        let mut child = if i % 4 == 3 {
            let note = format!("killed note {i}");
            folder.spawn(&["note", "I.1.2", &note])
        } else {
            let arg = format!("progress={wanted}");
            folder.spawn(&["set", "I.1.2", &arg])
        };
        // From at once to after the write: the kills land before, during and after it.
        std::thread::sleep(std::time::Duration::from_millis((i * 7) % 60));
        let _ = child.kill();
        let _ = child.wait();

        let text = folder.read("I.1.2");
        let doc: toml::Table = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("after kill {i} the file does not parse ({e}):\n{text}"));
        let now = doc["progress"].as_integer().expect("progress");
        if i % 4 == 3 {
            assert_eq!(now, progress, "a note changed the progress");
        } else {
            assert!(
                now == progress || now == wanted as i64,
                "after kill {i}: progress {now}, neither {progress} nor {wanted}"
            );
            progress = now;
        }
        let stale = folder.temporaries();
        stale_seen += stale.len();
        for path in &stale {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            assert!(!name.ends_with(".toml"), "{name}");
        }
    }
    // A writer killed between writing its temporary file and renaming it, for certain.
    let planted = folder.root.join(ACTIVITIES).join(format!(
        ".I.1.1.toml.4242-0{}",
        programa::store::write::TEMPORARY_SUFFIX
    ));
    std::fs::write(&planted, "code = \"I.1.1\"\n").expect("plants a stale file");
    let check = folder.run(&["check"]);
    assert!(
        check.status.success(),
        "stale files are not read: {check:?}"
    );

    // The next writer removes them all, and the commit after has none.
    let out = folder.run(&["set", "I.1.2", "progress=99"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        folder.temporaries(),
        Vec::<PathBuf>::new(),
        "{stale_seen} seen"
    );
    std::fs::write(&planted, "left again").expect("plants another");
    let commit = folder.run(&["commit"]);
    assert!(commit.status.success(), "{commit:?}");
    assert!(!planted.exists(), "the commit's lock removed it too");
    let committed = folder.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(committed, "programme/2021/activities/I.1.2.toml\n");
    assert_eq!(
        folder.git(&["status", "--porcelain", "--untracked-files=all"]),
        ""
    );
    folder.git(&["fsck", "--no-progress"]);
}

#[test]
fn a_writer_waits_for_the_lock_then_gives_up_writing_nothing() {
    let folder = Folder::new(false);
    let before = folder.read("I.1.2");
    let workspace = Workspace::at(&folder.root);
    let held = workspace
        .lock_year(2021, DEFAULT_TIMEOUT, |_| {})
        .expect("the test takes the lock");
    let out = folder
        .programa(&["set", "I.1.2", "progress=50"])
        .env("PROGRAMA_LOCK_TIMEOUT", "0.3")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let waiting = format!(
        "waiting for another programa writing programme/2021 (process {})…",
        std::process::id()
    );
    assert!(stderr.starts_with(&waiting), "{stderr}");
    assert!(
        stderr.contains("error: another programa is still writing programme/2021"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(stderr.contains("PROGRAMA_LOCK_TIMEOUT"), "{stderr}");
    assert_eq!(folder.read("I.1.2"), before);

    let bad = folder
        .programa(&["note", "I.1.2", "x"])
        .env("PROGRAMA_LOCK_TIMEOUT", "soon")
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("PROGRAMA_LOCK_TIMEOUT=soon is not a number"),
        "{bad:?}"
    );

    drop(held);
    let out = folder.run(&["set", "I.1.2", "progress=50"]);
    assert!(out.status.success(), "{out:?}");
    // A child another test thread is starting holds a copy of the lock's descriptor until it
    // runs its program, so the writer may still wait an instant; it never fails.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.is_empty() || stderr.trim_end() == waiting,
        "nothing but a wait: {stderr}"
    );
    assert!(folder.read("I.1.2").contains("progress = 50"));
}

#[cfg(unix)]
#[test]
fn written_files_follow_the_umask_and_edited_files_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .permissions()
            .mode()
            & 0o7777
    };
    for umask in [0o022, 0o077] {
        let folder = Folder::new(true);
        let under_umask = |args: &[&str]| {
            let script = format!("umask {umask:03o}; exec \"$0\" \"$@\"");
            let output = folder
                .command("sh")
                .arg("-c")
                .arg(script)
                .arg(BIN)
                .args(args)
                .output()
                .expect("sh runs");
            stdout_of(&format!("{args:?} under umask {umask:03o}"), output);
        };
        let made = 0o666 & !umask;

        let edited = folder.activity("I.1.1");
        std::fs::set_permissions(&edited, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        under_umask(&["set", "I.1.1", "venue=Lima"]);
        assert_eq!(mode(&edited), 0o640, "an edited file keeps its mode");
        under_umask(&["note", "I.1.1", "Held in Lima."]);
        assert_eq!(mode(&edited), 0o640);

        under_umask(&["new", "--project", "I.1", "--title", "A new one"]);
        assert_eq!(mode(&folder.activity("I.1.3")), made, "umask {umask:03o}");

        under_umask(&["git-setup", "--command", "programa diff-driver"]);
        assert_eq!(mode(&folder.root.join(".gitattributes")), made);

        under_umask(&["schema", "--write", "schemas"]);
        assert_eq!(
            mode(&folder.root.join("schemas/activity.schema.json")),
            made
        );

        under_umask(&["compile", "programme", "--emit", "emitted"]);
        assert_eq!(mode(&folder.root.join("emitted/main.typ")), made);
        assert_eq!(mode(&folder.root.join("emitted/data.json")), made);

        under_umask(&["compile", "programme", "-o", "programme.pdf"]);
        let pdf = folder.root.join("programme.pdf");
        assert_eq!(mode(&pdf), made);
        std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o604)).expect("chmod");
        under_umask(&["compile", "programme", "-o", "programme.pdf"]);
        assert_eq!(mode(&pdf), 0o604, "a PDF written again keeps its mode");
        assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    }
}
