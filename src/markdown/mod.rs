//! Prose as authors write it: markdown with the inline HTML they use, read once into a tree of
//! [`Node`]s and the [`Remark`]s a reviewer should see about it.
//!
//! `check` reports the remarks (`validate`), and `render` hands the tree to the templates as
//! data; both read prose through [`convert`], so what `check` says is what the documents do.
//! Nothing here produces typst markup: every piece of text stays a string, so a template shows
//! `#read("x")` or `$x$` exactly as written.
//!
//! The markdown is CommonMark with footnote references `[^id]` (the footnotes themselves are
//! given apart), `~~struck-out~~` text and typographic quotes and dashes. Of raw HTML, the
//! elements in [`html::SHOWN`] are shown as they are meant; comments are left out; every other
//! tag is left out while its text is kept. Containers nested deeper than [`MAX_DEPTH`] are
//! flattened into the one that holds them, so no text can nest deeper than the templates go.

pub mod html;

mod build;

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::Options;
use serde::Serialize;

/// The deepest nesting prose may have: block quotes, lists, headings, emphasis, links and the
/// HTML elements shown, inside each other.
///
/// Real prose rarely goes beyond four (a list in a list, a link in bold). The standard
/// templates fail at about 31 levels of block quotes or lists (typst's limits on show rules and
/// layout); twelve leave room for a footnote cited at the deepest level whose own text nests
/// twelve deep, inside a numbered objective.
pub const MAX_DEPTH: usize = 12;

/// One node of converted prose. Serialised as `{"t": "para", "c": [...]}` and so on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Node {
    /// A paragraph.
    Para {
        /// Its inline content.
        c: Vec<Node>,
    },
    /// A heading inside prose (rare); rendered as a strong paragraph.
    Heading {
        /// Its inline content.
        c: Vec<Node>,
    },
    /// A block quotation.
    Quote {
        /// Its blocks.
        c: Vec<Node>,
    },
    /// A bulleted or numbered list.
    List {
        /// Whether the items are numbered.
        ordered: bool,
        /// The number of the first item.
        start: u64,
        /// The items, each a sequence of nodes (inline nodes for tight lists, blocks otherwise).
        items: Vec<Vec<Node>>,
    },
    /// A block of code, shown verbatim.
    Codeblock {
        /// The code.
        s: String,
    },
    /// Plain text.
    Text {
        /// The text, exactly as written.
        s: String,
    },
    /// Inline code, shown verbatim.
    Code {
        /// The code.
        s: String,
    },
    /// Emphasis.
    Emph {
        /// Its content.
        c: Vec<Node>,
    },
    /// Strong emphasis.
    Strong {
        /// Its content.
        c: Vec<Node>,
    },
    /// Struck-out text.
    Strike {
        /// Its content.
        c: Vec<Node>,
    },
    /// Subscript (`<sub>`).
    Sub {
        /// Its content.
        c: Vec<Node>,
    },
    /// Superscript (`<sup>`).
    Sup {
        /// Its content.
        c: Vec<Node>,
    },
    /// A link.
    Link {
        /// Where it points; empty for an anchor without a destination.
        url: String,
        /// Its text.
        c: Vec<Node>,
    },
    /// A footnote: the reference's label and the note's text.
    Fn {
        /// The label cited.
        id: String,
        /// The note's content (blocks).
        c: Vec<Node>,
    },
    /// Text in a language of its own: a footnote printed untranslated, or in translation, in a
    /// passage of another language. Never made from markdown; `render` wraps notes in it.
    Lang {
        /// The language's ISO 639-1 code.
        lang: String,
        /// Whether it is printed untranslated, in a language other than the document's.
        untranslated: bool,
        /// Its content.
        c: Vec<Node>,
    },
    /// A soft line break: a space.
    Space,
    /// A hard line break.
    Break,
    /// A horizontal rule.
    Rule,
}

/// Something about a text that its author should know: what the documents leave out or change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remark {
    /// What it is.
    pub kind: RemarkKind,
    /// Where it is in the text (bytes), no further than the end of the line it starts on.
    pub span: Range<usize>,
}

/// The kinds of [`Remark`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemarkKind {
    /// An HTML comment `<!-- … -->`: left out of the documents.
    Comment,
    /// Raw HTML the documents do not show: a tag (`<span>`, `</div>`), a declaration, a
    /// processing instruction or a CDATA section, as `construct` names it. It is left out,
    /// and the text inside an element is kept.
    Html {
        /// The construct: `<span>`, `</div>`, `<!DOCTYPE>`, `<?…?>`, `<![CDATA[…]]>`.
        construct: String,
    },
    /// An element shown (`<sub>`) that is not closed: it ends with its paragraph.
    Unclosed {
        /// The open tag's name.
        name: String,
    },
    /// A closing tag of an element shown (`</sub>`) that closes nothing open.
    Unopened {
        /// The tag's name.
        name: String,
    },
    /// An image: the documents print its description instead.
    Image,
    /// Containers nested deeper than [`MAX_DEPTH`]; `depth` is the deepest level reached.
    TooDeep {
        /// How deep the text nests at its deepest.
        depth: usize,
    },
    /// A footnote written in the text (`[^id]: …`): left out, footnotes are given apart.
    FootnoteDefinition {
        /// Its label.
        label: String,
    },
}

/// Prose converted: the nodes the templates draw and the remarks about the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Converted {
    /// The nodes.
    pub nodes: Vec<Node>,
    /// What the author should know, in the order of the text.
    pub remarks: Vec<Remark>,
}

