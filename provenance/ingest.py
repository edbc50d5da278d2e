"""Ingest: read inputs, extract readings (in worker processes), store them in batches.

Memory stays bounded whatever the input size: documents are read lazily, at most a few
chunks are in flight in the workers, and a batch is stored and dropped before the next
is gathered. Results are stored in input order, so the database does not depend on the
number of workers.
"""

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from provenance.errors import DatabaseError, ProvenanceError
from provenance.extract import extract
from provenance.extract.options import DEFAULT_OPTIONS, ExtractOptions
from provenance.models import Document, Reading
from provenance.readers import STDIN_LABEL, ReadError, ReadNote, path_label, read_paths
from provenance.store.db import sqlite_file
from provenance.store.rows import PreparedArticle, content_hash, prepare
from provenance.store.writer import (
    ADDED,
    DUPLICATE,
    FAILED,
    UNCHANGED,
    VERSION,
    SourceCache,
    store_batch,
    stored_hashes,
)

BATCH_SIZE = 200  # articles per transaction
BATCH_BYTES = 8 * 1024 * 1024  # ... or fewer, when they are large (a batch costs ~4x its text in memory)
CHUNK_SIZE = 16  # documents per task sent to a worker
STORED = "stored"  # Document.meta flag: its text is already in the database
AHEAD = 4  # chunks in flight per worker, beyond one batch's worth (workers keep busy while a batch is stored)
AHEAD_BYTES = 16 * 1024 * 1024  # ... and at most this much text in flight (large articles: memory stays flat)


@dataclass
class IngestReport:
    """What an ingest did: counts by outcome, the inputs that failed, and how long it took."""

    added: int = 0
    unchanged: int = 0
    duplicates: int = 0  # same text as an article stored from another path
    versions: int = 0
    claims: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[ReadError] = field(default_factory=list)
    notes: list[ReadNote] = field(default_factory=list)  # how inputs were read (not failures)

    @property
    def failed(self) -> int:
        """Inputs (files, lines or articles) that could not be ingested."""
        return len(self.errors)

    @property
    def articles(self) -> int:
        """Articles read successfully, stored or already present."""
        return self.added + self.unchanged + self.duplicates + self.versions

    @property
    def words_per_second(self) -> float:
        """Throughput over the whole run."""
        return self.words / self.seconds if self.seconds else 0.0


Progress = Callable[[IngestReport, int], None]  # (report so far, input bytes just finished)
OnError = Callable[[ReadError], None]
OnNote = Callable[[ReadNote], None]


def ingest(
    paths: Iterable[str],
    engine: Engine,
    *,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    workers: int | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    on_error: OnError | None = None,
    on_note: OnNote | None = None,
    stdin=None,
    extract_options: ExtractOptions = DEFAULT_OPTIONS,
) -> IngestReport:
    """Read, extract and store every article under ``paths``; never raises for a bad input.

    ``workers`` defaults to the number of CPUs; 1 extracts in this process.
    ``extract_options`` go to ``extract()`` in every process (``ingest --tagger``).
    """
    started = time.perf_counter()
    report = IngestReport()
    workers = max(1, workers or os.cpu_count() or 1)

    def fail(err: ReadError) -> None:
        report.errors.append(err)
        if on_error:
            on_error(err)

    items = _mark_stored(read_paths(paths, outlet=outlet, url=url, published=published, stdin=stdin,
                                    skip=_database_files(engine)), engine)
    batch: list[tuple[Document, PreparedArticle]] = []
    cache = SourceCache()  # sources known to the writer, kept across batches
    batch_bytes = 0

    def flush() -> None:
        nonlocal batch, batch_bytes
        if not batch:
            return
        done = sum(d.meta.get("size", 0) for d, _ in batch)
        for res in store_batch(engine, batch, cache):
            if res.status == FAILED:
                fail(ReadError(res.path or STDIN_LABEL, res.line, res.error or "cannot store"))
                continue
            report.words += res.words
            report.claims += res.claims
            if res.status == ADDED:
                report.added += 1
            elif res.status == VERSION:
                report.versions += 1
            elif res.status == UNCHANGED:
                report.unchanged += 1
            elif res.status == DUPLICATE:
                report.duplicates += 1
        batch, batch_bytes = [], 0
        report.seconds = time.perf_counter() - started
        if progress:
            progress(report, done)

    try:
        for item, result in extract_all(items, workers, ahead=batch_size // CHUNK_SIZE + workers * AHEAD,
                                        options=extract_options):
            if isinstance(item, ReadNote):
                report.notes.append(item)
                if on_note:
                    on_note(item)
                continue
            if isinstance(item, ReadError):
                fail(item)
                if progress:
                    progress(report, item.size)
                continue
            if isinstance(result, str):
                fail(ReadError(item.path or STDIN_LABEL, item.meta.get("line"), result))
                if progress:
                    progress(report, item.meta.get("size", 0))
                continue
            batch.append((item, result))
            batch_bytes += len(item.text)
            if len(batch) >= batch_size or batch_bytes >= BATCH_BYTES:
                flush()
        flush()
    except (DatabaseError, OSError, MemoryError, SQLAlchemyError) as exc:
        raise _stopped(exc, report) from exc
    report.seconds = time.perf_counter() - started
    return report


