"""``provenance reindex``: re-derive source blocks and alias norms with this version's rules.

Thin: the work is ``provenance.reindex.reindex``, in one write transaction. Migrations are
frozen and never re-derive (issue 14); this is the step to run after an upgrade that changes
how names are normalized or blocked.
"""

import click


@click.command("reindex")
@click.pass_context
def reindex_cmd(ctx: click.Context) -> None:
    """Re-derive what resolution derives from stored names (source blocks, alias norms) with the
    rules of this version; run it after an upgrade that changes them. Sources, aliases, mentions
    and curation stay as they are."""
    from provenance.reindex import reindex
    from provenance.store import begin_write

    with begin_write(ctx.find_root().obj.engine()) as conn:
        done = reindex(conn)
    click.echo(done.message(), err=True)
