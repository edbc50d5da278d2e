"""Read files, folders and stdin into Documents, one article at a time.

Readers never raise for a bad input: they yield a ``ReadError`` naming the file (and line)
and go on, so one unreadable file never stops a batch. Large JSONL files are streamed line
by line. Formats: plain text and Markdown (title = first non-empty line, a closing
``Source » outlet`` line names the outlet), JSONL/NDJSON and JSON records, HTML (main text
through trafilatura).
"""

import codecs
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from provenance.models import Document

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


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: which file, which line (if any), and why."""

    path: str
    line: int | None
    message: str
    size: int = 0

    def __str__(self) -> str:
        """``path:line: message``, the form compilers use, so editors can jump to it."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class BinaryInputError(ValueError):
    """The bytes are not text (NUL bytes or mostly control characters)."""


def read_paths(
    paths: Iterable[str | os.PathLike],
    *,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | ReadError]:
    """Yield a Document or ReadError for every article found under ``paths``, in order.

    ``-`` reads stdin. ``outlet``/``url``/``published`` override what the files say.
    """
    overrides = {k: v for k, v in (("outlet", outlet), ("url", url), ("published", published)) if v}
    for raw in paths:
        if str(raw) == STDIN:
            items: Iterable[Document | ReadError] = read_stream(
                stdin if stdin is not None else sys.stdin.buffer, STDIN_LABEL
            )
        else:
            items = _read_tree(Path(raw))
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


def iter_files(root: Path) -> Iterator[Path | ReadError]:
    """Yield the files under ``root`` in sorted order, skipping hidden names and symlink loops."""
    label = str(root)
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
        yield from _walk(root, ancestors=set(), seen=set())
    elif root.is_file():
        yield root
    else:
        yield ReadError(label, None, "not a regular file or folder")


def _walk(folder: Path, ancestors: set, seen: set) -> Iterator[Path | ReadError]:
    """Depth-first walk that follows symlinks but reports a link back to an ancestor once."""
    st = folder.stat()
    ident = (st.st_dev, st.st_ino)
    if ident in ancestors:
        yield ReadError(str(folder), None, "symbolic link loop (points back to a parent folder); skipped")
        return
    if ident in seen:
        return  # the same folder reached twice through links: read it once
    seen.add(ident)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield ReadError(str(folder), None, _os_message(exc))
        return
    ancestors = ancestors | {ident}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows symlinks
            is_file = entry.is_file()
        except OSError as exc:
            yield ReadError(str(path), None, _os_message(exc))
            continue
        if is_dir:
            try:
                yield from _walk(path, ancestors, seen)
            except OSError as exc:
                yield ReadError(str(path), None, _os_message(exc))
        elif is_file:
            yield path
        elif entry.is_symlink():
            try:
                path.stat()
                yield ReadError(str(path), None, "not a regular file or folder")
            except OSError as exc:
                msg = "broken symbolic link" if isinstance(exc, FileNotFoundError) else _os_message(exc)
                yield ReadError(str(path), None, msg)


def _read_tree(root: Path) -> Iterator[Document | ReadError]:
    """Read every file under ``root`` (a file or a folder)."""
    for item in iter_files(root):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path) -> Iterator[Document | ReadError]:
    """Yield the article(s) in one file, choosing the format by extension, then by content."""
    label = os.path.abspath(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as fh:
                yield from _read_jsonl(fh, label)
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield ReadError(label, None, _os_message(exc))
        return
    kind = _format_of(suffix, data)
    if kind == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), label)
    elif kind == "json":
        yield from _read_json(data, label)
    elif kind == "html":
        yield _read_html(data, label)
    else:
        yield _read_text(data, label, markdown=suffix in {".md", ".markdown"})


def read_stream(stream: BinaryIO, label: str = STDIN_LABEL) -> Iterator[Document | ReadError]:
    """Read an unnamed byte stream (stdin): JSONL is streamed, anything else read whole."""
    head = b""
    try:
        while True:  # the first non-blank line decides the format
            line = stream.readline()
            head += line
            if not line or line.strip():
                break
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if first.startswith(b"{") and _is_json_object(first):
            yield from _read_jsonl(_Chain(head, stream), label, stdin=True)
            return
        data = head + stream.read()
    except OSError as exc:
        yield ReadError(label, None, _os_message(exc))
        return
    kind = _format_of("", data)
    if kind == "json":
        yield from _read_json(data, label, stdin=True)
    elif kind == "html":
        yield _read_html(data, label, stdin=True)
    else:
        yield _read_text(data, label, markdown=False, stdin=True)


