//! A document's edition in one language: each text of the programme as the document prints
//! it (its current translation, else its own text in its own language, marked as
//! untranslated), and the share of the text translated.
//!
//! Every text the data hands to a template says which language it is written in, so the
//! template sets it in that language (hyphenation, quotation marks) and marks what is left
//! untranslated. Stale translations, made from a text the field no longer holds, are never
//! printed.

use std::cell::Cell;
use std::collections::BTreeMap;

use serde::Serialize;

use super::Lang;
use super::data::typographic;
use crate::markdown::{self, Node};
use crate::model::translation::{Text as Source, Translate};
use crate::model::{Activity, WorkProgramme};

/// A plain text (a title, a name) as a document prints it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Text {
    /// The text.
    pub s: String,
    /// The language it is written in.
    pub lang: Lang,
    /// Whether it is printed in its own language because it has no current translation.
    pub untranslated: bool,
}

/// Prose as a document prints it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Prose {
    /// Its nodes; empty when there is no text.
    pub c: Vec<Node>,
    /// The language it is written in.
    pub lang: Lang,
    /// Whether it is printed in its own language because it has no current translation.
    pub untranslated: bool,
}

/// A list field (objectives, expected results) as a document prints it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Items {
    /// Each item's nodes.
    pub items: Vec<Vec<Node>>,
    /// The language they are written in.
    pub lang: Lang,
    /// Whether they are printed in their own language because they have no current
    /// translation.
    pub untranslated: bool,
}

/// How much of a document's text is printed in translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Share {
    /// The language of the document.
    pub lang: Lang,
    /// The language the programme is written in.
    pub source: Lang,
    /// Words of the programme's text the document prints, counted in the programme's language.
    pub words: usize,
    /// Of those, the words printed in translation.
    pub translated: usize,
    /// `translated` over `words` in whole percent, rounded down: 100 only when all is
    /// translated, 0 only when nothing is.
    pub percent: u8,
}

/// Picks the text of each field a document prints, counting the words translated.
#[derive(Debug)]
pub struct Edition {
    lang: Lang,
    source: Lang,
    words: Cell<usize>,
    translated: Cell<usize>,
}

impl Edition {
    /// The edition in `lang` of a programme written in `source`.
    pub fn new(lang: Lang, source: Lang) -> Self {
        Edition {
            lang,
            source,
            words: Cell::new(0),
            translated: Cell::new(0),
        }
    }

    /// The edition in `lang` of `programme`, written in its own `language`.
    pub fn of(programme: &WorkProgramme, lang: Lang) -> Self {
        Edition::new(lang, programme.source_lang())
    }

    /// The language of the document.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The share translated of everything picked so far; `None` when the document is in the
    /// programme's own language.
    pub fn share(&self) -> Option<Share> {
        if self.lang == self.source {
            return None;
        }
        let (words, translated) = (self.words.get(), self.translated.get());
        let percent = if words == 0 || translated == words {
            100
        } else if translated == 0 {
            0
        } else {
            // Rounded down, but never to 0 when something is translated.
            ((translated * 100 / words) as u8).max(1)
        };
        Some(Share {
            lang: self.lang,
            source: self.source,
            words,
            translated,
            percent,
        })
    }

    /// The title or name at `path` of `file`, whose own text is `text`, with typographic
    /// quotes.
    pub fn text(&self, file: &impl Translate, path: &str, text: &str) -> Text {
        let (shown, lang, untranslated) = self.pick(file, path, Source::One(text.to_string()));
        Text {
            s: typographic(&shown.joined()),
            lang,
            untranslated,
        }
    }

    /// Like [`Edition::text`], for a field that may be absent.
    pub fn text_opt(&self, file: &impl Translate, path: &str, text: Option<&str>) -> Option<Text> {
        text.map(|t| self.text(file, path, t))
    }

