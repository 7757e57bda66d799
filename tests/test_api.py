"""The public API on the seeds: tables, offsets, errors, determinism, pickling."""
import multiprocessing
import pickle
from pathlib import Path

import pandas as pd
import pytest

import newsclaims
from newsclaims import SCHEMA

SEED_IDS = ["000_80e81b5a0bd1fe9d", "001_a9c13b5928213242", "002_398a2ebf296e5562",
            "003_0dc43f7eaad64226", "004_8282c921d1c710be"]


def test_five_seed_documents_in_order_without_errors(seeds):
    assert seeds.documents["doc_id"].tolist() == SEED_IDS
    assert seeds.documents["error"].isna().all()
    assert (seeds.documents["n_sentences"] > 5).all()
    assert repr(seeds).startswith("<Extraction: 5 documents (0 with errors), ")


def test_konashenkov_quote(seeds):
    c = seeds.claims[seeds.claims["doc_id"] == SEED_IDS[0]]
    quote = c[c["content"].str.startswith("During the last 24 hours")]
    assert len(quote) == 1
    row = quote.iloc[0]
    assert row["source"] == "Igor Konashenkov"
    assert row["kind"] == "direct"
    assert row["cue"] == "said"
    assert "Major-General" in row["source_role"]
    # "he said" in the next paragraph resolves to the same man
    he = c[c["content"].str.startswith("Practically, half of the territory")].iloc[0]
    assert (he["source_text"], he["source"]) == ("he", "Igor Konashenkov")


def test_10500_is_a_quantity_with_its_value(seeds):
    q = seeds.quantities[seeds.quantities["doc_id"] == SEED_IDS[1]]
    hit = q[q["text"].str.contains("10,500")]
    assert len(hit) == 1
    assert hit.iloc[0]["value"] == 10500
    assert hit.iloc[0]["unit"] == "count"


def test_every_span_slices_the_document_text(seeds):
    texts = dict(zip(seeds.documents["doc_id"], seeds.documents["text"]))
    for row in seeds.claims.itertuples():
        text = texts[row.doc_id]
        assert text[row.content_start:row.content_end] == row.content
        assert row.start <= row.content_start <= row.content_end <= row.end
        if isinstance(row.cue, str):
            assert row.cue in text[row.start:row.end]
    for row in seeds.quantities.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    for row in seeds.sentences.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_offsets_are_character_offsets_with_non_ascii_text():
    text = "Café owners 😀 said nothing. “Über 30 Menschen sind geflohen,” said Anna Müller, a resident."
    ex = newsclaims.extract([text])
    body = ex.documents.loc[0, "text"]
    claim = ex.claims.iloc[0]
    assert body[claim["content_start"]:claim["content_end"]] == "Über 30 Menschen sind geflohen,"
    assert claim["source"] == "Anna Müller"
    q = ex.quantities.iloc[0]
    assert body[q["start"]:q["end"]] == "30"


def test_counts_match_rows(seeds):
    for table, column in (("claims", "n_claims"), ("quantities", "n_quantities"), ("sentences", "n_sentences")):
        counts = getattr(seeds, table).groupby("doc_id").size()
        expected = seeds.documents.set_index("doc_id")[column]
        assert expected.to_dict() == counts.reindex(expected.index, fill_value=0).to_dict()


def test_schema_columns_and_dtypes_also_for_empty_input():
    empty = newsclaims.extract([])
    for name, columns in SCHEMA.items():
        df = empty.table(name)
        assert list(df.columns) == [c for c, _, _ in columns]
        assert len(df) == 0
        for column, dtype, _ in columns:
            assert str(df[column].dtype).startswith(dtype.split("[")[0]), (name, column, df[column].dtype)


def test_schema_names_and_kinds_are_the_cores_columns():
    # The core declares each table's columns once (`table!` in src/table.rs); SCHEMA adds the
    # dtypes and meanings and must list the same columns in the same order.
    from newsclaims import _core
    from newsclaims._schema import _CORE_KINDS

    schema = [(table, [(name, _CORE_KINDS[dtype]) for name, dtype, _ in columns]) for table, columns in SCHEMA.items()]
    assert schema == _core.columns()


