//! Rule `impression` (see its entry in `crate::rules::RULES`); cases in `tests/rules/impression.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// "The House is expected to pass a bipartisan bill later this week", "Donald Trump on Tuesday
/// seemed to imply that ...": a clause around a verb of impression or expectation is a view
/// whose holder the text leaves unnamed. The content is the whole clause, the source empty.
pub(crate) fn impressions(text: &str, s: Span, quotes: &[Span], out: &[Found]) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let sentence = s.slice(text);
    for m in IMPRESSION_RE.find_iter(sentence) {
        let cue = Span::new(s.byte_start + m.start(), s.byte_start + m.end());
        let taken = |f: &Found| f.span.overlaps(cue) || f.content.overlaps(cue);
        if out.iter().any(taken)
            || found.iter().any(taken)
            || quotes
                .iter()
                .any(|q| q.byte_start < cue.byte_start && cue.byte_start < q.byte_end)
        {
            continue;
        }
        let next = text[cue.byte_end..s.byte_end]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches([',', '.']);
        // "appeared on Fox News" is a presence, "appeared to concede" an impression.
        if m.as_str().starts_with("appear") && !APPEAR_COMPLEMENTS.contains(&next) {
            continue;
        }
        let start = clause_start(text, s.byte_start, cue.byte_start);
        let end = trim_region(
            text,
            cut_region(text, Span::new(cue.byte_end, s.byte_end), quotes),
        );
        if end.is_empty() || end.slice(text).split_whitespace().count() < 2 {
            continue;
        }
        let region = Span::new(start, end.byte_end);
        if region.slice(text).split_whitespace().count() < 4 {
            continue;
        }
        // A quotation inside the clause makes it mixed; the content stays the whole clause.
        let kind = match content_kind(text, region, quotes).0 {
            ClaimKind::Indirect => ClaimKind::Indirect,
            _ => ClaimKind::Mixed,
        };
        found.push(Found {
            rule: Rule::Impression,
            kind,
            chunk: SourceChunk {
                span: Span::new(cue.byte_start, cue.byte_start),
                name: String::new(),
                role: None,
            },
            written: Span::new(cue.byte_start, cue.byte_start),
            cue: Some(cue),
            content: region,
            span: region,
            hedge: None,
            sentence: 0,
        });
    }
    found
}
