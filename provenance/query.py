"""Questions asked of the database, answered as JSON-ready dicts (no printing here).

Shapes follow README.md and docs/vocabulary.md: a claim is ``{id, article: {id, path, title, outlet}, text, start,
end, cue, kind, hops, chain: [{source_id, name, type, aliases, cue, evidence: {start, end,
text}}]}``, origin first. Chains and aliases for a page of claims are fetched with one query
each (no query per claim). Every user input reaches SQL as a bound parameter.
Only current versions of articles are listed unless an article is asked for by id.
"""

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Integer, and_, column, exc, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from provenance.errors import NotFoundError, ProvenanceError
from provenance.kinds import ClaimKind
from provenance.store.migrations import PG_TS_CONFIG, has_fts
from provenance.store.tables import (
    Article,
    Citation,
    Claim,
    OverlapGroup,
    OverlapMember,
    Source,
    SourceAlias,
    SourceArticle,
    SourceRelation,
    SourceStats,
)

Row = dict[str, Any]
PAGE = 1000  # claims fetched per round trip
_IN_CHUNK = 900  # ids per IN (...) list
_MAX_INT = 2**63 - 1  # SQLite's largest integer: a larger id matches nothing, a larger limit is none


def as_id(ref: object) -> int | None:
    """``ref`` as a row id when it is one (ASCII digits within SQLite's integer range), else None."""
    s = str(ref).strip()
    # at most 19 digits before int(): 5,000 digits would hit Python's int-conversion limit
    if s.isascii() and s.isdigit() and len(s.lstrip("0")) <= 19 and int(s) <= _MAX_INT:
        return int(s)
    return None


# ---------------------------------------------------------------- articles


def list_articles(session: Session, *, limit: int | None = None, outlet: str | None = None,
                  since: str | None = None) -> list[Row]:
    """Current articles with their number of claims, in all and by kind; ``outlet`` keeps one
    outlet's (case ignored), ``since`` those published on or after an ISO date (undated ones drop out)."""
    stmt = (select(Article.id, Article.path, Article.external_id, Article.title, Article.outlet,
                   Article.url, Article.published, Article.words, Article.version)
            .where(Article.is_current.is_(True)).order_by(Article.id))
    if outlet:
        stmt = stmt.where(func.lower(Article.outlet) == outlet.strip().lower())
    if since:
        stmt = stmt.where(Article.published >= since.strip())
    if limit is not None:
        stmt = stmt.limit(min(limit, _MAX_INT))
    rows = [dict(r._mapping) for r in session.execute(stmt)]
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for ids in _chunked([r["id"] for r in rows]):
        for aid, kind, n in session.execute(
            select(Claim.article_id, Claim.kind, func.count()).where(Claim.article_id.in_(ids))
            .group_by(Claim.article_id, Claim.kind)
        ):
            counts[aid][kind] = n
    for r in rows:
        by_kind = counts.get(r["id"], {})
        r["claim_count"] = sum(by_kind.values())
        for kind in ClaimKind:
            r[kind.value] = by_kind.get(kind.value, 0)
    return rows


def find_articles(session: Session, ref: str | int) -> list[int]:
    """Ids of the articles ``ref`` names: an id, a path (or its tail, e.g. a file name), or an external id."""
    ref = str(ref).strip()
    if not ref:
        return []
    if (aid := as_id(ref)) is not None:
        found = session.execute(select(Article.id).where(Article.id == aid)).scalars().all()
        if found:
            return list(found)
    conds = [Article.path == ref, Article.path == os.path.abspath(ref),
             Article.path.endswith("/" + ref, autoescape=True), Article.external_id == ref]
    stmt = select(Article.id).where(Article.is_current.is_(True), or_(*conds)).order_by(Article.id)
    return list(session.execute(stmt).scalars())


# ---------------------------------------------------------------- claims


def list_claims(session: Session, **filters: Any) -> list[Row]:
    """All claims matching the filters of ``iter_claims``, as a list."""
    return list(iter_claims(session, **filters))


