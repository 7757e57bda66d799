#!/usr/bin/env python3
"""Check that a change leaves every table as it was: dump the tables of the installed
`newsclaims` on real corpora, then compare two dumps column by column.

    python eval/identical.py dump  DIR [--shared ../shared] [--only NAME ...]
    python eval/identical.py compare BEFORE AFTER [--ignore rule] [--rows 20]

`dump` writes DIR/<corpus>/<table>.parquet and DIR/manifest.json (a SHA-256 per column, with
its dtype and row count). `compare` says which columns differ and, for `claims` and
`quantities`, lists the rows that appear only before or only after, keyed by document and
span, so a behaviour change can list the rows it changed. Exit 1 when anything differs.

The corpora (all read from ../shared, nothing copied into the project): the seeds, PolNeAR
train+dev (never the test split), BBC News, FA-KES dev, the 181 HTML benchmark pages, and the
GUM speakers set one document per call (one document there once failed the whole call).
Typical use across a restructuring:

    git stash; pip install -e .; python eval/identical.py dump /tmp/before
    git stash pop; pip install -e .; python eval/identical.py dump /tmp/after
    python eval/identical.py compare /tmp/before /tmp/after --ignore rule
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import sys
from pathlib import Path
from typing import Callable, Dict, List

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("documents", "claims", "quantities", "sentences", "sources")


def _jsonl(path: Path) -> List[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def seeds(shared: Path) -> List[Dict[str, pd.DataFrame]]:
    import newsclaims
    return [_tables(newsclaims.extract_files(*sorted((ROOT / "seeds").glob("*.txt")), jobs=2))]


def polnear(shared: Path) -> List[Dict[str, pd.DataFrame]]:
    import newsclaims
    rows = [r for r in _jsonl(shared / "eval" / "polnear" / "dev.jsonl") if r.get("split") in ("train", "dev")]
    return [_tables(newsclaims.extract([r["text"] for r in rows], ids=[r["doc_id"] for r in rows],
                                       published=[r.get("publication_date") for r in rows], jobs=2))]


def bbc(shared: Path) -> List[Dict[str, pd.DataFrame]]:
    import newsclaims
    rows = _jsonl(shared / "corpus" / "bbc_news" / "bbc_news.jsonl.gz")
    return [_tables(newsclaims.extract([r["text"] for r in rows], ids=[r["id"] for r in rows], jobs=2))]


def fakes(shared: Path) -> List[Dict[str, pd.DataFrame]]:
    import newsclaims
    with gzip.open(shared / "corpus" / "fakes" / "fakes_dev.csv.gz", "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [_tables(newsclaims.extract([r["article_content"] for r in rows], ids=[r["row_id"] for r in rows],
                                       published=[r["published"] or None for r in rows], jobs=2))]


def html(shared: Path) -> List[Dict[str, pd.DataFrame]]:
    import newsclaims
    pages = sorted((shared / "corpus" / "article_extraction_benchmark" / "html").glob("*.html.gz"))
    texts = [gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace") for p in pages]
    return [_tables(newsclaims.extract(texts, ids=[p.name for p in pages], format="html", jobs=2))]


def gum(shared: Path) -> List[Dict[str, pd.DataFrame]]:
    """One call per document, so that one failing document shows as its own error row."""
    import newsclaims
    parts = []
    for r in _jsonl(shared / "eval" / "speakers" / "gum_speakers.jsonl"):
        try:
            parts.append(_tables(newsclaims.extract([r["text"]], ids=[r["doc_id"]], published=[r.get("published")],
                                                    jobs=1)))
        except Exception as e:  # the failure itself is part of the output to compare
            parts.append({"call_error": pd.DataFrame({"doc_id": [r["doc_id"]], "error": [f"{type(e).__name__}: {e}"]})})
    return parts


CORPORA: Dict[str, Callable[[Path], List[Dict[str, pd.DataFrame]]]] = {
    "seeds": seeds, "polnear": polnear, "bbc": bbc, "fakes": fakes, "html": html, "gum": gum,
}


def _tables(ex) -> Dict[str, pd.DataFrame]:
    return {name: ex.table(name) for name in TABLES}


def _concat(parts: List[Dict[str, pd.DataFrame]]) -> Dict[str, pd.DataFrame]:
    names = sorted({n for p in parts for n in p})
    return {n: pd.concat([p[n] for p in parts if n in p], ignore_index=True) for n in names}


def _column_digest(series: pd.Series) -> str:
    """SHA-256 of a column's values as written (repr of each), nulls included."""
    h = hashlib.sha256()
    for value in series.astype(object).tolist():
        h.update(repr(None if value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)
                      else value).encode())
        h.update(b"\x00")
    return h.hexdigest()


