"""Format and content checks for the shipped lexicon data files (provenance/data/).

These files are loaded at run time, so a stray tab, an unknown kind or an alias shared
by two outlets would silently change what the extractor does. The checks here keep
them well-formed and keep a few entries the extractor relies on.
"""

import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "provenance" / "data"

OUTLET_KINDS = {"wire", "newspaper", "broadcaster", "magazine", "online", "agency"}
ORG_KINDS = {
    "intergovernmental", "government", "military", "intelligence", "party", "ngo",
    "thinktank", "company", "court", "university", "other",
}
VAGUE_KINDS = {"noun", "phrase"}
HONORIFIC_KINDS = {"honorific", "office"}

# Ordinary English words that must never be a surface form on their own (an alias or
# an unqualified name): "Times", "Post", "Mail" and the like would match ordinary
# text or several outlets at once. All-caps acronyms (SPA, MAP) are allowed, since
# loaders match those case-sensitively.
STOPLIST = {
    "the", "a", "an", "times", "time", "post", "mail", "sun", "star", "mirror",
    "express", "journal", "guardian", "independent", "observer", "nation", "globe",
    "herald", "tribune", "standard", "telegraph", "today", "world", "news", "daily",
    "weekly", "focus", "stern", "mint", "stuff", "index", "punch", "vanguard", "metro",
    "leadership", "outlook", "tempo", "record", "people", "fortune", "wired", "vice",
    "insider", "scroll", "reason", "science", "nature", "variety", "prospect", "critic",
    "dispatch", "economist", "spectator", "scotsman", "intercept", "forward", "total",
    "chronicle", "gazette", "bulletin", "courier", "examiner", "inquirer", "enquirer",
    "register", "republic", "review", "monitor", "press", "agency", "band", "valor",
    "reliance", "target", "orange", "visa", "commons", "lords", "junta", "reveal",
    "the post", "the journal", "the globe",
    "the tribune", "the news", "the press", "the paper",
}

QUALIFIER = re.compile(r"\s\([^()]+\)$")


def _rows(name: str, ncols: int) -> list[tuple[int, list[str]]]:
    """Parse a data file into ``(line_number, columns)``, checking the basics."""
    path = DATA / name
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # strict: must be valid UTF-8
    assert not text.startswith("\ufeff"), f"{name}: no byte-order mark"
    assert "\r" not in text, f"{name}: Unix line endings only"
    lines = text.split("\n")
    assert lines[0].startswith(f"# {name}"), f"{name}: must open with a '# {name}' comment"
    rows = []
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        assert line == line.strip(), f"{name}:{i}: stray whitespace at an end: {line!r}"
        cols = line.split("\t")
        assert len(cols) == ncols, f"{name}:{i}: expected {ncols} columns, got {len(cols)}: {line!r}"
        for c in cols:
            assert c == c.strip(), f"{name}:{i}: padded column {c!r}"
        rows.append((i, cols))
    return rows


def _aliases(field: str, where: str) -> list[str]:
    if not field:
        return []
    parts = field.split("|")
    for a in parts:
        assert a and a == a.strip(), f"{where}: empty or padded alias in {field!r}"
    return parts


def _surfaces(name: str, aliases: list[str]) -> list[str]:
    """Written forms of an entry: its name unless qualified, plus its aliases."""
    return ([] if QUALIFIER.search(name) else [name]) + aliases


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _table(name: str, ncols: int, kinds: set[str]) -> dict[str, tuple[list[str], str]]:
    """``{canonical name: (aliases, kind)}`` with per-entry checks applied."""
    table: dict[str, tuple[list[str], str]] = {}
    folded: dict[str, str] = {}
    for i, cols in _rows(name, ncols):
        where = f"{name}:{i}"
        canon, kind = cols[0], cols[2]
        assert canon, f"{where}: empty name"
        assert kind in kinds, f"{where}: unknown kind {kind!r}"
        key = canon.casefold()
        assert key not in folded, f"{where}: duplicate name {canon!r} (also {folded[key]!r})"
        folded[key] = canon
        aliases = _aliases(cols[1], where)
        forms = _surfaces(canon, aliases)
        # Forms may differ only in case when one is an all-caps acronym and the other
        # its British title-case spelling ("NATO"/"Nato"); otherwise no repeats.
        seen = [f if _is_acronym(f) else f.casefold() for f in forms]
        assert len(seen) == len(set(seen)), f"{where}: repeated form in {forms}"
        for form in forms:
            if form.casefold() in STOPLIST and not _is_acronym(form):
                pytest.fail(f"{where}: {form!r} is a bare common word, not a usable form")
        table[canon] = (aliases, kind)
    return table


