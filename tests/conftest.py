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
