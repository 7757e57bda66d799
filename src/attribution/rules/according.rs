//! Rule `according` (see its entry in `crate::rules::RULES`); cases in `tests/rules/according.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// `..., according to X.`, `According to X, ...`, `..., as reported by X.`
pub(crate) fn according(
    lx: &Lexicon,
    text: &str,
    s: Span,
    cue: Cue,
    quotes: &[Span],
    later_cue: bool,
) -> Option<Found> {
    // "But, according to the poll, 46 percent ..." starts the sentence too.
    let lead_in = text[s.byte_start..cue.span.byte_start]
        .trim()
        .trim_end_matches(',');
    let at_start = lead_in.is_empty()
        || matches!(
            lead_in,
            "But" | "And" | "Yet" | "So" | "However" | "Still" | "Now" | "Also"
        );
    let src_from = cue.span.byte_end;
    let rest = &text[src_from..s.byte_end];
    let lead = rest.len() - rest.trim_start().len();
    let mut end = rest
        .find([',', '.', ';', '!', '?', '“', '"', '('])
        .unwrap_or(rest.len());
    // "according to an estimate by UN special envoy ... Staffan de Mistura": the source follows "by".
    let phrase = &rest[lead..end];
    let (phrase_start, phrase) = match phrase.find(" by ") {
        Some(b) if phrase[..b].split_whitespace().count() <= 3 => (lead + b + 4, &phrase[b + 4..]),
        _ => (lead, phrase),
    };
    let phrase = phrase.trim_end();
    if phrase.is_empty() || phrase.split_whitespace().count() > 14 {
        return None;
    }
    if at_start && later_cue && !phrase.chars().next()?.is_uppercase() {
        return None; // "According to the proposal, ..., dpa reports."
    }
    // "According to early results of exit polls ...": any phrase can be what a claim rests on.
    let mut chunk = chunk_source(lx, src_from + phrase_start, phrase, false).unwrap_or_else(|| {
        let start = src_from + phrase_start;
        SourceChunk {
            span: Span::new(start, start + phrase.len()),
            name: phrase.to_owned(),
            role: None,
        }
    });
    chunk.name = chunk
        .name
        .strip_suffix(" news agency")
        .unwrap_or(&chunk.name)
        .to_owned();
    let region = if at_start {
        end = rest[end..].find(',').map_or(rest.len(), |c| end + c);
        let from = src_from + (end + 1).min(rest.len());
        trim_region(text, cut_region(text, Span::new(from, s.byte_end), quotes))
    } else {
        let before = trim_region(text, Span::new(s.byte_start, cue.span.byte_start));
        // "One of the decisions they have made, according to a person close to the process, is
        // to turn ...": the content runs around the attribution.
        let after = &rest[end..];
        let runs_on = after.starts_with(", ") && after[2..].split_whitespace().count() >= 2;
        if runs_on {
            let whole = trim_region(
                text,
                cut_region(text, Span::new(s.byte_start, s.byte_end), quotes),
            );
            Span::new(before.byte_start, whole.byte_end.max(before.byte_end))
        } else {
            before
        }
    };
    if region.slice(text).split_whitespace().count() < 3 {
        return None;
    }
    let (kind, content) = content_kind(text, region, quotes);
    let kind = if kind == ClaimKind::Direct {
        kind
    } else {
        ClaimKind::AccordingTo
    };
    Some(Found {
        rule: Rule::According,
        kind,
        written: chunk.span,
        cue: Some(cue.span),
        span: Span::new(
            region.byte_start.min(cue.span.byte_start),
            region.byte_end.max(chunk.span.byte_end),
        ),
        chunk,
        content,
        hedge: None,
        sentence: 0,
    })
}
