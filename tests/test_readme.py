"""The README's promises: its example runs, its commands are what CI runs, its column
reference is the schema."""
import json
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
                        ("bench/run.py --quick", "bench/run.py --quick"),
                        ("bash scripts/check_wheel.sh", "scripts/check_wheel.sh")]:
        assert step in ci, step
        assert named in section, named


def test_column_reference_is_the_schema():
    assert column_reference() in README


#: The Quality table's rows, in order, and the eval/ratchet.json figures their newsclaims column
#: gives (evaluation, then each figure of the row). A row of figures not in the ratchet (PolNeAR
#: train, the peers' test suites) is None.
QUALITY_ROWS = [
    ("seeds", ["claim_recall", "claim_precision"]),
    ("seeds", ["source_accuracy", "cue_accuracy", "via_accuracy", "kind_accuracy"]),
    ("seeds", ["quantity_recall", "quantity_precision", "quantity_correct", "counted_accuracy"]),
    ("seeds", ["boilerplate_removed", "content_kept", "titles", "published"]),
    ("polnear_dev", ["content.f1", "direct.f1", "attribution.f1", "source_acc"]),
    None,
    ("newsquant", ["value.f1", "value+unit.f1", "value+change.f1", "value+concept.f1"]),
    None,
    ("fakes", ["value_recall", "counted_recall"]),
    ("html", ["newsclaims.f1"]),
    ("speakers", ["cue_recall", "source_text", "resolved", "resolved.he", "resolved.she"]),
]


def test_quality_table_holds_the_ratchet_figures():
    """The README's figures are those in eval/ratchet.json (which eval/check.py --update raises to
    the measured figures), to the 3 decimals shown; every ratchet figure is in the table."""
    ratchet = json.loads((ROOT / "eval" / "ratchet.json").read_text(encoding="utf-8"))
    section = README[README.index("## Quality"):README.index("### What each rule is worth")]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]  # header, rule
    assert len(rows) == len(QUALITY_ROWS), rows
    shown = set()
    for line, expected in zip(rows, QUALITY_ROWS):
        if expected is None:
            continue
        name, keys = expected
        figures = [float(f) for f in line.split("|")[3].split("/")]
        assert len(figures) == len(keys), line
        for key, figure in zip(keys, figures):
            assert abs(figure - ratchet[name][key]) <= 0.0005 + 1e-9, (
                f"README says {name} {key} = {figure}, eval/ratchet.json {ratchet[name][key]}")
            shown.add((name, key))
    assert shown == {(name, key) for name, figures in ratchet.items() for key in figures}


def test_command_line_section_is_the_usage():
    """The README's usage block is the parser's usage, which names every option (test_cli
    checks that), so a new or renamed option fails here until the README has it."""
    from newsclaims import cli

    section = README[README.index("## Command line"):README.index("## Large corpora")]
    block = re.search(r"```\n(.*?)\n```", section, flags=re.S).group(1)
    assert block == cli.USAGE
    assert cli.build_parser().format_usage() == f"usage: {cli.USAGE}\n"
    for names in (a.option_strings for a in cli.build_parser()._actions if a.option_strings):
        assert any(name in section for name in names), names
