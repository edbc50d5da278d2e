"""Mine, from annotated gold, the common nouns that head sources ("officials", "the
spokeswoman", "residents"), so that a phrase headed by another common noun ("the rising
line", "the image", "the month") is not taken for a source.

For every gold source span this takes its head: the last lower-case word before a comma,
a preposition or a relative pronoun ("a spokesman for the union" -> "spokesman"). Heads
seen at least ``--min`` times are written, with their count, to
``provenance/data/source_nouns.tsv``, which the extractor reads beside its lexicons of
vague sources and roles. By default the articles held out for evaluation
(``sha1(id) % 5 == 0``, docs/eval.md) are left out; ``--all`` mines every article.

    python scripts/mine_source_nouns.py GOLD.jsonl [--min 2] [--all]
"""

import argparse
import collections
import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from provenance.extract.lexicon import lexicon  # noqa: E402
from provenance.extract.speakers import FUNCTION_WORDS  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "provenance" / "data" / "source_nouns.tsv"
STOP = frozenset(", ; : ( of for at with from in who which that whose on to by".split())
TIME_NOUNS = frozenset("day days week weeks month months year years time times decade".split())
WORD = re.compile(r"[\w’'-]+|[^\w\s]")


def head_of(span: str) -> str | None:
    """The head noun of a source span: its last lower-case word before the first stop (a
    comma, preposition, relative pronoun or participle after the head)."""
    head = None
    for w in WORD.findall(span):
        if w.lower() in STOP or head is not None and w.endswith(("ed", "ing")) and w.islower():
            break  # "a poll released this month": the participle ends the head's phrase
        if w.isalpha() and w.islower() and w not in FUNCTION_WORDS:
            head = w
        elif w[:1].isupper():
            head = None  # "the Senate", "Mr. Jones": a name ends the phrase's common noun
    return head


def verb_form_only(word: str) -> bool:
    """Is ``word`` a past, participle or -ing form of a cue verb ("said", "asked", "briefed",
    "reporting"), which a span's head can only be when the span was cut at its verb? Base
    and -s forms ("report", "reports") are nouns too and stay."""
    cue = lexicon().verbs.get(word)
    return cue is not None and word != cue.lemma and not word.endswith("s")


def held_out(article_id: str) -> bool:
    """The evaluation part of the corpus: sha1(id) % 5 == 0."""
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 5 == 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--min", type=int, default=2)
    ap.add_argument("--all", action="store_true", help="also mine the held-out articles")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    counts: collections.Counter[str] = collections.Counter()
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if not args.all and held_out(str(art["id"])):
                continue
            for att in art.get("attributions", []):
                src = att.get("source")
                head = head_of(src["text"]) if src else None
                if head and head not in TIME_NOUNS and not verb_form_only(head):
                    counts[head] += 1
    rows = [f"{w}\t{n}" for w, n in sorted(counts.items()) if n >= args.min]
    Path(args.out).write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} source nouns -> {args.out}")


if __name__ == "__main__":
    main()
