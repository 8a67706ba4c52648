//! Every key and array element of a TOML file, flattened, with its place in the text.
//!
//! Findings point at keys and values; this turns toml_edit's spanned document into a list of
//! [`Node`]s that can be looked up by path (`participants`, 1, `role`) or by byte offset.

use std::fmt;
use std::ops::Range;

use toml_edit::{Item, Table, Value};

/// One step of a path into a TOML document: a key, or the position in an array.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// A key of a table.
    Key(String),
    /// A position in an array or array of tables, from 0.
    Index(usize),
}

/// A path into a TOML document, outermost first.
pub type Path = Vec<Step>;

/// Writes a path as `participants[1].role`.
pub struct DisplayPath<'a>(pub &'a [Step]);

impl fmt::Display for DisplayPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => write!(f, "{key}")?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// What a node is in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// `key = value` on its own line(s), in the root or a `[table]`/`[[array]]` element.
    KeyValue,
    /// A `[table]` or `[[array]]` element header.
    Header,
    /// A table that has no header of its own (dotted keys, or a parent of `[a.b]`).
    Implicit,
    /// A key or element inside an inline value (`{ a = 1 }`, `[1, 2]`).
    Inline,
}

/// A key or array element of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Where it is in the document's structure.
    pub path: Path,
    /// What it is in the text.
    pub kind: NodeKind,
    /// The key, the `[[header]]`, or (for an element of an inline array) the element.
    pub key: Option<Range<usize>>,
    /// The value, when it is written inline.
    pub value: Option<Range<usize>>,
    /// The whole of its own text: a key-value from the start of its line, or its header.
    pub extent: Option<Range<usize>>,
    /// Whether the value is a string.
    pub is_string: bool,
    /// Whether the value is a string of nothing but white space.
    pub is_blank: bool,
    /// Whether the value is a table (of any kind).
    pub is_table: bool,
}

impl Node {
    /// The span a finding about this node's value should point at: the value, else the key.
    pub fn value_span(&self) -> Option<Range<usize>> {
        self.value.clone().or_else(|| self.key.clone())
    }

    /// The key the node is under, if its last step is a key.
    pub fn key_name(&self) -> Option<&str> {
        match self.path.last() {
            Some(Step::Key(key)) => Some(key),
            _ => None,
        }
    }
}

/// The nodes of a parsed document, in document order of the structure.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    /// Every node, parents before their children.
    pub nodes: Vec<Node>,
}

impl Tree {
    /// Parses `text`, or says why it is not valid TOML.
    pub fn parse(text: &str) -> Result<Tree, toml_edit::TomlError> {
        let document = toml_edit::Document::parse(text)?;
        let mut tree = Tree::default();
        walk_table(document.as_table(), &mut Vec::new(), text, &mut tree.nodes);
        Ok(tree)
    }

    /// The node at `path`.
    pub fn get(&self, path: &[Step]) -> Option<&Node> {
        self.nodes.iter().find(|node| node.path == path)
    }

    /// The node at a path of plain keys.
    pub fn key(&self, keys: &[&str]) -> Option<&Node> {
        self.nodes.iter().find(|node| {
            node.path.len() == keys.len()
                && node
                    .path
                    .iter()
                    .zip(keys)
                    .all(|(step, key)| matches!(step, Step::Key(k) if k == key))
        })
    }

    /// The span of the value at a path of plain keys, else of its key.
    pub fn value_span(&self, keys: &[&str]) -> Option<Range<usize>> {
        self.key(keys).and_then(Node::value_span)
    }

    /// The span of the value at `path`, else of its key or header.
    pub fn span_at(&self, path: &[Step]) -> Option<Range<usize>> {
        self.get(path).and_then(Node::value_span)
    }

    /// The node at `path` and every node below it.
    pub fn subtree<'a>(&'a self, path: &'a [Step]) -> impl Iterator<Item = &'a Node> + 'a {
        self.nodes
            .iter()
            .filter(move |node| node.path.starts_with(path))
    }

    /// The deepest node that can be blanked on its own (a key-value line or a header, not
    /// something inside an inline value) whose text holds `offset`.
    pub fn blankable_at(&self, span: &Range<usize>) -> Option<&Node> {
        self.nodes
            .iter()
            .filter(|node| matches!(node.kind, NodeKind::KeyValue | NodeKind::Header))
            .filter(|node| {
                node.extent
                    .as_ref()
                    .is_some_and(|extent| contains(extent, span))
            })
            .max_by_key(|node| node.path.len())
    }

    /// The deepest node of any kind whose key or value holds `span`.
    pub fn deepest_at(&self, span: &Range<usize>) -> Option<&Node> {
        self.nodes
            .iter()
            .filter(|node| {
                [&node.key, &node.value, &node.extent]
                    .into_iter()
                    .flatten()
                    .any(|range| contains(range, span))
            })
            .max_by_key(|node| node.path.len())
    }

    /// The table whose `[header]` or inline `{ … }` is exactly `span`.
    pub fn table_at(&self, span: &Range<usize>) -> Option<&Node> {
        self.nodes.iter().find(|node| {
            node.is_table
                && match node.kind {
                    NodeKind::Header => node.key.as_ref() == Some(span),
                    _ => node.value.as_ref() == Some(span),
                }
        })
    }
}

