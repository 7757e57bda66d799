"""Rows per second of the core -> pandas (and -> Arrow) conversion, apart from extraction.

    .venv/bin/python bench/conversion.py [/work/shared/corpus/bbc_news/bbc_news.jsonl.gz] [--copies 4]

Runs the core once over the corpus (repeated --copies times, to get a table large enough to
time), then times only the conversion of its output into the four DataFrames, best of 5, and
`Extraction.to_arrow()`, best of 3. The core's own Rust -> Python transfer is inside "core".
"""
from __future__ import annotations

import argparse
import time

from newsclaims import _core
from newsclaims._extract import Extraction
from newsclaims._inputs import read_records


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("corpus", nargs="?", default="/work/shared/corpus/bbc_news/bbc_news.jsonl.gz")
    p.add_argument("--copies", type=int, default=4)
    args = p.parse_args()
    records, _ = read_records(args.corpus)
    texts = [t for t in records["text"] if isinstance(t, str)] * args.copies
    n = len(texts)
    ids = [str(i) for i in range(n)]
    t0 = time.perf_counter()
    raw = _core.extract_texts(texts, ids, [None] * n, [None] * n)
    t_core = time.perf_counter() - t0
    # Before the columnar transfer (commit d42b71f) the core returned lists; now Arrow buffers.
    columnar = isinstance(raw["claims"]["start"], tuple)
    convert = Extraction._from_core if columnar else Extraction._from_columns
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        ex = convert(raw)
        best = min(best, time.perf_counter() - t0)
    rows = sum(len(ex.table(t)) for t in ("documents", "claims", "quantities", "sentences"))
    print(f"{'arrow buffers' if columnar else 'lists'}: {n} documents, {rows} rows in 4 tables; core {t_core:.2f} s; "
          f"to pandas {best * 1000:.0f} ms = {rows / best:,.0f} rows/s")
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        ex.to_arrow()
        best = min(best, time.perf_counter() - t0)
    print(f"to_arrow() {best * 1000:.0f} ms = {rows / best:,.0f} rows/s")


if __name__ == "__main__":
    main()
