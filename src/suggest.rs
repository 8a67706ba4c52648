//! Suggestions for mistyped names: which of the names that exist the user probably meant.

/// How alike two names must be (normalised Damerau–Levenshtein similarity, ignoring case) for
/// one to be suggested for the other.
const NEAR_ENOUGH: f64 = 0.6;

/// The nearest of `candidates` to `word`, if one is near enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    nearest(word, candidates, 1).into_iter().next()
}

/// Up to `limit` of `candidates` near enough to `word`, nearest first; equally near ones keep
/// the order they were given in.
pub fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<&'a str> {
    let word = word.to_lowercase();
    let mut near: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|candidate| {
            let score = strsim::normalized_damerau_levenshtein(&word, &candidate.to_lowercase());
            (score, candidate)
        })
        .filter(|(score, _)| *score >= NEAR_ENOUGH)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0));
    near.into_iter()
        .take(limit)
        .map(|(_, candidate)| candidate)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["status", "progress", "planned_start", "planned_end"];
        assert_eq!(did_you_mean("statsu", keys), Some("status"));
        assert_eq!(did_you_mean("Progres", keys), Some("progress"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }

    #[test]
    fn lists_the_nearest_first_and_keeps_order_among_equals() {
        let codes = ["I.1.1", "I.1.2", "I.1.10", "II.1.1"];
        assert_eq!(nearest("i.1.3", codes, 3), ["I.1.1", "I.1.2", "I.1.10"]);
        assert_eq!(nearest("II.1.1", codes, 2), ["II.1.1", "I.1.1"]);
    }
}
