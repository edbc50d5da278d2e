"""The static HTML report: pages parse, article text stays text, marks match the database,
and a real headless Chromium runs the page's script and sees one mark per claim."""

import json
import os
import shutil
import subprocess
from collections import Counter

import pytest
from hostile_article import HOSTILE
from lxml import html
from sqlalchemy import text

from provenance.ingest import ingest
from provenance.report import build_report
from provenance.report.pages import h, safe_url
from provenance.store import read_session

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium); .ci/run installs it")


@pytest.fixture
def site(db, tmp_path, corpus, fake):
    """The report of the two small articles and the hostile one."""
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    ingest([str(corpus)], db, workers=1)
    with read_session(db) as session:
        summary = build_report(session, tmp_path / "site")
    return db, summary.out


def db_counts(db) -> dict[int, Counter]:
    """Claims per kind of each current article, straight from SQL."""
    out: dict[int, Counter] = {}
    with db.connect() as conn:
        for aid, kind, n in conn.execute(text("SELECT article_id, kind, count(*) FROM claim GROUP BY 1, 2")):
            out.setdefault(aid, Counter())[kind] = n
    return out


def parse(path) -> html.HtmlElement:
    """A page parsed strictly enough to fail on broken markup: the XML recovery parser must not be needed."""
    source = path.read_text(encoding="utf-8")
    parser = html.HTMLParser(recover=False)
    return html.fromstring(source, parser=parser)


def test_every_page_parses_and_loads_only_its_own_script(site):
    db, out = site
    names = sorted(p.name for p in out.iterdir())
    assert names == ["article-1.html", "article-2.html", "article-3.html", "index.html", "report.css",
                     "report.js", "sources.html"]
    for page in out.glob("*.html"):
        doc = parse(page)
        scripts = doc.xpath("//script")
        assert [s.get("src") for s in scripts] == ["report.js"], page.name
        assert not doc.xpath("//img | //iframe | //textarea | //*[@onerror] | //*[@onclick]"), page.name
        assert not doc.xpath("//link[starts-with(@href, 'http')] | //script[starts-with(@src, 'http')]")


def test_hostile_article_text_stays_text(site):
    db, out = site
    page = (out / "article-3.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "</textarea>" not in page and "<img" not in page
    doc = parse(out / "article-3.html")
    shown = doc.get_element_by_id("text").text_content()
    with db.connect() as conn:
        stored = conn.execute(text("SELECT text FROM article WHERE id = 3")).scalar()
    for literal in ("<script>alert('x')</script>", '"dangerous"', "'odd'", "</textarea>", "[bold]markup[/]"):
        assert literal in shown and literal in stored
    assert doc.findtext(".//h1") == 'Title with <b>tags</b> & "quotes"'


def test_marks_per_kind_match_the_database(site):
    db, out = site
    for aid, counts in db_counts(db).items():
        doc = parse(out / f"article-{aid}.html")
        marks = Counter(m.get("data-kind") for m in doc.xpath("//article[@id='text']//a[contains(@class, 'mark')]"))
        assert marks == counts, aid
        listed = doc.xpath("//ol[@class='claims']/li")
        assert len(listed) == sum(counts.values())


def test_index_and_sources_pages(site):
    db, out = site
    index = parse(out / "index.html")
    rows = index.xpath("//tbody/tr")
    assert len(rows) == 3
    assert [a.get("href") for a in index.xpath("//tbody//a")] == ["article-1.html", "article-2.html",
                                                                   "article-3.html"]
    sources = parse(out / "sources.html")
    names = [s.text.strip() for s in sources.xpath("//section[@class='source']/h2")]
    assert "Thomas Joscelyn" in names  # in a.txt and b.txt
    joscelyn = sources.xpath("//section[h2[contains(., 'Thomas Joscelyn')]]")[0]
    assert joscelyn.xpath(".//a[starts-with(@href, 'article-')]")


def test_a_selection_of_articles(db, tmp_path, corpus, fake):
    ingest([str(corpus)], db, workers=1)
    with read_session(db) as session:
        summary = build_report(session, tmp_path / "one", ["b.txt"])
    assert summary.articles == 1
    assert not (tmp_path / "one" / "article-1.html").exists()
    sources = (tmp_path / "one" / "sources.html").read_text(encoding="utf-8")
    assert 'href="article-1.html' not in sources  # a.txt is not in the report: named, not linked


def test_urls_are_links_only_when_http():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert h("<a href='x'>&") == "&lt;a href=&#x27;x&#x27;&gt;&amp;"


def chromium_dom(page, tmp_path) -> str:
    """The DOM of ``page`` after its script ran, dumped by headless Chromium (no network, no profile)."""
    profile = tmp_path / "chromium-profile"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=dict(os.environ, HOME=str(tmp_path)))
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@needs_chromium
def test_chromium_runs_the_page_and_counts_one_mark_per_claim(site, tmp_path):
    db, out = site
    for aid, counts in db_counts(db).items():
        dom = html.fromstring(chromium_dom(out / f"article-{aid}.html", tmp_path))
        marks = Counter(m.get("data-kind") for m in dom.xpath("//article[@id='text']//a[contains(@class, 'mark')]"))
        assert marks == counts, aid
        seen_by_script = dom.get_element_by_id("js-counts")
        assert json.loads(seen_by_script.text) == dict(counts), "the page's script did not run"
        assert not dom.xpath("//article[@id='text']//script | //article[@id='text']//img")
