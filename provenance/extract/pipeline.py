"""extract(): a Document in, a Reading out. Pure: no database, no files, no globals written."""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache

from provenance.extract import grammar as g
from provenance.extract.attributions import find, transcript_label
from provenance.extract.chains import assign_parents, kind_of, settle_sentence
from provenance.extract.furniture import blank_emphasis, blank_furniture
from provenance.extract.hedges import hedge_attributions
from provenance.extract.intervals import Cover
from provenance.extract.interviews import (
    answer,
    bare_answer,
    bare_questions,
    closing_paragraphs,
    interviewee,
    is_question,
    question_or_answer,
    whole_turn,
)
from provenance.extract.lexicon import Lexicon, fold, lexicon, lookup
from provenance.extract.mentions import (
    COMPANY_HEADS,
    DEPARTMENT_OFFICES,
    NEWS_ITEMS,
    OFFICE_FOR,
    ORG_HEADS,
    OUTLET_HEADS,
    OUTLET_WORDS,
    RECENT,
    NounPhrase,
    Registry,
    analyse,
    publication_title,
    role_words,
    with_trade,
)
from provenance.extract.options import DEFAULT_OPTIONS, ExtractOptions
from provenance.extract.phrases import COMPANY_SUFFIXES
from provenance.extract.sentence import Found, Sentence
from provenance.extract.speakers import (
    FUNCTION_WORDS,
    could_be_person,
    counted_among_them,
    first_names,
    is_function_words,
    names_a_day,
    names_a_source,
    partitive_head,
    states,
    without_opener,
)
from provenance.extract.tagger import Tagger, candidate, tag_tokens
from provenance.extract.tails import backshifted, joined_tail
from provenance.extract.text import (
    double_single_quotes,
    is_open_quote,
    paragraphs,
    quote_regions,
    sentences,
    trim,
)
from provenance.models import (
    Attribution,
    ChainLink,
    Claim,
    ClaimKind,
    CueType,
    Document,
    Entity,
    Mention,
    Reading,
    SourceType,
    Span,
    build,
)

