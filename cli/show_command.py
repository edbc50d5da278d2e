"""``provenance show ARTICLE``: the article in the terminal with its claims marked by kind, then
each claim's chain, laid out as rich laid it out (``cli.table``, without importing rich). Article
text is data: it is printed as written (never markup), and control characters and bidi overrides
are shown as ``<U+XXXX>`` instead of acting on the terminal.
"""

import os
import shutil
import sys
import unicodedata
from typing import Any

import click

Row = dict[str, Any]
KIND_LETTER = {"direct": "D", "secondhand": "S", "vague": "V", "unattributed": "U"}
KIND_STYLE = {"direct": "green", "secondhand": "magenta", "vague": "yellow", "unattributed": "cyan"}
# bidi embeddings, overrides and isolates, and the marks: they reorder what follows on screen
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MAX_WIDTH = 100  # columns on a wide terminal: longer lines are hard to read
PIPE_WIDTH = 80  # columns when writing to a pipe or a file


def visible(text: str | None) -> str:
    """``text`` safe for a terminal: control characters (but newline and tab) and bidi controls
    become ``<U+XXXX>``, so escape sequences and reordering in article text cannot act."""
    if not text:
        return ""
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch)
        elif ch in BIDI or unicodedata.category(ch) == "Cc":
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


def marker(claim: Row) -> str:
    """The bracketed mark of a claim, readable without colour: ``[3:S]`` is claim 3, secondhand."""
    return f"[{claim['n']}:{KIND_LETTER.get(claim['kind'], '?')}]"


Spans = list[tuple[str, str | None]]  # text (made visible) and its style, as rich names styles


def marked_text(view: Row, color: bool) -> Spans:
    """The article text as spans, each claim opened by ``[n:K]``, closed by ``[/n]`` and (in
    colour) underlined in its kind's colour; overlapping claims take the innermost colour."""
    from provenance.views import spans

    text = view["text"]
    claims = view["claims"]
    dim = "dim" if color else None
    out: Spans = []
    opened: list[Row] = []
    for a, b, keys in spans(len(text), [(c["start"], c["end"], c) for c in claims]):
        for c in sorted((c for c in opened if c["end"] <= a), key=lambda c: -c["start"]):
            out.append((f"[/{c['n']}]", dim))
            opened.remove(c)
        for c in claims:
            if c["start"] == a and c not in opened:
                out.append((marker(c), f"bold {KIND_STYLE[c['kind']]}" if color else None))
                opened.append(c)
        inner = min(keys, key=lambda c: c["end"] - c["start"]) if keys else None
        out.append((visible(text[a:b]), f"underline {KIND_STYLE[inner['kind']]}" if (inner and color) else None))
    for c in sorted(opened, key=lambda c: -c["start"]):
        out.append((f"[/{c['n']}]", dim))
    return out


def header(view: Row) -> list[Spans]:
    """The lines above the text: title, where it comes from, claim counts, the key to the marks."""
    title: Spans = [(f"article {view['id']}: ", "bold"), (visible(view["title"] or "(no title)"), "bold")]
    facts = [visible(x) for x in (view["outlet"], view["published"], view["url"], view["path"]) if x]
    counts = ", ".join(f"{k} {n}" for k, n in view["counts"].items())
    key: Spans = [("marks: ", None)]
    for kind, letter in KIND_LETTER.items():
        key.append((f"[n:{letter}]", f"bold {KIND_STYLE[kind]}"))
        key.append((f" {kind}  ", None))
    key.append(("[/n] end of claim n", None))
    lines = [title]
    if facts:
        lines.append([(" · ".join(facts), "dim")])
    if not view["is_current"]:
        lines.append([(f"version {view['version']}, not the current one", "dim")])
    lines += [[(f"{len(view['claims'])} claims: {counts}", None)], key]
    return lines


def claim_block(claim: Row, color: bool) -> list[tuple[int, Spans]]:
    """One numbered claim below the text, as (indent, spans): its mark, id, kind, cue, span, text,
    then its chain."""
    head: Spans = [(marker(claim), f"bold {KIND_STYLE[claim['kind']]}" if color else None),
                   (f" claim {claim['id']} · {claim['kind']} · {claim['hops']} hop{'s' if claim['hops'] != 1 else ''}"
                    f" · [{claim['start']}:{claim['end']}]", None)]
    if claim["cue"]:
        head += [(" · cue “", None), (visible(claim["cue"]), None), ("”", None)]
    body: list[tuple[int, Spans]] = [(0, head), (4, [("“" + visible(claim["text"]) + "”", None)])]
    if not claim["chain"]:
        body.append((4, [("no source", "italic")]))
    for i, link in enumerate(claim["chain"]):
        body += link_lines(i, link, color)
    return body


