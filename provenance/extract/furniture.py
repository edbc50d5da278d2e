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
    r"|tap the image above[^\n]{0,120}"
    r"|(?:picture|pictures|pictured|photo|photos|photograph|image|credit)\s*:[^\n]{0,120}"  # "Picture: Instagram/@tilly"
    # a press release's contact block: "Contact: Aaron Whitlock, investors@...", "Media enquiries: ..."
    r"|(?:media\s+|press\s+|investor\s+)?(?:contacts?|enquiries|inquiries)\s*:[^\n]{0,200}|media\s*:[^\n]{0,200}"
    r"|\(?this (?:interview|conversation|transcript|q&a) (?:has been|was) (?:lightly )?(?:edited|condensed)[^\n]{0,80}"
    # wire credits: "(Reporting by Tom Sims; Editing by Kirsten Donovan)", "Associated Press
    # writer Jane Doe contributed to this report."
    r"|\(?(?:additional )?(?:reporting|writing|editing) by (?-i:[A-Z])[^\n]{0,200}?\)?"
    r"|[^\n]{0,120}\bcontributed (?:reporting )?to this (?:report|story)(?: from [^\n]{0,60})?"
    # the Canadian Press house trailer: "This report by The Canadian Press was first published Sept. 12, 2025."
    r"|this (?:report|story|article) by [^\n]{1,60}? was first published[^\n]{0,60}"
    r"|companies in this story\s*:[^\n]{0,200}"  # its business footer: "Companies in this story: (TSX:HLB)"
    # a byline: "By Tomasz Wrobel and Hana Kitagawa", "By JANE DOE, Staff Writer"
    r"|by (?-i:[A-Z][\w’'.-]*(?:(?:\s+|\s*,\s*|\s+(?:and|&)\s+)[A-Z][\w’'.-]*){1,11}))[.!]?",
    re.IGNORECASE,
)
# Furniture that opens a caption line ("Open this photo in gallery Members of the team ...").
_LEAD = re.compile(r"open this photo in gallery\b", re.IGNORECASE)


SHORT = 250  # furniture lines are short; longer lines are not looked at

_WORDS = re.compile(r"[^\W\d_][\w’'-]*")
# Small words a headline leaves in lower case ("Way Over My Head", "How To Talk About Sexism").
_HEADLINE_SMALL = frozenset("a an the and or but of in on at to for by with as vs is".split())
# "Relevant Reading: ...", "Further reading: ...": a label of one to three words and a colon.
_LABEL = re.compile(r"([A-Z][\w’'-]*(?: [\w’'-]+){0,2}):\s+(\S.*)")


def is_heading(line: str) -> bool:
    """Is ``line`` a subheading in capitals that asks a question ("WHERE WILL GAS PRICES BE
    AT?")? It states nothing (docs/vocabulary.md, *claim*) and its capitals read as a name.
    Three words or more, every letter upper case. A heading that states something ("EXPERTS
    DOWNPLAY PLANNED LAUNCH") is kept: it is the article's claim."""
    return line.endswith("?") and line.isupper() and len(_WORDS.findall(line)) >= 3


def is_link_line(line: str) -> bool:
    """Is ``line`` a link to another story ("Relevant Reading: Understanding Gender in 2019
    Is Way Over My Head")? A short label, a colon, then a headline in title case: three
    words or more, every word but small ones capitalized, no quotation marks and no full
    stop at the end (speech after a speaker's label is a sentence)."""
    m = _LABEL.fullmatch(line)
    if m is None or line.endswith((".", "?", "!")) or any(q in line for q in "\"“”‘"):
        return False
    words = _WORDS.findall(m.group(2))
    big = [w for w in words if w.lower() not in _HEADLINE_SMALL]
    return len(words) >= 3 and bool(big) and all(w[0].isupper() for w in big)


# A line that is one short quotation and nothing else: "'Life-changing and heartbreaking'".
_QUOTED_LINE = re.compile(r"([‘'“\"])([^‘’'“”\"\n]{3,80})([’'”\"])\.?")


def is_quoted_heading(line: str) -> bool:
    """Is ``line`` a subheading that quotes a few words ("'Life-changing and
    heartbreaking'", "“Just listen to us”")? Two to eight words inside quotation marks, no
    sentence punctuation inside them: a quoted paragraph of speech ends its sentence within
    the marks, and it repeats words the story quotes in full."""
    m = _QUOTED_LINE.fullmatch(line)
    if m is None or m.group(2).rstrip().endswith((".", "!", "?", ",")):
        return False
    return 2 <= len(_WORDS.findall(m.group(2))) <= 8


def blank_furniture(text: str) -> str:
    """``text`` with every furniture line (and gallery caption) replaced by spaces."""
    lines = text.split("\n")
    hits = [
        k for k, line in enumerate(lines)
        if line and (len(line) <= SHORT and _short_furniture(line.strip()) or _LEAD.match(line.lstrip()))
    ]
    if not hits:
        return text
    for k in hits:
        lines[k] = " " * len(lines[k])
    return "\n".join(lines)


def _short_furniture(line: str) -> bool:
    """Is a short line (stripped) furniture: a listed line, a question subheading, a link or
    a quoted subheading?"""
    return _LINE.fullmatch(line) is not None or is_heading(line) or is_link_line(line) or is_quoted_heading(line)


# Markdown's strong emphasis, as text extracted from web pages may keep it: "**Lachance:** Nineteen".
_EMPHASIS = re.compile(r"\*\*|__")


def blank_emphasis(text: str) -> str:
    """``text`` with markdown's bold markers ("**", "__") replaced by spaces: they mark a
    speaker's label or a heading, never words of the article, and offsets stay the same."""
    return _EMPHASIS.sub(lambda m: " " * len(m.group()), text) if "**" in text or "__" in text else text
