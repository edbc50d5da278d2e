"""Read files, folders and stdin into Documents, one article at a time.

Readers never raise for a bad input: they yield a ``ReadError`` naming the file (and line)
and go on, so one unreadable file never stops a batch. Formats: plain text and Markdown
(title = first non-empty line, a closing ``Source » outlet`` line names the outlet),
JSONL/NDJSON and JSON records, HTML (main text through trafilatura).

Memory stays flat whatever the input size: JSONL is streamed line by line, and a plain-text
file larger than ``LARGE_TEXT_BYTES`` is not taken for one article (no news article is a
megabyte of text; such a file is a dump of many) but streamed in parts of at most
``TEXT_PART_BYTES``, cut at paragraph breaks, stored as ``FILE#part1``, ``FILE#part2``, ...
(a ``ReadNote`` says so). JSON and HTML are parsed whole, so files larger than
``WHOLE_FILE_MAX_BYTES`` are refused with a message saying what to do instead.
"""

import codecs
import email.utils
import hashlib
import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Protocol
from urllib.parse import urlsplit

from provenance.models import Document
from provenance.printable import printable

TEXT_SUFFIXES = {"", ".txt", ".text", ".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
STDIN = "-"
STDIN_LABEL = "<stdin>"

# A closing line that names the outlet: "Source » alarabiya", "Source: Reuters".
_SOURCE_LINE = re.compile(
    r"^[ \t]*source[ \t]*(?:»|>>|:|›|–|—|-)[ \t]*(?P<outlet>\S[^\n]{0,79}?)[ \t]*$", re.IGNORECASE | re.MULTILINE
)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+")
_SNIFF_BYTES = 8192
_SURROGATES = re.compile("[\ud800-\udfff]")
# Terminal control sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-character escapes, and their
# 8-bit C1 forms), then any other C0/C1 control but tab, newline, carriage return and form feed:
# never article text, and a hazard on a terminal (an OSC payload even read as a name).
_TERMINAL_CONTROLS = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])(?:[^\x07\x1b\x9c\n]{0,1024}(?:\x07|\x1b\\|\x9c))?"
    r"|\x1b[ -/]*[0-~]?"
    r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
    # invisible characters that split a word for the extractor ("Jos\u200bé"): zero-width space,
    # word joiner, zero-width no-break space (a BOM inside the text), soft hyphen
    "|[\u200b\u2060\ufeff\u00ad]"
)
_NOT_UTF8_NOTES = 3  # lines of a JSONL file named when they are not UTF-8; then one count at the end

LARGE_TEXT_BYTES = 1 << 20  # a plain-text input larger than this is read in parts ...
TEXT_PART_BYTES = 256 << 10  # ... of at most this many bytes (extraction cost grows faster than length)
WHOLE_FILE_MAX_BYTES = 64 << 20  # JSON and HTML are parsed whole: larger files are refused

# Boilerplate trafilatura would otherwise fall back to on a page without an article body.
_HTML_PRUNE = [
    "//nav", "//*[@role='navigation']", "//header[not(ancestor::article or ancestor::main)]",
    "//footer[not(ancestor::article or ancestor::main)]", "//aside[not(ancestor::article or ancestor::main)]",
]


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: which file, which line (if any), and why."""

    path: str
    line: int | None
    message: str
    size: int = 0

    def __str__(self) -> str:
        """``path:line: message``, the form compilers use, so editors can jump to it; on one line,
        whatever the file name holds (a newline in it cannot forge a second error line)."""
        where = f"{printable(self.path)}:{self.line}" if self.line else printable(self.path)
        return f"{where}: {printable(self.message)}"


@dataclass(frozen=True)
class ReadNote:
    """Something the user should know about an input that was read anyway (not a failure)."""

    path: str
    message: str

    def __str__(self) -> str:
        """``path: message`` on one line (controls in either made visible)."""
        return f"{printable(self.path)}: {printable(self.message)}"


@dataclass(frozen=True)
class FileDone:
    """Yielded after every item of one file read from disk, when ``read_paths`` is given
    ``unchanged``: its size and modification time as they were before it was read."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class FileUnchanged:
    """A file ``unchanged`` recognised: it was not opened (``size`` is its bytes, for progress)."""

    path: str
    size: int


Unchanged = Callable[[str, os.stat_result], bool]  # (file path, its stat) -> skip it unread


