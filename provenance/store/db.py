"""Open a database by path or SQLAlchemy URL, with safe SQLite settings, migrated to the latest schema.

Every SQLite connection gets ``foreign_keys=ON``, ``journal_mode=WAL``,
``synchronous=NORMAL`` and a 30 s busy timeout (set in a connect hook, because SQLite
forgets pragmas per connection). Transactions are begun explicitly so that savepoints
work with pysqlite, and writers take the write lock up front (``BEGIN IMMEDIATE``) so
two processes writing at once wait for each other instead of failing.

A SQLite file that does not exist yet is created, with its folder; a SQLite file that holds
another application's tables is refused, never written into. A read-only file (permissions,
or a ``?mode=ro`` URL) can still be queried: when SQLite cannot create the ``-shm`` file
that WAL needs beside it, it is reopened as immutable (read-only, no locking) when it has
no pending ``-wal`` content. ``check_writable`` tells a writer up front that it cannot write.

PostgreSQL (``postgresql://...``, driver psycopg) gets the same schema and the same writer
discipline: every write transaction (``begin_write``) first takes one transaction-level
advisory lock (``pg_advisory_xact_lock``), the counterpart of SQLite's ``BEGIN IMMEDIATE``,
so the ingest processes of many machines store their batches one at a time (extraction,
the expensive part, still runs everywhere at once) and source resolution always sees every
source committed before it. Transactions run at READ COMMITTED, so the statements after the
lock see what the previous holder committed. ``is_transient`` tells which errors (deadlock,
serialization failure, lost connection) are worth retrying.
"""

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from sqlalchemy import Connection, Engine, create_engine, event, exc, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from provenance.errors import DatabaseError, SchemaTooNewError
from provenance.store import migrations

BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 10  # a PostgreSQL server that accepts and never answers: give up after this (URL may override)
CACHE_KIB = 32 * 1024  # SQLite page cache per connection
_WRITE = "provenance_write"
PG_WRITE_LOCK = 0x70726F76  # "prov": the advisory lock every PostgreSQL write transaction takes first
# SQLSTATEs after which the whole transaction may simply be run again
_TRANSIENT_SQLSTATES = {"40001", "40P01", "55P03", "57P01", "08000", "08003", "08006"}


def to_url(target: str | os.PathLike | URL) -> URL:
    """A SQLAlchemy URL from a URL string or a file path (``:memory:`` for an in-memory db)."""
    if isinstance(target, URL):  # already one (str() of it would mask a password)
        return target
    s = str(target)
    if "://" in s:
        try:
            return make_url(s)
        except exc.ArgumentError as e:
            raise DatabaseError(f"not a database URL: {s!r}") from e
    if s == ":memory:":
        return make_url("sqlite://")
    return make_url("sqlite:///" + os.path.abspath(os.path.expanduser(s)))


def open_database(target: str | os.PathLike | URL, *, create: bool = True) -> Engine:
    """Open (and with ``create``, create) the database at ``target`` and apply migrations.

    Raises DatabaseError with a plain message when it cannot be opened, created or
    migrated, and SchemaTooNewError when it was written by a newer provenance.
    """
    url = to_url(target)
    shown = describe_url(url)
    is_sqlite = url.get_backend_name() == "sqlite"
    if is_sqlite and not url.database and str(target).strip() not in (":memory:", "sqlite://"):
        raise DatabaseError(f"{str(target)!r} names no database file (SQLite would use a temporary in-memory "
                            "database and lose everything); give a file, e.g. sqlite:///file:PATH?mode=ro&uri=true")
    file = sqlite_file(url) if is_sqlite else None
    if file is not None:
        _check_sqlite_path(file, create)
        _refuse_foreign(file, shown)
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
            url = _with_driver(url)
            engine = create_engine(url, pool_pre_ping=True,
                                   **({"isolation_level": "READ COMMITTED",
                                       "connect_args": _pg_connect_args(url)} if _is_pg(url) else {}))
            if _is_pg(url):
                # bulk inserts without RETURNING as multi-row INSERT ... VALUES statements, as with
                # RETURNING, rather than psycopg's one statement a row (stores PolNeAR ~1.5x faster)
                engine.dialect.use_insertmanyvalues_wo_returning = True
                _install_postgres_hooks(engine)
    except exc.SQLAlchemyError as e:
        raise DatabaseError(f"cannot open database {shown}: {explain(e)}") from e
    except ModuleNotFoundError as e:
        raise DatabaseError(f"cannot open database {shown}: driver not installed ({e.name})"
                            + ("; install it with: pip install 'provenance[postgres]'" if _is_pg(url) else "")) from e
    try:
        migrations.migrate(engine, lambda: begin_write(engine))
    except (SchemaTooNewError, DatabaseError):
        engine.dispose()
        raise
    except exc.SQLAlchemyError as e:
        engine.dispose()
        if file is not None and not create and _can_reopen_immutable(e, url, file):
            return open_database(_immutable_url(file), create=False)
        raise DatabaseError(f"cannot open database {shown}: {_pg_timeout(e, url) or explain(e)}") from e
    return engine


