"""The database tables, as SQLModel classes with plain table names anyone can query.

Offsets (``start``/``end``) are character offsets into ``article.text``: in SQL,
``substr(article.text, claim.start + 1, claim."end" - claim.start) = claim.text``.
SQLModel table constructors do not validate (SQLModel #52): rows are written through
``insert()`` with dicts built from already-validated pydantic readings.
No ``from __future__ import annotations`` here: it breaks SQLModel (#196).
"""

from datetime import UTC, datetime

from sqlalchemy import BigInteger, CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from provenance.store.upsert import table_of


def utcnow() -> datetime:
    """The current time in UTC (ingest timestamps)."""
    return datetime.now(UTC)


class SchemaMigration(SQLModel, table=True):
    """One applied migration: the database's schema version is the highest ``version``."""

    __tablename__ = "schema_migrations"

    version: int = Field(primary_key=True)
    name: str
    applied_at: datetime = Field(default_factory=utcnow)


class Article(SQLModel, table=True):
    """One ingested document; an edited file becomes a new row that points to the previous one."""

    __tablename__ = "article"
    __table_args__ = (
        # at most one current version per path; stdin articles have no path
        Index("ux_article_current_path", "path", unique=True,
              sqlite_where=text("is_current AND path IS NOT NULL"),
              postgresql_where=text("is_current AND path IS NOT NULL")),
        CheckConstraint("body_start >= 0 AND body_end >= body_start", name="ck_article_body"),
    )

    id: int | None = Field(default=None, primary_key=True)
    path: str | None = Field(default=None, index=True)
    external_id: str | None = Field(default=None, index=True)
    title: str | None = None
    outlet: str | None = Field(default=None, index=True)
    url: str | None = None
    published: str | None = Field(default=None, index=True)
    text: str
    body_start: int = 0
    body_end: int
    content_hash: str = Field(unique=True)  # sha256 of text: re-ingesting it adds nothing
    words: int = 0
    ingested_at: datetime = Field(default_factory=utcnow)
    version: int = 1
    previous_id: int | None = Field(default=None, foreign_key="article.id", index=True)
    # no index of its own (dropped in version 5): nearly every article is current, and SQLite,
    # without statistics, took ix_article_is_current for selective and scanned through it
    is_current: bool = True


