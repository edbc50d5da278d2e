"""Find attributions in one sentence: cue, source noun phrase and content, as offsets.

The patterns are those of news reporting described by Pareti (2016, PARC 3.0) and the
PolNeAR guidelines (Newell et al. 2018): a reporting verb with its subject before or after
it ("X said", "said X", quote-first forms), "according to X" and kin, told/speaking to an
outlet as a relay, "citing X" as an upstream source, and hedges with no source at all.
"""

from dataclasses import dataclass, field

from provenance.extract import grammar as g
from provenance.extract.lexicon import Cue, Lexicon
from provenance.extract.text import Tokens, is_close_quote, is_open_quote, tokenize
from provenance.models import CueType

Pair = tuple[int, int]


@dataclass(slots=True)
class Found:
    """An attribution as character offsets, before sources are typed and resolved."""

    cue: Pair | None
    cue_type: CueType
    source: Pair | None
    content: Pair
    direction: str  # "forward", "backward", "around": where the content lies from the cue
    lemma: str | None = None
    cls: str = "speech"  # the cue's class: speech, belief, stance, finding, intent, other
    relays: list[tuple[Pair, Pair]] = field(default_factory=list)  # (hearer, evidence)
    upstream: list[tuple[Pair, Pair]] = field(default_factory=list)  # (cited, evidence)
    speaker_of: int | None = None  # for quote continuations: the attribution continued
    parent: int | None = None
    name: Pair | None = None  # the naming part of the source: "Thomas Joscelyn" of "Thomas Joscelyn, a fellow at FDD,"


@dataclass(slots=True)
class Sentence:
    """One sentence with its tokens and the quotations of its paragraph."""

    text: str
    start: int
    end: int
    toks: Tokens
    quotes: list[Pair]  # quote regions of the whole paragraph
    title_case: bool = False  # a headline: "Clinton Says Russians Hacked DNC"

    @classmethod
    def of(cls, text: str, start: int, end: int, quotes: list[Pair]) -> "Sentence":
        toks = tokenize(text, start, end)
        words = [w for w in toks.words if w[:1].isalpha() and len(w) > 3]
        title = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
        return cls(text, start, end, toks, quotes, title)


def _cap(w: str) -> bool:
    return w[:1].isupper()


def _is_boundary(t: Tokens, k: int) -> bool:
    """Does token ``k`` end a clause, so that a subject cannot reach across it?"""
    low = t.lower[k]
    if low in g.BOUNDARY_PUNCT or low in g.CLAUSE_WORDS or low == "’" or low == "'":
        return True
    if low == "and" or low == "or":
        # without a comma, "and" joins noun phrases ("notes and interviews") far more
        # often than clauses; a following personal pronoun starts a new clause
        nxt = t.lower[k + 1] if k + 1 < len(t) else ""
        return nxt in g.PRONOUNS
    return False


def _content_end(s: Sentence) -> int:
    """End of a sentence's content: before its closing punctuation."""
    e = s.end
    while e > s.start and s.text[e - 1] in " .!?;:":
        e -= 1
    return e


def _quote_at(s: Sentence, pos: int) -> Pair | None:
    """The quotation of the paragraph that opens at ``pos``."""
    for q in s.quotes:
        if q[0] == pos:
            return q
    return None


def _quote_ending(s: Sentence, pos: int) -> Pair | None:
    """The quotation of the paragraph that closes at ``pos``."""
    for q in s.quotes:
        if q[1] == pos:
            return q
    return None


def _cue_at(t: Tokens, i: int, lex: Lexicon) -> tuple[int, Cue] | None:
    """A cue verb starting at token ``i``: (index after it, cue)."""
    low = t.lower[i]
    for words, cue in lex.phrasal.get(low, ()):
        k = len(words)
        if tuple(t.lower[i : i + k]) == words:
            return i + k, cue
    cue = lex.verbs.get(low)
    if cue is None:
        return None
    return i + 1, cue


def _aux_start(t: Tokens, v: int) -> tuple[int, bool]:
    """Walk left from verb ``v`` over auxiliaries, negation and adverbs.

    Returns the first index of the verb group and whether a form of *be* stands right
    before the verb (a passive or progressive).
    """
    a = v
    be_before = False
    k = v - 1
    while k >= 0:
        low = t.lower[k]
        if low in g.AUXILIARIES and (k == 0 or t.words[k].islower() or t.words[k].isupper()):
            if low in g.BE_FORMS and a == k + 1 and not be_before:
                be_before = True
            a = k
        elif low in g.ADVERBS or (low.endswith("ly") and len(low) > 4 and low.islower() and low not in g.LY_NOUNS):
            a = k
        else:
            break
        k -= 1
    # keep adverbs only when an auxiliary or the verb follows them ("also said")
    return a, be_before


def _clause_start(t: Tokens, j: int) -> int:
    """First token of the clause that ends at token ``j`` (a parenthesis inside it, as in
    "Sen. Bernie Sanders (I-Vt.)", does not end it)."""
    k = j
    while k >= 0:
        if t.words[k] == ")":
            m = k - 1
            while m >= 0 and t.words[m] != "(" and k - m < 10:
                m -= 1
            if m >= 0 and t.words[m] == "(":
                k = m - 1
                continue
        if _is_boundary(t, k):
            break
        k -= 1
    return k + 1


