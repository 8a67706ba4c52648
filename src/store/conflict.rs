//! Git's conflict markers in programme files: writing them around what truly conflicts, finding
//! them in a file, and reading either side's version of a file that holds them.
//!
//! A block runs from a `<<<<<<< ours` line through an optional `||||||| base` line and a
//! `=======` line to a `>>>>>>> theirs` line, all four markers of one length (7 unless git's
//! `conflict-marker-size` says otherwise). A side's version is the file with the marker lines
//! and the other sides' lines blanked out — spaces, newlines kept — so every byte offset in it
//! is the same as in the file, and findings about it point at the file's own lines.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::Finding;
use crate::syntax::tree::{DisplayPath, NodeKind, Tree};

/// The code of the finding for a file with an unresolved conflict.
pub const FINDING: &str = "merge-conflict";

/// The length of conflict markers when git does not say otherwise.
pub const MARKER_SIZE: usize = 7;

/// Values longer than this are cut when a conflict is described.
const SHORT: usize = 60;

/// Whether `text` holds a block of conflict markers.
pub fn has_markers(text: &str) -> bool {
    !find(text).is_empty()
}

/// The names git gives the two sides of a merge, for the markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels<'a> {
    /// The current branch's side (`HEAD`).
    pub ours: &'a str,
    /// The side merged in (a branch name, or a commit during a rebase).
    pub theirs: &'a str,
}

/// Appends a block of conflict markers of `size` around `ours` and `theirs` (whole lines, the
/// last one ending in a newline or not) to `out`.
pub fn write_block(out: &mut String, ours: &str, theirs: &str, labels: Labels, size: usize) {
    let marker = |out: &mut String, c: char, label: &str| {
        out.extend(std::iter::repeat_n(c, size));
        if !label.is_empty() {
            out.push(' ');
            out.push_str(label);
        }
        out.push('\n');
    };
    let lines = |out: &mut String, text: &str| {
        out.push_str(text);
        if !text.is_empty() && !text.ends_with('\n') {
            out.push('\n');
        }
    };
    marker(out, '<', labels.ours);
    lines(out, ours);
    marker(out, '=', "");
    lines(out, theirs);
    marker(out, '>', labels.theirs);
}

/// One block of conflict markers in a file, by byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// From the start of the `<<<<<<<` line to the end of the `>>>>>>>` line.
    pub span: Range<usize>,
    /// The `<<<<<<<` line, without its newline.
    pub opening: Range<usize>,
    /// Ours' lines.
    pub ours: Range<usize>,
    /// The ancestor's lines, in the `diff3` style.
    pub base: Option<Range<usize>>,
    /// Theirs' lines.
    pub theirs: Range<usize>,
    /// The label after `<<<<<<<`.
    pub ours_label: String,
    /// The label after `>>>>>>>`.
    pub theirs_label: String,
}

/// If `line` (without its newline) is a marker of `c`, its length and its label.
fn marker(line: &str, c: char) -> Option<(usize, &str)> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let size = line.chars().take_while(|&x| x == c).count();
    if size < MARKER_SIZE {
        return None;
    }
    let rest = &line[size..];
    if rest.is_empty() {
        Some((size, ""))
    } else {
        rest.strip_prefix(' ').map(|label| (size, label.trim_end()))
    }
}

/// Every complete block of conflict markers in `text`, in order. Marker lines that do not make
/// a whole block (a lone `=======` under a markdown heading) are text.
pub fn find(text: &str) -> Vec<Block> {
    if memchr::memmem::find(text.as_bytes(), b"<<<<<<<").is_none() {
        return Vec::new();
    }
    // Each line's start, end without the newline, and end with it.
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        lines.push((start, start + piece.trim_end_matches('\n').len(), end));
        start = end;
    }
    let line = |i: usize| {
        let (s, e, _) = lines[i];
        &text[s..e]
    };
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((size, ours_label)) = marker(line(i), '<') else {
            i += 1;
            continue;
        };
        let is = |j: usize, c: char, labelled: bool| {
            marker(line(j), c).is_some_and(|(n, label)| n == size && (labelled || label.is_empty()))
        };
        let mut base_at = None;
        let mut middle = None;
        let mut close = None;
        for j in i + 1..lines.len() {
            if middle.is_none() && base_at.is_none() && is(j, '|', true) {
                base_at = Some(j);
            } else if middle.is_none() && is(j, '=', false) {
                middle = Some(j);
            } else if middle.is_some() && is(j, '>', true) {
                close = Some(j);
                break;
            } else if is(j, '<', true) {
                break;
            }
        }
        let (Some(middle), Some(close)) = (middle, close) else {
            i += 1;
            continue;
        };
        let start_of = |j: usize| lines[j].0;
        let after = |j: usize| lines[j].2;
        let ours_end = base_at.unwrap_or(middle);
        blocks.push(Block {
            span: start_of(i)..after(close),
            opening: lines[i].0..lines[i].1,
            ours: after(i)..start_of(ours_end),
            base: base_at.map(|b| after(b)..start_of(middle)),
            theirs: after(middle)..start_of(close),
            ours_label: ours_label.to_string(),
            theirs_label: marker(line(close), '>')
                .map(|(_, label)| label.to_string())
                .unwrap_or_default(),
        });
        i = close + 1;
    }
    blocks
}

