"""Token features for the attribution tagger, shared by training and runtime.

A linear-chain CRF (Lafferty et al. 2001) over BIO tags for source, cue and content, in
the manner of attribution taggers for PARC 3.0 and PolNeAR (Pareti 2016; Newell et al.
2018). Speed comes from caching: every feature that depends on a word alone (its
lowercase form, shape, suffix, cue-lexicon class, and the same as seen from a neighbour)
is computed once per word type and kept in a dict; per token only list concatenation
and a few positional features (quotation, distance to a cue verb) remain.
"""

from collections.abc import Sequence

from provenance.extract import grammar as g
from provenance.extract.lexicon import lexicon
from provenance.extract.text import Tokens

# Quotation marks as the tokenizer returns them, by what they do.
_QUOTE_TOKENS = frozenset(["“", "”", '"', "''", "``", "«", "»", "‘", "’"])
_OPENING = frozenset(["“", "«", "‘", "``"])
_CLOSING = frozenset(["”", "»"])
_TOGGLING = frozenset(['"', "''"])
_PUNCT_KEEP = frozenset(list(",.;:!?()—–-") + ["--"])
_DIST_BUCKETS = ("1", "2", "3", "4", "5-6", "5-6", "7+")
_MAX_TYPES = 500_000  # the cache starts afresh past this many word types (bounded memory)


class TypeFeatures:
    """Cached per-type features: the word's own, and its identity as seen from -2..+2."""

    __slots__ = ("own", "m2", "m1", "p1", "p2", "verb", "quote", "vl", "vr")

    def __init__(self, own: list[str], ctx: list[tuple[str, ...]], verb: bool, quote: str):
        self.own = own
        self.m2, self.m1, self.p1, self.p2 = ctx
        self.verb = verb  # a single-word form of the cue lexicon
        self.quote = quote  # "o" opens, "c" closes, "t" toggles, "" no quote mark
        self.vl = ""  # "vLw=<word>": this cue verb seen from a token after it
        self.vr = ""  # "vRw=<word>": seen from a token before it


def _shape(w: str) -> str:
    """Character classes with runs collapsed: "Trump" -> "Xx", "U.S." -> "X.X.", "2016" -> "d"."""
    out: list[str] = []
    for c in w:
        k = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out[:6])


def _kind(w: str, low: str, verb: bool) -> str:
    """A coarse word class for neighbour features."""
    if verb:
        return "V"
    if low in g.PRONOUNS:
        return "P"
    if w in _QUOTE_TOKENS:
        return "Q"
    if low in _PUNCT_KEEP:
        return low
    if w[:1].isupper():
        return "C"
    if w[:1].isdigit():
        return "D"
    if low in g.DETERMINERS:
        return "T"
    if low in g.PREPOSITIONS:
        return "I"
    return "x"


class FeatureCache:
    """Builds and remembers :class:`TypeFeatures` for each surface word."""

    def __init__(self) -> None:
        lex = lexicon()
        self._verbs = lex.verbs
        self._phrasal = lex.phrasal
        self._nouns = lex.nouns
        self._honorifics = lex.honorifics
        self._cache: dict[str, TypeFeatures] = {}

    def get(self, w: str) -> TypeFeatures:
        """The features of word type ``w`` (computed on first sight)."""
        tf = self._cache.get(w)
        if tf is None:
            if len(self._cache) >= _MAX_TYPES:
                self._cache.clear()
            tf = self._cache[w] = self._build(w)
        return tf

    def _build(self, w: str) -> TypeFeatures:
        low = w.lower()
        cue = self._verbs.get(low)
        verb = cue is not None
        own = ["b", "w=" + low, "sh=" + _shape(w)]
        if len(low) > 3:
            own.append("s3=" + low[-3:])
        if cue is not None:
            own += ["lex", "lex=" + cue.cls]
        if low in self._phrasal:
            own.append("phr")
        if low in self._nouns:
            own.append("noun")
        if low in g.PRONOUNS or low in ("his", "her", "their", "its"):
            own.append("pron")
        if low.rstrip(".") in self._honorifics:
            own.append("hon")
        if w[:1].isupper():
            own.append("cap")
        quote = ""
        if w in _QUOTE_TOKENS:
            own.append("q")
            quote = "o" if w in _OPENING else "c" if w in _CLOSING else "t" if w in _TOGGLING else ""
        kind = _kind(w, low, verb)
        ctx = [("-2=" + low,), ("-1=" + low, "-1k=" + kind), ("+1=" + low, "+1k=" + kind), ("+2=" + low,)]
        tf = TypeFeatures(own, ctx, verb, quote)
        if verb:
            tf.vl, tf.vr = "vLw=" + low, "vRw=" + low
        return tf


