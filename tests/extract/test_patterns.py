"""Each attribution pattern of issue 2 on sentences written for these tests."""

import pytest

from provenance.extract import extract
from provenance.models import ClaimKind, Document, Reading, SourceType


def read(text: str) -> Reading:
    return extract(Document(text=text))


def claim_with(reading: Reading, words: str):
    """The claim whose text holds ``words`` (fails the test when there is none)."""
    for c in reading.claims:
        if words in c.span.text:
            return c
    raise AssertionError(f"no claim holds {words!r}: {[c.span.text for c in reading.claims]}")


def chain_names(claim) -> list[str]:
    return [link.name for link in claim.chain]


def attribution_with(reading: Reading, words: str):
    for a in reading.attributions:
        if words in a.content.text:
            return a
    raise AssertionError(f"no attribution holds {words!r}")


# --- reporting verbs in every order -------------------------------------------------


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        ("Maria Lopez said the bridge would reopen in May.", "Maria Lopez", "said", "the bridge would reopen in May"),
        ("The bridge will reopen in May, said Maria Lopez.", "Maria Lopez", "said", "The bridge will reopen in May"),
        ("“The bridge will reopen in May,” Maria Lopez said.", "Maria Lopez", "said", "“The bridge will reopen in May,”"),
        ("“The bridge will reopen in May,” said Maria Lopez.", "Maria Lopez", "said", "“The bridge will reopen in May,”"),
        ("Maria Lopez said that the bridge would reopen in May.", "Maria Lopez", "said", "that the bridge would reopen in May"),
        ("Maria Lopez said: “The bridge will reopen in May.”", "Maria Lopez", "said", "“The bridge will reopen in May.”"),
        ("The mayor has repeatedly said the tunnel is safe.", "The mayor", "has repeatedly said", "the tunnel is safe"),
        ("Budget officers did not say when the audit would end.", "Budget officers", "did not say", "when the audit would end"),
    ],
)
def test_reporting_verb_orders(text, source, cue, content):
    a = attribution_with(read(text), content.strip("“”,."))
    assert a.source is not None and a.source.text == source
    assert a.cue is not None and a.cue.text == cue
    assert a.content.text == content


@pytest.mark.parametrize(
    "verb",
    ["warned", "claimed", "estimated", "confirmed", "revealed", "insisted", "denied", "believes",
     "argued", "acknowledged", "predicted", "conceded", "stressed", "noted", "suggested", "tweeted"],
)
def test_broad_verb_lexicon(verb):
    r = read(f"Dr Ana Ruiz {verb} that the vaccine trial had stalled.")
    c = claim_with(r, "the vaccine trial had stalled")
    assert chain_names(c) == ["Ana Ruiz"]
    assert c.cue is not None and verb in c.cue.text


def test_findings_of_documents():
    r = read("The audit found that payments had been doubled. A study published in the Lancet showed a sharp drop in infections.")
    audit = claim_with(r, "payments had been doubled")
    assert chain_names(audit) and "audit" in chain_names(audit)[0]
    assert audit.chain[0].type == SourceType.document
    study = claim_with(r, "a sharp drop in infections")
    assert study.chain[0].type == SourceType.document


# --- according to and kin ------------------------------------------------------------


def test_according_to_first_and_last():
    r = read("According to the city council, rents rose by 12 percent. Rents fell in the suburbs, according to Tomas Berg.")
    first = attribution_with(r, "rents rose by 12 percent")
    assert first.cue.text == "According to" and first.source.text == "the city council"
    last = attribution_with(r, "Rents fell in the suburbs")
    assert last.cue.text == "according to" and last.source.text == "Tomas Berg"


def test_citing_makes_an_upstream_source():
    r = read("Reuters, citing two diplomats, reported that the talks had collapsed.")
    c = claim_with(r, "the talks had collapsed")
    assert chain_names(c)[0] == "two diplomats"
    assert "Reuters" in chain_names(c)
    assert c.kind == ClaimKind.secondhand


