"""Map the entities of many articles to stored sources: one real-world source, one row.

Resolution runs in the writer's transaction, over a whole batch at once:

1. plan (pure, ``provenance.resolve_plan.plan_article``; the ingest workers run it next to
   the extraction): each entity gets a type, a key and blocking keys from its names and its
   article, in-article rules first.
2. load: the stored sources the batch could match are fetched by key, alias and block in
   a few ``IN (...)`` queries and kept (never all sources, never all pairs); the writer keeps
   them across its batches while nobody else writes (``store.writer.SourceCache``).
3. match, precision first: a curation pin (``provenance.curation``); the same key; a
   known alias; then type-aware fuzzy rules inside a block (persons: same or misspelt
   surname *and* compatible first names; organizations: the same words up to spelling;
   acronyms when exactly one source fits). Outlets merge only through the lexicon or an
   exact name, never on similarity ("New York Times" is not "New York Post").
4. write: new sources, their blocks, and every alias with the reason and score that joined it.

Loading and writing go through a ``SourceStore`` the caller gives (the writer gives
``provenance.store.sources.SourceRows``): this module imports nothing of the store, which
imports it (issue 14). The entry points are ``Resolver(sources).resolve_many([(entity,
ArticleRef), ...])``, ``resolve_plans``, ``name_of`` and ``find``, which is all the writer uses.
"""
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from provenance.models import Entity, SourceType
from provenance.names import (
    GENERIC,
    PRONOUNS,
    acronyms_of,
    as_acronym,
    content_words,
    is_pronoun,
    lexicon_name,
    name_words,
    normalize_name,
    org_key,
    parse_person,
    person_match,
    spelling_variant,
)
from provenance.overlaps import STOPWORDS, stem
from provenance.resolve_keys import SourceKey, base_key, is_scoped_key
from provenance.resolve_plan import (
    FIRST_SEEN,
    IN_ARTICLE,
    ORG_LIKE,
    ArticleRef,
    Plan,
    blocks_of,
    is_article_scoped,
    matching_types,
    plan_article,
    plan_entity,
    specific_alias,
)

__all__ = ["ArticleRef", "Resolver", "SourceStore", "normalize_name", "is_article_scoped", "plan_article",
           "plan_entity", "blocks_of", "GENERIC", "PRONOUNS", "IN_ARTICLE"]

DOCUMENT_WINDOW_DAYS = 45  # one document named alike in articles further apart is not assumed one
POLL_WINDOW_DAYS = 10  # ... a poll: pollsters publish every few weeks
POLL_NOUNS = {"poll", "polls", "survey", "surveys"}
FUZZY_MIN = 0.85  # the least score a match by similarity needs
ACRONYM_SCORE = 0.85  # "CBO" for "Congressional Budget Office": enough to merge when one source fits
NO_FIT: tuple[float, str] = (0.0, "")
SPELLING_VARIANT = "spelling-variant"
# the types a name of unknown type may denote (``find``), in order of preference
FINDABLE_TYPES = tuple(t.value for t in SourceType if t is not SourceType.anonymous)
# person matches that need the two to be described alike when both are described
LOOSE_PERSON_MATCH = {"nickname", "first-name-variant", "initial", "spelling-variant"}

SourceRow = tuple[int, str, str, str, "str | None"]  # id, name, type, key, role


class SourceStore(Protocol):
    """What the resolver reads and writes of the stored sources; ``provenance.store.sources.SourceRows``
    provides it on a connection. The resolver imports nothing of the store (issue 14)."""

    def by_key(self, keys: Sequence[str]) -> Iterable[SourceRow]: ...
    def by_id(self, ids: Sequence[int]) -> Iterable[SourceRow]: ...
    def by_alias_norm(self, norms: Sequence[str]) -> Iterable[tuple[int, str, str, str, str, str]]: ...
    def in_blocks(self, blocks: Sequence[str]) -> Iterable[tuple[str, int]]: ...
    def publication_days(self, ids: Sequence[int]) -> Iterable[tuple[int, str]]: ...
    def pins(self) -> Iterable[tuple[str, int, "str | None", str]]: ...
    def name_of(self, source_id: int) -> str: ...
    def add_sources(self, rows: list[dict]) -> dict[tuple[str, str], int]: ...
    def add_aliases(self, rows: list[dict]) -> None: ...
    def add_blocks(self, rows: list[dict]) -> None: ...
    def set_roles(self, rows: list[dict]) -> None: ...


