"""Streaming: corpora larger than memory, a batch of documents at a time.

:func:`iter_extract` walks files (directories, JSON Lines and CSV read incrementally, gzipped
files, WARC archives) or an iterable of texts and yields :class:`Extraction` batches in input
order; only one batch of documents and its tables is held at a time. :class:`TableWriter` writes
such batches to one Parquet, CSV or JSON Lines file as they come (the CLI's ``-o``).
It does not parallelise across machines: see ``newsclaims.dask`` for that.
"""
from __future__ import annotations

import os
import queue
import threading
import uuid
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Union

import pandas as pd

from . import _core
from ._extract import _CANCEL, Extraction, Extractor, _DEFAULT, _error_row, _join_warning
from ._inputs import (_published_strings, TEXT_COLUMNS, RECORD_COLUMNS, PathLike, _is_record_file, _record_id,
                      _record_stem, file_id, walk_paths, iter_records, TEXT_EXTENSIONS)
from ._log import RunLog
from ._schema import CATEGORY, DATETIME, FLOAT, INT, BOOL, SCHEMA, frame

#: web archives: each HTML response is a document (needs the optional ``warcio`` package)
WARC_EXTENSIONS = (".warc", ".warc.gz")

#: file extensions read when a directory is walked by :func:`iter_extract`
STREAM_EXTENSIONS = TEXT_EXTENSIONS + WARC_EXTENSIONS

#: documents per batch by default. On the BBC/benchmark articles (~4 KB of text each) a batch
#: of 1000 documents and its four tables take about 40 MB in pandas (bench/stream.py).
DEFAULT_BATCH_SIZE = 1000

_HTML_TYPES = ("text/html", "application/xhtml+xml")

#: seconds a stopped stream waits for its prefetch thread (the core call in it stops within
#: about 0.1 s; Python code reading the inputs, a slow generator, may take longer)
_JOIN_TIMEOUT = 5.0


class _Text(NamedTuple):
    """One in-memory document waiting for its batch."""

    text: Optional[str]  # None: the record has no text
    id: str
    published: Optional[str] = None
    title: Optional[str] = None
    format: str = "text"
    path: Optional[str] = None
    warnings: Sequence[str] = ()
    metadata: Optional[Dict[str, Any]] = None


class _File(NamedTuple):
    """One article file, read and decoded by the core."""

    path: str
    id: str


Unit = Union[_Text, _File, Extraction]