def test_as_reported_by():
    r = read("The factory will close next year, as reported by the Financial Times.")
    c = claim_with(r, "The factory will close next year")
    assert chain_names(c) == ["Financial Times"]
    assert c.kind == ClaimKind.secondhand


def test_outlet_first_reported():
    r = read("Bloomberg first reported that the merger was off.")
    c = claim_with(r, "the merger was off")
    assert c.chain[0].type == SourceType.outlet
    assert c.kind == ClaimKind.secondhand


def test_told_an_outlet_is_a_relay():
    r = read("Senator Hal Pike told the Financial Times that the bill was dead.")
    c = claim_with(r, "the bill was dead")
    assert chain_names(c) == ["Hal Pike", "Financial Times"]
    assert c.kind == ClaimKind.secondhand


def test_told_reporters_is_not_a_relay():
    r = read("Senator Hal Pike told reporters that the bill was dead.")
    c = claim_with(r, "the bill was dead")
    assert chain_names(c) == ["Hal Pike"]
    assert c.kind == ClaimKind.direct


def test_speaking_to_an_outlet():
    r = read("Nadia Sharif runs the clinic. Speaking to the BBC, she said the wards were full.")
    c = claim_with(r, "the wards were full")
    assert chain_names(c)[0] == "Nadia Sharif"
    assert chain_names(c)[1] in ("BBC", "British Broadcasting Corporation")


def test_in_an_interview_with():
    r = read("In an interview with CNN, Governor Ray Dunn said the levees held.")
    c = claim_with(r, "the levees held")
    assert chain_names(c)[0] == "Ray Dunn"
    assert len(c.chain) == 2 and c.chain[1].type == SourceType.outlet


def test_in_a_statement():
    r = read("The ministry said in a statement that exports had fallen.")
    c = claim_with(r, "exports had fallen")
    assert chain_names(c) and "ministry" in chain_names(c)[0].lower()


def test_seen_by_an_outlet():
    r = read("A letter seen by Reuters said the plant would shut.")
    c = claim_with(r, "the plant would shut")
    assert c.chain[0].type == SourceType.document
    assert c.chain[-1].name == "Reuters"
    assert c.kind == ClaimKind.secondhand


# --- quotes ----------------------------------------------------------------------------


def test_it_added_colon_and_continuation_paragraph():
    text = (
        "The inspection report said the hull was sound.\n\n"
        "It added: “The crew followed every procedure.\n\n"
        "“No fault was found in the engines.”"
    )
    r = read(text)
    added = claim_with(r, "The crew followed every procedure")
    assert added.chain[0].type == SourceType.document
    cont = claim_with(r, "No fault was found in the engines")
    assert cont.chain and cont.chain[0].entity == added.chain[0].entity
    assert cont.cue is None


def test_quote_spanning_sentences():
    r = read("Lena Holt said: “We were ready. The storm came early. Nobody expected it.”")
    c = claim_with(r, "Nobody expected it")
    assert "We were ready" in c.span.text
    assert chain_names(c) == ["Lena Holt"]


def test_unbalanced_quote_does_not_crash_and_keeps_offsets():
    text = "Omar Reyes said: “The vote was rigged.\n\nThe count took a week."
    r = read(text)
    for c in r.claims:
        assert text[c.span.start : c.span.end] == c.span.text


# --- who a mention refers to -----------------------------------------------------------


def test_pronoun_takes_nearest_person():
    r = read("Clara Voss, a researcher at the Nordic Health Institute, studied the data. She said the trend was clear.")
    c = claim_with(r, "the trend was clear")
    assert chain_names(c) == ["Clara Voss"]


def test_surname_with_honorific_is_the_full_name():
    r = read("Peter Algren said the dam was old. Mr Algren said repairs would cost millions.")
    c = claim_with(r, "repairs would cost millions")
    assert chain_names(c) == ["Peter Algren"]


def test_the_report_and_it_refer_back():
    r = read("A Red Cross report said camps were overcrowded. It also said water was scarce. The report warned of cholera.")
    e1 = claim_with(r, "camps were overcrowded").chain[0].entity
    assert claim_with(r, "water was scarce").chain[0].entity == e1
    assert claim_with(r, "of cholera").chain[0].entity == e1


