"""Resolution planning, pure: what each entity of an article is before anything is looked up.

The ingest workers run ``plan_article`` next to the extraction (``provenance.store.rows``),
so the writer only matches plans to stored sources (``provenance.resolve``). Each entity
gets a type, a key and blocking keys from its names and its article (``provenance.names``).
In-article rules come first: a surname alone takes the full name the article writes
("Trump" -> "Donald Trump") when only one first name goes with it; "the fund" is the one
organization of the article with that head noun; a group ("Adrian Levy and Cathy
Scott-Clarke") is keyed by its members. Anonymous sources ("two officials"), bare generic
names ("the report") and surnames the article does not resolve stay in their article
(``provenance.resolve_keys``): the same words in two articles are not the same source.

No database here, and nothing of ``provenance.store``: the store imports this module.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from provenance.aliases import clean_alias, clean_name, split_description
from provenance.models import Entity, SourceType
from provenance.names import (
    GENERIC,
    HONORIFICS,
    PRONOUNS,
    PersonName,
    acronyms_of,
    as_acronym,
    content_words,
    full_names_in,
    head_noun,
    is_pronoun,
    lexicon_name,
    normalize_name,
    org_key,
    parse_document,
    parse_person,
    person_display,
    person_match,
    soundex,
    split_group,
    surnames_score,
    visible_name,
)
from provenance.resolve_keys import SourceKey

# organizations and outlets are told apart by the lexicon, not by the extractor: each matches the other
ORG_LIKE: tuple[str, ...] = (SourceType.organization.value, SourceType.outlet.value)
# one-word names of organizations that refer back to a named one in the same article ("the fund")
ORG_HEADS = {"fund", "agency", "bureau", "company", "firm", "bank", "department", "ministry",
             "commission", "council", "committee", "court", "party", "organization", "group",
             "institute", "foundation", "union", "office", "service", "administration", "campaign",
             "network", "university", "center", "association", "board", "authority", "government"}
# reasons that say a name joined a source by resolution (not the extractor, not a curator)
FIRST_SEEN, IN_ARTICLE = "first-seen", "in-article"


def matching_types(source_type: str) -> tuple[str, ...]:
    """The types a source of this type may be the same source as: organizations and outlets
    each other (``ORG_LIKE``, in that order of preference), any other type itself only."""
    return ORG_LIKE if source_type in ORG_LIKE else (source_type,)


@dataclass(frozen=True)
class ArticleRef:
    """The article an entity comes from: its identity (content hash), text and publication date."""

    key: str
    text: str = ""
    published: str | None = None


def is_article_scoped(entity_type: str, key: str) -> bool:
    """Whether a source of this type and plain key is only meaningful inside one article."""
    return entity_type == SourceType.anonymous.value or key in GENERIC or key in PRONOUNS


@dataclass
class Plan:
    """What one entity is before anything is looked up: its key, blocks and names."""

    eid: int
    type: str
    key: str
    name: str  # the name a new source gets
    reason: str  # why a source with the same key is this one, when the names differ
    score: float = 1.0
    scoped: bool = False
    person: PersonName | None = None
    acronym: str | None = None  # the entity is written as this acronym ("CBO")
    acronyms: tuple[str, ...] = ()  # acronyms its full name makes
    blocks: tuple[str, ...] = ()
    norms: tuple[str, ...] = ()  # names that may equal a known alias of another source
    names: dict[str, tuple[str, float]] = field(default_factory=dict)  # alias -> (reason, score)
    link: int | None = None  # entity of the same article this one is
    link_reason: tuple[str, float] = ("", 0.0)
    published: str | None = None
    role: str | None = None
    fuzzy: bool = False  # may merge on similarity (persons, organizations, documents)
    written: str = ""  # the entity's name as the article wrote it
    related: tuple[str, ...] = ()  # names of its affiliations, publishers and authors


def _etype(entity: Entity) -> str:
    """The entity's type as a plain string."""
    return entity.type.value if isinstance(entity.type, SourceType) else str(entity.type)