def check_writable(engine: Engine) -> None:
    """Raise DatabaseError now if the database cannot be written (read-only file, folder or URL),
    rather than after minutes of reading and extracting. Takes the write lock for a moment
    (waiting, like any writer, while another process holds it)."""
    try:
        with begin_write(engine) as conn:
            conn.execute(text("DELETE FROM schema_migrations WHERE 1 = 0"))  # a write that changes nothing
    except exc.SQLAlchemyError as e:
        raise DatabaseError(f"cannot write to database {describe_url(engine.url)}: {explain(e)}") from e


_WIDE = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN",
         "SQLITE_NOTADB", "SQLITE_CORRUPT", "SQLITE_PERM", "SQLITE_AUTH")


def is_database_wide(e: BaseException) -> bool:
    """Whether an error is about the database as a whole (locked, read-only, full, damaged,
    unreachable) rather than about the rows being written: retrying row by row cannot help."""
    if not isinstance(e, exc.OperationalError):
        return False
    name = getattr(e.orig, "sqlite_errorname", None)
    if name is None:  # another DBMS: an OperationalError is a connection or server problem
        return True
    return name.startswith(_WIDE)


def is_transient(e: BaseException) -> bool:
    """Whether an error only says "try the transaction again": a deadlock, a serialization
    failure, a lock not available, or a connection the server dropped (PostgreSQL)."""
    if isinstance(e, exc.DBAPIError) and e.connection_invalidated:
        return True
    return getattr(getattr(e, "orig", None), "sqlstate", None) in _TRANSIENT_SQLSTATES


def _is_pg(url: URL) -> bool:
    return url.get_backend_name() in ("postgresql", "postgres")


def _pg_connect_args(url: URL) -> dict:
    """psycopg's ``connect_timeout``: ``PG_CONNECT_TIMEOUT_S`` unless the URL sets its own."""
    return {} if "connect_timeout" in url.query else {"connect_timeout": PG_CONNECT_TIMEOUT_S}


def _pg_timeout(e: exc.SQLAlchemyError, url: URL) -> str | None:
    """What a PostgreSQL connection that timed out was waiting for, in words; else None."""
    said = str(getattr(e, "orig", "") or "").lower()
    if not _is_pg(url) or "timeout" not in said:
        return None
    wait = url.query.get("connect_timeout", PG_CONNECT_TIMEOUT_S)
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    return (f"no answer from the PostgreSQL server at {where} within {wait} s (connect_timeout; set another "
            "with ?connect_timeout=N in the URL): is it running, and is that its port?")


def _with_driver(url: URL) -> URL:
    """``postgresql://`` means psycopg (version 3, the ``postgres`` extra), not SQLAlchemy's
    default psycopg2, which this project does not install."""
    if url.drivername in ("postgres", "postgresql"):  # postgres:// is the libpq spelling
        return url.set(drivername="postgresql+psycopg")
    return url


def sqlite_file(url: URL) -> Path | None:
    """The file a SQLite URL points to (``file:`` URIs included); None for an in-memory one."""
    db = url.database
    if not db or db == ":memory:":
        return None
    if db.startswith("file:") and str(url.query.get("uri", "")).lower() in ("true", "1", "yes"):
        if url.query.get("mode") == "memory":
            return None
        return Path(unquote(urlsplit(db).path))
    return Path(db)


