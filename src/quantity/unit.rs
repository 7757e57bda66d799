//! The unit after a number: a unit word or symbol from the tables (`unit_at`, `read_unit`), a
//! spelled-out pound as weight or money (`pound_sense`), a fraction of the unit that follows
//! (`fraction_of_unit`), the unit of a suspended hyphen ("a 7- or 8-inch touchscreen") and a rate
//! after it ("$3500 a month").
//!
//! It reads the words after the number only; it must not read the qualifier, the direction or
//! what is counted, nor decide whether the number is a quantity at all (`context`, the readings).

use super::*;

/// A rate after a unit: "$3500 a month", "$58.24 per barrel", "40 to 50 hours a week", "a
/// 52,000 barrel-a-day refinery", "£24 a-year", "1 million barrels of oil per day" (the
/// substance between, `RATE_SUBSTANCES`, stays in `text`); not "5% a year earlier" (the
/// denominator must not be followed by "ago", "earlier", ...).
pub(super) static RATE: LazyLock<Regex> = LazyLock::new(|| {
    let dens = crate::lexicon::alternation(RATE_DENOMINATORS.iter().map(|(w, _)| *w));
    let stuff = crate::lexicon::alternation(RATE_SUBSTANCES.iter().copied());
    word_regex(&format!(
        r"^(?i)(?:\s+of\s+(?:{stuff}))?(?:[\s-]+(?:per|a|an|each)[\s-]+|\s?/\s?)(?P<den>{dens})\b(?P<not>\s+(?:ago|earlier|before|later|after|on|in)\b)?"
    ))
});

/// Reads a rate after the unit into `f` ([`RATE`]): its denominator, and `f.end` past it.
pub(super) fn read_rate(text: &str, s: Span, f: &mut Found) {
    if f.explicit_unit && f.unit != "fraction" {
        if let Some(c) = RATE.captures(&text[f.end..s.byte_end]) {
            let den = c["den"].to_lowercase();
            f.rate = RATE_DENOMINATORS
                .iter()
                .find(|(w, _)| *w == den)
                .map(|(_, name)| *name);
            if c.name("not").is_some() {
                f.rate = None;
            }
            if f.rate.is_some() {
                f.end += c[0].len();
            }
        }
    }
}

/// "weighs 236 pounds", "1/2 pound of chocolate chips": a spelled-out pound is a weight there,
/// elsewhere money ("5 million pounds", "tickets cost 20 pounds"). Other units pass through.
pub(super) fn pound_sense(
    text: &str,
    s: Span,
    f: &Found,
    unit: &'static str,
    (u_start, u_end): (usize, usize),
) -> &'static str {
    if unit != "GBP" || !starts_with_ignore_case(&text[u_start..u_end], "pound") {
        return unit;
    }
    let of_follows = text[u_end..s.byte_end].trim_start().starts_with("of ");
    let weighing = text[near(text, s, f.start).byte_start..f.start]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .any(|w| MASS_CONTEXT_WORDS.contains(&w.to_ascii_lowercase().as_str()));
    if weighing || of_follows && f.multiplier.is_none() {
        "pound-mass"
    } else {
        unit
    }
}

/// A fraction standing alone: a share ("3/4", "¾ of the vote"), or a fraction of the unit that
/// follows ("1/4 inch", "½ mile").
pub(super) fn fraction_of_unit(text: &str, s: Span, f: &mut Found, value: f64) {
    f.value = Some(value);
    f.unit = "fraction";
    f.explicit_unit = true;
    if let Some((unit, u_start, u_end, _)) = unit_at(text, f.end, s.byte_end) {
        f.unit = pound_sense(text, s, f, unit, (u_start, u_end));
        f.unit_text = Some((u_start, u_end));
        f.end = u_end;
    }
}

/// A suspended hyphen: "a 7- or 8-inch touchscreen", "10-, 12- and 15-inch models": the number
/// takes the unit hyphenated to the number that follows.
pub(super) static SUSPENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^-,?\s+(?:(?:or|and|to)\s+)?\d+(?:\.\d+)?(?:-,?\s+(?:(?:or|and|to)\s+)?\d+(?:\.\d+)?)*-",
    )
    .unwrap()
});

/// Gives a bare number before a suspended hyphen the unit of the number it is paired with.
pub(super) fn suspended_unit(text: &str, s: Span, f: &mut Found) {
    if f.explicit_unit {
        return;
    }
    let Some(m) = SUSPENDED.find(&text[f.end..s.byte_end]) else {
        return;
    };
    let hyphen = f.end + m.end() - 1;
    if let Some((unit, _, u_end, true)) = unit_at(text, hyphen, s.byte_end) {
        f.unit = unit;
        f.explicit_unit = true;
        f.hyphenated = true;
        f.noun_from = Some(u_end);
    }
}

/// Lines of the usual video resolutions, read before a glued "p" ("1080p"), which is no penny.
pub(super) const VIDEO_LINES: &[f64] = &[
    144.0, 240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0,
];

