//! Column builders: each output table as a struct of `Vec`s, filled one document at a time and
//! concatenated in input order. Offsets here are **character** offsets (Python `str` indices),
//! converted from the documents' byte spans once per document.

use crate::document::{Document, Span};
use crate::lexicon::cues::cue_lemma;

/// Converts byte offsets of one text into character offsets.
pub struct CharOffsets {
    /// `Some(table)` maps each byte offset to its char offset; `None` means ASCII (identity).
    table: Option<Vec<u32>>,
}

impl CharOffsets {
    /// Prepares conversion for `text` (free for ASCII text).
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharOffsets { table: None };
        }
        // One pass over the bytes: every byte that is no UTF-8 continuation byte (0x80..=0xBF,
        // i.e. below -0x40 as i8) starts a char. (A loop over `char_indices` writing each
        // char's bytes was 26M instructions on seeds + 200 PolNeAR texts.)
        let mut table = vec![0u32; text.len() + 1];
        let mut started = 0u32;
        for (slot, &b) in table.iter_mut().zip(text.as_bytes()) {
            started += u32::from((b as i8) >= -0x40);
            *slot = started - 1;
        }
        table[text.len()] = started;
        CharOffsets { table: Some(table) }
    }
    /// The char offset of byte offset `byte`.
    pub fn char_at(&self, byte: usize) -> i64 {
        match &self.table {
            None => byte as i64,
            Some(t) => t[byte] as i64,
        }
    }
}

/// The `documents` table.
#[derive(Debug, Default, Clone)]
#[allow(missing_docs)]
pub struct DocumentsTable {
    pub doc_id: Vec<String>,
    pub path: Vec<Option<String>>,
    pub title: Vec<Option<String>>,
    pub published: Vec<Option<String>>,
    pub text: Vec<String>,
    pub n_sentences: Vec<i64>,
    pub n_claims: Vec<i64>,
    pub n_quantities: Vec<i64>,
    pub warnings: Vec<Option<String>>,
    pub error: Vec<Option<String>>,
}

/// The `claims` table; `claim_id` numbers claims within their document from 0.
#[derive(Debug, Default, Clone)]
#[allow(missing_docs)]
pub struct ClaimsTable {
    pub doc_id: Vec<String>,
    pub claim_id: Vec<i64>,
    pub sentence_id: Vec<i64>,
    pub kind: Vec<&'static str>,
    pub source: Vec<Option<String>>,
    pub source_text: Vec<Option<String>>,
    pub source_role: Vec<Option<String>>,
    pub cue: Vec<Option<String>>,
    pub cue_lemma: Vec<Option<&'static str>>,
    pub content: Vec<String>,
    pub via: Vec<Option<String>>,
    pub hedge: Vec<Option<String>>,
    pub date_text: Vec<Option<String>>,
    pub date: Vec<Option<String>>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    pub content_start: Vec<i64>,
    pub content_end: Vec<i64>,
    /// Set for the whole batch by `pipeline` (see `cluster`); `None` per document.
    pub cluster_id: Vec<Option<i64>>,
    /// The claim's row in `sources`; filled by the pipeline once the batch is complete.
    pub source_id: Vec<Option<i64>>,
}

/// The `quantities` table; `quantity_id` numbers quantities within their document from 0.
#[derive(Debug, Default, Clone)]
#[allow(missing_docs)]
pub struct QuantitiesTable {
    pub doc_id: Vec<String>,
    pub quantity_id: Vec<i64>,
    pub claim_id: Vec<Option<i64>>,
    pub sentence_id: Vec<i64>,
    pub text: Vec<String>,
    pub value: Vec<Option<f64>>,
    pub low: Vec<Option<f64>>,
    pub high: Vec<Option<f64>>,
    pub qualifier: Vec<&'static str>,
    pub unit: Vec<String>,
    pub counted: Vec<Option<String>>,
    pub direction: Vec<Option<&'static str>>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    pub date: Vec<Option<String>>,
}

/// The `sentences` table.
#[derive(Debug, Default, Clone)]
#[allow(missing_docs)]
pub struct SentencesTable {
    pub doc_id: Vec<String>,
    pub sentence_id: Vec<i64>,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    pub text: Vec<String>,
    pub is_caption: Vec<bool>,
}

/// The `sources` table: one row per real-world source of a batch (see `identity`).
#[derive(Debug, Default, Clone)]
#[allow(missing_docs)]
pub struct SourcesTable {
    pub source_id: Vec<i64>,
    pub name: Vec<String>,
    pub r#type: Vec<&'static str>,
    pub aliases: Vec<String>,
    pub roles: Vec<Option<String>>,
    pub documents: Vec<i64>,
    pub claims: Vec<i64>,
}

/// All output tables of a run.
#[derive(Debug, Default, Clone)]
#[allow(missing_docs)]
pub struct Tables {
    pub documents: DocumentsTable,
    pub claims: ClaimsTable,
    pub quantities: QuantitiesTable,
    pub sentences: SentencesTable,
    /// Built for the whole batch after the per-document tables are gathered.
    pub sources: SourcesTable,
}

fn opt_slice(span: Option<Span>, text: &str) -> Option<String> {
    span.map(|s| s.slice(text).to_owned())
}

