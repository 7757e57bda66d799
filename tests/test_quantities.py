"""Quantities on the seed articles and on single sentences, through the public Python API."""
from pathlib import Path

import pandas as pd
import pytest

import newsclaims

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds():
    return newsclaims.extract_files(str(SEEDS))


def rows(ex, doc_prefix):
    q = ex.quantities
    return q[q["doc_id"].str.startswith(doc_prefix)]


def one(ex, doc_prefix, text):
    q = rows(ex, doc_prefix)
    hit = q[q["text"] == text]
    assert len(hit) >= 1, f"{text!r} not among {list(q['text'])}"
    return hit.iloc[0]


def test_digits_with_separators_and_qualifiers(seeds):
    q = one(seeds, "001", "as many as 10,500")
    assert (q["value"], q["qualifier"], q["unit"], q["counted"]) == (10500.0, "up_to", "count", "people")
    q = one(seeds, "004", "more than 9,500")
    assert (q["value"], q["qualifier"], q["counted"]) == (9500.0, "more_than", "people")
    q = one(seeds, "001", "around 8,500")
    assert (q["value"], q["qualifier"], q["counted"]) == (8500.0, "approx", "civilians")


def test_percent_and_whole(seeds):
    q = one(seeds, "001", "93 %")
    assert (q["value"], q["unit"], q["counted"]) == (93.0, "percent", "Aleppo")
    q = one(seeds, "002", "99 percent")
    assert (q["value"], q["unit"], q["counted"]) == (99.0, "percent", "Aleppo")


def test_fractions_words_and_partitive(seeds):
    q = one(seeds, "001", "one third")
    assert q["value"] == pytest.approx(1 / 3) and q["unit"] == "fraction" and q["direction"] == "down"
    q = one(seeds, "000", "seven")
    assert (q["value"], q["counted"]) == (7.0, "civilians")
    q = one(seeds, "001", "953")
    assert q["counted"] == "militants"  # "953 of them", them = the militants counted before


def test_vague_magnitudes_ranges_and_compounds(seeds):
    q = one(seeds, "002", "tens of thousands")
    assert pd.isna(q["value"]) and (q["low"], q["high"], q["qualifier"]) == (1e4, 1e5, "vague")
    q = one(seeds, "001", "dozens of tonnes")
    assert (q["unit"], q["qualifier"], q["counted"]) == ("tonne", "vague", "aid")
    q = one(seeds, "002", "2 to 3 days")
    assert pd.isna(q["value"]) and (q["low"], q["high"], q["unit"]) == (2.0, 3.0, "day")
    q = one(seeds, "002", "two to three days")
    assert (q["low"], q["high"]) == (2.0, 3.0)
    q = one(seeds, "003", "five-day")
    assert (q["value"], q["unit"], q["counted"]) == (5.0, "day", "truce")


def test_no_dates_years_or_clock_times(seeds):
    texts = set(seeds.quantities["text"])
    assert not texts & {"2016", "14", "19:16", "2011"}


def test_quantity_date_from_its_sentence(seeds):
    # Seed 003 was published on 2016-12-07; "over the past 24 hours" ends that day.
    q = one(seeds, "003", "24 hours")
    assert q["date"] == pd.Timestamp("2016-12-07")


def test_quantity_takes_its_claim_date():
    ex = newsclaims.extract(
        ["The army now controls 93 percent of the city, the ministry said on Tuesday."],
        published=["2016-12-07"],
    )
    q = ex.quantities.iloc[0]
    assert q["text"] == "93 percent"
    assert q["date"] == pd.Timestamp("2016-12-06")


@pytest.mark.parametrize(
    "sentence, text, value, unit, direction",
    [
        ("The Dow Jones Industrial Average rose 0.65 per cent to end at 27,349.19.", "0.65 per cent", 0.65, "percent", "up"),
        ("Exports to China fell by 200 last year.", "200", 200.0, "count", "down"),
        ("Aid of $2.3bn was pledged.", "$2.3bn", 2.3e9, "USD", None),
        ("Winds reached 50mph.", "50mph", 50.0, "mile per hour", None),
        ("The fine is 10.5 million Australian dollars.", "10.5 million Australian dollars", 10.5e6, "AUD", None),
        ("It has twenty-one members.", "twenty-one", 21.0, "count", None),
    ],
)
def test_single_sentences(sentence, text, value, unit, direction):
    q = newsclaims.extract([sentence]).quantities
    hit = q[q["text"] == text]
    assert len(hit) == 1, list(q["text"])
    got = hit.iloc[0]
    assert got["value"] == pytest.approx(value) and got["unit"] == unit
    assert (None if pd.isna(got["direction"]) else got["direction"]) == direction


