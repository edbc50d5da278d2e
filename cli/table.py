"""Tables for people, drawn without rich: the same layout as ``rich.table.Table`` for the plain
tables the listing commands print (heavy head box, one space of padding, columns as wide as their
longest line up to ``max_width``, the widest wrappable columns narrowed first when the table is
wider than the terminal, words wrapped and a word too long for its cell cut with "…").

Why: importing rich (~100 ms) and its layout of 50 rows (~100-200 ms) were most of a table
command's time (issue 13, docs/benchmarks.md). ``tests/test_table.py`` checks the output is
rich's, character for character, on tables of every shape the commands print.

Cells arrive as text already made safe (``provenance.printable``: controls and bidi characters
visible); nothing here interprets markup, so "[bold]" in an article is printed as written. The
only escape codes written are this module's own (bold header, italic title) and only to a
terminal, as rich does; NO_COLOR or TERM=dumb turn them off.
"""

import os
import re
import sys
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import TextIO
from unicodedata import combining, east_asian_width

_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces around it (rich's _wrap.re_word)
_TRAILING = re.compile(r"\s+$")
PIPE_WIDTH = 160  # the width when not on a terminal (cli.output.console's)


def width_of(stream: TextIO) -> int:
    """The width to lay a table out in: the terminal's (COLUMNS first, as rich), else PIPE_WIDTH."""
    if not _isatty(stream):
        return PIPE_WIDTH
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (OSError, ValueError, AttributeError):
        return 80


def styled(stream: TextIO) -> bool:
    """Whether to write the header in bold and the title in italics (a terminal that wants them)."""
    return _isatty(stream) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def cell_len(text: str) -> int:
    """Terminal cells taken by ``text``: East Asian wide characters two, combining marks none."""
    if "\t" not in text and (text.isascii() or max(text) < _FIRST_COMBINING):
        return len(text)  # every character one cell (Latin-1 and the Latin letters before U+0300)
    return sum(map(_char_cells, text))


_FIRST_COMBINING = "\u0300"  # below it no character is combining, wide or zero-width (a tab aside)


@lru_cache(maxsize=4096)
def _char_cells(c: str) -> int:
    if c.isascii():
        return 0 if c == "\t" else 1  # a tab is measured as nothing, as rich does, and expanded when drawn
    if combining(c) or c in "\u200b\u200c\u200d\u2060\ufeff":
        return 0
    return 2 if east_asian_width(c) in ("W", "F") else 1


def _crop(text: str, cells: int) -> str:
    """The start of ``text`` that fits ``cells`` (padded with a space where a wide character would straddle)."""
    if cell_len(text) <= cells:
        return text
    out, used = [], 0
    for c in text:
        w = _char_cells(c)
        if used + w > cells:
            break
        out.append(c)
        used += w
    return "".join(out) + " " * (cells - used)


def _expand_tabs(line: str, size: int = 8) -> str:
    """Tabs as spaces to the next tab stop (rich's ``Text.expand_tabs``)."""
    out, position = [], 0
    parts = line.split("\t")
    for i, part in enumerate(parts):
        if i < len(parts) - 1:
            part += " "
            position += cell_len(part)
            if position % size:
                part += " " * (size - position % size)
                position += size - position % size
        else:
            position += cell_len(part)
        out.append(part)
    return "".join(out)


def _chop(text: str, width: int) -> list[str]:
    """``text`` in pieces of at most ``width`` cells (rich's ``chop_cells``)."""
    pieces, piece, used = [], "", 0
    for c in text:
        w = _char_cells(c)
        if used + w > width and piece:
            pieces.append(piece)
            piece, used = "", 0
        piece += c
        used += w
    return [*pieces, piece] if piece else pieces


def _divide(line: str, width: int, fold: bool = False) -> list[int]:
    """Where to break ``line`` to fit ``width`` cells, a word too long for any line kept whole, or
    folded over lines with ``fold`` (rich's ``divide_line``)."""
    if cell_len(line) <= width:  # fits whole: no word would move (each fits where the last ended)
        return []
    breaks: list[int] = []
    offset = 0
    for m in _WORD.finditer(line):
        start, word = m.start(), m.group(0)
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width and fold:
            chopped = _chop(word, width)
            for i, piece in enumerate(chopped):
                if start:
                    breaks.append(start)
                if i == len(chopped) - 1:
                    offset = cell_len(piece)
                else:
                    start += len(piece)
        elif length > width:
            if start:
                breaks.append(start)
            offset = cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def _truncate(text: str, width: int) -> str:
    return _crop(text, width - 1) + "…" if cell_len(text) > width else text


def wrap(text: str, width: int, justify: str = "left") -> list[str]:
    """``text`` as lines of exactly ``width`` cells: wrapped at spaces, kept line breaks, a word
    too long cut with "…", left or right justified."""
    lines: list[str] = []
    for line in text.split("\n"):
        if "\t" in line:
            line = _expand_tabs(line)
        breaks = _divide(line, width)
        for a, b in zip([0, *breaks], [*breaks, len(line)], strict=True):
            piece = line[a:b]
            if len(piece) > width and (m := _TRAILING.search(piece)):  # spaces past the width go
                piece = piece[:len(piece) - min(len(m.group(0)), len(piece) - width)]
            if justify == "right":
                piece = _truncate(piece.rstrip(), width)
                piece = " " * (width - cell_len(piece)) + piece
            else:
                piece = _truncate(piece, width)
                piece += " " * (width - cell_len(piece))
            lines.append(piece)
    return lines


def _measure(text: str) -> tuple[int, int]:
    """(longest word, longest line) in cells, as rich measures a Text."""
    lines = text.splitlines()
    longest = max((cell_len(line) for line in lines), default=0)
    words = text.split()
    return (max(cell_len(w) for w in words) if words else longest), longest


def _ratio_reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """rich's ``_ratio.ratio_reduce``: take ``total`` off ``values`` in proportion to ``ratios``."""
    ratios = [r if m else 0 for r, m in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    total_remaining = total
    result = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * total_remaining / total_ratio))
            result.append(value - distributed)
            total_remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def _collapse(widths: list[int], max_width: int) -> list[int]:
    """Narrow the widest columns, one step at a time, until the table fits (rich's ``_collapse_widths``,
    every column wrappable)."""
    total = sum(widths)
    excess = total - max_width
    while total and excess > 0:
        widest = max(widths)
        second = max((w if w != widest else 0) for w in widths)
        difference = widest - second
        ratios = [1 if w == widest else 0 for w in widths]
        if not any(ratios) or not difference:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        total = sum(widths)
        excess = total - max_width
    return widths


