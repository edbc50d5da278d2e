"""Benchmark provenance: extraction speed, end-to-end ingest at several sizes, query latency.

    python benchmarks/run.py --sizes 1000,10000,100000 --workers 2

What it measures (see docs/benchmarks.md for figures and how to read them):

1. **extraction**: ``provenance.extract.extract`` in this one process, on generated
   articles and on the PolNeAR file if present: words per CPU-second and per wall-second.
2. **ingest**: for each size, a synthetic JSONL corpus (benchmarks/generate.py, cached in
   the work folder) is ingested into a fresh SQLite database by the real CLI in a
   subprocess (``python -m cli --db DB ingest FILE --workers N``): wall time,
   words/s, CPU seconds of the whole process tree, peak RSS (the ingest process, its
   largest worker, and the sampled total PSS of the tree), database size and row counts.
3. **queries** on the largest database, through the library (in-process, each repeated
   with varied arguments after one warm-up call): p50/p95/max of ``claims --source``,
   ``chain``, ``sources --recurring``, ``claims --search`` and ``overlaps`` (when the
   library has it), both as the first page a person sees (``--limit 50``) and as the whole
   result; then once each through the CLI for reference (includes interpreter start-up).

Results print as tables and are saved as JSON in the work folder (``--json`` for another
path). An ingest that runs past ``--timeout`` seconds is stopped, and the curve so far is
reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)

POLNEAR = HERE.parent.parent / "shared" / "eval" / "polnear-train.jsonl"
SEARCH_TERMS = ["ceasefire", "pipeline", "inflation", '"safety inspection"', "asylum", "drought",
                "verdict", "deficit", "vaccin*", "turnout", "breach", "rents", "glacier", "troops",
                "fraud", "megawatts", "deportations", "emissions OR carbon", "refugee camps",
                "border", "currency", "hospital", "wildfire", "mortgage", "investors"]
SUMMARY = re.compile(r"([\d,]+) article\(s\): ([\d,]+) added.*?; ([\d,]+) claims, ([\d,]+) words in ([\d.]+) s")


# ---------------------------------------------------------------- machine


def machine() -> dict:
    """Where the figures come from: CPU model, cores, memory, Python, SQLite."""
    model = platform.processor() or "?"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    mem = 0
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {"cpu": model, "cores": os.cpu_count(), "memory_gb": round(mem / 2**30, 1),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(), "code": code_version()}


def code_version() -> str:
    """Which provenance is measured: its folder, and the git commit when it is a checkout."""
    import provenance

    root = Path(provenance.__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return f"{root} @ {head}" + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return str(root)


def system_busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (from /proc/stat)."""
    try:
        with open("/proc/stat") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


# ---------------------------------------------------------------- 1. extraction


def bench_extraction(texts: list[str], label: str) -> dict:
    """Extract every text in this process; words per CPU second and per wall second."""
    from provenance.extract import extract
    from provenance.models import Document

    extract(Document(text=texts[0]))  # warm-up: lexicons, regex compilation
    words = sum(len(t.split()) for t in texts)
    claims = 0
    busy0 = system_busy_seconds()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for t in texts:
        claims += len(extract(Document(text=t)).claims)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    others = max(0.0, (system_busy_seconds() - busy0 - cpu) / wall)
    return {"corpus": label, "articles": len(texts), "words": words, "claims": claims, "other_load": others,
            "wall_s": wall, "cpu_s": cpu, "words_per_cpu_s": words / cpu, "words_per_wall_s": words / wall,
            "ms_per_article": cpu / len(texts) * 1000}


def polnear_texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


# ---------------------------------------------------------------- 2. ingest


def corpus(workdir: Path, n: int, seed: int) -> Path:
    """The synthetic corpus of ``n`` articles (generated once, then reused)."""
    path = workdir / f"synth-s{seed}-{n}.jsonl"
    if not path.exists():
        t0 = time.perf_counter()
        _, words = generate.write_jsonl(path, n, seed)
        print(f"  generated {path.name}: {n:,} articles, {words:,} words in {time.perf_counter() - t0:.0f} s",
              file=sys.stderr)
    return path


