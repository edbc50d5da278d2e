"""The stored sources as resolution reads and writes them: a few ``IN (...)`` queries and bulk writes.

``provenance.resolve.Resolver`` decides which source each entity is; it asks this class for
the stored sources its plans could match (by key, alias norm, block or id), the curation
pins and the publication days of documents, and hands it the sources, aliases, blocks and
roles it decided to write. The resolver imports nothing of the store: the writer
(``provenance.store.writer``) builds a ``SourceRows`` on its connection and gives it to the
resolver, so the dependency runs one way, store -> resolve (issue 14).

Rows are plain tuples: ``SourceRow`` is ``(id, name, type, key, role)``.
"""

from collections.abc import Iterable, Iterator, Sequence
from typing import cast

from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from provenance.store.tables import Article, Source, SourceAlias, SourceArticle, SourceBlock, SourceCuration
from provenance.store.upsert import insert_ignore, table_of

SourceRow = tuple[int, str, str, str, str | None]  # id, name, type, key, role
_CHUNK = 500  # values per IN (...) list


def _chunks(values: Iterable, size: int = _CHUNK) -> Iterator[list]:
    """Slices of ``values`` small enough for one IN (...) list."""
    values = list(values)
    for i in range(0, len(values), size):
        yield values[i:i + size]


class SourceRows:
    """Reads and writes of the source tables for resolution, inside the caller's transaction."""

    def __init__(self, db: Connection | Session):
        self.db = db

    # ------------------------------------------------------------ reads

    def by_key(self, keys: Sequence[str]) -> Iterator[SourceRow]:
        """Sources whose key is one of ``keys`` (of any type)."""
        for chunk in _chunks(keys):
            yield from cast(Iterable[SourceRow], self.db.execute(
                select(col(Source.id), col(Source.name), col(Source.type), col(Source.key), col(Source.role))
                .where(col(Source.key).in_(chunk))))

    def by_id(self, ids: Sequence[int]) -> Iterator[SourceRow]:
        """Sources with these ids."""
        for chunk in _chunks(ids):
            yield from cast(Iterable[SourceRow], self.db.execute(
                select(col(Source.id), col(Source.name), col(Source.type), col(Source.key), col(Source.role))
                .where(col(Source.id).in_(chunk))))

    def by_alias_norm(self, norms: Sequence[str]) -> Iterator[tuple[int, str, str, str, str, str]]:
        """(source id, alias, norm, source name, type, key) of the aliases whose norm is one of ``norms``."""
        for chunk in _chunks(norms):
            yield from self.db.execute(
                select(col(SourceAlias.source_id), col(SourceAlias.alias), col(SourceAlias.norm), col(Source.name), col(Source.type), col(Source.key))
                .join(Source, col(Source.id) == col(SourceAlias.source_id)).where(col(SourceAlias.norm).in_(chunk))
            )

    def in_blocks(self, blocks: Sequence[str]) -> Iterator[tuple[str, int]]:
        """(block, source id) of the sources filed under any of ``blocks``."""
        for chunk in _chunks(blocks):
            yield from self.db.execute(select(col(SourceBlock.block), col(SourceBlock.source_id))
                                       .where(col(SourceBlock.block).in_(chunk)))

    def publication_days(self, ids: Sequence[int]) -> Iterator[tuple[int, str]]:
        """(source id, day) for each distinct publication day of the articles naming these sources."""
        day = func.substr(col(Article.published), 1, 10)
        for chunk in _chunks(ids):
            yield from self.db.execute(
                select(col(SourceArticle.source_id), day)
                .join(Article, col(Article.id) == col(SourceArticle.article_id))
                .where(col(SourceArticle.source_id).in_(chunk), col(Article.published).is_not(None))
                .distinct()
            )

    def pins(self) -> Iterator[tuple[str, int, str | None, str]]:
        """Curation pins that point to a source, oldest first: (norm, source id, type, action)."""
        yield from cast(Iterable[tuple[str, int, str | None, str]], self.db.execute(
            select(col(SourceCuration.norm), col(SourceCuration.source_id), col(SourceCuration.type),
                   col(SourceCuration.action))
            .where(col(SourceCuration.source_id).is_not(None)).order_by(col(SourceCuration.id))
        ))

    def name_of(self, source_id: int) -> str:
        """The shown name of one source."""
        return self.db.execute(select(col(Source.name)).where(col(Source.id) == source_id)).scalar_one()

    # ------------------------------------------------------------ writes

    def add_sources(self, rows: list[dict]) -> dict[tuple[str, str], int]:
        """Insert sources (``name``, ``type``, ``key``; one already stored with the same type and
        key is kept) and return the id of each (type, key) asked for."""
        if not rows:
            return {}
        self.db.execute(insert_ignore(self.db, Source, ["type", "key"]), rows)
        wanted = {(r["type"], r["key"]) for r in rows}
        ids: dict[tuple[str, str], int] = {}
        for chunk in _chunks(sorted({r["key"] for r in rows})):
            for sid, typ, key in self.db.execute(select(col(Source.id), col(Source.type), col(Source.key))
                                                 .where(col(Source.key).in_(chunk))):
                if (typ, key) in wanted:
                    ids[(typ, key)] = cast(int, sid)
        return ids

    def add_aliases(self, rows: list[dict]) -> None:
        """Insert aliases (``source_id``, ``alias``, ``norm``, ``reason``, ``score``); a name a source already has stays."""
        if rows:
            self.db.execute(insert_ignore(self.db, SourceAlias, ["source_id", "alias"]), rows)

    def add_blocks(self, rows: list[dict]) -> None:
        """File sources under blocks (``block``, ``source_id``)."""
        if rows:
            self.db.execute(insert_ignore(self.db, SourceBlock, ["block", "source_id"]), rows)

    def set_roles(self, rows: list[dict]) -> None:
        """Give sources that have no role one (``sid``, ``role``)."""
        if rows:
            table = table_of(Source)
            self.db.execute(update(table).where(table.c.id == bindparam("sid"), table.c.role.is_(None))
                            .values(role=bindparam("role")), rows)
