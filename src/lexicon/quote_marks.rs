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

use std::sync::LazyLock;

use crate::error::Error;

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

/// The quotation marks that pair, compiled from the languages of `lexicon::quote_marks`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMarks {
    /// The languages, in the order given, without repeats.
    languages: Vec<String>,
    /// Primary marks: a statement's quotation.
    open: Vec<char>,
    close: Vec<char>,
    /// Secondary marks (German ‚…‘): they pair only with each other and never end a primary
    /// quotation.
    open_inner: Vec<char>,
    close_inner: Vec<char>,
}

static DEFAULT: LazyLock<QuoteMarks> = LazyLock::new(|| {
    let langs: Vec<String> = DEFAULT_LANGUAGES.iter().map(|l| (*l).to_owned()).collect();
    QuoteMarks::new(&langs).expect("default languages are in the table")
});

impl Default for QuoteMarks {
    fn default() -> Self {
        DEFAULT.clone()
    }
}

impl QuoteMarks {
    /// The marks of `languages` (codes of `lexicon::quote_marks`: "en", "de", "fr", ...). An
    /// unknown code, or no language at all, is an [`Error::invalid_option`] that lists the
    /// known codes.
    pub fn new(languages: &[String]) -> Result<Self, Error> {
        let known = || {
            QUOTE_MARKS
                .iter()
                .map(|(l, _, _)| *l)
                .collect::<Vec<_>>()
                .join(", ")
        };
        if languages.is_empty() {
            return Err(Error::invalid_option(
                "quote_marks",
                format!("names no language; known languages: {}", known()),
            ));
        }
        let mut marks = Self {
            languages: Vec::new(),
            open: Vec::new(),
            close: Vec::new(),
            open_inner: Vec::new(),
            close_inner: Vec::new(),
        };
        for lang in languages {
            let Some((_, primary, secondary)) = QUOTE_MARKS.iter().find(|(l, _, _)| l == lang)
            else {
                return Err(Error::invalid_option(
                    "quote_marks",
                    format!("unknown language {lang:?}; known languages: {}", known()),
                ));
            };
            if marks.languages.contains(lang) {
                continue;
            }
            marks.languages.push(lang.clone());
            marks.open.extend(primary.iter().map(|p| p.0));
            marks.close.extend(primary.iter().map(|p| p.1));
            marks.open_inner.extend(secondary.iter().map(|p| p.0));
            marks.close_inner.extend(secondary.iter().map(|p| p.1));
        }
        Ok(marks)
    }

    /// The built-in choice: English “…” and « ».
    pub fn shared() -> &'static QuoteMarks {
        &DEFAULT
    }

    /// The languages, in the order given.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// The primary opening marks (“ « „ ...).
    pub fn open(&self) -> &[char] {
        &self.open
    }

    /// The primary closing marks.
    pub fn close(&self) -> &[char] {
        &self.close
    }

    /// The secondary opening marks (German ‚).
    pub fn open_inner(&self) -> &[char] {
        &self.open_inner
    }

    /// The secondary closing marks.
    pub fn close_inner(&self) -> &[char] {
        &self.close_inner
    }

    /// Whether these marks pair exactly as the default ones do (the same languages, in any
    /// order).
    pub fn is_default(&self) -> bool {
        let mut mine: Vec<&str> = self.languages.iter().map(String::as_str).collect();
        let mut default = DEFAULT_LANGUAGES.to_vec();
        mine.sort_unstable();
        default.sort_unstable();
        mine == default
    }
}
