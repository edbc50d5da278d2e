"""PostgreSQL: the same schema, migrations and answers as SQLite, full-text search through
PostgreSQL's own index, and several ingest processes on one server ending like a sequential run.

Needs a server: ``PROVENANCE_TEST_PG`` or a temporary one (see ``conftest.pg_server``); the
tests skip, saying why, when there is none. Tests named ``any_*`` run on both backends.
"""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ARTICLE_A, ARTICLE_B, EXAMPLES
from fakes import fail_claims_containing
from fakes import store_texts as store
from sqlalchemy import inspect, text

from cli.main import cli
from provenance import query
from provenance.store import open_database, read_session, writer
from provenance.store.migrations import MIGRATIONS, VIEWS, has_fts

CLI = [sys.executable, "-m", "cli"]


def q(engine, sql, **params):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params).all()]


def run(url, *args, input=None):
    result = CliRunner().invoke(cli, ["--db", str(url), *args], input=input)
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def as_json(url, *args):
    return json.loads(run(url, *args, "--format", "json").stdout)


# ---------------------------------------------------------------- schema and migrations


def test_pg_migrations_recorded_once_and_fts_installed(pg_url):
    open_database(pg_url).dispose()
    engine = open_database(pg_url)  # a second open applies nothing new
    try:
        assert q(engine, "SELECT version FROM schema_migrations ORDER BY version") == [(m.version,) for m in MIGRATIONS]
        with engine.connect() as conn:
            assert has_fts(conn)
            views = {v for v in inspect(conn).get_view_names()}
        assert views == set(VIEWS) | {"claim_fts"}
    finally:
        engine.dispose()


def test_pg_schema_is_the_sqlite_schema(pg_url, tmp_path):
    """Same tables, same columns, same foreign keys and unique constraints."""
    def shape(engine):
        with engine.connect() as conn:
            ins = inspect(conn)
            out = {}
            for t in ins.get_table_names():
                out[t] = (
                    sorted(c["name"] for c in ins.get_columns(t)),
                    sorted((tuple(fk["constrained_columns"]), fk["referred_table"]) for fk in ins.get_foreign_keys(t)),
                    sorted(tuple(u["column_names"]) for u in ins.get_unique_constraints(t)),
                )
            return out

    lite, pg = open_database(tmp_path / "s.db"), open_database(pg_url)
    try:
        want = {k: v for k, v in shape(lite).items() if not k.startswith("claim_fts")}
        assert shape(pg) == want
    finally:
        lite.dispose()
        pg.dispose()


