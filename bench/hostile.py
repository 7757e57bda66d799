"""Hostile inputs at growing sizes: prints seconds per MB for each case and size, so that
linear time can be checked by hand (seconds per MB should stay flat as the size doubles; a
quadratic case doubles its seconds per MB with each doubling).

    python bench/hostile.py                 # 1, 2, 4 MB per case
    python bench/hostile.py --mb 8 16 50    # the issue's 50 MB case (minutes, GBs of memory)
    python bench/hostile.py --case quotes   # one case

Uses the installed newsclaims (build it with `maturin develop --release` first).
"""
import argparse
import os
import random
import tempfile
import time

import newsclaims

WORDS = ("the army said that civilians in Aleppo fled on Friday according to officials "
         "Lavrov told reporters 1,200 people 93 percent Igor Konashenkov").split()


def no_punctuation(n):
    rng = random.Random(0)
    out, size = [], 0
    while size < n:
        w = rng.choice(WORDS)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def one_line_of_quotes(n):
    return '"' * n


def curly_quotes(n):
    return "“" * (n // 3)


def mixed_quotes(n):
    return ("“ ” ‘ ’ « » \" ' „ " * (n // 30 + 1))[:n // 2]


def unclosed_quotes_with_cues(n):
    return ("“He said " * (n // 9 + 1))[:n]


def many_quotations(n):
    return "“one two three” " * (n // 20)


def many_quotations_no_numbers(n):
    return "“aaa bbb ccc” " * (n // 16)


def many_ranges(n):
    return "2-1 and 3 to 4 or " * (n // 18)


def long_sentence_with_numbers(n):
    return ("1,200 and 3.5 million to 7 percent of 12 " * (n // 42 + 1))[:n]


def news_paragraphs(n):
    para = ("“We hold 10,500 homes in the city,” said Igor Konashenkov, a spokesman, on Friday. "
            "According to Reuters, at least 93 percent of Aleppo is free.\n\n")
    return para * (n // len(para) + 1)


def many_lines(n):
    return "A\n" * (n // 2)


def deep_html(n):
    return "<div>" * (n // 5)


def unclosed_formatting_html(n):
    return "<b><i><a href=x>text " * (n // 21)


def nested_under_limit_html(n):
    block = "<div>" * 900 + "<p>Lavrov said: “The talks will continue.”</p>" + "</div>" * 900
    return block * (n // len(block) + 1)


def binary(n):
    return os.urandom(n)


CASES = {
    "no_punctuation": (no_punctuation, ".txt"),
    "quotes": (one_line_of_quotes, ".txt"),
    "curly_quotes": (curly_quotes, ".txt"),
    "mixed_quotes": (mixed_quotes, ".txt"),
    "unclosed_quotes_with_cues": (unclosed_quotes_with_cues, ".txt"),
    "many_quotations": (many_quotations, ".txt"),
    "many_quotations_no_numbers": (many_quotations_no_numbers, ".txt"),
    "many_ranges": (many_ranges, ".txt"),
    "long_sentence_with_numbers": (long_sentence_with_numbers, ".txt"),
    "news_paragraphs": (news_paragraphs, ".txt"),
    "many_lines": (many_lines, ".txt"),
    "deep_html": (deep_html, ".html"),
    "unclosed_formatting_html": (unclosed_formatting_html, ".html"),
    "nested_under_limit_html": (nested_under_limit_html, ".html"),
    "binary": (binary, ".txt"),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 2, 4])
    parser.add_argument("--case", nargs="+", choices=sorted(CASES), default=list(CASES))
    args = parser.parse_args()
    print(f"{'case':28} {'MB':>6} {'seconds':>9} {'s/MB':>8}  result")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.case:
            make, ext = CASES[name]
            for mb in args.mb:
                data = make(int(mb * 1_000_000))
                path = os.path.join(tmp, name + ext)
                with open(path, "wb") as f:
                    f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
                size = os.path.getsize(path) / 1e6
                t = time.perf_counter()
                ex = newsclaims.extract_files(path, jobs=1)
                dt = time.perf_counter() - t
                doc = ex.documents.iloc[0]
                result = (f"error: {doc['error']}" if isinstance(doc["error"], str) else
                          f"{doc['n_sentences']} sentences, {doc['n_claims']} claims, {doc['n_quantities']} quantities")
                print(f"{name:28} {size:6.1f} {dt:9.2f} {dt / size:8.2f}  {result}", flush=True)


if __name__ == "__main__":
    main()
