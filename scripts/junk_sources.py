"""Count sourced claims whose chain names a pronoun, relative or other function word.

    python scripts/junk_sources.py GOLD.jsonl   # any JSONL with a "text" field a line

A chain link must be a real source (docs/vocabulary.md): never "he" left unresolved, "who", "It",
"of", "some some". The word list here is written apart from the extractor's own
(provenance/extract/speakers.py), so the count does not grade the rule by itself.
"""

import collections
import json
import re
import sys

from provenance.extract import extract
from provenance.models import Document

CLOSED = set(
    """i me my we us our you your he him his she her it its they them their who whom whose
    which that this these those what whoever somebody someone anybody anyone nobody everybody
    everyone no-one none one some any many few all both each either neither of in on at by for
    with from to into about as than and or but if so not very had have has having was were be
    been is are am do does did there here then now also just only even still yet somehow
    however meanwhile perhaps maybe indeed instead otherwise nothing something everything the
    a an""".split()
)


def is_junk(name: str) -> bool:
    """Is ``name`` made only of closed-class words (or of no word at all)?"""
    words = re.findall(r"[\w'’-]+", name)
    return not words or all(w.lower() in CLOSED for w in words)


def main(path: str) -> None:
    sourced = bad = 0
    offenders: collections.Counter[str] = collections.Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            reading = extract(Document(text=json.loads(line)["text"]))
            for claim in reading.claims:
                if not claim.chain:
                    continue
                sourced += 1
                junk = [link.name for link in claim.chain if is_junk(link.name)]
                if junk:
                    bad += 1
                    offenders.update(name.lower() for name in junk)
    share = 100 * bad / max(1, sourced)
    print(f"sourced claims naming a function word: {bad}/{sourced} = {share:.2f}%")
    print("most frequent:", ", ".join(f"{n!r} {k}" for n, k in offenders.most_common(15)) or "none")


if __name__ == "__main__":
    main(sys.argv[1])
