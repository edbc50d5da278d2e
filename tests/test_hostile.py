"""Hostile input and failures (issue 5), in process: every bad input gets one clear line naming
it (and its line), the rest of the batch goes in, the exit code says something failed; bad
databases and hostile query strings get one clear error, never a traceback.

The cases that need real processes (kill -9, two ingests at once, a locked database, a
50 MB file's memory, real file permissions) are in test_hostile_processes.py.
"""

import codecs
import io
import json
import os
import sqlite3
import struct
import threading
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ARTICLE_A
from fakes import fake_extract
from sqlalchemy import text

from cli.main import cli
from provenance import readers
from provenance.errors import DatabaseError
from provenance.models import Document
from provenance.readers import ReadError, ReadNote, parse_text, read_paths, read_stream
from provenance.store import db as store_db
from provenance.store import open_database
from provenance.store.writer import store_batch

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


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def zip_bytes() -> bytes:
    """A real zip archive holding a text file."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("article.txt", GOOD * 20)
    return buf.getvalue()


# ---------------------------------------------------------------- a folder of anything


def test_a_folder_of_bad_inputs_reports_each_once_and_ingests_the_rest(tmp_path, fake):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\r\n   ")
    (folder / "photo.png").write_bytes(png_bytes())
    (folder / "bundle.zip").write_bytes(zip_bytes())
    (folder / "picture").write_bytes(png_bytes())  # no extension: sniffed
    (folder / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "ok1", "text": "AP reported that it snowed."}),
        '{"id": "cut", "text": "Reuters reported',
        json.dumps({"id": "notext", "title": "no text here"}),
        json.dumps({"id": "ok2", "text": "Lund said that it rained."}),
        json.dumps({"id": "num", "text": 123}),
    ]) + "\n")
    (folder / "nav-only.html").write_text(
        "<html><head><title>Home</title></head><body><header><a href='/'>Home</a></header>"
        "<nav><a href='/a'>About</a> <a href='/c'>Contact</a></nav><footer>Copyright 2024</footer></body></html>")
    os.symlink(folder, folder / "sub" / "loop")
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    db = tmp_path / "x.db"

    result = run(db, "ingest", str(folder), str(tmp_path / "missing.txt"), "--workers", "1")

    assert result.exit_code == 1
    expected = [  # (path tail, line, words of the message)
        ("blank.txt", None, "holds only whitespace"),
        ("bundle.zip", None, "binary file, not text"),
        ("dangling.txt", None, "broken symbolic link"),
        ("empty.txt", None, "empty file"),
        ("feed.jsonl", 2, "malformed JSON"),
        ("feed.jsonl", 3, "record has no 'text'"),
        ("feed.jsonl", 5, "'text' is empty or not a string"),
        ("nav-only.html", None, "no article text found"),
        ("photo.png", None, "binary file, not text"),
        ("picture", None, "binary file, not text"),
        ("sub/loop", None, "symbolic link loop"),
        ("missing.txt", None, "no such file or directory"),
    ]
    lines = error_lines(result)
    assert len(lines) == len(expected), lines
    for tail, line, words in expected:
        where = f"{tail}:{line}: " if line else f"{tail}: "
        hits = [x for x in lines if where in x and words in x]
        assert len(hits) == 1, (tail, line, words, lines)
    assert "3 added" in result.stderr and f"{len(expected)} input(s) failed" in result.stderr
    assert sorted(p.rsplit("/", 1)[1] for (p,) in rows(db, "SELECT path FROM article")) == [
        "feed.jsonl#ok1", "feed.jsonl#ok2", "good.txt"]
    # the run is repeatable: the same errors, nothing added twice
    again = run(db, "ingest", str(folder), "--workers", "1")
    assert again.exit_code == 1 and "0 added, 3 unchanged" in again.stderr
    assert rows(db, "SELECT count(*) FROM article") == [(3,)]


def test_database_files_inside_the_ingested_folder_are_not_read(tmp_path, fake):
    """`provenance ingest .` where provenance.db lives: the database is not an input."""
    (tmp_path / "a.txt").write_text(GOOD)
    db = tmp_path / "provenance.db"
    run(db, "ingest", str(tmp_path / "a.txt"), "--workers", "1")
    result = run(db, "ingest", str(tmp_path), "--workers", "1")
    assert result.exit_code == 0 and error_lines(result) == [], result.stderr
    named = run(db, "ingest", str(db))
    assert named.exit_code == 1 and "this is the database being written to" in named.stderr


def test_malformed_jsonl_on_stdin_names_the_line(tmp_path, fake):
    data = json.dumps({"text": "AP reported that it snowed."}) + "\n{oops\n" + json.dumps({"text": "Lund said so."})
    result = run(tmp_path / "s.db", "ingest", "-", input=data)
    assert result.exit_code == 1
    assert error_lines(result) == ["error: <stdin>:2: malformed JSON: Expecting property name enclosed in "
                                   "double quotes (column 2)"]
    assert rows(tmp_path / "s.db", "SELECT count(*) FROM article") == [(2,)]


# ---------------------------------------------------------------- encodings: the stored text is right


@pytest.mark.parametrize("name,data,expected", [
    ("latin1.txt", "T\n\nLe ministre a déclaré: «c'est prêt», à 9h.".encode("latin-1"),
     "T\n\nLe ministre a déclaré: «c'est prêt», à 9h."),
    ("cp1252.txt", "T\n\nHe said “it’s done” – the € fell… again.".encode("cp1252"),
     "T\n\nHe said “it’s done” – the € fell… again."),
    ("bom8.txt", codecs.BOM_UTF8 + "Café\n\nThe “quoted” naïve text.".encode(),
     "Café\n\nThe “quoted” naïve text."),
    ("le16.txt", "Naïve ☃\r\n\r\nZoë said “yes”.\r\n".encode("utf-16"),  # BOM, little-endian here
     "Naïve ☃\n\nZoë said “yes”.\n"),
    ("be16.txt", codecs.BOM_UTF16_BE + "Ünïcode 🎉\n\nBody text.".encode("utf-16-be"),
     "Ünïcode 🎉\n\nBody text."),
    ("cp.jsonl", b'{"id": "c1", "text": "caf\xe9 \x93quoted\x94 \x80 5"}\n', "café “quoted” € 5"),
    ("u16.jsonl", (json.dumps({"id": "u1", "text": "Zoë ☃ said so."}, ensure_ascii=False) + "\n").encode("utf-16"),
     "Zoë ☃ said so."),
    ("broken-emoji.jsonl", b'{"id": "e1", "text": "half an emoji \\ud83d here"}\n', "half an emoji \ufffd here"),
])
def test_encodings_are_decoded_and_stored_right(tmp_path, fake, name, data, expected):
    (tmp_path / name).write_bytes(data)
    db = tmp_path / "e.db"
    result = run(db, "ingest", str(tmp_path / name), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    assert rows(db, "SELECT text FROM article") == [(expected,)]


def test_file_names_that_are_not_utf8_are_stored_escaped(tmp_path, fake):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as fh:
        fh.write(GOOD.encode())
    db = tmp_path / "n.db"
    result = run(db, "ingest", str(folder), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    [(path,)] = rows(db, "SELECT path FROM article")
    assert path.endswith("/caf\\xe9.txt")


# ---------------------------------------------------------------- permissions (simulated: tests run as root too)


def test_folder_and_file_without_permission_are_named_and_the_rest_ingested(tmp_path, fake, monkeypatch):
    """Root reads anything, so the denial is simulated here; test_hostile_processes.py does it
    for real as an unprivileged user."""
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "x.txt").write_text(GOOD)
    (folder / "secret.txt").write_text(GOOD.replace("prices", "rents"))
    (folder / "ok.txt").write_text(GOOD.replace("prices", "wages"))
    real_scandir, real_open = os.scandir, open

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def guarded_open(path, *args, **kwargs):
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(readers.os, "scandir", scandir)
    monkeypatch.setattr(readers, "open", guarded_open, raising=False)
    db = tmp_path / "p.db"
    result = run(db, "ingest", str(folder), "--workers", "1")
    assert result.exit_code == 1
    assert sorted(error_lines(result)) == [f"error: {folder}/locked: permission denied",
                                           f"error: {folder}/secret.txt: permission denied"]
    assert rows(db, "SELECT count(*) FROM article") == [(1,)]


# ---------------------------------------------------------------- a text file too large to be one article


@pytest.fixture
def small_parts(monkeypatch):
    """Shrink the thresholds so the part-splitting logic is tested on small inputs."""
    monkeypatch.setattr(readers, "LARGE_TEXT_BYTES", 4096)
    monkeypatch.setattr(readers, "TEXT_PART_BYTES", 1024)


def paragraphs(n: int) -> str:
    return "".join(f"Paragraph {i}: the café said “{'é' * (i % 5)}” that ☃ item {i} moved on.\n"
                   f"A second line of paragraph {i}.\n\n" for i in range(n))


def test_large_text_is_read_in_parts_cut_at_paragraph_breaks(tmp_path, small_parts):
    body = paragraphs(300)
    (tmp_path / "big.txt").write_text(body, encoding="utf-8")
    items = list(read_paths([tmp_path / "big.txt"]))
    assert isinstance(items[0], ReadNote) and "too large to be one article" in items[0].message
    parts = items[1:]
    assert all(isinstance(p, Document) for p in parts) and len(parts) > 5
    assert "".join(p.text for p in parts) == body  # nothing lost, nothing added
    assert all(len(p.text.encode("utf-8")) <= 1024 for p in parts)
    assert all(p.text.endswith("\n\n") for p in parts[:-1])  # cut between paragraphs
    assert [p.path for p in parts] == [f"{tmp_path / 'big.txt'}#part{i}" for i in range(1, len(parts) + 1)]
    line = 1
    for p in parts:  # each part knows the line of the file it starts at
        assert p.meta["line"] == line and p.title == p.text.split("\n", 1)[0]
        line += p.text.count("\n")


def test_large_text_without_breaks_is_cut_between_characters(tmp_path, small_parts):
    body = "é☃" * 3000  # no whitespace at all: hard cuts, never inside a UTF-8 character
    (tmp_path / "wall.txt").write_text(body, encoding="utf-8")
    parts = [p for p in read_paths([tmp_path / "wall.txt"]) if isinstance(p, Document)]
    assert "".join(p.text for p in parts) == body and len(parts) > 5


def test_large_utf16_and_cp1252_texts_in_parts(tmp_path, small_parts):
    body = paragraphs(200)
    (tmp_path / "u16.txt").write_bytes(body.encode("utf-16"))
    parts = [p for p in read_paths([tmp_path / "u16.txt"]) if isinstance(p, Document)]
    assert "".join(p.text for p in parts) == body and len(parts) > 5
    latin = body.replace("☃", "§").replace("“", "«").replace("”", "»")
    (tmp_path / "cp.txt").write_bytes(latin.encode("cp1252"))
    parts = [p for p in read_paths([tmp_path / "cp.txt"]) if isinstance(p, Document)]
    assert "".join(p.text for p in parts) == latin


def test_binary_garbage_inside_a_large_text_skips_only_that_part(tmp_path, small_parts):
    before, after = paragraphs(150), paragraphs(40)  # the garbage lies past the first 8 KiB sniffed
    data = before.encode() + b"\x00\x01\x02 junk \x00" * 50 + b"\n\n" + after.encode()
    (tmp_path / "mixed.txt").write_bytes(data)
    items = list(read_paths([tmp_path / "mixed.txt"]))
    errors = [x for x in items if isinstance(x, ReadError)]
    assert len(errors) == 1 and "binary" in errors[0].message and errors[0].line == before.count("\n") + 1
    texts = "".join(x.text for x in items if isinstance(x, Document))
    assert before in texts and after.strip() in texts


def test_large_text_is_streamed_not_loaded_whole(small_parts):
    class Source(io.RawIOBase):
        """An endless text stream that counts how much has been read."""

        def __init__(self):
            self.given = 0

        def readable(self):
            return True

        def readinto(self, buf):
            chunk = (b"Some words of a paragraph here.\n\n" * 64)[:len(buf)]
            buf[:len(chunk)] = chunk
            self.given += len(chunk)
            return len(chunk)

    source = Source()
    items = read_stream(io.BufferedReader(source, buffer_size=512))
    assert isinstance(next(items), ReadNote)
    first = next(items)
    assert isinstance(first, Document) and first.path is None
    for _ in range(20):
        next(items)
    # 21 parts of ~1 KiB read from an endless stream: never more than the head and a few blocks
    assert source.given <= readers.LARGE_TEXT_BYTES + 25 * 1024 + 4096


def test_large_text_through_the_cli_says_so_and_reingest_adds_nothing(tmp_path, fake, small_parts):
    (tmp_path / "dump.txt").write_text(paragraphs(200))
    db = tmp_path / "d.db"
    result = run(db, "ingest", str(tmp_path / "dump.txt"), "--workers", "1")
    assert result.exit_code == 0
    assert "note: " in result.stderr and "dump.txt#part1, #part2, ..." in result.stderr
    [(n,)] = rows(db, "SELECT count(*) FROM article")
    assert n > 5 and f"{n} added" in result.stderr
    again = run(db, "ingest", str(tmp_path / "dump.txt"), "-q")
    assert again.exit_code == 0 and again.stderr == ""
    assert rows(db, "SELECT count(*) FROM article") == [(n,)]


def test_json_too_large_to_parse_whole_is_refused_with_a_way_out(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "LARGE_TEXT_BYTES", 1024)
    monkeypatch.setattr(readers, "WHOLE_FILE_MAX_BYTES", 4096)
    (tmp_path / "all.json").write_text(json.dumps([{"text": f"Article {i} text."} for i in range(500)]))
    [err] = list(read_paths([tmp_path / "all.json"]))
    assert isinstance(err, ReadError) and "too large to read whole" in err.message and "jq -c" in err.message


# ---------------------------------------------------------------- re-ingest and edits


def test_edited_file_becomes_a_new_version_through_the_cli(tmp_path, corpus, fake):
    db = tmp_path / "v.db"
    run(db, "ingest", str(corpus), "--workers", "1")
    (corpus / "a.txt").write_text(ARTICLE_A.replace("The weather was fine.", "The weather was awful."))
    result = run(db, "ingest", str(corpus), "--workers", "1")
    assert "0 added, 1 unchanged, 0 duplicate(s), 1 new version(s)" in result.stderr
    assert rows(db, "SELECT version, is_current FROM article WHERE path LIKE '%a.txt' ORDER BY id") == [(1, 0), (2, 1)]
    listed = json.loads(run(db, "articles", "--format", "json").stdout)
    assert len(listed) == 2 and {a["version"] for a in listed} == {1, 2}
    again = run(db, "ingest", str(corpus), "-q")
    assert again.exit_code == 0 and rows(db, "SELECT count(*) FROM article") == [(3,)]


# ---------------------------------------------------------------- databases


def test_database_in_a_missing_folder_is_created_with_its_folder(tmp_path, corpus, fake):
    db = tmp_path / "new" / "deeper" / "p.db"
    assert run(db, "claims").stderr.startswith("Error: no database at")  # reading creates nothing
    assert not db.parent.exists()
    result = run(db, "ingest", str(corpus), "--workers", "1")
    assert result.exit_code == 0 and db.is_file()


@pytest.mark.parametrize("content", [b"just some text, not a database\n" * 50, os.urandom(8192)])
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path, corpus, content):
    bad = tmp_path / "notes.db"
    bad.write_bytes(content)
    for args in (["ingest", str(corpus)], ["claims"], ["sources"]):
        result = run(bad, *args)
        assert result.exit_code == 1
        assert result.stderr == f"Error: cannot open database {bad}: file is not a database\n"
    assert bad.read_bytes() == content


def test_another_applications_sqlite_file_is_refused_and_left_alone(tmp_path, corpus):
    other = tmp_path / "app.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.execute("INSERT INTO notes VALUES ('keep me')")
    con.commit()
    con.close()
    before = other.read_bytes()
    result = run(other, "ingest", str(corpus))
    assert result.exit_code == 1 and "is not a provenance database (it holds other tables: notes)" in result.stderr
    assert other.read_bytes() == before


def test_a_folder_given_as_the_database(tmp_path):
    result = run(tmp_path, "articles")
    assert result.exit_code == 1 and result.stderr == f"Error: cannot open database {tmp_path}: it is a folder\n"


def test_newer_schema_refuses_ingest_too_and_changes_nothing(tmp_path, corpus, fake):
    db = tmp_path / "n.db"
    run(db, "ingest", str(corpus), "--workers", "1")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2100-01-01')")
    con.commit()
    con.close()
    (corpus / "c.txt").write_text(GOOD)
    result = run(db, "ingest", str(corpus))
    assert result.exit_code == 1
    assert "schema version 999, newer than this provenance knows" in result.stderr
    assert rows(db, "SELECT count(*) FROM article") == [(2,)]


def test_read_only_database_can_be_queried_but_not_written(tmp_path, corpus, fake):
    """A ``mode=ro`` URL is read-only for root too (file permissions are tested for real in
    test_hostile_processes.py)."""
    db = tmp_path / "r.db"
    run(db, "ingest", str(corpus), "--workers", "1")
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    claims = json.loads(run(url, "claims", "--format", "json").stdout)
    assert len(claims) == 7
    (corpus / "c.txt").write_text(GOOD)
    result = run(url, "ingest", str(corpus))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (f"Error: cannot write to database {db}: attempt to write a readonly database: "
                             "the database is read-only (check the file's permissions)\n")
    assert rows(db, "SELECT count(*) FROM article") == [(2,)]


@pytest.fixture
def held_lock(tmp_path, monkeypatch):
    """A database another connection holds the write lock of, and a busy timeout of 0.3 s."""
    db = tmp_path / "busy.db"
    open_database(db).dispose()
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    yield db
    holder.execute("ROLLBACK")
    holder.close()


def test_a_database_locked_for_longer_than_the_timeout_gives_one_clear_error(held_lock, corpus, fake):
    result = run(held_lock, "ingest", str(corpus), "--workers", "1")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: cannot write to database {held_lock}: database is locked: another process is "
                             "writing to it and has not finished within 0.3 s; try again when it is done\n")
    # queries still work meanwhile (WAL: readers do not wait for writers)
    assert run(held_lock, "articles", "--format", "json").stdout.strip() == "[]"


def test_writer_does_not_blame_articles_for_a_locked_database(held_lock):
    """A database-wide failure mid-ingest stops with one error instead of failing every article."""
    engine = open_database(held_lock)
    doc = parse_text(ARTICLE_A).model_copy(update={"path": "/a.txt"})
    with pytest.raises(DatabaseError, match="database is locked"):
        store_batch(engine, [(doc, fake_extract(doc))])
    engine.dispose()


def test_queries_while_a_write_is_in_progress(tmp_path, corpus, fake):
    db = tmp_path / "w.db"
    run(db, "ingest", str(corpus), "--workers", "1")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("DELETE FROM claim_fts_sync")  # an uncommitted write
    try:
        done = []
        t = threading.Thread(target=lambda: done.append(run(db, "claims", "--format", "json")))
        t.start()
        t.join(20)
        assert done and done[0].exit_code == 0 and len(json.loads(done[0].stdout)) == 7
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# ---------------------------------------------------------------- query inputs are data


@pytest.fixture
def loaded_db(tmp_path, corpus, fake):
    db = tmp_path / "q.db"
    run(db, "ingest", str(corpus), "--workers", "1")
    return db


HOSTILE = ['AND OR "unbalanced', "O'Brien; DROP TABLE claim; --", "100%", "_", "--", ";", '"', "'",
           "x' OR '1'='1", "NEAR(", "(((", "*", "^", "a AND", "NOT", "nosuchcolumn:x", "text:secret",
           "{a b}", "[x]", "a + b", "ünïcode ☃", "\\", "%' --", "a" * 5000]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_search_strings_are_data(loaded_db, hostile):
    result = run(loaded_db, "claims", "--search", hostile, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


@pytest.mark.parametrize("hostile", HOSTILE + ["99999999999999999999999", "²", " "])
def test_names_and_ids_are_data(loaded_db, hostile):
    for args, message in ((["claims", "--source", hostile], "no source matches"),
                          (["claims", "--article", hostile], "no article matches"),
                          (["source", hostile], "no source matches")):
        result = run(loaded_db, *args, "--format", "json")
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.startswith(f"Error: {message} "), (args, result.stderr)
    assert rows(loaded_db, "SELECT count(*) FROM claim") == [(7,)]  # nothing was dropped


def test_search_finds_text_with_quotes_and_syntax_characters(tmp_path, fake):
    (tmp_path / "q.txt").write_text("T\n\nMr O'Brien said that O'Neil's 100% of \"AND\" votes were cast.\n")
    db = tmp_path / "t.db"
    run(db, "ingest", str(tmp_path / "q.txt"), "--workers", "1")
    for q in ["O'Neil's", '"AND" votes', "100%", "votes AND cast", "AND", "cast;", "O'Neil's 100%"]:
        found = json.loads(run(db, "claims", "--search", q, "--format", "json").stdout)
        assert [c["text"] for c in found] == ['O\'Neil\'s 100% of "AND" votes were cast'], q
    assert json.loads(run(db, "source", "O'Brien", "--format", "json").stdout)["name"] == "Mr O'Brien"
    assert len(json.loads(run(db, "claims", "--source", "o'brien", "--format", "json").stdout)) == 1


@pytest.mark.parametrize("args", [["chain", "99999999999999999999999"], ["articles", "--limit", "99999999999999999999999"],
                                  ["sources", "--limit", "99999999999999999999999"]])
def test_huge_numbers_are_not_a_crash(loaded_db, args):
    result = run(loaded_db, *args)
    if args[0] == "chain":
        assert result.exit_code == 1 and result.stderr == "Error: no claim with id 99999999999999999999999\n"
    else:
        assert result.exit_code == 0


def test_debug_lets_the_exception_through(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    result = CliRunner().invoke(cli, ["--db", str(bad), "--debug", "claims"])
    assert isinstance(result.exception, DatabaseError)
    with open_database(tmp_path / "fine.db").connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
