//! The plain line merge, as `git merge-file` makes it: for versions that do not parse, so that
//! nothing is lost when a field-by-field merge is impossible.

use super::sequence::{self, Outcome, Style};
use crate::store::conflict::{Labels, write_block};

/// Merges `ours` and `theirs` line by line against `base`; returns the text, with a block of
/// conflict markers of `marker_size` around each stretch both changed differently, and the
/// number of such blocks.
pub(super) fn merge(
    base: &str,
    ours: &str,
    theirs: &str,
    labels: Labels,
    marker_size: usize,
) -> (String, usize) {
    let (b, o, t) = (lines(base), lines(ours), lines(theirs));
    let mut out = String::with_capacity(ours.len().max(theirs.len()));
    let mut conflicts = 0;
    for chunk in sequence::merge(&b, &o, &t, Style::Lines) {
        let (ours, theirs) = (&o[chunk.ours], &t[chunk.theirs]);
        match chunk.outcome {
            Outcome::Unchanged | Outcome::Ours => out.extend(ours.iter().copied()),
            Outcome::Theirs => out.extend(theirs.iter().copied()),
            Outcome::Both | Outcome::Conflict => {
                // The lines both sides agree on at either end stay outside the markers.
                let head = ours.iter().zip(theirs).take_while(|(a, b)| a == b).count();
                let tail = ours[head..]
                    .iter()
                    .rev()
                    .zip(theirs[head..].iter().rev())
                    .take_while(|(a, b)| a == b)
                    .count();
                out.extend(ours[..head].iter().copied());
                write_block(
                    &mut out,
                    &ours[head..ours.len() - tail].concat(),
                    &theirs[head..theirs.len() - tail].concat(),
                    labels,
                    marker_size,
                );
                out.extend(ours[ours.len() - tail..].iter().copied());
                conflicts += 1;
            }
        }
    }
    (out, conflicts)
}

/// The lines of `text`, each with its newline.
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: Labels = Labels {
        ours: "HEAD",
        theirs: "other",
    };

    #[test]
    fn lines_apart_merge_and_a_line_changed_twice_is_marked() {
        let base = "a\nb\nc\nd\n";
        let (text, conflicts) = merge(base, "A\nb\nc\nd\n", "a\nb\nc\nD", LABELS, 7);
        assert_eq!((text.as_str(), conflicts), ("A\nb\nc\nD", 0));
        // As with git, changes to neighbouring lines conflict.
        let (_, conflicts) = merge(base, "A\nb\nc\nd\n", "a\nB\nc\nd\n", LABELS, 7);
        assert_eq!(conflicts, 1);
        let (text, conflicts) = merge(base, "a\nX\nc\nd\n", "a\nY\nc\nd\n", LABELS, 7);
        assert_eq!(conflicts, 1);
        assert_eq!(
            text,
            "a\n<<<<<<< HEAD\nX\n=======\nY\n>>>>>>> other\nc\nd\n"
        );
    }

    #[test]
    fn the_lines_both_agree_on_stay_outside_the_markers() {
        let (text, conflicts) = merge("a\nb\n", "a\nx\ny\nz\n", "a\nx\nw\nz\n", LABELS, 9);
        assert_eq!(conflicts, 1);
        assert_eq!(
            text,
            "a\nx\n<<<<<<<<< HEAD\ny\n=========\nw\n>>>>>>>>> other\nz\n"
        );
    }
}
