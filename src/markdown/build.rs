//! The one pass over the parser's events that builds the node tree and notes the remarks.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use super::html::{self, Element, Piece};
use super::{Converted, MAX_DEPTH, Node, Remark, RemarkKind, options};

/// Converts `text`, taking the text of `[^id]` references from `notes`.
pub(super) fn build(text: &str, notes: &BTreeMap<String, Vec<Node>>) -> Converted {
    let mut builder = Builder::new(text);
    // Inside a footnote written in the text, how many elements are open.
    let mut skip_depth = 0usize;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                builder.remark(
                    RemarkKind::FootnoteDefinition {
                        label: label.to_string(),
                    },
                    range,
                );
                skip_depth = 1;
            }
            Event::Start(tag) => builder.open(tag, range),
            Event::End(end) => builder.close(end),
            Event::Text(s) => builder.text(&s),
            Event::Html(s) => builder.html_line(&s, range),
            Event::InlineHtml(s) => builder.inline_html(&s, range),
            Event::InlineMath(s) => builder.text(&format!("${s}$")),
            Event::DisplayMath(s) => builder.text(&format!("$${s}$$")),
            Event::Code(s) => builder.push(Node::Code { s: s.to_string() }),
            Event::SoftBreak => builder.push(Node::Space),
            Event::HardBreak => builder.push(Node::Break),
            Event::Rule => builder.push(Node::Rule),
            Event::FootnoteReference(id) => builder.push(match notes.get(&*id) {
                Some(c) => Node::Fn {
                    id: id.to_string(),
                    c: c.clone(),
                },
                None => Node::Text {
                    s: format!("[^{id}]"),
                },
            }),
            Event::TaskListMarker(done) => builder.text(if done { "[x] " } else { "[ ] " }),
        }
    }
    builder.finish()
}

/// What an open element becomes once it is closed.
enum Frame {
    Root,
    Para,
    Heading,
    Quote,
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Node>>,
    },
    Item,
    Codeblock,
    Emph,
    Strong,
    Strike,
    Sub,
    Sup,
    Link(String),
    /// An HTML block: its lines, each with where it starts in the text.
    HtmlBlock(Vec<(String, usize)>),
    /// Elements whose content is kept without a wrapper: images, elements nested too deep.
    Transparent,
    /// A list nested too deep: its items, each on a line of its own.
    FlatList,
}

impl Frame {
    /// Whether the frame is a container [`MAX_DEPTH`] counts.
    fn nests(&self) -> bool {
        matches!(
            self,
            Frame::Heading
                | Frame::Quote
                | Frame::List { .. }
                | Frame::Emph
                | Frame::Strong
                | Frame::Strike
                | Frame::Sub
                | Frame::Sup
                | Frame::Link(_)
        )
    }
}

/// An element being built.
struct Open {
    frame: Frame,
    nodes: Vec<Node>,
    /// The HTML tag that opened it, if an HTML tag did, and where.
    html: Option<(String, Range<usize>)>,
    /// How deep it is: the containers around it and itself, flattened or not.
    level: usize,
}

