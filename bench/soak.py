#!/usr/bin/env python3
"""Soak run (not a test): extract real articles in a loop until GB of text have gone through,
sampling the process's RSS, to show memory does not grow with the amount processed.

    python bench/soak.py [--shared ../shared] [--gb 1.0] [--batch 2000]

Articles are the BBC News and FA-KES corpora and the PolNeAR texts of ../shared, cycled with new
ids; nothing is written. Prints one line per sample (GB done, docs/s, RSS) and a JSON summary.
"""
import argparse
import csv
import gzip
import json
import time
from pathlib import Path

import newsclaims


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def articles(shared: Path):
    texts = [json.loads(l)["text"] for l in open(shared / "eval/polnear/dev.jsonl", encoding="utf-8")]
    with gzip.open(shared / "corpus/bbc_news/bbc_news.jsonl.gz", "rt", encoding="utf-8") as f:
        texts += [t for t in (json.loads(l).get("text") for l in f) if t]
    with gzip.open(shared / "corpus/fakes/fakes_dev.csv.gz", "rt", encoding="utf-8") as f:
        texts += [r["article_content"] for r in csv.DictReader(f) if r["article_content"]]
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parent.parent.parent / "shared"))
    ap.add_argument("--gb", type=float, default=1.0)
    ap.add_argument("--batch", type=int, default=2000)
    args = ap.parse_args()
    pool = articles(Path(args.shared))
    sizes = [len(t.encode()) for t in pool]
    done_bytes = docs = 0
    samples = []
    t0 = time.perf_counter()
    i = 0
    while done_bytes < args.gb * 1e9:
        idx = [(i + k) % len(pool) for k in range(args.batch)]
        ex = newsclaims.extract([pool[j] for j in idx], ids=[f"{i + k}" for k in range(args.batch)])
        assert len(ex.documents) == args.batch
        done_bytes += sum(sizes[j] for j in idx)
        docs += args.batch
        i += args.batch
        if len(samples) < 3 or i % (args.batch * 10) == 0 or done_bytes >= args.gb * 1e9:
            s = {"gb": round(done_bytes / 1e9, 3), "docs": docs, "rss_mb": round(rss_mb(), 1),
                 "docs_per_s": round(docs / (time.perf_counter() - t0), 1)}
            samples.append(s)
            print(f"{s['gb']:.3f} GB  {docs:>8} docs  {s['docs_per_s']:>9.1f} docs/s  RSS {s['rss_mb']:.0f} MB", flush=True)
    rss = [s["rss_mb"] for s in samples]
    print(json.dumps({"gb": round(done_bytes / 1e9, 3), "docs": docs, "seconds": round(time.perf_counter() - t0, 1),
                      "rss_first_mb": rss[0], "rss_last_mb": rss[-1], "rss_max_mb": max(rss)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