class BinaryInputError(ValueError):
    """The bytes are not text (NUL bytes or mostly control characters)."""


def read_paths(
    paths: Iterable[str | os.PathLike],
    *,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    stdin: BinaryIO | None = None,
    skip: Iterable[str] = (),
    unchanged: Unchanged | None = None,
) -> Iterator[Document | ReadError | ReadNote | FileDone | FileUnchanged]:
    """Yield a Document or ReadError for every article found under ``paths``, in order
    (and a ReadNote where the user should know how an input was read).

    ``-`` reads stdin. ``outlet``/``url``/``published`` override what the files say.
    ``skip`` names files (absolute paths) not to read: the database being written and its
    ``-wal``/``-shm`` files, when they sit in a folder being ingested. ``unchanged``, when
    given, is asked about every file before it is opened: a file it recognises yields one
    FileUnchanged and is not read; every other file's documents carry ``meta["file"]`` (its
    path) and are followed by a FileDone.
    """
    skip = frozenset(skip)
    overrides = {k: v for k, v in (("outlet", outlet), ("url", url), ("published", published)) if v}
    for raw in paths:
        if str(raw) == STDIN:
            items: Iterable[Document | ReadError | ReadNote | FileDone | FileUnchanged] = read_stream(
                stdin if stdin is not None else sys.stdin.buffer, STDIN_LABEL
            )
        else:
            items = _read_tree(Path(raw), skip, unchanged)
        for item in items:
            if overrides and isinstance(item, Document):
                item = item.model_copy(update=overrides)
            yield item


def input_size(paths: Iterable[str | os.PathLike]) -> int:
    """Total bytes of the regular files under ``paths`` (for a progress bar; stdin counts 0)."""
    total = 0
    for raw in paths:
        if str(raw) == STDIN:
            continue
        for item in iter_files(Path(raw)):
            if isinstance(item, Path):
                try:
                    total += item.stat().st_size
                except OSError:
                    pass
    return total


def iter_files(root: Path, skip: frozenset[str] = frozenset()) -> Iterator[Path | ReadError]:
    """Yield the files under ``root`` in sorted order, skipping hidden names, symlink loops and
    the files in ``skip`` (silently in a folder; named on its own, it is an error)."""
    label = path_label(root)
    if label in skip:
        yield ReadError(label, None, "this is the database being written to; skipped")
        return
    try:
        root.stat()
    except FileNotFoundError:
        msg = "broken symbolic link" if root.is_symlink() else "no such file or directory"
        yield ReadError(label, None, msg)
        return
    except OSError as exc:
        yield ReadError(label, None, _os_message(exc))
        return
    if root.is_dir():
        yield from _walk(root, ancestors=set(), seen=set(), skip=skip)
    elif root.is_file():
        yield root
    else:
        yield ReadError(label, None, "not a regular file or folder")


def _walk(folder: Path, ancestors: set, seen: set, skip: frozenset[str]) -> Iterator[Path | ReadError]:
    """Depth-first walk that follows symlinks but reports a link back to an ancestor once."""
    st = folder.stat()
    ident = (st.st_dev, st.st_ino)
    if ident in ancestors:
        yield ReadError(path_label(folder), None, "symbolic link loop (points back to a parent folder); skipped")
        return
    if ident in seen:
        return  # the same folder reached twice through links: read it once
    seen.add(ident)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield ReadError(path_label(folder), None, _os_message(exc))
        return
    ancestors = ancestors | {ident}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if skip and path_label(path) in skip:
            continue
        try:
            is_dir = entry.is_dir()  # follows symlinks
            is_file = entry.is_file()
        except OSError as exc:
            yield ReadError(path_label(path), None, _os_message(exc))
            continue
        if is_dir:
            try:
                yield from _walk(path, ancestors, seen, skip)
            except OSError as exc:
                yield ReadError(path_label(path), None, _os_message(exc))
        elif is_file:
            yield path
        elif entry.is_symlink():
            try:
                path.stat()
                yield ReadError(path_label(path), None, "not a regular file or folder")
            except OSError as exc:
                msg = "broken symbolic link" if isinstance(exc, FileNotFoundError) else _os_message(exc)
                yield ReadError(path_label(path), None, msg)


