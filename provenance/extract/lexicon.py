"""Word lists the extractor reads: cue verbs and nouns, outlets, organizations, roles.

The lists are plain files in ``provenance/data`` so that they ship inside the package,
load with no download, and can be read and extended without touching code. They are
loaded once per process on first use.
"""

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from provenance.extract.grammar import BE_FORMS


def _lines(name: str) -> list[list[str]]:
    """Rows of a data file, split on tabs, without comments and blank lines."""
    raw = resources.files("provenance").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def fold(s: str) -> str:
    """Lowercase, without diacritics, curly apostrophes made straight."""
    s = s.replace("’", "'").replace("‘", "'")
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.lower()


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue word form: its lemma and its class (speech, belief, stance, finding, ...)."""

    lemma: str
    cls: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All lists, indexed for lookup by lowercased token."""

    verbs: dict[str, Cue]  # single-word verb form -> cue
    phrasal: dict[str, list[tuple[tuple[str, ...], Cue]]]  # first word -> (words, cue)
    nouns: dict[str, str]  # noun cue form -> lemma
    hedges: tuple[tuple[str, ...], ...]  # token sequences
    hedges_by_first: dict[str, tuple[tuple[str, ...], ...]]  # first word -> longest first
    outlets: dict[str, tuple[str, str]]  # folded name or alias -> (canonical, kind)
    organizations: dict[str, tuple[str, str]]  # folded name or alias -> (canonical, kind)
    places: dict[str, tuple[str, str]]  # countries and states: a government speaking
    vague: frozenset[str]  # head nouns of unnamed sources
    vague_phrases: tuple[tuple[str, ...], ...]
    honorifics: frozenset[str]  # folded, without trailing dot
    offices: frozenset[str]  # honorifics that name an office (president, senator)
    roles: frozenset[str]  # person role nouns (spokesman, analyst)
    documents: frozenset[str]  # document nouns (report, study, letter)
    org_words: frozenset[str]  # words that end organization names (Institute, Party)
    max_outlet_words: int
    cue_starts: frozenset[str]  # first words of cue verbs, single or phrasal
    hedge_starts: frozenset[str]  # first words of listed hedges, and forms of "be"
    # (cue word form, particle) -> does the cue keep the particle ("called for": True,
    # "said of", "expected to": False); mined by scripts/mine_particles.py
    particles: dict[tuple[str, str], bool]


def _names(rows: list[list[str]], kind_col: int) -> dict[str, tuple[str, str]]:
    """Folded name or alias -> (canonical name, kind).

    "The X" titles of several words also match without "the" ("Sunday Times"); one-word
    titles keep it ("the Hill", "the Economist"), so a surname or a role noun does not
    match them. Names written with a parenthesis are keys only through their aliases.
    """
    out: dict[str, tuple[str, str]] = {}
    for row in rows:
        name = row[0]
        kind = row[kind_col] if len(row) > kind_col else ""
        aliases = [a for a in (row[1].split("|") if len(row) > 1 else []) if a.strip()]
        for n in [name, *aliases]:
            if "(" in n and n == name:
                continue
            key = fold(n).strip()
            out.setdefault(key, (name, kind))
            if key.startswith("the ") and len(key.split()) > 2:
                out.setdefault(key[4:], (name, kind))
    return out


def lookup(names: dict[str, tuple[str, str]], words: list[str], the: bool = False) -> tuple[str, str] | None:
    """Find a name written as ``words`` (``the`` when the text put "the" before it)."""
    key = fold(" ".join(words)).strip()
    if the:
        hit = names.get("the " + key)
        if hit:
            return hit
    return names.get(key)


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded once."""
    verbs: dict[str, Cue] = {}
    phrasal: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    for row in _lines("cue_verbs.tsv"):
        lemma, forms, cls = row[0], row[1], row[2] if len(row) > 2 else "other"
        cue = Cue(lemma, cls)
        for form in {f.strip().lower() for f in forms.split(",") if f.strip()} | {lemma.lower()}:
            words = tuple(form.split())
            if len(words) == 1:
                verbs.setdefault(form, cue)
            else:
                phrasal.setdefault(words[0], []).append((words, cue))
    for lst in phrasal.values():
        lst.sort(key=lambda p: -len(p[0]))
    nouns: dict[str, str] = {}
    for row in _lines("cue_nouns.tsv"):
        for form in [row[0], *(row[1].split(",") if len(row) > 1 else [])]:
            if form.strip():
                nouns.setdefault(form.strip().lower(), row[0])
    hedges = tuple(sorted({tuple(r[0].lower().split()) for r in _lines("hedges.txt")}, key=lambda h: -len(h)))
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for h in hedges:
        by_first.setdefault(h[0], []).append(h)
    outlets = _names(_lines("outlets.tsv"), 2)
    organizations = _names(_lines("organizations.tsv"), 2)
    places = _names(_lines("places.txt"), 2)
    vague_rows = _lines("vague_sources.txt")
    vague = frozenset(r[0].lower() for r in vague_rows if len(r[0].split()) == 1)
    vague_phrases = tuple(tuple(r[0].lower().split()) for r in vague_rows if len(r[0].split()) > 1)
    hon_rows = _lines("honorifics.txt")
    honorifics = frozenset(fold(r[0]).rstrip(".") for r in hon_rows)
    offices = frozenset(fold(r[0]).rstrip(".") for r in hon_rows if len(r) > 1 and r[1] == "office")
    return Lexicon(
        verbs=verbs,
        phrasal=phrasal,
        nouns=nouns,
        hedges=hedges,
        hedges_by_first={k: tuple(v) for k, v in by_first.items()},
        outlets=outlets,
        organizations=organizations,
        places=places,
        vague=vague,
        vague_phrases=vague_phrases,
        honorifics=honorifics,
        offices=offices,
        roles=frozenset(r[0].lower() for r in _lines("person_roles.txt")),
        documents=frozenset(r[0].lower() for r in _lines("document_nouns.txt")),
        org_words=frozenset(r[0].lower() for r in _lines("org_words.txt")),
        max_outlet_words=max((len(k.split()) for k in outlets), default=1),
        cue_starts=frozenset(verbs) | frozenset(phrasal),
        hedge_starts=frozenset(by_first) | BE_FORMS,
        particles=_particles(verbs, nouns),
    )


def _particles(verbs: dict[str, Cue], nouns: dict[str, str]) -> dict[tuple[str, str], bool]:
    """cue_particles.tsv (per lemma) spread over every word form of the lemma."""
    by_lemma: dict[str, list[str]] = {}
    for form, cue in verbs.items():
        by_lemma.setdefault(cue.lemma.split()[0], []).append(form)
    for form, lemma in nouns.items():
        by_lemma.setdefault(lemma, []).append(form)
    out: dict[tuple[str, str], bool] = {}
    for row in _lines("cue_particles.tsv"):
        lemma, particle, keep = row[0], row[1], row[2] == "keep"
        for form in [lemma, *by_lemma.get(lemma, ())]:
            out.setdefault((form, particle), keep)
    return out
