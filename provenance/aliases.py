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
4. a past form in "-ed" right after a capitalized word ("Joe Biden joined"),
5. "to" before a lowercase word that is no determiner or number (an infinitive: "an attempt
   to run the army"),

and no boundary punctuation (" - ", "—", ";", ":", "(") splits it; and when it has at
most ``MAX_LOWER_WORDS`` lowercase words that are not function words (descriptions such
as "a senior official familiar with the talks" are roles, not names).

A text that is not a name is cut before its first clause word, and the words before it
are kept when they are a name that shares a word with the source's own name; otherwise
the alias is dropped.
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
    """A token without the punctuation around it."""
    return token.strip(_EDGE)


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
        if w.endswith("ed") and "-" not in w and i and prev[:1].isupper() and w not in _not_verbs():
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


@lru_cache(maxsize=1 << 15)
def name_part(text: str) -> str:
    """The words of ``text`` before its first clause word or boundary punctuation, trimmed
    ("The coast guard had rescued 1,240 people" -> "The coast guard"); "" when none."""
    text = _BOUNDARY.split(f" {text} ")[0].strip()
    tokens = text.split()
    cut = clause_word_at(tokens)
    if cut is not None:
        tokens = tokens[:cut]
    while tokens and (_word(tokens[-1]).lower() in FUNCTION_WORDS | {"and", "or", "but"} or not _word(tokens[-1])):
        tokens = tokens[:-1]
    return " ".join(tokens).strip(" ,;:") if tokens else ""


def clean_name(name: str) -> str:
    """A source's own name without the clause the extractor let into it; the name as given when
    no name is left before the clause (better a long name than none)."""
    if is_name(name):
        return name.strip()
    part = name_part(name)
    return part if part and is_name(part) else name.strip()


def clean_alias(alias: str, name: str) -> str | None:
    """``alias`` as a name of the source called ``name``: itself when it is one; else the
    words before its clause when they are a name sharing a word with ``name``; else None."""
    alias = alias.strip()
    if is_name(alias):
        return alias
    part = name_part(alias)
    if not part or not is_name(part):
        return None
    own = set(name_words(name)) - FUNCTION_WORDS
    return part if own & set(name_words(part)) else None


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