def dump(out: Path, shared: Path, only: List[str]) -> int:
    manifest: Dict[str, dict] = {}
    for name, read in CORPORA.items():
        if only and name not in only:
            continue
        tables = _concat(read(shared))
        (out / name).mkdir(parents=True, exist_ok=True)
        manifest[name] = {}
        for table, df in tables.items():
            df.to_pickle(out / name / f"{table}.pkl")
            manifest[name][table] = {
                "rows": len(df),
                "columns": {c: {"dtype": str(df[c].dtype), "sha256": _column_digest(df[c])} for c in df.columns},
            }
        counts = ", ".join(f"{t} {m['rows']}" for t, m in manifest[name].items())
        print(f"{name}: {counts}")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return 0


#: columns that identify a row of a table across two runs (ids are assigned in order, so a changed
#: row can renumber the rows after it; spans and text do not move)
ROW_KEYS = {"claims": ["doc_id", "start", "end", "kind"], "quantities": ["doc_id", "start", "end"]}
SHOWN = {"claims": ["kind", "source", "cue", "content"], "quantities": ["text", "value", "unit", "counted"]}


def compare(before: Path, after: Path, ignore: List[str], rows: int) -> int:
    a = json.loads((before / "manifest.json").read_text())
    b = json.loads((after / "manifest.json").read_text())
    differences = 0
    for corpus in sorted(set(a) | set(b)):
        for table in sorted(set(a.get(corpus, {})) | set(b.get(corpus, {}))):
            ta, tb = a.get(corpus, {}).get(table), b.get(corpus, {}).get(table)
            if ta is None or tb is None:
                print(f"{corpus}.{table}: only {'after' if ta is None else 'before'}")
                differences += 1
                continue
            changed = []
            if ta["rows"] != tb["rows"]:
                changed.append(f"rows {ta['rows']} -> {tb['rows']}")
            for column in sorted(set(ta["columns"]) | set(tb["columns"])):
                if column in ignore:
                    continue
                ca, cb = ta["columns"].get(column), tb["columns"].get(column)
                if ca != cb:
                    changed.append(column if ca and cb else f"{column} (only {'after' if ca is None else 'before'})")
            if not changed:
                print(f"{corpus}.{table}: identical ({ta['rows']} rows)")
                continue
            differences += 1
            print(f"{corpus}.{table}: DIFFERS in {', '.join(changed)}")
            if table in ROW_KEYS:
                _row_diff(before / corpus / f"{table}.pkl", after / corpus / f"{table}.pkl", table, rows)
    print("identical" if not differences else f"{differences} tables differ")
    return 1 if differences else 0


def _row_diff(path_a: Path, path_b: Path, table: str, limit: int) -> None:
    da, db = pd.read_pickle(path_a), pd.read_pickle(path_b)
    keys = ROW_KEYS[table]
    cols = [c for c in dict.fromkeys(keys + SHOWN[table]) if c in da.columns and c in db.columns]
    merged = da[cols].astype(str).merge(db[cols].astype(str), how="outer", indicator=True)
    changed = merged[merged["_merge"] != "both"]
    buf = io.StringIO()
    shown = changed.head(limit).copy()
    shown["_merge"] = shown["_merge"].map({"left_only": "before", "right_only": "after"})
    shown.to_string(buf, index=False, max_colwidth=60)
    print(f"   {len(changed)} rows differ ({(changed['_merge'] == 'left_only').sum()} only before, "
          f"{(changed['_merge'] == 'right_only').sum()} only after); first {min(limit, len(changed))}:")
    print("\n".join("   " + line for line in buf.getvalue().splitlines()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    d.add_argument("--only", nargs="*", default=[], choices=sorted(CORPORA))
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--ignore", nargs="*", default=[], help="columns left out of the comparison (e.g. rule)")
    c.add_argument("--rows", type=int, default=20, help="changed rows shown per table")
    args = ap.parse_args()
    if args.command == "dump":
        return dump(args.out, args.shared, args.only)
    return compare(args.before, args.after, args.ignore, args.rows)


if __name__ == "__main__":
    sys.exit(main())
