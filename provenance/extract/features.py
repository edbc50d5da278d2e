"""Token features for the attribution tagger, shared by training and runtime.

A linear-chain CRF (Lafferty et al. 2001) over BIO tags for source, cue and content, in
the manner of attribution taggers for PARC 3.0 and PolNeAR (Pareti 2016; Newell et al.
2018). Speed comes from caching: every feature that depends on a word alone (its
lowercase form, shape, suffix, cue-lexicon class, and the same as seen from a neighbour)
is computed once per word type and kept in a dict; per token only list concatenation
and a few positional features (quotation, distance to a cue verb) remain.
"""

from collections.abc import Callable, Sequence

from provenance.extract import grammar as g
from provenance.extract.lexicon import lexicon
from provenance.extract.text import Tokens

# Word classes of the cue lexicon, the words that open or close a quotation.
_QUOTE_TOKENS = frozenset(["“", "”", '"', "''", "``", "«", "»", "‘", "’"])
_OPENING = frozenset(["“", "«", "‘", "``"])
_CLOSING = frozenset(["”", "»"])
_TOGGLING = frozenset(['"', "''"])
_PUNCT_KEEP = frozenset(list(",.;:!?()—–-") + ["--"])
_DIST_BUCKETS = ("1", "2", "3", "4", "5-6", "5-6", "7+")


class TypeFeatures:
    """Cached per-type features: the word's own, and its identity as seen from -2..+2."""

    __slots__ = ("own", "m2", "m1", "p1", "p2", "verb", "quote")

    def __init__(self, own: list[str], ctx: list[tuple[str, ...]], verb: bool, quote: str):
        self.own = own
        self.m2, self.m1, self.p1, self.p2 = ctx
        self.verb = verb  # a single-word form of the cue lexicon
        self.quote = quote  # "o" opens, "c" closes, "t" toggles, "" no quote mark


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
    """Builds and remembers :class:`TypeFeatures` for each surface word.

    ``keep`` (the attributes a trained model knows) drops features the model would
    ignore anyway, so runtime sequences carry fewer strings.
    """

    def __init__(self, keep: Callable[[str], bool] | None = None):
        lex = lexicon()
        self._verbs = lex.verbs
        self._phrasal = lex.phrasal
        self._nouns = lex.nouns
        self._honorifics = lex.honorifics
        self._keep = keep
        self._cache: dict[str, TypeFeatures] = {}

    def get(self, w: str) -> TypeFeatures:
        """The features of word type ``w`` (computed on first sight)."""
        tf = self._cache.get(w)
        if tf is None:
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
        if self._keep is not None:
            own = [f for f in own if self._keep(f)]
            ctx = [tuple(f for f in c if self._keep(f)) for c in ctx]
        return TypeFeatures(own, ctx, verb, quote)


def _bucket(d: int) -> str:
    return _DIST_BUCKETS[d - 1] if d <= 6 else "7+"


def sequence_features(
    toks: Tokens, cache: FeatureCache, in_quote: bool = False, sentence_flags: Sequence[str] = ()
) -> list[list[str]]:
    """Feature strings for every token of one sequence (a sentence or a paragraph).

    ``in_quote`` says whether a quotation is open where the sequence starts;
    ``sentence_flags`` are added to every token (see :func:`sentence_flags`).
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
        f.append("vL=" + _bucket(left[i]) if left[i] < 50 else "vL=none")
        f.append("vR=" + _bucket(right[i]) if right[i] < 50 else "vR=none")
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
