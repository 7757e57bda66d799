//! HTML pages to article text: main-content selection, headline and publication time.
//!
//! Takes one decoded HTML page; gives the main article body as plain text with one paragraph
//! per block (separated by blank lines), the headline and the raw publication-time string.
//! The page is parsed by html5ever's HTML5 tree builder into our own lean tree ([`tree`]: no
//! scripts, styles, comments or SVG, only the attributes read below) and the body is chosen by
//! our own port of Mozilla's readability ([`readable`]: paragraph scores into ancestors, link
//! density, class/id hints from `lexicon::page_hints`, sibling joining, conditional cleaning,
//! looser retries for short results). Headline and date come from JSON-LD and the
//! `lexicon::metadata` rows. Nothing is fetched: links, images and stylesheets are never
//! resolved or loaded. It does not clean boilerplate lines inside the body: `parse` runs the
//! same line cleaning on it as on plain text.
//!
//! History: this used `dom_smoothie` 0.19 (readability over `dom_query`'s tree), chosen over
//! rs-trafilatura for the same word F1 (0.9535 vs 0.9544 on the 181 pages of the
//! article-extraction benchmark) at five times the speed. Callgrind on 40 of those pages put
//! html5ever + dom_query's tree at 52% of the time and readability over it at 37%. Our tree
//! and scoring give the same word F1 (0.9556; the texts differ on 7 of 181 pages, by -0.009
//! to +0.005 F1) in 36% fewer instructions for `extract_article` (40 pages: 776M -> 493M Ir):
//! html5ever 59% of what is left, selection 22% (each attempt on a copy of the tree, cheaper
//! than parsing again for the one page in ten that needs a retry), the pre-parse scan the rest.
//!
//! Before html5ever sees the page ([`without_code`]) script and style bodies, comments, runs
//! of white space between tags, attributes the tree does not read and link targets are cut:
//! 7.3 MB of those 40 pages reach the tokenizer as 1.6 MB. What is left is mostly per-tag
//! work in html5ever (about 5,000 instructions per tag, tokenizer and tree builder together).

use std::cell::RefCell;
use std::sync::LazyLock;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};

use crate::lexicon::metadata::{PUBLISHED_SELECTORS, TITLE_SELECTORS};

mod metadata;
mod readable;
mod tree;

use metadata::*;
use tree::{Data, Id, Tree, NONE};

/// What a page yields.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlArticle {
    /// The main body: paragraphs separated by blank lines.
    pub text: String,
    /// The headline, if the page names one.
    pub title: Option<String>,
    /// The publication time as the page writes it ("2019-10-08T14:32:00Z").
    pub published: Option<String>,
    /// Why the page was read in a degraded way, if it was.
    pub warning: Option<String>,
}

/// Pages whose elements nest deeper than this (estimated) are not given to readability: both
/// html5ever's tree builder and readability slow down quadratically with depth (5,000 nested
/// `<div>`s: 1.5 s to parse, 3.5 s to score) and readability recurses until the stack
/// overflows (20,000). The deepest of the 181 benchmark pages estimates at 513.
pub const MAX_NESTING: usize = 1000;

