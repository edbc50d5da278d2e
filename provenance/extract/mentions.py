"""Read a source noun phrase (type, name, publisher, authors, affiliation) and decide which
source of the article it refers to (in-article coreference).

Coreference follows the simple recency-and-agreement heuristics of Hobbs (1978) and
Lappin & Leass (1994), cut down to what attribution needs: a pronoun takes the nearest
earlier source of a compatible type; a surname or a definite description ("the report")
takes the nearest earlier source that it names more briefly.
"""

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from provenance.extract import grammar as g
from provenance.extract.lexicon import Lexicon, fold, lexicon, lookup
from provenance.extract.speakers import FUNCTION_WORDS, TextGender, agrees, could_be_person, first_names
from provenance.extract.text import Tokens, tokenize
from provenance.models import SourceType

Pair = tuple[int, int]
NAME_PARTICLES = frozenset(
    "of for the and".split()
) | g.NAME_PARTICLES
RECENT = 400  # how many of the latest sources coreference looks back over
_ROLE_REACH = 300  # how far back "the rookie defenceman" looks for the person it describes
# Roles of people who speak for someone else: "the spokeswoman" is rarely the person just named.
# Heads that name the one unnamed informant of a story whichever the writer picks next:
# "An insider told People ... the source said".
_CONFIDANTS = frozenset("source insider pal friend confidant".split())

# Heads of one unnamed person a story quotes: "a local farmer", "one former waiter", "a neighbour".
_UNNAMED_PEOPLE_HEADS = frozenset(
    """farmer waiter waitress neighbour neighbor resident witness worker employee driver passenger
    shopper customer parent mother father teacher nurse doctor miner fisherman fisher officer official
    source insider friend pal relative survivor victim student owner manager diner spokeswoman spokesman
    spokesperson representative rep aide guest lawyer attorney""".split()
)
# A quotation's text, whose full stops end no sentence of the narrator's.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Characters back from "he"/"she" within which the speaker just quoted keeps the pronoun.
_SPEAKER_REACH = 250
# The pronoun an unnamed person's noun takes: "A mother said ... she said", never "he said".
_HEAD_GENDER = {
    **dict.fromkeys("mother waitress spokeswoman woman girl grandmother wife daughter sister mum mom actress".split(), "she"),
    **dict.fromkeys("father waiter spokesman man boy grandfather husband son brother dad actor".split(), "he"),
}
# The end of a sentence: a full stop, question or exclamation mark (and a closing quote) before a capital.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[“\"‘']?[A-Z]")

# Characters back from "it" within which a named body, not yet a source, is its antecedent.
_IT_REACH = 200

_OTHERS_ROLES = frozenset(
    "spokesman spokeswoman spokesperson representative official aide lawyer attorney solicitor adviser advisor".split()
)

POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}
# Last words of newspaper and broadcaster names not in the lexicon: "the Springfield Herald".
OUTLET_WORDS = frozenset(
    """news times post journal journalism tribune herald gazette telegraph chronicle daily press
    magazine radio television broadcasting courier observer examiner register sentinel
    inquirer dispatch bulletin monitor standard express mirror star review echo advertiser
    argus gleaner clarion mercury zeitung allgemeine rundschau anzeiger kurier nachrichten tageblatt
    quotidien progrès progres parisien figaro monde""".split()
)  # and newspaper words of German and French titles: "Stuttgarter Zeitung", "Le Progrès"
# Head nouns of definite descriptions that point back to an outlet or an organization
# named earlier: "the newspaper", "the firm", "the fund" (Hobbs 1978's recency heuristic).
OUTLET_HEADS = frozenset(
    "newspaper paper daily tabloid network broadcaster magazine outlet publication channel station website site broadcaster".split()
)
ORG_HEADS = frozenset(
    """firm company fund agency ministry department group organization organisation
    campaign committee bank party government administration council commission
    institute foundation center centre union association court coalition alliance
    office bureau board authority movement club franchise league team army county police airline carrier
    trust university college hospital school district utility insurer lender retailer
    manufacturer automaker startup operator regulator watchdog charity network coastguard
    constabulary force""".split()
) | g.BODY_KINDS
PERSON_PARTICLES = g.NAME_PARTICLES | {"and"}
PUBLISH_WORDS = frozenset(
    "published printed seen obtained reviewed released aired broadcast posted run polled surveyed quoted cited commissioned conducted".split()
) | frozenset("made sent written given taken shown held filed drawn".split())  # "a filing made in March"


@dataclass(slots=True)
class NounPhrase:
    """What a source noun phrase says about its source."""

    span: Pair
    text: str
    type: SourceType
    name: str  # a display name: "UN report", "Thomas Joscelyn", "Associated Press"
    key: str  # folded name for matching
    head: str  # head noun, folded ("report", "experts") or last name token
    names: list[str] = field(default_factory=list)  # capitalized name words, no honorifics
    pronoun: str | None = None
    indefinite: bool = False
    definite: bool = False  # "the newspaper": may point back to a source named before
    plural: bool = False
    publisher: Pair | None = None
    authors: list[Pair] = field(default_factory=list)
    author_affiliation: Pair | None = None  # "by A and B of the Institute for X"
    affiliation: Pair | None = None
    role: str | None = None
    members: list[str] = field(default_factory=list)  # surnames of a group "A and B"


def _cap(w: str) -> bool:
    return w[:1].isupper()


def _lookup(
    lex_map: dict[str, tuple[str, str]], words: list[str], the: bool = False
) -> tuple[str, str] | None:
    if words and words[0].lower() == "the":
        words, the = words[1:], True
    return lookup(lex_map, words, the)


def initials(words: list[str]) -> str:
    """Initials of a name's content words: United Nations -> UN."""
    return "".join(w[0] for w in words if w and w.lower() not in NAME_PARTICLES and w[0].isalpha()).upper()


@dataclass(frozen=True, slots=True)
class _Phrase:
    """What a noun phrase says on its own, with offsets from its first character: all of
    ``analyse`` that depends only on the phrase's text, so it can be cached by that text.

    Sources recur within and across articles ("he", "the report", "Donald Trump"), so most
    mentions are phrases seen before. The cached value is never handed out: ``analyse``
    builds a fresh NounPhrase from it at the mention's offsets.
    """

    np: NounPhrase  # span (0, len), no role, no affiliation
    owner: Pair | None  # the possessor of "CNN’s Jake Tapper": an affiliation
    of_name: Pair | None  # the name after "a fellow at", used when nothing else affiliates


PHRASE_CACHE_SIZE = 8192  # phrases kept analysed (a few MB); the same phrases recur


def analyse(text: str, span: Pair, lex: Lexicon, extra: Pair | None = None) -> NounPhrase:
    """Type and name a source noun phrase ``text[span]``; ``extra`` is an appositive."""
    base = _phrase_of(text[span[0] : span[1]], lex)
    np, d = base.np, span[0]
    if np.pronoun is not None:
        return _placed(np, span, None, None)  # a pronoun takes no role nor affiliation
    affiliation = _shifted(base.owner, d)
    role = None
    if extra:
        role = text[extra[0] : extra[1]].strip(" ,")
        if affiliation is None:
            affiliation = _affiliation_in(text, extra, lex)
    if affiliation is None:
        affiliation = _shifted(base.of_name, d)
    return _placed(np, span, affiliation, role)


def _placed(np: NounPhrase, span: Pair, affiliation: Pair | None, role: str | None) -> NounPhrase:
    """A fresh copy of the phrase analysis ``np`` (offsets from 0) at ``span`` of the text."""
    d = span[0]
    return NounPhrase(
        span=span,
        text=np.text,
        type=np.type,
        name=np.name,
        key=np.key,
        head=np.head,
        names=list(np.names),
        pronoun=np.pronoun,
        indefinite=np.indefinite,
        definite=np.definite,
        plural=np.plural,
        publisher=_shifted(np.publisher, d),
        authors=[(a + d, b + d) for a, b in np.authors],
        author_affiliation=_shifted(np.author_affiliation, d),
        affiliation=affiliation,
        role=role,
        members=list(np.members),
    )


def _shifted(p: Pair | None, d: int) -> Pair | None:
    """Offsets ``p`` moved ``d`` characters on."""
    return None if p is None else (p[0] + d, p[1] + d)


def _phrase_of(phrase: str, lex: Lexicon) -> _Phrase:
    """The analysis of ``phrase``, from the cache when ``lex`` is the shipped lexicon."""
    if lex is lexicon():
        return _cached_phrase(phrase)
    return _read_phrase(phrase, lex)


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def _cached_phrase(phrase: str) -> _Phrase:
    return _read_phrase(phrase, lexicon())


