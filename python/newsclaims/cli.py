"""Command line: ``newsclaims PATH... [-o OUT] [--table ...] ...`` (see :data:`USAGE`) and
``newsclaims evaluate`` (:mod:`newsclaims._evaluate_cli`).

Without ``-o`` prints a readable table of claims and a one-line summary; with ``-o`` streams:
documents are extracted ``--batch-size`` at a time and the chosen table is written batch by
batch as CSV, JSON Lines or Parquet (a row group per batch), by the output's extension, so a
corpus larger than memory can be processed. Streamed ``source_id`` and ``cluster_id`` are
run-wide (see :func:`newsclaims.iter_extract`); ``--table sources`` writes the run-wide sources
table at the end. ``-o DIR/`` (a path ending in ``/``, or an existing directory) writes every
table, one file each (``DIR/claims.parquet``, ...; ``--format`` csv, jsonl or parquet, the
default), from the same run: the documents, claims, quantities and sentences batch by batch,
the sources at the end. ``-`` as a PATH reads more paths from stdin, one per
line (``find . -name '*.html' | newsclaims - -o claims.csv``).

Exit codes: 0 every document was processed; 1 some documents had errors (each listed on
stderr as ``doc_id: error``; the tables are still written), or, with ``--strict``, warnings; 2 bad usage (unknown option, a
missing path, an output extension we cannot write); 130 interrupted (Ctrl-C, SIGINT): the run
stops within a fraction of a second and ``-o OUT`` is not written (the table is written under a
temporary name in OUT's directory and renamed to OUT only when complete; the temporary file is
removed; with ``-o DIR/`` every table's file is renamed only once all are complete).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
import warnings
from pathlib import Path
from typing import Iterator, List, Optional, TextIO, Tuple

import pandas as pd

from . import __version__

from ._extract import Extraction, Extractor
from ._schema import TABLES
from ._stream import DEFAULT_BATCH_SIZE, Stream, TableWriter, iter_extract, temporary_name

WRITERS = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet"}

#: The usage lines of ``--help`` and of the README's "Command line": every option and the subcommand.
USAGE = (f"newsclaims PATH... [-o OUT.csv|.jsonl|.parquet|DIR/] [--table {'|'.join(TABLES)}] [--jobs N]\n"
         "                  [--format csv|jsonl|parquet] [--progress|--no-progress] [--batch-size N]\n"
         "                  [--follow-links] [--disable-rule RULE]... [--strict]\n"
         "       newsclaims evaluate [PRED_OR_CORPUS...] GOLD [options]   (newsclaims evaluate --help)\n"
         "       newsclaims --version | --help")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsclaims", usage=USAGE,
                                description="Extract who claimed what, and with which numbers, from news articles.",
                                epilog="newsclaims evaluate [PRED_OR_CORPUS...] GOLD scores newsclaims (or a table "
                                       "it wrote with -o) on your own annotations; see newsclaims evaluate --help.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, directories (walked recursively) or glob patterns; - reads paths from stdin")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="write the table here: .csv, .jsonl or .parquet; or every table into DIR/ (ending in /)")
    p.add_argument("--table", choices=TABLES, default=None, help="which table to write or print (default: claims)")
    p.add_argument("--format", choices=sorted(set(WRITERS.values())), default=None,
                   help="format of the files of -o DIR/ (default: parquet)")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="threads to use (default: all cores)")
    progress = p.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="report progress on stderr")
    progress.add_argument("--no-progress", dest="progress", action="store_false", help="never report progress")
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N",
                   help=f"documents per batch when streaming to -o (default: {DEFAULT_BATCH_SIZE})")
    p.add_argument("--follow-links", action="store_true",
                   help="follow symbolic links out of the directories walked (default: report them as errors)")
    p.add_argument("--disable-rule", dest="disable_rules", action="append", default=[], metavar="RULE",
                   help="switch off a named rule (repeatable; the rule column names them, "
                        "newsclaims.rules() lists them)")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when any document had warnings, not only errors (invalid bytes replaced, ...)")
    p.add_argument("--version", action="version", version=f"newsclaims {__version__}")
    return p


def plural(n: int, noun: str, nouns: Optional[str] = None) -> str:
    """``1 document``, ``2 documents`` (`nouns` for a plural that is not `noun` + s)."""
    return f"{n} {noun}" if n == 1 else f"{n} {nouns or noun + 's'}"


def _show_warning(message: Warning | str, category: type, filename: str, lineno: int,
                  file: Optional[TextIO] = None, line: Optional[str] = None) -> None:
    """Warnings as one line of the command's own, without the Python source line."""
    print(f"newsclaims: warning: {message}", file=sys.stderr)


class UsageError(Exception):
    """Bad usage: exit code 2."""


