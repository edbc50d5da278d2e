"""``provenance overlaps``: claims that recur across articles, their origins, and independence.

Registered by ``cli/main.py``. The first call after an ingest brings the overlap index up
to date (its cost grows with the new claims only), then the groups are read from
``overlap_group``/``overlap_member``.
"""

import click

from cli.output import Column, format_option, render

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
    independent = True if independent else (False if dependent else None)
    from provenance import query
    from provenance.store import read_session
    from provenance.store.overlap_index import ensure_fresh

    engine = ctx.find_root().obj.engine()
    report = ensure_fresh(engine, rebuild=rebuild)
    if report.claims_indexed and fmt == "table":
        click.echo(f"indexed {report.claims_indexed} new claim(s): {report.pairs_added} overlapping pair(s), "
                   f"{report.groups} group(s)", err=True)
    with read_session(engine) as session:
        rows = query.list_overlaps(session, independent=independent, source=source, limit=limit)
    render(rows, fmt, OVERLAP_COLUMNS)
