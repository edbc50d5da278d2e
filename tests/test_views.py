"""The article view behind ``show`` and ``report``: claims in reading order, numbered, counted."""

import pytest
from conftest import ARTICLE_A

from provenance import views
from provenance.errors import NotFoundError, ProvenanceError
from provenance.ingest import ingest
from provenance.store import read_session
from provenance.views import article_view, spans


@pytest.fixture
def stored(db, corpus, fake):
    ingest([str(corpus)], db, workers=1)
    return db


def test_claims_in_reading_order_numbered_and_counted(stored):
    with read_session(stored) as session:
        view = article_view(session, "a.txt")
    assert view["text"] == ARTICLE_A
    starts = [c["start"] for c in view["claims"]]
    assert starts == sorted(starts)
    assert [c["n"] for c in view["claims"]] == list(range(1, len(starts) + 1))
    assert sum(view["counts"].values()) == len(view["claims"])
    assert set(view["counts"]) == {"direct", "secondhand", "vague", "unattributed"}
    for c in view["claims"]:
        assert view["text"][c["start"]:c["end"]] == c["text"]


def test_unknown_and_ambiguous_articles_are_errors(stored, monkeypatch):
    with read_session(stored) as session:
        with pytest.raises(NotFoundError):
            article_view(session, "nope.txt")
        monkeypatch.setattr(views.query, "find_articles", lambda session, ref: [1, 2])
        with pytest.raises(ProvenanceError, match="matches 2 articles: 1 .*; 2 .*give an id"):
            article_view(session, "same-external-id")


def test_spans_cut_at_every_edge_and_cover_the_text():
    pieces = spans(10, [(2, 6, "a"), (4, 8, "b")])
    assert [(a, b) for a, b, _ in pieces] == [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)]
    assert [keys for _, _, keys in pieces] == [[], ["a"], ["a", "b"], ["b"], []]
    assert spans(0, []) == []