def test_dtypes_on_real_output(seeds):
    assert str(seeds.claims["start"].dtype) == "Int64"
    assert seeds.claims["kind"].dtype == "category"
    assert pd.api.types.is_datetime64_any_dtype(seeds.documents["published"])
    published = seeds.documents.set_index("doc_id")["published"]
    assert published[SEED_IDS[3]] == pd.Timestamp("2016-12-07 19:16")
    assert pd.isna(published[SEED_IDS[0]])


def test_categories_are_the_fixed_vocabularies_whatever_the_data_holds(seeds):
    # Two runs over different real texts, and an empty one, concatenate as categories (issue 24, item 5).
    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))]
    a, b, empty = newsclaims.extract(texts[:1]), newsclaims.extract(texts[3:]), newsclaims.extract([])
    columns = [(table, column) for table, cols in SCHEMA.items() for column, dtype, _ in cols if dtype == "category"]
    assert {c for _, c in columns} == {"kind", "rule", "qualifier", "unit", "direction", "type"}
    for table, column in columns:
        vocabulary = newsclaims.vocabulary(table, column)
        assert len(vocabulary) == len(set(vocabulary)) > 1, (table, column)
        for ex in (a, b, empty, seeds):
            assert list(ex.table(table)[column].cat.categories) == vocabulary, (table, column)
        joined = pd.concat([a.table(table), b.table(table), empty.table(table)])
        assert joined[column].dtype == "category", (table, column)
    assert newsclaims.vocabulary("claims", "kind") == ["direct", "mixed", "indirect", "according_to", "headline"]
    assert newsclaims.vocabulary("quantities", "direction") == ["up", "down"]
    assert {"count", "percent", "USD", "USD per month"} <= set(newsclaims.vocabulary("quantities", "unit"))
    rules = newsclaims.rules()
    assert newsclaims.vocabulary("claims", "rule") == list(rules[rules["table"] == "claims"]["name"])
    assert set(a.quantities["unit"].dropna()) | set(b.quantities["unit"].dropna()) <= set(
        newsclaims.vocabulary("quantities", "unit"))


def test_ids_published_and_titles_are_used():
    ex = newsclaims.extract(["“We will not accept any truce,” said Fares Shehabi on Friday."],
                            ids=["a1"], published=[pd.Timestamp("2016-12-07")], titles=["Truce"])
    assert ex.documents.loc[0, "doc_id"] == "a1"
    assert ex.documents.loc[0, "title"] == "Truce"
    claim = ex.claims.iloc[0]
    assert claim["date_text"] == "on Friday"
    assert claim["date"] == pd.Timestamp("2016-12-02")


def test_same_tables_for_any_number_of_jobs(seeds_dir):
    one = newsclaims.extract_files(str(seeds_dir), jobs=1)
    two = newsclaims.extract_files(str(seeds_dir), jobs=2)
    for name in newsclaims.TABLES:
        pd.testing.assert_frame_equal(one.table(name), two.table(name))


def test_non_str_text_raises_type_error_naming_its_index():
    with pytest.raises(TypeError, match=r"texts\[1\] is int"):
        newsclaims.extract(["fine", 42])
    with pytest.raises(TypeError, match="not a single str"):
        newsclaims.extract("one article")


def test_bad_arguments_raise_clear_errors():
    with pytest.raises(ValueError, match="ids has 1 items but texts has 2"):
        newsclaims.extract(["a", "b"], ids=["x"])
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        newsclaims.extract(["a"], jobs=0)
    with pytest.raises(ValueError, match="unknown table 'claim'"):
        newsclaims.extract(["a"]).table("claim")
    with pytest.raises(ValueError, match="invalid option boilerplate"):
        newsclaims.Extractor(boilerplate=["(unclosed"]).extract(["a"])


def test_missing_path_raises_file_not_found(tmp_path):
    missing = tmp_path / "nope"
    with pytest.raises(FileNotFoundError, match="nope"):
        newsclaims.extract_files(str(missing))
    with pytest.raises(FileNotFoundError, match="no files match"):
        newsclaims.extract_files(str(tmp_path / "*.txt"))


