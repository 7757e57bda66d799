"""Across articles: metadata for files, claim repeats (cluster_id, clusters()), one measure over
time (track()) and contradictions()."""
import json

import pandas as pd
import pytest

import newsclaims
from conftest import ROOT

METADATA = ROOT / "examples" / "seeds_metadata.csv"


@pytest.fixture(scope="module")
def aleppo():
    return newsclaims.Extractor(implied_quantities=True).extract_files(ROOT / "seeds", metadata=METADATA)


# --- metadata ----------------------------------------------------------------------------------

def test_metadata_gives_publication_dates_and_the_dateline_stays(aleppo):
    published = dict(zip(aleppo.documents["doc_id"].str[:3], aleppo.documents["published"].astype(str)))
    assert published == {"000": "2016-11-29 00:00:00", "001": "2016-12-09 00:00:00", "002": "2016-12-15 00:00:00",
                         "003": "2016-12-07 19:16:00", "004": "2016-12-16 00:00:00"}
    # "on Tuesday" in 000 now resolves against the given date (Tuesday 29 November 2016).
    c = aleppo.claims
    assert c.loc[c["date_text"] == "on Tuesday", "date"].astype(str).tolist()[0] == "2016-11-29"


def test_metadata_as_a_dataframe_with_other_columns(seeds_dir, seeds):
    meta = pd.DataFrame({"doc_id": ["004_8282c921d1c710be"], "published": ["2016-12-16"],
                         "outlet": ["RT"], "title": ["Aleppo retaken"]})
    ex = newsclaims.extract_files(seeds_dir, metadata=meta)
    docs = ex.documents.set_index("doc_id")
    assert docs.loc["004_8282c921d1c710be", "outlet"] == "RT"
    assert docs.loc["004_8282c921d1c710be", "title"] == "Aleppo retaken"
    assert pd.isna(docs.loc["000_80e81b5a0bd1fe9d", "outlet"])
    # Documents the metadata does not name keep their own titles.
    assert docs["title"].drop("004_8282c921d1c710be").equals(
        seeds.documents.set_index("doc_id")["title"].drop("004_8282c921d1c710be"))
    with pytest.raises(KeyError, match="id column"):
        newsclaims.extract_files(seeds_dir, metadata=pd.DataFrame({"published": ["2016-12-16"]}))
    with pytest.raises(ValueError, match="unique"):
        newsclaims.extract_files(seeds_dir, metadata=pd.DataFrame({"id": ["a", "a"]}))


def test_implied_quantities_are_off_by_default(seeds):
    assert not (seeds.quantities["qualifier"] == "implied").any()


# --- the Aleppo timeline -----------------------------------------------------------------------

def test_aleppo_control_timeline_from_the_seeds(aleppo):
    t = aleppo.track(counted="Aleppo", unit="percent")
    by_date = t.groupby(t["date"].dt.strftime("%Y-%m-%d"))["value"].agg(lambda v: sorted(set(v)))
    assert by_date.to_dict() == {"2016-11-29": [50.0], "2016-12-07": [70.0], "2016-12-09": [93.0],
                                 "2016-12-15": [99.0], "2016-12-16": [100.0]}
    # Scope stays visible: the east (70%) and the whole city (93%) are told apart.
    scopes = {v: set(g) for v, g in t.groupby("value")["scope"]}
    assert "70% of E. Aleppo" in scopes[70.0]
    assert scopes[93.0] == {"93 % of Aleppo"}
    everything = aleppo.track(unit="percent")
    assert "93 percent of the whole northwestern city" in set(everything["scope"])
    assert "70 percent of the territory that was initially controlled by the militants" in set(everything["scope"])
    assert any("east" in s for s in scopes[50.0])
    full = t[t["value"] == 100.0].iloc[0]
    assert (full["text"], full["qualifier"], full["scope"]) == (
        "full control", "implied", "full control of the militant-held eastern Aleppo")


def test_plot_of_the_timeline_has_every_date(aleppo, tmp_path):
    import matplotlib as mpl
    mpl.use("Agg")
    from newsclaims._plot import timeline_points

    points = timeline_points(aleppo, unit="percent", counted="Aleppo")
    assert points["when"].dt.strftime("%m-%d").drop_duplicates().tolist() == [
        "11-29", "12-07", "12-09", "12-15", "12-16"]


