"""Command line: ``newsclaims PATH... [-o OUT] [--table claims|quantities|documents|sentences] [--jobs N]``.

Without ``-o`` prints a readable table of claims and a one-line summary; with ``-o`` writes the
chosen table as CSV, JSON Lines or Parquet, by the output's extension. ``-`` as a PATH reads
more paths from stdin, one per line (``find . -name '*.html' | newsclaims - -o claims.csv``).

Exit codes: 0 every document was processed; 1 some documents had errors (each listed on
stderr as ``doc_id: error``; the tables are still written); 2 bad usage (unknown option, a
missing path, an output extension we cannot write).
"""
from __future__ import annotations

import argparse
import shutil
import sys
from typing import List, Optional, TextIO

import pandas as pd

from . import __version__
from ._extract import Extraction, extract_files
from ._schema import TABLES

WRITERS = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsclaims", description="Extract who claimed what, and with which numbers, from news articles.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, directories (walked recursively) or glob patterns; - reads paths from stdin")
    p.add_argument("-o", "--output", help="write the table here: .csv, .jsonl or .parquet")
    p.add_argument("--table", choices=TABLES, default="claims", help="which table to write or print (default: claims)")
    p.add_argument("--jobs", type=int, default=None, help="threads to use (default: all cores)")
    progress = p.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="always show a progress bar on stderr (default: only on a terminal, for many files)")
    progress.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")
    p.add_argument("--version", action="version", version=f"newsclaims {__version__}")
    return p


class UsageError(Exception):
    """Bad usage: exit code 2."""


def _writer(path: str) -> str:
    ext = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    kind = WRITERS.get(ext)
    if kind is None:
        raise UsageError(f"cannot write {path!r}: use a .csv, .jsonl or .parquet file")
    return kind


def write_table(df: pd.DataFrame, path: str) -> None:
    """Writes `df` to `path`, choosing the format from its extension."""
    kind = _writer(path)
    if kind == "csv":
        df.to_csv(path, index=False)
    elif kind == "jsonl":
        df.to_json(path, orient="records", lines=True, date_format="iso", force_ascii=False)
    else:
        df.to_parquet(path, index=False)


def read_paths(paths: List[str], stdin: TextIO) -> List[str]:
    """`paths` with each ``-`` replaced by the non-empty lines of `stdin`."""
    out: List[str] = []
    for p in paths:
        if p == "-":
            out.extend(line.rstrip("\r\n") for line in stdin if line.strip())
        else:
            out.append(p)
    return out


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
    """Runs the command line; returns the exit code (0 ok, 1 documents with errors, 2 bad usage)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:  # argparse has printed the usage; --help and --version exit 0
        return 0 if e.code in (0, None) else 2
    try:
        if args.output:
            _writer(args.output)  # before the run, not after it
        paths = read_paths(args.paths, sys.stdin)
        if not paths:
            raise UsageError("no paths given (stdin was empty)")
        ex = extract_files(*paths, jobs=args.jobs, progress=args.progress)
    except (UsageError, FileNotFoundError, ValueError, TypeError) as e:
        print(f"newsclaims: {e}", file=sys.stderr)
        return 2
    errors = ex.documents[ex.documents["error"].notna()]
    if args.output:
        write_table(ex.table(args.table), args.output)
        print(f"newsclaims: wrote {len(ex.table(args.table))} {args.table} rows to {args.output}; {ex!r}", file=sys.stderr)
    else:
        print(render(ex, args.table, shutil.get_terminal_size((120, 24)).columns))
        print(f"\n{len(ex.documents)} documents, {len(ex.claims)} claims, {len(ex.quantities)} quantities"
              + (f", {len(errors)} documents with errors" if len(errors) else ""))
    if len(errors):
        print(f"newsclaims: {len(errors)} of {len(ex.documents)} documents had errors:", file=sys.stderr)
        for row in errors.itertuples(index=False):
            print(f"  {row.doc_id}: {row.error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
