"""Type stubs for the compiled core (``src/python.rs``). The Python layer
(``newsclaims._extract``) wraps these; call those instead."""
from typing import Dict, Iterable, Literal, Optional, Sequence, Tuple

__version__: str
__all__ = ["__version__", "extract_paths", "extract_texts"]

#: One column as Arrow buffers: ``(type, length, null_count, validity, buffers)``. ``type`` is
#: "int64", "float64", "bool" or "large_utf8"; ``validity`` the Arrow validity bitmap, None when
#: no value is null; ``buffers`` the data buffers in Arrow order (values; or int64 offsets then
#: UTF-8 bytes). ``newsclaims._schema.arrow_from_core`` assembles them with pyarrow.
ArrowColumn = Tuple[Literal["int64", "float64", "bool", "large_utf8"], int, int, Optional[bytes], Tuple[bytes, ...]]

#: ``{table: {column: ArrowColumn}}`` for documents, claims, quantities and sentences, with the
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
    cue_verbs: Sequence[str] = ...,
    source_titles: Sequence[str] = ...,
) -> Columns:
    """Runs the pipeline over texts; returns the tables as Arrow buffers (:data:`Columns`).
    ``formats``: one per text, ``"text"`` or ``"html"`` (default: all text). Raises TypeError
    naming the first non-str text, ValueError for mismatched lengths, an unknown format, jobs < 1
    or an invalid boilerplate pattern. ``min_quote_words``: shorter direct quotations are dropped.
    ``cue_verbs``/``source_titles``: words the attribution stage knows on top of its tables
    (ValueError for an entry that is not letters joined by single spaces, - ' ’ or .)."""

def extract_paths(
    paths: Sequence[str],
    ids: Sequence[str],
    *,
    jobs: Optional[int] = None,
    boilerplate: Sequence[str] = ...,
    max_document_bytes: int = 0,
    min_quote_words: int = 0,
    cue_verbs: Sequence[str] = ...,
    source_titles: Sequence[str] = ...,
) -> Columns:
    """Runs the pipeline over files, read and decoded in parallel; an unreadable file becomes a
    documents row with its ``error``. Options as :func:`extract_texts`."""
