#!/usr/bin/env python3
"""Check that newsclaims.evaluate agrees with ../shared/eval/score_attribution.py on PolNeAR dev.

    python eval/agreement_polnear.py [--shared ../shared] [--split dev|train|all] [--pred PRED.jsonl]

Runs the shared ``run_polnear.py`` (newsclaims on the gold texts, scored by
``score_attribution.py``) and ``newsclaims.evaluate(None, dev.jsonl, split=...)`` with the
default rule (overlap >= 0.5 of the union, head-word sources), then prints each figure from
both side by side. Exits 1 if any differs at 3 decimals. With ``--pred``, another system's
predictions (e.g. ``baselines/regex_quotes.py``'s output) are scored both ways instead. Nothing
from ../shared is copied.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--split", default="dev", help="dev, train or all")
    ap.add_argument("--pred", help="compare on this PRED.jsonl (score_attribution.py's format) instead of newsclaims")
    args = ap.parse_args()
    gold = Path(args.shared) / "eval" / "polnear" / "dev.jsonl"
    if not gold.exists():
        print(f"agreement_polnear: {gold} not found", file=sys.stderr)
        return 2

    import newsclaims

    split = None if args.split == "all" else args.split
    if args.pred:
        # another system's predictions, in score_attribution.py's PRED format
        with tempfile.TemporaryDirectory() as tmp:
            sub = Path(tmp) / "gold.jsonl"
            with open(gold, encoding="utf-8") as f:
                sub.write_text("".join(l for l in f if split is None or json.loads(l).get("split") == split),
                               encoding="utf-8")
            proc = subprocess.run([sys.executable, str(Path(args.shared) / "eval" / "score_attribution.py"),
                                   str(sub), args.pred], capture_output=True, text=True)
        import pandas as pd

        pred = pd.read_json(args.pred, lines=True, dtype=False).rename(columns={"source_resolved": "source"})
        pred["doc_id"] = pred["doc_id"].astype(str)
        ev = newsclaims.evaluate(pred, str(gold), split=split)
    else:
        proc = subprocess.run([sys.executable, str(Path(args.shared) / "eval" / "run_polnear.py"), str(gold),
                               "--split", args.split], capture_output=True, text=True, cwd=ROOT)
        ev = newsclaims.evaluate(None, str(gold), split=split)
    if proc.returncode != 0:
        print(proc.stdout, proc.stderr, file=sys.stderr)
        return 2
    theirs = json.loads(proc.stdout.strip().splitlines()[-1])
    theirs.setdefault("unmapped", 0)

    def s(score):
        return (score.precision, score.recall, score.f1)

    rows = []
    for name, key, mine in [("content span", "content", s(ev.score)), ("attribution (span+source)", "attribution", s(ev.strict)),
                            ("direct quotes", "direct", s(ev.direct)), ("content chars", "content_chars", s(ev.chars))]:
        for label, a, b in zip(("P", "R", "F1"), mine, (theirs[key]["p"], theirs[key]["r"], theirs[key]["f1"])):
            rows.append((f"{name} {label}", a, b))
    rows.append(("source accuracy", ev.source_accuracy, theirs["source_acc"]))
    rows.append(("cue accuracy", ev.cue_accuracy, theirs["cue_acc"]))
    for kind, recall in theirs["recall_by_kind"].items():
        rows.append((f"recall {kind}", ev.by_kind.loc[kind, "recall"], recall))
    for name, key, mine in [("content TP", "content", ev.score), ("attribution TP", "attribution", ev.strict),
                            ("direct TP", "direct", ev.direct), ("content chars TP", "content_chars", ev.chars)]:
        rows.append((name, mine.tp, theirs[key]["tp"]))
    rows.append(("source pairs", ev.accuracy_counts["source"][1], theirs["source_n"]))
    rows.append(("gold", ev.n_gold, theirs["content"]["n_gold"]))
    rows.append(("predicted", ev.n_pred, theirs["content"]["n_pred"]))
    rows.append(("unmapped predictions", ev.unmapped, theirs["unmapped"]))

    bad = 0
    print(f"{'figure':<30}{'evaluate':>10}{'score_attribution':>20}")
    for name, a, b in rows:
        # score_attribution.py rounds its figures to 4 decimals first, so rounding both to 3 can
        # split a tie (873/1096 = 0.79653: ours 0.797, theirs 0.7965 -> 0.796). Agreeing to 3
        # decimals is differing by at most half a unit there, plus its 4-decimal rounding.
        same = (a is None and b is None) or (a is not None and b is not None and abs(float(a) - float(b)) <= 0.00055)
        bad += not same
        fa = "n/a" if a is None else f"{a:.3f}" if isinstance(a, float) else str(a)
        fb = "n/a" if b is None else f"{b:.3f}" if isinstance(b, float) else str(b)
        print(f"{name:<30}{fa:>10}{fb:>20}{'' if same else '   DIFFERENT'}")
    print(f"\n{args.split}: {ev.docs} articles; {'all figures agree to 3 decimals' if not bad else f'{bad} figures differ'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