/// Elements that never hold children, so never deepen the tree.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Extracts the article of one HTML page. Never fails: a page without a body yields the text
/// of its paragraphs (`<p>`), possibly empty.
pub fn extract_article(html: &str) -> HtmlArticle {
    let html = &*without_code(html);
    let depth = nesting_estimate(html);
    if depth > MAX_NESTING {
        return HtmlArticle {
            text: flat_text(html),
            warning: Some(format!(
                "HTML nested about {depth} elements deep (limit {MAX_NESTING}): \
                 main-content selection skipped, all text kept"
            )),
            ..HtmlArticle::default()
        };
    }
    let mut tree = Tree::parse(html);
    let meta = page_metadata(&tree);
    // JSON-LD was kept for the metadata only.
    let scripts: Vec<Id> = tree
        .descendants(0)
        .filter(|&d| tree.is(d, "script"))
        .collect();
    for script in scripts {
        tree.detach(script);
    }
    if !meta.has_author {
        readable::remove_byline(&mut tree);
    }
    readable::replace_brs(&mut tree);
    // The headline readability compares headings with: structured data first, then the
    // social-card title, then `<title>` (the body's own `<h1>` would always match itself).
    let heading_title = meta
        .json_ld_title
        .clone()
        .or_else(|| meta.card_title.clone())
        .or_else(|| meta.page_title.clone())
        .unwrap_or_default();
    let title = meta.title.or(meta.json_ld_title).or(meta.page_title);
    let published = meta.json_ld_published.or(meta.published);
    let paragraphs_of = |tree: &Tree| -> String {
        let paragraphs: Vec<String> = tree
            .descendants(0)
            .filter(|&d| tree.is(d, "p"))
            .map(|p| collapse_spaces(&tree.text(p)))
            .filter(|t| !t.is_empty())
            .collect();
        paragraphs.join("\n\n")
    };
    let text =
        readable::article_text(&tree, &heading_title).unwrap_or_else(|| paragraphs_of(&tree));
    HtmlArticle {
        text,
        title,
        published,
        warning: None,
    }
}

