//! Partner organisations, where an activity's text names them as co-organisers.
//!
//! Only clear statements count: "in conjunction with WHO/PAHO, UNDRR and OCHA, will organize",
//! "jointly with … (CLAD)", "Joint UNCTAD-SELA project". Sentences about past years are skipped.

/// Phrases after which the text names the organisations the work is done with.
const CUES: &[&str] = &[
    "in conjunction with ",
    "jointly with ",
    "in partnership with ",
    "in cooperation with ",
    "in continuous cooperation with ",
    "agreement signed with ",
    "the commitment among ",
];

/// The partners named in `title` and `texts`, by short name, in order of first mention;
/// `organisation` (the importer's own, `SELA`) and its spelled-out forms are left out.
pub fn partners(title: &str, texts: &[&str], organisation: &str, year: i32) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let add = |name: String, found: &mut Vec<String>| {
        let own = name == organisation;
        let part_of_known = found
            .iter()
            .any(|known| name.starts_with(&format!("{known}-")));
        if !name.is_empty() && !own && !part_of_known && !found.contains(&name) {
            found.push(name);
        }
    };
    // "Joint UNCTAD-SELA project".
    if let Some(at) = title.find("Joint ") {
        let token = title[at + "Joint ".len()..]
            .split_whitespace()
            .next()
            .unwrap_or_default();
        for name in token.split('-').filter(|name| is_acronym(name)) {
            add(name.to_string(), &mut found);
        }
    }
    for text in texts {
        for sentence in sentences(text) {
            if mentions_past_year(sentence, year) {
                continue;
            }
            let lower = sentence.to_ascii_lowercase();
            for cue in CUES {
                let mut from = 0;
                while let Some(at) = lower[from..].find(cue) {
                    let start = from + at + cue.len();
                    for name in names(clause(&sentence[start..])) {
                        add(name, &mut found);
                    }
                    from = start;
                }
            }
        }
    }
    found
}

/// Splits `text` into sentences, roughly.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(&text[start..=i]);
        start = i + 2;
    }
    out.push(&text[start..]);
    out
}

/// Whether the sentence speaks of an earlier year (`In 2019, it organized jointly with…`).
fn mentions_past_year(sentence: &str, year: i32) -> bool {
    sentence
        .split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse::<i32>().ok())
        .any(|found| (1900..year).contains(&found))
}

/// The list of names after a cue: up to the first comma followed by a word in lower case
/// other than `and`/`the`, or the end of the sentence.
fn clause(text: &str) -> &str {
    let mut end = text.len();
    for (i, _) in text.match_indices(", ") {
        let next = text[i + 2..].split_whitespace().next().unwrap_or_default();
        let lower = next.chars().next().is_some_and(char::is_lowercase);
        if lower && next != "and" && next != "the" {
            end = i;
            break;
        }
    }
    text[..end].trim_end_matches('.')
}

/// The organisations a clause names: acronyms (`UNDRR`, `WHO/PAHO`, `CLEAR-LAC`, the `CAF` of
/// `CAF-development bank`), or else the name of the last institution spelled out.
fn names(clause: &str) -> Vec<String> {
    let mut names = Vec::new();
    for raw in clause.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '-');
        let word = word.trim_matches(['/', '-']);
        if is_acronym(word) {
            names.push(word.to_string());
        } else if let Some((head, _)) = word.split_once('-')
            && is_acronym(head)
        {
            names.push(head.to_string());
        }
    }
    if names.is_empty() {
        // "the Free Competition Programme of the Pontifical Catholic University of Chile".
        let tail = clause.rsplit(" of the ").next().unwrap_or(clause);
        let words: Vec<&str> = tail.split_whitespace().collect();
        let capitalised = words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || ["of", "and", "for", "the", "de"].contains(w)
        });
        if capitalised && words.len() >= 2 {
            names.push(words.join(" "));
        }
    }
    names
}

/// An organisation's acronym: two or more capitals, perhaps joined by `/` or `-`.
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '/' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn co_organisers_are_found_and_past_years_skipped() {
        let text = "In 2019, it organized jointly with the Conference (CISS), a seminar. \
                    The Permanent Secretariat of SELA, in conjunction with WHO/PAHO, UNDRR and \
                    OCHA, will organize the Meeting.";
        assert_eq!(
            partners("Meeting", &[text], "SELA", 2021),
            ["WHO/PAHO", "UNDRR", "OCHA"]
        );
        assert_eq!(
            partners("X Meeting. Joint UNCTAD-SELA project", &[], "SELA", 2021),
            ["UNCTAD"]
        );
        let text = "It is developed jointly with the Latin American Centre (CLAD), \
                    CAF-development bank of Latin America, and the Centre (CLEAR-LAC).";
        assert_eq!(
            partners("T", &[text], "SELA", 2021),
            ["CLAD", "CAF", "CLEAR-LAC"]
        );
        let text = "It will be developed in conjunction with the Free Competition Programme of \
                    the Pontifical Catholic University of Chile, a reference in research.";
        assert_eq!(
            partners("T", &[text], "SELA", 2021),
            ["Pontifical Catholic University of Chile"]
        );
    }
}