def _refuse_foreign(file: Path, shown: str) -> None:
    """Refuse a SQLite file that holds tables but no provenance schema: it belongs to something else.

    Looked at through a plain read-only connection, before our connections switch the file to
    WAL (which rewrites its header). Any error here is left for the real open to report.
    """
    if not file.is_file() or file.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"file:{quote(str(file.resolve()))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            names = sorted(n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                           if not n.startswith("sqlite_"))
        finally:
            con.close()
    except sqlite3.Error:
        return
    if names and migrations.SchemaMigration.__tablename__ not in names:
        listed = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        raise DatabaseError(f"{shown} is not a provenance database (it holds other tables: {listed}); "
                            "it was left untouched: choose another file")


def _can_reopen_immutable(e: exc.SQLAlchemyError, url: URL, file: Path) -> bool:
    """Whether opening failed only because SQLite cannot create the WAL index beside a
    read-only file, and the file has no pending WAL content (so immutable reads are exact)."""
    name = getattr(getattr(e, "orig", None), "sqlite_errorname", "") or ""
    if not name.startswith("SQLITE_READONLY") or url.query.get("immutable") == "1":
        return False
    wal = file.with_name(file.name + "-wal")
    return not wal.exists() or wal.stat().st_size == 0


def _immutable_url(file: Path) -> URL:
    """A read-only, lock-free URL for ``file``."""
    return URL.create("sqlite", database="file:" + quote(str(file.resolve())),
                      query={"mode": "ro", "immutable": "1", "uri": "true"})


def begin_write(engine: Engine):
    """A connection in a transaction that holds the write lock from its first statement."""
    return engine.execution_options(**{_WRITE: True}).begin()


def read_session(engine: Engine) -> Session:
    """A Session for queries."""
    return Session(engine)


# SQLite errors whose own words do not say what to do
_HINTS = {
    "SQLITE_BUSY": "another process is writing to it and has not finished within {timeout:g} s; "
                   "try again when it is done",
    "SQLITE_READONLY_DIRECTORY": "its folder is read-only (SQLite needs to create files beside it to write)",
    "SQLITE_READONLY": "the database is read-only (check the file's permissions)",
    "SQLITE_CANTOPEN": "check that the file and its folder exist and can be read",
}


def explain(e: Exception) -> str:
    """A database error as one readable line, without SQLAlchemy's background link."""
    if isinstance(e, exc.DBAPIError) and e.orig is not None:
        said = " ".join(str(e.orig).split()) or e.orig.__class__.__name__  # PostgreSQL's come in several lines
        name = getattr(e.orig, "sqlite_errorname", "") or ""
        hint = _HINTS.get(name) or _HINTS.get("_".join(name.split("_")[:2]))  # SQLITE_BUSY_SNAPSHOT: SQLITE_BUSY
        return f"{said}: {hint.format(timeout=BUSY_TIMEOUT_MS / 1000)}" if hint else said
    return str(e).split("\n")[0]


def describe_url(url: URL) -> str:
    """The database location as shown to users: a file path, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        file = sqlite_file(url)
        return str(file) if file is not None else ":memory:"
    return url.render_as_string(hide_password=True)


def _check_sqlite_path(path: Path, create: bool) -> None:
    """Clear errors for the common mistakes before SQLite gives an obscure one."""
    if path.is_dir():
        raise DatabaseError(f"cannot open database {path}: it is a folder")
    if not path.exists():
        if not create:
            raise DatabaseError(f"no database at {path} (run `provenance ingest` first, or pass --db)")
        if not path.parent.is_dir():  # a new database in a new folder: make the folder
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise DatabaseError(f"cannot create database {path}: cannot create folder {path.parent}: "
                                    f"{(e.strerror or str(e)).lower()}") from e


def _install_postgres_hooks(engine: Engine) -> None:
    """Every write transaction takes the writers' advisory lock first (waiting for the
    transaction that holds it, on any machine, to commit or roll back)."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(_WRITE, False):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")


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
            # 32 MiB of page cache (the default is 2 MiB): index inserts and look-ups on a large
            # database stop going to the OS for the same upper B-tree pages again and again
            cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
