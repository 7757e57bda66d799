//! Quantities: numeric mentions with their value, bounds, qualifier, unit, direction and what
//! they count.
//!
//! Takes the sentences of a parsed [`Document`] and gives its [`Quantity`]s, in text order:
//! - numbers in digits with separators, decimals, signs and multipliers ("10,500", "-1.3%",
//!   "1.5 million", "2.3bn", "$5m"), written numbers ("seven", "twenty-one", "a dozen"),
//!   fractions ("half", "a third", "two-thirds": unit `fraction`, value the ratio) and vague
//!   magnitudes ("dozens of", "tens of thousands": value null, qualifier `vague`, `low`/`high`
//!   the order of magnitude);
//! - mixed numbers and slash fractions ("two and a half miles", "1/4 inch"), shares ("one out
//!   of three Germans");
//! - ranges ("2 to 3 days", "between 5 and 10", "5-10W") as `low`/`high` with a null value;
//! - rates ("$3500 a month" -> unit "USD per month", "40 to 50 hours a week");
//! - the qualifier around the number (`lexicon::numbers::QUALIFIER_PHRASES`), the unit from the
//!   unit tables (the module doc of `lexicon::numbers` lists the vocabulary), the direction of a
//!   change ("rose 0.65 per cent" up, "decreased by one third" down) and what is counted
//!   (`counted`).
//!
//! Not quantities: years, days of the month next to a month name, clock times, ordinals,
//! sports scores ("2-1"), ages set off by commas after a name ("Maddon, 66,"),
//! numbers glued to letters ("5G", "S23", "COVID-19"), numbers inside URLs or e-mail addresses,
//! footnote markers and numbers that are part of a name ("iPhone 14", "S&P 500"). It does not
//! decide which claim a number belongs to, nor its date: the pipeline does.
//!
//! Everything is one left-to-right scan per sentence with regexes compiled once, so the stage
//! is linear in the text.
//!
//! This module owns the sentence loop and what the whole stage shares (`Found`, how far back a
//! rule may look). Each reading of a number is a named rule under `rules/` (the registry is
//! `crate::rules`); what the readings share has a module each: `context` (is it a quantity at
//! all), `unit`, `qualifier`, `direction`, `text` (small string helpers), `counted` (what it
//! counts) and `subject`. None of them may run the stage's steps in another order:
//! that order lives here.

mod context;
pub mod counted;
mod direction;
pub mod number;
mod qualifier;
#[cfg(test)]
mod readings_tests;
mod rules;
pub mod subject;
mod text;
mod unit;

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Document, Qualifier, Quantity, Span};
use crate::lexicon::numbers::CASED_UNITS;
use crate::lexicon::numbers::SCALE_WORDS;
use crate::lexicon::numbers::STREET_TYPES;
use crate::lexicon::numbers::{
    CHANGE_DOWN, CHANGE_FILLERS, CHANGE_UP, COUNTED_STOP, CURRENCY_PREFIXES, DURATION_UNITS,
    FRACTION_WORDS, GLUED_ONLY_UNITS, MASS_CONTEXT_WORDS, MULTIPLIERS, NAMED_NUMBER_WORDS,
    ONE_PRONOUN_AFTER, ONE_PRONOUN_BEFORE, OVER_AS_PREPOSITION_AFTER, PHRASAL_PARTICLE_VERBS,
    QUALIFIER_PHRASES, QUALIFIER_SUFFIXES, RATE_DENOMINATORS, RATE_SUBSTANCES,
    SCORES_MAGNITUDE_AFTER, TOTALITY_PHRASES, UNIT_WORDS, VAGUE_MAGNITUDES, VULGAR_FRACTIONS,
};
use crate::lexicon::word_regex;
use crate::rules::{Rule, RuleSet};
use crate::time::{month_number, weekday};
use context::*;
use counted::counted_of;
use direction::*;
use number::{words_prefix_len, words_value, CORE, MIXED, MULTIPLIER, UNIT};
pub use qualifier::qualifier_named;
use qualifier::*;
pub use rules::document_dollar::document_dollar;
pub use rules::implied_share::implied_shares;
use rules::range::merge_ranges;
use rules::read_number;
use text::*;
use unit::*;

/// A number found in a sentence, before ranges are merged and context is read.
#[derive(Debug, Clone)]
struct Found {
    /// Start of the qualifier, or of the number when there is none.
    start: usize,
    /// Start of the number itself (sign or currency included).
    core_start: usize,
    /// End of the number and its unit.
    end: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: Qualifier,
    unit: &'static str,
    /// Whether the unit was written (a currency, a unit word) rather than defaulted to count.
    explicit_unit: bool,
    /// The unit as written ("hours"), for durations and measures whose counted is the unit.
    unit_text: Option<(usize, usize)>,
    /// The unit was joined by a hyphen: "five-day truce", "6.1-inch display".
    hyphenated: bool,
    /// The multiplier written after the digits, for ranges ("2 to 3 million").
    multiplier: Option<f64>,
    /// The denominator of a rate ("$3500 a month" -> month): the unit becomes "USD per month".
    rate: Option<&'static str>,
    direction: Option<&'static str>,
    /// Where the noun the number describes starts when it is not right after the number: the
    /// end of the paired unit of a suspended hyphen ("a 7- or 8-inch touchscreen").
    noun_from: Option<usize>,
    /// The reading that found it, or [`Rule::Range`] / [`Rule::ShareOutOf`] once merged.
    rule: Rule,
    /// The code a bare "$" or "dollars" stands for in this document ([`document_dollar`]).
    dollar: &'static str,
    /// The currency is a bare "$" or "dollars", read as `dollar`.
    bare_dollar: bool,
}

