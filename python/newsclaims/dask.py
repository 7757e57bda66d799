"""Dask: extract from a Dask DataFrame of articles, lazily, one partition per task.

``newsclaims.dask.extract(ddf, text="text", id="id")`` returns Dask DataFrames for documents,
claims, quantities, sentences and sources (numbered per partition) whose ``meta`` is ``newsclaims.SCHEMA``; nothing runs until
they are computed. Needs ``pip install 'dask[dataframe]' distributed`` (from a checkout: ``pip install '.[dask]'``). Each partition runs
``newsclaims.extract_frame`` in a worker, so the results are those of the single-machine run,
except ``claims.cluster_id``, which links repeats within a partition only: for the corpus,
``claims = ex.claims.compute(); claims["cluster_id"] = newsclaims.cluster_claims(claims)``.
It schedules nothing itself: Dask (a ``distributed`` cluster or the local scheduler) does.
"""
from __future__ import annotations

from typing import Any, NamedTuple, Optional

import pandas as pd

try:
    import dask.dataframe as dd
    from dask.delayed import delayed
except ImportError as e:  # pragma: no cover - depends on the environment
    raise ImportError("newsclaims.dask needs dask: pip install 'dask[dataframe]' distributed "
                      "(from a newsclaims checkout: pip install '.[dask]')") from e

from ._extract import Extraction, Extractor, _DEFAULT
from ._schema import CATEGORY, SCHEMA, TABLES, frame


class DaskExtraction(NamedTuple):
    """The tables of :func:`extract` as lazy Dask DataFrames (columns and dtypes of
    ``newsclaims.SCHEMA``). Compute them together, ``dask.compute(ex.claims, ex.documents)``,
    so that each partition is extracted once.

    ``sources`` and ``claims.source_id`` are numbered per partition (each partition is one
    batch): a ``source_id`` means one source only within its partition. For ids across the
    whole frame, run :func:`newsclaims.extract_frame` on it, or join the computed partitions
    with ``newsclaims.Extraction.concat``."""

    documents: Any
    claims: Any
    quantities: Any
    sentences: Any
    sources: Any


def _extract_partition(part: pd.DataFrame, text: str, id: Optional[str], published: Optional[str],
                       title: Optional[str], jobs: Optional[int], extractor: Extractor) -> Extraction:
    return extractor.extract_frame(part, text=text, id=id, published=published, title=title, jobs=jobs)


def _table(ex: Extraction, name: str) -> pd.DataFrame:
    df: pd.DataFrame = getattr(ex, name)
    # An empty partition's categories are object-typed, a full one's are str; Dask's concat
    # (union_categoricals) refuses to mix them, so every partition gets str categories.
    for column, dtype, _ in SCHEMA[name]:
        if dtype == CATEGORY:
            categories = df[column].cat.categories
            df[column] = df[column].cat.set_categories(pd.Index([str(c) for c in categories], dtype=str))
    return df


def _meta(name: str) -> pd.DataFrame:
    """The empty frame of table `name`, categories as the partitions have them."""
    return _table(Extraction(*(frame(t, {}) for t in TABLES)), name)


def extract(ddf: Any, text: str = "text", id: Optional[str] = None, published: Optional[str] = None,
            title: Optional[str] = None, *, jobs: Optional[int] = 1,
            extractor: Optional[Extractor] = None) -> DaskExtraction:
    """Extracts claims and quantities from a Dask DataFrame, lazily.

    ``text``, ``id``, ``published``, ``title``: columns as in :func:`newsclaims.extract_frame`
    (without ``id``, the DataFrame's index gives ``doc_id``). ``jobs``: threads per partition
    (default 1: Dask already runs one task per worker thread). ``extractor``: a configured
    :class:`newsclaims.Extractor` (it pickles to the workers).

    Why not one ``map_partitions`` per table: each would extract the partition again, three
    times for three tables. Instead every partition is extracted once in a ``dask.delayed``
    task, and each table is ``dd.from_delayed`` over those tasks with the table's empty frame
    from ``newsclaims.SCHEMA`` as ``meta``; the graph is shared, so computing claims and
    documents together extracts each partition once.

    >>> import dask.dataframe as dd, pandas as pd
    >>> df = pd.DataFrame({"id": ["a", "b"], "text": ["Lavrov said: “The talks will continue.”", "No claims."]})
    >>> ex = extract(dd.from_pandas(df, npartitions=2), id="id")
    >>> ex.claims.compute()[["doc_id", "source"]].values.tolist()
    [['a', 'Lavrov']]
    """
    if not isinstance(ddf, dd.DataFrame):
        raise TypeError(f"ddf must be a dask DataFrame, not {type(ddf).__name__}")
    for role, column in (("text", text), ("id", id), ("published", published), ("title", title)):
        if column is not None and column not in ddf.columns:
            raise KeyError(f"{role} column {column!r} is not in the DataFrame; its columns are {list(ddf.columns)}")
    extractor = extractor or _DEFAULT
    columns = list(dict.fromkeys(c for c in (text, id, published, title) if c is not None))
    run = delayed(_extract_partition, pure=True)
    table = delayed(_table, pure=True)
    parts = [run(part, text, id, published, title, jobs, extractor) for part in ddf[columns].to_delayed()]
    tables = {name: dd.from_delayed([table(p, name) for p in parts], meta=_meta(name), verify_meta=False)
              for name in TABLES}
    return DaskExtraction(**tables)
