"""Measure extraction against annotated gold (docs/gold-format.md).

The gold format is one JSON object a line::

    {"id", "outlet", "title", "text", "meta": {...},
     "attributions": [{"source": {"start","end","text"} | null,
                       "cue": {"start","end","text"} | null,
                       "content": {"start","end","text", "pieces"?: [[s,e],...]},
                       "parent": int | null}]}

with offsets into ``text``. :func:`evaluate` runs an extractor over every article and
compares what it finds with the gold. The figures, all fractions between 0 and 1:

**Exact** (per role: source, cue, content). Every span is first *trimmed*: whitespace and
the characters in :data:`TRIM_CHARS` are stripped from both ends, moving ``start`` right
and ``end`` left (offsets into the article text). A span made only of such characters
(a bare ``:`` cue) is trimmed of whitespace only, so it still compares as itself. A
predicted span counts as correct when its trimmed ``(start, end)`` equals the trimmed
offsets of a gold span of the same role in the same article. Matching is one to one:
two predictions of the same span match two gold spans only if the gold has it twice.
Precision = matched / predicted spans, recall = matched / gold spans (null spans are not
counted on either side).

**Overlap** (per role). Tokens are ``\\w+`` runs of the article text, identified by their
character offsets; a span's tokens are those sharing at least one character with it.
Gold ``pieces`` (discontinuous content: "The vote, he said, was close") are ignored by
default, so a span is its ``start``..``end`` extent here as in the exact figures and a
prediction equal to the gold scores 1; ``evaluate(pieces=True)`` counts only the tokens
inside the pieces (a single-span prediction of the full extent then scores about 0.95
content precision on PolNeAR, the interrupting "he said" counting against it). Per article and role, the
predicted spans and the gold spans are each turned into a *set* of tokens, so
overlapping or repeated spans do not count a token twice. Summed over the corpus:
precision = |predicted ∩ gold| / |predicted| tokens, recall = |predicted ∩ gold| /
|gold| tokens.

**Attribution**. A predicted attribution matches a gold one when its cue overlaps the gold
cue (or both cues are null) and its content overlaps the gold content (overlap: the
trimmed spans share at least one character). Pairs are taken greedily, most overlapping
characters (cue + content) first, one to one; precision = matched / predicted, recall =
matched / gold.

**By cue type**. Recall per gold cue type (:func:`classify_cue`), precision per predicted
cue type (:class:`~provenance.models.CueType`, with ``hedge`` counted as ``other``), both
over the attribution-level matching; F1 from the two.

Where the gold carries no nesting (every ``parent`` null, as in PolNeAR, which marks only
outermost attributions) only the extractor's top-level attributions are compared; when a
gold file carries nesting, all of them are.

Predictions whose content starts inside a region the gold marks as not annotated
(``meta.discard_spans``: editor's notes, "Follow X on Twitter") are left out of every
figure and counted in ``ignored``.

A ratio with a zero denominator is 0, and F1 is 0 when precision + recall is 0.
The scoring is linear in the corpus (dicts and sets per article); the attribution pairing
is quadratic only in the attributions of one article.
"""

from __future__ import annotations

import heapq
import json
import re
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal, overload

from pydantic import BaseModel, ConfigDict, Field

from provenance.gold import GoldError, check_span, gold_lines, model_line
from provenance.models import Attribution, CueType, Document, Reading, Span

ROLES = ("source", "cue", "content")
CUE_TYPES = ("verb", "according_to", "quote", "other")

#: Characters stripped (with whitespace) from both ends of a span before exact comparison.
TRIM_CHARS = frozenset(".,;:!?\"'“”‘’()[]—–-")

_WORD = re.compile(r"\w+")
_QUOTES = frozenset("\"'“”‘’«»„")


# --------------------------------------------------------------------------- gold format


class GoldSpan(BaseModel):
    """A span of the article text; ``pieces`` when the gold span is discontinuous."""

    model_config = ConfigDict(extra="ignore")

    start: int
    end: int
    text: str = ""
    pieces: list[tuple[int, int]] | None = None