# ---------------------------------------------------------------- the resolver


@dataclass
class Known:
    """A stored (or about to be stored) source as the resolver sees it."""

    id: int
    name: str
    type: str
    key: str
    role: str | None = None
    days: set[date] = field(default_factory=set)  # publication days of its articles (documents only)
    _sorted: list[date] | None = None

    def add_date(self, published: str | None) -> None:
        """Remember the publication day of one more article that names this source."""
        day = _day(published) if published else None
        if day is not None and day not in self.days:
            self.days.add(day)
            self._sorted = None

    def days_to(self, day: date) -> int | None:
        """Days from ``day`` to the nearest article naming this source, None when none is dated
        (a bisection over its distinct days: the cost does not grow with its article count)."""
        if self._sorted is None:
            self._sorted = sorted(self.days)
        i = bisect_left(self._sorted, day)
        near = self._sorted[max(i - 1, 0):i + 1]
        return min(abs((day - d).days) for d in near) if near else None

    def seen_near(self, day: date, window: int) -> bool:
        """Whether an article naming this source was published within ``window`` days of ``day``."""
        days = self.days_to(day)
        return days is not None and days <= window


class Resolver:
    """Resolve entities to source ids inside one write transaction, creating sources as needed.

    ``sources`` reads and writes the stored sources inside one transaction (``SourceStore``;
    the writer passes ``provenance.store.sources.SourceRows`` on its connection). Everything loaded or
    decided is cached for the life of that transaction; call ``reset()`` after a rollback.
    To keep the cache for the next transaction, call ``end_batch()`` after the commit and
    ``rebind()`` with the new connection, only if nobody else wrote in between.
    """

    def __init__(self, sources: SourceStore):
        self.sources = sources
        self.reset()

    def reset(self) -> None:
        """Forget everything cached (after a rollback it may no longer exist)."""
        self._new_roles: list[tuple[int, str]] = []  # written this batch, applied by end_batch
        self._new_norms: list[tuple[int, str]] = []
        self._scoped_ids: set[int] = set()  # article-scoped sources seen this batch
        self._known: dict[int, Known] = {}
        self._by_key: dict[tuple[str, str], int] = {}
        self._by_norm: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._by_block: dict[str, set[int]] = defaultdict(set)
        self._loaded_keys: set[str] = set()
        self._loaded_norms: set[str] = set()
        self._loaded_blocks: set[str] = set()
        self._resolved: dict[tuple[str, int], int] = {}  # (article key, entity id) -> source id
        self._aliases: set[tuple[int, str]] = set()
        self._blocks_written: set[tuple[str, int]] = set()
        self._roles: set[int] = set()
        self._pins: dict[str, tuple[int, str | None, str]] | None = None  # norm -> (source, type, action)
        self._undated: set[int] = set()  # document sources whose article dates are not loaded yet
        self._pending: list[Known] = []
        self._temp_slots: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # new source -> its norms, blocks
        self._next_temp = -1

    def rebind(self, sources: SourceStore) -> None:
        """Use this resolver in a new transaction, keeping what it knows (the caller checked that
        nobody else wrote sources since it last committed: see ``provenance.store.writer``)."""
        self.sources = sources

    def end_batch(self) -> None:
        """After a commit: make this batch's writes look as a fresh load would see them, and drop
        what no later batch can use (article-scoped sources, answers by article), so that the
        cache grows with the sources of the corpus, not with its articles."""
        for sid, role in self._new_roles:
            if sid in self._known and self._known[sid].role is None:
                self._known[sid].role = role
        for sid, norm in self._new_norms:
            self._by_norm[(self._known[sid].type, norm)].add(sid)
        for sid in self._scoped_ids:
            known = self._known.pop(sid, None)
            self._roles.discard(sid)  # (kept, one id per article-scoped source: +3.4 a batch, without end)
            if known is not None:
                self._by_key.pop((known.type, known.key), None)
                self._loaded_keys.discard(known.key)
        self._new_roles, self._new_norms, self._scoped_ids = [], [], set()
        self._resolved, self._aliases = {}, set()

    def size(self) -> int:
        """How many sources the cache holds (the writer starts afresh past a limit)."""
        return len(self._known)

    # ------------------------------------------------------------ public

    def resolve(self, entity: Entity, *, article_key: "str | ArticleRef | None" = None) -> int:
        """The id of the stored source for ``entity``."""
        return self.resolve_many([(entity, article_key)])[0]

    def resolve_many(self, items: list[tuple[Entity, "str | ArticleRef | None"]]) -> list[int]:
        """Source ids for many (entity, article) pairs at once, a few statements whatever their number.

        The entities of one article are planned together (in-article rules), so pass an
        article's entities in one call; a second call for the same article reuses the answer.
        """
        refs = [_ref(a) for _, a in items]
        todo: dict[str, tuple[ArticleRef, list[Entity]]] = {}
        for (entity, _), ref in zip(items, refs, strict=True):
            if (ref.key, entity.id) not in self._resolved:
                todo.setdefault(ref.key, (ref, []))[1].append(entity)
        self.resolve_plans([(ref.key, plan_article(ents, ref)) for ref, ents in todo.values()])
        return [self._resolved[(ref.key, e.id)] for (e, _), ref in zip(items, refs, strict=True)]

    def resolve_plans(self, planned: list[tuple[str, dict[int, Plan]]]) -> dict[tuple[str, int], int]:
        """Source ids for articles already planned (``plan_article``, e.g. in a worker process):
        (article key, entity id) -> source id, in a few statements for the whole list."""
        todo = [(key, fresh) for key, plans in planned
                if (fresh := {eid: p for eid, p in plans.items() if (key, eid) not in self._resolved})]
        if todo:
            self._load_for([p for _, plans in todo for p in plans.values()])
            decided = []
            for key, plans in todo:
                decided += self._resolve_article(key, plans)
            self._flush(decided)
        return {(key, eid): self._resolved[(key, eid)] for key, plans in planned for eid in plans}

    def name_of(self, source_id: int) -> str:
        """The canonical name of a source."""
        known = self._known.get(source_id)
        if known is None:
            return self.sources.name_of(source_id)
        return known.name

    def find(self, name: str) -> int | None:
        """The id of an existing source this name denotes, of any type (for affiliations and publishers)."""
        keys, norm = _find_keys(name)
        self._load(keys=keys, norms=[norm])
        for key in keys:
            for t in FINDABLE_TYPES:
                sid = self._by_key.get((t, key))
                if sid is not None and sid > 0:
                    return sid
        ids = sorted(i for t in ORG_LIKE for i in self._by_norm.get((t, norm), ()) if i > 0)
        return ids[0] if ids else None

    # ------------------------------------------------------------ matching

    def _resolve_article(self, key: str, plans: dict[int, Plan]) -> list[tuple[Plan, int, str, float]]:
        """Decide every plan of one article; linked plans follow the entity they link to."""
        decided: list[tuple[Plan, int, str, float]] = []
        ids: dict[int, int] = {}  # entity -> source
        for plan in sorted(plans.values(), key=lambda p: p.link is not None):
            if plan.link is not None and plan.link in ids:
                sid, (reason, score) = ids[plan.link], plan.link_reason
            else:
                found, reason, score = self._match(plan)
                if found is None:
                    found, reason, score = self._new(plan), FIRST_SEEN, 1.0
                sid = found
            ids[plan.eid] = sid
            self._resolved[(key, plan.eid)] = sid
            if plan.published and sid in self._known:
                self._known[sid].add_date(plan.published)
            decided.append((plan, sid, reason, score))
        return decided

    def _match(self, plan: Plan) -> tuple[int | None, str, float]:
        """The existing source a plan denotes, with the reason and score, or (None, "", 0)."""
        pinned = self._pinned(plan)
        if pinned is not None:
            return pinned, "curated", 1.0
        for t in matching_types(plan.type):
            sid = self._by_key.get((t, plan.key))
            if sid is not None and self._dates_fit(sid, plan):
                return sid, self._why(plan, sid), plan.score if self._why(plan, sid) != "exact-normalized" else 1.0
        # other names the extractor tied to an entity are not matched across articles: they are
        # often wrong ("CTU" as an alias of "City Council"); acronyms go through _acronym_fit
        if plan.fuzzy and not plan.scoped:
            return self._fuzzy(plan)
        return None, "", 0.0

    def _why(self, plan: Plan, sid: int) -> str:
        """The reason a same-key match holds: the plain names agree, or the plan's own rule."""
        known = self._known[sid]
        return "exact-normalized" if normalize_name(known.name) == normalize_name(plan.written) else plan.reason

    def _fuzzy(self, plan: Plan) -> tuple[int | None, str, float]:
        """The one source in the plan's blocks that fits by the type's rules, else nothing."""
        cands = {i for b in plan.blocks for i in self._by_block.get(b, ())}
        scored: list[tuple[float, str, int]] = []
        for sid in cands:
            known = self._known.get(sid)
            if known is None or known.type != plan.type or is_scoped_key(known.key):
                continue
            score, why = self._fit(plan, sid, known)
            if score:
                scored.append((score, why, sid))
        if not scored:
            return None, "", 0.0
        scored.sort(reverse=True)
        best = scored[0]
        rivals = [s for s in scored[1:] if s[2] != best[2] and s[0] >= best[0] - 0.05]
        if plan.type == SourceType.document and rivals and all(self._base_key(s[2]) == self._base_key(best[2])
                                                      for s in rivals):
            # one document seen in several periods (its sources keyed "key ~date"): the same
            # document, not rivals; the period nearest this article's date takes it
            best = min([best, *rivals], key=lambda s: (self._days_from(s[2], plan), s[2]))
            rivals = []
        if best[0] < FUZZY_MIN or rivals:
            return None, "", 0.0
        return best[2], best[1], best[0]

    def _fit(self, plan: Plan, sid: int, known: Known) -> tuple[float, str]:
        """How well a source of the plan's type fits it by that type's rules: (score, reason), 0 for none."""
        if plan.type == SourceType.person:
            return _person_fit(plan, known)
        if plan.type == SourceType.organization:
            return _organization_fit(plan, known)
        if plan.type == SourceType.document and self._dates_fit(sid, plan):
            return _document_fit(plan, known)
        return NO_FIT

    def _base_key(self, sid: int) -> str:
        """A document source's key without the period its source was split off for."""
        return base_key(self._known[sid].key)

    def _days_from(self, sid: int, plan: Plan) -> int:
        """Days between the plan's article and the nearest article of a source (0 when unknown)."""
        mine = _day(plan.published) if plan.published else None
        return (self._known[sid].days_to(mine) or 0) if mine else 0

    def _dates_fit(self, sid: int, plan: Plan) -> bool:
        """Documents: a source seen only in articles far from this one's date is another document."""
        if plan.type != SourceType.document or not plan.published:
            return True
        known = self._known.get(sid)
        if known is None or not known.days:
            return True
        mine = _day(plan.published)
        if mine is None:
            return True
        window = POLL_WINDOW_DAYS if plan.key.rsplit(" ", 1)[-1] in POLL_NOUNS else DOCUMENT_WINDOW_DAYS
        return known.seen_near(mine, window)

    def _pinned(self, plan: Plan) -> int | None:
        """The source a curator tied one of the plan's names to, if any."""
        if self._pins is None:
            self._pins = {}
            for norm, sid, typ, action in self.sources.pins():
                self._pins[norm] = (sid, typ, action)
            if self._pins:
                self._load(ids=[sid for sid, _, _ in self._pins.values()])
        if not self._pins:
            return None
        # a name that lives in one article ("The Singer") follows only an alias a curator added for it
        for norm, explicit_only in ((plan.key, False), (normalize_name(plan.written), plan.scoped)):
            pin = self._pins.get(norm)
            if pin and (pin[1] is None or pin[1] in matching_types(plan.type)):
                if pin[0] in self._known and (not explicit_only or pin[2] == "alias"):
                    return pin[0]
        return None

    # ------------------------------------------------------------ new sources and writing

    def _new(self, plan: Plan) -> int:
        """Register a source to be created for ``plan`` (a temporary negative id until written)."""
        key = plan.key
        if (plan.type, key) in self._by_key:  # a document named alike but from another time
            whole = SourceKey(plan.key)  # the plan's key whole, marks and all, before the period
            key = str(whole.in_period(plan.published or str(len(self._pending))))
            n = 2
            while (plan.type, key) in self._by_key:
                key, n = str(whole.in_period(f"{plan.published} {n}")), n + 1
        known = Known(self._next_temp, plan.name.strip(), plan.type, key, role=plan.role)
        self._next_temp -= 1
        self._pending.append(known)
        self._register(known, plan)
        return known.id

    def _register(self, known: Known, plan: Plan | None = None) -> None:
        """Put a source in the in-memory index under its key, names and blocks."""
        self._known[known.id] = known
        self._by_key[(known.type, known.key)] = known.id
        if plan is not None:
            for norm in plan.norms:
                self._by_norm[(known.type, norm)].add(known.id)
            for b in plan.blocks:
                self._by_block[b].add(known.id)
            self._temp_slots[known.id] = (plan.norms, plan.blocks)

    def _flush(self, decided: list[tuple[Plan, int, str, float]]) -> None:
        """Write new sources, then the aliases, blocks and roles of everything decided."""
        remap: dict[int, int] = {}
        created = list(self._pending)
        if self._pending:
            ids = self.sources.add_sources([{"name": k.name, "type": k.type, "key": k.key, "role": None}
                                            for k in self._pending])
            remap = {k.id: ids[(k.type, k.key)] for k in self._pending if (k.type, k.key) in ids}
            self._pending = []
            self._apply_remap(remap)
        alias_rows, block_rows, role_rows = self._own_names(created, remap), [], []
        for plan, sid, reason, score in decided:
            sid = remap.get(sid, sid)
            for alias, (why, s) in plan.names.items():
                if (sid, alias) in self._aliases or is_pronoun(alias):
                    continue
                self._aliases.add((sid, alias))
                if not why:
                    why, s = reason, score
                norm = normalize_name(alias)
                alias_rows.append({"source_id": sid, "alias": alias, "norm": norm,
                                   "reason": why, "score": round(float(s), 3)})
                known = self._known.get(sid)
                if known and known.type in ORG_LIKE and not is_scoped_key(known.key) and specific_alias(alias):
                    self._new_norms.append((sid, norm))
            if not plan.scoped:
                for b in plan.blocks:
                    if (b, sid) not in self._blocks_written:
                        self._blocks_written.add((b, sid))
                        self._by_block[b].add(sid)
                        block_rows.append({"block": b, "source_id": sid})
            if plan.role and sid not in self._roles:
                self._roles.add(sid)
                role_rows.append({"sid": sid, "role": plan.role})
                self._new_roles.append((sid, plan.role))
        self.sources.add_aliases(alias_rows)
        self.sources.add_blocks(block_rows)
        self.sources.set_roles(role_rows)

    def _own_names(self, created: list[Known], remap: dict[int, int]) -> list[dict]:
        """Alias rows for the names new sources are shown under, so that a source is always found
        by the name the tool shows (a lexicon's canonical name, a person's name without titles),
        pronouns included: a source called "he" is found as "he", and is no one else's alias."""
        rows = []
        for known in created:
            sid = remap.get(known.id, known.id)
            if sid > 0 and (sid, known.name) not in self._aliases:
                self._aliases.add((sid, known.name))
                rows.append({"source_id": sid, "alias": known.name, "norm": normalize_name(known.name),
                             "reason": FIRST_SEEN, "score": 1.0})
        return rows

    def _apply_remap(self, remap: dict[int, int]) -> None:
        """Replace temporary ids by the ids the database gave."""
        if not remap:
            return
        for tid, sid in remap.items():  # only the entries of the new sources: cost ~ the batch
            known = self._known.pop(tid)
            known.id = sid
            self._known[sid] = known
            if self._by_key.get((known.type, known.key)) == tid:
                self._by_key[(known.type, known.key)] = sid
            norms, blocks = self._temp_slots.pop(tid, ((), ()))
            for slot in [self._by_norm[(known.type, n)] for n in norms] + [self._by_block[b] for b in blocks]:
                slot.discard(tid)
                slot.add(sid)
            if is_scoped_key(known.key):
                self._scoped_ids.add(sid)
        self._resolved = {k: remap.get(v, v) for k, v in self._resolved.items()}

    # ------------------------------------------------------------ loading

    def _load_for(self, plans: list[Plan]) -> None:
        """Load the stored sources any of these plans could match (by key, name and block), and
        those their affiliations, publishers and authors name (for ``find``)."""
        keys, norms = [p.key for p in plans], []
        for p in plans:
            for name in p.related:
                k, n = _find_keys(name)
                keys += k
                norms.append(n)
        self._load(keys=keys, norms=norms, blocks=[b for p in plans for b in p.blocks])

    def _load(self, keys: Iterable[str] = (), norms: Iterable[str] = (), blocks: Iterable[str] = (),
              ids: Iterable[int] = ()) -> None:
        """Fetch sources by key, alias norm, block or id into the cache (each value once while cached)."""
        new_ids: set[int] = {i for i in ids if i not in self._known}
        keys = sorted(set(keys) - self._loaded_keys)
        self._loaded_keys.update(keys)
        for row in self.sources.by_key(keys):
            self._remember(*row)
        norms = sorted(set(norms) - self._loaded_norms)
        self._loaded_norms.update(norms)
        for sid, alias, norm, name, typ, key in self.sources.by_alias_norm(norms):
            if typ in ORG_LIKE and not is_scoped_key(key) and specific_alias(alias):
                self._remember(sid, name, typ, key)
                self._by_norm[(typ, norm)].add(sid)
        blocks = sorted(set(blocks) - self._loaded_blocks)
        self._loaded_blocks.update(blocks)
        for block, sid in self.sources.in_blocks(blocks):
            self._by_block[block].add(sid)
            self._blocks_written.add((block, sid))
            if sid not in self._known:
                new_ids.add(sid)
        new_ids = {i for i in new_ids if i not in self._known}
        for row in self.sources.by_id(sorted(new_ids)):
            self._remember(*row)
        docs, self._undated = sorted(self._undated), set()
        for sid, day in self.sources.publication_days(docs):  # distinct days, not one row per article
            self._known[sid].add_date(day)

    def _remember(self, sid: int, name: str, typ: str, key: str, role: str | None = None) -> None:
        """Cache one stored source."""
        if sid not in self._known:
            self._known[sid] = Known(sid, name, typ, key, role=role)
            if is_scoped_key(key):
                self._scoped_ids.add(sid)
            elif typ == SourceType.document:
                self._undated.add(sid)
        self._by_key.setdefault((typ, key), sid)


