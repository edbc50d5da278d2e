"""Page furniture is neither a claim nor a source (provenance/extract/furniture.py)."""

import pytest

from provenance.extract import extract
from provenance.extract.furniture import blank_furniture, is_heading, is_link_line
from provenance.models import Document


@pytest.mark.parametrize(
    "line",
    ["Story continues below advertisement", "Article Continued Below", "ADVERTISEMENT",
     "WATCH: Flood waters rise in the valley", "WATCH BELOW: Controversy continues over the park",
     "Subscribe now for unlimited access",
     "Open this photo in gallery Members of the team pose for a photo.",
     "WHERE WILL GAS PRICES BE AT?", "Further Reading: How To Talk About Money With Your Kids",
     "(Reporting by Tom Sims; Writing by Miranda Murray; Editing by Kirsten Donovan)",
     "Associated Press writer Jane Doe in Boston contributed to this report.",
     "By Tomasz Wrobel and Hana Kitagawa", "By JANE DOE, Staff Writer",
     "(This interview has been edited for length and clarity.)", "Companies in this story: (TSX:HLB)"],
)
def test_furniture_lines_are_blanked_at_the_same_offsets(line):
    text = f"Kay Lorne said the road is shut.\n\n{line}\n\nThe rain went on."
    seen = blank_furniture(text)
    assert len(seen) == len(text)
    assert line.split()[0] not in seen
    assert "Kay Lorne said the road is shut." in seen and "The rain went on." in seen


@pytest.mark.parametrize("text", [
    "Advertisements for the show ran all week, the producer said.",
    "By Tuesday, the ministry said the plan was dead.",
])
def test_an_ordinary_line_is_kept(text):
    assert blank_furniture(text) == text


def test_furniture_between_a_name_and_she_is_no_speaker():
    r = extract(Document(text=(
        "Dorit Amsel has written twelve cookbooks.\n\nArticle Continued Below\n\n"
        '"I never stop testing," she says.'
    )))
    claim = next(c for c in r.claims if "never stop testing" in c.span.text)
    assert [link.name for link in claim.chain] == ["Dorit Amsel"]
    assert all("Continued" not in c.span.text for c in r.claims)


@pytest.mark.parametrize(
    "line", ["LONDON (Reuters) - Shares fell.", "EUROPEAN GROWTH:", "EXPERTS DOWNPLAY PLANNED LAUNCH.", "NASA", "Vale: We need more nurses.",
             'Ruiz: "The Bridge Is Safe"', "Q: Will the bridge reopen?", "Chief Ruiz: the bridge is safe"],
)
def test_datelines_labels_and_speech_are_no_headings_or_links(line):
    assert not is_heading(line) and not is_link_line(line)


def test_a_link_line_gives_no_source_and_no_claim():
    r = extract(Document(text=(
        "Maya Okafor said her son still asks about the horse.\n\n"
        "Relevant Reading: Understanding Gender Is Way Over My Head\n\n"
        "She said she knows the debate will go on."
    )))
    assert all("Relevant" not in e.name for e in r.entities)
    assert all("Understanding Gender" not in c.span.text for c in r.claims)


@pytest.mark.parametrize("line", ["Editing by a committee is slow, she said.",
                                  "She said her husband contributed to the report."])
def test_sentences_about_editing_or_contributing_are_kept(line):
    assert blank_furniture(line) == line


@pytest.mark.parametrize("line, heading", [
    ("'Life-changing and heartbreaking'.", True),
    ("“Just listen to us”", True),
    ("“We need more nurses.”", False),
    ("'We are close,' she said.", False),
    ("\"Yes\"", False),
])
def test_a_short_quotation_alone_on_a_line_is_a_subheading(line, heading):
    from provenance.extract.furniture import is_quoted_heading

    assert is_quoted_heading(line) is heading
