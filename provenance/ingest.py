"""Ingest: read inputs, extract readings (in worker processes), store them in batches.

Memory stays bounded whatever the input size: documents are read lazily, at most a few
chunks are in flight in the workers, and a batch is stored and dropped before the next
is gathered. Results are stored in input order, so the database does not depend on the
number of workers.
"""

import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from provenance.errors import DatabaseError, ProvenanceError
from provenance.extract.options import DEFAULT_OPTIONS, ExtractOptions
from provenance.models import Document, Reading
from provenance.overlaps import comparable_features
from provenance.readers import (
    STDIN_LABEL,
    FileDone,
    FileUnchanged,
    ReadError,
    ReadNote,
    path_label,
    read_paths,
)
from provenance.store.db import begin_write, sqlite_file
from provenance.store.overlap_index import (
    ClaimCache,
    Known,
    NewClaim,
    add_seconds,
    ensure_fresh,
    index_new_claims,
    pack,
)
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
WORKER_NICE = 5  # extraction workers run this much nicer than the parent, the single writer: on a busy
# machine the batch being stored and indexed is what everyone waits for (docs/benchmarks.md, issue 13)
AHEAD = 4  # chunks in flight per worker, beyond one batch's worth (workers keep busy while a batch is stored)
AHEAD_BYTES = 16 * 1024 * 1024  # ... and at most this much text in flight (large articles: memory stays flat)
RACY_NS = 2_000_000_000  # a file modified this close to when it was read is hashed, never trusted on its stat
HASH_BLOCK = 1 << 20


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
    extracted: int = 0  # articles read and extracted (or found stored) so far: what the bar counts
    extracted_words: int = 0  # ... and their words
    files_skipped: int = 0  # files recognised unchanged (size, mtime, sha256) and not read
    overlap_seconds: float = 0.0  # spent keeping the overlap index current (the writer's wall time)
    overlap_cpu_seconds: float = 0.0  # its CPU: the writer's, and the workers' for the claims' features

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


Progress = Callable[[IngestReport, int], None]  # (report so far, input bytes just finished), per article
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
    files = _InputFiles(engine)
    features = OverlapFeatures()  # claim text -> overlap features, packed, computed by the workers
    known = features.known
    recent = ClaimCache()  # features of the claims indexed last (overlap_index)

    def fail(err: ReadError) -> None:
        report.errors.append(err)
        files.spoilt(err.path)
        if on_error:
            on_error(err)

    def advance(size: int) -> None:
        report.seconds = time.perf_counter() - started
        if progress:
            progress(report, size)

    items = _mark_stored(read_paths(paths, outlet=outlet, url=url, published=published, stdin=stdin,
                                    skip=_database_files(engine), unchanged=files.unchanged), engine)
    batch: list[tuple[Document, PreparedArticle]] = []
    cache = SourceCache()  # sources known to the writer, kept across batches
    batch_bytes = 0

    recorded = (0.0, 0.0)  # the index's wall and CPU seconds that overlap_state holds

    @contextmanager
    def indexing() -> Iterator[None]:
        """Count the block's wall and CPU time as the index's (report.overlap_seconds, _cpu_seconds)."""
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            report.overlap_seconds += time.perf_counter() - t0
            report.overlap_cpu_seconds += time.thread_time() - c0

    def unrecorded() -> tuple[float, float]:
        """The index's wall and CPU seconds (the workers' features included) not yet in overlap_state,
        now taken as recorded."""
        nonlocal recorded
        now = (report.overlap_seconds, report.overlap_cpu_seconds + features.cpu_seconds)
        out, recorded = (now[0] - recorded[0], now[1] - recorded[1]), now
        return out

    def flush() -> None:
        nonlocal batch, batch_bytes
        if batch:
            results = store_batch(engine, batch, cache)
            stored: list[NewClaim] = []  # the claims just stored, for the overlap index
            for (doc, prep), res in zip(batch, results, strict=True):
                if res.status == FAILED:
                    fail(ReadError(res.path or STDIN_LABEL, res.line, res.error or "cannot store"))
                    files.spoilt(doc.meta.get("file"))
                    continue
                files.count(doc.meta.get("file"), res.status, res.words)
                report.words += res.words
                report.claims += res.claims
                if res.status in (ADDED, VERSION) and (aid := res.article_id) is not None:
                    stored += [(cid, aid, claim[2]) for cid, claim in zip(res.claim_ids, prep.claims, strict=True)]
                if res.status == ADDED:
                    report.added += 1
                elif res.status == VERSION:
                    report.versions += 1
                elif res.status == UNCHANGED:
                    report.unchanged += 1
                elif res.status == DUPLICATE:
                    report.duplicates += 1
            if any(r.status in (ADDED, VERSION) for r in results):
                with indexing(), begin_write(engine) as conn:  # the overlap index follows each batch (groups at the end)
                    if report.overlap_seconds > recorded[0]:  # the batches before: a stopped ingest still tells it
                        add_seconds(conn, *unrecorded())
                    index_new_claims(conn, known, recent, stored)
            for _, prep in batch:
                for claim in prep.claims:
                    known.pop(claim[2], None)
        files.record()
        if batch:
            batch, batch_bytes = [], 0
            advance(0)  # the counts of what was stored

    try:
        for item, result in extract_all(items, workers, ahead=batch_size // CHUNK_SIZE + workers * AHEAD,
                                        options=extract_options, features_out=features):
            if isinstance(item, FileUnchanged):
                files.skipped(item.path, report)
                advance(item.size)
                continue
            if isinstance(item, FileDone):
                files.done(item)
                continue
            if isinstance(item, ReadNote):
                report.notes.append(item)
                files.spoilt(item.path)
                if on_note:
                    on_note(item)
                continue
            if isinstance(item, ReadError):
                fail(item)
                advance(item.size)
                continue
            if isinstance(result, str):
                fail(ReadError(item.path or STDIN_LABEL, item.meta.get("line"), result))
                files.spoilt(item.meta.get("file"))
                advance(item.meta.get("size", 0))
                continue
            assert result is not None
            batch.append((item, result))
            batch_bytes += len(item.text)
            report.extracted += 1
            report.extracted_words += result.words
            advance(item.meta.get("size", 0))
            if len(batch) >= batch_size or batch_bytes >= BATCH_BYTES:
                flush()
        flush()
        if report.added or report.versions:
            with indexing():
                ensure_fresh(engine)  # the groups, from the pairs indexed batch by batch: `overlaps` only reads
            with begin_write(engine) as conn:
                add_seconds(conn, *unrecorded())
    except (DatabaseError, OSError, MemoryError, SQLAlchemyError) as exc:
        raise _stopped(exc, report) from exc
    report.seconds = time.perf_counter() - started
    report.overlap_cpu_seconds += features.cpu_seconds  # the writer's, and now the workers'
    return report


