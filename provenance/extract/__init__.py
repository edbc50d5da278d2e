"""Extraction: a pure function from a Document to a Reading (no database, no I/O)."""

import re

from provenance.models import Claim, ClaimKind, Document, Reading, Span

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def extract(doc: Document) -> Reading:
    """STUB until the real extractor lands: every sentence an unattributed claim."""
    start, end = doc.body
    claims = []
    for m in _SENTENCE.finditer(doc.text, start, end):
        if m.group().strip():
            s, e = m.start(), m.end()
            while s < e and doc.text[s].isspace():
                s += 1
            claims.append(Claim(id=len(claims), span=Span.of(doc.text, s, e), cue=None,
                                kind=ClaimKind.unattributed, attribution=None))
    return Reading(text=doc.text, claims=claims, words=len(doc.text[start:end].split()))
