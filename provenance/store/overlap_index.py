"""The overlap index in the database, kept up to date incrementally, and the groups read from it.

``refresh`` indexes the claims added since the last refresh (their features, document
frequencies and anchor-pair keys), compares each new claim only with the claims that share
a key (``overlap_key``; a key held by more than MAX_KEY_CLAIMS claims is a topic and compares
nothing more; a claim that holds a key keeps its features in ``overlap_claim``, so a later
claim that meets it reads them rather than extracting them again), stores the pairs that pass ``provenance.overlaps.similarity`` (through its ``Comparer``) in
``overlap_pair``, and rebuilds ``overlap_group``/``overlap_member`` from the pairs of current
articles, with each group's origins and independence from the current source resolution.
Each key also holds its claim's ``signature`` (its features as a 63-bit Bloom filter), so that
a candidate that cannot overlap is turned down before its features are read.
The cost of a refresh grows with the new claims, not with the corpus; the ``overlaps``
query then reads two small tables. A fingerprint of the database (claims, current
articles, sources, curation) tells whether anything changed since the groups were built.
"""

import gc
import logging
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any, cast

from sqlalchemy import Connection, Engine, and_, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError
from sqlmodel import col

from provenance.overlaps import (
    MIN_SHARED,
    THRESHOLD,
    Comparer,
    Features,
    Origin,
    anchor_keys,
    comparable_features,
    dense_groups,
    features,
    independence,
)
from provenance.reads import STAMP
from provenance.resolve_keys import is_scoped_key
from provenance.store.db import begin_write
from provenance.store.tables import (
    Article,
    Claim,
    FeatureCount,
    OverlapClaim,
    OverlapGroup,
    OverlapKey,
    OverlapMember,
    OverlapPair,
    OverlapState,
    Source,
    SourceCuration,
    SourceRelation,
)
from provenance.store.upsert import insert_ignore, table_of

log = logging.getLogger(__name__)

MAX_KEY_CLAIMS = 50  # claims one anchor-pair key compares; past this it is a topic ("@trump|@clinton")
CHUNK = 20_000  # claims indexed per step
SIG_BITS = 63  # bits of a claim's signature in overlap_key.sig (a signed 64-bit integer, never negative)
CACHE_CLAIMS = 20_000  # features of recently indexed claims kept by ``index_new_claims(cache=...)``
_IN = 900
NAMED = {"person", "organization", "outlet", "document"}


@dataclass
class RefreshReport:
    """What a refresh did."""

    claims_indexed: int = 0
    pairs_added: int = 0
    groups: int = 0
    regrouped: bool = False


def ensure_fresh(engine: Engine, *, rebuild: bool = False) -> RefreshReport:
    """Refresh the index and groups if the database changed since; a read-only database is
    left as it is (its stored groups are read). Groups that are current but carry no stamp
    (built by an older version) just get one."""
    stamp_only = False
    with engine.connect() as conn:
        state = _state(conn)
        if not rebuild and state.get("fingerprint") == fingerprint(conn):
            if state.get("stamp") == stamp(conn):
                return RefreshReport()
            stamp_only = True
    try:
        with begin_write(engine) as conn:
            if stamp_only:
                _save_state(conn, {"stamp": stamp(conn)})
                return RefreshReport()
            return refresh(conn, rebuild=rebuild)
    except OperationalError as exc:
        if "readonly" not in str(exc).replace(" ", "").lower():
            raise
        log.warning("overlaps not refreshed: the database is read-only")
        return RefreshReport()


def refresh(conn: Connection, *, rebuild: bool = False) -> RefreshReport:
    """Index new claims, add their overlapping pairs, and rebuild the groups (in the caller's transaction)."""
    if rebuild:
        for table in (OverlapKey, OverlapClaim, FeatureCount, OverlapPair, OverlapState):
            conn.execute(delete(table_of(table)))
    report = index_new_claims(conn)
    report.groups = regroup(conn)
    report.regrouped = True
    _save_state(conn, {"fingerprint": fingerprint(conn), "stamp": stamp(conn)})
    return report


Known = str
"""What the ingest workers compute of a claim's text beside extraction, so that the writer process
need not: its ``pack``ed features, or "" when the claim is not ``comparable``. A string, not the
``Features``: it crosses the process boundary for a tenth of the pickling, and the writer holds no
containers for its cycle collector to walk between batches (unpacked while a chunk is indexed,
with the collector paused: at 10k the Features objects cost the writer ~2 s of collections and
pickling, issue 13, ninth pass)."""

NewClaim = tuple[int, int, str]
"""(claim id, article id, text) of a claim just stored."""