# "WASHINGTON (AP) —", "LONDON, March 3 (Reuters) -", "Chennai, Nov 20 (PTI) The ...": a
# wire credit in the dateline (Indian wires write no dash after it).
_DATELINE = re.compile(r"\(([A-Za-z][\w .&'’-]{1,40})\)(?:\s*[—–:-]{1,2}|\s+(?=[A-Z“\"‘']))")
# "By Hannah Trewin, PA" on the first line: a byline that credits a wire.
# "By Harriet Oyelaran, PA Industrial Correspondent": the wire, then the writer's title.
_BYLINE_CREDIT = re.compile(
    r"\s*By [A-Z][\w.'’ -]{1,60}?,\s*([A-Z][\w .&'’-]{1,40}?)"
    r"(?:\s+(?:[A-Z][a-z]+\s+){0,3}(?:Correspondent|Editor|Reporter|Writer))?[ \t]*(?=\n)"
)
# "This report by The Canadian Press was first published Sept. 12, 2025.": the house trailer.
_PUBLISHED_CREDIT = re.compile(r"This (?:report|story|article) by ([A-Z][\w .&'’-]{1,40}?) was first published\b")
# Wires a byline credits by a short form that names something else elsewhere ("PA" is also
# the Palestinian Authority): "By Hannah Trewin, PA".
_BYLINE_WIRES = {"PA": "PA Media"}
# "- AAP", "(Reuters)" alone on the last line: a wire credit closing the story.
# A wire's name alone on the story's last line, maybe with its editor's initials: "AAP", "AAP rl".
_BARE_CREDIT = re.compile(r"([A-Z][A-Za-z]{1,11}(?:\s+[A-Z][A-Za-z]{1,11}){0,2})(?:\s+[a-z]{1,4}(?:\/[a-z]{1,4})*)?\s*$")  # "AAP gb/mm", "Press Association"
_CLOSING_CREDIT = re.compile(  # "- AAP", "(Reuters)", "- African News Agency (ANA)", "— Jane Doe, The Canadian Press"
    r"(?:[—–-]{1,2}\s*(?P<writer>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3},\s*)?(?P<dash>[A-Z][\w .&'’-]{1,40}?)"
    r"(?:\s*\([A-Z]{2,6}\))?|\((?P<paren>[A-Z][\w .&'’-]{1,40})\))\s*$"
)
# "Nirmalpur, March 4 (PTI) ": a dateline in the Indian style, place and date before the credit.
_DATELINE_CREDIT_LEAD = re.compile(
    r"[A-Z][\w.'’ -]{1,40},\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([A-Z][\w .&'’-]{1,40}\)\s*(?:[—–-]{1,2}\s*)?"
)
_WORD = re.compile(r"\w+")
_DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z.'’ ]{2,40}(?:,\s*[A-Z][A-Za-z.]{1,12}\.?(?:\s+[A-Z][A-Za-z.]{1,12})?)?(?:,?\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()]{2,40}\)|(?<=\d)\s+[A-Z]{2,5})?\s*(?:—|–|--|-)\s+"  # "(AP) —", "SYDNEY, Feb 3 AAP -"
)
# "SYDNEY, Feb 3 AAP - ": a wire's credit after the date, without parentheses (AAP's style).
_BARE_DATELINE = re.compile(r"[A-Z][A-Z.'’ ]{2,40},\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s+([A-Z]{2,5})\s*(?:—|–|--|-)\s+")
# "Hamburg (dpa) - ": a place in title case, the credit in parentheses, a dash (German wires).
_DATELINE_TITLE_LEAD = re.compile(r"[A-Z][\w.'’ -]{1,40}?\s*\([A-Za-z][\w .&'’-]{1,40}\)\s*(?:—|–|--|-)\s+")
# What follows "CCTV" when it is cameras, not China Central Television: "CCTV showed", "CCTV footage".
_CAMERAS_AFTER = re.compile(r"\s+(?:footage|images|cameras?|showed|shows|captured|recordings?)\b")
# A live blog entry's time opening a paragraph: "7.05am", "14:48", "4:40 p.m.", "6:40 p.m. ET", "13.52:".
_ENTRY_TIME = re.compile(
    r"(?:\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s+(?:ET|CT|MT|PT|AT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|GMT|BST|AEST|AEDT|ACST|AWST|NZT|NZDT|UTC|CET|CEST)\b)?"
    r"\s*[:—–-]?\s+(?=[A-Z“\"‘])"
)
# A time that says it is one: "7.05am", "4:40 p.m.", "14:48" ("12.50 Euros" alone is a price).
_MARKED_TIME = re.compile(r"\d{1,2}(?::\d{2}|[.:]\d{2}\s*[ap]\.?m|\s*[ap]\.?m)")
# "PUNE: Residents of ...": an Indian city page's dateline, the city in capitals and a colon.
_CITY_COLON_LEAD = re.compile(r"[A-Z][A-Z.'’ -]{2,30}:\s+(?=[A-Z“\"‘])")
# "Mumbai: Konkan Strikers skipper ...": the same in title case (Hindustan Times, Mid-day), one
# to three words that are no given name ("Priya: ..." would be a speaker's label).
_TOWN_COLON_LEAD = re.compile(r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}):\s+(?=[A-Z“\"‘])")
# Person-like names anywhere in the text, for pronouns whose antecedent is no source:
# a title and one to three name words ("Mr. Scheer"), or two or three name words; a name
# word may have an inner capital ("McFadden", "O'Brien", "DeSantis") or a hyphen.
_NAME_WORD = rf"(?:Mc|Mac|O[’']|De|Di|La|Le)?[{g.UPPER}][{g.LOWER}]+(?:-[{g.UPPER}{g.LOWER}][{g.LOWER}]+)?"
_PERSON = re.compile(
    rf"(?<![\w.])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
    rf"|{_NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?(?:(?:al|bin|de|van|von|ten|ter|den|Ó|Ní|Nic|Uí|Mac)[- ])?{_NAME_WORD}){{1,2}})\b"
)
# The same, or one capitalized word: a surname when a full name ended with it (_Candidates).
_PERSON_OR_SURNAME = re.compile(rf"{_PERSON.pattern}|(?<![\w.’'-]){_NAME_WORD}\b")
# Words before a name that make it an oblique ("at Eastside High", "of Peace By Chocolate"):
# less salient than a subject, so no antecedent for "he"/"she" (Lappin & Leass 1994).
# A name after "the" or a figure is no person ("the Starlight Tours", "$44.5 million
# Cloverdale Sport"); one in parentheses or before a slash is a photo credit
# ("(Muriel Draaisma/CBC)", "Chris Young/The Canadian Press"), page furniture.
# A body named as where something happened, "on the JSE": no "it" of a report.
_PLACE_OF_EVENT = re.compile(r"\bon\s+(?:the\s+)?$|\(\s*$")  # also a party tag: "Cllr Niamh Costelloe (SF)"
# An office named with its department before a name: "Minister for Finance Pádraig Mulcahy".
_OFFICE_OF = re.compile(rf"\b(?:{DEPARTMENT_OFFICES}|Minister of State)\s+(?:for|of)\s+$")
_OBLIQUE = re.compile(
    r"(?:\b(?:at|of|in|from|for|with|by|on|near|into|to|and|the)\s+(?:the\s+)?|\(\s*|\d\s*(?:million|billion)\s+|(?<![:.\d])\d+\s+)$",
    re.IGNORECASE,
)
_WORDY = re.compile(r"[^\W_]")
_CREDIT_AFTER = re.compile(r"\s*/")
# Capitalized names with inner particles: "the International Monetary Fund", "Reuters".
_BODY_NAME = re.compile(
    r"(?:\b[Tt]he\s+)?[A-Z][\w’'&.-]*[A-Za-z](?:\s+(?:(?:of|for|the|and|on|&)\s+)*[A-Z][\w’'&.-]*[A-Za-z])*"
)
_NOT_FIRST_NAMES = frozenset(
    """The A An In On At For From With By North South East West Northern Southern Eastern
    Western New United Saudi Middle Islamic Al El Supreme White Revolutionary National
    Federal Central Republican Republicans Democratic Democrats Prime Foreign Defense
    Defence State Home Holy Great Greater Upper Lower Los Las San Santa Hong Sri Costa
    Puerto Rhode Wall Silicon Capitol Pentagon Congress Senate House Justice Security
    Homeland Human Secretary President Minister Mayor Governor General Chief Former Last
    This That When While After Before But And Or If As Since During Today Yesterday
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Iran Iraq Syria First Deputy
    Acting Opposition Treasurer Premier Chancellor Speaker Attorney Judge Inspector
    Superintendent Commissioner Detective Sergeant Constable Councillor Councilman
    Councilwoman Alderman Senator Representative Congressman Congresswoman Leader Coach
    Professor Director Chairman Chairwoman Principal Trustee Officer""".split()
) | frozenset(w.capitalize() for w in g.NAME_OPENERS)


def extract(doc: Document, options: ExtractOptions = DEFAULT_OPTIONS, model: Tagger | None = None) -> Reading:
    """Find attributions, sources, claims and chains in one document.

    The rules read every sentence; with ``options.tagger`` the CRF tagger (``tagger.py``)
    then reads the sentences the rules left open that hold a cue word, for the long tail
    of cues no rule covers (see ``ExtractOptions``). ``model`` replaces the shipped
    tagger model.
    """
    lex = lexicon()
    b0, b1 = doc.body
    reading = Reading(text=doc.text, words=len(_WORD.findall(doc.text, b0, b1)))
    # the rules read single-quoted quotations as double-quoted ones; offsets are the same,
    # and the Reading's spans are cut from the original text (_assemble)
    text = titled_labels(double_single_quotes(blank_furniture(blank_emphasis(doc.text))), lex)
    found: list[Found] = []
    sents: list[tuple[int, int]] = []
    quoted: list[tuple[int, int]] = []  # every quotation, in text order
    prev_para_quoted: Found | None = None
    prev_last_sentence: Sentence | None = None
    interview: list[tuple[int, int] | None] = []  # the interviewee, once a "Q:"/"A:" label is met
    questions: list[tuple[int, int]] = []  # transcript questions: no claims
    paras = paragraphs(text, b0, b1)
    bare = bare_questions(text, paras)  # an interview's questions set apart without "Q:"
    bare_from = min(bare, default=-1)  # the first of them: answers come after it
    closing = closing_paragraphs(text, paras, bare)  # the outlet's own voice after the last answer
    live_blog = sum(_ENTRY_TIME.match(text, a, b) is not None for a, b in paras[:40]) >= 2  # entries with times
    for pi, (ps, pe) in enumerate(paras):
        if pi < 3:
            m = _DATELINE_LEAD.match(text, ps, pe) or _DATELINE_CREDIT_LEAD.match(text, ps, pe) \
                or _DATELINE_TITLE_LEAD.match(text, ps, pe) or (_city_colon(text, ps, pe) if pi == 0 else None)
            if m:
                # "WASHINGTON (Reuters) - ": a dateline, not part of the first sentence, and its
                # place names no source ("the country" is not GENEVA); the credit is read from
                # the document's own text (_wire)
                text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
                ps = m.end()
        stamp = _ENTRY_TIME.match(text, ps, pe)
        if stamp is not None and (live_blog or _MARKED_TIME.match(stamp.group())):  # "7.05am Pelican Heads Mayor ... says", "4:40 p.m. Residents ...": a live
            # blog entry's time, no part of its first sentence nor of a name
            text = text[: stamp.start()] + " " * (stamp.end() - stamp.start()) + text[stamp.end() :]
            ps = stamp.end()
        quotes = quote_regions(text, ps, pe)
        quoted.extend(quotes)
        para_found: list[Found] = []
        # "Breitbart News responded:" at the end of a paragraph: the next one is the content
        ahead = paras[pi + 1] if pi + 1 < len(paras) and text[pe - 1] == ":" else None
        para_sentences: list[Sentence] = []
        for ss, se in sentences(text, ps, pe):
            sents.append((ss, se))
            s = Sentence.of(text, ss, se, quotes, ahead if se == pe else None)
            para_sentences.append(s)
            fs = find(s, lex)
            settle_sentence(fs, text)
            para_found.extend(fs)
            hedges = hedge_attributions(s, lex)
            if hedges:  # a hedge inside another attribution's content or cue is none of its own
                used = Cover([f.content for f in fs] + [f.cue for f in fs if f.cue])
                para_found.extend(h for h in hedges if h.cue[0] not in used)  # type: ignore[index]  # a hedge has its cue
        if options.tagger:
            para_found.extend(_tagged(para_sentences, para_found, model))
        para_found, asked = _interview_turn(
            text, [(x.start, x.end) for x in para_sentences], para_found, interview, bare,
            bare_from if ps not in closing else len(text),
        )
        if asked:  # a question is no claim: its sentences are left out of the bare statements,
            # and its attributions (kept: "you said X" is still said) make no claim
            del sents[len(sents) - len(para_sentences) :]
            questions.append((ps, pe))
        if (
            prev_para_quoted is not None
            and prev_para_quoted.content[1] < pe
            and all(f.cue_type is CueType.hedge or f.in_quote for f in para_found)
            and (is_open_quote(text[ps]) or text.startswith("''", ps))
            and quotes
        ):
            # a quoted paragraph that continues the previous speaker; hedges inside the
            # quotation are the speaker's words (the speaker is found in _assemble)
            cont = Found(
                cue=None, cue_type=CueType.quote, source=None, content=(ps, quotes[0][1]), direction="forward"
            )
            if not _quoting(text, prev_para_quoted):
                # after a reported statement ("Brooks said he found housing"): its speaker,
                # named by the same words, not an earlier quoted speaker
                cont.source, cont.name = prev_para_quoted.source, prev_para_quoted.name
            para_found = [f for f in para_found if f.in_quote or not cont.content[0] <= f.cue[0] < cont.content[1]] + [cont]  # type: ignore[index]
        para_found = drop_anonymity_requests(text, para_found)
        para_found = drop_act_before_saying(text, para_found)
        if len(quotes) * (len(para_found) + len(para_sentences)) <= PAIRS_PER_PARAGRAPH:
            # these compare a paragraph's quotations with its attributions: bounded, so a
            # megabyte pasted as one paragraph stays linear (issue 11, case 2)
            para_found = continued_quotes(quotes, drop_quoted_cues(quotes, drop_cue_in_source(para_found)))
            before = prev_last_sentence if prev_para_quoted is None else None
            para_found.extend(introduced_quotes(text, para_sentences, quotes, para_found, lex, before))
        found.extend(para_found)
        prev_last_sentence = para_sentences[-1] if para_sentences else None
        last = para_found[-1] if para_found else None
        if last is not None and (_quoting(text, last) or last.cls == "speech" and last.source is not None):
            prev_para_quoted = last
        else:
            prev_para_quoted = None
    # every rule keeps its spans inside the text; an empty or inverted content, or one of
    # punctuation only (the closing mark after "“We will appeal,”"), is a rule that found
    # nothing to say, so it is not an attribution
    found = [f for f in found if _WORDY.search(text, f.content[0], f.content[1])]
    found.sort(key=lambda f: (f.content[0], f.cue[0] if f.cue else 0))
    assign_parents(found)
    # a hedge inside someone's statement is part of what they said, not a claim of its own
    # (sorted intervals: linear in a long document, issue 11)
    hedge_at = [i for i, f in enumerate(found) if f.cue_type is CueType.hedge]
    spoken = Cover(f.content for f in found if f.cue_type is not CueType.hedge) if hedge_at else None
    dropped = {i for i in hedge_at if found[i].parent is not None or found[i].cue[0] in spoken}  # type: ignore[index, operator]
    if dropped:
        found = [f for i, f in enumerate(found) if i not in dropped]
        assign_parents(found)
    return _assemble(doc, reading, found, sents, lex, text, quoted, questions)


_MEDIUM_LOOKBACK = 6  # attributions looked back at for the medium's speaker


def _tail_of(
    text: str, f: Found, sents: list[tuple[int, int]], starts: list[int], cue_starts: list[int]
) -> tuple[int, int] | None:
    """The clause after a forward content, to its sentence's end (:func:`joined_tail`),
    when no other cue lies in it: "..., but it would not close any plants"."""
    if f.direction != "forward" or f.cue is None or f.cue[1] > f.content[0]:
        return None
    k = bisect_right(starts, f.content[1] - 1) - 1
    if k < 0 or sents[k][1] <= f.content[1]:
        return None
    tail = joined_tail(text, f.content[1], sents[k][1])
    if tail is None:
        return None
    c = bisect_left(cue_starts, f.content[1])
    return None if c < len(cue_starts) and cue_starts[c] < tail[1] else tail


def _tells_someone(text: str, f: Found) -> bool:
    """Is ``f`` a telling with a person told ("told me last week", "tells us", "have told
    me")? Its subject is someone, whatever noun names them."""
    told_outlet = any(text[h[0]].isupper() for h, _ in f.relays)  # "tells Woman's Day", not "told bosses"
    return f.lemma == "tell" and f.cue is not None and (_TOLD_PERSON.match(text, f.cue[1]) is not None or told_outlet) \
        and _TOLD_CLAUSE.match(text, f.content[0]) is not None  # "A guest tells Woman's Day the bride wore ..."


def _group_near(reg: Registry, pos: int) -> bool:
    """Is a group source (plural, or a body) recorded within ``_GROUP_REACH`` characters
    before ``pos``, for "One said" or "Another added" to be one of?"""
    return any(
        (e.plural or e.members or e.type is SourceType.organization) and 0 <= pos - e.last_pos <= _GROUP_REACH
        for e in reg.entities[-RECENT:]
    )


_GROUP_REACH = 300


def _someone_says(text: str, f: Found) -> bool:
    """Is ``f`` a speech verb whose subject is someone indefinite ("A fellow patron said", "A
    diner told the paper")? Only a person says or tells; the noun need not be listed."""
    return f.lemma in _SAYING and f.source is not None and _INDEFINITE_ONE.match(text, f.source[0]) is not None


_SAYING = frozenset("say tell claim insist recall explain".split())
_INDEFINITE_ONE = re.compile(r"(?:A|An|a|an)\s+[a-z]")
_TOLD_PERSON = re.compile(r"\s+(?:me|us|him|her|them)\b")
# What was told opens a clause: "that", a quotation, or a subject pronoun or noun phrase and its verb.
_TOLD_CLAUSE = re.compile(
    r"that\b|[\"“‘']|(?:he|she|it|they|we|i|you)\b|(?:the|a|an|this|our|their|his|her|its)?\s*(?:\w+\s+){0,3}"
    r"(?:is|are|was|were|has|have|had|will|would|could|can)\b",
    re.IGNORECASE,
)


def _medium_owner(text: str, found: list[Found], source_of: list[int | None], name: str) -> int | None:
    """The speaker who last spoke "in a statement" when a later attribution's source is "the
    statement" ("Essex Police said in a statement that ... 'Enquiries are ongoing,' the
    statement said"): the statement is theirs, not a new source."""
    if name not in g.ISSUED_MEDIA:
        return None
    phrase = _spoken_in(name)
    for j in range(len(source_of) - 1, max(-1, len(source_of) - 1 - _MEDIUM_LOOKBACK), -1):
        spoke = found[j]
        if source_of[j] is None or spoke.cue is None:
            continue
        lo, hi = min(spoke.cue[0], spoke.content[0]), max(spoke.cue[1], spoke.content[0])
        if phrase.search(text, lo, min(hi + 40, len(text))):
            return source_of[j]
    return None


def _outlet_described(reg: Registry, np: NounPhrase, pos: int) -> int | None:
    """The outlet a definite description by an outlet's head refers to ("the celebrity site",
    "the paper" after "according to TMZ"); None when no outlet was named before it."""
    if not np.definite or np.names or np.head not in OUTLET_HEADS:
        return None
    found = reg.resolve(replace(np, type=SourceType.outlet), pos)
    return found if found is not None and reg.entities[found].type is SourceType.outlet else None


# Documents a body issues itself: around a report of its own they relay nothing.
_OWN_MEDIA = frozenset("filing filings statement release announcement notice".split())


def _own_medium(e) -> bool:
    """Is source ``e`` an unnamed document that its speaker issues ("a regulatory filing",
    "the statement")? Around a report of that speaker's it is how they spoke, not a relay."""
    return e.type is SourceType.document and e.head in _OWN_MEDIA and not any(w[:1].isupper() for w in e.names)


# Heads of a description that stands for a company: "the company said".
_COMPANY_WORDS = COMPANY_HEADS | {"group"}
# A name of two capitalized words or more, then a lowercase word: "Skjelvik Havbruk will".
# A run of capitalized words, an ampersand allowed between them: "Brackenfield Appliances", "Hennig & Voigt".
_NAME_RUN = r"[A-Z][\w&-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&.-]*)+"
_OPENING_NAME = re.compile(_NAME_RUN + r"(?=[ \t]+[a-z]|’s|'s)")


def _unnamed_company(e) -> bool:
    """Is ``e`` a company known only as "the company" (no name found for it)?"""
    return not e.names and e.head in _COMPANY_WORDS and e.type in (SourceType.organization, SourceType.anonymous)


def _company_unnamed_in_lede(e, text: str, f: Found) -> bool:
    """Is ``e`` a company the story introduces unnamed ("A regional bank in western Japan
    said", "..., its owner said"), a description that news resolves in its next paragraph?"""
    if e.names or e.plural or e.type not in (SourceType.organization, SourceType.anonymous) or f.source is None:
        return False
    words = text[f.source[0] : f.source[1]].lower().split()
    in_lede = text.count("\n", 0, f.source[0]) <= 4  # the first paragraphs, blank lines between them
    return in_lede and len(words) >= 2 and words[0] in ("a", "an", "its") and e.head in _LEDE_BODIES


# Heads of a company introduced unnamed: "a regional bank", "its owner", "a maker of ...".
_LEDE_BODIES = _COMPANY_WORDS | frozenset("owner operator parent".split())


def _company_opening_next(text: str, after: int, lex: Lexicon) -> tuple[int, int] | None:
    """The company name that opens the paragraph after ``after`` ("Cedarline Fiber Products
    said in an emailed statement ..."), when the next paragraph opens with one."""
    nl = text.find("\n", after)
    if nl < 0:
        return None
    start = nl
    while start < len(text) and text[start].isspace():
        start += 1
    m = _OPENING_NAME.match(text, start, min(len(text), start + 80))
    if m is None:
        return None
    body = analyse(text, m.span(), lex)
    named_body = body.type is SourceType.organization or body.type is SourceType.person and body.names[0].lower() not in first_names()
    return m.span() if named_body and len(body.names) > 1 else None  # "Cedarline Fiber Products": no given name


def _opening_name(text: str, content: tuple[int, int]) -> tuple[int, int] | None:
    """The name a statement opens with, within its first words ("Norwegian salmon farmer
    Skjelvik Havbruk will cut ..."), or None."""
    m = _OPENING_NAME.search(text, content[0], min(content[1], content[0] + 60))
    if m is None or text[content[0] : m.start()].count(" ") > 4:
        return None
    return m.start(), m.end()


def _inherit_relays(
    found: list[Found], source_of: list[int | None], relays_of: list[list[tuple[int, tuple[int, int], str]]], reg: Registry
) -> None:
    """Relays that carry on past the attribution that names them: a quotation that runs on
    from "One colleague told the Irish Mirror: ..." is the same telling; and an unnamed
    source ("an insider told New Idea ... the insider said") reached the page only through
    the outlet it told, so its later words came the same way."""
    told: dict[int, list[tuple[int, tuple[int, int], str]]] = {}
    for i, f in enumerate(found):
        eid = source_of[i]
        if relays_of[i]:
            if eid is not None:
                told[eid] = relays_of[i]
            continue
        j = f.speaker_of
        if f.cue_type is CueType.quote and j is not None and j == i - 1 and relays_of[j]:
            relays_of[i] = list(relays_of[j])
        elif eid is not None and eid in told and reg.entities[eid].type is SourceType.anonymous:
            relays_of[i] = list(told[eid])
        elif eid is not None and eid in told and f.cue is not None and f.lemma == "quote" and i > 0 and source_of[i - 1] == eid:
            relays_of[i] = list(told[eid])  # "X told Channels Television ... “...,” she was quoted as saying": the same outlet


@cache
def _spoken_in(medium: str) -> re.Pattern[str]:
    """ "in a statement", "in an emailed statement", "in its filing": where a speaker names the medium."""
    return re.compile(rf"\b(?:in|on|through) (?:a|an|its|his|her|their) (?:\w+ )?{medium}\b")


def _own_nested(source_of: list[int | None], i: int, parent: int, reg: Registry) -> bool:
    """Is nested report ``i`` its parent's speaker's own ("Greaves told BBC Essex that ...
    and that he understood passengers' frustration", "Cobalt Ridge Software Inc. now expects
    ..., the company said")? What one says one thinks is one statement, not a report relayed
    by oneself."""
    if not 0 <= parent < len(source_of):
        return False
    s, p = source_of[i], source_of[parent]
    if s is None or p is None:
        return False
    return s == p or reg.entities[s].key.rstrip(".") == reg.entities[p].key.rstrip(".")


def _in_adverbial_clause(text: str, f: Found) -> bool:
    """Is nested report ``f`` in an adverbial clause of its parent's content (", after Roxanne
    accused Marco of stealing her dish", "when the minister denied it")? The clause dates or
    explains the reported event: an event the outer source tells, not a report it relays."""
    if f.source is None or f.cue is None or f.source[1] > f.cue[0] or f.cls == "finding":
        return False  # ("..., after a survey found at least 30 koalas": a finding keeps its source)
    return _ADVERBIAL_LEAD.search(text, max(0, f.source[0] - 12), f.source[0]) is not None


# A subordinator after a comma, right before a nested report's subject: ", after Roxanne accused".
# (Without the comma the clause is often the outer report's own news: "The shares rose after the
# company said profits would double, Reuters reported" keeps company <- Reuters.)
_ADVERBIAL_LEAD = re.compile(r",\s+(?:after|before|when|while|as|because|since|until|once)\s+$")


def _speaks_for(text: str, reg: Registry, found: list[Found], source_of: list[int | None], i: int) -> bool:
    """Is nested report ``i`` by the body its parent's speaker speaks for ("Chief executive
    Jane Doe said the company expected sales to fall", "said the ministry believes")? An
    officer's or a spokesperson's account of their own body's view is their statement, not
    one they relay: its body is their affiliation, or a body described, not named."""
    f = found[i]
    parent = f.parent
    if f.source is None or parent is None or not 0 <= parent < len(source_of):
        return False
    s, p = source_of[i], source_of[parent]
    if s is None or p is None or reg.entities[p].type is not SourceType.person:
        return False
    if s in reg.entities[p].affiliation_ids:
        return True
    words = text[f.source[0] : f.source[1]].split()
    speaks = set((reg.entities[p].role or "").lower().replace(",", " ").split()) & _REPRESENTATIVES
    return bool(speaks) and len(words) == 2 and words[0].lower() in ("the", "its", "our") and words[1].lower() in _OWN_BODIES


# Roles of people who speak for their body: "Chief executive Jane Doe said the company expected".
_REPRESENTATIVES = frozenset(
    "chief executive ceo president chairman chairwoman chair spokesman spokeswoman spokesperson director minister "
    "secretary official manager founder head".split()
)
# Bodies a person may speak for, described rather than named: "said the company expected".
_OWN_BODIES = _COMPANY_WORDS | frozenset("government ministry department council club party agency board authority".split())


def _subject_next_to_cue(text: str, f: Found) -> bool:
    """Does the source of ``f`` stand right before its cue ("Hillcrest did not respond"), not
    far off as the subject of a participle (", attacking her")?"""
    if f.source is None or f.cue is None or f.source[1] > f.cue[0]:
        return False
    gap = text[f.source[1] : f.cue[0]]
    # "The depots' operator, Agrotrans, did not respond": the comma closes an apposition
    return len(gap) <= 20 and "," not in gap or gap.strip() == ","


# A transcript speaker's label in capitals opening a paragraph: "SVEINSDÓTTIR: About 3.1 ..."
_CAPS_LABEL = re.compile(r"(?m)^([^\W\d_a-z]{4,}|[^\W\d_a-z]{2,}(?:[ -][^\W\d_a-z]{2,}){1,2})(?=:\s)")


def titled_labels(text: str, lex: Lexicon) -> str:
    """``text`` with transcript labels in capitals written as the names they are
    ("SVEINSDÓTTIR:" read as "Sveinsdóttir:" when the text names Halldóra Sveinsdóttir, "NÍ
    FHLATHARTA:" as "Ní Fhlatharta:" after Maura Ní Fhlatharta), so
    that the label speaks as that person; a section in capitals ("ENERGY:", "WASHINGTON:")
    stays a section. Only the letters' case changes, so every offset stays; spans are still
    cut from the document's own text."""
    def titled(m: re.Match[str]) -> str:
        label = m.group(1)
        if not transcript_label(label, lex):
            return label
        for hit in re.finditer(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text, re.IGNORECASE):
            spelled = hit.group()
            if spelled != label and len(spelled) == len(label) and not spelled.isupper():
                return spelled  # as the text spells the name: "Sveinsdóttir", "Ní Fhlatharta", "McDonald"
        return label

    return _CAPS_LABEL.sub(titled, text)


def _person_rank(text: str, span: tuple[int, int]) -> int:
    """How surely the capitalized words at ``span`` name a person: 2 with a known given name,
    a surname the text goes on to use alone ("Odile Farrant ... Farrant spoke to") or as the
    subject that opens a sentence ("Ramesh Iyengar has run the academy ..."), 1 when
    they could be a name and stand after no "the" or preposition ("the Chehalem Register",
    "near Lyme Regis"), 0 for a place or a body ("North Hobart")."""
    words = text[span[0] : span[1]].split()
    if words and words[0].rstrip(".") in _TITLES:
        words = words[1:]
    if not words or not could_be_person(words):
        return 0
    if _interviewer(text, span[0]):
        return 0  # "She spoke to Education Editor Tom Akinyemi": who asks the questions
    if _interviewed_by_outlet(text, span[1]) and not _JOURNALIST_BEFORE.search(text, max(0, span[0] - 30), span[0]):
        return 3  # "general manager Stephen Kowalchuk sat down with Postmedia to talk about ... captain Ryan Dube"
    if len(words) > 1 and (words[0].lower() in first_names() or _surname_again(text, span[1], words[-1])
                           or _opens_sentence(text, span[0])):
        return 2  # a known given name, a surname used again, or the subject an introduction opens with
    before = text[max(0, span[0] - 6) : span[0]].lower().split()
    return 0 if before and (before[-1] == "the" or before[-1] in g.PREPOSITIONS) else 1


_TITLES = frozenset("Mr Mrs Ms Dr Prof Sen Rep Gov".split())
_JOURNALIST_BEFORE = re.compile(r"(?i)\b(?:editor|reporter|correspondent|journalist|presenter|host|columnist|writer|producer)\s+$")
# A name the interview's verb follows in its sentence: the one who "sat down with" or "spoke to" the outlet.
_INTERVIEWED_AFTER = re.compile(
    r"[^.!?\n]{0,40}?\b(?:sat\s+down\s+with|spoke\s+(?:to|with)|talked\s+(?:to|with)|chatted\s+with"
    r"|was\s+interviewed\s+by|answered\s+questions\s+from)\s+"
    r"(?P<asker>us|me|(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})"
)


def _interviewed_by_outlet(text: str, end: int) -> bool:
    """Does the name ending at ``end`` sit down with, speak to or answer an outlet ("... Stephen
    Kowalchuk sat down with Postmedia", "spoke to us")? Then that name is the interviewee; one who
    "spoke to Health Minister Rekha Patel" asks the questions."""
    m = _INTERVIEWED_AFTER.match(text, end)
    if m is None:
        return False
    asker = m.group("asker")
    if asker in ("us", "me"):
        return True
    typed = analyse(text, m.span("asker"), lexicon()).type
    one_word = " " not in asker and asker.lower() not in first_names()  # "Postmedia", not "Tom"
    return typed in (SourceType.outlet, SourceType.organization) or one_word
# The words that put an interviewer's name after them, and the interviewer's title between.
_INTERVIEWER_BEFORE = re.compile(
    r"([^.!?\n]{0,60}?)\b(?:(?:spoke|speaks|spoken|speaking|talked|talks|talking|chatted|chats)\s+(?:to|with)"
    r"|sat\s+down\s+with|(?:interviewed|asked|questioned)\s+by|in\s+conversation\s+with)\s+([^.!?\n]{0,40}?)$"
)
_JOURNALISTS = frozenset("editor reporter correspondent journalist presenter host columnist writer producer".split())


def _interviewer(text: str, start: int) -> bool:
    """Is the name at ``start`` the one an interviewee "spoke to" (a byline's name, or one
    titled as a journalist: "spoke to Marcus Elderfield", "spoke to Education Editor Tom
    Akinyemi")? Not when a journalist is the subject and the name has a trade of its own
    ("Reporter Jane Mills talked to farmer Bill Hewitt": the farmer answers)."""
    m = _INTERVIEWER_BEFORE.search(text, max(0, start - 120), start)
    if m is None:
        return False
    between = [w.lower().strip(",") for w in m.group(2).split()]
    if any(w in _JOURNALISTS for w in between):
        return True
    subject = [w.lower().strip(",") for w in m.group(1).split()]
    return not any(w in _JOURNALISTS for w in subject) and not any(names_a_source(w) for w in between)


def _surname_again(text: str, after: int, surname: str) -> bool:
    """Is ``surname`` used alone within the next 300 characters (news names a person in
    full once, then by surname)?"""
    return re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text[after : after + 300]) is not None


