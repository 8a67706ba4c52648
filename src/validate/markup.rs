//! What the documents do with the markup of prose: raw HTML they leave out, HTML comments,
//! images, nesting too deep. The remarks of [`crate::markdown`], placed in the file.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use crate::diagnostic::Finding;
use crate::markdown::{self, MAX_DEPTH, RemarkKind, html};
use crate::syntax::shape::Shape;
use crate::syntax::tree::Tree;

/// The findings about every markdown value of a file (as `shape` marks them).
pub fn check_prose(file: &Path, text: &str, tree: &Tree, shape: &Shape) -> Vec<Finding> {
    let mut findings = Vec::new();
    for node in tree.nodes.iter().filter(|node| node.is_string) {
        let prose = matches!(
            shape.at(&node.path),
            Some(Shape::Scalar { markdown: true, .. })
        );
        let Some(span) = node.value.clone().filter(|_| prose) else {
            continue;
        };
        let Some(written) = text.get(span.clone()).and_then(TomlString::read) else {
            continue;
        };
        let at = |range: Range<usize>| {
            Some(span.start + written.place(range.start)..span.start + written.place(range.end))
        };
        // One finding for each construct not shown, at its first place, however often it
        // comes: a pasted web page would otherwise bury everything else.
        let mut unshown: BTreeMap<String, (Range<usize>, usize)> = BTreeMap::new();
        for remark in markdown::remarks(&written.value) {
            let finding = match remark.kind {
                RemarkKind::Html { construct } => {
                    unshown
                        .entry(construct)
                        .and_modify(|(_, count)| *count += 1)
                        .or_insert((remark.span, 1));
                    continue;
                }
                RemarkKind::Comment => {
                    Finding::note("html-comment", crate::tr!("check-html-comment"))
                        .hint(crate::tr!("check-html-comment-hint"))
                }
                RemarkKind::Unclosed { name } => Finding::warning(
                    "unclosed-html",
                    crate::tr!("check-unclosed-html", name = name.as_str()),
                )
                .hint(crate::tr!("check-unclosed-html-hint", name = name.as_str())),
                RemarkKind::Unopened { name } => Finding::warning(
                    "unclosed-html",
                    crate::tr!("check-unopened-html", name = name.as_str()),
                )
                .hint(crate::tr!("check-unopened-html-hint", name = name.as_str())),
                RemarkKind::Image => Finding::warning("image", crate::tr!("check-image"))
                    .hint(crate::tr!("check-image-hint")),
                RemarkKind::TooDeep { depth } => Finding::error(
                    "too-deep",
                    crate::tr!("check-too-deep", depth = depth, most = MAX_DEPTH),
                )
                .hint(crate::tr!("check-too-deep-hint")),
                RemarkKind::FootnoteDefinition { label } => Finding::warning(
                    "footnote-in-text",
                    crate::tr!("check-footnote-in-text", label = label.as_str()),
                )
                .hint(crate::tr!(
                    "check-footnote-in-text-hint",
                    label = label.as_str()
                )),
            };
            findings.push(finding.at(file, at(remark.span)));
        }
        for (construct, (first, count)) in unshown {
            findings.push(
                Finding::warning(
                    "unsupported-html",
                    crate::tr!(
                        "check-unsupported-html",
                        construct = construct.as_str(),
                        count = count
                    ),
                )
                .at(file, at(first))
                .hint(crate::tr!(
                    "check-unsupported-html-hint",
                    tags = shown_tags()
                )),
            );
        }
    }
    findings
}

