"""Text from articles, names and paths made safe to show on a terminal (issue 11).

Data is shown literally but never obeyed: C0/C1 control characters (ESC starts the escape
sequences that retitle a window, hide text or clear the screen), DEL, and the Unicode bidi
controls that reorder what a line seems to say are written as visible escapes (``\\x1b``,
``\\u202e``). Only human output goes through here; JSON and CSV keep the stored text exact.
"""

import re

# C0 controls, DEL, C1 controls; the bidi embeddings, overrides and isolates (U+202A-202E,
# U+2066-2069), the bidi marks (U+200E, U+200F, U+061C); line and paragraph separators
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
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
    pattern = _UNSAFE_KEEP_LINES if keep_lines else _UNSAFE
    return pattern.sub(_escape, text) if pattern.search(text) else text
