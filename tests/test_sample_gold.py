"""The sample gold the project ships (docs/gold): offsets match their text, the files are what
scripts/sample_gold.py writes, and `eval` scores both."""

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import cli

GOLD = Path(__file__).resolve().parent.parent / "docs" / "gold"


def records(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines()]


def test_offsets_slice_their_text():
    for rec in records("attributions.jsonl"):
        for a in rec["attributions"]:
            for part in ("source", "cue", "content"):
                assert rec["text"][a[part]["start"]:a[part]["end"]] == a[part]["text"]
    for rec in records("quotes.jsonl"):
        for q in rec["quotes"]:
            assert rec["text"][q["speaker_span"]["start"]:q["speaker_span"]["end"]] == q["speaker_mention"]


def test_the_files_are_what_the_script_writes(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("sample_gold", GOLD.parent.parent / "scripts" / "sample_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    module.main()
    for name in ("attributions.jsonl", "quotes.jsonl"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (GOLD / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["attributions.jsonl", "quotes.jsonl"])
def test_eval_scores_the_sample(tmp_path, name):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "unused.db"), "eval", str(GOLD / name),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures
