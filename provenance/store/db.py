"""Open a database by path or SQLAlchemy URL, with safe SQLite settings, migrated to the latest schema.

Every SQLite connection gets ``foreign_keys=ON``, ``journal_mode=WAL``,
``synchronous=NORMAL`` and a 30 s busy timeout (set in a connect hook, because SQLite
forgets pragmas per connection). Transactions are begun explicitly so that savepoints
work with pysqlite, and writers take the write lock up front (``BEGIN IMMEDIATE``) so
two processes writing at once wait for each other instead of failing.
"""

import os
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc, make_url
from sqlalchemy.engine import URL
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from provenance.errors import DatabaseError, SchemaTooNewError
from provenance.store import migrations

BUSY_TIMEOUT_MS = 30_000
_WRITE = "provenance_write"


def to_url(target: str | os.PathLike) -> URL:
    """A SQLAlchemy URL from a URL string or a file path (``:memory:`` for an in-memory db)."""
    s = str(target)
    if "://" in s:
        try:
            return make_url(s)
        except exc.ArgumentError as e:
            raise DatabaseError(f"not a database URL: {s!r}") from e
    if s == ":memory:":
        return make_url("sqlite://")
    return make_url("sqlite:///" + os.path.abspath(os.path.expanduser(s)))


def open_database(target: str | os.PathLike, *, create: bool = True) -> Engine:
    """Open (and with ``create``, create) the database at ``target`` and apply migrations.

    Raises DatabaseError with a plain message when it cannot be opened, created or
    migrated, and SchemaTooNewError when it was written by a newer provenance.
    """
    url = to_url(target)
    shown = describe_url(url)
    is_sqlite = url.get_backend_name() == "sqlite"
    if is_sqlite and url.database:
        _check_sqlite_path(Path(url.database), create)
    try:
        if is_sqlite:
            memory = not url.database
            engine = create_engine(
                url,
                connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                poolclass=StaticPool if memory else None,
            )
            _install_sqlite_hooks(engine)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except exc.SQLAlchemyError as e:
        raise DatabaseError(f"cannot open database {shown}: {explain(e)}") from e
    except ModuleNotFoundError as e:
        raise DatabaseError(f"cannot open database {shown}: driver not installed ({e.name})") from e
    try:
        migrations.migrate(engine, lambda: begin_write(engine))
    except SchemaTooNewError:
        engine.dispose()
        raise
    except exc.SQLAlchemyError as e:
        engine.dispose()
        raise DatabaseError(f"cannot open database {shown}: {explain(e)}") from e
    return engine


def begin_write(engine: Engine):
    """A connection in a transaction that holds the write lock from its first statement."""
    return engine.execution_options(**{_WRITE: True}).begin()


def read_session(engine: Engine) -> Session:
    """A Session for queries."""
    return Session(engine)


def explain(e: Exception) -> str:
    """A database error as one readable line, without SQLAlchemy's background link."""
    if isinstance(e, exc.DBAPIError) and e.orig is not None:
        return str(e.orig).strip() or e.orig.__class__.__name__
    return str(e).split("\n")[0]


def describe_url(url: URL) -> str:
    """The database location as shown to users: a file path, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _check_sqlite_path(path: Path, create: bool) -> None:
    """Clear errors for the common mistakes before SQLite gives an obscure one."""
    if path.is_dir():
        raise DatabaseError(f"cannot open database {path}: it is a folder")
    if not path.exists():
        if not create:
            raise DatabaseError(f"no database at {path} (run `provenance ingest` first, or pass --db)")
        if not path.parent.is_dir():
            raise DatabaseError(f"cannot create database {path}: folder {path.parent} does not exist")


def _install_sqlite_hooks(engine: Engine) -> None:
    """Per-connection pragmas, and explicit BEGIN / BEGIN IMMEDIATE for every transaction."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001 (DB-API objects are untyped)
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (savepoints, DDL in transactions)
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            try:
                cur.execute("PRAGMA journal_mode=WAL")
            except Exception:  # a read-only file keeps its journal mode
                pass
            cur.execute("PRAGMA synchronous=NORMAL")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