/// Finds the quantities of a parsed document and stores them in `doc.quantities`; with
/// `implied`, also the shares stated without a number ([`implied_shares`]).
pub fn extract_quantities(doc: &mut Document) {
    extract_quantities_with(doc, false, RuleSet::default());
}

/// [`extract_quantities`], with implied shares when `implied` is true, running the readings
/// `rules` leaves on.
pub fn extract_quantities_with(doc: &mut Document, implied: bool, rules: RuleSet) {
    let text = doc.text.as_str();
    // Rule `document_dollar`: the code of a bare "$"; switched off, every bare "$" is USD.
    let dollar = if rules.is_enabled(Rule::DocumentDollar) {
        document_dollar(&doc.id, doc.path.as_deref(), text)
    } else {
        "USD"
    };
    let mut out: Vec<Quantity> = Vec::new();
    // Whether the last quantity's currency was a bare "$" or "dollars".
    let mut prev_bare_dollar = false;
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let s = sentence.span;
        let mut found = find_numbers(text, s, rules, dollar);
        merge_ranges(text, s, &mut found, rules);
        for i in 0..found.len() {
            let f = &found[i];
            // The rules below look back from the number, at most `LOOKBACK_BYTES`.
            let near = near(text, s, f.start);
            // The change the number takes part in; its subject is what the number measures.
            let change = f
                .direction
                .or_else(|| direction_of(text, near.byte_start, f));
            // "valve lift was increased from 13.5 to 14.0 mm", "Horsepower jumped from 240 to
            // 273": the bounds of a "from ... to" range are the levels before and after the
            // change, not its size, like the level after "to" in "rose 64.06 points to
            // 4,577.10" (NewsQuant tags both "=").
            let from_range = f.low.is_some() && starts_with_ignore_case(&text[f.start..], "from ");
            let mut direction = change.filter(|_| !from_range);
            let mut qualifier = f.qualifier;
            let mut restates = None;
            let mut unit_override: Option<&'static str> = None;
            // "more than 100 kilometers (60 miles)", "dropped by 1 to 1.5 degrees Celsius (1.8
            // to 2.7 Fahrenheit)": a restatement in brackets shares qualifier and change.
            if i > 0 && restates_previous(&text[found[i - 1].end..f.start]) {
                if let Some(prev) = out.last() {
                    // "a fine of 10.5 million Australian dollars ($7.5 million)", "the debris
                    // field stretched for some seven miles (11 km)": the same amount in another
                    // unit measures the same thing.
                    if f.unit != "count" && prev.unit != "count" {
                        // "47 feet (14 metres)": a previous counted that is only its unit
                        // as written ("feet") names nothing the restatement shares.
                        restates = prev.counted.clone().filter(|c| {
                            let lower = c.to_lowercase();
                            !UNIT_WORDS
                                .iter()
                                .any(|(w, u)| *w == lower && *u == prev.unit)
                        });
                    }
                    direction = direction.or(prev.direction);
                    // "C$6.5 billion ($4.8 billion)": the bare "$" restating another dollar
                    // is the US one, whatever the document's dollar.
                    if f.bare_dollar
                        && !prev_bare_dollar
                        && matches!(prev.unit.as_str(), "CAD" | "AUD" | "NZD" | "HKD" | "SGD")
                    {
                        unit_override = Some("USD");
                    }
                    if qualifier == Qualifier::Exact {
                        qualifier = prev.qualifier;
                    }
                }
            }
            if direction.is_none() && i > 0 {
                // "The Dow lost 190 points, or 0.6%": the restatement shares the change.
                let gap = text[found[i - 1].end..f.start]
                    .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')');
                // "grew by 125,600 positions or 2.2 per cent": the counted noun may sit between.
                let gap = gap.to_ascii_lowercase();
                let words: Vec<&str> = gap.split_whitespace().collect();
                if words.last() == Some(&"or") && words.len() <= 2 {
                    direction = out.last().and_then(|q: &Quantity| q.direction);
                }
            }
            let counted =
                restates.or_else(|| counted_of(text, near, f, &out, index, direction.or(change)));
            let subject = subject::subject_before(text, near.byte_start, f.start)
                .or_else(|| subject_of_previous(text, f, &out, index));
            out.push(Quantity {
                span: Span::new(f.start, f.end),
                value: f.value,
                low: f.low,
                high: f.high,
                qualifier,
                unit: match (f.rate, unit_override.unwrap_or(f.unit)) {
                    (Some(den), unit) => format!("{unit} per {den}"),
                    (None, unit) => unit.to_owned(),
                },
                counted,
                subject,
                direction,
                sentence: index,
                claim: None,
                date: None,
                rule: f.rule,
            });
            prev_bare_dollar = f.bare_dollar;
        }
        let first = out.partition_point(|q| q.sentence < index);
        levels_in_points(text, &mut out[first..]);
        if implied && rules.is_enabled(Rule::ImpliedShare) {
            implied_shares(text, s, index, &mut out);
        }
    }
    doc.quantities = out;
}

/// "Apple's revenue rose 5% to $90 billion", "The Dow lost 190 points, or 0.6%": a number
/// right after another of its sentence, joined by "to", "or", "from", ... shares its subject.
fn subject_of_previous(text: &str, f: &Found, out: &[Quantity], sentence: usize) -> Option<String> {
    let prev = out
        .last()
        .filter(|q| q.sentence == sentence && q.subject.is_some())?;
    let gap = text.get(prev.span.byte_end..f.start)?;
    let words: Vec<String> = gap
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (words.len() <= 3
        && words.iter().all(|w| {
            matches!(
                w.as_str(),
                "to" | "at" | "from" | "or" | "and" | "by" | "up" | "down" | "compared" | "with"
            )
        }))
    .then(|| prev.subject.clone())
    .flatten()
}

