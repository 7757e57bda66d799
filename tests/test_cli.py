"""The command line on the seeds."""
import json
import subprocess
import sys

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
    assert "1 documents had errors" in err
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
