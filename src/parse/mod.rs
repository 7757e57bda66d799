//! Parsing: a raw input becomes a [`Document`] with a clean body, headline, publication time,
//! paragraphs and sentences.
//!
//! Takes decoded text (see [`decode`]) or an HTML page (see [`html`], which picks the main
//! body first); drops web boilerplate lines (the table in `lexicon::boilerplate`), reads a
//! leading dateline and headline, and splits the body into paragraphs (one per non-empty line)
//! and sentences. It does not look at claims or numbers.
//!
//! Time zones: `published` is the local time the page or dateline writes, without its UTC
//! offset ("2016-12-07T23:30:00-05:00" becomes 2016-12-07 23:30, not 2016-12-08 04:30 UTC). A
//! dateline in the text has no offset at all, so this is the one rule that treats both alike,
//! and relative dates in the article ("on Friday", "yesterday") are meant on the writer's
//! calendar, which converting to UTC would shift across midnight.

pub mod clean;
pub mod decode;
pub mod html;
pub mod input;
pub mod sentences;

use chrono::Datelike;

use crate::document::{Document, InputFormat, RawDocument, Span};
use crate::time::parse_timestamp;
use regex::RegexSet;

/// The separator between paragraphs in the clean text.
pub const PARAGRAPH_BREAK: &str = "\n\n";

/// Publication years taken from page metadata: CMS placeholders such as "0001-01-01" (seen in
/// the HTML benchmark) are not dates. (Dates in the text or given by the caller keep any year:
/// the Python tables hold years 1-9999.)
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// What parsing reads besides the raw document; the pipeline's `Options` holds one, so this
/// stage depends on nothing downstream of it.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// User boilerplate line patterns (whole-line regexes), on top of `lexicon::boilerplate`.
    pub extra_boilerplate: Option<RegexSet>,
}

impl AsRef<ParseOptions> for ParseOptions {
    fn as_ref(&self) -> &ParseOptions {
        self
    }
}

/// Parses one raw document into the article model (no claims or quantities yet).
pub fn parse_document(raw: &RawDocument, options: &impl AsRef<ParseOptions>) -> Document {
    let options = options.as_ref();
    let mut doc = Document {
        id: raw.id.clone(),
        path: raw.path.clone(),
        warnings: raw.warnings.clone(),
        ..Document::default()
    };
    // An HTML page's headline and date come from its markup; its body is then cleaned like text.
    let page = (raw.format == InputFormat::Html).then(|| html::extract_article(&raw.text));
    let body = page.as_ref().map_or(raw.text.as_str(), |p| p.text.as_str());
    if let Some(warning) = page.as_ref().and_then(|p| p.warning.clone()) {
        doc.warnings.push(warning);
    }
    let cleaned = clean::clean_lines(body, options);
    let mut text = String::with_capacity(body.len());
    for line in &cleaned.lines {
        if !text.is_empty() {
            text.push_str(PARAGRAPH_BREAK);
        }
        let start = text.len();
        text.push_str(line);
        doc.paragraphs.push(Span::new(start, text.len()));
    }
    doc.text = text;
    let page_title = page.as_ref().and_then(|p| p.title.clone());
    let page_published = page
        .as_ref()
        .and_then(|p| p.published.as_deref())
        .and_then(parse_timestamp)
        .filter(|t| PLAUSIBLE_YEARS.contains(&t.year()));
    doc.title = raw
        .title
        .clone()
        .or(page_title)
        .or_else(|| cleaned.title_line.map(|i| cleaned.lines[i].to_owned()));
    doc.published = raw
        .published
        .as_deref()
        .and_then(parse_timestamp)
        .or(page_published)
        .or(cleaned.dateline);
    if let (Some(line), None) = (cleaned.ambiguous_dateline, doc.published) {
        doc.warnings.push(format!(
            "the date line {line:?} reads as day-month or month-day; published left unknown"
        ));
    }
    if let (Some(given), None) = (raw.published.as_deref(), doc.published) {
        if !given.trim().is_empty() {
            doc.warnings
                .push(format!("could not read the publication date {given:?}"));
        }
    }
    doc.sentences = sentences::split_sentences(&doc.text, &doc.paragraphs);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_published_time_keeps_local_time_and_drops_the_offset() {
        let raw = RawDocument {
            id: "x".into(),
            text: r#"<html><head><meta property="article:published_time" content="2016-12-07T23:30:00-05:00"></head>
<body><article><p>The talks ended late on Wednesday, a spokesman for the State Department said, and will resume in Geneva.</p></article></body></html>"#.into(),
            format: InputFormat::Html,
            ..RawDocument::default()
        };
        let doc = parse_document(&raw, &ParseOptions::default());
        assert_eq!(doc.published.unwrap().to_string(), "2016-12-07 23:30:00");
    }

    #[test]
    fn seed_like_article() {
        let raw = RawDocument {
            id: "x".into(),
            text: "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon\n7 Dec, 2016 19:16\n\nSyrian Army retakes 70% of E. Aleppo – Russian military\n\nThe army advanced. \"We won,\" he said.\n\nPodcasts\n0:00\n27:33\n".into(),
            ..RawDocument::default()
        };
        let doc = parse_document(&raw, &ParseOptions::default());
        assert_eq!(
            doc.title.as_deref(),
            Some("Syrian Army retakes 70% of E. Aleppo – Russian military")
        );
        assert_eq!(doc.published.unwrap().to_string(), "2016-12-07 19:16:00");
        assert_eq!(doc.text, "Syrian Army retakes 70% of E. Aleppo – Russian military\n\nThe army advanced. \"We won,\" he said.");
        let sentences: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| s.span.slice(&doc.text))
            .collect();
        assert_eq!(
            sentences,
            [
                "Syrian Army retakes 70% of E. Aleppo – Russian military",
                "The army advanced.",
                "\"We won,\" he said."
            ]
        );
    }
}