def iter_claims(
    session: Session,
    *,
    article: str | int | None = None,
    source: str | int | None = None,
    kind: str | None = None,
    secondhand: bool = False,
    search: str | None = None,
    limit: int | None = None,
) -> Iterator[Row]:
    """Claims with their chains, in article order, fetched a page at a time.

    ``article`` and ``source`` take an id or a name (NotFoundError when nothing matches,
    raised here, before any row is produced); ``search`` is full-text (FTS5 syntax
    allowed; anything else is searched as plain words).
    """
    conds = claim_conditions(session, article=article, source=source, kind=kind, secondhand=secondhand,
                             search=search)
    return _pages(session, conds, limit)


def count_claims(session: Session, **filters: Any) -> int:
    """How many claims the filters of ``iter_claims`` (but ``limit``) match: what a short listing left out."""
    conds = claim_conditions(session, **filters)
    stmt = select(func.count(Claim.id)).join(Article, Article.id == Claim.article_id).where(and_(*conds))
    return int(session.execute(stmt).scalar() or 0)


def claim_conditions(session: Session, *, article: str | int | None = None, source: str | int | None = None,
                     kind: str | None = None, secondhand: bool = False, search: str | None = None) -> list:
    """The WHERE conditions of a claim listing (on ``claim`` joined to ``article``)."""
    conds = []
    if article is not None:
        ids = find_articles(session, article)
        if not ids:
            raise NotFoundError(f"no article matches {article!r}")
        conds.append(Claim.article_id.in_(ids))
        if not str(article).strip().isdigit():
            conds.append(Article.is_current.is_(True))
    else:
        conds.append(Article.is_current.is_(True))
    if source is not None:
        sids = find_sources(session, source)
        if not sids:
            raise NotFoundError(f"no source matches {source!r}")
        conds.append(Claim.id.in_(select(Citation.claim_id).where(Citation.source_id.in_(sids))))
    if kind is not None:
        kinds = {k.value for k in ClaimKind}
        if kind not in kinds:
            raise ProvenanceError(f"unknown kind {kind!r}; choose from {', '.join(sorted(kinds))}")
        conds.append(Claim.kind == kind)
    if secondhand:
        conds.append(Claim.kind == ClaimKind.secondhand.value)
    if search is not None and search.strip():
        conds.append(_search_condition(session, search))
    return conds


def _pages(session: Session, conds: list, limit: int | None) -> Iterator[Row]:
    """Claims matching ``conds``, page after page (keyset on id), up to ``limit``."""
    last_id, remaining = 0, limit
    while remaining is None or remaining > 0:
        size = PAGE if remaining is None else min(PAGE, remaining)
        page = _claim_page(session, conds + [Claim.id > last_id], size)
        yield from page
        if len(page) < size:
            return
        last_id = page[-1]["id"]
        if remaining is not None:
            remaining -= len(page)


def get_chain(session: Session, claim_id: int) -> Row:
    """One claim with its chain (any article version); NotFoundError if there is no such claim."""
    cid = as_id(claim_id)
    page = _claim_page(session, [Claim.id == cid], 1) if cid is not None else []
    if not page:
        raise NotFoundError(f"no claim with id {claim_id}")
    return page[0]


def _claim_page(session: Session, conds: list, size: int) -> list[Row]:
    """Up to ``size`` claims matching ``conds``, each with its chain (three queries in all)."""
    stmt = (select(Claim.id, Claim.start, Claim.end, Claim.text, Claim.cue, Claim.cue_type,
                   Claim.kind, Claim.hops, Claim.chain_text, Article.id.label("article_id"),
                   Article.path, Article.title, Article.outlet)
            .join(Article, Article.id == Claim.article_id)
            .where(and_(*conds)).order_by(Claim.id).limit(size))
    claims = []
    for r in session.execute(stmt):
        claims.append({
            "id": r.id,
            "article": {"id": r.article_id, "path": r.path, "title": r.title, "outlet": r.outlet},
            "text": r.text, "start": r.start, "end": r.end, "cue": r.cue, "cue_type": r.cue_type,
            "kind": r.kind, "hops": r.hops, "chain_text": r.chain_text, "chain": [],
        })
    chains = _chains(session, [c["id"] for c in claims if c["hops"]])
    for c in claims:
        c["chain"] = chains.get(c["id"], [])
    return claims


