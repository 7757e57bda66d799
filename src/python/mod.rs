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
//!
//! The bindings are split by what they do: `options` (arguments in: options, texts, formats),
//! `extract` (the chunked, interruptible runs of `extract_texts` and `extract_paths`, each a
//! core `batch::Batch`), `links` (the link step over batches, the `RunLinks` class) and
//! `columns` (tables to Arrow buffers). This module owns the error mapping, the small registry
//! functions and the module itself. None of them holds core logic: each call goes to one core
//! function (`batch`, `pipeline`, `cluster`, `link`, `rules`, `table`), and no other module of
//! the crate may import these.

use pyo3::exceptions::{PyFileNotFoundError, PyInterruptedError, PyOSError, PyValueError};
use pyo3::prelude::*;

use crate::error::Error;

mod columns;
mod extract;
mod links;
mod options;

use columns::Buffer;
use extract::{extract_paths, extract_texts};
use links::{cluster_ids, link_claims, PyRunLinks};

pub(super) fn to_py_err(e: Error) -> PyErr {
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

/// The rule registry (`crate::rules::RULES`) as `(name, table, summary, example, modifier)` rows,
/// in the order the stages try them.
#[pyfunction]
fn rules() -> Vec<(&'static str, &'static str, &'static str, &'static str, bool)> {
    crate::rules::RULES
        .iter()
        .map(|r| {
            (
                r.name,
                r.stage.as_str(),
                r.summary,
                r.example,
                r.rule.is_modifier(),
            )
        })
        .collect()
}

/// The fixed vocabulary of each categorical column (`crate::table::vocabularies`) as
/// `(table, column, values)` rows.
#[pyfunction]
fn vocabularies() -> Vec<(&'static str, &'static str, Vec<String>)> {
    crate::table::vocabularies()
}

/// Every table's columns (`crate::table::COLUMNS`) as `(table, [(column, kind)])` rows, in
/// output order; `kind` is the Arrow type of the column's buffers.
#[pyfunction]
#[pyo3(name = "columns")]
fn table_columns() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    crate::table::COLUMNS
        .iter()
        .map(|(table, columns)| (*table, columns.to_vec()))
        .collect()
}

/// The compiled core of newsclaims.
#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_texts, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(vocabularies, m)?)?;
    m.add_function(wrap_pyfunction!(table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(extract_paths, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_ids, m)?)?;
    m.add_function(wrap_pyfunction!(link_claims, m)?)?;
    m.add_class::<Buffer>()?;
    m.add_class::<PyRunLinks>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
