//! The merge driver on any three versions of an activity file (the input's text split at its
//! first two NUL bytes into base, ours and theirs): never a panic; a side that alone changed
//! wins; a clean merge made field by field is a TOML document; every conflict is marked, and
//! found again by the store, when no version holds lines that look like markers already (a
//! version that does is itself a conflicted file, and the markers cannot be told apart).
#![no_main]

use libfuzzer_sys::fuzz_target;
use programa::store::conflict::{self, Labels};
use programa::store::merge::{FileKind, Method, Options, merge};

fuzz_target!(|text: &str| {
    let mut versions = text.splitn(3, '\0');
    let (Some(base), Some(ours), Some(theirs)) =
        (versions.next(), versions.next(), versions.next())
    else {
        return;
    };
    let options = Options {
        kind: FileKind::Activity,
        labels: Labels {
            ours: "ours",
            theirs: "theirs",
        },
        marker_size: 7,
    };
    assert_eq!(merge(base, ours, base, &options).text, ours);
    assert_eq!(merge(base, base, theirs, &options).text, theirs);
    let merged = merge(base, ours, theirs, &options);
    if merged.is_clean() && merged.method == Method::Fields {
        assert!(
            merged.text.parse::<toml_edit::DocumentMut>().is_ok(),
            "a clean field merge is TOML:\n{}",
            merged.text
        );
    }
    if ![base, ours, theirs].iter().any(|text| looks_marked(text)) {
        assert_eq!(conflict::find(&merged.text).len(), merged.conflicts);
    }
});

/// Whether a line of `text` begins as a conflict marker does.
fn looks_marked(text: &str) -> bool {
    text.lines().any(|line| {
        ["<<<<<<<", "|||||||", "=======", ">>>>>>>"]
            .iter()
            .any(|marker| line.starts_with(marker))
    })
}