def _interview_turn(
    text: str, sentences: list[tuple[int, int]], para_found: list[Found], interview: list[tuple[int, int] | None],
    bare: frozenset[int] = frozenset(), bare_from: int = -1,
) -> tuple[list[Found], bool]:
    """The paragraph's attributions read as a transcript turn (interviews.py), and whether
    it is a question: "Q:", a labelled question and a bare question of an unlabelled
    interview are no claims; "A:" and the paragraphs after a bare question are the
    interviewee's, sentence by sentence; "Vale: ..." speaks every sentence of its paragraph."""
    if not sentences:
        return para_found, False
    ps, pe = sentences[0][0], sentences[-1][1]
    kind = question_or_answer(text, ps, pe)
    label = next((f for f in para_found if f.lemma == ":" and f.source is not None and f.source[0] == ps), None)
    if kind is None and bare and ps >= bare_from:
        if ps in bare:
            kind = "q"
        elif interview and interview[0] is not None and label is None:  # "Lucia: I baked": the label's turn
            turns = bare_answer(text, sentences, interview[0])
            return [*turns, *_told_in_turns(text, turns, para_found)], False
    if kind is not None and not interview:
        interview.append(interviewee(text, ps, _person_rank))
    if kind == "q":
        return para_found, True
    if kind == "a":
        who = interview[0]
        if who is None:
            return para_found, False
        turns = answer(text, sentences, who)
        return [*turns, *_told_in_turns(text, turns, para_found)], False
    if label is None:
        return para_found, False
    if is_question(text, ps, pe):
        return para_found, True
    turns = [label, *whole_turn(text, label, sentences)]
    return _told_in_turns(text, turns, para_found) + turns[1:], False


def _told_in_turns(text: str, turns: list[Found], para_found: list[Found]) -> list[Found]:
    """``para_found``, where someone tells the speaker of a transcript turn something ("The
    chief at Wapikaga Lake told me they are rationing diesel") marked as told inside the
    speaker's words: the speaker relays it, as inside a quotation (attributions._told_the_speaker)."""
    for f in para_found:
        if f.cue is not None and f not in turns and f.cue_type is CueType.verb and _TOLD_ME.match(text, f.cue[1]) \
                and any(t.content[0] <= f.cue[0] < t.content[1] for t in turns):
            f.in_quote = True
    return para_found


# "told me", "tell us", "said to me" (not "told me never to ...": advice)
_TOLD_ME = re.compile(r"\s+(?:to\s+)?(?:me|us)\b(?!\s+(?:to|never|not)\b)")


def _quoting(text: str, f: Found) -> bool:
    """Does attribution ``f`` quote someone: a quotation in its content, or a quotation itself?"""
    return "“" in text[f.content[0] : f.content[1]] or '"' in text[f.content[0] : f.content[1]] or f.cue_type == CueType.quote


# How many quotation x attribution pairs the quotation rules of one paragraph may compare;
# a news paragraph has a handful of each, a pasted megabyte without breaks thousands.
PAIRS_PER_PARAGRAPH = 4000


def continued_quotes(quotes: list[tuple[int, int]], para_found: list[Found]) -> list[Found]:
    """``para_found`` with the paragraph's later quotations that have no cue of their own
    given to the speaker of an earlier quoted statement ("“X,” said Ruiz. “Nobody wants a
    strike.”"), the news convention the Gender Gap Tracker's quote annotations follow too.
    Quotations are read as content first: a cue word inside one ("Nobody wants ...") is
    part of what the speaker said, not an attribution of its own."""
    spoken = [
        f for f in para_found
        if f.cue_type is not CueType.hedge and (f.source is not None or f.speaker_of is not None)
        and (any(q0 <= f.content[0] < q1 or f.content[0] <= q0 < f.content[1] for q0, q1 in quotes)
             or f.cls == "speech" and f.direction == "forward" and f.cue_type is CueType.verb)
    ]  # ("Tekani said he held no grudges. “It's a business.”": a quotation goes on with the report)
    if not spoken:
        return para_found
    first_end = min(f.content[1] for f in spoken)
    out = list(para_found)
    for q0, q1 in quotes:
        if q0 < first_end or q1 - q0 < 12:
            continue
        inside = [f for f in out if _within(f, q0, q1) and not f.in_quote]  # the speaker keeps what they were told
        if any(f.content[0] < q1 and q0 < f.content[1] and f not in inside and not f.in_quote for f in out):
            continue
        out = [f for f in out if f not in inside]
        out.append(Found(cue=None, cue_type=CueType.quote, source=None, content=(q0, q1), direction="forward"))
    return out


