"""Page furniture is neither a claim nor a source (provenance/extract/furniture.py)."""

import pytest

from provenance.extract import extract
from provenance.extract.furniture import blank_furniture
from provenance.models import Document


@pytest.mark.parametrize(
    "line",
    ["Story continues below advertisement", "Article Continued Below", "ADVERTISEMENT",
     "WATCH: Flood waters rise in the valley", "WATCH BELOW: Controversy continues over the park",
     "Subscribe now for unlimited access",
     "Open this photo in gallery Members of the team pose for a photo."],
)
def test_furniture_lines_are_blanked_at_the_same_offsets(line):
    text = f"Kay Lorne said the road is shut.\n\n{line}\n\nThe rain went on."
    seen = blank_furniture(text)
    assert len(seen) == len(text)
    assert line.split()[0] not in seen
    assert "Kay Lorne said the road is shut." in seen and "The rain went on." in seen


def test_an_ordinary_line_is_kept():
    text = "Advertisements for the show ran all week, the producer said."
    assert blank_furniture(text) == text


def test_furniture_between_a_name_and_she_is_no_speaker():
    r = extract(Document(text=(
        "Dorit Amsel has written twelve cookbooks.\n\nArticle Continued Below\n\n"
        '"I never stop testing," she says.'
    )))
    claim = next(c for c in r.claims if "never stop testing" in c.span.text)
    assert [link.name for link in claim.chain] == ["Dorit Amsel"]
    assert all("Continued" not in c.span.text for c in r.claims)
