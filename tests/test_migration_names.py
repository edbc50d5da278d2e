"""Migration 6 (issue 15): a database written with the old normalization is re-keyed, and the
migration is frozen (it imports no name code that may change later)."""

import ast
from pathlib import Path

from conftest import ARTICLE_A, ARTICLE_B
from fakes import store_texts as store
from sqlalchemy import text

from provenance import query
from provenance.names import normalize_name
from provenance.store import begin_write, open_database, read_session
from provenance.store import migration_names as m6
from provenance.store.migrations import LATEST


def q(engine, sql: str) -> list:
    with engine.connect() as conn:
        return conn.execute(text(sql)).all()


def _as_version_5(engine) -> None:
    """Make a fresh database look as version 5 wrote it: old norms and article-scoped keys, a
    lexicon-named source with no alias for its shown name, an old-style pin."""
    with begin_write(engine) as conn:
        for i, alias in conn.execute(text("SELECT id, alias FROM source_alias")).all():
            conn.execute(text("UPDATE source_alias SET norm = :n WHERE id = :i"), {"n": m6.old_norm(alias), "i": i})
        for i, name, key in conn.execute(text("SELECT id, name, key FROM source WHERE key LIKE '% @%'")).all():
            new = m6.old_norm(name) + " @" + key.split(" @", 1)[1]
            conn.execute(text("UPDATE source SET key = :k WHERE id = :i"), {"k": new, "i": i})
        conn.execute(text("DELETE FROM source_alias WHERE alias IN (SELECT name FROM source)"))
        sid = conn.execute(text("INSERT INTO source (name, type, key) VALUES ('U.S. Coast Guard', 'organization', "
                                "'u s coast guard') RETURNING id")).scalar_one()
        conn.execute(text("INSERT INTO source_alias (source_id, alias, norm, reason, score) "
                          "VALUES (:s, 'The coast guard', 'coast guard', 'first-seen', 1.0)"), {"s": sid})
        conn.execute(text("INSERT INTO source_curation (action, source_id, alias, norm, type, created_at) "
                          "VALUES ('alias', :s, 'U.S.C.G.', 'uscg', 'organization', CURRENT_TIMESTAMP)"), {"s": sid})
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 6"))


def test_migration_6_renormalizes_and_names_every_source(any_db):
    store(any_db, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"))
    _as_version_5(any_db)
    url = any_db.url.render_as_string(hide_password=False)
    any_db.dispose()
    again = open_database(url)
    try:
        assert q(again, "SELECT MAX(version) FROM schema_migrations") == [(LATEST,)]
        assert all(norm == normalize_name(alias) for alias, norm in q(again, "SELECT alias, norm FROM source_alias"))
        for name, key in q(again, "SELECT name, key FROM source WHERE key LIKE '% @%'"):
            assert key.split(" @")[0] == normalize_name(name)
        assert q(again, "SELECT norm FROM source_curation WHERE alias = 'U.S.C.G.'") == [("u s c g",)]
        with read_session(again) as session:
            for sid, name in q(again, "SELECT id, name FROM source"):
                assert sid in query.find_sources(session, name), name
            assert query.get_source(session, "U.S. Coast Guard")["name"] == "U.S. Coast Guard"
    finally:
        again.dispose()


def test_migration_6_is_frozen():
    """It imports nothing but SQLAlchemy and the standard library: no name code that may change."""
    tree = ast.parse(Path(m6.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {i for i in imported if i and i.startswith("provenance")}, imported


def test_old_and_new_normalization_differ_where_issue_15_says():
    assert m6.old_norm("U.S. Coast Guard") == "us coast guard"
    assert m6.new_norm("U.S. Coast Guard") == "u s coast guard" == normalize_name("U.S. Coast Guard")
    for name in ["Cathy Scott-Clarke", "Martin O'Malley", "The U.N.'s report", "Dr. José Ruiz", "AT&T"]:
        assert m6.new_norm(name) == normalize_name(name)