def _strip_adjunct(t: Tokens, s: int, j: int) -> int:
    """Skip a leading adjunct ('On Monday the official said'): first token of the subject."""
    while s <= j:
        low = t.lower[s]
        if low in g.CONJUNCTIONS or low in g.ADVERBS or low in ("just", "even", "only", "yet", "instead"):
            s += 1
        elif low in ("this", "last", "next", "earlier", "later", "that") and s + 1 <= j and (t.lower[s + 1] in g.TIME_WORDS or t.lower[s + 1] in ("year", "week", "month", "spring", "summer", "fall", "autumn", "winter", "time")):
            s += 2
        else:
            break
    if s <= j and (t.lower[s] in g.PREPOSITIONS or t.lower[s] in ("last", "earlier", "later")):
        k = s + 1
        while k <= j:
            low = t.lower[k]
            if (low in g.DETERMINERS and k > s + 1) or low in g.PRONOUNS:
                return k
            k += 1
        return j + 1
    return s


def _valid_subject(t: Tokens, s: int, j: int) -> bool:
    """Could tokens s..j be a subject noun phrase?"""
    if s > j or j - s > 40:
        return False
    last = t.lower[j]
    if last in g.PREPOSITIONS or last in g.AUXILIARIES or last in g.DETERMINERS - {"two", "three", "both", "all", "many", "some", "several", "others"}:
        return False
    if not (t.words[j][:1].isalnum()) and t.words[j] != ")":
        return False
    first = t.lower[s]
    if first in ("to", "not"):
        return False
    return True


def _subject_before(t: Tokens, a: int) -> tuple[Pair, Pair] | None:
    """Token ranges (source as annotated, naming part) of the subject of a verb group."""
    j = a - 1
    if j < 0:
        return None
    low = t.lower[j]
    if low in g.PRONOUNS and low != "who":
        return (j, j), (j, j)
    if low == "who":
        # "Smith, who said ...": the relative pronoun is the source; it names the antecedent
        k = j - 1
        if k >= 0 and t.words[k] == ",":
            k -= 1
        if k < 0:
            return None
        if _cap(t.words[k]):
            return (j, j), (_np_backward(t, k), k)
        s = _clause_start(t, k)
        s = _strip_adjunct(t, s, k)
        if _valid_subject(t, s, k) and k - s < 8:
            return (j, j), (s, k)
        return (j, j), (j, j)
    if low in ("and", "but") and j > 0:
        e = _tight_np(t, _strip_adjunct(t, 0, j - 1), j)
        if e is not None:
            return e, e
        return None
    if t.words[j] == ",":
        found = _subject_across_commas(t, j)
        if found:
            return (found[0], j - 1), found
        return None
    while j > 1 and (t.lower[j] in g.TIME_WORDS or t.lower[j] in g.MONTHS or t.lower[j].isdigit()) and t.lower[j - 1] in ("on", "last", "this", "in", "late", "early", "earlier"):
        j -= 2
    s = _clause_start(t, j)
    s = _strip_adjunct(t, s, j)
    if _valid_subject(t, s, j):
        return (s, j), (s, j)
    return None


def _tight_np(t: Tokens, s0: int, limit: int) -> Pair | None:
    """A short noun phrase at ``s0``: determiners, then a capitalized name or up to four
    lowercase words; used where a subject must be found without a clause to bound it."""
    e = s0
    while e < limit and t.lower[e] in g.DETERMINERS:
        e += 1
    if e < limit and t.lower[e] in g.PRONOUNS:
        return (e, e)
    if e < limit and _cap(t.words[e]):
        while e < limit and (_cap(t.words[e]) or t.lower[e] in ("’s", "'s", "of", "the") and e + 1 < limit and _cap(t.words[e + 1])):
            e += 1
    else:
        while e < limit and e - s0 < 4 and t.words[e].isalpha() and t.words[e].islower() and t.lower[e] not in g.PREPOSITIONS and t.lower[e] not in g.AUXILIARIES:
            e += 1
    return (s0, e - 1) if e > s0 else None


def _np_backward(t: Tokens, k: int) -> int:
    """First index of the capitalized name or noun phrase that ends at token ``k``."""
    s = k
    while s - 1 >= 0 and (_cap(t.words[s - 1]) or t.lower[s - 1] in ("of", "the", "for")) and not _is_boundary(t, s - 1):
        s -= 1
    while s < k and t.lower[s] in ("of", "for"):
        s += 1
    return s


def _appositive(t: Tokens, s: int, e: int) -> bool:
    """Is tokens s..e an appositive or relative clause that can sit after a subject?"""
    first = t.lower[s]
    if first in ("a", "an", "the", "who", "which", "whose", "and", "now", "then", "himself", "herself"):
        return True
    if first.isdigit():  # age: "Smith, 47, said"
        return True
    if t.words[s].islower() and (first.endswith("ed") or first.endswith("ing")):
        return True  # "the report, released Monday, said"
    return s <= e and any(w in ("of", "at", "for") for w in t.lower[s : e + 1])


def _segment_np_like(t: Tokens, s: int, e: int) -> bool:
    """Can the comma-delimited segment s..e be (the start of) a subject noun phrase?"""
    low = t.lower[s]
    if low in g.PREPOSITIONS or low in g.CLAUSE_WORDS or low in g.CONJUNCTIONS or low in ("according", "last", "next", "earlier", "later", "however"):
        return False
    if low in g.TIME_WORDS or low in g.MONTHS:
        return False
    return low in g.DETERMINERS or low in g.PRONOUNS or _cap(t.words[s]) or low.isdigit()


