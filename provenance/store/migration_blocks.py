"""Schema version 2: blocking keys for the sources a version 1 database already holds.

Frozen: this module copies the few rules it needs and imports nothing of the name or
resolution code, so the migration writes on any later version what it writes today
(issue 14). Version 2 added ``source_block``: each source is filed under keys that a
misspelt or shortened name of it shares, so that resolution compares a new name only with
the sources of its blocks. A version 1 database has sources and no blocks; this fills them.

The blocks are derived from what each row stores (type, resolution key, shown name): the
key already is the outcome of the rules of its time, so nothing is parsed again from the
articles. A source that lives in one article (key ``"<name> @<article>"``) has no blocks,
as at ingest. When blocking rules change later, ``provenance reindex`` re-derives every
source's blocks with the current rules; this migration does not follow them.

- person ``"first [middle ...] last [suffix]"``: ``ps:<surname>`` (particles included:
  "bin laden") and ``px:<soundex of the surname's last word>:<first initial>``;
- organization: ``os:<soundex of each content word of the key, sorted>``, and ``ac:<acronym>``
  for the acronyms its name is or makes ("CBO", "Congressional Budget Office" -> ``ac:cbo``);
- document ``"<producer> <qualifiers> <noun>"`` (a period suffix ``" ~<date>"`` dropped):
  ``dk:<key>`` and the ``os:`` block of the key;
- outlets and anonymous sources: none (they never merge on similarity).
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, text

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "del", "della", "der", "di", "da", "du", "la",
                        "le", "van", "von", "den", "ter", "st", "mac", "dos", "das"})
_FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "at", "to", "a", "an", "&", "de", "du", "des"})
_SOUNDEX = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"),
            "l": "4", **dict.fromkeys("mn", "5"), "r": "6"}
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_POSSESSIVE = re.compile(r"(?<=[\w.])'s\b|(?<=s)'(?=\s|$)")
_NAME_PUNCT = re.compile(r"[^\w\s'-]+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,6}$|^[A-Z][A-Z&]{1,6}$")
_BATCH = 5000


def upgrade(conn: Connection) -> int:
    """Write the blocks of every stored source; return how many block rows were written."""
    rows = list(_block_rows(conn.execute(text("SELECT id, name, type, key FROM source ORDER BY id"))))
    sql = "INSERT INTO source_block (block, source_id) VALUES (:block, :source_id)"  # a new, empty table
    for i in range(0, len(rows), _BATCH):
        conn.execute(text(sql), rows[i:i + _BATCH])
    return len(rows)


def _block_rows(sources: Iterable) -> Iterator[dict]:
    """One row per (block, source), each block of a source once."""
    for sid, name, typ, key in sources:
        for block in dict.fromkeys(blocks(typ, key, name)):
            yield {"block": block, "source_id": sid}


def blocks(typ: str, key: str, name: str) -> tuple[str, ...]:
    """The version 2 blocks of one stored source (none for an article-scoped one)."""
    if " @" in key:
        return ()
    if typ == "person":
        return _person_blocks(key)
    if typ == "organization":
        acronyms = sorted(a for a in {*_acronyms_of(name), _as_acronym(name) or ""} if a)
        return _sound_block(key) + tuple(f"ac:{a}" for a in acronyms)
    if typ == "document":
        base = key.split(" ~")[0]
        return (f"dk:{base}",) + _sound_block(base)
    return ()


def _person_blocks(key: str) -> tuple[str, ...]:
    """Surname and sound-of-surname blocks of a full name's key; none for a surname alone or a group."""
    words = key.split()
    if " & " in key or len(words) < 2:
        return ()
    if words[-1] in _SUFFIXES and len(words) > 2:
        words = words[:-1]
    i = len(words) - 1
    while i > 1 and words[i - 1] in _PARTICLES:
        i -= 1
    last = " ".join(words[i:])
    return (f"ps:{last}", f"px:{_soundex(last.split()[-1].replace('-', ''))}:{words[0][0]}")


def _sound_block(key: str) -> tuple[str, ...]:
    """The sound of each content word of a key, sorted, as one block."""
    words = [w for w in key.split() if w not in _FUNCTION_WORDS]
    return ("os:" + " ".join(sorted(_soundex(w) for w in words)),) if words else ()


def _soundex(word: str) -> str:
    """American Soundex of a folded word."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return ""
    out, last = letters[0], _SOUNDEX.get(letters[0], "")
    for c in letters[1:]:
        code = _SOUNDEX.get(c, "")
        if code and code != last:
            out += code
        if c not in "hw":
            last = code
    return (out + "000")[:4]


def _words(name: str) -> list[str]:
    """Folded words of a name (no diacritics, no possessive, hyphens and apostrophes inside words kept)."""
    s = name.translate(_QUOTES)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()
    s = _POSSESSIVE.sub("", s).replace(".", " ")
    return [w for w in (w.strip("'-") for w in _NAME_PUNCT.sub(" ", s).split()) if w]


def _acronyms_of(name: str) -> set[str]:
    """Acronyms a name of two or more content words makes ("bank of america" -> "ba", "boa")."""
    words = [w for w in _words(name) if w != "the"]
    content = [w for w in words if w not in _FUNCTION_WORDS]
    if len(content) < 2:
        return set()
    short = "".join(w[0] for w in content)
    long = "".join(w[0] for w in words if w not in {"the", "&", "and"})
    return {short, long} if len(long) > len(short) else {short}


def _as_acronym(name: str) -> str | None:
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
