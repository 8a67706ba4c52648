//! Characters in text fields that no reader sees: control characters and bidirectional
//! formatting, pointed at where the file writes them (the character itself or its escape).
//!
//! A control character (`ESC`, `BEL`, a C1 control) never shows in a document and would act on
//! a terminal; a bidirectional embedding, override or isolate makes the text after it show in
//! another order than it is stored, so a reviewer reads one title and the document prints
//! another. They are warnings, except bidirectional controls in a title, which are errors:
//! a title is what the Council reads first. Direction marks (`U+200E`, `U+200F`, `U+061C`)
//! are warnings everywhere; right-to-left names may need them.

use std::ops::Range;
use std::path::Path;

use crate::diagnostic::Finding;
use crate::output::{self, Hidden};
use crate::syntax::tree::{DisplayPath, Node, Tree};

/// Each string value of a parsed file that holds hidden characters: a finding per kind of
/// character and field, at the first of them.
pub fn check_hidden(file: &Path, text: &str, tree: &Tree) -> Vec<Finding> {
    let mut findings = Vec::new();
    for node in tree.nodes.iter().filter(|node| node.is_string) {
        let Some(span) = node.value.clone() else {
            continue;
        };
        let Some(literal) = text.get(span.clone()) else {
            continue;
        };
        let mut found: Vec<(Hidden, Range<usize>, char, usize)> = Vec::new();
        for (range, c) in written_characters(literal) {
            let Some(kind) = output::hidden(c) else {
                continue;
            };
            match found.iter_mut().find(|(k, ..)| *k == kind) {
                Some((.., count)) => *count += 1,
                None => found.push((kind, range, c, 1)),
            }
        }
        for (kind, range, c, count) in found {
            let at = span.start + range.start..span.start + range.end;
            findings.push(finding(node, kind, c, count).at(file, Some(at)));
        }
    }
    findings
}

fn finding(node: &Node, kind: Hidden, c: char, count: usize) -> Finding {
    let field = DisplayPath(&node.path);
    let name = output::name(c).map_or(String::new(), |name| format!(" ({name})"));
    let more = match count {
        1 => String::new(),
        n => crate::tr!("check-hidden-more", count = n - 1),
    };
    let character = format!("U+{:04X}{name}", u32::from(c));
    match kind {
        Hidden::Control => Finding::warning(
            "control-character",
            crate::tr!(
                "check-control-character",
                field = field.to_string(),
                character = character,
                more = more
            ),
        )
        .hint(crate::tr!("check-control-character-hint")),
        Hidden::BidiControl => {
            let message = crate::tr!(
                "check-bidi-control",
                field = field.to_string(),
                character = character,
                more = more
            );
            let is_title = matches!(node.key_name(), Some("title" | "contents_title"));
            let hint = crate::tr!("check-bidi-control-hint");
            if is_title {
                Finding::error("bidi-control", message).hint(hint)
            } else {
                Finding::warning("bidi-control", message).hint(hint)
            }
        }
        Hidden::BidiMark => Finding::warning(
            "bidi-mark",
            crate::tr!(
                "check-bidi-mark",
                field = field.to_string(),
                character = character,
                more = more
            ),
        )
        .hint(crate::tr!("check-bidi-mark-hint")),
    }
}

/// The characters a TOML string literal stands for, each with the range of the literal that
/// writes it: a character as it is, or its escape (`\e`, `\u001B`). Line breaks of a
/// multi-line string (`\r\n` included) and a line-ending backslash stand for nothing hidden.
fn written_characters(literal: &str) -> Vec<(Range<usize>, char)> {
    let (quote, basic) = if literal.starts_with("\"\"\"") {
        (3, true)
    } else if literal.starts_with("'''") {
        (3, false)
    } else if literal.starts_with('"') {
        (1, true)
    } else if literal.starts_with('\'') {
        (1, false)
    } else {
        return Vec::new();
    };
    let end = literal.len().saturating_sub(quote).max(quote);
    let body = literal.get(quote..end).unwrap_or_default();
    let mut out = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let start = quote + at;
        if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
            chars.next();
            continue;
        }
        if !(basic && c == '\\') {
            out.push((start..start + c.len_utf8(), c));
            continue;
        }
        let Some((_, escape)) = chars.next() else {
            break;
        };
        let digits = match escape {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        let decoded = match escape {
            'b' => Some('\u{8}'),
            'e' => Some('\u{1b}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            '\\' | '"' => Some(escape),
            _ if digits > 0 => {
                let hex: String = (0..digits)
                    .map_while(|_| chars.next_if(|(_, d)| d.is_ascii_hexdigit()))
                    .map(|(_, d)| d)
                    .collect();
                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
            }
            // A line-ending backslash: the white space after it stands for nothing.
            _ => None,
        };
        let stop = chars.peek().map_or(body.len(), |&(i, _)| i);
        if let Some(decoded) = decoded {
            out.push((start..quote + stop, decoded));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden_in(text: &str) -> Vec<(String, &'static str, Option<crate::diagnostic::Severity>)> {
        let tree = Tree::parse(text).expect("valid TOML");
        check_hidden(Path::new("a.toml"), text, &tree)
            .into_iter()
            .map(|f| {
                let span = f.span.clone().expect("placed");
                (text[span].to_string(), f.code, Some(f.severity))
            })
            .collect()
    }

    #[test]
    fn points_at_each_hidden_character_as_the_file_writes_it() {
        use crate::diagnostic::Severity::{Error, Warning};
        let text = "title = \"Hi \\e]0;x\\u0007 \\u202Eevil\"\n\
                    venue = 'raw \u{85} C1'\n\
                    notes = [\"a\\U0000009Bb\", \"fine \\\\e not an escape\"]\n\
                    background = \"\"\"\r\nline\r\n\u{200f}mark \\\r\n  joined\t\"\"\"\n";
        assert_eq!(
            hidden_in(text),
            [
                ("\\e".to_string(), "control-character", Some(Warning)),
                ("\\u202E".to_string(), "bidi-control", Some(Error)),
                ("\u{85}".to_string(), "control-character", Some(Warning)),
                (
                    "\\U0000009B".to_string(),
                    "control-character",
                    Some(Warning)
                ),
                ("\u{200f}".to_string(), "bidi-mark", Some(Warning)),
            ]
        );
    }

    #[test]
    fn counts_the_others_and_tells_titles_from_prose() {
        let text = "background = \"a\\u202Eb\\u202Ec\\u202Ed\"\n[[areas]]\ntitle = \"\\u2066x\"\n";
        let tree = Tree::parse(text).expect("valid TOML");
        let findings = check_hidden(Path::new("a.toml"), text, &tree);
        assert_eq!(findings.len(), 2);
        assert!(!findings[0].is_error());
        assert!(
            findings[0]
                .message
                .ends_with("written (2 more in this field)")
        );
        assert!(findings[1].is_error(), "{:?}", findings[1]);
        assert!(findings[1].message.starts_with("`areas[0].title`"));
    }
}