class _InputFiles:
    """The ``input_file`` table for one ingest: which files to skip unread, and the files read
    whole without an error or a note, recorded after their last article is stored."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        with engine.connect() as conn:
            self.known = {row[0]: row[1:] for row in conn.execute(text(
                "SELECT path, size, mtime_ns, sha256, checked_ns, articles, duplicates, words FROM input_file"))}
        self.counts: dict[str, list[int]] = {}  # path -> [articles, duplicates, words] stored so far
        self.bad: set[str] = set()
        self.finished: list[FileDone] = []

    def unchanged(self, path: str, st: os.stat_result) -> bool:
        """Whether ``path`` is the file recorded: same size, and the same mtime (taken well before it
        was read) or else the same sha256."""
        rec = self.known.get(path)
        if rec is None or rec[0] != st.st_size:
            return False
        if rec[1] == st.st_mtime_ns and st.st_mtime_ns + RACY_NS < rec[3]:
            return True
        return _sha256(path) == rec[2]

    def skipped(self, path: str, report: IngestReport) -> None:
        """Count a file skipped unread as what it held: its articles unchanged (or duplicates)."""
        _, _, _, _, articles, duplicates, words = self.known[path]
        report.unchanged += articles
        report.duplicates += duplicates
        report.words += words
        report.extracted += articles + duplicates
        report.extracted_words += words
        report.files_skipped += 1

    def count(self, path: str | None, status: str, words: int) -> None:
        if path is None:
            return
        c = self.counts.setdefault(path, [0, 0, 0])
        c[1 if status == DUPLICATE else 0] += 1
        c[2] += words

    def spoilt(self, path: str | None) -> None:
        """A file with an error or a note is read again next time (and says so again)."""
        if path is not None:
            self.bad.add(path)

    def done(self, item: FileDone) -> None:
        self.finished.append(item)

    def record(self) -> None:
        """Record the files whose every article is stored (called after a batch is stored)."""
        rows = []
        for f in self.finished:
            counts = self.counts.pop(f.path, [0, 0, 0])
            if f.path in self.bad or not any(counts[:2]):
                continue
            checked = time.time_ns()
            try:
                digest = _sha256(f.path)
                st = os.stat(f.path)
            except OSError:
                continue
            if (st.st_size, st.st_mtime_ns) != (f.size, f.mtime_ns):  # changed while it was read
                continue
            rows.append({"path": f.path, "size": f.size, "mtime_ns": f.mtime_ns, "sha256": digest,
                         "checked_ns": checked, "articles": counts[0], "duplicates": counts[1], "words": counts[2]})
        self.finished = []
        if not rows:
            return
        with begin_write(self.engine) as conn:
            conn.execute(text(
                "INSERT INTO input_file (path, size, mtime_ns, sha256, checked_ns, articles, duplicates, words, "
                "ingested_at) VALUES (:path, :size, :mtime_ns, :sha256, :checked_ns, :articles, :duplicates, :words, "
                "CURRENT_TIMESTAMP) ON CONFLICT (path) DO UPDATE SET size = excluded.size, "
                "mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256, checked_ns = excluded.checked_ns, "
                "articles = excluded.articles, duplicates = excluded.duplicates, words = excluded.words, "
                "ingested_at = excluded.ingested_at"), rows)


def _sha256(path: str) -> str:
    """sha256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(HASH_BLOCK):
            h.update(block)
    return h.hexdigest()


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


