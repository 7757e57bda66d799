"""Streaming (iter_extract, gzip, incremental records, WARC, batch writers) and Dask."""
import gzip
import io
import itertools
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import newsclaims
from newsclaims import iter_extract
from newsclaims._extract import Extraction
from newsclaims._stream import TableWriter

QUOTE = "Lavrov said: “The talks will continue in Geneva on Friday.” He added that 1,200 people had left."


def _concat(batches):
    return Extraction._concat(list(batches))


def _sorted(df, keys):
    return df.sort_values(keys).reset_index(drop=True)


def test_texts_stream_in_order_once_each_and_equal_the_in_memory_run():
    texts = [f"{QUOTE} Officials counted {i} buses." for i in range(23)]
    batches = list(iter_extract(texts, batch_size=5, jobs=2))
    assert [len(b) for b in batches] == [5, 5, 5, 5, 3]
    streamed = _concat(batches)
    assert streamed.documents["doc_id"].tolist() == [str(i) for i in range(23)]
    whole = newsclaims.extract(texts)
    pd.testing.assert_frame_equal(streamed.claims, whole.claims)
    pd.testing.assert_frame_equal(streamed.quantities, whole.quantities)


def test_a_generator_is_consumed_lazily():
    # An endless source: the first batch must come out without reading the rest.
    endless = (f"Source {i} said: “We will stay.”" for i in itertools.count())
    first = next(iter_extract(endless, batch_size=3))
    assert first.documents["doc_id"].tolist() == ["0", "1", "2"]
    assert first.claims["content"].tolist() == ["We will stay."] * 3


def test_an_error_in_the_inputs_reaches_the_caller_after_the_batches_before_it():
    def source():
        yield from (QUOTE for _ in range(4))
        raise RuntimeError("the source broke")

    for prefetch in (True, False):
        got = []
        with pytest.raises(RuntimeError, match="the source broke"):
            for batch in iter_extract(source(), batch_size=2, prefetch=prefetch):
                got.append(batch.documents["doc_id"].tolist())
        assert got == [["0", "1"], ["2", "3"]]


def test_stopping_early_stops_the_prefetch_thread():
    import threading

    endless = (QUOTE for _ in itertools.count())
    batches = iter_extract(endless, batch_size=2)
    next(batches)
    batches.close()
    for thread in threading.enumerate():
        if thread.name == "newsclaims-prefetch":
            thread.join(timeout=10)
            assert not thread.is_alive()


def _write_corpus(root: Path, gz: bool) -> None:
    """The same articles, plain or gzipped: a text file, an HTML page, JSON Lines, CSV."""
    root.mkdir()
    opener = (lambda p: gzip.open(str(p) + ".gz", "wt", encoding="utf-8")) if gz else (
        lambda p: open(p, "w", encoding="utf-8"))
    with opener(root / "a_text.txt") as f:
        f.write("Talks resume\n\n" + QUOTE)
    with opener(root / "b_page.html") as f:
        f.write("<html><head><title>Geneva talks</title></head><body><article><p>" + QUOTE
                + "</p><p>The ministry said: “Nearly half of the convoys arrived.”</p></article></body></html>")
    with opener(root / "c_records.jsonl") as f:
        for i in range(7):
            f.write(json.dumps({"text": f"{QUOTE} Record {i}.", "outlet": "TASS"}) + "\n")
        f.write("not json\n")
    with opener(root / "d_rows.csv") as f:
        pd.DataFrame({"id": [f"0{i}" for i in range(4)], "text": [QUOTE] * 4}).to_csv(f, index=False)


def test_directory_with_gzip_and_records_streams_like_extract_files(tmp_path):
    _write_corpus(tmp_path / "plain", gz=False)
    _write_corpus(tmp_path / "gz", gz=True)
    whole = newsclaims.extract_files(tmp_path / "plain")
    for root in ("plain", "gz"):
        batches = list(iter_extract(tmp_path / root, batch_size=3))
        assert max(len(b) for b in batches) <= 3
        streamed = _concat(batches)
        # every document once, in input order (file order, then record order)
        assert streamed.documents["doc_id"].tolist() == whole.documents["doc_id"].tolist()
        assert streamed.documents["doc_id"].tolist()[:4] == ["a_text", "b_page", "c_records:0", "c_records:1"]
        pd.testing.assert_frame_equal(streamed.claims, whole.claims)
        pd.testing.assert_frame_equal(streamed.quantities, whole.quantities)
        for column in ("title", "text", "warnings", "outlet"):
            assert streamed.documents[column].tolist() == whole.documents[column].tolist(), column
    # the bad JSON line is reported on its own record, across chunk boundaries
    warned = streamed.documents.set_index("doc_id").loc["c_records:7", "warnings"]
    assert "line 8 is not JSON" in warned


