//! Runs the pipeline over a fixed corpus read at run time: the program behind the callgrind
//! instruction count (`bench/instructions.sh`) and the per-stage timings of `bench/run.py`.
//!
//! ```text
//! cargo run --release --example corpus -- [--stages] [--jobs 1,2,0] [--repeat N] [--limit N] INPUT...
//! ```
//!
//! An INPUT is a `.txt` file, a directory (its `.txt` files, sorted) or a JSON Lines file whose
//! lines carry `text` and optionally `doc_id`/`id` and `publication_date`/`published` (the
//! PolNeAR and bench/run.py formats). `--limit N` keeps the first N documents of each JSON Lines
//! file. Without `--stages` the whole pipeline runs once at the first `--jobs` value and one line
//! of counts is printed (what callgrind measures). With `--stages` each stage (parse, attribution,
//! quantity), all per-document stages together (`documents`: also dates and table rows), the
//! batch-level steps alone (`link`: repeats and source ids over all claims) and the whole
//! pipeline are timed separately at every `--jobs` value (0 = all cores), best of `--repeat`
//! runs, and one JSON line per measurement is printed.
//!
//! `NEWSCLAIMS_DUMP=FILE` also writes every table to FILE (to diff outputs across a change).
//!
//! It reads no data of its own: the corpus lives in ../shared and is never copied into the repo.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

use newsclaims::attribution::extract_claims;
use newsclaims::parse::parse_document;
use newsclaims::quantity::extract_quantities;
use newsclaims::{
    extract_batch, extract_documents, link_batch, raw_from_text, Document, Options, RawDocument,
};
use rayon::prelude::*;

struct Args {
    stages: bool,
    jobs: Vec<usize>,
    repeat: usize,
    limit: Option<usize>,
    inputs: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        stages: false,
        jobs: vec![1],
        repeat: 3,
        limit: None,
        inputs: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--stages" => args.stages = true,
            "--jobs" => {
                args.jobs = value("--jobs")?
                    .split(',')
                    .map(|j| {
                        j.trim()
                            .parse()
                            .map_err(|_| format!("bad --jobs value {j:?}"))
                    })
                    .collect::<Result<_, _>>()?
            }
            "--repeat" => {
                args.repeat = value("--repeat")?
                    .parse()
                    .map_err(|_| "bad --repeat".to_owned())?
            }
            "--limit" => {
                args.limit = Some(
                    value("--limit")?
                        .parse()
                        .map_err(|_| "bad --limit".to_owned())?,
                )
            }
            "-h" | "--help" => return Err(String::new()),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => args.inputs.push(a),
        }
    }
    if args.inputs.is_empty() {
        return Err("no INPUT given".to_owned());
    }
    Ok(args)
}

fn read_inputs(args: &Args) -> Result<Vec<RawDocument>, String> {
    let mut raws = Vec::new();
    for input in &args.inputs {
        let path = Path::new(input);
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| format!("cannot read {input}: {e}"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            for f in files {
                raws.push(read_text_file(&f)?);
            }
        } else if input.ends_with(".jsonl") {
            let body =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {input}: {e}"))?;
            let lines = body.lines().filter(|l| !l.trim().is_empty());
            for (i, line) in lines.take(args.limit.unwrap_or(usize::MAX)).enumerate() {
                let v: serde_json::Value = serde_json::from_str(line)
                    .map_err(|e| format!("{input} line {}: {e}", i + 1))?;
                let field = |names: &[&str]| {
                    names
                        .iter()
                        .find_map(|n| v.get(*n).and_then(|x| x.as_str()).map(str::to_owned))
                };
                let text = field(&["text"]).ok_or(format!("{input} line {}: no text", i + 1))?;
                let id = field(&["doc_id", "id"]).unwrap_or_else(|| i.to_string());
                raws.push(raw_from_text(
                    id,
                    text,
                    field(&["publication_date", "published"]),
                    None,
                ));
            }
        } else {
            raws.push(read_text_file(path)?);
        }
    }
    Ok(raws)
}

fn read_text_file(path: &Path) -> Result<RawDocument, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(raw_from_text(id, text, None, None))
}

