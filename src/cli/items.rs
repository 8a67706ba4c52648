//! Naming one item of an activity's list on the command line: by the number the list commands
//! show, or by its text (an organisation, a person, a title), compared without case or
//! accents.

use super::CliError;
use crate::model::fold;
use crate::output::shown_line;

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
