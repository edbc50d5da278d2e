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
    r"|(?:(?:watch|listen)(?:\s+(?:below|now|live|here|the video|video))?|read more|related|more|also read|recommended)"
    r"\s*:[^\n]{0,200}"
    r"|tap the image above[^\n]{0,120})[.!]?",
    re.IGNORECASE,
)
# Furniture that opens a caption line ("Open this photo in gallery Members of the team ...").
_LEAD = re.compile(r"open this photo in gallery\b", re.IGNORECASE)


SHORT = 250  # furniture lines are short; longer lines are not looked at


def blank_furniture(text: str) -> str:
    """``text`` with every furniture line (and gallery caption) replaced by spaces."""
    lines = text.split("\n")
    hits = [
        k for k, line in enumerate(lines)
        if line and (len(line) <= SHORT and _LINE.fullmatch(line.strip()) or _LEAD.match(line.lstrip()))
    ]
    if not hits:
        return text
    for k in hits:
        lines[k] = " " * len(lines[k])
    return "\n".join(lines)
