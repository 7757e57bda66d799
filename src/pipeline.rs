//! The pipeline: runs the stages on each document, in parallel over documents, and gathers the
//! tables in input order. The order of the stages lives here and nowhere else; the order of a
//! batch (runs of documents, then the link step) is [`crate::batch`]'s.
//!
//! Each document runs under `catch_unwind`: a panic in any stage becomes that document's
//! `error`, and the other documents are unaffected. Reading input is [`crate::io`]'s; the
//! pipeline calls it and re-exports it, and re-exports the link step ([`crate::link`]) for
//! the old paths.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::attribution::extract_claims_with;
use crate::document::{Document, RawDocument, Span};
use crate::error::Error;
use crate::io::{read_file, FileInput};
use crate::options::Options;
use crate::parse::parse_document;
use crate::quantity::extract_quantities_with;
use crate::table::Tables;
use crate::time::{find_time_expressions, resolve_date};

/// Runs every stage on one document. Never panics: a failure becomes `Document::error`.
pub fn extract_document(raw: &RawDocument, options: &Options) -> Document {
    let failed = |error: String| Document {
        id: raw.id.clone(),
        path: raw.path.clone(),
        warnings: raw.warnings.clone(),
        error: Some(error),
        ..Document::default()
    };
    if let Some(error) = &raw.error {
        return failed(error.clone());
    }
    if options.max_document_bytes > 0 && raw.text.len() > options.max_document_bytes {
        return failed(format!(
            "document is {} bytes, more than the limit of {} bytes",
            raw.text.len(),
            options.max_document_bytes
        ));
    }
    match catch_unwind(AssertUnwindSafe(|| run_stages(raw, options))) {
        Ok(doc) => doc,
        Err(panic) => {
            let reason = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            failed(format!("internal error while extracting: {reason}"))
        }
    }
}

fn run_stages(raw: &RawDocument, options: &Options) -> Document {
    let mut doc = parse_document(raw, options);
    extract_claims_with(&mut doc, options.lexicon(), options.disabled_rules);
    drop_short_quotes(&mut doc, options.min_quote_words);
    extract_quantities_with(&mut doc, options.implied_quantities, options.disabled_rules);
    // One scan of the whole text for time expressions; claims and quantities look theirs up by
    // sentence. (Scanning the sentence again per claim was 21% of all instructions.)
    doc.time_expressions = find_time_expressions(&doc.text, Span::new(0, doc.text.len()));
    link_quantities_to_claims(&mut doc);
    resolve_claim_dates(&mut doc);
    date_quantities(&mut doc);
    doc
}

/// Drops direct quotations of fewer than `min_words` words (`Options::min_quote_words`;
/// words split at white space, as the attribution stage counts them), before anything refers
/// to claims by index.
fn drop_short_quotes(doc: &mut Document, min_words: usize) {
    if min_words == 0 {
        return;
    }
    let text = &doc.text;
    doc.claims.retain(|c| {
        c.kind != crate::document::ClaimKind::Direct
            || c.content.slice(text).split_whitespace().count() >= min_words
    });
}

/// How many claims before a quantity are checked for holding it; claims overlap little, so a
/// few suffice and linking stays linear in the number of quantities.
const CLAIMS_LOOKBACK: usize = 8;

/// A quantity belongs to the claim whose content holds it ("93 percent" in Russia's claim).
fn link_quantities_to_claims(doc: &mut Document) {
    let mut by_start: Vec<(usize, usize)> = doc
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.content.byte_start, i))
        .collect();
    by_start.sort_unstable();
    for q in &mut doc.quantities {
        let upto = by_start.partition_point(|(start, _)| *start < q.span.byte_end);
        q.claim = by_start[upto.saturating_sub(CLAIMS_LOOKBACK)..upto]
            .iter()
            .map(|(_, i)| *i)
            .filter(|i| doc.claims[*i].content.overlaps(q.span))
            .min();
    }
}

/// Time expressions of the document that lie inside `span`.
fn time_expressions_in(doc: &Document, span: Span) -> &[Span] {
    let from = doc
        .time_expressions
        .partition_point(|t| t.byte_start < span.byte_start);
    let to = doc
        .time_expressions
        .partition_point(|t| t.byte_start < span.byte_end);
    &doc.time_expressions[from..to]
}

