//! The Python bindings (feature `python`): the only file that knows pyo3.
//!
//! Each function extracts and validates arguments while attached, releases the GIL around one
//! core call, and converts the resulting tables to Python as columns: a dict of table name to a
//! dict of column name to list. The `newsclaims` Python package turns those into DataFrames.

use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

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

fn build_options(boilerplate: Vec<String>, max_document_bytes: usize) -> PyResult<Options> {
    Options {
        max_document_bytes,
        ..Options::default()
    }
    .with_boilerplate(&boilerplate)
    .map_err(to_py_err)
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

/// Runs the pipeline over in-memory texts; returns `{table: {column: list}}`.
#[pyfunction]
#[pyo3(signature = (texts, ids, published, titles, *, jobs=None, boilerplate=Vec::new(), max_document_bytes=0))]
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
) -> PyResult<Bound<'py, PyDict>> {
    let (texts, lossy) = strings("texts", texts)?;
    if texts.len() != ids.len() || texts.len() != published.len() || texts.len() != titles.len() {
        return Err(PyValueError::new_err(format!(
            "texts, ids, published and titles must have the same length (got {}, {}, {}, {})",
            texts.len(),
            ids.len(),
            published.len(),
            titles.len()
        )));
    }
    let options = build_options(boilerplate, max_document_bytes)?;
    let tables = py.detach(move || {
        let mut raws: Vec<_> = texts
            .into_iter()
            .zip(ids)
            .zip(published.into_iter().zip(titles))
            .map(|((text, id), (published, title))| {
                pipeline::raw_from_text(id, text, published, title)
            })
            .collect();
        for i in lossy {
            raws[i]
                .warnings
                .push("lone surrogate(s) in the str replaced by U+FFFD".to_owned());
        }
        pipeline::extract_batch(&raws, &options, jobs)
    });
    tables_to_py(py, tables.map_err(to_py_err)?)
}

/// Runs the pipeline over files, read and decoded in parallel; returns `{table: {column: list}}`.
#[pyfunction]
#[pyo3(signature = (paths, ids, *, jobs=None, boilerplate=Vec::new(), max_document_bytes=0))]
fn extract_paths<'py>(
    py: Python<'py>,
    paths: Vec<String>,
    ids: Vec<String>,
    jobs: Option<usize>,
    boilerplate: Vec<String>,
    max_document_bytes: usize,
) -> PyResult<Bound<'py, PyDict>> {
    if paths.len() != ids.len() {
        return Err(PyValueError::new_err(
            "paths and ids must have the same length",
        ));
    }
    let options = build_options(boilerplate, max_document_bytes)?;
    let files: Vec<FileInput> = paths
        .into_iter()
        .zip(ids)
        .map(|(path, id)| FileInput { path, id })
        .collect();
    let tables = py.detach(move || pipeline::extract_files(&files, &options, jobs));
    tables_to_py(py, tables.map_err(to_py_err)?)
}

fn tables_to_py(py: Python<'_>, t: Tables) -> PyResult<Bound<'_, PyDict>> {
    macro_rules! columns {
        ($table:expr; $($col:ident),*) => {{
            let d = PyDict::new(py);
            $( d.set_item(stringify!($col), $table.$col)?; )*
            d
        }};
    }
    let out = PyDict::new(py);
    let d = t.documents;
    out.set_item("documents", columns!(d; doc_id, path, title, published, text, n_sentences, n_claims, n_quantities, warnings, error))?;
    let c = t.claims;
    out.set_item("claims", columns!(c; doc_id, claim_id, sentence_id, kind, source, source_text, source_role, cue, cue_lemma, content, via, hedge, date_text, date, start, end, content_start, content_end))?;
    let q = t.quantities;
    out.set_item("quantities", columns!(q; doc_id, quantity_id, claim_id, sentence_id, text, value, low, high, qualifier, unit, counted, direction, start, end, date))?;
    let s = t.sentences;
    out.set_item(
        "sentences",
        columns!(s; doc_id, sentence_id, start, end, text, is_caption),
    )?;
    Ok(out)
}

/// The compiled core of newsclaims.
#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_texts, m)?)?;
    m.add_function(wrap_pyfunction!(extract_paths, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
