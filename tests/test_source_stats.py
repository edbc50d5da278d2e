"""source_stats: the reach of each source over current articles stays equal to the aggregate of
source_article computed from scratch, after ingest, new versions, failures and curation, on
SQLite and PostgreSQL; older databases get it by migration; listings read it."""

import json

import pytest
from click.testing import CliRunner
from conftest import ARTICLE_A, ARTICLE_B
from fakes import fail_claims_containing
from fakes import store_texts as store
from sqlalchemy import text

from cli.main import cli
from provenance import curation, query
from provenance.store import begin_write, open_database, read_session, stats

ARTICLE_C = """Third article

Reuters said that the border was closed.
Thomas Joscelyn said that the talks would resume.
"""


def assert_exact(engine) -> dict:
    """source_stats equals the aggregate of source_article over current articles; return it."""
    with engine.connect() as conn:
        fresh = stats.aggregate_from_scratch(conn)
        assert stats.stored(conn) == fresh
    return fresh


def reach(engine, name: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT st.article_count FROM source_stats st JOIN source s ON s.id = st.source_id "
                                 "WHERE s.name = :n"), {"n": name}).scalar() or 0


@pytest.fixture
def engine(any_url):
    engine = open_database(any_url)
    yield engine
    engine.dispose()


def test_stats_follow_ingest_versions_and_failures(engine, monkeypatch):
    store(engine, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"))
    assert assert_exact(engine)
    assert reach(engine, "Thomas Joscelyn") == 2
    store(engine, (ARTICLE_A, "/a.txt"))  # unchanged: nothing to do
    assert_exact(engine)

    # a new version of b without Reuters and Joscelyn: b's old version stops counting
    edited = "Second article\n\nAssociated Press reported that the leaders moved to Iran.\n"
    [res] = store(engine, (edited, "/b.txt"))
    assert res.status == "version"
    assert_exact(engine)
    assert reach(engine, "Thomas Joscelyn") == 1 and reach(engine, "Reuters") == 0
    # edited back: the first version is current again
    [back] = store(engine, (ARTICLE_B, "/b.txt"))
    assert back.status == "unchanged"
    assert_exact(engine)
    assert reach(engine, "Thomas Joscelyn") == 2 and reach(engine, "Reuters") == 1
    # two versions of one path in one batch
    store(engine, (ARTICLE_C, "/c.txt"), (ARTICLE_C.replace("closed", "open"), "/c.txt"))
    assert_exact(engine)
    assert reach(engine, "Reuters") == 2

    # a batch with a failing article is stored one by one: the others still count
    fail_claims_containing(monkeypatch, "explodes")
    results = store(engine, (ARTICLE_C.replace("closed", "shut"), "/d.txt"),
                    ("Bad\n\nReuters said that it explodes.\n", "/e.txt"))
    assert [r.status for r in results] == ["added", "failed"]
    assert_exact(engine)
    assert reach(engine, "Reuters") == 3


def test_stats_follow_curation(engine):
    store(engine, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"), (ARTICLE_C, "/c.txt"))
    assert_exact(engine)
    with begin_write(engine) as conn:
        curation.merge(conn, "Associated Press", "Reuters")
    assert_exact(engine)
    assert reach(engine, "Associated Press") == 3 and reach(engine, "Reuters") == 0
    with begin_write(engine) as conn:
        curation.split(conn, "Associated Press", "Reuters")
    assert_exact(engine)
    assert reach(engine, "Associated Press") == 2 and reach(engine, "Reuters") == 2
    with begin_write(engine) as conn:  # an alias that names another source merges it
        curation.add_alias(conn, "Associated Press", "Reuters")
    fresh = assert_exact(engine)
    assert reach(engine, "Associated Press") == 3 and reach(engine, "Reuters") == 0
    with read_session(engine) as session:
        listed = {r["id"]: r["article_count"] for r in query.list_sources(session)}
        assert listed == {sid: row[1] for sid, row in fresh.items()}
        assert query.get_source(session, "Thomas Joscelyn")["article_count"] == 3


def test_an_older_database_gets_source_stats_by_migration(engine):
    store(engine, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"))
    expected = assert_exact(engine)
    url = engine.url.render_as_string(hide_password=False)
    with begin_write(engine) as conn:  # as a database written before version 4
        conn.execute(text("DROP VIEW recurring_source"))
        conn.execute(text("DROP TABLE source_stats"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 4"))
    engine.dispose()
    again = open_database(url)
    try:
        assert assert_exact(again) == expected
        with again.connect() as conn:
            assert conn.execute(text("SELECT MAX(version) FROM schema_migrations")).scalar() >= 4
    finally:
        again.dispose()


def test_sources_listing_reads_the_stats_and_caps_its_article_lists(tmp_path):
    db = tmp_path / "s.db"
    engine = open_database(db)
    store(engine, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"), (ARTICLE_C, "/c.txt"))
    engine.dispose()

    def listed(*args):
        result = CliRunner().invoke(cli, ["--db", str(db), "sources", "--recurring", *args, "--format", "json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    [top] = listed("--limit", "1")
    assert top["name"] == "Thomas Joscelyn" and top["article_count"] == 3
    assert [a["path"] for a in top["articles"]] == ["/a.txt", "/b.txt", "/c.txt"]
    assert set(top) >= {"id", "name", "type", "aliases", "articles", "claim_count"}
    capped = {r["name"]: r for r in listed("--articles", "2")}
    assert [a["id"] for a in capped["Thomas Joscelyn"]["articles"]] == [a["id"] for a in top["articles"][:2]]
    assert capped["Thomas Joscelyn"]["article_count"] == 3  # the cut is visible
    assert all(len(r["articles"]) == min(2, r["article_count"]) for r in capped.values())
    whole = {r["name"]: r for r in listed("--articles", "0")}
    assert all(len(r["articles"]) == r["article_count"] for r in whole.values())
    # `source NAME` lists every article
    result = CliRunner().invoke(cli, ["--db", str(db), "source", "Thomas Joscelyn", "--format", "json"])
    assert len(json.loads(result.stdout)["articles"]) == 3
