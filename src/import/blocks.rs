//! The block pass: cleaned lines grouped into headings, paragraphs, list items, footnote
//! definitions and contents entries, with paragraphs cut by a page re-joined.

use super::clean::{Line, LineKind};

/// A block of the document, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The input line it starts on (1-based).
    pub line: usize,
    /// What it is.
    pub kind: BlockKind,
}

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A `#` heading or a line that is all bold; the text without its markup.
    Heading(String),
    /// A paragraph (markdown).
    Paragraph(String),
    /// An item of a list: whether the list is numbered, and the item's text.
    Item {
        /// `1.`, `a)`, `1-`: an ordered list; `-`, `*`: bullets.
        numbered: bool,
        /// The text after the marker.
        text: String,
    },
    /// A footnote's definition: its label and text.
    Footnote {
        /// The label, `7`.
        id: String,
        /// The note.
        text: String,
    },
    /// A line of the contents table: its cells, without markup.
    Entry(Vec<String>),
}

/// Groups `lines` into blocks, then re-joins paragraphs cut in two.
pub fn blocks(lines: &[Line]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // Whether a page break or blank line separates the last block from what comes next.
    let mut open_paragraph = false;
    let mut crossed_page = false;
    for line in lines {
        let text = match &line.kind {
            LineKind::Blank => {
                open_paragraph = false;
                continue;
            }
            LineKind::PageBreak => {
                open_paragraph = false;
                crossed_page = true;
                continue;
            }
            LineKind::Text(text) => text,
        };
        let mut kind = classify_line(text);
        if let BlockKind::Paragraph(more) = &kind
            && open_paragraph
            && let Some(Block {
                kind: BlockKind::Footnote { id, .. },
                ..
            }) = blocks.last()
            && let Some(next) = misplaced_marker(more, id)
        {
            // A footnote's next line holding the following note, its marker misplaced by the
            // conversion: `Cavalcanti Ferreira, Pedro [^12]; De Abreu…`.
            let text = more
                .replace(&format!(" [^{next}]"), "")
                .replace(&format!("[^{next}]"), "");
            kind = BlockKind::Footnote { id: next, text };
        }
        if let BlockKind::Paragraph(more) = &kind
            && open_paragraph
            && let Some(Block {
                kind: BlockKind::Paragraph(previous) | BlockKind::Footnote { text: previous, .. },
                ..
            }) = blocks.last_mut()
        {
            previous.push(' ');
            previous.push_str(more);
            continue;
        }
        if let BlockKind::Paragraph(more) = &kind
            && let Some(target) = continued_block(&mut blocks, crossed_page, more)
        {
            target.push(' ');
            target.push_str(more);
            open_paragraph = true;
            crossed_page = false;
            continue;
        }
        open_paragraph = matches!(kind, BlockKind::Paragraph(_) | BlockKind::Footnote { .. });
        crossed_page = false;
        blocks.push(Block {
            line: line.number,
            kind,
        });
    }
    blocks
}

/// The text of the paragraph or list item that `next` continues, if it was cut in two: it ends
/// without final punctuation, and either a page break came between or `next` starts in lower
/// case. Footnote definitions printed at the foot of the page may come between.
fn continued_block<'a>(
    blocks: &'a mut [Block],
    crossed_page: bool,
    next: &str,
) -> Option<&'a mut String> {
    let starts_lower = next
        .trim_start_matches(['*', '_', '"', '“'])
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c == '(');
    let mut crossed_page = crossed_page;
    for block in blocks.iter_mut().rev() {
        match &mut block.kind {
            BlockKind::Footnote { .. } => crossed_page = true,
            BlockKind::Paragraph(text) | BlockKind::Item { text, .. } => {
                return (!ends_sentence(text) && (crossed_page || starts_lower)).then_some(text);
            }
            _ => return None,
        }
    }
    None
}

/// The label of a later footnote cited inside a line that continues footnote `current`: that
/// line is the later note's own text.
fn misplaced_marker(line: &str, current: &str) -> Option<String> {
    let current: u32 = current.parse().ok()?;
    super::text::footnote_references(line)
        .into_iter()
        .find(|id| id.parse::<u32>().is_ok_and(|n| n > current))
}

