//! The merge driver on real repositories: set up with `programa git-setup`, branches edited with
//! programa's own commands, then plain `git merge`, `git rebase` and `git cherry-pick`, and
//! `git fsck` after each; and what every command says of a file left with conflict markers.

use crate::git::Env;

const I12: &str = "programme/2021/activities/I.1.2.toml";

/// A repository with the drivers set up and `.gitattributes` committed, on `main`.
fn repository() -> Env {
    let env = Env::new();
    env.programa(&["git-setup"]).ok();
    env.commit(
        "Merge programme files field by field",
        "2021-01-11T09:00:00+00:00",
    );
    env.git(&["tag", "base"]);
    env
}

impl Env {
    /// Runs each programa command, then commits everything at `date`.
    fn commit_edits(&self, commands: &[&[&str]], date: &str) {
        for args in commands {
            self.programa(args).ok();
        }
        self.commit("Edits", date);
    }

    /// Checks out a new branch at `start`.
    fn branch(&self, name: &str, start: &str) {
        self.git(&["checkout", "-q", "-b", name, start]);
    }

    /// The text of activity I.1.2.
    fn i12(&self) -> String {
        std::fs::read_to_string(self.path(I12)).expect("the activity file")
    }

    /// What making `commands` one after the other from the base writes in I.1.2, on a
    /// throw-away branch (the working tree being clean).
    fn made_in_turn(&self, commands: &[&[&str]]) -> String {
        let back = self.git(&["rev-parse", "--abbrev-ref", "HEAD"]);
        self.branch("in-turn", "base");
        for args in commands {
            self.programa(args).ok();
        }
        let text = self.i12();
        self.git(&["checkout", "-q", "--", "."]);
        self.git(&["checkout", "-q", back.trim()]);
        self.git(&["branch", "-q", "-D", "in-turn"]);
        text
    }
}

const NOTE_THEIRS: &[&str] = &[
    "note",
    "I.1.2",
    "Draft sent to reviewers.",
    "--date",
    "2021-07-05",
];
const NOTE_OURS: &[&str] = &["note", "I.1.2", "Data collected.", "--date", "2021-07-01"];
const CAF: &[&str] = &[
    "participant",
    "add",
    "I.1.2",
    "--organisation",
    "CAF",
    "--country",
    "Venezuela",
    "--role",
    "speaker",
];
const BID: &[&str] = &[
    "participant",
    "add",
    "I.1.2",
    "--organisation",
    "BID",
    "--country",
    "Chile",
    "--role",
    "observer",
];

#[test]
fn notes_and_participants_added_on_two_branches_merge_as_if_made_in_turn() {
    let env = repository();
    env.branch("other", "base");
    env.commit_edits(&[NOTE_THEIRS, CAF], "2021-07-05T10:00:00+00:00");
    env.git(&["checkout", "-q", "main"]);
    env.commit_edits(&[NOTE_OURS, BID], "2021-07-01T10:00:00+00:00");

    let merge = env.git_output(&["merge", "--no-edit", "other"]);
    assert!(
        merge.status.success(),
        "{}",
        String::from_utf8_lossy(&merge.stdout)
    );
    let merged = env.i12();
    // Both sides' additions, notes in date order: what programa writes making them in turn.
    assert_eq!(
        merged,
        env.made_in_turn(&[BID, CAF, NOTE_OURS, NOTE_THEIRS])
    );
    let data = merged.find("Data collected.").expect("ours' note");
    let draft = merged.find("Draft sent").expect("theirs' note");
    assert!(data < draft, "{merged}");
    env.programa(&["check"]).ok();
    let parents = env.git(&["rev-list", "--parents", "-n", "1", "HEAD"]);
    assert_eq!(
        parents.split_whitespace().count(),
        3,
        "a merge commit: {parents}"
    );
    env.fsck();
}