/// The page without the bodies of its `<script>` and `<style>` elements (JSON-LD scripts are
/// kept: readability reads `datePublished` and `headline` there); tags, comments and all other
/// text unchanged. Half the bytes of the benchmark pages (27% scripts, 26% styles) are code that
/// html5ever's tokenizer copies into text nodes, only for readability to delete them. Raw text
/// is the tokenizer's fast path, so skipping it saves less than its share of bytes: 5% of the
/// instructions of HTML parsing (callgrind, 40 benchmark pages), with the same output on all
/// 181 pages. Attributes the tree does not read go too (see [`attribute_edits`]), and so do
/// comments and runs of white space between tags.
///
/// The scan follows the HTML tokenizer far enough to find those bodies where html5ever would:
/// comments, `<!...>`/`<?...>` declarations, quoted attribute values (a `>` or `<script>` inside
/// them is not a tag), raw-text and RCDATA elements (`<title>`, `<textarea>`, `<noscript>`, ...),
/// whose text is copied as is, and the script escape states (`<!-- <script> </script> -->`
/// inside a script does not end it). Borrowed when nothing was removed.
fn without_code(html: &str) -> std::borrow::Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    // Inside `<pre>`/`<listing>` white space is text as written.
    let mut pre_depth = 0usize;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        // White space alone between two tags: one character of it says as much to the tree
        // (the text is collapsed later anyway) and the tokenizer steps through every newline.
        if lt > i + 1 && pre_depth == 0 && b[i..lt].iter().all(|&c| is_space(c)) {
            out.push_str(&html[copied..=i]);
            copied = lt;
        }
        i = match b.get(lt + 1) {
            Some(b'!') if b[lt..].starts_with(b"<!--") => {
                // Comments never reach the tree.
                let end = comment_end(b, lt + 2);
                out.push_str(&html[copied..lt]);
                copied = end;
                end
            }
            Some(b'!' | b'?') => find_byte(b, b'>', lt),
            Some(b'/') if b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let name = &b[lt + 2..name_end(b, lt + 2)];
                if PRE_ELEMENTS
                    .iter()
                    .any(|p| name.eq_ignore_ascii_case(p.as_bytes()))
                {
                    pre_depth = pre_depth.saturating_sub(1);
                }
                tag_end(b, lt + 2)
            }
            Some(b'/') => find_byte(b, b'>', lt),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = name_end(b, lt + 1);
                let name = &b[lt + 1..name_end];
                let body = tag_end(b, name_end);
                if name.eq_ignore_ascii_case(b"plaintext") {
                    break; // everything after it is text
                }
                let Some(&raw) = RAW_TEXT_ELEMENTS
                    .iter()
                    .find(|raw| name.eq_ignore_ascii_case(raw.as_bytes()))
                else {
                    if PRE_ELEMENTS
                        .iter()
                        .any(|p| name.eq_ignore_ascii_case(p.as_bytes()))
                    {
                        pre_depth += 1;
                    }
                    if name.eq_ignore_ascii_case(b"svg") {
                        if let Some(end) = svg_end(b, body) {
                            // An icon or chart: never part of the tree, dozens of tags each.
                            out.push_str(&html[copied..lt]);
                            out.push_str("<svg></svg>");
                            copied = end;
                            i = end;
                            continue;
                        }
                    }
                    if name.eq_ignore_ascii_case(b"img") {
                        // The tree only asks whether an image has a source.
                        out.push_str(&html[copied..lt]);
                        out.push_str(if image_has_source(b, name_end, body) {
                            "<img src>"
                        } else {
                            "<img>"
                        });
                        copied = body;
                    } else if !KEEP_ALL_ATTRIBUTES
                        .iter()
                        .any(|keep| name.eq_ignore_ascii_case(keep.as_bytes()))
                    {
                        let edits = attribute_edits(b, name_end, body);
                        if !edits.is_empty() {
                            out.push_str(&html[copied..lt]);
                            push_edited(html, lt, body, &edits, &mut out);
                            copied = body;
                        }
                    }
                    i = body;
                    continue;
                };
                let body_end = if raw == "script" {
                    script_end(b, body)
                } else {
                    raw_end(b, body, raw.as_bytes())
                };
                let json_ld = || {
                    let tag = b[lt..body].to_ascii_lowercase();
                    memchr::memmem::find(&tag, b"ld+json").is_some()
                };
                if (raw == "style" || raw == "script") && body_end > body && !json_ld() {
                    // The tag goes bare too: its `src`, `type` and `nonce` are never read.
                    out.push_str(&html[copied..lt]);
                    out.push_str(if raw == "style" {
                        "<style>"
                    } else {
                        "<script>"
                    });
                    copied = body_end;
                }
                body_end
            }
            _ => lt + 1,
        };
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Just past the `</svg>` that closes the drawing whose start tag ends at `from` (nested
/// drawings counted), when html5ever would keep everything up to it inside the drawing: `None`
/// (leave it to the tokenizer) at an HTML element that breaks out of foreign content, a script
/// or style, a self-closing `<svg/>` or an unclosed drawing.
fn svg_end(b: &[u8], from: usize) -> Option<usize> {
    if from >= 2 && b[from - 2] == b'/' {
        return None; // `<svg/>` has no content
    }
    let mut depth = 1usize;
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        match b.get(lt + 1) {
            Some(b'!') if b[lt..].starts_with(b"<!--") => i = comment_end(b, lt + 2),
            Some(b'/') => {
                let end = name_end(b, lt + 2);
                let name = &b[lt + 2..end];
                i = tag_end(b, lt + 2);
                if name.eq_ignore_ascii_case(b"svg") {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                } else if breaks_out(name) {
                    return None;
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let end = name_end(b, lt + 1);
                let name = &b[lt + 1..end];
                i = tag_end(b, end);
                if name.eq_ignore_ascii_case(b"svg") && b[i - 2] != b'/' {
                    depth += 1;
                } else if breaks_out(name) {
                    return None;
                }
            }
            _ => i = lt + 1,
        }
    }
    None
}

/// HTML elements that end foreign content (the HTML standard's list), and the raw-text ones
/// our scan treats apart.
fn breaks_out(name: &[u8]) -> bool {
    const NAMES: &[&str] = &[
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strong",
        "strike",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
        "font",
        "script",
        "style",
        "plaintext",
    ];
    NAMES
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

/// Elements whose white space is text.
const PRE_ELEMENTS: &[&str] = &["pre", "listing"];

/// Whether the attributes of an `<img>` (name ending at `name_end`, tag ending at `end`) give
/// it a source as readability sees one: `src`, `srcset`, their lazy-loading `data-` forms, or
/// any value naming an image file.
fn image_has_source(b: &[u8], name_end: usize, end: usize) -> bool {
    let mut j = name_end;
    loop {
        while j < end && (is_space(b[j]) || b[j] == b'/') {
            j += 1;
        }
        if j >= end || b[j] == b'>' {
            return false;
        }
        let (attribute_name_end, attribute_end) = attribute_end(&b[..end], j);
        let name = &b[j..attribute_name_end];
        if [&b"src"[..], b"srcset", b"data-src", b"data-srcset"]
            .iter()
            .any(|n| name.eq_ignore_ascii_case(n))
        {
            return true;
        }
        let value = &b[attribute_name_end..attribute_end];
        if [&b".jpg"[..], b".jpeg", b".png", b".webp", b".avif", b".gif"]
            .iter()
            .any(|ext| memchr::memmem::find(value, ext).is_some())
        {
            return true;
        }
        j = attribute_end;
    }
}

/// Elements that keep all their attributes: readability keeps embedded players whose
/// attributes name a video host.
const KEEP_ALL_ATTRIBUTES: &[&str] = &["iframe", "object", "embed"];

/// How the start tag whose name ends at `name_end` and whose `>` is just before `end` is
/// shortened: byte ranges (each with the white space before it) and what replaces them.
/// Attributes the tree does not keep (`tree::KEPT_ATTRIBUTES`: framework state such as
/// `data-props='{...}'`, inline handlers, responsive-image lists) go, and a link target is cut
/// to what link density reads of it (an in-page `#anchor` or not). They are most of what is
/// left of a page once code is gone, and html5ever's tokenizer copies attribute bytes one
/// character at a time.
fn attribute_edits(b: &[u8], name_end: usize, end: usize) -> Vec<(usize, usize, &'static str)> {
    let b = &b[..end];
    let len = b.len();
    let mut edits = Vec::new();
    let mut j = name_end;
    loop {
        let before = j;
        while j < len && (is_space(b[j]) || b[j] == b'/') {
            j += 1;
        }
        if j >= len || b[j] == b'>' {
            break;
        }
        let name_start = j;
        let (name_end, attribute_end) = attribute_end(b, name_start);
        let name = &b[name_start..name_end];
        j = attribute_end;
        if name.eq_ignore_ascii_case(b"href") {
            let value = b[name_end..attribute_end]
                .iter()
                .position(|&c| c == b'=')
                .map(|eq| &b[name_end + eq + 1..attribute_end])
                .unwrap_or(&[]);
            let quote = |c: &u8| is_space(*c) || *c == b'"' || *c == b'\'';
            let start = value.iter().position(|c| !quote(c)).unwrap_or(value.len());
            let stop = value
                .iter()
                .rposition(|c| !quote(c))
                .map_or(start, |p| p + 1);
            let value = &value[start..stop.max(start)];
            let anchor = value.len() > 1 && value[0] == b'#';
            if attribute_end - before > 8 {
                edits.push((
                    before,
                    attribute_end,
                    if anchor { " href=#a" } else { " href" },
                ));
            }
        } else if !tree::is_kept_attribute(name) {
            edits.push((before, attribute_end, " "));
        }
    }
    edits
}

/// Copies `html[from..end]` to `out` with the `edits` made.
fn push_edited(
    html: &str,
    from: usize,
    end: usize,
    edits: &[(usize, usize, &str)],
    out: &mut String,
) {
    let mut kept = from;
    for &(start, stop, with) in edits {
        out.push_str(&html[kept..start]);
        out.push_str(with);
        kept = stop;
    }
    out.push_str(&html[kept..end]);
}

/// Elements whose content the tokenizer reads as text up to their end tag (`<script>` with its
/// escape rules; `<noscript>` too, as html5ever parses with scripting on).
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "script", "style", "title", "textarea", "noscript", "xmp", "iframe", "noembed", "noframes",
];

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Just past the first `c` at or after `from` (the end of the page if none).
fn find_byte(b: &[u8], c: u8, from: usize) -> usize {
    memchr::memchr(c, &b[from..]).map_or(b.len(), |p| from + p + 1)
}

/// The end of a tag name starting at `from`.
fn name_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| is_space(c) || c == b'/' || c == b'>')
        .map_or(b.len(), |p| from + p)
}

