"""pytest plugin: check newsclaims against your own annotations in your own test suite.

Installed with newsclaims (entry point ``pytest11``), so nothing needs configuring::

    def test_my_corpus(newsclaims_eval):
        assert newsclaims_eval("gold.csv", corpus="articles/").claims.f1 >= 0.8

``newsclaims_eval(gold, corpus=None, **options)`` returns a :class:`~newsclaims._evaluate.Validation`
whose ``claims`` and ``quantities`` are :class:`~newsclaims.Evaluation` objects. ``gold`` is any
gold :func:`newsclaims.evaluate` reads (CSV, DataFrame, BRAT, PolNeAR JSON Lines, or a list);
``corpus`` the articles to run newsclaims on (paths, a directory, a glob, or an
:class:`~newsclaims.Extraction`), or None to run it on the gold's own texts. Relative paths are
looked up beside the test file first, then in the working directory. Each corpus is extracted
once per test session. ``options`` go to :func:`newsclaims.evaluate` (``overlap=``,
``source_match=``, ...).

When such an assertion fails, the report says which figure fell short and lists the worst misses
and false positives with their text (``-vv`` shows them all when pytest shortens the report).
``evaluation.check(f1=0.8, source_accuracy=0.9)`` asserts several figures at once with the same
report.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional

import pytest

if TYPE_CHECKING:
    from newsclaims._evaluate import Validation

#: how many errors a failing assertion lists
WORST = 10


def _resolve(path: Any, base: Path) -> Any:
    if isinstance(path, (str, os.PathLike)):
        p = Path(os.fspath(path))
        if not p.is_absolute() and (base / p).exists():
            return str(base / p)
        return os.fspath(path)
    if isinstance(path, (list, tuple)):
        return [_resolve(x, base) for x in path]
    return path


@pytest.fixture(scope="session")
def _newsclaims_corpora() -> Dict[Any, Any]:
    """Extractions by corpus, shared by every test of the session."""
    return {}


@pytest.fixture
def newsclaims_eval(request: pytest.FixtureRequest, _newsclaims_corpora: Dict[Any, Any]
                    ) -> Callable[..., Validation]:
    """``newsclaims_eval(gold, corpus=None, **options)``: newsclaims measured on your gold
    annotations; see :mod:`newsclaims.pytest_plugin`."""
    from newsclaims._evaluate import Validation
    from newsclaims._extract import Extraction, extract_files

    base = Path(str(request.path)).parent

    def run(gold: Any, corpus: Any = None, **options: Any) -> Validation:
        gold = _resolve(gold, base)
        corpus = _resolve(corpus, base)
        if corpus is not None and not isinstance(corpus, Extraction):
            paths = [corpus] if isinstance(corpus, (str, os.PathLike)) else list(corpus)
            key = tuple(os.path.abspath(os.fspath(p)) for p in paths)
            if key not in _newsclaims_corpora:
                _newsclaims_corpora[key] = extract_files(*paths)
            corpus = _newsclaims_corpora[key]
        return Validation(corpus, gold, **options)

    return run


def pytest_assertrepr_compare(config: pytest.Config, op: str, left: Any, right: Any) -> Optional[List[str]]:
    """``assert ev.f1 >= 0.8``: explain with the evaluation's figures and worst errors."""
    module = sys.modules.get("newsclaims._evaluate")
    if module is None:
        return None
    metric = left if isinstance(left, module.Metric) else right if isinstance(right, module.Metric) else None
    if metric is None:
        return None
    other = right if metric is left else left
    ev = metric.evaluation
    head = f"{metric.label} {float(metric):.3f} {op} {other!r} is false, on {ev.gold_name}"
    # pytest shortens explanations to 8 lines / 640 characters without -vv: figures first, short lines
    counts = (f"P {ev.precision:.3f} R {ev.recall:.3f}: {ev.tp} of {ev.n_gold} gold found, {ev.n_pred} predicted; "
              f"worst errors (-vv for {WORST}):")
    worst: List[str] = ev.explain(WORST, width=60)[2:]
    return [head, counts] + worst