def _chains(session: Session, claim_ids: list[int]) -> dict[int, list[Row]]:
    """Chains of many claims at once (one query, plus one for aliases): claim id -> links, origin first."""
    links = []
    for chunk in _chunked(claim_ids):
        links += session.execute(
            select(Citation.claim_id, Citation.source_id, Citation.cue, Citation.role,
                   Citation.evidence_start, Citation.evidence_end, Citation.evidence_text,
                   Source.name, Source.type)
            .join(Source, Source.id == Citation.source_id)
            .where(Citation.claim_id.in_(chunk)).order_by(Citation.claim_id, Citation.position)
        ).all()
    names = {link.source_id: link.name for link in links}
    # each source's other names, filtered once per page and shared by all its links (read-only):
    # a popular source has hundreds of aliases and appears in most links of a page
    aliases = {sid: [a for a in found if a != names[sid]] for sid, found in _aliases(session, names).items()}
    out: dict[int, list[Row]] = defaultdict(list)
    for link in links:
        out[link.claim_id].append({
            "source_id": link.source_id, "name": link.name, "type": link.type,
            "aliases": aliases.get(link.source_id, []),
            "cue": link.cue, "role": link.role,
            "evidence": {"start": link.evidence_start, "end": link.evidence_end,
                         "text": link.evidence_text},
        })
    return out


def _search_condition(session: Session, query: str):
    """A WHERE condition for full-text search: FTS5 on SQLite, the tsvector index on
    PostgreSQL, else a case-insensitive LIKE."""
    conn = session.connection()
    if not has_fts(conn):
        return Claim.text.icontains(query, autoescape=True)
    if conn.dialect.name == "postgresql":
        return _pg_search_condition(query)
    q = query
    try:
        session.execute(text("SELECT 1 FROM claim_fts WHERE claim_fts MATCH :q LIMIT 1"), {"q": q})
    except exc.OperationalError:  # not valid FTS5 syntax: search the words as written
        q = " ".join('"' + tok.replace('"', '""') + '"' for tok in query.split())
    matches = text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :q").bindparams(q=q)
    return Claim.id.in_(matches.columns(column("rowid", Integer)))


_PG_TOKENS = re.compile(r'"([^"]*)"|(\S+)')
_OPERATORS = ("OR", "AND", "NOT")


def _pg_search_condition(query: str):
    """The FTS5 query syntax users know (words, ``"phrases"``, ``prefix*``, ``OR``, ``AND``,
    ``NOT``; implicit AND; NOT binds tightest, then AND, then OR) as a PostgreSQL tsquery,
    matched against the same expression as the GIN index so that the index is used.

    As on SQLite, a query that is not valid in that syntax (an operator with nothing on one
    side, an unclosed quote, punctuation inside a word) is searched as plain words, each as
    written. Words and phrases reach ``plainto_tsquery``/``phraseto_tsquery`` as bound
    parameters, never spliced into tsquery syntax. A query with no word matches nothing.
    """
    config = literal_column(f"'{PG_TS_CONFIG}'::regconfig")
    tokens = []  # (kind, value): op, phrase, prefix or word
    valid = query.count('"') % 2 == 0
    for phrase, word in _PG_TOKENS.findall(query):
        if phrase or (not word and phrase == ""):
            tokens.append(("phrase", phrase))
            continue
        if word in _OPERATORS:
            tokens.append(("op", word))
            continue
        bare = word.strip("()")
        if bare.lower().startswith("text:"):
            bare = bare[5:]
        if re.fullmatch(r"\w+\*?", bare):
            tokens.append(("prefix" if bare.endswith("*") else "word", bare.rstrip("*")))
        elif bare:
            valid = False
    ops = [k == "op" for k, _ in tokens]
    if not tokens or ops[0] or ops[-1] or any(a and b for a, b in zip(ops, ops[1:], strict=False)):
        valid = False
    if not valid:  # plain words, each as written (a word with punctuation is a phrase of its parts)
        terms = [func.phraseto_tsquery(config, w) for w in query.split()]
        if not terms:
            return Claim.id.is_(None)
        tsquery = terms[0]
        for t in terms[1:]:
            tsquery = tsquery.op("&&")(t)
        return func.to_tsvector(config, Claim.text).op("@@")(tsquery)
    disjuncts, conj, negate = [], [], False
    for kind, value in tokens:
        if kind == "op":
            if value == "OR":
                disjuncts.append(conj)
                conj = []
            negate = value == "NOT"  # "a NOT b" is a AND NOT b
            continue
        if kind == "phrase":
            term = func.phraseto_tsquery(config, value)
        elif kind == "prefix":
            term = func.to_tsquery(config, func.concat(func.quote_literal(func.lower(value)), ":*"))
        else:
            term = func.plainto_tsquery(config, value)
        conj.append(func.tsquery_not(term) if negate else term)
        negate = False
    disjuncts.append(conj)

    def joined(terms, op):
        out = terms[0]
        for t in terms[1:]:
            out = out.op(op)(t)
        return out

    tsquery = joined([joined(c, "&&") for c in disjuncts if c], "||")
    return func.to_tsvector(config, Claim.text).op("@@")(tsquery)


