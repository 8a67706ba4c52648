//! How long the commands that read the git history take, side by side with git's own commands
//! on the same repositories, run in turn (programa, git, programa, git…) so that both see the
//! same load.
//!
//! The repositories are built with `git fast-import`:
//! - `small-40`, `small-1000`: 40 and 1 000 short activity files, 10 000 commits each changing
//!   one of them;
//! - `wide`: 10 000 generated activities of realistic length (2–4 KB), then 2 000 commits over
//!   the year, each changing one;
//! - `long`: SELA's 34 activities of 2021, then 10 000 commits over the year, each moving one
//!   (progress, notes, participants, completions).
//!
//! Sections (all by default): `log` (`log --json` against `git log -p` and `git log
//! --name-only`), `diff` (between revisions and of the working tree, against `git diff`),
//! `walks` (`log --since`, `log CODE`, `history CODE` against `git log -p --since` and `git log
//! -p -- FILE`) and `report` (`compile report` with 10 000 commits behind it and with no
//! history). Run with `cargo bench --bench history [-- SECTION… --runs N --keep DIR]`;
//! `--keep DIR` keeps the repositories there and reuses them on the next run;
//! `PROGRAMA_BENCH_BIN=PATH` measures another build of programa on them. Each row gives
//! the median of the runs and the ratio of medians (programa's over git's).

mod support;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::histories::{Commit, Signature, Stream};
use support::synthetic;

const SECTIONS: [&str; 4] = ["log", "diff", "walks", "report"];

struct Options {
    sections: Vec<String>,
    runs: usize,
    keep: Option<PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        sections: Vec::new(),
        runs: 7,
        keep: std::env::var_os("PROGRAMA_BENCH_DIR").map(PathBuf::from),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--runs" => options.runs = value(&arg)?.parse().map_err(|e| format!("{e}"))?,
            "--keep" => options.keep = Some(PathBuf::from(value(&arg)?)),
            // `cargo bench` passes `--bench` to every bench target.
            "--bench" => {}
            section if SECTIONS.contains(&section) => options.sections.push(arg),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if options.sections.is_empty() {
        options.sections = SECTIONS.iter().map(|s| s.to_string()).collect();
    }
    Ok(options)
}

fn main() -> Result<(), String> {
    let options = options()?;
    let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let base = options
        .keep
        .clone()
        .unwrap_or_else(|| temp.path().to_path_buf());
    let bench = Bench {
        base,
        runs: options.runs,
    };
    for section in &options.sections {
        match section.as_str() {
            "log" => bench.log(),
            "diff" => bench.diff(),
            "walks" => bench.walks(),
            "report" => bench.report(),
            _ => {}
        }
    }
    println!("(ratios: programa's median over the peer's; below 1 is faster than the peer)");
    Ok(())
}

struct Bench {
    base: PathBuf,
    runs: usize,
}

impl Bench {
    /// The repository `name`, built by `build` unless it is there already.
    fn repo(&self, name: &str, build: impl FnOnce(&Path)) -> PathBuf {
        let dir = self.base.join(name);
        if !dir.join(".git").is_dir() {
            let started = Instant::now();
            std::fs::create_dir_all(&dir).expect("bench folder");
            build(&dir);
            settle(&dir);
            eprintln!("built {} in {:.1?}", dir.display(), started.elapsed());
        }
        dir
    }

