//! Reviewing a branch as a pull request shows it, on real repositories whose branches diverged
//! from a merge base: `diff A..B` and `A...B`, `log A..B`, `check --at`, colours and the
//! markdown comment.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::git::Env;

/// A hostile note: markdown, HTML, a mention, a terminal escape and a line break.
const HOSTILE: &str = "| **bold** <script>x</script> [link](http://e.example) @team #12 \u{1b}]0;pwned\u{7}\n# heading";

/// `main` and `review` diverged from the import: main cancelled II.3.1 after the branch was
/// made; the branch rewords I.1.2's background, records two participants and a note, and
/// moves its progress.
fn diverged() -> Env {
    let env = Env::new();
    env.git(&["checkout", "-q", "-b", "review"]);
    env.edit(
        "I.1.2",
        "Regional integration is a matter of paramount interest",
        "Regional integration as a Technical Secretariat is a matter of interest",
    );
    env.edit("I.1.2", "progress = 40", "progress = 70");
    env.append(
        "I.1.2",
        &format!(
            "\n[[participants]]\norganisation = \"CAF\"\ncountry = \"VE\"\nrole = \"speaker\"\n\n\
             [[participants]]\nname = \"Luis Gómez\"\norganisation = \"Ministry of Economy\"\n\
             country = \"MX\"\nrole = \"participant\"\n\n\
             [[notes]]\ndate = \"2021-03-02\"\ntext = \"{}\"\n",
            HOSTILE
                .replace('\u{1b}', "\\u001B")
                .replace('\u{7}', "\\u0007")
                .replace('\n', "\\n")
        ),
    );
    env.commit("Report drafted", "2021-03-02T10:00:00+00:00");
    env.git(&["checkout", "-q", "main"]);
    env.edit("II.3.1", "status = \"planned\"", "status = \"cancelled\"");
    env.commit("Index cancelled", "2021-03-05T10:00:00+00:00");
    env
}

