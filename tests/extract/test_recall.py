"""Plain reports the rules once missed (issue 10, class 4), on sentences written for these tests."""

import pytest

from provenance.extract import extract
from provenance.models import Document


def attribution(text: str):
    """The one attribution of ``text`` as (cue, source, content) texts."""
    r = extract(Document(text=text))
    assert r.attributions, f"no attribution in {text!r}"
    a = r.attributions[0]
    return a.cue.text if a.cue else None, a.source.text if a.source else None, a.content.text


@pytest.mark.parametrize(
    "text, source",
    [("Ms. May said a time limit could solve it.", "Ms. May"),
     ("On Tuesday, Theresa May said the solution was a time limit.", "Theresa May"),
     ("Rep. Carla Can said the bill would pass.", "Rep. Carla Can")],
)
def test_a_name_that_is_also_a_modal_is_a_subject(text, source):
    assert attribution(text)[1] == source


@pytest.mark.parametrize(
    "text, content",
    [("Jones said in a statement he was ready to meet the union.", "he was ready to meet the union"),
     ("Kim said in his New Year's speech he was ready to talk.", "he was ready to talk"),
     ("The ministry said in a statement posted online that the men would be freed.",
      "that the men would be freed")],
)
def test_the_medium_between_cue_and_content_is_skipped(text, content):
    assert attribution(text)[2] == content


def test_a_quote_before_its_speaker_and_a_prepositional_phrase():
    cue, source, content = attribution('"He is gone," the father said into his phone as his mother wept.')
    assert (cue, source, content) == ("said", "the father", '"He is gone,"')


def test_a_document_read_a_quotation():
    cue, source, content = attribution('"Every site will reopen," the notice read.')
    assert (cue, source) == ("read", "the notice")
