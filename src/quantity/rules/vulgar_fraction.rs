//! Rule `vulgar_fraction` (see its entry in `crate::rules::RULES`); cases in
//! `tests/rules/vulgar_fraction.toml`. Reads a vulgar fraction ("½", "2¼", `VULGAR_FRACTIONS`): a
//! number when a whole number comes before it, else a fraction of the unit that follows.
//!
//! Written for a recipe page of the article extraction benchmark: "Tomato Cucumber Salad (½ cup
//! cherry tomatoes, ½ cup cucumber slices, ¼ cup feta, 1 Tbsp olive oil)"
//!
//! It fills the `Found` that `read_number` made, or returns `None` when the match is no quantity;
//! it must not read the qualifier, a rate or an age after it: `read_number` does that for every
//! reading alike.

use super::super::*;

/// A vulgar fraction, alone or after a whole number.
pub(super) fn vulgar_fraction(
    text: &str,
    s: Span,
    c: &regex::Captures,
    m: regex::Match,
    v: regex::Match,
    f: &mut Found,
) -> Option<()> {
    // "2½ years", "½ mile", "¾ of the vote".
    let (_, part) = VULGAR_FRACTIONS.iter().find(|(w, _)| *w == v.as_str())?;
    if before_char(text, m.start()).is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.')) {
        return None;
    }
    match c.name("whole") {
        Some(whole) => {
            f.value = Some(whole.as_str().parse::<f64>().ok()? + part);
            read_unit(text, s, f);
        }
        None => fraction_of_unit(text, s, f, *part),
    }
    Some(())
}
