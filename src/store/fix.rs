//! Writing what files say in the form the format asks for, touching nothing else: countries
//! written as names (`"Perú"`, as files had them before countries were codes) become their
//! ISO 3166-1 codes (`"PE"`), in participants and in the Member States.

use std::ops::Range;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use super::write::atomic_write;
use super::{ACTIVITIES_DIR, Loaded, StoreError, Workspace, WriteLock, parse_file};
use crate::diagnostic::Finding;
use crate::model::{Activity, Country, UnknownCountry, WorkProgramme};
use crate::syntax::tree::{Step, Tree};

/// A country as a file writes it: a participant's `country`, or an item of `member_states`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryValue {
    /// The value's bytes in the file, quotes included.
    pub span: Range<usize>,
    /// The text, without quotes or escapes.
    pub written: String,
}

/// The countries written in a file (an activity file, else the programme file), in order.
pub fn country_values(text: &str, tree: &Tree, is_activity: bool) -> Vec<CountryValue> {
    let mut values = Vec::new();
    for node in tree.nodes.iter().filter(|node| node.is_string) {
        let is_country = match node.path.as_slice() {
            [Step::Key(list), Step::Index(_), Step::Key(key)] if is_activity => {
                list == "participants" && key == "country"
            }
            [Step::Key(list), Step::Index(_)] if !is_activity => list == "member_states",
            _ => false,
        };
        let Some(span) = node.value.clone().filter(|_| is_country) else {
            continue;
        };
        let written = text
            .get(span.clone())
            .and_then(|raw| raw.parse::<toml_edit::Value>().ok())
            .and_then(|value| value.as_str().map(String::from));
        if let Some(written) = written {
            values.push(CountryValue { span, written });
        }
    }
    values
}

/// A place in a file, for people: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The line.
    pub line: usize,
    /// The column.
    pub column: usize,
}

impl Place {
    /// Where byte `at` of `text` is.
    fn of(text: &str, at: usize) -> Place {
        let before = text.get(..at).unwrap_or(text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Place {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// A country written as a name, and its code written in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeWritten {
    /// The file, relative to the workspace root.
    pub file: PathBuf,
    /// Where the value was.
    pub place: Place,
    /// What it said.
    pub written: String,
    /// The country it names, whose code it now says.
    pub country: Country,
}

/// A country value that names no country, left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotACountry {
    /// The file, relative to the workspace root.
    pub file: PathBuf,
    /// Where the value is.
    pub place: Place,
    /// Why, with the nearest country.
    pub unknown: UnknownCountry,
}

/// What [`write_country_codes`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountryCodes {
    /// Every value rewritten, file by file.
    pub written: Vec<CodeWritten>,
    /// Every value that names no country.
    pub unknown: Vec<NotACountry>,
    /// How many files were written.
    pub files: usize,
}

/// Writes the code of every country written as a name in the files of `loaded` (read under
/// `lock`): only those values change, every other byte of each file stays as it was, and each
/// file is replaced atomically, and only if it still reads the same as before. Values that name
/// no country are reported and left alone, as are files that are not valid TOML.
pub fn write_country_codes(
    workspace: &Workspace,
    loaded: &Loaded,
    _lock: &WriteLock,
) -> Result<CountryCodes, StoreError> {
    let mut done = CountryCodes::default();
    for source in &loaded.sources {
        let is_activity = source
            .path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|name| name == ACTIVITIES_DIR);
        let Ok(tree) = Tree::parse(&source.text) else {
            continue;
        };
        let mut text = source.text.clone();
        let mut written = Vec::new();
        // From the end, so that the places of the values before stay where they were.
        for value in country_values(&source.text, &tree, is_activity)
            .into_iter()
            .rev()
        {
            let place = Place::of(&source.text, value.span.start);
            match Country::resolve(&value.written) {
                Ok(country) if value.written == country.code() => {}
                Ok(country) => {
                    text.replace_range(value.span.clone(), &format!("\"{}\"", country.code()));
                    written.push(CodeWritten {
                        file: source.path.clone(),
                        place,
                        written: value.written,
                        country,
                    });
                }
                Err(unknown) => done.unknown.push(NotACountry {
                    file: source.path.clone(),
                    place,
                    unknown,
                }),
            }
        }
        if written.is_empty() || !reads_the_same(&source.path, &source.text, &text, is_activity) {
            continue;
        }
        atomic_write(&workspace.root().join(&source.path), &text)?;
        done.files += 1;
        written.reverse();
        done.written.extend(written);
    }
    done.unknown
        .sort_by(|a, b| (&a.file, a.place.line).cmp(&(&b.file, b.place.line)));
    Ok(done)
}

/// Whether `new` reads as the same value as `old`, with the same findings (in places moved by
/// the shorter text): a code in the place of the name it stood for changes nothing the tool
/// reads.
fn reads_the_same(path: &Path, old: &str, new: &str, is_activity: bool) -> bool {
    fn same<T: DeserializeOwned + JsonSchema + PartialEq>(
        path: &Path,
        old: &str,
        new: &str,
    ) -> bool {
        let (old_value, old_findings) = parse_file::<T>(path, old);
        let (new_value, new_findings) = parse_file::<T>(path, new);
        let what = |findings: Vec<Finding>| {
            findings
                .into_iter()
                .map(|f| (f.severity, f.code, f.message))
                .collect::<Vec<_>>()
        };
        old_value == new_value && what(old_findings) == what(new_findings)
    }
    if is_activity {
        same::<Activity>(path, old, new)
    } else {
        same::<WorkProgramme>(path, old, new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_count_lines_and_characters_from_one() {
        let text = "a = 1\nb = \"é\" # x\nc = 2";
        assert_eq!(Place::of(text, 0), Place { line: 1, column: 1 });
        let at = text.find("# x").expect("there");
        assert_eq!(Place::of(text, at), Place { line: 2, column: 9 });
    }

    #[test]
    fn finds_participants_countries_and_member_states_only() {
        let activity = "country = \"Peru\"\n[[participants]]\norganisation = \"x\"\ncountry = 'Perú' # who\nrole = \"speaker\"\n[[outputs]]\ncountry = \"Chile\"\n";
        let tree = Tree::parse(activity).expect("parses");
        let values = country_values(activity, &tree, true);
        assert_eq!(values.len(), 1);
        assert_eq!(values[0].written, "Perú");
        assert_eq!(&activity[values[0].span.clone()], "'Perú'");
        let programme = "member_states = [\"AR\", \"Brasil\"] # the list\ncountry = \"Peru\"\n";
        let tree = Tree::parse(programme).expect("parses");
        let written: Vec<String> = country_values(programme, &tree, false)
            .into_iter()
            .map(|v| v.written)
            .collect();
        assert_eq!(written, ["AR", "Brasil"]);
    }
}