def index_new_claims(conn: Connection, known: Mapping[str, Known] | None = None, cache: "ClaimCache | None" = None,
                     stored: Sequence[NewClaim] | None = None) -> RefreshReport:
    """Index the claims added since the last call and store their overlapping pairs, without
    regrouping (in the caller's transaction): what ``ingest`` runs after each batch it stores,
    so the cost grows with the batch. ``known`` maps claim texts to features already computed
    (the ingest workers compute them beside extraction); ``cache`` keeps the features of recently
    indexed claims by id across calls (the claims a new one is compared with are mostly recent),
    at most CACHE_CLAIMS of them. ``stored`` are the claims the caller has just stored (the writer
    knows their ids): when they are all the claims added since the last call, the index takes them
    as they are instead of reading the new claims back with their texts; otherwise (another writer
    added claims meanwhile, an earlier batch was stored but not indexed) it reads them."""
    report = RefreshReport()
    state = _state(conn)
    last, indexed = int(state.get("claim_id", 0)), int(state.get("claims", 0))
    start = last
    handed = _all_new(conn, last, stored) if stored is not None else None
    ph = _placeholder(conn)
    at = 0
    while True:
        rows: Sequence[Any]
        if handed is not None:
            rows, at = handed[at:at + CHUNK], at + CHUNK
        elif ph is not None:
            rows = _fetch(conn, f"SELECT id, article_id, text FROM claim WHERE id > {ph} ORDER BY id LIMIT {CHUNK}",
                          (last,))
        else:
            rows = conn.execute(select(col(Claim.id), col(Claim.article_id), col(Claim.text))
                                .where(col(Claim.id) > last).order_by(col(Claim.id)).limit(CHUNK)).all()
        if not rows:
            break
        with _collector_paused():
            n, pairs = _index_chunk(conn, rows, indexed, known, cache)
        indexed += n
        report.claims_indexed += n
        report.pairs_added += pairs
        last = rows[-1][0]
    if last != start or not state:
        _save_state(conn, {"claim_id": str(last), "claims": str(indexed)})
    return report


def _all_new(conn: Connection, last: int, stored: Sequence[NewClaim]) -> list[NewClaim] | None:
    """``stored`` in id order when they are exactly the claims after ``last`` (what the read would
    give), else None. Ids are unique, so: all of them after ``last``, and as many as the database
    holds after it (a count over the primary key)."""
    rows = sorted(stored)
    if rows and rows[0][0] <= last:
        return None
    ph = _placeholder(conn)
    if ph is not None:
        count = _fetch(conn, f"SELECT COUNT(*) FROM claim WHERE id > {ph}", (last,))[0][0]
    else:
        count = conn.execute(select(func.count()).select_from(Claim).where(col(Claim.id) > last)).scalar_one()
    return rows if count == len(rows) else None


def stamp(conn: Connection) -> str:
    """A cheap sign of change (index look-ups only, no scan of the articles): what the ``overlaps``
    command compares with the stamp stored with the groups before it reads them. Ingest, which can
    change which articles are current without adding one, refreshes the groups itself."""
    return ":".join(str(x or 0) for x in conn.exec_driver_sql(STAMP).one())


def fingerprint(conn: Connection) -> str:
    """What the groups depend on: claims, current articles, sources and curation, as one string."""
    row = conn.execute(select(
        select(func.max(Claim.id)).scalar_subquery(),
        select(func.count()).select_from(Article).where(col(Article.is_current).is_(True)).scalar_subquery(),
        select(func.coalesce(func.sum(Article.id), 0)).where(col(Article.is_current).is_(True)).scalar_subquery(),
        select(func.max(Source.id)).scalar_subquery(),
        select(func.count()).select_from(Source).scalar_subquery(),
        select(func.count()).select_from(SourceCuration).scalar_subquery(),
    )).one()
    return ":".join(str(x or 0) for x in row)