impl Tables {
    /// Appends one document's rows to every table.
    pub fn push_document(&mut self, doc: &Document) {
        let text = doc.text.as_str();
        let chars = CharOffsets::new(text);
        let d = &mut self.documents;
        d.doc_id.push(doc.id.clone());
        d.path.push(doc.path.clone());
        d.title.push(doc.title.clone());
        d.published.push(
            doc.published
                .map(|p| p.format("%Y-%m-%dT%H:%M:%S").to_string()),
        );
        d.text.push(doc.text.clone());
        d.n_sentences.push(doc.sentences.len() as i64);
        d.n_claims.push(doc.claims.len() as i64);
        d.n_quantities.push(doc.quantities.len() as i64);
        d.warnings
            .push((!doc.warnings.is_empty()).then(|| doc.warnings.join("; ")));
        d.error.push(doc.error.clone());

        let c = &mut self.claims;
        for (i, claim) in doc.claims.iter().enumerate() {
            c.doc_id.push(doc.id.clone());
            c.claim_id.push(i as i64);
            c.sentence_id.push(claim.sentence as i64);
            c.kind.push(claim.kind.as_str());
            // No source known (an unresolved "he", an impression): null, not the pronoun.
            c.source
                .push((!claim.source.is_empty()).then(|| claim.source.clone()));
            c.source_text.push(opt_slice(claim.source_span, text));
            c.source_role.push(claim.source_role.clone());
            let cue = opt_slice(claim.cue_span, text);
            c.cue_lemma.push(cue.as_deref().and_then(|w| {
                cue_lemma(
                    &w.to_lowercase()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            }));
            c.cue.push(cue);
            c.content.push(claim.content.slice(text).to_owned());
            c.via.push(claim.via.clone());
            c.hedge.push(claim.hedge.clone());
            c.date_text.push(opt_slice(claim.date_span, text));
            c.date.push(claim.date.clone());
            c.start.push(chars.char_at(claim.span.byte_start));
            c.end.push(chars.char_at(claim.span.byte_end));
            c.content_start
                .push(chars.char_at(claim.content.byte_start));
            c.content_end.push(chars.char_at(claim.content.byte_end));
            // Repeats are found across documents, once the batch is complete.
            c.cluster_id.push(None);
            c.source_id.push(None);
        }

        let q = &mut self.quantities;
        for (i, quantity) in doc.quantities.iter().enumerate() {
            q.doc_id.push(doc.id.clone());
            q.quantity_id.push(i as i64);
            q.claim_id.push(quantity.claim.map(|c| c as i64));
            q.sentence_id.push(quantity.sentence as i64);
            q.text.push(quantity.span.slice(text).to_owned());
            q.value.push(quantity.value);
            q.low.push(quantity.low);
            q.high.push(quantity.high);
            q.qualifier.push(quantity.qualifier.as_str());
            q.unit.push(quantity.unit.clone());
            q.counted.push(quantity.counted.clone());
            q.direction.push(quantity.direction);
            q.start.push(chars.char_at(quantity.span.byte_start));
            q.end.push(chars.char_at(quantity.span.byte_end));
            q.date.push(quantity.date.clone());
        }

        let s = &mut self.sentences;
        for (i, sentence) in doc.sentences.iter().enumerate() {
            s.doc_id.push(doc.id.clone());
            s.sentence_id.push(i as i64);
            s.start.push(chars.char_at(sentence.span.byte_start));
            s.end.push(chars.char_at(sentence.span.byte_end));
            s.text.push(sentence.span.slice(text).to_owned());
            s.is_caption.push(sentence.is_caption);
        }
    }

    /// Appends all rows of `other` after this table's rows.
    pub fn append(&mut self, other: Tables) {
        macro_rules! extend {
            ($table:ident: $($col:ident),*) => { $( self.$table.$col.extend(other.$table.$col); )* };
        }
        extend!(documents: doc_id, path, title, published, text, n_sentences, n_claims, n_quantities, warnings, error);
        extend!(claims: doc_id, claim_id, sentence_id, kind, source, source_text, source_role, cue, cue_lemma, content, via, hedge, date_text, date, start, end, content_start, content_end, cluster_id, source_id);
        extend!(quantities: doc_id, quantity_id, claim_id, sentence_id, text, value, low, high, qualifier, unit, counted, direction, start, end, date);
        extend!(sentences: doc_id, sentence_id, start, end, text, is_caption);
        // Source ids are per batch: after appending batches, `pipeline::identify_sources` unifies them.
        extend!(sources: source_id, name, r#type, aliases, roles, documents, claims);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_for_non_ascii() {
        let text = "“é” 😀 ok";
        let chars = CharOffsets::new(text);
        let ok = text.find("ok").unwrap();
        assert_eq!(chars.char_at(ok), 6);
        assert_eq!(chars.char_at(text.len()), 8);
        assert_eq!(CharOffsets::new("ascii").char_at(3), 3);
    }

    #[test]
    fn char_offsets_agree_with_char_indices() {
        let text = "Assad’s “forces” took 93% of Aleppo — 1½ km², 😀 said Zoë.";
        let chars = CharOffsets::new(text);
        for (n, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(chars.char_at(byte), n as i64, "byte {byte}");
        }
        assert_eq!(chars.char_at(text.len()), text.chars().count() as i64);
    }
}
