//! Quotation marks: pairing curly and straight double quotes (and NYT-style '' ... '') within a
//! sentence ([`find_quotations`]) or over a whole paragraph ([`pair_quotes`]).
//!
//! Pairing is per paragraph, so an odd number of marks (a quote running over several paragraphs
//! opens each and closes only the last) never swallows the rest of the article: an unclosed
//! quote ends with its paragraph.

use crate::document::Span;

/// Quotations shorter than this many words are scare quotes ("ceasefire"), not statements.
pub const MIN_QUOTE_WORDS: usize = 3;

/// Quotations inside `sentence`, as spans including their quote marks, in text order.
pub fn find_quotations(text: &str, sentence: Span) -> Vec<Span> {
    let s = sentence.slice(text);
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mark = match c {
            '“' | '”' | '"' | '«' | '»' => c,
            '\'' if chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                chars.next();
                '\''
            }
            _ => continue,
        };
        let mark_len = if mark == '\'' { 2 } else { mark.len_utf8() };
        match open {
            None if matches!(mark, '“' | '"' | '«' | '\'') => open = Some((i, mark)),
            Some((start, opener)) if closes(opener, mark) => {
                let span = Span::new(
                    sentence.byte_start + start,
                    sentence.byte_start + i + mark_len,
                );
                if word_count(span.slice(text)) >= MIN_QUOTE_WORDS {
                    out.push(span);
                }
                open = None;
            }
            Some(_) if mark == '“' => open = Some((i, mark)),
            _ => {}
        }
    }
    // A quotation opened and not closed in this sentence runs to the sentence end (a quote
    // continued over paragraphs opens each and closes only the last).
    if let Some((start, _)) = open {
        let span = Span::new(sentence.byte_start + start, sentence.byte_end);
        if word_count(span.slice(text)) >= MIN_QUOTE_WORDS {
            out.push(span);
        }
    }
    out
}

/// Every quotation of a paragraph, as spans including their marks, whatever their length. A
/// quote left open runs to the paragraph end. `“` opens, `”` closes, straight `"` and NYT `''`
/// toggle; an opening mark inside an open quote is ignored (the same rule as PolNeAR's gold).
pub fn pair_quotes(text: &str, paragraph: Span) -> Vec<Span> {
    let p = paragraph.slice(text);
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < p.len() {
        // Only `"`, `'` and the marks whose UTF-8 starts 0xE2 (“ ”) or 0xC2 (« ») matter: skip
        // to the next such byte instead of decoding every character (this loop was 4% of all
        // instructions).
        match bytes[i..]
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2))
        {
            Some(skip) => i += skip,
            None => break,
        }
        let c = p[i..].chars().next().expect("in bounds");
        let (width, straight) = if bytes[i] == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
            (2, true)
        } else {
            (c.len_utf8(), c == '"')
        };
        let opens = matches!(c, '“' | '«') || straight;
        let closes = matches!(c, '”' | '»') || straight;
        match open {
            None if opens => open = Some(i),
            Some(start) if closes => {
                out.push(Span::new(
                    paragraph.byte_start + start,
                    paragraph.byte_start + i + width,
                ));
                open = None;
            }
            _ => {}
        }
        i += width;
    }
    if let Some(start) = open {
        out.push(Span::new(paragraph.byte_start + start, paragraph.byte_end));
    }
    out
}

/// Whether a quotation span ends with a closing mark (it may instead run to its paragraph end).
pub fn is_closed(text: &str, quote: Span) -> bool {
    let s = quote.slice(text);
    s.chars().count() > 1 && (s.ends_with(['”', '"', '»']) || s.len() > 3 && s.ends_with("''"))
}

fn closes(opener: char, mark: char) -> bool {
    matches!(
        (opener, mark),
        ('“', '”') | ('“', '"') | ('"', '"') | ('"', '”') | ('«', '»') | ('\'', '\'')
    )
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The content of a quotation: inside the marks, trimmed of spaces.
pub fn inner(text: &str, quote: Span) -> Span {
    let s = quote.slice(text);
    let open = s
        .chars()
        .next()
        .map_or(0, |c| if c == '\'' { 2 } else { c.len_utf8() });
    let close = match s.chars().last() {
        Some(c @ ('”' | '"' | '»')) if s.len() > open => c.len_utf8(),
        Some('\'') if s.ends_with("''") && s.len() > open + 1 => 2,
        _ => 0,
    };
    let body = &s[open..s.len() - close];
    let lead = body.len() - body.trim_start().len();
    let trail = body.len() - body.trim_end().len();
    Span::new(
        quote.byte_start + open + lead,
        quote.byte_end - close - trail,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> Vec<&str> {
        find_quotations(s, Span::new(0, s.len()))
            .into_iter()
            .map(|q| inner(s, q).slice(s))
            .collect()
    }

    #[test]
    fn curly_straight_and_nyt() {
        assert_eq!(
            quotes("“We will not accept any truce,” he said."),
            ["We will not accept any truce,"]
        );
        assert_eq!(
            quotes("\"We will not accept any truce,\" he said."),
            ["We will not accept any truce,"]
        );
        assert_eq!(
            quotes("''We will not accept any truce,'' he said."),
            ["We will not accept any truce,"]
        );
    }

    #[test]
    fn paragraph_pairing_keeps_unclosed_quote_in_its_paragraph() {
        let t = "“Unfortunately, only a few left,” he said. ''Fine,'' she said. “It goes on";
        let got: Vec<&str> = pair_quotes(t, Span::new(0, t.len()))
            .into_iter()
            .map(|q| q.slice(t))
            .collect();
        assert_eq!(
            got,
            [
                "“Unfortunately, only a few left,”",
                "''Fine,''",
                "“It goes on"
            ]
        );
    }

    #[test]
    fn scare_quotes_skipped_and_open_quote_runs_to_end() {
        assert_eq!(
            quotes("a “ceasefire” in Aleppo and a “humanitarian pause”"),
            Vec::<&str>::new()
        );
        assert_eq!(
            quotes("“It will continue for a long time"),
            ["It will continue for a long time"]
        );
    }
}
