"""Stored overlap features (schema version 8, issue 13): each indexed claim's features are kept in
overlap_claim, so a later claim that meets it as a candidate reads them instead of extracting them
from its text again; a database from before gets the table on open and fills it as it goes."""

import json
import sqlite3

import pytest
from cli_run import run

from provenance.overlaps import Features, features
from provenance.store import open_database, overlap_index
from provenance.store.migrations import LATEST

UN = ("The UN report stated that ISIS still has as many as 30,000 members distributed almost equally "
      "between Syria and Iraq.")
REUTERS = "Reuters reported that ISIS has as many as 30,000 members, distributed almost equally between Iraq and Syria."
AP = ("Associated Press reported that ISIS has as many as 30,000 members, distributed almost equally between "
      "Syria and Iraq.")
TEXTS = [
    "total ISIS membership in Iraq and Syria was between 20,000 and 30,000 individuals, roughly equally distributed",
    "Ohio Gov. John Kasich said the state spent $14.3 billion on 30,000 roads, up 2.5% from 1999",
    "the deficit reached 0.75 of the forecast, said Jean-Claude Juncker of the European Commission",
    "Officials in Ohio said on day 3 that the budget vote was delayed again",
    "no names or numbers here, only words said plainly",
    "",
]


def write(folder, name: str, body: str) -> None:
    (folder / name).write_text(f"{name}\n\n{body}\n", encoding="utf-8")


PAIRS = "SELECT claim_a, claim_b, score, shared FROM overlap_pair ORDER BY claim_a, claim_b"


def ingest_three(url, folder):
    """Ingest the UN, Reuters and AP stories; the open engine, the claims (id, article, text) and the
    pairs the ingest found, for tests that index them again another way."""
    for name, text in (("a.txt", UN), ("b.txt", REUTERS), ("c.txt", AP)):
        write(folder, name, text)
    run(url, "ingest", str(folder), "--workers", "1", "-q")
    engine = open_database(url)
    with engine.connect() as conn:
        claims = [tuple(r) for r in conn.exec_driver_sql("SELECT id, article_id, text FROM claim ORDER BY id")]
        want = [tuple(r) for r in conn.exec_driver_sql(PAIRS)]
    return engine, claims, want


def rows(db, sql: str, *params) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "in"
    path.mkdir()
    return path


@pytest.fixture
def extractions(monkeypatch):
    """Count the features extracted by the overlap index itself (not by the ingest workers)."""
    calls: list[str] = []

    def counted(text: str) -> Features:
        calls.append(text)
        return features(text)

    monkeypatch.setattr(overlap_index, "features", counted)
    return calls


def to_version_7(db) -> None:
    """Make ``db`` what schema version 7 wrote: no overlap_claim nor the indexes of version 9, and
    migrations 8 and later not recorded."""
    con = sqlite3.connect(db)
    con.execute("DROP TABLE overlap_claim")
    con.execute("DROP INDEX ix_citation_source_claim")
    con.execute("DROP INDEX ix_overlap_group_reach")
    con.execute("CREATE INDEX ix_citation_source_id ON citation (source_id)")
    con.execute("DELETE FROM schema_migrations WHERE version >= 8")
    con.commit()
    con.close()


@pytest.mark.parametrize("text", TEXTS)
def test_packed_features_give_back_the_same_features(text):
    f = features(text)
    back = overlap_index.unpack(overlap_index.pack(f))
    assert back == f and (back.anchors, back.words, back.content, back.all) == (f.anchors, f.words, f.content, f.all)
    assert overlap_index._all_of(overlap_index.pack(f)) == f.all  # what a candidate is first filtered on


def test_migration_8_is_applied_and_recorded(tmp_path):
    engine = open_database(tmp_path / "m.db")
    engine.dispose()
    assert LATEST >= 8
    [(name,)] = rows(tmp_path / "m.db", "SELECT name FROM schema_migrations WHERE version = 8")
    assert name.startswith("table overlap_claim")
    assert rows(tmp_path / "m.db", "SELECT name FROM sqlite_master WHERE name = 'overlap_claim'")


