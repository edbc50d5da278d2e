"""Where does ingest time go? Phase timings (and optionally a cProfile) of one in-process ingest.

    python benchmarks/profile_ingest.py --articles 10000 --workers 1
    python benchmarks/profile_ingest.py --articles 10000 --workers 2 --cprofile 30

Runs ``provenance.ingest.ingest`` on a synthetic corpus (benchmarks/generate.py) into a
fresh database, with light timing wrappers around the phases, and prints the seconds
spent in each:

- ``extract`` and ``prepare`` (span checks, resolution plans, row tuples): in this process
  only with ``--workers 1``; with more workers the parent only waits for and unpickles
  the prepared rows;
- ``store_batch``: the whole write path, split into ``store_articles`` (look-ups, the
  batch's sources with ``resolve_plans``, related names, article inserts, the claim insert
  and the bulk inserts), ``catch_up_fts`` (the full-text index) and the rest
  (transaction, commit);
- ``_mark_stored``: the content-hash look-up that makes re-ingest skip extraction;
- everything else (reading and parsing JSONL, batching, process pool traffic).

With ``--workers 2`` the figures are the parent process's, which is the single writer:
if its busy time is close to the wall time, the writer is the bottleneck, not extraction.
``--cprofile N`` also prints the top N functions by internal time (cProfile slows
Python code about 2x, so use it for proportions, not for absolute figures).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from functools import wraps
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (benchmarks/run.py: corpus cache, db helpers)

TIMES: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
CPU: dict[str, float] = defaultdict(float)
SERIES: dict[str, list[float]] = defaultdict(list)  # CPU seconds of each call, in order


def timed(name: str, fn):
    @wraps(fn)
    def wrapper(*a, **kw):
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            return fn(*a, **kw)
        finally:
            TIMES[name] += time.perf_counter() - t0
            CPU[name] += time.thread_time() - c0
            CALLS[name] += 1
            SERIES[name].append(time.thread_time() - c0)
    return wrapper


def timed_gen(name: str, fn):
    """Time a generator function's own work (between yields), not its consumer's."""
    @wraps(fn)
    def wrapper(*a, **kw):
        it = fn(*a, **kw)
        while True:
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                item = next(it)
            except StopIteration:
                item = it
            TIMES[name] += time.perf_counter() - t0
            CPU[name] += time.thread_time() - c0
            if item is it:
                return
            yield item
    return wrapper


def instrument() -> None:
    import provenance.ingest as ing
    import provenance.readers as readers
    import provenance.resolve as resolve
    import provenance.store.writer as writer

    ing.extract = timed("extract", ing.extract)
    ing.prepare = timed("prepare (rows and resolution plans)", ing.prepare)
    ing.store_batch = timed("store_batch", ing.store_batch)
    ing.read_paths = timed_gen("read_paths (read + parse JSONL)", readers.read_paths)
    ing.stored_hashes = timed("_mark_stored (hash look-up)", ing.stored_hashes)
    writer.store_articles = timed("  store_articles", writer.store_articles)
    writer.catch_up_fts = timed("  catch_up_fts", writer.catch_up_fts)
    writer._insert_article = timed("    article inserts", writer._insert_article)
    writer._insert_with_ids = timed("    claim insert (_insert_with_ids)", writer._insert_with_ids)
    writer.bulk_insert = timed("    bulk inserts (mentions, citations, counts)", writer.bulk_insert)
    resolve.Resolver.resolve_plans = timed("    resolve_plans (sources of the batch)", resolve.Resolver.resolve_plans)
    resolve.Resolver.find = timed("    find (related names)", resolve.Resolver.find)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Phase timings of one in-process ingest.")
    ap.add_argument("--articles", "-n", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--input", help="ingest this file instead of a synthetic corpus")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "provenance-bench"))
    ap.add_argument("--cprofile", type=int, default=0, metavar="N", help="also print the top N functions")
    args = ap.parse_args(argv)

    from provenance.ingest import ingest
    from provenance.store import open_database

    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    path = Path(args.input) if args.input else run.corpus(workdir, args.articles, args.seed)
    db = workdir / f"profile-{path.stem}.db"
    run.remove_db(db)
    engine = open_database(str(db))
    instrument()
    prof = cProfile.Profile() if args.cprofile else None
    load0 = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    if prof:
        prof.enable()
    report = ingest([str(path)], engine, workers=args.workers)
    if prof:
        prof.disable()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    engine.dispose()

    print(f"{report.articles:,} articles, {report.words:,} words, {report.claims:,} claims; "
          f"--workers {args.workers}; load average before {load0:.1f}")
    print(f"wall {wall:.1f} s ({report.words / wall:,.0f} words/s); this process's CPU {cpu:.1f} s")
    print(f"{'phase':42} {'wall s':>8} {'% wall':>7} {'CPU s':>8} {'% CPU':>6} {'calls':>6} {'CPU ms/article':>15}")
    sb = TIMES.get("store_batch", 0.0)
    inner = sum(TIMES[k] for k in TIMES if k.startswith("  ") and not k.startswith("    "))
    rows = [(k, v, CPU[k]) for k, v in TIMES.items()]
    top = ("extract", "prepare (rows and resolution plans)", "store_batch", "_mark_stored (hash look-up)",
           "read_paths (read + parse JSONL)")
    sb_cpu = CPU.get("store_batch", 0.0)
    inner_cpu = sum(CPU[k] for k in CPU if k.startswith("  ") and not k.startswith("    "))
    rows.append(("  (rest of store_batch: begin, commit ...)", sb - inner, sb_cpu - inner_cpu))
    rows.append(("other (batching, pool traffic, progress)", wall - sum(TIMES.get(k, 0) for k in top),
                 cpu - sum(CPU.get(k, 0) for k in top)))
    order = ["read_paths (read + parse JSONL)", "_mark_stored (hash look-up)", "extract",
             "prepare (rows and resolution plans)", "store_batch", "  store_articles",
             "    resolve_plans (sources of the batch)", "    find (related names)", "    article inserts",
             "    claim insert (_insert_with_ids)", "    bulk inserts (mentions, citations, counts)",
             "  catch_up_fts", "  (rest of store_batch: begin, commit ...)",
             "other (batching, pool traffic, progress)"]
    rows.sort(key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
    for name, secs, csecs in rows:
        print(f"{name:42} {secs:8.2f} {secs / wall * 100:6.1f}% {csecs:8.2f} {csecs / cpu * 100:5.1f}% "
              f"{CALLS.get(name, ''):>6} {csecs / max(report.articles, 1) * 1000:15.2f}")
    print("(indented rows are parts of the row above them)")
    print()
    print("growth: CPU ms per call in the first and the last tenth of the run (flat = linear cost)")
    for name in order:
        calls = SERIES.get(name, [])
        if len(calls) >= 10:
            k = max(1, len(calls) // 10)
            first, last = sum(calls[:k]) / k * 1000, sum(calls[-k:]) / k * 1000
            print(f"{name:42} {first:9.2f} -> {last:9.2f} ms  (x{last / first if first else 0:.2f})")
    if prof:
        print()
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
