"""Question-and-answer transcripts (provenance/extract/interviews.py), on interviews written for these tests."""

import pytest

from provenance.extract import extract
from provenance.extract.interviews import interviewee, is_question, question_or_answer
from provenance.models import Document

QA = (
    "Dr. Ana Ruiz leads the city's flood study. She spoke to the Herald about the risks.\n\n"
    "Q: How bad is the flooding risk?\n\n"
    "A: It is worse than anyone admits. The levees were built for a climate that no longer exists.\n\n"
    "Q: What should the city do?\n\n"
    "A: Raise the levees by two metres."
)
LABELLED = (
    "Tom Vale is the mayor of Ridgeton.\n\n"
    "Herald: Will the bridge reopen this year?\n\n"
    "Vale: Yes. The engineers tell me the repairs will be finished by October. It will cost four million."
)


def chains(text: str) -> dict[str, list[str]]:
    return {c.span.text: [link.name for link in c.chain] for c in extract(Document(text=text)).claims}


@pytest.mark.parametrize("para, kind", [("Q: Why?", "q"), ("Question: Why?", "q"), ("A: Because.", "a"),
                                        ("A. Because.", "a"), ("Answer: Because.", "a"), ("Asked why, he left.", None)])
def test_question_or_answer(para, kind):
    assert question_or_answer(para, 0, len(para)) == kind


def test_the_interviewee_is_the_last_person_named_before_the_first_label():
    at = QA.index("Q:")
    assert QA[slice(*interviewee(QA, at))] == "Dr. Ana Ruiz"


def test_is_question():
    assert is_question('Will it reopen?" ', 0, 17) and not is_question("It will reopen.", 0, 15)


def test_answers_are_the_interviewees_sentence_by_sentence_and_questions_no_claims():
    got = chains(QA)
    assert got["It is worse than anyone admits"] == ["Ana Ruiz"]
    assert got["The levees were built for a climate that no longer exists"] == ["Ana Ruiz"]
    assert not [c for c in got if "?" in c or "How bad" in c]


def test_a_labelled_turn_speaks_its_whole_paragraph_and_relays_what_it_reports():
    got = chains(LABELLED)
    assert got["the repairs will be finished by October"] == ["engineers", "Vale"]
    assert got["It will cost four million"] == ["Vale"]
    assert not [c for c in got if "reopen" in c]


def test_a_question_in_the_articles_own_voice_is_no_claim_but_a_quoted_one_is_kept():
    got = chains('What does this mean for buyers? Prices will rise.\n\n"Why would I pander to them?" she asked.')
    assert not [c for c in got if "mean for buyers" in c]
    assert [c for c in got if "pander" in c]


UNLABELLED = (
    "Dr Amara Okoye has led the city's health department since 2021. We spoke to her about the outbreak.\n\n"
    "How bad is the outbreak?\n\n"
    "We have 42 cases, most of them in children under five.\n\n"
    "Why now?\n\n"
    "Vaccination rates fell during the pandemic.\n\n"
    "This interview has been edited for length and clarity."
)


def test_an_unlabelled_interview_gives_answers_to_the_interviewee():
    r = extract(Document(text=UNLABELLED))
    chains = {c.span.text: [link.name for link in c.chain] for c in r.claims}
    assert chains.get("Vaccination rates fell during the pandemic") == ["Amara Okoye"]
    assert not any("How bad" in text or "Why now" in text for text in chains)
    assert not any("edited for length" in text for text in chains)


def test_rhetorical_questions_in_a_column_make_no_interview():
    r = extract(Document(text=(
        "Mayor Dana Ruiz wants a new stadium.\n\nWho will pay for it?\n\nTaxpayers, as usual.\n\n"
        "Is there another way?\n\nThere always is.")))
    assert all(not c.chain for c in r.claims if "Taxpayers" in c.span.text)


def test_the_outlet_that_asks_is_no_interviewee():
    r = extract(Document(text=(
        "Odile Farrant has kept bees near Lyme Regis for thirty years. Farrant spoke to the "
        "Axe Valley Echo about the wet summer.\n\nQ: How many hives did you lose?\n\n"
        "A: Eleven of forty. The damp gets into everything.")))
    chains = {c.span.text: [link.name for link in c.chain] for c in r.claims}
    assert chains.get("Eleven of forty") == ["Odile Farrant"]