def test_ingest_stores_the_features_of_every_keyed_claim(tmp_path, folder, fake):
    write(folder, "a.txt", UN)
    write(folder, "b.txt", REUTERS)
    db = tmp_path / "ov.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    keyed = rows(db, "SELECT DISTINCT claim_id FROM overlap_key ORDER BY claim_id")
    stored = rows(db, "SELECT o.claim_id, o.article_id, o.features, c.article_id, c.text FROM overlap_claim o "
                      "JOIN claim c ON c.id = o.claim_id ORDER BY o.claim_id")
    assert len(keyed) >= 2 and [(r[0],) for r in stored] == keyed
    for _, aid, packed, claim_aid, text in stored:
        assert aid == claim_aid and overlap_index.unpack(packed) == features(text)
    run(db, "overlaps", "--rebuild", "--format", "json")
    assert rows(db, "SELECT claim_id, article_id, features FROM overlap_claim ORDER BY claim_id") == \
        [r[:3] for r in stored]


def test_an_old_candidate_is_read_not_extracted_again(tmp_path, folder, fake, extractions):
    write(folder, "a.txt", UN)
    db = tmp_path / "ov.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    write(folder, "b.txt", REUTERS)
    run(db, "ingest", str(folder), "--workers", "1", "-q")  # a new ingest: a's claim is in no cache
    [group] = json.loads(run(db, "overlaps", "--format", "json").stdout)
    assert len(group["claims"]) == 2
    assert extractions == []  # the workers gave b's features, a's were read from overlap_claim


def test_a_version_7_database_is_upgraded_on_open_and_fills_in_as_it_goes(tmp_path, folder, fake, extractions):
    write(folder, "a.txt", UN)
    db = tmp_path / "ov.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    [(a_claim,)] = rows(db, "SELECT DISTINCT claim_id FROM overlap_key")
    to_version_7(db)
    assert json.loads(run(db, "overlaps", "--format", "json").stdout) == []  # opened, migrated, still read
    assert rows(db, "SELECT MAX(version) FROM schema_migrations") == [(LATEST,)]
    assert rows(db, "SELECT COUNT(*) FROM overlap_claim") == [(0,)]  # not backfilled: filled when met
    write(folder, "b.txt", REUTERS)
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    [(text,)] = rows(db, "SELECT text FROM claim WHERE id = ?", a_claim)
    assert extractions == [text]  # a's claim, indexed before version 8: extracted once, then stored
    assert rows(db, "SELECT features FROM overlap_claim WHERE claim_id = ?", a_claim) == \
        [(overlap_index.pack(features(text)),)]
    extractions.clear()
    write(folder, "c.txt", AP)
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    assert extractions == []  # now read
    [group] = json.loads(run(db, "overlaps", "--format", "json").stdout)
    assert len(group["claims"]) == 3


def test_an_upgraded_database_groups_as_a_new_one(tmp_path, folder, fake):
    texts = {"a.txt": UN, "b.txt": REUTERS, "c.txt": AP}
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    for name in ("a.txt", "b.txt"):
        write(folder, name, texts[name])
    for db in (old, new):
        run(db, "ingest", str(folder), "--workers", "1", "-q")
    to_version_7(old)
    write(folder, "c.txt", texts["c.txt"])
    for db in (old, new):
        run(db, "ingest", str(folder), "--workers", "1", "-q")
    assert run(old, "overlaps", "--format", "json").stdout == run(new, "overlaps", "--format", "json").stdout


def test_stored_features_are_read_on_both_backends(any_url, tmp_path, folder, fake, extractions):
    write(folder, "a.txt", UN)
    run(any_url, "ingest", str(folder), "--workers", "1", "-q")
    write(folder, "b.txt", REUTERS)
    run(any_url, "ingest", str(folder), "--workers", "1", "-q")
    [group] = json.loads(run(any_url, "overlaps", "--format", "json").stdout)
    assert len(group["claims"]) == 2 and extractions == []
    rebuilt = json.loads(run(any_url, "overlaps", "--rebuild", "--format", "json").stdout)
    assert [g["claims"] for g in rebuilt] == [group["claims"]]


def test_ingest_hands_the_index_the_claims_it_stored_instead_of_reading_them(any_url, folder, fake, monkeypatch):
    handed: list[tuple[list, object]] = []
    real = overlap_index._all_new

    def spy(conn, last, stored):
        got = real(conn, last, stored)
        handed.append((list(stored), got))
        return got

    monkeypatch.setattr(overlap_index, "_all_new", spy)
    write(folder, "a.txt", UN)
    write(folder, "b.txt", REUTERS)
    run(any_url, "ingest", str(folder), "--workers", "1", "-q")
    engine = open_database(any_url)
    with engine.connect() as conn:
        claims = [tuple(r) for r in conn.exec_driver_sql("SELECT id, article_id, text FROM claim ORDER BY id")]
    engine.dispose()
    [(stored, got)] = handed  # one batch: its claims, with the ids the writer gave them, taken as they are
    assert len(claims) >= 2 and stored == claims and got == claims


