"""Hostile input, round two (issue 11): nothing stops an ingest, nothing rewrites text, nothing
reaches the terminal. One test (or a few) per case of the issue, named in its closing note;
case 2 (extraction linearity) lives with the extractor, case 12 in the files it fixes.
"""

import json
import sqlite3
import unicodedata

import pytest
from click.testing import CliRunner

from cli.main import cli
from provenance.readers import ReadError, ReadNote, read_paths

GOOD = "A good title\n\nReuters reported that prices rose.\n"


def run(db, *args, input=None):
    """The CLI in process; never a traceback, whatever happens."""
    result = CliRunner().invoke(cli, ["--db", str(db), *args], input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def rows(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def record(i: int, **extra) -> str:
    return json.dumps({"id": f"r{i}", "text": f"Lund said that it rained {i} times.", **extra})


# ---------------------------------------------------------------- case 1: deep nesting


def test_case1_deeply_nested_jsonl_field_fails_only_its_line(tmp_path, fake):
    deep = '{"id": "deep", "text": "Lund said so.", "extra": ' + "[" * 1000 + "]" * 1000 + "}"
    (tmp_path / "feed.jsonl").write_text("\n".join([record(1), deep, record(3), record(4)]) + "\n")
    db = tmp_path / "n.db"
    result = run(db, "ingest", str(tmp_path / "feed.jsonl"), "--workers", "1")
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {tmp_path / 'feed.jsonl'}:2: malformed JSON: nested too deeply"]
    assert rows(db, "SELECT count(*) FROM article") == [(3,)]


def test_case1_deeply_nested_json_file_beside_good_files(tmp_path, fake):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "deep.json").write_text("[" * 5000 + "]" * 5000)
    for i in range(3):
        (folder / f"good{i}.txt").write_text(GOOD.replace("prices", f"prices {i}"))
    db = tmp_path / "n.db"
    result = run(db, "ingest", str(folder), "--workers", "1")
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {folder / 'deep.json'}: malformed JSON: nested too deeply"]
    assert rows(db, "SELECT count(*) FROM article") == [(3,)]


def test_case1_deep_json_on_stdin(tmp_path, fake):
    deep = '{"text": ' + "[" * 3000 + "]" * 3000 + "}"
    result = run(tmp_path / "s.db", "ingest", "-", input=deep + "\n" + record(2) + "\n")
    assert result.exit_code == 1 and error_lines(result) == ["error: <stdin>:1: malformed JSON: nested too deeply"]
    assert rows(tmp_path / "s.db", "SELECT count(*) FROM article") == [(1,)]


def test_case1_any_failure_reading_a_record_names_it_and_the_rest_go_in(tmp_path, monkeypatch):
    from provenance import readers

    real = readers.parse_record

    def flaky(obj, label, line, **kw):
        if isinstance(obj, dict) and obj.get("id") == "r2":
            raise MemoryError("simulated")
        return real(obj, label, line, **kw)

    monkeypatch.setattr(readers, "parse_record", flaky)
    (tmp_path / "f.jsonl").write_text("\n".join(record(i) for i in range(1, 4)) + "\n")
    (tmp_path / "g.json").write_text("[" + ",".join(record(i) for i in range(1, 4)) + "]")
    items = list(read_paths([tmp_path / "f.jsonl", tmp_path / "g.json"]))
    errors = [str(x) for x in items if isinstance(x, ReadError)]
    assert errors == [f"{tmp_path / 'f.jsonl'}:2: cannot read record: MemoryError: simulated",
                      f"{tmp_path / 'g.json'}:2: cannot read record: MemoryError: simulated"]
    assert sum(1 for x in items if not isinstance(x, ReadError)) == 4


# ---------------------------------------------------------------- case 5: each JSONL line decoded on its own


def test_case5_one_cp1252_line_does_not_change_later_lines(tmp_path, fake):
    lines = [json.dumps({"id": "a", "text": "Café one said so."}, ensure_ascii=False).encode(),
             b'{"id": "b", "text": "caf\xe9 \x93two\x94 said so."}',
             json.dumps({"id": "c", "text": "Café three said so."}, ensure_ascii=False).encode()]
    (tmp_path / "mixed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_paths([tmp_path / "mixed.jsonl"]))
    notes = [x for x in items if isinstance(x, ReadNote)]
    assert [n.message for n in notes] == ["line 2 is not UTF-8: read as cp1252"]
    texts = [x.text for x in items if not isinstance(x, (ReadNote, ReadError))]
    assert texts == ["Café one said so.", "café “two” said so.", "Café three said so."]
    db = tmp_path / "m.db"
    result = run(db, "ingest", str(tmp_path / "mixed.jsonl"), "--workers", "1")
    assert result.exit_code == 0 and "note: " in result.stderr and "line 2 is not UTF-8" in result.stderr
    assert rows(db, "SELECT text FROM article WHERE path LIKE '%#c'") == [("Café three said so.",)]


# ---------------------------------------------------------------- case 6: one name, one source


def test_case6_text_is_stored_nfc_with_offsets_true_to_it(tmp_path, fake):
    nfd = unicodedata.normalize("NFD", "T\n\nJosé Álvarez said that prices rose.\n")
    (tmp_path / "nfd.txt").write_text(nfd)
    (tmp_path / "nfd.jsonl").write_text(json.dumps({"id": "x", "text": nfd[3:], "title": nfd[:1]}) + "\n")
    db = tmp_path / "u.db"
    result = run(db, "ingest", str(tmp_path), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    for (text,) in rows(db, "SELECT text FROM article"):
        assert text == unicodedata.normalize("NFC", text)
    for text, start, end, claim in rows(db, 'SELECT a.text, c.start, c."end", c.text FROM claim c '
                                            "JOIN article a ON a.id = c.article_id"):
        assert text[start:end] == claim
    assert rows(db, "SELECT DISTINCT name FROM source") == [("José Álvarez",)]


def test_case6_nfd_and_zero_width_spellings_are_one_source(tmp_path):
    """The real extractor: NFD "José Álvarez" and one with a zero-width space are one person."""
    spellings = ["José Álvarez", unicodedata.normalize("NFD", "José Álvarez"), "Jos\u200bé Álvarez",
                 "José\u2060 Álvarez", "\u202aJosé Álvarez\u202c"]
    for i, name in enumerate(spellings):
        (tmp_path / f"a{i}.txt").write_text(f"Story {i}\n\n{name} said that the plan {i} would fail.\n")
    db = tmp_path / "z.db"
    result = run(db, "ingest", str(tmp_path), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    assert rows(db, "SELECT name, type FROM source") == [("José Álvarez", "person")]
    assert rows(db, "SELECT DISTINCT alias FROM source_alias") == [("José Álvarez",)]
    for args in (["source", "Jos\u200bé Álvarez"], ["source", unicodedata.normalize("NFD", "José Álvarez")]):
        assert json.loads(run(db, *args, "--format", "json").stdout)["name"] == "José Álvarez"


# ---------------------------------------------------------------- case 4: no control characters stored as names


HOSTILE_TEXT = ("Breaking\x1b]0;owned\x07 news\n\n\x1b]0;HACKED\x1b\\The minister said that the plan would fail. "
                "\x1b[8mHidden Person said that taxes rise.\x1b[0m \x1b[2J\x9b31mThe mayor said that roads close.\n")


def test_case4_terminal_sequences_never_reach_names_or_stored_text(tmp_path):
    (tmp_path / "esc.txt").write_text(HOSTILE_TEXT)
    (tmp_path / "esc.jsonl").write_text(json.dumps({"id": "e", "title": "T\x1b[2J", "outlet": "Out\x1b]8;;x\x07let",
                                                    "text": HOSTILE_TEXT.replace("minister", "governor")}) + "\n")
    db = tmp_path / "c.db"
    result = run(db, "ingest", str(tmp_path), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    stored = rows(db, "SELECT text, title, coalesce(outlet, '') FROM article")
    assert stored and all(c.isprintable() or c in "\n" for row in stored for v in row for c in v), stored
    names = [n for (n,) in rows(db, "SELECT name FROM source UNION ALL SELECT alias FROM source_alias")]
    assert names and not any("HACKED" in n or "owned" in n or not n.isprintable() for n in names), names
    for text, start, end, claim in rows(db, 'SELECT a.text, c.start, c."end", c.text FROM claim c '
                                            "JOIN article a ON a.id = c.article_id"):
        assert text[start:end] == claim
    assert ("T", "Outlet") in [(t, o) for _, t, o in stored]


# ---------------------------------------------------------------- case 3: article text is never markup


MARKUP = ("Lund said that [the state] will pay [sic] [/] and [citation needed] "
          "[link=https://evil]click[/link] [bold red]now[/] :thumbs_up:.")


@pytest.fixture
def markup_db(tmp_path, fake):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "[bold]odd[red].txt").write_text(f"Title [/] [red]x[/red]\n\n{MARKUP}\nSource » [blink]Out[/]\n")
    db = tmp_path / "m.db"
    assert run(db, "ingest", str(folder), "--workers", "1").exit_code == 0
    return db


def test_case3_article_text_names_and_paths_are_shown_literally(markup_db):
    outputs = {}
    for args in (["claims"], ["articles"], ["source", "Lund"], ["chain", "1"], ["sources"]):
        result = run(markup_db, *args)
        assert result.exit_code == 0, (args, result.stderr)
        outputs[args[0]] = result.stdout
    pieces = ("[the state]", "[sic] [/]", "[citation needed]", "[link=https://evil]click[/link]", "[bold red]now[/]", ":thumbs_up:")
    for name in ("claims", "source"):  # table cells wrap at spaces: every word is there as written
        for word in " ".join(pieces).split():
            assert word in outputs[name], (name, word, outputs[name])
    chain = " ".join(outputs["chain"].split())  # a tree: its lines wrap at spaces
    for piece in pieces:
        assert piece in chain, (piece, chain)
    assert "\x1b]8;" not in "".join(outputs.values())  # no hyperlink escape was made
    for word in ("[bold]odd[red].txt", "[/]", "[red]x[/red]", "[blink]Out[/]"):
        assert word in outputs["articles"], (word, outputs["articles"])


# ---------------------------------------------------------------- case 4: nothing reaches the terminal


def test_case4_controls_and_bidi_are_visible_in_tables_and_exact_in_json_and_csv(markup_db):
    con = sqlite3.connect(markup_db)
    con.execute("UPDATE claim SET text = ?, chain_text = ?", ("pay \x1b]0;HACKED\x1b\\ \x1b[2J\u202eevil", "Lu\x1b[8mnd"))
    con.execute("UPDATE source SET name = ?", ("Lu\x1b[8mnd\u2067",))
    con.execute("UPDATE article SET title = ?, path = ?", ("Ti\x9b2Jtle\x07", "/x/a\x1b[31m.txt"))
    con.commit()
    con.close()
    for args in (["claims"], ["articles"], ["source", "1"], ["chain", "1"], ["sources"]):
        out = run(markup_db, *args).stdout
        assert not any(c in out for c in "\x1b\x07\x9b\u202e\u2067"), (args, out)
    shown = run(markup_db, "chain", "1").stdout
    assert "\\x1b]0;HACKED\\x1b\\" in shown and "\\u202eevil" in shown and "Lu\\x1b[8mnd\\u2067" in shown
    claims = json.loads(run(markup_db, "claims", "--format", "json").stdout)
    assert {c["text"] for c in claims} == {"pay \x1b]0;HACKED\x1b\\ \x1b[2J\u202eevil"}  # JSON stays exact
    assert "\x1b]0;HACKED" in run(markup_db, "claims", "--format", "csv").stdout  # CSV too


# ---------------------------------------------------------------- case 8: CSV formula injection


def test_case8_csv_cells_that_start_a_formula_get_a_leading_apostrophe(tmp_path, fake):
    import csv
    import io

    (tmp_path / "f.txt").write_text('T\n\nLund said that =HYPERLINK("http://evil","click").\n'
                                    "Lund said that +1 rose. Lund said that -2 fell. Lund said that @SUM(1) won.\n")
    db = tmp_path / "f.db"
    run(db, "ingest", str(tmp_path / "f.txt"), "--workers", "1")
    for args in (["claims"], ["chain", "1"], ["source", "Lund"]):
        got = list(csv.DictReader(io.StringIO(run(db, *args, "--format", "csv").stdout)))
        texts = [r.get("text") or r.get("claim") for r in got]
        assert texts[0] == "'=HYPERLINK(\"http://evil\",\"click\")", (args, texts)
        if args[0] != "chain":
            assert texts[1:] == ["'+1 rose", "'-2 fell", "'@SUM(1) won"]
    as_json = json.loads(run(db, "claims", "--format", "json").stdout)
    assert as_json[0]["text"] == '=HYPERLINK("http://evil","click")'  # JSON stays exact
    numbers = list(csv.DictReader(io.StringIO(run(db, "claims", "--format", "csv").stdout)))
    assert numbers[0]["id"] == "1" and numbers[0]["start"].isdigit()


# ---------------------------------------------------------------- case 11: smaller ones


def test_case11_a_newline_in_a_file_name_cannot_forge_an_error_line(tmp_path, fake):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x\nerror: forged.txt").write_bytes(b"")
    (folder / "\x1b]0;title\x07.txt").write_bytes(b"")
    result = run(tmp_path / "n.db", "ingest", str(folder), "--workers", "1")
    assert result.exit_code == 1
    assert sorted(result.stderr.splitlines()[:2]) == [f"error: {folder}/\\x1b]0;title\\x07.txt: empty file",
                                                      f"error: {folder}/x\\nerror: forged.txt: empty file"]


@pytest.mark.parametrize("url", ["sqlite:///?mode=ro", "sqlite:///?mode=ro&uri=true", "sqlite:///"])
def test_case11_a_sqlite_url_without_a_file_is_refused(tmp_path, corpus, url):
    result = run(url, "ingest", str(corpus))
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {url!r} names no database file")


@pytest.mark.parametrize("option,value", [("--published", "yesterday"), ("--published", "2024-13-45"),
                                          ("--url", "javascript:alert(1)"), ("--url", "example.com/a")])
def test_case11_published_and_url_options_are_validated(tmp_path, corpus, option, value):
    result = run(tmp_path / "o.db", "ingest", str(corpus), option, value)
    assert result.exit_code == 2 and f"Invalid value for '{option}'" in result.stderr


def test_case11_good_published_and_url_options_are_taken(tmp_path, corpus, fake):
    db = tmp_path / "o.db"
    result = run(db, "ingest", str(corpus), "--published", "2024-03-01", "--url", "https://example.com/a",
                 "--workers", "1")
    assert result.exit_code == 0, result.stderr
    assert set(rows(db, "SELECT published, url FROM article")) == {("2024-03-01", "https://example.com/a")}


def test_case11_bad_record_fields_name_their_line(tmp_path, fake):
    digits = "9" * 5000
    lines = [record(1, published="2024-03-01T09:30:00Z", url="https://example.com/1"),
             record(2, published="next Tuesday"), record(3, url="javascript:alert(1)"),
             json.dumps({"id": True, "text": "Lund said that it rained."}),
             '{"id": NaN, "text": "Lund said that it snowed."}', '{"id": 1e999, "text": "Lund said that it hailed."}',
             '{"id": ' + digits + ', "text": "Lund said that it froze."}',
             json.dumps({"id": "x" * 300, "text": "Lund said that it thawed."}),
             record(9, published="Fri, 01 Mar 2024 09:30:00 GMT"), record(10, date="2016"),
             json.dumps({"id": "r1", "text": "Another text under the same id."}), record(1)]
    (tmp_path / "f.jsonl").write_text("\n".join(lines) + "\n")
    db = tmp_path / "f.db"
    result = run(db, "ingest", str(tmp_path / "f.jsonl"), "--workers", "1")
    assert result.exit_code == 1
    errors = [line.split(".jsonl:", 1)[1] for line in error_lines(result)]
    assert [e.split(":", 1)[0] for e in errors] == [str(n) for n in (2, 3, 4, 5, 6, 7, 8, 11)], errors
    assert "'published' is not a date: 'next Tuesday'" in errors[0]
    assert "'url' is not an http(s) URL" in errors[1]
    assert all("'id' must be a string or an integer" in e for e in errors[2:5]), errors
    assert "integer" in errors[5] and "digits" in errors[5] and len(errors[5]) < 200
    assert "'id' is longer than 256 characters" in errors[6]
    assert "id 'r1' is used by line 1 with another text" in errors[7]
    assert rows(db, "SELECT count(*) FROM article") == [(3,)]  # lines 1, 9, 10 (12 repeats line 1)
    assert rows(db, "SELECT count(*) FROM article WHERE version > 1") == [(0,)]


def test_case11_a_database_failure_mid_ingest_says_what_was_committed(tmp_path, fake, monkeypatch):
    from provenance import ingest as ingest_module
    from provenance.errors import DatabaseError

    real = ingest_module.store_batch
    calls = []

    def full_after_one(engine, batch, cache=None):
        calls.append(len(batch))
        if len(calls) > 1:
            raise DatabaseError("cannot write to database x.db: database or disk is full")
        return real(engine, batch, cache)

    monkeypatch.setattr(ingest_module, "store_batch", full_after_one)
    monkeypatch.setattr(ingest_module, "BATCH_SIZE", 2)
    (tmp_path / "f.jsonl").write_text("\n".join(record(i) for i in range(5)) + "\n")
    db = tmp_path / "d.db"
    from provenance.ingest import ingest
    from provenance.store import open_database

    engine = open_database(db)
    with pytest.raises(DatabaseError) as info:
        ingest([str(tmp_path / "f.jsonl")], engine, workers=1, batch_size=2)
    engine.dispose()
    assert str(info.value) == ("cannot write to database x.db: database or disk is full; this run committed "
                               "2 new article(s) before it stopped: they are kept, and running it again adds the rest")
    assert rows(db, "SELECT count(*) FROM article") == [(2,)]


def test_case11_an_html_site_name_with_markup_is_not_the_outlet(tmp_path, fake):
    body = "".join(f"<p>Lund said that the plan number {i} would fail, and everyone agreed with him.</p>"
                   for i in range(6))
    page = ('<html><head><title>T</title><meta property="og:site_name" content="{}">'
            '<meta property="og:url" content="https://news.example.com/a"></head>'
            f"<body><article>{body}</article></body></html>")
    (tmp_path / "a.html").write_text(page.format("&lt;b&gt;[bold red]Evil[/]&lt;/b&gt;"))
    (tmp_path / "b.html").write_text(page.format("Daily News").replace("plan", "scheme"))
    items = [x for x in read_paths([tmp_path]) if not isinstance(x, ReadNote)]
    assert [(x.path.rsplit("/", 1)[1], x.outlet) for x in items] == [("a.html", "example.com"),
                                                                     ("b.html", "Daily News")]


@pytest.mark.parametrize("ref", ["9" * 5000, "0" * 30 + "1"])
def test_case11_ids_of_thousands_of_digits_are_no_crash(tmp_path, corpus, fake, ref):
    db = tmp_path / "i.db"
    run(db, "ingest", str(corpus), "--workers", "1")
    for args, message in ((["source", ref], "no source matches"), (["claims", "--source", ref], "no source matches"),
                          (["claims", "--article", ref], "no article matches")):
        result = run(db, *args)
        if ref.startswith("0"):  # an id with leading zeros is still that id
            assert result.exit_code in (0, 1) and "ValueError" not in result.stderr
            continue
        assert result.exit_code == 1 and result.stderr.startswith(f"Error: {message} "), (args, result.stderr[:200])
    for args in (["chain", "9" * 5000], ["chain", "NaN"], ["chain", "1e999"], ["chain", "True"]):
        result = run(db, *args)
        assert result.exit_code == 2 and "is not a valid integer" in result.stderr, (args, result.stderr[:200])


# ---------------------------------------------------------------- case 10: a server that never answers


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections and never says a word (a hung PostgreSQL)."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held = []
    done = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not done.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    done.set()
    thread.join(5)
    for conn in held:
        conn.close()
    listener.close()


def test_case10_a_server_that_never_answers_times_out_saying_what_it_waited_for(silent_server, monkeypatch):
    import time

    pytest.importorskip("psycopg")
    from provenance.store import db as store_db

    monkeypatch.setattr(store_db, "PG_CONNECT_TIMEOUT_S", 1)  # the default (10 s), shortened for the test
    for url in (f"postgresql://u@127.0.0.1:{silent_server}/news",
                f"postgresql://u@127.0.0.1:{silent_server}/news?connect_timeout=2"):  # the URL's own wins
        started = time.monotonic()
        result = run(url, "claims")
        took = time.monotonic() - started
        wait = 2 if "connect_timeout=2" in url else 1
        assert result.exit_code == 1 and took < wait + 8, took
        assert result.stderr.startswith(f"Error: cannot open database {url}: no answer from the PostgreSQL "
                                        f"server at 127.0.0.1:{silent_server} within {wait} s"), result.stderr
        assert result.stderr.count("\n") == 1


# ---------------------------------------------------------------- case 9: eval on a malformed gold file


def _att(start=0, end=4, parent=None):
    return {"source": {"start": 0, "end": 4}, "cue": {"start": 5, "end": 9},
            "content": {"start": start, "end": end}, "parent": parent}


SPAN_OK = {"id": "a", "text": "Lund said it rained.", "attributions": [_att(10, 19)]}
QUOTE_OK = {"id": "q", "text": "Lund said it rained.", "quotes": [{"content": {"start": 10, "end": 19}}]}


@pytest.mark.parametrize("bad,problem", [
    ({**SPAN_OK, "attributions": [_att(10, 99)]}, "attributions.0.content: offsets 10:99 outside the text"),
    ({**SPAN_OK, "attributions": [_att(15, 10)]}, "attributions.0.content: offsets reversed (15 > 10)"),
    ({**SPAN_OK, "attributions": [_att(-3, 10)]}, "attributions.0.content: offsets -3:10 outside the text"),
    ({**SPAN_OK, "attributions": [_att(10, 19, parent=0)]}, "attributions.0.parent 0 points at itself"),
    ({**SPAN_OK, "attributions": [_att(10, 19, parent=7)]}, "attributions.0.parent 7 is out of range"),
    ({**SPAN_OK, "attributions": [{"content": {"start": "x", "end": 3}}]}, "attributions.0.content.start: Input should"),
    ({"text": "no id", "attributions": []}, "id: Field required"),
    ({**QUOTE_OK, "quotes": [{"content": {"start": 3, "end": 500}}]}, "quotes.0.content: offsets 3:500 outside"),
    ({**QUOTE_OK, "quotes": [{"content": {"start": 9, "end": 2}}]}, "quotes.0.content: offsets reversed"),
    ('{"id": "x", "text": "cut', "malformed JSON: "),
    (b'{"id": "x", "text": "caf\xe9", "attributions": []}', "invalid UTF-8 (byte 0xe9 at column 25)"),
])
def test_case9_a_malformed_gold_file_is_one_line_naming_file_and_line(tmp_path, bad, problem):
    good = SPAN_OK if (isinstance(bad, dict) and "attributions" in bad) or not isinstance(bad, dict) else QUOTE_OK
    line = bad if isinstance(bad, bytes) else (bad if isinstance(bad, str) else json.dumps(bad)).encode()
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(json.dumps(good).encode() + b"\n\n" + line + b"\n")
    result = run(tmp_path / "unused.db", "eval", str(gold))
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    assert result.stderr.startswith(f"Error: {gold}:3: {problem}"), result.stderr
    assert result.stderr.count("\n") == 1 and "validation error" not in result.stderr


def test_case9_a_malformed_chain_suite_line_too(tmp_path):
    gold = tmp_path / "suite.jsonl"
    good = {"id": "s", "text": "Lund said it rained.", "claims": [{"content": "it rained", "kind": "direct", "chain": ["Lund"]}]}
    gold.write_text(json.dumps(good) + "\n" + json.dumps({"id": "t", "claims": [{"chain": ["x"]}]}) + "\n")
    result = run(tmp_path / "unused.db", "eval", str(gold))
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {gold}:2: "), result.stderr
    assert result.stderr.count("\n") == 1


# ---------------------------------------------------------------- case 7: curation across types


def test_case7_alias_add_refuses_other_types_names_of_nothing_and_the_own_name(tmp_path, fake):
    (tmp_path / "a.txt").write_text("T\n\nKestrel Lane said that prices rose.\n")
    (tmp_path / "b.txt").write_text("U\n\nReuters reported that it snowed.\n")
    db = tmp_path / "c.db"
    run(db, "ingest", str(tmp_path), "--workers", "1")
    assert sorted(rows(db, "SELECT name, type FROM source")) == [("Kestrel Lane", "person"), ("Reuters", "outlet")]
    for alias, words in (("Kestrel Lane", "of type person, and source 2 'Reuters' is of type outlet: set the type first"),
                         ("...", "has no letters or digits"), ("Reuters", "is already the name of source"),
                         ("reuters", "is already the name of source")):
        result = run(db, "sources", "alias", "add", "Reuters", alias)
        assert result.exit_code == 1 and words in result.stderr, (alias, result.stderr)
    assert rows(db, "SELECT count(*) FROM source_curation") == [(0,)]  # nothing pinned
    assert sorted(rows(db, "SELECT name, type FROM source")) == [("Kestrel Lane", "person"), ("Reuters", "outlet")]


def test_case7_sources_type_retypes_a_source_for_good(tmp_path, fake):
    (tmp_path / "a.txt").write_text("T\n\nKestrel Lane said that prices rose.\n")
    (tmp_path / "b.txt").write_text("U\n\nReuters reported that it snowed.\n")
    db = tmp_path / "c.db"
    run(db, "ingest", str(tmp_path), "--workers", "1")
    result = run(db, "sources", "type", "Kestrel Lane", "outlet")
    assert result.exit_code == 0 and "type set to outlet" in result.stderr, result.stderr
    assert sorted(rows(db, "SELECT name, type FROM source")) == [("Kestrel Lane", "outlet"), ("Reuters", "outlet")]
    (tmp_path / "c.txt").write_text("V\n\nKestrel Lane said that rents fell.\n")  # the extractor says person again
    run(db, "ingest", str(tmp_path / "c.txt"), "--workers", "1")
    assert sorted(rows(db, "SELECT name, type FROM source")) == [("Kestrel Lane", "outlet"), ("Reuters", "outlet")]
    assert run(db, "sources", "type", "Kestrel Lane", "outlet").exit_code == 1  # already one
    added = run(db, "sources", "alias", "add", "Reuters", "Kestrel Lane")  # now of one type: merged
    assert added.exit_code == 0 and "merged Kestrel Lane" in added.stderr, added.stderr
    assert json.loads(run(db, "source", "Kestrel Lane", "--format", "json").stdout)["name"] == "Reuters"
    assert run(db, "sources", "type", "nobody", "outlet").exit_code == 1
    assert run(db, "sources", "type", "Reuters", "planet").exit_code == 2


def test_case7_split_leaves_the_original_name_to_the_original_source(tmp_path):
    """The real extractor and lexicon: "Bloomberg" is keyed like "Bloomberg News"."""
    (tmp_path / "a.txt").write_text("One\n\nAccording to Bloomberg News, prices rose sharply in March.\n")
    (tmp_path / "b.txt").write_text("Two\n\nBloomberg reported that the bank cut rates.\n")
    db = tmp_path / "b.db"
    run(db, "ingest", str(tmp_path), "--workers", "1")
    assert run(db, "sources", "split", "Bloomberg News", "Bloomberg").exit_code == 0
    (tmp_path / "c.txt").write_text("Three\n\nAccording to Bloomberg News, oil fell.\n")
    run(db, "ingest", str(tmp_path), "--workers", "1")
    chains = {c["text"]: c["chain_text"] for c in json.loads(run(db, "claims", "--format", "json").stdout)}
    assert chains["oil fell"] == "Bloomberg News", chains
    assert rows(db, "SELECT norm FROM source_curation") == [("bloomberg",)]  # not the key 'bloomberg news'

