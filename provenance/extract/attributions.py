"""Find attributions in one sentence: cue, source noun phrase and content, as offsets.

The patterns are those of news reporting described by Pareti (2016, PARC 3.0) and the
PolNeAR guidelines (Newell et al. 2018): a reporting verb with its subject before or after
it ("X said", "said X", quote-first forms), "according to X" and kin, told/speaking to an
outlet as a relay, "citing X" as an upstream source, and hedges with no source at all.
"""

import re
from dataclasses import dataclass

from provenance.extract import grammar as g
from provenance.extract.content import (
    content_backward,
    content_forward,
    next_quote,
    skip_adjuncts,
)
from provenance.extract.lexicon import Cue, Lexicon, fold, lexicon
from provenance.extract.phrases import (
    aux_start,
    np_forward,
    strip_adjunct,
    subject_before,
    tight_np,
    valid_subject,
)
from provenance.extract.sentence import Found, Pair, Sentence, cap, content_end, quote_at, quotes_within
from provenance.extract.speakers import DEMONYMS, first_names
from provenance.extract.text import Tokens, is_close_quote, is_open_quote
from provenance.models import CueType


def find(s: Sentence, lex: Lexicon) -> list[Found]:
    """All attributions of one sentence, outermost and innermost alike.

    The steps run in order, and each marks the tokens it used as a cue or source in
    ``taken`` so that later steps leave them alone: clause-level phrase cues ("according
    to X"), a headline or document label ("Trump: ...", "In a new poll, ..."), noun cues
    with a possessor ("his view that ..."), the hearers and cited sources that decorate a
    verb ("speaking to X", "citing X"), and last the reporting verbs themselves.
    """
    t = s.toks
    taken = [False] * len(t)  # tokens already used as a cue or source
    out = _phrase_attributions(s, t, taken)
    if len(t) > 2 and not out:
        out.extend(_label_attributions(s, t, lex, taken))
    out.extend(_noun_attributions(s, t, lex, taken))
    out.extend(_reports_that(s, t, lex, taken))
    relays, upstream = _decorations(t, taken)
    _add_verb_attributions(s, t, lex, taken, relays, upstream, out)
    return out


def _mark(taken: list[bool], a: int, b: int) -> None:
    """Mark tokens ``a..b`` (inclusive) as used by an attribution."""
    for x in range(a, b + 1):
        taken[x] = True


# --- step 1: clause-level phrase cues ---------------------------------------------

# First words of the clause-level cue phrases of step 1 and of the decorations of step 4.
_PHRASE_CUE_STARTS = frozenset(["according", "as", "in", "per"])
def _per_source_ends_in_a_source(t: Tokens, k: int) -> bool:
    """Does the phrase from ``k`` to its comma end in a document or a name ("Per the
    report,", "Per TMZ,"), not in rules one follows ("Per the council's own rules, the vote
    must be held")?"""
    comma = next((x for x in range(k, min(len(t), k + 8)) if t.words[x] == ","), None)
    if comma is None or comma == k:
        return False
    last = t.words[comma - 1]
    return last.lower() in lexicon().documents or last[:1].isupper()


# What "Per" opens as a source at a sentence's start: a determiner or a possessive.
_PER_SOURCES = frozenset("the a an its his her their our".split())
_DECORATION_STARTS = frozenset("speaking talking interview citing quoting statement email letter message".split())
# An Australian radio call sign ("2GB", "3AW", "4BC"): a station's name that opens with a digit.
_CALL_SIGN = re.compile(r"\d[A-Z]{2,3}")


def _phrase_cue_end(t: Tokens, i: int) -> int:
    """Last token of a phrase cue at ``i`` ("according to", "as reported by", "in the
    words of": PARC 3.0's prepositional cues), or -1 when none starts there."""
    n = len(t)
    low = t.lower[i]
    if low == "according" and i + 1 < n and t.lower[i + 1] == "to":
        return i + 1
    if low == "per" and i == 0 and t.words[i] == "Per" and i + 1 < n and t.lower[i + 1] in _PER_SOURCES \
            and _per_source_ends_in_a_source(t, i + 1):
        return i  # "Per the report, Castellano became ...": "per" as "according to" (no "per cent")
    if (
        low == "as"
        and i + 2 < n
        and t.lower[i + 1] in ("reported", "quoted", "told", "cited")
        and t.lower[i + 2] in ("by", "to", "in")
    ):
        return i + 2
    if (
        low == "in"
        and i + 3 < n
        and t.lower[i + 1] == "the"
        and t.lower[i + 2] in ("words", "view", "opinion")
        and t.lower[i + 3] == "of"
    ):
        return i + 3
    return -1


def _phrase_content(s: Sentence, t: Tokens, i: int, np_end: int) -> tuple[Pair, str] | None:
    """Content and direction of the phrase cue at ``i`` whose source ends before
    ``np_end``: the clause before it, the clause after it, or the whole sentence when it
    sits in the middle (PolNeAR: the content is what the source is credited with)."""
    n = len(t)
    after = np_end + 1 if np_end < n and t.words[np_end] == "," else np_end
    has_after = after < n and t.words[after] not in (".", "!", "?")
    has_before = i > 0 and t.starts[i] - s.start > 3
    if has_before and not has_after:
        e = t.starts[i]
        while e > s.start and s.text[e - 1] in " ,":
            e -= 1
        # set off by a comma it scopes over the sentence, else over the clause it ends
        return (s.start, e), "backward" if t.words[i - 1] == "," else "backward-local"
    if has_after and not has_before:
        c = content_forward(s, t, after, "speech", lenient=True)
        return None if c is None else (_and_after_frame(s, t, c), "forward")
    if has_after and has_before:
        return (s.start, content_end(s)), "around"
    return None


def _and_after_frame(s: Sentence, t: Tokens, c: Pair) -> Pair:
    """A fronted frame's content to the sentence's end when a clause joined by ", and" goes on
    after it with no reporting verb of its own ("According to the company, its services are used
    by 2.4 lakh farmers, and its revenue grew 2.6 times"): the frame covers both."""
    rest = s.text[c[1] : s.end]
    if not _COMMA_AND.match(rest):
        return c
    verbs = lexicon().verbs
    if any(t.lower[k] in verbs for k in range(len(t)) if t.starts[k] >= c[1]):
        return c  # "..., and critics say ...": a report of its own
    return (c[0], content_end(s))


_COMMA_AND = re.compile(r"[\s,]*,\s+and\s+\w")


def _phrase_attributions(s: Sentence, t: Tokens, taken: list[bool]) -> list[Found]:
    """Step 1: "according to X", "as reported by X", "in the words of X" with their source
    (a wide noun phrase: "a poll by Gallup of likely voters") and content."""
    n = len(t)
    out: list[Found] = []
    nxt = 0  # the first token after the last phrase found
    for i in [k for k, low in enumerate(t.lower) if low in _PHRASE_CUE_STARTS]:
        if i < nxt:
            continue
        cue_end = _phrase_cue_end(t, i)
        if cue_end < 0:
            continue
        np_end = np_forward(t, cue_end + 1, n, wide=True)
        if np_end <= cue_end + 1:
            continue
        placed = _phrase_content(s, t, i, np_end)
        if placed is None:
            continue
        src = (t.starts[cue_end + 1], t.ends[np_end - 1])
        out.append(
            Found(
                cue=(t.starts[i], t.ends[cue_end]),
                cue_type=CueType.according_to,
                source=src,
                content=placed[0],
                direction=placed[1],
                lemma="according to",
                name=src,
            )
        )
        _mark(taken, i, np_end - 1)
        nxt = np_end
    return out


# --- step 2: labels: "Name: statement" and "In a new poll, ..." -------------------------


def _label_attributions(s: Sentence, t: Tokens, lex: Lexicon, taken: list[bool]) -> list[Found]:
    """Step 2, for a sentence with no phrase cue: a speaker's label before a colon or a
    document named by the opening phrase; the tokens up to its cue and source are taken."""
    f = _colon_attribution(s, t, lex) or _in_document_attribution(s, t, lex)
    if f is None:
        return []
    assert f.cue is not None  # both rules find a cue
    reach = max(f.cue[1], f.source[1] if f.source else 0)
    _mark(taken, 0, max(x for x in range(len(t)) if t.starts[x] < reach))
    return [f]


_NOT_SPEAKERS = frozenset(
    """note update editor's editor photo photos source sources watch read related correction
    disclosure video image caption warning breaking exclusive live analysis opinion
    background context example question answer step tip update fact bottom summary
    result results date time location where when what why how latest twitter byline
    contributing hey busted just leaked listen look lol wow confirmed reminder recap""".split()
)


def _label_colon(t: Tokens) -> int:
    """The colon after a capitalized label of one to three words that opens the sentence
    ("Trump:", "Secretary of State:"), or -1."""
    k = 0
    while k < len(t) and k < 6 and t.words[k] != ":":
        if not (cap(t.words[k]) or t.lower[k] in ("’s", "'s", "of", "the", "and") and k > 0):
            return -1
        k += 1
    if k == 0 or k > 3 or k >= len(t) - 1 or t.words[k] != ":":
        return -1
    return k


def _label_names_speaker(t: Tokens, k: int, lex: Lexicon) -> bool:
    """Do the label words before the colon at ``k`` name someone, rather than a page
    section ("A:", "BYLINE:", "Update:") or a document ("Report:")?"""
    if any(len(w) < 2 or w.isupper() and len(w) > 3 for w in t.words[:k]):
        return False  # "ENERGY:", "BREAKING:": a section; a speaker in capitals is read as a name first (pipeline.titled_labels)
    if t.lower[0].rstrip(".") in _NOT_SPEAKERS or t.lower[k - 1] in _NOT_SPEAKERS:
        return False
    return t.lower[0] not in lex.documents and t.lower[k - 1] not in lex.documents


def transcript_label(word: str, lex: Lexicon) -> bool:
    """Is one word in capitals before a colon a speaker of a transcript ("SVEINSDÓTTIR:",
    "PRESENTER:") rather than a dateline or a section ("WASHINGTON:", "BREAKING:")? No
    place, no listed section word."""
    low = word.lower()
    return fold(low) not in lex.places and low not in _NOT_SPEAKERS


def _colon_attribution(s: Sentence, t: Tokens, lex: Lexicon) -> Found | None:
    """ "Trump: I will win" / "SANDERS: ...": a name, a colon, and what the name says
    (headlines and transcripts)."""
    k = _label_colon(t)
    if k < 0 or not _label_names_speaker(t, k, lex):
        return None
    content = content_forward(s, t, k + 1, "speech", lenient=True)  # "Vale: And on its own ..."
    if content is None:
        return None
    src = (t.starts[0], t.ends[k - 1])
    return Found(
        cue=(t.starts[k], t.ends[k]),
        cue_type=CueType.other,
        source=src,
        content=content,
        direction="forward",
        lemma=":",
        cls="speech",
        name=src,
    )


_POLL_HEADS = frozenset(
    "poll polls survey surveys study studies report analysis memo filing review audit".split()
)


def _in_document_attribution(s: Sentence, t: Tokens, lex: Lexicon) -> Found | None:
    """ "In a new Fox News poll, Trump leads": the document named by the opening phrase."""
    if t.lower[0] != "in" or len(t) < 5:
        return None
    comma = next((x for x in range(1, min(len(t), 15)) if t.words[x] == ","), -1)
    if comma < 3 or t.lower[1] not in g.DETERMINERS:
        return None
    if not any(t.lower[x] in _POLL_HEADS for x in range(2, comma)):
        return None
    polled = any(t.lower[x] in ("poll", "polls", "survey", "surveys") for x in range(2, comma))
    if not polled and _speaker_follows(t, comma + 1, lex):
        return None  # "In a stock exchange filing, the company said": the company's medium
    content = content_forward(s, t, comma + 1, "speech")
    if content is None:
        return None
    src = (t.starts[1], t.ends[comma - 1])
    return Found(
        cue=(t.starts[0], t.ends[0]),
        cue_type=CueType.other,
        source=src,
        content=content,
        direction="forward",
        lemma="in",
        cls="speech",
        name=src,
    )


def _speaker_follows(t: Tokens, k: int, lex: Lexicon) -> bool:
    """Does the clause at ``k`` open with a subject and a speech verb ("the company said",
    "Acme Corp told investors")? Then the document before it is that speaker's medium, not
    a source of its own. (Not after a poll: "most said" are its respondents.)"""
    for x in range(k + 1, min(len(t), k + 7)):
        if t.words[x] in (",", ".", ";", ":"):
            return False
        cue = lex.verbs.get(t.lower[x])
        if cue is not None and t.words[x].islower():
            return True
    return False


