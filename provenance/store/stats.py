"""``source_stats``: how far each source reaches over current articles, kept exact.

A row is the sum of the source's ``source_article`` rows over *current* articles (and its
type); a source in no current article has no row. The figures change when an article is
stored, when a version stops or starts being current, and when curation moves mentions and
citations between sources. Each of those calls one function here with what it touched:

- ``refresh_source_stats(conn, source_ids)``: recompute exactly these sources from
  ``source_article`` ⋈ current ``article`` (delete, then insert-select): correct by
  construction, whatever happened before. Curation calls it for the sources it changes.
- ``count_stored_articles(conn, article_ids)``: what the writer calls per batch: add the
  ``source_article`` rows of the articles it stored, and take away those of the versions
  they replaced (``previous_id``). Recomputing every source a batch touches instead costs
  the *reach* of those sources: a batch of 200 articles touches ~2,000 sources whose rows
  sum to ~110k of the 193k ``source_article`` rows at 10k articles (~1 s a batch, growing
  with the corpus), while the increment costs the batch's own ~4,000 rows.
- ``switch_current(conn, path, article_id)``: an older version of ``path`` becomes current
  again (the file was edited back): take away the current version's rows, add its own.
- ``rebuild_source_stats(conn)``: all of it from scratch (the migration's backfill, repair).

Every change of ``is_current`` goes through one of these exactly once, so the increments sum
to the aggregate; tests/test_source_stats.py compares the table with ``aggregate_from_scratch``
after ingest, new versions, edits back, failed articles and curation, on SQLite and PostgreSQL.
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


_FIGURES = ("article_count", "claim_count", "mention_count", "origin_count", "relay_count")


def count_stored_articles(conn: Connection, article_ids: Iterable[int]) -> None:
    """Add the rows of these newly stored (current) articles to ``source_stats``, and take away
    those of the versions they replaced. Call once per stored article, in its transaction."""
    ids = sorted({i for i in article_ids if i is not None})
    replaced: list[int] = []
    for chunk in _chunks(ids):
        params = {f"a{i}": aid for i, aid in enumerate(chunk)}
        in_list = ", ".join(f":{k}" for k in params)
        replaced += conn.execute(text(f"SELECT previous_id FROM article WHERE id IN ({in_list}) "
                                      "AND previous_id IS NOT NULL"), params).scalars()
    _add(conn, ids, +1)
    _add(conn, replaced, -1)


def switch_current(conn: Connection, path: str, article_id: int) -> None:
    """Before ``article_id`` (a stored version of ``path``) becomes its current version again:
    take away the figures of the version current now, and add its own."""
    current = list(conn.execute(text("SELECT id FROM article WHERE path = :p AND is_current AND id <> :a"),
                                {"p": path, "a": article_id}).scalars())
    is_current = conn.execute(text("SELECT is_current FROM article WHERE id = :a"), {"a": article_id}).scalar()
    _add(conn, current, -1)
    if not is_current:
        _add(conn, [article_id], +1)


def _add(conn: Connection, article_ids: list[int], sign: int) -> None:
    """Add (sign +1) or take away (-1) the source_article rows of these articles, per source."""
    update = ", ".join(f"{f} = source_stats.{f} + excluded.{f}" for f in _FIGURES)  # excluded has the sign
    for chunk in _chunks(sorted(set(article_ids))):
        params = {f"a{i}": aid for i, aid in enumerate(chunk)}
        in_list = ", ".join(f":{k}" for k in params)
        # a source new to source_stats gets its row (negative only if the table was already wrong)
        conn.execute(text(
            _INSERT + f"""
            SELECT sa.source_id, s.type, {sign} * COUNT(*), {sign} * SUM(sa.claim_count),
                   {sign} * SUM(sa.mention_count), {sign} * SUM(sa.origin_count), {sign} * SUM(sa.relay_count)
            FROM source_article sa JOIN source s ON s.id = sa.source_id
            WHERE sa.article_id IN ({in_list})
            GROUP BY sa.source_id, s.type
            ON CONFLICT (source_id) DO UPDATE SET {update}"""), params)
    if sign < 0 and article_ids:
        conn.execute(text("DELETE FROM source_stats WHERE article_count <= 0"))


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
