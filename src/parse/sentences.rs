//! Sentence splitting with byte spans.
//!
//! Takes the clean text and its paragraph spans; gives sentence spans (never crossing a
//! paragraph) with a photo-caption flag. A sentence ends at `.`, `!`, `?` or `…` (plus any
//! closing quotes or brackets) followed by space and an upper-case letter, digit or opening
//! quote or bracket, and always at a paragraph end. It does not end:
//! - after an abbreviation or an initial ("Dr.", "govt.", "E. Aleppo", "U.S.", "Maj.-Gen."),
//!   or "No." before a number;
//! - in a number ("1.5") or a hyphenated word ("U.S.-led");
//! - inside an open double quotation (curly, straight or the NYT's `''`), so that a quote stays
//!   in one sentence with its attribution ("“We won. We stay,” he said.");
//! - inside brackets ("[in Aleppo. Reports say]");
//! - before a short attribution clause after a closing quote ("“Who cares?” Trump said.").
//!
//! It does not resolve true ambiguity such as "U.S." ending a sentence: it keeps it together.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use regex::RegexSet;

use crate::document::{Sentence, Span};
use crate::lexicon::abbreviations::{ABBREVIATIONS, NUMBER_ABBREVIATIONS};
use crate::lexicon::boilerplate::CAPTION_PATTERNS;
use crate::lexicon::cues::cue_lemma;

static ABBREVIATION_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());
static NUMBER_ABBREVIATION_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NUMBER_ABBREVIATIONS.iter().copied().collect());
static CAPTIONS: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(CAPTION_PATTERNS.iter().map(|(p, _)| format!("(?i){p}")))
        .expect("caption patterns are valid")
});

/// Quotations longer than this many bytes are assumed unbalanced (a missing close quote) and no
/// longer hold a sentence open.
const MAX_QUOTE_BYTES: usize = 1500;
/// Brackets open longer than this are assumed unbalanced ("1) first point. 2) ...").
const MAX_BRACKET_BYTES: usize = 300;
/// An attribution clause after a closing quote has at most this many words ("Trump said").
const MAX_ATTRIBUTION_WORDS: usize = 8;

/// Splits every paragraph of `text` into sentences.
pub fn split_sentences(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, para) in paragraphs.iter().enumerate() {
        let is_caption = is_caption(para.slice(text));
        for span in split_paragraph(text, *para) {
            out.push(Sentence {
                span,
                paragraph: index,
                is_caption,
            });
        }
    }
    out
}

/// Photo captions and credits (`lexicon::boilerplate::CAPTION_PATTERNS`): "... (Photo by AFP)",
/// "Photo: Reuters", "(AFP Photo)", a lone "Getty." line.
pub fn is_caption(paragraph: &str) -> bool {
    paragraph.len() < 600 && CAPTIONS.is_match(paragraph)
}

/// The scanner's state inside one paragraph.
#[derive(Default)]
struct Open {
    /// Where the open double quotation began, if one is open.
    quote: Option<usize>,
    /// Where each open bracket began.
    brackets: Vec<usize>,
}

impl Open {
    /// Forgets quotes and brackets opened too long ago: they were never closed.
    fn expire(&mut self, at: usize) {
        if self.quote.is_some_and(|q| at - q > MAX_QUOTE_BYTES) {
            self.quote = None;
        }
        self.brackets.retain(|b| at - b <= MAX_BRACKET_BYTES);
    }
    fn toggle_quote(&mut self, at: usize) {
        self.quote = match self.quote {
            Some(_) => None,
            None => Some(at),
        };
    }
    fn is_open(&self) -> bool {
        self.quote.is_some() || !self.brackets.is_empty()
    }
}

fn split_paragraph(text: &str, para: Span) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = para.byte_start;
    let mut open = Open::default();
    let mut i = para.byte_start;
    while i < para.byte_end {
        let c = text[i..].chars().next().expect("in bounds");
        let mut len = c.len_utf8();
        match c {
            '“' => open.quote = Some(i),
            '”' => open.quote = None,
            '"' => open.toggle_quote(i),
            // The NYT writes quotations ''like this'' (PolNeAR).
            '\'' if text[i + 1..].starts_with('\'') => {
                open.toggle_quote(i);
                len = 2;
            }
            '(' | '[' => open.brackets.push(i),
            ')' | ']' => {
                open.brackets.pop();
            }
            '.' | '!' | '?' | '…' => {
                open.expire(i);
                let (end, closed_quote) = closing_run(text, i + len, para.byte_end, &mut open);
                if !open.is_open()
                    && ends_sentence(text, para.byte_start, i, end, para.byte_end)
                    && !(closed_quote && attribution_follows(&text[end..para.byte_end]))
                {
                    spans.push(Span::new(start, end));
                    let rest = &text[end..para.byte_end];
                    start = end + (rest.len() - rest.trim_start().len());
                    i = start;
                } else {
                    i = end;
                }
                continue;
            }
            _ => {}
        }
        i += len;
    }
    if start < para.byte_end {
        spans.push(Span::new(start, para.byte_end));
    }
    spans
}

