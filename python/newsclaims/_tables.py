"""The tables of an extraction as the helpers read them: the shape that ``_across``,
``_display``, ``_plot`` and ``_log`` take, so that they need not import
:class:`~newsclaims.Extraction` (whose methods import them) back.

Owns only this type; it must not hold logic nor import any other module of the package.
:class:`~newsclaims.Extraction` has this shape without naming it.
"""
from __future__ import annotations

from typing import Protocol

import pandas as pd


class Tables(Protocol):
    """What the helpers use of an :class:`~newsclaims.Extraction`: its tables and ``merge``."""

    documents: pd.DataFrame
    claims: pd.DataFrame
    quantities: pd.DataFrame
    sentences: pd.DataFrame
    sources: pd.DataFrame

    def merge(self, *, quantities: bool = True) -> pd.DataFrame: ...
