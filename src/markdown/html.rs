//! The raw HTML of prose, as CommonMark defines it (open and closing tags, comments, processing
//! instructions, declarations, CDATA sections), and which of its elements the documents show.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Parser};

/// One piece of raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text between tags, with its entities (`&amp;`) not yet decoded.
    Text(&'a str),
    /// An open tag `<a href="…">`, or a self-closing one `<br />`.
    Open(Tag),
    /// A closing tag `</a>`.
    Close(String),
    /// A comment `<!-- … -->`.
    Comment,
    /// A processing instruction `<?…?>`, a declaration `<!DOCTYPE …>` or a CDATA section.
    Other,
}

/// An open tag: its name in lower case and its attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The element's name, in lower case.
    pub name: String,
    /// The attributes, names in lower case, values with their entities decoded.
    pub attributes: Vec<(String, String)>,
    /// Whether it ends in `/>`.
    pub self_closing: bool,
}

impl Tag {
    /// The value of the attribute `name`, if the tag has it.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// What an element the documents show becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    /// `<sub>`: subscript.
    Sub,
    /// `<sup>`: superscript.
    Sup,
    /// `<em>`, `<i>`: emphasis.
    Emph,
    /// `<strong>`, `<b>`: strong emphasis.
    Strong,
    /// `<s>`, `<del>`: struck-out text.
    Strike,
    /// `<a href="…">`: a link.
    Link,
    /// `<br>`: a line break.
    Break,
}

impl Element {
    /// The element an HTML tag name stands for, when the documents show it.
    pub fn of(name: &str) -> Option<Element> {
        Some(match name {
            "sub" => Element::Sub,
            "sup" => Element::Sup,
            "em" | "i" => Element::Emph,
            "strong" | "b" => Element::Strong,
            "s" | "del" => Element::Strike,
            "a" => Element::Link,
            "br" => Element::Break,
            _ => return None,
        })
    }
}

/// The names of the elements the documents show, as the documentation lists them.
pub const SHOWN: &[&str] = &[
    "sub", "sup", "em", "i", "strong", "b", "s", "del", "a", "br",
];

/// Elements that start a new block of text in HTML (CommonMark's list for HTML blocks).
pub fn is_block(name: &str) -> bool {
    const BLOCK: &[&str] = &[
        "address",
        "article",
        "aside",
        "base",
        "basefont",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "link",
        "main",
        "menu",
        "menuitem",
        "nav",
        "noframes",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "pre",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
    ];
    BLOCK.contains(&name)
}

/// Elements whose content a reader never sees.
pub fn is_hidden(name: &str) -> bool {
    matches!(name, "script" | "style")
}

/// Elements whose content keeps its spacing and lines.
pub fn is_verbatim(name: &str) -> bool {
    matches!(name, "pre" | "textarea")
}

/// The pieces of `html` with their byte ranges: constructs where CommonMark sees them, text
/// around them (a `<` that starts no construct is text).
pub fn pieces(html: &str) -> Vec<(Piece<'_>, Range<usize>)> {
    let mut found = Vec::new();
    let mut text_start = 0;
    let mut at = 0;
    while let Some(offset) = html.get(at..).and_then(|rest| rest.find('<')) {
        let start = at + offset;
        match construct(&html[start..]) {
            Some((piece, len)) => {
                if text_start < start {
                    found.push((Piece::Text(&html[text_start..start]), text_start..start));
                }
                found.push((piece, start..start + len));
                at = start + len;
                text_start = at;
            }
            None => at = start + 1,
        }
    }
    if text_start < html.len() {
        found.push((Piece::Text(&html[text_start..]), text_start..html.len()));
    }
    found
}

/// The construct `text` starts with and its length, if it starts with one.
pub fn construct(text: &str) -> Option<(Piece<'static>, usize)> {
    let rest = text.strip_prefix('<')?;
    if let Some(body) = rest.strip_prefix("!--") {
        // `<!-->` and `<!--->` are comments too.
        if body.starts_with('>') {
            return Some((Piece::Comment, 5));
        }
        if body.starts_with("->") {
            return Some((Piece::Comment, 6));
        }
        let end = body.find("-->")?;
        return Some((Piece::Comment, 4 + end + 3));
    }
    if let Some(body) = rest.strip_prefix("![CDATA[") {
        let end = body.find("]]>")?;
        return Some((Piece::Other, 9 + end + 3));
    }
    if let Some(body) = rest.strip_prefix('?') {
        let end = body.find("?>")?;
        return Some((Piece::Other, 2 + end + 2));
    }
    if let Some(body) = rest.strip_prefix('!') {
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let end = body.find('>')?;
        return Some((Piece::Other, 2 + end + 1));
    }
    if let Some(body) = rest.strip_prefix('/') {
        let name_len = tag_name(body)?;
        let after = &body[name_len..];
        let spaces = after.len() - after.trim_start_matches(is_html_space).len();
        if after[spaces..].starts_with('>') {
            return Some((
                Piece::Close(body[..name_len].to_ascii_lowercase()),
                2 + name_len + spaces + 1,
            ));
        }
        return None;
    }
    open_tag(rest).map(|(tag, len)| (Piece::Open(tag), 1 + len))
}

/// The length of the tag name `text` starts with: a letter, then letters, digits and `-`.
fn tag_name(text: &str) -> Option<usize> {
    if !text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(
        text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(text.len()),
    )
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{000C}')
}

