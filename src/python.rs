//! The Python bindings (feature `python`): the only file that knows pyo3.
//!
//! Each function extracts and validates arguments while attached, runs the core with the GIL
//! released one chunk of documents at a time (`CHUNK_BYTES`), appending each chunk's tables to
//! Arrow columns, and hands the columns to Python: a dict of table name to a dict of column name
//! to an Arrow array's buffers (`ArrowColumn`), never one Python object per row. The `newsclaims`
//! Python package assembles them with `pyarrow.Array.from_buffers` and turns the tables into
//! DataFrames.
//!
//! Memory (the target is a peak under 3x the input for in-memory runs): the input is copied out
//! of Python one chunk at a time; each table column is already in Arrow's layout (text columns
//! are `table::StrColumn`s) and is moved, not copied, into its Arrow buffers, shrunk to its
//! length; and each buffer goes to Python without a copy, as a [`Buffer`] that pyarrow adopts
//! (`pyarrow.foreign_buffer`) and that frees the Rust allocation when the last Arrow array or
//! pandas column over it is gone.
//!
//! Why raw Arrow buffers and not arrow-rs with pyo3-arrow 0.20 (the C data interface): the
//! buffers are the same bytes either way and this needs no new crate. Measured on a scratch
//! cdylib (pyo3 0.30 abi3, release, thin LTO, one job): pyo3-arrow with arrow-array/-buffer/
//! -data/-schema/-cast/-select/-ord, chrono-tz and numpy added ~5.5 minutes of compiling and
//! 11.6 MB to the stripped library (0.4 -> 12.0 MB; ours is 7 MB), and its default feature
//! `buffer_protocol` does not build under abi3-py39.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use pyo3::exceptions::{
    PyFileNotFoundError, PyInterruptedError, PyOSError, PyTypeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::document::{InputFormat, RawDocument};
use crate::error::Error;
use crate::options::Options;
use crate::pipeline::{self, FileInput};
use crate::table::{StrColumn, Tables};

fn to_py_err(e: Error) -> PyErr {
    if e.is_invalid_option() {
        PyValueError::new_err(e.to_string())
    } else if e.is_not_found() {
        PyFileNotFoundError::new_err(e.to_string())
    } else if e.is_interrupted() {
        PyInterruptedError::new_err(e.to_string())
    } else {
        PyOSError::new_err(e.to_string())
    }
}

/// Options as the Python layer passes them (keyword arguments of `extract_texts`/`extract_paths`).
struct PyOptions {
    boilerplate: Vec<String>,
    max_document_bytes: usize,
    min_quote_words: usize,
    implied_quantities: bool,
    cue_verbs: Vec<String>,
    source_titles: Vec<String>,
    /// Languages whose quotation marks pair; `None`: the default (English and French).
    quote_marks: Option<Vec<String>>,
    /// Names of rules switched off (`crate::rules`).
    disable_rules: Vec<String>,
}

/// The last attribution words (and quote mark languages) compiled and their tables: an
/// `Extractor` passes the same words on every call, and compiling the cue regex again each time
/// would cost more than a small batch.
type LexiconCache = Option<(Vec<String>, Vec<String>, Option<Vec<String>>, Options)>;
static LEXICON_CACHE: std::sync::Mutex<LexiconCache> = std::sync::Mutex::new(None);

fn build_options(o: PyOptions) -> PyResult<Options> {
    let boilerplate = o.boilerplate;
    let disable_rules = o.disable_rules;
    let mut options = Options {
        max_document_bytes: o.max_document_bytes,
        min_quote_words: o.min_quote_words,
        implied_quantities: o.implied_quantities,
        ..Options::default()
    }
    .with_boilerplate(&boilerplate)
    .and_then(|o| o.with_disabled_rules(&disable_rules))
    .map_err(to_py_err)?;
    if o.cue_verbs.is_empty() && o.source_titles.is_empty() && o.quote_marks.is_none() {
        return Ok(options);
    }
    let mut cache = LEXICON_CACHE.lock().unwrap_or_else(|e| e.into_inner());
    match &*cache {
        Some((c, t, q, cached))
            if *c == o.cue_verbs && *t == o.source_titles && *q == o.quote_marks =>
        {
            options.attribution = cached.attribution.clone();
        }
        _ => {
            let mut built = Options::default()
                .with_attribution_words(&o.cue_verbs, &o.source_titles)
                .map_err(to_py_err)?;
            if let Some(languages) = &o.quote_marks {
                built = built.with_quote_marks(languages).map_err(to_py_err)?;
            }
            options.attribution = built.attribution.clone();
            *cache = Some((o.cue_verbs, o.source_titles, o.quote_marks, built));
        }
    }
    Ok(options)
}

