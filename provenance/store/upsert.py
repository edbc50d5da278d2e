"""Dialect-aware ``INSERT ... ON CONFLICT DO NOTHING`` (never ``INSERT OR REPLACE``, which changes ids)."""

from sqlalchemy import Connection, Insert, Table, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def table_of(model: type) -> Table:
    """The Core table of a SQLModel table class (``Model.__table__``, which type checkers do not see)."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def dialect_name(db: Connection | Session) -> str:
    """``sqlite``, ``postgresql``, ... for a connection or session."""
    return (db.get_bind() if isinstance(db, Session) else db).dialect.name


def insert_ignore(db: Connection | Session, model: type, conflict_columns: list[str]) -> Insert:
    """A Core insert into ``model``'s table that skips rows clashing on ``conflict_columns``."""
    table = table_of(model)
    name = dialect_name(db)
    if name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=conflict_columns)
    if name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=conflict_columns)
    return insert(table)  # other dialects: a clash raises, and the article is retried alone
