"""The pieces that keep extraction linear in the text (issue 11, case 2); the timings are
in benchmarks/linearity.py and docs/benchmarks.md, not in tests."""

import random

import pytest

from provenance.extract import extract
from provenance.extract.intervals import Cover
from provenance.extract.phrases import clause_start
from provenance.extract.text import MAX_SENTENCE_CHARS, capped, sentences, tokenize
from provenance.models import Document


def test_cover_answers_as_the_spans_do():
    rng = random.Random(7)
    for _ in range(200):
        spans = [(rng.randrange(0, 60), rng.randrange(0, 60)) for _ in range(rng.randrange(0, 8))]
        cover = Cover(spans)
        for x in range(-2, 62):
            assert (x in cover) == any(a <= x < b for a, b in spans), (spans, x)


def test_cover_merges_touching_spans_and_ignores_empty_ones():
    cover = Cover([(5, 5), (0, 3), (3, 6), (9, 7)])
    assert [x for x in range(12) if x in cover] == [0, 1, 2, 3, 4, 5]


def test_capped_cuts_long_sentences_at_spaces():
    text = " ".join(f"word{i}" for i in range(2000))
    pieces = capped(text, 0, len(text), limit=100)
    assert all(0 < e - s <= 100 for s, e in pieces)
    assert " ".join(text[s:e] for s, e in pieces) == text  # nothing lost, cut at spaces
    assert capped(text, 0, 50, limit=100) == [(0, 50)]


def test_capped_cuts_a_text_without_spaces_at_the_limit():
    text = "x" * 250
    assert capped(text, 0, 250, limit=100) == [(0, 100), (100, 200), (200, 250)]


def test_sentences_are_capped_but_ordinary_ones_are_whole():
    run_on = "the ferry ran late and the crews waited " * 200
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in sentences(run_on, 0, len(run_on)))
    text = "Ana Ruiz said the pier held. The ferry ran late."
    assert sentences(text, 0, len(text)) == [(0, 28), (29, len(text))]


def _clause_start_plain(t, j: int) -> int:
    """clause_start without its memory, as it was written first."""
    from provenance.extract.phrases import is_boundary

    k = j
    while k >= 0:
        if t.words[k] == ")":
            m = k - 1
            while m >= 0 and t.words[m] != "(" and k - m < 10:
                m -= 1
            if m >= 0 and t.words[m] == "(":
                k = m - 1
                continue
        if is_boundary(t, k):
            break
        k -= 1
    return k + 1


@pytest.mark.parametrize("seed", range(5))
def test_clause_start_remembers_without_changing_answers(seed):
    rng = random.Random(seed)
    vocab = "Smith said ( R-Texas ) , and he the report which ; told us".split()
    text = " ".join(rng.choice(vocab) for _ in range(300))
    t = tokenize(text, 0, len(text))
    order = list(range(len(t)))
    rng.shuffle(order)
    for j in order:
        assert clause_start(t, j) == _clause_start_plain(t, j)


@pytest.mark.parametrize(
    "text",
    [
        "Smith said Jones said " * 400,
        "the minister told reporters the plan would cut costs " * 150,
        "according to the report " * 300,
    ],
)
def test_hostile_shapes_extract(text):
    """The shapes of the linearity benchmark go through extraction whole."""
    reading = extract(Document(text=text))
    assert reading.words == len(text.split())


def test_quotes_are_found_by_bisection():
    from provenance.extract.sentence import Sentence, quote_at, quote_ending, quotes_within
    from provenance.extract.text import quote_regions

    text = "“A,” she said. “B c d.” He left. “E.”"
    quotes = quote_regions(text, 0, len(text))
    s = Sentence.of(text, 15, 32, quotes)  # "“B c d.” He left."
    for q in quotes:
        assert quote_at(s, q[0]) == q and quote_ending(s, q[1]) == q
    assert quote_at(s, 1) is None and quote_ending(s, 5) is None
    assert quotes_within(s) == [quotes[1]]
