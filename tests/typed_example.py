"""A notebook session using the public API; `mypy --strict` must accept it (test_notebook.py).

Not a test itself: it is type-checked, and run once to prove it also works.
"""
from __future__ import annotations

import pickle
import sys
from typing import List

import pandas as pd

import newsclaims
from newsclaims import Extraction, Extractor


def main(seeds: str) -> None:
    ex: Extraction = newsclaims.extract_files(seeds, jobs=2, progress=False)
    claims: pd.DataFrame = ex.claims
    by_source: pd.Series = claims.groupby("source", observed=True).size()
    merged: pd.DataFrame = ex.merge()
    n_rows: int = ex.to_arrow()["claims"].num_rows  # pyarrow has no stubs: Any
    html: str = ex.show(str(ex.documents["doc_id"].iloc[0]))._repr_html_()

    extractor = Extractor(boilerplate=[r"Share this article"], min_quote_words=4,
                          max_document_bytes=1_000_000, jobs=1)
    again: Extractor = pickle.loads(pickle.dumps(extractor))
    texts: List[str] = ["“Half of the city is free,” said Major-General Igor Konashenkov."]
    small = again.extract(texts, ids=["a1"], published=["2016-12-13"])
    frame = pd.DataFrame({"body": texts})
    from_frame: Extraction = again.extract_frame(frame, text="body")
    table: pd.DataFrame = small.table("quantities")
    print(len(by_source), len(merged), n_rows, len(html), len(table), len(from_frame), newsclaims.__version__)


if __name__ == "__main__":
    main(sys.argv[1])
