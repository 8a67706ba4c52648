//! programa keeps an organisation's annual work programme as version-controlled TOML files.
//!
//! The layers, from the inside out: [`model`] (plain data, no IO) and [`markdown`] (how prose is
//! read, for `check` and the documents alike) → [`store`] (the only code that reads and writes
//! programme files) → [`validate`] (every finding about a loaded programme) →
//! [`import`] (the programme document's markdown into files) and [`rollover`] (next year's
//! programme from this one's), both plain data like [`scaffold`] (the files of a new
//! repository) → [`cli`] (the command line) and [`tui`] (the full-screen interface), both
//! speaking the user's language through [`i18n`].

pub mod changes;
pub mod cli;
pub mod clock;
pub mod diagnostic;
pub mod export;
pub mod history;
pub mod i18n;
pub mod import;
pub mod markdown;
pub mod model;
pub mod output;
pub mod render;
pub mod rollover;
pub mod scaffold;
pub mod schema;
pub mod store;
pub mod suggest;
pub mod syntax;
pub mod tui;
pub mod validate;
pub mod xliff;
