//! Fuzzes the whole pipeline: arbitrary bytes are decoded as a file would be (BOM, UTF-16,
//! invalid UTF-8, NUL, CRLF), read as text or as HTML (the first byte decides), and run through
//! every stage. A panic anywhere aborts (libfuzzer-sys's panic hook fires even inside the
//! pipeline's `catch_unwind`); every span in the tables must slice the document text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclaims::parse::decode::decode_bytes;
use newsclaims::{extract_document, InputFormat, Options, RawDocument, Tables};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let (text, warnings) = decode_bytes(bytes);
    let raw = RawDocument {
        id: "fuzz".into(),
        text,
        warnings,
        format: if mode & 1 == 1 { InputFormat::Html } else { InputFormat::Text },
        published: (mode & 2 == 2).then(|| "2016-12-07".to_owned()),
        ..RawDocument::default()
    };
    // One document straight through the stages (no thread pool per run: that halved the speed).
    let mut tables = Tables::default();
    tables.push_document(&extract_document(&raw, &Options::default()));
    let d = &tables.documents;
    assert_eq!(d.doc_id.len(), 1);
    assert!(d.error.get(0).is_none(), "{:?}", d.error.get(0));
    let chars: Vec<char> = d.text.get(0).unwrap().chars().collect();
    let slice = |start: i64, end: i64| -> String {
        assert!(0 <= start && start <= end && end as usize <= chars.len());
        chars[start as usize..end as usize].iter().collect()
    };
    let c = &tables.claims;
    assert_eq!(c.doc_id.len() as i64, d.n_claims[0]);
    for i in 0..c.doc_id.len() {
        assert_eq!(slice(c.content_start[i], c.content_end[i]), c.content.get(i).unwrap());
        assert!(c.start[i] <= c.end[i]);
    }
    let q = &tables.quantities;
    assert_eq!(q.doc_id.len() as i64, d.n_quantities[0]);
    for i in 0..q.doc_id.len() {
        assert_eq!(slice(q.start[i], q.end[i]), q.text.get(i).unwrap());
    }
    let s = &tables.sentences;
    assert_eq!(s.doc_id.len() as i64, d.n_sentences[0]);
    for i in 0..s.doc_id.len() {
        assert_eq!(slice(s.start[i], s.end[i]), s.text.get(i).unwrap());
        assert!(i == 0 || s.end[i - 1] <= s.start[i], "sentences out of order");
    }
});
