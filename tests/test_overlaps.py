"""Overlaps: claims in different articles that state the same thing, and whether they are independent."""

import json
import time

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.main import cli
from provenance.overlaps import (
    THRESHOLD,
    Comparer,
    Origin,
    anchor_keys,
    comparable,
    comparable_features,
    dense_groups,
    features,
    independence,
    similarity,
)

PARAPHRASE = (
    "total ISIS membership in Iraq and Syria was between 20,000 and 30,000 individuals, "
    "roughly equally distributed between the two countries",
    "ISIS still has as many as 30,000 members distributed almost equally between Syria and Iraq",
)
TOPIC_ONLY = (
    "ISIS is conducting daily attacks in Iraq and Syria, and the group has not been defeated",
    "the US-led coalition has spent billions on airstrikes against ISIS in Iraq and Syria since 2014",
)


def score(a: str, b: str, others: tuple[str, ...] = ()) -> float:
    """Similarity of two claims, with IDF from them and a few unrelated claims."""
    corpus = [features(t) for t in (a, b, *others)]
    df: dict[str, int] = {}
    for f in corpus:
        for x in f.all | f.anchors:
            df[x] = df.get(x, 0) + 1
    return similarity(corpus[0], corpus[1], df, len(corpus))[0]


FILLER = tuple(f"Officials in Ohio said on day {i} that the budget vote was delayed again" for i in range(20))


def test_a_paraphrase_overlaps():
    assert score(*PARAPHRASE, FILLER) >= THRESHOLD


def test_claims_that_share_a_topic_do_not():
    assert score(*TOPIC_ONLY, FILLER) < THRESHOLD


def test_different_figures_are_different_claims():
    a = "Clinton has 503 delegates including superdelegates after the Nevada caucuses in February"
    b = "Clinton has 882 delegates including superdelegates after the Nevada caucuses in February"
    assert score(a, b, FILLER) == 0.0


def test_the_index_s_comparer_gives_similarity_s_figures_and_compares_a_pair_once():
    texts = (*PARAPHRASE, *TOPIC_ONLY, *FILLER[:5],
             "Clinton has 503 delegates including superdelegates after the Nevada caucuses in February",
             "Clinton has 882 delegates including superdelegates after the Nevada caucuses in February")
    corpus = [features(t) for t in texts]
    df: dict[str, int] = {}
    for f in corpus:
        for x in f.all | f.anchors:
            df[x] = df.get(x, 0) + 1
    compare = Comparer(df, len(corpus))
    for a in corpus:
        for b in corpus:
            assert compare.similarity(a, b) == similarity(a, b, df, len(corpus))
    assert compare.similarity(corpus[0], corpus[1])[0] >= THRESHOLD
    assert len(compare._done) == len(corpus) ** 2  # each ordered pair once
    compare.similarity(corpus[0], corpus[1])
    assert len(compare._done) == len(corpus) ** 2


def test_names_are_one_feature_and_numbers_are_canonical():
    f = features("Ohio Gov. John Kasich said the state spent $14.3 billion on 30,000 roads")
    assert "@kasich" in f.anchors and "@john" not in f.anchors
    assert {"#14300000000", "#30000"} <= f.anchors
    assert comparable(features(PARAPHRASE[0])) and not comparable(features("he said no"))


def test_blocking_keys_are_pairs_of_anchors():
    f = features(PARAPHRASE[1])
    keys = anchor_keys(f, {})
    assert "#30000|@isis" in keys and all(k.count("|") == 1 for k in keys)


def test_feature_counts_are_added_and_read_back_in_one_pass(tmp_path):
    from collections import Counter

    from provenance.store import open_database
    from provenance.store.db import begin_write
    from provenance.store.overlap_index import _add_counts

    engine = open_database(str(tmp_path / "c.db"))
    with begin_write(engine) as conn:
        assert _add_counts(conn, Counter({"#30000": 2, "syria": 1})) == {"#30000": 2, "syria": 1}
        assert _add_counts(conn, Counter({"syria": 3, "iraq": 1})) == {"syria": 4, "iraq": 1}
        many = Counter({f"w{i}": 1 for i in range(2000)})  # more than one statement's worth of rows
        assert _add_counts(conn, many) == dict(many)
    engine.dispose()