class Source(SQLModel, table=True):
    """A real-world origin of information: person, organization, outlet, document or anonymous."""

    __tablename__ = "source"
    __table_args__ = (UniqueConstraint("type", "key", name="uq_source_type_key"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    type: str = Field(index=True)
    key: str = Field(index=True)  # normalized name used for resolution
    role: str | None = None


class SourceAlias(SQLModel, table=True):
    """A name under which a source was seen, and why it was taken to be that source."""

    __tablename__ = "source_alias"
    __table_args__ = (UniqueConstraint("source_id", "alias", name="uq_source_alias"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    alias: str
    norm: str = Field(index=True)
    reason: str
    score: float = 1.0


class SourceRelation(SQLModel, table=True):
    """An attribute of a source: its affiliation, publisher or author (by id when stored)."""

    __tablename__ = "source_relation"
    __table_args__ = (
        UniqueConstraint("source_id", "relation", "related_name", name="uq_source_relation"),
        CheckConstraint("relation IN ('affiliation', 'publisher', 'author')", name="ck_relation"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    related_source_id: int | None = Field(default=None, foreign_key="source.id", index=True,
                                             ondelete="SET NULL")
    related_name: str
    relation: str = Field(index=True)


class SourceArticle(SQLModel, table=True):
    """Which sources appear in which article, with counts (kept by the writer; makes reach cheap)."""

    __tablename__ = "source_article"

    source_id: int = Field(foreign_key="source.id", primary_key=True, ondelete="CASCADE")
    article_id: int = Field(foreign_key="article.id", primary_key=True, index=True, ondelete="CASCADE")
    mention_count: int = 0
    claim_count: int = 0  # claims whose chain includes the source
    origin_count: int = 0  # ... as the origin
    relay_count: int = 0  # ... as a relay


class Mention(SQLModel, table=True):
    """A span of an article that refers to a source ("he", "the report", "Mr Joscelyn")."""

    __tablename__ = "mention"
    __table_args__ = (CheckConstraint('start >= 0 AND "end" >= start', name="ck_mention_span"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    source_id: int = Field(foreign_key="source.id", index=True)
    start: int
    end: int
    text: str


class Claim(SQLModel, table=True):
    """A statement of an article, its cue, its kind and its chain as readable text."""

    __tablename__ = "claim"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" >= start', name="ck_claim_span"),
        CheckConstraint("kind IN ('direct', 'secondhand', 'vague', 'unattributed')", name="ck_claim_kind"),
        CheckConstraint("hops >= 0", name="ck_claim_hops"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    text: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue_type: str | None = None  # a handful of values: no index (dropped in version 5)
    kind: str  # four values: no index (dropped in version 5); claims --kind reads claims in id order
    hops: int = 0
    origin_source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    chain_text: str = ""  # "UN report ← Associated Press", origin first


class Citation(SQLModel, table=True):
    """One link of a claim's chain: position 0 is the origin, then each relay outward."""

    __tablename__ = "citation"
    __table_args__ = (
        UniqueConstraint("claim_id", "position", name="uq_citation_position"),
        CheckConstraint("position >= 0", name="ck_citation_position"),
        CheckConstraint("evidence_start >= 0 AND evidence_end >= evidence_start", name="ck_citation_span"),
        CheckConstraint("role IN ('origin', 'relay')", name="ck_citation_role"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", ondelete="CASCADE")  # leads uq_citation_position
    position: int
    source_id: int = Field(foreign_key="source.id")  # leads ix_citation_source_claim
    cue: str | None = None
    evidence_start: int
    evidence_end: int
    evidence_text: str
    role: str  # 'origin' or 'relay': no index (dropped in version 5)


# a source's citations in claim order, read from the index alone (schema version 9, which dropped the
# (source_id) index it extends): `claims --source` reads its claim ids without visiting a citation row,
# and `source ID` its first claims in order, however many the source has
CITATION_SOURCE_CLAIM = Index("ix_citation_source_claim", table_of(Citation).c.source_id,
                              table_of(Citation).c.claim_id, table_of(Citation).c.position)

ALL_TABLES = [
    table_of(SchemaMigration),
    table_of(Article),
    table_of(Source),
    table_of(SourceAlias),
    table_of(SourceRelation),
    table_of(SourceArticle),
    table_of(Mention),
    table_of(Claim),
    table_of(Citation),
]


# ---------------------------------------------------------------- source resolution (schema version 2)


class SourceBlock(SQLModel, table=True):
    """A blocking key of a source ("ps:joscelyn", "ac:cbo"): a new name is compared only with
    the sources that share one of its keys, never with all sources (provenance.resolve)."""

    __tablename__ = "source_block"

    block: str = Field(primary_key=True)
    source_id: int = Field(foreign_key="source.id", primary_key=True, index=True, ondelete="CASCADE")


class SourceCuration(SQLModel, table=True):
    """A curator's decision (``provenance sources merge|split|alias add``): the name ``norm``
    belongs to ``source_id``. The resolver consults these first on every ingest."""

    __tablename__ = "source_curation"
    __table_args__ = (CheckConstraint("action IN ('merge', 'split', 'alias')", name="ck_curation_action"),)

    id: int | None = Field(default=None, primary_key=True)
    action: str = Field(index=True)
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True, ondelete="SET NULL")
    alias: str  # the name as written
    norm: str = Field(index=True)  # the resolution key or normalized name it pins
    type: str | None = None  # the source type the pin applies to
    note: str | None = None
    articles: str | None = None  # merge: ids of the articles the merged source was in ("3,17"), to undo it
    created_at: datetime = Field(default_factory=utcnow)


RESOLUTION_TABLES = [table_of(SourceBlock), table_of(SourceCuration)]
ALL_TABLES += RESOLUTION_TABLES


# ---------------------------------------------------------------- overlaps (schema version 3)


class OverlapKey(SQLModel, table=True):
    """Inverted index for finding overlapping claims: a pair of anchors (numbers and names,
    "@syria|#30000") and a claim that has both. Derived data (``overlaps --rebuild`` remakes it);
    a key stops collecting claims past ``provenance.overlaps.MAX_KEY_CLAIMS``: it is a topic then."""

    __tablename__ = "overlap_key"
    __table_args__ = {"sqlite_with_rowid": False}

    key: str = Field(primary_key=True)
    claim_id: int = Field(primary_key=True)
    # the claim's feature set as a 63-bit Bloom filter (overlap_index.signature), so that most candidates
    # are turned down without reading their features; NULL for keys written before schema version 10
    sig: int | None = Field(default=None, sa_type=BigInteger)


class FeatureCount(SQLModel, table=True):
    """In how many indexed claims a feature (word stem, name, number) occurs: for IDF weights."""

    __tablename__ = "overlap_feature"
    __table_args__ = {"sqlite_with_rowid": False}

    feature: str = Field(primary_key=True)
    claims: int = 0


class OverlapPair(SQLModel, table=True):
    """Two claims of different articles that state the same thing, with their similarity and
    the features they share (the evidence)."""

    __tablename__ = "overlap_pair"
    __table_args__ = (CheckConstraint("claim_a < claim_b", name="ck_overlap_pair_order"),)

    claim_a: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    claim_b: int = Field(foreign_key="claim.id", primary_key=True, index=True, ondelete="CASCADE")
    score: float
    shared: str  # the shared features, space-separated


class OverlapGroup(SQLModel, table=True):
    """Claims of current articles that state the same thing, with their origins and whether they
    are independent (rest on at least two different named origins). Rebuilt from overlap_pair."""

    __tablename__ = "overlap_group"

    id: int | None = Field(default=None, primary_key=True)
    claim_count: int
    article_count: int
    score: float  # the lowest of the members' best similarity within the group
    independent: bool = Field(index=True)
    shared_origin_id: int | None = Field(default=None, foreign_key="source.id", index=True, ondelete="SET NULL")
    origins: str = ""  # origin names, "; "-separated
    text: str = ""  # the central claim's text


# widest groups first (schema version 9): `overlaps --limit N` reads the first N in this index's order
# instead of sorting every group
OVERLAP_GROUP_REACH = Index("ix_overlap_group_reach", table_of(OverlapGroup).c.article_count.desc(),
                            table_of(OverlapGroup).c.claim_count.desc(), table_of(OverlapGroup).c.id)


class OverlapMember(SQLModel, table=True):
    """One claim of an overlap group."""

    __tablename__ = "overlap_member"

    group_id: int = Field(foreign_key="overlap_group.id", primary_key=True, ondelete="CASCADE")
    claim_id: int = Field(foreign_key="claim.id", primary_key=True, index=True, ondelete="CASCADE")
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    origin_source_id: int | None = Field(default=None, foreign_key="source.id", index=True, ondelete="SET NULL")
    score: float = 1.0  # the best similarity of this claim with another member


class OverlapState(SQLModel, table=True):
    """Bookkeeping of the overlap index: which claims are indexed, and what the groups were built from."""

    __tablename__ = "overlap_state"

    name: str = Field(primary_key=True)
    value: str


OVERLAP_TABLES = [table_of(OverlapKey), table_of(FeatureCount), table_of(OverlapPair),
                  table_of(OverlapGroup), table_of(OverlapMember), table_of(OverlapState)]
ALL_TABLES += OVERLAP_TABLES


# ---------------------------------------------------------------- source reach (schema version 4)


class SourceStats(SQLModel, table=True):
    """How far a source reaches over *current* articles: the sums of its ``source_article`` rows
    joined to current articles (derived data, recomputed by ``provenance.store.stats`` whenever
    they can change). Sources in no current article have no row. ``type`` repeats ``source.type``
    so that listing one type widest-first is an index range scan too."""

    __tablename__ = "source_stats"

    source_id: int = Field(foreign_key="source.id", primary_key=True, ondelete="CASCADE")
    type: str
    article_count: int  # current articles the source is in
    claim_count: int  # claims (of current articles) whose chain includes it
    mention_count: int
    origin_count: int  # ... chain links where it is the origin
    relay_count: int  # ... chain links where it is a relay


# widest reach first: sources --recurring [--limit N] reads this index in order and stops
Index("ix_source_stats_reach", table_of(SourceStats).c.article_count.desc(),
      table_of(SourceStats).c.claim_count.desc(), table_of(SourceStats).c.source_id)
Index("ix_source_stats_type_reach", table_of(SourceStats).c.type, table_of(SourceStats).c.article_count.desc(),
      table_of(SourceStats).c.claim_count.desc(), table_of(SourceStats).c.source_id)

STATS_TABLES = [table_of(SourceStats)]
ALL_TABLES += STATS_TABLES


# ---------------------------------------------------------------- input files (schema version 7)


class InputFile(SQLModel, table=True):
    """A file ingested whole without an error or a note: its size, modification time and sha256
    as read, and what it held, so that ingesting it again unchanged skips it unread
    (``provenance.ingest``). Derived: deleting the rows only makes the next ingest read again."""

    __tablename__ = "input_file"

    path: str = Field(primary_key=True)
    size: int = Field(sa_type=BigInteger)
    mtime_ns: int = Field(sa_type=BigInteger)
    sha256: str
    checked_ns: int = Field(sa_type=BigInteger)  # when it was read (a change within the clock's step is hashed)
    articles: int = 0  # its articles stored, or already stored from this path
    duplicates: int = 0  # its articles whose text was already stored from another path
    words: int = 0
    ingested_at: datetime = Field(default_factory=utcnow)


INPUT_TABLES = [table_of(InputFile)]
ALL_TABLES += INPUT_TABLES


# ---------------------------------------------------------------- stored overlap features (schema version 8)


class OverlapClaim(SQLModel, table=True):
    """The overlap features of an indexed claim that holds a key of ``overlap_key``, packed as
    "numbers|names|content words" (``provenance.store.overlap_index.pack``), with its article:
    a later claim that meets it as a candidate reads them here (microseconds) instead of
    extracting them from its text again (tens of microseconds, and at 10,000 articles most of
    the index's time). Derived, like the rest of the index: ``overlaps --rebuild`` remakes it;
    a claim indexed before version 8 gets its row when it is first met as a candidate."""

    __tablename__ = "overlap_claim"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE",
                          sa_column_kwargs={"autoincrement": False})
    article_id: int
    features: str


OVERLAP_CLAIM_TABLES = [table_of(OverlapClaim)]
ALL_TABLES += OVERLAP_CLAIM_TABLES
