//! Quotation mark conventions per language, as data: which marks open and which close a
//! quotation. The attribution stage pairs quotes with the marks of the languages a user picks
//! (`Options::with_quote_marks`); straight `"` and NYT-style `''` pair in every language.
//!
//! Rows are (language code, primary pairs, secondary pairs), each pair (opening, closing).
//! Primary marks quote a statement; secondary ones quote inside a quotation (German
//! „Er sagte ‚nein‘ dazu“) and, at top level, pair only with each other, so a secondary closing
//! mark never ends a primary quotation. A mark can close in one language and open in another
//! (German `“` closes „…“, English `“` opens “…”): picking both makes it toggle like `"`.
//!
//! English secondary ‘…’ is left out on purpose: `’` is also the apostrophe ("Assad’s forces"),
//! and pairing it would cut quotations at every possessive.

/// (language, primary (open, close) pairs, secondary (open, close) pairs).
pub type QuoteConvention = (
    &'static str,
    &'static [(char, char)],
    &'static [(char, char)],
);

/// The conventions newsclaims knows, one row per language (ISO 639-1 code).
pub const QUOTE_MARKS: &[QuoteConvention] = &[
    // “The talks will continue,” Lavrov said.
    ("en", &[('“', '”')], &[]),
    // « Les discussions continueront », a dit Lavrov. Also Swiss German and Swiss English outlets.
    // (No secondary ‹…›: French is in the default, and the default pairs what it always did.)
    ("fr", &[('«', '»')], &[]),
    // „Die Gespräche gehen weiter“, sagte Lawrow. Books also use »…«.
    ("de", &[('„', '“'), ('»', '«')], &[('‚', '‘'), ('›', '‹')]),
    // »Forhandlingerne fortsætter«, sagde Lavrov.
    ("da", &[('»', '«'), ('„', '“')], &[('›', '‹')]),
    // ”Samtalen fortsätter”, sade Lavrov. Also »…».
    ("sv", &[('”', '”'), ('»', '»')], &[]),
    // ”Neuvottelut jatkuvat”, Lavrov sanoi.
    ("fi", &[('”', '”'), ('»', '»')], &[]),
    // «I colloqui continueranno», ha detto Lavrov.
    ("it", &[('«', '»'), ('“', '”')], &[]),
    // «Las conversaciones continuarán», dijo Lavrov.
    ("es", &[('«', '»'), ('“', '”')], &[]),
    ("pt", &[('«', '»'), ('“', '”')], &[]),
    // «Переговоры продолжатся», заявил Лавров; inner quotes „…“.
    ("ru", &[('«', '»')], &[('„', '“')]),
    // „Rozmowy będą kontynuowane” – powiedział Ławrow.
    ("pl", &[('„', '”')], &[('«', '»')]),
    // „De gesprekken gaan door”, zei Lavrov.
    ("nl", &[('„', '”'), ('“', '”')], &[]),
    // „Rozhovory budou pokračovat“, řekl Lavrov.
    ("cs", &[('„', '“')], &[('‚', '‘')]),
];

/// The languages whose marks pair when the user picks none: English “…” and French « »
/// (« » paired before languages were configurable, so the default keeps them).
pub const DEFAULT_LANGUAGES: &[&str] = &["en", "fr"];
