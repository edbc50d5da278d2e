"""The named steps of reading a source noun phrase (``mentions._read_phrase``), on phrases
written for these tests."""

import pytest

from provenance.extract import mentions as m
from provenance.extract.lexicon import lexicon
from provenance.extract.text import tokenize
from provenance.models import SourceType


def toks(text: str):
    return tokenize(text, 0, len(text))


def cut(text: str, span) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def read(text: str) -> m.NounPhrase:
    return m._read_phrase(text, lexicon()).np


@pytest.mark.parametrize(
    "text, pronoun, typ", [("she", "she", SourceType.person), ("their", "they", SourceType.anonymous)]
)
def test_pronoun_phrase(text, pronoun, typ):
    phrase = m._pronoun_phrase(text, [text])
    assert phrase is not None and phrase.np.pronoun == pronoun and phrase.np.type is typ
    assert m._pronoun_phrase("she said", ["she", "said"]) is None


def test_determiners():
    assert m._determiners("some of the".split()) == (1, True, False)
    assert m._determiners("the two welders".split()) == (2, False, True)
    assert m._determiners("welders".split()) == (0, False, False)


@pytest.mark.parametrize(
    "text, core",
    [
        ("the harbour report published in May", "harbour report"),
        ("a welder at the yard", "welder"),
        ("the Institute for the Study of Tides", "Institute for the Study of Tides"),
        ("officials who spoke on condition", "officials"),
    ],
)
def test_core_end(text, core):
    t = toks(text)
    i = m._determiners(t.lower)[0]
    j = m._core_end(t.words, t.lower, i, lexicon())
    assert text[t.starts[i] : t.ends[j - 1]] == core


def test_name_end_reads_particles_and_leads():
    t = toks("by the Bank of Lower Tidewater and friends")
    e = m._name_end(t.words, t.lower, 1)
    assert " ".join(t.words[1:e]) == "the Bank of Lower Tidewater"
    t = toks("by both writers Ana Ruiz and Tom Vale")
    e = m._name_end(t.words, t.lower, 1, m.PERSON_PARTICLES)
    assert " ".join(t.words[1:e]) == "both writers Ana Ruiz and Tom Vale"
    t = toks("by nobody")
    assert m._name_end(t.words, t.lower, 1) == 1


def test_credits_publisher_authors_and_their_affiliation():
    text = "a study published in the Harbour Gazette by Ana Ruiz and Tom Vale of the Tide Institute"
    publisher, authors, affiliation = m._credits(toks(text), 2, lexicon())
    assert cut(text, publisher) == "the Harbour Gazette"
    assert [cut(text, a) for a in authors] == ["Ana Ruiz and Tom Vale", "Ana Ruiz", "Tom Vale"]
    assert cut(text, affiliation) == "Tide Institute"


def test_of_name_is_an_affiliation():
    text = "a welder at the Northgate Shipyard"
    t = toks(text)
    assert cut(text, m._of_name(t, 2)) == "the Northgate Shipyard"
    assert m._of_name(toks("a welder at the yard"), 2) is None


@pytest.mark.parametrize(
    "text, typ, name",
    [
        ("the harbour report", SourceType.document, "harbour report"),
        ("three officials", SourceType.anonymous, "three officials"),
        ("Mayor Dana Okonjo", SourceType.person, "Dana Okonjo"),
        ("TIDEWATCH", SourceType.organization, "TIDEWATCH"),
        ("the Northgate Tribune", SourceType.outlet, "Northgate Tribune"),
    ],
)
def test_types(text, typ, name):
    np = read(text)
    assert (np.type, np.name) == (typ, name)


def test_person_name_drops_titles_and_keeps_groups():
    lex = lexicon()
    assert m._person_name("Secretary of State Dana Okonjo".split(), lex) == "Dana Okonjo"
    assert m._person_name("Ana Ruiz and Tom Vale".split(), lex) == "Ana Ruiz and Tom Vale"
    assert m._last_name_run("the welder Ana Ruiz of".split()) == ["Ana", "Ruiz"]


def test_group_is_plural_with_members_and_key_drops_the():
    np = read("Ana Ruiz and Tom Vale")
    assert np.plural and np.members == ["ruiz", "vale"]
    assert m._name_key("The Tide Institute") == "tide institute"
    assert m._head_of(SourceType.person, "okonjo", ["Dana", "Okonjo"]) == "okonjo"
    assert not m._is_plural(SourceType.person, "ruiz", [])
    assert m._is_plural(SourceType.anonymous, "officials", [])