/// The tags shown, as a hint lists them: `<sub>`, `<sup>`, ….
fn shown_tags() -> String {
    html::SHOWN
        .iter()
        .map(|name| {
            if *name == "a" {
                "`<a href>`".to_string()
            } else {
                format!("`<{name}>`")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A TOML string as written, read: its value, and where each part of the value is written.
#[derive(Debug)]
struct TomlString<'a> {
    /// The value: the text as written where nothing is escaped, as most prose is.
    value: Cow<'a, str>,
    /// Where the value and the text stop running in step: (offset in the value, offset in the
    /// text), from the start of each, in order.
    steps: Vec<(usize, usize)>,
}

impl<'a> TomlString<'a> {
    /// Reads `raw`, a TOML string with its quotes; `None` if it is not one.
    fn read(raw: &'a str) -> Option<TomlString<'a>> {
        let mut string = TomlString {
            value: Cow::Borrowed(""),
            steps: Vec::new(),
        };
        for quotes in ["\"\"\"", "'''", "\"", "'"] {
            let Some(body) = raw
                .strip_prefix(quotes)
                .and_then(|rest| rest.strip_suffix(quotes))
                .filter(|_| raw.len() >= 2 * quotes.len())
            else {
                continue;
            };
            let mut start = quotes.len();
            let mut body = body;
            if quotes.len() == 3 {
                // A line break right after the opening quotes is not part of the value.
                let trimmed = body
                    .strip_prefix("\r\n")
                    .or_else(|| body.strip_prefix('\n'))
                    .unwrap_or(body);
                start += body.len() - trimmed.len();
                body = trimmed;
            }
            string.steps.push((0, start));
            if quotes.starts_with('\'') || !body.contains('\\') {
                string.value = Cow::Borrowed(body);
            } else {
                string.value = Cow::Owned(String::with_capacity(body.len()));
                string.unescape(body, start)?;
            }
            return Some(string);
        }
        None
    }

    /// Appends the value of a basic string's `body`, which starts at `start` in the text.
    fn unescape(&mut self, body: &str, start: usize) -> Option<()> {
        let value = self.value.to_mut();
        let mut rest = body;
        while let Some(backslash) = rest.find('\\') {
            value.push_str(&rest[..backslash]);
            let after = &rest[backslash + 1..];
            let (decoded, len) = escape(after)?;
            value.push_str(&decoded);
            rest = &after[len..];
            let offset = start + (body.len() - rest.len());
            self.steps.push((value.len(), offset));
        }
        value.push_str(rest);
        Some(())
    }

    /// Where the byte `offset` of the value is written, from the start of the string.
    fn place(&self, offset: usize) -> usize {
        let index = self.steps.partition_point(|(value, _)| *value <= offset);
        match index.checked_sub(1).and_then(|i| self.steps.get(i)) {
            Some((value, text)) => text + (offset - value),
            None => offset,
        }
    }
}

/// The escape after a backslash: what it stands for and how long it is (the backslash not
/// counted). A backslash at the end of a line joins the next non-blank line.
fn escape(after: &str) -> Option<(String, usize)> {
    let mut chars = after.chars();
    let simple = match chars.next()? {
        'b' => '\u{8}',
        't' => '\t',
        'n' => '\n',
        'f' => '\u{C}',
        'r' => '\r',
        'e' => '\u{1B}',
        '"' => '"',
        '\\' => '\\',
        'x' => return hex(after, 2),
        'u' => return hex(after, 4),
        'U' => return hex(after, 8),
        ' ' | '\t' | '\r' | '\n' => {
            let len = after.len() - after.trim_start_matches([' ', '\t', '\r', '\n']).len();
            return after[..len].contains('\n').then(|| (String::new(), len));
        }
        _ => return None,
    };
    Some((simple.to_string(), 1))
}

/// The character of the `digits` hexadecimal digits after the escape's letter.
fn hex(after: &str, digits: usize) -> Option<(String, usize)> {
    let code = after.get(1..=digits)?;
    let value = u32::from_str_radix(code, 16).ok()?;
    Some((char::from_u32(value)?.to_string(), 1 + digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> TomlString<'_> {
        TomlString::read(raw).unwrap_or_else(|| panic!("reads {raw:?}"))
    }

    #[test]
    fn reads_every_kind_of_string_as_the_toml_parser_does() {
        for raw in [
            r#""plain""#,
            r#""tab\there \"q\" \\ \u00e9 \U0001F600 \x41""#,
            "\"\"\"\nfirst\nsecond \\\n   joined\\n\"\"\"",
            "\"\"\"\r\nwindows\r\n\"\"\"",
            "'literal \\n'",
            "'''\nmulti \\ line\n'''",
            "\"\"\"\"\"\"",
            "''",
        ] {
            let document = format!("x = {raw}\n");
            let parsed: toml::Table = toml::from_str(&document).expect("valid TOML");
            let expected = parsed["x"].as_str().expect("a string");
            assert_eq!(read(raw).value, expected, "{raw}");
        }
    }

    #[test]
    fn places_value_offsets_in_the_text() {
        let raw = "\"\"\"\na\\tb <!-- c -->\\\n   d <x>\"\"\"";
        let string = read(raw);
        assert_eq!(string.value, "a\tb <!-- c -->d <x>");
        for needle in ["<!--", "d <x>", "<x>"] {
            let offset = string.value.find(needle).expect("in the value");
            let placed = string.place(offset);
            assert!(
                raw[placed..].starts_with(needle),
                "{needle}: {}",
                &raw[placed..]
            );
        }
        assert_eq!(string.place(0), 4);
    }

    proptest::proptest! {
        #[test]
        fn reads_any_string_as_written_by_toml(value in "\\PC{0,80}(\n\\PC{0,20}){0,3}") {
            let document = toml::to_string(&toml::Table::from_iter([(
                "x".to_string(),
                toml::Value::String(value.clone()),
            )]))
            .expect("serialises");
            let raw = document
                .strip_prefix("x = ")
                .and_then(|rest| rest.strip_suffix('\n'))
                .expect("one key");
            let string = read(raw);
            proptest::prop_assert_eq!(&string.value, &value);
            // Every character of the value that stands for itself is written where it is placed.
            for (offset, c) in value.char_indices() {
                if c.is_alphanumeric() {
                    let placed = string.place(offset);
                    proptest::prop_assert!(raw[placed..].starts_with(c), "{offset} in {raw:?}");
                }
            }
        }
    }
}
