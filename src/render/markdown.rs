//! Markdown prose into a small JSON tree that the templates render node by node.
//!
//! Nothing here produces typst markup: every piece of text stays a string, so a template shows
//! `#read("x")` or `$x$` exactly as written. Footnote references `[^id]` become `fn` nodes that
//! carry the footnote's own text, ready to become real footnotes.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

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
    /// A link.
    Link {
        /// Where it points.
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
    /// A soft line break: a space.
    Space,
    /// A hard line break.
    Break,
    /// A horizontal rule.
    Rule,
}

/// Converts markdown `text` into nodes; `[^id]` references take their text from `notes`.
///
/// A reference to a label missing from `notes` stays as the literal text `[^id]`.
pub fn convert(text: &str, notes: &BTreeMap<String, Vec<Node>>) -> Vec<Node> {
    // pulldown-cmark recognises a reference only when its definition is present: give it one
    // per known label, and drop the definitions' content from the tree.
    let mut source = text.to_string();
    for id in notes.keys() {
        source.push_str(&format!("\n\n[^{id}]: -\n"));
    }
    // Smart punctuation gives the typographic quotes and dashes a printed document uses.
    let options = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut builder = Builder::default();
    let mut skip_depth = 0usize;
    for event in Parser::new_ext(&source, options) {
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => skip_depth = 1,
            Event::Start(tag) => builder.open(tag),
            Event::End(end) => builder.close(end),
            Event::Text(s) | Event::Html(s) | Event::InlineHtml(s) => builder.text(&s),
            Event::InlineMath(s) => builder.text(&format!("${s}$")),
            Event::DisplayMath(s) => builder.text(&format!("$${s}$$")),
            Event::Code(s) => builder.push(Node::Code { s: s.to_string() }),
            Event::SoftBreak => builder.push(Node::Space),
            Event::HardBreak => builder.push(Node::Break),
            Event::Rule => builder.push(Node::Rule),
            Event::FootnoteReference(id) => builder.push(match notes.get(&*id) {
                Some(c) => Node::Fn {
                    id: id.to_string(),
                    c: c.clone(),
                },
                None => Node::Text {
                    s: format!("[^{id}]"),
                },
            }),
            Event::TaskListMarker(done) => builder.text(if done { "[x] " } else { "[ ] " }),
        }
    }
    builder.finish()
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

/// What an open element becomes once it is closed.
enum Frame {
    Root,
    Para,
    Heading,
    Quote,
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Node>>,
    },
    Item,
    Codeblock,
    Emph,
    Strong,
    Strike,
    Link(String),
    /// Elements whose content is kept inline without a wrapper (tables, images, HTML blocks).
    Transparent,
}

#[derive(Default)]
struct Builder {
    stack: Vec<(Frame, Vec<Node>)>,
}

impl Builder {
    fn top(&mut self) -> &mut Vec<Node> {
        if self.stack.is_empty() {
            self.stack.push((Frame::Root, Vec::new()));
        }
        let last = self.stack.len() - 1;
        &mut self.stack[last].1
    }

    fn push(&mut self, node: Node) {
        self.top().push(node);
    }

    fn text(&mut self, s: &str) {
        let top = self.top();
        if let Some(Node::Text { s: last }) = top.last_mut() {
            last.push_str(s);
        } else {
            top.push(Node::Text { s: s.to_string() });
        }
    }

    fn open(&mut self, tag: Tag) {
        if self.stack.is_empty() {
            self.stack.push((Frame::Root, Vec::new()));
        }
        let frame = match tag {
            Tag::Paragraph => Frame::Para,
            Tag::Heading { .. } => Frame::Heading,
            Tag::BlockQuote(_) => Frame::Quote,
            Tag::CodeBlock(_) => Frame::Codeblock,
            Tag::List(start) => Frame::List {
                ordered: start.is_some(),
                start: start.unwrap_or(1),
                items: Vec::new(),
            },
            Tag::Item => Frame::Item,
            Tag::Emphasis => Frame::Emph,
            Tag::Strong => Frame::Strong,
            Tag::Strikethrough => Frame::Strike,
            Tag::Link { dest_url, .. } => Frame::Link(dest_url.to_string()),
            _ => Frame::Transparent,
        };
        self.stack.push((frame, Vec::new()));
    }

