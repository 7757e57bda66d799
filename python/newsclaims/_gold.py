"""Reading a researcher's own annotations ("gold") for :func:`newsclaims.evaluate`.

Three formats, each read into one :class:`Gold`: a table of items (one row per annotated claim
or quantity, with the place it came from so that every error can name it) and, where the format
carries them, the texts its offsets point into.

* **CSV / DataFrame**, one row per claim: ``doc_id``, and ``content`` or the span
  ``content_start``/``content_end``; optional ``source``, ``cue``, ``kind``, ``direct``. One row
  per quantity: ``doc_id``, and ``text`` or the span ``start``/``end``; optional ``value``,
  ``unit``, ``qualifier``. Spans are character offsets into ``documents.text`` of the extraction
  (so a corrected export of ``newsclaims -o claims.csv`` is gold as it stands). A text without a
  span is looked up in the document's text: the n-th row with the same text in a document is its
  n-th occurrence (whitespace and curly/straight quotes do not matter). Which table a CSV holds
  is read from its columns (``content*`` for claims, ``value``/``unit``/``text`` for
  quantities), or given with ``on=``.
* **BRAT standoff**: a directory of ``NAME.ann`` beside ``NAME.txt`` (or one ``.ann`` file); the
  document id is NAME and offsets point into the ``.txt``. Labels, case-insensitive:
  entities ``Source``, ``Cue``, ``Content`` (discontinuous spans ``10 20;25 40`` are fragments
  of one content) and ``Quantity``. An attribution is a BRAT event whose arguments are
  ``Content``/``Source``/``Cue`` roles, as PolNeAR writes them
  (``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``; numbered roles like ``Content2`` add
  fragments), or a relation of any type between a ``Content`` and a ``Source`` or ``Cue``
  (``R1<TAB>Source Arg1:T3 Arg2:T1``, either direction). A ``Content`` linked to nothing is an
  attribution without a source. Attributes ``Kind`` (``A1<TAB>Kind T3 direct``) or a bare
  ``Direct`` mark the kind; otherwise it is derived from quotation marks as PolNeAR's is.
  ``Value``, ``Unit`` and ``Qualifier`` attributes on a ``Quantity`` give its fields. Other
  labels (PolNeAR's ``Attribution`` trigger, notes) are ignored.
* **JSON Lines in the PolNeAR format** of ``../shared/eval/polnear/``: one article per line,
  ``{"doc_id", "text", "attributions": [{"content": [s, e], "content_fragments"?, "source":
  [s, e] | null, "cue": [s, e] | null, "source_text"?, "kind"?, "direct"?}]}``; ``split=`` keeps
  the lines of one compartment.

Problems are collected over the whole input and raised together as one :class:`GoldError`
naming each row ("gold.csv row 3 (line 4): ...").
"""
from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import pandas as pd

#: the tables gold can describe
KINDS = ("claims", "quantities")

#: columns of Gold.items, per table
CLAIM_COLUMNS = ["doc_id", "where", "start", "end", "fragments", "text", "source", "has_source", "cue",
                 "cue_start", "cue_end", "kind", "direct"]
QUANTITY_COLUMNS = ["doc_id", "where", "start", "end", "fragments", "text", "value", "unit", "qualifier"]

#: share of a content's letters and digits inside double quotes from which it is direct (PolNeAR's rule)
DIRECT_THRESHOLD = 0.9

_MAX_LISTED = 20


class GoldError(ValueError):
    """Gold annotations that cannot be used, with every problem found and where it is.

    ``problems`` is the list of ``(where, message)`` pairs; ``str()`` lists them.
    """

    def __init__(self, source: str, problems: Sequence[Tuple[str, str]]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = [f"{where}: {message}" for where, message in self.problems[:_MAX_LISTED]]
        more = len(self.problems) - _MAX_LISTED
        if more > 0:
            lines.append(f"... and {more} more")
        head = f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''} in gold {source}"
        super().__init__(head + ":\n  " + "\n  ".join(lines))

    def __reduce__(self) -> Tuple[Any, ...]:  # so that it pickles (multiprocessing, pytest-xdist)
        return (GoldError, (self.source, self.problems))


