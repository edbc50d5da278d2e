"""The ``provenance`` command: thin commands that parse options, call the library, render.

Exit codes: 0 success; 1 an error, or (ingest) some inputs could not be read; 2 a usage
error. No traceback reaches the user unless ``--debug`` is given.
"""

import operator
import os
import sys
from typing import TYPE_CHECKING

import click

from cli.output import (
    Column,
    articles_option,
    format_option,
    render,
    render_one,
    short_path,
    show_chain,
    show_source,
)
from provenance import __version__
from provenance.errors import ProvenanceError
from provenance.kinds import ClaimKind, SourceType

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from provenance.reads import Reader

# SQLAlchemy, the query layer, resolution, overlaps and rich are imported inside the commands
# that use them, so --help, --version and each command's --help start in a fraction of the
# time (docs/benchmarks.md); tests/test_cli.py checks that they stay out.

KINDS = [k.value for k in ClaimKind]
TYPES = [t.value for t in SourceType]


class State:
    """What the group options decided, shared with every command. A plain class: the dataclass
    machinery (the module and the generated methods) cost every command start-up a few ms."""

    def __init__(self, db: str, debug: bool = False) -> None:
        self.db = db
        self.debug = debug
        self._engine: Engine | None = None
        self._reader: Reader | None = None

    def __repr__(self) -> str:
        return f"State(db={self.db!r}, debug={self.debug!r})"

    def engine(self, *, create: bool = False) -> "Engine":
        """The database engine, opened (and migrated) on first use."""
        if self._engine is None:
            from provenance.store import open_database

            self._engine = open_database(self.db, create=create)
        return self._engine

    def reader(self) -> "Reader":
        """A plain DB-API reader for the query commands (``provenance.reads``: no SQLAlchemy
        unless the database needs migrating), closed when the command ends."""
        if self._reader is None:
            from provenance.reads import open_reader

            self._reader = open_reader(self.db)
            click.get_current_context().call_on_close(self._reader.close)
        return self._reader


class LazyGroup(click.Group):
    """A click group whose commands in other modules are imported only when they are run (or
    listed by ``--help``): a query command does not pay for the modules of the others."""

    lazy: dict[str, tuple[str, str]] = {}  # command name -> (module, attribute)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is None and cmd_name in self.lazy:
            import importlib

            module, attr = self.lazy[cmd_name]
            # a command module that fails to import fails loudly (issue 14), never hides its command
            cmd = getattr(importlib.import_module(module), attr)
            self.add_command(cmd, cmd_name)
        return cmd


class SourcesGroup(LazyGroup):
    """``sources``: its curation subcommands live in cli/sources_command.py."""

    lazy = {name: ("cli.sources_command", attr) for name, attr in (
        ("merge", "merge_cmd"), ("split", "split_cmd"), ("alias", "alias_group"), ("type", "type_cmd"),
        ("merges", "merges_cmd"), ("curation", "curation_cmd"))}


class ProvenanceGroup(LazyGroup):
    """A click group that turns any exception into ``Error: ...`` and exit code 1 (``--debug`` re-raises)."""

    lazy = {  # commands in their own modules
        "overlaps": ("cli.overlaps_command", "overlaps_cmd"),
        "show": ("cli.show_command", "show_cmd"),
        "export": ("cli.share_commands", "export_cmd"),
        "report": ("cli.share_commands", "report_cmd"),
        "datasette-metadata": ("cli.share_commands", "datasette_metadata_cmd"),
        "eval": ("cli.eval_command", "eval_cmd"),
        "reindex": ("cli.reindex_command", "reindex_cmd"),
    }

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # `provenance claims | head`: stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"Error: {error_message(exc)}", err=True)
            ctx.exit(1)


def error_message(exc: Exception) -> str:
    """One line that says what went wrong, without Python internals."""
    if isinstance(exc, ProvenanceError):
        return str(exc)
    if "sqlalchemy" in sys.modules:  # a database error can only come from a command that loaded it
        from sqlalchemy.exc import SQLAlchemyError

        from provenance.store.db import explain

        if isinstance(exc, SQLAlchemyError):
            return f"database error: {explain(exc)}"
    # the query commands read through the driver itself (provenance.reads): its errors, in its words
    for driver in ("sqlite3", "psycopg"):
        module = sys.modules.get(driver)
        if module is not None and isinstance(exc, getattr(module, "Error", ())):
            return f"database error: {' '.join(str(exc).split()) or exc.__class__.__name__}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    if isinstance(exc, OverflowError):  # e.g. an id or limit beyond SQLite's 64-bit integers
        return f"a number is too large: {exc}"
    return f"{exc.__class__.__name__}: {exc} (run with --debug for details)"


@click.group(cls=ProvenanceGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", default="provenance.db", envvar="PROVENANCE_DB", show_default=True,
              metavar="PATH|URL", help="SQLite file or SQLAlchemy URL [env: PROVENANCE_DB].")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(__version__, "--version", prog_name="provenance")
@click.pass_context
def cli(ctx: click.Context, db: str, debug: bool) -> None:
    """Who says so, and how did it reach this page? Source chains for news claims."""
    ctx.obj = State(db=db, debug=debug)