#[test]
fn status_on_one_branch_and_progress_on_the_other_merge() {
    let env = repository();
    env.branch("other", "base");
    env.commit_edits(
        &[&["set", "I.1.2", "status=postponed"]],
        "2021-07-05T10:00:00+00:00",
    );
    env.git(&["checkout", "-q", "main"]);
    env.commit_edits(
        &[&["set", "I.1.2", "progress=60"]],
        "2021-07-01T10:00:00+00:00",
    );

    let merge = env.git_output(&["merge", "--no-edit", "other"]);
    assert!(
        merge.status.success(),
        "{}",
        String::from_utf8_lossy(&merge.stdout)
    );
    let merged = env.i12();
    assert!(
        merged.contains("status = \"postponed\"\nprogress = 60\n"),
        "{merged}"
    );
    assert_eq!(
        merged,
        env.made_in_turn(&[
            &["set", "I.1.2", "progress=60"],
            &["set", "I.1.2", "status=postponed"]
        ])
    );
    env.fsck();
}

#[test]
fn a_key_given_two_values_conflicts_around_that_key_and_every_command_says_so() {
    let env = repository();
    env.branch("other", "base");
    env.commit_edits(
        &[&["set", "I.1.2", "venue=Lima"], NOTE_THEIRS],
        "2021-07-05T10:00:00+00:00",
    );
    env.git(&["checkout", "-q", "main"]);
    env.commit_edits(
        &[&["set", "I.1.2", "venue=Quito", "progress=60"]],
        "2021-07-01T10:00:00+00:00",
    );

    let merge = env.git_output(&["merge", "--no-edit", "other"]);
    assert!(!merge.status.success());
    let said = String::from_utf8_lossy(&merge.stdout);
    assert!(
        said.contains(&format!("CONFLICT (content): Merge conflict in {I12}")),
        "{said}"
    );
    // With the diff driver set up, git still shows a conflicted file's combined diff.
    let diff = env.git(&["diff"]);
    assert!(diff.contains(&format!("diff --cc {I12}")), "{diff}");
    let text = env.i12();
    // Only the venue is between markers; the progress and the note merged.
    assert!(
        text.contains(
            "progress = 60\n<<<<<<< HEAD\nvenue = \"Quito\"\n=======\nvenue = \"Lima\"\n>>>>>>> other\nbackground"
        ),
        "{text}"
    );
    assert_eq!(text.matches("<<<<<<<").count(), 1);
    assert!(
        text.contains("text = \"Draft sent to reviewers.\""),
        "{text}"
    );
    let line = text
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .expect("a marker")
        + 1;

    let check = env.programa(&["check"]);
    assert_eq!(check.code, 1);
    assert!(
        check.stdout.contains(
            "error[merge-conflict]: unresolved merge conflict: `venue` is \"Quito\" in HEAD and \"Lima\" in other"
        ),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(&format!("--> {I12}:{line}:1")),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains(&format!("then `git add {I12}`")),
        "{}",
        check.stdout
    );
    assert!(!check.stdout.contains("toml-syntax"), "{}", check.stdout);
    let json: serde_json::Value =
        serde_json::from_str(&env.programa(&["check", "--format", "json"]).stdout).expect("json");
    let findings = json["findings"].as_array().expect("findings");
    let finding = findings
        .iter()
        .find(|f| f["code"] == "merge-conflict")
        .expect("a merge-conflict finding");
    assert_eq!(finding["file"], I12);
    assert_eq!(finding["line"], line);

    // Shown as conflicted, never left out nor called removed.
    let show = env.programa(&["show", "I.1.2"]).ok();
    assert!(
        show.contains("`venue` is \"Quito\" in HEAD and \"Lima\" in other"),
        "{show}"
    );
    assert!(
        show.contains("Follow-up report on regional integration"),
        "{show}"
    );
    let list: serde_json::Value =
        serde_json::from_str(&env.programa(&["list", "--json"]).ok()).expect("json");
    let listed = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|a| a["code"] == "I.1.2")
        .expect("I.1.2 is listed");
    assert_eq!(listed["conflict"]["file"], I12);
    assert_eq!(
        listed["conflict"]["blocks"][0]["keys"][0]["theirs"],
        "\"Lima\""
    );
    let table = env.programa(&["list"]).ok();
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("I.1.2") && l.contains("conflict")),
        "{table}"
    );
    let stats: serde_json::Value =
        serde_json::from_str(&env.programa(&["stats", "--json"]).ok()).expect("json");
    assert_eq!(stats["activities"], 5);
    assert_eq!(stats["conflicted"][0]["code"], "I.1.2");
    let diff = env.programa(&["diff"]).ok();
    assert!(!diff.contains("removed"), "{diff}");
    assert!(diff.contains("note added: 2021-07-05"), "{diff}");
    assert!(
        diff.contains(&format!("{I12}  unresolved merge conflict")),
        "{diff}"
    );
    let compile = env
        .programa(&["compile", "programme", "-o", "out.pdf"])
        .fails();
    assert!(compile.contains("unresolved merge conflict"), "{compile}");
    assert!(!env.root.join("out.pdf").exists());
    let set = env.programa(&["set", "I.1.2", "status=completed"]).fails();
    assert!(set.contains("unresolved merge conflict"), "{set}");

    // Keeping one version and `git add` resolve it.
    let resolved = text.replace(
        "<<<<<<< HEAD\nvenue = \"Quito\"\n=======\nvenue = \"Lima\"\n>>>>>>> other\n",
        "venue = \"Lima\"\n",
    );
    std::fs::write(env.path(I12), resolved).expect("write");
    env.programa(&["check"]).ok();
    env.git(&["add", I12]);
    env.git(&["commit", "-q", "--no-edit"]);
    env.fsck();
}

