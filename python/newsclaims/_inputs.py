"""Files and records in: the extensions a walk picks up, walking paths and directories (never
leaving the root unless asked, skipping newsclaims' own output tables), reading JSON Lines and
CSV records and metadata, and document ids and publication dates as the core takes them.

Owns how inputs are found and read before any core call; it must not call the core, build an
``Extraction`` nor import ``_extract`` (which uses it).
"""
from __future__ import annotations

import csv
import datetime as _dt
import functools
import glob
import gzip
import json
import os
import re
import stat
from pathlib import Path
import warnings as _warnings
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union, cast

import pandas as pd

from ._schema import SCHEMA

PathLike = Union[str, "os.PathLike[str]"]

#: files of records, one document per JSON line or CSV row
RECORD_EXTENSIONS = (".jsonl", ".csv", ".jsonl.gz", ".csv.gz")

#: article files (one document each)
ARTICLE_EXTENSIONS = (".txt", ".text", ".html", ".htm")

#: compression suffixes of article files. The core recognises compression by the file's magic
#: bytes whatever its name (``src/parse/input.rs``); the names only say what a walk picks up
#: and are stripped from the document id (``a.txt.gz`` is ``a``).
COMPRESSED_EXTENSIONS = (".gz", ".bz2", ".xz", ".zst")

#: file extensions read when a directory is walked
TEXT_EXTENSIONS = (ARTICLE_EXTENSIONS + tuple(a + c for a in ARTICLE_EXTENSIONS for c in COMPRESSED_EXTENSIONS)
                   + RECORD_EXTENSIONS)

#: columns that may hold a record's text, in order of preference
TEXT_COLUMNS = ("text", "body", "content")

#: record columns that newsclaims reads itself (the text column aside); any other column is kept
#: on the documents table as metadata, after the schema's columns
RECORD_COLUMNS = ("id", "title", "published")

#: columns of a metadata table that name the document it describes, in order of preference
METADATA_ID_COLUMNS = ("id", "doc_id")


def read_metadata(metadata: Union[PathLike, pd.DataFrame, None]) -> Optional[pd.DataFrame]:
    """Metadata for :func:`extract_files`: a DataFrame, or a .csv/.jsonl file (either gzipped),
    with an ``id`` (or ``doc_id``) column of document ids (file stems) and any other columns
    (``published``, ``title``, ``outlet``, ...). Returned with ids as str in column ``doc_id``.
    Raises KeyError without an id column and ValueError for an id given twice."""
    if metadata is None:
        return None
    if isinstance(metadata, pd.DataFrame):
        df = metadata.copy()
    else:
        path = os.fspath(metadata)
        if not os.path.exists(path):
            raise FileNotFoundError(f"no such metadata file: {path!r}")
        df, _ = read_records(path)
    id_col = next((c for c in METADATA_ID_COLUMNS if c in df.columns), None)
    if id_col is None:
        raise KeyError(f"metadata needs an id column ({' or '.join(METADATA_ID_COLUMNS)}); "
                       f"its columns are {list(df.columns)}")
    ids = [_record_id(v, "") for v in df[id_col]]
    _check_unique(ids)
    df = df.drop(columns=[c for c in METADATA_ID_COLUMNS if c in df.columns])
    df.insert(0, "doc_id", ids)
    return df.reset_index(drop=True)


def _published_of(meta: Optional[pd.DataFrame], ids: Sequence[str]) -> Optional[List[Optional[str]]]:
    """The metadata's publication date for each id (None where it has none), for the core."""
    if meta is None or "published" not in meta.columns:
        return None
    dates = dict(zip(meta["doc_id"], meta["published"]))
    return [_date_string(dates.get(i)) or None for i in ids]


def _record_stem(path: str) -> str:
    return Path(path[:-3] if path.lower().endswith(".gz") else path).stem


def file_id(path: str) -> str:
    """The document id of an article file: its stem, compression suffix aside (``a.txt.gz`` ->
    ``a``)."""
    name = Path(path).name
    lower = name.lower()
    for suffix in COMPRESSED_EXTENSIONS:
        if lower.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return Path(name).stem


def _is_record_file(path: str) -> bool:
    return path.lower().endswith(RECORD_EXTENSIONS)


def _record_id(value: Any, default: str) -> str:
    """A record's id as written: 7 and 7.0 (a JSON int next to missing ids) both give "7"."""
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return default
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_records(path: str) -> "tuple[pd.DataFrame, list[tuple[int, str]]]":
    """Reads a .jsonl or .csv file of records as a DataFrame of str/JSON values, with
    ``(row, warning)`` pairs for rows that could not be read (they become empty records)."""
    for chunk in iter_records(path, None):
        return chunk
    return pd.DataFrame(), []


