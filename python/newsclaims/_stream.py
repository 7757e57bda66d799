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
from ._extract import (_CANCEL, _published_strings, TEXT_COLUMNS, RECORD_COLUMNS, Extraction, Extractor, PathLike, _DEFAULT,
                       _error_row, _is_record_file, _join_warning, _record_id, _record_stem, file_id,
                       walk_paths, iter_records, TEXT_EXTENSIONS)
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
    batch. ``source_id`` is numbered by first mention and equals the in-memory run's id until a
    later batch undoes a join (see :class:`RunLinks`; later ids are then shifted); when a later
    batch shows two earlier sources to be one, both ids stay (claims already handed out keep
    theirs) and name the same source. ``cluster_id`` links a claim to the repeats in its own
    and earlier batches; a later batch can only add links (a claim whose first repeat comes
    later stays null, and its repeat gets the cluster's id), and ids are numbered as clusters
    appear. Each batch's ``sources`` are the run-wide rows of the sources its claims name, as
    known so far; the returned :class:`Stream`'s ``sources`` is the run-wide table once the
    batches are exhausted. ``Extraction.concat(batches)`` joins batches and links them again
    as the in-memory run does. The run-wide ids cost time that grows with the run: each batch
    links its claims with all earlier ones (see :class:`RunLinks`). ``run_ids=False`` numbers
    them per batch instead (``source_id`` and ``sources`` from 0 in each batch, ``cluster_id``
    within the batch), for corpora where that cost matters.

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
    return Stream(_prefetched(batches) if prefetch else batches, links)


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
    """The run-wide state of a stream: the claims' identity keys (``doc_id``, ``source``,
    ``source_text``, ``source_role``) and contents of every batch so far, and the run-wide ids
    handed out. Each batch's claims are identified and clustered again with all earlier claims
    (the core's identity rules and near-duplicate index, exactly as the in-memory run over the
    documents so far), and each identity or cluster keeps the id its earlier claims got.

    Exact where the rules only add links: ``source_id`` is then the in-memory run's. Some joins
    need a single candidate in the documents seen (an acronym's one expansion, one similar
    surname); a later batch that brings a second candidate undoes the join for later batches
    only: the claims already handed out keep the id they got, and the ids of sources first met
    after it are shifted against the in-memory run's (on BBC News, 2,095 articles in batches
    of 500: 7 of 12,989 claims join a sources row of another name than in the in-memory run,
    "BBA" for "British Bankers' Association"; the ids agree for the first 1,791 claims).

    Memory: five Python strings per claim, about 440 bytes per claim (measured on 64,945
    claims), plus a copy of them in the core while each batch is linked. Time: each batch runs
    identity and clustering over all the claims so far, so a run of B batches costs about B/2
    times the in-memory linking step: on 10,475 BBC News articles (the 2,095 five times) in 21
    batches of 500, 6.4 s of the stream's 11.7 s (``iter_extract(..., run_ids=False)`` skips it).
    An incremental registry in the core would make this linear; it is not written yet."""

    def __init__(self) -> None:
        # doc_id, source ("" for none), source_text, source_role and content of every claim so far
        self._keys: "tuple[List[str], List[str], List[Optional[str]], List[Optional[str]]]" = ([], [], [], [])
        self._contents: List[str] = []
        self._source_ids = pd.array([], dtype="Int64")
        self._cluster_ids = pd.array([], dtype="Int64")
        self._next_source = 0
        self._next_cluster = 0
        self._sources: Optional[pd.DataFrame] = None  # the latest identification, run-wide ids
        self._lock = threading.Lock()

    def link(self, batch: Extraction) -> Extraction:
        """`batch` with run-wide ``claims.source_id``, ``claims.cluster_id`` and ``sources``."""
        from ._extract import identify_source_keys, source_keys

        with self._lock:
            docs, names, texts, roles = source_keys(batch.claims)
            self._keys[0].extend(docs)
            self._keys[1].extend(names)
            self._keys[2].extend(texts)
            self._keys[3].extend(roles)
            self._contents.extend(str(c) for c in batch.claims["content"].tolist())
            n_old = len(self._source_ids)
            fresh_sources, sources = identify_source_keys(*self._keys)
            fresh_clusters = pd.array(_core.cluster_ids(self._contents, self._keys[0]), dtype="Int64")
            self._source_ids, source_of = self._stable(fresh_sources, self._source_ids, "_next_source")
            self._cluster_ids, _ = self._stable(fresh_clusters, self._cluster_ids, "_next_cluster")
            # One row per run-wide id (two ids that now name one source share its row's values).
            sources = sources.iloc[[source_of[i] for i in range(self._next_source)]].reset_index(drop=True)
            sources["source_id"] = pd.array(range(self._next_source), dtype="Int64")
            self._sources = sources
            batch.claims = batch.claims.assign(source_id=self._source_ids[n_old:], cluster_id=self._cluster_ids[n_old:])
            named = pd.unique(batch.claims["source_id"].dropna())
            batch.sources = sources.iloc[sorted(int(i) for i in named)].reset_index(drop=True)
        return batch

    def _stable(self, fresh: Any, old: Any, counter: str) -> "tuple[Any, Dict[int, int]]":
        """Run-wide ids for `fresh` (ids of the identification over every claim so far; the
        first ``len(old)`` claims are those of earlier batches, `old` their run-wide ids):
        each fresh id takes the smallest run-wide id of its earlier claims, or the next free one,
        in order of fresh id. Earlier claims keep their ids. Returns the ids of every claim and,
        for each run-wide id, a fresh id it now belongs to."""
        n_old = len(old)
        frame = pd.DataFrame({"fresh": fresh[:n_old], "old": old}).dropna()
        # Each run-wide id goes to one fresh id: the one its first claim now belongs to. A fresh
        # id whose earlier claims' ids all went to others (a link a later batch made ambiguous,
        # and so undid) gets a new id for its new claims.
        first = frame.drop_duplicates("old")
        belongs = {int(o): int(f) for o, f in zip(first["old"], first["fresh"])}
        taken: Dict[int, int] = {}
        for o, f in sorted(belongs.items()):
            taken.setdefault(f, o)
        new = []
        for value in fresh[n_old:]:
            if value is pd.NA:
                new.append(pd.NA)
                continue
            value = int(value)
            if value not in taken:
                taken[value] = getattr(self, counter)
                belongs[taken[value]] = value
                setattr(self, counter, taken[value] + 1)
            new.append(int(taken[value]))
        ids = pd.array(list(old) + new, dtype="Int64")
        return ids, belongs

    def sources(self) -> pd.DataFrame:
        with self._lock:
            if self._sources is None:
                return Extraction._concat([]).sources
            return self._sources.copy()


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
        try:
            if self._columns is None:
                self.write(Extraction._concat([]))
            self._close_files()
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
