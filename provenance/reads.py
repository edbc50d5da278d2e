"""The read path: plain DB-API SQL over ``sqlite3`` (or psycopg), without SQLAlchemy.

A query command asks a handful of questions and prints; importing SQLAlchemy and SQLModel
and building the table metadata cost 10-20 times the queries themselves (docs/benchmarks.md).
So ``provenance.query`` writes its SQL once, with ``?`` placeholders, for both SQLite and
PostgreSQL, and runs it through a ``Reader``: a DB-API connection and its dialect.

``open_reader`` opens a SQLite file with ``sqlite3`` alone when its recorded schema version is
the one this code writes (one cheap query); anything else (a database to migrate, one too new,
another application's file, a URL, a read-only folder) goes through
``provenance.store.open_database``, which migrates or explains, and the Reader then uses that
engine's driver connection. ``Reader.of`` wraps a SQLAlchemy Session or Connection (the
library's callers, the report, the curation commands) so the same SQL serves them all.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

# A cheap sign of change (index look-ups only): stored with the overlap groups by ingest and
# compared by the ``overlaps`` command before it reads them (provenance.store.overlap_index).
STAMP = ("SELECT (SELECT MAX(id) FROM claim), (SELECT MAX(id) FROM article), (SELECT MAX(id) FROM source), "
         "(SELECT COUNT(*) FROM source), (SELECT COUNT(*) FROM source_curation)")


if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

# The schema version this code writes: provenance.store.migrations.LATEST (kept equal by
# tests/test_reads.py). A database at another version is opened through SQLAlchemy, which
# migrates it (or refuses one that is newer); only one at exactly this version is read directly.
SCHEMA_VERSION = 10
BUSY_TIMEOUT_S = 30.0
CACHE_KIB = 32 * 1024  # page cache per connection, as provenance.store.db sets for its own

Params = Sequence[Any]


class Reader:
    """A DB-API connection for reading, with its dialect (``sqlite`` or ``postgresql``).

    SQL is written with ``?`` placeholders and no literal ``%``; on PostgreSQL they become
    ``%s``. The whole of one Reader's work sees one snapshot of the database (it runs in one
    transaction), as a SQLAlchemy Session did.
    """

    def __init__(self, conn: Any, dialect: str, close: Callable[[], None] | None = None) -> None:
        self.conn = conn
        self.dialect = dialect
        self._close = close
        self._fts: bool | None = None

    @classmethod
    def of(cls, db: Reader | Session | Connection) -> Reader:
        """A Reader for ``db``: itself, or the driver connection under a SQLAlchemy Session or Connection
        (in that Session's transaction)."""
        if isinstance(db, Reader):
            return db
        given: Any = db
        conn: Any = given.connection() if hasattr(given, "get_bind") else given  # a Session, else a Connection
        return cls(conn.connection.driver_connection, conn.dialect.name)

    def _sql(self, sql: str) -> str:
        return sql if self.dialect == "sqlite" else sql.replace("?", "%s")

    def all(self, sql: str, params: Params = ()) -> list[tuple]:
        """Every row of a query, as tuples."""
        cur = self.conn.cursor()
        try:
            cur.execute(self._sql(sql), tuple(params))
            return list(cur.fetchall())
        finally:
            cur.close()

    def first(self, sql: str, params: Params = ()) -> tuple | None:
        """The first row of a query, or None."""
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.first(sql, params)
        return row[0] if row else None

    def column(self, sql: str, params: Params = ()) -> list[Any]:
        """The first column of every row."""
        return [r[0] for r in self.all(sql, params)]

    def has_fts(self) -> bool:
        """Whether the database has its full-text index (FTS5 ``claim_fts``; on PostgreSQL the tsvector index)."""
        if self._fts is None:
            if self.dialect == "sqlite":
                self._fts = self.first("SELECT 1 FROM sqlite_master WHERE name = 'claim_fts'") is not None
            elif self.dialect == "postgresql":
                self._fts = self.first("SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() "
                                       "AND indexname = 'ix_claim_text_fts'") is not None
            else:
                self._fts = False
        return self._fts

    def close(self) -> None:
        """End the read transaction and close what ``open_reader`` opened (a wrapped Session is left alone)."""
        if self._close is not None:
            close, self._close = self._close, None
            close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_reader(target: str | os.PathLike) -> Reader:
    """A Reader on the database at ``target`` (a SQLite path or a URL), migrated if it needs it.

    Raises what ``provenance.store.open_database`` raises for a database that cannot be opened."""
    fast = _open_sqlite(target)
    if fast is not None:
        return fast
    from provenance.store import open_database

    engine = open_database(target, create=False)
    raw = engine.raw_connection()

    def close() -> None:
        try:
            raw.rollback()
        finally:
            raw.close()
            engine.dispose()

    conn: Any = raw.driver_connection
    if engine.dialect.name == "sqlite":
        conn.execute("BEGIN")  # one snapshot for the whole command (the engine's connections are in autocommit)
    return Reader(conn, engine.dialect.name, close)


def _open_sqlite(target: str | os.PathLike) -> Reader | None:
    """A Reader over ``sqlite3`` alone for a SQLite file at this code's schema version, else None."""
    s = str(target)
    if "://" in s or s.strip() in ("", ":memory:"):
        return None
    path = os.path.abspath(os.path.expanduser(s))
    if not os.path.isfile(path):
        return None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        conn.execute("BEGIN")
        version = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
    except sqlite3.Error as exc:  # not a provenance database, unreadable, a read-only folder: the full path explains
        conn.close()
        if (getattr(exc, "sqlite_errorname", "") or "").startswith("SQLITE_BUSY"):  # it would only wait again
            from provenance.errors import DatabaseError

            raise DatabaseError(f"cannot open database {path}: {exc}: another process is writing to it and has not "
                                f"finished within {BUSY_TIMEOUT_S:g} s; try again when it is done") from exc
        return None
    if version != SCHEMA_VERSION:  # to migrate, or newer than this code: the full path does both
        conn.close()
        return None

    def close() -> None:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        conn.close()

    return Reader(conn, "sqlite", close)


def is_operational_error(exc: BaseException) -> bool:
    """Whether a DB-API error is an OperationalError (e.g. FTS5 syntax SQLite will not parse)."""
    return type(exc).__name__ == "OperationalError"
