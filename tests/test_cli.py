"""The command line, through click's CliRunner on a temporary database."""

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from sqlalchemy import text

from cli.main import cli
from provenance.errors import NotFoundError
from provenance.store import open_database

FORMATS = ["table", "json", "jsonl", "csv"]
CLAIM_KEYS = {"id", "article", "text", "start", "end", "cue", "kind", "hops", "chain"}
LINK_KEYS = {"source_id", "name", "type", "aliases", "cue", "evidence"}


def run(db, *args, input=None, ok=True):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], input=input)
    if ok:
        assert result.exit_code == 0, (result.output, result.exception)
    assert "Traceback" not in result.output
    return result


def parsed(result, fmt):
    out = result.stdout
    if fmt == "json":
        return json.loads(out)
    if fmt == "jsonl":
        return [json.loads(line) for line in out.splitlines()]
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(out)))
    return out


# ---------------------------------------------------------------- end to end on the examples


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    """The two example articles, ingested once with the real extractor."""
    db = tmp_path_factory.mktemp("examples") / "ex.db"
    result = run(db, "ingest", str(EXAMPLES))
    assert "2 added" in result.stderr
    return db


def test_examples_claims_json_shape(examples_db):
    claims = parsed(run(examples_db, "claims", "--format", "json"), "json")
    assert isinstance(claims, list) and claims
    texts = {}
    for c in claims:
        assert CLAIM_KEYS <= set(c)
        assert set(c["article"]) >= {"id", "path", "title", "outlet"}
        assert c["hops"] == len(c["chain"])
        if c["article"]["path"] not in texts:
            texts[c["article"]["path"]] = open(c["article"]["path"], encoding="utf-8").read()
        body = texts[c["article"]["path"]]
        assert body[c["start"]:c["end"]] == c["text"]
        for link in c["chain"]:
            assert LINK_KEYS <= set(link)
            ev = link["evidence"]
            assert body[ev["start"]:ev["end"]] == ev["text"]
    assert {c["article"]["outlet"] for c in claims} == {None, "alarabiya"}
    assert any(c["chain"] for c in claims), "the extractor found no sourced claim in the examples"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", [["claims"], ["articles"], ["sources"]])