/// Takes the closing quotes, brackets and further stops after a sentence stop at `from` into
/// the sentence ("won.”", "AFP.)", "?!"); returns where the run ends and whether it closed a
/// quotation.
fn closing_run(text: &str, from: usize, para_end: usize, open: &mut Open) -> (usize, bool) {
    let mut end = from;
    let mut closed_quote = false;
    while end < para_end {
        let next = text[end..].chars().next().expect("in bounds");
        let mut len = next.len_utf8();
        match next {
            '"' | '”' => {
                if next == '"' && open.quote.is_none() {
                    break; // an opening straight quote starts the next sentence
                }
                open.quote = None;
                closed_quote = true;
            }
            '\'' if text[end + 1..].starts_with('\'') => {
                if open.quote.is_none() {
                    break;
                }
                open.quote = None;
                closed_quote = true;
                len = 2;
            }
            ')' | ']' => {
                open.brackets.pop();
            }
            '’' | '\'' | '.' | '!' | '?' | '…' => {}
            _ => break,
        }
        end += len;
    }
    (end, closed_quote)
}

/// Whether the stop at `dot` (its closing run ends at `end`) ends a sentence.
fn ends_sentence(text: &str, para_start: usize, dot: usize, end: usize, para_end: usize) -> bool {
    let after = &text[end..para_end];
    let trimmed = after.trim_start();
    if trimmed.len() == after.len() {
        return false; // "1.5", "U.S.-led", "Maj.-Gen."
    }
    let Some(next) = trimmed.chars().next() else {
        return false;
    };
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '“' | '"' | '‘' | '\'' | '(' | '['))
    {
        return false; // "About 10,500 people left. the rest stayed."
    }
    if text.as_bytes()[dot] != b'.' {
        return true;
    }
    let before = &text[para_start..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '[' | '“' | '"' | '‘'))
        .map_or(para_start, |(p, c)| para_start + p + c.len_utf8());
    let word = text[word_start..dot].trim_start_matches(['-', '–']);
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        if first.is_uppercase() {
            return false; // an initial: "E. Aleppo", "John F. Kennedy"
        }
    }
    if word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() <= 2 && part.chars().all(char::is_alphabetic))
    {
        return false; // "U.S.", "a.m.", "Ph.D." (but "2.3%. 2016 was worse." ends)
    }
    if NUMBER_ABBREVIATION_SET.contains(word) && next.is_ascii_digit() {
        return false; // "No. 10 Downing Street"
    }
    let last_part = word.rsplit(['-', '.']).next().unwrap_or(word);
    !ABBREVIATION_SET.contains(word) && !ABBREVIATION_SET.contains(last_part)
}