/// A claim's date is the time expression of its sentence that lies outside its content and
/// nearest its cue ("..., Sergei Rudskoi said in comments broadcast on state television on
/// Friday"), unless the attribution stage already set one. Then every date is resolved against
/// the publication date.
fn resolve_claim_dates(doc: &mut Document) {
    let published = doc.published.map(|p| p.date());
    let mut claims = std::mem::take(&mut doc.claims);
    for claim in &mut claims {
        if claim.date_span.is_none() {
            let sentence = doc.sentences[claim.sentence].span;
            let anchor = claim.cue_span.unwrap_or(claim.span).byte_start;
            claim.date_span = time_expressions_in(doc, sentence)
                .iter()
                .copied()
                .filter(|t| !claim.content.overlaps(*t))
                .min_by_key(|t| t.byte_start.abs_diff(anchor));
        }
        if let Some(span) = claim.date_span {
            claim.date = resolve_date(span.slice(&doc.text), published).map(|d| d.to_string());
        }
    }
    doc.claims = claims;
}

/// A quantity's date is its claim's date; failing that, the date of the first time expression
/// of its sentence that resolves ("Over the past 24 hours, 1,200 civilians fled" -> the
/// publication date, see `time::resolve_date`).
fn date_quantities(doc: &mut Document) {
    let published = doc.published.map(|p| p.date());
    let mut by_sentence: Vec<Option<Option<String>>> = vec![None; doc.sentences.len()];
    let mut quantities = std::mem::take(&mut doc.quantities);
    for q in &mut quantities {
        let claim_date = q.claim.and_then(|c| doc.claims[c].date.clone());
        q.date = claim_date.or_else(|| {
            by_sentence[q.sentence]
                .get_or_insert_with(|| {
                    time_expressions_in(doc, doc.sentences[q.sentence].span)
                        .iter()
                        .find_map(|t| resolve_date(t.slice(&doc.text), published))
                        .map(|d| d.to_string())
                })
                .clone()
        });
    }
    doc.quantities = quantities;
}

/// The tables of `raws` without the batch-level steps (`cluster_id`, `source_id` and `sources`
/// stay empty), one documents row per input, in input order: one run of a
/// [`crate::batch::Batch`], which appends its runs and links them once (`extract_batch`).
/// `jobs` caps the threads (a dedicated pool); `None` uses all cores, or the pool it runs on.
pub fn extract_documents(
    raws: &[RawDocument],
    options: &Options,
    jobs: Option<usize>,
) -> Result<Tables, Error> {
    extract_each(raws, jobs, None, |raw| extract_document(raw, options))
}

/// [`extract_documents`] on the caller's threads that gives up when `stop` is set: the
/// documents not yet begun are skipped (each thread looks at `stop` before each document) and
/// the result is [`Error::is_interrupted`]. For a caller that must stop soon on request (the
/// Python binding sets it on Ctrl-C).
pub fn extract_documents_until(
    raws: &[RawDocument],
    options: &Options,
    stop: &AtomicBool,
) -> Result<Tables, Error> {
    extract_each(raws, None, Some(stop), |raw| extract_document(raw, options))
}

/// [`extract_file_documents`] that gives up when `stop` is set, as
/// [`extract_documents_until`].
pub fn extract_file_documents_until(
    files: &[FileInput],
    options: &Options,
    stop: &AtomicBool,
) -> Result<Tables, Error> {
    extract_each(files, None, Some(stop), |file| {
        extract_document(&read_file(file), options)
    })
}

/// [`extract_documents`] over files: each is read and decoded inside the parallel loop. A file
/// that cannot be read becomes a documents row with its `error`.
pub fn extract_file_documents(
    files: &[FileInput],
    options: &Options,
    jobs: Option<usize>,
) -> Result<Tables, Error> {
    extract_each(files, jobs, None, |file| {
        extract_document(&read_file(file), options)
    })
}

/// Turns each input into a document in parallel; the tables of the runs of documents the
/// threads take are concatenated in input order, so the result does not depend on `jobs`.
/// Once `stop` is set, the documents not yet begun are skipped and the call is interrupted.
fn extract_each<T: Sync>(
    inputs: &[T],
    jobs: Option<usize>,
    stop: Option<&AtomicBool>,
    document: impl Fn(&T) -> Document + Sync + Send,
) -> Result<Tables, Error> {
    let stopped = || stop.is_some_and(|s| s.load(Ordering::Relaxed));
    let tables = in_pool(jobs, || {
        // One table per run of documents that a thread takes in one go, not one per document:
        // a table's columns each allocate and grow; `collect` keeps the runs in input order.
        let runs: Vec<Tables> = inputs
            .par_iter()
            .fold(Tables::default, |mut t, input| {
                if !stopped() {
                    t.push_document(&document(input));
                }
                t
            })
            .collect();
        Tables::concat(runs)
    })?;
    if stopped() {
        return Err(Error::interrupted());
    }
    Ok(tables)
}