def test_examples_every_listing_in_every_format(examples_db, command, fmt):
    result = run(examples_db, *command, "--format", fmt)
    rows = parsed(result, fmt)
    if fmt == "table":
        assert rows.strip() or command == ["sources"]
    elif command == ["articles"]:
        assert len(rows) == 2
    if fmt == "csv" and rows:
        assert "id" in rows[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_examples_chain_in_every_format(examples_db, fmt):
    claims = parsed(run(examples_db, "claims", "--format", "json"), "json")
    sourced = next((c for c in claims if c["chain"]), claims[0])
    result = run(examples_db, "chain", str(sourced["id"]), "--format", fmt)
    if fmt == "json":
        assert parsed(result, fmt)["chain"] == sourced["chain"]
    elif fmt == "table":
        assert sourced["text"][:20] in result.stdout.replace("\n", " ") or str(sourced["id"]) in result.stdout


# ---------------------------------------------------------------- predictable chains (fake extractor)


@pytest.fixture
def corpus_db(tmp_path, corpus, fake):
    db = tmp_path / "c.db"
    result = run(db, "ingest", str(corpus), "--workers", "1")
    assert "2 article(s): 2 added" in result.stderr and "7 claims" in result.stderr
    return db


def test_claims_json_carries_chains(corpus_db):
    claims = parsed(run(corpus_db, "claims", "--format", "json"), "json")
    first = claims[0]
    assert [link["name"] for link in first["chain"]] == ["the UN report", "Associated Press"]
    assert first["kind"] == "secondhand" and first["hops"] == 2
    assert first["chain"][1]["evidence"]["text"] == "According to Associated Press"
    assert first["article"]["path"].endswith("a.txt")


def test_claim_filters_on_the_command_line(corpus_db):
    assert len(parsed(run(corpus_db, "claims", "--secondhand", "--format", "jsonl"), "jsonl")) == 3
    assert len(parsed(run(corpus_db, "claims", "--source", "Thomas Joscelyn", "--format", "json"), "json")) == 2
    assert len(parsed(run(corpus_db, "claims", "--article", "b.txt", "--kind", "direct", "--format", "json"), "json")) == 1
    assert len(parsed(run(corpus_db, "claims", "--search", "secret copy", "--format", "json"), "json")) == 1
    assert len(parsed(run(corpus_db, "claims", "--search", "\"unbalanced (", "--format", "json"), "json")) == 0
    assert len(parsed(run(corpus_db, "claims", "--limit", "2", "--format", "csv"), "csv")) == 2


def test_chain_tree_shows_links_with_evidence_and_offsets(corpus_db):
    out = run(corpus_db, "chain", "1").stdout
    assert "origin: the UN report (document)" in out
    assert "relay: Associated Press (outlet)" in out
    assert out.index("origin") < out.index("relay")
    assert "evidence [" in out and "“According to Associated Press”" in out
    rows = parsed(run(corpus_db, "chain", "1", "--format", "csv"), "csv")
    assert [r["role"] for r in rows] == ["origin", "relay"]


def test_sources_and_source(corpus_db):
    rows = parsed(run(corpus_db, "sources", "--format", "json"), "json")
    assert {"id", "name", "type", "aliases", "articles", "claim_count"} <= set(rows[0])
    recurring = parsed(run(corpus_db, "sources", "--recurring", "--format", "json"), "json")
    assert {r["name"] for r in recurring} == {"the UN report", "Thomas Joscelyn", "Associated Press"}
    outlets = parsed(run(corpus_db, "sources", "--type", "outlet", "--format", "csv"), "csv")
    assert {r["name"] for r in outlets} == {"Associated Press", "Reuters"}
    detail = parsed(run(corpus_db, "source", "Associated", "Press", "--format", "json"), "json")
    assert detail["name"] == "Associated Press" and detail["relay_count"] == 1
    table = run(corpus_db, "source", "Thomas Joscelyn").stdout
    assert "aliases: Mr Thomas Joscelyn" in table and "claims" in table


def test_reingest_reports_unchanged(corpus_db, corpus):
    result = run(corpus_db, "ingest", str(corpus), "--workers", "1")
    assert "0 added, 2 unchanged" in result.stderr
    assert run(corpus_db, "ingest", str(corpus), "--quiet").stderr == ""


def test_stdin_and_overrides(tmp_path, fake):
    db = tmp_path / "s.db"
    run(db, "ingest", "-", "--outlet", "Le Monde", "--published", "2024-01-02",
        input="A title\n\nReuters reported that prices rose.\n")
    [art] = parsed(run(db, "articles", "--format", "json"), "json")
    assert (art["outlet"], art["published"], art["path"]) == ("Le Monde", "2024-01-02", None)


# ---------------------------------------------------------------- failures and exit codes


def test_unreadable_file_is_named_and_the_rest_ingested(tmp_path, corpus, fake):
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    (corpus / "feed.jsonl").write_text('{"text": "Reuters reported that it snowed."}\n{oops\n')
    result = run(tmp_path / "x.db", "ingest", str(corpus), "--workers", "1", ok=False)
    assert result.exit_code == 1
    assert "photo.jpg: binary file" in result.stderr
    assert "feed.jsonl:2: malformed JSON" in result.stderr
    assert "3 added" in result.stderr and "2 input(s) failed" in result.stderr
    assert len(parsed(run(tmp_path / "x.db", "articles", "--format", "json"), "json")) == 3


@pytest.mark.parametrize("args", [["ingest"], ["claims", "--kind", "rumour"], ["claims", "--format", "xml"],
                                  ["nosuchcommand"], ["chain", "abc"]])
def test_usage_errors_exit_2(tmp_path, args):
    assert run(tmp_path / "u.db", *args, ok=False).exit_code == 2


def test_errors_are_one_clean_line_with_exit_1(tmp_path, corpus_db):
    missing = run(tmp_path / "none.db", "claims", ok=False)
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: no database at")
    unknown = run(corpus_db, "chain", "999", ok=False)
    assert unknown.exit_code == 1 and unknown.stderr == "Error: no claim with id 999\n"
    nosource = run(corpus_db, "claims", "--source", "Nobody'; --", "--format", "json", ok=False)
    assert nosource.exit_code == 1 and "no source matches" in nosource.stderr
    assert nosource.stdout == ""  # no half-printed JSON array
    (tmp_path / "file").write_text("")
    nofolder = run(tmp_path / "file" / "x.db", "ingest", str(tmp_path), ok=False)
    assert nofolder.exit_code == 1 and nofolder.stderr.startswith("Error: cannot create database")


def test_debug_shows_the_exception(corpus_db):
    result = CliRunner().invoke(cli, ["--db", str(corpus_db), "--debug", "chain", "999"])
    assert isinstance(result.exception, NotFoundError)


def test_newer_schema_is_refused_cleanly(corpus_db):
    engine = open_database(corpus_db)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'x', '2100-01-01')"))
    engine.dispose()
    result = run(corpus_db, "claims", ok=False)
    assert result.exit_code == 1 and "newer than this provenance knows" in result.stderr


