"""Shared fixtures: a fresh database (SQLite, or PostgreSQL when one can be had), the fake
extractor, and small article folders.

PostgreSQL: ``PROVENANCE_TEST_PG=postgresql://user@host:port/db`` names a server the tests
may create and drop databases on (``.ci/run`` starts one and sets it). Without it, a
throwaway server is started on loopback if PostgreSQL's ``initdb``/``pg_ctl`` are installed
(as root, through the ``postgres`` system user); else the PostgreSQL tests are skipped,
saying why.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes import fake_extract  # noqa: E402

from provenance.store import open_database  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

ARTICLE_A = """Islamic State will survive as a secret copy

According to Associated Press, the UN report stated that ISIS will survive as a secret copy.
Thomas Joscelyn said that the group is not defeated.
Two officials said that talks had stalled.
The weather was fine.
"""

ARTICLE_B = """Second article on the same report

According to Reuters, the UN report stated that membership is between 20,000 and 30,000.
Mr Thomas Joscelyn said that ISIS knew it would lose its territory.
Associated Press reported that the leaders moved to Iran.

Source » alarabiya
"""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: real subprocesses (kill -9, concurrency, memory); they run by default, "
                   "deselect with -m 'not slow' for a quick pass")


@pytest.fixture
def db(tmp_path):
    """A fresh, migrated SQLite database file."""
    engine = open_database(tmp_path / "test.db")
    yield engine
    engine.dispose()


@pytest.fixture
def fake(monkeypatch):
    """Make ingest use the predictable fake extractor (worker processes are forked, so they see it)."""
    import provenance.ingest

    monkeypatch.setattr(provenance.ingest, "extract", fake_extract)
    return fake_extract


@pytest.fixture
def corpus(tmp_path):
    """A folder with two small articles the fake extractor reads into known chains."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- PostgreSQL


def _pg_bindir() -> str | None:
    """A folder with initdb and pg_ctl (newest Debian layout first, then PATH)."""
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]) if
                    p.split("/")[-2].isdigit() else 0, reverse=True):
        if os.path.exists(os.path.join(d, "initdb")) and os.path.exists(os.path.join(d, "pg_ctl")):
            return d
    found = shutil.which("initdb")
    return os.path.dirname(found) if found and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_pg(bindir: str):
    """Start a throwaway server on loopback; return (url, stop) or raise RuntimeError(why)."""
    run_as: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root
        try:
            import pwd

            pw = pwd.getpwnam("postgres")
        except KeyError as e:
            raise RuntimeError("running as root and there is no 'postgres' user to run a server as") from e
        run_as = ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else None
        if run_as is None:
            raise RuntimeError("running as root and runuser is not available")
    base = tempfile.mkdtemp(prefix="provenance-pg-")
    data, sock = os.path.join(base, "data"), base
    if run_as:
        os.chown(base, pw.pw_uid, pw.pw_gid)
    port = _free_port()
    log = os.path.join(base, "server.log")
    cmds = [
        [*run_as, os.path.join(bindir, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync",
         "-E", "UTF8", "--locale=C.UTF-8"],
        [*run_as, os.path.join(bindir, "pg_ctl"), "-D", data, "-l", log, "-w", "-t", "60", "-o",
         f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", "start"],
    ]
    for cmd in cmds:
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            shutil.rmtree(base, ignore_errors=True)
            raise RuntimeError(f"{os.path.basename(cmd[len(run_as)])} failed: {' / '.join(tail)}")

    def stop() -> None:
        subprocess.run([*run_as, os.path.join(bindir, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)

    return f"postgresql://postgres@127.0.0.1:{port}/postgres", stop


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL server the tests may create databases on; skips when there is none."""
    url = os.environ.get("PROVENANCE_TEST_PG")
    if url:
        yield url
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests skipped: psycopg is not installed (pip install -e '.[test,postgres]')")
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL tests skipped: no PROVENANCE_TEST_PG and no PostgreSQL server binaries "
                    "(initdb, pg_ctl) to start one; install postgresql or set PROVENANCE_TEST_PG")
    try:
        url, stop = _start_pg(bindir)
    except (RuntimeError, OSError) as e:
        pytest.skip(f"PostgreSQL tests skipped: cannot start a temporary server: {e}")
    try:
        yield url
    finally:
        stop()


def _pg_admin(server_url: str):
    import psycopg
    from sqlalchemy import make_url

    u = make_url(server_url)
    return psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password,
                           dbname=u.database or "postgres", autocommit=True)


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database on the test server (dropped afterwards): its URL."""
    from sqlalchemy import make_url

    name = "provenance_test_" + uuid.uuid4().hex[:12]
    try:
        with _pg_admin(pg_server) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except Exception as e:  # noqa: BLE001 (any driver error: the server is not usable)
        pytest.skip(f"PostgreSQL tests skipped: cannot create a database on {pg_server}: {e}")
    url = make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    yield url
    with _pg_admin(pg_server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request, tmp_path):
    """A fresh database URL on each backend (the PostgreSQL case skips when there is no server)."""
    if request.param == "sqlite":
        return "sqlite:///" + str(tmp_path / "any.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def any_db(any_url):
    """A fresh, migrated database engine on each backend."""
    engine = open_database(any_url)
    yield engine
    engine.dispose()


@pytest.fixture
def corpus_db(tmp_path, corpus, fake):
    """The ``corpus`` folder ingested (fake extractor) into a fresh SQLite database file."""
    from cli_run import run

    db = tmp_path / "c.db"
    run(db, "ingest", str(corpus), "--workers", "1")
    return db
