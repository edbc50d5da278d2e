"""Reading annotated gold files for ``provenance eval``, line by line, with one clear error.

A malformed gold file (invalid UTF-8, a line that is not JSON or not the expected shape,
offsets outside the text or reversed, a ``parent`` that points at itself or nowhere) stops
the evaluation with a ``GoldError`` naming FILE:LINE and the problem, in one line: the
CLI prints it as ``Error: ...`` with exit code 1, never a traceback or a pydantic dump.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from provenance.errors import ProvenanceError
from provenance.printable import printable

_M = TypeVar("_M", bound=BaseModel)


class GoldError(ProvenanceError):
    """A gold file that cannot be scored: where and why, in one line."""

    def __init__(self, path: str | Path, line: int | None, problem: str):
        where = f"{printable(str(path))}:{line}" if line else printable(str(path))
        super().__init__(f"{where}: {printable(problem)}")


def gold_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-blank line, each decoded as UTF-8 on its own."""
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise GoldError(path, lineno, f"invalid UTF-8 (byte 0x{raw[e.start]:02x} at column {e.start + 1})") from None
            if line.strip():
                yield lineno, line


def json_line(path: str | Path, lineno: int, line: str) -> object:
    """One line parsed as JSON, or a GoldError saying why it is not JSON."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        raise GoldError(path, lineno, f"malformed JSON: {e.msg} (column {e.colno})") from None
    except (ValueError, RecursionError) as e:
        why = "nested too deeply" if isinstance(e, RecursionError) else str(e)
        raise GoldError(path, lineno, f"malformed JSON: {why}") from None


def model_line(model: type[_M], path: str | Path, lineno: int, line: str) -> _M:
    """One line as ``model``, or a GoldError naming the first field that is wrong."""
    obj = json_line(path, lineno, line)
    try:
        return model.model_validate(obj)
    except ValidationError as e:
        first = e.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "record"
        more = f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else ""
        raise GoldError(path, lineno, f"{field}: {first['msg']}{more}") from None


def check_span(path: str | Path, lineno: int, what: str, start: int, end: int, size: int) -> None:
    """A GoldError unless ``0 <= start <= end <= size`` (offsets into a text of ``size`` characters)."""
    if start > end:
        raise GoldError(path, lineno, f"{what}: offsets reversed ({start} > {end})")
    if start < 0 or end > size:
        raise GoldError(path, lineno, f"{what}: offsets {start}:{end} outside the text ({size} characters)")
