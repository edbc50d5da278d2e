"""Question-and-answer interviews: "Q: ... A: ..." and "Herald: ... Vale: ..." transcripts.

A question put to someone is not their claim, nor the interviewer's (issue 10, fragments and
questions); an answer is the interviewee's statement, every sentence of its paragraph, so a
report inside it ("The engineers tell me ...") is relayed by the one answering. The
interviewee of a "Q:"/"A:" transcript is the last person the text names before the first
label (news introduces who is interviewed, then prints the exchange).
"""

import re
from collections.abc import Callable

from provenance.extract import grammar as g
from provenance.extract.lexicon import lexicon
from provenance.extract.sentence import Found
from provenance.extract.speakers import FUNCTION_WORDS, first_names
from provenance.models import CueType

# "Q:", "Q.", "Question:" / "A:", "A.", "Answer:" opening a paragraph
_LABEL = re.compile(r"(?:(Q|Question)|(A|Answer))\s*[:.]\s+")
# A person named in the introduction: two or three capitalized words, or a title and a name.
_WORD = rf"[{g.UPPER}][{g.LOWER}]+(?:[-’'](?!s\b)[{g.UPPER}]?[{g.LOWER}]+)?"  # "O'Brien", not "Karnataka's"
_PERSON = re.compile(
    rf"(?<![\w.])(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov)\.?\s+)?{_WORD}(?:\s+(?:(?:Ó|Ní|Nic|Uí|Mac)\s+)?{_WORD}){{1,2}}\b"
)


# An introduction that announces an interview: "We spoke to her about ...", "in an interview".
_INTERVIEW_INTRO = re.compile(
    r"\b(?:interview(?:ed)?|(?:spoke|speaks|talked|talks) (?:to|with)|sat down with|conversation with|Q&A"
    r"|caught up with|reached (?:him|her|them)|we asked (?:him|her|them)\b(?! \w+'s)|answered (?:our|my) questions"
    r"|excerpts)\b",
    re.IGNORECASE,
)
_INNER_STOP = re.compile(r"[.!?][\"”’)]?\s+\S")
BARE_QUESTION_WORDS = 30  # a question paragraph of an unlabelled interview is short


def bare_questions(text: str, paras: list[tuple[int, int]]) -> frozenset[int]:
    """Starts of the question paragraphs of an unlabelled interview: paragraphs that are one
    short question without quotation marks (magazine style, the question set apart, no
    "Q:"), when there are two or more and the text before the first announces an interview
    ("We spoke to her about the outbreak"). Otherwise none: an opinion column's rhetorical
    questions ("What does this mean?") make no interview."""
    starts = [ps for ps, pe in paras[1:] if _bare_question(text, ps, pe)]
    if len(starts) < 2 or not _INTERVIEW_INTRO.search(text, paras[0][0], starts[0]):
        return frozenset()
    return frozenset(starts)


def closing_paragraphs(text: str, paras: list[tuple[int, int]], questions: frozenset[int]) -> frozenset[int]:
    """Starts of the paragraphs that close an unlabelled interview in the outlet's voice:
    after the answer to its last question, the trailing paragraphs with no first-person
    word and no quotation ("Ms Tregenza will speak at the festival in March.", "The
    Queensland Government says 120,000 cattle died."). An answer speaks as "I" or "we"."""
    if not questions:
        return frozenset()
    last = max(questions)
    after = [(ps, pe) for ps, pe in paras if ps > last]
    out = []
    for ps, pe in reversed(after[1:]):  # the first paragraph after the question is its answer
        if _FIRST_PERSON.search(text, ps, pe) or any(q in text[ps:pe] for q in "\"“”"):
            break
        out.append(ps)
    return frozenset(out)


_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|us|[Oo]urs?)\b")


def _bare_question(text: str, ps: int, pe: int) -> bool:
    para = text[ps:pe].rstrip()
    return (
        para.endswith("?")
        and len(para.split()) <= BARE_QUESTION_WORDS
        and not any(q in para for q in "\"“”")
        and len(_INNER_STOP.findall(para)) <= 1  # "The rate is the highest in the State. Why?": a lead-in, then the question
        and _TURN_LABEL.match(para) is None  # "Interviewer: Who takes over?": a labelled transcript
    )


# A speaker's label opening a paragraph: "Interviewer:", "Ingram:", "PRESENTER:".
_TURN_LABEL = re.compile(r"[A-Z][\w.’' -]{0,30}:\s|[QA]\.\s")  # and "Q. ...", "A. ..."