/// Just past the `>` closing a tag whose name ends at `from`: attribute names, `=` and quoted
/// or unquoted values are stepped over as the tokenizer reads them.
fn tag_end(b: &[u8], from: usize) -> usize {
    let len = b.len();
    let mut j = name_end(b, from);
    loop {
        while j < len && (is_space(b[j]) || b[j] == b'/') {
            j += 1;
        }
        if j >= len {
            return len;
        }
        if b[j] == b'>' {
            return j + 1;
        }
        j = attribute_end(b, j).1;
    }
}

/// Steps over the attribute whose name starts at `start` as the tokenizer reads it (the name's
/// first character may be anything, `=` included; then an optional `=` and a quoted or
/// unquoted value): the end of its name and the end of the whole attribute.
fn attribute_end(b: &[u8], start: usize) -> (usize, usize) {
    let len = b.len();
    let mut j = start + 1;
    while j < len && !(is_space(b[j]) || matches!(b[j], b'/' | b'>' | b'=')) {
        j += 1;
    }
    let name_end = j;
    while j < len && is_space(b[j]) {
        j += 1;
    }
    if j < len && b[j] == b'=' {
        j += 1;
        while j < len && is_space(b[j]) {
            j += 1;
        }
        if j < len && (b[j] == b'"' || b[j] == b'\'') {
            j = find_byte(b, b[j], j + 1);
        } else {
            while j < len && !is_space(b[j]) && b[j] != b'>' {
                j += 1;
            }
        }
    }
    (name_end, j)
}

