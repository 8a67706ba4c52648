//! Three-way merge of a sequence (the lines of a file, the items of a list): the changes each
//! side made to the common ancestor, taken together where they do not overlap.

use std::hash::Hash;
use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

/// One stretch of the merged sequence, in order, with the stretch of each version it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// The ancestor's stretch.
    pub base: Range<usize>,
    /// Ours' stretch.
    pub ours: Range<usize>,
    /// Theirs' stretch.
    pub theirs: Range<usize>,
    /// What the merge makes of it.
    pub outcome: Outcome,
}

/// What the merge makes of a stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Neither side changed it: ours' stretch is the ancestor's.
    Unchanged,
    /// Only ours changed it, or both alike: ours' stretch is the result.
    Ours,
    /// Only theirs changed it: theirs' stretch is the result.
    Theirs,
    /// Both inserted something different here and removed nothing: ours' insertion, then
    /// theirs' (only in the [`Style::Items`] style).
    Both,
    /// Both changed it differently.
    Conflict,
}

/// How close two changes may come before they conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// For the items of a list: changes to neighbouring items are apart, and two insertions
    /// at one place are both kept, ours first ([`Outcome::Both`]).
    Items,
    /// As `git merge-file` merges lines of text: changes to neighbouring lines, and two
    /// insertions at one place, conflict.
    Lines,
}

/// A stretch of the ancestor one side replaced with a stretch of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Hunk {
    base: Range<usize>,
    side: Range<usize>,
}

impl Hunk {
    /// How much longer the side's stretch is than the ancestor's.
    fn growth(&self) -> isize {
        self.side.len() as isize - self.base.len() as isize
    }
}

/// The stretches of `base` that `side` changed, in order, each as long as it can be.
///
/// The places are worked out from the lengths of the diff's operations, in order, and the
/// stretches it calls equal are checked to be: similar 2.7 can report wrong indices in its
/// operations. Should the script not hold, the whole changed middle is one stretch.
fn hunks<T: Hash + Eq + Ord>(base: &[T], side: &[T]) -> Vec<Hunk> {
    let mut hunks: Vec<Hunk> = Vec::new();
    let (mut old, mut new) = (0, 0);
    for op in capture_diff_slices(Algorithm::Myers, base, side) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let (old_len, new_len) = (old_range.len(), new_range.len());
        let (old_end, new_end) = (old + old_len, new + new_len);
        if tag == DiffTag::Equal {
            if base.get(old..old_end) != side.get(new..new_end) {
                return one_hunk(base, side);
            }
        } else {
            match hunks.last_mut() {
                Some(last) if last.base.end == old && last.side.end == new => {
                    last.base.end = old_end;
                    last.side.end = new_end;
                }
                _ => hunks.push(Hunk {
                    base: old..old_end,
                    side: new..new_end,
                }),
            }
        }
        (old, new) = (old_end, new_end);
    }
    if old != base.len() || new != side.len() {
        return one_hunk(base, side);
    }
    hunks
}

