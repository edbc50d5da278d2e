"""Storage: migrations, constraints, views, full-text search, idempotence, versions, atomicity."""

import pytest
from conftest import ARTICLE_A, ARTICLE_B
from fakes import fail_claims_containing
from fakes import store_texts as store
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from provenance.errors import DatabaseError, SchemaTooNewError
from provenance.models import ChainLink, Claim, Document, Entity, Mention, Reading, Span
from provenance.readers import parse_text
from provenance.resolve import normalize_name
from provenance.store import open_database, writer
from provenance.store.migrations import LATEST, MIGRATIONS, VIEWS
from provenance.store.writer import store_batch


def doc_of(body: str, path: str) -> Document:
    return parse_text(body).model_copy(update={"path": path})


def q(engine, sql, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).all()


# ---------------------------------------------------------------- schema


def test_migrations_recorded_once(tmp_path):
    path = tmp_path / "m.db"
    open_database(path).dispose()
    engine = open_database(path)  # a second open applies nothing new
    assert q(engine, "SELECT version FROM schema_migrations") == [(m.version,) for m in MIGRATIONS]
    assert MIGRATIONS[-1].version == LATEST


def test_newer_schema_is_refused(db, tmp_path):
    with db.begin() as conn:
        conn.execute(text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2100-01-01')"))
    with pytest.raises(SchemaTooNewError, match="newer"):
        open_database(tmp_path / "test.db")


def test_bad_database_locations_give_clear_errors(tmp_path):
    open_database(tmp_path / "missing" / "x.db").dispose()  # a new database's folder is created
    assert (tmp_path / "missing" / "x.db").is_file()
    (tmp_path / "file").write_text("")
    with pytest.raises(DatabaseError, match="cannot create folder"):
        open_database(tmp_path / "file" / "x.db")
    (tmp_path / "junk.db").write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError, match="not a database"):
        open_database(tmp_path / "junk.db")
    with pytest.raises(DatabaseError, match="no database"):
        open_database(tmp_path / "absent.db", create=False)


def test_every_connection_has_the_pragmas(db):
    for _ in range(2):
        with db.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError):
        with db.begin() as conn:
            conn.execute(text('INSERT INTO mention (article_id, source_id, start, "end", text) VALUES (999, 999, 0, 1, "x")'))


def test_check_constraints_reject_bad_rows(db):
    store(db, (ARTICLE_A, "/a.txt"))
    with pytest.raises(IntegrityError):
        with db.begin() as conn:
            conn.execute(text("UPDATE claim SET kind = 'gossip' WHERE id = 1"))


def test_indexes_on_foreign_keys(db):
    indexed = {(r[0], r[1]) for r in q(db, """
        SELECT m.name, ii.name FROM sqlite_master m, pragma_index_list(m.name) il,
               pragma_index_info(il.name) ii WHERE m.type = 'table' AND ii.seqno = 0""")}
    # an INTEGER PRIMARY KEY is the rowid itself: the table is ordered by it (source_stats.source_id)
    indexed |= {(r[0], r[1]) for r in q(db, """
        SELECT m.name, ti.name FROM sqlite_master m, pragma_table_info(m.name) ti
        WHERE m.type = 'table' AND ti.pk = 1 AND upper(ti.type) = 'INTEGER'
          AND (SELECT COUNT(*) FROM pragma_table_info(m.name) WHERE pk > 0) = 1""")}
    fks = {(r[0], r[1]) for r in q(db, """
        SELECT m.name, fk."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) fk
        WHERE m.type = 'table'""")}
    assert fks and fks <= indexed, fks - indexed


