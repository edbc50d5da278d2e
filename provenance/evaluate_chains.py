"""Score citation chains against the chain suite (``tests/data/chains/*.jsonl``).

The suite is one article a line, each with the claims a careful reader finds in it::

    {"id", "style", "convention", "title", "text",
     "claims": [{"content", "chain": [names, origin first], "kind",
                 "kind_any"?: [kinds], "alt_chains"?: [[names], ...]}],
     "not_sources": [words that must never be a source's name]}

:func:`evaluate_chains` scores what users see: it ingests the articles through the library
(:func:`provenance.ingest.ingest`) into a temporary SQLite database and reads the claims
back with :func:`provenance.query.list_claims`, the rows ``provenance claims --format json``
prints. :func:`score_suite` is the pure part: expected claims against predicted ones.

Per expected claim:

- **found**: some predicted claim of the article covers at least half of the characters
  of ``content`` (:data:`MIN_COVER`);
- **chain right**: a found claim's chain has the length of ``chain`` (or of one of
  ``alt_chains``) and each link's name or one of its aliases matches the expected name
  (:func:`names_match`: case-insensitive word sets, possessive 's, articles and honorifics
  dropped, one a subset of the other);
- **kind right**: that claim's kind is in ``kind_any`` (default ``[kind]``).

An expected unattributed claim that no predicted claim covers counts as found, with an
empty chain and the right kind (nothing attributed it to anyone).
**score** = share of expected claims found with the right chain and kind, by the same
predicted claim. Also counted, over every predicted claim of an article: **junk sources**
(chain links named like one of the article's ``not_sources`` or made only of
closed-class words: pronouns, determiners, prepositions, adverbs, auxiliaries) and
**extra secondhand** claims (predicted secondhand claims that cover no expected claim
whose kind may be secondhand).
"""

from __future__ import annotations

import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from provenance.gold import GoldError, gold_lines, json_line, model_line

Kind = Literal["direct", "secondhand", "vague", "unattributed"]
MIN_COVER = 0.5  # share of ``content`` a predicted claim must cover to count as found

HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady shri sri smt shrimati kumari "
    "cllr rev fr sen rep gov".split()
)
ARTICLES = frozenset({"the", "a", "an"})
# Closed-class words: a chain link made only of these is not a source (docs/vocabulary.md, "chain").
CLOSED_CLASS = frozenset("""
i me my mine myself you your yours yourself yourselves he him his himself she her hers herself
it its itself we us our ours ourselves they them their theirs themselves one ones
who whom whose which that what whoever whatever this these those there here
the a an some any each every either neither no none all both another other such
of in on at by for with from to into onto upon about above below over under after before
between among through during without within against across along around toward towards
however also then but and or so yet still meanwhile moreover instead thus therefore indeed
now later earlier today yesterday tomorrow tonight meanwhile again already just only even
perhaps maybe reportedly allegedly apparently separately previously recently finally
is are was were be been being am has have had do does did will would shall should can could
may might must
""".split())


class ExpectedClaim(BaseModel):
    """One claim of the gold: a piece of its text, its chain (origin first) and its kind."""

    content: str
    chain: list[str]
    kind: Kind
    kind_any: list[Kind] | None = None
    alt_chains: list[list[str]] = Field(default_factory=list)

    def kinds(self) -> set[str]:
        """The kinds accepted for this claim."""
        return set(self.kind_any or [self.kind])

    def chains(self) -> list[list[str]]:
        """The chains accepted for this claim, the main one first."""
        return [self.chain, *self.alt_chains]


class SuiteArticle(BaseModel):
    """One article of the suite with what a careful reader finds in it."""

    id: str
    style: str = "other"
    convention: str = "other"
    title: str | None = None
    text: str
    claims: list[ExpectedClaim]
    not_sources: list[str] = Field(default_factory=list)


class PredictedLink(BaseModel):
    """One link of a predicted chain: the source's name and aliases."""

    name: str
    aliases: list[str] = Field(default_factory=list)


class PredictedClaim(BaseModel):
    """A claim as the tool gives it: its span in the article, kind and chain."""

    start: int
    end: int
    text: str = ""
    kind: str
    chain: list[PredictedLink] = Field(default_factory=list)

    def names(self) -> list[str]:
        """The chain's source names, origin first."""
        return [link.name for link in self.chain]


class Tally(BaseModel):
    """Counts for a group of expected claims, and the score."""

    expected: int = 0
    found: int = 0
    chain_right: int = 0
    kind_right: int = 0
    correct: int = 0

    @property
    def score(self) -> float:
        """Share of expected claims found with the right chain and kind."""
        return self.correct / self.expected if self.expected else 0.0

    def add(self, result: ClaimResult) -> None:
        """Count one expected claim's result."""
        self.expected += 1
        self.found += result.found
        self.chain_right += result.chain_right
        self.kind_right += result.kind_right
        self.correct += result.correct


