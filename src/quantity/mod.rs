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

pub mod counted;
pub mod dollar;
pub mod number;
#[cfg(test)]
mod readings_tests;
pub mod subject;

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Document, Qualifier, Quantity, Span};
use crate::lexicon::numbers::CASED_UNITS;
use crate::lexicon::numbers::SCALE_WORDS;
use crate::lexicon::numbers::STREET_TYPES;
use crate::lexicon::numbers::{
    CHANGE_DOWN, CHANGE_FILLERS, CHANGE_UP, COUNTED_STOP, CURRENCY_PREFIXES, DURATION_UNITS,
    FRACTION_WORDS, GLUED_ONLY_UNITS, IRREGULAR_PARTICIPLES, MASS_CONTEXT_WORDS,
    MEASURE_COMPLEMENTS, MULTIPLIERS, NAMED_NUMBER_WORDS, ONE_PRONOUN_AFTER, ONE_PRONOUN_BEFORE,
    OVER_AS_PREPOSITION_AFTER, PARTITIVE_PRONOUNS, PHRASAL_PARTICLE_VERBS, QUALIFIER_PHRASES,
    QUALIFIER_SUFFIXES, RATE_DENOMINATORS, RATE_SUBSTANCES, SCORES_MAGNITUDE_AFTER,
    TOTALITY_PHRASES, UNIT_WORDS, VAGUE_MAGNITUDES, VULGAR_FRACTIONS,
};
use crate::lexicon::word_regex;
use crate::rules::{Rule, RuleSet};
use crate::time::{month_number, weekday};
use number::{words_prefix_len, words_value, CORE, MIXED, MULTIPLIER, UNIT};

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
    /// The code a bare "$" or "dollars" stands for in this document ([`dollar`]).
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
    let dollar = dollar::document_dollar(&doc.id, doc.path.as_deref(), text);
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

/// "full control of", "complete control over" (`TOTALITY_PHRASES`) followed by what is held.
static TOTALITY: LazyLock<Regex> = LazyLock::new(|| {
    let phrases = crate::lexicon::alternation(TOTALITY_PHRASES.iter().map(|(w, _)| *w));
    Regex::new(&format!(r"(?i)\b({phrases})\s+(?:of|over)\s")).unwrap()
});

