"""Articles as HTML with their claims and quantities highlighted (``Extraction.show``,
``Extraction.to_html``), in the manner of displaCy: marks over the text, a label per mark.

Marks may cross (a quantity inside a content, a source inside a claim), so the text is cut at
every mark boundary and each piece is wrapped in the marks that cover it; the HTML stays well
nested whatever the spans. All text is escaped.

Owns the HTML of articles and reports; it takes the tables it reads (``_tables.Tables``) and
must not import ``_extract``, whose ``Extraction`` methods call it.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

import pandas as pd

if TYPE_CHECKING:
    from ._tables import Tables

#: mark kinds, outermost first, with their colours
MARKS: Dict[str, str] = {"content": "#fff3bf", "source": "#b2f2bb", "cue": "#a5d8ff", "quantity": "#ffc9c9"}

STYLE = """
.nc-article { white-space: pre-wrap; line-height: 1.9; font-family: Georgia, serif; max-width: 48em; }
.nc-article mark { padding: 0.1em 0.15em; border-radius: 0.25em; }
""" + "".join(f".nc-article mark.nc-{k} {{ background: {c}; }}\n" for k, c in MARKS.items()) + """
.nc-article mark.nc-cue { font-weight: bold; }
.nc-article mark.nc-quantity { border: 1px solid #e03131; }
.nc-label { font: bold 0.65em sans-serif; text-transform: uppercase; margin-left: 0.3em; opacity: 0.7; }
.nc-legend mark { padding: 0.1em 0.4em; margin-right: 0.5em; }
table.nc-claims { border-collapse: collapse; font: 0.85em sans-serif; margin: 1em 0 2em; }
table.nc-claims td, table.nc-claims th { border: 1px solid #ccc; padding: 0.2em 0.5em; vertical-align: top; }
"""

Mark = Tuple[int, int, str, str, Optional[str]]  # start, end, kind, title (tooltip), label


def _is_set(value: Any) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and value != value)


def _int(value: Any) -> int:
    return int(value)


def _find(text: str, needle: Any, lo: int, hi: int, avoid: Tuple[int, int]) -> Optional[Tuple[int, int]]:
    """The first occurrence of `needle` in text[lo:hi] that does not overlap `avoid`."""
    if not _is_set(needle) or not str(needle):
        return None
    needle = str(needle)
    at = text.find(needle, lo, hi)
    while at >= 0:
        end = at + len(needle)
        if end <= avoid[0] or at >= avoid[1]:
            return at, end
        at = text.find(needle, at + 1, hi)
    return None


def marks_of(ex: "Tables", doc_id: str) -> List[Mark]:
    """The marks of one document: per claim its content, and its source and cue where their
    text is found inside the claim's span (the tables keep offsets only for the claim and its
    content); per quantity its surface form."""
    text = _text_of(ex, doc_id)
    marks: List[Mark] = []
    for c in ex.claims[ex.claims["doc_id"] == doc_id].itertuples(index=False):
        cs, ce = _int(c.content_start), _int(c.content_end)
        tip = f"claim {c.claim_id} ({c.kind}) by {c.source}" + (f", {c.date_text}" if _is_set(c.date_text) else "")
        marks.append((cs, ce, "content", tip, None))
        lo, hi = _int(c.start), _int(c.end)
        src = _find(text, c.source_text, lo, hi, (cs, ce))
        if src:
            label = str(c.source) if str(c.source) != str(c.source_text) else None
            marks.append((src[0], src[1], "source", f"source: {c.source}", label))
        cue = _find(text, c.cue, lo, hi, (cs, ce))
        if cue:
            marks.append((cue[0], cue[1], "cue", f"cue: {c.cue_lemma}", None))
    for q in ex.quantities[ex.quantities["doc_id"] == doc_id].itertuples(index=False):
        value = "" if not _is_set(q.value) else f"{q.value:g}"
        tip = " ".join(str(v) for v in (q.qualifier, value, q.unit, q.counted) if _is_set(v) and str(v))
        marks.append((_int(q.start), _int(q.end), "quantity", tip, None))
    return [m for m in marks if 0 <= m[0] < m[1] <= len(text)]


def _text_of(ex: "Tables", doc_id: str) -> str:
    rows = ex.documents[ex.documents["doc_id"] == doc_id]
    if rows.empty:
        raise KeyError(f"no document {doc_id!r} in this extraction")
    text = rows["text"].iloc[0]
    return str(text) if _is_set(text) else ""


def article_html(ex: "Tables", doc_id: str) -> str:
    """The document's text as one ``<div class="nc-article">`` with ``<mark>`` elements."""
    text = _text_of(ex, doc_id)
    marks = marks_of(ex, doc_id)
    order = {k: i for i, k in enumerate(MARKS)}
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out = [f'<div class="nc-article" data-doc-id="{html.escape(doc_id)}">']
    for a, b in zip(cuts, cuts[1:]):
        covering = sorted((m for m in marks if m[0] <= a and b <= m[1]), key=lambda m: (order[m[2]], m[0]))
        piece = html.escape(text[a:b])
        for start, end, kind, title, label in reversed(covering):
            tail = f'<span class="nc-label">{html.escape(label)}</span>' if label and b == end else ""
            piece = (f'<mark class="nc-{kind}" data-start="{start}" data-end="{end}" '
                     f'title="{html.escape(title)}">{piece}{tail}</mark>')
        out.append(piece)
    out.append("</div>")
    return "".join(out)


def claims_table_html(ex: "Tables", doc_id: str) -> str:
    cols = ["claim_id", "kind", "source", "cue", "content", "via", "date"]
    rows = ex.claims.loc[ex.claims["doc_id"] == doc_id, cols]
    head = "".join(f"<th>{c}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v)) if _is_set(v) else ''}</td>" for v in row) + "</tr>"
                   for row in rows.itertuples(index=False))
    return f'<table class="nc-claims"><tr>{head}</tr>{body}</table>'


def _legend() -> str:
    return '<p class="nc-legend">' + "".join(f'<mark class="nc-{k}" style="background:{c}">{k}</mark>'
                                              for k, c in MARKS.items()) + "</p>"


def _title(ex: "Tables", doc_id: str) -> str:
    rows = ex.documents[ex.documents["doc_id"] == doc_id]
    title = rows["title"].iloc[0] if not rows.empty else None
    return str(title) if _is_set(title) else doc_id


class ArticleView:
    """One highlighted document; Jupyter renders it through ``_repr_html_``."""

    def __init__(self, ex: "Tables", doc_id: str) -> None:
        _text_of(ex, doc_id)  # raises KeyError for an unknown id now, not at display time
        self.doc_id = doc_id
        self.html = (f"<style>{STYLE}</style><h3>{html.escape(_title(ex, doc_id))}</h3>{_legend()}"
                     f"{article_html(ex, doc_id)}")

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<ArticleView {self.doc_id!r}: {len(self.html)} characters of HTML>"


def report_page(ex: "Tables", doc_ids: List[str]) -> str:
    """A standalone HTML page: each document highlighted, then its claims as a table."""
    sections = [f'<section id="{html.escape(d)}"><h2>{html.escape(_title(ex, d))}</h2>'
                f"{article_html(ex, d)}{claims_table_html(ex, d)}</section>" for d in doc_ids]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsclaims report</title>"
            f"<style>{STYLE}</style></head><body><h1>newsclaims: {len(doc_ids)} documents</h1>{_legend()}"
            + "".join(sections) + "</body></html>\n")
