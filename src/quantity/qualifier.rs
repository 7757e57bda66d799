//! The qualifier of a quantity: a phrase before the number ("more than", "about",
//! `QUALIFIER_PHRASES`), one after it ("or more", "-plus", `QUALIFIER_SUFFIXES`), and the
//! [`Qualifier`] a name in those tables stands for.
//!
//! It reads the few words around the number only; it must not read units, directions or what is
//! counted.

use super::*;

/// The qualifier phrase ending right before `start`, and where the quantity then starts.
pub(super) fn qualifier_before(text: &str, floor: usize, start: usize) -> (Qualifier, usize) {
    // Only the last few words matter: keeps the scan constant per number.
    let mut near = floor.max(start.saturating_sub(40));
    while !text.is_char_boundary(near) {
        near += 1;
    }
    let floor = near;
    let before = &text[floor..start];
    let mut trimmed = before.trim_end();
    let mut lower = trimmed.to_lowercase();
    // "Analysts expect about a 40 per cent drop": an article between an approximating word and
    // the number it qualifies (only those: "over a 10-metre wall" is a place).
    let mut approx_only = false;
    for article in [" a", " an"] {
        if lower.ends_with(article) && lower.len() == trimmed.len() {
            trimmed = &trimmed[..trimmed.len() - article.len()];
            lower.truncate(lower.len() - article.len());
            approx_only = true;
            break;
        }
    }
    for (phrase, name) in QUALIFIER_PHRASES {
        if approx_only && !matches!(*name, "approx" | "almost") {
            continue;
        }
        if lower.ends_with(phrase) && lower.len() == trimmed.len() {
            let at = floor + trimmed.len() - phrase.len();
            let boundary = phrase.starts_with('~')
                || text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
            // "control over half of the areas": "over" after these nouns is a preposition.
            let prep = (*phrase == "over" || *phrase == "above" || *phrase == "under")
                && OVER_AS_PREPOSITION_AFTER
                    .contains(&prev_word(text, floor, at).to_lowercase().as_str());
            if boundary && !prep {
                return (qualifier_named(name), at);
            }
        }
    }
    (Qualifier::Exact, start)
}

/// A qualifier written after the number ("5,000 or more", "40-plus"), with where it ends.
pub(super) fn qualifier_after(
    text: &str,
    end: usize,
    limit: usize,
) -> Option<(&'static str, usize)> {
    let rest = &text[end..limit];
    for (phrase, name) in QUALIFIER_SUFFIXES {
        for sep in ["", " ", "-"] {
            if phrase.starts_with(|c: char| c.is_alphabetic()) && sep.is_empty() {
                continue;
            }
            // Compared in place: building "{sep}{phrase}" for each number was 23,570 format!
            // calls on seeds + 200 PolNeAR texts.
            let Some(after_sep) = rest.strip_prefix(sep) else {
                continue;
            };
            let len = sep.len() + phrase.len();
            if after_sep.len() >= phrase.len()
                && after_sep.is_char_boundary(phrase.len())
                && after_sep[..phrase.len()].eq_ignore_ascii_case(phrase)
                && !rest[len..].starts_with(|c: char| c.is_alphanumeric())
                // "5000 or less than 6000": that "less" qualifies the next number.
                && !rest[len..].trim_start().starts_with("than")
            {
                return Some((name, end + len));
            }
        }
    }
    None
}

/// The qualifier for a name in `lexicon::numbers::QUALIFIER_PHRASES`.
pub fn qualifier_named(name: &str) -> Qualifier {
    match name {
        "more_than" => Qualifier::MoreThan,
        "less_than" => Qualifier::LessThan,
        "at_least" => Qualifier::AtLeast,
        "up_to" => Qualifier::UpTo,
        "approx" => Qualifier::Approx,
        "almost" => Qualifier::Almost,
        "vague" => Qualifier::Vague,
        _ => Qualifier::Exact,
    }
}
