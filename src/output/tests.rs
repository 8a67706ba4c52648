use std::io::Write as _;

use proptest::prelude::*;

use super::*;

/// Reads an escaped text back: an odd run of backslashes before `u{` ends in an escape, an even
/// run is half as many backslashes.
fn read_back(shown: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = shown;
    while let Some(c) = rest.chars().next() {
        if c != '\\' {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let run = rest.len() - rest.trim_start_matches('\\').len();
        let after = &rest[run..];
        if !after.starts_with("u{") {
            out.push_str(&rest[..run]);
            rest = after;
            continue;
        }
        out.push_str(&"\\".repeat(run / 2));
        if run.is_multiple_of(2) {
            out.push_str("u{");
            rest = &after[2..];
        } else {
            let end = after.find('}')?;
            out.push(char::from_u32(
                u32::from_str_radix(&after[2..end], 16).ok()?,
            )?);
            rest = &after[end + 1..];
        }
    }
    Some(out)
}

#[test]
fn shows_controls_and_bidirectional_characters_as_escapes() {
    assert_eq!(
        escape("Hi \u{1b}]0;PWNED\u{7} \u{1b}[31mred"),
        "Hi \\u{1b}]0;PWNED\\u{7} \\u{1b}[31mred"
    );
    assert_eq!(
        escape("a\u{7f}b\u{85}c\u{9b}d"),
        "a\\u{7f}b\\u{85}c\\u{9b}d"
    );
    assert_eq!(
        escape("\u{202a}\u{202e}\u{2066}\u{2069}\u{200e}\u{200f}\u{61c}"),
        "\\u{202a}\\u{202e}\\u{2066}\\u{2069}\\u{200e}\\u{200f}\\u{61c}"
    );
    assert_eq!(escape("tab\there\nnext"), "tab\there\nnext");
    assert_eq!(escape_line("tab\there\nnext"), "tab\\u{9}here\\u{a}next");
    assert_eq!(escape("\r\n"), "\\u{d}\n");
    // Nothing else changes, and nothing is copied when nothing changes.
    let plain = "Perú: 50 % — ‘quoted’ C:\\dir\\u ✓ 日本";
    assert!(matches!(escape(plain), Cow::Borrowed(_)));
    assert!(matches!(escape_line(plain), Cow::Borrowed(_)));
    assert_eq!(format!("[{:<6}]", shown_line("a\tb")), "[a\\u{9}b]");
    assert_eq!(format!("[{:<4}]", shown("ab")), "[ab  ]");
}

#[test]
fn a_backslash_that_would_read_as_an_escape_is_doubled() {
    assert_eq!(escape("\\u{1b}"), "\\\\u{1b}");
    assert_eq!(escape("\\\u{1b}"), "\\\\\\u{1b}");
    assert_eq!(escape("a\\\\u{41}"), "a\\\\\\\\u{41}");
    assert_eq!(escape("C:\\users\\u"), "C:\\users\\u");
    assert_ne!(escape("\u{1b}"), escape("\\u{1b}"));
    assert_eq!(escape_line("\\\t"), "\\\\\\u{9}");
    assert_eq!(escape("\\\t"), "\\\t");
}

#[test]
fn escaping_twice_for_the_terminal_changes_nothing() {
    let text = "a\u{1b}[1m \\u{1b} \u{202e}";
    assert_eq!(escape_hidden(&escape(text)), escape(text));
    assert_eq!(escape_hidden(text), "a\\u{1b}[1m \\u{1b} \\u{202e}");
}

#[test]
fn an_escaped_text_maps_offsets_both_ways() {
    let text = "ab\u{1b}cd\u{202e}é\\u{";
    let escaped = Escaped::new(text);
    assert_eq!(escaped.text, escape(text));
    for (at, c) in text.char_indices() {
        let shown = escaped.shown_offset(at);
        let expected = if c == '\\' {
            "\\\\".to_string()
        } else {
            escape(&c.to_string()).into_owned()
        };
        assert!(
            escaped.text[shown..].starts_with(&expected),
            "{c:?} at {at}"
        );
        assert_eq!(escaped.original_offset(shown), at);
    }
    assert_eq!(escaped.shown_offset(text.len()), escaped.text.len());
    assert_eq!(escaped.original_offset(escaped.text.len()), text.len());
}

#[test]
fn a_cut_escape_is_dropped() {
    for (cut, kept) in [
        ("title \\u{1", "title "),
        ("title \\u{", "title "),
        ("title \\u{1b}x", "title \\u{1b}x"),
        ("title", "title"),
    ] {
        let mut text = cut.to_string();
        drop_cut_escape(&mut text);
        assert_eq!(text, kept);
    }
}

#[test]
fn the_terminal_writer_escapes_characters_split_between_writes() {
    let text = "a\u{1b}]0;x\u{7} b\u{9b}c \u{202e}d é\u{85}";
    let bytes = text.as_bytes();
    for split in 0..=bytes.len() {
        let mut out = Vec::new();
        {
            let mut terminal = Terminal::new(&mut out);
            terminal.write_all(&bytes[..split]).expect("writes");
            terminal.write_all(&bytes[split..]).expect("writes");
        }
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            escape_hidden(text),
            "split at {split}"
        );
    }
    let mut out = Vec::new();
    Terminal::new(&mut out)
        .write_all(b"bad \xff\x9b byte")
        .expect("writes");
    assert_eq!(
        String::from_utf8(out).expect("utf-8"),
        "bad \u{fffd}\u{fffd} byte"
    );
}

