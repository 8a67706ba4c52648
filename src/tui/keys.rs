//! The key map: which key does what outside text fields, and reading remaps from `keys.toml`.
//!
//! The file lives at `$XDG_CONFIG_HOME/programa/keys.toml` (or `~/.config/programa/keys.toml`)
//! and has one table, `[keys]`, naming a command and the key or keys that run it; the keys
//! given replace that command's defaults:
//!
//! ```toml
//! [keys]
//! down = ["j", "down", "ctrl-n"]
//! add_note = "m"
//! ```
//!
//! A file with any problem (not TOML, an unknown command or key, one key for two commands) is
//! refused whole, with its path, line and column: the interface never starts half-remapped.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

/// Something a key can do outside text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    /// Move up one row.
    Up,
    /// Move down one row.
    Down,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Collapse the node, or go to its parent.
    Collapse,
    /// Expand the node.
    Expand,
    /// Open: expand or collapse a node, show an activity, jump to a finding.
    Open,
    /// Go back: close a panel, leave the detail, clear the filter.
    Back,
    /// Leave the interface.
    Quit,
    /// Show every key.
    Help,
    /// Move between the tree and the right pane.
    Focus,
    /// Filter as you type.
    Filter,
    /// Cycle the status filter.
    FilterStatus,
    /// Cycle the format filter.
    FilterFormat,
    /// Cycle the area filter.
    FilterArea,
    /// Clear every filter.
    ClearFilters,
    /// Show the activity's sections.
    ViewDetail,
    /// Show the activity's history.
    ViewHistory,
    /// Show the uncommitted changes.
    ViewChanges,
    /// Change status, progress and account.
    SetStatus,
    /// Change the dates.
    SetDates,
    /// Change the format and venue.
    SetFormat,
    /// Add a participant.
    AddParticipant,
    /// Add a progress note.
    AddNote,
    /// Create an activity.
    NewActivity,
    /// Open the activity's file in `$EDITOR`.
    Edit,
    /// Commit the changes.
    Commit,
    /// Compile the programme document.
    CompileProgramme,
    /// Compile the follow-up report.
    CompileReport,
    /// Show the validation findings.
    Findings,
    /// Read the programme from disk again.
    Reload,
}

