"""Value accuracy of newsclaims' quantities on the peers' own test suites, side by side with
quantulum3 on the same sentences, and the speed of both on the same texts.

    python bench/peer_quantities.py [--shared ../shared] [--quantulum-python /tmp/peers/bin/python] [--misses]

Suites (data in ``<shared>/eval/quantities/``, never copied here):
- quantulum3's ``quantities.json``: sentences whose every expected unit is in scope (counts,
  percents, lengths, areas, volumes, masses, durations, money). quantulum3 writes a range as its
  mean; a range of ours matches when its midpoint equals that mean. Years written as bare
  numbers ("1979") are quantulum3's choice, not ours (years are dates): those expectations are
  left out.
- Recognizers-Text ``Number_NumberModel``, ``Number_PercentModel``, ``Number_NumberRangeModel``,
  ``NumberWithUnit_CurrencyModel`` and the Length/Weight/Area/Volume/Speed cases of
  ``NumberWithUnit_DimensionModel``. A closed interval "[20,30)" needs our low/high; an open one
  ("(20," for "more than 20") needs the value.

An expectation counts as found when some prediction of the same sentence, not used before, has
that value (relative tolerance 1e-6). Value accuracy = found / expected. quantulum3 is scored
the same way on its own predictions (a range also counts for it when both ends appear among its
values). Speed: the whole newsclaims pipeline (an upper bound on the quantity stage), one
thread, one run, against ``quantulum3.parser.parse`` on the same NewsQuant sentences.
Prints a table, then one JSON line.
"""
import argparse
import json
import math
import re
import subprocess
import sys
import time
from pathlib import Path

IN_SCOPE_UNITS = {
    "dimensionless", "percentage", "metre", "kilometre", "centimetre", "millimetre", "mile", "inch",
    "foot", "yard", "square kilometre", "square mile", "square metre", "litre", "gallon", "milligram",
    "gram", "kilogram", "tonne", "pound", "day", "week", "month", "year", "hour", "minute", "second",
    "dollar", "euro", "pound sterling", "cent", "penny", "dozen",
}
DIMENSIONS = {"Length", "Weight", "Area", "Volume", "Speed"}

PEER_SCRIPT = r"""
import json, sys, time
from quantulum3 import parser
texts = json.load(sys.stdin)
t0 = time.perf_counter()
out = []
for t in texts:
    try:
        out.append([q.value for q in parser.parse(t)])
    except Exception:
        out.append([])
print(json.dumps({"values": out, "seconds": time.perf_counter() - t0}))
"""


