"""Rendering of query results: one ``--format`` option for every listing, and its four formats.

``table`` is for people (``cli.table``, rich's layout without rich), ``json`` prints an array (or one object for single-item
commands), ``jsonl`` one object a line, ``csv`` flattened columns. JSON and JSONL stream
row by row, so a large listing never waits for the whole result.

Text from articles is data everywhere (issue 11): people's output shows it literally (plain
strings in ``cli.table``; rich ``Text`` on a console without markup or emoji codes for the chain
tree and a source's header) with control and bidi characters made visible (``provenance.printable``); JSON and CSV keep it exact, except that a CSV cell that
a spreadsheet would run as a formula gets OWASP's leading apostrophe.
"""

import json
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal

import click

from provenance.printable import printable

if TYPE_CHECKING:
    from rich.text import Text

# rich is imported where a tree or a source's header is drawn, not here (tables are cli.table's): json/jsonl/csv output, --help and
# --version never load it. csv and pathlib too are imported where they are used, and Column is a
# plain class, not a dataclass: each of them cost every query command a few ms of start-up
# (issue 13, docs/benchmarks.md).

FORMATS = ("table", "json", "jsonl", "csv")
Row = dict[str, Any]


def format_option(func: Callable) -> Callable:
    """The shared ``--format`` option (decorator), defined once for every listing command."""
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
        help="Output format: table for people; json, jsonl or csv for programs.",
    )(func)


ARTICLES_PER_ROW = 100  # default of --articles (the library's query.ARTICLES_PER_SOURCE)


def articles_option(func: Callable) -> Callable:
    """The shared ``--articles N`` option of listings whose rows carry an ``articles`` list:
    at most N articles a row, the lowest ids first (``article_count`` still counts them all)."""
    return click.option(
        "--articles", "articles", type=click.IntRange(min=0), default=ARTICLES_PER_ROW, show_default=True,
        metavar="N", help="At most N articles listed per row (lowest ids first; article_count has them all); "
                          "0 lists all.",
    )(func)


class Column:
    """A table column: its header and how to get the cell from a row."""

    __slots__ = ("header", "get", "max_width", "justify")

    def __init__(self, header: str, get: Callable[[Row], Any], max_width: int | None = None,
                 justify: Literal["default", "left", "center", "right", "full"] = "left") -> None:
        self.header = header
        self.get = get
        self.max_width = max_width
        self.justify = justify  # rich's JustifyMethod

    def __repr__(self) -> str:
        return f"Column({self.header!r}, max_width={self.max_width!r}, justify={self.justify!r})"


def console(err: bool = False):
    """A rich console on stdout (or stderr); wide when not on a terminal, so pipes keep lines whole."""
    from rich.console import Console

    stream = sys.stderr if err else sys.stdout
    width = None if stream.isatty() else 160
    # no markup and no :emoji: codes: strings printed here may hold article text ("[sic]", "[/]")
    return Console(file=stream, width=width, highlight=False, soft_wrap=False, markup=False, emoji=False)


