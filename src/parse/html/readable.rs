//! Main-content selection over a [`Tree`]: Mozilla readability's scoring, on our own tree.
//!
//! Takes the parsed page and the headline; gives the article body as text with a blank line
//! between blocks. The steps and numbers are readability.js's (as ported by dom_smoothie 0.19,
//! which this replaced with the same word F1 on the 181 pages of the article-extraction
//! benchmark): drop hidden, dialog and "unlikely" blocks (class/id/role hints from
//! `lexicon::page_hints`), turn text-only `<div>`s into paragraphs, score each paragraph (1 +
//! commas + length) into its five nearest ancestors (halving, then a third per level), scale
//! by link density, pick the best block and the siblings that score near it, then clean that
//! block (forms, share bars, link-heavy lists and boxes, empty paragraphs) and, when it holds
//! fewer than 500 characters, try again with looser rules. It does not read metadata, and it
//! never fetches anything.

use std::cmp::Ordering;
use std::sync::LazyLock;

use regex::Regex;

use super::tree::{Data, Id, Tree, NONE};
use crate::lexicon::page_hints::{
    AD_WORDS, BYLINE_HINTS, CLASSES_NEGATIVE, CLASSES_NEGATIVE_WORDS, CLASSES_POSITIVE,
    LOADING_WORDS, MAYBE_CANDIDATES, SHARE_WORDS, UNLIKELY_CANDIDATES, UNLIKELY_ROLES, VIDEO_HOSTS,
};

/// One regex per hint table (a literal alternation: the regex crate's multi-substring search
/// instead of one `contains` per row, which cost 5% of HTML parsing).
fn table_regex(rows: &[&str]) -> Regex {
    Regex::new(&crate::lexicon::alternation(rows.iter().copied()))
        .expect("hint tables are literals")
}

static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| table_regex(UNLIKELY_CANDIDATES));
static MAYBE: LazyLock<Regex> = LazyLock::new(|| table_regex(MAYBE_CANDIDATES));
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| table_regex(CLASSES_NEGATIVE));
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| table_regex(CLASSES_POSITIVE));
static BYLINE: LazyLock<Regex> = LazyLock::new(|| table_regex(BYLINE_HINTS));

/// An article shorter than this (characters, spaces collapsed) is read again with looser rules.
const CHAR_THRESHOLD: usize = 500;
/// How many of the best-scoring blocks compete for the article.
const TOP_CANDIDATES: usize = 5;
/// Scores at or below this are not scaled by link density.
const MIN_SCORE_TO_ADJUST: f32 = 5.0;

/// The three rules readability loosens, one per retry.
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// The article body of a parsed page, or `None` when the page has no `<body>` or no text.
/// `title` is the headline found in the metadata: a heading repeating it is not body text.
/// Each attempt edits a copy of the tree (copying is cheaper than parsing the page again for
/// the retries that one page in ten or so needs: 494M against 542M instructions on 40 of the
/// benchmark pages).
pub fn article_text(tree: &Tree, title: &str) -> Option<String> {
    let mut flags = Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    };
    let mut best: Option<(String, usize)> = None;
    loop {
        let mut tree = tree.clone();
        if let Some(article) = grab(&mut tree, title, flags) {
            let text = formatted_text(&tree, article);
            let length = text_stats(&tree, article).len as usize;
            if length >= CHAR_THRESHOLD {
                return Some(text);
            }
            if best.as_ref().is_none_or(|(_, l)| length > *l) {
                best = Some((text, length));
            }
        }
        if flags.strip_unlikely {
            flags.strip_unlikely = false;
        } else if flags.weight_classes {
            flags.weight_classes = false;
        } else if flags.clean_conditionally {
            flags.clean_conditionally = false;
        } else {
            return best.map(|(text, _)| text);
        }
    }
}

/// Text length with white space collapsed, summarised so that two summaries combine exactly
/// (`len` of "a b" + "c" is that of "a bc"; with a space between them, of "a b c").
#[derive(Clone, Copy, Default, Debug)]
struct TextStats {
    /// Characters after collapsing white space and trimming.
    len: u32,
    /// Whether the text starts with white space (or, when empty, holds any).
    lead: bool,
    /// Whether the text ends with white space (or, when empty, holds any).
    trail: bool,
    /// Whether the text holds anything but white space.
    any: bool,
    /// Commas (readability counts Latin, Arabic and CJK ones).
    commas: u32,
}

