"""Type stubs for the compiled core (``src/python.rs``). The Python layer
(``newsclaims._extract``) wraps these; call those instead."""
from typing import Dict, Iterable, Literal, Optional, Sequence, Tuple, final

__version__: str
__all__ = ["Buffer", "__version__", "extract_paths", "extract_texts"]

@final
class Buffer:
    """Memory owned by the core, read by pyarrow without a copy
    (``pyarrow.foreign_buffer(b.address, len(b), base=b)``); freed when the last reference goes."""

    @property
    def address(self) -> int:
        """The address of the first byte."""
    def __len__(self) -> int:
        """The size in bytes."""

#: One column as Arrow buffers: ``(type, length, null_count, validity, buffers)``. ``type`` is
#: "int64", "float64", "bool" or "large_utf8"; ``validity`` the Arrow validity bitmap, None when
#: no value is null; ``buffers`` the data buffers in Arrow order (values; or int64 offsets then
#: UTF-8 bytes), each a :class:`Buffer`. ``newsclaims._schema.arrow_from_core`` assembles them
#: with pyarrow without copying.
ArrowColumn = Tuple[Literal["int64", "float64", "bool", "large_utf8"], int, int, Optional[Buffer], Tuple[Buffer, ...]]

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
    chunk_bytes: int = ...,
) -> Columns:
    """Runs the pipeline over texts; returns the tables as Arrow buffers (:data:`Columns`).
    ``formats``: one per text, ``"text"`` or ``"html"`` (default: all text). Raises TypeError
    naming the first non-str text, ValueError for mismatched lengths, an unknown format, jobs < 1
    or an invalid boilerplate pattern. ``min_quote_words``: shorter direct quotations are dropped.
    ``chunk_bytes``: the texts are copied and processed about this many bytes at a time (the
    default, 2 MiB, bounds the memory the pipeline needs beyond its output); results do not
    depend on it."""

def extract_paths(
    paths: Sequence[str],
    ids: Sequence[str],
    *,
    jobs: Optional[int] = None,
    boilerplate: Sequence[str] = ...,
    max_document_bytes: int = 0,
    min_quote_words: int = 0,
    chunk_bytes: int = ...,
) -> Columns:
    """Runs the pipeline over files, read and decoded in parallel; an unreadable file becomes a
    documents row with its ``error``. Options as :func:`extract_texts`."""
