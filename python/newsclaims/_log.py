"""The ``newsclaims`` logger: one INFO line per run (documents, claims, quantities, documents
with warnings and with errors), then one line per document with an error (WARNING) and per
document with warnings (DEBUG). The package adds only a ``NullHandler``: nothing is shown
unless the application configures logging (``logging.basicConfig(level=logging.INFO)``).

Owns the log lines only; it takes the tables it counts (``_tables.Tables``) and must not
import ``_extract``, which calls it."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, List, Tuple, TypeVar

if TYPE_CHECKING:
    from ._tables import Tables

logger = logging.getLogger("newsclaims")
logger.addHandler(logging.NullHandler())

#: the tables a run made (an Extraction), returned as given by :func:`log_run`
_T = TypeVar("_T", bound="Tables")

#: at most this many documents are logged one by one per run and level; then a count
_MAX_LISTED = 100


class RunLog:
    """Counts a run's batches and logs its summary (:func:`log_run` for one batch)."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.documents = self.claims = self.quantities = 0
        self.warned: List[Tuple[str, str]] = []
        self.failed: List[Tuple[str, str]] = []
        self.n_warned = self.n_failed = 0

    def add(self, ex: "Tables") -> None:
        docs = ex.documents
        self.documents += len(docs)
        self.claims += len(ex.claims)
        self.quantities += len(ex.quantities)
        failed = docs[docs["error"].notna()]
        warned = docs[docs["warnings"].notna()]
        self.n_failed += len(failed)
        self.n_warned += len(warned)
        if logger.isEnabledFor(logging.WARNING):
            room = _MAX_LISTED - len(self.failed)
            self.failed.extend(zip(failed["doc_id"][:room], failed["error"][:room]))
        if logger.isEnabledFor(logging.DEBUG):
            room = _MAX_LISTED - len(self.warned)
            self.warned.extend(zip(warned["doc_id"][:room], warned["warnings"][:room]))

    def log(self) -> None:
        logger.info("%s: %d documents (%d with warnings, %d with errors), %d claims, %d quantities",
                    self.what, self.documents, self.n_warned, self.n_failed, self.claims, self.quantities)
        for doc_id, error in self.failed:
            logger.warning("%s: document %r: error: %s", self.what, doc_id, error)
        if self.n_failed > len(self.failed):
            logger.warning("%s: %d more documents with errors", self.what, self.n_failed - len(self.failed))
        for doc_id, message in self.warned:
            logger.debug("%s: document %r: warnings: %s", self.what, doc_id, message)
        if self.n_warned > len(self.warned):
            logger.debug("%s: %d more documents with warnings", self.what, self.n_warned - len(self.warned))


def log_run(what: str, ex: _T) -> _T:
    """Logs the summary of a run that made `ex`; returns `ex`."""
    if logger.isEnabledFor(logging.INFO):
        run = RunLog(what)
        run.add(ex)
        run.log()
    return ex
