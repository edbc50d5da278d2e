"""benchmarks/run.py end to end at a small size, so the documented benchmark cannot rot
(issue 15: the 10k run died on a source name it had picked itself)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 200


@pytest.mark.slow
def test_benchmark_runs_to_the_end_at_a_small_size(tmp_path):
    """Generate, ingest, index overlaps, time every query and the CLI: exit 0, and no lookup
    the benchmark chose is refused."""
    out = tmp_path / "results.json"
    cmd = [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", str(ARTICLES), "--workers", "2",
           "--seed", "1", "--workdir", str(tmp_path / "work"), "--extract-articles", "40",
           "--polnear", str(tmp_path / "absent.jsonl"), "--repeats", "4", "--json", str(out)]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(out.read_text())
    (ingested,) = results["ingest"]
    assert ingested["articles"] == ARTICLES and ingested["exit"] == 0
    (queries,) = results["queries"]
    assert queries["arguments"]["sources"], "the benchmark picked no source names"
    refused = {q["query"]: q["error_examples"] for q in queries["queries"] if q.get("errors")}
    assert not refused, refused
    assert not [q for q in queries["queries"] if "skipped" in q and q["skipped"] != "no arguments"]
    failed = [c for c in queries["cli"] if c.get("exit")]
    assert not failed, failed


@pytest.mark.slow
def test_memory_benchmark_runs_and_reports_what_holds_the_memory(tmp_path):
    """benchmarks/memory.py (docs/benchmarks.md, fifth pass) at a small size: one line every batch
    with the memory figures, and the run's line after the regroup."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    corpus = tmp_path / "c.jsonl"
    generate.write_jsonl(corpus, 400, 1)
    out = tmp_path / "mem.jsonl"
    cmd = [sys.executable, str(ROOT / "benchmarks" / "memory.py"), str(corpus), str(tmp_path / "m.db"),
           "--every", "1", "--deep", "--json", str(out)]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    *lines, end = [json.loads(line) for line in out.read_text().splitlines()]
    batches = [b for b in lines if b["articles"]]  # (and one line before the first batch)
    assert [b["articles"] for b in batches] == [200, 400] and end["end"] and end["articles"] == 400
    for b in batches:
        assert b["hwm_mb"] >= b["rss_mb"] > 0 and b["claim_cache"] > 0 and b["resolver_sources"] > 0
        assert b["claim_cache_mb"] < 5 and "py_arenas_mb" in b


@pytest.mark.slow
def test_index_tail_replays_the_last_batches_as_the_ingest_indexed_them(tmp_path):
    """benchmarks/index_tail.py (docs/benchmarks.md, sixth pass): the last batch of a 400-article ingest,
    taken out of the overlap index and indexed again, gives the pairs the ingest stored (``--sign`` writes the
    key signatures again from the stored features: the ones the ingest wrote)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    corpus = tmp_path / "c.jsonl"
    generate.write_jsonl(corpus, 400, 1)
    db = tmp_path / "i.db"
    subprocess.run([sys.executable, "-m", "cli", "--db", str(db), "ingest", str(corpus), "--workers", "2", "-q"],
                   check=True, timeout=600, cwd=ROOT)
    out = tmp_path / "tail.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this tree's provenance, whatever is installed
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "index_tail.py"), str(db), "--batches", "1",
                          "--sign", "--json", str(out)], capture_output=True, text=True, timeout=600, cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    result = json.loads(out.read_text())
    assert result["batches"] == 1 and result["same_pairs"] and result["pairs"] > 0