def _writer(path: str) -> str:
    ext = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    kind = WRITERS.get(ext)
    if kind is None:
        raise UsageError(f"cannot write {path!r}: use a .csv, .jsonl or .parquet file")
    return kind


def write_table(df: pd.DataFrame, path: str) -> None:
    """Writes `df` to `path`, choosing the format from its extension: under a temporary name
    in the same directory, renamed to `path` once complete (removed on an error)."""
    kind = _writer(path)
    temp = temporary_name(path)
    try:
        if kind == "csv":
            df.to_csv(temp, index=False)
        elif kind == "jsonl":
            df.to_json(temp, orient="records", lines=True, date_format="iso", force_ascii=False)
        else:
            df.to_parquet(temp, index=False)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


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
    # kind and source are never cut: kind's column is as wide as its longest value; a source longer
    # than its column (at most a third of the width, at least 28) wraps onto the lines below
    kind_w = max([4, *(len(_cut(k, 10**6)) for k in df["kind"])])
    cue_w, doc_w = 12, 22
    longest = max([6, *(len(_cut(v, 10**6)) for v in df["source"])])
    src_w = min(longest, max(28, (width - cue_w - doc_w - kind_w - 4) // 3))
    content_w = max(20, width - src_w - cue_w - doc_w - kind_w - 4)
    lines.append(f"{'doc':<{doc_w}} {'kind':<{kind_w}} {'source':<{src_w}} {'cue':<{cue_w}} content")
    for row in df.itertuples(index=False):
        content = " ".join(str(row.content).split())
        if len(content) > content_w:
            content = content[: content_w - 1] + "…"
        source = textwrap.wrap(_cut(row.source, 10**6), src_w) or [""]
        lines.append(f"{_cut(row.doc_id, doc_w):<{doc_w}} {_cut(row.kind, 10**6):<{kind_w}} "
                     f"{source[0]:<{src_w}} {_cut(row.cue, cue_w):<{cue_w}} {content}")
        lines.extend(f"{'':<{doc_w}} {'':<{kind_w}} {more}" for more in source[1:])
    return "\n".join(lines)


def _cut(value: object, width: int) -> str:
    s = "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)
    return s if len(s) <= width else s[: width - 1] + "…"


def _stream(args: argparse.Namespace) -> Stream:
    extractor = Extractor(disable_rules=args.disable_rules) if args.disable_rules else None
    return iter_extract([Path(p) for p in args.paths], batch_size=args.batch_size, jobs=args.jobs,
                        extractor=extractor, follow_links=args.follow_links)


def _batches(args: argparse.Namespace, stream: Optional[Stream] = None) -> Iterator[Extraction]:
    docs = 0
    for batch in stream if stream is not None else _stream(args):
        docs += len(batch)
        if args.progress:
            print(f"\rnewsclaims: {docs} documents", end="", file=sys.stderr, flush=True)
        yield batch
    if args.progress:
        print(file=sys.stderr)


def is_directory_output(path: str) -> bool:
    """Whether ``-o`` names a directory: it ends in a path separator or is one."""
    return path.endswith(("/", os.sep)) or os.path.isdir(path)


class _RunCounts:
    """What a streamed run has written so far: documents, claims, quantities, the documents with
    warnings, and the ``(doc_id, error)`` of each that failed."""

    def __init__(self) -> None:
        self.docs = self.claims = self.quantities = self.warned = 0
        self.errors: List[Tuple[str, str]] = []

    def add(self, batch: Extraction) -> None:
        self.docs += len(batch.documents)
        self.claims += len(batch.claims)
        self.quantities += len(batch.quantities)
        failed = batch.documents[batch.documents["error"].notna()]
        self.errors.extend(zip(failed["doc_id"], failed["error"]))
        self.warned += int(batch.documents["warnings"].notna().sum())

    def summary(self) -> str:
        return (f"{plural(self.docs, 'document')} ({self.warned} with warnings, "
                f"{len(self.errors)} with errors), {plural(self.claims, 'claim')}, "
                f"{plural(self.quantities, 'quantity', 'quantities')}")


def _stream_to_directory(args: argparse.Namespace) -> Tuple[List[Tuple[str, str]], int]:
    """Writes every table into the directory ``args.output`` as ``TABLE.EXT``, batch by batch
    (the sources, run-wide, at the end). Each file is written under a temporary name; all are
    renamed only once every one is complete, so an interrupted or failed run leaves none of
    them (an earlier run's files stay as they were). Returns the documents that had errors and
    the number that had warnings."""
    ext = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}[args.format or "parquet"]
    os.makedirs(args.output, exist_ok=True)
    writers = [TableWriter(os.path.join(args.output, table + ext), table) for table in TABLES]
    counts = _RunCounts()
    stream = _stream(args)
    try:
        for batch in _batches(args, stream):
            for writer in writers:
                if writer.table != "sources":  # sources: the run-wide table, at the end
                    writer.write(batch)
            counts.add(batch)
        ex = Extraction._from_columns({name: {} for name in TABLES})
        ex.sources = stream.sources
        for writer in writers:
            if writer.table == "sources":
                writer.write(ex)
            writer.finish()
        for writer in writers:
            writer.commit()
    except BaseException:
        for writer in writers:
            writer.abort()
        raise
    rows = ", ".join(f"{os.path.basename(w.path)} ({plural(w.rows, 'row')})" for w in writers)
    print(f"newsclaims: wrote {rows} to {args.output}; {counts.summary()}", file=sys.stderr)
    return counts.errors, counts.warned


def _stream_to(args: argparse.Namespace) -> Tuple[List[Tuple[str, str]], int]:
    """Writes the chosen table batch by batch; only one batch is in memory at a time. Returns
    the documents that had errors, as ``(doc_id, error)``, and the number that had warnings."""
    counts = _RunCounts()
    stream = _stream(args)
    with TableWriter(args.output, args.table) as writer:
        for batch in _batches(args, stream):
            if args.table != "sources":  # sources: the run-wide table, at the end
                writer.write(batch)
            counts.add(batch)
        if args.table == "sources":
            ex = Extraction._from_columns({name: {} for name in TABLES})
            ex.sources = stream.sources
            writer.write(ex)
    print(f"newsclaims: wrote {plural(writer.rows, args.table + ' row')} to {args.output}; "
          f"{counts.summary()}", file=sys.stderr)
    return counts.errors, counts.warned


def _silence_stdout() -> None:
    """Points stdout at /dev/null so that Python's flush at exit does not raise BrokenPipeError again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: Optional[List[str]] = None) -> int:
    """Runs the command line; returns the exit code (0 ok, 1 documents with errors, 2 bad
    usage, 130 interrupted)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("newsclaims: interrupted; no output written", file=sys.stderr)
        return 130


def _main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "evaluate":  # `newsclaims evaluate [PRED_OR_CORPUS...] GOLD`
        from ._evaluate_cli import evaluate_main

        return evaluate_main(argv[1:])
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:  # argparse has printed the usage; --help and --version exit 0
        return 0 if e.code in (0, None) else 2
    try:
        if args.batch_size < 1:
            raise UsageError("--batch-size must be at least 1")
        if args.output and is_directory_output(args.output):
            if args.table is not None:
                raise UsageError("-o DIR/ writes every table; --table chooses one for -o FILE or the printed table")
        elif args.format is not None:
            raise UsageError("--format is for -o DIR/; a file's extension chooses its format")
        elif args.output:
            _writer(args.output)  # before the run, not after it
        if args.table is None:
            args.table = "claims"
        args.paths = read_paths(args.paths, sys.stdin)
        if not args.paths:
            raise UsageError("no paths given (stdin was empty)")
        if args.output:
            with warnings.catch_warnings():
                warnings.showwarning = _show_warning
                errors, warned = _stream_to_directory(args) if is_directory_output(args.output) else _stream_to(args)
        else:
            with warnings.catch_warnings():
                warnings.showwarning = _show_warning
                ex = Extraction._concat(list(_batches(args)))
            failed = ex.documents[ex.documents["error"].notna()]
            errors = list(zip(failed["doc_id"], failed["error"]))
            warned = int(ex.documents["warnings"].notna().sum())
            print(f"newsclaims: {plural(len(ex.documents), 'document')}: "
                  f"{warned} with warnings, {len(errors)} with errors",
                  file=sys.stderr)
            try:
                print(render(ex, args.table, shutil.get_terminal_size((120, 24)).columns))
                print(f"\n{plural(len(ex.documents), 'document')}, {plural(len(ex.claims), 'claim')}, "
                      f"{plural(len(ex.quantities), 'quantity', 'quantities')}"
                      + (f", {plural(len(errors), 'document')} with errors" if errors else ""))
                sys.stdout.flush()
            except BrokenPipeError:
                _silence_stdout()  # `newsclaims seeds/ | head`: the reader has all it wanted
    except (UsageError, FileNotFoundError, ValueError, TypeError, ImportError) as e:
        print(f"newsclaims: {e}", file=sys.stderr)
        return 2
    if errors:
        print(f"newsclaims: {plural(len(errors), 'document')} had errors:", file=sys.stderr)
        for doc_id, error in errors:
            print(f"  {doc_id}: {error}", file=sys.stderr)
        return 1
    if warned and args.strict:
        print(f"newsclaims: --strict: {plural(warned, 'document')} had warnings "
              "(the documents table's warnings column says which)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