@dataclass
class OverlapFeatures:
    """What the workers compute for the overlap index beside extraction: each new claim's ``Known`` by
    its text, and the CPU seconds that took them (part of the index's cost: issue 13 counts it)."""

    known: dict[str, Known] = field(default_factory=dict)
    cpu_seconds: float = 0.0


def extract_all(
    items: Iterable[Any], workers: int, ahead: int | None = None,
    options: ExtractOptions = DEFAULT_OPTIONS, features_out: OverlapFeatures | None = None,
) -> Iterator[tuple[Any, PreparedArticle | str | None]]:
    """Pair each item with its prepared rows (or an error message), in input order.
    With ``features_out``, the workers also compute the overlap features of every new claim
    (``provenance.overlaps.features``, beside extraction, packed, or "" for a claim not
    ``comparable``: ``overlap_index.Known``) and they are added to it, with their CPU time.

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
    with_features = features_out is not None

    def paired(chunk: list, done: tuple[list, dict[str, Known], float]) -> Iterator[tuple[Any, PreparedArticle | str | None]]:
        results, feats, seconds = done
        if features_out is not None:
            features_out.known.update(feats)
            features_out.cpu_seconds += seconds
        yield from _pair(chunk, results)

    if workers == 1 or second is None:
        for chunk in [first] if second is None else [first, second]:
            yield from paired(chunk, _extract_chunk(_docs(chunk), options, with_features))
        for chunk in chunks:
            yield from paired(chunk, _extract_chunk(_docs(chunk), options, with_features))
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
            pending.append((chunk, pool.submit(_extract_chunk, _docs(chunk), options, with_features)))
            in_flight += text_size(chunk)

        try:
            submit(first)
            submit(second)
            for chunk in chunks:
                submit(chunk)
                while len(pending) >= ahead or (len(pending) > 1 and in_flight > AHEAD_BYTES):
                    chunk, future = pending.popleft()
                    in_flight -= text_size(chunk)
                    yield from paired(chunk, future.result())
            while pending:
                chunk, future = pending.popleft()
                yield from paired(chunk, future.result())
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


def _extract_chunk(docs: list[Document], options: ExtractOptions, with_features: bool,
                   ) -> tuple[list[PreparedArticle | str], dict[str, Known], float]:
    """``extract_chunk``, and with ``with_features`` the overlap features of the new claims (in a worker):
    packed, of a comparable claim, "" of another (the writer process needs nothing of it), and the
    CPU seconds they took."""
    out = extract_chunk(docs, options)
    feats: dict[str, Known] = {}
    started = time.thread_time()
    if with_features:
        for prep in out:
            if isinstance(prep, PreparedArticle):
                for claim in prep.claims:
                    if claim[2] not in feats:
                        f = comparable_features(claim[2])
                        feats[claim[2]] = pack(f) if f is not None else ""
    return out, feats, time.thread_time() - started


def extract(doc: Document, options: ExtractOptions = DEFAULT_OPTIONS) -> Reading:
    """``provenance.extract.extract``, its rules and lexicons loaded on the first call: an ingest of
    unchanged input loads none of them (issue 13, re-ingest)."""
    from provenance.extract.pipeline import extract as read_document

    return read_document(doc, options)


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


def _mark_stored(items: Iterable[Any], engine: Engine) -> Iterator[Any]:
    """Mark the documents whose text is already in the database, so re-ingest skips extraction."""
    for chunk in _chunks(items, 64):
        docs = [d for d in chunk if isinstance(d, Document)]
        if docs:
            hashes = {content_hash(d.text): d for d in docs}
            for digest in stored_hashes(engine, list(hashes)):
                hashes[digest].meta[STORED] = True
        yield from chunk


def _pair(chunk: list, results: list) -> Iterator[tuple[Any, PreparedArticle | str | None]]:
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
    than every worker printing a traceback), yield the CPU to the parent (WORKER_NICE), and exit
    when the parent is gone (after a ``kill -9`` no orphan worker is left waiting for work forever)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:  # the parent stores each batch and keeps the overlap index while the workers run ahead
        os.nice(WORKER_NICE)
    except (AttributeError, OSError):  # no os.nice (Windows), or not allowed
        pass

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
