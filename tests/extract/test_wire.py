"""Wire credits as relays (DESIGN.md, "chain"), on articles written for these tests."""

import pytest

from provenance.extract import extract
from provenance.models import Document


def chains(text: str, outlet: str | None = None) -> dict[str, list[str]]:
    """Each sourced claim's text and chain names."""
    r = extract(Document(text=text, outlet=outlet))
    return {c.span.text: [link.name for link in c.chain] for c in r.claims if c.chain}


def chain_of(text: str, words: str, outlet: str | None = None) -> list[str]:
    for claim, chain in chains(text, outlet).items():
        if words in claim:
            return chain
    raise AssertionError(f"no sourced claim holds {words!r}: {chains(text, outlet)}")


def test_an_indian_dateline_without_a_dash_credits_the_wire():
    text = "Pune, Jan 9 (PTI) The state's water minister, Anil Desai, said on Monday the dam would open in May."
    assert chain_of(text, "the dam would open") == ["Anil Desai", "Press Trust of India"]


def test_a_closing_credit_line_credits_the_wire():
    text = "Judge Mara Kell said the coach had betrayed the club's trust.\n\n- AAP"
    assert chain_of(text, "betrayed the club") == ["Mara Kell", "Australian Associated Press"]


def test_a_wire_story_does_not_relay_itself():
    text = "LONDON (Reuters) - The minister, Joan Pike, said the tax would rise."
    assert chain_of(text, "tax would rise") == ["Joan Pike", "Reuters"]
    assert chain_of(text, "tax would rise", outlet="Reuters") == ["Joan Pike"]


def test_a_former_outlet_is_no_relay():
    text = (
        "Harold Obi, a former editor at the Daily News, told The New York Times "
        "that the newsroom had halved."
    )
    assert chain_of(text, "newsroom had halved") == ["Harold Obi", "The New York Times"]


def test_the_airline_is_the_named_airline():
    text = (
        "Coastline Air cancelled 200 flights on Monday. "
        "The airline said a software failure was to blame."
    )
    assert chain_of(text, "software failure") == ["Coastline Air"]


def test_a_desk_of_a_listed_outlet_and_a_local_paper_are_relays():
    assert chain_of("'We were second best,' Hartley told BBC Sport.", "second best") == ["Hartley", "BBC Sport"]
    text = "Lorna Vickery told the Caldmoor Echo that her takings were down by a third."
    assert chain_of(text, "takings were down") == ["Lorna Vickery", "Caldmoor Echo"]


def test_the_dateline_place_is_no_source():
    text = "GENEVA (Reuters) - The government will free four reporters, the country's news agency reported."
    r = extract(Document(text=text))
    assert all("GENEVA" not in e.name for e in r.entities)


def test_a_byline_with_the_writer_s_title_credits_the_wire():
    text = ("By Harriet Oyelaran, PA Industrial Correspondent\n\n"
            "General secretary Callum McArdle said the offer was an insult.")
    assert chain_of(text, "the offer was an insult") == ["Callum McArdle", "PA Media"]


def test_the_canadian_press_trailer_credits_the_wire_and_is_no_claim():
    text = ("WINNIPEG — Health Minister Ravi Sandhu said the province had hired 280 nurses.\n\n"
            "This report by The Canadian Press was first published Sept. 12, 2025.")
    assert chain_of(text, "hired 280 nurses")[-1] == "Canadian Press"
    assert not any("first published" in c.span.text for c in extract(Document(text=text)).claims)


def test_the_canadian_press_business_footer_leaves_the_trailer_its_credit():
    text = ("TORONTO — Harbourline Bank said its profit rose 4 per cent.\n\n"
            "This report by The Canadian Press was first published Dec. 4, 2026.\n\n"
            "Companies in this story: (TSX:HLB)")
    assert chain_of(text, "profit rose 4 per cent") == ["Harbourline Bank", "Canadian Press"]
    assert not any("Companies in this story" in c.span.text for c in extract(Document(text=text)).claims)


def test_the_wire_named_in_its_own_story_is_one_link():
    text = ("By Harriet Oyelaran, PA Industrial Correspondent\n\n"
            "The PA news agency understands that ministers were briefed on Tuesday.")
    assert chain_of(text, "ministers were briefed") == ["PA Media"]


def test_an_agency_described_before_news_agency_is_the_agency():
    text = "At least six people were killed, the official Xinhua news agency said."
    assert chain_of(text, "six people were killed") == ["Xinhua News Agency"]


@pytest.mark.parametrize("text", [
    "SYDNEY, Feb 3 AAP - Mayor Lyn Pappas said the council had acted quickly.",
    "Mayor Lyn Pappas said the council had acted quickly.\n\nAAP gb/mm",
])
def test_aap_credits_without_parentheses(text):
    """AAP's own styles: a dateline with the credit after the date, an editor's trailer."""
    r = extract(Document(text=text))
    assert [[link.name for link in c.chain] for c in r.claims] == [["Lyn Pappas", "Australian Associated Press"]]


def test_a_closing_credit_with_the_wire_s_initials_credits_it_and_is_no_claim():
    text = "Eskom said power cuts would continue this week.\n\n- African News Agency (ANA)"
    assert chain_of(text, "power cuts would continue") == ["Eskom", "African News Agency"]
    assert not any("African News Agency" in c.span.text for c in extract(Document(text=text)).claims)


def test_a_canadian_press_sign_off_with_the_writer_s_name_credits_the_wire():
    text = "HALIFAX — Health Minister Ross Fairbanks said the department accepted the recommendations.\n\n" \
           "— Keisha Morrison, The Canadian Press"
    assert chain_of(text, "accepted the recommendations") == ["Ross Fairbanks", "Canadian Press"]


def test_a_writer_s_sign_off_credits_a_wire_but_not_a_paper():
    text = "The council said the plan was late.\n\n— Kevin Doyle, Irish Independent"
    assert chain_of(text, "plan was late") == ["council"]