/// Reads the unit after the number, if one is written, into `f`.
pub(super) fn read_unit(text: &str, s: Span, f: &mut Found) {
    let Some((unit, u_start, u_end, hyphen)) = unit_at(text, f.end, s.byte_end) else {
        return;
    };
    // "1080p", "720p": a video resolution, not pence.
    if unit == "penny"
        && &text[u_start..u_end] == "p"
        && f.value.is_some_and(|v| VIDEO_LINES.contains(&v))
    {
        return;
    }
    if f.explicit_unit
        && (unit.chars().next().is_some_and(|c| c.is_ascii_uppercase()) || unit == "cent")
    {
        // "$5 dollars": the currency is already known; "US$ per barrel" keeps the currency.
        f.end = u_end;
        return;
    }
    if f.explicit_unit {
        return;
    }
    let mut unit = pound_sense(text, s, f, unit, (u_start, u_end));
    // "dollars" names no country: the document's dollar (`document_dollar`).
    if unit == "USD"
        && matches!(
            &*normalize_space_cow(&text[u_start..u_end]),
            "dollar" | "dollars"
        )
    {
        unit = f.dollar;
        f.bare_dollar = true;
    }
    f.unit = unit;
    f.explicit_unit = true;
    f.unit_text = Some((u_start, u_end));
    f.hyphenated = hyphen;
    f.end = u_end;
}

/// The unit starting at byte `at` (after an optional space or hyphen): its name, where its
/// surface form starts and ends, and whether a hyphen joined it.
pub(super) fn unit_at(
    text: &str,
    at: usize,
    limit: usize,
) -> Option<(&'static str, usize, usize, bool)> {
    let rest = &text[at..limit];
    // `find`, not `captures`: the lazy DFA reads the anchored match and stops, where resolving
    // the groups ran the backtracker over the NFA of hundreds of case-insensitive unit words
    // (4 % of the pipeline's time on 11,000 articles). The groups follow from the match: a unit
    // word that starts with a hyphen goes on with another unit word ("-year-old", "year"), so
    // the match starts with a hyphen or a space exactly when the optional `sep` group took it
    // (`unit_words_after_a_separator_start_with_a_unit_word`).
    let whole = UNIT.find(rest)?.as_str();
    let sep = whole
        .chars()
        .next()
        .filter(|&c| c == '-' || c.is_whitespace())
        .map(|c| &whole[..c.len_utf8()]);
    let u_start = sep.map_or(0, str::len);
    let u_end = whole.len();
    let surface = &whole[u_start..];
    let lower = normalize_space_cow(surface);
    // "450 Nm" of torque, "300 PS", "a 5 W charger": a symbol whose case says what it is.
    let cased = CASED_UNITS
        .iter()
        .find(|(w, _)| *w == surface)
        .map(|(_, u)| *u);
    if sep.is_some() && cased.is_none() && GLUED_ONLY_UNITS.contains(&&*lower) {
        return None;
    }
    // One-letter units keep their case: "45g", "1.0l", "20C", "10W"; "5G" is a network, "5c"
    // a code.
    if surface.len() == 1
        && !matches!(
            surface,
            "g" | "l" | "m" | "p" | "C" | "F" | "W" | "V" | "%" | "°"
        )
    {
        return None;
    }
    // A unit ends at a word boundary: "5 miles" yes, "5 mileage" no, "10 days-long" yes.
    if surface.ends_with(|c: char| c.is_alphanumeric())
        && rest[u_end..].starts_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    let name = match cased {
        Some(name) => name,
        None => *UNIT_NAMES.get(&*lower)?,
    };
    Some((name, at + u_start, at + u_end, sep == Some("-")))
}

/// `UNIT_WORDS` as a map from the written word to its unit (the first entry of a word wins, as
/// the linear search it replaces did).
pub(super) static UNIT_NAMES: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for &(w, u) in UNIT_WORDS {
            map.entry(w).or_insert(u);
        }
        map
    });

#[cfg(test)]
mod tests {
    use super::*;

    /// `unit_at` reads the `sep` group off the start of the match. That is right while a unit
    /// word that itself starts with a hyphen ("-year-old") goes on with another unit word
    /// ("year"): the regex then always prefers taking the hyphen as `sep`.
    #[test]
    fn unit_words_after_a_separator_start_with_a_unit_word() {
        let words: Vec<&str> = UNIT_WORDS
            .iter()
            .chain(CASED_UNITS)
            .map(|(w, _)| *w)
            .collect();
        for w in &words {
            if let Some(c) = w.chars().next().filter(|&c| c == '-' || c.is_whitespace()) {
                let after = &w[c.len_utf8()..];
                assert!(words.iter().any(|v| after.starts_with(v)), "{w:?}");
            }
        }
        assert_eq!(unit_at("a -year-old", 2, 11).map(|u| u.3), Some(true));
        assert_eq!(
            unit_at("5 miles per hour", 1, 16),
            Some(("mile per hour", 2, 16, false))
        );
        assert_eq!(
            unit_at("a 6.1-inch screen", 5, 17),
            Some(("inch", 6, 10, true))
        );
        assert_eq!(unit_at("50MPH", 2, 5), Some(("mile per hour", 2, 5, false)));
        assert_eq!(unit_at("5 mileage", 1, 9), None);
    }
}
