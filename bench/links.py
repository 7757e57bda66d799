"""Run-wide linking of a stream (`iter_extract`'s `RunLinks`): how streamed ids compare with the
in-memory run's, and what linking a batch costs as the run grows.

  join     BBC News (2,095 articles) in batches of --batch: claims whose streamed source_id
           joins the streamed sources to the in-memory run's source name; clustered claims
           and clusters, streamed and in memory
  time     BBC News --copies times (new ids) in batches of --batch: seconds to link each batch
           and the bytes the run-wide state holds after it

    python bench/links.py [join] [time] --shared ../shared [--batch 500] [--copies 5]

Nothing asserts a time; wall-clock figures on the shared 2-core machine vary from run to run.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import time

import pandas as pd

import newsclaims
from newsclaims._stream import RunLinks, iter_extract

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")


def _bbc(shared: str) -> list:
    with gzip.open(os.path.join(shared, "corpus", "bbc_news", "bbc_news.jsonl.gz"), "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _names(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    joined = claims.merge(sources[["source_id", "name"]], on="source_id", how="left")
    return joined.set_index(["doc_id", "claim_id"])["name"]


def join(rows: list, batch: int) -> None:
    ids, texts = [r["id"] for r in rows], [r["text"] for r in rows]
    whole = newsclaims.extract(texts, ids=ids)
    stream = iter_extract([{"id": i, "text": t} for i, t in zip(ids, texts)], batch_size=batch)
    claims = pd.concat([b.claims for b in stream], ignore_index=True)
    got, want = _names(claims, stream.sources), _names(whole.claims, whole.sources)
    same = (got.fillna("") == want.reindex(got.index).fillna("")).sum()
    print(f"{len(rows)} articles, batches of {batch}: {same:,} of {len(got):,} claims join the in-memory "
          f"run's source name; source_id equal for {(claims['source_id'].fillna(-1).values == whole.claims['source_id'].fillna(-1).values).sum():,}")
    for name, c in (("streamed", claims), ("in memory", whole.claims)):
        print(f"  {name}: {c['cluster_id'].notna().sum():,} claims clustered in {c['cluster_id'].nunique():,} clusters")
    differ = got.fillna("") != want.reindex(got.index).fillna("")
    if differ.any():
        print("  differing (streamed, in memory):",
              sorted(set(zip(got[differ].fillna(""), want.reindex(got.index)[differ].fillna(""))))[:10])


def timing(rows: list, batch: int, copies: int) -> None:
    records = [{"id": f"{r['id']}#{k}", "text": r["text"]} for k in range(copies) for r in rows]
    links = RunLinks()
    total = 0.0
    claims = 0
    print(f"{len(records):,} articles ({copies} x BBC News), batches of {batch}")
    print("batch  claims so far  sources  link s  state MB  index bytes/claim  registry bytes/source")
    for k, b in enumerate(iter_extract(records, batch_size=batch, run_ids=False, prefetch=False)):
        t = time.perf_counter()
        links.link(b)
        dt = time.perf_counter() - t
        total += dt
        claims += len(b.claims)
        n_sources = len(links.sources())  # outside the timed part: the whole table
        core = links._core
        print(f"{k:5d}  {claims:13,d}  {n_sources:7,d}  {dt:6.3f}  {links.heap_bytes / 1e6:8.1f}"
              f"  {core.claim_bytes / max(claims, 1):17.0f}  {core.source_bytes / max(n_sources, 1):21.0f}")
    print(f"linking: {total:.2f} s in all")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", nargs="*", default=["join", "time"], choices=["join", "time"])
    ap.add_argument("--shared", default=os.environ.get("NEWSCLAIMS_SHARED", SHARED))
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--copies", type=int, default=5)
    args = ap.parse_args()
    rows = _bbc(args.shared)
    if "join" in args.what:
        join(rows, args.batch)
    if "time" in args.what:
        timing(rows, args.batch, args.copies)


if __name__ == "__main__":
    main()