/// Just past a comment whose `<!` is at `dashes - 2`: at the first `-->`, which may reuse the
/// opening dashes (`<!-->` and `<!--->` are complete comments).
fn comment_end(b: &[u8], dashes: usize) -> usize {
    match b.get(dashes + 2) {
        Some(b'>') => dashes + 3,
        Some(b'-') if b.get(dashes + 3) == Some(&b'>') => dashes + 4,
        _ => memchr::memmem::find(&b[dashes + 2..], b"-->").map_or(b.len(), |p| dashes + 2 + p + 3),
    }
}

/// Whether `<name` or `</name` (`at` points past the `<` or `</`) followed by a space, `/` or
/// `>` is at `at`: how the tokenizer recognises the end of raw text.
fn names_tag(b: &[u8], at: usize, name: &[u8]) -> bool {
    b.len() > at + name.len()
        && b[at..at + name.len()].eq_ignore_ascii_case(name)
        && (is_space(b[at + name.len()]) || matches!(b[at + name.len()], b'/' | b'>'))
}

/// Where the raw text starting at `from` ends: at its `</name` end tag, or the end of the page.
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(p) = memchr::memmem::find(&b[i..], b"</") {
        if names_tag(b, i + p + 2, name) {
            return i + p;
        }
        i += p + 2;
    }
    b.len()
}

