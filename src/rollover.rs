//! Next year's programme from this year's, as plain data (no IO): the hierarchy kept, the
//! activities carried over with a link to the ones they carry on, their execution reset, and a
//! draft of the background chapter (the previous year's execution) from this year's figures.

use chrono::Datelike as _;

use crate::model::{Activity, Date, Lang, Plan, Status, WorkProgramme};

/// Which activities go on into the new year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carry {
    /// Every activity neither completed nor cancelled.
    Unfinished,
    /// Exactly these codes.
    Codes(Vec<String>),
}

/// The new year's programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollover {
    /// The new `programme.toml`.
    pub programme: WorkProgramme,
    /// The activities carried over, in code order.
    pub activities: Vec<Activity>,
}

/// Codes given to `--carry` that the year does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCodes {
    /// The year carried from.
    pub year: i32,
    /// The codes it lacks.
    pub codes: Vec<String>,
}

/// In the interface language.
impl std::fmt::Display for UnknownCodes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::tr!(
            "cli-new-year-unknown-codes",
            year = self.year.to_string(),
            codes = self.codes.join(", ")
        ))
    }
}

impl std::error::Error for UnknownCodes {}

/// The programme of year `to` from `plan`, the programme of year `from`.
///
/// The programme file keeps the organisation, language, Member States, notice, introduction
/// and the whole hierarchy (areas with their summaries, programmes, projects); its title has
/// the new year, and its foreword and register codes are left for the new document. Each
/// activity carried keeps its code and what the document says of it, gets `previous =
/// "FROM/CODE"`, is planned at 0 % with its planned dates moved to the new year, and has no
/// actual dates, venue, account, participants, notes or outputs.
pub fn roll_over(plan: &Plan, from: i32, to: i32, carry: &Carry) -> Result<Rollover, UnknownCodes> {
    let carried: Vec<&Activity> = match carry {
        Carry::Unfinished => plan
            .activities
            .iter()
            .filter(|a| !matches!(a.status, Status::Completed | Status::Cancelled))
            .collect(),
        Carry::Codes(codes) => {
            let unknown: Vec<String> = codes
                .iter()
                .filter(|code| plan.activity(code).is_none())
                .cloned()
                .collect();
            if !unknown.is_empty() {
                return Err(UnknownCodes {
                    year: from,
                    codes: unknown,
                });
            }
            plan.activities
                .iter()
                .filter(|a| codes.contains(&a.code))
                .collect()
        }
    };
    let old = &plan.programme;
    let programme = WorkProgramme {
        year: to,
        title: old.title.replace(&from.to_string(), &to.to_string()),
        organisation: old.organisation.clone(),
        document_code: None,
        report_document_code: None,
        language: old.language.clone(),
        member_states: old.member_states.clone(),
        notice: old.notice.clone(),
        foreword: None,
        introduction: old.introduction.clone(),
        background: Some(background_draft(plan, from, lang_of(old))),
        iati: old.iati.clone(),
        areas: old.areas.clone(),
        programmes: old.programmes.clone(),
        projects: old.projects.clone(),
        // Those of texts that change (the title's year) show as stale, to be looked at again.
        translations: old.translations.clone(),
    };
    let years = to - from;
    let activities = carried
        .into_iter()
        .map(|activity| Activity {
            previous: Some(format!("{from}/{}", activity.code)),
            status: Status::Planned,
            progress: 0,
            planned_start: activity.planned_start.map(|d| later(d, years)),
            planned_end: activity.planned_end.map(|d| later(d, years)),
            actual_start: None,
            actual_end: None,
            venue: None,
            account: None,
            participants: Vec::new(),
            notes: Vec::new(),
            outputs: Vec::new(),
            ..activity.clone()
        })
        .collect();
    Ok(Rollover {
        programme,
        activities,
    })
}

/// The language the programme is written in (English unless it says Spanish).
fn lang_of(programme: &WorkProgramme) -> Lang {
    programme
        .language
        .as_deref()
        .and_then(|code| code.parse().ok())
        .unwrap_or_default()
}

