//! Time: reading timestamps ("7 Dec, 2016 19:16", "2016-12-07T19:16:00Z") and resolving
//! relative expressions ("on Friday", "December 2") against a publication date.
//!
//! Pure functions over strings and dates; the pipeline decides what to resolve. The conventions
//! for each kind of expression (weekdays, spans ending at publication, month-day years) are on
//! [`resolve_date`].

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use regex::Regex;

use crate::document::Span;
use crate::lexicon::word_regex;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// The number of a month name or abbreviation, case-insensitive.
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.iter().find(|(m, _)| *m == lower).map(|(_, n)| *n)
}

/// The weekday of a weekday name, case-insensitive.
pub fn weekday(name: &str) -> Option<Weekday> {
    let lower = name.to_ascii_lowercase();
    WEEKDAYS.iter().find(|(d, _)| *d == lower).map(|(_, w)| *w)
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?$").unwrap()
});
// "7 Dec, 2016 19:16", "7 December 2016", "December 7, 2016 7:16 PM", "Dec. 7, 2016"
static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:([0-9]{1,2})\s+([a-z]{3,9})\.?,?|([a-z]{3,9})\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?)\s+([0-9]{4})(?:,?\s+(?:at\s+)?([0-9]{1,2}):([0-9]{2})\s*(am|pm|a\.m\.|p\.m\.)?)?(?:\s*(?:GMT|UTC|EST|EDT)?)?$").unwrap()
});

/// Reads a timestamp written as ISO 8601 or as a news dateline; `None` when it is not one.
pub fn parse_timestamp(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Some(c) = ISO.captures(s) {
        let num = |i: usize| c.get(i).map(|m| m.as_str().parse::<u32>().unwrap_or(0));
        let date = NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3)?)?;
        let time = NaiveTime::from_hms_opt(
            num(4).unwrap_or(0),
            num(5).unwrap_or(0),
            num(6).unwrap_or(0),
        )?;
        return Some(date.and_time(time));
    }
    let c = WRITTEN.captures(s)?;
    let (day, month) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
        (Some(d), Some(m), _, _) => (d.as_str(), m.as_str()),
        (_, _, Some(m), Some(d)) => (d.as_str(), m.as_str()),
        _ => return None,
    };
    let date =
        NaiveDate::from_ymd_opt(c[5].parse().ok()?, month_number(month)?, day.parse().ok()?)?;
    let mut hour: u32 = c.get(6).map_or(Some(0), |m| m.as_str().parse().ok())?;
    let minute: u32 = c.get(7).map_or(Some(0), |m| m.as_str().parse().ok())?;
    if let Some(ampm) = c.get(8) {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        hour = hour % 12 + if pm { 12 } else { 0 };
    }
    Some(date.and_time(NaiveTime::from_hms_opt(hour, minute, 0)?))
}

/// The latest `day` on or before `anchor` ("on Friday" in an article published on a Friday is
/// that day).
pub fn last_weekday_on_or_before(anchor: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (anchor.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
    anchor - Duration::days(back as i64)
}

const MONTH_NAMES: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
const WEEKDAY_NAMES: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const COUNT: &str = r"(?:[0-9]+|a\s+few|a|an|few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty)";

/// One pattern per kind of expression, tried in order by [`resolve_date`]. Word boundaries are
/// ASCII (see `lexicon::word_regex`).
static DAY_BEFORE_YESTERDAY: LazyLock<Regex> =
    LazyLock::new(|| word_regex(r"(?i)\bthe\s+day\s+before\s+yesterday\b"));
static DEICTIC: LazyLock<Regex> = LazyLock::new(|| {
    word_regex(
        r"(?i)\b(yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening|week))\b",
    )
});
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    word_regex(&format!(
        r"(?i)\b({COUNT})\s+(day|week|month|year)s?\s+ago\b"
    ))
});
// "over the past 24 hours", "in the last four days", "the past week", "last month".
static PAST_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    word_regex(&format!(
        r"(?i)\b(?:the\s+)?(past|last|previous)\s+(?:({COUNT})\s+)?(hour|day|week|month|year)s?\b"
    ))
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    word_regex(&format!(
        r"(?i)\b({MONTH_NAMES})\.?[\s-]*([0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+([0-9]{{4}})\b)?"
    ))
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    word_regex(&format!(
        r"(?i)\b([0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})\b\.?(?:,?\s+([0-9]{{4}})\b)?"
    ))
});
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    word_regex(&format!(
        r"(?i)\b({MONTH_NAMES})\.?(?:\s+of)?\s+([0-9]{{4}})\b"
    ))
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    word_regex(&format!(
        r"(?i)\b(?:(last|next|this)\s+)?({WEEKDAY_NAMES})\b"
    ))
});