# ---------------------------------------------------------------- indexing


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a chunk is indexed. The chunk makes some hundred thousand
    small sets and tuples (no cycles: they go when the chunk does), and the collections they trigger
    walk the ingest's long-lived objects too: ~20 % of the index's CPU at 10,000 articles
    (docs/benchmarks.md, issue 13)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _index_chunk(conn: Connection, rows: Sequence[Any], indexed_before: int,
                 known: Mapping[str, Known] | None = None,
                 cache: "ClaimCache | None" = None) -> tuple[int, int]:
    """Index one chunk of new claims; return (claims indexed, pairs added)."""
    feats: dict[int, Features] = {}
    article: dict[int, int] = {}
    packs: dict[int, str] = {}  # packed by the workers
    for cid, aid, text in rows:
        got = known.get(text) if known else None
        if got is None:
            f = comparable_features(text)
            if f is not None:
                feats[cid], article[cid] = f, aid
        elif got:  # "" when not comparable
            feats[cid], packs[cid] = unpack(got), got
            article[cid] = aid
    if not feats:
        return 0, 0
    counts: Counter[str] = Counter()
    for f in feats.values():
        counts.update(f.all | f.anchors)
    df = _add_counts(conn, counts)
    fresh = len(feats)
    n = indexed_before + fresh
    keys = {cid: anchor_keys(f, df) for cid, f in feats.items()}
    # keys already past MAX_KEY_CLAIMS (topics) compare nothing more: their postings are not read again
    full = cache.full if cache is not None else set()
    sigs: dict[int, int] = {}  # the signatures of the older claims met under a key
    postings = _postings(conn, {k for ks in keys.values() for k in ks} - full, sigs)
    candidates: dict[int, set[int]] = {}  # new claim -> the claims indexed before it under one of its keys
    new_rows = []
    for cid in sorted(feats):
        mine: set[int] = set()
        for k in keys[cid]:
            if k in full:
                continue
            post = postings.setdefault(k, [])
            if len(post) > MAX_KEY_CLAIMS:
                full.add(k)
                continue
            mine.update(post)
            post.append(cid)
            new_rows.append((k, cid))
        if mine:
            candidates[cid] = mine
    keyed_ids = sorted({cid for _, cid in new_rows})
    own = {cid: signature(feats[cid].all) for cid in keyed_ids}
    _insert_ignore(conn, OverlapKey, ["key", "claim_id", "sig"], ["key", "claim_id"],
                   [(k, cid, own[cid]) for k, cid in new_rows])
    keyed = {cid: packs.get(cid) or pack(feats[cid]) for cid in keyed_ids}  # what a later claim can meet
    compare = Comparer(df, n)  # df and n are fixed for this chunk
    packed: dict[int, str] = {}  # older candidates known as packed features: unpacked only to be compared
    old = sorted(_needed(candidates, feats, sigs, compare))
    late = _gather(conn, old, cache, feats, packed, article)
    _insert_ignore(conn, OverlapClaim, ["claim_id", "article_id", "features"], ["claim_id"],
                   [(cid, article[cid], p) for cid, p in keyed.items()] + late)
    # the counts of the features only older candidates hold are read for the few that reach the full comparison
    pairs = _Pairs(feats, packed, compare).of(candidates, article, lambda more: df.update(_counts(conn, more)))
    _insert_ignore(conn, OverlapPair, ["claim_a", "claim_b", "score", "shared"], ["claim_a", "claim_b"], pairs)
    if cache is not None:  # this chunk's claims are the next chunks' likeliest candidates
        for cid, p in keyed.items():
            cache.put(cid, article[cid], p)
    return fresh, len(pairs)


def signature(words: Iterable[str]) -> int:
    """A claim's feature set (``Features.all``) as 63 bits, two set for each feature (a Bloom filter,
    ``overlap_key.sig``): a feature of another claim whose two bits are not both set is not one of
    its features. Set bits say nothing for sure; an unset one does."""
    sig = 0
    for x in words:
        sig |= _mask(x)
    return sig


@lru_cache(maxsize=1 << 15)
def _mask(feature: str) -> int:
    """The two bits of one feature in ``signature`` (CRC-32 of its text: the same in every process)."""
    h = zlib.crc32(feature.encode())
    return (1 << (h % SIG_BITS)) | (1 << ((h >> 16) % SIG_BITS))


def _needed(candidates: Mapping[int, set[int]], feats: Mapping[int, Features], sigs: Mapping[int, int],
            compare: Comparer) -> set[int]:
    """The older candidates (not of this chunk) that may overlap the new claim they are a candidate of,
    judged on their signatures: a candidate's features shared with the claim are among the claim's
    features whose bits its signature holds, so when even those are fewer than MIN_SHARED, or fail
    ``Comparer.may_overlap`` (which only grows with the set, weights being positive), the pair scores 0
    and the candidate's features need not be read. At 98,000 synthetic articles 3.5 % of the older
    candidates pass (docs/benchmarks.md, seventh pass). A claim without a signature (-1) always passes."""
    need: set[int] = set()
    may_overlap = compare.may_overlap
    for b, others in candidates.items():
        fb = feats[b]
        masks: list[tuple[int, str]] | None = None
        judged: dict[int, bool] = {}  # by signature: claims repeated word for word have one
        for a in others:
            if a in need or a in feats:
                continue
            sig = sigs.get(a, -1)
            if sig != -1:
                if masks is None:
                    compare.info(fb)  # the weights of fb's features, and whether any is below 0
                    masks = [] if compare.clipped else [(_mask(x), x) for x in fb.all]
                if masks:
                    ok = judged.get(sig)
                    if ok is None:
                        maybe = [x for m, x in masks if sig & m == m]
                        ok = judged[sig] = len(maybe) >= MIN_SHARED and may_overlap(frozenset(maybe), fb)
                    if not ok:
                        continue
            need.add(a)
    return need