_SUBJECT_NAME = re.compile(rf"(?:[A-Z][^,.!?\n\"“”]{{0,30}},\s+)?(?:(?:And|But|Then|So)\s+)?((?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\b")


def introduced_quotes(
    text: str, para: list[Sentence], quotes: list[tuple[int, int]], para_found: list[Found], lex: Lexicon,
    before: Sentence | None = None,
) -> list[Found]:
    """Quotations with no cue that follow a sentence whose subject is a named person, in a
    paragraph where nobody is quoted before them: "Durning did not need much coaxing.
    “I'm thankful for the invitation.”" is Durning's (news features introduce a speaker
    this way; the Gender Gap Tracker's annotators count such quotes). ``before`` is the
    last sentence of the paragraph before, for a quotation that opens this one."""
    out: list[Found] = []
    for k, s in enumerate(para):
        prev = para[k - 1] if k else before
        if prev is None:
            continue
        q = next((q for q in quotes if q[0] == s.start and q[1] - q[0] >= 12), None)
        if q is None or any(f.content[0] < q[1] and q[0] < f.content[1] for f in para_found):
            continue
        if any(f.content[0] < q[0] and f.cue_type is not CueType.hedge for f in para_found):
            break  # someone is quoted before: continued_quotes decides
        m = _SUBJECT_NAME.match(text, prev.start, prev.end)
        if m is None or any(q0 <= prev.start < q1 for q0, q1 in quotes) or is_open_quote(text[prev.start]):
            continue
        np = analyse(text, m.span(1), lex)
        if np.type is SourceType.person and np.names and could_be_person(np.names):
            out.append(Found(cue=None, cue_type=CueType.quote, source=m.span(1), content=q,
                             direction="forward", name=m.span(1)))
    return out


def drop_act_before_saying(text: str, para_found: list[Found]) -> list[Found]:
    """``para_found`` without an act whose content is only the participle of saying that
    follows it ("A friend of the couple hit back, saying: “...”"): the participle reports,
    with the same speaker; the act before it says nothing of its own."""
    saying = [p for p in para_found if p.cue is not None and text[p.cue[0] : p.cue[1]].lower() in _SAYING_WORDS]
    if not saying:
        return para_found

    def before_saying(f: Found) -> bool:
        return any(p is not f and p.source == f.source and f.content[0] <= p.cue[0] <= f.content[0] + 2  # type: ignore[index]
                   for p in saying)
    return [f for f in para_found if not before_saying(f)]


_SAYING_WORDS = frozenset("saying adding writing telling insisting claiming explaining".split())


def drop_anonymity_requests(text: str, para_found: list[Found]) -> list[Found]:
    """``para_found`` without a source's request for anonymity ("a neighbour, who did not want
    to be named, said", "who asked not to be identified because ..."): it describes how the
    source spoke, reports nothing and is no claim."""
    def request(f: Found) -> bool:
        return f.cue is not None and _ANONYMITY.match(text, f.cue[0], f.content[1]) is not None
    return [f for f in para_found if not request(f)] if any(map(request, para_found)) else para_found


# The formulae of anonymity, from the cue: "did not want to be named", "asked not to be
# identified", "requested anonymity", "declined to be named", "spoke on condition of anonymity".
_ANONYMITY = re.compile(
    r"(?:did not|didn[’']t) want to be (?:named|identified)|(?:asked|requested|declined|refused) "
    r"(?:not )?(?:to be (?:named|identified)|anonymity)|spoke on (?:the )?condition of anonymity",
    re.IGNORECASE,
)


def drop_cue_in_source(para_found: list[Found]) -> list[Found]:
    """``para_found`` without attributions whose source holds another one's subject and cue:
    in "The ministry said in a statement posted online that ...", "The ministry said in a
    statement" is no source of "posted"; the ministry's own "said" carries the content.
    Attributions are grouped by where their source starts, so this stays linear."""
    by_start: dict[int, list[Found]] = {}
    for other in para_found:
        if other.cue is not None and other.source is not None:
            by_start.setdefault(other.source[0], []).append(other)

    def swallows(f: Found) -> bool:
        return f.source is not None and any(
            o is not f and f.source[0] <= o.cue[0] and o.cue[1] <= f.source[1]  # type: ignore[index]
            for o in by_start.get(f.source[0], ())
        )

    keep = [f for f in para_found if not swallows(f)]
    return keep if len(keep) < len(para_found) else para_found


def drop_quoted_cues(quotes: list[tuple[int, int]], para_found: list[Found]) -> list[Found]:
    """``para_found`` without the acts, stances and intents found inside a quotation that is
    someone's content: in “He wants to carry on his father's work,” she said, "wants" is
    what she said, not a cue. Speech and findings inside a quotation stay (a speaker can
    cite a report)."""
    drop = []
    for f in para_found:
        if f.cls in ("speech", "finding") or f.cue is None:
            continue
        for q0, q1 in quotes:
            if _within(f, q0, q1) and any(
                g is not f and g.cue is not None and g.content[0] <= q0 and q1 <= g.content[1] for g in para_found
            ):
                drop.append(f)
                break
    return [f for f in para_found if f not in drop] if drop else para_found


def _within(f: Found, q0: int, q1: int) -> bool:
    """Do the cue and source of ``f`` both lie inside the quotation ``q0..q1``?"""
    spans = [p for p in (f.cue, f.source) if p is not None]
    return bool(spans) and all(q0 <= p[0] and p[1] <= q1 for p in spans)


def _tagged(para: list[Sentence], found: list[Found], tagger: Tagger | None = None) -> list[Found]:
    """The tagger's attributions in the sentences of a paragraph that no attribution of
    the rules touches (its cue, source and content stay as tagged)."""
    spans = [f.content for f in found] + [f.cue for f in found if f.cue]
    out = []
    for s in para:
        if any(a < s.end and s.start < b for a, b in spans) or not candidate(s.toks.lower):
            continue
        in_quote = any(q0 < s.start < q1 for q0, q1 in s.quotes)
        for t in tag_tokens(s.toks, in_quote, tagger):
            if t.content[1] <= t.cue[0]:
                direction = "backward"
            elif t.content[0] < t.cue[0]:
                direction = "around"
            else:
                direction = "forward"
            out.append(
                Found(
                    cue=t.cue,
                    cue_type=CueType.verb,
                    source=t.source,
                    content=t.content,
                    direction=direction,
                    cls="other",
                    name=t.source,
                )
            )
    return out


class _NamesInText:
    """Sources the text names anywhere, typed as sources would be, so that "he" or "the
    fund" can point back to one that was named but not yet quoted.

    Candidate names are found by a regular expression, read only as far into the body as
    a query asks, and analysed only when a query reaches them, walking back from its
    position: most articles ask for a few pronouns, whose antecedent is near. A name that
    recurs is analysed once. A name inside a quotation is no antecedent for a pronoun
    outside it: quoted words are the speaker's, who addresses or mentions others there
    ("We need a donor for Coach Stephen," ... he said).
    """

    def __init__(self, text: str, body: tuple[int, int], lex: Lexicon, quoted: list[tuple[int, int]]) -> None:
        self.text, self.body, self.lex = text, body, lex
        self._candidates: dict[frozenset[SourceType], _Candidates] = {}
        self._quoted = quoted
        self._quote_starts = [q[0] for q in quoted]

    def _quotation_at(self, pos: int) -> int:
        """The index of the quotation holding ``pos``; -1 outside every quotation."""
        k = bisect_right(self._quote_starts, pos) - 1
        return k if k >= 0 and pos < self._quoted[k][1] else -1

    def before(
        self, pos: int, types: frozenset[SourceType], ok: Callable[[NounPhrase], bool] | None = None
    ) -> tuple[int, NounPhrase] | None:
        """The last name of one of ``types`` (passing ``ok``) that starts before ``pos``, with its start."""
        found = self._candidates.get(types)
        if found is None:
            pattern = _PERSON if SourceType.person in types else _BODY_NAME
            found = self._candidates[types] = _Candidates(pattern, self.text, self.body)
        typed = found.typed
        nearest: tuple[int, NounPhrase] | None = None
        last = found.count_before(pos) - 1
        # only the latest RECENT names, as the Registry: antecedents are near, and a
        # pronoun that fits none must not walk back over the whole text (issue 11)
        refused: set[str] | None = None  # names ``ok`` turned down in this call: asked once each
        inside = self._quotation_at(pos)
        for k in range(last, max(-1, last - RECENT), -1):
            start, end, name_span = found.matches[k]
            if nearest is not None and start < nearest[0] - SUBJECT_REACH:
                break
            if self._quotation_at(start) not in (-1, inside):
                continue
            name = self.text[name_span[0] : name_span[1]]
            if refused is not None and name in refused or name.rstrip(".") in _LEGAL_SUFFIXES:
                continue  # ("Halvorsen Fluidics, Inc.": "Inc" names no one; the name before it does)
            if name not in typed:
                seen = analyse(self.text, with_trade(self.text, name_span), self.lex)
                if seen.type is SourceType.person and (
                    _team_before_player(self.text, *name_span) or _BODY_APPOSITION.match(self.text, name_span[1])
                    or _LISTED_AFTER.match(self.text, name_span[1]) and _no_given_name(name)
                ):  # ("Elon Musk's shares": a person holds shares too)
                    seen = replace(seen, type=SourceType.organization)
                fits = seen.type in types and not (seen.type == SourceType.person and (
                    seen.members or not could_be_person(seen.names))) \
                    and seen.name.lower() not in g.DETERMINERS  # not "Married At First" (Sight), nor "The" ("Ms. May" is May)
                typed[name] = seen if fits else None
            np = typed[name]
            if np is not None and ok is not None and not ok(np):
                refused = refused or set()
                refused.add(name)
            elif np is not None:
                hit = start, np if np.span[0] == start else replace(np, span=(start, end))
                if _opens_sentence(self.text, start):
                    return hit
                nearest = nearest or hit
        return nearest


_LEGAL_SUFFIXES = COMPANY_SUFFIXES | frozenset("PLC GmbH Pty Pvt".split())


def _team_before_player(text: str, start: int, end: int) -> bool:
    """Does a playing position and a name follow a name ("Marlin Coast Kingfishers five-eighth
    Riley Maunsell", "Konkan Strikers skipper Rohan Deshmane")? Then the name is the team's,
    which "the club" or "the franchise" later means, never a person's."""
    if _PLAYER_AFTER.match(text, end) is None:
        return False
    last = _LAST_WORD.search(text, max(start, end - 24), end)
    if last is None:
        return True
    word = last.group()
    if last.start() <= start and ("-" in word or not word.endswith("s")):
        return False  # "First-team (coach Lewis Achterberg)": a team is one plural or several words
    return word.lower() not in _ROLE_MODIFIERS  # not "Assistant (coach Ray Dumont)"


_LAST_WORD = re.compile(r"[\w’'-]+$")
# Words that qualify a position rather than name a team, capitalized when a sentence opens with them.
_ROLE_MODIFIERS = frozenset("assistant head interim acting former star veteran senior junior deputy associate new".split())


# An apposition that says a name is a body's: "Harwick Stores, Britain's fifth-largest supermarket
# group,", "Kestrel, a Denver-based drone maker,".
_BODY_APPOSITION = re.compile(
    r",\s+(?:Inc|Corp|Ltd|LLC|LLP|Plc|PLC|Co)\b"  # "Halvorsen Fluidics, Inc."
    r"|,\s+(?:the|a|an|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?['’]s)\s+(?:(?!(?:of|for|at|with|in|to)\s)[\w-]+\s+){0,4}?"
    r"(?:company|group|firm|retailer|supermarket|bank|maker|insurer|carrier|airline|miner|chain|operator|developer"
    r"|lender|manufacturer|producer|conglomerate|start-?up|brand|label|club|team|union|charity|council|agency|regulator)[,.]"
)