def test_schema_has_date_last():
    ex = newsclaims.extract([""])
    assert list(ex.quantities.columns)[-1] == "date"
    assert str(ex.quantities["date"].dtype) == "datetime64[us]"  # years 1-9999: see _schema.DATETIME


# Issue 26: readings that went wrong in real articles (FA-KES, the seeds, Canadian copy).
@pytest.mark.parametrize(
    "sentence, text, value, low, high, qualifier, unit, counted",
    [
        ("The ceasefire began on 01-08-2016 and 30 people were killed.", "30", 30.0, None, None, "exact", "count", "people"),
        ("5 Killed in Syria Air Strikes", "5", 5.0, None, None, "exact", "count", "people"),
        ("Scores of Jabhat Fateh al-Sham terrorists were also killed.", "Scores", None, 20.0, 200.0, "vague", "count", "terrorists"),
        ("Terrorists opened fire on the convoy at one of the crossing points.", "one", 1.0, None, None, "exact", "count", "points"),
        ("The company raised $6-billion in new debt.", "$6-billion", 6e9, None, None, "exact", "USD", None),
        ("Between 500 and 1300 people died in the floods.", "Between 500 and 1300", None, 500.0, 1300.0, "exact", "count", "people"),
        ("He died at age 42 after a long illness.", "42", 42.0, None, None, "exact", "year of age", None),
        ("He lost his life over $7 in a robbery.", "$7", 7.0, None, None, "exact", "USD", None),
        ("Analysts expect about a 40 per cent drop in sales.", "about a 40 per cent", 40.0, None, None, "approx", "percent", "drop"),
        ("A couple of people were hurt in the blast.", "A couple", 2.0, None, None, "approx", "count", "people"),
    ],
)
def test_issue_26_readings(sentence, text, value, low, high, qualifier, unit, counted):
    q = newsclaims.extract([sentence]).quantities
    hit = q[q["text"] == text]
    assert len(hit) == 1, list(q["text"])
    got = hit.iloc[0].astype(object).where(hit.iloc[0].notna(), None)
    assert (got["value"], got["low"], got["high"]) == (value, low, high)
    assert (got["qualifier"], got["unit"]) == (qualifier, unit)
    if counted is not None:
        assert got["counted"] == counted


def test_issue_26_lists_records_and_dollars():
    q = newsclaims.extract(["The scores were 39, 42, 60, 44 and 41."]).quantities
    assert list(q["value"]) == [39.0, 42.0, 60.0, 44.0, 41.0]
    assert newsclaims.extract(["The team is now on a 12-18-2 record after the loss."]).quantities.empty
    ex = newsclaims.extract(
        ["OTTAWA — The federal government will spend $6.5 billion on housing.",
         "The province will spend $6.5 billion on hospitals.",
         "The province will spend $6.5 billion on hospitals."],
        ids=["a", "https://www.cbc.ca/news/canada/x", "c"],
    )
    assert list(ex.quantities["unit"]) == ["CAD", "CAD", "USD"]


@pytest.mark.parametrize(
    "sentence, text, subject",
    [
        ("Apple's revenue rose 5% to $90 billion.", "5%", "Apple"),
        ("Apple's revenue rose 5% to $90 billion.", "$90 billion", "Apple"),
        ("Ford has 13,000 workers in the United Kingdom.", "13,000", "Ford"),
        ("However core inflation rose 0.3% in June.", "0.3%", "core inflation"),
        ("The unemployment rate fell to 4.1% in May.", "4.1%", "unemployment rate"),
        ("93 percent of the city was retaken.", "93 percent", None),
        ("It rose 5% last year.", "5%", None),
    ],
)
def test_subject_is_whose_number_it_is(sentence, text, subject):
    q = newsclaims.extract([sentence]).quantities
    got = q[q["text"] == text]["subject"].iloc[0]
    assert (None if pd.isna(got) else got) == subject