def iter_records(path: str, chunk_rows: Optional[int]) -> "Iterator[Tuple[pd.DataFrame, List[Tuple[int, str]]]]":
    """Reads a .jsonl or .csv file (either gzipped) incrementally: chunks of at most
    `chunk_rows` records (all in one chunk when None) as :func:`read_records` gives them, the
    warnings' rows counted within each chunk. Yields nothing for a JSON Lines file with no
    records."""
    if path.lower().endswith((".csv", ".csv.gz")):
        # Every column as str, so that ids like "007" and dates stay as written.
        read = functools.partial(pd.read_csv, path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                                 encoding_errors="replace")
        if chunk_rows is None:
            whole = cast(pd.DataFrame, read())  # without chunksize; the stubs cannot see it through partial
            yield whole, []
        else:
            with read(chunksize=chunk_rows) as reader:
                for df in reader:
                    yield df.reset_index(drop=True), []
        return
    warnings: List[Tuple[int, str]] = []
    rows: List[Dict[str, Any]] = []
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as e:
                value = None
                reason = f"line {n} is not JSON ({e.msg})"
            else:
                reason = f"line {n} is not a JSON object"
            if not isinstance(value, dict):
                warnings.append((len(rows), reason))
                value = {}
            rows.append(value)
            if chunk_rows is not None and len(rows) >= chunk_rows:
                yield pd.DataFrame.from_records(rows), warnings
                rows, warnings = [], []
    if rows or chunk_rows is None:
        yield pd.DataFrame.from_records(rows), warnings


def _check_unique(ids: List[str]) -> None:
    """Raises ValueError naming the first id given twice: tables join on ``doc_id``, so a
    repeated id would silently merge two documents' rows."""
    if len(set(ids)) == len(ids):
        return
    first: Dict[str, int] = {}
    for i, doc_id in enumerate(ids):
        if doc_id in first:
            raise ValueError(f"ids must be unique: {doc_id!r} is given at positions {first[doc_id]} and {i}")
        first[doc_id] = i


