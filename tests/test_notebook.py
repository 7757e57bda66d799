"""Notebook use: columnar transfer, Arrow/polars, merge, options, progress, HTML, plots, typing."""
import datetime as dt
import doctest
import html.parser
import os
import pickle
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import newsclaims
from newsclaims import _core, _extract
from newsclaims._schema import SCHEMA, TABLES, arrow_schema, to_pandas

ROOT = Path(__file__).resolve().parent.parent


# --- columnar transfer -------------------------------------------------------------------------

def test_core_hands_over_arrow_buffers_not_lists():
    columns = _core.extract_texts(["Lavrov said: “The talks will continue in Geneva.”"], ["a"], [None], [None])
    for table in TABLES:
        assert set(columns[table]) == {name for name, _, _ in SCHEMA[table]}
        for name, chunks in columns[table].items():
            # One chunk per chunk of documents the core ran: here one.
            assert isinstance(chunks, list) and len(chunks) == 1, name
            kind, length, nulls, validity, buffers = chunks[0]
            assert kind in ("int64", "float64", "bool", "large_utf8"), name
            assert isinstance(buffers, tuple) and all(isinstance(b, _core.Buffer) for b in buffers)
            assert validity is None or isinstance(validity, _core.Buffer)
    [(kind, length, nulls, validity, (offsets, data))] = columns["claims"]["content"]
    assert (kind, length, nulls) == ("large_utf8", 1, 0)
    # Rust-owned memory that pyarrow reads in place (pa.foreign_buffer), no copy into bytes.
    import pyarrow as pa

    adopted = pa.foreign_buffer(data.address, len(data), base=data)
    assert adopted.to_pybytes().decode() == "The talks will continue in Geneva."
    assert adopted.address == data.address


def test_chunks_of_documents_stay_chunks_of_one_column(seeds_dir):
    # chunk_bytes=1: one core chunk per document, handed over as one Arrow chunk each (no copy
    # into one growing buffer); the tables equal those of a single chunk.
    files = sorted(seeds_dir.glob("*.txt"))
    texts, ids = [f.read_text(encoding="utf-8") for f in files], [f.stem for f in files]
    one = _core.extract_texts(texts, ids, [None] * len(texts), [None] * len(texts))
    many = _core.extract_texts(texts, ids, [None] * len(texts), [None] * len(texts), chunk_bytes=1)
    assert len(many["documents"]["text"]) == len(texts) and len(one["documents"]["text"]) == 1
    assert len(many["claims"]["cluster_id"]) == 1  # batch-level columns are whole
    a, b = _extract.Extraction._from_core(one), _extract.Extraction._from_core(many)
    for name in TABLES:
        pd.testing.assert_frame_equal(a.table(name), b.table(name), check_categorical=False)
    assert len(b.claims) > 50 and b.claims["content"].array._pa_array.num_chunks == len(texts)


def test_nulls_and_non_ascii_survive_the_buffers():
    texts = ["“Café prices rose 20 percent 🙂,” said Amélie Durand.", "No claims here at all."]
    ex = newsclaims.extract(texts, published=["2016-12-13", None])
    assert ex.claims.loc[0, "source"] == "Amélie Durand"
    c = ex.claims.iloc[0]
    assert ex.documents.loc[0, "text"][c["content_start"]:c["content_end"]] == c["content"]
    assert ex.documents["published"].isna().tolist() == [False, True]
    assert ex.claims["via"].isna().all() and str(ex.claims["via"].dtype) == "string"
    q = ex.quantities.iloc[0]
    assert (q["text"], q["value"], q["unit"]) == ("20 percent", 20.0, "percent")
    assert ex.documents.loc[0, "text"][q["start"]:q["end"]] == "20 percent"


def test_whole_tables_round_trip_through_arrow(seeds):
    arrow = seeds.to_arrow()
    for name in TABLES:
        assert arrow[name].schema.equals(arrow_schema(name)), name
        pd.testing.assert_frame_equal(to_pandas(arrow[name]), seeds.table(name), check_categorical=False)


