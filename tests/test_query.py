"""Queries: the DESIGN JSON shapes, filters, search, and no query per claim."""

import pytest
from conftest import ARTICLE_A, ARTICLE_B
from fakes import fake_extract

from provenance import query
from provenance.errors import NotFoundError, ProvenanceError
from provenance.readers import parse_text
from provenance.store import read_session
from provenance.store.writer import store_batch


@pytest.fixture
def loaded(db):
    items = []
    for body, path in ((ARTICLE_A, "/news/a.txt"), (ARTICLE_B, "/news/b.txt")):
        doc = parse_text(body).model_copy(update={"path": path, "external_id": path[-5]})
        items.append((doc, fake_extract(doc)))
    store_batch(db, items)
    with read_session(db) as session:
        yield session


def test_claim_shape_matches_design(loaded):
    claims = query.list_claims(loaded)
    assert len(claims) == 7
    c = claims[0]
    assert {"id", "article", "text", "start", "end", "cue", "kind", "hops", "chain"} <= set(c)
    assert c["article"] == {"id": 1, "path": "/news/a.txt", "title": "Islamic State will survive as a secret copy",
                            "outlet": None}
    assert (c["text"], c["cue"], c["kind"], c["hops"]) == ("ISIS will survive as a secret copy", "stated", "secondhand", 2)
    origin, relay = c["chain"]
    assert set(origin) >= {"source_id", "name", "type", "aliases", "cue", "evidence"}
    assert (origin["name"], origin["type"], origin["cue"]) == ("the UN report", "document", "stated")
    assert (relay["name"], relay["type"], relay["cue"]) == ("Associated Press", "outlet", "According to")
    ev = relay["evidence"]
    assert ARTICLE_A[ev["start"]:ev["end"]] == ev["text"] == "According to Associated Press"
    assert ARTICLE_A[c["start"]:c["end"]] == c["text"]
    assert claims[-1]["article"]["outlet"] == "alarabiya"


def test_aliases_appear_in_chains(loaded):
    jos = [c for c in query.list_claims(loaded, source="Joscelyn")]
    assert len(jos) == 2
    assert jos[1]["chain"][0]["name"] == "Thomas Joscelyn"
    assert jos[1]["chain"][0]["aliases"] == ["Mr Thomas Joscelyn"]


@pytest.mark.parametrize("filters,expected", [
    ({"article": "1"}, 4),
    ({"article": "b.txt"}, 3),
    ({"article": "/news/a.txt"}, 4),
    ({"article": "a"}, 4),  # external id
    ({"source": "the UN report"}, 2),
    ({"source": "UN report"}, 2),
    ({"source": "reuters"}, 1),
    ({"kind": "secondhand"}, 3),
    ({"secondhand": True}, 3),
    ({"kind": "vague"}, 1),
    ({"kind": "direct", "article": "b.txt"}, 1),
    ({"search": "secret copy"}, 1),
    ({"search": "ISIS"}, 2),
    ({"search": "Iran OR weather"}, 2),
    ({"search": "surviv*"}, 1),
    ({"limit": 3}, 3),
    ({"limit": 0}, 0),
])
def test_claim_filters(loaded, filters, expected):
    assert len(query.list_claims(loaded, **filters)) == expected


@pytest.mark.parametrize("hostile", ['"', "it's", "100%", "a; DROP TABLE claim; --", "(((", "NEAR(", "*", "_", "x' OR '1'='1"])
def test_hostile_inputs_are_data_never_sql(loaded, hostile):
    assert isinstance(query.list_claims(loaded, search=hostile), list)
    for kw in ("article", "source"):
        with pytest.raises(NotFoundError):
            query.list_claims(loaded, **{kw: hostile})
    assert len(query.list_claims(loaded)) == 7  # nothing was dropped


def test_unknown_filters_raise_clear_errors(loaded):
    with pytest.raises(NotFoundError, match="no article"):
        query.list_claims(loaded, article="nope.txt")
    with pytest.raises(ProvenanceError, match="unknown kind"):
        query.list_claims(loaded, kind="rumour")
    with pytest.raises(NotFoundError, match="no claim"):
        query.get_chain(loaded, 12345)


def test_pages_join_up(loaded, monkeypatch):
    monkeypatch.setattr(query, "PAGE", 3)
    assert [c["id"] for c in query.list_claims(loaded)] == list(range(1, 8))
    assert [c["id"] for c in query.list_claims(loaded, limit=5)] == list(range(1, 6))


def test_no_query_per_claim(db):
    items = []
    for i in range(30):
        doc = parse_text(ARTICLE_A.replace("fine", f"fine {i}")).model_copy(update={"path": f"/{i}.txt"})
        items.append((doc, fake_extract(doc)))
    store_batch(db, items)
    statements = []
    with read_session(db) as session:
        session.connection().connection.driver_connection.set_trace_callback(statements.append)
        claims = query.list_claims(session)
    assert len(claims) == 120 and sum(len(c["chain"]) for c in claims) == 120
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 4, selects


def test_get_chain(loaded):
    c = query.get_chain(loaded, 5)
    assert c["text"] == "membership is between 20,000 and 30,000"
    assert [link["name"] for link in c["chain"]] == ["the UN report", "Reuters"]
    assert [link["role"] for link in c["chain"]] == ["origin", "relay"]


def test_list_sources(loaded):
    rows = query.list_sources(loaded)
    assert {"id", "name", "type", "aliases", "articles", "claim_count"} <= set(rows[0])
    by_name = {r["name"]: r for r in rows}
    assert by_name["the UN report"]["article_count"] == 2 and by_name["the UN report"]["claim_count"] == 2
    assert [a["path"] for a in by_name["Thomas Joscelyn"]["articles"]] == ["/news/a.txt", "/news/b.txt"]
    assert by_name["Associated Press"]["origin_count"] == 1 and by_name["Associated Press"]["relay_count"] == 1
    recurring = {r["name"] for r in query.list_sources(loaded, recurring=True)}
    assert recurring == {"the UN report", "Thomas Joscelyn", "Associated Press"}
    assert {r["name"] for r in query.list_sources(loaded, type="outlet")} == {"Associated Press", "Reuters"}
    assert rows[0]["article_count"] >= rows[-1]["article_count"]


def test_get_source(loaded):
    src = query.get_source(loaded, "Associated Press")
    assert src["article_count"] == 2 and (src["origin_count"], src["relay_count"]) == (1, 1)
    assert sorted(c["role"] for c in src["claims"]) == ["origin", "relay"]
    assert [a["path"] for a in src["articles"]] == ["/news/a.txt", "/news/b.txt"]
    assert query.get_source(loaded, str(src["id"]))["name"] == "Associated Press"
    assert query.get_source(loaded, "mr thomas joscelyn")["name"] == "Thomas Joscelyn"
    with pytest.raises(NotFoundError):
        query.get_source(loaded, "Nobody at all")


def test_ambiguous_source_name_lists_candidates(loaded):
    with pytest.raises(ProvenanceError, match=r"'re' matches 3 sources: .*Reuters.*give an id"):
        query.get_source(loaded, "re")  # part of "Reuters", "the UN report" and "Associated Press"


def test_list_articles_counts_by_kind(loaded):
    rows = query.list_articles(loaded)
    assert [(r["path"], r["claim_count"], r["direct"], r["secondhand"], r["vague"], r["unattributed"])
            for r in rows] == [("/news/a.txt", 4, 1, 1, 1, 1), ("/news/b.txt", 3, 1, 2, 0, 0)]
