"""Paragraphs, sentences, tokens and quotations, found with regular expressions.

No parser: a regex pipeline runs at hundreds of thousands of words a second, where a
dependency parser runs at a few thousand (measured on this project's machine).
Every function returns character offsets into the original text.
"""

import re
from dataclasses import dataclass, field

# Abbreviations after which a full stop does not end a sentence (Punkt-style list,
# Kiss & Strunk 2006, written out by hand for news English).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen lt col maj capt sgt cpl adm cmdr gov sen rep
    rev hon pres supt insp det messrs mme mlle inc corp co ltd llc plc bros no nos vs
    etc al approx dept univ est fig jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun ala ariz ark calif colo conn del fla ga
    ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex
    va vt wash wis wyo u.s u.k u.n e.u d.c u.s.a a.m p.m i.e e.g smt shri kum cr const cst coun cllr pvt pte pty""".split()
)

_PARAGRAPH = re.compile(r"[^\n]+")
# A quote mark, or two straight apostrophes (''): written as one character class first,
# so the engine skips to candidates, then a second ' only after a first.
_QUOTE_MARK = re.compile("[“”«»\"'](?:(?<!')|')")
# Sentence-final punctuation with its closing quotes and brackets, before a capital or a
# digit or at the end. It opens with a character class so the regex engine can skip
# straight to the next [.!?] instead of trying the pattern at every character.
_BOUNDARY = re.compile(r"[.!?][.!?]*(?:[\"”’)\]]|'')*(?:(?=\s+(?:[\"“‘(\[]|'')?[A-Z0-9])|$)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# A name and a verb of saying after a quoted question or exclamation: "“Why?” Ruiz asked."
_NAMED_SPEAKER_AFTER = re.compile(
    r"\s+(?:[A-Z][\w’'.-]*\s+){1,4}(?:said|says|asked|asks|told|added|adds|wrote|writes|replied|replies|"
    r"shouted|yelled|exclaimed|insisted|wondered|demanded)\b"
)
# Words that open a sentence after a time ("6 p.m. The agency ..."), never a time's day or zone.
_OPENER_AFTER = re.compile(r"\s+(?:The|A|An|He|She|It|They|We|I|This|That|These|Those|There|Police|But|And|In|On)\b")
_INITIALS = re.compile(r"^(?:[a-z]\.)+[a-z]$")  # "g.k" of "G.K. Butterfield"
_TITLES = "Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|Rev|Maj|Adm|Cmdr|Supt|Det|Insp|Hon|Pres|Amb|Fr|No|Mt|Ft|Messrs|Smt|Shri|Kum|Cr|Const|Cst|Cpl|Coun|Cllr"
TOKEN = re.compile(
    # A run of ASCII letters that ends the word (no apostrophe, hyphen, dot or & goes on)
    # is a token whichever rule below would take it: deciding it first spares most tokens
    # the other alternatives. Everything else tries the rules in order.
    r"(?:E!(?= (?:News|Online|Entertainment))|Yahoo!(?= [A-Z])|(?:Hello|OK)!(?= [Mm]agazine| [a-z]))"  # "E! News", "told OK! that"
    r"|[A-Za-z]+(?![\w’'\-.&])"
    r"|''|``"  # typewriter quotes (the New York Times writes ''quoted'')
    r"|(?:[A-Za-z]\.){2,}"  # U.S., U.N.
    rf"|(?:{_TITLES})\.(?=\s)"  # titles keep their full stop: "Sen. Ted Cruz"
    r"|(?:Inc|Corp|Co|Ltd|Plc|Bros|LLC)\.(?=\s+[a-z]|\s*,)"  # "Acme Corp. said", "Acme, Inc., a maker"
    r"|(?:Pvt|Pte|Pty)\.(?=\s+Ltd\b)"  # "Suryoday Agritech Pvt. Ltd.", "Pte. Ltd.", "Pty. Ltd."
    r"|[A-Z]\.(?=\s+[A-Z])"  # a middle initial: "Michael P. McDonald"
    r"|\d[A-Z]{2,3}(?![\w’'\-.&])"  # an Australian radio call sign: "told 2GB", "3AW"
    r"|\$?\d+(?:[.,:]\d+)*%?"  # numbers, money, percentages, times ("2:15 a.m.", "1:30")
    r"|[’']s\b|n[’']t\b"  # clitics: "He’s" -> He ’s, "doesn’t" -> does n’t
    r"|\w+?(?=n[’']t\b)"  # the word before n't
    r"|\w+(?:[’'](?!s\b)\w+|[\-.&]\w+)*"  # words with inner apostrophes, hyphens, dots
    r"|[^\w\s]"  # any other single character
)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-empty lines of ``text[start:end]`` as ``(start, end)``, trimmed of spaces."""
    end = len(text) if end is None else end
    out = []
    for m in _PARAGRAPH.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