def _read_phrase(text: str, lex: Lexicon) -> _Phrase:
    """Type and name the noun phrase ``text`` (the whole string), as ``analyse`` does.

    A chunk in the sense of Abney (1991): determiners, a core up to the first preposition,
    participle, comma or relative pronoun, then the credits after it ("published in X",
    "by A and B of Y", "a fellow at Z"). The core decides the type and the name.
    """
    t = tokenize(text, 0, len(text))
    words, lower = t.words, t.lower
    pronoun = _pronoun_phrase(text, lower)
    if pronoun is not None:
        return pronoun
    owned = _owned_outlet(words, lower)
    if owned is not None:  # "the country's state news agency VNA": the agency, not the country
        return _read_phrase(text[t.starts[owned] :], lex)
    i, indefinite, the = _determiners(lower)
    while i < len(words) - 1 and lower[i].endswith(("-based", "-headquartered")):
        i += 1  # "Calgary-based Suncor": where a body sits is no part of its name
    opening = i  # the words before it are determiners and quantities
    owner = _possessive_owner(t, words[i:], lower[i:], i, lex, the)
    if owner is not None:
        i = next(k for k in range(i, len(words)) if lower[k] in ("’s", "'s")) + 1
        # "CNN’s Jake Tapper", "the Guardian's political editor": the owner affiliates
    after_place = _after_place_owner(words, lower, i, lex) if owner is None else i
    placed = after_place > i  # "New Zealand's largest dairy co-operative"
    i = after_place
    j = _core_end(words, lower, i, lex)
    if j == i and words:
        j = min(i + 1, len(words))
    core = words[i:j] or words[:1]
    core_lower = [c.lower() for c in core]
    core_text = text[t.starts[i] : t.ends[j - 1]] if j > i else text
    if len(core) > 1 and core_lower[-1] in g.POSTNOMINAL and j < len(words) and lower[j] in g.PREPOSITIONS:
        # "a source close to the couple", "people familiar with the matter": the phrase names them
        core, core_lower, core_text = core[:-1], core_lower[:-1], text[t.starts[i] : t.ends[len(words) - 1]]
    head = core_lower[-1] if core_lower else ""
    if len(core) > 1 and _YEAR.fullmatch(head) and _cap(core[-2]):
        head = core_lower[-2]  # "the Harvest Table Hunger Report 2026": the year dates the report
    caps = [w for w in core if _cap(w)]
    honorific_free = [w for w in caps if fold(w).rstrip(".") not in lex.honorifics]
    publisher, authors, author_affiliation = _credits(t, j, lex, head if indefinite else "")
    quantity = " ".join(w for w in words[:opening] if w.lower() not in _NOT_QUANTITIES)
    typ, name = _type_of(
        core, core_lower, head, caps, honorific_free, lex, core_text, the, quantity + " " if quantity else ""
    )
    if _department_office(core_text, typ, name, lex):
        typ, name = SourceType.organization, core_text  # the office, read as "Minister for Health" is
    if typ is SourceType.person and (_team_name(core, the) or core[:2] == ["Friends", "of"]):
        typ = SourceType.organization  # "The Kelvington Huskies", "Castleford Rovers": a team, no person;
        # "The Friends of Kempton Vale Library": its supporters' group
    if owner is not None and typ is SourceType.anonymous \
            or placed and typ in (SourceType.anonymous, SourceType.organization) and not caps:  # ("... co-operative Fonterra": Fonterra)
        name = text[t.starts[opening] : t.ends[j - 1]]  # "Guardian's political editor", "China's weather bureau": owner kept
    affiliation = _of_name(t, j)
    if typ is SourceType.anonymous and affiliation is not None and owner is None and not placed \
            and (head in lex.roles or head in lex.vague or head[:-1] in lex.roles):
        # "A spokeswoman for the Department of Education": the body stays in the name a reader sees,
        # so two unnamed spokeswomen of two bodies are told apart (not "spokeswoman" twice)
        name = text[t.starts[i] : affiliation[1]]
    members = [fold(w) for w in _group_surnames(core)] if typ == SourceType.person and "and" in core_lower else []
    if len(members) < 2:
        members = []  # "dog walker and retired engineer Kevin Sun": one person, two descriptions
    np = NounPhrase(
        span=(0, len(text)),
        text=text,
        type=typ,
        name=name,
        key=_name_key(name),
        head=_head_of(typ, head, honorific_free),
        names=_name_words(typ, name, honorific_free),
        indefinite=indefinite,
        definite=the and not indefinite,
        plural=_is_plural(typ, head, members, lex.org_words),
        publisher=publisher,
        authors=authors,
        author_affiliation=author_affiliation,
        members=members,
    )
    return _Phrase(np, owner, affiliation)




DEPARTMENT_OFFICES = r"(?:Minister|Secretary|Commissioner)"  # offices named by a department: "Minister for Finance"
# An office by its department, in Irish and British style: "The Minister for Children", "Minister
# of State for Housing", "the Secretary of State for Transport".
OFFICE_FOR = re.compile(
    rf"(?:[Tt]he\s+)?(?:(?:Junior|Deputy|Shadow|Assistant|Acting|Cabinet|Prime)\s+)?{DEPARTMENT_OFFICES}"
    r"(?:\s+of\s+State)?\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|&|of|the)\s+)?[A-Z][\w'’-]*)*"
)

def _department_office(core: str, typ: SourceType, name: str, lex: Lexicon) -> bool:
    """Is ``core`` a department's office with no person named ("Secretary of State for Transport",
    "Minister for Foreign Affairs")? Then the office speaks, not its department, a place ("for
    Wales") or an outlet of the same name ("Foreign Affairs"). A person read after it by two words
    or more is the office holder ("Minister of State for Housing Deirdre Fallon")."""
    if OFFICE_FOR.fullmatch(core) is None:
        return False
    words = name.split()
    return typ is not SourceType.person or len(words) == 1 or lookup(lex.places, words) is not None


def _after_place_owner(words: list[str], lower: list[str], i: int, lex: Lexicon) -> int:
    """Where a description or a person starts after a country that owns it ("New Zealand's largest
    dairy co-operative", "Australia's fifth-largest superannuation fund", "Russia's Vladimir Putin",
    "Britain's Prime Minister Theresa May"): what follows "'s" is a body or a person of that country,
    which is no source itself; ``i`` when the phrase opens otherwise. A capitalized body keeps its
    country ("Nevada's Democratic party" is no "Democratic party")."""
    k = next((k for k in range(i + 1, min(len(words), i + 4)) if lower[k] in ("'s", "’s")), None)
    if k is None or k + 1 >= len(words) or lookup(lex.places, words[i:k]) is None:
        return i
    if words[k + 1].islower() or _names_a_person(words[k + 1 : k + 3], lex):
        return k + 1
    return i


def _names_a_person(words: list[str], lex: Lexicon) -> bool:
    """Do these words open a person's name or title (a given name, "President", "Prime Minister")?"""
    first = words[0].lower() if words else ""
    return first in first_names() or fold(first).rstrip(".") in lex.honorifics \
        or fold(" ".join(words[:2])).rstrip(".") in lex.honorifics


def _name_words(typ: SourceType, name: str, caps: list[str]) -> list[str]:
    """The words a source is matched and gendered by: for a person, the words of the name
    itself ("Hillary Clinton" of "U.S. Democratic presidential candidate Hillary Clinton",
    "Meenakshi Rathore" of "Superintendent of Police Meenakshi Rathore"), else the
    capitalized words of the phrase."""
    if typ is SourceType.person:
        words = [w for w in name.split() if _cap(w)]
        if words and all(w in caps for w in words):
            return words
    return caps


def _name_key(name: str) -> str:
    """The folded name that mentions are matched by, without a leading "the"."""
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


def _head_of(typ: SourceType, head: str, names: list[str]) -> str:
    """The head a mention is matched by: a person's last name word, else the head noun."""
    if typ == SourceType.person and names:
        return fold(names[-1])
    return head


def _is_plural(typ: SourceType, head: str, members: list[str], org_words: frozenset[str] = frozenset()) -> bool:
    """A group of people ("A and B", "the family": "they" refers to it), or a plural head
    noun that names no person; a company whose name ends in a plural business word is one
    body ("Brackenfield Appliances ... it said")."""
    if (head in _COLLECTIVES or head in _IRREGULAR_PLURALS) and typ != SourceType.person:
        return True
    if typ == SourceType.organization and head in org_words:
        return False
    return head.endswith("s") and not head.endswith("ss") and typ != SourceType.person or bool(members)


_COLLECTIVES = frozenset("family crew couple".split())
# Plural heads without an -s: "two people familiar with the talks ... one of them".
_IRREGULAR_PLURALS = frozenset("people men women children police folk".split())


# Determiners that are not quantities: "three officials" keeps "three", "the officials" no word.
_NOT_QUANTITIES = frozenset("a an the this that these those his her their its our my your".split())


def _pronoun_phrase(text: str, lower: list[str]) -> _Phrase | None:
    """A phrase that is one pronoun ("he", "they") or possessive ("her" of "her claim",
    resolved as "she"): typed person for he/she/I, anonymous otherwise."""
    if len(lower) != 1 or not (lower[0] in g.PRONOUNS or lower[0] in POSSESSIVE_PRONOUNS):
        return None
    p = POSSESSIVE_PRONOUNS.get(lower[0], lower[0])
    typ = SourceType.person if p in ("he", "she", "i") else SourceType.anonymous
    return _Phrase(
        NounPhrase((0, len(text)), text, typ, text, p, p, pronoun=p, plural=p in ("they", "we")), None, None
    )


def _determiners(lower: list[str]) -> tuple[int, bool, bool]:
    """The first token after the leading determiners, whether one is indefinite ("a",
    "some") and whether one is "the"."""
    i = 0
    indefinite = the = False
    while i < len(lower) and lower[i] in g.DETERMINERS:
        indefinite = indefinite or lower[i] in g.INDEFINITE
        the = the or lower[i] == "the"
        i += 1
    return i, indefinite, the


