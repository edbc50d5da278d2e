"""Shared fixtures: a fresh database, the fake extractor, and small article folders."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes import fake_extract  # noqa: E402

from provenance.store import open_database  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

ARTICLE_A = """Islamic State will survive as a secret copy

According to Associated Press, the UN report stated that ISIS will survive as a secret copy.
Thomas Joscelyn said that the group is not defeated.
Two officials said that talks had stalled.
The weather was fine.
"""

ARTICLE_B = """Second article on the same report

According to Reuters, the UN report stated that membership is between 20,000 and 30,000.
Mr Thomas Joscelyn said that ISIS knew it would lose its territory.
Associated Press reported that the leaders moved to Iran.

Source » alarabiya
"""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: real subprocesses (kill -9, concurrency, memory); they run by default, "
                   "deselect with -m 'not slow' for a quick pass")


@pytest.fixture
def db(tmp_path):
    """A fresh, migrated SQLite database file."""
    engine = open_database(tmp_path / "test.db")
    yield engine
    engine.dispose()


@pytest.fixture
def fake(monkeypatch):
    """Make ingest use the predictable fake extractor (worker processes are forked, so they see it)."""
    import provenance.ingest

    monkeypatch.setattr(provenance.ingest, "extract", fake_extract)
    return fake_extract


@pytest.fixture
def corpus(tmp_path):
    """A folder with two small articles the fake extractor reads into known chains."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder
