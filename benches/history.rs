//! How long `programa log --json` takes over a long history, next to git's own `log -p` and
//! `log --name-only` on the same files.
//!
//! Builds synthetic repositories with `git fast-import` (40 and 1 000 activity files, 10 000
//! commits each, every commit changing one activity) and times each command. Run with
//! `cargo bench --bench history`; `PROGRAMA_BENCH_COMMITS` and `PROGRAMA_BENCH_FILES`
//! (comma-separated) change the sizes; `PROGRAMA_BENCH_DIR` keeps the repositories there and
//! reuses them on the next run.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let commits: usize = std::env::var("PROGRAMA_BENCH_COMMITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let sizes: Vec<usize> = std::env::var("PROGRAMA_BENCH_FILES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![40, 1_000]);
    println!(
        "{:>6} {:>8}  {:>12} {:>12} {:>14}  {:>10} {:>12}",
        "files",
        "commits",
        "programa log",
        "git log -p",
        "git --name-only",
        "vs log -p",
        "vs name-only"
    );
    let keep = std::env::var_os("PROGRAMA_BENCH_DIR").map(std::path::PathBuf::from);
    for files in sizes {
        let temp = tempfile::tempdir().expect("temp dir");
        let dir = match &keep {
            Some(keep) => keep.join(format!("{files}-{commits}")),
            None => temp.path().to_path_buf(),
        };
        if !dir.join(".git").is_dir() {
            std::fs::create_dir_all(&dir).expect("bench folder");
            build(&dir, files, commits);
        }
        let dir = dir.as_path();
        let programa = time(dir, env!("CARGO_BIN_EXE_programa"), &["log", "--json"]);
        let patch = time(dir, "git", &["log", "-p", "--", "programme/"]);
        let names = time(dir, "git", &["log", "--name-only", "--", "programme/"]);
        println!(
            "{files:>6} {commits:>8}  {:>11.2}s {:>11.2}s {:>13.2}s  {:>9.2}x {:>11.2}x",
            programa.as_secs_f64(),
            patch.as_secs_f64(),
            names.as_secs_f64(),
            programa.as_secs_f64() / patch.as_secs_f64(),
            programa.as_secs_f64() / names.as_secs_f64(),
        );
    }
    println!("(ratios: programa's time over git's; below 1 is faster than git)");
}

/// The best of three runs of `program args` in `dir`, output discarded.
fn time(dir: &Path, program: &str, args: &[&str]) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let status = command(dir, program)
                .args(args)
                .stdout(Stdio::null())
                .status()
                .expect("runs");
            assert!(status.success(), "{program} {args:?} failed");
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn command(dir: &Path, program: &str) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", dir.join(".gitconfig-none"))
        .env("GIT_PAGER", "cat");
    command
}

/// The code of the `i`-th activity: 30 activities per project.
fn code(i: usize) -> String {
    format!("I.{}.{}", i / 30 + 1, i % 30 + 1)
}

/// One activity's state as the history moves it.
#[derive(Clone, Default)]
struct State {
    progress: u8,
    status: usize,
    participants: usize,
}

const STATUSES: [&str; 3] = ["planned", "ongoing", "completed"];

fn activity(i: usize, state: &State) -> String {
    let code = code(i);
    let mut text = format!(
        "code = \"{code}\"\nproject = \"I.{}\"\ntitle = \"Regional workshop number {i} on trade facilitation\"\n\
         kind = \"event\"\nformat = \"virtual\"\nstatus = \"{}\"\nprogress = {}\n\
         planned_start = \"2021-05-10\"\nplanned_end = \"2021-05-11\"\n\
         background = \"\"\"\nInformation asymmetries among regional technical or financial support \
         organizations require review of regional institutions' programmes.\n\n\
         In 2019, the Permanent Secretariat formed a working group on activity {i}.\n\"\"\"\n\
         objectives = [\n    \"Assess the economic effects of the pandemic on integration.\",\n    \
         \"Develop an institutional strategy for regional economic policies.\",\n]\n\
         expected_results = [\n    \"A technical report.\",\n]\n",
        i / 30 + 1,
        STATUSES[state.status % STATUSES.len()],
        state.progress,
    );
    for p in 0..state.participants {
        let _ = write!(
            text,
            "\n[[participants]]\norganisation = \"Ministry {p}\"\ncountry = \"Country {}\"\nrole = \"participant\"\n",
            p % 7
        );
    }
    text
}

fn programme(files: usize) -> String {
    let mut text = String::from(
        "year = 2021\ntitle = \"Work Programme for the year 2021\"\norganisation = \"Bench\"\n\n\
         [[areas]]\ncode = \"I\"\ntitle = \"Intra-Regional Relations\"\n\n\
         [[programmes]]\nid = \"all\"\narea = \"I\"\ntitle = \"All\"\n",
    );
    for project in 0..files.div_ceil(30) {
        let _ = write!(
            text,
            "\n[[projects]]\ncode = \"I.{}\"\nprogramme = \"all\"\ntitle = \"Project {}\"\n",
            project + 1,
            project + 1
        );
    }
    text
}

fn data(stream: &mut Vec<u8>, bytes: &[u8]) {
    let _ = writeln!(stream, "data {}", bytes.len());
    stream.extend_from_slice(bytes);
    stream.push(b'\n');
}

/// A repository in `dir` whose first commit holds `files` activities and each later commit
/// changes one of them (progress, sometimes status, sometimes a participant).
fn build(dir: &Path, files: usize, commits: usize) {
    let ok = command(dir, "git")
        .args(["init", "-q", "-b", "main"])
        .status()
        .expect("git init");
    assert!(ok.success());
    let mut states = vec![State::default(); files];
    let mut stream = Vec::new();
    let dir_of = "programme/2021";
    for k in 0..commits {
        let when = 1_609_459_200 + k as i64 * 600;
        let _ = writeln!(stream, "commit refs/heads/main\nmark :{}", k + 1);
        let _ = writeln!(stream, "author Bench <bench@example.org> {when} +0000");
        let _ = writeln!(stream, "committer Bench <bench@example.org> {when} +0000");
        data(&mut stream, format!("Change {k}").as_bytes());
        if k == 0 {
            let _ = writeln!(stream, "M 100644 inline {dir_of}/programme.toml");
            data(&mut stream, programme(files).as_bytes());
            for (i, state) in states.iter().enumerate() {
                let _ = writeln!(
                    stream,
                    "M 100644 inline {dir_of}/activities/{}.toml",
                    code(i)
                );
                data(&mut stream, activity(i, state).as_bytes());
            }
        } else {
            let _ = writeln!(stream, "from :{k}");
            let i = k % files;
            let state = &mut states[i];
            state.progress = ((usize::from(state.progress) + 7) % 101) as u8;
            // Every file's n-th visit: a participant every 5th, a status move every 20th.
            let visit = k / files;
            if visit % 5 == 4 {
                state.participants += 1;
            }
            if visit % 20 == 19 {
                state.status += 1;
            }
            let _ = writeln!(
                stream,
                "M 100644 inline {dir_of}/activities/{}.toml",
                code(i)
            );
            data(&mut stream, activity(i, state).as_bytes());
        }
        stream.push(b'\n');
    }
    let mut child = command(dir, "git")
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&stream)
        .expect("feed fast-import");
    assert!(child.wait().expect("fast-import ends").success());
    let ok = command(dir, "git")
        .args(["checkout", "-q", "-f", "main"])
        .status()
        .expect("checkout");
    assert!(ok.success());
}