def _subject_across_commas(t: Tokens, comma: int) -> Pair | None:
    """Subject separated from its verb by appositives: 'Joscelyn, a fellow at FDD, said'.

    Walks left over comma-delimited segments; the subject is the leftmost segment of the
    run of noun-phrase-like and appositive-like segments that ends at the verb.
    """
    segments: list[Pair] = []
    k = comma
    while k >= 0 and len(segments) < 5:
        seg_end = k - 1
        seg_start = seg_end
        while seg_start >= 0 and t.words[seg_start] not in (",", ";", ":", "(", ")", "“", "”", '"', "—"):
            seg_start -= 1
        seg_start += 1
        if seg_start > seg_end:
            break
        segments.append((seg_start, seg_end))
        if seg_start == 0 or t.words[seg_start - 1] != ",":
            break
        k = seg_start - 1
    chosen = None
    for i, (a, b) in enumerate(segments):
        np_like = _segment_np_like(t, a, b)
        if i > 0 and not np_like and not _appositive(t, a, b):
            break
        if np_like:
            chosen = (a, b)
        elif not _appositive(t, a, b):
            break
    if chosen is None or chosen == segments[0] and len(segments) == 1 and chosen[0] > 0 and t.words[chosen[0] - 1] == ",":
        if chosen is None:
            return None
    a, b = chosen
    cut = b
    for x in range(a, b + 1):
        if t.lower[x] in ("which", "who", "whose", "that"):
            cut = x - 1
            break
    if _valid_subject(t, a, cut):
        return (a, cut)
    return None


def _starts_np(t: Tokens, s: int) -> bool:
    low = t.lower[s]
    return low in g.DETERMINERS or low in g.PRONOUNS or _cap(t.words[s])


def _np_forward(t: Tokens, i: int, limit: int, wide: bool = False) -> int:
    """Index after a noun phrase starting at ``i`` (``i`` itself when there is none).

    ``wide`` lets prepositional modifiers in ("a poll by Gallup of likely voters").
    """
    k = i
    n = min(len(t), limit)
    seen_head = False
    while k < n:
        w, low = t.words[k], t.lower[k]
        if w == "(" and seen_head and _cap(t.words[k - 1]):
            close = next((x for x in range(k + 1, min(n, k + 8)) if t.words[x] == ")"), -1)
            if close > 0 and any("-" in t.words[x] for x in range(k + 1, close)):
                k = close + 1  # "Sen. Ted Cruz (R-Texas)"
                continue
        if low in g.BOUNDARY_PUNCT or low in (".", "!", "?") or low in ("’", "'") and k > i:
            break
        if low in ("that", "which", "who", "whom", "whose", "where", "when", "while", "because", "as", "if", "than"):
            break
        if low in ("and", "or"):
            nxt = t.words[k + 1] if k + 1 < n else ""
            if seen_head and (_cap(nxt) and _cap(t.words[k - 1]) or nxt.lower() in ("other", "others")):
                k += 1
                continue
            break
        if low in g.PREPOSITIONS:
            nxt = t.words[k + 1] if k + 1 < n else ""
            if not seen_head:
                break
            if low in g.NP_PREPOSITIONS and (wide or _cap(nxt) or nxt.lower() in g.DETERMINERS or low == "of"):
                k += 1
                continue
            break
        if low in g.AUXILIARIES or low in g.NEGATIONS:
            break
        if k > i and low in g.TIME_WORDS and (w.islower() or t.lower[k - 1] in ("on", "last", "this", "next", "by", "since", "until")):
            break  # "said the official on Monday", but "the Sunday Times"
        seen_head = True
        k += 1
    # do not end on a determiner or preposition
    while k > i and (t.lower[k - 1] in g.PREPOSITIONS or t.lower[k - 1] in g.DETERMINERS or t.lower[k - 1] in ("and", "or")):
        k -= 1
    return k


def _skip_adjuncts(t: Tokens, p: int, n: int) -> int:
    """Skip time phrases and 'in a statement' between a verb and its content."""
    while p < n:
        low = t.lower[p]
        if p + 1 < n and t.lower[p + 1] in ("’s", "'s"):
            break  # "Thursday’s speeches": a possessive, not a time
        if low in g.TIME_WORDS or low in g.ADVERBS and low not in ("not", "never", "now"):
            p += 1
            continue
        if low == "for" and p + 1 < n and t.lower[p + 1] in ("weeks", "months", "years", "days", "decades", "hours", "some", "a", "several"):
            k = p + 1
            while k < n and k < p + 4 and t.lower[k] not in ("weeks", "months", "years", "days", "decades", "hours", "time", "while"):
                k += 1
            if k < n and t.lower[k] in ("weeks", "months", "years", "days", "decades", "hours", "time", "while"):
                p = k + 1
                continue
        if low in g.TIME_LEAD and p + 1 < n:
            # a short phrase ending in a time word, or "in a statement/interview/letter"
            k = p + 1
            stop = min(n, p + 9)
            hit = -1
            while k < stop:
                lk = t.lower[k]
                if lk in g.TIME_WORDS or lk in g.MONTHS or lk.isdigit():
                    hit = k
                if lk in ("that", ",", ":", "“", '"'):
                    if hit >= 0 or t.lower[p] in ("in", "during", "at", "on"):
                        hit = k - 1
                    break
                if lk in g.CLAUSE_WORDS or lk in g.AUXILIARIES:
                    break
                k += 1
            if hit >= 0 and (hit + 1 >= n or t.lower[hit + 1] in ("that", ",", ":", "“", '"') or t.lower[p] != "in" and (t.lower[hit] in g.TIME_WORDS or t.lower[hit] in g.MONTHS or t.lower[hit].isdigit())):
                p = hit + 1
                continue
        break
    return p


