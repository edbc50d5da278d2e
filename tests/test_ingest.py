"""Ingest orchestration: parallel extraction gives the same database, errors never stop a batch."""

import json

from sqlalchemy import text

from provenance import ingest as ingest_mod
from provenance.ingest import ingest
from provenance.readers import input_size
from provenance.store import open_database

TABLES = ["article", "source", "source_alias", "source_relation", "source_article", "mention", "claim", "citation"]


def snapshot(engine) -> dict:
    """Every row of every table, without the ingest timestamps."""
    out = {}
    with engine.connect() as conn:
        for table in TABLES:
            rows = conn.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2")).mappings().all()
            out[table] = [{k: v for k, v in r.items() if k != "ingested_at"} for r in rows]
    return out


def write_jsonl(path, n: int, bad_every: int = 0) -> None:
    lines = []
    for i in range(n):
        if bad_every and i % bad_every == bad_every - 1:
            lines.append("{broken")
            continue
        relay = "Reuters" if i % 2 else "Associated Press"
        body = (f"Story {i}\n\nAccording to {relay}, the UN report stated that {i} people left. "
                f"Person{i % 7} Smith said that it rained {i} times. Nothing else happened on day {i}.")
        lines.append(json.dumps({"id": f"s{i}", "title": f"Story {i}", "text": body}))
    path.write_text("\n".join(lines) + "\n")


def test_two_workers_store_exactly_what_one_does(tmp_path, fake):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, 90, bad_every=30)  # more than one chunk per worker, with some bad lines
    results = []
    for workers in (1, 2):
        engine = open_database(tmp_path / f"w{workers}.db")
        report = ingest([str(src)], engine, workers=workers, batch_size=25)
        assert (report.added, report.failed) == (87, 3)
        assert [e.line for e in report.errors] == [30, 60, 90]
        results.append(snapshot(engine))
        engine.dispose()
    assert results[0] == results[1]
    assert len(results[0]["citation"]) == 87 * 3


def test_extraction_failure_is_reported_and_the_rest_stored(tmp_path, fake, db):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Title\n\nLund said that it rained.")
    (folder / "b.txt").write_text("Title\n\nThis one will EXPLODE.")
    (folder / "c.bin").write_bytes(b"\x00\x01\x02binary")
    errors = []
    report = ingest([str(folder)], db, workers=1, on_error=errors.append)
    assert report.added == 1 and report.claims == 1
    assert sorted((e.path.rsplit("/", 1)[-1], e.message.split(":")[0]) for e in errors) == [
        ("b.txt", "extraction failed"), ("c.bin", "binary file, not text (it contains NUL bytes)")]
    assert report.errors == errors


def test_report_counts_and_progress(tmp_path, fake, db):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, 40)
    done = []
    report = ingest([str(src)], db, workers=2, batch_size=10,
                    progress=lambda r, n: done.append((r.extracted, r.articles, n)))
    assert (report.added, report.unchanged, report.failed) == (40, 0, 0)
    assert report.claims == 120 and report.words > 0 and report.seconds > 0
    # the bar moves per article as extraction finishes, not per stored batch
    assert [e for e, _, n in done if n] == list(range(1, 41))
    assert [a for _, a, n in done if not n] == [10, 20, 30, 40]  # and its counts as each batch is stored
    assert sum(n for *_, n in done) == input_size([src])
    again = ingest([str(src)], db, workers=1)
    assert (again.added, again.unchanged) == (0, 40)


def test_workers_send_rows_without_the_text(tmp_path, fake, monkeypatch):
    """Workers send prepared rows (plain tuples, no article text) that slice the document's text."""
    import pickle

    from provenance.models import Document
    from provenance.store.rows import PreparedArticle, content_hash

    doc = Document(text="Lund said that it rained.")
    [out] = ingest_mod.extract_chunk([doc])
    assert isinstance(out, PreparedArticle) and out.digest == content_hash(doc.text)
    assert doc.text not in repr(pickle.loads(pickle.dumps(out)).plans)
    start, end, text, *_ = out.claims[0]
    assert doc.text[start:end] == text
    docs = [Document(text=f"Lund said that it rained {i}.") for i in range(40)]
    pairs = list(ingest_mod.extract_all(iter(docs), 2))
    assert [d.text for d, _ in pairs] == [d.text for d in docs]
    assert all(p.digest == content_hash(d.text) for d, p in pairs)


def test_reingest_does_not_extract_again(tmp_path, fake, db, monkeypatch):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, 20)
    first = ingest([str(src)], db, workers=1)

    def must_not_run(doc, options=None):
        raise AssertionError("extracted an article that is already stored")

    monkeypatch.setattr(ingest_mod, "extract", must_not_run)
    again = ingest([str(src)], db, workers=2)
    assert (again.added, again.unchanged, again.failed) == (0, 20, 0)
    assert again.words == first.words


def test_an_unchanged_file_is_skipped_unread(tmp_path, fake, db, monkeypatch):
    """A file recorded in input_file with the same size and mtime (or bytes) is not read again;
    one that changed, or one that had an error, is."""
    import os

    from provenance import readers

    src = tmp_path / "in.jsonl"
    write_jsonl(src, 12)
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(3):
        (folder / f"p{i}.html").write_text(f"<html><head><title>T{i}</title></head><body><article><p>Lund said "
                                           f"that it rained {i} times in Oslo.</p></article></body></html>")
    bad = tmp_path / "bad.jsonl"
    write_jsonl(bad, 4, bad_every=2)
    first = ingest([str(src), str(folder), str(bad)], db, workers=1)
    assert (first.added, first.duplicates, first.failed) == (15, 2, 2)  # bad.jsonl repeats two stories
    old = os.stat(src).st_mtime_ns - 10**10  # as if written long before it was read: its stat is trusted
    os.utime(src, ns=(old, old))
    with db.begin() as conn:
        conn.execute(text("UPDATE input_file SET mtime_ns = :m WHERE path = :p"), {"m": old, "p": str(src)})
    read = []
    real = readers.read_file
    monkeypatch.setattr(readers, "read_file", lambda path: (read.append(path.name), real(path))[1])
    again = ingest([str(src), str(folder), str(bad)], db, workers=1)
    assert read == ["bad.jsonl"]  # the one with errors is read again (and says so again)
    assert (again.added, again.unchanged, again.duplicates, again.failed) == (0, 15, 2, 2)
    assert again.words == first.words and again.files_skipped == 4
    (folder / "p1.html").write_text((folder / "p1.html").read_text().replace("rained", "snowed"))
    read.clear()
    third = ingest([str(folder)], db, workers=1)
    assert read == ["p1.html"] and (third.versions, third.unchanged) == (1, 2)


def _niceness(_: object) -> int:
    import os

    return os.nice(0)


def test_workers_yield_the_cpu_to_the_parent_that_stores_and_indexes():
    import os
    from concurrent.futures import ProcessPoolExecutor

    if not hasattr(os, "nice"):
        return
    with ProcessPoolExecutor(1, mp_context=ingest_mod._context(), initializer=ingest_mod._worker_init,
                             initargs=(os.getpid(),)) as pool:
        worker = pool.submit(_niceness, None).result()
    assert worker == min(19, os.nice(0) + ingest_mod.WORKER_NICE)