def test_groups_do_not_chain_two_statements_through_one_claim():
    # 1-2-3 state one thing; 3 also touches 4, which states another with 5
    groups = dense_groups([(1, 2, 0.9), (1, 3, 0.8), (2, 3, 0.7), (3, 4, 0.5), (4, 5, 0.9)])
    members = [sorted(m) for _, m in groups]
    assert [1, 2, 3] in members and [4, 5] in members


@pytest.mark.parametrize("origins,independent", [
    ([Origin(1, "UN report", True), Origin(1, "UN report", True)], False),
    ([Origin(1, "UN report", True), Origin(2, "Thomas Joscelyn", True)], True),
    ([Origin(1, "UN report", True, frozenset({7})), Origin(7, "United Nations", True)], False),  # author
    ([Origin(3, "UN experts", False), Origin(4, "Experts", False)], False),
    ([Origin(1, "UN report", True), Origin(None, None, False)], False),
])
def test_independence_needs_two_different_named_origins(origins, independent):
    assert independence(origins)[0] is independent


# ---------------------------------------------------------------- end to end


def run(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def write(folder, name: str, body: str) -> None:
    (folder / name).write_text(f"{name}\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "in"
    path.mkdir()
    return path


def groups_of(tmp_path, folder) -> list[dict]:
    db = tmp_path / "ov.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    return json.loads(run(db, "overlaps", "--format", "json").stdout)


def test_one_origin_in_two_articles_is_not_independent(tmp_path, folder, fake):
    write(folder, "a.txt", "The UN report stated that total ISIS membership in Iraq and Syria is between 20,000 "
                           "and 30,000 individuals, roughly equally distributed between the two countries.")
    write(folder, "b.txt", "A United Nations report said that ISIS still has as many as 30,000 members "
                           "distributed almost equally between Syria and Iraq.")
    write(folder, "c.txt", "Reuters reported that ISIS is conducting daily attacks in Iraq and Syria near Mosul.")
    [group] = groups_of(tmp_path, folder)
    assert len(group["claims"]) == 2 and len(group["articles"]) == 2
    assert group["independent"] is False and group["origins"] == ["The UN report"]
    assert group["shared_origin"] == "The UN report"


def test_a_topic_shared_is_not_an_overlap(tmp_path, folder, fake):
    write(folder, "a.txt", "Reuters reported that ISIS is conducting daily attacks in Iraq and Syria near Mosul.")
    write(folder, "b.txt", "Thomas Joscelyn said that the coalition spent billions on airstrikes in Iraq and Syria.")
    assert groups_of(tmp_path, folder) == []


def test_different_origins_are_independent(tmp_path, folder, fake):
    write(folder, "a.txt", "The UN report stated that ISIS still has as many as 30,000 members distributed "
                           "almost equally between Syria and Iraq.")
    write(folder, "b.txt", "Thomas Joscelyn said that ISIS has as many as 30,000 members, distributed "
                           "almost equally between Iraq and Syria.")
    [group] = groups_of(tmp_path, folder)
    assert group["independent"] is True and group["shared_origin"] is None
    assert set(group["origins"]) == {"The UN report", "Thomas Joscelyn"}


def test_the_index_grows_with_new_articles_and_survives_a_rebuild(tmp_path, folder, fake):
    write(folder, "a.txt", "The UN report stated that ISIS still has as many as 30,000 members distributed "
                           "almost equally between Syria and Iraq.")
    db = tmp_path / "ov.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    assert json.loads(run(db, "overlaps", "--format", "json").stdout) == []
    write(folder, "b.txt", "Reuters reported that ISIS has as many as 30,000 members, distributed almost equally "
                           "between Iraq and Syria.")
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    [group] = json.loads(run(db, "overlaps", "--format", "json").stdout)
    assert group["independent"] is True
    rebuilt = json.loads(run(db, "overlaps", "--rebuild", "--format", "json").stdout)
    assert [g["claims"] for g in rebuilt] == [group["claims"]]
    # curation changes origins: one source now, so not independent any more
    run(db, "sources", "merge", "The UN report", "Reuters")
    [group] = json.loads(run(db, "overlaps", "--format", "json").stdout)
    assert group["independent"] is False
    assert json.loads(run(db, "overlaps", "--independent", "--format", "json").stdout) == []


def test_ingest_and_curation_keep_the_groups_current_so_overlaps_only_reads(tmp_path, folder, fake):
    from cli.overlaps_command import _groups_current
    from provenance.reads import open_reader

    write(folder, "a.txt", "The UN report stated that ISIS still has as many as 30,000 members distributed "
                           "almost equally between Syria and Iraq.")
    write(folder, "b.txt", "Reuters reported that ISIS has as many as 30,000 members, distributed almost equally "
                           "between Iraq and Syria.")
    db = tmp_path / "ov.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    with open_reader(db) as reader:
        assert _groups_current(reader) and reader.scalar("SELECT COUNT(*) FROM overlap_group") == 1
    run(db, "sources", "merge", "The UN report", "Reuters")
    with open_reader(db) as reader:
        assert _groups_current(reader)
        assert reader.scalar("SELECT independent FROM overlap_group") == 0


def test_the_ingest_cache_keeps_the_latest_claims():
    from provenance.store.overlap_index import ClaimCache, pack, unpack

    texts = [*PARAPHRASE, *TOPIC_ONLY, *FILLER]
    cache = ClaimCache(size=3)
    for i, t in enumerate(texts):
        cache.put(i, 100 + i, pack(features(t)))
    assert len(cache) == 3 and cache.get(len(texts) - 4) is None  # older: read from overlap_claim
    for i in range(len(texts) - 3, len(texts)):
        article, packed = cache.get(i)
        assert article == 100 + i and unpack(packed) == features(texts[i])  # kept packed: the same features


def test_indexing_pauses_the_cycle_collector_and_restores_it(tmp_path, monkeypatch):
    import gc

    from conftest import ARTICLE_A
    from fakes import store_texts

    from provenance.store import open_database, overlap_index
    from provenance.store.db import begin_write

    seen = []
    monkeypatch.setattr(overlap_index, "_index_chunk", lambda *a, **k: (seen.append(gc.isenabled()), (0, 0))[1])
    engine = open_database(tmp_path / "g.db")
    store_texts(engine, (ARTICLE_A, "/news/a.txt"))
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            with begin_write(engine) as conn:
                conn.exec_driver_sql("DELETE FROM overlap_state")
                overlap_index.index_new_claims(conn)
            assert seen[-1] is False and gc.isenabled() is enabled
        finally:
            gc.enable()
    engine.dispose()


def test_the_table_reads_each_group_without_its_members_text(tmp_path, folder, fake):
    from provenance import query
    from provenance.reads import open_reader

    write(folder, "a.txt", "The UN report stated that ISIS still has as many as 30,000 members distributed "
                           "almost equally between Syria and Iraq.")
    write(folder, "b.txt", "Thomas Joscelyn said that ISIS has as many as 30,000 members, distributed "
                           "almost equally between Iraq and Syria.")
    db = tmp_path / "ov.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    with open_reader(db) as reader:
        [full] = query.list_overlaps(reader)
        [brief] = query.list_overlaps(reader, members=False)
    assert "members" not in brief and brief["articles"] == [{"id": a["id"]} for a in full["articles"]]
    assert {k: v for k, v in full.items() if k not in ("members", "articles")} == \
        {k: v for k, v in brief.items() if k != "articles"}
    table = run(db, "overlaps").stdout
    assert ", ".join(map(str, full["claims"])) in table and "Thomas Joscelyn" in table and "The UN report" in table


def test_may_overlap_turns_down_only_pairs_that_score_nothing():
    """``Comparer.may_overlap`` sees only the features two claims share: it may say no only where
    ``similarity`` is 0 (what lets the index leave a packed candidate packed)."""
    from random_features import random_claims

    from provenance.overlaps import MIN_SHARED, Comparer

    df, claims = random_claims(13, 300)
    turned_down = passed = 0
    for n in (500, 5000):
        compare = Comparer(df, n)
        for a, b in zip(claims, claims[1:] + claims[:1], strict=True):
            for x, y in ((a, b), (a, a), (b, a)):
                shared = x.all & y.all
                if len(shared) < MIN_SHARED:
                    continue
                score, _ = compare._compare(x, y)
                if not compare.may_overlap(shared, y):
                    turned_down += 1
                    assert score == 0.0
                passed += score > 0
    assert turned_down and passed  # both branches were met


def test_ingest_records_the_index_time_batch_by_batch(tmp_path, folder, fake, monkeypatch):
    """overlap_state.seconds (wall) and cpu_seconds grow with each batch (a stopped ingest still tells
    the time it spent on the index) and end at the ingest's own figures; the CPU counts the claims'
    features, computed beside extraction, as well as the writer's index."""
    import provenance.ingest as ingest_mod
    from provenance.ingest import ingest
    from provenance.store import open_database, overlap_index

    write(folder, "a.txt", "The UN report stated that ISIS still has as many as 30,000 members distributed "
                           "almost equally between Syria and Iraq.")
    write(folder, "b.txt", "Reuters reported that ISIS has as many as 30,000 members, distributed almost equally "
                           "between Iraq and Syria.")
    write(folder, "c.txt", "Thomas Joscelyn said that the coalition spent billions on airstrikes in Iraq and Syria.")
    added: list[tuple[float, float]] = []
    real = overlap_index.add_seconds
    monkeypatch.setattr("provenance.ingest.add_seconds", lambda conn, s, c: (added.append((s, c)), real(conn, s, c)))
    features_of = ingest_mod.comparable_features

    def slow_features(text):  # 30 ms of CPU for each claim's features
        until = time.thread_time() + 0.03
        while time.thread_time() < until:
            pass
        return features_of(text)

    monkeypatch.setattr(ingest_mod, "comparable_features", slow_features)
    engine = open_database(tmp_path / "t.db")
    report = ingest([str(folder)], engine, workers=1, batch_size=1)
    with engine.connect() as conn:
        state = overlap_index._state(conn)
    engine.dispose()
    assert len(added) == 3 and all(s > 0 and c > 0 for s, c in added)  # before the 2nd and 3rd batches, and at the end
    assert abs(float(state["seconds"]) - report.overlap_seconds) < 0.01
    assert abs(sum(s for s, _ in added) - report.overlap_seconds) < 1e-9
    assert abs(float(state["cpu_seconds"]) - report.overlap_cpu_seconds) < 0.01
    assert report.overlap_cpu_seconds >= 0.03 * report.claims  # the features' CPU is in it


_CLAIM_PIECES = st.lists(st.sampled_from([
    "Ohio", "Gov.", "John", "Kasich", "U.S.", "al-Qaeda", "iPhone", "O’Brien's", "ISIS", "The", "Of",
    "But", "IT'S", "A", "I", "X", "-In", "’Ohio", "Mr.", "He's", "Q", "Tuesday",
    "said", "the", "budget", "vote", "was", "delayed", "again", "30,000", "$14.3", "billion", "5%", "2024",
    ".", ",", "...", "-", "'", "’", "É", "\n", "(", ")", "said.", "Smith.Jones",
]), max_size=30)


@given(st.one_of(_CLAIM_PIECES.map(" ".join), _CLAIM_PIECES.map("".join), st.text(max_size=80)))
@settings(max_examples=400, deadline=None)
def test_comparable_features_are_features_of_a_comparable_claim_and_none_otherwise(text):
    """The regular-expression test before ``features`` turns down no claim that is ``comparable``."""
    f = features(text)
    assert comparable_features(text) == (f if comparable(f) else None)


@pytest.mark.parametrize("text", [
    "iPhone sales of the budget vote were delayed in 2024",  # a capital inside a word
    "al-Qaeda budget vote delayed 2024 again",
    "O’Brien's budget vote was delayed by Smith.Jones",  # a curly apostrophe, a name run over a full stop
    "The budget vote of Gov. John Kasich was delayed in Ohio",
])
def test_claims_named_in_unusual_ways_are_still_compared(text):
    f = features(text)
    assert comparable(f) and comparable_features(text) == f


@pytest.mark.parametrize("text", [
    "The court adjourned until Tuesday",  # "The" starts the claim: a capital, not a name
    "But In the end the long delayed budget vote failed in Ohio",
    "A report said I would see the budget vote fail in Ohio",
])
def test_a_capitalized_stopword_is_not_counted_as_a_name_before_the_features(monkeypatch, text):
    import provenance.overlaps as ov

    assert not comparable(features(text))
    monkeypatch.setattr(ov, "features", lambda text: pytest.fail("features computed"))
    assert ov.comparable_features(text) is None


def test_a_claim_with_one_name_and_no_number_is_turned_down_without_its_features(monkeypatch):
    import provenance.overlaps as ov

    monkeypatch.setattr(ov, "features", lambda text: pytest.fail("features computed"))
    assert ov.comparable_features("Officials said the long delayed budget vote would fail again") is None
