#!/usr/bin/env python3
"""Validate newsclaims on your own annotations, notebook style, with the seed articles.

    python examples/validate_seeds.py

The gold is ours: tests/data/seeds_claims_gold.csv (36 claims of seeds 000 and 003, one row per
claim: doc_id, content, source, cue, kind) and tests/data/seeds_quantities_gold.csv (22 numbers:
doc_id, text, value, unit, qualifier), written by reading the articles. The same figures are
asserted in tests/test_evaluate.py; in your own project the last block is a pytest test.
"""
from pathlib import Path

import newsclaims

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data"

# 1. run newsclaims on the articles the gold annotates (doc_id = file stem)
ex = newsclaims.extract_files(ROOT / "seeds")

# 2. one number per table, and where it comes from
claims = newsclaims.evaluate(ex, GOLD / "seeds_claims_gold.csv")
print(claims.table(n_errors=5))
print()
print(claims.by_kind)                   # recall per gold kind, precision per predicted kind
misses = claims.errors[claims.errors["error"] == "miss"]
print(f"\n{len(misses)} missed claims; their sources:", ", ".join(sorted(set(misses["source"].dropna()))))

quantities = newsclaims.evaluate(ex, GOLD / "seeds_quantities_gold.csv")
print()
print(quantities.table(n_errors=5))

# 3. the same gold as a regression test (in tests/test_my_corpus.py, the plugin gives the fixture):
#
#     def test_my_corpus(newsclaims_eval):
#         v = newsclaims_eval("seeds_quantities_gold.csv", corpus="../seeds")
#         assert v.quantities.f1 >= 0.9
#         v.claims.check(precision=0.9, source_accuracy=0.3)  # several floors at once
quantities.check(f1=0.9, value_accuracy=0.95)
claims.check(precision=0.9)
