"""Claim repeats on a real corpus: how many clusters, and a random sample to check by hand.

    python examples/corpus_clusters.py ../shared/corpus/fakes/fakes_dev.csv.gz [--sample 20] [--seed 0]
    python examples/corpus_clusters.py ../shared/corpus/bbc_news/bbc_news.jsonl.gz

A FA-KES CSV (column ``article_content``, outlet in ``source``) is read with pandas; any other
input goes through ``extract_files``.
"""
import argparse
import time

import pandas as pd

import newsclaims


def load(path: str) -> newsclaims.Extraction:
    if "fakes" in path:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        ex = newsclaims.extract_frame(df, text="article_content", id="row_id", published="published",
                                      title="article_title")
        ex.documents["outlet"] = ex.documents["doc_id"].map(df.set_index("row_id")["source"])
        return ex
    return newsclaims.extract_files(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    t0 = time.perf_counter()
    ex = load(args.path)
    seconds = time.perf_counter() - t0
    clusters = ex.clusters()
    claims = ex.claims
    print(f"{len(ex.documents)} documents, {len(claims)} claims, {int(claims['cluster_id'].notna().sum())} claims "
          f"in {len(clusters)} clusters ({seconds:.1f} s with extraction)")
    print("claims per cluster:", clusters["n_claims"].value_counts().sort_index().to_dict())
    docs = ex.documents.set_index("doc_id")
    for row in clusters.sample(min(args.sample, len(clusters)), random_state=args.seed).itertuples():
        print(f"\n== cluster {row.cluster_id}: {row.n_claims} claims in {row.n_documents} documents; "
              f"outlets {row.outlets}; dates {row.dates}")
        members = claims[claims["cluster_id"] == row.cluster_id]
        for m in members.itertuples():
            print(f"  [{m.doc_id} {docs.loc[m.doc_id, 'title'] if 'title' in docs else ''}"[:60] + "]")
            print(f"    {m.source}: {m.content[:160]}")


if __name__ == "__main__":
    main()