def _read_tree(root: Path, skip: frozenset[str] = frozenset(), unchanged: Unchanged | None = None,
               ) -> Iterator[Document | ReadError | ReadNote | FileDone | FileUnchanged]:
    """Read every file under ``root`` (a file or a folder); with ``unchanged``, skip the files it
    recognises and mark the others (``read_paths``)."""
    for item in iter_files(root, skip):
        if isinstance(item, ReadError):
            yield item
            continue
        label = path_label(item)
        if unchanged is None:
            yield from _guarded(read_file(item), label)
            continue
        try:
            st: os.stat_result | None = item.stat()
        except OSError:
            st = None
        if st is not None and unchanged(label, st):
            yield FileUnchanged(label, st.st_size)
            continue
        for doc in _guarded(read_file(item), label):
            if isinstance(doc, Document):
                doc.meta["file"] = label
            yield doc
        if st is not None:
            yield FileDone(label, st.st_size, st.st_mtime_ns)


def _guarded(items: Iterator[Document | ReadError | ReadNote], label: str) -> Iterator[Document | ReadError | ReadNote]:
    """``items``, and a ReadError naming ``label`` instead of any exception they raise: a fault
    in reading one input (a bug, a parser's limit) never stops the inputs after it."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 (whatever it is, it belongs to this input only)
        yield ReadError(label, None, f"cannot read: {_exc_text(exc)}; the rest of this input is skipped")


def _exc_text(exc: BaseException) -> str:
    """An exception as ``Kind: message`` on one line."""
    return f"{exc.__class__.__name__}: {' '.join(str(exc).split())}".rstrip(": ")


def read_file(path: Path) -> Iterator[Document | ReadError | ReadNote]:
    """Yield the article(s) in one file, choosing the format by extension, then by content."""
    label = path_label(path)
    suffix = path.suffix.lower()
    try:
        with open(path, "rb") as fh:
            if suffix in JSONL_SUFFIXES:
                yield from _read_jsonl(fh, label)
            else:
                yield from _read_binary(fh, label, suffix, size=os.fstat(fh.fileno()).st_size)
    except OSError as exc:
        yield ReadError(label, None, _os_message(exc))


class _ByteStream(Protocol):
    """What the readers use of a binary stream: a file, stdin's buffer, or a ``_Chain``."""

    def read(self, n: int = -1, /) -> bytes: ...

    def readline(self) -> bytes: ...


def read_stream(stream: BinaryIO, label: str = STDIN_LABEL) -> Iterator[Document | ReadError | ReadNote]:
    """Read an unnamed byte stream (stdin): JSONL and large text are streamed, the rest read whole."""
    head = b""
    try:
        while True:  # the first non-blank line decides the format
            line = stream.readline()
            head += line
            if not line or line.strip():
                break
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if first.startswith(b"{") and _is_json_object(first):
            yield from _guarded(_read_jsonl(_Chain(head, stream), label, stdin=True), label)
            return
        yield from _guarded(_read_binary(_Chain(head, stream), label, "", stdin=True), label)
    except OSError as exc:
        yield ReadError(label, None, _os_message(exc))


def _read_binary(
    fh: _ByteStream, label: str, suffix: str, *, size: int | None = None, stdin: bool = False
) -> Iterator[Document | ReadError | ReadNote]:
    """Read one input of any format but JSONL-by-extension: small ones whole, large text in parts."""
    data = _read_upto(fh, LARGE_TEXT_BYTES + 1)
    kind = _format_of(suffix, data)
    markdown = suffix in {".md", ".markdown"}
    if len(data) > LARGE_TEXT_BYTES:
        if kind == "jsonl":
            yield from _read_jsonl(_Chain(data, fh), label, stdin=stdin)
            return
        if kind == "text":
            yield from _read_text_parts(data, fh, label, size=size, stdin=stdin)
            return
        data += _read_upto(fh, WHOLE_FILE_MAX_BYTES + 1 - len(data))
        if len(data) > WHOLE_FILE_MAX_BYTES:
            hint = ("; give one article a line (JSONL) instead, e.g. jq -c '.[]' FILE > FILE.jsonl"
                    if kind == "json" else "")
            yield ReadError(label, None, f"{kind.upper()} file larger than {_mb(WHOLE_FILE_MAX_BYTES)}, "
                                         f"too large to read whole; skipped{hint}", size or len(data))
            return
    if kind == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), label, stdin=stdin)
    elif kind == "json":
        yield from _read_json(data, label, stdin=stdin)
    elif kind == "html":
        yield _read_html(data, label, stdin=stdin)
    else:
        yield _read_text(data, label, markdown=markdown, stdin=stdin)