# --- step 3: noun cues with a possessor -------------------------------------------------

_POSSESSIVES = frozenset("his her their its my our".split())


def _possessor(t: Tokens, i: int, taken: list[bool]) -> Pair | None:
    """Tokens of the possessor before the noun at ``i``: a possessive pronoun ("his
    view") or a capitalized name with 's ("Trump’s criticism"), or None."""
    prev = t.lower[i - 1]
    if prev in _POSSESSIVES:
        return (i - 1, i - 1)
    if prev in ("’s", "'s") and i >= 2 and cap(t.words[i - 2]):
        k = i - 2
        while k - 1 >= 0 and cap(t.words[k - 1]) and not taken[k - 1]:
            k -= 1
        return (k, i - 2)
    return None


def _noun_cue_end(t: Tokens, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """(last cue token, first content token) of the noun cue at ``i``: the noun takes its
    preposition ("criticism of", "view on") unless the lexicon says the pair is loose;
    "that" starts the content. None when no complement follows."""
    p = i + 1
    if t.lower[p] not in ("of", "on", "for", "to", "about", "against", "that"):
        return None
    if t.lower[p] != "that" and lex.particles.get((t.lower[i], t.lower[p]), True):
        return p, p + 1
    return i, p


def _noun_attributions(s: Sentence, t: Tokens, lex: Lexicon, taken: list[bool]) -> list[Found]:
    """Step 3: nominal cues after a possessor, who is the source (PolNeAR's convention):
    the cue is the noun and its preposition, the content its complement."""
    out = []
    nouns = lex.nouns
    for i in [k for k in range(1, len(t) - 2) if t.lower[k] in nouns]:
        if taken[i]:
            continue
        src = _possessor(t, i, taken)
        ends = _noun_cue_end(t, i, lex) if src is not None else None
        if src is None or ends is None:
            continue
        cue_end, p = ends
        content = content_forward(s, t, p, "speech", lex=lex)
        if content is None:
            continue
        span = (t.starts[src[0]], t.ends[src[1]])
        out.append(
            Found(
                cue=(t.starts[i], t.ends[cue_end]),
                cue_type=CueType.other,
                source=span,
                content=content,
                direction="forward",
                lemma=nouns[t.lower[i]],
                cls="stance",
                name=span,
            )
        )
        _mark(taken, src[0], cue_end)
    return out


_HEARSAY = frozenset(("reports", "rumours", "rumors"))
# Words after which "reports" is a noun: "amid reports that", "there were reports that".
_HEARSAY_LEADS = frozenset("amid despite after following of about are were been heard received seen denied dismissed".split())
# Words that may stand before "reports" and belong to the source: "unconfirmed reports".
_HEARSAY_ADJECTIVES = frozenset("unconfirmed early initial local media news conflicting further fresh new credible".split())


def _reports_that(s: Sentence, t: Tokens, lex: Lexicon, taken: list[bool]) -> list[Found]:
    """Step 3b: "We are hearing reports that ...", "amid unconfirmed reports that ...": the
    reports (nobody named) are the vague source of the clause after "that"; live blogs
    pass on what they hear this way."""
    out: list[Found] = []
    if _HEARSAY.isdisjoint(t.lower):
        return out  # most sentences: one pass in C
    for i in range(1, len(t) - 2):
        if t.lower[i] not in _HEARSAY or t.lower[i + 1] != "that" or taken[i] or not t.words[i].islower():
            continue
        a = i
        while a > 0 and t.lower[a - 1] in _HEARSAY_ADJECTIVES:
            a -= 1
        if a > 0 and (t.lower[a - 1] in g.DETERMINERS or t.lower[a - 1] in ("’s", "'s")):
            continue  # "the reports that", "Reuters' reports that": a named or known report
        if a == i and not (t.lower[i - 1] in _HEARSAY_LEADS or t.lower[i - 1].endswith("ing")):
            continue  # "Euan MacLeod, reports that": the verb
        content = content_forward(s, t, i + 1, "speech", lex=lex)
        if content is None:
            continue
        span = (t.starts[a], t.ends[i])
        out.append(Found(cue=(t.starts[i], t.ends[i + 1]), cue_type=CueType.other, source=span, content=content,
                         direction="forward", lemma="report", cls="speech", name=span))
        _mark(taken, a, i)
    return out


# --- step 4: decorations of a verb: hearers and cited sources --------------------------

# (token index, the hearer or cited source, the whole phrase as evidence)
Decoration = tuple[int, Pair, Pair]


def _speaking_to(t: Tokens, i: int) -> tuple[int, int, int] | None:
    """ "speaking to X", "talking with X": (evidence start, X start, X end) as tokens; X
    heard the statement and may be the outlet that relays it (PARC 3.0's hearer)."""
    if t.lower[i] in ("speaking", "talking") and i + 1 < len(t) and t.lower[i + 1] in ("to", "with"):
        e = np_forward(t, i + 2, len(t))
        e = next((k for k in range(i + 3, e) if t.lower[k] in _WHERE_SPOKEN), e)  # "to CBC News outside the courthouse"
        if e > i + 2:
            return i, i + 2, e
    if t.lower[i] == "speaking" and i + 2 < len(t) and t.lower[i + 1] == "on" and t.words[i + 2][:1].isupper():
        e = np_forward(t, i + 2, len(t))  # "Speaking on Clare FM's morning show": the station
        return (i, i + 2, e) if e > i + 2 else None
    return None


# Words that open where or when someone spoke, after the one spoken to.
_WHERE_SPOKEN = frozenset("outside inside after before at in on during following".split())


def _interview_with(t: Tokens, i: int) -> tuple[int, int, int] | None:
    """ "(in an) interview with X": (evidence start, X start, X end) as tokens; X, the
    interviewer, relays what was said."""
    if t.lower[i] == "interview" and i + 1 < len(t) and t.lower[i + 1] == "with":
        e = np_forward(t, i + 2, len(t))
        if e > i + 2:
            return (i - 2 if i >= 2 and t.lower[i - 2] == "in" else i), i + 2, e
    return None


def _medium_to(t: Tokens, i: int) -> tuple[int, int, int] | None:
    """ "in a statement to X", "in an email to CBC News": (evidence start, X start, X end) as
    tokens; the one the statement was sent to relays what it says (PARC 3.0's hearer, as
    "told X"); only a named X ("to the court" is an audience, and no outlet relays it)."""
    if t.lower[i] not in _MEDIA_SENT or i + 2 >= len(t) or t.lower[i + 1] != "to":
        return None
    lead = next((k for k in range(i - 1, max(-1, i - 4), -1) if t.lower[k] == "in"), None)
    x = i + 3 if t.lower[i + 2] == "the" and i + 3 < len(t) else i + 2
    if lead is None or not cap(t.words[x]):
        return None
    e = np_forward(t, i + 2, len(t))
    if any(t.lower[k] in first_names() for k in range(x, e)):
        return None  # "in a letter to BBC Director-General Tim Davie": a person, who relays nothing
    return (lead, i + 2, e) if e > x else None


_MEDIA_SENT = frozenset("statement email letter message".split())


def _citing(t: Tokens, i: int) -> tuple[int, int, int] | None:
    """ "citing X", "quoting X": (evidence start, X start, X end) as tokens; X is the
    upstream source of what the verb's source says."""
    if t.lower[i] in ("citing", "quoting") and i + 1 < len(t):
        e = np_forward(t, i + 1, len(t), wide=True)
        if e > i + 1:
            return i, i + 1, e
    return None


def _decorations(t: Tokens, taken: list[bool]) -> tuple[list[Decoration], list[Decoration]]:
    """Step 4: the hearers ("speaking to X", "in an interview with X") and the cited
    sources ("citing X") of the sentence, which step 5 hangs on nearby verbs."""
    relays: list[Decoration] = []
    upstream: list[Decoration] = []
    for i in [k for k, low in enumerate(t.lower) if low in _DECORATION_STARTS]:
        for pattern, into in ((_speaking_to, relays), (_interview_with, relays), (_medium_to, relays), (_citing, upstream)):
            hit = pattern(t, i)
            if hit is not None:
                lead, x, e = hit
                into.append((i, (t.starts[x], t.ends[e - 1]), (t.starts[lead], t.ends[e - 1])))
                _mark(taken, i, e - 1)
                break
    return relays, upstream


# --- step 5: reporting verbs ----------------------------------------------------------

_DECORATION_REACH = 25  # tokens between a verb and a decoration that belongs to it


def _add_verb_attributions(
    s: Sentence,
    t: Tokens,
    lex: Lexicon,
    taken: list[bool],
    relays: list[Decoration],
    upstream: list[Decoration],
    out: list[Found],
) -> None:
    """Step 5: reporting verbs outside long quotations (a speaker's own words are not
    attributions of the article; short scare quotes do not count), each with the
    decorations near it. Appends to ``out``, which the participial and "when asked"
    forms read for the speaker of the main clause."""
    quotes = quotes_within(s)
    long_quotes = [q for q in quotes if s.text.count(" ", q[0], q[1]) >= 6 or _fills_sentence(s, q)]
    cue_starts = lex.cue_starts
    nxt = 0  # the first token after the last cue that made an attribution
    verbs: list[tuple[int, Found]] = []  # (cue token, attribution) of this step
    for i in [k for k, low in enumerate(t.lower) if low in cue_starts]:
        if i < nxt or taken[i]:
            continue
        hit = _cue_at(t, i, lex)
        if hit is None:
            continue
        after, cue = hit
        inside = next((q for q in long_quotes if q[0] < t.starts[i] < q[1]), None)
        if inside is not None and not _told_the_speaker(t, i, after, cue):
            continue
        f = _verb_attribution(s, t, i, after, cue, lex, taken, out)
        if f is not None and inside is not None and f.direction == "forward":
            e = min(f.content[1], inside[1])  # what the speaker was told ends with the quotation
            while e > f.content[0] and s.text[e - 1] in "\"”’'., ":
                e -= 1
            f.content = (f.content[0], e)
            f.in_quote = True
        if f is None or _leaves_its_quote(f, t.starts[i], quotes) or _coordinated_in_content(t, i, f, out):
            continue
        if _background_relative(s, t, f):
            continue
        shared = _shared_predicate(t, i, f, out)
        if shared is not None:
            shared.content = (shared.content[0], max(shared.content[1], f.content[1]))
            nxt = after
            continue  # "told The Advertiser he was embarrassed and had apologised to ...": one report
        _close_at_relative_end(s, t, f)
        verbs.append((i, f))
        out.append(f)
        nxt = after
    _decorate(verbs, relays, upstream)


def _fills_sentence(s: Sentence, q: Pair) -> bool:
    """Is quotation ``q`` the whole sentence ("“Customers are still counting every penny.”")?
    Then it is someone's words, however short, not a scare quote."""
    return q[0] <= s.start + 1 and q[1] >= s.end - 2 and s.text.count(" ", q[0], q[1]) >= 2


def _told_the_speaker(t: Tokens, v: int, after: int, cue: Cue) -> bool:
    """Is the cue at ``v``, inside a quotation, someone telling the speaker ("Our members
    tell us they have waited years", "The owner told me the damage ...")? Then the
    speaker relays it: the one report a quotation is read for (its other verbs are the
    speaker's words)."""
    told = cue.lemma == "tell" and after < len(t) and t.lower[after] in ("me", "us") \
        and not (after + 1 < len(t) and t.lower[after + 1] in ("to", "never", "not"))  # "told me never to give up": advice
    said_to = cue.lemma == "say" and after + 1 < len(t) and t.lower[after] == "to" and t.lower[after + 1] in ("me", "us")
    return (told or said_to) and v > 0 and t.lower[v - 1] not in ("i", "we", "you")  # "A member said to me that"


def _decorate(verbs: list[tuple[int, Found]], relays: list[Decoration], upstream: list[Decoration]) -> None:
    """Give each decoration ("speaking to X", "citing government sources") to the nearest
    reporting verb within reach, and to that one only: "the Yomiuri reported, citing
    government sources" cites them for the Yomiuri, not for a verb inside its report."""
    for decorations, into in ((relays, "relays"), (upstream, "upstream")):
        for ti, who, ev in decorations:
            near = [(abs(ti - i), k) for k, (i, _) in enumerate(verbs) if abs(ti - i) < _DECORATION_REACH]
            if near:
                getattr(verbs[min(near)[1]][1], into).append((who, ev))


def _close_at_relative_end(s: Sentence, t: Tokens, f: Found) -> None:
    """End the content of a verb in a relative clause between commas at the comma that
    closes the clause ("Trustee Paul Lemieux, who voted against the closure, told ..."):
    the main clause after it is not what the relative clause reports."""
    if f.source is None or f.direction != "forward" or s.text[f.source[0] : f.source[1]].lower() not in ("who", "which"):
        return
    k = next((k for k in range(len(t)) if t.starts[k] >= f.source[0]), len(t))
    if k == 0 or t.words[k - 1] != ",":
        return
    comma = next((x for x in range(k + 1, len(t)) if t.starts[x] >= f.content[0] and t.words[x] == ","), None)
    if comma is not None and t.starts[comma] < f.content[1] and t.starts[comma] > f.content[0]:
        f.content = (f.content[0], t.ends[comma - 1])


def _coordinated_in_content(t: Tokens, v: int, found: Found, earlier: list[Found]) -> bool:
    """Is the verb at ``v`` a later verb of a reported clause, coordinated after a comma or
    "and" ("said the man entered the store, showed a handgun and demanded cash")? Its
    subject lies inside an earlier attribution's content, or it closes a list of verbs
    that runs there."""
    a = v
    while a > 0 and t.lower[a - 1] in g.ADVERBS:
        a -= 1
    if a == 0 or t.lower[a - 1] not in (",", "and", "then"):
        return False
    at = t.starts[v]
    for f in earlier:
        if f.direction != "forward" or f.cue is None or f.source is None or f.source[1] > f.cue[0]:
            continue
        if f.content[0] < at < f.content[1] and found.source is not None and found.source[0] >= f.content[0]:
            return True
        if f.content[0] < at < f.content[1] and _split_outer_subject(found, f):
            return True  # "The Department of Water and Environmental Regulation said it had ... and expected results"
        if t.lower[a - 1] == "and" and f.content[1] <= t.starts[a - 1] and _ends_a_verb_list(t, a - 1, f.content[0]):
            return True  # "..., showed a handgun and demanded cash": the list's last verb
    return False


def _background_relative(s: Sentence, t: Tokens, f: Found) -> bool:
    """Is ``f`` a relative clause's verb that describes its antecedent and reports nothing:
    one whose content would lie before it ("Cr Anahera Walker, who voted against, told
    RNZ"), or a restrictive one whose infinitive runs into the main clause ("A man who
    threatened to burn down a takeaway has been fined")?"""
    if f.source is None or s.text[f.source[0] : f.source[1]].lower() not in ("who", "which"):
        return False
    if f.direction != "forward":
        return True
    k = next((k for k in range(len(t)) if t.starts[k] >= f.source[0]), 0)
    restrictive = k > 0 and t.words[k - 1] != ","
    inside = [x for x in range(len(t)) if f.content[0] <= t.starts[x] < f.content[1]]
    return restrictive and bool(inside) and t.lower[inside[0]] == "to" \
        and any(t.lower[x] in _MAIN_AUXILIARIES for x in inside[2:])


# Auxiliaries that open a main clause's verb group after a subject's relative clause.
_MAIN_AUXILIARIES = frozenset("has have had was were is are will".split())


def _shared_predicate(t: Tokens, v: int, found: Found, earlier: list[Found]) -> Found | None:
    """The earlier report whose content the verb at ``v`` goes on, as a second predicate
    of the reported clause with no subject of its own: right after "and" or "but" that
    end that content, in a backshifted verb group ("he was embarrassed and had apologised",
    "were aware of the post but could not confirm") or in the present after a past cue
    ("said it aims to ... and expects"), or a state of mind after a past cue ("said he had made a
    mistake but did not want to ..."). "said ... and added that" stays a report of its own."""
    a, _ = aux_start(t, v)
    if a == 0 or t.lower[a - 1] not in ("and", "but") or found.direction != "forward":
        return None
    conj = t.starts[a - 1]
    group = t.lower[a : v + 1]
    for f in reversed(earlier):
        if f.direction != "forward" or f.cue is None or f.cue[1] > f.content[0] or not f.content[0] < conj <= f.content[1] + 2:
            continue
        outer = t.lower[next(k for k in range(len(t)) if t.starts[k] >= f.cue[0])]
        past_cue = outer.endswith("ed") or outer in ("said", "told", "wrote")
        backshift = any(w in ("had", "could", "would", "might") for w in group)
        present = t.lower[v].endswith("s") and a == v and past_cue
        attitude = found.cls in ("intent", "belief") and past_cue  # "said she had borrowed it and intended to pay it back"
        if backshift and past_cue or present or attitude:
            return f
    return None


def _split_outer_subject(found: Found, outer: Found) -> bool:
    """Is the source found for a verb coordinated inside ``outer``'s content a piece of the
    outer subject, not all of it ("Mayor Phil Stavros' office says ... and points to ...":
    "Mayor Phil Stavros"; "The Department of Water and ... said ... and expected": "The
    Department of Water")? Then the verb shares that subject and reports no new source."""
    if found.source is None or outer.source is None or found.source == outer.source:
        return False
    return outer.source[0] <= found.source[0] and found.source[1] <= outer.source[1]


def _ends_a_verb_list(t: Tokens, j: int, start: int) -> bool:
    """Does the "and" at ``j`` close a list of verb phrases that runs in a content starting at
    ``start`` ("the man entered the store, showed a handgun and")? A comma, then a past
    tense, at most eight words before it."""
    k = j - 1
    while k > 0 and t.words[k] != "," and j - k <= 8:
        k -= 1
    if t.words[k] != "," or k + 1 >= j or t.starts[k] <= start:
        return False
    first = t.words[k + 1]
    return first.islower() and (first.endswith("ed") or first in g.IRREGULAR_PAST)




def _leaves_its_quote(f: Found, cue_at: int, quotes: list[Pair]) -> bool:
    """Is the cue at ``cue_at`` inside a quotation while its source or content reaches out
    of it (Analysts said the cut "worries investors about execution.")? Quoted words are
    the speaker's: a verb among them reports nothing of the article's."""
    for q0, q1 in quotes:
        if q0 < cue_at < q1:
            inside = f.content[0] >= q0 and f.content[1] <= q1
            return not inside or f.source is not None and not (f.source[0] >= q0 and f.source[1] <= q1)
    return False


def _quotation_after(s: Sentence, t: Tokens, p: int) -> bool:
    """Does a quotation of its own (not a quoted title: "on ABC’s “This Week”") open at or
    after token ``p``?"""
    for k in range(p, len(t)):
        if is_open_quote(t.words[k]):
            q = quote_at(s, t.starts[k])
            if q is None or s.text.count(" ", q[0], q[1]) >= 4:
                return True
    return False


def _cue_at(t: Tokens, i: int, lex: Lexicon) -> tuple[int, Cue] | None:
    """A cue verb starting at token ``i``: (index after it, cue)."""
    low = t.lower[i]
    for words, cue in lex.phrasal.get(low, ()):
        k = len(words)
        if tuple(t.lower[i : i + k]) == words:
            return i + k, cue
    verb = lex.verbs.get(low)
    if verb is None:
        return None
    return i + 1, verb


# -- is the cue word a finite verb here?

_AFTER_COMMA_OR_LEAD = (",", "and", "—", "–", "by", "while", "when", "after", "before", "without")


def _verb_form_ok(t: Tokens, v: int, low: str, lemma: str, prev: str, a: int) -> bool:
    """Is the cue word at ``v`` used as a finite verb rather than a noun or modifier?

    Base forms ("report", "support") need a plural or pronoun subject or an auxiliary;
    -s forms ("reports", "notes") must not follow a conjunction or an adjective-like word;
    -ing forms, of phrasal verbs too, need a progressive auxiliary or a participial comma
    (", saying").
    """
    if low.endswith("ing"):  # phrasal verbs too: "signs calling for Brexit" is no report of the signs' holders
        return a < v or prev in _AFTER_COMMA_OR_LEAD or a == v and _after_medium(t, v)
    if " " in lemma:
        return True
    if a < v:
        return True
    nxt = t.lower[v + 1] if v + 1 < len(t) else ""
    if (low == lemma or low.endswith("s")) and (nxt.endswith("ed") and nxt.isalpha() or nxt in _PAST_ONLY):
        return False  # "A United Nations report mentioned", "Kholwani Platinum shares fell": a noun before the verb
    if lemma in g.NOUNISH_VERBS and low == lemma:
        # "the UN report", "a vote": a noun unless a plural pronoun leads ("they report")
        return prev in ("they", "we", "i", "you", "who", "which", "that") or _plural_subject_verb(t, v, prev) \
            or _plural_head_with_complement(t, v) or _closing_plural_subject(t, v, prev)
    if lemma in g.NOUNISH_VERBS and low in (lemma + "s", lemma + "es"):
        return _nounish_s_form_ok(t, v, prev)
    if low == lemma and low in _PAST_LIKE_BASE and nxt in ("", ".", ",", ":", "!", "?", ";"):
        return True  # "“...,” her statement read.": a past tense spelled as the base
    if low == lemma and _compound_noun(t, v):
        return False  # "cut its full-year sales forecast on Tuesday": a noun after a noun
    if low == lemma:
        return (
            _base_form_ok(low, prev) or _verb_before_that(t, v) or _plural_head_before_name(t, v)
            or _closing_plural_subject(t, v, prev)
            or _plural_head_with_complement(t, v) or _plural_head_before_apposition(t, v)
        )
    if low.endswith("s") and low != lemma and not low.endswith("ss"):
        return _s_form_ok(prev)
    return True


# Irregular past tenses that are no base form too ("put", "hit", "set" are both): "shares fell".
_PAST_ONLY = g.IRREGULAR_PAST - frozenset("put hit set cut let shown".split())


def _compound_noun(t: Tokens, v: int) -> bool:
    """Is the base form at ``v`` the head of a compound noun ("its full-year sales forecast
    on Tuesday", "the earnings report, which")? A plural noun with a possessive, a hyphenated
    modifier or a determiner before it, and a preposition or a comma after it."""
    if v < 2 or not _plural_noun(t.lower[v - 1]):
        return False
    nxt = t.lower[v + 1] if v + 1 < len(t) else "."
    before = t.lower[v - 2]
    return (nxt in g.PREPOSITIONS or nxt in (",", ".", ";")) and (
        before in ("its", "their", "his", "her", "our", "the", "a", "an") or "-" in before
    )


def _plural_subject_verb(t: Tokens, v: int, prev: str) -> bool:
    """Is a base form that is also a noun ("estimate", "report", "fear") a verb after a plural
    noun, because a clause or an object opens after it ("Analysts estimate that ...",
    "officials estimate the damage at ...")? "The news report said" has a verb after it."""
    nxt = t.lower[v + 1] if v + 1 < len(t) else ""
    named = v + 1 < len(t) and t.words[v + 1][:1].isupper() and t.words[v + 1].isalpha()  # "Friends claim Brooks ..."
    return _plural_noun(prev) and (nxt == "that" or nxt in g.DETERMINERS or nxt in g.PRONOUNS and nxt != "who" or named)


def _closing_plural_subject(t: Tokens, v: int, prev: str) -> bool:
    """Is a base form that is also a noun ("claim", "report") the verb of a plural subject set
    off by a comma at the sentence's end ("..., insiders claim.", "..., club sources claim.")?
    A noun does not end a sentence after a comma and a plural."""
    if v + 1 < len(t) and t.words[v + 1] not in (".", "!", "?"):
        return False
    k = v - 1
    while k > 0 and v - k <= 5 and t.words[k].isalpha():
        k -= 1
    plural = any(_plural_noun(w) or w in _PLURAL_MASS for w in t.lower[k + 1 : v])  # ", data compiled by Bloomberg show."
    return t.words[k] in (",", "—", "–") and plural and prev.isalpha()


# Nouns that take a plural verb without an -s: ", data compiled by Bloomberg show."
_PLURAL_MASS = frozenset("data police staff people".split())


# Cue verbs whose past tense is spelled as the base form.
_PAST_LIKE_BASE = frozenset(["read"])


def _nounish_s_form_ok(t: Tokens, v: int, prev: str) -> bool:
    """ "terror attacks", "the votes": a noun unless a singular pronoun or a name leads
    ("Internal emails", an adjective opening the sentence, is no name), or an apposition
    closes before it and "that" follows ("Our correspondent, Euan MacLeod, reports that")."""
    if prev == "," and v + 1 < len(t) and t.lower[v + 1] == "that":
        return True
    if _document_or_role_before(t, v, prev) or _document_before_participle(t, v):
        return True
    return prev in ("he", "she", "it", "who", "which", "that") or (
        v > 0 and cap(t.words[v - 1]) and t.words[v - 1] not in ("The", "A", "An")
        and not ((v == 1 or t.words[v - 2] in (":", "—", "–", "-")) and prev.endswith(_ADJECTIVE_ENDINGS))
        and prev not in DEMONYMS  # "Japanese shares fell": a nationality describes a noun
    )


def _document_or_role_before(t: Tokens, v: int, prev: str) -> bool:
    """Is an -s form that is also a noun ("states", "notes", "claims") a verb after a
    document or a role in the singular, with "that" or a determiner after it ("The
    petition states that ...", "the report notes the ...", "Another source claims Okereke
    ...", "“...,” a production insider claims.")? A noun would not follow them."""
    nxt = t.lower[v + 1] if v + 1 < len(t) else ""
    lex = lexicon()
    named = v + 1 < len(t) and t.words[v + 1][:1].isupper() and t.words[v + 1].isalpha()
    clause_after = nxt.isalpha() and nxt not in g.PREPOSITIONS and nxt not in g.AUXILIARIES and nxt not in g.CONJUNCTIONS \
        and (prev in lex.vague or prev in lex.roles)  # "A second source claims executives are": a person's claim
    return t.words[v - 1].islower() and (prev in lex.documents or prev in lex.roles or prev in lex.vague) \
        and not prev.endswith("s") and (nxt == "that" or nxt in ("the", "a", "an", ".", "", ",", "!", "?") or named
                                         or clause_after)


def _document_before_participle(t: Tokens, v: int) -> bool:
    """Is an -s form at ``v`` the verb of a document in the singular with a participle phrase
    between ("A council report tabled at the meeting estimates the repairs ...")?"""
    lex = lexicon()
    for k in range(v - 2, max(0, v - 9), -1):
        if t.words[k] in (",", ".", ";", ":"):
            return False
        if t.lower[k] in lex.documents and not t.lower[k].endswith("s") and t.words[k + 1].islower() \
                and t.lower[k + 1].endswith("ed"):
            return True
    return False


def _base_form_ok(low: str, prev: str) -> bool:
    """A base form ("say", "report") is a verb after a plural or pronoun subject; one that is
    rarely a noun ("believe") after any word but a preposition, determiner or conjunction."""
    if low in g.RARELY_NOUNS:
        return (
            prev.isalpha()
            and prev not in g.PREPOSITIONS
            and prev not in g.DETERMINERS
            and prev not in g.CONJUNCTIONS
        )
    return prev in ("i", "we", "they", "you", "who") or _plural_noun(prev)


def _plural_head_before_name(t: Tokens, v: int) -> bool:
    """Is a base form at ``v`` the verb of a plural noun with a named body after it ("Early
    figures from the WA Electoral Commission show", "Analysts at Harbor Capital estimate", "Our
    distributors in the US tell us")? The word before the verb is the body's or the place's;
    the subject is the noun before "from"/"at"/"of"/"in"/"with"."""
    k = v - 1
    while k > 0 and (cap(t.words[k]) or t.lower[k] == "the") and v - k <= 6:
        k -= 1
    return k < v - 1 and k > 0 and t.lower[k] in ("from", "at", "of", "for", "in", "with") and _plural_noun(t.lower[k - 1])


def _plural_head_with_complement(t: Tokens, v: int) -> bool:
    """Is a base form at ``v`` the verb of a plural noun with its complement between ("sources
    close to the star claim", "people familiar with the plans say")?"""
    for k in range(v - 2, max(0, v - 8), -1):
        if t.lower[k] in g.POSTNOMINAL and t.lower[k + 1] in ("to", "with", "on"):
            return _plural_noun(t.lower[k - 1])
        if t.words[k] in (",", ".", ";", ":"):
            break
    return _documents_opening_clause(t, v)


def _plural_head_before_apposition(t: Tokens, v: int) -> bool:
    """Is a base form at ``v``, right after the comma that closes an apposition, the verb of
    a plural subject that opens the sentence ("Aides to Sen. Tomás Villarreal, D-N.M., say")?"""
    if v < 3 or t.words[v - 1] != ",":
        return False
    s = 0
    while s < v and t.lower[s] in g.DETERMINERS:
        s += 1
    return s < v and t.words[s].isalpha() and _plural_noun(t.lower[s]) and "," in t.words[s + 1 : v - 1]


def _documents_opening_clause(t: Tokens, v: int) -> bool:
    """Does the clause of a base form at ``v`` open with plural documents whose modifiers
    stand between ("Figures from the Department of Environment show ...", "..., figures
    obtained by the PA news agency show.")?"""
    k = v - 1
    while k >= 0 and t.words[k] not in (",", ".", ";", ":") and v - k <= 10:
        k -= 1
    s = k + 1
    while s < v and t.lower[s] in g.DETERMINERS:
        s += 1
    lex = lexicon()
    return s < v - 1 and _plural_noun(t.lower[s]) and (t.lower[s] in lex.documents or t.lower[s][:-1] in lex.documents)


def _plural_noun(word: str) -> bool:
    """Does ``word`` look like a plural noun, a subject for a base-form verb ("analysts",
    "officials"), and not a singular in -s ("gas", "news", "status", "crisis")?"""
    return word in _PLURALS_WITHOUT_S or (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is", "’s", "'s"))
        and word not in _SINGULAR_IN_S
        and word.isalpha()
    )


_SINGULAR_IN_S = frozenset("gas news series species chaos lens atlas alias canvas sports politics economics".split())
# Plurals without an -s that take a plural verb in news: "Federal data show", "The police say".
_PLURALS_WITHOUT_S = frozenset("data police people children media criteria".split())


def _verb_before_that(t: Tokens, v: int) -> bool:
    """Is the base form at ``v`` a verb because "that" and a clause follow it ("emails
    seen by the BBC show that ...", not "a BBC show")?"""
    return v + 2 < len(t) and t.lower[v + 1] == "that" and t.words[v + 2][:1] not in ".,;"


_ADJECTIVE_ENDINGS = ("al", "ive", "ary", "ed", "ful", "ous", "ic", "ent", "ant")
_ADJECTIVE_ONLY_ENDINGS = ("ed", "ful", "ous")


def _s_form_ok(prev: str) -> bool:
    """An -s form ("says", "warns") is a verb unless "or" or an adjective comes before it.
    Only endings no person noun has count as an adjective's: "the government says", "the
    president says", "the secretary says", "a critic says", "the executive says" are
    subjects (the nouns with -s forms, "legal notes", are ``_nounish_s_form_ok``'s)."""
    return prev != "or" and not (prev.islower() and prev.endswith(_ADJECTIVE_ONLY_ENDINGS))


def _not_a_verb_here(s: Sentence, t: Tokens, v: int) -> bool:
    """Is the cue word at ``v`` a name or a noun by its left context: capitalized
    mid-sentence ("The Islamic State"), after a determiner ("the report"), a possessive
    ("Trump’s claims") or "to" ("to say")?"""
    if v == 0:
        return False
    if not t.words[v].islower() and not is_open_quote(t.words[v - 1]) and not s.title_case:
        return True
    prev = t.lower[v - 1]
    if prev == "to" and _glad_to(t, v):
        return False  # "is pleased to announce that": the subject announces
    if prev in g.DETERMINERS and not (prev in ("one", "another") and _alone_before(t, v - 1)) \
            and not (prev in _NUMBER_WORDS and v > 1 and (t.lower[v - 2] == "of" or cap(t.words[v - 1]) and cap(t.words[v - 2]))):
        return True  # ("One said:", "“It was awful,” one said", "But one said" are one of a group;
        # "the mother of two said", "a spokesperson for Channel Nine said": a number ends the subject)
    if prev in ("’s", "'s") and (v < 2 or t.lower[v - 2] not in g.PRONOUNS):
        return True
    return prev == "to"


def _glad_to(t: Tokens, v: int) -> bool:
    """Does "be pleased/delighted/proud to" stand before the verb at ``v`` ("The
    co-operative is pleased to announce that ...", press releases' way of announcing)?"""
    return v >= 3 and t.lower[v - 2] in _GLAD and t.lower[v - 3] in g.BE_FORMS


_GLAD = frozenset("pleased delighted proud excited happy thrilled honoured honored glad".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())


def _alone_before(t: Tokens, k: int) -> bool:
    """Does the word at ``k`` stand alone as a subject: at the sentence's start, after a
    closing quotation and its comma, or after a conjunction?"""
    if k == 0:
        return True
    before = t.words[k - 1]
    return is_close_quote(before) or before in (",", ":") or t.lower[k - 1] in ("but", "and", "yet")


def _not_reporting_by_right_context(t: Tokens, v: int) -> bool:
    """Is the cue word at ``v`` no report by what follows it: "thanks to the delays" (a
    preposition), "the DAX added 0.1 per cent" (a quantity, as markets report)?"""
    nxt = t.lower[v + 1] if v + 1 < len(t) else ""
    if t.lower[v] == "thanks" and nxt == "to":
        return True
    if nxt == "to" and t.lower[v] in _REDUCED_PASSIVES and v + 2 < len(t) and t.lower[v + 2] in ("be", "have", "been"):
        return True  # "Fifty people believed to have been in the complex": a passive, no one believes
    if _noun_before_report(t, v) or _apposed_participle(t, v):
        return True
    if nxt != "to" and t.lower[v] in _TO_ONLY:
        return True  # "patients referred urgently": "refer" reports only as "refer to"
    if t.lower[v] in _WRITING and (_FIGURE.match(nxt) or nxt in _COUNTS) \
            and (v + 2 >= len(t) or t.lower[v + 2] not in _TIME_UNITS):
        return True  # "wrote 212 cheques to herself", "sent hundreds of emails": things, no statement
    if t.lower[v] in ("briefed", "informed") and nxt in ("on", "about") and v > 0 and v + 2 < len(t) \
            and (_plural_noun(t.lower[v - 1]) or t.lower[v - 1] in _ONE_BRIEFED) and t.lower[v + 2] in g.DETERMINERS:
        return True  # "two people briefed on the talks said": they were briefed; "said" is the report
        # (not "officials briefed on Tuesday that ...": they briefed)
    if t.lower[v] in _WRITING and nxt in ("down", "off") and t.lower[v][0] == "w":
        return True  # "has written down the value of its portfolio", "wrote off the debt": accounts, no statement
    if t.lower[v] in ("said", "says", "say") and nxt == "yes" and v + 2 < len(t) and t.lower[v + 2] in g.PREPOSITIONS:
        return True  # "said yes during a sunset hike": an answer to a proposal, not a report
    if t.lower[v].startswith("expect") and _BABY.match(" ".join(t.lower[v + 1 : v + 5])):
        return True  # "are expecting their first child": a pregnancy, no expectation reported
    return t.lower[v] in _QUANTITY_VERBS and bool(_FIGURE.match(nxt)) or _role_before_name(t, v)


# One who may be briefed on something before saying it: "a person briefed on the matter said".
_ONE_BRIEFED = frozenset("person official source executive diplomat insider".split())
# Forms of verbs of writing and sending, and counts, for "wrote 212 cheques", "sent dozens of letters".
_WRITING = frozenset("write writes wrote written writing send sends sent sending".split())
_COUNTS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands several".split())
_TIME_UNITS = frozenset("minutes hours days weeks months years decades".split())
# What a couple expects when a baby is on the way: "expecting their first child", "expecting twins".
_BABY = re.compile(r"(?:(?:a|their|her|his|our|my)\s+)?(?:(?:first|second|third|fourth|fifth)\s+)?(?:child|baby|babies|twins|triplets)\b")


# Participles of the passive hedges that may follow their noun: "people believed to be".
_REDUCED_PASSIVES = frozenset("believed thought said reported understood known alleged rumoured rumored".split())


def _apposed_participle(t: Tokens, v: int) -> bool:
    """Is the cue word at ``v`` a participle between commas after the subject ("The
    inquiry's final report, released in May, estimated ..."), the verb coming after the
    second comma? It describes the subject; it reports nothing."""
    if v == 0 or t.words[v - 1] != "," or not t.lower[v].endswith("ed"):
        return False
    close = next((k for k in range(v + 1, min(len(t) - 1, v + 16)) if t.words[k] in (",", ".", ";")), -1)
    if close < 0 or t.words[close] != ",":
        return False
    k = close + 1
    while k + 1 < len(t) and t.lower[k] in g.ADVERBS:
        k += 1  # ", published on Wednesday in the journal X, also found that ..."
    nxt = t.lower[k]
    return nxt in g.AUXILIARIES or nxt in lexicon().verbs and not nxt.endswith("ing")


def _noun_before_report(t: Tokens, v: int) -> bool:
    """Is the cue word at ``v`` a plural noun whose own verb follows ("city documents say",
    "police reports show", "court records indicate")? Two reporting verbs do not follow
    each other; the first is the subject that reports."""
    if v + 1 >= len(t) or not t.lower[v].endswith("s") or not t.words[v + 1].islower():
        return False
    nxt = lexicon().verbs.get(t.lower[v + 1])
    return nxt is not None and nxt.cls in ("speech", "finding") and not t.lower[v + 1].endswith("ing")


def _role_before_name(t: Tokens, v: int) -> bool:
    """Is the word at ``v`` a role noun before the name of the one who reports ("tenants
    advocate Josh Matlow told ...", "party whip Dana Ruiz said ...")? A base form followed
    by a capitalized name of two words or more and a reporting verb."""
    if v + 3 >= len(t) or not t.words[v + 1][:1].isupper() or not t.lower[v].isalpha() or t.lower[v].endswith(("ed", "s")):
        return False
    k = v + 1
    while k < len(t) and k - v <= 4 and t.words[k][:1].isupper() and t.words[k].isalpha():
        k += 1
    verbs = lexicon().verbs
    return k - v > 2 and k < len(t) and t.lower[k] in verbs and verbs[t.lower[k]].cls == "speech"


_TO_ONLY = frozenset("refer refers referred referring allude alludes alluded alluding".split())
# Speech verbs that also report a change in a quantity ("added 0.1 per cent", "added $2").
_QUANTITY_VERBS = frozenset(("add", "adds", "added", "adding"))
_FIGURE = re.compile(r"[$€£¥]|\d")


_PARTICIPLE_LEADS = (",", "by", "while", "when", "after", "before", "without", "—", "–")
_ASKED_LEADS = ("when", "if", "after", "before", "while", "once")


def _verb_attribution(
    s: Sentence,
    t: Tokens,
    v: int,
    after: int,
    cue: Cue,
    lex: Lexicon,
    taken: list[bool],
    earlier: list[Found],
) -> Found | None:
    """An attribution around the reporting verb at token ``v``, or None if it is not one.

    In order: is the word a finite verb here; a participle (", saying") or "when asked",
    whose speaker is the main clause's; passives, left to the hedges; then the verb's
    hearer and particle, and its source before it (subject first) or after it (inverted).
    """
    n = len(t)
    low = t.lower[v]
    prev = t.lower[v - 1] if v > 0 else ""
    if _not_a_verb_here(s, t, v) or _not_reporting_by_right_context(t, v):
        return None
    a, be_before = aux_start(t, v)
    if _glad_to(t, v):
        a, be_before = aux_start(t, v - 3)[0], False  # "is pleased to announce": the group from "is"
    absolute = _with_absolute(t, v) if low.endswith("ing") else None
    if absolute is not None:
        # "..., with wildlife carers warning the toll could top 400", "with Helena Marsh commenting: “...”"
        content = content_forward(s, t, skip_adjuncts(t, after, n), cue.cls)
        if content is None:
            return None
        src = (t.starts[absolute[0]], t.ends[absolute[1]])
        return Found(cue=(t.starts[v], t.ends[after - 1]), cue_type=CueType.verb, source=src, content=content,
                     direction="forward", lemma=cue.lemma, cls=cue.cls, name=src)
    if not _verb_form_ok(t, v, low, cue.lemma, prev, a):
        return None
    if low.endswith("ing") and prev in ("by", "of", "for") and _modifier_ing(t, v):
        return None  # "decided by planning officers": an -ing word before a plural noun modifies it
    if low.endswith("ing") and _participle_lead(t, a, v) or low == "captioned" and prev == ",":
        # ", saying ...", ", captioned: ...", ", likely calling for ...": the speaker is the main clause's subject
        return _participle_attribution(s, t, a, after, cue, earlier)
    if cue.lemma in ("ask", "ask about") and (v == 0 or prev in _ASKED_LEADS):
        return _asked_attribution(s, t, v, after, cue, earlier)
    if after < n and t.lower[after] == "by":
        return None  # a participle: "documents published by the CIA"
    if low == "accused" and a == v and v + 1 < n and t.lower[v + 1] == "of":
        return None  # "a taxi owner accused of ordering the killing": a passive participle, no accuser
    if be_before and _quoted_as_saying(t, v):
        after = v + 3  # "he was quoted as saying": its subject said it
    elif be_before and not low.endswith("ing") and cue.lemma != "ask":
        return None  # a passive: "is believed to", handled as a hedge
    subject = _free_subject(t, a, taken)
    if subject is not None and _compared(t, subject[0][0]):
        return None
    if subject is not None and a == v and _describes_document(t, v, subject, lex):
        return None  # "A council report presented to elected members said": the report says it
    if subject is not None and _object_relative(t, subject[0][0], lex) and not _gap_before_verb(t, after):
        return None  # "potholes that councillors promised to fix", "the report that officials published"
    if subject is not None and a > 0 and a == v and t.words[a - 1] == "," and cue.lemma not in g.TELL_LEMMAS \
            and _source_after(t, after, lex):  # (no inverted verb has an auxiliary: not "..., has endorsed Sen. Cruz")
        subject = None  # "The delay follows damage ..., said the people, who ...": inverted, not "X, said Y"
    if subject is None and a > 1 and _after_aside(t, a) and _clause_after(t, after):
        subject = _subject_before_aside(t, a, taken)  # "Our correspondent X, on the route, says the mood is"
    inverted = subject is None and (a == 0 or t.words[a - 1] == "," or is_close_quote(t.words[a - 1])) \
        and not (a > 1 and _after_aside(t, a) and _clause_after(t, after))  # "..., said the robbers were calm"
    # "“…,” wrote Imogen Saxby": after an inverted verb comes its source, not a hearer
    relays, p = _hearer(t, a, after, cue) if not inverted or cue.lemma == "tell" else ([], after)
    p = skip_adjuncts(t, p, n)
    if _weak_cue_without_content(t, p, cue) and not _court_heard(t, cue, subject) and not _document_found(t, cue, subject, lex):
        return None  # "maintained control", "continues to": only "maintained that ...", "“…,” he continued"
    cue_span, p = _with_particle(t, a, after, p, cue, lex)
    clause = _VerbClause(s, t, cue, cue_span, p, relays)
    if subject is not None:
        return _subject_first(clause, subject, lex)
    if inverted:
        return _inverted(clause, a)
    return None


def _clause_after(t: Tokens, p: int) -> bool:
    """Does a clause open at ``p``, a short noun phrase and then a verb ("the mood is",
    "the union has")? After a verb, that is its content, never an inverted source."""
    if p + 1 < len(t) and (t.lower[p] in _SUBJECT_PRONOUNS and t.words[p + 1].isalpha() or t.lower[p] == "that"):
        return True  # "said she confronted him", "says that ..."; not "said she."
    k = p
    while k < len(t) and k - p < 4 and (t.lower[k] in g.DETERMINERS or t.words[k].isalpha() and t.lower[k] not in g.AUXILIARIES):
        k += 1
    return p < k < len(t) and t.lower[k] in g.AUXILIARIES and t.lower[k] not in ("'s", "’s") or _noun_then_verb(t, p)


def _noun_then_verb(t: Tokens, p: int) -> bool:
    """Do a determiner, a noun and a finite verb with its object open a clause at ``p`` ("the
    region needs to spend", "the plan faces a vote")? A noun in -s or -ed then an object
    reads as a verb there, not as a plural ending a source ("said the officials.")."""
    if p + 3 >= len(t) or t.lower[p] not in g.DETERMINERS:
        return False
    noun, verb = t.words[p + 1], t.words[p + 2]
    return noun.isalpha() and noun.islower() and verb.isalpha() and verb.islower() \
        and verb.endswith(("s", "ed")) and verb not in g.AUXILIARIES and t.lower[p + 3] in _OBJECT_OPENERS


_OBJECT_OPENERS = frozenset("to a an the that more less no".split())


_SUBJECT_PRONOUNS = frozenset("he she they we".split())


def _subject_before_aside(t: Tokens, a: int, taken: list[bool]) -> tuple[Pair, Pair] | None:
    """The subject before a short aside between commas that ends at the verb group at
    ``a`` ("Our correspondent Claire Dumont, on the route, says", "A customer who was in
    the shop, and asked not to be named, said"), if one stands there."""
    k = a - 2 if t.words[a - 1] == "," else a - 3  # before the comma that closes the aside
    while k > 0 and a - k <= 16 and not (t.words[k] == "," and (a - k <= 10 or t.lower[k + 1] in _ASIDE_OPENERS)):
        k -= 1
    if k <= 0 or t.words[k] != ",":
        return None
    return _free_subject(t, k, taken)


# Words that open an aside between commas after a name: "Pruitt, who worked on ..., says".
_ASIDE_OPENERS = frozenset("who which a an the now then".split())


def _after_aside(t: Tokens, a: int) -> bool:
    """Does the verb group at ``a`` follow the comma that closes an aside, maybe inside a
    quotation's closing mark ("..., who met him on “Island Hearts,” said")?"""
    return t.words[a - 1] == "," or is_close_quote(t.words[a - 1]) and t.words[a - 2] == ","


def _with_absolute(t: Tokens, v: int) -> Pair | None:
    """The subject of an absolute clause "with X V-ing" whose participle at ``v`` reports
    ("with wildlife carers warning ...", "with Helena Marsh commenting: ...", "with one
    writing: ..."): a short noun phrase between "with" and the participle; None otherwise."""
    k = v - 1
    while k > 0 and v - k <= 5 and t.lower[k] != "with" and t.words[k].isalpha():
        k -= 1
    if k <= 0 or t.lower[k] != "with" or k + 1 >= v or (k > 0 and t.words[k - 1] not in (",", "—", "–")):
        return None
    return (k + 1, v - 1) if valid_subject(t, k + 1, v - 1) else None


def _modifier_ing(t: Tokens, v: int) -> bool:
    """Is the -ing word at ``v`` a modifier of the plural noun after it ("planning officers",
    "training staff"), no participle with an object ("by claiming the", "by saying that")?"""
    nxt = t.lower[v + 1] if v + 1 < len(t) else ""
    return nxt.isalpha() and t.words[v + 1].islower() and nxt.endswith("s") and len(nxt) > 3 \
        and nxt not in g.DETERMINERS and nxt not in g.PRONOUNS and (v + 2 >= len(t) or not t.words[v + 2].isalpha())


def _participle_lead(t: Tokens, a: int, v: int) -> bool:
    """Does a participle at ``v`` (its adverbs from ``a``) open a clause after a comma or a
    subordinator (", saying", "while noting", ", likely calling for"), so that what follows
    it is its object, never an inverted source?"""
    if a == v:
        return v > 0 and (t.lower[v - 1] in _PARTICIPLE_LEADS or _after_medium(t, v) or _second_participle(t, v))
    return a > 0 and t.lower[a - 1] in _PARTICIPLE_LEADS and not any(w in g.AUXILIARIES for w in t.lower[a:v])


def _after_medium(t: Tokens, v: int) -> bool:
    """Is the participle at ``v`` right after a medium its speaker issued ("issued a
    statement saying Tuohey retained ...")? Its speaker is the main clause's subject."""
    return t.lower[v - 1] in g.ISSUED_MEDIA and t.lower[v] in _SAYING and v >= 2


def _request(t: Tokens, p: int) -> bool:
    """Does "ask" before ``p`` make a request ("before asking residents for more money",
    "asking the council to wait"), its object followed by "for" or "to" and a verb? A
    request reports no statement (Searle's directives), so it opens no attribution."""
    for k in range(p, min(len(t), p + 6)):
        w = t.lower[k]
        if w == "for":
            return k > p
        if w == "to":
            return k > p and k + 1 < len(t) and t.words[k + 1].isalpha() and t.words[k + 1].islower() and t.lower[k + 1] not in g.DETERMINERS
        if w in _QUESTION_WORDS or not t.words[k].isalpha():
            return False
    return False


_QUESTION_WORDS = frozenset("whether if why how what when where who which about that".split())


def _second_participle(t: Tokens, v: int) -> bool:
    """Is the participle at ``v`` coordinated by "and" with an earlier saying participle
    ("issued a statement saying Tuohey retained ... and calling talk of ... speculation")?
    It shares that participle's speaker, the main clause's subject."""
    return t.lower[v - 1] == "and" and t.lower[v] in _SAYING | _CALLING and any(w in _SAYING for w in t.lower[: v - 1])


# Participles of stance that may follow a saying one: "saying ... and calling for".
_CALLING = frozenset("calling urging describing vowing promising pledging".split())


# Participles that say what a medium says ("a video showing a stop sign" shows a thing).
_SAYING = frozenset(
    """saying stating claiming warning announcing urging explaining insisting confirming
    denying accusing arguing asserting noting alleging""".split()
)


def _source_after(t: Tokens, p: int, lex: Lexicon) -> bool:
    """Is the phrase after a verb at ``p`` a source that ends its clause ("said the people,
    who ...", "said the person.", "said Anke Reuter, a spokeswoman")? Then the verb after a
    comma is inverted: no speaker says a bare noun phrase."""
    k = p
    while k < len(t) and t.lower[k] in g.DETERMINERS:
        k += 1
    e = k
    while e < len(t) and e - k < 5 and (t.words[e].isalpha() or t.words[e] in ("-", "’", "'") or _abbreviated_title(t, e, lex)) \
            and t.lower[e] not in g.CLAUSE_WORDS:
        e += 1
    if e == k or e < len(t) and t.words[e] not in (",", ".", ";", "!", "?"):
        return False
    if e + 1 < len(t) and t.words[e] == "," and t.lower[e + 1] not in ("who", "a", "an", "the", "one"):
        return False  # "said the aide, Danielle Pruitt, overruled ...": an apposition, then the clause's verb
    head = t.lower[e - 1]
    return head in lex.vague or head in lex.roles or head[:-1] in lex.roles or cap(t.words[e - 1]) and cap(t.words[k])


def _describes_document(t: Tokens, v: int, subject: tuple[Pair, Pair], lex: Lexicon) -> bool:
    """Is the participle at ``v`` a reduced relative clause on the document just before it ("A
    council report presented to elected members in October said", "a briefing note prepared
    for the minister, obtained by The Canadian Press, says")? It tells of the document; the
    report is the later verb's (Huddleston & Pullum 2002, ch. 12: participial modifiers)."""
    if t.lower[v] not in _DOCUMENT_PARTICIPLES:
        return False
    nxt = t.lower[v + 1] if v + 1 < len(t) else ""
    return _names_a_document(t, subject[0][0], subject[0][1], lex) and (
        nxt in g.PREPOSITIONS or nxt in (",", "last", "this") or nxt in g.TIME_WORDS or nxt in g.MONTHS)


def _names_a_document(t: Tokens, s: int, e: int, lex: Lexicon) -> bool:
    """Is the noun phrase ``s..e`` (inclusive) headed by a document noun in lower case, before any
    modifier after it ("An independent review commissioned by the Department", "a council report";
    not "The Wall Street Journal")?"""
    for k in range(s, e + 1):
        if t.lower[k] in g.PREPOSITIONS or t.lower[k] in _DOCUMENT_PARTICIPLES or t.lower[k] == ",":
            return False
        if t.words[k].islower() and t.lower[k] in lex.documents and (k == e or not t.words[k + 1].isalpha()
                                                                    or t.lower[k + 1] in g.PREPOSITIONS
                                                                    or t.lower[k + 1] in _DOCUMENT_PARTICIPLES):
            return True
    return False


# What is done to a document, as a participle after it: "a report prepared for", "the note, obtained by".
_DOCUMENT_PARTICIPLES = frozenset(
    """presented prepared commissioned released obtained published compiled drafted written filed submitted
    leaked tabled seen sent given produced issued posted circulated shared delivered authored signed dated
    received viewed reviewed completed conducted carried lodged addressed""".split()
)


def _abbreviated_title(t: Tokens, i: int, lex: Lexicon) -> bool:
    """Is the word at ``i`` a title that keeps its full stop ("Mr.", "Lt.", "Dr.": one token,
    ``text._TITLES``)? It opens a name as a plain word would ("said Lt. Marcus Delane")."""
    w = t.words[i]
    return w.endswith(".") and w[:-1].isalpha() and cap(w) and t.lower[i][:-1] in lex.honorifics


def _object_relative(t: Tokens, s: int, lex: Lexicon) -> bool:
    """Does the subject at ``s`` open an object relative clause ("potholes that councillors
    promised to fix", "the report that officials published last week")? Its verb modifies
    a noun; it reports nothing, and its "content" is the main clause's rest."""
    if s < 2 or t.lower[s - 1] not in ("that", "which"):
        return False
    noun = t.words[s - 2]
    return noun.isalpha() and noun.islower() and (noun.lower() not in lex.verbs or noun.lower() in g.NOUNISH_VERBS) \
        and noun.lower() not in g.DETERMINERS \
        and noun.lower() not in g.PRONOUNS and noun.lower() not in _COMPLEMENT_NOUNS


def _gap_before_verb(t: Tokens, p: int) -> bool:
    """Does a verb follow at ``p`` ("a wound that authorities said did not appear ..."), so
    that the relative clause's gap is the reported clause's subject: a real report?"""
    if p >= len(t):
        return False
    low = t.lower[p]
    return low in g.AUXILIARIES or low in g.NEGATIONS or t.words[p].islower() and (low.endswith("ed") or low in g.IRREGULAR_PAST)


# Nouns whose "that" opens a complement, not a relative clause: "the fact that officials warned".
_COMPLEMENT_NOUNS = frozenset("fact claim claims news view belief suggestion allegation allegations warning".split())


def _compared(t: Tokens, s: int) -> bool:
    """Does the subject at token ``s`` follow "than" ("higher than city reports say it is",
    "more than the company says")? A comparison with what someone says states nothing of
    theirs: its content is elided."""
    return s > 0 and t.lower[s - 1] == "than"


def _quoted_as_saying(t: Tokens, v: int) -> bool:
    """Is the verb at ``v`` "quoted" in "was quoted as saying/telling": a passive whose
    subject is the speaker (the quoting outlet is left unnamed)?"""
    return (
        t.lower[v] == "quoted"
        and v + 2 < len(t)
        and t.lower[v + 1] == "as"
        and t.lower[v + 2] in ("saying", "telling", "writing", "stating")
    )


def _free_subject(t: Tokens, a: int, taken: list[bool]) -> tuple[Pair, Pair] | None:
    """The subject before the verb group at ``a`` (source as annotated, naming part), unless
    an earlier step used its name as a cue or source."""
    found = subject_before(t, a)
    if found is None or any(taken[x] for x in range(found[1][0], found[1][1] + 1)):
        return None
    return found


# -- after the verb: hearer, adjuncts, particle

_OBJECT_PRONOUNS = ("him", "them", "me", "us", "you")
# What may follow the hearer of a verb of telling: "told the Financial Times that/last week/..."
_AFTER_HEARER = frozenset(
    """that : , “ " '' about of in on last this . whether if why how what when to""".split()
)
# Prepositions of time that may follow the hearer before a noun phrase: "told Channel Seven after the match".
_TIME_AFTER_HEARER = frozenset("after before during following ahead".split())


def _hearer(t: Tokens, a: int, after: int, cue: Cue) -> tuple[list[tuple[Pair, Pair]], int]:
    """The hearer after a verb of telling, as (hearer, evidence) relays, and the token after
    it: "told the Financial Times that ..." relays through the Times (PARC 3.0's hearer
    role); an object pronoun ("told him she worries") is skipped and in no span."""
    n = len(t)
    p = after
    if p >= n:
        return [], p
    low = t.lower[p]
    nxt = t.lower[p + 1] if p + 1 < n else ""
    if (low in _OBJECT_PRONOUNS and t.words[p].islower()) or low == "her" and (nxt in ("that", "to", "not", ":") or nxt in g.PRONOUNS):
        return [], p + 1
    if low == "to" and p + 1 < n and t.lower[p + 1] in _OBJECT_PRONOUNS and cue.lemma == "say":
        return [], p + 2  # "said to me that ...": the one spoken to is the speaker's listener, no relay
    if low == "to" and cue.lemma not in g.TELL_LEMMAS and cue.lemma not in g.TO_VERBS and p + 1 < n:
        e = _hearer_end(t, p + 1, np_forward(t, p + 1, n))
        e = next((h for h in range(p + 2, e) if _after_relay(t, h)), e)
        k = e
        while k < n and k - e < 4 and _after_relay(t, k):
            k += 1  # "confirmed to E! News on Monday", "confirmed to PEOPLE exclusively"
        if p + 1 < e and (k >= n or t.lower[k] in ("that", ":", ".", "!", "?")) and t.words[p + 1][:1].isupper():
            # "confirmed to Reuters that ...", "..., a source confirmed to Us Weekly.": the one spoken to relays
            return [((t.starts[p + 1], t.ends[e - 1]), (t.starts[a], t.ends[e - 1]))], k
        if p + 1 < e < n and t.lower[e] in ("that", ":") and t.lower[e - 1] in _AUDIENCES:
            return [], e  # "explained to reporters that ...": an audience, no relay
        return [], p
    if cue.lemma in g.TELL_LEMMAS and low in ("listeners", "viewers", "readers") and p + 2 < n and t.lower[p + 1] == "of":
        p += 2  # "told listeners of the Villa Gossip podcast that": the programme they hear relays
    if cue.lemma in g.TELL_LEMMAS and low not in ("that", ":", ",", "“", '"'):
        e = _hearer_end(t, p, np_forward(t, p, n))
        if e - 1 > p and t.lower[e - 1] in _QUANTITY_OPENERS and t.words[e - 2][:1].isupper():
            e -= 1  # "told ABC Radio Sydney more than 80 homes ...": the quantity opens the content
        e = next((k for k in range(p + 1, e) if t.lower[k] in ("the", "a", "an") and t.words[k - 1][:1].isdigit()), e)
        # "told AFL 360 the club had lost its way": a programme's number ends its name
        owner = next((k for k in range(p + 1, e) if t.lower[k] in ("'s", "’s")), e)
        program = _program_end(t, e)
        if program is None and owner + 1 < e and t.words[owner + 1][:1].isupper():
            # "told BBC Radio 4's World at One that": a title the phrase stopped inside
            program = _program_end(t, owner)
            e = e if program is None else program
        if program is not None:  # "told RNZ's Morning Report that": RNZ relays, on its programme
            return [((t.starts[p], t.ends[e - 1]), (t.starts[a], t.ends[program - 1]))], program
        e = _possessed_end(t, e)  # "told the council's planning committee that": the committee is told
        # "told HuffPost Canada the laws ...", "told 2GB radio the findings ...": a name or a medium ends it
        named = e > p and (t.words[e - 1][:1].isupper() or t.lower[e - 1] in _MEDIA_HEADS or t.lower[e - 1] in _AUDIENCES
                           or _CALL_SIGN.fullmatch(t.words[e - 1]) is not None
                           or e - 2 >= p and t.words[e - 1].isdigit() and t.words[e - 2][:1].isupper())  # "told AFL 360"
        if named and e + 1 < n and t.lower[e] in _TIME_AFTER_HEARER and t.lower[e + 1] in g.DETERMINERS:
            # "told Channel Seven after the match", "told reporters before the meeting the talks would be ..."
            return [((t.starts[p], t.ends[e - 1]), (t.starts[a], t.ends[e - 1]))], _after_time_phrase(t, e)
        if e > p and not _clause_as_hearer(t, p, e, named) and (
            e >= n or t.lower[e] in _AFTER_HEARER or t.lower[e] in g.TIME_WORDS or t.lower[e] in g.PRONOUNS
            or named and (t.lower[e] in g.DETERMINERS or t.lower[e] in _QUANTITY_OPENERS)  # "told ABC Radio Sydney more than 80 homes"
            or e < n and t.words[e][:1].isupper() and t.lower[e - 1] in _OUTLET_NOUNS  # "told the site Lafleur ..."
        ):
            return [((t.starts[p], t.ends[e - 1]), (t.starts[a], t.ends[e - 1]))], e
    return [], p


def _after_time_phrase(t: Tokens, e: int) -> int:
    """The token after a time phrase opened by a preposition at ``e`` ("after the match", "before
    the cabinet meeting"): its determiner and up to three lowercase words, then a comma if any;
    what follows is the content ("... the team had been poor")."""
    that = next((k for k in range(e + 2, min(len(t), e + 10)) if t.lower[k] == "that"), None)
    if that is not None and all(t.words[x].isalnum() for x in range(e + 1, that)):
        return that  # "during a visit to Cork that the housing plan ...": the content opens with "that"
    k = e + 2
    while k < len(t) and k - e < 5 and t.words[k].isalpha() and t.words[k].islower() and t.lower[k] not in g.PREPOSITIONS \
            and t.lower[k] not in g.DETERMINERS and t.lower[k] not in g.PRONOUNS and t.lower[k] != "that":
        k += 1
    return k + 1 if k < len(t) and t.words[k] == "," else k


def _possessed_end(t: Tokens, e: int) -> int:
    """The end of a hearer ending at ``e`` widened over what it owns ("the council's
    planning committee"), when a lowercase noun phrase follows its "'s"."""
    n = len(t)
    while e + 1 < n and t.lower[e] in ("'s", "’s") and t.words[e + 1].islower():
        k = np_forward(t, e + 1, n)
        if k <= e + 1:
            break
        e = k
    return e


def _clause_as_hearer(t: Tokens, p: int, e: int, named: bool) -> bool:
    """Is the "hearer" from ``p`` to ``e`` a whole clause running to the sentence's end
    ("Experts warn the population remains extremely vulnerable.")? A hearer that ends the
    sentence is a name or a medium ("told the Financial Times."), not words after a verb."""
    return not named and (e >= len(t) or t.lower[e] in (".", "!", "?")) and e - p > 3


def _program_end(t: Tokens, e: int) -> int | None:
    """After a hearer ending at ``e`` (exclusive), the end of a programme it owns ("RNZ's
    Morning Report", "CBC Radio's Ontario Morning") when "that", a time or a colon follows
    the programme; None otherwise."""
    n = len(t)
    if e + 1 >= n or t.lower[e] not in ("’s", "'s"):
        return None
    if not t.words[e + 1][:1].isupper():
        # "told Nova's breakfast show on Monday that": a programme named by its kind
        k = next((x for x in range(e + 1, min(n, e + 4)) if t.lower[x] in ("programme", "program", "show", "podcast")), None)
        if k is None or not all(t.words[x].isalpha() and t.words[x].islower() for x in range(e + 1, k)):
            return None
        k += 1
        while k < n and k - e < 8 and (t.lower[k] in g.TIME_WORDS or t.lower[k] in ("on", "last", "this")):
            k += 1
        return k if k >= n or t.lower[k] in _AFTER_HEARER else None
    k = e + 1
    while k < n and k - e <= 5 and (t.words[k][:1].isupper() or t.words[k][:1].isdigit()
                                    or t.lower[k] in _TITLE_PARTICLES and k + 1 < n and t.words[k + 1][:1].isupper()):
        k += 1  # "BBC Radio 4's World at One"
    if k < n and t.lower[k] in ("programme", "program", "show", "podcast"):
        k += 1
    return k if k >= n or t.lower[k] in _AFTER_HEARER or t.lower[k] in g.TIME_WORDS else None


# Small words inside a programme's title: "World at One", "Politics and the Nation".
_TITLE_PARTICLES = frozenset("at of the and &".split())
# Hearers that are an audience, not a relay: "told reporters the council had ...".
# Words that open a quantity at a clause's start: "more than 80 homes could be ...".
_QUANTITY_OPENERS = frozenset("more most almost about nearly only around up".split())
_AUDIENCES = frozenset(
    "reporters journalists lawmakers supporters delegates students listeners viewers residents crowd audience "
    "magistrates jurors jury councillors investors analysts shareholders senators MPs mps members staff "
    "committee panel inquiry hearing conference parliament senate assembly court tribunal meeting summit forum rally".split()
)
_MEDIA_HEADS = frozenset(
    "radio television tv channel newspaper paper network station program programme podcast magazine website site "
    "outlet publication broadcaster tabloid".split()
)
_HEARER_STOPS = frozenset("he she it they we i last this next".split()) | g.TIME_WORDS


def _hearer_end(t: Tokens, p: int, e: int) -> int:
    """The end of a hearer phrase ``p..e`` before a time ("told the Financial Times last
    month") or the subject of the reported clause ("told The Courier he was worried", "told
    HuffPost Canada the laws favour ...", "told 2GB radio the findings ...")."""
    return next(
        (k for k in range(p + 1, e)
         if t.words[k].islower() and (
             t.lower[k] in _HEARER_STOPS
             or t.lower[k] in g.DETERMINERS and (
                 t.words[k - 1][:1].isupper() or t.lower[k - 1] in _MEDIA_HEADS or t.lower[k - 1] in _AUDIENCES)
         )
         or t.lower[k] in ("in", "via", "through") and _medium_follows(t, k + 1)  # "told PEOPLE in a statement"
         # "told the site Lafleur, 29, was ...": a name after an outlet's head is the clause's subject
         or t.words[k][:1].isupper() and t.lower[k - 1] in _OUTLET_NOUNS and t.words[k - 1].islower()
         and _subject_of_clause(t, k)),
        e,
    )


def _after_relay(t: Tokens, k: int) -> bool:
    """Is token ``k`` a time or manner word that may follow the one spoken to ("on Monday",
    "last week", "exclusively")?"""
    return t.lower[k] in ("on", "last", "this", "exclusively") or t.lower[k] in g.TIME_WORDS


def _medium_follows(t: Tokens, k: int) -> bool:
    """Does a medium ("a statement", "an emailed statement", "his interview") follow at ``k``?"""
    return any(t.lower[x] in g.ISSUED_MEDIA or t.lower[x] == "interview" for x in range(k, min(len(t), k + 3)))


def _subject_of_clause(t: Tokens, k: int) -> bool:
    """Does the capitalized run at ``k`` open a clause (a verb or an age after it: "Lafleur
    was", "Lafleur, 29, was"), rather than name the outlet before it ("the broadcaster RNZ
    that ...")?"""
    n = len(t)
    e = k
    while e < n and t.words[e][:1].isupper():
        e += 1
    if e + 2 < n and t.words[e] == "," and t.words[e + 1].isdigit() and t.words[e + 2] == ",":
        return True
    return e < n and (t.lower[e] in g.AUXILIARIES or t.lower[e].endswith("ed") and t.words[e].islower())


# Lowercase heads of an outlet described: "told the site", "told the paper".
_OUTLET_NOUNS = frozenset("site website paper newspaper magazine outlet station broadcaster network publication".split())


_COURT_WORDS = frozenset("court jury tribunal inquest inquiry hearing trial magistrates committee".split())


def _court_heard(t: Tokens, cue: Cue, subject: tuple[Pair, Pair] | None) -> bool:
    """"The court heard he spent the money on gambling": in court reports (UK, Australian,
    Indian convention) what a court or jury heard was said before it, with or without
    "that"."""
    return cue.lemma == "hear" and subject is not None and t.lower[subject[1][1]] in _COURT_WORDS


def _document_found(t: Tokens, cue: Cue, subject: tuple[Pair, Pair] | None, lex: Lexicon) -> bool:
    """ "The report, tabled in parliament on Tuesday, found ambulances spent ...": what a
    report, survey or audit found is its finding, with or without "that" (a person who
    "found the keys" found a thing)."""
    if cue.lemma != "find" or subject is None:
        return False
    head = t.lower[subject[1][1]]
    if head == "it" and subject[1][0] == subject[1][1]:
        return True  # "It found the arrival date had moved": a study's or an inquiry's finding
    seen = next((k - 1 for k in range(subject[1][0] + 1, subject[1][1]) if t.lower[k] in _SEEN_PARTICIPLES
                 and t.lower[k + 1] == "by"), None)
    if seen is not None:
        head = t.lower[seen]  # "A report seen by Reuters found": the report's finding
    return head in lex.documents or head in _POLL_HEADS or head.rstrip("s") in lex.documents \
        or _names_a_document(t, subject[1][0], subject[1][1], lex)  # "An independent review commissioned by ..."


# Participles that say how a document reached a newsroom: "a report seen by Reuters".
_SEEN_PARTICIPLES = frozenset("seen obtained reviewed viewed leaked released published shared".split())


def _weak_cue_without_content(t: Tokens, p: int, cue: Cue) -> bool:
    """Is a weak cue ("maintain", "see", "continue") not followed by "that", a colon, a
    comma, a full stop or a quotation, so that it reports nothing?"""
    if cue.lemma not in g.WEAK_CUES:
        return False
    if cue.lemma in ("look", "feel") and p < len(t) and is_open_quote(t.words[p]):
        return True  # "the forecast still looked “too hopeful”": a quoted complement of a copula
    return not (p >= len(t) or t.lower[p] in ("that", ":", ",", ".") or is_open_quote(t.words[p]))


def _with_particle(t: Tokens, a: int, after: int, p: int, cue: Cue, lex: Lexicon) -> tuple[Pair, int]:
    """The cue span from the verb group at ``a``, with the preposition at ``p`` when it
    belongs to the verb ("warned of", "called for", "responded to"), and the first token
    of the content."""
    cue_span = (t.starts[a], t.ends[after - 1])
    if _keeps_particle(t, after, p, cue, lex):
        return (cue_span[0], t.ends[p]), p + 1
    return cue_span, p


def _keeps_particle(t: Tokens, after: int, p: int, cue: Cue, lex: Lexicon) -> bool:
    """Does the preposition at ``p`` belong to the cue verb before ``after``? The lexicon
    decides listed pairs; otherwise "of"/"about" always, "against/for/on/at/with" after a
    cue that is not speech, "to" after a verb of responding or referring."""
    if p + 1 >= len(t):
        return False
    if t.lower[p] in ("about", "around") and _FIGURE.match(t.lower[p + 1]):
        return False  # "said about 1,300 people attended": an approximation, not "talked about"
    keep = lex.particles.get((t.lower[after - 1], t.lower[p]))
    if keep is not None:
        return bool(keep)
    low = t.lower[p]
    return (
        low in ("of", "about")
        or cue.cls != "speech"
        and low in ("against", "for", "on", "at", "with")
        or low == "to"
        and cue.lemma.split()[0] in g.TO_VERBS
    )


# -- the source and the content around the verb


@dataclass(slots=True)
class _VerbClause:
    """A reporting verb being read: its sentence, cue, cue span, the first token after
    the verb group (and its particle), and the hearers found after it."""

    s: Sentence
    t: Tokens
    cue: Cue
    cue_span: Pair
    p: int
    relays: list[tuple[Pair, Pair]]

    def found(self, source: Pair, content: Pair, direction: str, name: Pair) -> Found:
        """The verb attribution with this source and content."""
        return Found(
            cue=self.cue_span,
            cue_type=CueType.verb,
            source=source,
            content=content,
            direction=direction,
            lemma=self.cue.lemma,
            cls=self.cue.cls,
            relays=self.relays,
            name=name,
        )


def _opens_quote(s: Sentence, pos: int) -> bool:
    """Does a quotation mark (or '') open at character ``pos``?"""
    return is_open_quote(s.text[pos]) or s.text.startswith("''", pos)


# Nouns that sum up a statement in an appositive: ", a claim the company denied".
_STATEMENT_NOUNS = frozenset("claim allegation allegations assertion accusation charge suggestion account version figure figures".split())


def _claim_appositive(t: Tokens, k: int) -> bool:
    """Does the subject at ``k`` open ", a claim the company denied" (a noun summing up the
    statement before it, then the subject of a clause about it)? The statement is not the
    company's to relay; what the company did is the article's report."""
    return (
        k + 2 < len(t)
        and t.lower[k] in ("a", "an")
        and t.lower[k + 1] in _STATEMENT_NOUNS
        and (t.lower[k + 2] in g.DETERMINERS or t.lower[k + 2] in g.PRONOUNS or t.words[k + 2][:1].isupper())
    )


def _subject_first(clause: _VerbClause, subject: tuple[Pair, Pair], lex: Lexicon) -> Found | None:
    """ "X said ...", "..., X said.", "“A,” X said, “B.”": the source stands before the verb;
    "[The court] seemed [to ...]" is a hedge whose content spans the subject."""
    s, t, p = clause.s, clause.t, clause.p
    subj, name = subject
    if _claim_appositive(t, subj[0]):
        return None  # "X said ..., a claim the company denied": a denial, no relay of X's claim
    src = (t.starts[subj[0]], t.ends[subj[1]])
    name_span = (t.starts[name[0]], t.ends[name[1]])
    fwd = content_forward(s, t, p, clause.cue.cls, lex=lex)
    before = t.words[subj[0] - 1] if subj[0] > 0 else ""
    if clause.cue.lemma in g.EVIDENTIALS and fwd is not None:
        return Found(
            cue=clause.cue_span,
            cue_type=CueType.hedge,
            source=None,
            content=(src[0], fwd[1]),
            direction="around",
            lemma=clause.cue.lemma,
            cls="hedge",
        )
    if before == "as" and (p >= len(t) or t.words[p] in (",", ".")):
        # "..., as Western Journalism reported, ...": the whole sentence is the content
        return clause.found(src, (s.start, content_end(s)), "around", name_span)
    placed = _content_around_subject(s, t, subj[0], before, p, fwd)
    return None if placed is None else clause.found(src, placed[0], placed[1], name_span)


_DASHES = frozenset("— –".split())


def _closing_after_dash(t: Tokens, left: int, p: int) -> bool:
    """Does a short subject and its verb after a dash end the sentence ("... — the arrest
    affidavit states.")? Not an aside ("— something Scarborough could understand.") nor a
    list ("Four casinos — Bally's, Caesars and Harrah's — reported")."""
    return (p >= len(t) or t.words[p] in (".", "!", "?")) and p - left <= 6 \
        and t.lower[left] not in ("something", "one", "which", "what", "and", "but") \
        and all(t.words[k] != "," for k in range(left, p))


# Words after a clause-final "X said" that leave the content before it: "..., X said in ..."
_AFTER_FINAL_CUE = frozenset(
    "adding noting explaining according after before in at during when while as".split()
)


def _content_around_subject(
    s: Sentence, t: Tokens, left: int, before: str, p: int, fwd: Pair | None
) -> tuple[Pair, str] | None:
    """Content and direction of a subject-first verb whose subject starts at token ``left``
    (``before`` is the word before it) and whose content would start at token ``p``
    (``fwd``): after the verb, before a comma or quotation that sets off the subject, or
    both sides of an interrupted quotation."""
    set_off = before == "," or is_close_quote(before) or before in _DASHES and _closing_after_dash(t, left, p)
    back = content_backward(s, t, left) if set_off else None
    if fwd is not None and back is not None:
        if _aside_after_quote(s, before, fwd, back):
            # "“A,” McCain said, citing low growth" / "“A,” she said of X": an unquoted
            # clause after a closing quotation is the narrator's, not the speaker's
            return _running_on(s, t, p, back)
        if _participle_after(t, p):
            return _running_on(s, t, p, back)  # "A, the Yomiuri reported, citing government sources"
        if _interrupted(s, t, before, p, fwd):
            return (back[0], fwd[1]), "around"  # "“A,” X said, “B.”"
    if fwd is not None:
        return fwd, "forward"
    if back is not None and (
        p >= len(t)
        or t.words[p] in (".", "!", "?", ",")
        or t.lower[p] in _AFTER_FINAL_CUE
        or is_close_quote(before) and t.lower[p] in g.PREPOSITIONS  # "“A,” the father said into his phone"
    ):
        return _running_on(s, t, p, back)  # "..., X said." / "“...,” X said."
    return None


def _participle_after(t: Tokens, p: int) -> bool:
    """Does a participle's clause follow the verb's comma at ``p`` (", citing government
    sources", ", adding that ...")? It closes the statement before the verb; it does not
    continue it."""
    return p + 1 < len(t) and t.words[p] == "," and t.words[p + 1].islower() and t.lower[p + 1].endswith("ing")


def _aside_after_quote(s: Sentence, before: str, fwd: Pair, back: Pair) -> bool:
    """Is the text after "“A,” X said" an unquoted aside, the quotation before the subject
    ending on a comma, question mark, exclamation or dash?"""
    return (
        is_close_quote(before)
        and not _opens_quote(s, fwd[0])
        and _opens_quote(s, back[0])
        and s.text[back[0] : back[1]].rstrip("”\"'’ ")[-1:] in (",", "?", "!", "—")
    )


def _interrupted(s: Sentence, t: Tokens, before: str, p: int, fwd: Pair) -> bool:
    """Does the verb interrupt one statement ("“A,” X said, “B.”", "A, X said, B"), rather
    than close one with an adjunct opening the sentence and a quotation after it?"""
    if is_close_quote(before):
        return True
    adjunct_prefix = t.lower[0] in g.PREPOSITIONS or t.lower[0] in g.CLAUSE_WORDS or t.lower[0].endswith("ing")
    return p < len(t) and t.words[p] == "," and not (_opens_quote(s, fwd[0]) and adjunct_prefix)


def _running_on(s: Sentence, t: Tokens, p: int, back: Pair) -> tuple[Pair, str]:
    """Backward content ``back`` that runs on over a quotation opening the next sentence
    when no quotation of its own follows the cue ("“A,” X said. “B.”")."""
    if not _quotation_after(s, t, p):
        q = next_quote(s)
        if q:
            return (back[0], q[1]), "around"
    return back, "backward"


def _inverted(clause: _VerbClause, a: int) -> Found | None:
    """Inverted order: "“...,” said X." / "..., said the official, a spokesman for Y.":
    the source after the verb, with its appositive, and the content before it."""
    s, t, p = clause.s, clause.t, clause.p
    e = np_forward(t, p, len(t))
    if e <= p or (e < len(t) and is_open_quote(t.words[e])):
        return None  # "..., said the photo “totally misrepresents ...”": an object, not a source
    name = (p, e)
    named = _name_in_apposition(t, p, e)
    if named is not None:  # "said the company's chief executive, Jane Smith.": she speaks
        name, e = named, named[1]
    e_app = _appositive_end(t, e)
    placed = _inverted_content(s, t, a, e_app)
    if placed is None:
        return None
    return clause.found((t.starts[p], t.ends[e_app - 1]), placed[0], placed[1], (t.starts[name[0]], t.ends[name[1] - 1]))


def _name_in_apposition(t: Tokens, p: int, e: int) -> Pair | None:
    """After an inverted source from ``p`` to ``e`` that is a description ("the new champion",
    "the union's spokeswoman"), the person's name set off by commas right after it ("...,
    Sarah Lee." / "..., Jane Smith, on Monday"): its tokens; None otherwise."""
    n = len(t)
    if e + 2 >= n or t.words[e] != "," or not t.words[e - 1].islower():
        return None
    k = e + 1
    while k < n and k - e <= 4 and t.words[k][:1].isupper() and t.words[k].isalpha():
        k += 1
    if k - (e + 1) < 2 or (k < n and t.words[k] not in (",", ".", "!", "?", ";")):
        return None
    return e + 1, k


def _appositive_end(t: Tokens, e: int) -> int:
    """The end of an appositive after a source ending before token ``e`` ("said Simon
    Rosenberg, president of NDN, a policy group."), or ``e`` when none follows."""
    n = len(t)
    if not (
        e + 1 < n
        and t.words[e] == ","
        and (t.lower[e + 1] in ("a", "an", "the", "who", "whose") or t.lower[e + 1].isdigit() or t.lower[e + 1] in g.ADVERBS)
    ):
        return e
    k = e + 1
    while k < n and not is_open_quote(t.words[k]) and t.words[k] not in (".", "!", "?", ";") and not _new_participle(t, k):
        k += 1
    return k


def _new_participle(t: Tokens, k: int) -> bool:
    """Does a comma at ``k`` open a participial clause (", adding ...", ", saying ...")
    that ends an appositive?"""
    if t.words[k] != "," or k + 1 >= len(t):
        return False
    nxt = t.lower[k + 1]
    if nxt in ("adding", "saying", "noting", "explaining", "according"):
        return True
    return t.words[k + 1].endswith("ing") and t.words[k + 1].islower() and nxt not in ("including", "managing")


def _inverted_content(s: Sentence, t: Tokens, a: int, e_app: int) -> tuple[Pair, str] | None:
    """Content of an inverted cue at ``a`` whose source ends before ``e_app``: the text
    before the cue, or after it when the cue opens the sentence ("Said X: ..."), running
    on over a quotation that follows ("..., said X, “B.”" / "said X. “B.”")."""
    n = len(t)
    content = content_backward(s, t, a) if a > 0 else None
    direction = "backward"
    if content is None and a == 0 and e_app < n and t.words[e_app] in (",", ":"):
        content, direction = content_forward(s, t, e_app + 1, "speech"), "forward"
    if content is None:
        return None
    if e_app < n and t.words[e_app] == ",":
        c2 = content_forward(s, t, e_app + 1, "speech")
        if c2 is not None and _opens_quote(s, c2[0]):
            return (content[0], c2[1]), "around"
    elif e_app >= n or t.words[e_app] in (".", "!", "?"):
        q = next_quote(s)
        if q:
            return (content[0], q[1]), "around"
    return content, direction


# -- participles and questions: the speaker of the main clause


def _asked_attribution(
    s: Sentence, t: Tokens, v: int, after: int, cue: Cue, earlier: list[Found]
) -> Found | None:
    """ "X said, when asked whether ..." / "Asked what ..., X replied": the question is the
    content and the one asked, the subject of the main clause, is the source."""
    n = len(t)
    p = after
    if p >= n or t.lower[p] not in ("whether", "if", "about", "what", "how", "why", "when", "who", "to"):
        return None  # "Asked." alone asks nothing
    end = next((k for k in range(p, n) if t.words[k] == ","), n) if v == 0 else n
    stop = t.starts[end] if end < n else content_end(s)
    if stop <= t.starts[p]:
        return None
    content = (t.starts[p], stop)
    cue_span = (t.starts[v], t.ends[after - 1])
    if v == 0:
        np = tight_np(t, end + 1, n) if end + 1 < n else None
        if np is None:
            return None
        src = (t.starts[np[0]], t.ends[np[1]])
        return _same_speaker(cue_span, cue, content, [], src)
    return _main_clause_attribution(t, v, cue_span, cue, content, earlier)


def _main_clause_attribution(
    t: Tokens, v: int, cue_span: Pair, cue: Cue, content: Pair, earlier: list[Found]
) -> Found | None:
    """An attribution whose speaker is the main clause's: the last earlier source of the
    sentence, else the noun phrase that opens it ("X said ..., adding", "when asked")."""
    np = tight_np(t, strip_adjunct(t, 0, v - 1), v)
    if np is None:
        return _same_speaker(cue_span, cue, content, earlier, None)
    named = _owner_role_and_name(t, np, v)
    src = (t.starts[np[0]], t.ends[named[1]])
    f = _same_speaker(cue_span, cue, content, earlier, src)
    if f is not None and f.source == src:
        f.name = (t.starts[named[0]], t.ends[named[1]])
    return f


def _owner_role_and_name(t: Tokens, np: Pair, v: int) -> Pair:
    """The naming part of a main clause's subject that goes on past ``np``: a possessed role
    and the name in apposition after it ("The club's chairman, Malcolm Dewhirst, issued")."""
    e = np[1]
    if e + 2 < v and t.lower[e + 1] in ("’s", "'s"):
        role = tight_np(t, e + 2, v)
        if role is None:
            return np
        e = role[1]
        while e > role[0] and (t.lower[e].endswith("ed") or t.lower[e] in g.AUXILIARIES or t.lower[e] in g.ADVERBS):
            e -= 1  # "The company's chief executive issued": the verb is no part of the role
        if e + 2 < v and t.words[e + 1] == ",":
            name = tight_np(t, e + 2, v)
            if name is not None and name[1] + 1 < v and t.words[name[1] + 1] == "," and t.words[name[0]][:1].isupper():
                return name
        return (np[0], e)
    return np


def _inside_another(f: Found, earlier: list[Found]) -> bool:
    """Does ``f``'s cue sit in another attribution's content ("denied gifts from a developer
    whose project he voted to approve")? Then its subject is no main-clause speaker."""
    return f.cue is not None and any(
        g is not f and g.content[0] <= f.cue[0] < g.content[1]
        and not (g.cue is not None and f.content[0] <= g.cue[0] < f.content[1])  # each holds the other: not nested
        for g in earlier
    )


def _same_speaker(
    cue_span: Pair, cue: Cue, content: Pair, earlier: list[Found], source: Pair | None
) -> Found | None:
    """A verb attribution reusing the last earlier source before the cue, else ``source``."""
    name = source
    for f in reversed(earlier):
        if f.source is not None and f.cue is not None and f.cue[0] < cue_span[0] and not _inside_another(f, earlier):
            source, name = f.source, f.name
            break
    if source is None:
        return None
    return Found(
        cue=cue_span,
        cue_type=CueType.verb,
        source=source,
        content=content,
        direction="forward",
        lemma=cue.lemma,
        cls=cue.cls,
        name=name,
    )


def _participle_attribution(
    s: Sentence, t: Tokens, v: int, after: int, cue: Cue, earlier: list[Found]
) -> Found | None:
    """ ", saying X": a separate attribution whose source is the main clause's subject; its
    cue starts at ``v``, with any adverb before the participle (", likely calling for"), and
    a hearer of telling relays it (", telling 2GB radio on Tuesday the council had ...")."""
    if cue.lemma == "ask" and _request(t, after):
        return None
    relays, p = _hearer(t, v, after, cue) if cue.lemma in g.TELL_LEMMAS else ([], after)
    content = content_forward(s, t, skip_adjuncts(t, p, len(t)), cue.cls)
    if content is None:
        return None
    cue_span = (t.starts[v], t.ends[after - 1])
    f = _main_clause_attribution(t, v, cue_span, cue, content, earlier)
    if f is not None:
        f.relays = relays
    return f
