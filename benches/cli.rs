//! Times the command line on a large synthetic programme, side by side with its peers: `cat`
//! of the files a command needs (every file of the year, or the one file `show` prints) is the
//! floor no read can go under, and `programa --version` what the binary takes to start at all.
//!
//! `cargo bench --bench cli [-- --activities N --runs R --keep DIR]`. Each command runs R
//! times (after one warm-up run) with stdout to /dev/null; the table gives the median and the
//! fastest run, the median's ratio to its `cat`'s and to the start-up's, and the peak memory of
//! one more run (the maximum resident set, from `/usr/bin/time`), also per activity.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::synthetic;

struct Options {
    activities: usize,
    runs: usize,
    keep: Option<PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        activities: 10_000,
        runs: 7,
        keep: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--activities" => {
                options.activities = value(&arg)?.parse().map_err(|e| format!("{e}"))?;
            }
            "--runs" => options.runs = value(&arg)?.parse().map_err(|e| format!("{e}"))?,
            "--keep" => options.keep = Some(PathBuf::from(value(&arg)?)),
            // `cargo bench` passes `--bench` to every bench target.
            "--bench" => {}
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(options)
}

fn main() -> Result<(), String> {
    let options = options()?;
    let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let root = options
        .keep
        .clone()
        .unwrap_or_else(|| temp.path().to_path_buf());

    let started = Instant::now();
    let written =
        synthetic::write(&root, 2021, options.activities).map_err(|e| format!("generate: {e}"))?;
    println!(
        "generated {} activities, {} files, {:.1} MB in {:.2?} under {}",
        options.activities,
        written.files.len(),
        written.bytes as f64 / 1e6,
        started.elapsed(),
        root.display()
    );

    let binary = env!("CARGO_BIN_EXE_programa");
    let middle = &written.codes[written.codes.len() / 2];

    let root_arg = root.display().to_string();
    let programa = |args: &[&str]| {
        let mut all = vec!["--root", root_arg.as_str()];
        all.extend_from_slice(args);
        (
            binary.to_string(),
            all.iter().map(|s| s.to_string()).collect(),
        )
    };
    let middle_file = format!("activities/{middle}.toml");
    // Each command beside its peer: what `cat` takes to read the same files, and what the
    // binary takes to start at all.
    let commands: Vec<(&str, Invocation, Peer)> = vec![
        (
            "cat (every file)",
            // Through find: a year's files can be more than one command line takes.
            (
                "find".to_string(),
                [".", "-name", "*.toml", "-exec", "cat", "{}", "+"]
                    .map(String::from)
                    .to_vec(),
            ),
            Peer::None,
        ),
        (
            "cat FILE",
            ("cat".to_string(), vec![middle_file]),
            Peer::None,
        ),
        (
            "programa --version",
            (binary.to_string(), vec!["--version".to_string()]),
            Peer::None,
        ),
        ("programa check", programa(&["check"]), Peer::CatAll),
        ("programa list", programa(&["list"]), Peer::CatAll),
        (
            "programa list --json",
            programa(&["list", "--json"]),
            Peer::CatAll,
        ),
        (
            "programa list --csv",
            programa(&["list", "--csv"]),
            Peer::CatAll,
        ),
        (
            "programa list TEXT",
            programa(&["list", "regional", "ports"]),
            Peer::CatAll,
        ),
        ("programa stats", programa(&["stats"]), Peer::CatAll),
        (
            "programa show CODE",
            programa(&["show", middle]),
            Peer::CatOne,
        ),
    ];

    println!(
        "{} runs each after a warm-up; stdout to /dev/null; peak memory of one more run \
         (maximum resident set, from /usr/bin/time)\n",
        options.runs
    );
    println!(
        "{:<24} {:>10} {:>10} {:>12} {:>12} {:>10} {:>8}  note",
        "command", "median", "fastest", "× its cat", "× start-up", "peak RSS", "KB/act."
    );
    let mut floors: [Option<Duration>; 3] = [None; 3];
    for (name, (program, args), peer) in commands {
        let timing = time(&program, &args, &written.year_dir, options.runs);
        let (median, fastest, note) = match timing {
            Ok((median, fastest, status)) => (median, fastest, status),
            Err(error) => {
                println!("{name:<24} {error}");
                continue;
            }
        };
        let peak = peak_kb(&program, &args, &written.year_dir);
        let ratio = |floor: Option<Duration>| match floor {
            Some(floor) => format!("{:.1}", ms(median) / ms(floor)),
            None => "–".to_string(),
        };
        let (versus_cat, versus_start) = match peer {
            Peer::None => {
                let slot = ["cat (every file)", "cat FILE", "programa --version"]
                    .iter()
                    .position(|n| *n == name);
                if let Some(slot) = slot {
                    floors[slot] = Some(median);
                }
                ("–".to_string(), "–".to_string())
            }
            Peer::CatAll => (ratio(floors[0]), ratio(floors[2])),
            Peer::CatOne => (ratio(floors[1]), ratio(floors[2])),
        };
        let (peak, per_activity) = match peak {
            Some(kb) => (
                format!("{:.1} MB", kb as f64 / 1024.0),
                format!("{:.1}", kb as f64 / options.activities.max(1) as f64),
            ),
            None => ("–".to_string(), "–".to_string()),
        };
        println!(
            "{name:<24} {:>10} {:>10} {versus_cat:>12} {versus_start:>12} {peak:>10} {per_activity:>8}  {note}",
            format!("{:.1} ms", ms(median)),
            format!("{:.1} ms", ms(fastest)),
        );
    }
    Ok(())
}

/// A program and its arguments.
type Invocation = (String, Vec<String>);

/// What a command is compared with.
enum Peer {
    /// It is a peer itself.
    None,
    /// `cat` of every file of the year.
    CatAll,
    /// `cat` of the one activity file.
    CatOne,
}

/// The peak resident memory of one run of `program args` in `dir`, in KB, as `/usr/bin/time`
/// measures it (the kernel's `ru_maxrss`); none when it is not installed.
fn peak_kb(program: &str, args: &[String], dir: &Path) -> Option<u64> {
    let report = tempfile::NamedTempFile::new().ok()?;
    Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(report.path())
        .arg(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    let text = std::fs::read_to_string(report.path()).ok()?;
    text.lines().last()?.trim().parse().ok()
}

/// Runs `program args` in `dir` once to warm up, then `runs` times: the median and fastest
/// durations, and a note when it did not succeed.
fn time(
    program: &str,
    args: &[String],
    dir: &Path,
    runs: usize,
) -> Result<(Duration, Duration, String), String> {
    let run = || {
        let started = Instant::now();
        let output = Command::new(program)
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("cannot run {program}: {e}"))?;
        let elapsed = started.elapsed();
        let note = if output.status.success() {
            String::new()
        } else {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let first = stderr.lines().next().unwrap_or_default();
            format!("exit {:?}: {first}", output.status.code())
        };
        Ok::<_, String>((elapsed, note))
    };
    let (_, note) = run()?;
    let mut durations = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        durations.push(run()?.0);
    }
    durations.sort();
    Ok((durations[durations.len() / 2], durations[0], note))
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
