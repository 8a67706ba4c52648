//! The integration tests, one binary with a module per area: it links the library once.
//!
//! Every process a test starts goes through [`support::pinned`], which clears the environment
//! and pins what the tool and git read (home, configuration, time zone, language, today, colour,
//! width), so a developer's own settings never change a result.

#[path = "../../benches/support/histories.rs"]
mod histories;
mod support;
#[path = "../../benches/support/synthetic.rs"]
mod synthetic;

mod bad_input;
mod check;
mod commonmark;
mod edit;
mod editions;
mod export;
mod git;
mod hostile;
mod import;
mod language;
mod light_reads;
mod lists;
mod merge;
mod partial_reads;
mod properties;
mod prose;
mod read;
mod render;
mod report;
mod review;
mod shell;
mod spanish;
mod team;
mod translations;
mod tui;
mod tui_tmux;
mod undo;
mod writes;
