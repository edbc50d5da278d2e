"""Mine, from annotated gold, whether a cue keeps the preposition that follows it.

PolNeAR-style annotation puts some particles in the cue ("called for", "focused on",
"apologized for") and leaves others to the content ("said of", "is expected to",
"plan to"). For every top-level gold cue whose head word is followed by a particle this
counts, per cue lemma and particle, how often the particle is inside the cue
("include") and how often it comes right after it ("exclude"). Pairs seen at least
``--min`` times with a clear majority (``--margin``) are written as

    lemma <TAB> particle <TAB> keep|drop <TAB> include <TAB> exclude

to ``provenance/data/cue_particles.tsv``, which the extractor reads; pairs not in the file
keep the extractor's built-in default. Lemmas come from the cue lexicon (verb forms and
noun cues), so "says of" and "said of" count together.

    python scripts/mine_particles.py GOLD.jsonl [--out provenance/data/cue_particles.tsv]

To prove that the table generalizes, mine it from part of a corpus and score on the rest
(docs/eval.md, "Held out").
"""

import argparse
import collections
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from provenance.extract.lexicon import fold, lexicon  # noqa: E402

PARTICLES = ("of", "about", "to", "for", "on", "at", "with", "from", "against", "over", "into")
WORD = re.compile(r"[\w’'-]+|[^\w\s]")


def lemma_of(word: str) -> str:
    lex = lexicon()
    w = fold(word)
    cue = lex.verbs.get(w)
    if cue is not None:
        return cue.lemma.split()[0]
    return lex.nouns.get(w, w)


def mine(paths: list[str]) -> tuple[collections.Counter, collections.Counter]:
    include: collections.Counter = collections.Counter()
    exclude: collections.Counter = collections.Counter()
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            for att in doc["attributions"]:
                cue = att.get("cue")
                if not cue or att.get("parent") is not None:
                    continue
                words = [m.group() for m in WORD.finditer(text, cue["start"], cue["end"])]
                words = [w for w in words if w[:1].isalnum()]
                if not words:
                    continue
                last = words[-1].lower()
                if last in PARTICLES and len(words) >= 2 and words[-2].lower() not in PARTICLES:
                    include[(lemma_of(words[-2]), last)] += 1
                    continue
                m = WORD.search(text, cue["end"])
                if m and m.start() - cue["end"] <= 1 and m.group().lower() in PARTICLES:
                    exclude[(lemma_of(last), m.group().lower())] += 1
    return include, exclude


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "provenance/data/cue_particles.tsv"))
    ap.add_argument("--min", type=int, default=4, help="occurrences a pair needs")
    ap.add_argument("--margin", type=float, default=0.7, help="share the majority needs")
    args = ap.parse_args()
    include, exclude = mine(args.gold)
    rows = []
    for key in sorted(set(include) | set(exclude)):
        i, e = include[key], exclude[key]
        if i + e < args.min:
            continue
        if i >= args.margin * (i + e):
            rows.append((*key, "keep", i, e))
        elif e >= args.margin * (i + e):
            rows.append((*key, "drop", i, e))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Made by scripts/mine_particles.py: does a cue keep the particle after it?\n")
        f.write("# lemma\tparticle\tkeep|drop\tincluded in gold cue\tright after gold cue\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    print(f"{len(rows)} pairs -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