def test_unreadable_file_becomes_an_error_row_and_others_survive(tmp_path):
    from newsclaims._core import extract_paths
    from newsclaims._extract import Extraction

    good = tmp_path / "good.txt"
    good.write_text("“The city is almost free now,” said Igor Konashenkov.", encoding="utf-8")
    bad = tmp_path / "bad.txt"  # listed, then gone before it is read (files vanish during long runs)
    ex = Extraction._from_core(extract_paths([str(good), str(bad)], ["good", "bad"]))
    assert ex.documents["doc_id"].tolist() == ["good", "bad"]
    assert ex.documents["error"].isna().tolist() == [True, False]
    assert "cannot read" in ex.documents.loc[1, "error"]
    assert ex.claims["doc_id"].tolist() == ["good"]


def test_oversized_document_gets_a_per_document_error():
    ex = newsclaims.Extractor(max_document_bytes=100).extract(["short", "x" * 101])
    assert ex.documents["error"].isna().tolist() == [True, False]
    assert "more than the limit of 100 bytes" in ex.documents.loc[1, "error"]


def test_user_boilerplate_patterns():
    text = "Join our Aleppo briefing\nThe army advanced into the old city."
    assert "briefing" in newsclaims.extract([text]).documents.loc[0, "text"]
    ex = newsclaims.Extractor(boilerplate=[r"Join our .* briefing"]).extract([text])
    assert ex.documents.loc[0, "text"] == "The army advanced into the old city."


def test_glob_and_progress(seeds_dir):
    seen = []
    ex = newsclaims.extract_files(str(seeds_dir / "00[01]_*.txt"), progress=lambda done, total: seen.append((done, total)))
    assert ex.documents["doc_id"].tolist() == SEED_IDS[:2]
    assert seen == [(2, 2)]


def test_extraction_and_extractor_pickle(seeds):
    again = pickle.loads(pickle.dumps(seeds))
    pd.testing.assert_frame_equal(again.claims, seeds.claims)
    extractor = pickle.loads(pickle.dumps(newsclaims.Extractor(boilerplate=["Read more"], jobs=1)))
    assert extractor.boilerplate == ["Read more"] and extractor.jobs == 1


def test_arrow_tables(seeds):
    arrow = seeds.to_arrow()
    assert arrow["claims"].num_rows == len(seeds.claims)
    assert arrow["quantities"].column_names == list(seeds.quantities.columns)


def _extract_in_child(text):
    return len(newsclaims.extract([text] * 4).claims)


def test_forked_child_after_parallel_run_does_not_hang(seeds_dir):
    newsclaims.extract_files(str(seeds_dir), jobs=2)  # rayon threads now exist in the parent
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        result = pool.map_async(_extract_in_child, ["“We hold the city now,” said Igor Konashenkov."] * 2)
        assert result.get(timeout=60) == [4, 4]


def test_core_results_do_not_depend_on_its_chunk_size(seeds_dir, tmp_path):
    # The core reads and runs its input one chunk (about 2 MiB) at a time to bound memory
    # (src/python/extract.rs, CHUNK_BYTES); one document per chunk must give the very same tables,
    # warnings included (the lone surrogate is in the second chunk), from a list or a generator.
    from newsclaims import _core
    from newsclaims._extract import Extraction
    from newsclaims._schema import TABLES

    paths = sorted(seeds_dir.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts.insert(1, "Lavrov said: “The talks will \ud800continue in Geneva.” Half of the city is free.")
    ids = [f"d{i}" for i in range(len(texts))]
    nones = [None] * len(texts)
    whole = Extraction._from_core(_core.extract_texts(texts, ids, nones, nones))
    assert len(whole.claims) > 10 and len(whole.sentences) > 50
    assert "lone surrogate" in whole.documents.loc[1, "warnings"]
    for chunked in (_core.extract_texts(texts, ids, nones, nones, chunk_bytes=1),
                    _core.extract_texts(iter(texts), ids, nones, nones, chunk_bytes=1000)):
        ex = Extraction._from_core(chunked)
        for name in TABLES:
            pd.testing.assert_frame_equal(getattr(ex, name), getattr(whole, name))
    with pytest.raises(ValueError, match=r"same length \(got 6, 5, 6, 6\)"):
        _core.extract_texts(iter(texts), ids[:-1], nones, nones, chunk_bytes=1)

    files = [str(p) for p in paths]
    stems = [p.stem for p in paths]
    whole = Extraction._from_core(_core.extract_paths(files, stems))
    ex = Extraction._from_core(_core.extract_paths(files, stems, chunk_bytes=1))
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(ex, name), getattr(whole, name))
