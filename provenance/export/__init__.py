"""Chains that leave the tool: W3C PROV (PROV-JSON, PROV-N, PROV-XML through the ``prov``
package), Graphviz DOT and Mermaid. ``select_claims`` picks the claims (one claim, an
article's, or a source's); ``export`` renders them in a format.
"""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from provenance import query
from provenance.errors import NotFoundError, ProvenanceError
from provenance.store.tables import Article

Row = dict[str, Any]
FORMATS = ("prov-json", "prov-n", "prov-xml", "dot", "mermaid")


def select_claims(session: Session, *, claim: int | None = None, article: str | int | None = None,
                  source: str | int | None = None) -> list[Row]:
    """The claims of exactly one selection: a claim id, an article (every claim of it) or a source
    (every claim whose chain includes it), with their chains, origin first."""
    given = [name for name, value in (("--claim", claim), ("--article", article), ("--source", source))
             if value is not None]
    if len(given) != 1:
        raise ProvenanceError("give exactly one of --claim, --article or --source"
                              + (f" (got {', '.join(given)})" if given else ""))
    if claim is not None:
        return [query.get_chain(session, claim)]
    if article is not None:
        from provenance.views import resolve_article

        return query.list_claims(session, article=resolve_article(session, article))
    rows = query.list_claims(session, source=source)
    if not rows:
        raise NotFoundError(f"no claim of a current article cites {source!r}")
    return rows


def article_details(session: Session, claims: list[Row]) -> dict[int, Row]:
    """The articles of ``claims`` with the fields an export names them by (title, outlet, URL, date)."""
    ids = sorted({c["article"]["id"] for c in claims})
    stmt = select(col(Article.id), col(Article.path), col(Article.external_id), col(Article.title),
                  col(Article.outlet), col(Article.url), col(Article.published)).where(col(Article.id).in_(ids))
    return {r.id: dict(r._mapping) for r in session.execute(stmt)}


def export(session: Session, fmt: str, **selection: Any) -> str:
    """The selected claims' chains as text in ``fmt`` (one of ``FORMATS``)."""
    if fmt not in FORMATS:
        raise ProvenanceError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    claims = select_claims(session, **selection)
    articles = article_details(session, claims)
    if fmt == "dot":
        from provenance.export.graph import to_dot

        return to_dot(claims, articles)
    if fmt == "mermaid":
        from provenance.export.graph import to_mermaid

        return to_mermaid(claims, articles)
    from provenance.export.prov import prov_document, serialize

    return serialize(prov_document(claims, articles), fmt)
