"""Questions asked of the database, answered as JSON-ready dicts (no printing here).

Shapes follow README.md and docs/vocabulary.md: a claim is ``{id, article: {id, path, title, outlet}, text, start,
end, cue, kind, hops, chain: [{source_id, name, type, aliases, cue, evidence: {start, end,
text}}]}``, origin first. Chains and aliases for a page of claims are fetched with one query
each (no query per claim). Every user input reaches SQL as a bound parameter.
Only current versions of articles are listed unless an article is asked for by id.

The SQL is plain DB-API SQL, one text for SQLite and PostgreSQL (``provenance.reads``): a
query command imports neither SQLAlchemy nor SQLModel. Every function takes a ``Reader``,
or a SQLAlchemy Session or Connection (wrapped in one, in its transaction).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Union

from provenance.errors import NotFoundError, ProvenanceError
from provenance.kinds import ClaimKind
from provenance.reads import Reader, is_operational_error

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

DB = Union[Reader, "Session", "Connection"]
Row = dict[str, Any]
Cond = tuple[str, list[Any]]  # a WHERE condition and its parameters
PAGE = 1000  # claims fetched per round trip
_IN_CHUNK = 900  # ids per IN (...) list
_MAX_INT = 2**63 - 1  # SQLite's largest integer: a larger id matches nothing, a larger limit is none
PG_TS_CONFIG = "simple"  # provenance.store.migrations.PG_TS_CONFIG (tests/test_reads.py keeps them equal)
_KINDS = [k.value for k in ClaimKind]


def as_id(ref: object) -> int | None:
    """``ref`` as a row id when it is one (ASCII digits within SQLite's integer range), else None."""
    s = str(ref).strip()
    # at most 19 digits before int(): 5,000 digits would hit Python's int-conversion limit
    if s.isascii() and s.isdigit() and len(s.lstrip("0")) <= 19 and int(s) <= _MAX_INT:
        return int(s)
    return None


def _in(ids: list[Any]) -> str:
    """``IN (?, ?, ...)`` for ``ids`` (never empty: callers skip an empty list)."""
    return "IN (" + ", ".join("?" * len(ids)) + ")"


def _like_escaped(value: str) -> str:
    """``value`` for a LIKE pattern with ESCAPE '/', its own wildcards taken literally."""
    return value.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _where(conds: list[Cond]) -> tuple[str, list[Any]]:
    """A WHERE clause (or nothing) joining ``conds`` with AND, and its parameters."""
    if not conds:
        return "", []
    params: list[Any] = []
    for _, p in conds:
        params += p
    return " WHERE " + " AND ".join(f"({sql})" for sql, _ in conds), params


# ---------------------------------------------------------------- articles


def list_articles(db: DB, *, limit: int | None = None, outlet: str | None = None,
                  since: str | None = None) -> list[Row]:
    """Current articles with their number of claims, in all and by kind; ``outlet`` keeps one
    outlet's (case ignored), ``since`` those published on or after an ISO date (undated ones drop out)."""
    r = Reader.of(db)
    conds: list[Cond] = [("a.is_current", [])]
    if outlet:
        conds.append(("lower(a.outlet) = ?", [outlet.strip().lower()]))
    if since:
        conds.append(("a.published >= ?", [since.strip()]))
    where, params = _where(conds)
    sql = ("SELECT a.id, a.path, a.external_id, a.title, a.outlet, a.url, a.published, a.words, a.version "
           f"FROM article a{where} ORDER BY a.id")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(min(limit, _MAX_INT))
    keys = ("id", "path", "external_id", "title", "outlet", "url", "published", "words", "version")
    rows = [dict(zip(keys, row, strict=True)) for row in r.all(sql, params)]
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for ids in _chunked([row["id"] for row in rows]):
        for aid, kind, n in r.all(f"SELECT article_id, kind, count(*) FROM claim WHERE article_id {_in(ids)} "
                                  "GROUP BY article_id, kind", ids):
            counts[aid][kind] = n
    for row in rows:
        by_kind = counts.get(row["id"], {})
        row["claim_count"] = sum(by_kind.values())
        for kind in _KINDS:
            row[kind] = by_kind.get(kind, 0)
    return rows


def find_articles(db: DB, ref: str | int) -> list[int]:
    """Ids of the articles ``ref`` names: an id, a path (or its tail, e.g. a file name), or an external id."""
    r = Reader.of(db)
    ref = str(ref).strip()
    if not ref:
        return []
    if (aid := as_id(ref)) is not None:
        found = r.column("SELECT id FROM article WHERE id = ?", [aid])
        if found:
            return found
    return r.column("SELECT id FROM article WHERE is_current AND (path = ? OR path = ? OR path LIKE ? ESCAPE '/' "
                    "OR external_id = ?) ORDER BY id",
                    [ref, os.path.abspath(ref), "%" + _like_escaped("/" + ref), ref])


# ---------------------------------------------------------------- claims


def list_claims(db: DB, **filters: Any) -> list[Row]:
    """All claims matching the filters of ``iter_claims``, as a list."""
    return list(iter_claims(db, **filters))


def iter_claims(
    db: DB,
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
    r = Reader.of(db)
    conds = claim_conditions(r, article=article, source=source, kind=kind, secondhand=secondhand, search=search)
    return _pages(r, conds, limit)


def count_claims(db: DB, **filters: Any) -> int:
    """How many claims the filters of ``iter_claims`` (but ``limit``) match: what a short listing left out."""
    r = Reader.of(db)
    where, params = _where(claim_conditions(r, **filters))
    return int(r.scalar(f"SELECT count(c.id) FROM claim c JOIN article a ON a.id = c.article_id{where}", params) or 0)


def claim_conditions(db: DB, *, article: str | int | None = None, source: str | int | None = None,
                     kind: str | None = None, secondhand: bool = False, search: str | None = None) -> list[Cond]:
    """The WHERE conditions of a claim listing (on ``claim c`` joined to ``article a``), with their parameters."""
    r = Reader.of(db)
    conds: list[Cond] = []
    if article is not None:
        ids = find_articles(r, article)
        if not ids:
            raise NotFoundError(f"no article matches {article!r}")
        conds.append((f"c.article_id {_in(ids)}", list(ids)))
        if not str(article).strip().isdigit():
            conds.append(("a.is_current", []))
    else:
        conds.append(("a.is_current", []))
    if source is not None:
        sids = find_sources(r, source)
        if not sids:
            raise NotFoundError(f"no source matches {source!r}")
        conds.append((f"c.id IN (SELECT claim_id FROM citation WHERE source_id {_in(sids)})", list(sids)))
    if kind is not None:
        if kind not in _KINDS:
            raise ProvenanceError(f"unknown kind {kind!r}; choose from {', '.join(sorted(_KINDS))}")
        conds.append(("c.kind = ?", [kind]))
    if secondhand:
        conds.append(("c.kind = ?", [ClaimKind.secondhand.value]))
    if search is not None and search.strip():
        conds.append(_search_condition(r, search))
    return conds


def _pages(r: Reader, conds: list[Cond], limit: int | None) -> Iterator[Row]:
    """Claims matching ``conds``, page after page (keyset on id), up to ``limit``."""
    last_id, remaining = 0, limit
    while remaining is None or remaining > 0:
        size = PAGE if remaining is None else min(PAGE, remaining)
        page = _claim_page(r, [*conds, ("c.id > ?", [last_id])], size)
        yield from page
        if len(page) < size:
            return
        last_id = page[-1]["id"]
        if remaining is not None:
            remaining -= len(page)


def get_chain(db: DB, claim_id: int) -> Row:
    """One claim with its chain (any article version); NotFoundError if there is no such claim."""
    r = Reader.of(db)
    cid = as_id(claim_id)
    page = _claim_page(r, [("c.id = ?", [cid])], 1) if cid is not None else []
    if not page:
        raise NotFoundError(f"no claim with id {claim_id}")
    return page[0]


def _claim_page(r: Reader, conds: list[Cond], size: int) -> list[Row]:
    """Up to ``size`` claims matching ``conds``, each with its chain (three queries in all)."""
    where, params = _where(conds)
    rows = r.all('SELECT c.id, c.start, c."end", c.text, c.cue, c.cue_type, c.kind, c.hops, c.chain_text, '
                 "a.id, a.path, a.title, a.outlet FROM claim c JOIN article a ON a.id = c.article_id"
                 f"{where} ORDER BY c.id LIMIT ?", [*params, size])
    claims = []
    for cid, start, end, text, cue, cue_type, kind, hops, chain_text, aid, path, title, outlet in rows:
        claims.append({
            "id": cid,
            "article": {"id": aid, "path": path, "title": title, "outlet": outlet},
            "text": text, "start": start, "end": end, "cue": cue, "cue_type": cue_type,
            "kind": kind, "hops": hops, "chain_text": chain_text, "chain": [],
        })
    chains = _chains(r, [c["id"] for c in claims if c["hops"]])
    for c in claims:
        c["chain"] = chains.get(c["id"], [])
    return claims


def _chains(r: Reader, claim_ids: list[int]) -> dict[int, list[Row]]:
    """Chains of many claims at once (one query, plus one for aliases): claim id -> links, origin first."""
    links: list[tuple] = []
    for chunk in _chunked(claim_ids):
        links += r.all("SELECT ct.claim_id, ct.source_id, ct.cue, ct.role, ct.evidence_start, ct.evidence_end, "
                       "ct.evidence_text, s.name, s.type FROM citation ct JOIN source s ON s.id = ct.source_id "
                       f"WHERE ct.claim_id {_in(chunk)} ORDER BY ct.claim_id, ct.position", chunk)
    names = {link[1]: link[7] for link in links}
    # each source's other names, filtered once per page and shared by all its links (read-only):
    # a popular source has hundreds of aliases and appears in most links of a page
    aliases = {sid: [a for a in found if a != names[sid]] for sid, found in _aliases(r, names).items()}
    out: dict[int, list[Row]] = defaultdict(list)
    for claim_id, source_id, cue, role, ev_start, ev_end, ev_text, name, type_ in links:
        out[claim_id].append({
            "source_id": source_id, "name": name, "type": type_,
            "aliases": aliases.get(source_id, []),
            "cue": cue, "role": role,
            "evidence": {"start": ev_start, "end": ev_end, "text": ev_text},
        })
    return out


def _search_condition(db: DB, query: str) -> Cond:
    """A WHERE condition for full-text search: FTS5 on SQLite, the tsvector index on
    PostgreSQL, else a case-insensitive LIKE."""
    r = Reader.of(db)
    if not r.has_fts():
        return ("lower(c.text) LIKE lower(?) ESCAPE '/'", ["%" + _like_escaped(query) + "%"])
    if r.dialect == "postgresql":
        return _pg_search_condition(query)
    q = query
    try:
        r.all("SELECT 1 FROM claim_fts WHERE claim_fts MATCH ? LIMIT 1", [q])
    except Exception as exc:  # not valid FTS5 syntax: search the words as written
        if not is_operational_error(exc):
            raise
        q = " ".join('"' + tok.replace('"', '""') + '"' for tok in query.split())
    return ("c.id IN (SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?)", [q])


_PG_TOKENS = re.compile(r'"([^"]*)"|(\S+)')
_OPERATORS = ("OR", "AND", "NOT")


def _pg_search_condition(query: str) -> Cond:
    """The FTS5 query syntax users know (words, ``"phrases"``, ``prefix*``, ``OR``, ``AND``,
    ``NOT``; implicit AND; NOT binds tightest, then AND, then OR) as a PostgreSQL tsquery,
    matched against the same expression as the GIN index so that the index is used.

    As on SQLite, a query that is not valid in that syntax (an operator with nothing on one
    side, an unclosed quote, punctuation inside a word) is searched as plain words, each as
    written. Words and phrases reach ``plainto_tsquery``/``phraseto_tsquery`` as bound
    parameters, never spliced into tsquery syntax. A query with no word matches nothing.
    """
    config = f"'{PG_TS_CONFIG}'::regconfig"
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
    vector = f"to_tsvector({config}, c.text)"
    if not valid:  # plain words, each as written (a word with punctuation is a phrase of its parts)
        words = query.split()
        if not words:
            return ("c.id IS NULL", [])
        tsquery = " && ".join(f"phraseto_tsquery({config}, ?)" for _ in words)
        return (f"{vector} @@ ({tsquery})", list(words))
    disjuncts: list[list[str]] = []
    conj: list[str] = []
    params: list[Any] = []
    negate = False
    for kind, value in tokens:
        if kind == "op":
            if value == "OR":
                disjuncts.append(conj)
                conj = []
            negate = value == "NOT"  # "a NOT b" is a AND NOT b
            continue
        if kind == "phrase":
            term = f"phraseto_tsquery({config}, ?)"
        elif kind == "prefix":
            term = f"to_tsquery({config}, concat(quote_literal(lower(?)), ':*'))"
        else:
            term = f"plainto_tsquery({config}, ?)"
        params.append(value)
        conj.append(f"tsquery_not({term})" if negate else term)
        negate = False
    disjuncts.append(conj)
    tsquery = " || ".join("(" + " && ".join(c) + ")" for c in disjuncts if c)
    return (f"{vector} @@ ({tsquery})", params)


# ---------------------------------------------------------------- sources


def find_sources(db: DB, ref: str | int) -> list[int]:
    """Ids of the sources ``ref`` names: an id, a name or alias (normalized), else a part of one."""
    return match_sources(db, ref)[0]


def match_sources(db: DB, ref: str | int) -> tuple[list[int], bool]:
    """``(ids, exact)``: the sources ``ref`` names by id, name or alias (``exact``), else those with
    a name containing it; a name of one character is never looked for inside other names."""
    r = Reader.of(db)
    ref = str(ref).strip()
    if not ref:
        return [], True
    if (sid := as_id(ref)) is not None:
        found = r.column("SELECT id FROM source WHERE id = ?", [sid])
        if found:
            return found, True
    # only when a name is asked for, and not provenance.names' rules with it
    from provenance.name_norm import normalize_name

    norm = normalize_name(ref)
    ids = r.column("SELECT id FROM source WHERE key = ? OR id IN (SELECT source_id FROM source_alias WHERE norm = ?) "
                   "ORDER BY id", [norm, norm])
    if ids or len(norm) < 2:
        return ids, True
    # part of a name the source was seen under (not of its key: "united nations report" is the
    # key of "UN report", and "it" must not find it)
    partial = r.column("SELECT id FROM source WHERE id IN (SELECT source_id FROM source_alias "
                       "WHERE norm LIKE ? ESCAPE '/') ORDER BY id", ["%" + _like_escaped(norm) + "%"])
    return partial, False


def by_reach(db: DB, ids: list[int]) -> list[Row]:
    """``{id, name, type, article_count}`` of the sources ``ids``, widest reach first (then most claims, lowest id)."""
    r = Reader.of(db)
    rows: list[tuple] = []
    for chunk in _chunked(ids):
        rows += r.all("SELECT s.id, s.name, s.type, COALESCE(st.article_count, 0), COALESCE(st.claim_count, 0) "
                      f"FROM source s LEFT JOIN source_stats st ON st.source_id = s.id WHERE s.id {_in(chunk)}",
                      chunk)
    rows.sort(key=lambda x: (-x[3], -x[4], x[0]))
    return [{"id": sid, "name": name, "type": type_, "article_count": int(arts)}
            for sid, name, type_, arts, _ in rows]


OTHER_MATCHES = 20  # other sources of the same name listed by ``get_source``


ARTICLES_PER_SOURCE = 100  # articles listed per source in ``list_sources`` (``article_count`` has them all)

_STATS = ("SELECT s.id, s.name, s.type, s.role, st.article_count, st.claim_count, st.mention_count, "
          "st.origin_count, st.relay_count FROM source_stats st JOIN source s ON s.id = st.source_id")


def list_sources(db: DB, *, recurring: bool = False, type: str | None = None,
                 limit: int | None = None, articles: int | None = ARTICLES_PER_SOURCE,
                 with_articles: bool = True) -> list[Row]:
    """Sources seen in current articles, widest reach first, with aliases, articles and counts.

    Reach comes from ``source_stats`` (kept by ``provenance.store.stats``), read in the order of
    its index, so the first page costs the same however many articles are stored. Each row
    lists at most ``articles`` of the source's current articles, the lowest ids (the first
    stored) first; ``article_count`` always counts them all, so a longer list was cut.
    ``articles`` 0 or None lists them all; ``with_articles=False`` none (each row's ``articles``
    empty: what a table, which shows only ``article_count``, needs; 5,000 article rows for the
    first 50 sources of a large database)."""
    r = Reader.of(db)
    conds: list[Cond] = []
    if recurring:
        conds.append(("st.article_count >= 2", []))
    if type:
        conds.append(("st.type = ?", [type]))
    where, params = _where(conds)
    sql = f"{_STATS}{where} ORDER BY st.article_count DESC, st.claim_count DESC, st.source_id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(min(limit, _MAX_INT))
    rows = [_source_row(row) for row in r.all(sql, params)]
    ids = [row["id"] for row in rows]
    aliases = _aliases(r, ids)
    listed: dict[int, list[Row]]
    if not with_articles:
        listed = {}
    elif articles:
        listed = _first_articles(r, [(row["id"], row["article_count"]) for row in rows], min(articles, _MAX_INT))
    else:
        listed = {sid: [{"id": a["id"], "path": a["path"]} for a in arts]
                  for sid, arts in source_articles(r, ids).items()}
    for row in rows:
        row["aliases"] = [a for a in aliases.get(row["id"], []) if a != row["name"]]
        row["articles"] = listed.get(row["id"], [])
    return rows


_ARMS = 100  # sources per statement in _first_articles (SQLite allows 500 terms in a compound SELECT)


def _first_articles(r: Reader, sources: list[tuple[int, int]], n: int) -> dict[int, list[Row]]:
    """The first ``n`` current articles (lowest ids) of each source: ``{source id: [{id, path}]}``.

    One statement per ``_ARMS`` sources, a UNION ALL of one ``LIMIT n`` range scan of
    source_article's primary key per source: the cost is sources x n, not the sources' reach
    (a window function over all their articles reads every one of them first). Sources whose
    ``article_count`` is within ``n`` are read whole, in one plain IN (...) query per chunk."""
    out: dict[int, list[Row]] = defaultdict(list)
    small = [sid for sid, count in sources if count <= n]
    large = [sid for sid, count in sources if count > n]
    for chunk in _chunked(small):
        for sid, aid, path in r.all(
            "SELECT sa.source_id, a.id, a.path FROM source_article sa "
            "JOIN article a ON a.id = sa.article_id AND a.is_current "
            f"WHERE sa.source_id {_in(chunk)} ORDER BY sa.source_id, a.id", chunk
        ):
            out[sid].append({"id": aid, "path": path})
    for i in range(0, len(large), _ARMS):
        chunk = large[i:i + _ARMS]
        arm = ("SELECT * FROM (SELECT sa.source_id, a.id, a.path FROM source_article sa "
               "JOIN article a ON a.id = sa.article_id AND a.is_current "
               "WHERE sa.source_id = ? ORDER BY sa.article_id LIMIT ?) AS arm{}")
        sql = " UNION ALL ".join(arm.format(j) for j in range(len(chunk)))
        params: list[Any] = []
        for sid in chunk:
            params += [sid, n]
        for sid, aid, path in r.all(sql, params):
            out[sid].append({"id": aid, "path": path})
        for sid in chunk:  # UNION ALL promises no order of its own
            out[sid].sort(key=lambda a: a["id"])
    return out


def get_source(db: DB, ref: str | int, *, limit: int | None = None) -> Row:
    """One source in full: aliases (with reasons), affiliations, articles, claims, chain positions.

    A name several sources carry answers with the widest of them (most articles) and lists the
    others in ``other_matches`` (``match_count`` counts all); a part of names that matches
    several sources and names none of them is an error listing them. ``limit`` keeps the first
    ``limit`` articles (lowest ids) and the first ``limit`` claims (lowest ids, each with all its
    links to the source); ``article_count`` and ``claim_count`` still count them all. Both lists
    are read in index order and stop there, so a page costs the same for a source in a million
    claims as in ten."""
    r = Reader.of(db)
    ids, exact = match_sources(r, ref)
    if not ids:
        raise NotFoundError(f"no source matches {str(ref)!r}")
    ranked = by_reach(r, ids) if len(ids) > 1 else [{"id": ids[0]}]
    if len(ids) > 1 and not exact:  # only parts of names: no source is called that
        listed = "; ".join(f"{x['id']} {x['name']} ({x['type']})" for x in ranked[:10])
        more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        raise ProvenanceError(f"{str(ref)!r} matches {len(ids)} sources: {listed}{more}; give an id")
    sid = ranked[0]["id"]
    stat = r.first(f"{_STATS} WHERE s.id = ?", [sid])
    if stat is None:  # a source in no article (any more)
        src_id, name, type_, role = r.all("SELECT id, name, type, role FROM source WHERE id = ?", [sid])[0]
        row: Row = {"id": src_id, "name": name, "type": type_, "role": role,
                    "article_count": 0, "claim_count": 0, "mention_count": 0,
                    "origin_count": 0, "relay_count": 0}
    else:
        row = _source_row(stat)
    row.pop("articles", None)
    alias_rows = r.all("SELECT alias, reason, score FROM source_alias WHERE source_id = ? ORDER BY id", [sid])
    row["aliases"] = [alias for alias, _, _ in alias_rows if alias != row["name"]]
    row["alias_reasons"] = [{"alias": alias, "reason": reason, "score": score} for alias, reason, score in alias_rows]
    for rel in ("affiliation", "publisher", "author"):
        row[rel + "s"] = []
    for rel, name, rid in r.all("SELECT relation, related_name, related_source_id FROM source_relation "
                                "WHERE source_id = ? ORDER BY id", [sid]):
        row[rel + "s"].append({"name": name, "source_id": rid})
    row["related"] = [
        {"relation": rel, "source_id": oid, "name": oname}
        for rel, oid, oname in r.all("SELECT sr.relation, s.id, s.name FROM source_relation sr "
                                     "JOIN source s ON s.id = sr.source_id WHERE sr.related_source_id = ? "
                                     "ORDER BY s.id", [sid])
    ]
    row["articles"] = source_articles(r, [sid], limit=limit).get(sid, [])
    row["other_matches"] = ranked[1:1 + OTHER_MATCHES]  # other sources of that name, widest first
    row["match_count"] = len(ids)
    # in the order of ix_citation_source_claim (source_id, claim_id, position): no sort, and a limit
    # stops the scan after the first ``limit`` claims
    sql = ("SELECT c.id, c.article_id, c.text, c.kind, c.hops, c.chain_text, ct.position, ct.role, ct.cue "
           "FROM citation ct JOIN claim c ON c.id = ct.claim_id "
           "JOIN article a ON a.id = c.article_id AND a.is_current "
           "WHERE ct.source_id = ? ORDER BY ct.claim_id, ct.position")
    if limit is None:
        claims = r.all(sql, [sid])
    else:  # the first ``limit`` claims with every link they have to the source (a claim may cite it twice)
        claims = r.all(sql.replace("WHERE ct.source_id = ?", "WHERE ct.source_id = ? AND ct.claim_id IN ("
                                   "SELECT DISTINCT ct2.claim_id FROM citation ct2 JOIN claim c2 ON c2.id = ct2.claim_id "
                                   "JOIN article a2 ON a2.id = c2.article_id AND a2.is_current "
                                   "WHERE ct2.source_id = ? ORDER BY ct2.claim_id LIMIT ?)"),
                       [sid, sid, min(limit, _MAX_INT)])
    row["claims"] = [
        {"id": cid, "article_id": aid, "text": text, "kind": kind, "hops": hops,
         "position": position, "role": role, "cue": cue, "chain_text": chain_text}
        for cid, aid, text, kind, hops, chain_text, position, role, cue in claims
    ]
    return row


def _source_row(r: tuple) -> Row:
    """A source statistics row (``_STATS``) as a dict in the DESIGN shape (aliases and articles filled later)."""
    sid, name, type_, role, articles, claims, mentions, origins, relays = r
    return {"id": sid, "name": name, "type": type_, "role": role, "aliases": [],
            "articles": [], "article_count": int(articles or 0),
            "claim_count": int(claims or 0), "mention_count": int(mentions or 0),
            "origin_count": int(origins or 0), "relay_count": int(relays or 0)}


def source_articles(db: DB, ids: list[int], *, limit: int | None = None) -> dict[int, list[Row]]:
    """Current articles of many sources at once: source id -> [{id, path, title, outlet}], lowest ids
    first; ``limit`` keeps each source's first ``limit`` (one range scan of source_article's key each)."""
    r = Reader.of(db)
    out: dict[int, list[Row]] = defaultdict(list)
    if limit is not None:
        for sid in ids:
            for aid, path, title, outlet in r.all(
                "SELECT a.id, a.path, a.title, a.outlet FROM source_article sa "
                "JOIN article a ON a.id = sa.article_id AND a.is_current "
                "WHERE sa.source_id = ? ORDER BY sa.article_id LIMIT ?", [sid, min(limit, _MAX_INT)]
            ):
                out[sid].append({"id": aid, "path": path, "title": title, "outlet": outlet})
        return out
    for chunk in _chunked(ids):
        for sid, aid, path, title, outlet in r.all(
            "SELECT sa.source_id, a.id, a.path, a.title, a.outlet FROM source_article sa "
            "JOIN article a ON a.id = sa.article_id AND a.is_current "
            f"WHERE sa.source_id {_in(chunk)} ORDER BY sa.source_id, a.id", chunk
        ):
            out[sid].append({"id": aid, "path": path, "title": title, "outlet": outlet})
    return out


def _aliases(r: Reader, ids: Iterable[int]) -> dict[int, list[str]]:
    """Aliases of many sources at once, in the order they were first seen."""
    out: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunked(list(ids)):
        for sid, alias in r.all(f"SELECT source_id, alias FROM source_alias WHERE source_id {_in(chunk)} "
                                "ORDER BY id", chunk):
            out[sid].append(alias)
    return out


def _chunked(ids: list[Any], size: int = _IN_CHUNK) -> Iterator[list[Any]]:
    """Split an id list so each IN (...) stays within the driver's parameter limit."""
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


# ---------------------------------------------------------------- overlaps


def list_overlaps(db: DB, *, independent: bool | None = None, source: str | int | None = None,
                  limit: int | None = None, members: bool = True) -> list[Row]:
    """Groups of claims in different current articles that state the same thing, widest first.

    Reads overlap_group/overlap_member (kept by ``provenance.store.overlap_index``, which
    ``ingest`` runs). Each group: ``{id, claims, articles, origins, independent, shared_origin,
    shared_origin_id, score, text, members}``; ``independent`` is false unless the members rest
    on two or more different named origins. ``source`` keeps the groups with a member whose
    origin it is. ``members=False`` leaves out ``members`` and gives each article as ``{id}``
    alone: what a table shows, read from overlap_member and the origins' names without visiting
    a claim or an article row (the widest groups have ~50 members each, scattered over the
    claim table).
    """
    r = Reader.of(db)
    conds: list[Cond] = []
    if independent is not None:
        conds.append(("g.independent" if independent else "NOT g.independent", []))
    if source is not None:
        sids = find_sources(r, source)
        if not sids:
            raise NotFoundError(f"no source matches {source!r}")
        conds.append((f"g.id IN (SELECT group_id FROM overlap_member WHERE origin_source_id {_in(sids)})", sids))
    where, params = _where(conds)
    sql = ("SELECT g.id, g.score, g.independent, g.shared_origin_id, g.text, s.name FROM overlap_group g "
           f"LEFT JOIN source s ON s.id = g.shared_origin_id{where} "
           "ORDER BY g.article_count DESC, g.claim_count DESC, g.id")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(min(limit, _MAX_INT))
    groups = r.all(sql, params)
    if not members:
        return _overlap_summaries(r, groups)
    rows: dict[int, list[tuple]] = defaultdict(list)
    for chunk in _chunked([g[0] for g in groups]):
        for m in r.all(
            "SELECT m.group_id, m.claim_id, m.score, c.text, c.kind, c.chain_text, a.id, a.path, a.title, a.outlet, "
            "o.name FROM overlap_member m JOIN claim c ON c.id = m.claim_id JOIN article a ON a.id = m.article_id "
            f"LEFT JOIN source o ON o.id = m.origin_source_id WHERE m.group_id {_in(chunk)} "
            "ORDER BY m.group_id, m.claim_id", chunk
        ):
            rows[m[0]].append(m)
    out = []
    for gid, score, independent_, shared_id, text, shared_name in groups:
        ms = rows.get(gid, [])
        articles = {m[6]: {"id": m[6], "path": m[7], "title": m[8], "outlet": m[9]} for m in ms}
        out.append({
            "id": gid, "claims": [m[1] for m in ms], "articles": list(articles.values()),
            "origins": list(dict.fromkeys(m[10] for m in ms if m[10])),
            "independent": bool(independent_), "shared_origin": shared_name,
            "shared_origin_id": shared_id, "score": score, "text": text,
            "members": [{"claim": m[1], "article": m[6], "outlet": m[9], "kind": m[4],
                         "origin": m[10], "chain": m[5], "score": m[2], "text": m[3]} for m in ms],
        })
    return out


def _overlap_summaries(r: Reader, groups: list[tuple]) -> list[Row]:
    """``list_overlaps(..., members=False)``: the groups with their claim ids, article ids and origins."""
    found: dict[int, list[tuple]] = defaultdict(list)
    for chunk in _chunked([g[0] for g in groups]):
        for m in r.all("SELECT m.group_id, m.claim_id, m.article_id, o.name FROM overlap_member m "
                       f"LEFT JOIN source o ON o.id = m.origin_source_id WHERE m.group_id {_in(chunk)} "
                       "ORDER BY m.group_id, m.claim_id", chunk):
            found[m[0]].append(m)
    out = []
    for gid, score, independent_, shared_id, text, shared_name in groups:
        ms = found.get(gid, [])
        out.append({
            "id": gid, "claims": [m[1] for m in ms], "articles": [{"id": a} for a in dict.fromkeys(m[2] for m in ms)],
            "origins": list(dict.fromkeys(m[3] for m in ms if m[3])),
            "independent": bool(independent_), "shared_origin": shared_name,
            "shared_origin_id": shared_id, "score": score, "text": text,
        })
    return out


def list_merges(db: DB, *, reason: str | None = None, limit: int | None = None) -> list[Row]:
    """Names that source resolution (or a curator) joined to a source, other than the first name
    seen and the extractor's in-article aliases: the merges to review, widest sources first."""
    r = Reader.of(db)
    params: list[Any] = []
    sql = ("SELECT s.id, s.name, s.type, sa.alias, sa.reason, sa.score, COALESCE(st.article_count, 0) "
           "FROM source s JOIN source_alias sa ON sa.source_id = s.id "
           "LEFT JOIN source_stats st ON st.source_id = s.id "
           "WHERE sa.reason NOT IN ('first-seen', 'in-article')")
    if reason:
        sql += " AND sa.reason = ?"
        params.append(reason)
    sql += " ORDER BY COALESCE(st.article_count, 0) DESC, s.id, sa.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(min(limit, _MAX_INT))
    return [{"source_id": sid, "name": name, "type": type_, "alias": alias, "reason": reason_,
             "score": score, "article_count": count}
            for sid, name, type_, alias, reason_, score, count in r.all(sql, params)]
