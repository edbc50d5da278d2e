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


def test_a_wide_source_shows_its_first_articles_and_claims_and_says_how_many_more(smiths, monkeypatch):
    every = json.loads(run(smiths, "source", "Bill Smith", "--format", "json").stdout)
    assert every["article_count"] == 2 and len(every["articles"]) == 2
    claim_ids = sorted({c["id"] for c in every["claims"]})
    assert len(claim_ids) == every["claim_count"] >= 2
    monkeypatch.setattr(cli.main, "TABLE_CLAIMS", 1)
    result = run(smiths, "source", "Bill Smith")
    more = every["claim_count"] - 1
    assert f"first 1 shown, 1 more article(s) and {more} more claim(s) left out" in result.stderr
    assert f"claims --source {every['id']}" in result.stderr
    assert "left out" not in run(smiths, "source", "Bill Smith", "--all").stderr
    assert "left out" not in run(smiths, "source", "Bill Smith", "--limit", "5").stderr
    # the formats for programs carry everything unless --limit says otherwise, as claims does
    assert json.loads(run(smiths, "source", "Bill Smith", "--format", "json").stdout) == every
    first = json.loads(run(smiths, "source", "Bill Smith", "--limit", "1", "--format", "json").stdout)
    assert first["articles"] == every["articles"][:1] and first["article_count"] == 2
    assert first["claims"] == [c for c in every["claims"] if c["id"] == claim_ids[0]]
    assert first["claim_count"] == every["claim_count"]


def test_a_source_limit_keeps_every_link_of_the_claims_it_shows(smiths):
    """A claim whose chain holds the source twice is one claim: both its rows are listed, and the
    next claim is the limit's second."""
    import sqlite3

    every = json.loads(run(smiths, "source", "Bill Smith", "--format", "json").stdout)
    first = every["claims"][0]
    con = sqlite3.connect(smiths)
    con.execute("INSERT INTO citation (claim_id, position, source_id, cue, evidence_start, evidence_end, "
                "evidence_text, role) VALUES (?, 7, ?, 'said', 0, 1, 'x', 'relay')", (first["id"], every["id"]))
    con.commit()
    con.close()
    two = json.loads(run(smiths, "source", "Bill Smith", "--limit", "2", "--format", "json").stdout)["claims"]
    assert [(c["id"], c["position"]) for c in two] == \
        [(first["id"], first["position"]), (first["id"], 7), (every["claims"][1]["id"], every["claims"][1]["position"])]