    /// The prose at `path` of `file`, whose own text is `text` (none: no prose), its footnote
    /// references resolved against `notes`.
    pub fn prose(
        &self,
        file: &impl Translate,
        path: &str,
        text: Option<&str>,
        notes: &BTreeMap<String, Vec<Node>>,
    ) -> Prose {
        let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
            return self.nothing();
        };
        let (shown, lang, untranslated) = self.pick(file, path, Source::One(text.to_string()));
        Prose {
            c: markdown::convert(&shown.joined(), notes),
            lang,
            untranslated,
        }
    }

    /// The list at `path` of `file`, whose own items are `items`, footnote references resolved
    /// against `notes`.
    pub fn items(
        &self,
        file: &impl Translate,
        path: &str,
        items: &[String],
        notes: &BTreeMap<String, Vec<Node>>,
    ) -> Items {
        if items.is_empty() {
            return Items {
                items: Vec::new(),
                lang: self.lang,
                untranslated: false,
            };
        }
        let (shown, lang, untranslated) = self.pick(file, path, Source::List(items.to_vec()));
        let shown = match shown {
            Source::List(items) => items,
            Source::One(text) => vec![text],
        };
        Items {
            items: shown
                .iter()
                .map(|item| markdown::convert(item, notes))
                .collect(),
            lang,
            untranslated,
        }
    }

    /// Prose the data keeps in one language only (a progress note): printed as written, in the
    /// programme's language, marked when the document is in another.
    pub fn untranslatable(&self, text: &str) -> Prose {
        let untranslated = self.lang != self.source;
        self.count(&Source::One(text.to_string()), !untranslated);
        Prose {
            c: markdown::convert(text, &BTreeMap::new()),
            lang: self.source,
            untranslated,
        }
    }

    /// An activity's footnotes by id, each in the language it is printed in: what
    /// [`Edition::prose`] resolves footnote references against.
    pub fn footnotes(&self, activity: &Activity) -> BTreeMap<String, Vec<Node>> {
        activity
            .footnotes
            .iter()
            .map(|note| {
                let path = format!("footnotes/{}", note.id);
                let prose = self.prose(activity, &path, Some(&note.text), &BTreeMap::new());
                let node = Node::Lang {
                    lang: prose.lang.as_str().to_string(),
                    untranslated: prose.untranslated,
                    c: prose.c,
                };
                (note.id.clone(), vec![node])
            })
            .collect()
    }

    /// No prose.
    fn nothing(&self) -> Prose {
        Prose {
            c: Vec::new(),
            lang: self.lang,
            untranslated: false,
        }
    }

    /// The text printed for the field at `path` whose own text is `source`: its current
    /// translation into the document's language, else itself; with its language and whether
    /// it is left untranslated. Counts its words.
    fn pick(&self, file: &impl Translate, path: &str, source: Source) -> (Source, Lang, bool) {
        let shown = file.shown(self.lang, self.source, path, &source);
        self.count(&source, shown.translated);
        (shown.text.clone(), shown.lang, !shown.translated)
    }

    fn count(&self, source: &Source, translated: bool) {
        let words = source.words();
        self.words.set(self.words.get() + words);
        if translated {
            self.translated.set(self.translated.get() + words);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::translation::{Translation, fingerprint};

    fn translated(activity: &mut Activity, path: &str, source: Source, text: Source) {
        activity.translations.entry(Lang::Es).or_default().insert(
            path.to_string(),
            Translation {
                source: fingerprint(&source),
                text,
            },
        );
    }

    #[test]
    fn a_current_translation_is_printed_and_counted_a_stale_one_is_not() {
        let mut activity = Activity {
            title: "Regional \"Meeting\" on Trade".into(),
            background: "One two three four five six.".into(),
            ..Activity::default()
        };
        let title = Source::One(activity.title.clone());
        translated(
            &mut activity,
            "title",
            title,
            Source::One("Reunión \"regional\" sobre comercio".into()),
        );
        translated(
            &mut activity,
            "background",
            Source::One("An older text.".into()),
            Source::One("Un texto anterior.".into()),
        );
        let edition = Edition::new(Lang::Es, Lang::En);
        let title = edition.text(&activity, "title", &activity.title);
        assert_eq!(title.s, "Reunión “regional” sobre comercio");
        assert_eq!((title.lang, title.untranslated), (Lang::Es, false));
        let background = edition.prose(
            &activity,
            "background",
            Some(&activity.background),
            &BTreeMap::new(),
        );
        assert_eq!((background.lang, background.untranslated), (Lang::En, true));
        let share = edition.share().expect("a translation");
        // Four words of the title translated, six of the background not.
        assert_eq!((share.words, share.translated, share.percent), (10, 4, 40));
    }

    #[test]
    fn the_programme_s_own_language_is_never_marked_nor_given_a_share() {
        let activity = Activity {
            title: "Meeting".into(),
            ..Activity::default()
        };
        let edition = Edition::new(Lang::En, Lang::En);
        let title = edition.text(&activity, "title", &activity.title);
        assert!(!title.untranslated);
        assert_eq!(edition.share(), None);
    }

    #[test]
    fn the_share_is_rounded_down_but_never_to_nothing_or_everything() {
        let edition = Edition::new(Lang::Es, Lang::En);
        edition.count(&Source::One("word ".repeat(999)), false);
        edition.count(&Source::One("word".into()), true);
        assert_eq!(edition.share().map(|s| s.percent), Some(1));
        edition.count(&Source::One("word ".repeat(99_000)), true);
        assert_eq!(edition.share().map(|s| s.percent), Some(99));
    }

    #[test]
    fn footnotes_carry_their_own_language() {
        let mut activity = Activity::default();
        activity.footnotes.push(crate::model::Footnote {
            id: "1".into(),
            text: "Available at the site.".into(),
        });
        let edition = Edition::new(Lang::Es, Lang::En);
        let notes = edition.footnotes(&activity);
        assert!(matches!(
            notes["1"].as_slice(),
            [Node::Lang { lang, untranslated: true, .. }] if lang == "en"
        ));
    }
}