def test_appositive_gives_role_and_affiliation():
    r = read("Ivo Marsh, a senior fellow at the Baltic Policy Institute, said the pipeline was exposed.")
    c = claim_with(r, "the pipeline was exposed")
    ent = r.entities[c.chain[0].entity]
    assert ent.name == "Ivo Marsh" and ent.type == SourceType.person
    assert ent.role and "senior fellow" in ent.role
    assert any("Baltic Policy Institute" in a for a in ent.affiliations)


def test_report_in_an_outlet_has_authors_and_publisher():
    r = read("A report published in The Guardian by Jo Park and Sam Reid said the mine leaked.")
    c = claim_with(r, "the mine leaked")
    doc = r.entities[c.chain[0].entity]
    assert doc.type == SourceType.document
    assert any("Guardian" in p for p in doc.publishers)
    assert any("Jo Park" in a for a in doc.authors)
    assert c.chain[-1].type == SourceType.outlet
    assert c.kind == ClaimKind.secondhand


# --- nesting and wires -----------------------------------------------------------------


def test_nested_according_to_and_document():
    r = read("According to the Associated Press, the audit reveals that the fund lost $2 billion.")
    c = claim_with(r, "the fund lost $2 billion")
    assert [link.type for link in c.chain] == [SourceType.document, SourceType.outlet]
    assert chain_names(c)[1] == "Associated Press"
    assert c.kind == ClaimKind.secondhand


def test_trailing_according_to_scopes_over_the_sentence():
    r = read("A former aide said in a memo that the plan failed, according to an inquiry by the Senate.")
    c = claim_with(r, "the plan failed")
    assert len(c.chain) == 2
    assert "aide" in chain_names(c)[0]
    assert "inquiry" in chain_names(c)[1]


def test_dateline_wire_credit_relays_every_claim():
    r = read("BEIRUT (AP) — The health ministry said 40 people were hurt. Police said the blast was a gas leak.")
    for words in ("40 people were hurt", "the blast was a gas leak"):
        c = claim_with(r, words)
        assert chain_names(c)[-1] == "Associated Press"
        assert c.kind == ClaimKind.secondhand


# --- kinds ------------------------------------------------------------------------------


def test_hedge_is_unattributed():
    r = read("The rebel leader is believed to have fled to the north.")
    c = claim_with(r, "fled to the north")
    assert c.kind == ClaimKind.unattributed and c.chain == []
    assert c.cue is not None and "believed" in c.cue.text


@pytest.mark.parametrize("source", ["Two officials", "Experts", "Sources familiar with the talks", "Analysts"])
def test_unnamed_sources_are_vague(source):
    r = read(f"{source} said the deal was close.")
    c = claim_with(r, "the deal was close")
    assert c.kind == ClaimKind.vague
    assert c.chain[0].type == SourceType.anonymous


def test_bare_assertion_is_an_unattributed_claim():
    r = read("The river burst its banks on Tuesday morning.")
    c = claim_with(r, "The river burst its banks")
    assert c.kind == ClaimKind.unattributed


@pytest.mark.parametrize(
    "name, typ",
    [("Reuters", SourceType.outlet), ("The Washington Post", SourceType.outlet), ("The World Bank", SourceType.organization),
     ("Greta Nilsen", SourceType.person), ("The survey", SourceType.document), ("Several witnesses", SourceType.anonymous)],
)
def test_source_types(name, typ):
    r = read(f"{name} said the harvest was poor.")
    c = claim_with(r, "the harvest was poor")
    assert c.chain[0].type == typ


def test_every_link_keeps_checkable_evidence():
    text = "According to the Associated Press, the audit reveals that the fund lost $2 billion."
    r = read(text)
    for c in r.claims:
        for link in c.chain:
            ev = link.evidence
            assert text[ev.start : ev.end] == ev.text and ev.text


