//! Rule `digits` (see its entry in `crate::rules::RULES`); cases in `tests/rules/digits.toml`.
//! Reads a number in digits with separators, decimals, a sign, a currency and multipliers
//! ("10,500", "-1.3%", "$5m", "1.5 million", "2.3bn") and the unit after it.
//!
//! Written for seeds/004: "It further noted that more than 9,500 people, including over 4,500
//! militants and 337 wounded, have been taken out of eastern Aleppo."
//!
//! Years, dates and clock times (the filter rule `time_or_date`), codes, names, ages after a name and house numbers are no quantity
//! (the checks of `context`). It fills the `Found` that `read_number` made, or returns `None` when
//! the match is no quantity; it must not read the qualifier, a rate or an age after it:
//! `read_number` does that for every reading alike.

use super::super::*;
use super::mixed_fraction;
use super::time_or_date::is_time_or_date;

/// "9,500", "-1.3%", "$5m", "1.5 million", "4 hundred million".
pub(super) fn digits(
    text: &str,
    s: Span,
    c: &regex::Captures,
    m: regex::Match,
    dates: bool,
    f: &mut Found,
) -> Option<()> {
    let num = c.name("num")?;
    let mut value: f64 = num.as_str().replace(',', "").parse().ok()?;
    let mut core_start = m.start();
    if let Some(sign) = c.name("sign") {
        // "5-10W": a hyphen after a digit joins a range, it is no minus sign.
        if before_char(text, sign.start()).is_some_and(|c| c.is_alphanumeric())
            || ends_with_ignore_case(&text[..sign.start()], "sub")
        {
            core_start = sign.end();
        } else if sign.as_str().starts_with('+') {
            f.direction = Some("up");
        } else {
            value = -value;
            if text[num.end()..].trim_start().starts_with('%') {
                f.direction = Some("down");
            }
        }
    }
    let mut cur = c
        .name("cur")
        .filter(|cur| cur.start() >= core_start)
        .map(|cur| (cur.start(), cur.as_str()));
    // "Trump Tower Commercial LLC $35,458": letters glued to a word are no prefix ("C $");
    // the symbol after them is.
    if let Some((at, written)) = cur {
        if written.starts_with(char::is_alphabetic)
            && before_char(text, at).is_some_and(char::is_alphanumeric)
        {
            let symbol = written.trim_start_matches(char::is_alphabetic).trim_start();
            let symbol_at = at + written.len() - symbol.len();
            cur = (!symbol.is_empty()).then_some((symbol_at, symbol));
            core_start = if symbol.is_empty() {
                num.start()
            } else {
                symbol_at
            };
        }
    }
    f.start = core_start;
    f.core_start = core_start;
    if let Some((_, written)) = cur {
        let code = CURRENCY_PREFIXES
            .iter()
            .find(|(sym, _)| *sym == written)
            .map_or("USD", |(_, code)| code);
        f.unit = code;
        f.explicit_unit = true;
        // "$" names no country: the document's dollar (`document_dollar`).
        if written == "$" {
            f.unit = f.dollar;
            f.bare_dollar = true;
        }
    }
    if !digits_stand_alone(text, s, f.start, num.start(), num.end(), dates) {
        return None;
    }
    f.end = num.end();
    // "1.5 million", "4 hundred million": one or two multipliers in a row.
    for _ in 0..2 {
        let Some(mm) = MULTIPLIER.captures(&text[f.end..s.byte_end]) else {
            break;
        };
        {
            let word = &mm["m"];
            let lower = word.to_ascii_lowercase();
            let glued = !mm[0].starts_with([' ', '-']);
            // "raised $6-billion in new debt" (Canadian style): a hyphen joins a scale word
            // only, not "the 100-m sprint" or "a 2-k run".
            if mm[0].starts_with('-') && !SCALE_WORDS.iter().any(|(w, v)| *w == lower && *v >= 1e3)
            {
                break;
            }
            // "b" alone multiplies only after a currency or as a capital ("$3b", "8B");
            // "m" is a million ("1.2m tons", "35m of its devices", "2m people") unless a
            // length reads better: "37m (121ft)-long", "the 100m sprint", "10m high".
            let after = &text[f.end + mm[0].len()..s.byte_end];
            let next = next_word(text, f.end + mm[0].len(), s.byte_end);
            let ok = match lower.as_str() {
                "b" => glued && (cur.is_some() || word == "B"),
                "k" => glued,
                "m" => {
                    glued
                        && (cur.is_some()
                            || word == "M"
                            || !(after.starts_with(['(', '-', ')', '.', ','])
                                || IMPERIAL_RESTATEMENT.is_match(after)
                                || after.trim().is_empty()
                                || METRE_CONTEXT.contains(&next.to_ascii_lowercase().as_str())))
                }
                _ => true,
            };
            if ok {
                let factor = MULTIPLIERS.iter().find(|(w, _)| *w == lower)?.1;
                value *= factor;
                f.multiplier = Some(f.multiplier.unwrap_or(1.0) * factor);
                f.end += mm[0].len();
            } else {
                break;
            }
        }
    }
    if f.multiplier.is_none() {
        value += mixed_fraction(text, &mut f.end);
    }
    f.value = Some(value);
    // Rule `time_or_date`: years, dates and clock times are no quantity.
    if dates && is_time_or_date(text, s, f, num.as_str()) {
        return None;
    }
    read_unit(text, s, f);
    suspended_unit(text, s, f);
    // "In ... Daraa 15 civilians were killed": a count after a name is still a count;
    // "Least" in a title-case "At Least 48 Killed" is a qualifier.
    if f.unit == "count"
        && (is_named_number(text, s, f.start) || is_age_apposition(text, s, f.start, f.end))
    {
        return None;
    }
    if f.unit == "count" && is_street_number(text, f.end, s.byte_end) {
        return None;
    }
    if f.unit == "count"
        && is_part_of_name(text, s, f.start, num.as_str())
        && !plural_follows(text, f.end, s.byte_end)
        // "beat Charlton 2-1": a score or range follows the name; it is judged whole.
        && !(text[f.end..].starts_with('-') && text[f.end + 1..].starts_with(|c: char| c.is_ascii_digit()))
        && qualifier_before(text, s.byte_start, f.start).0 == Qualifier::Exact
    {
        return None;
    }
    Some(())
}

/// A length in feet, yards or inches in brackets: "the 37m (121ft)-long skeleton" restates
/// metres, not millions.
pub(super) static IMPERIAL_RESTATEMENT: LazyLock<Regex> =
    LazyLock::new(|| word_regex(r"^\s*\(\s*[\d.,]+\s?(?:ft|feet|foot|yd|yds|yards|in|inches)\b"));

/// Words after "10m" that make it metres: "10m high", "the 100m sprint".
pub(super) const METRE_CONTEXT: &[&str] = &[
    "long",
    "high",
    "tall",
    "wide",
    "deep",
    "away",
    "sprint",
    "race",
    "hurdles",
    "freestyle",
    "backstroke",
    "breaststroke",
    "butterfly",
    "relay",
    "above",
    "below",
    "from",
];
