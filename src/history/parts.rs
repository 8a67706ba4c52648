//! Reading the many versions of an activity file that a walk meets, each part of a file
//! parsed once.
//!
//! Most versions of a file repeat most of the version before: a status or a progress
//! changes, a note or a participant is added, and the background, objectives and footnotes —
//! most of the bytes — stay as they were. So a version is cut into its parts, each top-level
//! `key = value` before the first table and each `[[name]]` table, and only the parts not met
//! before are parsed; the activity is then read from the parts put together. That is done
//! only where it is sure to mean what the whole file means: every part parses on its own
//! (a cut inside a multi-line string or array leaves the part before it open, so it does
//! not), each statement defines one key with a plain value (no dotted keys, inline tables or
//! dates, whose meaning depends on their neighbours), no key is defined twice, and the only
//! tables are elements of arrays of tables named by one bare key. Anything else is read
//! whole.

use std::collections::HashMap;

use serde::Deserialize as _;

use crate::model::Activity;

/// How many bytes of parts are kept before the parts read so far are forgotten: parts are
/// worth keeping while the walk meets later versions of the same files, and a walk over many
/// files that each change seldom would otherwise keep all of them.
const KEPT_BYTES: usize = 16 * 1024 * 1024;

/// Parts of activity files already read, by their text.
#[derive(Default)]
pub(super) struct Parts {
    /// Each top-level statement read: the key it defines and its value, or `None` when it is
    /// not one to read on its own.
    statements: HashMap<String, Option<(String, toml::Value)>>,
    /// Each table's text after its header: its keys and values, or `None` likewise.
    tables: HashMap<String, Option<toml::Table>>,
    /// The bytes of the texts kept in both.
    bytes: usize,
}

/// A part of a file, as cut.
#[derive(Debug, PartialEq)]
enum Part<'t> {
    /// A top-level `key = value`, with the comments and blank lines after it.
    Statement(&'t str),
    /// An element of the array of tables `name`: the text after its header line.
    Table { name: &'t str, body: &'t str },
}

impl Parts {
    /// The activity in `text`, if it deserialises: what `toml::from_str` gives.
    pub(super) fn parse(&mut self, text: &str) -> Option<Activity> {
        self.parse_in_parts(text)
            .or_else(|| toml::from_str::<Activity>(text).ok())
    }

    /// The activity read from the parts of `text`, when that is sure to mean what the whole
    /// file means (see the module's comment).
    fn parse_in_parts(&mut self, text: &str) -> Option<Activity> {
        if self.bytes > KEPT_BYTES {
            *self = Parts::default();
        }
        let mut root = toml::Table::new();
        let mut arrays: Vec<&str> = Vec::new();
        for part in cut(text)? {
            match part {
                Part::Statement(statement) => {
                    let (key, value) = self.statement(statement)?;
                    if root.insert(key, value).is_some() {
                        return None;
                    }
                }
                Part::Table { name, body } => {
                    let table = self.table(body)?;
                    if !arrays.contains(&name) {
                        if root.contains_key(name) {
                            return None;
                        }
                        arrays.push(name);
                        root.insert(name.to_string(), toml::Value::Array(Vec::new()));
                    }
                    if let Some(toml::Value::Array(items)) = root.get_mut(name) {
                        items.push(toml::Value::Table(table));
                    }
                }
            }
        }
        Activity::deserialize(toml::Value::Table(root)).ok()
    }

    /// The key and value of a top-level statement, read once.
    fn statement(&mut self, text: &str) -> Option<(String, toml::Value)> {
        if let Some(known) = self.statements.get(text) {
            return known.clone();
        }
        let read = toml::from_str::<toml::Table>(text).ok().and_then(|table| {
            let mut entries = table.into_iter();
            let (key, value) = entries.next()?;
            let alone = entries.next().is_none();
            (alone && !matches!(value, toml::Value::Table(_)) && plain(&value))
                .then_some((key, value))
        });
        self.bytes += text.len();
        self.statements.insert(text.to_string(), read.clone());
        read
    }

    /// The keys and values of a table's body, read once.
    fn table(&mut self, body: &str) -> Option<toml::Table> {
        if let Some(known) = self.tables.get(body) {
            return known.clone();
        }
        let read = toml::from_str::<toml::Table>(body).ok().filter(|table| {
            table
                .values()
                .all(|value| !matches!(value, toml::Value::Table(_)) && plain(value))
        });
        self.bytes += body.len();
        self.tables.insert(body.to_string(), read.clone());
        read
    }
}

/// Whether a value holds no date: a date read from a table built in parts is presented to
/// the model differently from one read with its document, so those files are read whole.
fn plain(value: &toml::Value) -> bool {
    match value {
        toml::Value::Datetime(_) => false,
        toml::Value::Array(items) => items.iter().all(plain),
        toml::Value::Table(table) => table.values().all(plain),
        _ => true,
    }
}

