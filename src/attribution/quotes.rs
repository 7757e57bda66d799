//! Quotation marks: pairing curly and straight double quotes (and NYT-style '' ... '') within a
//! sentence ([`find_quotations`]) or over a whole paragraph ([`pair_quotes`]).
//!
//! Pairing is per paragraph, so an odd number of marks (a quote running over several paragraphs
//! opens each and closes only the last) never swallows the rest of the article: an unclosed
//! quote ends with its paragraph.
//!
//! Which curly marks open and close is [`QuoteMarks`]: the conventions of the languages a user
//! picks from `lexicon::quote_marks` (German „…“, Danish »…«, Swedish ”…”), English “…” and
//! « » by default. [`inner`] and [`is_closed`] know only the English closing marks: the stage
//! reads other marks on a copy of the text rewritten to English ones ([`as_english`]).

use crate::document::Span;
pub use crate::lexicon::quote_marks::QuoteMarks;

/// Quotations shorter than this many words are scare quotes ("ceasefire"), not statements.
pub const MIN_QUOTE_WORDS: usize = 3;

/// Quotations inside `sentence`, as spans including their quote marks, in text order.
pub fn find_quotations(text: &str, sentence: Span) -> Vec<Span> {
    let s = sentence.slice(text);
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mark = match c {
            '“' | '”' | '"' | '«' | '»' => c,
            '\'' if chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                chars.next();
                '\''
            }
            _ => continue,
        };
        let mark_len = if mark == '\'' { 2 } else { mark.len_utf8() };
        match open {
            None if matches!(mark, '“' | '"' | '«' | '\'') => open = Some((i, mark)),
            None if mark == '”' && opens_here(s, i) => open = Some((i, mark)),
            Some((start, opener)) if closes(opener, mark) => {
                let span = Span::new(
                    sentence.byte_start + start,
                    sentence.byte_start + i + mark_len,
                );
                if word_count(span.slice(text)) >= MIN_QUOTE_WORDS {
                    out.push(span);
                }
                open = None;
            }
            Some(_) if mark == '“' => open = Some((i, mark)),
            _ => {}
        }
    }
    // A quotation opened and not closed in this sentence runs to the sentence end (a quote
    // continued over paragraphs opens each and closes only the last).
    if let Some((start, _)) = open {
        let span = Span::new(sentence.byte_start + start, sentence.byte_end);
        if word_count(span.slice(text)) >= MIN_QUOTE_WORDS {
            out.push(span);
        }
    }
    out
}

/// Every quotation of a paragraph, as spans including their marks, whatever their length. A
/// quote left open runs to the paragraph end. The opening marks of `marks` open (English `“`,
/// German `„`), its closing marks close (English `”`, German `“`), straight `"` and NYT `''`
/// toggle; an opening mark inside an open quote is ignored (the same rule as PolNeAR's gold).
/// Secondary marks (German ‚…‘) pair only with each other.
pub fn pair_quotes(text: &str, paragraph: Span, marks: &QuoteMarks) -> Vec<Span> {
    pair(text, paragraph, marks)
        .into_iter()
        .map(|q| q.span)
        .collect()
}

/// A quotation found by [`pair`].
struct Paired {
    span: Span,
    /// Ends with its closing mark (else it runs to the paragraph end).
    closed: bool,
}

/// [`pair_quotes`], saying also which quotes are closed.
fn pair(text: &str, paragraph: Span, marks: &QuoteMarks) -> Vec<Paired> {
    let p = paragraph.slice(text);
    let bytes = p.as_bytes();
    let mut out = Vec::new();
    // Where the open quote starts, and whether it opened with a secondary mark.
    let mut open: Option<(usize, bool)> = None;
    let mut i = 0;
    while i < p.len() {
        // Only `"`, `'` and the marks whose UTF-8 starts 0xE2 (“ ” „ ‚ ‘) or 0xC2 (« ») matter
        // (a test checks every mark of the table): skip to the next such byte instead of
        // decoding every character (this loop was 4% of all instructions).
        match bytes[i..]
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2))
        {
            Some(skip) => i += skip,
            None => break,
        }
        let c = p[i..].chars().next().expect("in bounds");
        let (width, straight) = if bytes[i] == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
            (2, true)
        } else {
            (c.len_utf8(), c == '"')
        };
        match open {
            None if straight || marks.open().contains(&c) || c == '”' && opens_here(p, i) => {
                open = Some((i, false))
            }
            None if marks.open_inner().contains(&c) => open = Some((i, true)),
            Some((start, inner))
                if if inner {
                    marks.close_inner().contains(&c)
                } else {
                    straight || marks.close().contains(&c)
                } =>
            {
                out.push(Paired {
                    span: Span::new(
                        paragraph.byte_start + start,
                        paragraph.byte_start + i + width,
                    ),
                    closed: true,
                });
                open = None;
            }
            _ => {}
        }
        i += width;
    }
    if let Some((start, _)) = open {
        out.push(Paired {
            span: Span::new(paragraph.byte_start + start, paragraph.byte_end),
            closed: false,
        });
    }
    out
}