/// Item `i` of the Python iterable `name` as a `String`, raising `TypeError` that names a
/// non-str item; `true` when the str held lone surrogates (`json.loads` gives them for
/// "\ud800"): those are replaced by U+FFFD, one character for one, so offsets still match.
fn string(name: &str, i: usize, item: &Bound<'_, PyAny>) -> PyResult<(String, bool)> {
    match item.extract::<String>() {
        Ok(s) => Ok((s, false)),
        Err(_) if item.is_instance_of::<PyString>() => {
            let bytes = item.call_method1("encode", ("utf-8", "surrogatepass"))?;
            Ok((
                replace_surrogates(bytes.cast::<PyBytes>()?.as_bytes()),
                true,
            ))
        }
        Err(_) => {
            let type_name = item.get_type().name()?;
            Err(PyTypeError::new_err(format!(
                "{name}[{i}] is {type_name}, not str"
            )))
        }
    }
}

/// UTF-8 with surrogates (each encoded in 3 bytes by "surrogatepass") to text with one U+FFFD
/// per surrogate; pyo3's `to_string_lossy` would insert three.
fn replace_surrogates(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                out.push('\u{FFFD}');
                bytes = &rest[rest.len().min(3)..];
            }
        }
    }
}

/// The input format named by `name` ("text" or "html"), or `ValueError` naming item `i`.
fn input_format(i: usize, name: &str) -> PyResult<InputFormat> {
    match name {
        "text" => Ok(InputFormat::Text),
        "html" => Ok(InputFormat::Html),
        other => Err(PyValueError::new_err(format!(
            "formats[{i}] is {other:?}; expected \"text\" or \"html\""
        ))),
    }
}

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
fn extract_texts<'py>(
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
    let mut run = ChunkedRun::new(jobs).map_err(to_py_err)?;
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
                ..pipeline::raw_from_text(id, text, published, title)
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
            run.chunk(|| pipeline::extract_documents_until(&raws, &options, stop))
        })?
        .map_err(to_py_err)?;
    }
    same_length(count)?;
    py.detach(|| run.finish()).into_py(py)
}

/// Runs the pipeline over files, read and decoded in parallel, about `chunk_bytes` of files at
/// a time; returns `{table: {column: ArrowColumn}}`.
#[pyfunction]
#[pyo3(signature = (paths, ids, *, jobs=None, boilerplate=Vec::new(), max_document_bytes=0, min_quote_words=0, published=None, implied_quantities=false, cue_verbs=Vec::new(), source_titles=Vec::new(), chunk_bytes=CHUNK_BYTES, quote_marks=None, disable_rules=Vec::new(), cancelled=None))]
#[allow(clippy::too_many_arguments)]
fn extract_paths<'py>(
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
    let mut run = ChunkedRun::new(jobs).map_err(to_py_err)?;
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
            run.chunk(|| pipeline::extract_file_documents_until(chunk, &options, stop))
                .map(|()| tail)
        })?
        .map_err(to_py_err)?;
        rest = tail;
    }
    py.detach(|| run.finish()).into_py(py)
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

/// One `cluster_id` per claim content (see `cluster`), for claims gathered from several core
/// calls; `doc_ids[i]` is the document of `contents[i]`.
#[pyfunction]
fn cluster_ids(
    py: Python<'_>,
    contents: Vec<String>,
    doc_ids: Vec<String>,
) -> PyResult<Vec<Option<i64>>> {
    if contents.len() != doc_ids.len() {
        return Err(PyValueError::new_err(
            "contents and doc_ids must have the same length",
        ));
    }
    py.detach(move || {
        let workers = pipeline::Workers::new(None)?;
        Ok(workers.run(|| crate::cluster::cluster_ids(&contents, &doc_ids)))
    })
    .map_err(to_py_err)
}

