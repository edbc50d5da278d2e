"""What a reported clause leaves at the end of its sentence.

An attribution's content stops before a trailing clause (PolNeAR's convention: "X said
A, but B" reports A). The claim a reader sees must not lose B: when B goes on about the
report's own subject with the tense shift of reported speech ("said the firm had cut costs,
but it would not close plants": Quirk et al. 1985, 14.31, backshift) it is still the
speaker's; otherwise ("said the plan was ready, but critics disagree", "..., but the auditor
had found otherwise") it is the article's own statement, a claim that rests on nobody.
"""

import re

from provenance.extract import grammar as g

# A comma or semicolon and a conjunction that opens a clause of its own.
_JOINED_CLAUSE = re.compile(r"\s*(?:[,;]\s*(?:but|yet|while|whereas|although|though)|;)\s+", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Verbs of reported speech that shift its tense back: "had deferred", "would", "could".
_BACKSHIFT_HEADS = frozenset("had would could might".split())
_QUOTES = frozenset("\"“”")
# Words that open no subject: "only in a lighthearted manner", "rather because".
_NO_SUBJECT = frozenset("only rather and or nor not".split())


def joined_tail(text: str, end: int, sentence_end: int) -> tuple[int, int] | None:
    """The clause after ``end`` to the sentence's end, when a conjunction after a comma
    (or a semicolon) opens it and it has four words or more: the span of its words after
    the conjunction."""
    m = _JOINED_CLAUSE.match(text, end, sentence_end)
    if m is None:
        return None
    e = sentence_end
    while e > m.end() and text[e - 1] in " \t\n.!?":
        e -= 1
    words = _WORD.findall(text, m.end(), e)
    if len(words) < 4 or any(c in _QUOTES for c in text[m.end() : e]) or not _clause(words):
        return None
    return m.end(), e


def _clause(words: list[str]) -> bool:
    """Do ``words`` open a clause of their own, a subject and then a finite verb ("council
    had deferred", "the firm sold"), not a phrase ("but also on defending", "often
    cheering", "not for cases of")?"""
    first = words[0].lower()
    if first in g.ADVERBS or first in g.PREPOSITIONS or first in g.CLAUSE_WORDS or first in _NO_SUBJECT \
            or first.endswith("ing"):
        return False
    return any(w.lower() in g.AUXILIARIES or w.lower() in g.IRREGULAR_PAST or w.lower().endswith("ed")
               for w in words[1:7])


def backshifted(text: str, tail: tuple[int, int], cue: str) -> bool:
    """Does the clause ``tail`` keep the backshift of a past-tense report (a pronoun subject,
    then "had" + participle or a past modal in its first six words) after the past-tense cue
    ``cue``? Then it continues what the speaker said."""
    if not any(w.endswith("ed") or w in g.IRREGULAR_PAST or w == "said" for w in cue.lower().split()):
        return False
    words = [w.lower() for w in _WORD.findall(text, tail[0], tail[1])][:6]
    conjunction = _WORD.findall(text, max(0, tail[0] - 12), tail[0])[-1:]
    concessive = bool(conjunction) and conjunction[0].lower() in ("although", "though", "while", "whereas")
    if not words or words[0] not in _SPEAKERS_PRONOUNS and not concessive:
        return False  # "..., but the auditor had found otherwise": someone else, the narrator's clause
    # ("said the findings were robust, although counts had been irregular": a concession inside the report)
    for k, w in enumerate(words):
        if w in ("would", "could", "might"):
            return True
        if w == "had" and k + 1 < len(words) and words[k + 1] != "to":
            return True
    return False


# Subjects that carry a report on: "said it had ..., but it would ..." (a pronoun for someone
# already in the report); a new noun phrase after "but" is the narrator's more often than not.
_SPEAKERS_PRONOUNS = frozenset("he she it they we i".split())
