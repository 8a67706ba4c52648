//! Colours on a terminal: what is removed red, what is added green, codes and headings apart.
//!
//! A [`Palette`] wraps text that is shown already (escaped with [`super::shown`] or
//! [`super::escape_line`]) in SGR sequences (`ESC [ … m`, which only set colours and
//! emphasis), or leaves it as it is when colours are off. Standard output then goes through a
//! [`super::Terminal`] made with [`super::Terminal::keeping_colours`], which lets those
//! sequences through and escapes every other hidden character: text from a file, escaped as it
//! is formatted, carries no `ESC` of its own to begin a sequence with.

use std::fmt::Display;

/// What a piece of output is, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Taken out: red.
    Removed,
    /// Put in: green.
    Added,
    /// An activity's code: bold cyan.
    Code,
    /// A heading or a title: bold.
    Heading,
    /// A commit id: yellow.
    Commit,
    /// Less important: dim.
    Quiet,
    /// A good state (completed): green.
    Good,
    /// A state under way (ongoing): yellow.
    Busy,
    /// A state put off (postponed): magenta.
    Late,
    /// A state abandoned (cancelled): red.
    Bad,
    /// A state not started (planned): blue.
    Waiting,
}

impl Style {
    /// The SGR parameters of the style.
    fn code(self) -> &'static str {
        match self {
            Style::Removed | Style::Bad => "31",
            Style::Added | Style::Good => "32",
            Style::Code => "1;36",
            Style::Heading => "1",
            Style::Commit | Style::Busy => "33",
            Style::Quiet => "2",
            Style::Late => "35",
            Style::Waiting => "34",
        }
    }
}

/// Whether output is coloured, and how to colour it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Palette {
    on: bool,
}

impl Palette {
    /// Colours when `on`, plain text otherwise.
    pub fn new(on: bool) -> Self {
        Palette { on }
    }

    /// Whether it colours.
    pub fn is_on(self) -> bool {
        self.on
    }

    /// `shown` (text escaped for a terminal already) in `style`'s colour.
    pub fn paint(self, style: Style, shown: impl Display) -> String {
        if self.on {
            format!("\u{1b}[{}m{shown}\u{1b}[0m", style.code())
        } else {
            shown.to_string()
        }
    }
}

/// Whether `text`, from the start, could still become an SGR sequence (`ESC`, `ESC [`,
/// `ESC [ 1 ;`…) once more of it is written: a [`super::Terminal`] keeping colours holds such
/// an end back until the next write.
pub(super) fn unfinished_colour(text: &str) -> bool {
    let Some(after) = text.strip_prefix('\u{1b}') else {
        return false;
    };
    match after.strip_prefix('[') {
        None => after.is_empty(),
        Some(parameters) => parameters.bytes().all(|b| b.is_ascii_digit() || b == b';'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paints_only_when_on() {
        assert_eq!(Palette::new(false).paint(Style::Added, "x"), "x");
        assert_eq!(
            Palette::new(true).paint(Style::Added, "x"),
            "\u{1b}[32mx\u{1b}[0m"
        );
    }

    #[test]
    fn tells_the_start_of_a_colour_from_the_rest() {
        assert!(unfinished_colour("\u{1b}"));
        assert!(unfinished_colour("\u{1b}[1;3"));
        assert!(!unfinished_colour("\u{1b}[1m"));
        assert!(!unfinished_colour("\u{1b}]0;"));
        assert!(!unfinished_colour("x"));
    }
}
