"""Type stubs for the compiled core. The Python layer (`newsclaims._extract`) wraps these."""
from typing import Any, Dict, Iterable, List, Optional, Sequence

__version__: str

Columns = Dict[str, Dict[str, List[Any]]]

def extract_texts(
    texts: Iterable[str],
    ids: Sequence[str],
    published: Sequence[Optional[str]],
    titles: Sequence[Optional[str]],
    *,
    jobs: Optional[int] = None,
    boilerplate: Sequence[str] = ...,
    max_document_bytes: int = 0,
    formats: Optional[Sequence[str]] = None,
) -> Columns:
    """Runs the pipeline over texts; returns ``{table: {column: list}}`` for documents, claims,
    quantities and sentences. ``formats``: one per text, ``"text"`` or ``"html"`` (default: all
    text). Raises TypeError naming the first non-str text, ValueError for mismatched lengths, an
    unknown format, jobs < 1 or an invalid boilerplate pattern."""

def extract_paths(
    paths: Sequence[str],
    ids: Sequence[str],
    *,
    jobs: Optional[int] = None,
    boilerplate: Sequence[str] = ...,
    max_document_bytes: int = 0,
) -> Columns:
    """Runs the pipeline over files, read and decoded in parallel; an unreadable file becomes a
    documents row with its ``error``."""