def specific_alias(alias: str) -> bool:
    """Whether an alias can identify an organization across articles (not "it", "the agency", a clause)."""
    norm = normalize_name(alias)
    return bool(norm) and norm not in GENERIC and norm not in PRONOUNS and len(norm.split()) <= 6


def _org_blocks(key: str) -> tuple[str, ...]:
    """Blocks for spelling variants of an organization or document name: the sound of each word."""
    words = content_words(key.split())
    if not words:
        return ()
    return ("os:" + " ".join(sorted(soundex(w) for w in words)),)


def _person_blocks(p: PersonName) -> tuple[str, ...]:
    """Blocks for a full personal name: the surname, and its sound with the first initial (misspellings)."""
    last = p.last.split()[-1]
    return (f"ps:{p.last}", f"px:{soundex(last.replace('-', ''))}:{p.first[0]}")


def _scoped(eid: int, etype: str, name: str, ref: ArticleRef) -> Plan:
    """A plan for a source that exists only inside its article."""
    key = SourceKey.scoped_to(normalize_name(name), ref.key)
    return Plan(eid, etype, str(key), name, "exact-normalized", scoped=True)


def named_entity(entity: Entity) -> Entity:
    """The entity with a name and aliases that are names, not clauses (``provenance.aliases``):
    clause words cut off, aliases that name nothing dropped; the mentions keep the text as written."""
    name = clean_name(visible_name(entity.name))
    aliases = list(dict.fromkeys(a for a in (clean_alias(visible_name(x), name) for x in entity.aliases) if a))
    if name == entity.name.strip() and aliases == [a.strip() for a in entity.aliases]:
        return entity
    return entity.model_copy(update={"name": name, "aliases": aliases})


def _stored_name(name: str, etype: str) -> tuple[str, str | None]:
    """The alias stored for a name, and the description split off it (persons: "Georgia
    businessman Bruce LeVell" is stored as "Bruce LeVell", the rest is the role)."""
    return split_description(name) if etype == SourceType.person else (name, None)


def plan_entity(entity: Entity, ref: ArticleRef) -> Plan:
    """The plan of one entity, from its own names (in-article rules come after, in plan_article)."""
    entity = named_entity(entity)
    etype, name = _etype(entity), entity.name.strip()
    norm = normalize_name(name)
    if etype == SourceType.anonymous or not norm or norm in PRONOUNS or not any(c.isalpha() for c in norm):
        plan = _scoped(entity.id, etype, name, ref)
    elif etype == SourceType.document:
        plan = _plan_document(entity, ref, name, norm)
    elif etype == SourceType.person and (not lexicon_name(name) or _titled(entity) or _named_in_full(name, ref)):
        plan = _plan_person(entity, ref, name, norm)
    else:
        plan = _plan_org(entity, ref, name, norm, etype)
    shown, described = _stored_name(name, etype)
    plan.role, plan.written = entity.role or described, name
    plan.related = tuple(n for n in (*entity.affiliations, *entity.publishers, *entity.authors) if n.strip())
    plan.names.setdefault(shown, ("", 1.0))  # the reason is the match's, decided later
    for alias in entity.aliases:
        alias = _stored_name(alias, etype)[0]
        if alias and not is_pronoun(alias):
            plan.names.setdefault(alias, (IN_ARTICLE, 1.0))
    return plan


def _titled(entity: Entity) -> bool:
    """Was the person named with an honorific ("Mr Sun", "Ms Bloomberg")? Then a name the
    lexicon lists as an outlet or a body (The Sun, Bloomberg News) is still a person's."""
    return any(alias.split(maxsplit=1)[0].lower().rstrip(".") in HONORIFICS for alias in (entity.name, *entity.aliases) if alias.strip())


def _named_in_full(name: str, ref: ArticleRef) -> bool:
    """Does the article name a person in full with this one word as surname ("Chief Tim
    Fitch ... Fitch said")? Then "Fitch" is that person, not Fitch Ratings."""
    return " " not in name.strip() and bool(ref.text) and bool(full_names_in(ref.text, name.strip()))


