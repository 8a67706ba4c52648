//! What prose says that the data can contradict: totals the foreword quotes ("eight studies",
//! "24 events") and footnote citations (`[^3]`).

use std::ops::Range;

/// What a total counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// Activities of kind `study`.
    Studies,
    /// Activities of kind `event`.
    Events,
    /// All activities.
    Activities,
}

impl Noun {
    /// The word, as prose writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Noun::Studies => "studies",
            Noun::Events => "events",
            Noun::Activities => "activities",
        }
    }

    fn of(word: &str) -> Option<Noun> {
        match word.to_lowercase().as_str() {
            "studies" => Some(Noun::Studies),
            "events" => Some(Noun::Events),
            "activities" => Some(Noun::Activities),
            _ => None,
        }
    }
}

/// A number of things the prose states: "eight studies".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// What is counted.
    pub noun: Noun,
    /// How many the prose says.
    pub count: usize,
    /// Where the phrase is in the text given.
    pub span: Range<usize>,
}

const UNITS: [&str; 30] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "twenty-one",
    "twenty-two",
    "twenty-three",
    "twenty-four",
    "twenty-five",
    "twenty-six",
    "twenty-seven",
    "twenty-eight",
    "twenty-nine",
    "thirty",
];

/// The value of a number written in digits (below 1000) or in words (one to thirty).
fn number(word: &str) -> Option<usize> {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return word.parse().ok().filter(|n| *n < 1000);
    }
    let word = word.to_lowercase();
    UNITS.iter().position(|unit| *unit == word).map(|i| i + 1)
}

/// The words of `text` (letters, digits and hyphens) with their offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || c == '-';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..]));
    }
    words
}

/// Every `<number> studies|events|activities` in `text`, the number right before the noun
/// (spaces between, or "eight (8) studies", or "twenty four events").
pub fn claims(text: &str) -> Vec<Claim> {
    let words = words(text);
    let gap_is_plain = |a: (usize, &str), b: (usize, &str)| {
        text.get(a.0 + a.1.len()..b.0).is_some_and(|gap| {
            gap.chars()
                .all(|c| c.is_whitespace() || c == '(' || c == ')')
        })
    };
    let mut claims = Vec::new();
    for i in 1..words.len() {
        let Some(noun) = Noun::of(words[i].1) else {
            continue;
        };
        let before = words[i - 1];
        let Some(mut count) = number(before.1).filter(|_| gap_is_plain(before, words[i])) else {
            continue;
        };
        let mut start = before.0;
        if i >= 2 && gap_is_plain(words[i - 2], before) {
            let earlier = words[i - 2];
            match number(earlier.1) {
                // "eight (8) studies"
                Some(same) if same == count => start = earlier.0,
                // "twenty four events"
                Some(tens @ (20 | 30))
                    if count < 10 && earlier.1.chars().all(char::is_alphabetic) =>
                {
                    count += tens;
                    start = earlier.0;
                }
                _ => {}
            }
        }
        claims.push(Claim {
            noun,
            count,
            span: start..words[i].0 + words[i].1.len(),
        });
    }
    claims
}

/// Every footnote citation `[^label]` in `text`: the label and the span of the citation.
pub fn citations(text: &str) -> Vec<(String, Range<usize>)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = text.get(from..).and_then(|rest| rest.find("[^")) {
        let start = from + offset;
        let label_start = start + 2;
        let rest = text.get(label_start..).unwrap_or_default();
        let label_len = rest
            .find(|c: char| c == ']' || c.is_whitespace() || c == '[')
            .unwrap_or(rest.len());
        let closed = rest[label_len..].starts_with(']');
        if closed && label_len > 0 {
            let label = &rest[..label_len];
            found.push((label.to_string(), start..label_start + label_len + 1));
            from = label_start + label_len + 1;
        } else {
            from = label_start;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_totals_of_the_seed_foreword() {
        let text = "is scheduled to carry out eight studies, of which five will be conducted \
                    internally; and organize 24 events, combining";
        let found = claims(text);
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].noun, found[0].count), (Noun::Studies, 8));
        assert_eq!(&text[found[0].span.clone()], "eight studies");
        assert_eq!((found[1].noun, found[1].count), (Noun::Events, 24));
    }

    #[test]
    fn reads_numbers_in_several_forms() {
        let counts: Vec<_> =
            claims("Twenty four events; eight (8) studies; thirty-one activities, 7 Activities")
                .iter()
                .map(|c| (c.noun, c.count))
                .collect();
        assert_eq!(
            counts,
            [
                (Noun::Events, 24),
                (Noun::Studies, 8),
                (Noun::Activities, 7)
            ]
        );
        assert!(claims("the events of 2021, many studies, 19 virtual events").is_empty());
    }

    #[test]
    fn finds_citations() {
        let text = "one[^1] and two[^note-2], not [^ x] nor [^]";
        let found = citations(text);
        let labels: Vec<_> = found.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["1", "note-2"]);
        assert_eq!(&text[found[0].1.clone()], "[^1]");
    }
}