struct Builder<'a> {
    text: &'a str,
    stack: Vec<Open>,
    remarks: Vec<Remark>,
    /// Each stretch of text nested too deep: the deepest level it reaches, and where its first
    /// container beyond the limit starts.
    too_deep: Vec<(usize, Range<usize>)>,
    /// Tags not shown that were opened, so their closing tags are not remarked on again.
    opened_unshown: Vec<String>,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Builder {
            text,
            stack: vec![Open {
                frame: Frame::Root,
                nodes: Vec::new(),
                html: None,
                level: 0,
            }],
            remarks: Vec::new(),
            too_deep: Vec::new(),
            opened_unshown: Vec::new(),
        }
    }

    fn top(&mut self) -> &mut Open {
        if self.stack.is_empty() {
            self.stack.push(Open {
                frame: Frame::Root,
                nodes: Vec::new(),
                html: None,
                level: 0,
            });
        }
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn push(&mut self, node: Node) {
        self.top().nodes.push(node);
    }

    fn text(&mut self, s: &str) {
        let top = &mut self.top().nodes;
        if let Some(Node::Text { s: last }) = top.last_mut() {
            last.push_str(s);
        } else {
            top.push(Node::Text { s: s.to_string() });
        }
    }

    /// Notes a remark at `range`, cut at the end of the line it starts on.
    fn remark(&mut self, kind: RemarkKind, range: Range<usize>) {
        let span = self.first_line(range);
        self.remarks.push(Remark { kind, span });
    }

    fn first_line(&self, range: Range<usize>) -> Range<usize> {
        let start = range.start.min(self.text.len());
        let end = range.end.clamp(start, self.text.len());
        let line_end = self
            .text
            .get(start..end)
            .and_then(|part| part.find('\n'))
            .map_or(end, |i| start + i);
        start..line_end
    }

    /// Opens `frame`, flattened into its parent when it would nest too deep.
    fn open_frame(&mut self, frame: Frame, html: Option<(String, Range<usize>)>, at: Range<usize>) {
        let parent = self.top().level;
        let level = parent + usize::from(frame.nests());
        let frame = if frame.nests() && level > MAX_DEPTH {
            // The first container beyond the limit starts a stretch too deep; the ones inside
            // it only make it deeper.
            match self.too_deep.last_mut() {
                Some((deepest, _)) if level > MAX_DEPTH + 1 => *deepest = (*deepest).max(level),
                _ => self.too_deep.push((level, at)),
            }
            match frame {
                Frame::List { .. } => Frame::FlatList,
                _ => Frame::Transparent,
            }
        } else {
            frame
        };
        self.stack.push(Open {
            frame,
            nodes: Vec::new(),
            html,
            level,
        });
    }

    fn open(&mut self, tag: Tag, range: Range<usize>) {
        let frame = match tag {
            Tag::Paragraph => Frame::Para,
            Tag::Heading { .. } => Frame::Heading,
            Tag::BlockQuote(_) => Frame::Quote,
            Tag::CodeBlock(_) => Frame::Codeblock,
            Tag::HtmlBlock => Frame::HtmlBlock(Vec::new()),
            Tag::List(start) => Frame::List {
                ordered: start.is_some(),
                start: start.unwrap_or(1),
                items: Vec::new(),
            },
            Tag::Item => Frame::Item,
            Tag::Emphasis => Frame::Emph,
            Tag::Strong => Frame::Strong,
            Tag::Strikethrough => Frame::Strike,
            Tag::Link {
                link_type: LinkType::Email,
                dest_url,
                ..
            } => Frame::Link(format!("mailto:{dest_url}")),
            Tag::Link { dest_url, .. } => Frame::Link(dest_url.to_string()),
            Tag::Image { .. } => {
                self.remark(RemarkKind::Image, range.clone());
                Frame::Transparent
            }
            _ => Frame::Transparent,
        };
        self.open_frame(frame, None, range);
    }

    /// Closes the element that `_end` ends, and the HTML elements left open inside it.
    fn close(&mut self, _end: TagEnd) {
        self.close_html_frames();
        self.close_top();
    }

    /// Closes the HTML elements open at the top of the stack, remarking that they were not.
    fn close_html_frames(&mut self) {
        while self.stack.len() > 1 {
            let Some(Open {
                html: Some((name, at)),
                ..
            }) = self.stack.last()
            else {
                break;
            };
            let (name, at) = (name.clone(), at.clone());
            self.remark(RemarkKind::Unclosed { name }, at);
            self.close_top();
        }
    }

    /// Closes the element at the top of the stack into its parent.
    fn close_top(&mut self) {
        if self.stack.len() < 2 {
            return;
        }
        let Some(Open {
            frame, nodes: c, ..
        }) = self.stack.pop()
        else {
            return;
        };
        match frame {
            Frame::Root => self.stack.push(Open {
                frame: Frame::Root,
                nodes: c,
                html: None,
                level: 0,
            }),
            Frame::Para => {
                if !c.is_empty() {
                    self.push(Node::Para { c });
                }
            }
            Frame::Heading => self.push(Node::Heading { c }),
            Frame::Quote => self.push(Node::Quote { c }),
            Frame::Codeblock => {
                let s = c
                    .into_iter()
                    .filter_map(|n| match n {
                        Node::Text { s } => Some(s),
                        _ => None,
                    })
                    .collect();
                self.push(Node::Codeblock { s });
            }
            Frame::List {
                ordered,
                start,
                items,
            } => self.push(Node::List {
                ordered,
                start,
                items,
            }),
            Frame::Item => {
                let parent = self.top();
                match &mut parent.frame {
                    Frame::List { items, .. } => items.push(c),
                    // A list flattened for depth: each item on a line of its own.
                    _ => {
                        let inline = c.last().is_some_and(is_inline);
                        parent.nodes.extend(c);
                        if inline {
                            parent.nodes.push(Node::Break);
                        }
                    }
                }
            }
            Frame::Emph => self.push(Node::Emph { c }),
            Frame::Strong => self.push(Node::Strong { c }),
            Frame::Strike => self.push(Node::Strike { c }),
            Frame::Sub => self.push(Node::Sub { c }),
            Frame::Sup => self.push(Node::Sup { c }),
            Frame::Link(url) => self.push(Node::Link { url, c }),
            Frame::HtmlBlock(lines) => self.html_block(&lines),
            Frame::Transparent => self.top().nodes.extend(c),
            Frame::FlatList => {
                // On a line of its own after the text of the item that holds it.
                let nodes = &mut self.top().nodes;
                if nodes.last().is_some_and(is_inline) {
                    nodes.push(Node::Break);
                }
                nodes.extend(c);
            }
        }
    }

    fn finish(mut self) -> Converted {
        while self.stack.len() > 1 {
            self.close_html_frames();
            self.close_top();
        }
        for (depth, at) in std::mem::take(&mut self.too_deep) {
            self.remark(RemarkKind::TooDeep { depth }, at);
        }
        self.remarks.sort_by_key(|remark| remark.span.start);
        Converted {
            nodes: self.stack.pop().map(|open| open.nodes).unwrap_or_default(),
            remarks: self.remarks,
        }
    }

    /// A line of an HTML block, kept until the block ends.
    fn html_line(&mut self, s: &str, range: Range<usize>) {
        match &mut self.top().frame {
            Frame::HtmlBlock(lines) => lines.push((s.to_string(), range.start)),
            _ => self.text(s),
        }
    }

    /// A piece of raw HTML inside a paragraph: one tag, comment or other construct.
    fn inline_html(&mut self, s: &str, range: Range<usize>) {
        match html::construct(s) {
            Some((piece, len)) if len == s.len() => self.html_piece(piece, range),
            _ => self.text(s),
        }
    }

    /// What one piece of raw HTML does, inline or in an HTML block.
    fn html_piece(&mut self, piece: Piece<'_>, range: Range<usize>) {
        match piece {
            Piece::Text(text) => self.text(text),
            Piece::Comment => self.remark(RemarkKind::Comment, range),
            Piece::Other => {
                let construct = describe_other(self.text.get(range.clone()).unwrap_or_default());
                self.remark(RemarkKind::Html { construct }, range);
            }
            Piece::Open(tag) => match Element::of(&tag.name) {
                Some(Element::Break) => self.push(Node::Break),
                Some(element) => {
                    let frame = match element {
                        Element::Sub => Frame::Sub,
                        Element::Sup => Frame::Sup,
                        Element::Emph => Frame::Emph,
                        Element::Strong => Frame::Strong,
                        Element::Strike => Frame::Strike,
                        _ => Frame::Link(tag.attribute("href").unwrap_or_default().to_string()),
                    };
                    self.open_frame(frame, Some((tag.name.clone(), range.clone())), range);
                    if tag.self_closing {
                        self.close_top();
                    }
                }
                None => {
                    if tag.name == "img"
                        && let Some(alt) = tag.attribute("alt")
                    {
                        self.text(alt);
                    }
                    self.opened_unshown.push(tag.name.clone());
                    let construct = format!("<{}>", tag.name);
                    self.remark(RemarkKind::Html { construct }, range);
                }
            },
            Piece::Close(name) => match Element::of(&name) {
                Some(Element::Break) => {}
                Some(_) => self.close_html(&name, range),
                None => {
                    if !self.opened_unshown.contains(&name) {
                        let construct = format!("</{name}>");
                        self.remark(RemarkKind::Html { construct }, range);
                    }
                }
            },
        }
    }

    /// A closing tag of an element shown: closes it, if it is open in the current paragraph
    /// with only HTML elements opened after it.
    fn close_html(&mut self, name: &str, range: Range<usize>) {
        let mut depth = 0;
        for open in self.stack.iter().rev() {
            match &open.html {
                Some((open_name, _)) if open_name == name => {
                    // The elements opened after it end with it.
                    for _ in 0..depth {
                        self.close_html_inner();
                    }
                    self.close_top();
                    return;
                }
                Some(_) => depth += 1,
                None => break,
            }
        }
        self.remark(
            RemarkKind::Unopened {
                name: name.to_string(),
            },
            range,
        );
    }

    /// Closes the HTML element at the top, remarking that it was not closed.
    fn close_html_inner(&mut self) {
        if let Some(Open {
            html: Some((name, at)),
            ..
        }) = self.stack.last()
        {
            let (name, at) = (name.clone(), at.clone());
            self.remark(RemarkKind::Unclosed { name }, at);
        }
        self.close_top();
    }

    /// An HTML block: its text in paragraphs (block elements such as `<p>` and `<div>` start
    /// new ones), the elements shown as they are meant, the rest left out.
    fn html_block(&mut self, lines: &[(String, usize)]) {
        let mut raw = String::new();
        let mut starts = Vec::with_capacity(lines.len());
        for (line, start) in lines {
            starts.push((raw.len(), *start));
            raw.push_str(line);
        }
        // Where a byte of `raw` is in the text.
        let place = |offset: usize| {
            let index = starts.partition_point(|(raw_start, _)| *raw_start <= offset);
            match index.checked_sub(1).and_then(|i| starts.get(i)) {
                Some((raw_start, start)) => start + (offset - raw_start),
                None => offset,
            }
        };
        let mut state = HtmlBlock::default();
        for (piece, range) in html::pieces(&raw) {
            let range = place(range.start)..place(range.end);
            if let Some(hidden) = &state.hidden {
                if piece == Piece::Close(hidden.clone()) {
                    state.hidden = None;
                }
                continue;
            }
            if let Some((name, code)) = &mut state.verbatim {
                match piece {
                    Piece::Close(closing) if closing == *name => {
                        let s = html::decode_entities(code).into_owned();
                        self.push(Node::Codeblock { s });
                        state.verbatim = None;
                    }
                    Piece::Text(text) => code.push_str(text),
                    _ => {}
                }
                continue;
            }
            match &piece {
                Piece::Text(text) => {
                    let folded = fold_space(text);
                    if folded.trim().is_empty() && !state.in_para {
                        continue;
                    }
                    self.start_para(&mut state);
                    let decoded = html::decode_entities(&folded).into_owned();
                    self.text(&decoded);
                    continue;
                }
                Piece::Open(tag) if html::is_hidden(&tag.name) && !tag.self_closing => {
                    state.hidden = Some(tag.name.clone());
                }
                Piece::Open(tag) if html::is_verbatim(&tag.name) && !tag.self_closing => {
                    self.end_para(&mut state);
                    state.verbatim = Some((tag.name.clone(), String::new()));
                }
                _ if block_name(&piece).is_some() => self.end_para(&mut state),
                Piece::Open(tag) if Element::of(&tag.name).is_some() || tag.name == "img" => {
                    self.start_para(&mut state);
                }
                _ => {}
            }
            self.html_piece(piece, range);
        }
        if let Some((_, code)) = state.verbatim.take() {
            let s = html::decode_entities(&code).into_owned();
            self.push(Node::Codeblock { s });
        }
        self.end_para(&mut state);
    }

    fn start_para(&mut self, state: &mut HtmlBlock) {
        if !state.in_para {
            let at = self.text.len()..self.text.len();
            self.open_frame(Frame::Para, None, at);
            state.in_para = true;
        }
    }

    fn end_para(&mut self, state: &mut HtmlBlock) {
        if state.in_para {
            self.close_html_frames();
            trim_end(&mut self.top().nodes);
            trim_start(&mut self.top().nodes);
            self.close_top();
            state.in_para = false;
        }
    }
}