/// Adds the shares a phrase implies without a number (`TOTALITY_PHRASES`: "wrested full
/// control of the militant-held eastern Aleppo" -> 100 percent of Aleppo, qualifier
/// `implied`) to the quantities of sentence `s`, keeping `out` in text order. Only when the
/// phrase holds no number already found ("full control of 50 neighborhoods" counts those).
/// Runs when `Options::implied_quantities` is set.
pub fn implied_shares(text: &str, s: Span, index: usize, out: &mut Vec<Quantity>) {
    let first_of_sentence = out.partition_point(|q| q.sentence < index);
    for m in TOTALITY.captures_iter(&text[..s.byte_end]) {
        let (whole, phrase) = (m.get(0).unwrap(), m.get(1).unwrap());
        if phrase.start() < s.byte_start {
            continue;
        }
        let counted = counted::phrase_head(text, whole.end(), s.byte_end);
        let numbered = out[first_of_sentence..]
            .iter()
            .any(|q| q.span.byte_start >= whole.end() && q.span.byte_start - whole.end() < 4);
        let Some(counted) = counted.filter(|_| !numbered) else {
            continue;
        };
        let value = TOTALITY_PHRASES
            .iter()
            .find(|(w, _)| normalize_space(phrase.as_str()).eq_ignore_ascii_case(w))
            .map_or(100.0, |(_, v)| *v);
        let at = first_of_sentence
            + out[first_of_sentence..].partition_point(|q| q.span.byte_start < phrase.start());
        out.insert(
            at,
            Quantity {
                span: Span::new(phrase.start(), phrase.end()),
                value: Some(value),
                low: None,
                high: None,
                qualifier: Qualifier::Implied,
                unit: "percent".to_owned(),
                counted: Some(counted),
                subject: None,
                direction: None,
                sentence: index,
                claim: None,
                date: None,
                rule: Rule::ImpliedShare,
            },
        );
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

/// Reads one number from its core match, or `None` when it is not a quantity or its reading
/// is switched off.
fn read_number(
    text: &str,
    s: Span,
    c: &regex::Captures,
    rules: RuleSet,
    dollar: &'static str,
) -> Option<Found> {
    let m = c.get(0).unwrap();
    let mut f = Found {
        start: m.start(),
        core_start: m.start(),
        end: m.end(),
        value: None,
        low: None,
        high: None,
        qualifier: Qualifier::Exact,
        unit: "count",
        explicit_unit: false,
        unit_text: None,
        hyphenated: false,
        multiplier: None,
        rate: None,
        direction: None,
        noun_from: None,
        rule: Rule::Digits,
        dollar,
        bare_dollar: false,
    };
    // The alternative of `number::CORE` that matched names the reading: each branch below
    // starts by naming its rule, and reads nothing when that rule is switched off.
    if let Some(v) = c.name("vague") {
        f.rule = rules.enabled(Rule::VagueMagnitude)?;
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
                if !unit.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && unit != "percent"
                {
                    f.unit = unit;
                    f.explicit_unit = true;
                    f.unit_text = Some((u_start, u_end));
                    f.end = u_end;
                }
            }
        }
    } else if let Some(frac) = c.name("frac") {
        f.rule = rules.enabled(Rule::FractionWord)?;
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
            read_unit(text, s, &mut f);
        }
    } else if let Some(v) = c.name("vulgar") {
        f.rule = rules.enabled(Rule::VulgarFraction)?;
        // "2½ years", "½ mile", "¾ of the vote".
        let (_, part) = VULGAR_FRACTIONS.iter().find(|(w, _)| *w == v.as_str())?;
        if before_char(text, m.start())
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.'))
        {
            return None;
        }
        match c.name("whole") {
            Some(whole) => {
                f.value = Some(whole.as_str().parse::<f64>().ok()? + part);
                read_unit(text, s, &mut f);
            }
            None => fraction_of_unit(text, s, &mut f, *part),
        }
    } else if let (Some(n), Some(d)) = (c.name("dn"), c.name("dd")) {
        f.rule = rules.enabled(Rule::SlashFraction)?;
        // "1/4 inch", "1/16 of a US pint", "3/4": fractions with a usual denominator; "12/7"
        // and "7/12/2016" are dates.
        let (n, d): (f64, f64) = (n.as_str().parse().ok()?, d.as_str().parse().ok()?);
        if !(n < d && FRACTION_DENOMINATORS.contains(&(d as u32)))
            || text[m.end()..].starts_with(['/', '⁄'])
            || before_char(text, m.start())
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | ':'))
        {
            return None;
        }
        fraction_of_unit(text, s, &mut f, n / d);
    } else if let Some(w) = c.name("words") {
        f.rule = rules.enabled(Rule::NumberWords)?;
        let len = words_prefix_len(w.as_str());
        let written = &w.as_str()[..len];
        f.end = w.start() + len;
        if written.eq_ignore_ascii_case("one") && one_is_pronoun(text, s, w.start(), f.end) {
            return None;
        }
        // The rule for numbers that pick out *which* things rather than say *how many*: they
        // are quantities all the same. "Scores of Jabhat Fateh al-Sham terrorists were also
        // killed" (seeds/002, vague 20 to 200), "terrorists opened fire on the convoy at one of
        // the crossing points" (1, points) and "The two government-held villages" (seeds/004;
        // 2, villages) are each a row. The seeds' gold leaves the last two out, NewsQuant tags
        // "one of the best screens" and "The two sides" as quantities; dropping them (tried:
        // "one of the/its ..." and "the/these/those" before two to ten) cost NewsQuant 0.008 of
        // value F1 for 0.03 of seed precision, and a reader can drop them by the text.
        if before_char(text, f.start).is_some_and(|c| c == '-' || c.is_alphanumeric()) {
            return None;
        }
        let couple = ends_with_ignore_case(written, "couple");
        // ("a couple of hundred dollars" is no two: left out rather than misread.)
        if couple {
            let rest = &text[f.end..s.byte_end];
            let after_of = rest
                .get(..4)
                .filter(|r| r.eq_ignore_ascii_case(" of "))
                .map(|_| &rest[4..])?;
            let next = next_word(after_of, 0, after_of.len()).to_ascii_lowercase();
            if SCALE_WORDS.iter().any(|(w, _)| *w == next) {
                return None;
            }
        }
        f.value = Some(words_value(written)? + mixed_fraction(text, &mut f.end));
        if couple {
            f.qualifier = Qualifier::Approx;
        }
        // "four to five thousand": the scale of the second number carries over to the first.
        let last = written
            .rsplit([' ', '-'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        f.multiplier = crate::lexicon::numbers::SCALE_WORDS
            .iter()
            .find(|(w, v)| *w == last && *v >= 100.0)
            .map(|(_, v)| *v);
        read_unit(text, s, &mut f);
    } else {
        f.rule = rules.enabled(Rule::Digits)?;
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
            // "$" names no country: the document's dollar (`dollar`).
            if written == "$" {
                f.unit = f.dollar;
                f.bare_dollar = true;
            }
        }
        if !digits_stand_alone(text, s, f.start, num.start(), num.end()) {
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
                if mm[0].starts_with('-')
                    && !SCALE_WORDS.iter().any(|(w, v)| *w == lower && *v >= 1e3)
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
        if is_time_or_date(text, s, &f, num.as_str()) {
            return None;
        }
        read_unit(text, s, &mut f);
        suspended_unit(text, s, &mut f);
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
    }
    if after_char(text, f.end).is_some_and(|c| c.is_alphanumeric() || c == '×')
        || before_char(text, f.start) == Some('×')
    {
        return None;
    }
    // "a six-speed transmission", "a three-bed apartment", "a 185-hp four-cylinder": a number
    // hyphenated to a word that is no unit describes a model, not an amount ("five-day truce"
    // keeps its unit above).
    if f.unit == "count"
        && text[f.end..].starts_with('-')
        && text[f.end + 1..].starts_with(char::is_alphabetic)
    {
        return None;
    }
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
    let (qualifier, q_start) = qualifier_before(text, s.byte_start, f.start);
    // "women aged 25 to 54", "children under the age of 5": ages.
    if f.unit == "count" && !f.explicit_unit {
        let prev = prev_word(text, s.byte_start, q_start).to_ascii_lowercase();
        if is_age_after_copula(text, s, q_start, f.end)
            || prev == "aged"
            || prev == "ages"
            // "He died at age 42 after a long illness".
            || prev == "age"
            || text[s.byte_start..q_start]
                .trim_end()
                .to_ascii_lowercase()
                .ends_with(" age of")
        {
            f.unit = "year of age";
            f.explicit_unit = true;
        }
    }
    if f.qualifier == Qualifier::Exact {
        f.qualifier = qualifier;
    }
    f.start = q_start;
    if let Some((name, end)) = qualifier_after(text, f.end, s.byte_end) {
        if f.qualifier == Qualifier::Exact {
            f.qualifier = qualifier_named(name);
            f.end = end;
        }
    }
    Some(f)
}

/// A rate after a unit: "$3500 a month", "$58.24 per barrel", "40 to 50 hours a week", "a
/// 52,000 barrel-a-day refinery", "£24 a-year", "1 million barrels of oil per day" (the
/// substance between, `RATE_SUBSTANCES`, stays in `text`); not "5% a year earlier" (the
/// denominator must not be followed by "ago", "earlier", ...).
static RATE: LazyLock<Regex> = LazyLock::new(|| {
    let dens = crate::lexicon::alternation(RATE_DENOMINATORS.iter().map(|(w, _)| *w));
    let stuff = crate::lexicon::alternation(RATE_SUBSTANCES.iter().copied());
    word_regex(&format!(
        r"^(?i)(?:\s+of\s+(?:{stuff}))?(?:[\s-]+(?:per|a|an|each)[\s-]+|\s?/\s?)(?P<den>{dens})\b(?P<not>\s+(?:ago|earlier|before|later|after|on|in)\b)?"
    ))
});

/// A scale word after a fraction, with or without "a": "half a billion dollars", "a quarter
/// million people", "half a dozen".
static HALF_A_SCALE: LazyLock<Regex> = LazyLock::new(|| {
    let scales = SCALE_WORDS
        .iter()
        .map(|(w, _)| *w)
        .collect::<Vec<_>>()
        .join("|");
    word_regex(&format!(r"^(?i)[\s-]+(?:an?[\s-]+)?(?P<scale>{scales})\b"))
});

/// "weighs 236 pounds", "1/2 pound of chocolate chips": a spelled-out pound is a weight there,
/// elsewhere money ("5 million pounds", "tickets cost 20 pounds"). Other units pass through.
fn pound_sense(
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
fn fraction_of_unit(text: &str, s: Span, f: &mut Found, value: f64) {
    f.value = Some(value);
    f.unit = "fraction";
    f.explicit_unit = true;
    if let Some((unit, u_start, u_end, _)) = unit_at(text, f.end, s.byte_end) {
        f.unit = pound_sense(text, s, f, unit, (u_start, u_end));
        f.unit_text = Some((u_start, u_end));
        f.end = u_end;
    }
}

/// Denominators read as fractions when written with a slash ("1/4", "1/16").
const FRACTION_DENOMINATORS: &[u32] = &[2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 128];

/// The fraction after a whole number ("two and a half", "2 1/2"), moving `end` past it; 0.0
/// when there is none.
fn mixed_fraction(text: &str, end: &mut usize) -> f64 {
    let Some(c) = MIXED.captures(&text[*end..]) else {
        return 0.0;
    };
    let part = if let Some(word) = c.name("frac") {
        let word = word.as_str().to_ascii_lowercase();
        FRACTION_WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, v)| *v)
    } else {
        let n: f64 = c["n"].parse().unwrap_or(0.0);
        let d: f64 = c["d"].parse().unwrap_or(0.0);
        (n < d && FRACTION_DENOMINATORS.contains(&(d as u32))).then(|| n / d)
    };
    match part {
        Some(v) => {
            *end += c[0].len();
            v
        }
        None => 0.0,
    }
}