def _plan_person(entity: Entity, ref: ArticleRef, name: str, norm: str) -> Plan:
    """Full names are keyed by their parts; a surname alone stays in its article until plan_article
    finds the full name it stands for."""
    p = parse_person(name)
    if p is None or not p.full:
        plan = _scoped(entity.id, SourceType.person.value, name, ref)
        plan.person = p
        return plan
    reason = "exact-normalized" if p.key == norm else "title-dropped"
    return Plan(entity.id, SourceType.person.value, p.key, person_display(name), reason, person=p, blocks=_person_blocks(p),
                fuzzy=True)


def _plan_org(entity: Entity, ref: ArticleRef, name: str, norm: str, etype: str) -> Plan:
    """Organizations and outlets: the lexicon's canonical name when it knows one, else the words."""
    hit = lexicon_name(name, prefer=etype)
    if hit is None:
        for alias in entity.aliases:
            if specific_alias(alias) and (hit := lexicon_name(alias, prefer=etype)):
                break
    if hit:  # blocks too, so that a misspelling the lexicon does not know still finds it
        canonical, kind = hit
        key = org_key(canonical)
        blocks = _org_blocks(key) + tuple(f"ac:{a}" for a in sorted(acronyms_of(canonical))) if kind == SourceType.organization else ()
        return Plan(entity.id, kind, key, canonical, "lexicon", norms=(normalize_name(canonical), norm), blocks=blocks,
                    fuzzy=kind == SourceType.organization)
    if etype not in ORG_LIKE:
        etype = SourceType.organization.value
    if norm in GENERIC or norm.split()[-1:] == [norm] and norm in ORG_HEADS:
        return _scoped(entity.id, etype, name, ref)
    norms = tuple(dict.fromkeys([norm, *(normalize_name(a) for a in entity.aliases if specific_alias(a))]))
    key = org_key(name)
    plan = Plan(entity.id, etype, key, name, "spelling-variant", 0.95, norms=norms)
    if etype == SourceType.organization:  # outlets never merge on similarity
        plan.fuzzy = True
        plan.acronym = as_acronym(name)
        plan.acronyms = tuple(sorted(acronyms_of(name)))
        plan.blocks = _org_blocks(key) + tuple(f"ac:{a}" for a in [plan.acronym, *plan.acronyms] if a)
    return plan


def _plan_document(entity: Entity, ref: ArticleRef, name: str, norm: str) -> Plan:
    """Documents are keyed by producer and noun ("UN report" = "United Nations report"); a bare
    "the report" or a news outlet's report stays in its article."""
    d = parse_document(name, entity.aliases, entity.authors, entity.role)
    if d is None or not d.specific:
        return _scoped(entity.id, SourceType.document.value, name, ref)
    return Plan(entity.id, SourceType.document.value, d.key, name, "document-producer", 0.9, norms=(norm,),
                blocks=(f"dk:{d.key}",) + _org_blocks(d.key), published=ref.published, fuzzy=True)


def plan_article(entities: Iterable[Entity], ref: ArticleRef) -> dict[int, Plan]:
    """Plans for every entity of one article, with the in-article rules applied."""
    entities = [named_entity(e) for e in entities]
    plans = {e.id: plan_entity(e, ref) for e in entities}
    _key_groups(entities, plans, ref)
    _link_surnames(entities, plans, ref)
    _link_heads(entities, plans)
    return plans


def _full_persons(plans: dict[int, Plan]) -> list[Plan]:
    """The plans of the article that are one person with a full name."""
    return [p for p in plans.values() if p.type == SourceType.person and p.person and p.person.full and not p.link]


def _person(plan: Plan) -> PersonName:
    """The parsed name of a plan ``_full_persons`` returned (it always has one)."""
    if plan.person is None:
        raise ValueError(f"plan {plan.eid} ({plan.name!r}) has no personal name")
    return plan.person