class GoldAttribution(BaseModel):
    """One attribution in the gold shape. ``parent`` is an index into the article's list.

    ``cue_type`` is written for predictions (the extractor's own type); gold files
    usually lack it, and the type is then classified from the cue text.
    """

    model_config = ConfigDict(extra="ignore")

    source: GoldSpan | None = None
    cue: GoldSpan | None = None
    content: GoldSpan
    parent: int | None = None
    cue_type: str | None = None


class GoldArticle(BaseModel):
    """One line of a gold JSONL file."""

    model_config = ConfigDict(extra="ignore")

    id: str
    outlet: str | None = None
    title: str | None = None
    text: str
    meta: dict = Field(default_factory=dict)
    attributions: list[GoldAttribution] = Field(default_factory=list)


def load_gold(path: str | Path) -> Iterator[GoldArticle]:
    """Stream the articles of a gold JSONL file, one at a time (blank lines skipped)."""
    for lineno, line in gold_lines(path):
        article = model_line(GoldArticle, path, lineno, line)
        _check_article(article, path, lineno)
        yield article


def _check_article(article: GoldArticle, path: str | Path, lineno: int) -> None:
    """A GoldError for offsets outside the text or reversed, or a parent that is no other attribution."""
    size, n = len(article.text), len(article.attributions)
    for i, att in enumerate(article.attributions):
        for role in ("source", "cue", "content"):
            span = getattr(att, role)
            if span is not None:
                check_span(path, lineno, f"attributions.{i}.{role}", span.start, span.end, size)
                for j, (a, b) in enumerate(span.pieces or []):
                    check_span(path, lineno, f"attributions.{i}.{role}.pieces.{j}", a, b, size)
        if att.parent is not None and (att.parent == i or not 0 <= att.parent < n):
            why = "points at itself" if att.parent == i else f"is out of range (the article has {n} attributions)"
            raise GoldError(path, lineno, f"attributions.{i}.parent {att.parent} {why}")


def gold_has_nesting(path: str | Path) -> bool:
    """Whether any attribution of the gold file has a parent."""
    return any(a.parent is not None for art in load_gold(path) for a in art.attributions)


@overload
def _gold_span(span: Span) -> GoldSpan: ...


@overload
def _gold_span(span: Span | None) -> GoldSpan | None: ...


def _gold_span(span: Span | None) -> GoldSpan | None:
    if span is None:
        return None
    return GoldSpan(start=span.start, end=span.end, text=span.text)


def predictions_from_reading(
    reading: Reading, include_nested: bool = False, continuations: bool = False
) -> list[GoldAttribution]:
    """The extractor's attributions in the gold shape.

    By default only top-level ones (``parent is None``), all with ``parent`` null.
    With ``include_nested`` every attribution is returned, ``parent`` mapped from the
    attribution id to the index in the returned list. Quotations that only continue an
    earlier speaker (no cue of their own) are left out unless ``continuations``: PolNeAR
    marks no attribution without a cue (1 in 19,831); one nested only in such a left-out
    quotation (a transcript answer's "I just saw ...") is then top-level, as it is in that gold.
    """

    def cueless(a: Attribution) -> bool:
        return a.cue is None and a.cue_type == CueType.quote

    left_out = set() if continuations else {a.id for a in reading.attributions if cueless(a)}
    chosen = [
        a for a in reading.attributions
        if (include_nested or a.parent is None or a.parent in left_out) and a.id not in left_out
    ]
    index = {a.id: i for i, a in enumerate(chosen)}
    return [
        GoldAttribution(
            source=_gold_span(a.source),
            cue=_gold_span(a.cue),
            content=_gold_span(a.content),
            parent=index.get(a.parent) if include_nested and a.parent is not None else None,  # left out: None
            cue_type=a.cue_type.value if isinstance(a.cue_type, CueType) else str(a.cue_type),
        )
        for a in chosen
    ]


