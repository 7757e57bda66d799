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

/// Lower-case words that can open a source phrase ("the Russian official", "some diplomats").
pub const SOURCE_DETERMINERS: &[&str] = &[
    "the", "a", "an", "some", "many", "several", "most", "other", "others", "both", "all",
    "his", "her", "their", "its", "one", "two", "three", "few", "no", "another", "each", "these",
    "those", "this", "that", "critics", "supporters",
];

/// Collective sources named by a bare plural noun ("diplomats said", "Reports said").
pub const COLLECTIVE_SOURCES: &[&str] = &[
    "officials", "diplomats", "reports", "analysts", "witnesses", "residents", "activists",
    "sources", "experts", "observers", "critics", "aides", "advisers", "advisors", "observers",
    "lawmakers", "democrats", "republicans", "voters", "polls", "surveys", "doctors", "medics",
    "rebels", "militants", "police", "authorities", "investigators", "prosecutors", "economists",
    "people", "supporters", "opponents", "insiders", "researchers", "scientists", "scholars",
    "historians", "strategists", "organizers", "organisers", "leaders", "commanders", "monitors",
];

/// Words that cannot be inside a source phrase: verbs and clause words. "the plan that was
/// offered said" is no source.
pub const NOT_IN_SOURCE: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "do", "does", "did", "not", "to", "who",
    "which", "that", "what", "when", "where", "why", "how", "if", "because", "than", "can",
    "could", "should", "must", "shall", "it's", "there", "here", "him", "them", "me", "us",
    "but", "while", "although", "though", "whether", "said", "says", "told", "so", "yet", "as",
    "i'm", "he's", "she's", "we're", "they're", "you", "your", "would", "will", "might", "has",
    "have", "had",
];

/// Nouns heading a description of a person ("the Russian official", "the top Russian diplomat").
pub const PERSON_NOUNS: &[&str] = &[
    "official", "general", "diplomat", "minister", "spokesman", "spokeswoman", "spokesperson",
    "president", "envoy", "lawmaker", "senator", "candidate", "nominee", "leader", "commander",
    "mayor", "governor", "ambassador", "chairman", "chairwoman", "chief", "secretary", "head",
    "director", "man", "woman", "congressman", "congresswoman", "businessman", "billionaire",
    "politician", "mogul", "democrat", "republican", "officer", "aide", "adviser", "advisor",
    "colonel", "premier", "negotiator", "manager", "strategist", "activist", "analyst", "expert",
];

/// Nouns heading a description of an organisation or document ("the statement", "the news
/// agency", "the ministry").
pub const ORGANISATION_NOUNS: &[&str] = &[
    "statement", "agency", "ministry", "center", "centre", "observatory", "council", "committee",
    "commission", "government", "army", "military", "group", "organization", "organisation",
    "monitor", "campaign", "department", "office", "report", "network", "newspaper", "channel",
    "company", "firm", "party", "administration", "court", "board", "union", "coalition",
    "communique", "document", "memo", "letter", "poll", "survey", "study", "website",
];

/// Words naming an organisation inside a proper name ("Russian Defense Ministry").
pub const ORGANISATION_NAME_WORDS: &[&str] = &[
    "Ministry", "Center", "Centre", "Agency", "Observatory", "Council", "Army", "Government",
    "Office", "Committee", "Department", "News", "Television", "Commission", "Command",
    "Network", "Party", "Campaign", "Times", "Post", "Journal", "Press", "Association",
    "Institute", "University", "Foundation", "Group", "Forces", "Military", "Kremlin",
    "Pentagon", "House", "Administration", "Court", "Bureau", "Service", "Union", "Organization",
    "Organisation", "Coalition", "Company", "Corporation", "Inc.", "Network", "Channel",
];

/// News outlets and wire services, which relay statements ("told dpa", ", AP reports.").
pub const NEWS_OUTLETS: &[&str] = &[
    "AP", "Associated Press", "Reuters", "AFP", "dpa", "DPA", "Interfax", "TASS", "Tass", "RIA",
    "RIA Novosti", "Sputnik", "SANA", "Anadolu", "Xinhua", "BBC", "CNN", "Fox News", "NBC",
    "CBS", "ABC", "MSNBC", "NPR", "Bloomberg", "al-Watan", "Al Jazeera", "RT", "IRNA", "Fars",
    "Politico", "Axios", "The Hill",
];

/// Descriptors after a name that are its role, not part of it ("SANA news agency", "dpa news
/// agency", "al-Watan newspaper").
pub const NAME_DESCRIPTORS: &[&str] = &[
    "news agency", "agency", "newspaper", "daily", "news channel", "television", "TV",
    "news outlet", "website",
];