_CONTENT_STARTERS = frozenset(["that", ":", "“", '"', "‘", "«", "to", "how", "why", "what", "whether", "if", "when", "where", "who", "there"])
# Where unquoted content stops before the end of its sentence (PolNeAR convention):
# a new clause after a comma, or a participle that starts another attribution.
_STOP_AFTER_COMMA = frozenset(
    """and but which while as even who whom whose saying calling adding noting arguing
    insisting claiming warning explaining describing suggesting according said""".split()
)


def _stop_in_clause(s: Sentence, t: Tokens, k0: int, end: int, subject_first: bool = False, lex: Lexicon | None = None) -> int:
    """Where unquoted content starting at token ``k0`` stops: at a trailing clause
    (", and he ...", ", which ...", "; ...", a lone dash, a colon) or at ``end``."""
    n = len(t)
    in_quote = False
    dashes = [k for k in range(k0, n) if t.words[k] in ("—", "–") and not in_quote]
    for k in range(k0, n):
        if t.starts[k] >= end:
            break
        w = t.words[k]
        if w in ("“", "''") or w == '"' and not in_quote:
            in_quote = True
            continue
        if w in ("”", "''") or w == '"' and in_quote:
            in_quote = False
            continue
        if in_quote:
            continue
        if w == ";" or w == ":" and k > k0:
            return t.starts[k]
        if w in ("—", "–") and len(dashes) == 1:
            return t.starts[k]
        if w == "-" and k + 1 < n and t.words[k + 1] == "-":
            return t.starts[k]
        if w == "," and k + 1 < n and t.lower[k + 1] in _STOP_AFTER_COMMA:
            nxt = t.lower[k + 2] if k + 2 < n else ""
            if t.lower[k + 1] in ("and", "but") and nxt.endswith(("ed", "ing")) and nxt not in g.PRONOUNS:
                continue  # ", and presented to ...": the same clause goes on
            if t.lower[k + 1] == "as" and nxt in ("well", "much", "many", "long", "far", "soon", "a", "the", "of"):
                continue  # ", as well as ...": not a new clause
            if t.lower[k + 1] in ("who", "which", "whose") and k - k0 <= 4 and subject_first:
                continue  # "X, who ..., is": a relative clause on the content's subject
            return t.starts[k]
        if w == "," and k + 1 < n and t.words[k + 1].islower() and t.lower[k + 1].endswith("ing") and len(t.lower[k + 1]) > 5 and t.lower[k + 1] not in ("including", "according", "regarding", "during", "following", "excluding", "concerning"):
            return t.starts[k]  # ", applauding the state's town halls": a new participial clause
        if w in ("and", "but") and k + 1 < n and t.words[k + 1].islower() and lex is not None:
            cue = lex.verbs.get(t.lower[k + 1])
            if cue is not None and cue.cls in ("speech", "stance") and not t.lower[k + 1].endswith("ing"):
                return t.starts[k]  # "... and noted that ...": the subject's next statement
    return end


def _content_forward(s: Sentence, t: Tokens, p: int, cls: str, lenient: bool = False, lex: Lexicon | None = None) -> tuple[int, int] | None:
    """Content after the cue, starting at token ``p``: char span or None.

    The complementizer "that" and quotation marks belong to the content; a closing full
    stop does not. A quotation that runs past the sentence ends the content; one that
    closes inside it lets the content go on to the end of the clause.
    """
    n = len(t)
    if p >= n:
        return None
    low = t.lower[p]
    if low in (",", ":") and p + 1 < n:
        p += 1
        low = t.lower[p]
    if low != "that" and cls != "speech" and low not in _CONTENT_STARTERS:
        if low in g.PREPOSITIONS or low in g.AUXILIARIES or low in g.CLAUSE_WORDS or not t.words[p][:1].isalnum() and low[:1] != "$":
            return None
    if p >= n or t.words[p] in (".", "!", "?"):
        return None
    if not lenient and (t.lower[p] in g.CONJUNCTIONS or t.lower[p] in g.PREPOSITIONS and t.lower[p] not in ("to", "about", "for", "of", "on")):
        return None
    start = t.starts[p]
    end = _content_end(s)
    if is_open_quote(t.words[p]):
        q = _quote_at(s, start)
        if q and q[1] >= end:
            return (start, q[1])
        if q:
            k = p
            while k < n and t.starts[k] < q[1]:
                k += 1
            end = _stop_in_clause(s, t, k, end, lex=lex)
            end = max(end, q[1])
    else:
        end = _stop_in_clause(s, t, p + 1, end, subject_first=lenient or low == "that", lex=lex)
    while end > start and s.text[end - 1] in " ,":
        end -= 1
    if end - start < 2:
        return None
    return (start, end)


def _next_quote(s: Sentence) -> Pair | None:
    """A quotation that opens the next sentence of the paragraph ("“B,” he said. “C.”")."""
    k = s.end
    while k < len(s.text) and s.text[k] in " \t":
        k += 1
    return _quote_at(s, k)


