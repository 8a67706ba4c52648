//! Text from the files as markdown that reads as the text, whatever it holds: for comments
//! posted on a pull or merge request.
//!
//! Every ASCII punctuation character is escaped with a backslash (CommonMark lets any of them
//! be, and then reads it as itself), so no text can open emphasis, a link, an image, raw HTML,
//! a table cell, a heading, a list, an `@mention` or an issue reference; line breaks become
//! spaces, so a text cannot start a block of its own either. Hidden characters are shown as on
//! a terminal (`\u{1b}`).

/// `text` from a file as literal markdown on one line, its hidden characters shown as
/// [`super::escape_line`] shows them.
pub fn escape(text: &str) -> String {
    let flat: Vec<&str> = text.split_whitespace().collect();
    escape_shown(&super::escape_line(&flat.join(" ")))
}

/// [`escape`] for text already escaped for a terminal (a phrase of `programa diff`): only
/// the markdown is escaped.
pub fn escape_shown(shown: &str) -> String {
    let mut out = String::with_capacity(shown.len() + 8);
    for (i, word) in shown.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_is_escaped_and_lines_joined() {
        assert_eq!(escape("a *b*\n| c"), r"a \*b\* \| c");
        assert_eq!(escape("<b> @x #1"), r"\<b\> \@x \#1");
        assert_eq!(escape("bell\u{7}"), r"bell\\u\{7\}");
    }
}
