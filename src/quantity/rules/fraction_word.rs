//! Rule `fraction_word` (see its entry in `crate::rules::RULES`); cases in
//! `tests/rules/fraction_word.toml`. Reads a fraction in words ("half", "a third", "two-thirds",
//! `FRACTION_WORDS`) as unit `fraction`, or as a count when a scale word follows ("half a billion
//! dollars").
//!
//! Written for seeds/002: "Over the weakened, the army managed to retake a third of the city’s
//! eastern side, and on Tuesday, the Russian Defense Ministry announced that the Syrian army had
//! extended the gains to half of those areas."
//!
//! Ordinals ("the third day", "a third term") and halves of a game ("second half") are no fraction.
//! It fills the `Found` that `read_number` made, or returns `None` when the match is no quantity;
//! it must not read the qualifier, a rate or an age after it: `read_number` does that for every
//! reading alike.

use super::super::*;

/// A scale word after a fraction, with or without "a": "half a billion dollars", "a quarter
/// million people", "half a dozen".
pub(super) static HALF_A_SCALE: LazyLock<Regex> = LazyLock::new(|| {
    let scales = crate::lexicon::alternation(SCALE_WORDS.iter().map(|(w, _)| *w));
    word_regex(&format!(r"^(?i)[\s-]+(?:an?[\s-]+)?(?P<scale>{scales})\b"))
});

/// "half", "a third", "two-thirds", "half a billion".
pub(super) fn fraction_word(
    text: &str,
    s: Span,
    c: &regex::Captures,
    m: regex::Match,
    frac: regex::Match,
    f: &mut Found,
) -> Option<()> {
    let word = frac.as_str().to_ascii_lowercase();
    let (_, part) = FRACTION_WORDS.iter().find(|(w, _)| *w == word)?;
    let count = match c.name("fnum") {
        Some(n) if n.as_str().len() <= 2 => 1.0,
        Some(n) => words_value(n.as_str())?,
        // "third", "quarter" alone are ordinals ("the third day", "the fourth quarter").
        None if word.starts_with("hal") => 1.0,
        None => return None,
    };
    // "second half", "first half of 2016", "half-time", "second-half", "half-hourly": not
    // shares.
    let prev = prev_word(text, s.byte_start, m.start()).to_ascii_lowercase();
    if matches!(
        prev.as_str(),
        "first" | "second" | "other" | "latter" | "better"
    ) || text[m.end()..].starts_with('-')
        || before_char(text, m.start()) == Some('-')
    {
        return None;
    }
    // "half a billion dollars", "a quarter million people": a fraction of a scale word.
    let of_scale = HALF_A_SCALE
        .captures(&text[m.end()..s.byte_end])
        .and_then(|h| {
            let scale = h["scale"].to_ascii_lowercase();
            let (_, v) = SCALE_WORDS.iter().find(|(w, _)| *w == scale)?;
            Some((*v, h[0].len()))
        });
    // "a sixth try", "a third term": an ordinal before its noun; "a third of", "by one
    // third," and "a quarter" at a phrase end are shares.
    let next = next_word(text, m.end(), s.byte_end).to_ascii_lowercase();
    let punct_next = text[m.end()..].starts_with(|c: char| !c.is_whitespace());
    if of_scale.is_none()
        && count == 1.0
        && !word.starts_with("hal")
        && !punct_next
        && !next.is_empty()
        && next != "of"
        && next.starts_with(|c: char| c.is_lowercase())
    {
        return None;
    }
    f.value = Some(count * part);
    f.unit = "fraction";
    f.explicit_unit = true;
    if let Some((scale, len)) = of_scale {
        f.value = Some(count * part * scale);
        f.unit = "count";
        f.explicit_unit = false;
        f.end = m.end() + len;
        read_unit(text, s, f);
    }
    Some(())
}
