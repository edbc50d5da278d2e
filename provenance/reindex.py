"""Re-derive what resolution derives from stored names, with the rules of this version.

Migrations are frozen (``provenance.store.migration_blocks``, ``migration_names``): what they
write does not change when the name or blocking rules do. Re-deriving is this explicit step
instead (``provenance reindex``), run when a new version changes those rules:

- ``source_block``: every source is filed under the blocks its shown name gets today
  (``provenance.resolve_plan.blocks_of``), as a source created now would be; article-scoped
  sources have none. Old blocks that today's rules no longer give are removed.
- ``source_alias.norm``: every alias normalized by today's ``normalize_name``, so that a
  name is looked up as it is stored.

Nothing else moves: sources, their keys, aliases, mentions and curation stay as they are.
"""

from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, bindparam, delete, select, update
from sqlmodel import col

from provenance.names import normalize_name
from provenance.resolve_keys import is_scoped_key
from provenance.resolve_plan import blocks_of
from provenance.store.tables import Source, SourceAlias, SourceBlock
from provenance.store.upsert import insert_ignore, table_of

_BATCH = 5000


@dataclass(frozen=True)
class Reindexed:
    """What a reindex changed: block rows added and removed, alias norms rewritten."""

    sources: int
    blocks_added: int
    blocks_removed: int
    norms_changed: int

    def message(self) -> str:
        """One line for the user."""
        return (f"reindexed {self.sources:,} source(s): {self.blocks_added:,} block(s) added, "
                f"{self.blocks_removed:,} removed; {self.norms_changed:,} alias norm(s) rewritten")


def reindex(conn: Connection) -> Reindexed:
    """Re-derive source blocks and alias norms with the current rules (inside the caller's transaction)."""
    sources, added, removed = _reblock(conn)
    return Reindexed(sources, added, removed, _renorm(conn))


def _reblock(conn: Connection) -> tuple[int, int, int]:
    """Replace every source's blocks by those of its name today; return (sources, added, removed)."""
    wanted: set[tuple[str, int]] = set()
    sources = 0
    for sid, name, typ, key in conn.execute(select(col(Source.id), col(Source.name), col(Source.type), col(Source.key))):
        sources += 1
        if not is_scoped_key(key):
            wanted.update((b, cast(int, sid)) for b in blocks_of(name, typ))
    stored = {(b, s) for b, s in conn.execute(select(col(SourceBlock.block), col(SourceBlock.source_id)))}
    stale, new = sorted(stored - wanted), sorted(wanted - stored)
    table = table_of(SourceBlock)
    for i in range(0, len(stale), _BATCH):
        conn.execute(delete(table).where(table.c.block == bindparam("b"), table.c.source_id == bindparam("s")),
                     [{"b": b, "s": s} for b, s in stale[i:i + _BATCH]])
    for i in range(0, len(new), _BATCH):
        conn.execute(insert_ignore(conn, SourceBlock, ["block", "source_id"]),
                     [{"block": b, "source_id": s} for b, s in new[i:i + _BATCH]])
    return sources, len(new), len(stale)


def _renorm(conn: Connection) -> int:
    """Rewrite alias norms that today's normalization writes differently; return how many."""
    rows = [{"alias_id": i, "new_norm": normalize_name(alias)}
            for i, alias, norm in conn.execute(select(col(SourceAlias.id), col(SourceAlias.alias), col(SourceAlias.norm)))
            if normalize_name(alias) != norm]
    table = table_of(SourceAlias)
    for i in range(0, len(rows), _BATCH):
        conn.execute(update(table).where(table.c.id == bindparam("alias_id")).values(norm=bindparam("new_norm")),
                     rows[i:i + _BATCH])
    return len(rows)
