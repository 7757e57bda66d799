//! Sentence splitting with byte spans.
//!
//! A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by space and
//! an upper-case letter, digit or opening quote, and always at a paragraph end. It does not end
//! after an abbreviation or an initial ("Dr.", "govt.", "E. Aleppo", "U.S.", "Maj.-Gen."), in a
//! number ("1.5"), or inside an open double quotation, so that a quote stays in one sentence
//! with its attribution ("“We won. We stay,” he said.").

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::document::{Sentence, Span};
use crate::lexicon::abbreviations::ABBREVIATIONS;

static ABBREVIATION_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

/// Quotations longer than this many bytes are assumed unbalanced (a missing close quote) and no
/// longer hold a sentence open.
const MAX_QUOTE_BYTES: usize = 1500;

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

/// Photo captions: "... (Photo by AFP)", "Photo: Reuters", "(AFP Photo)".
fn is_caption(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase();
    lower.contains("(photo")
        || lower.starts_with("photo:")
        || lower.contains("photo)")
        || lower.starts_with("file photo")
}

fn split_paragraph(text: &str, para: Span) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = para.byte_start;
    let mut quote_open_at: Option<usize> = None;
    let mut i = para.byte_start;
    while i < para.byte_end {
        let c = text[i..].chars().next().expect("in bounds");
        let len = c.len_utf8();
        match c {
            '“' => quote_open_at = Some(i),
            '”' => quote_open_at = None,
            '"' => {
                quote_open_at = match quote_open_at {
                    Some(_) => None,
                    None => Some(i),
                }
            }
            '.' | '!' | '?' => {
                if quote_open_at.is_some_and(|q| i - q > MAX_QUOTE_BYTES) {
                    quote_open_at = None;
                }
                // Take closing quotes and brackets into the sentence.
                let mut end = i + len;
                while end < para.byte_end {
                    let next = text[end..].chars().next().expect("in bounds");
                    match next {
                        '"' if quote_open_at.is_some() => quote_open_at = None,
                        '”' | '’' | '\'' | ')' | ']' => {}
                        '.' | '!' | '?' => {}
                        _ => break,
                    }
                    if next == '”' {
                        quote_open_at = None;
                    }
                    end += next.len_utf8();
                }
                if quote_open_at.is_none() && ends_sentence(text, i, end, para.byte_end) {
                    spans.push(Span::new(start, end));
                    let rest = &text[end..para.byte_end];
                    start = end + (rest.len() - rest.trim_start().len());
                    i = start;
                    continue;
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += len;
    }
    let _ = bytes;
    if start < para.byte_end {
        spans.push(Span::new(start, para.byte_end));
    }
    spans
}

/// Whether the punctuation at `dot` (its closing run ends at `end`) ends a sentence.
fn ends_sentence(text: &str, dot: usize, end: usize, para_end: usize) -> bool {
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
        return false;
    }
    if text.as_bytes()[dot] != b'.' {
        return true;
    }
    let word_start = text[..dot]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '“' | '"'))
        .map_or(0, |(p, c)| p + c.len_utf8()); // a no-break space is two bytes
    let word = &text[word_start..dot];
    let word = word.trim_start_matches(['-', '–']);
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial: "E. Aleppo", "John F. Kennedy"
    }
    if word.contains('.') && word.len() <= 6 {
        return false; // "U.S.", "a.m."
    }
    !ABBREVIATION_SET.contains(word)
        && !ABBREVIATION_SET.contains(word.rsplit('-').next().unwrap_or(word))
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
    fn thousands_and_lowercase_continuations() {
        assert_eq!(
            split("About 10,500 people left. the rest stayed."),
            ["About 10,500 people left. the rest stayed."]
        );
    }

    #[test]
    fn unclosed_quote_does_not_swallow_paragraph_forever() {
        let long = format!("“{}. Next sentence.", "word ".repeat(400));
        assert_eq!(split(&long).len(), 2);
    }
}
