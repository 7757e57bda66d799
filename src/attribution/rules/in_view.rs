//! Rule `in_view` (see its entry in `crate::rules::RULES`); cases in `tests/rules/in_view.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// A sentence opened by the view or poll it reports: "In Trump's mind, the party owes him" or
/// "In the new Morning Consult poll, 40 percent of likely Democratic voters back Sanders". The
/// phrase after "In" is the source, "In" the cue, the clause after the comma the content.
pub(crate) fn in_view(text: &str, s: Span, quotes: &[Span], out: &[Found]) -> Option<Found> {
    let sentence = s.slice(text);
    let lead = sentence.len() - sentence.trim_start().len();
    let rest = sentence.trim_start().strip_prefix("In ")?;
    let comma = rest.find(", ")?;
    let phrase = &rest[..comma];
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let last = words[words.len() - 1].to_lowercase();
    // "In Trump's mind", "in Forbes’ words": a possessor and a noun of thought or speech.
    let possessor = words.len() == 2
        && (words[0].ends_with("'s")
            || words[0].ends_with("’s")
            || words[0].ends_with(['\'', '’']))
        && words[0].starts_with(char::is_uppercase)
        && VIEW_NOUNS.contains(&last.as_str());
    // "In response to the filings," and "In the video," open no report.
    let poll = POLL_NOUNS.contains(&last.as_str());
    if !(possessor || poll) {
        return None;
    }
    let cue = Span::new(s.byte_start + lead, s.byte_start + lead + 2);
    let source_start = cue.byte_end + 1;
    let source = Span::new(source_start, source_start + phrase.len());
    // "In the new Morning Consult poll, conducted March 11-13, 40 percent ...": the
    // participle phrase describes the poll.
    let mut from = source.byte_end + 1;
    let after = &text[from..s.byte_end];
    let first = after.split_whitespace().next().unwrap_or("");
    if first.ends_with("ed") && first.starts_with(char::is_lowercase) {
        from += after.find(", ")? + 1;
    }
    let region = trim_region(text, cut_region(text, Span::new(from, s.byte_end), quotes));
    let first = region.slice(text).split_whitespace().next().unwrap_or("");
    if region.slice(text).split_whitespace().count() < 4
        || matches!(first, "who" | "which" | "that" | "where")
        || out
            .iter()
            .any(|f| f.span.overlaps(region) || f.content.overlaps(source))
    {
        return None;
    }
    let name = if possessor {
        words[0]
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches(['\'', '’'])
            .to_owned()
    } else {
        phrase.to_owned()
    };
    let kind = content_kind(text, region, quotes).0;
    Some(Found {
        rule: Rule::InView,
        kind,
        chunk: SourceChunk {
            span: source,
            name,
            role: None,
        },
        written: source,
        cue: Some(cue),
        content: region,
        span: Span::new(cue.byte_start, region.byte_end),
        hedge: None,
        sentence: 0,
    })
}