def _read_upto(fh: _ByteStream, n: int) -> bytes:
    """Up to ``n`` bytes (fewer only at the end of the input; pipes return short reads)."""
    parts, got = [], 0
    while got < n:
        block = fh.read(n - got)
        if not block:
            break
        parts.append(block)
        got += len(block)
    return b"".join(parts)


class _Chain:
    """A minimal binary stream that replays already-read bytes, then the rest of a stream."""

    def __init__(self, head: bytes, rest: _ByteStream):
        self._head = head
        self._rest = rest

    def readline(self) -> bytes:
        if self._head:
            i = self._head.find(b"\n")
            if i >= 0:
                line, self._head = self._head[:i + 1], self._head[i + 1:]
                return line
            line, self._head = self._head, b""
            return line + self._rest.readline()
        return self._rest.readline()

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            head, self._head = self._head, b""
            return head + self._rest.read()
        if self._head:
            out, self._head = self._head[:n], self._head[n:]
            return out
        return self._rest.read(n)


# ---------------------------------------------------------------- formats


def _format_of(suffix: str, data: bytes) -> str:
    """``text``, ``json``, ``jsonl`` or ``html``, from the extension and the first bytes."""
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES and suffix:
        return "text"  # trust a text extension; sniff only unknown or missing ones
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<body" in head):
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        first = head.split(b"\n", 1)[0]
        return "jsonl" if _is_json_object(first) else "json"
    return "text"


def _is_json_object(line: bytes) -> bool:
    """Whether one line parses as a JSON object."""
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
    except RecursionError:  # nested too deeply to parse here: an object all the same (it starts with "{")
        return line.lstrip().startswith(b"{")


def _read_text(data: bytes, label: str, *, markdown: bool, stdin: bool = False) -> Document | ReadError:
    """A plain-text or Markdown article (one per file)."""
    size = len(data)
    try:
        text = decode(data)
    except BinaryInputError as exc:
        return ReadError(label, None, str(exc), size)
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return ReadError(label, None, "empty file" if not text else "file holds only whitespace", size)
    return parse_text(text, path=None if stdin else label, size=size)


def parse_text(text: str, *, path: str | None = None, size: int = 0) -> Document:
    """Title from the first non-empty line, outlet from a closing ``Source » X`` line.

    ``text`` is kept as given once cleaned (``clean_text``: NFC, no control characters);
    the source line stays in it but ``body_end`` stops before it so it is not analysed.
    """
    text = clean_text(text)
    first = re.search(r"[^\n]*\S[^\n]*", text)
    title = _MD_HEADING.sub("", first.group().strip()).strip() or None if first else None
    outlet, body_end = None, None
    stripped = text.rstrip()
    last_start = stripped.rfind("\n") + 1
    if first and last_start > first.start():
        m = _SOURCE_LINE.match(stripped, last_start)
        if m and len(m.group("outlet").split()) <= 8:
            outlet = m.group("outlet").strip()
            body_end = last_start
    return Document(text=text, title=title, outlet=outlet, path=path, body_end=body_end,
                    meta={"size": size})


def _read_text_parts(
    data: bytes, rest: _ByteStream, label: str, *, size: int | None, stdin: bool
) -> Iterator[Document | ReadError | ReadNote]:
    """A plain-text input too large to be one article, streamed in parts cut at paragraph breaks.

    ``data`` is its first block (more than ``LARGE_TEXT_BYTES``), ``rest`` the remainder.
    Each part is decoded on its own (an encoding fallback affects only that part), except
    UTF-16/32, which is decoded as one stream (its parts are measured in characters).
    Parts holding only whitespace are skipped.
    """
    codec = _bom_codec(data)
    blocks: Iterator[bytes] | Iterator[str]
    if codec is None:
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        try:
            _check_not_binary(data[:_SNIFF_BYTES])
        except BinaryInputError as exc:
            yield ReadError(label, None, str(exc), size or len(data))
            return
        blocks = _blocks(data, rest)
    else:
        blocks = _decoded_blocks(data, rest, codec)
    how = f"{_mb(size)}, " if size else ""
    name = "<stdin>" if stdin else os.path.basename(label)
    yield ReadNote(label, f"{how}too large to be one article (more than {_mb(LARGE_TEXT_BYTES)}): read in "
                          f"parts of at most {_mb(TEXT_PART_BYTES)} cut at paragraph breaks, "
                          f"stored as {name}#part1, #part2, ...")
    number, line = 0, 1
    try:
        for part in _split_parts(blocks, TEXT_PART_BYTES):
            number += 1
            nbytes = len(part) if isinstance(part, bytes) else len(part) * 2
            try:
                text = part if isinstance(part, str) else decode(part)
            except BinaryInputError as exc:
                yield ReadError(label, line, f"part {number}: {exc}; part skipped", nbytes)
            else:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                if text.strip():
                    doc = parse_text(text, path=None if stdin else f"{label}#part{number}", size=nbytes)
                    doc.meta["line"] = line
                    yield doc
            line += part.count(b"\n" if isinstance(part, bytes) else "\n")
    except UnicodeDecodeError as exc:  # only the decoder of a BOM-marked encoding raises it
        assert codec is not None
        yield ReadError(label, line, f"invalid {codec.upper()} text: {exc.reason}; the rest is skipped")


