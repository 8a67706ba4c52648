//! Findings as people and tools read them: rustc-style text with the offending line and a
//! caret (codespan-reporting), or JSON with 1-based lines and columns.
//!
//! The text quotes files, so what it quotes is escaped as [`crate::output`] shows it; carets
//! stay under the characters they point at, and columns count the file's own characters.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::{Error as FilesError, Files as _, SimpleFile};
use codespan_reporting::term::{self, Chars, Config, termcolor};
use serde::Serialize;

use super::{Finding, Severity};
use crate::output::{Escaped, escape, escape_line};

/// The files findings point into, so they can be quoted.
///
/// A file's lines are only indexed when a finding is quoted or located in it: a check of
/// thousands of files has findings in few of them.
pub struct Files<'a> {
    /// Each file's path and text, by id.
    sources: Vec<(&'a Path, &'a str)>,
    /// The files indexed so far, by id.
    indexed: Vec<OnceLock<Indexed<'a>>>,
    /// Each file's id, which is also its rank in the order the files were given.
    ids: HashMap<&'a Path, usize>,
}

impl<'a> Files<'a> {
    /// The files given as (path, text) pairs.
    pub fn new(sources: impl IntoIterator<Item = (&'a Path, &'a str)>) -> Self {
        let sources: Vec<(&'a Path, &'a str)> = sources.into_iter().collect();
        let mut ids = HashMap::with_capacity(sources.len());
        for (id, (path, _)) in sources.iter().enumerate() {
            // A path given twice is the first file of that name, as everywhere else.
            ids.entry(*path).or_insert(id);
        }
        let indexed = sources.iter().map(|_| OnceLock::new()).collect();
        Files {
            sources,
            indexed,
            ids,
        }
    }

    /// The file `id`, its lines indexed.
    fn file(&self, id: usize) -> Result<&Indexed<'a>, FilesError> {
        let (path, text) = self.sources.get(id).ok_or(FilesError::FileMissing)?;
        let slot = self.indexed.get(id).ok_or(FilesError::FileMissing)?;
        Ok(slot.get_or_init(|| {
            let escaped = Escaped::new(text);
            Indexed {
                quoted: SimpleFile::new(
                    escape_line(&path.display().to_string()).into_owned(),
                    escaped.text.clone(),
                ),
                escaped,
                text,
            }
        }))
    }

    /// The id and text of the file at `path`.
    fn find(&self, path: &Path) -> Option<(usize, &'a str)> {
        let id = *self.ids.get(path)?;
        let (_, text) = self.sources.get(id)?;
        Some((id, *text))
    }

    /// The file and the span of `finding`, the span made safe to slice the text with.
    fn place(&self, finding: &Finding) -> Option<(usize, Range<usize>)> {
        let (id, text) = self.find(finding.file.as_deref()?)?;
        let span = finding.span.clone()?;
        Some((id, clamp(text, span)))
    }

    /// Orders findings by file, in the order the files were given, then by place in the file.
    pub fn sort(&self, findings: &mut [Finding]) {
        let rank = |finding: &Finding| {
            finding
                .file
                .as_deref()
                .and_then(|file| self.ids.get(file).copied())
                .unwrap_or(usize::MAX)
        };
        findings.sort_by_cached_key(|finding| {
            (
                rank(finding),
                finding.span.as_ref().map_or(usize::MAX, |span| span.start),
            )
        });
    }

    /// The file and the span of `finding` in the file as quoted.
    fn quoted_place(&self, finding: &Finding) -> Option<(usize, Range<usize>)> {
        let (id, span) = self.place(finding)?;
        let escaped = &self.file(id).ok()?.escaped;
        Some((
            id,
            escaped.shown_offset(span.start)..escaped.shown_offset(span.end),
        ))
    }

    /// Where `finding` starts and ends: 1-based lines and columns (columns count characters).
    pub fn locate(&self, finding: &Finding) -> Option<Location> {
        let (id, span) = self.quoted_place(finding)?;
        let start = self.location(id, span.start).ok()?;
        let end = self.location(id, span.end).ok()?;
        Some(Location {
            line: start.line_number,
            column: start.column_number,
            end_line: end.line_number,
            end_column: end.column_number,
        })
    }
}