/// The process that first used rayon's global pool. A child forked after that has no pool
/// threads (fork copies only the calling thread) and would wait on them forever, so it gets a
/// dedicated pool instead; this needs no `pthread_atfork` hook.
static GLOBAL_POOL_OWNER: OnceLock<u32> = OnceLock::new();

fn in_pool<T: Send>(jobs: Option<usize>, work: impl FnOnce() -> T + Send) -> Result<T, Error> {
    if jobs.is_none() && rayon::current_thread_index().is_some() {
        // Already on a pool's thread (inside `Workers::run`): that pool.
        return Ok(work());
    }
    Ok(Workers::new(jobs)?.run(work))
}

/// Threads for many pipeline calls, built once: the Python binding makes one call per chunk of
/// its input, and a pool of `jobs` threads built for each call would start its threads again
/// every time (on 16 cores an estimated few percent of a 2 MiB chunk's time; not measured).
pub struct Workers(Option<rayon::ThreadPool>);

impl Workers {
    /// `jobs` threads of their own, or (`None`) rayon's global pool of one thread per core;
    /// `Some(0)` is an error.
    pub fn new(jobs: Option<usize>) -> Result<Self, Error> {
        let pid = std::process::id();
        let jobs = match jobs {
            None if *GLOBAL_POOL_OWNER.get_or_init(|| pid) != pid => {
                Some(std::thread::available_parallelism().map_or(1, |n| n.get()))
            }
            other => other,
        };
        match jobs {
            None => Ok(Workers(None)),
            Some(0) => Err(Error::invalid_option("jobs", "must be at least 1")),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map(|pool| Workers(Some(pool)))
                .map_err(|e| Error::invalid_option("jobs", e.to_string())),
        }
    }

    /// Runs `work` on these threads; the [`extract_documents`] and [`extract_file_documents`]
    /// calls it makes with `jobs = None` run on them.
    pub fn run<T: Send>(&self, work: impl FnOnce() -> T + Send) -> T {
        match &self.0 {
            None => work(),
            Some(pool) => pool.install(work),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::raw_from_text;

    #[test]
    fn min_quote_words_drops_short_direct_quotes_before_quantities_link() {
        let text = "“Lies and more lies,” said Zakharova. Lavrov said: “We hold 93 percent of the city and will hold it.”";
        let raw = raw_from_text("z".into(), text.into(), None, None);
        let all = extract_document(&raw, &Options::default());
        assert_eq!(all.claims.len(), 2);
        let options = Options {
            min_quote_words: 5,
            ..Options::default()
        };
        let long = extract_document(&raw, &options);
        assert_eq!(long.claims.len(), 1);
        assert_eq!(long.claims[0].source, "Lavrov");
        // The quantity links to the remaining claim, now at index 0.
        let q = long
            .quantities
            .iter()
            .find(|q| q.span.slice(&long.text) == "93 percent");
        assert_eq!(q.unwrap().claim, Some(0));
    }

    #[test]
    fn oversized_and_unreadable_inputs_become_errors() {
        let options = Options {
            max_document_bytes: 10,
            ..Options::default()
        };
        let doc = extract_document(
            &raw_from_text("a".into(), "x".repeat(11), None, None),
            &options,
        );
        assert!(doc
            .error
            .unwrap()
            .contains("more than the limit of 10 bytes"));
        let missing = read_file(&FileInput {
            path: "/no/such/file.txt".into(),
            id: "f".into(),
            published: None,
        });
        assert!(missing
            .error
            .unwrap()
            .starts_with("cannot read /no/such/file.txt"));
        let dir = read_file(&FileInput {
            path: "/dev/null".into(),
            id: "d".into(),
            published: None,
        });
        assert_eq!(
            dir.error.as_deref(),
            Some("cannot read /dev/null: not a regular file")
        );
    }

    #[test]
    fn a_set_stop_skips_the_documents_and_interrupts() {
        let raws: Vec<RawDocument> = (0..50)
            .map(|i| {
                raw_from_text(
                    i.to_string(),
                    "Lavrov said: “Talks go on.”".into(),
                    None,
                    None,
                )
            })
            .collect();
        let options = Options::default();
        let go = AtomicBool::new(false);
        let all = extract_documents_until(&raws, &options, &go).expect("not stopped");
        assert_eq!(all.documents.doc_id.len(), 50);
        let stop = AtomicBool::new(true);
        let err = extract_documents_until(&raws, &options, &stop).expect_err("stopped");
        assert!(err.is_interrupted(), "{err}");
        let files = [FileInput {
            path: "no/such/file.txt".into(),
            id: "x".into(),
            published: None,
        }];
        let err = extract_file_documents_until(&files, &options, &stop).expect_err("stopped");
        assert!(err.is_interrupted());
    }
}
