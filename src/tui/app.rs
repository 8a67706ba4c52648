//! The interface's state and how every action changes it, without drawing anything.
//!
//! [`App::update`] takes an [`Action`] (a key, a click, an answer from the background thread,
//! the end of an editor session) and returns the [`Effect`]s the event loop must carry out:
//! quit, hand a job to the background thread, or suspend for `$EDITOR`. Edits are made here,
//! through the store's edit module, and written to disk as soon as they are made.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use rayon::prelude::*;

use super::form::{Field, Form, FormInput, FormKind};
use super::keys::{Command, KeyMap};
use super::load::ReadEvent;
use super::services::{ActivityHistory, Document, Job, JobEvent, Outcome, Scope};
use super::tree::{Filter, NodeKind, Row, Tree, haystack};
use crate::changes;
use crate::diagnostic::Finding;
use crate::model::{
    Activity, Country, Date, Format, Kind, Lang, Note, Participant, Role, Status, Vocabulary,
};
use crate::store::edit::{self, Assignment, EditError};
use crate::store::{self, Loaded, Source, WriteLock};

/// Where keys go when no dialog is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The tree.
    Tree,
    /// The right pane.
    Pane,
}

/// What the right pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The selected activity's sections.
    Detail,
    /// The selected activity's history.
    History,
    /// The uncommitted changes.
    Changes,
}

/// Something asked of the background thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loadable<T> {
    /// Asked, no answer yet.
    Loading,
    /// The answer.
    Ready(T),
    /// Why there is none.
    Failed(String),
}

/// A window over the main view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Every key, scrolled by this many lines.
    Help(u16),
    /// A form.
    Form(Form),
    /// The validation findings, with the selected one.
    Findings(usize),
    /// A background job's steps and result.
    Job(JobPanel),
}

/// A job shown in a window: compiles and commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobPanel {
    /// What is being done.
    pub title: String,
    /// The steps reported so far.
    pub steps: Vec<String>,
    /// The result, when it is done: the line to show, and whether it is an error.
    pub done: Option<(String, bool)>,
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
    /// When it was given: it goes after [`MESSAGE_LIFETIME`], giving the key hints back.
    pub shown: Instant,
}

/// How long a message stays in the status bar.
pub const MESSAGE_LIFETIME: Duration = Duration::from_secs(5);

/// How far reading the year has got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// Activity files are being read: `read` of `total` so far.
    Reading {
        /// Files read.
        read: usize,
        /// Files listed.
        total: usize,
    },
    /// Every file is read; the programme is being checked.
    Checking,
    /// Everything is read and checked.
    Done,
    /// A file could not be read (why); what was read before it is shown.
    Failed(String),
}

impl Progress {
    /// What is going on, for the status bar (`reading 3 400 of 10 000 files`); `None` when
    /// nothing is.
    pub fn describe(&self) -> Option<String> {
        match self {
            Progress::Reading { read, total } => Some(crate::tr!(
                "tui-reading",
                read = grouped(*read),
                total = grouped(*total)
            )),
            Progress::Checking => Some(crate::tr!("tui-checking")),
            Progress::Done | Progress::Failed(_) => None,
        }
    }
}

/// `n` with its digits in groups of three (`10 000`).
pub(crate) fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    out
}

/// Something that happened, for [`App::update`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A key pressed.
    Key(KeyEvent),
    /// A command (what a key is mapped to outside text fields).
    Command(Command),
    /// The mouse.
    Mouse(MouseEvent),
    /// The terminal's new size.
    Resize(u16, u16),
    /// The background thread's report.
    Job(JobEvent),
    /// Time passed (animates the spinner).
    Tick,
    /// The editor closed.
    Edited(EditorOutcome),
    /// The background reading's report.
    Read(ReadEvent),
}

/// How an editor session on an activity's file ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorOutcome {
    /// The activity.
    pub code: String,
    /// The copy the editor worked on, which holds the edited text.
    pub draft: PathBuf,
    /// The edited text, or why the editor failed.
    pub result: Result<String, String>,
}

/// A copy of an activity file given to the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Where the copy is.
    pub path: PathBuf,
    /// The file's text the copy started from: if the file no longer has it when the editor
    /// closes, something else wrote it meanwhile and the copy is not saved over it.
    pub base: String,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Restore the terminal and leave.
    Quit,
    /// Hand this job to the background thread.
    Start(Job),
    /// Suspend the interface and open the editor on `draft` (a copy of the file).
    Edit {
        /// The activity.
        code: String,
        /// The copy to edit; it exists, holding the text to start from.
        draft: PathBuf,
    },
    /// Check the programme as it is at this generation ([`App::generation`]) in the
    /// background, and report with [`ReadEvent::Checked`].
    Check(u64),
}

/// Rows taken by the title bar, the status bar and the borders of the tree.
const CHROME_ROWS: u16 = 4;

/// The whole interface state.
pub struct App {
    /// Where the programme is.
    pub scope: Scope,
    /// The programme as last read (shared with the background check).
    pub loaded: Arc<Loaded>,
    /// How far reading it has got.
    pub progress: Progress,
    /// Counts the changes to `loaded`, so a check of an older state is known to be stale.
    pub generation: u64,
    /// Whether the user has moved the selection: until then, the first activity read is
    /// selected.
    touched: bool,
    /// Whether the status bar's message asks to wait for the files to be read.
    told_to_wait: bool,
    /// Whether an edit asks for the programme to be checked again in the background.
    check_due: bool,
    /// What validating the programme found, with the generation it was found for.
    validation: Option<(u64, Vec<Finding>)>,
    /// Reading and validation findings.
    pub findings: Vec<Finding>,
    /// The activities (by place in the plan) whose files hold unresolved merge conflicts.
    pub conflicted: HashSet<usize>,
    /// The tree of the plan.
    pub tree: Tree,
    haystacks: Option<Vec<String>>,
    /// The filters.
    pub filter: Filter,
    /// Whether keys go to the filter text.
    pub typing_filter: bool,
    /// Collapsed nodes, by key.
    pub collapsed: HashSet<String>,
    /// The rows shown.
    pub rows: Vec<Row>,
    /// The selected row.
    pub selected: usize,
    /// The first row in view.
    pub offset: usize,
    /// Where keys go.
    pub focus: Focus,
    /// What the right pane shows.
    pub pane: Pane,
    /// How far the right pane is scrolled.
    pub pane_scroll: u16,
    /// The window open over the view, if any.
    pub overlay: Option<Overlay>,
    /// Histories asked for, by activity code.
    pub history: HashMap<String, Loadable<ActivityHistory>>,
    history_in_flight: bool,
    /// The uncommitted changes, once asked for.
    pub changes: Option<Loadable<Vec<String>>>,
    /// The background job running, if any, for the title bar.
    pub busy: Option<String>,
    /// The status bar's message.
    pub message: Option<Message>,
    /// The key map.
    pub keys: KeyMap,
    /// The terminal's size.
    pub size: (u16, u16),
    /// Ticks since start, for the spinner.
    pub tick: u64,
    /// Copies given to the editor and not saved yet, by activity code: `e` reopens them.
    pub drafts: HashMap<String, Draft>,
    /// Today, for new notes.
    pub today: Option<Date>,
    /// Set after `q` while a job runs: the next `q` quits anyway.
    quit_asked: bool,
    /// Whether to use colours (not under `NO_COLOR`).
    pub colour: bool,
    /// The language of the interface ([`crate::i18n::lang`]): the names of countries.
    pub lang: Lang,
}

