//! Rule `slash_fraction` (see its entry in `crate::rules::RULES`); cases in
//! `tests/rules/slash_fraction.toml`. Reads a fraction written with a slash ("1/4", "3/8") with a
//! usual denominator (`FRACTION_DENOMINATORS`), as a share or a fraction of the unit that follows.
//!
//! Written for BBC News: "She was hot favourite to be evicted first, with odds of 1/4 to leave."
//!
//! Dates ("12/7", "7/12/2016") are no fraction. It fills the `Found` that `read_number` made, or
//! returns `None` when the match is no quantity; it must not read the qualifier, a rate or an age
//! after it: `read_number` does that for every reading alike.

use super::super::*;
use super::FRACTION_DENOMINATORS;

/// A fraction written with a slash, alone or before a unit.
pub(super) fn slash_fraction(
    text: &str,
    s: Span,
    m: regex::Match,
    n: regex::Match,
    d: regex::Match,
    f: &mut Found,
) -> Option<()> {
    // "1/4 inch", "1/16 of a US pint", "3/4": fractions with a usual denominator; "12/7"
    // and "7/12/2016" are dates.
    let (n, d): (f64, f64) = (n.as_str().parse().ok()?, d.as_str().parse().ok()?);
    if !(n < d && FRACTION_DENOMINATORS.contains(&(d as u32)))
        || text[m.end()..].starts_with(['/', '⁄'])
        || before_char(text, m.start())
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | ':'))
    {
        return None;
    }
    fraction_of_unit(text, s, f, n / d);
    Some(())
}
