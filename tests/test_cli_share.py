"""``export``, ``report`` and ``datasette-metadata`` on the command line (CliRunner, temporary database)."""

import io

import pytest
from cli_run import run
from prov.model import ProvDocument


@pytest.mark.parametrize("command", ["export", "report", "datasette-metadata", "show"])
def test_help(corpus_db, command):
    assert "Usage:" in run(corpus_db, command, "--help").stdout


def test_export_prov_json_to_stdout_and_file(corpus_db, tmp_path):
    out = run(corpus_db, "export", "--format", "prov-json", "--article", "b.txt").stdout
    doc = ProvDocument.deserialize(io.StringIO(out), format="json")
    assert any(r.is_element() for r in doc.get_records())
    target = tmp_path / "chain.provn"
    assert run(corpus_db, "export", "--format", "prov-n", "--claim", "1", "--out", str(target)).stdout == ""
    assert target.read_text(encoding="utf-8").startswith("document\n")


def test_export_mermaid_for_a_source(corpus_db):
    out = run(corpus_db, "export", "--format", "mermaid", "--source", "Thomas Joscelyn").stdout
    assert out.startswith("flowchart TD") and "Thomas Joscelyn (person)" in out


@pytest.mark.parametrize("args", [[], ["--claim", "1", "--article", "a.txt"]])
def test_export_needs_exactly_one_selection(corpus_db, args):
    result = run(corpus_db, "export", "--format", "dot", *args, ok=False)
    assert result.exit_code == 2 and "exactly one of --claim, --article or --source" in result.stderr


def test_export_unknown_things_are_one_line_errors(corpus_db):
    for args in (["--claim", "999"], ["--article", "nope.txt"], ["--source", "Nobody At All"]):
        result = run(corpus_db, "export", "--format", "dot", *args, ok=False)
        assert result.exit_code == 1 and result.stderr.startswith("Error: no ")


def test_report_writes_a_site(corpus_db, tmp_path):
    result = run(corpus_db, "report", "--out", str(tmp_path / "site"), "--article", "a.txt", "-a", "2")
    assert "2 article page(s)" in result.stderr
    assert (tmp_path / "site" / "index.html").exists() and (tmp_path / "site" / "article-2.html").exists()
    bad = run(corpus_db, "report", "--out", str(tmp_path / "x"), "--article", "nope.txt", ok=False)
    assert bad.exit_code == 1 and "no article matches" in bad.stderr
