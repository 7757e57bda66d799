//! Tables to Arrow: every table as named Arrow columns filled chunk by chunk (`TableColumns`,
//! the sink of the core's `batch::Batch`), the batch-level link run over them in place, and each column handed to Python as its Arrow
//! buffers (`ArrowColumn`, `Buffer`) without a copy.
//!
//! Owns the layout of columns and buffers; it must not read arguments (`options`) nor decide
//! when chunks run (`extract`). The columns and their order are `table::COLUMNS`'s, taken
//! from the tables themselves (`Tables::into_columns`); nothing here names one but the
//! link's.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::batch::Sink;
use crate::link::{ClaimKeys, Links};
use crate::table::{ColumnData, StrColumn, Tables};

/// Every table as named Arrow columns, in the order of `table::COLUMNS` (which
/// `newsclaims._schema.SCHEMA` equals, a test says), filled one
/// chunk of documents at a time: each column keeps one Arrow array per chunk, handed to Python
/// as a chunked array. (Appending every chunk to one growing buffer copied each byte again at
/// every doubling, serially, and left the outgrown buffers in glibc's heap: peak RSS 412 MB on
/// the 30.7 MB benchmark corpus.) Pure Rust, so it is filled with the GIL released.
pub(super) struct TableColumns(pub(super) Vec<(&'static str, Vec<NamedChunks>)>);

/// A column's name and its chunks.
type NamedChunks = (&'static str, Vec<ArrowColumn>);

impl TableColumns {
    /// The columns of `t`, each moved out of the table (a column's `Vec` is freed as soon as its
    /// Arrow buffers are built; integer columns become their values buffer without a copy).
    pub(super) fn from_tables(t: Tables) -> Self {
        TableColumns(
            t.into_columns()
                .into_iter()
                .map(|(table, columns)| {
                    let columns = columns
                        .into_iter()
                        .map(|(name, data)| (name, vec![ArrowColumn::from(data)]))
                        .collect();
                    (table, columns)
                })
                .collect(),
        )
    }

    /// Every table with every column and no rows.
    pub(super) fn empty() -> Self {
        Self::from_tables(Tables::default())
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

    fn table_mut(&mut self, name: &str) -> &mut Vec<NamedChunks> {
        let at = self
            .0
            .iter()
            .position(|(t, _)| *t == name)
            .expect("a table of the schema");
        &mut self.0[at].1
    }

    pub(super) fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
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

/// The columns as a [`Batch`](crate::batch::Batch)'s sink: chunks appended in input order,
/// then the batch-level link step once over the claims of every chunk, read in place from the
/// Arrow buffers (a copy of them was 37 MB of the peak on the 30.7 MB benchmark corpus), so
/// repeats and source ids span the whole call.
impl Sink for TableColumns {
    /// Appends the rows of `t` (one chunk of documents, in input order, extracted without the
    /// batch-level steps).
    fn append(&mut self, t: Tables) {
        for ((_, mine), (_, theirs)) in self.0.iter_mut().zip(Self::from_tables(t).0) {
            for ((_, chunks), (_, more)) in mine.iter_mut().zip(theirs) {
                // The empty chunk of `empty()` is only there for a call without documents.
                chunks.retain(|c| c.len > 0);
                chunks.extend(more);
            }
        }
    }

    fn claim_keys(&self) -> ClaimKeys<'_> {
        let all = |name| -> Vec<&str> {
            let values = self.strings("claims", name);
            values.into_iter().map(Option::unwrap_or_default).collect()
        };
        ClaimKeys {
            doc_id: all("doc_id"),
            content: all("content"),
            source: all("source"),
            source_text: self.strings("claims", "source_text"),
            source_role: self.strings("claims", "source_role"),
        }
    }

    /// Puts `claims.cluster_id`, `claims.source_id` and the `sources` table in place.
    fn set_links(&mut self, links: Links) {
        let Links {
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
}

/// Memory owned by Rust that Python reads without a copy: `newsclaims._schema` wraps it with
/// `pyarrow.foreign_buffer(buffer.address, len(buffer), base=buffer)`, so the Arrow array (and
/// the pandas column over it) keeps this object, and with it the memory, alive. Immutable once
/// built (`frozen`, no method changes it), so the address stays valid.
#[pyclass(frozen, module = "newsclaims._core")]
pub(super) struct Buffer {
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
pub(super) struct ArrowColumn {
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
impl From<ColumnData> for ArrowColumn {
    fn from(data: ColumnData) -> Self {
        match data {
            ColumnData::Str(v) => v.into(),
            ColumnData::Name(v) => v.into(),
            ColumnData::OptName(v) => v.into(),
            ColumnData::I64(v) => v.into(),
            ColumnData::OptI64(v) => v.into(),
            ColumnData::OptF64(v) => v.into(),
            ColumnData::Bool(v) => v.into(),
        }
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
