"""The attribution tagger: a linear-chain CRF (Lafferty et al. 2001) over BIO tags.

Tokens are tagged as the SOURCE, CUE or CONTENT of an attribution, as attribution taggers
for PARC 3.0 and PolNeAR do (Pareti 2016; Newell et al. 2018); each tagged cue then
becomes an attribution with the nearest source and content of its sentence. The model
(``provenance/data/tagger.crfsuite``, trained by ``scripts/train_tagger.py``) ships in
the package and is loaded once per process, with no download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from provenance.extract.features import FeatureCache, sentence_flags, sequence_features
from provenance.extract.lexicon import lexicon
from provenance.extract.text import Tokens, paragraphs, quote_regions, sentences, tokenize
from provenance.models import Attribution, CueType, Document, Reading, Span

Pair = tuple[int, int]
TaggedSpan = tuple[str, int, int]  # ("CUE" | "SOURCE" | "CONTENT", start, end)

MODEL_NAME = "tagger.crfsuite"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Triple:
    """One attribution found by the tagger, as character offsets."""

    cue: Pair
    source: Pair | None
    content: Pair


class Tagger:
    """A trained CRF with the feature cache that feeds it."""

    def __init__(self, model: bytes | str | Path):
        self._crf = pycrfsuite.Tagger()
        self._data = model  # crfsuite reads an in-memory model in place: keep the bytes alive
        if isinstance(model, bytes):
            self._crf.open_inmemory(model)
        else:
            self._crf.open(str(model))
        # attributes the model has no weight for are never built (they change no label)
        self.features = FeatureCache(known={a.encode() for a, _label in self._crf.info().state_features})

    def tag(self, toks: Tokens, in_quote: bool = False, starts: list[int] | None = None) -> list[str]:
        """BIO labels for the tokens of one sentence or paragraph (``starts``: token
        indices that open a sentence, for a paragraph)."""
        if not toks.words:
            return []
        feats = sequence_features(toks, self.features, in_quote, sentence_flags(toks.lower), starts or ())
        return self._crf.tag(feats)


@cache
def default_tagger() -> Tagger:
    """The packaged model, loaded on first use."""
    data = resources.files("provenance").joinpath("data", MODEL_NAME).read_bytes()
    return Tagger(data)


def spans_from_labels(toks: Tokens, labels: list[str]) -> list[TaggedSpan]:
    """Contiguous runs of one role; ``B-`` opens a run, so does an ``I-`` of another role."""
    out: list[TaggedSpan] = []
    cur: str | None = None
    for i, lab in enumerate(labels):
        if lab == "O":
            cur = None
            continue
        bio, role = lab[0], lab[2:]
        if bio == "I" and cur == role:
            r, s, _e = out[-1]
            out[-1] = (r, s, toks.ends[i])
        else:
            out.append((role, toks.starts[i], toks.ends[i]))
            cur = role
    return out


def tag_sentence(
    text: str, start: int, end: int, tokens: Tokens | None = None, in_quote: bool = False,
    tagger: Tagger | None = None,
) -> list[TaggedSpan]:
    """Tagged spans of ``text[start:end]`` as ``(role, start, end)`` offsets into ``text``."""
    if start >= end:
        return []
    toks = tokens if tokens is not None else tokenize(text, start, end)
    t = tagger or default_tagger()
    return spans_from_labels(toks, t.tag(toks, in_quote))


def tag_tokens(toks: Tokens, in_quote: bool = False, tagger: Tagger | None = None) -> list[Triple]:
    """The tagger's attributions in one already tokenized sentence (the pipeline's hook)."""
    t = tagger or default_tagger()
    labels = t.tag(toks, in_quote)
    if "B-CUE" not in labels and "I-CUE" not in labels:
        return []  # no cue, no attribution (most tagged sentences)
    return attributions_from_tags(spans_from_labels(toks, labels))


def _gap(a: Pair, b: Pair) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def attributions_from_tags(spans: list[TaggedSpan]) -> list[Triple]:
    """Group tagged spans into attributions: every cue with its nearest source and content.

    Each content span goes to its nearest cue; a cue's content is the covering span of
    the pieces it got (content split by "he said" becomes one span). A cue takes the
    nearest source of the sequence, which may be shared ("X said ..., adding ...").
    A cue that gets no content is dropped.
    """
    cues = [(s, e) for r, s, e in spans if r == "CUE"]
    if not cues:
        return []
    sources = [(s, e) for r, s, e in spans if r == "SOURCE"]
    pieces: list[list[Pair]] = [[] for _ in cues]
    for r, s, e in spans:
        if r == "CONTENT":
            k = min(range(len(cues)), key=lambda j: _gap(cues[j], (s, e)))
            pieces[k].append((s, e))
    out = []
    for cue, got in zip(cues, pieces, strict=True):
        if not got:
            continue
        content = (min(p[0] for p in got), max(p[1] for p in got))
        source = min(sources, key=lambda sp: _gap(cue, sp)) if sources else None
        out.append(Triple(cue, source, content))
    return out


def _cue_type(text: str, cue: Pair) -> CueType:
    words = text[cue[0] : cue[1]].lower().split()
    if not words:
        return CueType.other
    if words[0] in ("according", "citing", "per"):
        return CueType.according_to
    verbs = lexicon().verbs
    return CueType.verb if any(w in verbs for w in words) else CueType.other


def to_attribution(text: str, n: int, t: Triple) -> Attribution:
    """An :class:`Attribution` (no entity, no parent) for a tagger triple."""
    return Attribution(
        id=n,
        cue=Span.of(text, *t.cue),
        cue_type=_cue_type(text, t.cue),
        source=Span.of(text, *t.source) if t.source else None,
        entity=None,
        content=Span.of(text, *t.content),
    )


def sentence_starts(toks: Tokens, text: str, start: int, end: int) -> list[int]:
    """Indices of the tokens that open a sentence of ``text[start:end]`` (after the first)."""
    out = []
    k = 0
    for ss, _se in sentences(text, start, end)[1:]:
        while k < len(toks.starts) and toks.starts[k] < ss:
            k += 1
        out.append(k)
    return out


def tag_document(doc: Document, unit: str = "sentence", tagger: Tagger | None = None) -> list[Triple]:
    """Tagger attributions of a whole document, tagging one sentence or paragraph at a time."""
    t = tagger or default_tagger()
    text = doc.text
    out: list[Triple] = []
    for ps, pe in paragraphs(text, *doc.body):
        if unit == "paragraph":
            toks = tokenize(text, ps, pe)
            labels = t.tag(toks, False, sentence_starts(toks, text, ps, pe))
            out.extend(attributions_from_tags(spans_from_labels(toks, labels)))
            continue
        quotes = quote_regions(text, ps, pe)
        for ss, se in sentences(text, ps, pe):
            toks = tokenize(text, ss, se)
            in_q = any(q0 < ss < q1 for q0, q1 in quotes)
            out.extend(attributions_from_tags(spans_from_labels(toks, t.tag(toks, in_q))))
    return out


def extract_tagged(doc: Document, unit: str = "sentence", tagger: Tagger | None = None) -> Reading:
    """A Reading with the tagger's attributions only (no entities, claims or chains)."""
    b0, b1 = doc.body
    reading = Reading(text=doc.text, words=len(_WORD.findall(doc.text, b0, b1)))
    reading.attributions = [to_attribution(doc.text, i, t) for i, t in enumerate(tag_document(doc, unit, tagger))]
    return reading


