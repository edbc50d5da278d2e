"""Is ``extract()`` linear in the length of its text? (issue 11, case 2)

    python benchmarks/linearity.py                    # every shape at 1x/2x/4x/8x
    python benchmarks/linearity.py --shape chain --unit 4000 --repeat 3

For each shape of hostile or merely large input, a text of ``unit`` words (1x) and its 2x,
4x and 8x versions are generated (no shared data: the text is made here, the ordinary
news from ``benchmarks/generate.py``), ``extract()`` is timed on each (CPU seconds, best
of ``--repeat``), and the ratio of each size's time to the previous one is printed. A
linear extractor doubles its time per doubling of the text (ratio 2.0); the target is
<= 2.3. Shapes:

- ``chain``: "Smith said Jones said Brown said ..." with no punctuation at all;
- ``line``: one long line of ordinary words with no punctuation;
- ``according``: "according to the report " repeated;
- ``news``: ordinary generated news articles glued into one document (paragraphs kept);
- ``oneline``: the same news on a single line (a page scraped without line breaks: one
  paragraph holding every quotation);
- ``pronoun``: "Tom Vale met the board. She said the pier held." repeated: a pronoun no
  name in the text fits (found with a profiler, not in the issue).

``--unit`` defaults to 4,000 words (``oneline`` twice that); ``news`` has 130,000 words
(about 0.8 MB, so 8x is about 6 MB) at 1x, set by ``--news-unit``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)

from provenance.extract import extract  # noqa: E402
from provenance.models import Document  # noqa: E402

SURNAMES = "Smith Jones Brown Garcia Okafor Lindqvist Tanaka Moreau Novak Reyes Park Vale".split()
# Ordinary news words, lowercase and capitalized, with reporting verbs among them.
LINE_WORDS = (
    "the minister told reporters on monday that the plan would cut costs for families "
    "according to officials who said the union and the city council had agreed to "
    "review the budget while critics warned it could fail Ana Ruiz said the report "
    "found prices rose in March as the bank expects growth to slow next year"
).split()


def chain_text(words: int) -> str:
    """ "Smith said Jones said ..." with no punctuation: every name a subject and an object."""
    return " ".join(islice(cycle(f"{s} said" for s in SURNAMES), words // 2))


def line_text(words: int) -> str:
    """One line of ordinary words, no punctuation, no sentence end."""
    return " ".join(islice(cycle(LINE_WORDS), words))


def according_text(words: int) -> str:
    """ "according to the report " repeated."""
    return "according to the report " * (words // 4)


def oneline_text(words: int) -> str:
    """The news of ``news_text`` with every line break made a space."""
    return " ".join(news_text(words).split("\n"))


def pronoun_text(words: int) -> str:
    """A paragraph per pair of sentences whose "she" agrees with no name before it."""
    return "\n".join(islice(cycle(["Tom Vale met the board. She said the pier held."]), words // 10))


def news_text(words: int) -> str:
    """Generated news articles, each a paragraph block, glued into one document."""
    out: list[str] = []
    count = 0
    for art in generate.generate(10**7, seed=1):
        body = art["text"]
        out.append(body)
        count += len(body.split())
        if count >= words:
            break
    return "\n\n".join(out)


SHAPES: dict[str, Callable[[int], str]] = {
    "chain": chain_text,
    "line": line_text,
    "according": according_text,
    "news": news_text,
    "oneline": oneline_text,
    "pronoun": pronoun_text,
}


def cpu_time(text: str, repeat: int) -> float:
    """Best CPU seconds of ``extract()`` on ``text`` over ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        extract(Document(text=text))
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shape", choices=sorted(SHAPES), action="append", help="only these shapes")
    ap.add_argument("--unit", type=int, default=4000, help="words at 1x (all shapes but news)")
    ap.add_argument("--news-unit", type=int, default=130_000, help="words at 1x for news")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--factors", default="1,2,4,8")
    args = ap.parse_args()
    factors = [int(x) for x in args.factors.split(",")]
    extract(Document(text="The report said the economy grew."))  # warm-up: lexicons
    worst = 0.0
    for name in args.shape or list(SHAPES):
        unit = args.news_unit if name == "news" else args.unit * 2 if name == "oneline" else args.unit
        full = SHAPES[name](unit * factors[-1])
        prev = None
        for f in factors:
            # every size is a prefix of the largest text, cut at a word boundary
            text = full if f == factors[-1] else full[: full.rfind(" ", 0, len(full) * f // factors[-1])]
            secs = cpu_time(text, args.repeat)
            words = len(text.split())
            ratio = f"{secs / prev:5.2f}" if prev else "    -"
            if prev:
                worst = max(worst, secs / prev)
            print(
                f"{name:10s} {f:2d}x {words:9,d} words {len(text) / 1e6:6.2f} MB {secs:8.3f} CPU s "
                f"{words / secs / 1000:7.1f}k words/s  ratio {ratio}  load {os.getloadavg()[0]:.2f}",
                flush=True,
            )
            prev = secs
    print(f"worst ratio per doubling: {worst:.2f} (target <= 2.3)")


if __name__ == "__main__":
    main()
