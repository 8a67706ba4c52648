//! Naming one item of an activity's list on the command line: by the number the list commands
//! show, or by its text (an organisation, a person, a title), compared without case or
//! accents.

use super::{CliError, Context};
use crate::model::{Activity, fold};
use crate::output::shown_line;
use crate::store::edit::{self, ActivityEditor};
use crate::store::{Loaded, Workspace};

/// The activity `code` as loaded, or the error that names the closest code there is.
pub fn activity<'a>(
    workspace: &Workspace,
    loaded: &'a Loaded,
    code: &str,
) -> Result<&'a Activity, CliError> {
    let file = edit::locate(workspace, loaded, code)?;
    loaded.plan.activity(&file.code).ok_or_else(|| {
        CliError::new(crate::tr!("cli-translate-unreadable", code = file.code))
            .hint(crate::tr!("cli-new-unreadable-hint"))
    })
}

/// Changes the file of activity `code` under the write lock: `change` gets the activity as
/// it is and its file's editor; the result is checked, saved and said as `set` says it.
pub fn edit_item(
    context: &mut Context,
    code: &str,
    change: impl FnOnce(&Activity, &mut ActivityEditor) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let (workspace, loaded, lock) = context.load_for_writing()?;
    let before = activity(&workspace, &loaded, code)?;
    let mut open = edit::open(&workspace, &loaded, code)?;
    change(before, &mut open.editor)?;
    let saved = open.save(&loaded, &lock)?;
    drop(lock);
    super::print_edit(context.out, &open.file.code, Some(before), saved.as_ref())?;
    Ok(())
}

/// The position (0-based) of the item `which` names among `items`, each given by the texts it
/// can be called by; `what` is the list's name in messages (`participants`), `list` the command
/// that numbers them.
pub fn pick(items: &[Vec<&str>], which: &str, what: &str, list: &str) -> Result<usize, CliError> {
    let which = which.trim();
    if let Ok(number) = which.parse::<usize>() {
        return match number {
            1.. if number <= items.len() => Ok(number - 1),
            _ => Err(CliError::new(crate::tr!(
                "cli-item-no-number",
                what = what,
                number = number,
                count = items.len()
            ))
            .hint(crate::tr!("cli-item-list-hint", list = list))),
        };
    }
    let wanted = fold::words(which);
    let matching: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, names)| names.iter().any(|name| fold::words(name) == wanted))
        .map(|(i, _)| i)
        .collect();
    match matching.as_slice() {
        [one] => Ok(*one),
        [] => Err(CliError::new(crate::tr!(
            "cli-item-none",
            what = what,
            which = shown_line(which).to_string()
        ))
        .hint(crate::tr!("cli-item-list-hint", list = list))),
        several => {
            let numbers: Vec<String> = several.iter().map(|i| (i + 1).to_string()).collect();
            Err(CliError::new(crate::tr!(
                "cli-item-several",
                what = what,
                which = shown_line(which).to_string(),
                numbers = numbers.join(", ")
            ))
            .hint(crate::tr!("cli-item-by-number-hint", list = list)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_an_item_by_number_or_by_text() {
        let items = vec![vec!["CAF", "Ana Pérez"], vec!["BID"], vec!["caf"]];
        assert_eq!(pick(&items, "2", "participants", "l").ok(), Some(1));
        assert_eq!(pick(&items, "bid", "participants", "l").ok(), Some(1));
        assert_eq!(pick(&items, "ana perez", "participants", "l").ok(), Some(0));
        let several = pick(&items, "CAF", "participants", "l").expect_err("two are CAF");
        assert!(several.message().contains("1, 3"), "{}", several.message());
        assert!(pick(&items, "0", "participants", "l").is_err());
        assert!(pick(&items, "4", "participants", "l").is_err());
        assert!(pick(&items, "OEA", "participants", "l").is_err());
    }
}
