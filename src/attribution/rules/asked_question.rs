//! Rule `asked_question` (see its entry in `crate::rules::RULES`); cases in `tests/rules/asked_question.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// "Asked whether he would counsel Clinton to ask Sanders to join her ticket, Reid said ...":
/// the question put to the subject of the main clause is its own attribution (the asker is
/// unnamed; the one asked is the source, as PolNeAR annotates it).
pub(crate) fn asked_question(lx: &Lexicon, text: &str, s: Span, out: &[Found]) -> Option<Found> {
    let sentence = s.slice(text);
    let lead = sentence
        .strip_prefix("When ")
        .or_else(|| sentence.strip_prefix("But "))
        .unwrap_or(sentence);
    let rest = lead.strip_prefix("Asked ")?;
    let cue_start = s.byte_start + (sentence.len() - lead.len());
    let cue = Span::new(cue_start, cue_start + "Asked".len());
    let rest_start = s.byte_start + (sentence.len() - rest.len());
    let comma = rest.find(", ")?;
    // The question starts at its wh-word or "about", within the first few words ("Asked by
    // Ingraham on Thursday about increasing ...", "Asked specifically what ...").
    let (q, _) = word_positions(&rest[..comma])
        .into_iter()
        .take(8)
        .find(|(_, w)| QUESTION_WORDS.contains(w) || *w == "about")?;
    let content = trim_region(text, Span::new(rest_start + q, rest_start + comma));
    if content.slice(text).split_whitespace().count() < 2 {
        return None;
    }
    // The one asked: the subject after the comma ("..., Reid said", "..., he replied").
    let after = &rest[comma + 2..];
    let subject_words: Vec<&str> = after
        .split_whitespace()
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || PRONOUNS.iter().any(|(p, _)| p == w)
        })
        .take(4)
        .collect();
    if subject_words.is_empty() {
        return None;
    }
    let phrase_len = subject_words.join(" ").len();
    let phrase_start = rest_start + comma + 2 + (after.len() - after.trim_start().len());
    let phrase = text.get(phrase_start..phrase_start + phrase_len)?;
    let chunk = chunk_source(lx, phrase_start, phrase.trim_end_matches([',', '.']), false)?;
    let span = Span::new(cue.byte_start, content.byte_end);
    if out.iter().any(|f| f.span.overlaps(span)) {
        return None;
    }
    Some(Found {
        rule: Rule::AskedQuestion,
        kind: ClaimKind::Indirect,
        written: chunk.span,
        chunk,
        cue: Some(cue),
        content,
        span,
        hedge: None,
        sentence: 0,
    })
}