def _gather(conn: Connection, old: list[int], cache: "ClaimCache | None", feats: dict[int, Features],
            packed: dict[int, str], article: dict[int, int]) -> list[tuple[int, int, str]]:
    """Put the packed features of the older candidates ``old`` into ``packed`` (from the cache, or
    read from overlap_claim) and their articles into ``article``; return the overlap_claim rows of
    those indexed before the table existed (extracted from their text here). ``feats`` holds this
    chunk's claims, which are not ``old``."""
    to_read = []
    for cid in old:
        hit = cache.get(cid) if cache is not None else None
        if hit is None:
            to_read.append(cid)
        else:
            article[cid], packed[cid] = hit
    return _read_features(conn, to_read, packed, article)


class _Pairs:
    """The overlapping pairs of one chunk's new claims and their candidates. Claims with identical
    features (the synthetic corpus repeats claims word for word, news repeats quotes) are one
    object or one packed string, and each (candidate features, claim features) is decided once:
    first screened on the features they share (the count that most candidates stop at, then
    ``Comparer.may_overlap``), then, for the few that pass, ``Comparer.similarity``."""

    def __init__(self, feats: dict[int, Features], packed: Mapping[int, str], compare: Comparer) -> None:
        same: dict[Features, Features] = {}
        self.feats = {cid: same.setdefault(f, f) for cid, f in feats.items()}
        one: dict[str, str] = {}  # equal packed strings as one object (they are told apart by id below)
        self.token: dict[int, Features | str] = {**self.feats, **{cid: one.setdefault(p, p) for cid, p in packed.items()}}
        self.compare = compare
        self.same = same
        self.done: dict[tuple[int, int], tuple[float, str] | None] = {}
        self.passed: list[tuple[tuple[int, int], Features | str, Features]] = []  # screened in, to compare

    def of(self, candidates: Mapping[int, set[int]], article: Mapping[int, int],
           counts: Callable[[set[str]], None]) -> list[tuple[int, int, float, str]]:
        """(claim_a < claim_b, score, shared features) of each new claim and the candidates of another
        article it overlaps, in the order of ``candidates``; a candidate without features here (turned
        down by its signature, ``_needed``) is skipped. ``counts`` is called once, before the full
        comparisons, with the features of the candidates that reach them whose document frequencies the
        comparer's ``df`` does not hold (features no claim of this chunk holds), and adds them to it."""
        order = []
        token, done, screen = self.token, self.done, self.screen
        for b, others in candidates.items():
            fb, in_b = self.feats[b], article[b]
            idb = id(fb)
            for a in others:
                ta = token.get(a)
                if ta is None or article[a] == in_b:
                    continue
                key = (id(ta), idb)
                if (done[key] if key in done else screen(key, ta, fb)) is not None:
                    order.append((a, b, key))
        self.compare_passed(counts)
        return [(min(a, b), max(a, b), *got) for a, b, key in order if (got := done[key]) is not None]

    def screen(self, key: tuple[int, int], ta: Features | str, fb: Features) -> tuple[float, str] | None:
        """Whether a candidate's features (or packed features) and a claim's may overlap, on the
        features they share alone (which spares unpacking the candidate): None, kept under ``key``,
        when they cannot, else a placeholder until ``compare_passed`` decides."""
        if isinstance(ta, Features):
            shared = ta.all & fb.all
        else:  # _all_of(ta) & fb.all, without building the candidate's set
            shared = fb.all.intersection(ta.replace("|", " ").split())
        # most candidates of news stop at the count, most of the synthetic corpus's at the weights
        if len(shared) >= MIN_SHARED and self.compare.may_overlap(shared, fb):
            self.passed.append((key, ta, fb))
            got: tuple[float, str] | None = _PENDING
        else:
            got = None
        self.done[key] = got
        return got

    def compare_passed(self, counts: Callable[[set[str]], None]) -> None:
        """Decide the screened-in pairs: (score, shared features), or None when they do not overlap."""
        passed = [(key, ta if isinstance(ta, Features) else self.same.setdefault(g := unpack(ta), g), fb)
                  for key, ta, fb in self.passed]
        df = self.compare.df
        more = {x for _, fa, _ in passed for x in fa.all if x not in df}
        if more:
            counts(more)
        for key, fa, fb in passed:
            score, shared = self.compare.similarity(fa, fb)
            self.done[key] = (round(min(score, 1.0), 3), " ".join(sorted(shared))) if score >= THRESHOLD else None
        self.passed = []


