//! Words and case: titles out of SHOUTING capitals, slugs, footnote references.

use std::collections::HashMap;

/// Words title case leaves in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "among", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "with",
];

/// Whether `text` is written in capitals (at least two letters, none lower case).
pub fn is_shouting(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase())
}

/// `INTRA-REGIONAL RELATIONS` → `Intra-Regional Relations`.
pub fn title_case(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
                lower
            } else {
                lower
                    .split('-')
                    .map(capitalise)
                    .collect::<Vec<_>>()
                    .join("-")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `word` with its first letter in upper case.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How a document writes its words in running text, to give a title in capitals the case
/// the document itself uses: proper nouns and acronyms keep their capitals.
#[derive(Debug, Default)]
pub struct WordCase {
    /// For each word in lower case: how often it is written lower, Capitalised, UPPER.
    counts: HashMap<String, [usize; 3]>,
}

impl WordCase {
    /// Learns from running text; words that start a sentence are not counted.
    pub fn learn(&mut self, text: &str) {
        let mut sentence_start = true;
        for raw in text.split_whitespace() {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.is_empty() && !sentence_start {
                let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
                let form = if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                    2
                } else if letters.first().is_some_and(|c| c.is_uppercase()) {
                    1
                } else {
                    0
                };
                self.counts.entry(word.to_lowercase()).or_default()[form] += 1;
            }
            sentence_start = raw.ends_with(['.', '?', '!', ':']);
        }
    }

    /// `text` (in capitals) in sentence case, keeping the capitals of the words the document
    /// writes with them: `SUPPORT … AMONG LATIN AMERICAN … COUNTRIES` →
    /// `Support … among Latin American … countries`.
    pub fn sentence_case(&self, text: &str) -> String {
        text.split_whitespace()
            .enumerate()
            .map(|(i, raw)| {
                let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
                let lower = raw.to_lowercase();
                let [low, cap, upper] = self
                    .counts
                    .get(&core.to_lowercase())
                    .copied()
                    .unwrap_or_default();
                if upper > low + cap && !core.is_empty() {
                    raw.to_string()
                } else if i == 0 || cap > low {
                    lower
                        .split('-')
                        .map(capitalise)
                        .collect::<Vec<_>>()
                        .join("-")
                } else {
                    lower
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A short stable identifier for a programme from its title: its significant words up to the
/// first preposition that follows three of them, `Integration process and economic growth in
/// Latin America…` → `integration-process-economic-growth`; `SELA - SMEs` → `sela-smes`.
pub fn programme_slug(title: &str) -> String {
    const CUT: &[&str] = &["in", "among", "of", "for", "to", "on", "with", "from"];
    let mut words = Vec::new();
    for word in title.split_whitespace() {
        let lower = word.to_lowercase();
        if words.len() >= 3 && CUT.contains(&lower.as_str()) {
            break;
        }
        if !SMALL_WORDS.contains(&lower.as_str()) {
            words.push(word);
        }
    }
    slug(&words.join(" "))
}

/// A stable identifier from a text: `SELA - SMEs` → `sela-smes`.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The footnote labels `text` cites as `[^id]`, in order.
pub fn footnote_references(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        let after = &rest[start + 2..];
        match after.find(']') {
            Some(end) if end > 0 && !after[end + 1..].starts_with(':') => {
                ids.push(after[..end].to_string());
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    ids
}

/// A paragraph wholly in italics without its markers (the foreword is set in italics).
pub fn unwrap_italics(text: &str) -> String {
    let inner = text
        .strip_prefix('*')
        .and_then(|t| t.strip_suffix('*'))
        .filter(|t| !t.starts_with('*') && !t.contains('*'));
    inner.unwrap_or(text).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_their_capitals() {
        assert_eq!(
            title_case("INTRA-REGIONAL RELATIONS"),
            "Intra-Regional Relations"
        );
        assert_eq!(
            title_case("ECONOMIC AND TECHNICAL COOPERATION"),
            "Economic and Technical Cooperation"
        );
        let mut case = WordCase::default();
        case.learn("Cooperation among Latin American countries of SELA and the Caribbean.");
        assert_eq!(
            case.sentence_case(
                "SUPPORT TO COOPERATION AMONG LATIN AMERICAN AND CARIBBEAN COUNTRIES OF SELA"
            ),
            "Support to cooperation among Latin American and Caribbean countries of SELA"
        );
    }

    #[test]
    fn slugs_and_references() {
        assert_eq!(slug("SELA - SMEs"), "sela-smes");
        assert_eq!(
            programme_slug(
                "Integration process and economic growth in Latin America and the Caribbean"
            ),
            "integration-process-economic-growth"
        );
        assert_eq!(
            programme_slug(
                "Evaluation and promotion of extra-regional economic relations of Latin American and Caribbean countries"
            ),
            "evaluation-promotion-extra-regional-economic-relations"
        );
        assert_eq!(programme_slug("SELA - SMEs"), "sela-smes");
        assert_eq!(slug("Área económica"), "area-economica");
        assert_eq!(footnote_references("a[^1] b[^12]. [^3]: no"), ["1", "12"]);
        assert!(is_shouting("ECONOMIC AND SOCIAL DEVELOPMENT"));
        assert!(!is_shouting("SELA - SMEs"));
    }
}