    fn small(&self, files: usize) -> PathBuf {
        let commits: usize = std::env::var("PROGRAMA_BENCH_COMMITS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10_000);
        self.repo(&format!("small-{files}-{commits}"), |dir| {
            import(dir, &small_history(files, commits))
        })
    }

    fn wide(&self) -> PathBuf {
        self.repo("wide-10000-2000", |dir| {
            import(dir, &wide_history(10_000, 2_000))
        })
    }

    fn long(&self) -> PathBuf {
        self.repo("long-34-10000", |dir| import(dir, &long_history(10_000)))
    }

    /// `programa log --json` over long histories.
    fn log(&self) {
        let sizes: Vec<usize> = std::env::var("PROGRAMA_BENCH_FILES")
            .ok()
            .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
            .unwrap_or_else(|| vec![40, 1_000]);
        heading("log: the whole history, 10 000 commits");
        for files in sizes {
            let dir = self.small(files);
            let name = format!("{files} files");
            self.row(
                &dir,
                &format!("log --json, {name}"),
                &["log", "--json"],
                &["log", "-p", "--", "programme/"],
                "git log -p",
            );
            self.row(
                &dir,
                &format!("log --json, {name}"),
                &["log", "--json"],
                &["log", "--name-only", "--", "programme/"],
                "git log --name-only",
            );
        }
    }

    /// `programa diff` between revisions and of the working tree, on 10 000 activities.
    fn diff(&self) {
        let dir = self.wide();
        heading("diff: 10 000 activities, 2 000 commits");
        self.row(
            &dir,
            "diff HEAD~1 HEAD",
            &["diff", "HEAD~1", "HEAD"],
            &["diff", "HEAD~1", "HEAD"],
            "git diff HEAD~1 HEAD",
        );
        self.row(
            &dir,
            "diff HEAD~1 HEAD --json",
            &["diff", "HEAD~1", "HEAD", "--json"],
            &["diff", "HEAD~1", "HEAD"],
            "git diff HEAD~1 HEAD",
        );
        self.row(
            &dir,
            "diff HEAD HEAD",
            &["diff", "HEAD", "HEAD"],
            &["diff", "HEAD", "HEAD"],
            "git diff HEAD HEAD",
        );
        self.row(
            &dir,
            "diff HEAD~500 HEAD",
            &["diff", "HEAD~500", "HEAD"],
            &["diff", "HEAD~500", "HEAD"],
            "git diff HEAD~500 HEAD",
        );
        // The working tree with one file changed.
        let file = dir.join("programme/2021/activities/I.1.1.toml");
        let old = std::fs::read_to_string(&file).expect("an activity file");
        let new = old.replacen("title = \"", "title = \"Revised: ", 1);
        std::fs::write(&file, new).expect("write");
        self.row(
            &dir,
            "diff (working tree)",
            &["diff"],
            &["diff", "HEAD"],
            "git diff HEAD",
        );
        self.row(
            &dir,
            "diff (working tree)",
            &["diff"],
            &["diff"],
            "git diff",
        );
        std::fs::write(&file, old).expect("write back");
    }

    /// Walks bounded by dates or by one activity.
    fn walks(&self) {
        for (dir, name, code) in [
            (self.wide(), "10 000 activities, 2 000 commits", "I.1.1"),
            (self.long(), "34 activities, 10 000 commits", "I.2.3"),
        ] {
            heading(&format!("walks: {name}"));
            let file = format!("programme/2021/activities/{code}.toml");
            for (since, until) in [
                (Some("2021-12-20"), None),
                (Some("2021-06-01"), Some("2021-06-07")),
                (None, Some("2021-01-15")),
            ] {
                let mut ours = vec!["log".to_string()];
                let mut theirs = vec!["log".to_string(), "-p".to_string()];
                if let Some(since) = since {
                    ours.extend(["--since".to_string(), since.to_string()]);
                    theirs.push(format!("--since={since}T00:00:00"));
                }
                if let Some(until) = until {
                    ours.extend(["--until".to_string(), until.to_string()]);
                    theirs.push(format!("--until={until}T23:59:59"));
                }
                theirs.extend(["--".to_string(), "programme/".to_string()]);
                let ours: Vec<&str> = ours.iter().map(String::as_str).collect();
                let theirs: Vec<&str> = theirs.iter().map(String::as_str).collect();
                self.row(&dir, &ours.join(" "), &ours, &theirs, &theirs.join(" "));
            }
            let peer = ["log", "-p", "--", file.as_str()];
            self.row(
                &dir,
                &format!("log {code}"),
                &["log", code],
                &peer,
                "git log -p -- FILE",
            );
            self.row(
                &dir,
                &format!("history {code}"),
                &["history", code],
                &peer,
                "git log -p -- FILE",
            );
            self.row(
                &dir,
                &format!("log {code} --since 2021-12-01"),
                &["log", code, "--since", "2021-12-01"],
                &[
                    "log",
                    "-p",
                    "--since=2021-12-01T00:00:00",
                    "--",
                    file.as_str(),
                ],
                "git log -p --since -- FILE",
            );
        }
    }

    /// `compile report` with the 10 000 commits of `long` behind it, and in a copy of its files
    /// with no history: the difference is what reading the history costs.
    fn report(&self) {
        let dir = self.long();
        let plain = self.base.join("long-files-only");
        if !plain.join("programme").is_dir() {
            std::fs::create_dir_all(&plain).expect("folder");
            let copied = Command::new("cp")
                .arg("-r")
                .arg(dir.join("programme"))
                .arg(&plain)
                .status()
                .is_ok_and(|s| s.success());
            assert!(copied, "cp -r {}", dir.display());
        }
        heading("report: SELA's 2021 programme with 10 000 commits, and with no history");
        let pdf = self.base.join("report.pdf");
        let pdf = pdf.to_string_lossy();
        let args = ["compile", "report", "-o", &pdf];
        let programa = &programa_binary();
        let (mut with, mut without) = (Vec::new(), Vec::new());
        let (mut said_with, mut said_without) = (Vec::new(), Vec::new());
        for _ in 0..=self.runs {
            let (time, said) = run(&dir, programa, &args);
            with.push(time);
            said_with.push(said);
            let (time, said) = run(&plain, programa, &args);
            without.push(time);
            said_without.push(said);
        }
        // The first round warms the caches up.
        for list in [&mut with, &mut without] {
            list.remove(0);
        }
        said_with.remove(0);
        said_without.remove(0);
        let (with, without) = (median(&with), median(&without));
        let typeset = |said: &[String]| {
            let values: Vec<Duration> = said.iter().filter_map(|s| typesetting(s)).collect();
            (!values.is_empty()).then(|| median(&values))
        };
        let typst = typeset(&said_without);
        println!(
            "{:<44} {:>9}   {:<28} {:>9}",
            "compile report, 10 000 commits",
            secs(with),
            "compile report, no history",
            secs(without)
        );
        let history = with.saturating_sub(without);
        println!(
            "  the history costs {} ({:.2}x the report with no history)",
            secs(history),
            with.as_secs_f64() / without.as_secs_f64()
        );
        if let Some(typst) = typst {
            println!(
                "  typst's share {}: the history costs {:.2}x typst's share",
                secs(typst),
                history.as_secs_f64() / typst.as_secs_f64()
            );
        }
        if let Some(last) = said_with.last() {
            println!("  it says: {last}");
        }
    }

    /// Runs programa and its peer in turn in `dir`, and prints the medians and their ratio.
    fn row(&self, dir: &Path, name: &str, ours: &[&str], theirs: &[&str], peer: &str) {
        let programa = &programa_binary();
        let (mut mine, mut git) = (Vec::new(), Vec::new());
        // One round to warm up, then the runs.
        for round in 0..=self.runs {
            let a = run(dir, programa, ours).0;
            let b = run(dir, "git", theirs).0;
            if round > 0 {
                mine.push(a);
                git.push(b);
            }
        }
        let (mine, git) = (median(&mine), median(&git));
        println!(
            "{name:<44} {:>9}   {peer:<28} {:>9}   {:>7.2}x",
            secs(mine),
            secs(git),
            mine.as_secs_f64() / git.as_secs_f64()
        );
    }
}

/// The programa to measure: this build's, or the one `PROGRAMA_BENCH_BIN` names (another
/// build, to compare before and after on the same repositories).
fn programa_binary() -> String {
    std::env::var("PROGRAMA_BENCH_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_programa").to_string())
}

