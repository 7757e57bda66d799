#!/usr/bin/env python3
"""Run the shared evaluations (../shared/eval) and compare each figure with the ratchet.

    python eval/check.py [--shared ../shared] [--ratchet eval/ratchet.json] [--only NAME ...] [--update]

Each scorer prints a table and, last, one JSON line of figures; this script runs them with the
installed `newsclaims`, prints a summary, and exits 1 if any figure named in the ratchet file is
below its recorded level. `--update` raises the ratchet to the figures just measured (never lowers
it): run it when quality improves and commit the file. The data stay in ../shared; nothing from
there is copied into the project.
"""
from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import os
import time
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent

#: name -> (script under shared/eval, extra arguments, working directory is the project root)
EVALUATIONS = {
    "seeds": ("score_seeds.py", ["seeds"]),
    "polnear_dev": ("run_polnear.py", []),
    "newsquant": ("score_newsquant.py", []),
    "fakes": ("score_fakes_casualties.py", []),
    "html": ("score_html.py", []),
    "speakers": ("score_speakers.py", []),
}

#: what `--ablate` reports of each evaluation it runs once per rule switched off
ABLATION_FIGURES = {
    "seeds": ["claim_recall", "claim_precision", "quantity_recall", "quantity_precision"],
    "polnear_dev": ["content.f1", "attribution.f1"],
    "speakers": ["cue_recall", "resolved"],
    "newsquant": ["value.f1", "value+unit.f1"],
}


def flatten(figures: dict, prefix: str = "") -> dict:
    """{'newsclaims': {'f1': 0.9}} -> {'newsclaims.f1': 0.9}; non-numbers are dropped."""
    out = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[name] = value
    return out


def run(shared: Path, name: str, disable_rules: Sequence[str] = (), quiet: bool = False) -> dict:
    script, args = EVALUATIONS[name]
    t0 = time.perf_counter()
    # The scorers call newsclaims' module-level functions, whose default Extractor reads
    # NEWSCLAIMS_DISABLE_RULES; an empty value switches nothing off.
    env = {**os.environ, "NEWSCLAIMS_DISABLE_RULES": ",".join(disable_rules)}
    proc = subprocess.run([sys.executable, str(shared / "eval" / script), *args], cwd=ROOT,
                          capture_output=True, text=True, env=env)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{script} failed (exit {proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    figures = flatten(json.loads(lines[-1]))
    if quiet:
        return figures
    print(f"== {name} ({script}, {time.perf_counter() - t0:.1f}s)")
    print("\n".join("   " + l for l in lines[:-1]))
    return figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--ratchet", default=str(ROOT / "eval" / "ratchet.json"))
    ap.add_argument("--only", nargs="*", choices=sorted(EVALUATIONS))
    ap.add_argument("--update", action="store_true", help="raise the ratchet to the measured figures")
    ap.add_argument("--ablate", action="store_true",
                    help="run the seeds, PolNeAR dev, GUM speakers and NewsQuant once per rule switched off and "
                         "print each rule's contribution (the ratchet is not checked)")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "eval").is_dir():
        print(f"eval/check.py: {shared}/eval not found; nothing to evaluate", file=sys.stderr)
        return 2
    if args.ablate:
        return ablate(shared)
    ratchet_path = Path(args.ratchet)
    ratchet = json.loads(ratchet_path.read_text()) if ratchet_path.exists() else {}
    failures = []
    for name in args.only or EVALUATIONS:
        figures = run(shared, name)
        floors = ratchet.setdefault(name, {})
        for key, floor in sorted(floors.items()):
            got = figures.get(key)
            ok = got is not None and got >= floor - 1e-9
            mark = "ok  " if ok else "FAIL"
            print(f"   {mark} {key}: {got} (ratchet {floor})")
            if not ok:
                failures.append(f"{name}.{key}: {got} < {floor}")
        if args.update:
            for key, floor in floors.items():
                if key in figures:
                    # Rounded down: a figure rounded up would fail the next run unchanged.
                    floors[key] = max(floor, math.floor(figures[key] * 10_000) / 10_000)
    if args.update:
        ratchet_path.write_text(json.dumps(ratchet, indent=2, sort_keys=True) + "\n")
        print(f"ratchet written to {ratchet_path}")
    if failures:
        print("\nBelow the ratchet:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("\nall figures at or above the ratchet")
    return 0


def ablate(shared: Path) -> int:
    """Each rule's contribution: the figures of ABLATION_FIGURES with every rule on, then the
    change when that one rule is switched off (negative: the rule helps). Prints a Markdown
    table, as the README shows it."""
    import newsclaims

    columns = [(name, key) for name, keys in ABLATION_FIGURES.items() for key in keys]
    base = {name: run(shared, name, quiet=True) for name in ABLATION_FIGURES}
    header = ["rule", "table", *(f"{name} {key}" for name, key in columns)]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    print("| (all on) | | " + " | ".join(f"{base[n][k]:.3f}" for n, k in columns) + " |")
    for rule, table in newsclaims.rules()[["name", "table"]].itertuples(index=False):
        off = {name: run(shared, name, [rule], quiet=True) for name in ABLATION_FIGURES}
        cells = []
        for name, key in columns:
            delta = off[name][key] - base[name][key]
            cells.append("0" if abs(delta) < 5e-4 else f"{delta:+.3f}")
        print(f"| `{rule}` | {table} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
