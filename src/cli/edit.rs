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
        CliError::new(format!("cannot {action} the copy to edit ({e})"))
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
            let error = CliError::new(format!(
                "{error}; {} was not changed",
                file.relative.display()
            ));
            if text == file.text {
                return Err(error.hint("set $VISUAL or $EDITOR to your editor's command"));
            }
            let kept = keep(draft)?;
            return Err(error.hint(format!("your text is kept in {}", kept.display())));
        }
        if text == file.text {
            writeln!(context.out, "{code}: no changes")?;
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
                return Err(error.hint(format!("your text is kept in {}", kept.display())));
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
            return Err(CliError::new(format!(
                "{} was {what} by someone else while you edited it, so your text was not saved over it",
                file.relative.display()
            ))
            .hint(format!("your text is kept in {}", kept.display()))
            .hint(format!(
                "compare it with the file as it is now, then run `programa edit {code}` again"
            )));
        }
        let before = fresh.plan.activity(&code).cloned();
        let saved = edit::save_text(&fresh, &file, &text, &lock);
        drop(lock);
        match saved {
            Ok(after) => {
                writeln!(context.out, "{code}: saved {}", file.relative.display())?;
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
                return Err(CliError::new(format!(
                    "the edited text is not valid; {} was not changed",
                    source.path.display()
                ))
                .hint(format!("your text is kept in {}", kept.display()))
                .hint(format!(
                    "fix it there and copy it over the file, or run `programa edit {code}` again"
                )));
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
    eprint!("reopen the editor? [Y/n] ");
    let mut answer = String::new();
    match stdin.lock().read_line(&mut answer) {
        Ok(0) | Err(_) => false,
        Ok(_) => matches!(answer.trim().to_lowercase().as_str(), "" | "y" | "yes"),
    }
}

/// Keeps the copy on disk for the user, returning where it is.
fn keep(draft: tempfile::NamedTempFile) -> Result<std::path::PathBuf, CliError> {
    let path = draft.path().to_path_buf();
    draft
        .keep()
        .map(|(_, path)| path)
        .map_err(|e| CliError::new(format!("cannot keep {} ({})", path.display(), e.error)))
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
