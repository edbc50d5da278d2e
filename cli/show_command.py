"""``provenance show ARTICLE``: the article in the terminal with its claims marked by kind, then
each claim's chain. Article text is data: it reaches rich as ``Text`` (never markup), and
control characters and bidi overrides are shown as ``<U+XXXX>`` instead of acting on the terminal.
"""

import io
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


def marked_text(view: Row, color: bool):
    """The article text as rich ``Text`` with each claim opened by ``[n:K]``, closed by ``[/n]``
    and (in colour) underlined in its kind's colour; overlapping claims take the innermost colour."""
    from rich.text import Text

    from provenance.views import spans

    text = view["text"]
    claims = view["claims"]
    dim = "dim" if color else ""
    out = Text()
    opened: list[Row] = []
    for a, b, keys in spans(len(text), [(c["start"], c["end"], c) for c in claims]):
        for c in sorted((c for c in opened if c["end"] <= a), key=lambda c: -c["start"]):
            out.append(f"[/{c['n']}]", style=dim)
            opened.remove(c)
        for c in claims:
            if c["start"] == a and c not in opened:
                out.append(marker(c), style=f"bold {KIND_STYLE[c['kind']]}" if color else "")
                opened.append(c)
        inner = min(keys, key=lambda c: c["end"] - c["start"]) if keys else None
        style = f"underline {KIND_STYLE[inner['kind']]}" if (inner and color) else ""
        out.append(visible(text[a:b]), style=style)
    for c in sorted(opened, key=lambda c: -c["start"]):
        out.append(f"[/{c['n']}]", style=dim)
    return out


def header(view: Row) -> list:
    """The lines above the text: title, where it comes from, claim counts, the key to the marks."""
    from rich.text import Text

    title = Text(f"article {view['id']}: ", style="bold")
    title.append(visible(view["title"] or "(no title)"), style="bold")
    facts = [visible(x) for x in (view["outlet"], view["published"], view["url"], view["path"]) if x]
    counts = ", ".join(f"{k} {n}" for k, n in view["counts"].items())
    key = Text("marks: ")
    for kind, letter in KIND_LETTER.items():
        key.append(f"[n:{letter}]", style=f"bold {KIND_STYLE[kind]}")
        key.append(f" {kind}  ")
    key.append("[/n] end of claim n")
    lines = [title]
    if facts:
        lines.append(Text(" · ".join(facts), style="dim"))
    if not view["is_current"]:
        lines.append(Text(f"version {view['version']}, not the current one", style="dim"))
    lines += [Text(f"{len(view['claims'])} claims: {counts}"), key]
    return lines


def claim_block(claim: Row, color: bool) -> list:
    """One numbered claim below the text: its mark, id, kind, cue, span, text, then its chain."""
    from rich.padding import Padding
    from rich.text import Text

    style = f"bold {KIND_STYLE[claim['kind']]}" if color else ""
    head = Text(marker(claim), style=style)
    head.append(f" claim {claim['id']} · {claim['kind']} · {claim['hops']} hop{'s' if claim['hops'] != 1 else ''}"
                f" · [{claim['start']}:{claim['end']}]")
    if claim["cue"]:
        head.append(" · cue “")
        head.append(visible(claim["cue"]))
        head.append("”")
    body = [head, Padding(Text("“" + visible(claim["text"]) + "”"), (0, 0, 0, 4), expand=False)]
    if not claim["chain"]:
        body.append(Padding(Text("no source", style="italic"), (0, 0, 0, 4), expand=False))
    for i, link in enumerate(claim["chain"]):
        body += link_lines(i, link, color)
    return body


def link_lines(position: int, link: Row, color: bool) -> list:
    """One link of a chain: origin or relay, the source and its type, then its cue and its
    evidence with offsets, each indented under the link so wrapped lines stay in place."""
    from rich.padding import Padding
    from rich.text import Text

    role = "origin" if position == 0 else "relay "
    head = Text(f"{position + 1}. {role} ", style=("bold cyan" if position == 0 else "bold magenta") if color else "")
    head.append(visible(link["name"]), style="bold" if color else "")
    head.append(f" ({link['type']})")
    if link.get("aliases"):
        more = f" (+{len(link['aliases']) - 5} more)" if len(link["aliases"]) > 5 else ""
        head.append("  aka " + visible(", ".join(link["aliases"][:5])) + more, style="dim" if color else "")
    ev = link["evidence"]
    cue = Text("cue: " + (visible(link["cue"]) or "-"))
    evidence = Text(f"evidence [{ev['start']}:{ev['end']}]: “{visible(ev['text'])}”")
    return [Padding(head, (0, 0, 0, 4), expand=False), Padding(cue, (0, 0, 0, 7), expand=False),
            Padding(evidence, (0, 0, 0, 7), expand=False)]


def render_view(view: Row, *, width: int, color: bool) -> str:
    """The whole ``show`` page as a string (ANSI styles only when ``color``)."""
    from rich.console import Console
    from rich.rule import Rule
    from rich.text import Text

    buf = io.StringIO()
    con = Console(file=buf, width=width, force_terminal=color, no_color=not color, highlight=False,
                  markup=False, emoji=False, color_system="standard" if color else None)
    for line in header(view):
        con.print(line)
    con.print(Rule(style="dim"))
    con.print(marked_text(view, color))
    con.print(Rule("claims, origin first in each chain", style="dim"))
    for claim in view["claims"]:
        for part in claim_block(claim, color):
            con.print(part)
        con.print(Text(""))
    out = buf.getvalue()
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
