"""Spark: extract one table from a Spark DataFrame of articles with ``mapInPandas``.

``newsclaims.spark.extract(df, "claims", text="text", id="id")`` returns a Spark DataFrame of
that table with an explicit schema derived from ``newsclaims.SCHEMA``; Spark runs
``newsclaims.extract_frame`` on each Arrow batch of rows in its Python workers, so the rows are
those of the single-machine run (``claims.cluster_id`` links repeats within a batch only;
:func:`newsclaims.cluster_claims` links them over collected claims). Needs ``pyspark`` (``pip install pyspark``, from a checkout ``pip install '.[spark]'``) and
newsclaims installed on every executor. Unlike ``newsclaims.dask``, Spark has no shared lazy
graph across DataFrames: each table is its own job (cache the input if you need several).
``sources`` and ``claims.source_id`` are numbered per Arrow batch, as in ``newsclaims.dask``.
"""
from __future__ import annotations

from typing import Any, Iterator, List, Optional

import pandas as pd

from ._extract import Extractor, _DEFAULT
from ._schema import BOOL, CATEGORY, DATETIME, FLOAT, INT, SCHEMA


def spark_schema(table: str) -> Any:
    """The ``pyspark.sql.types.StructType`` of `table` (categories become strings)."""
    from pyspark.sql import types as T

    types = {DATETIME: T.TimestampNTZType(), INT: T.LongType(), FLOAT: T.DoubleType(), BOOL: T.BooleanType()}
    return T.StructType([T.StructField(name, types.get(dtype, T.StringType()), True)
                         for name, dtype, _ in SCHEMA[table]])


def _whole_columns(out: pd.DataFrame, categories: List[str]) -> pd.DataFrame:
    """`out` with its string and category columns as plain ``str`` objects (None for missing).

    The core hands string columns over in chunks (one per 2 MiB of input), and pandas 3 keeps
    them as Arrow-backed strings over those chunks; Spark's ``mapInPandas`` converts each column
    with ``pyarrow.Array.from_pandas``, which cannot take a chunked array ("Cannot convert
    pyarrow.lib.ChunkedArray to pyarrow.lib.Array") once a batch holds more than one chunk (about
    930 articles). Object columns of str become one whole Arrow array whatever the pandas version
    and the batch size."""
    for c in out.columns:
        dtype = out[c].dtype
        if c in categories or isinstance(dtype, pd.StringDtype) or dtype == object:
            column = out[c].astype(object)
            out[c] = column.where(column.notna(), None)
    return out


def extract(df: Any, table: str = "claims", text: str = "text", id: Optional[str] = None,
            published: Optional[str] = None, title: Optional[str] = None, *, jobs: Optional[int] = 1,
            extractor: Optional[Extractor] = None) -> Any:
    """Extracts `table` (claims, quantities, documents, sentences or sources) from a Spark DataFrame,
    lazily, with ``mapInPandas``. ``text``/``id``/``published``/``title`` are column names as in
    :func:`newsclaims.extract_frame`; ``id`` is required (Spark rows have no index).
    ``jobs``: threads per Python worker (default 1: Spark runs one worker per core)."""
    if table not in SCHEMA:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(SCHEMA)}")
    if id is None:
        raise ValueError("id is required: name the column of document ids")
    for role, column in (("text", text), ("id", id), ("published", published), ("title", title)):
        if column is not None and column not in df.columns:
            raise KeyError(f"{role} column {column!r} is not in the DataFrame; its columns are {list(df.columns)}")
    extractor = extractor or _DEFAULT
    columns = list(dict.fromkeys(c for c in (text, id, published, title) if c is not None))
    names = [name for name, _, _ in SCHEMA[table]]
    categories = [name for name, dtype, _ in SCHEMA[table] if dtype == CATEGORY]

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for part in batches:
            out = extractor.extract_frame(part, text=text, id=id, published=published, title=title,
                                          jobs=jobs).table(table)[names]
            yield _whole_columns(out, categories)

    return df.select(*columns).mapInPandas(run, schema=spark_schema(table))