/// The number in a count word: "24", "four", "a few" (3), "several" (3), "a" (1).
fn count_value(word: &str) -> Option<i64> {
    let lower = word
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    match lower.as_str() {
        "a" | "an" => Some(1),
        "a few" | "few" | "several" => Some(3),
        _ => lower.parse().ok().or_else(|| {
            crate::lexicon::numbers::NUMBER_WORDS
                .iter()
                .find(|(w, _)| *w == lower)
                .map(|(_, v)| *v as i64)
        }),
    }
}

/// `anchor` moved back by `n` units of `unit` (hour, day, week, month, year); hours stay on
/// the day.
fn back(anchor: NaiveDate, n: i64, unit: &str) -> Option<NaiveDate> {
    match unit.to_ascii_lowercase().as_str() {
        "hour" => Some(anchor),
        "day" => Some(anchor - Duration::days(n)),
        "week" => Some(anchor - Duration::weeks(n)),
        "month" => anchor.checked_sub_months(chrono::Months::new(u32::try_from(n).ok()?)),
        "year" => anchor.checked_sub_months(chrono::Months::new(u32::try_from(n * 12).ok()?)),
        _ => None,
    }
}

/// A month and day with an optional year: the written year, else the year of publication, or
/// the year before when that date would fall more than a week after publication ("December 2"
/// in a January article is last December; "on December 9" in an article of December 7 is an
/// announced date in the same month).
fn month_day(
    month: &str,
    day: &str,
    year: Option<&str>,
    published: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let (month, day): (u32, u32) = (month_number(month)?, day.parse().ok()?);
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y.parse().ok()?, month, day),
        None => {
            let anchor = published?;
            match NaiveDate::from_ymd_opt(anchor.year(), month, day) {
                Some(d) if d <= anchor + Duration::days(7) => Some(d),
                _ => NaiveDate::from_ymd_opt(anchor.year() - 1, month, day),
            }
        }
    }
}

/// Resolves a time expression against the publication date. Conventions, for news:
/// - a weekday ("on Friday", "Tuesday saw") is the latest such day on or before publication;
///   "last Friday" the latest strictly before it, "next Friday" the first after it;
/// - "yesterday", "today", "tomorrow", "the day before yesterday", "last night";
/// - "two days ago", "a month ago": publication minus that much;
/// - a span ending at publication ("over the past 24 hours", "in the last four days", "the
///   past week") resolves to its **end**, the publication date: the numbers in such a sentence
///   are as of that day. "last week", "last month", "last year" (no count) resolve to
///   publication minus one week, month or year, a day inside that period;
/// - month and day ("December 2", "2 December", "Oct. 2", "on December 14, 2016"), with the
///   year rule of `month_day`; "since October 18" is its start date;
/// - a month and year ("in March 2011") is the first day of that month.
///
/// Written dates with a year resolve without a publication date; everything else needs it.
pub fn resolve_date(expression: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
    if DAY_BEFORE_YESTERDAY.is_match(expression) {
        return Some(published? - Duration::days(2));
    }
    if let Some(c) = MONTH_DAY.captures(expression) {
        if let Some(d) = month_day(&c[1], &c[2], c.get(3).map(|m| m.as_str()), published) {
            return Some(d);
        }
    }
    if let Some(c) = DAY_MONTH.captures(expression) {
        if let Some(d) = month_day(&c[2], &c[1], c.get(3).map(|m| m.as_str()), published) {
            return Some(d);
        }
    }
    if let Some(c) = MONTH_YEAR.captures(expression) {
        return NaiveDate::from_ymd_opt(c[2].parse().ok()?, month_number(&c[1])?, 1);
    }
    let anchor = published?;
    if let Some(c) = DEICTIC.captures(expression) {
        let word = c[1].to_ascii_lowercase();
        return Some(match word.as_str() {
            "yesterday" => anchor - Duration::days(1),
            "tomorrow" => anchor + Duration::days(1),
            w if w.starts_with("last") => anchor - Duration::days(1),
            _ => anchor,
        });
    }
    if let Some(c) = AGO.captures(expression) {
        return back(anchor, count_value(&c[1])?, &c[2]);
    }
    if let Some(c) = PAST_SPAN.captures(expression) {
        let counted = c.get(2).is_some() || c[1].eq_ignore_ascii_case("past");
        return if counted || c[3].eq_ignore_ascii_case("hour") {
            Some(anchor)
        } else {
            back(anchor, 1, &c[3])
        };
    }
    if let Some(c) = WEEKDAY.captures(expression) {
        let day = weekday(&c[2])?;
        let on_or_before = last_weekday_on_or_before(anchor, day);
        return Some(
            match c.get(1).map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
                Some("last") if on_or_before == anchor => anchor - Duration::days(7),
                Some("next") => on_or_before + Duration::days(7),
                _ => on_or_before,
            },
        );
    }
    None
}

