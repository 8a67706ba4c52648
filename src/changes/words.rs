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
///
/// Words are compared without the spaces between them, by a patience diff: the words each
/// text has once anchor the alignment, so a reworded clause lines up on the words it kept
/// instead of on the spaces and short words every sentence shares. A run's text keeps the
/// spaces before its words (as the newer text has them, for kept words).
pub fn word_diff(old: &str, new: &str) -> Vec<WordChange> {
    let old_words = words(old);
    let new_words = words(new);
    let old_keys: Vec<&str> = old_words.iter().map(|w| w.word).collect();
    let new_keys: Vec<&str> = new_words.iter().map(|w| w.word).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &old_keys, &new_keys);
    let mut runs: Vec<WordChange> = Vec::new();
    let mut push = |tag: WordTag, word: &Word| match runs.last_mut() {
        Some(last) if last.tag == tag => last.text.push_str(word.with_space),
        _ => runs.push(WordChange {
            tag,
            text: word.with_space.to_string(),
        }),
    };
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            similar::DiffTag::Equal => new_words[new_range]
                .iter()
                .for_each(|w| push(WordTag::Equal, w)),
            similar::DiffTag::Delete => old_words[old_range]
                .iter()
                .for_each(|w| push(WordTag::Removed, w)),
            similar::DiffTag::Insert => new_words[new_range]
                .iter()
                .for_each(|w| push(WordTag::Added, w)),
            similar::DiffTag::Replace => {
                old_words[old_range]
                    .iter()
                    .for_each(|w| push(WordTag::Removed, w));
                new_words[new_range]
                    .iter()
                    .for_each(|w| push(WordTag::Added, w));
            }
        }
    }
    runs
}

/// A word of a text, and the same with the whitespace before it.
struct Word<'a> {
    word: &'a str,
    with_space: &'a str,
}

/// The words of `text` in order, each with the whitespace that precedes it.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let word_at = rest.len() - rest.trim_start().len();
        let after = &rest[word_at..];
        let word_len = after.find(char::is_whitespace).unwrap_or(after.len());
        if word_len == 0 {
            break;
        }
        let end = word_at + word_len;
        words.push(Word {
            word: &rest[word_at..end],
            with_space: &rest[..end],
        });
        start += end;
        rest = &text[start..];
    }
    words
}

/// The word diff on one line in git's `--word-diff=plain` notation (`[-old-]{+new+}`), keeping
/// `context` words either side of each change and eliding the rest with `…`.
pub fn render_word_diff(old: &str, new: &str, context: usize) -> String {
    render_word_diff_with(old, new, context, |tag, text| match tag {
        WordTag::Removed => format!("[-{text}-]"),
        WordTag::Added => format!("{{+{text}+}}"),
        WordTag::Equal => text.to_string(),
    })
}

/// The word diff on one line, each run shown by `mark`: its tag and its text, on one line and
/// escaped for a terminal (kept runs cut to `context` words either side of each change, `…`
/// for the rest).
pub fn render_word_diff_with(
    old: &str,
    new: &str,
    context: usize,
    mark: impl Fn(WordTag, &str) -> String,
) -> String {
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
        // A replacement reads `[-old-]{+new+}`, with no space between its two halves.
        let replacing = run.tag == WordTag::Added
            && i > 0
            && runs.get(i - 1).is_some_and(|r| r.tag == WordTag::Removed);
        if flat.starts_with(' ') && !replacing {
            space(&mut out);
        }
        match run.tag {
            WordTag::Removed | WordTag::Added => out.push_str(&mark(run.tag, flat.trim())),
            WordTag::Equal => {
                let words: Vec<&str> = flat.split_whitespace().collect();
                let lead = if i == 0 { 0 } else { context };
                let tail = if i == last { 0 } else { context };
                let mut kept = String::new();
                if words.len() > lead + tail + 1 {
                    kept.push_str(&words[..lead].join(" "));
                    if lead > 0 {
                        kept.push(' ');
                    }
                    kept.push('…');
                    if tail > 0 {
                        kept.push(' ');
                    }
                    kept.push_str(&words[words.len() - tail..].join(" "));
                } else {
                    kept.push_str(&words.join(" "));
                }
                out.push_str(&mark(WordTag::Equal, &kept));
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
