//! The importer on any text: it reads what it can, reports the rest, and never panics; every
//! activity it reads is written by the store and read back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use programa::model::Activity;
use programa::store::{RawFile, read_file, write::to_toml};

fuzz_target!(|markdown: &str| {
    let imported = programa::import::import(markdown, 2021);
    for activity in &imported.plan.activities {
        let text = to_toml(activity).expect("an imported activity serialises");
        let file = RawFile::new("programme/2021/activities/I.1.1.toml", text.clone());
        let (_, read, _) = read_file::<Activity>(file);
        assert_eq!(read.as_ref(), Some(activity), "read back differs:\n{text}");
    }
});
