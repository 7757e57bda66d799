//! Links over batches: `cluster_ids` and `link_claims` for claims gathered from several
//! calls (`cluster_claims`, `Extraction` concatenation), and `RunLinks`, the run-wide state of a stream
//! (`link::RunLinks`), each returning Arrow columns.
//!
//! Owns only these bindings' argument checks and their one core call each; it must not run
//! the pipeline over documents (`extract`) nor lay out Arrow buffers (`columns`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::columns::{ArrowColumn, TableColumns};
use super::to_py_err;
use crate::error::Error;
use crate::link::{self, ClaimKeys, Links};
use crate::pipeline;
use crate::table::{SourcesTable, Tables};

/// One `cluster_id` per claim content (see `cluster`), for claims gathered from several core
/// calls; `doc_ids[i]` is the document of `contents[i]`.
#[pyfunction]
pub(super) fn cluster_ids(
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

/// The claims' columns as the link step reads them ([`ClaimKeys`]), checked to be of one length.
fn claim_keys<'a>(
    doc_ids: &'a [String],
    contents: &'a [String],
    sources: &'a [String],
    source_texts: &'a [Option<String>],
    source_roles: &'a [Option<String>],
) -> PyResult<ClaimKeys<'a>> {
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
    Ok(ClaimKeys {
        doc_id: doc_ids.iter().map(String::as_str).collect(),
        content: contents.iter().map(String::as_str).collect(),
        source: sources.iter().map(String::as_str).collect(),
        source_text: source_texts.iter().map(Option::as_deref).collect(),
        source_role: source_roles.iter().map(Option::as_deref).collect(),
    })
}

/// `{"sources": {column: ArrowColumn}, "claims": {"source_id": .., "cluster_id": ..}}` for
/// the link step's columns (of one batch, `Links`, or of a stream's batch, `BatchLinks`).
fn link_columns(
    cluster_id: Vec<Option<i64>>,
    source_id: Vec<Option<i64>>,
    sources: SourcesTable,
) -> TableColumns {
    links_table(
        sources,
        vec![
            ("source_id", source_id.into()),
            ("cluster_id", cluster_id.into()),
        ],
    )
}

/// `{"sources": {column: ArrowColumn}}` for `sources`, with `claims` columns added.
fn links_table(sources: SourcesTable, claims: Vec<(&'static str, ArrowColumn)>) -> TableColumns {
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

/// The batch-level link step, the one a batch ends with (`batch::link_batch`, which runs
/// `link::link_claims`), over claims gathered from several calls (`Extraction`
/// concatenation): takes the claims' `doc_id`, `content`, `source` ("" for none),
/// `source_text` and `source_role` columns and returns `{"claims": {"source_id": ArrowColumn,
/// "cluster_id": ArrowColumn}, "sources": {column: ArrowColumn}}`.
#[pyfunction]
pub(super) fn link_claims<'py>(
    py: Python<'py>,
    doc_ids: Vec<String>,
    contents: Vec<String>,
    sources: Vec<String>,
    source_texts: Vec<Option<String>>,
    source_roles: Vec<Option<String>>,
) -> PyResult<Bound<'py, PyDict>> {
    let keys = claim_keys(&doc_ids, &contents, &sources, &source_texts, &source_roles)?;
    let columns = py.detach(move || -> Result<TableColumns, Error> {
        let workers = pipeline::Workers::new(None)?;
        let Links {
            cluster_id,
            source_id,
            sources,
        } = workers.run(|| link::link_claims(&keys));
        Ok(link_columns(cluster_id, source_id, sources))
    });
    columns.map_err(to_py_err)?.into_py(py)
}

/// The run-wide state of a stream (`link::RunLinks`: one identity registry and one
/// near-duplicate index for the run); `newsclaims._stream.RunLinks` keeps one per
/// `iter_extract`.
#[pyclass(module = "newsclaims._core", name = "RunLinks")]
pub(super) struct PyRunLinks {
    inner: crate::link::RunLinks,
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
        let keys = claim_keys(&doc_ids, &contents, &sources, &source_texts, &source_roles)?;
        let inner = &mut self.inner;
        let columns = py.detach(move || -> Result<TableColumns, Error> {
            let workers = pipeline::Workers::new(None)?;
            let link::BatchLinks {
                cluster_id,
                source_id,
                sources,
            } = workers.run(|| inner.link(&keys));
            Ok(link_columns(cluster_id, source_id, sources))
        });
        columns.map_err(to_py_err)?.into_py(py)
    }

    /// Every run-wide source so far: `{"sources": {column: ArrowColumn}, "claims": {}}`.
    fn sources<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let inner = &mut self.inner;
        let columns = py.detach(move || links_table(inner.sources(), Vec::new()));
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
