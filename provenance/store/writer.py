"""Store (Document, Reading) pairs: one transaction per batch, each article whole or not at all.

Rows go in through bulk ``conn.execute(insert(table), rows)`` (Core: the ORM's bulk
path costs more per statement than SQLite spends on the rows), and the sources of a whole
batch are resolved in a few statements. Articles are identified by the sha256 of their
text: storing the same text again adds nothing ("unchanged", or "duplicate" when it comes
from another path); new text under a path already stored becomes a new version of that
article. If anything in a batch fails, the batch is redone article by article inside
savepoints, so only the failing article is left out, and it is reported. A batch that
meets a transient error (on PostgreSQL: a deadlock, a serialization failure, a dropped
connection) is rolled back and run again whole, a few times, before it gives up.
"""

import hashlib
import logging
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, insert, select, update

from provenance.errors import DatabaseError
from provenance.models import Document, Entity, Reading, Span
from provenance.resolve import ArticleRef, Resolver
from provenance.store import tables as t
from provenance.store.db import begin_write, describe_url, explain, is_database_wide, is_transient
from provenance.store.migrations import catch_up_fts, defer_fts
from provenance.store.stats import count_stored_articles, switch_current
from provenance.store.tables import utcnow
from provenance.store.upsert import insert_ignore

log = logging.getLogger(__name__)

ADDED, UNCHANGED, DUPLICATE, VERSION, FAILED = "added", "unchanged", "duplicate", "version", "failed"
ARROW = " ← "
RETRIES = 6  # attempts at a batch that meets transient errors (deadlock, serialization, lost connection)


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