# ---------------------------------------------------------------- sources


def find_sources(session: Session, ref: str | int) -> list[int]:
    """Ids of the sources ``ref`` names: an id, a name or alias (normalized), else a part of one."""
    return match_sources(session, ref)[0]


def match_sources(session: Session, ref: str | int) -> tuple[list[int], bool]:
    """``(ids, exact)``: the sources ``ref`` names by id, name or alias (``exact``), else those with
    a name containing it; a name of one character is never looked for inside other names."""
    ref = str(ref).strip()
    if not ref:
        return [], True
    if (sid := as_id(ref)) is not None:
        found = session.execute(select(Source.id).where(Source.id == sid)).scalars().all()
        if found:
            return list(found), True
    from provenance.names import normalize_name  # loads the name lexicons: only when a name is asked for

    norm = normalize_name(ref)
    exact = select(Source.id).where(or_(
        Source.key == norm,
        Source.id.in_(select(SourceAlias.source_id).where(SourceAlias.norm == norm)),
    ))
    ids = list(session.execute(exact.order_by(Source.id)).scalars())
    if ids or len(norm) < 2:
        return ids, True
    # part of a name the source was seen under (not of its key: "united nations report" is the
    # key of "UN report", and "it" must not find it)
    partial = select(Source.id).where(
        Source.id.in_(select(SourceAlias.source_id).where(SourceAlias.norm.contains(norm, autoescape=True))))
    return list(session.execute(partial.order_by(Source.id)).scalars()), False


def by_reach(session: Session, ids: list[int]) -> list[Row]:
    """``{id, name, type, article_count}`` of the sources ``ids``, widest reach first (then most claims, lowest id)."""
    rows = []
    for chunk in _chunked(ids):
        rows += session.execute(
            select(Source.id, Source.name, Source.type, func.coalesce(SourceStats.article_count, 0).label("articles"),
                   func.coalesce(SourceStats.claim_count, 0).label("claims"))
            .outerjoin(SourceStats, SourceStats.source_id == Source.id).where(Source.id.in_(chunk))).all()
    rows.sort(key=lambda r: (-r.articles, -r.claims, r.id))
    return [{"id": r.id, "name": r.name, "type": r.type, "article_count": int(r.articles)} for r in rows]


OTHER_MATCHES = 20  # other sources of the same name listed by ``get_source``


ARTICLES_PER_SOURCE = 100  # articles listed per source in ``list_sources`` (``article_count`` has them all)


def list_sources(session: Session, *, recurring: bool = False, type: str | None = None,
                 limit: int | None = None, articles: int | None = ARTICLES_PER_SOURCE) -> list[Row]:
    """Sources seen in current articles, widest reach first, with aliases, articles and counts.

    Reach comes from ``source_stats`` (kept by ``provenance.store.stats``), read in the order of
    its index, so the first page costs the same however many articles are stored. Each row
    lists at most ``articles`` of the source's current articles, the lowest ids (the first
    stored) first; ``article_count`` always counts them all, so a longer list was cut.
    ``articles`` 0 or None lists them all (``get_source`` always does)."""
    stmt = _source_stats().order_by(
        SourceStats.article_count.desc(), SourceStats.claim_count.desc(), SourceStats.source_id)
    if recurring:
        stmt = stmt.where(SourceStats.article_count >= 2)
    if type:
        stmt = stmt.where(SourceStats.type == type)
    if limit is not None:
        stmt = stmt.limit(min(limit, _MAX_INT))
    rows = [_source_row(r) for r in session.execute(stmt)]
    ids = [r["id"] for r in rows]
    aliases = _aliases(session, ids)
    if articles:
        listed = _first_articles(session, [(r["id"], r["article_count"]) for r in rows], min(articles, _MAX_INT))
    else:
        listed = {sid: [{"id": a["id"], "path": a["path"]} for a in arts]
                  for sid, arts in source_articles(session, ids).items()}
    for r in rows:
        r["aliases"] = [a for a in aliases.get(r["id"], []) if a != r["name"]]
        r["articles"] = listed.get(r["id"], [])
    return rows


