"""Issue 15 on real and synthetic news: a source is found by the name the tool shows and by
each of its aliases, and no alias is a clause.

Two databases are built once per run with the real extractor: PolNeAR train
(``../shared/eval/polnear-train.jsonl``; skipped, saying so, when the file is absent) and
200 articles of the benchmark corpus (``benchmarks/generate.py``, seed 1).
"""

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from provenance.aliases import is_name
from provenance.ingest import ingest
from provenance.names import normalize_name
from provenance.query import as_id, find_sources
from provenance.store import open_database, read_session

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"
BENCH_ARTICLES = 200

# Independent of provenance.aliases: words that make a text a verb phrase, not a name. A
# lowercase finite auxiliary or modal, or one of the reporting verbs that carry most clauses
# the extractor let into names ("The coast guard had rescued ...", "... said the office").
FINITE = set("""is are am was were has have had will would could should shall may might must can
    did does do won't wouldn't can't didn't doesn't don't isn't wasn't""".split())
REPORTING = set("""said says told tells added warned argued insisted claimed announced explained
    wrote reported acknowledged admitted denied confirmed""".split())
MAX_ALIAS_WORDS = 16


def _build(path: Path, jsonl: Path) -> Path:
    """A database of ``jsonl`` ingested with the real extractor."""
    db = path / "names.db"
    engine = open_database(db)
    try:
        report = ingest([str(jsonl)], engine, workers=2)
        assert report.articles > 0
    finally:
        engine.dispose()
    return db


@pytest.fixture(scope="module", params=["polnear", "benchmark"])
def built(request, tmp_path_factory) -> Path:
    """The PolNeAR and the 200-article benchmark databases, one after the other."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "polnear":
        if not POLNEAR.exists():
            pytest.skip(f"{POLNEAR} is absent: the PolNeAR property test needs the annotated corpus")
        return _build(folder, POLNEAR)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    jsonl = folder / "bench.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for article in generate.generate(BENCH_ARTICLES, 1):
            out.write(json.dumps(article) + "\n")
    return _build(folder, jsonl)


def _names(db: Path) -> dict[int, tuple[str, list[str]]]:
    """Every source: id -> (shown name, aliases)."""
    engine = open_database(db, create=False)
    out: dict[int, tuple[str, list[str]]] = {}
    with engine.connect() as conn:
        for sid, name in conn.execute(text("SELECT id, name FROM source")):
            out[sid] = (name, [])
        for sid, alias in conn.execute(text("SELECT source_id, alias FROM source_alias ORDER BY id")):
            out[sid][1].append(alias)
    engine.dispose()
    return out


def test_every_source_is_found_by_its_name_and_each_alias(built):
    """``source NAME`` and ``claims --source NAME`` both go through find_sources: every source is
    among the sources its shown name, and each of its aliases, finds. (A name of digits, such
    as the extractor's "449", is an id first: NAME_OR_ID; it is left out.)"""
    engine = open_database(built, create=False)
    missed, found = [], {}  # found: normalized name -> ids (find_sources reads only that of a name)
    with read_session(engine) as session:
        for sid, (name, aliases) in _names(built).items():
            for n in dict.fromkeys([name, *aliases]):
                if not n.strip() or as_id(n) is not None:
                    continue
                norm = normalize_name(n)
                if norm not in found:
                    found[norm] = set(find_sources(session, n))
                if sid not in found[norm]:
                    missed.append((sid, name, n))
    engine.dispose()
    assert not missed, f"{len(missed)} names do not find their source, e.g. {missed[:10]}"


def test_cli_finds_sources_by_shown_name(built):
    """Through the CLI: a sample of sources with a unique name, names with periods first (the
    "U.S. Coast Guard" of issue 15), each found by ``source NAME`` and ``claims --source NAME``."""
    from cli.main import cli

    engine = open_database(built, create=False)
    with read_session(engine) as session:
        rows = session.execute(text(
            "SELECT s.id, s.name FROM source s JOIN source_stats st ON st.source_id = s.id "
            "WHERE st.claim_count > 0 AND s.key NOT LIKE '% @%' ORDER BY (s.name LIKE '%.%') DESC, "
            "st.claim_count DESC, s.id LIMIT 60")).all()
        unique = [(sid, name) for sid, name in rows if find_sources(session, name) == [sid]][:12]
    engine.dispose()
    assert unique
    runner = CliRunner()
    for sid, name in unique:
        shown = runner.invoke(cli, ["--db", str(built), "source", name, "--format", "json"])
        assert shown.exit_code == 0, (name, shown.output)
        assert json.loads(shown.output)["id"] == sid
        claims = runner.invoke(cli, ["--db", str(built), "claims", "--source", name, "--limit", "5",
                                     "--format", "json"])
        assert claims.exit_code == 0, (name, claims.output)
        assert any(link["source_id"] == sid for c in json.loads(claims.output) for link in c["chain"])


def _verb_phrase(alias: str) -> str | None:
    """The word that makes ``alias`` a verb phrase (by the independent lists above), else None."""
    words = [w.strip(",.;:'\"“”").replace("’", "'") for w in alias.split()]
    for w in words:
        if w[:1].islower() and (w in FINITE or w in REPORTING):
            return w
    return f"{len(words)} words" if len(words) > MAX_ALIAS_WORDS else None


def test_no_alias_is_a_clause(built):
    """No alias of any source (a name it is listed under besides the one it is shown under)
    contains a verb phrase from the text around it: by the rule of provenance.aliases
    (``is_name``), and by an independent list of finite and reporting verbs. The shown name
    is the extractor's, cut to a name when it has one ("said the inquiry" -> "the inquiry");
    a span with no name in it at all ("accused", "who") stays as it is, so the source can
    still be shown and found."""
    bad_rule, bad_verbs = [], []
    for sid, (name, aliases) in _names(built).items():
        for alias in (a for a in aliases if a != name):
            if not is_name(alias):
                bad_rule.append((sid, name, alias))
            if (why := _verb_phrase(alias)) is not None:
                bad_verbs.append((sid, alias, why))
    assert not bad_verbs, f"{len(bad_verbs)} aliases with a verb phrase, e.g. {bad_verbs[:10]}"
    assert not bad_rule, f"{len(bad_rule)} aliases break the name rule, e.g. {bad_rule[:10]}"


def test_longest_aliases_are_names(built):
    """The ten longest aliases (the figure issue 15 reports) are short enough to be names."""
    longest = sorted((a for name, aliases in _names(built).values() for a in aliases if a != name),
                     key=len, reverse=True)[:10]
    assert all(len(re.findall(r"\S+", a)) <= MAX_ALIAS_WORDS for a in longest), longest
