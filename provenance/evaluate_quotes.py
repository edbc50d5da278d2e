"""Score quotes and their speakers against quote/speaker gold (docs/gold-format.md, "Quote gold").

The gold format is one article a JSON line::

    {"id", "title", "outlet", "url", "text",
     "quotes": [{"content": {"start","end"}, "speaker", "speaker_mention",
                 "speaker_span": {"start","end"} | null, "cue"}]}

with offsets into ``text``; ``speaker`` is the annotators' resolved name of the immediate
speaker ("Leila Ortiz" where the text says "she"), ``speaker_span`` is null when the
speaker is only implied (a quote continuing the previous speaker's). :func:`evaluate_quotes`
runs an extractor over every article and counts:

**Quotes found.** A gold quote is found when some claim overlaps at least half of its
characters. Its claim is the one overlapping it most (ties: a claim with a chain, then the
earliest start, then the extractor's order).

**Speaker right.** Of the found quotes with a gold speaker, those whose claim's chain names
the speaker at its origin (first link) or immediate source (last link), by the link's name
or any alias. Names match when their word sets (lower-cased ``\\w+`` words, possessive
``'s`` and the honorifics in :data:`HONORIFICS` dropped) are non-empty and one is a subset
of the other ("Trump" ~ "Donald Trump"). A pronoun counts only when resolved to the right
name: "he" shares no word with a name. ``speaker_right_origin`` is the stricter first-link,
name-only figure.

**Sourced claims on a gold quote.** Of the claims with a non-empty chain, those that share
at least one character with some gold quote (``mostly_on_quote``: at least half of the
claim's characters inside one). The gold annotates every quote of an article, so a sourced
claim on no quote is, roughly, a false positive.

Each quote figure is also split by **direct** (the content opens with a quote mark) /
**indirect** and by speaker **mentioned** (``speaker_span`` given) / **implied**.

These are the definitions of the reference scorer that ingests the gold through the CLI
and reads ``claims --format json``, by which the project's quote figures are judged. That
path shows each link under the name and aliases of the *stored source*, after the
database has resolved it; so here too each link is named by the in-article resolution
(:func:`source_names`), not by the extractor's raw entity name. On the 47-article
development set this reproduces 1,120 of the CLI's 1,121 link names (raw entity names:
966) and every figure to the count, the origin-only ones included (raw names: 3 more
origins right, 0.4 point). Merges with sources of *other* articles are not replayed: on a
corpus where they rename many sources the figures may drift from the CLI's by a little.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from provenance.gold import check_span, gold_lines, json_line, model_line
from provenance.models import Document, Reading

#: A gold content opening with one of these (after whitespace) is a direct quote.
QUOTE_OPENERS = frozenset("\"“‘'«„")
#: Titles dropped from names before comparing them.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir"})
#: A gold quote is found when a claim covers at least this share of its characters.
MIN_COVER = 0.5
#: The breakdowns of the quote figures, in report order.
SPLITS = ("direct", "indirect", "speaker_mentioned", "speaker_implied")

_POSSESSIVE = re.compile(r"[’']s\b")
_WORD = re.compile(r"\w+")
_NEAR = 200  # characters around a missed quote in which claims are shown


# --------------------------------------------------------------------------- gold format


class Offsets(BaseModel):
    """A ``[start, end)`` character range of the article text."""

    model_config = ConfigDict(extra="ignore")

    start: int
    end: int


class GoldQuote(BaseModel):
    """One annotated quote: its content, who said it and the words that name them."""

    model_config = ConfigDict(extra="ignore")

    content: Offsets
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_span: Offsets | None = None
    cue: str | None = None


class QuoteArticle(BaseModel):
    """One line of a quote/speaker gold file."""

    model_config = ConfigDict(extra="ignore")

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    text: str
    quotes: list[GoldQuote] = Field(default_factory=list)


def load_quote_gold(path: str | Path) -> Iterator[QuoteArticle]:
    """Stream the articles of a quote/speaker gold file (blank lines skipped)."""
    for lineno, line in gold_lines(path):
        article = model_line(QuoteArticle, path, lineno, line)
        for i, quote in enumerate(article.quotes):
            for role in ("content", "speaker_span"):
                span = getattr(quote, role)
                if span is not None:
                    check_span(path, lineno, f"quotes.{i}.{role}", span.start, span.end, len(article.text))
        yield article


def detect_gold_format(path: str | Path) -> Literal["spans", "quotes"]:
    """``quotes`` or ``spans`` (PolNeAR-style attributions), from the first line that has a
    ``quotes`` or ``attributions`` key; ValueError when no line has either."""
    for lineno, line in gold_lines(path):
        obj = json_line(path, lineno, line)
        if isinstance(obj, dict) and "quotes" in obj:
            return "quotes"
        if isinstance(obj, dict) and "attributions" in obj:
            return "spans"
    raise ValueError(f"{path}: no line has a 'quotes' or 'attributions' key")


# --------------------------------------------------------------------------- names


def name_tokens(name: str | None) -> frozenset[str]:
    """The words of a name, lower-cased, without possessive 's and honorifics."""
    s = _POSSESSIVE.sub("", (name or "").lower())
    return frozenset(t for t in _WORD.findall(s) if t not in HONORIFICS)


