"""Schema versions: ordered migrations, plus the views and full-text index, declared here only.

A fresh database gets the current tables and is stamped with every migration; an older
database gets the migrations it lacks, in order; a database newer than this code is
refused. Views are dropped and re-created after any migration (they depend on columns).
Full-text search is each database's own: on SQLite an FTS5 table ``claim_fts`` kept by
triggers; on PostgreSQL a GIN index on ``to_tsvector('simple', claim.text)`` (kept by
PostgreSQL itself, nothing to sync) and a view ``claim_fts (rowid, text, document)`` over
it, so both databases have a ``claim_fts`` to join on ``rowid``. The 'simple' configuration
lowercases and splits words without stemming or stop words, like FTS5's default tokenizer,
so a search finds the same claims on both. Other dialects go without and say so.
"""

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, inspect, text
from sqlmodel import SQLModel

from provenance.errors import SchemaTooNewError
from provenance.store.tables import ALL_TABLES, SchemaMigration
from provenance.store.upsert import table_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    """One schema change: its version number, a short name, and the function that applies it."""

    version: int
    name: str
    upgrade: Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    """Version 1: the tables of provenance.store.tables as first released."""
    SQLModel.metadata.create_all(conn, tables=ALL_TABLES)


def _source_resolution(conn: Connection) -> None:
    """Version 2: source_block and source_curation, with blocks for the sources already stored
    (frozen in provenance.store.migration_blocks, which imports no name or resolution code:
    ``provenance reindex`` re-derives blocks with the current rules)."""
    from provenance.store import migration_blocks
    from provenance.store.tables import RESOLUTION_TABLES

    SQLModel.metadata.create_all(conn, tables=RESOLUTION_TABLES)
    migration_blocks.upgrade(conn)


def _overlaps(conn: Connection) -> None:
    """Version 3: the overlap index and groups (filled on the next ``overlaps`` query)."""
    from provenance.store.tables import OVERLAP_TABLES

    SQLModel.metadata.create_all(conn, tables=OVERLAP_TABLES)


def _source_stats(conn: Connection) -> None:
    """Version 4: source_stats (reach of each source over current articles), filled from source_article."""
    from provenance.store.stats import rebuild_source_stats
    from provenance.store.tables import STATS_TABLES

    SQLModel.metadata.create_all(conn, tables=STATS_TABLES)
    rebuild_source_stats(conn)


# Indexes that cost space and insert time and serve no query: on columns of a handful of
# values (claim.kind, claim.cue_type, citation.role: nothing narrows a search by them; the
# 10k database spends ~19 MB on them), one that repeats the first column of a unique index
# (ix_citation_claim_id: uq_citation_position is (claim_id, position)), and one that did
# harm: SQLite, without statistics, took ix_article_is_current (two values, nearly all 1) for
# selective and drove joins from it: listing the articles of 900 sources scanned every
# current article per source (6.3 s instead of 0.27 s at 10k articles). docs/benchmarks.md
DROPPED_INDEXES = ["ix_claim_kind", "ix_claim_cue_type", "ix_citation_role", "ix_citation_claim_id",
                   "ix_article_is_current"]


def _drop_low_value_indexes(conn: Connection) -> None:
    """Version 5: drop indexes that cost more than they serve (DROPPED_INDEXES)."""
    for name in DROPPED_INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


def _one_name_normalization(conn: Connection) -> None:
    """Version 6: alias norms, article-scoped keys and pins in the one normalization of names
    (frozen in provenance.store.migration_names, which imports no name code)."""
    from provenance.store import migration_names

    migration_names.upgrade(conn)


def _input_files(conn: Connection) -> None:
    """Version 7: input_file (size, mtime and sha256 of each file ingested whole: unchanged, it is skipped unread)."""
    from provenance.store.tables import INPUT_TABLES

    SQLModel.metadata.create_all(conn, tables=INPUT_TABLES)


def _overlap_claims(conn: Connection) -> None:
    """Version 8: overlap_claim, each indexed claim's overlap features, read instead of recomputed.
    Not backfilled: the claims indexed before get their row when they are first met as a candidate
    (``overlap_index``), so opening a large database stays instant and this imports no feature code."""
    from provenance.store.tables import OVERLAP_CLAIM_TABLES

    SQLModel.metadata.create_all(conn, tables=OVERLAP_CLAIM_TABLES)


def _reach_indexes(conn: Connection) -> None:
    """Version 9: citation (source_id, claim_id, position) in place of (source_id), and overlap_group
    widest first, so the first page of ``claims --source``, ``source`` and ``overlaps`` is read in
    index order (docs/benchmarks.md, "Sixth pass")."""
    from provenance.store.tables import CITATION_SOURCE_CLAIM, OVERLAP_GROUP_REACH

    CITATION_SOURCE_CLAIM.create(conn, checkfirst=True)
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_citation_source_id")
    OVERLAP_GROUP_REACH.create(conn, checkfirst=True)