/// A suspended hyphen: "a 7- or 8-inch touchscreen", "10-, 12- and 15-inch models": the number
/// takes the unit hyphenated to the number that follows.
static SUSPENDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^-,?\s+(?:(?:or|and|to)\s+)?\d+(?:\.\d+)?(?:-,?\s+(?:(?:or|and|to)\s+)?\d+(?:\.\d+)?)*-",
    )
    .unwrap()
});

/// Gives a bare number before a suspended hyphen the unit of the number it is paired with.
fn suspended_unit(text: &str, s: Span, f: &mut Found) {
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
const VIDEO_LINES: &[f64] = &[
    144.0, 240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0,
];

/// Reads the unit after the number, if one is written, into `f`.
fn read_unit(text: &str, s: Span, f: &mut Found) {
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
    // "dollars" names no country: the document's dollar (`dollar`).
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
fn unit_at(text: &str, at: usize, limit: usize) -> Option<(&'static str, usize, usize, bool)> {
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
static UNIT_NAMES: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for &(w, u) in UNIT_WORDS {
            map.entry(w).or_insert(u);
        }
        map
    });

/// [`normalize_space`] without allocating when `s` is already one lower-case ASCII word.
fn normalize_space_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(normalize_space(s))
    }
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `text` starts with `prefix`, ASCII case-insensitively.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Whether `text` ends with `suffix`, ASCII case-insensitively (looks at the end only).
fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.is_char_boundary(text.len() - suffix.len())
        && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Where the last `n` bytes before `at` start (not before `floor`), on a char boundary.
fn tail_start(text: &str, floor: usize, at: usize, n: usize) -> usize {
    let mut from = floor.max(at.saturating_sub(n));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

fn before_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn after_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// The word right before byte `at` (letters only), or "" at the start of the sentence.
fn prev_word(text: &str, floor: usize, at: usize) -> &str {
    text[floor..at]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric() && c != '&' && c != '\'')
        .next()
        .unwrap_or("")
}

