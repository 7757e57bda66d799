//! The Python bindings (feature `python`): the only file that knows pyo3.
//!
//! Each function extracts and validates arguments while attached, releases the GIL around one
//! core call, and converts the resulting tables to Python as columns: a dict of table name to a
//! dict of column name to an Arrow array's buffers (`ArrowColumn`), one `bytes` per buffer and
//! never one Python object per row. The `newsclaims` Python package assembles them with
//! `pyarrow.Array.from_buffers` and turns the tables into DataFrames.
//!
//! The buffers are built with the GIL released, then copied once into `bytes`.
//!
//! Why raw Arrow buffers and not arrow-rs with pyo3-arrow 0.20 (the C data interface): the
//! buffers are the same bytes either way and this needs no new crate. Measured on a scratch
//! cdylib (pyo3 0.30 abi3, release, thin LTO, one job): pyo3-arrow with arrow-array/-buffer/
//! -data/-schema/-cast/-select/-ord, chrono-tz and numpy added ~5.5 minutes of compiling and
//! 11.6 MB to the stripped library (0.4 -> 12.0 MB; ours is 7 MB), and its default feature
//! `buffer_protocol` does not build under abi3-py39.

use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};

use crate::document::{InputFormat, RawDocument};
use crate::error::Error;
use crate::options::Options;
use crate::pipeline::{self, FileInput};
use crate::table::Tables;

fn to_py_err(e: Error) -> PyErr {
    if e.is_invalid_option() {
        PyValueError::new_err(e.to_string())
    } else if e.is_not_found() {
        PyFileNotFoundError::new_err(e.to_string())
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
}

/// The last attribution words compiled and their tables: an `Extractor` passes the same words
/// on every call, and compiling the cue regex again each time would cost more than a small batch.
type LexiconCache = Option<(Vec<String>, Vec<String>, Options)>;
static LEXICON_CACHE: std::sync::Mutex<LexiconCache> = std::sync::Mutex::new(None);

fn build_options(o: PyOptions) -> PyResult<Options> {
    let boilerplate = o.boilerplate;
    let mut options = Options {
        max_document_bytes: o.max_document_bytes,
        min_quote_words: o.min_quote_words,
        implied_quantities: o.implied_quantities,
        ..Options::default()
    }
    .with_boilerplate(&boilerplate)
    .map_err(to_py_err)?;
    if o.cue_verbs.is_empty() && o.source_titles.is_empty() {
        return Ok(options);
    }
    let mut cache = LEXICON_CACHE.lock().unwrap_or_else(|e| e.into_inner());
    match &*cache {
        Some((c, t, cached)) if *c == o.cue_verbs && *t == o.source_titles => {
            options.attribution = cached.attribution.clone();
        }
        _ => {
            let built = Options::default()
                .with_attribution_words(&o.cue_verbs, &o.source_titles)
                .map_err(to_py_err)?;
            options.attribution = built.attribution.clone();
            *cache = Some((o.cue_verbs, o.source_titles, built));
        }
    }
    Ok(options)
}

/// Strings of a Python iterable, raising `TypeError` that names the first non-str item, with
/// the indices of strs that held lone surrogates (`json.loads` gives them for "\ud800"):
/// those are replaced by U+FFFD, one character for one, so offsets still match.
fn strings(name: &str, items: &Bound<'_, PyAny>) -> PyResult<(Vec<String>, Vec<usize>)> {
    let mut out = Vec::new();
    let mut lossy = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        match item.extract::<String>() {
            Ok(s) => out.push(s),
            Err(_) if item.is_instance_of::<PyString>() => {
                let bytes = item.call_method1("encode", ("utf-8", "surrogatepass"))?;
                out.push(replace_surrogates(bytes.cast::<PyBytes>()?.as_bytes()));
                lossy.push(i);
            }
            Err(_) => {
                let type_name = item.get_type().name()?;
                return Err(PyTypeError::new_err(format!(
                    "{name}[{i}] is {type_name}, not str"
                )));
            }
        }
    }
    Ok((out, lossy))
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

/// Runs the pipeline over in-memory texts; returns `{table: {column: ArrowColumn}}`. `formats`,
/// one per text ("text" or "html"), says how to read each (default: all text); HTML pages
/// already in memory (WARC responses, gzipped files) go through it.
#[pyfunction]
#[pyo3(signature = (texts, ids, published, titles, *, jobs=None, boilerplate=Vec::new(), max_document_bytes=0, min_quote_words=0, formats=None, implied_quantities=false, cue_verbs=Vec::new(), source_titles=Vec::new()))]
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
) -> PyResult<Bound<'py, PyDict>> {
    let (texts, lossy) = strings("texts", texts)?;
    let formats = match formats {
        None => vec![InputFormat::Text; texts.len()],
        Some(names) if names.len() != texts.len() => {
            return Err(PyValueError::new_err(format!(
                "formats has {} items but texts has {}",
                names.len(),
                texts.len()
            )))
        }
        Some(names) => names
            .iter()
            .enumerate()
            .map(|(i, name)| input_format(i, name))
            .collect::<PyResult<Vec<_>>>()?,
    };
    if texts.len() != ids.len() || texts.len() != published.len() || texts.len() != titles.len() {
        return Err(PyValueError::new_err(format!(
            "texts, ids, published and titles must have the same length (got {}, {}, {}, {})",
            texts.len(),
            ids.len(),
            published.len(),
            titles.len()
        )));
    }
    let options = build_options(PyOptions {
        boilerplate,
        max_document_bytes,
        min_quote_words,
        implied_quantities,
        cue_verbs,
        source_titles,
    })?;
    let tables = py.detach(move || {
        let mut raws: Vec<_> = texts
            .into_iter()
            .zip(ids)
            .zip(published.into_iter().zip(titles))
            .zip(formats)
            .map(|(((text, id), (published, title)), format)| RawDocument {
                format,
                ..pipeline::raw_from_text(id, text, published, title)
            })
            .collect();
        for i in lossy {
            raws[i]
                .warnings
                .push("lone surrogate(s) in the str replaced by U+FFFD".to_owned());
        }
        pipeline::extract_batch(&raws, &options, jobs).map(table_columns)
    });
    columns_to_py(py, tables.map_err(to_py_err)?)
}

