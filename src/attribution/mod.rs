//! Attribution: who said what.
//!
//! Reads the sentences of a [`Document`] and adds its [`Claim`]s: quotations paired with the
//! reporting cue and source next to them (`“...,” X said`, `X said: “...”`, `“...,” said X`).
//! Sources are chunked into a name and a role ([`names`]) and pronouns resolve to the latest
//! compatible source named earlier ([`resolve`]). Numbers and dates are other stages' work.

pub mod names;
pub mod quotes;
pub mod resolve;

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Claim, ClaimKind, Document, Span};
use crate::lexicon::cues::CUE_VERBS;
use names::{chunk_source, SourceChunk};
use resolve::EntityMemory;

/// The cue alternation built from the lexicon table, longest forms first.
static CUE_ALTERNATION: LazyLock<String> = LazyLock::new(|| {
    let mut forms: Vec<&str> = CUE_VERBS.iter().map(|(form, _)| *form).collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms
        .iter()
        .map(|f| regex::escape(f).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
});

/// After a closing quote: `, said X` or `, X said` (the source phrase stays within the sentence).
static CUE_THEN_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*\b(?P<cue>{})\b\s+(?P<src>[^.;:!?“”\x22]{{1,200}})",
        *CUE_ALTERNATION
    ))
    .unwrap()
});
static SOURCE_THEN_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?P<src>[^.;:!?“”\x22,]{{1,150}}?)\s+(?P<cue>{})\b",
        *CUE_ALTERNATION
    ))
    .unwrap()
});
/// Before an opening quote: `X said: ` or `X told reporters, `.
static SOURCE_CUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<src>[^.;!?“”\x22,]{{1,150}}?)\s+(?P<cue>{})\b(?P<rest>[^.;!?“”\x22]{{0,80}}?)[:,]\s*$", *CUE_ALTERNATION)).unwrap()
});

/// Finds the claims of a parsed document and stores them in `doc.claims`, in text order.
pub fn extract_claims(doc: &mut Document) {
    let mut memory = EntityMemory::default();
    let mut claims = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let text = &doc.text;
        let s = sentence.span;
        let mut claimed_quote_end = s.byte_start;
        for quote in quotes::find_quotations(text, s) {
            if quote.byte_start < claimed_quote_end {
                continue;
            }
            if let Some(claim) = direct_claim(text, s, quote, index, &mut memory) {
                claimed_quote_end = quote.byte_end;
                claims.push(claim);
            }
        }
        memory.observe_sentence(text, s);
    }
    doc.claims = claims;
}

/// A direct quotation with its source before or after it, if there is one.
fn direct_claim(
    text: &str,
    sentence: Span,
    quote: Span,
    index: usize,
    memory: &mut EntityMemory,
) -> Option<Claim> {
    let after = &text[quote.byte_end..sentence.byte_end];
    let before = &text[sentence.byte_start..quote.byte_start];
    let content = quotes::inner(text, quote);
    // Trailing attribution: the quote must be the start of the sentence or follow a cue clause.
    let trailing = CUE_THEN_SOURCE
        .captures(after)
        .and_then(|c| {
            chunk_source(
                quote.byte_end + c.name("src")?.start(),
                c.name("src")?.as_str(),
                true,
            )
            .map(|src| (c.name("cue").unwrap().range(), src))
        })
        .or_else(|| {
            SOURCE_THEN_CUE.captures(after).and_then(|c| {
                let src = c.name("src")?;
                chunk_source(quote.byte_end + src.start(), src.as_str(), false)
                    .map(|chunk| (c.name("cue").unwrap().range(), chunk))
            })
        });
    let (cue, chunk, claim_start, claim_end) =
        if let Some((cue, chunk)) = trailing.filter(|_| before.trim().is_empty()) {
            let cue = Span::new(quote.byte_end + cue.start, quote.byte_end + cue.end);
            let end = cue.byte_end.max(chunk.span.byte_end);
            (cue, chunk, quote.byte_start, end)
        } else {
            let c = SOURCE_CUE_BEFORE.captures(before)?;
            let src = c.name("src")?;
            let chunk = chunk_source(sentence.byte_start + src.start(), src.as_str(), false)?;
            let cue = c.name("cue")?;
            let cue = Span::new(
                sentence.byte_start + cue.start(),
                sentence.byte_start + cue.end(),
            );
            let start = chunk.span.byte_start;
            (cue, chunk, start, quote.byte_end)
        };
    let SourceChunk { span, name, role } = chunk;
    let source = memory.resolve(&name, role.as_deref());
    Some(Claim {
        kind: ClaimKind::Direct,
        source,
        source_span: Some(span),
        source_role: role,
        cue_span: Some(cue),
        content,
        span: Span::new(claim_start, claim_end.max(quote.byte_end)),
        via: None,
        hedge: None,
        date_span: None,
        date: None,
        sentence: index,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::RawDocument;
    use crate::options::Options;
    use crate::parse::parse_document;

    fn claims(text: &str) -> Vec<(String, String, String)> {
        let mut doc = parse_document(
            &RawDocument {
                text: text.into(),
                ..Default::default()
            },
            &Options::default(),
        );
        extract_claims(&mut doc);
        doc.claims
            .iter()
            .map(|c| {
                (
                    c.source.clone(),
                    c.cue_span
                        .map(|s| s.slice(&doc.text).to_owned())
                        .unwrap_or_default(),
                    c.content.slice(&doc.text).to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn quote_then_said_name_then_pronoun() {
        let got = claims("“Syrian soldiers were able to radically change the situation,” said Major-General Igor Konashenkov, a spokesman for the Russian Defense Ministry.\n“Half of the territory has been liberated,” he said.");
        assert_eq!(
            got[0],
            (
                "Igor Konashenkov".into(),
                "said".into(),
                "Syrian soldiers were able to radically change the situation,".into()
            )
        );
        assert_eq!(
            got[1],
            (
                "Igor Konashenkov".into(),
                "said".into(),
                "Half of the territory has been liberated,".into()
            )
        );
    }

    #[test]
    fn name_said_colon_quote() {
        let got = claims("Peskov said: \"The militants are free to leave.\"");
        assert_eq!(
            got,
            [(
                "Peskov".into(),
                "said".into(),
                "The militants are free to leave.".into()
            )]
        );
    }

    #[test]
    fn role_then_name_then_cue() {
        let got = claims("“52 districts of eastern Aleppo have been freed,” Russian Defense Ministry official Sergei Rudskoi said on Friday.");
        assert_eq!(got[0].0, "Sergei Rudskoi");
    }

    #[test]
    fn scare_quotes_are_not_claims() {
        assert!(claims("France called for a “ceasefire” in Aleppo.").is_empty());
    }
}