impl App {
    /// The state for a loaded programme.
    pub fn new(scope: Scope, loaded: Loaded, keys: KeyMap, size: (u16, u16)) -> App {
        let mut app = App::empty(scope, keys, size);
        app.set_loaded(loaded);
        app.select_first_activity_from(0);
        app.say_if_unreadable();
        app
    }

    /// The state for a year whose activity files (`files` of them) are still to be read: the
    /// areas, programmes and projects of `programme`; [`Action::Read`] brings the activities,
    /// a chunk at a time, and the findings once they are all in.
    pub fn reading(
        scope: Scope,
        programme: store::RawFile,
        files: usize,
        keys: KeyMap,
        size: (u16, u16),
    ) -> App {
        let mut app = App::empty(scope, keys, size);
        let mut started = Loaded::started(app.scope.year, programme);
        // Room for every file at once: growing the lists as chunks come in would copy them.
        started.plan.activities.reserve(files);
        started.activity_sources.reserve(files);
        started.sources.reserve(files);
        if files == 0 {
            app.set_loaded(started);
            app.say_if_unreadable();
        } else {
            app.loaded = Arc::new(started);
            app.progress = Progress::Reading {
                read: 0,
                total: files,
            };
            app.grown();
        }
        app
    }

    fn empty(scope: Scope, keys: KeyMap, size: (u16, u16)) -> App {
        App {
            scope,
            loaded: Arc::default(),
            progress: Progress::Done,
            generation: 0,
            touched: false,
            told_to_wait: false,
            check_due: false,
            validation: None,
            findings: Vec::new(),
            conflicted: HashSet::new(),
            tree: Tree::default(),
            haystacks: None,
            filter: Filter::default(),
            typing_filter: false,
            collapsed: HashSet::new(),
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            focus: Focus::Tree,
            pane: Pane::Detail,
            pane_scroll: 0,
            overlay: None,
            history: HashMap::new(),
            history_in_flight: false,
            changes: None,
            busy: None,
            message: None,
            keys,
            size,
            tick: 0,
            drafts: HashMap::new(),
            today: crate::clock::today().ok(),
            colour: true,
            quit_asked: false,
            lang: crate::i18n::lang(),
        }
    }

    fn say_if_unreadable(&mut self) {
        if self.loaded.has_conflicts() {
            self.say_error(crate::tr!(
                "tui-conflicts",
                key = self.keys.first(Command::Findings)
            ));
        } else if self.loaded.has_errors() {
            self.say_error(crate::tr!(
                "tui-unreadable",
                key = self.keys.first(Command::Findings)
            ));
        }
    }

    fn set_loaded(&mut self, loaded: Loaded) {
        let validation = crate::validate::validate(&loaded);
        self.loaded = Arc::new(loaded);
        self.progress = Progress::Done;
        self.generation += 1;
        self.set_validation(self.generation, validation);
        self.rebuild_tree();
    }

    /// Reads the programme from disk again, keeping the selection.
    pub fn reload(&mut self) {
        match store::load(&self.scope.workspace, self.scope.year) {
            Ok(loaded) => self.set_loaded(loaded),
            Err(e) => self.say_error(crate::tr!(
                "tui-cannot-read-programme",
                error = e.to_string()
            )),
        }
    }

    /// Whether every file is read and checked.
    pub fn is_loaded(&self) -> bool {
        self.progress == Progress::Done
    }

    /// Shows the findings of reading and of validating the programme at `generation`, and
    /// keeps the latter for the edits that follow.
    fn set_validation(&mut self, generation: u64, validation: Vec<Finding>) {
        self.findings = self.loaded.findings.clone();
        self.findings.extend(validation.iter().cloned());
        self.validation = Some((generation, validation));
    }

