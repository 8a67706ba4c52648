//! Text from the files on its way out: shown on a terminal with every character that could act
//! on it escaped, written as JSON with the invisible ones escaped, and as CSV cells that no
//! spreadsheet runs as a formula.
//!
//! Programme files, git history and command-line arguments can hold any character. On a
//! terminal some of them act instead of showing: C0 controls (`ESC` starts sequences that
//! recolour the screen, rename the window or write a link), `DEL`, C1 controls (`U+009B` is a
//! one-character `ESC [`), and the bidirectional controls that make a terminal or an editor
//! show text in another order than it is stored. [`escape`] shows each of them as `\u{hex}`,
//! the way Rust writes the character (`ESC` is `\u{1b}`, the right-to-left override
//! `\u{202e}`), and doubles a backslash that would otherwise make the text read like such an
//! escape (a literal `\u{1b}` is shown `\\u{1b}`), so that distinct texts always look distinct
//! and each can be read back exactly. [`escape_line`] also escapes tabs and line breaks, for a
//! value shown on one line (a cell of a table).
//!
//! The interfaces escape file text where they format it. [`Terminal`] wraps what the command
//! line writes to standard output and escapes whatever slipped through unescaped, so that
//! nothing reaches a terminal raw even from an output that forgot.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod style;

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};
use std::ops::Range;

/// Why a character is escaped on a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// A C0 control other than tab and line feed, `DEL`, or a C1 control: it acts on a
    /// terminal instead of showing.
    Control,
    /// A bidirectional embedding, override or isolate (`U+202A`–`U+202E`, `U+2066`–`U+2069`):
    /// it reorders the text after it as it is shown, so what is read is not what is stored.
    BidiControl,
    /// An invisible direction mark (`U+200E`, `U+200F`, `U+061C`): it moves neighbouring
    /// punctuation and digits, without showing.
    BidiMark,
}

/// Whether `c` is escaped wherever text is shown, and why.
pub fn hidden(c: char) -> Option<Hidden> {
    match c {
        '\t' | '\n' => None,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some(Hidden::Control),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some(Hidden::BidiControl),
        '\u{200e}' | '\u{200f}' | '\u{61c}' => Some(Hidden::BidiMark),
        _ => None,
    }
}

/// The name of a hidden character, for messages: "escape", "right-to-left override".
pub fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\0' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{9b}' => "control sequence introducer",
        '\u{9d}' => "operating system command",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{200e}' => "left-to-right mark",
        '\u{200f}' => "right-to-left mark",
        '\u{61c}' => "Arabic letter mark",
        _ => return None,
    })
}

/// Which characters an escaper escapes besides the [`hidden`] ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// None: tabs and line breaks are kept (prose, quoted files).
    Text,
    /// Tabs and line breaks too (a value shown on one line).
    Line,
}

impl Mode {
    fn escapes(self, c: char) -> bool {
        hidden(c).is_some() || (self == Mode::Line && matches!(c, '\t' | '\n'))
    }
}

/// `text` as it may be shown on a terminal: [`hidden`] characters as `\u{hex}`, and a
/// backslash that would make the text read like an escape doubled. Tabs and line breaks stay.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_in(text, Mode::Text)
}

/// [`escape`] for a value shown on one line: tabs and line breaks are escaped too (`\u{9}`,
/// `\u{a}`), so they cannot break a table's alignment or its rows.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    escape_in(text, Mode::Line)
}

/// `text` shown with [`escape`] when formatted: `format!("{}", shown(&title))`. Width and
/// alignment flags apply to the escaped text.
pub fn shown(text: &str) -> Shown<'_> {
    Shown(text, Mode::Text)
}

/// `text` shown with [`escape_line`] when formatted.
pub fn shown_line(text: &str) -> Shown<'_> {
    Shown(text, Mode::Line)
}

/// File text that formats as it may be shown on a terminal; made by [`shown`] and
/// [`shown_line`].
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a>(&'a str, Mode);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&escape_in(self.0, self.1))
    }
}