class ClaimResult(BaseModel):
    """How one expected claim fared, with what the tool produced for it."""

    article: str
    style: str
    convention: str
    content: str
    expected_chain: list[str]
    expected_kind: str
    found: bool
    chain_right: bool
    kind_right: bool
    predicted: list[dict] = Field(default_factory=list)  # [{"chain": [names], "kind", "text"}]

    @property
    def correct(self) -> bool:
        """Found with the right chain and kind."""
        return self.found and self.chain_right and self.kind_right


class JunkSource(BaseModel):
    """A predicted chain link that is not a source."""

    article: str
    name: str
    claim: str


class ChainReport(BaseModel):
    """The chain suite's figures for one file (one part)."""

    part: str
    articles: int
    predicted: int
    totals: Tally
    score: float
    by_style: dict[str, Tally]
    by_convention: dict[str, Tally]
    junk_sources: int
    junk: list[JunkSource]
    extra_secondhand: int
    results: list[ClaimResult]
    seconds: float = 0.0

    def misses(self, n: int | None = None) -> list[ClaimResult]:
        """The expected claims not found with the right chain and kind (the first ``n``)."""
        out = [r for r in self.results if not r.correct]
        return out if n is None else out[:n]

    def summary(self) -> dict:
        """The figures as one JSON-ready dict (no per-claim results)."""
        def tally(t: Tally) -> dict:
            return t.model_dump() | {"score": round(t.score, 4)}

        return {
            "part": self.part, "articles": self.articles, "predicted": self.predicted,
            **tally(self.totals),
            "junk_sources": self.junk_sources, "extra_secondhand": self.extra_secondhand,
            "by_style": {k: tally(v) for k, v in sorted(self.by_style.items())},
            "by_convention": {k: tally(v) for k, v in sorted(self.by_convention.items())},
            "seconds": round(self.seconds, 2),
        }


# ---------------------------------------------------------------- reading the suite


def is_chain_suite(path: str | Path) -> bool:
    """True when the first record of a JSONL file has ``claims`` carrying ``chain`` lists."""
    for lineno, line in gold_lines(path):
        try:
            obj = json_line(path, lineno, line)
        except GoldError:
            return False
        claims = obj.get("claims") if isinstance(obj, dict) else None
        return (isinstance(claims, list) and bool(claims)
                and all(isinstance(c, dict) and isinstance(c.get("chain"), list) for c in claims))
    return False


def load_suite(path: str | Path) -> list[SuiteArticle]:
    """The articles of a suite file, validated."""
    return [model_line(SuiteArticle, path, lineno, line) for lineno, line in gold_lines(path)]


# ---------------------------------------------------------------- names


def name_words(name: str) -> frozenset[str]:
    """A name's words, lowercased, without possessive 's, articles and honorifics."""
    s = name.lower().replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"'s\b|s'(?=\W|$)", lambda m: "" if m.group(0) == "'s" else "s", s)
    words = re.findall(r"[^\W_]+", s)
    return frozenset(w for w in words if w not in ARTICLES and w not in HONORIFICS)


def names_match(expected: str, predicted: str) -> bool:
    """True when one name's word set is a subset of the other's (both non-empty)."""
    a, b = name_words(expected), name_words(predicted)
    return bool(a) and bool(b) and (a <= b or b <= a)


def link_matches(expected: str, link: PredictedLink) -> bool:
    """True when the link's name or one of its aliases matches the expected name."""
    return any(names_match(expected, n) for n in [link.name, *link.aliases] if n)


def chain_matches(expected: list[str], predicted: list[PredictedLink]) -> bool:
    """Same length, and each link matches the expected name at its position."""
    return len(expected) == len(predicted) and all(
        link_matches(e, p) for e, p in zip(expected, predicted, strict=True))


def _plain(name: str) -> str:
    """A name lowercased, punctuation dropped, spaces collapsed (for not_sources)."""
    return " ".join(re.findall(r"[^\W_]+", name.lower().replace("\u2019", "'")))


def is_junk(name: str, not_sources: Iterable[str]) -> bool:
    """True when a link's name is one of ``not_sources`` or only closed-class words."""
    plain = _plain(name)
    if not plain or plain in {_plain(w) for w in not_sources}:
        return True
    return all(w in CLOSED_CLASS for w in plain.split())


# ---------------------------------------------------------------- scoring


def _content_span(text: str, content: str) -> tuple[int, int]:
    """Offsets of ``content`` in the article (ValueError when it is not there)."""
    start = text.index(content)
    return start, start + len(content)


def covers(claim: PredictedClaim, span: tuple[int, int]) -> bool:
    """True when the claim's span covers at least MIN_COVER of ``span``'s characters."""
    inter = min(claim.end, span[1]) - max(claim.start, span[0])
    return inter > 0 and inter >= MIN_COVER * (span[1] - span[0])