def column_widths(cells: Sequence[Sequence[str]], max_widths: Sequence[int | None], width: int) -> list[int]:
    """Each column's width, padding included, for a table ``width`` cells wide (borders included);
    ``cells`` are the columns, header first."""
    available = width - (len(cells) + 1)  # a border left and right of every column
    ranges = []
    for col, cap in zip(cells, max_widths, strict=True):
        measured = [_measure(c) for c in col]
        lo = max((m[0] for m in measured), default=0) + 2
        hi = max((m[1] for m in measured), default=0) + 2
        lo, hi = min(lo, available), min(hi, available)
        if cap is not None:
            lo, hi = min(lo, cap + 2), min(hi, cap + 2)
        ranges.append((lo, hi))
    widths = [hi or 1 for _, hi in ranges]
    if sum(widths) > available:
        widths = _collapse(widths, available)
        if sum(widths) > available:  # last resort: every column loses the same
            widths = _ratio_reduce(sum(widths) - available, [1] * len(widths), widths, widths)
        widths = [max(0, min(hi, w)) for (_, hi), w in zip(ranges, widths, strict=True)]
    return widths


def draw(headers: Sequence[str], rows: Sequence[Sequence[str]], *, justify: Sequence[str],
         max_widths: Sequence[int | None], title: str | None = None, width: int = PIPE_WIDTH,
         style: bool = False) -> str:
    """The table as text, every line ending with a newline."""
    columns = [[h, *(r[i] for r in rows)] for i, h in enumerate(headers)]
    widths = column_widths(columns, max_widths, width)
    table_width = sum(widths) + len(widths) + 1
    out: list[str] = []
    if title:  # centred over the table, folded when longer (rich's default overflow for a title)
        for line in title.split("\n"):
            breaks = _divide(line, table_width, fold=True)
            for a, b in zip([0, *breaks], [*breaks, len(line)], strict=True):
                text = _crop(line[a:b].rstrip(), table_width)
                text = " " * ((table_width - cell_len(text)) // 2) + text
                text += " " * (table_width - cell_len(text))
                out.append((f"\x1b[3m{text}\x1b[0m" if style else text) + "\n")
    out.append("┏" + "┳".join("━" * w for w in widths) + "┓\n")
    out.extend(_row(headers, widths, justify, "┃", bold=style, bottom=True))
    out.append("┡" + "╇".join("━" * w for w in widths) + "┩\n")
    for row in rows:
        out.extend(_row(row, widths, justify, "│"))
    out.append("└" + "┴".join("─" * w for w in widths) + "┘\n")
    return "".join(out)


def _row(cells: Sequence[str], widths: list[int], justify: Sequence[str], bar: str, *, bold: bool = False,
         bottom: bool = False) -> list[str]:
    """The lines of one row: each cell wrapped in its column (one space either side), shorter cells
    padded with blank lines below (above them in the header, which rich aligns to the bottom)."""
    wrapped = []
    for text, w, how in zip(cells, widths, justify, strict=True):
        inner = w - 2
        lines = [" " + line + " " for line in wrap(text, inner, how)] if inner > 0 else [" " * w]
        wrapped.append(lines)
    height = max(len(c) for c in wrapped)
    for j, c in enumerate(wrapped):
        blank = [" " * widths[j]] * (height - len(c))
        wrapped[j] = blank + c if bottom else c + blank
    if bold:
        wrapped = [[f"\x1b[1m{line}\x1b[0m" for line in c] for c in wrapped]
    return [bar + bar.join(c[i] for c in wrapped) + bar + "\n" for i in range(height)]


def _ranges(line: str, width: int) -> list[tuple[int, int]]:
    """Where each printed line of ``line`` (no line breaks, no tabs) starts and ends, as rich wraps a
    ``Text``: at spaces, a word longer than a line folded, a trailing space kept unless past the width."""
    breaks = _divide(line, width, fold=True)
    out = []
    for a, b in zip([0, *breaks], [*breaks, len(line)], strict=True):
        if b - a > width and (m := _TRAILING.search(line, a, b)):
            b -= min(len(m.group(0)), b - a - width)
        out.append((a, b))
    return out


def lines_of(text: str, width: int) -> list[str]:
    """``text`` as rich prints a ``Text`` on a console ``width`` wide: wrapped at spaces, a word longer
    than a line folded over lines, each line kept as divided (a trailing space stays)."""
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" in line:
            line = _expand_tabs(line)
        for a, b in _ranges(line, width):
            piece = line[a:b]
            out.append(_crop(piece, width) if cell_len(piece) > width else piece)
    return out


_SGR = {"bold": "1", "dim": "2", "italic": "3", "underline": "4", "red": "31", "green": "32", "yellow": "33",
        "blue": "34", "magenta": "35", "cyan": "36"}


def sgr(style: str | None) -> str | None:
    """The escape parameters of a style named as rich names it ("bold cyan" -> "1;36"), None for none."""
    codes = [_SGR[w] for w in (style or "").split() if w in _SGR]
    return ";".join(codes) or None


STYLES = {name: sgr(name) for name in ("bold", "dim", "italic", "bold cyan", "bold magenta")}


def styled_lines(spans: Sequence[tuple[str, str | None]], width: int, *, color: bool) -> list[str]:
    """Spans of text (already made safe) and their styles as printed lines of at most ``width``
    cells, wrapped as rich wraps a ``Text``; each span in its style when ``color``."""
    plain = "".join(text for text, _ in spans)
    codes, at = [], 0
    for text, name in spans:
        codes.append((at, at + len(text), sgr(name) if color else None))
        at += len(text)
    ends = [e for _, e, _ in codes]  # ascending: each piece starts its scan at the first span it reaches
    out: list[str] = []
    base = 0
    for line in plain.split("\n"):
        if "\t" in line:  # tabs change the offsets: this line goes out plain
            out += lines_of(line, width)
        else:
            for a, b in _ranges(line, width):
                piece = line[a:b]
                if cell_len(piece) > width or not color:
                    out.append(_crop(piece, width))
                    continue
                parts = []
                for k in range(bisect_right(ends, base + a), len(codes)):
                    s, e, code = codes[k]
                    if s >= base + b:
                        break
                    lo, hi = max(s, base + a), min(e, base + b)
                    if lo < hi:
                        parts.append(f"\x1b[{code}m{plain[lo:hi]}\x1b[0m" if code else plain[lo:hi])
                out.append("".join(parts))
        base += len(line) + 1
    return out


def rule(width: int, title: str = "") -> str:
    """A horizontal line across ``width`` cells, ``title`` in its middle (rich's ``Rule``)."""
    if not title or width - 4 <= 0:
        return "─" * width
    title = _truncate(title.replace("\n", " "), width - 4)
    side = (width - cell_len(title)) // 2
    left = "─" * max(side - 1, 0)
    right = ("─" * (side + 1))[:max(width - len(left) - cell_len(title), 0)]
    return _crop(left + " " + title + " " + right, width)


def print_text(text: str, *, style: str | None = None, stream: TextIO | None = None) -> None:
    """Write ``text`` (already made safe) as rich's ``console.print(Text(text, style=style))`` would:
    wrapped to the width, in ``style`` (bold, dim) on a terminal only."""
    stream = stream or sys.stdout
    on = STYLES.get(style or "") if styled(stream) else None
    for line in lines_of(text, width_of(stream)):
        stream.write((f"\x1b[{on}m{line}\x1b[0m" if on and line else line) + "\n")


def print_tree(labels: Sequence[Sequence[tuple[str, str | None]]], *, stream: TextIO | None = None,
               width: int | None = None) -> None:
    """A chain as rich draws a ``Tree`` whose every node has one child: each label (spans of text,
    already made safe, and their style) under the one before, after "└── ", wrapped to what is left
    of the width; styles on a terminal only."""
    stream = stream or sys.stdout
    width, style = width or width_of(stream), styled(stream)
    for depth, spans in enumerate(labels):
        lead = "    " * (depth - 1) + "└── " if depth else ""
        for line in styled_lines(spans, width - 4 * depth, color=style):
            stream.write(lead + line + "\n")
            lead = "    " * depth


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, justify: Sequence[str],
                max_widths: Sequence[int | None], title: str | None = None, stream: TextIO | None = None) -> None:
    """Write the table to ``stream`` (stdout), laid out for its width."""
    stream = stream or sys.stdout
    stream.write(draw(headers, rows, justify=justify, max_widths=max_widths, title=title,
                      width=width_of(stream), style=styled(stream)))
