"""One article with its claims in text order: what ``show`` prints and each page of ``report``
draws. The claims carry the chain shape of ``provenance.query`` (docs/vocabulary.md) and a
number in reading order, so the terminal and the HTML page number them the same way.
"""

import itertools
from typing import Any

from provenance import query
from provenance.errors import NotFoundError, ProvenanceError
from provenance.kinds import ClaimKind
from provenance.query import DB
from provenance.reads import Reader

Row = dict[str, Any]
ARTICLE_FIELDS = ("id", "path", "external_id", "title", "outlet", "url", "published", "version",
                  "is_current", "text")


def resolve_article(session: DB, ref: str | int) -> int:
    """The id of the one article ``ref`` names (id, path, file name, external id); an error
    that lists the candidates when it names several, so the user can pick an id."""
    ids = query.find_articles(session, ref)
    if not ids:
        raise NotFoundError(f"no article matches {str(ref)!r}")
    if len(ids) > 1:
        rows = Reader.of(session).all(f"SELECT id, path, title FROM article WHERE id IN ({', '.join('?' * len(ids[:10]))})",
                                      ids[:10])
        listed = "; ".join(f"{i} {t or p}" for i, p, t in rows)
        more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        raise ProvenanceError(f"{str(ref)!r} matches {len(ids)} articles: {listed}{more}; give an id")
    return ids[0]


def article_view(session: DB, ref: str | int) -> Row:
    """The article ``ref`` names with its text and its claims in reading order, each numbered
    from 1 (``n``), with its chain origin first, and the claim counts by kind."""
    aid = resolve_article(session, ref)
    found = Reader.of(session).first(f"SELECT {', '.join(ARTICLE_FIELDS)} FROM article WHERE id = ?", [aid])
    row: Row = dict(zip(ARTICLE_FIELDS, found or (), strict=True))
    row["is_current"] = bool(row["is_current"])
    claims = sorted(query.iter_claims(session, article=aid), key=lambda c: (c["start"], -c["end"], c["id"]))
    for n, claim in enumerate(claims, 1):
        claim["n"] = n
    row["claims"] = claims
    row["counts"] = kind_counts(claims)
    return row


def kind_counts(claims: list[Row]) -> dict[str, int]:
    """How many of ``claims`` are of each kind, every kind present (zero when none)."""
    counts = {k.value: 0 for k in ClaimKind}
    for claim in claims:
        counts[claim["kind"]] = counts.get(claim["kind"], 0) + 1
    return counts


def spans(text_length: int, intervals: list[tuple[int, int, Any]]) -> list[tuple[int, int, list[Any]]]:
    """Cut ``[0, text_length)`` at every interval edge: ``(start, end, keys covering it)`` per piece,
    in order, keys in the order given. Lets a renderer mark overlapping claims without nesting."""
    edges = {0, text_length}
    for start, end, _ in intervals:
        edges.update((max(0, min(start, text_length)), max(0, min(end, text_length))))
    cuts = sorted(edges)
    pieces = []
    for a, b in itertools.pairwise(cuts):
        keys = [key for start, end, key in intervals if start <= a and b <= end]
        pieces.append((a, b, keys))
    return pieces
