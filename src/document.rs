//! The article model every stage reads and fills.
//!
//! `parse` fills `text`, `title`, `published`, `paragraphs` and `sentences`; `attribution` adds
//! `claims`; `quantity` adds `quantities`; `time` resolves dates on both. All spans here are
//! **byte** offsets into `text` (`byte_start`/`byte_end`); `table` converts them to Python
//! character offsets once per document.

use chrono::NaiveDateTime;

/// A half-open byte range `[byte_start, byte_end)` into a document's clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First byte of the span.
    pub byte_start: usize,
    /// One past the last byte of the span.
    pub byte_end: usize,
}

impl Span {
    /// A span from byte offsets.
    pub fn new(byte_start: usize, byte_end: usize) -> Self {
        Span {
            byte_start,
            byte_end,
        }
    }
    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.byte_start..self.byte_end]
    }
    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.byte_start <= other.byte_start && other.byte_end <= self.byte_end
    }
    /// Whether the spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.byte_start < other.byte_end && other.byte_start < self.byte_end
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.byte_end - self.byte_start
    }
    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.byte_end <= self.byte_start
    }
}

/// The format of a raw input, which decides how `parse` reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Plain text (possibly raw web text with boilerplate).
    #[default]
    Text,
    /// An HTML page.
    Html,
}

/// One raw input: what the caller hands to the pipeline.
#[derive(Debug, Clone, Default)]
pub struct RawDocument {
    /// Caller's identifier; unique within a run by convention.
    pub id: String,
    /// The file the text came from, if any.
    pub path: Option<String>,
    /// The raw text (already decoded).
    pub text: String,
    /// How to read `text`.
    pub format: InputFormat,
    /// A publication date given by the caller; wins over anything found in the text.
    pub published: Option<String>,
    /// A headline given by the caller; wins over anything found in the text.
    pub title: Option<String>,
    /// Problems met while reading the input (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
    /// Set when the input could not be read at all; the pipeline then only records it.
    pub error: Option<String>,
}

/// A sentence of the clean text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Where the sentence lies.
    pub span: Span,
    /// Index of the paragraph that holds it.
    pub paragraph: usize,
    /// Whether the sentence is a photo caption or similar.
    pub is_caption: bool,
}

/// The kind of an attributed claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKind {
    /// The content is one quotation.
    Direct,
    /// Reported speech embedding a quotation.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
    /// "according to X", "as reported by X", ", X reports."
    AccordingTo,
    /// A headline "Source: claim" or "claim – Source".
    Headline,
}

impl ClaimKind {
    /// Every kind, in the order of the `kind` column's categories.
    pub const ALL: [ClaimKind; 5] = [
        ClaimKind::Direct,
        ClaimKind::Mixed,
        ClaimKind::Indirect,
        ClaimKind::AccordingTo,
        ClaimKind::Headline,
    ];

    /// The name used in the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Mixed => "mixed",
            ClaimKind::Indirect => "indirect",
            ClaimKind::AccordingTo => "according_to",
            ClaimKind::Headline => "headline",
        }
    }
}

/// Who said what: one attributed statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// What kind of attribution.
    pub kind: ClaimKind,
    /// The resolved, canonical source ("Igor Konashenkov").
    pub source: String,
    /// The source as written at this point ("he"), if any.
    pub source_span: Option<Span>,
    /// Title or role ("Major-General", "a spokesman for the Russian Defense Ministry").
    pub source_role: Option<String>,
    /// The reporting words as written ("said"), if any.
    pub cue_span: Option<Span>,
    /// The statement.
    pub content: Span,
    /// The whole claim: source, cue and content.
    pub span: Span,
    /// Relaying outlet or channel ("the Interfax news agency").
    pub via: Option<String>,
    /// Distancing markers ("so-called").
    pub hedge: Option<String>,
    /// Time expression attached to the statement ("on Friday").
    pub date_span: Option<Span>,
    /// The resolved date of `date_span`, ISO 8601.
    pub date: Option<String>,
    /// Index into `Document::sentences` of the sentence where the claim starts.
    pub sentence: usize,
    /// The rule that made it ([`crate::rules`]).
    pub rule: crate::rules::Rule,
}