def iter_extract(inputs: Union[PathLike, Iterable[Any]], *, batch_size: int = DEFAULT_BATCH_SIZE,
                 jobs: Optional[int] = None, extractor: Optional[Extractor] = None,
                 prefetch: bool = True, follow_links: bool = False, run_ids: bool = True) -> "Stream":
    """Extracts from a corpus batch by batch, in input order, holding one batch at a time.

    ``inputs`` is either a path (str or ``os.PathLike``: a file, a directory walked recursively,
    or a glob pattern) or an iterable whose items are ``os.PathLike`` paths (``pathlib.Path``),
    texts (``str``; ids are their positions "0", "1", ...) or records (``dict`` with ``text``
    or ``body``/``content``, and optional ``id``, ``published``, ``title``; other keys are kept
    as documents columns). Iterables are consumed lazily, so a generator over a huge source
    works. A plain list of str is a list of *texts*; wrap paths in ``pathlib.Path``.

    Files: ``.txt``/``.html`` articles (also compressed: gzip, bzip2, xz or zstd, recognised by
    their bytes; read by the core exactly as :func:`newsclaims.extract_files` reads them),
    ``.jsonl``/``.csv`` records (read ``batch_size`` records at a time; also ``.jsonl.gz``,
    ``.csv.gz``), and WARC
    archives (``.warc``, ``.warc.gz``: every 2xx HTML response is a document whose ``doc_id`` is
    its URL, with columns ``url`` and ``warc_date``; needs ``pip install warcio``, from a checkout ``pip install '.[warc]'``).
    A file that cannot be read becomes a documents row with its ``error``; the run goes on.
    Directory walks stay inside each directory unless ``follow_links`` (as in
    :func:`newsclaims.extract_files`).

    Every batch is an :class:`Extraction` of at most ``batch_size`` documents; each input
    document appears in exactly one batch, in input order. ``jobs``: threads per batch.
    ``prefetch``: read and extract the next batch in a background thread while the caller
    handles this one (at most three batches are alive then: the caller's, one ready, one in
    the making); the inputs are consumed in that thread.

    Ids are run-wide: one identity registry and one near-duplicate index serve the whole run
    (:class:`RunLinks`), so ``claims.source_id`` and ``claims.cluster_id`` mean the same in every
    batch; each batch is linked incrementally, at a cost that follows the batch, not the run.
    Earlier ids never change and a later batch only adds links. ``source_id`` is numbered by
    first mention and equals the in-memory run's id until a later batch undoes a join (an
    acronym joined to its one expansion so far, when a second turns up; see :class:`RunLinks`;
    later ids are then shifted); when a later batch shows two earlier sources to be one, both
    ids stay (claims already handed out keep theirs) and name the same source. ``cluster_id``
    links a claim to the repeats in its own and earlier batches (a claim whose first repeat
    comes later stays null, and its repeat gets the cluster's id), and ids are numbered as
    clusters appear. Each batch's ``sources`` are the run-wide rows of the sources its claims
    name, as known so far; the returned :class:`Stream`'s ``sources`` is the run-wide table once
    the batches are exhausted. ``Extraction.concat(batches)`` joins batches and links them again
    as the in-memory run does. ``run_ids=False`` numbers ids per batch instead (``source_id``
    and ``sources`` from 0 in each batch, ``cluster_id`` within the batch) and keeps no state.

    >>> batches = iter_extract(["Lavrov said: “The talks will continue.”", "No claims here."], batch_size=1)
    >>> [(len(b), b.documents.loc[0, "doc_id"]) for b in batches]
    [(1, '0'), (1, '1')]
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be an int >= 1, got {batch_size!r}")
    extractor = extractor or _DEFAULT
    if isinstance(inputs, (str, os.PathLike)):
        units = _path_units([inputs], batch_size, extractor, jobs, follow_links)
    elif isinstance(inputs, bytes):
        raise TypeError("inputs must be a path or an iterable of texts, records or paths, not bytes")
    else:
        units = _item_units(inputs, batch_size, extractor, jobs, follow_links)
    links = RunLinks() if run_ids else None
    batches = _batches(units, batch_size, extractor, jobs)
    if links is not None:
        batches = (links.link(batch) for batch in batches)
    batches = _logged(batches)
    return Stream(_prefetched(batches) if prefetch else batches, links)


def _logged(batches: Iterator[Extraction]) -> Iterator[Extraction]:
    """`batches`, with the run's summary logged (``newsclaims`` logger) once they are exhausted."""
    run = RunLog("iter_extract")
    for batch in batches:
        run.add(batch)
        yield batch
    run.log()


class Stream(Iterator[Extraction]):
    """What :func:`iter_extract` returns: an iterator of :class:`Extraction` batches, with
    :attr:`sources`, the run-wide sources table, complete once the batches are exhausted."""

    def __init__(self, batches: Iterator[Extraction], links: Optional["RunLinks"]) -> None:
        self._batches = batches
        self._links = links

    def __iter__(self) -> "Stream":
        return self

    def __next__(self) -> Extraction:
        return next(self._batches)

    def close(self) -> None:
        """Stops the stream early (as a generator's ``close``)."""
        close = getattr(self._batches, "close", None)
        if close is not None:
            close()

    @property
    def sources(self) -> pd.DataFrame:
        """One row per run-wide source of the batches made so far (all of them once the stream
        is exhausted), with the ``source_id`` that every batch's ``claims.source_id`` uses."""
        if self._links is None:
            raise ValueError("this stream numbers ids per batch (run_ids=False): it has no run-wide sources; "
                             "Extraction.concat(batches).sources identifies them over gathered batches")
        return self._links.sources()