class Gold:
    """Annotations of one table (``on``: claims or quantities) over a set of documents.

    ``items``: one row per annotation with ``doc_id``, ``where`` (the row or line it came from),
    ``start``/``end`` (null when only the text was given), ``fragments`` and ``text``, then the
    table's fields. ``texts``: doc_id -> the text the offsets point into, when the format
    carries it (BRAT, JSON Lines); None when offsets point into the extraction's
    ``documents.text`` (CSV). ``docs``: every annotated document, including those with no item.
    """

    def __init__(self, on: str, items: pd.DataFrame, *, texts: Optional[Dict[str, str]] = None,
                 docs: Optional[Sequence[str]] = None, name: str = "gold") -> None:
        if on not in KINDS:
            raise ValueError(f"on must be 'claims' or 'quantities', not {on!r}")
        self.on = on
        self.items = items.reset_index(drop=True)
        self.texts = texts
        self.docs = list(dict.fromkeys(docs if docs is not None else self.items["doc_id"]))
        self.name = name

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"<Gold {self.on} from {self.name}: {len(self.items)} items in {len(self.docs)} documents>"


GoldLike = Union[Gold, pd.DataFrame, str, "os.PathLike[str]"]


def read_gold(source: GoldLike, *, on: Optional[str] = None, split: Optional[str] = None) -> List[Gold]:
    """Reads gold annotations: a CSV file or DataFrame, a BRAT ``.ann`` file or directory, or a
    PolNeAR-format ``.jsonl`` file (see the module docstring for each format's columns and
    labels). Returns one :class:`Gold` per table the input annotates (a BRAT project may hold
    claims and quantities). ``on`` forces the table of a CSV; ``split`` keeps the JSON lines whose
    ``split`` field equals it. Raises ``FileNotFoundError`` for a missing path and
    :class:`GoldError` listing every malformed row.
    """
    if on is not None and on not in KINDS:
        raise ValueError(f"on must be 'claims' or 'quantities', not {on!r}")
    if isinstance(source, Gold):
        return [source]
    if isinstance(source, pd.DataFrame):
        return [_read_table(source, on=on, name="DataFrame", lines=False)]
    path = os.fspath(source)
    if not os.path.exists(path):
        raise FileNotFoundError(f"no such gold file or directory: {path!r}")
    low = path.lower()
    if os.path.isdir(path) or low.endswith(".ann"):
        return _read_brat(path)
    if low.endswith((".jsonl", ".jsonl.gz", ".json")):
        return [_read_jsonl(path, split=split)]
    if low.endswith((".csv", ".csv.gz", ".tsv")):
        sep = "\t" if low.endswith(".tsv") else ","
        df = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        return [_read_table(df, on=on, name=path, lines=True)]
    raise ValueError(f"cannot read gold {path!r}: expected a .csv/.tsv file, a .jsonl file in the PolNeAR "
                     f"format, or BRAT .ann annotations (a file or a directory)")


# --- CSV / DataFrame -----------------------------------------------------------------------------

def _where(name: str, label: Any, lines: bool) -> str:
    if lines:  # label is the 0-based data row; the header is line 1
        return f"{name} row {int(label) + 1} (line {int(label) + 2})"
    return f"{name} row {label!r}"