impl Command {
    /// Every command, in the order help lists them.
    pub const ALL: &'static [Command] = &[
        Command::Up,
        Command::Down,
        Command::PageUp,
        Command::PageDown,
        Command::Top,
        Command::Bottom,
        Command::Collapse,
        Command::Expand,
        Command::Open,
        Command::Back,
        Command::Focus,
        Command::Filter,
        Command::FilterStatus,
        Command::FilterFormat,
        Command::FilterArea,
        Command::ClearFilters,
        Command::ViewDetail,
        Command::ViewHistory,
        Command::ViewChanges,
        Command::SetStatus,
        Command::SetDates,
        Command::SetFormat,
        Command::AddParticipant,
        Command::AddNote,
        Command::NewActivity,
        Command::Edit,
        Command::Commit,
        Command::CompileProgramme,
        Command::CompileReport,
        Command::Findings,
        Command::Reload,
        Command::Help,
        Command::Quit,
    ];

    /// The command's name in `keys.toml`.
    pub fn name(self) -> &'static str {
        self.info().0
    }

    /// What the command does, for help, in the interface's language.
    pub fn description(self) -> String {
        match self {
            Command::Up => crate::tr!("tui-command-up"),
            Command::Down => crate::tr!("tui-command-down"),
            Command::PageUp => crate::tr!("tui-command-page-up"),
            Command::PageDown => crate::tr!("tui-command-page-down"),
            Command::Top => crate::tr!("tui-command-top"),
            Command::Bottom => crate::tr!("tui-command-bottom"),
            Command::Collapse => crate::tr!("tui-command-collapse"),
            Command::Expand => crate::tr!("tui-command-expand"),
            Command::Open => crate::tr!("tui-command-open"),
            Command::Back => crate::tr!("tui-command-back"),
            Command::Quit => crate::tr!("tui-command-quit"),
            Command::Help => crate::tr!("tui-command-help"),
            Command::Focus => crate::tr!("tui-command-focus"),
            Command::Filter => crate::tr!("tui-command-filter"),
            Command::FilterStatus => crate::tr!("tui-command-filter-status"),
            Command::FilterFormat => crate::tr!("tui-command-filter-format"),
            Command::FilterArea => crate::tr!("tui-command-filter-area"),
            Command::ClearFilters => crate::tr!("tui-command-clear-filters"),
            Command::ViewDetail => crate::tr!("tui-command-view-detail"),
            Command::ViewHistory => crate::tr!("tui-command-view-history"),
            Command::ViewChanges => crate::tr!("tui-command-view-changes"),
            Command::SetStatus => crate::tr!("tui-command-set-status"),
            Command::SetDates => crate::tr!("tui-command-set-dates"),
            Command::SetFormat => crate::tr!("tui-command-set-format"),
            Command::AddParticipant => crate::tr!("tui-command-add-participant"),
            Command::AddNote => crate::tr!("tui-command-add-note"),
            Command::NewActivity => crate::tr!("tui-command-new-activity"),
            Command::Edit => crate::tr!("tui-command-edit"),
            Command::Commit => crate::tr!("tui-command-commit"),
            Command::CompileProgramme => crate::tr!("tui-command-compile-programme"),
            Command::CompileReport => crate::tr!("tui-command-compile-report"),
            Command::Findings => crate::tr!("tui-command-findings"),
            Command::Reload => crate::tr!("tui-command-reload"),
        }
    }

    /// The keys it has when `keys.toml` does not say otherwise.
    pub fn default_keys(self) -> &'static [&'static str] {
        self.info().1
    }

    fn info(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Command::Up => ("up", &["up", "k"]),
            Command::Down => ("down", &["down", "j"]),
            Command::PageUp => ("page_up", &["pageup", "ctrl-u"]),
            Command::PageDown => ("page_down", &["pagedown", "ctrl-d"]),
            Command::Top => ("top", &["home", "g"]),
            Command::Bottom => ("bottom", &["end", "G"]),
            Command::Collapse => ("collapse", &["left", "h"]),
            Command::Expand => ("expand", &["right", "l"]),
            Command::Open => ("open", &["enter"]),
            Command::Back => ("back", &["esc"]),
            Command::Quit => ("quit", &["q", "ctrl-c"]),
            Command::Help => ("help", &["?", "f1"]),
            Command::Focus => ("focus", &["tab"]),
            Command::Filter => ("filter", &["/"]),
            Command::FilterStatus => ("filter_status", &["S"]),
            Command::FilterFormat => ("filter_format", &["F"]),
            Command::FilterArea => ("filter_area", &["A"]),
            Command::ClearFilters => ("clear_filters", &["x"]),
            Command::ViewDetail => ("view_detail", &["1"]),
            Command::ViewHistory => ("view_history", &["2"]),
            Command::ViewChanges => ("view_changes", &["3"]),
            Command::SetStatus => ("set_status", &["s"]),
            Command::SetDates => ("set_dates", &["d"]),
            Command::SetFormat => ("set_format", &["f"]),
            Command::AddParticipant => ("add_participant", &["a"]),
            Command::AddNote => ("add_note", &["n"]),
            Command::NewActivity => ("new_activity", &["N"]),
            Command::Edit => ("edit", &["e"]),
            Command::Commit => ("commit", &["c"]),
            Command::CompileProgramme => ("compile_programme", &["p"]),
            Command::CompileReport => ("compile_report", &["r"]),
            Command::Findings => ("findings", &["!"]),
            Command::Reload => ("reload", &["ctrl-r"]),
        }
    }
}

/// One key with its modifiers, as a config file names it (`ctrl-n`, `enter`, `G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control and Alt (Shift is part of a character).
    pub modifiers: KeyModifiers,
}

impl Key {
    /// The key of a terminal event, with Shift folded into characters.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::BackTab => KeyCode::BackTab,
            KeyCode::Char(c) => KeyCode::Char(c),
            other => {
                if event.modifiers.contains(KeyModifiers::SHIFT) {
                    modifiers |= KeyModifiers::SHIFT;
                }
                other
            }
        };
        Key { code, modifiers }
    }
}

impl std::str::FromStr for Key {
    type Err = String;