def test_dict_records_and_paths_mix_in_one_stream(tmp_path):
    (tmp_path / "x.txt").write_text(QUOTE, encoding="utf-8")
    items = [{"id": "r1", "body": QUOTE, "published": "2017-04-07", "outlet": "Reuters"},
             tmp_path / "x.txt", {"title": "no text here"}]
    ex = _concat(iter_extract(items))
    docs = ex.documents
    assert docs["doc_id"].tolist() == ["r1", "x", "2"]
    assert docs["outlet"].tolist()[0] == "Reuters"
    assert docs["error"].tolist()[2] == "the record has no text"
    assert docs["published"].tolist()[0] == pd.Timestamp("2017-04-07")
    assert ex.claims["doc_id"].tolist() == ["r1", "r1", "x", "x"]  # the quote and "He added that ..."


def test_missing_published_of_a_string_column_is_no_date():
    ex = newsclaims.extract([QUOTE], published=pd.array([None], dtype="string"))
    assert ex.documents["warnings"].isna().all() and ex.documents["published"].isna().all()


def test_core_reads_in_memory_html_when_told():
    from newsclaims import _core

    page = "<html><head><title>Geneva talks</title></head><body><article><p>" + QUOTE + "</p></article></body></html>"
    from newsclaims._extract import Extraction

    html = Extraction._from_core(_core.extract_texts([page], ["p"], [None], [None], formats=["html"])).documents
    text = Extraction._from_core(_core.extract_texts([page], ["p"], [None], [None])).documents
    assert html["title"].tolist() == ["Geneva talks"] and "<p>" not in html.loc[0, "text"]
    assert "<p>" in text.loc[0, "text"]
    with pytest.raises(ValueError, match=r'formats\[0\] is "pdf"'):
        _core.extract_texts([page], ["p"], [None], [None], formats=["pdf"])
    with pytest.raises(ValueError, match="formats has 2 items but texts has 1"):
        _core.extract_texts([page], ["p"], [None], [None], formats=["html", "text"])


def test_bad_arguments():
    with pytest.raises(ValueError, match="batch_size"):
        iter_extract(["x"], batch_size=0)
    with pytest.raises(TypeError, match=r"inputs\[1\] is int"):
        list(iter_extract(["x", 3]))
    with pytest.raises(FileNotFoundError, match="no such file"):
        list(iter_extract("/nonexistent/corpus"))


def _warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)

        def response(url, body: bytes, ctype, status="200 OK", date="2017-04-07T10:00:00Z"):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                warc_headers_dict={"WARC-Date": date}))

        w.write_record(w.create_warc_record("https://news.example/a", "request", payload=io.BytesIO(b"GET /a"),
                                            warc_content_type="application/http; msgtype=request"))
        response("https://news.example/a", ("<html><head><title>Geneva talks</title></head><body><article><p>"
                                            + QUOTE + "</p></article></body></html>").encode("utf-8"),
                 "text/html; charset=utf-8")
        response("https://news.example/logo.png", b"\x89PNG", "image/png")
        response("https://news.example/gone", b"<html><body>Not found</body></html>", "text/html", "404 Not Found")
        # declared Windows-1252: "é" and the curly quotes must come through as they were
        response("https://news.example/b", ("<html><body><article><p>Le ministre a déclaré : « Les pourparlers "
                                            "continueront. » Pierre Dupont said: “The café is closed.”</p>"
                                            "</article></body></html>").encode("cp1252"),
                 "text/html; charset=windows-1252", date="2017-04-08T09:30:00Z")


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_become_documents_with_url_and_date(tmp_path, name):
    import warcio  # noqa: F401  (test extra)
    _warc(tmp_path / name, gz=name.endswith(".gz"))
    ex = _concat(iter_extract(tmp_path))
    docs = ex.documents
    assert docs["doc_id"].tolist() == ["https://news.example/a", "https://news.example/b"]
    assert docs["url"].tolist() == docs["doc_id"].tolist()
    assert docs["warc_date"].tolist() == ["2017-04-07T10:00:00Z", "2017-04-08T09:30:00Z"]
    assert docs["title"].tolist()[0] == "Geneva talks"
    assert "déclaré" in docs["text"].tolist()[1]
    assert ex.claims[["doc_id", "source", "content"]].values.tolist()[:1] == [
        ["https://news.example/a", "Lavrov", "The talks will continue in Geneva on Friday."]]
    assert "Pierre Dupont said: “The café is closed.”" in docs["text"].tolist()[1]


