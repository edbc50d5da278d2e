"""Schema version 9 (issue 13, sixth pass): the first page of ``overlaps``, ``claims --source`` and
``source`` read in index order, not sorted from every group or every citation of the source."""

import sqlite3

from provenance.store import open_database
from provenance.store.migrations import LATEST


def _indexes(path) -> set[tuple[str, str]]:
    con = sqlite3.connect(path)
    try:
        return set(
            con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        )
    finally:
        con.close()


def _plan(path, sql: str, params=()) -> str:
    con = sqlite3.connect(path)
    try:
        return " | ".join(row[-1] for row in con.execute("EXPLAIN QUERY PLAN " + sql, params))
    finally:
        con.close()


def test_a_version_8_database_gets_the_indexes_a_new_one_has(tmp_path):
    fresh, old = tmp_path / "fresh.db", tmp_path / "old.db"
    open_database(fresh).dispose()
    open_database(old).dispose()
    con = sqlite3.connect(old)  # back to version 8 as it was
    con.execute("DROP INDEX ix_citation_source_claim")
    con.execute("DROP INDEX ix_overlap_group_reach")
    con.execute("CREATE INDEX ix_citation_source_id ON citation (source_id)")
    con.execute("DELETE FROM schema_migrations WHERE version >= 9")  # and any later
    con.commit()
    con.close()
    open_database(old).dispose()
    assert LATEST >= 9
    assert _indexes(old) == _indexes(fresh)
    names = {name for name, _ in _indexes(fresh)}
    assert {
        "ix_citation_source_claim",
        "ix_overlap_group_reach",
    } <= names and "ix_citation_source_id" not in names


def test_first_pages_are_read_in_index_order(tmp_path):
    db = tmp_path / "p.db"
    open_database(db).dispose()
    groups = _plan(
        db,
        "SELECT g.id, g.score, g.independent, g.shared_origin_id, g.text, s.name FROM overlap_group g "
        "LEFT JOIN source s ON s.id = g.shared_origin_id "
        "ORDER BY g.article_count DESC, g.claim_count DESC, g.id LIMIT 50",
    )
    assert "ix_overlap_group_reach" in groups and "TEMP B-TREE" not in groups
    claims = _plan(
        db,
        "SELECT c.id, ct.position FROM citation ct JOIN claim c ON c.id = ct.claim_id "
        "JOIN article a ON a.id = c.article_id AND a.is_current WHERE ct.source_id = ? "
        "ORDER BY ct.claim_id, ct.position",
        (1,),
    )
    assert "ix_citation_source_claim" in claims and "TEMP B-TREE" not in claims
    by_source = _plan(
        db,
        "SELECT c.id FROM claim c JOIN article a ON a.id = c.article_id WHERE a.is_current AND "
        "c.id IN (SELECT claim_id FROM citation WHERE source_id IN (?)) ORDER BY c.id LIMIT 50",
        (1,),
    )
    assert "COVERING INDEX ix_citation_source_claim" in by_source
