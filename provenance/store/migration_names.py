"""Schema version 6: one normalization of names (issue 15), applied to the rows already stored.

Frozen: this module copies the two normalizations it converts between and imports nothing
of the name code, so the migration does on any later version what it does today. Before
version 6, ``normalize_name`` dropped periods and turned hyphens and apostrophes into
spaces ("U.S." -> "us", "Scott-Clarke" -> "scott clarke") while resolution keys kept the
words of ``name_words`` ("u s", "scott-clarke"): a source was stored under one form and
looked up under the other. From version 6 both are the words of ``name_words``.

The migration re-computes ``source_alias.norm``; re-keys sources that live in one article
(key ``"<normalized name> @<article hash>"``) and curation pins that were a normalized
name (pins that are a resolution key are already in the new form); and gives every source
an alias row for the name it is shown under, so ``source NAME`` finds it by that name.
"""

import re
import unicodedata

from sqlalchemy import Connection, text

_HONORIFICS = frozenset({
    "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "reverend", "fr", "sen", "senator", "rep", "gov", "gen", "col", "capt", "lt", "sgt",
})
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_OLD_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_NEW_POSSESSIVE = re.compile(r"(?<=[\w.])'s\b|(?<=s)'(?=\s|$)")
_OLD_PUNCT = re.compile(r"[^\w\s]+")
_NAME_PUNCT = re.compile(r"[^\w\s'-]+")
_SPACES = re.compile(r"\s+")
_BATCH = 2000


def _fold(name: str) -> str:
    """Straight quotes, no diacritics, casefolded."""
    s = name.translate(_QUOTES)
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.casefold()


def _drop_leading(words: list[str]) -> list[str]:
    """Words without a leading "the" or honorific (one word always stays)."""
    while len(words) > 1 and (words[0] == "the" or words[0] in _HONORIFICS):
        words = words[1:]
    return words


def old_norm(name: str) -> str:
    """normalize_name up to schema version 5."""
    s = _OLD_POSSESSIVE.sub("", _fold(name)).replace(".", "")
    s = _SPACES.sub(" ", _OLD_PUNCT.sub(" ", s)).strip()
    return " ".join(_drop_leading(s.split(" "))) or name.casefold().strip()


def new_norm(name: str) -> str:
    """normalize_name from schema version 6: the words of name_words, leading "the"/honorific dropped."""
    s = _NEW_POSSESSIVE.sub("", _fold(name)).replace(".", " ")
    words = [w.strip("'-") for w in _NAME_PUNCT.sub(" ", s).split()]
    return " ".join(_drop_leading([w for w in words if w])) or name.casefold().strip()


def renorm(value: str, name: str) -> str:
    """``value`` in the new form when it was ``name`` normalized the old way (alone, or before
    " @<article>"), else ``value`` unchanged (a resolution key, already in the new form)."""
    base, at, rest = value.partition(" @")
    if base != old_norm(name):
        return value
    return new_norm(name) + at + rest


def upgrade(conn: Connection) -> None:
    """Version 6: re-normalize alias norms, article-scoped keys and pins; add each source's shown name as an alias."""
    _renorm_aliases(conn)
    _rekey_scoped_sources(conn)
    _renorm_pins(conn)
    _alias_own_names(conn)


def _update(conn: Connection, sql: str, rows: list[dict]) -> None:
    """Run one UPDATE for many rows, a batch at a time."""
    for i in range(0, len(rows), _BATCH):
        conn.execute(text(sql), rows[i:i + _BATCH])


def _renorm_aliases(conn: Connection) -> None:
    """Every alias norm in the new form."""
    rows = [{"id": i, "norm": new_norm(alias)}
            for i, alias, norm in conn.execute(text("SELECT id, alias, norm FROM source_alias"))
            if new_norm(alias) != norm]
    _update(conn, "UPDATE source_alias SET norm = :norm WHERE id = :id", rows)


def _rekey_scoped_sources(conn: Connection) -> None:
    """Keys "<normalized name> @<article>" in the new form (left as they are where that would clash)."""
    taken = {(t, k) for t, k in conn.execute(text("SELECT type, key FROM source"))}
    rows = []
    for sid, name, typ, key in conn.execute(text("SELECT id, name, type, key FROM source WHERE key LIKE '% @%'")):
        new = renorm(key, name)
        if new != key and (typ, new) not in taken:
            taken.add((typ, new))
            rows.append({"id": sid, "key": new})
    _update(conn, "UPDATE source SET key = :key WHERE id = :id", rows)


def _renorm_pins(conn: Connection) -> None:
    """Curation pins that were a normalized name, in the new form."""
    rows = [{"id": i, "norm": renorm(norm, alias)}
            for i, alias, norm in conn.execute(text("SELECT id, alias, norm FROM source_curation"))
            if renorm(norm, alias) != norm]
    _update(conn, "UPDATE source_curation SET norm = :norm WHERE id = :id", rows)


def _alias_own_names(conn: Connection) -> None:
    """An alias row for each source's shown name, where it has none."""
    rows = [{"sid": sid, "alias": name, "norm": new_norm(name)} for sid, name in conn.execute(text(
        "SELECT s.id, s.name FROM source s WHERE NOT EXISTS "
        "(SELECT 1 FROM source_alias a WHERE a.source_id = s.id AND a.alias = s.name)"))]
    sql = ("INSERT INTO source_alias (source_id, alias, norm, reason, score) "
           "VALUES (:sid, :alias, :norm, 'first-seen', 1.0)")
    for i in range(0, len(rows), _BATCH):
        conn.execute(text(sql), rows[i:i + _BATCH])
