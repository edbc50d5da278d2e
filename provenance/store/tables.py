"""The database tables, as SQLModel classes with plain table names anyone can query.

Offsets (``start``/``end``) are character offsets into ``article.text``: in SQL,
``substr(article.text, claim.start + 1, claim."end" - claim.start) = claim.text``.
SQLModel table constructors do not validate (SQLModel #52): rows are written through
``insert()`` with dicts built from already-validated pydantic readings.
No ``from __future__ import annotations`` here: it breaks SQLModel (#196).
"""

from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import CheckConstraint, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """The current time in UTC (ingest timestamps)."""
    return datetime.now(timezone.utc)


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

    id: Optional[int] = Field(default=None, primary_key=True)
    path: Optional[str] = Field(default=None, index=True)
    external_id: Optional[str] = Field(default=None, index=True)
    title: Optional[str] = None
    outlet: Optional[str] = Field(default=None, index=True)
    url: Optional[str] = None
    published: Optional[str] = Field(default=None, index=True)
    text: str
    body_start: int = 0
    body_end: int
    content_hash: str = Field(unique=True)  # sha256 of text: re-ingesting it adds nothing
    words: int = 0
    ingested_at: datetime = Field(default_factory=utcnow)
    version: int = 1
    previous_id: Optional[int] = Field(default=None, foreign_key="article.id", index=True)
    is_current: bool = Field(default=True, index=True)


class Source(SQLModel, table=True):
    """A real-world origin of information: person, organization, outlet, document or anonymous."""

    __tablename__ = "source"
    __table_args__ = (UniqueConstraint("type", "key", name="uq_source_type_key"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    type: str = Field(index=True)
    key: str = Field(index=True)  # normalized name used for resolution
    role: Optional[str] = None


class SourceAlias(SQLModel, table=True):
    """A name under which a source was seen, and why it was taken to be that source."""

    __tablename__ = "source_alias"
    __table_args__ = (UniqueConstraint("source_id", "alias", name="uq_source_alias"),)

    id: Optional[int] = Field(default=None, primary_key=True)
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

    id: Optional[int] = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    related_source_id: Optional[int] = Field(default=None, foreign_key="source.id", index=True,
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

    id: Optional[int] = Field(default=None, primary_key=True)
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

    id: Optional[int] = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    start: int
    end: int
    text: str
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    cue_type: Optional[str] = Field(default=None, index=True)
    kind: str = Field(index=True)
    hops: int = 0
    origin_source_id: Optional[int] = Field(default=None, foreign_key="source.id", index=True)
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

    id: Optional[int] = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    position: int
    source_id: int = Field(foreign_key="source.id", index=True)
    cue: Optional[str] = None
    evidence_start: int
    evidence_end: int
    evidence_text: str
    role: str = Field(index=True)


ALL_TABLES = [
    SchemaMigration.__table__,
    Article.__table__,
    Source.__table__,
    SourceAlias.__table__,
    SourceRelation.__table__,
    SourceArticle.__table__,
    Mention.__table__,
    Claim.__table__,
    Citation.__table__,
]