/// The word right after byte `at`.
fn next_word(text: &str, at: usize, limit: usize) -> &str {
    text[at..limit]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// "no one", "the one", "one another", "one day": "one" as a pronoun or idiom.
fn one_is_pronoun(text: &str, s: Span, start: usize, end: usize) -> bool {
    let prev = prev_word(text, s.byte_start, start).to_ascii_lowercase();
    let next = next_word(text, end, s.byte_end).to_ascii_lowercase();
    ONE_PRONOUN_BEFORE.contains(&prev.as_str())
        || ONE_PRONOUN_AFTER.contains(&next.as_str())
        || text[end..].starts_with(['\'', '’'])
}

/// "scores" is a magnitude (20 to 200) after a casualty verb ("injured scores, a monitor
/// said") or before `SCORES_MAGNITUDE_AFTER` ("Scores of Jabhat Fateh al-Sham terrorists were
/// also killed", "scores were injured"), never after a determiner: "The scores were 39, 42, 60,
/// 44 and 41", "Gerrard scores twice" are sport.
fn scores_is_magnitude(text: &str, s: Span, start: usize, end: usize) -> bool {
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

/// Digits are not part of a word, a code, a URL, a clock time or a footnote marker.
fn digits_stand_alone(text: &str, s: Span, start: usize, num_start: usize, num_end: usize) -> bool {
    // "sub-300 sq m office space", "sub-7 nanometer ICs".
    let sub = ends_with_ignore_case(&text[..start], "sub-");
    if !sub
        && before_char(text, start).is_some_and(|c| {
            c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | ':' | '#' | '@' | '-' | '–')
        })
        // "100-500", "1000–5000": a dash between numbers joins a range.
        && !(start > s.byte_start
            && before_char(text, start)
                .filter(|c| matches!(c, '-' | '–'))
                .is_some_and(|dash| after_number(text, start - dash.len_utf8())))
    {
        return false;
    }
    let after = &text[num_end..];
    if after.starts_with(['/', ':', '_', '@'])
        && after[1..].starts_with(|c: char| c.is_ascii_alphanumeric())
        || after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    // "[1]" footnote markers.
    if before_char(text, num_start) == Some('[') && after.starts_with(']') {
        return false;
    }
    // Inside a URL or an address: the whitespace-delimited token holds "://", "www." or "@".
    let token_start = text[..num_start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token_end = num_end + after.find(char::is_whitespace).unwrap_or(after.len());
    let token = &text[token_start..token_end];
    !(token.contains("://")
        || token.contains("www.")
        || token.contains('@')
        || TIMESTAMP_TOKEN.is_match(token))
}

/// Whether a plain number ends at byte `at` ("5" in "5-10W", not "38" in "a38-653c").
fn after_number(text: &str, at: usize) -> bool {
    // "5%–10%": a percent sign may close the first number.
    let head = text[..at].strip_suffix('%').unwrap_or(&text[..at]);
    let run = head.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    run.len() < head.len() && !run.ends_with(|c: char| c.is_alphanumeric() || c == '-')
}

/// Years (1800-2100 written without separators), days of the month next to a month name,
/// clock times ("10.45pm", "5am", "19:16", "at 10 GMT").
fn is_time_or_date(text: &str, s: Span, f: &Found, num: &str) -> bool {
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

/// A length in feet, yards or inches in brackets: "the 37m (121ft)-long skeleton" restates
/// metres, not millions.
static IMPERIAL_RESTATEMENT: LazyLock<Regex> =
    LazyLock::new(|| word_regex(r"^\s*\(\s*[\d.,]+\s?(?:ft|feet|foot|yd|yds|yards|in|inches)\b"));

/// Words after "10m" that make it metres: "10m high", "the 100m sprint".
const METRE_CONTEXT: &[&str] = &[
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

/// Words before a year: "in 1453", "between 1600 and 1900".
const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "between", "from", "by", "until", "to", "and", "year", "circa", "c", "ad",
    "a.d", "bc", "before", "after", "early", "late", "mid", "the", "during", "its", "their", "his",
    "her", "this", "that",
];

/// Words before a four-digit count that would otherwise read as a year: "a total of 1500
/// people", "killed 2000 civilians" (but "reveal 2004 earnings" is a year).
const BEFORE_A_COUNT: &[&str] = &[
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

/// Whether a lowercase plural noun follows byte `at`: "1500 people", "15 civilians".
fn plural_follows(text: &str, at: usize, limit: usize) -> bool {
    let next = next_word(text, at, limit);
    next.starts_with(|c: char| c.is_lowercase())
        && (next == "people" || next.len() > 3 && next.ends_with('s') && !next.ends_with("ss"))
}

/// A number of at most three digits (no year) before "and"/"to"/"or" that ends the text:
/// "Between 500 and" opens a range of counts.
static RANGE_START_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d.,])\d{1,3}(?:,\d{3})*\s+(?:and|to|or)\s*$").unwrap());

static YEAR_RANGE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d])(?:1[89]|20)\d\d[-–/]$").unwrap());

static DAY_RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    word_regex(
        r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\s?[-–]\s?$",
    )
});

/// Clock times, ISO timestamps and numeric dates inside a token: "4:39",
/// "2019-09-01T10:38:07.190Z", "01-08-2016", "5/17/2018", "17.05.18" (FA-KES: "the truce of
/// 01-08-2016" read as a range 1 to 8 counting "-2016"). The same separator twice and a year of
/// two or four digits: "the hockey team's 12-18-2 record" is no date.
static TIMESTAMP_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\d:\d\d|\d{4}-\d\d-\d\d|(?:^|[^\d.,])\d{1,2}(?:-\d{1,2}-|/\d{1,2}/|\.\d{1,2}\.)(?:\d{4}|\d{2})(?:[^\d]|$)",
    )
    .unwrap()
});

