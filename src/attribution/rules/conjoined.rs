//! Rule `conjoined` (see its entry in `crate::rules::RULES`); cases in `tests/rules/conjoined.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// `X said A and said that B`: a reporting verb joined by "and"/"but" to the claim before it
/// in the sentence shares that claim's source.
pub(crate) fn conjoined(
    text: &str,
    s: Span,
    cue: Cue,
    quotes: &[Span],
    out: &[Found],
) -> Option<Found> {
    let prev = out.last()?;
    let before = text[prev.content.byte_end..cue.span.byte_start].trim();
    let joined = before
        .trim_start_matches(',')
        .trim()
        .strip_prefix("and")
        .or_else(|| before.strip_prefix("but"))?
        .trim();
    if !(joined.is_empty() || SPEAKER_ADVERBS.contains(&joined)) {
        return None;
    }
    // Only a clause or a quotation is a second statement: the seeds' "The offer ... and said
    // nothing about militants leaving Aleppo" is not.
    let start = content_start(text, cue, s.byte_end);
    let opens_quote = text[start..s.byte_end].starts_with(['“', '"']);
    if !(text[cue.span.byte_end..start].trim().ends_with("that") || opens_quote) {
        return None;
    }
    let region = trim_region(text, cut_region(text, Span::new(start, s.byte_end), quotes));
    if region.slice(text).split_whitespace().count() < 2 && !is_quoted(text, region) {
        return None;
    }
    let (kind, content) = content_kind(text, region, quotes);
    let content = with_that(text, kind, content);
    Some(Found {
        rule: Rule::Conjoined,
        kind,
        written: prev.written,
        chunk: prev.chunk.clone(),
        cue: Some(cue.span),
        content,
        span: Span::new(cue.span.byte_start, content.byte_end.max(region.byte_end)),
        hedge: prev.hedge.clone(),
        sentence: 0,
    })
}
