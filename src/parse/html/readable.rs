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

mod clean;
mod score;

use std::cmp::Ordering;
use std::sync::LazyLock;

use regex::Regex;

use super::tree::{Data, Id, Tree, NONE};
use crate::lexicon::page_hints::{
    AD_WORDS, BYLINE_HINTS, CLASSES_NEGATIVE, CLASSES_NEGATIVE_WORDS, CLASSES_POSITIVE,
    LOADING_WORDS, MAYBE_CANDIDATES, SHARE_WORDS, UNLIKELY_CANDIDATES, UNLIKELY_ROLES, VIDEO_HOSTS,
};
use clean::*;
pub use clean::{remove_byline, replace_brs};
use score::*;

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