/// Whether `rest` (what follows a closing quote) starts with a short attribution clause that
/// ends the sentence: "“Who cares?” Trump said." or "“Blacklisted?” asked one delegate."
fn attribution_follows(rest: &str) -> bool {
    let rest = rest.trim_start();
    if rest.starts_with(['“', '"', '(', '[']) {
        return false;
    }
    let clause_end = rest.find(['.', '!', '?', '“', '"']).unwrap_or(rest.len());
    if !rest[clause_end..].is_empty() && !rest[clause_end..].starts_with('.') {
        return false;
    }
    let words: Vec<&str> = rest[..clause_end].split_whitespace().collect();
    // "He added that 1,200 people had left." carries a statement of its own: a new sentence.
    let reports_more = words
        .iter()
        .any(|w| matches!(*w, "that" | "whether" | "if"));
    !reports_more
        && words.len() <= MAX_ATTRIBUTION_WORDS
        && words.iter().any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            cue_lemma(&w).is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_paragraph(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_numbers() {
        assert_eq!(
            split("Syrian govt. soldiers took 70% of E. Aleppo. Dr. Ali Haidar met U.S. envoys at 3.5 km. Maj.-Gen. Igor Konashenkov spoke."),
            ["Syrian govt. soldiers took 70% of E. Aleppo.", "Dr. Ali Haidar met U.S. envoys at 3.5 km.", "Maj.-Gen. Igor Konashenkov spoke."]
        );
    }

    #[test]
    fn initials_and_titles_in_names() {
        assert_eq!(
            split("Business leaders honored Donald J. Trump yesterday. Lt. Gen. Michael T. Flynn spoke at 9 a.m. on Monday. It ended."),
            ["Business leaders honored Donald J. Trump yesterday.", "Lt. Gen. Michael T. Flynn spoke at 9 a.m. on Monday.", "It ended."]
        );
    }

    #[test]
    fn us_and_hyphenated_abbreviations() {
        assert_eq!(
            split("Russia and the U.S. disagree on the U.S.-led coalition. The talks go on."),
            [
                "Russia and the U.S. disagree on the U.S.-led coalition.",
                "The talks go on."
            ]
        );
    }

    #[test]
    fn number_abbreviations_only_before_numbers() {
        assert_eq!(
            split("He lives at No. 10 Downing Street. He said no. The talks ended."),
            [
                "He lives at No. 10 Downing Street.",
                "He said no.",
                "The talks ended."
            ]
        );
    }

    #[test]
    fn decimals_thousands_and_money() {
        assert_eq!(
            split("Shell is to pay $1.5bn (£522,000) to 10,500 people. Shares rose 2.3%. 2016 was worse."),
            ["Shell is to pay $1.5bn (£522,000) to 10,500 people.", "Shares rose 2.3%.", "2016 was worse."]
        );
    }

    #[test]
    fn quotes_stay_with_their_attribution() {
        assert_eq!(
            split("“We won. We stay,” he said. “Next… maybe.” Then more."),
            [
                "“We won. We stay,” he said.",
                "“Next… maybe.”",
                "Then more."
            ]
        );
        assert_eq!(
            split("\"It is over. Done!\" said Lavrov. Fine."),
            ["\"It is over. Done!\" said Lavrov.", "Fine."]
        );
    }

    #[test]
    fn reported_speech_after_a_closing_quote_is_a_new_sentence() {
        assert_eq!(
            split("Lavrov said: “The talks will continue.” He added that 1,200 people had left."),
            [
                "Lavrov said: “The talks will continue.”",
                "He added that 1,200 people had left."
            ]
        );
    }

    #[test]
    fn attribution_after_a_closing_quote_joins_the_quote() {
        // PolNeAR: "“This is sophomoric,” Alicia Powe wrote on Young Conservatives. “Blacklisted?”"
        assert_eq!(
            split("“Who cares? It was her speech.” Trump said. “Blacklisted?” The party met."),
            [
                "“Who cares? It was her speech.” Trump said.",
                "“Blacklisted?”",
                "The party met."
            ]
        );
    }

    #[test]
    fn nyt_double_apostrophe_quotes() {
        assert_eq!(
            split("''We may be seeing wage growth. It is early,'' the economist said. Then more."),
            [
                "''We may be seeing wage growth. It is early,'' the economist said.",
                "Then more."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("“What’s going on is very big … for Bill Clinton,” he said. He paused... Then he left. It was over…"),
            ["“What’s going on is very big … for Bill Clinton,” he said.", "He paused...", "Then he left.", "It was over…"]
        );
    }

    #[test]
    fn brackets_inside_and_after_sentences() {
        // seed 002: "I hope ... [Russia] has created humanitarian corridors [in Aleppo] ..."
        assert_eq!(
            split("Forces patrol Aleppo on December 14, 2016. (Photo by AFP) The corridors [in Aleppo. See map] stay open. (They did.) Fine."),
            ["Forces patrol Aleppo on December 14, 2016.", "(Photo by AFP) The corridors [in Aleppo. See map] stay open.", "(They did.)", "Fine."]
        );
    }

    #[test]
    fn brackets_and_ellipses_inside_a_quote() {
        // seed 002 and 003: brackets and "…" inside quotes that run over several sentences.
        assert_eq!(
            split("“I hope that the situation in Aleppo will be resolved in two to three days. [Russia] has created humanitarian corridors … for civilians,” he said. The talks went on."),
            [
                "“I hope that the situation in Aleppo will be resolved in two to three days. [Russia] has created humanitarian corridors … for civilians,” he said.",
                "The talks went on."
            ]
        );
        assert_eq!(
            split(
                "“As for the militants leaving [Aleppo] … they were offered to leave.” He stopped."
            ),
            [
                "“As for the militants leaving [Aleppo] … they were offered to leave.”",
                "He stopped."
            ]
        );
    }

    #[test]
    fn thousands_and_lowercase_continuations() {
        assert_eq!(
            split("About 10,500 people left. the rest stayed."),
            ["About 10,500 people left. the rest stayed."]
        );
    }

    #[test]
    fn multibyte_before_a_stop_does_not_panic() {
        // PolNeAR: a word right after an opening curly quote, then a period and a capital.
        assert_eq!(
            split("He wrote “Invisible. Then “Latino enough. Fine."),
            ["He wrote “Invisible. Then “Latino enough. Fine."]
        );
        assert_eq!(split("Café “é. X"), ["Café “é. X"]);
        assert_eq!(split("Ali “Ö. Bar"), ["Ali “Ö. Bar"]);
    }

    #[test]
    fn unclosed_quote_does_not_swallow_paragraph_forever() {
        let long = format!("“{}. Next sentence.", "word ".repeat(400));
        assert_eq!(split(&long).len(), 2);
    }

    #[test]
    fn captions_are_flagged() {
        let text = "Syrian government forces patrol the northern city of Aleppo on December 14, 2016. (Photo by AFP)\n\nGetty.\n\nThe army photographed the city.";
        let mut paras = Vec::new();
        let mut at = 0;
        for p in text.split("\n\n") {
            paras.push(Span::new(at, at + p.len()));
            at += p.len() + 2;
        }
        let flags: Vec<bool> = split_sentences(text, &paras)
            .iter()
            .map(|s| s.is_caption)
            .collect();
        assert_eq!(flags, [true, true, true, false]);
    }
}