def content_hash(text: str) -> str:
    """The identity of an article: sha256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stored_hashes(engine: Engine, hashes: list[str]) -> set[str]:
    """Which of these content hashes are already stored (one query)."""
    if not hashes:
        return set()
    with engine.connect() as conn:
        return set(conn.execute(select(t.Article.content_hash).where(t.Article.content_hash.in_(hashes))).scalars())


def store_batch(engine: Engine, items: Sequence[tuple[Document, Reading]]) -> list[StoreResult]:
    """Store a batch in one transaction; an article that cannot be stored is left out and reported.
    The whole batch is tried again after a transient error (nothing of a failed try stays)."""
    if not items:
        return []
    for attempt in range(RETRIES):
        try:
            return _store_batch_once(engine, items)
        except Exception as exc:
            if not is_transient(exc) or attempt == RETRIES - 1:
                if is_transient(exc):
                    raise DatabaseError(f"cannot write to database {describe_url(engine.url)}: "
                                        f"{explain(exc)} (gave up after {RETRIES} tries)") from exc
                raise
            log.debug("batch met a transient error (%s); trying again", exc)
            time.sleep(min(2.0, 0.05 * 2 ** attempt) * (1 + random.random()))
    raise AssertionError("unreachable")


def _store_batch_once(engine: Engine, items: Sequence[tuple[Document, Reading]]) -> list[StoreResult]:
    """One try at ``store_batch``; raises transient errors for the caller to retry."""
    try:
        with begin_write(engine) as conn:
            resolver = Resolver(conn)
            first_claim = defer_fts(conn)
            # every source of the batch in a few statements, before the articles that cite them
            resolver.resolve_many([(e, _ref(doc)) for doc, reading in items
                                   for e in article_entities(reading).values()])
            results = [store_article(conn, resolver, doc, reading) for doc, reading in items]
            # source_stats: add the stored articles, take away the versions they replaced
            count_stored_articles(conn, [r.article_id for r in results if r.status in (ADDED, VERSION)])
            catch_up_fts(conn, first_claim)
            return results
    except Exception as exc:  # redo one by one to find and skip the bad article(s)
        if is_transient(exc):
            raise
        if is_database_wide(exc):  # locked, read-only, full...: no article is to blame
            raise DatabaseError(f"cannot write to database {describe_url(engine.url)}: {explain(exc)}") from exc
        log.debug("batch failed (%s); storing its articles one by one", exc)
    results = []
    with begin_write(engine) as conn:
        resolver = Resolver(conn)
        first_claim = defer_fts(conn)
        for doc, reading in items:
            try:
                with conn.begin_nested():
                    results.append(store_article(conn, resolver, doc, reading))
            except Exception as exc:
                if is_transient(exc):
                    raise
                resolver.reset()
                results.append(StoreResult(FAILED, doc.path, error=f"cannot store: {explain(exc)}",
                                           line=doc.meta.get("line")))
        # source_stats: add the stored articles, take away the versions they replaced
        count_stored_articles(conn, [r.article_id for r in results if r.status in (ADDED, VERSION)])
        catch_up_fts(conn, first_claim)
    return results


def store_article(conn: Connection, resolver: Resolver, doc: Document, reading: Reading) -> StoreResult:
    """Write one article with its sources, mentions, claims and citations (inside the caller's transaction)."""
    text = doc.text
    check_reading(text, reading)
    digest = content_hash(text)
    words = reading.words or len(text.split())
    found = conn.execute(
        select(t.Article.id, t.Article.path, t.Article.is_current, t.Article.words)
        .where(t.Article.content_hash == digest)
    ).first()
    if found:
        if doc.path and found.path == doc.path and not found.is_current:
            _make_current(conn, found.id, doc.path)  # a file edited, then edited back
        status = UNCHANGED if found.path == doc.path or doc.path is None else DUPLICATE
        return StoreResult(status, doc.path, found.id, words=found.words)

    status, version, previous_id = ADDED, 1, None
    if doc.path:
        prev = conn.execute(
            select(t.Article.id, t.Article.version)
            .where(t.Article.path == doc.path, t.Article.is_current.is_(True))
        ).first()
        if prev:
            status, version, previous_id = VERSION, prev.version + 1, prev.id
            conn.execute(update(t.Article.__table__).where(t.Article.id == prev.id).values(is_current=False))

    body_start, body_end = doc.body
    article_id = conn.execute(
        insert_ignore(conn, t.Article, ["content_hash"]).returning(t.Article.id),
        [dict(path=doc.path, external_id=doc.external_id, title=doc.title, outlet=doc.outlet,
              url=doc.url, published=doc.published, text=text, body_start=body_start,
              body_end=body_end, content_hash=digest, words=words, version=version,
              previous_id=previous_id, is_current=True, ingested_at=utcnow())],
    ).scalar()
    if article_id is None:  # another writer stored the same text a moment ago
        return StoreResult(UNCHANGED, doc.path, words=words)

    entities = article_entities(reading)
    sources = dict(zip(entities, resolver.resolve_many([(e, _ref(doc, digest)) for e in entities.values()])))
    _store_relations(conn, resolver, reading, sources)
    counts: dict[int, dict[str, int]] = {}

    def bump(source_id: int, field: str | None) -> None:
        row = counts.setdefault(source_id, {"mention_count": 0, "claim_count": 0,
                                            "origin_count": 0, "relay_count": 0})
        if field:
            row[field] += 1

    for sid in sources.values():  # a source named only as an author or affiliation is in the article too
        bump(sid, None)

    mention_rows = []
    for m in reading.mentions:
        sid = sources[m.entity]
        bump(sid, "mention_count")
        mention_rows.append(dict(article_id=article_id, source_id=sid, start=m.span.start,
                                 end=m.span.end, text=m.span.text))
    if mention_rows:
        conn.execute(insert(t.Mention.__table__), mention_rows)

    cue_types = {a.id: a.cue_type.value for a in reading.attributions}
    claim_rows, chains = [], []
    for c in reading.claims:
        link_ids = [sources[link.entity] for link in c.chain]
        chains.append(list(zip(link_ids, c.chain)))
        for sid in dict.fromkeys(link_ids):
            bump(sid, "claim_count")
        for pos, sid in enumerate(link_ids):
            bump(sid, "origin_count" if pos == 0 else "relay_count")
        claim_rows.append(dict(
            article_id=article_id, start=c.span.start, end=c.span.end, text=c.span.text,
            cue=c.cue.text if c.cue else None, cue_start=c.cue.start if c.cue else None,
            cue_end=c.cue.end if c.cue else None,
            cue_type=cue_types.get(c.attribution) if c.attribution is not None else None,
            kind=c.kind.value, hops=len(c.chain),
            origin_source_id=link_ids[0] if link_ids else None,
            chain_text=ARROW.join(resolver.name_of(sid) for sid in link_ids),
        ))
    if claim_rows:
        claim_ids = _insert_with_ids(conn, t.Claim, claim_rows)
        citation_rows = [
            dict(claim_id=claim_id, position=pos, source_id=sid, cue=link.cue,
                 evidence_start=link.evidence.start, evidence_end=link.evidence.end,
                 evidence_text=link.evidence.text, role="origin" if pos == 0 else "relay")
            for claim_id, chain in zip(claim_ids, chains)
            for pos, (sid, link) in enumerate(chain)
        ]
        if citation_rows:
            conn.execute(insert(t.Citation.__table__), citation_rows)
    if counts:
        conn.execute(insert(t.SourceArticle.__table__),
                     [dict(source_id=sid, article_id=article_id, **c) for sid, c in counts.items()])
    return StoreResult(status, doc.path, article_id, claims=len(claim_rows), words=words)


def _ref(doc: Document, digest: str | None = None) -> ArticleRef:
    """What the resolver needs of an article: its identity, text (for full names) and date."""
    return ArticleRef(digest or content_hash(doc.text), doc.text, doc.published)


def article_entities(reading: Reading) -> dict[int, Entity]:
    """Every entity the reading refers to, by id: listed ones, and any that only a mention
    or a chain link names (so a sloppy reading still stores)."""
    entities = {e.id: e for e in reading.entities}
    for m in reading.mentions:
        if m.entity not in entities:
            entities[m.entity] = Entity(id=m.entity, name=m.span.text, type="anonymous")
    for c in reading.claims:
        for link in c.chain:
            if link.entity not in entities:
                entities[link.entity] = Entity(id=link.entity, name=link.name, type=link.type)
    return entities


def _insert_with_ids(conn: Connection, model: type, rows: list[dict]) -> list[int]:
    """Bulk-insert rows and return their ids, in order.

    On SQLite the writer holds the database's write lock (BEGIN IMMEDIATE), so ids are
    assigned here from MAX(id): one multi-row insert instead of one statement per row,
    which is what RETURNING with guaranteed order costs there. Elsewhere, RETURNING.
    """
    table = model.__table__
    if conn.dialect.name != "sqlite":
        return list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                 rows).scalars())
    first = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
    ids = list(range(first, first + len(rows)))
    conn.execute(insert(table), [dict(row, id=i) for row, i in zip(rows, ids)])
    return ids


