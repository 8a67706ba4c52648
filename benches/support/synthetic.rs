//! Large synthetic programmes, deterministic, written in the real file format.
//!
//! Shared by the benchmarks and by tests that need a programme too big to fit in a pipe's
//! buffer. Every programme has five areas, ten programmes and fifty projects; activities are
//! spread over the projects in turn, each with prose of a realistic length (2–4 KB a file),
//! footnotes that its prose cites, dates inside the year, and tracking that fits its status.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use programa::model::{
    Activity, Area, Country, Date, Footnote, Format, Kind, Note, Output, Participant, Programme,
    Project, Role, Status, WorkProgramme,
};
use programa::store::write::to_toml;

/// Areas of a synthetic programme.
const AREAS: usize = 5;
/// Programmes of each area.
const PROGRAMMES_PER_AREA: usize = 2;
/// Projects of each programme.
const PROJECTS_PER_PROGRAMME: usize = 5;

/// What [`write`] wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// The year's folder, `<root>/programme/<year>`.
    pub year_dir: PathBuf,
    /// Every file written: the programme file first, then the activities in code order.
    pub files: Vec<PathBuf>,
    /// The activities' codes, in order.
    pub codes: Vec<String>,
    /// The bytes written, in all.
    pub bytes: u64,
}

/// Writes a programme of `activities` activities for `year` under `root/programme/<year>/`.
pub fn write(root: &Path, year: i32, activities: usize) -> std::io::Result<Written> {
    let year_dir = root.join("programme").join(year.to_string());
    let activities_dir = year_dir.join("activities");
    std::fs::create_dir_all(&activities_dir)?;
    let mut written = Written {
        year_dir: year_dir.clone(),
        files: Vec::new(),
        codes: Vec::new(),
        bytes: 0,
    };
    let put = |path: PathBuf, text: String, written: &mut Written| {
        written.bytes += text.len() as u64;
        std::fs::write(&path, text)?;
        written.files.push(path);
        Ok::<_, std::io::Error>(())
    };
    let programme = programme(year);
    put(
        year_dir.join("programme.toml"),
        toml(&programme)?,
        &mut written,
    )?;
    for index in 0..activities {
        let activity = activity(&programme, index);
        let path = activities_dir.join(format!("{}.toml", activity.code));
        written.codes.push(activity.code.clone());
        put(path, toml(&activity)?, &mut written)?;
    }
    Ok(written)
}

fn toml<T: serde::Serialize>(value: &T) -> std::io::Result<String> {
    to_toml(value).map_err(std::io::Error::other)
}

/// The programme file: five areas, ten programmes, fifty projects.
pub fn programme(year: i32) -> WorkProgramme {
    let mut rng = Rng::new(year as u64);
    let mut programme = WorkProgramme {
        year,
        title: format!("Work Programme for the year {year}"),
        organisation: "Permanent Secretariat".to_string(),
        language: Some("en".to_string()),
        foreword: Some(paragraphs(&mut rng, 2, 60..120)),
        introduction: Some(paragraphs(&mut rng, 1, 60..100)),
        ..WorkProgramme::default()
    };
    for a in 0..AREAS {
        let area = roman(a + 1);
        programme.areas.push(Area {
            code: area.clone(),
            title: title(&mut rng, 3..5),
            summary: Some(paragraphs(&mut rng, 1, 80..140)),
        });
        for p in 0..PROGRAMMES_PER_AREA {
            let id = format!("programme-{}-{}", area.to_lowercase(), p + 1);
            programme.programmes.push(Programme {
                id: id.clone(),
                area: area.clone(),
                title: title(&mut rng, 3..7),
            });
            for j in 0..PROJECTS_PER_PROGRAMME {
                programme.projects.push(Project {
                    code: format!("{area}.{}", p * PROJECTS_PER_PROGRAMME + j + 1),
                    programme: id.clone(),
                    title: title(&mut rng, 5..10),
                });
            }
        }
    }
    programme
}