/// Runs `work` in a pool of `jobs` threads (0: all cores), `repeat` times; the best time.
fn best_of<T>(jobs: usize, repeat: usize, mut work: impl FnMut() -> T + Send) -> f64
where
    T: Send,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .expect("thread pool");
    pool.install(|| {
        (0..repeat.max(1))
            .map(|_| {
                let t0 = Instant::now();
                std::hint::black_box(work());
                t0.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    })
}

fn report(stage: &str, jobs: usize, threads: usize, docs: usize, bytes: usize, seconds: f64) {
    println!(
        "{{\"stage\": \"{stage}\", \"jobs\": {jobs}, \"threads\": {threads}, \"docs\": {docs}, \"bytes\": {bytes}, \"seconds\": {seconds:.6}, \"docs_per_s\": {:.1}, \"mb_per_s\": {:.3}}}",
        docs as f64 / seconds,
        bytes as f64 / 1e6 / seconds
    );
}

fn run_stages(raws: &[RawDocument], args: &Args) {
    let options = Options::default();
    let bytes: usize = raws.iter().map(|r| r.text.len()).sum();
    let n = raws.len();
    // Each stage reads what the earlier ones left, as in pipeline.rs; the inputs of a stage are
    // made once, outside its timing, and cloned per run (the clone is timed for no stage). A
    // document on which a stage panics is caught, as the pipeline does, and counted.
    let parsed: Vec<Document> = raws.par_iter().map(|r| parse_one(r, &options)).collect();
    let mut attributed = parsed.clone();
    attributed
        .par_iter_mut()
        .for_each(|d| guarded(d, extract_claims));
    let failed = |docs: &[Document]| docs.iter().filter(|d| d.error.is_some()).count();
    eprintln!(
        "corpus: {n} documents; a stage panicked on {} in parse, {} more in attribution",
        failed(&parsed),
        failed(&attributed) - failed(&parsed)
    );
    for &jobs in &args.jobs {
        let threads = if jobs == 0 {
            rayon::current_num_threads()
        } else {
            jobs
        };
        let t = best_of(jobs, args.repeat, || {
            raws.par_iter()
                .map(|r| parse_one(r, &options))
                .collect::<Vec<_>>()
        });
        report("parse", jobs, threads, n, bytes, t);
        let t = timed_mut(jobs, args.repeat, &parsed, extract_claims);
        report("attribution", jobs, threads, n, bytes, t);
        let t = timed_mut(jobs, args.repeat, &attributed, extract_quantities);
        report("quantity", jobs, threads, n, bytes, t);
        let t = best_of(jobs, args.repeat, || {
            extract_documents(raws, &options, None).expect("extract_documents")
        });
        report("documents", jobs, threads, n, bytes, t);
        // The batch-level steps (repeats and source ids over all claims) on one output.
        let unlinked = extract_documents(raws, &options, Some(threads)).expect("extract_documents");
        let mut best = f64::INFINITY;
        for _ in 0..args.repeat.max(1) {
            let mut tables = unlinked.clone();
            best = best.min(best_of(jobs, 1, || link_batch(&mut tables)));
        }
        report("link", jobs, threads, n, bytes, best);
        let t = best_of(jobs, args.repeat, || {
            extract_batch(raws, &options, None).expect("extract_batch")
        });
        report("pipeline", jobs, threads, n, bytes, t);
    }
}

/// `parse_document`, a panic caught and recorded as the document's error.
fn parse_one(raw: &RawDocument, options: &Options) -> Document {
    catch_unwind(AssertUnwindSafe(|| parse_document(raw, options))).unwrap_or_else(|_| Document {
        error: Some("parse panicked".to_owned()),
        ..Document::default()
    })
}

/// Runs `stage` on a document that has not failed yet, a panic caught and recorded.
fn guarded(doc: &mut Document, stage: fn(&mut Document)) {
    if doc.error.is_none() && catch_unwind(AssertUnwindSafe(|| stage(doc))).is_err() {
        doc.error = Some("stage panicked".to_owned());
    }
}

/// Best time of `stage` over fresh clones of `input`, in a pool of `jobs` threads.
fn timed_mut(jobs: usize, repeat: usize, input: &[Document], stage: fn(&mut Document)) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..repeat.max(1) {
        let mut docs = input.to_vec();
        let t = best_of(jobs, 1, || {
            docs.par_iter_mut().for_each(|d| guarded(d, stage))
        });
        best = best.min(t);
    }
    best
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("corpus: {e}");
            }
            eprintln!("usage: corpus [--stages] [--jobs 1,2,0] [--repeat N] [--limit N] INPUT...");
            std::process::exit(2);
        }
    };
    // Panics are caught per document and counted (see `guarded`); the default hook's message
    // for each would be timed and counted by callgrind as if it were extraction.
    std::panic::set_hook(Box::new(|_| {}));
    let raws = match read_inputs(&args) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("corpus: {e}");
            std::process::exit(1);
        }
    };
    if args.stages {
        run_stages(&raws, &args);
        return;
    }
    let jobs = args.jobs[0];
    let tables = extract_batch(&raws, &Options::default(), (jobs > 0).then_some(jobs))
        .expect("extract_batch");
    let errors = tables
        .documents
        .error
        .iter()
        .filter(|e| e.is_some())
        .count();
    println!(
        "docs={} bytes={} claims={} quantities={} sentences={} errors={}",
        raws.len(),
        raws.iter().map(|r| r.text.len()).sum::<usize>(),
        tables.claims.content.len(),
        tables.quantities.value.len(),
        tables.sentences.doc_id.len(),
        errors
    );
    // NEWSCLAIMS_DUMP=FILE writes every table (Debug form) there: diff it before and after a
    // speed change to prove the outputs did not move.
    if let Some(path) = std::env::var_os("NEWSCLAIMS_DUMP") {
        std::fs::write(&path, format!("{tables:#?}")).expect("write NEWSCLAIMS_DUMP");
    }
}
