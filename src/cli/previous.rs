//! Following an activity back through the years: the `previous` links of the files on disk.

use crate::model::Activity;
use crate::store::{RawFile, Workspace};

/// The most links followed, should files link in a circle.
const MOST_LINKS: usize = 50;

/// The activities `code` of `year` carries on, nearest year first, as `(year, code)`: its
/// `previous` link, that activity's own, and so on while each file is there and says one.
pub(super) fn chain(workspace: &Workspace, year: i32, code: &str) -> Vec<(i32, String)> {
    let mut links = Vec::new();
    let (mut year, mut code) = (year, code.to_string());
    while links.len() < MOST_LINKS {
        let Some((earlier, earlier_code)) = link_of(workspace, year, &code) else {
            break;
        };
        if earlier >= year || links.contains(&(earlier, earlier_code.clone())) {
            break;
        }
        links.push((earlier, earlier_code.clone()));
        (year, code) = (earlier, earlier_code);
    }
    links
}

/// The link the file of activity `code` of `year` holds, if it reads and has one.
fn link_of(workspace: &Workspace, year: i32, code: &str) -> Option<(i32, String)> {
    let path = workspace.activity_path(year, code);
    let bytes = std::fs::read(&path).ok()?;
    let relative = workspace.relative(&path).to_path_buf();
    let (_, activity, _) = crate::store::read_file::<Activity>(RawFile::new(relative, bytes));
    let activity = activity?;
    let (year, code) = activity.previous_link()?;
    Some((year, code.to_string()))
}
