//! `programa translate`: Set the translation of fields of an activity or of the programme file.

use std::io::Read as _;

use super::{CliError, Context};
use crate::changes::translations as translation_changes;
use crate::model::{
    Lang, Text, Translatable, Translate, Translation,
    translation::{fingerprint, split_item},
};
use crate::output::shown_line;
use crate::store::edit;
use crate::store::{Loaded, translate};
use crate::suggest::did_you_mean;

/// Set the translation of fields of an activity or of the programme file.
///
/// Each FIELD=TEXT writes TEXT as the translation of FIELD into the language, recording the
/// text it translates, so that `check` can tell when that text changes. A list's items are
/// translated one by one, as `objectives.2=TEXT`; `FIELD=-` reads the text from standard input;
/// `FIELD=` (nothing) takes the translation out. `--confirm FIELD` records that a translation
/// still says what the changed text says, without rewriting it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The activity's code, such as I.1.1, or `programme` for the programme file
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    target: String,
    /// The language translated into [default: the first language that is not the programme's]
    #[arg(long, value_name = "LANG")]
    lang: Option<Lang>,
    /// Record that the current translation of FIELD still holds for its changed text
    #[arg(long, value_name = "FIELD")]
    confirm: Vec<String>,
    /// FIELD=TEXT: `title=…`, `background=-`, `objectives.1=…`, `areas/I/title=…`
    #[arg(value_name = "FIELD=TEXT")]
    assignments: Vec<String>,
}

/// The word that names the programme file rather than an activity, in commands and in ids.
pub(super) const PROGRAMME: &str = "programme";

/// The language translated into: `asked`, else the first that is not the programme's.
pub(super) fn target_lang(loaded: &Loaded, asked: Option<Lang>) -> Result<Lang, CliError> {
    let source = loaded.plan.programme.source_lang();
    let lang = asked
        .or_else(|| Lang::ALL.iter().copied().find(|l| *l != source))
        .unwrap_or_default();
    if lang == source {
        return Err(CliError::new(crate::tr!(
            "cli-translate-same-language",
            lang = lang.as_str()
        ))
        .hint(crate::tr!("cli-translate-same-language-hint")));
    }
    Ok(lang)
}

/// One field to write, as the command line gives it.
#[derive(Debug)]
struct Wanted {
    /// The field's path.
    field: String,
    /// For a list, the item (1-based).
    item: Option<usize>,
    /// The translation; `None` takes it out.
    text: Option<String>,
}

/// Runs `programa translate`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    if args.assignments.is_empty() && args.confirm.is_empty() {
        return Err(CliError::new(crate::tr!("cli-translate-nothing"))
            .hint(crate::tr!("cli-translate-nothing-hint")));
    }
    let wanted = parse_assignments(&args.assignments)?;
    let (workspace, loaded, lock) = context.load_for_writing()?;
    let lang = target_lang(&loaded, args.lang)?;
    if args.target == PROGRAMME {
        let mut open = translate::open_programme(&workspace, &loaded)?;
        let programme = &loaded.plan.programme;
        let before = updated(
            programme,
            lang,
            &wanted,
            &args.confirm,
            PROGRAMME,
            &mut open.doc,
        )?;
        let saved = open.save(&loaded, &lock)?;
        drop(lock);
        match saved {
            Some(saved) => report(context, PROGRAMME, &before, &saved.translations)?,
            None => writeln!(
                context.out,
                "{}",
                crate::tr!("cli-no-changes", code = PROGRAMME)
            )?,
        }
        return Ok(());
    }
    let mut open = edit::open(&workspace, &loaded, &args.target)?;
    let code = open.file.code.clone();
    let Some(activity) = loaded.plan.activity(&code) else {
        return Err(
            CliError::new(crate::tr!("cli-translate-unreadable", code = code.as_str()))
                .hint(crate::tr!("cli-new-unreadable-hint")),
        );
    };
    let before = updated(
        activity,
        lang,
        &wanted,
        &args.confirm,
        &code,
        open.editor.document_mut(),
    )?;
    let saved = open.save(&loaded, &lock)?;
    drop(lock);
    match saved {
        Some(saved) => report(context, &code, &before, &saved.translations)?,
        None => writeln!(
            context.out,
            "{}",
            crate::tr!("cli-no-changes", code = code.as_str())
        )?,
    }
    Ok(())
}

