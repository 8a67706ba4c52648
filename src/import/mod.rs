//! Importing the programme document, as a markdown conversion of its PDF, into the model.
//!
//! Three passes, all pure: `clean` removes the conversion's artefacts line by line (page
//! numbers, run-together headings, HTML), `blocks` groups lines into headings, paragraphs,
//! list items and footnotes and re-joins paragraphs cut by a page, and `structure` reads the
//! document's parts (front matter, contents, areas → programmes → projects → activities with
//! their sections A–D) into a [`Plan`]. What cannot be placed is reported, never dropped.

mod blocks;
mod clean;
mod members;
mod partners;
mod structure;
mod text;

use crate::model::Plan;

/// Something the importer reports about the document, at a line of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The markdown line it is about (1-based); 0 for the whole document.
    pub line: usize,
    /// What happened.
    pub text: String,
}

/// The result of importing a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The programme and its activities, in code order.
    pub plan: Plan,
    /// Text the importer could not place, and defects of the document (a footnote cited but
    /// never given). None of it is in `plan`.
    pub warnings: Vec<Message>,
    /// Decisions the importer took where the document is ambiguous, for the reader to check.
    pub notes: Vec<Message>,
}

/// Reads the programme document `markdown` for `year` into the model.
pub fn import(markdown: &str, year: i32) -> Imported {
    let lines = clean::clean(markdown);
    let blocks = blocks::blocks(&lines);
    structure::read(&blocks, year)
}
