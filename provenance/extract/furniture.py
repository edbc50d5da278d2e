"""Page furniture: the lines a web page puts between paragraphs ("Story continues below
advertisement", "Article Continued Below", "Open this photo in gallery"). They are no
claims and name no source (DESIGN.md: a chain link is never page furniture), so the rules
read the text with them blanked out, at unchanged offsets."""

import re

# Whole lines of furniture, matched case-insensitively.
_LINE = re.compile(
    r"(?:(?:story|article) continues? (?:below|after)(?: (?:the )?(?:advertisement|ad))?"
    r"|article continued below|continue reading(?: below)?|advertisement|sponsored(?: content)?"
    r"|(?:subscribe|sign up|click here|tap here|share this|follow us)\b[^\n]{0,120}"
    r"|(?:watch|listen|read more|related|more|also read|recommended)\s*:[^\n]{0,200}"
    r"|tap the image above[^\n]{0,120})[.!]?",
    re.IGNORECASE,
)
# Furniture that opens a caption line ("Open this photo in gallery Members of the team ...").
_LEAD = re.compile(r"open this photo in gallery\b", re.IGNORECASE)


def blank_furniture(text: str) -> str:
    """``text`` with every furniture line (and gallery caption) replaced by spaces."""
    if not _LINE.search(text) and not _LEAD.search(text):
        return text
    out = []
    for line in text.split("\n"):
        body = line.strip()
        if body and (_LINE.fullmatch(body) or _LEAD.match(body)):
            out.append(" " * len(line))
        else:
            out.append(line)
    return "\n".join(out)