def render(rows: Iterable[Row], fmt: str, columns: list[Column], *, title: str | None = None) -> int:
    """Print ``rows`` in ``fmt``; return how many were printed."""
    out = sys.stdout
    n = 0
    if fmt == "json":
        out.write("[")
        for row in rows:
            out.write(("," if n else "") + "\n" + _indent(dumps(row, indent=2)))
            n += 1
        out.write("\n]\n" if n else "]\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(dumps(row) + "\n")
            n += 1
    elif fmt == "csv":
        import csv

        writer = None
        for row in rows:
            flat = flatten(row)
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore", lineterminator="\n")
                writer.writeheader()
            writer.writerow({k: spreadsheet_safe(v) for k, v in flat.items()})
            n += 1
    else:
        from cli.table import print_table

        body = [[printable(cell(col.get(row)), keep_lines=True) for col in columns] for row in rows]
        n = len(body)
        if n:
            print_table([c.header for c in columns], body, justify=[c.justify for c in columns],
                        max_widths=[c.max_width for c in columns], title=title, stream=out)
        else:
            click.echo("(nothing found)", err=True)
    out.flush()
    return n


def render_one(row: Row, fmt: str, table: Callable[[Row], None], csv_rows: Callable[[Row], list[Row]]) -> None:
    """Print a single result: an object in json/jsonl, rows in csv, ``table(row)`` for people."""
    out = sys.stdout
    if fmt == "json":
        out.write(dumps(row, indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(dumps(row) + "\n")
    elif fmt == "csv":
        render(csv_rows(row), "csv", [])
    else:
        table(row)
    out.flush()


def show_chain(claim: Row) -> None:
    """A claim's chain as a tree: the claim, then its origin, then each relay, with evidence
    (``cli.table.print_tree``: rich's tree, without rich)."""
    from cli.table import print_tree

    art = claim["article"]
    labels: list[list[tuple[str, str | None]]] = [[
        (f"claim {claim['id']}", "bold"),
        (f"  {claim['kind']}, {claim['hops']} hop{'s' if claim['hops'] != 1 else ''}", None),
        (f"  [{claim['start']}:{claim['end']}]", "dim"),
        (f"\narticle {art['id']}: {_shown(art.get('title') or '')} ({_shown(short_path(art.get('path')))})", "dim"),
        (f"\n“{printable(claim['text'], keep_lines=True)}”", None),
    ]]
    if not claim["chain"]:
        labels.append([("no source: " + ("unattributed" if claim["kind"] == "unattributed" else claim["kind"]),
                        "italic")])
    for i, link in enumerate(claim["chain"]):
        ev = link["evidence"]
        label: list[tuple[str, str | None]] = [
            ("origin" if i == 0 else "relay", "bold cyan" if i == 0 else "bold magenta"),
            (f": {_shown(link['name'])} ({link['type']})", "bold"),
        ]
        if link.get("aliases"):
            label.append((f"  aka {_shown(', '.join(link['aliases']))}", "dim"))
        label.append((f"\ncue: {_shown(link['cue'] or '-')}", None))
        label.append((f"\nevidence [{ev['start']}:{ev['end']}]: “{printable(ev['text'] or '', keep_lines=True)}”",
                      None))
        labels.append(label)
    print_tree(labels)


def show_source(src: Row) -> None:
    """One source in full: a few lines, then small tables (``cli.table``, no rich)."""
    from cli.table import print_text

    print_text(f"source {src['id']}: {_shown(src['name'])} ({src['type']})", style="bold")
    if src.get("role"):
        print_text(f"role: {_shown(src['role'])}")
    print_text(f"in {src['article_count']} article(s), {src['claim_count']} claim(s): "
               f"origin {src['origin_count']}×, relay {src['relay_count']}×, mentioned {src['mention_count']}×")
    if src.get("other_matches"):
        shown = src["other_matches"]
        more = src["match_count"] - 1 - len(shown)
        print_text(f"{src['match_count'] - 1} other source(s) of that name, widest first (show one with its id): "
                   + "; ".join(f"{o['id']} {_shown(o['name'])} ({o['type']}, {o['article_count']} art.)" for o in shown)
                   + (f"; and {more} more" if more > 0 else ""), style="dim")
    if src["aliases"]:
        print_text("aliases: " + _shown("; ".join(src["aliases"])))
    for rel in ("affiliations", "publishers", "authors"):
        if src.get(rel):
            print_text(f"{rel}: " + _shown("; ".join(r["name"] for r in src[rel])))
    if src.get("related"):
        print_text("related: " + _shown("; ".join(f"{r['name']} ({r['relation']})" for r in src["related"])))
    if src["articles"]:
        render(src["articles"], "table", [Column("id", lambda r: r["id"], justify="right"),
                                          Column("path", lambda r: short_path(r["path"])),
                                          Column("title", lambda r: r["title"], max_width=60),
                                          Column("outlet", lambda r: r["outlet"])], title="articles")
    if src["claims"]:
        render(src["claims"], "table", [Column("claim", lambda r: r["id"], justify="right"),
                                        Column("article", lambda r: r["article_id"], justify="right"),
                                        Column("as", lambda r: r["role"]),
                                        Column("kind", lambda r: r["kind"]),
                                        Column("text", lambda r: r["text"], max_width=70),
                                        Column("chain", lambda r: r["chain_text"], max_width=40)],
               title="claims")


def dumps(obj: Any, indent: int | None = None) -> str:
    """JSON with real Unicode (quotes and accents stay readable); dates as strings."""
    return json.dumps(obj, ensure_ascii=False, indent=indent, default=str)


def flatten(row: Row, prefix: str = "") -> Row:
    """A nested row as flat CSV columns: ``article.id``; lists of scalars joined by "; "."""
    flat: Row = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, list):
            if all(not isinstance(v, (dict, list)) for v in value):
                flat[name] = "; ".join(str(v) for v in value)
            else:
                flat[name] = dumps(value)
        else:
            flat[name] = value
    return flat


# OWASP's CSV injection rule: a cell starting with one of these is a formula to a spreadsheet
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula: text starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe, as OWASP advises; numbers and other text as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def literal(text: str) -> "Text":
    """Text from the data for a rich table: shown as written (never markup), controls and bidi
    characters made visible, line breaks kept."""
    from rich.text import Text

    return Text(printable(text, keep_lines=True))


def _shown(text: str) -> str:
    """A name or path for one line of people's output: controls and bidi characters made visible."""
    return printable(str(text))


def cell(value: Any) -> str:
    """A table cell: lists joined, None as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def short_path(path: str | None) -> str:
    """The last part of a path (with any ``#record``), enough to recognize an article in a table."""
    if not path:
        return "<stdin>"
    from pathlib import PurePath

    base, sep, rec = path.partition("#")
    return PurePath(base).name + sep + rec


def _indent(s: str, by: str = "  ") -> str:
    """Indent every line of ``s`` (JSON array items)."""
    return "\n".join(by + line for line in s.split("\n"))
