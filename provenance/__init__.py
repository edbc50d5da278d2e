"""provenance: who says so, and how it reached the page.

Feed it news articles; for every claim it finds the chain of sources it rests on,
origin first, and stores them in a SQLite database anyone can query.
"""

from provenance.models import (
    Attribution,
    ChainLink,
    Claim,
    ClaimKind,
    CueType,
    Document,
    Entity,
    Mention,
    Reading,
    SourceType,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "ChainLink",
    "Claim",
    "ClaimKind",
    "CueType",
    "Document",
    "Entity",
    "Mention",
    "Reading",
    "SourceType",
    "Span",
    "__version__",
]