def _is_missing(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _id_strings(ids: Iterable[Any]) -> List[str]:
    """`ids` as str; a missing one (None, NaN, NA, NaT) is a ValueError naming its index (it
    would otherwise become the id "nan" or "None")."""
    out = []
    for k, value in enumerate(ids):
        if _is_missing(value):
            raise ValueError(f"ids[{k}] is missing ({value!r}): every document needs an id; fill or drop it")
        out.append(str(value))
    return out


#: an ISO 8601 date and time with a UTC offset or "Z"
_ISO_WITH_OFFSET = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?\s*(Z|[+-]\d\d(:?\d\d)?)", re.I)


def _published_strings(values: Iterable[Any]) -> "tuple[List[Optional[str]], List[Tuple[int, str]]]":
    """The caller's publication dates as the core reads them. One rule for a time-zone-aware
    value (a datetime or Timestamp with a zone, or an ISO 8601 string with an offset): it is
    converted to UTC and kept without a zone (``published`` has none); each such value not
    already in UTC is returned with its index and a note for the document's ``warnings``."""
    out: List[Optional[str]] = []
    converted: List[Tuple[int, str]] = []
    for k, value in enumerate(values):
        aware = None
        if isinstance(value, _dt.datetime) and value.tzinfo is not None and value.utcoffset() is not None:
            aware = pd.Timestamp(value)
        elif isinstance(value, str) and _ISO_WITH_OFFSET.fullmatch(value.strip()):
            try:
                aware = pd.Timestamp(value.strip())
            except (ValueError, OverflowError):
                aware = None
        if aware is not None and aware.tzinfo is not None:
            utc = aware.tz_convert("UTC").tz_localize(None)
            out.append(utc.isoformat())
            if aware.utcoffset():  # a value already in UTC ("...Z") loses nothing: no note
                converted.append((k, f"published {value.isoformat() if not isinstance(value, str) else value} "
                                     f"converted to UTC: {utc.isoformat()}"))
        else:
            out.append(_date_string(value))
    return out, converted


def _date_string(value: Any) -> Optional[str]:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if value is pd.NaT or value is pd.NA:  # pd.NA: a missing value of a "string" column
        return None
    if isinstance(value, (_dt.datetime, _dt.date, pd.Timestamp)):
        return value.isoformat()
    return str(value)


def expand_paths(paths: Sequence[PathLike], extensions: Sequence[str] = TEXT_EXTENSIONS, *,
                 follow_links: bool = False) -> List[str]:
    """Files named by `paths`: files as given, directories walked recursively (for files with
    `extensions`, by default :data:`TEXT_EXTENSIONS`, sorted), glob patterns expanded. Raises ``FileNotFoundError`` for a
    path that does not exist and matches nothing. Entries a walk cannot use (see
    :func:`walk_paths`) are left out; :func:`extract_files` reports them as documents rows."""
    return [path for path, error in walk_paths(paths, extensions, follow_links=follow_links) if error is None]


def walk_paths(paths: Sequence[PathLike], extensions: Sequence[str] = TEXT_EXTENSIONS, *,
               follow_links: bool = False) -> List["tuple[str, Optional[str]]"]:
    """Like :func:`expand_paths`, as ``(path, error)`` pairs: ``error`` is None for a file to
    read, or says why an entry met on the way cannot be read (an unreadable directory, a named
    pipe or device, a symbolic link leading outside the walked directory).

    A directory walk skips the tables newsclaims itself writes (``-o claims.csv`` saved in the
    folder it reads, then a second run over that folder): a ``.csv``/``.jsonl`` file (gzipped or
    not) whose first two columns are those of one of the output tables (``doc_id, claim_id``,
    ``doc_id, path``, ``doc_id, quantity_id``, ``doc_id, sentence_id``; ``Extraction.merge``
    starts like claims) is not read as records, and one ``UserWarning`` names the files skipped.
    A file named by its own path or by a glob is always read.

    A walk never writes and never leaves its root unless ``follow_links`` is true: a symbolic
    link inside a directory is read only when it points inside that directory (its target is
    then met anyway). With ``follow_links`` true, links are followed wherever they lead and each
    directory is walked once, so link loops end."""
    out: List["tuple[str, Optional[str]]"] = []
    for given in paths:
        p = os.fspath(given) if isinstance(given, (str, bytes, os.PathLike)) else given
        if not isinstance(p, str):
            raise TypeError(f"paths must be str or os.PathLike, not {type(p).__name__}")
        if os.path.isdir(p):
            out.extend(_walk_directory(p, tuple(extensions), follow_links))
        elif os.path.exists(p):
            out.append((p, _not_regular(p)))
        elif glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise FileNotFoundError(f"no files match {p!r}")
            out.extend((m, None) for m in matches if os.path.isfile(m))
        elif os.path.islink(p):
            out.append((p, f"cannot read {p}: broken symbolic link to {os.readlink(p)}"))
        else:
            raise FileNotFoundError(f"no such file or directory: {p!r}")
    return out


def _not_regular(path: str) -> Optional[str]:
    """Why `path` is not read as a file (reading a named pipe or a device would block or never
    end), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        return f"cannot read {path}: {e.strerror or e}"
    if stat.S_ISREG(mode):
        return None
    return f"cannot read {path}: not a regular file"


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _walk_directory(top: str, extensions: Tuple[str, ...], follow_links: bool) -> List["tuple[str, Optional[str]]"]:
    out: List["tuple[str, Optional[str]]"] = []
    root = os.path.realpath(top)
    seen = set()
    skipped: List[str] = []
    # os.walk calls onerror for a directory it cannot list; its walk goes on with the others.
    for directory, dirs, names in os.walk(top, followlinks=follow_links,
                                          onerror=lambda e: out.append((e.filename, f"cannot read {e.filename}: {e.strerror or e}"))):
        real = os.path.realpath(directory)
        if real in seen:  # a link loop, or a second link to one directory
            dirs.clear()
            continue
        seen.add(real)
        dirs.sort()
        if not follow_links:
            for d in dirs:
                full = os.path.join(directory, d)
                if os.path.islink(full) and not _inside(os.path.realpath(full), root):
                    out.append((full, f"not read: {full} is a symbolic link to {os.path.realpath(full)}, outside "
                                      f"{top}; pass follow_links=True to follow it"))
        for name in sorted(names):
            if not name.lower().endswith(extensions):
                continue
            full = os.path.join(directory, name)
            if _is_record_file(full) and _is_own_output(full):
                skipped.append(full)
                continue
            if not follow_links and os.path.islink(full) and not _inside(os.path.realpath(full), root):
                out.append((full, f"not read: {full} is a symbolic link to {os.path.realpath(full)}, outside "
                                  f"{top}; pass follow_links=True to follow it"))
            else:
                out.append((full, _not_regular(full)))
    if skipped:
        shown = ", ".join(skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
        _warnings.warn(f"skipped {len(skipped)} newsclaims output table(s) in {top}: {shown}; "
                       f"name a file itself to read it as records", UserWarning, stacklevel=4)
    return out


#: the first two columns of each output table (``Extraction.merge`` starts like claims)
_OUTPUT_HEADS = {tuple(c for c, _, _ in columns[:2]) for columns in SCHEMA.values()}


def _is_own_output(path: str) -> bool:
    """Whether the record file at `path` is a table newsclaims wrote: its first two columns (CSV
    header, or the keys of the first JSON Lines record) are those of an output table."""
    try:
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as f:
            if path.lower().endswith((".csv", ".csv.gz")):
                header = next(csv.reader(f), [])
            else:
                line = next((line for line in f if line.strip()), "")
                record = json.loads(line) if line else {}
                header = list(record) if isinstance(record, dict) else []
    except (OSError, ValueError, EOFError, csv.Error):
        return False
    return tuple(header[:2]) in _OUTPUT_HEADS