/// Whether `value` is a string of nothing but white space.
fn is_blank(value: &Value) -> bool {
    value.as_str().is_some_and(|s| s.trim().is_empty())
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start
        && inner.end <= outer.end
        && (inner.start < outer.end || outer.is_empty())
}

/// The offset of the first non-blank character of the line that holds `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or_default();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let indent = before[start..].len() - before[start..].trim_start().len();
    start + indent
}

fn walk_table(table: &Table, path: &mut Path, text: &str, out: &mut Vec<Node>) {
    for (name, item) in table.iter() {
        let key = table.key(name).and_then(toml_edit::Key::span);
        path.push(Step::Key(name.to_string()));
        walk_item(item, key, path, text, out);
        path.pop();
    }
}

fn walk_item(
    item: &Item,
    key: Option<Range<usize>>,
    path: &mut Path,
    text: &str,
    out: &mut Vec<Node>,
) {
    match item {
        Item::None => {}
        Item::Value(value) => {
            let span = value.span();
            let extent = match (&key, &span) {
                (Some(key), Some(span)) => Some(line_start(text, key.start)..span.end),
                _ => None,
            };
            out.push(Node {
                path: path.clone(),
                kind: NodeKind::KeyValue,
                key,
                value: span,
                extent,
                is_string: value.is_str(),
                is_blank: is_blank(value),
                is_table: value.is_inline_table(),
            });
            walk_value(value, path, out);
        }
        Item::Table(table) => {
            let header = table.span();
            let kind = if header.is_some() && !table.is_dotted() {
                NodeKind::Header
            } else {
                NodeKind::Implicit
            };
            out.push(Node {
                path: path.clone(),
                kind,
                key: header.clone().or(key),
                value: None,
                extent: header,
                is_string: false,
                is_blank: false,
                is_table: true,
            });
            walk_table(table, path, text, out);
        }
        Item::ArrayOfTables(array) => {
            out.push(Node {
                path: path.clone(),
                kind: NodeKind::Implicit,
                key,
                value: None,
                extent: None,
                is_string: false,
                is_blank: false,
                is_table: false,
            });
            for (index, table) in array.iter().enumerate() {
                path.push(Step::Index(index));
                let header = table.span();
                out.push(Node {
                    path: path.clone(),
                    kind: NodeKind::Header,
                    key: header.clone(),
                    value: None,
                    extent: header,
                    is_string: false,
                    is_blank: false,
                    is_table: true,
                });
                walk_table(table, path, text, out);
                path.pop();
            }
        }
    }
}

fn walk_value(value: &Value, path: &mut Path, out: &mut Vec<Node>) {
    match value {
        Value::Array(array) => {
            for (index, element) in array.iter().enumerate() {
                path.push(Step::Index(index));
                let span = element.span();
                out.push(Node {
                    path: path.clone(),
                    kind: NodeKind::Inline,
                    key: span.clone(),
                    value: span.clone(),
                    extent: span,
                    is_string: element.is_str(),
                    is_blank: is_blank(element),
                    is_table: element.is_inline_table(),
                });
                walk_value(element, path, out);
                path.pop();
            }
        }
        Value::InlineTable(table) => {
            for (name, element) in table.iter() {
                path.push(Step::Key(name.to_string()));
                let key = table.key(name).and_then(toml_edit::Key::span);
                let span = element.span();
                let extent = match (&key, &span) {
                    (Some(key), Some(span)) => Some(key.start..span.end),
                    _ => None,
                };
                out.push(Node {
                    path: path.clone(),
                    kind: NodeKind::Inline,
                    key,
                    value: span,
                    extent,
                    is_string: element.is_str(),
                    is_blank: is_blank(element),
                    is_table: element.is_inline_table(),
                });
                walk_value(element, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Step {
        Step::Key(name.to_string())
    }

    #[test]
    fn finds_keys_headers_and_inline_elements() {
        let text = "code = \"I.1.1\"\npartners = [\"CAF\", 2]\n\n[[participants]]\nrole = \"x\"\n";
        let tree = Tree::parse(text).expect("valid TOML");
        let code = tree.key(&["code"]).expect("code");
        assert_eq!(&text[code.value.clone().expect("span")], "\"I.1.1\"");
        let second = tree
            .get(&[key("partners"), Step::Index(1)])
            .expect("partner");
        assert_eq!(&text[second.key.clone().expect("span")], "2");
        let header = tree
            .get(&[key("participants"), Step::Index(0)])
            .expect("element");
        assert_eq!(&text[header.key.clone().expect("span")], "[[participants]]");
        let role = tree
            .get(&[key("participants"), Step::Index(0), key("role")])
            .expect("role");
        assert!(role.is_string && !role.is_blank);
        let span = role.value.clone().expect("span");
        let found = tree.blankable_at(&span).expect("role line");
        assert_eq!(found.path, role.path);
        assert_eq!(&text[found.extent.clone().expect("extent")], "role = \"x\"");
    }

    #[test]
    fn a_dotted_key_blanks_from_the_start_of_its_line() {
        let text = "  a.b = 1\n";
        let tree = Tree::parse(text).expect("valid TOML");
        let b = tree.key(&["a", "b"]).expect("a.b");
        assert_eq!(b.extent, Some(2..9));
    }
}
