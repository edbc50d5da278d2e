"""Extraction: a pure function from a Document to a Reading (no database, no I/O).

>>> from provenance.extract import extract
>>> from provenance.models import Document
>>> reading = extract(Document(text="The report said the economy grew."))
>>> [(c.kind.value, [l.name for l in c.chain]) for c in reading.claims]
[('direct', ['report'])]
"""

from provenance.extract.options import ExtractOptions
from provenance.extract.pipeline import extract

__all__ = ["ExtractOptions", "extract"]
