//! Content boundaries: where a claim's content starts after its cue, where it ends before a
//! later attribution, a coordinated or relative clause, and whether it is quoted (which makes a
//! claim `direct` or `mixed`). Owns the byte arithmetic of content spans; it does not find cues
//! or sources (`source.rs`, `names.rs`) and does not resolve anything.

use super::*;

/// How far before a cue (bytes) [`coordinated_clause`] looks for its coordinator: six words
/// of a source phrase and the coordinator itself.
pub(super) const COORDINATOR_REACH: usize = 256;

/// Where a content that holds `cue` ends when the cue opens a coordinated clause with its own
/// subject: "Six in 10 Virginia Democratic primary voters said Clinton is honest and trustworthy,
/// and three-quarters said the same of Sanders" ends the first content at "trustworthy". The
/// words between the coordinator and the cue must be a whole source phrase ("three-quarters",
/// "about 6 in 10 white men"), so "said the plan, and that Democrats say ..." is not cut.
pub(super) fn coordinated_clause(
    lx: &Lexicon,
    text: &str,
    content: Span,
    cue: Cue,
) -> Option<usize> {
    if cue.according || is_participle(cue.span.slice(text)) {
        return None;
    }
    // The coordinator stands at most six words before the cue: searching no further back keeps
    // a sentence with thousands of cues (a 2 MB text without a full stop) linear.
    let mut window = content
        .byte_start
        .max(cue.span.byte_start.saturating_sub(COORDINATOR_REACH));
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let seg = &text[content.byte_start..cue.span.byte_start];
    let near = &text[window..cue.span.byte_start];
    let (at, from) = CLAUSE_COORDINATORS
        .iter()
        .filter_map(|c| near.rfind(c).map(|p| (p, p + c.len())))
        .map(|(p, from)| {
            (
                p + window - content.byte_start,
                from + window - content.byte_start,
            )
        })
        .filter(|(_, from)| seg[*from..].starts_with(' '))
        .max_by_key(|(_, from)| *from)?;
    let subject = &seg[from..];
    let words = subject.split_whitespace().count();
    if !(1..=6).contains(&words)
        || subject.contains([',', ';', ':', '“', '”', '"', '(', ')', '—', '–'])
    {
        return None;
    }
    let subject_start = content.byte_start + from + (subject.len() - subject.trim_start().len());
    let (chunk, _) = noun_phrase(lx, text, subject_start, cue.span.byte_start)?;
    if chunk.span.byte_start != subject_start {
        return None;
    }
    let end = trim_region(text, Span::new(content.byte_start, content.byte_start + at)).byte_end;
    (end > content.byte_start).then_some(end)
}

/// Where the content of a "who" clause ends when the main clause's cue follows it: "Barkley,
/// who said he typically votes democratic, said one candidate he likes ..." ends at
/// "democratic"; the comma closes the relative clause.
pub(super) fn relative_clause_end(text: &str, content: Span, cue: Cue) -> Option<usize> {
    if cue.according || is_participle(cue.span.slice(text)) {
        return None;
    }
    let mut seg = text[content.byte_start..cue.span.byte_start].trim_end();
    while let Some((rest, last)) = seg.rsplit_once(' ') {
        if !SPEAKER_ADVERBS.contains(&last) {
            break;
        }
        seg = rest.trim_end();
    }
    let seg = seg.strip_suffix(',')?;
    let end = trim_region(
        text,
        Span::new(content.byte_start, content.byte_start + seg.len()),
    );
    (!end.is_empty()).then_some(end.byte_end)
}

/// Where the clause holding byte `at` starts: after the last comma, dash or clause word before
/// it, skipping back over an empty stretch ("Democrats, too, appeared headed for ...").
pub(super) fn clause_start(text: &str, lo: usize, at: usize) -> usize {
    let mut hi = at;
    loop {
        let seg = &text[lo..hi];
        let mut b = seg
            .rfind([',', ';', ':', '(', '—', '–', '“', '”', '"'])
            .map_or(0, |p| p + seg[p..].chars().next().map_or(1, char::len_utf8));
        if let Some(p) = seg.rfind(" - ") {
            b = b.max(p + 3);
        }
        let words = word_positions(&seg[b..]);
        if let Some(k) = words
            .iter()
            .rposition(|(_, w)| IMPRESSION_CLAUSE_OPENERS.contains(w))
        {
            let (p, w) = words[k];
            if k + 1 < words.len() {
                b += p + w.len();
            }
        }
        let rest = word_positions(&seg[b..]);
        let empty = rest
            .iter()
            .all(|(_, w)| SPEAKER_ADVERBS.contains(&w.to_lowercase().trim_end_matches(',')));
        if !empty || b == 0 {
            let skip = seg[b..].len() - seg[b..].trim_start().len();
            return lo + b + skip;
        }
        // Back over the comma before the empty stretch.
        hi = lo + b - 1;
        while hi > lo && !text.is_char_boundary(hi) {
            hi -= 1;
        }
    }
}

