"""Ingest with a progress bar on a terminal, and one line on stderr per input that failed
(and, unless ``notes`` is off, per input read in an unusual way, e.g. a huge file in parts).

The bar (stderr, only on a terminal) moves per article as its extraction finishes, over the
input's bytes, with the articles and words read so far, words per second and the time left."""

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from sqlalchemy import Engine

from provenance.ingest import IngestReport, ingest
from provenance.readers import ReadError, ReadNote, input_size


def ingest_with_progress(paths, engine: Engine, *, show_bar: bool, notes: bool = True, **options) -> IngestReport:
    """Run ``provenance.ingest.ingest``, drawing a bar over input bytes when ``show_bar``."""
    if not show_bar:
        return ingest(paths, engine, on_error=_print_error, on_note=_print_note if notes else None, **options)
    console = Console(stderr=True)
    total = input_size(paths) or None
    columns = [TextColumn("[bold]ingest"), BarColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[articles]:,} articles, {task.fields[wps]:,.0f} words/s, "
                          "{task.fields[errors]} errors"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=False, refresh_per_second=4) as bar:
        task = bar.add_task("ingest", total=total, articles=0, errors=0, wps=0.0)

        def advance(report: IngestReport, done_bytes: int) -> None:
            wps = report.extracted_words / report.seconds if report.seconds else 0.0
            bar.update(task, advance=done_bytes, articles=report.extracted, errors=report.failed, wps=wps)

        def on_error(err: ReadError) -> None:
            console.print(f"[red]error[/red]: {escape(str(err))}", highlight=False)

        def on_note(note: ReadNote) -> None:
            console.print(f"[yellow]note[/yellow]: {escape(str(note))}", highlight=False)

        report = ingest(paths, engine, progress=advance, on_error=on_error,
                        on_note=on_note if notes else None, **options)
        bar.update(task, completed=total or 0, articles=report.articles, errors=report.failed,
                   wps=report.words_per_second)
    return report


def _print_error(err: ReadError) -> None:
    """One line per failed input: ``error: path:line: message``."""
    click.echo(f"error: {err}", err=True)


def _print_note(note: ReadNote) -> None:
    """One line per input read in an unusual way: ``note: path: message``."""
    click.echo(f"note: {note}", err=True)
