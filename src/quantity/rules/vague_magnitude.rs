//! Rule `vague_magnitude` (see its entry in `crate::rules::RULES`); cases in
//! `tests/rules/vague_magnitude.toml`. Reads a vague magnitude ("thousands", "dozens of", "tens of
//! thousands", `VAGUE_MAGNITUDES`): no value, the order of magnitude as `low`/`high`, qualifier
//! `vague`, and a unit after "of" ("dozens of tonnes").
//!
//! Written for seeds/004: "The spiraling militancy has so far claimed thousands of lives and
//! displaced millions in Syria."
//!
//! It fills the `Found` that `read_number` made, or returns `None` when the match is no quantity;
//! it must not read the qualifier, a rate or an age after it: `read_number` does that for every
//! reading alike.

use super::super::*;

/// "thousands", "dozens of", "scores" when it is a magnitude ([`scores_is_magnitude`]).
pub(super) fn vague_magnitude(
    text: &str,
    s: Span,
    m: regex::Match,
    v: regex::Match,
    f: &mut Found,
) -> Option<()> {
    let phrase = normalize_space(v.as_str());
    if phrase == "scores" && !scores_is_magnitude(text, s, m.start(), m.end()) {
        return None;
    }
    let (_, low, high) = VAGUE_MAGNITUDES.iter().find(|(w, _, _)| *w == phrase)?;
    f.low = Some(*low);
    f.high = Some(*high);
    f.qualifier = Qualifier::Vague;
    // "dozens of tonnes of humanitarian aid": the unit follows "of".
    let rest = &text[f.end..s.byte_end];
    if let Some(of) = rest.strip_prefix(" of ") {
        let at = f.end + rest.len() - of.len() - 1;
        if let Some((unit, u_start, u_end, _)) = unit_at(text, at, s.byte_end) {
            if !unit.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && unit != "percent" {
                f.unit = unit;
                f.explicit_unit = true;
                f.unit_text = Some((u_start, u_end));
                f.end = u_end;
            }
        }
    }
    Some(())
}

/// "scores" is a magnitude (20 to 200) after a casualty verb ("injured scores, a monitor
/// said") or before `SCORES_MAGNITUDE_AFTER` ("Scores of Jabhat Fateh al-Sham terrorists were
/// also killed", "scores were injured"), never after a determiner: "The scores were 39, 42, 60,
/// 44 and 41", "Gerrard scores twice" are sport.
pub(super) fn scores_is_magnitude(text: &str, s: Span, start: usize, end: usize) -> bool {
    let prev = prev_word(text, s.byte_start, start).to_ascii_lowercase();
    if matches!(
        prev.as_str(),
        "the" | "his" | "her" | "their" | "its" | "our" | "high" | "low" | "test"
    ) {
        return false;
    }
    let next = next_word(text, end, s.byte_end).to_ascii_lowercase();
    counted::casualty_before(text, s.byte_start, start).is_some()
        || SCORES_MAGNITUDE_AFTER.contains(&next.as_str())
}