# The longest stretch read as one sentence. Rules that relate the cues of a sentence to
# each other cost more than linear time in its length; text with no sentence punctuation
# (a run-on line, a page scraped without full stops) would make them quadratic in the
# document. Longer sentences are cut into pieces at a space (issue 11, case 2). News
# sentences are far shorter: the longest in PolNeAR train has 1,094 characters.
MAX_SENTENCE_CHARS = 1500


# A name spelled with "!" before its next word: "E! News", "Yahoo! Finance", "Hello! magazine", "OK! magazine".
_BANG_NAME = re.compile(r"(?<![\w'’])(?:E! (?:News|Online|Entertainment)|Yahoo! [A-Z]|(?:Hello|OK)! [Mm]agazine)")


def _in_bang_name(text: str, i: int, start: int, end: int) -> bool:
    """Is the "!" at ``i`` part of a name spelled with one ("E! News", "Hello! magazine")?"""
    hit = _BANG_NAME.search(text, max(start, i - 5), min(end, i + 16))
    return hit is not None and hit.start() < i < hit.end()


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph into sentences, keeping abbreviations and initials whole;
    a sentence longer than ``MAX_SENTENCE_CHARS`` comes in pieces (``capped``)."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group().startswith(".") and len(m.group().rstrip('"”’)]')) == 1:
            w = _WORD_BEFORE.search(text, max(start, m.start() - 20), m.start())
            if w:
                word = w.group(1).lower().rstrip(".")
                if word in ("a.m", "p.m") and _OPENER_AFTER.match(text, m.end(), end):
                    pass  # "until 6 p.m. The agency says": the time ends its sentence
                elif word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or _INITIALS.match(word):
                    continue
        if m.group()[0] in "?!" and m.group()[-1] in "\"”’" and _NAMED_SPEAKER_AFTER.match(text, m.end(), end):
            continue  # "“Are there prizes?” Lincicome asked": the quotation and its speaker are one sentence
        if m.group() == "!" and _in_bang_name(text, m.start(), start, end):
            continue  # "told E! News", "Yahoo! Finance", "Hello! magazine": the "!" is the name's
        e = m.end()
        if text[s:e].strip():
            out.extend(capped(text, s, e))
        s = e
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        out.extend(capped(text, s, end))
    return out