/// Writes the translations `wanted` and the confirmations into `doc`, the file of `file`
/// (named `name` in messages); returns the file's translations as they were.
fn updated(
    file: &impl Translate,
    lang: Lang,
    wanted: &[Wanted],
    confirm: &[String],
    name: &str,
    doc: &mut toml_edit::DocumentMut,
) -> Result<crate::model::Translations, CliError> {
    let fields = file.translatable();
    let before = file.translations().clone();
    let mut pending: Vec<(String, Option<Translation>)> = Vec::new();
    for want in wanted {
        let source = field_of(&fields, &want.field, name)?;
        let source_text = source.text.clone();
        let current = pending
            .iter()
            .rev()
            .find(|(field, _)| *field == want.field)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| before.get(&lang).and_then(|t| t.get(&want.field)).cloned());
        let text = match (&source.text, want.item, &want.text) {
            (_, None, None) => None,
            (Text::One(_), Some(_), _) => {
                return Err(CliError::new(crate::tr!(
                    "cli-translate-not-a-list",
                    field = shown_line(&want.field).to_string(),
                    name = name
                ))
                .hint(crate::tr!(
                    "cli-translate-not-a-list-hint",
                    field = shown_line(&want.field).to_string()
                )));
            }
            (Text::One(_), None, Some(text)) => Some(Text::One(text.clone())),
            (Text::List(items), None, Some(text)) if items.len() == 1 => {
                Some(Text::List(vec![text.clone()]))
            }
            (Text::List(items), None, Some(_)) => {
                return Err(CliError::new(crate::tr!(
                    "cli-translate-a-list",
                    field = shown_line(&want.field).to_string(),
                    name = name,
                    count = items.len()
                ))
                .hint(crate::tr!(
                    "cli-translate-a-list-hint",
                    field = shown_line(&want.field).to_string()
                )));
            }
            (Text::List(items), Some(n), text) => {
                if n == 0 || n > items.len() {
                    return Err(CliError::new(crate::tr!(
                        "cli-translate-no-item",
                        field = shown_line(&want.field).to_string(),
                        name = name,
                        count = items.len(),
                        item = n
                    ))
                    .hint(crate::tr!("cli-translate-no-item-hint")));
                }
                // Other items keep a translation of this very text, else start blank.
                let mut translated = match current {
                    Some(Translation {
                        text: Text::List(old),
                        source,
                    }) if old.len() == items.len() && source == fingerprint(&source_text) => old,
                    _ => vec![String::new(); items.len()],
                };
                translated[n - 1] = text.clone().unwrap_or_default();
                let text = Text::List(translated);
                (!text.is_blank()).then_some(text)
            }
        };
        let translation = text.map(|text| Translation {
            text,
            source: fingerprint(&source.text),
        });
        pending.push((want.field.clone(), translation));
    }
    for field in confirm {
        let source = field_of(&fields, field, name)?;
        let Some(existing) = before.get(&lang).and_then(|t| t.get(field)) else {
            return Err(CliError::new(crate::tr!(
                "cli-translate-nothing-to-confirm",
                field = shown_line(field).to_string(),
                name = name,
                lang = lang.as_str()
            ))
            .hint(crate::tr!(
                "cli-translate-nothing-to-confirm-hint",
                field = shown_line(field).to_string()
            )));
        };
        let confirmed = Translation {
            text: existing.text.clone(),
            source: fingerprint(&source.text),
        };
        pending.push((field.clone(), Some(confirmed)));
    }
    for (field, translation) in &pending {
        translate::put(doc, lang, field, translation.as_ref())?;
    }
    Ok(before)
}

/// The translatable field at `path` of `name`, or an error naming the closest one.
fn field_of<'a>(
    fields: &'a [Translatable],
    path: &str,
    name: &str,
) -> Result<&'a Translatable, CliError> {
    fields.iter().find(|f| f.path == path).ok_or_else(|| {
        let names = fields.iter().map(|f| f.path.as_str());
        let hint = match did_you_mean(path, names.clone()) {
            Some(best) => crate::tr!("cli-translate-field-meant", best = best),
            None => crate::tr!(
                "cli-translate-fields",
                fields = names.collect::<Vec<_>>().join(", ")
            ),
        };
        CliError::new(crate::tr!(
            "cli-translate-no-field",
            name = name,
            field = shown_line(path).to_string()
        ))
        .hint(hint)
    })
}

/// Parses `FIELD=TEXT`, `FIELD.N=TEXT`, `FIELD=-` and `FIELD=`.
fn parse_assignments(args: &[String]) -> Result<Vec<Wanted>, CliError> {
    let mut stdin_used = false;
    args.iter()
        .map(|arg| {
            let Some((key, text)) = arg.split_once('=') else {
                return Err(CliError::new(crate::tr!(
                    "cli-translate-not-an-assignment",
                    arg = shown_line(arg).to_string()
                ))
                .hint(crate::tr!("cli-translate-not-an-assignment-hint")));
            };
            let (field, item) = split_item(key);
            let text = match text {
                "-" => {
                    if stdin_used {
                        return Err(CliError::new(crate::tr!("cli-translate-one-stdin")));
                    }
                    stdin_used = true;
                    let mut read = String::new();
                    std::io::stdin().read_to_string(&mut read).map_err(|e| {
                        CliError::new(crate::tr!(
                            "cli-translate-stdin-unreadable",
                            error = e.to_string()
                        ))
                    })?;
                    Some(read.trim_end().to_string())
                }
                "" => None,
                text => Some(text.trim().to_string()),
            };
            Ok(Wanted {
                field: field.trim().to_string(),
                item,
                text,
            })
        })
        .collect()
}

/// Prints one line per translation changed: `I.1.1: es translation of title added`.
fn report(
    context: &mut Context,
    name: &str,
    before: &crate::model::Translations,
    after: &crate::model::Translations,
) -> Result<(), CliError> {
    let changes = translation_changes(before, after);
    if changes.is_empty() {
        writeln!(context.out, "{}", crate::tr!("cli-no-changes", code = name))?;
    }
    for change in changes {
        writeln!(context.out, "{name}: {change}")?;
    }
    Ok(())
}
