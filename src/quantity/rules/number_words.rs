//! Rule `number_words` (see its entry in `crate::rules::RULES`); cases in
//! `tests/rules/number_words.toml`. Reads a number written in words ("seven", "twenty-one", "a
//! dozen", "a couple", "a million") and the unit after it.
//!
//! Written for seeds/001: "Terrorist mortar attacks against various residential neighborhoods in
//! the city also killed seven Syrian civilians and injured 72 others."
//!
//! "one" as a pronoun ("no one", "one another") is no number. It fills the `Found` that
//! `read_number` made, or returns `None` when the match is no quantity; it must not read the
//! qualifier, a rate or an age after it: `read_number` does that for every reading alike.

use super::super::*;
use super::mixed_fraction;

/// "seven", "twenty-one", "a dozen", "four to five thousand".
pub(super) fn number_words(text: &str, s: Span, w: regex::Match, f: &mut Found) -> Option<()> {
    let len = words_prefix_len(w.as_str());
    let written = &w.as_str()[..len];
    f.end = w.start() + len;
    if written.eq_ignore_ascii_case("one") && one_is_pronoun(text, s, w.start(), f.end) {
        return None;
    }
    // The rule for numbers that pick out *which* things rather than say *how many*: they
    // are quantities all the same. "Scores of Jabhat Fateh al-Sham terrorists were also
    // killed" (seeds/002, vague 20 to 200), "terrorists opened fire on the convoy at one of
    // the crossing points" (1, points) and "The two government-held villages" (seeds/004;
    // 2, villages) are each a row. The seeds' gold leaves the last two out, NewsQuant tags
    // "one of the best screens" and "The two sides" as quantities; dropping them (tried:
    // "one of the/its ..." and "the/these/those" before two to ten) cost NewsQuant 0.008 of
    // value F1 for 0.03 of seed precision, and a reader can drop them by the text.
    if before_char(text, f.start).is_some_and(|c| c == '-' || c.is_alphanumeric()) {
        return None;
    }
    let couple = ends_with_ignore_case(written, "couple");
    // ("a couple of hundred dollars" is no two: left out rather than misread.)
    if couple {
        let rest = &text[f.end..s.byte_end];
        let after_of = rest
            .get(..4)
            .filter(|r| r.eq_ignore_ascii_case(" of "))
            .map(|_| &rest[4..])?;
        let next = next_word(after_of, 0, after_of.len()).to_ascii_lowercase();
        if SCALE_WORDS.iter().any(|(w, _)| *w == next) {
            return None;
        }
    }
    f.value = Some(words_value(written)? + mixed_fraction(text, &mut f.end));
    if couple {
        f.qualifier = Qualifier::Approx;
    }
    // "four to five thousand": the scale of the second number carries over to the first.
    let last = written
        .rsplit([' ', '-'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    f.multiplier = crate::lexicon::numbers::SCALE_WORDS
        .iter()
        .find(|(w, v)| *w == last && *v >= 100.0)
        .map(|(_, v)| *v);
    read_unit(text, s, f);
    Some(())
}

/// "no one", "the one", "one another", "one day": "one" as a pronoun or idiom.
pub(super) fn one_is_pronoun(text: &str, s: Span, start: usize, end: usize) -> bool {
    let prev = prev_word(text, s.byte_start, start).to_ascii_lowercase();
    let next = next_word(text, end, s.byte_end).to_ascii_lowercase();
    ONE_PRONOUN_BEFORE.contains(&prev.as_str())
        || ONE_PRONOUN_AFTER.contains(&next.as_str())
        || text[end..].starts_with(['\'', '’'])
}
