//! The clean-up pass: the markdown's lines with conversion artefacts removed.
//!
//! Page numbers and rules go, headings run together on one line are split, HTML tags become
//! markdown and footnote superscripts become `[^n]` references and `[^n]: text` definitions.
//! Every line keeps the number it had in the input, for messages.

/// One line of the cleaned document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Its number in the input (1-based).
    pub number: usize,
    /// What it holds.
    pub kind: LineKind,
}

/// What a cleaned line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Text (a heading, a paragraph's line, a list item, a footnote definition…).
    Text(String),
    /// An empty line.
    Blank,
    /// Where a page number or a rule was: a paragraph may continue across it.
    PageBreak,
}

/// Cleans `markdown` line by line.
pub fn clean(markdown: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    for (index, raw) in markdown.lines().enumerate() {
        let number = index + 1;
        let text = html_to_markdown(raw.trim_end());
        if text.trim().is_empty() {
            lines.push(Line {
                number,
                kind: LineKind::Blank,
            });
        } else if is_page_number(&text) || is_rule(&text) {
            lines.push(Line {
                number,
                kind: LineKind::PageBreak,
            });
        } else {
            for part in split_run_together(&text) {
                lines.push(Line {
                    number,
                    kind: LineKind::Text(footnote_definition(&part)),
                });
            }
        }
    }
    lines
}

/// A line that is only a page number, whatever its decoration: `## 10`, `# 14`, `**6**`.
fn is_page_number(text: &str) -> bool {
    let bare = text.trim_start_matches('#').trim().trim_matches('*').trim();
    !bare.is_empty() && bare.len() <= 3 && bare.chars().all(|c| c.is_ascii_digit())
}

/// A thematic break: `---`, `***`, `___`.
fn is_rule(text: &str) -> bool {
    let bare: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    bare.len() >= 3
        && (bare.chars().all(|c| c == '-')
            || bare.chars().all(|c| c == '*')
            || bare.chars().all(|c| c == '_'))
}

/// Splits bold headings run together on one line: `**Activity …****A. Background…**`.
fn split_run_together(text: &str) -> Vec<String> {
    let bare = text.trim_start_matches('#').trim();
    if !(bare.starts_with("**") && bare.ends_with("**") && bare.contains("****")) {
        return vec![text.to_string()];
    }
    bare.split("****")
        .map(|part| format!("**{}**", part.trim_matches('*').trim()))
        .filter(|part| part.len() > 4)
        .collect()
}

/// Turns a line that starts with a footnote reference into a definition: `[^7] text` →
/// `[^7]: text`.
fn footnote_definition(text: &str) -> String {
    let trimmed = text.trim_start();
    if let Some(rest) = trimmed.strip_prefix("[^")
        && let Some(end) = rest.find(']')
        && rest[..end].chars().all(|c| c.is_ascii_digit())
        && !rest[end + 1..].starts_with(':')
        && !rest[end + 1..].trim().is_empty()
    {
        return format!("[^{}]: {}", &rest[..end], rest[end + 1..].trim());
    }
    text.to_string()
}

/// Replaces the HTML tags a PDF conversion leaves with markdown.
pub fn html_to_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        match tag_at(tail) {
            Some((tag, closing, len)) => {
                match (tag.as_str(), closing) {
                    ("b" | "strong", _) => out.push_str("**"),
                    ("i" | "em", _) => out.push('*'),
                    ("br", _) => out.push(' '),
                    ("sup", false) => {
                        let after = &tail[len..];
                        if let Some(end) = after.find("</sup>") {
                            out.push_str(&superscript(&after[..end]));
                            rest = &after[end + "</sup>".len()..];
                            continue;
                        }
                    }
                    _ => {}
                }
                rest = &tail[len..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The tag at the start of `text` if it is one of the formatting tags a conversion leaves:
/// its name, whether it closes, and its length.
fn tag_at(text: &str) -> Option<(String, bool, usize)> {
    const TAGS: &[&str] = &[
        "b", "strong", "i", "em", "br", "sup", "sub", "span", "u", "p", "font",
    ];
    let end = text.find('>')?;
    let inner = &text[1..end];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    let after_name = &inner[name.len()..];
    let well_formed = after_name.is_empty()
        || after_name.starts_with(' ')
        || after_name.trim() == "/"
        || after_name.starts_with('/');
    (TAGS.contains(&name.as_str()) && well_formed).then(|| (name, closing, end + 1))
}

/// A superscript's text: a number is a footnote reference, `a`/`o` the ordinal indicators.
fn superscript(inner: &str) -> String {
    let inner = inner.trim();
    if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
        format!("[^{inner}]")
    } else {
        match inner {
            "a" => "ª".to_string(),
            "o" => "º".to_string(),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(markdown: &str) -> Vec<String> {
        clean(markdown)
            .into_iter()
            .filter_map(|line| match line.kind {
                LineKind::Text(text) => Some(text),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn page_numbers_and_rules_become_breaks() {
        let lines = clean("## 10\n# 14\n## **6**\n**6**\n---\n2. An item\n");
        let kinds: Vec<_> = lines.iter().map(|l| &l.kind).collect();
        assert_eq!(kinds[..5], [&LineKind::PageBreak; 5]);
        assert_eq!(kinds[5], &LineKind::Text("2. An item".into()));
    }

    #[test]
    fn run_together_headings_are_split() {
        assert_eq!(
            texts("**Activity I.2.3. Workshop****A. Background and justification**"),
            [
                "**Activity I.2.3. Workshop**",
                "**A. Background and justification**"
            ]
        );
    }

    #[test]
    fn html_becomes_markdown() {
        assert_eq!(
            texts("<b>AREA I.</b>\ttext<sup>4</sup>, 2.<sup>a</sup> ed. <https://a.org>"),
            ["**AREA I.**\ttext[^4], 2.ª ed. <https://a.org>"]
        );
        assert_eq!(
            texts("<sup>5</sup>Thaler (2004)."),
            ["[^5]: Thaler (2004)."]
        );
    }
}
