"""``source_stats``: how far each source reaches over current articles, kept exact.

A row is the sum of the source's ``source_article`` rows over *current* articles (and its
type); a source in no current article has no row. The figures change when an article is
stored, when a version stops or starts being current, and when curation moves mentions and
citations between sources. Each of those calls one function here with what it touched,
and the rows of those sources are recomputed from ``source_article`` ⋈ ``article``
(delete, then insert-select): correct by construction, whatever happened before.

- ``refresh_source_stats(conn, source_ids)``: recompute exactly these sources.
- ``refresh_article_sources(conn, article_ids)``: recompute every source of these articles
  and of the versions they replaced (``previous_id``): what the writer calls per batch.
- ``refresh_path_sources(conn, path)``: every source of every version of a path (a file
  edited back to an earlier text makes that version current again).
- ``rebuild_source_stats(conn)``: all of it from scratch (the migration's backfill).
"""

from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, text

_CHUNK = 500  # ids per IN (...) list: within every driver's parameter limit

# the one definition of the figures, for a set of sources ({where}) or all of them
_AGGREGATE = """
    SELECT sa.source_id, s.type, COUNT(*), SUM(sa.claim_count), SUM(sa.mention_count),
           SUM(sa.origin_count), SUM(sa.relay_count)
    FROM source_article sa
    JOIN article a ON a.id = sa.article_id AND a.is_current
    JOIN source s ON s.id = sa.source_id
    {where}
    GROUP BY sa.source_id, s.type
"""
_INSERT = ("INSERT INTO source_stats (source_id, type, article_count, claim_count, mention_count, "
           "origin_count, relay_count) ")


def refresh_source_stats(conn: Connection, source_ids: Iterable[int]) -> None:
    """Recompute the ``source_stats`` rows of exactly these sources (inside the caller's transaction)."""
    for chunk in _chunks(sorted(set(source_ids))):
        params = {f"s{i}": sid for i, sid in enumerate(chunk)}
        in_list = ", ".join(f":{k}" for k in params)
        conn.execute(text(f"DELETE FROM source_stats WHERE source_id IN ({in_list})"), params)
        conn.execute(text(_INSERT + _AGGREGATE.format(where=f"WHERE sa.source_id IN ({in_list})")), params)


def refresh_article_sources(conn: Connection, article_ids: Iterable[int]) -> None:
    """Recompute the sources of these articles and of the versions they replaced."""
    ids = sorted({i for i in article_ids if i is not None})
    sources: set[int] = set()
    for chunk in _chunks(ids):
        params = {f"a{i}": aid for i, aid in enumerate(chunk)}
        in_list = ", ".join(f":{k}" for k in params)
        sources.update(conn.execute(text(
            "SELECT DISTINCT source_id FROM source_article WHERE article_id IN "
            f"({in_list}) OR article_id IN (SELECT previous_id FROM article WHERE id IN ({in_list}))"),
            params).scalars())
    refresh_source_stats(conn, sources)


def refresh_path_sources(conn: Connection, path: str) -> None:
    """Recompute the sources of every stored version of the article at ``path``."""
    sources = conn.execute(text("SELECT DISTINCT sa.source_id FROM source_article sa "
                                "JOIN article a ON a.id = sa.article_id WHERE a.path = :p"), {"p": path}).scalars()
    refresh_source_stats(conn, list(sources))


def rebuild_source_stats(conn: Connection) -> None:
    """Recompute every row from scratch."""
    conn.execute(text("DELETE FROM source_stats"))
    conn.execute(text(_INSERT + _AGGREGATE.format(where="")))


def aggregate_from_scratch(conn: Connection) -> dict[int, tuple]:
    """What every row should be, computed afresh (for checks and tests): source id -> figures."""
    return {r[0]: (r[1], *(int(v) for v in r[2:])) for r in conn.execute(text(_AGGREGATE.format(where="")))}


def stored(conn: Connection) -> dict[int, tuple]:
    """The rows of ``source_stats`` in the same shape as ``aggregate_from_scratch``."""
    return {r[0]: (r[1], *(int(v) for v in r[2:])) for r in conn.execute(text(
        "SELECT source_id, type, article_count, claim_count, mention_count, origin_count, relay_count "
        "FROM source_stats"))}


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]
