"""The clause a report leaves at the end of its sentence (provenance/extract/tails.py)."""

import pytest

from provenance.extract import extract
from provenance.extract.tails import backshifted, joined_tail
from provenance.models import Document


def tail_of(text: str, after: str) -> str | None:
    end = text.index(after) + len(after)
    span = joined_tail(text, end, len(text))
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "after", "tail"),
    [
        ("Smith said the plan was ready, but critics had doubts about it.", "ready", "critics had doubts about it"),
        ("Ruiz said the talks went well; the union rejected the offer.", "well", "the union rejected the offer"),
        # phrases, not clauses: no tail
        ("He focused on taxes, but also on defending the Obama legacy.", "taxes", None),
        ("She said it was allowed, but only in a lighthearted manner.", "allowed", None),
        ("They said it would pass, often cheering the result loudly.", "pass", None),
        ("Smith said the plan was ready, but nobody knows.", "ready", None),  # three words
        ('Smith said it was ready, but "we will see" about that.', "ready", None),  # a quotation is someone's
    ],
)
def test_joined_tail(text, after, tail):
    assert tail_of(text, after) == tail


def test_backshift_after_a_past_cue_continues_the_report():
    text = "Petrovic said the firm had cut costs, but it would not close any plants this year."
    span = joined_tail(text, text.index(" costs,") + 6, len(text))
    assert span is not None
    assert backshifted(text, span, "said")
    assert not backshifted(text, span, "says")  # no tense to shift back from


@pytest.mark.parametrize("text", [
    "The minister said the scheme had been a success, but the auditor had found otherwise.",
    "Witnesses said the gunman had fled, but police would later find him hiding in a shed.",
])
def test_a_new_subject_after_but_is_the_narrators(text):
    span = joined_tail(text, text.index(", but"), len(text))
    assert span is not None and not backshifted(text, span, "said")


def test_no_backshift_in_a_plain_past_clause():
    text = "Smith said the plan was ready, but the council voted it down in May."
    span = joined_tail(text, text.index("ready") + 5, len(text))
    assert span is not None and not backshifted(text, span, "said")


def claims(text: str) -> list[tuple[str, list[str]]]:
    return [(c.span.text, [link.name for link in c.chain]) for c in extract(Document(text=text)).claims]


def test_a_backshifted_tail_stays_in_the_speakers_claim():
    text = (
        "Coun. Andrew Petrovic, who chairs the transportation committee, said staff had recommended "
        "a bike lane in a 2022 report, but they had been overruled twice."
    )
    found = claims(text)
    assert any("they had been overruled twice" in c and chain == ["Andrew Petrovic"] for c, chain in found)
    text = "The minister said the scheme had been a success, but the auditor had found otherwise."
    assert ("the auditor had found otherwise", []) in claims(text)


def test_a_plain_tail_is_a_claim_of_the_article():
    text = "Mayor Dan Reyes said the bridge would reopen in May, but the contractor has filed for bankruptcy."
    found = claims(text)
    assert ("the contractor has filed for bankruptcy", []) in found
    assert all("contractor" not in c for c, chain in found if chain)


def test_a_coordinated_verb_shares_the_whole_subject():
    """"... said it had taken samples and expected results": no source "The Department of Water"."""
    text = (
        "The Department of Water and Environmental Regulation said on Friday it had taken samples "
        "and expected results early next week."
    )
    found = claims(text)
    assert [chain for c, chain in found if "expected results" in c] == [["Department of Water and Environmental Regulation"]]


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        # a backshifted second predicate of the reported clause: one report, with its relay
        ("Outside court, Mr Karalis told The Advertiser he was embarrassed and had apologised to his customers.",
         "had apologised", ["Karalis", "Advertiser"]),
        ("Police said they were aware of the post but could not confirm the vehicle details.",
         "could not confirm", ["Police"]),
        # a present verb after a past cue goes on the reported clause
        ("The company said it aims to sell 25,000 units in 2027 and expects electric models to lead by 2028.",
         "expects electric models", ["company"]),
    ],
)
def test_a_shared_predicate_stays_in_its_report(text, words, chain):
    found = [c for c, ch in claims(text) if words in c]
    assert [ch for c, ch in claims(text) if words in c] == [chain], found


def test_said_and_added_stay_two_reports():
    found = claims("Smith said the plan was ready and added that it would cost more.")
    assert ("the plan was ready", ["Smith"]) in found
    assert ("that it would cost more", ["Smith"]) in found