def test_to_arrow_and_to_polars_on_empty_input_keep_the_schema():
    ex = newsclaims.extract([])
    for name, table in ex.to_arrow().items():
        assert table.num_rows == 0 and table.schema.equals(arrow_schema(name))
    import polars as pl
    frames = ex.to_polars()
    assert frames["claims"].columns == [c for c, _, _ in SCHEMA["claims"]]


def test_extract_frame_takes_a_polars_dataframe(seeds_dir):
    pl = pytest.importorskip("polars")  # polars is in the test extra; newsclaims never imports it otherwise
    paths = sorted(seeds_dir.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    ids = [p.stem for p in paths]
    published = [dt.datetime(2016, 12, 7, 19, 16), None, dt.datetime(2016, 12, 8), None, None]
    df = pl.DataFrame({"id": ids, "body": texts, "published": published})
    got = newsclaims.extract_frame(df, text="body", id="id", published="published")
    want = newsclaims.extract_frame(pd.DataFrame({"id": ids, "body": texts, "published": published}),
                                    text="body", id="id", published="published")
    for name in TABLES:
        pd.testing.assert_frame_equal(got.table(name), want.table(name))
    assert len(got.claims) > 50 and got.documents["published"].notna().sum() >= 2
    positional = newsclaims.extract_frame(df.select("body"), text="body")
    assert list(positional.documents["doc_id"]) == ["0", "1", "2", "3", "4"]
    with pytest.raises(TypeError, match="LazyFrame; pass df.collect"):
        newsclaims.extract_frame(df.lazy(), text="body")
    with pytest.raises(TypeError, match="pandas or polars DataFrame, not list"):
        newsclaims.extract_frame(texts)  # type: ignore[arg-type]


def test_to_polars(seeds):
    import polars as pl
    frames = seeds.to_polars()
    assert set(frames) == set(TABLES)
    claims = frames["claims"]
    assert claims.height == len(seeds.claims)
    assert claims.schema["start"] == pl.Int64 and claims.schema["kind"] == pl.Categorical
    assert claims.filter(pl.col("source") == "Igor Konashenkov").height >= 2


# --- merge -------------------------------------------------------------------------------------

def test_merge_gives_one_row_per_claim_and_quantity(seeds):
    m = seeds.merge()
    linked = seeds.quantities["claim_id"].notna()
    claims_with_q = seeds.quantities.loc[linked, ["doc_id", "claim_id"]].drop_duplicates()
    assert len(m) == linked.sum() + len(seeds.claims) - len(claims_with_q)
    assert {"title", "published", "path", "quantity_text", "quantity_start", "value", "unit"} <= set(m.columns)
    assert str(m["claim_id"].dtype) == "Int64" and m["kind"].dtype == "category"
    half = m[(m["source"] == "Igor Konashenkov") & (m["quantity_text"] == "half")]
    assert half["value"].tolist() == [0.5]
    assert len(seeds.merge(quantities=False)) == len(seeds.claims)
    counts = m.groupby("source")["value"].count()
    assert counts["Igor Konashenkov"] >= 1


def test_merge_keeps_record_metadata_and_renames_clashes(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "r1", "outlet": "SANA", "source": "wire", "text": '
                 '"“Half of the city is free,” said Igor Konashenkov."}\n', encoding="utf-8")
    m = newsclaims.extract_files(str(f)).merge()
    assert m[["doc_id", "outlet", "document_source", "source"]].values.tolist() == [
        ["r1", "SANA", "wire", "Igor Konashenkov"]]


# --- options -----------------------------------------------------------------------------------

def test_min_quote_words_and_options_pickle():
    text = "“Lies and more lies,” said Zakharova. Lavrov said: “The talks will continue in Geneva.”"
    ex = newsclaims.Extractor(min_quote_words=5, boilerplate=["Share this"])
    again = pickle.loads(pickle.dumps(ex))
    assert again.__getstate__() == ex.__getstate__()
    assert "min_quote_words=5" in repr(again)
    assert again.extract([text]).claims["source"].tolist() == ["Lavrov"]
    df = pd.DataFrame({"body": [text]}, index=["k1"])
    assert again.extract_frame(df, text="body").claims["doc_id"].tolist() == ["k1"]
    assert newsclaims.Extractor().extract_frame(df, text="body").claims["source"].tolist() == ["Zakharova", "Lavrov"]


def test_bad_options_raise():
    with pytest.raises(TypeError, match="boilerplate must be a sequence of str"):
        newsclaims.Extractor(boilerplate="Share this")
    with pytest.raises(TypeError, match=r"boilerplate\[1\] is int"):
        newsclaims.Extractor(boilerplate=["Share this", 3])
    with pytest.raises(ValueError, match="min_quote_words must be an int >= 0"):
        newsclaims.Extractor(min_quote_words=-1)


def test_docstring_examples():
    for module in (_extract, newsclaims):
        failed, attempted = doctest.testmod(module)
        assert attempted > 0 and failed == 0, module


# --- progress ----------------------------------------------------------------------------------

def _many_files(tmp_path, n):
    for i in range(n):
        (tmp_path / f"{i:04d}.txt").write_text(f"“We hold {i} homes in the city,” said Lavrov.", encoding="utf-8")
    return tmp_path


def test_progress_bar_when_asked_and_never_when_off(tmp_path, capsys):
    d = _many_files(tmp_path, 12)
    ex = newsclaims.extract_files(str(d), progress=True)
    assert len(ex) == 12
    err = capsys.readouterr().err
    assert "newsclaims" in err and "12/12" in err
    newsclaims.extract_files(str(d), progress=False)
    assert capsys.readouterr().err == ""
    calls = []
    newsclaims.extract_files(str(d), progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (12, 12)


def test_progress_default_needs_many_files_and_a_person(monkeypatch):
    monkeypatch.setattr(_extract, "_interactive", lambda: True)
    assert _extract._progress_reporter(None, _extract.PROGRESS_MIN_FILES)[0] is None
    report, close = _extract._progress_reporter(None, _extract.PROGRESS_MIN_FILES + 1)
    assert report is not None
    close()
    monkeypatch.setattr(_extract, "_interactive", lambda: False)
    assert _extract._progress_reporter(None, 10_000)[0] is None


def test_notebook_bar_needs_ipywidgets_else_text(monkeypatch, capsys):
    import importlib.util

    import tqdm.std

    monkeypatch.setattr(_extract, "_in_notebook", lambda: True)
    has_widgets = importlib.util.find_spec("ipywidgets") is not None
    report, close = _extract._progress_reporter(True, 3)
    report(3, 3)
    bar = close.__self__
    assert (type(bar) is tqdm.std.tqdm) is not has_widgets
    close()
    if not has_widgets:
        assert "3/3" in capsys.readouterr().err


def test_never_interactive_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "1")
    assert _extract._interactive() is False


# --- HTML --------------------------------------------------------------------------------------

class _Nesting(html.parser.HTMLParser):
    """Checks that tags close in order and collects the classes of <mark> elements."""

    VOID = {"meta", "br"}

    def __init__(self):
        super().__init__()
        self.stack, self.marks, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "mark":
            self.marks.append(dict(attrs)["class"])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack[-3:], tag)
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(page):
    p = _Nesting()
    p.feed(page)
    p.close()
    assert p.stack == []
    return p


