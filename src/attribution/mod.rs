//! Attribution: who said what.
//!
//! Reads the paragraphs and sentences of a [`Document`] and adds its [`Claim`]s, in text order:
//! - `direct`: a quotation with its cue and source (`“...,” X said`, `X said: “...”`);
//! - `mixed`: reported speech embedding a quotation (`X called it a “strategic victory”`);
//! - `indirect`: `X said (that) ...`, `..., X said.`, `X stressed that ...`;
//! - `according_to`: `..., according to X`, `According to X, ...`, `..., AP reports.`;
//! - `headline`: the title line `Russia: claim` or `claim – Russian military`.
//!
//! Also: transcript turns (`TRUMP: ...`), questions put to a speaker (`Asked whether ..., Reid
//! said`), and impressions whose holder is unnamed (`The House is expected to pass the bill`,
//! `Trump seemed to imply ...`): those are `indirect` with an empty source. A paragraph that is
//! only a quotation, after a paragraph ending in a direct quote or in `Smith said:`, goes on
//! with that speaker (`continued_quote`, read once the paragraph's sentences made no claim).
//!
//! Every pattern is anchored on a cue from `lexicon::cues` found outside quotation marks; the
//! source is the noun phrase next to it ([`names`]), resolved with a per-document memory
//! ([`resolve`]); [`via`] reads the relaying channel and hedges. Quotes are paired per paragraph
//! ([`quotes`]), so odd quote counts never leak past a paragraph. All regexes are compiled once
//! and linear-time. Dates are the pipeline's work; numbers are another stage's.
//!
//! It does not: nest claims (a cue inside another claim's content is skipped, as PolNeAR
//! annotates, so "Cavusoglu said that Putin had told Erdogan that ..." yields the outer claim
//! only), attribute non-speech relations ("X plans to ...", "a poll found ...") beyond the cue
//! table, or resolve a pronoun to a name that comes after it.

mod arbiter;
mod content;
pub mod names;
pub mod quotes;
pub mod resolve;
mod rules;
mod source;
pub mod via;

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Claim, ClaimKind, Document, Span};
use crate::lexicon::abbreviations::ABBREVIATIONS;
use crate::lexicon::clauses::{
    is_adverbial_opener, ADVERBIAL_OPENERS, CLAUSE_WORDS, CONTENT_CUT_OPENERS,
    IMPRESSION_CLAUSE_OPENERS, NOT_PARTICIPLES, QUESTION_WORDS, SOURCE_AFTER_STOPS,
    SUBORDINATE_OPENERS, TITLE_FUNCTION_WORDS, WEEKDAYS,
};
use crate::lexicon::cues::{
    AMBIGUOUS_LEMMAS, APPEAR_COMPLEMENTS, CLAUSE_COORDINATORS, CUE_VERBS, EVENT_NOUNS,
    EVIDENCE_LEMMAS, EVIDENCE_NOUNS, HEDGES, IMPRESSION_CUES, NOT_AFTER_CUE, NOT_A_CUE_AFTER,
    NOT_CONJOINED, NOT_SPEAKER_LABELS, OBJECT_ENDS, SPEAKER_ADVERBS, STANCE_OBJECT_LEMMAS,
    TELL_LEMMAS,
};
use crate::lexicon::sources::{
    COLLECTIVE_SOURCES, NEWS_OUTLETS, NOT_IN_SOURCE, POLL_NOUNS, PRONOUNS, SOURCE_DETERMINERS,
    SOURCE_POSTMODIFIERS, VIEW_NOUNS,
};
use crate::lexicon::word_regex;
use crate::lexicon::Lexicon;
use crate::rules::{Rule, RuleSet};
use arbiter::Arbiter;
use content::*;
use names::{chunk_source, SourceChunk};
use quotes::QuoteMarks;
use resolve::EntityMemory;
use rules::{
    according::according, asked_question::asked_question, colon_quote::colon_quote,
    conjoined::conjoined, continued_quote, headline::headline, impression::impressions,
    in_view::in_view, leading::leading, participle::participle, trailing::trailing,
    transcript_turn::transcript_turn,
};
use source::*;

/// Verbs of impression and expectation ("seemed", "is expected"), as one alternation.
static IMPRESSION_RE: LazyLock<Regex> = LazyLock::new(|| {
    let alternation = crate::lexicon::alternation(IMPRESSION_CUES.iter().map(|(form, _)| *form));
    word_regex(&format!(r"\b(?:{alternation})\b"))
});

/// "and said that", "but added: “...”": a reporting verb joined to the one before, opening a
/// clause or a quotation of its own.
static CONJOINED_CUE: LazyLock<Regex> = LazyLock::new(|| {
    let forms: Vec<&str> = CUE_VERBS
        .iter()
        .filter(|(form, lemma)| !form.ends_with("ing") && !NOT_CONJOINED.contains(lemma))
        .map(|(form, _)| *form)
        .collect();
    let alternation = crate::lexicon::alternation(forms);
    word_regex(&format!(
        r",?\s+(?:and|but)\s+(?:(?:also|then|later|again)\s+)?(?:{alternation})\b,?\s*(?:that\b|[“\x22:])"
    ))
});

/// A cue found in a sentence.
#[derive(Debug, Clone, Copy)]
struct Cue {
    span: Span,
    lemma: &'static str,
    according: bool,
}

/// A claim before resolution.
struct Found {
    kind: ClaimKind,
    chunk: SourceChunk,
    written: Span,
    cue: Option<Span>,
    content: Span,
    span: Span,
    hedge: Option<String>,
    sentence: usize,
    /// The rule that found it.
    rule: Rule,
}

/// Finds the claims of a parsed document and stores them in `doc.claims`, in text order, with
/// the built-in tables ([`Lexicon::shared`]).
pub fn extract_claims(doc: &mut Document) {
    extract_claims_with(doc, Lexicon::shared(), RuleSet::default());
}