fn heading(text: &str) {
    println!("\n{text}");
    println!(
        "{:<44} {:>9}   {:<28} {:>9}   {:>8}",
        "programa", "median", "peer", "median", "ratio"
    );
}

/// Runs `program args` in `dir` with stdout discarded: how long it took, and the last line it
/// wrote on stderr.
fn run(dir: &Path, program: &str, args: &[&str]) -> (Duration, String) {
    let started = Instant::now();
    let output = command(dir, program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{program} {args:?} failed in {}: {stderr}",
        dir.display()
    );
    let last = stderr
        .lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or_default();
    (elapsed, last.to_string())
}

/// The typesetting time in `compile`'s last message, "compiled N pages in T s (U s typesetting)".
fn typesetting(said: &str) -> Option<Duration> {
    let inside = said.rsplit_once('(')?.1;
    let seconds = inside.split_whitespace().next()?.parse::<f64>().ok()?;
    Some(Duration::from_secs_f64(seconds))
}

fn median(values: &[Duration]) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn secs(duration: Duration) -> String {
    format!("{:.3} s", duration.as_secs_f64())
}

fn command(dir: &Path, program: &str) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(dir)
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", dir.join(".gitconfig-none"))
        .env("GIT_PAGER", "cat")
        .env("TZ", "UTC")
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE");
    command
}

