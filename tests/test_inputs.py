"""One reader for every entry point (issue 24): article files are read by their bytes, not
their names (compression, binary content, encoding), the same way by extract_files,
iter_extract and the command line. The files are real: tests/data/inputs/, written by
tests/data/make_inputs.py."""
from __future__ import annotations

import gzip
import io
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import newsclaims

DATA = Path(__file__).parent / "data" / "inputs"
SEED = Path(__file__).parent.parent / "seeds" / "000_80e81b5a0bd1fe9d.txt"
COMPRESSED = ["seed000.txt.gz", "seed000.txt.bz2", "seed000.txt.xz", "seed000.txt.zst"]


@pytest.fixture(scope="module")
def plain() -> newsclaims.Extraction:
    return newsclaims.extract_files(SEED)


@pytest.mark.parametrize("name", COMPRESSED)
def test_compressed_seed_reads_as_the_seed(plain: newsclaims.Extraction, name: str):
    ex = newsclaims.extract_files(DATA / name)
    doc = ex.documents.iloc[0]
    assert doc["doc_id"] == "seed000"
    assert pd.isna(doc["error"]) and pd.isna(doc["warnings"])
    assert doc["text"] == plain.documents.loc[0, "text"]
    assert doc["text"].startswith("Russia says the Syrian army has recently reestablished control")
    assert ex.claims["content"].tolist() == plain.claims["content"].tolist()
    assert "Igor Konashenkov" in ex.claims["source"].tolist()
    assert ex.quantities["text"].tolist() == plain.quantities["text"].tolist()


def test_gzip_is_recognised_by_its_bytes_not_its_name(tmp_path: Path, plain: newsclaims.Extraction):
    # A gzip saved as .txt (crawlers do this), and the case: a .txt.gz given to extract_files.
    shutil.copy(DATA / "seed000.txt.gz", tmp_path / "article.txt")
    ex = newsclaims.extract_files(tmp_path / "article.txt", DATA / "seed000.txt.gz")
    assert ex.documents["doc_id"].tolist() == ["article", "seed000"]
    assert ex.documents["error"].isna().all() and ex.documents["warnings"].isna().all()
    assert (ex.documents["text"] == plain.documents.loc[0, "text"]).all()
    assert "\ufffd" not in "".join(ex.documents["text"])


def test_gzipped_html_is_read_as_html(tmp_path: Path):
    page = ("<html><head><title>Aleppo talks</title></head><body><article><p>“The ceasefire will hold,” "
            "Sergei Lavrov said on Friday in Geneva.</p></article></body></html>")
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page.encode("utf-8"), mtime=0))
    ex = newsclaims.extract_files(tmp_path / "page.html.gz")
    assert ex.documents[["doc_id", "title"]].values.tolist() == [["page", "Aleppo talks"]]
    assert "<p>" not in ex.documents.loc[0, "text"]
    assert ex.claims[["source", "content"]].values.tolist() == [["Sergei Lavrov", "The ceasefire will hold,"]]


def test_latin1_text_is_detected():
    ex = newsclaims.extract_files(DATA / "latin1.txt")
    doc = ex.documents.iloc[0]
    assert doc["warnings"] == "not valid UTF-8: decoded as windows-1252"
    assert pd.isna(doc["error"])
    assert "Renée Lefèvre, the owner of the Café Odéon" in doc["text"]
    assert ex.claims[["source", "content"]].values.tolist() == [
        ["Renée Lefèvre", "the city had raised its rent by 12 percent"],
        ["Renée Lefèvre", "We will stay open until the summer,"]]


def test_windows_1252_curly_quotes_are_detected():
    ex = newsclaims.extract_files(DATA / "cp1252.txt")
    doc = ex.documents.iloc[0]
    assert doc["warnings"] == "not valid UTF-8: decoded as windows-1252"
    assert doc["text"].startswith("“We will not accept any truce,” Shehabi said in Aleppo’s old city – the café")
    claims = ex.claims[["source", "content"]].values.tolist()
    assert ["Shehabi", "We will not accept any truce,"] in claims
    assert "\ufffd" not in doc["text"]