/// Source identities for claims gathered from several batches (`Extraction` concatenation):
/// takes the claims' `doc_id`, `source`, `source_text` and `source_role` columns and returns
/// `{"claims": {"source_id": ArrowColumn}, "sources": {column: ArrowColumn}}`.
#[pyfunction]
fn identify_sources<'py>(
    py: Python<'py>,
    doc_ids: Vec<String>,
    sources: Vec<String>,
    source_texts: Vec<Option<String>>,
    source_roles: Vec<Option<String>>,
) -> PyResult<Bound<'py, PyDict>> {
    let n = doc_ids.len();
    if sources.len() != n || source_texts.len() != n || source_roles.len() != n {
        return Err(PyValueError::new_err(
            "doc_ids, sources, source_texts and source_roles must have the same length",
        ));
    }
    let columns = py.detach(move || -> Result<TableColumns, Error> {
        let workers = pipeline::Workers::new(None)?;
        let mut t = Tables::default();
        t.claims.doc_id = doc_ids.iter().map(String::as_str).collect();
        t.claims.source = sources
            .iter()
            .map(|s| (!s.is_empty()).then_some(s.as_str()))
            .collect();
        t.claims.source_text = source_texts.iter().map(Option::as_deref).collect();
        t.claims.source_role = source_roles.iter().map(Option::as_deref).collect();
        workers.run(|| pipeline::identify_sources(&mut t));
        let source_id = ArrowColumn::from(std::mem::take(&mut t.claims.source_id));
        let mut all = TableColumns::from_tables(t);
        all.0.retain(|(name, _)| *name == "sources");
        all.0.push(("claims", vec![("source_id", vec![source_id])]));
        Ok(all)
    });
    columns.map_err(to_py_err)?.into_py(py)
}

/// The run-wide state of a stream (`link::RunLinks`: one identity registry and one
/// near-duplicate index for the run); `newsclaims._stream.RunLinks` keeps one per
/// `iter_extract`.
#[pyclass(module = "newsclaims._core", name = "RunLinks")]
struct PyRunLinks {
    inner: crate::link::RunLinks,
}

impl PyRunLinks {
    /// `{"sources": {column: ArrowColumn}}` for `sources`, with `claims` columns added.
    fn columns(
        sources: crate::table::SourcesTable,
        claims: Vec<(&'static str, ArrowColumn)>,
    ) -> TableColumns {
        let mut all = TableColumns::from_tables(Tables {
            sources,
            ..Tables::default()
        });
        all.0.retain(|(name, _)| *name == "sources");
        all.0.push((
            "claims",
            claims.into_iter().map(|(n, c)| (n, vec![c])).collect(),
        ));
        all
    }
}

#[pymethods]
impl PyRunLinks {
    #[new]
    fn new() -> Self {
        PyRunLinks {
            inner: crate::link::RunLinks::new(),
        }
    }

    /// Links one batch's claims (their `doc_id`, `content`, `source` ("" for none),
    /// `source_text` and `source_role` columns) with each other and every earlier batch's:
    /// returns `{"claims": {"source_id": ArrowColumn, "cluster_id": ArrowColumn}, "sources":
    /// {column: ArrowColumn}}`, the sources being the run-wide rows of those the batch names.
    fn link<'py>(
        &mut self,
        py: Python<'py>,
        doc_ids: Vec<String>,
        contents: Vec<String>,
        sources: Vec<String>,
        source_texts: Vec<Option<String>>,
        source_roles: Vec<Option<String>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let n = doc_ids.len();
        if [
            contents.len(),
            sources.len(),
            source_texts.len(),
            source_roles.len(),
        ]
        .iter()
        .any(|&l| l != n)
        {
            return Err(PyValueError::new_err(
                "doc_ids, contents, sources, source_texts and source_roles must have the same length",
            ));
        }
        let inner = &mut self.inner;
        let columns = py.detach(move || -> Result<TableColumns, Error> {
            let workers = pipeline::Workers::new(None)?;
            let keys = pipeline::ClaimKeys {
                doc_id: doc_ids.iter().map(String::as_str).collect(),
                content: contents.iter().map(String::as_str).collect(),
                source: sources.iter().map(String::as_str).collect(),
                source_text: source_texts.iter().map(Option::as_deref).collect(),
                source_role: source_roles.iter().map(Option::as_deref).collect(),
            };
            let links = workers.run(|| inner.link(&keys));
            Ok(Self::columns(
                links.sources,
                vec![
                    ("source_id", links.source_id.into()),
                    ("cluster_id", links.cluster_id.into()),
                ],
            ))
        });
        columns.map_err(to_py_err)?.into_py(py)
    }

