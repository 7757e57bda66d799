"""Source identity across documents: claims.source_id and the sources table."""
import pickle

import pandas as pd

import newsclaims
from newsclaims import SCHEMA, Extraction


def source_of(ex, doc_id, source):
    """The source_ids of the claims of `doc_id` whose resolved source is `source`."""
    c = ex.claims
    return set(c.loc[(c["doc_id"] == doc_id) & (c["source"] == source), "source_id"])


def row(ex, source_id):
    return ex.sources.set_index("source_id").loc[source_id]


def test_sources_table_has_the_schema_and_every_claim_with_a_source_has_an_id(seeds):
    assert list(seeds.sources.columns) == [name for name, _, _ in SCHEMA["sources"]]
    assert seeds.claims.columns[-1] == "source_id"
    assert seeds.claims["source_id"].notna().all()
    assert seeds.sources["source_id"].tolist() == list(range(len(seeds.sources)))
    counts = seeds.claims.groupby("source_id").size()
    assert counts.tolist() == seeds.sources["claims"].tolist()
    docs = seeds.claims.groupby("source_id")["doc_id"].nunique()
    assert docs.tolist() == seeds.sources["documents"].tolist()


def test_lavrov_two_spellings_are_one_person(seeds):
    # 002: "Russian Foreign Minister Sergei Lavrov"; 003: "Sergey Lavrov", then "Lavrov said".
    sergei = source_of(seeds, "002_398a2ebf296e5562", "Sergei Lavrov")
    sergey = source_of(seeds, "003_0dc43f7eaad64226", "Sergey Lavrov")
    assert len(sergei) == 1 and sergei == sergey
    lavrov = row(seeds, sergei.pop())
    assert lavrov["name"] == "Sergei Lavrov"
    assert lavrov["type"] == "person"
    assert lavrov["documents"] == 2
    aliases = lavrov["aliases"].split("; ")
    assert {"Sergei Lavrov", "Sergey Lavrov", "Lavrov", "The top Russian diplomat"} <= set(aliases)
    assert "he" not in aliases
    assert "Russian Foreign Minister" in lavrov["roles"]


def test_people_are_kept_apart(seeds):
    people = seeds.sources[seeds.sources["type"] == "person"]
    assert people["name"].is_unique
    lavrov = source_of(seeds, "003_0dc43f7eaad64226", "Sergey Lavrov")
    peskov = source_of(seeds, "003_0dc43f7eaad64226", "Dmitry Peskov")
    zakharova = source_of(seeds, "003_0dc43f7eaad64226", "Maria Zakharova")
    assert len(lavrov | peskov | zakharova) == 3
    assert {"Sergei Rudskoi", "Igor Konashenkov", "Dmitry Peskov", "Maria Zakharova", "Vladimir Putin"} <= set(
        people["name"])


def test_observatory_three_mentions_are_one_source(seeds):
    # "the UK-based so-called Syrian Observatory for Human Rights" (000), "The so-called Syrian
    # Observatory for Human Rights" (002, 004).
    c = seeds.claims
    ids = set(c.loc[c["source"] == "Syrian Observatory for Human Rights", "source_id"])
    assert len(ids) == 1
    sohr = row(seeds, ids.pop())
    assert (sohr["name"], sohr["type"], sohr["documents"]) == ("Syrian Observatory for Human Rights",
                                                              "organisation", 3)


def test_defense_ministry_and_country_across_seeds(seeds):
    c = seeds.claims
    ministry = set(c.loc[c["source"] == "Russian Defense Ministry", "source_id"])
    assert len(ministry) == 1
    assert row(seeds, ministry.pop())["documents"] == 2
    russia = set(c.loc[c["source"] == "Russia", "source_id"])
    assert len(russia) == 1
    assert row(seeds, russia.pop())["type"] == "country"
    # Two articles' "diplomats" or "militants" are not the same people.
    anonymous = seeds.sources[seeds.sources["type"] == "anonymous"]
    assert (anonymous["documents"] == 1).all()
    assert "A French diplomatic source" in set(anonymous["name"])


