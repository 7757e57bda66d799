"""How partition size affects newsclaims.dask on a local cluster (2 worker processes, one thread
each): the BBC News articles of ../shared/corpus split into 2 to 64 partitions, documents,
claims and quantities computed together; wall time per run (best of --repeat).

    .venv/bin/python bench/dask_partitions.py --shared ../shared
"""
from __future__ import annotations

import argparse
import os
import time

import pandas as pd


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    p.add_argument("--partitions", default="2,8,32,128")
    p.add_argument("--repeat", type=int, default=2)
    args = p.parse_args()

    import dask
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from newsclaims import dask as nd

    df = pd.read_json(os.path.join(args.shared, "corpus", "bbc_news", "bbc_news.jsonl.gz"), lines=True)[["id", "text"]]
    print(f"{len(df)} documents, {df['text'].str.len().sum() / 1e6:.1f} MB of text")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as cluster, Client(cluster):
        print("| partitions | documents per partition | wall s | docs/s |\n|---|---|---|---|")
        for n in (int(x) for x in args.partitions.split(",")):
            best = float("inf")
            for _ in range(args.repeat):
                ex = nd.extract(dd.from_pandas(df, npartitions=n), id="id")
                t = time.perf_counter()
                dask.compute(ex.documents, ex.claims, ex.quantities)
                best = min(best, time.perf_counter() - t)
            print(f"| {n} | {len(df) // n} | {best:.1f} | {len(df) / best:.0f} |", flush=True)


if __name__ == "__main__":
    main()
