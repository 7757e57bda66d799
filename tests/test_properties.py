"""Property tests over arbitrary text lists: the tables stay consistent whatever the input.

Every span slices its document's text, ids are kept as given, one documents row per input in
order, counts match the other tables, and jobs=1 gives the same tables as jobs=2.
NEWSCLAIMS_HYPOTHESIS_EXAMPLES raises the number of examples (default 60).
"""
import os

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclaims

EXAMPLES = int(os.environ.get("NEWSCLAIMS_HYPOTHESIS_EXAMPLES", "60"))

PIECES = ["\"", "“", "”", "‘", "’", "'", "«", "»", "„", " ", "\n", "\n\n", "\r\n", "\t", "\u00a0",
          "\u2009", "\u3000", "\u200b", "\u2028", "\ufeff", "\x00", ".", ",", ":", "—", "–", "(", ")",
          "%", "$", "1", "12", "1,200", "3.5", "2016", "million", "percent", "people", "killed",
          "at least", "about", "The", "he", "said", "told", "according to", "Lavrov",
          "Igor Konashenkov", "Mr.", "U.S.", "spokesman", "on Friday", "December", "é", "😀"]

news_like = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
texts_strategy = st.lists(st.one_of(st.text(max_size=200), news_like), max_size=6)
settings_ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_consistent(ex, ids):
    docs = ex.documents
    assert docs["doc_id"].tolist() == ids
    assert docs["error"].isna().all(), docs["error"].tolist()
    texts = dict(zip(docs["doc_id"], docs["text"]))
    for row in ex.claims.itertuples():
        text = texts[row.doc_id]
        assert text[row.content_start:row.content_end] == row.content
        assert 0 <= row.start <= row.end <= len(text)
    for row in ex.quantities.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    for row in ex.sentences.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    for table, column in (("claims", "n_claims"), ("quantities", "n_quantities"), ("sentences", "n_sentences")):
        counts = getattr(ex, table).groupby("doc_id").size()
        assert docs[column].tolist() == [int(counts.get(i, 0)) for i in ids]
    for text in docs["text"]:
        assert "\x00" not in text and "\r" not in text


@settings_
@given(texts_strategy)
def test_tables_consistent_and_same_for_any_jobs(texts):
    ids = [f"doc-{i}" for i in range(len(texts))]
    one = newsclaims.extract(texts, ids=ids, jobs=1)
    check_consistent(one, ids)
    two = newsclaims.extract(texts, ids=ids, jobs=2)
    for name in newsclaims.TABLES:
        pd.testing.assert_frame_equal(one.table(name), two.table(name))


@settings_
@given(st.lists(st.text(min_size=1, max_size=20), unique=True, max_size=6))
def test_any_unique_ids_are_kept_as_given(ids):
    ex = newsclaims.extract(["Lavrov said: “The talks will continue.”"] * len(ids), ids=ids)
    check_consistent(ex, ids)
    assert ex.claims["doc_id"].tolist() == ids


@settings_
@given(texts_strategy, st.sampled_from([".txt", ".html"]))
def test_files_as_text_or_html_are_consistent(texts, ext):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        ids = [f"f{i:02d}" for i in range(len(texts))]
        for doc_id, text in zip(ids, texts):
            with open(os.path.join(tmp, doc_id + ext), "w", encoding="utf-8", errors="surrogatepass") as f:
                f.write(text)
        ex = newsclaims.extract_files(tmp, jobs=2)
    check_consistent(ex, ids)