def test_utf16_with_bom_reads_without_warnings():
    ex = newsclaims.extract_files(DATA / "utf16.txt")
    doc = ex.documents.iloc[0]
    assert pd.isna(doc["warnings"]) and pd.isna(doc["error"])
    assert doc["text"].startswith("“The ceasefire will hold,” Sergei Lavrov said in Genève on Friday.")
    assert ["Sergei Lavrov", "The ceasefire will hold,"] in ex.claims[["source", "content"]].values.tolist()
    assert "93 percent" in ex.quantities["text"].tolist()


def _office_and_archives(tmp_path: Path) -> dict:
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", "<w:document>Lavrov said the talks would continue.</w:document>")
    (tmp_path / "memo.docx").write_bytes(docx.getvalue())
    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w") as t:
        info = tarfile.TarInfo("seed.txt")
        data = SEED.read_bytes()
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    (tmp_path / "bundle.txt.gz").write_bytes(gzip.compress(tar.getvalue(), mtime=0))
    shutil.copy(DATA / "photo.png", tmp_path / "caption.txt")  # an image under a text name
    return {
        DATA / "report.pdf": "binary file (PDF), not text",
        DATA / "photo.png": "binary file (PNG image), not text",
        tmp_path / "caption.txt": "binary file (PNG image), not text",
        tmp_path / "memo.docx": "binary file (Word document (.docx)), not text",
        tmp_path / "bundle.txt.gz": "binary file (tar archive, gzip-compressed), not text",
    }


def test_binary_files_are_errors_and_the_others_go_on(tmp_path: Path):
    expected = _office_and_archives(tmp_path)
    ex = newsclaims.extract_files(SEED, *expected, DATA / "cp1252.txt")
    docs = ex.documents.set_index("path")
    for path, error in expected.items():
        assert docs.loc[str(path), "error"] == error
        assert docs.loc[str(path), "text"] == ""
        assert docs.loc[str(path), "n_claims"] == 0
    bad = {newsclaims.extract_files(p).documents.loc[0, "doc_id"] for p in expected}
    assert not set(ex.claims["doc_id"]) & bad
    assert not set(ex.sentences["doc_id"]) & bad
    assert not set(ex.quantities["doc_id"]) & bad
    assert set(ex.claims["doc_id"]) == {SEED.stem, "cp1252"}


def test_iter_extract_and_the_command_line_read_as_extract_files(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in [*COMPRESSED, "latin1.txt", "cp1252.txt", "utf16.txt", "report.pdf", "photo.png"]:
        shutil.copy(DATA / name, corpus / name.replace("seed000", f"seed_{name.rsplit('.', 1)[1]}"))
    shutil.copy(DATA / "report.pdf", corpus / "report.txt")
    files = newsclaims.extract_files(corpus)
    # The walk picks up every compressed article (the .pdf and .png are not article names).
    assert sorted(files.documents["doc_id"]) == ["cp1252", "latin1", "report", "seed_bz2", "seed_gz", "seed_xz",
                                                 "seed_zst", "utf16"]
    streamed = newsclaims.Extraction.concat(newsclaims.iter_extract(corpus, batch_size=3))
    columns = ["doc_id", "text", "warnings", "error", "n_claims"]
    pd.testing.assert_frame_equal(streamed.documents[columns], files.documents[columns])
    assert streamed.claims["content"].tolist() == files.claims["content"].tolist()
    out = tmp_path / "documents.csv"
    done = subprocess.run([sys.executable, "-m", "newsclaims", str(corpus), "--table", "documents", "-o", str(out)],
                          capture_output=True, text=True)
    # Exit code 1: some documents had errors, each listed on stderr; the table is still written.
    assert done.returncode == 1, done.stderr
    assert "report: binary file (PDF), not text" in done.stderr
    cli = pd.read_csv(out, keep_default_na=False).set_index("doc_id")
    assert cli.loc["report", "error"] == "binary file (PDF), not text"
    assert cli.loc["latin1", "warnings"] == "not valid UTF-8: decoded as windows-1252"
    assert cli.loc["seed_zst", "error"] == ""
    assert cli.loc["seed_zst", "text"] == files.documents.set_index("doc_id").loc["seed_gz", "text"]