# ---------------------------------------------------------------- helpers


def _find_keys(name: str) -> tuple[list[str], str]:
    """The keys a related name ("Foundation for Defense of Democracies") may have, and its plain norm."""
    hit = lexicon_name(name)
    person = parse_person(name)
    keys = [org_key(hit[0]) if hit else org_key(name), normalize_name(name)]
    if person and person.full:
        keys.insert(0, person.key)
    return keys, normalize_name(name)


def _ref(article: "str | ArticleRef | None") -> ArticleRef:
    """An ArticleRef from what callers pass: a ref, a bare content hash, or nothing."""
    if isinstance(article, ArticleRef):
        return article
    return ArticleRef(article or "")


def _person_fit(plan: Plan, known: Known) -> tuple[float, str]:
    """A person with a full name: compatible first names and the same or a misspelt surname
    (``person_match``), unless a loose match is contradicted by the two descriptions."""
    other = parse_person(known.key)
    if plan.person is None or other is None or not other.full:
        return NO_FIT
    score, why = person_match(plan.person, other)
    if why in LOOSE_PERSON_MATCH and roles_conflict(plan.role, known.role):
        return NO_FIT
    return score, why


def _organization_fit(plan: Plan, known: Known) -> tuple[float, str]:
    """An organization: one name the acronym of the other, else the same words up to spelling."""
    fit = _acronym_fit(plan, known)
    return fit if fit[0] else _words_fit(plan.key, known.key)