/// Where the content starts after a cue: past a listener ("told journalists"), an adverbial
/// ("said in a statement earlier on Friday"), "that", a colon or a comma.
pub(super) fn content_start(text: &str, cue: Cue, end: usize) -> usize {
    let after = &text[cue.span.byte_end..end];
    let mut pos = 0;
    let words: Vec<(usize, &str)> = word_positions(after);
    let first = words.first().map_or("", |(_, w)| *w);
    let that_within = |limit: usize| {
        words
            .iter()
            .take(limit)
            .take_while(|(_, w)| !w.contains(['.', ';', '“', '"', '”', '?', '!']))
            .find(|(_, w)| *w == "that")
            .map(|(p, w)| p + w.len())
    };
    if TELL_LEMMAS.contains(&cue.lemma) {
        let colon = words
            .iter()
            .take(8)
            .take_while(|(_, w)| !w.contains(['.', '“', '"']))
            .find(|(_, w)| w.ends_with([':', ',']))
            .map(|(p, w)| p + w.len());
        // "asked the senator how he was feeling": the question starts at its wh-word.
        let question = (cue.lemma == "ask")
            .then(|| {
                words
                    .iter()
                    .take(5)
                    .find(|(_, w)| QUESTION_WORDS.contains(w))
            })
            .flatten()
            .map(|(p, _)| *p);
        if let Some(p) = that_within(10).or(colon) {
            pos = p;
        } else if let Some(p) = question {
            pos = p;
        } else if !first.is_empty() {
            pos = words[0].0 + first.len();
        }
    } else if is_adverbial_opener(first.trim_end_matches(','))
        // "SANA reported December 2 that ...": a date between the cue and "that".
        || first.starts_with(char::is_uppercase) && crate::time::month_number(first).is_some()
    {
        if let Some(p) = that_within(14) {
            pos = p;
        } else {
            // "said Wednesday he agrees with Ginsburg’s remarks", "said on Tuesday night it
            // would": the day is when it was said, not what.
            let day = usize::from(first == "on");
            if words.get(day).is_some_and(|(_, w)| is_weekday(w)) {
                let k = day
                    + 1
                    + usize::from(words.get(day + 1).is_some_and(|(_, w)| {
                        matches!(*w, "night" | "morning" | "afternoon" | "evening")
                    }));
                if let Some((p, w)) = words.get(k - 1) {
                    if words.len() > k + 1 {
                        pos = p + w.len();
                    }
                }
            }
        }
    }
    let rest = &after[pos..];
    let rest_trim = rest.trim_start_matches([' ', ',', ':']);
    let mut skip = rest.len() - rest_trim.len();
    if let Some(r) = rest_trim.strip_prefix("that ") {
        skip += rest_trim.len() - r.len();
    }
    cue.span.byte_end + pos + skip
}

/// A reported clause keeps its complementizer: PolNeAR, like most attribution corpora, marks
/// "said **that he would offer a prayer**" (the "that" is part of the content), while a quotation
/// starts at its marks.
pub(super) fn with_that(text: &str, kind: ClaimKind, content: Span) -> Span {
    if kind == ClaimKind::Direct || !text[..content.byte_start].ends_with("that ") {
        return content;
    }
    let start = content.byte_start - "that ".len();
    let word_start = start == 0 || !text[..start].ends_with(|c: char| c.is_alphanumeric());
    if word_start {
        Span::new(start, content.byte_end)
    } else {
        content
    }
}

/// Where a relay's own attribution at the end of `part` starts (", dpa adds.", ", the news
/// agency reported"): a comma, an optional "the", one to three words of letters, dots and
/// hyphens, then "adds", "added", "reports" or "reported", as
/// `^,\s+(?:the\s+)?[\p{L}.-]+(?:\s+[\p{L}.-]+){0,2}\s+(?:adds|added|reports|reported)\W*$` read it.
fn relay_end(part: &str) -> Option<usize> {
    let word = |w: &str| w.chars().all(via::is_relay_word_char);
    via::relay_at_end(&["adds", "added", "reports", "reported"], part, |words| {
        let names = match words {
            [(_, "the"), rest @ ..] if rest.len() == 3 => rest,
            _ => words,
        };
        let (last_at, last) = words.last()?;
        ((1..=3).contains(&names.len()) && names.iter().all(|(_, w)| word(w)))
            .then_some((words[0].0, last_at + last.len()))
    })
    .map(|(comma, _)| comma)
}

