"""Token features for the attribution tagger, shared by training and runtime.

A linear-chain CRF (Lafferty et al. 2001) over BIO tags for source, cue and content, in
the manner of attribution taggers for PARC 3.0 and PolNeAR (Pareti 2016; Newell et al.
2018).

Speed. crfsuite costs about 0.1 µs per attribute of every token to look it up in the
model, and as much again to receive it from Python; building the attributes in Python
costs about as much per tuple operation. So the features are few and built with few
operations (see docs/tagger.md for what was measured):

- every feature that depends on a word alone (its lowercase form, shape, suffix,
  cue-lexicon class, and the same word as its neighbours see it) is built once per word
  type, as UTF-8 ``bytes`` (crfsuite copies them without encoding), and kept in a
  bounded cache (:data:`MAX_TYPES` types, in two generations);
- the shape is on every token and stands in for a bias feature; the other categorical
  features leave out their most common value (not quoted, no cue verb near), which the
  shape weights absorb: the same model with fewer attributes per token;
- at runtime the cache drops attributes the model has no weight for: the labels are
  unchanged;
- per token, only tuple concatenation remains; the positional features (quotation,
  the nearest cue verb within 4 tokens) are copied in runs.
"""

from collections.abc import Collection, Sequence
from itertools import compress
from operator import attrgetter
from typing import cast

from provenance.extract.lexicon import lexicon
from provenance.extract.text import Tokens

# Quotation marks as the tokenizer returns them, by what they do.
_QUOTE_TOKENS = frozenset(["“", "”", '"', "''", "``", "«", "»", "‘", "’"])
_OPENING = frozenset(["“", "«", "‘", "``"])
_CLOSING = frozenset(["”", "»"])
_TOGGLING = frozenset(['"', "''"])
_QUOTE_MARKS = _OPENING | _CLOSING | _TOGGLING  # the marks that open or close a quotation
NEAR = 4  # a cue verb at most this many tokens away is seen (its distance and identity)
# Each cached word type holds ~0.5 to 1 kB (its strings and tuples): ~50 MB at the cap.
MAX_TYPES = 50_000

Feats = tuple[bytes, ...]
_OWN, _M1, _P1 = attrgetter("own"), attrgetter("m1"), attrgetter("p1")
_VERB, _QUOTE = attrgetter("verb"), attrgetter("quote")


class TypeFeatures:
    """Cached per-type features: the word's own, and its identity as its neighbours see it."""

    __slots__ = ("own", "m1", "p1", "verb", "quote", "after", "before")

    def __init__(self, own: Feats, m1: Feats, p1: Feats, verb: bool, quote: str):
        self.own = own
        self.m1 = m1  # "-1=<word>": seen from the next token
        self.p1 = p1  # "+1=<word>": seen from the previous token
        self.verb = verb  # a single-word form of the cue lexicon
        self.quote = quote  # "o" opens, "c" closes, "t" toggles, "" no quote mark
        # a cue verb as the tokens after it see it (distance 1..NEAR) and before it (NEAR..1)
        self.after: list[Feats] = []
        self.before: list[Feats] = []


def _shape(w: str) -> str:
    """Character classes with runs collapsed: "Trump" -> "Xx", "U.S." -> "X.X.", "2016" -> "d"."""
    out: list[str] = []
    for c in w:
        k = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out[:6])


class FeatureCache:
    """Builds and remembers :class:`TypeFeatures` for each surface word.

    ``known``: the attributes the model has weights for (runtime); others are left out.
    None (training) keeps every attribute. At most ``max_types`` word types are kept
    (see :meth:`get`).
    """

    def __init__(self, known: Collection[bytes] | None = None, max_types: int = MAX_TYPES) -> None:
        lex = lexicon()
        self._verbs = lex.verbs
        self._phrasal = lex.phrasal
        self._nouns = lex.nouns
        self._honorifics = lex.honorifics
        self._known = known
        self.max_types = max_types
        self.types: dict[str, TypeFeatures] = {}  # the current generation
        self._old: dict[str, TypeFeatures] = {}
        # attributes that depend on no word, filtered like the others
        self.q, self.bos, self.eos, self.sb, self.se = (self.tags(t) for t in ("Q", "BOS", "EOS", "SB", "SE"))
        self._vl = [self.tags(f"vL={d}") for d in range(NEAR + 1)]
        self._vr = [self.tags(f"vR={d}") for d in range(NEAR + 1)]

    def get(self, w: str) -> TypeFeatures:
        """The features of word type ``w`` (computed on first sight).

        Two generations of at most ``max_types / 2`` types each: when the current one is
        full it becomes the old one (the older is dropped), and a word found in the old
        generation moves back, so the words in use survive a turnover without being
        rebuilt (building one costs ~100 times a lookup)."""
        tf = self.types.get(w)
        if tf is None:
            tf = self._old.pop(w, None)
            if tf is None:
                tf = self._build(w)
            if len(self.types) >= self.max_types // 2:
                self._old, self.types = self.types, {}
            self.types[w] = tf
        return tf

    def tags(self, *names: str) -> Feats:
        """Attributes as given (sentence flags, positions), filtered by the model."""
        out = [f.encode() for f in names]
        known = self._known
        return tuple(out if known is None else [f for f in out if f in known])

    def _build(self, w: str) -> TypeFeatures:
        low = w.lower()
        cue = self._verbs.get(low)
        own = ["w=" + low, "sh=" + _shape(w)]
        if len(low) > 3:
            own.append("s3=" + low[-3:])
        if cue is not None:
            own.append("lex=" + cue.cls)
        if low in self._phrasal:
            own.append("phr")
        if low in self._nouns:
            own.append("noun")
        if low.rstrip(".") in self._honorifics:
            own.append("hon")
        quote = ""
        if w in _QUOTE_MARKS:
            quote = "o" if w in _OPENING else "c" if w in _CLOSING else "t"
        tf = TypeFeatures(self.tags(*own), self.tags("-1=" + low), self.tags("+1=" + low), cue is not None, quote)
        if cue is not None:
            vl, vr = self.tags("vLw=" + low), self.tags("vRw=" + low)
            tf.after = [self._vl[d] + vl for d in range(1, NEAR + 1)]
            tf.before = [self._vr[d] + vr for d in range(NEAR, 0, -1)]
        return tf