class RunLinks:
    """The run-wide state of a stream: the core's identity registry and near-duplicate index
    (``src/link.rs``), to which each batch's claims are added. A batch's names are looked up in
    the registry's indices and its claims in the index's band buckets, so linking a batch costs
    what the batch holds, not what the run has seen (on 10,475 BBC News articles in 21 batches
    of 500: 0.014 to 0.068 s a batch, flat from the first batch to the last).

    Earlier ids never change, and a later batch only adds links. ``source_id`` is the in-memory
    run's id where no later batch changes what an earlier one decided. The one join that needs
    a single candidate in the run, an acronym to the one name that spells it, is undone for
    later batches when a new name spelling it turns up: from that batch on the acronym is a
    name of its own, as in memory, and the claims already handed out keep their id (on BBC News,
    2,095 articles in batches of 500: 8 of 12,989 claims join a sources row of another name
    than in the in-memory run, "BBA" for "British Bankers' Association"). When a later batch
    joins two sources that both have ids, both ids stay and name one source (its smaller id for
    later claims); later ids are then shifted against the in-memory run's. ``cluster_id``: a
    claim whose repeats all come in later batches stays null, and the repeats get the cluster's
    id.

    Memory: only what the core keeps (:attr:`heap_bytes`), on BBC News about 730 bytes per
    distinct claim (LSH band buckets and the shingle set) and 770 to 950 per source."""

    def __init__(self) -> None:
        self._core = _core.RunLinks()
        self._lock = threading.Lock()

    def link(self, batch: Extraction) -> Extraction:
        """`batch` with run-wide ``claims.source_id``, ``claims.cluster_id`` and ``sources``
        (the run-wide rows, as known after this batch, of the sources its claims name)."""
        from ._extract import link_claims

        def link(*keys: Any) -> "_core.Columns":
            with self._lock:
                return self._core.link(*keys)

        batch.claims, batch.sources = link_claims(batch.claims, link)
        return batch

    def sources(self) -> pd.DataFrame:
        """Every run-wide source so far, by ``source_id``."""
        from ._schema import arrow_from_core, to_pandas

        with self._lock:
            columns = self._core.sources()
        return to_pandas(arrow_from_core("sources", columns["sources"]))

    @property
    def heap_bytes(self) -> int:
        """Bytes of memory the core's state holds (an estimate from its capacities)."""
        return int(self._core.heap_bytes)


