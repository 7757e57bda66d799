"""The command line on the seeds."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

from newsclaims import cli


def test_prints_claims_table_and_summary(seeds_dir, capsys):
    assert cli.main([str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert "Igor Konashenkov" in out
    assert out.strip().splitlines()[-1].startswith("5 documents, ")


def test_writes_csv_jsonl_and_parquet(seeds_dir, tmp_path):
    for ext in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"claims.{ext}"
        assert cli.main([str(seeds_dir), "-o", str(out), "--jobs", "1"]) == 0
        df = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True), "parquet": pd.read_parquet}[ext](out)
        assert "Igor Konashenkov" in set(df["source"])
    out = tmp_path / "q.jsonl"
    assert cli.main([str(seeds_dir), "-o", str(out), "--table", "quantities"]) == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {"value", "unit", "counted"} <= set(first)


def test_missing_path_exits_2(tmp_path, capsys):
    assert cli.main([str(tmp_path / "missing")]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_python_dash_m_and_console_script(seeds_dir):
    proc = subprocess.run([sys.executable, "-m", "newsclaims", str(seeds_dir), "--table", "documents"],
                          capture_output=True, text=True, check=True)
    assert "003_0dc43f7eaad64226" in proc.stdout


def test_output_is_streamed_one_parquet_row_group_per_batch(seeds_dir, tmp_path, capsys):
    import pyarrow.parquet as pq

    import newsclaims

    out = tmp_path / "claims.parquet"
    assert cli.main([str(seeds_dir), "-o", str(out), "--batch-size", "2"]) == 0
    assert pq.ParquetFile(out).metadata.num_row_groups == 3  # 5 documents, 2 per batch
    got = pd.read_parquet(out)
    want = newsclaims.extract_files(seeds_dir).claims
    assert got[["doc_id", "source", "content"]].values.tolist() == want[["doc_id", "source", "content"]].values.tolist()
    assert "5 documents" in capsys.readouterr().err
    assert cli.main([str(seeds_dir), "-o", str(out), "--batch-size", "0"]) == 2


def test_dash_reads_paths_from_stdin(seeds_dir, tmp_path):
    listed = "\n".join(str(p) for p in sorted(seeds_dir.glob("*.txt"))[:2]) + "\n"
    out = tmp_path / "docs.csv"
    proc = subprocess.run([sys.executable, "-m", "newsclaims", "-", "--table", "documents", "-o", str(out)],
                          input=listed, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert pd.read_csv(out)["doc_id"].tolist() == ["000_80e81b5a0bd1fe9d", "001_a9c13b5928213242"]


def test_documents_with_errors_exit_1_and_are_listed_on_stderr(seeds_dir, tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1", "text": "Lavrov said: \\u201cThe talks will continue.\\u201d"}\n{"id": "x2"}\n',
                   encoding="utf-8")
    out = tmp_path / "claims.csv"
    assert cli.main([str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "1 document had errors" in err
    assert "x2: the record has no text" in err
    assert pd.read_csv(out)["doc_id"].tolist() == ["x1"]  # the good document is still written
    assert cli.main([str(seeds_dir)]) == 0


def test_bad_usage_exits_2(seeds_dir, tmp_path, capsys):
    assert cli.main([str(seeds_dir), "-o", str(tmp_path / "claims.xlsx")]) == 2
    assert "use a .csv, .jsonl or .parquet file" in capsys.readouterr().err
    assert not (tmp_path / "claims.xlsx").exists()
    assert cli.main([str(seeds_dir), "--no-such-option"]) == 2
    assert cli.main([str(seeds_dir), "--jobs", "0"]) == 2
    assert cli.main([]) == 2


def test_reader_closing_the_pipe_early_is_not_an_error(seeds_dir):
    # `newsclaims seeds/ | head -1`: head exits after one line; the table must not end in a traceback.
    proc = subprocess.Popen([sys.executable, "-m", "newsclaims", str(seeds_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().startswith("doc ")
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait() == 0
    assert "Traceback" not in err and "BrokenPipeError" not in err


def test_usage_and_help_name_every_option_and_the_subcommand(capsys):
    parser = cli.build_parser()
    usage, help_text = parser.format_usage(), parser.format_help()
    actions = [a.option_strings for a in parser._actions if a.option_strings]
    assert {"--table", "--follow-links", "--version", "--batch-size", "--no-progress"} <= {o for a in actions for o in a}
    for names in actions:  # -o or --output
        assert any(re.search(rf"(?<![\w-]){name}\b", usage) for name in names), names
        assert all(name in help_text for name in names), names
    for table in ("claims", "quantities", "documents", "sentences", "sources"):
        assert table in usage
    assert "newsclaims evaluate" in usage and "newsclaims evaluate" in help_text
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("newsclaims ")


def _claim_rows(out: str):
    """(kind, source) of each row of the printed claims table, a wrapped source joined again."""
    lines = out.split("\n\n")[0].splitlines()
    header = lines[0]
    kind_at, source_at, cue_at = header.index("kind"), header.index("source"), header.index("cue")
    rows = []
    for line in lines[1:]:
        if line[:kind_at].strip():
            rows.append([line[kind_at:source_at].strip(), line[source_at:cue_at].strip()])
        else:
            rows[-1][1] += " " + line[source_at:].strip()
    return rows


def test_printed_table_never_cuts_kind_or_source(seeds_dir):
    import newsclaims

    claims = newsclaims.extract_files(seeds_dir).claims
    expected = [[k, "" if pd.isna(s) else s] for k, s in zip(claims["kind"], claims["source"])]
    assert any(len(s) > 40 for _, s in expected) and "indirect" in {k for k, _ in expected}
    for width in (60, 120, 200):
        out = cli.render(newsclaims.extract_files(seeds_dir), "claims", width)
        assert _claim_rows(out) == expected


def test_one_document_with_errors_reads_as_english(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1", "text": "Lavrov said: \\u201cThe talks will continue.\\u201d"}\n{"id": "x2"}\n',
                   encoding="utf-8")
    assert cli.main([str(bad)]) == 1
    captured = capsys.readouterr()
    assert "newsclaims: 1 document had errors:" in captured.err
    assert captured.out.strip().splitlines()[-1] == "2 documents, 1 claim, 0 quantities, 1 document with errors"
    assert cli.plural(1, "claim") == "1 claim" and cli.plural(2, "quantity", "quantities") == "2 quantities"


def test_walk_warning_is_one_line_without_python_source(seeds_dir, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in seeds_dir.iterdir():
        (corpus / f.name).write_bytes(f.read_bytes())
    assert cli.main([str(corpus), "-o", str(corpus / "claims.csv")]) == 0
    for extra in ([], ["-o", str(tmp_path / "again.csv")]):
        proc = subprocess.run([sys.executable, "-m", "newsclaims", str(corpus), *extra],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        warning = [line for line in proc.stderr.splitlines() if "skipped" in line]
        assert warning == [f"newsclaims: warning: skipped 1 newsclaims output table(s) in {corpus}: "
                           f"{corpus / 'claims.csv'}; name a file itself to read it as records"]
        assert ".py" not in proc.stderr and "UserWarning" not in proc.stderr


def test_evaluate_a_table_written_with_o_against_the_repository_gold(seeds_dir, tmp_path, capsys):
    data = Path(__file__).parent / "data"
    for table, gold in (("claims", "seeds_claims_gold.csv"), ("quantities", "seeds_quantities_gold.csv")):
        out = tmp_path / f"{table}.parquet"
        assert cli.main([str(seeds_dir), "-o", str(out), "--table", table]) == 0
        capsys.readouterr()
        assert cli.main(["evaluate", str(out), str(data / gold), "--json"]) == 0
        from_table = json.loads(capsys.readouterr().out)
        assert cli.main(["evaluate", str(seeds_dir), str(data / gold), "--json"]) == 0
        from_corpus = json.loads(capsys.readouterr().out)
        # the same figures; `chars` (characters of content) needs the documents' text, which a table lacks
        assert from_table == {k: v for k, v in from_corpus.items() if k in from_table} and from_table["n_gold"] > 20
        assert {"f1", "precision", "recall"} <= set(from_table)


def test_disable_rule_switches_a_rule_off_and_names_the_known_ones(seeds_dir, tmp_path, capsys):
    out = tmp_path / "claims.csv"
    assert cli.main([str(seeds_dir), "-o", str(out)]) == 0
    rules = pd.read_csv(out)["rule"].value_counts()
    assert rules["trailing"] >= 20 and rules["leading"] >= 30
    assert cli.main([str(seeds_dir), "-o", str(out), "--disable-rule", "trailing", "--disable-rule", "headline"]) == 0
    left = set(pd.read_csv(out)["rule"])
    assert "trailing" not in left and "headline" not in left and "leading" in left
    capsys.readouterr()
    assert cli.main([str(seeds_dir), "--disable-rule", "trailling"]) == 2
    err = capsys.readouterr().err
    assert 'no rule named "trailling"' in err and "trailing, leading" in err


def test_counts_documents_with_warnings_and_errors_on_stderr(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Lavrov said: “The talks will continue.”\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Ren\xe9e Dupont said: \u201cThe caf\xe9 stays open.\u201d\n".encode("cp1252"))
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert cli.main([str(tmp_path)]) == 1
    assert "newsclaims: 3 documents: 1 with warnings, 1 with errors" in capsys.readouterr().err
    out = tmp_path / "claims.csv"
    assert cli.main([str(tmp_path), "-o", str(out)]) == 1
    assert "3 documents (1 with warnings, 1 with errors)" in capsys.readouterr().err


def test_strict_makes_documents_with_warnings_exit_1(seeds_dir, tmp_path, capsys):
    inputs, corpus = Path(__file__).parent / "data" / "inputs", tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(inputs / "cp1252.txt", corpus)  # real windows-1252 bytes: decoded, with a warning
    shutil.copy(seeds_dir / "000_80e81b5a0bd1fe9d.txt", corpus)
    assert cli.main([str(corpus)]) == 0
    capsys.readouterr()
    assert cli.main([str(corpus), "--strict"]) == 1
    assert "--strict: 1 document had warnings" in capsys.readouterr().err
    assert cli.main([str(corpus), "--strict", "-o", str(tmp_path / "claims.csv")]) == 1
    assert (tmp_path / "claims.csv").exists()  # the table is still written
    assert cli.main([str(corpus), "--strict", "-o", f"{tmp_path / 'tables'}/"]) == 1
    assert cli.main([str(seeds_dir), "--strict"]) == 0


def test_the_newsclaims_logger_reports_each_run(seeds_dir, tmp_path, caplog):
    import logging

    import newsclaims

    inputs = Path(__file__).parent / "data" / "inputs"
    paths = [inputs / "cp1252.txt", inputs / "report.pdf", seeds_dir / "000_80e81b5a0bd1fe9d.txt"]
    with caplog.at_level(logging.DEBUG, logger="newsclaims"):
        ex = newsclaims.extract_files(*paths)
    records = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "newsclaims"]
    assert records[0] == ("INFO", f"extract_files: 3 documents (1 with warnings, 1 with errors), "
                                  f"{len(ex.claims)} claims, {len(ex.quantities)} quantities")
    assert ("WARNING", f"extract_files: document 'report': error: {ex.documents.loc[1, 'error']}") in records
    assert any(level == "DEBUG" and "document 'cp1252': warnings: not valid UTF-8: decoded as windows-1252" in message
               for level, message in records), records
    assert len(records) == 3  # one run, logged once (not once per internal call)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="newsclaims"):
        batches = list(newsclaims.iter_extract(seeds_dir, batch_size=2))
        newsclaims.extract_frame(pd.DataFrame({"text": ["Lavrov said: “The talks will continue.”"]}))
    assert [r.getMessage() for r in caplog.records if r.name == "newsclaims"] == [
        f"iter_extract: 5 documents (0 with warnings, 0 with errors), {sum(len(b.claims) for b in batches)} claims, "
        f"{sum(len(b.quantities) for b in batches)} quantities",
        "extract_frame: 1 documents (0 with warnings, 0 with errors), 1 claims, 0 quantities"]


def test_output_directory_gets_every_table_of_one_run(seeds_dir, tmp_path, capsys):
    import newsclaims

    out = tmp_path / "tables"
    assert cli.main([str(seeds_dir), "-o", f"{out}/", "--batch-size", "2", "--no-progress"]) == 0
    names = {"documents", "claims", "quantities", "sentences", "sources"}
    assert {p.name for p in out.iterdir()} == {f"{t}.parquet" for t in names}  # no temporary files left
    whole = newsclaims.extract_files(seeds_dir)
    for table in names - {"documents"}:
        got = pd.read_parquet(out / f"{table}.parquet")
        pd.testing.assert_frame_equal(got, whole.table(table), check_dtype=False, check_categorical=False)
    docs = pd.read_parquet(out / "documents.parquet")
    assert docs["doc_id"].tolist() == whole.documents["doc_id"].tolist()
    assert "claims.parquet (82 rows)" in capsys.readouterr().err
    # An existing directory without the slash; another format.
    assert cli.main([str(seeds_dir), "-o", str(out), "--format", "csv", "--no-progress"]) == 0
    assert len(pd.read_csv(out / "quantities.csv")) == len(whole.quantities)
    assert cli.main([str(seeds_dir), "-o", str(out), "--table", "claims"]) == 2
    assert cli.main([str(seeds_dir), "-o", str(tmp_path / "c.csv"), "--format", "csv"]) == 2


def test_interrupted_output_directory_writes_no_table(seeds_dir, tmp_path, monkeypatch):
    out = tmp_path / "tables"
    out.mkdir()
    (out / "claims.parquet").write_bytes(b"an earlier run's")
    real = cli._batches

    def interrupted(args, stream=None):
        for i, batch in enumerate(real(args, stream)):
            if i == 1:
                raise KeyboardInterrupt
            yield batch

    monkeypatch.setattr(cli, "_batches", interrupted)
    assert cli.main([str(seeds_dir), "-o", f"{out}/", "--batch-size", "2", "--no-progress"]) == 130
    assert [p.name for p in out.iterdir()] == ["claims.parquet"]
    assert (out / "claims.parquet").read_bytes() == b"an earlier run's"