    fn from_str(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let stripped = ["ctrl-", "alt-", "shift-"]
                .iter()
                .find(|prefix| lower.starts_with(*prefix) && rest.len() > prefix.len());
            match stripped {
                Some(prefix) => {
                    modifiers |= match *prefix {
                        "ctrl-" => KeyModifiers::CONTROL,
                        "alt-" => KeyModifiers::ALT,
                        _ => KeyModifiers::SHIFT,
                    };
                    rest = &rest[prefix.len()..];
                }
                None => break,
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if modifiers.contains(KeyModifiers::SHIFT) {
                    modifiers -= KeyModifiers::SHIFT;
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdown" | "pgdn" => KeyCode::PageDown,
                function => match function
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                {
                    Some(n) if (1..=12).contains(&n) => KeyCode::F(n),
                    _ => {
                        return Err(crate::tr!("tui-key-not-a-key", key = text));
                    }
                },
            },
        };
        Ok(Key { code, modifiers })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("backtab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::F(n) => write!(f, "f{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// A byte range in the config file.
type Span = std::ops::Range<usize>;

/// Which command each key runs.
#[derive(Debug, Clone)]
pub struct KeyMap {
    bindings: Vec<(Key, Command)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        let mut bindings = Vec::new();
        for command in Command::ALL {
            for key in command.default_keys() {
                if let Ok(key) = key.parse() {
                    bindings.push((key, *command));
                }
            }
        }
        KeyMap { bindings }
    }
}

impl KeyMap {
    /// The command `event` runs, if any.
    pub fn command(&self, event: &KeyEvent) -> Option<Command> {
        let key = Key::from_event(event);
        self.bindings
            .iter()
            .find(|(bound, _)| *bound == key)
            .map(|(_, command)| *command)
    }

    /// The keys bound to `command`, in order.
    pub fn keys(&self, command: Command) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, c)| *c == command)
            .map(|(key, _)| *key)
            .collect()
    }

    /// The first key of `command` as text, for hints (`?` when it has none).
    pub fn first(&self, command: Command) -> String {
        self.keys(command)
            .first()
            .map_or_else(|| "-".to_string(), Key::to_string)
    }

    /// The default map with the remaps of a `keys.toml` text applied (`path` is for messages).
    pub fn from_config(path: &Path, text: &str) -> Result<KeyMap, KeyConfigError> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            #[serde(default)]
            keys: BTreeMap<toml::Spanned<String>, toml::Spanned<OneOrMany>>,
        }
        let error = |span: Option<std::ops::Range<usize>>, message: String| {
            let (line, column) = span.map_or((None, None), |span| {
                let (l, c) = line_column(text, span.start);
                (Some(l), Some(c))
            });
            KeyConfigError {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        };
        let file: File = toml::from_str(text)
            .map_err(|e| error(e.span(), e.message().trim_end().to_string()))?;
        let mut remapped: Vec<(Command, Vec<(Key, Span)>)> = Vec::new();
        for (name, keys) in &file.keys {
            let Some(command) = Command::ALL
                .iter()
                .find(|c| c.name() == name.get_ref().as_str())
            else {
                let names: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
                let suggestion =
                    crate::suggest::did_you_mean(name.get_ref(), names.iter().copied())
                        .map(|s| crate::tr!("tui-key-did-you-mean", name = s))
                        .unwrap_or_default();
                return Err(error(
                    Some(name.span()),
                    crate::tr!(
                        "tui-key-unknown-command",
                        name = name.get_ref().as_str(),
                        suggestion = suggestion,
                        names = names.join(", ")
                    ),
                ));
            };
            let texts = match keys.get_ref() {
                OneOrMany::One(key) => vec![key.clone()],
                OneOrMany::Many(keys) => keys.clone(),
            };
            let mut parsed = Vec::new();
            for key in texts {
                let key: Key = key.parse().map_err(|e| error(Some(keys.span()), e))?;
                parsed.push((key, keys.span()));
            }
            remapped.push((*command, parsed));
        }
        let mut map = KeyMap::default();
        map.bindings
            .retain(|(_, command)| !remapped.iter().any(|(c, _)| c == command));
        for (command, keys) in &remapped {
            for (key, span) in keys {
                if let Some((_, other)) = map.bindings.iter().find(|(k, _)| k == key) {
                    let (key, other, command) = (key.to_string(), other.name(), command.name());
                    let message = if remapped.iter().any(|(c, _)| c.name() == other) {
                        crate::tr!(
                            "tui-key-bound-twice-here",
                            key = key,
                            other = other,
                            command = command
                        )
                    } else {
                        crate::tr!(
                            "tui-key-bound-twice-default",
                            key = key,
                            other = other,
                            command = command
                        )
                    };
                    return Err(error(Some(span.clone()), message));
                }
                map.bindings.push((*key, *command));
            }
        }
        Ok(map)
    }

    /// The key map of the user's `keys.toml`, or the default one when there is no such file.
    pub fn load() -> Result<KeyMap, KeyConfigError> {
        match config_path() {
            Some(path) => match std::fs::read_to_string(&path) {
                Ok(text) => KeyMap::from_config(&path, &text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(KeyMap::default()),
                Err(e) => Err(KeyConfigError {
                    path,
                    line: None,
                    column: None,
                    message: crate::tr!("tui-key-cannot-read", error = e.to_string()),
                }),
            },
            None => Ok(KeyMap::default()),
        }
    }
}