impl TextStats {
    fn of(text: &str) -> TextStats {
        // One pass over the bytes: ASCII decides most bytes; a non-ASCII character is decoded
        // only to ask whether it is white space (NBSP, ideographic space) or a comma.
        let mut s = TextStats::default();
        let b = text.as_bytes();
        let mut words = 0u32;
        let mut in_word = false;
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let (space, width) = if c < 0x80 {
                if c == b',' {
                    s.commas += 1;
                }
                (c.is_ascii_whitespace() || c == 0x0B, 1)
            } else {
                let ch = text[i..].chars().next().unwrap_or(' ');
                if COMMAS.contains(&ch) {
                    s.commas += 1;
                }
                (ch.is_whitespace(), ch.len_utf8())
            };
            if space {
                if i == 0 {
                    s.lead = true;
                }
                in_word = false;
            } else {
                if !in_word {
                    words += 1;
                    in_word = true;
                }
                s.len += 1;
            }
            i += width;
        }
        s.any = words > 0;
        if s.any {
            s.len += words - 1;
            s.trail = !in_word;
        } else {
            s.lead = !text.is_empty();
            s.trail = s.lead;
        }
        s
    }

    fn then(self, b: TextStats) -> TextStats {
        let commas = self.commas + b.commas;
        match (self.any, b.any) {
            (false, false) => TextStats {
                lead: self.lead || b.lead,
                trail: self.trail || b.trail,
                commas,
                ..self
            },
            (false, true) => TextStats {
                lead: self.lead || b.lead,
                commas,
                ..b
            },
            (true, false) => TextStats {
                trail: self.trail || b.trail,
                commas,
                ..self
            },
            (true, true) => TextStats {
                len: self.len + b.len + u32::from(self.trail || b.lead),
                lead: self.lead,
                trail: b.trail,
                any: true,
                commas,
            },
        }
    }
}

const COMMAS: &[char] = &[
    '\u{002C}', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}',
];

/// The text summary of a node's subtree, walked now.
fn text_stats(tree: &Tree, id: Id) -> TextStats {
    let mut s = TextStats::default();
    if let Data::Text(t) = &tree.node(id).data {
        return TextStats::of(t);
    }
    for d in tree.descendants(id) {
        if let Data::Text(t) = &tree.node(d).data {
            s = s.then(TextStats::of(t));
        }
    }
    s
}

fn char_count(tree: &Tree, id: Id) -> usize {
    text_stats(tree, id).len as usize
}

/// Characters inside links over all characters (links to anchors on the page count 0.3).
fn link_density(tree: &Tree, id: Id, chars: usize) -> f32 {
    let mut link = 0f32;
    let mut it = tree.descendants(id);
    while let Some(d) = it.next() {
        if tree.is(d, "a") {
            let href = tree.attr(d, "href").unwrap_or("");
            let weight = if href.len() > 1 && href.starts_with('#') {
                0.3
            } else {
                1.0
            };
            link += char_count(tree, d) as f32 * weight;
            it.skip_children_of(d);
        }
    }
    if link == 0.0 || chars == 0 {
        return 0.0;
    }
    link / chars as f32
}

/// Per-node summaries of the whole tree, computed once bottom-up for scoring.
struct Measures {
    text: Vec<TextStats>,
    /// Link characters (weighted as in [`link_density`]).
    link: Vec<f32>,
}

impl Measures {
    fn new(tree: &Tree, root: Id) -> Measures {
        let n = tree.nodes.len();
        let mut m = Measures {
            text: vec![TextStats::default(); n],
            link: vec![0.0; n],
        };
        let mut order: Vec<Id> = vec![root];
        order.extend(tree.descendants(root));
        for &id in order.iter().rev() {
            let i = id as usize;
            if let Data::Text(t) = &tree.node(id).data {
                m.text[i] = TextStats::of(t);
                continue;
            }
            let mut s = TextStats::default();
            let mut link = 0f32;
            for c in tree.children(id) {
                s = s.then(m.text[c as usize]);
                link += m.link[c as usize];
            }
            if tree.is(id, "a") {
                let href = tree.attr(id, "href").unwrap_or("");
                let weight = if href.len() > 1 && href.starts_with('#') {
                    0.3
                } else {
                    1.0
                };
                link = s.len as f32 * weight;
            }
            m.text[i] = s;
            m.link[i] = link;
        }
        m
    }

    fn density(&self, id: Id) -> f32 {
        let chars = self.text[id as usize].len;
        if chars == 0 {
            0.0
        } else {
            self.link[id as usize] / chars as f32
        }
    }
}

/// Lower-cased `class` and `id`, space separated: what the hint tables are matched against.
fn hint_string(tree: &Tree, id: Id) -> String {
    let mut s = String::new();
    for attribute in ["class", "id"] {
        if let Some(v) = tree.attr(id, attribute) {
            s.push_str(v);
            s.push(' ');
        }
    }
    s.make_ascii_lowercase();
    s
}

/// ±25 per class/id hint (readability's `getClassWeight`).
fn class_weight(tree: &Tree, id: Id, flags: Flags) -> f32 {
    if !flags.weight_classes {
        return 0.0;
    }
    let mut weight = 0.0;
    for attribute in ["class", "id"] {
        let Some(v) = tree.attr(id, attribute) else {
            continue;
        };
        let v = v.to_ascii_lowercase();
        if NEGATIVE.is_match(&v)
            || v.split_whitespace()
                .any(|w| CLASSES_NEGATIVE_WORDS.contains(&w))
        {
            weight -= 25.0;
        }
        if POSITIVE.is_match(&v) {
            weight += 25.0;
        }
    }
    weight
}

/// A block's starting score: its tag's prior plus its class weight.
fn initial_score(tree: &Tree, id: Id, flags: Flags) -> f32 {
    let tag = match tree.name(id).map(|n| &**n) {
        Some("div") => 5.0,
        Some("pre" | "td" | "blockquote") => 3.0,
        Some("address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form") => -3.0,
        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th") => -5.0,
        _ => 0.0,
    };
    tag + class_weight(tree, id, flags)
}

