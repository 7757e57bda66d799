//! Abbreviations whose final period does not end a sentence.
//!
//! Compared case-sensitively against the word before the period (without the period).

/// Titles and common abbreviations ("Dr. Ali Haidar", "Syrian govt. soldiers", "Maj.-Gen.").
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Adm",
    "Brig", "Cmdr", "Gov", "Sen", "Rep", "Rev", "St", "Sr", "Jr", "Mt", "Ft", "Hon", "Pres", "Amb",
    "govt", "Govt", "gov", "dept", "Dept", "approx", "est", "vs", "etc", "No", "no", "Nos", "Vol",
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Ltd",
    "Co", "Bros", "e.g", "i.e", "a.m", "p.m", "cf", "al", "fig", "Fig",
];
