"""Migration 2 (issue 14): a version 1 database gets the blocks of its stored sources, by rules
frozen in ``provenance.store.migration_blocks`` (no name or resolution code that may change)."""

import ast
from pathlib import Path

from conftest import ARTICLE_A, ARTICLE_B
from fakes import store_texts as store
from sqlalchemy import text

from provenance.store import begin_write, open_database
from provenance.store import migration_blocks as m2


def q(engine, sql: str) -> list:
    with engine.connect() as conn:
        return conn.execute(text(sql)).all()


def test_frozen_blocks_of_each_type():
    """What version 2 files a source under: these values must never change."""
    assert m2.blocks("person", "donald j trump", "Donald J. Trump") == ("ps:trump", "px:t651:d")
    assert m2.blocks("person", "osama bin laden", "Osama bin Laden") == ("ps:bin laden", "px:l350:o")
    assert m2.blocks("person", "martin luther king jr", "Martin Luther King Jr.") == ("ps:king", "px:k520:m")
    assert m2.blocks("person", "trump @0123456789abcdef", "Trump") == ()
    assert m2.blocks("person", "adrian levy & cathy scott-clarke", "Levy and Scott-Clarke") == ()
    assert m2.blocks("organization", "congressional budget office", "Congressional Budget Office") == (
        "os:b323 c526 o120", "ac:cbo")
    assert m2.blocks("organization", "imf", "the IMF") == ("os:i510", "ac:imf")
    assert m2.blocks("document", "united nations report ~2016-03-01", "UN report") == (
        "dk:united nations report", "os:n352 r163 u533")
    assert m2.blocks("outlet", "new york times", "The New York Times") == ()
    assert m2.blocks("anonymous", "two officials @0123456789abcdef", "two officials") == ()


def test_migration_2_is_frozen():
    """It imports nothing but SQLAlchemy and the standard library: no name code that may change."""
    tree = ast.parse(Path(m2.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {i for i in imported if i and i.startswith("provenance")}, imported


def test_a_version_1_database_gets_blocks_for_its_sources(any_db):
    store(any_db, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"))
    with begin_write(any_db) as conn:  # version 1: no source_block, no source_curation
        conn.execute(text("DROP TABLE source_block"))
        conn.execute(text("DROP TABLE source_curation"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 2"))
    url = any_db.url.render_as_string(hide_password=False)
    any_db.dispose()
    again = open_database(url)
    try:
        expected = sorted((b, sid) for sid, name, typ, key in q(again, "SELECT id, name, type, key FROM source")
                          for b in dict.fromkeys(m2.blocks(typ, key, name)))
        assert expected, "the fake corpus has sources with blocks"
        assert sorted(q(again, "SELECT block, source_id FROM source_block")) == [tuple(r) for r in expected]
    finally:
        again.dispose()
