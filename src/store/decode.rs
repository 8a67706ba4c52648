//! A programme file's bytes as text: the size limit, UTF-8, and a finding that says what the
//! bytes look like when they are not text the tool can read.
//!
//! Files come from disk and from git; both go through [`decode`], so a file that is too large,
//! binary or in another encoding is one finding about that file and never stops the others
//! from being read.

use std::ops::Range;
use std::path::Path;

use crate::diagnostic::Finding;

/// The largest programme file read, in bytes. A year's largest activity file is a few
/// kilobytes; even a thousand participants take a few hundred.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// A file's text, and the finding that says why it cannot be read, if it cannot.
///
/// The text is always there for quoting: a file that is not UTF-8 comes with its bytes
/// decoded leniently, each bad one shown as U+FFFD, and the finding points at the first bad
/// one — its offset is the same in both, as every byte before it is valid.
pub fn decode(path: &Path, bytes: Vec<u8>) -> (String, Option<Finding>) {
    if bytes.len() > MAX_FILE_BYTES {
        let finding = Finding::error(
            "file-too-large",
            crate::tr!(
                "store-file-too-large",
                bytes = bytes.len(),
                most = MAX_FILE_BYTES
            ),
        )
        .at(path, None)
        .hint(crate::tr!("store-file-too-large-hint"));
        return (String::new(), Some(finding));
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        let text = String::from_utf8_lossy(&bytes[..at]).into_owned();
        let finding = Finding::error("binary-file", crate::tr!("store-binary-file"))
            .at(path, Some(text.len()..text.len()))
            .hint(match utf16_order(&bytes) {
                Some(order) => crate::tr!("store-binary-file-hint-utf16", order = order),
                None => crate::tr!("store-binary-file-hint"),
            });
        return (text, Some(finding));
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let bad_len = error.utf8_error().error_len().unwrap_or(1);
            let bytes = error.into_bytes();
            let bad = &bytes[at..(at + bad_len).min(bytes.len())];
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let span: Range<usize> = at..at + '\u{FFFD}'.len_utf8();
            let shown: Vec<String> = bad.iter().map(|b| format!("0x{b:02X}")).collect();
            let finding = Finding::error(
                "not-utf8",
                crate::tr!("store-not-utf8", bytes = shown.join(" ")),
            )
            .at(path, Some(span))
            .hint(encoding_hint(&bytes));
            (text, Some(finding))
        }
    }
}

/// The byte order of a UTF-16 text, from its byte order mark or its zero bytes.
fn utf16_order(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("little-endian"),
        [0xFE, 0xFF, ..] => Some("big-endian"),
        [first, 0, ..] if *first != 0 => Some("little-endian"),
        [0, second, ..] if *second != 0 => Some("big-endian"),
        _ => None,
    }
}

/// What encoding the bytes most likely are in, and how to convert them.
fn encoding_hint(bytes: &[u8]) -> String {
    // Bytes above 0x7F standing alone are the signature of a one-byte encoding: "é" saved by an
    // older editor as Latin-1 or Windows-1252.
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    let windows_only = bytes.iter().any(|b| (0x80..=0x9F).contains(b));
    let name = if high == 0 {
        "unknown"
    } else if windows_only {
        "Windows-1252"
    } else {
        "Latin-1 (ISO-8859-1) or Windows-1252"
    };
    let from = if windows_only {
        "WINDOWS-1252"
    } else {
        "LATIN1"
    };
    crate::tr!("store-not-utf8-hint", encoding = name, from = from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(bytes: &[u8]) -> (String, Finding) {
        let (text, finding) = decode(Path::new("a.toml"), bytes.to_vec());
        (text, finding.expect("a finding"))
    }

    #[test]
    fn utf8_text_reads_as_it_is() {
        let (text, finding) = decode(Path::new("a.toml"), "title = \"Perú\"\n".into());
        assert_eq!(text, "title = \"Perú\"\n");
        assert!(finding.is_none());
    }

    #[test]
    fn a_latin1_byte_is_found_where_it_is_and_named() {
        let (text, finding) = refused(b"code = \"I.1.1\"\ntitle = \"Caf\xe9\"\n");
        assert_eq!(finding.code, "not-utf8");
        let span = finding.span.clone().expect("a span");
        assert_eq!(&text[span], "\u{FFFD}");
        assert!(finding.message.contains("0xE9"), "{}", finding.message);
        assert!(
            finding
                .hint
                .as_deref()
                .unwrap_or_default()
                .contains("Latin-1")
        );
    }

    #[test]
    fn windows_1252_quotes_are_told_apart() {
        let (_, finding) = refused(b"title = \"\x93quoted\x94\"\n");
        assert!(
            finding
                .hint
                .as_deref()
                .unwrap_or_default()
                .starts_with("it looks like Windows-1252")
        );
    }

    #[test]
    fn binary_and_utf16_files_say_so() {
        let (_, finding) = refused(b"\xff\xfec\0o\0d\0e\0");
        assert_eq!(finding.code, "binary-file");
        assert!(
            finding
                .hint
                .as_deref()
                .unwrap_or_default()
                .contains("UTF-16")
        );
        let (_, finding) = refused(&[0x89, b'P', b'N', b'G', 0, 0, 0]);
        assert_eq!(finding.code, "binary-file");
    }

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let (text, finding) = refused(&vec![b'#'; MAX_FILE_BYTES + 1]);
        assert!(text.is_empty());
        assert_eq!(finding.code, "file-too-large");
    }
}
