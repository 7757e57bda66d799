//! Extraction options shared by every stage.

use regex::RegexSet;

use crate::error::Error;

/// How to extract; `Options::default()` is what the module-level Python functions use.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// User boilerplate line patterns (whole-line regexes), on top of `lexicon::boilerplate`.
    pub extra_boilerplate: Option<RegexSet>,
    /// Documents larger than this many bytes are rejected with a per-document error (0: no limit).
    pub max_document_bytes: usize,
    /// Direct quotations of fewer words than this are dropped from the claims (0: keep all).
    /// The attribution stage already drops quotations under `MIN_QUOTE_WORDS` (3) words, so
    /// only larger values change anything: “Lies and more lies,” said Zakharova.
    pub min_quote_words: usize,
    /// Also give shares stated without a number as quantities ("full control of eastern
    /// Aleppo" = 100 percent, qualifier `implied`; `quantity::implied_shares`). Off by default:
    /// they are no numeric mentions, and the quantity scorers' gold does not list them.
    pub implied_quantities: bool,
}

impl Options {
    /// Options with extra whole-line boilerplate patterns.
    pub fn with_boilerplate(mut self, patterns: &[String]) -> Result<Self, Error> {
        if patterns.is_empty() {
            return Ok(self);
        }
        let anchored: Vec<String> = patterns.iter().map(|p| format!("^(?:{p})$")).collect();
        self.extra_boilerplate = Some(
            RegexSet::new(&anchored)
                .map_err(|e| Error::invalid_option("boilerplate", e.to_string()))?,
        );
        Ok(self)
    }
}
