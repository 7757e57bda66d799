//! Rule `leading` (see its entry in `crate::rules::RULES`); cases in `tests/rules/leading.toml`.
//! Reads the text it is given and returns a `Found` (or nothing); it must not resolve sources or
//! read relays and hedges: the parent's `finish` does that for every rule alike.

use super::super::*;

/// `X said (that) ...`, `X told journalists that ...`, `X said: “...”`: the content follows.
pub(crate) fn leading(
    lx: &Lexicon,
    text: &str,
    s: Span,
    cue: Cue,
    quotes: &[Span],
) -> Option<Found> {
    if matches!(cue.lemma, "read") || is_participle(cue.span.slice(text)) {
        return None;
    }
    let before = text[s.byte_start..cue.span.byte_start].trim_end();
    let (chunk, written, hedge) = match source_before(lx, text, s.byte_start, cue.span.byte_start) {
        Some(found) => found,
        // "Hayek confirmed she had been and said, “America has ...”": the subject speaks.
        None if before.ends_with(" and") || before.ends_with(" but") => {
            let (chunk, hedge) = noun_phrase(
                lx,
                text,
                s.byte_start,
                subject(text, s, cue.span.byte_start)?,
            )?;
            let written = chunk.span;
            (chunk, written, hedge)
        }
        None => return None,
    };
    // "“I love Oreos,” Trump said in August": a trailing attribution, never a leading one.
    // But "In an interview on Fox’s “Sunday Morning Futures,” Rep. Darrell Issa said Clinton
    // is wrong": a title in quotes inside a phrase that leads in.
    let head = text[s.byte_start..written.byte_start].trim_end();
    if (head.ends_with(['”', '"']) || head.ends_with("''"))
        && !quotes
            .iter()
            .any(|q| q.byte_end == s.byte_start + head.len() && is_quoted_title(text, s, *q))
    {
        return None;
    }
    let after = &text[cue.span.byte_end..s.byte_end];
    let next_word = after.split_whitespace().next().unwrap_or("");
    if cue.lemma == "call" && NOT_A_CUE_AFTER.contains(&next_word) {
        return None;
    }
    let start = content_start(text, cue, s.byte_end);
    // Verbs with other senses ("The conflict has claimed the lives of ...") report only with
    // "that", a colon or a quotation after them.
    if AMBIGUOUS_LEMMAS.contains(&cue.lemma) {
        let between = text[cue.span.byte_end..start].trim();
        let opens_quote = text[start..s.byte_end].starts_with(['“', '"'])
            || quotes
                .iter()
                .any(|q| q.byte_start >= start && q.byte_start < s.byte_end);
        // "A June poll found Trump receiving 20 percent": evidence reports without "that".
        let evidence = EVIDENCE_LEMMAS.contains(&cue.lemma)
            && written
                .slice(text)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| EVIDENCE_NOUNS.contains(&w.to_lowercase().as_str()));
        // "A reporter asked Sanders how he is feeling on caucus day": a question reports.
        let question = cue.lemma == "ask"
            && text[cue.span.byte_end..s.byte_end]
                .split_whitespace()
                .take(4)
                .any(|w| QUESTION_WORDS.contains(&w));
        // "Sexton described the rally-goers as seeming almost shocked": a characterisation
        // reports.
        let object_words = |n: usize| {
            text[cue.span.byte_end..s.byte_end]
                .split_whitespace()
                .take(n)
        };
        let characterisation = cue.lemma == "describe" && object_words(8).any(|w| w == "as");
        // "Paris claims she was first sent ...": a subject pronoun opens the reported clause,
        // which no object sense takes ("has claimed the lives", "claimed it").
        // Not for the verbs that are as often nouns or take an object clause of another kind
        // ("the tweets he sent", "to show she can", "knew I knew").
        let pronoun_clause = matches!(next_word, "he" | "she" | "they" | "we" | "I")
            && !matches!(cue.lemma, "show" | "tweet" | "post" | "read" | "know");
        if !(between.ends_with("that")
            || pronoun_clause
            || between.ends_with(':')
            || opens_quote
            || evidence
            || question
            || characterisation
            || cue.lemma == "call")
        {
            return None;
        }
    }
    let region = cut_region(text, Span::new(start, s.byte_end), quotes);
    let region = trim_region(text, region);
    if region.slice(text).split_whitespace().count() < 2 && !is_quoted(text, region) {
        return None;
    }
    let (mut kind, mut content) = content_kind(text, region, quotes);
    // "She declared “What a Super Tuesday!” and said that ...": the quotation is the content.
    if let Some(q) = quotes
        .iter()
        .find(|q| q.byte_start == region.byte_start && q.byte_end < region.byte_end)
    {
        let rest = text[q.byte_end..region.byte_end].trim_start();
        if rest.starts_with("and ") || rest.starts_with(',') {
            kind = ClaimKind::Direct;
            content = quotes::inner(text, *q);
        }
    }
    if cue.lemma == "call" && kind == ClaimKind::Indirect {
        return None; // "X called the meeting" reports nothing; "X called it a “victory”" does.
    }
    // "Ayrault called for the meeting, claiming, “...”": asking for an event already named
    // reports nothing ("called for a ceasefire" does).
    if matches!(cue.lemma, "call for" | "call on") && kind == ClaimKind::Indirect {
        let words: Vec<&str> = content.slice(text).split_whitespace().collect();
        if words.len() <= 3
            && matches!(
                words[0].to_lowercase().as_str(),
                "the" | "this" | "that" | "such"
            )
            && EVENT_NOUNS.contains(&words[words.len() - 1])
        {
            return None;
        }
    }
    // "Christie endorsed Trump last week and has appeared at the billionaire businessman’s side":
    // a stance's content is its object.
    if STANCE_OBJECT_LEMMAS.contains(&cue.lemma) && kind == ClaimKind::Indirect {
        let object = content.slice(text);
        if let Some(cut) = OBJECT_ENDS.iter().filter_map(|w| object.find(w)).min() {
            if cut > 0 {
                content.byte_end = content.byte_start + cut;
            }
        }
    }
    let content = with_that(text, kind, content);
    Some(Found {
        rule: Rule::Leading,
        kind,
        written,
        cue: Some(cue.span),
        span: Span::new(
            written.byte_start.min(chunk.span.byte_start),
            content.byte_end,
        ),
        chunk,
        content,
        hedge,
        sentence: 0,
    })
}