def names_match(a: str | None, b: str | None) -> bool:
    """Whether two names name the same speaker: one's words a subset of the other's."""
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta and tb) and (ta <= tb or tb <= ta)


# --------------------------------------------------------------------------- claims as scored


class Link(BaseModel):
    """A chain link as scored: the source's name and its other names."""

    name: str
    aliases: list[str] = Field(default_factory=list)

    def names(self, speaker: str) -> bool:
        """Whether this link's name or an alias matches ``speaker``."""
        return any(names_match(n, speaker) for n in [self.name, *self.aliases])


class ScoredClaim(BaseModel):
    """A claim of the extractor reduced to what the scoring looks at."""

    start: int
    end: int
    text: str
    cue: str | None = None
    kind: str
    chain: list[Link] = Field(default_factory=list)


def source_names(reading: Reading) -> dict[int, Link]:
    """Each entity's name and aliases as the stored source would show them.

    The database resolves the entities of an article before storing them ("Ortiz"
    becomes the "Leila Ortiz" the article names in full, "the fund" the one fund it
    names): an entity takes the name planned for the entity it is linked to,
    and the names of every entity so joined as aliases. The in-article plans are pure
    (:func:`provenance.resolve.plan_article`); only cross-article merges are left out.
    """
    from provenance.resolve_plan import ArticleRef, plan_article
    from provenance.store.rows import article_entities, content_hash

    entities = article_entities(reading)
    plans = plan_article(entities.values(), ArticleRef(content_hash(reading.text), reading.text))

    def root(eid: int) -> int:
        seen = set()
        while (link := plans[eid].link) is not None and eid not in seen:
            seen.add(eid)
            eid = link
        return eid

    groups: dict[int, list[str]] = {}
    for eid, e in entities.items():
        groups.setdefault(root(eid), []).extend([e.name, *e.aliases])
    out = {}
    for eid in entities:
        r = root(eid)
        name = plans[r].name
        out[eid] = Link(name=name, aliases=list(dict.fromkeys(n for n in groups[r] if n != name)))
    return out


def claims_from_reading(reading: Reading, resolve: bool = True) -> list[ScoredClaim]:
    """The reading's claims, each link named as the CLI shows it (:func:`source_names`),
    or, without ``resolve``, by its in-article entity's name and aliases."""
    if resolve:
        names = source_names(reading)
    else:
        names = {e.id: Link(name=e.name, aliases=[a for a in e.aliases if a != e.name])
                 for e in reading.entities}
    out = []
    for c in reading.claims:
        links = [names.get(link.entity) or Link(name=link.name) for link in c.chain]
        out.append(ScoredClaim(start=c.span.start, end=c.span.end, text=c.span.text,
                               cue=c.cue.text if c.cue else None, kind=c.kind.value, chain=links))
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


# --------------------------------------------------------------------------- report


def _rate(a: float, b: float) -> float:
    return a / b if b else 0.0


class QuoteCounts(BaseModel):
    """Quote figures for one part of the gold (all quotes, or one split).

    ``found_sourced``: found by a claim that has a chain. ``speaker_base``: found quotes
    with a gold speaker, the denominator of both speaker figures.
    """

    quotes: int = 0
    found: int = 0
    found_sourced: int = 0
    speaker_base: int = 0
    speaker_right: int = 0
    speaker_right_origin: int = 0

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented pattern
    @property
    def found_rate(self) -> float:
        """Found quotes ÷ gold quotes."""
        return _rate(self.found, self.quotes)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented pattern
    @property
    def speaker_rate(self) -> float:
        """Speaker right (origin or immediate source, name or alias) ÷ speaker base."""
        return _rate(self.speaker_right, self.speaker_base)


