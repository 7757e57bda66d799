#!/usr/bin/env python3
"""Parsing throughput on one core, in MB/s of input, for plain text and for HTML.

    python bench/parse_throughput.py [--shared ../shared] [--no-rust] [--peer]

Text: the BBC News corpus (2,095 articles, 4.7 MB). HTML: the 181 pages of the article
extraction benchmark (31 MB). Prints, per format:
- `parse`: the core's `parse_document` alone (decode done beforehand; cleaning, HTML main-content
  selection, headline, dateline, sentences), from `cargo run --release --example parse_throughput`;
- `pipeline`: the installed package's whole `extract_files(..., jobs=1)` (file reading, parsing,
  claims, quantities, dates, DataFrames);
- with --peer, trafilatura.extract on the same HTML in the same process.
A benchmark, not a test: numbers depend on the machine and its load. Last line: one JSON object.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_corpora(shared: Path, tmp: Path) -> dict:
    text_dir, html_dir = tmp / "text", tmp / "html"
    text_dir.mkdir()
    html_dir.mkdir()
    with gzip.open(shared / "corpus" / "bbc_news" / "bbc_news.jsonl.gz", "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            (text_dir / f"{n:05d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
    for page in sorted((shared / "corpus" / "article_extraction_benchmark" / "html").glob("*.html.gz")):
        (html_dir / page.name[:-3]).write_bytes(gzip.decompress(page.read_bytes()))
    return {"text": text_dir, "html": html_dir}


def mb_of(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir()) / 1e6


def pipeline_mb_per_s(folder: Path) -> float:
    import newsclaims

    files = sorted(str(p) for p in folder.iterdir())
    newsclaims.extract_files(*files[:20], jobs=1)  # warm up
    t0 = time.perf_counter()
    newsclaims.extract_files(*files, jobs=1)
    return mb_of(folder) / (time.perf_counter() - t0)


def rust_parse(folder: Path) -> dict:
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "parse_throughput", "--", str(folder)],
        cwd=ROOT, check=True, capture_output=True, text=True, env={**os.environ, "RAYON_NUM_THREADS": "1"})
    return json.loads(out.stdout.strip().splitlines()[-1])["mb_per_s"]


def trafilatura_mb_per_s(folder: Path) -> float:
    import trafilatura

    pages = [p.read_bytes().decode("utf-8", errors="replace") for p in sorted(folder.iterdir())]
    t0 = time.perf_counter()
    for page in pages:
        trafilatura.extract(page)
    return mb_of(folder) / (time.perf_counter() - t0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_shared = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
                          ROOT.parent / "shared")
    ap.add_argument("--shared", default=str(default_shared), help="the shared data folder (default: ../shared)")
    ap.add_argument("--no-rust", action="store_true", help="skip the parse-only figure (needs cargo)")
    ap.add_argument("--peer", action="store_true", help="also time trafilatura on the HTML pages")
    args = ap.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpora = write_corpora(Path(args.shared), Path(tmp))
        for fmt, folder in corpora.items():
            row = {"mb": round(mb_of(folder), 2), "pipeline_mb_per_s": round(pipeline_mb_per_s(folder), 1)}
            if not args.no_rust:
                row["parse_mb_per_s"] = round(rust_parse(folder), 1)
            if fmt == "html" and args.peer:
                row["trafilatura_mb_per_s"] = round(trafilatura_mb_per_s(folder), 1)
            figures[fmt] = row
    print(f"{'input':<6} {'MB':>6} {'parse MB/s':>11} {'pipeline MB/s':>14} {'trafilatura MB/s':>17}")
    for fmt, row in figures.items():
        print(f"{fmt:<6} {row['mb']:>6} {row.get('parse_mb_per_s', '-'):>11} {row['pipeline_mb_per_s']:>14} "
              f"{row.get('trafilatura_mb_per_s', '-'):>17}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
