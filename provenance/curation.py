"""Curation of sources by people: merge two sources, split a name out, add an alias.

Each decision changes the stored data at once (mentions, citations, counts, chains) and is
kept in ``source_curation`` as a pin: "this name belongs to that source". The resolver
(``provenance.resolve``) consults the pins before any rule on every later ingest, so a
curated merge or split survives re-ingesting edited or new articles. Pins are by
resolution key and normalized name; a source that exists only in one article (an
anonymous "two officials") is pinned by its article-scoped key only, never by its words.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import Connection, case, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from provenance.errors import NotFoundError, ProvenanceError
from provenance.models import Entity, SourceType
from provenance.names import is_pronoun, normalize_name, person_display
from provenance.query import find_sources
from provenance.resolve_keys import SourceKey, is_scoped_key
from provenance.resolve_plan import ArticleRef, Plan, blocks_of, matching_types, plan_entity
from provenance.store.stats import refresh_source_stats
from provenance.store.tables import (
    Citation,
    Claim,
    Mention,
    Source,
    SourceAlias,
    SourceArticle,
    SourceBlock,
    SourceCuration,
    SourceRelation,
)
from provenance.store.upsert import insert_ignore, table_of

ARROW = " ← "
SourceRef = tuple[int, str, str, str]  # id, name, type, key of a stored source


@dataclass
class Outcome:
    """What a curation command did, for the user."""

    action: str
    source_id: int
    name: str
    moved: dict[str, int] = field(default_factory=dict)  # table -> rows moved
    merged: list[str] = field(default_factory=list)  # names of sources merged away
    pins: int = 0

    def message(self) -> str:
        """One line that says what happened."""
        moved = ", ".join(f"{n} {t}" for t, n in self.moved.items() if n)
        extra = f"; merged {', '.join(self.merged)}" if self.merged else ""
        return (f"{self.action}: source {self.source_id} {self.name!r}"
                + (f" ({moved})" if moved else "") + extra + f"; {self.pins} pin(s) kept for future ingests")


# ---------------------------------------------------------------- finding sources


def one_source(conn: Connection, ref: str | int) -> SourceRef:
    """(id, name, type, key) of the one source ``ref`` names (an id, a name or an alias), else an error."""
    with Session(bind=conn) as session:  # query.find_sources reads through a Session: one on this transaction
        ids = find_sources(session, ref)
    if not ids:
        raise NotFoundError(f"no source matches {str(ref)!r}")
    if len(ids) > 1:
        exact = _exact_name(conn, ids, str(ref))
        if exact is None:
            listed = "; ".join(f"{i} {n} ({t})" for i, n, t, _ in _sources(conn, ids[:8]))
            raise ProvenanceError(f"{str(ref)!r} matches {len(ids)} sources: {listed}; give an id")
        ids = [exact]
    return _sources(conn, ids)[0]


def _exact_name(conn: Connection, ids: list[int], ref: str) -> int | None:
    """The one source among ``ids`` whose name is ``ref`` (normalized), if exactly one."""
    hits = [i for i, n, _, _ in _sources(conn, ids) if normalize_name(n) == normalize_name(ref)]
    return hits[0] if len(hits) == 1 else None


def _sources(conn: Connection, ids: list[int]) -> list[SourceRef]:
    """(id, name, type, key) rows of these sources, in id order."""
    return _refs(conn.execute(select(col(Source.id), col(Source.name), col(Source.type), col(Source.key))
                              .where(col(Source.id).in_(ids)).order_by(col(Source.id))))


def _refs(rows: Iterable) -> list[SourceRef]:
    """(id, name, type, key) tuples of source rows (a stored source's id is never None, whatever
    the optional primary key of the SQLModel class says)."""
    return [(cast(int, i), n, t, k) for i, n, t, k in rows]


# ---------------------------------------------------------------- merge


def merge(conn: Connection, target_ref: str | int, other_ref: str | int) -> Outcome:
    """Merge the source ``other_ref`` into ``target_ref``: one source from now on, in stored data and pins."""
    target, other = one_source(conn, target_ref), one_source(conn, other_ref)
    if target[0] == other[0]:
        raise ProvenanceError(f"{target[1]!r} and {other[1]!r} are already one source (id {target[0]})")
    outcome = Outcome("merged", target[0], target[1], merged=[f"{other[1]} ({other[0]})"])
    outcome.pins = _pin_names_of(conn, other, target[0], "merge")
    outcome.moved = _move_source(conn, other[0], target[0])
    return outcome


def _pin_names_of(conn: Connection, src: SourceRef, to: int, action: str) -> int:
    """Pin every name of ``src`` (its key, and its aliases unless it lives in one article) to ``to``."""
    sid, name, typ, key = src
    pins = {key: name}
    if not is_scoped_key(key):
        for alias in conn.execute(select(col(SourceAlias.alias)).where(col(SourceAlias.source_id) == sid)
                                  .order_by(col(SourceAlias.id))).scalars():
            pins.setdefault(normalize_name(alias), alias)
            plan = _plan(alias, typ)
            if plan is not None and not plan.scoped:
                pins.setdefault(plan.key, alias)
    conn.execute(update(table_of(SourceCuration)).where(col(SourceCuration.source_id) == sid).values(source_id=to))
    articles = ",".join(str(a) for a in conn.execute(
        select(col(SourceArticle.article_id)).where(col(SourceArticle.source_id) == sid).order_by(col(SourceArticle.article_id))).scalars())
    conn.execute(insert(table_of(SourceCuration)), [
        {"action": action, "source_id": to, "alias": alias, "norm": norm, "type": typ, "articles": articles,
         "note": f"{name!r} (source {sid}) merged into source {to}"}
        for norm, alias in pins.items()])
    return len(pins)


def _move_source(conn: Connection, old: int, new: int) -> dict[str, int]:
    """Re-point everything of source ``old`` to ``new`` and delete ``old``."""
    moved = {}
    rows = conn.execute(select(col(SourceAlias.alias), col(SourceAlias.norm), col(SourceAlias.reason), col(SourceAlias.score))
                        .where(col(SourceAlias.source_id) == old).order_by(col(SourceAlias.id))).all()
    if rows:
        conn.execute(insert_ignore(conn, SourceAlias, ["source_id", "alias"]),
                     [{"source_id": new, "alias": a, "norm": n, "reason": "curated", "score": 1.0}
                      for a, n, _, _ in rows])
    moved["aliases"] = len(rows)
    moved["mentions"] = conn.execute(update(table_of(Mention)).where(col(Mention.source_id) == old)
                                     .values(source_id=new)).rowcount
    claim_ids = list(conn.execute(select(col(Citation.claim_id)).where(col(Citation.source_id) == old)).scalars())
    moved["citations"] = conn.execute(update(table_of(Citation)).where(col(Citation.source_id) == old)
                                      .values(source_id=new)).rowcount
    conn.execute(update(table_of(Claim)).where(col(Claim.origin_source_id) == old).values(origin_source_id=new))
    articles = list(conn.execute(select(col(SourceArticle.article_id)).where(col(SourceArticle.source_id) == old)).scalars())
    conn.execute(delete(table_of(SourceArticle)).where(col(SourceArticle.source_id) == old))
    recount(conn, [old, new], articles)  # old: its source_stats row goes too
    for rel in conn.execute(select(col(SourceRelation.relation), col(SourceRelation.related_name),
                                   col(SourceRelation.related_source_id)).where(col(SourceRelation.source_id) == old)
                           .order_by(col(SourceRelation.id))).all():
        conn.execute(insert_ignore(conn, SourceRelation, ["source_id", "relation", "related_name"]),
                     [{"source_id": new, "relation": rel[0], "related_name": rel[1], "related_source_id": rel[2]}])
    conn.execute(update(table_of(SourceRelation)).where(col(SourceRelation.related_source_id) == old)
                 .values(related_source_id=new))
    blocks = list(conn.execute(select(col(SourceBlock.block)).where(col(SourceBlock.source_id) == old)).scalars())
    if blocks:
        conn.execute(insert_ignore(conn, SourceBlock, ["block", "source_id"]),
                     [{"block": b, "source_id": new} for b in blocks])
    role = conn.execute(select(col(Source.role)).where(col(Source.id) == old)).scalar()
    if role:
        conn.execute(update(table_of(Source)).where(col(Source.id) == new, col(Source.role).is_(None)).values(role=role))
    conn.execute(delete(table_of(Source)).where(col(Source.id) == old))
    refresh_chain_text(conn, claim_ids)
    return moved


# ---------------------------------------------------------------- split


def split(conn: Connection, source_ref: str | int, alias: str) -> Outcome:
    """Move the name ``alias`` out of a source into a source of its own (with what the articles
    said under that name), and pin it there for future ingests."""
    sid, name, typ, key = one_source(conn, source_ref)
    norm = normalize_name(alias)
    aliases = conn.execute(select(col(SourceAlias.alias), col(SourceAlias.norm)).where(col(SourceAlias.source_id) == sid)).all()
    names = {a for a, n in aliases if n == norm}
    if not names:
        known = "; ".join(sorted({a for a, _ in aliases})[:12])
        raise ProvenanceError(f"{alias!r} is not a name of source {sid} {name!r}; its names: {known}")
    if norm == normalize_name(name):
        raise ProvenanceError(f"{alias!r} is the name of source {sid}; split one of its other names out, "
                              f"or merge the source into another")
    new_id, created = _target_for(conn, alias, typ, key, sid)
    if is_scoped_key(key):  # one article's source: its key only
        keys = [_key_of(conn, new_id)]
    else:  # never the source's own key or name: "Bloomberg" out of "Bloomberg News" leaves it "bloomberg news"
        own = {key, *_pin_keys(name, typ)}
        keys = [k for k in _pin_keys(alias, typ) if k not in own]
    # splitting out a name that a curated merge brought in undoes that merge: all its names move
    undone = conn.execute(select(col(SourceCuration.note)).where(
        col(SourceCuration.source_id) == sid, col(SourceCuration.action) == "merge", col(SourceCuration.norm).in_(keys))).scalars().all()
    norms, within = {norm: names}, None
    if undone:
        within = set()
        for a, arts in conn.execute(select(col(SourceCuration.alias), col(SourceCuration.articles)).where(
                col(SourceCuration.source_id) == sid, col(SourceCuration.note).in_(undone)).order_by(col(SourceCuration.id))):
            within |= {int(x) for x in (arts or "").split(",") if x}
            if normalize_name(a) != normalize_name(name):
                norms.setdefault(normalize_name(a), set()).add(a)
        conn.execute(update(table_of(SourceCuration)).where(col(SourceCuration.source_id) == sid,
                                                            col(SourceCuration.note).in_(undone)).values(source_id=new_id))
    moved: dict[str, int] = {}
    for n, written in norms.items():
        rows = conn.execute(select(col(SourceAlias.alias)).where(col(SourceAlias.source_id) == sid, col(SourceAlias.norm) == n)
                            .order_by(col(SourceAlias.id))).all()
        if within is not None and n != norm:  # undoing a merge: only the names it brought, as written
            rows = [r for r in rows if r[0] in written]
        if rows:
            conn.execute(insert_ignore(conn, SourceAlias, ["source_id", "alias"]),
                         [{"source_id": new_id, "alias": a, "norm": n, "reason": "curated", "score": 1.0} for a, in rows])
            conn.execute(delete(table_of(SourceAlias)).where(col(SourceAlias.source_id) == sid,
                                                             col(SourceAlias.alias).in_([a for a, in rows])))
        counts = {"aliases": len(rows), **_move_mentions(conn, sid, new_id, n, written | {a for a, in rows}, within)}
        for k, v in counts.items():
            moved[k] = moved.get(k, 0) + v
    conn.execute(delete(table_of(SourceCuration)).where(col(SourceCuration.source_id).in_([sid, new_id]),
                                                        col(SourceCuration.norm).in_(keys)))
    pins = [{"action": "split", "source_id": new_id, "alias": alias, "norm": k, "type": typ,
             "note": f"split out of {name!r} (source {sid})"} for k in keys]
    conn.execute(insert(table_of(SourceCuration)), pins)
    outcome = Outcome("split", new_id, _name_of(conn, new_id), moved=moved, pins=len(pins))
    outcome.action = "split into a new source" if created else "split into an existing source"
    return outcome


def _target_for(conn: Connection, alias: str, typ: str, old_key: str, old_id: int) -> tuple[int, bool]:
    """The source a split name goes to: the one already keyed by it, else a new one."""
    plan = _plan(alias, typ)
    key = plan.key if plan is not None and not plan.scoped else normalize_name(alias)
    old_article = SourceKey.parse(old_key).article
    if old_article is not None and not is_scoped_key(key):  # a name of one article stays in it
        key = str(SourceKey(key, article=old_article))
    found = conn.execute(select(col(Source.id)).where(col(Source.type) == typ, col(Source.key) == key)).scalar()
    if found is not None and found != old_id:
        return found, False
    if found == old_id:
        key = f"{key} (split from {old_id})"
    shown = person_display(alias) if typ == SourceType.person else alias.strip()
    new_id = cast(int, conn.execute(insert(table_of(Source)).values(name=shown, type=typ, key=key)
                                    .returning(col(Source.id))).scalar_one())
    # found by the name it is shown under, like every source (issue 15)
    conn.execute(insert(table_of(SourceAlias)).values(source_id=new_id, alias=shown, norm=normalize_name(shown),
                                                      reason="curated", score=1.0))
    blocks = blocks_of(alias, typ)
    if blocks:
        conn.execute(insert_ignore(conn, SourceBlock, ["block", "source_id"]),
                     [{"block": b, "source_id": new_id} for b in blocks])
    return new_id, True


def _move_mentions(conn: Connection, old: int, new: int, norm: str, names: set[str],
                   within: set[int] | None = None) -> dict[str, int]:
    """Move what articles said under the split name: in an article that never used another
    name of the source, everything of the source there; elsewhere the mentions and citations
    that use the name. ``within`` limits it to these articles (undoing a merge)."""
    m = table_of(Mention)
    mentions = conn.execute(select(m.c.id, m.c.article_id, m.c.text).where(m.c.source_id == old)).all()
    by_article: dict[int, list] = {}
    for row in mentions:
        by_article.setdefault(row.article_id, []).append(row)
    cites = conn.execute(select(col(Citation.id), col(Claim.article_id), col(Citation.evidence_text), col(Citation.claim_id))
                         .join(Claim, col(Claim.id) == col(Citation.claim_id)).where(col(Citation.source_id) == old)).all()
    uses = {r.article_id for r in mentions if normalize_name(r.text) == norm}
    uses |= {c.article_id for c in cites if any(n.lower() in (c.evidence_text or "").lower() for n in names)}
    if within is not None:
        uses &= within
    move_mentions, move_cites = [], []
    for aid in uses:
        other_names = {normalize_name(r.text) for r in by_article.get(aid, []) if not is_pronoun(r.text)} - {norm}
        whole = not any(n and n not in norm and norm not in n for n in other_names)
        move_mentions += [r.id for r in by_article.get(aid, []) if whole or normalize_name(r.text) == norm]
        move_cites += [c.id for c in cites if c.article_id == aid and (
            whole or any(n.lower() in (c.evidence_text or "").lower() for n in names))]
    for chunk in _chunks(move_mentions):
        conn.execute(update(m).where(m.c.id.in_(chunk)).values(source_id=new))
    claim_ids = [c.claim_id for c in cites if c.id in set(move_cites)]
    for chunk in _chunks(move_cites):
        conn.execute(update(table_of(Citation)).where(col(Citation.id).in_(chunk)).values(source_id=new))
    for chunk in _chunks(claim_ids):
        conn.execute(update(table_of(Claim)).where(col(Claim.id).in_(chunk), col(Claim.origin_source_id) == old)
                     .where(col(Claim.id).in_(select(col(Citation.claim_id)).where(col(Citation.position) == 0,
                                                                         col(Citation.source_id) == new)))
                     .values(origin_source_id=new))
    recount(conn, [old, new], sorted(uses))
    refresh_chain_text(conn, claim_ids)
    return {"mentions": len(move_mentions), "citations": len(move_cites), "articles": len(uses)}


# ---------------------------------------------------------------- alias


def add_alias(conn: Connection, source_ref: str | int, alias: str) -> Outcome:
    """Make ``alias`` a name of the source from now on; a source already known by exactly that
    name (same type) is merged into it."""
    sid, name, typ, key = one_source(conn, source_ref)
    _check_alias(conn, (sid, name, typ, key), alias)
    outcome = Outcome("alias added", sid, name)
    conn.execute(insert_ignore(conn, SourceAlias, ["source_id", "alias"]),
                 [{"source_id": sid, "alias": alias.strip(), "norm": normalize_name(alias), "reason": "curated",
                   "score": 1.0}])
    keys = _pin_keys(alias, typ)
    conn.execute(delete(table_of(SourceCuration)).where(col(SourceCuration.norm).in_(keys),
                                                        col(SourceCuration.source_id) != sid))
    conn.execute(insert(table_of(SourceCuration)), [
        {"action": "alias", "source_id": sid, "alias": alias.strip(), "norm": k, "type": typ,
         "note": f"alias of {name!r} (source {sid})"} for k in keys])
    outcome.pins = len(keys)
    clash = _refs(conn.execute(select(col(Source.id), col(Source.name), col(Source.type), col(Source.key)).where(
        col(Source.id) != sid, col(Source.type).in_(matching_types(typ)), col(Source.key).in_(keys))))
    for other in clash:
        outcome.pins += _pin_names_of(conn, other, sid, "merge")
        for table, n in _move_source(conn, other[0], sid).items():
            outcome.moved[table] = outcome.moved.get(table, 0) + n
        outcome.merged.append(f"{other[1]} ({other[0]})")
    return outcome


def _check_alias(conn: Connection, src: SourceRef, alias: str) -> None:
    """Refuse an alias that names nothing (empty, punctuation only), the source's own name, or a
    source of another type: pinned under this type it would merge nothing and leave the name
    naming two sources (issue 11)."""
    sid, name, typ, key = src
    norm = normalize_name(alias)
    if not any(c.isalnum() for c in norm):
        raise ProvenanceError(f"the alias {alias.strip()!r} has no letters or digits: it names nothing")
    if norm == normalize_name(name) or norm == key:
        raise ProvenanceError(f"{alias.strip()!r} is already the name of source {sid} {name!r}")
    keys = _pin_keys(alias, typ)
    for oid, oname, otype, _ in conn.execute(select(col(Source.id), col(Source.name), col(Source.type), col(Source.key)).where(
            col(Source.id) != sid, or_(col(Source.key).in_(keys), col(Source.id).in_(
                select(col(SourceAlias.source_id)).where(col(SourceAlias.norm) == norm)))).order_by(col(Source.id))).all():
        if otype not in matching_types(typ):
            raise ProvenanceError(
                f"{alias.strip()!r} names source {oid} {oname!r}, of type {otype}, and source {sid} {name!r} is of type {typ}: "
                f"set the type first ('provenance sources type {oid} {typ}'), then merge or add the alias")


# ---------------------------------------------------------------- type


def set_type(conn: Connection, source_ref: str | int, new_type: str) -> Outcome:
    """Change the type of a wrongly typed source; a source of that type with the same key is
    merged into it. Its names are pinned for every type, so later ingests that type the
    name wrongly again still reach it."""
    sid, name, typ, key = one_source(conn, source_ref)
    if new_type == typ:
        raise ProvenanceError(f"source {sid} {name!r} is already of type {typ}")
    plan = _plan(name, new_type)
    new_key = key if is_scoped_key(key) or plan is None or plan.scoped else plan.key
    same_key = _refs(conn.execute(select(col(Source.id), col(Source.name), col(Source.type), col(Source.key)).where(
        col(Source.id) != sid, col(Source.type) == new_type, col(Source.key) == new_key)))
    clash = same_key[0] if same_key else None  # (type, key) is unique: at most one
    target = sid
    outcome = Outcome(f"type set to {new_type}", sid, name)
    if clash is not None:  # the source it should have been: one source from now on
        target = clash[0]
        outcome = Outcome(f"type set to {new_type}, merged", target, clash[1], merged=[f"{name} ({sid})"])
        outcome.pins = _pin_names_of(conn, (sid, name, typ, key), target, "merge")
        outcome.moved = _move_source(conn, sid, target)
    else:
        conn.execute(update(table_of(Source)).where(col(Source.id) == sid).values(type=new_type, key=new_key))
        blocks = blocks_of(name, new_type)
        if blocks:
            conn.execute(insert_ignore(conn, SourceBlock, ["block", "source_id"]),
                         [{"block": b, "source_id": sid} for b in blocks])
    conn.execute(update(table_of(SourceCuration)).where(col(SourceCuration.source_id) == target).values(type=None))
    norms = dict.fromkeys([normalize_name(name), key, new_key])
    if not is_scoped_key(key):
        conn.execute(delete(table_of(SourceCuration)).where(col(SourceCuration.norm).in_(list(norms)),
                                                            col(SourceCuration.source_id) != target))
        conn.execute(insert(table_of(SourceCuration)), [
            {"action": "alias", "source_id": target, "alias": name, "norm": n, "type": None,
             "note": f"{name!r} (source {sid}) retyped from {typ} to {new_type}"} for n in norms])
        outcome.pins += len(norms)
    claim_ids = list(conn.execute(select(col(Citation.claim_id)).where(col(Citation.source_id) == target)).scalars())
    refresh_chain_text(conn, claim_ids)
    return outcome


# ---------------------------------------------------------------- listing


def list_curation(conn: Connection) -> list[dict]:
    """Every curation pin, oldest first, with the source it points to."""
    rows = conn.execute(select(col(SourceCuration.id), col(SourceCuration.action), col(SourceCuration.alias), col(SourceCuration.norm),
                               col(SourceCuration.type), col(SourceCuration.source_id), col(Source.name), col(SourceCuration.note),
                               col(SourceCuration.created_at))
                        .outerjoin(Source, col(Source.id) == col(SourceCuration.source_id)).order_by(col(SourceCuration.id)))
    return [{"id": r.id, "action": r.action, "alias": r.alias, "pins": r.norm, "type": r.type,
             "source_id": r.source_id, "source": r.name, "note": r.note, "created_at": r.created_at} for r in rows]


# ---------------------------------------------------------------- bookkeeping


def recount(conn: Connection, source_ids: list[int], article_ids: list[int]) -> None:
    """Recompute source_article rows of these sources in these articles from mentions and citations."""
    if not source_ids or not article_ids:
        return
    for chunk in _chunks(article_ids):
        conn.execute(delete(table_of(SourceArticle)).where(col(SourceArticle.source_id).in_(source_ids),
                                                           col(SourceArticle.article_id).in_(chunk)))
        counts: dict[tuple[int, int], dict[str, int]] = {}

        def row(sid: int, aid: int, counts: dict = counts) -> dict[str, int]:
            return counts.setdefault((sid, aid), {"mention_count": 0, "claim_count": 0,
                                                  "origin_count": 0, "relay_count": 0})

        for sid, aid, n in conn.execute(select(col(Mention.source_id), col(Mention.article_id), func.count())
                                        .where(col(Mention.source_id).in_(source_ids), col(Mention.article_id).in_(chunk))
                                        .group_by(col(Mention.source_id), col(Mention.article_id))):
            row(sid, aid)["mention_count"] = n
        for sid, aid, claims, origins, relays in conn.execute(
            select(col(Citation.source_id), col(Claim.article_id), func.count(func.distinct(col(Citation.claim_id))),
                   func.sum(case((col(Citation.position) == 0, 1), else_=0)),
                   func.sum(case((col(Citation.position) > 0, 1), else_=0)))
            .join(Claim, col(Claim.id) == col(Citation.claim_id))
            .where(col(Citation.source_id).in_(source_ids), col(Claim.article_id).in_(chunk))
            .group_by(col(Citation.source_id), col(Claim.article_id))
        ):
            r = row(sid, aid)
            r.update(claim_count=claims, origin_count=int(origins or 0), relay_count=int(relays or 0))
        if counts:
            conn.execute(insert(table_of(SourceArticle)),
                         [dict(source_id=s, article_id=a, **c) for (s, a), c in counts.items()])
    refresh_source_stats(conn, source_ids)  # their reach over current articles, from source_article


def refresh_chain_text(conn: Connection, claim_ids: list[int]) -> None:
    """Rewrite claim.chain_text ("origin ← relay") of these claims from their citations."""
    for chunk in _chunks(sorted(set(claim_ids))):
        chains: dict[int, list[str]] = {}
        for cid, name in conn.execute(select(col(Citation.claim_id), col(Source.name))
                                      .join(Source, col(Source.id) == col(Citation.source_id))
                                      .where(col(Citation.claim_id).in_(chunk))
                                      .order_by(col(Citation.claim_id), col(Citation.position))):
            chains.setdefault(cid, []).append(name)
        for cid, names in chains.items():
            conn.execute(update(table_of(Claim)).where(col(Claim.id) == cid).values(chain_text=ARROW.join(names)))


def _plan(alias: str, typ: str) -> Plan | None:
    """The resolver's plan for a name of this type (its key), or None for an impossible type."""
    try:
        return plan_entity(Entity(id=0, name=alias, type=SourceType(typ)), ArticleRef(""))
    except ValueError:
        return None


def _pin_keys(alias: str, typ: str) -> list[str]:
    """The keys a name is pinned by: its normalized form and its resolution key."""
    keys = [normalize_name(alias)]
    plan = _plan(alias, typ)
    if plan is not None and not plan.scoped and plan.key not in keys:
        keys.append(plan.key)
    return keys


def _key_of(conn: Connection, sid: int) -> str:
    """The resolution key of a source."""
    return conn.execute(select(col(Source.key)).where(col(Source.id) == sid)).scalar_one()


def _name_of(conn: Connection, sid: int) -> str:
    """The name of a source."""
    return conn.execute(select(col(Source.name)).where(col(Source.id) == sid)).scalar_one()


def _chunks(values: list, size: int = 900):
    """Slices small enough for one IN (...) list."""
    values = list(values)
    for i in range(0, len(values), size):
        yield values[i:i + size]