/// One file, indexed for quoting.
struct Indexed<'a> {
    /// The file as quoted: its name and text escaped, its lines indexed. Escaping keeps the
    /// line breaks, so lines are the file's.
    quoted: SimpleFile<String, Cow<'a, str>>,
    /// The text as quoted, with the way back to the file's offsets.
    escaped: Escaped<'a>,
    /// The file's text.
    text: &'a str,
}

impl Indexed<'_> {
    /// The 1-based column of the quoted text's `byte_index`, counting the file's characters.
    fn column(&self, line_index: usize, byte_index: usize) -> Result<usize, FilesError> {
        let line_start = self.quoted.line_range((), line_index)?.start;
        let (start, at) = (
            self.escaped.original_offset(line_start),
            self.escaped.original_offset(byte_index),
        );
        let before = self.text.get(start..at.max(start)).unwrap_or_default();
        Ok(before.chars().count() + 1)
    }
}

/// codespan-reporting reads the files as quoted; offsets given to it are offsets in that text.
impl<'a> codespan_reporting::files::Files<'a> for Files<'_> {
    type FileId = usize;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<String, FilesError> {
        Ok(self.file(id)?.quoted.name().clone())
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(self.file(id)?.quoted.source().as_ref())
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        self.file(id)?.quoted.line_index((), byte_index)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, FilesError> {
        self.file(id)?.quoted.line_range((), line_index)
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        self.file(id)?.column(line_index, byte_index)
    }
}

/// A span as lines and columns, all 1-based; the end is just past the last character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The first line.
    pub line: usize,
    /// The first character's column.
    pub column: usize,
    /// The last line.
    pub end_line: usize,
    /// The column just past the last character.
    pub end_column: usize,
}

/// Clamps `span` to `text`, on character boundaries.
fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    let end = floor(span.end).max(start);
    start..end
}