const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr",
];

fn is_phrasing(tree: &Tree, id: Id) -> bool {
    match &tree.node(id).data {
        Data::Text(_) => true,
        Data::Element { name, .. } => {
            let name = &**name;
            if PHRASING.contains(&name) {
                return true;
            }
            if matches!(name, "a" | "del" | "ins") {
                let mut children = tree.children(id).peekable();
                return children.peek().is_some() && children.all(|c| is_phrasing(tree, c));
            }
            false
        }
        _ => false,
    }
}

fn is_whitespace(tree: &Tree, id: Id) -> bool {
    match &tree.node(id).data {
        Data::Text(t) => t.trim().is_empty(),
        _ => tree.is(id, "br"),
    }
}

/// Whether a block holds no text and no elements other than line breaks.
fn without_content(tree: &Tree, id: Id) -> bool {
    if tree
        .descendants(id)
        .any(|d| matches!(&tree.node(d).data, Data::Text(t) if !t.trim().is_empty()))
    {
        return false;
    }
    let children = tree.element_children(id);
    children.is_empty()
        || children
            .iter()
            .all(|&c| tree.is(c, "br") || tree.is(c, "hr"))
}

fn has_block_child(tree: &Tree, id: Id) -> bool {
    tree.descendants(id).any(|d| {
        tree.name(d).is_some_and(|n| {
            matches!(
                &**n,
                "blockquote" | "dl" | "div" | "img" | "ol" | "p" | "pre" | "table" | "ul"
            )
        })
    })
}

/// The next element in document order, skipping `id`'s subtree when `skip_children`.
fn next_element(tree: &Tree, id: Id, skip_children: bool) -> Option<Id> {
    if !skip_children {
        if let Some(c) = tree.first_element_child(id) {
            return Some(c);
        }
    }
    let mut at = id;
    loop {
        if let Some(s) = tree.next_element_sibling(at) {
            return Some(s);
        }
        at = tree.node(at).parent;
        if at == NONE {
            return None;
        }
    }
}

fn is_visible(tree: &Tree, id: Id) -> bool {
    if tree.attr(id, "hidden").is_some() {
        return false;
    }
    if let Some(style) = tree.attr(id, "style") {
        let style = style.to_ascii_lowercase();
        if style_is(&style, "display", "none") || style_is(&style, "visibility", "hidden") {
            return false;
        }
    }
    tree.attr(id, "aria-hidden") != Some("true")
        || tree
            .attr(id, "class")
            .is_some_and(|c| c.contains("fallback-image"))
}