/// `text` with the curly marks of every quotation `marks` pairs rewritten to English marks of
/// the same UTF-8 length (German „…“ and Swedish ”…” to “…”, a German ‚…‘ standing alone to
/// “…”, the two-byte guillemets of Danish »…« and French «…» to NYT-style ''…'', which the
/// rules read as they read “…” (»…,« Lavrov said), and to « when left open), so that the
/// attribution rules, written for English marks (“…,” Lavrov said), read them; `None` when no
/// mark changes. Offsets stay valid: every mark keeps its byte length.
pub fn as_english(text: &str, paragraphs: &[Span], marks: &QuoteMarks) -> Option<String> {
    let mut out = text.to_owned();
    let mut changed = false;
    let mut rewrite = |at: usize, to: char| {
        let from = text[at..].chars().next().expect("a mark");
        if matches!(from, '"' | '\'') {
            return;
        }
        if to == '\'' && from.len_utf8() == 2 {
            out.replace_range(at..at + 2, "''");
            changed = true;
        } else if from != to && from.len_utf8() == to.len_utf8() {
            let mut buf = [0; 4];
            out.replace_range(at..at + from.len_utf8(), to.encode_utf8(&mut buf));
            changed = true;
        }
    };
    for paragraph in paragraphs {
        for q in pair(text, *paragraph, marks) {
            // A secondary quotation found here stands alone (inside a quotation secondary marks
            // are skipped), so it reads as a quotation: ‚Never again,‘ he said.
            let first = text[q.span.byte_start..].chars().next().expect("a mark");
            // An unclosed one keeps « (a lone '' would close whatever quote the rules read next).
            let (open, close) = if first.len_utf8() == 2 && q.closed {
                ('\'', '\'') // written as ''
            } else if first.len_utf8() == 2 {
                ('«', '»')
            } else {
                ('“', '”')
            };
            rewrite(q.span.byte_start, open);
            if q.closed {
                let last = q.span.slice(text).chars().next_back().expect("a mark");
                rewrite(q.span.byte_end - last.len_utf8(), close);
            }
        }
    }
    changed.then_some(out)
}

/// `s`, a string the attribution stage took from `english` (the text [`as_english`] gave), as
/// written in `original`: found first inside `near`, then anywhere; unchanged when not found.
pub fn restore_marks(original: &str, english: &str, near: Span, s: &mut String) {
    if !s.contains(['“', '”', '«', '»', '‘', '’']) && !s.contains("''") {
        return;
    }
    let at = english
        .get(near.byte_start..near.byte_end)
        .and_then(|n| n.find(s.as_str()))
        .map(|i| near.byte_start + i)
        .or_else(|| english.find(s.as_str()));
    if let Some(written) = at.and_then(|i| original.get(i..i + s.len())) {
        *s = written.to_owned();
    }
}

/// Whether a quotation span ends with a closing mark (it may instead run to its paragraph end).
pub fn is_closed(text: &str, quote: Span) -> bool {
    let s = quote.slice(text);
    s.chars().count() > 1 && (s.ends_with(['”', '"', '»']) || s.len() > 3 && s.ends_with("''"))
}

fn closes(opener: char, mark: char) -> bool {
    matches!(
        (opener, mark),
        ('“', '”') | ('“', '"') | ('"', '"') | ('"', '”') | ('”', '”') | ('«', '»') | ('\'', '\'')
    )
}