/// The activity numbered `index`: projects take activities in turn.
pub fn activity(programme: &WorkProgramme, index: usize) -> Activity {
    let mut rng = Rng::new(0x5eed ^ index as u64);
    let project = &programme.projects[index % programme.projects.len()];
    let number = index / programme.projects.len() + 1;
    let year = programme.year;

    let kind = match rng.below(20) {
        0 => Kind::Other,
        1..=5 => Kind::Study,
        _ => Kind::Event,
    };
    let format = (kind == Kind::Event)
        .then(|| [Format::FaceToFace, Format::Virtual, Format::Hybrid][rng.below(3)]);
    let status = [
        Status::Planned,
        Status::Planned,
        Status::Ongoing,
        Status::Completed,
        Status::Completed,
        Status::Postponed,
        Status::Cancelled,
    ][rng.below(7)];
    let progress = match status {
        Status::Planned | Status::Cancelled => 0,
        Status::Completed => 100,
        Status::Ongoing | Status::Postponed => 10 + 10 * rng.below(8) as u8,
    };

    let month = 1 + rng.below(11) as u32;
    let day = 1 + rng.below(27) as u32;
    let planned_start = Date::from_ymd(year, month, day);
    let planned_end = Date::from_ymd(year, month, day + 1);
    let (actual_start, actual_end) = match status {
        Status::Completed => (planned_start, planned_end),
        Status::Ongoing => (planned_start, None),
        _ => (None, None),
    };

    let footnotes: Vec<Footnote> = (1..=1 + rng.below(3))
        .map(|n| Footnote {
            id: n.to_string(),
            text: format!(
                "{} ({}). *{}*.",
                capitalised(&mut rng),
                year - 1 - rng.below(5) as i32,
                title(&mut rng, 4..9)
            ),
        })
        .collect();
    let count = 2 + rng.below(2);
    let mut background = paragraphs(&mut rng, count, 35..60);
    for footnote in &footnotes {
        background.push_str(&format!(
            "\n\n{}[^{}].",
            sentence(&mut rng, 10..20).trim_end_matches('.'),
            footnote.id
        ));
    }

    let event = kind == Kind::Event;
    let participants = if event && status == Status::Completed {
        (0..3 + rng.below(6))
            .map(|_| Participant {
                name: (rng.below(2) == 0).then(|| title(&mut rng, 2..3)),
                organisation: title(&mut rng, 2..5),
                organisation_id: None,
                country: Country::resolve(COUNTRIES[rng.below(COUNTRIES.len())])
                    .expect("the names of the region's countries are known"),
                role: Role::Participant,
            })
            .collect()
    } else {
        Vec::new()
    };
    let notes = match (status, planned_start) {
        (Status::Ongoing | Status::Completed, Some(date)) => vec![Note {
            date,
            text: sentence(&mut rng, 10..25),
        }],
        _ => Vec::new(),
    };
    let outputs = if kind == Kind::Study && status == Status::Completed {
        vec![Output {
            title: title(&mut rng, 4..9),
            code: Some(format!("SP/DT N° {number}-{}", year % 100)),
            date: planned_end,
            url: None,
        }]
    } else {
        Vec::new()
    };

    Activity {
        code: format!("{}.{number}", project.code),
        project: project.code.clone(),
        title: title(&mut rng, 6..16),
        contents_title: None,
        previous: None,
        kind,
        format,
        format_note: (kind == Kind::Study).then(|| "External consultancy".to_string()),
        status,
        progress,
        planned_start: planned_start.filter(|_| event),
        planned_end: planned_end.filter(|_| event),
        actual_start: actual_start.filter(|_| event),
        actual_end: actual_end.filter(|_| event),
        venue: (event && format != Some(Format::Virtual))
            .then(|| format!("{}, {}", capitalised(&mut rng), COUNTRIES[rng.below(8)])),
        // Not drawn from the generator, so the rest of the data stays as it was.
        account: (status == Status::Completed)
            .then(|| "Held as planned; the expected results were met.".to_string()),
        audience: Some(sentence(&mut rng, 15..30)),
        partners: (0..rng.below(4))
            .map(|_| PARTNERS[rng.below(PARTNERS.len())].to_string())
            .collect(),
        background,
        objectives_lead: None,
        objectives: (0..2 + rng.below(3))
            .map(|_| sentence(&mut rng, 12..25))
            .collect(),
        objectives_closing: None,
        expected_results_lead: None,
        expected_results: (0..1 + rng.below(3))
            .map(|_| sentence(&mut rng, 12..25))
            .collect(),
        expected_results_closing: (rng.below(3) == 0).then(|| sentence(&mut rng, 15..25)),
        footnotes,
        participants,
        notes,
        outputs,
        translations: Default::default(),
    }
}

