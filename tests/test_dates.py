"""Dates in any century (issue 24): years outside pandas' nanosecond range (1677-2262) are kept
as dates, in every table and every way of building it, and never fail a document or a call."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import newsclaims

#: a biography (the GUM corpus has one like it), a chronicle and a forecast, with a plain news
#: article between them that must come through untouched
BIOGRAPHY = ("Lady Anne Clifford was born at Skipton Castle in 1590. On 31 March 1635 she told the court "
             "that she would never give up the castles of Westmorland.")
CHRONICLE = ("“The Norman fleet has landed at Pevensey and the king is marching south,” the chronicler "
             "wrote on 14 October 1066.")
FORECAST = ("The agency said on 1 January 2300 that 40 percent of the Greenland ice sheet would be gone "
            "by then.")
NEWS = "“We will not accept any truce,” Shehabi said on Friday. Some 1,200 people fled the city."
TEXTS = [BIOGRAPHY, NEWS, CHRONICLE, FORECAST]
IDS = ["clifford", "aleppo", "hastings", "ice"]


def _dates(df: pd.DataFrame) -> dict:
    return {d: v.date() for d, v in zip(df["doc_id"], df["date"]) if pd.notna(v)}


def _check(ex: newsclaims.Extraction) -> None:
    assert ex.documents["error"].isna().all()
    assert ex.documents["warnings"].isna().all()
    for table in ("claims", "quantities"):
        assert str(ex.table(table)["date"].dtype) == "datetime64[us]"
    assert str(ex.documents["published"].dtype) == "datetime64[us]"
    claims = ex.claims.set_index("doc_id")
    assert claims.loc["clifford", "date_text"] == "On 31 March 1635"
    assert claims.loc["clifford", "date"] == pd.Timestamp("1635-03-31")
    assert claims.loc["hastings", "date_text"] == "on 14 October 1066"
    assert claims.loc["hastings", "date"] == pd.Timestamp("1066-10-14")
    assert claims.loc["ice", "date_text"] == "on 1 January 2300"
    assert claims.loc["ice", "date"] == pd.Timestamp("2300-01-01")
    assert claims.loc["aleppo", "source"] == "Shehabi"
    q = ex.quantities
    assert q.loc[q["text"] == "40 percent", "date"].tolist() == [pd.Timestamp("2300-01-01")]
    assert q.loc[q["text"] == "Some 1,200", "value"].tolist() == [1200.0]


def test_claims_and_quantities_of_1066_1635_and_2300_keep_their_dates():
    ex = newsclaims.extract(TEXTS, ids=IDS)
    _check(ex)
    assert _dates(ex.claims) == {"clifford": dt.date(1635, 3, 31), "hastings": dt.date(1066, 10, 14),
                                 "ice": dt.date(2300, 1, 1)}


def test_publication_dates_outside_the_nanosecond_range():
    ex = newsclaims.extract(TEXTS, ids=IDS, published=["1635-04-02", "2016-12-09", "1066-10-20", "2300-01-05T12:30"])
    assert ex.documents["published"].tolist() == [pd.Timestamp("1635-04-02"), pd.Timestamp("2016-12-09"),
                                                  pd.Timestamp("1066-10-20"), pd.Timestamp("2300-01-05 12:30")]
    # "on Friday" resolves against the publication date as before.
    assert ex.claims.set_index("doc_id").loc["aleppo", "date"] == pd.Timestamp("2016-12-09")
    assert ex.documents["warnings"].isna().all()


def test_files_streams_concat_and_arrow_agree(tmp_path: Path):
    for doc_id, text in zip(IDS, TEXTS):
        (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    paths = [tmp_path / f"{i}.txt" for i in IDS]
    files = newsclaims.extract_files(*paths)
    _check(files)
    batches = list(newsclaims.iter_extract(paths, batch_size=1))
    assert [len(b) for b in batches] == [1, 1, 1, 1]
    for b in batches:
        assert str(b.claims["date"].dtype) == "datetime64[us]"
    joined = newsclaims.Extraction.concat(batches)
    _check(joined)
    pd.testing.assert_frame_equal(joined.claims.drop(columns=["cluster_id", "source_id"]),
                                  files.claims.drop(columns=["cluster_id", "source_id"]))
    arrow = files.to_arrow()
    assert arrow["claims"].schema.field("date").type == pa.timestamp("us")
    assert dt.date(1066, 10, 14) in [d.date() for d in arrow["claims"].column("date").to_pylist() if d]


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_command_line_writes_old_and_future_dates(tmp_path: Path, suffix: str):
    for doc_id, text in zip(IDS, TEXTS):
        (tmp_path / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out" / f"claims{suffix}"
    out.parent.mkdir()
    done = subprocess.run([sys.executable, "-m", "newsclaims", str(tmp_path), "-o", str(out), "--batch-size", "2"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    if suffix == ".parquet":
        back = pd.read_parquet(out)
        assert str(back["date"].dtype) == "datetime64[us]"
        dates = back.set_index("doc_id")["date"]
        assert dates["hastings"] == pd.Timestamp("1066-10-14")
    else:
        back = pd.read_csv(out) if suffix == ".csv" else pd.read_json(out, lines=True, dtype=False)
        dates = back.set_index("doc_id")["date"].map(lambda s: str(s)[:10])
    assert dates["clifford"] == "1635-03-31" or dates["clifford"] == pd.Timestamp("1635-03-31")
    assert str(dates["hastings"])[:10] == "1066-10-14"
    assert str(dates["ice"])[:10] == "2300-01-01"


def test_lenient_caller_dates_outside_the_nanosecond_range():
    # Not ISO 8601: parsed leniently by pandas, still in microseconds, NaT for what is no date.
    from newsclaims._schema import frame

    docs = frame("documents", {"doc_id": ["a", "b", "c"], "published": ["31 March 1635", "not a date", None]})
    assert docs["published"].tolist()[0] == pd.Timestamp("1635-03-31")
    assert docs["published"].isna().tolist() == [False, True, True]
    assert str(docs["published"].dtype) == "datetime64[us]"
