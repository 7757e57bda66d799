//! Words that shape clauses around a claim: what opens a subordinate or adverbial clause, what
//! ends a source phrase, which "-ing" words are prepositions. The attribution stage reads them
//! to find where a source or a content starts and stops.

/// Words that open the clause holding an impression ("where Sanders is expected to win").
pub const IMPRESSION_CLAUSE_OPENERS: &[&str] = &[
    "where", "when", "while", "because", "although", "though", "if", "that", "but", "as", "since",
    "after", "before", "so", "whether", "until", "unless",
];

/// Weekday names, capitalised as written: they open an adverbial ("said Friday that") and end a
/// source phrase written after its cue ("said Rudskoi Friday"), besides the words below.
pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether `word` opens an adverbial between a cue and "that": a word of [`ADVERBIAL_OPENERS`]
/// or a weekday.
pub fn is_adverbial_opener(word: &str) -> bool {
    ADVERBIAL_OPENERS.contains(&word) || WEEKDAYS.contains(&word)
}

/// Words that open an adverbial between a cue and "that" ("said in a statement on Friday that"),
/// besides the [`WEEKDAYS`].
pub const ADVERBIAL_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "earlier",
    "later",
    "late",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "via",
    "through",
    "while",
    "by",
    "before",
    "after",
    "repeatedly",
    "again",
    "privately",
    "publicly",
    "recently",
    "previously",
    "then",
    "also",
    "further",
    "separately",
    "flatly",
];

/// Words that open an indirect question ("asked whether", "asked him how").
pub const QUESTION_WORDS: &[&str] = &[
    "whether", "if", "how", "what", "why", "when", "who", "where",
];

/// Words opening an adverbial clause, which is no statement ("In the former coal mining town of
/// Scranton, ...", "After reciting this passage, ...").
pub const SUBORDINATE_OPENERS: &[&str] = &[
    "in",
    "after",
    "when",
    "while",
    "as",
    "before",
    "since",
    "although",
    "though",
    "if",
    "because",
    "during",
    "on",
    "at",
    "with",
    "despite",
    "following",
    "speaking",
    "asked",
    "addressing",
    "earlier",
    "later",
    "also",
    "separately",
    "meanwhile",
    "still",
    "but",
    "and",
    "amid",
    "for",
    "to",
    "from",
    "under",
    "by",
    "about",
    "over",
    "against",
    "without",
    "unlike",
    "like",
    "among",
    "throughout",
    "within",
    "given",
    "once",
    "whether",
    "until",
];

/// "-ing" words that are prepositions, not a new participle clause.
pub const NOT_PARTICIPLES: &[&str] = &[
    "including",
    "according",
    "regarding",
    "concerning",
    "excluding",
    "following",
    "during",
    "considering",
    "involving",
    "notwithstanding",
    "pending",
    "barring",
    "nothing",
    "something",
    "anything",
    "everything",
    "thing",
    "king",
    "morning",
    "evening",
    "spring",
    "bring",
    "being",
];

/// Words that end a clause before a source ("..., and officials said").
pub const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "while", "that", "because", "as", "when", "if", "since", "where", "although",
    "though", "after", "before", "which", "who", "so", "whom", "whether", "than", "until", "by",
    "with", "yet",
];

/// Words that end a source phrase written after its cue ("said Major-General Igor Konashenkov,
/// a spokesman ..., according to the Interfax news agency", "said Mr. Schmidt, who bought ..."),
/// besides the [`WEEKDAYS`].
pub const SOURCE_AFTER_STOPS: &[&str] = &[
    "according to",
    "as reported by",
    "as quoted by",
    "in a",
    "in an",
    "in comments",
    "in remarks",
    "on",
    "at",
    "during",
    "earlier",
    "later",
    "late",
    "told",
    "adding",
    "saying",
    "who",
    "when",
    "after",
    "before",
    "via",
    "by telephone",
    "last",
    "this",
    "yesterday",
    "today",
];

/// Short words that stay lower-case inside a title ("Meet the Press", "Face the Nation").
pub const TITLE_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "with", "in", "on", "for", "to",
];

/// Words that, after a comma, end a reported content and start a clause of its own: a later
/// attribution (", according to AP"), a contrast (", but"),
/// a relative clause (", which"), a new subject (", and they"). A participle (", adding that")
/// ends it too (a pattern in `attribution::cut_region`).
pub const CONTENT_CUT_OPENERS: &[&str] = &[
    "according to",
    "as reported by",
    "as quoted by",
    "but",
    "while",
    "although",
    "though",
    "whereas",
    "for whom",
    "compared with",
    "compared to",
    "which",
    "where",
    "who",
    "whom",
    "whose",
    "and he",
    "and she",
    "and they",
    "and it",
    "and we",
    "and the",
    "and his",
    "and her",
    "and their",
];