def _document_fit(plan: Plan, known: Known) -> tuple[float, str]:
    """A document: the same key as the source's (whatever its period), or one up to spelling,
    never more than the plan's own rule is worth."""
    known_base = base_key(known.key)
    score = 1.0 if known_base == plan.key else _words_fit(plan.key, known_base)[0]
    return (min(score, plan.score), "document-producer") if score else NO_FIT


def _acronym_fit(plan: Plan, known: Known) -> tuple[float, str]:
    """(ACRONYM_SCORE, "acronym") when one name is the acronym of the other ("CBO" / "Congressional
    Budget Office"), else no fit."""
    if plan.acronym and len(plan.acronym) >= 3 and plan.acronym in acronyms_of(known.name):
        return ACRONYM_SCORE, "acronym"
    known_acr = as_acronym(known.name)
    if known_acr and len(known_acr) >= 3 and known_acr in plan.acronyms:
        return ACRONYM_SCORE, "acronym"
    return NO_FIT


def roles_conflict(a: str | None, b: str | None) -> bool:
    """Whether two descriptions of a person say they are different people: both are appositives
    ("a retired letter carrier", "a University of Washington professor") sharing no content word."""
    if not a or not b:
        return False
    words = []
    for role in (a, b):
        tokens = name_words(role)
        if not tokens or tokens[0] not in ("a", "an", "the"):
            return False
        words.append({stem(w) for w in tokens if len(w) > 3 and w not in STOPWORDS})
    return bool(words[0] and words[1]) and not words[0] & words[1]


def _words_fit(a: str, b: str) -> tuple[float, str]:
    """(similarity, "spelling-variant") of two organization names that differ only in spelling, word
    by word (Defence/Defense, Abottabad/Abbottabad); no fit when any word differs for real."""
    wa, wb = content_words(a.split()), content_words(b.split())
    if len(wa) != len(wb) or not wa or a == b:
        return (1.0, SPELLING_VARIANT) if a == b and wa else NO_FIT
    from rapidfuzz.distance import Indel

    total, equal = 0.0, 0
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            total, equal = total + 1.0, equal + 1
            continue
        r = Indel.normalized_similarity(x, y)
        if min(len(x), len(y)) < 5 or not spelling_variant(x, y):
            return NO_FIT
        total += r
    score = total / len(wa)
    return (round(score, 3), SPELLING_VARIANT) if score >= 0.9 and (equal or len(wa) == 1) else NO_FIT


def _day(published: str) -> date | None:
    """The date at the start of a publication string ("2016-03-01T..."), else None."""
    try:
        return date.fromisoformat(published[:10])
    except (TypeError, ValueError):
        return None
