//! Word-level differences of prose, as `programa diff` shows a reworded paragraph.

use serde::Serialize;

/// Whether a run of text was kept, taken out or put in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WordTag {
    /// In both texts.
    Equal,
    /// Only in the older text.
    Removed,
    /// Only in the newer text.
    Added,
}

/// A run of words (with the spaces between them) that share a tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordChange {
    /// Kept, removed or added.
    pub tag: WordTag,
    /// The text of the run.
    pub text: String,
}

/// The word-level difference from `old` to `new`, runs of the same tag merged.
pub fn word_diff(old: &str, new: &str) -> Vec<WordChange> {
    let diff = similar::TextDiff::from_words(old, new);
    let mut runs: Vec<WordChange> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            similar::ChangeTag::Equal => WordTag::Equal,
            similar::ChangeTag::Delete => WordTag::Removed,
            similar::ChangeTag::Insert => WordTag::Added,
        };
        match runs.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(change.value()),
            _ => runs.push(WordChange {
                tag,
                text: change.value().to_string(),
            }),
        }
    }
    runs
}

/// The word diff on one line in git's `--word-diff=plain` notation (`[-old-]{+new+}`), keeping
/// `context` words either side of each change and eliding the rest with `…`.
pub fn render_word_diff(old: &str, new: &str, context: usize) -> String {
    let runs = word_diff(old, new);
    let mut out = String::new();
    let last = runs.len().saturating_sub(1);
    for (i, run) in runs.iter().enumerate() {
        let flat = flatten(&run.text);
        let flat = crate::output::escape_line(&flat);
        if flat.trim().is_empty() {
            space(&mut out);
            continue;
        }
        if flat.starts_with(' ') {
            space(&mut out);
        }
        match run.tag {
            WordTag::Removed => out.push_str(&format!("[-{}-]", flat.trim())),
            WordTag::Added => out.push_str(&format!("{{+{}+}}", flat.trim())),
            WordTag::Equal => {
                let words: Vec<&str> = flat.split_whitespace().collect();
                let lead = if i == 0 { 0 } else { context };
                let tail = if i == last { 0 } else { context };
                if words.len() > lead + tail + 1 {
                    out.push_str(&words[..lead].join(" "));
                    if lead > 0 {
                        out.push(' ');
                    }
                    out.push('…');
                    if tail > 0 {
                        out.push(' ');
                    }
                    out.push_str(&words[words.len() - tail..].join(" "));
                } else {
                    out.push_str(&words.join(" "));
                }
            }
        }
        if flat.ends_with(' ') && i < last {
            space(&mut out);
        }
    }
    out.trim().to_string()
}

/// A space at the end of `out`, unless it has one or is empty.
fn space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// Whitespace runs (newlines included) as single spaces, keeping a leading or trailing one.
fn flatten(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}
