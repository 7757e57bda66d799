//! Numbers that are no amount: "one" as a pronoun ("no one", "one another"), "scores" as a
//! magnitude and not a sports score, numbers in names ("S&P 500", "Boeing 737") and house
//! numbers before a street type ("49 Zorro Ranch Road").
//!
//! Owns only these tables; it must not know how `quantity` uses them to drop a reading.

/// Words after which "one" is a pronoun, not a count ("no one", "the one", "this one").
pub const ONE_PRONOUN_BEFORE: &[&str] = &[
    "no", "the", "this", "that", "any", "every", "each", "which", "someone", "anyone", "only",
    "last", "another", "little", "big", "right", "wrong", "new", "old", "such", "what",
    // "reusing old passwords or using the same one across multiple accounts"
    "same",
];

/// Words after "scores" that make it a magnitude, not a sports score: "scores of people",
/// "scores more", "scores others were injured", "scores were also injured" (FA-KES).
pub const SCORES_MAGNITUDE_AFTER: &[&str] = &[
    "of", "more", "others", "other", "were", "are", "have", "had", "dead", "killed", "injured",
    "wounded", "hurt",
];

/// Words after which "one" is a pronoun, not a count ("one another", "one says").
pub const ONE_PRONOUN_AFTER: &[&str] = &[
    "another", "day", "thing", "way", "would", "could", "can", "must", "should", "might", "does",
    "has", "is", "was",
];

/// Words after which a number is part of a name, not an amount: stock indices ("S&P 500",
/// "FTSE 100"), products and models ("iPhone 11", "Boeing 737", "Model 3"), numbered things
/// ("Game 7", "category 4", "Article 5", "Resolution 2254"), "COVID-19".
pub const NAMED_NUMBER_WORDS: &[&str] = &[
    "s&p",
    "sp",
    "p",
    "s&p/asx",
    "asx",
    "nasdaq",
    "ftse",
    "stoxx",
    "dax",
    "cac",
    "nikkei",
    "russell",
    "hang",
    "ta",
    "msci",
    "dow",
    "iphone",
    "galaxy",
    "pixel",
    "windows",
    "boeing",
    "airbus",
    "model",
    "apollo",
    "covid",
    "covid-",
    "game",
    "category",
    "article",
    "chapter",
    "resolution",
    "section",
    "route",
    "highway",
    "interstate",
    "room",
    "gate",
    "row",
    "seat",
    "no.",
    "nos.",
    "number",
    "unit",
    "code",
    "level",
    "grade",
    "stage",
    "phase",
    "week",
    "day",
    "round",
    "season",
    "episode",
    "volume",
    "vol.",
    "page",
    "p.",
    "pp.",
    "version",
    "v",
    "uss",
    "f-",
    "su-",
    "mig-",
    "a-",
    "formula",
    "channel",
    "studio",
    "platform",
    "terminal",
    "flight",
];

/// Street types that end a postal address: a number before capitalised words ending in one
/// of them is a house number ("9 E 71st St", "49 Zorro Ranch Road", "22 Ave Foch", "16-18
/// Industrial Avenue"), not an amount. Compared case-insensitively, a trailing full stop
/// dropped; the word itself must be capitalised.
pub const STREET_TYPES: &[&str] = &[
    "st",
    "street",
    "rd",
    "road",
    "ave",
    "avenue",
    "blvd",
    "boulevard",
    "lane",
    "ln",
    "drive",
    "dr",
    "way",
    "place",
    "pl",
    "court",
    "ct",
    "terrace",
    "crescent",
    "square",
    "sq",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "close",
    "row",
    "plaza",
];