/// `text` cut into its parts, or `None` when it has a table that is not an element of an
/// array of tables named by one bare key. The cut follows multi-line strings and arrays only
/// well enough to cut a file as the tool writes it where its statements begin; a cut
/// anywhere else leaves a part that does not parse, and the file is then read whole.
fn cut(text: &str) -> Option<Vec<Part<'_>>> {
    // Where each part starts, and the name of the array of tables for a table's.
    let mut starts: Vec<(usize, usize, Option<&str>)> = Vec::new();
    let mut scan = Scan::default();
    let mut offset = 0;
    let mut in_tables = false;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if scan.inside() {
            scan.line(line);
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            let name = header(line)?;
            starts.push((start, offset, Some(name)));
            in_tables = true;
            continue;
        }
        let begins_key = trimmed
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '"' | '\''));
        if begins_key && !in_tables {
            starts.push((start, start, None));
        }
        scan.line(line);
    }
    // Text before the first part can only be blank lines and comments.
    let first = starts.first().map_or(text.len(), |&(start, _, _)| start);
    if !text[..first].lines().all(|line| {
        let line = line.trim_start_matches('\u{feff}').trim();
        line.is_empty() || line.starts_with('#')
    }) {
        return None;
    }
    let mut parts = Vec::with_capacity(starts.len());
    for (i, &(start, body_start, name)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |&(next, _, _)| next);
        parts.push(match name {
            Some(name) => Part::Table {
                name,
                body: text.get(body_start..end)?,
            },
            None => Part::Statement(text.get(start..end)?),
        });
    }
    Some(parts)
}

/// The name of an array of tables from its header line, `[[name]]` alone on its line with a
/// bare name; `None` for any other header.
fn header(line: &str) -> Option<&str> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let name = line.strip_prefix("[[")?.strip_suffix("]]")?;
    let bare = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
    bare.then_some(name)
}

/// Where a line-by-line reading stands: inside a multi-line string, or inside brackets.
#[derive(Default)]
struct Scan {
    /// The delimiter of the multi-line string open, if one is.
    string: Option<&'static str>,
    /// Brackets and braces open.
    depth: usize,
}

impl Scan {
    /// Whether the next line continues a statement.
    fn inside(&self) -> bool {
        self.string.is_some() || self.depth > 0
    }

