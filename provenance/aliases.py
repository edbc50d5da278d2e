"""What may be stored as a source's name or alias: a name, never a clause (issue 15).

The extractor sometimes hands resolution a whole clause as a name ("The coast guard had
rescued 1,240 people at sea", "Presumptive Democratic White House nominee Joe Biden joined
growing"). Resolution keeps only the words that name the source; the mention table keeps
the span as written, so no evidence is lost.

The rule. A text is a *name* when none of its lowercase words is

1. a finite auxiliary or modal ("had", "was", "would", ...; ``AUXILIARIES``),
2. a clause opener ("who", "which", "because", ...; ``CLAUSE_OPENERS``),
3. an inflected form of a cue verb of the lexicon ("said", "warned", "told"; not the base
   form, "-ing" forms or third-person "-s" forms, which are mostly nouns and adjectives:
   "report", "the governing alliance", "member states"; a few unambiguous "-s" forms are
   listed in ``S_VERBS``), unless it is a known noun or adjective of names ("leaked",
   "published") or stands right after a determiner ("a detailed report"),
4. a past form in "-ed" right after a capitalized word ("Joe Biden joined") or right before
   "by" ("records compiled by the Center"; "a study by" stays),
5. "to" before a lowercase word that is no determiner or number (an infinitive: "an attempt
   to run the army"),

and no boundary punctuation (" - ", "—", ";", ":", "(") splits it; and when it has at
most ``MAX_LOWER_WORDS`` lowercase words that are not function words (descriptions such
as "a senior official familiar with the talks" are roles, not names).

A text that is not a name is split at its clause words and boundary punctuation: an
alias keeps the first stretch that is a name and shares a word with the source's own
name, or is dropped; a source's own name keeps the stretch before the clause, else the
last stretch that is a name (``clean_name``).
"""

import re
from functools import lru_cache

from provenance.extract.lexicon import lexicon
from provenance.names import (
    AUTHOR_NOUNS,
    DESCRIPTORS,
    DOC_FILLER,
    FUNCTION_WORDS,
    GENERIC,
    HONORIFICS,
    PARTICLES,
    _document_nouns,
    name_words,
    parse_person,
    person_display,
)

AUXILIARIES = frozenset("""is are am was were be been being has have had will would could should shall
    may might must can did does do won't wouldn't can't couldn't didn't doesn't don't isn't wasn't""".split())
CLAUSE_OPENERS = frozenset("""who whom whose which where when while because although though whether
    unless if whereas""".split())
S_VERBS = frozenset("""says tells argues insists believes thinks explains suggests adds warns seems appears
    contends maintains acknowledges admits""".split())
DETERMINERS = frozenset("a an the this that these those its his her their our my your".split())
# words a name can start with after the extractor's span ran too far left ("a poll", "two officials")
_NP_START = DETERMINERS | frozenset("some many several few both all most two three four five six seven eight nine "
                                    "ten dozens hundreds thousands".split())
# words before a name that belong to the sentence, not the name ("But Trump", "that Trump")
_LEADING = frozenset("but and or so yet that whatever whoever also even then".split())
MAX_LOWER_WORDS = 3
_BOUNDARY = re.compile(r"\s[-–—]+\s|[—–;:()\[\]]|\s--\s")
_EDGE = ",.;:'\"“”‘’!?"
# lowercase words allowed inside a name beyond the function words
_NAME_LOWER = frozenset({"and", "&", "y", "e", "und", "der", "die", "das", "le", "les"}) | PARTICLES


@lru_cache(maxsize=1)
def _not_verbs() -> frozenset[str]:
    """Words of names that look like verb forms but are nouns or adjectives there."""
    lex = lexicon()
    roles = set(lex.roles) | {r + "s" for r in lex.roles}
    return frozenset(set(lex.nouns) | _document_nouns() | roles | set(lex.org_words) | GENERIC | DOC_FILLER
                     | DESCRIPTORS | AUTHOR_NOUNS | HONORIFICS)


@lru_cache(maxsize=1)
def verb_forms() -> frozenset[str]:
    """Inflected cue-verb forms that are verbs wherever they stand in a name (rule 3)."""
    out = set(S_VERBS)
    for form, cue in lexicon().verbs.items():
        if form != cue.lemma.lower() and not form.endswith(("ing", "s")):
            out.add(form)
    return frozenset(out - _not_verbs())


def _word(token: str) -> str:
    """A token without the punctuation around it, apostrophes straight ("won’t" -> "won't")."""
    return token.strip(_EDGE).replace("\u2019", "'")


def _is_lower(word: str) -> bool:
    """Whether a word starts with a lowercase letter (names are written capitalized)."""
    return bool(word) and word[0].isalpha() and word[0].islower()