ARTICLES = [
    # Written for this test: spellings, possessives, acronyms and short names across articles.
    "The Russian Defence Ministry said on Monday that 500 fighters had left.\n\n“The corridor is open,” "
    "Sergey Shoigu said.\n\nThe Syrian Observatory for Human Rights said 20 civilians were killed.",
    "Russia's Defense Ministry said the strikes hit a depot.\n\nThe so-called Syrian Observatory for Human "
    "Rights said 30 people died. The Observatory said the toll rose to 35 by the evening.\n\n"
    "Sergei Shoigu said: “We will continue to help.”\n\nDmitri Peskov said the talks would go on.",
    "SOHR said the shelling continued overnight.\n\n“Nothing has changed,” Dmitry Peskov said.\n\n"
    "The Russian Ministry of Defence said the convoy arrived. Officials said the road was closed.",
    "Officials said the airport reopened.\n\nPeskov said: “We welcome the news.”\n\n"
    "A diplomatic source said the meeting was postponed.",
]


def test_articles_written_by_the_test():
    ex = newsclaims.extract(ARTICLES, ids=["a", "b", "c", "d"])
    c = ex.claims
    by_source = c.groupby("source")["source_id"].agg(lambda s: set(s))

    def ids(*names):
        return set().union(*(by_source[n] for n in names if n in by_source.index))

    ministry = ids("Russian Defence Ministry", "Russia's Defense Ministry", "Russian Ministry of Defence")
    assert len(ministry) == 1
    assert row(ex, next(iter(ministry)))["documents"] == 3
    sohr = set(c.loc[c["source"].isin(["Syrian Observatory for Human Rights", "SOHR", "Observatory"]), "source_id"])
    assert len(sohr) == 1
    assert row(ex, next(iter(sohr)))["documents"] == 3
    assert row(ex, next(iter(sohr)))["name"] == "Syrian Observatory for Human Rights"
    shoigu = ids("Sergey Shoigu", "Sergei Shoigu")
    peskov = ids("Dmitri Peskov", "Dmitry Peskov")
    assert len(shoigu) == 1 and len(peskov) == 1 and shoigu != peskov
    assert row(ex, next(iter(peskov)))["documents"] == 2
    # A bare surname joins a full name only within its document: "Peskov" alone in d stays apart.
    assert ids("Peskov") and ids("Peskov") != peskov
    officials = set(c.loc[c["source"] == "Officials", "source_id"])
    assert len(officials) == 2  # one per article
    assert set(ex.sources.loc[ex.sources["source_id"].isin(officials), "type"]) == {"anonymous"}


def test_concat_numbers_sources_again_over_all_parts(seeds_dir):
    files = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    whole = newsclaims.extract_files(*files)
    parts = [newsclaims.extract_files(f) for f in files]
    joined = Extraction.concat(parts)
    assert joined.claims["source_id"].tolist() == whole.claims["source_id"].tolist()
    pd.testing.assert_frame_equal(joined.sources, whole.sources)
    # Streaming batches join the same way; their ids are run-wide already (per batch with
    # run_ids=False).
    stream = newsclaims.iter_extract(seeds_dir, batch_size=2)
    batches = list(stream)
    assert batches[0].sources["source_id"].iloc[0] == 0 and batches[1].sources["source_id"].iloc[0] > 0
    pd.testing.assert_frame_equal(stream.sources, whole.sources)
    pd.testing.assert_frame_equal(Extraction.concat(batches).sources, whole.sources)
    per_batch = list(newsclaims.iter_extract(seeds_dir, batch_size=2, run_ids=False))
    assert per_batch[0].sources["source_id"].iloc[0] == 0 and per_batch[1].sources["source_id"].iloc[0] == 0
    pd.testing.assert_frame_equal(Extraction.concat(per_batch).sources, whole.sources)


def test_sources_in_arrow_polars_pickle_and_merge(seeds):
    arrow = seeds.to_arrow()
    assert arrow["sources"].num_rows == len(seeds.sources)
    assert str(arrow["sources"].schema.field("source_id").type) == "int64"
    again = pickle.loads(pickle.dumps(seeds))
    pd.testing.assert_frame_equal(again.sources, seeds.sources)
    m = seeds.merge(quantities=False)
    assert len(m) == len(seeds.claims)
    lavrov = m[m["source_name"] == "Sergei Lavrov"]
    assert set(lavrov["source"]) == {"Sergei Lavrov", "Sergey Lavrov"}
    assert set(lavrov["source_type"]) == {"person"}
    assert seeds.table("sources") is seeds.sources


def test_empty_input_has_an_empty_sources_table():
    ex = newsclaims.extract([])
    assert list(ex.sources.columns) == [name for name, _, _ in SCHEMA["sources"]]
    assert len(ex.sources) == 0
    assert str(ex.claims["source_id"].dtype) == "Int64"