def _core_end(words: list[str], lower: list[str], i: int, lex: Lexicon) -> int:
    """End of the core that starts at ``i``: up to a preposition, auxiliary, participle,
    comma or relative pronoun, but letting particles sit inside capitalized names
    ("Foundation for Defense of Democracies")."""
    j = i
    while j < len(words):
        w, low = words[j], lower[j]
        if low in g.BOUNDARY_PUNCT or low in ("who", "which", "that", "whose"):
            break
        if _particle_inside_name(words, lower, i, j):
            j += 1
            continue
        if _surname_like(words, j, i):
            j += 1  # "Theresa May", "Ms. May", "Will" after a name: a surname, not a modal
            continue
        if low in ("’s", "'s") and j > i and j + 1 < len(words) and _listed_with_possessive(words, i, j, lex):
            j += 2  # "Woman's Day", "People's Daily": a listed name with a possessive inside
            continue
        if low in ("’s", "'s") and j > i and j + 1 < len(words) and (
            _possessed_person(lower[j + 1], lex)
            or j + 2 < len(words) and words[j + 1].isalpha() and words[j + 1].islower() and _possessed_person(lower[j + 2], lex)
        ):
            j += 1  # "Mrs Pryor's family", "the clinic's nurse", "Niamh's pro partner": they speak, not the owner
            continue
        if low in ("’s", "'s") and j > i and _cap(words[j - 1]) and _owned_body(lower, j + 1):
            j += 1  # "Manitoba's nurses union", "China's weather bureau": the body speaks, not the place
            continue
        if low in ("’s", "'s") and j > 1 and lower[j - 2] in ("the", "a", "an") and not _cap(words[j - 1]) \
                and (_owned_document(lower, j + 1, lex) or _owned_body(lower, j + 1)):
            j += 1  # "the town's own budget documents", "a consultant's study": the document or the body
            continue  # ("Foster's book" stays its author's)
        if low in g.ADVERBS and j > i and j + 1 < len(words) and words[j + 1].islower() \
                and (lower[j + 1] in PUBLISH_WORDS or lower[j + 1] in ("reported", "published")):
            break  # "a leaked letter first reported by the Yorkshire Post": the adverb opens the participle
        if w[:1].isupper() and w[1:].islower() and low in _TITLE_SMALL_WORDS and j > i and _cap(words[j - 1]) \
                and j + 1 < len(words) and _cap(words[j + 1]):
            j += 1  # "Married At First Sight groom Brody Kinsella", "Home And Away star": a show's title
            continue
        if low in ("of", "for") and j > i and lower[j - 1] in lex.roles:
            named = _name_after_role_of(words, j + 1)
            if named is not None:
                j = named  # "Council director of services Eamonn Kiernan": the role's object, then the name
                continue
        if low in g.PREPOSITIONS or low in g.AUXILIARIES:
            break
        if j > i and w.islower() and (low.endswith("ed") or low in PUBLISH_WORDS) and low not in lex.documents \
                and not (j + 1 < len(words) and lower[j + 1] in lex.roles) and not lower[j - 1].endswith("ly"):
            break  # "report published in ...", "a letter seen by ..."; not "retired engineer Kevin
            # Sun" nor "newly released documents"
        j += 1
    return j


# Small words a show's or a book's title capitalizes inside it: "Married At First Sight".
_TITLE_SMALL_WORDS = frozenset("at in on for of and to with from by the".split())


def _name_after_role_of(words: list[str], k: int) -> int | None:
    """After "<role> of" at ``k``: where a name starts past up to three lowercase words
    ("director of services Eamonn Kiernan", "head of research Jane Doe"); None when no
    name of two capitalized words follows them."""
    m = k
    while m < len(words) and m - k < 3 and words[m].isalpha() and words[m].islower():
        m += 1
    if m == k or m + 1 >= len(words) or not (_cap(words[m]) and _cap(words[m + 1])):
        return None
    return m


def _possessed_person(low: str, lex: Lexicon) -> bool:
    """Does ``low`` after a possessive name a person the owner has ("family", "lawyer",
    "partner")?"""
    low = low.removeprefix("ex-")  # "Daly's ex-husband"
    return low in g.POSSESSED_PEOPLE or low in lex.roles


def _owned_document(lower: list[str], k: int, lex: Lexicon) -> bool:
    """Is a document's noun among the four lowercase words from ``k`` ("own budget
    documents", "annual report") after a possessive?"""
    for m in range(k, min(len(lower), k + 4)):
        if lower[m] in lex.documents:
            return True
        if not lower[m].isalpha():
            return False
    return False


def _owned_body(lower: list[str], k: int) -> bool:
    """Is a body's noun among the four words from ``k`` ("nurses union", "weather bureau",
    "health ministry"), after a place's possessive, with only words before it?"""
    for m in range(k, min(len(lower), k + 4)):
        if lower[m] in _OWNED_BODIES or lower[m] in ORG_HEADS:  # "Ireland's grid operator", "Britain's biggest lender"
            return True
        if not lower[m].isalpha():
            return False
    return False


# Nouns for bodies a place or a body owns: "Manitoba's nurses union", "Kenya's interior ministry".
_OWNED_BODIES = frozenset(
    """union ministry bureau department agency regulator authority commission federation association
    council institute service office watchdog""".split()
)


def _surname_like(words: list[str], j: int, i: int) -> bool:
    """Is capitalized token ``j`` a name word after another capitalized one of the same
    phrase ("Elizabeth May", "Ms. May") rather than a modal opening the predicate?"""
    w = words[j]
    return j > i and w.lower() in g.SURNAME_MODALS and w[:1].isupper() and w[1:].islower() and _cap(words[j - 1])


def _particle_inside_name(words: list[str], lower: list[str], i: int, j: int) -> bool:
    """Is token ``j`` a particle between capitalized words of one name ("Bank of
    England", "Institute for the Study of War")?"""
    return (
        lower[j] in NAME_PARTICLES
        and j > i
        and _cap(words[j - 1])
        and j + 1 < len(words)
        and (_cap(words[j + 1]) or lower[j + 1] == "the")
        and not (lower[j] in ("of", "for", "at") and _person_named(words, i, j))
        and not (lower[j] in ("of", "for", "at") and _people_noun(lower[j - 1]) and not _listed_from(words, i, j)
                 and not _friends_group(words, lower, i, j))
        # ("Residents of Hexley" are people from somewhere; "Friends of the Earth" is a listed body)
    )


def _friends_group(words: list[str], lower: list[str], i: int, j: int) -> bool:
    """Is "of" at ``j`` inside a supporters' group's name ("The Friends of Kempton Vale Library"):
    "the" before a capitalized "Friends", a capitalized name after "of"? ("friends of the
    couple" are people.)"""
    return j == i + 1 and i > 0 and lower[i - 1] == "the" and words[i] == "Friends" and _cap(words[j + 1])


def _listed_from(words: list[str], i: int, j: int) -> bool:
    """Do the words from ``i`` past the particle at ``j`` make a listed body or outlet?"""
    lex = lexicon()
    return any(lookup(lex.organizations, words[i:k]) or lookup(lex.outlets, words[i:k]) for k in range(j + 2, min(len(words), j + 5) + 1))


def _people_noun(low: str) -> bool:
    """Is ``low`` a plural noun for people ("residents", "members", "officials"), whose "of X"
    says where they belong, not part of one name ("Residents of Hexley")?"""
    lex = lexicon()
    return low.endswith("s") and (low in lex.vague or low[:-1] in lex.roles)  # plural: not "Minister for X"


def _person_named(words: list[str], i: int, j: int) -> bool:
    """Do the words ``i..j`` (exclusive) name a person, a given name and a surname after any
    title ("Const. Harpreet Sandhu", "Dana Rutledge")? Then "of the Heron Point Police
    Service" after them is where the person works, not part of one name."""
    k = i
    while k < j and (words[k].endswith(".") or fold(words[k]) in lexicon().honorifics or words[k].lower() in lexicon().roles):
        k += 1  # "Const. Harpreet Sandhu", "Farmer Dilip Hazarika"
    titled = k > i
    return j - k == 2 and (titled or words[k].lower() in first_names()) and _cap(words[k]) and _cap(words[k + 1])


def _possessive_owner(
    t: Tokens, core: list[str], core_lower: list[str], i: int, lex: Lexicon, the: bool = False
) -> Pair | None:
    """The listed outlet or organization that opens a possessive core ("CNN’s Jake
    Tapper", "Reuters’s editor", "the Guardian's political editor", "Fine Gael's Bríd
    Cotter"): the source's affiliation, while the words after it name the source."""
    k = next((k for k in range(1, min(4, len(core) - 1)) if core_lower[k] in ("’s", "'s")), None)
    if k is not None and (k == 1 and _lookup(lex.outlets, core[:k], the) or _lookup(lex.organizations, core[:k], the)):
        return (t.starts[i], t.ends[i + k - 1])  # (an outlet of several words owns a programme: _programme_owner)
    return None


def _of_name(t: Tokens, j: int) -> Pair | None:
    """The capitalized name after "of/at/for/with" that follows the core at ``j`` ("a
    fellow at the Brookings Institution"): an affiliation when nothing else gives one."""
    if j < len(t) and t.lower[j] in ("of", "at", "for", "with"):
        e = _name_end(t.words, t.lower, j + 1)
        if e > j + 1 and _cap(t.words[e - 1]):
            return (t.starts[j + 1], t.ends[e - 1])
    return None


def _credits(t: Tokens, k: int, lex: Lexicon, head: str = "") -> tuple[Pair | None, list[Pair], Pair | None]:
    """Publisher, authors and the authors' affiliation named after the core (headed by
    ``head``, given for an indefinite phrase) from token ``k``: "published in the Sunday
    Times", "by A and B of the Institute for X", "a report in Bombay Times" (a news item in
    a titled publication; not "the report in Athlone")."""
    words, lower = t.words, t.lower
    publisher: Pair | None = None
    authors: list[Pair] = []
    author_affiliation: Pair | None = None
    while k < len(words):
        # a credit word is written in lower case: "By" in "Peace By Chocolate" is part of a name
        m = _credit_name_start(lower, k) if words[k].islower() else -1
        e = _name_end(words, lower, m) if m >= 0 else m
        if e <= m:
            k += 1
            continue
        if publisher is None and (
            _lookup(lex.outlets, words[m:e]) or lower[k] in PUBLISH_WORDS and any(_cap(w) for w in words[m:e])
            or lower[k] == "in" and head in NEWS_ITEMS and publication_title(words[m:e])
        ):
            publisher = (t.starts[m], t.ends[e - 1])
        elif lower[k] == "by" or (k > 0 and lower[k - 1] == "by") or lower[m - 1] == "by":
            e, found, affiliation = _authors_at(t, m)
            authors.extend(found)
            author_affiliation = affiliation or author_affiliation
        k = e
    return publisher, authors, author_affiliation


