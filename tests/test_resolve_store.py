"""The resolver reads and writes sources only through the ``SourceStore`` it is given (issue 14):
here a dictionary, no database, and the same decisions as on SQLite."""

from provenance.models import Entity
from provenance.resolve import ArticleRef, Resolver


class DictStore:
    """A SourceStore over plain dictionaries, enough to resolve without a database."""

    def __init__(self):
        self.sources: dict[int, dict] = {}
        self.aliases: list[dict] = []
        self.blocks: set[tuple[str, int]] = set()

    def _rows(self, ok):
        return [(i, s["name"], s["type"], s["key"], s["role"]) for i, s in sorted(self.sources.items()) if ok(i, s)]

    def by_key(self, keys):
        return self._rows(lambda i, s: s["key"] in set(keys))

    def by_id(self, ids):
        return self._rows(lambda i, s: i in set(ids))

    def by_alias_norm(self, norms):
        return [(a["source_id"], a["alias"], a["norm"], *(self.sources[a["source_id"]][k] for k in ("name", "type", "key")))
                for a in self.aliases if a["norm"] in set(norms)]

    def in_blocks(self, blocks):
        return sorted((b, i) for b, i in self.blocks if b in set(blocks))

    def publication_days(self, ids):
        return []

    def pins(self):
        return []

    def name_of(self, source_id):
        return self.sources[source_id]["name"]

    def add_sources(self, rows):
        for row in rows:
            if not any((s["type"], s["key"]) == (row["type"], row["key"]) for s in self.sources.values()):
                self.sources[len(self.sources) + 1] = dict(row)
        return {(s["type"], s["key"]): i for i, s in self.sources.items()}

    def add_aliases(self, rows):
        self.aliases += rows

    def add_blocks(self, rows):
        self.blocks |= {(r["block"], r["source_id"]) for r in rows}

    def set_roles(self, rows):
        for r in rows:
            self.sources[r["sid"]]["role"] = self.sources[r["sid"]]["role"] or r["role"]


def test_the_resolver_needs_only_its_source_store():
    store = DictStore()
    resolver = Resolver(store)
    first = resolver.resolve(Entity(id=0, name="Thomas Joscelyn", type="person"), article_key=ArticleRef("a" * 64))
    resolver.end_batch()
    again = Resolver(store)  # a fresh resolver finds the stored source by block, as the writer's next batch would
    second = again.resolve(Entity(id=0, name="Thomas Jocelyn", type="person"), article_key=ArticleRef("b" * 64))
    assert first == second == 1
    assert [(a["alias"], a["reason"]) for a in store.aliases] == [
        ("Thomas Joscelyn", "first-seen"), ("Thomas Jocelyn", "spelling-variant")]
    assert ("ps:joscelyn", 1) in store.blocks
    other = again.resolve(Entity(id=1, name="two officials", type="anonymous"), article_key=ArticleRef("b" * 64))
    assert store.sources[other]["key"] == "two officials @" + "b" * 16


def test_the_kept_resolver_forgets_article_scoped_sources_and_their_roles():
    """Between batches the resolver keeps the sources of the corpus, not of its articles: an article-scoped
    source ("two officials") is dropped with its role, so what is kept does not grow with the articles."""
    store = DictStore()
    resolver = Resolver(store)
    for n in range(30):
        key = ArticleRef(f"{n:016x}" * 4)  # (a scoped key keeps the first 16 digits)
        resolver.resolve_many([(Entity(id=0, name="two officials", type="anonymous", role="in the ministry"), key),
                               (Entity(id=1, name="Thomas Joscelyn", type="person", role="a senior fellow"), key)])
        resolver.end_batch()
        assert resolver.size() == 1 and len(resolver._roles) == 1  # Joscelyn's, whatever the batch
    assert sum(s["role"] is not None for s in store.sources.values()) == 31  # every role was written
