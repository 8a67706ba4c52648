//! Every CSV the tool writes: cells a spreadsheet reads as text, never as a formula.
//!
//! A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` as a formula
//! (`=HYPERLINK(…)` sends the reader away, `=cmd|…` runs a program on some systems). Following
//! OWASP's rule for CSV injection, a cell that begins with one of them, or with a tab or a line
//! break, gets a leading `'`, which spreadsheets take as "this is text"; so does one where they
//! follow leading white space, which some spreadsheets trim. Every cell is quoted, so a `;` or
//! `,` inside a value cannot start a new cell in a spreadsheet that splits on it. A CSV is
//! also read on terminals: characters that would act on one are written escaped as
//! [`escape`](super::escape) shows them (`\u{1b}`); tabs and line breaks inside a cell stay
//! (a line break as `\n`).
//! The exact text is in the JSON outputs.
//!
//! A list or a table in one cell ([`Cell::Json`]) is JSON with its hidden characters as JSON
//! escapes ([`super::json`]): it is written as it is, since nothing in it acts on a terminal and
//! it begins with `[` or `{`, never as a formula; `json.loads` or any JSON reader reads it back
//! exactly.

use std::borrow::Cow;
use std::io;

/// A CSV writer whose cells are made safe by [`cell`].
pub struct Writer<W: io::Write> {
    inner: csv::Writer<W>,
}

impl<W: io::Write> Writer<W> {
    /// A writer of comma-separated, quoted cells to `out`.
    pub fn new(out: W) -> Self {
        let inner = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .from_writer(out);
        Writer { inner }
    }

    /// Writes one row.
    pub fn write_record<I, S>(&mut self, cells: I) -> io::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.inner
            .write_record(
                cells
                    .into_iter()
                    .map(|text| cell(text.as_ref()).into_owned()),
            )
            .map_err(to_io)
    }

    /// Writes one row whose cells are text or JSON.
    pub fn write_cells<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) -> io::Result<()> {
        let mut row = Vec::new();
        for item in cells {
            row.push(match item {
                Cell::Text(text) => cell(&text).into_owned(),
                Cell::Json(value) => {
                    super::json::to_string_compact(value).map_err(io::Error::from)?
                }
            });
        }
        self.inner.write_record(row).map_err(to_io)
    }

    /// Writes out what is buffered.
    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A cell of [`Writer::write_cells`].
#[derive(Debug, Clone)]
pub enum Cell<'a> {
    /// Text, made safe by [`cell`].
    Text(Cow<'a, str>),
    /// A list or a table, written as JSON.
    Json(&'a serde_json::Value),
}

fn to_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// `text` as a CSV cell: escaped for a terminal, and with a leading `'` when a spreadsheet
/// would otherwise run it as a formula. A line break written `\r\n` is written `\n`.
pub fn cell(text: &str) -> Cow<'_, str> {
    let escaped = if text.contains("\r\n") {
        Cow::Owned(super::escape(&text.replace("\r\n", "\n")).into_owned())
    } else {
        super::escape(text)
    };
    if runs_as_formula(&escaped) {
        Cow::Owned(format!("'{escaped}"))
    } else {
        escaped
    }
}

/// Whether a spreadsheet would take a cell beginning so for a formula.
fn runs_as_formula(text: &str) -> bool {
    text.starts_with(['\t', '\r', '\n'])
        || text
            .trim_start()
            .starts_with(['=', '+', '-', '@', '\t', '\r', '\n'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas_by_owasp_s_rule() {
        for formula in [
            "=HYPERLINK(\"http://evil\",\"click\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\n=1",
            "  =1+1",
            "\u{a0}@x",
        ] {
            let shown = cell(formula);
            assert!(shown.starts_with('\''), "{formula:?} gave {shown:?}");
            assert_eq!(&shown[1..], &*crate::output::escape(formula));
        }
        for text in ["Lima", "1 = 1", "e-mail", "", "40", "2021-06-20", "'quoted"] {
            assert_eq!(cell(text), text);
        }
        // A carriage return is escaped, so a cell never begins with one; one that ends a line
        // is left out.
        assert_eq!(cell("\r=1"), "\\u{d}=1");
        assert_eq!(cell("one\r\ntwo\r"), "one\ntwo\\u{d}");
    }

    #[test]
    fn quotes_every_cell_and_reads_back() {
        let mut out = Vec::new();
        let mut writer = Writer::new(&mut out);
        writer
            .write_record(["Lima; =1+1", "=1+2\";=1+2", "a\u{1b}[31mb", "two\nlines"])
            .expect("writes");
        writer.flush().expect("flushes");
        drop(writer);
        let text = String::from_utf8(out).expect("utf-8");
        assert_eq!(
            text,
            "\"Lima; =1+1\",\"'=1+2\"\";=1+2\",\"a\\u{1b}[31mb\",\"two\nlines\"\n"
        );
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let row = reader
            .records()
            .next()
            .expect("a row")
            .expect("a valid row");
        assert_eq!(
            row.iter().collect::<Vec<_>>(),
            ["Lima; =1+1", "'=1+2\";=1+2", "a\\u{1b}[31mb", "two\nlines"]
        );
    }
}