def _blank(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def _int(v: Any) -> Optional[int]:
    """An offset as written ('12', 12, 12.0); None when blank; raises ValueError otherwise."""
    if _blank(v):
        return None
    if isinstance(v, bool):
        raise ValueError
    if isinstance(v, (int,)) or (isinstance(v, float) and v.is_integer()):
        return int(v)
    s = str(v).strip()
    if re.fullmatch(r"[+-]?\d+(?:\.0*)?", s):
        return int(float(s))
    raise ValueError


def _str(v: Any) -> Optional[str]:
    return None if _blank(v) else str(v)


def _read_table(df: pd.DataFrame, *, on: Optional[str], name: str, lines: bool) -> Gold:
    cols = set(map(str, df.columns))
    detected = ("claims" if cols & {"content", "content_start", "content_end"} else
                "quantities" if cols & {"value", "unit", "qualifier", "text", "start", "end"} else None)
    if on is not None and detected is not None and detected != on:
        raise GoldError(name, [(name, f"annotates {detected}, not {on} (columns: {', '.join(map(str, df.columns))})")])
    if on is None:
        on = detected
        if on is None:
            raise GoldError(name, [(name, "cannot tell what it annotates: claims gold needs the column doc_id and "
                                          "content (or content_start and content_end); quantities gold needs doc_id "
                                          "and text (or start and end); found columns: " + ", ".join(map(str, df.columns)))])
    text_col, s_col, e_col = ("content", "content_start", "content_end") if on == "claims" else ("text", "start", "end")
    missing = []
    if "doc_id" not in cols:
        missing.append("doc_id")
    if text_col not in cols and not {s_col, e_col} <= cols:
        missing.append(f"{text_col} (or {s_col} and {e_col})")
    if missing:
        raise GoldError(name, [(name, f"missing column{'s' if len(missing) > 1 else ''} "
                                      f"{' and '.join(missing)} for {on} gold; found columns: "
                                      + ", ".join(map(str, df.columns)))])
    problems: List[Tuple[str, str]] = []
    rows = []
    for label, rec in zip(df.index if not lines else range(len(df)), df.to_dict("records")):
        where = _where(name, label, lines)
        doc = _str(rec.get("doc_id"))
        if doc is None:
            problems.append((where, "doc_id is empty"))
            continue
        try:
            s, e = _int(rec.get(s_col)), _int(rec.get(e_col))
        except ValueError:
            problems.append((where, f"{s_col}/{e_col} must be whole numbers, got {rec.get(s_col)!r} and {rec.get(e_col)!r}"))
            continue
        text = _str(rec.get(text_col))
        if (s is None) != (e is None):
            problems.append((where, f"give both {s_col} and {e_col}, or neither"))
            continue
        if s is not None and e is not None and not 0 <= s < e:
            problems.append((where, f"span {s}-{e} is empty or negative"))
            continue
        if s is None and text is None:
            problems.append((where, f"neither {text_col} nor a span ({s_col}, {e_col}) is given"))
            continue
        row: Dict[str, Any] = {"doc_id": doc, "where": where, "start": s, "end": e,
                               "fragments": None if s is None else [(s, e)], "text": text}
        if on == "claims":
            row["source"] = _str(rec.get("source"))
            # no source column: sources are not annotated (not scored); an empty cell: no source
            row["has_source"] = None if "source" not in cols else row["source"] is not None
            row["cue"] = _str(rec.get("cue"))
            row["cue_start"] = row["cue_end"] = None
            row["kind"] = _str(rec.get("kind"))
            d = rec.get("direct")
            row["direct"] = None if _blank(d) else str(d).strip().lower() in ("1", "true", "yes", "y")
        else:
            v = rec.get("value")
            try:
                row["value"] = None if _blank(v) else float(str(v).replace(",", ""))
            except ValueError:
                problems.append((where, f"value must be a number, got {v!r}"))
                continue
            row["unit"] = _str(rec.get("unit"))
            row["qualifier"] = _str(rec.get("qualifier"))
        rows.append(row)
    if problems:
        raise GoldError(name, problems)
    return Gold(on, _items(on, rows), name=name)


def _items(on: str, rows: List[Dict[str, Any]]) -> pd.DataFrame:
    columns = CLAIM_COLUMNS if on == "claims" else QUANTITY_COLUMNS
    df = pd.DataFrame(rows, columns=columns)
    df = df.astype(object).where(df.notna(), None)  # absent fields are None, never NaN
    return df.astype({"start": "Int64", "end": "Int64"})


# --- quotation marks (PolNeAR's rule for direct) ----------------------------------------------

def quoted_mask(text: str) -> bytearray:
    """1 for characters inside double quotation marks: curly pairs, and ``"`` or the ``''`` of NYT
    texts toggling; per paragraph, an unclosed quote running to its end. The rule PolNeAR's gold
    converter and ``score_attribution.py`` use."""
    mask = bytearray(len(text))
    pos = 0
    for para in text.split("\n"):
        open_at = None
        i = 0
        while i < len(para):
            ch = para[i]
            width = 2 if para.startswith("''", i) else 1
            straight = ch == '"' or width == 2
            if ch == "\u201c" or (straight and open_at is None):
                if open_at is None:
                    open_at = i
            elif (ch == "\u201d" or straight) and open_at is not None:
                end = i + width
                mask[pos + open_at:pos + end] = b"\x01" * (end - open_at)
                open_at = None
            i += width
        if open_at is not None:
            mask[pos + open_at:pos + len(para)] = b"\x01" * (len(para) - open_at)
        pos += len(para) + 1
    return mask


def quoted_fraction(text: str, mask: bytearray, fragments: Iterable[Tuple[int, int]]) -> float:
    """Share of the letters and digits of ``fragments`` that lie inside quotation marks."""
    total = inside = 0
    for s, e in fragments:
        for i in range(s, e):
            if text[i].isalnum():
                total += 1
                inside += mask[i]
    return inside / total if total else 0.0


def _kind_from_quotes(fraction: float) -> str:
    return "direct" if fraction >= DIRECT_THRESHOLD else "mixed" if fraction > 0 else "indirect"


# --- JSON Lines (PolNeAR format) ------------------------------------------------------------------

def _span(v: Any) -> Optional[Tuple[int, int]]:
    if v is None:
        return None
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in v):
        return (v[0], v[1])
    raise ValueError


