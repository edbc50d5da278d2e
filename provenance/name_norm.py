"""The one plain form of a name (``normalize_name``), apart from the rest of ``provenance.names``:
what ``claims --source NAME`` and ``source NAME`` need to look a name up, without the name
rules' patterns and classes (compiling them was ~10 ms of such a query's start; docs/benchmarks.md,
issue 13, sixth pass). ``provenance.names`` re-exports all of it.
"""

import re
import unicodedata
from functools import lru_cache

HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "fr",
    "sen",
    "senator",
    "rep",
    "gov",
    "gen",
    "col",
    "capt",
    "lt",
    "sgt",
}

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_POSSESSIVE = re.compile(r"(?<=[\w.])'s\b|(?<=s)'(?=\s|$)")  # "U.N.'s" too
_NAME_PUNCT = re.compile(r"[^\w\s'-]+")
# In a name, invisible characters are no part of it (issue 11): zero-width spaces and joiners,
# word joiner, BOM, soft hyphen and the bidi marks, embeddings, overrides and isolates vanish;
# control characters (newline, tab, ESC ...) separate words like a space.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


@lru_cache(maxsize=1 << 16)
def visible_name(name: str) -> str:
    """``name`` as it may be stored and shown: NFC, invisible characters dropped, control
    characters as spaces ("Jos\u200bé" and "José" typed with a combining accent are "José")."""
    if name.isascii() and name.isprintable():
        return name
    s = unicodedata.normalize("NFC", _CONTROLS.sub(" ", _INVISIBLE.sub("", name)))
    return s if s.strip() == name.strip() else " ".join(s.split())


def _strip_accents(s: str) -> str:
    """``s`` without diacritics (José -> Jose)."""
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """The one plain form of a name, for alias norms, curation pins and look-ups alike: the words of
    ``name_words`` without a leading "the" or honorific ("The U.N.'s  Report" -> "u n report",
    "Dr. José Ruiz" -> "jose ruiz"), so that a name is looked up as it was stored (issue 15)."""
    words = name_words(name)
    while len(words) > 1 and (words[0] == "the" or words[0] in HONORIFICS):
        words = words[1:]
    return " ".join(words) or name.casefold().strip()


def name_words(name: str) -> list[str]:
    """Folded words of a name, hyphens and apostrophes inside words kept ("Scott-Clarke" stays one)."""
    return list(_name_words(name))


@lru_cache(maxsize=1 << 16)
def _name_words(name: str) -> tuple[str, ...]:
    """name_words, cached."""
    s = _strip_accents(visible_name(name).translate(_QUOTES)).casefold()
    s = _POSSESSIVE.sub("", s).replace(".", " ")
    words = [w.strip("'-") for w in _NAME_PUNCT.sub(" ", s).split()]
    return tuple(w for w in words if w)
