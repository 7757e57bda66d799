//! The quantity readings: each file holds one named rule, the news sentence that motivated it, and
//! what it must not touch; its cases are `tests/rules/<rule>.toml`. [`read_number`] tries the
//! readings of one number in the order of the alternatives of `number::CORE` (and of
//! [`crate::rules::RULES`]): `vague_magnitude`, `fraction_word`, `vulgar_fraction`,
//! `slash_fraction`, `number_words`, `digits`; then reads what every reading shares (a glued
//! letter, a rate, the qualifier) and names a number read as a person's age `age`. The parent's sentence loop then runs the merges over a
//! sentence's numbers: `range` (which hands "out of" to `share_out_of`) and, when asked for,
//! `implied_share`.
//!
//! The context checks, units, qualifiers, directions and text helpers the readings share stay in
//! the parent (`context`, `unit`, `qualifier`, `direction`, `text`); this module must not hold the
//! sentence loop or what a quantity counts (`quantity`, `counted`).

pub(super) mod age;
pub(super) mod digits;
pub(super) mod document_dollar;
pub(super) mod fraction_word;
pub(super) mod implied_share;
pub(super) mod number_words;
pub(super) mod range;
pub(super) mod share_out_of;
pub(super) mod slash_fraction;
pub(super) mod time_or_date;
pub(super) mod vague_magnitude;
pub(super) mod vulgar_fraction;

use super::*;
use age::is_age;
use digits::digits;
use fraction_word::fraction_word;
use number_words::number_words;
use slash_fraction::slash_fraction;
use vague_magnitude::vague_magnitude;
use vulgar_fraction::vulgar_fraction;

/// Reads one number from its core match, or `None` when it is not a quantity or its reading
/// is switched off.
pub(super) fn read_number(
    text: &str,
    s: Span,
    c: &regex::Captures,
    rules: RuleSet,
    dollar: &'static str,
) -> Option<Found> {
    let m = c.get(0).unwrap();
    let mut f = Found {
        start: m.start(),
        core_start: m.start(),
        end: m.end(),
        value: None,
        low: None,
        high: None,
        qualifier: Qualifier::Exact,
        unit: "count",
        explicit_unit: false,
        unit_text: None,
        hyphenated: false,
        multiplier: None,
        rate: None,
        direction: None,
        noun_from: None,
        rule: Rule::Digits,
        dollar,
        bare_dollar: false,
    };
    // The alternative of `number::CORE` that matched names the reading: each branch below
    // starts by naming its rule, and reads nothing when that rule is switched off.
    if let Some(v) = c.name("vague") {
        f.rule = rules.enabled(Rule::VagueMagnitude)?;
        vague_magnitude(text, s, m, v, &mut f)?;
    } else if let Some(frac) = c.name("frac") {
        f.rule = rules.enabled(Rule::FractionWord)?;
        fraction_word(text, s, c, m, frac, &mut f)?;
    } else if let Some(v) = c.name("vulgar") {
        f.rule = rules.enabled(Rule::VulgarFraction)?;
        vulgar_fraction(text, s, c, m, v, &mut f)?;
    } else if let (Some(n), Some(d)) = (c.name("dn"), c.name("dd")) {
        f.rule = rules.enabled(Rule::SlashFraction)?;
        slash_fraction(text, s, m, n, d, &mut f)?;
    } else if let Some(w) = c.name("words") {
        f.rule = rules.enabled(Rule::NumberWords)?;
        number_words(text, s, w, &mut f)?;
    } else {
        f.rule = rules.enabled(Rule::Digits)?;
        digits(text, s, c, m, rules.is_enabled(Rule::TimeOrDate), &mut f)?;
    }
    if after_char(text, f.end).is_some_and(|c| c.is_alphanumeric() || c == '×')
        || before_char(text, f.start) == Some('×')
    {
        return None;
    }
    // "a six-speed transmission", "a three-bed apartment", "a 185-hp four-cylinder": a number
    // hyphenated to a word that is no unit describes a model, not an amount ("five-day truce"
    // keeps its unit above).
    if f.unit == "count"
        && text[f.end..].starts_with('-')
        && text[f.end + 1..].starts_with(char::is_alphabetic)
    {
        return None;
    }
    read_rate(text, s, &mut f);
    let (qualifier, q_start) = qualifier_before(text, s.byte_start, f.start);
    // "women aged 25 to 54", "children under the age of 5", "the 29-year-old": ages (`age`).
    if f.unit == "count" && !f.explicit_unit && is_age(text, s, q_start, f.end) {
        f.unit = "year of age";
        f.explicit_unit = true;
    }
    if f.unit == "year of age" {
        f.rule = rules.enabled(Rule::Age)?;
    }
    if f.qualifier == Qualifier::Exact {
        f.qualifier = qualifier;
    }
    f.start = q_start;
    if let Some((name, end)) = qualifier_after(text, f.end, s.byte_end) {
        if f.qualifier == Qualifier::Exact {
            f.qualifier = qualifier_named(name);
            f.end = end;
        }
    }
    Some(f)
}

/// Denominators read as fractions when written with a slash ("1/4", "1/16").
pub(super) const FRACTION_DENOMINATORS: &[u32] = &[2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 128];

/// The fraction after a whole number ("two and a half", "2 1/2"), moving `end` past it; 0.0
/// when there is none.
pub(super) fn mixed_fraction(text: &str, end: &mut usize) -> f64 {
    let Some(c) = MIXED.captures(&text[*end..]) else {
        return 0.0;
    };
    let part = if let Some(word) = c.name("frac") {
        let word = word.as_str().to_ascii_lowercase();
        FRACTION_WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, v)| *v)
    } else {
        let n: f64 = c["n"].parse().unwrap_or(0.0);
        let d: f64 = c["d"].parse().unwrap_or(0.0);
        (n < d && FRACTION_DENOMINATORS.contains(&(d as u32))).then(|| n / d)
    };
    match part {
        Some(v) => {
            *end += c[0].len();
            v
        }
        None => 0.0,
    }
}
