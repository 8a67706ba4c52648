//! Any text through the prose converter the documents and `check` share: never a panic, and
//! nothing nests beyond the documents' limit.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use programa::markdown;

fuzz_target!(|text: &str| {
    let converted = markdown::convert_with_remarks(text, &BTreeMap::new());
    assert!(markdown::depth(&converted.nodes) <= markdown::MAX_DEPTH);
    let _ = markdown::plain_text(&converted.nodes);
    let _ = markdown::remarks(text);
});
