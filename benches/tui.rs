//! How fast the interface is on a large programme: a synthetic year of 10 000 activities
//! (`-- --activities N` for another size) is written to a temporary folder and opened the way
//! `programa` opens it, drawn into a test backend.
//!
//! Reports what a user sees: the time from start to the first frame (programme file read,
//! activity files listed, the first chunk read, drawn), to every file read and checked, and to
//! handle a key and redraw while the files are being read and after; against the targets of
//! 100 ms for the first frame and 16 ms for a key. Run it optimised, either
//! `cargo bench --bench tui` (release) or, reusing the test build's dependencies,
//! `CARGO_PROFILE_DEV_OPT_LEVEL=2 cargo bench --profile dev --bench tui`.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use programa::store::{self, Workspace};
use programa::tui::load::{self, Reader};
use programa::tui::{Action, App, Effect, KeyMap, Scope};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::synthetic;

/// The size of the programme unless `--activities N` says otherwise.
const ACTIVITIES: usize = 10_000;
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// The time between two keys while the files are read: a key held down repeats about as fast.
const KEY_REPEAT: Duration = Duration::from_millis(30);

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn key(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Keys a user browses with.
const BROWSE: [KeyCode; 10] = [
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

/// The median and the worst of `times`.
fn spread(times: &mut [Duration]) -> (f64, f64) {
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let worst = times.last().copied().unwrap_or_default();
    (ms(median), ms(worst))
}

type Draw = Terminal<TestBackend>;

/// Applies `action` as the event loop does (a check asked for starts on `reader`) and redraws.
fn update(
    app: &mut App,
    reader: &Reader,
    terminal: &mut Draw,
    action: Action,
) -> Result<(), Box<dyn std::error::Error>> {
    for effect in app.update(action) {
        if let Effect::Check(generation) = effect {
            reader.check(Arc::clone(&app.loaded), generation);
        }
    }
    terminal.draw(|frame| programa::tui::view::render(frame, app))?;
    Ok(())
}

/// The number of activities: `--activities N`, or [`ACTIVITIES`].
fn activities() -> Result<usize, Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut activities = ACTIVITIES;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--activities" => {
                activities = args.next().ok_or("--activities needs a value")?.parse()?;
            }
            // `cargo bench` passes `--bench` to every bench target.
            "--bench" => {}
            other => return Err(format!("unknown argument `{other}`").into()),
        }
    }
    Ok(activities)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let activities = activities()?;
    let dir = tempfile::tempdir()?;
    let written = synthetic::write(dir.path(), 2021, activities)?;
    let workspace = Workspace::at(dir.path());
    let scope = Scope {
        workspace: workspace.clone(),
        year: 2021,
    };
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;

    // As `programa` starts: the programme file and the listing, then a frame at once.
    let start = Instant::now();
    let mut listing = store::list(&workspace, 2021)?;
    load::in_code_order(&mut listing.files);
    let files = listing.files.len();
    let mut app = App::reading(
        scope.clone(),
        listing.programme,
        files,
        KeyMap::default(),
        (WIDTH, HEIGHT),
    );
    let reader = Reader::default();
    reader.read(workspace.clone(), listing.files);
    terminal.draw(|frame| programa::tui::view::render(frame, &app))?;
    let structure = start.elapsed();
    let first = reader.events.recv()?;
    update(&mut app, &reader, &mut terminal, Action::Read(first))?;
    let first_frame = start.elapsed();
    let shown = app.loaded.plan.activities.len();

    // Browsing while the rest is read; what comes in is taken between keys.
    let mut keys_reading = Vec::new();
    let mut chunks = Vec::new();
    let mut read_all = None;
    let mut round = 0;
    while !app.is_loaded() {
        for action in reader.take() {
            let at = Instant::now();
            update(&mut app, &reader, &mut terminal, action)?;
            chunks.push(at.elapsed());
        }
        if read_all.is_none() && app.progress == programa::tui::Progress::Checking {
            read_all = Some(start.elapsed());
        }
        if app.is_loaded() {
            break;
        }
        let at = Instant::now();
        update(
            &mut app,
            &reader,
            &mut terminal,
            key(BROWSE[round % BROWSE.len()]),
        )?;
        keys_reading.push(at.elapsed());
        round += 1;
        std::thread::sleep(KEY_REPEAT);
    }
    let everything = start.elapsed();
    assert_eq!(app.loaded.plan.activities.len(), activities);
    assert!(
        !app.findings.iter().any(|f| f.is_error()),
        "{:?}",
        app.findings.first()
    );

    // Browsing once everything is in.
    let mut keys_after = Vec::new();
    for round in 0..20 {
        for code in BROWSE {
            let at = Instant::now();
            update(&mut app, &reader, &mut terminal, key(code))?;
            if round > 0 {
                keys_after.push(at.elapsed());
            }
        }
    }
    let mut filter_keys = Vec::new();
    app.update(key(KeyCode::Char('/')));
    for c in "trade forum".chars() {
        let at = Instant::now();
        update(&mut app, &reader, &mut terminal, key(KeyCode::Char(c)))?;
        filter_keys.push(at.elapsed());
    }
    let filter_first = filter_keys[0];
    let filter_rest = filter_keys[1..].iter().max().copied().unwrap_or_default();

    // An edit once everything is read: the status form on the selected activity, one step to
    // the right, saved with Enter (the file written, read again, the check started).
    update(&mut app, &reader, &mut terminal, key(KeyCode::Enter))?;
    update(&mut app, &reader, &mut terminal, key(KeyCode::Char('s')))?;
    assert!(app.overlay.is_some(), "the status form opens");
    update(&mut app, &reader, &mut terminal, key(KeyCode::Right))?;
    let at = Instant::now();
    update(&mut app, &reader, &mut terminal, key(KeyCode::Enter))?;
    let edit = at.elapsed();
    assert!(app.overlay.is_none(), "the form is saved");

    // For comparison: reading the whole year before the first frame, as before.
    let at = Instant::now();
    let loaded = store::load(&workspace, 2021)?;
    let app = App::new(scope, loaded, KeyMap::default(), (WIDTH, HEIGHT));
    terminal.draw(|frame| programa::tui::view::render(frame, &app))?;
    let whole_first = at.elapsed();

    let (reading_median, reading_worst) = spread(&mut keys_reading);
    let (chunk_median, chunk_worst) = spread(&mut chunks);
    let (after_median, after_worst) = spread(&mut keys_after);
    println!(
        "programa tui benchmark: {activities} activities ({:.1} MB), {WIDTH}x{HEIGHT}",
        written.bytes as f64 / 1e6
    );
    println!(
        "  structure drawn (programme file, listing)  {:8.1} ms",
        ms(structure)
    );
    println!(
        "  first frame with activities ({shown:>3} read)  {:8.1} ms  (target < 100 ms)",
        ms(first_frame)
    );
    println!(
        "  every file read                            {:8.1} ms",
        ms(read_all.unwrap_or(everything))
    );
    println!(
        "  everything read and checked                {:8.1} ms",
        ms(everything)
    );
    println!(
        "  key + redraw while reading: median {reading_median:.2} ms, worst {reading_worst:.2} ms over {} keys  (target < 16 ms)",
        keys_reading.len()
    );
    println!(
        "  chunk taken in + redraw:    median {chunk_median:.2} ms, worst {chunk_worst:.2} ms over {} chunks",
        chunks.len()
    );
    println!(
        "  key + redraw after:         median {after_median:.2} ms, worst {after_worst:.2} ms over {} keys  (target < 16 ms)",
        keys_after.len()
    );
    println!(
        "  filter as you type: first key {:.1} ms, next keys ≤ {:.1} ms  (target < 16 ms)",
        ms(filter_first),
        ms(filter_rest)
    );
    println!(
        "  an edit saved (status form, Enter) + redraw {:8.1} ms",
        ms(edit)
    );
    println!(
        "  before: whole year read and checked, then drawn  {:8.1} ms",
        ms(whole_first)
    );
    Ok(())
}