def _content_backward(s: Sentence, t: Tokens, left: int) -> tuple[int, int] | None:
    """Content before a clause-final cue whose clause starts at token ``left``.

    It runs from the start of the sentence (or of a quotation that began in an earlier
    sentence) to the comma or closing quote before the source.
    """
    k = left - 1
    if k < 0:
        return None
    w = t.words[k]
    if w == ",":
        k -= 1
        if k < 0:
            return None
        w = t.words[k]
    start = s.start
    if is_close_quote(w) or w in ("’", "'"):
        q = _quote_ending(s, t.ends[k])
        if q:
            start = min(start, q[0])
            return (start, q[1])
    lead = next((x for x in range(0, min(4, k)) if t.words[x] == ","), -1)
    if lead > 0 and t.lower[0] in g.DISCOURSE:
        start = t.starts[lead + 1]
    e = t.ends[k]
    while e > start and s.text[e - 1] in " ,":
        e -= 1
    if e - start < 3:
        return None
    return (start, e)


def find(s: Sentence, lex: Lexicon) -> list[Found]:
    """All attributions of one sentence, outermost and innermost alike."""
    t = s.toks
    n = len(t)
    out: list[Found] = []
    taken = [False] * n  # tokens already used as a cue or source

    def mark(a: int, b: int) -> None:
        for x in range(a, b + 1):
            taken[x] = True

    # 1. "according to X", "as reported by X", "citing X" at clause level
    i = 0
    while i < n:
        low = t.lower[i]
        cue_end = -1
        if low == "according" and i + 1 < n and t.lower[i + 1] == "to":
            cue_end = i + 1
        elif low == "as" and i + 2 < n and t.lower[i + 1] in ("reported", "quoted", "told", "cited") and t.lower[i + 2] in ("by", "to", "in"):
            cue_end = i + 2
        elif low == "in" and i + 3 < n and t.lower[i + 1] == "the" and t.lower[i + 2] in ("words", "view", "opinion") and t.lower[i + 3] == "of":
            cue_end = i + 3
        if cue_end < 0:
            i += 1
            continue
        np_end = _np_forward(t, cue_end + 1, n, wide=True)
        if np_end <= cue_end + 1:
            i += 1
            continue
        src = (t.starts[cue_end + 1], t.ends[np_end - 1])
        cue = (t.starts[i], t.ends[cue_end])
        before_comma = i > 0 and t.words[i - 1] == ","
        left_start = s.start
        # content: before the phrase, after it, or both
        after = np_end
        if after < n and t.words[after] == ",":
            after += 1
        has_after = after < n and t.words[after] not in (".", "!", "?")
        has_before = i > 0 and t.starts[i] - s.start > 3
        if has_before and not has_after:
            e = t.starts[i]
            while e > left_start and s.text[e - 1] in " ,":
                e -= 1
            content = (left_start, e)
            direction = "backward" if before_comma else "backward-local"
        elif has_after and not has_before:
            c = _content_forward(s, t, after, "speech", lenient=True)
            if c is None:
                i += 1
                continue
            content, direction = c, "forward"
        elif has_after and has_before:
            content, direction = (left_start, _content_end(s)), "around"
        else:
            i += 1
            continue
        out.append(Found(cue=cue, cue_type=CueType.according_to, source=src, content=content, direction=direction, lemma="according to", name=src))
        mark(i, np_end - 1)
        i = np_end

    # 1b. "Name: statement" (headlines, transcripts) and "In a new poll, ..."
    if n > 2 and not out:
        f = _colon_attribution(s, t, lex) or _in_document_attribution(s, t, lex)
        if f is not None:
            out.append(f)
            lo = next(x for x in range(n) if t.starts[x] >= f.cue[0])
            hi = max(x for x in range(n) if t.starts[x] < max(f.cue[1], f.source[1] if f.source else 0))
            mark(0, hi)

    # 2. hearers and upstream sources that decorate a verb attribution
    relay_spans: list[tuple[int, Pair, Pair]] = []  # (token index, hearer, evidence)
    upstream_spans: list[tuple[int, Pair, Pair]] = []
    for i in range(n):
        low = t.lower[i]
        if low in ("speaking", "talking") and i + 1 < n and t.lower[i + 1] in ("to", "with"):
            e = _np_forward(t, i + 2, n)
            if e > i + 2:
                relay_spans.append((i, (t.starts[i + 2], t.ends[e - 1]), (t.starts[i], t.ends[e - 1])))
                mark(i, e - 1)
        elif low == "interview" and i + 1 < n and t.lower[i + 1] == "with":
            e = _np_forward(t, i + 2, n)
            if e > i + 2:
                lead = i - 2 if i >= 2 and t.lower[i - 2] == "in" else i
                relay_spans.append((i, (t.starts[i + 2], t.ends[e - 1]), (t.starts[lead], t.ends[e - 1])))
                mark(i, e - 1)
        elif low == "citing" and i + 1 < n:
            e = _np_forward(t, i + 1, n, wide=True)
            if e > i + 1:
                upstream_spans.append((i, (t.starts[i + 1], t.ends[e - 1]), (t.starts[i], t.ends[e - 1])))
                mark(i, e - 1)

    # 3. reporting verbs, outside long quotations (a speaker's own words are not
    # attributions of the article; short scare quotes do not count)
    long_quotes = [q for q in s.quotes if s.text.count(" ", q[0], q[1]) >= 6]
    i = 0
    while i < n:
        if taken[i] or any(q[0] < t.starts[i] < q[1] for q in long_quotes):
            i += 1
            continue
        hit = _cue_at(t, i, lex)
        if hit is None:
            i += 1
            continue
        after, cue = hit
        f = _verb_attribution(s, t, i, after, cue, lex, taken, out)
        if f is None:
            i += 1
            continue
        # decorations: relays and citing phrases in this clause
        for ti, hearer, ev in relay_spans:
            if abs(ti - i) < 25:
                f.relays.append((hearer, ev))
        for ti, cited, ev in upstream_spans:
            if abs(ti - i) < 25:
                f.upstream.append((cited, ev))
        out.append(f)
        i = after
    return out