def _owners(table: dict[str, tuple[list[str], str]]) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for canon, (aliases, _) in table.items():
        for form in _surfaces(canon, aliases):
            owners[form.casefold()].add(canon)
    return owners


@pytest.fixture(scope="module")
def outlets():
    return _table("outlets.tsv", 4, OUTLET_KINDS)


@pytest.fixture(scope="module")
def organizations():
    return _table("organizations.tsv", 3, ORG_KINDS)


def _lookup(table, form: str) -> str | None:
    hits = _owners(table).get(form.casefold(), set())
    assert len(hits) <= 1
    return next(iter(hits), None)


# --- outlets.tsv ---------------------------------------------------------------


def test_outlets_format_and_size(outlets):
    assert len(outlets) >= 400
    kinds = {kind for _, kind in outlets.values()}
    assert kinds == OUTLET_KINDS
    for i, cols in _rows("outlets.tsv", 4):
        assert re.fullmatch(r"[A-Z]{2}", cols[3]), f"outlets.tsv:{i}: country {cols[3]!r} is not ISO alpha-2"


def test_outlet_forms_belong_to_one_outlet(outlets):
    shared = {f: names for f, names in _owners(outlets).items() if len(names) > 1}
    assert not shared, f"forms shared by several outlets: {shared}"


def test_qualified_names_are_reachable_or_deliberate(outlets):
    for canon in outlets:
        m = QUALIFIER.search(canon)
        if m:
            assert canon[: m.start()].strip(), f"qualifier without a name: {canon!r}"


@pytest.mark.parametrize(
    "form, canon",
    [
        ("Associated Press", "Associated Press"),
        ("AP", "Associated Press"),
        ("Reuters", "Reuters"),
        ("Agence France-Presse", "Agence France-Presse"),
        ("AFP", "Agence France-Presse"),
        ("The Sunday Times", "The Sunday Times"),
        ("Sunday Times", "The Sunday Times"),
        ("The Daily Telegraph", "The Daily Telegraph"),
        ("The Telegraph", "The Daily Telegraph"),
        ("Financial Times", "Financial Times"),
        ("FT", "Financial Times"),
        ("Al Arabiya", "Al Arabiya"),
        ("alarabiya", "Al Arabiya"),
        ("NYT", "The New York Times"),
        ("New York Times", "The New York Times"),
        ("Xinhua", "Xinhua News Agency"),
        ("TASS", "TASS"),
        ("dpa", "Deutsche Presse-Agentur"),
        ("PTI", "Press Trust of India"),
        ("Yonhap", "Yonhap News Agency"),
        ("WAM", "Emirates News Agency"),
        ("KUNA", "Kuwait News Agency"),
        ("Asharq Al-Awsat", "Asharq Al-Awsat"),
        ("Al Jazeera", "Al Jazeera"),
        ("Süddeutsche Zeitung", "Süddeutsche Zeitung"),
        ("Sueddeutsche Zeitung", "Süddeutsche Zeitung"),
        ("ABC News", "ABC News"),
        ("ABC (Australia)", "Australian Broadcasting Corporation"),
        ("Huffington Post", "HuffPost"),
        ("The Times", "The Times"),
    ],
)
def test_outlet_must_haves(outlets, form, canon):
    assert _lookup(outlets, form) == canon


@pytest.mark.parametrize("form", ["Times", "Post", "the Post", "Globe", "Journal", "Mail", "Sun", "Star", "Time"])
def test_ambiguous_short_forms_are_not_outlets(outlets, form):
    assert _lookup(outlets, form) is None


def test_wire_kinds(outlets):
    assert outlets["Associated Press"][1] == "wire"
    assert outlets["Reuters"][1] == "wire"
    assert outlets["Xinhua News Agency"][1] == "agency"


# --- organizations.tsv ---------------------------------------------------------


def test_organizations_format_and_size(organizations):
    assert len(organizations) >= 300
    assert {kind for _, kind in organizations.values()} == ORG_KINDS


def test_organization_forms_belong_to_one_entry(organizations):
    shared = {f: names for f, names in _owners(organizations).items() if len(names) > 1}
    assert not shared, f"forms shared by several organizations: {shared}"


def test_no_form_is_both_outlet_and_organization(outlets, organizations):
    a, b = _owners(outlets), _owners(organizations)
    both = {f: (a[f], b[f]) for f in set(a) & set(b)}
    assert not both, f"forms that are both an outlet and an organization: {both}"