def test_claims_the_writer_did_not_hand_over_are_read(any_url, folder, fake):
    """A batch stored but not indexed (a run stopped between the two), or another writer's claims: the
    index reads every claim after its last one, as it did before the writer handed them over."""
    from provenance.store.db import begin_write

    engine, claims, want = ingest_three(any_url, folder)
    assert len(want) == 3
    for handed in ([], claims[-1:], claims[1:], claims[:1], list(reversed(claims))):
        with begin_write(engine) as conn:
            for table in ("overlap_key", "overlap_claim", "overlap_feature", "overlap_pair", "overlap_state"):
                conn.exec_driver_sql(f"DELETE FROM {table}")
            expect = sorted(handed) if handed == claims or sorted(handed) == claims else None
            assert overlap_index._all_new(conn, 0, handed) == expect
            report = overlap_index.index_new_claims(conn, stored=handed)
            assert report.claims_indexed == 3
            assert [tuple(r) for r in conn.exec_driver_sql(PAIRS)] == want
            assert overlap_index._all_new(conn, claims[-1][0], []) == []  # nothing new, nothing handed
    engine.dispose()


@pytest.mark.parametrize("size", [10, 1, None])
def test_the_ingest_cache_keeps_packed_features_and_pairs_as_a_read_would(any_url, folder, fake, monkeypatch, size):
    """The ingest's ClaimCache keeps the packed features of the claims indexed last (a string each, not
    four sets: the ingest's memory, fifth pass); a candidate found there is compared as one read from
    overlap_claim is, and one evicted from it is read: the same pairs either way, and without a cache."""
    from provenance.store.db import begin_write

    engine, claims, want = ingest_three(any_url, folder)
    said = [c[0] for c in claims if len(c[2]) > 20]  # the claims of the three bodies (the titles' are too short)
    assert len(said) == 3 and len(want) == 3
    read: list[int] = []
    real = overlap_index._stored
    monkeypatch.setattr(overlap_index, "_stored", lambda conn, ids: (read.extend(ids), real(conn, ids))[1])
    cache = overlap_index.ClaimCache(size) if size else None
    with begin_write(engine) as conn:
        for table in ("overlap_key", "overlap_claim", "overlap_feature", "overlap_pair", "overlap_state"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
    indexed = 0
    for claim in claims:  # one chunk a claim, as ingest indexes batch by batch
        with begin_write(engine) as conn:
            indexed += overlap_index._index_chunk(conn, [claim], indexed, None, cache)[0]
    with engine.connect() as conn:
        assert [tuple(r) for r in conn.exec_driver_sql(PAIRS)] == want
        stored = {r[0]: (r[1], r[2]) for r in conn.exec_driver_sql("SELECT claim_id, article_id, features "
                                                                      "FROM overlap_claim")}
    engine.dispose()
    if size == 10:  # every candidate was in the cache, kept as overlap_claim holds it
        assert read == [] and dict(cache.recent) == stored
        assert all(isinstance(p, str) for _, p in cache.recent.values())
    elif size == 1:  # the cache keeps the last claim only: the first one is read when the third meets it
        assert list(cache.recent) == [said[-1]] and read == [said[0]]
    else:
        assert read == [said[0], said[0], said[1]]


def test_packed_features_are_the_same_text_whatever_the_hash_seed():
    """overlap_claim.features does not depend on PYTHONHASHSEED (set order): two ingests of the same
    input store the same text."""
    import os
    import subprocess
    import sys

    code = ("import json, sys; from provenance.overlaps import features; from provenance.store.overlap_index "
            "import pack; print(json.dumps([pack(features(t)) for t in json.loads(sys.argv[1])]))")
    outs = {subprocess.run([sys.executable, "-c", code, json.dumps(TEXTS)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    [out] = outs
    packed = json.loads(out)
    assert packed == [overlap_index.pack(features(t)) for t in TEXTS]
    for p in packed:
        assert all(part.split() == sorted(part.split()) for part in p.split("|"))
    assert any(len(p.split("|")[2].split()) > 3 for p in packed)