/// Time expressions in news text: "on Friday", "earlier on Wednesday", "Tuesday saw",
/// "on December 14, 2016", "since October 18", "in March 2011", "over the past 24 hours",
/// "in the last four days", "two days ago", "yesterday".
///
/// Word boundaries are ASCII (`lexicon::word_regex`): a Unicode `\b` makes the lazy DFA give up at the
/// first non-ASCII byte (a curly quote, an accent) and the search fall back to the backtracking
/// engines, which made this one scan 36% of all instructions (callgrind, seeds + 200 PolNeAR
/// texts). Every word the pattern names is ASCII, so only a word glued to a non-ASCII letter
/// could read differently; no table of the seeds, PolNeAR dev, FA-KES or 600 BBC articles moved.
static TIME_EXPRESSION: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
    let day = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    word_regex(&format!(
        r"(?:\b(?:[Ee]arlier|[Ll]ater)\s+)?(?:\b(?:[Oo]n|[Ss]ince|[Ii]n|[Bb]y|[Uu]ntil|[Ff]rom)\s+)?(?:\b(?:(?:[Ll]ast|[Nn]ext)\s+)?(?:{day}(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+{month}\s+[0-9]{{1,2}}(?:,?\s+[0-9]{{4}})?)?|{month}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?\s+[0-9]{{4}})?|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{month}(?:\s+[0-9]{{4}})?|{month}\s+[0-9]{{4}})\b|\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+(?:week|month|year|night))\b|\b{COUNT}\s+(?:days?|weeks?|months?|years?)\s+ago\b)|\b(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or)\s+the\s+(?:past|last|previous)\s+(?:(?:[0-9]+|[a-z]+)\s+)?(?:hours?|days?|weeks?|months?|years?)\b"
    ))
});