class SourcedCounts(BaseModel):
    """Claims with a non-empty chain, and how many of them touch a gold quote."""

    claims: int = 0
    on_quote: int = 0
    mostly_on_quote: int = 0

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented pattern
    @property
    def on_quote_rate(self) -> float:
        """Sourced claims sharing a character with some gold quote ÷ sourced claims."""
        return _rate(self.on_quote, self.claims)


class ClaimShown(BaseModel):
    """What the tool produced, as a miss listing shows it."""

    start: int
    end: int
    text: str
    cue: str | None
    kind: str
    chain: list[str]
    coverage: float = 0.0  # share of the gold quote's characters the claim covers


class QuoteMiss(BaseModel):
    """A gold quote no claim found (``missed``) or found under the wrong speaker
    (``wrong_speaker``), with the claim(s) the tool produced on or near it."""

    kind: Literal["missed", "wrong_speaker"]
    article: str
    start: int
    end: int
    text: str
    direct: bool
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    claims: list[ClaimShown] = Field(default_factory=list)


class QuoteReport(BaseModel):
    """Everything :func:`evaluate_quotes` measures. ``seconds`` is time in the extractor."""

    gold_path: str
    articles: int = 0
    claims: int = 0
    overall: QuoteCounts = Field(default_factory=QuoteCounts)
    splits: dict[str, QuoteCounts] = Field(default_factory=lambda: {s: QuoteCounts() for s in SPLITS})
    sourced: SourcedCounts = Field(default_factory=SourcedCounts)
    found_by_kind: dict[str, int] = Field(default_factory=dict)
    misses: list[QuoteMiss] = Field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    total_seconds: float = 0.0
    words_per_second: float = 0.0


# --------------------------------------------------------------------------- scoring


class JudgedQuote(BaseModel):
    """How one gold quote fared: its claim (if found) and the candidates around it."""

    quote: GoldQuote
    direct: bool
    claim: ScoredClaim | None = None
    coverage: float = 0.0
    sourced_found: bool = False
    speaker_right: bool | None = None  # None: not found, or no gold speaker
    origin_right: bool | None = None
    overlapping: list[tuple[int, ScoredClaim]] = Field(default_factory=list)


def _candidates(claims: list[ScoredClaim], start: int, end: int) -> list[tuple[int, ScoredClaim]]:
    """Claims overlapping ``[start, end)`` with the overlap, most first (then sourced, earliest)."""
    cands = [(ov, c) for c in claims if (ov := _overlap(c.start, c.end, start, end)) > 0]
    cands.sort(key=lambda x: (-x[0], not x[1].chain, x[1].start))
    return cands


def judge_quote(text: str, quote: GoldQuote, claims: list[ScoredClaim]) -> JudgedQuote:
    """Find the claim of one gold quote and check its speaker (module docstring)."""
    gs, ge = quote.content.start, quote.content.end
    glen = max(1, ge - gs)
    cands = _candidates(claims, gs, ge)
    enough = [(ov, c) for ov, c in cands if ov >= MIN_COVER * glen]
    j = JudgedQuote(quote=quote, direct=text[gs:ge].lstrip()[:1] in QUOTE_OPENERS, overlapping=cands)
    if not enough:
        return j
    ov, claim = enough[0]
    j.claim, j.coverage = claim, ov / glen
    j.sourced_found = any(c.chain for _, c in enough)
    if quote.speaker:
        chain = claim.chain
        ends = [chain[0], chain[-1]] if chain else []
        j.speaker_right = any(link.names(quote.speaker) for link in ends)
        j.origin_right = bool(chain) and names_match(chain[0].name, quote.speaker)
    return j


def _count(counts: QuoteCounts, j: JudgedQuote) -> None:
    counts.quotes += 1
    if j.claim is None:
        return
    counts.found += 1
    counts.found_sourced += j.sourced_found
    if j.speaker_right is not None:
        counts.speaker_base += 1
        counts.speaker_right += j.speaker_right
        counts.speaker_right_origin += bool(j.origin_right)


def _splits_of(j: JudgedQuote) -> tuple[str, str]:
    return ("direct" if j.direct else "indirect",
            "speaker_mentioned" if j.quote.speaker_span else "speaker_implied")


def _score_sourced(counts: SourcedCounts, claims: list[ScoredClaim], quotes: list[GoldQuote]) -> None:
    """Count the sourced claims and those touching (or mostly inside) a gold quote."""
    for c in claims:
        if not c.chain:
            continue
        counts.claims += 1
        best = max((_overlap(c.start, c.end, q.content.start, q.content.end) for q in quotes), default=0)
        counts.on_quote += best > 0
        counts.mostly_on_quote += best >= MIN_COVER * max(1, c.end - c.start)


