//! Property tests over arbitrary and news-like strings, stage by stage and for the whole
//! pipeline: no stage panics, and every span it gives lies on char boundaries, within the
//! text, in order. (`PROPTEST_CASES` raises the number of cases; the default keeps
//! `cargo test` quick.)

use newsclaims::attribution::extract_claims;
use newsclaims::parse::decode::decode_bytes;
use newsclaims::parse::parse_document;
use newsclaims::quantity::extract_quantities;
use newsclaims::time::{find_time_expressions, resolve_date};
use newsclaims::{
    extract_batch, raw_from_text, Document, InputFormat, Options, RawDocument, Span, StrColumn,
};
use proptest::prelude::*;

/// Pieces of news text, including the characters that stages treat specially: every quote
/// mark, Unicode spaces, dashes, digits with separators, capitalised words and cue verbs.
const PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "‚",
    "‹",
    "›",
    "「",
    "」",
    "`",
    "''",
    "``",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{2009}",
    "\u{202f}",
    "\u{3000}",
    "\u{200b}",
    "\u{2028}",
    "\u{feff}",
    "\0",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "%",
    "$",
    "€",
    "£",
    "/",
    "0",
    "1",
    "7",
    "12",
    "1,200",
    "3.5",
    "10,500",
    "2016",
    "24",
    "½",
    "million",
    "billion",
    "thousand",
    "dozens",
    "half",
    "one",
    "two",
    "ten",
    "percent",
    "per cent",
    "km",
    "people",
    "civilians",
    "killed",
    "wounded",
    "fled",
    "at least",
    "about",
    "more than",
    "up to",
    "between",
    "and",
    "to",
    "of",
    "the",
    "a",
    "The",
    "He",
    "he",
    "She",
    "they",
    "said",
    "says",
    "told",
    "added",
    "according to",
    "reported",
    "claimed",
    "Lavrov",
    "Sergei",
    "Igor Konashenkov",
    "Mr.",
    "Dr.",
    "U.S.",
    "E.",
    "Major-General",
    "spokesman",
    "President",
    "Syrian",
    "Army",
    "Aleppo",
    "Reuters",
    "on Friday",
    "Monday",
    "yesterday",
    "last week",
    "December",
    "Dec",
    "7 Dec, 2016 19:16",
    "2016-12-07",
    "ago",
    "é",
    "😀",
    "<p>",
    "</p>",
    "<div>",
    "<b>",
    "<script>",
    "&amp;",
    "&#8220;",
    "<!--",
];

/// `PROPTEST_CASES` if set, else `default` (an explicit `with_cases` ignores the variable).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|p| p.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), news_like()]
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.byte_start <= span.byte_end && span.byte_end <= text.len(),
        "{what} {span:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.byte_start) && text.is_char_boundary(span.byte_end),
        "{what} {span:?} not on char boundaries"
    );
}

fn check_ordered(text: &str, spans: &[Span], what: &str) {
    for (i, span) in spans.iter().enumerate() {
        check_span(text, *span, what);
        if i > 0 {
            assert!(
                spans[i - 1].byte_end <= span.byte_start,
                "{what} out of order or overlapping: {:?} then {span:?}",
                spans[i - 1]
            );
        }
    }
}

fn parsed(text: &str, format: InputFormat) -> Document {
    let mut raw = raw_from_text("p".into(), text.to_owned(), None, None);
    raw.format = format;
    parse_document(&raw, &Options::default())
}