/// Where a script's text starting at `from` ends, following the tokenizer's script states:
/// after `<!--` a `<script>` opens a "double-escaped" part whose `</script>` does not end the
/// script; `-->` leaves both.
fn script_end(b: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = from;
    while i < b.len() {
        let Some(p) = memchr::memchr2(b'<', b'-', &b[i..]) else {
            break;
        };
        let at = i + p;
        i = at + 1;
        if b[at] == b'-' {
            if state != State::Data && b[at..].starts_with(b"-->") {
                state = State::Data;
                i = at + 3;
            }
            continue;
        }
        if b[at..].starts_with(b"</") && names_tag(b, at + 2, b"script") {
            match state {
                State::DoubleEscaped => state = State::Escaped,
                _ => return at,
            }
        } else if state == State::Data && b[at..].starts_with(b"<!--") {
            state = State::Escaped;
            i = at + 2; // `<!-->` closes at once: its dashes may be the `--` of `-->`
        } else if state == State::Escaped && names_tag(b, at + 1, b"script") {
            state = State::DoubleEscaped;
        }
    }
    b.len()
}

/// An upper estimate of how deep the page's elements nest, from one pass over the bytes: start
/// tags that are neither void nor self-closing open a level, end tags close one. Unclosed
/// `<p>`s and `<li>`s make it overestimate; it only decides whether the page is safe to build
/// a tree from, the tree itself comes from html5ever.
fn nesting_estimate(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    // memchr: a plain byte loop here cost 4% of all HTML parsing time.
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        i += off + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b) if b.is_ascii_alphabetic() => {
                let name_end = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |p| i + p);
                let name = &html[i..name_end];
                let tag_end =
                    memchr::memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |p| name_end + p);
                let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
                if !self_closing && !VOID_ELEMENTS.iter().any(|v| v.eq_ignore_ascii_case(name)) {
                    depth += 1;
                    max = max.max(depth);
                }
                i = name_end;
            }
            _ => {}
        }
    }
    max
}