def _prefetched(batches: Iterator[Extraction]) -> Iterator[Extraction]:
    """`batches`, made one ahead in a daemon thread. The core releases the GIL, so reading
    and parsing the next batch's inputs (serial Python: JSON, gzip, WARC) and writing this
    batch's output overlap with extraction instead of leaving the cores idle in between."""
    ready: "queue.Queue[tuple[str, Any]]" = queue.Queue(maxsize=1)
    stop = threading.Event()

    def put(item: "tuple[str, Any]") -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        _CANCEL.check = stop.is_set  # the core calls of this thread give up once the caller stops
        try:
            for batch in batches:
                if not put(("batch", batch)):
                    return
            put(("done", None))
        except BaseException as e:  # handed to the caller's thread, raised there
            put(("error", e))

    thread = threading.Thread(target=produce, name="newsclaims-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            kind, value = ready.get()
            if kind == "done":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        # The caller stopped early (break, exception, Ctrl-C, garbage collection): the thread's
        # core call gives up within a fraction of a second and it reads no further. Waiting for
        # it (a little) means no extraction thread is still running when the interpreter exits.
        stop.set()
        if thread is not threading.current_thread():
            thread.join(timeout=_JOIN_TIMEOUT)


def _batches(units: Iterable[Unit], batch_size: int, extractor: Extractor, jobs: Optional[int]) -> Iterator[Extraction]:
    """Groups units into batches of at most `batch_size` documents, each yielded as soon as it
    is full. Consecutive documents of one kind go to the core in one call; record chunks arrive
    already extracted."""
    parts: List[Extraction] = []
    run: List[Union[_Text, _File]] = []
    count = 0

    def close_run() -> None:
        if run:
            parts.append(_extract_run(run, extractor, jobs))
            run.clear()

    def take() -> Extraction:
        nonlocal parts, count
        close_run()
        batch = parts[0] if len(parts) == 1 else Extraction._concat(parts)
        parts, count = [], 0
        return batch

    for unit in units:
        size = len(unit) if isinstance(unit, Extraction) else 1
        if count + size > batch_size:
            yield take()
        if isinstance(unit, Extraction):
            close_run()
            parts.append(unit)
        else:
            if run and type(run[0]) is not type(unit):
                close_run()
            run.append(unit)
        count += size
        if count >= batch_size:  # full: out now, before the inputs are read further
            yield take()
    if count:
        yield take()


def _extract_run(run: List[Union[_Text, _File]], extractor: Extractor, jobs: Optional[int]) -> Extraction:
    """One core call for a run of units of one kind."""
    jobs = extractor._jobs(jobs)
    if isinstance(run[0], _File):
        files = [u for u in run if isinstance(u, _File)]
        return Extraction._from_core(_core.extract_paths([u.path for u in files], [u.id for u in files], jobs=jobs,
                                                         **extractor._options()))
    texts: List[_Text] = run  # type: ignore[assignment]
    columns = _core.extract_texts([t.text or "" for t in texts], [t.id for t in texts],
                                  [t.published for t in texts], [t.title for t in texts], jobs=jobs,
                                  formats=[t.format for t in texts], **extractor._options())
    ex = Extraction._from_core(columns)
    docs = ex.documents
    if any(t.path is not None for t in texts):
        docs["path"] = pd.Series([t.path for t in texts], dtype="string")
    for i, t in enumerate(texts):
        if t.text is None:
            docs.loc[i, "error"] = "the record has no text"
        for message in t.warnings:
            docs.loc[i, "warnings"] = _join_warning(docs.loc[i, "warnings"], message)
    if any(t.metadata for t in texts):
        extra = pd.DataFrame.from_records([t.metadata or {} for t in texts])
        extra.columns = [c if c not in docs.columns else f"meta_{c}" for c in extra.columns]
        ex.documents = pd.concat([docs, extra], axis=1)
    return ex


def _item_units(items: Iterable[Any], batch_size: int, extractor: Extractor, jobs: Optional[int],
                follow_links: bool) -> Iterator[Unit]:
    for n, item in enumerate(items):
        if isinstance(item, str):
            yield _Text(item, str(n))
        elif isinstance(item, dict):
            yield _record_unit(item, str(n))
        elif isinstance(item, os.PathLike):
            yield from _path_units([item], batch_size, extractor, jobs, follow_links)
        else:
            raise TypeError(f"inputs[{n}] is {type(item).__name__}: expected a str text, a dict record or "
                            f"a pathlib.Path")


def _record_unit(record: Dict[str, Any], default_id: str) -> _Text:
    text = next((record[c] for c in TEXT_COLUMNS if isinstance(record.get(c), str) and record[c]), None)
    title = record.get("title")
    used = {*TEXT_COLUMNS, *RECORD_COLUMNS}
    (published,), converted = _published_strings([record.get("published")])
    return _Text(text, _record_id(record.get("id"), default_id), published=published,
                 title=title if isinstance(title, str) and title.strip() else None,
                 warnings=[message for _, message in converted],
                 metadata={k: v for k, v in record.items() if k not in used} or None)


def _path_units(paths: Sequence[PathLike], batch_size: int, extractor: Extractor, jobs: Optional[int],
                follow_links: bool) -> Iterator[Unit]:
    for path, error in walk_paths(paths, STREAM_EXTENSIONS, follow_links=follow_links):
        lower = path.lower()
        if error is not None:
            yield _error_row(file_id(path), path, error)
        elif lower.endswith(WARC_EXTENSIONS):
            yield from _warc_units(path)
        elif _is_record_file(path):
            yield from _record_chunks(path, batch_size, extractor, jobs)
        else:
            # Article files, compressed or not, are read by the core as extract_files reads them.
            yield _File(path, file_id(path))


def _record_chunks(path: str, batch_size: int, extractor: Extractor, jobs: Optional[int]) -> Iterator[Extraction]:
    """The records of a .jsonl/.csv file, `batch_size` at a time, extracted as
    ``extract_files`` extracts the whole file."""
    stem = _record_stem(path)
    first_row = 0
    try:
        for records, warnings in iter_records(path, batch_size):
            yield extractor._extract_record_frame(records, warnings, stem=stem, path=path, jobs=jobs,
                                                  first_row=first_row)
            first_row += len(records)
    except (OSError, ValueError, UnicodeError) as e:
        yield _error_row(stem if first_row == 0 else f"{stem}:{first_row}", path,
                         f"cannot read records from {path}: {e}")


def _decode(data: bytes, charset: Optional[str] = None) -> "tuple[str, list[str]]":
    """Bytes as text: in `charset` when it is known and fits, else UTF-8 with invalid bytes
    replaced (and a warning, worded as the core words it for files)."""
    for encoding in ([charset] if charset else []) + ["utf-8"]:
        try:
            return data.decode(encoding), []
        except (UnicodeDecodeError, LookupError):
            continue
    text = data.decode("utf-8", errors="replace")
    return text, [f"invalid UTF-8: {text.count(chr(0xFFFD))} replacement character(s) inserted"]


def _warc_units(path: str) -> Iterator[Unit]:
    """Each 2xx HTML response of a WARC file (plain or gzipped per record) as a document."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as e:
        raise ImportError(f"reading WARC files ({path}) needs the warcio package: "
                          f"pip install warcio (from a newsclaims checkout: pip install '.[warc]')") from e
    stem = Path(path).name
    n = 0
    try:
        with open(path, "rb") as f:
            for record in ArchiveIterator(f):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                http = record.http_headers
                content_type = (http.get_header("Content-Type") or "").lower()
                mime = content_type.split(";")[0].strip()
                if mime not in _HTML_TYPES or not (http.get_statuscode() or "").startswith("2"):
                    continue
                charset = None
                if "charset=" in content_type:
                    charset = content_type.split("charset=", 1)[1].split(";")[0].strip().strip('"\'') or None
                # content_stream() undoes chunked transfer and gzip/deflate content encodings.
                text, warnings = _decode(record.content_stream().read(), charset)
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield _Text(text, url or f"{stem}:{n}", format="html", path=path, warnings=warnings,
                            metadata={"url": url, "warc_date": record.rec_headers.get_header("WARC-Date")})
                n += 1
    except (OSError, EOFError, ArchiveLoadFailed) as e:
        yield _error_row(f"{stem}:{n}", path, f"cannot read WARC records from {path}: {e}")


# --- writing batches ------------------------------------------------------------------------

#: output formats by file extension
WRITERS = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


def arrow_schema(table: str, extra: Sequence[str] = ()) -> Any:
    """The pyarrow schema of `table` from ``newsclaims.SCHEMA`` (plus `extra` string columns):
    the one schema every Parquet row group of a streamed table is written with."""
    import pyarrow as pa

    types = {DATETIME: pa.timestamp("us"), INT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_(),
             CATEGORY: pa.dictionary(pa.int32(), pa.string())}
    fields = [pa.field(name, types.get(dtype, pa.string())) for name, dtype, _ in SCHEMA[table]]
    # pandas' metadata (from the table's empty frame), so that reading the file back gives the
    # schema's dtypes: Int64 ids and offsets stay Int64 (not float64 where some are null)
    empty = frame(table, {}).assign(**{name: pd.Series(dtype="string") for name in extra})
    metadata = pa.Table.from_pandas(empty, preserve_index=False).schema.metadata
    return pa.schema(fields + [pa.field(name, pa.string()) for name in extra], metadata=metadata)


class TableWriter:
    """Writes one table of a stream of :class:`Extraction` batches to one file, batch by batch:
    Parquet (a row group per batch, one schema from ``newsclaims.SCHEMA``), CSV or JSON Lines,
    by the file's extension.

    The columns are fixed by the first batch: the table's schema columns, plus, for documents,
    any metadata columns (``url``, ...) the first batch has; later batches are written with
    exactly those columns (a metadata column they lack is empty, one they add is dropped).

    >>> import tempfile, os, pandas as pd
    >>> out = os.path.join(tempfile.mkdtemp(), "claims.parquet")
    >>> with TableWriter(out, "claims") as w:
    ...     for batch in iter_extract(["Lavrov said: “The talks will continue.”"] * 3, batch_size=2):
    ...         w.write(batch)
    >>> len(pd.read_parquet(out)), w.rows
    (3, 3)
    """

    def __init__(self, path: PathLike, table: str = "claims") -> None:
        self.path = os.fspath(path)
        self._temp: Optional[str] = None
        ext = os.path.splitext(self.path)[1].lower()
        if ext not in WRITERS:
            raise ValueError(f"cannot write {self.path!r}: use a .csv, .jsonl or .parquet file")
        if table not in SCHEMA:
            raise ValueError(f"unknown table {table!r}; choose one of {', '.join(SCHEMA)}")
        self.kind = WRITERS[ext]
        self.table = table
        self.rows = 0
        self._columns: Optional[List[str]] = None
        self._extra: List[str] = []
        self._file: Any = None
        self._parquet: Any = None
        self._schema: Any = None
        self._header_written = False

    def write(self, batch: Extraction) -> None:
        """Appends the table of one batch."""
        df = batch.table(self.table)
        if self._columns is None:
            schema_columns = [name for name, _, _ in SCHEMA[self.table]]
            self._extra = [c for c in df.columns if c not in schema_columns]
            self._columns = schema_columns + self._extra
            self._open()
        df = df.reindex(columns=self._columns)
        for c in self._extra:
            df[c] = df[c].astype("string")
        if self.kind == "parquet":
            import pyarrow as pa

            self._parquet.write_table(pa.Table.from_pandas(df, schema=self._schema, preserve_index=False))
        elif self.kind == "csv":
            df.to_csv(self._file, index=False, header=self.rows == 0 and not self._header_written)
            self._header_written = True
        else:
            if len(df):
                df.to_json(self._file, orient="records", lines=True, date_format="iso", force_ascii=False)
        self.rows += len(df)

    def _open(self) -> None:
        self._header_written = False
        self._temp = temporary_name(self.path)
        if self.kind == "parquet":
            import pyarrow.parquet as pq

            self._schema = arrow_schema(self.table, self._extra)
            self._parquet = pq.ParquetWriter(self._temp, self._schema)
        else:
            self._file = open(self._temp, "x", encoding="utf-8", newline="")

    def _close_files(self) -> None:
        parquet, file, self._parquet, self._file = self._parquet, self._file, None, None
        try:
            if parquet is not None:
                parquet.close()
        finally:
            if file is not None:
                file.close()

    def close(self) -> None:
        """Finishes the file: until then it is written under a temporary name in the same
        directory (``.NAME.PID.XXXXXXXX.part``), renamed to its own name here, so no reader sees a
        half-written table under it. A writer that got no batch still writes the table's empty
        file. If finishing fails, the temporary file is removed."""
        self.finish()
        self.commit()

    def finish(self) -> None:
        """The first half of :meth:`close`: completes the temporary file without renaming it
        (so that several writers can all finish before any of them is renamed)."""
        try:
            if self._columns is None:
                self.write(Extraction._concat([]))
            self._close_files()
        except BaseException:
            self.abort()
            raise

    def commit(self) -> None:
        """The second half of :meth:`close`: renames the finished temporary file to the
        output's name."""
        try:
            if self._temp is not None:
                os.replace(self._temp, self.path)
                self._temp = None
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Gives the file up: closes and removes the temporary file; nothing is written under
        the output's name (a file already there is left as it was)."""
        try:
            self._close_files()
        except Exception:  # the file is removed anyway
            pass
        finally:
            if self._temp is not None:
                _remove(self._temp)
                self._temp = None

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        """Closes the file; on an exception (Ctrl-C included) aborts it instead."""
        if exc_type is None:
            self.close()
        else:
            self.abort()


def temporary_name(path: str) -> str:
    """A fresh name for writing `path` in its own directory (so that renaming it is atomic):
    hidden, with the process id, and a suffix that no walk of the directory reads."""
    directory, name = os.path.split(os.path.abspath(path))
    return os.path.join(directory, f".{name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part")


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
