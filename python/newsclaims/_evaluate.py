"""Measuring newsclaims on a researcher's own annotations: :func:`evaluate` and :class:`Evaluation`.

Gold is read by :mod:`newsclaims._gold` (CSV/DataFrame, BRAT, PolNeAR JSON Lines). Predictions
are the claims or quantities of an :class:`~newsclaims.Extraction`, a table written by
``newsclaims -o``, or newsclaims run here on a corpus or on the gold's own texts. Everything is
compared in the coordinates of the text the gold's offsets point into; the matching rule is
``score_attribution.py``'s (../shared/eval) by default, so that the figures agree with it.
"""
from __future__ import annotations

import math
import os
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Set, Tuple, Union

if TYPE_CHECKING:
    from typing_extensions import TypeGuard

    from ._extract import Extraction

import pandas as pd

from ._gold import Gold, GoldError, GoldLike, quoted_fraction, quoted_mask, read_gold, DIRECT_THRESHOLD

OVERLAP_BY = ("union", "gold", "shorter")

# --- source matching (score_attribution.py's head-word rule) -------------------------------------

# Words that end the first chunk of a source phrase: "Sean Spicer, the RNC spokesman" -> "Sean Spicer".
_CHUNK_BREAK = re.compile(
    r"\s*(?:[,;:()\[\]\u2014\u2013]|\s-\s|\b(?:of|for|who|which|that|at|with|from|in|on|to|and|"
    r"whose|whom|during|after|before|told|said|says)\b)", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019.\-][^\W\d_]+)*\.?")
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
# Capitalised words that are not names ("He", "President", "Mr.").
_NOT_NAMES = {
    "the", "a", "an", "mr", "mrs", "ms", "dr", "he", "she", "they", "it", "we", "i",
    "you", "his", "her", "their", "its", "our", "this", "that", "these", "those",
    "sen", "rep", "gov", "gen", "president", "senator", "former", "u.s", "u.s.",
}


def _words(s: Optional[str]) -> List[str]:
    return [_POSSESSIVE.sub("", w.rstrip(".")) for w in _WORD.findall(s or "")]


def _name_words(s: Optional[str]) -> Set[str]:
    return {w.lower() for w in _words(s) if w[:1].isupper() and w.lower() not in _NOT_NAMES}


def head_word(source: Optional[str]) -> Optional[str]:
    """The last word of a source phrase's first chunk, case-folded: 'Spicer' for 'RNC spokesman
    Sean Spicer, who ...'; None for an empty source."""
    s = (source or "").strip()
    if not s:
        return None
    m = _CHUNK_BREAK.search(s, 1)
    chunk = s[:m.start()] if m else s
    ws = _words(chunk) or _words(s)
    return ws[-1].lower() if ws else None


def source_match_head(pred: Optional[str], gold: Optional[str]) -> bool:
    """score_attribution.py's rule: the head words are equal, or one head is a capitalised word of
    the other source. 'Spicer' ~ 'RNC spokesman Sean Spicer', 'he' ~ 'He', 'he' !~ 'Trump'."""
    hp, hg = head_word(pred), head_word(gold)
    if not hp or not hg:
        return False
    return hp == hg or hp in _name_words(gold) or hg in _name_words(pred)


def source_match_exact(pred: Optional[str], gold: Optional[str]) -> bool:
    """Equal after case-folding and collapsing whitespace."""
    def norm(s: Optional[str]) -> str:
        return " ".join((s or "").split()).casefold()

    return bool(norm(pred)) and norm(pred) == norm(gold)


SOURCE_RULES: Dict[str, Callable[[Optional[str], Optional[str]], bool]] = {
    "head": source_match_head, "exact": source_match_exact}


# --- scores ---------------------------------------------------------------------------------------

class Metric(float):
    """A figure (a float) that remembers the :class:`Evaluation` it comes from, so that a failing
    ``assert ev.f1 >= 0.8`` can show the worst errors (see :mod:`newsclaims.pytest_plugin`)."""

    evaluation: "Evaluation"
    label: str

    def __new__(cls, value: float, evaluation: "Evaluation", label: str) -> "Metric":
        m = super().__new__(cls, value)
        m.evaluation, m.label = evaluation, label
        return m

    def __reduce__(self) -> Tuple[Any, ...]:
        return (Metric, (float(self), self.evaluation, self.label))


class Score:
    """Precision, recall and F1 from ``tp`` matches among ``n_pred`` predictions and ``n_gold`` gold items."""

    def __init__(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp, self.n_pred, self.n_gold = tp, n_pred, n_gold
        self.precision = tp / n_pred if n_pred else 0.0
        self.recall = tp / n_gold if n_gold else 0.0
        p, r = self.precision, self.recall
        self.f1 = 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> Dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "n_pred": self.n_pred, "n_gold": self.n_gold}

    def __repr__(self) -> str:
        return (f"Score(precision={self.precision:.3f}, recall={self.recall:.3f}, f1={self.f1:.3f}, "
                f"tp={self.tp}, n_pred={self.n_pred}, n_gold={self.n_gold})")


def _ratio(s: int, e: int, frags: Sequence[Tuple[int, int]], by: str) -> float:
    inter = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in frags)
    if inter == 0:
        return 0.0
    glen, plen = sum(ge - gs for gs, ge in frags), e - s
    if by == "union":
        return inter / (plen + glen - inter)
    if by == "gold":
        return inter / glen
    return inter / min(plen, glen)


def _accuracy(ok: int, n: int) -> Optional[float]:
    return ok / n if n else None