# News items that appear in a publication: "a report in Bombay Times", "a story in Rapport".
NEWS_ITEMS = frozenset("report story article column interview piece".split())


def publication_title(words: list[str]) -> bool:
    """Could ``words`` after "a report in" be a publication's title: capitalized words, no
    month, weekday or listed place ("in March", "in Kenya", "in Parliament" are not)?"""
    names = [w for w in words if w.lower() != "the"]
    return bool(names) and all(_cap(w) for w in names) and not _is_place(names) and \
        names[0].lower() not in g.MONTHS and names[0].lower() not in g.TIME_WORDS and names[0].lower() not in _NOT_TITLES


_NOT_TITLES = frozenset("parliament congress court council the senate".split())


def _credit_name_start(lower: list[str], k: int) -> int:
    """Where a credited name starts after a credit word at ``k`` ("published (in)", "in",
    "by"), or -1 when ``k`` is none."""
    low = lower[k]
    if not (low in PUBLISH_WORDS or low in ("in", "by") and k + 1 < len(lower)):
        return -1
    m = k + 1
    if low in PUBLISH_WORDS and m < len(lower) and lower[m] in ("in", "by", "on"):
        m += 1
    return m


def _authors_at(t: Tokens, m: int) -> tuple[int, list[Pair], Pair | None]:
    """The authors named from token ``m`` (people: "A and B", not "of X"), the token after
    them, and their affiliation ("... of the Institute for X") when one follows."""
    words, lower = t.words, t.lower
    e = _name_end(words, lower, m, PERSON_PARTICLES)
    authors = _author_spans(t, m, e)
    if e + 1 < len(words) and lower[e] in ("of", "at", "from"):
        f = _name_end(words, lower, e + 1)
        if f > e + 1 and _cap(words[f - 1]):
            g0 = e + 1 + (lower[e + 1] == "the")
            return f, authors, (t.starts[g0], t.ends[f - 1])
    return e, authors, None


# Words that may open a credited name before its capitalized words: "the", "both writers".
_NAME_LEADS = ("the", "both", "writers", "two", "reporters", "journalists")


def _name_end(words: list[str], lower: list[str], m: int, particles: frozenset[str] = NAME_PARTICLES) -> int:
    """End of a capitalized name (with ``particles`` inside) starting at ``m``, after an
    optional 'the' or 'both writers'; ``m`` when there is none."""
    e = m
    if e < len(words) and lower[e] in _NAME_LEADS:
        e += 1
        while e < len(words) and words[e].islower() and lower[e] not in g.PREPOSITIONS and lower[e] != "and":
            e += 1
    start = e
    while e < len(words) and (
        _cap(words[e]) or e > start and (lower[e] == "-" or _particle_before_name(words, lower, e, particles))
    ):
        e += 1
    return e if e > start else m


def _particle_before_name(words: list[str], lower: list[str], e: int, particles: frozenset[str]) -> bool:
    """Is token ``e`` one of ``particles`` followed by a capitalized word (or "the" and
    one): "Bank [of] England", "Institute [for] the Study of War"?"""
    return (
        lower[e] in particles
        and e + 1 < len(words)
        and (_cap(words[e + 1]) or lower[e + 1] == "the" and e + 2 < len(words) and _cap(words[e + 2]))
    )


def _author_spans(t, m: int, e: int) -> list[Pair]:
    """The authors named in tokens m..e: the group as a whole first, then each one."""
    names = _split_names(t, m, e)
    if len(names) > 1:
        return [(names[0][0], names[-1][1]), *names]
    return names


def _split_names(t, m: int, e: int) -> list[Pair]:
    """Names in tokens m..e split on 'and' and commas."""
    out = []
    s = m
    while s < e and not _cap(t.words[s]):
        s += 1
    k = s
    while k <= e:
        if k == e or t.lower[k] in ("and", ","):
            if k > s:
                out.append((t.starts[s], t.ends[k - 1]))
            s = k + 1
        k += 1
    return out


def _group_surnames(core: list[str]) -> list[str]:
    """The last capitalized word before each "and" and at the end: the surnames of a group
    ("Adrian Levy and Cathy Scott-Clarke")."""
    out = []
    prev = None
    for w in core:
        if w.lower() == "and":
            if prev:
                out.append(prev)
            prev = None
        elif _cap(w):
            prev = w
    if prev:
        out.append(prev)
    return out


def _affiliation_in(text: str, extra: Pair, lex: Lexicon) -> Pair | None:
    """The organization an appositive ties a person to: 'a fellow at the X Institute'."""
    t = tokenize(text, extra[0], extra[1])
    for k, low in enumerate(t.lower):
        if low in ("at", "of", "for", "with", "from") and k + 1 < len(t):
            e = _name_end(t.words, t.lower, k + 1)
            if e > k + 1 and _cap(t.words[e - 1]):
                m = k + 1
                while m < e and not _cap(t.words[m]):
                    m += 1
                return (t.starts[m], t.ends[e - 1])
    return None


def _type_of(
    core, core_lower, head, caps, names, lex: Lexicon, joined: str, the: bool = False, quantity: str = ""
) -> tuple[SourceType, str]:
    """Decide a source's type from its core words; returns (type, display name).

    In order: a listed name, a description by its head noun (a document, a vague or role
    noun), an outlet or organization word, and a capitalized name. Lexicon names match
    only as proper names (capitalized last word): "the information" is not the outlet
    The Information.
    """
    proper = bool(core) and not core[-1].islower()
    listed = _listed_type(core, the, lex) if proper else None
    station = None if listed else _station(joined.split())  # the core splits "2GB" into a figure and "GB"
    if station is not None:
        return SourceType.outlet, station
    if listed is not None:
        return listed
    outlet = outlet_by_head(core)
    if outlet is not None:
        return SourceType.outlet, outlet
    if proper and len(core) > 1 and all(_cap(w) for w in core) and core_lower[-1] in _NAMED_OUTLET_ENDS \
            and (core_lower[-1] == "fm" or core_lower[0] not in first_names()):
        return SourceType.outlet, joined  # "The Tillamore Ferry Observer", "Clare FM"
    if "&" in core and proper:
        return SourceType.organization, _after_role(core, joined)  # "Hennig & Voigt": a firm, no one person
    agency = _news_agency(core, lex)
    if agency is not None:
        return SourceType.outlet, agency  # "the official Xinhua news agency", "The PA news agency"
    described = _described_type(core, core_lower, head, lex, joined, quantity)
    if described is not None:
        return described
    if proper and core_lower[-1].rpartition("-")[2] in OUTLET_WORDS:
        return SourceType.outlet, joined  # "the Daily News", "the Tribune"
    if proper and len(core) > 1 and _desk_words(core, lex) and _lookup(lex.outlets, core[:1]) \
            and (core[0].isupper() or core[0].lower() not in first_names()):  # "Ana Ruiz" is no desk of ANA
        return SourceType.outlet, joined  # a desk of a listed outlet: "BBC Sport", "CBC News", "RTÉ Radio 1"
    if len(core) > 1 and core_lower[-1] in _MEDIUM_HEADS and all(_cap(w) for w in core[:-1]):
        return SourceType.outlet, " ".join(core[:-1])  # "the RTV channel", "the Globe newspaper", "ABC radio"
    if _named_after_company_head(core):
        return SourceType.organization, _after_role(core, joined)  # "pump maker Elsbach Hydraulik"
    if _named_after_role(core, lex) or _named_after_honorific(core, lex):
        return SourceType.person, _person_name(core, lex)  # "Green party leader Elizabeth May"
    if any(w in lex.org_words for w in core_lower):
        return SourceType.organization, _after_role(core, joined)
    if quantity and len(names) == 1 and names[0].lower() in _PARTY_MEMBERS:
        return SourceType.anonymous, quantity + joined  # "One senior Liberal told her": a member unnamed
    if caps and _cap(core[-1]):
        return _named_type(core, names, lex, joined)
    return SourceType.anonymous, joined


# A broadcaster's call sign: "KQRV-TV", "WXYZ-FM" (North America), "2GB", "3AW" (Australia).
_CALL_SIGN = re.compile(r"[KWC][A-Z]{2,3}-(?:TV|FM|AM|DT)|[1-9][A-Z]{2}")


def _station(core: list[str]) -> str | None:
    """The name of a station named by its call sign, alone or with its medium ("told
    KQRV-TV", "told 2GB radio"), or by its channel ("Channel Nine"), else None."""
    if len(core) == 1 and _CALL_SIGN.fullmatch(core[0]) and "-" in core[0]:
        return core[0]
    if len(core) == 2 and _CALL_SIGN.fullmatch(core[0]) and core[1].lower() in ("radio", "tv", "television", "station"):
        return core[0]
    if len(core) == 2 and core[0] == "Channel" and (core[1][:1].isupper() or core[1].isdigit()):
        return " ".join(core)  # "Channel Nine", "Channel 4"
    return None


def _desk_words(core: list[str], lex: Lexicon) -> bool:
    """Can ``core`` name a desk, station or regional service of the outlet its first word
    names: capitalized words and numbers, "and" between two of them ("BBC Radio 5 Live",
    "RTÉ Radio 1", "ABC Midwest and Wheatbelt"; "BBC and ITV" are two outlets)?"""
    return all(
        _cap(w) or w.isdigit()
        or w == "and" and 0 < i < len(core) - 1 and _cap(core[i + 1]) and not _lookup(lex.outlets, core[i + 1 :])
        for i, w in enumerate(core)
    )


def _after_role(core: list[str], joined: str) -> str:
    """A body's name without a lowercase description before it ("Textile maker Suryakant
    Mills" -> "Suryakant Mills"); particles inside the name stay ("Bank of England")."""
    k = len(core)
    while k > 0 and (_cap(core[k - 1]) or core[k - 1].lower() in _NAME_INSIDE and k < len(core)):
        k -= 1
    while k < len(core) and not _cap(core[k]):
        k += 1  # a name does not open with a particle
    lowered = [w for w in core[:k] if not _cap(w)]
    return " ".join(core[k:]) if lowered and 0 < k < len(core) else joined