fn style_is(style: &str, key: &str, value: &str) -> bool {
    let Some(at) = style.find(key) else {
        return false;
    };
    let rest = &style[at..];
    let Some(colon) = rest.find(':') else {
        return false;
    };
    let rest = &rest[colon + 1..];
    let rest = rest.split(';').next().unwrap_or("").trim_start();
    rest.split(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_end()
        == value
}

fn ancestor_within(tree: &Tree, id: Id, depth: usize, names: &[&str]) -> bool {
    let mut at = tree.node(id).parent;
    for _ in 0..depth {
        if at == NONE {
            return false;
        }
        if tree.name(at).is_some_and(|n| names.contains(&&**n)) {
            return true;
        }
        at = tree.node(at).parent;
    }
    false
}

fn is_unlikely(tree: &Tree, id: Id) -> bool {
    if tree.is(id, "a") || tree.is(id, "body") {
        return false;
    }
    if tree
        .attr(id, "role")
        .is_some_and(|r| UNLIKELY_ROLES.contains(&r))
    {
        return true;
    }
    let hints = hint_string(tree, id);
    if hints.is_empty() || !UNLIKELY.is_match(&hints) || MAYBE.is_match(&hints) {
        return false;
    }
    !ancestor_within(tree, id, 3, &["table", "code"])
}

/// Share of words of `b` that also occur in `a` (1.0 when `a` contains `b`).
fn text_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a.contains(&b) {
        return 1.0;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let wa = words(&a);
    let wb = words(&b);
    let total: usize = wb.iter().map(|w| w.chars().count()).sum();
    if total == 0 {
        return 0.0;
    }
    let unique: usize = wb
        .iter()
        .filter(|w| !wa.contains(w))
        .map(|w| w.chars().count())
        .sum();
    1.0 - unique as f64 / total as f64
}

/// Wraps runs of inline content directly inside a `<div>` into `<p>`s.
fn wrap_inline_runs(tree: &mut Tree, div: Id) {
    let mut child = tree.node(div).first_child;
    while child != NONE {
        if is_phrasing(tree, child) && !is_whitespace(tree, child) {
            let p = tree.new_element("p");
            tree.insert_before(child, p);
            let mut next = child;
            while next != NONE && is_phrasing(tree, next) {
                let after = tree.node(next).next;
                tree.append(p, next);
                next = after;
            }
            while let Some(last) = Some(tree.node(p).last_child).filter(|&l| l != NONE) {
                if is_whitespace(tree, last) {
                    tree.detach(last);
                } else {
                    break;
                }
            }
            child = next;
        } else {
            child = tree.node(child).next;
        }
    }
}

/// Readability's `_grabArticle` pass 1: removes what cannot be content and lists the blocks
/// to score.
fn collect(tree: &mut Tree, body: Id, title: &str, flags: Flags) -> Vec<Id> {
    let mut to_score = Vec::new();
    let mut remove_title_heading = !title.is_empty();
    let mut next = next_element(tree, body, false);
    while let Some(mut node) = next {
        if !is_body_descendant(tree, node, body) {
            break;
        }
        // An atom (no allocation): the tree changes below while the name is in use.
        let name = tree.name(node).cloned().unwrap_or_default();
        let remove = !is_visible(tree, node)
            || &*name == "dialog"
            || (tree.attr(node, "aria-modal") == Some("true")
                && tree.attr(node, "role") == Some("dialog"))
            || (flags.strip_unlikely && is_unlikely(tree, node));
        let title_heading = remove_title_heading
            && matches!(&*name, "h1" | "h2")
            && text_similarity(title, &tree.text(node)) > 0.75;
        let empty = matches!(
            &*name,
            "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) && without_content(tree, node);
        if remove || title_heading || empty {
            if title_heading {
                remove_title_heading = false;
            }
            next = next_element(tree, node, true);
            tree.detach(node);
            continue;
        }
        if matches!(
            &*name,
            "section" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "td" | "pre"
        ) {
            to_score.push(node);
        }
        if &*name == "div" {
            wrap_inline_runs(tree, node);
            let children = tree.element_children(node);
            let single_p = children.len() == 1
                && tree.is(children[0], "p")
                && !tree
                    .children(node)
                    .any(|c| matches!(&tree.node(c).data, Data::Text(t) if !t.trim().is_empty()));
            if single_p && link_density(tree, node, char_count(tree, node)) < 0.25 {
                let p = children[0];
                tree.replace(node, p);
                to_score.push(p);
                node = p;
            } else if !has_block_child(tree, node) {
                tree.rename(node, "p");
                to_score.push(node);
            }
        }
        next = next_element(tree, node, false);
    }
    to_score
}

fn is_body_descendant(tree: &Tree, mut id: Id, body: Id) -> bool {
    while id != NONE {
        if id == body {
            return true;
        }
        id = tree.node(id).parent;
    }
    false
}

/// One attempt; gives the node holding the article, or `None` without a body.
fn grab(tree: &mut Tree, title: &str, flags: Flags) -> Option<Id> {
    let body = tree.descendants(0).find(|&d| tree.is(d, "body"))?;
    let to_score = collect(tree, body, title, flags);

    let measures = Measures::new(tree, body);
    let mut score: Vec<f32> = vec![0.0; tree.nodes.len()];
    let mut scored: Vec<bool> = vec![false; tree.nodes.len()];
    let mut order: Vec<Id> = Vec::new();
    for &element in &to_score {
        if tree.node(element).parent == NONE || !is_body_descendant(tree, element, body) {
            continue;
        }
        let stats = measures.text[element as usize];
        let len = stats.len as usize;
        if len < 25 {
            continue;
        }
        let content = (2 + stats.commas as usize + (len / 100).min(3)) as f32;
        let mut ancestor = tree.node(element).parent;
        let mut level = 0usize;
        while ancestor != NONE && level < 5 {
            if !tree.is_element(ancestor) || tree.node(ancestor).parent == NONE {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => (level * 3) as f32,
            };
            let a = ancestor as usize;
            if !scored[a] {
                scored[a] = true;
                score[a] = initial_score(tree, ancestor, flags);
                order.push(ancestor);
            }
            score[a] += content / divider;
            if ancestor == body {
                break;
            }
            ancestor = tree.node(ancestor).parent;
            level += 1;
        }
    }
    // Only positive scores count as scored (as dom_smoothie does), scaled by link density.
    let mut candidates: Vec<(Id, f32)> = Vec::new();
    for &id in &order {
        let i = id as usize;
        if score[i] <= 0.0 {
            scored[i] = false;
            continue;
        }
        if score[i] > MIN_SCORE_TO_ADJUST {
            score[i] *= 1.0 - measures.density(id);
        }
        candidates.push((id, score[i]));
    }
    candidates.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(Ordering::Equal));
    candidates.truncate(TOP_CANDIDATES);

    let grow = |tree: &Tree, score: &mut Vec<f32>, scored: &mut Vec<bool>| {
        score.resize(tree.nodes.len(), 0.0);
        scored.resize(tree.nodes.len(), false);
    };

    let mut top = match candidates.first() {
        Some(&(id, _)) if id != body => {
            let mut top = id;
            let top_score = score[top as usize];
            // A common ancestor of (at least three) near-best candidates.
            let alternatives: Vec<Vec<Id>> = candidates[1..]
                .iter()
                .filter(|(_, s)| s / top_score >= 0.75)
                .map(|&(c, _)| ancestors(tree, c))
                .collect();
            if alternatives.len() > 3 {
                let mut parent = tree.node(top).parent;
                while parent != NONE && parent != body {
                    let lists = alternatives.iter().filter(|a| a.contains(&parent)).count();
                    if lists >= 3 {
                        top = parent;
                        break;
                    }
                    parent = tree.node(parent).parent;
                }
            }
            if !scored[top as usize] {
                scored[top as usize] = true;
                score[top as usize] = initial_score(tree, top, flags);
            }
            // Climb while the parents' scores go up.
            let mut last = score[top as usize];
            let threshold = last / 3.0;
            let mut parent = tree.node(top).parent;
            while parent != NONE && parent != body {
                if !scored[parent as usize] {
                    parent = tree.node(parent).parent;
                    continue;
                }
                let s = score[parent as usize];
                if s < threshold {
                    break;
                }
                if s > last {
                    top = parent;
                    break;
                }
                last = s;
                parent = tree.node(parent).parent;
            }
            // An only child gives way to its parent.
            let mut parent = tree.node(top).parent;
            while parent != NONE && parent != body && tree.element_children(parent).len() == 1 {
                top = parent;
                parent = tree.node(top).parent;
            }
            top
        }
        _ => {
            let div = tree.new_element("div");
            let mut child = tree.node(body).first_child;
            while child != NONE {
                let next = tree.node(child).next;
                tree.append(div, child);
                child = next;
            }
            tree.append(body, div);
            grow(tree, &mut score, &mut scored);
            div
        }
    };
    grow(tree, &mut score, &mut scored);
    if !scored[top as usize] {
        scored[top as usize] = true;
        score[top as usize] = initial_score(tree, top, flags);
    }
    // Siblings that score near the top candidate, or read like paragraphs, join it.
    let top_score = score[top as usize];
    let threshold = (top_score * 0.2).max(10.0);
    let parent = tree.node(top).parent;
    if parent == NONE {
        top = body;
    }
    let article = tree.new_element("div");
    grow(tree, &mut score, &mut scored);
    let parent = tree.node(top).parent;
    let top_class = tree.attr(top, "class").unwrap_or("").to_owned();
    let siblings = if parent == NONE {
        vec![top]
    } else {
        tree.element_children(parent)
    };
    for sibling in siblings {
        let append = if sibling == top {
            true
        } else {
            let bonus = if !top_class.is_empty()
                && tree.attr(sibling, "class").unwrap_or("") == top_class
            {
                top_score * 0.2
            } else {
                0.0
            };
            let s = if scored[sibling as usize] {
                score[sibling as usize]
            } else {
                0.0
            };
            if s > 0.0 {
                s + bonus >= threshold
            } else if tree.is(sibling, "p") {
                let text = tree.text(sibling);
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let len = text.chars().count();
                let density = link_density(tree, sibling, len);
                (len > 80 && density < 0.25)
                    || (len < 80
                        && len > 0
                        && density == 0.0
                        && (text.ends_with('.') || text.contains(". ")))
            } else {
                false
            }
        };
        if append {
            if !tree
                .name(sibling)
                .is_some_and(|n| matches!(&**n, "article" | "section" | "p" | "ol" | "ul"))
            {
                tree.rename(sibling, "div");
            }
            tree.append(article, sibling);
        }
    }
    if parent != NONE {
        tree.append(parent, article);
    }
    prepare_article(tree, article, flags);
    Some(article)
}

fn ancestors(tree: &Tree, id: Id) -> Vec<Id> {
    let mut out = Vec::new();
    let mut at = tree.node(id).parent;
    while at != NONE {
        out.push(at);
        at = tree.node(at).parent;
    }
    out
}

/// The elements under `root` (itself not included) whose names are in `names`.
fn find(tree: &Tree, root: Id, names: &[&str]) -> Vec<Id> {
    tree.descendants(root)
        .filter(|&d| tree.name(d).is_some_and(|n| names.contains(&&**n)))
        .collect()
}

fn is_video(value: &str) -> bool {
    VIDEO_HOSTS.iter().any(|host| {
        value.find(host).is_some_and(|at| {
            (at >= 2 && &value[at - 2..at] == "//") || (at >= 6 && &value[at - 6..at] == "//www.")
        })
    })
}

fn any_video_attribute(tree: &Tree, id: Id) -> bool {
    match &tree.node(id).data {
        Data::Element { attrs, .. } => attrs.iter().any(|(_, v)| is_video(v)),
        _ => false,
    }
}

/// Readability's `_prepArticle`: cleans the chosen block.
fn prepare_article(tree: &mut Tree, article: Id, flags: Flags) {
    // Share bars.
    for node in tree.descendants(article).collect::<Vec<_>>() {
        let share = ["class", "id"].iter().any(|a| {
            tree.attr(node, a).is_some_and(|v| {
                v.split([' ', '_'])
                    .any(|part| SHARE_WORDS.iter().any(|w| part.eq_ignore_ascii_case(w)))
            })
        });
        if share && char_count(tree, node) < CHAR_THRESHOLD {
            tree.detach(node);
        }
    }
    let data_tables = data_tables(tree, article);
    clean_conditionally(tree, article, &["form", "fieldset"], flags, &data_tables);
    for node in find(
        tree,
        article,
        &[
            "object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select",
            "button",
        ],
    ) {
        let embed = tree
            .name(node)
            .is_some_and(|n| matches!(&**n, "object" | "embed" | "iframe"));
        if !embed || !any_video_attribute(tree, node) {
            tree.detach(node);
        }
    }
    for node in find(tree, article, &["h1", "h2"]) {
        if class_weight(tree, node, flags) < 0.0 {
            tree.detach(node);
        }
    }
    clean_conditionally(tree, article, &["table", "ul", "div"], flags, &data_tables);
    for p in find(tree, article, &["p"]) {
        let media = tree.descendants(p).any(|d| {
            tree.name(d)
                .is_some_and(|n| matches!(&**n, "img" | "object" | "embed" | "iframe"))
        });
        if !media && char_count(tree, p) == 0 {
            tree.detach(p);
        }
    }
    for br in find(tree, article, &["br"]) {
        if tree
            .next_element_sibling(br)
            .is_some_and(|n| tree.is(n, "p"))
        {
            tree.detach(br);
        }
    }
}

/// Tables that hold data rather than layout (readability's `_markDataTables`).
fn data_tables(tree: &Tree, root: Id) -> Vec<Id> {
    let mut out = Vec::new();
    for table in find(tree, root, &["table"]) {
        if tree.attr(table, "role") == Some("presentation")
            || tree.attr(table, "datatable") == Some("0")
        {
            continue;
        }
        if tree.attr(table, "summary").is_some()
            || !find(
                tree,
                table,
                &["caption", "col", "colgroup", "tfoot", "thead", "th"],
            )
            .is_empty()
        {
            out.push(table);
            continue;
        }
        if !find(tree, table, &["table"]).is_empty() {
            continue;
        }
        let (mut rows, mut columns) = (0usize, 0usize);
        for tr in find(tree, table, &["tr"]) {
            rows += 1;
            let mut in_row = 0usize;
            for td in find(tree, tr, &["td"]) {
                let span = tree
                    .attr(td, "colspan")
                    .and_then(|s| s.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000);
                in_row = in_row.saturating_add(span);
            }
            columns = columns.max(in_row);
        }
        if rows == 1 || columns == 1 {
            continue;
        }
        if rows >= 10 || columns > 4 || rows * columns > 10 {
            out.push(table);
        }
    }
    out
}

/// Share of `id`'s characters inside descendants named in `names`, compared with `threshold`.
fn density_of(tree: &Tree, id: Id, names: &[&str], chars: usize) -> f32 {
    if chars == 0 {
        return 0.0;
    }
    let inner: usize = find(tree, id, names)
        .into_iter()
        .map(|d| char_count(tree, d))
        .sum();
    inner as f32 / chars as f32
}

/// Readability's `_cleanConditionally`: drops link-heavy, image-heavy, form-like and empty
/// blocks among `names` under `root`, innermost first.
fn clean_conditionally(tree: &mut Tree, root: Id, names: &[&str], flags: Flags, data: &[Id]) {
    if !flags.clean_conditionally {
        return;
    }
    let nodes = find(tree, root, names);
    for &node in nodes.iter().rev() {
        if !is_body_descendant(tree, node, root) {
            continue;
        }
        if should_remove(tree, node, flags, data) {
            tree.detach(node);
        }
    }
}

fn should_remove(tree: &Tree, node: Id, flags: Flags, data: &[Id]) -> bool {
    if data.contains(&node) || data.iter().any(|&t| is_body_descendant(tree, node, t)) {
        return false;
    }
    if tree.is(node, "table")
        && find(tree, node, &["table"])
            .iter()
            .any(|t| data.contains(t))
    {
        return false;
    }
    let weight = class_weight(tree, node, flags);
    if weight < 0.0 {
        return find(tree, node, &["pre"]).is_empty();
    }
    let text = tree.text(node);
    if text.matches(',').count() >= 10 {
        return false;
    }
    let mut embeds = 0;
    for e in find(tree, node, &["object", "embed", "iframe"]) {
        if any_video_attribute(tree, e) {
            return false;
        }
        embeds += 1;
    }
    let low = text.trim().to_lowercase();
    if AD_WORDS.contains(&low.as_str()) || LOADING_WORDS.contains(&low.trim_end_matches(['…', '.']))
    {
        return true;
    }
    let chars = char_count(tree, node);
    let is_list = tree.is(node, "ul")
        || tree.is(node, "ol")
        || density_of(tree, node, &["ul", "ol"], chars) > 0.9;
    let img = find(tree, node, &["img"]).len();
    let in_figure = ancestor_within(tree, node, usize::MAX, &["figure"]);
    let remove = (|| {
        let p = find(tree, node, &["p"]).len() as f32;
        if !in_figure && img > 1 && p / (img as f32) < 0.5 {
            return true;
        }
        let li = find(tree, node, &["li"]).len() as f32 - 100.0;
        if !is_list && li > p {
            return true;
        }
        let input = find(tree, node, &["input"]).len() as f32;
        if input > (p / 3.0).floor() {
            return true;
        }
        let density = link_density(tree, node, chars);
        if !is_list
            && !in_figure
            && chars < 25
            && (img == 0 || img > 2)
            && density > 0.0
            && density_of(tree, node, &["h1", "h2", "h3", "h4", "h5", "h6"], chars) < 0.9
        {
            return true;
        }
        if !is_list && weight < 25.0 && density > 0.2 {
            return true;
        }
        if weight >= 25.0 && density > 0.5 {
            return true;
        }
        if (embeds == 1 && chars < 75) || embeds > 1 {
            return true;
        }
        if img == 0
            && density_of(
                tree,
                node,
                &[
                    "blockquote",
                    "dl",
                    "div",
                    "img",
                    "ol",
                    "p",
                    "pre",
                    "table",
                    "ul",
                    "span",
                    "li",
                    "td",
                ],
                1,
            ) <= 0.0
        {
            return true;
        }
        false
    })();
    if is_list && remove {
        for c in tree.children(node) {
            if tree.element_children(c).len() > 1 {
                return remove;
            }
        }
        return img != find(tree, node, &["li"]).len();
    }
    remove
}

/// Removes a short byline block ("By Jane Doe", `rel="author"`, `itemprop="author"`): the
/// reference bodies leave the author out. Run once, before the attempts.
pub fn remove_byline(tree: &mut Tree) {
    let Some(body) = tree.descendants(0).find(|&d| tree.is(d, "body")) else {
        return;
    };
    let mut next = next_element(tree, body, false);
    while let Some(node) = next {
        let marked = tree.attr(node, "rel") == Some("author")
            || tree
                .attr(node, "itemprop")
                .is_some_and(|v| v.contains("author"))
            || {
                let hints = hint_string(tree, node);
                BYLINE.is_match(&hints)
            };
        if marked {
            let len = tree.text(node).trim().chars().count();
            if len > 0 && len < 100 {
                tree.detach(node);
                return;
            }
        }
        next = next_element(tree, node, false);
    }
}

/// Readability's `_replaceBrs`: two or more `<br>`s in a row end a paragraph.
pub fn replace_brs(tree: &mut Tree) {
    let brs: Vec<Id> = tree.descendants(0).filter(|&d| tree.is(d, "br")).collect();
    for br in brs {
        if tree.node(br).parent == NONE {
            continue;
        }
        let mut replaced = false;
        let mut next = next_significant(tree, tree.node(br).next);
        while let Some(n) = next {
            if !tree.is(n, "br") {
                break;
            }
            replaced = true;
            let after = tree.node(n).next;
            tree.detach(n);
            next = next_significant(tree, after);
        }
        if !replaced {
            continue;
        }
        let p = tree.new_element("p");
        tree.replace(br, p);
        let mut next = tree.node(p).next;
        while next != NONE {
            if tree.is(next, "br") {
                if let Some(after) = next_significant(tree, tree.node(next).next) {
                    if tree.is(after, "br") {
                        break;
                    }
                }
            }
            if !is_phrasing(tree, next) {
                break;
            }
            let after = tree.node(next).next;
            tree.append(p, next);
            next = after;
        }
        loop {
            let last = tree.node(p).last_child;
            if last != NONE && is_whitespace(tree, last) {
                tree.detach(last);
            } else {
                break;
            }
        }
        let parent = tree.node(p).parent;
        if parent != NONE && tree.is(parent, "p") {
            tree.rename(parent, "div");
        }
    }
}

fn next_significant(tree: &Tree, mut id: Id) -> Option<Id> {
    while id != NONE {
        match &tree.node(id).data {
            Data::Text(t) if t.trim().is_empty() => id = tree.node(id).next,
            Data::Element { .. } => return Some(id),
            Data::Text(_) => return Some(id),
            _ => id = tree.node(id).next,
        }
    }
    None
}

/// Block elements: a blank line after each.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "article"
            | "blockquote"
            | "section"
            | "div"
            | "p"
            | "pre"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "table"
    )
}