_ARMS = 100  # sources per statement in _first_articles (SQLite allows 500 terms in a compound SELECT)


def _first_articles(session: Session, sources: list[tuple[int, int]], n: int) -> dict[int, list[Row]]:
    """The first ``n`` current articles (lowest ids) of each source: ``{source id: [{id, path}]}``.

    One statement per ``_ARMS`` sources, a UNION ALL of one ``LIMIT n`` range scan of
    source_article's primary key per source: the cost is sources x n, not the sources' reach
    (a window function over all their articles reads every one of them first). Sources whose
    ``article_count`` is within ``n`` are read whole, in one plain IN (...) query per chunk."""
    out: dict[int, list[Row]] = defaultdict(list)
    small = [sid for sid, count in sources if count <= n]
    large = [sid for sid, count in sources if count > n]
    for chunk in _chunked(small):
        for sid, aid, path in session.execute(
            select(SourceArticle.source_id, Article.id, Article.path)
            .join(Article, and_(Article.id == SourceArticle.article_id, Article.is_current.is_(True)))
            .where(SourceArticle.source_id.in_(chunk)).order_by(SourceArticle.source_id, Article.id)
        ):
            out[sid].append({"id": aid, "path": path})
    for i in range(0, len(large), _ARMS):
        chunk = large[i:i + _ARMS]
        arm = ("SELECT * FROM (SELECT sa.source_id, a.id, a.path FROM source_article sa "
               "JOIN article a ON a.id = sa.article_id AND a.is_current "
               "WHERE sa.source_id = :s{} ORDER BY sa.article_id LIMIT :n) AS arm{}")
        sql = " UNION ALL ".join(arm.format(j, j) for j in range(len(chunk)))
        params = {f"s{j}": sid for j, sid in enumerate(chunk)} | {"n": n}
        for sid, aid, path in session.execute(text(sql), params):
            out[sid].append({"id": aid, "path": path})
        for sid in chunk:  # UNION ALL promises no order of its own
            out[sid].sort(key=lambda a: a["id"])
    return out