def _fragment(v: Any) -> Tuple[int, int]:
    """A [start, end] pair that must be there (an item of content_fragments)."""
    span = _span(v)
    if span is None:
        raise ValueError
    return span


def _read_jsonl(path: str, *, split: Optional[str]) -> Gold:
    import gzip

    opener = gzip.open if path.lower().endswith(".gz") else open
    problems: List[Tuple[str, str]] = []
    rows: List[Dict[str, Any]] = []
    texts: Dict[str, str] = {}
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path} line {n}"
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append((where, f"not JSON ({e.msg})"))
                continue
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str) or doc.get("doc_id") is None \
                    or not isinstance(doc.get("attributions"), list):
                problems.append((where, "expected an object with doc_id, text (a string) and attributions (a list)"))
                continue
            if split is not None and doc.get("split") != split:
                continue
            doc_id, text = str(doc["doc_id"]), doc["text"]
            if doc_id in texts:
                problems.append((where, f"doc_id {doc_id!r} appears twice"))
                continue
            texts[doc_id] = text
            for k, a in enumerate(doc["attributions"]):
                w = f"{where} attribution {k}"
                try:
                    content = _span(a.get("content"))
                    frags = [_fragment(x) for x in a.get("content_fragments") or []] or ([content] if content else [])
                    source, cue = _span(a.get("source")), _span(a.get("cue"))
                except (ValueError, AttributeError):
                    problems.append((w, "content, content_fragments, source and cue must be [start, end] pairs of ints"))
                    continue
                spans = frags + [x for x in (source, cue) if x is not None]
                bad = [f"{s}-{e}" for s, e in spans if not 0 <= s < e <= len(text)]
                if not frags or bad:
                    problems.append((w, f"span {', '.join(bad) or '(none)'} is outside the text of document "
                                        f"{doc_id!r} (length {len(text)})"))
                    continue
                start, end = min(f[0] for f in frags), max(f[1] for f in frags)
                rows.append({"doc_id": doc_id, "where": w, "start": start, "end": end, "fragments": frags,
                             "text": text[start:end], "source": a.get("source_text") or (text[source[0]:source[1]] if source else None),
                             "has_source": source is not None, "cue": text[cue[0]:cue[1]] if cue else None,
                             "cue_start": cue[0] if cue else None, "cue_end": cue[1] if cue else None,
                             "kind": a.get("kind"),
                             "direct": bool(a["direct"]) if a.get("direct") is not None else
                             (a["kind"] == "direct" if a.get("kind") else None)})
    if problems:
        raise GoldError(path, problems)
    return Gold("claims", _items("claims", rows), texts=texts, docs=list(texts), name=path)