/// [`extract_claims`] with the tables of `lx` (built-in words plus what
/// [`crate::Options`] adds: extra cue verbs and titles), running the rules `rules` leaves on.
pub fn extract_claims_with(doc: &mut Document, lx: &Lexicon, rules: RuleSet) {
    let marks = lx.quote_marks();
    let english = if marks.is_default() {
        None
    } else {
        quotes::as_english(&doc.text, &doc.paragraphs, marks)
    };
    let Some(english) = english else {
        return claims_with_marks(doc, lx, marks, rules);
    };
    // Other languages' marks („…“) are read as the English ones the rules know, on a copy of
    // the text with the same offsets; strings taken from it get the marks as written back.
    let original = std::mem::replace(&mut doc.text, english);
    let title = doc.title.take();
    doc.title = title.as_ref().map(|t| match doc.paragraphs.first() {
        Some(p) if p.slice(&original) == *t => p.slice(&doc.text).to_owned(),
        _ => t.clone(),
    });
    claims_with_marks(doc, lx, QuoteMarks::shared(), rules);
    let english = std::mem::replace(&mut doc.text, original);
    doc.title = title;
    for c in &mut doc.claims {
        let near = c.span;
        for s in [&mut c.source].into_iter().chain(
            [&mut c.source_role, &mut c.via, &mut c.hedge]
                .into_iter()
                .flatten(),
        ) {
            quotes::restore_marks(&doc.text, &english, near, s);
        }
    }
}

/// [`extract_claims_with`], pairing quotations with `marks`.
fn claims_with_marks(doc: &mut Document, lx: &Lexicon, marks: &QuoteMarks, rules: RuleSet) {
    let text = doc.text.as_str();
    let mut memory = EntityMemory::default();
    let mut claims: Vec<Claim> = Vec::new();
    let title_paragraph = doc
        .title
        .as_deref()
        .filter(|t| doc.paragraphs.first().is_some_and(|p| p.slice(text) == *t));
    let mut next_sentence = 0;
    // The last sentence of the paragraph before, when that paragraph was read sentence by
    // sentence (not a headline or a transcript turn, whose speaker no quotation continues).
    let mut previous_paragraph: Option<usize> = None;
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let quotes = quotes::pair_quotes(text, *para, marks);
        let first = next_sentence;
        while next_sentence < doc.sentences.len() && doc.sentences[next_sentence].paragraph == pi {
            next_sentence += 1;
        }
        let before = previous_paragraph.take();
        // The first paragraph is the headline when the caller or the parser says so, or when it
        // is one short sentence of the form "Obama: I’m Optimistic Americans Will Say No".
        let looks_like_title =
            next_sentence == first + 1 && para.slice(text).split_whitespace().count() <= 20;
        if pi == 0 && (title_paragraph.is_some() || looks_like_title) {
            if let Some(found) = rules
                .enabled(Rule::Headline)
                .and_then(|_| headline(lx, text, *para, first, title_paragraph.is_some()))
            {
                let claim = finish(text, found, &mut memory, None);
                claims.push(claim);
                continue;
            }
        }
        // "BENENSON: Senator Sanders doesn’t get to decide when we debate.": a transcript turn.
        if pi > 0 {
            if let Some(found) = rules
                .enabled(Rule::TranscriptTurn)
                .and_then(|_| transcript_turn(lx, text, *para, first))
            {
                let claim = finish(text, found, &mut memory, None);
                claims.push(claim);
                for si in first..next_sentence {
                    memory.observe_sentence(lx, text, doc.sentences[si].span);
                }
                continue;
            }
        }
        let paragraph_start = claims.len();
        let mut pending_quote: Option<Span> = None;
        for si in first..next_sentence {
            let s = doc.sentences[si].span;
            let found =
                sentence_claims(lx, rules, text, s, si, &quotes, &claims[paragraph_start..]);
            let mut new: Vec<Claim> = Vec::new();
            for f in found {
                new.push(finish(text, f, &mut memory, Some(s)));
            }
            // A quotation standing alone continues the quote of the claim just before it in the
            // paragraph (“A,” he said. “B.”) or opens the one the next sentence attributes.
            let lone = quotes.iter().find(|q| {
                q.byte_start >= s.byte_start
                    && q.byte_start < s.byte_end
                    && text[s.byte_start..q.byte_start].trim().is_empty()
                    && q.slice(text).split_whitespace().count() >= quotes::MIN_QUOTE_WORDS
            });
            match (new.is_empty(), lone) {
                (true, Some(q)) => {
                    let inner = quotes::inner(text, *q);
                    // Also over a paragraph break: “..., ” Ramos said, referring to ....\n\n“So I
                    // think ...” goes on with Ramos's statement.
                    // The quote of the sentence before, even when a claim follows it there
                    // (“...,” Manchin said, referring to the number of seats ... . “Then I
                    // think ...”).
                    let previous = claims[paragraph_start..]
                        .iter()
                        .rposition(|c| {
                            c.sentence + 1 == si
                                && matches!(c.kind, ClaimKind::Direct | ClaimKind::Mixed)
                        })
                        .map(|i| paragraph_start + i)
                        .or(claims.len().checked_sub(1));
                    match previous.map(|i| &mut claims[i]) {
                        // A quote left open runs into the next paragraph, which attributes it.
                        Some(last)
                            if matches!(last.kind, ClaimKind::Direct | ClaimKind::Mixed)
                                && last.sentence + 1 == si
                                && (q.byte_end < para.byte_end || quotes::is_closed(text, *q)) =>
                        {
                            last.content.byte_end = last.content.byte_end.max(inner.byte_end);
                            last.span.byte_end = last.span.byte_end.max(q.byte_end);
                        }
                        _ => pending_quote = Some(inner),
                    }
                }
                (false, _) => {
                    if let (Some(p), Some(c)) = (pending_quote.take(), new.first_mut()) {
                        if c.kind == ClaimKind::Direct && c.content.byte_start > p.byte_start {
                            c.content.byte_start = p.byte_start;
                            c.span.byte_start = c.span.byte_start.min(p.byte_start);
                        }
                    }
                }
                _ => pending_quote = None,
            }
            claims.extend(new);
            memory.observe_sentence(lx, text, s);
        }
        // A paragraph that is only a quotation, where no claim was found and none runs on into
        // it (the lone-quote reading above), goes on with the paragraph before.
        let taken = claims.len() > paragraph_start
            || claims
                .last()
                .is_some_and(|c| c.content.byte_end > para.byte_start);
        if let (false, Some(last)) = (
            taken,
            before.filter(|_| rules.is_enabled(Rule::ContinuedQuote)),
        ) {
            let intro = doc.sentences[last].span;
            let next = &doc.paragraphs[pi + 1..];
            if let Some(mut c) =
                continued_quote::continued_quote(text, *para, next, claims.last(), intro)
            {
                c.sentence = first;
                claims.push(c);
            } else if let Some(f) = continued_quote::introduced(
                lx,
                rules,
                text,
                *para,
                next,
                intro,
                last,
                &quotes,
                claims.last(),
            ) {
                claims.push(finish(text, f, &mut memory, Some(intro)));
            }
        }
        if next_sentence > first {
            previous_paragraph = Some(next_sentence - 1);
        }
    }
    claims.sort_by_key(|c| c.span.byte_start);
    doc.claims = claims;
}

