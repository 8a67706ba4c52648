//! The full-screen interface: the only ratatui and crossterm user.
//!
//! [`app`] holds the state and turns actions into changes and effects, without drawing;
//! [`view`] draws the state; [`keys`] maps keys to commands (remappable in `keys.toml`);
//! [`services`] is the seam to git and the document compiler, run on a background thread;
//! [`load`] reads the year's activity files on another while the interface is already up.
//! [`run`] is the small event loop joining them to a real terminal.

pub mod app;
pub mod form;
pub mod keys;
pub mod load;
pub mod services;
pub mod tree;
pub mod view;

use std::io::{self, stdout};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::DefaultTerminal;

pub use app::{Action, App, EditorOutcome, Effect, Progress};
pub use keys::{KeyConfigError, KeyMap};
pub use services::{ActivityHistory, Document, HistoryEntry, Scope, Services, Unavailable};

/// How often the screen is redrawn while a background job runs (for the spinner).
const TICK: Duration = Duration::from_millis(120);
/// How long the loop waits for input while files are being read, before taking in what was
/// read: short enough that the tree fills in smoothly.
const READING_TICK: Duration = Duration::from_millis(15);

/// Runs the interface on the terminal until the user quits. The programme file is read and the
/// activity files listed first; the interface then shows the programme at once and fills in
/// the activities as a background thread reads them. The terminal is restored on every way
/// out, a panic included.
pub fn run(
    scope: Scope,
    keys: KeyMap,
    services: Arc<dyn Services>,
) -> Result<(), crate::store::StoreError> {
    let mut listing = crate::store::list(&scope.workspace, scope.year)?;
    load::in_code_order(&mut listing.files);
    let io_error = |e: io::Error| crate::store::StoreError::Io {
        action: "cannot use the terminal",
        path: "/dev/tty".into(),
        source: e,
    };
    let size = crossterm::terminal::size().map_err(io_error)?;
    let files = listing.files.len();
    let mut app = App::reading(scope.clone(), listing.programme, files, keys, size);
    app.colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let reader = load::Reader::default();
    reader.read(scope.workspace.clone(), listing.files);
    let worker = services::Worker::start(services, scope);

    let mut terminal = ratatui::try_init().map_err(io_error)?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = execute!(stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, &mut app, &worker, &reader));
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    for draft in app.drafts.values() {
        match std::fs::read_to_string(&draft.path) {
            Ok(text) if text != draft.base => {
                let path = draft.path.display().to_string();
                let path = crate::output::escape_hidden(&path).into_owned();
                eprintln!("{}", crate::tr!("tui-draft-kept", path = path));
            }
            _ => {
                let _ = std::fs::remove_file(&draft.path);
            }
        }
    }
    result.map_err(io_error)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    worker: &services::Worker,
    reader: &load::Reader,
) -> io::Result<()> {
    let mut dirty = true;
    let mut ticked = Instant::now();
    loop {
        if dirty {
            terminal.draw(|frame| view::render(frame, app))?;
            dirty = false;
        }
        let mut actions = Vec::new();
        let wait = if app.is_reading() {
            READING_TICK
        } else if app.busy.is_some() || app.history_loading() {
            TICK
        } else {
            Duration::from_secs(1)
        };
        if event::poll(wait)? {
            loop {
                match event::read()? {
                    Event::Key(key) if key.is_press() || key.is_repeat() => {
                        actions.push(Action::Key(key));
                    }
                    Event::Mouse(mouse) => actions.push(Action::Mouse(mouse)),
                    Event::Resize(width, height) => actions.push(Action::Resize(width, height)),
                    _ => {}
                }
                if !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        } else if ticked.elapsed() >= TICK || wait > TICK {
            ticked = Instant::now();
            actions.push(Action::Tick);
        }
        while let Ok(report) = worker.events.try_recv() {
            actions.push(Action::Job(report));
        }
        actions.extend(reader.take());
        for action in actions {
            dirty = true;
            let mut effects = app.update(action);
            while !effects.is_empty() {
                let mut next = Vec::new();
                for effect in effects {
                    match effect {
                        Effect::Quit => return Ok(()),
                        Effect::Start(job) => {
                            if !worker.submit(job) {
                                app.busy = None;
                            }
                        }
                        Effect::Edit { code, draft } => {
                            let outcome = suspend_for_editor(terminal, &code, &draft)?;
                            next.extend(app.update(Action::Edited(outcome)));
                        }
                        Effect::Check(generation) => {
                            reader.check(Arc::clone(&app.loaded), generation);
                        }
                    }
                }
                effects = next;
            }
        }
    }
}

/// Leaves the full screen, runs the editor on `draft` like `programa edit` does, and comes back.
fn suspend_for_editor(
    terminal: &mut DefaultTerminal,
    code: &str,
    draft: &Path,
) -> io::Result<EditorOutcome> {
    execute!(stdout(), DisableMouseCapture)?;
    ratatui::try_restore()?;
    let editor = crate::store::edit::editor_command();
    let status = crate::store::edit::run_editor(&editor, draft);
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.clear()?;
    let result = status.and_then(|()| {
        std::fs::read_to_string(draft).map_err(|e| {
            crate::tr!(
                "tui-cannot-read-draft",
                path = draft.display().to_string(),
                error = e.to_string()
            )
        })
    });
    Ok(EditorOutcome {
        code: code.to_string(),
        draft: draft.to_path_buf(),
        result,
    })
}
