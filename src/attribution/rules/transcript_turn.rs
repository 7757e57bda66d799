//! Rule `transcript_turn` (see its entry in `crate::rules::RULES`); cases in `tests/rules/transcript_turn.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// A transcript turn: a paragraph opened by a speaker's label ("TRUMP:", "Alex Seitz-Wald:",
/// "Q:") and a colon; the rest of the paragraph is what the speaker said.
pub(crate) fn transcript_turn(
    lx: &Lexicon,
    text: &str,
    para: Span,
    sentence: usize,
) -> Option<Found> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}):\s+\S").unwrap()
    });
    let p = para.slice(text);
    let m = LABEL.find(p)?;
    let colon = p[..m.end()].rfind(':')?;
    let label = &p[..colon];
    if label.split_whitespace().any(|w| {
        NOT_SPEAKER_LABELS.contains(&w) || NOT_IN_SOURCE.contains(&w.to_lowercase().as_str())
    }) {
        return None;
    }
    let content = trim_region(text, Span::new(para.byte_start + colon + 1, para.byte_end));
    if content.slice(text).split_whitespace().count() < 3 {
        return None;
    }
    let chunk = chunk_source(lx, para.byte_start, label, false)?;
    Some(Found {
        rule: Rule::TranscriptTurn,
        kind: ClaimKind::Indirect,
        written: chunk.span,
        chunk,
        cue: None,
        content,
        span: para,
        hedge: None,
        sentence,
    })
}