_PENDING = (0.0, "")  # a pair screened in, not yet compared


class ClaimCache:
    """Packed features (``pack``, what overlap_claim stores) of the CACHE_CLAIMS claims indexed last,
    by id, kept across ``index_new_claims`` calls (what ``ingest`` passes): a new claim's candidates
    are mostly recent. Older candidates are read from overlap_claim; both are unpacked only to be
    compared (docs/benchmarks.md, issue 13: at 10,000 articles, extracting their features again from
    their text was 60 % of the index's time). Packed, a claim costs ~100 bytes here instead of the
    ~2.3 KB of its four frozensets: 2 MB for 20,000 claims instead of 46 (fifth pass)."""

    def __init__(self, size: int = CACHE_CLAIMS) -> None:
        self.recent: OrderedDict[int, tuple[int, str]] = OrderedDict()  # oldest first
        self.size = size
        # keys met holding more than MAX_KEY_CLAIMS claims: full for good (an ingest adds claims, it
        # deletes none), so their postings are not read again. At 30,000 articles 65 % of the postings
        # rows a batch read were these (the same few hundred topic keys every batch); a few thousand keys
        # at 100,000 (sixth pass)
        self.full: set[str] = set()

    def __len__(self) -> int:
        return len(self.recent)

    def get(self, cid: int) -> tuple[int, str] | None:
        """(article id, packed features) of an indexed claim, if kept."""
        return self.recent.get(cid)

    def put(self, cid: int, article: int, packed: str) -> None:
        """Keep a claim's packed features, dropping the oldest past the size."""
        self.recent[cid] = (article, packed)
        while len(self.recent) > self.size:
            self.recent.popitem(last=False)  # (a dict's first key, once many are deleted, is found by a scan)


def pack(f: Features) -> str:
    """Features as "numbers|names|content words" (none of them holds a space or a bar), each part
    sorted, so that the same features give the same text whatever the process's string-hash seed
    (a set's order follows it); ``unpack`` rebuilds the same sets from it."""
    numbers = " ".join(sorted(x for x in f.anchors if x[0] == "#"))
    names = " ".join(sorted(x[1:] for x in f.anchors if x[0] == "@"))
    return f"{numbers}|{names}|{' '.join(sorted(f.content))}"


def unpack(packed: str) -> Features:
    """The features ``pack`` wrote: the sets ``Features.of`` builds, built with fewer copies (~10 µs)."""
    numbers, names, content = (p.split() for p in packed.split("|"))
    said = frozenset(content)
    words = said.union(names)
    return Features(frozenset(numbers + ["@" + x for x in names]), words, said, words.union(numbers))


def _all_of(packed: str) -> frozenset[str]:
    """``unpack(packed).all`` (numbers, names and content words: every word of it), five times cheaper."""
    return frozenset(packed.replace("|", " ").split())


def _read_features(conn: Connection, ids: list[int], packed: dict[int, str],
                   article: dict[int, int]) -> list[tuple[int, int, str]]:
    """Put the packed features and article of these indexed claims into ``packed`` and ``article``: read
    from overlap_claim, or, for a claim indexed before it existed (schema version 7), extracted from
    its text; return the rows of the latter for overlap_claim, so that each is extracted once."""
    for cid, aid, p in _stored(conn, ids):
        packed[cid], article[cid] = p, aid
    late = []
    for cid, aid, text in _claims(conn, [cid for cid in ids if cid not in packed]):
        packed[cid], article[cid] = pack(features(text)), aid
        late.append((cid, aid, packed[cid]))
    return late


def _stored(conn: Connection, ids: list[int]) -> Iterable[tuple[int, int, str]]:
    """(claim id, article id, packed features) of the claims of ``ids`` that overlap_claim holds."""
    return _rows_in(conn, "SELECT claim_id, article_id, features FROM overlap_claim WHERE claim_id IN", ids,
                    lambda chunk: select(col(OverlapClaim.claim_id), col(OverlapClaim.article_id),
                                         col(OverlapClaim.features)).where(col(OverlapClaim.claim_id).in_(chunk)))