def test_db_from_environment(tmp_path, corpus, fake, monkeypatch):
    monkeypatch.setenv("PROVENANCE_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--workers", "1"])
    assert result.exit_code == 0 and (tmp_path / "env.db").exists()


def test_version_and_module_entry_point():
    """`provenance --version` answers, and `python -m cli` runs the CLI (the library has no `__main__`)."""
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "provenance" in result.output and "0." in result.output
    proc = subprocess.run([sys.executable, "-m", "cli", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "ingest" in proc.stdout


# ---------------------------------------------------------------- start-up

_LOADED = """
import sys
from click.testing import CliRunner
from cli.main import cli
for args in {calls!r}:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, (args, result.output)
print(" ".join(m for m in {heavy!r} if m in sys.modules))
"""
_HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "rich", "provenance.query", "provenance.resolve",
          "provenance.names", "provenance.overlaps", "provenance.extract", "provenance.store")


def _loaded_by(calls: list[list[str]]) -> set[str]:
    """Which heavy modules a fresh interpreter has loaded after these CLI calls."""
    root = str(EXAMPLES.parent)
    env = {**__import__("os").environ, "PYTHONPATH": root}
    out = subprocess.run([sys.executable, "-c", _LOADED.format(calls=calls, heavy=_HEAVY)], cwd=root, env=env,
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_help_and_version_import_no_database_layer():
    calls = [["--version"], ["--help"], ["sources", "--help"], ["sources", "merge", "--help"]]
    calls += [[cmd, "--help"] for cmd in ("ingest", "articles", "claims", "chain", "source", "overlaps", "eval")]
    assert _loaded_by(calls) == set()


def test_a_query_command_imports_only_what_it_uses(tmp_path):
    db = tmp_path / "q.db"
    run(db, "ingest", str(EXAMPLES), "--workers", "1", "-q")
    calls = [["--db", str(db), "claims", "--source", "Associated Press", "--format", "json"],
             ["--db", str(db), "sources", "--recurring", "--format", "jsonl"],
             ["--db", str(db), "source", "Associated Press", "--format", "json"],
             ["--db", str(db), "chain", "1", "--format", "json"],
             ["--db", str(db), "articles", "--format", "json"],
             ["--db", str(db), "overlaps", "--format", "json"],
             ["--db", str(db), "show", "1", "--no-pager"]]
    loaded = _loaded_by(calls)
    # plain sqlite3 SQL (provenance.reads): no SQLAlchemy, SQLModel, pydantic or extractor; a source
    # asked for by name is normalized by provenance.name_norm alone, not the name rules around it
    assert "provenance.query" in loaded
    assert not loaded & {"sqlalchemy", "sqlmodel", "pydantic", "provenance.store", "provenance.extract",
                         "provenance.resolve", "provenance.overlaps", "provenance.names"}, loaded


def test_a_database_to_migrate_still_migrates(tmp_path):
    """The fast read path reads only a database at this code's schema version; an older one goes
    through SQLAlchemy and is migrated first."""
    import sqlite3

    db = tmp_path / "q.db"
    run(db, "ingest", str(EXAMPLES), "--workers", "1", "-q")
    con = sqlite3.connect(db)
    latest = con.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
    # the key signatures' migration is the latest (a migration added after it: undo that one here instead)
    assert con.execute("SELECT name FROM schema_migrations WHERE version = ?", (latest,)).fetchone()[0].startswith(
        "column overlap_key.sig")
    con.execute("DELETE FROM schema_migrations WHERE version = ?", (latest,))
    con.execute("ALTER TABLE overlap_key DROP COLUMN sig")
    con.commit()
    con.close()
    assert json.loads(run(db, "claims", "--limit", "1", "--format", "json").stdout)
    con = sqlite3.connect(db)
    assert con.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == latest
    assert "sig" in {row[1] for row in con.execute("PRAGMA table_info(overlap_key)")}
    con.close()


def test_a_command_module_that_fails_to_import_fails_loudly(monkeypatch):
    """A broken command module is an error, never a command silently missing (issue 14)."""
    import importlib

    from click.testing import CliRunner

    from cli.main import cli

    real = importlib.import_module

    def broken(name, *args, **kwargs):
        if name == "cli.eval_command":
            raise ImportError("broken on purpose")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", broken)
    cli.commands.pop("eval", None)  # not yet loaded in this process, or loaded by another test
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert result.exit_code != 0
    assert isinstance(result.exception, ImportError) or "broken on purpose" in result.output


_NEWLY_LOADED = """
import sys
before = set(sys.modules)
from cli.main import cli
for args in {calls!r}:
    try:
        cli.main(args, prog_name="provenance")
    except SystemExit as exit:
        assert not exit.code, (args, exit.code)
print(" ".join(sorted(m for m in {watched!r} if m in sys.modules and m not in before)), file=sys.stderr)
"""


def test_programs_formats_load_no_table_machinery(tmp_path):
    """json and jsonl output (what a program calls, many times) loads neither rich nor csv, nor
    dataclasses or pathlib (issue 13: each cost every start a few ms); csv loads csv alone, a
    table, a source, a chain or an article page none of them. Checked in a plain interpreter, not CliRunner (which imports more itself)."""
    db = tmp_path / "q.db"
    run(db, "ingest", str(EXAMPLES), "--workers", "1", "-q")
    watched = ("rich", "csv", "dataclasses", "pathlib", "rapidfuzz")

    def loaded(calls: list[list[str]]) -> set[str]:
        root = str(EXAMPLES.parent)
        env = {**__import__("os").environ, "PYTHONPATH": root}
        proc = subprocess.run([sys.executable, "-c", _NEWLY_LOADED.format(calls=calls, watched=watched)],
                              cwd=root, env=env, capture_output=True, text=True, check=True)
        return set(proc.stderr.split())

    base = ["--db", str(db)]
    programs = [base + ["claims", "--kind", "direct", "--limit", "50", "--format", "json"],
                base + ["claims", "--search", "said", "--format", "jsonl"],
                base + ["sources", "--recurring", "--limit", "50", "--format", "json"],
                base + ["chain", "1", "--format", "json"],
                base + ["articles", "--format", "jsonl"],
                base + ["overlaps", "--limit", "50", "--format", "json"]]
    assert loaded(programs) == set()
    # a source asked for by name needs only provenance.name_norm (not provenance.names, whose name
    # parts are dataclasses, nor its fuzzy matching, rapidfuzz)
    by_name = [base + ["claims", "--source", "Associated Press", "--limit", "50", "--format", "json"],
               base + ["source", "Associated Press", "--format", "json"]]
    assert loaded(by_name) == set()
    assert loaded([base + ["claims", "--limit", "5", "--format", "csv"]]) == {"csv"}
    # people's tables, a source, a chain and the article page are drawn by cli.table, without rich
    # (its import and layout were most of a table command's time)
    tables = [base + ["claims", "--limit", "50"], base + ["sources", "--recurring", "--limit", "50"],
              base + ["articles", "--limit", "50"], base + ["overlaps", "--limit", "50"],
              base + ["chain", "1"], base + ["source", "1"], base + ["show", "1"]]
    assert loaded(tables) == set()
