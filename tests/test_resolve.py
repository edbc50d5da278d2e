"""Source resolution across articles: merges that must happen, merges that must not, and curation
that survives a re-ingest."""

import itertools
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from cli.main import cli
from provenance.models import Document, Entity, Mention, Reading, Span
from provenance.names import (
    acronyms_of,
    as_acronym,
    full_names_in,
    lexicon_name,
    normalize_name,
    parse_document,
    parse_person,
    person_display,
    person_match,
)
from provenance.resolve import ArticleRef, plan_article
from provenance.store.writer import store_batch

_paths = itertools.count()


def article(*entities: dict, body: str = "", published: str | None = None) -> tuple[Document, Reading]:
    """A document naming each entity once ("NAME said yes."), with a reading of those entities."""
    body = body or f"Article {next(_paths)}."
    text = body + " " + " ".join(f"{e['name']} said yes." for e in entities)
    ents, mentions, at = [], [], len(body) + 1
    for i, e in enumerate(entities):
        start = text.index(f"{e['name']} said yes.", at)
        at = start + len(e["name"])
        ents.append(Entity(id=i, **e))
        mentions.append(Mention(id=i, span=Span.of(text, start, at), entity=i))
    doc = Document(text=text, path=f"/a{next(_paths)}.txt", published=published)
    return doc, Reading(text=text, entities=ents, mentions=mentions)


def P(name, **kw):  # noqa: N802 (short builders for readable cases)
    return {"name": name, "type": "person", **kw}


def O(name, **kw):  # noqa: N802, E743
    return {"name": name, "type": "organization", **kw}


def OUT(name, **kw):  # noqa: N802
    return {"name": name, "type": "outlet", **kw}


def D(name, **kw):  # noqa: N802
    return {"name": name, "type": "document", **kw}


def A(name, **kw):  # noqa: N802
    return {"name": name, "type": "anonymous", **kw}


def source_of(db, written: str) -> set[int]:
    """The source ids of every mention written exactly so."""
    with db.connect() as conn:
        return set(conn.execute(text("SELECT source_id FROM mention WHERE text = :t"), {"t": written}).scalars())


def store(db, *articles):
    results = store_batch(db, list(articles))
    assert all(r.status == "added" for r in results), results


def same(db, a: str, b: str) -> bool:
    sa, sb = source_of(db, a), source_of(db, b)
    assert sa and sb, (a, b)
    return sa == sb and len(sa) == 1


# ---------------------------------------------------------------- merges that must happen


MUST_MERGE = [
    ("spelling variant of a surname", P("Thomas Joscelyn"), P("Thomas Jocelyn")),
    ("honorific", P("Mr. Thomas Joscelyn"), P("Thomas Joscelyn")),
    ("first-name variant", P("Cathy Scott-Clarke"), P("Kathy Scott-Clarke")),
    ("nickname", P("Bill Clinton"), P("William Clinton")),
    ("middle initial", P("Donald J. Trump"), P("Donald Trump")),
    ("title and party before the name", P("Republican Donald Trump"), P("Donald Trump")),
    ("office before the name", P("Vermont Sen. Bernie Sanders"), P("Bernie Sanders")),
    ("outlet before the name", P("MSNBC's Chris Matthews"), P("Chris Matthews")),
    ("diacritics", P("José Ruiz"), P("Jose Ruiz")),
    ("acronym in the lexicon", O("UN"), O("United Nations")),
    ("dotted acronym", O("U.N."), O("United Nations")),
    ("wire service acronym", OUT("AP"), OUT("Associated Press")),
    ("leading the", OUT("The Associated Press"), OUT("Associated Press")),
    ("outlet short form", OUT("New York Times"), OUT("The New York Times")),
    ("British and American spelling", O("Foundation for Defence of Democracies"),
     O("Foundation for Defense of Democracies")),
    ("typo in an organization name", O("Congressional Budget Ofice"), O("Congressional Budget Office")),
    ("acronym of a name the lexicon does not know", O("NRDC"), O("Natural Resources Defense Council")),
    ("document by producer", D("UN report"), D("United Nations report")),
    ("document producer named by 'by'", D("report", aliases=["The report by UN experts"]), D("A United Nations report")),
    ("document producer as author", D("report", authors=["United Nations"]), D("UN report")),
    ("document with a proper name, misspelt", D("Abottabad documents"), D("Abbottabad documents")),
]


@pytest.mark.parametrize("why,a,b", MUST_MERGE, ids=[c[0] for c in MUST_MERGE])
def test_names_of_one_source_merge_across_articles(db, why, a, b):
    store(db, article(a), article(b))
    assert same(db, a["name"], b["name"]), why