/// `date` moved `years` later; the 29th of February becomes the 28th in a common year.
fn later(date: Date, years: i32) -> Date {
    let day = date.0;
    let year = day.year() + years;
    Date(
        day.with_year(year)
            .or_else(|| day.with_day(28).and_then(|d| d.with_year(year)))
            .unwrap_or(day),
    )
}

/// A draft of the chapter on the execution of year `from`'s programme, in `lang`: what was
/// planned, how it stands, who took part, area by area. Marked as a draft for its author.
pub fn background_draft(plan: &Plan, from: i32, lang: Lang) -> String {
    let totals = plan.totals();
    let status = |s: Status| totals.by_status.get(s.as_str()).copied().unwrap_or(0);
    let participation = plan.participation();
    let countries = participation.countries.len();
    let members = participation.member_states().count();
    let organisation = &plan.programme.organisation;
    let w = Words::of(lang);
    let mut text = format!("*{}*\n\n", w.draft.replace("{year}", &from.to_string()));
    text.push_str(
        &w.planned
            .replace("{year}", &from.to_string())
            .replace("{organisation}", organisation)
            .replace("{activities}", &totals.activities.to_string())
            .replace("{events}", &totals.events.to_string())
            .replace("{studies}", &totals.studies.to_string())
            .replace("{other}", &totals.other.to_string()),
    );
    text.push(' ');
    text.push_str(
        &w.standing
            .replace("{completed}", &status(Status::Completed).to_string())
            .replace("{ongoing}", &status(Status::Ongoing).to_string())
            .replace("{postponed}", &status(Status::Postponed).to_string())
            .replace("{cancelled}", &status(Status::Cancelled).to_string())
            .replace("{planned}", &status(Status::Planned).to_string()),
    );
    text.push_str("\n\n");
    text.push_str(
        &w.participants
            .replace("{participants}", &participation.participants.to_string())
            .replace("{countries}", &countries.to_string())
            .replace("{members}", &members.to_string())
            .replace(
                "{organisations}",
                &participation.organisations.len().to_string(),
            ),
    );
    text.push_str("\n\n");
    text.push_str(w.by_area);
    text.push_str("\n\n");
    for area in &plan.programme.areas {
        let in_area: Vec<&Activity> = plan
            .activities
            .iter()
            .filter(|a| a.area_code() == area.code)
            .collect();
        let completed = in_area
            .iter()
            .filter(|a| a.status == Status::Completed)
            .count();
        text.push_str(&format!(
            "- {}. {}: {}\n",
            area.code,
            area.title,
            w.area_line
                .replace("{activities}", &in_area.len().to_string())
                .replace("{completed}", &completed.to_string())
        ));
    }
    text
}

/// The sentences of the draft, in one language.
struct Words {
    draft: &'static str,
    planned: &'static str,
    standing: &'static str,
    participants: &'static str,
    by_area: &'static str,
    area_line: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::En => Words {
                draft: "Draft written from the figures of the {year} programme: complete it, and correct what the figures cannot tell.",
                planned: "In {year}, {organisation} planned {activities} activities: {events} events, {studies} studies and {other} other activities.",
                standing: "At the close of the year, {completed} had been completed, {ongoing} were under way, {postponed} had been postponed and {cancelled} cancelled; {planned} had not started.",
                participants: "The activities brought together {participants} participants from {countries} countries, {members} of them Member States, and {organisations} organisations.",
                by_area: "By area of work:",
                area_line: "{activities} activities, {completed} completed",
            },
            Lang::Es => Words {
                draft: "Borrador redactado a partir de las cifras del programa de {year}: complételo y corrija lo que las cifras no pueden decir.",
                planned: "En {year}, {organisation} programó {activities} actividades: {events} eventos, {studies} estudios y {other} otras actividades.",
                standing: "Al cierre del año se habían completado {completed}, {ongoing} estaban en curso, {postponed} se habían aplazado y {cancelled} cancelado; {planned} no habían comenzado.",
                participants: "Las actividades reunieron a {participants} participantes de {countries} países, {members} de ellos Estados Miembros, y {organisations} organizaciones.",
                by_area: "Por área de trabajo:",
                area_line: "{activities} actividades, {completed} completadas",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, Participant, Role};