    /// Every run-wide source so far: `{"sources": {column: ArrowColumn}, "claims": {}}`.
    fn sources<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let inner = &mut self.inner;
        let columns = py.detach(move || Self::columns(inner.sources(), Vec::new()));
        columns.into_py(py)
    }

    /// Claims linked so far.
    #[getter]
    fn claims(&self) -> usize {
        self.inner.claims()
    }

    /// Heap bytes the state holds (an estimate from capacities).
    #[getter]
    fn heap_bytes(&self) -> usize {
        self.inner.heap_bytes()
    }

    /// Heap bytes of the identity registry.
    #[getter]
    fn source_bytes(&self) -> usize {
        self.inner.source_bytes()
    }

    /// Heap bytes of the near-duplicate index (and the document ids).
    #[getter]
    fn claim_bytes(&self) -> usize {
        self.inner.claim_bytes()
    }
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

/// One call's chunks, extracted one after another on the call's threads into [`TableColumns`].
struct ChunkedRun {
    workers: pipeline::Workers,
    columns: TableColumns,
    /// The last chunk's tables, not yet in `columns`.
    pending: Option<Tables>,
}

impl ChunkedRun {
    fn new(jobs: Option<usize>) -> Result<Self, Error> {
        Ok(ChunkedRun {
            workers: pipeline::Workers::new(jobs)?,
            columns: TableColumns::empty(),
            pending: None,
        })
    }

    /// Runs `extract` (the next chunk, without the batch-level steps) while the previous
    /// chunk's tables go into the columns: that conversion to Arrow is serial, and the pool's
    /// threads used to wait for it (on 27 MB the calling thread's CPU time fell from 0.30 to
    /// 0.12 s with this; peak RSS did not grow).
    fn chunk(
        &mut self,
        extract: impl FnOnce() -> Result<Tables, Error> + Send,
    ) -> Result<(), Error> {
        let (columns, previous) = (&mut self.columns, self.pending.take());
        let (tables, ()) = self.workers.run(|| {
            rayon::join(extract, || {
                if let Some(t) = previous {
                    columns.append(t);
                }
            })
        });
        self.pending = Some(tables?);
        Ok(())
    }

    /// The columns of every chunk, with the batch-level steps run once over all of them.
    fn finish(mut self) -> TableColumns {
        if let Some(t) = self.pending.take() {
            self.columns.append(t);
        }
        self.columns.link(&self.workers);
        release_freed_memory();
        self.columns
    }
}