#[test]
fn rebase_and_cherry_pick_merge_through_the_driver() {
    let env = repository();
    env.branch("other", "base");
    env.commit_edits(
        &[NOTE_THEIRS, &["set", "I.1.2", "status=postponed"]],
        "2021-07-05T10:00:00+00:00",
    );
    env.branch("third", "base");
    env.commit_edits(
        &[CAF, &["set", "I.1.2", "partners+=ALADI"]],
        "2021-07-06T10:00:00+00:00",
    );
    env.git(&["checkout", "-q", "main"]);
    env.commit_edits(
        &[NOTE_OURS, &["set", "I.1.2", "progress=60"]],
        "2021-07-01T10:00:00+00:00",
    );

    env.git(&["checkout", "-q", "other"]);
    let rebase = env.git_output(&["rebase", "main"]);
    assert!(
        rebase.status.success(),
        "{}",
        String::from_utf8_lossy(&rebase.stderr)
    );
    let text = env.i12();
    for wanted in [
        "Data collected.",
        "Draft sent",
        "status = \"postponed\"",
        "progress = 60",
    ] {
        assert!(text.contains(wanted), "{wanted}: {text}");
    }
    env.fsck();

    env.git(&["checkout", "-q", "main"]);
    let pick = env.git_output(&["cherry-pick", "third"]);
    assert!(
        pick.status.success(),
        "{}",
        String::from_utf8_lossy(&pick.stderr)
    );
    let text = env.i12();
    for wanted in [
        "Data collected.",
        "organisation = \"CAF\"",
        "\"ALADI\"",
        "progress = 60",
    ] {
        assert!(text.contains(wanted), "{wanted}: {text}");
    }
    assert!(!text.contains("Draft sent"), "{text}");
    env.programa(&["check"]).ok();
    env.fsck();
}

#[test]
fn the_programme_file_merges_field_by_field() {
    let env = repository();
    let programme = "programme/2021/programme.toml";
    let edit = |from: &str, to: &str| {
        let path = env.path(programme);
        let text = std::fs::read_to_string(&path).expect("programme file");
        assert!(text.contains(from), "{from}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    };
    env.branch("other", "base");
    edit(
        "title = \"Work Programme for the year 2021\"",
        "title = \"Work Programme 2021\"",
    );
    env.commit("Shorter title", "2021-07-05T10:00:00+00:00");
    env.git(&["checkout", "-q", "main"]);
    edit(
        "language = \"en\"",
        "document_code = \"SP/CL/XLVI.O/DT N° 2-20\"\nlanguage = \"en\"",
    );
    env.commit("Document code", "2021-07-01T10:00:00+00:00");
    let merge = env.git_output(&["merge", "--no-edit", "other"]);
    assert!(
        merge.status.success(),
        "{}",
        String::from_utf8_lossy(&merge.stdout)
    );
    let text = std::fs::read_to_string(env.path(programme)).expect("programme file");
    assert!(
        text.starts_with("year = 2021\ntitle = \"Work Programme 2021\"\norganisation = \"Permanent Secretariat of SELA\"\ndocument_code = \"SP/CL/XLVI.O/DT N° 2-20\"\n"),
        "{text}"
    );
    env.fsck();
}