pass_state = click.make_pass_decorator(State)


# ---------------------------------------------------------------- ingest


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--outlet", help="Outlet of every article read (overrides the files).")
@click.option("--url", callback=lambda c, p, v: _checked(v, "is_web_url", "an http(s) URL"),
              help="URL of every article read (overrides the files).")
@click.option("--published", metavar="DATE", callback=lambda c, p, v: _checked(v, "is_date", "a date (2024-03-01)"),
              help="Publication date of every article read (ISO 8601).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes [default: number of CPUs].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary; errors only.")
@click.option("--tagger", is_flag=True,
              help="Also run the CRF tagger on sentences the rules leave open: +2.5 points of "
                   "attribution F1 held out, about 20% slower (docs/tagger.md).")
@pass_state
def ingest(state: State, paths: tuple[str, ...], outlet, url, published, workers, quiet, tagger) -> None:
    """Read files, folders (recursively) or - (stdin) into the database."""
    from cli.progress import ingest_with_progress
    from provenance.extract.options import ExtractOptions
    from provenance.store.db import check_writable

    engine = state.engine(create=True)
    check_writable(engine)  # a read-only database fails now, not after extracting the first batch
    report = ingest_with_progress(
        paths, engine, outlet=outlet, url=url, published=published, workers=workers,
        show_bar=not quiet and sys.stderr.isatty(), notes=not quiet,
        extract_options=ExtractOptions(tagger=tagger),
    )
    if not quiet:
        click.echo(
            f"{report.articles} article(s): {report.added} added, {report.unchanged} unchanged, "
            f"{report.duplicates} duplicate(s), {report.versions} new version(s); "
            f"{report.claims} claims, {report.words:,} words in {report.seconds:.1f} s "
            f"({report.words_per_second:,.0f} words/s)"
            + (f"; {report.failed} input(s) failed" if report.failed else ""),
            err=True,
        )
    if report.failed:
        sys.exit(1)


def _checked(value: str | None, test: str, what: str) -> str | None:
    """An option's value when ``provenance.readers.<test>`` accepts it, else a usage error (exit 2)."""
    if value is None:
        return None
    from provenance import readers

    if not getattr(readers, test)(value):
        raise click.BadParameter(f"{value!r} is not {what}")
    return value


# ---------------------------------------------------------------- listings


ARTICLE_COLUMNS = [
    Column("id", lambda r: r["id"], justify="right"),
    Column("path", lambda r: short_path(r["path"]), max_width=40),
    Column("title", lambda r: r["title"], max_width=50),
    Column("outlet", lambda r: r["outlet"]),
    Column("date", lambda r: r["published"]),
    Column("url", lambda r: r["url"], max_width=40),
    Column("words", lambda r: r["words"], justify="right"),
    Column("claims", lambda r: r["claim_count"], justify="right"),
    *[Column(k, operator.itemgetter(k), justify="right") for k in KINDS],
]

CLAIM_COLUMNS = [
    Column("id", lambda r: r["id"], justify="right"),
    Column("article", lambda r: short_path(r["article"]["path"]), max_width=28),
    Column("kind", lambda r: r["kind"]),
    Column("claim", lambda r: r["text"], max_width=70),
    Column("cue", lambda r: r["cue"], max_width=18),
    Column("chain (origin first)", lambda r: r["chain_text"], max_width=45),
]

SOURCE_COLUMNS = [
    Column("id", lambda r: r["id"], justify="right"),
    Column("name", lambda r: r["name"], max_width=40),
    Column("type", lambda r: r["type"]),
    Column("aliases", lambda r: _few(r["aliases"]), max_width=40),
    Column("articles", lambda r: r["article_count"], justify="right"),
    Column("claims", lambda r: r["claim_count"], justify="right"),
    Column("origin", lambda r: r["origin_count"], justify="right"),
    Column("relay", lambda r: r["relay_count"], justify="right"),
]


def _few(items: list[str], n: int = 4) -> str:
    """The first few items of a list for a table cell, and how many more there are."""
    more = f" (+{len(items) - n} more)" if len(items) > n else ""
    return "; ".join(items[:n]) + more


@cli.command()
@click.option("--outlet", metavar="NAME", help="Only this outlet's articles (case ignored).")
@click.option("--since", metavar="DATE", help="Only articles published on or after DATE (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many articles.")
@format_option
@pass_state
def articles(state: State, outlet, since, limit, fmt: str) -> None:
    """List articles with their date, URL and counts of claims by kind."""
    from provenance import query

    render(query.list_articles(state.reader(), limit=limit, outlet=outlet, since=since), fmt, ARTICLE_COLUMNS)


TABLE_CLAIMS = 100  # claims a table shows without --limit (the rest are counted, not drawn)


