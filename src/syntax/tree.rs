//! Every key and array element of a TOML file, flattened, with its place in the text.
//!
//! Findings point at keys and values; this turns the parser's spanned document into a list of
//! [`Node`]s that can be looked up by path (`participants`, 1, `role`) or by byte offset.

use std::fmt;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue};

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
    pub fn parse(text: &str) -> Result<Tree, toml::de::Error> {
        let document = DeTable::parse(text)?;
        Ok(Tree::of_document(text, document.get_ref()))
    }

    /// The nodes of `document`, already parsed from `text`: the same parse can then be
    /// deserialised, so a file is read once for both its values and their places.
    pub fn of_document(text: &str, document: &DeTable<'_>) -> Tree {
        let mut tree = Tree::default();
        walk_table(document, &mut Vec::new(), text, &mut tree.nodes);
        tree
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
fn is_blank(value: &DeValue<'_>) -> bool {
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

/// A table's entries in the order they are written: the parser keeps them sorted by name.
fn in_order<'a, 'i>(
    table: &'a DeTable<'i>,
) -> Vec<(&'a Spanned<DeString<'i>>, &'a Spanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// Whether the text at `span` starts with `prefix`: how a `[header]`, an `[[array]]` element
/// or an inline `{ table }` is told from a table made by dotted keys.
fn starts(text: &str, span: &Range<usize>, prefix: &str) -> bool {
    text.get(span.start..)
        .is_some_and(|rest| rest.starts_with(prefix))
}

fn walk_table(table: &DeTable<'_>, path: &mut Path, text: &str, out: &mut Vec<Node>) {
    for (name, item) in in_order(table) {
        path.push(Step::Key(name.get_ref().to_string()));
        walk_item(item, name.span(), path, text, out);
        path.pop();
    }
}

fn walk_item(
    item: &Spanned<DeValue<'_>>,
    key: Range<usize>,
    path: &mut Path,
    text: &str,
    out: &mut Vec<Node>,
) {
    let span = item.span();
    match item.get_ref() {
        DeValue::Table(table) if !starts(text, &span, "{") => {
            // A `[header]` is spanned by its header, a table made by dotted keys or the parent
            // of `[a.b]` by its key; only the dotted one is on a line that is not a header.
            let kind = if starts(text, &(line_start(text, span.start)..span.end), "[") {
                NodeKind::Header
            } else {
                NodeKind::Implicit
            };
            let extent = Some(span.clone());
            out.push(Node {
                path: path.clone(),
                kind,
                key: Some(span),
                value: None,
                extent,
                is_string: false,
                is_blank: false,
                is_table: true,
            });
            walk_table(table, path, text, out);
        }
        DeValue::Array(array) if is_array_of_tables(text, array) => {
            out.push(Node {
                path: path.clone(),
                kind: NodeKind::Implicit,
                key: Some(key),
                value: None,
                extent: None,
                is_string: false,
                is_blank: false,
                is_table: false,
            });
            for (index, element) in array.iter().enumerate() {
                let DeValue::Table(table) = element.get_ref() else {
                    continue;
                };
                path.push(Step::Index(index));
                let header = element.span();
                out.push(Node {
                    path: path.clone(),
                    kind: NodeKind::Header,
                    key: Some(header.clone()),
                    value: None,
                    extent: Some(header),
                    is_string: false,
                    is_blank: false,
                    is_table: true,
                });
                walk_table(table, path, text, out);
                path.pop();
            }
        }
        value => {
            let extent = line_start(text, key.start)..span.end;
            out.push(value_node(
                path,
                NodeKind::KeyValue,
                key,
                span,
                extent,
                value,
            ));
            walk_value(value, path, out);
        }
    }
}

/// The node of a value written in place: its key (an element of a list is its own key), the
/// value, and the text they take together.
fn value_node(
    path: &Path,
    kind: NodeKind,
    key: Range<usize>,
    value_span: Range<usize>,
    extent: Range<usize>,
    value: &DeValue<'_>,
) -> Node {
    Node {
        path: path.clone(),
        kind,
        key: Some(key),
        value: Some(value_span),
        extent: Some(extent),
        is_string: value.is_str(),
        is_blank: is_blank(value),
        is_table: matches!(value, DeValue::Table(_)),
    }
}

/// Whether `array` is an array of tables (`[[name]]` elements) rather than an inline list.
fn is_array_of_tables(text: &str, array: &DeArray<'_>) -> bool {
    array.first().is_some_and(|first| {
        matches!(first.get_ref(), DeValue::Table(_)) && starts(text, &first.span(), "[")
    })
}

fn walk_value(value: &DeValue<'_>, path: &mut Path, out: &mut Vec<Node>) {
    match value {
        DeValue::Array(array) => {
            for (index, element) in array.iter().enumerate() {
                path.push(Step::Index(index));
                let span = element.span();
                let value = element.get_ref();
                let (key, extent) = (span.clone(), span.clone());
                out.push(value_node(path, NodeKind::Inline, key, span, extent, value));
                walk_value(value, path, out);
                path.pop();
            }
        }
        DeValue::Table(table) => {
            for (name, element) in in_order(table) {
                path.push(Step::Key(name.get_ref().to_string()));
                let (key, span) = (name.span(), element.span());
                let value = element.get_ref();
                let extent = key.start..span.end;
                out.push(value_node(path, NodeKind::Inline, key, span, extent, value));
                walk_value(value, path, out);
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
    fn tables_are_told_apart_and_kept_in_the_order_written() {
        let text = "b = 1\na.x = 2\n[w.y]\nz = 3\n[[p]]\nq = { r = 1 }\n";
        let tree = Tree::parse(text).expect("valid TOML");
        let kinds: Vec<(String, NodeKind)> = tree
            .nodes
            .iter()
            .map(|node| (DisplayPath(&node.path).to_string(), node.kind))
            .collect();
        let expected = [
            ("b", NodeKind::KeyValue),
            ("a", NodeKind::Implicit),
            ("a.x", NodeKind::KeyValue),
            // The parent of `[w.y]` takes its place in that header.
            ("w", NodeKind::Header),
            ("w.y", NodeKind::Header),
            ("w.y.z", NodeKind::KeyValue),
            ("p", NodeKind::Implicit),
            ("p[0]", NodeKind::Header),
            ("p[0].q", NodeKind::KeyValue),
            ("p[0].q.r", NodeKind::Inline),
        ];
        let expected: Vec<(String, NodeKind)> = expected
            .into_iter()
            .map(|(path, kind)| (path.to_string(), kind))
            .collect();
        assert_eq!(kinds, expected);
        let w = tree.key(&["w"]).expect("w");
        assert_eq!(&text[w.key.clone().expect("span")], "w");
        let q = tree.get(&[key("p"), Step::Index(0), key("q")]).expect("q");
        assert!(q.is_table);
        assert_eq!(&text[q.value.clone().expect("span")], "{ r = 1 }");
    }

    #[test]
    fn a_dotted_key_blanks_from_the_start_of_its_line() {
        let text = "  a.b = 1\n";
        let tree = Tree::parse(text).expect("valid TOML");
        let b = tree.key(&["a", "b"]).expect("a.b");
        assert_eq!(b.extent, Some(2..9));
    }
}