def _rows_in(conn: Connection, sql: str, ids: list[int], statement: Callable[[list[int]], Any]) -> Iterator[Any]:
    """Rows of ``sql`` (ending "... IN") for ``ids``, chunk by chunk: through the driver where
    it has a placeholder style, else through SQLAlchemy's ``statement(chunk)``."""
    ph = _placeholder(conn)
    for chunk in _chunks(ids):
        if ph is not None:
            yield from _fetch(conn, f"{sql} ({', '.join([ph] * len(chunk))})", tuple(chunk))
        else:
            yield from (tuple(row) for row in conn.execute(statement(chunk)))


def _placeholder(conn: Connection) -> str | None:
    """The driver's parameter marker where the SQL below is plain and shared (SQLite, PostgreSQL), else None."""
    return {"sqlite": "?", "postgresql": "%s"}.get(conn.dialect.name)


def _fetch(conn: Connection, sql: str, params: Sequence[Any]) -> list[tuple]:
    """The rows of plain SQL (``_placeholder``'s markers), through the driver's own cursor: SQLAlchemy's
    result rows cost more than the look-ups here."""
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute(sql, params)
        return cur.fetchall()
    finally:
        cur.close()


def _insert_ignore(conn: Connection, model: Any, cols: list[str], conflict: list[str], rows: list[tuple]) -> None:
    """Insert ``rows`` (tuples of ``cols``), skipping those that clash on ``conflict``; through the
    driver's executemany on SQLite and PostgreSQL (SQLAlchemy's per-row parameter processing cost
    more than the inserts)."""
    if not rows:
        return
    ph = _placeholder(conn)
    if ph is None:
        for i in range(0, len(rows), 5000):
            conn.execute(insert_ignore(conn, model, conflict), [dict(zip(cols, r, strict=True)) for r in rows[i:i + 5000]])
        return
    sql = (f"INSERT INTO {model.__tablename__} ({', '.join(cols)}) VALUES ({', '.join([ph] * len(cols))}) "
           f"ON CONFLICT ({', '.join(conflict)}) DO NOTHING")
    conn.exec_driver_sql(sql, rows)


