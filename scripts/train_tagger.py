"""Train the attribution tagger: a CRF over BIO tags (Lafferty et al. 2001; Newell et al. 2018).

    /work/venv/bin/python scripts/train_tagger.py                # all 840 articles -> provenance/data/tagger.crfsuite
    /work/venv/bin/python scripts/train_tagger.py --heldout      # 80/20 split by article id, prints the held-out table
    /work/venv/bin/python scripts/train_tagger.py --speed 3      # CPU time of extract() with and without the tagger

Training is deterministic (L-BFGS, fixed feature order); the split is a SHA-1 hash of the
article id, so the held-out fifth is the same on every machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pycrfsuite

from provenance.extract.features import FeatureCache, sentence_flags, sequence_features
from provenance.extract.tagger import sentence_starts
from provenance.extract.text import paragraphs, quote_regions, sentences, tokenize

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"
MODEL = ROOT / "provenance" / "data" / "tagger.crfsuite"
PRIORITY = {"CUE": 3, "SOURCE": 2, "CONTENT": 1}


def held_out(article_id: str) -> bool:
    """The stable 20% test fifth: SHA-1 of the id, modulo 5, equals 0."""
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 5 == 0


def load(path: Path) -> list[dict]:
    """The gold articles, one dict each."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def char_labels(article: dict) -> tuple[list[int], list[int]]:
    """Per character: the role (0 none, 1 content, 2 source, 3 cue) and a span id for B/I."""
    n = len(article["text"])
    role = [0] * n
    span_id = [-1] * n
    sid = 0
    for att in article["attributions"]:
        for name, key in (("CONTENT", "content"), ("SOURCE", "source"), ("CUE", "cue")):
            sp = att.get(key)
            if not sp:
                continue
            pieces = sp.get("pieces") or [[sp["start"], sp["end"]]]
            for s, e in pieces:
                sid += 1
                pr = PRIORITY[name]
                for c in range(s, min(e, n)):
                    if pr >= role[c]:
                        role[c] = pr
                        span_id[c] = sid
    return role, span_id


_NAMES = {1: "CONTENT", 2: "SOURCE", 3: "CUE"}


def token_labels(starts: list[int], ends: list[int], role: list[int], span_id: list[int]) -> list[str]:
    """BIO labels of tokens: the strongest role any character of the token carries."""
    out: list[str] = []
    prev = None
    for s, e in zip(starts, ends, strict=True):
        best, sid = 0, -1
        for c in range(s, e):
            if role[c] > best:
                best, sid = role[c], span_id[c]
        if best == 0:
            out.append("O")
            prev = None
            continue
        out.append(("I-" if prev == (best, sid) else "B-") + _NAMES[best])
        prev = (best, sid)
    return out


def sequences(article: dict, unit: str, cache: FeatureCache) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, labels) of every sentence or paragraph of an article."""
    text = article["text"]
    role, span_id = char_labels(article)
    for ps, pe in paragraphs(text):
        quotes = quote_regions(text, ps, pe)
        if unit == "paragraph":
            toks = tokenize(text, ps, pe)
            feats = sequence_features(toks, cache, False, sentence_flags(toks.lower), sentence_starts(toks, text, ps, pe))
            yield feats, token_labels(toks.starts, toks.ends, role, span_id)
            continue
        for ss, se in sentences(text, ps, pe):
            toks = tokenize(text, ss, se)
            in_q = any(q0 < ss < q1 for q0, q1 in quotes)
            feats = sequence_features(toks, cache, in_q, sentence_flags(toks.lower))
            yield feats, token_labels(toks.starts, toks.ends, role, span_id)


def train(articles: list[dict], out: Path, unit: str, c1: float, c2: float, iterations: int, min_freq: int) -> float:
    """Train on ``articles`` and write the model to ``out``; returns seconds taken."""
    t0 = time.process_time()
    cache = FeatureCache()
    trainer = pycrfsuite.Trainer(verbose=False)
    for art in articles:
        for feats, labels in sequences(art, unit, cache):
            if feats:
                trainer.append(feats, labels)
    trainer.select("lbfgs")
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return time.process_time() - t0


def report(test: list[dict], model: Path, unit: str) -> None:
    """Score rules, tagger and hybrid on the held-out articles with the project's scorer."""
    import tempfile

    from provenance.evaluate import evaluate
    from provenance.extract import ExtractOptions, extract
    from provenance.extract.tagger import Tagger, extract_hybrid, extract_tagged

    tagger = Tagger(model)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for art in test:
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    variants = {
        "rules": lambda d: extract(d),
        f"crf only ({unit}s)": lambda d: extract_tagged(d, unit, tagger),
        f"hybrid, as shipped in extract() ({unit}s)": lambda d: extract(d, ExtractOptions(tagger=True), model=tagger),
        f"hybrid, added after the rules ({unit}s)": lambda d: extract_hybrid(d, unit, tagger),
    }
    print(f"held-out: {len(test)} articles\n")
    print("| variant | exact S / C / Ct | overlap S / C / Ct | attribution P / R / F1 |")
    print("|---|---|---|---|")
    for name, fn in variants.items():
        r = evaluate(f.name, extractor=fn)
        ex = " / ".join(f"{r.exact[k].f1:.3f}" for k in ("source", "cue", "content"))
        ov = " / ".join(f"{r.overlap[k].f1:.3f}" for k in ("source", "cue", "content"))
        a = r.attribution
        print(f"| {name} | {ex} | {ov} | {a.precision:.3f} / {a.recall:.3f} / {a.f1:.3f} |", flush=True)
    Path(f.name).unlink()



