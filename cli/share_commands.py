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


SHARE_COMMANDS = [export_cmd]