def _shown(claim: ScoredClaim, coverage: float) -> ClaimShown:
    return ClaimShown(start=claim.start, end=claim.end, text=claim.text[:200], cue=claim.cue,
                      kind=claim.kind, chain=[link.name for link in claim.chain],
                      coverage=round(coverage, 3))


def _miss(article: QuoteArticle, j: JudgedQuote, claims: list[ScoredClaim]) -> QuoteMiss:
    """A listing row for a missed quote or a wrong speaker."""
    q, text = j.quote, article.text
    gs, ge = q.content.start, q.content.end
    glen = max(1, ge - gs)
    if j.claim is not None:
        shown = [_shown(j.claim, j.coverage)]
    elif j.overlapping:
        shown = [_shown(c, ov / glen) for ov, c in j.overlapping[:3]]
    else:
        near = [c for c in claims if c.end > gs - _NEAR and c.start < ge + _NEAR][:3]
        shown = [_shown(c, 0.0) for c in near]
    return QuoteMiss(kind="missed" if j.claim is None else "wrong_speaker", article=article.id,
                     start=gs, end=ge, text=text[gs:ge][:300], direct=j.direct, speaker=q.speaker,
                     speaker_mention=q.speaker_mention, cue=q.cue, claims=shown)


class _Sample:
    """A seeded reservoir sample of at most ``n`` items, returned in the order seen:
    a spread over the whole corpus in bounded memory, the same on every run."""

    def __init__(self, n: int, seed: int = 0):
        self.n, self.seen = n, 0
        self.items: list[tuple[int, object]] = []
        self.rnd = random.Random(seed)

    def offer(self, make: Callable[[], object]) -> None:
        """Consider one more item (``make`` builds it only when it is kept)."""
        self.seen += 1
        if len(self.items) < self.n:
            self.items.append((self.seen, make()))
        elif self.n and (k := self.rnd.randrange(self.seen)) < self.n:
            self.items[k] = (self.seen, make())

    def result(self) -> list:
        return [item for _, item in sorted(self.items, key=lambda x: x[0])]


def score_article(report: QuoteReport, article: QuoteArticle, claims: list[ScoredClaim],
                  missed: _Sample, wrong: _Sample) -> None:
    """Add one article's quotes and sourced claims to ``report``; offer its misses."""
    report.claims += len(claims)
    _score_sourced(report.sourced, claims, article.quotes)
    kinds = Counter(report.found_by_kind)
    for q in article.quotes:
        j = judge_quote(article.text, q, claims)
        _count(report.overall, j)
        for split in _splits_of(j):
            _count(report.splits[split], j)
        if j.claim is None:
            missed.offer(partial(_miss, article, j, claims))
        else:
            kinds[j.claim.kind] += 1
            if j.speaker_right is False:
                wrong.offer(partial(_miss, article, j, claims))
    report.found_by_kind = dict(kinds)


def evaluate_quotes(
    gold_path: str | Path,
    extractor: Callable[[Document], Reading] | None = None,
    show_misses: int = 0,
    limit: int | None = None,
) -> QuoteReport:
    """Run ``extractor`` (default :func:`provenance.extract.extract`) over every article of
    a quote/speaker gold file and score it (module docstring).

    ``show_misses`` keeps N missed quotes and N wrong speakers, a seeded sample spread
    over the corpus, in corpus order. ``limit`` stops after that many articles.
    """
    if extractor is None:
        from provenance.extract import extract

        extractor = extract
    t0 = time.perf_counter()
    report = QuoteReport(gold_path=str(gold_path))
    missed, wrong = _Sample(show_misses), _Sample(show_misses)
    for article in load_quote_gold(gold_path):
        if limit is not None and report.articles >= limit:
            break
        report.articles += 1
        doc = Document(text=article.text, title=article.title, outlet=article.outlet,
                       url=article.url, external_id=article.id)
        t1 = time.perf_counter()
        reading = extractor(doc)
        report.seconds += time.perf_counter() - t1
        report.words += reading.words or len(article.text.split())
        score_article(report, article, claims_from_reading(reading), missed, wrong)
    report.misses = missed.result() + wrong.result()
    report.total_seconds = time.perf_counter() - t0
    report.words_per_second = _rate(report.words, report.seconds) if report.seconds else 0.0
    return report