class _Chain:
    """A minimal binary stream that replays already-read bytes, then the rest of a stream."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head: bytes | None = head
        self._rest = rest

    def __iter__(self) -> Iterator[bytes]:
        if self._head:
            yield from self._head.splitlines(keepends=True)
        self._head = None
        yield from self._rest

    def read(self, n: int = -1) -> bytes:
        head, self._head = self._head or b"", None
        return head + self._rest.read()


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


def _read_text(data: bytes, label: str, *, markdown: bool, stdin: bool = False) -> Document | ReadError:
    """A plain-text or Markdown article (one per file)."""
    size = len(data)
    try:
        text = decode(data)
    except BinaryInputError as exc:
        return ReadError(label, None, str(exc), size)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return ReadError(label, None, "empty file" if not text else "file holds only whitespace", size)
    return parse_text(text, path=None if stdin else label, size=size)


def parse_text(text: str, *, path: str | None = None, size: int = 0) -> Document:
    """Title from the first non-empty line, outlet from a closing ``Source » X`` line.

    ``text`` is kept exactly as given; the source line stays in it but ``body_end`` stops
    before it so it is not analysed.
    """
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


def _read_jsonl(stream: Iterable[bytes], label: str, *, stdin: bool = False) -> Iterator[Document | ReadError]:
    """One article per line; a bad line is reported with its number and the rest go on."""
    encoding = None
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
            line, encoding = _decode_line(raw, encoding)
        except BinaryInputError as exc:
            yield ReadError(label, lineno, str(exc), size)
            continue
        yield _parse_json_line(line, label, lineno, size, stdin)


def _read_jsonl_utf16(
    first: bytes, rest: Iterable[bytes], label: str, *, stdin: bool
) -> Iterator[Document | ReadError]:
    """UTF-16 JSONL: decode as a whole text stream (lines are not byte-delimited)."""
    data = first + b"".join(rest)
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        yield ReadError(label, None, f"invalid UTF-16: {exc.reason}", len(data))
        return
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _parse_json_line(line.lstrip("\ufeff"), label, lineno, len(line) * 2, stdin)


def _parse_json_line(line: str, label: str, lineno: int, size: int, stdin: bool) -> Document | ReadError:
    """Parse one JSONL line into a Document, or say why it cannot be."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return ReadError(label, lineno, f"malformed JSON: {exc}", size)
    return parse_record(obj, label, lineno, size=size, stdin=stdin)


def _read_json(data: bytes, label: str, *, stdin: bool = False) -> Iterator[Document | ReadError]:
    """A JSON file holding one article object or a list of them."""
    try:
        obj = json.loads(decode(data))
    except BinaryInputError as exc:
        yield ReadError(label, None, str(exc), len(data))
        return
    except ValueError as exc:
        yield ReadError(label, None, f"malformed JSON: {exc}", len(data))
        return
    records = obj if isinstance(obj, list) else [obj]
    if not records:
        yield ReadError(label, None, "empty JSON list", len(data))
    size = len(data) // max(1, len(records))
    for i, rec in enumerate(records, start=1):
        yield parse_record(rec, label, i if isinstance(obj, list) else None, size=size, stdin=stdin)


def parse_record(
    obj: object, label: str, line: int | None, *, size: int = 0, stdin: bool = False
) -> Document | ReadError:
    """A JSON article record: ``text`` plus optional ``title``, ``outlet``, ``url``, ``published``, ``id``.

    The text is kept byte-for-byte (annotated corpora index into it). The stored path is
    ``FILE#id`` (or ``FILE#L<line>`` without an id) so each record has its own identity.
    """
    if not isinstance(obj, dict):
        return ReadError(label, line, "expected a JSON object with a 'text' field", size)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        why = "record has no 'text'" if text is None else "record's 'text' is empty or not a string"
        return ReadError(label, line, why, size)
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    ext_id = _opt_str(obj.get("id"))
    if ext_id is not None:
        path = f"{label}#{ext_id}"
    elif line is not None:
        path = f"{label}#L{line}"
    else:
        path = label
    title = _opt_str(obj.get("title"))
    if title is None:
        first = next((ln for ln in text.split("\n") if ln.strip()), "")
        title = _MD_HEADING.sub("", first.strip()).strip()[:300] or None
    published = next(
        (_opt_str(v) for v in (obj.get("published"), obj.get("date"), meta.get("publication_date"),
                               meta.get("published")) if _opt_str(v)),
        None,
    )
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
        result = trafilatura.bare_extraction(html, with_metadata=True)
    except BinaryInputError as exc:
        return ReadError(label, None, str(exc), size)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken pages
        return ReadError(label, None, f"cannot parse HTML: {exc}", size)
    info = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    body = info.get("text") or ""
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if not paragraphs:
        return ReadError(label, None, "no article text found in the HTML page", size)
    return Document(
        text="\n\n".join(paragraphs),
        title=_opt_str(info.get("title")),
        outlet=_opt_str(info.get("sitename")) or _opt_str(info.get("hostname")),
        url=_opt_str(info.get("url")),
        published=_opt_str(info.get("date")),
        path=None if stdin else label,
        meta={"size": size},
    )


# ---------------------------------------------------------------- decoding


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM stripped), UTF-16/32 with BOM, else cp1252, else latin-1.

    Raises BinaryInputError for bytes that are not text at all.
    """
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
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


def _decode_line(raw: bytes, encoding: str | None) -> tuple[str, str]:
    """Decode one line, sticking to the encoding the file has shown so far."""
    if b"\x00" in raw:
        raise BinaryInputError("line holds binary data (NUL bytes)")
    for enc in ([encoding] if encoding and encoding != "utf-8" else []) + ["utf-8", "cp1252", "latin-1"]:
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise BinaryInputError("cannot decode line")  # unreachable: latin-1 decodes anything


def _check_not_binary(data: bytes) -> None:
    """Raise BinaryInputError when the bytes look like an image, archive or other binary."""
    if b"\x00" in data:
        raise BinaryInputError("binary file, not text (it contains NUL bytes)")
    head = data[:_SNIFF_BYTES]
    if head:
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if controls / len(head) > 0.05:
            raise BinaryInputError("binary file, not text (it is mostly control characters)")


def _opt_str(value: object) -> str | None:
    """A JSON value as a stripped string, or None when absent or empty."""
    if value is None or isinstance(value, (dict, list)):
        return None
    s = str(value).strip()
    return s or None


def _os_message(exc: OSError) -> str:
    """An OSError as a short lowercase message without the path (the caller names it)."""
    reason = exc.strerror or str(exc)
    return reason[0].lower() + reason[1:] if reason else exc.__class__.__name__
