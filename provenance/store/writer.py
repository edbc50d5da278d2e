"""Store extracted articles: one transaction per batch, each article whole or not at all.

The writer takes ``(Document, PreparedArticle)`` pairs (``provenance.store.rows``; a
``Reading`` is prepared here when given one). A batch costs a fixed handful of statements
whatever its size: one look-up of its content hashes and one of its paths, the sources of
all its new articles resolved together (``Resolver.resolve_plans``), one insert per article
row, then one bulk insert per table (mentions, claims, citations, source counts) for the
whole batch, through the driver's ``executemany`` (SQLAlchemy's per-row parameter
processing cost more than SQLite spends on the rows). Articles are identified by the
sha256 of their text: storing the same text again adds nothing ("unchanged", or
"duplicate" when it comes from another path); new text under a path already stored becomes
a new version of that article. If anything in a batch fails, the batch is redone article by
article inside savepoints, so only the failing article is left out, and it is reported. A
batch that meets a transient error (on PostgreSQL: a deadlock, a serialization failure, a
dropped connection) is rolled back and run again whole, a few times, before it gives up.
"""

import logging
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import cast

from sqlalchemy import Connection, Engine, Table, func, insert, select, update
from sqlmodel import col

from provenance.errors import DatabaseError
from provenance.models import Document, Reading
from provenance.resolve import Resolver
from provenance.store import tables as t
from provenance.store.db import begin_write, describe_url, explain, is_database_wide, is_transient
from provenance.store.migrations import catch_up_fts, defer_fts
from provenance.store.rows import (  # noqa: F401  (re-exported: the writer's public helpers)
    PreparedArticle,
    article_entities,
    check_reading,
    content_hash,
    prepare,
)
from provenance.store.sources import SourceRows
from provenance.store.stats import count_stored_articles, switch_current
from provenance.store.tables import utcnow
from provenance.store.upsert import insert_ignore, table_of

log = logging.getLogger(__name__)

ADDED, UNCHANGED, DUPLICATE, VERSION, FAILED = "added", "unchanged", "duplicate", "version", "failed"
ARROW = " ← "
RETRIES = 6  # attempts at a batch that meets transient errors (deadlock, serialization, lost connection)
_IN_CHUNK = 500  # values per IN (...) list
SOURCE_CACHE_SOURCES = 20_000  # sources the writer's resolver keeps between batches: ~2-2.7 KB each with their
# keys, names, blocks and dates (measured at 6k-30k synthetic articles), so ~50 MB; it was 200,000 (~500 MB,
# more than the ingest's 300 MB target). Article-scoped sources are dropped after each batch and not counted.

Item = tuple[Document, PreparedArticle]
CLAIM_COLUMNS = ("article_id", "start", "end", "text", "cue", "cue_start", "cue_end", "cue_type", "kind", "hops",
                 "origin_source_id", "chain_text")


@dataclass(frozen=True)
class StoreResult:
    """What happened to one article: added, unchanged, a duplicate (same text, other path),
    a new version, or failed (and why)."""

    status: str
    path: str | None
    article_id: int | None = None
    claims: int = 0
    words: int = 0
    error: str | None = None
    line: int | None = None
    claim_ids: tuple[int, ...] = ()  # ids of the claims stored for it, in the order of its prepared claims


def stored_hashes(engine: Engine, hashes: list[str]) -> set[str]:
    """Which of these content hashes are already stored (one query)."""
    if not hashes:
        return set()
    with engine.connect() as conn:
        return set(conn.execute(select(col(t.Article.content_hash)).where(col(t.Article.content_hash).in_(hashes))).scalars())


class SourceCache:
    """The resolver's knowledge of stored sources, kept from one batch to the next of an ingest.

    Each batch would otherwise load again every source, block and document date its
    entities could match, a cost that grows with the corpus. The cache is used only while
    nobody else has written: each batch compares a fingerprint of the tables (highest
    article, source, alias and curation ids) with the one this writer left at its last
    commit, and starts afresh when they differ (another ingest process, a curation command),
    after a failed batch, or past ``limit`` sources (``SOURCE_CACHE_SOURCES``: memory stays
    bounded; starting afresh stores the same rows, only the next batch loads more).
    """

    def __init__(self, limit: int | None = None):
        self.limit = SOURCE_CACHE_SOURCES if limit is None else limit
        self._resolver: Resolver | None = None
        self._fingerprint: tuple | None = None

    def resolver(self, conn: Connection) -> Resolver:
        """A resolver for this transaction: the kept one when the database is as it left it."""
        if self._resolver is not None and self._fingerprint == fingerprint(conn):
            self._resolver.rebind(SourceRows(conn))
            return self._resolver
        self._resolver = Resolver(SourceRows(conn))
        return self._resolver

    def committed(self, resolver: Resolver, mark: tuple) -> None:
        """Keep ``resolver`` after its transaction committed with the tables at ``mark``."""
        resolver.end_batch()
        if resolver.size() > self.limit:
            self.drop()
            return
        self._resolver, self._fingerprint = resolver, mark

    def drop(self) -> None:
        """Forget everything (after a rollback, or when the cache is too large)."""
        self._resolver, self._fingerprint = None, None