# --- BRAT standoff --------------------------------------------------------------------------------

_ENTITY = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")


def _read_brat(path: str) -> List[Gold]:
    if os.path.isdir(path):
        anns = sorted(str(p) for p in Path(path).rglob("*.ann"))
        if not anns:
            raise FileNotFoundError(f"no .ann files in {path!r}")
    else:
        anns = [path]
    problems: List[Tuple[str, str]] = []
    claims: List[Dict[str, Any]] = []
    quantities: List[Dict[str, Any]] = []
    texts: Dict[str, str] = {}
    for ann in anns:
        txt = ann[:-4] + ".txt"
        if not os.path.exists(txt):
            problems.append((ann, f"no text file {txt} beside it"))
            continue
        with open(txt, encoding="utf-8", newline="") as f:
            text = f.read()
        doc_id = Path(ann).stem
        if doc_id in texts:
            problems.append((ann, f"document id {doc_id!r} (the file name) appears twice"))
            continue
        texts[doc_id] = text
        c, q = _read_ann(ann, doc_id, text, problems)
        claims += c
        quantities += q
    if problems:
        raise GoldError(path, problems)
    out = [Gold("claims", _items("claims", claims), texts=texts, docs=list(texts), name=path)]
    if quantities:
        out.append(Gold("quantities", _items("quantities", quantities), texts=texts, docs=list(texts), name=path))
    return out


