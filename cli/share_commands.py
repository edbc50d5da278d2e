"""Commands that take chains out of the tool: ``export`` (W3C PROV, DOT, Mermaid), ``report``
(a static HTML site) and ``datasette-metadata``. Each parses its options, calls one library
function and writes what it returns.
"""

import sys

import click

EXPORT_FORMATS = ("prov-json", "prov-n", "prov-xml", "dot", "mermaid")  # provenance.export.FORMATS


def state(ctx: click.Context):
    """The group's shared state (database), looked up late so this module loads with --help only."""
    from cli.main import State

    return ctx.find_object(State)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="prov-json, prov-n, prov-xml (W3C PROV), dot (Graphviz) or mermaid.")
@click.option("--claim", "-c", type=int, metavar="ID", help="One claim's chain.")
@click.option("--article", "-a", metavar="A", help="Every claim of an article (id, path, file name, external id).")
@click.option("--source", "-s", metavar="S", help="Every claim whose chain includes this source (id or name).")
@click.option("--out", "-o", type=click.Path(dir_okay=False, writable=True), help="Write here, not to stdout.")
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, claim, article, source, out) -> None:
    """Export chains as W3C PROV, a Graphviz graph or a Mermaid flowchart.

    Give exactly one of --claim, --article or --source. Examples:
    `provenance export --format mermaid --claim 23`;
    `provenance export --format dot --article 2 | dot -Tsvg > chains.svg`.
    """
    from provenance.export import export
    from provenance.store import read_session

    given = [o for o, v in (("--claim", claim), ("--article", article), ("--source", source)) if v is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of --claim, --article or --source"
                               + (f" (got {' and '.join(given)})" if given else ""))
    with read_session(state(ctx).engine()) as session:
        text = export(session, fmt, claim=claim, article=article, source=source)
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


@click.command("report")
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False),
              help="Folder to write the site into (created if needed; pages in it are replaced).")
@click.option("--article", "-a", "articles", multiple=True, metavar="A",
              help="Only this article (id, path, file name, external id); repeat for more. Default: all.")
@click.pass_context
def report_cmd(ctx: click.Context, out: str, articles: tuple[str, ...]) -> None:
    """Write a static, offline HTML report: articles with claims highlighted by kind, each
    claim's chain and evidence on hover or click, and the recurring sources. Open OUT/index.html."""
    from provenance.report import build_report
    from provenance.store import read_session

    with read_session(state(ctx).engine()) as session:
        summary = build_report(session, out, list(articles) or None)
    click.echo(f"{summary.articles} article page(s), {summary.claims} claims, {summary.sources} recurring "
               f"source(s): open {summary.out / 'index.html'}", err=True)


@click.command("datasette-metadata")
@click.option("--name", metavar="NAME",
              help="The database's name in Datasette [default: the --db file name without .db].")
@click.option("--out", "-o", type=click.Path(dir_okay=False, writable=True), help="Write here, not to stdout.")
@click.pass_context
def datasette_metadata_cmd(ctx: click.Context, name: str | None, out: str | None) -> None:
    """Print a Datasette metadata file: table and column descriptions, label columns, canned queries.

    \b
    provenance datasette-metadata > metadata.json
    datasette provenance.db -m metadata.json     # pip install -e ".[web]"
    """
    import json

    from provenance.datasette import database_name, metadata

    text = json.dumps(metadata(name or database_name(state(ctx).db)), indent=2, ensure_ascii=False) + "\n"
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


SHARE_COMMANDS = [export_cmd, report_cmd, datasette_metadata_cmd]
