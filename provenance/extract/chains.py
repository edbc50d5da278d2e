"""Nest attributions, then turn the innermost ones into claims with chains, origin first.

"According to the AP, the report reveals that X": the report's attribution sits inside the
AP's content, so X rests on the report, relayed by the AP: chain [report, AP]. A
comma-set-off "according to" at the end of a sentence scopes over the whole sentence;
one with no comma modifies the clause it ends (so it is the deeper source).
"""

from bisect import bisect_right

from provenance.extract.sentence import Found
from provenance.models import ClaimKind, CueType, SourceType


def _inside(pos: int, span: tuple[int, int]) -> bool:
    return span[0] <= pos < span[1]


def _anchor(f: Found) -> int:
    """The position that places an attribution inside another's content."""
    if f.cue is not None:
        return f.cue[0]
    return f.content[0]


def settle_sentence(found: list[Found], text: str) -> None:
    """Fix content edges between attributions of one sentence before nesting.

    A forward content stops before a clause-final attribution that follows it
    ("the report found X, the official said"); an unpunctuated trailing "according to"
    takes its content from the clause it ends.
    """
    _drop_clause_swallowers(found, text)
    _clip_nested_sources(found)
    for a in found:
        if a.direction != "forward":
            continue
        for b in found:
            if b is a or b.direction not in ("backward",) or b.cue is None:
                continue
            left = min(b.cue[0], b.source[0] if b.source else b.cue[0])
            if a.content[0] < left < a.content[1] and b.content[0] <= a.cue[0] if a.cue else False:
                a.content = (a.content[0], _trim_end(left, a))
    for a in found:
        for b in found:
            # "X said, “...,” when asked whether ...": the same speaker's next attribution
            if b is a or b.cue is None or a.cue is None or b.source != a.source or b.cue[0] <= a.cue[0]:
                continue
            if a.content[0] < b.cue[0] < a.content[1]:
                a.content = (a.content[0], _before_clause(text, a.content[0], b.cue[0]))
    for b in found:
        if b.direction != "backward-local" or b.cue is None:
            continue
        for a in found:
            if (
                a is not b
                and a.direction == "forward"
                and a.cue
                and _inside(b.cue[0], a.content)
                and a.content[0] < b.content[1]
            ):
                b.content = (a.content[0], b.content[1])
                break


# Cue classes of acts and stances ("blocked", "filed", "booed") that do not report the
# clause of someone else's statement they seem to reach over.
_ACT_CLASSES = frozenset(["other", "stance", "intent"])


def _drop_clause_swallowers(found: list[Found], text: str) -> None:
    """Attributions whose spans reach across another one's subject and verb.

    A source that holds another cue ("61 percent said they ... compared") or a cue inside
    another source ("A court document filed Thursday says") is not one; an act or stance
    verb whose content runs over a later "X said ..." clause ("blocked the bill because
    they said ...") stops before that clause's subject, or goes when nothing is left.
    """
    if len(found) < 2:
        return
    drop = []
    for a in found:
        if a.cue is None or a.cue_type is CueType.hedge:
            continue
        for b in found:
            if b is a or b.cue is None or b.cue_type is CueType.hedge:
                continue
            if (
                a.cls in _ACT_CLASSES
                and b.cls in ("speech", "belief")
                and b.source is not None
                and b.cue_type is CueType.verb
                and a.cue[0] < b.source[0] < b.cue[0] < a.content[1]
                and a.content[0] <= b.source[0]
            ):
                if a.direction == "forward":
                    end = _before_clause(text, a.content[0], b.source[0])
                    if len(text[a.content[0] : end].split()) >= 2:
                        a.content = (a.content[0], end)
                    continue  # "denounced what he called ...": one clause
                drop.append(a)
                break
    if drop:
        found[:] = [f for f in found if not any(f is d for d in drop)]


_LEADS = ("when", "while", "after", "before", "if", "once", "and", "but", "yet", "as")


def _clip_nested_sources(found: list[Found]) -> None:
    """A report inside another's forward content has its subject inside that content too: "told a
    parliamentary committee the bank expected ...": the bank expected, not "a parliamentary committee
    the bank" (the hearer of the outer verb is no part of the inner subject)."""
    for a in found:
        if a.direction != "forward" or a.cue is None or a.cue[1] > a.content[0]:
            continue
        for b in found:
            if b is a or b.cue is None or b.source is None or not a.content[0] <= b.cue[0] < a.content[1]:
                continue
            if a.cue[1] <= b.source[0] < a.content[0] < b.source[1]:  # from the hearer into the content
                b.source = (a.content[0], b.source[1])
                if b.name is not None and b.name[0] < a.content[0]:
                    b.name = None if b.name[1] <= a.content[0] else (a.content[0], b.name[1])


def _before_clause(text: str, start: int, pos: int) -> int:
    """Where content should end before the clause that starts near ``pos``."""
    e = pos
    while e > start:
        head = text[start:e].rstrip(" ,")
        word = head.rsplit(None, 1)[-1].lower() if head.split() else ""
        if word in _LEADS:
            e = start + len(head) - len(word)
            continue
        return start + len(head)
    return pos


def _trim_end(left: int, a: Found) -> int:
    return max(a.content[0] + 1, left)


def assign_parents(found: list[Found]) -> None:
    """Give every attribution the smallest other attribution whose content holds it."""
    hosts = [(g.content[0], g.content[1], j) for j, g in enumerate(found) if g.cue_type is not CueType.hedge]
    hosts.sort()
    starts = [h[0] for h in hosts]
    for i, f in enumerate(found):
        anchor = _anchor(f)
        best = None
        best_len = 0
        top = bisect_right(starts, anchor) - 1
        for k in range(top, max(-1, top - 256), -1):  # contents near the anchor only
            s, e, j = hosts[k]
            if e <= anchor or j == i:
                continue
            g = found[j]
            if g.cue is None and f.cue_type is CueType.hedge:
                continue
            if g.cue is not None and f.content[0] <= g.cue[0] < f.content[1]:
                continue  # they hold each other: not nested
            if f.content == g.content:
                continue
            if best is None or e - s < best_len:
                best, best_len = j, e - s
        f.parent = best


def kind_of(types: list[SourceType], outlet_tail: bool) -> ClaimKind:
    """The kind of a claim from the types along its chain (DESIGN.md, "kind")."""
    if not types:
        return ClaimKind.unattributed
    if len(types) >= 2 or types[0] == SourceType.outlet or outlet_tail:
        return ClaimKind.secondhand
    if types[0] == SourceType.anonymous:
        return ClaimKind.vague
    return ClaimKind.direct
