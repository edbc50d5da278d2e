"""Is a position inside any of many spans? Answered by bisection over their union.

Checking every position against every span is quadratic in a long document (issue 11,
case 2: "pipeline.py checking every hedge against every spoken span"); merging the
half-open spans once and bisecting makes each question logarithmic.
"""

from bisect import bisect_right
from collections.abc import Iterable


class Cover:
    """The union of half-open spans ``[a, b)``; ``x in cover`` is True when some span holds
    ``x``. Empty and inverted spans hold nothing."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(p for p in spans if p[0] < p[1]):
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)  # overlapping or touching: one stretch
            else:
                starts.append(a)
                ends.append(b)
        self._starts, self._ends = starts, ends

    def __contains__(self, x: int) -> bool:
        k = bisect_right(self._starts, x) - 1
        return k >= 0 and x < self._ends[k]
