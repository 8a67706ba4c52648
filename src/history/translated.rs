//! When the text a translation was made from changed: the commit that took a field away from
//! the text its translation records, found by walking back along the file's versions.

use std::path::Path;

use super::{Repo, Result, Stamp};
use crate::model::translation::fingerprint;
use crate::model::{Activity, Translate, WorkProgramme};
use crate::store::{PROGRAMME_FILE, parse_file};

/// Where the text of a stale translation's field changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceChange {
    /// In this commit, the first after the version the translation was made from (or, when no
    /// version has that text, the commit that gave the field its present text).
    Commit(Stamp),
    /// In the working tree: the committed text is still the one translated.
    Uncommitted,
}

impl Repo {
    /// Where field `field` of the file at `file` (relative to the workspace) stopped being
    /// the text whose fingerprint is `translated_from`; `None` when the file has no history.
    pub fn source_change(
        &self,
        file: &Path,
        field: &str,
        translated_from: &str,
    ) -> Result<Option<SourceChange>> {
        let Some(head) = self.head()? else {
            return Ok(None);
        };
        let path = format!(
            "{}{}",
            self.prefix,
            file.to_string_lossy().replace('\\', "/")
        );
        let is_programme = file.file_name().and_then(|n| n.to_str()) == Some(PROGRAMME_FILE);
        let mut walk = self.git.revwalk()?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME)?;
        walk.push(head)?;
        walk.simplify_first_parent()?;
        // The version just newer than the one looked at: the working tree to start with.
        let mut newer: Option<git2::Oid> = None;
        // The oldest commit seen so far with the field's present text, and whether the run
        // of versions with that text is still unbroken.
        let mut present: Option<(String, git2::Oid, bool)> = None;
        let mut last_blob = None;
        let mut last_print: Option<String> = None;
        for id in walk {
            let id = id?;
            let commit = self.git.find_commit(id)?;
            let blob = commit
                .tree()?
                .get_path(Path::new(&path))
                .ok()
                .map(|e| e.id());
            let print = if blob.is_some() && blob == last_blob {
                last_print.clone()
            } else {
                blob.and_then(|b| self.git.find_blob(b).ok())
                    .and_then(|b| std::str::from_utf8(b.content()).ok().map(str::to_string))
                    .and_then(|text| field_print(file, &text, field, is_programme))
            };
            if print.as_deref() == Some(translated_from) {
                return Ok(Some(match newer {
                    Some(id) => SourceChange::Commit(self.stamp(&self.git.find_commit(id)?)),
                    None => SourceChange::Uncommitted,
                }));
            }
            match &mut present {
                None => present = print.clone().map(|p| (p, id, true)),
                Some((text, oldest, unbroken)) if *unbroken => {
                    if print.as_ref() == Some(text) {
                        *oldest = id;
                    } else {
                        *unbroken = false;
                    }
                }
                Some(_) => {}
            }
            if blob.is_none() {
                break;
            }
            newer = Some(id);
            last_blob = blob;
            last_print = print;
        }
        Ok(match present {
            Some((_, id, _)) => Some(SourceChange::Commit(self.stamp(&self.git.find_commit(id)?))),
            None => None,
        })
    }
}

/// The fingerprint of field `field`'s text in a version of a file.
fn field_print(file: &Path, text: &str, field: &str, is_programme: bool) -> Option<String> {
    let fields = if is_programme {
        parse_file::<WorkProgramme>(file, text).0?.translatable()
    } else {
        parse_file::<Activity>(file, text).0?.translatable()
    };
    fields
        .into_iter()
        .find(|f| f.path == field)
        .map(|f| fingerprint(&f.text))
}