/// "S&P 500", "Game 7", "category 4", "COVID-19": a number after a word of
/// `lexicon::numbers::NAMED_NUMBER_WORDS` names something.
fn is_named_number(text: &str, s: Span, start: usize) -> bool {
    let word = text[s.byte_start..start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    NAMED_NUMBER_WORDS.contains(&word.as_str())
}

/// "Maria, who was 10", "He will be 35 by the end of the year": a bare number after a person
/// and a copula, ending its phrase (no noun follows), is the person's age.
fn is_age_after_copula(text: &str, s: Span, start: usize, end: usize) -> bool {
    let words: Vec<String> = text[s.byte_start..start]
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphabetic())
                .to_ascii_lowercase()
        })
        .collect();
    let person = |w: &str| matches!(w, "he" | "she" | "who" | "i");
    let copula = match words.as_slice() {
        [cop, subject, ..] if person(subject) => {
            matches!(cop.as_str(), "is" | "was" | "turned" | "turns")
        }
        [be, modal, subject] if person(subject) => {
            matches!(be.as_str(), "be" | "turn") && matches!(modal.as_str(), "will" | "would")
        }
        _ => false,
    };
    let next = next_word(text, end, s.byte_end).to_ascii_lowercase();
    copula
        && !text[end..].starts_with(['-', '%'])
        && (next.is_empty() || COUNTED_STOP.contains(&next.as_str()) || next == "years")
}

/// "Jamie Armstrong, 25, said", "Maddon, 66, has used": an age set off by commas after a
/// name belongs to the name, and "Dak Prescott (4)" is a shirt number.
fn is_age_apposition(text: &str, s: Span, start: usize, end: usize) -> bool {
    let before = text[s.byte_start..start].trim_end();
    let after = &text[end..];
    if before.ends_with('(') && after.starts_with(')') {
        return true;
    }
    before.ends_with(',')
        && after.starts_with(',')
        && before[..before.len() - 1]
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// A house number: the number ending at `end` is followed (after an optional "-18" of a
/// range) by at most four capitalised words or ordinals, the last a street type
/// (`lexicon::numbers::STREET_TYPES`): "9 E 71st St", "358 El Brillo Way", "22 Ave Foch",
/// "Unit 3 at 16-18 Industrial Avenue".
fn is_street_number(text: &str, end: usize, limit: usize) -> bool {
    let mut rest = &text[end..limit];
    if let Some(r) = rest.strip_prefix(['-', '–']) {
        rest = r.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    if !rest.starts_with(' ') {
        return false;
    }
    for (i, raw) in rest.split_whitespace().take(5).enumerate() {
        let word = raw.trim_end_matches([',', '.', ';']);
        let street = STREET_TYPES.contains(&word.to_ascii_lowercase().as_str());
        if street && word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return true;
        }
        let ordinal = word.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|o| word.ends_with(o));
        if i == 4 || word.len() < raw.len() || !(ordinal || word.starts_with(char::is_uppercase)) {
            return false;
        }
    }
    false
}

/// "iPhone 14", "S&P 500", "Stoxx 50", "Article 5", "No. 1": a bare integer right after a
/// capitalised word inside the sentence names something, it counts nothing.
fn is_part_of_name(text: &str, s: Span, start: usize, num: &str) -> bool {
    if num.contains([',', '.']) {
        return false;
    }
    let before = &text[s.byte_start..start];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() || trimmed.ends_with([',', ';', ':', '(', '"', '“']) {
        return false;
    }
    let word = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    let lower = word.to_ascii_lowercase();
    if lower == "no." || lower == "number" || lower == "nos." {
        return true;
    }
    let word_start = s.byte_start + trimmed.len() - word.len();
    let sentence_initial = text[s.byte_start..word_start]
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .is_empty();
    let capitalised = word.chars().next().is_some_and(|c| c.is_uppercase())
        || word.chars().skip(1).any(|c| c.is_uppercase());
    capitalised
        && !sentence_initial
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '&' | '-' | '.'))
        && month_number(word).is_none()
        && weekday(word).is_none()
        && !QUALIFIER_PHRASES.iter().any(|(p, _)| *p == lower)
}

