"""Ingest the 840 PolNeAR training articles and report wall time and words/s (issue 2).

    python benchmarks/ingest_polnear.py [--workers 2] [--file ../shared/eval/polnear-train.jsonl]

Runs the real CLI (``python -m cli --db DB ingest FILE --workers N``) in a
subprocess on a fresh database, as benchmarks/run.py does for synthetic corpora, and
prints articles, words, claims, wall time, words/s, CPU seconds, peak RSS and database
size. Exit status 1 if any article failed to ingest.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (benchmarks/run.py)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Ingest PolNeAR train and report wall time and words/s.")
    ap.add_argument("--file", default=str(run.POLNEAR), help="PolNeAR-format JSONL [../shared/eval/polnear-train.jsonl]")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="ingest --workers [CPUs]")
    ap.add_argument("--db", default=os.path.join(tempfile.gettempdir(), "provenance-bench", "polnear.db"),
                    help="database to (re)create [$TMPDIR/provenance-bench/polnear.db]")
    ap.add_argument("--timeout", type=float, default=1800)
    args = ap.parse_args(argv)

    path = Path(args.file)
    if not path.exists():
        print(f"no file at {path}", file=sys.stderr)
        return 2
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    r = run.measure_ingest(path, db, args.workers, args.timeout, label=path.name)
    rss = r["peak_rss_mb"]
    print(f"machine: {run.machine()['cpu']}, {os.cpu_count()} cores; --workers {args.workers}")
    print(f"{r['articles']:,} articles ({r['added']} added), {r['words']:,} words, {r['claims']:,} claims")
    print(f"wall {r['wall_s']:.1f} s, {r['words_per_s'] or 0:,.0f} words/s; CPU {r['cpu_s']:.1f} s "
          f"({r['words'] / r['cpu_s']:,.0f} words per CPU-second); other load {r['other_load']:.1f} cores")
    print(f"peak RSS: ingest process {rss['ingest_process']:.0f} MB, largest worker {rss['largest_worker']:.0f} MB; "
          f"database {r['db_mb']:.1f} MB")
    if r["exit"] != 0:
        print("ingest exit status", r["exit"], *r["stderr_tail"], sep="\n", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
