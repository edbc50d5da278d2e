"""``provenance show``: the article with claims marked by kind, chains below, text kept inert."""

import pytest
from cli_run import run
from hostile_article import HOSTILE

from cli import show_command


@pytest.fixture
def hostile_db(tmp_path, fake):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = tmp_path / "h.db"
    run(db, "ingest", str(tmp_path / "in"), "--workers", "1")
    return db


def test_show_marks_claims_and_lists_chains(corpus_db):
    out = run(corpus_db, "show", "a.txt").stdout
    assert "According to Associated Press, the UN report stated that [1:S]ISIS will survive" in out
    assert "[/1]" in out and "[2:D]" in out and "[3:V]" in out and "[4:U]" in out
    claims = out.split("claims, origin first")[1]
    assert "[1:S] claim" in claims and "secondhand · 2 hops" in claims
    origin, relay = claims.index("1. origin the UN report (document)"), claims.index("2. relay  Associated Press")
    assert origin < relay
    assert "evidence [" in claims and "cue: stated" in claims
    assert "\x1b" not in out, "no colour when stdout is not a terminal"
    assert max(len(line) for line in out.splitlines()) <= 80


def test_show_by_id_and_errors(corpus_db):
    assert "article 1:" in run(corpus_db, "show", "1").stdout
    result = run(corpus_db, "show", "nope.txt", ok=False)
    assert result.exit_code == 1 and "Error: no article matches 'nope.txt'" in result.stderr
    assert "--no-pager" in run(corpus_db, "show", "--help").stdout


def test_pager_only_on_a_terminal(corpus_db, monkeypatch):
    paged = []
    monkeypatch.setattr(show_command, "page", paged.append)
    run(corpus_db, "show", "a.txt")
    assert not paged
    monkeypatch.setattr(show_command, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert run(corpus_db, "show", "a.txt", "--no-pager").stdout
    assert not paged
    run(corpus_db, "show", "a.txt")
    assert len(paged) == 1 and "[1:S]" in paged[0]


def test_colour_on_a_terminal_keeps_the_marks(corpus_db, monkeypatch):
    monkeypatch.setattr(show_command, "stdout_is_terminal", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = run(corpus_db, "show", "a.txt", "--no-pager").stdout
    assert "\x1b[" in out and "[1:S]" in out


def test_article_text_is_shown_literally(hostile_db):
    out = run(hostile_db, "show", "hostile.txt").stdout
    for literal in ("[bold]markup[/]", "[/]", "[red]x[/red]", "<script>alert('x')</script>", "</textarea>"):
        assert literal in out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    # the readers drop controls on input (issue 11); what a database from before holds is
    # made visible by show_command.visible (tested below)
    assert "red" in out and "evil" in out and "[31m" not in out


def test_visible_keeps_newlines_tabs_and_letters():
    assert show_command.visible("a\tb\nc é ß\u200b") == "a\tb\nc é ß\u200b"
    assert show_command.visible("\u2066x\u2069\x9b") == "<U+2066>x<U+2069><U+009B>"