    /// Reads one line: strings opened and closed, brackets opened and closed, comments.
    fn line(&mut self, line: &str) {
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if let Some(delimiter) = self.string {
                match line[i..].find(delimiter) {
                    Some(at) => {
                        i += at + delimiter.len();
                        // A closing delimiter may be followed by up to two more quotes,
                        // which belong to the string.
                        while i < bytes.len() && bytes[i] == delimiter.as_bytes()[0] {
                            i += 1;
                        }
                        self.string = None;
                    }
                    None => return,
                }
                continue;
            }
            match bytes[i] {
                b'#' => return,
                b'[' | b'{' => self.depth += 1,
                b']' | b'}' => self.depth = self.depth.saturating_sub(1),
                quote @ (b'"' | b'\'') => {
                    let triple = if quote == b'"' { "\"\"\"" } else { "'''" };
                    if line[i..].starts_with(triple) {
                        self.string = Some(triple);
                        i += 3;
                        continue;
                    }
                    // A one-line string: to its closing quote (a basic string's escaped
                    // quotes skipped), or to the end of the line.
                    i += 1;
                    while i < bytes.len() && bytes[i] != quote {
                        if quote == b'"' && bytes[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const HEAD: &str = "code = \"I.1.1\"\nproject = \"I.1\"\ntitle = \"T\"\nkind = \"event\"\n";
    const ONE: &str =
        "[[participants]]\norganisation = \"CAF\"\ncountry = \"Peru\"\nrole = \"speaker\"\n";
    const TWO: &str = "[[participants]]\r\norganisation = \"BID\"\r\ncountry = \"Chile\"\r\nrole = \"observer\"\r\n";

    #[test]
    fn reading_in_parts_gives_what_reading_the_whole_file_gives() {
        let other = "organisation = \"X\"\ncountry = \"Y\"\nrole = \"observer\"\n";
        let note = "[[notes]]\ndate = \"2021-01-02\"\ntext = \"n\"\n";
        let texts = [
            format!("{HEAD}{ONE}{TWO}{ONE}"),
            format!("{HEAD}{TWO}\n{note}"),
            format!("{HEAD}{note}{ONE}{TWO}"),
            format!("{HEAD}background = \"\"\"\n{ONE}\"\"\"\n{TWO}"),
            format!("{HEAD}background = '''\n{ONE}'''\n{TWO}"),
            format!("{HEAD}{ONE}notes = \"\"\"\n{TWO}\"\"\"\n"),
            format!("{HEAD}participants = []\n{ONE}"),
            format!("{HEAD}participants.x = 1\n{ONE}"),
            format!("{HEAD}{ONE}[participants.extra]\nx = 1\n{TWO}"),
            format!("{HEAD}{ONE}  [[participants]]\n{other}"),
            format!("{HEAD}[[participants]] # first\n{other}{ONE}"),
            format!("{HEAD}{ONE}role = \"speaker\"\n{TWO}"),
            format!("{HEAD}{ONE}status = \"done\"\n"),
            format!("{HEAD}{ONE}organisation = \"unterminated\n"),
            format!("{HEAD}{ONE}name.first = \"A\"\n"),
            format!("{HEAD}[[participants]]\r\r\n{other}"),
            format!("{HEAD}{ONE}[[participants]]"),
            format!("{HEAD}progress = 101\n{ONE}"),
            format!("code = \"I.1.1\"\n{ONE}"),
            format!("{ONE}{HEAD}"),
            format!("{HEAD}title = \"again\"\n"),
            format!("{HEAD}objectives = [\n\"a\",\n\"b\"\n]\n{ONE}"),
            format!("{HEAD}objectives = [\n  \"a ] [\",\n  'b # c',\n]\n"),
            format!("{HEAD}background = \"\"\"\nsays \"\"\"\" ok\n\"\"\"\n"),
            format!("{HEAD}background = \"\"\"x\"\"\"\"\"\nprogress = 3\n"),
            format!("{HEAD}background = \"a \\\" \\\\\"\nprogress = 3\n"),
            format!("\u{feff}{HEAD}"),
            format!("# a comment\n\n{HEAD}# another\n"),
            format!("stray text\n{HEAD}"),
            format!("{HEAD}actual_end = 2021-03-04\n"),
            format!("{HEAD}venue = {{ city = \"Lima\" }}\n"),
            format!("{HEAD}\"title\" = \"quoted\"\n"),
            format!("{HEAD}'quoted key' = 1\n"),
            format!("{HEAD}[[notes]]\ndate = 2021-01-02\ntext = \"n\"\n"),
            format!("{HEAD}[[ participants ]]\n{other}"),
            HEAD.to_string(),
            String::new(),
        ];
        let mut parts = Parts::default();
        for _ in 0..2 {
            for text in &texts {
                assert_eq!(
                    parts.parse(text),
                    toml::from_str::<Activity>(text).ok(),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn a_file_as_the_tool_writes_it_is_read_in_parts() {
        let text = format!(
            "{HEAD}background = \"\"\"\nFirst.\n\nSecond [^1].\n\"\"\"\nobjectives = [\n    \"One.\",\n    \"Two.\",\n]\n\n[[footnotes]]\nid = \"1\"\ntext = \"\"\"\nA note.\n\"\"\"\n\n{ONE}"
        );
        let cut = cut(&text).expect("cut");
        assert_eq!(cut.len(), 8, "{cut:?}");
        assert!(matches!(cut[4], Part::Statement(s) if s.starts_with("background")));
        assert!(matches!(
            cut[6],
            Part::Table {
                name: "footnotes",
                ..
            }
        ));
        let mut parts = Parts::default();
        assert!(parts.parse_in_parts(&text).is_some());
        assert_eq!(parts.parse_in_parts(&text), toml::from_str(&text).ok());
    }

    /// Lines that look like TOML, or nearly: what an activity file is made of, and the
    /// mistakes and tricks that could mislead a cut.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("code = \"I.1.1\"\n".to_string()),
            Just("project = \"I.1\"\n".to_string()),
            Just("title = \"T\"\n".to_string()),
            Just("kind = \"event\"\n".to_string()),
            Just("status = \"ongoing\"\n".to_string()),
            Just("progress = 40\n".to_string()),
            Just("progress = \"half\"\n".to_string()),
            Just("background = \"\"\"\n".to_string()),
            Just("background = '''\n".to_string()),
            Just("\"\"\"\n".to_string()),
            Just("'''\n".to_string()),
            Just("objectives = [\n".to_string()),
            Just("    \"One.\",\n".to_string()),
            Just("]\n".to_string()),
            Just("[[participants]]\n".to_string()),
            Just("[[notes]]\n".to_string()),
            Just("[[footnotes]]\n".to_string()),
            Just("[participants]\n".to_string()),
            Just("organisation = \"CAF\"\n".to_string()),
            Just("country = \"Peru\"\n".to_string()),
            Just("role = \"speaker\"\n".to_string()),
            Just("date = \"2021-01-02\"\n".to_string()),
            Just("date = 2021-01-02\n".to_string()),
            Just("text = \"n\"\n".to_string()),
            Just("id = \"1\"\n".to_string()),
            Just("# comment\n".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("partners = [\"CAF\", \"BID\"]\n".to_string()),
            Just("venue = { city = \"Lima\" }\n".to_string()),
            Just("name.first = \"A\"\n".to_string()),
            "[a-z =\"'\\[\\]#{}\\\\]{0,12}\n",
        ]
    }

    proptest! {
        #[test]
        fn any_text_reads_in_parts_as_it_reads_whole(
            lines in proptest::collection::vec(line(), 0..40),
            again in proptest::collection::vec(line(), 0..40),
        ) {
            let mut parts = Parts::default();
            for lines in [&lines, &again, &lines] {
                let text = format!("{HEAD}{}", lines.concat());
                prop_assert_eq!(parts.parse(&text), toml::from_str::<Activity>(&text).ok());
            }
        }
    }
}
