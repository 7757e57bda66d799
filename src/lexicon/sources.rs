//! Words about sources: titles that precede a name, pronouns, and their agreement.

/// Titles and ranks that precede a person's name ("Major-General Igor Konashenkov").
/// Multi-word titles are listed before their parts so the longest matches first.
pub const TITLES: &[&str] = &[
    "Major-General",
    "Lieutenant-General",
    "Lieutenant General",
    "Major General",
    "Colonel-General",
    "Brigadier General",
    "Maj.-Gen.",
    "Lt.-Gen.",
    "Lt. Gen.",
    "Maj. Gen.",
    "Gen.",
    "General",
    "Colonel",
    "Col.",
    "Lieutenant",
    "Captain",
    "Admiral",
    "Sergeant",
    "Commander",
    "Marshal",
    "President",
    "Vice President",
    "Prime Minister",
    "Foreign Minister",
    "Defense Minister",
    "Defence Minister",
    "Minister",
    "Deputy Foreign Minister",
    "Ambassador",
    "Envoy",
    "Secretary of State",
    "Secretary",
    "Senator",
    "Sen.",
    "Representative",
    "Rep.",
    "Governor",
    "Gov.",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Sheikh",
    "Pope",
    "Chancellor",
    "Speaker",
    "Chairman",
    "Chairwoman",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Dr.",
    "Dr",
    "Prof.",
    "Professor",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Mr",
    "Mrs",
    "Ms",
    "Sir",
    "Lord",
    "Rev.",
];

/// Personal pronouns that can be a source, with the kind of antecedent they agree with.
pub const PRONOUNS: &[(&str, Antecedent)] = &[
    ("he", Antecedent::Male),
    ("she", Antecedent::Female),
    ("it", Antecedent::Organisation),
    ("they", Antecedent::Group),
];

/// What a pronoun or description can refer back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Antecedent {
    /// A man ("he").
    Male,
    /// A woman ("she").
    Female,
    /// An organisation, country or document ("it", "the statement").
    Organisation,
    /// A group or several sources ("they").
    Group,
}

/// Titles that tell a person's gender ("spokeswoman" -> female).
pub const FEMALE_MARKERS: &[&str] = &[
    "Mrs",
    "Ms",
    "Queen",
    "spokeswoman",
    "Chairwoman",
    "she",
    "her",
];
