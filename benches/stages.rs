//! Per-stage micro-benchmarks: parse, attribution and quantity, each timed on its own over real
//! articles, so that a regression shows up in the function that caused it.
//!
//! ```text
//! cargo bench --bench stages                       # ../shared beside the repo
//! NEWSCLAIMS_SHARED=/path/to/shared cargo bench --bench stages
//! ```
//!
//! Corpora: the five seed articles (`seeds/`, always there) and the first 200 PolNeAR texts of
//! `$NEWSCLAIMS_SHARED/eval/polnear/dev.jsonl` (default `../shared` relative to the repo root),
//! read at run time and never copied into the repo. Without the shared folder the PolNeAR
//! benchmarks are skipped with a message. Each stage gets the input the pipeline gives it: parse
//! takes the raw text, attribution a parsed document, quantity a parsed and attributed one; the
//! inputs are built outside the timing. Throughput is counted in bytes of raw text.
//!
//! These are benchmarks, not tests: nothing here asserts a time.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::Bencher;
use newsclaims::attribution::extract_claims;
use newsclaims::parse::parse_document;
use newsclaims::quantity::extract_quantities;
use newsclaims::{raw_from_text, Document, Options, RawDocument};

/// Documents taken from the PolNeAR file: enough for a stable figure (about 1 MB), few enough
/// for divan's 100 samples to finish in seconds.
const POLNEAR_DOCS: usize = 200;

fn main() {
    if POLNEAR.is_none() {
        eprintln!(
            "stages: {} not found; benchmarking the seeds only (set NEWSCLAIMS_SHARED to the shared folder)",
            polnear_path().display()
        );
    }
    divan::main();
}

fn shared_dir() -> PathBuf {
    std::env::var_os("NEWSCLAIMS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn polnear_path() -> PathBuf {
    shared_dir().join("eval/polnear/dev.jsonl")
}

static SEEDS: LazyLock<Vec<RawDocument>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds/ is part of the repo")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let id = f.file_stem().unwrap().to_string_lossy().into_owned();
            raw_from_text(id, std::fs::read_to_string(f).unwrap(), None, None)
        })
        .collect()
});

static POLNEAR: LazyLock<Option<Vec<RawDocument>>> = LazyLock::new(|| {
    let body = std::fs::read_to_string(polnear_path()).ok()?;
    let docs = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(POLNEAR_DOCS)
        .filter_map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            let text = v.get("text")?.as_str()?.to_owned();
            let id = v.get("doc_id")?.as_str()?.to_owned();
            let date = v
                .get("publication_date")
                .and_then(|d| d.as_str())
                .map(str::to_owned);
            Some(raw_from_text(id, text, date, None))
        })
        .collect();
    Some(without_failures(docs))
});

/// Drops the documents on which the pipeline fails (a stage panics), so that one bug does not
/// stop every benchmark; says how many were dropped, since the figures then cover fewer bytes.
fn without_failures(raws: Vec<RawDocument>) -> Vec<RawDocument> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let n = raws.len();
    let kept: Vec<RawDocument> = raws
        .into_iter()
        .filter(|r| {
            newsclaims::extract_document(r, &Options::default())
                .error
                .is_none()
        })
        .collect();
    std::panic::set_hook(hook);
    if kept.len() < n {
        eprintln!(
            "stages: left out {} of {n} PolNeAR documents on which the pipeline fails",
            n - kept.len()
        );
    }
    kept
}

fn corpora() -> Vec<&'static str> {
    let mut names = vec!["seeds"];
    if POLNEAR.is_some() {
        names.push("polnear");
    }
    names
}

fn raws(corpus: &str) -> &'static [RawDocument] {
    match corpus {
        "seeds" => &SEEDS,
        _ => POLNEAR.as_deref().expect("listed only when present"),
    }
}

fn bytes(raws: &[RawDocument]) -> BytesCount {
    BytesCount::new(raws.iter().map(|r| r.text.len()).sum::<usize>())
}

fn parsed(raws: &[RawDocument]) -> Vec<Document> {
    let options = Options::default();
    raws.iter().map(|r| parse_document(r, &options)).collect()
}

/// Raw text to paragraphs and sentences.
#[divan::bench(args = corpora())]
fn parse(bencher: Bencher, corpus: &str) {
    let raws = raws(corpus);
    let options = Options::default();
    bencher.counter(bytes(raws)).bench_local(|| {
        raws.iter()
            .map(|r| parse_document(divan::black_box(r), &options))
            .collect::<Vec<_>>()
    });
}

/// Parsed documents to claims.
#[divan::bench(args = corpora())]
fn attribution(bencher: Bencher, corpus: &str) {
    let raws = raws(corpus);
    let input = parsed(raws);
    bencher
        .counter(bytes(raws))
        .with_inputs(|| input.clone())
        .bench_local_refs(|docs| docs.iter_mut().for_each(extract_claims));
}

/// Parsed and attributed documents to quantities.
#[divan::bench(args = corpora())]
fn quantity(bencher: Bencher, corpus: &str) {
    let raws = raws(corpus);
    let mut input = parsed(raws);
    input.iter_mut().for_each(extract_claims);
    bencher
        .counter(bytes(raws))
        .with_inputs(|| input.clone())
        .bench_local_refs(|docs| docs.iter_mut().for_each(extract_quantities));
}

/// All stages, one thread: `extract_document` as the pipeline runs it per document.
#[divan::bench(args = corpora())]
fn pipeline(bencher: Bencher, corpus: &str) {
    let raws = raws(corpus);
    let options = Options::default();
    bencher.counter(bytes(raws)).bench_local(|| {
        raws.iter()
            .map(|r| newsclaims::extract_document(divan::black_box(r), &options))
            .collect::<Vec<_>>()
    });
}
