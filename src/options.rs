//! Extraction options shared by every stage.

use std::sync::Arc;

use regex::RegexSet;

use crate::error::Error;
use crate::lexicon::quote_marks::QuoteMarks;
use crate::lexicon::Lexicon;
use crate::parse::ParseOptions;
use crate::rules::RuleSet;

/// How to extract; `Options::default()` is what the module-level Python functions use.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// What the parse stage reads (user boilerplate patterns).
    pub parse: ParseOptions,
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
    /// The attribution tables with user cue verbs and titles (`with_attribution_words`) or
    /// quotation mark languages (`with_quote_marks`); `None`: the built-in tables, compiled once
    /// per process ([`Lexicon::shared`]).
    pub attribution: Option<Arc<Lexicon>>,
    /// The named rules switched off (`crate::rules`); none by default.
    pub disabled_rules: RuleSet,
}

impl AsRef<ParseOptions> for Options {
    fn as_ref(&self) -> &ParseOptions {
        &self.parse
    }
}

impl Options {
    /// Options with extra whole-line boilerplate patterns.
    pub fn with_boilerplate(mut self, patterns: &[String]) -> Result<Self, Error> {
        if patterns.is_empty() {
            return Ok(self);
        }
        let anchored: Vec<String> = patterns.iter().map(|p| format!("^(?:{p})$")).collect();
        self.parse.extra_boilerplate = Some(
            RegexSet::new(&anchored)
                .map_err(|e| Error::invalid_option("boilerplate", e.to_string()))?,
        );
        Ok(self)
    }

    /// Options whose attribution stage also knows `cue_verbs` ("quipped") and `titles`
    /// ("Archbishop"); see [`Lexicon::new`] for what an entry may hold. Compiles the tables once,
    /// here; the `Options` (and its clones) share them. Both empty: the built-in tables.
    pub fn with_attribution_words(
        mut self,
        cue_verbs: &[String],
        titles: &[String],
    ) -> Result<Self, Error> {
        // Quote marks chosen before stay.
        let marks = self.lexicon().quote_marks().clone();
        let no_words = cue_verbs.is_empty() && titles.is_empty();
        self.attribution = if no_words && marks.is_default() {
            None
        } else if no_words {
            Some(Arc::new(Lexicon::shared().clone().with_quote_marks(marks)))
        } else {
            Some(Arc::new(
                Lexicon::new(cue_verbs, titles)?.with_quote_marks(marks),
            ))
        };
        Ok(self)
    }

    /// Options whose attribution stage pairs the quotation marks of `languages` (codes of
    /// `lexicon::quote_marks`: `["en", "de"]` pairs “…” and German „…“); see
    /// [`QuoteMarks::new`] for what is refused. Cue verbs and titles added before stay. The
    /// default languages (English and French) leave the built-in tables in place.
    pub fn with_quote_marks(mut self, languages: &[String]) -> Result<Self, Error> {
        let marks = QuoteMarks::new(languages)?;
        if marks == *self.lexicon().quote_marks()
            || marks.is_default() && self.attribution.is_none()
        {
            return Ok(self);
        }
        let lexicon = self.lexicon().clone().with_quote_marks(marks);
        self.attribution = Some(Arc::new(lexicon));
        Ok(self)
    }

    /// Options with the rules named in `names` switched off (`crate::rules::RULES` has the
    /// names); an unknown name is an [`Error::invalid_option`].
    pub fn with_disabled_rules(mut self, names: &[String]) -> Result<Self, Error> {
        self.disabled_rules = RuleSet::disabling(names)?;
        Ok(self)
    }

    /// The attribution tables these options use.
    pub fn lexicon(&self) -> &Lexicon {
        match &self.attribution {
            Some(lx) => lx,
            None => Lexicon::shared(),
        }
    }
}