_NOT_SPEAKERS = frozenset(
    """note update editor's editor photo photos source sources watch read related correction
    disclosure video image caption warning breaking exclusive live analysis opinion
    background context example question answer step tip update fact bottom summary
    result results date time location where when what why how latest twitter byline
    contributing hey busted just leaked listen look lol wow""".split()
)


def _colon_attribution(s: Sentence, t: Tokens, lex: Lexicon) -> Found | None:
    """"Trump: I will win" / "SANDERS: ...": a name, a colon, and what the name says."""
    k = 0
    while k < len(t) and k < 6 and t.words[k] != ":":
        w = t.words[k]
        if not (_cap(w) or t.lower[k] in ("’s", "'s", "of", "the", "and") and k > 0):
            return None
        k += 1
    if k == 0 or k > 3 or k >= len(t) - 1 or t.words[k] != ":":
        return None
    if any(len(w) < 2 or w.isupper() and len(w) > 3 for w in t.words[:k]):
        return None  # "A:", "BYLINE:", "BUSTED:": labels, not speakers
    if t.lower[0].rstrip(".") in _NOT_SPEAKERS or t.lower[k - 1] in _NOT_SPEAKERS:
        return None
    if t.lower[0] in lex.documents or t.lower[k - 1] in lex.documents:
        return None
    content = _content_forward(s, t, k + 1, "speech")
    if content is None:
        return None
    src = (t.starts[0], t.ends[k - 1])
    return Found(cue=(t.starts[k], t.ends[k]), cue_type=CueType.other, source=src, content=content, direction="forward", lemma=":", cls="speech", name=src)


_POLL_HEADS = frozenset("poll polls survey surveys study studies report analysis memo filing review audit".split())


def _in_document_attribution(s: Sentence, t: Tokens, lex: Lexicon) -> Found | None:
    """"In a new Fox News poll, Trump leads": the document named by the opening phrase."""
    if t.lower[0] != "in" or len(t) < 5:
        return None
    comma = next((x for x in range(1, min(len(t), 15)) if t.words[x] == ","), -1)
    if comma < 3 or t.lower[1] not in g.DETERMINERS:
        return None
    heads = [x for x in range(2, comma) if t.lower[x] in _POLL_HEADS]
    if not heads:
        return None
    content = _content_forward(s, t, comma + 1, "speech")
    if content is None:
        return None
    src = (t.starts[1], t.ends[comma - 1])
    return Found(cue=(t.starts[0], t.ends[0]), cue_type=CueType.other, source=src, content=content, direction="forward", lemma="in", cls="speech", name=src)


def _verb_form_ok(t: Tokens, v: int, low: str, lemma: str, prev: str, a: int) -> bool:
    """Is the cue word at ``v`` used as a finite verb rather than a noun or modifier?

    Base forms ("report", "support") need a plural or pronoun subject or an auxiliary;
    -s forms ("reports", "notes") must not follow a conjunction or an adjective-like word;
    -ing forms need a progressive auxiliary or a participial comma (", saying").
    """
    if " " in lemma:
        return True
    if low.endswith("ing"):
        return a < v or prev in (",", "and", "—", "–", "by", "while", "when", "after", "before", "without")
    if a < v:
        return True
    nxt = t.lower[v + 1] if v + 1 < len(t) else ""
    if lemma in g.NOUNISH_VERBS and low == lemma:
        # "the UN report", "a vote": a noun unless a plural pronoun leads ("they report")
        return prev in ("they", "we", "i", "you", "who", "which", "that")
    if lemma in g.NOUNISH_VERBS and low in (lemma + "s", lemma + "es"):
        # "terror attacks", "the votes": a noun unless a pronoun or a name leads
        return prev in ("he", "she", "it", "who", "which", "that") or (v > 0 and _cap(t.words[v - 1]) and t.words[v - 1] not in ("The", "A", "An"))
    if (low == lemma.split()[0] or low.endswith("s")) and nxt.endswith("ed") and nxt.isalpha():
        return False  # "A United Nations report mentioned": a noun before the real verb
    if low == lemma.split()[0]:
        if low in g.RARELY_NOUNS:
            return prev.isalpha() and prev not in g.PREPOSITIONS and prev not in g.DETERMINERS and prev not in g.CONJUNCTIONS
        return prev in ("i", "we", "they", "you", "who") or (prev.endswith("s") and not prev.endswith(("ss", "’s", "'s")) and prev.isalpha())
    if low.endswith("s") and low != lemma and not low.endswith("ss"):
        return prev != "or" and not (prev.islower() and prev.endswith(("al", "ive", "ary", "ed", "ful", "ous", "ic", "ent", "ant")))
    return True