def sequence_features(
    toks: Tokens, cache: FeatureCache, in_quote: bool = False, sentence_flags: Sequence[str] = (),
    sentence_starts: Sequence[int] = (),
) -> list[Feats]:
    """Feature tuples (``bytes`` attributes) for every token of one sequence (a sentence
    or a paragraph).

    ``in_quote`` says whether a quotation is open where the sequence starts;
    ``sentence_flags`` are added to every token (see :func:`sentence_flags`);
    ``sentence_starts`` are the indices of tokens that open a sentence inside a paragraph.
    """
    words = toks.words
    n = len(words)
    if n == 0:
        return []
    found = list(map(cache.types.get, words))  # None for a word type not in the current generation
    tfs: list[TypeFeatures] = (
        [tf or cache.get(w) for tf, w in zip(found, words, strict=True)]
        if None in found
        else cast("list[TypeFeatures]", found)
    )
    flags = cache.tags(*sentence_flags) if sentence_flags else ()
    # "Q" on the tokens inside a quotation: an opening mark is inside, a closing curly
    # mark too, a closing straight one is not
    pos = [flags] * n
    if in_quote or not _QUOTE_MARKS.isdisjoint(words):
        fq = flags + cache.q
        q, since = in_quote, 0
        for i in compress(range(n), map(_QUOTE, tfs)):
            mark = tfs[i].quote
            if mark == "o":
                if not q:
                    q, since = True, i
            elif mark == "t":
                if q:
                    pos[since:i] = [fq] * (i - since)
                    q = False
                else:
                    q, since = True, i
            elif q:  # a closing curly mark
                pos[since : i + 1] = [fq] * (i + 1 - since)
                q = False
        if q:
            pos[since:] = [fq] * (n - since)
    # the nearest cue verb on each side, when it is within NEAR tokens: its distance and
    # identity (a token between two verbs sees the nearer one on each side, no farther)
    verbs = list(compress(range(n), map(_VERB, tfs)))
    prev = 0
    for k, v in enumerate(verbs):
        tf = tfs[v]
        a = max(v - NEAR, prev)
        if a < v:
            pos[a:v] = [p + x for p, x in zip(pos[a:v], tf.before[NEAR - (v - a) :], strict=True)]
        e = min(v + NEAR, verbs[k + 1] if k + 1 < len(verbs) else n - 1) + 1
        if e > v + 1:
            # tf.after holds NEAR positions; the tokens up to the next verb or the end may be fewer
            pos[v + 1 : e] = [p + x for p, x in zip(pos[v + 1 : e], tf.after, strict=False)]
        prev = v
    if sentence_starts:
        starts = set(sentence_starts)
        for i in range(n):
            if i in starts:
                pos[i] = pos[i] + cache.sb
            if i + 1 in starts:
                pos[i] = pos[i] + cache.se
    # the neighbours' identities: the word before as "-1=", the word after as "+1="
    m1 = list(map(_M1, tfs))
    m1.insert(0, cache.bos)
    p1 = list(map(_P1, tfs))
    p1.append(cache.eos)
    # m1 has one more (the last word's "-1=" is no one's), so the zip stops at the n tokens
    return [tf.own + a + b + c for tf, a, b, c in zip(tfs, m1, p1[1:], pos, strict=False)]


def sentence_flags(lower: Sequence[str]) -> list[str]:
    """Sentence-level features: a quotation, "according to", a colon, no cue verb."""
    flags = []
    if not _QUOTE_TOKENS.isdisjoint(lower):
        flags.append("S:q")
    if "according" in lower:
        flags.append("S:acc")
    if ":" in lower:
        flags.append("S:colon")
    if lexicon().verbs.keys().isdisjoint(lower):
        flags.append("S:noverb")
    return flags
