"""Extraction: a pure function from a Document to a Reading (no database, no I/O).

>>> from provenance.extract import extract
>>> from provenance.models import Document
>>> reading = extract(Document(text="The report said the economy grew."))
>>> [(c.kind.value, [l.name for l in c.chain]) for c in reading.claims]
[('direct', ['report'])]
"""

from typing import TYPE_CHECKING, Any

from provenance.extract.options import ExtractOptions

if TYPE_CHECKING:
    from provenance.extract.pipeline import extract

__all__ = ["ExtractOptions", "extract"]


def __getattr__(name: str) -> Any:
    """``extract`` on first use (PEP 562): the rules and their lexicons load only in a process that
    extracts, so an ingest of unchanged input, or the options alone, never pays for them."""
    if name == "extract":
        from provenance.extract.pipeline import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