def _bom_codec(data: bytes) -> str | None:
    """``utf-32`` or ``utf-16`` when ``data`` starts with their byte-order mark."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return codec
    return None


def _blocks(first: bytes, rest: _ByteStream) -> Iterator[bytes]:
    """``first``, then the rest of the stream in blocks of a part's size."""
    yield first
    while block := rest.read(TEXT_PART_BYTES):
        yield block


def _decoded_blocks(first: bytes, rest: _ByteStream, codec: str) -> Iterator[str]:
    """The stream decoded incrementally (a BOM-marked encoding), without its BOM."""
    decoder = codecs.getincrementaldecoder(codec)()
    started = False
    for block in _blocks(first, rest):
        text = decoder.decode(block)
        if not started and text:
            text, started = text.lstrip("\ufeff"), True
        yield text
    yield decoder.decode(b"", final=True)


def _split_parts(blocks: Iterable, limit: int) -> Iterator:
    """Re-cut a stream of blocks (bytes or str) into parts of at most ``limit``, at natural breaks."""
    buf = None
    for block in blocks:
        buf = block if buf is None else buf + block
        while len(buf) > limit:
            cut = _cut_point(buf, limit)
            yield buf[:cut]
            buf = buf[cut:]
    if buf:
        yield buf


def _cut_point(buf, limit: int) -> int:
    """Where to end a part: after the last paragraph break, else line break, else space, in the
    second half of ``limit``; else at ``limit`` (never inside a UTF-8 character)."""
    low = limit // 2
    for seps in (("\n\n", "\n\r\n"), ("\n",), (" ", "\t")):
        ends = []
        for sep in seps:
            at = buf.rfind(sep if isinstance(buf, str) else sep.encode(), low, limit)
            if at >= 0:
                ends.append(at + len(sep))
        if ends:
            return max(ends)
    cut = limit
    if isinstance(buf, bytes):
        while cut > low and buf[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte
            cut -= 1
    return cut


def _mb(n: int) -> str:
    """A size for people: ``256 KiB``, ``1 MiB``, ``52.4 MB``."""
    if n % (1 << 20) == 0:
        return f"{n >> 20} MiB"
    if n % (1 << 10) == 0 and n < 1 << 20:
        return f"{n >> 10} KiB"
    return f"{n / 1e6:.1f} MB"


def _read_jsonl(
    stream: Iterable[bytes], label: str, *, stdin: bool = False
) -> Iterator[Document | ReadError | ReadNote]:
    """One article per line; a bad line is reported with its number and the rest go on.

    Each line is decoded on its own, UTF-8 first (one cp1252 line never changes how the
    lines after it read), and a line that is not UTF-8 is named in a note.
    """
    fallbacks = 0
    seen: dict[str, tuple[int, bytes]] = {}  # external id -> (line, digest of its text)
    for lineno, raw in enumerate(stream, start=1):
        size = len(raw)
        if lineno == 1:
            if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                yield from _read_jsonl_utf16(raw, stream, label, stdin=stdin)
                return
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            elif b"\x00" in raw[:_SNIFF_BYTES]:
                yield ReadError(label, None, "binary file, not text", size)
                return
        if not raw.strip():
            continue
        try:
            line, encoding = _decode_line(raw)
        except BinaryInputError as exc:
            yield ReadError(label, lineno, str(exc), size)
            continue
        if encoding != "utf-8":
            fallbacks += 1
            if fallbacks <= _NOT_UTF8_NOTES:
                yield ReadNote(label, f"line {lineno} is not UTF-8: read as {encoding}")
        yield _unique_id(_parse_json_line(line, label, lineno, size, stdin), seen, label, lineno, size)
    if fallbacks > _NOT_UTF8_NOTES:
        yield ReadNote(label, f"{fallbacks} lines in all are not UTF-8 (read as cp1252 or latin-1)")


def _unique_id(
    item: Document | ReadError, seen: dict[str, tuple[int, bytes]], label: str, lineno: int, size: int
) -> Document | ReadError:
    """The record, or an error when an earlier line of the same file gave its ``id`` to another
    text (two articles under one id would silently become versions of one another)."""
    if not isinstance(item, Document) or item.external_id is None:
        return item
    digest = hashlib.blake2b(item.text.encode("utf-8", "surrogatepass"), digest_size=12).digest()
    first = seen.setdefault(item.external_id, (lineno, digest))
    if first[1] != digest:
        return ReadError(label, lineno, f"id {_quoted(item.external_id)} is used by line {first[0]} "
                                        "with another text; skipped (give each article its own id)", size)
    return item


def _read_jsonl_utf16(
    first: bytes, rest: Iterable[bytes], label: str, *, stdin: bool
) -> Iterator[Document | ReadError]:
    """UTF-16 JSONL: decoded incrementally (lines are not byte-delimited), still streamed."""
    def lines() -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-16")()
        buf = ""
        chunks = iter(lambda: rest.read(1 << 16), b"") if hasattr(rest, "read") else iter(rest)
        for block in _prepend(first, chunks):
            buf += decoder.decode(block)
            *done, buf = buf.split("\n")
            yield from done
        yield buf + decoder.decode(b"", final=True)

    lineno = 0
    seen: dict[str, tuple[int, bytes]] = {}
    try:
        for lineno, line in enumerate(lines(), start=1):
            if line.strip():
                item = _parse_json_line(line.lstrip("\ufeff"), label, lineno, len(line) * 2, stdin)
                yield _unique_id(item, seen, label, lineno, len(line) * 2)
    except UnicodeDecodeError as exc:
        yield ReadError(label, lineno + 1, f"invalid UTF-16: {exc.reason}; the rest is skipped")


def _prepend(first: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _parse_json_line(line: str, label: str, lineno: int, size: int, stdin: bool) -> Document | ReadError:
    """Parse one JSONL line into a Document, or say why it cannot be."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:  # its line/column are within this one line: give the column
        return ReadError(label, lineno, f"malformed JSON: {exc.msg} (column {exc.colno})", size)
    except ValueError as exc:
        return ReadError(label, lineno, f"malformed JSON: {exc}", size)
    except RecursionError:
        return ReadError(label, lineno, _TOO_DEEP, size)
    return _record(obj, label, lineno, size=size, stdin=stdin)


_TOO_DEEP = "malformed JSON: nested too deeply"


def _read_json(data: bytes, label: str, *, stdin: bool = False) -> Iterator[Document | ReadError]:
    """A JSON file holding one article object or a list of them."""
    try:
        obj = json.loads(decode(data))
    except BinaryInputError as exc:
        yield ReadError(label, None, str(exc), len(data))
        return
    except json.JSONDecodeError as exc:
        yield ReadError(label, exc.lineno, f"malformed JSON: {exc.msg} (column {exc.colno})", len(data))
        return
    except ValueError as exc:
        yield ReadError(label, None, f"malformed JSON: {exc}", len(data))
        return
    except RecursionError:
        yield ReadError(label, None, _TOO_DEEP, len(data))
        return
    records = obj if isinstance(obj, list) else [obj]
    if not records:
        yield ReadError(label, None, "empty JSON list", len(data))
    size = len(data) // max(1, len(records))
    seen: dict[str, tuple[int, bytes]] = {}
    for i, rec in enumerate(records, start=1):
        item = _record(rec, label, i if isinstance(obj, list) else None, size=size, stdin=stdin)
        yield _unique_id(item, seen, label, i, size)


def _record(obj: object, label: str, line: int | None, *, size: int, stdin: bool) -> Document | ReadError:
    """``parse_record``, with any failure reported as this record's error (FILE:LINE), not raised."""
    try:
        return parse_record(obj, label, line, size=size, stdin=stdin)
    except Exception as exc:  # noqa: BLE001 (one record's fault must not stop the others)
        return ReadError(label, line, f"cannot read record: {_exc_text(exc)}", size)


def parse_record(
    obj: object, label: str, line: int | None, *, size: int = 0, stdin: bool = False
) -> Document | ReadError:
    """A JSON article record: ``text`` plus optional ``title``, ``outlet``, ``url``, ``published``, ``id``.

    The text is kept as written once cleaned (``clean_text``: NFC, no control characters;
    an annotated corpus is scored by ``provenance eval``, which reads it as is). The stored path is
    ``FILE#id`` (or ``FILE#L<line>`` without an id) so each record has its own identity.
    """
    if not isinstance(obj, dict):
        return ReadError(label, line, "expected a JSON object with a 'text' field", size)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        why = "record has no 'text'" if text is None else "record's 'text' is empty or not a string"
        return ReadError(label, line, why, size)
    text = clean_text(text)
    if not text.strip():
        return ReadError(label, line, "record's 'text' holds only control characters", size)
    meta = given if isinstance(given := obj.get("meta"), dict) else {}
    ext_id = _opt_str(obj.get("id"))
    if ext_id is not None:
        path = f"{label}#{ext_id}"
    elif line is not None:
        path = f"{label}#L{line}"
    else:
        path = label
    problem = _field_problem(obj, ext_id)
    if problem:
        return ReadError(label, line, problem, size)
    title = _opt_str(obj.get("title"))
    if title is None:
        first = next((ln for ln in text.split("\n") if ln.strip()), "")
        title = _MD_HEADING.sub("", first.strip()).strip()[:300] or None
    published = next(
        (_opt_str(v) for v in (obj.get("published"), obj.get("date"), meta.get("publication_date"),
                               meta.get("published")) if _opt_str(v)),
        None,
    )
    if published is not None and not is_date(published):
        return ReadError(label, line, f"'published' is not a date: {_quoted(published[:200])} "
                                      "(use ISO 8601, e.g. 2024-03-01)", size)
    return Document(
        text=text,
        title=title,
        outlet=_opt_str(obj.get("outlet")),
        url=_opt_str(obj.get("url")),
        published=published,
        path=None if (stdin and ext_id is None) else path,
        external_id=ext_id,
        meta={"size": size, "line": line},
    )


def _read_html(data: bytes, label: str, *, stdin: bool = False) -> Document | ReadError:
    """The main text of a web page, with title, site name and date from its metadata."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    size = len(data)
    if b"\x00" in data[:_SNIFF_BYTES] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ReadError(label, None, "binary file, not text", size)
    try:
        html = decode(data)
        result = trafilatura.bare_extraction(html, with_metadata=True, prune_xpath=_HTML_PRUNE)
    except BinaryInputError as exc:
        return ReadError(label, None, str(exc), size)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken pages
        return ReadError(label, None, f"cannot parse HTML: {exc}", size)
    info = result.as_dict() if result is not None and hasattr(result, "as_dict") else (result or {})
    body = clean_text(info.get("text") or "")
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if not paragraphs:
        return ReadError(label, None, "no article text found in the HTML page", size)
    return Document(
        text="\n\n".join(paragraphs),
        title=_opt_str(info.get("title")),
        outlet=_site_name(info.get("sitename")) or _site_name(info.get("hostname")),
        url=_if(is_web_url, _opt_str(info.get("url"))),
        published=_if(is_date, _opt_str(info.get("date"))),
        path=None if stdin else label,
        meta={"size": size},
    )


_MARKUP = re.compile(r"[<>\[\]{}]|&[#\w]+;")


def _site_name(value: object) -> str | None:
    """A page's site name as an outlet, unless it holds markup (tags, entities, brackets) or is
    too long to be a name: a page's metadata is no more trusted than its text."""
    name = _opt_str(value)
    if name is None or _MARKUP.search(name) or len(name) > 80 or len(name.split()) > 8:
        return None
    return name


def _if(test: Callable[[str], bool], value: str | None) -> str | None:
    """``value`` when it passes ``test``, else None (page metadata that is not what it claims)."""
    return value if value is not None and test(value) else None


# ---------------------------------------------------------------- decoding


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM stripped), UTF-16/32 with BOM, else cp1252, else latin-1.

    Raises BinaryInputError for bytes that are not text at all.
    """
    codec = _bom_codec(data)
    if codec:
        try:
            return data.decode(codec).lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise BinaryInputError(f"invalid {codec.upper()} text: {exc.reason}") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    _check_not_binary(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _decode_line(raw: bytes) -> tuple[str, str]:
    """Decode one line on its own: UTF-8, else cp1252, else latin-1 (which decodes anything)."""
    if b"\x00" in raw:
        raise BinaryInputError("line holds binary data (NUL bytes)")
    for enc in ("utf-8", "cp1252"):
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def _check_not_binary(data: bytes) -> None:
    """Raise BinaryInputError when the bytes look like an image, archive or other binary."""
    if b"\x00" in data:
        raise BinaryInputError("binary file, not text (it contains NUL bytes)")
    head = data[:_SNIFF_BYTES]
    if head:
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if controls / len(head) > 0.05:
            raise BinaryInputError("binary file, not text (it is mostly control characters)")


MAX_ID_CHARS = 256  # an external id is a name for a record, not a payload


def _field_problem(obj: dict, ext_id: str | None) -> str | None:
    """Why a record's ``id``, ``url`` or ``published`` cannot be taken as they are, if they cannot."""
    raw_id = obj.get("id")
    if raw_id is not None and (isinstance(raw_id, (bool, float, dict, list)) or not isinstance(raw_id, (str, int))):
        return f"'id' must be a string or an integer, not {_quoted(json.dumps(raw_id))[:80]}"
    if ext_id is not None and len(ext_id) > MAX_ID_CHARS:
        return f"'id' is longer than {MAX_ID_CHARS} characters"
    url = _opt_str(obj.get("url"))
    if url is not None and not is_web_url(url):
        return f"'url' is not an http(s) URL: {_quoted(url[:200])}"
    return None


_YEAR_MONTH = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")


def is_date(value: str) -> bool:
    """Whether ``value`` is a publication date: ISO 8601 (``2024-03-01``, ``2024-03-01T09:30:00Z``)
    or the RFC 2822 form of feeds (``Fri, 01 Mar 2024 09:30:00 GMT``)."""
    s = value.strip()
    if _YEAR_MONTH.fullmatch(s):
        return True
    try:
        datetime.fromisoformat(s.replace("Z", "+00:00") if s.endswith("Z") else s)
        return True
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s) is not None
    except (TypeError, ValueError, IndexError):
        return False


