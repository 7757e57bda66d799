//! Rule `continued_quote` (see its entry in `crate::rules::RULES`); cases in
//! `tests/rules/continued_quote.toml`.
//! Reads a paragraph that is nothing but a quotation and the paragraph before it; it must not
//! resolve sources: a continuation copies the resolved source of the claim it continues, and an
//! introduction (`Smith said:`) is read by the parent's sentence rules and resolved by `finish`.

use super::super::*;

/// `“The fear will not go away,” Lotayef said.` then, as the next paragraph, `“This can happen
/// again.”`: a paragraph that is only a quotation, with no attribution of its own, goes on with
/// the speaker of the paragraph before when that paragraph ends in a direct or mixed quote (or
/// in a quotation that continues one), or introduces it (`Mr Blair said:`, `The statement
/// read:` then the quoted paragraph). News writes a long quotation this way, one paragraph at a
/// time, and names the speaker once.
///
/// Conservative by design: only the paragraph right after (nothing may stand between, so
/// headings, captions and other speakers end the run), never after a headline or a transcript
/// turn (`Q:`/`A:` speakers change each turn), and never when the quoted paragraph makes a claim
/// of its own (`“...,” he remarks.` with a cue the table knows). A quote after an indirect claim
/// (`..., Mr Howard said.` then `“We watched ...”`) is often the same speaker, but not often
/// enough to say so without reading the quote; it is left alone.
///
/// The row is `direct`. Its source is the previous claim's source as that claim resolved it,
/// with its role; `source_text` and `cue` are null, since neither is written in the paragraph
/// and the previous row already counts that attribution once. After an introduction, which made
/// no row of its own, the row keeps that introduction's source and cue as written, and its span
/// starts there.
///
/// Content: the paragraph's words inside its outer marks. A paragraph that opens a quotation and
/// does not close it (`“This can happen again.` then the next paragraph) continues into the next,
/// which then continues this row's speaker; when the run ends in an attribution (`“...,” Lavrov
/// said.`), the speaker is named at its end and the rule leaves it alone.
pub(crate) fn continued_quote(
    text: &str,
    para: Span,
    rest: &[Span],
    last: Option<&Claim>,
    previous_end: Span,
) -> Option<Claim> {
    // The last claim so far, reaching into the last sentence of the paragraph before (a claim
    // earlier in that paragraph followed by narration hands over nothing). Read first: it is
    // cheaper than walking the paragraph's marks.
    let last = last?;
    if !matches!(last.kind, ClaimKind::Direct | ClaimKind::Mixed)
        || last.rule == Rule::TranscriptTurn
        || last.span.byte_end <= previous_end.byte_start
    {
        return None;
    }
    let content = quoted_paragraph(text, para, rest)?;
    // `“Here he is, babe,” she said.` then `“Trump walked onto the stage, chanting ...`: an
    // excerpt of a report, quoted paragraph by paragraph, that names the speaker in the third
    // person is not the speaker's (a speaker seldom names themself).
    let surname = last.source.rsplit(' ').next().unwrap_or("");
    if !surname.is_empty() && names_word(content.slice(text), surname) {
        return None;
    }
    // `“..., door-knocking.”` then `"On Sunday, Sanders announced that ..."`: a paragraph in
    // other marks than the quote before it was pasted from elsewhere (an excerpt of a report) or
    // carries a stray mark; either way it is not the same speaker going on.
    let straight = |c: char| c == '"';
    let opening = text[para.byte_start..content.byte_start]
        .chars()
        .rev()
        .find(|c| is_mark(*c));
    let before = last.span.slice(text).chars().find(|c| is_mark(*c));
    if let (Some(a), Some(b)) = (opening, before) {
        if straight(a) != straight(b) {
            return None;
        }
    }
    Some(continuing(text, last, content))
}

/// The row continuing `last` with the quotation `content`.
fn continuing(text: &str, last: &Claim, content: Span) -> Claim {
    let span = Span::new(
        content
            .byte_start
            .saturating_sub(quote_mark_before(text, content)),
        content.byte_end + quote_mark_after(text, content),
    );
    Claim {
        kind: ClaimKind::Direct,
        source: last.source.clone(),
        source_span: None,
        source_role: last.source_role.clone(),
        cue_span: None,
        content,
        span,
        via: None,
        hedge: via::find_scare_quote(text, content),
        date_span: None,
        date: None,
        sentence: 0,
        rule: Rule::ContinuedQuote,
    }
}