def fingerprint(conn: Connection) -> tuple:
    """What changes when anyone writes sources or curation (ids only grow; curation rows are
    added or removed)."""
    return tuple(conn.exec_driver_sql(
        "SELECT (SELECT MAX(id) FROM article), (SELECT MAX(id) FROM source), (SELECT MAX(id) FROM source_alias), "
        "(SELECT MAX(id) FROM source_curation), (SELECT COUNT(*) FROM source_curation)").one())


def store_batch(engine: Engine, items: Sequence[tuple[Document, Reading | PreparedArticle]],
                cache: SourceCache | None = None) -> list[StoreResult]:
    """Store a batch in one transaction; an article that cannot be stored is left out and reported.
    The whole batch is tried again after a transient error (nothing of a failed try stays).
    Pass the same ``cache`` to the batches of one ingest to resolve sources faster."""
    results: list[StoreResult | None] = []
    ready: list[Item] = []
    for doc, reading in items:
        if isinstance(reading, Reading):
            try:
                reading = prepare(doc, reading)
            except Exception as exc:  # a span that does not slice the text, an entity that cannot be planned
                results.append(StoreResult(FAILED, doc.path, error=f"cannot store: {exc}", line=doc.meta.get("line")))
                continue
        results.append(None)
        ready.append((doc, reading))
    if ready:
        stored = iter(_store_with_retries(engine, ready, cache))
        results = [r if r is not None else next(stored) for r in results]
    return results  # type: ignore[return-value]


def _store_with_retries(engine: Engine, items: Sequence[Item], cache: SourceCache | None) -> list[StoreResult]:
    """``_store_batch_once``, run again after a transient error."""
    for attempt in range(RETRIES):
        try:
            return _store_batch_once(engine, items, cache)
        except Exception as exc:
            if cache:
                cache.drop()
            if not is_transient(exc) or attempt == RETRIES - 1:
                if is_transient(exc):
                    raise DatabaseError(f"cannot write to database {describe_url(engine.url)}: "
                                        f"{explain(exc)} (gave up after {RETRIES} tries)") from exc
                raise
            log.debug("batch met a transient error (%s); trying again", exc)
            time.sleep(min(2.0, 0.05 * 2 ** attempt) * (1 + random.random()))
    raise AssertionError("unreachable")


def _store_batch_once(engine: Engine, items: Sequence[Item], cache: SourceCache | None = None) -> list[StoreResult]:
    """One try at ``store_batch``; raises transient errors for the caller to retry."""
    try:
        with begin_write(engine) as conn:
            resolver = cache.resolver(conn) if cache else Resolver(SourceRows(conn))
            first_claim = defer_fts(conn)
            results = store_articles(conn, resolver, items)
            # source_stats: add the stored articles, take away the versions they replaced
            count_stored_articles(conn, _stored_ids(results))
            catch_up_fts(conn, first_claim)
            mark = fingerprint(conn) if cache else ()
        if cache:
            cache.committed(resolver, mark)
        return results
    except Exception as exc:  # redo one by one to find and skip the bad article(s)
        if cache:
            cache.drop()
        if is_transient(exc):
            raise
        if is_database_wide(exc):  # locked, read-only, full...: no article is to blame
            raise DatabaseError(f"cannot write to database {describe_url(engine.url)}: {explain(exc)}") from exc
        log.debug("batch failed (%s); storing its articles one by one", exc)
    results = []
    with begin_write(engine) as conn:
        resolver = Resolver(SourceRows(conn))
        first_claim = defer_fts(conn)
        for doc, prepared in items:
            try:
                with conn.begin_nested():
                    results += store_articles(conn, resolver, [(doc, prepared)])
            except Exception as exc:
                if is_transient(exc):
                    raise
                resolver.reset()
                results.append(StoreResult(FAILED, doc.path, error=f"cannot store: {explain(exc)}",
                                           line=doc.meta.get("line")))
        # source_stats: add the stored articles, take away the versions they replaced
        count_stored_articles(conn, _stored_ids(results))
        catch_up_fts(conn, first_claim)
    return results


def _stored_ids(results: list[StoreResult]) -> list[int]:
    """The ids of the articles these results stored (added, or a new version)."""
    return [r.article_id for r in results if r.status in (ADDED, VERSION) and r.article_id is not None]