# Lowercase words inside a body's name: particles ("Bank of England") and a possessive
# ("Fenwick County Sheriff's Office", "the Manhattan District Attorney's Office").
_NAME_INSIDE = NAME_PARTICLES | {"'s", "’s", "&", "'", "’"}


# Last words of an outlet's proper name that are also nouns for people: "The Tillamore Ferry
# Observer", "the Springfield Guardian"; one that is also a document: "the Millbrook Ledger";
# and a station's band: "Clare FM".
_NAMED_OUTLET_ENDS = frozenset("observer guardian examiner reporter advocate courier messenger ledger fm".split())


# Heads after an outlet's name: "the Globe newspaper", "ABC radio", "Sky television".
_MEDIUM_HEADS = OUTLET_HEADS | {"radio", "television", "tv", "podcast"}


# Heads that make a description an outlet whatever name goes with it.
# (OUTLET_HEADS without the words that also head other things: "paper", "site", ...)
_PAPER_HEADS = OUTLET_HEADS - {"paper", "outlet", "publication", "site"}


def _owned_outlet(words: list[str], lower: list[str]) -> int | None:
    """Where an outlet after a possessor starts ("the country's state news agency VNA" ->
    "state", "Japan's Kyodo News" -> "Kyodo"), or None."""
    k = next((k for k in range(min(len(words), 5)) if lower[k] in ("'s", "’s")), None)
    if k is None or k + 1 >= len(words):
        return None
    end = next((e for e in range(k + 1, len(words)) if lower[e] in g.BOUNDARY_PUNCT), len(words))
    if outlet_by_head(words[k + 1 : end]) or lookup(lexicon().outlets, words[k + 1 : end]):
        return k + 1  # "Japan's Kyodo News": the listed outlet, not the country
    return None


def outlet_by_head(core: list[str]) -> str | None:
    """The outlet's name in a description by an outlet head: a name before it ("the Nikkei
    business daily") or after it ("state news agency VNA", "broadcaster RTV"); None for
    any other phrase."""
    low = [w.lower() for w in core]
    if len(core) > 1 and low[-1] in _PAPER_HEADS:
        k = 0
        while k < len(core) - 1 and _cap(core[k]):
            k += 1
        return " ".join(core[:k]) if k else None
    for i in range(len(core) - 2, -1, -1):
        if core[i].islower() and (low[i] in _PAPER_HEADS or low[i] == "agency" and i > 0 and low[i - 1] == "news"):
            tail = core[i + 1 :]
            return " ".join(tail) if all(_cap(w) for w in tail) else None
    return None


def _named_after_company_head(core: list[str]) -> bool:
    """Does the core end in a name after a lowercase noun for a business ("German industrial
    pump maker Elsbach Hydraulik", "chipmaker Nvantis", "lender Harwell")? News names a
    company after its trade as it names a person after their office."""
    run = _last_name_run(core)
    k = len(core) - len(run)
    if not (0 < k and run and core[k - 1].islower() and core[k - 1] in _BUSINESS_NOUNS):
        return False
    return len(run) == 1 or run[0].lower() not in first_names()  # "retailer Jo Smith" is a person


_WORD_BEFORE = re.compile(r"([a-z]+)\s+$")


def with_trade(text: str, span: Pair) -> Pair:
    """``span`` widened to a business noun just before it ("pump maker Elsbach Hydraulik"),
    so that a name found in running text is typed by its trade as a source would be."""
    m = _WORD_BEFORE.search(text, max(0, span[0] - 24), span[0])
    return (m.start(1), span[1]) if m and m.group(1) in _BUSINESS_NOUNS else span




def _named_after_honorific(core: list[str], lex: Lexicon) -> bool:
    """Does the core end in a name after an honorific ("Union Minister for Consumer Affairs
    Shri Piyush Rathod", "... Smt. Supriya Nair")? Then the office before it, however many
    body words it holds, describes the person."""
    last = max((k for k, w in enumerate(core[:-1]) if fold(w).rstrip(".") in lex.honorifics and _cap(w)), default=-1)
    if last < 1:
        return False
    name = [w for w in core[last + 1 :] if w != "."]  # "Smt. Supriya Nair": the title's full stop
    return 1 <= len(name) <= 3 and all(_cap(w) and w.lower() not in lex.org_words for w in name) and could_be_person(name)


def _named_after_role(core: list[str], lex: Lexicon) -> bool:
    """Does the core end in a full name after a lowercase role noun ("Bank of England
    governor Mark Carney", "Green party leader Elizabeth May") or after a capitalized
    office ("Superintendent of Police Meenakshi Rathore")? Then it is that person, whatever
    organization words describe the role (news style: title before the name)."""
    run = _last_name_run(core)
    k = len(core) - len(run)
    if k > 0 and core[k - 1].islower() and (core[k - 1] in lex.roles or _role_of_before(core, k, lex)):
        return len(run) >= 2 and not any(w.lower() in lex.org_words for w in run)
    if k == 0 and fold(core[0]).rstrip(".") in lex.offices:
        name = _person_name(core, lex).split()
        return 2 <= len(name) < len(core) and not any(w.lower() in lex.org_words for w in name)
    return False


def _role_of_before(core: list[str], k: int, lex: Lexicon) -> bool:
    """Do the lowercase words before ``k`` read "<role> of <object>" ("director of
    services", "head of research") right before a name?"""
    m = k - 1
    while m > 0 and core[m].islower() and core[m] not in ("of", "for") and k - m <= 3:
        m -= 1
    return m > 0 and core[m] in ("of", "for") and core[m - 1] in lex.roles


def _joined(words: list[str]) -> list[str]:
    """``words`` with each possessive clitic joined to the word before it, as the lists
    write names: ["Woman", "'s", "Day"] -> ["Woman's", "Day"]."""
    out: list[str] = []
    for w in words:
        if w in ("’s", "'s") and out:
            out[-1] += w
        else:
            out.append(w)
    return out


def _listed_with_possessive(words: list[str], i: int, j: int, lex: Lexicon) -> bool:
    """Is the possessive at ``j`` inside a listed outlet's or body's name that starts at
    ``i`` ("Woman's Day", "People's Daily")?"""
    for k in range(j + 2, min(len(words), j + 4) + 1):
        joined = _joined(words[i:k])
        if lookup(lex.outlets, joined) or lookup(lex.organizations, joined):
            return True
    return False


def _listed_type(core: list[str], the: bool, lex: Lexicon) -> tuple[SourceType, str] | None:
    """A listed outlet, organization or place ("Iran said": a government speaking), with
    its listed name."""
    if "'s" in core or "’s" in core:
        core = _joined(core)
    for names, typ in (
        (lex.outlets, SourceType.outlet),
        (lex.organizations, SourceType.organization),
        (lex.places, SourceType.organization),
    ):
        hit = _lookup(names, core, the)
        if hit:
            return typ, hit[0]
    return None


def _described_type(
    core: list[str], core_lower: list[str], head: str, lex: Lexicon, joined: str, quantity: str
) -> tuple[SourceType, str] | None:
    """A description by its head noun: a document ("the report", "two studies"), an
    office held by one person ("the mayor"), or a vague or role noun ("officials",
    "three analysts": anonymous, keeping the quantity)."""
    if head in ("reports", "rumours", "rumors") and core_lower[0] not in g.DETERMINERS:
        return SourceType.anonymous, quantity + joined  # "media reports", "Reports say": hearsay, no one document
    bare_head = head[:-1] if head.endswith("s") and head[:-1] in lex.documents else head
    if head in lex.documents or bare_head in lex.documents:
        return SourceType.document, joined
    if len(core) == 1 and _cap(core[0]) and head.endswith("s") and head[:-1] in lex.roles:
        return SourceType.anonymous, quantity + joined  # "Farmers say ...": a role's plural opening a sentence
    if _named_force(core, head, lex):
        return SourceType.organization, joined  # "Essex Police", "North Riding Police": a named body
    if head in lex.vague or head in lex.roles and not _cap(core[-1]):
        if head in lex.offices and core_lower[0] in ("the",) and len(core) <= 2:
            return SourceType.person, joined
        return SourceType.anonymous, quantity + joined
    return None


def _news_agency(core: list[str], lex: Lexicon) -> str | None:
    """The listed outlet a phrase names before "news agency", after any adjectives ("the
    official Xinhua news agency", "the state-run Yonhap news agency", "The PA news agency"):
    the agency itself, not an organization of that description."""
    if len(core) < 3 or [w.lower() for w in core[-2:]] != ["news", "agency"]:
        return None
    k = len(core) - 2
    while k > 0 and _cap(core[k - 1]):
        k -= 1
    hit = (_lookup(lex.outlets, core[k:]) or _lookup(lex.outlets, core[k:-2])) if k < len(core) - 2 else None
    return hit[0] if hit else None


def _named_force(core: list[str], head: str, lex: Lexicon) -> bool:
    """Is ``core`` a police force by its proper name ("Essex Police", "North Riding
    Police"), not one described by its place ("Sydney police")? Capitalized words
    throughout; only "police" and "defence" ("Civil Defence"), which name a body where
    "officials" names people."""
    return head in _FORCE_HEADS and head in lex.vague and len(core) > 1 and all(_cap(w) for w in core)


# Vague heads that end the proper name of a body: "Essex Police", "Civil Defence".
_FORCE_HEADS = frozenset("police defence defense".split())


# One word with a capital inside that is no name prefix ("TransLink", not "McCallum", "DeSantis").
_CAMEL = re.compile(r"(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z][a-z]+[A-Z][a-z]+")


