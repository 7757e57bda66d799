//! Hostile inputs whose cost must stay linear, for stages owned elsewhere. Sizes are chosen so
//! that a quadratic stage takes minutes to hours rather than seconds.

use newsclaims::{extract_batch, raw_from_text, Options};

/// One sentence of 20,000 short quotations (280 KB). Attribution matches its source-before-cue
/// regex on the whole sentence before each quotation, so the cost grows with the square of the
/// sentence: 100 KB took 110 s, 50 KB 30 s, 25 KB 7.5 s (bench/hostile.py, case
/// `many_quotations_no_numbers`). Ignored until `attribution` reads a bounded window before
/// each quotation; run with `cargo test --release --test hostile -- --ignored`.
#[test]
#[ignore = "quadratic in attribution::direct_claim: minutes on this input"]
fn one_sentence_of_many_quotations() {
    let text = "“aaa bbb ccc” ".repeat(20_000);
    let raws = vec![raw_from_text("q".into(), text, None, None)];
    let tables = extract_batch(&raws, &Options::default(), Some(1)).unwrap();
    assert_eq!(tables.documents.error, [None]);
    assert_eq!(tables.documents.n_sentences, [1]);
}
