"""The named steps of ``attributions.find``, each on sentences written for these tests."""

import pytest

from provenance.extract import attributions as at
from provenance.extract.lexicon import lexicon
from provenance.extract.sentence import Sentence
from provenance.extract.text import quote_regions


def sent(text: str) -> Sentence:
    """``text`` as one sentence with its own quotations."""
    return Sentence.of(text, 0, len(text), quote_regions(text, 0, len(text)))


def tok(s: Sentence, word: str, nth: int = 0) -> int:
    """Index of the ``nth`` token equal to ``word``."""
    return [k for k, w in enumerate(s.toks.words) if w == word][nth]


def spans(s: Sentence, found) -> list[tuple[str, str | None, str, str]]:
    """(cue, source, content, direction) of each attribution, as text."""
    cut = lambda p: s.text[p[0] : p[1]] if p else None  # noqa: E731
    return [(cut(f.cue), cut(f.source), cut(f.content), f.direction) for f in found]


# --- step 1: phrase cues -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("According to the clerk, the ferry is late.", "According", "to"),
        ("The ferry is late, as reported by the harbour office.", "as", "by"),
        ("In the words of one sailor, the ferry is cursed.", "In", "of"),
    ],
)
def test_phrase_cue_end(text, first, last):
    s = sent(text)
    assert at._phrase_cue_end(s.toks, tok(s, first)) == tok(s, last)


def test_phrase_cue_end_refuses_other_phrases():
    s = sent("As the ferry docked, in the view from the pier, crowds cheered.")
    assert at._phrase_cue_end(s.toks, tok(s, "As")) == -1
    assert at._phrase_cue_end(s.toks, tok(s, "in")) == -1  # "in the view from": no "of"


@pytest.mark.parametrize(
    "text, content, direction",
    [
        ("According to the clerk, the ferry is late.", "the ferry is late", "forward"),
        ("The ferry is late, according to the clerk.", "The ferry is late", "backward"),
        ("The ferry is late according to the clerk.", "The ferry is late", "backward-local"),
        ("The ferry, according to the clerk, is late.", "The ferry, according to the clerk, is late", "around"),
    ],
)
def test_phrase_content_sides(text, content, direction):
    s = sent(text)
    found = at._phrase_attributions(s, s.toks, [False] * len(s.toks))
    assert [(c, src, d) for _, src, c, d in spans(s, found)] == [(content, "the clerk", direction)]


def test_phrase_attribution_marks_its_tokens():
    s = sent("According to the clerk, the ferry is late.")
    taken = [False] * len(s.toks)
    at._phrase_attributions(s, s.toks, taken)
    assert taken[: tok(s, "clerk") + 1] == [True] * (tok(s, "clerk") + 1)
    assert not any(taken[tok(s, "clerk") + 1 :])


# --- step 2: labels --------------------------------------------------------------------


def test_label_colon_finds_a_short_capitalized_label():
    s = sent("Mayor Okonjo: We will rebuild the pier.")
    assert at._label_colon(s.toks) == tok(s, ":")
    assert at._label_colon(sent("The mayor of the town said: rebuild.").toks) == -1  # lowercase words
    assert at._label_colon(sent("One Two Three Four: rebuild the pier.").toks) == -1  # four words


@pytest.mark.parametrize("label", ["Update", "BYLINE", "A", "Report"])
def test_label_names_speaker_refuses_page_furniture_and_documents(label):
    s = sent(f"{label}: the pier will reopen in spring.")
    assert not at._label_names_speaker(s.toks, at._label_colon(s.toks), lexicon())


def test_colon_attribution():
    s = sent("Okonjo: the pier will reopen in spring.")
    f = at._colon_attribution(s, s.toks, lexicon())
    assert spans(s, [f]) == [(":", "Okonjo", "the pier will reopen in spring", "forward")]


def test_in_document_attribution():
    s = sent("In a new harbour survey, most sailors want a longer pier.")
    f = at._in_document_attribution(s, s.toks, lexicon())
    assert spans(s, [f]) == [("In", "a new harbour survey", "most sailors want a longer pier", "forward")]
    s = sent("In a quiet harbour town, most sailors want a longer pier.")
    assert at._in_document_attribution(s, s.toks, lexicon()) is None  # no document head


# --- step 3: noun cues -------------------------------------------------------------------


def test_possessor():
    s = sent("Her criticism of the pier was sharp.")
    assert at._possessor(s.toks, tok(s, "criticism"), [False] * len(s.toks)) == (0, 0)
    s = sent("The crowd cheered Dana Okonjo’s criticism of the pier.")
    assert at._possessor(s.toks, tok(s, "criticism"), [False] * len(s.toks)) == (tok(s, "Dana"), tok(s, "Okonjo"))
    s = sent("The criticism of the pier was sharp.")
    assert at._possessor(s.toks, tok(s, "criticism"), [False] * len(s.toks)) is None


def test_noun_cue_end_takes_the_preposition_and_leaves_that():
    s = sent("Her criticism of the pier was sharp.")
    i = tok(s, "criticism")
    assert at._noun_cue_end(s.toks, i, lexicon()) == (i + 1, i + 2)
    s = sent("His view that the pier is unsafe spread.")
    i = tok(s, "view")
    assert at._noun_cue_end(s.toks, i, lexicon()) == (i, i + 1)
    s = sent("His view was clear to all.")
    assert at._noun_cue_end(s.toks, tok(s, "view"), lexicon()) is None


# --- step 4: decorations -----------------------------------------------------------------