/// The claims whose cue lies in sentence `s`.
fn sentence_claims(
    lx: &Lexicon,
    rules: RuleSet,
    text: &str,
    s: Span,
    index: usize,
    quotes: &[Span],
    earlier: &[Claim],
) -> Vec<Found> {
    let inside_quote = |pos: usize| {
        quotes
            .iter()
            .any(|q| q.byte_start < pos && pos < q.byte_end)
    };
    let cues: Vec<Cue> = lx
        .cues()
        .find_iter(s.slice(text))
        .map(|m| Cue {
            span: Span::new(s.byte_start + m.start, s.byte_start + m.end),
            lemma: m.form.lemma.unwrap_or("say"),
            according: m.form.according,
        })
        .filter(|c| !inside_quote(c.span.byte_start))
        .filter(|c| {
            // "many foreign states have been providing": a noun, not a cue.
            let written = c.span.slice(text);
            let next = text[c.span.byte_end..s.byte_end]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let plural_noun =
                written.ends_with('s') && written != "says" && NOT_AFTER_CUE.contains(&next);
            // "Hundreds of foreign-backed militants": part of a compound adjective.
            let hyphenated = text[..c.span.byte_start].ends_with('-');
            // "In three other states, black voters accounted for ...": "states" is mostly the
            // noun (5 of 502 on PolNeAR's train split report); "The memo states that" and
            // "states: “...”" report.
            let states_noun =
                written == "states" && !(next == "that" || next.starts_with([':', '“', '"']));
            // "Editor’s note: Donald Trump is ...", "In a subsequent note to staff": the base form
            // "note" is mostly the noun (7 of 29 on PolNeAR's train split report); "groups note
            // that" reports.
            let note_noun = written == "note" && next != "that";
            !(plural_noun || hyphenated || states_noun || note_noun)
        })
        .collect();
    let mut arbiter = Arbiter::default();
    for (i, cue) in cues.iter().enumerate() {
        arbiter.make_room(lx, text, *cue);
        if arbiter.takes(*cue) {
            continue;
        }
        // A later cue that closes the sentence (", dpa news agency reports.") owns it.
        // (At most five words are read: counting them all made a sentence with thousands of
        // cues quadratic.)
        let later_cue = cues[i + 1..].iter().any(|c| {
            !c.according
                && text[c.span.byte_end..s.byte_end]
                    .split_whitespace()
                    .nth(4)
                    .is_none()
        });
        let found = if cue.according {
            rules
                .enabled(Rule::According)
                .and_then(|_| according(lx, text, s, *cue, quotes, later_cue))
        } else {
            // A trailing attribution whose content is a few words ("Also on Tuesday, X said
            // ...") is a leading one.
            let words = |f: &Found| f.content.slice(text).split_whitespace().count();
            let first_word = |f: &Found| {
                f.content
                    .slice(text)
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches([',', ';', ':'])
                    .to_lowercase()
            };
            match rules
                .enabled(Rule::Trailing)
                .and_then(|_| trailing(lx, text, s, *cue, quotes))
            {
                // "In the former coal mining town of Scranton, where Biden grew up, the vice
                // president said Clinton was the only choice ...": the content follows the cue.
                // "In the three years since ..., Barden says, far too many lives have been lost":
                // the content runs around the attribution.
                Some(t) if t.content.byte_end > cue.span.byte_end => Some(t),
                Some(t)
                    if t.kind == ClaimKind::Indirect
                        && (words(&t) <= 4 || opens_adverbial(&first_word(&t))) =>
                {
                    let opener = opens_adverbial(&first_word(&t));
                    rules
                        .enabled(Rule::Leading)
                        .and_then(|_| leading(lx, text, s, *cue, quotes))
                        // "On Wednesday, Peskov said the army advanced.": after an adverbial
                        // opener, a short clause is the content too.
                        .filter(|l| {
                            words(l) >= if opener { 2 } else { 4 }
                                && !is_adverbial_opener(first_word(l).as_str())
                        })
                        // "At the same time, they indicated their readiness ...": an adverbial
                        // is never the content.
                        .or((!(opener && words(&t) <= 4)).then_some(t))
                }
                // "A rumpled figure with short gray whiskers on his face, Bob said he arrived in
                // Benghazi as base chief": a clause right after "X said" is the content; the
                // words before the source describe the scene.
                Some(t)
                    if t.kind != ClaimKind::Direct
                        && text[cue.span.byte_end..s.byte_end]
                            .strip_prefix(' ')
                            .is_some_and(|r| r.starts_with(char::is_alphabetic)) =>
                {
                    rules
                        .enabled(Rule::Leading)
                        .and_then(|_| leading(lx, text, s, *cue, quotes))
                        .filter(|l| {
                            let first = first_word(l);
                            words(l) >= 5
                                && l.content.byte_start > cue.span.byte_end
                                && !ADVERBIAL_OPENERS
                                    .iter()
                                    .chain(WEEKDAYS)
                                    .any(|a| a.eq_ignore_ascii_case(&first))
                                && !SUBORDINATE_OPENERS.contains(&first.as_str())
                        })
                        .or(Some(t))
                }
                Some(t) => Some(t),
                None => rules
                    .enabled(Rule::Leading)
                    .and_then(|_| leading(lx, text, s, *cue, quotes)),
            }
            .or_else(|| {
                rules
                    .enabled(Rule::Participle)
                    .and_then(|_| participle(lx, text, s, *cue, quotes, arbiter.kept(), earlier))
            })
            .or_else(|| {
                rules
                    .enabled(Rule::Conjoined)
                    .and_then(|_| conjoined(text, s, *cue, quotes, arbiter.kept()))
            })
        };
        if let Some(mut f) = found {
            f.sentence = index;
            arbiter.admit(f);
        }
    }
    if let Some(f) = rules
        .enabled(Rule::ColonQuote)
        .and_then(|_| colon_quote(lx, text, s, quotes, arbiter.kept()))
    {
        arbiter.keep(Found {
            sentence: index,
            ..f
        });
    }
    if let Some(f) = rules
        .enabled(Rule::AskedQuestion)
        .and_then(|_| asked_question(lx, text, s, arbiter.kept()))
    {
        arbiter.keep(Found {
            sentence: index,
            ..f
        });
    }
    if let Some(f) = rules
        .enabled(Rule::InView)
        .and_then(|_| in_view(text, s, quotes, arbiter.kept()))
    {
        arbiter.keep(Found {
            sentence: index,
            ..f
        });
    }
    let impressions = rules
        .enabled(Rule::Impression)
        .map(|_| impressions(text, s, quotes, arbiter.kept()));
    for f in impressions.into_iter().flatten() {
        arbiter.keep(Found {
            sentence: index,
            ..f
        });
    }
    arbiter.into_kept()
}

