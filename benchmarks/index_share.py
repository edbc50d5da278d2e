"""What keeping the overlap index current adds to an ingest: the same synthetic corpus ingested
into a fresh database with the index (``provenance ingest``, as users run it) and without it (the
same command with the index's work taken out in this benchmark only), alternated, so that the two
see the same machine.

    python benchmarks/index_share.py --sizes 10000 --repeats 3 --workers 2 [--workdir DIR]

"Without" replaces the two calls ``provenance.ingest`` makes to the index (``index_new_claims``
after each batch, ``ensure_fresh`` at the end) by no-ops and stops the workers computing the
claims' overlap features (``extract_all(features_out=None)``): what is left is reading, extracting
and storing. The figure the issue asks for (issue 13: "the share that keeping the overlap index
current adds") is then (wall with - wall without) / wall with, beside the index's own seconds as
the ingest records them (``overlap_state.seconds``, wall time of the writer process, which on a
busy machine includes waiting for a core), and its CPU (``overlap_state.cpu_seconds``: the
writer's index work and the workers' claim features) as a share of the run's. Each run's CPU
seconds (the whole process tree) are given too: their difference is the index's CPU.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402  (benchmarks/run.py)


def no_index_main(argv: list[str]) -> None:
    """``python -m cli`` with the overlap index's work taken out (the "without" runs)."""
    import provenance.ingest as ingest
    from provenance.store.overlap_index import RefreshReport

    extract_all = ingest.extract_all

    def without_features(*args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["features_out"] = None
        return extract_all(*args, **kwargs)

    ingest.extract_all = without_features  # type: ignore[assignment]
    ingest.index_new_claims = lambda *a, **k: RefreshReport()  # type: ignore[assignment]
    ingest.ensure_fresh = lambda *a, **k: RefreshReport()  # type: ignore[assignment]
    from cli.main import main

    sys.argv = ["provenance", *argv]
    main()


def one_run(jsonl: Path, db: Path, workers: int, timeout: float, with_index: bool) -> dict:
    """Ingest ``jsonl`` into a fresh ``db``, with or without the index: wall, CPU, index seconds."""
    bench.remove_db(db)
    args = ["--db", str(db), "ingest", str(jsonl), "--workers", str(workers), "--quiet"]
    cmd = [sys.executable, "-m", "cli", *args] if with_index else [sys.executable, __file__, "--child", *args]
    run = bench.run_monitored(cmd, timeout)
    if run["exit"] != 0:
        raise SystemExit(f"ingest failed ({run['exit']}): {run['stderr'][-500:]}")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        state = dict(con.execute("SELECT name, value FROM overlap_state").fetchall())
        pairs = con.execute("SELECT COUNT(*) FROM overlap_pair").fetchone()[0]
    finally:
        con.close()
    return {"with_index": with_index, "wall_s": run["wall_s"], "cpu_s": run["cpu_s"],
            "other_load": run["other_load"], "index_s": float(state.get("seconds", 0)),
            "index_cpu_s": float(state.get("cpu_seconds", 0)), "pairs": pairs}


def measure(size: int, workers: int, repeats: int, workdir: Path, seed: int, timeout: float) -> dict:
    """``repeats`` alternated pairs of runs (with, then without; the order swapped each round)."""
    jsonl = bench.corpus(workdir, size, seed)
    db = workdir / f"share-{size}.db"
    runs = []
    for r in range(repeats):
        for with_index in ((True, False) if r % 2 == 0 else (False, True)):
            t0 = time.perf_counter()
            runs.append(one_run(jsonl, db, workers, timeout, with_index))
            print(f"  {size:,} {'with' if with_index else 'without'}: {runs[-1]['wall_s']:.1f} s wall, "
                  f"{runs[-1]['cpu_s']:.1f} s CPU, index {runs[-1]['index_s']:.1f} s "
                  f"({runs[-1]['index_cpu_s']:.1f} s CPU) "
                  f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    bench.remove_db(db)
    with_ = [x for x in runs if x["with_index"]]
    without = [x for x in runs if not x["with_index"]]
    wall_w = statistics.median(x["wall_s"] for x in with_)
    wall_o = statistics.median(x["wall_s"] for x in without)
    cpu_w = statistics.median(x["cpu_s"] for x in with_)
    cpu_o = statistics.median(x["cpu_s"] for x in without)
    index_s = statistics.median(x["index_s"] for x in with_)
    own_cpu = statistics.median(x["index_cpu_s"] / x["cpu_s"] for x in with_)
    return {
        "size": size, "workers": workers, "repeats": repeats, "runs": runs,
        "wall_with_s": wall_w, "wall_without_s": wall_o, "added_s": wall_w - wall_o,
        "added_share": (wall_w - wall_o) / wall_w, "index_seconds_share": index_s / wall_w,
        "cpu_with_s": cpu_w, "cpu_without_s": cpu_o, "index_cpu_s": cpu_w - cpu_o,
        "index_own_cpu_share": own_cpu,
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        no_index_main(argv[1:])
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="10000", help="corpus sizes [10000]")
    p.add_argument("--repeats", type=int, default=3, help="pairs of runs per size [3]")
    p.add_argument("--workers", type=int, default=2, help="ingest --workers [2]")
    p.add_argument("--seed", type=int, default=1, help="corpus seed [1]")
    p.add_argument("--workdir", type=Path, default=Path("/tmp/provenance-bench"), help="corpora and databases")
    p.add_argument("--timeout", type=float, default=3600, help="stop an ingest after this many seconds [3600]")
    p.add_argument("--json", type=Path, help="also write the results here")
    a = p.parse_args(argv)
    a.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(s) for s in a.sizes.split(",")):
        m = measure(size, a.workers, a.repeats, a.workdir, a.seed, a.timeout)
        results.append(m)
        print(f"{size:,} articles: wall {m['wall_with_s']:.1f} s with the index, {m['wall_without_s']:.1f} s "
              f"without: the index adds {m['added_s']:.1f} s = {m['added_share']:.1%} "
              f"(its own seconds {m['index_seconds_share']:.1%} of the ingest; CPU {m['cpu_with_s']:.0f} "
              f"vs {m['cpu_without_s']:.0f} s, the index's {m['index_cpu_s']:.1f} s; its own CPU, "
              f"measured in the runs with it, {m['index_own_cpu_share']:.1%} of theirs)")
    if a.json:
        a.json.write_text(json.dumps({"code": bench.code_version(), "machine": bench.machine(),
                                      "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