def test_decorations():
    s = sent("Okonjo, speaking to the Harbour Gazette and citing a port audit, said the pier was unsafe.")
    relays, upstream = at._decorations(s.toks, [False] * len(s.toks))
    assert [(s.text[h[0] : h[1]], s.text[e[0] : e[1]]) for _, h, e in relays] == [
        ("the Harbour Gazette", "speaking to the Harbour Gazette")
    ]
    assert [s.text[c[0] : c[1]] for _, c, _ in upstream] == ["a port audit"]


def test_interview_with_reaches_back_over_in_a():
    s = sent("In an interview with the Gazette, Okonjo said the pier was unsafe.")
    lead, x, e = at._interview_with(s.toks, tok(s, "interview"))
    assert (s.toks.words[lead], s.toks.words[x], s.toks.words[e - 1]) == ("In", "the", "Gazette")


# --- step 5: is the cue a verb here? ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, word, verb",
    [
        ("The report was late.", "report", False),  # determiner
        ("They report weekly on the pier.", "report", True),  # plural pronoun
        ("Okonjo’s claims were false.", "claims", False),  # possessive
        ("She wants to say more.", "say", False),  # infinitive
        ("Members of the Harbour Says Group gathered yesterday evening.", "Says", False),  # capitalized mid-sentence
    ],
)
def test_not_a_verb_here_and_verb_form(text, word, verb):
    s = sent(text)
    v = tok(s, word)
    t = s.toks
    cue = lexicon().verbs[t.lower[v]]
    prev = t.lower[v - 1] if v > 0 else ""
    ok = not at._not_a_verb_here(s, t, v) and at._verb_form_ok(t, v, t.lower[v], cue.lemma, prev, v)
    assert ok is verb


def test_base_and_s_forms():
    assert at._base_form_ok("say", "sources")  # "sources say"
    assert not at._base_form_ok("say", "the")
    assert at._s_form_ok("she")
    assert not at._s_form_ok("famous")  # "famous sayings"; "annual reports" is _nounish_s_form_ok's
    assert at._s_form_ok("government")  # "the government says"
    assert not at._s_form_ok("or")


# --- step 5: after the verb --------------------------------------------------------------


def test_hearer_of_a_verb_of_telling():
    s = sent("Okonjo told the Harbour Gazette that the pier was unsafe.")
    v = tok(s, "told")
    relays, p = at._hearer(s.toks, v, v + 1, lexicon().verbs["told"])
    assert [s.text[h[0] : h[1]] for h, _ in relays] == ["the Harbour Gazette"]
    assert s.toks.words[p] == "that"


def test_hearer_skips_an_object_pronoun():
    s = sent("Okonjo told them the pier was unsafe.")
    v = tok(s, "told")
    assert at._hearer(s.toks, v, v + 1, lexicon().verbs["told"]) == ([], v + 2)


def test_weak_cue_needs_a_clause():
    lex = lexicon()
    s = sent("The union maintained control of the pier.")
    v = tok(s, "maintained")
    assert at._weak_cue_without_content(s.toks, v + 1, lex.verbs["maintained"])
    s = sent("The union maintained that the pier was safe.")
    assert not at._weak_cue_without_content(s.toks, tok(s, "that"), lex.verbs["maintained"])


def test_keeps_particle():
    lex = lexicon()
    s = sent("The union warned of delays at the pier.")
    v = tok(s, "warned")
    assert at._keeps_particle(s.toks, v + 1, v + 1, lex.verbs["warned"], lex)
    s = sent("The union said in March that delays were likely.")
    v = tok(s, "said")
    assert not at._keeps_particle(s.toks, v + 1, v + 1, lex.verbs["said"], lex)


# --- step 5: source and content ----------------------------------------------------------


def test_appositive_end():
    s = sent("“It leaks,” said Dana Okonjo, a welder at the yard, adding that it was old.")
    e = tok(s, "Okonjo") + 1
    assert s.toks.words[at._appositive_end(s.toks, e)] == ","
    assert at._appositive_end(s.toks, e) == tok(s, ",", 2)
    s = sent("“It leaks,” said Dana Okonjo.")
    e = tok(s, "Okonjo") + 1
    assert at._appositive_end(s.toks, e) == e


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dana Okonjo said the pier is sinking.", ("said", "Dana Okonjo", "the pier is sinking", "forward")),
        ("The pier is sinking, Dana Okonjo said.", ("said", "Dana Okonjo", "The pier is sinking", "backward")),
        ("“The pier is sinking,” said Dana Okonjo.", ("said", "Dana Okonjo", "“The pier is sinking,”", "backward")),
        (
            "“The pier is sinking,” Okonjo said, “and nobody fixes it.”",
            ("said", "Okonjo", "“The pier is sinking,” Okonjo said, “and nobody fixes it.”", "around"),
        ),
        (
            "The pier is sinking, as the harbour office reported, and boats wait.",
            ("reported", "the harbour office", "The pier is sinking, as the harbour office reported, and boats wait", "around"),
        ),
    ],
)
def test_verb_attribution_orders(text, expected):
    s = sent(text)
    assert spans(s, at.find(s, lexicon())) == [expected]


def test_evidential_is_a_hedge_over_its_subject():
    s = sent("The pier seemed to sink overnight.")
    [f] = at.find(s, lexicon())
    assert f.source is None and f.cls == "hedge"
    assert s.text[f.content[0] : f.content[1]] == "The pier seemed to sink overnight"


def test_decorations_hang_on_the_nearest_verb():
    s = sent("Okonjo said, speaking to the Harbour Gazette, that the pier is sinking.")
    [f] = at.find(s, lexicon())
    assert [s.text[h[0] : h[1]] for h, _ in f.relays] == ["the Harbour Gazette"]