def test_show_highlights_sources_cues_contents_and_quantities(seeds):
    view = seeds.show("000_80e81b5a0bd1fe9d")
    page = view._repr_html_()
    p = _parse(page)
    assert {"nc-content", "nc-source", "nc-cue", "nc-quantity"} <= set(p.marks)
    # The source as written, labelled with its canonical form.
    assert 'Major-General Igor Konashenkov<span class="nc-label">Igor Konashenkov</span></mark>' in page
    assert 'title="cue: say"' in page
    with pytest.raises(KeyError, match="no document 'nope'"):
        seeds.show("nope")


def test_show_escapes_text_and_keeps_it_whole():
    text = "<script>alert(1)</script> Lavrov said: “Talks & more talks will follow <b>soon</b>, in 2 weeks.”"
    ex = newsclaims.extract([text], ids=["x&y"])
    page = str(ex.show("x&y"))
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "Talks &amp; more talks" in page
    p = _parse(page)
    body = "".join(p.text)
    assert ex.documents.loc[0, "text"] in body
    assert "nc-quantity" in p.marks and "nc-content" in p.marks


def test_to_html_writes_a_standalone_page(seeds, tmp_path):
    out = tmp_path / "report.html"
    seeds.to_html(out)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    p = _parse(page)
    assert page.count("<section ") == len(seeds.documents)
    assert p.marks.count("nc-content") >= len(seeds.claims)
    seeds.to_html(out, doc_ids=["003_0dc43f7eaad64226"])
    assert out.read_text(encoding="utf-8").count("<section ") == 1


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs it on Debian)")
def test_report_in_headless_chromium(seeds, tmp_path):
    page = tmp_path / "report.html"
    seeds.to_html(page)
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(flags + ["--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=True).stdout
    # The DOM as the browser built it: every highlight kind is there, as many as we wrote.
    for kind in ("content", "source", "cue", "quantity"):
        assert dom.count(f'<mark class="nc-{kind}"') == page.read_text(encoding="utf-8").count(f'<mark class="nc-{kind}"') > 0
    shot = tmp_path / "report.png"
    subprocess.run(flags + [f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


# --- plot --------------------------------------------------------------------------------------

def test_plot_timeline_writes_a_png(tmp_path):
    import matplotlib as mpl
    mpl.use("Agg")
    texts = ["Lavrov said: “Government forces now hold 93 percent of eastern Aleppo.”",
             "Lavrov said on Monday: “Government forces now hold 98 percent of eastern Aleppo.”",
             "A rebel spokesman said: “Rebels still hold 40 percent of eastern Aleppo.”"]
    ex = newsclaims.extract(texts, published=["2016-12-08", "2016-12-13", "2016-12-10"])
    from newsclaims._plot import timeline_points

    points = timeline_points(ex, unit="percent")
    assert points[points["source"] == "Lavrov"]["value"].tolist() == [93.0, 98.0]
    ax = ex.plot_timeline(unit="percent")
    assert {line.get_label() for line in ax.get_lines()} == set(points["source"])
    out = tmp_path / "timeline.png"
    ax.figure.savefig(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_timeline_says_how_many_rows_it_left_out_as_undated():
    import matplotlib as mpl
    mpl.use("Agg")
    texts = ["Lavrov said: “Government forces now hold 93 percent of eastern Aleppo.”",
             "Lavrov said on Monday: “Government forces now hold 98 percent of eastern Aleppo.”",
             "A rebel spokesman said: “Rebels still hold 40 percent of eastern Aleppo.”"]
    ex = newsclaims.extract(texts, published=["2016-12-08", None, None])  # "on Monday" needs a publication date
    with pytest.warns(UserWarning, match=r"plot_timeline: 2 of 3 numeric claims left out as undated"):
        ax = ex.plot_timeline(unit="percent")
    assert [line.get_label() for line in ax.get_lines()] == ["Lavrov"]
    assert any("2 of 3 numeric claims left out as undated" in t.get_text() for t in ax.texts)
    dated = newsclaims.extract(texts, published=["2016-12-08", "2016-12-13", "2016-12-10"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert not dated.plot_timeline(unit="percent").texts


# --- typing ------------------------------------------------------------------------------------

def test_mypy_strict_accepts_the_package_and_an_example_session(seeds_dir, tmp_path):
    # The package's own modules and a researcher's script using them type-check under --strict
    # (`python -m mypy --strict python/newsclaims`, issue 6). One run for both (most of its time
    # is reading pandas-stubs); no cache left in the tree.
    example = ROOT / "tests" / "typed_example.py"
    package = ROOT / "python" / "newsclaims"
    proc = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
                           "--cache-dir", str(tmp_path / "cache"), "--strict", str(package), str(example)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    modules = len(list(package.glob("*.py"))) + len(list(package.glob("*.pyi")))
    assert f"Success: no issues found in {modules + 1} source files" in proc.stdout, proc.stdout
    # The stub against the compiled module: `python -m mypy.stubtest` in .ci/run (30 s here).
    run = subprocess.run([sys.executable, str(example), str(seeds_dir)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
