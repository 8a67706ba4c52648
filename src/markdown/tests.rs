use super::*;

fn json(nodes: &[Node]) -> String {
    serde_json::to_string(nodes).unwrap_or_default()
}

fn md(text: &str) -> Vec<Node> {
    convert(text, &BTreeMap::new())
}

fn kinds(text: &str) -> Vec<(RemarkKind, &str)> {
    remarks(text)
        .into_iter()
        .map(|remark| (remark.kind, &text[remark.span]))
        .collect()
}

#[test]
fn paragraphs_emphasis_and_links_become_nodes() {
    let nodes = md("One *two* **three**.\n\nSee [SELA](https://www.sela.org).");
    assert_eq!(
        json(&nodes),
        r#"[{"t":"para","c":[{"t":"text","s":"One "},{"t":"emph","c":[{"t":"text","s":"two"}]},{"t":"text","s":" "},{"t":"strong","c":[{"t":"text","s":"three"}]},{"t":"text","s":"."}]},{"t":"para","c":[{"t":"text","s":"See "},{"t":"link","url":"https://www.sela.org","c":[{"t":"text","s":"SELA"}]},{"t":"text","s":"."}]}]"#
    );
}

#[test]
fn footnote_references_carry_their_text() {
    let notes = convert_notes([("3", "SELA (2019). *Report*.")]);
    let nodes = convert("A claim[^3] and an unknown one[^9].", &notes);
    let text = json(&nodes);
    assert!(
        text.contains(r#"{"t":"fn","id":"3","c":[{"t":"para","c":[{"t":"text","s":"SELA (2019). "},{"t":"emph""#),
        "{text}"
    );
    assert!(text.contains("[^9]"), "{text}");
}

#[test]
fn an_unclosed_code_fence_keeps_the_footnotes_and_nothing_else() {
    let notes = convert_notes([("1", "The note.")]);
    let nodes = convert("A claim[^1].\n\n```\nunclosed fence", &notes);
    let text = json(&nodes);
    assert!(text.contains(r#"{"t":"fn","id":"1""#), "{text}");
    assert_eq!(
        nodes.last(),
        Some(&Node::Codeblock {
            s: "unclosed fence".to_string()
        })
    );
    assert!(!plain_text(&nodes).contains("[^1]"), "{text}");
}

#[test]
fn lists_keep_their_items_and_numbering() {
    let nodes = md("Before:\n\n- one\n- two\n\n3. three\n4. four");
    let text = json(&nodes);
    assert!(text.contains(r#"{"t":"list","ordered":false,"start":1,"items":[[{"t":"text","s":"one"}],[{"t":"text","s":"two"}]]}"#), "{text}");
    assert!(text.contains(r#""ordered":true,"start":3"#), "{text}");
}

#[test]
fn markup_of_other_languages_stays_text() {
    let nodes = md("#read(\"/etc/passwd\") <b>x</b> $y$");
    assert_eq!(plain_text(&nodes), "#read(“/etc/passwd”) x $y$");
}

#[test]
fn the_inline_html_authors_use_is_shown_as_meant() {
    let nodes = md(
        "CO<sub>2</sub>, m<sup>2</sup>, <em>a</em> <i>b</i> <strong>c</strong> <b>d</b> \
         <del>e</del><br/>line <a href=\"https://sela.org/?a=1&amp;b=2\">SELA</a>",
    );
    assert_eq!(
        json(&nodes),
        r#"[{"t":"para","c":[{"t":"text","s":"CO"},{"t":"sub","c":[{"t":"text","s":"2"}]},{"t":"text","s":", m"},{"t":"sup","c":[{"t":"text","s":"2"}]},{"t":"text","s":", "},{"t":"emph","c":[{"t":"text","s":"a"}]},{"t":"text","s":" "},{"t":"emph","c":[{"t":"text","s":"b"}]},{"t":"text","s":" "},{"t":"strong","c":[{"t":"text","s":"c"}]},{"t":"text","s":" "},{"t":"strong","c":[{"t":"text","s":"d"}]},{"t":"text","s":" "},{"t":"strike","c":[{"t":"text","s":"e"}]},{"t":"break"},{"t":"text","s":"line "},{"t":"link","url":"https://sela.org/?a=1&b=2","c":[{"t":"text","s":"SELA"}]}]}]"#
    );
    assert!(remarks("CO<sub>2</sub> <br> <a href=\"x\">y</a>").is_empty());
}

#[test]
fn comments_are_left_out_and_remarked() {
    let text = "Before <!-- inline --> after.\n\n<!-- reviewer: check\nthis figure -->\n\nEnd.";
    let nodes = md(text);
    assert_eq!(plain_text(&nodes), "Before  after.End.");
    assert_eq!(
        kinds(text),
        [
            (RemarkKind::Comment, "<!-- inline -->"),
            (RemarkKind::Comment, "<!-- reviewer: check"),
        ]
    );
}

#[test]
fn other_html_is_left_out_with_its_text_kept_and_remarked() {
    let text = "A <span class=\"x\">word</span> and <img src=\"a.png\" alt=\"a chart\"> here.";
    assert_eq!(plain_text(&md(text)), "A word and a chart here.");
    let found = kinds(text);
    assert_eq!(
        found,
        [
            (
                RemarkKind::Html {
                    construct: "<span>".into()
                },
                "<span class=\"x\">"
            ),
            (
                RemarkKind::Html {
                    construct: "<img>".into()
                },
                "<img src=\"a.png\" alt=\"a chart\">"
            ),
        ]
    );
}

#[test]
fn html_blocks_show_their_text_in_paragraphs() {
    let text = "<div class=\"note\">\n<p>Emissions of CO<sub>2</sub> &amp; more</p>\n<p>*not emphasis*</p>\n</div>\n\nAfter.";
    let nodes = md(text);
    assert_eq!(
        json(&nodes),
        r#"[{"t":"para","c":[{"t":"text","s":"Emissions of CO"},{"t":"sub","c":[{"t":"text","s":"2"}]},{"t":"text","s":" & more"}]},{"t":"para","c":[{"t":"text","s":"*not emphasis*"}]},{"t":"para","c":[{"t":"text","s":"After."}]}]"#
    );
    let constructs: Vec<String> = remarks(text)
        .into_iter()
        .filter_map(|remark| match remark.kind {
            RemarkKind::Html { construct } => Some(construct),
            _ => None,
        })
        .collect();
    assert_eq!(constructs, ["<div>", "<p>", "<p>"]);
}

#[test]
fn scripts_are_hidden_and_pre_is_verbatim() {
    let nodes = md("<script>\nalert(1)\n</script>\nshown\n\n<pre>\n  a  b\n</pre>");
    assert_eq!(plain_text(&nodes), "shown\n  a  b\n");
}

#[test]
fn unclosed_and_unopened_elements_are_remarked() {
    let text = "Some <sub>text\n\nthen</sup>";
    let nodes = md(text);
    assert_eq!(plain_text(&nodes), "Some textthen");
    assert_eq!(
        kinds(text),
        [
            (RemarkKind::Unclosed { name: "sub".into() }, "<sub>"),
            (RemarkKind::Unopened { name: "sup".into() }, "</sup>"),
        ]
    );
}

#[test]
fn html_and_markdown_emphasis_mixed_keep_every_word() {
    for text in [
        "<b>*a</b> b*",
        "*a <b>b* c</b>",
        "<b><i>x</b> y",
        "</b><b>",
        "<a><a href=x>y</a></a>",
    ] {
        let shown = plain_text(&md(text)).replace(['*', ' '], "");
        let expected = text
            .replace("<b>", "")
            .replace("</b>", "")
            .replace("<i>", "")
            .replace("<a href=x>", "")
            .replace("<a>", "")
            .replace("</a>", "")
            .replace(['*', ' '], "");
        assert_eq!(shown, expected, "{text}");
    }
}

#[test]
fn e_mail_autolinks_link_to_mailto() {
    assert_eq!(
        json(&md("<info@sela.org>")),
        r#"[{"t":"para","c":[{"t":"link","url":"mailto:info@sela.org","c":[{"t":"text","s":"info@sela.org"}]}]}]"#
    );
}

#[test]
fn nesting_beyond_the_limit_is_flattened_and_remarked() {
    let quotes = format!("{}deep", "> ".repeat(MAX_DEPTH + 4));
    let nodes = md(&quotes);
    assert_eq!(depth(&nodes), MAX_DEPTH);
    assert_eq!(plain_text(&nodes), "deep");
    let found = remarks(&quotes);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].kind,
        RemarkKind::TooDeep {
            depth: MAX_DEPTH + 4
        }
    );
    // The first quote beyond the limit.
    assert_eq!(found[0].span.start, 2 * MAX_DEPTH);

    let lists: String = (0..MAX_DEPTH + 3)
        .map(|level| format!("{}- item {level}\n", "  ".repeat(level)))
        .collect();
    let nodes = md(&lists);
    assert_eq!(depth(&nodes), MAX_DEPTH);
    let words = plain_text(&nodes);
    assert_eq!(words.matches("item ").count(), MAX_DEPTH + 3, "{words}");
    // The items flattened are on lines of their own.
    let flattened = format!(
        "item {} item {} item {}",
        MAX_DEPTH - 1,
        MAX_DEPTH,
        MAX_DEPTH + 1
    );
    assert!(words.contains(&flattened), "{words}");

    // Each stretch too deep is remarked on, with its own depth; paragraphs stay paragraphs.
    let both = format!("{quotes}\n>\n> more\n\n{lists}");
    let found = remarks(&both);
    let depths: Vec<_> = found.iter().map(|remark| remark.kind.clone()).collect();
    assert_eq!(
        depths,
        [
            RemarkKind::TooDeep {
                depth: MAX_DEPTH + 4
            },
            RemarkKind::TooDeep {
                depth: MAX_DEPTH + 3
            },
        ]
    );
    assert_eq!(
        found[1].span.start,
        both.find(&format!("- item {MAX_DEPTH}"))
            .unwrap_or_default()
    );
    let prefix = "> ".repeat(MAX_DEPTH + 1);
    let deep = md(&format!("{prefix}a\n{}\n{prefix}b", prefix.trim_end()));
    assert_eq!(depth(&deep), MAX_DEPTH);
    assert!(
        json(&deep).contains(
            r#"{"t":"para","c":[{"t":"text","s":"a"}]},{"t":"para","c":[{"t":"text","s":"b"}]}"#
        ),
        "{}",
        json(&deep)
    );

    let at_limit = format!("{}deep", "> ".repeat(MAX_DEPTH));
    assert!(remarks(&at_limit).is_empty());
    assert_eq!(depth(&md(&at_limit)), MAX_DEPTH);
}

#[test]
fn inline_nesting_counts_too() {
    let text = format!(
        "{}x{}",
        "<sub>".repeat(MAX_DEPTH + 1),
        "</sub>".repeat(MAX_DEPTH + 1)
    );
    let nodes = md(&text);
    assert_eq!(depth(&nodes), MAX_DEPTH);
    assert_eq!(plain_text(&nodes), "x");
    assert!(
        remarks(&text)
            .iter()
            .all(|remark| matches!(remark.kind, RemarkKind::TooDeep { .. })),
        "{:?}",
        remarks(&text)
    );
}

#[test]
fn images_and_footnotes_in_the_text_are_remarked() {
    let text = "![a chart](chart.png)\n\n[^1]: A note written here.";
    assert_eq!(plain_text(&md(text)), "a chart");
    assert_eq!(
        kinds(text),
        [
            (RemarkKind::Image, "![a chart](chart.png)"),
            (
                RemarkKind::FootnoteDefinition { label: "1".into() },
                "[^1]: A note written here."
            ),
        ]
    );
}

#[test]
fn html_in_code_is_code() {
    let text = "`<!-- x -->` and\n\n    <span>\n";
    assert!(remarks(text).is_empty());
    assert_eq!(plain_text(&md(text)), "<!-- x --> and<span>\n");
}

/// Pieces of prose: words (kept apart so each can be found again) and markup around them,
/// none of which may hide a word (no `:` for definitions, no `;` for references, no `<`
/// that could open a tag around a word).
fn piece() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        4 => "[a-z]{3,8}".prop_map(|word| format!("{word} ")),
        1 => prop::sample::select(vec![
            "*", "**", "_", "__", "~~ ", "` ", "```\n", "~~~\n", "> ", "- ", "+ ", "1. ", "2) ", "# ",
            "## ", "---", "***", "===", "\n", "\n\n", "    ", "\t", "\\", "[", "]", "](x)", "!",
            "[^1]", "<sub>", "</sub>", "<sup>", "</sup>", "<b>", "</b>", "<em>", "</i>", "<br>",
            "<a href=\"x\">", "</a>", "<span class=\"y\">", "</span>", "<div>", "</div>",
            "<p>", "</p>", "<!-- c -->", "&amp;", "< ", ">", "\"", "'", "(", ")", "|",
        ])
        .prop_map(str::to_string),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    #[test]
    fn any_prose_keeps_every_word_and_stays_within_the_depth(
        pieces in proptest::collection::vec(piece(), 0..60)
    ) {
        let text: String = pieces.concat();
        let converted = convert_with_remarks(&text, &BTreeMap::new());
        proptest::prop_assert!(depth(&converted.nodes) <= MAX_DEPTH);
        let shown = plain_text(&converted.nodes);
        for piece in &pieces {
            let word = piece.trim_end();
            if word.len() >= 3 && word.chars().all(|c| c.is_ascii_lowercase()) {
                proptest::prop_assert!(shown.contains(word), "{word:?} lost from {text:?}: {shown:?}");
            }
        }
        for remark in &converted.remarks {
            proptest::prop_assert!(text.get(remark.span.clone()).is_some(), "{remark:?} in {text:?}");
        }
        // What `check` reads without parsing has nothing to remark on.
        proptest::prop_assert_eq!(remarks(&text), converted.remarks);
    }

    #[test]
    fn any_string_converts(text in "\\PC{0,200}") {
        let converted = convert_with_remarks(&text, &convert_notes([("1", text.as_str())]));
        proptest::prop_assert!(depth(&converted.nodes) <= MAX_DEPTH);
        for remark in &converted.remarks {
            proptest::prop_assert!(text.get(remark.span.clone()).is_some());
        }
        proptest::prop_assert_eq!(remarks(&text), converted.remarks);
    }

    #[test]
    fn nesting_the_quick_look_passes_is_within_the_depth(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "> ", "- ", "* ", "+ ", "1. ", "2) ", "# ", "*", "**", "_", "~~", "[", "](x)", "=",
            "\n", "\n  ", "\n    ", "a ", "b",
        ]), 0..40)
    ) {
        let text = pieces.concat();
        proptest::prop_assert_eq!(remarks(&text), convert_with_remarks(&text, &BTreeMap::new()).remarks);
    }
}

#[test]
fn plain_paragraphs_keep_blocks_apart_and_number_items() {
    let notes = convert_notes([("1", "A note.")]);
    let nodes = convert(
        "The *Work Programme* 2021[^1].\n\n1. First\n2. Second **one**\n\n> Quoted\n\n- a\n- b",
        &notes,
    );
    assert_eq!(
        plain_paragraphs(&nodes),
        "The Work Programme 2021.\n\n1. First\n2. Second one\n\nQuoted\n\n- a\n- b"
    );
    assert_eq!(plain_paragraphs(&md("")), "");
}
