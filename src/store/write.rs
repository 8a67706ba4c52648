//! Writing programme files: deterministic layout for new files, atomic replacement always.

use std::io::Write as _;
use std::path::Path;

use serde::Serialize;
use toml_edit::{DocumentMut, Item, Value};

use super::StoreError;

/// The keys whose values are prose (markdown): written as multi-line strings when long.
pub const PROSE_KEYS: &[&str] = &[
    "notice",
    "foreword",
    "introduction",
    "background",
    "summary",
    "audience",
    "objectives_lead",
    "objectives_closing",
    "expected_results_lead",
    "expected_results_closing",
    "text",
];

/// Prose longer than this, or with a line break, is written as a multi-line string.
const LONG: usize = 80;

/// The text of a new file for `value`: keys in the model's order, one value per line,
/// arrays one item a line, prose as multi-line strings.
pub fn to_toml<T: Serialize>(value: &T) -> Result<String, toml::ser::Error> {
    let pretty = toml::to_string_pretty(value)?;
    let Ok(mut document) = pretty.parse::<DocumentMut>() else {
        // The serialiser's own output always parses; keep it as it is if it ever does not.
        return Ok(pretty);
    };
    layout_table(document.as_table_mut());
    Ok(document.to_string())
}

/// Lays out the values of `table` and of the tables under it.
fn layout_table(table: &mut toml_edit::Table) {
    for (key, item) in table.iter_mut() {
        match item {
            Item::Value(value) => layout_value(key.get(), value),
            Item::Table(inner) => layout_table(inner),
            Item::ArrayOfTables(array) => {
                for inner in array.iter_mut() {
                    layout_table(inner);
                }
            }
            Item::None => {}
        }
    }
}

/// Prose as a multi-line string; arrays one item a line.
fn layout_value(key: &str, value: &mut Value) {
    match value {
        Value::String(text) if PROSE_KEYS.contains(&key) => {
            let text = text.value();
            if (text.chars().count() > LONG || text.contains('\n'))
                && let Ok(mut multi) = multi_line(text).parse::<Value>()
            {
                *multi.decor_mut() = value.decor().clone();
                *value = multi;
            }
        }
        Value::Array(array) if !array.is_empty() => {
            for item in array.iter_mut() {
                item.decor_mut().set_prefix("\n    ");
                item.decor_mut().set_suffix("");
            }
            array.set_trailing_comma(true);
            array.set_trailing("\n");
        }
        _ => {}
    }
}

/// `text` as a TOML multi-line basic string: `"""`, a newline, the text with backslashes,
/// control characters and runs of quotes escaped, then `"""` on a line of its own. A text
/// without a final newline ends with a line-ending backslash, so it reads back the same.
pub fn multi_line(text: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    let mut quotes = 0;
    for c in text.chars() {
        if c == '"' {
            quotes += 1;
            if quotes == 3 {
                out.push_str("\\\"");
                quotes = 0;
            } else {
                out.push('"');
            }
            continue;
        }
        quotes = 0;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push('\n'),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    // A quote just before the closing delimiter would merge with it.
    if out.ends_with('"') {
        out.pop();
        out.push_str("\\\"");
    }
    if !text.ends_with('\n') {
        out.push_str("\\\n");
    }
    out.push_str("\"\"\"");
    out
}

/// Replaces `path` with `contents` so that readers see the old file or the new one, never
/// a part: writes a temporary file in the same folder, flushes it, then renames it over.
pub fn atomic_write(path: &Path, contents: &str) -> Result<(), StoreError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(StoreError::io("cannot create", dir))?;
    let mut file =
        tempfile::NamedTempFile::new_in(dir).map_err(StoreError::io("cannot write in", dir))?;
    file.write_all(contents.as_bytes())
        .map_err(StoreError::io("cannot write", path))?;
    file.as_file()
        .sync_all()
        .map_err(StoreError::io("cannot write", path))?;
    file.persist(path)
        .map_err(|e| StoreError::io("cannot replace", path)(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Sample {
        title: String,
        background: String,
        audience: String,
        text: String,
        items: Vec<String>,
    }

    #[test]
    fn prose_is_multi_line_and_reads_back_the_same() {
        let sample = Sample {
            title: "A title that is rather long but is not prose so it stays on one line, always"
                .into(),
            background: "One \"quoted\" paragraph with a back\\slash.\n\nTwo: \"\"\"\n".into(),
            audience: "Short.".into(),
            text: "A long text without a final newline, long enough to be written on lines.\""
                .into(),
            items: vec!["one".into(), "two".into()],
        };
        let written = to_toml(&sample).expect("serialises");
        assert!(
            written.contains("background = \"\"\"\nOne \"quoted\""),
            "{written}"
        );
        assert!(written.contains("audience = \"Short.\""), "{written}");
        assert!(
            written.contains("items = [\n    \"one\",\n    \"two\",\n]"),
            "{written}"
        );
        let read: Sample = toml::from_str(&written).expect("reads back");
        assert_eq!(read, sample);
    }
}
