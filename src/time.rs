//! Time: reading timestamps ("7 Dec, 2016 19:16", "2016-12-07T19:16:00Z") and resolving
//! relative expressions ("on Friday", "December 2") against a publication date.
//!
//! Pure functions over strings and dates; the pipeline decides what to resolve.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use regex::Regex;

use crate::document::Span;

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
    Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$").unwrap()
});
// "7 Dec, 2016 19:16", "7 December 2016", "December 7, 2016 7:16 PM", "Dec. 7, 2016"
static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:(\d{1,2})\s+([a-z]{3,9})\.?,?|([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?)\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*(am|pm|a\.m\.|p\.m\.)?)?(?:\s*(?:GMT|UTC|EST|EDT)?)?$").unwrap()
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

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(yesterday|today|tonight)|(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|(\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(\d{4}))?)\b").unwrap()
});

/// Resolves a time expression against the publication date: weekdays to the latest such day on
/// or before it, "yesterday"/"today", and month-day dates (with the year of publication when
/// none is written, or the year before if that date would be after publication).
pub fn resolve_date(expression: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
    let c = RELATIVE.captures(expression)?;
    if let Some(word) = c.get(1) {
        let anchor = published?;
        return Some(if word.as_str().eq_ignore_ascii_case("yesterday") {
            anchor - Duration::days(1)
        } else {
            anchor
        });
    }
    if let Some(day) = c.get(2) {
        return Some(last_weekday_on_or_before(
            published?,
            weekday(day.as_str())?,
        ));
    }
    let (month, day, year) = if let Some(m) = c.get(3) {
        (m.as_str(), c.get(4)?.as_str(), c.get(5))
    } else {
        (c.get(7)?.as_str(), c.get(6)?.as_str(), c.get(8))
    };
    let (month, day): (u32, u32) = (month_number(month)?, day.parse().ok()?);
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, month, day),
        None => {
            let anchor = published?;
            let same_year = NaiveDate::from_ymd_opt(anchor.year(), month, day)?;
            if same_year > anchor + Duration::days(7) {
                NaiveDate::from_ymd_opt(anchor.year() - 1, month, day)
            } else {
                Some(same_year)
            }
        }
    }
}

/// Time expressions in news text: "on Friday", "earlier on Wednesday", "on December 14, 2016",
/// "since October 18", "in March 2011", "over the past 24 hours", "yesterday".
static TIME_EXPRESSION: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
    let day = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    Regex::new(&format!(
        r"(?:\b(?:[Ee]arlier|[Ll]ater)\s+)?(?:\b(?:[Oo]n|[Ss]ince|[Ii]n|[Bb]y|[Uu]ntil|[Ff]rom)\s+)?(?:\b(?:{day}(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+{month}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)?|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{month}(?:\s+\d{{4}})?|{month}\s+\d{{4}})\b|\b(?:yesterday|today|tonight|last\s+(?:week|month|year|night))\b)|\b(?:[Oo]ver|[Ii]n|[Dd]uring)\s+the\s+(?:past|last)\s+(?:\d+|[a-z]+)\s+(?:hours|days|weeks|months|years)\b"
    ))
    .unwrap()
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
}