/// The level a change in points reached is in points too: "The S&P 500 rose 64.06 points to
/// 4,577.10", "has lost 162.31 points, or 2.14%, to fall to 7,425.81", "(16369.03 up 58.06
/// points)". A bare number right after "to" or "at" that follows a change in points of the
/// same sentence, or right before "up"/"down" and a change in points, takes the unit `point`.
fn levels_in_points(text: &str, sentence: &mut [Quantity]) {
    let is_change_in_points = |q: &Quantity| q.unit == "point" && q.direction.is_some();
    for i in 0..sentence.len() {
        let q = &sentence[i];
        if q.unit != "count" || q.value.is_none() {
            continue;
        }
        let before = text[..q.span.byte_start].trim_end();
        let after_to = before.ends_with(" to") || before.ends_with(" at");
        let level_after = after_to && sentence[..i].iter().any(is_change_in_points);
        let level_before = sentence.get(i + 1).is_some_and(|next| {
            let gap = text[q.span.byte_end..next.span.byte_start].trim();
            is_change_in_points(next)
                && (gap.eq_ignore_ascii_case("up") || gap.eq_ignore_ascii_case("down"))
        });
        if level_after || level_before {
            sentence[i].unit = "point".to_owned();
        }
    }
}

/// Whether the text between two numbers opens a restatement in brackets: "(" alone, or after
/// a few unit words the number did not take ("7.5 million Danish kroner (US $1.1 million)").
fn restates_previous(gap: &str) -> bool {
    let Some(before) = gap.trim().strip_suffix('(') else {
        return false;
    };
    let words: Vec<&str> = before.split_whitespace().collect();
    words.len() <= 2 && words.iter().all(|w| w.chars().all(char::is_alphabetic))
}

/// How far back from a number (in bytes) the rules that read the words before it look. They
/// took the sentence start as their floor, which made a sentence of many numbers and no full
/// stop quadratic (a 0.4 MB run of "1,200 and 3.5 million to 7 percent of 12 ": 10 s/MB and
/// doubling with size; bench/hostile.py). 400 bytes is about 60 words, more than any rule
/// reads ("the death toll ... was at least 24" is the longest reach).
const LOOKBACK_BYTES: usize = 400;

/// The part of sentence `s` that rules about the number at byte `at` may read: from at most
/// `LOOKBACK_BYTES` before it (on a char boundary) to the sentence end.
fn near(text: &str, s: Span, at: usize) -> Span {
    let mut floor = s.byte_start.max(at.saturating_sub(LOOKBACK_BYTES));
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    Span::new(floor, s.byte_end)
}