def test_table_writer_parquet_row_groups_csv_and_jsonl_equal_the_in_memory_table(tmp_path, seeds_dir):
    import pyarrow.parquet as pq

    whole = newsclaims.extract_files(seeds_dir)
    for ext in ("parquet", "csv", "jsonl"):
        out = tmp_path / f"q.{ext}"
        with TableWriter(out, "quantities") as w:
            for batch in iter_extract(seeds_dir, batch_size=2):
                w.write(batch)
        assert w.rows == len(whole.quantities)
        if ext == "parquet":
            assert pq.ParquetFile(out).metadata.num_row_groups == 3
            got = pd.read_parquet(out)
            pd.testing.assert_frame_equal(got.astype(whole.quantities.dtypes.to_dict()), whole.quantities,
                                          check_categorical=False)
        else:
            got = pd.read_csv(out) if ext == "csv" else pd.read_json(out, lines=True)
            assert got["text"].tolist() == whole.quantities["text"].tolist()
            assert got["value"].fillna(-1).tolist() == pytest.approx(whole.quantities["value"].fillna(-1).tolist())


def test_table_writer_empty_stream_writes_the_schema(tmp_path):
    out = tmp_path / "claims.parquet"
    with TableWriter(out, "claims"):
        pass
    got = pd.read_parquet(out)
    assert len(got) == 0 and list(got.columns) == [c for c, _, _ in newsclaims.SCHEMA["claims"]]


def test_dask_on_a_local_cluster_equals_the_single_machine_run(seeds_dir):
    import dask.dataframe as dd
    import dask
    import distributed
    from newsclaims import dask as nd

    seeds = newsclaims.extract_files(seeds_dir).documents
    df = pd.DataFrame({"id": [f"{d}-{k}" for k in range(3) for d in seeds["doc_id"]],
                       "text": [t for _ in range(3) for t in seeds["text"]],
                       "published": [p for _ in range(3) for p in seeds["published"].astype(str)]})
    ex = nd.extract(dd.from_pandas(df, npartitions=4), id="id", published="published")
    assert list(ex.claims.columns) == [c for c, _, _ in newsclaims.SCHEMA["claims"]]
    assert ex.quantities.dtypes["value"] == "float64"  # meta known before anything runs
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=":0") as cluster, distributed.Client(cluster):
        documents, claims, quantities = dask.compute(ex.documents, ex.claims, ex.quantities)
    single = newsclaims.extract_frame(df, id="id", published="published")
    # Repeats are linked and sources numbered within a partition; over the whole table the
    # repeats are computed again and source ids (numbered per partition) are left out.
    assert claims["source_id"].notna().all()
    claims = _sorted(claims, ["doc_id", "claim_id"]).drop(columns="source_id")
    claims["cluster_id"] = newsclaims.cluster_claims(claims)
    want_claims = single.claims.sort_values(["doc_id", "claim_id"]).reset_index(drop=True).drop(columns="source_id")
    want_claims["cluster_id"] = newsclaims.cluster_claims(want_claims)
    for got, want, keys in ((documents, single.documents, ["doc_id"]), (claims, want_claims, ["doc_id", "claim_id"]),
                            (quantities, single.quantities, ["doc_id", "quantity_id"])):
        assert len(got) == len(want) > 0
        pd.testing.assert_frame_equal(_sorted(got, keys), _sorted(want, keys), check_categorical=False)


def test_spark_batches_are_whole_arrow_arrays_whatever_the_chunks(synthetic):
    """Runs without pyspark: the core hands 2,100 articles' strings over in several chunks, and
    what newsclaims.spark yields to mapInPandas converts column by column to one pyarrow.Array
    (as Spark converts it), where a chunked column would raise TypeError."""
    import pyarrow as pa

    from newsclaims.spark import _whole_columns

    out = newsclaims.extract_frame(synthetic, id="id").claims
    assert len(out) > 10_000
    categories = [c for c, dtype, _ in newsclaims.SCHEMA["claims"] if dtype == "category"]
    if int(pd.__version__.split(".")[0]) >= 3:  # Arrow-backed str: from_pandas gives a ChunkedArray
        assert any(isinstance(pa.Array.from_pandas(out[c]), pa.ChunkedArray) for c in out.columns)
    whole = _whole_columns(out.copy(), categories)
    for column in whole.columns:
        assert isinstance(pa.Array.from_pandas(whole[column]), pa.Array), column
    assert whole.astype(str).values.tolist() == out.astype(str).values.tolist()