/// The text of a block with white space collapsed, a blank line after each block element
/// and a line break after `br`, `hr`, `li` and `tr` (dom_query's `formatted_text`).
pub fn formatted_text(tree: &Tree, root: Id) -> String {
    enum Op {
        Open(Id),
        Close(Id),
    }
    let mut ops: Vec<Op> = tree.children(root).map(Op::Open).collect();
    ops.reverse();
    let mut text = String::new();
    while let Some(op) = ops.pop() {
        match op {
            Op::Open(id) => match &tree.node(id).data {
                Data::Text(t) => push_normalized(&mut text, t),
                Data::Element { name, .. } => {
                    if !(text.is_empty() || text.ends_with("\n\n")) && is_block(name) {
                        text.push('\n');
                    }
                    ops.push(Op::Close(id));
                    if &**name == "pre" {
                        text.push_str(&tree.text(id));
                        continue;
                    }
                    let at = ops.len();
                    ops.extend(tree.children(id).map(Op::Open));
                    ops[at..].reverse();
                }
                _ => {}
            },
            Op::Close(id) => {
                if text.is_empty() || text.ends_with("\n\n") {
                    continue;
                }
                let name = tree.name(id).map(|n| &**n).unwrap_or("");
                if is_block(name) {
                    text.truncate(text.trim_end_matches(' ').len());
                    // A list's last item already ended its line.
                    text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
                } else if matches!(name, "br" | "hr" | "li" | "tr") {
                    text.truncate(text.trim_end_matches(' ').len());
                    text.push('\n');
                } else if matches!(name, "td" | "th") && !text.ends_with(['\n', ' ']) {
                    text.push(' ');
                }
            }
        }
    }
    text.truncate(text.trim_end().len());
    text
}

