//! One file's patch as `git diff` prints it: the diff driver prints it after the file's fields,
//! so that what `git diff` prints still applies with `git apply` and `patch`.
//!
//! git runs an external diff driver with the path, then the old file, its blob id and mode, then
//! the new file, its blob id and mode (`/dev/null`, `.` and `.` for a side that does not exist,
//! and an all-zero id for a file of the working tree); for a rename, also the new path and the
//! lines git prints about it (`similarity index`, `rename from`, `rename to`).

use std::io::Write;

use similar::{ChangeTag, TextDiff};

/// Lines of context around each change, as git's default.
const CONTEXT: usize = 3;

/// One side of the comparison, as git names it to the driver.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The path in the repository.
    pub path: &'a str,
    /// The blob id: 40 hex digits, all zero for a working-tree file, `.` when there is none.
    pub id: &'a str,
    /// The mode (`100644`), `.` when there is none.
    pub mode: &'a str,
    /// The content; empty when there is none.
    pub bytes: &'a [u8],
}

impl Side<'_> {
    fn exists(&self) -> bool {
        self.mode != "."
    }

    /// The abbreviated blob id git's `index` line shows; for a working-tree file, the id its
    /// content would have.
    fn short_id(&self) -> String {
        if !self.exists() {
            return "0000000".to_string();
        }
        let id = if self.id.bytes().all(|b| b == b'0') {
            git2::Oid::hash_object(git2::ObjectType::Blob, self.bytes)
                .map(|oid| oid.to_string())
                .unwrap_or_else(|_| self.id.to_string())
        } else {
            self.id.to_string()
        };
        id.chars().take(7).collect()
    }
}

/// The patch from `old` to `new`, with `extended` (git's rename lines) after the `diff --git`
/// line: the files' lines exactly as they are, for `git apply` (a terminal is given it
/// through [`crate::output::Terminal`]).
pub fn git_patch(old: &Side, new: &Side, extended: Option<&str>) -> Vec<u8> {
    let mut out = Vec::new();
    let (old_path, new_path) = (old.path, new.path);
    let _ = writeln!(out, "diff --git a/{old_path} b/{new_path}");
    if let Some(extended) = extended {
        for line in extended.lines().filter(|l| !l.is_empty()) {
            let _ = writeln!(out, "{line}");
        }
    }
    let ids = format!("{}..{}", old.short_id(), new.short_id());
    match (old.exists(), new.exists()) {
        (false, _) => {
            let _ = writeln!(out, "new file mode {}\nindex {ids}", new.mode);
        }
        (_, false) => {
            let _ = writeln!(out, "deleted file mode {}\nindex {ids}", old.mode);
        }
        _ if old.mode != new.mode => {
            let _ = writeln!(out, "old mode {}\nnew mode {}", old.mode, new.mode);
            if old.bytes != new.bytes {
                let _ = writeln!(out, "index {ids}");
            }
        }
        _ if old.bytes != new.bytes => {
            let _ = writeln!(out, "index {ids} {}", new.mode);
        }
        _ => {}
    }
    if old.bytes == new.bytes {
        return out;
    }
    let from = match old.exists() {
        true => format!("a/{old_path}"),
        false => "/dev/null".to_string(),
    };
    let to = match new.exists() {
        true => format!("b/{new_path}"),
        false => "/dev/null".to_string(),
    };
    // Programme files are UTF-8 text; anything else is shown as git shows a binary file.
    let text = |bytes| {
        std::str::from_utf8(bytes)
            .ok()
            .filter(|t| !t.contains('\0'))
    };
    let (Some(old_text), Some(new_text)) = (text(old.bytes), text(new.bytes)) else {
        let _ = writeln!(out, "Binary files {from} and {to} differ");
        return out;
    };
    let _ = writeln!(out, "--- {from}\n+++ {to}");
    let diff = TextDiff::from_lines(old_text, new_text);
    for hunk in diff.unified_diff().context_radius(CONTEXT).iter_hunks() {
        let _ = writeln!(out, "{}", hunk.header());
        for change in hunk.iter_changes() {
            let tag = match change.tag() {
                ChangeTag::Equal => ' ',
                ChangeTag::Delete => '-',
                ChangeTag::Insert => '+',
            };
            let line = change.value();
            let (text, newline) = match line.strip_suffix('\n') {
                Some(text) => (text, true),
                None => (line, false),
            };
            let _ = writeln!(out, "{tag}{text}");
            if !newline {
                out.extend_from_slice(b"\\ No newline at end of file\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side<'a>(path: &'a str, bytes: &'a [u8]) -> Side<'a> {
        Side {
            path,
            id: "0000000000000000000000000000000000000000",
            mode: "100644",
            bytes,
        }
    }

    #[test]
    fn a_changed_line_is_a_hunk_with_context() {
        let patch = git_patch(
            &side("f.toml", b"a\nb\nc\n"),
            &side("f.toml", b"a\nB\nc\n"),
            None,
        );
        let text = String::from_utf8(patch).expect("UTF-8");
        assert!(
            text.starts_with("diff --git a/f.toml b/f.toml\nindex "),
            "{text}"
        );
        assert!(
            text.ends_with("--- a/f.toml\n+++ b/f.toml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"),
            "{text}"
        );
    }

    #[test]
    fn a_last_line_without_newline_is_marked() {
        let patch = git_patch(&side("f", b"a\nb"), &side("f", b"a\nc"), None);
        let text = String::from_utf8(patch).expect("UTF-8");
        assert!(
            text.ends_with("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"),
            "{text}"
        );
    }

    #[test]
    fn a_new_file_comes_from_dev_null() {
        let none = Side {
            path: "f",
            id: ".",
            mode: ".",
            bytes: b"",
        };
        let text = String::from_utf8(git_patch(&none, &side("f", b"x\n"), None)).expect("UTF-8");
        assert!(
            text.contains("new file mode 100644\nindex 0000000.."),
            "{text}"
        );
        assert!(
            text.ends_with("--- /dev/null\n+++ b/f\n@@ -0,0 +1 @@\n+x\n"),
            "{text}"
        );
    }
}
