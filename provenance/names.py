"""Pure name analysis for source resolution: keys, person names, acronyms, document producers.

No database here: ``provenance.resolve`` asks these functions what a name is and whether
two names can denote one source (docs/vocabulary.md, "source"). The rules are type-aware and
precision first: two persons are one only with the same (or a misspelt) surname *and*
compatible first names ("Bill Clinton" is never "Hillary Clinton"); organizations and
outlets are one through the lexicon, an acronym, or a spelling variant of every word.
Scores are in [0, 1]; rapidfuzz gives the string similarities (Indel ratio).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

_INDEL = None


def _indel(a: str, b: str) -> float:
    """rapidfuzz's normalized Indel similarity, imported on first use: a query command that only
    normalizes a name (``claims --source NAME``) does not load rapidfuzz (~15 ms, issue 13)."""
    global _INDEL
    if _INDEL is None:
        from rapidfuzz.distance import Indel

        _INDEL = Indel.normalized_similarity
    return _INDEL(a, b)


if TYPE_CHECKING:
    from provenance.extract.lexicon import Lexicon


# The lexicon lives in the extract package, whose import loads the whole extractor (~0.3 s):
# imported on first use, so that `source NAME` and `claims --source NAME` (normalize_name only)
# start without it (docs/benchmarks.md, issue 13).
def fold(s: str) -> str:
    """``provenance.extract.lexicon.fold``."""
    from provenance.extract.lexicon import fold as _fold

    return _fold(s)


def lexicon() -> "Lexicon":
    """``provenance.extract.lexicon.lexicon``."""
    from provenance.extract.lexicon import lexicon as _lexicon

    return _lexicon()


# ---------------------------------------------------------------- normalization

# the one normalization lives in provenance.name_norm, which a query can load alone; re-exported here
from provenance.name_norm import _QUOTES  # noqa: E402
from provenance.name_norm import HONORIFICS as HONORIFICS  # noqa: E402
from provenance.name_norm import name_words as name_words  # noqa: E402
from provenance.name_norm import normalize_name as normalize_name  # noqa: E402
from provenance.name_norm import visible_name as visible_name  # noqa: E402

# words that stand before a person's name without being part of it ("Republican Donald Trump")
DESCRIPTORS = {
    "republican", "republicans", "democrat", "democrats", "democratic", "gop", "independent",
    "house", "senate", "former", "presidential", "candidate", "nominee", "hopeful", "rival",
    "frontrunner", "front-runner", "billionaire", "businessman", "businesswoman", "then", "us",
    "vice", "majority", "minority", "leader", "chairman", "chairwoman", "chair", "secretary",
    "speaker", "president", "governor", "state", "attorney", "general", "top", "aide", "adviser",
    "advisor", "strategist", "pollster", "spokesman", "spokeswoman", "spokesperson", "analyst",
    "economist", "professor", "author", "reporter", "columnist", "writer", "editor", "anchor",
    "host", "commentator", "activist", "lawyer", "judge", "justice", "mayor", "congressman",
    "congresswoman", "lawmaker", "sens", "reps", "ex", "late", "u.s", "senior", "campaign",
    "manager", "chief", "director", "ceo", "founder", "official", "officer", "commander",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "del", "della", "der", "di", "da", "du", "la",
             "le", "van", "von", "den", "ter", "st", "mac", "dos", "das"}
# names so generic that equal spellings in two articles need not be the same source
GENERIC = {
    "report", "reports", "study", "studies", "statement", "statements", "letter", "letters",
    "document", "documents", "survey", "surveys", "poll", "polls", "memo", "memos", "analysis",
    "paper", "papers", "files", "file", "data", "figures", "statistics", "review", "article",
    "articles", "investigation", "records", "record", "email", "emails", "book", "post", "posts",
    "tweet", "tweets", "video", "footage", "interview", "transcript", "filing", "lawsuit",
    "company", "firm", "fund", "agency", "group", "ministry", "government", "officials", "official",
    "experts", "expert", "sources", "source", "analysts", "spokesman", "spokeswoman", "spokesperson",
    "police", "authorities", "researchers", "scientists", "witnesses", "residents", "people",
    "campaign", "administration", "committee", "court", "party", "team", "organization", "bureau",
    "department", "office", "commission", "council", "bank", "union", "institute", "foundation",
    "service", "network", "newspaper", "magazine", "website", "station", "channel", "information", "intelligence", "polling", "numbers", "results", "estimates", "projections",
}
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "you",
            "us", "who", "which", "that", "this", "these", "those", "one", "there", "here"}
FUNCTION_WORDS = {"of", "for", "the", "and", "on", "in", "at", "to", "a", "an", "&", "de", "du", "des"}


@lru_cache(maxsize=1 << 14)
def american(word: str) -> str:
    """A folded word in American spelling, for matching only (Defence -> defense, Centre -> center)."""
    if len(word) < 5:
        return word
    for brit, us in (("isation", "ization"), ("isations", "izations"), ("ence", "ense"),
                     ("tre", "ter"), ("tres", "ters"), ("our", "or"), ("ours", "ors"), ("ogue", "og")):
        if word.endswith(brit) and len(word) - len(brit) >= 3:
            return word[: -len(brit)] + us
    return word


def is_pronoun(name: str) -> bool:
    """Whether a name is only a pronoun or relative word ("he", "It", "who")."""
    return normalize_name(name) in PRONOUNS


# ---------------------------------------------------------------- persons

_NICKNAMES = [
    "william bill billy will willy", "robert bob bobby rob robbie", "thomas tom tommy",
    "michael mike mick", "james jim jimmy jamie", "richard dick rick ricky rich",
    "edward ed eddie ted ned", "theodore ted teddy", "christopher chris", "joseph joe joey",
    "jeffrey jeff geoffrey", "charles chuck charlie", "elizabeth liz beth betsy lizzie eliza",
    "katherine kathy cathy kate catherine kathryn katie", "daniel dan danny", "david dave",
    "steven stephen steve", "anthony tony", "benjamin ben", "nicholas nick", "jonathan jon",
    "john jack johnny", "donald don donnie", "ronald ron ronnie", "gerald jerry", "lawrence larry",
    "alexander alex", "andrew andy drew", "patrick pat", "patricia pat patty", "matthew matt",
    "samuel sam", "timothy tim", "kenneth ken kenny", "margaret peggy maggie meg",
    "hillary hilary", "deborah debbie deb debra", "susan sue suzanne", "rebecca becky",
    "jennifer jen jenny", "frederick fred freddie", "gregory greg", "raymond ray", "leonard len leo",
    "albert al", "alan allan allen", "philip phil", "douglas doug", "victoria vicky",
    "christine chris christina", "jacqueline jackie", "abraham abe", "zachary zach zack",
    "randall randy", "ralph rafe", "vincent vince", "mitchell mitch", "herbert herb",
    "harold hal harry", "henry hank harry", "walter walt", "frank francis", "nancy nan",
]
NICKNAMES: dict[str, frozenset[int]] = {}
for _i, _group in enumerate(_NICKNAMES):
    for _n in _group.split():
        NICKNAMES[_n] = NICKNAMES.get(_n, frozenset()) | {_i}


@dataclass(frozen=True)
class PersonName:
    """A personal name in parts, folded: first, middle names or initials, surname, suffix."""

    first: str
    middle: tuple[str, ...]
    last: str
    suffix: str = ""

    @property
    def key(self) -> str:
        """The resolution key: "donald j trump", "martin luther king jr"."""
        return " ".join([self.first, *self.middle, self.last] + ([self.suffix] if self.suffix else []))

    @property
    def full(self) -> bool:
        """Whether the name has a first name and a surname (not a surname alone)."""
        return bool(self.first)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Words that stand before a person's name: the lexicon's honorifics and offices, and descriptors."""
    return frozenset(lexicon().honorifics | HONORIFICS | DESCRIPTORS)


