"""``provenance reindex`` (issue 14): re-derives source blocks and alias norms with the current
rules, an explicit step now that migrations are frozen."""

import sqlite3

from cli_run import run

from provenance.names import normalize_name
from provenance.resolve_keys import is_scoped_key
from provenance.resolve_plan import blocks_of


def _rows(db, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return sorted(con.execute(sql).fetchall())


def _expected_blocks(db) -> list[tuple]:
    """Every (block, source) the current rules give the stored sources."""
    return sorted({(b, sid) for sid, name, typ, key in _rows(db, "SELECT id, name, type, key FROM source")
                   if not is_scoped_key(key) for b in blocks_of(name, typ)})


def test_reindex_restores_blocks_and_norms_and_removes_stale_ones(corpus_db):
    blocks = _rows(corpus_db, "SELECT block, source_id FROM source_block")
    assert blocks and blocks == _expected_blocks(corpus_db)
    with sqlite3.connect(corpus_db) as con:  # as an older version could have left them
        con.execute("DELETE FROM source_block WHERE block LIKE 'ps:%'")
        con.execute("INSERT INTO source_block (block, source_id) SELECT 'zz:stale', MIN(id) FROM source")
        con.execute("UPDATE source_alias SET norm = 'old form' WHERE id = (SELECT MIN(id) FROM source_alias)")
    lost = len(blocks) - len(_rows(corpus_db, "SELECT block, source_id FROM source_block WHERE block NOT LIKE 'zz:%'"))
    assert lost > 0
    result = run(corpus_db, "reindex")
    assert f"{lost} block(s) added, 1 removed; 1 alias norm(s) rewritten" in result.output
    assert _rows(corpus_db, "SELECT block, source_id FROM source_block") == blocks
    assert all(norm == normalize_name(alias) for alias, norm in _rows(corpus_db, "SELECT alias, norm FROM source_alias"))
    assert "0 block(s) added, 0 removed; 0 alias norm(s) rewritten" in run(corpus_db, "reindex").output


def test_reindex_leaves_sources_and_chains_alone(corpus_db):
    before = [run(corpus_db, cmd, "--format", "json").output for cmd in ("sources", "claims")]
    with sqlite3.connect(corpus_db) as con:
        con.execute("DELETE FROM source_block")
    run(corpus_db, "reindex")
    assert [run(corpus_db, cmd, "--format", "json").output for cmd in ("sources", "claims")] == before


def test_reindex_help_says_what_it_does():
    result = run("unused.db", "reindex", "--help")
    assert "source blocks, alias" in result.output and "norms" in result.output