def is_web_url(value: str) -> bool:
    """Whether ``value`` is an absolute http or https URL with a host."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and value.isprintable()


def _opt_str(value: object) -> str | None:
    """A JSON value as a stripped, clean string (``clean_text``), or None when absent or empty."""
    if value is None or isinstance(value, (dict, list)):
        return None
    s = clean_text(str(value)).strip()
    return s or None


def clean_text(s: str) -> str:
    """Text as it is stored and analysed: lone surrogates replaced (``_no_surrogates``),
    terminal control sequences, other control characters (tab, newline, carriage return and
    form feed stay) and zero-width spaces removed, and Unicode in NFC, so that "José" typed
    with a combining accent or a zero-width space is the same name as "José" (issue 11).
    Every offset is into this text."""
    s = _no_surrogates(s)
    if not s.isascii() or _TERMINAL_CONTROLS.search(s):
        s = _TERMINAL_CONTROLS.sub("", s)
        if not unicodedata.is_normalized("NFC", s):
            s = unicodedata.normalize("NFC", s)
    return s


def _quoted(s: str) -> str:
    """A value from a file quoted for a message, controls made visible."""
    return "'" + printable(s) + "'"


def _no_surrogates(s: str) -> str:
    """``s`` with lone UTF-16 surrogates (from "\\ud83d"-style JSON escapes of a broken emoji)
    replaced by U+FFFD: they cannot be stored as UTF-8, and one character for one keeps offsets."""
    return _SURROGATES.sub("\ufffd", s) if _SURROGATES.search(s) else s


def path_label(path: str | os.PathLike) -> str:
    """A path as stored and shown: absolute, and printable even when the file name is not
    valid UTF-8 (undecodable bytes become ``\\xe9``-style escapes)."""
    return os.fsencode(os.path.abspath(path)).decode("utf-8", "backslashreplace")


def _os_message(exc: OSError) -> str:
    """An OSError as a short lowercase message without the path (the caller names it)."""
    reason = exc.strerror or str(exc)
    return reason[0].lower() + reason[1:] if reason else exc.__class__.__name__