def _named_type(core: list[str], names: list[str], lex: Lexicon, joined: str) -> tuple[SourceType, str]:
    """A capitalized core: an acronym is an organization ("NATO"), a listed outlet by its
    name words, otherwise a person named by the last run of name words."""
    if len(names) == 1 and names[0].isupper() and len(names[0]) > 1:
        if names[0].lower() in lex.roles and len(core) == 1:
            return SourceType.anonymous, joined  # "One TD told her", "an MP said": a member, unnamed
        return SourceType.organization, names[0]
    hit = _lookup(lex.outlets, names)
    if hit:
        return SourceType.outlet, hit[0]
    if len(names) == 1 and _CAMEL.fullmatch(names[0]):
        return SourceType.organization, names[0]  # "TransLink", "BlackRock": a brand, not a person
    if len(names) == 1 and len(names[0]) > 4 and names[0].endswith("s") and not could_be_person(names) \
            and names[0].lower() not in FUNCTION_WORDS:
        return SourceType.organization, names[0]  # "the Conservatives", "Democrats": a party, a "they"
    if names:
        return SourceType.person, _person_name(core, lex)
    return SourceType.person, joined


# A member of a party named by it, after a quantifier: "one senior Liberal", "two Tories".
_PARTY_MEMBERS = frozenset(
    "liberal conservative democrat republican labor labour tory green nationalist socialist national".split()
)


def _person_name(core: list[str], lex: Lexicon) -> str:
    """The name in a person phrase: the last run of capitalized words, without titles
    ("U.S. Democratic presidential candidate Hillary Clinton" -> "Hillary Clinton");
    a group keeps every member ("Adrian Levy and Cathy Scott-Clarke")."""
    run = _last_name_run(core)
    # titles and offices go, with an "of X" after them: "Secretary of State John Kerry"
    last_title = max((k for k, w in enumerate(run) if fold(w).rstrip(".") in lex.honorifics), default=-1)
    if last_title >= 0 and last_title < len(run) - 1:
        run = run[last_title + 1 :]
        while len(run) > 2 and run[0].lower() in ("of", "for"):
            run = run[2:]  # "Minister of State for Housing Deirdre Fallon": each department goes
            given = next((k for k in range(1, len(run) - 1) if run[k].lower() in first_names()), 0)
            if given and run[0].lower() not in first_names():
                run = run[given:]  # "Minister for Foreign Affairs Mary Byrne": the department's other words
    while run and run[0].lower() in NAME_PARTICLES:
        run.pop(0)
    run = run[_given_name_after_role(run, lex) :]
    return " ".join(run) or " ".join(core)


def _given_name_after_role(run: list[str], lex: Lexicon) -> int:
    """Where a name starts after capitalized role words in a run ("County Supervisor Patty
    Gruenwald", "Treasurer Alannah Cole"): at a known given name that a role word precedes
    and a surname follows; 0 when no role word stands before one."""
    for k in range(1, len(run) - 1):
        if run[k].lower() in first_names() and any(w.lower() in lex.roles for w in run[:k]):
            return k
    return 0


def _last_name_run(core: list[str]) -> list[str]:
    """The last run of capitalized words (not clause words, adverbs or conjunctions) with
    the particles, "and" and hyphens inside it."""
    run: list[str] = []
    for w in core:
        low = w.lower()
        if _cap(w) and low not in g.CLAUSE_WORDS and low not in g.ADVERBS and low not in g.CONJUNCTIONS:
            run.append(w)
        elif run and (low in NAME_PARTICLES or low == "and" or w == "-"):
            run.append(w)
        else:
            run = []
    while run and (run[-1].lower() in NAME_PARTICLES or run[-1] == "-"):
        run.pop()
    return run


@dataclass(slots=True)
class EntityDraft:
    """A source of the article being gathered from its mentions."""

    id: int
    type: SourceType
    name: str
    key: str
    head: str
    names: list[str]
    aliases: list[str]
    members: list[str]
    plural: bool
    last_pos: int
    role: str | None = None
    affiliations: list[str] = field(default_factory=list)
    affiliation_ids: list[int] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    publisher_ids: list[int] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    author_ids: list[int] = field(default_factory=list)
    evidence: Pair | None = None  # where the publisher or affiliation was stated
    last_end: int = 0  # where its last mention ends


NamedBefore = Callable[
    [int, frozenset[SourceType], Callable[[NounPhrase], bool] | None], tuple[int, NounPhrase] | None
]


