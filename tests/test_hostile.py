"""Hostile inputs: each gives one documents row, no exception, and consistent tables.

No timings here: the sizes are chosen so that a quadratic stage would take hours (a 2 MB
document is 4e12 steps at n^2), so the whole file finishing in seconds is the check. The big
sizes are in bench/hostile.py, which prints seconds per MB.
"""
import os
import random
import sys
import unicodedata

import pytest

import newsclaims

MB = 1_000_000


def consistent(ex):
    docs = ex.documents
    texts = dict(zip(docs["doc_id"], docs["text"]))
    for row in ex.claims.itertuples():
        assert texts[row.doc_id][row.content_start:row.content_end] == row.content
    for row in ex.quantities.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    for row in ex.sentences.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    return docs


def one(text):
    ex = newsclaims.extract([text], jobs=1)
    docs = consistent(ex)
    assert len(docs) == 1
    assert docs["error"].isna().all(), docs.loc[0, "error"]
    return ex


def one_file(path):
    ex = newsclaims.extract_files(str(path), jobs=1)
    docs = consistent(ex)
    assert len(docs) == 1
    return ex


def test_large_document_without_punctuation():
    rng = random.Random(0)
    words = "the army said civilians fled Aleppo on Friday Lavrov told reporters 1,200 people".split()
    text = " ".join(rng.choice(words) for _ in range(2 * MB // 6))
    ex = one(text)
    assert ex.documents.loc[0, "n_sentences"] >= 1
    assert len(ex.documents.loc[0, "text"]) > 1.9 * MB


@pytest.mark.parametrize("quote", ['"', "“", "”", "'", "«", "„"])
def test_one_line_of_300000_quote_marks(quote):
    ex = one(quote * 300_000)
    assert len(ex.documents.loc[0, "text"]) == 300_000


def test_many_quote_marks_with_cues_between():
    one("“He said " * 50_000)
    one(("“ ” ‘ ’ « » \" ' „ " * 25_000))


def test_long_sentence_of_numbers():
    ex = one("1,200 and 3.5 million to 7 percent of 12 " * 40_000)
    assert ex.documents.loc[0, "n_quantities"] > 100_000


@pytest.mark.parametrize("html", [
    "<div>" * 200_000,                              # deep and unclosed: no stack overflow
    "<div>" * 100_000 + "text" + "</div>" * 100_000,
    "<b><i><a href=x>text " * 50_000,              # unclosed formatting elements
    "<table><tr><td>" * 50_000,
    "<p>" + "<span>" * 999 + "Lavrov said: “Fine.”" + "</span>" * 999 + "</p>",
    "<!--" + "x" * MB,                              # unclosed comment
    "<script>" + "if (a < b) {" * 50_000,          # unclosed script
])
def test_deep_nested_and_unclosed_html(tmp_path, html):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    docs = one_file(path).documents
    assert docs["error"].isna().all(), docs.loc[0, "error"]


def test_100000_tiny_documents():
    texts = ["x", "", "“", "1", "He said."] * 20_000
    ex = newsclaims.extract(texts)
    assert len(ex.documents) == 100_000
    assert ex.documents["doc_id"].tolist() == [str(i) for i in range(100_000)]
    assert ex.documents["error"].isna().all()


def test_binary_files_under_a_text_name_are_errors(tmp_path):
    path = tmp_path / "random.txt"
    path.write_bytes(random.Random(1).randbytes(MB // 2))
    # Binary content under a text name is an error, not a document of mojibake (issue 24).
    docs = one_file(path).documents
    assert docs["error"].tolist() == ["binary file (unknown format), not text"]
    assert docs.loc[0, "text"] == ""
    path = tmp_path / "elf.txt"
    path.write_bytes(open(sys.executable, "rb").read(MB))
    assert one_file(path).documents["error"].tolist() == ["binary file (ELF executable), not text"]


def test_nul_bytes_in_a_str():
    ex = one("Lavrov\x00 said: “The talks\x00 will continue.”\x00")
    assert ex.claims.loc[0, "content"] == "The talks will continue."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_with_bom_and_utf8_bom(tmp_path, encoding):
    text = "Lavrov said: “The talks will continue in Geneva.”\r\n"
    path = tmp_path / "article.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    ex = one_file(path)
    assert ex.documents.loc[0, "text"] == "Lavrov said: “The talks will continue in Geneva.”"
    assert ex.claims.loc[0, "source"] == "Lavrov"


def test_crlf_and_cr_give_the_same_tables_as_lf():
    lf = "Syrian Army retakes Aleppo\n\n“We won,” he said.\nLavrov said: “1,200 people fled.”\n"
    base = one(lf)
    for variant in (lf.replace("\n", "\r\n"), lf.replace("\n", "\r")):
        ex = one(variant)
        for name in ("documents", "claims", "quantities", "sentences"):
            a, b = base.table(name).drop(columns=["warnings"], errors="ignore"), ex.table(name).drop(
                columns=["warnings"], errors="ignore")
            assert a.equals(b), name


SPACES = [chr(c) for c in range(sys.maxunicode + 1)
          if unicodedata.category(chr(c)) in ("Zs", "Zl", "Zp")] + ["\t", "\x0b", "\x0c", "\x85", "\u200b", "\ufeff"]
QUOTES = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in ("Pi", "Pf")] + [
    '"', "'", "`", "„", "‚", "「", "」", "『", "』", "〝", "〞", "＂", "＇"]


def test_every_unicode_space_and_quote_variant():
    texts = [f"Lavrov{s}said:{s}“The{s}talks{s}will{s}continue{s}with{s}1,200{s}people.”" for s in SPACES]
    texts += [f"{q}We hold 1,200 homes,{q} said Lavrov. {q}{q}{q} {q}" for q in QUOTES]
    texts += ["".join(SPACES) * 100, "".join(QUOTES) * 100, "".join(SPACES + QUOTES) * 1000]
    ex = newsclaims.extract(texts, jobs=2)
    docs = consistent(ex)
    assert len(docs) == len(texts)
    assert docs["error"].isna().all()


def test_lone_surrogates_from_json_are_replaced_not_raised():
    import json

    text = json.loads('"Lavrov said: \\u201cThe talks \\ud800 will continue.\\u201d"')
    ex = one(text)
    assert ex.documents.loc[0, "text"] == text.replace("\ud800", "\ufffd")  # one for one: offsets hold
    assert "surrogate" in ex.documents.loc[0, "warnings"]
