//! Reading the number itself: the patterns for digits, number words, fractions and vague
//! magnitudes, built once from the tables in `lexicon::numbers`, and the arithmetic that turns
//! a written number ("three hundred and forty", "twenty-one", "a dozen") into a value.
//!
//! It does not look at what surrounds the number (qualifiers, units, what is counted): that is
//! `quantity`'s job.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{alternation, word_regex};

use crate::lexicon::numbers::{
    CASED_UNITS, CURRENCY_PREFIXES, FRACTION_WORDS, MULTIPLIERS, NUMBER_WORDS, SCALE_WORDS,
    UNIT_WORDS, VAGUE_MAGNITUDES, VULGAR_FRACTIONS,
};

/// The core of a number, one of six kinds (named groups `vague`, `fnum`/`frac`, `whole`/`vulgar`,
/// `dn`/`dd`, `words`, `sign`/`cur`/`num`). Vague magnitudes and fractions come first so that
/// "tens of thousands", "two-thirds" and "2½" are not read as "ten", "two" and "2". Its word
/// boundaries are ASCII (`lexicon::word_regex`): with Unicode ones, `CORE` alone was a third of
/// all instructions. Digits group in threes ("1,234,567") or, as South Asian news writes them,
/// in lakhs and crores ("12,34,567": twos before the last three).
pub static CORE: LazyLock<Regex> = LazyLock::new(|| {
    let vague = alternation(VAGUE_MAGNITUDES.iter().map(|(w, _, _)| *w));
    let frac = alternation(FRACTION_WORDS.iter().map(|(w, _)| *w));
    let word = alternation(NUMBER_WORDS.iter().map(|(w, _)| *w));
    let scale = alternation(SCALE_WORDS.iter().map(|(w, _)| *w));
    let small = alternation(NUMBER_WORDS.iter().take(11).map(|(w, _)| *w));
    let cur = alternation(CURRENCY_PREFIXES.iter().map(|(w, _)| *w));
    let vulgar = alternation(VULGAR_FRACTIONS.iter().map(|(w, _)| *w));
    word_regex(&format!(
        r"(?i)\b(?P<vague>{vague})\b|\b(?:(?P<fnum>an?|{small})[\s-]+)?(?P<frac>{frac})\b|(?:(?P<whole>\d{{1,3}})\s?)?(?P<vulgar>{vulgar})|\b(?P<dn>\d{{1,2}})[/⁄](?P<dd>\d{{1,3}})\b|\b(?P<words>(?:an?\s+(?:{scale})|{word})(?:(?:[\s-]+|\s+and\s+)(?:{word}|{scale}))*)\b|(?P<sign>[-−+]|\bminus[\s-]|\bnegative\s)?(?:(?P<cur>(?-i:{cur}))\s?)?(?P<num>\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    ))
});

/// A multiplier right after digits: "1.5 million", "2.3bn", "$5m", "4.3M", "$6-billion" (the
/// hyphen is taken by `quantity` for scale words only).
pub static MULTIPLIER: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(MULTIPLIERS.iter().map(|(w, _)| *w));
    word_regex(&format!(r"^(?i:[\s-]?(?P<m>{words}))\b"))
});

/// A unit right after a number: separated by a space, a hyphen ("five-day", "6.1-inch") or
/// nothing ("50mph", "10kW"). Longest first, so "miles per hour" wins over "miles".
pub static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    let units = alternation(UNIT_WORDS.iter().chain(CASED_UNITS).map(|(w, _)| *w));
    Regex::new(&format!(r"^(?i)(?P<sep>-|\s)?(?P<u>{units})")).unwrap()
});

/// "two and a half", "2 1/2": a fraction right after a whole number, its value and length.
pub static MIXED: LazyLock<Regex> = LazyLock::new(|| {
    let frac = alternation(FRACTION_WORDS.iter().map(|(w, _)| *w));
    word_regex(&format!(
        r"^(?i:\s+and\s+(?P<a>an?|one)\s+(?P<frac>{frac})\b|\s+(?P<n>\d{{1,2}})[/⁄](?P<d>\d{{1,3}})\b)"
    ))
});

/// The value of a written number: "twenty-one" 21, "three hundred and forty" 340, "a dozen" 12,
/// "two million" 2e6. `None` when a word is not a number word.
pub fn words_value(words: &str) -> Option<f64> {
    let (mut total, mut current) = (0.0, 0.0);
    let mut seen = false;
    for token in words
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
    {
        let lower = token.to_ascii_lowercase();
        if lower == "a" || lower == "an" {
            current = 1.0;
            continue;
        }
        if lower == "and" {
            continue;
        }
        if let Some((_, v)) = NUMBER_WORDS.iter().find(|(w, _)| *w == lower) {
            current += v;
        } else if let Some((_, v)) = SCALE_WORDS.iter().find(|(w, _)| *w == lower) {
            let v = *v;
            if current == 0.0 {
                current = 1.0;
            }
            if v >= 1e3 {
                total += current * v;
                current = 0.0;
            } else {
                current *= v;
            }
        } else {
            return None;
        }
        seen = true;
    }
    seen.then_some(total + current)
}

/// How many leading tokens of a written number belong together: "one and two" stops before
/// "and" (only "three hundred and forty" keeps it), "five two" stops after "five" (two units in
/// a row are two numbers). Returns the byte length of the accepted prefix.
pub fn words_prefix_len(words: &str) -> usize {
    let mut end = 0;
    let mut prev: Option<(String, usize)> = None; // previous token and its byte end
    let mut pos = 0;
    for token in words.split_inclusive(|c: char| c.is_whitespace() || c == '-') {
        let t_start = pos;
        pos += token.len();
        let word = token.trim_end_matches(|c: char| c.is_whitespace() || c == '-');
        if word.is_empty() {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        let value = |w: &str| NUMBER_WORDS.iter().find(|(n, _)| *n == w).map(|(_, v)| *v);
        let is_scale = |w: &str| SCALE_WORDS.iter().any(|(n, _)| *n == w);
        if let Some((p, _)) = &prev {
            let ok = if lower == "and" {
                is_scale(p)
            } else if p == "and" {
                value(&lower).is_some()
            } else if let (Some(a), Some(b)) = (value(p), value(&lower)) {
                // "twenty-one": a ten then a unit.
                a >= 20.0 && a % 10.0 == 0.0 && b < 10.0
            } else {
                !(p == "a" || p == "an") || is_scale(&lower)
            };
            if !ok {
                break;
            }
        }
        if lower != "and" {
            end = t_start + word.len();
        }
        prev = Some((lower, t_start + word.len()));
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_numbers() {
        assert_eq!(words_value("twenty-one"), Some(21.0));
        assert_eq!(words_value("three hundred and forty"), Some(340.0));
        assert_eq!(words_value("a dozen"), Some(12.0));
        assert_eq!(words_value("two million"), Some(2e6));
        assert_eq!(words_value("Seven"), Some(7.0));
        assert_eq!(words_prefix_len("one and two"), 3);
        assert_eq!(words_prefix_len("three hundred and forty"), 23);
        assert_eq!(words_prefix_len("twenty-one"), 10);
    }

    #[test]
    fn core_kinds() {
        let c = CORE.captures("tens of thousands of civilians").unwrap();
        assert_eq!(&c["vague"], "tens of thousands");
        let c = CORE.captures("nearly two-thirds of").unwrap();
        assert_eq!((&c["fnum"], &c["frac"]), ("two", "thirds"));
        let c = CORE.captures("paid US$4.5bn").unwrap();
        assert_eq!((&c["cur"], &c["num"]), ("US$", "4.5"));
    }
}