fn push_normalized(text: &mut String, new: &str) {
    let follows_break = text.is_empty() || text.ends_with(['\n', ' ']);
    let mut words = new.split_whitespace();
    let Some(first) = words.next() else {
        if !follows_break && !new.is_empty() {
            text.push(' ');
        }
        return;
    };
    if !follows_break && new.starts_with(char::is_whitespace) {
        text.push(' ');
    }
    text.push_str(first);
    for w in words {
        text.push(' ');
        text.push_str(w);
    }
    if new.ends_with(char::is_whitespace) {
        text.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "<p>Syrian government forces have liberated 15 more eastern Aleppo neighborhoods in the last 24 hours, the Russian Reconciliation Center in Syria said, adding that the advance has allowed the Syrian Army to control 70 percent of the territory.</p>\
        <p>On Wednesday, 1,224 civilians were able to flee militant-held areas for government-controlled neighborhoods, as the Syrian Army continued its offensive. The people have been provided with water, food, and medical aid.</p>\
        <p>“We will not accept any truce,” Fares Shehabi, an MP for Aleppo, told dpa by telephone. “If they do not leave, they will be defeated,” he said.</p>";

    fn read(page: &str, title: &str) -> String {
        let tree = Tree::parse(page);
        article_text(&tree, title).unwrap_or_default()
    }

    #[test]
    fn the_story_block_wins_over_menus_sidebars_and_share_bars() {
        let page = format!(
            "<body><div class=menu><a href=/>Home</a> <a href=/world>World news from everywhere, all day long</a></div>\
             <div class=main-story><h1>Syrian Army retakes 70% of E. Aleppo</h1>\
             <div class=share-tools><a href=#t>Share on Twitter</a></div>{STORY}</div>\
             <aside class=sidebar><p>Most read: Ten things you did not know about the weather, and more.</p></aside>\
             <ul class=links><li><a href=/a>Related one</a></li><li><a href=/b>Related two</a></li></ul></body>"
        );
        let text = read(&page, "Syrian Army retakes 70% of E. Aleppo | RT");
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 3, "{text:?}");
        assert!(paragraphs[0].starts_with("Syrian government forces"));
        assert!(paragraphs[2].ends_with("he said."));
        for gone in ["Home", "Share on", "Most read", "Related", "retakes 70%"] {
            assert!(!text.contains(gone), "{gone:?} in {text:?}");
        }
    }

    #[test]
    fn text_only_divs_and_double_line_breaks_become_paragraphs() {
        let mut tree = Tree::parse(
            "<body><div class=article-body><div>Talks on Aleppo went on in Geneva on Friday, the UN envoy said, and would resume next week with both delegations present.</div>\
             First line of a note, with a comma, long enough to count as text here.<br><br>Second line of the note, with another comma, also long enough to count.</div></body>",
        );
        replace_brs(&mut tree);
        let text = article_text(&tree, "").unwrap();
        assert_eq!(
            text.split("\n\n").collect::<Vec<_>>(),
            [
                "Talks on Aleppo went on in Geneva on Friday, the UN envoy said, and would resume next week with both delegations present.",
                "First line of a note, with a comma, long enough to count as text here.",
                "Second line of the note, with another comma, also long enough to count."
            ]
        );
    }

    #[test]
    fn a_page_stripped_bare_by_the_strict_rules_is_read_again_with_looser_ones() {
        // Everything sits in a block whose class reads "unlikely" ("comment"): the strict pass
        // drops it, the retry without that rule finds the text.
        let page = format!("<body><div class=comment-thread>{STORY}</div></body>");
        let text = read(&page, "");
        assert!(text.starts_with("Syrian government forces"), "{text:?}");
        assert!(text.contains("he said."));
    }

    #[test]
    fn hidden_blocks_and_dialogs_are_not_text() {
        let page = format!(
            "<body><div class=content>{STORY}<p style='display: none'>Hidden teaser text that no reader sees on the page at all.</p>\
             <div role=dialog aria-modal=true><p>Subscribe to our newsletter for the latest news from Syria and beyond.</p></div></div></body>"
        );
        let text = read(&page, "");
        assert!(!text.contains("Hidden teaser"), "{text:?}");
        assert!(!text.contains("Subscribe"), "{text:?}");
    }

    #[test]
    fn collapsed_lengths_combine_exactly() {
        let a = TextStats::of("Aleppo  fell, ");
        let b = TextStats::of("\n\t");
        let c = TextStats::of("on Friday");
        assert_eq!(
            a.then(b).then(c).len as usize,
            "Aleppo fell, on Friday".len()
        );
        assert_eq!(TextStats::of("a").then(TextStats::of("b")).len, 2); // "ab": one word
        assert_eq!(a.commas, 1);
        assert_eq!(TextStats::of("\u{a0}Hama\u{a0}").len, 4);
    }

    #[test]
    fn formatted_text_puts_blank_lines_between_blocks_and_line_breaks_in_lists() {
        let tree = Tree::parse(
            "<body><div id=x><h2>Key points</h2><ul><li>One  point</li><li>Two</li></ul><p>Last <b>word</b>.</p></div></body>",
        );
        let div = tree
            .descendants(0)
            .find(|&d| tree.attr(d, "id") == Some("x"))
            .unwrap();
        assert_eq!(
            formatted_text(&tree, div),
            "Key points\n\nOne point\nTwo\n\nLast word."
        );
    }
}
