//! Rule `participle` (see its entry in `crate::rules::RULES`); cases in `tests/rules/participle.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// `..., adding that ...`, `..., claiming, “...”`: the source is the claim's before it in the
/// sentence, or the sentence's subject.
pub(crate) fn participle(
    lx: &Lexicon,
    text: &str,
    s: Span,
    cue: Cue,
    quotes: &[Span],
    out: &[Found],
    earlier: &[Claim],
) -> Option<Found> {
    let written = cue.span.slice(text);
    if !is_participle(written) {
        return None;
    }
    let next_word = text[cue.span.byte_end..s.byte_end]
        .split_whitespace()
        .next()
        .unwrap_or("");
    if cue.lemma == "call" && NOT_A_CUE_AFTER.contains(&next_word) {
        return None;
    }
    // "..., saying", "Marco Rubio flipped his choice on the spot – saying", "while saying that",
    // "distanced himself from the movement by saying he would ...".
    let before = text[s.byte_start..cue.span.byte_start].trim_end();
    let share = polled_share(lx, text, s, cue);
    if share.is_none()
        && !(before.ends_with([',', '—', '–'])
            || before.ends_with(" -")
            || [" while", " by", " and"]
                .iter()
                .any(|w| before.ends_with(w)))
    {
        return None;
    }
    let start = content_start(text, cue, s.byte_end);
    let region = trim_region(text, cut_region(text, Span::new(start, s.byte_end), quotes));
    if region.slice(text).split_whitespace().count() < 2 && !is_quoted(text, region) {
        return None;
    }
    let (kind, content) = content_kind(text, region, quotes);
    let content = with_that(text, kind, content);
    let (chunk, hedge) = if let Some(share) = share {
        share
    } else if let Some(prev) = out.last() {
        (prev.chunk.clone(), prev.hedge.clone())
    } else {
        let subject = subject(text, s, cue.span.byte_start)?;
        noun_phrase(lx, text, s.byte_start, subject)?
    };
    let _ = earlier;
    Some(Found {
        rule: Rule::Participle,
        kind,
        written: chunk.span,
        chunk,
        cue: Some(cue.span),
        content,
        span: Span::new(cue.span.byte_start, content.byte_end.max(region.byte_end)),
        hedge,
        sentence: 0,
    })
}

/// "Voters still view Mrs. Clinton as more prepared, with 50 percent saying she is prepared": a
/// share of the polled after "with" is the source of the participle right after it.
pub(crate) fn polled_share(
    lx: &Lexicon,
    text: &str,
    s: Span,
    cue: Cue,
) -> Option<(SourceChunk, Option<String>)> {
    let before = &text[s.byte_start..cue.span.byte_start];
    let with = before
        .rfind(" with ")
        .map(|p| p + 6)
        .or_else(|| before.starts_with("With ").then_some(5))?;
    let phrase = before[with..].trim_end();
    let words = phrase.split_whitespace().count();
    let share_word = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w,
                "percent" | "half" | "majority" | "third" | "thirds" | "quarter" | "quarters"
            )
            || w.ends_with("-thirds")
            || w.ends_with("-quarters")
    };
    if !(1..=6).contains(&words)
        || !phrase.split_whitespace().any(share_word)
        || phrase.contains([',', ';', '“', '"', '(', ')'])
    {
        return None;
    }
    let start = s.byte_start + with;
    noun_phrase(lx, text, start, start + phrase.len())
}
