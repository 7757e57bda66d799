//! Rule `trailing` (see its entry in `crate::rules::RULES`); cases in `tests/rules/trailing.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// `“...,” X said`, `..., Russia says.`, `..., said X, a spokesman ...`: the content is the
/// sentence before the attribution.
pub(crate) fn trailing(
    lx: &Lexicon,
    text: &str,
    s: Span,
    cue: Cue,
    quotes: &[Span],
) -> Option<Found> {
    // “... president of the United States, Donald J. Trump!” US Senator Jeff Sessions said as
    // he launched the process.: the quote closed the sentence before.
    let prev_quote = quotes
        .iter()
        .find(|q| q.byte_end <= s.byte_start && text[q.byte_end..s.byte_start].trim().is_empty())
        .copied();
    if cue.lemma == "call" {
        return None;
    }
    let before = &text[s.byte_start..cue.span.byte_start];
    let before_trim = before.trim_end();
    // The boundary between content and attribution: a comma or a closing quote.
    let ends_clause = |t: &str| t.ends_with([',', '”', '"']) || t.ends_with("''");
    // Cue first: "..., said X".
    let cue_first = if ends_clause(before_trim) && !is_participle(cue.span.slice(text)) {
        source_after(lx, text, cue.span.byte_end, s.byte_end).map(|chunk| {
            let end = chunk.span.byte_end;
            (
                s.byte_start + before_trim.len(),
                chunk.clone(),
                chunk.span,
                None,
                end,
            )
        })
    } else {
        None
    };
    let (boundary, chunk, written, hedge, source_end) = match cue_first {
        Some(found) => found,
        None => {
            let (chunk, written, hedge) =
                source_before(lx, text, s.byte_start, cue.span.byte_start)?;
            let head = &text[s.byte_start..written.byte_start];
            let head_trim = head.trim_end();
            match prev_quote {
                Some(q) if head_trim.is_empty() => {
                    let found = Found {
                        rule: Rule::Trailing,
                        kind: ClaimKind::Direct,
                        written,
                        cue: Some(cue.span),
                        content: quotes::inner(text, q),
                        span: Span::new(q.byte_start, cue.span.byte_end),
                        chunk,
                        hedge,
                        sentence: 0,
                    };
                    let after = &text[cue.span.byte_end..s.byte_end];
                    return (word_positions(after).len() <= 12
                        && !after.trim_start().starts_with("that "))
                    .then_some(found);
                }
                _ => {}
            }
            if !ends_clause(head_trim) {
                return None;
            }
            (
                s.byte_start + head_trim.len(),
                chunk,
                written,
                hedge,
                cue.span.byte_end,
            )
        }
    };
    let mut content_start = s.byte_start;
    // "According to the proposal, ..., dpa news agency reports.": the claim is dpa's.
    let head = &text[s.byte_start..boundary];
    if head.starts_with("According to ") {
        if let Some(c) = head.find(", ") {
            content_start = s.byte_start + c + 2;
        }
    }
    let region = trim_region(text, Span::new(content_start, boundary));
    if region.is_empty()
        || region.slice(text).split_whitespace().count() < 2 && !is_quoted(text, region)
    {
        return None;
    }
    // The rest of the sentence must be short (time, channel) or a new clause ("..., adding that").
    let tail_from = source_end.max(cue.span.byte_end);
    let tail = &text[tail_from..s.byte_end];
    // Words of the tail up to a new clause ("..., stressing that ...").
    let tail_words = {
        let words = word_positions(tail);
        words
            .iter()
            .position(|(p, w)| {
                w.ends_with("ing") && tail[..*p].trim_end().ends_with(',') && lx.cues().is_match(w)
            })
            .unwrap_or(words.len())
    };
    let tail_trim = tail.trim_start_matches([',', ' ']);
    let continues_quote = tail_trim.starts_with(['“', '"']);
    // "On Tuesday, Lavrov said that ...": the content follows, this is no trailing attribution.
    if tail.trim_start().starts_with("that ") || tail.trim_start().starts_with(':') {
        return None;
    }
    let (mut kind, mut content) = content_kind(text, region, quotes);
    // "After reciting this passage, Beck said, “Man o’live ...”": the quote is the content.
    if continues_quote && kind != ClaimKind::Direct {
        return None;
    }
    // A quotation followed by its speaker is attributed whatever follows ("“I love Oreos,” Trump
    // said in August after Nabisco announced it was laying off 600 bakery workers").
    let quote_then_speaker =
        text[..boundary].ends_with(['”', '"']) || text[..boundary].ends_with("''");
    if tail_words > 10 && !continues_quote && kind != ClaimKind::Direct && !quote_then_speaker {
        return None;
    }
    // "The army, officials said, advanced further": the content runs on after the attribution.
    let runs_on = tail.starts_with(", ")
        && !continues_quote
        && tail[2..]
            .split(", ")
            .next()
            .is_some_and(|t| t.split_whitespace().count() >= 2)
        && !lx
            .cues()
            .is_match(tail_trim.split_whitespace().next().unwrap_or(""))
        && !tail_trim
            .split_whitespace()
            .next()
            .unwrap_or("")
            .ends_with("ing")
        && tail_trim.split_whitespace().count() >= 2;
    if continues_quote && kind == ClaimKind::Direct {
        // “A,” he said, “B.” is one statement.
        if let Some(q) = quotes
            .iter()
            .find(|q| q.byte_start >= tail_from && q.byte_start < s.byte_end)
        {
            content.byte_end = quotes::inner(text, *q).byte_end;
        }
    }
    if runs_on && kind == ClaimKind::Indirect {
        content.byte_end = trim_region(text, Span::new(tail_from, s.byte_end)).byte_end;
    }
    // ", AP reports." relays a statement: an according-to attribution.
    let according = cue.lemma == "report"
        && (cue.span.slice(text) == "reports" || NEWS_OUTLETS.contains(&chunk.name.as_str()));
    if according && kind == ClaimKind::Indirect {
        kind = ClaimKind::AccordingTo;
    }
    let start = content.byte_start.min(region.byte_start);
    let end = source_end.max(cue.span.byte_end).max(content.byte_end);
    Some(Found {
        rule: Rule::Trailing,
        kind,
        chunk,
        written,
        cue: Some(cue.span),
        content,
        span: Span::new(start, end),
        hedge,
        sentence: 0,
    })
}