def _cut_descriptors(words: list[str]) -> list[str]:
    """Drop titles and descriptors standing before a name ("vermont sen bernie sanders" -> "bernie sanders")."""
    stop = _title_words()
    cut = 0
    for i, w in enumerate(words[:-1]):
        if w in stop or w.rstrip("s") in stop:
            cut = i + 1
    words = words[cut:]
    while len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]
    return words


_OWNER = re.compile(r"^.*\b\w+['’]s\s+(?=\S+\s+\S)")  # "CNN's " before a name of two words or more
_BAD_APOSTROPHE = re.compile(r"'(?:ve|re|ll|d|m|t)$|^.{2,}'")  # "i've", "don't": not O'Hanlon, D'Amato


@lru_cache(maxsize=1 << 16)
def parse_person(name: str) -> PersonName | None:
    """A person's name in parts, or None when it does not look like one personal name.

    Titles and descriptors before the name are dropped; a name of one word is a surname
    (``first`` empty); groups ("Levy and Scott-Clarke") are not one name.
    """
    if split_group(name):
        return None
    name = _OWNER.sub("", name)  # "MSNBC's Chris Matthews" -> "Chris Matthews"
    words = name_words(name)
    if not words or len(words) > 6:
        return None
    suffix = ""
    if len(words) > 1 and words[-1] in SUFFIXES:
        suffix, words = words[-1], words[:-1]
    if "of" in words[1:]:  # "Peter King of New York": the rest is a place or an employer
        words = words[: words.index("of", 1)]
    words = _cut_descriptors(words)
    if not words or any(not w[0].isalpha() or _BAD_APOSTROPHE.search(w) for w in words) or words[0] in STOP_FIRST:
        return None
    if words[-1] in NOT_SURNAMES or words[-1].rstrip("s") in NOT_SURNAMES:
        return None
    if len(words) == 1:
        return PersonName("", (), words[0], suffix)
    # the surname takes its particles: "osama bin laden" -> last "bin laden"
    i = len(words) - 1
    while i > 1 and words[i - 1] in PARTICLES:
        i -= 1
    return PersonName(words[0], tuple(words[1:i]), " ".join(words[i:]), suffix)


