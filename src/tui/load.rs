//! Reading a year while the interface is already up: the activity files are parsed on a
//! background thread in code order, in chunks that grow, so the top of the tree fills in first;
//! the programme is checked on a background thread too, once every file is in.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::Action;
use super::tree::haystack;
use crate::diagnostic::Finding;
use crate::model::code_sort_key;
use crate::store::{self, Loaded, ParsedActivity, Workspace};

/// The first chunk: enough activities to fill a screen, read in a few milliseconds.
const FIRST_CHUNK: usize = 64;
/// The largest chunk: the interface rebuilds its tree once per chunk.
const LARGEST_CHUNK: usize = 1024;

/// What the background threads report.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadEvent {
    /// The next activity files, in code order.
    Chunk(Vec<ParsedActivity>),
    /// A file could not be read: nothing more will come.
    Failed(String),
    /// The findings of checking the programme as it was at `generation`.
    Checked {
        /// The state checked (see [`super::App::generation`]).
        generation: u64,
        /// What validation found, beyond the findings of reading.
        findings: Vec<Finding>,
        /// Each activity's search text (see [`super::tree::haystack`]), made here so that
        /// the first key of a text filter does not wait for it.
        search_texts: Vec<String>,
    },
}

/// Sorts activity files by the code their name gives, the order of the tree.
pub fn in_code_order(files: &mut [PathBuf]) {
    files.sort_by_cached_key(|path| {
        code_sort_key(
            path.file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default(),
        )
    });
}

/// The chunks `total` files are read in: a small one first, then doubling up to a limit.
pub fn chunks(total: usize) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut size = FIRST_CHUNK;
    while start < total {
        let end = (start + size).min(total);
        chunks.push(start..end);
        start = end;
        size = (size * 2).min(LARGEST_CHUNK);
    }
    chunks
}

/// Starts and collects the background reading and checking.
pub struct Reader {
    sender: Sender<ReadEvent>,
    /// Chunks, failures and findings, in the order they happened.
    pub events: Receiver<ReadEvent>,
}

impl Default for Reader {
    fn default() -> Self {
        let (sender, events) = channel();
        Reader { sender, events }
    }
}

impl Reader {
    /// Reads `files` (already in code order) on a new thread, a chunk at a time. The thread
    /// stops early when the reader is dropped.
    pub fn read(&self, workspace: Workspace, files: Vec<PathBuf>) {
        let sender = self.sender.clone();
        std::thread::spawn(move || {
            for range in chunks(files.len()) {
                let event = match store::read_activities(&workspace, &files[range]) {
                    Ok(parsed) => ReadEvent::Chunk(parsed),
                    Err(e) => ReadEvent::Failed(e.to_string()),
                };
                let failed = matches!(event, ReadEvent::Failed(_));
                if sender.send(event).is_err() || failed {
                    return;
                }
            }
        });
    }

    /// What was reported since last asked, as actions: the chunks read joined into one, so
    /// the tree is rebuilt once however many came in, then anything else in order.
    pub fn take(&self) -> Vec<Action> {
        let mut chunk = Vec::new();
        let mut others = Vec::new();
        while let Ok(event) = self.events.try_recv() {
            match event {
                ReadEvent::Chunk(parsed) => chunk.extend(parsed),
                other => others.push(Action::Read(other)),
            }
        }
        let mut actions = Vec::with_capacity(others.len() + 1);
        if !chunk.is_empty() {
            actions.push(Action::Read(ReadEvent::Chunk(chunk)));
        }
        actions.extend(others);
        actions
    }

    /// Validates `loaded` on a new thread, reporting the findings with `generation`.
    pub fn check(&self, loaded: Arc<Loaded>, generation: u64) {
        let sender = self.sender.clone();
        std::thread::spawn(move || {
            let findings = crate::validate::validate(&loaded);
            let search_texts = loaded.plan.activities.iter().map(haystack).collect();
            let _ = sender.send(ReadEvent::Checked {
                generation,
                findings,
                search_texts,
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_every_file_once_small_first() {
        assert!(chunks(0).is_empty());
        assert_eq!(chunks(10).first(), Some(&(0..10)));
        assert_eq!(chunks(10).len(), 1);
        let ranges = chunks(10_000);
        assert_eq!(ranges[0], 0..64);
        assert_eq!(ranges[1], 64..192);
        assert!(ranges.iter().all(|r| r.len() <= LARGEST_CHUNK));
        assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(ranges.last().map(|r| r.end), Some(10_000));
    }

    #[test]
    fn files_are_read_in_the_order_of_their_codes() {
        let mut files: Vec<PathBuf> = ["I.1.10", "II.1.1", "I.1.2", "I.10.1", "I.2.1"]
            .iter()
            .map(|code| PathBuf::from(format!("a/{code}.toml")))
            .collect();
        in_code_order(&mut files);
        let stems: Vec<_> = files
            .iter()
            .filter_map(|p| p.file_stem()?.to_str())
            .collect();
        assert_eq!(stems, ["I.1.2", "I.1.10", "I.2.1", "I.10.1", "II.1.1"]);
    }
}