/// Where an HTML block is: in a paragraph, in an element whose content is hidden, or in one
/// shown verbatim (with what it holds so far).
#[derive(Default)]
struct HtmlBlock {
    in_para: bool,
    hidden: Option<String>,
    verbatim: Option<(String, String)>,
}

/// The name of a block element the piece opens or closes.
fn block_name<'p>(piece: &'p Piece<'_>) -> Option<&'p str> {
    let name = match piece {
        Piece::Open(tag) => tag.name.as_str(),
        Piece::Close(name) => name.as_str(),
        _ => return None,
    };
    html::is_block(name).then_some(name)
}

/// Whether a node sits inside a line of text (rather than being a block).
fn is_inline(node: &Node) -> bool {
    !matches!(
        node,
        Node::Para { .. }
            | Node::Heading { .. }
            | Node::Quote { .. }
            | Node::List { .. }
            | Node::Codeblock { .. }
            | Node::Rule
    )
}

/// HTML's white space (spaces, tabs, line ends) folded to single spaces.
fn fold_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{000C}') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Removes the white space a paragraph's first text starts with.
fn trim_start(nodes: &mut Vec<Node>) {
    if let Some(Node::Text { s }) = nodes.first_mut() {
        let trimmed = s.trim_start_matches(' ').to_string();
        if trimmed.is_empty() {
            nodes.remove(0);
        } else {
            *s = trimmed;
        }
    }
}

/// Removes the white space a paragraph's last text ends with.
fn trim_end(nodes: &mut Vec<Node>) {
    if let Some(Node::Text { s }) = nodes.last_mut() {
        let len = s.trim_end_matches(' ').len();
        s.truncate(len);
        if s.is_empty() {
            nodes.pop();
        }
    }
}

/// How a remark names a declaration, processing instruction or CDATA section.
fn describe_other(raw: &str) -> String {
    if raw.starts_with("<![CDATA[") {
        "<![CDATA[…]]>".to_string()
    } else if raw.starts_with("<?") {
        "<?…?>".to_string()
    } else {
        let name: String = raw
            .trim_start_matches("<!")
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        format!("<!{name}>")
    }
}
