//! `programa edit`: Open an activity in $EDITOR, validating on save.

use std::io::{BufRead, IsTerminal, Write as _};

use super::{CliError, Context};
use crate::store::{
    self,
    edit::{self, EditError},
};

/// Open an activity's file in your editor, and save it only if it is valid.
///
/// The editor is `$VISUAL`, else `$EDITOR`, else `vi`; it may carry arguments
/// (`EDITOR="code --wait"`). It works on a copy: when you close it, the copy is read and the
/// programme validated with it, and only then does it replace the file. When the copy has
/// errors, they are shown and you can go back to the editor; if you do not (or there is no
/// terminal to ask), the file stays as it was and your text is kept in a file whose path is
/// printed. A file that does not parse can be opened too, to fix it. If the file is changed by
/// someone else while you edit, your text is not saved over it but kept in a file named too.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The activity's code, such as I.1.1
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
}

/// Runs `programa edit`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let (workspace, loaded) = context.load()?;
    let file = edit::locate(&workspace, &loaded, &args.code)?;
    let code = file.code.clone();

    let cannot = |action: &str, e: std::io::Error| {
        CliError::new(crate::tr!(
            "cli-edit-copy",
            action = action,
            error = e.to_string()
        ))
    };
    let mut draft = tempfile::Builder::new()
        .prefix(&format!("programa-{code}-"))
        .suffix(".toml")
        .tempfile()
        .map_err(|e| cannot("create", e))?;
    draft
        .write_all(file.text.as_bytes())
        .and_then(|()| draft.flush())
        .map_err(|e| cannot("write", e))?;

    loop {
        let editor = edit::editor_command();
        let status = edit::run_editor(&editor, draft.path());
        let text = std::fs::read_to_string(draft.path()).map_err(|e| cannot("read", e))?;
        if let Err(error) = status {
            let error = CliError::new(crate::tr!(
                "cli-edit-editor-failed",
                error = error.to_string(),
                file = file.relative.display().to_string()
            ));
            if text == file.text {
                return Err(error.hint(crate::tr!("cli-edit-editor-hint")));
            }
            let kept = keep(draft)?;
            return Err(error.hint(kept_hint(&kept)));
        }
        if text == file.text {
            writeln!(
                context.out,
                "{}",
                crate::tr!("cli-no-changes", code = code.as_str())
            )?;
            return Ok(());
        }
        // Checked and written under the lock, against the files as they are now: a file
        // changed meanwhile is not saved over.
        let locked = super::lock_year(&workspace, loaded.year).and_then(|lock| {
            let fresh = store::load(&workspace, loaded.year)?;
            Ok((lock, fresh))
        });
        let (lock, fresh) = match locked {
            Ok(locked) => locked,
            Err(error) => {
                let kept = keep(draft)?;
                return Err(error.hint(kept_hint(&kept)));
            }
        };
        let current = edit::locate(&workspace, &fresh, &code).ok();
        if current.as_ref().map(|current| &current.text) != Some(&file.text) {
            drop(lock);
            let what = if current.is_some() {
                "changed"
            } else {
                "removed"
            };
            let kept = keep(draft)?;
            return Err(CliError::new(crate::tr!(
                "cli-edit-changed-meanwhile",
                file = file.relative.display().to_string(),
                what = what
            ))
            .hint(kept_hint(&kept))
            .hint(crate::tr!(
                "cli-edit-changed-meanwhile-hint",
                code = code.as_str()
            )));
        }
        let before = fresh.plan.activity(&code).cloned();
        let saved = edit::save_text(&fresh, &file, &text, &lock);
        drop(lock);
        match saved {
            Ok(after) => {
                writeln!(
                    context.out,
                    "{}",
                    crate::tr!(
                        "cli-edit-saved",
                        code = code.as_str(),
                        file = file.relative.display().to_string()
                    )
                )?;
                let changes = before
                    .as_ref()
                    .map(|before| crate::changes::edit_phrases(before, &after))
                    .unwrap_or_default();
                for change in changes {
                    writeln!(context.out, "{code}: {change}")?;
                }
                return Ok(());
            }
            Err(EditError::Invalid {
                file: source,
                findings,
            }) => {
                super::check::print_findings(&findings, std::slice::from_ref(&source));
                if ask_to_reopen() {
                    continue;
                }
                let kept = keep(draft)?;
                return Err(CliError::new(crate::tr!(
                    "cli-edit-invalid",
                    file = source.path.display().to_string()
                ))
                .hint(kept_hint(&kept))
                .hint(crate::tr!("cli-edit-invalid-hint", code = code.as_str())));
            }
            Err(error) => return Err(error.into()),
        }
    }
}

/// Asks on the terminal whether to edit again; no terminal, or end of input, is a no.
fn ask_to_reopen() -> bool {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return false;
    }
    eprint!("{} ", crate::tr!("cli-edit-reopen"));
    let mut answer = String::new();
    match stdin.lock().read_line(&mut answer) {
        Ok(0) | Err(_) => false,
        // "s" and "sí" are Spanish yeses.
        Ok(_) => matches!(
            answer.trim().to_lowercase().as_str(),
            "" | "y" | "yes" | "s" | "si" | "sí"
        ),
    }
}

/// Keeps the copy on disk for the user, returning where it is.
fn keep(draft: tempfile::NamedTempFile) -> Result<std::path::PathBuf, CliError> {
    let path = draft.path().to_path_buf();
    draft.keep().map(|(_, path)| path).map_err(|e| {
        CliError::new(crate::tr!(
            "cli-edit-cannot-keep",
            file = path.display().to_string(),
            error = e.error.to_string()
        ))
    })
}

/// The hint that says where the text edited was kept.
fn kept_hint(kept: &std::path::Path) -> String {
    crate::tr!("cli-edit-kept", file = kept.display().to_string())
}

impl From<EditError> for CliError {
    fn from(error: EditError) -> Self {
        let hints = error.hints();
        let findings = error
            .findings()
            .map(|(findings, source)| (findings.to_vec(), vec![source.clone()]));
        let mut cli = match error {
            EditError::Store(store) => return store.into(),
            other => CliError::new(other.to_string()),
        };
        for hint in hints {
            cli = cli.hint(hint);
        }
        if let Some((findings, sources)) = findings {
            cli = cli.with_findings(findings, sources);
        }
        cli
    }
}
