"""Text from articles, names and paths made safe to show on a terminal (issue 11).

Data is shown literally but never obeyed: C0/C1 control characters (ESC starts the escape
sequences that retitle a window, hide text or clear the screen), DEL, and the Unicode bidi
controls that reorder what a line seems to say are written as visible escapes (``\\x1b``,
``\\u202e``). Only human output goes through here; JSON and CSV keep the stored text exact.
"""

import re

# C0 controls, DEL, C1 controls; the bidi embeddings, overrides and isolates (U+202A-202E,
# U+2066-2069), the bidi marks (U+200E, U+200F, U+061C); line and paragraph separators.
# Compiled on first use: the character classes take a few ms to compile, which every start of
# the CLI paid for (issue 13), and a text without one of these characters never needs them.
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
_UNSAFE_KEEP_LINES = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
_compiled: dict[str, re.Pattern[str]] = {}
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match) -> str:
    """One unsafe character as a visible escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def printable(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with every control and bidi character written as an escape; ``keep_lines``
    keeps newlines and tabs (a table cell may span lines, an error line may not)."""
    if text.isprintable():  # every character escaped here is one str.isprintable() turns down
        return text
    source = _UNSAFE_KEEP_LINES if keep_lines else _UNSAFE
    pattern = _compiled.get(source)
    if pattern is None:
        pattern = _compiled[source] = re.compile(source)
    return pattern.sub(_escape, text) if pattern.search(text) else text
