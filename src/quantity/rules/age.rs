//! Rule `age` (see its entry in `crate::rules::RULES`); cases in `tests/rules/age.toml`. Reads a
//! number that gives a person's age as unit `year of age`: after "age", "aged", "ages" or "the
//! age of", after a person and a copula ending its phrase ("Maria, who was 10",
//! [`is_age_after_copula`]), or before an age unit word ("the 29-year-old", "12 years old",
//! `lexicon::numbers::UNIT_WORDS`).
//!
//! Written for the BBC news sentence "Charlie Bell, the straight-talking former head of
//! fast-food giant McDonald's, has died of cancer aged 44." (and issue 26: "at age 42" and
//! "the 29-year-old" are ages, not counts of "meant" or "guilty").
//!
//! It runs on the number another reading (`digits`, `number_words`, ...) has read, in
//! `read_number`'s shared tail, and names the row when its unit is `year of age`; switched off,
//! such a number is no quantity. It must not touch a number with a unit of its own ("aged 10
//! months"), an age set off by commas after a name ("Jamie Armstrong, 25, said": no row at all,
//! `context::is_age_apposition`), nor the range that joins two ages ("women aged 25 to 54" is a
//! `range` row).

use super::super::*;

/// Whether the bare count read from `start` (its qualifier included) to `end` is an age by the
/// words before it: "aged 44", "ages 18 to 34", "at age 42", "under the age of 5", "he was 10".
pub(super) fn is_age(text: &str, s: Span, start: usize, end: usize) -> bool {
    let prev = prev_word(text, s.byte_start, start).to_ascii_lowercase();
    is_age_after_copula(text, s, start, end)
        || prev == "aged"
        || prev == "ages"
        // "He died at age 42 after a long illness".
        || prev == "age"
        || text[s.byte_start..start]
            .trim_end()
            .to_ascii_lowercase()
            .ends_with(" age of")
}

/// "Maria, who was 10", "He will be 35 by the end of the year": a bare number after a person
/// and a copula, ending its phrase (no noun follows), is the person's age.
pub(super) fn is_age_after_copula(text: &str, s: Span, start: usize, end: usize) -> bool {
    let words: Vec<String> = text[s.byte_start..start]
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphabetic())
                .to_ascii_lowercase()
        })
        .collect();
    let person = |w: &str| matches!(w, "he" | "she" | "who" | "i");
    let copula = match words.as_slice() {
        [cop, subject, ..] if person(subject) => {
            matches!(cop.as_str(), "is" | "was" | "turned" | "turns")
        }
        [be, modal, subject] if person(subject) => {
            matches!(be.as_str(), "be" | "turn") && matches!(modal.as_str(), "will" | "would")
        }
        _ => false,
    };
    let next = next_word(text, end, s.byte_end).to_ascii_lowercase();
    copula
        && !text[end..].starts_with(['-', '%'])
        && (next.is_empty() || COUNTED_STOP.contains(&next.as_str()) || next == "years")
}
