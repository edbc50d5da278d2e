"""Map each entity of a reading to a stored source: one real-world source, one row.

This first resolver merges only names that are equal after normalization (case,
diacritics, punctuation, honorifics, possessive 's, a leading "the") and of the same type.
It is deliberately small behind a clear interface, ``Resolver(db).resolve(entity)``
(and ``resolve_many`` for a whole article),
so a fuzzy resolver (spelling variants, acronyms) can replace it without touching the writer.
Anonymous sources ("two officials") and bare generic names ("the report") are kept apart
per article: the same words in two articles are not the same source.
"""

import re
import unicodedata
from functools import lru_cache

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.orm import Session

from provenance.models import Entity, SourceType
from provenance.store.tables import Source, SourceAlias
from provenance.store.upsert import insert_ignore

HONORIFICS = {
    "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "reverend", "fr", "sen", "senator", "rep", "gov", "gen", "col", "capt", "lt", "sgt",
}
# names so generic that equal spellings in two articles need not be the same source
GENERIC = {
    "report", "reports", "study", "statement", "letter", "document", "documents", "survey", "poll",
    "memo", "analysis", "paper", "files", "data", "figures", "statistics", "review", "article",
    "company", "firm", "fund", "agency", "group", "ministry", "government", "officials", "official",
    "experts", "expert", "sources", "source", "analysts", "spokesman", "spokeswoman", "spokesperson",
    "police", "authorities", "researchers", "scientists", "witnesses", "residents", "people",
    "campaign", "administration", "committee", "court", "party", "team", "organization",
}
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "you", "us"}

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_PUNCT = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """The resolution key of a name: "The U.N.'s  Report" -> "un report", "Dr. José Ruiz" -> "jose ruiz"."""
    s = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = _POSSESSIVE.sub("", s)
    s = s.replace(".", "")  # U.N. -> un, Dr. -> dr
    s = _SPACES.sub(" ", _PUNCT.sub(" ", s)).strip()
    words = s.split(" ")
    while len(words) > 1 and (words[0] == "the" or words[0] in HONORIFICS):
        words = words[1:]
    key = " ".join(words)
    return key or name.casefold().strip()


def is_article_scoped(entity_type: str, key: str) -> bool:
    """Whether a source of this type and key is only meaningful inside one article."""
    return entity_type == SourceType.anonymous.value or key in GENERIC or key in PRONOUNS


class Resolver:
    """Resolve entities to source ids inside one write transaction, creating sources as needed.

    ``db`` is a SQLAlchemy Connection (or Session) in a transaction. Ids are cached for
    the life of that transaction; call ``reset()`` after a rollback. ``resolve_many``
    does a whole article (or batch) in a few statements, which is what makes ingest fast.
    """

    reason = "exact-normalized"

    def __init__(self, db: Connection | Session):
        self.db = db
        self._ids: dict[tuple[str, str], int] = {}  # (type, key) -> source id
        self._by_key: dict[str, int] = {}  # key -> a source id (any type), for relations
        self._names: dict[int, str] = {}
        self._aliases: set[tuple[int, str]] = set()
        self._roles: set[int] = set()

    def reset(self) -> None:
        """Forget cached ids (after a rollback they may no longer exist)."""
        for cache in (self._ids, self._by_key, self._names, self._aliases, self._roles):
            cache.clear()

    def resolve(self, entity: Entity, *, article_key: str | None = None) -> int:
        """The id of the stored source for ``entity``; ``article_key`` scopes anonymous ones."""
        return self.resolve_many([(entity, article_key)])[0]

    def resolve_many(self, items: list[tuple[Entity, str | None]]) -> list[int]:
        """Source ids for many (entity, article key) pairs at once: one select, one insert,
        one alias insert, whatever their number."""
        entities = [e for e, _ in items]
        wanted = [self.identity(e, key) for e, key in items]
        missing = {w for w in wanted if w not in self._ids}
        if missing:
            self._load(missing)
            new = [(e, w) for e, w in zip(entities, wanted) if w not in self._ids]
            if new:
                rows: dict[tuple[str, str], dict] = {}
                for e, w in new:  # the first spelling seen names the source
                    rows.setdefault(w, {"name": e.name.strip(), "type": w[0], "key": w[1], "role": e.role})
                self.db.execute(insert_ignore(self.db, Source, ["type", "key"]), list(rows.values()))
                self._load(set(rows))
        ids = [self._ids[w] for w in wanted]
        alias_rows, role_rows = [], []
        for e, sid in zip(entities, ids):
            for alias in (e.name, *e.aliases):
                alias = alias.strip()
                norm = normalize_name(alias)
                if alias and norm not in PRONOUNS and (sid, alias) not in self._aliases:
                    self._aliases.add((sid, alias))
                    alias_rows.append({"source_id": sid, "alias": alias, "norm": norm,
                                       "reason": self.reason, "score": 1.0})
            if e.role and sid not in self._roles:
                self._roles.add(sid)
                role_rows.append({"sid": sid, "role": e.role})
        if alias_rows:
            self.db.execute(insert_ignore(self.db, SourceAlias, ["source_id", "alias"]), alias_rows)
        if role_rows:
            self.db.execute(update(Source.__table__).where(Source.id == bindparam("sid"), Source.role.is_(None))
                            .values(role=bindparam("role")), role_rows)
        return ids

    @staticmethod
    def identity(entity: Entity, article_key: str | None = None) -> tuple[str, str]:
        """The (type, key) that identifies an entity's source."""
        etype = entity.type.value if isinstance(entity.type, SourceType) else str(entity.type)
        key = normalize_name(entity.name)
        if article_key and is_article_scoped(etype, key):
            key = f"{key} @{article_key[:16]}"
        return etype, key

    def name_of(self, source_id: int) -> str:
        """The canonical name of a source resolved in this transaction."""
        name = self._names.get(source_id)
        if name is None:
            name = self.db.execute(select(Source.name).where(Source.id == source_id)).scalar_one()
            self._names[source_id] = name
        return name

    def find(self, name: str) -> int | None:
        """The id of an existing source with this normalized name, of any type (for relations)."""
        key = normalize_name(name)
        if key not in self._by_key:
            row = self.db.execute(select(Source.id).where(Source.key == key).order_by(Source.id).limit(1)).first()
            if row is None:
                return None
            self._by_key[key] = row[0]
        return self._by_key[key]

    def _load(self, wanted: set[tuple[str, str]]) -> None:
        """Cache the ids of the stored sources among ``wanted`` (by key, in chunks)."""
        keys = sorted({k for _, k in wanted})
        for i in range(0, len(keys), 500):
            for sid, name, etype, key in self.db.execute(
                select(Source.id, Source.name, Source.type, Source.key).where(Source.key.in_(keys[i:i + 500]))
            ):
                if (etype, key) in wanted:
                    self._ids[(etype, key)] = sid
                    self._names[sid] = name
                    self._by_key.setdefault(key, sid)
