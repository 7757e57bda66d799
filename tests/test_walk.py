"""Directory walks: link loops end, links out of the root are not followed unless asked,
entries that cannot be read become documents rows with an error, and nothing is written."""
import os

import pytest

import newsclaims
from newsclaims._inputs import expand_paths, walk_paths

ARTICLE = "Lavrov said: “The talks will continue in Geneva.”"


@pytest.fixture
def tree(tmp_path):
    """root/a.txt, root/sub/b.txt, outside/secret.txt, and links between them."""
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    return root, outside


def test_symlink_loops_end(tree):
    root, _ = tree
    os.symlink(root, root / "sub" / "loop")          # a directory loop
    os.symlink(root / "self.txt", root / "self.txt")  # a file link to itself
    for follow in (False, True):
        ex = newsclaims.extract_files(str(root), follow_links=follow)
        docs = ex.documents.set_index("doc_id")
        assert docs["error"].isna()[["a", "b"]].all()
        assert "Too many levels of symbolic links" in docs.loc["self", "error"]
        assert len(docs) == 3  # a, b and the broken self link: the loop adds no copies


def test_links_outside_the_root_are_reported_not_followed(tree):
    root, outside = tree
    os.symlink(outside / "secret.txt", root / "secret.txt")
    os.symlink(outside, root / "elsewhere")
    os.symlink(root / "a.txt", root / "inside.txt")  # inside the root: read
    ex = newsclaims.extract_files(str(root))
    docs = ex.documents.set_index("doc_id")
    assert docs.loc["inside", "n_claims"] == 1
    for doc_id in ("secret", "elsewhere"):
        assert "outside" in docs.loc[doc_id, "error"] and "follow_links=True" in docs.loc[doc_id, "error"]
    assert ex.claims["doc_id"].tolist().count("secret") == 0
    assert expand_paths([str(root)]) == [str(root / "a.txt"), str(root / "inside.txt"), str(root / "sub" / "b.txt")]
    followed = newsclaims.extract_files(str(root), follow_links=True).documents
    assert followed["error"].isna().all()
    assert sorted(followed["doc_id"]) == ["a", "b", "inside", "secret", "secret"]


def test_unreadable_directory_and_named_pipe_become_error_rows(tree, monkeypatch):
    root, _ = tree
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    ex = newsclaims.extract_files(str(root))
    docs = ex.documents.set_index("doc_id")
    assert docs.loc["a", "n_claims"] == 1
    assert docs.loc["pipe", "error"].endswith("pipe.txt: not a regular file")
    assert "Permission denied" in docs.loc["sub", "error"]
    assert [e is None for _, e in walk_paths([str(root)])] == [True, False, False]


def test_a_named_pipe_given_to_the_core_is_not_read(tmp_path):
    from newsclaims._core import extract_paths
    from newsclaims._extract import Extraction

    os.mkfifo(tmp_path / "pipe")
    docs = Extraction._from_core(extract_paths([str(tmp_path / "pipe"), "/dev/zero"], ["p", "z"])).documents
    assert [e.endswith("not a regular file") for e in docs["error"]] == [True, True]


def test_oversized_file_is_not_read(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 1000, encoding="utf-8")
    ex = newsclaims.Extractor(max_document_bytes=100).extract_files(str(tmp_path))
    assert ex.documents.loc[0, "error"] == "document is 1000 bytes, more than the limit of 100 bytes"


def test_a_walk_writes_nothing(tree):
    root, _ = tree
    (root / "feed.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")

    def snapshot():
        return sorted((p, n, os.lstat(os.path.join(p, n)).st_mtime_ns) for p, _, names in os.walk(root.parent)
                      for n in names)

    before = snapshot()
    newsclaims.extract_files(str(root), progress=lambda done, total: None)
    newsclaims.extract_files(str(root), follow_links=True)
    assert snapshot() == before


def test_cli_follow_links(tree, capsys):
    from newsclaims.cli import main

    root, outside = tree
    os.symlink(outside, root / "elsewhere")
    # exit code 1: a document (the link left unfollowed) has an error
    assert main([str(root), "--table", "documents", "-o", str(root.parent / "docs.csv")]) == 1
    import pandas as pd

    assert pd.read_csv(root.parent / "docs.csv")["error"].notna().sum() == 1
    assert main([str(root), "--follow-links", "--table", "documents", "-o", str(root.parent / "docs.csv")]) == 0
    assert pd.read_csv(root.parent / "docs.csv")["error"].notna().sum() == 0


def test_walk_skips_tables_newsclaims_wrote_there(tmp_path):
    """`newsclaims articles/ -o articles/claims.csv`, then a second run over articles/: the
    saved tables are not read back as records; a user's own record files still are, and a saved
    table named by its own path is read."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    first = newsclaims.extract_files(tmp_path)
    first.claims.to_csv(tmp_path / "claims.csv", index=False)
    first.documents.to_json(tmp_path / "documents.jsonl", orient="records", lines=True, date_format="iso")
    first.merge().to_csv(tmp_path / "merged.csv.gz", index=False)
    (tmp_path / "mine.csv").write_text("id,text\nm1,Peskov said the talks went well.\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="skipped 3 newsclaims output table"):
        again = newsclaims.extract_files(tmp_path)
    assert sorted(again.documents["doc_id"]) == ["a", "m1"]
    named = newsclaims.extract_files(tmp_path / "documents.jsonl")
    assert named.documents["text"].tolist() == first.documents["text"].tolist()
