"""provenance: who says so, and how it reached the page.

Feed it news articles; for every claim it finds the chain of sources it rests on,
origin first, and stores them in a SQLite database anyone can query.

The data model (``provenance.Document``, ``provenance.Reading``, ...) is imported on first
use, so that ``provenance --version`` and ``--help`` do not pay for pydantic.
"""

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


def __getattr__(name: str):
    """The names of ``provenance.models``, imported when first asked for."""
    if name in __all__ and name != "__version__":
        from provenance import models

        return getattr(models, name)
    raise AttributeError(f"module 'provenance' has no attribute {name!r}")
