//! Every finding about a loaded programme: unknown keys, references, codes, dates, states, totals.

use crate::diagnostic::Finding;
use crate::store::Loaded;

/// Every finding about `loaded` beyond those found while reading it.
pub fn validate(_loaded: &Loaded) -> Vec<Finding> {
    Vec::new()
}