# --------------------------------------------------------------------------- span helpers


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without leading/trailing whitespace and TRIM_CHARS.

    A span with nothing left after trimming is trimmed of whitespace only (a ``:`` cue
    stays ``:``); a span of whitespace only keeps its offsets.
    """
    s, e = start, end
    while s < e and (text[s].isspace() or text[s] in TRIM_CHARS):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in TRIM_CHARS):
        e -= 1
    if s < e:
        return s, e
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else (start, end)


class _Tokens:
    """The ``\\w+`` tokens of one article, found once, looked up by bisection."""

    __slots__ = ("starts", "ends")

    def __init__(self, text: str):
        found = list(_WORD.finditer(text))
        self.starts: list[int] = [m.start() for m in found]
        self.ends: list[int] = [m.end() for m in found]

    def of(self, start: int, end: int) -> range:
        """Indices of the tokens sharing at least one character with ``[start, end)``."""
        if end <= start:
            return range(0)
        return range(bisect_right(self.ends, start), bisect_left(self.starts, end))


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    """Characters shared by two (trimmed) spans; 0 when either is missing."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def classify_cue(cue_text: str | None, content_text: str = "") -> str:
    """The cue type of a gold attribution, from its cue text (a heuristic, no tagger).

    - no cue: ``quote`` when the content starts with a quote mark, else ``other``;
    - "according (to)", "citing", "per", "via", "as reported/described/quoted by":
      ``according_to``;
    - a cue of punctuation only (``:``), or a noun or prepositional phrase (first word a
      determiner or preposition, or a nominal head like "criticism", "statement"), with
      no later word that looks like a verb (a past form in -ed or a common reporting
      verb): ``other``;
    - anything else (a reporting verb or other predicate, "said", "is expected",
      "to endorse"): ``verb``.
    """
    if cue_text is None or not cue_text.strip():
        return "quote" if content_text.lstrip()[:1] in _QUOTES else "other"
    words = _WORD.findall(cue_text.lower())
    if words and words[0] == "s":  # "’s according to": possessive clitic split off
        words = words[1:]
    if not words or words == ["to"]:  # ":", "To [X], ..."
        return "other"
    if "according" in words or words[0] in _ACCORDING_LEADS:
        return "according_to"
    if len(words) >= 3 and words[0] == "as" and words[1] in _AS_VERBS and words[2] == "by":
        return "according_to"
    if words[0] in _NON_VERB_LEADS or _is_nominal(words[0]):
        if not any(_looks_verbal(w) for w in words[1:]):
            return "other"
    return "verb"


_ACCORDING_LEADS = frozenset({"according", "citing", "per", "via"})
_AS_VERBS = frozenset({"reported", "described", "quoted", "told", "cited", "stated"})
_NON_VERB_LEADS = frozenset(
    "the a an this that these those his her their its our my your some any no "
    "in on at for from with by under among amid over through during after before "
    "about against without within into upon as".split()
)
_NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ism", "ence", "ance", "ity", "ness")
_REPORTING = frozenset(
    "said say says told tell tells wrote writes write added announced reported "
    "noted argued claimed stated voiced cited called asked explained believe believes "
    "think thinks show shows showed found warned insisted suggested".split()
)


def _is_nominal(word: str) -> bool:
    return len(word) > 5 and word.endswith(_NOMINAL_SUFFIXES)


def _looks_verbal(word: str) -> bool:
    return word in _REPORTING or (len(word) > 4 and word.endswith("ed"))


def _predicted_type(att: GoldAttribution) -> str:
    t = att.cue_type
    if t == "hedge":
        return "other"
    if t in CUE_TYPES:
        return t
    return classify_cue(att.cue.text if att.cue else None, att.content.text)


def _gold_type(att: GoldAttribution) -> str:
    if att.cue_type is not None:
        return _predicted_type(att)
    return classify_cue(att.cue.text if att.cue else None, att.content.text)


# --------------------------------------------------------------------------- report


class Scores(BaseModel):
    """Precision, recall and F1 with the counts behind them (spans, tokens or attributions)."""

    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    matched: int = 0
    gold: int = 0
    predicted: int = 0


class CueTypeScores(BaseModel):
    """Attribution-level figures for one cue type: recall over gold attributions of that
    type, precision over predicted attributions of that type."""

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0