@pytest.mark.spark
def test_spark_partitions_of_over_1000_articles_equal_the_single_machine_run(synthetic):
    """Deselected by default (marker ``spark``; run with ``pip install '.[spark]' && pytest -m
    spark``): 2,100 synthetic articles in 2 partitions of 1,050, each one Arrow batch."""
    import pyspark.sql as pyspark_sql
    import sys

    from newsclaims import spark as ns

    session = (pyspark_sql.SparkSession.builder.master("local[2]").appName("newsclaims-test")
               .config("spark.pyspark.python", sys.executable).config("spark.ui.enabled", "false")
               .config("spark.driver.host", "127.0.0.1").config("spark.sql.session.timeZone", "UTC").getOrCreate())
    try:
        sdf = session.createDataFrame(synthetic).repartition(2)
        assert min(sdf.rdd.glom().map(len).collect()) >= 1000
        got = ns.extract(sdf, "claims", text="text", id="id").toPandas()
    finally:
        session.stop()
    want = newsclaims.extract_frame(synthetic, id="id").claims
    keys = ["doc_id", "claim_id"]
    assert len(got) == len(want) > 10_000
    cols = ["doc_id", "claim_id", "kind", "source", "cue", "content", "start", "end", "date"]
    got, want = _sorted(got, keys)[cols], _sorted(want, keys)[cols]
    assert got.astype(str).values.tolist() == want.astype(str).values.tolist()


@pytest.mark.spark
def test_spark_local_mode_equals_the_single_machine_run(seeds_dir):
    """Deselected by default (marker ``spark``): pyspark is a 0.5 GB download and a JVM start, so it
    is not in the test extra. Run it with ``pip install '.[spark]' && pytest -m spark``."""
    import pyspark.sql as pyspark_sql
    import sys

    from newsclaims import spark as ns

    seeds = newsclaims.extract_files(seeds_dir).documents
    df = pd.DataFrame({"id": list(seeds["doc_id"]), "text": list(seeds["text"])})
    session = (pyspark_sql.SparkSession.builder.master("local[2]").appName("newsclaims-test")
               .config("spark.pyspark.python", sys.executable).config("spark.ui.enabled", "false")
               .config("spark.driver.host", "127.0.0.1").config("spark.sql.session.timeZone", "UTC").getOrCreate())
    try:
        sdf = session.createDataFrame(df).repartition(3)
        claims = ns.extract(sdf, "claims", text="text", id="id")
        assert claims.columns == [c for c, _, _ in newsclaims.SCHEMA["claims"]]
        got = claims.toPandas()
    finally:
        session.stop()
    want = newsclaims.extract_frame(df, id="id").claims
    keys = ["doc_id", "claim_id"]
    assert len(got) == len(want) > 0
    cols = ["doc_id", "claim_id", "kind", "source", "cue", "content", "start", "end", "date"]
    got, want = _sorted(got, keys)[cols], _sorted(want, keys)[cols]
    assert got.astype(str).values.tolist() == want.astype(str).values.tolist()


def _seeds_and_synthetic():
    from conftest import SEEDS, synthetic_texts

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + synthetic_texts(60)
    return [f"d{i:03d}" for i in range(len(texts))], texts


def _claim_sources(claims, sources):
    joined = claims.merge(sources[["source_id", "name"]], on="source_id", how="left")
    assert len(joined) == len(claims), "one sources row per id"
    return sorted(map(tuple, joined[["doc_id", "claim_id", "name"]].astype(str).values.tolist()))