def test_the_merge_keeps_its_reason_and_score(db):
    store(db, article(P("Thomas Joscelyn")), article(P("Thomas Jocelyn")))
    with db.connect() as conn:
        rows = conn.execute(text("SELECT alias, reason, score FROM source_alias ORDER BY id")).all()
    assert rows[0][:2] == ("Thomas Joscelyn", "first-seen")
    assert rows[1][:2] == ("Thomas Jocelyn", "spelling-variant") and 0.9 < rows[1][2] < 1


def test_an_acronym_merge_says_acronym_whatever_its_score(db, monkeypatch):
    """The reason comes with the fit (issue 14), not from the score equalling FUZZY_MIN."""
    from provenance import resolve

    assert resolve._acronym_fit.__doc__ and resolve._words_fit("nrdc", "nrdc") == (1.0, "spelling-variant")
    monkeypatch.setattr(resolve, "ACRONYM_SCORE", 0.9)
    store(db, article(O("Coalition for Rural Water Access")), article(O("CRWA")))
    assert same(db, "CRWA", "Coalition for Rural Water Access")
    with db.connect() as conn:
        row = conn.execute(text("SELECT reason, score FROM source_alias WHERE alias = 'CRWA'")).one()
    assert tuple(row) == ("acronym", 0.9)


def test_merges_inside_one_batch_and_across_batches_agree(db):
    store(db, article(P("Thomas Joscelyn")), article(P("Thomas Jocelyn")))
    store(db, article(P("Tom Joscelyn")))
    assert same(db, "Thomas Joscelyn", "Tom Joscelyn")


def test_a_surname_alone_takes_the_full_name_its_article_writes(db):
    store(db, article(P("Donald Trump")), article(P("Trump"), body="Donald Trump spoke in Ohio on Monday."))
    assert same(db, "Donald Trump", "Trump")


def test_the_fund_is_the_one_fund_of_its_article(db):
    store(db, article(O("International Monetary Fund", aliases=["IMF"]), O("fund", aliases=["The fund"])))
    assert same(db, "International Monetary Fund", "fund")


def test_members_of_a_group_are_sources_of_their_own_and_spellings_join(db):
    group = P("Adrian Levy and Cathy Scott-Clarke", aliases=["Adrian Levy and Kathy Scott-Clarke"])
    store(db, article(group, P("Adrian Levy"), P("Cathy Scott-Clarke")), article(P("Kathy Scott-Clarke")))
    assert same(db, "Cathy Scott-Clarke", "Kathy Scott-Clarke")
    assert not same(db, "Adrian Levy and Cathy Scott-Clarke", "Cathy Scott-Clarke")
    with db.connect() as conn:
        names = set(conn.execute(text("SELECT a.alias FROM source_alias a JOIN source s ON s.id = a.source_id "
                                      "WHERE s.name = 'Cathy Scott-Clarke'")).scalars())
    assert "Kathy Scott-Clarke" in names


def test_a_group_written_in_another_order_is_the_same_group(db):
    store(db, article(P("Adrian Levy and Cathy Scott-Clarke"), P("Adrian Levy"), P("Cathy Scott-Clarke")),
          article(P("Cathy Scott-Clarke and Adrian Levy"), P("Adrian Levy"), P("Cathy Scott-Clarke")))
    assert same(db, "Adrian Levy and Cathy Scott-Clarke", "Cathy Scott-Clarke and Adrian Levy")


# ---------------------------------------------------------------- merges that must not happen


MUST_NOT_MERGE = [
    ("different first names, same surname", P("Bill Clinton"), P("Hillary Clinton")),
    ("John and Jane Smith", P("John Smith"), P("Jane Smith")),
    ("different middle initials", P("George W. Bush"), P("George H. W. Bush")),
    ("a son", P("Donald Trump Jr."), P("Donald Trump")),
    ("a plural is another word", P("Chris Democrat"), P("Chris Democrats")),
    ("similar surnames, not a misspelling", P("John Kerry"), P("John Kelly")),
    ("outlets with similar names", OUT("New York Times"), OUT("New York Post")),
    ("outlets with similar names, not in the lexicon", OUT("Springfield Gazette"), OUT("Springfield Gazebo")),
    ("different head words", O("Institute for the Defense of Democracies"), O("Foundation for Defense of Democracies")),
    ("different organizations sharing words", O("Democratic National Committee"), O("Republican National Committee")),
    ("documents of different producers", D("UN report"), D("IMF report")),
    ("a generic document", D("the report"), D("the report")),
    ("an anonymous source", A("two officials"), A("two officials")),
    ("a person and an organization", P("Jordan Peterson"), O("Jordan Peterson Foundation")),
    ("a news outlet's report is one of thousands", D("New York Times report"), D("New York Times report")),
]


@pytest.mark.parametrize("why,a,b", MUST_NOT_MERGE, ids=[c[0] for c in MUST_NOT_MERGE])
def test_different_sources_stay_apart(db, why, a, b):
    store(db, article(a), article(b))
    assert source_of(db, a["name"]).isdisjoint(source_of(db, b["name"])) or a == b and len(
        source_of(db, a["name"])) == 2, why