    fn close(&mut self, _end: TagEnd) {
        if self.stack.len() < 2 {
            return;
        }
        let Some((frame, c)) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Root => self.stack.push((Frame::Root, c)),
            Frame::Para => self.push(Node::Para { c }),
            Frame::Heading => self.push(Node::Heading { c }),
            Frame::Quote => self.push(Node::Quote { c }),
            Frame::Codeblock => {
                let s = c
                    .into_iter()
                    .filter_map(|n| match n {
                        Node::Text { s } => Some(s),
                        _ => None,
                    })
                    .collect();
                self.push(Node::Codeblock { s });
            }
            Frame::List {
                ordered,
                start,
                items,
            } => self.push(Node::List {
                ordered,
                start,
                items,
            }),
            Frame::Item => match self.stack.last_mut() {
                Some((Frame::List { items, .. }, _)) => items.push(c),
                _ => {
                    for node in c {
                        self.push(node);
                    }
                }
            },
            Frame::Emph => self.push(Node::Emph { c }),
            Frame::Strong => self.push(Node::Strong { c }),
            Frame::Strike => self.push(Node::Strike { c }),
            Frame::Link(url) => self.push(Node::Link { url, c }),
            Frame::Transparent => {
                for node in c {
                    self.push(node);
                }
            }
        }
    }

    fn finish(mut self) -> Vec<Node> {
        while self.stack.len() > 1 {
            if let Some((_, c)) = self.stack.pop() {
                for node in c {
                    self.push(node);
                }
            }
        }
        self.stack.pop().map(|(_, c)| c).unwrap_or_default()
    }
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
            | Node::Heading { c }
            | Node::Quote { c }
            | Node::Emph { c }
            | Node::Strong { c }
            | Node::Strike { c }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn json(nodes: &[Node]) -> String {
        serde_json::to_string(nodes).unwrap_or_default()
    }

    #[test]
    fn paragraphs_emphasis_and_links_become_nodes() {
        let nodes = convert(
            "One *two* **three**.\n\nSee [SELA](https://www.sela.org).",
            &BTreeMap::new(),
        );
        assert_eq!(
            json(&nodes),
            r#"[{"t":"para","c":[{"t":"text","s":"One "},{"t":"emph","c":[{"t":"text","s":"two"}]},{"t":"text","s":" "},{"t":"strong","c":[{"t":"text","s":"three"}]},{"t":"text","s":"."}]},{"t":"para","c":[{"t":"text","s":"See "},{"t":"link","url":"https://www.sela.org","c":[{"t":"text","s":"SELA"}]},{"t":"text","s":"."}]}]"#
        );
    }

    #[test]
    fn footnote_references_carry_their_text() {
        let notes = convert_notes([("3", "SELA (2019). *Report*.")]);
        let nodes = convert("A claim[^3] and an unknown one[^9].", &notes);
        let text = json(&nodes);
        assert!(
            text.contains(r#"{"t":"fn","id":"3","c":[{"t":"para","c":[{"t":"text","s":"SELA (2019). "},{"t":"emph""#),
            "{text}"
        );
        assert!(text.contains("[^9]"), "{text}");
        assert!(!text.contains(r#""s":"-""#), "definitions leak: {text}");
    }

    #[test]
    fn lists_keep_their_items_and_numbering() {
        let nodes = convert(
            "Before:\n\n- one\n- two\n\n3. three\n4. four",
            &BTreeMap::new(),
        );
        let text = json(&nodes);
        assert!(text.contains(r#"{"t":"list","ordered":false,"start":1,"items":[[{"t":"text","s":"one"}],[{"t":"text","s":"two"}]]}"#), "{text}");
        assert!(text.contains(r#""ordered":true,"start":3"#), "{text}");
    }

    #[test]
    fn markup_of_other_languages_stays_text() {
        let nodes = convert("#read(\"/etc/passwd\") <b>x</b> $y$", &BTreeMap::new());
        assert_eq!(plain_text(&nodes), "#read(“/etc/passwd”) <b>x</b> $y$");
    }
}
