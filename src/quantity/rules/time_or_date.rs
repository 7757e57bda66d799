//! Rule `time_or_date` (see its entry in `crate::rules::RULES`); cases in
//! `tests/rules/time_or_date.toml`. A filter: digits that write a year ("in 2011"), a day of the
//! month ("March 15"), a clock time ("10.45pm", "19:16", "at 10 GMT") or a numeric date or
//! timestamp ("01-08-2016", "5/17/2018", "2019-09-01T10:38:07Z") are no quantity. It never names
//! a row: it drops the numbers `digits` would read; switched off, they are read as counts.
//!
//! Written for seeds/000: "The conflict in Syria, which flared up in March 2011, has claimed the
//! lives of more than 400,000 people", and FA-KES: "the truce of 01-08-2016" read as a range 1 to
//! 8 counting "-2016".
//!
//! It must not touch a count written like a year ("A total of 1500 people", "Between 500 and
//! 1300 people died"), a measure ("The 1520 sq m medical centre"), nor a score or record whose
//! separators differ ("the hockey team's 12-18-2 record"). It only answers yes or no; `digits`
//! asks it when the rule is on.

use super::super::*;

/// Years (1800-2100 written without separators), days of the month next to a month name,
/// clock times ("10.45pm", "5am", "19:16", "at 10 GMT").
pub(super) fn is_time_or_date(text: &str, s: Span, f: &Found, num: &str) -> bool {
    let mut near = (f.end + 16).min(s.byte_end);
    while !text.is_char_boundary(near) {
        near -= 1;
    }
    let after = text[f.end..near].trim_start().to_ascii_lowercase();
    let clock = [
        "am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "est", "edt", "et ",
    ];
    if clock.iter().any(|w| {
        after.starts_with(w)
            && !after[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic() && !w.ends_with('.'))
    }) && !num.contains(',')
    {
        return true;
    }
    let prev = text[s.byte_start..f.start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let prev_lower = prev.to_ascii_lowercase();
    // "A total of 1500 people have fallen victims" counts people; "the 2016 elections" and
    // "in 2012 protesters..." are years.
    // "Between 500 and 1300 people died": the second end of a range of counts, the first
    // written as a count too (not "between 1600 and 1900").
    let range_end = matches!(prev_lower.as_str(), "and" | "to" | "or")
        && RANGE_START_BEFORE.is_match(&text[tail_start(text, s.byte_start, f.start, 32)..f.start]);
    let counts_people = plural_follows(text, f.end, s.byte_end)
        && (BEFORE_A_COUNT.contains(&prev_lower.as_str()) || range_end);
    // "The 1520 sq m medical centre": a unit of measure after the number makes it no year
    // (durations, points and currencies aside: "2016 years", "in 2010 dollars").
    let measured = unit_at(text, f.end, s.byte_end).is_some_and(|(u, ..)| {
        !DURATION_UNITS.contains(&u)
            && !matches!(u, "point" | "year of age")
            && !u.starts_with(|c: char| c.is_ascii_uppercase())
    });
    if num.len() == 4
        && !num.contains([',', '.'])
        && f.unit == "count"
        && f.multiplier.is_none()
        && !counts_people
        && !measured
        && num.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
    {
        return true;
    }
    // "Between 1600 and 1900", "in 1453", "by 2120": years outside 1800-2100 after a
    // preposition.
    if num.len() == 4
        && !num.contains([',', '.'])
        && f.unit == "count"
        && !measured
        && !counts_people
        && num.parse::<u32>().is_ok_and(|y| (1000..=2200).contains(&y))
        && YEAR_PREPOSITIONS.contains(&prev_lower.as_str())
    {
        return true;
    }
    // "2014-15": the end of a range of years.
    if num.len() == 2 && YEAR_RANGE_END.is_match(&text[s.byte_start..f.start]) {
        return true;
    }
    // "Sept. 20-24": the second day of a range of days.
    if num.len() <= 2 && DAY_RANGE_END.is_match(&text[s.byte_start..f.start]) {
        return true;
    }
    let next = next_word(text, f.end, s.byte_end);
    num.len() <= 2
        && !num.contains('.')
        && (month_number(prev).is_some() || month_number(next).is_some())
}

/// Words before a year: "in 1453", "between 1600 and 1900".
pub(super) const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "between", "from", "by", "until", "to", "and", "year", "circa", "c", "ad",
    "a.d", "bc", "before", "after", "early", "late", "mid", "the", "during", "its", "their", "his",
    "her", "this", "that",
];

/// Words before a four-digit count that would otherwise read as a year: "a total of 1500
/// people", "killed 2000 civilians" (but "reveal 2004 earnings" is a year).
pub(super) const BEFORE_A_COUNT: &[&str] = &[
    "of",
    "total",
    "some",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "than",
    "least",
    "killed",
    "killing",
    "kill",
    "wounded",
    "injured",
    "evacuated",
    "another",
    "additional",
    "approximately",
    "roughly",
    "estimated",
];

/// A number of at most three digits (no year) before "and"/"to"/"or" that ends the text:
/// "Between 500 and" opens a range of counts.
pub(super) static RANGE_START_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d.,])\d{1,3}(?:,\d{3})*\s+(?:and|to|or)\s*$").unwrap());

pub(super) static YEAR_RANGE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d])(?:1[89]|20)\d\d[-–/]$").unwrap());

pub(super) static DAY_RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    word_regex(
        r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\s?[-–]\s?$",
    )
});

/// Clock times, ISO timestamps and numeric dates inside a token: "4:39",
/// "2019-09-01T10:38:07.190Z", "01-08-2016", "5/17/2018", "17.05.18" (FA-KES: "the truce of
/// 01-08-2016" read as a range 1 to 8 counting "-2016"). The same separator twice and a year of
/// two or four digits: "the hockey team's 12-18-2 record" is no date.
pub(in crate::quantity) static TIMESTAMP_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\d:\d\d|\d{4}-\d\d-\d\d|(?:^|[^\d.,])\d{1,2}(?:-\d{1,2}-|/\d{1,2}/|\.\d{1,2}\.)(?:\d{4}|\d{2})(?:[^\d]|$)",
    )
    .unwrap()
});
