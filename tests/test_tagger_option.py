"""The learned tagger is opt-in through ``ExtractOptions``: `ingest --tagger` turns it on,
in the worker processes too. No environment variable is read.

The test sentence is one the rules leave open ("observed" with no "that" is a weak cue)
and the tagger reads as an attribution, so every test here fails if the switch does
nothing, is always on, or does not reach the workers.
"""

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from cli.main import cli
from provenance import ingest as ingest_mod
from provenance.extract import ExtractOptions, extract
from provenance.ingest import ingest
from provenance.models import Document
from provenance.store import open_database

TAGGED = "Okonjo observed the harbour cranes had doubled in the past year."


def cues(reading) -> list[str]:
    return [a.cue.text for a in reading.attributions if a.cue]


def test_extract_leaves_the_tagger_off_unless_asked():
    doc = Document(text=TAGGED)
    assert cues(extract(doc)) == [] == cues(extract(doc, ExtractOptions()))
    tagged = extract(doc, ExtractOptions(tagger=True))
    assert cues(tagged) == ["observed"]
    assert [a.source.text for a in tagged.attributions] == ["Okonjo"]


def test_options_are_frozen_and_compare_by_value():
    assert ExtractOptions(tagger=True) == ExtractOptions(tagger=True) != ExtractOptions()
    with pytest.raises(AttributeError):
        ExtractOptions().tagger = True  # type: ignore[misc]


def write_articles(path, n: int = 40) -> None:
    """``n`` articles (several chunks, so that a pool extracts them); the tagger's sentence
    is the last one, well past the first chunk."""
    rows = [{"id": f"a{i}", "text": f"The ferry ran {i} times on day {i}. Ana Ruiz said the pier held."}
            for i in range(n - 1)]
    rows.append({"id": "tagged", "text": TAGGED})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def tagged_cues(engine) -> list[str]:
    """The cues of the claims stored for the tagger's article."""
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT c.cue FROM claim c JOIN article a ON a.id = c.article_id WHERE a.external_id = 'tagged'"
        )).all()
    return [r[0] for r in rows if r[0]]


@pytest.mark.parametrize("tagger", [False, True])
def test_the_option_reaches_two_workers(tmp_path, monkeypatch, tagger):
    pools = []
    real_pool = ingest_mod.ProcessPoolExecutor

    def counting_pool(*args, **kwargs):
        pools.append(args)
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(ingest_mod, "ProcessPoolExecutor", counting_pool)
    src = tmp_path / "in.jsonl"
    write_articles(src)
    engine = open_database(tmp_path / "t.db")
    report = ingest([str(src)], engine, workers=2, extract_options=ExtractOptions(tagger=tagger))
    assert report.failed == 0 and report.added == 40
    assert pools, "the articles were extracted in this process, not by workers"
    assert tagged_cues(engine) == (["observed"] if tagger else [])


def test_ingest_tagger_flag(tmp_path):
    src = tmp_path / "in.jsonl"
    write_articles(src)
    runner = CliRunner()
    for flag, expected in (([], []), (["--tagger"], ["observed"])):
        db = str(tmp_path / f"t{len(flag)}.db")
        result = runner.invoke(cli, ["--db", db, "ingest", "--quiet", "--workers", "2", *flag, str(src)])
        assert result.exit_code == 0, result.output
        assert tagged_cues(open_database(db)) == expected
