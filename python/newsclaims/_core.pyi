"""Type stubs for the compiled core (``src/python/``). The Python layer
(``newsclaims._extract``) wraps these; call those instead."""
from typing import Callable, Dict, Iterable, List, Literal, Optional, Sequence, Tuple, final

__version__: str
__all__ = ["Buffer", "RunLinks", "__version__", "cluster_ids", "columns", "extract_paths", "extract_texts", "link_claims", "rules", "vocabularies"]

@final
class Buffer:
    """Memory owned by the core, read by pyarrow without a copy
    (``pyarrow.foreign_buffer(b.address, len(b), base=b)``); freed when the last reference goes."""

    @property
    def address(self) -> int:
        """The address of the first byte."""
    def __len__(self) -> int:
        """The size in bytes."""

#: One chunk of a column as Arrow buffers: ``(type, length, null_count, validity, buffers)``.
#: ``type`` is "int64", "float64", "bool" or "large_utf8"; ``validity`` the Arrow validity bitmap,
#: None when no value is null; ``buffers`` the data buffers in Arrow order (values; or int64
#: offsets then UTF-8 bytes), each a :class:`Buffer`.
ArrowChunk = Tuple[Literal["int64", "float64", "bool", "large_utf8"], int, int, Optional[Buffer], Tuple[Buffer, ...]]

#: One column: one chunk per chunk of documents the core ran (at least one).
#: ``newsclaims._schema.arrow_from_core`` assembles them with pyarrow without copying.
ArrowColumn = List[ArrowChunk]

#: ``{table: {column: ArrowColumn}}`` for documents, claims, quantities, sentences and sources, with the
#: columns of ``newsclaims.SCHEMA`` (dates and categories as strings).
Columns = Dict[str, Dict[str, ArrowColumn]]

def extract_texts(
    texts: Iterable[str],
    ids: Sequence[str],
    published: Sequence[Optional[str]],
    titles: Sequence[Optional[str]],
    *,
    jobs: Optional[int] = None,
    boilerplate: Sequence[str] = ...,
    max_document_bytes: int = 0,
    min_quote_words: int = 0,
    formats: Optional[Sequence[str]] = None,
    implied_quantities: bool = False,
    cue_verbs: Sequence[str] = ...,
    source_titles: Sequence[str] = ...,
    chunk_bytes: int = ...,
    quote_marks: Optional[Sequence[str]] = None,
    disable_rules: Sequence[str] = ...,
    cancelled: Optional[Callable[[], object]] = None,
) -> Columns:
    """Runs the pipeline over texts; returns the tables as Arrow buffers (:data:`Columns`).
    ``formats``: one per text, ``"text"`` or ``"html"`` (default: all text). Raises TypeError
    naming the first non-str text, ValueError for mismatched lengths, an unknown format, jobs < 1
    or an invalid boilerplate pattern. ``min_quote_words``: shorter direct quotations are dropped.
    ``implied_quantities``: also shares stated without a number ("full control of" = 100 percent).
    ``cue_verbs``/``source_titles``: words the attribution stage knows on top of its tables
    (ValueError for an entry that is not letters joined by single spaces, - ' ’ or .).
    ``quote_marks``: languages whose quotation marks pair ("en", "de", ...; None: English and
    French; ValueError naming an unknown language and listing the known ones).
    ``disable_rules``: names of rules switched off (see :func:`rules`; ValueError for an
    unknown name, listing the known ones).
    ``chunk_bytes``: the texts are copied and processed about this many bytes at a time (the
    default, 2 MiB, bounds the memory the pipeline needs beyond its output); results do not
    depend on it.
    While it runs the core looks every 50 ms for Python's signals (Ctrl-C raises
    KeyboardInterrupt; on the main thread only) and calls ``cancelled()`` (a true result raises
    InterruptedError): its threads then skip the documents not yet begun."""

def extract_paths(
    paths: Sequence[str],
    ids: Sequence[str],
    *,
    jobs: Optional[int] = None,
    boilerplate: Sequence[str] = ...,
    max_document_bytes: int = 0,
    min_quote_words: int = 0,
    published: Optional[Sequence[Optional[str]]] = None,
    implied_quantities: bool = False,
    cue_verbs: Sequence[str] = ...,
    source_titles: Sequence[str] = ...,
    chunk_bytes: int = ...,
    quote_marks: Optional[Sequence[str]] = None,
    disable_rules: Sequence[str] = ...,
    cancelled: Optional[Callable[[], object]] = None,
) -> Columns:
    """Runs the pipeline over files, read and decoded in parallel; an unreadable file becomes a
    documents row with its ``error``. Options as :func:`extract_texts`. ``published``: one date
    per file given by the caller (it wins over a dateline), or None. Interrupted as
    :func:`extract_texts`."""

def rules() -> List[Tuple[str, str, str, str, bool]]:
    """The rule registry as ``(name, table, summary, example, modifier)`` rows, in the order the
    stages try them; a modifier changes rows other rules make and never names a row."""

def vocabularies() -> List[Tuple[str, str, List[str]]]:
    """The fixed vocabulary of each categorical column as ``(table, column, values)`` rows:
    every value the core can write there, in a stable order."""

def columns() -> List[Tuple[str, List[Tuple[str, str]]]]:
    """Every table's columns as ``(table, [(column, kind)])`` rows in output order, as the core
    declares them (``src/table.rs``); ``kind`` is the Arrow type of the column's buffers
    ("large_utf8", "int64", "float64" or "bool"). ``newsclaims._schema.SCHEMA`` equals it."""

def cluster_ids(contents: Sequence[str], doc_ids: Sequence[str]) -> List[Optional[int]]:
    """One ``cluster_id`` per claim content: shared by near-repeats across documents, None
    for a claim without a repeat in another document (word 3-gram MinHash + LSH)."""

def link_claims(
    doc_ids: Sequence[str],
    contents: Sequence[str],
    sources: Sequence[str],
    source_texts: Sequence[Optional[str]],
    source_roles: Sequence[Optional[str]],
) -> Columns:
    """The link step every extraction ends with (``src/batch.rs``), over the given claims
    columns as one batch: returns ``{"claims": {"source_id": ArrowColumn, "cluster_id":
    ArrowColumn}, "sources": {column: ArrowColumn}}``. Used when Extractions are concatenated,
    so that ids are unified across them. Raises ValueError for mismatched lengths."""

@final
class RunLinks:
    """The run-wide state of a stream: one identity registry and one near-duplicate index,
    to which each batch's claims are added (``src/link.rs``)."""

    def __init__(self) -> None: ...
    def link(
        self,
        doc_ids: Sequence[str],
        contents: Sequence[str],
        sources: Sequence[str],
        source_texts: Sequence[Optional[str]],
        source_roles: Sequence[Optional[str]],
    ) -> Columns:
        """Links one batch's claims with each other and every earlier batch's: returns
        ``{"claims": {"source_id": ArrowColumn, "cluster_id": ArrowColumn}, "sources": {column:
        ArrowColumn}}``, the run-wide rows of the sources the batch names. Raises ValueError for
        mismatched lengths."""
    def sources(self) -> Columns:
        """Every run-wide source so far: ``{"sources": {column: ArrowColumn}, "claims": {}}``."""
    @property
    def claims(self) -> int:
        """Claims linked so far."""
    @property
    def heap_bytes(self) -> int:
        """Heap bytes the state holds (an estimate from capacities)."""
    @property
    def source_bytes(self) -> int:
        """Heap bytes of the identity registry."""
    @property
    def claim_bytes(self) -> int:
        """Heap bytes of the near-duplicate index (and the document ids)."""
