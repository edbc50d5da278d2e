"""The learned tagger is opt-in: `ingest --tagger` turns it on, in the workers too."""

import os

from click.testing import CliRunner

from cli.main import cli
from provenance.extract import extract
from provenance.models import Document


def test_extract_leaves_the_tagger_off_unless_asked(monkeypatch):
    monkeypatch.delenv("PROVENANCE_TAGGER", raising=False)
    text = "Residents fear the factory will close."  # a sentence the tagger reads, the rules do not
    off, on = extract(Document(text=text), use_tagger=False), extract(Document(text=text), use_tagger=True)
    assert off != on  # else this test could not tell whether the switch works (issue 11, case 12)
    assert extract(Document(text=text)) == off
    monkeypatch.setenv("PROVENANCE_TAGGER", "1")
    assert extract(Document(text=text)) == on


def test_ingest_tagger_flag(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_TAGGER", "0")  # undone after the test, whatever the CLI sets
    examples = os.path.join(os.path.dirname(__file__), "..", "examples")
    runner = CliRunner()
    db = str(tmp_path / "t.db")
    result = runner.invoke(cli, ["--db", db, "ingest", "--quiet", "--workers", "1", "--tagger", examples])
    assert result.exit_code == 0, result.output
    assert os.environ.get("PROVENANCE_TAGGER") == "1"
    listed = runner.invoke(cli, ["--db", db, "claims", "--format", "json"])
    assert listed.exit_code == 0 and '"chain"' in listed.output