def get_source(session: Session, ref: str | int) -> Row:
    """One source in full: aliases (with reasons), affiliations, articles, claims, chain positions.

    A name several sources carry answers with the widest of them (most articles) and lists the
    others in ``other_matches`` (``match_count`` counts all); a part of names that matches
    several sources and names none of them is an error listing them."""
    ids, exact = match_sources(session, ref)
    if not ids:
        raise NotFoundError(f"no source matches {str(ref)!r}")
    ranked = by_reach(session, ids) if len(ids) > 1 else [{"id": ids[0]}]
    if len(ids) > 1 and not exact:  # only parts of names: no source is called that
        listed = "; ".join(f"{r['id']} {r['name']} ({r['type']})" for r in ranked[:10])
        more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        raise ProvenanceError(f"{str(ref)!r} matches {len(ids)} sources: {listed}{more}; give an id")
    sid = ranked[0]["id"]
    stat = session.execute(_source_stats().where(Source.id == sid)).first()
    if stat is None:  # a source in no article (any more)
        src = session.execute(select(Source.id, Source.name, Source.type, Source.role)
                              .where(Source.id == sid)).one()
        row: Row = {"id": src.id, "name": src.name, "type": src.type, "role": src.role,
                    "article_count": 0, "claim_count": 0, "mention_count": 0,
                    "origin_count": 0, "relay_count": 0}
    else:
        row = _source_row(stat)
    row.pop("articles", None)
    alias_rows = session.execute(
        select(SourceAlias.alias, SourceAlias.reason, SourceAlias.score)
        .where(SourceAlias.source_id == sid).order_by(SourceAlias.id)).all()
    row["aliases"] = [a.alias for a in alias_rows if a.alias != row["name"]]
    row["alias_reasons"] = [{"alias": a.alias, "reason": a.reason, "score": a.score} for a in alias_rows]
    for rel in ("affiliation", "publisher", "author"):
        row[rel + "s"] = []
    for rel, name, rid in session.execute(
        select(SourceRelation.relation, SourceRelation.related_name, SourceRelation.related_source_id)
        .where(SourceRelation.source_id == sid).order_by(SourceRelation.id)
    ):
        row[rel + "s"].append({"name": name, "source_id": rid})
    row["related"] = [
        {"relation": rel, "source_id": oid, "name": oname}
        for rel, oid, oname in session.execute(
            select(SourceRelation.relation, Source.id, Source.name)
            .join(Source, Source.id == SourceRelation.source_id)
            .where(SourceRelation.related_source_id == sid).order_by(Source.id))
    ]
    row["articles"] = source_articles(session, [sid]).get(sid, [])
    row["other_matches"] = ranked[1:1 + OTHER_MATCHES]  # other sources of that name, widest first
    row["match_count"] = len(ids)
    claims = session.execute(
        select(Claim.id, Claim.article_id, Claim.text, Claim.kind, Claim.hops, Claim.chain_text,
               Citation.position, Citation.role, Citation.cue)
        .join(Citation, Citation.claim_id == Claim.id)
        .join(Article, and_(Article.id == Claim.article_id, Article.is_current.is_(True)))
        .where(Citation.source_id == sid).order_by(Claim.id, Citation.position))
    row["claims"] = [
        {"id": c.id, "article_id": c.article_id, "text": c.text, "kind": c.kind, "hops": c.hops,
         "position": c.position, "role": c.role, "cue": c.cue, "chain_text": c.chain_text}
        for c in claims
    ]
    return row


def _source_stats():
    """Sources with their reach over current articles (``source_stats``; a source in no current
    article has no row there, and is left out)."""
    return (select(Source.id, Source.name, Source.type, Source.role, SourceStats.article_count,
                   SourceStats.claim_count, SourceStats.mention_count, SourceStats.origin_count,
                   SourceStats.relay_count)
            .join(SourceStats, SourceStats.source_id == Source.id))


def _source_row(r) -> Row:
    """A source statistics row as a dict in the DESIGN shape (aliases and articles filled later)."""
    return {"id": r.id, "name": r.name, "type": r.type, "role": r.role, "aliases": [],
            "articles": [], "article_count": int(r.article_count or 0),
            "claim_count": int(r.claim_count or 0), "mention_count": int(r.mention_count or 0),
            "origin_count": int(r.origin_count or 0), "relay_count": int(r.relay_count or 0)}


def source_articles(session: Session, ids: list[int]) -> dict[int, list[Row]]:
    """Current articles of many sources at once: source id -> [{id, path, title, outlet}]."""
    out: dict[int, list[Row]] = defaultdict(list)
    for chunk in _chunked(ids):
        for sid, aid, path, title, outlet in session.execute(
            select(SourceArticle.source_id, Article.id, Article.path, Article.title, Article.outlet)
            .join(Article, and_(Article.id == SourceArticle.article_id, Article.is_current.is_(True)))
            .where(SourceArticle.source_id.in_(chunk)).order_by(SourceArticle.source_id, Article.id)
        ):
            out[sid].append({"id": aid, "path": path, "title": title, "outlet": outlet})
    return out


def _aliases(session: Session, ids: Iterable[int]) -> dict[int, list[str]]:
    """Aliases of many sources at once, in the order they were first seen."""
    out: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunked(list(ids)):
        for sid, alias in session.execute(
            select(SourceAlias.source_id, SourceAlias.alias)
            .where(SourceAlias.source_id.in_(chunk)).order_by(SourceAlias.id)
        ):
            out[sid].append(alias)
    return out


def _chunked(ids: list[int], size: int = _IN_CHUNK) -> Iterator[list[int]]:
    """Split an id list so each IN (...) stays within the driver's parameter limit."""
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


# ---------------------------------------------------------------- overlaps