/// The markdown extensions prose is read with.
fn options() -> Options {
    // Every `[^id]` is a reference, whether or not the text defines it: the footnotes are given
    // apart. Smart punctuation gives the typographic quotes and dashes a printed document uses.
    Options::ENABLE_OLD_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Converts markdown `text` into nodes; `[^id]` references take their text from `notes`.
///
/// A reference to a label missing from `notes` stays as the literal text `[^id]`.
pub fn convert(text: &str, notes: &BTreeMap<String, Vec<Node>>) -> Vec<Node> {
    convert_with_remarks(text, notes).nodes
}

/// [`convert`], with the remarks about the text.
pub fn convert_with_remarks(text: &str, notes: &BTreeMap<String, Vec<Node>>) -> Converted {
    build::build(text, notes)
}

/// The remarks about markdown `text`: what the documents leave out or change in it.
pub fn remarks(text: &str) -> Vec<Remark> {
    if surely_plain(text) {
        return Vec::new();
    }
    convert_with_remarks(text, &BTreeMap::new()).remarks
}

/// Whether `text` cannot have remarks, seen without parsing it: no HTML (`<`), no image
/// (`![`), no footnote written in it (`[^`), and too few of the characters that open a
/// container (`>`, `*`, `_`, `-`, `+`, `~`, `[`, `#`, `=`, a digit then `.` or `)`) to nest
/// beyond [`MAX_DEPTH`], since each level takes one of its own. Most prose is so, and `check`
/// reads every text of a programme.
fn surely_plain(text: &str) -> bool {
    if text.contains('<') || text.contains("![") || text.contains("[^") {
        return false;
    }
    let mut openers = 0;
    let mut after_digit = false;
    for block in text.as_bytes().chunks(4096) {
        for &byte in block {
            let opens = match byte {
                b'>' | b'*' | b'_' | b'-' | b'+' | b'~' | b'[' | b'#' | b'=' => true,
                b'.' | b')' => after_digit,
                _ => false,
            };
            openers += usize::from(opens);
            after_digit = byte.is_ascii_digit();
        }
        if openers > MAX_DEPTH {
            return false;
        }
    }
    true
}

/// Converts every footnote of an activity, keyed by label.
pub fn convert_notes<'a>(
    notes: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> BTreeMap<String, Vec<Node>> {
    let none = BTreeMap::new();
    notes
        .into_iter()
        .map(|(id, text)| (id.to_string(), convert(text, &none)))
        .collect()
}

/// How deeply `nodes` nest, counting the containers [`MAX_DEPTH`] limits (a footnote's own
/// nodes included).
pub fn depth(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|node| match node {
            Node::Quote { c }
            | Node::Heading { c }
            | Node::Emph { c }
            | Node::Strong { c }
            | Node::Strike { c }
            | Node::Sub { c }
            | Node::Sup { c }
            | Node::Link { c, .. } => 1 + depth(c),
            Node::List { items, .. } => 1 + items.iter().map(|item| depth(item)).max().unwrap_or(0),
            Node::Para { c } | Node::Fn { c, .. } | Node::Lang { c, .. } => depth(c),
            Node::Codeblock { .. }
            | Node::Text { .. }
            | Node::Code { .. }
            | Node::Space
            | Node::Break
            | Node::Rule => 0,
        })
        .max()
        .unwrap_or(0)
}

/// The plain text of nodes, for tests and for places that need a string.
pub fn plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes {
        match node {
            Node::Text { s } | Node::Code { s } | Node::Codeblock { s } => out.push_str(s),
            Node::Space | Node::Break => out.push(' '),
            Node::Rule | Node::Fn { .. } => {}
            Node::Para { c }
            | Node::Lang { c, .. }
            | Node::Heading { c }
            | Node::Quote { c }
            | Node::Emph { c }
            | Node::Strong { c }
            | Node::Strike { c }
            | Node::Sub { c }
            | Node::Sup { c }
            | Node::Link { c, .. } => out.push_str(&plain_text(c)),
            Node::List { items, .. } => {
                for item in items {
                    out.push_str(&plain_text(item));
                    out.push(' ');
                }
            }
        }
    }
    out
}

/// The text of prose for formats that take no markup (an IATI narrative): blocks apart by a
/// blank line, each list item on a line of its own after its number or a `-`, footnote
/// references left out.
pub fn plain_paragraphs(nodes: &[Node]) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut inline = String::new();
    for node in nodes {
        let block = match node {
            Node::Para { c } | Node::Heading { c } => plain_text(c),
            Node::Codeblock { s } => s.clone(),
            Node::Quote { c } => plain_paragraphs(c),
            Node::List {
                ordered,
                start,
                items,
            } => {
                let mut lines = Vec::new();
                for (number, item) in (*start..).zip(items) {
                    let marker = if *ordered {
                        format!("{number}.")
                    } else {
                        "-".to_string()
                    };
                    let text = plain_paragraphs(item).replace("\n\n", "\n");
                    lines.push(format!("{marker} {text}"));
                }
                lines.join("\n")
            }
            Node::Rule => String::new(),
            inline_node => {
                inline.push_str(&plain_text(std::slice::from_ref(inline_node)));
                continue;
            }
        };
        push_block(&mut blocks, std::mem::take(&mut inline));
        push_block(&mut blocks, block);
    }
    push_block(&mut blocks, inline);
    blocks.join("\n\n")
}

/// Adds a block of plain text, trimmed, unless it is empty.
fn push_block(blocks: &mut Vec<String>, block: String) {
    let block = block.trim();
    if !block.is_empty() {
        blocks.push(block.to_string());
    }
}

#[cfg(test)]
mod tests;
