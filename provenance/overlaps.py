"""Claims that state the same thing in different articles: features, similarity, groups.

Pure functions, no database (the index that makes this fast at scale is
``provenance.store.overlap_index``). A claim becomes a set of features: numbers ("30,000"
-> ``#30000``), names (a run of capitalized words, by its last word: ``syria``) and stemmed
content words (``distribut``). Two claims are *candidates* only when they share a pair of
**anchors** (numbers and names) that few claims share, found through an inverted index on
anchor pairs: never all pairs. A candidate pair is an overlap when its IDF-weighted overlap
coefficient passes ``THRESHOLD`` *and* it shares what is said (content words of some weight),
its figures agree, and the shared part is a fair part of both claims. So paraphrases
("between 20,000 and 30,000 individuals, roughly equally distributed" / "as many as 30,000
members distributed almost equally") pair, and claims that merely share a topic (Syria,
ISIS, "the presumptive Republican nominee") do not.
"""

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

THRESHOLD = 0.45  # weighted overlap coefficient a pair must reach
MIN_SHARED = 4  # features in common, anchors included
MIN_SHARED_WORDS = 2  # ... of which content words (not numbers or names)
CONTENT_SHARE = 0.3  # weighted share of the smaller claim's content words the pair must have in common
CONTENT_MASS = 1.0  # shared content words, each weighted by IDF / log(number of claims), must add up to this
SHARED_MASS = 2.2  # ... and all shared features (names and numbers too)
MIN_DICE = 0.3  # weighted Dice coefficient: the shared part must be a fair part of both claims
MIN_CONTENT = 3  # claims with fewer content words are fragments, not compared
PRIOR_CLAIMS = 50  # IDF smoothing for small corpora
DENSITY = 0.5  # two groups merge when this share of the claim pairs across them overlap
MAX_ANCHORS = 8  # a claim is blocked on pairs of its rarest anchors, at most this many
MIN_FEATURES = 5  # claims with fewer features ("he said no") are not compared

STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and any are aren't as at
be because been before being below between both but by can cannot could couldn't did didn't do does
doesn't doing don't down during each either else even ever every few for from further had hadn't has
hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's however
i i'd i'll i'm i've if in into is isn't it it's its itself just least less let's like likely made make
many may me might more most much must mustn't my myself neither no nor not now of off often on once only
or other ought our ours ourselves out over own per perhaps rather really said same say says she she'd she'll
she's should shouldn't since so some still such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those though through thus to too toward
towards under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's
when when's where where's whether which while who who's whom whose why why's will with within without
won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
mr mrs ms dr one two three four five six seven eight nine ten also told tell according added
""".split())
_TOKEN = re.compile(r"(\$?\d[\d,.]*\d%?|\$?\d%?)|([A-Za-z][A-Za-z'-]*)|([^\sA-Za-z\d$]+)")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@dataclass(frozen=True)
class Features:
    """A claim as comparable features: anchors for blocking (numbers ``#``, capitalized words
    ``@``) and words for comparing (stems of content words, names as written, lower case)."""

    anchors: frozenset[str]
    words: frozenset[str]  # names and content words
    content: frozenset[str] = frozenset()  # content words only (what is said, not who or where)
    all: frozenset[str] = frozenset()  # what is compared: numbers and words (a name counts once, as a word)

    @classmethod
    def of(cls, numbers: set[str], names: set[str], content: set[str]) -> "Features":
        """Features from numbers (``#30000``), names and content stems."""
        words = frozenset(names | content)
        return cls(frozenset(numbers | {"@" + n for n in names}), words, frozenset(content),
                   frozenset(numbers) | words)


@lru_cache(maxsize=1 << 15)
def stem(word: str) -> str:
    """A light English stemmer, enough to equate "distributed"/"distributes", "members"/"member"."""
    w = word
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ness", ""), ("ships", ""), ("ship", ""),
                         ("ments", ""), ("ment", ""),
                         ("ingly", ""), ("edly", ""), ("ing", ""), ("ed", ""), ("ly", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
            w = w[: -len(suffix)] + keep
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":  # "stopp" -> "stop"
        w = w[:-1]
    return w


def _number(token: str) -> str | None:
    """A numeric token as a canonical number ("30,000" -> "30000", "$14.3" -> "14.3"), else None."""
    t = token.lstrip("$").rstrip("%").replace(",", "")
    try:
        value = float(t)
    except ValueError:
        return None
    return f"{value:g}" if value != int(value) else str(int(value))


def features(text: str) -> Features:
    """The features of a claim's text.

    A run of capitalized words is one name, kept by its last word ("Ohio Gov. John Kasich"
    -> ``kasich``, "Southeast Asia" -> ``asia``), so a long name does not outweigh the rest
    of the statement; numbers are canonical (``#30000``); other words are stemmed.
    """
    numbers, names, words = set(), set(), set()
    tokens = _TOKEN.findall(text.replace("\u2019", "'"))
    run = ""  # the last word of the current run of capitalized words
    for i, (num, word, punct) in enumerate(tokens):
        if punct:  # "Afghanistan, Libya": two names ("Gov. John Kasich" is one)
            if run and punct != ".":
                names.add(run)
                run = ""
            continue
        if num:
            if run:
                names.add(run)
                run = ""
            canonical = _number(num)
            if canonical is not None:
                nxt = tokens[i + 1][1].lower() if i + 1 < len(tokens) else ""
                if nxt in _SCALE:  # "14.3 billion" and "14,300,000,000" are one number
                    value = float(canonical) * _SCALE[nxt]
                    canonical = str(int(round(value))) if abs(value - round(value)) < 1e-6 * value else f"{value:g}"
                numbers.add("#" + canonical)
            continue
        low = word.lower().strip("'-")
        if low.endswith("'s"):
            low = low[:-2]
        if not word.islower():  # part of a name ("Syria", "al-Qaeda", "ISIS"), or a first word
            if low and (run or low not in STOPWORDS):
                run = low
            continue
        if run:
            names.add(run)
            run = ""
        if low not in STOPWORDS and len(low) >= 3:
            words.add(stem(low))
    if run:
        names.add(run)
    names = {n for n in names if len(n) > 1 and n not in STOPWORDS}
    return Features.of(numbers, names, words)


def idf(df: int, n: int) -> float:
    """Inverse document frequency of a feature found in ``df`` of ``n`` claims, smoothed as if
    PRIOR_CLAIMS more claims without it had been seen (so two articles alone still weigh words)."""
    return math.log((n + PRIOR_CLAIMS + 1) / (df + 0.5)) + 0.1


def similarity(a: Features, b: Features, df: Mapping[str, int], n: int) -> tuple[float, frozenset[str]]:
    """How far two claims state the same thing, in [0, 1], and the features they share.

    The IDF-weighted overlap coefficient (shared weight / the smaller claim's weight, so a
    short claim restated inside a longer one still scores), counted only when the claims
    also share what is *said*: MIN_SHARED_WORDS content words carrying CONTENT_SHARE of the
    smaller claim's content weight. Names and numbers alone (a topic) never make an overlap.
    One rule, kept in ``Comparer`` (which the overlap index uses for many pairs at once).
    """
    return Comparer(df, n)._compare(a, b)


class Comparer:
    """``similarity`` for many pairs under one ``df`` and ``n`` (what the overlap index does per
    chunk of new claims): each feature's weight, and each claim's figures and weight totals,
    are computed once and kept (by the Features object, which must stay alive meanwhile), and
    a pair of Features objects already compared is not compared again (identical claims in many
    articles). The results are ``similarity``'s, to the bit: the same sums over the same sets."""

    def __init__(self, df: Mapping[str, int], n: int) -> None:
        self.df, self.n = df, n
        self.weights: dict[str, float] = {}
        self.scale = math.log(n + PRIOR_CLAIMS + 2)
        self._info: dict[int, tuple[frozenset[str], float, float]] = {}
        self._done: dict[tuple[int, int], tuple[float, frozenset[str]]] = {}
        self.clipped = False  # a weight below 0 met (a feature in far more claims than counted: never, in a sound index)

    def info(self, f: Features) -> tuple[frozenset[str], float, float]:
        """A claim's figures (years aside), total weight and content weight."""
        got = self._info.get(id(f))
        if got is None:
            w, df, n = self.weights, self.df, self.n
            for x in f.all.difference(w):  # the weights not met yet in this chunk
                v = w[x] = idf(df.get(x, 1), n)
                if v < 0:
                    self.clipped = True
            weight = w.__getitem__  # the same sums in the same order as sum(w[x] for x in ...), faster
            got = (frozenset(x for x in f.anchors if x[0] == "#" and not _is_year(x)),
                   sum(map(weight, f.all)), sum(map(weight, f.content)))
            self._info[id(f)] = got
        return got

    def may_overlap(self, shared: frozenset[str], b: Features) -> bool:
        """False only when ``similarity(a, b)`` is 0 for any claim ``a`` whose features shared with ``b``
        (``a.all & b.all``) are ``shared``: their weight is below ``_compare``'s SHARED_MASS, or those
        that are content words of ``b`` (which hold the content words both share) are fewer than its
        MIN_SHARED_WORDS or weigh less than its CONTENT_MASS (weights counted from 0), each weight test
        less a margin for the order of the sums.
        It needs no more of ``a`` than its feature set, so that a candidate kept packed is unpacked
        only when it passes (most that share MIN_SHARED features fail here: docs/benchmarks.md, sixth pass)."""
        self.info(b)  # the weights of b.all, of which ``shared`` is a part
        w, scale = self.weights, self.scale
        if sum(map(w.__getitem__, shared)) / scale < SHARED_MASS - _MARGIN:
            return False
        said = shared & b.content  # holds the content words both share (a.content & b.content)
        if len(said) < MIN_SHARED_WORDS:
            return False
        if self.clipped:
            return sum(max(w[x], 0.0) for x in said) / scale >= CONTENT_MASS - _MARGIN
        return sum(map(w.__getitem__, said)) / scale >= CONTENT_MASS - _MARGIN  # every weight >= 0: the same terms

    def similarity(self, a: Features, b: Features) -> tuple[float, frozenset[str]]:
        """``similarity(a, b, df, n)``."""
        key = (id(a), id(b))
        got = self._done.get(key)
        if got is None:
            got = self._done[key] = self._compare(a, b)
        return got

    def _compare(self, a: Features, b: Features) -> tuple[float, frozenset[str]]:
        shared = a.all & b.all
        if len(shared) < MIN_SHARED:
            return 0.0, frozenset()
        said = a.content & b.content
        if len(said) < MIN_SHARED_WORDS:
            return 0.0, frozenset()
        (na, wa, ca), (nb, wb, cb) = self.info(a), self.info(b)
        if na and nb and not na & nb:
            return 0.0, frozenset()
        w, scale = self.weights, self.scale
        said_mass, common = sum(w[f] for f in said), sum(w[f] for f in shared)
        if said_mass / scale < CONTENT_MASS or common / scale < SHARED_MASS:
            return 0.0, frozenset()
        if said_mass / max(min(ca, cb), 1e-9) < CONTENT_SHARE:
            return 0.0, frozenset()
        if 2 * common / (wa + wb) < MIN_DICE:
            return 0.0, frozenset()
        return common / min(wa, wb), shared


_MARGIN = 1e-9  # what ``may_overlap`` allows for sums of the same weights taken in another order


def _is_year(feature: str) -> bool:
    """Whether a number feature looks like a year (#1990 .. #2099)."""
    return len(feature) == 5 and feature[1:3] in ("19", "20") and feature[1:].isdigit()


def anchor_keys(f: Features, df: Mapping[str, int]) -> list[str]:
    """Blocking keys of a claim: every pair of its MAX_ANCHORS rarest anchors ("#30000|@syria").

    Two claims are compared only when they share a key, that is two anchors; a key that many
    claims share is a topic and stops collecting claims (overlap_index.MAX_KEY_CLAIMS).
    """
    if len(f.anchors) <= MAX_ANCHORS:  # all of them (most claims): no need to rank them
        anchors = sorted(f.anchors)
    else:
        anchors = sorted(f.anchors, key=lambda a: (df.get(a, 0), a))[:MAX_ANCHORS]
        anchors.sort()
    return [f"{a}|{b}" for i, a in enumerate(anchors) for b in anchors[i + 1:]]


def comparable(f: Features) -> bool:
    """Whether a claim says enough to be compared at all (fragments such as "he said no" are not)."""
    return len(f.all) >= MIN_FEATURES and len(f.content) >= MIN_CONTENT and len(f.anchors) >= 2


# What can become an anchor in ``features``: a number, or a word with a capital letter. A name is one
# word of a run of them (the last; ``features`` cuts a run at a mark such as "’"), so counting the
# words that can be names bounds the anchors from above; neither kind holds a space, so only the
# chunks between spaces that hold a capital or a digit need to be looked at.
_MARKED = re.compile(r"(?<!\S)\S*?[A-Z\d]\S*")
_ANCHOR_WORD = re.compile(r"\$?\d[\d,.]*\d%?|\$?\d%?|(?<![A-Za-z'’-])[A-Za-z'’-]*[A-Z][A-Za-z'’-]*")


def _anchors_at_most(word: str) -> int:
    """How many anchors one ``_ANCHOR_WORD`` match can give at most: a number one, a word one when
    ``features`` could read it as a name (longer than a letter, not a stopword). So a capitalized
    stopword ("The", "But") gives none: in the synthetic corpus the capital that starts a claim sent
    42 % of the texts that reached ``features`` there for nothing (issue 13, ninth pass)."""
    if word[0] == "$" or word[0].isdigit():
        return 1
    low = word.replace("\u2019", "'").lower().strip("'-")
    if low.endswith("'s"):
        low = low[:-2]
    return len(low) > 1 and low not in STOPWORDS


def _two_anchors_possible(text: str) -> bool:
    """Whether ``text`` can have two anchors (``_anchors_at_most`` over its words, stopping at two)."""
    seen = 0
    for chunk in _MARKED.findall(text):
        for word in _ANCHOR_WORD.findall(chunk):
            seen += _anchors_at_most(word)
            if seen >= 2:
                return True
    return False


def comparable_features(text: str) -> Features | None:
    """``features(text)`` when the claim is ``comparable``, else None; a text that cannot hold two
    numbers or names (most claims that are not: "Officials said the plan would fail", "The court
    adjourned until Tuesday") is turned down by one regular-expression scan, without its features."""
    if not _two_anchors_possible(text):
        return None
    f = features(text)
    return f if comparable(f) else None


def dense_groups(pairs: Iterable[tuple[int, int, float]], density: float = DENSITY) -> list[tuple[int, dict[int, float]]]:
    """Groups of claims that state one thing: pairs joined strongest first, two groups merging only
    when at least ``density`` of the claim pairs across them overlap (average linkage).

    Unlike connected components, a long claim that touches two statements does not chain
    them into one group. Returns (central claim, {member: its best score in the group}),
    largest groups first; the centre is the member with the most overlaps in its group.
    """
    edges = sorted(((s, min(a, b), max(a, b)) for a, b, s in pairs if a != b), key=lambda e: (-e[0], e[1], e[2]))
    links: dict[int, dict[int, float]] = {}
    for s, a, b in edges:
        links.setdefault(a, {})[b] = s
        links.setdefault(b, {})[a] = s
    group_of: dict[int, int] = {c: c for c in links}
    members: dict[int, set[int]] = {c: {c} for c in links}
    for _, a, b in edges:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        small, large = sorted((ga, gb), key=lambda g: len(members[g]))
        other = members[large]
        cross = sum(len(links[m].keys() & other) for m in members[small])
        if cross < density * len(members[small]) * len(other):
            continue
        for m in members[small]:
            group_of[m] = large
        other |= members.pop(small)
    out = []
    for ids in members.values():
        if len(ids) < 2:
            continue
        inside = ids
        best = {m: max((s for n, s in links[m].items() if n in inside), default=0.0) for m in ids}
        centre = max(ids, key=lambda m: (len(links[m].keys() & inside), best[m], -m))
        out.append((centre, {m: best[m] for m in sorted(ids)}))
    out.sort(key=lambda g: (-len(g[1]), min(g[1])))
    return out


@dataclass(frozen=True)
class Origin:
    """Where one member of a group comes from: its chain's origin, if it is a named source."""

    source_id: int | None
    name: str | None
    named: bool  # a person, organization, outlet or document with a name (not "experts", not none)
    related: frozenset[int] = frozenset()  # sources tied to it: authors, publishers, affiliations


def independence(origins: list[Origin]) -> tuple[bool, Origin | None]:
    """Whether the members rest on at least two different named origins, and else the one they share.

    Named origins are one when they are the same source or tied by a relation (the UN report
    and the United Nations, its author). Vague origins ("experts", "officials") and claims
    with no source cannot show independence: a group with one named origin, or none, is not
    independent (docs/vocabulary.md, "overlap"): nothing in the text shows two separate origins.
    """
    named = [o for o in origins if o.named and o.source_id is not None]
    clusters: list[list[Origin]] = []
    for o in named:
        home = [c for c in clusters if any(_tied(o, x) for x in c)]
        merged = [o] + [x for c in home for x in c]
        clusters = [c for c in clusters if c not in home] + [merged]
    if len(clusters) >= 2:
        return True, None
    if not clusters:
        return False, None
    counts: dict[int, int] = {}
    for o in clusters[0]:
        counts[_sid(o)] = counts.get(_sid(o), 0) + 1
    best = max(clusters[0], key=lambda o: (counts[_sid(o)], -_sid(o)))
    return False, best


def _sid(o: Origin) -> int:
    """The source id of a clustered origin (``independence`` clusters only origins that have one)."""
    assert o.source_id is not None
    return o.source_id


def _tied(a: Origin, b: Origin) -> bool:
    """Whether two named origins are one source or related (author, publisher, affiliation)."""
    return a.source_id == b.source_id or a.source_id in b.related or b.source_id in a.related
