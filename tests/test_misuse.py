"""Bad API use gets a clear exception that says what was wrong."""
import pandas as pd
import pytest

import newsclaims


@pytest.mark.parametrize("texts, error, match", [
    ("one article", TypeError, "not a single str"),
    (b"bytes", TypeError, "not a single str"),
    (["fine", None], TypeError, r"texts\[1\] is NoneType, not str"),
    (["fine", b"bytes"], TypeError, r"texts\[1\] is bytes, not str"),
    (42, TypeError, "not iterable"),
])
def test_wrong_text_types(texts, error, match):
    with pytest.raises(error, match=match):
        newsclaims.extract(texts)


def test_mismatched_lengths():
    with pytest.raises(ValueError, match="ids has 3 items but texts has 2"):
        newsclaims.extract(["a", "b"], ids=["x", "y", "z"])
    with pytest.raises(ValueError, match="published has 1 items but texts has 2"):
        newsclaims.extract(["a", "b"], published=["2016-12-07"])
    with pytest.raises(ValueError, match="titles has 0 items but texts has 1"):
        newsclaims.extract(["a"], titles=[])


def test_duplicate_ids_raise_naming_the_id_and_positions():
    with pytest.raises(ValueError, match=r"ids must be unique: 'a' is given at positions 0 and 2"):
        newsclaims.extract(["x", "y", "z"], ids=["a", "b", "a"])
    # ids are compared as the str they become in doc_id
    with pytest.raises(ValueError, match="'1' is given at positions 0 and 1"):
        newsclaims.extract(["x", "y"], ids=[1, "1"])
    df = pd.DataFrame({"text": ["x", "y"]}, index=[7, 7])
    with pytest.raises(ValueError, match="ids must be unique"):
        newsclaims.extract_frame(df)
    assert newsclaims.extract_frame(df.reset_index(drop=True)).documents["doc_id"].tolist() == ["0", "1"]


def test_record_files_keep_their_own_repeated_ids(tmp_path):
    # ids inside a data file are the data's own: repeated ones are kept, not raised
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": 1, "text": "a"}\n{"id": 1, "text": "b"}\n', encoding="utf-8")
    ex = newsclaims.extract_files(str(path))
    assert ex.documents["doc_id"].tolist() == ["1", "1"]


def test_unknown_table_name():
    ex = newsclaims.extract(["a"])
    with pytest.raises(ValueError, match="unknown table 'claim'; choose one of documents, claims"):
        ex.table("claim")


@pytest.mark.parametrize("jobs, error, match", [
    (-1, ValueError, "jobs must be at least 1, got -1"),
    (0, ValueError, "jobs must be at least 1, got 0"),
    (1.5, TypeError, "jobs must be an int or None, not float"),
    ("2", TypeError, "jobs must be an int or None, not str"),
    (True, TypeError, "jobs must be an int or None, not bool"),
])
def test_bad_jobs(jobs, error, match):
    with pytest.raises(error, match=match):
        newsclaims.extract(["a"], jobs=jobs)
    with pytest.raises(error, match=match):
        newsclaims.Extractor(jobs=jobs)


def test_bad_extractor_options():
    with pytest.raises(ValueError, match="max_document_bytes must be >= 0"):
        newsclaims.Extractor(max_document_bytes=-1)
    with pytest.raises(TypeError, match="not one str"):
        newsclaims.Extractor(boilerplate="Advertisement")


def test_bad_paths():
    with pytest.raises(TypeError, match="paths must be str or os.PathLike, not int"):
        newsclaims.extract_files(3)
    with pytest.raises(FileNotFoundError, match="no such file or directory"):
        newsclaims.extract_files("/no/such/dir")


def test_extract_frame_misuse():
    with pytest.raises(TypeError, match="df must be a pandas or polars DataFrame, not list"):
        newsclaims.extract_frame(["a"])
    with pytest.raises(KeyError, match="text column 'body' is not in the DataFrame"):
        newsclaims.extract_frame(pd.DataFrame({"text": ["a"]}), text="body")


def test_a_missing_id_is_a_value_error_naming_its_index():
    import math

    text = "Lavrov said: “The talks will continue.”"
    for ids, position in (([None, "a"], 0), (["a", math.nan], 1), (["a", "b", pd.NA], 2)):
        with pytest.raises(ValueError, match=rf"ids\[{position}\] is missing"):
            newsclaims.extract([text] * len(ids), ids=ids)
    df = pd.DataFrame({"text": [text, text], "id": ["a", None]}, index=[10, 11])
    with pytest.raises(ValueError, match=r"row 11 \(position 1\)"):
        newsclaims.extract_frame(df, id="id")


def test_a_time_zone_aware_published_is_converted_to_utc_with_a_warning():
    import datetime as dt

    text = "Lavrov said: “The talks will continue.”"
    given = [pd.Timestamp("2016-08-12 23:30", tz="Europe/Berlin"), "2016-08-12T23:30:00+02:00",
             "2016-08-12T16:30:00-05:00", dt.datetime(2016, 8, 12, 21, 30, tzinfo=dt.timezone.utc),
             "2016-08-12T21:30:00Z", dt.datetime(2016, 8, 12, 23, 30), "2016-08-12"]
    with pytest.warns(UserWarning, match="3 time-zone-aware published value"):
        ex = newsclaims.extract([text] * len(given), published=given)
    assert ex.documents["published"].astype(str).tolist() == ["2016-08-12 21:30:00"] * 5 + [
        "2016-08-12 23:30:00", "2016-08-12 00:00:00"]
    notes = ex.documents["warnings"].tolist()
    assert all("converted to UTC: 2016-08-12T21:30:00" in n for n in notes[:3])
    assert notes[3:] == [pd.NA] * 4, "values already in UTC, and naive ones, get no note"
    df = pd.DataFrame({"text": [text], "published": pd.to_datetime(["2016-08-12 23:30"]).tz_localize("Europe/Berlin")})
    with pytest.warns(UserWarning):
        assert str(newsclaims.extract_frame(df, published="published").documents.loc[0, "published"]) == "2016-08-12 21:30:00"
    stream = newsclaims.iter_extract([{"text": text, "published": "2016-08-12T23:30:00+02:00"}])
    docs = next(iter(stream)).documents
    assert str(docs.loc[0, "published"]) == "2016-08-12 21:30:00" and "converted to UTC" in docs.loc[0, "warnings"]