/// Runs `git fast-import` on `stream` in a new repository at `dir` and checks `main` out.
fn import(dir: &Path, stream: &Stream) {
    let git = |args: &[&str]| {
        let ok = command(dir, "git").args(args).status().expect("git runs");
        assert!(ok.success(), "git {args:?}");
    };
    git(&["init", "-q", "-b", "main"]);
    let mut child = command(dir, "git")
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stream.bytes())
        .expect("feed fast-import");
    assert!(child.wait().expect("fast-import ends").success());
    git(&["checkout", "-q", "-f", "main"]);
}

/// Leaves the index with every file's stat data, as it is once a user has worked in a
/// checkout: git takes entries written in the same second as the index for changed.
fn settle(dir: &Path) {
    std::thread::sleep(Duration::from_millis(1100));
    let _ = command(dir, "git")
        .args(["status", "--short"])
        .stdout(Stdio::null())
        .status();
}

/// Seconds since the epoch of 2021-01-01T00:00:00Z.
const NEW_YEAR_2021: i64 = 1_609_459_200;
/// Seconds in the year 2021.
const YEAR: i64 = 365 * 86_400;

fn bench_signature(when: i64) -> Signature<'static> {
    Signature {
        name: "Bench",
        email: "bench@example.org",
        when,
        offset: "+0000",
    }
}

/// One commit on `main` after `parent` (none for the first), writing `files`.
fn push(
    stream: &mut Stream,
    parent: Option<usize>,
    when: i64,
    files: &[(String, Option<Vec<u8>>)],
) -> usize {
    let message = format!("Change at {when}");
    let parents: Vec<usize> = parent.into_iter().collect();
    stream.commit(&Commit {
        branch: "main",
        parents: &parents,
        author: bench_signature(when),
        committer: bench_signature(when),
        message: &message,
        files,
    })
}

/// One activity's state as the history moves it.
#[derive(Clone, Default)]
struct State {
    visits: usize,
    progress: u8,
    status: &'static str,
    participants: usize,
    notes: Vec<(String, String)>,
    actual_start: Option<String>,
    actual_end: Option<String>,
}

/// `base` (a file as the tool writes it) with the state's status, progress, actual dates,
/// participants and notes.
fn version(base: &str, state: &State) -> Vec<u8> {
    let mut text = String::with_capacity(base.len() + 512);
    for line in base.split_inclusive('\n') {
        if line.starts_with("status = ") && !state.status.is_empty() {
            let _ = writeln!(text, "status = \"{}\"", state.status);
        } else if line.starts_with("progress = ") {
            let _ = writeln!(text, "progress = {}", state.progress);
            if let Some(day) = &state.actual_start {
                let _ = writeln!(text, "actual_start = \"{day}\"");
            }
            if let Some(day) = &state.actual_end {
                let _ = writeln!(text, "actual_end = \"{day}\"");
            }
        } else if !(line.starts_with("actual_start = ") || line.starts_with("actual_end = ")) {
            text.push_str(line);
        }
    }
    for p in 0..state.participants {
        let _ = write!(
            text,
            "\n[[participants]]\norganisation = \"Ministry {p}\"\ncountry = \"{}\"\nrole = \"participant\"\n",
            [
                "Peru", "Chile", "Mexico", "Brazil", "Cuba", "Panama", "Uruguay"
            ][p % 7]
        );
    }
    for (day, note) in &state.notes {
        let _ = write!(text, "\n[[notes]]\ndate = \"{day}\"\ntext = \"{note}\"\n");
    }
    text.into_bytes()
}