def check_reading(text: str, reading: Reading) -> None:
    """Refuse a reading whose spans do not slice the article text (offsets must be checkable)."""
    def check(span: Span | None, what: str) -> None:
        if span is not None and not (0 <= span.start <= span.end <= len(text)
                                     and text[span.start:span.end] == span.text):
            raise ValueError(f"{what} span [{span.start}:{span.end}] does not slice the article text")

    for m in reading.mentions:
        check(m.span, f"mention {m.id}")
    for c in reading.claims:
        check(c.span, f"claim {c.id}")
        check(c.cue, f"claim {c.id} cue")
        for i, link in enumerate(c.chain):
            check(link.evidence, f"claim {c.id} link {i} evidence")


def _store_relations(conn: Connection, resolver: Resolver, reading: Reading, sources: dict[int, int]) -> None:
    """Affiliations, publishers and authors of each entity, linked to stored sources when known."""
    rows = []
    for e in reading.entities:
        for relation, names in (("affiliation", e.affiliations), ("publisher", e.publishers),
                                ("author", e.authors)):
            for name in names:
                if name.strip():
                    rows.append(dict(source_id=sources[e.id], related_source_id=resolver.find(name),
                                     related_name=name.strip(), relation=relation))
    if rows:
        conn.execute(insert_ignore(conn, t.SourceRelation, ["source_id", "relation", "related_name"]), rows)


def _make_current(conn: Connection, article_id: int, path: str) -> None:
    """Make an older version of ``path`` the current one again."""
    table = t.Article.__table__
    switch_current(conn, path, article_id)  # source_stats: the versions of this path change places
    conn.execute(update(table).where(table.c.path == path, table.c.is_current.is_(True)).values(is_current=False))
    conn.execute(update(table).where(table.c.id == article_id).values(is_current=True))
