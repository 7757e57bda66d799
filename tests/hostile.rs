//! Hostile inputs whose cost must stay linear, for stages owned elsewhere. Sizes are chosen so
//! that a quadratic stage takes minutes to hours rather than seconds.

use newsclaims::{extract_batch, raw_from_text, Options};

/// One sentence of 5,000 short quotations (70 KB). The first attribution stage matched its
/// source-before-cue regex on the whole sentence before each quotation, so the cost grew with
/// the square of the sentence (100 KB took 110 s; bench/hostile.py, case
/// `many_quotations_no_numbers`); the rewritten stage is linear: a few seconds here even in a debug build.
#[test]
fn one_sentence_of_many_quotations() {
    let text = "“aaa bbb ccc” ".repeat(5_000);
    let raws = vec![raw_from_text("q".into(), text, None, None)];
    let tables = extract_batch(&raws, &Options::default(), Some(1)).unwrap();
    assert_eq!(tables.documents.error.iter().collect::<Vec<_>>(), [None]);
    assert_eq!(tables.documents.n_sentences, [1]);
}
