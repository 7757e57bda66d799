"""Command line: ``newsclaims PATH... [-o OUT] [--table claims|quantities|documents|sentences] [--jobs N]``.

Without ``-o`` prints a readable table of claims and a one-line summary; with ``-o`` writes the
chosen table as CSV, JSON Lines or Parquet, by the output's extension.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from typing import List, Optional

import pandas as pd

from . import __version__
from ._extract import Extraction, extract_files
from ._schema import TABLES

WRITERS = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsclaims", description="Extract who claimed what, and with which numbers, from news articles.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (walked recursively) or glob patterns")
    p.add_argument("-o", "--output", help="write the table here: .csv, .jsonl or .parquet")
    p.add_argument("--table", choices=TABLES, default="claims", help="which table to write or print (default: claims)")
    p.add_argument("--jobs", type=int, default=None, help="threads to use (default: all cores)")
    p.add_argument("--progress", action="store_true", help="report progress on stderr")
    p.add_argument("--follow-links", action="store_true",
                   help="follow symbolic links out of the directories walked (default: report them as errors)")
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


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        ex = extract_files(*args.paths, jobs=args.jobs, progress=args.progress or None,
                           follow_links=args.follow_links)
    except (FileNotFoundError, ValueError, TypeError) as e:
        print(f"newsclaims: {e}", file=sys.stderr)
        return 2
    if args.output:
        write_table(ex.table(args.table), args.output)
        print(f"newsclaims: wrote {len(ex.table(args.table))} {args.table} rows to {args.output}; {ex!r}", file=sys.stderr)
        return 0
    print(render(ex, args.table, shutil.get_terminal_size((120, 24)).columns))
    errors = ex.documents[ex.documents["error"].notna()]
    print(f"\n{len(ex.documents)} documents, {len(ex.claims)} claims, {len(ex.quantities)} quantities"
          + (f", {len(errors)} documents with errors" if len(errors) else ""))
    for row in errors.itertuples(index=False):
        print(f"  {row.doc_id}: {row.error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
