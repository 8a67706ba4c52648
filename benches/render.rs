//! How fast the programme document compiles: in process, through the `programa` binary, with
//! the official typst CLI on the `--emit` files, and with pandoc + xelatex from the seed
//! markdown (and, when installed, typst's Python binding). Prints each timing (median of several runs) and its ratio to the in-process one.
//!
//! Run with `cargo bench --bench render` (or `--profile dev` to reuse a dev build). The typst
//! CLI and pandoc are used when they are on the PATH and skipped otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use programa::render::{self, Compiler, Lang, ProgrammeData, Templates};
use programa::store::{self, Workspace};

const RUNS: usize = 5;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (workspace, year) = match std::env::var_os("PROGRAMA_BENCH_ROOT") {
        Some(dir) => (Workspace::at(PathBuf::from(dir)), 2021),
        None if root.join("programme/2021/programme.toml").is_file() => (Workspace::at(root), 2021),
        None => (Workspace::at(root.join("tests/fixtures/mini")), 2021),
    };
    let loaded = match store::load(&workspace, year) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("cannot load the programme: {error}");
            std::process::exit(1);
        }
    };
    let plan = loaded.plan;
    println!(
        "programme: {} ({} activities)",
        workspace.year_dir(year).display(),
        plan.activities.len()
    );
    // A fixed date, so every run compiles the same document.
    let date =
        programa::model::Date::from_ymd(year, 12, 15).unwrap_or_else(|| fail("no such date"));
    let templates = Templates::for_workspace(root);

    // In process: a fresh compiler each run (fonts, parse, layout, PDF), like a CLI run. typst
    // memoises across worlds in one process, so its caches are emptied first.
    let mut pages = 0;
    let cold = median(RUNS, || {
        typst::comemo::evict(0);
        let data = ProgrammeData::new(&plan, Lang::En, date);
        let mut compiler = Compiler::new(templates.clone(), "programme.typ", &data, date, false)
            .unwrap_or_else(|e| fail(&e.to_string()));
        let compiled = compiler.compile().unwrap_or_else(|e| fail(&e.to_string()));
        pages = compiled.pages;
    });
    report("in process, fresh world", cold, cold, Some(pages));

    // In process, one world kept alive: unchanged input, then one title changed.
    let data = ProgrammeData::new(&plan, Lang::En, date);
    let mut compiler = Compiler::new(templates.clone(), "programme.typ", &data, date, false)
        .unwrap_or_else(|e| fail(&e.to_string()));
    let _ = compiler.compile();
    let same = median(RUNS, || {
        let _ = compiler.compile();
    });
    report("in process, same input again", same, cold, None);
    let mut changed_plan = plan.clone();
    let mut round = 0;
    let changed = median(RUNS, || {
        round += 1;
        if let Some(first) = changed_plan.activities.first_mut() {
            first.title = format!("{} ({round})", plan.activities[0].title);
        }
        let data = ProgrammeData::new(&changed_plan, Lang::En, date);
        let _ = compiler.update(&data, date);
        let _ = compiler.compile();
        typst::comemo::evict(10);
    });
    report("in process, one title changed", changed, cold, None);

    let scratch = tempfile::tempdir().unwrap_or_else(|e| fail(&e.to_string()));

    // The programa binary, end to end.
    let bin = env!("CARGO_BIN_EXE_programa");
    let out = scratch.path().join("programa.pdf");
    let cli = median(RUNS, || {
        run(Command::new(bin)
            .arg("--root")
            .arg(workspace.root())
            .args(["--year", &year.to_string(), "compile", "programme", "-o"])
            .arg(&out));
    });
    report("programa compile programme", cli, cold, None);

    // The official typst CLI on the emitted files.
    let emitted = scratch.path().join("emit");
    if let Err(error) = render::emit(&templates, "programme.typ", &data, &emitted) {
        fail(&error.to_string());
    }
    if available("typst", "--version") {
        let typst = median(RUNS, || {
            run(Command::new("typst")
                .args(["compile", "--ignore-system-fonts"])
                .arg(emitted.join("main.typ"))
                .arg(scratch.path().join("typst.pdf")));
        });
        report("typst compile (official CLI)", typst, cold, None);
    } else {
        println!("typst CLI: not on the PATH, skipped (cargo install typst-cli --locked)");
    }
    // The same typst compiler through its Python binding (`pip install typst`), when present.
    let script = format!(
        "import typst; typst.compile({:?}, output={:?}, root={:?})",
        emitted.join("main.typ").display().to_string(),
        scratch.path().join("python.pdf").display().to_string(),
        emitted.display().to_string(),
    );
    if run_ok(Command::new("python3").args(["-c", "import typst"])) {
        let python = median(RUNS, || {
            run(Command::new("python3").args(["-c", &script]));
        });
        report("typst via its Python binding", python, cold, None);
    }

    // pandoc + xelatex from the seed markdown.
    let seed = root.join("tests/fixtures/sela-work-programme-2021.md");
    if available("pandoc", "--version") && available("xelatex", "--version") && seed.is_file() {
        let runs = 3;
        let pandoc = median(runs, || {
            run(Command::new("pandoc")
                .arg(&seed)
                .args(["--pdf-engine=xelatex", "--toc", "-o"])
                .arg(scratch.path().join("pandoc.pdf")));
        });
        report("pandoc + xelatex (seed markdown)", pandoc, cold, None);
    } else {
        println!("pandoc + xelatex: not installed, skipped (apt-get install pandoc texlive-xetex)");
    }
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn report(what: &str, time: Duration, base: Duration, pages: Option<usize>) {
    let pages = pages.map(|p| format!(", {p} pages")).unwrap_or_default();
    println!(
        "{what:<36} {:>8.3} s  ×{:.2}{pages}",
        time.as_secs_f64(),
        time.as_secs_f64() / base.as_secs_f64()
    );
}

fn run(command: &mut Command) {
    match command.output() {
        Ok(output) if output.status.success() => {}
        Ok(output) => fail(&format!(
            "{:?} failed: {}",
            command,
            String::from_utf8_lossy(&output.stderr)
        )),
        Err(error) => fail(&format!("{command:?}: {error}")),
    }
}

fn run_ok(command: &mut Command) -> bool {
    command.output().is_ok_and(|o| o.status.success())
}

fn available(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