@cli.command()
@click.option("--article", "-a", metavar="A", help="Article id, path, file name or external id.")
@click.option("--source", "-s", metavar="S", help="Source id or name: claims whose chain includes it.")
@click.option("--kind", "-k", type=click.Choice(KINDS), help="Only claims of this kind.")
@click.option("--secondhand", is_flag=True, help="Only secondhand claims (same as --kind secondhand).")
@click.option("--search", metavar="TEXT", help="Full-text search in the claim text (FTS5 syntax allowed).")
@click.option("--limit", type=click.IntRange(min=0),
              help=f"At most this many claims [default: all; a table shows {TABLE_CLAIMS} and says how many more].")
@click.option("--all", "all_", is_flag=True, help="A table shows every claim, however many.")
@format_option
@pass_state
def claims(state: State, article, source, kind, secondhand, search, limit, all_: bool, fmt: str) -> None:
    """List claims with their chains of sources, origin first."""
    from provenance import query

    filters = dict(article=article, source=source, kind=kind, secondhand=secondhand, search=search)
    cut = fmt == "table" and limit is None and not all_
    reader = state.reader()
    rows = query.iter_claims(reader, **filters, limit=TABLE_CLAIMS if cut else limit)
    shown = render(rows, fmt, CLAIM_COLUMNS)
    if cut and shown == TABLE_CLAIMS:
        left = query.count_claims(reader, **filters) - shown
        if left:
            click.echo(f"{shown} claims shown, {left} more left out: --limit N or --all to see them, "
                       "--format jsonl to process them all", err=True)


@cli.command()
@click.argument("claim_id", type=int)
@format_option
@pass_state
def chain(state: State, claim_id: int, fmt: str) -> None:
    """Show one claim's chain: origin, then relays, each with its cue, evidence and offsets."""
    from provenance import query

    claim = query.get_chain(state.reader(), claim_id)
    render_one(claim, fmt, show_chain, _chain_csv_rows)


def _chain_csv_rows(claim: dict) -> list[dict]:
    """One CSV row per link of a chain (one row with empty link fields when it has none)."""
    base = {"claim_id": claim["id"], "article_id": claim["article"]["id"], "claim": claim["text"],
            "kind": claim["kind"], "hops": claim["hops"]}
    empty = {"position": None, "role": None, "source_id": None, "name": None, "type": None,
             "cue": claim["cue"], "evidence_start": None, "evidence_end": None, "evidence_text": None}
    rows = [dict(base, **empty)] if not claim["chain"] else []
    for pos, link in enumerate(claim["chain"]):
        rows.append(dict(base, position=pos, role=link["role"], source_id=link["source_id"],
                         name=link["name"], type=link["type"], cue=link["cue"],
                         evidence_start=link["evidence"]["start"], evidence_end=link["evidence"]["end"],
                         evidence_text=link["evidence"]["text"]))
    return rows


@cli.group(cls=SourcesGroup, invoke_without_command=True)
@click.option("--recurring", is_flag=True, help="Only sources that appear in two or more articles.")
@click.option("--type", "type_", type=click.Choice(TYPES), help="Only sources of this type.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many sources.")
@articles_option
@format_option
@click.pass_context
def sources(ctx: click.Context, recurring: bool, type_, limit, articles: int, fmt: str) -> None:
    """List sources, widest reach first, with aliases and article and claim counts;
    or curate them with a subcommand (merge, split, alias add; merges to review them)."""
    if ctx.invoked_subcommand is not None:
        return
    from provenance import query

    state = ctx.find_object(State)
    if state is None:  # cli() sets it before any command runs
        raise RuntimeError("provenance sources run outside the provenance group: no database chosen")
    render(query.list_sources(state.reader(), recurring=recurring, type=type_, limit=limit, articles=articles,
                              with_articles=fmt != "table"), fmt, SOURCE_COLUMNS)  # a table shows the counts only


@cli.command()
@click.argument("name_or_id", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(min=0),
              help=f"At most this many articles and claims, the first stored first [default: all; a table "
                   f"shows {TABLE_CLAIMS} of each and says how many more].")
@click.option("--all", "all_", is_flag=True, help="A table shows every article and claim, however many.")
@format_option
@pass_state
def source(state: State, name_or_id: tuple[str, ...], limit, all_: bool, fmt: str) -> None:
    """Show one source: aliases, affiliations, articles, claims, and where it sits in chains."""
    from provenance import query

    cut = fmt == "table" and limit is None and not all_
    shown = TABLE_CLAIMS if cut else limit
    detail = query.get_source(state.reader(), " ".join(name_or_id), limit=shown)
    render_one(detail, fmt, show_source,
               lambda s: [dict(source_id=s["id"], source=s["name"], **c) for c in s["claims"]]
               or [{k: v for k, v in s.items() if not isinstance(v, list)}])
    if fmt == "table" and shown is not None:
        claims = len({c["id"] for c in detail["claims"]})
        left = [f"{total - n:,} more {what}" for what, n, total in
                (("article(s)", len(detail["articles"]), detail["article_count"]),
                 ("claim(s)", claims, detail["claim_count"])) if n == shown and total > n]
        if left:
            click.echo(f"first {shown} shown, {' and '.join(left)} left out: --limit N or --all to see them, "
                       f"`provenance claims --source {detail['id']}` to page the claims", err=True)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="provenance")