/// All text of a page outside scripts and styles, a paragraph break at each block-level tag:
/// the degraded reading of pages too deep for a tree. Uses html5ever's tokenizer alone.
fn flat_text(html: &str) -> String {
    /// The text so far, and whether the tokenizer is inside a script or style.
    struct Sink(RefCell<(String, bool)>);
    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let (out, in_raw) = &mut *self.0.borrow_mut();
            match token {
                Token::CharacterTokens(text) if !*in_raw => out.push_str(&text),
                Token::TagToken(tag) => {
                    let name: &str = &tag.name;
                    let raw = match name {
                        "script" => Some(RawKind::ScriptData),
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                            Some(RawKind::Rawtext)
                        }
                        "textarea" | "title" => Some(RawKind::Rcdata),
                        _ => None,
                    };
                    if let Some(kind) = raw {
                        *in_raw = tag.kind == TagKind::StartTag;
                        if *in_raw {
                            return TokenSinkResult::RawData(kind);
                        }
                    }
                    if matches!(
                        name,
                        "p" | "div"
                            | "br"
                            | "li"
                            | "h1"
                            | "h2"
                            | "h3"
                            | "h4"
                            | "h5"
                            | "h6"
                            | "blockquote"
                            | "tr"
                            | "section"
                            | "article"
                            | "figcaption"
                    ) {
                        out.push_str("\n\n");
                    }
                }
                _ => {}
            }
            TokenSinkResult::Continue
        }
    }
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(
        Sink(RefCell::new((String::new(), false))),
        Default::default(),
    );
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let (text, _) = tokenizer.sink.0.take();
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(collapse_spaces)
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
<title>Syrian Army retakes 70% of E. Aleppo | RT World News</title>
<meta property="og:title" content="Syrian Army retakes 70% of E. Aleppo – Russian military">
<script>var ads = "Subscribe now";</script><style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/world">World</a></nav>
<article>
<h1>Syrian Army retakes 70% of E. Aleppo – Russian military</h1>
<time datetime="2016-12-07T19:16:00+03:00">7 Dec, 2016 19:16</time>
<p>Syrian government forces have liberated 15 more eastern Aleppo neighborhoods in the last 24 hours, the Russian Reconciliation Center in Syria said, adding that the advance has allowed the Syrian Army to control 70 percent of the territory.</p>
<!-- a comment that is not text -->
<p>On Wednesday, 1,224 civilians were able to flee militant-held areas for government-controlled neighborhoods, as the Syrian Army continued its offensive. The people have been provided with water, food, and medical aid.</p>
<p>“We will not accept any truce,” Fares Shehabi, an MP for Aleppo, told dpa by telephone. “If they do not leave, they will be defeated,” he said, adding that the city would be fully liberated soon.</p>
</article>
<footer><p>© 2016 Autonomous Nonprofit Organization “TV-Novosti”</p></footer>
</body></html>"#;

    #[test]
    fn article_body_title_and_time() {
        let a = extract_article(PAGE);
        assert_eq!(
            a.title.as_deref(),
            Some("Syrian Army retakes 70% of E. Aleppo – Russian military")
        );
        assert_eq!(a.published.as_deref(), Some("2016-12-07T19:16:00+03:00"));
        let paragraphs: Vec<&str> = a.text.split("\n\n").map(str::trim).collect();
        assert!(paragraphs.contains(&"On Wednesday, 1,224 civilians were able to flee militant-held areas for government-controlled neighborhoods, as the Syrian Army continued its offensive. The people have been provided with water, food, and medical aid."), "{paragraphs:?}");
        assert!(paragraphs
            .iter()
            .any(|p| p.starts_with("“We will not accept any truce,” Fares Shehabi")));
        for absent in [
            "Subscribe now",
            "color: red",
            "a comment",
            "Home",
            "TV-Novosti",
        ] {
            assert!(!a.text.contains(absent), "{absent:?} in {:?}", a.text);
        }
    }

    #[test]
    fn not_an_article_falls_back_to_paragraphs() {
        let a = extract_article("<html><head><title> Short page </title></head><body><p>One line.</p><div>menu</div></body></html>");
        assert_eq!(a.title.as_deref(), Some("Short page"));
        assert!(a.text.contains("One line."), "{:?}", a.text);
        assert!(!a.text.contains("menu") || a.text.contains("One line."));
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for page in [
            "",
            "<",
            "<p>unclosed <b>bold <i>italic",
            "<script>",
            "\u{0}\u{FFFD}<p>x",
            "<a href='x'>",
        ] {
            let _ = extract_article(page);
        }
    }

    #[test]
    fn deeply_nested_page_is_read_flat_with_a_warning() {
        let deep = "<div>".repeat(50_000)
            + "<script>var x = '<p>no</p>';</script><p>Aleppo fell.</p><p>Talks go on.</p>"
            + &"</div>".repeat(10);
        let a = extract_article(&deep);
        assert_eq!(a.text, "Aleppo fell.\n\nTalks go on.");
        assert!(a
            .warning
            .unwrap()
            .starts_with("HTML nested about 50001 elements deep")); // the script's "<p>" is not counted
    }

    #[test]
    fn metadata_rows_select_only_candidate_elements() {
        for (selector, _) in TITLE_SELECTORS.iter().chain(PUBLISHED_SELECTORS) {
            let last = selector.rsplit(' ').next().unwrap();
            assert!(
                METADATA_ELEMENTS.iter().any(|name| last.starts_with(name))
                    || last.contains(&format!("[{METADATA_ATTRIBUTE}")),
                "{selector:?} selects elements page_metadata never looks at"
            );
        }
    }

    #[test]
    fn code_bodies_go_before_parsing_and_everything_else_stays() {
        let page = concat!(
            "<head><title>a <script> title</title>",
            "<script type=\"application/ld+json\">{\"datePublished\": \"2016-12-07\"}</script>",
            "<script>if (a < b && c > d) { s = '<p>no</p>'; }</script>",
            "<style media='x>y'>p { color: red }</style></head>",
            "<body><!-- <script> --><p title='<script>'>One.</p>",
            "<SCRIPT>x = '<!-- <script> </script> -->'; y = 1</SCRIPT >",
            "<textarea></script></textarea><script src=x></script><p>Two.</p>",
        );
        assert_eq!(
            without_code(page),
            concat!(
                "<head><title>a <script> title</title>",
                "<script type=\"application/ld+json\">{\"datePublished\": \"2016-12-07\"}</script>",
                "<script></script>",
                "<style></style></head>",
                "<body><p >One.</p>",
                "<script></SCRIPT >",
                "<textarea></script></textarea><script src=x></script><p>Two.</p>",
            )
        );
        // Attributes the tree never reads go; an image keeps only whether it has a source;
        // a link keeps only whether it points into the page.
        assert_eq!(
            without_code(
                r#"<div class="body" data-props='{"a": "<p>"}' id=x DATA-Y=1><img alt=a data-src="a.jpg"><img alt=b></div>"#
            ),
            r#"<div class="body"  id=x ><img src><img></div>"#
        );
        assert_eq!(
            without_code(
                r#"<a href="https://example.invalid/world/2016/aleppo" onclick=go()>Aleppo</a><a href='#notes'>1</a>"#
            ),
            r#"<a href >Aleppo</a><a href=#a>1</a>"#
        );
        // Comments and white space between tags go, except in preformatted text.
        assert_eq!(
            without_code("<ul>\n    <li>a</li> <!-- x -->\n    <li>b</li>\n</ul><pre><b>1</b>\n    <b>2</b></pre>"),
            "<ul>\n<li>a</li> \n<li>b</li>\n</ul><pre><b>1</b>\n    <b>2</b></pre>"
        );
        // Drawings go whole, unless HTML inside them would end them early.
        assert_eq!(
            without_code(
                r#"<a href=/x><svg viewBox="0 0 9 9"><g><path d="M0 0"/><svg><use href="x"/></svg></g></svg>Share</a>"#
            ),
            "<a href=/x><svg></svg>Share</a>"
        );
        assert_eq!(
            without_code("<svg><path/><p>Aleppo</p></svg>"),
            "<svg><path/><p>Aleppo</p></svg>"
        );
        // Unclosed code runs to the end; pages with nothing to cut are borrowed as they are.
        assert_eq!(
            without_code("<p>a</p><script>var x = 1;"),
            "<p>a</p><script>"
        );
        assert!(matches!(
            without_code("<p class=lead>a <b>b</b></p>"),
            std::borrow::Cow::Borrowed(_)
        ));
        // `<!-->` is a whole comment: the script after it is code.
        assert_eq!(without_code("<!--><script>x</script>"), "<script></script>");
    }

    #[test]
    fn json_ld_dates_top_level_first_and_from_invalid_json() {
        // A top-level article wins over one in another script's @graph (readability's order).
        let page = concat!(
            r#"<head><script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2019-11-18T17:02:02+00:00"}]}</script>"#,
            r#"<script type="application/ld+json">{"@context": "http://schema.org", "@type": "BlogPosting", "headline": "Aleppo talks", "datePublished": "2019-11-18T12:02:02-05:00"}</script></head>"#,
            "<body><p>Talks went on.</p></body>"
        );
        let a = extract_article(page);
        assert_eq!(a.published.as_deref(), Some("2019-11-18T12:02:02-05:00"));
        // A line break inside a string makes the JSON invalid; the date is still read.
        let page = "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"description\": \"Two\nlines\", \"datePublished\": \"2019-11-18T16:06:51-05:00\"}</script><p>Talks went on.</p>";
        assert_eq!(
            extract_article(page).published.as_deref(),
            Some("2019-11-18T16:06:51-05:00")
        );
    }

    #[test]
    fn nesting_estimate_skips_void_and_self_closing_tags() {
        assert_eq!(
            nesting_estimate("<div><br><img src=x><svg><path d='1'/></svg><p>x</p></div>"),
            2
        );
    }
}