def test_views_and_fts_are_declared(db):
    names = {r[0] for r in q(db, "SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert names == set(VIEWS) == {"claim_chain", "recurring_source", "secondhand_claim"}
    [(sql,)] = q(db, "SELECT sql FROM sqlite_master WHERE name = 'claim_fts'")
    assert 'content="claim"' in sql  # quoted, so Datasette detects it


# ---------------------------------------------------------------- writing and reading back


def test_views_return_chains_and_recurring_sources(db):
    results = store(db, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"))
    assert [r.status for r in results] == ["added", "added"]
    chains = q(db, "SELECT claim, kind, hops, chain FROM claim_chain WHERE hops > 0 ORDER BY claim_id")
    assert chains[0] == ("ISIS will survive as a secret copy", "secondhand", 2, "the UN report ← Associated Press")
    second = {r[0]: r[1] for r in q(db, "SELECT claim, origin FROM secondhand_claim")}
    assert second["membership is between 20,000 and 30,000"] == "the UN report"
    recurring = {r[0]: r[1] for r in q(db, "SELECT name, article_count FROM recurring_source")}
    # "Mr Thomas Joscelyn" and "Thomas Joscelyn" are one source; "Two officials" is not shared
    assert recurring == {"the UN report": 2, "Thomas Joscelyn": 2, "Associated Press": 2}


def test_offsets_slice_the_stored_text(db):
    store(db, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"))
    bad = q(db, """
        SELECT 'claim', c.id FROM claim c JOIN article a ON a.id = c.article_id
          WHERE substr(a.text, c.start + 1, c."end" - c.start) != c.text
        UNION ALL SELECT 'citation', ci.id FROM citation ci JOIN claim c ON c.id = ci.claim_id
          JOIN article a ON a.id = c.article_id
          WHERE substr(a.text, ci.evidence_start + 1, ci.evidence_end - ci.evidence_start) != ci.evidence_text
        UNION ALL SELECT 'mention', m.id FROM mention m JOIN article a ON a.id = m.article_id
          WHERE substr(a.text, m.start + 1, m."end" - m.start) != m.text""")
    assert bad == []
    assert q(db, "SELECT count(*) FROM citation")[0][0] == 8


def test_full_text_search_stays_in_sync(db):
    store(db, (ARTICLE_A, "/a.txt"))
    match = "SELECT c.text FROM claim_fts f JOIN claim c ON c.id = f.rowid WHERE claim_fts MATCH :q"
    assert q(db, match, q="secret copy") == [("ISIS will survive as a secret copy",)]
    assert q(db, "SELECT deferred FROM claim_fts_sync") == [(0,)]
    with db.begin() as conn:  # writes outside provenance are indexed by the triggers
        conn.execute(text('INSERT INTO claim (article_id, start, "end", text, kind, hops, chain_text) '
                          "VALUES (1, 0, 5, 'zebra crossing', 'unattributed', 0, '')"))
        conn.execute(text("UPDATE claim SET text = 'giraffe walk' WHERE text = 'the group is not defeated'"))
    assert q(db, match, q="zebra") == [("zebra crossing",)]
    assert q(db, match, q="giraffe") == [("giraffe walk",)] and q(db, match, q="defeated") == []
    with db.begin() as conn:
        conn.execute(text("DELETE FROM claim WHERE text = 'zebra crossing'"))
    assert q(db, match, q="zebra") == []
    with db.connect() as conn:
        conn.exec_driver_sql("INSERT INTO claim_fts(claim_fts, rank) VALUES ('integrity-check', 1)")


def test_reingest_is_idempotent_and_edit_makes_a_new_version(db):
    store(db, (ARTICLE_A, "/a.txt"))
    counts = q(db, "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM claim), (SELECT count(*) FROM source)")
    again = store(db, (ARTICLE_A, "/a.txt"))
    assert again[0].status == "unchanged"
    assert q(db, "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM claim), (SELECT count(*) FROM source)") == counts
    assert store(db, (ARTICLE_A, "/elsewhere.txt"))[0].status == "duplicate"

    edited = ARTICLE_A.replace("The weather was fine.", "The weather was awful.")
    [res] = store(db, (edited, "/a.txt"))
    assert res.status == "version"
    rows = q(db, "SELECT id, version, previous_id, is_current FROM article WHERE path = '/a.txt' ORDER BY id")
    assert rows == [(1, 1, None, 0), (res.article_id, 2, 1, 1)]
    assert q(db, "SELECT count(*) FROM claim_chain WHERE claim = 'The weather was fine.'") == [(0,)]
    # editing it back makes the first version current again, without a new row
    [back] = store(db, (ARTICLE_A, "/a.txt"))
    assert back.status == "unchanged" and back.article_id == 1
    assert q(db, "SELECT id FROM article WHERE path = '/a.txt' AND is_current") == [(1,)]


def test_identical_texts_in_one_batch_are_stored_once(db):
    results = store(db, (ARTICLE_A, "/a.txt"), (ARTICLE_A, "/a.txt"))
    assert [r.status for r in results] == ["added", "unchanged"]


def test_a_failing_article_leaves_nothing_and_the_batch_goes_on(db, monkeypatch):
    fail_claims_containing(monkeypatch, "membership")
    results = store(db, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"),
                    (ARTICLE_A.replace("fine", "grey"), "/c.txt"))
    assert [r.status for r in results] == ["added", "failed", "added"]
    assert "disk on fire" in results[1].error
    assert q(db, "SELECT path FROM article ORDER BY id") == [("/a.txt",), ("/c.txt",)]
    # nothing of b: no mentions, no source it alone introduced, no counts
    assert q(db, "SELECT count(*) FROM source WHERE name = 'Reuters'") == [(0,)]
    assert q(db, "SELECT count(*) FROM mention WHERE article_id NOT IN (SELECT id FROM article)") == [(0,)]
    assert q(db, "SELECT count(*) FROM claim_fts WHERE claim_fts MATCH 'grey'") == [(1,)]
    with db.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def test_reading_with_offsets_that_do_not_slice_the_text_is_refused(db):
    doc = Document(text="Lund said it rained.", path="/bad.txt")
    reading = Reading(text=doc.text, claims=[Claim(id=0, span=Span(start=10, end=20, text="not this"),
                                                   cue=None, kind="unattributed", attribution=None)])
    [res] = store_batch(db, [(doc, reading)])
    assert res.status == "failed" and "does not slice" in res.error
    assert q(db, "SELECT count(*) FROM article") == [(0,)]


def test_hand_built_reading_with_relations_and_roles(db):
    t = "Thomas Joscelyn, a senior fellow at FDD, said the report published in The Sunday Times was right."
    sp = lambda s: Span.of(t, t.index(s), t.index(s) + len(s))  # noqa: E731
    reading = Reading(
        text=t,
        entities=[
            Entity(id=0, name="Thomas Joscelyn", type="person", role="a senior fellow at FDD",
                   affiliations=["Foundation for Defense of Democracies"], aliases=["he", "Mr Joscelyn"]),
            Entity(id=1, name="The Sunday Times", type="outlet"),
            Entity(id=2, name="the report", type="document", publishers=["The Sunday Times"]),
        ],
        mentions=[Mention(id=0, span=sp("Thomas Joscelyn"), entity=0), Mention(id=1, span=sp("the report"), entity=2)],
        claims=[Claim(id=0, span=sp("was right"), cue=sp("said"), kind="direct", attribution=None,
                      chain=[ChainLink(entity=0, name="Thomas Joscelyn", type="person", cue="said",
                                       evidence=sp("Thomas Joscelyn, a senior fellow at FDD, said"))])],
    )
    [res] = store_batch(db, [(Document(text=t, path="/h.txt"), reading)])
    assert res.status == "added"
    assert q(db, "SELECT role FROM source WHERE name = 'Thomas Joscelyn'") == [("a senior fellow at FDD",)]
    assert q(db, "SELECT alias FROM source_alias a JOIN source s ON s.id = a.source_id "
                 "WHERE s.name = 'Thomas Joscelyn' ORDER BY a.id") == [("Thomas Joscelyn",), ("Mr Joscelyn",)]
    rel = q(db, "SELECT r.relation, r.related_name, o.name FROM source_relation r "
                "LEFT JOIN source o ON o.id = r.related_source_id ORDER BY r.id")
    assert rel == [("affiliation", "Foundation for Defense of Democracies", None),
                   ("publisher", "The Sunday Times", "The Sunday Times")]
    # a generic document name is kept apart per article
    assert q(db, "SELECT key FROM source WHERE name = 'the report'")[0][0].startswith("report @")


@pytest.mark.parametrize("a,b", [
    ("Thomas Joscelyn", "Mr. Thomas Joscelyn"), ("U.N.", "U. N."), ("The Sunday Times", "Sunday Times"),
    ("José Ruiz", "Jose Ruiz"), ("the UN experts' report", "UN experts report"), ("Reuters's", "Reuters"),
    ("Dr Jane  Doe", "jane doe"), ("The U.N.'s report", "u n report"),
])
def test_names_that_normalize_alike(a, b):
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize("name", ["U.S. Coast Guard", "Cathy Scott-Clarke", "Martin O'Malley", "George H.W. Bush",
                                  "The Sunday Times", "José Ruiz"])
def test_one_normalization_for_keys_and_lookups(name):
    """Issue 15: the plain form of a name is the words resolution keys are made of (periods,
    hyphens and apostrophes alike), so a source is looked up under the form it was stored in."""
    from provenance.names import name_words

    words = name_words(name)
    assert normalize_name(name) == " ".join(words[1:] if words[0] == "the" else words)


@pytest.mark.parametrize("a,b", [("Bill Clinton", "Hillary Clinton"), ("UN", "United Nations"), ("The Times", "Times of India")])
def test_names_that_stay_apart(a, b):
    assert normalize_name(a) != normalize_name(b)


def test_readme_sql_runs_against_the_schema(db):
    """The SQL the README shows must keep working as the schema changes."""
    import re
    from pathlib import Path

    store(db, (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"))
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", readme, re.S)
    assert len(blocks) >= 5
    with db.connect() as conn:
        results = [conn.exec_driver_sql(sql).all() for sql in blocks]
    assert any(results[0]) and any(results[2])  # chains and recurring sources are there


# ---------------------------------------------------------------- the writer's source cache


def test_source_cache_is_kept_between_batches_of_one_writer(db):
    cache = writer.SourceCache()
    store(db, ("Reuters said that it rained.\n", "/1.txt"), cache=cache)
    with db.begin() as conn:
        kept = cache.resolver(conn)
        assert kept is cache.resolver(conn)  # nobody wrote in between: the same resolver
    [res] = store(db, ("Reuters said that it snowed.\n", "/2.txt"), cache=cache)
    assert res.status == "added"
    assert q(db, "SELECT count(*) FROM source WHERE name = 'Reuters'") == [(1,)]


def test_source_cache_starts_afresh_after_another_writer_or_curation(db):
    from provenance.curation import merge

    cache = writer.SourceCache()
    store(db, ("Carl Lund said that it rained.\n\nMarta Skov said that it hailed.\n", "/1.txt"), cache=cache)
    with db.begin() as conn:
        kept = cache.resolver(conn)
    store(db, ("Reuters said that it was cold.\n", "/other.txt"))  # another writer, no cache
    with db.begin() as conn:
        assert cache.resolver(conn) is not kept
    with db.begin() as conn:
        kept = cache.resolver(conn)
    store(db, ("Reuters said that it was warm.\n", "/2.txt"), cache=cache)
    with db.begin() as conn:
        merge(conn, "Carl Lund", "Marta Skov")  # curation deletes a source the cache knew
    with db.begin() as conn:
        assert cache.resolver(conn) is not kept
    [res] = store(db, ("Marta Skov said that it cleared.\n", "/3.txt"), cache=cache)
    assert res.status == "added"
    assert q(db, "SELECT count(*) FROM source WHERE name = 'Reuters'") == [(1,)]
    assert q(db, "SELECT s.name FROM claim c JOIN source s ON s.id = c.origin_source_id "
                 "WHERE c.text LIKE '%cleared%'") == [("Carl Lund",)]


SOURCE_TEXTS = [
    (ARTICLE_A, "/a.txt"), (ARTICLE_B, "/b.txt"),
    ("Carl Lund said that it rained.\n\nTwo officials said that the talks had stalled.\n", "/c.txt"),
    ("Mr Carl Lund said that it snowed.\n\nReuters said that the roads were closed.\n", "/d.txt"),
    ("Marta Skov said that it hailed.\n\nThe UN report stated that the roads were open.\n", "/e.txt"),
]
SOURCE_TABLES = ("source", "source_alias", "source_block", "source_relation", "mention", "claim", "citation",
                 "source_article")


def dump(engine, tables=SOURCE_TABLES) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {t: sorted(tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {t}")) for t in tables}


def test_source_cache_past_its_limit_starts_afresh_and_stores_the_same_rows(any_url, fake):
    """The writer's resolver is bounded (SOURCE_CACHE_SOURCES, memory): past it the next batch starts from
    an empty one, which stores what the kept one would have, on both backends."""
    dumps = []
    for limit in (None, 0):
        url = any_url if limit is None else any_url.replace("any.db", "any0.db")
        if url == any_url and limit == 0:  # PostgreSQL: the same database emptied, its ids counting from 1 again
            engine = open_database(url)
            with engine.begin() as conn:
                names = [r[0] for r in conn.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                    "AND tablename != 'schema_migrations'")]
                conn.exec_driver_sql(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE")
            engine.dispose()
        engine = open_database(url)
        cache = writer.SourceCache(limit=limit)
        kept = []
        for pair in SOURCE_TEXTS:  # one batch an article
            [res] = store(engine, pair, cache=cache)
            assert res.status == "added"
            kept.append(cache._resolver is not None)
        assert kept == [limit is None] * len(SOURCE_TEXTS)  # 0: dropped after every batch
        dumps.append(dump(engine))
        engine.dispose()
    assert dumps[0]["claim"] and dumps[0] == dumps[1]


def test_source_cache_default_limit_is_the_memory_bound(monkeypatch):
    assert writer.SourceCache().limit == writer.SOURCE_CACHE_SOURCES == 20_000
    monkeypatch.setattr(writer, "SOURCE_CACHE_SOURCES", 5)
    assert writer.SourceCache().limit == 5 and writer.SourceCache(limit=7).limit == 7
