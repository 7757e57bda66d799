"""newsclaims: who claimed what, through which outlet, when, and with which numbers.

Turns news articles into pandas tables: ``documents`` (clean text, headline, publication
time), ``claims`` (source, cue, content, via, hedge, date) and ``quantities`` (value, qualifier,
unit, what is counted). Every ``start``/``end`` is a character offset into ``documents.text``.

>>> import newsclaims
>>> ex = newsclaims.extract(["“Half of the city is free,” said Major-General Igor Konashenkov."])
>>> ex.claims[["source", "cue", "content"]].values.tolist()
[['Igor Konashenkov', 'said', 'Half of the city is free,']]
"""
from __future__ import annotations

from ._core import __version__ as _core_version
from ._extract import Extraction, Extractor, extract, extract_files, extract_frame, rules
from ._schema import SCHEMA, TABLES, vocabulary
from ._evaluate import Evaluation, evaluate
from ._gold import Gold, GoldError, read_gold
from ._stream import TableWriter, iter_extract
from ._across import cluster_claims

__version__ = _core_version
__all__ = ["Extraction", "Extractor", "extract", "extract_files", "extract_frame", "iter_extract", "TableWriter",
           "SCHEMA", "TABLES", "__version__", "evaluate", "Evaluation", "read_gold", "Gold", "GoldError",
           "cluster_claims", "rules", "vocabulary"]