/// One side of a conflicted file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The current branch's (`HEAD`'s), between `<<<<<<<` and `=======`.
    Ours,
    /// The merged-in side's, between `=======` and `>>>>>>>`.
    Theirs,
}

/// `text` as `side` has it: the markers and the other sides' lines blanked out, every byte
/// offset kept.
pub fn side(text: &str, blocks: &[Block], side: Side) -> String {
    let mut out = text.to_string();
    for block in blocks {
        let keep = match side {
            Side::Ours => &block.ours,
            Side::Theirs => &block.theirs,
        };
        blank(&mut out, block.span.start..keep.start);
        blank(&mut out, keep.end..block.span.end);
    }
    out
}

/// Replaces `range` of `text` with spaces, keeping line breaks.
fn blank(text: &mut String, range: Range<usize>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let blanked: String = slice
        .chars()
        .flat_map(|c| {
            let keep = matches!(c, '\n' | '\r');
            std::iter::repeat_n(
                if keep { c } else { ' ' },
                if keep { 1 } else { c.len_utf8() },
            )
        })
        .collect();
    text.replace_range(range, &blanked);
}

/// A file with unresolved conflicts, described for people and tools.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileConflict {
    /// The file, as the programme's files are named.
    pub file: PathBuf,
    /// Whose version of the file the programme was read from: ours when it reads, else theirs;
    /// none when neither does.
    pub shown: Option<Side>,
    /// Each block of markers.
    pub blocks: Vec<Conflict>,
}

/// One block of conflict markers, described.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// The 1-based line of its `<<<<<<<` marker.
    pub line: usize,
    /// The name of ours' side (`HEAD`).
    pub ours: String,
    /// The name of theirs' side.
    pub theirs: String,
    /// The keys whose values differ, with each side's value.
    pub keys: Vec<ConflictingKey>,
    /// The `<<<<<<<` line's place in the file.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// A key given two values, one on each side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictingKey {
    /// The key, as `venue` or `footnotes[1].text`.
    pub key: String,
    /// Ours' value as written in the file (shortened), or none when ours removed it.
    pub ours: Option<String>,
    /// Theirs' value, or none when theirs removed it.
    pub theirs: Option<String>,
}

impl FileConflict {
    /// Describes the `blocks` of `text` (the file at `path`) from each side's version of it
    /// ([`side`]) and its tree, when it parses; `shown` is the side the programme was read from.
    pub fn describe(
        path: &Path,
        text: &str,
        blocks: &[Block],
        ours: (&str, Option<&Tree>),
        theirs: (&str, Option<&Tree>),
        shown: Option<Side>,
    ) -> FileConflict {
        let described = blocks
            .iter()
            .map(|block| {
                let ours_keys = keys_in(ours.1, ours.0, &block.ours);
                let theirs_keys = keys_in(theirs.1, theirs.0, &block.theirs);
                let mut keys: Vec<ConflictingKey> = Vec::new();
                for (key, value) in &ours_keys {
                    let theirs = theirs_keys.iter().find(|(k, _)| k == key);
                    keys.push(ConflictingKey {
                        key: key.clone(),
                        ours: Some(value.clone()),
                        theirs: theirs.map(|(_, v)| v.clone()),
                    });
                }
                for (key, value) in &theirs_keys {
                    if !ours_keys.iter().any(|(k, _)| k == key) {
                        keys.push(ConflictingKey {
                            key: key.clone(),
                            ours: None,
                            theirs: Some(value.clone()),
                        });
                    }
                }
                Conflict {
                    line: text[..block.span.start].matches('\n').count() + 1,
                    ours: block.ours_label.clone(),
                    theirs: block.theirs_label.clone(),
                    keys,
                    span: block.opening.clone(),
                }
            })
            .collect();
        FileConflict {
            file: path.to_path_buf(),
            shown,
            blocks: described,
        }
    }