# --- repeats -----------------------------------------------------------------------------------

STATEMENT = ("“Over the past 24 hours the Syrian army has liberated 12 neighbourhoods in the eastern part of "
             "Aleppo and more than 1,200 civilians have left through the humanitarian corridors,” "
             "Igor Konashenkov said.")
PARAPHRASE = ("Igor Konashenkov said: “Over the past 24 hours the Syrian army liberated 12 neighborhoods in the "
              "eastern part of Aleppo, and more than 1,200 civilians have left through humanitarian corridors.”")
UNRELATED = [
    "“We will not leave the city while our families are still under siege,” a rebel commander told Reuters.",
    "Lavrov said: “The talks with Washington on a ceasefire will continue in Geneva on Saturday.”",
]


def test_a_statement_repeated_verbatim_and_edited_by_two_outlets_is_one_cluster():
    texts = [STATEMENT + " " + UNRELATED[0], PARAPHRASE, STATEMENT, UNRELATED[1]]
    ex = newsclaims.extract(texts, ids=["tass", "rt", "sputnik", "ap"],
                            published=["2016-12-02", "2016-12-03", "2016-12-02", "2016-12-03"])
    c = ex.claims.set_index(["doc_id", "claim_id"])
    konashenkov = c[c["source"] == "Igor Konashenkov"]["cluster_id"]
    assert len(konashenkov) == 3 and konashenkov.nunique() == 1 and konashenkov.notna().all()
    others = c[c["source"] != "Igor Konashenkov"]["cluster_id"]
    assert len(others) == 2 and others.isna().all()
    clusters = ex.clusters()
    assert len(clusters) == 1
    row = clusters.iloc[0]
    assert (row["n_claims"], row["n_documents"], row["first_doc_id"]) == (3, 3, "tass")
    assert str(row["first_published"].date()) == "2016-12-02"
    assert row["documents"] == ["tass", "sputnik", "rt"]
    assert row["dates"] == ["2016-12-02", "2016-12-03"]
    assert row["sources"] == ["Igor Konashenkov"]


def test_repeats_are_found_across_the_parts_of_one_run(tmp_path):
    # A .txt file and a .jsonl record file go to the core in two calls; cluster ids span both.
    (tmp_path / "a.txt").write_text(STATEMENT, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b1", "text": PARAPHRASE}) + "\n"
                                      + json.dumps({"id": "b2", "text": UNRELATED[1]}) + "\n", encoding="utf-8")
    ex = newsclaims.extract_files(tmp_path)
    ids = ex.claims.set_index("doc_id")["cluster_id"]
    assert ids["a"] == ids["b1"] == 0
    assert pd.isna(ids["b2"])


def test_no_repeats_no_clusters(seeds):
    empty = newsclaims.extract(["Lavrov said: “The talks will continue in Geneva next week.”"])
    assert empty.claims["cluster_id"].isna().all()
    assert empty.clusters().empty and list(empty.clusters().columns)[:3] == ["cluster_id", "n_claims", "n_documents"]


# --- contradictions ----------------------------------------------------------------------------

def test_two_sources_same_day_different_counts_is_one_contradiction():
    texts = ["The Syrian Observatory for Human Rights said on Monday that 1,200 civilians had fled eastern Aleppo.",
             "The Russian Defence Ministry said on Monday that 900 civilians had fled eastern Aleppo.",
             # Agrees with both ("more than 800") or is another day: no contradiction.
             "The Red Cross said on Monday that more than 800 civilians had fled eastern Aleppo.",
             "The Russian Defence Ministry said on Tuesday that 2,000 civilians had fled eastern Aleppo."]
    ex = newsclaims.extract(texts, published=["2016-12-13"] * 4)
    found = ex.contradictions()
    assert len(found) == 1
    row = found.iloc[0]
    assert str(row["date"].date()) == "2016-12-12"
    # Every source of that measure and day is listed, the Red Cross's "more than 800" too.
    assert (row["counted"], row["unit"], row["n_sources"]) == ("civilian", "count", 3)
    assert (row["min_value"], row["max_value"]) == (800.0, 1200.0)
    assert "Syrian Observatory for Human Rights: 1,200" in row["statements"]
    assert ex.contradictions(counted="tanks").empty
