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
