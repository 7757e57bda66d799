//! Qualifiers: words before or after a number that qualify it ("at least", "no fewer than",
//! "or more"), phrases that imply a share without a number ("full control of"), and the words
//! after which "over", "above" and "under" are prepositions, not qualifiers.
//!
//! Owns only these tables; it must not know how `quantity` matches them.

/// Words before a number that qualify it, matched against the text just before the number:
/// `(phrase, qualifier name)`. Longer phrases are listed before their suffixes ("no fewer than"
/// before "fewer than", "just under" before "under").
pub const QUALIFIER_PHRASES: &[(&str, &str)] = &[
    ("no more than", "up_to"),
    ("not more than", "up_to"),
    ("no fewer than", "at_least"),
    ("no less than", "at_least"),
    ("not less than", "at_least"),
    ("at least", "at_least"),
    ("a minimum of", "at_least"),
    ("just under", "less_than"),
    ("just short of", "almost"),
    ("more than", "more_than"),
    ("greater than", "more_than"),
    ("higher than", "more_than"),
    ("in excess of", "more_than"),
    ("upwards of", "more_than"),
    ("well over", "more_than"),
    ("just over", "more_than"),
    ("over", "more_than"),
    ("above", "more_than"),
    ("exceeding", "more_than"),
    ("fewer than", "less_than"),
    ("less than", "less_than"),
    ("lower than", "less_than"),
    ("under", "less_than"),
    ("below", "less_than"),
    ("sub-", "less_than"),
    ("up to", "up_to"),
    ("as many as", "up_to"),
    ("as much as", "up_to"),
    ("as high as", "up_to"),
    ("at most", "up_to"),
    ("a maximum of", "up_to"),
    ("around", "approx"),
    ("about", "approx"),
    ("some", "approx"),
    ("roughly", "approx"),
    ("approximately", "approx"),
    ("an estimated", "approx"),
    ("estimated", "approx"),
    ("an approximate", "approx"),
    ("approx.", "approx"),
    ("circa", "approx"),
    ("~", "approx"),
    ("nearly", "almost"),
    ("almost", "almost"),
    ("close to", "almost"),
    ("nigh on", "almost"),
];

/// Words after a number that qualify it ("5,000 or more", "40-plus").
pub const QUALIFIER_SUFFIXES: &[(&str, &str)] = &[
    ("or more", "at_least"),
    ("or so", "approx"),
    ("or less", "up_to"),
    ("or fewer", "up_to"),
    ("plus", "more_than"),
    ("+", "more_than"),
];

/// Phrases that state a share without a number, and the share in percent they stand for, when
/// "of" or "over" and what is held follow: "The Syrian military has wrested full control of
/// the militant-held eastern Aleppo" ends a timeline of "half", "70%", "93 percent" and "99
/// percent" of the same city. Their quantities get the qualifier `implied`.
pub const TOTALITY_PHRASES: &[(&str, f64)] = &[
    ("full control", 100.0),
    ("complete control", 100.0),
    ("total control", 100.0),
    ("entire control", 100.0),
];

/// Nouns and verbs after which "over", "above" and "under" are prepositions, not qualifiers:
/// "reestablished control over half of the areas", "took control over two districts".
pub const OVER_AS_PREPOSITION_AFTER: &[&str] = &[
    "control",
    "power",
    "authority",
    "sovereignty",
    "jurisdiction",
    "grip",
    "hold",
    "dominance",
    "influence",
    "fighting",
    "fight",
    "battle",
    "dispute",
    "disputes",
    // "He lost his life over $7": "over" is "because of" after these.
    "life",
    "lives",
    "argument",
    "feud",
    "quarrel",
    "talks",
    "row",
    "clash",
    "clashes",
    "concern",
    "concerns",
    "fears",
    "spread",
    "spreading",
    "spread",
    "flew",
    "fly",
    "flying",
    "rule",
    "reign",
    "victory",
    "win",
    "lead",
];