/// `text` with [`hidden`] characters as `\u{hex}` and nothing else changed: what
/// [`escape`] returns comes out the same, so it is safe on text that may be escaped already.
pub fn escape_hidden(text: &str) -> Cow<'_, str> {
    if !may_need_escaping(text.as_bytes(), Mode::Text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c).is_some() {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`escape_hidden`] for text coloured by a diagnostics printer: its colour sequences (`ESC [`,
/// digits and `;`, `m`, which only set colours and emphasis) are kept, every other hidden
/// character is escaped.
pub fn escape_hidden_except_colours(text: &str) -> Cow<'_, str> {
    if !may_need_escaping(text.as_bytes(), Mode::Text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let colour = rest.strip_prefix("\u{1b}[").and_then(|after| {
            let digits = after.len()
                - after
                    .trim_start_matches(|d: char| d.is_ascii_digit() || d == ';')
                    .len();
            after[digits..].starts_with('m').then_some(2 + digits + 1)
        });
        if let Some(len) = colour {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        if hidden(c).is_some() {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// Whether `bytes` may hold something the escaper changes: a control, a backslash, or the
/// first byte of a C1 control or a bidirectional character in UTF-8. A quick test, so that
/// text with nothing to escape is returned as it is.
fn may_need_escaping(bytes: &[u8], mode: Mode) -> bool {
    bytes.iter().any(|&b| {
        (b < 0x20 && (mode == Mode::Line || (b != b'\t' && b != b'\n')))
            || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2 | b'\\')
    })
}

fn push_escape(out: &mut String, c: char) {
    use fmt::Write as _;
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

fn escape_in(text: &str, mode: Mode) -> Cow<'_, str> {
    if !may_need_escaping(text.as_bytes(), mode) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut changed = false;
    pieces(text, mode, |piece| match piece {
        Piece::Kept(range) => out.push_str(&text[range]),
        Piece::Replaced(_, shown) => {
            changed = true;
            out.push_str(&shown);
        }
    });
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// A stretch of the text being escaped: kept as it is, or shown otherwise.
enum Piece {
    /// This range of the text, unchanged.
    Kept(Range<usize>),
    /// This range of the text (one character, or a run of backslashes) is shown so.
    Replaced(Range<usize>, String),
}

/// Splits `text` into the pieces of its escaped form, in order.
///
/// A run of backslashes is doubled when what follows it would otherwise read as part of an
/// escape: an escaped character (so `\` then `ESC` shows `\\\u{1b}`), or a literal `u{`. On
/// reading, an odd number of backslashes before `u{` starts an escape, an even number is
/// that many halved.
fn pieces(text: &str, mode: Mode, mut emit: impl FnMut(Piece)) {
    let mut kept_from = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let replaced = if c == '\\' {
            let mut end = at + 1;
            while let Some(&(i, '\\')) = chars.peek() {
                end = i + 1;
                chars.next();
            }
            let rest = &text[end..];
            let before_escape = rest.starts_with("u{")
                || rest.chars().next().is_some_and(|next| mode.escapes(next));
            before_escape.then(|| (at..end, "\\".repeat(2 * (end - at))))
        } else if mode.escapes(c) {
            let mut shown = String::with_capacity(8);
            push_escape(&mut shown, c);
            Some((at..at + c.len_utf8(), shown))
        } else {
            None
        };
        if let Some((range, shown)) = replaced {
            if kept_from < range.start {
                emit(Piece::Kept(kept_from..range.start));
            }
            kept_from = range.end;
            emit(Piece::Replaced(range, shown));
        }
    }
    if kept_from < text.len() {
        emit(Piece::Kept(kept_from..text.len()));
    }
}

/// A text escaped with [`escape`], with the way back from its offsets to the text's and on.
/// Quoting a file escaped keeps a caret under the right characters and columns that count
/// the file's own characters.
#[derive(Debug, Clone)]
pub struct Escaped<'a> {
    /// The escaped text.
    pub text: Cow<'a, str>,
    /// Each replaced stretch: its range in the original, then in the escaped text, in order.
    replaced: Vec<(Range<usize>, Range<usize>)>,
}

impl<'a> Escaped<'a> {
    /// `text` escaped as [`escape`] does, remembering where each change is.
    pub fn new(text: &'a str) -> Self {
        if !may_need_escaping(text.as_bytes(), Mode::Text) {
            return Escaped {
                text: Cow::Borrowed(text),
                replaced: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut replaced = Vec::new();
        pieces(text, Mode::Text, |piece| match piece {
            Piece::Kept(range) => out.push_str(&text[range]),
            Piece::Replaced(range, shown) => {
                let start = out.len();
                out.push_str(&shown);
                replaced.push((range, start..out.len()));
            }
        });
        let text = if replaced.is_empty() {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(out)
        };
        Escaped { text, replaced }
    }

    /// The same, owning its text.
    pub fn into_owned(self) -> Escaped<'static> {
        Escaped {
            text: Cow::Owned(self.text.into_owned()),
            replaced: self.replaced,
        }
    }

    /// Where the original's byte offset `offset` is in the escaped text (the start of an
    /// escape for an offset inside the character it replaces).
    pub fn shown_offset(&self, offset: usize) -> usize {
        map(&self.replaced, offset, |(original, shown)| {
            (original, shown)
        })
    }

    /// Where the escaped text's byte offset `offset` is in the original (the start of the
    /// character for an offset inside its escape).
    pub fn original_offset(&self, offset: usize) -> usize {
        map(&self.replaced, offset, |(original, shown)| {
            (shown, original)
        })
    }
}

/// Maps `offset` from one side of `replaced` to the other: `sides` picks (from, to).
fn map(
    replaced: &[(Range<usize>, Range<usize>)],
    offset: usize,
    sides: impl Fn(&(Range<usize>, Range<usize>)) -> (&Range<usize>, &Range<usize>),
) -> usize {
    let after = replaced.partition_point(|pair| sides(pair).0.start <= offset);
    let Some(previous) = after.checked_sub(1).and_then(|i| replaced.get(i)) else {
        return offset;
    };
    let (from, to) = sides(previous);
    if offset < from.end {
        to.start
    } else {
        to.end + (offset - from.end)
    }
}

/// Drops an escape cut short at the end of `text` (`…\u{1` after a cut to a width), so that a
/// shortened value never ends in half an escape.
pub fn drop_cut_escape(text: &mut String) {
    if let Some(at) = text.rfind("\\u{")
        && text[at..].bytes().skip(3).all(|b| b.is_ascii_hexdigit())
    {
        text.truncate(at);
    }
}

/// A writer for a terminal: passes everything on, with [`hidden`] characters escaped as
/// [`escape_hidden`] does. Text escaped already passes unchanged; text that was not cannot
/// act on the terminal.
///
/// A character split between two writes is escaped whole; bytes that are not UTF-8 are
/// written as `U+FFFD`.
pub struct Terminal<W: Write> {
    inner: W,
    /// The start of a character (or of a colour sequence) whose end has not been written yet.
    pending: Vec<u8>,
    /// Whether colour sequences pass (see [`style`]).
    colours: bool,
}

impl<W: Write> Terminal<W> {
    /// Escapes what is written before passing it to `inner`.
    pub fn new(inner: W) -> Self {
        Terminal {
            inner,
            pending: Vec::new(),
            colours: false,
        }
    }

    /// [`Terminal::new`], letting colour sequences (`ESC [`, digits and `;`, `m`) through as
    /// [`escape_hidden_except_colours`] does: for output coloured by a [`style::Palette`].
    pub fn keeping_colours(inner: W) -> Self {
        Terminal {
            inner,
            pending: Vec::new(),
            colours: true,
        }
    }

    fn write_pending(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            self.inner
                .write_all(escape_hidden(&String::from_utf8_lossy(&pending)).as_bytes())?;
        }
        Ok(())
    }

    /// Writes `text` escaped; with colours, an end that may be the start of a colour sequence
    /// is kept back for the next write, which has the rest.
    fn write_text(&mut self, text: &str) -> io::Result<()> {
        if !self.colours {
            return self.inner.write_all(escape_hidden(text).as_bytes());
        }
        let held = text
            .rfind('\u{1b}')
            .filter(|&at| style::unfinished_colour(&text[at..]));
        let (now, later) = text.split_at(held.unwrap_or(text.len()));
        self.inner
            .write_all(escape_hidden_except_colours(now).as_bytes())?;
        self.pending.extend_from_slice(later.as_bytes());
        Ok(())
    }
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes = if self.pending.is_empty() {
            buf
        } else {
            joined = [std::mem::take(&mut self.pending).as_slice(), buf].concat();
            &joined
        };
        let mut rest = bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.write_text(text)?;
                    break;
                }
                Err(error) => {
                    let (valid, after) = rest.split_at(error.valid_up_to());
                    self.write_text(std::str::from_utf8(valid).unwrap_or_default())?;
                    match error.error_len() {
                        Some(bad) => {
                            self.write_pending()?;
                            self.inner.write_all("\u{fffd}".as_bytes())?;
                            rest = &after[bad..];
                        }
                        None => {
                            // The start of a character: the next write has its end.
                            self.pending.extend_from_slice(after);
                            break;
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Drop for Terminal<W> {
    fn drop(&mut self) {
        let _ = self.write_pending();
        let _ = self.inner.flush();
    }
}

#[cfg(test)]
mod tests;
