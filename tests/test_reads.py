"""The read path (provenance.reads): plain sqlite3 for a database at this code's schema version,
SQLAlchemy (and a migration) for anything else, and the same answers either way."""

import sqlite3

from conftest import ARTICLE_A, ARTICLE_B
from fakes import fake_extract

from provenance import query
from provenance.readers import parse_text
from provenance.reads import SCHEMA_VERSION, Reader, open_reader
from provenance.store import migrations, open_database, read_session
from provenance.store.writer import store_batch


def test_the_read_path_knows_the_latest_schema_version():
    # a migration added to provenance.store.migrations must move SCHEMA_VERSION with it, or the
    # fast path would read databases it should have migrated (and refuse the migrated ones)
    assert SCHEMA_VERSION == migrations.LATEST
    assert query.PG_TS_CONFIG == migrations.PG_TS_CONFIG


def _loaded(tmp_path):
    engine = open_database(tmp_path / "r.db")
    items = []
    for body, path in ((ARTICLE_A, "/news/a.txt"), (ARTICLE_B, "/news/b.txt")):
        doc = parse_text(body).model_copy(update={"path": path})
        items.append((doc, fake_extract(doc)))
    store_batch(engine, items)
    return engine


def test_plain_sqlite3_and_a_session_give_the_same_answers(tmp_path):
    engine = _loaded(tmp_path)
    with open_reader(tmp_path / "r.db") as fast, read_session(engine) as session:
        assert isinstance(fast.conn, sqlite3.Connection)
        for fn, kwargs in ((query.list_claims, {}), (query.list_claims, {"search": "secret"}),
                           (query.list_sources, {"recurring": False}), (query.list_articles, {}),
                           (query.get_source, {"ref": "Joscelyn"}), (query.list_overlaps, {})):
            assert fn(fast, **kwargs) == fn(session, **kwargs), fn.__name__


def test_a_database_to_migrate_is_opened_through_sqlalchemy_and_migrated(tmp_path):
    _loaded(tmp_path).dispose()
    con = sqlite3.connect(tmp_path / "r.db")
    con.execute("DELETE FROM schema_migrations WHERE version = ?", (SCHEMA_VERSION,))
    con.execute("DROP TABLE overlap_claim")  # what the latest migration adds (see tests/test_cli.py)
    con.commit()
    con.close()
    with open_reader(tmp_path / "r.db") as reader:
        assert len(query.list_claims(reader)) == 7
        assert reader.scalar("SELECT MAX(version) FROM schema_migrations") == SCHEMA_VERSION


def test_a_reader_sees_one_snapshot(tmp_path):
    engine = _loaded(tmp_path)
    with open_reader(tmp_path / "r.db") as reader:
        before = query.count_claims(reader)
        doc = parse_text(ARTICLE_A.replace("fine", "grey")).model_copy(update={"path": "/news/c.txt"})
        store_batch(engine, [(doc, fake_extract(doc))])
        assert query.count_claims(reader) == before
    with open_reader(tmp_path / "r.db") as reader:
        assert query.count_claims(reader) > before


def test_reader_of_a_reader_is_itself(tmp_path):
    _loaded(tmp_path).dispose()
    with open_reader(tmp_path / "r.db") as reader:
        assert Reader.of(reader) is reader