def person_display(name: str) -> str:
    """A person's name as written, without the titles before it ("House Speaker Paul Ryan" -> "Paul Ryan")."""
    name = _OWNER.sub("", name)
    p = parse_person(name)
    if p is None or not p.full:
        return name.strip()
    raw = name.split()
    n = 1 + len(p.middle) + len(p.last.split()) + (1 if p.suffix else 0)
    words = [w for w in raw if w not in ("Jr.", "Jr", "Sr.", "Sr")]
    of = [i for i, w in enumerate(words) if w == "of" and i > 0]
    if of:
        words = words[: of[0]]
    shown = " ".join(words[-n:]) + (" " + raw[-1] if p.suffix and raw[-1] not in words[-n:] else "")
    return shown if len(shown.split()) >= 2 else name.strip()


def _phonetic(first: str) -> str:
    """A rough sound key for first names (Cathy/Kathy, Sara/Sarah), not for surnames."""
    s = first.replace("ph", "f").replace("ck", "k").replace("ch", "\x00").replace("c", "k")
    s = s.replace("\x00", "ch").replace("y", "i")
    s = re.sub(r"(.)\1+", r"\1", s)
    if len(s) > 3 and s[-1] in "he":
        s = s[:-1]
    return s


def first_names_score(a: str, b: str) -> tuple[float, str]:
    """How well two first names fit one person: (score, reason), score 0 when they cannot.

    Equal 1.0; a known nickname 0.95 (Bill/William); a spelling variant 0.9 (Cathy/Kathy:
    same sound key, close spelling); an initial 0.85 (J./John); anything else 0 (Bill/Hillary,
    John/Jane).
    """
    if a == b:
        return 1.0, "equal"
    if NICKNAMES.get(a, frozenset()) & NICKNAMES.get(b, frozenset()):
        return 0.95, "nickname"
    if len(a) == 1 or len(b) == 1:
        return (0.85, "initial") if a[0] == b[0] else (0.0, "")
    if len(a) >= 3 and len(b) >= 3 and _phonetic(a) == _phonetic(b) and _indel(a, b) >= 0.75:
        return 0.9, "first-name-variant"
    return 0.0, ""


def surnames_score(a: str, b: str) -> float:
    """How likely two surnames are one spelled two ways: 1 equal, the Indel ratio for close
    long ones with the same first letter (Joscelyn/Jocelyn 0.93), else 0."""
    if a == b:
        return 1.0
    if a.replace("-", " ") == b.replace("-", " "):
        return 0.98
    if min(len(a), len(b)) < 5 or not spelling_variant(a, b):
        return 0.0
    r = _indel(a, b)
    return r if r >= 0.85 else 0.0


