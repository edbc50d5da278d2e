"""The Datasette metadata: valid for the database, and (when Datasette is installed) served on
loopback with its canned queries answering as the same SQL does."""

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from cli.main import cli
from provenance.datasette import HIDDEN, QUERIES, TABLES, database_name, metadata
from provenance.ingest import ingest

needs_datasette = pytest.mark.skipif(
    importlib.util.find_spec("datasette") is None,
    reason="Datasette is not installed (pip install -e '.[web]'); .ci/run installs the [web] extra")


@pytest.fixture
def stored(db, corpus, fake):
    ingest([str(corpus)], db, workers=1)
    return db


def test_described_tables_and_columns_exist(stored):
    with stored.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"))}
        for table, spec in TABLES.items():
            assert table in names, table
            cols = {r[1] for r in conn.execute(text(f'PRAGMA table_info("{table}")'))}
            assert set(spec.get("columns", {})) <= cols, table
            if "label_column" in spec:
                assert spec["label_column"] in cols, table
        assert set(HIDDEN) <= names


def test_canned_queries_run_on_the_database(stored):
    params = {"source": "thomas joscelyn", "article_id": 1}
    with stored.connect() as conn:
        for name, spec in QUERIES.items():
            rows = conn.execute(text(spec["sql"]), params).all()
            if name in ("source_claims", "article_claims", "recurring_sources", "secondhand_by_outlet"):
                assert rows, name
    with stored.connect() as conn:
        joscelyn = conn.execute(text(QUERIES["source_claims"]["sql"]), params).all()
    assert len(joscelyn) == 2  # one claim in each article


def test_the_command_names_the_database_like_datasette(tmp_path, stored):
    out = CliRunner().invoke(cli, ["--db", str(tmp_path / "news.db"), "datasette-metadata"]).stdout
    assert list(json.loads(out)["databases"]) == ["news"]
    assert database_name("sqlite:////tmp/a/provenance.db") == "provenance"
    assert database_name("postgresql://u@h/db") == "provenance"
    assert metadata("x")["databases"]["x"]["queries"]["recurring_sources"]["sql"].startswith("SELECT")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_json(url: str, deadline: float):
    """GET ``url`` as JSON, retrying until the server answers or ``deadline`` passes."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return json.load(resp)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@needs_datasette
def test_datasette_serves_the_canned_queries(stored, tmp_path):
    db_file = stored.url.database
    meta = tmp_path / "metadata.json"
    meta.write_text(json.dumps(metadata("test")), encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", db_file, "-m", str(meta), "--host", "127.0.0.1",
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}/test"
        deadline = time.monotonic() + 60
        rows = fetch_json(f"{base}/source_claims.json?source=Thomas+Joscelyn&_shape=array", deadline)
        assert [r["claim_id"] for r in rows] and {r["role"] for r in rows} == {"origin"}
        ordered = fetch_json(f"{base}/article_claims.json?article_id=1&_shape=array", deadline)
        assert [r["start"] for r in ordered] == sorted(r["start"] for r in ordered)
        described = fetch_json(f"http://127.0.0.1:{port}/-/metadata.json", deadline)
        assert "claim" in described["databases"]["test"]["tables"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stderr.close()