@pytest.mark.parametrize(
    "form, canon",
    [
        ("United Nations", "United Nations"),
        ("UN", "United Nations"),
        ("U.N.", "United Nations"),
        ("Foundation for Defense of Democracies", "Foundation for Defense of Democracies"),
        ("FDD", "Foundation for Defense of Democracies"),
        ("IMF", "International Monetary Fund"),
        ("WHO", "World Health Organization"),
        ("Pentagon", "Department of Defense"),
        ("the Fed", "Federal Reserve"),
        ("ISIS", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("HRW", "Human Rights Watch"),
        ("Doctors Without Borders", "Médecins Sans Frontières"),
        ("Quinnipiac", "Quinnipiac University"),
        ("Brookings", "Brookings Institution"),
        ("CSIS", "Center for Strategic and International Studies"),
    ],
)
def test_organization_must_haves(organizations, form, canon):
    assert _lookup(organizations, form) == canon


# --- single- and two-column word lists ------------------------------------------


def _words(name: str, ncols: int) -> list[list[str]]:
    rows = [cols for _, cols in _rows(name, ncols)]
    keys = [cols[0].casefold() for cols in rows]
    dups = {k for k in keys if keys.count(k) > 1}
    assert not dups, f"{name}: duplicate entries {sorted(dups)}"
    for cols in rows:
        assert cols[0], f"{name}: empty entry"
    return rows


def test_vague_sources():
    rows = _words("vague_sources.txt", 2)
    assert len(rows) >= 120
    for entry, kind in rows:
        assert kind in VAGUE_KINDS, f"vague_sources.txt: unknown kind {kind!r} for {entry!r}"
        if kind == "noun":
            assert " " not in entry, f"vague_sources.txt: noun {entry!r} has a space (make it a phrase)"
        else:
            assert " " in entry, f"vague_sources.txt: phrase {entry!r} is one word (make it a noun)"
    entries = {e for e, _ in rows}
    for must in ["officials", "sources", "experts", "analysts", "witnesses", "diplomats",
                 "people familiar with the matter", "a source close to", "a senior official"]:
        assert must in entries, must


def test_honorifics():
    rows = _words("honorifics.txt", 2)
    assert len(rows) >= 100
    for title, kind in rows:
        assert kind in HONORIFIC_KINDS, f"honorifics.txt: unknown kind {kind!r} for {title!r}"
        assert title[0].isupper(), f"honorifics.txt: {title!r} should be capitalized"
    kinds = dict(rows)
    for must in ["Mr", "Mr.", "Mrs", "Ms", "Dr", "Sir", "Dame", "Sen.", "Rep.", "Gov.", "Lt.", "Gen.",
                 "President", "Prime Minister", "Sheikh", "Ayatollah", "Chief Justice", "Ambassador"]:
        assert must in kinds, must
    assert kinds["Mr"] == "honorific" and kinds["Senator"] == "office"


def test_person_roles():
    rows = _words("person_roles.txt", 1)
    assert len(rows) >= 150
    for (role,) in rows:
        assert "\t" not in role
        for word in role.split():
            assert word == word.lower() or _is_acronym(word), f"person_roles.txt: {role!r} should be lower case"
    roles = {r for (r,) in rows}
    for must in ["spokesman", "spokeswoman", "spokesperson", "senator", "minister", "analyst", "professor",
                 "economist", "CEO", "chief executive", "adviser", "advisor", "lawyer", "editor"]:
        assert must in roles, must


def test_document_nouns():
    rows = _words("document_nouns.txt", 1)
    assert len(rows) >= 80
    nouns = {n for (n,) in rows}
    for must in ["report", "study", "survey", "poll", "memo", "letter", "email", "court documents",
                 "press release", "transcript", "footage", "data", "figures"]:
        assert must in nouns, must


def test_org_words():
    rows = _words("org_words.txt", 1)
    assert len(rows) >= 80
    words = {w for (w,) in rows}
    for w in words:
        assert " " not in w and w[0].isupper(), f"org_words.txt: {w!r} should be one capitalized word"
    for must in ["Institute", "Foundation", "Council", "Ministry", "Party", "Corp", "Inc", "Ltd",
                 "University", "Court", "Army", "Police", "Organization", "Organisation"]:
        assert must in words, must


def test_vague_and_document_lists_do_not_overlap():
    vague = {e for e, _ in _words("vague_sources.txt", 2)}
    docs = {d for (d,) in _words("document_nouns.txt", 1)}
    assert not vague & docs, vague & docs
