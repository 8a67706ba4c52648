//! The git commands on real repositories: histories built with the real `git` and with
//! `programa commit`, a fixed identity, fixed dates and an isolated configuration.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use insta::assert_snapshot;

use crate::support::{copy_dir, stdout_of};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
const ACTIVITIES: &str = "programme/2021/activities";

/// A temporary home with its own git configuration and a repository in it.
pub(crate) struct Env {
    _dir: tempfile::TempDir,
    pub(crate) home: PathBuf,
    /// The repository's working tree.
    pub(crate) repo: PathBuf,
    /// The folder that holds `programme/` (the repository, or a sub-folder of it).
    pub(crate) root: PathBuf,
    /// Variables added to every command.
    pub(crate) vars: Vec<(String, String)>,
}

impl Env {
    /// An empty repository on `main`, with no commits, and the fixture copied into `sub`.
    fn new_in(sub: &str) -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let home = dir.path().join("home");
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(&home).expect("home");
        std::fs::create_dir_all(&repo).expect("repo");
        std::fs::write(
            home.join(".gitconfig"),
            "[user]\n\tname = Ana Pérez\n\temail = ana@sela.example\n[init]\n\tdefaultBranch = main\n",
        )
        .expect("gitconfig");
        let root = if sub.is_empty() {
            repo.clone()
        } else {
            repo.join(sub)
        };
        copy_dir(Path::new(FIXTURE), &root);
        let env = Env {
            _dir: dir,
            home,
            repo,
            root,
            vars: Vec::new(),
        };
        env.git(&["init", "-q"]);
        env
    }

    /// A repository whose first commit (by plain git) holds the fixture.
    pub(crate) fn new() -> Env {
        let env = Env::new_in("");
        env.commit("Import the 2021 programme", "2021-01-10T09:00:00+00:00");
        env
    }

    fn command(&self, program: &str, dir: &Path) -> Command {
        let mut command = crate::support::pinned(program, &self.home);
        command.current_dir(dir);
        for (key, value) in &self.vars {
            command.env(key, value);
        }
        command
    }

    pub(crate) fn git_output(&self, args: &[&str]) -> Output {
        self.command("git", &self.repo)
            .args(args)
            .output()
            .expect("git runs")
    }

    /// Runs git in the repository; panics when it fails.
    pub(crate) fn git(&self, args: &[&str]) -> String {
        let output = self.git_output(args);
        stdout_of(&format!("git {args:?}"), output)
    }

    /// Stages everything and commits with plain git at `date`.
    pub(crate) fn commit(&self, message: &str, date: &str) {
        self.git(&["add", "-A"]);
        self.git_at(date, &["commit", "-q", "-m", message]);
    }

    fn git_at(&self, date: &str, args: &[&str]) -> String {
        let output = self
            .command("git", &self.repo)
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .args(args)
            .output()
            .expect("git runs");
        stdout_of(&format!("git {args:?}"), output)
    }

    /// Runs programa in the programme's folder.
    pub(crate) fn programa(&self, args: &[&str]) -> Run {
        self.programa_in(&self.root, args, None)
    }

    /// Runs programa at `date` (author and committer).
    fn programa_at(&self, date: &str, args: &[&str]) -> Run {
        self.programa_in(&self.root, args, Some(date))
    }

    fn programa_in(&self, dir: &Path, args: &[&str], date: Option<&str>) -> Run {
        let mut command = self.command(env!("CARGO_BIN_EXE_programa"), dir);
        if let Some(date) = date {
            command
                .env("GIT_AUTHOR_DATE", date)
                .env("GIT_COMMITTER_DATE", date);
        }
        let output = command.args(args).output().expect("programa runs");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub(crate) fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub(crate) fn activity(&self, code: &str) -> PathBuf {
        self.path(&format!("{ACTIVITIES}/{code}.toml"))
    }

    /// Replaces `from` by `to` in an activity file; panics if `from` is not there.
    pub(crate) fn edit(&self, code: &str, from: &str, to: &str) {
        let path = self.activity(code);
        let text = std::fs::read_to_string(&path).expect("activity file");
        assert!(text.contains(from), "{from:?} not in {code}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    }

    /// `git fsck` finds nothing wrong.
    pub(crate) fn fsck(&self) {
        self.git(&["fsck", "--no-progress"]);
    }

    /// What a commit could change: HEAD, every ref, the reflog of HEAD and the index's bytes.
    fn state(&self) -> (String, String, Vec<u8>) {
        let refs = self.git(&["for-each-ref", "--format=%(refname) %(objectname)"]);
        let head = self.git(&["rev-parse", "HEAD"]) + &self.git(&["reflog", "-n", "3"]);
        let index = std::fs::read(self.repo.join(".git/index")).expect("the index");
        (head, refs, index)
    }

    pub(crate) fn append(&self, code: &str, text: &str) {
        let path = self.activity(code);
        let mut old = std::fs::read_to_string(&path).expect("activity file");
        old.push_str(text);
        std::fs::write(&path, old).expect("write");
    }
}

pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    #[track_caller]
    pub(crate) fn ok(self) -> String {
        assert_eq!(
            self.code, 0,
            "failed:\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self.stdout
    }

    #[track_caller]
    pub(crate) fn fails(self) -> String {
        assert_eq!(self.code, 1, "expected failure, stdout:\n{}", self.stdout);
        self.stderr
    }
}

const PARTICIPANTS: &str = r#"
[[participants]]
organisation = "CAF"
country = "Venezuela"
role = "speaker"

[[participants]]
name = "Luis Gómez"
organisation = "Ministry of Economy"
country = "Mexico"
role = "participant"

[[participants]]
organisation = "UNCTAD"
country = "Switzerland"
role = "observer"
"#;

/// A history of six commits by two people, made with plain git.
fn history() -> Env {
    let env = Env::new();
    env.edit("I.1.2", "progress = 40", "progress = 60");
    env.commit(
        "Progress on the follow-up report",
        "2021-03-01T10:00:00+00:00",
    );

    env.edit("I.2.1", "status = \"planned\"", "status = \"ongoing\"");
    env.edit("I.2.1", "progress = 0", "progress = 30");
    env.append("I.2.1", PARTICIPANTS);
    let mut env = env;
    env.vars
        .push(("GIT_AUTHOR_NAME".into(), "Luis Gómez".into()));
    env.vars
        .push(("GIT_AUTHOR_EMAIL".into(), "luis@sela.example".into()));
    env.commit("Workshop under way", "2021-04-15T16:30:00-04:00");
    env.vars.clear();

    env.edit("I.1.2", "progress = 60", "progress = 100");
    env.edit("I.1.2", "status = \"ongoing\"", "status = \"completed\"");
    env.edit(
        "I.1.2",
        "Build a database made up of these economic monitoring variables.",
        "Build an open database of these economic monitoring variables.",
    );
    env.commit("Report delivered", "2021-06-30T12:00:00+00:00");

    env.edit("I.2.1", "progress = 30", "progress = 100");
    env.edit("I.2.1", "status = \"ongoing\"", "status = \"completed\"");
    env.commit("Workshop held", "2021-09-03T12:00:00+00:00");
    env
}

#[test]
fn log_reads_as_changes_per_activity() {
    let env = history();
    assert_snapshot!("log", env.programa(&["log"]).ok());
    assert_snapshot!("log_one_activity", env.programa(&["log", "I.2.1"]).ok());
    let by_luis = env.programa(&["log", "--author", "LUIS"]).ok();
    assert!(by_luis.contains("Workshop under way"), "{by_luis}");
    assert!(!by_luis.contains("Report delivered"), "{by_luis}");
    let window = env
        .programa(&["log", "--since", "2021-03-01", "--until", "2021-06-30"])
        .ok();
    assert_eq!(window.matches("\n\n").count(), 2, "{window}");
    assert!(!window.contains("Import the 2021 programme"), "{window}");

    let json: serde_json::Value =
        serde_json::from_str(&env.programa(&["log", "--json"]).ok()).expect("JSON");
    let entries = json["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 5);
    assert_eq!(entries[0]["summary"], "Workshop held");
    let first = &entries[0]["changes"]["activities"][0];
    assert_eq!(first["code"], "I.2.1");
    assert_eq!(first["fields"][0]["field_change"], "status");
    assert_eq!(first["fields"][0]["from"], "ongoing");
    assert_eq!(first["fields"][0]["to"], "completed");
    assert_eq!(entries[2]["commit"]["author"], "Luis Gómez");
    assert_eq!(entries[2]["commit"]["date"], "2021-04-15T16:30:00-04:00");
}

#[test]
fn history_shows_the_trajectory_of_an_activity() {
    let env = history();
    assert_snapshot!("history", env.programa(&["history", "I.2.1"]).ok());
    let json: serde_json::Value =
        serde_json::from_str(&env.programa(&["history", "I.1.2", "--json"]).ok()).expect("JSON");
    let progress: Vec<u64> = json["progress"]
        .as_array()
        .expect("progress")
        .iter()
        .filter_map(|p| p["progress"].as_u64())
        .collect();
    assert_eq!(progress, [40, 60, 100]);
    let missing = env.programa(&["history", "I.1.3"]).fails();
    assert!(missing.contains("no activity I.1.3"), "{missing}");
}

#[test]
fn commit_stages_only_programme_files_and_says_what_changed() {
    let env = Env::new();
    std::fs::write(env.repo.join("notes.txt"), "scratch\n").expect("write");
    std::fs::write(env.repo.join("README.md"), "# staged\n").expect("write");
    env.git(&["add", "README.md"]);
    env.edit("I.1.2", "status = \"ongoing\"", "status = \"completed\"");
    env.edit("I.1.2", "progress = 40", "progress = 100");
    env.append("II.3.2", PARTICIPANTS);

    let out = env
        .programa_at("2021-07-01T08:00:00+02:00", &["commit"])
        .ok();
    assert_snapshot!("commit_output", out);
    assert_snapshot!(
        "commit_message",
        env.git(&[
            "log",
            "-1",
            "--format=%an <%ae>%n%ad%n%cn <%ce>%n%n%B",
            "--date=iso"
        ])
    );
    let files = env.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(
        files,
        "programme/2021/activities/I.1.2.toml\nprogramme/2021/activities/II.3.2.toml\n"
    );
    let status = env.git(&["status", "--porcelain"]);
    assert_eq!(status, "A  README.md\n?? notes.txt\n");

    let again = env.programa(&["commit"]).ok();
    assert!(again.starts_with("nothing to commit"), "{again}");
}

#[test]
fn commit_uses_the_identity_from_the_environment_first() {
    let mut env = Env::new();
    env.vars = vec![
        ("GIT_AUTHOR_NAME".into(), "CI Robot".into()),
        ("GIT_AUTHOR_EMAIL".into(), "ci@sela.example".into()),
        ("GIT_COMMITTER_NAME".into(), "Release Bot".into()),
        ("GIT_COMMITTER_EMAIL".into(), "release@sela.example".into()),
        ("GIT_AUTHOR_DATE".into(), "@1625097600 +0000".into()),
        (
            "GIT_COMMITTER_DATE".into(),
            "Thu, 01 Jul 2021 02:00:00 +0200".into(),
        ),
    ];
    env.edit("I.1.2", "progress = 40", "progress = 50");
    env.programa(&["commit", "-m", "Half way"]).ok();
    assert_eq!(
        env.git(&["log", "-1", "--format=%an <%ae> %at|%cn <%ce> %ct|%s"]),
        "CI Robot <ci@sela.example> 1625097600|Release Bot <release@sela.example> 1625097600|Half way\n"
    );
}

#[test]
fn commit_without_an_identity_says_how_to_set_one() {
    let env = Env::new();
    std::fs::write(env.home.join(".gitconfig"), "").expect("write");
    env.edit("I.1.2", "progress = 40", "progress = 50");
    let stderr = env.programa(&["commit"]).fails();
    assert_snapshot!("commit_no_identity", stderr);
}

#[test]
fn commit_refuses_a_programme_with_errors() {
    let env = Env::new();
    env.edit("I.1.2", "progress = 40", "progress = forty");
    let stderr = env.programa(&["commit"]).fails();
    assert!(stderr.contains("nothing was committed"), "{stderr}");
    assert!(stderr.contains("I.1.2.toml"), "{stderr}");
    assert_eq!(env.git(&["rev-list", "--count", "HEAD"]), "1\n");

    env.edit(
        "I.1.2",
        "progress = forty",
        "<<<<<<< HEAD\nprogress = 40\n=======\nprogress = 50\n>>>>>>> other\n",
    );
    let stderr = env.programa(&["commit"]).fails();
    assert!(stderr.contains("error[merge-conflict]"), "{stderr}");
    assert!(
        stderr.contains("1 error"),
        "one conflict is one error: {stderr}"
    );
    assert_eq!(env.git(&["rev-list", "--count", "HEAD"]), "1\n");
}

#[test]
fn commit_works_on_an_unborn_branch_in_a_sub_folder() {
    let env = Env::new_in("plans");
    std::fs::write(env.repo.join("other.txt"), "not mine\n").expect("write");
    let out = env
        .programa_at("2021-01-05T09:00:00+00:00", &["commit"])
        .ok();
    assert!(out.contains("6 files committed"), "{out}");
    let files = env.git(&["show", "--name-only", "--format=%s", "HEAD"]);
    assert_snapshot!("commit_first", files);
    assert_eq!(env.git(&["status", "--porcelain"]), "?? other.txt\n");
    let log = env.programa(&["log"]).ok();
    assert!(log.contains("programme for 2021 created"), "{log}");
    assert!(
        log.contains("I.1.1      created (event, completed)"),
        "{log}"
    );
}

#[test]
fn commit_on_a_detached_head() {
    let env = history();
    env.git(&["checkout", "-q", "--detach", "HEAD~1"]);
    env.edit(
        "I.1.1",
        "venue = \"Caracas, Venezuela\"",
        "venue = \"Online\"",
    );
    let detached_at = env.git(&["rev-parse", "--short", "HEAD"]);
    let run = env.programa_at("2021-10-01T09:00:00+00:00", &["commit"]);
    let stderr = run.stderr.clone();
    run.ok();
    assert!(
        stderr.contains(&format!(
            "warning: HEAD was detached at {}: the commit is on no branch",
            detached_at.trim()
        )),
        "{stderr}"
    );
    assert_eq!(
        env.git(&["log", "-1", "--format=%s"]),
        "I.1.1: venue “Caracas, Venezuela” → “Online”\n"
    );
    let log = env.programa(&["log", "I.1.1"]).ok();
    assert!(log.contains("venue"), "{log}");
    env.fsck();
}

#[test]
fn diff_shows_fields_items_and_words() {
    let env = history();
    env.edit("I.1.1", "status = \"completed\"", "status = \"cancelled\"");
    env.edit(
        "I.1.1",
        "Information asymmetries among regional technical",
        "Information gaps among regional technical",
    );
    env.edit(
        "I.1.1",
        "    \"Develop an institutional strategy",
        "    \"Map the regional development banks.\",\n    \"Develop an institutional strategy",
    );
    env.edit("I.1.1", "format = \"face-to-face\"", "format = \"virtual\"");
    std::fs::remove_file(env.activity("II.3.1")).expect("remove");
    assert_snapshot!("diff_working_tree", env.programa(&["diff"]).ok());
    assert_snapshot!("diff_range", env.programa(&["diff", "HEAD~3..HEAD~1"]).ok());
    let two = env.programa(&["diff", "HEAD~3", "HEAD~1"]).ok();
    assert_eq!(two, env.programa(&["diff", "HEAD~3..HEAD~1"]).ok());

    let json: serde_json::Value =
        serde_json::from_str(&env.programa(&["diff", "--json"]).ok()).expect("JSON");
    assert_eq!(json["from"], "HEAD");
    assert_eq!(json["to"], "the working tree");
    let activities = json["activities"].as_array().expect("activities");
    assert_eq!(activities[0]["code"], "I.1.1");
    assert_eq!(activities[1]["code"], "II.3.1");
    assert_eq!(activities[1]["change"], "removed");

    let clean = Env::new();
    assert!(clean.programa(&["diff"]).ok().starts_with("no changes"));
}

#[test]
fn diff_of_the_programme_file() {
    let env = Env::new();
    let path = env.path("programme/2021/programme.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    let text = text
        .replace("two studies", "three studies")
        .replace("title = \"SELA - SMEs\"", "title = \"SELA-SMEs\"")
        + "\n[[areas]]\ncode = \"III\"\ntitle = \"Extra-Regional Relations\"\n";
    std::fs::write(&path, text).expect("write");
    assert_snapshot!("diff_programme", env.programa(&["diff"]).ok());
}

#[test]
fn unknown_revisions_and_missing_repositories_are_clear_errors() {
    let env = history();
    let stderr = env.programa(&["diff", "no-such-branch"]).fails();
    assert!(
        stderr.contains("unknown revision `no-such-branch`"),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");

    let plain = tempfile::tempdir().expect("temp");
    copy_dir(Path::new(FIXTURE), plain.path());
    let stderr = env.programa_in(plain.path(), &["log"], None).fails();
    assert!(stderr.contains("is not in a git repository"), "{stderr}");
    assert!(stderr.contains("git init"), "{stderr}");
}

#[test]
fn an_empty_repository_has_an_empty_log() {
    let env = Env::new_in("");
    let out = env.programa(&["log"]).ok();
    assert!(out.starts_with("no changes to the programme"), "{out}");
    let diff = env.programa(&["diff"]).ok();
    assert!(diff.contains("I.1.1  Technical Support Committee for Regional Integration — created (event, completed)"), "{diff}");
    let stderr = env.programa(&["baseline", "set", "approved"]).fails();
    assert!(stderr.contains("no commits yet"), "{stderr}");
}

#[test]
fn merges_attribute_changes_to_the_side_that_made_them() {
    let env = Env::new();
    env.git(&["checkout", "-q", "-b", "side"]);
    env.edit("II.3.1", "progress = 0", "progress = 20");
    env.commit("Consultancy started", "2021-02-01T10:00:00+00:00");
    env.git(&["checkout", "-q", "main"]);
    env.edit("I.1.2", "progress = 40", "progress = 45");
    env.commit("A little more", "2021-02-02T10:00:00+00:00");
    env.git_at(
        "2021-02-03T10:00:00+00:00",
        &["merge", "-q", "--no-ff", "-m", "Merge side", "side"],
    );
    let log = env.programa(&["log"]).ok();
    assert_snapshot!("log_merge", log);
    assert!(!log.contains("Merge side"), "{log}");

    // An evil merge: a change made in the merge itself belongs to the merge.
    env.git(&["checkout", "-q", "-b", "side2", "HEAD~1"]);
    env.edit("I.2.1", "progress = 0", "progress = 5");
    env.commit("Side two", "2021-02-04T10:00:00+00:00");
    env.git(&["checkout", "-q", "main"]);
    env.git_at(
        "2021-02-05T10:00:00+00:00",
        &["merge", "-q", "--no-ff", "--no-commit", "side2"],
    );
    env.edit("I.1.1", "progress = 100", "progress = 99");
    env.git(&["add", "-A"]);
    env.git_at(
        "2021-02-05T10:00:00+00:00",
        &["commit", "-q", "-m", "Merge side2 with a fix"],
    );
    let log = env.programa(&["log"]).ok();
    let merge = log
        .split("\n\n")
        .find(|block| block.contains("Merge side2 with a fix"))
        .expect("the merge is listed");
    assert!(merge.contains("I.1.1"), "{merge}");
    assert!(!merge.contains("I.2.1"), "{merge}");
}

#[test]
fn renamed_activity_files_are_followed() {
    let env = history();
    // Same content moved to a new name: no change in meaning.
    env.git(&[
        "mv",
        &format!("{ACTIVITIES}/II.3.1.toml"),
        &format!("{ACTIVITIES}/moved.toml"),
    ]);
    env.commit("Move a file", "2021-10-01T10:00:00+00:00");
    // The code changed: a rename of the activity.
    let from = env.path(&format!("{ACTIVITIES}/I.2.1.toml"));
    let text = std::fs::read_to_string(&from).expect("read");
    std::fs::remove_file(&from).expect("remove");
    std::fs::write(
        env.activity("I.2.2"),
        text.replace("code = \"I.2.1\"", "code = \"I.2.2\""),
    )
    .expect("write");
    env.commit("Renumber the workshop", "2021-10-02T10:00:00+00:00");
    let log = env.programa(&["log"]).ok();
    assert!(!log.contains("Move a file"), "{log}");
    assert!(log.contains("I.2.2      renamed from I.2.1"), "{log}");
    let followed = env.programa(&["log", "I.2.2"]).ok();
    assert!(followed.contains("Workshop under way"), "{followed}");
    let history = env.programa(&["history", "I.2.2"]).ok();
    assert!(history.contains("formerly I.2.1"), "{history}");
    assert!(history.contains("completed"), "{history}");
}

#[test]
fn a_file_that_did_not_parse_at_some_revision_is_a_warning() {
    let env = history();
    let conflict = "<<<<<<< HEAD\nprogress = 100\n=======\nprogress = 95\n>>>>>>> side\n";
    env.edit("I.1.1", "progress = 100\n", conflict);
    env.commit("Broken by accident", "2021-10-01T10:00:00+00:00");
    env.edit("I.1.1", conflict, "progress = 90\n");
    env.commit("Fixed", "2021-10-02T10:00:00+00:00");
    let run = env.programa(&["log", "I.1.1"]);
    assert!(
        run.stderr
            .contains("warning: programme/2021/activities/I.1.1.toml at"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("conflict markers"), "{}", run.stderr);
    let out = run.ok();
    assert!(out.contains("progress 100% → 90%"), "{out}");
}

#[test]
fn a_shallow_clone_warns_that_history_is_cut() {
    let env = history();
    let clone = env.repo.parent().expect("parent").join("shallow");
    let url = format!("file://{}", env.repo.display());
    env.git(&[
        "clone",
        "-q",
        "--depth",
        "2",
        &url,
        &clone.to_string_lossy(),
    ]);
    let run = env.programa_in(&clone, &["log"], None);
    assert!(run.stderr.contains("shallow clone"), "{}", run.stderr);
    let out = run.ok();
    assert!(out.contains("Workshop held"), "{out}");
    assert!(!out.contains("Workshop under way"), "{out}");
}

#[test]
fn git_setup_makes_git_diff_show_fields_and_keeps_the_lines_for_git() {
    let env = history();
    let out = env.programa(&["git-setup"]).ok();
    assert!(
        out.contains("added to .gitattributes: programme/**/*.toml diff=programa"),
        "{out}"
    );
    assert_eq!(
        env.programa(&["git-setup"]).ok(),
        "the diff and merge drivers are set up already\n"
    );
    assert_eq!(
        std::fs::read_to_string(env.repo.join(".gitattributes")).expect("attributes"),
        "programme/**/*.toml diff=programa\nprogramme/**/*.toml merge=programa\n"
    );
    env.git(&["add", ".gitattributes"]);
    env.git_at(
        "2021-09-04T12:00:00+00:00",
        &["commit", "-q", "-m", "Drivers"],
    );
    env.edit("I.1.1", "status = \"completed\"", "status = \"cancelled\"");

    // `git diff`: the fields first, then the file's own patch.
    let diff = env.git(&["diff"]);
    assert!(
        diff.contains(&format!(
            "{ACTIVITIES}/I.1.1.toml, field by field:\n  I.1.1  Technical Support Committee"
        )),
        "{diff}"
    );
    assert!(
        diff.contains("    status: completed → cancelled\n"),
        "{diff}"
    );
    assert!(
        diff.contains("-status = \"completed\"\n+status = \"cancelled\"\n"),
        "{diff}"
    );

    // The output of `git diff` applies.
    let patch = env.repo.join("../change.patch");
    std::fs::write(&patch, &diff).expect("patch");
    env.git(&["checkout", "--", "."]);
    env.git(&["apply", &patch.to_string_lossy()]);
    let text = std::fs::read_to_string(env.activity("I.1.1")).expect("read");
    assert!(text.contains("status = \"cancelled\""), "{text}");

    // `git blame`, `git log -p` and `git format-patch` see the file's lines.
    let blame = env.git(&["blame", "--", &format!("{ACTIVITIES}/I.1.2.toml")]);
    assert!(blame.contains("status = \"completed\""), "{blame}");
    assert!(!blame.contains("status: completed"), "{blame}");
    let log = env.git(&["log", "-p", "-1", "--format=", "HEAD~1", "--", "programme/"]);
    assert!(log.contains("-status = \"ongoing\"\n"), "{log}");
    let fields = env.git(&[
        "log",
        "-p",
        "--ext-diff",
        "-1",
        "--format=",
        "HEAD~1",
        "--",
        "programme/",
    ]);
    assert!(
        fields.contains("    status: ongoing → completed\n"),
        "{fields}"
    );
    let mail = env.git(&["format-patch", "-1", "--stdout", "HEAD~1"]);
    assert!(
        mail.contains("-progress = 30\n+status = \"completed\"\n+progress = 100\n"),
        "{mail}"
    );
    assert!(!mail.contains("field by field"), "{mail}");
}

#[test]
fn git_setup_replaces_an_earlier_textconv() {
    let env = Env::new();
    env.git(&["config", "diff.programa.textconv", "programa textconv"]);
    env.git(&["config", "diff.programa.xfuncname", "^x$"]);
    let out = env.programa(&["git-setup"]).ok();
    assert!(out.contains("removed diff.programa.textconv"), "{out}");
    assert!(out.contains("removed diff.programa.xfuncname"), "{out}");
    let config = env.git(&["config", "--get-regexp", "^diff\\.programa\\."]);
    assert!(config.contains("diff.programa.command "), "{config}");
    assert!(!config.contains("textconv"), "{config}");
}

#[test]
fn blame_names_the_commit_that_set_each_field() {
    let env = history();
    env.edit("I.2.1", "with technological", "with the technological");
    let out = env.programa(&["blame", "I.2.1"]).ok();
    let line = |field: &str| -> String {
        out.lines()
            .find(|l| l.starts_with(&format!("{field} ")))
            .unwrap_or_else(|| panic!("no {field} line in\n{out}"))
            .to_string()
    };
    assert!(line("status").contains("2021-09-03  Ana Pérez"), "{out}");
    assert!(line("progress").contains("2021-09-03"), "{out}");
    assert!(line("title").contains("2021-01-10"), "{out}");
    assert!(line("format_note").contains("not committed yet"), "{out}");
    let participants: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("participants "))
        .collect();
    assert_eq!(participants.len(), 3, "{out}");
    assert!(
        participants
            .iter()
            .all(|l| l.contains("2021-04-15  Luis Gómez")),
        "{out}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&env.programa(&["blame", "I.2.1", "--json"]).ok()).expect("JSON");
    let status = json["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .find(|l| l["field"] == "status")
        .expect("status");
    assert_eq!(status["value"], "completed");
    assert_eq!(status["set_by"], "commit");
    assert_eq!(
        status["commit"]["id"],
        env.git(&["rev-parse", "HEAD"]).trim()
    );

    let missing = env.programa(&["blame", "I.2.9"]).fails();
    assert!(missing.contains("did you mean I.2.1?"), "{missing}");
}

#[test]
fn blame_follows_list_items_through_their_numbers() {
    let env = history();
    // A new first objective moves the others down; the reworded second one keeps its commit.
    env.edit(
        "I.1.2",
        "objectives = [\n",
        "objectives = [\n    \"Hold a seminar on the findings.\",\n",
    );
    env.commit("New first objective", "2021-10-01T09:00:00+00:00");
    let out = env.programa(&["blame", "I.1.2"]).ok();
    let line = |field: &str| -> String {
        out.lines()
            .find(|l| l.starts_with(&format!("{field} ")))
            .unwrap_or_else(|| panic!("no {field} line in\n{out}"))
            .to_string()
    };
    assert!(line("objectives 1").contains("Hold a seminar"), "{out}");
    assert!(line("objectives 1").contains("2021-10-01"), "{out}");
    assert!(line("objectives 2").contains("Develop annual"), "{out}");
    assert!(line("objectives 2").contains("2021-01-10"), "{out}");
    assert!(line("objectives 3").contains("Build an open"), "{out}");
    assert!(line("objectives 3").contains("2021-06-30"), "{out}");
}

#[test]
fn git_setup_names_an_installed_programa_by_name_and_others_by_path() {
    let mut env = history();
    let run = env.programa(&["git-setup"]);
    assert!(run.stderr.contains("by its full path"), "{}", run.stderr);
    let config = std::fs::read_to_string(env.repo.join(".git/config")).expect("config");
    let exe = env!("CARGO_BIN_EXE_programa");
    assert!(config.contains(&format!("{exe} diff-driver")), "{config}");

    // The same binary found on PATH as `programa`, as after `cargo install`.
    let bin = env.home.join("bin");
    std::fs::create_dir_all(&bin).expect("bin folder");
    std::os::unix::fs::symlink(exe, bin.join("programa")).expect("symlink");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    env.vars.push(("PATH".into(), path));
    std::fs::write(env.repo.join(".git/config"), config.replace(exe, "old")).expect("config");
    let run = env.programa(&["git-setup"]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(
        run.stdout.contains("= programa diff-driver"),
        "{}",
        run.stdout
    );
    env.edit("I.1.1", "status = \"completed\"", "status = \"cancelled\"");
    let diff = env.git(&["diff"]);
    assert!(
        diff.contains("    status: completed → cancelled\n"),
        "{diff}"
    );
}

#[test]
fn baselines_mark_approved_plans_and_compare_against_them() {
    let env = Env::new();
    let mut env = env;
    env.vars.push((
        "GIT_COMMITTER_DATE".into(),
        "2021-01-20T10:00:00+00:00".into(),
    ));
    assert!(
        env.programa(&["baseline", "set", "approved-2021"])
            .ok()
            .contains("baseline approved-2021 marks")
    );
    env.vars.clear();
    let stderr = env.programa(&["baseline", "set", "approved-2021"]).fails();
    assert!(stderr.contains("exists already"), "{stderr}");
    let stderr = env.programa(&["baseline", "set", "bad name"]).fails();
    assert!(stderr.contains("cannot name a baseline"), "{stderr}");
    assert_snapshot!("baseline_list", env.programa(&["baseline", "list"]).ok());
    let message = env.git(&[
        "tag",
        "-l",
        "--format=%(contents)",
        "baseline/approved-2021",
    ]);
    assert_eq!(
        message.trim(),
        "Baseline approved-2021: the approved work programme for 2021 (5 activities)"
    );

    env.edit("I.1.1", "format = \"face-to-face\"", "format = \"virtual\"");
    env.edit("I.2.1", "status = \"planned\"", "status = \"cancelled\"");
    env.edit("II.3.1", "status = \"planned\"", "status = \"postponed\"");
    env.edit(
        "I.2.1",
        "planned_start = \"2021-09-01\"",
        "planned_start = \"2021-10-01\"",
    );
    env.edit(
        "I.1.2",
        "Build a database made up of these economic monitoring variables.",
        "Build an open database.",
    );
    let mut fresh = std::fs::read_to_string(env.activity("I.1.2")).expect("read");
    fresh = fresh.replace("I.1.2", "I.1.3").replace(
        "Follow-up report on regional integration",
        "Regional integration statistics",
    );
    std::fs::write(env.activity("I.1.3"), fresh).expect("write");
    assert_snapshot!(
        "baseline_diff",
        env.programa(&["baseline", "diff", "approved-2021"]).ok()
    );

    let json: serde_json::Value = serde_json::from_str(
        &env.programa(&["baseline", "diff", "approved-2021", "--json"])
            .ok(),
    )
    .expect("JSON");
    assert_eq!(json["summary"]["added"], serde_json::json!(["I.1.3"]));
    assert_eq!(json["summary"]["cancelled"], serde_json::json!(["I.2.1"]));
    assert_eq!(
        json["approved"]["activities"].as_array().map(Vec::len),
        Some(5)
    );
    assert_eq!(
        json["current"]["activities"].as_array().map(Vec::len),
        Some(6)
    );
    let stderr = env.programa(&["baseline", "diff", "nope"]).fails();
    assert!(stderr.contains("there is no baseline `nope`"), "{stderr}");
}

#[test]
fn library_timelines_and_baseline_comparison() {
    use programa::history::{Repo, Revision};
    use programa::model::Status;
    use programa::store::Workspace;

    let env = history();
    env.git_at(
        "2021-01-20T10:00:00+00:00",
        &["tag", "-a", "baseline/approved", "-m", "Approved", "HEAD~4"],
    );
    let repo = Repo::open(&Workspace::at(&env.root)).expect("opens");
    let timelines = repo.timelines(2021, None).expect("timelines");
    let workshop = timelines.activity("I.2.1").expect("I.2.1");
    let statuses: Vec<(Status, String)> = workshop
        .statuses
        .iter()
        .map(|s| (s.status, s.commit.day()))
        .collect();
    assert_eq!(
        statuses,
        [
            (Status::Planned, "2021-01-10".to_string()),
            (Status::Ongoing, "2021-04-15".to_string()),
            (Status::Completed, "2021-09-03".to_string()),
        ]
    );
    assert_eq!(workshop.participants.len(), 3);
    assert_eq!(workshop.participants[0].commit.author, "Luis Gómez");

    let comparison = repo
        .baseline_comparison("approved", &Revision::head(), 2021)
        .expect("comparison");
    assert_eq!(comparison.baseline.message, "Approved");
    let completed = comparison
        .summary
        .status_counts
        .iter()
        .find(|c| c.status == Status::Completed)
        .expect("completed");
    assert_eq!((completed.approved, completed.current), (1, 3));
}

#[test]
fn a_long_history_is_read_in_order() {
    let env = Env::new();
    for step in 1..=40u32 {
        let (old, new) = (step - 1, step);
        env.edit(
            "I.2.1",
            &format!("progress = {old}\n"),
            &format!("progress = {new}\n"),
        );
        env.edit(
            "II.3.1",
            &format!("progress = {old}\n"),
            &format!("progress = {new}\n"),
        );
        env.commit(
            &format!("Step {step}"),
            &format!("2021-02-{:02}T10:00:00+00:00", step % 28 + 1),
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&env.programa(&["history", "II.3.1", "--json"]).ok()).expect("JSON");
    let progress: Vec<u64> = json["progress"]
        .as_array()
        .expect("progress")
        .iter()
        .filter_map(|p| p["progress"].as_u64())
        .collect();
    assert_eq!(progress, (0..=40).collect::<Vec<u64>>());
    let log = env.programa(&["log", "I.2.1"]).ok();
    assert_eq!(log.matches("progress").count(), 40, "{log}");
}

#[test]
fn commit_records_deleted_and_new_activity_files() {
    let env = Env::new();
    std::fs::remove_file(env.activity("II.3.1")).expect("remove");
    let text = std::fs::read_to_string(env.activity("I.2.1")).expect("read");
    std::fs::write(
        env.activity("I.2.2"),
        text.replace("I.2.1", "I.2.2")
            .replace("Workshop on economic policy", "Seminar on economic policy")
            .replace(
                "Behavioural economics is",
                "Behavioural economics, a young field, is",
            ),
    )
    .expect("write");
    env.programa_at("2021-03-01T09:00:00+00:00", &["commit"])
        .ok();
    assert_eq!(
        env.git(&["log", "-1", "--format=%s"]),
        "I.2.2: created (event, planned); II.3.1: removed\n"
    );
    assert_eq!(
        env.git(&["show", "--name-status", "--format=", "HEAD"]),
        "A\tprogramme/2021/activities/I.2.2.toml\nD\tprogramme/2021/activities/II.3.1.toml\n"
    );
    assert_eq!(env.git(&["status", "--porcelain"]), "");
}

#[test]
fn git_diff_of_the_programme_file_reads_per_part() {
    let env = Env::new();
    env.programa(&["git-setup"]).ok();
    let path = env.path("programme/2021/programme.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replace("title = \"SELA - SMEs\"", "title = \"SELA-SMEs\""),
    )
    .expect("write");
    let diff = env.git(&["diff", "--", "programme/2021/programme.toml"]);
    assert!(
        diff.contains("    programme sela-smes retitled “SELA - SMEs” → “SELA-SMEs”\n"),
        "{diff}"
    );
    assert!(
        diff.contains("-title = \"SELA - SMEs\"\n+title = \"SELA-SMEs\"\n"),
        "{diff}"
    );
}

#[test]
fn commit_names_the_files_under_programme_it_leaves_out() {
    let env = Env::new();
    std::fs::write(env.path("programme/key.pem"), "secret\n").expect("write");
    std::fs::write(env.path("programme/2021/draft-notes.txt"), "draft\n").expect("write");
    std::fs::write(env.path(&format!("{ACTIVITIES}/I.1.2.toml.orig")), "x\n").expect("write");
    env.edit("I.1.2", "progress = 40", "progress = 45");
    let run = env.programa(&["commit"]);
    let stderr = run.stderr.clone();
    run.ok();
    assert!(
        stderr.contains(
            "warning: not committed, as programa commits only programme files: \
             programme/2021/activities/I.1.2.toml.orig, programme/2021/draft-notes.txt, \
             programme/key.pem"
        ),
        "{stderr}"
    );
    assert_eq!(
        env.git(&["show", "--name-only", "--format=", "HEAD"]),
        "programme/2021/activities/I.1.2.toml\n"
    );
    // With nothing of its own to commit, it still says what it leaves out.
    let run = env.programa(&["commit"]);
    let stderr = run.stderr.clone();
    assert!(run.ok().starts_with("nothing to commit"));
    assert!(stderr.contains("programme/key.pem"), "{stderr}");
    env.fsck();
}

#[test]
fn commit_with_the_index_locked_changes_nothing() {
    let env = Env::new();
    std::fs::write(env.repo.join("README.md"), "# staged\n").expect("write");
    env.git(&["add", "README.md"]);
    env.edit("I.1.2", "progress = 40", "progress = 50");
    let before = env.state();
    let lock = env.repo.join(".git/index.lock");
    std::fs::write(&lock, "").expect("another git holds the index");

    let stderr = env.programa(&["commit"]).fails();
    assert!(
        stderr.contains("error: the repository's index is locked")
            && stderr.contains("nothing was committed"),
        "{stderr}"
    );
    assert!(stderr.contains("if no git is running, remove"), "{stderr}");
    assert!(lock.exists(), "someone else's lock is left alone");
    assert_eq!(
        env.state(),
        before,
        "HEAD, refs, reflog and index as they were"
    );
    env.fsck();

    std::fs::remove_file(&lock).expect("the other git is done");
    env.programa(&["commit"]).ok();
    assert_eq!(env.git(&["status", "--porcelain"]), "A  README.md\n");
    assert_eq!(env.git(&["rev-list", "--count", "HEAD"]), "2\n");
    env.fsck();
}

#[test]
fn commit_leaves_the_index_right_for_a_file_changed_as_the_index_was_written() {
    // A file changed in the same second as the index was written, keeping its size and time:
    // only the index's own time tells git to look at its content ("racily clean"). The
    // index programa puts in place must keep that, or it would record the old content while
    // HEAD has the new, and the next `git commit` would undo the change.
    let env = Env::new();
    env.git(&["config", "core.trustctime", "false"]);
    let path = env.activity("I.1.2");
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(100);
    let set_time = |file: &Path| {
        std::fs::File::options()
            .write(true)
            .open(file)
            .and_then(|f| f.set_modified(then))
            .expect("sets the time");
    };
    set_time(&path);
    env.git(&["update-index", "--refresh"]);
    env.edit("I.1.2", "progress = 40", "progress = 50");
    set_time(&path);
    set_time(&env.repo.join(".git/index"));

    env.programa(&["commit"]).ok();
    let committed = env.git(&["show", "HEAD:programme/2021/activities/I.1.2.toml"]);
    assert!(committed.contains("progress = 50"), "{committed}");
    assert_eq!(
        env.git(&["ls-files", "-s", "programme/2021/activities/I.1.2.toml"])
            .split_whitespace()
            .nth(1),
        env.git(&["rev-parse", "HEAD:programme/2021/activities/I.1.2.toml"])
            .split_whitespace()
            .next(),
        "the index has what was committed"
    );
    assert_eq!(env.git(&["status", "--porcelain"]), "");
    env.fsck();
}

/// A repository with a branch `other` that changed I.1.2, and `main` that changed I.1.1.
fn diverged() -> Env {
    let env = Env::new();
    env.git(&["checkout", "-q", "-b", "other"]);
    env.edit("I.1.2", "progress = 40", "progress = 70");
    env.commit("Other side", "2021-02-01T10:00:00+00:00");
    env.git(&["checkout", "-q", "main"]);
    env.edit(
        "I.1.1",
        "venue = \"Caracas, Venezuela\"",
        "venue = \"Lima, Peru\"",
    );
    env.commit("This side", "2021-02-02T10:00:00+00:00");
    env
}

#[test]
fn commit_during_a_merge_concludes_it() {
    let env = diverged();
    env.git(&["merge", "-q", "--no-ff", "--no-commit", "other"]);
    env.programa(&["set", "I.2.1", "status=ongoing"]).ok();
    let out = env.programa(&["commit"]).ok();
    assert!(out.contains("] Merge branch 'other'"), "{out}");
    let parents = env.git(&["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "{parents}");
    assert_eq!(
        env.git(&["log", "-1", "--format=%B"]),
        "Merge branch 'other'\n\n- I.1.2: progress 40% → 70%\n- I.2.1: status planned → ongoing\n\n"
    );
    assert!(!env.repo.join(".git/MERGE_HEAD").exists());
    assert_eq!(env.git(&["status", "--porcelain"]), "");
    let log = env.programa(&["log", "I.2.1"]).ok();
    assert!(log.contains("status planned → ongoing"), "{log}");
    env.fsck();
}

#[test]
fn commit_concludes_a_merge_once_its_conflict_is_resolved() {
    let env = diverged();
    env.edit("I.1.2", "progress = 40", "progress = 55");
    env.commit("Conflicting", "2021-02-03T10:00:00+00:00");
    let merged = env
        .command("git", &env.repo)
        .args(["merge", "-q", "other"])
        .output()
        .expect("git runs");
    assert!(!merged.status.success(), "the merge conflicts");
    let before = env.state();

    let stderr = env.programa(&["commit"]).fails();
    assert!(stderr.contains("error[merge-conflict]"), "{stderr}");
    assert!(
        stderr.contains("1 error"),
        "one conflict is one error: {stderr}"
    );
    assert_eq!(env.state(), before);
    assert!(env.repo.join(".git/MERGE_HEAD").exists());

    // Resolved in the file, not staged: commit stages it and concludes the merge.
    let text = std::fs::read_to_string(env.activity("I.1.2")).expect("read");
    let resolved: String = text
        .lines()
        .filter(|l| {
            !l.starts_with("<<<<<<<") && !l.starts_with("=======") && !l.starts_with(">>>>>>>")
        })
        .filter(|l| *l != "progress = 55")
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(env.activity("I.1.2"), resolved).expect("write");
    let out = env.programa(&["commit"]).ok();
    assert!(out.contains("Merge branch 'other'"), "{out}");
    assert_eq!(
        env.git(&["log", "-1", "--format=%P"])
            .split_whitespace()
            .count(),
        2
    );
    assert!(!env.repo.join(".git/MERGE_HEAD").exists());
    assert_eq!(env.git(&["status", "--porcelain"]), "");
    assert!(
        env.git(&["show", "HEAD:programme/2021/activities/I.1.2.toml"])
            .contains("progress = 70")
    );
    env.fsck();
}

#[test]
fn commit_refuses_during_a_cherry_pick_and_a_rebase() {
    let env = diverged();
    env.edit("I.1.2", "progress = 40", "progress = 55");
    env.commit("Conflicting", "2021-02-03T10:00:00+00:00");
    let conflicted = |args: &[&str]| {
        let output = env
            .command("git", &env.repo)
            .args(args)
            .output()
            .expect("git runs");
        assert!(!output.status.success(), "{args:?} conflicts");
    };

    conflicted(&["cherry-pick", "other"]);
    let before = env.state();
    let stderr = env.programa(&["commit"]).fails();
    assert!(
        stderr.contains("error: a cherry-pick is in progress"),
        "{stderr}"
    );
    assert!(stderr.contains("git cherry-pick --continue"), "{stderr}");
    assert_eq!(env.state(), before);
    env.git(&["cherry-pick", "--abort"]);
    env.fsck();

    conflicted(&["rebase", "other"]);
    let before = env.state();
    let stderr = env.programa(&["commit"]).fails();
    assert!(
        stderr.contains("error: a rebase is in progress"),
        "{stderr}"
    );
    assert!(stderr.contains("git rebase --continue"), "{stderr}");
    assert_eq!(env.state(), before);
    env.git(&["rebase", "--abort"]);
    env.fsck();
}

#[cfg(unix)]
fn hook(dir: &Path, name: &str, script: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(dir).expect("hooks folder");
    let path = dir.join(name);
    std::fs::write(&path, script).expect("write the hook");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[cfg(unix)]
#[test]
fn a_refusing_pre_commit_hook_refuses_the_commit_and_nothing_changes() {
    let env = Env::new();
    std::fs::write(env.repo.join("README.md"), "# staged\n").expect("write");
    env.git(&["add", "README.md"]);
    env.edit("I.1.2", "progress = 40", "progress = 50");
    hook(
        &env.repo.join(".git/hooks"),
        "pre-commit",
        "#!/bin/sh\necho 'pre-commit: no commits today' >&2\nexit 1\n",
    );
    let before = env.state();
    let stderr = env.programa(&["commit"]).fails();
    assert!(
        stderr.contains("git commit did not make the commit (exit status 1)"),
        "{stderr}"
    );
    assert!(stderr.contains("pre-commit: no commits today"), "{stderr}");
    assert_eq!(env.state(), before);
    assert!(!env.repo.join(".git/index.lock").exists());
    assert_eq!(
        env.git(&["status", "--porcelain"]),
        "A  README.md\n M programme/2021/activities/I.1.2.toml\n"
    );
    env.fsck();
}

#[cfg(unix)]
#[test]
fn hooks_from_core_hooks_path_see_what_is_committed_and_may_edit_the_message() {
    let env = Env::new();
    std::fs::write(env.repo.join("README.md"), "# staged\n").expect("write");
    env.git(&["add", "README.md"]);
    env.git(&["config", "core.hooksPath", "githooks"]);
    let hooks = env.repo.join("githooks");
    hook(
        &hooks,
        "pre-commit",
        "#!/bin/sh\ngit diff --cached --name-only > \"$GIT_DIR/staged-seen\"\n",
    );
    hook(
        &hooks,
        "commit-msg",
        "#!/bin/sh\nprintf '\\nReviewed-by: Hook <hook@sela.example>\\n' >> \"$1\"\n",
    );
    env.edit("I.1.2", "progress = 40", "progress = 50");
    let out = env.programa(&["commit"]).ok();
    assert!(out.contains("] I.1.2: progress 40% → 50%"), "{out}");
    assert_eq!(
        env.git(&["log", "-1", "--format=%B"]),
        "I.1.2: progress 40% → 50%\n\nReviewed-by: Hook <hook@sela.example>\n\n"
    );
    let seen = std::fs::read_to_string(env.repo.join(".git/staged-seen")).expect("the hook ran");
    assert_eq!(seen, "programme/2021/activities/I.1.2.toml\n");
    assert_eq!(
        env.git(&["status", "--porcelain"]),
        "A  README.md\n?? githooks/\n"
    );
    env.fsck();
}