/// The words of `s` with their byte offsets (any Unicode space separates, e.g. a no-break space
/// in “...,”\u{a0}he said).
pub(super) fn word_positions(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(b)) => {
                out.push((b, &s[b..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push((b, &s[b..]));
    }
    out
}

/// Cuts a content region before a later attribution of its own: ", according to AP", ", as
/// reported by Reuters", ", adding that ...".
pub(super) fn cut_region(text: &str, region: Span, quotes: &[Span]) -> Span {
    static CUT: LazyLock<Regex> = LazyLock::new(|| {
        let openers = crate::lexicon::alternation(CONTENT_CUT_OPENERS.iter().copied());
        word_regex(&format!(
            r",(?P<q>[”\x22]?)\s+(?:{openers}|[a-z]{{3,}}ing)\b|;\s"
        ))
    });
    // "..., as they no longer see it as a safe option, dpa adds.": a relay's own attribution at
    // the end is not content.
    let region = match relay_end(region.slice(text)) {
        Some(at) => Span::new(region.byte_start, region.byte_start + at),
        None => region,
    };
    let r = region.slice(text);
    // "He said his attacks have given his campaign momentum and said that Trump did not
    // represent ...": a second reporting verb of the same subject starts a second statement.
    if let Some(m) = CONJOINED_CUE.find_iter(r).find(|m| {
        let at = region.byte_start + m.start();
        !quotes.iter().any(|q| q.byte_start < at && at < q.byte_end)
    }) {
        let region = Span::new(region.byte_start, region.byte_start + m.start());
        return cut_region(text, region, quotes);
    }
    for c in CUT.captures_iter(r) {
        let m = c.get(0).unwrap();
        // "he has “expanded the Republican party,” claiming that ...": the cut follows the
        // closing quote, which stays in the content.
        let quote_len = c.name("q").map_or(0, |q| q.len());
        let at = region.byte_start + m.start() + 1 + quote_len;
        let word = m.as_str().rsplit(' ').next().unwrap_or("");
        if NOT_PARTICIPLES.contains(&word) {
            continue; // "more than 9,500 people, including over 4,500 militants"
        }
        if !quotes.iter().any(|q| q.byte_start < at && at < q.byte_end) {
            return Span::new(region.byte_start, at);
        }
    }
    region
}

/// Trims spaces, and a final comma or full stop outside quotation marks.
pub(super) fn trim_region(text: &str, region: Span) -> Span {
    if region.is_empty() {
        return region;
    }
    let r = region.slice(text);
    let lead = r.len() - r.trim_start().len();
    let body = r.trim();
    let body = body.trim_end_matches([',', '.', ';', ':', '!', '?', ' ']);
    let body = if body.is_empty() { r.trim() } else { body };
    Span::new(
        region.byte_start + lead,
        region.byte_start + lead + body.len(),
    )
}

pub(super) fn is_quoted(text: &str, region: Span) -> bool {
    region.slice(text).starts_with(['“', '"', '\''])
}

/// Direct when the region is one quotation (its content then is inside the marks, possibly
/// running past the region when the sentence splitter cut inside it), mixed when it holds one,
/// indirect otherwise.
pub(super) fn content_kind(text: &str, region: Span, quotes: &[Span]) -> (ClaimKind, Span) {
    let end_slack = |q: &Span| {
        q.byte_end >= region.byte_end
            || text[q.byte_end..region.byte_end]
                .trim_matches([',', '.', ' ', '?', '!', ';'])
                .is_empty()
    };
    if let Some(q) = quotes.iter().find(|q| {
        (q.byte_start == region.byte_start
            || q.byte_start < region.byte_start
                && q.byte_end > region.byte_start
                && text[q.byte_start..region.byte_start].len() < 3000)
            && end_slack(q)
    }) {
        // A quote that ran on before the region started still ends here: keep the whole quote.
        let inner = quotes::inner(text, *q);
        if q.byte_start == region.byte_start || q.byte_end <= region.byte_end + 3 {
            return (ClaimKind::Direct, inner);
        }
    }
    if quotes.iter().any(|q| q.overlaps(region)) {
        return (ClaimKind::Mixed, region);
    }
    (ClaimKind::Indirect, region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relay_end_is_the_regex_match() {
        let regex = Regex::new(
            r"^,\s+(?:the\s+)?[\p{L}.-]+(?:\s+[\p{L}.-]+){0,2}\s+(?:adds|added|reports|reported)\W*$",
        )
        .unwrap();
        let pieces = [
            ",", " ", "\u{a0}", "the", "dpa", "news", "agency", "É", "ǅ", "Ⓐ", ".", "-", "5", "_",
            "adds", "added", "reports", "reported", "said", "…", "”", "x",
        ];
        for p in crate::chars::sample_strings(&pieces, 30_000) {
            let t = p.trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
            let exact = t
                .rfind(',')
                .filter(|&comma| regex.is_match(&p[comma..]))
                .filter(|_| {
                    ["adds", "added", "reports", "reported"]
                        .iter()
                        .any(|v| t.ends_with(v))
                });
            assert_eq!(relay_end(&p), exact, "{p:?}");
        }
        assert_eq!(relay_end("they fled, dpa adds."), Some(9));
    }
}