/// Characters that matter to the escaper, and any others.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        2 => prop::sample::select(vec![
            '\\', 'u', '{', '}', '1', 'b', 'a', '\t', '\n', '\r', '\0', '\u{1b}', '\u{7f}',
            '\u{85}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{200f}', '\u{61c}', 'é', '日',
        ]),
    ]
}

fn interesting_text() -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..48).prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn escaped_text_shows_nothing_hidden_and_reads_back_exactly(text in interesting_text()) {
        let shown = escape(&text);
        prop_assert!(!shown.chars().any(|c| hidden(c).is_some()), "{:?}", shown);
        prop_assert_eq!(read_back(&shown), Some(text.clone()));

        let line = escape_line(&text);
        prop_assert!(
            !line.chars().any(|c| hidden(c).is_some() || c == '\t' || c == '\n'),
            "{:?}", line
        );
        prop_assert_eq!(read_back(&line), Some(text.clone()));

        prop_assert_eq!(escape_hidden(&shown), shown.clone());
        prop_assert!(!escape_hidden(&text).chars().any(|c| hidden(c).is_some()));
    }

    #[test]
    fn distinct_texts_stay_distinct(a in interesting_text(), b in interesting_text()) {
        prop_assume!(a != b);
        prop_assert_ne!(escape(&a), escape(&b));
        prop_assert_ne!(escape_line(&a), escape_line(&b));
    }

    #[test]
    fn offsets_map_to_the_same_characters(text in interesting_text()) {
        let escaped = Escaped::new(&text);
        prop_assert_eq!(&escaped.text, &escape(&text));
        let mut previous = 0;
        for (at, _) in text.char_indices() {
            let shown = escaped.shown_offset(at);
            prop_assert!(shown >= previous);
            prop_assert!(escaped.text.is_char_boundary(shown));
            previous = shown;
        }
    }
}

#[test]
fn a_diagnostic_keeps_its_colours_and_nothing_else() {
    assert_eq!(
        escape_hidden_except_colours(
            "\u{1b}[1;31merror\u{1b}[0m: \u{1b}]0;x\u{7} \u{1b}[2J \u{9b}1m"
        ),
        "\u{1b}[1;31merror\u{1b}[0m: \\u{1b}]0;x\\u{7} \\u{1b}[2J \\u{9b}1m"
    );
}

#[test]
fn a_terminal_keeping_colours_passes_them_whole_wherever_a_write_ends() {
    let text = "a \u{1b}[1;36mI.1.2\u{1b}[0m \u{1b}]0;title\u{7} \u{1b}[31mx\u{1b}[0m \u{1b}";
    let expected =
        "a \u{1b}[1;36mI.1.2\u{1b}[0m \\u{1b}]0;title\\u{7} \u{1b}[31mx\u{1b}[0m \\u{1b}";
    let bytes = text.as_bytes();
    for split in 0..=bytes.len() {
        let mut out = Vec::new();
        {
            let mut terminal = Terminal::keeping_colours(&mut out);
            terminal.write_all(&bytes[..split]).expect("writes");
            terminal.write_all(&bytes[split..]).expect("writes");
        }
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            expected,
            "split at {split}"
        );
    }
}