def bare_answer(text: str, sentences: list[tuple[int, int]], speaker: tuple[int, int]) -> list[Found]:
    """Each sentence of an answer paragraph of an unlabelled interview as the interviewee's
    direct speech (as ``answer`` for an "A:" paragraph)."""
    return [_said(speaker, span, text) for span in sentences if span[0] < span[1]]


def question_or_answer(text: str, ps: int, pe: int) -> str | None:
    """'q' or 'a' when the paragraph ``text[ps:pe]`` opens with a transcript label."""
    m = _LABEL.match(text, ps, pe)
    if m is None:
        return None
    return "q" if m.group(1) else "a"


def interviewee(
    text: str, before: int, rank: Callable[[str, tuple[int, int]], int] = lambda text, span: 0
) -> tuple[int, int] | None:
    """The span of the last person's name before offset ``before`` (the first label): the
    last of the names ``rank`` ranks highest ("Maren Tallis ... Tallis spoke to the Chehalem
    Register": the newspaper that asks is no interviewee, nor is "North Hobart")."""
    names = [_named_tail(text, m.span()) for m in _PERSON_RUN.finditer(text, 0, before)]
    if not names:
        return None
    ranks = [rank(text, sp) for sp in names]
    best = max(ranks)
    return next(sp for sp, r in zip(reversed(names), reversed(ranks), strict=True) if r == best)


# A run of capitalized words, which may hold a body and a title before a name:
# "Millbrook Volunteer Fire Department Chief Ramona Vasquez".
_PERSON_RUN = re.compile(
    rf"(?<![\w.])(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov)\.?\s+)?{_WORD}(?:\s+(?:(?:Ó|Ní|Nic|Uí|Mac)\s+)?{_WORD}){{1,7}}\b"
)


def _named_tail(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The name at the end of a long capitalized run: from its last given name when one of
    the run's last three words is one ("... Department Chief Ramona Vasquez" -> "Ramona
    Vasquez"), else after its last office ("Water Resources Minister Rekha Venkataraman");
    the first three words otherwise, as a run of names is read elsewhere."""
    words = list(re.finditer(r"\S+", text[span[0] : span[1]]))
    if len(words) > 2 and words[0].group().lower() in FUNCTION_WORDS:
        # "When Rachel Dunmore-Hay banned ...": the sentence's opening word is no part of the name
        return _named_tail(text, (span[0] + words[1].start(), span[1]))
    if len(words) <= 3:
        return span
    for w in words[-3:-1]:
        if w.group().lower() in first_names():
            return span[0] + w.start(), span[1]
    roles = lexicon().roles
    for i in range(len(words) - 2, 0, -1):
        if words[i].group().lower() in roles:
            # "Water Resources Minister Rekha Venkataraman": the name after the office
            return span[0] + words[i + 1].start(), span[1]
    return span[0], span[0] + words[2].end()


def answer(text: str, sentences: list[tuple[int, int]], speaker: tuple[int, int]) -> list[Found]:
    """Each sentence of an "A:" paragraph as the interviewee's direct speech."""
    ps = sentences[0][0]
    m = _LABEL.match(text, ps)
    assert m is not None  # only called on an answer paragraph
    return [_said(speaker, span, text) for span in [(m.end(), sentences[0][1]), *sentences[1:]] if span[0] < span[1]]


def whole_turn(text: str, label: Found, sentences: list[tuple[int, int]]) -> list[Found]:
    """A speaker's label opening the paragraph ("Vale: Yes. The engineers ...") speaks every
    sentence of it, not only the first: the later sentences as the label's speaker's words."""
    assert label.source is not None  # a label names its speaker
    more = [_said(label.source, span, text) for span in sentences[1:]]
    return [g for g in more if g.content[0] < g.content[1]]


def _said(speaker: tuple[int, int], span: tuple[int, int], text: str) -> Found:
    """Words of a transcript turn as the speaker's direct speech. Like a quoted paragraph that
    continues a speaker, it has no cue word of its own (the label is typography), so PARC-style
    gold such as PolNeAR, which marks attributions by their cues, does not count it."""
    s, e = span
    while e > s and text[e - 1] in " \t\r\n.":
        e -= 1  # a statement without its full stop, as the other rules cut contents
    return Found(cue=None, cue_type=CueType.quote, source=speaker, content=(s, e), direction="forward",
                 lemma=None, cls="speech", name=speaker)


def is_question(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` end as a question ("Herald: Will it reopen?")?"""
    return text[start:end].rstrip(" \t\r\n\"”'’").endswith("?")