def store_articles(conn: Connection, resolver: Resolver, items: Sequence[Item]) -> list[StoreResult]:
    """Write articles with their sources, mentions, claims and citations (inside the caller's
    transaction): the article rows one by one, in order (versions and duplicates depend on
    what came before), then every other row of the batch in one insert per table."""
    known = _stored_by_hash(conn, [p.digest for _, p in items])
    current = _current_by_path(conn, [d.path for d, _ in items if d.path])
    results: list[StoreResult] = []
    added: list[tuple[int, Item]] = []
    added_at: list[int] = []  # where each added article's result is in ``results``
    for doc, prep in items:
        found = known.get(prep.digest)
        if found:
            found_id, found_path, found_current, found_words = found
            if doc.path and found_path == doc.path and not found_current:
                _make_current(conn, found_id, doc.path)  # a file edited, then edited back
                known[prep.digest] = (found_id, found_path, True, found_words)
                current[doc.path] = (found_id, _version_of(conn, found_id))
            status = UNCHANGED if found_path == doc.path or doc.path is None else DUPLICATE
            results.append(StoreResult(status, doc.path, found_id, words=found_words))
            continue
        status, version, previous_id = ADDED, 1, None
        prev = current.get(doc.path) if doc.path else None
        if prev:
            status, version, previous_id = VERSION, prev[1] + 1, prev[0]
            conn.execute(update(table_of(t.Article)).where(col(t.Article.id) == prev[0]).values(is_current=False))
        article_id = _insert_article(conn, doc, prep, version, previous_id)
        if article_id is None:  # another writer stored the same text a moment ago
            results.append(StoreResult(UNCHANGED, doc.path, words=prep.words))
            continue
        known[prep.digest] = (article_id, doc.path, True, prep.words)
        if doc.path:
            current[doc.path] = (article_id, version)
        added.append((article_id, (doc, prep)))
        added_at.append(len(results))
        results.append(StoreResult(status, doc.path, article_id, claims=len(prep.claims), words=prep.words))
    if added:
        for at, ids in zip(added_at, _store_rows(conn, resolver, added), strict=True):
            results[at] = replace(results[at], claim_ids=ids)
    return results


def _store_rows(conn: Connection, resolver: Resolver, added: list[tuple[int, Item]]) -> list[tuple[int, ...]]:
    """Sources, relations, mentions, claims, citations and per-article source counts of new articles;
    return the ids of each article's claims (what ingest hands the overlap index, which then need
    not read them back)."""
    sources = resolver.resolve_plans([(prep.digest, prep.plans) for _, (_, prep) in added])
    relation_rows, mention_rows, claim_rows, chains, count_rows = [], [], [], [], []
    for article_id, (_, prep) in added:
        key = prep.digest
        for eid, relation, name in prep.relations:
            relation_rows.append(dict(source_id=sources[(key, eid)], related_source_id=resolver.find(name),
                                      related_name=name, relation=relation))
        counts = {sources[(key, eid)]: [0, 0, 0, 0] for eid in prep.plans}  # mentions, claims, origins, relays
        for eid, start, end, text in prep.mentions:
            sid = sources[(key, eid)]
            counts[sid][0] += 1
            mention_rows.append((article_id, sid, start, end, text))
        for start, end, text, cue, cue_start, cue_end, cue_type, kind, chain in prep.claims:
            link_ids = [sources[(key, link[0])] for link in chain]
            for sid in dict.fromkeys(link_ids):
                counts[sid][1] += 1
            for pos, sid in enumerate(link_ids):
                counts[sid][2 if pos == 0 else 3] += 1
            chains.append(list(zip(link_ids, chain, strict=True)))
            claim_rows.append((article_id, start, end, text, cue, cue_start, cue_end, cue_type, kind, len(chain),
                               link_ids[0] if link_ids else None,
                               ARROW.join(resolver.name_of(sid) for sid in link_ids)))
        count_rows += [(sid, article_id, *c) for sid, c in counts.items()]
    if relation_rows:
        conn.execute(insert_ignore(conn, t.SourceRelation, ["source_id", "relation", "related_name"]), relation_rows)
    bulk_insert(conn, table_of(t.Mention), ("article_id", "source_id", "start", "end", "text"), mention_rows)
    claim_ids: list[int] = []
    if claim_rows:
        claim_ids = _insert_with_ids(conn, table_of(t.Claim), CLAIM_COLUMNS, claim_rows)
        bulk_insert(conn, table_of(t.Citation),
                    ("claim_id", "position", "source_id", "cue", "evidence_start", "evidence_end",
                     "evidence_text", "role"),
                    [(claim_id, pos, sid, cue, ev_start, ev_end, ev_text, "origin" if pos == 0 else "relay")
                     for claim_id, chain in zip(claim_ids, chains, strict=True)
                     for pos, (sid, (_, cue, ev_start, ev_end, ev_text)) in enumerate(chain)])
    bulk_insert(conn, table_of(t.SourceArticle),
                ("source_id", "article_id", "mention_count", "claim_count", "origin_count", "relay_count"),
                count_rows)
    out, at = [], 0
    for _, (_, prep) in added:
        out.append(tuple(claim_ids[at:at + len(prep.claims)]))
        at += len(prep.claims)
    return out