/// `n` as a roman numeral (1–39 is all areas need).
fn roman(mut n: usize) -> String {
    let mut text = String::new();
    for (value, digits) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= value {
            text.push_str(digits);
            n -= value;
        }
    }
    text
}

fn paragraphs(rng: &mut Rng, count: usize, words: std::ops::Range<usize>) -> String {
    (0..count)
        .map(|_| {
            let mut paragraph = String::new();
            let target = words.start + rng.below(words.end - words.start);
            let mut used = 0;
            while used < target {
                let length = 12 + rng.below(14);
                if !paragraph.is_empty() {
                    paragraph.push(' ');
                }
                paragraph.push_str(&sentence(rng, length..length + 1));
                used += length;
            }
            paragraph
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn sentence(rng: &mut Rng, words: std::ops::Range<usize>) -> String {
    let count = words.start + rng.below(words.end - words.start);
    let mut text = capitalised(rng);
    for _ in 1..count {
        text.push(' ');
        text.push_str(WORDS[rng.below(WORDS.len())]);
    }
    text.push('.');
    text
}

fn title(rng: &mut Rng, words: std::ops::Range<usize>) -> String {
    let count = words.start + rng.below(words.end - words.start);
    (0..count)
        .map(|_| capitalised(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalised(rng: &mut Rng) -> String {
    let word = WORDS[rng.below(WORDS.len())];
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// SplitMix64: small, fast, and the same numbers on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const COUNTRIES: &[&str] = &[
    "Argentina",
    "Bahamas",
    "Barbados",
    "Belize",
    "Bolivia",
    "Brazil",
    "Chile",
    "Colombia",
    "Costa Rica",
    "Cuba",
    "Ecuador",
    "El Salvador",
    "Guatemala",
    "Guyana",
    "Haiti",
    "Honduras",
    "Jamaica",
    "Mexico",
    "Nicaragua",
    "Panama",
    "Paraguay",
    "Peru",
    "Dominican Republic",
    "Suriname",
    "Trinidad and Tobago",
    "Uruguay",
    "Venezuela",
];

const PARTNERS: &[&str] = &[
    "CAF", "ECLAC", "UNCTAD", "ALADI", "IDB", "OECD", "WTO", "UNDP", "FAO", "PAHO",
];

const WORDS: &[&str] = &[
    "regional",
    "integration",
    "cooperation",
    "economic",
    "development",
    "policy",
    "policies",
    "member",
    "states",
    "latin",
    "american",
    "caribbean",
    "region",
    "countries",
    "trade",
    "facilitation",
    "technical",
    "support",
    "institutional",
    "framework",
    "analysis",
    "assessment",
    "strategy",
    "strategies",
    "sustainable",
    "growth",
    "productivity",
    "small",
    "medium-sized",
    "enterprises",
    "public",
    "private",
    "sector",
    "digital",
    "transformation",
    "infrastructure",
    "logistics",
    "ports",
    "network",
    "knowledge",
    "innovation",
    "capacity",
    "building",
    "training",
    "workshop",
    "seminar",
    "meeting",
    "forum",
    "experts",
    "authorities",
    "national",
    "international",
    "organizations",
    "mechanisms",
    "coordination",
    "exchange",
    "experiences",
    "best",
    "practices",
    "recommendations",
    "challenges",
    "opportunities",
    "impact",
    "pandemic",
    "recovery",
    "resilience",
    "crisis",
    "measures",
    "indicators",
    "database",
    "methodology",
    "study",
    "report",
    "evaluation",
    "monitoring",
    "follow-up",
    "dissemination",
    "information",
    "communication",
    "technologies",
    "governance",
    "competition",
    "financing",
    "investment",
    "migration",
    "health",
    "disaster",
    "risk",
    "reduction",
    "social",
    "inclusion",
    "employment",
    "value",
    "chains",
    "markets",
    "customs",
    "border",
    "the",
    "of",
    "and",
    "in",
    "for",
    "to",
    "with",
    "on",
    "by",
    "among",
    "within",
    "through",
    "towards",
    "a",
    "an",
    "its",
    "their",
    "this",
    "these",
    "that",
    "which",
    "will",
    "would",
    "aims",
    "promote",
    "strengthen",
    "identify",
    "analyse",
    "foster",
    "improve",
    "consolidate",
    "support",
    "provide",
    "ensure",
    "enhance",
    "design",
    "implement",
];