def _key_signatures(conn: Connection) -> None:
    """Version 10: overlap_key.sig, each keyed claim's feature set as a 63-bit Bloom filter, so that the
    index turns most candidates down without reading their features (docs/benchmarks.md, "Seventh
    pass"). Not backfilled: a key written before has none, and its claim is read as before."""
    if "sig" not in {c["name"] for c in inspect(conn).get_columns("overlap_key")}:
        conn.exec_driver_sql("ALTER TABLE overlap_key ADD COLUMN sig BIGINT")


MIGRATIONS: list[Migration] = [
    Migration(1, "tables article, source, source_alias, source_relation, source_article, "
                 "mention, claim, citation; views; claim_fts", _initial),
    Migration(2, "tables source_block, source_curation (cross-article source resolution)", _source_resolution),
    Migration(3, "tables overlap_key, overlap_feature, overlap_pair, overlap_group, overlap_member, "
                 "overlap_state (claims that recur across articles)", _overlaps),
    Migration(4, "table source_stats (reach of each source over current articles, widest first)", _source_stats),
    Migration(5, "drop indexes ix_claim_kind, ix_claim_cue_type, ix_citation_role, ix_citation_claim_id, "
                 "ix_article_is_current", _drop_low_value_indexes),
    Migration(6, "source_alias.norm, article-scoped source keys and curation pins in one normalization of "
                 "names; every source has an alias row for its shown name", _one_name_normalization),
    Migration(7, "table input_file (size, mtime and sha256 of each file ingested whole, so that ingesting it "
                 "again unchanged skips it unread)", _input_files),
    Migration(8, "table overlap_claim (the overlap features of each indexed claim, read by later claims "
                 "instead of extracted from its text again)", _overlap_claims),
    Migration(9, "indexes ix_citation_source_claim (in place of ix_citation_source_id) and ix_overlap_group_reach "
                 "(first pages read in index order)", _reach_indexes),
    Migration(10, "column overlap_key.sig (each keyed claim's features as a Bloom filter: most candidates are "
                  "turned down without reading theirs)", _key_signatures),
]
LATEST = MIGRATIONS[-1].version

# ---------------------------------------------------------------- views (the one place)

VIEWS: dict[str, str] = {
    # each claim of a current article with its article and its chain as readable text
    "claim_chain": """
        SELECT c.id AS claim_id, a.id AS article_id, a.title AS article_title,
               a.path AS article_path, a.outlet AS outlet, c.text AS claim,
               c.kind AS kind, c.hops AS hops, c.cue AS cue, c.chain_text AS chain,
               c.start AS start, c."end" AS "end"
        FROM claim c JOIN article a ON a.id = c.article_id
        WHERE a.is_current
    """,
    # sources that appear in two or more current articles (figures from source_stats, which
    # sums source_article over current articles; ORDER BY article_count DESC reads its index)
    "recurring_source": """
        SELECT s.id AS source_id, s.name AS name, s.type AS type,
               st.article_count AS article_count, st.claim_count AS claim_count,
               st.mention_count AS mention_count,
               st.origin_count AS origin_count, st.relay_count AS relay_count
        FROM source_stats st
        JOIN source s ON s.id = st.source_id
        WHERE st.article_count >= 2
    """,
    # claims that reached the article through someone else (kind 'secondhand')
    "secondhand_claim": """
        SELECT c.id AS claim_id, a.id AS article_id, a.title AS article_title,
               a.outlet AS outlet, c.text AS claim, c.hops AS hops,
               o.name AS origin, c.chain_text AS chain
        FROM claim c
        JOIN article a ON a.id = c.article_id
        LEFT JOIN source o ON o.id = c.origin_source_id
        WHERE c.kind = 'secondhand' AND a.is_current
    """,
}

# FTS5 over claim text, an external-content table kept in sync by triggers.
# content="claim" is quoted so Datasette recognizes it (datasette #1991).
# The insert trigger costs ~60 us a row; the bulk writer sets claim_fts_sync.deferred
# inside its own transaction and indexes its new claims in one statement before commit
# (defer_fts / catch_up_fts), so the index is never seen out of step.
FTS_TABLE = "claim_fts"
FTS_DDL: list[str] = [
    'CREATE VIRTUAL TABLE IF NOT EXISTS claim_fts USING fts5(text, content="claim", content_rowid="id")',
    "CREATE TABLE IF NOT EXISTS claim_fts_sync (deferred INTEGER NOT NULL DEFAULT 0)",
    "INSERT INTO claim_fts_sync (deferred) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM claim_fts_sync)",
    """CREATE TRIGGER IF NOT EXISTS claim_fts_insert AFTER INSERT ON claim
       WHEN COALESCE((SELECT deferred FROM claim_fts_sync LIMIT 1), 0) = 0 BEGIN
         INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text);
       END""",
    """CREATE TRIGGER IF NOT EXISTS claim_fts_delete AFTER DELETE ON claim BEGIN
         INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
       END""",
    """CREATE TRIGGER IF NOT EXISTS claim_fts_update AFTER UPDATE OF text ON claim BEGIN
         INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
         INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text);
       END""",
]


