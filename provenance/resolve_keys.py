"""Source keys: a resolution key, and the two marks a stored key can carry, built and read here only.

``source.key`` is what resolution matches on (``"donald j trump"``, ``"united nations report"``).
Two kinds of source carry more in their key, so that the pair (type, key) stays unique:

- a source that lives in one article (an anonymous "two officials", a bare "the report"):
  ``"<normalized name> @<article>"``, the article being the first 16 hex digits of its
  content hash. The same words in another article are another source.
- a document seen again in articles far apart in time (another edition of a yearly report):
  ``"<key> ~<period>"``, the period being the publication date of the article that started it
  (``"~2016-03-01"``, ``"~2016-03-01 2"`` for a second one that day). The base key is what
  matches; the period tells the editions apart.

The formats are stored in databases (and frozen in ``provenance.store.migration_names`` for
migration 6): this module only gives them one definition in the code.
"""

from dataclasses import dataclass

SCOPE_MARK = " @"
PERIOD_MARK = " ~"
ARTICLE_DIGITS = 16  # hex digits of the content hash an article-scoped key keeps


@dataclass(frozen=True)
class SourceKey:
    """A source key in parts: the key resolution matches on, the article it is scoped to, its period.

    ``str(SourceKey.parse(k)) == k`` for every key this code writes.
    """

    base: str
    article: str | None = None  # article-scoped: what follows " @" (a content-hash prefix)
    period: str | None = None  # a document's period: what follows " ~"

    @classmethod
    def parse(cls, key: str) -> "SourceKey":
        """The parts of a stored key (a key with neither mark is all base)."""
        head, scoped, article = key.partition(SCOPE_MARK)
        base, dated, period = head.partition(PERIOD_MARK)
        return cls(base, article if scoped else None, period if dated else None)

    @classmethod
    def scoped_to(cls, base: str, article_hash: str) -> "SourceKey":
        """The key of a source that lives only in the article with this content hash."""
        return cls(base, article=article_hash[:ARTICLE_DIGITS])

    @property
    def scoped(self) -> bool:
        """Whether the source lives in one article only."""
        return self.article is not None

    def in_period(self, period: str) -> "SourceKey":
        """The same key for another period of the document."""
        return SourceKey(self.base, self.article, period)

    def __str__(self) -> str:
        return (self.base + (PERIOD_MARK + self.period if self.period is not None else "")
                + (SCOPE_MARK + self.article if self.article is not None else ""))


def is_scoped_key(key: str) -> bool:
    """Whether a stored key is that of a source living in one article."""
    return SourceKey.parse(key).scoped


def base_key(key: str) -> str:
    """A stored key without its marks: what resolution matches on."""
    return SourceKey.parse(key).base
