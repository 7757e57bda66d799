"""The Python API: inputs in, one core call, DataFrames out."""
from __future__ import annotations

import datetime as _dt
import glob
import os
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Union

import pandas as pd

from . import _core
from ._schema import SCHEMA, TABLES, frame

PathLike = Union[str, "os.PathLike[str]"]
Progress = Union[bool, Callable[[int, int], Any], None]

#: file extensions read when a directory is walked
TEXT_EXTENSIONS = (".txt", ".text", ".html", ".htm")

#: files per core call when progress is reported
_PROGRESS_CHUNK = 256


class Extraction:
    """The tables extracted from a set of documents.

    ``documents``, ``claims``, ``quantities`` and ``sentences`` are pandas DataFrames with the
    columns of ``newsclaims.SCHEMA``; rows of every table join on ``doc_id``, claims and
    quantities on ``(doc_id, claim_id)``.
    """

    def __init__(self, documents: pd.DataFrame, claims: pd.DataFrame, quantities: pd.DataFrame,
                 sentences: pd.DataFrame) -> None:
        self.documents = documents
        self.claims = claims
        self.quantities = quantities
        self.sentences = sentences

    @classmethod
    def _from_columns(cls, columns: Dict[str, Dict[str, list]]) -> "Extraction":
        return cls(*(frame(name, columns[name]) for name in TABLES))

    @classmethod
    def _concat(cls, parts: List["Extraction"]) -> "Extraction":
        if not parts:
            return cls._from_columns({name: {} for name in TABLES})
        tables = []
        for name in TABLES:
            frames = [getattr(p, name) for p in parts]
            merged = pd.concat(frames, ignore_index=True)
            for column, dtype, _ in SCHEMA[name]:
                if merged[column].dtype != frames[0][column].dtype:
                    merged[column] = merged[column].astype(dtype)
            tables.append(merged)
        return cls(*tables)

    def table(self, name: str) -> pd.DataFrame:
        """One table by name: documents, claims, quantities or sentences."""
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; choose one of {', '.join(TABLES)}")
        return getattr(self, name)

    def to_arrow(self) -> Dict[str, Any]:
        """The tables as ``pyarrow.Table`` objects, keyed by table name."""
        import pyarrow as pa

        return {name: pa.Table.from_pandas(getattr(self, name), preserve_index=False) for name in TABLES}

    def __len__(self) -> int:
        return len(self.documents)

    def __repr__(self) -> str:
        errors = int(self.documents["error"].notna().sum())
        return (f"<Extraction: {len(self.documents)} documents ({errors} with errors), "
                f"{len(self.claims)} claims, {len(self.quantities)} quantities, "
                f"{len(self.sentences)} sentences>")


class Extractor:
    """A configured, reusable extractor.

    ``boilerplate``: extra whole-line regular expressions dropped from article bodies, on top of
    the built-in table. ``max_document_bytes``: larger documents get a per-document ``error``
    instead of being processed (0: no limit). ``jobs``: default number of threads.
    """

    def __init__(self, *, boilerplate: Sequence[str] = (), max_document_bytes: int = 0,
                 jobs: Optional[int] = None) -> None:
        if isinstance(boilerplate, str):
            raise TypeError("boilerplate must be a sequence of patterns, not one str")
        self.boilerplate = [str(p) for p in boilerplate]
        if max_document_bytes < 0:
            raise ValueError("max_document_bytes must be >= 0")
        self.max_document_bytes = int(max_document_bytes)
        self.jobs = _check_jobs(jobs)

    def __repr__(self) -> str:
        return (f"Extractor(boilerplate={self.boilerplate!r}, max_document_bytes={self.max_document_bytes}, "
                f"jobs={self.jobs!r})")

    def __getstate__(self) -> Dict[str, Any]:
        return {"boilerplate": self.boilerplate, "max_document_bytes": self.max_document_bytes, "jobs": self.jobs}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def _options(self) -> Dict[str, Any]:
        return {"boilerplate": self.boilerplate, "max_document_bytes": self.max_document_bytes}

    def extract(self, texts: Iterable[str], *, ids: Optional[Sequence[Any]] = None,
                published: Optional[Sequence[Any]] = None, titles: Optional[Sequence[Optional[str]]] = None,
                jobs: Optional[int] = None) -> Extraction:
        """Extracts from in-memory texts. See :func:`newsclaims.extract`."""
        if isinstance(texts, (str, bytes)):
            raise TypeError("texts must be an iterable of str, not a single str; wrap it in a list")
        texts = list(texts)
        n = len(texts)
        ids_list = [str(i) for i in range(n)] if ids is None else [str(i) for i in ids]
        if len(ids_list) != n:
            raise ValueError(f"ids has {len(ids_list)} items but texts has {n}")
        published_list = [None] * n if published is None else [_date_string(p) for p in published]
        if len(published_list) != n:
            raise ValueError(f"published has {len(published_list)} items but texts has {n}")
        titles_list = [None] * n if titles is None else [None if t is None else str(t) for t in titles]
        if len(titles_list) != n:
            raise ValueError(f"titles has {len(titles_list)} items but texts has {n}")
        columns = _core.extract_texts(texts, ids_list, published_list, titles_list,
                                      jobs=self._jobs(jobs), **self._options())
        return Extraction._from_columns(columns)

    def extract_files(self, *paths: PathLike, jobs: Optional[int] = None, progress: Progress = None) -> Extraction:
        """Extracts from files. See :func:`newsclaims.extract_files`."""
        files = expand_paths(paths)
        ids = [Path(f).stem for f in files]
        jobs = self._jobs(jobs)
        if not progress:
            return Extraction._from_columns(_core.extract_paths(files, ids, jobs=jobs, **self._options()))
        report = progress if callable(progress) else _print_progress
        parts = []
        for lo in range(0, len(files), _PROGRESS_CHUNK):
            hi = min(lo + _PROGRESS_CHUNK, len(files))
            parts.append(Extraction._from_columns(
                _core.extract_paths(files[lo:hi], ids[lo:hi], jobs=jobs, **self._options())))
            report(hi, len(files))
        return Extraction._concat(parts)

    def _jobs(self, jobs: Optional[int]) -> Optional[int]:
        return _check_jobs(jobs) if jobs is not None else self.jobs


