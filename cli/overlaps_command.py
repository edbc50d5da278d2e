"""``provenance overlaps``: claims that recur across articles, their origins, and independence.

Registered by ``cli/main.py``. ``ingest`` keeps the overlap index and its groups current, so
this command only reads ``overlap_group``/``overlap_member`` (plain SQL, no SQLAlchemy). Only
when a cheap stamp (the largest claim, article and source ids, the numbers of sources and of
curation decisions) says the database changed since the groups were built (curation, an older
version's ingest, a library caller) does it bring them up to date first, as ``--rebuild`` does
from scratch.
"""

from typing import TYPE_CHECKING

import click

from cli.output import Column, format_option, render

if TYPE_CHECKING:
    from provenance.reads import Reader

OVERLAP_COLUMNS = [
    Column("group", lambda r: r["id"], justify="right"),
    Column("claims", lambda r: ", ".join(str(c) for c in r["claims"]), max_width=18),
    Column("articles", lambda r: len(r["articles"]), justify="right"),
    Column("independent", lambda r: "yes" if r["independent"] else "no"),
    Column("origins", lambda r: "; ".join(r["origins"]) or "(none named)", max_width=30),
    Column("claim", lambda r: r["text"], max_width=70),
]


@click.command("overlaps")
@click.option("--independent", is_flag=True, help="Only groups that rest on two or more different origins.")
@click.option("--dependent", is_flag=True, help="Only groups that rest on one origin (or none named).")
@click.option("--source", "-s", metavar="S", help="Only groups with a claim whose origin is this source.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many groups.")
@click.option("--rebuild", is_flag=True, help="Rebuild the overlap index from scratch first.")
@format_option
@click.pass_context
def overlaps_cmd(ctx: click.Context, independent: bool, dependent: bool, source, limit, rebuild: bool,
                 fmt: str) -> None:
    """Claims in different articles that state the same thing, with their origins; independent
    is false unless they rest on two or more different named origins."""
    if independent and dependent:
        raise click.UsageError("--independent and --dependent exclude each other: give one, or neither for all")
    wanted = True if independent else (False if dependent else None)  # None: every group
    from provenance import query

    state = ctx.find_root().obj
    reader = state.reader()
    if rebuild or not _groups_current(reader):
        from provenance.store.overlap_index import ensure_fresh

        reader.close()  # let the writer in (SQLite); reopened below
        state._reader = None
        report = ensure_fresh(state.engine(), rebuild=rebuild)
        if report.claims_indexed and fmt == "table":
            click.echo(f"indexed {report.claims_indexed} new claim(s): {report.pairs_added} overlapping pair(s), "
                       f"{report.groups} group(s)", err=True)
        reader = state.reader()
    # a table shows each group's claim ids, its number of articles and its origins: no member's text
    rows = query.list_overlaps(reader, independent=wanted, source=source, limit=limit, members=fmt != "table")
    render(rows, fmt, OVERLAP_COLUMNS)


def _groups_current(reader: "Reader") -> bool:
    """Whether the stored groups were built on the database as it is (index look-ups only)."""
    stored = reader.scalar("SELECT value FROM overlap_state WHERE name = 'stamp'")
    from provenance.reads import STAMP  # no SQLAlchemy on the read path

    now = ":".join(str(x or 0) for x in reader.first(STAMP) or ())
    return stored == now
