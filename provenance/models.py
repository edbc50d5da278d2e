"""Typed values that flow through the pipeline: a Document goes in, a Reading comes out.

These are plain pydantic models with no database in sight, so extraction stays a pure
function of its input and can run in worker processes or tests without storage.
All offsets are character offsets into ``Document.text`` (Python ``str`` indexing), and
every ``Span.text`` equals ``text[start:end]``.
"""

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

# the vocabularies live in provenance.kinds (plain enums, cheap to import); they belong here too
from provenance.kinds import ClaimKind, CueType, SourceType  # noqa: F401

_M = TypeVar("_M", bound=BaseModel)


def build(cls: type[_M], fields: dict[str, Any]) -> _M:
    """``cls(**fields)``: the same validation and the same instance, but handed straight
    to pydantic-core, without the Python ``__init__`` frame and keyword packing (a quarter
    fewer instructions; extraction builds hundreds of models per article)."""
    return cls.__pydantic_validator__.validate_python(fields)


class Span(BaseModel):
    """A slice of the article text; ``text == article_text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of ``text`` from ``start`` to ``end``.

        Validated by pydantic-core (see ``build``), which takes fewer instructions than
        ``model_construct`` walking the fields in Python.
        """
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} outside a text of {len(text)} characters")
        return build(cls, {"start": start, "end": end, "text": text[start:end]})


class Document(BaseModel):
    """One article as read from a file, line or page, before any analysis.

    ``body_start``/``body_end`` bound the part that is analysed: a closing
    ``Source » outlet`` line stays in ``text`` (it is what the file said) but is not read
    for claims.
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    path: str | None = None
    external_id: str | None = None
    body_start: int = 0
    body_end: int | None = None
    meta: dict = Field(default_factory=dict)

    @property
    def body(self) -> tuple[int, int]:
        """The analysed region as ``(start, end)`` offsets."""
        end = len(self.text) if self.body_end is None else self.body_end
        return self.body_start, end


class Entity(BaseModel):
    """A source as one article knows it: the mentions that refer to it, gathered.

    Cross-article resolution later maps entities of many readings to stored sources.
    """

    id: int
    name: str
    type: SourceType
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None  # "a senior fellow at the Foundation for Defence of Democracies"
    affiliations: list[str] = Field(default_factory=list)
    publishers: list[str] = Field(default_factory=list)
    authors: list[str] = Field(default_factory=list)


class Mention(BaseModel):
    """A span of text that refers to a source ("he", "the report", "Mr Joscelyn")."""

    id: int
    span: Span
    entity: int


class Attribution(BaseModel):
    """A cue, a source mention and a content span (docs/vocabulary.md, "attribution").

    ``parent`` is the attribution whose content contains this one ("According to the AP,
    [the report reveals that X]"): the inner one has the outer one as parent.
    ``relays`` are entities that carried the statement without being its speaker
    ("told the Financial Times", "speaking to X", "seen by X"), nearest to the source first.
    """

    id: int
    cue: Span | None
    cue_type: CueType
    source: Span | None
    entity: int | None
    content: Span
    parent: int | None = None
    relays: list[int] = Field(default_factory=list)
    relay_evidence: list[Span] = Field(default_factory=list)


class ChainLink(BaseModel):
    """One step of a chain: a source, the cue that ties it in, and the words that show it."""

    entity: int
    name: str
    type: SourceType
    cue: str | None
    evidence: Span


class Claim(BaseModel):
    """A statement of the article with the chain of sources it rests on, origin first."""

    id: int
    span: Span
    cue: Span | None
    kind: ClaimKind
    attribution: int | None
    chain: list[ChainLink] = Field(default_factory=list)

    @property
    def hops(self) -> int:
        """The number of links between the origin and the article."""
        return len(self.chain)


class Reading(BaseModel):
    """Everything extraction finds in one document."""

    text: str
    entities: list[Entity] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    wire: int | None = None  # entity of a dateline wire credit ("WASHINGTON (AP) —")
    words: int = 0
