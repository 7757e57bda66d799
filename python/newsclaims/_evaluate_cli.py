"""``newsclaims evaluate [PRED_OR_CORPUS...] GOLD``: print how newsclaims does on gold annotations.

PRED_OR_CORPUS is a claims or quantities table written by ``newsclaims -o`` (.csv, .jsonl,
.parquet), or the articles to run newsclaims on (files, directories, globs). Without it,
newsclaims runs on the gold's own texts (BRAT, PolNeAR JSON Lines). Exit status: 0, 1 when a
``--min-*`` floor is not reached, 2 for unusable input (the message names the gold row).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import List, Optional


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsclaims evaluate",
                                description="Measure newsclaims on your own annotations (precision, recall, F1, "
                                            "source accuracy, per kind or unit, worst errors).")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="[PRED_OR_CORPUS ...] GOLD: predictions table or corpus, then the gold "
                        "(.csv, BRAT .ann file or directory, PolNeAR .jsonl)")
    p.add_argument("--on", choices=("claims", "quantities"), help="which table to evaluate (default: what the gold annotates)")
    p.add_argument("--overlap", type=float, help="span overlap threshold (default 0.5 for claims, 0 for quantities)")
    p.add_argument("--overlap-by", choices=("union", "gold", "shorter"), default="union",
                   help="overlap ratio: shared characters / union (default), / gold span, / shorter span")
    p.add_argument("--source-match", choices=("head", "exact"), default="head", help="source matching rule")
    p.add_argument("--documents", choices=("gold", "all"), default="gold", help="documents to score")
    p.add_argument("--split", help="keep only gold JSON lines whose 'split' is this (PolNeAR: train, dev)")
    p.add_argument("--errors", type=int, default=10, metavar="N", help="list the N worst errors (default 10)")
    p.add_argument("--errors-out", metavar="FILE.csv", help="write every error to this CSV")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object instead")
    p.add_argument("--min-f1", type=float, help="exit 1 if F1 is below this")
    p.add_argument("--min-source-accuracy", type=float, help="exit 1 if source accuracy is below this")
    return p


def evaluate_main(argv: Optional[List[str]] = None) -> int:
    """Entry point of ``newsclaims evaluate``; returns the exit status."""
    args = build_parser().parse_args(argv)
    from ._evaluate import evaluate
    from ._gold import GoldError

    *pred, gold = args.paths
    try:
        ev = evaluate(pred or None, gold, on=args.on, overlap=args.overlap, overlap_by=args.overlap_by,
                      source_match=args.source_match, documents=args.documents, split=args.split)
    except (GoldError, FileNotFoundError, ValueError, TypeError) as e:
        print(f"newsclaims evaluate: {e}", file=sys.stderr)
        return 2
    if args.errors_out:
        ev.errors.to_csv(args.errors_out, index=False)
    try:
        if args.json:
            print(json.dumps(ev.to_dict(), default=str))
        else:
            print(ev.table(args.errors))
        sys.stdout.flush()
    except BrokenPipeError:  # `newsclaims evaluate ... | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    failed = []
    if args.min_f1 is not None and ev.f1 < args.min_f1:
        failed.append(f"F1 {ev.f1:.3f} < {args.min_f1}")
    if args.min_source_accuracy is not None and (ev.on != "claims" or ev.source_accuracy is None
                                                 or ev.source_accuracy < args.min_source_accuracy):
        failed.append(f"source accuracy {ev.source_accuracy if ev.on == 'claims' else 'n/a'} < {args.min_source_accuracy}")
    if failed:
        print("newsclaims evaluate: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0