/// All that differs between `base` and `side` as one stretch, between what they begin and end
/// with alike.
fn one_hunk<T: Eq>(base: &[T], side: &[T]) -> Vec<Hunk> {
    let head = base.iter().zip(side).take_while(|(a, b)| a == b).count();
    let tail = base[head..]
        .iter()
        .rev()
        .zip(side[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    if head == base.len() && head == side.len() {
        return Vec::new();
    }
    vec![Hunk {
        base: head..base.len() - tail,
        side: head..side.len() - tail,
    }]
}

/// Whether `next` (which does not start before the group) overlaps the group of hunks that
/// covers `group` of the ancestor. In the [`Style::Items`] style changes that only touch are
/// apart: an insertion just before or just after a changed stretch goes beside it.
fn overlaps(group: &Range<usize>, next: &Range<usize>, style: Style) -> bool {
    if style == Style::Lines {
        return next.start <= group.end;
    }
    if group.is_empty() {
        // Insertions at one place meet only insertions at that same place.
        return next.is_empty() && next.start == group.start;
    }
    next.start < group.end && (!next.is_empty() || next.start > group.start)
}

/// Which side a hunk came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Ours,
    Theirs,
}

/// Merges the changes `ours` and `theirs` each made to `base`.
///
/// Changes to different stretches are all taken, the same change made on both sides once;
/// where both changed one stretch differently (or, in the [`Style::Lines`] style, neighbouring
/// stretches) the chunk is a conflict, except two insertions at one place in the
/// [`Style::Items`] style, which are both kept.
pub fn merge<T: Hash + Eq + Ord>(base: &[T], ours: &[T], theirs: &[T], style: Style) -> Vec<Chunk> {
    let mut all: Vec<(Side, Hunk)> = hunks(base, ours)
        .into_iter()
        .map(|h| (Side::Ours, h))
        .chain(hunks(base, theirs).into_iter().map(|h| (Side::Theirs, h)))
        .collect();
    all.sort_by_key(|(_, h)| (h.base.start, h.base.end));

    let mut chunks = Vec::new();
    // How much longer each side is than the ancestor before the current place.
    let (mut ours_growth, mut theirs_growth) = (0isize, 0isize);
    let shift = |pos: usize, growth: isize| pos.saturating_add_signed(growth);
    let unchanged = |from: usize, to: usize, ours_growth: isize, theirs_growth: isize| Chunk {
        base: from..to,
        ours: shift(from, ours_growth)..shift(to, ours_growth),
        theirs: shift(from, theirs_growth)..shift(to, theirs_growth),
        outcome: Outcome::Unchanged,
    };
    let mut at = 0;
    let mut next = 0;
    while let Some((_, first)) = all.get(next) {
        let mut group = first.base.clone();
        let mut end = next + 1;
        while let Some((_, hunk)) = all.get(end) {
            if !overlaps(&group, &hunk.base, style) {
                break;
            }
            group.end = group.end.max(hunk.base.end);
            end += 1;
        }
        let members = &all[next..end];
        next = end;
        if at < group.start {
            chunks.push(unchanged(at, group.start, ours_growth, theirs_growth));
        }
        at = group.end;
        let grown = |side: Side| -> isize {
            members
                .iter()
                .filter(|(s, _)| *s == side)
                .map(|(_, h)| h.growth())
                .sum()
        };
        let (ours_in, theirs_in) = (grown(Side::Ours), grown(Side::Theirs));
        let ours_part = shift(group.start, ours_growth)..shift(group.end, ours_growth + ours_in);
        let theirs_part =
            shift(group.start, theirs_growth)..shift(group.end, theirs_growth + theirs_in);
        ours_growth += ours_in;
        theirs_growth += theirs_in;
        let sides = |side: Side| members.iter().any(|(s, _)| *s == side);
        let outcome = match (sides(Side::Ours), sides(Side::Theirs)) {
            (true, false) => Outcome::Ours,
            (false, _) => Outcome::Theirs,
            (true, true) if ours[ours_part.clone()] == theirs[theirs_part.clone()] => Outcome::Ours,
            (true, true) if group.is_empty() && style == Style::Items => Outcome::Both,
            (true, true) => Outcome::Conflict,
        };
        chunks.push(Chunk {
            base: group,
            ours: ours_part,
            theirs: theirs_part,
            outcome,
        });
    }
    if at < base.len() {
        chunks.push(unchanged(at, base.len(), ours_growth, theirs_growth));
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The merge as text: clean items as they are, `(ours|theirs)` for a conflict.
    fn merged(base: &str, ours: &str, theirs: &str, style: Style) -> String {
        let split = |s: &str| s.chars().map(String::from).collect::<Vec<_>>();
        let (b, o, t) = (split(base), split(ours), split(theirs));
        let mut out = String::new();
        for chunk in merge(&b, &o, &t, style) {
            let (ours, theirs) = (o[chunk.ours].concat(), t[chunk.theirs].concat());
            assert!(chunk.base.end <= b.len());
            match chunk.outcome {
                Outcome::Unchanged => {
                    assert_eq!(ours, b[chunk.base].concat());
                    out.push_str(&ours);
                }
                Outcome::Ours => out.push_str(&ours),
                Outcome::Theirs => out.push_str(&theirs),
                Outcome::Both => out.push_str(&format!("[{ours}+{theirs}]")),
                Outcome::Conflict => out.push_str(&format!("({ours}|{theirs})")),
            }
        }
        out
    }

    #[test]
    fn changes_apart_merge_and_alike_changes_merge_once() {
        let keep = Style::Items;
        assert_eq!(merged("abcde", "aXcde", "abcdY", keep), "aXcdY");
        assert_eq!(merged("abcde", "aXcde", "aXcde", keep), "aXcde");
        // Changes to neighbouring items are apart.
        assert_eq!(merged("abcde", "aXcde", "abYde", keep), "aXYde");
        assert_eq!(merged("abc", "bc", "ab", keep), "b");
        assert_eq!(merged("", "", "x", keep), "x");
    }

    #[test]
    fn the_same_stretch_changed_twice_conflicts() {
        let keep = Style::Items;
        assert_eq!(merged("abcde", "aXcde", "aYcde", keep), "a(X|Y)cde");
        assert_eq!(merged("abcde", "aXYde", "abZde", keep), "a(XY|bZ)de");
        // A deletion against a change inside it.
        assert_eq!(merged("abcde", "ae", "abZde", keep), "a(|bZd)e");
    }

    #[test]
    fn the_changes_are_placed_right_where_the_diff_reports_them_wrong() {
        // similar 2.7 reports this diff's deletion and insertion one place off.
        let base: Vec<&str> = "a\n\n\nc\n\nbb\n\n\n\na\n\n\na"
            .split_inclusive('\n')
            .collect();
        let side: Vec<&str> = "\n\n\na\nc\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
            .split_inclusive('\n')
            .collect();
        let merged: Vec<&str> = merge(&base, &side, &base, Style::Lines)
            .into_iter()
            .flat_map(|chunk| match chunk.outcome {
                Outcome::Theirs => base[chunk.theirs].to_vec(),
                _ => side[chunk.ours].to_vec(),
            })
            .collect();
        assert_eq!(merged, side);
        for hunk in hunks(&base, &side) {
            assert!(hunk.base.end <= base.len() && hunk.side.end <= side.len());
        }
    }

    #[test]
    fn insertions_at_one_place_are_kept_both_or_conflict() {
        assert_eq!(merged("ab", "abX", "abY", Style::Items), "ab[X+Y]");
        assert_eq!(merged("ab", "abX", "abY", Style::Lines), "ab(X|Y)");
        // An item inserted just before or after a changed item goes beside it.
        assert_eq!(merged("abc", "aXbc", "aYc", Style::Items), "aXYc");
        assert_eq!(merged("abc", "abXc", "aYc", Style::Items), "aYXc");
        // Lines are closer: neighbouring changes conflict, as with git.
        assert_eq!(merged("abc", "aXbc", "aYc", Style::Lines), "a(Xb|Y)c");
        assert_eq!(merged("abcd", "Xbcd", "aYcd", Style::Lines), "(Xb|aY)cd");
        assert_eq!(merged("abcd", "Xbcd", "abcY", Style::Lines), "XbcY");
    }
}