/// Byte spans of time expressions inside `span` of `text`, in text order.
pub fn find_time_expressions(text: &str, span: Span) -> Vec<Span> {
    TIME_EXPRESSION
        .find_iter(span.slice(text))
        .map(|m| Span::new(span.byte_start + m.start(), span.byte_start + m.end()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn datelines_and_iso() {
        assert_eq!(
            parse_timestamp("7 Dec, 2016 19:16").unwrap().to_string(),
            "2016-12-07 19:16:00"
        );
        assert_eq!(
            parse_timestamp("December 16, 2016").unwrap().to_string(),
            "2016-12-16 00:00:00"
        );
        assert_eq!(
            parse_timestamp("2016-12-07T19:16:00Z").unwrap().to_string(),
            "2016-12-07 19:16:00"
        );
        assert_eq!(
            parse_timestamp("Dec. 7, 2016 7:16 pm").unwrap().to_string(),
            "2016-12-07 19:16:00"
        );
        assert_eq!(
            parse_timestamp("Syrian Army retakes 70% of E. Aleppo"),
            None
        );
        assert_eq!(parse_timestamp("27:33"), None);
    }

    #[test]
    fn weekdays_resolve_against_publication() {
        // Seed 003 was published on Wednesday 2016-12-07.
        let published = Some(date(2016, 12, 7));
        assert_eq!(
            resolve_date("On Wednesday", published),
            Some(date(2016, 12, 7))
        );
        assert_eq!(
            resolve_date("On Tuesday", published),
            Some(date(2016, 12, 6))
        );
        assert_eq!(
            resolve_date("on Friday", published),
            Some(date(2016, 12, 2))
        );
        assert_eq!(resolve_date("on Friday", None), None);
    }

    #[test]
    fn month_days() {
        let published = Some(date(2016, 12, 16));
        assert_eq!(
            resolve_date("on December 14, 2016", published),
            Some(date(2016, 12, 14))
        );
        assert_eq!(
            resolve_date("December 2", published),
            Some(date(2016, 12, 2))
        );
        assert_eq!(
            resolve_date("since October 18", published),
            Some(date(2016, 10, 18))
        );
        assert_eq!(
            resolve_date("on 3 January", published),
            Some(date(2016, 1, 3))
        );
    }

    #[test]
    fn finds_time_expressions() {
        let text = "Earlier on Friday, Putin said talks since October 18 and on December 14, 2016 went on over the past 24 hours, in March 2011 too.";
        let found: Vec<&str> = find_time_expressions(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(
            found,
            [
                "Earlier on Friday",
                "since October 18",
                "on December 14, 2016",
                "over the past 24 hours",
                "in March 2011"
            ]
        );
    }

    #[test]
    fn seed_003_weekdays_and_spans() {
        // Seed 003 was published on Wednesday 2016-12-07.
        let published = Some(date(2016, 12, 7));
        for (expression, want) in [
            ("On Wednesday", date(2016, 12, 7)),
            ("earlier on Wednesday", date(2016, 12, 7)),
            ("On Tuesday", date(2016, 12, 6)),
            ("Tuesday saw", date(2016, 12, 6)),
            ("on Friday", date(2016, 12, 2)),
            ("last Wednesday", date(2016, 11, 30)),
            ("over the past 24 hours", date(2016, 12, 7)),
            ("in the last four days", date(2016, 12, 7)),
            ("over the past week", date(2016, 12, 7)),
            ("last week", date(2016, 11, 30)),
            ("last month", date(2016, 11, 7)),
            ("two days ago", date(2016, 12, 5)),
            ("a year ago", date(2015, 12, 7)),
            ("yesterday", date(2016, 12, 6)),
            ("last night", date(2016, 12, 6)),
            ("the day before yesterday", date(2016, 12, 5)),
            ("tomorrow", date(2016, 12, 8)),
            ("since October 18", date(2016, 10, 18)),
            ("December 2", date(2016, 12, 2)),
            ("on December 9", date(2016, 12, 9)),
            ("in March 2011", date(2011, 3, 1)),
            ("on December 14, 2016", date(2016, 12, 14)),
        ] {
            assert_eq!(
                resolve_date(expression, published),
                Some(want),
                "{expression}"
            );
        }
        assert_eq!(resolve_date("in March 2011", None), Some(date(2011, 3, 1)));
        assert_eq!(resolve_date("over the past 24 hours", None), None);
    }

    #[test]
    fn recognizers_text_past_resolutions() {
        // Cases from Recognizers-Text `DateParser.json` (reference 2016-11-07, a Monday) in
        // news scope, with their past resolution.
        let reference = Some(date(2016, 11, 7));
        for (expression, want) in [
            ("Oct. 2", date(2016, 10, 2)),
            ("January 12, 2016", date(2016, 1, 12)),
            ("monday january 12th, 2016", date(2016, 1, 12)),
            ("1st Jan", date(2016, 1, 1)),
            ("15 June 2016", date(2016, 6, 15)),
            ("Friday", date(2016, 11, 4)),
            ("today", date(2016, 11, 7)),
            ("yesterday", date(2016, 11, 6)),
            ("tomorrow", date(2016, 11, 8)),
            ("the day before yesterday", date(2016, 11, 5)),
            ("last Sunday", date(2016, 11, 6)),
            ("two days ago", date(2016, 11, 5)),
            ("a month ago", date(2016, 10, 7)),
            ("two years ago", date(2014, 11, 7)),
        ] {
            assert_eq!(
                resolve_date(expression, reference),
                Some(want),
                "{expression}"
            );
        }
        // "Feb 29" said on 2017-03-22 is the last Feb 29 there was.
        assert_eq!(
            resolve_date("Feb 29", Some(date(2017, 3, 22))),
            Some(date(2016, 2, 29))
        );
    }

    #[test]
    fn finds_weekday_subjects_and_counted_spans() {
        let text = "Tuesday saw heavy fighting; in the last four days and two days ago, the army advanced.";
        let found: Vec<&str> = find_time_expressions(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(found, ["Tuesday", "in the last four days", "two days ago"]);
    }
}
