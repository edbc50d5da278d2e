"""Listing fixes found trying the tool as a new user (issue 12, item 6): articles with date, URL
and filters; a shared name answers with its widest source; long claim tables say what they
left out; contradictory overlaps flags are refused; cells never split a word."""

import json

import pytest
from cli_run import run

import cli.main
from cli.output import Column, render


@pytest.fixture
def smiths(tmp_path, fake):
    """Bill Smith in two articles, Jane Smith in one, both also called "Smith"; a fourth article dated."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("One\n\nBill Smith said that taxes rose.\nSmith said that rents rose.\n")
    (folder / "b.txt").write_text("Two\n\nBill Smith said that wages fell.\nSmith said that prices fell.\n")
    (folder / "c.txt").write_text("Three\n\nJane Smith said that schools closed.\nSmith said that pupils left.\n")
    db = tmp_path / "s.db"
    run(db, "ingest", str(folder), "--workers", "1", "--outlet", "Daily Post")
    (tmp_path / "d.txt").write_text("Four\n\nThe weather was fine.\n")
    run(db, "ingest", str(tmp_path / "d.txt"), "--outlet", "Evening Star", "--published", "2024-05-01",
        "--url", "https://example.org/d")
    return db


def test_articles_show_date_and_url_and_filter(smiths):
    table = run(smiths, "articles").stdout
    assert "date" in table and "url" in table and "2024-05-01" in table and "https://example.org/d" in table
    rows = json.loads(run(smiths, "articles", "--outlet", "daily post", "--format", "json").stdout)
    assert {r["outlet"] for r in rows} == {"Daily Post"} and len(rows) == 3
    rows = json.loads(run(smiths, "articles", "--since", "2024-01-01", "--format", "json").stdout)
    assert [r["url"] for r in rows] == ["https://example.org/d"]


def test_a_shared_name_answers_with_the_widest_source(smiths):
    detail = json.loads(run(smiths, "source", "Smith", "--format", "json").stdout)
    assert detail["name"] == "Bill Smith" and detail["match_count"] == 2
    assert [o["name"] for o in detail["other_matches"]] == ["Jane Smith"]
    table = run(smiths, "source", "Smith").stdout
    assert "1 other source(s) of that name" in table and "Jane Smith" in table


def test_one_letter_is_never_found_inside_names(smiths):
    result = run(smiths, "source", "S", ok=False)
    assert result.exit_code == 1 and "no source matches 'S'" in result.stderr


def test_a_long_claim_table_says_what_it_left_out(smiths, monkeypatch):
    monkeypatch.setattr(cli.main, "TABLE_CLAIMS", 2)
    result = run(smiths, "claims")
    assert "2 claims shown, 5 more left out" in result.stderr
    assert "left out" not in run(smiths, "claims", "--all").stderr
    assert len(json.loads(run(smiths, "claims", "--format", "json").stdout)) == 7


def test_independent_and_dependent_together_are_refused(smiths):
    result = run(smiths, "overlaps", "--independent", "--dependent", ok=False)
    assert result.exit_code == 2 and "exclude each other" in result.stderr


def test_table_cells_never_split_a_word(capsys, monkeypatch):
    from rich.console import Console

    monkeypatch.setattr("cli.output.console", lambda err=False: Console(width=40, highlight=False))
    render([{"t": "short words then an extraordinarilylongunbreakableword end"}], "table",
           [Column("text", lambda r: r["t"], max_width=20)])
    out = capsys.readouterr().out
    words = {w for line in out.splitlines() for w in line.strip("│ ").split()}
    assert "extraordinarilylongunbreakableword" not in words  # too long for the cell: cut with …
    assert not any(w and "extraordinarilylongunbreakableword".startswith(w) and len(w) > 3 and not w.endswith("…")
                   for w in words)
