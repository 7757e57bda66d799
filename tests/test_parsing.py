"""Article parsing: every input format on small files written here, and the seeds' headlines,
datelines, boilerplate and captions."""
import json
from pathlib import Path

import pandas as pd
import pytest

import newsclaims
from newsclaims import SCHEMA

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SCHEMA_DOC_COLUMNS = [c for c, _, _ in SCHEMA["documents"]]

ARTICLE = "Syrian govt. soldiers make gains\n\n“We won. We stay,” said Major-General Igor Konashenkov.\n\nAbout 10,500 people left."


def doc(ex, doc_id):
    rows = ex.documents[ex.documents["doc_id"] == doc_id]
    assert len(rows) == 1, ex.documents
    return rows.iloc[0]


# --- plain text -------------------------------------------------------------------------------

def test_text_with_bom_crlf_utf16_and_invalid_bytes(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes(b"\xff\xfe" + ARTICLE.encode("utf-16-le"))
    (tmp_path / "bad.txt").write_bytes(b"Caf\xe9 owners said prices rose.\x00\n")
    ex = newsclaims.extract_files(tmp_path)
    assert list(ex.documents["doc_id"]) == ["bad", "bom", "utf16"]
    for name in ("bom", "utf16"):
        d = doc(ex, name)
        assert d["text"] == ARTICLE
        assert d["title"] == "Syrian govt. soldiers make gains"
        assert pd.isna(d["warnings"]) and pd.isna(d["error"])
    bad = doc(ex, "bad")
    # Not UTF-8 and no BOM: the encoding is detected (issue 24), not replaced.
    assert bad["text"] == "Café owners said prices rose."
    assert bad["warnings"] == "not valid UTF-8: decoded as windows-1252; 1 NUL byte(s) removed"
    assert pd.isna(bad["error"])


def test_sentences_keep_quotes_with_attribution_and_offsets(tmp_path):
    ex = newsclaims.extract([ARTICLE], ids=["a"])
    s = ex.sentences
    assert list(s["text"]) == [
        "Syrian govt. soldiers make gains",
        "“We won. We stay,” said Major-General Igor Konashenkov.",
        "About 10,500 people left.",
    ]
    text = ex.documents.loc[0, "text"]
    assert [text[a:b] for a, b in zip(s["start"], s["end"])] == list(s["text"])
    assert list(s.columns) == ["doc_id", "sentence_id", "start", "end", "text", "is_caption"]


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Syrian Army retakes 70% of E. Aleppo | Example News</title>
<meta property="og:title" content="Syrian Army retakes 70% of E. Aleppo – Russian military">
<meta property="article:published_time" content="2016-12-07T19:16:00Z">
<script>document.write("tracking pixel");</script><style>.x{}</style>
<link rel="stylesheet" href="http://example.invalid/never-loaded.css">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Syrian Army retakes 70% of E. Aleppo – Russian military</h1>
<p>Syrian government forces have liberated 15 more eastern Aleppo neighborhoods in the last 24 hours, the Russian Reconciliation Center in Syria said on Wednesday in a statement.</p>
<p>On Wednesday, 1,224 civilians were able to flee militant-held areas for government-controlled neighborhoods, as the Syrian Army continued its offensive against the militants.</p>
<p>“We will not accept any truce,” Fares Shehabi, an MP for Aleppo, told dpa by telephone, adding that the militants had to leave the city for good.</p>
<figure><img src="x.jpg"><figcaption>Syrian government forces patrol Aleppo on December 14, 2016. (Photo by AFP)</figcaption></figure>
<p>Related Articles</p>
</article>
<footer><p>Copyright 2016 Example News. All rights reserved.</p></footer>
</body></html>"""


def test_html_page_body_title_and_published(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    ex = newsclaims.extract_files(tmp_path / "page.html")
    d = doc(ex, "page")
    assert pd.isna(d["error"]), d["error"]
    assert d["title"] == "Syrian Army retakes 70% of E. Aleppo – Russian military"
    assert d["published"] == pd.Timestamp("2016-12-07 19:16:00")
    paragraphs = d["text"].split("\n\n")
    assert ("On Wednesday, 1,224 civilians were able to flee militant-held areas for government-controlled "
            "neighborhoods, as the Syrian Army continued its offensive against the militants.") in paragraphs
    for gone in ("tracking pixel", "Home", "Related Articles", "All rights reserved", ".x{}"):
        assert gone not in d["text"]
    assert any(p.startswith("“We will not accept any truce,” Fares Shehabi") for p in paragraphs)
    captions = ex.sentences[ex.sentences["is_caption"]]["text"].tolist()
    assert captions == ["Syrian government forces patrol Aleppo on December 14, 2016.", "(Photo by AFP)"]


def test_html_strings_in_memory_with_format():
    ex = newsclaims.extract([PAGE, "Lavrov said: “The talks will continue in Geneva.”"], ids=["page", "plain"],
                            format=["html", "text"])
    d = doc(ex, "page")
    assert d["title"] == "Syrian Army retakes 70% of E. Aleppo – Russian military"
    assert d["published"] == pd.Timestamp("2016-12-07 19:16:00")
    assert "tracking pixel" not in d["text"] and d["text"].startswith("Syrian government forces")
    assert doc(ex, "plain")["text"] == "Lavrov said: “The talks will continue in Geneva.”"
    # One name for all texts, through an Extractor too; the same page read as text keeps its tags.
    assert newsclaims.Extractor().extract([PAGE], format="html").documents.loc[0, "text"] == d["text"]
    assert "<script>" in newsclaims.extract([PAGE]).documents.loc[0, "text"]
    with pytest.raises(ValueError, match="format 'pdf'"):
        newsclaims.extract([PAGE], format="pdf")
    with pytest.raises(ValueError, match="format has 2 items but texts has 1"):
        newsclaims.extract([PAGE], format=["html", "text"])


def test_html_files_in_legacy_charsets(tmp_path):
    """A windows-1252 page (curly quotes as single bytes) and a Shift_JIS page, each declaring
    its charset in a <meta>, read without replacement characters or warnings."""
    body = ("<p>\u201cWe will not accept any truce,\u201d Fares Shehabi, an MP for Aleppo, told dpa by telephone "
            "on Wednesday, adding that the militants had to leave the city.</p>")
    (tmp_path / "cp1252.html").write_bytes(
        ("<html><head><meta charset='windows-1252'><title>Caf\u00e9 talks</title></head><body>" + body
         + "</body></html>").encode("cp1252"))
    japanese = "<p>\u6771\u4eac\u3067\u4f1a\u898b\u3057\u305f\u9996\u76f8\u306f\u300c\u5897\u7a0e\u306f\u3057\u306a\u3044\u300d\u3068\u8ff0\u3079\u305f\u3002</p>"
    (tmp_path / "sjis.htm").write_bytes(
        ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body>'
         + japanese + "</body></html>").encode("shift_jis"))
    ex = newsclaims.extract_files(tmp_path)
    page = doc(ex, "cp1252")
    assert page["title"] == "Caf\u00e9 talks"
    assert page["text"].startswith("\u201cWe will not accept any truce,\u201d Fares Shehabi")
    assert pd.isna(page["warnings"]), page["warnings"]
    sjis = doc(ex, "sjis")
    assert sjis["text"] == japanese[3:-4]
    assert pd.isna(sjis["warnings"]), sjis["warnings"]


def test_deeply_nested_html_is_read_flat_with_a_warning(tmp_path):
    (tmp_path / "deep.htm").write_text("<div>" * 5000 + "<p>Aleppo fell.</p>", encoding="utf-8")
    d = doc(newsclaims.extract_files(tmp_path), "deep")
    assert d["text"] == "Aleppo fell."
    assert "main-content selection skipped" in d["warnings"]


# --- records ----------------------------------------------------------------------------------

def test_jsonl_records_with_metadata_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "r1", "body": "Lavrov said: “The talks will continue in Geneva.”", "title": "Talks",
                    "published": "2016-12-07", "url": "https://example.invalid/1", "outlet": "TASS", "score": 3}),
        "{not json",
        json.dumps({"content": "Peskov said 5 people left.", "outlet": "RIA"}),
    ]
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ex = newsclaims.extract_files(tmp_path)
    docs = ex.documents
    assert list(docs.columns) == SCHEMA_DOC_COLUMNS + ["url", "outlet", "score"]
    assert list(docs["doc_id"]) == ["r1", "news:1", "news:2"]
    r1 = doc(ex, "r1")
    assert (r1["title"], r1["published"], r1["outlet"], r1["url"]) == (
        "Talks", pd.Timestamp("2016-12-07"), "TASS", "https://example.invalid/1")
    assert r1["path"].endswith("news.jsonl")
    bad = doc(ex, "news:1")
    assert bad["error"] == "the record has no text"
    assert bad["warnings"].startswith("line 2 is not JSON")
    assert doc(ex, "news:2")["text"] == "Peskov said 5 people left."
    claim = ex.claims[ex.claims["doc_id"] == "r1"].iloc[0]
    assert (claim["source"], claim["content"]) == ("Lavrov", "The talks will continue in Geneva.")


def test_csv_records_keep_ids_as_written(tmp_path):
    pd.DataFrame({
        "id": ["007", "008"],
        "text": ["Peskov said 5 people left.", "Aleppo is quiet."],
        "published": ["7 Dec, 2016 19:16", ""],
        "section": ["world", "world"],
    }).to_csv(tmp_path / "wire.csv", index=False)
    ex = newsclaims.extract_files(tmp_path / "wire.csv")
    assert list(ex.documents["doc_id"]) == ["007", "008"]
    assert list(ex.documents.columns) == SCHEMA_DOC_COLUMNS + ["section"]
    assert ex.documents.loc[0, "published"] == pd.Timestamp("2016-12-07 19:16")
    assert pd.isna(ex.documents.loc[1, "published"])
    assert ex.quantities["doc_id"].tolist() == ["007"]


def test_gzipped_records(tmp_path):
    import gzip

    with gzip.open(tmp_path / "bbc.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "tech/1", "text": "Shares rose 2.3%. Analysts were pleased."}) + "\n")
    pd.DataFrame({"text": ["Aleppo is quiet."]}).to_csv(tmp_path / "wire.csv.gz", index=False)
    ex = newsclaims.extract_files(tmp_path)
    assert list(ex.documents["doc_id"]) == ["tech/1", "wire:0"]
    assert ex.sentences["text"].tolist() == ["Shares rose 2.3%.", "Analysts were pleased.", "Aleppo is quiet."]


def test_record_file_without_text_column_is_an_error_row(tmp_path):
    (tmp_path / "x.csv").write_text("headline,url\nA,B\n", encoding="utf-8")
    d = doc(newsclaims.extract_files(tmp_path / "x.csv"), "x")
    assert "has no text column: expected one of text, body, content" in d["error"]


def test_files_and_records_keep_input_order(tmp_path):
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "Second."}) + "\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third.", encoding="utf-8")
    ex = newsclaims.extract_files(tmp_path, progress=lambda done, total: None)
    assert list(ex.documents["text"]) == ["First.", "Second.", "Third."]


def test_extract_frame_joins_back_on_doc_id():
    df = pd.DataFrame({
        "uid": ["a1", "a2", "a3"],
        "body": ["Lavrov said: “The talks will continue in Geneva.”", None, "Peskov said 5 people left."],
        "when": [pd.Timestamp("2016-12-07"), pd.NaT, "2016-12-08"],
        "headline": ["Talks", None, None],
    })
    ex = newsclaims.extract_frame(df, text="body", id="uid", published="when", title="headline")
    assert list(ex.documents["doc_id"]) == ["a1", "a2", "a3"]
    assert ex.documents["error"].tolist()[1] == "the record has no text"
    assert ex.documents["published"].tolist()[0] == pd.Timestamp("2016-12-07")
    assert ex.documents["title"].tolist()[0] == "Talks"
    joined = df.merge(ex.claims, left_on="uid", right_on="doc_id")
    assert joined[["uid", "source"]].values.tolist() == [["a1", "Lavrov"], ["a3", "Peskov"]]
    by_index = newsclaims.extract_frame(df.set_index("uid").dropna(subset=["body"]), text="body")
    assert list(by_index.documents["doc_id"]) == ["a1", "a3"]
    with pytest.raises(KeyError, match="text column 'nope'"):
        newsclaims.extract_frame(df, text="nope")


# --- the seeds --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds():
    return newsclaims.extract_files(SEEDS)


def test_seed_titles_and_dateline(seeds):
    titles = dict(zip(seeds.documents["doc_id"], seeds.documents["title"]))
    assert pd.isna(titles["000_80e81b5a0bd1fe9d"]) and pd.isna(titles["004_8282c921d1c710be"])
    assert titles["001_a9c13b5928213242"] == "Russia: Syrian army controls 93 % of Aleppo"
    assert titles["002_398a2ebf296e5562"] == "Syrian govt. soldiers make gains in eastern Aleppo neighborhood"
    assert titles["003_0dc43f7eaad64226"] == (
        "Syrian Army retakes 70% of E. Aleppo, evacuates over 1,200 civilians – Russian military")
    published = dict(zip(seeds.documents["doc_id"], seeds.documents["published"]))
    assert published["003_0dc43f7eaad64226"] == pd.Timestamp("2016-12-07 19:16")
    assert seeds.documents["published"].isna().sum() == 4


@pytest.mark.parametrize("line", [
    "Latest developmentsMiddle EastOthersWorld News", "78081a38-653c-4259-9606-cb4966f2f071",
    "Post a Comment", "Write your comment", "Be the first to comment", "Akismet", "Related Articles",
    "Leave a Reply", "Back to top button", "Podcasts", "27:33", "icon bookmark",
])
def test_seed_boilerplate_is_gone(seeds, line):
    for text in seeds.documents["text"]:
        assert line not in text


def test_seed_captions_stay_flagged(seeds):
    s = seeds.sentences
    captions = s[s["is_caption"]]
    assert set(captions["doc_id"]) == {"002_398a2ebf296e5562"}
    assert "Syrian government forces patrol the northern city of Aleppo on December 14, 2016." in captions["text"].tolist()
    assert captions["text"].tolist().count("(Photo by AFP)") == 2


def test_plain_text_date_lines():
    # Issue 24, item 6: the date line of a Canadian Press story as archives export it, and
    # numeric date lines that do and do not say their day-month order.
    text = ("Date of publication 12 August 2016\n"
            "Ontario to fund new cancer drugs\n"
            "The province will pay for three new drugs, Health Minister Eric Hoskins said on Friday.\n")
    ex = newsclaims.extract([text, "05-02-2015\nThe minister said the plan would work.", "25-02-2015\nText."])
    docs = ex.documents
    assert docs.loc[0, "title"] == "Ontario to fund new cancer drugs"
    assert docs.loc[0, "published"] == pd.Timestamp("2016-08-12")
    assert list(ex.claims[ex.claims["doc_id"] == "0"]["source"]) == ["Eric Hoskins"]
    assert ex.claims.loc[0, "date"] == pd.Timestamp("2016-08-12")  # "on Friday", against the date line
    assert pd.isna(docs.loc[1, "published"])  # 5 February or May 2? the text does not say
    assert "reads as day-month or month-day" in docs.loc[1, "warnings"]
    assert docs.loc[2, "published"] == pd.Timestamp("2015-02-25")