def bulk_insert(conn: Connection, table: Table, columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
    """Insert plain tuples with one driver-level ``executemany`` (no per-row SQLAlchemy processing)."""
    rows = list(rows)
    if not rows:
        return
    prep = conn.dialect.identifier_preparer
    marks = ", ".join(["?"] * len(columns) if conn.dialect.paramstyle == "qmark" else ["%s"] * len(columns))
    sql = (f"INSERT INTO {prep.quote(table.name)} ({', '.join(prep.quote(c) for c in columns)}) "
           f"VALUES ({marks})")
    conn.exec_driver_sql(sql, rows)


def _insert_article(conn: Connection, doc: Document, prep: PreparedArticle, version: int,
                    previous_id: int | None) -> int | None:
    """Insert one article row; None when the same text is already there (another writer)."""
    body_start, body_end = doc.body
    return conn.execute(
        insert_ignore(conn, t.Article, ["content_hash"]).returning(col(t.Article.id)),
        [dict(path=doc.path, external_id=doc.external_id, title=doc.title, outlet=doc.outlet,
              url=doc.url, published=doc.published, text=doc.text, body_start=body_start,
              body_end=body_end, content_hash=prep.digest, words=prep.words, version=version,
              previous_id=previous_id, is_current=True, ingested_at=utcnow())],
    ).scalar()


def _stored_by_hash(conn: Connection, digests: list[str]) -> dict[str, tuple[int, str | None, bool, int]]:
    """Stored articles with these texts: digest -> (id, path, is_current, words)."""
    out: dict[str, tuple[int, str | None, bool, int]] = {}
    wanted = sorted(set(digests))
    for i in range(0, len(wanted), _IN_CHUNK):
        for row in conn.execute(select(col(t.Article.content_hash), col(t.Article.id), col(t.Article.path),
                                       col(t.Article.is_current), col(t.Article.words))
                                .where(col(t.Article.content_hash).in_(wanted[i:i + _IN_CHUNK]))):
            out[row[0]] = (cast(int, row[1]), row[2], bool(row[3]), row[4])
    return out


def _current_by_path(conn: Connection, paths: list[str]) -> dict[str, tuple[int, int]]:
    """The current article stored under each of these paths: path -> (id, version)."""
    out: dict[str, tuple[int, int]] = {}
    wanted = sorted(set(paths))
    for i in range(0, len(wanted), _IN_CHUNK):
        for path, aid, version in conn.execute(
            select(col(t.Article.path), col(t.Article.id), col(t.Article.version))
            .where(col(t.Article.path).in_(wanted[i:i + _IN_CHUNK]), col(t.Article.is_current).is_(True))
        ):
            out[cast(str, path)] = (cast(int, aid), version)
    return out


def _version_of(conn: Connection, article_id: int) -> int:
    """The version number of one stored article."""
    return conn.execute(select(col(t.Article.version)).where(col(t.Article.id) == article_id)).scalar_one()


def _insert_with_ids(conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> list[int]:
    """Bulk-insert rows (tuples in the order of ``columns``) and return their ids, in order.

    On SQLite the writer holds the database's write lock (BEGIN IMMEDIATE), so ids are
    assigned here from MAX(id): one ``executemany`` instead of one statement per row,
    which is what RETURNING with guaranteed order costs there. Elsewhere, RETURNING.
    """
    if conn.dialect.name != "sqlite":
        return list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                 [dict(zip(columns, row, strict=True)) for row in rows]).scalars())
    first = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
    ids = list(range(first, first + len(rows)))
    bulk_insert(conn, table, ("id", *columns), [(i, *row) for i, row in zip(ids, rows, strict=True)])
    return ids


def _make_current(conn: Connection, article_id: int, path: str) -> None:
    """Make an older version of ``path`` the current one again."""
    table = table_of(t.Article)
    switch_current(conn, path, article_id)  # source_stats: the versions of this path change places
    conn.execute(update(table).where(table.c.path == path, table.c.is_current.is_(True)).values(is_current=False))
    conn.execute(update(table).where(table.c.id == article_id).values(is_current=True))
