"""Query commands as a person runs them: wall time of the ``provenance`` CLI in a fresh process
(interpreter start included), next to the same question asked through Python's own ``sqlite3``.

    python benchmarks/queries.py --db /tmp/q13/polnear.db --db /tmp/q13bench/bench-s1-100000.db \\
        [--repeats 20] [--format table|json] [--json OUT]

For each database and command, ``--repeats`` calls (after one warm-up call each) with varied
arguments picked from the database (sources from the widest, the middle and the tail of the
recurring ones; random claims with chains; random articles), run round-robin so that a burst
of load on the machine spreads over every command. Each call is ``provenance --db DB ...`` (the
installed console script, table output, stdout to a pipe) and then ``python -c`` opening the
database with ``sqlite3`` and running the command's main query with the same argument, printing
its rows. Reported: p50 and p95 wall milliseconds of both, and their ratio (CLI / sqlite3, at
p50). Figures and how to read them: docs/benchmarks.md. Opening a database written by an older
version migrates it: benchmark a copy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

TARGET_MS = 150.0
PAGE = 50
SEARCH = ["said", "report", "government", "president", "election", "police", "ceasefire", "inflation",
          "court", "officials", "border", "vote", "budget", "troops", "emissions OR carbon", "vaccin*"]
KINDS = ["direct", "secondhand", "vague", "unattributed"]

CLAIM_PAGE = ('SELECT c.id, c.start, c."end", c.text, c.cue, c.kind, c.hops, c.chain_text, a.id, a.path, a.title '
              "FROM claim c JOIN article a ON a.id = c.article_id WHERE a.is_current {} ORDER BY c.id LIMIT 50")


@dataclass
class Command:
    """One query command: its CLI arguments and the main query it asks, for each argument."""

    name: str
    cli: list[str]  # "{}" is replaced by the argument
    sql: str  # the same question in plain SQL; "?" takes the argument
    args: list[str] = field(default_factory=lambda: [""])


def _sample_ids(con: sqlite3.Connection, rng: random.Random, table: str, cond: str, n: int) -> list[str]:
    """``n`` ids of ``table`` rows meeting ``cond``, each the first at or after a random id."""
    top = con.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0] or 1
    rows = [con.execute(f"SELECT id FROM {table} WHERE id >= ? AND {cond} ORDER BY id LIMIT 1",
                        (rng.randint(1, top),)).fetchone() for _ in range(n)]
    return [str(r[0]) for r in rows if r]


def commands(db: Path, rng: random.Random, n: int) -> list[Command]:
    """The commands of issue 13, with arguments picked from ``db``."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    reach = con.execute("SELECT s.id, s.name FROM source_stats st JOIN source s ON s.id = st.source_id "
                        "WHERE st.article_count >= 2 ORDER BY st.article_count DESC, st.source_id").fetchall()
    k = max(1, n // 3)
    picked: list[tuple[int, str]] = []
    for group in (reach[:200], reach[len(reach) // 3: 2 * len(reach) // 3], reach[-2000:]):
        if group:
            picked += rng.sample(group, min(k, len(group)))
    claims = _sample_ids(con, rng, "claim", "hops > 0", n)
    articles = _sample_ids(con, rng, "article", "is_current", n)
    con.close()
    ids, names = [str(i) for i, _ in picked], [name for _, name in picked]
    by_alias = "c.id IN (SELECT claim_id FROM citation WHERE source_id IN (SELECT source_id FROM source_alias " \
               "WHERE alias = ?))"
    stats = ("SELECT s.id, s.name, s.type, st.article_count, st.claim_count FROM source_stats st "
             "JOIN source s ON s.id = st.source_id {} ORDER BY st.article_count DESC, st.claim_count DESC, "
             "st.source_id LIMIT 50")
    return [
        Command("articles --limit 50", ["articles", "--limit", "50"],
                "SELECT id, path, title, outlet, url, published, words FROM article WHERE is_current "
                "ORDER BY id LIMIT 50"),
        Command("claims --limit 50", ["claims", "--limit", "50"], CLAIM_PAGE.format("")),
        Command("claims --source NAME --limit 50", ["claims", "--source", "{}", "--limit", "50"],
                CLAIM_PAGE.format("AND " + by_alias), names),
        Command("claims --kind K --limit 50", ["claims", "--kind", "{}", "--limit", "50"],
                CLAIM_PAGE.format("AND c.kind = ?"), KINDS),
        Command("claims --search TEXT --limit 50", ["claims", "--search", "{}", "--limit", "50"],
                CLAIM_PAGE.format("AND c.id IN (SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?)"), SEARCH),
        Command("chain ID", ["chain", "{}"],
                "SELECT ct.position, ct.cue, ct.evidence_start, ct.evidence_end, ct.evidence_text, s.name, s.type "
                "FROM citation ct JOIN source s ON s.id = ct.source_id WHERE ct.claim_id = ? ORDER BY ct.position",
                claims),
        Command("sources --recurring --limit 50", ["sources", "--recurring", "--limit", "50"],
                stats.format("WHERE st.article_count >= 2")),
        Command("sources --limit 50", ["sources", "--limit", "50"], stats.format("")),
        Command("source ID", ["source", "{}"],
                "SELECT c.id, c.text, c.kind, c.chain_text, ct.position, ct.role FROM citation ct "
                "JOIN claim c ON c.id = ct.claim_id WHERE ct.source_id = ? ORDER BY c.id, ct.position", ids),
        Command("source NAME", ["source", "{}"],
                "SELECT c.id, c.text, c.kind, c.chain_text, ct.position, ct.role FROM citation ct "
                "JOIN claim c ON c.id = ct.claim_id WHERE ct.source_id IN (SELECT source_id FROM source_alias "
                "WHERE alias = ?) ORDER BY c.id, ct.position", names),
        Command("overlaps --limit 50", ["overlaps", "--limit", "50"],
                "SELECT g.id, g.claim_count, g.article_count, g.independent, g.origins, g.text FROM overlap_group g "
                "ORDER BY g.article_count DESC, g.claim_count DESC, g.id LIMIT 50"),
        Command("show ARTICLE", ["show", "{}", "--no-pager"],
                "SELECT a.text, c.id, c.start, c.\"end\", c.kind, c.chain_text FROM article a "
                "JOIN claim c ON c.article_id = a.id WHERE a.id = ? ORDER BY c.start", articles),
    ]


SQLITE = ("import sqlite3, sys\n"
          "con = sqlite3.connect(sys.argv[1])\n"
          "for row in con.execute(sys.argv[2], sys.argv[3:]).fetchall():\n"
          "    print(*row, sep='\\t')\n")


# A user's installation has its modules compiled to bytecode (pip does it); an environment with
# PYTHONDONTWRITEBYTECODE set would compile the project's own modules again on every call.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str]) -> tuple[float, int]:
    """Wall milliseconds of one process, and its exit code (its output read and dropped)."""
    t0 = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, check=False, env=ENV)
    return (time.perf_counter() - t0) * 1000, proc.returncode


def pct(samples: list[float], p: float) -> float:
    """The p-th percentile (nearest rank on the sorted samples, interpolated)."""
    s = sorted(samples)
    if len(s) == 1:
        return s[0]
    k = (len(s) - 1) * p / 100
    lo = int(k)
    return s[lo] + (s[min(lo + 1, len(s) - 1)] - s[lo]) * (k - lo)


def bench(db: Path, repeats: int, seed: int, exe: list[str], fmt: str = "table") -> dict:
    """Every command on ``db``: CLI (in ``fmt``) and sqlite3 timings."""
    rng = random.Random(seed)
    cmds = commands(db, rng, max(repeats, 12))
    if fmt != "table":
        for c in cmds:
            if c.cli[0] != "show":
                c.cli += ["--format", fmt]
    load_before = os.getloadavg()
    cli_ms: dict[str, list[float]] = {c.name: [] for c in cmds}
    sql_ms: dict[str, list[float]] = {c.name: [] for c in cmds}
    failures: dict[str, int] = {c.name: 0 for c in cmds}
    for c in cmds:  # warm-up: the OS page cache, and a first open that migrates a copy
        timed(exe + ["--db", str(db)] + [a.replace("{}", c.args[0]) for a in c.cli])
    for r in range(repeats):
        for c in cmds:
            arg = c.args[r % len(c.args)]
            ms, code = timed(exe + ["--db", str(db)] + [a.replace("{}", arg) for a in c.cli])
            cli_ms[c.name].append(ms)
            failures[c.name] += code != 0
            params = [arg] * c.sql.count("?")
            ms, _ = timed([sys.executable, "-c", SQLITE, str(db), c.sql, *params])
            sql_ms[c.name].append(ms)
    rows = []
    for c in cmds:
        cli, sql = cli_ms[c.name], sql_ms[c.name]
        rows.append({"command": c.name, "cli_p50_ms": pct(cli, 50), "cli_p95_ms": pct(cli, 95),
                     "cli_max_ms": max(cli), "sqlite3_p50_ms": pct(sql, 50), "sqlite3_p95_ms": pct(sql, 95),
                     "ratio_p50": pct(cli, 50) / pct(sql, 50), "failed_calls": failures[c.name],
                     "within_target": pct(cli, 95) <= TARGET_MS})
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    size = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("article", "claim", "source")}
    con.close()
    return {"db": str(db), "rows": size, "repeats": repeats, "format": fmt, "load_before": load_before,
            "load_after": os.getloadavg(), "commands": rows}


def show(result: dict) -> None:
    """One table per database."""
    size = result["rows"]
    print(f"\n{result['db']}: {size['article']:,} articles, {size['claim']:,} claims, {size['source']:,} sources; "
          f"--format {result['format']}; {result['repeats']} calls each; load average {result['load_before'][0]:.2f} "
          f"before, {result['load_after'][0]:.2f} after")
    print(f"{'command':34s} {'CLI p50':>8s} {'p95':>7s} {'sqlite3 p50':>12s} {'p95':>7s} {'ratio':>6s}")
    for r in result["commands"]:
        flag = "" if r["within_target"] else "  > 150 ms"
        fail = f"  ({r['failed_calls']} failed)" if r["failed_calls"] else ""
        print(f"{r['command']:34s} {r['cli_p50_ms']:8.0f} {r['cli_p95_ms']:7.0f} {r['sqlite3_p50_ms']:12.0f} "
              f"{r['sqlite3_p95_ms']:7.0f} {r['ratio_p50']:6.2f}{flag}{fail}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", action="append", required=True, help="an ingested SQLite database (repeatable)")
    ap.add_argument("--repeats", type=int, default=20, help="timed calls per command [20]")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", default="table", choices=["table", "json", "jsonl", "csv"],
                    help="the CLI's output format [table, what a person sees; show always draws its page]")
    ap.add_argument("--json", help="write the results here too")
    args = ap.parse_args(argv)
    script = shutil.which("provenance")
    exe = [script] if script else [sys.executable, "-m", "cli"]
    results = []
    for db in args.db:
        result = bench(Path(db), args.repeats, args.seed, exe, args.format)
        show(result)
        results.append(result)
    if args.json:
        Path(args.json).write_text(json.dumps({"cli": exe, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
