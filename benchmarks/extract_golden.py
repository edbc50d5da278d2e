"""Reference outputs and speed of the rules extractor, to keep optimisations honest.

    python benchmarks/extract_golden.py write  --out /tmp/golden     # record the reference
    python benchmarks/extract_golden.py check  --out /tmp/golden     # compare, and time
    python benchmarks/extract_golden.py time   --repeat 3            # only time
    python benchmarks/extract_golden.py profile --limit 300          # cProfile, by tottime
    python benchmarks/extract_golden.py write --tagger --out /tmp/golden-tagger  # with the CRF tagger

Corpora: the PolNeAR train file (/work/shared/eval/polnear-train.jsonl, or --polnear)
and a synthetic one made by ``benchmarks/generate.py -n 2000 --seed 1`` (cached in /tmp).
Documents are built as ingest builds them from JSONL (``readers.parse_record``). For each
document the ``model_dump_json()`` of its Reading is written, one line each, to
``OUT/<corpus>.jsonl``; ``check`` reports the first articles whose output differs.
Speed is words (``len(text.split())``) per CPU-second of ``extract()`` alone, best of
``--repeat`` runs, with the machine's load average for context.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)

from provenance.extract import ExtractOptions, extract  # noqa: E402
from provenance.extract.options import DEFAULT_OPTIONS  # noqa: E402
from provenance.models import Document  # noqa: E402
from provenance.readers import parse_record  # noqa: E402

POLNEAR = Path("/work/shared/eval/polnear-train.jsonl")
SYNTH = Path("/tmp/provenance-synth-s1-2000.jsonl")


def load(path: Path, label: str) -> list[Document]:
    """The documents of a JSONL file, built as ingest builds them."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, start=1):
            if line.strip():
                doc = parse_record(json.loads(line), label, i)
                assert isinstance(doc, Document), doc
                docs.append(doc)
    return docs


def corpora(polnear: Path) -> dict[str, list[Document]]:
    """Both corpora by name; the synthetic one is generated once and cached in /tmp."""
    if not SYNTH.exists():
        generate.write_jsonl(SYNTH, 2000, 1)
    return {"polnear": load(polnear, str(polnear)), "synthetic": load(SYNTH, str(SYNTH))}


def timed(
    docs: list[Document], repeat: int, options: ExtractOptions = DEFAULT_OPTIONS
) -> tuple[float, list[str]]:
    """Best CPU seconds of ``extract()`` alone in ``repeat`` passes over ``docs`` (the
    JSON of each Reading is made outside the clock), and the outputs of the last pass."""
    extract(docs[0], options)  # warm-up: lexicons, regex compilation, the tagger's model
    clock = time.process_time
    best = float("inf")
    outs: list[str] = []
    for _ in range(repeat):
        outs = []
        cpu = 0.0
        for d in docs:
            t0 = clock()
            reading = extract(d, options)
            cpu += clock() - t0
            outs.append(reading.model_dump_json())
        best = min(best, cpu)
    return best, outs


def report(name: str, docs: list[Document], cpu: float) -> None:
    words = sum(len(d.text.split()) for d in docs)
    print(f"{name:10s} {len(docs):5d} articles {words:9,d} words  {cpu:6.2f} CPU s  "
          f"{words / cpu / 1000:6.1f}k words/CPU-s  {cpu / len(docs) * 1000:5.2f} ms/article  "
          f"load {os.getloadavg()[0]:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["write", "check", "time", "profile"])
    ap.add_argument("--out", type=Path, default=Path("/tmp/provenance-golden"))
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--limit", type=int, default=300, help="articles of each corpus to profile")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--corpus", choices=["polnear", "synthetic"], help="only this corpus")
    ap.add_argument("--tagger", action="store_true", help="extract with ExtractOptions(tagger=True)")
    args = ap.parse_args()
    cs = corpora(args.polnear)
    if args.corpus:
        cs = {args.corpus: cs[args.corpus]}

    if args.mode == "profile":
        docs = [d for c in cs.values() for d in c[: args.limit]]
        extract(docs[0])
        prof = cProfile.Profile()
        prof.enable()
        for d in docs:
            extract(d)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.top)
        return

    failed = False
    for name, docs in cs.items():
        cpu, outs = timed(docs, args.repeat, ExtractOptions(tagger=args.tagger))
        report(name, docs, cpu)
        path = args.out / f"{name}.jsonl"
        digest = hashlib.sha256("\n".join(outs).encode()).hexdigest()[:16]
        if args.mode == "write":
            args.out.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(outs) + "\n", encoding="utf-8")
            print(f"           wrote {path} (sha256 {digest})")
        elif args.mode == "check":
            ref = path.read_text(encoding="utf-8").split("\n")[:-1]
            bad = [i for i, (a, b) in enumerate(zip(ref, outs, strict=False)) if a != b]
            if len(ref) != len(outs):
                bad.append(min(len(ref), len(outs)))
            if bad:
                failed = True
                print(f"           DIFFERS in {len(bad)} article(s), first: {bad[:10]}")
            else:
                print(f"           identical (sha256 {digest})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
