"""The overlap index's cost per batch late in a large ingest, without ingesting again: the last
``--batches`` batches of an ingested SQLite database are taken out of the index and indexed again
batch by batch, as ``provenance.ingest`` does (claims handed over, the features the extraction
workers would send, the cache holding the 20,000 claims keyed last), in this one process.

    python benchmarks/index_tail.py DB [--batches 5] [--batch 200] [--work WORK.db] [--sign] [--profile]

Prints the wall and CPU seconds of each batch's index transaction, the pairs found and whether
they are the ones the ingest stored (they are when the batches are the ingest's: 200 articles,
``provenance.ingest.BATCH_SIZE``). ``DB`` is not changed (the work is done on a copy). Used for the
sixth pass of issue 13 in docs/benchmarks.md; ``--profile`` adds cProfile's top entries. A database
written before schema version 10 has no key signatures (``overlap_key.sig``: every older candidate is
then read, as before); ``--sign`` writes them into the copy first, from ``overlap_claim``, as an ingest
by this code would have (seventh pass).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from provenance.ingest import BATCH_SIZE
from provenance.overlaps import comparable, features
from provenance.store import open_database
from provenance.store import overlap_index as oi

PAIRS = "SELECT claim_a, claim_b, score, shared FROM overlap_pair WHERE claim_b >= ? ORDER BY 1, 2"


def _digest(con: sqlite3.Connection, first: int) -> tuple[int, str]:
    rows = con.execute(PAIRS, (first,)).fetchall()
    return len(rows), hashlib.md5(repr(rows).encode()).hexdigest()


def sign(work: Path) -> int:
    """Give every key of ``work`` its claim's signature, from the claim's stored features; return the keys signed."""
    open_database(work).dispose()  # the column (migration 10)
    con = sqlite3.connect(work)
    con.execute("CREATE TEMP TABLE sig (claim_id INTEGER PRIMARY KEY, sig INTEGER)")
    con.executemany("INSERT INTO sig VALUES (?, ?)", [(cid, oi.signature(oi._all_of(packed))) for cid, packed
                                                     in con.execute("SELECT claim_id, features FROM overlap_claim")])
    con.execute("UPDATE overlap_key SET sig = (SELECT sig FROM sig WHERE sig.claim_id = overlap_key.claim_id)")
    signed = con.execute("SELECT COUNT(sig) FROM overlap_key").fetchone()[0]
    con.commit()
    con.close()
    return signed


def take_out(work: Path, batches: int, batch: int) -> tuple[int, tuple[int, str]]:
    """Remove the index rows of the last ``batches`` x ``batch`` articles' claims from ``work``; return
    the first claim id taken out and the (count, md5) of the pairs the ingest had stored for them."""
    con = sqlite3.connect(work)
    articles = [r[0] for r in con.execute("SELECT id FROM article ORDER BY id")]
    first_article = articles[-batches * batch] if len(articles) >= batches * batch else articles[0]
    first = con.execute("SELECT MIN(id) FROM claim WHERE article_id >= ?", (first_article,)).fetchone()[0]
    stored = _digest(con, first)
    counts: Counter[str] = Counter()
    taken = 0
    for (text,) in con.execute("SELECT text FROM claim WHERE id >= ?", (first,)):
        f = features(text)
        if comparable(f):
            counts.update(f.all | f.anchors)
            taken += 1
    con.executemany(
        "UPDATE overlap_feature SET claims = claims - ? WHERE feature = ?",
        [(n, x) for x, n in counts.items()],
    )
    con.execute("DELETE FROM overlap_feature WHERE claims <= 0")
    for table, column in (
        ("overlap_key", "claim_id"),
        ("overlap_claim", "claim_id"),
        ("overlap_pair", "claim_b"),
    ):
        con.execute(f"DELETE FROM {table} WHERE {column} >= ?", (first,))
    indexed = int(con.execute("SELECT value FROM overlap_state WHERE name = 'claims'").fetchone()[0])
    con.execute("UPDATE overlap_state SET value = ? WHERE name = 'claim_id'", (str(first - 1),))
    con.execute("UPDATE overlap_state SET value = ? WHERE name = 'claims'", (str(indexed - taken),))
    con.commit()
    con.close()
    return first, stored


def replay(work: Path, first: int, batch: int, profile: cProfile.Profile | None) -> list[tuple[float, float]]:
    """Index the claims from ``first`` on again, ``batch`` articles at a time; (wall, CPU) of each."""
    con = sqlite3.connect(work)
    rows = con.execute(
        "SELECT id, article_id, text FROM claim WHERE id >= ? ORDER BY id", (first,)
    ).fetchall()
    recent = con.execute(
        "SELECT claim_id, article_id, features FROM overlap_claim ORDER BY claim_id DESC LIMIT ?",
        (oi.CACHE_CLAIMS,),
    ).fetchall()
    con.close()
    cache = oi.ClaimCache()
    for cid, aid, packed in reversed(recent):
        cache.put(cid, aid, packed)
    known: dict[str, oi.Known] = {}
    for _, _, text in rows:  # what the workers send beside extraction
        f = features(text)
        known[text] = oi.pack(f) if comparable(f) else ""
    chunks: list[list[tuple[int, int, str]]] = []
    seen: list[int] = []
    for row in rows:
        if not seen or row[1] != seen[-1]:
            seen.append(row[1])
            if len(seen) > batch or not chunks:
                chunks.append([])
                seen = [row[1]]
        chunks[-1].append(row)
    engine = open_database(work)
    times = []
    for chunk in chunks:
        t0, c0 = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        with oi.begin_write(engine) as conn:  # index_new_claims(conn, known, cache, stored=chunk) in ingest,
            state = oi._state(conn)  # which would read the later batches too: they are stored already here
            indexed = int(state.get("claims", 0))
            with oi._collector_paused():
                n, _ = oi._index_chunk(conn, chunk, indexed, {t: known[t] for _, _, t in chunk}, cache)
            oi._save_state(conn, {"claim_id": str(chunk[-1][0]), "claims": str(indexed + n)})
        if profile:
            profile.disable()
        times.append((time.perf_counter() - t0, time.process_time() - c0))
    engine.dispose()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db", help="an ingested SQLite database (left unchanged)")
    ap.add_argument("--batches", type=int, default=5, help="batches at the end to index again [5]")
    ap.add_argument("--batch", type=int, default=BATCH_SIZE, help=f"articles a batch [{BATCH_SIZE}]")
    ap.add_argument("--work", help="the working copy [a temporary file]")
    ap.add_argument("--sign", action="store_true", help="write the key signatures of an older database first")
    ap.add_argument("--profile", action="store_true", help="print cProfile's top entries, by own time")
    ap.add_argument("--json", help="write the figures here too")
    args = ap.parse_args(argv)
    tmp = None
    if args.work:
        work = Path(args.work)
    else:
        tmp = tempfile.mkdtemp(prefix="index-tail-")
        work = Path(tmp) / "work.db"
    try:
        shutil.copy(args.db, work)
        if args.sign:
            print(f"signed {sign(work):,} keys")
        first, stored = take_out(work, args.batches, args.batch)
        prof = cProfile.Profile() if args.profile else None
        times = replay(work, first, args.batch, prof)
        con = sqlite3.connect(work)
        found = _digest(con, first)
        con.close()
        result = {
            "db": args.db,
            "batches": len(times),
            "wall_s": [round(w, 3) for w, _ in times],
            "cpu_s": [round(c, 3) for _, c in times],
            "pairs": found[0],
            "same_pairs": found == stored,
            "load": os.getloadavg()[0],
        }
        print(
            f"{len(times)} batches: wall {sum(w for w, _ in times):.2f} s ({', '.join(f'{w:.2f}' for w, _ in times)}), "
            f"CPU {sum(c for _, c in times):.2f} s; {found[0]} pairs, "
            f"{'the same as the ingest stored' if found == stored else 'NOT the ones the ingest stored'}; "
            f"load {result['load']:.2f}"
        )
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=2))
        if prof:
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return 0 if found == stored else 1
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
