//! Quantities: numeric mentions with their value, qualifier, unit and what they count.
//!
//! Reads the sentences of a [`Document`] and adds its [`Quantity`]s: numbers in digits with
//! separators, decimals and multipliers ("10,500", "1.5 million", "2.3bn"), percentages, and the
//! qualifier before them ("more than") from `lexicon::numbers`. Dates, clock times and years are
//! skipped: they belong to `time`. It does not decide which claim a number belongs to; the
//! pipeline links them.

pub mod counted;

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Document, Qualifier, Quantity, Span};
use crate::lexicon::numbers::{MULTIPLIERS, QUALIFIER_PHRASES, UNIT_WORDS};
use crate::time::month_number;

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<cur>US\$|[$€£])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?P<mult>thousand|million|billion|trillion|bn|mn|tn|m|k)\b)?(?:\s?(?P<unit>%|percent\b|per cent\b|pct\b))?").unwrap()
});

/// Finds the quantities of a parsed document and stores them in `doc.quantities`.
pub fn extract_quantities(doc: &mut Document) {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let s = sentence.span;
        for c in NUMBER.captures_iter(s.slice(text)) {
            let whole = c.get(0).unwrap();
            let (start, end) = (s.byte_start + whole.start(), s.byte_start + whole.end());
            if !stands_alone(text, start, end)
                || is_time_or_date(text, start, end, c.name("num").unwrap().as_str())
            {
                continue;
            }
            let Ok(mut value) = c["num"].replace(',', "").parse::<f64>() else {
                continue;
            };
            if let Some(m) = c.name("mult") {
                let lower = m.as_str().to_ascii_lowercase();
                value *= MULTIPLIERS
                    .iter()
                    .find(|(w, _)| *w == lower)
                    .map_or(1.0, |(_, f)| *f);
            }
            let mut unit = if c.name("unit").is_some() {
                "percent".to_owned()
            } else {
                "count".to_owned()
            };
            if let Some(cur) = c.name("cur") {
                unit = crate::lexicon::numbers::CURRENCY_SYMBOLS
                    .iter()
                    .find(|(sym, _)| *sym == cur.as_str())
                    .map_or("USD", |(_, code)| code)
                    .to_owned();
            }
            let (unit_end, unit_word) = unit_after(text, end, s.byte_end);
            if unit == "count" {
                if let Some(word_unit) = unit_word {
                    unit = word_unit.to_owned();
                }
            }
            let (qualifier, q_start) = qualifier_before(text, s.byte_start, start);
            let counted = counted::counted_after(text, unit_end.unwrap_or(end), s.byte_end);
            out.push(Quantity {
                span: Span::new(q_start, end),
                value: Some(value),
                low: None,
                high: None,
                qualifier,
                unit,
                counted,
                direction: None,
                sentence: index,
                claim: None,
            });
        }
    }
    doc.quantities = out;
}

/// A number is not part of a word, a UUID, a URL or a longer code.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | '_' | ':'))
        && !after.is_some_and(|c| {
            c.is_alphabetic()
                || matches!(c, '-' | '/' | '_' | ':')
                    && text[end + 1..].starts_with(|d: char| d.is_ascii_alphanumeric())
        })
}

/// Years (1800-2100 without separators), days of the month next to a month name, clock times.
fn is_time_or_date(text: &str, start: usize, end: usize, num: &str) -> bool {
    if num.len() == 4
        && !num.contains([',', '.'])
        && num.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
    {
        return true;
    }
    let prev_word = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let next_word = text[end..]
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    num.len() <= 2 && (month_number(prev_word).is_some() || month_number(next_word).is_some())
}

/// A unit word right after the number ("24 hours", "5 km"), with where it ends.
fn unit_after(text: &str, end: usize, limit: usize) -> (Option<usize>, Option<&'static str>) {
    let rest = &text[end..limit];
    let trimmed = rest.trim_start();
    let offset = end + rest.len() - trimmed.len();
    let word: &str = trimmed
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    match UNIT_WORDS.iter().find(|(w, _)| *w == lower) {
        Some((_, unit)) if !word.is_empty() => (Some(offset + word.len()), Some(unit)),
        _ => (None, None),
    }
}

/// The qualifier phrase ending right before `start`, and where the quantity then starts.
fn qualifier_before(text: &str, floor: usize, start: usize) -> (Qualifier, usize) {
    let before = &text[floor..start];
    let trimmed = before.trim_end();
    let lower = trimmed.to_lowercase();
    for (phrase, name) in QUALIFIER_PHRASES {
        if lower.ends_with(phrase) {
            let at = floor + trimmed.len() - phrase.len();
            let boundary = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if boundary {
                return (qualifier_named(name), at);
            }
        }
    }
    (Qualifier::Exact, start)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::RawDocument;
    use crate::options::Options;
    use crate::parse::parse_document;

    fn quantities(text: &str) -> Vec<(String, Option<f64>, &'static str, String, Option<String>)> {
        let mut doc = parse_document(
            &RawDocument {
                text: text.into(),
                ..Default::default()
            },
            &Options::default(),
        );
        extract_quantities(&mut doc);
        doc.quantities
            .iter()
            .map(|q| {
                (
                    q.span.slice(&doc.text).to_owned(),
                    q.value,
                    q.qualifier.as_str(),
                    q.unit.clone(),
                    q.counted.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn counts_percent_and_qualifiers() {
        let got = quantities("It further noted that more than 9,500 people, including over 4,500 militants and 337 wounded, left. The army controls 93 percent of the whole northwestern city.");
        assert_eq!(
            got[0],
            (
                "more than 9,500".into(),
                Some(9500.0),
                "more_than",
                "count".into(),
                Some("people".into())
            )
        );
        assert_eq!(
            got[1],
            (
                "over 4,500".into(),
                Some(4500.0),
                "more_than",
                "count".into(),
                Some("militants".into())
            )
        );
        assert_eq!(got[2].1, Some(337.0));
        assert_eq!(
            got[3],
            (
                "93 percent".into(),
                Some(93.0),
                "exact",
                "percent".into(),
                Some("city".into())
            )
        );
    }

    #[test]
    fn multipliers_and_currency() {
        let got = quantities("Aid of $2.3bn reached 1.5 million people.");
        assert_eq!((got[0].1, got[0].3.as_str()), (Some(2.3e9), "USD"));
        assert_eq!(
            (got[1].1, got[1].4.as_deref()),
            (Some(1.5e6), Some("people"))
        );
    }

    #[test]
    fn dates_years_times_and_codes_are_not_quantities() {
        assert!(
            quantities("On December 14, 2016 at 19:16, since 2012, id 78081a38-653c.").is_empty()
        );
    }
}
