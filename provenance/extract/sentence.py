"""The values every attribution rule works on: a tokenized sentence and a found attribution."""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from provenance.extract.text import Tokens, tokenize
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
    name: Pair | None = (
        None  # the naming part of the source: "Thomas Joscelyn" of "Thomas Joscelyn, a fellow at FDD,"
    )
    in_quote: bool = False  # someone telling the speaker inside the speaker's quotation ("Our members tell us")


@dataclass(slots=True)
class Sentence:
    """One sentence with its tokens and the quotations of its paragraph."""

    text: str
    start: int
    end: int
    toks: Tokens
    quotes: list[Pair]  # quote regions of the whole paragraph
    next_paragraph: Pair | None = None  # for a paragraph's last sentence ending in a colon
    _title_case: bool | None = None  # computed on first use: few sentences ever ask

    @classmethod
    def of(
        cls, text: str, start: int, end: int, quotes: list[Pair], next_paragraph: Pair | None = None
    ) -> "Sentence":
        return cls(text, start, end, tokenize(text, start, end), quotes, next_paragraph)

    @property
    def title_case(self) -> bool:
        """A headline: "Clinton Says Russians Hacked DNC" (four in five long words capitalized)."""
        if self._title_case is None:
            words = [w for w in self.toks.words if w[:1].isalpha() and len(w) > 3]
            self._title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
        return self._title_case


def cap(w: str) -> bool:
    return w[:1].isupper()


def content_end(s: Sentence) -> int:
    """End of a sentence's content: before its closing punctuation."""
    e = s.end
    while e > s.start and s.text[e - 1] in " .!?;:":
        e -= 1
    return e


def quote_at(s: Sentence, pos: int) -> Pair | None:
    """The quotation of the paragraph that opens at ``pos``.

    A paragraph's quotations are in text order and do not overlap (``quote_regions``), so
    their starts and their ends both ascend: bisection finds one in a paragraph of
    thousands (a page scraped onto one line) without reading them all.
    """
    k = bisect_left(s.quotes, (pos,))
    return s.quotes[k] if k < len(s.quotes) and s.quotes[k][0] == pos else None


def quote_ending(s: Sentence, pos: int) -> Pair | None:
    """The quotation of the paragraph that closes at ``pos`` (by bisection, as ``quote_at``)."""
    k = bisect_left(s.quotes, pos, key=_end)
    return s.quotes[k] if k < len(s.quotes) and s.quotes[k][1] == pos else None


def quotes_within(s: Sentence) -> list[Pair]:
    """The paragraph's quotations that reach into the sentence (by bisection)."""
    k = bisect_right(s.quotes, s.start, key=_end)
    out = []
    while k < len(s.quotes) and s.quotes[k][0] < s.end:
        out.append(s.quotes[k])
        k += 1
    return out


def _end(q: Pair) -> int:
    return q[1]