def spelling_variant(a: str, b: str) -> bool:
    """Whether two different words can be one word spelt two ways: same first and last letter,
    neither a prefix of the other (Democrat/Democrats, Columbia/Columbians are other words)."""
    return (a[0] == b[0] and a[-1] == b[-1] and not a.startswith(b) and not b.startswith(a)
            and _indel(a, b) >= 0.8)


def _middles_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names fit when either is absent or they agree initial by initial (W vs H.W. do not)."""
    if not a or not b:
        return True
    return all(x[0] == y[0] for x, y in zip(a, b, strict=False)) and len(a) == len(b)


def person_match(a: PersonName, b: PersonName) -> tuple[float, str]:
    """Whether two full personal names can be one person: (score, reason), (0, "") when not.

    Type rules (precision first): surnames equal or a close misspelling; first names
    compatible, and *equal* (or a nickname) when the surname is misspelt; middle initials
    and suffixes (Jr.) never contradict.
    """
    if not (a.full and b.full) or a.suffix != b.suffix or not _middles_compatible(a.middle, b.middle):
        return 0.0, ""
    s = surnames_score(a.last, b.last)
    if not s:
        return 0.0, ""
    f, why = first_names_score(a.first, b.first)
    if not f or (s < 0.98 and f < 0.95):
        return 0.0, ""
    if s < 1.0:
        return round(min(s, f), 3), "spelling-variant"
    if f == 1.0:
        return (1.0, "same-key") if a.middle == b.middle else (0.97, "middle-name")
    return f, why


@lru_cache(maxsize=1 << 12)
def soundex(word: str) -> str:
    """American Soundex of a folded word (Joscelyn and Jocelyn are both J245): blocks misspellings."""
    codes = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"),
             "l": "4", **dict.fromkeys("mn", "5"), "r": "6"}
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return ""
    out, last = letters[0], codes.get(letters[0], "")
    for c in letters[1:]:
        code = codes.get(c, "")
        if code and code != last:
            out += code
        if c not in "hw":
            last = code
    return (out + "000")[:4]


_GROUP_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")


@lru_cache(maxsize=1 << 14)
def split_group(name: str) -> tuple[str, ...]:
    """The parts of a group of named people ("Adrian Levy and Cathy Scott-Clarke"), else ()."""
    if " and " not in name and "&" not in name and "," not in name:
        return ()
    parts = tuple(p.strip() for p in _GROUP_SPLIT.split(name.strip()) if p.strip())
    if len(parts) < 2 or len(parts) > 6:
        return ()
    for p in parts:
        words = p.split()
        if not 1 <= len(words) <= 4 or not all(w[0].isupper() for w in words if w not in PARTICLES):
            return ()
    return parts


_NAME_TOKEN = re.compile(r"[A-Z]\.|[A-Z][\w'’-]*")
_BLANKS = re.compile(r"[ \t]+")


def full_names_in(text: str, surname: str) -> list[tuple[PersonName, str]]:
    """Full names in ``text`` that end with ``surname``, titles dropped, each with the words as
    written: for "Trump", (donald j trump, "Donald J. Trump")."""
    if not surname or not text or not surname[:1].isupper():
        return []
    out, at, n = [], text.find(surname), len(surname)
    while at >= 0:
        start, at = at, text.find(surname, at + n)
        after = text[start + n:start + n + 1]
        if start == 0 or text[start - 1] not in " \t" or (after and (after.isalnum() or after == "-")):
            continue
        raw = [surname]
        for tok in reversed(_BLANKS.split(text[max(0, start - 60):start])[:-1]):
            if len(raw) > 4 or not _NAME_TOKEN.fullmatch(tok):
                break
            raw.insert(0, tok)
        if len(raw) < 2:
            continue
        words = _cut_descriptors(name_words(" ".join(raw)))
        if len(words) < 2 or words[0] in STOP_FIRST or len(words) > 4 or len(words) > len(raw):
            continue
        p = parse_person(" ".join(words))
        if p and p.full and len(p.first) > 1:
            out.append((p, " ".join(raw[-len(words):])))
    return out


# last words that make a name a group or a role, not a person ("Iowa Democrats", "Senate Republicans")
NOT_SURNAMES = {"democrat", "republican", "american", "voter", "supporter", "official", "leader",
                "member", "campaign", "administration", "committee", "party", "senate", "house",
                "democratic", "liberal", "conservative", "progressive", "millennial", "people",
                "staff", "team", "group", "family", "office", "department", "agency",
                "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor"}

# capitalized words that start a sentence or a phrase but are no first names
STOP_FIRST = {
    "when", "as", "but", "and", "if", "while", "after", "before", "since", "because", "though",
    "although", "so", "then", "now", "in", "on", "at", "for", "with", "from", "by", "of", "to",
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you",
    "his", "her", "their", "our", "my", "your", "its", "yet", "or", "nor", "also", "even", "still",
    "how", "why", "what", "where", "who", "which", "whether", "unlike", "like", "against", "about",
    "under", "over", "during", "until", "without", "within", "among", "between", "through",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "mrs", "mr", "ms", "dr", "did", "does", "do", "is", "was", "has",
    "had", "will", "would", "can", "could", "should", "says", "said", "asked", "told", "not", "no",
    "both", "all", "many", "some", "every", "each", "former", "new", "old", "young", "north",
    "south", "east", "west", "american", "americans", "british", "republican", "democratic",
    # sentence openers before a name: "Perhaps Tracy said it best" names Tracy
    "perhaps", "maybe", "surely", "certainly", "clearly", "obviously", "apparently", "reportedly",
    "besides", "meanwhile", "however", "indeed", "instead", "moreover", "furthermore",
    "nevertheless", "nonetheless", "likewise", "similarly", "overall", "finally", "separately",
    "earlier", "later", "naturally", "ironically",
}


# ---------------------------------------------------------------- organizations and outlets


def content_words(words: list[str]) -> list[str]:
    """Words of an organization name without function words ("foundation defense democracies")."""
    return [w for w in words if w not in FUNCTION_WORDS]


def org_key(name: str) -> str:
    """The key of an organization name: folded words, American spelling, no leading "the"."""
    words = name_words(name)
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(american(w) for w in words)


def acronyms_of(name: str) -> set[str]:
    """Acronyms a multi-word name is written as: "Congressional Budget Office" -> {"cbo"};
    "Bank of America" -> {"ba", "boa"}. Empty for one-word names."""
    words = [w for w in name_words(name) if w != "the"]
    content = [w for w in content_words(words)]
    if len(content) < 2:
        return set()
    out = {"".join(w[0] for w in content)}
    with_fw = "".join(w[0] for w in words if w not in {"the", "&", "and"})
    if len(with_fw) > len(out.copy().pop()):
        out.add(with_fw)
    return out


_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,6}$|^[A-Z][A-Z&]{1,6}$")


def as_acronym(name: str) -> str | None:
    """The letters of a name written as an acronym ("U.N." -> "un", "the IMF" -> "imf"), else None."""
    s = name.strip()
    if s[:4].lower() == "the ":
        s = s[4:].strip()
    s = s.translate(_QUOTES)
    if s.endswith("'s"):
        s = s[:-2]
    if not _ACRONYM.match(s):
        return None
    return s.replace(".", "").replace("&", "").lower() or None


def lexicon_name(name: str, prefer: str | None = None) -> tuple[str, str] | None:
    """(canonical name, "outlet" or "organization") when the lexicon knows ``name`` ("AP" ->
    ("Associated Press", "outlet")); ``prefer`` is the type tried first."""
    lex = lexicon()
    raw = re.sub(r"'s$", "", fold(name.translate(_QUOTES)).strip().rstrip(",;:"))
    keys = []
    for key in dict.fromkeys([raw, raw.rstrip(".")]):
        keys += [key, key[4:] if key.startswith("the ") else "the " + key]
    tables = [("outlet", lex.outlets), ("organization", lex.organizations)]
    if prefer == "organization":
        tables.reverse()
    for kind, table in tables:
        for k in keys:
            hit = table.get(k)
            if hit:
                return hit[0], kind
    return None


# ---------------------------------------------------------------- documents

# words before a document noun that do not tell which document it is
DOC_FILLER = {
    "a", "an", "the", "new", "newly", "latest", "recent", "last", "previous", "earlier", "this", "that",
    "its", "their", "his", "her", "our", "another", "leaked", "full", "official", "much-anticipated",
    "long-awaited", "closely", "watched", "closely-watched", "widely", "cited", "same", "one", "two",
    "several", "some", "many", "such", "other", "separate", "detailed", "lengthy", "brief", "short",
    "published", "released", "unpublished", "internal", "confidential", "secret", "classified",
}
# nouns for the people who write a document for an organization ("UN experts" -> the UN)
AUTHOR_NOUNS = {"experts", "expert", "officials", "official", "researchers", "analysts", "staff",
                "panel", "investigators", "inspectors", "monitors", "economists", "scientists",
                "team", "members", "lawyers", "auditors"}
# capitalized words that still do not tell one document from another
NONSPECIFIC = {"us", "u", "s", "uk", "eu", "american", "british", "federal", "government", "state",
               "national", "official", "internal", "new", "annual", "congressional", "intelligence",
               "military", "white", "house", "senate", "department", "agency", "court", "police"}
_BY = re.compile(r"\bby\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s*){1,5})")


@dataclass(frozen=True)
class DocName:
    """A document name in parts: its noun, who produced it, and words that tell it apart."""

    noun: str
    producer: str = ""  # a canonical organization name, folded ("united nations")
    producer_type: str = ""  # "organization", "outlet" or "" (not in the lexicon)
    qualifiers: tuple[str, ...] = ()
    named: tuple[str, ...] = ()  # qualifiers that are proper names ("Abbottabad", "Mueller")

    @property
    def key(self) -> str:
        """The resolution key: "united nations report", "abottabad documents"."""
        return " ".join(w for w in [self.producer, *self.qualifiers, self.noun] if w)

    @property
    def specific(self) -> bool:
        """Whether the name tells which document it is across articles: an organization that
        produced it, or a proper name ("the Mueller report"); not "the report", "intelligence
        reports", nor a news outlet's report (outlets publish thousands)."""
        return (bool(self.producer) and self.producer_type == "organization") or bool(self.named)