def test_a_place_is_no_interviewee():
    def rank(text, span):
        from provenance.extract.pipeline import _person_rank
        return _person_rank(text, span)

    text = "Corin Maddox runs a bakery in North Hobart. Q: Busy?"
    span = interviewee(text, text.index("Q:"), rank)
    assert span is not None and text[span[0]:span[1]] == "Corin Maddox"


def test_a_speaker_label_in_capitals_is_the_person_named_before():
    r = extract(Document(text=(
        "Dr Ines Calder studies sea ice at the Polar Institute.\n\n"
        "HOST: How fast is it going?\n\n"
        "CALDER: Faster than the models said. The summer minimum fell again.")))
    from provenance.evaluate_quotes import claims_from_reading  # names as the CLI shows them

    chains = {c.text: [link.name for link in c.chain] for c in claims_from_reading(r)}
    assert chains.get("Faster than the models said") == ["Ines Calder"]
    assert chains.get("The summer minimum fell again") == ["Ines Calder"]


def test_a_section_label_in_capitals_speaks_for_nobody():
    r = extract(Document(text=(
        "Stocks rose on Wednesday.\n\nENERGY: Crude oil rose 2 cents to $54.25 a barrel.\n\n"
        "CURRENCIES: The dollar weakened to 108.60 yen.")))
    assert all(not c.chain for c in r.claims)


def test_a_trophy_named_last_in_the_introduction_is_no_interviewee():
    text = ("Ramesh Iyengar has run the Shivamogga Cricket Academy for 22 years; three of his trainees played "
            "in this season's Ranji Trophy. He spoke to this newspaper about money.\n\n"
            "Q: What do you look for?\n\nA: Hunger. Everybody who comes to us has some talent.\n\n"
            "Q: And cost?\n\nA: A good bat costs a lot today.")
    assert chains(text)["A good bat costs a lot today"] == ["Ramesh Iyengar"]


BY_PHONE = (
    "Norman Bearskin has driven trucks on the winter road for 19 seasons. We reached him by phone.\n\n"
    "How long was the road open this year?\n\n"
    "Five weeks. When I started it was ten, sometimes eleven.\n\n"
    "Is the ice safe?\n\n"
    "The ice talks to you. You keep going, you don't stop."
)


def test_an_interview_announced_by_reaching_someone_has_bare_questions():
    assert chains(BY_PHONE)["The ice talks to you"] == ["Norman Bearskin"]


def test_a_labelled_transcript_keeps_its_outro_unattributed():
    text = ("For 26 years Tom Ingram has been coxswain of the lifeboat. We asked him about the rescue.\n\n"
            "Interviewer: What do you remember?\n\nIngram: The noise, mostly.\n\n"
            "Interviewer: Who takes over from you?\n\nIngram: That's for the charity to announce.\n\n"
            "The station, founded in 1867, has launched more than 200 times in the past five years.")
    assert chains(text).get("The station, founded in 1867, has launched more than 200 times in the past five years",
                            []) == []


def test_an_unlabelled_interview_closes_in_the_outlets_voice():
    """After the answer to the last question, paragraphs with no "I"/"we" and no quotation
    are the outlet's: their sources are not relayed by the interviewee."""
    text = UNLABELLED.replace(
        "\n\nThis interview",
        "\n\nWe also need more nurses.\n\nThe state health department says 40 nurses will start in May."
        "\n\nDr Okoye will speak at the council on Friday.\n\nThis interview",
    )
    chains = {c.span.text: [link.name for link in c.chain] for c in extract(Document(text=text)).claims}
    assert chains["We also need more nurses"] == ["Amara Okoye"]
    assert chains["40 nurses will start in May"] == ["state health department"]
    assert chains["Dr Okoye will speak at the council on Friday"] == []


def test_markdown_bold_labels_are_labels():
    """Text taken from web pages may keep markdown's bold: "**Lachance:** ..." is a turn."""
    text = (
        "Marc Lachance runs the emergency department in Meadow Bend. He spoke to the Courier.\n\n"
        "**Courier:** How often has the department closed this year?\n\n"
        "**Lachance:** Nineteen weekends out of 26. We had six full-time nurses in 2019.\n\n"
    )
    chains = {c.span.text: [link.name for link in c.chain] for c in extract(Document(text=text)).claims}
    assert chains["We had six full-time nurses in 2019"] in (["Marc Lachance"], ["Lachance"])
    assert not any("How often" in t for t in chains)