/// An open tag after its `<`: name, attributes, optional `/`, `>`; and its length.
fn open_tag(text: &str) -> Option<(Tag, usize)> {
    let name_len = tag_name(text)?;
    let mut tag = Tag {
        name: text[..name_len].to_ascii_lowercase(),
        attributes: Vec::new(),
        self_closing: false,
    };
    let mut at = name_len;
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start_matches(is_html_space);
        let spaces = rest.len() - trimmed.len();
        if let Some(after) = trimmed.strip_prefix("/>") {
            tag.self_closing = true;
            return Some((tag, text.len() - after.len()));
        }
        if let Some(after) = trimmed.strip_prefix('>') {
            return Some((tag, text.len() - after.len()));
        }
        // An attribute needs white space before it.
        if spaces == 0 {
            return None;
        }
        let (attribute, len) = attribute(trimmed)?;
        tag.attributes.push(attribute);
        at += spaces + len;
    }
}

/// An attribute: a name, then optionally `=` and a value (unquoted, `'…'` or `"…"`).
fn attribute(text: &str) -> Option<((String, String), usize)> {
    let first_ok = text.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == ':');
    if !first_ok {
        return None;
    }
    let name_len = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-')))
        .unwrap_or(text.len());
    let name = text[..name_len].to_ascii_lowercase();
    let rest = &text[name_len..];
    let trimmed = rest.trim_start_matches(is_html_space);
    let Some(after_equals) = trimmed.strip_prefix('=') else {
        return Some(((name, String::new()), name_len));
    };
    let value_text = after_equals.trim_start_matches(is_html_space);
    let before_value = text.len() - value_text.len();
    let (raw, len) = if let Some(quoted) = value_text.strip_prefix('"') {
        let end = quoted.find('"')?;
        (&quoted[..end], end + 2)
    } else if let Some(quoted) = value_text.strip_prefix('\'') {
        let end = quoted.find('\'')?;
        (&quoted[..end], end + 2)
    } else {
        let end = value_text
            .find(|c: char| is_html_space(c) || matches!(c, '"' | '\'' | '=' | '<' | '>' | '`'))
            .unwrap_or(value_text.len());
        if end == 0 {
            return None;
        }
        (&value_text[..end], end)
    };
    Some((
        (name, decode_entities(raw).into_owned()),
        before_value + len,
    ))
}

/// `text` with its character references (`&amp;`, `&#233;`, `&#xE9;`) replaced by the
/// characters they stand for; anything that is not a reference stays as written.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let candidate = &rest[amp..];
        match reference(candidate) {
            Some((decoded, len)) => {
                out.push_str(&decoded);
                rest = &candidate[len..];
            }
            None => {
                out.push('&');
                rest = &candidate[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character reference `text` starts with, decoded, and its length.
fn reference(text: &str) -> Option<(String, usize)> {
    let end = text.find(';')?;
    let body = &text[1..end];
    if let Some(number) = body.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) if (1..=6).contains(&hex.len()) => u32::from_str_radix(hex, 16).ok()?,
            Some(_) => return None,
            None if (1..=7).contains(&number.len()) => number.parse().ok()?,
            None => return None,
        };
        let c = char::from_u32(value)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{FFFD}');
        return Some((c.to_string(), end + 1));
    }
    let named = (2..=32).contains(&body.len())
        && body.starts_with(|c: char| c.is_ascii_alphabetic())
        && body.chars().all(|c| c.is_ascii_alphanumeric());
    if !named {
        return None;
    }
    // The markdown parser knows every name HTML defines: a reference alone is a paragraph of
    // the character it stands for, or of itself when the name is unknown.
    let reference = &text[..=end];
    let decoded: String = Parser::new(reference)
        .filter_map(|event| match event {
            Event::Text(text) => Some(text.into_string()),
            _ => None,
        })
        .collect();
    (decoded != reference).then_some((decoded, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<String> {
        pieces(html)
            .into_iter()
            .map(|(piece, range)| match piece {
                Piece::Text(text) => format!("text {text:?}"),
                Piece::Open(tag) => format!("open {} {:?}", tag.name, tag.attributes),
                Piece::Close(name) => format!("close {name}"),
                Piece::Comment => format!("comment {:?}", &html[range]),
                Piece::Other => format!("other {:?}", &html[range]),
            })
            .collect()
    }

    #[test]
    fn finds_tags_comments_and_text() {
        assert_eq!(
            kinds("CO<sub>2</sub> <!-- a -- b --> <a href=\"x?a=1&amp;b=2\" title='t'>y</a>"),
            [
                "text \"CO\"",
                "open sub []",
                "text \"2\"",
                "close sub",
                "text \" \"",
                "comment \"<!-- a -- b -->\"",
                "text \" \"",
                "open a [(\"href\", \"x?a=1&b=2\"), (\"title\", \"t\")]",
                "text \"y\"",
                "close a",
            ]
        );
    }

    #[test]
    fn what_is_not_a_construct_stays_text() {
        assert_eq!(
            kinds("a < b, <3, <a/b>, <!-- open"),
            ["text \"a < b, <3, <a/b>, <!-- open\""]
        );
        assert_eq!(
            kinds("<?php x ?><!DOCTYPE html><![CDATA[ x ]]><!---->"),
            [
                "other \"<?php x ?>\"",
                "other \"<!DOCTYPE html>\"",
                "other \"<![CDATA[ x ]]>\"",
                "comment \"<!---->\"",
            ]
        );
    }

    #[test]
    fn a_quoted_value_may_hold_brackets() {
        assert_eq!(
            kinds("<a title=\"a > b\" data-x=y/>"),
            ["open a [(\"title\", \"a > b\"), (\"data-x\", \"y/\")]"]
        );
    }

    #[test]
    fn decodes_named_and_numeric_references() {
        assert_eq!(
            decode_entities("&copy; &#233;&#x4E2D; &nosuch; &#0; & x"),
            "© é中 &nosuch; \u{FFFD} & x"
        );
    }
}