def _read_ann(ann: str, doc_id: str, text: str, problems: List[Tuple[str, str]]
              ) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    entities: Dict[str, Dict[str, Any]] = {}
    links: List[Tuple[str, List[Tuple[str, str]]]] = []  # (where, [(role, entity id)]) per event or relation
    attrs: List[Tuple[str, str, str, Optional[str]]] = []  # (where, name, target, value)
    with open(ann, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for n, line in enumerate(lines, 1):
        where = f"{ann} line {n}"
        if not line.strip() or line[0] == "#":
            continue
        kind = line[0]
        if kind == "T":
            m = _ENTITY.match(line)
            if not m:
                problems.append((where, f"cannot read the entity line {line[:60]!r}"))
                continue
            tid, label, spans, written = m.groups()
            # _ENTITY admits only "start end" pairs
            frags = [(int(part.split()[0]), int(part.split()[1])) for part in spans.split(";")]
            bad = [f"{s}-{e}" for s, e in frags if not 0 <= s < e <= len(text)]
            if bad:
                problems.append((where, f"{tid} span {', '.join(bad)} is outside the text of {doc_id!r} "
                                        f"(length {len(text)})"))
                continue
            found = " ".join(text[s:e] for s, e in frags)
            if written and " ".join(written.split()) != " ".join(found.split()):
                problems.append((where, f"{tid} says {written[:40]!r} but the text there is {found[:40]!r}; "
                                        f"is the .txt the one that was annotated?"))
                continue
            entities[tid] = {"label": label.lower(), "fragments": frags, "where": where}
        elif kind == "E":
            parts = line.split("\t")
            if len(parts) < 2:
                problems.append((where, f"cannot read the event line {line[:60]!r}"))
                continue
            args = [a.split(":", 1) for a in parts[1].split()]
            if any(len(a) != 2 for a in args):
                problems.append((where, f"cannot read the event arguments {parts[1][:60]!r}"))
                continue
            links.append((where, [(re.sub(r"\d+$", "", r).lower(), t) for r, t in args[1:]]))
        elif kind == "R":
            parts = line.split("\t")
            roles_and_ids = parts[1].split()[1:] if len(parts) > 1 else []
            targets = [a.split(":", 1)[1] for a in roles_and_ids if ":" in a]
            if len(targets) != 2:
                problems.append((where, f"cannot read the relation line {line[:60]!r}"))
                continue
            links.append((where, [("", t) for t in targets]))  # roles come from the entities' labels
        elif kind in "AM":
            parts = line.split("\t")
            words = parts[1].split() if len(parts) > 1 else []
            if len(words) < 2:
                problems.append((where, f"cannot read the attribute line {line[:60]!r}"))
                continue
            attrs.append((where, words[0].lower(), words[1], words[2] if len(words) > 2 else None))
        # '*' equivalences and 'N' normalisations carry nothing we score
    # which attribution each Content belongs to: its fragments plus the linked source and cue
    groups: Dict[str, Dict[str, Any]] = {}
    order: List[str] = []
    for where, linked_ids in links:
        unknown = [t for _, t in linked_ids if t not in entities]
        if unknown:
            problems.append((where, f"refers to {', '.join(unknown)}, which is not an entity of this file"))
            continue
        roles = [(role or entities[t]["label"], t) for role, t in linked_ids]
        contents = [t for role, t in roles if role == "content"]
        if not contents:
            continue
        key = contents[0]
        g = groups.setdefault(key, {"contents": [], "source": None, "cue": None, "where": entities[key]["where"]})
        if key not in order:
            order.append(key)
        for role, t in roles:
            if role == "content" and t not in g["contents"]:
                g["contents"].append(t)
            elif role in ("source", "cue") and g[role] is None:
                g[role] = t
    linked = {t for g in groups.values() for t in g["contents"]}
    for tid, ent in entities.items():
        if ent["label"] == "content" and tid not in linked:
            groups[tid] = {"contents": [tid], "source": None, "cue": None, "where": ent["where"]}
            order.append(tid)
    kind_of: Dict[str, str] = {}
    fields: Dict[str, Dict[str, str]] = {}
    for where, name, target, value in attrs:
        if target not in entities:
            problems.append((where, f"attribute {name} refers to {target}, which is not an entity of this file"))
            continue
        if name == "kind" and value:
            kind_of[target] = value
        elif name == "direct":
            kind_of[target] = "direct"
        elif name in ("value", "unit", "qualifier") and value is not None:
            fields.setdefault(target, {})[name] = value
    mask = None
    claims = []
    for key in order:
        g = groups[key]
        frags = sorted(f for t in g["contents"] for f in entities[t]["fragments"])
        s, e = frags[0][0], frags[-1][1]
        claim_kind = kind_of.get(key)
        if claim_kind is None:
            mask = mask if mask is not None else quoted_mask(text)
            claim_kind = _kind_from_quotes(quoted_fraction(text, mask, frags))
        src, cue = entities.get(g["source"]) if g["source"] else None, entities.get(g["cue"]) if g["cue"] else None
        src_text = " ".join(text[a:b] for a, b in src["fragments"]) if src else None
        cue_span = (cue["fragments"][0][0], cue["fragments"][-1][1]) if cue else None
        claims.append({"doc_id": doc_id, "where": g["where"], "start": s, "end": e, "fragments": frags,
                       "text": text[s:e], "source": src_text, "has_source": src is not None,
                       "cue": text[cue_span[0]:cue_span[1]] if cue_span else None,
                       "cue_start": cue_span[0] if cue_span else None, "cue_end": cue_span[1] if cue_span else None,
                       "kind": claim_kind, "direct": claim_kind == "direct"})
    quantities = []
    for tid, ent in entities.items():
        if ent["label"] != "quantity":
            continue
        frags = ent["fragments"]
        s, e = frags[0][0], frags[-1][1]
        given = fields.get(tid, {})
        try:
            number = float(given["value"].replace(",", "")) if "value" in given else None
        except ValueError:
            problems.append((ent["where"], f"Value of {tid} must be a number, got {given['value']!r}"))
            continue
        quantities.append({"doc_id": doc_id, "where": ent["where"], "start": s, "end": e, "fragments": frags,
                           "text": text[s:e], "value": number, "unit": given.get("unit"),
                           "qualifier": given.get("qualifier")})
    return claims, quantities
