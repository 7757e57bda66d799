//! Rule `colon_quote` (see its entry in `crate::rules::RULES`); cases in `tests/rules/colon_quote.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// `She then addressed the supporters again: “Here is what I regret. ...”`: a quotation that
/// ends the sentence after a colon is the subject's, even without a reporting verb.
pub(crate) fn colon_quote(
    lx: &Lexicon,
    text: &str,
    s: Span,
    quotes: &[Span],
    out: &[Found],
) -> Option<Found> {
    let q = quotes.iter().find(|q| {
        q.byte_start > s.byte_start
            && q.byte_start < s.byte_end
            && text[s.byte_start..q.byte_start].trim_end().ends_with(':')
    })?;
    if out.iter().any(|f| f.span.overlaps(*q)) {
        return None;
    }
    let end_ok = q.byte_end >= s.byte_end
        || text[q.byte_end..s.byte_end]
            .trim_matches(['.', ' ', '?', '!'])
            .is_empty();
    let clause = &text[s.byte_start..q.byte_start];
    if !end_ok || word_positions(clause).len() > 15 {
        return None;
    }
    let (chunk, hedge) = noun_phrase(lx, text, s.byte_start, subject(text, s, q.byte_start)?)?;
    Some(Found {
        rule: Rule::ColonQuote,
        kind: ClaimKind::Direct,
        written: chunk.span,
        chunk,
        cue: None,
        content: quotes::inner(text, *q),
        span: Span::new(s.byte_start, q.byte_end),
        hedge,
        sentence: 0,
    })
}