def close(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8-sig"))


def is_year(value):
    return float(value).is_integer() and 1800 <= value <= 2100


def cases(shared):
    """(suite, text, [expectation]) where an expectation is ("value", v), ("range", lo, hi) or
    ("mean", v) (quantulum3's ranges)."""
    q = shared / "eval" / "quantities"
    out = []
    for c in load(q / "quantulum3" / "quantities.json"):
        res = c["res"]
        if not res or any(r["unit"] not in IN_SCOPE_UNITS for r in res):
            continue
        exp = []
        for r in res:
            v = float(r["value"])
            if r["unit"] == "dimensionless" and is_year(v):
                continue
            exp.append(("mean", v) if r.get("uncertainty") else ("value", v))
        if exp:
            out.append(("quantulum3", c["req"], exp))
    rt = q / "recognizers_text"
    for name in ["Number_NumberModel", "Number_PercentModel", "Number_NumberRangeModel",
                 "NumberWithUnit_CurrencyModel", "NumberWithUnit_DimensionModel"]:
        for c in load(rt / f"{name}.json"):
            exp = []
            for r in c.get("Results", []):
                res = r.get("Resolution") or {}
                if name.endswith("DimensionModel") and res.get("subtype") not in DIMENSIONS:
                    continue
                v = str(res.get("value", ""))
                m = re.fullmatch(r"([\[(])(-?[\d.e+]*),(-?[\d.e+]*)([\])])", v)
                try:
                    if m:
                        lo, hi = m.group(2), m.group(3)
                        if lo and hi:
                            exp.append(("range", float(lo), float(hi)))
                        else:
                            exp.append(("value", float(lo or hi)))
                    else:
                        exp.append(("value", float(v.rstrip("%").replace(",", ""))))
                except ValueError:
                    continue
            if exp:
                out.append((name.split("_", 1)[1], c["Input"], exp))
    return out


def score(expected, preds):
    """preds: list of (value, low, high). Returns the number of expectations found."""
    used, found = set(), 0
    for e in expected:
        for j, (v, lo, hi) in enumerate(preds):
            if j in used:
                continue
            ok = False
            if e[0] == "value":
                ok = close(v, e[1])
            elif e[0] == "mean":
                ok = close(v, e[1]) or (lo is not None and hi is not None and close((lo + hi) / 2, e[1]))
            elif e[0] == "range":
                ok = lo is not None and hi is not None and {round(lo, 6), round(hi, 6)} == {round(e[1], 6), round(e[2], 6)}
            if ok:
                used.add(j)
                found += 1
                break
        else:
            # quantulum3 gives a range as its two ends; ours gives one row.
            if e[0] == "range":
                ends = [j for j, (v, _, _) in enumerate(preds) if j not in used and (close(v, e[1]) or close(v, e[2]))]
                if len(ends) >= 2:
                    used.update(ends[:2])
                    found += 1
    return found


def num(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def main():
    here = Path(__file__).resolve()
    default_shared = next((p / "shared" for p in here.parents if (p / "shared" / "eval").is_dir()), Path("../shared"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=default_shared)
    ap.add_argument("--quantulum-python", default="/tmp/peers/bin/python")
    ap.add_argument("--misses", action="store_true", help="also list the cases newsclaims misses in part")
    args = ap.parse_args()
    import newsclaims

    all_cases = cases(args.shared)
    texts = [t for _, t, _ in all_cases]
    ex = newsclaims.extract(texts, ids=[str(i) for i in range(len(texts))], jobs=1)
    ours = {}
    for r in ex.quantities.to_dict("records"):
        ours.setdefault(r["doc_id"], []).append((num(r["value"]), num(r["low"]), num(r["high"])))

    peer = None
    try:
        run = subprocess.run([args.quantulum_python, "-c", PEER_SCRIPT], input=json.dumps(texts),
                             capture_output=True, text=True, check=True)
        peer = json.loads(run.stdout.strip().splitlines()[-1])["values"]
    except (OSError, subprocess.CalledProcessError, ValueError, IndexError) as e:
        print(f"quantulum3 not run: {e}", file=sys.stderr)

    suites, misses = {}, []
    for i, (suite, _, exp) in enumerate(all_cases):
        s = suites.setdefault(suite, {"cases": 0, "expected": 0, "newsclaims": 0, "quantulum3": 0})
        s["cases"] += 1
        s["expected"] += len(exp)
        found = score(exp, ours.get(str(i), []))
        s["newsclaims"] += found
        if args.misses and found < len(exp):
            got = [v if lo is None else (lo, hi) for v, lo, hi in ours.get(str(i), [])]
            misses.append(f"[{suite}] expected {[e[1:] for e in exp]} got {got}: {texts[i][:110]!r}")
        if peer is not None:
            s["quantulum3"] += score(exp, [(float(v), None, None) for v in peer[i]])
    print(f"{'suite':<16} {'cases':>5} {'expected':>8} {'newsclaims':>10} {'quantulum3':>10}")
    fig = {}
    for name, s in suites.items():
        a = s["newsclaims"] / s["expected"]
        b = s["quantulum3"] / s["expected"] if peer is not None else None
        fig[name] = {"cases": s["cases"], "expected": s["expected"], "newsclaims": round(a, 4),
                     "quantulum3": None if b is None else round(b, 4)}
        print(f"{name:<16} {s['cases']:>5} {s['expected']:>8} {a:>10.3f} {'-' if b is None else f'{b:10.3f}':>10}")

    if misses:
        print("\n".join(misses))
    news = [s["text"] for s in load(args.shared / "eval" / "quantities" / "cqe" / "NewsQuant.json")]
    t0 = time.perf_counter()
    newsclaims.extract(news, jobs=1)
    ours_s = time.perf_counter() - t0
    fig["speed"] = {"sentences": len(news), "newsclaims_s": round(ours_s, 4)}
    if peer is not None:
        run = subprocess.run([args.quantulum_python, "-c", PEER_SCRIPT], input=json.dumps(news),
                             capture_output=True, text=True, check=True)
        peer_s = json.loads(run.stdout.strip().splitlines()[-1])["seconds"]
        fig["speed"].update(quantulum3_s=round(peer_s, 4), ratio=round(peer_s / ours_s, 1))
    print(f"speed on {len(news)} NewsQuant sentences, one thread: {fig['speed']}")
    print(json.dumps(fig))


if __name__ == "__main__":
    sys.exit(main())