    /// The name of the side the programme was read from, as the markers give it.
    pub fn shown_label(&self) -> Option<&str> {
        let block = self.blocks.first()?;
        Some(match self.shown? {
            Side::Ours => block.ours.as_str(),
            Side::Theirs => block.theirs.as_str(),
        })
    }

    /// One finding per block, at its `<<<<<<<` line, saying what differs and how to resolve it.
    pub fn findings(&self) -> Vec<Finding> {
        let file = self.file.display().to_string();
        self.blocks
            .iter()
            .map(|block| {
                Finding::error(FINDING, block.message())
                    .at(&self.file, Some(block.span.clone()))
                    .hint(resolve_hint(&block.ours, &block.theirs, &file))
            })
            .collect()
    }
}

impl Conflict {
    /// What differs, in a line: "unresolved merge conflict: `venue` is "Quito" in HEAD and
    /// "Lima" in a-real".
    pub fn message(&self) -> String {
        crate::tr!("store-merge-conflict", summary = self.summary())
    }

    /// What differs, without the preamble.
    pub fn summary(&self) -> String {
        let name = |label: &str, fallback: String| {
            if label.is_empty() {
                fallback
            } else {
                label.to_string()
            }
        };
        let (ours, theirs) = (
            name(&self.ours, crate::tr!("store-conflict-ours")),
            name(&self.theirs, crate::tr!("store-conflict-theirs")),
        );
        if self.keys.is_empty() {
            return crate::tr!("store-conflict-lines", ours = ours, theirs = theirs);
        }
        let value = |value: &Option<String>, side: &str| match value {
            Some(value) => crate::tr!("store-conflict-value", value = value.as_str(), side = side),
            None => crate::tr!("store-conflict-absent", side = side),
        };
        self.keys
            .iter()
            .map(|key| {
                crate::tr!(
                    "store-conflict-key",
                    key = key.key.as_str(),
                    ours = value(&key.ours, &ours),
                    theirs = value(&key.theirs, &theirs)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// How to resolve a conflict between `ours` and `theirs` in `file`.
fn resolve_hint(ours: &str, theirs: &str, file: &str) -> String {
    let side = |label: &str, fallback: String| {
        if label.is_empty() {
            fallback
        } else {
            label.to_string()
        }
    };
    crate::tr!(
        "store-merge-conflict-hint",
        ours = side(ours, crate::tr!("store-conflict-ours")),
        theirs = side(theirs, crate::tr!("store-conflict-theirs")),
        file = file
    )
}

/// The outermost keys (and `[[table]]` elements) written within `range` of a side's `text`,
/// with their values as written, shortened.
fn keys_in(tree: Option<&Tree>, text: &str, range: &Range<usize>) -> Vec<(String, String)> {
    let Some(tree) = tree else {
        return Vec::new();
    };
    let inside = |node: &crate::syntax::tree::Node| {
        matches!(node.kind, NodeKind::KeyValue | NodeKind::Header)
            && node
                .key
                .as_ref()
                .is_some_and(|key| range.start <= key.start && key.start < range.end)
    };
    let mut found: Vec<(String, String)> = Vec::new();
    let mut outer: Vec<&crate::syntax::tree::Path> = Vec::new();
    for node in tree.nodes.iter().filter(|node| inside(node)) {
        if outer.iter().any(|path| node.path.starts_with(path)) {
            continue;
        }
        outer.push(&node.path);
        let written = match node.kind {
            NodeKind::Header => {
                let end = tree
                    .subtree(&node.path)
                    .filter_map(|n| n.extent.as_ref().or(n.value.as_ref()).map(|r| r.end))
                    .max()
                    .unwrap_or(range.end)
                    .min(range.end);
                let start = node.key.as_ref().map_or(range.start, |k| k.end);
                let body = text.get(start..end).unwrap_or_default();
                body.trim_start_matches(']')
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            _ => node
                .value
                .as_ref()
                .and_then(|value| text.get(value.clone()))
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        found.push((DisplayPath(&node.path).to_string(), shorten(&written)));
    }
    found
}

/// The first line of `text`, cut to [`SHORT`] characters, with `…` when anything is left out.
fn shorten(text: &str) -> String {
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let line = line.trim();
    let cut: String = line.chars().take(SHORT).collect();
    if cut.len() < text.trim().len() {
        format!("{}…", cut.trim_end())
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "code = \"I.1.2\"\n<<<<<<< HEAD\nvenue = \"Quito\"\n=======\nvenue = \"Lima\"\n>>>>>>> a-real\nprogress = 40\n";

    #[test]
    fn blocks_are_found_with_their_sides() {
        let blocks = find(FILE);
        assert_eq!(blocks.len(), 1);
        let block = &blocks[0];
        assert_eq!(&FILE[block.ours.clone()], "venue = \"Quito\"\n");
        assert_eq!(&FILE[block.theirs.clone()], "venue = \"Lima\"\n");
        assert_eq!(block.ours_label, "HEAD");
        assert_eq!(block.theirs_label, "a-real");
        assert_eq!(&FILE[block.opening.clone()], "<<<<<<< HEAD");
        let ours = side(FILE, &blocks, Side::Ours);
        assert_eq!(ours.len(), FILE.len());
        let value: toml::Table = ours.parse().expect("ours parses");
        assert_eq!(value["venue"].as_str(), Some("Quito"));
        let value: toml::Table = side(FILE, &blocks, Side::Theirs).parse().expect("parses");
        assert_eq!(value["venue"].as_str(), Some("Lima"));
        assert_eq!(value["progress"].as_integer(), Some(40));
    }

    #[test]
    fn incomplete_or_unequal_markers_are_text() {
        assert!(!has_markers("a = \"<<<<<<< not at start\"\n"));
        assert!(!has_markers("<<<<<<< HEAD\nno end\n=======\n"));
        assert!(!has_markers("<<<<<<< HEAD\na\n=========\nb\n>>>>>>> x\n"));
        assert!(has_markers(
            "<<<<<<<<<< HEAD\na\n==========\nb\n>>>>>>>>>> x\n"
        ));
        let diff3 = "<<<<<<< HEAD\na = 1\n||||||| base\na = 0\n=======\na = 2\n>>>>>>> x\n";
        let blocks = find(diff3);
        assert_eq!(blocks.len(), 1);
        assert_eq!(&diff3[blocks[0].base.clone().expect("base")], "a = 0\n");
        assert_eq!(&diff3[blocks[0].theirs.clone()], "a = 2\n");
    }

    /// The conflicts of `text`, each side read as TOML.
    fn described(text: &str) -> FileConflict {
        let blocks = find(text);
        assert!(!blocks.is_empty(), "no conflict in {text}");
        let ours = side(text, &blocks, Side::Ours);
        let theirs = side(text, &blocks, Side::Theirs);
        let (ours_tree, theirs_tree) = (Tree::parse(&ours).ok(), Tree::parse(&theirs).ok());
        FileConflict::describe(
            Path::new("a.toml"),
            text,
            &blocks,
            (&ours, ours_tree.as_ref()),
            (&theirs, theirs_tree.as_ref()),
            Some(Side::Ours),
        )
    }

    #[test]
    fn a_conflict_names_the_key_and_both_values() {
        let conflict = described(FILE);
        assert_eq!(conflict.shown, Some(Side::Ours));
        assert_eq!(conflict.blocks[0].line, 2);
        assert_eq!(
            conflict.blocks[0].message(),
            "unresolved merge conflict: `venue` is \"Quito\" in HEAD and \"Lima\" in a-real"
        );
        let finding = &conflict.findings()[0];
        assert_eq!(finding.code, FINDING);
        assert_eq!(finding.span, Some(15..27));
        assert!(
            finding
                .hint
                .as_deref()
                .is_some_and(|h| h.ends_with("then `git add a.toml`")),
            "{finding:?}"
        );
    }

    #[test]
    fn written_blocks_are_found_again() {
        let mut text = String::from("a = 1\n");
        let labels = Labels {
            ours: "HEAD",
            theirs: "other",
        };
        write_block(&mut text, "b = 2", "", labels, 9);
        assert_eq!(
            text,
            "a = 1\n<<<<<<<<< HEAD\nb = 2\n=========\n>>>>>>>>> other\n"
        );
        let conflict = described(&text);
        assert_eq!(
            conflict.blocks[0].summary(),
            "`b` is 2 in HEAD and not there in other"
        );
    }
}
