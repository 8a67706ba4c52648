//! Making the repository of a new programme, as `git init` does.

use super::{Repo, Result};
use crate::store::Workspace;

impl Repo {
    /// The repository whose working tree is exactly `workspace`'s root, made there (as `git
    /// init` makes one, with git's own default branch) when there is none; the flag says
    /// whether it was made. A repository further up is not used: a new programme gets its own.
    pub fn open_or_init(workspace: &Workspace) -> Result<(Repo, bool)> {
        let root = workspace.root();
        let created = match git2::Repository::open(root) {
            Ok(_) => false,
            Err(error) if error.code() == git2::ErrorCode::NotFound => {
                git2::Repository::init(root)?;
                true
            }
            Err(error) => return Err(error.into()),
        };
        Ok((Repo::open(workspace)?, created))
    }
}