def _no_given_name(name: str) -> bool:
    """Does ``name`` open with no given name, a determiner aside ("Tasman Freight", "The Kestrel
    Group"; not "Elon Musk")? Then shares or a share price after it make it a company."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0].lower() not in first_names() and words[0].rstrip(".") not in _TITLES_OF_PEOPLE


# Titles before a surname: "Ms Okonjo's shares fell" is a person's holding.
_TITLES_OF_PEOPLE = _TITLES | frozenset("Miss Sir Dame Lord Lady Cllr Judge Justice".split())


# What only a listed company has after its name: "Tasman Freight shares surged", "Acme's stock".
# ("Jane Smith shares her story": "shares" is a verb unless the price moves after it.)
_LISTED_AFTER = re.compile(
    r"['’]s\s+(?:shares|stock|share\s+price|stock\s+price|shareholders|market\s+value)\b"
    r"|\s+(?:shares|stock)\s+(?:(?:have|had|were|are)\s+)?(?:rose|fell|surged|jumped|slid|slipped|dropped|gained|tumbled"
    r"|climbed|plunged|soared|sank|rallied|closed|ended|traded|hit|lost|added|risen|fallen)\b"
)
# A playing position and the start of a name after a team's name (sports desks' style).
_PLAYER_AFTER = re.compile(
    r"\s+(?:(?:star|veteran|rookie|young|injured|stand-in|vice-captain|former)\s+)?"
    r"(?:skipper|captain|coach|head\s+coach|striker|midfielder|goalkeeper|keeper|defender|defenceman|winger|forward"
    r"|fullback|full-back|halfback|half-back|five-eighth|flyhalf|fly-half|scrum-half|prop|hooker|flanker|lock"
    r"|batter|batsman|bowler|all-rounder|opener|wicketkeeper|quarterback|pitcher|catcher|shortstop|linebacker"
    r"|receiver|guard|playmaker|ruckman|centre|center)\s+[A-Z]"
)
# How far before the nearest name a subject may stand and still be preferred to it.
SUBJECT_REACH = 200
_SENTENCE_EDGE = re.compile(r"(?:^|(?:[.!?:;]|[.!?,][”\"])\s+|\n\s*)(?:[A-Z][a-z]*\b[^.!?\n”\"]{0,30}?,\s+)?(?:(?:And|But|Then|So)\s+)?"
    r"(?:(?:Even\s+)?(?:[Tt]hough|Although|While|When|After|Before|Because|As|Since|If|Once|Unless|Until)\s+)?$"
)


def _opens_sentence(text: str, start: int) -> bool:
    """Does the name at ``start`` open its sentence (after at most a short opener such as
    "In an interview Monday,", and a role before the name such as "former train porter")?
    A subject is the likelier antecedent of "he" or "she" than a name in an object or a
    clause (Lappin & Leass 1994's salience)."""
    return any(_SENTENCE_EDGE.search(text, max(0, s - 60), s) is not None for s in _role_starts(text, start))


# A word before a name, with the space after it: role nouns and their modifiers.
_WORD_BEFORE = re.compile(r"([\w’'-]+)\s+$")


def _role_starts(text: str, start: int) -> list[int]:
    """``start``, and where a role description before the name starts ("former train
    porter Harold Adams": a lowercase role noun and up to three modifiers, no function
    words), so that a name after its title still opens the sentence."""
    starts = [start]
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return starts
    role = m.group(1)
    if not (role.islower() and names_a_source(role)) or role in lexicon().documents:
        return starts
    pos = m.start()
    starts.append(pos)
    for _ in range(3):
        m = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
        if m is None or m.group(1).lower() in FUNCTION_WORDS:
            break
        pos = m.start()
        starts.append(pos)
    return starts


# An honorific between a title and a name: "MLA Smt. Kaveri Deshmane", "Senator Dr Ann Lo".
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Smt|Shri|Kum|Prof|Hon)\.?\s+)?"


class _TitledNames:
    """The person an article names with a title, so that "the mayor" or "the prime
    minister" reaches "Mayor Doug McCallum" or "Prime Minister Justin Trudeau": the last
    such name before the description, else the first after it (news names an office
    holder in full once, then by office)."""

    def __init__(self, text: str, body: tuple[int, int], lex: Lexicon) -> None:
        self.text, self.body, self.lex = text, body, lex
        self._found: dict[str, list[tuple[int, int]]] = {}

    def find(self, description: str, pos: int) -> tuple[int, NounPhrase] | None:
        """The titled person for ``description`` ("The prime minister") around ``pos``."""
        words = description.split()
        while words and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
            words = words[1:]
        if not words or len(words) > 3 or any("’" in w or "'" in w for w in words):
            return None
        title = " ".join(w.lower() for w in words)
        spans = self._found.get(title)
        if spans is None:
            key = title
            title = r"\s+".join(re.escape(w) for w in words)
            # the title in any case, the name capitalized: "Mayor Trish Kanellopoulos said", "MLA Smt.
            # Kaveri Deshmane"; an acronym's words: "the DM" after "District Magistrate Ashish Rawat"
            pattern = rf"\b(?i:{title})\.?\s+{_HONORIFIC}({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
            spans = [m.span(1) for m in re.finditer(pattern, self.text[: self.body[1]])
                     if m.group(1).split()[0] not in _NOT_FIRST_NAMES and m.start() >= self.body[0]][:50]
            if not spans and len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 4:
                spans = self._spelled_out(words[0])
            self._found[key] = spans
        if not spans:
            return None
        before = [sp for sp in spans if sp[0] < pos]
        start, end = before[-1] if before else spans[0]
        np = analyse(self.text, (start, end), self.lex)
        if np.type is not SourceType.person or not np.names:
            return None
        return start, np

    def _spelled_out(self, acronym: str) -> list[tuple[int, int]]:
        """Names after the one title whose words' initials spell ``acronym`` ("District Magistrate
        Ashish Rawat" for "the DM"); none when two titles do ("Deputy Mayor" as well)."""
        spelled = r"\s+".join(c + "[a-z]+" for c in acronym)
        pattern = rf"\b({spelled})\.?\s+{_HONORIFIC}({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
        found = [m for m in re.finditer(pattern, self.text[: self.body[1]]) if m.start() >= self.body[0]]
        if len({m.group(1) for m in found}) != 1:
            return []
        return [m.span(2) for m in found if m.group(2).split()[0] not in _NOT_FIRST_NAMES][:50]


class _Candidates:
    """The matches of one name pattern in a body, read on demand, and what each distinct
    name was typed as (None: not a name of the types asked for).

    For persons, a lone capitalized word that is the last word of a name given earlier
    ("Gillis" after "Stephen Gillis") is a candidate too, read as that full name: news
    names a person in full once, then by surname (AP style).
    """

    def __init__(self, pattern: re.Pattern, text: str, body: tuple[int, int]) -> None:
        self._person = pattern is _PERSON
        self._rest: Iterator[re.Match] | None = (_PERSON_OR_SURNAME if self._person else pattern).finditer(text, *body)
        self._text = text
        # (start, end, span of the full name to read)
        self.matches: list[tuple[int, int, tuple[int, int]]] = []
        self.starts: list[int] = []
        self.typed: dict[str, NounPhrase | None] = {}
        self._full_name: dict[str, tuple[int, int]] = {}  # surname -> the last full name it ended

    def count_before(self, pos: int) -> int:
        """How many candidates start before ``pos``, reading on as far as needed."""
        while self._rest is not None and (not self.starts or self.starts[-1] < pos):
            m = next(self._rest, None)
            if m is None:
                self._rest = None
            elif not self._person:
                if not _PLACE_OF_EVENT.search(self._text, max(0, m.start() - 8), m.start()):
                    self._keep(m.start(), m.end(), m.span())  # not "slumped on the JSE": a venue
            else:
                self._read_person(m)
        return bisect_left(self.starts, pos)

    def _read_person(self, m: re.Match) -> None:
        """Keep a person-like match: a full name (its last word then reads as a surname),
        or a lone word that is the surname of a full name kept before. Most lone
        capitalized words are neither, so they are turned down first, cheaply."""
        titled = m.start()  # where the name and its titles start: its place in the sentence
        office = _OFFICE_OF.search(self._text, max(0, titled - 40), titled)
        for _ in range(2):  # "Minister for (Foreign Affairs) Mary Byrne": the name after the department
            if office is None or m.group().count(" ") < 2 or m.group().split()[0].lower() in first_names():
                break
            again = _PERSON.match(self._text, m.start() + m.group().index(" ") + 1)
            if again is None:
                return
            m, titled = again, office.start()
        after = _after_titles(self._text, m)
        if after is None:
            return
        m = after
        name = m.group()
        lone = " " not in name
        if lone and name not in self._full_name:
            return
        start, end = m.span()
        if (
            name.split(maxsplit=1)[0].rstrip(".") in _NOT_FIRST_NAMES
            or _OBLIQUE.search(self._text, max(0, titled - 12), titled)
            or _CREDIT_AFTER.match(self._text, end)
        ):
            return
        if lone:
            self._keep(start, end, self._full_name[name])
            return
        words = name.split()
        last = words[-1]
        if last.lower() not in FUNCTION_WORDS:
            self._full_name[last] = (start, end)
        if _KOREAN_GIVEN.fullmatch(last):
            self._full_name[words[0]] = (start, end)  # "Kim Jong-un", then "Kim": the family name comes first
        self._keep(titled, end, (start, end))

    def _keep(self, start: int, end: int, name_span: tuple[int, int]) -> None:
        self.matches.append((start, end, name_span))
        self.starts.append(start)


# A Korean given name as news romanizes it ("Jong-un", "Jae-in"): the family name is first.
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _is_office(word: str) -> bool:
    """Is a capitalized word a role or office ("Minister", "Treasurer"), not a name particle
    ("Al" of "Fouzia Al Hashish")?"""
    lex = lexicon()
    return word.lower() in lex.roles or word.lower() in lex.offices


def _after_titles(text: str, m: re.Match) -> re.Match | None:
    """The person-name match ``m`` without leading title words ("First Minister Fiona
    Dalgleish" matched as "First Minister Fiona" is read again from "Fiona"); ``m`` itself
    when it opens with no such word, None when nothing is left."""
    for _ in range(3):
        name = m.group()
        words = name.split()
        office = 0 if len(words) < 3 else next(
            (k for k in range(1, len(words) - 1) if words[k] in _NOT_FIRST_NAMES and _is_office(words[k])), 0
        )
        if office:  # "Environment Minister Dana": read again from "Dana"
            again = _PERSON.match(text, m.start() + len(" ".join(words[: office + 1])) + 1)
            if again is None:
                return None
            m = again
            continue
        if name[: name.find(" ")].rstrip(".") not in _NOT_FIRST_NAMES:
            return m  # most names open with no title (a lone word: name[:-1], never a title here)
        first = name.split(maxsplit=1)
        if len(first) < 2:
            return m
        again = _PERSON.match(text, m.start() + m.group().index(first[1], len(first[0])))
        if again is None:
            return None
        m = again
    return m


def _wire(doc: Document, lex: Lexicon) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A wire service's credit in the dateline or on the story's last line: the span of its
    name and of the whole credit. None when there is none, or when the credit is the
    article's own outlet (a Reuters dateline in a Reuters story relays nothing)."""
    text = doc.text
    b0, b1 = doc.body
    m = _listed_dateline(text, b0, min(b1, b0 + 300), lex) or _BYLINE_CREDIT.match(text, b0, b1) \
        or _BARE_DATELINE.match(text, b0, b1)
    name = (m.start(1), m.end(1)) if m else None
    b1 = _before_footer(text, b0, b1)
    bare = False  # True when only a wire may be credited so (not a paper)
    if m is None:
        last = text.rfind("\n", b0, b1) + 1 or b0
        m = _CLOSING_CREDIT.match(text, last, b1) if b1 - last < 60 else None
        g = "dash" if m is not None and m.group("dash") else "paren"
        name = (m.start(g), m.end(g)) if m else None
        bare = m is not None and m.group("writer") is not None  # a writer's sign-off credits a wire only
    if m is None:
        m = _PUBLISHED_CREDIT.match(text, text.rfind("\n", b0, b1) + 1 or b0, b1)
        name = (m.start(1), m.end(1)) if m else None
    if m is None:  # "AAP" or "AAP rl" alone on the last line: the agency's own copy
        m = _BARE_CREDIT.match(text, text.rfind("\n", b0, b1) + 1 or b0, b1)
        name, bare = ((m.start(1), m.end(1)) if m else None), True
    if m is None or name is None:
        return None
    credited = text[name[0] : name[1]]
    hit = lookup(lex.outlets, _BYLINE_WIRES.get(credited, credited).split())
    if hit is None or bare and hit[1] != "wire":
        return None
    own = lookup(lex.outlets, doc.outlet.split()) if doc.outlet else None
    if own is not None and own[0] == hit[0]:
        return None
    return name, (m.start(), m.end())


# "Companies in this story: (TSX:HLB)": the Canadian Press business footer, after its credit.
_FOOTER = re.compile(r"Companies in this story:[^\n]{0,200}$")


def _before_footer(text: str, start: int, end: int) -> int:
    """The end of the story before a wire's footer line ("Companies in this story: (TSX:HLB)"
    after "This report by The Canadian Press was first published ..."), so that the credit
    line above it is the story's last; ``end`` when there is none."""
    end = _rstrip_end(text, start, end)
    last = text.rfind("\n", start, end) + 1 or start
    if last > start and _FOOTER.match(text, last, end):
        return _rstrip_end(text, start, last)
    return end


def _rstrip_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over whitespace, no further than ``start`` (``rstrip`` without a copy)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _listed_dateline(text: str, start: int, end: int, lex: Lexicon) -> re.Match[str] | None:
    """The first credit in parentheses near the top that names a listed outlet ("Hamburg
    (dpa) -", "Devgarh (Madhya Pradesh) [India], April 7 (ANI):"): a place in parentheses
    before it is passed over. The first credit when none is listed."""
    first = None
    for m in _DATELINE.finditer(text, start, end):
        first = first or m
        if lookup(lex.outlets, m.group(1).split()):
            return m
    return first