class Registry:
    """The sources of one article, in order of mention, with coreference.

    ``named_before(pos, types)`` gives the nearest name of one of ``types`` that the text
    gives before ``pos`` (anywhere, not only as a source), with its position, so that "he"
    can find a person the article introduced before quoting him.
    """

    def __init__(
        self,
        named_before: NamedBefore | None = None,
        text: str = "",
        titled: Callable[[str, int], tuple[int, NounPhrase] | None] | None = None,
        opens_sentence: Callable[[int], bool] | None = None,
    ) -> None:
        self.entities: list[EntityDraft] = []
        self._named_before_of = named_before
        self._titled = titled
        self._opens_sentence = opens_sentence
        self._text = text
        self._told = TextGender(text)
        self._acronyms = _Acronyms(text)
        self._ages: set[str] | None = None  # the ages the text gives after names, read when first asked

    def _named_before(
        self,
        pos: int,
        types: tuple[SourceType, ...] = (SourceType.person,),
        ok: Callable[[NounPhrase], bool] | None = None,
    ) -> tuple[int, NounPhrase] | None:
        """The nearest name of one of ``types`` (passing ``ok``) that the text gives before ``pos``."""
        if self._named_before_of is None:
            return None
        return self._named_before_of(pos, frozenset(types), ok)

    def _unnamed_speaker(
        self, pos: int, best: EntityDraft | None, named: tuple[int, NounPhrase] | None, pronoun: str = ""
    ) -> EntityDraft | None:
        """The unnamed person quoted just before "he"/"she" in the same paragraph, with no
        named person between ("A local farmer, who did not want to be named, told us he had
        moved 400 cows. “We learnt our lesson,” he said."): the one the story is quoting."""
        e = self._recent(pos, lambda x: x.type is SourceType.anonymous and not x.plural
                         and not x.members and x.head in _UNNAMED_PEOPLE_HEADS)  # ("A SunSeeker Holidays spokeswoman")
        if e is None or pos - e.last_pos > _SPEAKER_REACH or not self._quoted_on(e.last_pos, pos):
            return None
        if _HEAD_GENDER.get(e.head, pronoun) != pronoun:
            return None  # "A mother said ... “...,” he said": someone else
        if best is not None and best.last_pos >= e.last_pos or named is not None and named[0] >= e.last_pos:
            return None
        return e

    def _age_given(self, np: NounPhrase) -> bool:
        """Does the article give someone's age as the description does ("Shannae Kirkbride, 31,"
        for "the 31-year-old hairdresser")? "The 45-year-old driver of the truck" after "Tom Lee,
        29," is someone else. True when the description gives no age in front of its noun."""
        m = _AGED.search(np.text)
        lex = lexicon()
        if m is None or np.head.endswith("year-old") or np.head in lex.roles or np.head in lex.offices:
            return True  # a listed role ("the 33-year-old tradie") is read as before
        age = m.group().split("-")[0]
        if self._ages is None:  # "Kirkbride, 31,", "(31)", "aged 31": one read of the text an article
            self._ages = {a for group in _GIVEN_AGE.findall(self._text) for a in group if a}
        return not self._ages or age in self._ages or self._text.count(f"{age}-year-old") > 1  # none given: as before

    def _quoted_on(self, last: int, pos: int) -> bool:
        """Is ``pos`` in the paragraph of ``last``, or in the next one when that opens with a
        quotation or with the pronoun itself (tabloids give each sentence its paragraph: "A former
        waiter ... told the Herald Sun he was owed wages. / “We were told ...,” he said.", "A
        spokeswoman said: ... / She added that ...")?"""
        between = self._text[last:pos]
        breaks = between.count("\n\n") if "\n\n" in between else between.count("\n")
        if breaks == 0:
            return True
        opening = self._text[self._text.rfind("\n", last, pos) + 1 : pos].lstrip()
        return breaks == 1 and (opening[:1] in ("“", '"', "‘") or opening == "")  # or "She added that ..." opens it

    def _speaker_stays(self, best: EntityDraft | None, named: tuple[int, NounPhrase], pos: int) -> bool:
        """Does "he"/"she" keep the speaker just quoted ``best`` over a person named after
        them who is no sentence's subject ("Defending, Sarah Lee said Mallinder was ashamed.
        She said the dog had never ...": Lee)? The subject of the last report is the likelier
        antecedent (centering: Grosz, Joshi & Weinstein 1995)."""
        if best is None or self._opens_sentence is None or pos - max(best.last_pos, best.last_end) > _SPEAKER_REACH:
            return False
        same_sentence = _SENTENCE_END.search(self._text, best.last_pos, named[0]) is None
        return same_sentence and not self._opens_sentence(named[0])  # a name inside the speaker's own report

    def _adopt(self, named: tuple[int, NounPhrase]) -> EntityDraft:
        pos, np = named
        for e in reversed(self.entities[-RECENT:]):
            if _same(np, e):
                e.last_pos = max(e.last_pos, pos)
                return e
        self.add(np, pos)
        return self.entities[-1]

    def add(self, np: NounPhrase, pos: int) -> int:
        """The entity ``np`` refers to (a new one if none fits); records the mention."""
        e = self._match(np, pos)
        return self._record(np, pos, e)

    def resolve(self, np: NounPhrase, pos: int) -> int | None:
        """The known entity ``np`` refers to, recording the mention; None (and nothing
        recorded) when none fits: a pronoun with no antecedent names nobody."""
        e = self._match(np, pos)
        return None if e is None else self._record(np, pos, e)

    def _record(self, np: NounPhrase, pos: int, e: EntityDraft | None) -> int:
        if e is None:
            np = _spelled_out(np, self._acronyms, pos)
            e = EntityDraft(
                id=len(self.entities),
                type=np.type,
                name=np.name if not np.pronoun else np.text,
                key=np.key,
                head=np.head,
                names=list(np.names),
                aliases=[],
                members=list(np.members),
                plural=np.plural,
                last_pos=pos,
                role=np.role,
            )
            self.entities.append(e)
        else:
            if np.type == e.type and len(np.names) > len(e.names) and not np.pronoun:
                e.name, e.names, e.key = np.name, list(np.names), np.key
            if np.role and not e.role:
                e.role = np.role
        if np.text not in e.aliases:
            e.aliases.append(np.text)
        e.last_pos = max(e.last_pos, pos)
        e.last_end = max(e.last_end, np.span[1])
        return e.id

    def _document_subject(self, pos: int) -> tuple[int, int, NounPhrase] | None:
        """A document that is the subject of the sentence before the one holding ``pos``
        ("The study, led by ..., tracked flying foxes. It found ..."), with its start and the
        start of the sentence holding ``pos``: "it" then continues that subject (centering,
        Grosz, Joshi & Weinstein 1995); None otherwise."""
        window = max(0, pos - 400)
        ends = [m.end() - 1 for m in _SENTENCE_END.finditer(self._text, window, pos + 1)]
        if not ends:
            return None
        here = ends[-1]  # the start of the sentence holding ``pos``
        before = ends[-2] if len(ends) > 1 else window
        m = _DOCUMENT_SUBJECT.match(self._text, before)
        if m is None or m.start(1) >= here:
            return None
        np = analyse(self._text, (m.start(1), m.end(1)), lexicon())
        return (m.start(1), here, np) if np.type is SourceType.document else None

    def _recent(self, pos: int, ok) -> EntityDraft | None:
        """The entity mentioned last before ``pos`` that passes ``ok``; only the most recent
        entities are looked at, so long texts stay linear (antecedents are near)."""
        best = None
        for e in self.entities[-RECENT:]:
            if e.last_pos <= pos and ok(e) and (best is None or e.last_pos > best.last_pos):
                best = e
        return best

    def _match(self, np: NounPhrase, pos: int) -> EntityDraft | None:
        if np.pronoun:
            p = np.pronoun
            if p in ("he", "she"):
                told = self._told
                best = self._recent(pos, lambda e: _one_person(p, e, told))
                named = self._named_before(pos, (SourceType.person,), lambda n: _person_for(p, n, told))
                unnamed = self._unnamed_speaker(pos, best, named, p)
                if unnamed is not None:
                    return unnamed
                if named is not None and (best is None or named[0] > best.last_pos) and not self._speaker_stays(best, named, pos):
                    return self._adopt(named)
                return best
            if p == "it":
                best = self._recent(
                    pos,
                    lambda e: (
                        e.type in (SourceType.document, SourceType.organization, SourceType.outlet)
                        and not e.plural
                    ),
                )
                subject = self._document_subject(pos)
                if subject is not None and (best is None or best.last_pos < subject[1]):
                    if best is not None and best.type is SourceType.document and best.head == subject[2].head:
                        return best  # "A Red Cross report said ... It also said": the report known already
                    return self._adopt((subject[0], subject[2]))  # "The study tracked ... It found": the study
                # "Shares in Kittiwake Airways fell after it warned": a body named, not yet a source
                named = self._named_before(
                    pos, (SourceType.organization, SourceType.outlet),
                    lambda n: not n.plural and not self._text.endswith(("'s", "’s"), n.span[0], n.span[1] + 2)
                    and not self._text.endswith(("'s", "’s"), n.span[0], n.span[1]),
                )  # not "Britain" of "Harwick Stores, Britain's fifth-largest supermarket group": a modifier
                if named is not None and (best is None or named[0] >= best.last_end) and pos - named[0] < _IT_REACH:
                    return self._adopt(named)
                return best
            if p == "they":
                group = self._recent(pos, lambda e: e.plural or bool(e.members) or e.type == SourceType.organization)
                one = self._recent(pos, lambda e: e.type is SourceType.anonymous and not e.plural and e.head in _CONFIDANTS)
                if one is not None and pos - one.last_pos < _SPEAKER_REACH and "\n" not in self._text[one.last_pos : pos] \
                        and (group is None or one.last_pos > group.last_pos) \
                        and len(_SENTENCE_END.findall(_QUOTED.sub('""', self._text[one.last_pos : pos + 1]))) <= 1:
                    # the sentence before, its quotation whole
                    return one  # "A source close to the family said: ... They added": the source, singular "they"
                return group
            return None
        for e in reversed(self.entities[-RECENT:]):
            if _same(np, e):
                return e
        if np.definite and np.type is SourceType.anonymous and not np.plural and not np.names:
            # "the source said" after "a source close to the family told the outlet": the same one
            same = self._recent(
                pos,
                lambda e: e.type is SourceType.anonymous and not e.plural
                and (e.head == np.head or e.head in _CONFIDANTS and np.head in _CONFIDANTS or np.head == "person"),
            )  # "the person said": whichever unnamed one the story last quoted ("a city utilities employee")
            if same is not None:
                return same
        if _role_description(np) and self._age_given(np):
            # "the mayor" after "Mayor Dan Reyes" or "Dan Reyes, the city's mayor": the named one
            holder = self._recent(
                pos, lambda e: holds_role(e, np.head) and all(n.lower() in role_words(e) for n in np.names)
            )
            if holder is not None:
                return holder
            titled = self._titled(np.text, pos) if self._titled is not None else None
            if titled is not None:
                return self._adopt(titled)
            if any(not _modifier_only(n) for n in np.names):
                return None  # "the WHL commissioner" is no NHL commissioner, nor the last person named
            # "“...,” said the rookie defenceman": the person just named, when nobody holds the role
            last = None if np.head in _OTHERS_ROLES else self._recent(
                pos, lambda e: e.type == SourceType.person and not e.members and not e.role
                and not _another_role(role_words(e), np.head)
            )
            named = None if np.head in _OTHERS_ROLES else self._named_before(pos, (SourceType.person,))
            if named is not None and _has_other_role(named[1], np.head):
                named = None  # "the clerk" after "Sheriff Donna Radcliffe" is someone else
            if named is not None and pos - named[0] < _ROLE_REACH and (last is None or named[0] > last.last_pos):
                return self._adopt(named)
            if last is not None and pos - last.last_pos < _ROLE_REACH:
                return last
        if np.type == SourceType.document and not np.indefinite:
            doc = self._recent(
                pos,
                lambda e: (
                    e.type == SourceType.document and e.head == np.head and _compatible(np.names, e.names)
                ),
            )
            if doc is not None or np.head not in OUTLET_HEADS:
                return doc
            # "the paper said" after "the Yomiuri newspaper reported": the newspaper, below
        if np.definite and not np.names and (np.head in OUTLET_HEADS or np.head in ORG_HEADS):
            if _owned_or_specific(np):
                return None  # "the premier's office" is no Facebook; "the unification ministry" no North Korea
            want = SourceType.outlet if np.head in OUTLET_HEADS else SourceType.organization
            # "the company" is no country; "the government" may be ("Iran said")
            place_ok = np.head in GOVERNMENT_HEADS
            head = np.head
            best = self._recent(  # an unnamed body is judged by its own head: "the union" is no "company"
                pos, lambda e: e.type == want and (place_ok or not _is_place(e.names)) and fits_head(head, e.names or [e.head])
            )
            named = self._named_before(
                pos, (want,), lambda n: (place_ok or not _is_place(n.names)) and fits_head(head, n.names)
            )
            if named is not None and (best is None or named[0] > best.last_pos):
                return self._adopt(named)
            return best
        return None


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
_DEFINED = re.compile(r"\(([A-Z][A-Z&]{1,5})\)")  # "(EDC)" after the name it abbreviates
_DEFINITION_WORDS = 10  # words before "(EDC)" searched for its definition
_DEFINITION_REACH = 300  # characters before "(EDC)" those words are read from