def _bucket(d: int) -> str:
    return _DIST_BUCKETS[d - 1] if d <= 6 else "7+"


# distance features by distance in tokens, built once (index 50 and beyond: no verb near)
_VL = ["vL=" + _bucket(d) for d in range(1, 50)]
_VR = ["vR=" + _bucket(d) for d in range(1, 50)]


def sequence_features(
    toks: Tokens, cache: FeatureCache, in_quote: bool = False, sentence_flags: Sequence[str] = (),
    sentence_starts: Sequence[int] = (),
) -> list[list[str]]:
    """Feature strings for every token of one sequence (a sentence or a paragraph).

    ``in_quote`` says whether a quotation is open where the sequence starts;
    ``sentence_flags`` are added to every token (see :func:`sentence_flags`);
    ``sentence_starts`` are the indices of tokens that open a sentence inside a paragraph.
    """
    words = toks.words
    n = len(words)
    if n == 0:
        return []
    tfs = [cache.get(w) for w in words]
    # distance to the nearest cue-lexicon verb on each side
    left = [0] * n
    last = -100
    for i, tf in enumerate(tfs):
        left[i] = i - last
        if tf.verb:
            last = i
    right = [0] * n
    nxt = n + 100
    for i in range(n - 1, -1, -1):
        right[i] = nxt - i
        if tfs[i].verb:
            nxt = i
    flags = list(sentence_flags)
    starts = set(sentence_starts)
    out: list[list[str]] = []
    q = in_quote
    for i, tf in enumerate(tfs):
        if tf.quote == "o":
            q = True
        elif tf.quote == "t":
            q = not q
        f = tf.own + flags
        f.append("Q" if q else "nQ")
        if tf.quote == "c":
            q = False
        d = left[i]
        if d < 50:
            f.append(_VL[d - 1])
            if d <= 4:
                f.append(tfs[i - d].vl)
        else:
            f.append("vL=none")
        d = right[i]
        if d < 50:
            f.append(_VR[d - 1])
            if d <= 4:
                f.append(tfs[i + d].vr)
        else:
            f.append("vR=none")
        if starts:
            if i in starts:
                f.append("SB")
            if i + 1 in starts:
                f.append("SE")
        if i >= 1:
            f.extend(tfs[i - 1].m1)
            if i >= 2:
                f.extend(tfs[i - 2].m2)
        else:
            f.append("BOS")
        if i + 1 < n:
            f.extend(tfs[i + 1].p1)
            if i + 2 < n:
                f.extend(tfs[i + 2].p2)
        else:
            f.append("EOS")
        out.append(f)
    return out


def sentence_flags(lower: Sequence[str]) -> list[str]:
    """Sentence-level features: a quotation, "according to", a colon, a cue verb."""
    lex = lexicon()
    flags = []
    s = set(lower)
    if s & _QUOTE_TOKENS:
        flags.append("S:q")
    if "according" in s:
        flags.append("S:acc")
    if ":" in s:
        flags.append("S:colon")
    if not any(w in lex.verbs for w in s):
        flags.append("S:noverb")
    return flags