def _add_counts(conn: Connection, counts: Counter) -> dict[str, int]:
    """Add feature counts to overlap_feature (an upsert that adds); return the counts after."""
    table = table_of(FeatureCount)
    dialect = conn.dialect.name
    if (ph := _placeholder(conn)) is not None and _returning(conn):
        # one statement per slice adds and reads back (the look-up after the upsert cost as much again)
        out: dict[str, int] = {}
        items = list(counts.items())
        for i in range(0, len(items), _IN // 2):
            part = items[i:i + _IN // 2]
            out.update(_fetch(conn, 
                f"INSERT INTO overlap_feature (feature, claims) VALUES {', '.join([f'({ph}, {ph})'] * len(part))} "
                "ON CONFLICT (feature) DO UPDATE SET claims = overlap_feature.claims + excluded.claims "
                "RETURNING feature, claims", tuple(chain.from_iterable(part))))
        return out
    if ph is not None:  # straight to the driver: no per-row parameter processing
        conn.exec_driver_sql(
            f"INSERT INTO overlap_feature (feature, claims) VALUES ({ph}, {ph}) ON CONFLICT (feature) "
            "DO UPDATE SET claims = overlap_feature.claims + excluded.claims", list(counts.items()))
        return _counts(conn, counts)
    rows = [{"feature": f, "claims": c} for f, c in counts.items()]
    if dialect in ("sqlite", "postgresql"):
        mod = sqlite if dialect == "sqlite" else postgresql
        stmt = mod.insert(table)
        stmt = stmt.on_conflict_do_update(index_elements=["feature"],
                                          set_={"claims": table.c.claims + stmt.excluded.claims})
        for i in range(0, len(rows), 5000):
            conn.execute(stmt, rows[i:i + 5000])
        return _counts(conn, counts)
    known = _counts(conn, counts)
    fresh = [r for r in rows if r["feature"] not in known]
    if fresh:
        conn.execute(insert(table), fresh)
    for r in rows:
        if r["feature"] in known:
            conn.execute(update(table).where(table.c.feature == r["feature"])
                         .values(claims=table.c.claims + r["claims"]))
    return _counts(conn, counts)


def _returning(conn: Connection) -> bool:
    """Whether the database returns the rows of an upsert (PostgreSQL; SQLite from 3.35)."""
    if conn.dialect.name == "postgresql":
        return True
    import sqlite3

    return sqlite3.sqlite_version_info >= (3, 35, 0)


def _claims(conn: Connection, ids: list[int]) -> Iterable[tuple[int, int, str]]:
    """(id, article_id, text) of these claims."""
    return _rows_in(conn, "SELECT id, article_id, text FROM claim WHERE id IN", ids,
                    lambda chunk: select(col(Claim.id), col(Claim.article_id), col(Claim.text))
                    .where(col(Claim.id).in_(chunk)))


def _counts(conn: Connection, features_: Iterable[str]) -> dict[str, int]:
    """Document frequencies of these features."""
    out: dict[str, int] = {}
    ph = _placeholder(conn)
    for chunk in _chunks(sorted(features_)):
        if ph is not None:
            out.update(_fetch(conn, f"SELECT feature, claims FROM overlap_feature WHERE feature IN "
                                            f"({', '.join([ph] * len(chunk))})", tuple(chunk)))
            continue
        out.update(conn.execute(select(col(FeatureCount.feature), col(FeatureCount.claims))
                                .where(col(FeatureCount.feature).in_(chunk))).all())
    return out


def _postings(conn: Connection, keys: set[str], sigs: dict[int, int]) -> dict[str, list[int]]:
    """The indexed claims of each key, in id order; their signatures (``signature``, or -1, every bit,
    for a claim indexed before keys had them) into ``sigs``."""
    out: dict[str, list[int]] = {}
    ph = _placeholder(conn)
    # one row a key, its claims joined: a late batch reads ~25,000 postings of ~2,400 keys, and a row
    # each cost twice the time (the tuples and the key's text again for each; docs/benchmarks.md, seventh pass)
    joined = {"?": "group_concat(claim_id), group_concat(COALESCE(sig, -1))",  # one row order for both
              "%s": "string_agg(claim_id::text, ',' ORDER BY claim_id), "
                    "string_agg(COALESCE(sig, -1)::text, ',' ORDER BY claim_id)"}.get(ph or "")
    for chunk in _chunks(sorted(keys)):
        if joined is not None:
            for key, ids, bits in _fetch(conn, f"SELECT key, {joined} FROM overlap_key WHERE key IN "
                                         f"({', '.join([ph] * len(chunk))}) GROUP BY key", tuple(chunk)):  # type: ignore[list-item]
                post = list(map(int, ids.split(",")))
                sigs.update(zip(post, map(int, bits.split(",")), strict=True))
                out[key] = sorted(post)  # the order of the ids joined is not promised
            continue
        for key, cid, sig in conn.execute(select(col(OverlapKey.key), col(OverlapKey.claim_id), col(OverlapKey.sig))
                                          .where(col(OverlapKey.key).in_(chunk)).order_by(col(OverlapKey.claim_id))):
            out.setdefault(key, []).append(cid)
            sigs[cid] = -1 if sig is None else sig
    return out


# ---------------------------------------------------------------- groups


def regroup(conn: Connection) -> int:
    """Rebuild overlap_group and overlap_member from the pairs of current articles; return the number of groups."""
    conn.execute(delete(table_of(OverlapMember)))
    conn.execute(delete(table_of(OverlapGroup)))
    ca, cb = table_of(Claim).alias("ca"), table_of(Claim).alias("cb")
    aa, ab = table_of(Article).alias("aa"), table_of(Article).alias("ab")
    claim_a, claim_b = col(OverlapPair.claim_a), col(OverlapPair.claim_b)
    query = select(claim_a, claim_b, col(OverlapPair.score))
    if _superseded(conn):  # only the pairs of current articles
        query = (query.join(ca, ca.c.id == claim_a).join(aa, and_(aa.c.id == ca.c.article_id, aa.c.is_current.is_(True)))
                 .join(cb, cb.c.id == claim_b).join(ab, and_(ab.c.id == cb.c.article_id, ab.c.is_current.is_(True))))
    # else every pair is of current articles (a pair goes with its claims, a claim with its article: both
    # cascade), and reading them in key order spares two look-ups of claim and two of article for each:
    # at 98,000 articles 0.7 s instead of ~5 s for 242,903 pairs (docs/benchmarks.md, seventh pass)
    pairs = conn.execute(query.order_by(claim_a, claim_b))  # the same groups whatever order the database returns
    groups = dense_groups((a, b, s) for a, b, s in pairs)  # streamed: no list of every pair's row beside the edges
    if not groups:
        return 0
    members = sorted({c for _, m in groups for c in m})
    info: dict[int, tuple] = {}
    for chunk in _chunks(members):
        for cid, aid, text, sid, name, typ, key in conn.execute(
            select(col(Claim.id), col(Claim.article_id), col(Claim.text), col(Claim.origin_source_id),
                   col(Source.name), col(Source.type), col(Source.key))
            .outerjoin(Source, col(Source.id) == col(Claim.origin_source_id)).where(col(Claim.id).in_(chunk))
        ):
            info[cast(int, cid)] = (aid, text, sid, name, typ, key)  # a stored claim's primary key: never NULL
    related = _relations(conn, {v[2] for v in info.values() if v[2] is not None})
    group_rows, member_rows = [], []
    for gid, (centre, scores) in enumerate(groups, start=1):
        origins = []
        for cid in sorted(scores):
            aid, _, sid, name, typ, key = info[cid]
            named = sid is not None and typ in NAMED and not is_scoped_key(key or "")
            origins.append(Origin(sid, name, named, frozenset(related.get(sid, ()))))
            member_rows.append({"group_id": gid, "claim_id": cid, "article_id": aid, "origin_source_id": sid,
                                "score": scores[cid]})
        independent, shared = independence(origins)
        names = list(dict.fromkeys(o.name for o in origins if o.name))
        group_rows.append({
            "id": gid, "claim_count": len(scores), "article_count": len({info[c][0] for c in scores}),
            "score": min(scores.values()), "independent": independent,
            "shared_origin_id": shared.source_id if shared else None, "origins": "; ".join(names),
            "text": info[centre][1],
        })
    _insert_rows(conn, OverlapGroup, group_rows)
    _insert_rows(conn, OverlapMember, member_rows)
    return len(group_rows)


def _insert_rows(conn: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) into an emptied table: through the driver's executemany on
    SQLite and PostgreSQL (SQLAlchemy's per-row parameter processing was ~2 s of the ~10 s regroup at
    98,000 articles), else through SQLAlchemy."""
    if not rows:
        return
    ph = _placeholder(conn)
    if ph is None:
        for i in range(0, len(rows), 5000):
            conn.execute(insert(table_of(model)), rows[i:i + 5000])
        return
    cols = list(rows[0])
    conn.exec_driver_sql(f"INSERT INTO {model.__tablename__} ({', '.join(cols)}) VALUES ({', '.join([ph] * len(cols))})",
                         [tuple(r[c] for c in cols) for r in rows])


def _superseded(conn: Connection) -> bool:
    """Whether any article is no longer current (an earlier version of one ingested again)."""
    return conn.execute(select(func.count()).select_from(Article)
                        .where(col(Article.is_current).is_(False))).scalar_one() > 0


def _relations(conn: Connection, ids: set[int]) -> dict[int, set[int]]:
    """Sources tied to each of ``ids`` by a relation, in either direction."""
    out: dict[int, set[int]] = {}
    for chunk in _chunks(sorted(ids)):
        for a, b in conn.execute(select(col(SourceRelation.source_id), col(SourceRelation.related_source_id)).where(
                col(SourceRelation.related_source_id).is_not(None),
                (col(SourceRelation.source_id).in_(chunk)) | (col(SourceRelation.related_source_id).in_(chunk)))):
            b = cast(int, b)  # related_source_id IS NOT NULL in the query
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return out


# ---------------------------------------------------------------- state


def _state(conn: Connection) -> dict[str, str]:
    """The overlap_state rows as a dict."""
    return dict(conn.execute(select(col(OverlapState.name), col(OverlapState.value))).all())


def add_seconds(conn: Connection, seconds: float, cpu_seconds: float = 0.0) -> None:
    """Add to the time ingest has spent keeping the index current: the writer's wall time
    (``overlap_state.seconds``, which on a busy machine includes waiting for a core) and the CPU
    time of the writer and of the workers' feature computation (``overlap_state.cpu_seconds``).
    benchmarks/run.py reports both as the index's share of an ingest (issue 13)."""
    state = _state(conn)
    _save_state(conn, {"seconds": f"{float(state.get('seconds', 0) or 0) + seconds:.3f}",
                       "cpu_seconds": f"{float(state.get('cpu_seconds', 0) or 0) + cpu_seconds:.3f}"})


def _save_state(conn: Connection, values: dict[str, str]) -> None:
    """Write overlap_state rows."""
    table = table_of(OverlapState)
    conn.execute(delete(table).where(col(OverlapState.name).in_(list(values))))
    conn.execute(insert(table), [{"name": k, "value": v} for k, v in values.items()])


def _chunks(values: list, size: int = _IN) -> Iterable[list]:
    """Slices small enough for one IN (...) list."""
    for i in range(0, len(values), size):
        yield values[i:i + size]
