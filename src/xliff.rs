//! XLIFF 1.2, the exchange format of translation tools: the units of text a translator is
//! given, written out, and the translations they return, read back. Pure text in and out.
//!
//! A unit's id names the file and the field, `I.1.1/title`, `programme/areas/I/summary`, and
//! for a list the item, `I.1.1/objectives.2`. Each unit keeps its whitespace
//! (`xml:space="preserve"`), since prose is markdown whose paragraphs are blank lines.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::model::Lang;

/// The namespace of XLIFF 1.2 documents.
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// One unit of text to translate, or translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// `I.1.1/title`, `programme/foreword`, `I.1.1/objectives.2`.
    pub id: String,
    /// The text in the source language.
    pub source: String,
    /// The translation, if there is one.
    pub target: Option<String>,
    /// For the translator: what the text is (the activity and the field).
    pub note: Option<String>,
    /// Whether `target` is a translation of an earlier text, to be reviewed.
    pub needs_review: bool,
}

/// The XLIFF document holding `units`, from `source` into `target`, for the programme at
/// `original` (its folder, as the document's `original`).
pub fn write(units: &[Unit], source: Lang, target: Lang, original: &str) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into memory cannot fail.
    let _ = writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let _ = writer
        .create_element("xliff")
        .with_attributes([("version", "1.2"), ("xmlns", NAMESPACE)])
        .write_inner_content(|w| {
            w.create_element("file")
                .with_attributes([
                    ("original", original),
                    ("source-language", source.as_str()),
                    ("target-language", target.as_str()),
                    ("datatype", "plaintext"),
                ])
                .write_inner_content(|w| {
                    w.create_element("header").write_inner_content(|w| {
                        w.create_element("tool")
                            .with_attributes([
                                ("tool-id", "programa"),
                                ("tool-name", "programa"),
                                ("tool-version", env!("CARGO_PKG_VERSION")),
                            ])
                            .write_empty()?;
                        Ok(())
                    })?;
                    w.create_element("body").write_inner_content(|w| {
                        for unit in units {
                            write_unit(w, unit)?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        });
    let mut text = String::from_utf8(writer.into_inner()).unwrap_or_default();
    text.push('\n');
    text
}

fn write_unit<W: std::io::Write>(w: &mut Writer<W>, unit: &Unit) -> std::io::Result<()> {
    w.create_element("trans-unit")
        .with_attributes([("id", unit.id.as_str()), ("xml:space", "preserve")])
        .write_inner_content(|w| {
            let source = xml_text(&unit.source);
            w.create_element("source")
                .write_text_content(BytesText::new(&source))?;
            if let Some(target) = &unit.target {
                let state = if unit.needs_review {
                    "needs-review-translation"
                } else {
                    "translated"
                };
                let target = xml_text(target);
                w.create_element("target")
                    .with_attribute(("state", state))
                    .write_text_content(BytesText::new(&target))?;
            }
            if let Some(note) = &unit.note {
                let note = xml_text(note);
                w.create_element("note")
                    .with_attribute(("from", "programa"))
                    .write_text_content(BytesText::new(&note))?;
            }
            Ok(())
        })?;
    Ok(())
}

/// `text` with the characters XML 1.0 cannot hold (most control characters, unpaired
/// surrogates cannot occur in Rust strings) replaced by U+FFFD. Reading compares sources
/// through this too, so such a text is recognised when it comes back.
pub fn xml_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// What reading an XLIFF document found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    /// The language translated into, as the document says it.
    pub target_language: Option<String>,
    /// Every unit, in document order.
    pub units: Vec<Unit>,
}

/// Why a document could not be read: a message and, when known, where (1-based).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ReadError {
    /// What is wrong.
    pub message: String,
    /// The line and column, when the parser gives them.
    pub at: Option<(u32, u32)>,
}

/// Reads the units of an XLIFF 1.2 document (or 1.1, which tools still write), in any of its
/// `file`s and `group`s. Inline markup a tool may have added inside a source or target counts
/// for its text only.
pub fn read(text: &str) -> Result<Read, ReadError> {
    let document = roxmltree::Document::parse(text).map_err(|error| {
        let at = error.pos();
        ReadError {
            message: crate::tr!("cli-xliff-not-xml", error = error.to_string()),
            at: Some((at.row, at.col)),
        }
    })?;
    let root = document.root_element();
    let place = |node: roxmltree::Node| {
        let at = document.text_pos_at(node.range().start);
        Some((at.row, at.col))
    };
    if root.tag_name().name() != "xliff" {
        return Err(ReadError {
            message: crate::tr!("cli-xliff-not-xliff", root = root.tag_name().name()),
            at: place(root),
        });
    }
    match root.attribute("version") {
        Some("1.2" | "1.1") => {}
        other => {
            return Err(ReadError {
                message: match other {
                    Some(version) => crate::tr!("cli-xliff-version", version = version),
                    None => crate::tr!("cli-xliff-no-version"),
                },
                at: place(root),
            });
        }
    }
    let mut target_language = None;
    let mut units = Vec::new();
    for file in root
        .children()
        .filter(|n| n.has_tag_name((NAMESPACE, "file")))
    {
        if target_language.is_none() {
            target_language = file.attribute("target-language").map(str::to_string);
        }
        for unit in file
            .descendants()
            .filter(|n| n.has_tag_name((NAMESPACE, "trans-unit")))
        {
            let Some(id) = unit.attribute("id") else {
                return Err(ReadError {
                    message: crate::tr!("cli-xliff-no-id"),
                    at: place(unit),
                });
            };
            let child = |tag: &str| unit.children().find(|n| named(n, tag));
            let Some(source) = child("source") else {
                return Err(ReadError {
                    message: crate::tr!("cli-xliff-no-source", id = id),
                    at: place(unit),
                });
            };
            let target = child("target");
            units.push(Unit {
                id: id.to_string(),
                source: text_of(source),
                needs_review: target
                    .and_then(|t| t.attribute("state"))
                    .is_some_and(|state| state.starts_with("needs-")),
                target: target.map(text_of),
                note: child("note").map(text_of),
            });
        }
    }
    Ok(Read {
        target_language,
        units,
    })
}

/// Whether `node` is an element called `name`, in whichever XLIFF namespace.
fn named(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

/// The text of an element and of everything inside it.
fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, source: &str, target: Option<&str>) -> Unit {
        Unit {
            id: id.into(),
            source: source.into(),
            target: target.map(String::from),
            note: Some("I.1.1: title".into()),
            needs_review: false,
        }
    }

    #[test]
    fn units_written_read_back_the_same_with_markup_and_paragraphs_intact() {
        let units = vec![
            unit(
                "I.1.1/title",
                "Trade & <competition> \"2021\"",
                Some("Comercio y competencia"),
            ),
            unit(
                "I.1.1/background",
                "First paragraph.\n\n  Second, *indented*.\n",
                None,
            ),
        ];
        let text = write(&units, Lang::En, Lang::Es, "programme/2021");
        let read = read(&text).expect("reads");
        assert_eq!(read.target_language.as_deref(), Some("es"));
        assert_eq!(read.units, units);
    }

    #[test]
    fn characters_xml_cannot_hold_are_replaced_and_the_document_stays_well_formed() {
        let units = vec![unit("I.1.1/title", "bell\u{7} and ]]> end", None)];
        let text = write(&units, Lang::En, Lang::Es, "p");
        let read = read(&text).expect("still XML");
        assert_eq!(read.units[0].source, "bell\u{FFFD} and ]]> end");
        assert_eq!(read.units[0].source, xml_text(&units[0].source));
    }

    #[test]
    fn a_broken_document_is_placed_at_its_line_and_column() {
        let error = read("<xliff version=\"1.2\">\n  <file>\n</xliff>").expect_err("broken");
        assert_eq!(error.at.map(|(line, _)| line), Some(3));
        let other = read("<xliff version=\"2.0\"/>").expect_err("2.0");
        assert!(other.message.contains("1.2"), "{}", other.message);
    }
}
