"""Across articles: claim repeats (``Extraction.clusters``), one measure over time
(``Extraction.track``) and disagreements on it (``Extraction.contradictions``).

The core finds repeats (``claims.cluster_id``, see ``src/cluster.rs``); this module only
shapes tables from the extracted ones. "The same source" is :func:`source_key`: the
``source_id`` column where the claims table has one (source identity across documents), else
the normalised ``source`` string.

Owns these cross-article tables; it takes the tables it reads (``_tables.Tables``) and must
not import ``_extract``, whose ``Extraction`` methods call it.
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Union

import pandas as pd

from ._schema import DATETIME

if TYPE_CHECKING:
    from ._tables import Tables

#: a quantity's interval is widened by this share of its value when its qualifier is ``approx``
APPROX_TOLERANCE = 0.1

#: longest scope phrase, in words
SCOPE_WORDS = 20

#: words that end the scope phrase after a quantity (the main clause's verb follows the noun
#: phrase: "half of the territory ... in the eastern part of Aleppo *has* been liberated"),
#: unless a relative pronoun precedes them ("70 percent of the territory that *was* initially
#: controlled by the militants" keeps its clause)
_SCOPE_VERBS = frozenset("has have had is are was were will would says said say".split())
_RELATIVE = frozenset("that which who whom".split())
_SCOPE_END = re.compile(r"[,;:!?()\[\]“”\"]|\.(?=\s|$)")


def cluster_claims(claims: pd.DataFrame) -> pd.Series:
    """``cluster_id`` for a claims table gathered from several runs (Dask partitions, Spark
    batches, ``iter_extract`` batches, whose ids link repeats only within each run): computed
    again over all its rows by the core, in row order.

    >>> import newsclaims
    >>> said = "Konashenkov said: “The corridors out of the eastern districts will stay open all week.”"
    >>> a, b = newsclaims.extract([said], ids=["a"]), newsclaims.extract([said], ids=["b"])
    >>> claims = pd.concat([a.claims, b.claims], ignore_index=True)
    >>> claims["cluster_id"].tolist(), newsclaims.cluster_claims(claims).tolist()
    ([<NA>, <NA>], [0, 0])
    """
    from . import _core

    ids = _core.cluster_ids([str(c) for c in claims["content"]], [str(d) for d in claims["doc_id"]])
    return pd.Series(pd.array(ids, dtype="Int64"), index=claims.index, name="cluster_id")


def source_key(claims: pd.DataFrame) -> pd.Series:
    """The identity of each claim's source: ``source_id`` when the claims table has that
    column, else the source normalised (lowercase, "the" and possessive "'s" dropped, spaces
    collapsed: "Russia's Defense Ministry" and "the Russia Defense Ministry" meet)."""
    if "source_id" in claims.columns:
        return claims["source_id"]
    return claims["source"].map(normalise_source, na_action="ignore").astype("string")


def normalise_source(name: str) -> str:
    name = name.replace("’", "'").lower()
    name = re.sub(r"'s\b", "", name)
    name = re.sub(r"^the\s+", "", name.strip())
    return " ".join(name.split())


def _names(claims: pd.DataFrame, key: pd.Series) -> Dict[Any, str]:
    """Each source key's name to show: its most frequent ``source`` string."""
    names = pd.DataFrame({"key": key, "source": claims["source"]}).dropna()
    if names.empty:
        return {}
    return names.groupby("key")["source"].agg(lambda s: s.value_counts().index[0]).to_dict()


def scope_of(text: str, start: int) -> str:
    """The phrase a quantity measures, from its start to the end of its noun phrase: "70% of
    E. Aleppo", "93 percent of the city's territory", "half of the areas that had been under
    the control of militants in the east of the city of Aleppo". It ends at a punctuation mark
    (not an initial's full stop), at a verb of :data:`_SCOPE_VERBS` not after a relative
    pronoun, or after :data:`SCOPE_WORDS` words."""
    rest = text[start:start + 400]
    words: List[str] = []
    previous_end = 0
    for m in re.finditer(r"\S+", rest):
        if "\n" in rest[previous_end:m.start()]:
            break  # a headline ends at its line
        previous_end = m.end()
        word = m.group(0)
        end = _SCOPE_END.search(word)
        if end is not None and word[:end.start()] and re.fullmatch(r"[A-Z]\.", word[:end.start() + 1]):
            end = None  # "E. Aleppo": an initial
        lower = word.lower().strip(".,;:")
        if words and lower in _SCOPE_VERBS and words[-1].lower() not in _RELATIVE:
            break
        if end is not None:
            if word[:end.start()]:
                words.append(word[:end.start()])
            break
        words.append(word)
        if len(words) >= SCOPE_WORDS:
            break
    return " ".join(words)