def _children(pid: int) -> list[int]:
    try:
        out = []
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(x) for x in fh.read().split()]
        return out
    except OSError:
        return []


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeSampler(threading.Thread):
    """Poll a process tree: peak VmHWM of the root, of any child, and the peak total PSS."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.root_hwm = self.child_hwm = self.total_pss = 0
        self.max_procs = 1
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            kids = _children(self.pid)
            self.max_procs = max(self.max_procs, 1 + len(kids))
            self.root_hwm = max(self.root_hwm, _status_kb(self.pid, "VmHWM:"))
            for k in kids:
                self.child_hwm = max(self.child_hwm, _status_kb(k, "VmHWM:"))
            self.total_pss = max(self.total_pss, _pss_kb(self.pid) + sum(_pss_kb(k) for k in kids))
            self.stop.wait(self.interval)


def db_files_size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists())


def remove_db(db: Path) -> None:
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        if p.exists():
            p.unlink()


def row_counts(db: Path) -> dict:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("article", "source", "source_alias", "mention", "claim", "citation")}
    except sqlite3.Error:
        return {}
    finally:
        con.close()


def run_monitored(cmd: list[str], timeout: float) -> dict:
    """Run ``cmd`` in its own process group, sampling memory; stop it after ``timeout`` seconds."""
    with tempfile.TemporaryFile("w+") as err:
        busy0 = system_busy_seconds()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        timed_out = False
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - t0 > timeout:
                timed_out = True
                os.killpg(proc.pid, signal.SIGTERM)  # our own process group (start_new_session)
                _, status, rusage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        busy = system_busy_seconds() - busy0
        sampler.stop.set()
        sampler.join()
        err.seek(0)
        stderr = err.read()
    # CPU of the whole tree (workers are reaped by the ingest process); not known when stopped
    cpu = rusage.ru_utime + rusage.ru_stime if not timed_out else None
    return {
        "exit": proc.returncode, "timed_out": timed_out, "wall_s": wall, "cpu_s": cpu,
        "other_load": max(0.0, (busy - cpu) / wall) if cpu is not None else None,
        "peak_rss_mb": {"ingest_process": sampler.root_hwm / 1024, "largest_worker": sampler.child_hwm / 1024,
                        "tree_pss": sampler.total_pss / 1024, "wait4_maxrss": rusage.ru_maxrss / 1024},
        "processes": sampler.max_procs, "stderr": stderr,
    }


def measure_ingest(jsonl: Path, db: Path, workers: int, timeout: float, fresh: bool = True,
                   label: str | None = None) -> dict:
    """Run ``provenance ingest`` in a subprocess and measure it (stopped after ``timeout`` s)."""
    if fresh:
        remove_db(db)
    cmd = [sys.executable, "-m", "cli", "--db", str(db), "ingest", str(jsonl), "--workers", str(workers)]
    run = run_monitored(cmd, timeout)
    stderr = run.pop("stderr")
    m = SUMMARY.search(stderr)
    counts = row_counts(db)
    words = int(m.group(4).replace(",", "")) if m else 0
    result = {
        "corpus": label or jsonl.name, "workers": workers, **run,
        "articles": int(m.group(1).replace(",", "")) if m else counts.get("article", 0),
        "added": int(m.group(2).replace(",", "")) if m else None,
        "claims": int(m.group(3).replace(",", "")) if m else counts.get("claim", 0),
        "words": words, "ingest_s": float(m.group(5)) if m else None,
        "words_per_s": words / run["wall_s"] if words else None,
        "db_mb": db_files_size(db) / 2**20, "rows": counts,
        "stderr_tail": stderr.strip().splitlines()[-3:],
    }
    if not words and counts.get("article"):  # stopped before the summary: estimate from the database
        result["words_note"] = "estimated from stored articles"
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        result["words"] = con.execute("SELECT COALESCE(SUM(words), 0) FROM article").fetchone()[0]
        con.close()
        result["words_per_s"] = result["words"] / run["wall_s"]
    return result


def has_overlaps_command() -> bool:
    return subprocess.run([sys.executable, "-m", "cli", "overlaps", "--help"],
                          capture_output=True).returncode == 0


def measure_overlap_index(db: Path, timeout: float) -> dict:
    """The first ``provenance overlaps`` after an ingest (since issue 13 a read: ingest keeps the index
    current, and the time it spent on that is read from ``overlap_state``): measure it."""
    cmd = [sys.executable, "-m", "cli", "--db", str(db), "overlaps", "--limit", "1", "--format", "json"]
    run = run_monitored(cmd, timeout)
    stderr = run.pop("stderr")
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        groups = con.execute("SELECT COUNT(*) FROM overlap_group").fetchone()[0]
        # the time ingest itself spent keeping the index current (issue 13; absent before it)
        state = dict(con.execute("SELECT name, value FROM overlap_state").fetchall())
        in_ingest = float(state["seconds"]) if "seconds" in state else None
        # its CPU, the writer's and the workers' features (absent before the ninth pass)
        in_ingest_cpu = float(state["cpu_seconds"]) if "cpu_seconds" in state else None
    except sqlite3.Error:
        groups, in_ingest, in_ingest_cpu = None, None, None
    finally:
        con.close()
    return {**run, "groups": groups, "in_ingest_s": in_ingest, "in_ingest_cpu_s": in_ingest_cpu,
            "db_mb_after": db_files_size(db) / 2**20,
            "stderr_tail": stderr.strip().splitlines()[-3:]}


# ---------------------------------------------------------------- 3. queries


def _pcts(samples: list[float]) -> dict:
    s = sorted(samples)
    def pct(p: float) -> float:
        return s[min(len(s) - 1, max(0, round(p / 100 * len(s) + 0.5) - 1))]
    return {"n": len(s), "p50_ms": pct(50) * 1000, "p95_ms": pct(95) * 1000, "max_ms": s[-1] * 1000,
            "mean_ms": statistics.fmean(s) * 1000}


def _time_calls(fn, args_list: list, repeats: int) -> tuple[dict, list[int], list[str]]:
    """Call ``fn(arg)`` for ``repeats`` arguments cycled from ``args_list``, after one warm-up.

    A call the library refuses (a name that finds no source, or several for ``source``) is
    not timed: it is returned as an error, so one bad pick never ends a run of many minutes.
    """
    from provenance.errors import ProvenanceError

    samples, sizes, errors = [], [], []
    for i in range(-1, repeats):  # -1: the warm-up
        arg = args_list[max(i, 0) % len(args_list)]
        t0 = time.perf_counter()
        try:
            n = fn(arg)
        except ProvenanceError as exc:
            errors.append(f"{arg!r}: {exc}")
            continue
        if i >= 0:
            samples.append(time.perf_counter() - t0)
            sizes.append(n)
    return (_pcts(samples) if samples else {"n": 0}), sizes, errors


def pick_arguments(db: Path, rng: random.Random, n: int) -> dict:
    """Varied arguments: sources across the range of reach, claim ids with chains."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    reach = con.execute(
        "SELECT s.name, COUNT(*) AS n FROM source s JOIN source_article sa ON sa.source_id = s.id "
        "GROUP BY s.id HAVING COUNT(*) >= 2 ORDER BY n DESC, s.id").fetchall()  # ties by id: the same picks on every copy
    # a third from the widest-reaching sources, a third from the middle, a third from the tail
    k = max(1, n // 3)
    top, mid, tail = reach[:200], reach[len(reach) // 3: 2 * len(reach) // 3], reach[-2000:]
    sources = []
    for group in (top, mid, tail):
        if group:
            sources += [name for name, _ in rng.sample(group, min(k, len(group)))]
    max_id = con.execute("SELECT MAX(id) FROM claim").fetchone()[0] or 0
    claim_ids = []
    while len(claim_ids) < n and max_id:
        row = con.execute("SELECT id FROM claim WHERE id >= ? AND hops > 0 ORDER BY id LIMIT 1",
                          (rng.randint(1, max_id),)).fetchone()
        if row:
            claim_ids.append(row[0])
    con.close()
    return {"sources": sources, "claim_ids": claim_ids,
            "reach": {"recurring_sources": len(reach), "widest": reach[0][1] if reach else 0}}


def bench_queries(db: Path, repeats: int, seed: int, cli: bool = True) -> dict:
    """p50/p95 of each query through the library, first page (limit 50) and whole result."""
    from provenance import query
    from provenance.store import open_database, read_session

    rng = random.Random(seed)
    args = pick_arguments(db, rng, max(repeats, 30))
    engine = open_database(str(db), create=False)
    out: dict = {"arguments": {"sources": args["sources"][:10], **args["reach"]}, "queries": []}

    def record(name: str, fn, arglist: list, reps: int = repeats) -> None:
        if not arglist:
            out["queries"].append({"query": name, "skipped": "no arguments"})
            return
        with read_session(engine) as session:
            stats, sizes, errors = _time_calls(lambda a: fn(session, a), arglist, reps)
        if errors:
            stats["errors"] = len(errors)
            stats["error_examples"] = errors[:5]
            print(f"  {name}: {len(errors)} call(s) refused, e.g. {errors[0]}", file=sys.stderr)
        if not sizes:
            out["queries"].append({"query": name, "skipped": "every call refused", **stats})
            return
        stats.update(query=name, rows_median=statistics.median(sizes), rows_max=max(sizes))
        out["queries"].append(stats)
        print(f"  {name}: p50 {stats['p50_ms']:.1f} ms, p95 {stats['p95_ms']:.1f} ms", file=sys.stderr)

    page = 50
    record("claims --source S --limit 50",
           lambda s, a: len(list(query.iter_claims(s, source=a, limit=page))), args["sources"])
    record("claims --source S (all rows)",
           lambda s, a: len(list(query.iter_claims(s, source=a))), args["sources"], min(repeats, 20))
    record("chain ID", lambda s, a: len(query.get_chain(s, a)["chain"]), args["claim_ids"])
    types = [None, "person", "organization", "outlet", "document", "anonymous"]
    record("sources --recurring --limit 50",
           lambda s, a: len(query.list_sources(s, recurring=True, type=a, limit=page)), types)
    record("sources --recurring [--type T] (all rows)",
           lambda s, a: len(query.list_sources(s, recurring=True, type=a)), types, min(repeats, 12))
    record("claims --search TEXT --limit 50",
           lambda s, a: len(list(query.iter_claims(s, search=a, limit=page))), SEARCH_TERMS)
    record("claims --search TEXT (all rows)",
           lambda s, a: len(list(query.iter_claims(s, search=a))), SEARCH_TERMS, min(repeats, 20))
    list_overlaps = getattr(query, "list_overlaps", None)
    if list_overlaps is None:
        out["queries"].append({"query": "overlaps", "skipped": "no query.list_overlaps"})
    else:
        try:  # the index is brought up to date by the first `overlaps`; time only the reading
            from provenance.store.overlap_index import ensure_fresh

            t0 = time.perf_counter()
            rep = ensure_fresh(engine)
            out["overlap_refresh_s"] = time.perf_counter() - t0
            out["overlap_refresh_claims"] = getattr(rep, "claims_indexed", None)
        except ImportError:
            pass
        variants = [{"independent": None}, {"independent": True}, {"independent": False}]
        record("overlaps [--independent/--dependent] --limit 50",
               lambda s, a: len(list_overlaps(s, limit=page, **a)), variants)
        record("overlaps --source S --limit 50",
               lambda s, a: len(list_overlaps(s, source=a, limit=page)), args["sources"])
        record("overlaps (all groups)", lambda s, a: len(list_overlaps(s, **a)), variants, min(repeats, 6))
    engine.dispose()
    out["cli"] = bench_cli(db, args) if cli else []
    return out


def bench_cli(db: Path, args: dict) -> list[dict]:
    """Each query once through the CLI (JSON to a pipe), for reference: includes start-up."""
    base = [sys.executable, "-m", "cli", "--db", str(db)]
    cmds = [("--version (start-up only)", ["--version"])]
    if args["sources"]:
        cmds += [("claims --source S --limit 50", ["claims", "--source", args["sources"][0], "--limit", "50"]),
                 ("claims --source S (all)", ["claims", "--source", args["sources"][0]])]
    if args["claim_ids"]:
        cmds.append(("chain ID", ["chain", str(args["claim_ids"][0])]))
    cmds += [("sources --recurring --limit 50", ["sources", "--recurring", "--limit", "50"]),
             ("sources --recurring (all)", ["sources", "--recurring"]),
             ("claims --search ceasefire --limit 50", ["claims", "--search", "ceasefire", "--limit", "50"])]
    has_overlaps = has_overlaps_command()
    if has_overlaps:
        cmds += [("overlaps --limit 50", ["overlaps", "--limit", "50"]), ("overlaps (all)", ["overlaps"])]
    out = []
    for name, cmd in cmds:
        fmt = [] if cmd[0] == "--version" else ["--format", "json"]
        t0 = time.perf_counter()
        proc = subprocess.run(base + cmd + fmt, capture_output=True)
        secs = time.perf_counter() - t0
        out.append({"command": name, "seconds": secs, "exit": proc.returncode,
                    "output_kb": len(proc.stdout) / 1024})
    if not has_overlaps:
        out.append({"command": "overlaps", "skipped": "no `provenance overlaps` command yet"})
    return out


# ---------------------------------------------------------------- printing


def show(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console(width=140)
    m = results["machine"]
    con.print(f"[bold]machine[/bold]: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, "
              f"Python {m['python']}, SQLite {m['sqlite']}; code: {m['code']}")
    con.print("other load = cores kept busy by other processes during the measurement (0 on a quiet machine)")
    if results.get("extraction"):
        t = Table(title="extraction (one process)")
        for h in ("corpus", "articles", "words", "claims", "CPU s", "words/CPU-s", "words/wall-s", "ms/article",
                  "other load"):
            t.add_column(h, justify="left" if h == "corpus" else "right")
        for r in results["extraction"]:
            t.add_row(r["corpus"], f"{r['articles']:,}", f"{r['words']:,}", f"{r['claims']:,}", f"{r['cpu_s']:.1f}",
                      f"{r['words_per_cpu_s']:,.0f}", f"{r['words_per_wall_s']:,.0f}", f"{r['ms_per_article']:.1f}",
                      f"{r['other_load']:.1f}")
        con.print(t)
    if results.get("ingest"):
        t = Table(title=f"ingest of synthetic corpora (CLI subprocess, --workers {results['workers']})")
        for h in ("corpus", "stored", "words", "claims", "wall s", "words/s", "CPU s", "CPU ms/art.",
                  "RSS MB", "worker MB", "PSS MB", "DB MB", "other", "note"):
            t.add_column(h, justify="left" if h in ("corpus", "note") else "right")
        for r in results["ingest"]:
            rss = r["peak_rss_mb"]
            note = ("stopped" if r["timed_out"] else "") + (f" exit {r['exit']}" if r["exit"] and not r["timed_out"] else "")
            cpu = r["cpu_s"]
            t.add_row(r["corpus"], f"{r['articles']:,}", f"{r['words']:,}", f"{r['claims']:,}", f"{r['wall_s']:.0f}",
                      f"{r['words_per_s'] or 0:,.0f}", f"{cpu:.0f}" if cpu else "-",
                      f"{cpu / r['articles'] * 1000:.1f}" if cpu and r["articles"] else "-",
                      f"{rss['ingest_process']:.0f}", f"{rss['largest_worker']:.0f}", f"{rss['tree_pss']:.0f}",
                      f"{r['db_mb']:.0f}", "-" if r.get("other_load") is None else f"{r['other_load']:.1f}",
                      note.strip())
        con.print(t)
        con.print("RSS = peak of the ingest process (VmHWM); worker = largest extraction worker; PSS = peak "
                  "proportional set size of the whole tree; other = cores used by other processes meanwhile")
    if results.get("overlap_index"):
        t = Table(title="overlap index: the first `provenance overlaps` after the ingest, and the time the "
                        "ingest itself spent keeping the index current")
        for h in ("corpus", "claims", "wall s", "CPU s", "CPU ms/1k claims", "RSS MB", "groups", "DB MB after",
                  "other", "in ingest s", "in ingest CPU s", "note"):
            t.add_column(h, justify="left" if h in ("corpus", "note") else "right")
        for r in results["overlap_index"]:
            cpu = r["cpu_s"]
            t.add_row(r["corpus"], f"{r['claims']:,}", f"{r['wall_s']:.0f}", f"{cpu:.0f}" if cpu else "-",
                      f"{cpu / r['claims'] * 1e6:.0f}" if cpu and r["claims"] else "-",
                      f"{r['peak_rss_mb']['ingest_process']:.0f}", f"{r['groups'] or 0:,}", f"{r['db_mb_after']:.0f}",
                      "-" if r.get("other_load") is None else f"{r['other_load']:.1f}",
                      "-" if r.get("in_ingest_s") is None else f"{r['in_ingest_s']:.1f}",
                      "-" if r.get("in_ingest_cpu_s") is None else f"{r['in_ingest_cpu_s']:.1f}",
                      "stopped" if r["timed_out"] else (f"exit {r['exit']}" if r["exit"] else ""))
        con.print(t)
    for q in results.get("queries", []):
        t = Table(title=f"queries through the library on {q['db']} ({q['articles']:,} articles)")
        for h in ("query", "n", "p50 ms", "p95 ms", "max ms", "rows (median / max)"):
            t.add_column(h, justify="left" if h == "query" else "right")
        for r in q["queries"]:
            if "skipped" in r:
                t.add_row(r["query"], "", "", "", "", f"skipped: {r['skipped']}")
                continue
            refused = f" ({r['errors']} refused)" if r.get("errors") else ""
            t.add_row(r["query"], str(r["n"]), f"{r['p50_ms']:.1f}", f"{r['p95_ms']:.1f}", f"{r['max_ms']:.1f}",
                      f"{r['rows_median']:,.0f} / {r['rows_max']:,}{refused}")
        con.print(t)
        if not q["cli"]:
            continue
        t = Table(title="the same through the CLI, once each (--format json, includes start-up)")
        for h in ("command", "seconds", "output KB"):
            t.add_column(h, justify="left" if h == "command" else "right")
        for r in q["cli"]:
            if "skipped" in r:
                t.add_row(r["command"], "", f"skipped: {r['skipped']}")
            else:
                t.add_row(r["command"], f"{r['seconds']:.2f}" + ("" if r["exit"] == 0 else f" (exit {r['exit']})"),
                          f"{r['output_kb']:,.0f}")
        con.print(t)


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark provenance (see docs/benchmarks.md).")
    ap.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes to ingest [1000,10000,100000]")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="ingest --workers [CPUs]")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed [1]")
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "provenance-bench"),
                    help="corpora, databases and results [$TMPDIR/provenance-bench]")
    ap.add_argument("--extract-articles", type=int, default=2000, help="generated articles for the extraction test [2000]")
    ap.add_argument("--polnear", default=str(POLNEAR), help="PolNeAR JSONL (skipped when absent)")
    ap.add_argument("--repeats", type=int, default=40, help="timed calls per query [40]")
    ap.add_argument("--timeout", type=float, default=1800, help="stop an ingest after this many seconds [1800]")
    ap.add_argument("--skip-extract", action="store_true", help="skip the extraction test")
    ap.add_argument("--skip-ingest", action="store_true", help="reuse the databases already in the work folder")
    ap.add_argument("--skip-queries", action="store_true", help="skip the query test")
    ap.add_argument("--queries-on", choices=["largest", "all"], default="largest",
                    help="time the queries on the largest database only, or on each size [largest]")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--show", metavar="RESULTS.json", help="print the tables of a saved results file and stop")
    ap.add_argument("--code-label", help="how to name the measured code in the results (default: its folder and git commit)")
    args = ap.parse_args(argv)
    if args.show:
        saved = json.loads(Path(args.show).read_text())
        if isinstance(saved.get("queries"), dict):
            saved["queries"] = [saved["queries"]]
        show(saved)
        return 0

    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s.replace("_", "").replace("k", "000")) for s in args.sizes.split(",") if s.strip()]
    results: dict = {"machine": machine(), "workers": args.workers, "seed": args.seed, "sizes": sizes,
                     "started": time.strftime("%Y-%m-%d %H:%M:%S"), "extraction": [], "ingest": []}
    if args.code_label:
        results["machine"]["code"] = args.code_label

    if not args.skip_extract:
        print("extraction ...", file=sys.stderr)
        texts = [a["text"] for a in generate.generate(args.extract_articles, args.seed)]
        results["extraction"].append(bench_extraction(texts, f"synthetic (seed {args.seed})"))
        if Path(args.polnear).exists():
            results["extraction"].append(bench_extraction(polnear_texts(Path(args.polnear)), "PolNeAR train"))
        else:
            print(f"  {args.polnear} not found: PolNeAR extraction skipped", file=sys.stderr)

    largest = None
    overlaps = has_overlaps_command()
    results["overlap_index"] = []
    for n in sizes:
        db = workdir / f"bench-s{args.seed}-{n}.db"
        if args.skip_ingest:
            if db.exists():
                largest = (db, n)
            continue
        path = corpus(workdir, n, args.seed)
        print(f"ingest {n:,} articles ...", file=sys.stderr)
        r = measure_ingest(path, db, args.workers, args.timeout, label=f"{n:,}")
        results["ingest"].append(r)
        print(f"  {r['wall_s']:.1f} s, {r['words_per_s'] or 0:,.0f} words/s, "
              f"RSS {r['peak_rss_mb']['ingest_process']:.0f} MB" + (" (STOPPED)" if r["timed_out"] else ""),
              file=sys.stderr)
        if overlaps and r["articles"]:  # a stopped ingest leaves a consistent database: index it too
            print(f"first overlaps after the ingest of {n:,} articles ...", file=sys.stderr)
            o = measure_overlap_index(db, args.timeout)
            o["corpus"], o["articles"], o["claims"] = r["corpus"], r["articles"], r["claims"]
            results["overlap_index"].append(o)
            share = (f"; the ingest spent {o['in_ingest_s']:.1f} s of its {r['wall_s']:.1f} s keeping the index "
                     f"current ({100 * o['in_ingest_s'] / r['wall_s']:.1f}%)") if o.get("in_ingest_s") else ""
            if o.get("in_ingest_cpu_s") and r.get("cpu_s"):
                share += (f", {o['in_ingest_cpu_s']:.1f} s of the tree's {r['cpu_s']:.1f} s of CPU "
                          f"({100 * o['in_ingest_cpu_s'] / r['cpu_s']:.1f}%)")
            print(f"  {o['wall_s']:.1f} s, {o['groups']} groups, RSS {o['peak_rss_mb']['ingest_process']:.0f} MB"
                  + share, file=sys.stderr)
        largest = (db, n)  # a stopped ingest leaves whole batches: its database is queried as it is
        if r["timed_out"]:
            print(f"  stopped at the timeout with {r['articles']:,} articles stored: larger sizes skipped",
                  file=sys.stderr)
            break

    if not args.skip_queries and largest:
        targets = [largest[0]]
        if args.queries_on == "all":
            targets = [workdir / f"bench-s{args.seed}-{n}.db" for n in sizes]
        results["queries"] = []
        for db in targets:
            if not db.exists():
                continue
            print(f"queries on {db.name} ...", file=sys.stderr)
            q = bench_queries(db, args.repeats, args.seed, cli=db == largest[0])
            q.update(db=db.name, articles=row_counts(db).get("article", 0))
            results["queries"].append(q)

    show(results)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for target in filter(None, [workdir / f"results-{stamp}.json", args.json]):
        Path(target).write_text(json.dumps(results, indent=2, default=str))
        print(f"results: {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