def _city_colon(text: str, start: int, end: int) -> re.Match[str] | None:
    """An Indian city page's dateline opening the first paragraph: "PUNE: Residents of ...",
    "Mumbai: Konkan Strikers ..." (a town's name, where a transcript's labels are given names or recur)."""
    m = _CITY_COLON_LEAD.match(text, start, end)
    if m is not None:
        return m
    m = _TOWN_COLON_LEAD.match(text, start, end)
    if m is None or m.group(1).split()[0].lower() in first_names() or text.count(m.group(0).rstrip()) > 1:
        return None  # "Priya:" or a label that recurs ("Hartley: ... Hartley: ...") is a speaker's turn
    rest = text[m.end() : end]
    words = rest.split()
    if "\n" in rest or len(words) < _LEDE_WORDS or sum(w[:1].isupper() for w in words) * 2 > len(words):
        return None  # "Graham: Trump's 'Incredibly Hateful Rhetoric' Destroying GOP's Chance": a headline's speaker
    if _FIRST_PERSON.search(rest):
        return None  # "Ingram: More people on the water. The coastguard told us ...": an answer's label
    return m


_LEDE_WORDS = 20  # a first paragraph shorter than this, after "Name:", is a headline
# A speaker's own voice: a lede in the third person has none of these.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|we|We|our|Our|us|my|My|me)\b")


def _spans(text: str) -> Callable[[int, int], Span]:
    """``Span.of`` for one article, making one Span per pair of offsets: a chain repeats
    its outer attributions' evidence and a claim its attribution's cue, and a Span is
    frozen, so models can share it."""
    made: dict[tuple[int, int], Span] = {}

    def span(start: int, end: int) -> Span:
        s = made.get((start, end))
        if s is None:
            s = made[start, end] = Span.of(text, start, end)
        return s

    return span


def _assemble(
    doc: Document, reading: Reading, found: list[Found], sents, lex: Lexicon, seen: str,
    quoted: list[tuple[int, int]],
    questions: list[tuple[int, int]],
) -> Reading:
    """The Reading: sources resolved, attributions, claims and chains; spans are cut from
    the document's text, names looked for in ``seen`` (the text as the rules read it) and,
    for pronouns outside them, not inside the ``quoted`` stretches."""
    text = doc.text
    span_of = _spans(text)
    reg = Registry(
        _NamesInText(seen, doc.body, lex, quoted).before, seen, _TitledNames(seen, doc.body, lex).find,
        lambda pos: _opens_sentence(seen, pos),
    )
    short_forms = _CompanyShortForms(seen, lex)
    mentions: list[Mention] = []

    def speaker(span: tuple[int, int], extra: tuple[int, int] | None = None, teller: bool = False) -> int | None:
        """The entity a source phrase names; None for a pronoun with no antecedent or a
        phrase of function words ("who", "Had", "some some"): nobody to name. A ``teller``
        (the subject of "told me", "tells us") is someone, whatever its noun."""
        span = without_opener(text, _without_clitic(text, span))
        # a transcript label in capitals is read as the name it is (titled_labels)
        np = analyse(seen if text[span[0] : span[1]].isupper() else text, span, lex, extra)
        if names_a_day(np.name):
            return None
        if text[span[0] : span[1]] == "CCTV" and _CAMERAS_AFTER.match(text, span[1]):
            np = replace(np, type=SourceType.document, name="CCTV", key="cctv", head="cctv", names=[])  # cameras, not the broadcaster
        one_of = np if counted_among_them(np.text) else None
        if one_of is not None:  # "One of them said": one of the group named before
            np = replace(np, pronoun="they", plural=True)
        if one_of is not None and one_of.text.strip(" ,").lower() in ("one", "another") and not _group_near(reg, span[0]):
            # "Fans were left devastated. One wrote on X:": no group named near; the one who
            # wrote, unnamed (a commenter, a reviewer), not a group from paragraphs before
            said_by = one_of.text.strip(" ,")
            return mention(span, np=replace(one_of, type=SourceType.anonymous, name=said_by, key=said_by.lower()))[0]
        if np.pronoun:
            eid = reg.resolve(np, span[0])
            if eid is not None:
                mentions.append(build(Mention, {"id": len(mentions), "span": span_of(*span), "entity": eid}))
            return eid
        owner = _pronoun_owner(text, span) if np.type is SourceType.document else None
        if owner is not None:  # "her statement read": she said it, in a statement
            eid = reg.resolve(analyse(text, owner, lex), owner[0])
            if eid is not None:
                mentions.append(build(Mention, {"id": len(mentions), "span": span_of(*owner), "entity": eid}))
                return eid
        counted = partitive_head(np.text)
        if counted is not None:  # "one of the players": named by the whole phrase, judged by "players"
            np = replace(np, name=np.text.strip(" ,"), key=fold(np.text.strip(" ,")), head=counted)
        elif is_function_words(np.text) or (is_function_words(np.name) and not _titled(np.text, lex)):
            return None  # a broken span such as "He criticized Clinton's record": no name in it
        if np.type is SourceType.anonymous and not names_a_source(np.head):
            outlet = _outlet_described(reg, np, span[0])
            if outlet is not None:  # "The celebrity site reported": the site named before
                mentions.append(build(Mention, {"id": len(mentions), "span": span_of(*span), "entity": outlet}))
                return outlet
            if np.authors:  # "futures pricing compiled by Fenwick Data": who compiled it
                return mention(np.authors[0])[0]
            if not teller:
                return None  # "the rising line indicates ...": a thing, not a source
            # "A scout from Kelowna told me", "The state lab tells us": whoever tells someone speaks
        if _unnamed_one(np):
            named = _named_after_lede(seen, doc.body, span, np.head)
            if named is not None:  # "A CLEANER who scooped £2.4million says ... / Tracey Hollinrake, 53, ..."
                return mention(named)[0]
        return mention(span, extra, short_forms.body_for(np, span[0]))[0]

    def mention(
        span: tuple[int, int], extra: tuple[int, int] | None = None, np: NounPhrase | None = None
    ) -> tuple[int, NounPhrase]:
        np = np or analyse(text, span, lex, extra)
        eid = reg.add(np, span[0])
        mentions.append(build(Mention, {"id": len(mentions), "span": span_of(*span), "entity": eid}))
        ent = reg.entities[eid]
        if np.publisher:
            pub = analyse(text, np.publisher, lex)
            if np.type is SourceType.document and pub.type is not SourceType.outlet and np.head in NEWS_ITEMS \
                    and text.endswith("in ", 0, np.publisher[0]) and publication_title(text[slice(*np.publisher)].split()) \
                    and np.text.lower().startswith(("a ", "an ")):  # not "Launching the report in Athlone"
                pub = replace(pub, type=SourceType.outlet)  # "a report in Rapport": a news item's publication
            pid, _ = mention(np.publisher, np=pub)
            if pid not in ent.publisher_ids:
                ent.publisher_ids.append(pid)
                ent.evidence = span
        org = mention(np.author_affiliation)[0] if np.author_affiliation else None
        for a in np.authors:
            aid, _ = mention(a)
            if org is not None and org not in reg.entities[aid].affiliation_ids:
                reg.entities[aid].affiliation_ids.append(org)
                reg.entities[aid].evidence = span
            if aid not in ent.author_ids and aid != eid:
                ent.author_ids.append(aid)
                author = reg.entities[aid]
                outlets = [p for p in ent.publisher_ids if reg.entities[p].type == SourceType.outlet]
                if outlets and not author.affiliation_ids:
                    author.affiliation_ids.append(outlets[0])  # writers of a report in an outlet
                    author.evidence = span
        if np.affiliation:
            fid, _ = mention(np.affiliation, np=_as_body(analyse(text, np.affiliation, lex)))
            if fid not in ent.affiliation_ids and fid != eid:
                ent.affiliation_ids.append(fid)
                ent.evidence = ent.evidence or span
        return eid, np

    wire = _wire(doc, lex)
    wire_id = None
    if wire is not None:
        short = _BYLINE_WIRES.get(text[wire[0][0] : wire[0][1]])
        wire_np = _as_listed_outlet(analyse(text, wire[0], lex), short) if short else None
        wire_id, _ = mention(wire[0], np=wire_np)
        reading.wire = wire_id

    source_of: list[int | None] = []
    told_in_quote: set[int] = set()  # someone a speaker speaks of: no role holder named elsewhere
    relays_of: list[list[tuple[int, tuple[int, int], str]]] = []
    upstream_of: list[list[tuple[int, tuple[int, int]]]] = []
    for f in found:
        eid = None
        if f.source is not None:
            name = f.name or f.source
            if partitive_head(text[f.source[0] : f.source[1]]):
                name = f.source  # "one of the players": the whole partitive names them
            extra = None
            seen_by = _seen_by_outlet(text, name, f.source, lex)
            if seen_by is not None:
                name = seen_by  # "The survey, seen by AAP,": the document with the outlet that saw it (a relay)
            elif name[1] < f.source[1] and text[name[1] : f.source[1]].strip(" ,"):
                extra = (name[1], f.source[1])
                name, extra = _named_first(text, name, extra, lex)
            eid = speaker(name, extra, _tells_someone(text, f) or _someone_says(text, f))  # the mention is the name; the source span stays as annotated
            if f.in_quote and eid is not None:
                told_by = analyse(text, name, lex)
                if told_by.definite and not told_by.names:
                    # "The owner tells us ..." in a quotation: someone the speaker speaks of, not
                    # a person the article named before (nor the speaker)
                    eid = mention(name, np=replace(told_by, definite=False))[0]
                    told_in_quote.add(eid)
            if eid is not None and reg.entities[eid].type is SourceType.document:
                owner = _medium_owner(text, found, source_of, reg.entities[eid].name)
                eid = eid if owner is None else owner
        elif f.speaker_of is not None and 0 <= f.speaker_of < len(source_of):
            eid = source_of[f.speaker_of]
        source_of.append(eid)
        rel = []
        for hearer, ev in f.relays:
            titled = _titled_outlet(text, hearer, lex) or _programme_owner(text, hearer, ev)
            hid, np = mention(hearer, np=_as_listed_outlet(analyse(text, hearer, lex), titled) if titled else None)
            ent = reg.entities[hid]
            if ent.type == SourceType.outlet or _outlet_affiliated(reg, hid):
                rel.append((hid, ev, text[ev[0] : ev[1]].split()[0].lower()))
        relays_of.append(rel)
        ups = []
        for cited, ev in f.upstream:
            cited_np = analyse(text, cited, lex)
            if cited_np.type is SourceType.anonymous and not names_a_source(cited_np.head):
                continue  # "declined to comment, citing the investigation": a reason, not a source
            uid, _ = mention(cited, np=cited_np)
            ups.append((uid, ev))
        upstream_of.append(ups)

    # fix continuation speakers that were recorded before sorting
    for i, f in enumerate(found):
        if f.cue_type == CueType.quote and source_of[i] is None:
            j = _last_speaker(text, found, source_of, i)
            if j is not None:
                source_of[i] = source_of[j]
                f.speaker_of = j

    _inherit_relays(found, source_of, relays_of, reg)

    # "Norwegian salmon farmer Skjelvik Havbruk will cut ..., the company said": the company
    # is the body the statement opens with, when "the company" found no body named before
    for i, f in enumerate(found):
        eid = source_of[i]
        if eid is None or f.cue is None or f.content[1] > f.cue[0] or not _unnamed_company(reg.entities[eid]):
            continue
        opening = _opening_name(text, f.content)
        if opening is not None:
            source_of[i], _ = mention(opening, np=_as_body(analyse(text, opening, lex)))

    # "I" and "we" inside a quotation are its speaker
    for i, f in enumerate(found):
        if f.source is None:
            continue
        s0, s1 = _without_clitic(text, f.source)
        if text[s0:s1].lower() in ("i", "we") and f.parent is not None:
            source_of[i] = source_of[f.parent]

    # "A regional bank in western Japan said ..." / "..., its owner said": the company the
    # next paragraph opens with ("Setouchi Kaigan Bank will shut ...")
    for i, f in enumerate(found):
        eid = source_of[i]
        if eid is None or f.cue is None or not _company_unnamed_in_lede(reg.entities[eid], text, f):
            continue
        later = _company_opening_next(text, max(f.cue[1], f.content[1]), lex)
        if later is not None:
            new_id, _ = mention(later, np=_as_body(analyse(text, later, lex)))
            source_of = [new_id if x == eid else x for x in source_of]

    named_later = _named_role_holders(reg, source_of)
    source_of = [named_later.get(e, e) if e is not None and e not in told_in_quote else e for e in source_of]

    entities = [
        build(
            Entity,
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": [a for a in e.aliases if a != e.name],
                "role": e.role,
                "affiliations": [reg.entities[x].name for x in e.affiliation_ids],
                "publishers": [reg.entities[x].name for x in e.publisher_ids],
                "authors": [reg.entities[x].name for x in e.author_ids],
            },
        )
        for e in reg.entities
    ]
    reading.entities = entities
    reading.mentions = mentions

    attributions = []
    for i, f in enumerate(found):
        attributions.append(
            build(
                Attribution,
                {
                    "id": i,
                    "cue": span_of(*f.cue) if f.cue else None,
                    "cue_type": f.cue_type,
                    "source": span_of(*f.source) if f.source else None,
                    "entity": source_of[i],
                    "content": span_of(*f.content),
                    "parent": f.parent,
                    "relays": [r[0] for r in relays_of[i]],
                    "relay_evidence": [span_of(*r[1]) for r in relays_of[i]],
                },
            )
        )
    reading.attributions = attributions

    # an act reported inside a statement ("Banks said 3,000 people had signed a petition")
    # is part of that statement's claim, not a claim of its own
    stating = [states(text, f) for f in found]  # once per attribution, for claims and chains
    stated_by = [e if ok else None for e, ok in zip(source_of, stating, strict=True)]
    folded = {
        i for i, f in enumerate(found)
        if f.parent is not None and (
            not stating[i] or _names_nobody(text, f) or f.source is not None and source_of[i] is None
            or _own_nested(source_of, i, f.parent, reg) or _speaks_for(text, reg, found, source_of, i)
            or _in_adverbial_clause(text, f)
        )
    }  # a nested report by no one we can name ("the party expected to ...") or by the parent's
    # own speaker ("told BBC Essex that ... and that he understood ...") stays in its parent's claim
    is_parent = {f.parent for i, f in enumerate(found) if f.parent is not None and i not in folded and not f.in_quote}
    # (a quotation keeps its own claim beside what its speaker was told in it: "Our members tell us ...")
    claims: list[Claim] = []
    covered: list[tuple[int, int]] = []
    asked = Cover(questions)
    cue_starts = sorted(f.cue[0] for f in found if f.cue)
    sent_starts = [ss for ss, _ in sents]
    tails: list[tuple[int, int]] = []  # clauses after a content that rest on nobody
    for i, f in enumerate(found):
        covered.append(f.content)
        if i in is_parent or i in folded or f.content[0] in asked or _scare_quote(text, f):
            continue
        chain = _chain(
            text, span_of, i, found, stating, stated_by, relays_of, upstream_of, reg, entities, wire_id, wire
        )
        types = [entities[link.entity].type for link in chain]
        outlet_tail = False
        kind = kind_of(types, outlet_tail)
        cs, ce = f.content
        if (
            f.cue
            and f.cls != "speech"
            and f.direction == "forward"
            and f.cue[1] <= cs
            and not _clausal(text, cs)
        ):
            cs = f.cue[0]  # "revealed details of X": a bare noun phrase is no statement alone
        if not stating[i] and _subject_next_to_cue(text, f) and f.direction == "forward":
            cs = min(cs, f.source[0])  # type: ignore[index]  # "Hillcrest did not respond to requests": the article's report, whole
        tail = _tail_of(text, f, sents, sent_starts, cue_starts)
        if tail is not None and f.cue is not None and backshifted(text, tail, text[f.cue[0] : f.cue[1]]):
            ce = tail[1]  # "said the firm had cut costs, but it would not close plants": still the speaker's
        elif tail is not None:
            tails.append(tail)  # "said the plan was ready, but critics disagree": the article's own
        claims.append(
            build(
                Claim,
                {
                    "id": len(claims),
                    "span": span_of(cs, ce),
                    "cue": span_of(*f.cue) if f.cue else None,
                    "kind": kind,
                    "attribution": i,
                    "chain": chain,
                },
            )
        )
    # bare statements: claims that rest on nobody, after a report ("..., but critics disagree")
    for s, e in dict.fromkeys(tails):
        if any(c0 < e and s < c1 for c0, c1 in covered):
            continue  # another report holds it
        claims.append(build(Claim, {"id": len(claims), "span": span_of(s, e), "cue": None,
                                    "kind": ClaimKind.unattributed, "attribution": None, "chain": []}))
    # and whole sentences: a sweep over sentences and contents in text order keeps this linear
    covered.sort()
    ci = 0
    for ss, se in sents:
        while ci < len(covered) and covered[ci][1] <= ss:
            ci += 1
        overlapping = (c for c in covered[ci : ci + 64] if c[0] < se)
        if any((min(se, c[1]) - max(ss, c[0])) * 2 > (se - ss) for c in overlapping):
            continue
        k = bisect_left(cue_starts, ss)
        if k < len(cue_starts) and cue_starts[k] < se:
            continue
        if is_question(text, ss, se) and not any(q in text[ss:se] for q in "\"“”"):
            continue  # the article's own question states nothing (a quoted one is someone's words)
        s, e = trim(text, ss, se, " \t.!?")
        if e - s < 12 or len(text[s:e].split()) < 4:
            continue
        if wire is not None and wire[1][0] <= s and e <= wire[1][1]:
            continue  # "- African News Agency (ANA)": the wire's credit line states nothing
        claims.append(
            build(
                Claim,
                {
                    "id": len(claims),
                    "span": span_of(s, e),
                    "cue": None,
                    "kind": ClaimKind.unattributed,
                    "attribution": None,
                    "chain": [],
                },
            )
        )
    claims.sort(key=lambda c: c.span.start)
    for n, c in enumerate(claims):
        c.id = n
    reading.claims = claims
    return reading