/// Every number of the sentence `s`, left to right, with its qualifier and unit.
fn find_numbers(text: &str, s: Span, rules: RuleSet, dollar: &'static str) -> Vec<Found> {
    let hay = &text[..s.byte_end];
    let mut found = Vec::new();
    let mut pos = s.byte_start;
    while pos < s.byte_end {
        let Some(c) = CORE.captures_at(hay, pos) else {
            break;
        };
        let m = c.get(0).unwrap();
        match read_number(text, near(text, s, m.start()), &c, rules, dollar) {
            Some(mut f) => {
                // A qualifier never reaches back into the previous quantity.
                if let Some(last) = found.last() {
                    let last: &Found = last;
                    f.start = f.start.max(last.end);
                }
                pos = f.end.max(m.start() + 1);
                found.push(f);
            }
            None => pos = m.end().max(m.start() + 1),
        }
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::RawDocument;
    use crate::options::Options;
    use crate::parse::parse_document;

    type Row = (String, Option<f64>, &'static str, String, Option<String>);

    /// The document with its quantities, for tests that check spans against the text.
    fn parsed(text: &str) -> crate::document::Document {
        let mut doc = parse_document(
            &RawDocument {
                text: text.into(),
                ..Default::default()
            },
            &Options::default(),
        );
        extract_quantities_with(&mut doc, true, RuleSet::default());
        doc
    }

    fn extract(text: &str) -> Vec<Quantity> {
        parsed(text).quantities
    }

    /// A sentence of 60,000 numbers and no full stop: with the sentence start as every rule's
    /// floor this took hours (each number re-read the whole sentence); now it is linear. The
    /// ranges ("3 to 4") and scores ("2-1") also exercise `merge_ranges`, which removed merged
    /// numbers one `Vec::remove` at a time.
    #[test]
    fn a_long_sentence_of_numbers_and_ranges_is_read_in_linear_time() {
        let text = "2-1 and 3 to 4 or 1,200 and 3.5 million to 7 percent of 12 ".repeat(10_000);
        let found = extract(&text);
        let first: Vec<&str> = found[..4].iter().map(|q| q.span.slice(&text)).collect();
        // The score "2-1" is dropped; "3.5 million to 7 percent" runs down, so it is no range.
        assert_eq!(first, ["3 to 4", "1,200", "3.5 million", "7 percent"]);
        assert_eq!(found.len(), 50_000);
        assert_eq!((found[0].low, found[0].high), (Some(3.0), Some(4.0)));
        assert_eq!(found.last().unwrap().span.slice(&text), "12");
    }

    fn quantities(text: &str) -> Vec<Row> {
        extract(text)
            .iter()
            .map(|q| {
                (
                    q.span.slice(text).to_owned(),
                    q.value,
                    q.qualifier.as_str(),
                    q.unit.clone(),
                    q.counted.clone(),
                )
            })
            .collect()
    }

    fn row(
        text: &str,
        value: Option<f64>,
        qualifier: &'static str,
        unit: &str,
        counted: Option<&str>,
    ) -> Row {
        (
            text.into(),
            value,
            qualifier,
            unit.into(),
            counted.map(str::to_owned),
        )
    }

    /// Seed 004: the end of the Aleppo timeline is stated without a number.
    #[test]
    fn full_control_of_a_place_is_an_implied_hundred_percent() {
        let got = quantities("The Syrian military has wrested full control of the militant-held eastern Aleppo, scoring a major victory against terrorists in the strategic northwestern city, Russia says.");
        assert_eq!(
            got,
            vec![row(
                "full control",
                Some(100.0),
                "implied",
                "percent",
                Some("Aleppo")
            )]
        );
        // Seed 000: a district is held in full, too; text order is kept.
        let got = quantities("On Monday alone, the troops seized 3 blocks and complete control over the al-Sakhour district.");
        assert_eq!(got[0].0, "3");
        assert_eq!(
            got[1],
            row(
                "complete control",
                Some(100.0),
                "implied",
                "percent",
                Some("district")
            )
        );
        // A number after the phrase is the quantity: "full control of 50 neighborhoods".
        let got = quantities("The Syrian authorities now have full control of 50 neighborhoods.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "50");
        // No phrase of what is held, no share: "gave him full control."
        assert!(quantities("The board gave him full control.").is_empty());
    }

    #[test]
    fn counts_percent_and_qualifiers() {
        let got = quantities("It further noted that more than 9,500 people, including over 4,500 militants and 337 wounded, left. The army controls 93 percent of the whole northwestern city.");
        assert_eq!(
            got[0],
            row(
                "more than 9,500",
                Some(9500.0),
                "more_than",
                "count",
                Some("people")
            )
        );
        assert_eq!(
            got[1],
            row(
                "over 4,500",
                Some(4500.0),
                "more_than",
                "count",
                Some("militants")
            )
        );
        assert_eq!(got[2].1, Some(337.0));
        assert_eq!(
            got[3],
            row("93 percent", Some(93.0), "exact", "percent", Some("city"))
        );
    }

    #[test]
    fn multipliers_and_currency() {
        let got = quantities(
            "Aid of $2.3bn reached 1.5 million people, and PS6m went to HK $3.7 billion of bonds.",
        );
        assert_eq!((got[0].1, got[0].3.as_str()), (Some(2.3e9), "USD"));
        assert_eq!(
            (got[1].1, got[1].4.as_deref()),
            (Some(1.5e6), Some("people"))
        );
        assert_eq!((got[2].1, got[2].3.as_str()), (Some(6e6), "GBP"));
        assert_eq!((got[3].1, got[3].3.as_str()), (Some(3.7e9), "HKD"));
    }

    #[test]
    fn written_numbers_fractions_and_vague_magnitudes() {
        let got = quantities("Government forces have killed seven Syrian civilians and retaken half of the areas, a third of the eastern side, while thousands of lives are at stake.");
        assert_eq!(
            got[0],
            row("seven", Some(7.0), "exact", "count", Some("civilians"))
        );
        assert_eq!(
            got[1],
            row("half", Some(0.5), "exact", "fraction", Some("areas"))
        );
        assert_eq!(
            got[2],
            row(
                "a third",
                Some(1.0 / 3.0),
                "exact",
                "fraction",
                Some("side")
            )
        );
        assert_eq!(got[3].0, "thousands");
        assert_eq!(
            (got[3].1, got[3].2, got[3].4.as_deref()),
            (None, "vague", Some("lives"))
        );
        let q = &extract("Tens of thousands of civilians fled.")[0];
        assert_eq!((q.low, q.high), (Some(1e4), Some(1e5)));
        let got =
            quantities("It delivered dozens of tonnes of humanitarian aid and twenty-one trucks.");
        assert_eq!(
            got[0],
            row("dozens of tonnes", None, "vague", "tonne", Some("aid"))
        );
        assert_eq!(
            got[1],
            row("twenty-one", Some(21.0), "exact", "count", Some("trucks"))
        );
        let got = quantities("Nearly two-thirds of the votes came in.");
        assert_eq!(
            got[0],
            row(
                "Nearly two-thirds",
                Some(2.0 / 3.0),
                "almost",
                "fraction",
                Some("votes")
            )
        );
    }

    #[test]
    fn ranges_and_compound_adjectives() {
        let q = extract("The operation will take 2 to 3 days, or two to three days.");
        assert_eq!(
            (q[0].value, q[0].low, q[0].high, q[0].unit.as_str()),
            (None, Some(2.0), Some(3.0), "day")
        );
        assert_eq!(
            (q[1].low, q[1].high, q[1].unit.as_str()),
            (Some(2.0), Some(3.0), "day")
        );
        let q = extract("Between 5 and 10 people died.");
        assert_eq!(
            (q[0].low, q[0].high, q[0].counted.as_deref()),
            (Some(5.0), Some(10.0), Some("people"))
        );
        let got = quantities("Russia proposed a five-day truce.");
        assert_eq!(
            got[0],
            row("five-day", Some(5.0), "exact", "day", Some("truce"))
        );
        let q = extract("They used a 5-10W laser.");
        assert_eq!(
            (q[0].low, q[0].high, q[0].unit.as_str()),
            (Some(5.0), Some(10.0), "watt")
        );
        // An en dash glued to both numbers is a range too (Recognizers-Text's "1000–5000").
        let q = extract("Between 1,000–5,000 people fled, and support stood at 40%–45%.");
        assert_eq!(
            (q[0].low, q[0].high, q[0].counted.as_deref()),
            (Some(1000.0), Some(5000.0), Some("people"))
        );
        assert_eq!(
            (q[1].low, q[1].high, q[1].unit.as_str()),
            (Some(40.0), Some(45.0), "percent")
        );
        assert_eq!(q.len(), 2);
    }

    #[test]
    fn vulgar_fractions_and_fractions_of_a_scale() {
        let q = extract("The siege lasted 2½ years; he was held 5 ½ years, the front moved ½ mile and ¾ of the vote went to him.");
        let got: Vec<_> = q.iter().map(|q| (q.value, q.unit.as_str())).collect();
        assert_eq!(
            got,
            [
                (Some(2.5), "year"),
                (Some(5.5), "year"),
                (Some(0.5), "mile"),
                (Some(0.75), "fraction")
            ]
        );
        assert_eq!(
            q[0].span.slice(&parsed("The siege lasted 2½ years").text),
            "2½ years"
        );
        let q =
            extract("A quarter million people fled, half million troops and half a dozen tanks.");
        let got: Vec<_> = q.iter().map(|q| (q.value, q.counted.as_deref())).collect();
        assert_eq!(
            got,
            [
                (Some(250_000.0), Some("people")),
                (Some(500_000.0), Some("troops")),
                (Some(6.0), Some("tanks"))
            ]
        );
        // "a third term" stays an ordinal.
        assert!(extract("He won a third term.").is_empty());
    }

    #[test]
    fn units_and_directions() {
        let q = extract("The Dow Jones Industrial Average rose 0.65 per cent to end at 27,349.19.");
        assert_eq!(
            (q[0].value, q[0].unit.as_str(), q[0].direction),
            (Some(0.65), "percent", Some("up"))
        );
        assert_eq!(q[0].counted.as_deref(), Some("Average"));
        assert_eq!(q[1].direction, None);
        let q = extract("Territory controlled by militants decreased by one third, and the Dow lost 190 points, or 0.6%.");
        assert_eq!(
            (q[0].value, q[0].direction),
            (Some(1.0 / 3.0), Some("down"))
        );
        assert_eq!(
            (q[1].unit.as_str(), q[1].direction),
            ("point", Some("down"))
        );
        assert_eq!(q[2].direction, Some("down"));
        let q = extract(
            "Winds of 50mph hit a 6.1-inch screen, about 90 kilometers away, up to 252 miles.",
        );
        assert_eq!(q[0].unit, "mile per hour");
        assert_eq!(q[1].unit, "inch");
        assert_eq!(
            (q[2].unit.as_str(), q[2].qualifier.as_str()),
            ("kilometre", "approx")
        );
        assert_eq!((q[3].qualifier.as_str(), q[3].direction), ("up_to", None));
        let q = extract("In Europe: Stoxx 50 -1.3% FTSE -0.6%.");
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].value, q[0].direction), (Some(-1.3), Some("down")));
    }

    #[test]
    fn mixed_numbers_slash_fractions_and_dozens() {
        let q = extract("It is two and a half miles away, through a 1/4 inch gap; 2 1/2 in thick, three dozen eggs.");
        assert_eq!((q[0].value, q[0].unit.as_str()), (Some(2.5), "mile"));
        assert_eq!((q[1].value, q[1].unit.as_str()), (Some(0.25), "inch"));
        assert_eq!(q[2].value, Some(2.5));
        assert_eq!(
            (q[3].value, q[3].counted.as_deref()),
            (Some(36.0), Some("eggs"))
        );
        let q = extract(
            "They pay $3500 a month, work 40 to 50 hours a week, and sales rose 5% a year earlier.",
        );
        assert_eq!(q[0].unit, "USD per month");
        assert_eq!(
            (q[1].low, q[1].high, q[1].unit.as_str()),
            (Some(40.0), Some(50.0), "hour per week")
        );
        assert_eq!(q[2].unit, "percent");
        let q =
            extract("Trade could cross half a billion dollars after a sixth try, at half-time.");
        assert_eq!(q.len(), 1);
        assert_eq!((q[0].value, q[0].unit.as_str()), (Some(5e8), "USD"));
        let q = extract("It says 60 per cent of men aged 18 to 34 bet on it.");
        assert_eq!(
            (q[1].low, q[1].high, q[1].unit.as_str()),
            (Some(18.0), Some(34.0), "year of age")
        );
        let q = extract("One out of three Germans have housing problems.");
        assert_eq!(
            (q[0].value, q[0].unit.as_str()),
            (Some(1.0 / 3.0), "fraction")
        );
        assert!(
            extract("Thompson tied the game at 89-89 before Bristol beat Charlton 2-1.").is_empty()
        );
        // Qualifiers never reach back into the number before them.
        let q = extract("His score is equal to 5000 or less than 6000.");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].qualifier, Qualifier::LessThan);
    }

    #[test]
    fn odd_inputs_give_well_formed_spans() {
        // Odd strings (some from quantulum3's errors.json), non-ASCII text and edge positions:
        // no panic, spans in order, on character boundaries, inside their sentence.
        for text in [
            "20/2030 and",
            "1 '2",
            "$99(",
            "($99",
            "-",
            "5-",
            "½ of “93 %” — €5bn, 10 km² and 3½ miles in 2016–17 é 1,2,3 4.5.6",
            "more than half a",
            "between 5 and",
            "US$",
            "one and a",
            "2 1/",
            "a third of 1/0 and 0/0",
        ] {
            let doc = parsed(text);
            let mut last = 0;
            for q in &doc.quantities {
                let span = q.span;
                assert!(
                    span.byte_start <= span.byte_end && span.byte_start >= last,
                    "{text}"
                );
                assert!(doc.text.is_char_boundary(span.byte_start), "{text}");
                assert!(doc.text.is_char_boundary(span.byte_end), "{text}");
                assert!(doc.sentences[q.sentence].span.contains(span), "{text}");
                last = span.byte_start;
            }
        }
    }

    /// `(text, unit, counted)` of each quantity.
    fn measured(text: &str) -> Vec<(String, String, Option<String>)> {
        quantities(text)
            .into_iter()
            .map(|(t, _, _, unit, counted)| (t, unit, counted))
            .collect()
    }

    #[test]
    fn a_physical_measure_names_what_it_measures() {
        let got = measured("In 2021 the family paid $31,000 for an 8.5 kW solar system.");
        assert_eq!(got[1].1, "kilowatt");
        assert_eq!(got[1].2.as_deref(), Some("system"));
        // The subject of the clause, and the restatement in brackets shares it.
        let got = measured("The oil slick stretched for some seven miles (11 km) along the coast.");
        assert_eq!(got[0].2.as_deref(), Some("oil slick"));
        assert_eq!(got[1].1, "kilometre");
        assert_eq!(got[1].2.as_deref(), Some("oil slick"));
        // A verb and its object: the object is measured.
        let got = measured("It will also boost the driving range by about 40 miles, Ford said.");
        assert_eq!(got[0].2.as_deref(), Some("driving range"));
        // "wide" is no noun: the measure falls back to the rules before it.
        let got = measured("Officials said the crater was about 90 metres wide.");
        assert_eq!(got[0].2.as_deref(), Some("crater"));
        // A pronoun after a speech verb stands for the speaker; a verb after a modal is skipped.
        let got = measured("The carmaker said it will invest $2 billion in the plant.");
        assert_eq!(got[0].2.as_deref(), Some("carmaker"));
        // Durations keep the unit as written.
        let got = measured("Troops advanced in the last 24 hours, the army said.");
        assert_eq!(got[0].2.as_deref(), Some("hours"));
        // A percentage with nothing to name stays empty rather than "%".
        let got = measured("He has been shooting 47.6% from the field this season.");
        assert_eq!(got[0].2, None);
    }

    #[test]
    fn a_bare_count_takes_the_noun_of_the_count_before_it() {
        let got = measured(
            "More than 6 million homes nationwide, including 1.5 million in the Los Angeles \
             region, could lose power.",
        );
        assert_eq!(got[1].2.as_deref(), Some("homes"));
        let got = measured("The developers will offer 435 flats by open sale and 187 by tender.");
        assert_eq!(got[1].2.as_deref(), Some("flats"));
        // An index level reached by a change measures the index.
        let got = measured("In Europe, Germany's DAX fell 0.4 per cent to 13176 on Friday.");
        assert_eq!(got[1].2.as_deref(), Some("DAX"));
    }

    #[test]
    fn no_range_runs_down_from_millions_to_a_share() {
        let got = quantities("The appeal raised 3.5 million to 7 percent of its target.");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, Some(3.5e6));
        assert_eq!(got[1].3, "percent");
        // "from 10 to 5" is a range that ran down; the unit may come with the first number.
        let got = extract("He has lost weight, dropping from 208 pounds to 193 in a year.");
        assert_eq!((got[0].low, got[0].high), (Some(208.0), Some(193.0)));
        let got = extract("Its stake fell from 10 to 5 percent last year.");
        assert_eq!((got[0].low, got[0].high), (Some(10.0), Some(5.0)));
    }

    #[test]
    fn a_glued_pair_that_runs_down_is_a_code() {
        let got = quantities("The SUV passed the ISO 3888-2 lane-change test at 80 km/h.");
        let texts: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(texts, ["80 km/h"]);
    }

    #[test]
    fn a_from_to_range_after_a_change_is_the_levels() {
        // NewsQuant: "maximum exhaust valve lift was increased from 13.5 to 14.0 mm".
        let got = extract("Maximum exhaust valve lift was increased from 13.5 to 14.0 mm.");
        assert_eq!((got[0].low, got[0].high), (Some(13.5), Some(14.0)));
        assert_eq!(got[0].direction, None);
        // The size of the change keeps its direction.
        let got = extract("Valve duration was increased by 18 degrees.");
        assert_eq!(got[0].direction, Some("up"));
    }

    #[test]
    fn a_change_verb_may_take_its_object_before_by() {
        // NewsQuant: "the Oboz footwear brand ... was expected to grow sales by 35 per cent".
        let got =
            extract("The footwear brand was expected to grow sales by 35 per cent this half.");
        assert_eq!(got[0].direction, Some("up"));
        let got = extract("The retailer cut its prices by 10% across the range.");
        assert_eq!(got[0].direction, Some("down"));
        // Without "by" a word that is no filler ends the search.
        let got = extract("The team scored goals in 3 matches.");
        assert_eq!(got[0].direction, None);
    }

    #[test]
    fn share_prices_in_pence() {
        // NewsQuant: "At 118.5p, its shares have climbed more than 3% in 2018".
        let got = measured("At 118.5p, its shares have climbed more than 3% in 2018.");
        assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("118.5p", "penny"));
        // A video resolution is no price.
        assert!(quantities("It streams in 1080p on the tablet.").is_empty());
    }

    #[test]
    fn house_numbers_are_no_amounts() {
        // NewsQuant: "Properties including: 9 E 71st St, Manhattan, worth $US55,931,000".
        let got = quantities(
            "Properties including: 9 E 71st St, Manhattan, worth $US55,931,000, 49 Zorro Ranch \
             Road, Stanley, and 22 Ave Foch, Paris.",
        );
        let texts: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(texts, ["$US55,931,000"]);
        let got = quantities("Unit 3 at 16-18 Industrial Avenue has leased to a plastics firm.");
        assert!(got.iter().all(|r| r.0 != "18" && r.0 != "16-18"));
        // A count before a capitalised name that is no street stays: "5 Main Street shops"
        // would go, "5 Republican senators" does not.
        let got = quantities("The bill needs 5 Republican senators to pass.");
        assert_eq!(got[0].0, "5");
    }

    #[test]
    fn a_four_digit_measure_is_no_year() {
        // NewsQuant: "The 1520 sq m medical centre is pre-leased to Cornerstone Health".
        let got = measured("The 1520 sq m medical centre is pre-leased to Cornerstone Health.");
        assert_eq!(got[0].0, "1520 sq m");
        assert_eq!(got[0].1, "square metre");
        // A year before a duration or a currency stays a year.
        assert!(quantities("In 2016 years of work ended; prices are in 2010 dollars.").is_empty());
    }

    #[test]
    fn revised_upward_is_a_rise() {
        // NewsQuant: "operating profit of Y=880 billion, revised upward by Y=40 billion".
        let got = extract(
            "It expects operating profit of Y=880 billion, revised upward by Y=40 billion.",
        );
        assert_eq!(got[1].value, Some(40e9));
        assert_eq!(got[1].direction, Some("up"));
        let got = extract("The forecast was revised downwards by 0.3 per cent.");
        assert_eq!(got[0].direction, Some("down"));
    }

    #[test]
    fn a_phrasal_up_is_no_change() {
        let got = extract("Louisville's defense gave up 517 rushing yards against Kentucky.");
        assert_eq!(got[0].direction, None);
        let got = extract("Shares of the carmaker were up 4% on Friday.");
        assert_eq!(got[0].direction, Some("up"));
    }

    #[test]
    fn a_price_names_what_it_buys() {
        let got = measured("In 2019 I paid $12,000 for a new roof and solar panels.");
        assert_eq!(got[0].2.as_deref(), Some("roof"));
        // A restatement does not share a counted that is only the unit as written.
        let got = measured("Most of it landed in shallow water, just 47 feet (14 metres) deep.");
        assert_ne!(got[1].2.as_deref(), Some("feet"));
    }

    #[test]
    fn an_index_level_after_a_change_in_points_is_in_points() {
        // NewsQuant: "The S&P 500 rose 64.06 points to 4,577.10."
        let got = measured("The S&P 500 rose 64.06 points to 4,577.10.");
        assert_eq!(got[1].1, "point");
        let got = measured("Toronto Stock Exchange (16369.03 up 58.06 points).");
        assert_eq!(got[0].1, "point");
        // After a change in percent the level keeps no unit.
        let got = measured("Germany's DAX fell 0.4 per cent to 13176 on Friday.");
        assert_eq!(got[1].1, "count");
    }

    #[test]
    fn an_age_after_a_person_and_a_copula() {
        // NewsQuant: "He will be 35 by the end of the year."
        let got = measured("He will be 35 by the end of the year.");
        assert_eq!(got[0].1, "year of age");
        let got = measured("They moved to help their older daughter Maria, who was 10.");
        assert_eq!(got[0].1, "year of age");
        // A noun after the number is what it counts.
        let got = measured("He was 3 goals short of the record.");
        assert_eq!(got[0].1, "count");
    }

    #[test]
    fn a_broad_unit_vocabulary() {
        // NewsQuant sentences.
        let got =
            measured("The engine makes 296 hp (224 kW / 300 PS) and 450 Nm (332 lb-ft) of torque.");
        let units: Vec<&str> = got.iter().map(|(_, u, _)| u.as_str()).collect();
        assert_eq!(
            units,
            [
                "horsepower",
                "kilowatt",
                "horsepower",
                "newton metre",
                "foot pound-force"
            ]
        );
        let units = |t: &str| -> Vec<String> { measured(t).into_iter().map(|r| r.1).collect() };
        assert_eq!(
            units("The speed of sound is approximately 661 kt in dry air."),
            ["knot"]
        );
        assert_eq!(
            units("The boot now stands at 24.5 cubic feet."),
            ["cubic foot"]
        );
        assert_eq!(
            units("The tablet comes with a 5 W USB-C charger."),
            ["watt"]
        );
        assert_eq!(
            units("Large fields of about 10 kV/cm."),
            ["kilovolt per centimetre"]
        );
        assert_eq!(
            units("It will accelerate to 100km/hr in 3.5 seconds."),
            ["kilometre per hour", "second"]
        );
        assert_eq!(units("The concert ticket cost me 150 kuna."), ["HRK"]);
        // Case decides: a chip made on a 7nm process is measured in nanometres.
        assert_eq!(units("The chip is made on a 7nm process."), ["nanometre"]);
    }

    #[test]
    fn a_measure_with_nothing_to_name_has_no_counted() {
        // NewsQuant: "... but most landed in relatively shallow water, just 47 feet (14
        // metres) deep." The unit as written is no counted.
        let got = measured("But most landed in relatively shallow water, just 47 feet deep.");
        assert_eq!(got[0].2, None);
        // A subject is named: "The debris field stretched for some seven miles".
        let got = measured("The debris field stretched for some seven miles.");
        assert_eq!(got[0].2.as_deref(), Some("debris field"));
    }

    #[test]
    fn a_change_after_a_comma_measures_the_figure_before_it() {
        // NewsQuant: "the median sales price for single-family homes in May was $3.1 million,
        // down 9.2% year over year".
        let got = measured(
            "The median sales price for single-family homes in May was $3.1 million, down 9.2% \
             year over year.",
        );
        assert_eq!(got[1].2, got[0].2);
        assert_eq!(got[1].2.as_deref(), Some("median sales price"));
        let got = measured(
            "It expects operating profit of Y=880 billion, revised upward by Y=40 billion.",
        );
        assert_eq!(got[1].2.as_deref(), Some("profit"));
        // "on a tear, up nearly 57%": the word before the comma ends another clause.
        let got = measured("So far this year Tesla shares have been on a tear, up nearly 57%.");
        assert_eq!(got[0].2, None);
    }

    #[test]
    fn metres_restated_in_feet() {
        // NewsQuant: "The event centres around the 37m (121ft)-long reconstructed skeleton".
        let got =
            quantities("The event centres around the 37m (121ft)-long reconstructed skeleton.");
        assert_eq!((got[0].1, got[0].3.as_str()), (Some(37.0), "metre"));
        assert_eq!(got[1].3, "foot");
    }

    #[test]
    fn the_level_a_change_started_from_measures_the_same() {
        // NewsQuant: "It said Sunday that 78 per cent of the deal will be paid in cash up from
        // 50 per cent".
        let got =
            measured("It said 78 per cent of the deal will be paid in cash, up from 50 per cent.");
        assert_eq!(got[0].2.as_deref(), Some("deal"));
        assert_eq!(got[1].2.as_deref(), Some("deal"));
    }

    #[test]
    fn a_suspended_hyphen_shares_the_unit() {
        // NewsQuant: "all Santa Fe models gained ... connectivity on a 7- or 8-inch touchscreen."
        let got = measured("All models gained Apple CarPlay on a 7- or 8-inch touchscreen.");
        assert_eq!(got[0].1, "inch");
        assert_eq!(got[1].1, "inch");
        assert_eq!(got[0].2.as_deref(), Some("touchscreen"));
    }

    #[test]
    fn the_level_a_change_reached_measures_the_same() {
        // NewsQuant: "The Dow Jones Industrial Average rose 0.65 per cent to end at 27,349.19".
        let got =
            measured("The Dow Jones Industrial Average rose 0.65 per cent to end at 27,349.19.");
        assert!(got[0].2.is_some());
        assert_eq!(got[1].2, got[0].2);
        let got = measured("In Tokyo trade, Nintendo plunged 4.28 percent to Y=28,030.");
        assert_eq!(got[1].2.as_deref(), Some("Nintendo"));
    }

    #[test]
    fn box_score_averages() {
        let got = measured("Key players: G Jordan Ellis (15.3 ppg, 7.4 rpg, 6.9 apg).");
        let units: Vec<&str> = got.iter().map(|(_, u, _)| u.as_str()).collect();
        assert_eq!(
            units,
            ["point per game", "rebound per game", "assist per game"]
        );
    }

    #[test]
    fn currencies_named_after_the_number() {
        let got = measured(
            "Customers with more than 7.5 million Danish kroner (US $1.1 million) pay the fee.",
        );
        assert_eq!(got[0].1, "DKK");
        assert_eq!(got[1].1, "USD");
        // Wire copy writes a space after the country letters.
        let got = measured(
            "Nevsun was offered C $6 (US $4.46) and AU $2.5 a share. A $2bn gap. Tower LLC $35,458.",
        );
        let units: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(units, ["CAD", "USD", "AUD per share", "USD", "USD"]);
    }

    #[test]
    fn a_spelled_out_pound_is_a_weight_when_something_is_weighed() {
        let got = measured(
            "Trump weighs 236 pounds. The recipe needs 1/2 pound of chocolate chips. \
             The club paid 5 million pounds for him. Tickets cost 20 pounds.",
        );
        let units: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(units, ["pound-mass", "pound-mass", "GBP", "GBP"]);
    }

    #[test]
    fn partitive_of_those_with_a_participle_counts_that_whole() {
        let counted_of = |text: &str, quantity: &str| {
            let found = extract(text);
            let q = found
                .iter()
                .find(|q| q.span.slice(text).ends_with(quantity));
            q.expect("the quantity").counted.clone()
        };
        let screened = "A third of those screened were at 35 or above or significantly obese.";
        assert_eq!(
            counted_of(screened, "A third").as_deref(),
            Some("those screened")
        );
        // An antecedent still wins.
        let died = "Some 300 people died. Half of those killed were children.";
        assert_eq!(counted_of(died, "Half").as_deref(), Some("people"));
        // Before a finite verb "those" names no whole, nor does an adjective before its noun.
        assert_eq!(counted_of("Half of those were children.", "Half"), None);
        let areas = "Podcasting is one of those interesting areas that bridges the two.";
        assert_eq!(counted_of(areas, "one"), None);
        let polled = "A total of 53% of those polled said they had sympathy.";
        assert_eq!(counted_of(polled, "53%").as_deref(), Some("those polled"));
        let asked = "More than two-thirds of those questioned, 68%, said they thought so.";
        assert_eq!(
            counted_of(asked, "two-thirds").as_deref(),
            Some("those questioned")
        );
        let waiting = "Two thirds of those waiting for treatment now are in pain.";
        assert_eq!(
            counted_of(waiting, "Two thirds").as_deref(),
            Some("those waiting")
        );
    }

    #[test]
    fn partitive_takes_the_antecedent() {
        let got = quantities("Over 2,000 militants surrendered, 953 of them from eastern Aleppo.");
        assert_eq!(got[1].4.as_deref(), Some("militants"));
        // A demonstrative before its noun is no partitive pronoun.
        let got = quantities("The army extended the gains to half of those areas.");
        assert_eq!(got[0].4.as_deref(), Some("areas"));
    }

    #[test]
    fn dates_years_times_codes_and_names_are_not_quantities() {
        assert!(
            quantities("On December 14, 2016 at 19:16, since 2012, id 78081a38-653c.").is_empty()
        );
        assert!(quantities("The iPhone 14 and 5G phones sold at 10.45pm, see www.example.com/2016/12/07, in the first half.").is_empty());
        assert!(quantities("It was the third day and no one came, one another said.").is_empty());
        // NewsQuant: "reusing old passwords or using the same one across multiple accounts".
        assert!(quantities("Avoid using the same one across multiple accounts.").is_empty());
    }
}
