"""Invariants of the extractor on any input (hypothesis): no crash, every span slices the text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.extract import extract
from provenance.models import Document

# Text made of news-like pieces as well as arbitrary characters, so the search reaches the
# attribution code paths and not only the empty-reading ones.
PIECES = st.sampled_from(
    ["said", "told", "according to", "“", "”", '"', ",", ".", ":", "\n\n", "He", "she", "The report",
     "Reuters", "Mr Smith", "John Smith", "(AP) —", "is believed to", "that", "citing", "officials",
     "the", "and", "Speaking to", "the Sunday Times", "revealed", " ", "’s", "It added:", "who"]
)
NEWSISH = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map(" ".join)


def check(doc: Document) -> None:
    r = extract(doc)
    text = doc.text
    spans = []
    for a in r.attributions:
        spans += [s for s in (a.cue, a.source, a.content) if s is not None] + list(a.relay_evidence)
    for c in r.claims:
        spans.append(c.span)
        if c.cue:
            spans.append(c.cue)
        spans += [link.evidence for link in c.chain]
        assert c.hops == len(c.chain)
        for link in c.chain:
            assert 0 <= link.entity < len(r.entities)
    for m in r.mentions:
        spans.append(m.span)
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSISH)
def test_newsish_text_never_crashes_and_spans_slice(text):
    check(Document(text=text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_crashes(text):
    check(Document(text=text))


@settings(max_examples=100, deadline=None)
@given(NEWSISH, st.integers(min_value=0, max_value=50))
def test_body_end_is_respected(text, cut):
    end = min(len(text), cut)
    r = extract(Document(text=text, body_end=end))
    for c in r.claims:
        assert c.span.end <= end


@pytest.mark.parametrize("text", ["ASKED", "Asked", "asked."])
def test_a_lone_asked_is_no_crash(text):
    check(Document(text=text))
