//! The programme file of a year: metadata, front matter and the hierarchy above activities.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::translation::{Translatable, Translate, Translations, push_one, push_some};
use super::{Country, Lang};

/// The contents of `programme/<year>/programme.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "programa programme",
    description = "An annual work programme: metadata, front matter, areas, programmes and projects."
)]
pub struct WorkProgramme {
    /// The year the programme plans.
    pub year: i32,
    /// The document's title, "Work Programme for the year 2021".
    pub title: String,
    /// Who carries it out, "Permanent Secretariat of SELA".
    pub organisation: String,
    /// The programme document's code in the organisation's register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_code: Option<String>,
    /// The follow-up report's own code in the register, printed on its cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_document_code: Option<String>,
    /// The language of the text, as an ISO 639-1 code (`en`, `es`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The organisation's Member States, as ISO 3166-1 alpha-2 codes: the report counts the
    /// Member States represented apart from other countries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_states: Vec<Country>,
    /// Copyright and reproduction notice printed inside the cover (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub notice: Option<String>,
    /// The foreword (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub foreword: Option<String>,
    /// The introduction's opening, before the summary of each area (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub introduction: Option<String>,
    /// The chapter on the execution of the previous year's programme (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub background: Option<String>,
    /// How `programa export iati` names the organisation that publishes the programme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iati: Option<IatiPublisher>,
    /// The areas of work, in order.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// The programmes, each in an area, in order.
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// The projects, each in a programme, in order.
    #[serde(default)]
    pub projects: Vec<Project>,
    /// The file's text in other languages, by language and field (`[translations.es.title]`,
    /// `[translations.es."areas/I/summary"]`).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// The organisation as IATI knows it, the `[iati]` table of `programme.toml`: the reporting
/// organisation of an IATI activity file, and the start of every activity's identifier.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IatiPublisher {
    /// The organisation's IATI organisation identifier, `XM-DAC-41114` or `XI-IATI-…`: a
    /// registration agency's prefix and the organisation's number there.
    pub organisation_id: String,
    /// The organisation's type in IATI's OrganisationType codelist: 10 government, 21
    /// international NGO, 40 multilateral, 80 academic…
    pub organisation_type: u16,
}

/// An area of work: `I`, Intra-Regional Relations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Area {
    /// A roman numeral: `I`, `II`, `III`.
    pub code: String,
    /// "Intra-Regional Relations".
    pub title: String,
    /// The introduction's summary of the area (markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("contentMediaType" = "text/markdown"))]
    pub summary: Option<String>,
}

/// A programme of an area. Programmes have no code in the document, so a stable slug names them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Programme {
    /// A stable slug, `trade-facilitation`, that projects refer to.
    pub id: String,
    /// The code of its area.
    pub area: String,
    /// "Trade Facilitation".
    pub title: String,
}

/// A project of a programme: `I.1`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Project {
    /// The area's code and a number: `I.1`.
    pub code: String,
    /// The id of its programme.
    pub programme: String,
    /// "Assessment of the Latin American and Caribbean integration process".
    pub title: String,
}

impl WorkProgramme {
    /// The area with this code.
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.code == code)
    }

    /// The programme with this id.
    pub fn programme(&self, id: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.id == id)
    }

    /// The project with this code.
    pub fn project(&self, code: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.code == code)
    }

    /// The language the programme's text is written in: its `language`, English when it names
    /// none or one the tool does not speak.
    pub fn source_lang(&self) -> Lang {
        self.language
            .as_deref()
            .and_then(|l| l.parse().ok())
            .unwrap_or_default()
    }

    /// Whether `country` is one of the organisation's Member States.
    pub fn is_member_state(&self, country: Country) -> bool {
        self.member_states.contains(&country)
    }
}

impl Translate for WorkProgramme {
    fn translatable(&self) -> Vec<Translatable> {
        let mut fields = Vec::new();
        push_one(&mut fields, "title", &self.title);
        push_one(&mut fields, "organisation", &self.organisation);
        push_some(&mut fields, "notice", &self.notice);
        push_some(&mut fields, "foreword", &self.foreword);
        push_some(&mut fields, "introduction", &self.introduction);
        push_some(&mut fields, "background", &self.background);
        for area in &self.areas {
            push_one(
                &mut fields,
                format!("areas/{}/title", area.code),
                &area.title,
            );
            push_some(
                &mut fields,
                format!("areas/{}/summary", area.code),
                &area.summary,
            );
        }
        for programme in &self.programmes {
            push_one(
                &mut fields,
                format!("programmes/{}/title", programme.id),
                &programme.title,
            );
        }
        for project in &self.projects {
            push_one(
                &mut fields,
                format!("projects/{}/title", project.code),
                &project.title,
            );
        }
        fields
    }

    fn translations(&self) -> &Translations {
        &self.translations
    }
}
