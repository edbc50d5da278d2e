"""``provenance report``: a static, offline HTML site of the database (or of a few articles):
an index of articles, one page per article with its claims highlighted by kind and their
chains on demand, and a page of recurring sources. The pages need no server, no network and
no framework: open ``index.html`` in a browser, or copy the folder anywhere.
"""

import shutil
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session
from sqlmodel import col

from provenance import query
from provenance.report import pages
from provenance.store.tables import Article, Citation, Claim, Source, SourceAlias, SourceStats
from provenance.views import article_view, resolve_article

Row = dict[str, Any]
STATIC = Path(__file__).parent
CLAIMS_PER_SOURCE = 50  # claims listed under a source on the sources page (the rest are counted)


@dataclass
class ReportSummary:
    """What ``build_report`` wrote: where, how many article pages, how many sources."""

    out: Path
    articles: int
    sources: int
    claims: int


def build_report(session: Session, out: str | Path, articles: list[str] | None = None,
                 claims_per_source: int = CLAIMS_PER_SOURCE) -> ReportSummary:
    """Write the site into ``out`` (created if needed): every current article, or the ones named."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    listed = select_articles(session, articles)
    in_report = {a["id"] for a in listed}
    recurring = recurring_sources(session, in_report if articles else None)
    on_sources_page = {s["id"] for s in recurring}
    for name in ("report.css", "report.js"):
        shutil.copyfile(STATIC / name, out / name)
    claims = 0
    for a in listed:
        view = article_view(session, a["id"])
        claims += len(view["claims"])
        write(out / pages.article_file(a["id"]), pages.article_page(view, on_sources_page))
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    write(out / "index.html", pages.index_page(listed, generated))
    write(out / "sources.html", pages.sources_page(recurring, in_report, claims_per_source))
    return ReportSummary(out=out, articles=len(listed), sources=len(recurring), claims=claims)


def write(path: Path, text: str) -> None:
    """Write one page as UTF-8."""
    path.write_text(text, encoding="utf-8")


def select_articles(session: Session, refs: list[str] | None) -> list[Row]:
    """Rows of ``query.list_articles`` for the articles named (each must name one), or all current ones."""
    rows = query.list_articles(session)
    if not refs:
        return rows
    wanted = list(dict.fromkeys(resolve_article(session, ref) for ref in refs))
    by_id = {r["id"]: r for r in rows}
    missing = [aid for aid in wanted if aid not in by_id]  # an older version, asked for by id
    if missing:
        by_id.update({r["id"]: r for r in article_rows(session, missing)})
    return [by_id[aid] for aid in wanted]


def article_rows(session: Session, ids: list[int]) -> list[Row]:
    """Index rows for articles that are not current (asked for by id): counts by kind included."""
    out = []
    for aid in ids:
        view = article_view(session, aid)
        row = {k: view[k] for k in ("id", "path", "title", "outlet", "url", "published")}
        row.update(view["counts"], claim_count=len(view["claims"]))
        out.append(row)
    return out


def recurring_sources(session: Session, articles: set[int] | None) -> list[Row]:
    """Sources in two or more current articles, widest reach first, with aliases, articles and
    the claims that cite them; only those cited in ``articles`` (and only their claims) when given."""
    stmt = (select(col(Source.id), col(Source.name), col(Source.type), col(SourceStats.article_count),
                   col(SourceStats.claim_count), col(SourceStats.origin_count), col(SourceStats.relay_count))
            .join(SourceStats, col(SourceStats.source_id) == col(Source.id)).where(col(SourceStats.article_count) >= 2)
            .order_by(col(SourceStats.article_count).desc(), col(SourceStats.claim_count).desc(), col(Source.id)))
    rows = [dict(r._mapping) for r in session.execute(stmt)]
    ids = [r["id"] for r in rows]
    cites = source_claims(session, ids, articles)
    if articles is not None:
        rows = [r for r in rows if cites.get(r["id"])]
        ids = [r["id"] for r in rows]
    aliases = source_aliases(session, ids)
    arts = query.source_articles(session, ids)
    for r in rows:
        r["aliases"] = [a for a in aliases.get(r["id"], []) if a != r["name"]]
        r["articles"] = arts.get(r["id"], [])
        r["claims"] = cites.get(r["id"], [])
    return rows


def source_claims(session: Session, ids: list[int], articles: set[int] | None) -> dict[int, list[Row]]:
    """The claims of current articles whose chains cite each source: ``{source id: [claim]}``."""
    out: dict[int, list[Row]] = defaultdict(list)
    for chunk in chunks(ids):
        stmt = (select(col(Citation.source_id), col(Citation.role), col(Claim.id), col(Claim.article_id),
                       col(Claim.kind), col(Claim.text))
                .join(Claim, col(Claim.id) == col(Citation.claim_id))
                .join(Article, and_(col(Article.id) == col(Claim.article_id), col(Article.is_current).is_(True)))
                .where(col(Citation.source_id).in_(chunk)).order_by(col(Citation.source_id), col(Claim.id)))
        for r in session.execute(stmt):
            if articles is None or r.article_id in articles:
                out[r.source_id].append({"id": r.id, "article_id": r.article_id, "kind": r.kind,
                                         "text": r.text, "role": r.role})
    return out


def source_aliases(session: Session, ids: list[int]) -> dict[int, list[str]]:
    """The names each source was seen under, first seen first."""
    out: dict[int, list[str]] = defaultdict(list)
    for chunk in chunks(ids):
        for sid, alias in session.execute(select(col(SourceAlias.source_id), col(SourceAlias.alias))
                                          .where(col(SourceAlias.source_id).in_(chunk))
                                          .order_by(col(SourceAlias.id))):
            out[sid].append(alias)
    return out



def chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    """``ids`` in lists short enough for one IN (...)."""
    return [ids[i:i + size] for i in range(0, len(ids), size)]