/// How a number relates to the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// As written.
    Exact,
    /// "more than", "over".
    MoreThan,
    /// "fewer than", "less than", "under".
    LessThan,
    /// "at least".
    AtLeast,
    /// "up to", "as many as".
    UpTo,
    /// "around", "about", "some".
    Approx,
    /// "almost", "nearly".
    Almost,
    /// "dozens", "hundreds", "thousands".
    Vague,
    /// No number is written; a phrase stands for one ("full control of Aleppo" = 100 percent).
    Implied,
}

impl Qualifier {
    /// Every qualifier, in the order of the `qualifier` column's categories.
    pub const ALL: [Qualifier; 9] = [
        Qualifier::Exact,
        Qualifier::MoreThan,
        Qualifier::LessThan,
        Qualifier::AtLeast,
        Qualifier::UpTo,
        Qualifier::Approx,
        Qualifier::Almost,
        Qualifier::Vague,
        Qualifier::Implied,
    ];

    /// The name used in the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::UpTo => "up_to",
            Qualifier::Approx => "approx",
            Qualifier::Almost => "almost",
            Qualifier::Vague => "vague",
            Qualifier::Implied => "implied",
        }
    }
}

/// A numeric mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The surface form, qualifier included ("more than 9,500").
    pub span: Span,
    /// The normalised value (null for vague magnitudes).
    pub value: Option<f64>,
    /// Lower bound for ranges and vague magnitudes.
    pub low: Option<f64>,
    /// Upper bound for ranges and vague magnitudes.
    pub high: Option<f64>,
    /// How the number relates to the true value.
    pub qualifier: Qualifier,
    /// Unit from a small vocabulary: count, percent, fraction, day, ...
    pub unit: String,
    /// What is counted or measured ("people").
    pub counted: Option<String>,
    /// Whose number it is, or what it is about, as its sentence names it: "Apple's revenue
    /// rose 5%" -> Apple, "the unemployment rate fell to 4.1%" -> unemployment rate; `None`
    /// when the sentence names none (`quantity::subject`).
    pub subject: Option<String>,
    /// "up" or "down" when the number is a change.
    pub direction: Option<&'static str>,
    /// Index into `Document::sentences`.
    pub sentence: usize,
    /// Index into `Document::claims` of the claim whose content holds it.
    pub claim: Option<usize>,
    /// The date (ISO 8601) of its claim, or of a time expression in its sentence.
    pub date: Option<String>,
    /// The reading that made it ([`crate::rules`]).
    pub rule: crate::rules::Rule,
}

/// A parsed article and everything extracted from it.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Caller's identifier.
    pub id: String,
    /// Source file, if any.
    pub path: Option<String>,
    /// Clean article body.
    pub text: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication time.
    pub published: Option<NaiveDateTime>,
    /// Paragraph spans, in order.
    pub paragraphs: Vec<Span>,
    /// Sentence spans, in order.
    pub sentences: Vec<Sentence>,
    /// Attributed claims, in text order.
    pub claims: Vec<Claim>,
    /// Numeric mentions, in text order.
    pub quantities: Vec<Quantity>,
    /// Non-fatal problems.
    pub warnings: Vec<String>,
    /// Why the document could not be processed, if it could not.
    pub error: Option<String>,
    /// Time expressions ("on Friday") in text order, found once per document by the pipeline.
    pub time_expressions: Vec<Span>,
}

impl Document {
    /// Index of the sentence holding byte `pos` (the last one starting at or before it).
    pub fn sentence_at(&self, pos: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.byte_start <= pos)
            .saturating_sub(1)
    }
}