/// `Mr Blair said:` (the paragraph before's last sentence, ending in a colon) then the quoted
/// paragraph: the claim the sentence rules read from the two as one sentence, when it is a
/// direct quote whose cue is in the introduction and whose content is the quoted paragraph.
#[allow(clippy::too_many_arguments)]
pub(crate) fn introduced(
    lx: &Lexicon,
    rules: RuleSet,
    text: &str,
    para: Span,
    rest: &[Span],
    intro: Span,
    intro_index: usize,
    quotes: &[Span],
    last: Option<&Claim>,
) -> Option<Found> {
    if !intro.slice(text).trim_end().ends_with(':') {
        return None;
    }
    // The last claim, if any, must not reach the introduction: "X said the rules were clear:"
    // then the quote is that claim's elaboration, and the continuation above reads it.
    if last.is_some_and(|c| c.span.byte_end > intro.byte_start) {
        return None;
    }
    let content = quoted_paragraph(text, para, rest)?;
    let joined = Span::new(intro.byte_start, para.byte_end);
    let found = sentence_claims(lx, rules, text, joined, intro_index, quotes, &[]);
    let mut f = found.into_iter().find(|f| {
        f.kind == ClaimKind::Direct
            && f.cue.is_some_and(|c| c.byte_end <= intro.byte_end)
            && f.written.byte_end <= intro.byte_end
            && f.content.overlaps(content)
    })?;
    f.rule = Rule::ContinuedQuote;
    f.content = content;
    f.span = Span::new(f.span.byte_start.min(intro.byte_start), para.byte_end);
    Some(f)
}

/// How many paragraphs a quotation left open is followed to see where it ends.
const RUN_LIMIT: usize = 8;

/// The words inside the marks of a paragraph that is a quotation and nothing else: it opens
/// with a mark, and after every closing mark only an opening one or the paragraph's end follows
/// (so `“A.” “B.”` and the unclosed `“A. “B.` of a quote running on are one quotation, `“A,” he
/// said. “B.”` is not). At least [`quotes::MIN_QUOTE_WORDS`] words.
///
/// A quotation left open runs on into the next paragraph (`rest`: the paragraphs after), which
/// opens with a mark again. It is read only when that run ends in a paragraph that is a
/// quotation too: `“It runs on` then `“and closes here,” Lavrov said.` is Lavrov's, named at
/// its end, and an open mark that nothing takes up is a stray one (`"On Sunday, Sanders
/// announced that ...` then narration). Runs are followed for [`RUN_LIMIT`] paragraphs at most.
pub(crate) fn quoted_paragraph(text: &str, para: Span, rest: &[Span]) -> Option<Span> {
    let (content, mut closed) = quotation(text, para)?;
    let words = content.slice(text);
    if words.split_whitespace().count() < quotes::MIN_QUOTE_WORDS {
        return None;
    }
    // `“… prevent the evacuation of the Syrian civilians from the Rubkan camp”` between two
    // paragraphs of a report is a section heading in marks, not speech: speech ends in
    // punctuation (a title, a heading or a slogan seldom does).
    if !words.ends_with([
        '.', '?', '!', '…', ',', ';', '—', '–', '-', ')', ']', '’', '\'',
    ]) {
        return None;
    }
    let mut following = rest.iter().take(RUN_LIMIT);
    while !closed {
        (_, closed) = following.next().and_then(|p| quotation(text, *p))?;
    }
    Some(content)
}

/// [`quoted_paragraph`] without the run and the least length: the words inside the marks, and
/// whether its last quotation closes.
fn quotation(text: &str, para: Span) -> Option<(Span, bool)> {
    let p = para.slice(text);
    let start = p.len() - p.trim_start().len();
    let body = p.trim();
    let first = body.chars().next()?;
    if !is_mark(first) || first == '”' {
        return None;
    }
    // Walk the marks: a mark right after a letter or punctuation closes, one after a space (or
    // at the start) opens. Between a close and the next open only spaces and punctuation.
    let mut last_close: Option<usize> = None;
    // Only `"` and the marks whose UTF-8 starts 0xE2 (“ ”) matter: skip from one to the next
    // instead of decoding every character (as `quotes::pair` does).
    let bytes = body.as_bytes();
    let mut at = 0;
    while let Some(skip) = bytes[at..].iter().position(|b| matches!(b, b'"' | 0xE2)) {
        let i = at + skip;
        let c = body[i..].chars().next().expect("a mark starts a character");
        at = i + c.len_utf8();
        if !is_mark(c) {
            continue;
        }
        let opens = match c {
            '“' => true,
            '”' => false,
            _ => body[..i]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace),
        };
        if let (true, Some(close)) = (opens, last_close) {
            let between = &body[close..i];
            if between.chars().any(char::is_alphanumeric) {
                return None;
            }
        }
        if opens {
            last_close = None;
        } else {
            last_close = Some(at);
        }
    }
    // After the last close, only punctuation may end the paragraph.
    let end = match last_close {
        Some(close) => {
            if body[close..].chars().any(char::is_alphanumeric) {
                return None;
            }
            let mark = body[..close].chars().next_back().map_or(0, char::len_utf8);
            close - mark
        }
        None => body.len(),
    };
    let inner_start = start + first.len_utf8();
    let inner_end = start + end;
    if inner_end <= inner_start {
        return None;
    }
    let inner = &p[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    Some((
        Span::new(
            para.byte_start + inner_start + lead,
            para.byte_start + inner_end - trail,
        ),
        last_close.is_some(),
    ))
}