# PostgreSQL: an expression index (the query must use the very same expression to use it)
PG_TS_CONFIG = "simple"
PG_TSVECTOR = f"to_tsvector('{PG_TS_CONFIG}'::regconfig, text)"
PG_FTS_INDEX = "ix_claim_text_fts"
PG_FTS_DDL: list[str] = [
    f"CREATE INDEX IF NOT EXISTS {PG_FTS_INDEX} ON claim USING gin ({PG_TSVECTOR})",
    f"CREATE OR REPLACE VIEW {FTS_TABLE} AS SELECT id AS rowid, text, {PG_TSVECTOR} AS document FROM claim",
]


def install_views(conn: Connection) -> None:
    """Drop and re-create every view (cheap; keeps them in step with the tables)."""
    for name, sql in VIEWS.items():
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE VIEW {name} AS {sql.strip()}")


def install_fts(conn: Connection) -> bool:
    """Create the full-text index (FTS5 and its triggers on SQLite, a tsvector GIN index on
    PostgreSQL); return whether full-text search exists."""
    if conn.dialect.name == "postgresql":
        for ddl in PG_FTS_DDL:
            conn.exec_driver_sql(ddl)
        ctype = conn.exec_driver_sql("SHOW lc_ctype").scalar() or ""
        if "utf" not in ctype.lower().replace("-", ""):
            log.warning("the database's LC_CTYPE is %r: full-text search will take letters beyond ASCII and "
                        "curly quotes for parts of words; create it with a UTF-8 locale (e.g. C.UTF-8)", ctype)
        return True
    if conn.dialect.name != "sqlite":
        log.info("full-text index skipped: %s has neither FTS5 nor tsvector; search falls back to LIKE",
                 conn.dialect.name)
        return False
    existed = has_fts(conn)
    try:
        for ddl in FTS_DDL:
            conn.exec_driver_sql(ddl)
    except Exception as exc:  # SQLite built without FTS5
        log.warning("full-text index skipped: %s", exc)
        return False
    if not existed:
        conn.exec_driver_sql("INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')")
    return True


def defer_fts(conn: Connection) -> int | None:
    """Pause the per-row FTS insert trigger for this transaction; return the first new claim id.

    Returns None when there is no full-text index to keep (PostgreSQL keeps its own).
    Call ``catch_up_fts`` before committing.
    """
    if conn.dialect.name != "sqlite" or not has_fts(conn):
        return None
    conn.exec_driver_sql("UPDATE claim_fts_sync SET deferred = 1")
    return (conn.exec_driver_sql("SELECT MAX(id) FROM claim").scalar() or 0) + 1


def catch_up_fts(conn: Connection, first_id: int | None) -> None:
    """Index the claims added since ``defer_fts`` in one statement and resume the trigger."""
    if first_id is None:
        return
    conn.execute(text("INSERT INTO claim_fts(rowid, text) SELECT id, text FROM claim "
                      "WHERE id >= :first ORDER BY id"), {"first": first_id})
    conn.exec_driver_sql("UPDATE claim_fts_sync SET deferred = 0")


def has_fts(conn: Connection) -> bool:
    """Whether the database has the claim_fts index (on PostgreSQL: the tsvector index)."""
    if conn.dialect.name == "postgresql":
        return conn.execute(text("SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() "
                                 "AND indexname = :n"), {"n": PG_FTS_INDEX}).first() is not None
    if conn.dialect.name != "sqlite":
        return False
    row = conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = :n"), {"n": FTS_TABLE}).first()
    return row is not None


def current_version(conn: Connection) -> int:
    """The schema version recorded in the database (0 for an empty one)."""
    if not inspect(conn).has_table(SchemaMigration.__tablename__):
        return 0
    return conn.execute(text("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")).scalar_one()


def migrate(engine: Engine, begin_write: Callable[[], AbstractContextManager[Connection]]) -> int:
    """Bring the database to the latest version; return the version it had before.

    ``begin_write`` opens a transaction that holds the write lock, so two processes
    opening a fresh database at once do not both create it.
    """
    with engine.connect() as conn:
        found = current_version(conn)
        fts_missing = found == LATEST and conn.dialect.name == "postgresql" and not has_fts(conn)
    _refuse_newer(found)
    if fts_missing:  # a PostgreSQL database made before it had full-text search: add it, once
        with begin_write() as conn:
            install_fts(conn)
    if found == LATEST:
        return found
    with begin_write() as conn:
        found = current_version(conn)
        _refuse_newer(found)
        if found == LATEST:
            return found
        pending = MIGRATIONS if found == 0 else [m for m in MIGRATIONS if m.version > found]
        if found == 0:
            _initial(conn)  # a fresh database gets the current tables in one step
        else:
            for m in pending:
                m.upgrade(conn)
        conn.execute(table_of(SchemaMigration).insert(),
                     [{"version": m.version, "name": m.name} for m in pending])
        install_views(conn)
        install_fts(conn)
    return found


def _refuse_newer(found: int) -> None:
    """Raise when the database is at a version this code does not know."""
    if found > LATEST:
        raise SchemaTooNewError(
            f"the database has schema version {found}, newer than this provenance knows "
            f"(version {LATEST}); upgrade provenance to use it"
        )