def _stopped(exc: BaseException, report: IngestReport) -> DatabaseError:
    """The error that stopped an ingest (disk full, a file-size or open-files limit, a lost
    database), saying how many articles this run committed before it: they are safe, and
    running the same command again adds only the rest."""
    if isinstance(exc, ProvenanceError):
        why = str(exc)
    elif isinstance(exc, OSError):
        why = f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    else:
        why = f"{exc.__class__.__name__}: {exc}"
    done = report.added + report.versions
    return DatabaseError(f"{why}; this run committed {done} new article(s) before it stopped: "
                         "they are kept, and running it again adds the rest")


def extract_all(
    items: Iterable[Document | ReadError], workers: int, ahead: int | None = None,
    options: ExtractOptions = DEFAULT_OPTIONS,
) -> Iterator[tuple[Document | ReadError, PreparedArticle | str | None]]:
    """Pair each item with its prepared rows (or an error message), in input order.

    With several workers, chunks of documents go to a process pool, at most ``ahead``
    chunks (and ``AHEAD_BYTES`` of text) at a time (a plain ``Pool.imap`` would read the
    whole input ahead of the pool). ``options`` travel with every chunk, so the workers
    extract as this process would.
    Inputs that fit in one chunk are extracted here: a pool is not worth starting.
    """
    chunks = _chunks(items, CHUNK_SIZE)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if workers == 1 or second is None:
        for chunk in [first] if second is None else [first, second]:
            yield from _pair(chunk, extract_chunk(_docs(chunk), options))
        for chunk in chunks:
            yield from _pair(chunk, extract_chunk(_docs(chunk), options))
        return
    ahead = ahead or workers * AHEAD
    pending: deque[tuple[list, Future]] = deque()
    in_flight = 0  # characters of text in pending chunks

    def text_size(chunk: list) -> int:
        return sum(len(d.text) for d in _docs(chunk))

    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_worker_init,
                             initargs=(os.getpid(),)) as pool:
        def submit(chunk: list) -> None:
            nonlocal in_flight
            pending.append((chunk, pool.submit(extract_chunk, _docs(chunk), options)))
            in_flight += text_size(chunk)

        try:
            submit(first)
            submit(second)
            for chunk in chunks:
                submit(chunk)
                while len(pending) >= ahead or (len(pending) > 1 and in_flight > AHEAD_BYTES):
                    done = pending.popleft()
                    in_flight -= text_size(done[0])
                    yield from _finish(*done)
            while pending:
                yield from _finish(*pending.popleft())
        except BaseException:  # Ctrl-C, or the caller stopped (e.g. the database failed): drop queued work
            _stop_pool(pool)
            raise


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Drop queued work, end the workers (they ignore Ctrl-C) and wait for the pool's manager
    thread. ``shutdown(wait=False)`` left that thread running into interpreter exit, where
    it raced CPython's exit hook on a closed pipe ("OSError: [Errno 9] Bad file descriptor"
    after "Interrupted.", issue 11)."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        if proc.is_alive():
            proc.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def extract_chunk(docs: list[Document], options: ExtractOptions = DEFAULT_OPTIONS) -> list[PreparedArticle | str]:
    """Extract each document and prepare its rows for the writer (``provenance.store.rows``);
    a failure becomes its message. Runs in worker processes.

    The rows carry no text (the parent has it), so each article crosses the process
    boundary once, as plain tuples. Documents already stored (marked by ``_mark_stored``)
    get empty rows: the writer will only report them unchanged.
    """
    out: list[PreparedArticle | str] = []
    for doc in docs:
        if doc.meta.get(STORED):
            out.append(prepare(doc, Reading(text=doc.text)))
            continue
        try:
            out.append(prepare(doc, extract(doc, options)))
        except Exception as exc:  # one bad article must not stop the batch
            out.append(f"extraction failed: {exc.__class__.__name__}: {exc}")
    return out


def _database_files(engine: Engine) -> set[str]:
    """The SQLite database's own files, so that ``ingest .`` beside it does not read them."""
    file = sqlite_file(engine.url) if engine.dialect.name == "sqlite" else None
    if file is None:
        return set()
    base = path_label(file)
    return {base + suffix for suffix in ("", "-wal", "-shm", "-journal")}


def _mark_stored(items: Iterable[Document | ReadError], engine: Engine) -> Iterator[Document | ReadError]:
    """Mark the documents whose text is already in the database, so re-ingest skips extraction."""
    for chunk in _chunks(items, 64):
        docs = [d for d in chunk if isinstance(d, Document)]
        if docs:
            hashes = {content_hash(d.text): d for d in docs}
            for digest in stored_hashes(engine, list(hashes)):
                hashes[digest].meta[STORED] = True
        yield from chunk


def _finish(chunk: list, future: Future) -> Iterator[tuple[Document | ReadError, PreparedArticle | str | None]]:
    """Wait for one chunk's rows and pair them with its items."""
    yield from _pair(chunk, future.result())


def _pair(chunk: list, results: list) -> Iterator[tuple[Document | ReadError, PreparedArticle | str | None]]:
    """Match results (one per Document) back to the chunk's items, errors and notes passing through."""
    it = iter(results)
    for item in chunk:
        yield item, (next(it) if isinstance(item, Document) else None)


def _docs(chunk: list) -> list[Document]:
    """The documents of a chunk (read errors need no extraction)."""
    return [x for x in chunk if isinstance(x, Document)]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _worker_init(parent: int) -> None:
    """Set up a worker: leave Ctrl-C to the parent (which stops the pool and says so, rather
    than every worker printing a traceback), and exit when the parent is gone (after a
    ``kill -9`` no orphan worker is left waiting for work forever)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _context():
    """fork where it is available and safe (fast start, lexicons shared), else the default."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