class _Acronyms:
    """Where the text defines acronyms in parentheses, found in one pass when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: dict[str, list[int]] | None = None

    def defined_before(self, acr: str, pos: int) -> int:
        """Offset of the last "(ACR)" before ``pos``; -1 when there is none."""
        if self._at is None:
            self._at = {}
            for m in _DEFINED.finditer(self.text):
                self._at.setdefault(m.group(1), []).append(m.start())
        starts = self._at.get(acr, [])
        k = bisect_left(starts, pos) - 1
        return starts[k] if k >= 0 else -1


def _spelled_out(np: NounPhrase, acronyms: _Acronyms, pos: int) -> NounPhrase:
    """An acronym named as the body it stands for, when the text defined it before in
    parentheses: "EDC" after "Export Development Canada (EDC)" (Schwartz & Hearst 2003).
    The acronym stays an alias."""
    if np.pronoun or len(np.names) != 1 or not _ACRONYM.fullmatch(np.names[0]):
        return np
    acr = np.names[0]
    at = acronyms.defined_before(acr, pos)
    if at < 0:
        return np
    start = max(0, at - _DEFINITION_REACH)
    words = acronyms.text[start:at].split()
    if start > 0:
        words = words[1:]  # the first may be cut
    words = words[-_DEFINITION_WORDS:]
    for k in range(len(words) - 1, -1, -1):
        run = [w for w in words[k:] if w.lower() not in NAME_PARTICLES]
        if not all(w[:1].isupper() for w in run):
            break
        if "".join(w[0] for w in run) == acr.replace("&", ""):
            name = " ".join(words[k:]).strip(" ,")
            typ = SourceType.organization if np.type is SourceType.person else np.type
            return replace(np, type=typ, name=name, key=fold(name), names=name.split(), head=fold(run[-1]))
    return np


# Heads of descriptions of businesses, and words that name public bodies: "the company"
# is no court, council or ministry (Hobbs 1978: an antecedent must fit the description).
COMPANY_HEADS = frozenset(
    """firm company operator carrier airline insurer lender retailer manufacturer automaker
    startup utility bank business chain developer miner producer maker""".split()
)
# Lowercase nouns for a business that stand before its name ("pump maker Elsbach"): the
# heads above but those that also stand before other names ("bank teller", "business
# owner", "chain"), and trades.
_BUSINESS_NOUNS = (COMPANY_HEADS - {"bank", "business", "chain"}) | frozenset(
    "chipmaker carmaker drugmaker brewer supplier distributor exporter importer conglomerate shipper".split()
)
PUBLIC_WORDS = frozenset(
    """court tribunal council government ministry department police parliament senate congress
    commission committee assembly university school hospital army navy agency office bureau
    board authority administration cabinet county""".split()
)


def _modifier_only(word: str) -> bool:
    """Is a capitalized word in a role description a modifier that names no body ("The TV
    star", "the Kerry-born presenter", "the Sydney-based chef")?"""
    return word in _MEDIA_MODIFIERS or word.lower().endswith(("-born", "-based", "-raised", "-bred"))


# Media words capitalized before a role: "The TV star", "the Radio 1 DJ" is a station's.
_MEDIA_MODIFIERS = frozenset(("TV", "Reality", "Hollywood", "Bollywood", "Nollywood"))


def _owned_or_specific(np: NounPhrase) -> bool:
    """Is a body's description possessed ("the premier's office") or a government body with
    its portfolio ("the unification ministry", "the health department")? It names a body of
    its own, not the last body or country named."""
    words = np.text.split()
    if any(w.endswith(("'s", "’s")) for w in words[:-1]):
        return True
    return np.head in GOVERNMENT_HEADS and len(words) > 2 and words[-2].islower() and words[-2].isalpha()


def fits_head(head: str, names: list[str]) -> bool:
    """Can a body named ``names`` be "the <head>"? "The company" is no "Circuit Court of
    Appeals" nor a ministry; "the government" is a public body or a place, never
    "Facebook"; every other description fits any body of its type."""
    public = any(w.lower() in PUBLIC_WORDS for w in names)
    if head in COMPANY_HEADS:
        return not public and not any(w.lower() in _NOT_BUSINESSES for w in names)
    if head in _COURT_HEADS:
        return any(w.lower() in _COURT_HEADS for w in names)  # "the court" is no "N.S." nor a company
    if head == "force":
        return any(w.lower() in ("police", "constabulary", "garda", "force") for w in names)  # "the force": a police force
    if head in GOVERNMENT_HEADS:
        return public or _is_place(names)
    return True


_COURT_HEADS = frozenset("court tribunal bench".split())
# Words that name a body of members, never "the company": "the Association of Mine and Smelter Workers".
_NOT_BUSINESSES = frozenset("union unions association federation foundation institute society league alliance coalition party".split())
# Heads of a description that a country or city may stand for ("the government said").
GOVERNMENT_HEADS = frozenset("government administration ministry department authorities state council county".split())


def _is_place(names: list[str]) -> bool:
    """Is a name a listed place ("Libya", "Calgary", "U.S" cut from "the U.S. Securities")?"""
    if not names:
        return False
    places = lexicon().places
    return bool(_lookup(places, names)) or "." in names[-1] and bool(_lookup(places, [*names[:-1], names[-1] + "."]))


def _one_person(pronoun: str, e: EntityDraft, told: TextGender | None = None) -> bool:
    """Can "he"/"she" refer to source ``e``: one named person whose name agrees? (Letting
    it take an unnamed "the father" too measured 1.5 points worse on quote speakers.)"""
    if e.plural or e.members:
        return False
    return (
        e.type == SourceType.person and bool(e.names) and agrees(pronoun, e.names, told) and could_be_person(e.names)
    )


def _role_description(np: NounPhrase) -> bool:
    """Is ``np`` a definite description by role ("the mayor", "the company's spokesman")?"""
    lex = lexicon()
    return np.definite and not np.plural and (not np.names or np.type is SourceType.anonymous or np.head in lex.roles) and (
        np.head in lex.roles or np.head in lex.offices or np.head.endswith("year-old") or _PARENT_OF.fullmatch(np.head) is not None
        or _AGED.search(np.text) is not None and np.type is SourceType.anonymous
    )  # "the WHL commissioner", "the Labour MP": a body's name may qualify the role; "the 38-year-old",
    # "the mother-of-three": the person just named


def _team_name(core: list[str], the: bool) -> bool:
    """Is a capitalized name a team's or a band's: a plural after "the" ("the Kelvington
    Huskies", "the Gaels": no person takes "the"), or a club's suffix after a word that is
    no given name ("Castleford Rovers", "Dunmore City", "Harwich Athletic")?"""
    if not core or not all(_cap(w) for w in core):
        return False
    last = core[-1]
    if the and last.endswith("s") and not last.endswith(("ss", "'s", "’s")) and len(last) > 3:
        return True
    return len(core) > 1 and last in _CLUB_SUFFIXES and core[0].lower() not in first_names()


# Words that end a club's name: "Castleford Rovers", "Dunmore City", "Harwich Athletic", "Leeds United".
_CLUB_SUFFIXES = frozenset("United City Rovers Rangers Wanderers Athletic Albion Town FC AFC Hotspur County Celtic".split())
# A sentence that opens with a document as its subject: "The study, led by ...", "The review".
_DOCUMENT_SUBJECT = re.compile(
    r"\s*((?:The|This|That|Its|Their|A|An)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:study|report|review|survey|audit|analysis|paper|letter|memo|assessment|inquiry|research|poll|document|filing))\b"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# An age given after a name: "Kirkbride, 31,", "Smith (31)", "aged 31".
_GIVEN_AGE = re.compile(r"[A-Za-z’'],\s*(\d{1,3}),|\((\d{1,3})\)|\baged\s+(\d{1,3})\b")
# An age before a description: "the 31-year-old hairdresser from the Central Coast".
_AGED = re.compile(r"\b\d{1,3}-year-old\s+[a-z]")
# "the mother-of-three", "the dad-of-two": a parent described by their children, the person just named.
_PARENT_OF = re.compile(r"(?:mother|father|mum|mom|dad|grandmother|grandfather|gran|nan)-of-[a-z]+")


def _has_other_role(np: NounPhrase, head: str) -> bool:
    """Is the person named in ``np`` given a role other than ``head`` ("Sheriff Donna
    Radcliffe" for "the clerk")? Such a person is no antecedent of the description."""
    return _another_role(set(f"{np.role or ''} {np.text}".lower().replace(",", " ").split()), head)


def _another_role(words: set[str], head: str) -> bool:
    """Do a person's role and alias ``words`` hold a role, and not ``head``?"""
    roles = lexicon().roles
    return head not in words and any(w in roles for w in words)


def holds_role(e: EntityDraft, head: str) -> bool:
    """Was named person ``e`` given the role ``head`` ("Mayor Dan Reyes", "Reyes, the mayor")?"""
    return head in role_words(e)


def role_words(e: EntityDraft) -> set[str]:
    """The words of a named person's role and aliases; none for anything else."""
    if e.type != SourceType.person or not e.names or e.plural or e.members:
        return set()
    words = set((e.role or "").lower().replace(",", " ").split())
    for alias in e.aliases:
        words.update(alias.lower().split())
    return words


def _person_for(pronoun: str, np: NounPhrase, told: TextGender | None = None) -> bool:
    """Can a name found in the text be the antecedent of "he"/"she"? (speakers.py)"""
    return could_be_person(np.names) and agrees(pronoun, np.names, told)


def _compatible(a: list[str], b: list[str]) -> bool:
    """Do two documents' name words agree ("the report" / "the UN report")?"""
    if not a or not b:
        return True
    fa, fb = {fold(w) for w in a}, {fold(w) for w in b}
    if fa <= fb or fb <= fa:
        return True
    return initials(a).lower() in fb or initials(b).lower() in fa


def _short_form(np: NounPhrase, e: EntityDraft) -> bool:
    """Is ``np`` "the" and the last word of a body's name given before ("the Journal" after
    "The Wall Street Journal", "the Council" after "Wallaroo Shire Council")? News names a
    body in full once, then by its last word."""
    return (
        np.definite
        and len(np.names) == 1
        and e.type in (SourceType.outlet, SourceType.organization)
        and len(e.names) > 1
        and fold(e.names[-1]) == fold(np.names[0])
    )


def _same(np: NounPhrase, e: EntityDraft) -> bool:
    """Does a new mention name an already known source?"""
    if _short_form(np, e):
        return True
    if np.key == e.key and (np.type == e.type or np.type == SourceType.person or e.type == SourceType.person):
        return not np.indefinite or np.type != SourceType.document
    if np.type != e.type:
        return False
    if np.type == SourceType.person:
        if np.members or e.members:
            if np.members and e.members and len(np.members) == len(e.members):
                return all(any(JaroWinkler.similarity(a, b) >= 0.9 for b in e.members) for a in np.members)
            return False
        if not np.names or not e.names:
            return False
        if fold(np.names[-1]) != fold(e.names[-1]):
            return False
        if len(np.names) == 1 or len(e.names) == 1:
            return True
        return JaroWinkler.similarity(fold(np.names[0]), fold(e.names[0])) >= 0.85
    if np.type in (SourceType.organization, SourceType.outlet):
        if np.names and e.names:
            if len(np.names) == 1 and np.names[0].isupper() and np.names[0] == initials(e.names):
                return True
            if len(e.names) == 1 and e.names[0].isupper() and e.names[0] == initials(np.names):
                return True
        return False
    if np.type == SourceType.document:
        if np.indefinite or np.head != e.head:
            return False
        return bool(np.names) and bool(e.names) and _compatible(np.names, e.names)
    return False