trait IntoOption: Sized {
    fn into_option(self, keep: bool) -> Option<Self> {
        keep.then_some(self)
    }
}
impl<T> IntoOption for (T, T) {}

/// Resolves the source and reads via and hedge.
fn finish(text: &str, f: Found, memory: &mut EntityMemory, sentence: Option<Span>) -> Claim {
    let Found {
        kind,
        chunk,
        written,
        cue,
        content,
        span,
        hedge,
        sentence: index,
        rule,
    } = f;
    // Canonical names use plain spaces ("UN\u{a0}Commission" -> "UN Commission").
    let name = chunk.name.split_whitespace().collect::<Vec<_>>().join(" ");
    let written_text = chunk
        .span
        .slice(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // An impression ("The House is expected to ...") names no holder: no source, none written.
    let sourceless = name.is_empty();
    let source = if sourceless {
        String::new()
    } else {
        memory.resolve(&written_text, &name, chunk.role.as_deref())
    };
    let via = sentence.and_then(|s| via::find_via(text, s, content, cue, kind));
    let hedge = hedge.or_else(|| via::find_hedge(text, span, content));
    // A scare-quoted single word (“ceasefire”) is flagged as a distancing marker.
    let hedge = hedge.or_else(|| via::find_scare_quote(text, content));
    Claim {
        kind,
        source,
        source_span: (!sourceless).then_some(chunk.span),
        source_role: chunk.role,
        cue_span: cue,
        content,
        // The whole claim covers the source as written, the cue and the content.
        span: Span::new(
            span.byte_start
                .min(content.byte_start)
                .min(written.byte_start),
            span.byte_end.max(content.byte_end),
        ),
        via,
        hedge,
        date_span: None,
        date: None,
        sentence: index,
        rule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::RawDocument;
    use crate::options::Options;
    use crate::parse::parse_document;

    /// The earliest " {m} " of the table, as searching for each entry and taking the minimum did.
    #[test]
    fn first_postmodifier_is_the_earliest_entry() {
        for seg in [
            "People familiar with the matter",
            "a source close to the talks who is familiar with it",
            "officials briefed on the plan and close to him",
            "close to him",
            "sources with direct knowledge of  the deal",
            "a Pentagon official",
        ] {
            let old = SOURCE_POSTMODIFIERS
                .iter()
                .filter_map(|m| seg.find(&format!(" {m} ")))
                .min();
            assert_eq!(first_postmodifier(seg), old, "{seg}");
        }
        assert_eq!(
            first_postmodifier("People familiar with the matter"),
            Some(6)
        );
    }

    /// (kind, source, cue, content) of each claim.
    fn claims(text: &str) -> Vec<(&'static str, String, String, String)> {
        let mut doc = parse_document(
            &RawDocument {
                text: text.into(),
                ..Default::default()
            },
            &Options::default(),
        );
        extract_claims(&mut doc);
        doc.claims
            .iter()
            .map(|c| {
                (
                    c.kind.as_str(),
                    c.source.clone(),
                    c.cue_span
                        .map(|s| s.slice(&doc.text).to_owned())
                        .unwrap_or_default(),
                    c.content.slice(&doc.text).to_owned(),
                )
            })
            .collect()
    }

    fn t(
        kind: &'static str,
        source: &str,
        cue: &str,
        content: &str,
    ) -> (&'static str, String, String, String) {
        (kind, source.into(), cue.into(), content.into())
    }

    #[test]
    fn a_title_in_quotes_leads_in() {
        assert_eq!(
            claims(
                "In an interview on Fox’s “Sunday Morning Futures,” Rep. Darrell Issa said \
                 Hillary Clinton is wrong about the deal."
            ),
            [t(
                "indirect",
                "Darrell Issa",
                "said",
                "Hillary Clinton is wrong about the deal"
            )]
        );
        assert_eq!(
            claims("“I love Oreos,” Trump said in August."),
            [t("direct", "Trump", "said", "I love Oreos,")]
        );
    }

    #[test]
    fn a_name_with_two_role_appositives() {
        assert_eq!(
            claims(
                "Matthew Prince, chief executive of CloudFlare, a San Francisco company, said \
                 that in one case activists were wrong."
            ),
            [t(
                "indirect",
                "Matthew Prince",
                "said",
                "that in one case activists were wrong"
            )]
        );
    }

    #[test]
    fn a_date_or_an_opener_around_the_cue_is_not_the_content() {
        assert_eq!(
            claims("On Wednesday, Peskov said the army advanced."),
            [t("indirect", "Peskov", "said", "the army advanced")]
        );
        assert_eq!(
            claims("SANA reported December 2 that the army advanced in the east."),
            [t(
                "indirect",
                "SANA",
                "reported",
                "that the army advanced in the east"
            )]
        );
    }

    #[test]
    fn quote_continues_past_a_second_claim_of_its_sentence() {
        let found = claims(
            "“We are close to a majority,” Manchin said, referring to the seats Democrats hold. \
             “Then I think the chances are pretty good.”",
        );
        assert_eq!(found[0].1, "Manchin");
        assert_eq!(
            found[0].3,
            "We are close to a majority,” Manchin said, referring to the seats Democrats hold. \
             “Then I think the chances are pretty good."
        );
    }

    #[test]
    fn coordinated_clause_with_its_own_source_ends_the_content() {
        assert_eq!(
            claims(
                "Six in 10 Virginia Democratic primary voters said Clinton is honest and \
                 trustworthy, and three-quarters said the same of Sanders."
            ),
            vec![
                t(
                    "indirect",
                    "Six in 10 Virginia Democratic primary voters",
                    "said",
                    "Clinton is honest and trustworthy"
                ),
                t("indirect", "three-quarters", "said", "the same of Sanders"),
            ]
        );
        // "that" after the coordinator continues the reported clause.
        let got =
            claims("Mr. Kaine said the economy was growing, and that voters say they feel it.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].3,
            "the economy was growing, and that voters say they feel it"
        );
    }

    #[test]
    fn state_after_a_city_belongs_to_the_appositive() {
        let got = claims(
            "Christopher Harvey, an African-American delegate from Houston, Texas, said the \
             turmoil at this week’s convention was all part of the circus that is American politics.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "Christopher Harvey");
        assert!(got[0].3.starts_with("the turmoil at"), "{got:?}");
    }

    #[test]
    fn named_possessor_appositive_is_a_role() {
        let got = claims(
            "''It's just long and tiring and pretty hard to get through,'' Tina Tchen, Mrs. \
             Obama's chief of staff, said in an interview.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "Tina Tchen");
        let got = claims(
            "“The numbers we’ve seen since Jan. 1 put our campaign on pace,” Jeff Weaver, \
             Sanders’ campaign manager, said in a statement.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "Jeff Weaver");
    }

    #[test]
    fn who_clause_after_a_name_ending_a_clause() {
        assert_eq!(
            claims(
                "Trump was out-brutalizing Ted Cruz, who said he would only use waterboarding \
                 sparingly."
            ),
            vec![t(
                "indirect",
                "Ted Cruz",
                "said",
                "he would only use waterboarding sparingly"
            )]
        );
        let got = claims(
            "“We show anger, we show emotion,” said Harvey, who acknowledged Trump was his \
             fourth choice for nominee.",
        );
        assert_eq!(
            got[1],
            t(
                "indirect",
                "Harvey",
                "acknowledged",
                "Trump was his fourth choice for nominee"
            )
        );
    }

    #[test]
    fn weekday_after_the_cue_is_no_source() {
        let got = claims(
            "Former Democratic candidate Bernie Sanders, who on Tuesday endorsed Clinton, said \
             Wednesday he agrees with Ginsburg’s remarks.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "Bernie Sanders");
        assert_eq!(got[0].3, "he agrees with Ginsburg’s remarks");
        let got = claims("Trump said on Tuesday night it would be a great win.");
        assert_eq!(
            got,
            vec![t("indirect", "Trump", "said", "it would be a great win")]
        );
    }

    #[test]
    fn who_clause_ends_before_the_main_cue() {
        assert_eq!(
            claims(
                "Barkley, who said he typically votes democratic, said one candidate he likes so \
                 far is Ohio Governor John Kasich."
            ),
            vec![
                t(
                    "indirect",
                    "Barkley",
                    "said",
                    "one candidate he likes so far is Ohio Governor John Kasich"
                ),
                t(
                    "indirect",
                    "Barkley",
                    "said",
                    "he typically votes democratic"
                ),
            ]
        );
    }

    #[test]
    fn share_of_the_polled_before_saying() {
        assert_eq!(
            claims(
                "Mr. Trump has slightly improved his standing, with 30 percent of voters saying \
                 they have a positive view of him."
            ),
            vec![t(
                "indirect",
                "30 percent of voters",
                "saying",
                "they have a positive view of him"
            )]
        );
    }

    #[test]
    fn unnamed_source_with_a_postmodifier() {
        let got = claims(
            "Those close to him say that, in addition to Scott, he would have to consider Rep. \
             Don Beyer.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "Those close to him");
        let got = claims(
            "People with knowledge of the group's activities say a substantial number of new \
             donors have come aboard since January.",
        );
        assert_eq!(got[0].1, "People with knowledge of the group's activities");
    }

    #[test]
    fn note_reports_only_before_that() {
        assert!(claims(
            "Editor’s note: Donald Trump regularly incites political violence and is a serial liar."
        )
        .is_empty());
        let got =
            claims("Patient advocacy groups note that Sanders co-sponsored bans in 2003 and 2005.");
        assert_eq!(got[0].1, "Patient advocacy groups", "{got:?}");
    }

    #[test]
    fn stance_content_is_its_object() {
        let got = claims(
            "Christie endorsed Trump last week and has appeared at the billionaire businessman’s \
             side at campaign appearances.",
        );
        assert_eq!(got, vec![t("indirect", "Christie", "endorsed", "Trump")]);
    }

    #[test]
    fn clause_after_source_and_cue_is_the_content() {
        assert_eq!(
            claims(
                "A tall figure in a grey coat, the mayor said he arrived in the city in \
                 December 2011."
            ),
            vec![t(
                "indirect",
                "mayor",
                "said",
                "he arrived in the city in December 2011"
            )]
        );
        // An adverbial after the cue keeps the content before it.
        assert_eq!(
            claims("The plan will cut costs for families, the mayor said in a statement."),
            vec![t(
                "indirect",
                "mayor",
                "said",
                "The plan will cut costs for families"
            )]
        );
    }

    #[test]
    fn party_and_state_appositive_and_opening_yet() {
        assert_eq!(
            claims("Sen. Rand Paul, R-Ky., told Fox News that the polls could be way off."),
            vec![t(
                "indirect",
                "Rand Paul",
                "told",
                "that the polls could be way off"
            )]
        );
        assert_eq!(
            claims("Yet Bloomberg says it started marking down her wealth in February."),
            vec![t(
                "indirect",
                "Bloomberg",
                "says",
                "it started marking down her wealth in February"
            )]
        );
    }

    #[test]
    fn opening_in_a_view_or_poll() {
        assert_eq!(
            claims("In Trump's mind, the party owes him the nomination after his primary wins."),
            vec![t(
                "indirect",
                "Trump",
                "In",
                "the party owes him the nomination after his primary wins"
            )]
        );
        assert_eq!(
            claims(
                "In the new Morning Consult poll, conducted March 11-13, 40 percent of likely \
                 voters back Sanders."
            ),
            vec![t(
                "indirect",
                "the new Morning Consult poll",
                "In",
                "40 percent of likely voters back Sanders"
            )]
        );
        // A place is no view.
        assert!(
            claims("In the former mining town of Scranton, the rally drew a crowd.").is_empty()
        );
    }

    #[test]
    fn characterisations_report() {
        assert_eq!(
            claims(
                "Sexton described the most engaged supporters as almost shocked by the protest."
            ),
            vec![t(
                "indirect",
                "Sexton",
                "described",
                "the most engaged supporters as almost shocked by the protest"
            )]
        );
    }

    #[test]
    fn impressions_have_no_source() {
        assert_eq!(
            claims("The House is expected to pass a bipartisan bill later this week."),
            vec![t(
                "indirect",
                "",
                "is expected",
                "The House is expected to pass a bipartisan bill later this week"
            )]
        );
        // The clause starts after the adverbial and skips back over "too".
        assert_eq!(
            claims("In the past few days, the front-runner seemed to be shrinking in stature."),
            vec![t(
                "indirect",
                "",
                "seemed",
                "the front-runner seemed to be shrinking in stature"
            )]
        );
        assert_eq!(
            claims("Democrats, too, appeared headed for a prolonged and spirited contest."),
            vec![t(
                "indirect",
                "",
                "appeared",
                "Democrats, too, appeared headed for a prolonged and spirited contest"
            )]
        );
        // A presence, not an impression.
        assert!(claims("The senator appeared on Fox News on Sunday morning.").is_empty());
    }

    #[test]
    fn unresolved_pronoun_has_no_source_and_surnames_are_people() {
        let mut doc = parse_document(
            &RawDocument {
                text: "He said the talks would resume next week.".into(),
                ..Default::default()
            },
            &Options::default(),
        );
        extract_claims(&mut doc);
        let c = &doc.claims[0];
        assert_eq!(c.source, "");
        assert_eq!(c.source_span.map(|s| s.slice(&doc.text)), Some("He"));
        // "Lavrov" alone, with no title, is a person "he" can refer to; "Russia" is not.
        assert_eq!(
            claims("Lavrov said the talks would go on. He added that the army would stop.")[1].1,
            "Lavrov"
        );
        assert_eq!(
            claims("Russia says the army advanced. He added that the army would stop.")[1].1,
            ""
        );
    }

    #[test]
    fn sources_around_commas_titles_and_collectives() {
        // A role, then the name between commas.
        assert_eq!(
            claims("Trump's attorney, Alan Garten, said Nunberg was looking for free publicity."),
            vec![t(
                "indirect",
                "Alan Garten",
                "said",
                "Nunberg was looking for free publicity"
            )]
        );
        // A relative clause with a closing quote before the cue.
        assert_eq!(
            claims("Humphrey, who calls Trump a “sociopath,” said he doesn’t believe the effort requires a settled alternative.")[0].1,
            "Humphrey"
        );
        // A title's period does not end the source written after the cue.
        assert_eq!(
            claims("''There's always resistance,'' said Mr. Schmidt, who bought the property 10 years ago.")[0].1,
            "Schmidt"
        );
        // Lower-case collectives after the content.
        assert_eq!(
            claims("Many confidentiality agreements never get tested in court, legal experts say.")
                [0]
            .1,
            "legal experts"
        );
        // A participle opening the sentence is an adverbial, not the content.
        assert_eq!(
            claims("Appearing on CBS' Face the Nation, the GOP front-runner said Clinton caused tremendous harm.")[0].3,
            "Clinton caused tremendous harm"
        );
    }

    #[test]
    fn stances_questions_transcripts_and_headlines() {
        assert_eq!(
            claims("Sanders slammed the trade deal as a disaster for American workers."),
            vec![t(
                "indirect",
                "Sanders",
                "slammed",
                "the trade deal as a disaster for American workers"
            )]
        );
        // "states" is the noun here.
        assert!(claims(
            "In three other states, black voters accounted for about a quarter of the vote."
        )
        .is_empty());
        // Asking for an event already named reports nothing; the participle's quote does.
        let got = claims("French Foreign Minister Jean-Marc Ayrault called for the meeting, claiming, “More than ever before, we need to urgently put in place means to end the hostilities.”");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2, "claiming");
        assert_eq!(
            claims("Asked whether he would counsel Clinton to pick Sanders, Reid said it was her decision.")[0],
            t(
                "indirect",
                "Reid",
                "Asked",
                "whether he would counsel Clinton to pick Sanders"
            )
        );
        let got = claims("Here is the exchange.\n\nBENENSON: Senator Sanders doesn’t get to decide when we debate. He is running a negative campaign.");
        assert_eq!(
            got.last().map(|c| (c.1.as_str(), c.3.as_str())),
            Some((
                "BENENSON",
                "Senator Sanders doesn’t get to decide when we debate. He is running a negative campaign"
            ))
        );
        assert_eq!(
            claims("Trump Says He Will Win Iowa And New Hampshire\n\nThe candidate spoke in Des Moines.")[0],
            t("indirect", "Trump", "Says", "He Will Win Iowa And New Hampshire")
        );
        // A non-restrictive relative clause ends the reported clause.
        assert_eq!(
            claims("Patrick predicted a Cruz win in Texas, which votes on March 1.")[0].3,
            "a Cruz win in Texas"
        );
    }

    #[test]
    fn quote_then_said_name_then_pronoun() {
        let got = claims("“Syrian soldiers were able to radically change the situation,” said Major-General Igor Konashenkov, a spokesman for the Russian Defense Ministry.\n“Half of the territory has been liberated,” he said.");
        assert_eq!(
            got,
            [
                t(
                    "direct",
                    "Igor Konashenkov",
                    "said",
                    "Syrian soldiers were able to radically change the situation,"
                ),
                t(
                    "direct",
                    "Igor Konashenkov",
                    "said",
                    "Half of the territory has been liberated,"
                ),
            ]
        );
    }

    #[test]
    fn name_said_colon_quote() {
        assert_eq!(
            claims("Peskov said: \"The militants are free to leave.\""),
            [t(
                "direct",
                "Peskov",
                "said",
                "The militants are free to leave."
            )]
        );
    }

    #[test]
    fn role_then_name_then_cue() {
        let got = claims("“52 districts of eastern Aleppo have been freed,” Russian Defense Ministry official Sergei Rudskoi said on Friday.");
        assert_eq!(got[0].1, "Sergei Rudskoi");
    }

    #[test]
    fn scare_quotes_are_flagged_not_claims() {
        // The request is a claim; the scare-quoted word is no quotation of its own.
        let got = claims("France called for a “ceasefire” in Aleppo.");
        assert_eq!(
            got,
            [t(
                "mixed",
                "France",
                "called for",
                "a “ceasefire” in Aleppo"
            )]
        );
        let mut doc = parse_document(
            &RawDocument {
                text: "France called for a “ceasefire” in Aleppo.".into(),
                ..Default::default()
            },
            &Options::default(),
        );
        extract_claims(&mut doc);
        assert_eq!(doc.claims[0].hedge.as_deref(), Some("“ceasefire”"));
        assert!(claims("Aleppo saw a “ceasefire” on Tuesday.").is_empty());
    }

    #[test]
    fn evidence_sources_and_complementizer() {
        // A poll or survey reports what it found, with or without "that".
        assert_eq!(
            claims("A Monmouth University poll found that most Republican voters back the ban."),
            [t(
                "indirect",
                "A Monmouth University poll",
                "found",
                "that most Republican voters back the ban"
            )]
        );
        assert_eq!(
            claims("In Ohio, a June poll found Kasich receiving 40 percent support among independents."),
            [t(
                "indirect",
                "a June poll",
                "found",
                "Kasich receiving 40 percent support among independents"
            )]
        );
        // A second reporting verb joined by "and" starts a second statement ("He", with no
        // one named before, resolves to no source).
        assert_eq!(
            claims("He said his recent attacks have helped his campaign and said that the nominee did not represent the party."),
            [
                t("indirect", "", "said", "his recent attacks have helped his campaign"),
                t("indirect", "", "said", "that the nominee did not represent the party"),
            ]
        );
        // A share of the polled is a source.
        assert_eq!(
            claims(
                "In Texas, half of Republican primary voters said they were angry at Washington."
            ),
            [t(
                "indirect",
                "half of Republican primary voters",
                "said",
                "they were angry at Washington"
            )]
        );
        assert_eq!(
            claims("Around that time, 47 percent said they would vote for the former secretary of state."),
            [t("indirect", "47 percent", "said", "they would vote for the former secretary of state")]
        );
        // A person who found something reports nothing without "that".
        assert!(claims("The senator found the missing files in a drawer.").is_empty());
        // A quotation after "that" starts at its marks.
        assert_eq!(
            claims("The governor said that “nobody is above the law.”"),
            [t("direct", "governor", "said", "nobody is above the law.")]
        );
    }

    #[test]
    fn beliefs_stances_and_refusals() {
        // Beliefs are attributed without "that".
        assert_eq!(
            claims("Most Republican voters think the economy is the top issue this year."),
            [t(
                "indirect",
                "Most Republican voters",
                "think",
                "the economy is the top issue this year"
            )]
        );
        // A stance's object is the content.
        assert_eq!(
            claims("Senator Smith defended his call to raise the minimum wage to $15 an hour."),
            [t(
                "indirect",
                "Smith",
                "defended",
                "his call to raise the minimum wage to $15 an hour"
            )]
        );
        assert_eq!(
            claims("A spokesman for the campaign declined to comment."),
            [t(
                "indirect",
                "A spokesman for the campaign",
                "declined",
                "to comment"
            )]
        );
        // An indirect question is reported; a request is not.
        assert_eq!(
            claims("A reporter asked the senator how he was feeling on caucus day."),
            [t(
                "indirect",
                "A reporter",
                "asked",
                "how he was feeling on caucus day"
            )]
        );
        assert!(claims("The candidate asked the crowd to stand for the anthem.").is_empty());
        // A base-form stance after a modal or "did not" is attributed.
        assert_eq!(
            claims("Senator Smith would not support the nominee."),
            [t("indirect", "Smith", "support", "the nominee")]
        );
        assert_eq!(
            claims("The governor did not see a path to the nomination."),
            [t("indirect", "governor", "see", "a path to the nomination")]
        );
        assert_eq!(
            claims("Party leaders did not expect that the senator would win the primary."),
            [t(
                "indirect",
                "Party leaders",
                "expect",
                "that the senator would win the primary"
            )]
        );
        assert_eq!(
            claims("Many Democrats worry that the nominee cannot win in November."),
            [t(
                "indirect",
                "Many Democrats",
                "worry",
                "that the nominee cannot win in November"
            )]
        );
        let got = claims("“That plan is a disaster,” the governor said, referring to the senator’s tax proposal.");
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1],
            t(
                "indirect",
                "governor",
                "referring to",
                "the senator’s tax proposal"
            )
        );
        let got = claims("The senator distanced himself from the movement by saying he would be willing to serve.");
        assert_eq!(
            got,
            [t(
                "indirect",
                "senator",
                "saying",
                "he would be willing to serve"
            )]
        );
    }

    #[test]
    fn indirect_leading_and_trailing() {
        assert_eq!(
            claims("Russia says the Syrian army has recently reestablished control over half of the areas."),
            [t("indirect", "Russia", "says", "the Syrian army has recently reestablished control over half of the areas")]
        );
        assert_eq!(
            claims("Negotiations between Russia and the US still continue, Peskov said earlier on Wednesday."),
            [t("indirect", "Peskov", "said", "Negotiations between Russia and the US still continue")]
        );
        assert_eq!(
            claims("On Tuesday, Lavrov said that Washington abruptly withdrew its own proposal."),
            [t(
                "indirect",
                "Lavrov",
                "said",
                "that Washington abruptly withdrew its own proposal"
            )]
        );
        assert_eq!(
            claims("Reports on Thursday said a new agreement has been reached.")[0].1,
            "Reports"
        );
    }

    #[test]
    fn mixed_and_according_to() {
        assert_eq!(
            claims("Russia “still maintains contacts with the Syrian opposition,” Foreign Ministry spokeswoman Maria Zakharova told journalists.")[0],
            t("mixed", "Maria Zakharova", "told", "Russia “still maintains contacts with the Syrian opposition,”")
        );
        assert_eq!(
            claims("On Wednesday, Syrian Reconciliation Minister Dr. Ali Haidar called the advance of the Syrian Army a “strategic victory” that would prevent foreign intervention, as reported by Reuters.")[0].0,
            "mixed"
        );
        assert_eq!(
            claims("The proposal, which envisages a five-day truce, was presented by the Aleppo command, AP reports."),
            [t("according_to", "AP", "reports", "The proposal, which envisages a five-day truce, was presented by the Aleppo command")]
        );
        let got = claims("The conflict has claimed the lives of more than 400,000 people, according to an estimate by UN special envoy Staffan de Mistura.");
        assert_eq!(got[0].0, "according_to", "{got:?}");
    }

    #[test]
    fn appositive_and_continued_quote() {
        let got = claims("\"We will not accept any truce,\" Fares Shehabi, an MP for Aleppo, told dpa by telephone. \"If they do not leave we will continue our attack.\"");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "Fares Shehabi");
        assert!(got[0].3.ends_with("continue our attack."), "{got:?}");
    }

    #[test]
    fn relays_participles_colons_and_who() {
        // "..., dpa adds." relays the militants' statement: one claim, via dpa.
        let got = claims("The militants said that they are not satisfied with the government proposals, dpa adds.");
        assert_eq!(
            got,
            [t(
                "indirect",
                "militants",
                "said",
                "that they are not satisfied with the government proposals"
            )]
        );
        assert!(
            claims("Hundreds of foreign-backed militants have laid down arms in Aleppo.")
                .is_empty()
        );
        // The participle's source is the sentence's subject.
        let got = claims("The Syrian government rejected the proposal, insisting that the militants should leave the city.");
        assert_eq!(
            got,
            [t(
                "indirect",
                "Syrian government",
                "insisting",
                "that the militants should leave the city"
            )]
        );
        let got = claims("She then addressed the supporters again: “Here is what I regret.”");
        assert_eq!(got, [t("direct", "", "", "Here is what I regret.")]); // no antecedent: no source
        let got = claims("Sanders was echoed by former Maryland Gov. Martin O’Malley, who noted that he had raised the minimum wage.");
        assert_eq!(got[0].1, "Martin O’Malley");
        assert_eq!(got[0].3, "that he had raised the minimum wage");
    }

    #[test]
    fn attribution_inside_the_content_keeps_both_sides() {
        let got = claims("In the three years since the shootings, Barden says, far too many lives have been lost.");
        assert_eq!(got[0].1, "Barden");
        assert!(got[0].3.starts_with("In the three years") && got[0].3.ends_with("have been lost"));
    }

    #[test]
    fn odd_quote_count_does_not_swallow_the_article() {
        let got = claims("“The first paragraph opens a quote,” he said. “It runs on\n\n“and closes here,” Lavrov said.\n\nThe army, officials said, advanced further into the city.");
        assert_eq!(got.last().unwrap().1, "officials", "{got:?}");
    }
}