    fn plan() -> Plan {
        let activity = |code: &str, status| Activity {
            code: code.to_string(),
            project: "I.1".to_string(),
            title: format!("Activity {code}"),
            status,
            progress: 50,
            planned_start: "2024-02-29".parse().ok(),
            participants: vec![Participant {
                name: None,
                organisation: "CAF".to_string(),
                organisation_id: None,
                country: crate::model::Country::from_code("PE").expect("a country"),
                role: Role::Speaker,
            }],
            ..Activity::default()
        };
        Plan {
            programme: WorkProgramme {
                year: 2024,
                title: "Work Programme for the year 2024".to_string(),
                organisation: "Permanent Secretariat".to_string(),
                document_code: Some("SP/2024".to_string()),
                iati: Some(crate::model::IatiPublisher {
                    organisation_id: "XI-IATI-EXAMPLE".to_string(),
                    organisation_type: 40,
                }),
                areas: vec![Area {
                    code: "I".to_string(),
                    title: "Intra-Regional Relations".to_string(),
                    summary: None,
                }],
                ..WorkProgramme::default()
            },
            activities: vec![
                activity("I.1.1", Status::Completed),
                activity("I.1.2", Status::Ongoing),
                activity("I.1.3", Status::Cancelled),
                activity("I.1.4", Status::Postponed),
            ],
        }
    }

    #[test]
    fn carries_what_is_unfinished_with_its_execution_reset() {
        let next = roll_over(&plan(), 2024, 2025, &Carry::Unfinished).expect("rolls over");
        let codes: Vec<&str> = next.activities.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(codes, ["I.1.2", "I.1.4"]);
        let first = &next.activities[0];
        assert_eq!(first.previous.as_deref(), Some("2024/I.1.2"));
        assert_eq!(first.previous_link(), Some((2024, "I.1.2")));
        assert_eq!((first.status, first.progress), (Status::Planned, 0));
        assert!(first.participants.is_empty());
        assert_eq!(first.planned_start, "2025-02-28".parse().ok());
        assert_eq!(next.programme.title, "Work Programme for the year 2025");
        assert_eq!(next.programme.document_code, None);
        assert_eq!(next.programme.areas, plan().programme.areas);
        assert_eq!(next.programme.iati, plan().programme.iati);
    }

    #[test]
    fn carries_exactly_the_codes_named_and_refuses_unknown_ones() {
        let codes = Carry::Codes(vec!["I.1.1".to_string()]);
        let next = roll_over(&plan(), 2024, 2025, &codes).expect("rolls over");
        assert_eq!(next.activities.len(), 1);
        assert_eq!(next.activities[0].code, "I.1.1");
        let unknown = Carry::Codes(vec!["I.1.1".to_string(), "IX.9.9".to_string()]);
        assert_eq!(
            roll_over(&plan(), 2024, 2025, &unknown),
            Err(UnknownCodes {
                year: 2024,
                codes: vec!["IX.9.9".to_string()]
            })
        );
    }

    #[test]
    fn the_background_draft_gives_last_years_figures_in_the_programmes_language() {
        let english = background_draft(&plan(), 2024, Lang::En);
        assert!(english.contains("In 2024, Permanent Secretariat planned 4 activities"));
        assert!(english.contains(
            "1 had been completed, 1 were under way, 1 had been postponed and 1 cancelled"
        ));
        assert!(english.contains("- I. Intra-Regional Relations: 4 activities, 1 completed"));
        let spanish = background_draft(&plan(), 2024, Lang::Es);
        assert!(spanish.contains("programó 4 actividades"), "{spanish}");
    }

    #[test]
    fn previous_links_are_a_year_and_a_code() {
        assert_eq!(
            crate::model::parse_previous("2021/I.1.3"),
            Some((2021, "I.1.3"))
        );
        for bad in ["2021", "21/I.1.3", "2021/", "2021/I 1", "2021/I/1"] {
            assert_eq!(crate::model::parse_previous(bad), None, "{bad}");
        }
    }
}