def test_pg_a_database_without_the_search_index_gets_it_on_open(pg_url):
    engine = open_database(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP VIEW claim_fts")
        conn.exec_driver_sql("DROP INDEX ix_claim_text_fts")
        assert not has_fts(conn)
    engine.dispose()
    engine = open_database(pg_url)
    with engine.connect() as conn:
        assert has_fts(conn)
    engine.dispose()


# ---------------------------------------------------------------- the same answers on both backends


COMMANDS = [
    ("articles",), ("claims",), ("claims", "--secondhand"), ("claims", "--kind", "vague"),
    ("claims", "--source", "Associated Press"), ("claims", "--search", "secret copy"),
    ("claims", "--search", '"secret copy" OR Iran*'), ("claims", "--search", "ISIS NOT Iran"),
    ("claims", "--article", "1"), ("sources",), ("sources", "--recurring"), ("sources", "--type", "person"),
    ("sources", "--articles", "1"), ("sources", "--recurring", "--limit", "2", "--articles", "0"),
    ("sources", "merges"), ("overlaps",), ("source", "1"),
]


def test_pg_examples_give_the_same_json_as_sqlite(pg_url, tmp_path):
    """Ingest the examples (real extractor) into SQLite and PostgreSQL: every listing is equal."""
    lite = tmp_path / "examples.db"
    for url in (lite, pg_url):
        assert "2 added" in run(url, "ingest", str(EXAMPLES)).stderr
    for args in COMMANDS:
        assert as_json(pg_url, *args) == as_json(lite, *args), args
    claims = as_json(lite, "claims")
    assert claims
    for c in claims[:10]:
        assert as_json(pg_url, "chain", str(c["id"])) == as_json(lite, "chain", str(c["id"]))
    # curation changes both alike
    for url in (lite, pg_url):
        run(url, "sources", "alias", "add", "Associated Press", "The AP wire")
        run(url, "sources", "merge", "2", "3")
    merged = as_json(lite, "source", "2")
    other = next(a for a in merged["aliases"] if a != merged["name"])  # a name source 3 brought
    for url in (lite, pg_url):
        run(url, "sources", "split", "2", other)
        run(url, "ingest", str(EXAMPLES))  # the pins hold on re-ingest
    for args in COMMANDS + [("source", "2")]:
        assert as_json(pg_url, *args) == as_json(lite, *args), args
    def curation(url):
        return [{k: v for k, v in row.items() if not k.endswith("_at")} for row in as_json(url, "sources", "curation")]

    assert curation(pg_url) == curation(lite) != []


def test_any_views_offsets_and_recurring_sources(any_db):
    results = store(any_db, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"))
    assert [r.status for r in results] == ["added", "added"]
    chains = q(any_db, "SELECT claim, kind, hops, chain FROM claim_chain WHERE hops > 0 ORDER BY claim_id")
    assert chains[0] == ("ISIS will survive as a secret copy", "secondhand", 2, "the UN report ← Associated Press")
    recurring = {r[0]: r[1] for r in q(any_db, "SELECT name, article_count FROM recurring_source")}
    assert recurring == {"the UN report": 2, "Thomas Joscelyn": 2, "Associated Press": 2}
    bad = q(any_db, """
        SELECT c.id FROM claim c JOIN article a ON a.id = c.article_id
        WHERE substr(a.text, c.start + 1, c."end" - c.start) != c.text""")
    assert bad == []


def test_any_reingest_is_idempotent_and_edit_makes_a_new_version(any_db):
    store(any_db, (ARTICLE_A, "/a.txt"))
    count = "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM claim), (SELECT count(*) FROM source)"
    before = q(any_db, count)
    assert store(any_db, (ARTICLE_A, "/a.txt"))[0].status == "unchanged"
    assert q(any_db, count) == before
    assert store(any_db, (ARTICLE_A, "/elsewhere.txt"))[0].status == "duplicate"
    [res] = store(any_db, (ARTICLE_A.replace("fine", "awful"), "/a.txt"))
    assert res.status == "version"
    rows = q(any_db, "SELECT id, version, previous_id, is_current FROM article WHERE path = '/a.txt' ORDER BY id")
    assert rows == [(1, 1, None, False), (res.article_id, 2, 1, True)]
    [back] = store(any_db, (ARTICLE_A, "/a.txt"))
    assert back.status == "unchanged" and back.article_id == 1


def test_any_a_failing_article_leaves_nothing_and_the_batch_goes_on(any_db, monkeypatch):
    fail_claims_containing(monkeypatch, "membership")
    results = store(any_db, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"), (ARTICLE_A.replace("fine", "grey"), "/c.txt"))
    assert [r.status for r in results] == ["added", "failed", "added"]
    assert q(any_db, "SELECT path FROM article ORDER BY id") == [("/a.txt",), ("/c.txt",)]
    assert q(any_db, "SELECT count(*) FROM source WHERE name = 'Reuters'") == [(0,)]
    with read_session(any_db) as s:
        assert [c["text"] for c in query.list_claims(s, search="grey")] == ["The weather was grey."]


def test_any_each_result_carries_the_ids_of_its_claims(any_db, monkeypatch):
    """What ingest hands the overlap index instead of reading the new claims back: also right when
    the batch is redone article by article around a failing one."""
    fail_claims_containing(monkeypatch, "membership")
    results = store(any_db, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"), (ARTICLE_A.replace("fine", "grey"), "/c.txt"))
    assert [r.status for r in results] == ["added", "failed", "added"] and results[1].claim_ids == ()
    for r in results[::2]:
        stored = q(any_db, "SELECT id FROM claim WHERE article_id = :a ORDER BY id", a=r.article_id)
        assert r.claim_ids and list(r.claim_ids) == [i for (i,) in stored] and len(r.claim_ids) == r.claims


# ---------------------------------------------------------------- full-text search


SEARCHES = ["secret copy", '"secret copy"', "secr*", "Joscelyn OR Reuters", "ISIS NOT secret",
            "survive AND copy", "20,000", "zzz", "NOT secret", "secret OR", "joscelyn reuters*", "text:secret",
            "\"unclosed", "a--b", '(( "; DROP TABLE claim; --', "NOT", "OR OR", "it's"]


@pytest.mark.parametrize("words", SEARCHES)
def test_any_search_finds_the_same_claims(any_db, words):
    store(any_db, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"))
    with read_session(any_db) as s:
        got = [c["text"] for c in query.list_claims(s, search=words)]
    expected = {
        "secret copy": ["ISIS will survive as a secret copy"],
        '"secret copy"': ["ISIS will survive as a secret copy"],
        "secr*": ["ISIS will survive as a secret copy"],
        "zzz": [],
    }
    if words in expected:
        assert got == expected[words]
    assert q(any_db, "SELECT count(*) FROM claim")[0][0] > 0  # nothing dropped


def test_search_results_equal_on_both_backends(pg_url, tmp_path):
    lite, pg = open_database(tmp_path / "s.db"), open_database(pg_url)
    try:
        for engine in (lite, pg):
            store(engine, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"))
        for words in SEARCHES:
            with read_session(lite) as a, read_session(pg) as b:
                assert ([c["id"] for c in query.list_claims(b, search=words)]
                        == [c["id"] for c in query.list_claims(a, search=words)]), words
    finally:
        lite.dispose()
        pg.dispose()


def test_pg_search_uses_the_gin_index_and_sees_outside_writes(pg_url):
    engine = open_database(pg_url)
    try:
        store(engine, (ARTICLE_A, "/a.txt"))
        with engine.begin() as conn:  # rows written by other tools are indexed by PostgreSQL itself
            conn.execute(text('INSERT INTO claim (article_id, start, "end", text, kind, hops, chain_text) '
                              "VALUES (1, 0, 5, 'zebra crossing', 'unattributed', 0, '')"))
        with read_session(engine) as s:
            assert [c["text"] for c in query.list_claims(s, search="zebra")] == ["zebra crossing"]
            cond, params = query._search_condition(s, "secret cop*")
            s.execute(text("SET LOCAL enable_seqscan = off"))
            cur = s.connection().connection.driver_connection.cursor()
            cur.execute("EXPLAIN SELECT c.id FROM claim c WHERE " + cond.replace("?", "%s"), params)
            plan = "\n".join(r[0] for r in cur.fetchall())
        assert "ix_claim_text_fts" in plan, plan
        # the README's form of the query works too
        assert q(engine, "SELECT c.text FROM claim_fts f JOIN claim c ON c.id = f.rowid "
                         "WHERE f.document @@ websearch_to_tsquery('simple', 'secret copy')") == \
            [("ISIS will survive as a secret copy",)]
    finally:
        engine.dispose()


# ---------------------------------------------------------------- many processes, one server


PEOPLE = ["Maria Lopez", "Kenji Tanaka", "Olu Adeyemi", "Sven Lindqvist", "Priya Raman", "Tomasz Nowak"]
RELAYS = ["Reuters", "Associated Press", "The Sunday Times", "Financial Times"]


def real_article(i: int) -> str:
    return (f"Story number {i} on the budget\n\n"
            f"According to {RELAYS[i % 4]}, the UN report stated that {i} families left the region in week {i}. "
            f"{PEOPLE[i % 6]} said that the talks on item {i} had stalled. "
            f"Two officials said that the vote {i} would be delayed. Prices rose by {i % 13} percent.\n")


def write_jsonl(path, numbers) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in numbers:
            fh.write(json.dumps({"id": f"s{i}", "title": f"Story {i}", "text": real_article(i)}) + "\n")


def by_content(engine) -> dict:
    """What a run stored, independent of ids, paths and order."""
    articles = {h: [n] for h, n in q(engine, "SELECT a.content_hash, (SELECT count(*) FROM mention m "
                                             "WHERE m.article_id = a.id) FROM article a")}
    for h, start, end, kind, chain, links in q(
            engine, 'SELECT a.content_hash, c.start, c."end", c.kind, c.chain_text, '
                    "(SELECT count(*) FROM citation ci WHERE ci.claim_id = c.id) "
                    "FROM claim c JOIN article a ON a.id = c.article_id ORDER BY 1, 2"):
        articles[h].append((start, end, kind, chain, links))
    aliases = sorted(q(engine, "SELECT s.type, s.name, a.alias FROM source_alias a JOIN source s ON s.id = a.source_id"))
    reach = sorted(q(engine, "SELECT s.type, s.name, a.content_hash, sa.mention_count, sa.claim_count "
                             "FROM source_article sa JOIN source s ON s.id = sa.source_id "
                             "JOIN article a ON a.id = sa.article_id"))
    return {"articles": articles, "sources": sorted(q(engine, "SELECT type, name FROM source")),
            "aliases": aliases, "reach": reach}


@pytest.mark.slow
def test_pg_concurrent_ingests_equal_a_sequential_run(pg_server, pg_url, tmp_path):
    """Four ingest processes at once (as four machines would), with overlapping inputs, end
    with what one process ingesting the same files one after the other stores."""
    ranges = [range(0, 220), range(150, 370), range(300, 520), range(0, 100)]
    files = []
    for n, r in enumerate(ranges):
        files.append(tmp_path / f"in{n}.jsonl")
        write_jsonl(files[-1], r)
    procs = [subprocess.Popen(CLI + ["--db", pg_url, "ingest", str(f), "--workers", "1"], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0 and "Traceback" not in err, err

    together = open_database(pg_url)
    sequential_url = pg_url + "_seq"
    import conftest

    with conftest._pg_admin(pg_server) as admin:
        admin.execute(f'CREATE DATABASE "{sequential_url.rsplit("/", 1)[1]}"')
    try:
        seq = open_database(sequential_url)
        from provenance.ingest import ingest

        for f in files:
            assert ingest([str(f)], seq, workers=1).failed == 0
        got, want = by_content(together), by_content(seq)
        assert len(got["articles"]) == 520
        assert q(together, "SELECT count(*), count(DISTINCT content_hash) FROM article") == [(520, 520)]
        assert got == want
        seq.dispose()
    finally:
        together.dispose()
        with conftest._pg_admin(pg_server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{sequential_url.rsplit("/", 1)[1]}" WITH (FORCE)')


@pytest.mark.slow
def test_pg_processes_racing_to_create_a_new_database(pg_url, tmp_path):
    """Three ingests started at once on an empty database: one creates the schema, none fails."""
    files = []
    for n in range(3):
        files.append(tmp_path / f"r{n}.jsonl")
        write_jsonl(files[-1], range(n * 10, n * 10 + 30))
    procs = [subprocess.Popen(CLI + ["--db", pg_url, "ingest", str(f), "--workers", "1"], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0 and "Traceback" not in err, err
    engine = open_database(pg_url)
    try:
        assert q(engine, "SELECT count(*), count(DISTINCT content_hash) FROM article") == [(50, 50)]
        assert q(engine, "SELECT count(*) FROM schema_migrations") == [(len(MIGRATIONS),)]
        assert q(engine, "SELECT count(*) FROM (SELECT type, key FROM source GROUP BY type, key "
                         "HAVING count(*) > 1) d") == [(0,)]
    finally:
        engine.dispose()


def test_pg_errors_are_one_clean_line(tmp_path):
    result = CliRunner().invoke(cli, ["--db", "postgresql://nobody@127.0.0.1:1/none", "articles"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot open database postgresql") and "Traceback" not in result.output


def test_any_a_batch_that_meets_a_deadlock_is_run_again(any_db, monkeypatch):
    from sqlalchemy.exc import OperationalError

    class Deadlock(Exception):
        sqlstate = "40P01"

    real, calls = writer._store_batch_once, []

    def flaky(engine, items, cache=None):
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("INSERT ...", {}, Deadlock("deadlock detected"))
        return real(engine, items, cache)

    monkeypatch.setattr(writer, "_store_batch_once", flaky)
    monkeypatch.setattr(writer.time, "sleep", lambda s: None)
    assert [r.status for r in store(any_db, (ARTICLE_A, "/a.txt"))] == ["added"]
    assert len(calls) == 3
    assert q(any_db, "SELECT count(*) FROM article") == [(1,)]


def test_postgres_scheme_means_psycopg():
    from provenance.store.db import _with_driver, to_url

    assert _with_driver(to_url("postgres://u@h/db")).drivername == "postgresql+psycopg"
    assert _with_driver(to_url("postgresql://u@h/db")).drivername == "postgresql+psycopg"
    assert _with_driver(to_url("postgresql+psycopg2://u@h/db")).drivername == "postgresql+psycopg2"