@pytest.mark.parametrize("batch_size", [2, 7, 1000])
def test_streamed_ids_are_run_wide_and_join_as_in_memory(batch_size):
    ids, texts = _seeds_and_synthetic()
    whole = newsclaims.extract(texts, ids=ids)
    stream = iter_extract([{"id": i, "text": t} for i, t in zip(ids, texts)], batch_size=batch_size)
    batches = list(stream)
    claims = pd.concat([b.claims for b in batches], ignore_index=True)
    # source_id: the in-memory run's, in every batch; joined to the run's sources as in memory
    assert _claim_sources(claims, stream.sources) == _claim_sources(whole.claims, whole.sources)
    pd.testing.assert_series_equal(claims["source_id"], whole.claims["source_id"])
    for b in batches:  # each batch's sources: the run-wide rows its claims name
        assert set(b.sources["source_id"]) == set(b.claims["source_id"].dropna())
    # cluster_id: the same clusters, numbered as they appear; a claim whose repeats all come in
    # later batches is null (a later batch only adds links)
    got, want = claims["cluster_id"], whole.claims["cluster_id"]
    assert (got.isna() | want.notna()).all()
    both = pd.DataFrame({"got": got, "want": want}).dropna()
    assert len(both) > 0
    assert both.groupby("got")["want"].nunique().max() == 1 and both.groupby("want")["got"].nunique().max() == 1
    batch_of = {d: k // batch_size for k, d in enumerate(ids)}
    for i in claims.index[got.isna() & want.notna()]:
        doc = claims.at[i, "doc_id"]
        others = whole.claims[(want == want[i]) & (whole.claims["doc_id"] != doc)]
        assert all(batch_of[d] > batch_of[doc] for d in others["doc_id"]), (doc, claims.at[i, "claim_id"])
    if batch_size >= len(texts):
        pd.testing.assert_series_equal(got, want)


def test_cli_streamed_claims_join_the_streamed_sources_and_keep_int64(tmp_path):
    from newsclaims import cli

    ids, texts = _seeds_and_synthetic()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(ids, texts)), encoding="utf-8")
    claims_out, sources_out = tmp_path / "claims.parquet", tmp_path / "sources.parquet"
    for out, table in ((claims_out, "claims"), (sources_out, "sources")):
        assert cli.main([str(corpus), "-o", str(out), "--table", table, "--batch-size", "7", "--no-progress"]) == 0
    claims, sources = pd.read_parquet(claims_out), pd.read_parquet(sources_out)
    for column, dtype, _ in newsclaims.SCHEMA["claims"]:
        if dtype == "Int64":
            assert claims[column].dtype == "Int64", column
    assert claims["cluster_id"].isna().any() and claims["source_id"].dtype == "Int64"
    whole = newsclaims.extract(texts, ids=ids)
    assert _claim_sources(claims, sources) == _claim_sources(whole.claims, whole.sources)


def test_run_ids_false_numbers_ids_per_batch():
    texts = ["Bob Jones said: “The bridge will open in May this year.”"] * 2 + [
        "Anna Smith said: “The bridge will open in May this year.”"] * 2
    stream = iter_extract(texts, batch_size=2, run_ids=False)
    assert [b.claims["source_id"].tolist() for b in stream] == [[0, 0], [0, 0]]
    with pytest.raises(ValueError, match="run_ids=False"):
        stream.sources
    stream = iter_extract(texts, batch_size=2)
    batches = list(stream)
    assert [b.claims["source_id"].tolist() for b in batches] == [[0, 0], [1, 1]]
    assert [b.claims["cluster_id"].tolist() for b in batches] == [[0, 0], [0, 0]]
    assert stream.sources[["source_id", "name", "documents", "claims"]].values.tolist() == [
        [0, "Bob Jones", 2, 2], [1, "Anna Smith", 2, 2]]


@pytest.mark.parametrize("batch_size", [2, 7])
def test_incremental_links_give_the_in_memory_sources_table(batch_size):
    # Each batch is linked against the core's run-wide state (no relinking of earlier claims),
    # and on the seeds and synthetic documents no later batch re-decides a join: the streamed
    # claims name the in-memory run's sources, and the run-wide table is the in-memory one.
    from newsclaims._stream import RunLinks

    ids, texts = _seeds_and_synthetic()
    whole = newsclaims.extract(texts, ids=ids)
    stream = iter_extract([{"id": i, "text": t} for i, t in zip(ids, texts)], batch_size=batch_size)
    claims = pd.concat([b.claims for b in stream], ignore_index=True)
    assert _claim_sources(claims, stream.sources) == _claim_sources(whole.claims, whole.sources)
    pd.testing.assert_frame_equal(stream.sources, whole.sources)
    # The same through RunLinks directly, batch by batch, with the state in the core only.
    links = RunLinks()
    batches = [links.link(b) for b in iter_extract([{"id": i, "text": t} for i, t in zip(ids, texts)],
                                                   batch_size=batch_size, run_ids=False)]
    assert set(vars(links)) == {"_core", "_lock"}
    assert links._core.claims == len(whole.claims) and links.heap_bytes > 0
    pd.testing.assert_series_equal(pd.concat([b.claims["source_id"] for b in batches], ignore_index=True),
                                   whole.claims["source_id"])
    pd.testing.assert_frame_equal(links.sources(), whole.sources)
