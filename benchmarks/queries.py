"""Query latency on one existing database, through the library (the query half of run.py, alone).

    PYTHONPATH=. python benchmarks/queries.py --db /tmp/qs/10k.db [--repeats 40] [--json OUT]

Times whatever ``provenance`` is on ``PYTHONPATH`` (so a ``git archive`` of another commit can
be measured on a copy of the same database; opening it with newer code migrates it, so copy
it first). Each query is called once to warm up, then ``--repeats`` times with varied
arguments (the same choice as run.py: sources from the widest, the middle and the tail of the
recurring sources; random claim ids with chains; every ``--type``). Also prints the size of
``claims --source S --limit 50 --format json`` (as the CLI writes it) and how long
``provenance --version`` and ``--help`` take in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import _time_calls, pick_arguments, system_busy_seconds  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, help="an ingested SQLite database")
    ap.add_argument("--repeats", type=int, default=40, help="timed calls per query [40]")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", help="write the results here too")
    ap.add_argument("--quick", action="store_true", help="skip the whole-listing queries and the start-up")
    args = ap.parse_args(argv)

    from provenance import query
    from provenance.store import open_database, read_session

    db = Path(args.db)
    rng = random.Random(args.seed)
    picked = pick_arguments(db, rng, max(args.repeats, 30))
    engine = open_database(str(db), create=False)
    results: dict = {"db": str(db), "load_before": os.getloadavg(), "queries": []}
    busy0, t_start = system_busy_seconds(), time.perf_counter()
    own0 = time.process_time()

    def record(name: str, fn, arglist: list, reps: int = args.repeats) -> None:
        with read_session(engine) as session:
            stats, sizes, errors = _time_calls(lambda a: fn(session, a), arglist, reps)
        if errors:
            stats.update(errors=len(errors), error_examples=errors[:5])
            print(f"{name:48s} {len(errors)} call(s) refused, e.g. {errors[0]}", flush=True)
        if not sizes:
            results["queries"].append({"query": name, "skipped": "every call refused", **stats})
            return
        stats.update(query=name, rows_median=statistics.median(sizes), rows_max=max(sizes))
        results["queries"].append(stats)
        print(f"{name:48s} p50 {stats['p50_ms']:8.1f} ms  p95 {stats['p95_ms']:8.1f} ms  "
              f"max {stats['max_ms']:8.1f} ms  rows {stats['rows_median']:g}/{stats['rows_max']:g}", flush=True)

    page = 50
    types = [None, "person", "organization", "outlet", "document", "anonymous"]
    capped = "articles" in inspect.signature(query.list_sources).parameters
    record("sources --recurring --limit 50",
           lambda s, a: len(query.list_sources(s, recurring=True, type=a, limit=page)), types)
    if not args.quick:
        record("sources --recurring --type T (all rows)",
               lambda s, a: len(query.list_sources(s, recurring=True, type=a)), types[1:], min(args.repeats, 10))
        record("sources --recurring (all rows)" + (" [default article cap]" if capped else ""),
               lambda s, a: len(query.list_sources(s, recurring=True)), [None], min(args.repeats, 5))
    record("claims --source S --limit 50",
           lambda s, a: len(list(query.iter_claims(s, source=a, limit=page))), picked["sources"])
    record("claims --kind K --limit 50",
           lambda s, a: len(list(query.iter_claims(s, kind=a, limit=page))),
           ["direct", "secondhand", "vague", "unattributed"])
    record("chain ID", lambda s, a: len(query.get_chain(s, a)["chain"]), picked["claim_ids"])
    record("claims --search TEXT --limit 50",
           lambda s, a: len(list(query.iter_claims(s, search=a, limit=page))),
           ["ceasefire", "pipeline", "inflation", '"safety inspection"', "asylum", "vaccin*"])
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    by_reach = [r[0] for r in con.execute("SELECT source_id FROM source_article GROUP BY source_id "
                                          "HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, source_id")]
    con.close()
    ids = by_reach[:5] + by_reach[len(by_reach) // 2:len(by_reach) // 2 + 5]  # widest and middling
    record("source ID (full article list)", lambda s, a: len(query.get_source(s, a)["articles"]), ids,
           min(args.repeats, 10))

    # JSON size of 50 claims, as `claims --source S --limit 50 --format json` prints them
    from cli.output import dumps

    sizes = []
    with read_session(engine) as session:
        for name in picked["sources"]:
            rows = list(query.iter_claims(session, source=name, limit=page))
            sizes.append(len(("[" + ",".join(dumps(r, indent=2) for r in rows) + "]").encode()))
        top = list(query.iter_claims(session, source=picked["sources"][0], limit=page))
        with_sources = list(query.list_sources(session, recurring=True, limit=page))
    results["json_50_claims_kb"] = {"median": statistics.median(sizes) / 1024, "max": max(sizes) / 1024,
                                    "widest_source": len(dumps(top, indent=2).encode()) / 1024}
    results["json_50_sources_kb"] = len(dumps(with_sources, indent=2).encode()) / 1024
    print(f"JSON of 50 claims (--source S): median {results['json_50_claims_kb']['median']:.1f} KB, "
          f"max {results['json_50_claims_kb']['max']:.1f} KB; 50 recurring sources: "
          f"{results['json_50_sources_kb']:.1f} KB", flush=True)
    engine.dispose()

    wall = time.perf_counter() - t_start
    other = max(0.0, (system_busy_seconds() - busy0) - (time.process_time() - own0)) / wall
    results["other_load"] = round(other, 2)
    results["load_after"] = os.getloadavg()
    print(f"other load meanwhile: {other:.2f} cores; loadavg {results['load_after'][0]:.2f}", flush=True)

    # start-up of the CLI in fresh interpreters
    startup = {}
    for label, cmd in [] if args.quick else [("--version", ["--version"]), ("--help", ["--help"]), ("claims --help", ["claims", "--help"])]:
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "cli", *cmd], capture_output=True, check=True)
            times.append(time.perf_counter() - t0)
        startup[label] = {"median_s": statistics.median(times), "min_s": min(times)}
        print(f"provenance {label:14s} median {statistics.median(times):.3f} s, min {min(times):.3f} s", flush=True)
    results["startup"] = startup
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