/// Whether to colour output for a stream: only a terminal, and only when `NO_COLOR` is unset
/// or empty (<https://no-color.org>).
pub fn use_color(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

/// Writes each finding as `error[code]: message`, ` --> file:line:column`, the line with a
/// caret under the span, and `= hint: …`.
pub fn write_text(
    out: &mut dyn Write,
    findings: &[Finding],
    files: &Files,
    color: bool,
) -> io::Result<()> {
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let mut ansi = termcolor::Ansi::new(&mut *out);
    for finding in findings {
        let excerpt = files.place(finding).and_then(|(id, span)| {
            let name = files.file(id).ok()?.quoted.name().clone();
            Excerpt::of_long_line(name, files.find(finding.file.as_deref()?)?.1, span)
        });
        let result = match &excerpt {
            Some((excerpt, span)) => {
                let diagnostic = to_diagnostic(finding, Some(((), span.clone())));
                emit(&mut ansi, color, &config, excerpt, &diagnostic)
            }
            None => {
                let diagnostic = to_diagnostic(finding, files.quoted_place(finding));
                emit(&mut ansi, color, &config, files, &diagnostic)
            }
        };
        result.map_err(|error| match error {
            codespan_reporting::files::Error::Io(error) => error,
            other => io::Error::other(other.to_string()),
        })?;
    }
    Ok(())
}

/// Emits one diagnostic, in colour or not.
fn emit<'f, F: codespan_reporting::files::Files<'f>>(
    ansi: &mut termcolor::Ansi<&mut dyn Write>,
    color: bool,
    config: &Config,
    files: &'f F,
    diagnostic: &Diagnostic<F::FileId>,
) -> Result<(), codespan_reporting::files::Error> {
    if color {
        term::emit_to_write_style(ansi, config, files, diagnostic)
    } else {
        term::emit_to_io_write(ansi.get_mut(), config, files, diagnostic)
    }
}

/// Lines longer than this are quoted as an excerpt around the span.
const LONGEST_QUOTED_LINE: usize = 120;
/// How much of a long line an excerpt shows before the span, in characters.
const EXCERPT_BEFORE: usize = 40;
/// How much of a long line an excerpt shows from the span's start on, in characters.
const EXCERPT_FROM: usize = 70;

/// The part of one long line around a finding (a paragraph of prose is one line in a
/// programme file), so that the quote fits a terminal; lines and columns stay the file's.
struct Excerpt {
    name: String,
    /// The part of the line shown, escaped, with `…` where it is cut.
    text: String,
    /// The part of the line shown, as in the file, and the way from `text` back to it.
    shown: Escaped<'static>,
    /// The line's number in the file, 1-based.
    line_number: usize,
    /// Characters of the line before `text`'s first character of the line itself.
    column_offset: usize,
    /// Bytes of `text` taken by a leading `…`.
    lead: usize,
    /// The part of the line shown, as in the file.
    original: String,
}

impl Excerpt {
    /// An excerpt of the line holding `span` in `text`, and the span within it, when the line
    /// is too long to quote whole and the span does not run over several lines.
    fn of_long_line(
        name: String,
        text: &str,
        span: Range<usize>,
    ) -> Option<(Excerpt, Range<usize>)> {
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[span.start..]
            .find('\n')
            .map_or(text.len(), |i| span.start + i);
        let line = &text[line_start..line_end];
        if line.chars().count() <= LONGEST_QUOTED_LINE || span.end > line_end {
            return None;
        }
        let start_chars = text[line_start..span.start].chars().count();
        let from_char = start_chars.saturating_sub(EXCERPT_BEFORE);
        let byte_at = |chars: usize| {
            line.char_indices()
                .nth(chars)
                .map_or(line.len(), |(i, _)| i)
        };
        let (from, to) = (byte_at(from_char), byte_at(start_chars + EXCERPT_FROM));
        let lead = if from > 0 { "…" } else { "" };
        let tail = if to < line.len() { "…" } else { "" };
        let original = line[from..to].to_string();
        let shown = Escaped::new(&original).into_owned();
        let start = lead.len() + shown.shown_offset(span.start - line_start - from);
        let end = lead.len() + shown.shown_offset((span.end - line_start).min(to) - from);
        let excerpt = Excerpt {
            name,
            text: format!("{lead}{}{tail}", shown.text),
            line_number: text[..line_start].matches('\n').count() + 1,
            column_offset: from_char,
            lead: lead.len(),
            shown,
            original,
        };
        Some((excerpt, start..end.max(start)))
    }
}

impl<'a> codespan_reporting::files::Files<'a> for Excerpt {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), _: usize) -> Result<usize, codespan_reporting::files::Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _: usize) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.line_number)
    }

    fn column_number(
        &'a self,
        (): (),
        _: usize,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let at = self
            .shown
            .original_offset(byte_index.saturating_sub(self.lead));
        let before = self.original.get(..at).unwrap_or_default();
        Ok(self.column_offset + before.chars().count() + 1)
    }

    fn line_range(
        &'a self,
        (): (),
        _: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        Ok(0..self.text.len())
    }
}

/// The diagnostic of `finding`, pointing at `place` (a file and a span in it) when it has one.
fn to_diagnostic<Id>(finding: &Finding, place: Option<(Id, Range<usize>)>) -> Diagnostic<Id> {
    let diagnostic = match finding.severity {
        Severity::Error => Diagnostic::error(),
        Severity::Warning => Diagnostic::warning(),
        Severity::Note => Diagnostic::note(),
    }
    .with_code(finding.code)
    .with_message(escape(&finding.message));
    let mut notes = Vec::new();
    let diagnostic = match place {
        Some((id, span)) => diagnostic.with_labels(vec![Label::primary(id, span)]),
        None => {
            if let Some(file) = &finding.file {
                notes.push(crate::tr!(
                    "check-note-in",
                    file = escape_line(&file.display().to_string()).into_owned()
                ));
            }
            diagnostic
        }
    };
    if let Some(hint) = &finding.hint {
        notes.push(crate::tr!(
            "check-note-hint",
            hint = escape(hint).into_owned()
        ));
    }
    diagnostic.with_notes(notes)
}

