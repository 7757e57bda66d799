"""The README's promises: its example runs, its commands are what CI runs, its column
reference is the schema."""
import re
from pathlib import Path

from newsclaims._schema import column_reference

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_python_example_runs(monkeypatch):
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "the README has a Python example"
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_ci_runs_the_readme_commands():
    """Both commands of "Two commands", as written, are lines of .ci/run, and they make a venv
    (Debian's own Python refuses a plain `pip install`)."""
    commands = re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)
    run_command = next(c for c in commands if "newsclaims seeds/" in c)
    test_command = next(c for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in (run_command, test_command):
        assert command in ci
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")
    assert ci.index(run_command) < ci.index(test_command)


def test_readme_describes_what_ci_runs():
    """Every step of .ci/run is named in the README's description of it."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    section = README[README.index("`.ci/run` is what CI runs"):README.index("## In a notebook")]
    for step, named in [("apt-get install -y -q chromium", "chromium"), ("mypy.stubtest", "mypy.stubtest"),
                        ("cargo test --locked", "cargo test"), ("cargo clippy --locked --all-targets", "two `cargo clippy` runs"),
                        ("cargo clippy --locked --features python", "two `cargo clippy` runs"),
                        ("eval/check.py", "eval/check.py"), ("eval/agreement_polnear.py", "eval/agreement_polnear.py"),
                        ("bench/run.py --quick", "bench/run.py --quick")]:
        assert step in ci, step
        assert named in section, named


def test_column_reference_is_the_schema():
    assert column_reference() in README