class Miss(BaseModel):
    """A gold attribution nothing matched (``miss``) or a prediction nothing matched
    (``false_alarm``), with its words and the sentence around it."""

    kind: Literal["miss", "false_alarm"]
    article: str
    cue_type: str
    source: str | None
    cue: str | None
    content: str
    context: str
    start: int
    end: int
    tokens: int


class EvalReport(BaseModel):
    """Everything :func:`evaluate` measures. ``seconds`` is time spent in the extractor
    (``words_per_second`` is its speed); ``total_seconds`` includes reading and scoring."""

    gold_path: str
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    ignored: int = 0
    nested: bool = False
    exact: dict[str, Scores]
    overlap: dict[str, Scores]
    attribution: Scores
    by_cue_type: dict[str, CueTypeScores]
    misses: list[Miss] = Field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    total_seconds: float = 0.0
    words_per_second: float = 0.0


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _scores(matched: int, gold: int, predicted: int) -> Scores:
    p, r = _ratio(matched, predicted), _ratio(matched, gold)
    return Scores(precision=p, recall=r, f1=_f1(p, r), matched=matched, gold=gold, predicted=predicted)


# --------------------------------------------------------------------------- scoring


class _Side:
    """One side (gold or predicted) of one article, prepared for scoring."""

    __slots__ = ("atts", "spans", "exact", "tokens", "lengths")

    def __init__(self, text: str, toks: _Tokens, atts: list[GoldAttribution], use_pieces: bool):
        self.atts = atts
        # trimmed spans per attribution and role (None where absent)
        self.spans: list[dict[str, tuple[int, int] | None]] = []
        self.exact: dict[str, Counter] = {r: Counter() for r in ROLES}
        self.tokens: dict[str, set[int]] = {r: set() for r in ROLES}
        self.lengths: list[int] = []  # content tokens per attribution, to rank misses
        for a in atts:
            row: dict[str, tuple[int, int] | None] = {}
            for role in ROLES:
                sp: GoldSpan | None = getattr(a, role)
                if sp is None:
                    row[role] = None
                    continue
                t = trim(text, sp.start, sp.end)
                row[role] = t
                self.exact[role][t] += 1
                if use_pieces and sp.pieces:
                    for s, e in sp.pieces:
                        self.tokens[role].update(toks.of(s, e))
                else:
                    self.tokens[role].update(toks.of(sp.start, sp.end))
            self.spans.append(row)
            self.lengths.append(len(toks.of(a.content.start, a.content.end)))


def _match_attributions(gold: _Side, pred: _Side) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs ``(pred_index, gold_index)``, most overlap first.

    Gold contents are sorted by start with a running maximum of their ends, so each
    prediction looks only at gold contents that can overlap it (near-linear when the
    gold contents are mostly disjoint, as in news).
    """
    gold_content = [_content(row) for row in gold.spans]
    order = sorted(range(len(gold_content)), key=lambda j: gold_content[j])
    starts = [gold_content[j][0] for j in order]
    max_end: list[int] = []
    running = -1
    for j in order:
        running = max(running, gold_content[j][1])
        max_end.append(running)
    cands = []
    for i, p in enumerate(pred.spans):
        pc, pcue = _content(p), p["cue"]
        k = bisect_left(starts, pc[1]) - 1  # gold contents starting before pc ends
        while k >= 0 and max_end[k] > pc[0]:
            j = order[k]
            k -= 1
            g = gold.spans[j]
            content = _overlap(pc, g["content"])
            if not content:
                continue
            if pcue is None and g["cue"] is None:
                cue = 0
            else:
                cue = _overlap(pcue, g["cue"])
                if not cue:
                    continue
            cands.append((-(cue + content), i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _content(row: dict[str, tuple[int, int] | None]) -> tuple[int, int]:
    """The trimmed content span of one attribution's row (every attribution has a content)."""
    span = row["content"]
    assert span is not None
    return span


_SENT_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)|\n")


