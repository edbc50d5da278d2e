"""A tiny deterministic extractor for tests of storage, queries and the CLI.

The real extractor (provenance.extract) is tested on its own; these tests need chains
whose content they can predict. Sentences of the form
``[According to RELAY, ]SOURCE said|reported|stated [that ]CONTENT.`` become attributed
claims; every other sentence is an unattributed claim. A document containing EXPLODE
makes the extractor raise (to test failure handling).
"""

import re

from provenance.extract.options import ExtractOptions
from provenance.models import (
    Attribution,
    ChainLink,
    Claim,
    ClaimKind,
    CueType,
    Document,
    Entity,
    Mention,
    Reading,
    SourceType,
    Span,
)

OUTLETS = {"Associated Press", "AP", "Reuters", "The Sunday Times", "Financial Times"}
# a sentence starts only after "." or a newline: the same matches as without the lookbehind,
# in linear time (without it, every position of a long line with no period is retried)
_SENTENCE = re.compile(r"(?:(?<=[.\n])|(?<![\s\S]))[^.\n]+\.")
_PATTERN = re.compile(
    r"(?:According to (?P<relay>[A-Z][\w ]*?), )?(?P<src>(?:[Tt]he )?[A-Z][\w' ]*?|[a-z]+ officials) "
    r"(?P<cue>said|reported|stated) (?:that )?(?P<content>[^.]+)\."
)


def _type(name: str) -> SourceType:
    if name in OUTLETS:
        return SourceType.outlet
    if "report" in name.lower():
        return SourceType.document
    if name.endswith("officials"):
        return SourceType.anonymous
    return SourceType.person


def fake_extract(doc: Document, options: ExtractOptions | None = None) -> Reading:
    """Extract claims with chains from the simple sentence shapes above (``options``, as
    ingest passes them, change nothing here)."""
    text = doc.text
    if "EXPLODE" in text:
        raise RuntimeError("the fake extractor was told to fail")
    start, end = doc.body
    entities: dict[str, Entity] = {}
    mentions, attributions, claims = [], [], []

    def entity(name: str) -> Entity:
        if name not in entities:
            entities[name] = Entity(id=len(entities), name=name, type=_type(name))
        return entities[name]

    for sm in _SENTENCE.finditer(text, start, end):
        s = sm.start()
        while s < sm.end() and text[s].isspace():
            s += 1
        m = _PATTERN.fullmatch(text, s, sm.end())
        if not m:
            claims.append(Claim(id=len(claims), span=Span.of(text, s, sm.end()), cue=None,
                                kind=ClaimKind.unattributed, attribution=None))
            continue
        src = entity(m.group("src"))
        mentions.append(Mention(id=len(mentions), span=Span.of(text, *m.span("src")), entity=src.id))
        cue = Span.of(text, *m.span("cue"))
        content = Span.of(text, *m.span("content"))
        chain = [ChainLink(entity=src.id, name=src.name, type=src.type, cue=cue.text,
                           evidence=Span.of(text, m.start("src"), m.end("cue")))]
        relays = []
        if m.group("relay"):
            relay = entity(m.group("relay"))
            relays.append(relay.id)
            mentions.append(Mention(id=len(mentions), span=Span.of(text, *m.span("relay")), entity=relay.id))
            chain.append(ChainLink(entity=relay.id, name=relay.name, type=relay.type, cue="According to",
                                   evidence=Span.of(text, m.start(), m.end("relay"))))
        attributions.append(Attribution(id=len(attributions), cue=cue, cue_type=CueType.verb,
                                        source=Span.of(text, *m.span("src")), entity=src.id,
                                        content=content, relays=relays))
        if len(chain) > 1 or src.type == SourceType.outlet:
            kind = ClaimKind.secondhand
        elif src.type == SourceType.anonymous:
            kind = ClaimKind.vague
        else:
            kind = ClaimKind.direct
        claims.append(Claim(id=len(claims), span=content, cue=cue, kind=kind,
                            attribution=attributions[-1].id, chain=chain))
    return Reading(text=text, entities=list(entities.values()), mentions=mentions,
                   attributions=attributions, claims=claims, words=len(text[start:end].split()))


def fail_claims_containing(monkeypatch, marker: str) -> None:
    """Make the writer's claim insert fail for any batch with a claim containing ``marker``
    (a disk error on one article), to test that only that article is left out."""
    from provenance.store import writer

    real = writer._insert_with_ids

    def explode(conn, table, columns, rows):
        if any(marker in str(row) for row in rows):
            raise RuntimeError("disk on fire")
        return real(conn, table, columns, rows)

    monkeypatch.setattr(writer, "_insert_with_ids", explode)


def store_texts(engine, *pairs, cache=None):
    """Store (text, path) pairs read by the fake extractor, in one batch; return the results."""
    from provenance.readers import parse_text
    from provenance.store.writer import store_batch

    items = []
    for body, path in pairs:
        doc = parse_text(body).model_copy(update={"path": path})
        items.append((doc, fake_extract(doc)))
    return store_batch(engine, items, cache)