def test_a_question_may_open_with_a_statement_and_long_names_hold_a_title():
    text = (
        "Millbrook Volunteer Fire Department Chief Ramona Vasquez took charge in June. In an interview, she spoke "
        "about the season. Excerpts:\n\n"
        "The district's fire count is among the highest in the State. Why?\n\n"
        "Distance, mostly. The nearest station is forty minutes away from the valley.\n\n"
        "What are you doing about it?\n\n"
        "From this month, two new brush trucks will run out of the old depot."
    )
    chains = {c.span.text: [link.name for link in c.chain] for c in extract(Document(text=text)).claims}
    assert chains["The nearest station is forty minutes away from the valley"] == ["Ramona Vasquez"]
    assert not any("highest in the State" in t for t in chains)  # a question's lead-in states nothing


def test_who_tells_the_speaker_of_a_labelled_turn_is_relayed_by_them():
    c = chains("Gordon Kapashesit has driven the winter road for 20 years.\n\n"
               "Kapashesit: Everything comes in by plane. The chief at Wapikaga Lake told me they are already "
               "rationing diesel. We are worried.")
    assert c["they are already rationing diesel"] == ["chief at Wapikaga Lake", "Kapashesit"]  # the resolver names him in full
    assert c["Everything comes in by plane"] == ["Kapashesit"]


def test_the_journalist_an_interviewee_spoke_to_asks_the_questions():
    c = chains("When Rachel Dunmore-Hay banned mobile phones at Saltcote Academy, some parents threatened to move "
               "their children. She spoke to Education Editor Tom Akinyemi.\n\n"
               "Why did you do it?\n\n"
               "Because I was watching children walk past each other without looking up.\n\n"
               "Should it be law?\n\n"
               "I think it should be statutory, yes.")
    assert c["I think it should be statutory, yes"] == ["Rachel Dunmore-Hay"]


def test_labels_in_capitals_of_two_words_are_the_person_named_before():
    c = chains("Maura Ní Fhlatharta ran Fahy's bar in Gortnaleck for 31 years.\n\n"
               "WESTERN PEOPLE: Why did you close?\n\n"
               "NÍ FHLATHARTA: The numbers just stopped adding up. Our insurance went up threefold.")
    assert c["Our insurance went up threefold"] == ["Ní Fhlatharta"]
    assert "Why did you close?" not in c


def test_labelled_turns_of_an_interview_with_bare_questions_keep_their_labels():
    c = chains("Lucia Arriaga and Hana Arriaga-Park opened Rye & Ember in 2021. The sisters sat down with the "
               "Valley Courier-Times.\n\n"
               "How did you split the work?\n\n"
               "Lucia: I baked, Hana did everything else. I was here at 3 a.m. every day.\n\n"
               "Hana: And I did payroll at midnight.\n\n"
               "What was the hardest year?\n\n"
               "Hana: 2023. Flour went up almost 40 percent in six months.\n\n"
               "What's next?\n\n"
               "Lucia: A second location. We've signed a lease in Millbrook Plaza.")
    assert c["I was here at 3 a.m. every day"] == ["Lucia"]
    assert c["And I did payroll at midnight"] == ["Hana"]
    assert c["We've signed a lease in Millbrook Plaza"] == ["Lucia"]


def test_the_interviewee_is_named_after_an_office_whatever_their_given_name():
    text = ("Karnataka's Water Resources Minister Rekha Venkataraman spoke to The Hindu about the tribunal's "
            "order. Excerpts:\n\n"
            "Will you comply?\n\n"
            "We respect the tribunal. We will file a review petition by next week.\n\n"
            "Will the State go back to the Supreme Court?\n\n"
            "All options are open.\n\n"
            "(This interview has been edited for length and clarity.)")
    got = chains(text)
    assert got.get("We will file a review petition by next week") == ["Rekha Venkataraman"]
    assert not any("edited for length" in span for span in got)


def test_the_interviewee_is_who_sat_down_with_the_outlet_not_a_player_named_after():
    text = ("EDMONTON — Oilers general manager Stephen Kowalchuk sat down with Postmedia to talk about the cap "
            "and captain Ryan Dube.\n\n"
            "Q: What was your first call?\n\n"
            "A: My dad. Then Ryan. I told Ryan he's the foundation of this team.\n\n"
            "Q: Are you going to move a big contract?\n\n"
            "A: We have about $3.1 million in space right now.")
    assert chains(text).get("We have about $3.1 million in space right now") == ["Stephen Kowalchuk"]