def _verb_attribution(s: Sentence, t: Tokens, v: int, after: int, cue: Cue, lex: Lexicon, taken: list[bool], earlier: list[Found]) -> Found | None:
    """An attribution around the reporting verb at token ``v``, or None if it is not one."""
    n = len(t)
    low = t.lower[v]
    prev = t.lower[v - 1] if v > 0 else ""
    if v > 0 and not t.words[v].islower() and not is_open_quote(t.words[v - 1]) and not s.title_case:
        return None  # "The Islamic State": a capitalized word mid-sentence is a name
    # a verb form that is really a noun or an infinitive: "the report", "to say"
    if prev in g.DETERMINERS:
        return None
    if prev in ("’s", "'s") and (v < 2 or t.lower[v - 2] not in g.PRONOUNS):
        return None  # "Trump’s claims": a possessive before a noun
    if prev == "to":
        return None
    a, be_before = _aux_start(t, v)
    if not _verb_form_ok(t, v, low, cue.lemma, prev, a):
        return None
    if low.endswith("ing") and prev in (",", "by", "while", "when", "after", "before", "without", "—", "–") and a == v:
        # ", saying ...": the speaker is the subject of the main clause
        return _participle_attribution(s, t, v, after, cue, earlier)
    if after < n and t.lower[after] == "by":
        return None  # a participle: "documents published by the CIA"
    if be_before and not low.endswith("ing") and cue.lemma != "ask":
        return None  # a passive: "is believed to", handled as a hedge
    cue_span = (t.starts[a], t.ends[after - 1])
    found_subj = _subject_before(t, a)
    subj = name = None
    if found_subj:
        subj, name = found_subj
        if any(taken[x] for x in range(name[0], name[1] + 1)):
            subj = name = None
    # hearer of a verb of telling: "told the Financial Times that ..."
    relays: list[tuple[Pair, Pair]] = []
    p = after
    if p < n and t.lower[p] in ("him", "her", "them", "me", "us", "you") and cue.cls in ("speech", "stance"):
        p += 1  # "told him she worries": the addressee is in no span
    elif cue.lemma in g.TELL_LEMMAS and p < n and not t.lower[p] in ("that", ":", ",", "“", '"'):
        e = _np_forward(t, p, n)
        if e > p and (e >= n or t.lower[e] in ("that", ":", ",", "“", '"', "''", "about", "of", "in", "on", "last", "this", ".", "whether", "if", "why", "how", "what", "when", "to") or t.lower[e] in g.TIME_WORDS or t.lower[e] in g.PRONOUNS):
            relays.append(((t.starts[p], t.ends[e - 1]), (t.starts[a], t.ends[e - 1])))
            p = e
    p = _skip_adjuncts(t, p, n)
    if cue.lemma in g.WEAK_CUES and not (p < n and (t.lower[p] in ("that", ":") or is_open_quote(t.words[p]))):
        return None  # "maintained control", "saw the film": only "maintained that ..." reports
    if p + 1 < n and (t.lower[p] in ("of", "about") or cue.cls != "speech" and t.lower[p] in ("against", "for", "on", "at", "with")):
        cue_span = (cue_span[0], t.ends[p])  # "warned of", "called for", "said of"
        p += 1
    if subj is not None and name is not None:
        src = (t.starts[subj[0]], t.ends[subj[1]])
        name_span = (t.starts[name[0]], t.ends[name[1]])
        fwd = _content_forward(s, t, p, cue.cls, lex=lex)
        before = t.words[subj[0] - 1] if subj[0] > 0 else ""
        if cue.lemma in g.EVIDENTIALS and fwd is not None and t.lower[p] == "to":
            # "[The court] seemed [to send a signal]": no source, the content spans the subject
            return Found(cue=cue_span, cue_type=CueType.hedge, source=None, content=(src[0], fwd[1]), direction="around", lemma=cue.lemma, cls="hedge")
        if before == "as" and (p >= n or t.words[p] in (",", ".")):
            # "..., as Western Journalism reported, ...": the whole sentence is the content
            e = _content_end(s)
            return Found(cue=cue_span, cue_type=CueType.verb, source=src, content=(s.start, e), direction="around", lemma=cue.lemma, cls=cue.cls, relays=relays, name=name_span)
        set_off = before == "," or is_close_quote(before)
        fwd_quoted = fwd is not None and (is_open_quote(s.text[fwd[0]]) or s.text.startswith("''", fwd[0]))
        interrupted = set_off and (is_close_quote(before) or p < n and t.words[p] == "," and not fwd_quoted)
        back = _content_backward(s, t, subj[0]) if set_off else None
        if fwd is not None and back is not None and interrupted:
            content, direction = (back[0], fwd[1]), "around"  # "“A,” X said, “B.”"
        elif fwd is not None:
            content, direction = fwd, "forward"
        elif back is not None and (p >= n or t.words[p] in (".", "!", "?", ",") or t.lower[p] in ("adding", "noting", "explaining", "according", "after", "before", "in", "at", "during", "when", "while", "as")):
            content, direction = back, "backward"  # "..., X said." / "“...,” X said."
            if not any(is_open_quote(w) for w in t.words[p:]):
                q = _next_quote(s)
                if q:
                    content, direction = (content[0], q[1]), "around"  # "“A,” X said. “B.”"
        else:
            return None
        return Found(cue=cue_span, cue_type=CueType.verb, source=src, content=content, direction=direction, lemma=cue.lemma, cls=cue.cls, relays=relays, name=name_span)
    # inverted: "“...,” said X." / "..., said the official."
    if a > 0 and (t.words[a - 1] == "," or is_close_quote(t.words[a - 1])) or a == 0:
        e = _np_forward(t, p, n)
        if e > p:
            src = (t.starts[p], t.ends[e - 1])
            name_src = src
            if e + 1 < n and t.words[e] == "," and (t.lower[e + 1] in ("a", "an", "the", "who", "whose") or t.lower[e + 1].isdigit() or t.lower[e + 1] in g.ADVERBS):
                # "said Simon Rosenberg, president of NDN, a policy group.": the appositive too
                k = e + 1
                while k < n and not is_open_quote(t.words[k]) and t.words[k] not in (".", "!", "?", ";") and not (t.words[k] == "," and k + 1 < n and t.lower[k + 1] in ("adding", "saying", "noting", "explaining", "according")):
                    k += 1
                src = (t.starts[p], t.ends[k - 1])
                e_app = k
            else:
                e_app = e
            content = _content_backward(s, t, a) if a > 0 else None
            direction = "backward"
            if content is None and a == 0 and e_app < n and t.words[e_app] in (",", ":"):
                content, direction = _content_forward(s, t, e_app + 1, "speech"), "forward"
            if content is None:
                return None
            if e_app < n and t.words[e_app] == ",":
                c2 = _content_forward(s, t, e_app + 1, "speech")
                if c2 is not None and (is_open_quote(s.text[c2[0]]) or s.text.startswith("''", c2[0])):
                    content, direction = (content[0], c2[1]), "around"
            elif e_app >= n or t.words[e_app] in (".", "!", "?"):
                q = _next_quote(s)
                if q:
                    content, direction = (content[0], q[1]), "around"
            return Found(cue=cue_span, cue_type=CueType.verb, source=src, content=content, direction=direction, lemma=cue.lemma, cls=cue.cls, relays=relays, name=name_src)
    return None


