"""Hedges with no source ("is believed to", "reportedly"): claims that rest on nobody."""

from provenance.extract import grammar as g
from provenance.extract.content import content_end, stop_in_clause
from provenance.extract.lexicon import Lexicon
from provenance.extract.sentence import Found, Pair, Sentence
from provenance.models import CueType


def hedge_attributions(s: Sentence, lex: Lexicon) -> list[Found]:
    """Hedges as attributions with no source; the content is the clause they hedge
    ("[Libya] is believed to [be home to ...]": the covering span of both sides)."""
    out: list[Found] = []
    t = s.toks
    for h in find_hedges(s, lex):
        k = 0
        while k < len(t) and t.starts[k] < h[1]:
            k += 1
        start = s.start
        # the clause the hedge sits in starts after the last boundary before it
        j = 0
        while j < len(t) and t.starts[j] < h[0]:
            if (
                t.words[j] in (";", ":")
                or t.words[j] == ","
                and j + 1 < len(t)
                and t.lower[j + 1] in ("and", "but", "while", "which", "who")
            ):
                start = t.starts[j + 1] if j + 1 < len(t) else start
            j += 1
        end = stop_in_clause(s, t, k, content_end(s))
        while end > start and s.text[end - 1] in " ,":
            end -= 1
        if end - start > 3 and not any(o.content == (start, end) for o in out):
            out.append(
                Found(
                    cue=h,
                    cue_type=CueType.hedge,
                    source=None,
                    content=(start, end),
                    direction="around",
                    lemma=None,
                    cls="hedge",
                )
            )
    return out


def find_hedges(s: Sentence, lex: Lexicon) -> list[Pair]:
    """Hedges with no source: listed ones ("reportedly", "it is understood") and passive
    cue verbs followed by an infinitive or a that-clause ("is believed to", "was said that").
    """
    t = s.toks
    n = len(t)
    out: list[Pair] = []
    starts = lex.hedge_starts
    nxt = 0  # the first token not inside a hedge already found
    for i in [k for k, low in enumerate(t.lower) if low in starts]:
        if i < nxt:
            continue
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
            if (
                cue
                and cue.cls in ("speech", "belief", "finding")
                and t.lower[k].endswith(("ed", "id", "ght", "wn", "ld"))
                and t.lower[k + 1] in ("to", "that")
            ):
                hit = (i, k + (1 if t.lower[k + 1] == "to" else 0))
        if hit and t.lower[hit[1]] == "to" and lex.particles.get((t.lower[hit[1] - 1], "to")) is False:
            hit = (hit[0], hit[1] - 1)  # "is expected [to ...]": the infinitive is content
        if hit:
            out.append((t.starts[hit[0]], t.ends[hit[1]]))
            nxt = hit[1] + 1
    return out