def clause_word_at(tokens: list[str]) -> int | None:
    """The index of the first token that makes ``tokens`` a clause (rules 1-4), else None."""
    verbs = verb_forms()
    for i, token in enumerate(tokens):
        w = _word(token)
        if not _is_lower(w):
            continue
        if w in AUXILIARIES or w in CLAUSE_OPENERS:
            return i
        prev = _word(tokens[i - 1]) if i else ""
        if w in verbs and prev.lower() not in DETERMINERS:
            return i
        after_name = i and prev[:1].isupper() and prev.lower() not in DETERMINERS
        if w.endswith("ed") and "-" not in w and (after_name or (
                w not in _not_verbs() and i + 1 < len(tokens) and _word(tokens[i + 1]) == "by")):
            return i
        if w == "to" and i + 1 < len(tokens) and _is_lower(nxt := _word(tokens[i + 1])) and nxt not in DETERMINERS:
            return i
    return None


def lower_words(text: str) -> int:
    """How many lowercase words of ``text`` are not function words (descriptions, not names)."""
    return sum(1 for t in text.split() if _is_lower(w := _word(t)) and w not in FUNCTION_WORDS
               and w not in _NAME_LOWER)


@lru_cache(maxsize=1 << 15)
def is_name(text: str) -> bool:
    """Whether ``text`` may be stored as a name or alias: no clause word, no boundary
    punctuation, at most MAX_LOWER_WORDS descriptive lowercase words, and some letter."""
    text = text.strip()
    return (any(c.isalpha() for c in text) and not _BOUNDARY.search(f" {text} ")
            and clause_word_at(text.split()) is None and lower_words(text) <= MAX_LOWER_WORDS)


_TRAILING = FUNCTION_WORDS | {"and", "or", "but"}


def _trim(tokens: list[str]) -> str:
    """Tokens joined, without function words or bare punctuation at either end."""
    while tokens and (_word(tokens[-1]).lower() in _TRAILING or not _word(tokens[-1])):
        tokens = tokens[:-1]
    while tokens and not _word(tokens[0]):
        tokens = tokens[1:]
    return " ".join(tokens).strip(" ,;:")


@lru_cache(maxsize=1 << 15)
def name_parts(text: str) -> tuple[str, ...]:
    """The stretches of ``text`` between its clause words and boundary punctuation, trimmed, in
    order ("The coast guard had rescued 1,240 people" -> ("The coast guard", "rescued 1,240 people"))."""
    parts = []
    for piece in _BOUNDARY.split(f" {text} "):
        tokens = piece.split()
        while tokens:
            cut = clause_word_at(tokens)
            head, tokens = (tokens, []) if cut is None else (tokens[:cut], tokens[cut + 1:])
            if part := _trim(head):
                parts.append(part)
    return tuple(parts)


def _capitalized(text: str) -> bool:
    """Whether some word of ``text`` is capitalized (a proper name in it)."""
    return any(_word(t)[:1].isupper() for t in text.split())


def _without_leading(text: str) -> str:
    """``text`` without the conjunctions and complementizers the span took from the sentence."""
    tokens = text.split()
    while len(tokens) > 1 and _word(tokens[0]).lower() in _LEADING:
        tokens = tokens[1:]
    return " ".join(tokens)


@lru_cache(maxsize=1 << 15)  # names recur across articles; planning runs per entity
def clean_name(name: str) -> str:
    """A source's own name without the clause the extractor let into it: the stretch before the
    clause when it is a name, else the last stretch that is a name, one with a capitalized word
    first (spans run long to the left: "said the inquiry", "... seems improbable ... Georgia
    businessman Bruce LeVell"); the name as given when no stretch is a name."""
    name = _without_leading(name.strip())
    if is_name(name):
        return name
    parts = [p for p in name_parts(name) if is_name(p)]
    named = [p for p in parts if _capitalized(p)]
    first = parts[0] if parts and name.startswith(parts[0]) else ""
    if first and (_capitalized(first) or not named or _word(first.split()[0]).lower() in _NP_START):
        return first
    return (named or parts or [name])[-1]


@lru_cache(maxsize=1 << 15)
def clean_alias(alias: str, name: str) -> str | None:
    """``alias`` as a name of the source called ``name``: itself when it is one; else the first
    stretch of it that is a name sharing a word with ``name``; else None (dropped)."""
    alias = _without_leading(alias.strip())
    if is_name(alias):
        return alias
    own = set(name_words(name)) - FUNCTION_WORDS
    for part in name_parts(alias):
        if is_name(part) and own & set(name_words(part)):
            return part
    return None


@lru_cache(maxsize=1 << 15)
def split_description(text: str) -> tuple[str, str | None]:
    """A person's name and the lowercase description written before it ("Georgia businessman
    Bruce LeVell" -> ("Bruce LeVell", "Georgia businessman")); (text, None) when there is none."""
    tokens = text.split()
    if not any(_is_lower(_word(t)) and _word(t).lower() not in HONORIFICS for t in tokens[:-1]):
        return text, None
    for k in range(min(len(tokens), 5), 1, -1):
        tail = " ".join(tokens[-k:])
        p = parse_person(tail)
        if p is not None and p.full and not any(_is_lower(_word(t)) for t in tokens[-k:]
                                                if _word(t).lower() not in PARTICLES):
            shown = person_display(tail)
            head = " ".join(tokens[:-k]).strip(" ,")
            return shown, head or None
    return text, None