/// Where `keys.toml` is looked for: `$XDG_CONFIG_HOME/programa/keys.toml`, else
/// `$HOME/.config/programa/keys.toml`.
pub fn config_path() -> Option<PathBuf> {
    let non_empty = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base =
        non_empty("XDG_CONFIG_HOME").or_else(|| non_empty("HOME").map(|h| h.join(".config")))?;
    Some(base.join("programa").join("keys.toml"))
}

/// The 1-based line and column of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A `keys.toml` that cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), match (line, column) { (Some(l), Some(c)) => format!(":{l}:{c}"), _ => String::new() })]
pub struct KeyConfigError {
    /// The file.
    pub path: PathBuf,
    /// The line, from 1.
    pub line: Option<usize>,
    /// The column, from 1.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn defaults_have_no_key_twice_and_every_key_parses() {
        let map = KeyMap::default();
        let total: usize = Command::ALL.iter().map(|c| c.default_keys().len()).sum();
        assert_eq!(map.bindings.len(), total);
        for (i, (key, _)) in map.bindings.iter().enumerate() {
            assert!(
                !map.bindings[i + 1..].iter().any(|(k, _)| k == key),
                "{key} twice"
            );
        }
        assert_eq!(
            map.command(&press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Command::Bottom)
        );
        assert_eq!(
            map.command(&press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Command::Quit)
        );
    }

    #[test]
    fn a_remap_replaces_the_defaults_of_its_command() {
        let text = "[keys]\nadd_note = \"m\"\ndown = [\"j\", \"ctrl-n\"]\n";
        let map = KeyMap::from_config(Path::new("keys.toml"), text).expect("valid");
        assert_eq!(map.keys(Command::AddNote), vec!["m".parse().expect("key")]);
        assert_eq!(
            map.command(&press(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            Some(Command::Down)
        );
        assert_eq!(map.command(&press(KeyCode::Down, KeyModifiers::NONE)), None);
        assert_eq!(
            map.command(&press(KeyCode::Char('n'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn bad_files_are_refused_with_their_line() {
        let bad = |text: &str| {
            KeyMap::from_config(Path::new("/c/keys.toml"), text)
                .expect_err(text)
                .to_string()
        };
        assert_eq!(
            bad("[keys]\nquit = \"q\"\nadd_notes = \"m\"\n"),
            "/c/keys.toml:3:1: unknown command `add_notes`; did you mean `add_note`? (the commands are up, down, page_up, page_down, top, bottom, collapse, expand, open, back, focus, filter, filter_status, filter_format, filter_area, clear_filters, view_detail, view_history, view_changes, set_status, set_dates, set_format, add_participant, add_note, new_activity, edit, commit, compile_programme, compile_report, findings, reload, help, quit)"
        );
        assert_eq!(
            bad("[keys]\n\nquit = \"ctrl-zz\"\n"),
            "/c/keys.toml:3:8: `ctrl-zz` is not a key (expected a character, or a name such as enter, esc, tab, space, up, pagedown, f1, with ctrl-/alt-/shift- before it)"
        );
        assert_eq!(
            bad("[keys]\nadd_note = \"s\"\n"),
            "/c/keys.toml:2:12: `s` is bound to both `set_status` and `add_note` (set_status has it by default; give `set_status` other keys in this file to free it)"
        );
        assert!(bad("[keys\n").starts_with("/c/keys.toml:1:"));
        assert!(bad("[other]\n").contains("unknown field `other`"));
    }
}