_CLITIC = re.compile(r"(\w+)[’'](?:ve|m|re|d|ll)")


# Determiners that introduce someone other than the one named: "another analyst", "a second source".
_OTHER_ONE = frozenset("another second third other".split())


def _named_role_holders(reg: Registry, source_of: list[int | None]) -> dict[int, int]:
    """Unnamed one-person sources ("a university spokeswoman said") mapped to the one person
    the article names in that role ("the spokeswoman, Hannah Liebowitz, wrote"): news often
    quotes the role first and names its holder later. Only when exactly one named person
    holds the role, so two spokeswomen stay apart."""
    roles = lexicon().roles
    unnamed = [
        e for e in (reg.entities[eid] for eid in {x for x in source_of if x is not None})
        if e.type is SourceType.anonymous and not e.plural and not e.names and e.head in roles
        and e.key.split()[0] not in _OTHER_ONE
    ]  # ("Another analyst ... said" after "Kristin Holloway, an analyst": someone else)
    if not unnamed:
        return {}
    heads = {e.head for e in unnamed}
    holders: dict[str, list[int]] = {}
    for p in reg.entities:  # one pass over the entities, however many roles are asked about
        for head in heads & role_words(p):
            holders.setdefault(head, []).append(p.id)
    return {e.id: holders[e.head][0] for e in unnamed if len(holders.get(e.head, ())) == 1}


# A run of capitalized words from where it is found: "Brackenfield Appliances".
_LONG_NAME = re.compile(_NAME_RUN)


class _CompanyShortForms:
    """News names a company in full once, then by its first word ("Brackenfield Appliances
    ... Brackenfield said"), which alone reads as a surname. Each word asked about is looked
    up once per article (few are: one-word sources)."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text, self.lex = text, lex
        self._bodies: dict[str, list[tuple[int, NounPhrase]]] = {}

    def body_for(self, np: NounPhrase, pos: int) -> NounPhrase:
        """``np``, or the company named before ``pos`` whose first word it is; never for a
        known given name ("Jordan said" is a person)."""
        if np.type is not SourceType.person or len(np.names) != 1 or np.names[0].lower() in first_names():
            return np
        for start, body in reversed(self._companies(np.names[0])):
            if start < pos:
                return replace(body, span=np.span, text=np.text)
        return np

    def _companies(self, word: str) -> list[tuple[int, NounPhrase]]:
        """The companies whose names open with ``word``, with their starts: one search of the
        text per word asked about, done once."""
        found = self._bodies.get(word)
        if found is not None:
            return found
        found = self._bodies[word] = []
        text, at = self.text, self.text.find(word + " ")
        while at >= 0:
            name = None if at and (text[at - 1].isalnum() or text[at - 1] == "-") else _LONG_NAME.match(text, at)
            body = analyse(text, name.span(), self.lex) if name and name.end() > at + len(word) else None
            if body is not None and body.type is SourceType.organization and len(body.names) > 1 and body.names[0] == word:
                found.append((at, body))
            at = text.find(word + " ", at + 1)
        return found


_OWNER = re.compile(r"(her|his|their|its)\s+(?=\w)", re.IGNORECASE)


def _pronoun_owner(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The possessive pronoun opening a document source ("her statement", "their letter"),
    whose referent is the one who speaks through the document; None otherwise."""
    m = _OWNER.match(text, *span)
    return (m.start(1), m.end(1)) if m else None


def _unnamed_one(np: NounPhrase) -> bool:
    """Is ``np`` one someone described by a common noun ("A dad-of-three", "A Texas mom", "A
    CLEANER who ...": tabloids set the lede's first noun in capitals), not a body or a document?"""
    if not np.indefinite or np.plural or np.type in (SourceType.document, SourceType.outlet):
        return False
    if np.head in ORG_HEADS or np.head in OUTLET_HEADS:
        return False
    written = next((w for w in re.findall(r"[\w’'-]+", np.text) if w.lower() == np.head), "")
    return written.islower() or written.isupper() and len(written) > 3


def _named_after_lede(
    text: str, body: tuple[int, int], span: tuple[int, int], head: str = ""
) -> tuple[int, int] | None:
    """The person a story's opening paragraph describes without a name ("A CLEANER who scooped
    £2.4million ... says", "A dad-of-three says"), when the next paragraph opens by naming
    someone with an age ("Mum-of-four Tracey Hollinrake, 53, from Rochdene"): the delayed
    identification of tabloid and local ledes. None elsewhere."""
    if span[0] - body[0] > _LEDE_REACH:
        return None  # a lede is at the top: no paragraph scan for a description further down
    paras = [p for p in paragraphs(text, body[0], min(body[1], span[1] + _LEDE_REACH)) if text[p[0] : p[1]].strip()][:3]
    k = next((i for i, (ps, pe) in enumerate(paras) if ps <= span[0] < pe), None)
    if k is None or k + 1 >= len(paras) or k > 1:
        return None
    ps, pe = paras[k + 1]
    m = _AGED_NAME.match(text, ps, pe)
    if m is None or not could_be_person(m.group(1).split()) or int(m.group(2)) < 16:
        return None  # ("A FATHER has told ... / Little Amelia Hart, 6, died": his child, not him)
    described = [w.lower() for w in text[ps : m.start(1)].split() + m.group(1).split()[:-2]]  # "Driver Tom Reid"
    if any(names_a_source(w) and "-of-" not in w and w != head for w in described):
        return None  # "A WITNESS says ... / Driver Tom Reid, 28, was charged": someone else, by role
    return m.span(1)


_LEDE_REACH = 1500  # characters from the top of the body a lede's description may start within
# A paragraph that opens with a name and an age, after at most three words of description.
_AGED_NAME = re.compile(rf"(?:[\w’'-]+\s+){{0,3}}?({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}),\s*(\d{{1,3}}),")


def _scare_quote(text: str, f: Found) -> bool:
    """Is ``f`` a quotation of one or two words that no cue introduces ("deemed
    “independent”", "By “honorific”"), or an unquoted content that is one discourse word
    ("Yes, the critics weighed in too")? Neither is anyone's statement."""
    words = text[f.content[0] : f.content[1]].split()
    return f.cue is None and len(words) < 3 or len(words) == 1 and words[0].strip(",.").lower() in _DISCOURSE_ONLY


_DISCOURSE_ONLY = frozenset("yes no well indeed sure okay ok so still yet".split())


def _names_nobody(text: str, f: Found) -> bool:
    """Is the source of a nested attribution a word for nobody ("“Nobody told us
    anything,” said X")? Inside another's statement it reports no one's words: the
    statement is claimed whole, not cut at its verb."""
    return f.source is not None and text[f.source[0] : f.source[1]].lower() in _NOBODY


_NOBODY = frozenset(("nobody", "no one", "no-one", "none", "nothing", "neither"))