/// Whether `word` stands in `text` as a word of its own.
fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A double quotation mark, straight or curly.
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// The byte length of the mark right before `content`, 0 if none.
fn quote_mark_before(text: &str, content: Span) -> usize {
    text[..content.byte_start]
        .chars()
        .next_back()
        .filter(|c| is_mark(*c))
        .map_or(0, char::len_utf8)
}

/// The byte length of the mark right after `content`, 0 if none.
fn quote_mark_after(text: &str, content: Span) -> usize {
    text[content.byte_end..]
        .chars()
        .next()
        .filter(|c| is_mark(*c))
        .map_or(0, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotation of the first paragraph of `p` (paragraphs split at blank lines).
    fn quoted(p: &str) -> Option<&str> {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for part in p.split("\n\n") {
            paragraphs.push(Span::new(at, at + part.len()));
            at += part.len() + 2;
        }
        quoted_paragraph(p, paragraphs[0], &paragraphs[1..]).map(|s| s.slice(p))
    }

    #[test]
    fn a_paragraph_that_is_only_a_quotation() {
        assert_eq!(
            quoted("\"This can happen again. We must be ready.\""),
            Some("This can happen again. We must be ready.")
        );
        // Run on into the next paragraph, or re-opened after each sentence (BBC style).
        assert_eq!(
            quoted("“It gives you a lot of confidence. “I was in awe of them.\n\n“It helps.”"),
            Some("It gives you a lot of confidence. “I was in awe of them.")
        );
        // Left open, and the run ends in an attribution: not a quotation alone.
        assert_eq!(
            quoted("“It runs on\n\n“and goes on\n\n“and closes here,” Lavrov said."),
            None
        );
        assert_eq!(
            quoted("“It runs on here.\n\n“And goes on.\n\n“And closes here.”"),
            Some("It runs on here.")
        );
        // Left open, with no quotation after it to take it up: a stray mark.
        assert_eq!(
            quoted("\"On Sunday, Sanders announced that he had raised $20 million.\n\nHe won."),
            None
        );
        assert_eq!(
            quoted("\"We are fighting it now.\" \"We need to resolve the disputes.\""),
            Some("We are fighting it now.\" \"We need to resolve the disputes.")
        );
        // Its own attribution, narration after it, or too short: not a quotation alone.
        assert_eq!(
            quoted("\"I think this is because the food has improved,\" he remarks."),
            None
        );
        assert_eq!(
            quoted("\"It also had a depth to it.\" Halo was unusually immersive."),
            None
        );
        assert_eq!(
            quoted("\"We are close,\" she said. \"Then I think the chances are good.\""),
            None
        );
        assert_eq!(quoted("\"Yes.\""), None);
        // A heading in marks (Polygraph.info, in ../shared/corpus/article_extraction_benchmark).
        assert_eq!(
            quoted("“… prevent the evacuation of the Syrian civilians from the Rubkan camp”"),
            None
        );
        assert_eq!(quoted("The statement read: \"We regret it.\""), None);
    }

    /// PolNeAR dev, breitbart_2016-10-02 (a Washington Post report quoted paragraph by
    /// paragraph): the quote before resolved to "Donald Trump", and the next quoted paragraph
    /// names him in the third person, so it is not his.
    #[test]
    fn a_quoted_paragraph_naming_the_speaker_is_not_theirs() {
        let text = "“Here he is, babe,” she said. “Donald’s here, babe.”\n\n\
                    “Trump walked onto the stage, chanting “U-S-A! U-S-A!”\n\n\
                    “I can say with confidence that nobody is better prepared.”";
        let first = text.find("\n\n").unwrap();
        let second = text[first + 2..].find("\n\n").unwrap() + first + 2;
        let last = Claim {
            kind: ClaimKind::Direct,
            source: "Donald Trump".into(),
            source_span: None,
            source_role: None,
            cue_span: None,
            content: Span::new(3, first - 3),
            span: Span::new(0, first),
            via: None,
            hedge: None,
            date_span: None,
            date: None,
            sentence: 0,
            rule: Rule::Trailing,
        };
        let end = Span::new(first - 30, first);
        let naming = Span::new(first + 2, second);
        assert!(continued_quote(
            text,
            naming,
            &[Span::new(second + 2, text.len())],
            Some(&last),
            end
        )
        .is_none());
        let not_naming = Span::new(second + 2, text.len());
        let c = continued_quote(
            text,
            not_naming,
            &[],
            Some(&last),
            Span::new(second - 10, second),
        );
        assert!(
            c.is_none(),
            "the claim before does not reach this paragraph"
        );
        let mut reaching = last.clone();
        reaching.span = Span::new(0, second);
        let c = continued_quote(
            text,
            not_naming,
            &[],
            Some(&reaching),
            Span::new(second - 10, second),
        )
        .unwrap();
        assert_eq!(c.source, "Donald Trump");
        assert_eq!(
            c.content.slice(text),
            "I can say with confidence that nobody is better prepared."
        );
        assert_eq!(
            (c.cue_span, c.source_span, c.rule),
            (None, None, Rule::ContinuedQuote)
        );
    }
}