/// Runs the pipeline over files, read and decoded in parallel; returns `{table: {column: ArrowColumn}}`.
#[pyfunction]
#[pyo3(signature = (paths, ids, *, jobs=None, boilerplate=Vec::new(), max_document_bytes=0, min_quote_words=0, published=None, implied_quantities=false, cue_verbs=Vec::new(), source_titles=Vec::new()))]
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
) -> PyResult<Bound<'py, PyDict>> {
    if paths.len() != ids.len() {
        return Err(PyValueError::new_err(
            "paths and ids must have the same length",
        ));
    }
    let published = published.unwrap_or_else(|| vec![None; paths.len()]);
    if published.len() != paths.len() {
        return Err(PyValueError::new_err(
            "paths and published must have the same length",
        ));
    }
    let options = build_options(PyOptions {
        boilerplate,
        max_document_bytes,
        min_quote_words,
        implied_quantities,
        cue_verbs,
        source_titles,
    })?;
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
    let tables =
        py.detach(move || pipeline::extract_files(&files, &options, jobs).map(table_columns));
    columns_to_py(py, tables.map_err(to_py_err)?)
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
    Ok(py.detach(move || crate::cluster::cluster_ids(&contents, &doc_ids)))
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
    let columns = py.detach(move || {
        let mut t = Tables::default();
        t.claims.doc_id = doc_ids;
        t.claims.source = sources;
        t.claims.source_text = source_texts;
        t.claims.source_role = source_roles;
        pipeline::identify_sources(&mut t);
        let source_id = ArrowColumn::from(&t.claims.source_id);
        let mut all = table_columns(t);
        all.retain(|(name, _)| *name == "sources");
        all.push(("claims", vec![("source_id", source_id)]));
        all
    });
    columns_to_py(py, columns)
}

/// Every table as named Arrow columns, in the order of `newsclaims._schema.SCHEMA`. Pure Rust,
/// so it runs with the GIL released.
type TableColumns = Vec<(&'static str, Vec<(&'static str, ArrowColumn)>)>;

