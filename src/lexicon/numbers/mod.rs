//! Number words, fractions, vague magnitudes, multipliers, qualifiers, change words and units:
//! everything `quantity` needs to read a number, as data.
//!
//! Unit names are a fixed vocabulary (the `unit` column), singular English names: `count`,
//! `percent`, `fraction`, durations (`second` ... `century`), lengths (`nanometre` ... `mile`,
//! `nautical mile`, `light year`), areas (`square metre`, `square foot`, `hectare`, `acre`,
//! ...), masses (`microgram` ... `tonne`, `kiloton`, `megaton`, `gigaton`, `pound-mass`,
//! `ounce`, `carat`, `dram`), volumes (`millilitre`, `litre`, `cubic centimetre` ... `cubic
//! kilometre`, `cubic foot`, `pint`, `quart`, `gallon`, `barrel`, `fluid ounce`), speeds
//! (`mile per hour`, `kilometre per hour`, `metre per second`, `knot`, ...), fuel use (`mile per
//! gallon`), power and energy (`watt` ... `terawatt`, `watt hour` ... `terawatt hour`,
//! `joule`, `calorie`, `kilocalorie`, `british thermal unit`, `horsepower`, `brake
//! horsepower`), torque (`newton metre`, `foot pound-force`), electricity (`volt`, `kilovolt`,
//! `kilovolt per centimetre`, `ampere`, `farad`, `ohm`, `milliampere-hour`), data (`bit` ...
//! `gigabit`, `kilobyte` ... `petabyte`, `megabit per second`, `megapixel`), frequency
//! (`hertz` ... `gigahertz`), pressure (`pascal` ... `gigapascal`, `millibar`, `pound per
//! square inch`), radiation (`roentgen`, `sievert`, `millisievert`, `becquerel`), temperature
//! (`celsius`, `fahrenheit`, `degree`), sound (`decibel`), concentration (`part per million`),
//! `point`, `basis point`, `percentage point`, sports averages (`point per game`, ...), `year
//! of age`, currencies as ISO 4217 codes (`USD`, `EUR`, `GBP`, ...) and `cent`/`penny`, and
//! rates built from them ("USD per month", "hour per week", see `RATE_DENOMINATORS`). Symbols
//! whose case matters ("Nm" newton metre, "nm" nanometre) are in `CASED_UNITS`.
//!
//! Currencies are codes, not names, in rates too ("USD per month", not "dollar per month"):
//! "dollar" would merge US, Australian and Hong Kong dollars, and a code lets a researcher
//! split a rate on " per " and group by currency. The surface form stays in `text`.
//!
//! The tables are split by topic into the modules below and re-exported here, so every
//! `lexicon::numbers::NAME` path stays as it was. This module owns nothing but that index; a
//! new table goes into the module of its topic, and none of them may know the `quantity`
//! stage that reads them.

mod change;
mod counted;
mod currencies;
mod not_amounts;
mod qualifiers;
mod subject;
mod units;
mod words;

pub use change::{CHANGE_DOWN, CHANGE_FILLERS, CHANGE_UP, PHRASAL_PARTICLE_VERBS};
pub use counted::{
    CASUALTY_VERBS, COUNTED_SKIP, COUNTED_STOP, DIRECTION_ADVERBS, IRREGULAR_PARTICIPLES,
    MASS_CONTEXT_WORDS, MEASURE_COMPLEMENTS, PARTITIVE_PRONOUNS,
};
pub use currencies::{CURRENCY_PREFIXES, DOLLAR_AGENCIES, DOLLAR_DATELINES, DOLLAR_HOSTS};
pub use not_amounts::{
    NAMED_NUMBER_WORDS, ONE_PRONOUN_AFTER, ONE_PRONOUN_BEFORE, SCORES_MAGNITUDE_AFTER, STREET_TYPES,
};
pub use qualifiers::{
    OVER_AS_PREPOSITION_AFTER, QUALIFIER_PHRASES, QUALIFIER_SUFFIXES, TOTALITY_PHRASES,
};
pub use subject::{
    BE_FORMS, MODAL_VERBS, PHRASE_OPENERS, SUBJECT_AUXILIARIES, SUBJECT_GAP_WORDS, SUBJECT_VERBS,
};
pub use units::{
    CASED_UNITS, DURATION_UNITS, GLUED_ONLY_UNITS, RATE_DENOMINATORS, RATE_SUBSTANCES, UNIT_WORDS,
};
pub use words::{
    FRACTION_WORDS, MULTIPLIERS, NUMBER_WORDS, SCALE_WORDS, VAGUE_MAGNITUDES, VULGAR_FRACTIONS,
};