def candidate(lower: list[str]) -> bool:
    """Is the sentence worth tagging? It holds a cue-lexicon verb form or "according".

    On held-out PolNeAR this gate skips a fifth of the open sentences' words at no
    measurable cost (attribution F1 0.725 against 0.726 tagging every open sentence).
    A colon, "state" and "states" (nearly always nouns) do not count: without them 9 %
    fewer words are tagged, with the same held-out figures (docs/tagger.md).
    """
    return not _triggers().isdisjoint(lower)


@cache
def _triggers() -> frozenset[str]:
    """The words that make a sentence a :func:`candidate`."""
    return (frozenset(lexicon().verbs) | {"according"}) - {"state", "states"}


def _covered(reading: Reading) -> list[Pair]:
    """Sorted spans the rules already claim: every cue and every content."""
    spans = [(a.content.start, a.content.end) for a in reading.attributions]
    spans += [(a.cue.start, a.cue.end) for a in reading.attributions if a.cue is not None]
    spans.sort()
    return spans


def add_tagged(doc: Document, reading: Reading, unit: str = "sentence", tagger: Tagger | None = None) -> Reading:
    """Add the tagger's attributions in sentences where the rules found none.

    A sentence is open when no rule cue or content touches it and it holds a candidate
    cue word (:func:`candidate`); only open sentences are tagged (``unit="paragraph"``
    tags the paragraph around them and keeps the cues that fall in them). The added
    attributions have no entity and no parent.
    """
    t = tagger or default_tagger()
    text = doc.text
    covered = _covered(reading)
    atts = reading.attributions
    k = 0
    for ps, pe in paragraphs(text, *doc.body):
        open_sents: list[tuple[int, int, Tokens]] = []
        for ss, se in sentences(text, ps, pe):
            while k < len(covered) and covered[k][1] <= ss:
                k += 1  # covered spans ending before this sentence can touch no later one
            if _touches(covered, k, ss, se):
                continue
            toks = tokenize(text, ss, se)
            if candidate(toks.lower):
                open_sents.append((ss, se, toks))
        if not open_sents:
            continue
        if unit == "paragraph":
            toks = tokenize(text, ps, pe)
            labels = t.tag(toks, False, sentence_starts(toks, text, ps, pe))
            found = [
                tr for tr in attributions_from_tags(spans_from_labels(toks, labels))
                if any(ss <= tr.cue[0] < se for ss, se, _ in open_sents)
            ]
        else:
            quotes = quote_regions(text, ps, pe)
            found = []
            for ss, _se, toks in open_sents:
                found.extend(tag_tokens(toks, any(q0 < ss < q1 for q0, q1 in quotes), t))
        for tr in found:
            atts.append(to_attribution(text, len(atts), tr))
    return reading


def _touches(covered: list[Pair], k: int, ss: int, se: int) -> bool:
    """Does a covered span (sorted by start) from index ``k`` on overlap ``[ss, se)``?"""
    for j in range(k, len(covered)):
        c0, c1 = covered[j]
        if c0 >= se:
            return False
        if c1 > ss:
            return True
    return False


def extract_hybrid(doc: Document, unit: str = "sentence", tagger: Tagger | None = None) -> Reading:
    """The rules' Reading, with tagger attributions added where the rules found none."""
    from provenance.extract.pipeline import extract

    return add_tagged(doc, extract(doc), unit, tagger)