/// Whether a `”` at byte `i` of `s` opens a quotation (Swedish and Finnish ”…”, also met in
/// English copy): it starts `s` or follows a space or `(`, and a letter or digit follows it. A
/// closing `”` follows the quoted words (“We stay,” he said).
fn opens_here(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_none_or(|b| b.is_whitespace() || b == '(')
        && s[i + '”'.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The content of a quotation: inside the marks, trimmed of spaces.
pub fn inner(text: &str, quote: Span) -> Span {
    let s = quote.slice(text);
    let open = s
        .chars()
        .next()
        .map_or(0, |c| if c == '\'' { 2 } else { c.len_utf8() });
    let close = match s.chars().last() {
        Some(c @ ('”' | '"' | '»')) if s.len() > open => c.len_utf8(),
        Some('\'') if s.ends_with("''") && s.len() > open + 1 => 2,
        _ => 0,
    };
    let body = &s[open..s.len() - close];
    let lead = body.len() - body.trim_start().len();
    let trail = body.len() - body.trim_end().len();
    Span::new(
        quote.byte_start + open + lead,
        quote.byte_end - close - trail,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> Vec<&str> {
        find_quotations(s, Span::new(0, s.len()))
            .into_iter()
            .map(|q| inner(s, q).slice(s))
            .collect()
    }

    #[test]
    fn curly_straight_and_nyt() {
        assert_eq!(
            quotes("“We will not accept any truce,” he said."),
            ["We will not accept any truce,"]
        );
        assert_eq!(
            quotes("\"We will not accept any truce,\" he said."),
            ["We will not accept any truce,"]
        );
        assert_eq!(
            quotes("''We will not accept any truce,'' he said."),
            ["We will not accept any truce,"]
        );
    }

    #[test]
    fn paragraph_pairing_keeps_unclosed_quote_in_its_paragraph() {
        let t = "“Unfortunately, only a few left,” he said. ''Fine,'' she said. “It goes on";
        let got: Vec<&str> = pair_quotes(t, Span::new(0, t.len()), QuoteMarks::shared())
            .into_iter()
            .map(|q| q.slice(t))
            .collect();
        assert_eq!(
            got,
            [
                "“Unfortunately, only a few left,”",
                "''Fine,''",
                "“It goes on"
            ]
        );
    }

    #[test]
    fn scare_quotes_skipped_and_open_quote_runs_to_end() {
        assert_eq!(
            quotes("a “ceasefire” in Aleppo and a “humanitarian pause”"),
            Vec::<&str>::new()
        );
        assert_eq!(
            quotes("“It will continue for a long time"),
            ["It will continue for a long time"]
        );
    }

    fn langs(codes: &[&str]) -> QuoteMarks {
        let codes: Vec<String> = codes.iter().map(|c| (*c).to_owned()).collect();
        QuoteMarks::new(&codes).unwrap()
    }

    fn paired<'a>(t: &'a str, marks: &QuoteMarks) -> Vec<&'a str> {
        pair_quotes(t, Span::new(0, t.len()), marks)
            .into_iter()
            .map(|q| q.slice(t))
            .collect()
    }

    #[test]
    fn german_low_high_quotes_pair_only_when_picked() {
        let t = "„The talks will continue,“ Lavrov said. „We are ready.“";
        // By default “ opens: the German closing mark would open a quote running on.
        assert_eq!(
            paired(t, QuoteMarks::shared()),
            ["“ Lavrov said. „We are ready.“"]
        );
        let de = langs(&["de"]);
        let got = paired(t, &de);
        assert_eq!(got, ["„The talks will continue,“", "„We are ready.“"]);
        // The stage reads them as English marks, at the same offsets.
        let english = as_english(t, &[Span::new(0, t.len())], &de).unwrap();
        let q = pair_quotes(&english, Span::new(0, t.len()), QuoteMarks::shared())[0];
        assert!(is_closed(&english, q));
        assert_eq!(inner(&english, q).slice(t), "The talks will continue,");
        // English and German together: “ both opens and closes, like a straight quote.
        let both = langs(&["en", "de"]);
        let t2 = "“We stay,” he said. „We go,“ she said.";
        assert_eq!(paired(t2, &both), ["“We stay,”", "„We go,“"]);
    }

    #[test]
    fn german_single_quotes_nest_and_pair_alone() {
        let de = langs(&["de"]);
        let t = "„He told me ‚no‘ twice,“ she said. ‚Never again,‘ he said.";
        assert_eq!(
            paired(t, &de),
            ["„He told me ‚no‘ twice,“", "‚Never again,‘"]
        );
        // English has no secondary marks: ‘ opens nothing and ’ is the apostrophe.
        let t = "“Assad’s forces ‘won’ nothing,” he said.";
        assert_eq!(
            paired(t, QuoteMarks::shared()),
            [t.trim_end_matches(" he said.")]
        );
    }

    #[test]
    fn french_and_danish_guillemets() {
        let t = "« Les discussions continueront », a dit Lavrov.";
        assert_eq!(
            paired(t, QuoteMarks::shared()),
            ["« Les discussions continueront »"]
        );
        let q = pair_quotes(t, Span::new(0, t.len()), QuoteMarks::shared())[0];
        assert_eq!(inner(t, q).slice(t), "Les discussions continueront");
        // Danish (and German books) point the marks inward: » opens, « closes.
        let t = "»The talks will continue,« Lavrov said.";
        assert_eq!(paired(t, &langs(&["en"])), Vec::<&str>::new());
        let da = langs(&["da"]);
        assert_eq!(paired(t, &da), ["»The talks will continue,«"]);
        let english = as_english(t, &[Span::new(0, t.len())], &da).unwrap();
        assert_eq!(english, "''The talks will continue,'' Lavrov said.");
        let q = pair_quotes(&english, Span::new(0, t.len()), QuoteMarks::shared())[0];
        assert_eq!(inner(&english, q).slice(t), "The talks will continue,");
    }

    #[test]
    fn swedish_closing_marks_toggle() {
        let t = "”The talks will continue,” Lavrov said. ”We are ready.”";
        // By default ” closes, and opens only where a quotation opens (before a word, after a
        // space or the paragraph start), so the same quotations pair.
        for marks in [QuoteMarks::shared(), &langs(&["en"])] {
            assert_eq!(
                paired(t, marks),
                ["”The talks will continue,”", "”We are ready.”"]
            );
        }
        for code in ["sv", "fi"] {
            assert_eq!(
                paired(t, &langs(&[code])),
                ["”The talks will continue,”", "”We are ready.”"]
            );
        }
    }

    #[test]
    fn straight_quotes_pair_in_every_language() {
        let t = "\"We will not accept any truce,\" he said. ''Fine,'' she said.";
        for code in ["en", "de", "sv", "da"] {
            assert_eq!(
                paired(t, &langs(&[code])),
                ["\"We will not accept any truce,\"", "''Fine,''"]
            );
        }
    }

    #[test]
    fn languages_are_checked_and_default_is_english_and_french() {
        assert!(QuoteMarks::shared().is_default());
        assert_eq!(QuoteMarks::shared().languages(), ["en", "fr"]);
        assert!(langs(&["fr", "en", "fr"]).is_default());
        assert_eq!(langs(&["de", "de", "en"]).languages(), ["de", "en"]);
        assert!(!langs(&["en"]).is_default());
        let e = QuoteMarks::new(&["de".to_owned(), "klingon".to_owned()]).unwrap_err();
        assert!(e.is_invalid_option());
        let msg = e.to_string();
        assert!(
            msg.contains("quote_marks") && msg.contains("\"klingon\""),
            "{msg}"
        );
        assert!(msg.contains("en, fr, de"), "{msg}");
        assert!(QuoteMarks::new(&[]).unwrap_err().is_invalid_option());
    }

    #[test]
    fn every_mark_is_found_by_the_byte_scan() {
        for (lang, primary, secondary) in crate::lexicon::quote_marks::QUOTE_MARKS {
            for (open, close) in primary.iter().chain(secondary.iter()) {
                for c in [open, close] {
                    let mut buf = [0; 4];
                    let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                    assert!(matches!(lead, 0xE2 | 0xC2), "{lang} {c}");
                }
            }
        }
    }

    #[test]
    fn german_marks_in_english_text_give_a_direct_claim() {
        let text = "„The talks will continue,“ Lavrov said.";
        let raw = crate::RawDocument {
            text: text.into(),
            ..Default::default()
        };
        let options = crate::Options::default()
            .with_quote_marks(&["en".to_owned(), "de".to_owned()])
            .unwrap();
        let doc = crate::extract_document(&raw, &options);
        let got: Vec<(String, &str)> = doc
            .claims
            .iter()
            .map(|c| (c.source.clone(), c.content.slice(&doc.text)))
            .collect();
        assert_eq!(got, [("Lavrov".to_owned(), "The talks will continue,")]);
        assert_eq!(doc.claims[0].kind.as_str(), "direct");
        // Cue verbs added afterwards keep the marks, and the other way round.
        let words = ["deadpanned".to_owned()];
        let a = options.clone().with_attribution_words(&words, &[]).unwrap();
        let b = crate::Options::default()
            .with_attribution_words(&words, &[])
            .unwrap()
            .with_quote_marks(&["en".to_owned(), "de".to_owned()])
            .unwrap();
        for o in [&a, &b] {
            assert_eq!(o.lexicon().quote_marks().languages(), ["en", "de"]);
            assert!(o.lexicon().cues().is_match("he deadpanned"));
        }
        // The default choice keeps the shared tables.
        let same = crate::Options::default()
            .with_quote_marks(&["fr".to_owned(), "en".to_owned()])
            .unwrap();
        assert!(same.attribution.is_none());
    }

    #[test]
    fn as_english_rewrites_paired_marks_keeping_offsets() {
        let t = "„He told me ‚no‘ twice,“ she said.\n\n»Never,« he said. „Open";
        let cut = t.find("\n\n").unwrap();
        let paras = [Span::new(0, cut), Span::new(cut + 2, t.len())];
        let de = langs(&["de"]);
        let english = as_english(t, &paras, &de).unwrap();
        assert_eq!(
            english,
            "“He told me ‚no‘ twice,” she said.\n\n''Never,'' he said. “Open"
        );
        assert_eq!(english.len(), t.len());
        // English marks need no rewriting.
        assert_eq!(
            as_english("“We stay,” he said.", &[Span::new(0, 22)], &de),
            None
        );
        let mut hedge = "“ceasefire”".to_owned();
        let t = "France called for a „ceasefire“ in Aleppo.";
        let english = as_english(t, &[Span::new(0, t.len())], &de).unwrap();
        restore_marks(t, &english, Span::new(0, t.len()), &mut hedge);
        assert_eq!(hedge, "„ceasefire“");
    }

    #[test]
    fn german_scare_quotes_keep_their_marks_in_the_hedge() {
        let raw = crate::RawDocument {
            text: "France called for a „ceasefire“ in Aleppo.".into(),
            ..Default::default()
        };
        let options = crate::Options::default()
            .with_quote_marks(&["de".to_owned()])
            .unwrap();
        let doc = crate::extract_document(&raw, &options);
        assert_eq!(doc.text, "France called for a „ceasefire“ in Aleppo.");
        assert_eq!(doc.claims.len(), 1);
        assert_eq!(doc.claims[0].hedge.as_deref(), Some("„ceasefire“"));
        assert_eq!(
            doc.claims[0].content.slice(&doc.text),
            "a „ceasefire“ in Aleppo"
        );
    }

    fn claims_of(text: &str, marks: &[&str]) -> Vec<(crate::document::ClaimKind, String, String)> {
        let raw = crate::RawDocument {
            text: text.into(),
            ..Default::default()
        };
        let mut options = crate::Options::default();
        if !marks.is_empty() {
            let marks: Vec<String> = marks.iter().map(|m| (*m).to_owned()).collect();
            options = options.with_quote_marks(&marks).unwrap();
        }
        let doc = crate::extract_document(&raw, &options);
        doc.claims
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.source.clone(),
                    c.content.slice(&doc.text).to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn danish_guillemets_before_the_speaker_make_a_claim() {
        use crate::document::ClaimKind;
        let direct = |source: &str, content: &str| {
            (ClaimKind::Direct, source.to_owned(), content.to_owned())
        };
        assert_eq!(
            claims_of("»The talks will continue,« Lavrov said.", &["da"]),
            [direct("Lavrov", "The talks will continue,")]
        );
        assert_eq!(
            claims_of("Lavrov said: »The talks will continue.«", &["da"]),
            [direct("Lavrov", "The talks will continue.")]
        );
    }

    #[test]
    fn swedish_quotes_open_where_a_quotation_opens() {
        use crate::document::ClaimKind;
        let t = "”The talks will continue,” Lavrov said.";
        let want = [(
            ClaimKind::Direct,
            "Lavrov".to_owned(),
            "The talks will continue,".to_owned(),
        )];
        assert_eq!(claims_of(t, &[]), want);
        assert_eq!(claims_of(t, &["sv"]), want);
        assert_eq!(
            paired(t, QuoteMarks::shared()),
            ["”The talks will continue,”"]
        );
        assert_eq!(quotes(t), ["The talks will continue,"]);
        // A closing ” after the words, or one with a space after it, opens nothing.
        assert_eq!(
            paired("“We stay,” he said.", QuoteMarks::shared()),
            ["“We stay,”"]
        );
        assert_eq!(
            paired("He said ” nothing more.", QuoteMarks::shared()),
            Vec::<&str>::new()
        );
    }
}
