//! Times the command line on a large synthetic programme, side by side with `cat` of the same
//! files: reading them is the floor no command can go under.
//!
//! `cargo bench --bench cli [-- --activities N --runs R --keep DIR]`. Each command runs R
//! times (after one warm-up run) with stdout to /dev/null; the table gives the median and the
//! fastest run, and the median's ratio to `cat`'s.

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
    let files: Vec<String> = written
        .files
        .iter()
        .filter_map(|f| f.strip_prefix(&written.year_dir).ok())
        .map(|f| f.display().to_string())
        .collect();
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
    let cat = ("cat".to_string(), files.clone());
    let commands: Vec<(&str, (String, Vec<String>))> = vec![
        ("cat (the floor)", cat),
        ("programa check", programa(&["check"])),
        ("programa list", programa(&["list"])),
        ("programa list --json", programa(&["list", "--json"])),
        ("programa list --csv", programa(&["list", "--csv"])),
        (
            "programa list TEXT",
            programa(&["list", "regional", "ports"]),
        ),
        ("programa stats", programa(&["stats"])),
        ("programa show CODE", programa(&["show", middle])),
    ];

    println!(
        "{} runs each after a warm-up; stdout to /dev/null\n",
        options.runs
    );
    println!(
        "{:<24} {:>10} {:>10} {:>8}  note",
        "command", "median", "fastest", "× cat"
    );
    let mut floor = None;
    for (name, (program, args)) in commands {
        let timing = time(&program, &args, &written.year_dir, options.runs);
        let (median, fastest, note) = match timing {
            Ok((median, fastest, status)) => (median, fastest, status),
            Err(error) => {
                println!("{name:<24} {error}");
                continue;
            }
        };
        let floor = *floor.get_or_insert(median);
        println!(
            "{name:<24} {:>10} {:>10} {:>8.1}  {note}",
            format!("{:.1} ms", ms(median)),
            format!("{:.1} ms", ms(fastest)),
            ms(median) / ms(floor)
        );
    }
    Ok(())
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
