//! Any bytes as an activity file of the bundled 2021 programme, through the loader and every
//! check: findings, never a panic, and every finding points inside the file it names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use programa::model::Date;
use programa::store::{RawFile, assemble};

const PROGRAMME: &str = include_str!("../../programme/2021/programme.toml");

fuzz_target!(|bytes: &[u8]| {
    let programme = RawFile::new("programme/2021/programme.toml", PROGRAMME);
    let activity = RawFile::new("programme/2021/activities/I.1.1.toml", bytes);
    let loaded = assemble(2021, programme, vec![activity]);
    let today = Date::from_ymd(2021, 6, 20).expect("a real day");
    let _ = programa::validate::validate_on(&loaded, today);
});