#[test]
fn two_dots_compare_the_tips_and_three_dots_what_the_branch_did() {
    let env = diverged();
    let tips = env.programa(&["diff", "main..review"]).ok();
    assert!(tips.contains("II.3.1"), "{tips}");
    assert!(tips.contains("status: cancelled → planned"), "{tips}");

    let branch = env.programa(&["diff", "main...review"]).ok();
    assert!(!branch.contains("II.3.1"), "{branch}");
    assert!(branch.contains("I.1.2  Follow-up report"), "{branch}");
    assert!(branch.contains("progress: 40% → 70%"), "{branch}");
    assert!(branch.contains("+ CAF (Venezuela), speaker"), "{branch}");

    let json: serde_json::Value =
        serde_json::from_str(&env.programa(&["diff", "main...review", "--json"]).ok())
            .expect("JSON");
    let base = env.git(&["merge-base", "main", "review"]);
    let short = &base.trim()[..7];
    assert_eq!(
        json["from"],
        format!("the merge base of main and review ({short})")
    );
    assert_eq!(json["to"], "review");
    let codes: Vec<&str> = json["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .filter_map(|a| a["code"].as_str())
        .collect();
    assert_eq!(codes, ["I.1.2"]);

    // From main's side, the branch is the only thing main lacks.
    let reverse = env.programa(&["diff", "review...main"]).ok();
    assert!(reverse.contains("II.3.1"), "{reverse}");
    assert!(reverse.contains("status: planned → cancelled"), "{reverse}");
    assert!(!reverse.contains("I.1.2"), "{reverse}");
}

#[test]
fn log_of_a_range_lists_the_commits_of_the_branch() {
    let env = diverged();
    let branch = env.programa(&["log", "main..review"]).ok();
    assert!(branch.contains("Report drafted"), "{branch}");
    assert!(!branch.contains("Index cancelled"), "{branch}");
    assert!(!branch.contains("Import the 2021 programme"), "{branch}");

    let either = env.programa(&["log", "main...review"]).ok();
    assert!(either.contains("Report drafted"), "{either}");
    assert!(either.contains("Index cancelled"), "{either}");
    assert!(!either.contains("Import the 2021 programme"), "{either}");

    // A range and a code together; a code of the other side gives nothing in the range.
    let one = env.programa(&["log", "main..review", "I.1.2"]).ok();
    assert!(one.contains("progress 40% → 70%"), "{one}");
    let none = env.programa(&["log", "II.3.1", "main..review"]).ok();
    assert_eq!(none, "no changes to II.3.1 (2021) in main..review\n");

    // A single revision: the history up to it.
    let upto = env.programa(&["log", "review"]).ok();
    assert!(upto.contains("Report drafted"), "{upto}");
    assert!(upto.contains("Import the 2021 programme"), "{upto}");
    assert!(!upto.contains("Index cancelled"), "{upto}");

    let json: serde_json::Value =
        serde_json::from_str(&env.programa(&["log", "main..review", "--json"]).ok()).expect("JSON");
    let summaries: Vec<&str> = json["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["summary"].as_str())
        .collect();
    assert_eq!(summaries, ["Report drafted"]);
}

#[test]
fn a_word_that_is_neither_code_nor_revision_is_an_error() {
    let env = diverged();
    let run = env.programa(&["log", "I.1.3"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "`I.1.3` is neither an activity of 2021 (in its files or its history) nor a revision"
        ),
        "{}",
        run.stderr
    );
    // I.1.1 and I.1.2 are equally near: the first in code order is offered.
    assert!(run.stderr.contains("did you mean I.1.1?"), "{}", run.stderr);

    let stderr = env.programa(&["log", "mian..review"]).fails();
    assert!(stderr.contains("unknown revision `mian`"), "{stderr}");
    assert!(stderr.contains("did you mean `main`?"), "{stderr}");
    let stderr = env.programa(&["diff", "main...reveiw"]).fails();
    assert!(stderr.contains("did you mean `review`?"), "{stderr}");
    let stderr = env.programa(&["diff", "main..review", "HEAD"]).fails();
    assert!(stderr.contains("is a range"), "{stderr}");

    // An activity gone from the files is still found in the history.
    std::fs::remove_file(env.activity("II.3.2")).expect("remove");
    env.commit("II.3.2 dropped", "2021-03-06T10:00:00+00:00");
    let gone = env.programa(&["log", "II.3.2"]).ok();
    assert!(gone.contains("II.3.2 dropped"), "{gone}");
}

#[test]
fn check_at_a_revision_reads_it_from_git_and_leaves_the_files_alone() {
    let env = diverged();
    env.git(&["checkout", "-q", "-b", "broken", "review"]);
    env.edit("I.1.2", "progress = 70", "progress = 170");
    env.commit("Too much progress", "2021-03-07T10:00:00+00:00");
    env.git(&["checkout", "-q", "main"]);
    let file = env.activity("I.1.2");
    let before = std::fs::read(&file).expect("read");
    let status_before = env.git(&["status", "--porcelain"]);

    let ok = env.programa(&["check", "--at", "review"]).ok();
    assert!(
        ok.contains("programme/2021 at review: 5 activities, 0 errors"),
        "{ok}"
    );

    let run = env.programa(&["check", "--at", "broken"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("programme/2021/activities/I.1.2.toml:"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("170"), "{}", run.stdout);
    assert!(
        run.stderr.contains("at broken has 1 error"),
        "{}",
        run.stderr
    );

    let json: serde_json::Value = serde_json::from_str(
        &env.programa(&["check", "--at", "broken", "--format", "json"])
            .stdout,
    )
    .expect("JSON");
    assert_eq!(json["at"], "broken");
    assert_eq!(json["summary"]["errors"], 1);
    assert_eq!(
        json["findings"][0]["file"],
        "programme/2021/activities/I.1.2.toml"
    );

    // The working tree is main's, untouched, and clean.
    assert_eq!(std::fs::read(&file).expect("read"), before);
    assert_eq!(env.git(&["status", "--porcelain"]), status_before);
    env.programa(&["check"]).ok();
    let stderr = env.programa(&["check", "--at", "nowhere"]).fails();
    assert!(stderr.contains("unknown revision `nowhere`"), "{stderr}");
}

#[test]
fn a_baseline_may_be_any_revision() {
    let env = diverged();
    let by_tag = env.programa(&["baseline", "diff", "review", "main"]).ok();
    assert!(by_tag.contains("cancelled           II.3.1"), "{by_tag}");
    env.programa(&["baseline", "set", "approved"]).ok();
    // A baseline's name works wherever a revision does.
    let diff = env.programa(&["diff", "approved..review"]).ok();
    assert!(diff.contains("status: cancelled → planned"), "{diff}");
}

#[test]
fn colours_on_request_and_never_from_the_files() {
    let env = diverged();
    let plain = env.programa(&["diff", "main...review"]).ok();
    assert!(!plain.contains('\u{1b}'), "{plain}");
    let never = env
        .programa(&["diff", "main...review", "--color", "never"])
        .ok();
    assert_eq!(never, plain);

    let coloured = env
        .programa(&["diff", "main...review", "--color", "always"])
        .ok();
    assert!(
        coloured.contains("\u{1b}[31m40%\u{1b}[0m → \u{1b}[32m70%\u{1b}[0m"),
        "{coloured}"
    );
    assert!(
        coloured.contains("\u{1b}[1;36mI.1.2\u{1b}[0m"),
        "{coloured}"
    );
    assert!(
        coloured.contains("\u{1b}[32m{+as a Technical Secretariat+}\u{1b}[0m"),
        "{coloured}"
    );
    assert!(
        coloured.contains("\u{1b}[31m[-paramount-]\u{1b}[0m"),
        "{coloured}"
    );
    assert_only_our_colours(&coloured);
    // Without the colours, the same text.
    assert_eq!(strip_colours(&coloured), plain);

    for args in [
        &["log", "--color", "always"][..],
        &["log", "main..review", "--color", "always"],
        &["history", "I.1.2", "--color", "always"],
        &["list", "--color", "always"],
    ] {
        let out = env.programa(args).ok();
        assert!(out.contains("\u{1b}["), "{args:?}: {out}");
        assert_only_our_colours(&out);
        let without = env.programa(&args[..args.len() - 2]).ok();
        assert_eq!(strip_colours(&out), without, "{args:?}");
    }
    let list = env.programa(&["list", "--color", "always"]).ok();
    assert!(list.contains("\u{1b}[34mplanned"), "{list}");
    assert!(list.contains("\u{1b}[33mongoing"), "{list}");
}

#[test]
fn a_terminal_gets_colours_unless_no_color_is_set() {
    let env = diverged();
    let on_a_terminal = |no_color: Option<&str>| {
        let command = format!("{} diff main...review", env!("CARGO_BIN_EXE_programa"));
        let mut script = crate::support::pinned("script", &env.home);
        script
            .current_dir(&env.root)
            .env_remove("NO_COLOR")
            .args(["-qec", &command, "/dev/null"]);
        if let Some(value) = no_color {
            script.env("NO_COLOR", value);
        }
        let output = script.output().expect("script runs");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(on_a_terminal(None).contains("\u{1b}[1;36mI.1.2"));
    assert!(!on_a_terminal(Some("1")).contains("\u{1b}["));
    // Into a pipe: no colours even without NO_COLOR.
    let mut pipe = crate::support::pinned(env!("CARGO_BIN_EXE_programa"), &env.home);
    let output = pipe
        .current_dir(&env.root)
        .env_remove("NO_COLOR")
        .args(["diff", "main...review"])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\u{1b}'));
}

#[test]
fn markdown_for_a_review_comment_keeps_its_structure() {
    let env = diverged();
    let markdown = env
        .programa(&["diff", "main...review", "--format", "markdown"])
        .ok();
    assert!(!markdown.contains('\u{1b}'), "{markdown}");
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let events: Vec<Event> = Parser::new_ext(&markdown, options).collect();

    let mut headings = Vec::new();
    let mut in_heading = false;
    let mut tables = 0;
    let mut cells = Vec::new();
    let mut in_cell = false;
    let mut items = Vec::new();
    let mut item = None::<String>;
    for event in &events {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                headings.push(String::new());
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                cells.push(String::new());
            }
            Event::End(TagEnd::TableCell) => in_cell = false,
            Event::Start(Tag::Item) => item = Some(String::new()),
            Event::End(TagEnd::Item) => items.extend(item.take()),
            Event::Text(text) | Event::Code(text) => {
                if in_heading && let Some(h) = headings.last_mut() {
                    h.push_str(text);
                }
                if in_cell && let Some(c) = cells.last_mut() {
                    c.push_str(text);
                }
                if let Some(i) = item.as_mut() {
                    i.push_str(text);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => panic!("raw HTML {html:?}"),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => panic!("a link in {markdown}"),
            _ => {}
        }
    }
    let short = &env.git(&["merge-base", "main", "review"])[..7];
    assert_eq!(
        headings,
        [
            format!("Programme 2021: the merge base of main and review ({short}) → review"),
            "I.1.2 Follow-up report on regional integration (modified)".to_string(),
        ],
        "{markdown}"
    );
    assert_eq!(tables, 1, "{markdown}");
    assert_eq!(
        cells,
        ["field", "before", "after", "progress", "40%", "70%"]
    );
    let note = items
        .iter()
        .find(|i| i.starts_with("2021-03-02: "))
        .expect("the note");
    let expected = HOSTILE
        .replace('\n', " ")
        .replace('\u{1b}', "\\u{1b}")
        .replace('\u{7}', "\\u{7}");
    assert_eq!(note, &format!("2021-03-02: {expected}"));
    let people: BTreeSet<&str> = items
        .iter()
        .map(String::as_str)
        .filter(|i| i.contains("), "))
        .collect();
    assert_eq!(
        people,
        BTreeSet::from([
            "CAF (Venezuela), speaker",
            "Luis Gómez, Ministry of Economy (Mexico), participant"
        ])
    );
    assert!(
        items
            .iter()
            .any(|i| i.starts_with("background: Regional integration")),
        "{items:?}"
    );

    let nothing = env
        .programa(&["diff", "main...main", "--format", "markdown"])
        .ok();
    assert!(
        nothing.ends_with("No changes to the programme.\n"),
        "{nothing}"
    );
}

/// Every escape in `out` begins one of the colours programa writes.
#[track_caller]
fn assert_only_our_colours(out: &str) {
    let ours = ["0", "1", "2", "31", "32", "33", "34", "35", "1;36"];
    for (at, _) in out.match_indices('\u{1b}') {
        let rest = &out[at + 1..];
        let sequence = rest
            .strip_prefix('[')
            .and_then(|r| r.split_once('m'))
            .map(|(codes, _)| codes);
        assert!(
            sequence.is_some_and(|codes| ours.contains(&codes)),
            "a foreign escape at {at}: {:?}",
            &out[at..(at + 12).min(out.len())]
        );
    }
}

/// `out` without its colour sequences.
fn strip_colours(out: &str) -> String {
    let mut plain = String::new();
    let mut rest = out;
    while let Some(at) = rest.find("\u{1b}[") {
        plain.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        rest = after.split_once('m').map_or("", |(_, r)| r);
    }
    plain.push_str(rest);
    plain
}