def score_claim(article: SuiteArticle, gold: ExpectedClaim, predicted: list[PredictedClaim]) -> ClaimResult:
    """Compare one expected claim with the article's predicted claims that cover it."""
    span = _content_span(article.text, gold.content)
    cands = [c for c in predicted if covers(c, span)]
    base: dict[str, Any] = dict(article=article.id, style=article.style, convention=article.convention,
                content=gold.content, expected_chain=gold.chain, expected_kind=gold.kind,
                predicted=[{"chain": c.names(), "kind": c.kind, "text": c.text} for c in cands])
    if not cands:
        ok = gold.kind == "unattributed"
        return ClaimResult(**base, found=ok, chain_right=ok, kind_right=ok)
    chain_ok, kind_ok = max(
        ((any(chain_matches(ch, c.chain) for ch in gold.chains()), c.kind in gold.kinds()) for c in cands),
        key=lambda t: (t[0] and t[1], t[0], t[1]))
    return ClaimResult(**base, found=True, chain_right=chain_ok, kind_right=kind_ok)


def junk_links(article: SuiteArticle, predicted: list[PredictedClaim]) -> list[JunkSource]:
    """Chain links of the article's predicted claims that are not sources."""
    return [JunkSource(article=article.id, name=link.name, claim=c.text[:120])
            for c in predicted for link in c.chain if is_junk(link.name, article.not_sources)]


def extra_secondhand(article: SuiteArticle, predicted: list[PredictedClaim]) -> int:
    """Predicted secondhand claims covering no expected claim that may be secondhand."""
    spans = [_content_span(article.text, g.content) for g in article.claims if "secondhand" in g.kinds()]
    return sum(1 for c in predicted
               if c.kind == "secondhand" and not any(covers(c, s) for s in spans))


def score_suite(articles: list[SuiteArticle], predicted: dict[str, list[PredictedClaim]],
                part: str = "suite") -> ChainReport:
    """Score every article's expected claims against ``predicted`` (article id -> claims)."""
    results: list[ClaimResult] = []
    junk: list[JunkSource] = []
    extra = 0
    totals = Tally()
    by_style: dict[str, Tally] = defaultdict(Tally)
    by_convention: dict[str, Tally] = defaultdict(Tally)
    for art in articles:
        preds = predicted.get(art.id, [])
        for gold in art.claims:
            r = score_claim(art, gold, preds)
            results.append(r)
            for t in (totals, by_style[art.style], by_convention[art.convention]):
                t.add(r)
        junk += junk_links(art, preds)
        extra += extra_secondhand(art, preds)
    return ChainReport(
        part=part, articles=len(articles), predicted=sum(len(v) for v in predicted.values()),
        totals=totals, score=totals.score, by_style=dict(by_style), by_convention=dict(by_convention),
        junk_sources=len(junk), junk=junk, extra_secondhand=extra, results=results)


# ---------------------------------------------------------------- running the tool


def _predicted_claim(row: dict, text: str) -> PredictedClaim:
    """A claim row of ``provenance claims --format json`` as a PredictedClaim (offsets checked)."""
    start, end = row["start"], row["end"]
    if text[start:end] != row["text"] and row["text"] in text:  # stored text differs: find the claim
        start = text.index(row["text"])
        end = start + len(row["text"])
    chain = [PredictedLink(name=link["name"], aliases=link.get("aliases") or []) for link in row["chain"]]
    return PredictedClaim(start=start, end=end, text=row["text"], kind=row["kind"], chain=chain)


def run_tool(articles: list[SuiteArticle], path: str | Path, workers: int = 1) -> dict[str, list[PredictedClaim]]:
    """Ingest the suite file into a temporary SQLite database and read its claims back."""
    from provenance import query
    from provenance.ingest import ingest
    from provenance.store import open_database, read_session

    texts = {a.id: a.text for a in articles}
    out: dict[str, list[PredictedClaim]] = defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="chain-suite-") as tmp:
        engine = open_database(Path(tmp) / "suite.db")
        try:
            report = ingest([str(path)], engine, workers=workers)
            if report.failed:
                raise RuntimeError("; ".join(str(e) for e in report.errors[:3]))
            with read_session(engine) as session:
                for row in query.iter_claims(session):
                    aid = str(row["article"]["path"]).rsplit("#", 1)[-1]
                    if aid in texts:
                        out[aid].append(_predicted_claim(row, texts[aid]))
        finally:
            engine.dispose()
    return dict(out)


def evaluate_chains(path: str | Path, *, limit: int | None = None, workers: int = 1) -> ChainReport:
    """Run the tool over a suite file and score it; ``limit`` keeps the first N articles."""
    started = time.perf_counter()
    path = Path(path)
    articles = load_suite(path)
    if limit is not None:
        articles = articles[:limit]
        with tempfile.TemporaryDirectory(prefix="chain-suite-") as tmp:
            cut = Path(tmp) / path.name
            cut.write_text("".join(a.model_dump_json() + "\n" for a in articles), encoding="utf-8")
            predicted = run_tool(articles, cut, workers)
    else:
        predicted = run_tool(articles, path, workers)
    report = score_suite(articles, predicted, part=path.stem)
    report.seconds = time.perf_counter() - started
    return report