def speed(articles: list[dict], reps: int) -> None:
    """CPU time (``time.process_time``) of ``extract`` over the articles, rules alone and
    with the tagger, and the tagger's own share (``pipeline._tagged``, timed around each
    call), for ``reps`` alternating rounds."""
    import os

    from provenance.extract import ExtractOptions, pipeline
    from provenance.extract.tagger import default_tagger
    from provenance.models import Document

    docs = [Document(text=a["text"], title=a.get("title"), outlet=a.get("outlet"), external_id=a["id"]) for a in articles]
    words = sum(len(a["text"].split()) for a in articles)
    default_tagger()  # the model loads once per process: not part of the per-article cost
    inner = pipeline._tagged
    spent = [0.0]

    def timed(*args, **kwargs):
        t = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - t

    print(f"{len(docs)} articles, {words} whitespace words")
    for r in range(reps):
        t = time.process_time()
        for d in docs:
            pipeline.extract(d)
        rules = time.process_time() - t
        spent[0] = 0.0
        pipeline._tagged = timed
        try:
            t = time.process_time()
            for d in docs:
                pipeline.extract(d, ExtractOptions(tagger=True))
            both = time.process_time() - t
        finally:
            pipeline._tagged = inner
        print(
            f"round {r + 1}: rules {rules:.2f} s ({words / rules / 1e3:.1f}k words/s), "
            f"rules + tagger {both:.2f} s ({words / both / 1e3:.1f}k words/s), difference {both - rules:.2f} s, "
            f"tagger inside {spent[0]:.3f} s ({spent[0] / words * 1e6:.2f} µs/word); load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--out", type=Path, default=None, help="model path (default: the package's, or /tmp for --heldout)")
    ap.add_argument("--unit", choices=("sentence", "paragraph"), default="sentence")
    ap.add_argument("--c1", type=float, default=2.0)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--min-freq", type=int, default=2)
    ap.add_argument("--heldout", action="store_true", help="train on 80%%, score the other 20%%")
    ap.add_argument("--speed", type=int, metavar="ROUNDS", help="no training: time extract() with the shipped model")
    args = ap.parse_args(argv)

    articles = load(args.gold)
    if args.speed:
        speed(articles, args.speed)
        return 0
    if args.heldout:
        train_set = [a for a in articles if not held_out(a["id"])]
        out = args.out or Path("/tmp/tagger-heldout.crfsuite")
    else:
        train_set = articles
        out = args.out or MODEL
    secs = train(train_set, out, args.unit, args.c1, args.c2, args.iterations, args.min_freq)
    print(f"trained on {len(train_set)} articles ({args.unit}s) in {secs:.0f} s CPU; "
          f"{out} {out.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
    if args.heldout:
        report([a for a in articles if held_out(a["id"])], out, args.unit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