def link_lines(position: int, link: Row, color: bool) -> list[tuple[int, Spans]]:
    """One link of a chain: origin or relay, the source and its type, then its cue and its
    evidence with offsets, each indented under the link so wrapped lines stay in place."""
    role = "origin" if position == 0 else "relay "
    head: Spans = [(f"{position + 1}. {role} ", ("bold cyan" if position == 0 else "bold magenta") if color else None),
                   (visible(link["name"]), "bold" if color else None), (f" ({link['type']})", None)]
    if link.get("aliases"):
        more = f" (+{len(link['aliases']) - 5} more)" if len(link["aliases"]) > 5 else ""
        head.append(("  aka " + visible(", ".join(link["aliases"][:5])) + more, "dim" if color else None))
    ev = link["evidence"]
    cue: Spans = [("cue: " + (visible(link["cue"]) or "-"), None)]
    evidence: Spans = [(f"evidence [{ev['start']}:{ev['end']}]: “{visible(ev['text'])}”", None)]
    return [(4, head), (7, cue), (7, evidence)]


def render_view(view: Row, *, width: int, color: bool) -> str:
    """The whole ``show`` page as a string (ANSI styles only when ``color``), laid out as rich did
    (``cli.table``: its wrapping and rules, without importing rich)."""
    from cli.table import cell_len, rule, sgr, styled_lines

    def dim(text: str) -> str:
        return f"\x1b[{sgr('dim')}m{text}\x1b[0m" if color else text

    lines: list[str] = []
    for spans in header(view):
        lines += styled_lines(spans, width, color=color)
    lines.append(dim(rule(width)))
    lines += styled_lines(marked_text(view, color), width, color=color)
    lines.append(dim(rule(width, "claims, origin first in each chain")))
    for claim in view["claims"]:
        for indent, spans in claim_block(claim, color):
            if not indent:
                lines += styled_lines(spans, width, color=color)
                continue
            # rich's Padding(expand=False): as wide as the longest line, at most what the indent leaves
            longest = max((cell_len(x) for x in "".join(t for t, _ in spans).splitlines()), default=0)
            lines += [" " * indent + x for x in styled_lines(spans, min(longest, width - indent), color=color)]
        lines.append("")
    out = "\n".join(lines) + "\n"
    return out if color else "\n".join(line.rstrip() for line in out.split("\n"))


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (a function, so tests can pretend it is)."""
    return sys.stdout.isatty()


def page(output: str) -> None:
    """Send ``output`` through the user's pager as git does: ``$PAGER``, else ``less`` with
    ``LESS=FRX`` (quit when it fits one screen, keep colours, leave the text on screen)."""
    os.environ.setdefault("LESS", "FRX")
    click.echo_via_pager(output, color=True)


@click.command("show")
@click.argument("article", metavar="ARTICLE")
@click.option("--no-pager", is_flag=True, help="Print straight to stdout, even on a terminal.")
@click.pass_context
def show_cmd(ctx: click.Context, article: str, no_pager: bool) -> None:
    """Show an article with its claims marked by kind, then each claim's chain.

    ARTICLE is an id, a path, a file name or an external id. Marks read without colour:
    [3:S] opens claim 3 (D direct, S secondhand, V vague, U unattributed), [/3] closes it.
    On a terminal the page goes through $PAGER (less), as git does.
    """
    from cli.main import State
    from provenance.views import article_view

    state = ctx.find_object(State)
    if state is None:  # cli() sets it before any command runs
        raise RuntimeError("provenance show run outside the provenance group: no database chosen")
    view = article_view(state.reader(), article)
    tty = stdout_is_terminal()
    color = tty and not os.environ.get("NO_COLOR")
    width = min(shutil.get_terminal_size().columns, MAX_WIDTH) if tty else PIPE_WIDTH
    output = render_view(view, width=width, color=color)
    if tty and not no_pager:
        page(output)
    else:
        sys.stdout.write(output)
        sys.stdout.flush()
