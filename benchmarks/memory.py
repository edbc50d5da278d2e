"""Where the ingest process's memory goes, batch by batch (docs/benchmarks.md, issue 13, fifth pass).

    python benchmarks/memory.py CORPUS.jsonl DB [--workers 2] [--every 5] [--deep] [--json OUT]

Ingests ``CORPUS.jsonl`` into a fresh SQLite database ``DB`` in this process (``provenance.ingest``,
as the CLI does, without the progress bar) and, after every ``--every``-th stored batch, prints one
JSON line: the articles so far, VmRSS and VmHWM (MB), SQLite's own heap (``sqlite3_memory_used``,
its page cache mostly), glibc's heap (``mallinfo2``: bytes in use and free inside its arenas),
CPython's small-object allocator (``sys._debugmallocstats``: 1 MiB arenas held and bytes in live
blocks), the sizes of what the ingest keeps between batches (the overlap index's ``ClaimCache``,
the worker features not yet indexed, the writer's kept resolver: its sources, keys, blocks, roles)
and how many candidates the last index chunk met. ``--deep`` adds the deep size (MB) of the
ClaimCache and of the resolver (a walk over their objects: seconds at 30k articles). The last
line is the run's: articles, seconds, VmRSS and VmHWM after the end-of-ingest regroup.

The corpus comes from benchmarks/generate.py (``benchmarks/run.py`` caches one per size in its
work folder). The figures of a size are what grows with the corpus when read against another.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import sys
import tempfile
import time
from typing import Any

from provenance import ingest as ing
from provenance.store import overlap_index as oi
from provenance.store import writer
from provenance.store.db import open_database


def status_mb(field: str) -> int:
    """A VmXXX line of /proc/self/status, in MB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field):
                return int(line.split()[1]) // 1024
    return 0


class _MallInfo(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                "fsmblks", "uordblks", "fordblks", "keepcost")]


def _lib(name: str) -> Any:
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


SQLITE = _lib("libsqlite3.so.0")  # the library Python's sqlite3 module links to (Linux)
LIBC = _lib("libc.so.6")
if SQLITE is not None:
    SQLITE.sqlite3_memory_used.restype = ctypes.c_int64
if LIBC is not None and hasattr(LIBC, "mallinfo2"):
    LIBC.mallinfo2.restype = _MallInfo
else:
    LIBC = None


def pymalloc() -> dict[str, float]:
    """CPython's small-object allocator: MB of arenas held, and of live blocks in them."""
    with tempfile.TemporaryFile(mode="w+") as tmp:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(tmp.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read()

    def field(name: str) -> int:
        m = re.search(re.escape(name) + r"\s*=\s*([\d,]+)", text)
        return int(m.group(1).replace(",", "")) if m else 0

    return {"py_arenas_mb": field("# arenas allocated current") * 1.0,  # 1 MiB arenas (3.10+, 64-bit)
            "py_live_mb": round(field("# bytes in allocated blocks") / 2**20, 1)}


def deep_mb(root: object) -> float:
    """The size of everything reachable from ``root`` through containers and instance dicts, in MB."""
    seen: set[int] = set()
    stack, total = [root], 0
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        total += sys.getsizeof(x)
        if isinstance(x, dict):
            stack.extend(x.keys())
            stack.extend(x.values())
        elif isinstance(x, (list, tuple, set, frozenset)):
            stack.extend(x)
        elif hasattr(x, "__dict__") and not isinstance(x, type):
            stack.append(x.__dict__)
        elif hasattr(x, "__dataclass_fields__"):
            stack.extend(getattr(x, f) for f in x.__dataclass_fields__)
    return round(total / 2**20, 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="JSONL corpus (benchmarks/generate.py)")
    ap.add_argument("db", help="SQLite database to create (removed first)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--every", type=int, default=5, help="print every N-th batch [5]")
    ap.add_argument("--deep", action="store_true", help="also the deep size of the ClaimCache and the resolver")
    ap.add_argument("--json", help="also write the lines here")
    args = ap.parse_args(argv)

    caches: list[writer.SourceCache] = []
    recents: list[oi.ClaimCache] = []
    pending: list[dict] = []
    chunk: dict[str, int] = {}

    class SourceCache(writer.SourceCache):
        def __init__(self, *a: Any, **k: Any) -> None:
            super().__init__(*a, **k)
            caches.append(self)

    class ClaimCache(oi.ClaimCache):
        def __init__(self, *a: Any, **k: Any) -> None:
            super().__init__(*a, **k)
            recents.append(self)

    real_extract_all, real_of = ing.extract_all, oi._Pairs.of

    def extract_all(items, workers, ahead=None, options=ing.DEFAULT_OPTIONS, features_out=None):  # noqa: ANN001
        if features_out is not None:
            pending.append(features_out.known)
        return real_extract_all(items, workers, ahead, options, features_out)

    def of(self, candidates, article, counts):  # noqa: ANN001
        chunk.update(candidates=sum(len(v) for v in candidates.values()),
                     packed_candidates=len(self.token) - len(self.feats))  # the older ones whose features were read
        return real_of(self, candidates, article, counts)

    ing.SourceCache, ing.ClaimCache, ing.extract_all = SourceCache, ClaimCache, extract_all  # type: ignore[misc]
    oi._Pairs.of = of  # type: ignore[method-assign]

    out = open(args.json, "w") if args.json else None
    started = time.perf_counter()
    last = [-1]

    def emit(row: dict) -> None:
        line = json.dumps(row)
        print(line, flush=True)
        if out:
            out.write(line + "\n")

    def progress(report: ing.IngestReport, _size: int) -> None:
        done = report.articles
        if done == last[0] or (done // ing.BATCH_SIZE) % args.every:
            return
        last[0] = done
        row: dict[str, Any] = {"articles": done, "seconds": round(time.perf_counter() - started, 1),
                               "rss_mb": status_mb("VmRSS"), "hwm_mb": status_mb("VmHWM")}
        if SQLITE is not None:
            row["sqlite_mb"] = round(SQLITE.sqlite3_memory_used() / 2**20, 1)
        if LIBC is not None:
            m = LIBC.mallinfo2()
            row.update(malloc_used_mb=round(m.uordblks / 2**20, 1), malloc_free_mb=round(m.fordblks / 2**20, 1))
        row.update(pymalloc())
        row["claim_cache"] = len(recents[0]) if recents else 0
        row["features_pending"] = len(pending[0]) if pending else 0
        row.update(chunk)
        resolver = caches[0]._resolver if caches else None
        if resolver is not None:
            row.update(resolver_sources=resolver.size(), resolver_keys=len(resolver._by_key),
                       resolver_blocks=len(resolver._blocks_written), resolver_roles=len(resolver._roles))
        if args.deep:
            row["claim_cache_mb"] = deep_mb(recents[0].recent) if recents else 0.0
            row["resolver_mb"] = deep_mb({k: v for k, v in resolver.__dict__.items() if k != "sources"}) \
                if resolver is not None else 0.0
        emit(row)

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.db + suffix):
            os.remove(args.db + suffix)
    engine = open_database(args.db)
    report = ing.ingest([args.corpus], engine, workers=args.workers, progress=progress)
    emit({"end": True, "articles": report.articles, "seconds": round(report.seconds, 1),
          "rss_mb": status_mb("VmRSS"), "hwm_mb": status_mb("VmHWM")})
    engine.dispose()
    if out:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