/// A finding as JSON: severity, code, message, file, 1-based line and column, hint.
#[derive(Debug, Clone, Serialize)]
pub struct JsonFinding<'a> {
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// The kind of problem.
    pub code: &'static str,
    /// What is wrong.
    pub message: &'a str,
    /// The file, relative to the programme root.
    pub file: Option<String>,
    /// Where in the file.
    #[serde(flatten)]
    pub location: Option<Location>,
    /// What to do about it.
    pub hint: Option<&'a str>,
}

/// The findings as JSON values.
pub fn to_json<'a>(findings: &'a [Finding], files: &Files) -> Vec<JsonFinding<'a>> {
    findings
        .iter()
        .map(|finding| JsonFinding {
            severity: finding.severity,
            code: finding.code,
            message: &finding.message,
            file: finding.file.as_ref().map(|file| file.display().to_string()),
            location: files.locate(finding),
            hint: finding.hint.as_deref(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_an_excerpt_of_a_long_line_with_the_file_s_line_and_column() {
        let prose = format!("{}eight studies{}", "é".repeat(200), " and more".repeat(30));
        let text = format!("year = 2021\nforeword = \"{prose}\"\n");
        let start = text.find("eight").expect("the words");
        let path = Path::new("programme/2021/programme.toml");
        let files = Files::new([(path, text.as_str())]);
        let finding = Finding::warning("totals-mismatch", "eight is not five")
            .at(path, Some(start..start + "eight studies".len()));
        let mut out = Vec::new();
        write_text(&mut out, std::slice::from_ref(&finding), &files, false).expect("writes");
        let shown = String::from_utf8(out).expect("utf-8");
        // The column counts characters of the whole line: `foreword = "` and 200 `é`.
        assert!(shown.contains("programme.toml:2:213\n"), "{shown}");
        let quoted = shown.lines().nth(3).expect("the quoted line");
        assert!(
            quoted.starts_with("2 | …éé") && quoted.ends_with('…'),
            "{quoted}"
        );
        assert!(quoted.chars().count() < 130, "{quoted}");
        let caret = shown.lines().nth(4).expect("the caret line");
        let column =
            |line: &str, needle: &str| line.find(needle).map(|i| line[..i].chars().count());
        assert_eq!(column(caret, "^"), column(quoted, "eight"));
        assert_eq!(caret.matches('^').count(), "eight studies".len());
    }

    #[test]
    fn quotes_the_line_with_a_caret_and_the_hint() {
        let text = "code = \"I.1.1\"\nstatsu = \"completed\"\n";
        let path = Path::new("programme/2021/activities/I.1.1.toml");
        let files = Files::new([(path, text)]);
        let finding = Finding::error("unknown-key", "unknown key `statsu`")
            .at(path, Some(15..21))
            .hint("did you mean `status`?");
        let mut out = Vec::new();
        write_text(&mut out, std::slice::from_ref(&finding), &files, false).expect("writes");
        let text = String::from_utf8(out).expect("utf-8");
        assert_eq!(
            text,
            "error[unknown-key]: unknown key `statsu`\n  \
             --> programme/2021/activities/I.1.1.toml:2:1\n  \
             |\n\
             2 | statsu = \"completed\"\n  \
             | ^^^^^^\n  \
             |\n  \
             = hint: did you mean `status`?\n\n"
        );
        let location = files.locate(&finding).expect("located");
        assert_eq!(
            location,
            Location {
                line: 2,
                column: 1,
                end_line: 2,
                end_column: 7
            }
        );
    }

    #[test]
    fn survives_spans_outside_the_text_and_inside_characters() {
        let text = "title = \"Perú\"\n";
        let path = Path::new("a.toml");
        let files = Files::new([(path, text)]);
        #[allow(clippy::reversed_empty_ranges)]
        let spans = [12..13, 40..50, 5..2];
        for span in spans {
            let finding = Finding::error("x", "y").at(path, Some(span));
            let mut out = Vec::new();
            write_text(&mut out, std::slice::from_ref(&finding), &files, true).expect("writes");
            assert!(files.locate(&finding).is_some());
        }
    }
}