def claimed_quantities(ex: "Tables", *, counted: Optional[str] = None,
                       unit: Union[str, Sequence[str], None] = None) -> pd.DataFrame:
    """Quantities inside claims with a value, joined with their claims and documents, with
    ``date`` (the claim's date, else the quantity's, else the publication date), ``date_from``
    saying which, ``scope`` (:func:`scope_of`) and ``source_key``. See :meth:`Extraction.track`
    for ``counted`` and ``unit``."""
    m = ex.merge(quantities=True)
    m = m[m["quantity_id"].notna()]
    m = m[m["value"].notna()].copy()
    m["unit"] = m["unit"].astype("string")
    units = [unit] if isinstance(unit, str) else (None if unit is None else list(unit))
    if units is not None:
        if "percent" in units:
            # "half of the areas" and "93 percent of the city" measure the same thing.
            fraction = m["unit"] == "fraction"
            for column in ("value", "low", "high"):
                m.loc[fraction, column] = m.loc[fraction, column] * 100
            m.loc[fraction, "unit"] = "percent"
        m = m[m["unit"].isin(units)]
    texts = dict(zip(ex.documents["doc_id"], ex.documents["text"]))
    m["scope"] = pd.array([scope_of(texts[d], int(s)) for d, s in zip(m["doc_id"], m["quantity_start"])],
                          dtype="string")
    if counted is not None:
        hit = (m["counted"].str.contains(counted, case=False, regex=False).fillna(False)
               | m["scope"].str.contains(counted, case=False, regex=False).fillna(False))
        m = m[hit.astype(bool)]
    claim_date, quantity_date = m["date"], m["quantity_date"]
    m["date_from"] = pd.array(
        ["claim" if pd.notna(c) else "quantity" if pd.notna(q) else "published" if pd.notna(p) else None
         for c, q, p in zip(claim_date, quantity_date, m["published"])], dtype="string")
    m["date"] = claim_date.fillna(quantity_date).fillna(m["published"]).dt.normalize()
    m["source_key"] = source_key(m)
    return m


def track(ex: "Tables", *, counted: Optional[str] = None, unit: Union[str, Sequence[str], None] = None,
          sources: Optional[Sequence[str]] = None) -> pd.DataFrame:
    m = claimed_quantities(ex, counted=counted, unit=unit)
    if sources is not None:
        wanted = {normalise_source(s) for s in sources}
        m = m[m["source"].map(normalise_source, na_action="ignore").isin(wanted)]
    columns = ["date", "source", "value", "unit", "qualifier", "scope", "counted", "quantity_text", "doc_id",
               "claim_id", "quantity_id", "published", "date_from", "kind", "via", "content", "source_key"]
    out = m[columns].rename(columns={"quantity_text": "text"})
    return out.sort_values(["date", "doc_id", "claim_id", "quantity_id"], na_position="last").reset_index(drop=True)


def _interval(value: float, qualifier: str) -> "tuple[float, float]":
    """What a claimed value allows: "more than 1,200" anything above 1,200, "about 90" 90 +-
    :data:`APPROX_TOLERANCE`, a vague or range quantity has no value and is not compared."""
    if qualifier in ("more_than", "at_least"):
        return value, math.inf
    if qualifier in ("less_than", "up_to", "almost"):
        return -math.inf, value
    if qualifier == "approx":
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    return value, value