fn table_columns(t: Tables) -> TableColumns {
    macro_rules! columns {
        ($table:expr; $($col:ident),*) => {
            vec![$( (stringify!($col), ArrowColumn::from(&$table.$col)) ),*]
        };
    }
    let d = t.documents;
    let c = t.claims;
    let q = t.quantities;
    let s = t.sentences;
    let r = t.sources;
    vec![
        (
            "documents",
            columns!(d; doc_id, path, title, published, text, n_sentences, n_claims, n_quantities, warnings, error),
        ),
        (
            "claims",
            columns!(c; doc_id, claim_id, sentence_id, kind, source, source_text, source_role, cue, cue_lemma, content, via, hedge, date_text, date, start, end, content_start, content_end, cluster_id, source_id),
        ),
        (
            "quantities",
            columns!(q; doc_id, quantity_id, claim_id, sentence_id, text, value, low, high, qualifier, unit, counted, direction, start, end, date),
        ),
        (
            "sentences",
            columns!(s; doc_id, sentence_id, start, end, text, is_caption),
        ),
        (
            "sources",
            vec![
                ("source_id", ArrowColumn::from(&r.source_id)),
                ("name", ArrowColumn::from(&r.name)),
                ("type", ArrowColumn::from(&r.r#type)),
                ("aliases", ArrowColumn::from(&r.aliases)),
                ("roles", ArrowColumn::from(&r.roles)),
                ("documents", ArrowColumn::from(&r.documents)),
                ("claims", ArrowColumn::from(&r.claims)),
            ],
        ),
    ]
}

fn columns_to_py(py: Python<'_>, tables: TableColumns) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    for (table, columns) in tables {
        let d = PyDict::new(py);
        for (name, column) in columns {
            d.set_item(name, column.into_py(py)?)?;
        }
        out.set_item(table, d)?;
    }
    Ok(out)
}

/// One column as Arrow buffers: `(type, length, null_count, validity, buffers)`, where `type`
/// is "int64", "float64", "bool" or "large_utf8", `validity` is the Arrow validity bitmap (or
/// `None` when nothing is null) and `buffers` the type's data buffers in Arrow order (values;
/// or offsets then bytes for strings). Little-endian, as Arrow on every platform we build for.
struct ArrowColumn {
    kind: &'static str,
    len: usize,
    nulls: usize,
    validity: Option<Vec<u8>>,
    buffers: Vec<Vec<u8>>,
}

impl ArrowColumn {
    fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
        let validity = self.validity.map(|v| PyBytes::new(py, &v));
        let buffers: Vec<_> = self.buffers.iter().map(|b| PyBytes::new(py, b)).collect();
        PyTuple::new(
            py,
            [
                self.kind.into_pyobject(py)?.into_any(),
                self.len.into_pyobject(py)?.into_any(),
                self.nulls.into_pyobject(py)?.into_any(),
                validity.into_pyobject(py)?.into_any(),
                PyTuple::new(py, buffers)?.into_any(),
            ],
        )
    }

    /// Builds a column from `len` optional items; `write` appends one present item's value.
    fn build<T>(
        kind: &'static str,
        items: impl ExactSizeIterator<Item = Option<T>>,
        mut write: impl FnMut(&mut Vec<u8>, Option<T>),
    ) -> Self {
        let len = items.len();
        let mut validity = vec![0u8; len.div_ceil(8)];
        let mut values = Vec::new();
        let mut nulls = 0;
        for (i, item) in items.enumerate() {
            if item.is_some() {
                validity[i / 8] |= 1 << (i % 8);
            } else {
                nulls += 1;
            }
            write(&mut values, item);
        }
        ArrowColumn {
            kind,
            len,
            nulls,
            validity: (nulls > 0).then_some(validity),
            buffers: vec![values],
        }
    }

    fn strings<'a>(items: impl ExactSizeIterator<Item = Option<&'a str>>) -> Self {
        let mut offsets: Vec<u8> = 0i64.to_le_bytes().to_vec();
        let mut end = 0i64;
        let mut col = Self::build("large_utf8", items, |data, s| {
            if let Some(s) = s {
                data.extend_from_slice(s.as_bytes());
                end += s.len() as i64;
            }
            offsets.extend_from_slice(&end.to_le_bytes());
        });
        let data = col.buffers.pop().unwrap_or_default();
        col.buffers = vec![offsets, data];
        col
    }
}

impl From<&Vec<i64>> for ArrowColumn {
    fn from(v: &Vec<i64>) -> Self {
        Self::build("int64", v.iter().map(Some), |b, x| {
            b.extend_from_slice(&x.copied().unwrap_or(0).to_le_bytes())
        })
    }
}
impl From<&Vec<Option<i64>>> for ArrowColumn {
    fn from(v: &Vec<Option<i64>>) -> Self {
        Self::build("int64", v.iter().copied(), |b, x| {
            b.extend_from_slice(&x.unwrap_or(0).to_le_bytes())
        })
    }
}
impl From<&Vec<Option<f64>>> for ArrowColumn {
    fn from(v: &Vec<Option<f64>>) -> Self {
        Self::build("float64", v.iter().copied(), |b, x| {
            b.extend_from_slice(&x.unwrap_or(f64::NAN).to_le_bytes())
        })
    }
}
impl From<&Vec<bool>> for ArrowColumn {
    fn from(v: &Vec<bool>) -> Self {
        let mut bits = vec![0u8; v.len().div_ceil(8)];
        for (i, _) in v.iter().enumerate().filter(|(_, b)| **b) {
            bits[i / 8] |= 1 << (i % 8);
        }
        ArrowColumn {
            kind: "bool",
            len: v.len(),
            nulls: 0,
            validity: None,
            buffers: vec![bits],
        }
    }
}
impl From<&Vec<String>> for ArrowColumn {
    fn from(v: &Vec<String>) -> Self {
        Self::strings(v.iter().map(|s| Some(s.as_str())))
    }
}
impl From<&Vec<Option<String>>> for ArrowColumn {
    fn from(v: &Vec<Option<String>>) -> Self {
        Self::strings(v.iter().map(|s| s.as_deref()))
    }
}
impl From<&Vec<&'static str>> for ArrowColumn {
    fn from(v: &Vec<&'static str>) -> Self {
        Self::strings(v.iter().map(|s| Some(*s)))
    }
}
impl From<&Vec<Option<&'static str>>> for ArrowColumn {
    fn from(v: &Vec<Option<&'static str>>) -> Self {
        Self::strings(v.iter().copied())
    }
}

/// The compiled core of newsclaims.
#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_texts, m)?)?;
    m.add_function(wrap_pyfunction!(extract_paths, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_ids, m)?)?;
    m.add_function(wrap_pyfunction!(identify_sources, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