def _participle_attribution(s: Sentence, t: Tokens, v: int, after: int, cue: Cue, earlier: list[Found]) -> Found | None:
    """", saying X": a separate attribution whose source is the main clause's subject."""
    content = _content_forward(s, t, _skip_adjuncts(t, after, len(t)), cue.cls)
    if content is None:
        return None
    cue_span = (t.starts[v], t.ends[after - 1])
    for f in reversed(earlier):
        if f.source is not None and f.cue is not None and f.cue[0] < cue_span[0]:
            return Found(cue=cue_span, cue_type=CueType.verb, source=f.source, content=content, direction="forward", lemma=cue.lemma, cls=cue.cls, name=f.name)
    np = _tight_np(t, _strip_adjunct(t, 0, v - 1), v)
    if np is None:
        return None
    s0, e = np[0], np[1] + 1
    src = (t.starts[s0], t.ends[e - 1])
    return Found(cue=cue_span, cue_type=CueType.verb, source=src, content=content, direction="forward", lemma=cue.lemma, cls=cue.cls, name=src)


def hedge_attributions(s: Sentence, lex: Lexicon) -> list[Found]:
    """Hedges as attributions with no source; the content is the clause they hedge
    ("[Libya] is believed to [be home to ...]": the covering span of both sides)."""
    out = []
    t = s.toks
    for h in find_hedges(s, lex):
        k = 0
        while k < len(t) and t.starts[k] < h[1]:
            k += 1
        start = s.start
        # the clause the hedge sits in starts after the last boundary before it
        j = 0
        while j < len(t) and t.starts[j] < h[0]:
            if t.words[j] in (";", ":") or t.words[j] == "," and j + 1 < len(t) and t.lower[j + 1] in ("and", "but", "while", "which", "who"):
                start = t.starts[j + 1] if j + 1 < len(t) else start
            j += 1
        end = _stop_in_clause(s, t, k, _content_end(s))
        while end > start and s.text[end - 1] in " ,":
            end -= 1
        if end - start > 3 and not any(o.content == (start, end) for o in out):
            out.append(Found(cue=h, cue_type=CueType.hedge, source=None, content=(start, end), direction="around", lemma=None, cls="hedge"))
    return out


def find_hedges(s: Sentence, lex: Lexicon) -> list[Pair]:
    """Hedges with no source: listed ones ("reportedly", "it is understood") and passive
    cue verbs followed by an infinitive or a that-clause ("is believed to", "was said that").
    """
    t = s.toks
    n = len(t)
    out: list[Pair] = []
    if lex.hedges_by_first.keys().isdisjoint(t.lower) and g.BE_FORMS.isdisjoint(t.lower):
        return out
    i = 0
    while i < n:
        low = t.lower[i]
        hit = None
        for h in lex.hedges_by_first.get(low, ()):
            k = len(h)
            if tuple(t.lower[i : i + k]) == h:
                hit = (i, i + k - 1)
                break
        if hit is None and low in g.BE_FORMS and i + 2 < n:
            k = i + 1
            while k < n and (t.lower[k] in g.ADVERBS or t.lower[k] in ("widely", "generally", "commonly")):
                k += 1
            cue = lex.verbs.get(t.lower[k]) if k + 1 < n else None
            if cue and cue.cls in ("speech", "belief", "finding") and t.lower[k].endswith(("ed", "id", "ght", "wn", "ld")) and t.lower[k + 1] in ("to", "that"):
                hit = (i, k + (1 if t.lower[k + 1] == "to" else 0))
        if hit:
            out.append((t.starts[hit[0]], t.ends[hit[1]]))
            i = hit[1] + 1
        else:
            i += 1
    return out
