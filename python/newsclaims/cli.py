"""Command line: ``newsclaims PATH... [-o OUT] [--table claims|quantities|documents|sentences] [--jobs N]``.

Without ``-o`` prints a readable table of claims and a one-line summary; with ``-o`` streams:
documents are extracted ``--batch-size`` at a time and the chosen table is written batch by
batch as CSV, JSON Lines or Parquet (a row group per batch), by the output's extension, so a
corpus larger than memory can be processed.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from typing import List, Optional

import pandas as pd

from . import __version__
from pathlib import Path

from ._extract import Extraction
from ._schema import TABLES
from ._stream import DEFAULT_BATCH_SIZE, TableWriter, iter_extract

WRITERS = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsclaims", description="Extract who claimed what, and with which numbers, from news articles.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (walked recursively) or glob patterns")
    p.add_argument("-o", "--output", help="write the table here: .csv, .jsonl or .parquet")
    p.add_argument("--table", choices=TABLES, default="claims", help="which table to write or print (default: claims)")
    p.add_argument("--jobs", type=int, default=None, help="threads to use (default: all cores)")
    p.add_argument("--progress", action="store_true", help="report progress on stderr")
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                   help=f"documents per batch when streaming to -o (default: {DEFAULT_BATCH_SIZE})")
    p.add_argument("--version", action="version", version=f"newsclaims {__version__}")
    return p


def write_table(df: pd.DataFrame, path: str) -> None:
    """Writes `df` to `path`, choosing the format from its extension."""
    ext = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    kind = WRITERS.get(ext)
    if kind == "csv":
        df.to_csv(path, index=False)
    elif kind == "jsonl":
        df.to_json(path, orient="records", lines=True, date_format="iso", force_ascii=False)
    elif kind == "parquet":
        df.to_parquet(path, index=False)
    else:
        raise SystemExit(f"newsclaims: cannot write {path!r}: use a .csv, .jsonl or .parquet file")


def render(ex: Extraction, table: str, width: int) -> str:
    """A readable text table: claims as source | cue | content, other tables as pandas prints them."""
    df = ex.table(table)
    if table != "claims":
        with pd.option_context("display.width", width, "display.max_columns", 12, "display.max_colwidth", 40):
            return df.drop(columns=[c for c in ("text",) if c in df and table == "documents"]).to_string(index=False)
    lines = []
    src_w, cue_w, doc_w = 28, 12, 22
    content_w = max(20, width - src_w - cue_w - doc_w - 9)
    lines.append(f"{'doc':<{doc_w}} {'kind':<5} {'source':<{src_w}} {'cue':<{cue_w}} content")
    for row in df.itertuples(index=False):
        content = " ".join(str(row.content).split())
        if len(content) > content_w:
            content = content[: content_w - 1] + "…"
        lines.append(f"{_cut(row.doc_id, doc_w):<{doc_w}} {str(row.kind)[:5]:<5} {_cut(row.source, src_w):<{src_w}} "
                     f"{_cut(row.cue, cue_w):<{cue_w}} {content}")
    return "\n".join(lines)


def _cut(value: object, width: int) -> str:
    s = "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)
    return s if len(s) <= width else s[: width - 1] + "…"


def _batches(args: argparse.Namespace):
    docs = 0
    for batch in iter_extract([Path(p) for p in args.paths], batch_size=args.batch_size, jobs=args.jobs):
        docs += len(batch)
        if args.progress:
            print(f"\rnewsclaims: {docs} documents", end="", file=sys.stderr, flush=True)
        yield batch
    if args.progress:
        print(file=sys.stderr)


def _stream_to(args: argparse.Namespace) -> int:
    """Writes the chosen table batch by batch; only one batch is in memory at a time."""
    docs = claims = quantities = errors = 0
    with TableWriter(args.output, args.table) as writer:
        for batch in _batches(args):
            writer.write(batch)
            docs += len(batch.documents)
            claims += len(batch.claims)
            quantities += len(batch.quantities)
            errors += int(batch.documents["error"].notna().sum())
    print(f"newsclaims: wrote {writer.rows} {args.table} rows to {args.output}; {docs} documents "
          f"({errors} with errors), {claims} claims, {quantities} quantities", file=sys.stderr)
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "evaluate":  # `newsclaims evaluate [PRED_OR_CORPUS...] GOLD`
        from ._evaluate_cli import evaluate_main

        return evaluate_main(argv[1:])
    args = build_parser().parse_args(argv)
    if args.batch_size < 1:
        print("newsclaims: --batch-size must be at least 1", file=sys.stderr)
        return 2
    if args.output and "." + args.output.rsplit(".", 1)[-1].lower() not in WRITERS:
        raise SystemExit(f"newsclaims: cannot write {args.output!r}: use a .csv, .jsonl or .parquet file")
    try:
        if args.output:
            return _stream_to(args)
        ex = Extraction._concat(list(_batches(args)))
    except (FileNotFoundError, ValueError, TypeError, ImportError) as e:
        print(f"newsclaims: {e}", file=sys.stderr)
        return 2
    print(render(ex, args.table, shutil.get_terminal_size((120, 24)).columns))
    errors = ex.documents[ex.documents["error"].notna()]
    print(f"\n{len(ex.documents)} documents, {len(ex.claims)} claims, {len(ex.quantities)} quantities"
          + (f", {len(errors)} documents with errors" if len(errors) else ""))
    for row in errors.itertuples(index=False):
        print(f"  {row.doc_id}: {row.error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