/// Every table as named Arrow columns, in the order of `newsclaims._schema.SCHEMA`, filled one
/// chunk of documents at a time: each column keeps one Arrow array per chunk, handed to Python
/// as a chunked array. (Appending every chunk to one growing buffer copied each byte again at
/// every doubling, serially, and left the outgrown buffers in glibc's heap: peak RSS 412 MB on
/// the 30.7 MB benchmark corpus.) Pure Rust, so it is filled with the GIL released.
struct TableColumns(Vec<(&'static str, Vec<NamedChunks>)>);

/// A column's name and its chunks.
type NamedChunks = (&'static str, Vec<ArrowColumn>);

impl TableColumns {
    /// The columns of `t`, each moved out of the table (a column's `Vec` is freed as soon as its
    /// Arrow buffers are built; integer columns become their values buffer without a copy).
    fn from_tables(t: Tables) -> Self {
        macro_rules! columns {
            ($table:expr; $($col:ident),*) => {
                vec![$( (stringify!($col), vec![ArrowColumn::from($table.$col)]) ),*]
            };
        }
        let d = t.documents;
        let c = t.claims;
        let q = t.quantities;
        let s = t.sentences;
        let r = t.sources;
        TableColumns(vec![
            (
                "documents",
                columns!(d; doc_id, path, title, published, text, n_sentences, n_claims, n_quantities, warnings, error),
            ),
            (
                "claims",
                columns!(c; doc_id, claim_id, sentence_id, kind, source, source_text, source_role, cue, cue_lemma, content, via, hedge, date_text, date, start, end, content_start, content_end, rule, cluster_id, source_id),
            ),
            (
                "quantities",
                columns!(q; doc_id, quantity_id, claim_id, sentence_id, text, value, low, high, qualifier, unit, counted, subject, direction, start, end, rule, date),
            ),
            (
                "sentences",
                columns!(s; doc_id, sentence_id, start, end, text, is_caption),
            ),
            (
                "sources",
                vec![
                    ("source_id", vec![ArrowColumn::from(r.source_id)]),
                    ("name", vec![ArrowColumn::from(r.name)]),
                    ("type", vec![ArrowColumn::from(r.r#type)]),
                    ("aliases", vec![ArrowColumn::from(r.aliases)]),
                    ("roles", vec![ArrowColumn::from(r.roles)]),
                    ("documents", vec![ArrowColumn::from(r.documents)]),
                    ("claims", vec![ArrowColumn::from(r.claims)]),
                ],
            ),
        ])
    }

    /// Every table with every column and no rows.
    fn empty() -> Self {
        Self::from_tables(Tables::default())
    }

    /// Appends the rows of `t` (one chunk of documents, in input order, extracted without the
    /// batch-level steps, which [`TableColumns::link`] runs once over every chunk).
    fn append(&mut self, t: Tables) {
        for ((_, mine), (_, theirs)) in self.0.iter_mut().zip(Self::from_tables(t).0) {
            for ((_, chunks), (_, more)) in mine.iter_mut().zip(theirs) {
                // The empty chunk of `empty()` is only there for a call without documents.
                chunks.retain(|c| c.len > 0);
                chunks.extend(more);
            }
        }
    }

    /// The strings of column `name` of `table`, every chunk in order (`None` for a null), read
    /// in place from the Arrow buffers.
    fn strings(&self, table: &str, name: &str) -> Vec<Option<&str>> {
        let chunks = self
            .0
            .iter()
            .find(|(t, _)| *t == table)
            .and_then(|(_, columns)| columns.iter().find(|(n, _)| *n == name))
            .map_or(&[][..], |(_, chunks)| chunks.as_slice());
        chunks
            .iter()
            .flat_map(ArrowColumn::strings_in_place)
            .collect()
    }

    /// Runs the batch-level steps (`pipeline::link_claims`) once over the claims of every chunk,
    /// read in place from the Arrow buffers (a copy of them was 37 MB of the peak on the 30.7 MB
    /// benchmark corpus), so repeats and source ids span the whole call, and puts
    /// `claims.cluster_id`, `claims.source_id` and the `sources` table in place.
    /// Runs on `workers` (rayon's global pool does not survive a fork; see `pipeline::Workers`).
    fn link(&mut self, workers: &pipeline::Workers) {
        let links = {
            let all = |name| -> Vec<&str> {
                let values = self.strings("claims", name);
                values.into_iter().map(Option::unwrap_or_default).collect()
            };
            let keys = pipeline::ClaimKeys {
                doc_id: all("doc_id"),
                content: all("content"),
                source: all("source"),
                source_text: self.strings("claims", "source_text"),
                source_role: self.strings("claims", "source_role"),
            };
            workers.run(|| pipeline::link_claims(&keys))
        };
        let pipeline::Links {
            mut cluster_id,
            mut source_id,
            sources,
        } = links;
        let claims = self.table_mut("claims");
        for (name, column) in claims.iter_mut() {
            match *name {
                "cluster_id" => *column = vec![std::mem::take(&mut cluster_id).into()],
                "source_id" => *column = vec![std::mem::take(&mut source_id).into()],
                _ => {}
            }
        }
        let sources = Self::from_tables(Tables {
            sources,
            ..Tables::default()
        });
        *self.table_mut("sources") = sources
            .0
            .into_iter()
            .find(|(t, _)| *t == "sources")
            .map(|(_, c)| c)
            .unwrap_or_default();
    }

    fn table_mut(&mut self, name: &str) -> &mut Vec<NamedChunks> {
        let at = self
            .0
            .iter()
            .position(|(t, _)| *t == name)
            .expect("a table of the schema");
        &mut self.0[at].1
    }

    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let out = PyDict::new(py);
        for (table, columns) in self.0 {
            let d = PyDict::new(py);
            for (name, chunks) in columns {
                let chunks = chunks
                    .into_iter()
                    .map(|c| c.into_py(py))
                    .collect::<PyResult<Vec<_>>>()?;
                d.set_item(name, PyList::new(py, chunks)?)?;
            }
            out.set_item(table, d)?;
        }
        Ok(out)
    }
}

/// Memory owned by Rust that Python reads without a copy: `newsclaims._schema` wraps it with
/// `pyarrow.foreign_buffer(buffer.address, len(buffer), base=buffer)`, so the Arrow array (and
/// the pandas column over it) keeps this object, and with it the memory, alive. Immutable once
/// built (`frozen`, no method changes it), so the address stays valid.
#[pyclass(frozen, module = "newsclaims._core")]
struct Buffer {
    data: BufferData,
}

enum BufferData {
    Bytes(Vec<u8>),
    I64(Vec<i64>),
    F64(Vec<f64>),
}

#[pymethods]
impl Buffer {
    /// The address of the first byte.
    #[getter]
    fn address(&self) -> usize {
        match &self.data {
            BufferData::Bytes(v) => v.as_ptr() as usize,
            BufferData::I64(v) => v.as_ptr() as usize,
            BufferData::F64(v) => v.as_ptr() as usize,
        }
    }

    /// The size in bytes.
    fn __len__(&self) -> usize {
        match &self.data {
            BufferData::Bytes(v) => v.len(),
            BufferData::I64(v) => std::mem::size_of_val(v.as_slice()),
            BufferData::F64(v) => std::mem::size_of_val(v.as_slice()),
        }
    }
}

/// One column's values as built (bools one per row, packed when handed over).
enum Values {
    I64(Vec<i64>),
    F64(Vec<f64>),
    Bool(Vec<bool>),
    /// `offsets` starts with 0 and has one end offset per row into `data`.
    Str {
        offsets: Vec<i64>,
        data: Vec<u8>,
    },
}

/// One column (or one chunk of one), handed to Python as `(type, length, null_count, validity,
/// buffers)`, where
/// `type` is "int64", "float64", "bool" or "large_utf8", `validity` the Arrow validity bitmap
/// (or `None` when nothing is null) and `buffers` the type's data buffers in Arrow order
/// (values; or offsets then bytes for strings), each a [`Buffer`]. Little-endian, as Arrow on
/// every platform we build for.
struct ArrowColumn {
    /// `None` while every row is valid.
    valid: Option<Vec<bool>>,
    len: usize,
    values: Values,
}

/// `bits` as an Arrow bitmap (least significant bit first).
fn bitmap(bits: &[bool]) -> Vec<u8> {
    let mut out = vec![0u8; bits.len().div_ceil(8)];
    for (i, _) in bits.iter().enumerate().filter(|(_, b)| **b) {
        out[i / 8] |= 1 << (i % 8);
    }
    out
}

impl ArrowColumn {
    fn new(mut values: Values, len: usize, valid: Option<Vec<bool>>) -> Self {
        let valid = valid.filter(|v| v.contains(&false));
        // Columns grow by doubling while a chunk's documents are appended; Python keeps the
        // buffers for as long as it keeps the tables, so they give back what they did not use.
        match &mut values {
            Values::I64(v) => v.shrink_to_fit(),
            Values::F64(v) => v.shrink_to_fit(),
            Values::Bool(_) => {}
            Values::Str { offsets, data } => {
                offsets.shrink_to_fit();
                data.shrink_to_fit();
            }
        }
        ArrowColumn { valid, len, values }
    }

    /// A string column's values in place (`None` for a null); nothing for another type.
    fn strings_in_place(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        let (offsets, data): (&[i64], &[u8]) = match &self.values {
            Values::Str { offsets, data } => (offsets, data),
            _ => (&[0], &[]),
        };
        offsets.windows(2).enumerate().map(move |(i, w)| {
            let valid = self.valid.as_ref().is_none_or(|v| v[i]);
            // Each value was copied in whole from a `&str` (`StrColumn::push`).
            valid.then(|| {
                std::str::from_utf8(&data[w[0] as usize..w[1] as usize])
                    .expect("UTF-8 built from str")
            })
        })
    }

    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
        let buffer = |data| Bound::new(py, Buffer { data }).map(Bound::into_any);
        let nulls = self
            .valid
            .as_ref()
            .map_or(0, |v| v.iter().filter(|b| !**b).count());
        let validity = match self.valid {
            Some(v) => Some(buffer(BufferData::Bytes(bitmap(&v)))?),
            None => None,
        };
        let (kind, buffers) = match self.values {
            Values::I64(v) => ("int64", vec![buffer(BufferData::I64(v))?]),
            Values::F64(v) => ("float64", vec![buffer(BufferData::F64(v))?]),
            Values::Bool(v) => ("bool", vec![buffer(BufferData::Bytes(bitmap(&v)))?]),
            Values::Str { offsets, data } => (
                "large_utf8",
                vec![
                    buffer(BufferData::I64(offsets))?,
                    buffer(BufferData::Bytes(data))?,
                ],
            ),
        };
        PyTuple::new(
            py,
            [
                kind.into_pyobject(py)?.into_any(),
                self.len.into_pyobject(py)?.into_any(),
                nulls.into_pyobject(py)?.into_any(),
                validity.into_pyobject(py)?.into_any(),
                PyTuple::new(py, buffers)?.into_any(),
            ],
        )
    }
}

impl From<Vec<i64>> for ArrowColumn {
    fn from(v: Vec<i64>) -> Self {
        let len = v.len();
        Self::new(Values::I64(v), len, None)
    }
}
impl From<Vec<Option<i64>>> for ArrowColumn {
    fn from(v: Vec<Option<i64>>) -> Self {
        let valid = v.iter().map(Option::is_some).collect();
        Self::new(
            Values::I64(v.iter().map(|x| x.unwrap_or(0)).collect()),
            v.len(),
            Some(valid),
        )
    }
}
impl From<Vec<Option<f64>>> for ArrowColumn {
    fn from(v: Vec<Option<f64>>) -> Self {
        let valid = v.iter().map(Option::is_some).collect();
        let values = v.iter().map(|x| x.unwrap_or(f64::NAN)).collect();
        Self::new(Values::F64(values), v.len(), Some(valid))
    }
}
impl From<Vec<bool>> for ArrowColumn {
    fn from(v: Vec<bool>) -> Self {
        let len = v.len();
        Self::new(Values::Bool(v), len, None)
    }
}
/// The column's own buffers, moved, not copied.
impl From<StrColumn> for ArrowColumn {
    fn from(column: StrColumn) -> Self {
        let len = column.len();
        let (offsets, data, valid) = column.into_arrow_parts();
        Self::new(Values::Str { offsets, data }, len, valid)
    }
}
impl From<Vec<&'static str>> for ArrowColumn {
    fn from(v: Vec<&'static str>) -> Self {
        v.into_iter().collect::<StrColumn>().into()
    }
}
impl From<Vec<Option<&'static str>>> for ArrowColumn {
    fn from(v: Vec<Option<&'static str>>) -> Self {
        v.into_iter().collect::<StrColumn>().into()
    }
}

/// The rule registry (`crate::rules::RULES`) as `(name, table, summary, example)` rows, in the
/// order the stages try them.
#[pyfunction]
fn rules() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    crate::rules::RULES
        .iter()
        .map(|r| (r.name, r.stage.as_str(), r.summary, r.example))
        .collect()
}

/// The fixed vocabulary of each categorical column (`crate::table::vocabularies`) as
/// `(table, column, values)` rows.
#[pyfunction]
fn vocabularies() -> Vec<(&'static str, &'static str, Vec<String>)> {
    crate::table::vocabularies()
}

/// The compiled core of newsclaims.
#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_texts, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(vocabularies, m)?)?;
    m.add_function(wrap_pyfunction!(extract_paths, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_ids, m)?)?;
    m.add_function(wrap_pyfunction!(identify_sources, m)?)?;
    m.add_class::<Buffer>()?;
    m.add_class::<PyRunLinks>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