fn day_of(when: i64) -> String {
    chrono::DateTime::from_timestamp(when, 0)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// `files` short activities in one project each of 30, then `commits - 1` commits each
/// changing one (progress; a participant every 5th visit, a status move every 20th).
fn small_history(files: usize, commits: usize) -> Stream {
    let code = |i: usize| format!("I.{}.{}", i / 30 + 1, i % 30 + 1);
    let mut programme = String::from(
        "year = 2021\ntitle = \"Work Programme for the year 2021\"\norganisation = \"Bench\"\n\n\
         [[areas]]\ncode = \"I\"\ntitle = \"Intra-Regional Relations\"\n\n\
         [[programmes]]\nid = \"all\"\narea = \"I\"\ntitle = \"All\"\n",
    );
    for project in 0..files.div_ceil(30) {
        let _ = write!(
            programme,
            "\n[[projects]]\ncode = \"I.{}\"\nprogramme = \"all\"\ntitle = \"Project {}\"\n",
            project + 1,
            project + 1
        );
    }
    let base = |i: usize| {
        format!(
            "code = \"{}\"\nproject = \"I.{}\"\ntitle = \"Regional workshop number {i} on trade facilitation\"\n\
             kind = \"event\"\nformat = \"virtual\"\nstatus = \"planned\"\nprogress = 0\n\
             planned_start = \"2021-05-10\"\nplanned_end = \"2021-05-11\"\n\
             background = \"\"\"\nInformation asymmetries among regional technical or financial support \
             organizations require review of regional institutions' programmes.\n\n\
             In 2019, the Permanent Secretariat formed a working group on activity {i}.\n\"\"\"\n\
             objectives = [\n    \"Assess the economic effects of the pandemic on integration.\",\n    \
             \"Develop an institutional strategy for regional economic policies.\",\n]\n\
             expected_results = [\n    \"A technical report.\",\n]\n",
            code(i),
            i / 30 + 1,
        )
    };
    const STATUSES: [&str; 3] = ["planned", "ongoing", "completed"];
    let path = |i: usize| format!("programme/2021/activities/{}.toml", code(i));
    let bases: Vec<String> = (0..files).map(base).collect();
    let mut states = vec![State::default(); files];
    let mut stream = Stream::new();
    let mut first: Vec<(String, Option<Vec<u8>>)> = vec![(
        "programme/2021/programme.toml".to_string(),
        Some(programme.into_bytes()),
    )];
    first.extend((0..files).map(|i| (path(i), Some(bases[i].clone().into_bytes()))));
    let mut last = push(&mut stream, None, NEW_YEAR_2021, &first);
    for k in 1..commits {
        let i = k % files;
        let state = &mut states[i];
        state.progress = ((usize::from(state.progress) + 7) % 101) as u8;
        let visit = k / files;
        if visit % 5 == 4 {
            state.participants += 1;
        }
        state.status = STATUSES[(visit / 20) % STATUSES.len()];
        let files = [(path(i), Some(version(&bases[i], state)))];
        last = push(
            &mut stream,
            Some(last),
            NEW_YEAR_2021 + k as i64 * 600,
            &files,
        );
    }
    stream
}

/// `activities` generated activities, then `commits` commits over 2021 each changing one of
/// them: progress, a note every third visit, the status now and then.
fn wide_history(activities: usize, commits: usize) -> Stream {
    let programme = synthetic::programme(2021);
    let mut paths = Vec::with_capacity(activities);
    let mut bases = Vec::with_capacity(activities);
    for index in 0..activities {
        let activity = synthetic::activity(&programme, index);
        paths.push(format!("programme/2021/activities/{}.toml", activity.code));
        bases.push(toml(&activity));
    }
    let mut first: Vec<(String, Option<Vec<u8>>)> = vec![(
        "programme/2021/programme.toml".to_string(),
        Some(toml(&programme).into_bytes()),
    )];
    first.extend(
        paths
            .iter()
            .zip(&bases)
            .map(|(path, text)| (path.clone(), Some(text.clone().into_bytes()))),
    );
    let mut stream = Stream::new();
    let mut last = push(&mut stream, None, NEW_YEAR_2021, &first);
    let mut states = vec![State::default(); activities];
    let step = YEAR / (commits as i64 + 1);
    for k in 1..=commits {
        let when = NEW_YEAR_2021 + k as i64 * step;
        // Spread over the programme: a prime stride visits every activity in turn.
        let i = (k * 7_919) % activities;
        let state = &mut states[i];
        state.visits += 1;
        state.progress = (10 * state.visits % 100) as u8;
        if state.visits % 3 == 0 {
            state
                .notes
                .push((day_of(when), format!("Follow-up number {}.", state.visits)));
        }
        let files = [(paths[i].clone(), Some(version(&bases[i], state)))];
        last = push(&mut stream, Some(last), when, &files);
    }
    stream
}

/// SELA's 34 activities of 2021 as this repository has them, then `commits` commits over the
/// year, each moving one activity: started, progress back and forth, a participant every 40th
/// visit and a note every 25th, and completed on its last visit, or half-way for every
/// fourth activity, whose later visits then reword its last note. Every state passes `check`.
fn long_history(commits: usize) -> Stream {
    let year = Path::new(env!("CARGO_MANIFEST_DIR")).join("programme/2021");
    let read = |path: &Path| std::fs::read_to_string(path).expect("the 2021 programme");
    let mut paths = Vec::new();
    let mut bases = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(year.join("activities"))
        .expect("the 2021 activities")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    for path in &names {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        paths.push(format!("programme/2021/activities/{name}"));
        bases.push(read(path));
    }
    let activities = paths.len();
    let mut first: Vec<(String, Option<Vec<u8>>)> = vec![(
        "programme/2021/programme.toml".to_string(),
        Some(read(&year.join("programme.toml")).into_bytes()),
    )];
    first.extend(
        paths
            .iter()
            .zip(&bases)
            .map(|(path, text)| (path.clone(), Some(text.clone().into_bytes()))),
    );
    let mut stream = Stream::new();
    let mut last = push(&mut stream, None, NEW_YEAR_2021, &first);
    let mut states = vec![State::default(); activities];
    let visits = commits / activities;
    let step = (YEAR - 86_400 * 14) / (commits as i64 + 1);
    for k in 1..=commits {
        let when = NEW_YEAR_2021 + k as i64 * step;
        let i = k % activities;
        let state = &mut states[i];
        state.visits += 1;
        let v = state.visits;
        let finish = if i % 4 == 0 { visits / 2 } else { visits };
        if state.status == "completed" {
            if let Some(note) = state.notes.last_mut() {
                note.1 = format!("Follow-up after completion, number {v}.");
            } else {
                state.notes.push((day_of(when), "Completed.".to_string()));
            }
        } else if v >= finish {
            state.status = "completed";
            state.progress = 100;
            state.actual_end = Some(day_of(when));
        } else {
            state.status = "ongoing";
            state.progress = (5 + (v * 7) % 90) as u8;
            state.actual_start.get_or_insert_with(|| day_of(when));
            if v % 40 == 0 {
                state.participants += 1;
            }
            if v % 25 == 0 {
                state
                    .notes
                    .push((day_of(when), format!("Progress report number {v}.")));
            }
        }
        let files = [(paths[i].clone(), Some(version(&bases[i], state)))];
        last = push(&mut stream, Some(last), when, &files);
    }
    stream
}

/// The tool's own TOML of a programme or an activity.
fn toml<T: serde::Serialize>(value: &T) -> String {
    programa::store::write::to_toml(value).expect("serialises")
}
