//! The chunked run: `extract_texts` and `extract_paths` read their input one chunk at a time
//! (`CHUNK_BYTES`), run the pipeline over each with the GIL released on a thread that Ctrl-C
//! and the caller's `cancelled` can stop (`interruptible`), each chunk a run of the core's
//! `batch::Batch` into the Arrow columns, which appends the runs and links them once.
//!
//! Owns the reading of a call's input in chunks and its interrupts; the order of the batch
//! (chunks appended, then the link) is `batch`'s. It must not convert arguments (`options`)
//! nor lay out Arrow buffers (`columns`), and holds no core logic.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use pyo3::exceptions::{PyInterruptedError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::columns::TableColumns;
use super::options::{build_options, input_format, string, PyOptions};
use super::to_py_err;
use crate::batch::Batch;
use crate::document::{InputFormat, RawDocument};
use crate::error::Error;
use crate::io::{raw_from_text, FileInput};
use crate::pipeline;

/// Input text per chunk: the pipeline runs over one chunk at a time (in parallel within it), and
/// each chunk's tables are appended to the Arrow columns before the next chunk is read, so the
/// pipeline's own per-row `String`s (several times the text) exist for one chunk only, and the
/// input is never held in Rust whole. On 30.7 MB of real articles (11,001, jobs=1) the peak RSS
/// of one `newsclaims.extract` fell from 645 to 368 MB with this, the buffers below and one
/// thread pool per call (`pipeline::Workers`); the same CPU time within noise (~3%).
const CHUNK_BYTES: usize = 2 << 20;

/// Runs the pipeline over in-memory texts; returns `{table: {column: ArrowColumn}}`. `formats`,
/// one per text ("text" or "html"), says how to read each (default: all text); HTML pages
/// already in memory (WARC responses, gzipped files) go through it. The texts are read from
/// Python one chunk of about `chunk_bytes` at a time (see [`CHUNK_BYTES`]).
#[pyfunction]
#[pyo3(signature = (texts, ids, published, titles, *, jobs=None, boilerplate=Vec::new(), max_document_bytes=0, min_quote_words=0, formats=None, implied_quantities=false, cue_verbs=Vec::new(), source_titles=Vec::new(), chunk_bytes=CHUNK_BYTES, quote_marks=None, disable_rules=Vec::new(), cancelled=None))]
#[allow(clippy::too_many_arguments)]
pub(super) fn extract_texts<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    ids: Vec<String>,
    published: Vec<Option<String>>,
    titles: Vec<Option<String>>,
    jobs: Option<usize>,
    boilerplate: Vec<String>,
    max_document_bytes: usize,
    min_quote_words: usize,
    formats: Option<Vec<String>>,
    implied_quantities: bool,
    cue_verbs: Vec<String>,
    source_titles: Vec<String>,
    chunk_bytes: usize,
    quote_marks: Option<Vec<String>>,
    disable_rules: Vec<String>,
    cancelled: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    // A sized `texts` (the Python layer passes a list) is checked before any work; another
    // iterable when it ends.
    let n_texts = texts.len().ok();
    let n = n_texts.unwrap_or(ids.len());
    let formats = match formats {
        None => vec![InputFormat::Text; n],
        Some(names) if names.len() != n => {
            return Err(PyValueError::new_err(format!(
                "formats has {} items but texts has {}",
                names.len(),
                n
            )))
        }
        Some(names) => names
            .iter()
            .enumerate()
            .map(|(i, name)| input_format(i, name))
            .collect::<PyResult<Vec<_>>>()?,
    };
    let lengths = (ids.len(), published.len(), titles.len());
    let same_length = |n_texts: usize| {
        let (n_ids, n_published, n_titles) = lengths;
        if n_texts != n_ids || n_texts != n_published || n_texts != n_titles {
            return Err(PyValueError::new_err(format!(
                "texts, ids, published and titles must have the same length (got {n_texts}, {n_ids}, {n_published}, {n_titles})"
            )));
        }
        Ok(())
    };
    if let Some(n_texts) = n_texts {
        same_length(n_texts)?;
    }
    let options = build_options(PyOptions {
        boilerplate,
        max_document_bytes,
        min_quote_words,
        implied_quantities,
        cue_verbs,
        source_titles,
        quote_marks,
        disable_rules,
    })?;
    let mut run = new_run(jobs).map_err(to_py_err)?;
    let mut items = texts.try_iter()?.enumerate();
    let mut ids = ids.into_iter();
    let mut meta = published.into_iter().zip(titles).zip(formats);
    let mut count = 0;
    loop {
        // One chunk of texts, copied out of Python while attached ...
        let mut raws = Vec::new();
        let mut size = 0;
        for (i, item) in items.by_ref() {
            let (text, lossy) = string("texts", i, &item?)?;
            count += 1;
            let (Some(id), Some(((published, title), format))) = (ids.next(), meta.next()) else {
                continue; // more texts than ids: reported below, once the texts are counted
            };
            size += text.len();
            let mut raw = RawDocument {
                format,
                ..raw_from_text(id, text, published, title)
            };
            if lossy {
                raw.warnings
                    .push("lone surrogate(s) in the str replaced by U+FFFD".to_owned());
            }
            raws.push(raw);
            if size >= chunk_bytes {
                break;
            }
        }
        if raws.is_empty() {
            break;
        }
        // ... then run with the GIL released, stopping on Ctrl-C.
        interruptible(py, cancelled.as_ref(), |stop| {
            run.run(|| pipeline::extract_documents_until(&raws, &options, stop))
        })?
        .map_err(to_py_err)?;
    }
    same_length(count)?;
    py.detach(|| finish(run)).into_py(py)
}