def list_overlaps(session: Session, *, independent: bool | None = None, source: str | int | None = None,
                  limit: int | None = None) -> list[Row]:
    """Groups of claims in different current articles that state the same thing, widest first.

    Reads overlap_group/overlap_member (kept by ``provenance.store.overlap_index.ensure_fresh``).
    Each group: ``{id, claims, articles, origins, independent, shared_origin, shared_origin_id,
    score, text, members}``; ``independent`` is false unless the members rest on two or more
    different named origins. ``source`` keeps the groups with a member whose origin it is.
    """
    stmt = (select(OverlapGroup.id, OverlapGroup.claim_count, OverlapGroup.article_count, OverlapGroup.score,
                   OverlapGroup.independent, OverlapGroup.shared_origin_id, OverlapGroup.origins,
                   OverlapGroup.text, Source.name.label("shared_origin"))
            .outerjoin(Source, Source.id == OverlapGroup.shared_origin_id)
            .order_by(OverlapGroup.article_count.desc(), OverlapGroup.claim_count.desc(), OverlapGroup.id))
    if independent is not None:
        stmt = stmt.where(OverlapGroup.independent.is_(independent))
    if source is not None:
        sids = find_sources(session, source)
        if not sids:
            raise NotFoundError(f"no source matches {source!r}")
        stmt = stmt.where(OverlapGroup.id.in_(select(OverlapMember.group_id)
                                              .where(OverlapMember.origin_source_id.in_(sids))))
    if limit is not None:
        stmt = stmt.limit(limit)
    groups = [dict(r._mapping) for r in session.execute(stmt)]
    members: dict[int, list] = defaultdict(list)
    for chunk in _chunked([g["id"] for g in groups]):
        for m in session.execute(
            select(OverlapMember.group_id, OverlapMember.claim_id, OverlapMember.score, Claim.text, Claim.kind,
                   Claim.chain_text, Article.id.label("article_id"), Article.path, Article.title, Article.outlet,
                   Source.name.label("origin"))
            .join(Claim, Claim.id == OverlapMember.claim_id).join(Article, Article.id == OverlapMember.article_id)
            .outerjoin(Source, Source.id == OverlapMember.origin_source_id)
            .where(OverlapMember.group_id.in_(chunk)).order_by(OverlapMember.group_id, OverlapMember.claim_id)
        ):
            members[m.group_id].append(m)
    out = []
    for g in groups:
        ms = members.get(g["id"], [])
        articles = {m.article_id: {"id": m.article_id, "path": m.path, "title": m.title, "outlet": m.outlet} for m in ms}
        out.append({
            "id": g["id"], "claims": [m.claim_id for m in ms], "articles": list(articles.values()),
            "origins": list(dict.fromkeys(m.origin for m in ms if m.origin)),
            "independent": bool(g["independent"]), "shared_origin": g["shared_origin"],
            "shared_origin_id": g["shared_origin_id"], "score": g["score"], "text": g["text"],
            "members": [{"claim": m.claim_id, "article": m.article_id, "outlet": m.outlet, "kind": m.kind,
                         "origin": m.origin, "chain": m.chain_text, "score": m.score, "text": m.text} for m in ms],
        })
    return out


def list_merges(session: Session, *, reason: str | None = None, limit: int | None = None) -> list[Row]:
    """Names that source resolution (or a curator) joined to a source, other than the first name
    seen and the extractor's in-article aliases: the merges to review, widest sources first."""
    reach = func.coalesce(SourceStats.article_count, 0)
    stmt = (select(Source.id, Source.name, Source.type, SourceAlias.alias, SourceAlias.reason, SourceAlias.score,
                   reach.label("article_count"))
            .join(SourceAlias, SourceAlias.source_id == Source.id)
            .outerjoin(SourceStats, SourceStats.source_id == Source.id)
            .where(SourceAlias.reason.not_in(["first-seen", "in-article"]))
            .order_by(reach.desc(), Source.id, SourceAlias.id))
    if reason:
        stmt = stmt.where(SourceAlias.reason == reason)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [{"source_id": r.id, "name": r.name, "type": r.type, "alias": r.alias, "reason": r.reason,
             "score": r.score, "article_count": r.article_count} for r in session.execute(stmt)]