/// Whether `text` ends as a finished sentence (or a lead-in to a list).
pub fn ends_sentence(text: &str) -> bool {
    let mut text = text.trim_end();
    loop {
        let before = text;
        text = text.trim_end_matches(['*', '_', '"', '”', '’', '\'', ')', ']', '>']);
        if let Some(start) = text.rfind("[^")
            && text[start + 2..].chars().all(|c| c.is_ascii_digit())
        {
            text = &text[..start];
        }
        if text == before {
            break;
        }
    }
    text.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// What one line is, on its own.
fn classify_line(text: &str) -> BlockKind {
    let trimmed = text.trim();
    if trimmed.contains('\t') {
        let cells = trimmed
            .split('\t')
            .map(|cell| strip_emphasis(cell.trim()))
            .filter(|cell| !cell.is_empty())
            .collect();
        return BlockKind::Entry(cells);
    }
    if trimmed.starts_with('#') {
        let heading = trimmed.trim_start_matches('#').trim();
        return BlockKind::Heading(normalise_spaces(&strip_emphasis(heading)));
    }
    if is_all_bold(trimmed) {
        return BlockKind::Heading(normalise_spaces(&strip_emphasis(trimmed)));
    }
    if let Some(rest) = trimmed.strip_prefix("[^")
        && let Some(end) = rest.find("]:")
    {
        return BlockKind::Footnote {
            id: rest[..end].to_string(),
            text: normalise_spaces(rest[end + 2..].trim()),
        };
    }
    if let Some((numbered, item)) = list_item(trimmed) {
        return BlockKind::Item {
            numbered,
            text: normalise_spaces(item),
        };
    }
    BlockKind::Paragraph(normalise_spaces(trimmed))
}

/// A line wholly in bold: `**…**` with no other bold inside.
fn is_all_bold(text: &str) -> bool {
    text.len() > 4
        && text.starts_with("**")
        && text.ends_with("**")
        && !text[2..text.len() - 2].contains("**")
}

/// The marker kind and text of a list item: `1. `, `1) `, `a) `, `- `, `* `, `- 1- `.
fn list_item(text: &str) -> Option<(bool, &str)> {
    if let Some(rest) = text
        .strip_prefix("- ")
        .or_else(|| text.strip_prefix("* "))
        .or_else(|| text.strip_prefix("+ "))
    {
        // `- 1- Survey…`: a numbered list converted as bullets.
        if let Some((true, inner)) = numbered_marker(rest) {
            return Some((true, inner));
        }
        return Some((false, rest.trim_start()));
    }
    numbered_marker(text)
}

/// `1. text`, `12) text`, `3- text`, `a) text`.
fn numbered_marker(text: &str) -> Option<(bool, &str)> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let letter = digits == 0
        && text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && text[1..].starts_with(')');
    let marker_len = if letter { 1 } else { digits };
    if marker_len == 0 || marker_len > 3 {
        return None;
    }
    let after = &text[marker_len..];
    let punctuation = if letter { ")" } else { ".)-" };
    let mut chars = after.chars();
    let mark = chars.next()?;
    let rest = chars.as_str();
    (punctuation.contains(mark) && rest.starts_with(' ') && !rest.trim().is_empty())
        .then(|| (true, rest.trim_start()))
}

/// `text` without the emphasis markers around it: `***FOREWORD***` → `FOREWORD`, and
/// without bold markers anywhere.
pub fn strip_emphasis(text: &str) -> String {
    text.replace("**", "")
        .trim()
        .trim_matches(['*', '_'])
        .trim()
        .to_string()
}

/// Runs of spaces (conversion artefacts) as one space, trimmed.
pub fn normalise_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::clean::clean;
    use super::*;

    fn kinds(markdown: &str) -> Vec<BlockKind> {
        blocks(&clean(markdown))
            .into_iter()
            .map(|b| b.kind)
            .collect()
    }

    #[test]
    fn paragraphs_cut_by_a_page_number_are_rejoined() {
        let found = kinds("It declines by\n\n## 10\n\nGDP ranging.\n\nNext one.\n");
        assert_eq!(
            found,
            [
                BlockKind::Paragraph("It declines by GDP ranging.".into()),
                BlockKind::Paragraph("Next one.".into()),
            ]
        );
    }

    #[test]
    fn unmarked_splits_rejoin_only_before_lower_case() {
        let found = kinds("promote\n\nwell-being for all.\n\nNo period\n\nThe next.\n");
        assert_eq!(
            found,
            [
                BlockKind::Paragraph("promote well-being for all.".into()),
                BlockKind::Paragraph("No period".into()),
                BlockKind::Paragraph("The next.".into()),
            ]
        );
    }

    #[test]
    fn a_paragraph_continues_after_footnotes_at_the_foot_of_the_page() {
        let markdown =
            "not only\n\n---\n\n<sup>9</sup> OECD.  \n<https://x.org>\n\n## 52\n\nfrom banks.";
        assert_eq!(
            kinds(markdown),
            [
                BlockKind::Paragraph("not only from banks.".into()),
                BlockKind::Footnote {
                    id: "9".into(),
                    text: "OECD. <https://x.org>".into()
                },
            ]
        );
    }

    #[test]
    fn a_misplaced_marker_starts_the_next_footnote() {
        let markdown =
            "<sup>11</sup>Own calculations.  \nCavalcanti, Pedro <sup>12</sup>; Veloso (2013).";
        assert_eq!(
            kinds(markdown),
            [
                BlockKind::Footnote {
                    id: "11".into(),
                    text: "Own calculations.".into()
                },
                BlockKind::Footnote {
                    id: "12".into(),
                    text: "Cavalcanti, Pedro; Veloso (2013).".into()
                },
            ]
        );
    }

    #[test]
    fn list_styles_are_items() {
        let found = kinds("1. One\n- 2- Two\n- Bullet\na) Letter\n*8.3: Not an item*\n");
        assert_eq!(
            found,
            [
                BlockKind::Item {
                    numbered: true,
                    text: "One".into()
                },
                BlockKind::Item {
                    numbered: true,
                    text: "Two".into()
                },
                BlockKind::Item {
                    numbered: false,
                    text: "Bullet".into()
                },
                BlockKind::Item {
                    numbered: true,
                    text: "Letter".into()
                },
                BlockKind::Paragraph("*8.3: Not an item*".into()),
            ]
        );
    }

    #[test]
    fn sentence_ends_ignore_closing_marks_and_references() {
        assert!(ends_sentence("economies.[^7]"));
        assert!(ends_sentence("(IMEC)[^6]."));
        assert!(ends_sentence("as follows:"));
        assert!(!ends_sentence("the 17"));
        assert!(!ends_sentence("(OCHA), among others, in"));
    }
}