def _without_clitic(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A pronoun source without its clitic: "I’ve never said" is said by "I" (the
    quotation's speaker inside a quotation)."""
    m = _CLITIC.fullmatch(text, *span)
    return (span[0], m.end(1)) if m is not None else span


def _titled_outlet(text: str, span: tuple[int, int], lex: Lexicon) -> str | None:
    """The outlet a hearer of "told" names by a bare title or a shape only outlets have:
    a listed outlet's one-word title ("told People", "told Variety", "told Stuff": listed as
    "People (magazine)", "Stuff (New Zealand)" because the word alone is a common noun
    elsewhere), a broadcaster's call sign that names no listed body ("told KXRT", not "told
    CAIR"), or a newspaper's title ending in a newspaper word ("told the Northern Daily Leader",
    not "the Post Office Horizon Inquiry")."""
    phrase = text[span[0] : span[1]]
    if not phrase[:1].isupper() and not phrase.startswith("the "):
        return None
    words = phrase.split()
    if len(words) == 1:
        hit = lex.outlets.get(fold(phrase) + " magazine")
        bare = _qualified_outlets().get(fold(phrase))
        call_sign = _US_CALL_SIGN.fullmatch(phrase) and not lookup(lex.organizations, words) and not lookup(lex.outlets, words)
        return hit[0] if hit else bare or (phrase if call_sign else None)
    named = words[1:] if words[0] in ("the", "The") else words
    if len(named) >= 2 and all(w[:1].isupper() for w in named) and named[-1].lower() in _PAPER_TITLE_ENDS \
            and not any(w in lex.org_words for w in named) and not lookup(lex.outlets, named, the=True):
        return " ".join(named)  # "the Northern Daily Leader"
    return None


def _programme_owner(text: str, hearer: tuple[int, int], ev: tuple[int, int]) -> str | None:
    """The hearer that owns the programme told ("told Nova's breakfast show", "told KIIS FM's
    morning program"): a broadcaster, whether or not it is listed."""
    phrase = text[hearer[0] : hearer[1]]
    owned = _OWNED_PROGRAMME.fullmatch(phrase)
    if owned is not None and owned.group(1)[:1].isupper():
        return owned.group(1)  # the hearer is "Nova's breakfast show": Nova
    rest = text[hearer[1] : ev[1]]
    return phrase if _PROGRAMME.match(rest) and phrase[:1].isupper() else None


_PROGRAMME = re.compile(r"[’']s\s+(?:[a-z-]+\s+){0,2}(?:programme|program|show|podcast)\b|[’']s\s+[A-Z]")
_OWNED_PROGRAMME = re.compile(r"(.+?)[’']s\s+(?:[a-z-]+\s+){0,2}(?:programme|program|show|podcast)")


# A North American broadcaster's call sign alone: "KXRT", "WKRC", "CJAD".
_US_CALL_SIGN = re.compile(r"[KWC][A-Z]{3}")
# Last words of a newspaper's title: "the Northern Daily Leader", "the Kelowna Daily Courier".
_PAPER_TITLE_ENDS = OUTLET_WORDS - {"news", "press", "review", "standard", "star", "times", "post", "bulletin", "monitor"} \
    | frozenset("leader advocate citizen sun age mail".split())


@cache
def _qualified_outlets() -> dict[str, str]:
    """Listed outlets named with a qualifier ("Stuff (New Zealand)", "People (magazine)"),
    by their folded one-word title: keys only for a hearer of "told"."""
    out: dict[str, str] = {}
    for canonical, _kind in lexicon().outlets.values():
        title, paren, _rest = canonical.partition(" (")
        if paren and " " not in title:
            out.setdefault(fold(title), canonical)
    return out


def _as_listed_outlet(np: NounPhrase, name: str) -> NounPhrase:
    """``np`` read as the listed outlet ``name`` (a wire credited by a short form)."""
    return replace(np, type=SourceType.outlet, name=name, key=fold(name), head=name.split()[-1].lower(), names=name.split())


def _as_body(np: NounPhrase) -> NounPhrase:
    """An affiliation read as a body: one works for, founds or speaks for an organization,
    not a person ("co-founder of Peace By Chocolate" is no "he"; DESIGN: affiliations)."""
    if np.type is not SourceType.person or np.pronoun:
        return np
    name = np.text.strip(" ,")
    return replace(np, type=SourceType.organization, name=name, key=fold(name), head=name.split()[-1].lower(), names=[])


def _titled(phrase: str, lex: Lexicon) -> bool:
    """Does ``phrase`` open with a title ("Ms. May", "Sen. Will")? The name after it is a
    name even when it is spelled like a function word."""
    first = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    return fold(first).rstrip(".") in lex.honorifics


def _last_speaker(text: str, found: list[Found], source_of: list[int | None], i: int) -> int | None:
    """The attribution a cue-less quotation ``i`` continues: the last earlier one that
    quoted someone (a speech cue and a quotation in its content), else the last earlier
    one with a source. A relative clause in between ("..., who writes about food policy")
    does not take the quote from the speaker."""
    fallback = None
    for j in range(i - 1, max(-1, i - 40), -1):
        g = found[j]
        if source_of[j] is None or g.cue_type is CueType.hedge:
            continue
        if g.cls == "speech" and any(c in text[g.content[0] : g.content[1]] for c in "“\""):
            return j
        if fallback is None:
            fallback = j
    return fallback


def _possessed_role(phrase: str, lex: Lexicon) -> bool:
    """Is ``phrase`` a role held for someone ("Skylift's founder", "the trust's chief
    executive", "Our CFO"): a possessive, then a role noun last?"""
    words = phrase.replace("’", "'").split()
    owned = "'s" in phrase.replace("’", "'") or words[0].lower() in _POSSESSIVES if words else False
    return len(words) >= 2 and owned and not words[-1].endswith("'s") and (
        words[-1].lower() in lex.roles or words[-1].lower() in lex.offices
    )


_POSSESSIVES = frozenset("our my his her their its your".split())


def _named_first(
    text: str, name: tuple[int, int], extra: tuple[int, int], lex: Lexicon
) -> tuple[tuple[int, int], tuple[int, int]]:
    """"Her attorney, Benjamin Okafor, said": when the phrase before the appositive is an
    unnamed role and the appositive names a person (or, after a description, a body: "The
    buyer, Tamarack Partners, said"), the named one is the source and the role is their
    description."""
    a, b = extra
    while a < b and text[a] in " ,":
        a += 1
    while b > a and text[b - 1] in " ,":
        b -= 1
    given = _GAVE_NAME.match(text, a, b)
    if given is not None:  # "One mother, who gave her name only as Tasha, said": Tasha
        return given.span(1), name
    if text[a : a + 6].split(maxsplit=1)[:1] in (["who"], ["which"], ["whose"], ["that"]):
        return name, extra  # "Another analyst, who asked not to be named because his firm ...": a relative clause
    role = analyse(text, name, lex)
    phrase = text[name[0] : name[1]]
    owned = _POSSESSED_DESCRIPTION.match(phrase) is not None  # "Brightwater's largest shareholder"
    unnamed = not role.names or role.names == phrase.split()[:1] and role.head in lex.roles  # "Senior counsel for ..."
    described_body = role.type is SourceType.organization and not role.names  # "The province's health authority"
    if not (_possessed_role(phrase, lex) or _office(phrase, lex) or _opens_with_role(phrase, lex) or owned
            or role.type is SourceType.anonymous and unnamed and not role.plural or described_body) or a >= b:
        return name, extra
    named = analyse(text, (a, b), lex)
    if owned and named.type in (SourceType.person, SourceType.organization) and named.names and not named.members:
        return (a, b), name  # "Brightwater's largest shareholder, the hedge fund Sable Point Capital, said"
    if named.type is SourceType.person and named.names and not named.members:
        return (a, b), name
    if named.type is SourceType.organization and named.names and (role.type is SourceType.anonymous or described_body):
        return (a, b), name  # "The buyer, Tamarack Partners, said": the body named
    return name, extra


# How a document named before reached the outlet, set off by commas: ", seen by AAP,", ", obtained by The
# Globe and Mail,": the outlet's name alone, in capitals, then the closing comma.
_SEEN_BY = re.compile(
    r",\s*(?:seen|obtained|viewed|reviewed)\s+by\s+(?:the\s+)?(?P<outlet>[A-Z][\w&.'’-]*(?:\s+(?:and\s+)?[A-Z][\w&.'’-]*)*)\s*,"
)


def _seen_by_outlet(text: str, name: tuple[int, int], source: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """The span of a document and the aside that says which outlet saw it ("The survey, seen by AAP,",
    "A briefing note ..., obtained by The Canadian Press,"), so that the outlet relays it; None when
    the source is no document or the one who saw it no outlet ("The governor, seen by Reuters at a
    rally,", "The suspect, seen by CCTV cameras,", "The study, reviewed by The Lancet's editors,")."""
    m = _SEEN_BY.match(text, source[1]) or (_SEEN_BY.match(text, name[1], source[1] + 1) if name[1] < source[1] else None)
    if m is None or analyse(text, name, lex).type is not SourceType.document:
        return None
    if analyse(text, m.span("outlet"), lex).type is not SourceType.outlet:
        return None
    words = m.group("outlet").split()
    if "and" in words and lookup(lex.outlets, words) is None and lookup(lex.outlets, ["The", *words]) is None:
        return None  # "seen by The Age and The Sydney Morning Herald": two outlets, not one ("The Globe and Mail" is one)
    return name[0], m.end() - 1
# "who gave her name only as Tasha", "identified only as Sam": the name an unnamed source gave.
_GAVE_NAME = re.compile(
    r"(?:who\s+gave\s+(?:her|his|their)\s+(?:first\s+)?name\s+(?:only\s+)?as|identified\s+only\s+as|known\s+only\s+as)"
    r"\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
# A description owned by a name, all lower case after it: "Brightwater's largest shareholder".
_POSSESSED_DESCRIPTION = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}['’]s(?:\s+[a-z][\w-]*){1,3}$")


def _opens_with_role(phrase: str, lex: Lexicon) -> bool:
    """Is ``phrase`` a role that names nobody: opening with a role noun ("Counsel assisting
    the inquiry", "Lawyer for the family") or ending in one after a body ("A Pentagon
    spokeswoman")?"""
    words = phrase.strip(" ,").split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(words) > 1 and words[-1].islower() and words[-1] in lex.roles:
        return True
    return len(words) > 1 and words[0].lower() in lex.roles and all(not w[:1].isupper() for w in words[1:])


def _office(phrase: str, lex: Lexicon) -> bool:
    """Is ``phrase`` an office and nothing more ("The Opposition Leader", "the Premier")?"""
    words = phrase.strip(" ,").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) > 1 and phrase.strip().lower().startswith("the ") and words[-1].lower() in _OFFICE_ENDS \
            and all(w[:1].isupper() for w in words):
        return True  # "The Additional Advocate General", "The Deputy Chief Medical Officer"
    return bool(words) and " ".join(words).lower() in lex.offices or OFFICE_FOR.fullmatch(phrase.strip(" ,")) is not None


# Last words of a capitalized office after "The": "The Additional Advocate General".
_OFFICE_ENDS = frozenset("general minister secretary commissioner officer director attorney prosecutor solicitor registrar".split())

_FORMER = re.compile(r"\b(?:former|ex-|retired|onetime|one-time|then-)", re.IGNORECASE)


# Those who speak for the body that employs them: a broadcaster's spokesperson speaks as the
# company, and relays nothing ("A spokesperson for Network Ten said", "A spokesman for Vista TV").
_SPEAKS_FOR_EMPLOYER = frozenset("spokesperson spokeswoman spokesman representative rep publicist".split())


def _former(role: str | None) -> bool:
    """Does a role describe a past tie ("a former editor at the Daily News")? A former
    outlet carries none of what its ex-journalist says now, so it is no relay."""
    return bool(role and _FORMER.search(role))


def _clausal(text: str, start: int) -> bool:
    """Does content starting at ``start`` open with a complementizer, a quotation or a subject
    pronoun ("insisted it would work": a clause, whatever the verb's class)?"""
    return text.startswith("that ", start) or is_open_quote(text[start]) or text[start] in "‘'" \
        or _SUBJECT_PRONOUN.match(text, start) is not None or _NOUN_CLAUSE.match(text, start) is not None


_SUBJECT_PRONOUN = re.compile(r"(?:he|she|it|they|we|I|you|there)\s+[a-z’']+\s")
# A determiner, a noun and a finite verb: "the railroad had 14 derailments", "the region needs to".
_NOUN_CLAUSE = re.compile(
    r"(?:the|its|their|his|her|our)\s+[a-z-]+\s+(?:had|has|have|was|were|is|are|will|would|could|can|may|might|"
    r"must|should|did|does|do|needs|faces|remains|lacks)\b"  # (not "-ed": "welcomed the report published by")
)


def _outlet_affiliated(reg: Registry, eid: int) -> bool:
    e = reg.entities[eid]
    return any(reg.entities[x].type == SourceType.outlet for x in e.affiliation_ids)


def _chain(
    text, span_of, i, found, stating, stated_by, relays_of, upstream_of, reg: Registry, entities, wire_id, wire
) -> list[ChainLink]:
    """The chain of attribution ``i``: origin first, then each relay out to the article;
    ``stated_by`` holds each attribution's source when it states something (speakers.states).
    What nobody stated reached the page through no relay either: "In an interview with CNBC,
    Pompeo praised China's support" gives CNBC no claim of Pompeo's."""
    links: list[ChainLink] = []

    def add(eid: int | None, cue: str | None, ev: tuple[int, int]) -> None:
        if eid is None:
            return
        e = entities[eid]
        if links and (links[-1].entity == eid or links[-1].name == e.name):
            return  # one source once: "The PA news agency understands" in a story PA credits
        links.append(
            build(
                ChainLink,
                {"entity": eid, "name": e.name, "type": e.type, "cue": cue, "evidence": span_of(*ev)},
            )
        )

    node: int | None = i
    seen = set()
    while node is not None and node not in seen:
        seen.add(node)
        f = found[node]
        if stating[node]:  # what nobody stated cited nobody either
            for uid, ev in upstream_of[node]:
                add(uid, "citing", ev)
        eid = stated_by[node]
        if eid is not None and links and _own_medium(reg.entities[eid]):
            eid = None  # "X said it would shut the unit, according to a regulatory filing": X's own filing
        if eid is not None:
            ev_f = f
            if f.source is None and f.speaker_of is not None:
                ev_f = found[f.speaker_of]
            parts = [p for p in (ev_f.source, ev_f.cue) if p]
            ev = (min(p[0] for p in parts), max(p[1] for p in parts)) if parts else f.content
            add(eid, text[f.cue[0] : f.cue[1]] if f.cue else None, ev)
            draft = reg.entities[eid]
            affiliations = [] if _former(draft.role) or draft.head in _SPEAKS_FOR_EMPLOYER else draft.affiliation_ids
            for x in draft.publisher_ids + affiliations:
                if reg.entities[x].type == SourceType.outlet:
                    add(x, "published in" if x in draft.publisher_ids else "writes for", draft.evidence or ev)
        if stating[node]:
            for rid, ev, cue in relays_of[node]:
                add(rid, cue, ev)
        node = f.parent
    if wire_id is not None and links:
        add(wire_id, "wire credit", wire[1])
    return links
