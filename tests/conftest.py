from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds():
    """The five seed articles, extracted once per test session."""
    import newsclaims

    return newsclaims.extract_files(str(SEEDS))


def synthetic_texts(n: int):
    """`n` articles made from the seeds' paragraphs (no shared data needed): article k is the
    paragraphs of seed k % 5 followed by one paragraph of another seed, with a line of its own,
    so sources and near-repeats recur across documents as in a real corpus."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    paragraphs = [[q for q in t.splitlines() if q.strip()] for t in texts]
    out = []
    for k in range(n):
        own = paragraphs[k % 5]
        other = paragraphs[(k * 3 + 1) % 5]
        extra = other[1 + k % (len(other) - 1)]
        out.append("\n".join(own + [f"Report {k} was filed on day {k % 28 + 1}.", extra]) + "\n")
    return out


@pytest.fixture(scope="session")
def synthetic():
    """2,100 synthetic articles (5.9 MiB: the core hands their string columns over in several
    chunks) as a DataFrame with ``id`` and ``text`` (see :func:`synthetic_texts`)."""
    import pandas as pd

    texts = synthetic_texts(2100)
    return pd.DataFrame({"id": [f"syn-{k:04d}" for k in range(len(texts))], "text": texts})
