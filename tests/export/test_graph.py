"""Graphviz DOT and Mermaid exports: the chain as a graph, origin on top, labels escaped."""

import re
import shutil
import subprocess

import pytest
from hostile_article import HOSTILE

from provenance.export import export
from provenance.export.graph import mermaid_text
from provenance.ingest import ingest
from provenance.store import read_session

needs_dot = pytest.mark.skipif(shutil.which("dot") is None,
                               reason="Graphviz 'dot' is not installed (apt-get install graphviz); .ci/run installs it")


@pytest.fixture
def stored(db, corpus, fake):
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    ingest([str(corpus)], db, workers=1)
    return db


def written(db, fmt, **selection) -> str:
    with read_session(db) as session:
        return export(session, fmt, **selection)


def test_dot_chain_runs_origin_to_relay_to_claim(stored):
    out = written(stored, "dot", claim=1)
    ids = dict(re.findall(r'(s\d+) \[label="([^"]+) \(', out))
    origin = next(k for k, v in ids.items() if v == "the UN report")
    relay = next(k for k, v in ids.items() if v == "Associated Press")
    assert f'{origin} -> {relay} [label="stated"];' in out
    assert f'{relay} -> c1 [label="According to"];' in out
    assert f"{origin} [label=\"the UN report (document)\", shape=note];" in out
    assert "shape=box3d" in out  # the outlet


def test_mermaid_chain_and_shapes(stored):
    out = written(stored, "mermaid", article="a.txt")
    assert out.startswith("flowchart TD\n")
    assert re.search(r'  s\d+\[/"the UN report \(document\)"/\]', out)
    assert re.search(r'  s\d+\[\["Associated Press \(outlet\)"\]\]', out)
    assert re.search(r'  s\d+ -->\|"According to"\| c1', out)
    assert "%% 1 claim(s) without a source left out" in out


def test_hostile_labels_are_escaped(stored):
    mermaid = written(stored, "mermaid", article="hostile.txt")
    assert "<script>" not in mermaid and "#lt;script#gt;" in mermaid
    body = [line for line in mermaid.splitlines() if line.startswith("    c")]
    assert all(line.count('"') == 2 for line in body), body
    dot = written(stored, "dot", article="hostile.txt")
    assert "\x1b" not in dot and "\x07" not in dot
    assert '\\"dangerous\\"' in dot
    assert mermaid_text('a "b" #1 <c> & `d`') == "a #quot;b#quot; #35;1 #lt;c#gt; #amp; #96;d#96;"


@needs_dot
@pytest.mark.parametrize("selection", [{"article": "a.txt"}, {"article": "hostile.txt"}, {"source": "Reuters"}])
def test_graphviz_renders_the_export(stored, selection, tmp_path):
    dot_file = tmp_path / "chain.dot"
    dot_file.write_text(written(stored, "dot", **selection), encoding="utf-8")
    done = subprocess.run(["dot", "-Tsvg", str(dot_file)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "<svg" in done.stdout and "Warning" not in done.stderr
    if selection == {"article": "hostile.txt"}:
        assert "&lt;script&gt;" in done.stdout
