//! Word tables as data: cue verbs, titles, boilerplate patterns, number words, abbreviations,
//! HTML metadata selectors, other names of sources.
//!
//! Each table is a plain `const` slice so that extending newsclaims is adding a row, not a regex.
//! Stages read these tables; the tables know nothing of the stages.

pub mod abbreviations;
pub mod aliases;
pub mod boilerplate;
pub mod clauses;
pub mod compiled;
pub mod cue_words;
pub mod cues;
pub mod metadata;
pub mod numbers;
pub mod page_hints;
pub mod quote_marks;
pub mod sources;

pub use compiled::Lexicon;

/// A regex alternation of a table's words: escaped, longest first (the regex crate takes the
/// first alternative that matches, so "points out" must come before "points"), and a space in a
/// multi-word entry matches any run of whitespace. Every stage builds its word regexes with it.
pub fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.into_iter().collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Two tables joined, A's rows then B's: a table built from another, so that each word is
/// written once (`SUBJECT_AUXILIARIES` holds `BE_FORMS` and `MODAL_VERBS`; `SCALE_WORDS` and
/// `MULTIPLIERS` both hold `SCALE_NAMES`). `N` is `a.len() + b.len()`, checked at compile time.
pub const fn join<T: Copy, const N: usize>(a: &[T], b: &[T]) -> [T; N] {
    assert!(a.len() + b.len() == N, "join: N is the sum of the lengths");
    assert!(N > 0, "join: at least one row");
    let mut out = [if a.is_empty() { b[0] } else { a[0] }; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[a.len() + j] = b[j];
        j += 1;
    }
    out
}

/// An ASCII word boundary, for word regexes over news text: with a Unicode `\b` the lazy DFA
/// gives up at the first non-ASCII byte of the haystack (a curly quote, a dash, an accent) and
/// the regex crate falls back to its backtracking and Pike VM engines. Every table word is ASCII,
/// so only a word glued to a non-ASCII letter could read differently. In `quantity::number::CORE`
/// a Unicode `\b` cost a third of all instructions (callgrind, seeds + 200 PolNeAR texts); no
/// table of the seeds, PolNeAR dev, FA-KES or BBC moved.
pub const ASCII_BOUNDARY: &str = r"(?-u:\b)";

/// Compiles a pattern of the lexicon's words with every `\b` an ASCII word boundary (see
/// [`ASCII_BOUNDARY`]).
pub fn word_regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(&pattern.replace(r"\b", ASCII_BOUNDARY)).expect("lexicon patterns are valid")
}

#[cfg(test)]
mod tests {
    #[test]
    fn alternation_is_longest_first_and_escaped() {
        assert_eq!(
            super::alternation(["points", "points out", "U.S."]),
            r"points\s+out|points|U\.S\."
        );
    }

    #[test]
    fn a_table_built_from_others_holds_each_word_once() {
        use super::numbers::{BE_FORMS, MODAL_VERBS, SUBJECT_AUXILIARIES};
        assert_eq!(super::join::<_, 3>(&["a"], &["b", "c"]), ["a", "b", "c"]);
        for (i, w) in SUBJECT_AUXILIARIES.iter().enumerate() {
            assert!(!SUBJECT_AUXILIARIES[..i].contains(w), "{w} twice");
        }
        assert!(BE_FORMS
            .iter()
            .chain(MODAL_VERBS)
            .all(|w| SUBJECT_AUXILIARIES.contains(w)));
    }
}