    /// What an edit is checked against: the programme, with what validating it found when
    /// that is known for the programme as it is now (so it is not worked out again).
    fn edit_base(&self) -> edit::Base<'_> {
        let findings = self
            .validation
            .as_ref()
            .filter(|(generation, _)| *generation == self.generation)
            .map(|(_, findings)| &findings[..]);
        edit::Base {
            loaded: &self.loaded,
            findings,
        }
    }

    /// Whether every file is read (the programme may still be being checked).
    pub fn all_read(&self) -> bool {
        matches!(self.progress, Progress::Checking | Progress::Done)
    }

    /// Whether files are being read or checked in the background.
    pub fn is_reading(&self) -> bool {
        matches!(self.progress, Progress::Reading { .. } | Progress::Checking)
    }

    /// After activity `code`'s file was written, or found changed on disk: reads that file
    /// again, in place of the old one. The programme is then checked again in the background
    /// (while it is being read, the check that follows reading sees the file), so an edit
    /// never waits for the whole year to be read or checked.
    fn refresh(&mut self, code: &str) {
        if self.is_loaded() {
            self.progress = Progress::Checking;
            self.check_due = true;
        }
        let path = self.scope.workspace.activity_path(self.loaded.year, code);
        let relative = self.scope.workspace.relative(&path).to_path_buf();
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let (activity, findings) = store::parse_file::<Activity>(&relative, &text);
                let source = Source {
                    path: relative,
                    text,
                };
                Arc::make_mut(&mut self.loaded).put_file(source, activity, findings);
            }
            Err(e) => self.say_error(crate::tr!(
                "tui-cannot-read-file",
                path = relative.display().to_string(),
                error = e.to_string()
            )),
        }
        self.generation += 1;
        self.grown();
    }

    /// Rebuilds the tree after activities came in while reading, the selected row staying
    /// where it is on screen (or, before the user moved, the first activity selected).
    fn grown(&mut self) {
        let on_screen = self.selected.saturating_sub(self.offset);
        self.findings = self.loaded.findings.clone();
        self.rebuild_tree();
        if self.touched {
            self.offset = self.selected.saturating_sub(on_screen);
            self.scroll_into_view();
        } else {
            self.select_first_activity_from(0);
        }
    }

    /// Takes in what the background reading reports.
    fn read_event(&mut self, event: ReadEvent) -> Vec<Effect> {
        match event {
            ReadEvent::Chunk(parsed) => {
                let Progress::Reading { read, total } = &mut self.progress else {
                    return Vec::new();
                };
                *read += parsed.len();
                let complete = *read >= *total;
                Arc::make_mut(&mut self.loaded).add_activities(parsed);
                self.generation += 1;
                self.grown();
                if complete {
                    self.progress = Progress::Checking;
                    return vec![Effect::Check(self.generation)];
                }
            }
            ReadEvent::Failed(error) => {
                self.say_error(crate::tr!(
                    "tui-read-failed",
                    error = error.as_str(),
                    key = self.keys.first(Command::Reload)
                ));
                self.progress = Progress::Failed(error);
            }
            ReadEvent::Checked {
                generation,
                findings,
                search_texts,
            } => {
                if self.progress != Progress::Checking {
                    return Vec::new();
                }
                if generation != self.generation {
                    return vec![Effect::Check(self.generation)];
                }
                self.set_validation(generation, findings);
                self.haystacks.get_or_insert(search_texts);
                self.progress = Progress::Done;
                if self.told_to_wait {
                    self.say(crate::tr!(
                        "tui-all-read",
                        count = grouped(self.loaded.plan.activities.len())
                    ));
                }
                self.say_if_unreadable();
            }
        }
        Vec::new()
    }

    /// Why a command that needs every activity must wait, while they are being read: `why`
    /// says so, given how far reading has got.
    fn still_reading(&mut self, why: impl FnOnce(String) -> String) -> bool {
        let progress = match &self.progress {
            Progress::Reading { .. } => self.progress.describe().unwrap_or_default(),
            Progress::Failed(_) => {
                crate::tr!("tui-not-all-read", key = self.keys.first(Command::Reload))
            }
            Progress::Checking | Progress::Done => return false,
        };
        self.say_error(why(progress));
        self.told_to_wait = true;
        true
    }

    fn is_activity_row(&self, row: &Row) -> bool {
        matches!(self.tree.nodes[row.node].kind, NodeKind::Activity(_))
    }

    /// The key of the selected node.
    fn selected_key(&self) -> Option<String> {
        self.rows
            .get(self.selected)
            .map(|r| self.tree.key(r.node, &self.loaded.plan).to_string())
    }

    /// Recomputes the rows after a filter, collapse or load, keeping the selected node if it is
    /// still shown, else selecting the first activity.
    fn refresh_rows(&mut self) {
        let key = self.selected_key();
        self.show_rows(key);
    }

    /// The tree of the plan as it is now, keeping the selected node.
    fn rebuild_tree(&mut self) {
        let key = self.selected_key();
        self.conflicted = self.loaded.conflicted_activities();
        self.tree = Tree::of(&self.loaded.plan);
        self.haystacks = None;
        self.show_rows(key);
    }

    /// Recomputes the rows, selecting the node with `key` if it is shown.
    fn show_rows(&mut self, key: Option<String>) {
        let matches = if self.filter.text.is_empty() {
            self.filter.matches(&self.loaded.plan, None)
        } else {
            let haystacks = self.haystacks.get_or_insert_with(|| {
                self.loaded
                    .plan
                    .activities
                    .par_iter()
                    .map(haystack)
                    .collect()
            });
            self.filter.matches(&self.loaded.plan, Some(haystacks))
        };
        self.rows = self
            .tree
            .visible(&matches, self.filter.is_active(), &self.collapsed);
        let kept = key.and_then(|key| {
            self.rows
                .iter()
                .position(|r| self.tree.key(r.node, &self.loaded.plan) == key)
        });
        self.selected = match kept {
            Some(i) => i,
            None => self
                .rows
                .iter()
                .position(|r| self.is_activity_row(r))
                .unwrap_or(0),
        };
        self.scroll_into_view();
    }

    /// Rows of the tree that fit on screen.
    pub fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(CHROME_ROWS)).max(1)
    }

    fn scroll_into_view(&mut self) {
        let page = self.page();
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        let max_offset = self.rows.len().saturating_sub(page);
        self.offset = self.offset.min(max_offset);
    }

    /// The selected activity, if the selected row is one.
    pub fn activity(&self) -> Option<&Activity> {
        let row = self.rows.get(self.selected)?;
        match self.tree.nodes[row.node].kind {
            NodeKind::Activity(i) => self.loaded.plan.activities.get(i),
            _ => None,
        }
    }

    fn activity_code(&self) -> Option<String> {
        self.activity().map(|a| a.code.clone())
    }

    fn say(&mut self, text: impl Into<String>) {
        self.told_to_wait = false;
        self.message = Some(Message {
            text: text.into(),
            error: false,
            shown: Instant::now(),
        });
    }

    fn say_error(&mut self, text: impl Into<String>) {
        self.told_to_wait = false;
        self.message = Some(Message {
            text: text.into(),
            error: true,
            shown: Instant::now(),
        });
    }

    /// Applies `action`, returning what the event loop must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = self.apply(action);
        if std::mem::take(&mut self.check_due) {
            effects.push(Effect::Check(self.generation));
        }
        if self.pane == Pane::History && !effects.contains(&Effect::Quit) {
            effects.extend(self.want_history());
        }
        effects
    }

    fn apply(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Key(key) => self.key(key),
            Action::Command(command) => self.command(command),
            Action::Mouse(mouse) => self.mouse(mouse),
            Action::Resize(width, height) => {
                self.size = (width, height);
                self.scroll_into_view();
                Vec::new()
            }
            Action::Job(event) => self.job_event(event),
            Action::Tick => {
                self.tick = self.tick.wrapping_add(1);
                // A message asking to wait for the files stays until they are read.
                if !self.told_to_wait
                    && self
                        .message
                        .as_ref()
                        .is_some_and(|m| m.shown.elapsed() >= MESSAGE_LIFETIME)
                {
                    self.message = None;
                }
                Vec::new()
            }
            Action::Edited(outcome) => {
                self.edited(outcome);
                self.after_edit()
            }
            Action::Read(event) => self.read_event(event),
        }
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.kind == KeyEventKind::Release {
            return Vec::new();
        }
        if let Some(Overlay::Form(form)) = &mut self.overlay {
            return match form.input(&key) {
                FormInput::Edited => Vec::new(),
                FormInput::Cancel => {
                    self.overlay = None;
                    Vec::new()
                }
                FormInput::Submit => self.submit(),
            };
        }
        if self.typing_filter {
            use crossterm::event::{KeyCode, KeyModifiers};
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            match key.code {
                KeyCode::Esc => {
                    self.typing_filter = false;
                    self.filter.text.clear();
                    self.refresh_rows();
                }
                KeyCode::Enter => {
                    self.typing_filter = false;
                    self.select_first_activity_from(self.selected);
                }
                KeyCode::Backspace => {
                    self.filter.text.pop();
                    self.refresh_rows();
                }
                KeyCode::Char('u') if ctrl => {
                    self.filter.text.clear();
                    self.refresh_rows();
                }
                KeyCode::Char('c') if ctrl => return vec![Effect::Quit],
                KeyCode::Char(c) if !ctrl => {
                    self.filter.text.push(c);
                    self.refresh_rows();
                }
                KeyCode::Up => self.move_by(-1),
                KeyCode::Down => self.move_by(1),
                _ => {}
            }
            return Vec::new();
        }
        match self.keys.command(&key) {
            Some(command) => self.command(command),
            None => {
                let help = self.keys.first(Command::Help);
                self.say(crate::tr!("tui-nothing-to-do", key = help));
                Vec::new()
            }
        }
    }

    fn select_first_activity_from(&mut self, from: usize) {
        if let Some(i) = (from..self.rows.len()).find(|&i| self.is_activity_row(&self.rows[i])) {
            self.selected = i;
            self.scroll_into_view();
        }
    }

    fn move_by(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let last = self.rows.len() - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.scroll_into_view();
        self.selection_changed();
    }

    /// After the user moved the selection.
    fn selection_changed(&mut self) {
        self.pane_scroll = 0;
        self.touched = true;
    }

    /// The effects of asking for the selected activity's history, if it is not known.
    fn want_history(&mut self) -> Vec<Effect> {
        let Some(code) = self.activity_code() else {
            return Vec::new();
        };
        if self.history.contains_key(&code) || self.history_in_flight {
            return Vec::new();
        }
        self.history.insert(code.clone(), Loadable::Loading);
        self.history_in_flight = true;
        vec![Effect::Start(Job::History(code))]
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        match &mut self.overlay {
            Some(Overlay::Help(scroll)) => {
                match command {
                    Command::Up => *scroll = scroll.saturating_sub(1),
                    Command::Down => *scroll = scroll.saturating_add(1),
                    Command::PageUp => *scroll = scroll.saturating_sub(10),
                    Command::PageDown => *scroll = scroll.saturating_add(10),
                    Command::Back | Command::Help | Command::Open | Command::Quit => {
                        self.overlay = None;
                    }
                    _ => {}
                }
                return Vec::new();
            }
            Some(Overlay::Findings(selected)) => {
                let count = self.findings.len();
                match command {
                    Command::Up => *selected = selected.saturating_sub(1),
                    Command::Down => *selected = (*selected + 1).min(count.saturating_sub(1)),
                    Command::Top => *selected = 0,
                    Command::Bottom => *selected = count.saturating_sub(1),
                    Command::Open => {
                        let index = *selected;
                        self.overlay = None;
                        self.jump_to_finding(index);
                    }
                    Command::Edit => {
                        let code = finding_code(self.findings.get(*selected));
                        if let Some(code) = code {
                            self.overlay = None;
                            return self.edit_code(code);
                        }
                    }
                    Command::Back | Command::Findings | Command::Quit => self.overlay = None,
                    _ => {}
                }
                return Vec::new();
            }
            Some(Overlay::Job(panel)) => {
                if matches!(command, Command::Back | Command::Open | Command::Quit) {
                    if panel.done.is_none() {
                        self.say(crate::tr!("tui-still-working"));
                    }
                    self.overlay = None;
                    return Vec::new();
                }
                if panel.done.is_none() {
                    return Vec::new();
                }
                // A finished job's window gives way to whatever is done next.
                self.overlay = None;
            }
            Some(Overlay::Form(_)) | None => {}
        }
        let in_pane = self.focus == Focus::Pane;
        let quit_asked = std::mem::take(&mut self.quit_asked);
        match command {
            Command::Quit => match &self.busy {
                Some(busy) if !quit_asked => {
                    let again = self.keys.first(Command::Quit);
                    self.say_error(crate::tr!(
                        "tui-quit-busy",
                        busy = busy.as_str(),
                        key = again
                    ));
                    self.quit_asked = true;
                }
                _ => return vec![Effect::Quit],
            },
            Command::Up if in_pane => self.scroll_pane(-1),
            Command::Down if in_pane => self.scroll_pane(1),
            Command::PageUp if in_pane => self.scroll_pane(-10),
            Command::PageDown if in_pane => self.scroll_pane(10),
            Command::Top if in_pane => self.pane_scroll = 0,
            Command::Up => self.move_by(-1),
            Command::Down => self.move_by(1),
            Command::PageUp => self.move_by(-(self.page() as isize)),
            Command::PageDown => self.move_by(self.page() as isize),
            Command::Top => {
                self.selected = 0;
                self.scroll_into_view();
                self.selection_changed();
            }
            Command::Bottom => {
                if in_pane {
                    self.scroll_pane(i32::from(u16::MAX));
                } else {
                    self.selected = self.rows.len().saturating_sub(1);
                    self.scroll_into_view();
                    self.selection_changed();
                }
            }
            Command::Collapse => self.collapse(),
            Command::Expand => self.expand(),
            Command::Open => {
                if self.activity().is_some() {
                    self.focus = Focus::Pane;
                } else {
                    self.toggle();
                }
            }
            Command::Back => {
                if self.focus == Focus::Pane {
                    self.focus = Focus::Tree;
                } else if self.filter.is_active() {
                    self.filter = Filter::default();
                    self.refresh_rows();
                    self.say(crate::tr!("tui-filters-cleared"));
                } else {
                    self.message = None;
                }
            }
            Command::Focus => {
                self.focus = match self.focus {
                    Focus::Tree => Focus::Pane,
                    Focus::Pane => Focus::Tree,
                };
            }
            Command::Help => self.overlay = Some(Overlay::Help(0)),
            Command::Filter => {
                self.typing_filter = true;
                self.focus = Focus::Tree;
            }
            Command::FilterStatus => {
                self.filter.status = cycle(Status::ALL, self.filter.status);
                self.refresh_rows();
            }
            Command::FilterFormat => {
                let options: Vec<Option<Format>> = Format::ALL
                    .iter()
                    .copied()
                    .map(Some)
                    .chain([None])
                    .collect();
                self.filter.format = cycle(&options, self.filter.format);
                self.refresh_rows();
            }
            Command::FilterArea => {
                let areas: Vec<String> = self
                    .loaded
                    .plan
                    .programme
                    .areas
                    .iter()
                    .map(|a| a.code.clone())
                    .collect();
                self.filter.area = cycle(&areas, self.filter.area.clone());
                self.refresh_rows();
            }
            Command::ClearFilters => {
                self.filter = Filter::default();
                self.typing_filter = false;
                self.refresh_rows();
            }
            Command::ViewDetail => {
                self.pane = Pane::Detail;
                self.pane_scroll = 0;
            }
            Command::ViewHistory => {
                self.pane = Pane::History;
                self.pane_scroll = 0;
            }
            Command::ViewChanges => {
                self.pane = Pane::Changes;
                self.pane_scroll = 0;
                self.changes = Some(Loadable::Loading);
                return vec![Effect::Start(Job::Uncommitted)];
            }
            Command::SetStatus => self.open_form(status_form),
            Command::SetDates => self.open_form(dates_form),
            Command::SetFormat => self.open_form(format_form),
            Command::AddParticipant => self.open_form(participant_form),
            Command::AddNote => {
                let today = self.today;
                self.open_form(|a| note_form(a, today));
            }
            Command::NewActivity => {
                let why = |progress| crate::tr!("tui-new-activity-waits", progress = progress);
                if !self.still_reading(why) {
                    self.open_new_form();
                }
            }
            Command::Edit => return self.edit(),
            Command::Commit => {
                if let Some(busy) = &self.busy {
                    self.say_error(crate::tr!("tui-wait-busy", busy = busy.as_str()));
                    return Vec::new();
                }
                self.busy = Some(crate::tr!("tui-preparing-commit"));
                return vec![Effect::Start(Job::CommitMessage)];
            }
            Command::CompileProgramme => return self.compile(Document::Programme),
            Command::CompileReport => return self.compile(Document::Report),
            Command::Findings => self.overlay = Some(Overlay::Findings(0)),
            Command::Reload => {
                if self.is_reading() {
                    self.say_error(crate::tr!("tui-reading-already"));
                    return Vec::new();
                }
                self.reload();
                self.say(crate::tr!("tui-read-again"));
                // Commits may have been made outside meanwhile.
                self.history.clear();
                if self.pane == Pane::Changes {
                    self.changes = Some(Loadable::Loading);
                    return vec![Effect::Start(Job::Uncommitted)];
                }
            }
        }
        Vec::new()
    }

    /// Whether a history is being read (the spinner turns).
    pub fn history_loading(&self) -> bool {
        self.history_in_flight
    }

    /// Scrolls the right pane by `delta` lines, no further than its end.
    fn scroll_pane(&mut self, delta: i32) {
        let max = i32::from(super::view::max_pane_scroll(self));
        let at = (i32::from(self.pane_scroll) + delta).clamp(0, max);
        self.pane_scroll = u16::try_from(at).unwrap_or(0);
    }

    fn collapse(&mut self) {
        let Some(row) = self.rows.get(self.selected).copied() else {
            return;
        };
        let node = &self.tree.nodes[row.node];
        let has_children = node.end > row.node + 1;
        if has_children && !row.collapsed {
            self.collapsed.insert(node.key.clone());
            self.refresh_rows();
            return;
        }
        let depth = node.depth;
        if let Some(parent) = (0..self.selected)
            .rev()
            .find(|&i| self.tree.nodes[self.rows[i].node].depth < depth)
        {
            self.selected = parent;
            self.scroll_into_view();
            self.selection_changed();
        }
    }

    fn expand(&mut self) {
        if let Some(row) = self.rows.get(self.selected) {
            let key = self.tree.key(row.node, &self.loaded.plan).to_string();
            if self.collapsed.remove(&key) {
                self.refresh_rows();
            } else if self.activity().is_some() {
                self.focus = Focus::Pane;
            }
        }
    }

    fn toggle(&mut self) {
        if let Some(row) = self.rows.get(self.selected) {
            let key = self.tree.key(row.node, &self.loaded.plan).to_string();
            if !self.collapsed.remove(&key) {
                self.collapsed.insert(key);
            }
            self.refresh_rows();
        }
    }

    /// Selects the node with `key`, clearing filters and expanding its ancestors if needed.
    pub fn select_key(&mut self, key: &str) -> bool {
        let plan = &self.loaded.plan;
        let Some(node) = (0..self.tree.nodes.len()).find(|&i| self.tree.key(i, plan) == key) else {
            return false;
        };
        for (i, other) in self.tree.nodes.iter().enumerate() {
            if i < node && other.end > node {
                self.collapsed.remove(&other.key);
            }
        }
        self.refresh_rows();
        if !self.rows.iter().any(|r| r.node == node) {
            self.filter = Filter::default();
            self.refresh_rows();
        }
        match self.rows.iter().position(|r| r.node == node) {
            Some(i) => {
                self.selected = i;
                self.scroll_into_view();
                self.selection_changed();
                true
            }
            None => false,
        }
    }

    fn jump_to_finding(&mut self, index: usize) {
        let Some(finding) = self.findings.get(index) else {
            return;
        };
        match finding_code(Some(finding)) {
            Some(code) if self.select_key(&code) => {
                self.focus = Focus::Pane;
                self.pane = Pane::Detail;
            }
            Some(code) => self.say_error(crate::tr!(
                "tui-not-in-tree",
                code = code,
                key = self.keys.first(Command::Edit)
            )),
            None => self.say(crate::tr!("tui-finding-about-programme")),
        }
    }

    fn open_form(&mut self, make: impl FnOnce(&Activity) -> Form) {
        match self.activity() {
            Some(activity) => self.overlay = Some(Overlay::Form(make(activity))),
            None => self.say_error(crate::tr!("tui-select-activity")),
        }
    }

    fn open_new_form(&mut self) {
        let projects: Vec<String> = self
            .loaded
            .plan
            .programme
            .projects
            .iter()
            .map(|p| p.code.clone())
            .collect();
        if projects.is_empty() {
            self.say_error(crate::tr!("tui-no-projects"));
            return;
        }
        let current = self
            .activity()
            .map(|a| a.project.clone())
            .or_else(|| {
                let row = self.rows.get(self.selected)?;
                let node = &self.tree.nodes[row.node];
                (node.kind == NodeKind::Project).then(|| node.code.clone())
            })
            .unwrap_or_default();
        let form = Form::new(
            FormKind::New,
            crate::tr!("tui-form-new"),
            vec![
                Field::choice(
                    "project",
                    crate::tr!("tui-label-project"),
                    projects,
                    &current,
                ),
                Field::text("title", crate::tr!("tui-label-title"), ""),
                Field::choice_shown(
                    "kind",
                    crate::tr!("tui-label-kind"),
                    words(Kind::ALL),
                    "event",
                ),
                Field::choice_shown("format", crate::tr!("tui-label-format"), formats(), "none"),
            ],
        );
        self.overlay = Some(Overlay::Form(form));
    }

    fn edit(&mut self) -> Vec<Effect> {
        match self.activity_code() {
            Some(code) => self.edit_code(code),
            None => {
                self.say_error(crate::tr!("tui-select-activity"));
                Vec::new()
            }
        }
    }

    /// Opens activity `code`'s file, readable or not, in the editor: a copy of it, or the copy
    /// kept from an earlier session that could not be saved.
    fn edit_code(&mut self, code: String) -> Vec<Effect> {
        if let Some(draft) = self.drafts.get(&code) {
            return vec![Effect::Edit {
                code,
                draft: draft.path.clone(),
            }];
        }
        let Some(file) = self.current_file(&code) else {
            return Vec::new();
        };
        match write_draft(&code, &file.text) {
            Ok(path) => {
                self.drafts.insert(
                    code.clone(),
                    Draft {
                        path: path.clone(),
                        base: file.text,
                    },
                );
                vec![Effect::Edit { code, draft: path }]
            }
            Err(e) => {
                self.say_error(e);
                Vec::new()
            }
        }
    }

    /// Activity `code`'s file as it is now, read again if something else wrote it since it
    /// was read; `None`, said in the status bar, when there is no such activity.
    fn current_file(&mut self, code: &str) -> Option<edit::ActivityFile> {
        if self.changed_on_disk(code) {
            self.refresh(code);
        }
        match edit::locate(&self.scope.workspace, &self.loaded, code) {
            Ok(file) => Some(file),
            Err(e) => {
                self.say_error(e.to_string());
                None
            }
        }
    }

    fn edited(&mut self, outcome: EditorOutcome) {
        let EditorOutcome {
            code,
            draft,
            result,
        } = outcome;
        let base = match self.drafts.get(&code) {
            Some(known) if known.path == draft => known.base.clone(),
            _ => {
                self.say_error(crate::tr!(
                    "tui-draft-unknown",
                    code = code,
                    path = draft.display().to_string()
                ));
                return;
            }
        };
        let text = match result {
            Ok(text) => text,
            Err(e) => {
                self.say_error(crate::tr!("tui-editor-failed", error = e, code = code));
                return;
            }
        };
        if text == base {
            self.drafts.remove(&code);
            let _ = std::fs::remove_file(&draft);
            self.say(crate::tr!("tui-no-changes", code = code));
            return;
        }
        let lock = match self.lock() {
            Ok(lock) => lock,
            Err(e) => {
                self.say_error(crate::tr!(
                    "tui-not-saved-locked",
                    code = code,
                    error = e.to_string(),
                    path = draft.display().to_string(),
                    key = self.keys.first(Command::Edit)
                ));
                return;
            }
        };
        let path = self.scope.workspace.activity_path(self.loaded.year, &code);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if on_disk != base {
            // Saving would undo what was written meanwhile. The copy is kept; from now on it
            // counts as made over the new text, so saving it again is a deliberate choice.
            if let Some(known) = self.drafts.get_mut(&code) {
                known.base = on_disk;
            }
            self.refresh(&code);
            self.say_error(crate::tr!(
                "tui-changed-while-editing",
                code = code,
                path = draft.display().to_string(),
                key = self.keys.first(Command::Edit)
            ));
            return;
        }
        let Some(file) = self.current_file(&code) else {
            return;
        };
        let before = self.loaded.plan.activity(&code).cloned();
        let saved = edit::save_text(self.edit_base(), &file, &text, &lock);
        drop(lock);
        match saved {
            Ok(after) => {
                self.drafts.remove(&code);
                let _ = std::fs::remove_file(&draft);
                let changes = before
                    .map(|before| changes::edit_phrases(&before, &after))
                    .unwrap_or_default();
                self.refresh(&code);
                self.say(describe(&code, &changes, Done::Saved));
            }
            Err(EditError::Invalid { findings, .. }) => {
                let first = findings.len();
                let mut all = findings;
                all.append(&mut self.findings);
                self.findings = all;
                self.overlay = Some(Overlay::Findings(0));
                self.say_error(crate::tr!(
                    "tui-not-changed-problems",
                    code = code.as_str(),
                    count = first,
                    path = draft.display().to_string(),
                    key = self.keys.first(Command::Edit)
                ));
            }
            Err(e) => self.say_error(crate::tr!(
                "tui-not-changed",
                code = code,
                error = e.to_string()
            )),
        }
    }

    fn compile(&mut self, document: Document) -> Vec<Effect> {
        if let Some(busy) = &self.busy {
            self.say_error(crate::tr!("tui-wait-busy", busy = busy.as_str()));
            return Vec::new();
        }
        let title = crate::tr!("tui-compiling-title", document = document.name());
        self.busy = Some(crate::tr!("tui-compiling", document = document.name()));
        self.overlay = Some(Overlay::Job(JobPanel {
            title,
            steps: Vec::new(),
            done: None,
        }));
        vec![Effect::Start(Job::Compile(document))]
    }

    fn job_event(&mut self, event: JobEvent) -> Vec<Effect> {
        match event {
            JobEvent::Progress(step) => {
                if let Some(Overlay::Job(panel)) = &mut self.overlay {
                    panel.steps.push(step.clone());
                }
                self.busy = Some(step);
                Vec::new()
            }
            JobEvent::Done(outcome) => self.job_done(outcome),
        }
    }

    fn job_done(&mut self, outcome: Outcome) -> Vec<Effect> {
        match outcome {
            Outcome::History(code, answer) => {
                self.history_in_flight = false;
                self.history.insert(
                    code,
                    match answer {
                        Ok(entries) => Loadable::Ready(entries),
                        Err(e) => Loadable::Failed(e),
                    },
                );
            }
            Outcome::Uncommitted(answer) => {
                self.changes = Some(match answer {
                    Ok(lines) => Loadable::Ready(lines),
                    Err(e) => Loadable::Failed(e),
                });
            }
            Outcome::CommitMessage(answer) => {
                self.busy = None;
                match answer {
                    Ok(None) => {
                        self.say(crate::tr!("tui-nothing-to-commit"));
                    }
                    Ok(Some(message)) => {
                        let mut lines = message.lines();
                        let summary = lines.next().unwrap_or_default().to_string();
                        let body: Vec<String> = lines
                            .skip_while(|l| l.trim().is_empty())
                            .map(String::from)
                            .collect();
                        let mut form = Form::new(
                            FormKind::Commit,
                            crate::tr!("tui-form-commit-title"),
                            vec![Field::text(
                                "message",
                                crate::tr!("tui-label-message"),
                                summary,
                            )],
                        );
                        form.note = body;
                        self.overlay = Some(Overlay::Form(form));
                    }
                    Err(e) => self.commit_failed(crate::tr!("tui-cannot-commit"), e),
                }
            }
            Outcome::Committed(answer) => {
                self.busy = None;
                match answer {
                    Ok(id) => {
                        self.say(crate::tr!("tui-committed", id = id));
                        self.history.clear();
                        if self.pane == Pane::Changes {
                            self.changes = Some(Loadable::Loading);
                            return vec![Effect::Start(Job::Uncommitted)];
                        }
                    }
                    Err(e) => self.commit_failed(crate::tr!("tui-commit-failed"), e),
                }
            }
            Outcome::Compiled(document, answer) => {
                self.busy = None;
                let (line, error) = match &answer {
                    Ok(path) => (
                        crate::tr!("tui-written-to", path = path.display().to_string()),
                        false,
                    ),
                    Err(e) => (e.clone(), true),
                };
                match answer {
                    Ok(path) => self.say(crate::tr!(
                        "tui-document-written",
                        document = document.name(),
                        path = path.display().to_string()
                    )),
                    Err(e) => self.say_error(e),
                }
                if let Some(Overlay::Job(panel)) = &mut self.overlay {
                    panel.done = Some((line, error));
                }
            }
        }
        Vec::new()
    }

    /// Shows why a commit cannot be made, with its details and hints, in a window; its first
    /// line also in the status bar.
    fn commit_failed(&mut self, title: String, error: String) {
        let first = error.lines().next().unwrap_or_default().to_string();
        self.say_error(first);
        self.overlay = Some(Overlay::Job(JobPanel {
            title,
            steps: Vec::new(),
            done: Some((error, true)),
        }));
    }

    fn mouse(&mut self, mouse: MouseEvent) -> Vec<Effect> {
        if self.overlay.is_some() || self.typing_filter {
            return Vec::new();
        }
        let areas = super::view::layout(Rect::new(0, 0, self.size.0, self.size.1));
        let at = Position::new(mouse.column, mouse.row);
        let in_tree = areas.tree.contains(at);
        let in_pane = areas.pane.contains(at);
        match mouse.kind {
            MouseEventKind::ScrollDown if in_tree => self.move_by(3),
            MouseEventKind::ScrollUp if in_tree => self.move_by(-3),
            MouseEventKind::ScrollDown if in_pane => self.scroll_pane(3),
            MouseEventKind::ScrollUp if in_pane => self.scroll_pane(-3),
            MouseEventKind::Down(MouseButton::Left) if in_tree => {
                self.focus = Focus::Tree;
                let inner_top = areas.tree.y + 1;
                if mouse.row >= inner_top {
                    let index = self.offset + usize::from(mouse.row - inner_top);
                    if index < self.rows.len() {
                        if index == self.selected && self.activity().is_none() {
                            self.toggle();
                        } else {
                            self.selected = index;
                            self.selection_changed();
                        }
                    }
                }
            }
            MouseEventKind::Down(MouseButton::Left) if in_pane => {
                self.focus = Focus::Pane;
                if mouse.row == areas.pane.y
                    && let Some(command) = super::view::tab_at(self, areas.pane, mouse.column)
                {
                    return self.command(command);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn submit(&mut self) -> Vec<Effect> {
        let Some(Overlay::Form(mut form)) = self.overlay.take() else {
            return Vec::new();
        };
        form.clear_errors();
        let done = match form.kind.clone() {
            FormKind::Status(code) => {
                // The account is one line here: an untouched one is left as it is, so a longer
                // account written with `programa edit` keeps its paragraphs.
                let account = form.field("account").is_some_and(|f| f.touched);
                let keys: &[&str] = if account {
                    &["status", "progress", "account"]
                } else {
                    &["status", "progress"]
                };
                self.assign(&mut form, &code, keys)
            }
            FormKind::Dates(code) => self.assign(
                &mut form,
                &code,
                &["planned_start", "planned_end", "actual_start", "actual_end"],
            ),
            FormKind::Format(code) => {
                self.assign(&mut form, &code, &["format", "format_note", "venue"])
            }
            FormKind::Participant(code) => self.add_participant(&mut form, &code),
            FormKind::Note(code) => self.add_note(&mut form, &code),
            FormKind::New => self.create(&mut form),
            FormKind::Commit => {
                let message = form.get("message").trim().to_string();
                if message.is_empty() {
                    form.set_error("message", crate::tr!("tui-commit-needs-message"));
                    None
                } else {
                    let mut full = message;
                    if !form.note.is_empty() {
                        full.push_str("\n\n");
                        full.push_str(&form.note.join("\n"));
                    }
                    self.busy = Some(crate::tr!("tui-committing"));
                    return vec![Effect::Start(Job::Commit(full))];
                }
            }
        };
        match done {
            Some(message) => {
                self.say(message);
                self.after_edit()
            }
            None => {
                self.overlay = Some(Overlay::Form(form));
                Vec::new()
            }
        }
    }

    /// After a file changed: the history of what changed and the diff are out of date.
    fn after_edit(&mut self) -> Vec<Effect> {
        if let Some(code) = self.activity_code() {
            self.history.remove(&code);
        }
        match self.pane {
            Pane::Changes => {
                self.changes = Some(Loadable::Loading);
                vec![Effect::Start(Job::Uncommitted)]
            }
            Pane::History => Vec::new(),
            Pane::Detail => {
                self.changes = None;
                Vec::new()
            }
        }
    }

    /// Sets `keys` of activity `code` to the form's values; the status bar line, or `None`
    /// with the form's messages set.
    fn assign(&mut self, form: &mut Form, code: &str, keys: &[&str]) -> Option<String> {
        let mut assignments: Vec<Assignment> = Vec::new();
        for key in keys {
            let text = format!("{key}={}", form.get(key).trim());
            match text.parse::<Assignment>() {
                Ok(assignment) => assignments.push(assignment),
                Err(e) => form.set_error(key, field_message(&e)),
            }
        }
        if form.has_errors() {
            return None;
        }
        self.apply_to(form, code, |editor| {
            for assignment in &assignments {
                editor.apply(assignment)?;
            }
            Ok(())
        })
    }

    /// Opens activity `code`, runs `change` on it and saves it; the status line or `None` with
    /// the form's messages set.
    fn apply_to(
        &mut self,
        form: &mut Form,
        code: &str,
        change: impl FnOnce(&mut edit::ActivityEditor) -> Result<(), EditError>,
    ) -> Option<String> {
        let lock = match self.lock() {
            Ok(lock) => lock,
            Err(e) => {
                form_errors(form, &e);
                return None;
            }
        };
        let changed_outside = self.changed_on_disk(code);
        if changed_outside {
            self.refresh(code);
        }
        let before = self.loaded.plan.activity(code).cloned();
        let result = edit::open(&self.scope.workspace, &self.loaded, code).and_then(|mut open| {
            change(&mut open.editor)?;
            let saved = open.save(self.edit_base(), &lock)?;
            Ok(match (&before, saved) {
                (Some(before), Some(after)) => changes::edit_phrases(before, &after),
                (None, Some(_)) => vec![crate::tr!("tui-new-file-saved")],
                (_, None) => Vec::new(),
            })
        });
        drop(lock);
        if result.is_ok() {
            self.refresh(code);
        }
        match result {
            Ok(changes) if changed_outside => Some(crate::tr!(
                "tui-changed-outside",
                done = describe(code, &changes, Done::Changed)
            )),
            Ok(changes) => Some(describe(code, &changes, Done::Changed)),
            Err(e) => {
                form_errors(form, &e);
                None
            }
        }
    }

    /// Takes the workspace's write lock for one save, as every writer does. The interface
    /// cannot redraw while it waits, so it waits at most [`LOCK_WAIT`] (or the configured
    /// timeout, if shorter) before it gives up, keeping what was typed.
    fn lock(&self) -> Result<WriteLock, EditError> {
        let timeout = store::lock::timeout()?.min(LOCK_WAIT);
        let year = self.loaded.year;
        Ok(self.scope.workspace.lock_year(year, timeout, |_| {})?)
    }

    /// Whether activity `code`'s file on disk differs from the text last read, because
    /// something else wrote it since: edits must then start from the new text.
    fn changed_on_disk(&self, code: &str) -> bool {
        let path = self.scope.workspace.activity_path(self.loaded.year, code);
        let relative = self.scope.workspace.relative(&path);
        let known = self
            .loaded
            .sources
            .iter()
            .find(|s| s.path == relative)
            .map(|s| s.text.as_str());
        let on_disk = std::fs::read_to_string(&path).ok();
        known != on_disk.as_deref()
    }

    fn add_participant(&mut self, form: &mut Form, code: &str) -> Option<String> {
        let mut required = |key: &'static str| {
            let value = form.get(key).trim().to_string();
            if value.is_empty() {
                form.set_error(key, crate::tr!("tui-required"));
            }
            value
        };
        let organisation = required("organisation");
        let country = required("country");
        let country = match Country::resolve(&country) {
            Ok(country) => Some(country),
            Err(_) if country.is_empty() => None,
            Err(unknown) => {
                let hint = match unknown.suggestion {
                    Some(near) => crate::tr!(
                        "tui-did-you-mean-country",
                        name = near.name(self.lang),
                        code = near.to_string()
                    ),
                    None => crate::tr!("tui-country-expected"),
                };
                form.set_error("country", crate::tr!("tui-not-a-country", hint = hint));
                None
            }
        };
        let role = form.get("role").parse::<Role>();
        let name = form.get("name").trim().to_string();
        let role = match role {
            Ok(role) => role,
            Err(e) => {
                form.set_error("role", e);
                return None;
            }
        };
        let country = country?;
        if form.has_errors() {
            return None;
        }
        let participant = Participant {
            name: (!name.is_empty()).then_some(name),
            organisation,
            organisation_id: None,
            country,
            role,
        };
        self.apply_to(form, code, |editor| {
            editor.push_table("participants", &participant)
        })
    }

    fn add_note(&mut self, form: &mut Form, code: &str) -> Option<String> {
        let date = match form.get("date").trim().parse::<Date>() {
            Ok(date) => Some(date),
            Err(e) => {
                form.set_error("date", e.to_string());
                None
            }
        };
        let text = form.get("text").trim().to_string();
        if text.is_empty() {
            form.set_error("text", crate::tr!("tui-note-empty"));
        }
        let date = date?;
        if form.has_errors() {
            return None;
        }
        let note = Note { date, text };
        self.apply_to(form, code, |editor| editor.push_table("notes", &note))
    }

    fn create(&mut self, form: &mut Form) -> Option<String> {
        let kind = form.get("kind").parse::<Kind>();
        let format = match form.get("format") {
            "none" => Ok(None),
            word => word.parse::<Format>().map(Some),
        };
        let (kind, format) = match (kind, format) {
            (Ok(kind), Ok(format)) => (kind, format),
            (Err(e), _) | (_, Err(e)) => {
                form.errors.push(e);
                return None;
            }
        };
        let activity = Activity {
            project: form.get("project").to_string(),
            title: form.get("title").trim().to_string(),
            kind,
            format,
            ..Activity::default()
        };
        let created = self
            .lock()
            .and_then(|lock| edit::create(&self.scope.workspace, &self.loaded, activity, &lock));
        match created {
            Ok(file) => {
                self.refresh(&file.code);
                self.select_key(&file.code);
                Some(crate::tr!(
                    "tui-created",
                    code = file.code.as_str(),
                    path = file.relative.display().to_string()
                ))
            }
            Err(e) => {
                form_errors(form, &e);
                None
            }
        }
    }
}

/// How long a save in the interface waits for another programa to finish writing.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// The activity code a finding's file names (its file stem), if it is an activity file.
fn finding_code(finding: Option<&Finding>) -> Option<String> {
    let file = finding?.file.as_ref()?;
    let parent = file.parent()?.file_name()?;
    if parent != store::ACTIVITIES_DIR {
        return None;
    }
    file.file_stem()?.to_str().map(String::from)
}

/// The next of `options` after `current`, wrapping to `None` after the last.
fn cycle<T: Clone + PartialEq>(options: &[T], current: Option<T>) -> Option<T> {
    match current {
        None => options.first().cloned(),
        Some(current) => {
            let at = options.iter().position(|o| *o == current)?;
            options.get(at + 1).cloned()
        }
    }
}

/// The choices of a vocabulary: each word as the files have it and as the screen shows it.
fn words<V: Vocabulary>(values: &[V]) -> Vec<(String, String)> {
    let lang = crate::i18n::lang();
    values
        .iter()
        .map(|v| (v.as_str().to_string(), v.name(lang).to_string()))
        .collect()
}

/// The choices of a format: none, or one of the formats.
fn formats() -> Vec<(String, String)> {
    let mut formats = vec![("none".to_string(), crate::tr!("tui-format-none"))];
    formats.extend(words(Format::ALL));
    formats
}

fn status_form(activity: &Activity) -> Form {
    Form::new(
        FormKind::Status(activity.code.clone()),
        crate::tr!("tui-form-status", code = activity.code.as_str()),
        vec![
            Field::choice_shown(
                "status",
                crate::tr!("tui-label-status"),
                words(Status::ALL),
                activity.status.as_str(),
            ),
            Field::text(
                "progress",
                crate::tr!("tui-label-progress"),
                activity.progress.to_string(),
            )
            .with_hint(crate::tr!("tui-hint-progress")),
            Field::text(
                "account",
                crate::tr!("tui-label-account"),
                activity
                    .account
                    .as_deref()
                    .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
                    .unwrap_or_default(),
            )
            .with_hint(crate::tr!("tui-hint-account")),
        ],
    )
}

fn date_text(date: Option<Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn dates_form(activity: &Activity) -> Form {
    let date = |key, label, value| {
        Field::text(key, label, date_text(value)).with_hint(crate::tr!("tui-hint-date-or-empty"))
    };
    Form::new(
        FormKind::Dates(activity.code.clone()),
        crate::tr!("tui-form-dates", code = activity.code.as_str()),
        vec![
            date(
                "planned_start",
                crate::tr!("tui-label-planned-start"),
                activity.planned_start,
            ),
            date(
                "planned_end",
                crate::tr!("tui-label-planned-end"),
                activity.planned_end,
            ),
            date(
                "actual_start",
                crate::tr!("tui-label-actual-start"),
                activity.actual_start,
            ),
            date(
                "actual_end",
                crate::tr!("tui-label-actual-end"),
                activity.actual_end,
            ),
        ],
    )
}

fn format_form(activity: &Activity) -> Form {
    let current = activity.format.map_or("none", Format::as_str);
    Form::new(
        FormKind::Format(activity.code.clone()),
        crate::tr!("tui-form-format", code = activity.code.as_str()),
        vec![
            Field::choice_shown("format", crate::tr!("tui-label-format"), formats(), current),
            Field::text(
                "format_note",
                crate::tr!("tui-label-format-note"),
                activity.format_note.clone().unwrap_or_default(),
            )
            .with_hint(crate::tr!("tui-hint-empty-removes")),
            Field::text(
                "venue",
                crate::tr!("tui-label-venue"),
                activity.venue.clone().unwrap_or_default(),
            )
            .with_hint(crate::tr!("tui-hint-empty-removes")),
        ],
    )
}

fn participant_form(activity: &Activity) -> Form {
    Form::new(
        FormKind::Participant(activity.code.clone()),
        crate::tr!("tui-form-participant", code = activity.code.as_str()),
        vec![
            Field::text("organisation", crate::tr!("tui-label-organisation"), ""),
            Field::text("country", crate::tr!("tui-label-country"), ""),
            Field::choice_shown(
                "role",
                crate::tr!("tui-label-role"),
                words(Role::ALL),
                "participant",
            ),
            Field::text("name", crate::tr!("tui-label-name"), "")
                .with_hint(crate::tr!("tui-hint-optional")),
        ],
    )
}

fn note_form(activity: &Activity, today: Option<Date>) -> Form {
    Form::new(
        FormKind::Note(activity.code.clone()),
        crate::tr!("tui-form-note", code = activity.code.as_str()),
        vec![
            Field::text("text", crate::tr!("tui-label-note"), ""),
            Field::text("date", crate::tr!("tui-label-date"), date_text(today))
                .with_hint(crate::tr!("tui-hint-date")),
        ],
    )
}

/// The message of an edit error for the field it is about.
fn field_message(error: &EditError) -> String {
    match error {
        EditError::InvalidValue { reason, .. } => reason.clone(),
        other => other.to_string(),
    }
}

/// Puts an edit error on the form: under its field when it names one, else under the form
/// with its findings and hints.
fn form_errors(form: &mut Form, error: &EditError) {
    if let EditError::InvalidValue { key, .. } = error {
        form.set_error(key, field_message(error));
        return;
    }
    form.errors.push(error.to_string());
    if let Some((findings, _)) = error.findings() {
        for finding in findings {
            form.errors.push(format!("  {}", finding.message));
        }
    }
    for hint in error.hints() {
        form.errors
            .push(crate::tr!("tui-hint", hint = hint.as_str()));
    }
}

/// How changes to an activity were made, for [`describe`].
#[derive(Debug, Clone, Copy)]
enum Done {
    /// Through a form.
    Changed,
    /// By saving the editor's text.
    Saved,
}

/// One status-bar line for the changes made to `code`.
fn describe(code: &str, changes: &[String], done: Done) -> String {
    if changes.is_empty() {
        return crate::tr!("tui-no-changes", code = code);
    }
    let changes = changes.join("; ");
    match done {
        Done::Changed => crate::tr!("tui-changed", code = code, changes = changes),
        Done::Saved => crate::tr!("tui-saved", code = code, changes = changes),
    }
}

/// Writes `text` to a new temporary file for the editor; returns its path.
fn write_draft(code: &str, text: &str) -> Result<PathBuf, String> {
    use std::io::Write as _;
    let cannot = |e: std::io::Error| crate::tr!("tui-cannot-create-draft", error = e.to_string());
    let mut draft = tempfile::Builder::new()
        .prefix(&format!("programa-{code}-"))
        .suffix(".toml")
        .tempfile()
        .map_err(cannot)?;
    draft.write_all(text.as_bytes()).map_err(cannot)?;
    draft.flush().map_err(cannot)?;
    draft
        .keep()
        .map(|(_, path)| path)
        .map_err(|e| cannot(e.error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_written_in_groups_of_three_digits() {
        let cases = [(0, "0"), (999, "999"), (3400, "3 400"), (10_000, "10 000")];
        for (n, text) in cases {
            assert_eq!(grouped(n), text);
        }
        assert_eq!(grouped(1_234_567), "1 234 567");
    }
}