def test_the_same_document_name_months_apart_is_two_documents(db):
    store(db, article(D("UN report"), published="2016-01-10"), article(D("UN report"), published="2016-09-01"),
          article(D("United Nations report"), published="2016-01-20"))
    ids = source_of(db, "UN report")
    assert len(ids) == 2
    assert source_of(db, "United Nations report") < ids


def test_a_document_between_two_of_its_periods_joins_one_not_another(db):
    # one name in three periods (January, March, late April: each beyond the 45-day window of
    # the others); an article in late March is within the window of the March and April
    # periods: the same document again (the nearer period), not an ambiguity that makes a fourth
    store(db, article(D("UN report"), published="2016-01-01"), article(D("UN report"), published="2016-03-01"),
          article(D("UN report"), published="2016-04-20"))
    store(db, article(D("United Nations report"), published="2016-03-24"))
    assert len(source_of(db, "UN report")) == 3
    assert source_of(db, "United Nations report") < source_of(db, "UN report")
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM source WHERE type = 'document'")).scalar() == 3
        near = conn.execute(text("SELECT s.key FROM mention m JOIN source s ON s.id = m.source_id "
                                 "WHERE m.text = 'United Nations report'")).scalar()
    assert near.endswith("~2016-03-01")


def test_a_surname_shared_by_two_people_in_its_article_stays_there(db):
    store(db, article(P("Clinton"), body="Bill Clinton and Hillary Clinton arrived."),
          article(P("Bill Clinton")), article(P("Hillary Clinton")))
    clinton = source_of(db, "Clinton")
    assert clinton.isdisjoint(source_of(db, "Bill Clinton") | source_of(db, "Hillary Clinton"))


def test_surnames_alone_are_not_merged_across_articles(db):
    store(db, article(P("Smith")), article(P("Smith")))
    assert len(source_of(db, "Smith")) == 2


def test_an_acronym_two_organizations_share_merges_with_neither(db):
    store(db, article(O("National Archery Association")), article(O("National Aviation Academy")),
          article(O("NAA")))
    naa = source_of(db, "NAA")
    assert naa.isdisjoint(source_of(db, "National Archery Association") | source_of(db, "National Aviation Academy"))


# ---------------------------------------------------------------- the name functions


@pytest.mark.parametrize("a,b,ok", [
    ("Thomas Joscelyn", "Thomas Jocelyn", True), ("Bill Clinton", "Hillary Clinton", False),
    ("John Smith", "Jane Smith", False), ("Cathy Scott-Clarke", "Kathy Scott-Clarke", True),
    ("J. Smith", "John Smith", True), ("Ted Cruz", "Rafael Cruz", False), ("Jon Stewart", "John Stewart", False),
    ("Gary Johnson", "Garry Jonson", False), ("Sarah Palin", "Sara Palin", True),
])
def test_person_match(a, b, ok):
    assert bool(person_match(parse_person(a), parse_person(b))[0]) is ok


def test_names_are_parsed_without_titles_and_places():
    assert parse_person("House Speaker Paul D. Ryan").key == "paul d ryan"
    assert parse_person("Peter King of New York").key == "peter king"
    assert parse_person("Osama bin Laden").last == "bin laden"
    assert parse_person("Iowa Democrats") is None
    assert parse_person("Adrian Levy and Cathy Scott-Clarke") is None
    assert person_display("Former Texas Gov. Rick Perry") == "Rick Perry"
    assert full_names_in("When Trump spoke, Donald J. Trump said", "Trump")[0][1] == "Donald J. Trump"


def test_acronyms_lexicon_and_documents():
    assert acronyms_of("Congressional Budget Office") == {"cbo"}
    assert as_acronym("U.N.") == "un" and as_acronym("Reuters") is None
    assert lexicon_name("AP") == ("Associated Press", "outlet")
    assert parse_document("the latest UN report").key == "united nations report"
    assert not parse_document("intelligence reports").specific
    assert normalize_name("The UN's  Report") == "un report"


def test_plans_are_pure_and_scope_what_one_article_alone_can_name():
    ref = ArticleRef("f" * 64)
    plans = plan_article([Entity(id=0, name="two officials", type="anonymous"),
                          Entity(id=1, name="the report", type="document"),
                          Entity(id=2, name="Thomas Joscelyn", type="person")], ref)
    assert plans[0].scoped and plans[1].scoped and not plans[2].scoped
    assert plans[0].key.endswith(" @" + "f" * 16)


# ---------------------------------------------------------------- curation that survives re-ingest


def run(db, *args, ok=True):
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    if ok:
        assert result.exit_code == 0, (result.output, result.exception)
    return result