class Evaluation:
    """How well predictions match gold annotations of one table. Made by :func:`evaluate`.

    ``precision``, ``recall``, ``f1`` (with ``tp``, ``n_pred``, ``n_gold``): span matching alone.
    ``strict``: a :class:`Score` whose matches must also have every annotated field right (the
    source for claims; value, unit and qualifier for quantities). Claims also have
    ``source_accuracy``, ``cue_accuracy``, ``kind_accuracy`` over matched pairs, ``direct`` (quotations
    only) and ``chars`` (character-level) scores and ``by_kind``; quantities have
    ``value_accuracy``, ``unit_accuracy``, ``qualifier_accuracy`` and ``by_unit``. ``errors`` is a
    DataFrame of every miss, false positive and wrong field with its text, in reading order;
    ``worst(n)`` the n most serious; ``matches`` every matched pair. ``unmapped``: predictions whose
    text could not be found in the gold's text (dropped, as ``run_polnear.py`` drops them).
    """

    # Set in __init__ for the fields the table has (claims: source, cue, kind; quantities: value,
    # unit, qualifier); None when no matched pair could be judged on the field.
    source_accuracy: Optional[Metric]
    cue_accuracy: Optional[Metric]
    kind_accuracy: Optional[Metric]
    value_accuracy: Optional[Metric]
    unit_accuracy: Optional[Metric]
    qualifier_accuracy: Optional[Metric]

    def __init__(self, on: str, score: Score, strict: Score, accuracy: Dict[str, Tuple[int, int]],
                 by_label: pd.DataFrame, errors: pd.DataFrame, matches: pd.DataFrame, *, docs: int, unmapped: int,
                 invalid: int, options: Dict[str, Any], direct: Optional[Score] = None,
                 chars: Optional[Score] = None, gold_name: str = "gold") -> None:
        self.on = on
        self.score = score
        self.strict = strict
        self.tp, self.n_pred, self.n_gold = score.tp, score.n_pred, score.n_gold
        self.precision = Metric(score.precision, self, f"{on} precision")
        self.recall = Metric(score.recall, self, f"{on} recall")
        self.f1 = Metric(score.f1, self, f"{on} F1")
        self.accuracy_counts = accuracy
        for field, (ok, n) in accuracy.items():
            acc = _accuracy(ok, n)
            setattr(self, f"{field}_accuracy", None if acc is None else Metric(acc, self, f"{field} accuracy"))
        self.direct, self.chars = direct, chars
        if on == "claims":
            self.by_kind = by_label
        else:
            self.by_unit = by_label
        self.by_label = by_label
        self.errors = errors
        self.matches = matches
        self.docs, self.unmapped, self.invalid = docs, unmapped, invalid
        self.options = options
        self.gold_name = gold_name

    def worst(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` most serious errors: misses and false positives that overlap nothing first,
        then those nearest the threshold, longer texts first, then wrong fields."""
        e = self.errors.copy()
        e["_rank"] = e["error"].map(lambda x: 0 if x in ("miss", "false_positive") else 1)
        e["_len"] = e["text"].fillna("").str.len()
        e = e.sort_values(["_rank", "best_overlap", "_len"], ascending=[True, True, False], kind="stable")
        return e.drop(columns=["_rank", "_len"]).head(n)

    def explain(self, n: int = 10, width: int = 100) -> List[str]:
        """Readable lines: the figures, then the ``n`` worst errors, one per line."""
        lines = [repr(self)]
        worst = self.worst(n)
        if len(worst):
            lines.append(f"worst {len(worst)} of {len(self.errors)} errors:")
        prefix = f"{self.gold_name} "
        for r in worst.itertuples(index=False):
            where = str(r.where)
            where = where[len(prefix):] if where.startswith(prefix) else where
            text = " ".join(str(r.text).split())
            text = text if len(text) <= width else text[: width - 1] + "…"
            who = f" [{r.source}]" if isinstance(r.source, str) and r.source else ""
            detail = f" expected {r.expected!r}, got {r.got!r}" if isinstance(r.expected, str) else ""
            near = ""
            if r.error in ("miss", "false_positive") and isinstance(r.nearest, str):
                nt = " ".join(r.nearest.split())
                near = f" (nearest: {r.best_overlap:.2f} overlap with {nt[:40]!r})"
            lines.append(f"  {r.error} {r.doc_id} {where}: {text!r}{who}{detail}{near}")
        return lines

    def check(self, **minimums: float) -> "Evaluation":
        """Raises ``AssertionError`` listing every figure below its minimum and the worst errors;
        returns self otherwise. ``ev.check(f1=0.8, source_accuracy=0.9)``; names are attributes
        of the evaluation (``precision``, ``recall``, ``f1``, ``strict_f1``, ``*_accuracy``)."""
        failed = []
        for name, floor in minimums.items():
            got = self.strict.f1 if name == "strict_f1" else getattr(self, name, "missing")
            if got == "missing":
                raise ValueError(f"no figure {name!r} in a {self.on} evaluation")
            if got is not None and not isinstance(got, (int, float)):
                raise ValueError(f"{name!r} of a {self.on} evaluation is no figure")
            if got is None or got < floor:
                failed.append(f"{name} = {'n/a' if got is None else f'{got:.3f}'} < {floor}")
        if failed:
            raise AssertionError("\n".join([f"{self.on} on {self.gold_name}: " + "; ".join(failed)] + self.explain()))
        return self

    def summary(self) -> pd.DataFrame:
        """The scores as one table: a row per score, columns precision, recall, f1, tp, n_pred, n_gold."""
        rows = {f"{self.on} (span)": self.score,
                f"{self.on} + {'source' if self.on == 'claims' else 'fields'}": self.strict}
        if self.direct is not None:
            rows["direct quotes"] = self.direct
        if self.chars is not None:
            rows["characters"] = self.chars
        return pd.DataFrame({k: v.as_dict() for k, v in rows.items()}).T.astype(
            {"tp": int, "n_pred": int, "n_gold": int})

    def to_dict(self) -> Dict[str, Any]:
        """The figures as plain numbers (for JSON)."""
        out: Dict[str, Any] = {"on": self.on, "docs": self.docs, "unmapped": self.unmapped, **self.score.as_dict(),
                               "strict": self.strict.as_dict()}
        for field, (ok, n) in self.accuracy_counts.items():
            out[f"{field}_accuracy"] = _accuracy(ok, n)
            out[f"{field}_n"] = n
        for name in ("direct", "chars"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name).as_dict()
        out["by_" + ("kind" if self.on == "claims" else "unit")] = self.by_label.to_dict("index")
        return out

    def table(self, n_errors: int = 10) -> str:
        """A text report: scores, accuracies, the per-kind or per-unit table and the worst errors."""
        with pd.option_context("display.width", 120, "display.max_columns", 10, "display.precision", 3):
            parts = [f"{self.on} on {self.gold_name}: {self.docs} documents, {self.n_gold} gold, "
                     f"{self.n_pred} predicted" + (f", {self.unmapped} predictions not found in the gold text"
                                                   if self.unmapped else ""),
                     self.summary().to_string(float_format=lambda x: f"{x:.3f}")]
            acc = [f"{f} accuracy {_fmt(_accuracy(ok, n))} (n={n})" for f, (ok, n) in self.accuracy_counts.items()]
            parts.append("; ".join(acc))
            if len(self.by_label):
                parts.append(self.by_label.to_string(float_format=lambda x: f"{x:.3f}"))
            parts.append("\n".join(self.explain(n_errors)[1:]))
        return "\n\n".join(p for p in parts if p)

    def __repr__(self) -> str:
        acc = "".join(f"; {f} accuracy {_fmt(_accuracy(ok, n))}" for f, (ok, n) in self.accuracy_counts.items()
                      if f in ("source", "value"))
        misses = int((self.errors["error"] == "miss").sum())
        fps = int((self.errors["error"] == "false_positive").sum())
        return (f"<Evaluation {self.on}: P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
                f"(tp {self.tp}, pred {self.n_pred}, gold {self.n_gold}, {self.docs} documents){acc}; "
                f"{misses} misses, {fps} false positives>")


def _fmt(x: Optional[float]) -> str:
    return "n/a" if x is None else f"{x:.3f}"


# --- predictions ----------------------------------------------------------------------------------

PredLike = Union["Extraction", pd.DataFrame, str, "os.PathLike[str]", Sequence[Any], None]  # noqa: F821

#: columns that make a file a predictions table rather than a corpus of articles
_PRED_MARKERS = {"claims": {"claim_id", "content_start", "content_end"}, "quantities": {"quantity_id", "start", "end"}}


def _read_predictions_file(path: str) -> Optional[pd.DataFrame]:
    """The table in `path` if it is a claims or quantities table written by ``newsclaims -o``, else None."""
    low = path.lower()
    try:
        if low.endswith((".parquet", ".pq")):
            df = pd.read_parquet(path)
        elif low.endswith((".csv", ".csv.gz")):
            head = pd.read_csv(path, nrows=0)
            if not any(m <= set(head.columns) for m in _PRED_MARKERS.values()):
                return None
            df = pd.read_csv(path, dtype={"doc_id": str})  # ids like "007" stay as written
        elif low.endswith((".jsonl", ".jsonl.gz")):
            df = pd.read_json(path, lines=True, dtype={"doc_id": str})
        else:
            return None
    except ValueError:
        return None
    return df if any(m <= set(df.columns) for m in _PRED_MARKERS.values()) else None


def _predictions(pred: PredLike, gold: Gold, jobs: Optional[int]
                 ) -> Tuple[pd.DataFrame, Optional[Dict[str, str]], Optional["Extraction"]]:
    """(table of predictions, doc_id -> documents.text or None, the Extraction or None)."""
    from ._extract import Extraction, extract, extract_files

    if pred is None:
        if gold.texts is None:
            raise ValueError(f"gold {gold.name} carries no texts to run newsclaims on: pass an Extraction, "
                             "a predictions table or the corpus the gold annotates")
        pred = extract(list(gold.texts.values()), ids=list(gold.texts), jobs=jobs)
    elif isinstance(pred, (str, os.PathLike)) or (isinstance(pred, (list, tuple)) and pred
                                                   and all(isinstance(p, (str, os.PathLike)) for p in pred)):
        paths = [os.fspath(p) for p in ([pred] if isinstance(pred, (str, os.PathLike)) else pred)]
        table = _read_predictions_file(paths[0]) if len(paths) == 1 and os.path.isfile(paths[0]) else None
        pred = table if table is not None else extract_files(*paths, jobs=jobs)
    if isinstance(pred, Extraction):
        docs = pred.documents
        return pred.table(gold.on), dict(zip(docs["doc_id"].astype(str), docs["text"])), pred
    if isinstance(pred, pd.DataFrame):
        if not _PRED_MARKERS[gold.on] - {"claim_id", "quantity_id"} <= set(pred.columns):
            raise ValueError(f"the predictions table has no {' and '.join(sorted(_PRED_MARKERS[gold.on] - {'claim_id', 'quantity_id'}))} "
                             f"columns: is it a {gold.on} table?")
        return pred, None, None
    raise TypeError(f"predictions must be an Extraction, a DataFrame, paths or None, not {type(pred).__name__}")


def _nearest(haystack: str, needle: str, around: int) -> int:
    best, i = -1, haystack.find(needle)
    while i != -1:
        if best == -1 or abs(i - around) < abs(best - around):
            best = i
        i = haystack.find(needle, i + 1)
    return best


def _present(v: Any) -> "TypeGuard[Any]":
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return False
    return str(v) not in ("", "nan", "None", "<NA>")


def _pred_items(table: pd.DataFrame, on: str, doc_texts: Optional[Dict[str, str]],
                score_texts: Optional[Dict[str, str]], docs: Set[str]) -> Tuple[Dict[str, List[Any]], int, int]:
    """Predictions per document in the scoring text's coordinates: (by doc, unmapped, invalid)."""
    s_col, e_col, t_col = ("content_start", "content_end", "content") if on == "claims" else ("start", "end", "text")
    by_doc: Dict[str, List[Any]] = defaultdict(list)
    unmapped = invalid = 0
    for n, r in enumerate(table.to_dict("records")):
        doc = str(r["doc_id"])
        if doc not in docs:
            continue
        t = doc_texts.get(doc) if doc_texts is not None else None
        g = score_texts.get(doc) if score_texts is not None else None
        s, e = r.get(s_col), r.get(e_col)
        if not (_present(s) and _present(e)):
            invalid += 1
            by_doc[doc].append(None)
            continue
        s, e = int(s), int(e)
        surface = t[s:e] if t is not None else str(r.get(t_col) or "")
        if g is None or (t is not None and t == g):
            gs = s
        elif t is None and (not surface or g[s:e] == surface):
            gs = s  # a bare table whose offsets already point into the gold text
        else:
            scale = len(g) / max(1, len(t)) if t is not None else 1.0
            gs = _nearest(g, surface, int(s * scale)) if surface else -1
            if gs == -1:
                unmapped += 1
                continue
        shift = gs - s
        s, e = gs, gs + (e - s)
        if not (0 <= s < e and (g is None or e <= len(g))):
            invalid += 1
            by_doc[doc].append(None)
            continue
        where = f"{on} row {n}" + (f" ({'claim' if on == 'claims' else 'quantity'} {r['claim_id' if on == 'claims' else 'quantity_id']})"
                                   if _present(r.get("claim_id" if on == "claims" else "quantity_id")) else "")
        item: Dict[str, Any] = {"s": s, "e": e, "text": g[s:e] if g is not None else surface, "where": where}
        if on == "claims":
            item["source_text"] = str(r["source_text"]) if _present(r.get("source_text")) else None
            item["source"] = str(r["source"]) if _present(r.get("source")) else None
            item["kind"] = str(r["kind"]) if _present(r.get("kind")) else None
            cue = str(r["cue"]) if _present(r.get("cue")) else None
            item["cue"], item["cue_span"] = cue, None
            if cue and t is not None and _present(r.get("start")) and _present(r.get("end")):
                k = t.find(cue, int(r["start"]), int(r["end"]))
                if k != -1:
                    item["cue_span"] = (k + shift, k + shift + len(cue))
            if _present(r.get("cue_start")) and _present(r.get("cue_end")):
                item["cue_span"] = (int(r["cue_start"]) + shift, int(r["cue_end"]) + shift)
            item["direct"] = bool(r["direct"]) if _present(r.get("direct")) else None
        else:
            v = r.get("value")
            item["value"] = float(v) if _present(v) else None
            item["unit"] = str(r["unit"]) if _present(r.get("unit")) else None
            item["qualifier"] = str(r["qualifier"]) if _present(r.get("qualifier")) else None
        by_doc[doc].append(item)
    return by_doc, unmapped, invalid


# --- gold items located in their text -------------------------------------------------------------

_QUOTES = "\"\u201c\u201d\u201e\u00ab\u00bb"
_APOS = "'\u2018\u2019"


def _pattern(text: str) -> "re.Pattern[str]":
    """A regex for `text` that ignores whitespace differences and curly/straight quotes."""
    out: List[str] = []
    for ch in text.strip():
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch in _QUOTES:
            out.append(f"[{re.escape(_QUOTES)}]|''")
            out[-1] = f"(?:{out[-1]})"
        elif ch in _APOS:
            out.append(f"[{re.escape(_APOS)}]")
        else:
            out.append(re.escape(ch))
    return re.compile("".join(out))


def _gold_items(gold: Gold, texts: Optional[Dict[str, str]], unlocated: str
                ) -> Tuple[Dict[str, List[Any]], List[Tuple[str, str]]]:
    """Gold items per document, each with fragments located in its text; and the problems found.

    A row giving text without a span takes the first occurrence of that text not already taken by
    another row of its document; longer texts are placed first, so that "1,200" is not found
    inside "over 1,200" when both are annotated."""
    problems: List[Tuple[str, str]] = []
    textless: List[Tuple[int, str]] = []
    records = gold.items.to_dict("records")
    located: Dict[int, List[Tuple[int, int]]] = {}
    taken: Dict[str, List[Tuple[int, int]]] = defaultdict(list)
    for n, r in enumerate(records):
        if r["fragments"] is not None:
            located[n] = [tuple(f) for f in r["fragments"]]
            taken[r["doc_id"]] += located[n]
    text_only = sorted((n for n, r in enumerate(records) if r["fragments"] is None),
                       key=lambda n: (-len(records[n]["text"]), n))
    for n in text_only:
        r = records[n]
        doc, where = r["doc_id"], r["where"]
        text = texts.get(doc) if texts is not None else None
        if text is None:
            textless.append((n, where))
            continue
        found = list(_pattern(r["text"]).finditer(text))
        free = [m for m in found if not any(m.start() < e and s < m.end() for s, e in taken[doc])]
        if free:
            located[n] = [(free[0].start(), free[0].end())]
            taken[doc].append(located[n][0])
        elif unlocated == "miss":
            located[n] = []
        else:
            problems.append((where, f"{r['text'][:60]!r} is not in the text of document {doc!r}"
                                    + (f" (its {len(found)} occurrence(s) are taken by other rows)" if found else "")
                                    + "; give its span, or pass unlocated='miss' to count it as a miss"))
    if textless:
        rows = [where for _, where in sorted(textless)]
        problems.append((", ".join(rows[:5]) + (f" and {len(rows) - 5} more rows" if len(rows) > 5 else ""),
                         "give a text without a span, and the predictions carry no document text to find it in: "
                         "evaluate against an Extraction or the corpus (not a predictions table), or give spans"))
    by_doc: Dict[str, List[Any]] = defaultdict(list)
    for n, r in enumerate(records):
        if n not in located:
            continue
        doc, where, frags = r["doc_id"], r["where"], located[n]
        text = texts.get(doc) if texts is not None else None
        if frags and text is not None and r["fragments"] is not None:
            bad = [f"{s}-{e}" for s, e in frags if e > len(text)]
            if bad:
                problems.append((where, f"span {', '.join(bad)} is outside the text of document {doc!r} "
                                        f"(length {len(text)})"))
                continue
            held = text[frags[0][0]:frags[-1][1]]
            if gold.texts is None and r["text"] is not None and " ".join(r["text"].split()) != " ".join(held.split()):
                problems.append((where, f"the span {frags[0][0]}-{frags[-1][1]} holds {held[:40]!r}, "
                                        f"not {r['text'][:40]!r}"))
                continue
        item = dict(r)
        item["fragments"] = frags
        item["s"], item["e"] = (frags[0][0], frags[-1][1]) if frags else (-1, -1)
        if frags and text is not None:
            item["text"] = text[item["s"]:item["e"]]
        by_doc[doc].append(item)
    return by_doc, problems


# --- evaluate ---------------------------------------------------------------------------------------

def evaluate(extraction: PredLike, gold: Union[GoldLike, Sequence[GoldLike]], *, on: Optional[str] = None,
             overlap: Optional[float] = None, overlap_by: str = "union",
             source_match: Union[str, Callable[[Optional[str], Optional[str]], bool]] = "head",
             documents: str = "gold", unlocated: str = "raise", split: Optional[str] = None,
             jobs: Optional[int] = None) -> Evaluation:
    """Compares extracted claims or quantities with gold annotations and returns an :class:`Evaluation`.

    ``extraction``: an :class:`~newsclaims.Extraction`; a claims or quantities DataFrame or file
    (``newsclaims -o``); paths of a corpus to run newsclaims on; or None to run it on the gold's
    own texts (BRAT, JSON Lines). ``gold``: a CSV path or DataFrame, BRAT ``.ann`` file or
    directory, or PolNeAR-format ``.jsonl`` (see :func:`newsclaims.read_gold`), or a list of them.
    ``on``: "claims" or "quantities" (default: what the gold annotates, claims first).

    Matching rules:

    * **Coordinates.** Gold offsets point into the gold's own text (BRAT ``.txt``, JSON ``text``)
      or, for CSV, into ``documents.text``. A prediction whose document text differs from the gold
      text is moved onto it by finding its text there, nearest the same relative position;
      predictions not found are dropped and counted in ``unmapped``. A gold row giving text
      without a span is located in the document (n-th row with the same text = n-th occurrence).
    * **Spans.** A prediction matches a gold item when their overlap ratio is at least
      ``overlap``: characters shared / characters in either (``overlap_by="union"``, default),
      / the gold's characters (``"gold"``), or / the shorter span's (``"shorter"``). A gold content
      split into fragments ("“A,” he said. “B.”") is the union of its fragments. Matching is one
      to one, greedy, best ratio first (ties: earlier gold, then earlier prediction). ``overlap``
      defaults to 0.5 for claims (score_attribution.py's rule) and to 0 for quantities (any
      shared character: "more than 9,500" and "9,500" are the same mention; the value decides).
    * **Sources** (claims): among matched pairs whose gold has a source, the prediction's
      ``source_text`` or its resolved ``source`` must match by ``source_match``: "head"
      (default; score_attribution.py's rule: the last word of the first chunk of each phrase is
      equal, or one is a capitalised word of the other: "Spicer" ~ "RNC spokesman Sean Spicer",
      "he" !~ "Trump"), "exact" (case-folded), or a function ``(pred, gold) -> bool``. A gold
      with an empty source needs an empty predicted ``source_text``; a gold without a ``source``
      column does not score sources. ``strict`` counts a match only when the source is right.
    * **Cues**: right when the predicted cue span overlaps the gold's, or, without spans, when the
      texts are equal ignoring case and punctuation. ``cue_accuracy`` is None when no matched
      prediction gives a cue.
    * **Kinds** are labels, not a matching condition: ``by_kind`` gives recall per gold kind and
      precision per predicted kind; ``kind_accuracy`` the share of matched pairs that agree.
      ``direct`` scores quotations only, as score_attribution.py does: a gold is direct by its
      ``direct`` flag or kind, a prediction when 90% of its letters and digits are inside double
      quotes; a prediction matched to a non-direct gold is neither right nor wrong there.
      ``chars`` counts characters of content instead of spans (insensitive to splitting).
    * **Quantities**: a matched pair is right in ``strict`` when every field the gold gives is:
      ``value`` equal to 1e-6 relative, ``unit`` and ``qualifier`` equal ignoring case ("%" is
      "percent").
    * **Documents** scored: those the gold annotates (JSON Lines and BRAT list them, even with no
      annotation; a CSV names them in its rows), or every document of the extraction with
      ``documents="all"``. Predictions for other documents are ignored. A gold document that is
      not in the extraction is an error naming the row.

    Malformed gold (missing columns, spans outside the text, unknown doc ids, text not found)
    raises :class:`~newsclaims.GoldError` listing every offending row. ``unlocated="miss"`` counts
    gold text that cannot be found as a miss instead.

    >>> import newsclaims, pandas as pd
    >>> ex = newsclaims.extract(["“Half of the city is free,” said Igor Konashenkov."], ids=["a"])
    >>> gold = pd.DataFrame({"doc_id": ["a"], "content": ["Half of the city is free"],
    ...                      "source": ["Konashenkov"]})
    >>> ev = newsclaims.evaluate(ex, gold)
    >>> ev.f1, ev.source_accuracy
    (1.0, 1.0)
    """
    if overlap_by not in OVERLAP_BY:
        raise ValueError(f"overlap_by must be one of {', '.join(OVERLAP_BY)}, not {overlap_by!r}")
    if documents not in ("gold", "all"):
        raise ValueError(f"documents must be 'gold' or 'all', not {documents!r}")
    if unlocated not in ("raise", "miss"):
        raise ValueError(f"unlocated must be 'raise' or 'miss', not {unlocated!r}")
    rule = SOURCE_RULES.get(source_match) if isinstance(source_match, str) else source_match
    if rule is None or not callable(rule):
        raise ValueError(f"source_match must be 'head', 'exact' or a function, not {source_match!r}")
    g = _pick_gold(gold, on=on, split=split)
    on = g.on
    if overlap is None:
        overlap = 0.5 if on == "claims" else 0.0
    if not 0 <= overlap <= 1:
        raise ValueError(f"overlap must be between 0 and 1, got {overlap}")
    table, doc_texts, _ = _predictions(extraction, g, jobs)

    docs = list(g.docs)
    if doc_texts is not None:
        known = set(doc_texts)
        unknown = [(w, d) for w, d in zip(g.items["where"], g.items["doc_id"]) if d not in known]
        if g.texts is None and unknown:
            sample = ", ".join(repr(d) for d in list(known)[:5]) + (", ..." if len(known) > 5 else "")
            raise GoldError(g.name, [(w, f"unknown doc_id {d!r}: the extraction has no such document "
                                        f"(it has {sample})") for w, d in unknown])
        missing = [d for d in g.docs if d not in known]
        if g.texts is not None and missing:
            raise GoldError(g.name, [(g.name, f"document {d!r} is not in the extraction") for d in missing])
        if documents == "all":
            docs += [d for d in doc_texts if d not in set(docs)]
    score_texts = g.texts if g.texts is not None else doc_texts
    golds, problems = _gold_items(g, score_texts, unlocated)
    if problems:
        raise GoldError(g.name, problems)
    preds, unmapped, invalid = _pred_items(table, on, doc_texts, score_texts, set(docs))
    return _score(on, docs, golds, preds, score_texts, overlap=overlap, overlap_by=overlap_by, rule=rule,
                  unmapped=unmapped, invalid=invalid, gold_name=g.name,
                  options={"overlap": overlap, "overlap_by": overlap_by, "source_match": source_match,
                           "documents": documents})


def _pick_gold(gold: Union[GoldLike, Sequence[GoldLike]], *, on: Optional[str], split: Optional[str]) -> Gold:
    sources: List[GoldLike] = list(gold) if isinstance(gold, (list, tuple)) else [gold]  # type: ignore[list-item]
    golds: List[Gold] = []
    for s in sources:
        golds += read_gold(s, on=on, split=split)
    wanted = on or golds[0].on
    chosen = [x for x in golds if x.on == wanted]
    if not chosen:
        raise ValueError(f"the gold ({', '.join(x.name for x in golds)}) annotates "
                         f"{', '.join(sorted({x.on for x in golds}))}, not {wanted}")
    if len(chosen) == 1:
        return chosen[0]
    texts: Optional[Dict[str, str]] = {}
    for x in chosen:
        texts = None if texts is None or x.texts is None else {**texts, **x.texts}
    return Gold(wanted, pd.concat([x.items for x in chosen], ignore_index=True), texts=texts,
                docs=[d for x in chosen for d in x.docs], name=" + ".join(x.name for x in chosen))


_UNIT_ALIASES = {"%": "percent", "per cent": "percent", "percentage": "percent"}


def _norm_label(v: Optional[str]) -> str:
    s = " ".join((v or "").split()).casefold()
    return _UNIT_ALIASES.get(s, s)


def _cue_norm(v: Optional[str]) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", v or "").split()).casefold()


def _score(on: str, docs: List[str], golds: Dict[str, List[Any]], preds: Dict[str, List[Any]],
           texts: Optional[Dict[str, str]], *, overlap: float, overlap_by: str,
           rule: Callable[[Optional[str], Optional[str]], bool], unmapped: int, invalid: int, gold_name: str,
           options: Dict[str, Any]) -> Evaluation:
    c: Dict[str, int] = defaultdict(int)
    label_gold: Dict[str, int] = defaultdict(int)
    label_found: Dict[str, int] = defaultdict(int)
    label_pred: Dict[str, int] = defaultdict(int)
    label_right: Dict[str, int] = defaultdict(int)
    errors: List[Dict[str, Any]] = []
    matches: List[Dict[str, Any]] = []
    label_key = "kind" if on == "claims" else "unit"

    def err(doc: str, kind: str, item: Dict[str, Any], best: float, nearest: Optional[str],
            source: Optional[str] = None, expected: Any = None, got: Any = None) -> None:
        errors.append({"doc_id": doc, "error": kind, "where": item["where"], "start": item["s"], "end": item["e"],
                       "text": item["text"], "source": source, "expected": expected, "got": got,
                       "best_overlap": best, "nearest": nearest})

    for doc in docs:
        gl = golds.get(doc, [])
        pl_all = preds.get(doc, [])
        c["n_pred"] += len(pl_all)
        pl = [p for p in pl_all if p is not None]
        c["n_gold"] += len(gl)
        text = texts.get(doc) if texts is not None else None
        # every overlapping pair, with its ratio; the best counterpart of each item for the error table
        pairs = []
        best_g: List[Tuple[float, Optional[int]]] = [(0.0, None)] * len(gl)
        best_p: List[Tuple[float, Optional[int]]] = [(0.0, None)] * len(pl)
        for pi, p in enumerate(pl):
            for gi, g in enumerate(gl):
                if p["e"] <= g["s"] or p["s"] >= g["e"]:
                    continue
                r = _ratio(p["s"], p["e"], g["fragments"], overlap_by)
                if r <= 0:
                    continue
                if r >= overlap:
                    pairs.append((-r, gi, pi))
                if r > best_g[gi][0]:
                    best_g[gi] = (r, pi)
                if r > best_p[pi][0]:
                    best_p[pi] = (r, gi)
        pairs.sort()
        used_p, used_g, match = set(), set(), {}
        for _, gi, pi in pairs:
            if pi in used_p or gi in used_g:
                continue
            used_p.add(pi)
            used_g.add(gi)
            match[pi] = gi
        c["tp"] += len(match)
        for g in gl:
            label_gold[g.get(label_key) or "(none)"] += 1
        for p in pl:
            label_pred[p.get(label_key) or "(none)"] += 1
        for pi, gi in sorted(match.items(), key=lambda kv: kv[1]):
            p, g = pl[pi], gl[gi]
            gl_label, pl_label = g.get(label_key) or "(none)", p.get(label_key) or "(none)"
            label_found[gl_label] += 1
            label_right[pl_label] += 1
            ok, row = _check_pair(on, p, g, rule, c)
            c["strict_tp"] += ok
            for field, expected, got in row:
                err(doc, f"wrong_{field}", g, 1.0, p["text"], source=g.get("source") if on == "claims" else None,
                    expected=expected, got=got)
            matches.append({"doc_id": doc, "gold_where": g["where"], "pred_where": p["where"],
                            "overlap": _ratio(p["s"], p["e"], g["fragments"], overlap_by),
                            "gold_text": g["text"], "pred_text": p["text"],
                            **({"gold_source": g.get("source"), "pred_source": p.get("source") or p.get("source_text"),
                                "gold_kind": g.get("kind"), "pred_kind": p.get("kind")} if on == "claims" else
                               {"gold_value": g.get("value"), "pred_value": p.get("value"),
                                "gold_unit": g.get("unit"), "pred_unit": p.get("unit")}),
                            "right": bool(ok)})
        matched_g = set(match.values())
        for gi, g in enumerate(gl):
            if gi not in matched_g:
                b, near = best_g[gi]
                err(doc, "miss", g, b, pl[near]["text"] if near is not None else None,
                    source=g.get("source") if on == "claims" else _qty_label(g))
        for pi, p in enumerate(pl):
            if pi not in match:
                b, near = best_p[pi]
                err(doc, "false_positive", p, b, gl[near]["text"] if near is not None else None,
                    source=(p.get("source_text") or p.get("source")) if on == "claims" else _qty_label(p))
        if on == "claims":
            _direct_and_chars(text, gl, pl, match, c)

    score = Score(c["tp"], c["n_pred"], c["n_gold"])
    strict = Score(c["strict_tp"], c["n_pred"], c["n_gold"])
    fields = ("source", "cue", "kind") if on == "claims" else ("value", "unit", "qualifier")
    accuracy = {f: (c[f"{f}_ok"], c[f"{f}_n"]) for f in fields}
    if on == "claims" and not c["cue_given"]:
        accuracy["cue"] = (0, 0)  # no prediction gave a cue: not measured (as score_attribution.py)
    labels = sorted(set(label_gold) | set(label_pred))
    by_label = pd.DataFrame(
        [{"n_gold": label_gold[k], "recall": label_found[k] / label_gold[k] if label_gold[k] else None,
          "n_pred": label_pred[k], "precision": label_right[k] / label_pred[k] if label_pred[k] else None}
         for k in labels], index=pd.Index(labels, name=label_key), columns=["n_gold", "recall", "n_pred", "precision"])
    error_columns = ["doc_id", "error", "where", "start", "end", "text", "source", "expected", "got",
                     "best_overlap", "nearest"]
    errors_df = pd.DataFrame(errors, columns=error_columns).sort_values(["doc_id", "start"], kind="stable") \
        .reset_index(drop=True).astype({"start": "Int64", "end": "Int64", "best_overlap": "float64"})
    return Evaluation(on, score, strict, accuracy, by_label, errors_df, pd.DataFrame(matches), docs=len(docs),
                      unmapped=unmapped, invalid=invalid, options=options,
                      direct=Score(c["d_tp"], c["d_pred"], c["d_gold"]) if on == "claims" else None,
                      chars=Score(c["ch_tp"], c["ch_pred"], c["ch_gold"]) if on == "claims" and texts is not None else None,
                      gold_name=gold_name)


def _qty_label(q: Dict[str, Any]) -> Optional[str]:
    parts = [str(q[k]) for k in ("value", "unit", "qualifier") if q.get(k) is not None]
    return " ".join(parts) or None


def _check_pair(on: str, p: Dict[str, Any], g: Dict[str, Any], rule: Callable[[Optional[str], Optional[str]], bool],
                c: Dict[str, int]) -> Tuple[bool, List[Tuple[str, Optional[str], Optional[str]]]]:
    """Whether a matched pair is right in every annotated field; counts accuracies in `c`;
    returns (ok, [(field, expected, got)] for each wrong field that `strict` requires)."""
    wrong: List[Tuple[str, Optional[str], Optional[str]]] = []
    if on == "claims":
        ok = True
        if g.get("has_source") is True:
            c["source_n"] += 1
            got = p.get("source_text")
            right = bool(rule(got, g["source"])) or (bool(p.get("source")) and bool(rule(p["source"], g["source"])))
            c["source_ok"] += right
            ok = right
            if not right:
                wrong.append(("source", g["source"], p.get("source") or got))
        elif g.get("has_source") is False:
            ok = not (p.get("source_text") or "").strip()
            if not ok:
                wrong.append(("source", "(no source)", p.get("source_text")))
        if g.get("cue") is not None:
            c["cue_n"] += 1
            gs = g.get("cue_start")
            if p.get("cue_span") is not None and gs is not None and not pd.isna(gs):
                c["cue_given"] += 1
                ps, pe = p["cue_span"]
                c["cue_ok"] += min(pe, int(g["cue_end"])) > max(ps, int(gs))
            elif p.get("cue"):
                c["cue_given"] += 1
                c["cue_ok"] += _cue_norm(p["cue"]) == _cue_norm(g["cue"])
        if g.get("kind") and p.get("kind"):
            c["kind_n"] += 1
            c["kind_ok"] += _norm_label(g["kind"]) == _norm_label(p["kind"])
        return ok, wrong
    for field in ("value", "unit", "qualifier"):
        expected = g.get(field)
        if expected is None or (isinstance(expected, float) and math.isnan(expected)):
            continue
        got = p.get(field)
        c[f"{field}_n"] += 1
        if field == "value":
            right = got is not None and not math.isnan(got) and math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-9)
        else:
            right = _norm_label(got) == _norm_label(expected)
        c[f"{field}_ok"] += right
        if not right:
            wrong.append((field, str(expected), None if got is None else str(got)))
    return not wrong, wrong


def _direct_and_chars(text: Optional[str], gl: List[Dict[str, Any]], pl: List[Dict[str, Any]], match: Dict[int, int],
                      c: Dict[str, int]) -> None:
    """Quotations-only and character-level counts, by score_attribution.py's rules."""
    def gold_direct(g: Dict[str, Any]) -> bool:
        if g.get("direct") is not None and not pd.isna(g["direct"]):
            return bool(g["direct"])
        return _norm_label(g.get("kind")) == "direct"

    mask = quoted_mask(text) if text is not None else None
    pdirect: List[Optional[bool]] = []
    for p in pl:
        if p.get("direct") is not None:
            pdirect.append(bool(p["direct"]))
        elif text is not None and mask is not None:
            pdirect.append(True if quoted_fraction(text, mask, [(p["s"], p["e"])]) >= DIRECT_THRESHOLD else None)
        else:
            pdirect.append(None)
    gdirect = [gold_direct(g) for g in gl]
    d_tp = sum(1 for pi, gi in match.items() if gdirect[gi] and pdirect[pi] is not False)
    d_fp = sum(1 for pi in range(len(pl)) if pi not in match and pdirect[pi])
    c["d_tp"] += d_tp
    c["d_pred"] += d_tp + d_fp
    c["d_gold"] += sum(gdirect)
    if text is None:
        return
    n = len(text)
    g_all, g_dir, p_all, p_dir = (bytearray(n) for _ in range(4))
    for g, g_is_direct in zip(gl, gdirect):
        for s, e in g["fragments"]:
            (g_dir if g_is_direct else g_all)[s:e] = b"\x01" * (e - s)
    for pi, p in enumerate(pl):
        is_direct = pdirect[pi] or (pdirect[pi] is None and pi in match and gdirect[match[pi]])
        (p_dir if is_direct else p_all)[p["s"]:p["e"]] = b"\x01" * (p["e"] - p["s"])
    for i in range(n):
        gd, ga, pd_, pa = g_dir[i], g_all[i] or g_dir[i], p_dir[i], p_all[i] or p_dir[i]
        c["ch_gold"] += ga
        c["ch_pred"] += pa
        c["ch_tp"] += ga and pa
        if pd_ and not (ga and not gd):
            c["chd_pred"] += 1
            c["chd_tp"] += gd
        c["chd_gold"] += gd


# --- a gold file against a corpus, both tables at once (the pytest fixture's result) ---------------

class Validation:
    """Gold annotations checked against newsclaims: ``claims`` and ``quantities`` are
    :class:`Evaluation` objects (computed on first use; one the gold does not annotate raises
    ``ValueError``), ``extraction`` the predictions."""

    def __init__(self, extraction: Any, gold: Union[GoldLike, Sequence[GoldLike]], **options: Any) -> None:
        self.extraction, self.gold, self.options = extraction, gold, options
        self._cache: Dict[str, Evaluation] = {}

    def _get(self, on: str) -> Evaluation:
        if self.extraction is None:  # run newsclaims once on the gold's own texts, for both tables
            from ._extract import extract

            g = _pick_gold(self.gold, on=None, split=self.options.get("split"))
            if g.texts is None:
                raise ValueError(f"gold {g.name} carries no texts to run newsclaims on: give the corpus it annotates")
            self.extraction = extract(list(g.texts.values()), ids=list(g.texts), jobs=self.options.get("jobs"))
        if on not in self._cache:
            self._cache[on] = evaluate(self.extraction, self.gold, on=on, **self.options)
        return self._cache[on]

    @property
    def claims(self) -> Evaluation:
        return self._get("claims")

    @property
    def quantities(self) -> Evaluation:
        return self._get("quantities")

    def __repr__(self) -> str:
        return f"<Validation of {self.gold!r}: {', '.join(repr(v) for v in self._cache.values()) or 'not yet run'}>"
