//! How fast the interface is on a large programme: a synthetic year of 10 000 activities is
//! written to a temporary folder, loaded, and drawn into a test backend.
//!
//! Reports the time to the first frame (load, state, first draw) and the time to handle a key
//! and redraw, against the targets of 100 ms and 16 ms. Run it optimised, either
//! `cargo bench --bench tui` (release) or, reusing the test build's dependencies,
//! `CARGO_PROFILE_DEV_OPT_LEVEL=2 cargo bench --profile dev --bench tui`.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use programa::store::{self, Workspace};
use programa::tui::{Action, App, KeyMap, Scope};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const ACTIVITIES: usize = 10_000;
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// A small deterministic generator (a linear congruential one), so every run draws the same.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

const WORDS: &[&str] = &[
    "regional",
    "integration",
    "trade",
    "cooperation",
    "digital",
    "economy",
    "policy",
    "small",
    "enterprises",
    "forum",
    "capacity",
    "development",
    "financing",
    "caribbean",
    "network",
    "supply",
    "chains",
    "energy",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut text = String::new();
    for i in 0..words {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(WORDS[rng.next(WORDS.len())]);
    }
    text
}

/// Writes a year with 3 areas, 9 programmes, 90 projects and `ACTIVITIES` activities.
fn generate(root: &Path) -> std::io::Result<()> {
    let year = root.join("programme/2021");
    std::fs::create_dir_all(year.join("activities"))?;
    let mut programme = String::from(
        "year = 2021\ntitle = \"Synthetic programme\"\norganisation = \"Benchmark\"\n",
    );
    let areas = ["I", "II", "III"];
    let mut projects = Vec::new();
    for area in areas {
        let _ = write!(
            programme,
            "\n[[areas]]\ncode = \"{area}\"\ntitle = \"Area {area}\"\n"
        );
    }
    for area in areas {
        for p in 1..=3 {
            let _ = write!(
                programme,
                "\n[[programmes]]\nid = \"{area}-{p}\"\narea = \"{area}\"\ntitle = \"Programme {p} of area {area}\"\n"
            );
            for j in 1..=10 {
                let code = format!("{area}.{}", (p - 1) * 10 + j);
                let _ = write!(
                    programme,
                    "\n[[projects]]\ncode = \"{code}\"\nprogramme = \"{area}-{p}\"\ntitle = \"Project {code}\"\n"
                );
                projects.push(code);
            }
        }
    }
    std::fs::write(year.join("programme.toml"), programme)?;
    let mut rng = Rng(2021);
    let statuses = ["planned", "ongoing", "completed", "postponed", "cancelled"];
    let formats = ["face-to-face", "virtual", "hybrid"];
    for i in 0..ACTIVITIES {
        let project = &projects[i % projects.len()];
        let code = format!("{project}.{}", i / projects.len() + 1);
        let mut text = format!(
            "code = \"{code}\"\nproject = \"{project}\"\ntitle = \"{}\"\nkind = \"event\"\nformat = \"{}\"\nstatus = \"{}\"\nprogress = {}\nbackground = \"\"\"\n{}.\n\n{}.\n\"\"\"\nobjectives = [\n    \"{}.\",\n    \"{}.\",\n]\n",
            sentence(&mut rng, 6),
            formats[rng.next(formats.len())],
            statuses[rng.next(statuses.len())],
            rng.next(101),
            sentence(&mut rng, 60),
            sentence(&mut rng, 40),
            sentence(&mut rng, 12),
            sentence(&mut rng, 12),
        );
        let _ = write!(
            text,
            "\n[[participants]]\norganisation = \"CAF\"\ncountry = \"Peru\"\nrole = \"speaker\"\n"
        );
        std::fs::write(year.join("activities").join(format!("{code}.toml")), text)?;
    }
    Ok(())
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    generate(dir.path())?;
    let workspace = Workspace::at(dir.path());

    let start = Instant::now();
    let mut bytes = 0;
    for entry in std::fs::read_dir(dir.path().join("programme/2021/activities"))? {
        bytes += std::fs::read_to_string(entry?.path())?.len();
    }
    let read_only = start.elapsed();
    let start = Instant::now();
    let loaded = store::load(&workspace, 2021)?;
    let load = start.elapsed();
    assert_eq!(loaded.plan.activities.len(), ACTIVITIES);
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings.first());

    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
    let start = Instant::now();
    let mut app = App::new(
        Scope {
            workspace,
            year: 2021,
        },
        loaded,
        KeyMap::default(),
        (WIDTH, HEIGHT),
    );
    let state = start.elapsed();
    let start = Instant::now();
    terminal.draw(|frame| programa::tui::view::render(frame, &app))?;
    let first_draw = start.elapsed();

    let key = |code| Action::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut redraws = Vec::new();
    let sequence = [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::PageDown,
        KeyCode::Char('j'),
        KeyCode::Up,
        KeyCode::Char('G'),
        KeyCode::Char('g'),
        KeyCode::Tab,
        KeyCode::PageDown,
        KeyCode::Tab,
    ];
    for round in 0..20 {
        for code in sequence {
            let start = Instant::now();
            app.update(key(code));
            terminal.draw(|frame| programa::tui::view::render(frame, &app))?;
            if round > 0 {
                redraws.push(start.elapsed());
            }
        }
    }
    redraws.sort();
    let median = redraws[redraws.len() / 2];
    let worst = redraws[redraws.len() - 1];

    let mut filter_keys = Vec::new();
    app.update(key(KeyCode::Char('/')));
    for c in "trade forum".chars() {
        let start = Instant::now();
        app.update(key(KeyCode::Char(c)));
        terminal.draw(|frame| programa::tui::view::render(frame, &app))?;
        filter_keys.push(start.elapsed());
    }
    let filter_first = filter_keys[0];
    let filter_rest = filter_keys[1..].iter().max().copied().unwrap_or_default();

    let first_frame = state + first_draw;
    println!("programa tui benchmark: {ACTIVITIES} activities, {WIDTH}x{HEIGHT}");
    println!(
        "  read the files only             {:8.1} ms  ({:.1} MB)",
        ms(read_only),
        bytes as f64 / 1e6
    );
    println!("  load from disk (store::load)    {:8.1} ms", ms(load));
    println!("  state (tree, validation)        {:8.1} ms", ms(state));
    println!(
        "  first draw                      {:8.1} ms",
        ms(first_draw)
    );
    println!(
        "  first frame, loaded plan        {:8.1} ms  (target < 100 ms)",
        ms(first_frame)
    );
    println!(
        "  first frame, from disk          {:8.1} ms",
        ms(load + first_frame)
    );
    println!(
        "  key + redraw: median {:.2} ms, worst {:.2} ms over {} keys  (target < 16 ms)",
        ms(median),
        ms(worst),
        redraws.len()
    );
    println!(
        "  filter as you type: first key {:.1} ms (builds the search text), next keys ≤ {:.1} ms",
        ms(filter_first),
        ms(filter_rest)
    );
    Ok(())
}
