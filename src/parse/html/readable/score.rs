//! Readability's scores: a node's text statistics (collapsed length, commas, link density), its
//! class and id weight from `lexicon::page_hints`, and its initial score by tag. Pure reads of
//! the tree; choosing and cleaning the article block is `readable.rs`'s and `clean.rs`'s work.

use super::*;

/// Text length with white space collapsed, summarised so that two summaries combine exactly
/// (`len` of "a b" + "c" is that of "a bc"; with a space between them, of "a b c").
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct TextStats {
    /// Characters after collapsing white space and trimming.
    pub(super) len: u32,
    /// Whether the text starts with white space (or, when empty, holds any).
    pub(super) lead: bool,
    /// Whether the text ends with white space (or, when empty, holds any).
    pub(super) trail: bool,
    /// Whether the text holds anything but white space.
    pub(super) any: bool,
    /// Commas (readability counts Latin, Arabic and CJK ones).
    pub(super) commas: u32,
}

impl TextStats {
    pub(super) fn of(text: &str) -> TextStats {
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

    pub(super) fn then(self, b: TextStats) -> TextStats {
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

pub(super) const COMMAS: &[char] = &[
    '\u{002C}', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}',
];

/// The text summary of a node's subtree, walked now.
pub(super) fn text_stats(tree: &Tree, id: Id) -> TextStats {
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

pub(super) fn char_count(tree: &Tree, id: Id) -> usize {
    text_stats(tree, id).len as usize
}

/// Characters inside links over all characters (links to anchors on the page count 0.3).
pub(super) fn link_density(tree: &Tree, id: Id, chars: usize) -> f32 {
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
pub(super) struct Measures {
    pub(super) text: Vec<TextStats>,
    /// Link characters (weighted as in [`link_density`]).
    pub(super) link: Vec<f32>,
}

impl Measures {
    pub(super) fn new(tree: &Tree, root: Id) -> Measures {
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

    pub(super) fn density(&self, id: Id) -> f32 {
        let chars = self.text[id as usize].len;
        if chars == 0 {
            0.0
        } else {
            self.link[id as usize] / chars as f32
        }
    }
}

/// Lower-cased `class` and `id`, space separated: what the hint tables are matched against.
pub(super) fn hint_string(tree: &Tree, id: Id) -> String {
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
pub(super) fn class_weight(tree: &Tree, id: Id, flags: Flags) -> f32 {
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
pub(super) fn initial_score(tree: &Tree, id: Id, flags: Flags) -> f32 {
    let tag = match tree.name(id).map(|n| &**n) {
        Some("div") => 5.0,
        Some("pre" | "td" | "blockquote") => 3.0,
        Some("address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form") => -3.0,
        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th") => -5.0,
        _ => 0.0,
    };
    tag + class_weight(tree, id, flags)
}