def sources_json(db) -> dict[str, dict]:
    return {s["name"]: s for s in json.loads(run(db, "sources", "--format", "json").stdout)}


@pytest.fixture
def curated(tmp_path, fake):
    """Three small articles read by the fake extractor into a fresh database."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Trade\n\nBill Clinton said that trade grew.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Polls\n\nHillary Clinton said that she would win Ohio.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Songs\n\nTom Jones said that he would sing.\n", encoding="utf-8")
    db = tmp_path / "cur.db"
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    return db, folder


def test_merge_survives_reingest(curated):
    db, folder = curated
    run(db, "sources", "merge", "Hillary Clinton", "Bill Clinton")
    assert "Bill Clinton" not in sources_json(db)
    (folder / "a.txt").write_text("Trade\n\nBill Clinton said that trade grew fast.\n", encoding="utf-8")
    (folder / "d.txt").write_text("More\n\nBill Clinton said that wages rose.\n", encoding="utf-8")
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    found = sources_json(db)
    assert "Bill Clinton" not in found
    assert {a["path"].rsplit("/", 1)[1] for a in found["Hillary Clinton"]["articles"]} == {"a.txt", "b.txt", "d.txt"}


def test_split_survives_reingest_and_undoes_a_merge(curated):
    db, folder = curated
    run(db, "sources", "merge", "Hillary Clinton", "Bill Clinton")
    run(db, "sources", "split", "Hillary Clinton", "Bill Clinton")
    found = sources_json(db)
    assert [a["path"].rsplit("/", 1)[1] for a in found["Bill Clinton"]["articles"]] == ["a.txt"]
    assert [a["path"].rsplit("/", 1)[1] for a in found["Hillary Clinton"]["articles"]] == ["b.txt"]
    (folder / "d.txt").write_text("More\n\nBill Clinton said that wages rose.\n", encoding="utf-8")
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    found = sources_json(db)
    assert {a["path"].rsplit("/", 1)[1] for a in found["Bill Clinton"]["articles"]} == {"a.txt", "d.txt"}
    claims = json.loads(run(db, "claims", "--source", "Bill Clinton", "--format", "json").stdout)
    assert {c["chain"][0]["name"] for c in claims} == {"Bill Clinton"}


def test_alias_add_survives_reingest(curated):
    db, folder = curated
    run(db, "sources", "alias", "add", "Tom Jones", "The Singer")
    (folder / "e.txt").write_text("Stage\n\nThe Singer said that the tour was over.\n", encoding="utf-8")
    run(db, "ingest", str(folder), "--workers", "1", "-q")
    found = sources_json(db)
    assert "The Singer" not in found
    assert len(found["Tom Jones"]["articles"]) == 2
    rules = json.loads(run(db, "sources", "curation", "--format", "json").stdout)
    assert [r["action"] for r in rules] == ["alias"]


def test_curation_errors_are_plain(curated):
    db, _ = curated
    assert "no source matches" in run(db, "sources", "merge", "Nobody", "Tom Jones", ok=False).stderr
    assert "not a name of source" in run(db, "sources", "split", "Tom Jones", "Hillary", ok=False).stderr
    assert "already one source" in run(db, "sources", "merge", "Tom Jones", "Tom Jones", ok=False).stderr


def test_sources_is_still_a_listing_with_subcommands(curated):
    db, _ = curated
    assert run(db, "sources", "--recurring", "--format", "json").stdout.strip() == "[]"
    names = {s["name"] for s in json.loads(run(db, "sources", "--type", "person", "--format", "json").stdout)}
    assert names == {"Bill Clinton", "Hillary Clinton", "Tom Jones"}
    merges = json.loads(run(db, "sources", "merges", "--format", "json").stdout)
    assert merges == []


def test_a_nickname_does_not_join_a_person_described_otherwise(db):
    store(db, article(P("Robert Mason", role="a University of Washington professor who studies rumours")),
          article(P("Bob Mason", role="a retired Postal Service letter carrier at the rally")),
          article(P("Edward G. Rendell", role="the former governor of Pennsylvania")),
          article(P("Ed Rendell", role="a former Pennsylvania governor")))
    assert not same(db, "Robert Mason", "Bob Mason")
    assert same(db, "Edward G. Rendell", "Ed Rendell")


def test_polls_named_alike_weeks_apart_are_two_polls(db):
    store(db, article(D("Quinnipiac University poll"), published="2016-02-01"),
          article(D("Quinnipiac poll"), published="2016-02-04"),
          article(D("Quinnipiac poll"), published="2016-03-01"))
    assert same(db, "Quinnipiac University poll", "Quinnipiac poll") is False
    assert len(source_of(db, "Quinnipiac poll")) == 2
    assert source_of(db, "Quinnipiac University poll") < source_of(db, "Quinnipiac poll")