def capped(text: str, s: int, e: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``text[s:e]`` as pieces of at most ``limit`` characters, each cut at the last space
    of its second half (or at the limit when there is none), spaces trimmed."""
    if e - s <= limit:
        return [(s, e)]
    out = []
    while e - s > limit:
        cut = text.rfind(" ", s + limit // 2, s + limit)
        if cut < 0:
            cut = s + limit
        piece_end = cut
        while piece_end > s and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((s, piece_end))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        out.append((s, e))
    return out


@dataclass(slots=True)
class Tokens:
    """The tokens of one sentence: parallel lists of offsets, surface forms, lowercase."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    lower: list[str] = field(default_factory=list)
    # phrases.clause_start's answers so far (token -> first token of its clause), so that
    # the cues of a long clause do not each walk back to its start
    clause_starts: dict[int, int] | None = field(default=None, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.words)


_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group


def tokenize(text: str, start: int, end: int) -> Tokens:
    """Tokens of ``text[start:end]``.

    They depend on ``text[start:end]`` alone (no pattern looks behind ``start`` or past
    ``end``), so a phrase tokenized on its own gives the same tokens, shifted.
    """
    ms = list(TOKEN.finditer(text, start, end))
    words = list(map(_GROUP, ms))
    return Tokens(list(map(_START, ms)), list(map(_END, ms)), words, list(map(str.lower, words)))


def quote_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted stretches of one paragraph, quote marks included.

    Curly quotes pair by direction; straight quotes alternate. An opening quote with no
    closing one runs to the end of the paragraph (news style for quotes that go on in the
    next paragraph).
    """
    out: list[tuple[int, int]] = []
    open_at = -1
    for m in _QUOTE_MARK.finditer(text, start, end):
        c = m.group()
        if c in ("“", "«"):
            if open_at < 0:
                open_at = m.start()
        elif c in ("”", "»"):
            if open_at >= 0:
                out.append((open_at, m.end()))
                open_at = -1
        elif open_at < 0:  # " or '' open and close alike
            open_at = m.start()
        else:
            out.append((open_at, m.end()))
            open_at = -1
    if open_at >= 0 and end - open_at > 1:
        out.append((open_at, end))
    return out


def is_open_quote(c: str) -> bool:
    """A character (or the token ``''``) that can open a quotation."""
    return c in ("“", '"', "«", "''", "``")


def is_close_quote(c: str) -> bool:
    """A character (or the token ``''``) that can close a quotation."""
    return c in ("”", '"', "»", "''")


def trim(text: str, start: int, end: int, chars: str = " \t\n,;:.—–-") -> tuple[int, int]:
    """Shrink ``(start, end)`` past leading and trailing ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


# A quotation in single quotes (British style): an opening mark at the start of a word, a
# closing mark after a letter or punctuation and before a space or punctuation, with
# punctuation on one side of the closing mark so that "the boys' toys" is no quotation.
_SINGLE_QUOTED = re.compile(
    r"(?<![\w'‘’])['‘](?=[A-Za-z0-9])"  # opening
    r"[^'‘’\n]*(?:['’][a-z][^'‘’\n]*)*?"  # body; apostrophes inside words ("it's") allowed
    r"(?:[.,!?;:]['’](?![\w])|(?<=[\w])['’](?=[.,;:!?)]|\s*[—–]))"  # closing
)
_DOUBLE_MARKS = re.compile(r"[\"“”«»]")


def double_single_quotes(text: str) -> str:
    """``text`` with quotations in single quotes written with curly double quotes, in
    paragraphs that have no double quotes of their own: the same length, so every offset
    still holds. The rules read quotations by their double marks; British and Australian
    news quote with single ones ('We were second to everything,' Hartley said)."""
    if "'" not in text and "‘" not in text:
        return text
    out = list(text)
    pos = 0
    for para in text.split("\n"):
        if not _DOUBLE_MARKS.search(para):
            matches = list(_SINGLE_QUOTED.finditer(para))
            for m in matches:
                out[pos + m.start()] = "“"
                out[pos + m.end() - 1] = "”"
            lead = len(para) - len(para.lstrip())
            if _OPENING_SINGLE.match(para, lead) and not any(m.start() == lead for m in matches) \
                    and not _CLOSING_SINGLE.search(para, lead + 1):
                out[pos + lead] = "“"  # a quotation that runs on into the next paragraph: no closing mark
            for opening in (_OPENING_AFTER_COLON.search(para), _last_opening_after_sentence(para)):
                if opening is not None and not any(m.start() <= opening.end() - 1 < m.end() for m in matches) \
                        and not _CLOSING_SINGLE.search(para, opening.end()):
                    out[pos + opening.end() - 1] = "“"  # "A source told The Sun: 'Gideon went white ..." running on
        pos += len(para) + 1
    return "".join(out)


# A paragraph opening with a single quotation mark before a word; a mark that may close it
# ("'Community of acquaintances' exists": a quoted phrase, not an open quotation).
_OPENING_SINGLE = re.compile(r"['‘](?=[A-Za-z0-9])")
_CLOSING_SINGLE = re.compile(r"(?<=\w)['’](?=\s|$)")
def _last_opening_after_sentence(para: str) -> re.Match[str] | None:
    """The last single mark that opens a sentence inside a paragraph ("... Tuohey said on
    Friday. 'I'm not daft. ..."): a quotation that may run on into the next paragraph."""
    last = None
    for m in _OPENING_AFTER_SENTENCE.finditer(para):
        last = m
    return last


# A single mark opening a quotation after a sentence's end: "on Friday. 'I'm not daft."
_OPENING_AFTER_SENTENCE = re.compile(r"(?<=[.!?])\s+['‘](?=[A-Z])")
# A single quotation mark opening a quotation after a speaker's colon: "told The Sun: 'Gideon".
_OPENING_AFTER_COLON = re.compile(r":\s+['‘](?=[A-Za-z0-9])")
