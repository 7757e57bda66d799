//! Number words: cardinals, scale words ("hundred", "dozen"), multipliers after digits
//! ("1.5 million", "2.3bn"), fraction words, vulgar fraction characters and vague magnitudes
//! ("thousands of"): how a number is written, as data.
//!
//! Owns only these tables; it must not know how `quantity` reads them, nor hold units,
//! currencies or the words around a number (see the sibling modules).

use crate::lexicon::join;

/// Cardinal number words. "a" only counts before a scale word ("a dozen", "a hundred").
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// The names of powers of ten, which are both scale words ("three hundred", "five lakh") and
/// multipliers after digits ("1.5 million", "Rs 35 lakh"). "lakh" (100,000) and "crore"
/// (10,000,000) are South Asian English: Indian, Pakistani, Bangladeshi and Nepali news.
pub const SCALE_NAMES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
];

/// Scale words inside a written number: "three hundred", "a dozen", "two thousand".
pub const SCALE_WORDS: &[(&str, f64)] = &join::<_, { SCALE_NAMES.len() + 3 }>(
    SCALE_NAMES,
    &[
        // "A couple of people were hurt": two, approximately, and only before "of"
        // (`quantity::rules::number_words`); "a couple who married" is no number.
        ("couple", 2.0),
        ("dozen", 12.0),
        ("dozens", 12.0),
    ],
);

/// Multipliers written after a number in digits ("1.5 million", "2.3bn", "$5m", "4.3M").
/// "m" alone is a multiplier only after a currency symbol or as capital "M"; otherwise it is
/// metres (see `quantity`).
pub const MULTIPLIERS: &[(&str, f64)] = &join::<_, { SCALE_NAMES.len() + 9 }>(
    SCALE_NAMES,
    &[
        ("mln", 1e6),
        ("mil", 1e6),
        ("mn", 1e6),
        ("bln", 1e9),
        ("bn", 1e9),
        ("tn", 1e12),
        ("m", 1e6),
        ("b", 1e9),
        ("k", 1e3),
    ],
);

/// Fraction words: `(denominator word, its value as a unit fraction)`. Read after "a", "one",
/// "two", ... ("a third", "two-thirds", "three quarters"); "half" also stands alone.
pub const FRACTION_WORDS: &[(&str, f64)] = &[
    ("half", 1.0 / 2.0),
    ("halves", 1.0 / 2.0),
    ("third", 1.0 / 3.0),
    ("thirds", 1.0 / 3.0),
    ("quarter", 1.0 / 4.0),
    ("quarters", 1.0 / 4.0),
    ("fourth", 1.0 / 4.0),
    ("fourths", 1.0 / 4.0),
    ("fifth", 1.0 / 5.0),
    ("fifths", 1.0 / 5.0),
    ("sixth", 1.0 / 6.0),
    ("sixths", 1.0 / 6.0),
    ("eighth", 1.0 / 8.0),
    ("eighths", 1.0 / 8.0),
    ("tenth", 1.0 / 10.0),
    ("tenths", 1.0 / 10.0),
];

/// Vulgar fraction characters: "½ mile", "2½ years", "¾ of the vote".
pub const VULGAR_FRACTIONS: &[(&str, f64)] = &[
    ("½", 1.0 / 2.0),
    ("⅓", 1.0 / 3.0),
    ("⅔", 2.0 / 3.0),
    ("¼", 1.0 / 4.0),
    ("¾", 3.0 / 4.0),
    ("⅕", 1.0 / 5.0),
    ("⅖", 2.0 / 5.0),
    ("⅗", 3.0 / 5.0),
    ("⅘", 4.0 / 5.0),
    ("⅙", 1.0 / 6.0),
    ("⅚", 5.0 / 6.0),
    ("⅛", 1.0 / 8.0),
    ("⅜", 3.0 / 8.0),
    ("⅝", 5.0 / 8.0),
    ("⅞", 7.0 / 8.0),
];

/// Vague magnitudes: `(phrase, low, high)`, longest first. The value is null and the bounds are
/// the order of magnitude ("thousands of lives" -> 1,000 to 10,000; "dozens" -> 12 to 120).
pub const VAGUE_MAGNITUDES: &[(&str, f64, f64)] = &[
    ("hundreds of thousands", 1e5, 1e6),
    ("tens of thousands", 1e4, 1e5),
    ("hundreds of millions", 1e8, 1e9),
    ("tens of millions", 1e7, 1e8),
    ("tens of billions", 1e10, 1e11),
    ("hundreds of billions", 1e11, 1e12),
    ("dozens", 12.0, 120.0),
    // Only as `quantity::rules::vague_magnitude::scores_is_magnitude` says: "Scores of Jabhat
    // Fateh al-Sham terrorists were also killed", "scores were injured", not "The scores were
    // 39, 42".
    ("scores", 20.0, 200.0),
    ("hundreds", 1e2, 1e3),
    ("thousands", 1e3, 1e4),
    ("millions", 1e6, 1e7),
    ("billions", 1e9, 1e10),
    ("trillions", 1e12, 1e13),
];
