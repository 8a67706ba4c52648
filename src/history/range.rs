//! Ranges of revisions as git writes them: `A..B` and `A...B`, and the commits and states
//! they name.

use std::collections::HashSet;

use super::{HistoryError, Repo, Result};

/// Two revisions joined as git joins them; a side left empty is `HEAD` (`main..` is
/// `main..HEAD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RevisionRange {
    /// `A..B`: to `diff`, the two states; to `log`, the commits in B and not in A.
    TwoDot(String, String),
    /// `A...B`: to `diff`, from the merge base of A and B to B (what a pull request shows);
    /// to `log`, the commits in either and not in both.
    ThreeDot(String, String),
    /// A single revision, to `log`: the commits it is reached from (as `git log REV`).
    UpTo(String),
}

impl RevisionRange {
    /// The range `text` writes, or `None` when it writes a single revision.
    pub fn parse(text: &str) -> Option<RevisionRange> {
        let side = |rev: &str| {
            if rev.is_empty() {
                "HEAD".to_string()
            } else {
                rev.to_string()
            }
        };
        if let Some((a, b)) = text.split_once("...") {
            return Some(RevisionRange::ThreeDot(side(a), side(b)));
        }
        let (a, b) = text.split_once("..")?;
        Some(RevisionRange::TwoDot(side(a), side(b)))
    }
}

impl std::fmt::Display for RevisionRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RevisionRange::TwoDot(a, b) => write!(f, "{a}..{b}"),
            RevisionRange::ThreeDot(a, b) => write!(f, "{a}...{b}"),
            RevisionRange::UpTo(rev) => f.write_str(rev),
        }
    }
}

/// The commits a range names for `log`.
pub(super) struct RangeCommits {
    /// The tips the range starts from (B, or A and B).
    pub tips: Vec<git2::Oid>,
    /// The commits in the range, oldest first, in the order of the whole walk.
    pub order: Vec<git2::Oid>,
    /// The same, to look up.
    pub set: HashSet<git2::Oid>,
}

impl Repo {
    /// The full id of the best common ancestor of `a` and `b`: where `A...B` starts.
    pub fn merge_base(&self, a: &str, b: &str) -> Result<String> {
        let (left, right) = (self.resolve(a)?, self.resolve(b)?);
        match self.git.merge_base(left, right) {
            Ok(id) => Ok(id.to_string()),
            Err(error) if error.code() == git2::ErrorCode::NotFound => {
                Err(HistoryError::NoMergeBase {
                    a: a.to_string(),
                    b: b.to_string(),
                })
            }
            Err(error) => Err(error.into()),
        }
    }

    /// The commits of `range` as `git log` reads it: `A..B` those reachable from B and not
    /// from A, `A...B` those reachable from either and not from both, `REV` those reachable
    /// from it.
    pub(super) fn range_commits(&self, range: &RevisionRange) -> Result<RangeCommits> {
        let mut walk = self.git.revwalk()?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::REVERSE)?;
        let tips = match range {
            RevisionRange::UpTo(rev) => {
                let tip = self.resolve(rev)?;
                walk.push(tip)?;
                vec![tip]
            }
            RevisionRange::TwoDot(a, b) => {
                let (left, right) = (self.resolve(a)?, self.resolve(b)?);
                walk.push(right)?;
                walk.hide(left)?;
                vec![right]
            }
            RevisionRange::ThreeDot(a, b) => {
                let (left, right) = (self.resolve(a)?, self.resolve(b)?);
                walk.push(left)?;
                walk.push(right)?;
                match self.git.merge_bases(left, right) {
                    Ok(bases) => {
                        for base in bases.iter() {
                            walk.hide(*base)?;
                        }
                    }
                    Err(error) if error.code() == git2::ErrorCode::NotFound => {}
                    Err(error) => return Err(error.into()),
                }
                vec![left, right]
            }
        };
        let order: Vec<git2::Oid> = walk.collect::<std::result::Result<_, _>>()?;
        let set = order.iter().copied().collect();
        Ok(RangeCommits { tips, order, set })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_git_reads_them() {
        let two = |a: &str, b: &str| Some(RevisionRange::TwoDot(a.into(), b.into()));
        let three = |a: &str, b: &str| Some(RevisionRange::ThreeDot(a.into(), b.into()));
        assert_eq!(RevisionRange::parse("main..review"), two("main", "review"));
        assert_eq!(
            RevisionRange::parse("main...review"),
            three("main", "review")
        );
        assert_eq!(RevisionRange::parse("main.."), two("main", "HEAD"));
        assert_eq!(RevisionRange::parse("...review"), three("HEAD", "review"));
        assert_eq!(RevisionRange::parse("HEAD~2"), None);
        assert_eq!(
            RevisionRange::parse("main...review").map(|r| r.to_string()),
            Some("main...review".to_string())
        );
    }
}