def _measure(counted: Any) -> Optional[str]:
    """The measure's name: ``counted`` lowercased, a plural "s" dropped ("civilians" and
    "civilian" meet)."""
    if not isinstance(counted, str) or not counted.strip():
        return None
    word = counted.strip().lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def contradictions(ex: "Tables", *, counted: Optional[str] = None,
                   unit: Union[str, Sequence[str], None] = None) -> pd.DataFrame:
    m = claimed_quantities(ex, counted=counted, unit=unit)
    m = m[m["date"].notna() & m["source_key"].notna()].copy()
    m["measure"] = m["counted"].map(_measure)
    m = m[m["measure"].notna()]
    rows = []
    for (date, measure, unit_name), group in m.groupby(["date", "measure", "unit"], sort=True, observed=True):
        if group["source_key"].nunique() < 2:
            continue
        spans = [_interval(v, str(q)) for v, q in zip(group["value"], group["qualifier"])]
        keys = list(group["source_key"])
        clash = any(keys[i] != keys[j] and (spans[i][1] < spans[j][0] or spans[j][1] < spans[i][0])
                    for i in range(len(spans)) for j in range(i + 1, len(spans)))
        if not clash:
            continue
        statements = [f"{s}: {t} ({d})" for s, t, d in zip(group["source"], group["quantity_text"], group["doc_id"])]
        rows.append({
            "date": date, "counted": measure, "unit": unit_name,
            "n_sources": group["source_key"].nunique(),
            "sources": "; ".join(dict.fromkeys(group["source"])),
            "min_value": group["value"].min(), "max_value": group["value"].max(),
            "statements": "; ".join(statements),
            "doc_ids": "; ".join(dict.fromkeys(group["doc_id"])),
        })
    columns = ["date", "counted", "unit", "n_sources", "sources", "min_value", "max_value", "statements", "doc_ids"]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({"date": DATETIME, "counted": "string", "unit": "string", "n_sources": "Int64",
                       "sources": "string", "min_value": "float64", "max_value": "float64",
                       "statements": "string", "doc_ids": "string"})


def clusters(ex: "Tables") -> pd.DataFrame:
    c = ex.claims[ex.claims["cluster_id"].notna()]
    docs = ex.documents.set_index("doc_id")
    published = c["doc_id"].map(docs["published"])
    # The outlet: a metadata column of the documents when there is one, else the relaying
    # channel the claim names.
    outlet_col = next((n for n in ("outlet", "source", "publisher", "site") if n in docs.columns), None)
    outlets = c["doc_id"].map(docs[outlet_col]) if outlet_col else c["via"]
    frame = pd.DataFrame({
        "cluster_id": c["cluster_id"], "doc_id": c["doc_id"], "claim_id": c["claim_id"], "source": c["source"],
        "outlet": outlets, "content": c["content"], "published": published,
        "date": c["date"].fillna(published), "order": range(len(c)),
    })
    columns = ["cluster_id", "n_claims", "n_documents", "first_doc_id", "first_published", "content",
               "sources", "outlets", "documents", "dates"]
    if frame.empty:
        return _typed_clusters(pd.DataFrame(columns=columns))
    # The first appearance: the earliest publication, else the first in input order.
    frame = frame.sort_values(["cluster_id", "published", "order"], na_position="last")
    rows = []
    for cid, g in frame.groupby("cluster_id", sort=True):
        first = g.iloc[0]
        rows.append({
            "cluster_id": cid, "n_claims": len(g), "n_documents": g["doc_id"].nunique(),
            "first_doc_id": first["doc_id"], "first_published": first["published"],
            "content": first["content"],
            "sources": list(dict.fromkeys(g["source"].dropna())),
            "outlets": list(dict.fromkeys(g["outlet"].dropna())),
            "documents": list(dict.fromkeys(g["doc_id"])),
            "dates": sorted({d.date().isoformat() for d in g["date"].dropna()}),
        })
    return _typed_clusters(pd.DataFrame(rows, columns=columns))


def _typed_clusters(df: pd.DataFrame) -> pd.DataFrame:
    return df.astype({"cluster_id": "Int64", "n_claims": "Int64", "n_documents": "Int64", "first_doc_id": "string",
                      "first_published": DATETIME, "content": "string"})
