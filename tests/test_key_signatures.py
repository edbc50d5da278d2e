"""Key signatures (schema version 10, issue 13, seventh pass): each overlap_key row holds its claim's
features as a 63-bit Bloom filter, and a candidate whose signature shows it cannot overlap the new
claim is turned down before its features are read; the pairs found are the same."""

import sqlite3

import pytest
from cli_run import run
from random_features import random_claims
from test_overlap_claims import AP, PAIRS, REUTERS, TEXTS, UN, ingest_three, rows, write

from provenance.overlaps import MIN_SHARED, Comparer, features
from provenance.store import overlap_index
from provenance.store.db import begin_write
from provenance.store.migrations import LATEST


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "in"
    path.mkdir()
    return path


def test_a_signature_holds_the_bits_of_every_feature_of_its_claim():
    for text in TEXTS:
        f = features(text)
        sig = overlap_index.signature(f.all)
        assert 0 <= sig < 2 ** 63  # a signed 64-bit integer in the database
        assert all(sig & overlap_index._mask(x) == overlap_index._mask(x) for x in f.all)
        assert bin(overlap_index._mask("syria")).count("1") in (1, 2)
    assert overlap_index.signature([]) == 0


def test_signatures_turn_down_only_candidates_that_score_nothing():
    """``_needed`` keeps an older candidate whenever the full comparison could pair it with the claim
    it is a candidate of; the ones it turns down all score 0 (random claims, as the test of
    ``Comparer.may_overlap`` draws them)."""
    df, claims = random_claims(10, 400)
    turned_down = kept = paired = 0
    for n in (500, 5000):
        compare = Comparer(df, n)
        for i, (a, b) in enumerate(zip(claims, claims[1:] + claims[:1], strict=True)):
            for x, y in ((a, b), (b, a), (a, a)):
                need = overlap_index._needed({-1: {i}}, {-1: y}, {i: overlap_index.signature(x.all)}, compare)
                score, _ = compare._compare(x, y)
                if need:
                    kept += 1
                    paired += score > 0
                else:
                    turned_down += 1
                    assert score == 0.0
                assert len(x.all & y.all) < MIN_SHARED or need or score == 0.0
    assert turned_down and kept and paired  # every branch was met
    # a candidate without a signature (keys written before version 10) is always read
    compare = Comparer(df, 500)
    assert overlap_index._needed({-1: {7}}, {-1: claims[0]}, {7: -1}, compare) == {7}
    assert overlap_index._needed({-1: {7}}, {-1: claims[0]}, {}, compare) == {7}


def test_ingest_writes_a_signature_with_every_key(tmp_path, folder, fake):
    write(folder, "a.txt", UN)
    write(folder, "b.txt", REUTERS)
    db = tmp_path / "k.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    keys = rows(db, "SELECT k.claim_id, k.sig, o.features FROM overlap_key k JOIN overlap_claim o USING (claim_id)")
    assert keys and all(sig == overlap_index.signature(overlap_index._all_of(packed)) for _, sig, packed in keys)
    assert rows(db, "SELECT COUNT(*) FROM overlap_key WHERE sig IS NULL") == [(0,)]


@pytest.mark.parametrize("signed", [True, False])
def test_keys_without_signatures_pair_as_keys_with_them(any_url, folder, fake, signed):
    """Keys written before version 10 have no signature: their claims are read as candidates, as before,
    and the pairs are the ones a new database finds; so are they when every key has one."""
    engine, claims, want = ingest_three(any_url, folder)
    assert len(want) == 3
    read: list[int] = []
    real = overlap_index._stored
    with begin_write(engine) as conn:
        for table in ("overlap_key", "overlap_claim", "overlap_feature", "overlap_pair", "overlap_state"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
    indexed = 0
    overlap_index._stored = lambda conn, ids: (read.extend(ids), real(conn, ids))[1]  # type: ignore[assignment]
    try:
        for claim in claims:  # one chunk a claim, no cache: every older candidate is read or turned down
            with begin_write(engine) as conn:
                indexed += overlap_index._index_chunk(conn, [claim], indexed)[0]
                if not signed:
                    conn.exec_driver_sql("UPDATE overlap_key SET sig = NULL")
    finally:
        overlap_index._stored = real  # type: ignore[assignment]
    with engine.connect() as conn:
        assert [tuple(r) for r in conn.exec_driver_sql(PAIRS)] == want
    engine.dispose()
    said = [c[0] for c in claims if len(c[2]) > 20]
    if signed:  # the three bodies pair with one another: their candidates pass on their signatures
        assert set(read) <= set(said) and read
    else:
        assert read == [said[0], said[0], said[1]]


def test_a_version_9_database_gets_the_column_on_open(tmp_path, folder, fake):
    write(folder, "a.txt", UN)
    write(folder, "b.txt", REUTERS)
    db = tmp_path / "v9.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    con = sqlite3.connect(db)
    con.execute("ALTER TABLE overlap_key DROP COLUMN sig")
    con.execute("DELETE FROM schema_migrations WHERE version >= 10")
    con.commit()
    con.close()
    write(folder, "c.txt", AP)
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    assert LATEST >= 10 and rows(db, "SELECT MAX(version) FROM schema_migrations") == [(LATEST,)]
    assert rows(db, "SELECT name FROM schema_migrations WHERE version = 10")[0][0].startswith("column overlap_key.sig")
    # the keys of the first two articles have none (not backfilled), the third's have
    assert rows(db, "SELECT COUNT(*) FROM overlap_key WHERE sig IS NULL")[0][0] > 0
    assert rows(db, "SELECT COUNT(*) FROM overlap_key WHERE sig IS NOT NULL")[0][0] > 0
    assert len(rows(db, "SELECT * FROM overlap_pair")) == 3


def test_groups_keep_only_current_articles_when_one_is_superseded(tmp_path, folder, fake):
    """``regroup`` reads every pair in key order while every article is current, and joins the pairs to
    their articles once one is not: the claims of an earlier version leave the groups."""
    write(folder, "a.txt", UN)
    write(folder, "b.txt", REUTERS)
    db = tmp_path / "v.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    members = "SELECT m.claim_id, a.is_current FROM overlap_member m JOIN article a ON a.id = m.article_id"
    first = rows(db, members)
    assert len(first) == 2 and all(current for _, current in first)
    write(folder, "b.txt", REUTERS + " Officials said more would follow.")  # a new version of b
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    assert rows(db, "SELECT COUNT(*) FROM article WHERE is_current = 0") == [(1,)]
    after = rows(db, members)
    assert len(after) == 2 and all(current for _, current in after) and after != first
    old = {cid for cid, _ in first} - {cid for cid, _ in after}
    assert old and rows(db, "SELECT COUNT(*) FROM overlap_pair WHERE claim_a IN ({0}) OR claim_b IN ({0})".format(
        ", ".join(map(str, old))))[0][0] > 0  # its pair is kept in the index, not in the groups