def _document_nouns() -> frozenset[str]:
    """Single-word document nouns of the lexicon, with regular plurals."""
    nouns = {n for n in lexicon().documents if " " not in n}
    return frozenset(nouns | {n + "s" for n in nouns if not n.endswith("s")})


def _producer(words: list[str]) -> tuple[str, str, list[str]]:
    """The longest lexicon name at the start of ``words``: (canonical folded, type, rest)."""
    for n in range(min(len(words), 6), 0, -1):
        hit = lexicon_name(" ".join(words[:n]), prefer="organization")
        if hit:
            return fold(hit[0]), hit[1], words[n:]
    return "", "", words


def parse_document(name: str, aliases: Sequence[str] = (), authors: Sequence[str] = (),
                   role: str | None = None) -> DocName | None:
    """A document name in parts, or None when ``name`` does not end with a document noun.

    The producer comes from the name ("UN report", "United Nations report"), else from
    "by X" in an alias or the role ("the report by UN experts"), else from an author
    the lexicon knows (a report whose authors are the United Nations).
    """
    words = name_words(name)
    while words and words[0] in ("a", "an", "the"):
        words = words[1:]
    if not words or words[-1] not in _document_nouns():
        return None
    noun, before = words[-1], words[:-1]
    producer, ptype, rest = _producer(before)
    while not producer and before and before[0] in DOC_FILLER:  # "a new Pew survey"
        before = before[1:]
        producer, ptype, rest = _producer(before)
    rest = [w for w in rest if w not in AUTHOR_NOUNS and w not in DOC_FILLER]
    capitals = {w for w in name_words(" ".join(t for t in name.split() if t[:1].isupper()))}
    named = tuple(w for w in rest if w in capitals and w not in NONSPECIFIC)
    if not producer:
        for text in [*aliases, role or ""]:
            m = _BY.search(text or "")
            if m:
                by = [w for w in name_words(m.group(1)) if w not in AUTHOR_NOUNS]
                producer, ptype, left = _producer(by)
                if producer and not left:
                    break
                producer, ptype = "", ""
    if not producer:
        for a in authors:
            hit = lexicon_name(a, prefer="organization")
            if hit:
                producer, ptype = fold(hit[0]), hit[1]
                break
    return DocName(noun, producer, ptype, tuple(american(w) for w in rest), named)


# ---------------------------------------------------------------- organization heads


def head_noun(name: str) -> str:
    """The head word of an organization name: "Department of State" -> "department",
    "International Monetary Fund" -> "fund"."""
    words = [w for w in name_words(name) if w != "the"]
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1] if words else ""
