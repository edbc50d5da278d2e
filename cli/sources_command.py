"""Subcommands of ``provenance sources``: curate sources (merge, split, alias add) and review merges.

Registered by ``cli/main.py`` on its ``sources`` group, which still lists sources when no
subcommand is given (``provenance sources --recurring``). Curation is stored in the
database (``source_curation``) and applied again by every later ingest.
"""

import click

from cli.output import Column, format_option, render
from provenance.kinds import SourceType


def _engine(ctx: click.Context):
    """The database engine of the command's State (``ctx.obj``, set by the top-level group)."""
    return ctx.find_root().obj.engine()


def _curate(ctx: click.Context, action, *args) -> None:
    """Run one curation action in a write transaction and say what it did."""
    from provenance.store import begin_write
    from provenance.store.overlap_index import ensure_fresh

    with begin_write(_engine(ctx)) as conn:
        outcome = action(conn, *args)
    ensure_fresh(_engine(ctx))  # origins changed: regroup the overlaps now, so that `overlaps` only reads
    click.echo(outcome.message(), err=True)


@click.command("merge")
@click.argument("target")
@click.argument("others", nargs=-1, required=True, metavar="OTHER...")
@click.pass_context
def merge_cmd(ctx: click.Context, target: str, others: tuple[str, ...]) -> None:
    """Merge OTHER sources into TARGET (names or ids): one source from now on, in this database
    and in every later ingest."""
    from provenance import curation

    for other in others:
        _curate(ctx, curation.merge, target, other)


@click.command("split")
@click.argument("source")
@click.argument("alias")
@click.pass_context
def split_cmd(ctx: click.Context, source: str, alias: str) -> None:
    """Move the name ALIAS out of SOURCE into a source of its own, with what articles said
    under that name; kept for every later ingest."""
    from provenance import curation

    _curate(ctx, curation.split, source, alias)


@click.group("alias")
def alias_group() -> None:
    """Names of a source."""


@alias_group.command("add")
@click.argument("source")
@click.argument("alias")
@click.pass_context
def alias_add_cmd(ctx: click.Context, source: str, alias: str) -> None:
    """Make ALIAS a name of SOURCE from now on (a source already named ALIAS is merged into it)."""
    from provenance import curation

    _curate(ctx, curation.add_alias, source, alias)


@click.command("type")
@click.argument("source")
@click.argument("new_type", metavar="TYPE", type=click.Choice([t.value for t in SourceType]))
@click.pass_context
def type_cmd(ctx: click.Context, source: str, new_type: str) -> None:
    """Change the type of a wrongly typed SOURCE (a source of TYPE with the same name is merged
    into it); kept for every later ingest."""
    from provenance import curation

    _curate(ctx, curation.set_type, source, new_type)


MERGE_COLUMNS = [
    Column("source", lambda r: r["source_id"], justify="right"),
    Column("name", lambda r: r["name"], max_width=36),
    Column("type", lambda r: r["type"]),
    Column("joined as", lambda r: r["alias"], max_width=40),
    Column("reason", lambda r: r["reason"]),
    Column("score", lambda r: r["score"], justify="right"),
    Column("articles", lambda r: r["article_count"], justify="right"),
]


@click.command("merges")
@click.option("--reason", help="Only merges made for this reason (spelling-variant, acronym, lexicon, ...).")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many.")
@format_option
@click.pass_context
def merges_cmd(ctx: click.Context, reason, limit, fmt: str) -> None:
    """Review the names resolution joined to sources, widest sources first, with reason and score."""
    from provenance import query
    from provenance.store import read_session

    with read_session(_engine(ctx)) as session:
        render(query.list_merges(session, reason=reason, limit=limit), fmt, MERGE_COLUMNS)


CURATION_COLUMNS = [
    Column("id", lambda r: r["id"], justify="right"),
    Column("action", lambda r: r["action"]),
    Column("name", lambda r: r["alias"], max_width=40),
    Column("pins", lambda r: r["pins"], max_width=30),
    Column("source", lambda r: f"{r['source_id']} {r['source'] or ''}", max_width=40),
]


@click.command("curation")
@format_option
@click.pass_context
def curation_cmd(ctx: click.Context, fmt: str) -> None:
    """List the curation decisions kept in the database (applied on every ingest)."""
    from provenance import curation
    from provenance.store import read_session

    with read_session(_engine(ctx)) as session:
        render(curation.list_curation(session.connection()), fmt, CURATION_COLUMNS)


SUBCOMMANDS = [merge_cmd, split_cmd, alias_group, type_cmd, merges_cmd, curation_cmd]