fn check_parsed(doc: &Document) {
    check_ordered(&doc.text, &doc.paragraphs, "paragraph");
    let sentences: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
    check_ordered(&doc.text, &sentences, "sentence");
    for s in &doc.sentences {
        assert!(
            doc.paragraphs[s.paragraph].contains(s.span),
            "sentence outside its paragraph"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(200)))]

    #[test]
    fn decode_never_panics_and_leaves_no_nul_or_cr(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let (text, _) = decode_bytes(&bytes);
        prop_assert!(!text.contains('\0') && !text.contains('\r'));
        let mut bom = vec![0xFF, 0xFE];
        bom.extend(&bytes);
        let (text, _) = decode_bytes(&bom);
        prop_assert!(!text.contains('\0') && !text.contains('\r'));
    }

    #[test]
    fn parse_gives_ordered_sentences_inside_paragraphs(text in any_text()) {
        check_parsed(&parsed(&text, InputFormat::Text));
    }

    #[test]
    fn time_expressions_are_ordered_spans(text in any_text()) {
        let doc = parsed(&text, InputFormat::Text);
        let found = find_time_expressions(&doc.text, Span::new(0, doc.text.len()));
        check_ordered(&doc.text, &found, "time expression");
        for t in found {
            resolve_date(t.slice(&doc.text), chrono::NaiveDate::from_ymd_opt(2016, 12, 7));
        }
    }

    #[test]
    fn quantities_are_ordered_spans_in_their_sentence(text in any_text()) {
        let mut doc = parsed(&text, InputFormat::Text);
        extract_quantities(&mut doc);
        let spans: Vec<Span> = doc.quantities.iter().map(|q| q.span).collect();
        check_ordered(&doc.text, &spans, "quantity");
        for q in &doc.quantities {
            prop_assert!(q.sentence < doc.sentences.len());
        }
    }

    #[test]
    fn claims_are_spans_within_the_text(text in any_text()) {
        let mut doc = parsed(&text, InputFormat::Text);
        extract_claims(&mut doc);
        for c in &doc.claims {
            check_span(&doc.text, c.span, "claim");
            check_span(&doc.text, c.content, "claim content");
            for s in [c.source_span, c.cue_span, c.date_span].into_iter().flatten() {
                check_span(&doc.text, s, "claim part");
            }
            prop_assert!(c.sentence < doc.sentences.len());
        }
    }

    #[test]
    fn whole_pipeline_tables_are_consistent(texts in prop::collection::vec(any_text(), 0..4)) {
        let raws: Vec<RawDocument> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| raw_from_text(i.to_string(), t.clone(), Some("2016-12-07".into()), None))
            .collect();
        let one = extract_batch(&raws, &Options::default(), Some(1)).unwrap();
        let two = extract_batch(&raws, &Options::default(), Some(2)).unwrap();
        let d = &one.documents;
        prop_assert_eq!(&d.doc_id, &two.documents.doc_id);
        prop_assert_eq!(&one.claims.content, &two.claims.content);
        prop_assert_eq!(&one.quantities.start, &two.quantities.start);
        prop_assert_eq!(d.doc_id.len(), texts.len());
        prop_assert!(d.error.iter().all(|e| e.is_none()), "{:?}", d.error);
        let chars: Vec<Vec<char>> = d.text.iter().flatten().map(|t| t.chars().collect()).collect();
        let doc_index = |id: &str| id.parse::<usize>().unwrap();
        let slice = |doc: usize, start: i64, end: i64| -> String {
            assert!(0 <= start && start <= end && end as usize <= chars[doc].len());
            chars[doc][start as usize..end as usize].iter().collect()
        };
        let c = &one.claims;
        for i in 0..c.doc_id.len() {
            let doc = doc_index(c.doc_id.get(i).unwrap());
            prop_assert_eq!(slice(doc, c.content_start[i], c.content_end[i]), c.content.get(i).unwrap());
        }
        let q = &one.quantities;
        for i in 0..q.doc_id.len() {
            prop_assert_eq!(slice(doc_index(q.doc_id.get(i).unwrap()), q.start[i], q.end[i]), q.text.get(i).unwrap());
        }
        let s = &one.sentences;
        for i in 0..s.doc_id.len() {
            prop_assert_eq!(slice(doc_index(s.doc_id.get(i).unwrap()), s.start[i], s.end[i]), s.text.get(i).unwrap());
        }
        for (doc, id) in d.doc_id.iter().enumerate() {
            let count = |ids: &StrColumn| ids.iter().filter(|x| *x == id).count() as i64;
            prop_assert_eq!(count(&c.doc_id), d.n_claims[doc]);
            prop_assert_eq!(count(&q.doc_id), d.n_quantities[doc]);
            prop_assert_eq!(count(&s.doc_id), d.n_sentences[doc]);
        }
    }
}

proptest! {
    // HTML goes through html5ever and readability: fewer, costlier cases.
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn html_parse_gives_ordered_sentences(text in any_text()) {
        check_parsed(&parsed(&text, InputFormat::Html));
    }
}
