//! JSON as every command prints it: pretty, with every [`hidden`](super::hidden) character
//! written as a JSON escape.
//!
//! serde_json escapes the C0 controls but writes `DEL`, the C1 controls and the bidirectional
//! controls as they are, so a JSON output shown on a terminal (`programa list --json`, or a
//! pager) could still act on it or reorder it. Escaped, they read back as the same strings.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

/// Writes `value` as pretty JSON with hidden characters escaped.
pub fn to_writer_pretty<W: io::Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer = Serializer::with_formatter(writer, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer)
}

/// [`to_writer_pretty`] into a string.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut bytes = Vec::new();
    to_writer_pretty(&mut bytes, value)?;
    // Only whole strings and ASCII are written.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `value` as JSON on one line with no spaces, hidden characters escaped: for a list inside
/// a CSV cell.
pub fn to_string_compact<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut bytes = Vec::new();
    let mut serializer = Serializer::with_formatter(&mut bytes, Escaping(CompactFormatter));
    value.serialize(&mut serializer)?;
    // Only whole strings and ASCII are written.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A formatter that writes strings with hidden characters as `\uXXXX` and leaves the rest to
/// the formatter it wraps.
struct Escaping<F>(F);

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Every hidden character not escaped already is DEL or starts with one of these bytes.
        if !fragment
            .bytes()
            .any(|b| matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2))
        {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if super::hidden(c).is_some() {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                // Every hidden character is in the Basic Multilingual Plane: four digits.
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_serde_json_leaves_raw_and_reads_back_the_same() {
        let value = serde_json::json!({
            "title\u{202e}": ["a\u{1b}[31m", "b\u{7f}\u{85}\u{9b}", "c\u{202e}\u{2066}\u{200f}\u{61c}", "Perú ✓"],
        });
        let text = to_string_pretty(&value).expect("serialises");
        assert!(text.is_ascii() || text.contains("Perú ✓"), "{text}");
        assert!(
            !text.chars().any(|c| super::super::hidden(c).is_some()),
            "{text}"
        );
        assert!(text.contains(r"a\u001b[31m"), "{text}");
        assert!(text.contains(r"b\u007f\u0085\u009b"), "{text}");
        assert!(text.contains(r"c\u202e\u2066\u200f\u061c"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, value);
        // Laid out as serde_json's own pretty printer does.
        assert_eq!(
            to_string_pretty(&serde_json::json!({"a": [1, {"b": null}]})).expect("serialises"),
            serde_json::to_string_pretty(&serde_json::json!({"a": [1, {"b": null}]}))
                .expect("serialises")
        );
    }
}