/// Runs the pipeline over files, read and decoded in parallel, about `chunk_bytes` of files at
/// a time; returns `{table: {column: ArrowColumn}}`.
#[pyfunction]
#[pyo3(signature = (paths, ids, *, jobs=None, boilerplate=Vec::new(), max_document_bytes=0, min_quote_words=0, published=None, implied_quantities=false, cue_verbs=Vec::new(), source_titles=Vec::new(), chunk_bytes=CHUNK_BYTES, quote_marks=None, disable_rules=Vec::new(), cancelled=None))]
#[allow(clippy::too_many_arguments)]
pub(super) fn extract_paths<'py>(
    py: Python<'py>,
    paths: Vec<String>,
    ids: Vec<String>,
    jobs: Option<usize>,
    boilerplate: Vec<String>,
    max_document_bytes: usize,
    min_quote_words: usize,
    published: Option<Vec<Option<String>>>,
    implied_quantities: bool,
    cue_verbs: Vec<String>,
    source_titles: Vec<String>,
    chunk_bytes: usize,
    quote_marks: Option<Vec<String>>,
    disable_rules: Vec<String>,
    cancelled: Option<Py<PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    if paths.len() != ids.len() {
        return Err(PyValueError::new_err(
            "paths and ids must have the same length",
        ));
    }
    let options = build_options(PyOptions {
        boilerplate,
        max_document_bytes,
        min_quote_words,
        implied_quantities,
        cue_verbs,
        source_titles,
        quote_marks,
        disable_rules,
    })?;
    let published = published.unwrap_or_else(|| vec![None; paths.len()]);
    if published.len() != paths.len() {
        return Err(PyValueError::new_err(
            "paths and published must have the same length",
        ));
    }
    let files: Vec<FileInput> = paths
        .into_iter()
        .zip(ids)
        .zip(published)
        .map(|((path, id), published)| FileInput {
            path,
            id,
            published,
        })
        .collect();
    let mut run = new_run(jobs).map_err(to_py_err)?;
    let mut rest = &files[..];
    while !rest.is_empty() {
        let tail = interruptible(py, cancelled.as_ref(), |stop| {
            // Sizes from the file system (a file that cannot be stat'ed counts as empty: its
            // read fails and it becomes an error row).
            let mut size = 0u64;
            let mut n = 0;
            while n < rest.len() && (n == 0 || size < chunk_bytes as u64) {
                size += std::fs::metadata(&rest[n].path).map_or(0, |m| m.len());
                n += 1;
            }
            let (chunk, tail) = rest.split_at(n);
            run.run(|| pipeline::extract_file_documents_until(chunk, &options, stop))
                .map(|()| tail)
        })?
        .map_err(to_py_err)?;
        rest = tail;
    }
    py.detach(|| finish(run)).into_py(py)
}

/// How often a running chunk looks for Ctrl-C (and asks the caller's `cancelled`).
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// Runs `work` with the GIL released on a thread of its own while this thread, every
/// [`POLL_INTERVAL`], attaches briefly to run Python's signal handlers (`check_signals`: on the
/// main thread, Ctrl-C raises `KeyboardInterrupt` there) and to call `cancelled()` (a Python
/// callable; true stops the call with `InterruptedError`, for callers on other threads, where
/// signals never arrive). Either one sets the flag `work` passes to the core, whose threads then
/// skip the documents they have not begun; the error goes to Python once they have stopped.
fn interruptible<T: Send>(
    py: Python<'_>,
    cancelled: Option<&Py<PyAny>>,
    work: impl FnOnce(&AtomicBool) -> T + Send,
) -> PyResult<T> {
    let stop = AtomicBool::new(false);
    py.detach(|| {
        std::thread::scope(|scope| {
            let (done, result) = mpsc::sync_channel(1);
            let stop = &stop;
            scope.spawn(move || {
                // The receiver outlives this thread (the scope joins it first).
                let _ = done.send(work(stop));
            });
            loop {
                match result.recv_timeout(POLL_INTERVAL) {
                    Ok(out) => return Ok(out),
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        if let Err(e) = Python::attach(|py| poll_interrupt(py, cancelled)) {
                            stop.store(true, Ordering::Relaxed);
                            let _ = result.recv(); // the threads finish their current documents
                            return Err(e);
                        }
                    }
                    // `work` panicked: the scope's join hands the panic on, which pyo3 raises
                    // as PanicException.
                    Err(mpsc::RecvTimeoutError::Disconnected) => {
                        return Err(PyInterruptedError::new_err("the extraction thread failed"))
                    }
                }
            }
        })
    })
}

fn poll_interrupt(py: Python<'_>, cancelled: Option<&Py<PyAny>>) -> PyResult<()> {
    py.check_signals()?;
    if let Some(cancelled) = cancelled {
        if cancelled.call0(py)?.is_truthy(py)? {
            return Err(PyInterruptedError::new_err("cancelled by the caller"));
        }
    }
    Ok(())
}

/// Gives the heap memory freed during a call back to the operating system. glibc keeps freed
/// memory for reuse; after the 30.7 MB benchmark corpus that was about 70 MB, which a notebook
/// would hold until its kernel ends.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim takes no pointer; it only returns free pages of glibc's heap.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// A call's batch: its chunks, extracted one after another on the call's threads into
/// [`TableColumns`], then linked once (the core's `batch::Batch` decides that order).
fn new_run(jobs: Option<usize>) -> Result<Batch<TableColumns>, Error> {
    Batch::new(jobs, TableColumns::empty())
}

/// The columns of every chunk of `run`, linked once over all of them.
fn finish(run: Batch<TableColumns>) -> TableColumns {
    let columns = run.finish();
    release_freed_memory();
    columns
}
