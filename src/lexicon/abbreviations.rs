//! Abbreviations whose final period does not end a sentence.
//!
//! Compared case-sensitively against the word before the period (without the period).

/// Titles and common abbreviations ("Dr. Ali Haidar", "Syrian govt. soldiers", "Maj.-Gen.").
/// "etc" is left out on purpose: it mostly ends a list at the end of a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Adm",
    "Brig", "Cmdr", "Gov", "Sen", "Rep", "Rev", "St", "Sr", "Jr", "Mt", "Ft", "Hon", "Pres", "Amb",
    "Supt", "Insp", "Det", "Gens", "Reps", "Sens", "govt", "Govt", "gov", "dept", "Dept", "approx",
    "est", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc",
    "Corp", "Ltd", "Co", "Bros", "e.g", "i.e", "a.m", "p.m", "cf", "al", "Ave", "Blvd",
];

/// Abbreviations that only hold before a number ("No. 10 Downing Street", "Fig. 3"); before a
/// word they end a sentence ("He said no. The talks ended.").
pub const NUMBER_ABBREVIATIONS: &[&str] = &[
    "No", "no", "Nos", "Vol", "vol", "Fig", "fig", "p", "pp", "Art", "art",
];