def _check_jobs(jobs: Optional[int]) -> Optional[int]:
    if jobs is None:
        return None
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be an int or None, not {type(jobs).__name__}")
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    return jobs


def _print_progress(done: int, total: int) -> None:
    import sys

    print(f"\rnewsclaims: {done}/{total} files", end="\n" if done == total else "", file=sys.stderr, flush=True)


def _date_string(value: Any) -> Optional[str]:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, (_dt.datetime, _dt.date, pd.Timestamp)):
        return value.isoformat()
    return str(value)


def expand_paths(paths: Sequence[PathLike]) -> List[str]:
    """Files named by `paths`: files as given, directories walked recursively (for files with
    :data:`TEXT_EXTENSIONS`, sorted), glob patterns expanded. Raises ``FileNotFoundError`` for a
    path that does not exist and matches nothing."""
    files: List[str] = []
    for p in paths:
        p = os.fspath(p)
        if not isinstance(p, str):
            raise TypeError(f"paths must be str or os.PathLike, not {type(p).__name__}")
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files.extend(os.path.join(root, n) for n in sorted(names) if n.lower().endswith(TEXT_EXTENSIONS))
        elif os.path.exists(p):
            files.append(p)
        elif glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise FileNotFoundError(f"no files match {p!r}")
            files.extend(m for m in matches if os.path.isfile(m))
        else:
            raise FileNotFoundError(f"no such file or directory: {p!r}")
    return files


_DEFAULT = Extractor()


def extract(texts: Iterable[str], *, ids: Optional[Sequence[Any]] = None, published: Optional[Sequence[Any]] = None,
            titles: Optional[Sequence[Optional[str]]] = None, jobs: Optional[int] = None) -> Extraction:
    """Extracts claims and quantities from in-memory texts.

    ``texts``: any iterable of str. ``ids``: one per text (default "0", "1", ...).
    ``published``: one date per text (``datetime``, ``date``, ISO string or None); relative
    dates ("on Friday") resolve against it. ``titles``: optional headlines. ``jobs``: threads
    (default: all cores). A non-str text raises ``TypeError`` naming its index.

    >>> ex = extract(["Lavrov said: “The talks will continue in Geneva.”"])
    >>> ex.claims.loc[0, "source"], ex.claims.loc[0, "content"]
    ('Lavrov', 'The talks will continue in Geneva.')
    """
    return _DEFAULT.extract(texts, ids=ids, published=published, titles=titles, jobs=jobs)


def extract_files(*paths: PathLike, jobs: Optional[int] = None, progress: Progress = None) -> Extraction:
    """Extracts claims and quantities from files.

    Each path is a file, a directory (walked recursively for .txt and .html files) or a glob
    pattern. A document's id is its file stem. A missing path raises ``FileNotFoundError``; a
    file that cannot be read or decoded does not stop the run: its ``documents.error`` says why.
    ``progress``: True prints progress to stderr; a callable gets ``(done, total)``.
    """
    return _DEFAULT.extract_files(*paths, jobs=jobs, progress=progress)