/// The qualifier phrase ending right before `start`, and where the quantity then starts.
fn qualifier_before(text: &str, floor: usize, start: usize) -> (Qualifier, usize) {
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
fn qualifier_after(text: &str, end: usize, limit: usize) -> Option<(&'static str, usize)> {
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

/// Joins "2 to 3 days", "two to three days", "between 5 and 10", "from 4.8 to 4.7 percent",
/// "5-10W" and "three or four years" into one quantity with `low`/`high` and a null value.
fn merge_ranges(text: &str, s: Span, found: &mut Vec<Found>, rules: RuleSet) {
    // Merged-away numbers are marked and dropped at the end: removing each from the Vec at
    // once made a sentence of many ranges quadratic.
    let mut dead = vec![false; found.len()];
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (&found[i], &found[i + 1]);
        let gap = text[a.end..b.start].trim().to_ascii_lowercase();
        let before = text[near(text, s, a.start).byte_start..a.start]
            .trim_end()
            .to_ascii_lowercase();
        let between = before.ends_with("between")
            && !before[..before.len() - 7].ends_with(|c: char| c.is_alphanumeric());
        let from = before.ends_with("from")
            && !before[..before.len() - 4].ends_with(|c: char| c.is_alphanumeric());
        let connector = match gap.as_str() {
            "to" | "-" | "–" | "—" | "to-" => true,
            "and" => between,
            "or" => {
                a.value.is_some_and(|v| v.fract() == 0.0)
                    && a.value < b.value
                    && a.qualifier == Qualifier::Exact
            }
            _ => false,
        };
        // "One out of three Germans": a share.
        if gap == "out of"
            && a.unit == "count"
            && b.unit == "count"
            && rules.is_enabled(Rule::ShareOutOf)
        {
            if let (Some(x), Some(y)) = (a.value, b.value) {
                if x <= y && y > 0.0 {
                    dead[i + 1] = true;
                    let b_end = found[i + 1].end;
                    let a = &mut found[i];
                    a.value = Some(x / y);
                    a.unit = "fraction";
                    a.explicit_unit = true;
                    a.end = b_end;
                    a.rule = Rule::ShareOutOf;
                    i += 2;
                    continue;
                }
            }
        }
        // "the hockey team's 12-18-2 record", "a 3-1-1 formation": three or more numbers
        // glued by hyphens are a record or a code, no range.
        let glued_to_next = |k: usize| {
            k + 1 < found.len()
                && matches!(&text[found[k].end..found[k + 1].start], "-" | "–")
                && !found[k].explicit_unit
                && !found[k + 1].explicit_unit
        };
        // (The third number may not have been read: "2" after "18-" is glued to a range.)
        let third_follows = |k: usize| {
            let rest = &text[found[k].end..];
            rest.starts_with(['-', '–'])
                && rest[rest.chars().next().map_or(1, char::len_utf8)..]
                    .starts_with(|c: char| c.is_ascii_digit())
        };
        if glued_to_next(i) && (glued_to_next(i + 1) || third_follows(i + 1)) {
            let mut k = i;
            while glued_to_next(k) {
                dead[k] = true;
                k += 1;
            }
            dead[k] = true;
            i = k + 1;
            continue;
        }
        // "tied Game 7 at 89-89", "beat Charlton 2-1": a score, no amount; "the ISO 3888-2
        // test": a code. A glued pair that runs down is no range.
        if matches!(gap.as_str(), "-" | "–")
            && !a.explicit_unit
            && !b.explicit_unit
            && a.value
                .zip(b.value)
                .is_some_and(|(x, y)| x >= y && x.fract() == 0.0)
            && text[a.end..b.start].len() == gap.len()
        {
            dead[i] = true;
            dead[i + 1] = true;
            i += 2;
            continue;
        }
        // "dropping from 208 pounds to 193": the unit written once, with the first number.
        let compatible = a.unit == b.unit
            || (!a.explicit_unit && a.unit == "count")
            || (from && !b.explicit_unit && b.unit == "count" && a.rate.is_none())
            || (a.unit == "year of age" && !b.explicit_unit);
        // "increased by $43.6 billion to $419.2 billion": a change and the level it reached.
        // "dropped by 1 to 1.5 degrees Celsius" is one range: the unit is written once.
        let change_then_level = a.explicit_unit
            && gap != "and"
            && !from
            && !between
            && direction_of(text, s.byte_start, a).is_some();
        let ok = connector
            && rules.is_enabled(Rule::Range)
            && !change_then_level
            && compatible
            && a.value.is_some()
            && b.value.is_some()
            && b.qualifier == Qualifier::Exact
            && b.direction.is_none()
            && a.direction.is_none();
        if !ok {
            i += 1;
            continue;
        }
        let mut low = a.value.unwrap();
        let high = b.value.unwrap();
        if a.multiplier.is_none() {
            if let Some(m) = b.multiplier {
                if low * m <= high {
                    low *= m;
                }
            }
        }
        // "raised 3.5 million to 7 percent of its target": a range runs upwards; only "from
        // 10 to 5" may run down, and not from "3.5 million" to a bare "7".
        if low > high && (!from || a.multiplier.is_some() != b.multiplier.is_some()) {
            i += 1;
            continue;
        }
        dead[i + 1] = true;
        let b = found[i + 1].clone();
        let a = &mut found[i];
        if between || from {
            let word = if between { 7 } else { 4 };
            let trimmed = text[s.byte_start..a.start].trim_end();
            a.start = s.byte_start + trimmed.len() - word;
        }
        a.value = None;
        a.low = Some(low);
        a.high = Some(high);
        a.end = b.end;
        a.rule = Rule::Range;
        // The unit is written after the second number ("2 to 3 days"), or only before the
        // first ("aged 18 to 34").
        if b.explicit_unit || !a.explicit_unit {
            a.unit = b.unit;
            a.explicit_unit = b.explicit_unit;
            a.unit_text = b.unit_text;
            a.rate = b.rate;
            a.hyphenated = b.hyphenated;
        }
        i += 2;
    }
    let mut index = 0;
    found.retain(|_| {
        index += 1;
        !dead[index - 1]
    });
}

/// "rose 0.65 per cent" up, "decreased by one third" down.
fn direction_of(text: &str, floor: usize, f: &Found) -> Option<&'static str> {
    let mut at = f.start;
    // "expected to grow sales by 35 per cent", "raised its forecast by 5%": after "by", the
    // object of the change verb may sit between it and the number (at most three words).
    let mut after_by = false;
    let mut object_words = 0;
    for step in 0..7 {
        if step == 4 && !after_by {
            break;
        }
        let word = prev_word(text, floor, at);
        if word.is_empty() {
            break;
        }
        let lower = word.to_ascii_lowercase();
        // "a defense that gave up 517 rushing yards": "up" of a phrasal verb is no change.
        if matches!(lower.as_str(), "up" | "down") {
            let trimmed = text[floor..at].trim_end();
            let verb = prev_word(text, floor, floor + trimmed.len() - word.len());
            if PHRASAL_PARTICLE_VERBS.contains(&verb.to_ascii_lowercase().as_str()) {
                return None;
            }
        }
        if CHANGE_UP.contains(&lower.as_str()) {
            return Some("up");
        }
        if CHANGE_DOWN.contains(&lower.as_str()) {
            return Some("down");
        }
        if lower == "by" && at == f.start {
            after_by = true;
        } else if !CHANGE_FILLERS.contains(&lower.as_str()) {
            let object = after_by
                && object_words < 3
                && word.starts_with(|c: char| c.is_ascii_lowercase())
                && (!COUNTED_STOP.contains(&lower.as_str())
                    || matches!(lower.as_str(), "the" | "a" | "an"));
            if !object {
                break;
            }
            object_words += 1;
        }
        let trimmed = text[floor..at].trim_end();
        if trimmed.ends_with([',', ';', '.', ':', '(', ')']) {
            break;
        }
        at = floor + trimmed.len() - word.len();
    }
    // "a 4.2 percent drop" names the size of a change but is no change itself: NewsQuant tags
    // it "=", and so do we.
    None
}