def _link_surnames(entities: list[Entity], plans: dict[int, Plan], ref: ArticleRef) -> None:
    """A surname alone ("Trump", "Mr Joscelyn") becomes the one full name the article gives it;
    with two first names for one surname (Bill and Hillary Clinton) it stays in its article."""
    full = _full_persons(plans)
    for e in entities:
        plan = plans[e.id]
        if plan.type != SourceType.person or not plan.scoped or not plan.person or plan.person.full or plan.link:
            continue
        last = plan.person.last
        same = [p for p in full if p.eid != e.id and surnames_score(_person(p).last, last) == 1.0]
        raw_last = e.name.split()[-1] if e.name.split() else ""
        found = [(pn, pn_text) for pn, pn_text in full_names_in(ref.text, raw_last)] if ref.text else []
        firsts = [_person(p) for p in same] + [pn for pn, _ in found]
        if not firsts or not _one_person(firsts):
            continue
        if same:
            plan.link, plan.link_reason = same[0].eid, ("in-article-fullname", 0.95)
            continue
        best, text = max(found, key=lambda f: (len(f[0].middle), len(f[1])))
        plan.key, plan.name, plan.person, plan.scoped = best.key, text, best, False
        plan.reason, plan.score, plan.fuzzy = "in-article-fullname", 0.9, True
        plan.blocks = _person_blocks(best)
        plan.names[text] = ("in-article-fullname", 0.9)


def _one_person(names: list[PersonName]) -> bool:
    """Whether all these full names can be one person (every pair compatible)."""
    return all(person_match(a, b)[0] for i, a in enumerate(names) for b in names[i + 1:])


def _link_heads(entities: list[Entity], plans: dict[int, Plan]) -> None:
    """"The fund" is the International Monetary Fund when it is the only organization of the
    article with that head noun."""
    named = [p for p in plans.values() if p.type == SourceType.organization and not p.scoped and not p.link]
    for e in entities:
        plan = plans[e.id]
        word = normalize_name(e.name)
        if not plan.scoped or plan.type not in (SourceType.organization, SourceType.anonymous) or word not in ORG_HEADS:
            continue
        fits = {p.eid for p in named if head_noun(p.name) in (word, word + "s")}
        if len(fits) == 1:
            plan.link, plan.link_reason = fits.pop(), ("in-article-head", 0.9)


def _key_groups(entities: list[Entity], plans: dict[int, Plan], ref: ArticleRef) -> None:
    """A group of named people is keyed by its members, so "Levy and Scott-Clarke" written two
    ways is one group; a member spelt differently in a group alias becomes an alias of that member."""
    individuals = _full_persons(plans)
    for e in entities:
        plan = plans[e.id]
        parts = split_group(e.name)
        if plan.type != SourceType.person or not parts:
            continue
        members = [m for m in (_member(part, individuals) for part in parts) if m is not None]
        if len(members) == len(parts):
            plan.key = " & ".join(sorted({m.key for m in members}))
            plan.scoped, plan.reason, plan.score, plan.person = False, "group-members", 0.95, None
        for alias in e.aliases:
            for part in split_group(alias):
                member, p = _member(part, individuals), parse_person(part)
                if member and p and p.full and part not in member.names:
                    score, why = person_match(p, _person(member))
                    if score:
                        member.names[part] = ("exact-normalized" if why == "same-key" else why, score)


def _member(part: str, individuals: list[Plan]) -> Plan | None:
    """The individual of the article that one part of a group names, else None."""
    p = parse_person(part)
    if p is None:
        return None
    if p.full:
        fits = [i for i in individuals if person_match(p, _person(i))[0]]
    else:
        fits = [i for i in individuals if _person(i).last == p.last]
    return fits[0] if len({f.key for f in fits}) == 1 else None


def blocks_of(name: str, type_: str) -> tuple[str, ...]:
    """The blocking keys of a source of this name and type (as resolution would give it)."""
    try:
        entity = Entity(id=0, name=name, type=SourceType(type_))
    except ValueError:
        return ()
    plan = plan_entity(entity, ArticleRef(""))
    return () if plan.scoped else plan.blocks

