"""Ctrl-C and failures: the core stops soon, its threads stop, and no half-written file is left
under an output's name. Subprocesses get SIGINT; every wait has a generous timeout, and the
only timing checked is that the run stopped long before it could have finished."""
import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import newsclaims
from newsclaims import TableWriter, iter_extract

from conftest import synthetic_texts

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a subprocess is POSIX")

TESTS = Path(__file__).resolve().parent

#: a child that extracts 30,000 synthetic articles (about 115 MB, far more than a few seconds'
#: work) and reports how it ended, and how much CPU it used in the second after that
_EXTRACT_CHILD = """
import resource, sys, time
sys.path.insert(0, {tests!r})
from conftest import synthetic_texts
import newsclaims
texts = synthetic_texts(30_000)
print("started", flush=True)
try:
    newsclaims.{call}
    print("finished", flush=True)
except KeyboardInterrupt:
    before = resource.getrusage(resource.RUSAGE_SELF)
    time.sleep(1.0)
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    print(f"KeyboardInterrupt cpu_after={{cpu:.3f}}", flush=True)
"""


def _interrupt_after_start(cmd, started, timeout=120):
    """Runs `cmd`, waits until `started()` says it is at work, sends SIGINT, and returns
    (returncode, stdout, stderr, seconds from the signal to the exit)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + timeout
        while not started(proc):
            if proc.poll() is not None or time.monotonic() > deadline:
                out, err = proc.communicate(timeout=timeout)
                pytest.fail(f"never started (rc {proc.returncode}): {out}\n{err}")
            time.sleep(0.05)
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out, err, time.monotonic() - sent
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=timeout)


@pytest.mark.parametrize("call", ["extract(texts, jobs=2)", "extract(texts, jobs=1)",
                                  "Extraction.concat(newsclaims.iter_extract(texts, batch_size=10_000))"])
def test_sigint_stops_the_core_and_its_threads(call):
    script = _EXTRACT_CHILD.format(tests=str(TESTS), call=call)

    def started(proc):
        # a line only once there is one (select), so that a child that never prints cannot hang us
        if not select.select([proc.stdout], [], [], 0.1)[0] or proc.stdout.readline().strip() != "started":
            return False
        time.sleep(1.5)  # well inside the core by now
        return True

    rc, out, err, seconds = _interrupt_after_start([sys.executable, "-c", script], started)
    assert rc == 0, err
    assert "KeyboardInterrupt" in out, (out, err)
    cpu = float(out.split("cpu_after=")[1].split()[0])
    assert cpu < 0.5, f"threads still busy after KeyboardInterrupt: {cpu} s of CPU in 1 s"
    # The whole run takes tens of seconds; stopping is a matter of the documents in flight (the
    # child's own second of sleep is included here).
    assert seconds < 1.0 + 10, seconds


def test_sigint_stops_the_command_line_with_130_and_leaves_no_output(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for k, text in enumerate(synthetic_texts(12_000)):
            f.write(json.dumps({"id": f"d{k}", "text": text}) + "\n")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "claims.parquet"
    cmd = [sys.executable, "-m", "newsclaims", str(corpus), "-o", str(out), "--batch-size", "200", "--no-progress"]

    def started(proc):  # the first batch is being written
        return any(p.name.endswith(".part") for p in out_dir.iterdir())

    rc, _, err, seconds = _interrupt_after_start(cmd, started)
    assert rc == 130, err
    assert err.strip().splitlines()[-1] == "newsclaims: interrupted; no output written", err
    assert list(out_dir.iterdir()) == [], "nothing under the output's name, no temporary file left"
    assert seconds < 10, seconds


def test_table_writer_writes_under_a_temporary_name_and_renames_when_complete(tmp_path):
    out = tmp_path / "claims.parquet"
    batches = iter_extract(["Lavrov said: “The talks will continue.”"] * 3, batch_size=1)
    with TableWriter(out, "claims") as writer:
        writer.write(next(batches))
        names = [p.name for p in tmp_path.iterdir()]
        assert len(names) == 1 and names[0].startswith(".claims.parquet.") and names[0].endswith(".part")
        for batch in batches:
            writer.write(batch)
    assert [p.name for p in tmp_path.iterdir()] == ["claims.parquet"]
    assert len(pd.read_parquet(out)) == 3


@pytest.mark.parametrize("ext", ["parquet", "csv", "jsonl"])
def test_an_error_while_writing_leaves_nothing_behind(tmp_path, ext):
    out = tmp_path / f"claims.{ext}"
    out_before = tmp_path / f"old.{ext}"
    out_before.write_text("old", encoding="utf-8")

    def batches():
        yield newsclaims.extract(["Lavrov said: “The talks will continue.”"])
        raise RuntimeError("the input failed")

    for target in (out, out_before):
        with pytest.raises(RuntimeError, match="the input failed"):
            with TableWriter(target, "claims") as writer:
                for batch in batches():
                    writer.write(batch)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"old.{ext}"]
    assert out_before.read_text(encoding="utf-8") == "old", "a file already there is left as it was"