/// What the quantity counts or measures.
fn counted_of(
    text: &str,
    s: Span,
    f: &Found,
    earlier: &[Quantity],
    sentence: usize,
    direction: Option<&str>,
) -> Option<String> {
    let rest = &text[f.end..s.byte_end];
    // "953 of them": the antecedent is what the sentence counted before. (Spaces may be
    // no-break spaces: "99 percent of\u{a0}Aleppo".)
    let after_of = rest
        .strip_prefix(char::is_whitespace)
        .and_then(|r| r.strip_prefix("of"))
        .filter(|r| r.starts_with(char::is_whitespace));
    if let Some(after_of) = after_of {
        let pronoun = after_of
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        // "half of those areas": a demonstrative before a noun is no pronoun; before a verb
        // ("one in 50 of those driving", "half of those weren't", "one of those hit") or a name
        // ("One of those al-Omar is ...") it is.
        let next = after_of
            .split_whitespace()
            .nth(1)
            .map_or("", |w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
        let participle =
            next.ends_with("ed") || next.ends_with("ing") || IRREGULAR_PARTICIPLES.contains(&next);
        let noun_follows = matches!(pronoun.as_str(), "those" | "these")
            && next.starts_with(|c: char| c.is_lowercase())
            && next.chars().all(char::is_alphabetic)
            && !(participle || COUNTED_STOP.contains(&next));
        if PARTITIVE_PRONOUNS.contains(&pronoun.as_str()) && !noun_follows {
            let antecedent = earlier
                .iter()
                .rev()
                .take_while(|q| q.sentence + 1 >= sentence)
                .find_map(|q| q.counted.clone().filter(|_| q.unit == "count"));
            // Without one, "53% of those polled said" counts "those polled": the whole the
            // partitive names. What follows tells a participle from an adjective before its
            // noun ("one of those interesting areas", "those armed groups"): a preposition, an
            // auxiliary, a reporting verb or the end of the clause.
            let mut words = after_of.split_whitespace().skip(1);
            let ends_clause = words
                .next()
                .is_some_and(|w| w.ends_with(|c: char| !c.is_alphanumeric()));
            let clause_goes_on = !ends_clause
                && words.next().is_some_and(|w| {
                    let w = w.to_lowercase();
                    let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                    !COUNTED_STOP.contains(&word) && crate::lexicon::cues::cue_lemma(word).is_none()
                });
            return antecedent.or_else(|| {
                (matches!(pronoun.as_str(), "those" | "these")
                    && participle
                    && !clause_goes_on
                    && next.chars().all(|c| c.is_ascii_lowercase()))
                .then(|| format!("{pronoun} {next}"))
            });
        }
    }
    let of_follows = after_of.is_some();
    let head = match f.unit {
        "count" => counted::counted_after(text, f.end, s.byte_end),
        // "the 15 year-old students": an age describes the noun after it.
        _ if f.hyphenated || f.unit == "year of age" => {
            counted::counted_after(text, f.noun_from.unwrap_or(f.end), s.byte_end)
        }
        _ if of_follows => counted::counted_after(text, f.end, s.byte_end),
        "percent" | "fraction" | "point" | "percentage point" | "basis point" | "cent" => None,
        unit if unit.chars().next().is_some_and(|c| c.is_ascii_uppercase()) => None,
        // "in the last 24 hours": a duration measures time, and says so.
        unit if DURATION_UNITS.contains(&unit) || f.rate.is_some() => {
            f.unit_text.map(|(a, b)| text[a..b].to_owned())
        }
        // "an 8.5 kW system", "a 1.5mm internal diameter": a physical measure describes the
        // noun after it; "about 90 miles wide" has none, and the rules below look before it.
        _ => measured_noun_after(text, f.end, s.byte_end),
    };
    // "He died at age 42 after a long illness": an age with no noun after it counts nothing
    // (the clause's subject would give "age").
    if head.is_some() || f.unit == "year of age" {
        return head;
    }
    // "The Dow Jones Industrial Average rose 0.65 per cent to end at 27,349.19", "Sony lost
    // 2.70 percent to Y=5,182": the level a change reached measures what the change measures.
    if let Some(prev) = earlier
        .last()
        .filter(|q| q.sentence == sentence && q.direction.is_some() && q.counted.is_some())
    {
        let gap = text[prev.span.byte_end.min(f.start)..f.start]
            .trim_matches(|c: char| c.is_whitespace() || c == ',')
            .to_ascii_lowercase();
        let words: Vec<&str> = gap.split_whitespace().collect();
        if words.len() <= 4
            && matches!(words.first(), Some(&"to") | Some(&"at"))
            && matches!(words.last(), Some(&"to") | Some(&"at") | Some(&"of"))
        {
            return prev.counted.clone();
        }
    }
    if f.unit == "count" {
        if let Some(who) = counted::casualty_before(text, s.byte_start, f.start)
            .or_else(|| counted::toll_before(text, s.byte_start, f.start))
        {
            return Some(who);
        }
    }
    let measure = f.unit != "fraction" && f.unit != "count";
    if measure {
        // "a 51 per cent stake", "a $3500 a month mortgage": the measure as an adjective.
        // ("about a 40 per cent drop": the article may sit after the qualifier.)
        let is_article = |at: usize| {
            matches!(
                prev_word(text, s.byte_start, at)
                    .to_ascii_lowercase()
                    .as_str(),
                "a" | "an"
            )
        };
        let article = is_article(f.start) || is_article(f.core_start);
        if article {
            if let Some(noun) = counted::counted_after(text, f.end, s.byte_end) {
                return Some(noun);
            }
        }
        // "a fine of 10.5 million Australian dollars", "a net worth of $1.7bn".
        if let Some(noun) = counted::noun_before_of(text, s.byte_start, f.start) {
            return Some(noun);
        }
        // "paid $35,538 for a new solar system": a price names what it buys.
        let currency = f.unit.starts_with(|c: char| c.is_ascii_uppercase());
        if currency && next_word(text, f.end, s.byte_end).eq_ignore_ascii_case("for") {
            let after = text[f.end..s.byte_end].trim_start();
            let from = s.byte_end - after.len() + "for".len();
            if let Some(noun) = counted::counted_after(text, from, s.byte_end) {
                return Some(noun);
            }
        }
    }
    // "78 per cent of the deal will be paid in cash, up from 50 per cent", "to US $84
    // billion, down from the US $89 to $93 billion": the level a change started from measures
    // what the figure before it measures.
    if let Some(prev) = earlier
        .last()
        .filter(|q| q.sentence == sentence && q.unit == f.unit)
    {
        let before = text[prev.span.byte_end.min(f.start)..f.start]
            .trim_end()
            .to_ascii_lowercase();
        let before = before.strip_suffix(" the").unwrap_or(&before);
        if before.ends_with("up from") || before.ends_with("down from") {
            return prev.counted.clone();
        }
    }
    if direction.is_some() {
        if let Some(subject) = counted::subject_before(text, s.byte_start, f.start) {
            return Some(subject);
        }
        // "the median sales price ... was $3.1 million, down 9.2% year over year", "a net
        // profit of Y=590 billion ($5.42 billion), up Y=50 billion": the change after a comma
        // is the change of the figure before it, and measures what that figure measures.
        // ("revised upward by Y=40 billion" too: a participle may open the change.)
        if let Some(prev) = earlier.last().filter(|q| q.sentence == sentence) {
            let gap = &text[prev.span.byte_end.min(f.start)..f.start];
            let words = gap
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ')'))
                .to_ascii_lowercase();
            let change = |w: &str| CHANGE_UP.contains(&w) || CHANGE_DOWN.contains(&w);
            let only_change = words.split_whitespace().any(change)
                && words.split_whitespace().all(|w| {
                    change(w) || CHANGE_FILLERS.contains(&w) || w.len() > 4 && w.ends_with("ed")
                });
            if gap.contains(',') && !words.contains(',') && only_change {
                return prev.counted.clone();
            }
        }
    }
    // A share, a price or a score measures the subject of its clause: "The Dow Jones
    // Industrial Average lost 190 points", "The set will cost $200", "The debris field
    // stretched for some seven miles".
    if measure {
        // "stretched for 11 km", "just 47 feet (14 metres) deep": with no subject to name the
        // measure names nothing; the unit as written ("km", "feet") would only repeat `unit`.
        return counted::clause_subject(text, s.byte_start, f.start);
    }
    if f.unit == "count" {
        // "More than 6 million homes nationwide, including 1.5 million in the Los Angeles
        // region", "435 homes by open sale and 187 by tender": a bare count after a counted
        // one in the same sentence counts the same thing.
        if let Some(noun) = earlier
            .iter()
            .rev()
            .take_while(|q| q.sentence == sentence)
            .find(|q| q.unit == "count")
            .and_then(|q| q.counted.clone())
        {
            return Some(noun);
        }
        // "Germany's DAX fell 0.4 per cent to 13176": an index level or a total measures the
        // subject of the change before it.
        return counted::subject_before(text, s.byte_start, f.start);
    }
    None
}

/// The noun a physical measure describes when one follows it directly: "an 8.5 kW system" ->
/// system, "a 5-10W laser" -> laser. `None` before a complement ("90 miles wide"), a capital
/// ("11 km Tuesday") or anything that is no noun.
fn measured_noun_after(text: &str, end: usize, limit: usize) -> Option<String> {
    let first = text[end..limit]
        .split_whitespace()
        .next()?
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let lower = first.to_lowercase();
    if !first.starts_with(|c: char| c.is_lowercase())
        || MEASURE_COMPLEMENTS.contains(&lower.as_str())
        || lower.ends_with("ly")
    {
        return None;
    }
    counted::counted_after(text, end, limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::RawDocument;
    use crate::options::Options;
    use crate::parse::parse_document;

    type Row = (String, Option<f64>, &'static str, String, Option<String>);

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