def test_definite_descriptions_point_back_to_named_bodies():
    r = read("The International Monetary Fund cut its forecast. The fund said growth would slow.")
    assert chain_names(claim_with(r, "growth would slow")) == ["International Monetary Fund"]
    r = read("The Springfield Herald broke the story. According to the newspaper, the mayor quit.")
    c = claim_with(r, "the mayor quit")
    assert chain_names(c) == ["Springfield Herald"] and c.chain[0].type == SourceType.outlet


def test_colon_at_paragraph_end_takes_the_next_paragraph():
    text = 'The union answered in a letter, and its president wrote:\n\n"We will strike if the plant is believed to be unsafe."'
    r = read(text)
    c = claim_with(r, "We will strike")
    assert c.chain and "president" in chain_names(c)[0]
    # the hedge inside the quotation is the president's wording, not a claim of its own
    assert not any(k.kind == ClaimKind.unattributed and "We will strike" in k.span.text for k in r.claims)


def test_noun_cue_with_possessive_source():
    r = read("Senator Ada Moss repeated her claim that the dam was unsafe.")
    a = next(a for a in r.attributions if a.cue is not None and a.cue.text == "claim")
    assert a.source.text == "her" and a.content.text == "that the dam was unsafe"
    assert chain_names(claim_with(r, "the dam was unsafe")) == ["Ada Moss"]


def test_authors_take_the_affiliation_after_their_names():
    r = read("An audit by Lena Ortiz and Tom Baker of the Institute for Fiscal Studies found that taxes rose.")
    names = {e.name: e for e in r.entities}
    assert "Lena Ortiz" in names and "Tom Baker" in names
    assert names["Lena Ortiz"].affiliations == ["Institute for Fiscal Studies"]


# --- content edges around quotations (issue 4) ---------------------------------------


def _att_by_cue(reading: Reading, cue: str):
    return next(a for a in reading.attributions if a.cue is not None and a.cue.text == cue and a.parent is None)


def test_unquoted_aside_after_a_closing_quote_is_not_content():
    r = read("“The mill will close by spring,” the manager said, citing weak orders from abroad.")
    assert _att_by_cue(r, "said").content.text == "“The mill will close by spring,”"
    r = read("“We owe her a lot,” the coach said of the retiring captain.")
    assert _att_by_cue(r, "said of").content.text == "“We owe her a lot,”"
    r = read("“Never,” she replied when a neighbour asked about the fence.")
    assert _att_by_cue(r, "replied").content.text == "“Never,”"


def test_quoted_phrase_then_participle_ends_the_content():
    r = read("The mayor insisted that the plan had “saved the harbour,” drawing loud applause.")
    assert _att_by_cue(r, "insisted").content.text.rstrip(",”") == "that the plan had “saved the harbour"


def test_next_quotation_with_its_own_cue_is_not_joined():
    text = "“The fares are too high,” the rider said. “We cannot pay them,” she added."
    r = read(text)
    assert _att_by_cue(r, "said").content.text == "“The fares are too high,”"


def test_mined_particles_decide_the_cue_edge():
    r = read("The coach called for a new stadium.")
    assert _att_by_cue(r, "called for").content.text.startswith("a new stadium")
    r = read("The new bridge is expected to open in June.")
    hedge = next(a for a in r.attributions if a.cue is not None and "expected" in a.cue.text)
    assert hedge.cue.text == "is expected"


def test_noun_cue_keeps_content_infinitive():
    r = read("Mayor Ruth Kane repeated her promise to fix the roads.")
    a = next(a for a in r.attributions if a.cue is not None and a.cue.text == "promise")
    assert a.source.text == "her" and a.content.text == "to fix the roads"


def test_act_verb_content_stops_before_a_reporting_clause():
    r = read("The council blocked the plan because residents said the tower was too tall.")
    a = _att_by_cue(r, "said")
    assert a.source.text == "residents" and a.content.text == "the tower was too tall"
    assert all("residents said" not in b.content.text for b in r.attributions)


def test_inverted_source_stops_before_a_participle_clause():
    r = read("“The dam is safe,” said Omar Reyes, the county engineer, echoing the mayor.")
    assert _att_by_cue(r, "said").source.text == "Omar Reyes, the county engineer"