def _context(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence(s) around ``[start, end)``: out to the nearest sentence end (or line
    break) on either side, looking at most ``limit // 2`` characters out, on one line."""
    lo = max(0, start - limit // 2)
    left = None
    for match in _SENT_END.finditer(text, lo, start):
        left = match  # the last sentence end before the span
    if left is not None:
        lo = left.end()
    elif lo and text[lo - 1] != "\n":
        lo = start
    right = _SENT_END.search(text, max(start, end - 1), min(len(text), end + limit // 2))
    hi = right.end() if right else min(len(text), end + limit // 2)
    s = " ".join(text[lo:hi].split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


class _Worst:
    """The N largest items by a key, kept in a heap (bounded memory)."""

    def __init__(self, n: int):
        self.n = n
        self.heap: list = []
        self.seq = 0

    def add(self, key: int, item) -> None:
        if self.n <= 0:
            return
        self.seq += 1
        entry = (key, -self.seq, item)  # ties: earlier first
        if len(self.heap) < self.n:
            heapq.heappush(self.heap, entry)
        elif entry > self.heap[0]:
            heapq.heapreplace(self.heap, entry)

    def items(self) -> list:
        return [item for _, _, item in sorted(self.heap, reverse=True)]


def _miss(kind, article: GoldArticle, att: GoldAttribution, ctype: str, tokens: int) -> Miss:
    text = article.text
    spans = [s for s in (att.source, att.cue, att.content) if s is not None]
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    return Miss(
        kind=kind,
        article=article.id,
        cue_type=ctype,
        source=text[att.source.start : att.source.end] if att.source else None,
        cue=text[att.cue.start : att.cue.end] if att.cue else None,
        content=text[att.content.start : att.content.end],
        context=_context(text, start, end),
        start=start,
        end=end,
        tokens=tokens,
    )


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)


def _dump(att: GoldAttribution) -> dict:
    """An attribution as a gold JSON object (``pieces`` only where present)."""

    def span(sp: GoldSpan | None):
        if sp is None:
            return None
        d = {"start": sp.start, "end": sp.end, "text": sp.text}
        if sp.pieces:
            d["pieces"] = [list(pc) for pc in sp.pieces]
        return d

    return {
        "source": span(att.source),
        "cue": span(att.cue),
        "content": span(att.content),
        "parent": att.parent,
        "cue_type": att.cue_type,
    }


def _in_discard(att: GoldAttribution, text: str, discard: list) -> bool:
    if not discard:
        return False
    s, _ = trim(text, att.content.start, att.content.end)
    return any(a <= s < b for a, b in discard)


def evaluate(
    gold_path: str | Path,
    extractor: Callable[[Document], Reading] | None = None,
    show_misses: int = 0,
    predictions_out: str | Path | None = None,
    limit: int | None = None,
    nested: bool | None = None,
    pieces: bool = False,
    continuations: bool = False,
) -> EvalReport:
    """Run ``extractor`` (default :func:`provenance.extract.extract`) over every article
    of the gold file and score it (see the module docstring for every figure).

    ``show_misses`` keeps the N worst misses and the N worst false alarms (most content
    tokens first). ``predictions_out`` writes what the extractor found, in the gold
    format, one article a line. ``limit`` stops after that many articles. ``nested``
    forces comparing all attributions (True) or top-level only (False); by default it
    is True exactly when the gold file carries nesting. ``pieces`` counts only the
    tokens inside discontinuous spans' pieces for the overlap figures.
    """
    if extractor is None:
        from provenance.extract import extract

        extractor = extract
    t0 = time.perf_counter()
    if nested is None:
        nested = gold_has_nesting(gold_path)

    n_articles = n_gold = n_pred = n_ignored = words = 0
    extract_seconds = 0.0
    exact_m = dict.fromkeys(ROLES, 0)
    exact_g = dict.fromkeys(ROLES, 0)
    exact_p = dict.fromkeys(ROLES, 0)
    tok_m = dict.fromkeys(ROLES, 0)
    tok_g = dict.fromkeys(ROLES, 0)
    tok_p = dict.fromkeys(ROLES, 0)
    att_m = 0
    type_g: Counter = Counter()
    type_p: Counter = Counter()
    type_mg: Counter = Counter()
    type_mp: Counter = Counter()
    worst_miss = _Worst(show_misses)
    worst_alarm = _Worst(show_misses)

    out = open(predictions_out, "w", encoding="utf-8") if predictions_out else None
    try:
        for article in load_gold(gold_path):
            if limit is not None and n_articles >= limit:
                break
            n_articles += 1
            text = article.text
            doc = Document(
                text=text,
                title=article.title,
                outlet=article.outlet,
                external_id=article.id,
                published=_str_or_none(article.meta.get("publication_date")),
            )
            t1 = time.perf_counter()
            reading = extractor(doc)
            extract_seconds += time.perf_counter() - t1
            words += reading.words or len(text.split())

            found = predictions_from_reading(reading, include_nested=nested, continuations=continuations)
            if out is not None:
                out.write(
                    json.dumps(
                        {
                            "id": article.id,
                            "outlet": article.outlet,
                            "title": article.title,
                            "text": text,
                            "meta": article.meta,
                            "attributions": [_dump(a) for a in found],
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )

            discard = article.meta.get("discard_spans") or []
            kept = [a for a in found if not _in_discard(a, text, discard)]
            n_ignored += len(found) - len(kept)

            gold_atts = article.attributions
            toks = _Tokens(text)
            g = _Side(text, toks, gold_atts, use_pieces=pieces)
            p = _Side(text, toks, kept, use_pieces=pieces)
            n_gold += len(gold_atts)
            n_pred += len(kept)

            for role in ROLES:
                exact_m[role] += sum((g.exact[role] & p.exact[role]).values())
                exact_g[role] += sum(g.exact[role].values())
                exact_p[role] += sum(p.exact[role].values())
                tok_m[role] += len(g.tokens[role] & p.tokens[role])
                tok_g[role] += len(g.tokens[role])
                tok_p[role] += len(p.tokens[role])

            pairs = _match_attributions(g, p)
            att_m += len(pairs)
            gtypes = [_gold_type(a) for a in gold_atts]
            ptypes = [_predicted_type(a) for a in kept]
            type_g.update(gtypes)
            type_p.update(ptypes)
            matched_p = {i for i, _ in pairs}
            matched_g = {j for _, j in pairs}
            for i in matched_p:
                type_mp[ptypes[i]] += 1
            for j in matched_g:
                type_mg[gtypes[j]] += 1

            if show_misses > 0:
                for j, a in enumerate(gold_atts):
                    if j not in matched_g and (
                        len(worst_miss.heap) < show_misses or g.lengths[j] > worst_miss.heap[0][0]
                    ):
                        worst_miss.add(g.lengths[j], _miss("miss", article, a, gtypes[j], g.lengths[j]))
                for i, a in enumerate(kept):
                    if i not in matched_p and (
                        len(worst_alarm.heap) < show_misses or p.lengths[i] > worst_alarm.heap[0][0]
                    ):
                        worst_alarm.add(
                            p.lengths[i], _miss("false_alarm", article, a, ptypes[i], p.lengths[i])
                        )
    finally:
        if out is not None:
            out.close()

    by_type = {}
    for t in CUE_TYPES:
        prec, rec = _ratio(type_mp[t], type_p[t]), _ratio(type_mg[t], type_g[t])
        by_type[t] = CueTypeScores(
            gold=type_g[t],
            predicted=type_p[t],
            matched_gold=type_mg[t],
            matched_predicted=type_mp[t],
            precision=prec,
            recall=rec,
            f1=_f1(prec, rec),
        )
    total = time.perf_counter() - t0
    return EvalReport(
        gold_path=str(gold_path),
        articles=n_articles,
        gold=n_gold,
        predicted=n_pred,
        ignored=n_ignored,
        nested=nested,
        exact={r: _scores(exact_m[r], exact_g[r], exact_p[r]) for r in ROLES},
        overlap={r: _scores(tok_m[r], tok_g[r], tok_p[r]) for r in ROLES},
        attribution=_scores(att_m, n_gold, n_pred),
        by_cue_type=by_type,
        misses=worst_miss.items() + worst_alarm.items(),
        words=words,
        seconds=extract_seconds,
        total_seconds=total,
        words_per_second=_ratio(words, extract_seconds) if extract_seconds else 0.0,
    )
