"""``provenance eval GOLD.jsonl``: score the extractor against annotated gold.

Registered by ``cli/main.py`` as ``cli.add_command(eval_cmd, "eval")``. Touches no
database: it reads the gold file, runs extraction in memory and prints figures.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # imported by the command itself: --help stays light
    from provenance.evaluate import EvalReport
    from provenance.models import Document, Reading

_JSON_KEYS = (
    "articles",
    "gold",
    "predicted",
    "ignored",
    "nested",
    "exact",
    "overlap",
    "attribution",
    "by_cue_type",
    "words",
    "seconds",
    "total_seconds",
    "words_per_second",
)


def _with_tagger(doc: Document) -> Reading:
    """The extractor with its learned tagger."""
    from provenance.extract import extract

    return extract(doc, use_tagger=True)


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A human table, or one JSON object.")
@click.option("--show-misses", type=click.IntRange(min=0), default=0, metavar="N",
              help="List the N worst misses and the N worst false alarms.")
@click.option("--predictions", "predictions_out", type=click.Path(dir_okay=False, writable=True),
              default=None, metavar="OUT.jsonl",
              help="Also write what the extractor found, in the gold format.")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="Evaluate only the first N articles.")
@click.option("--tagger/--no-tagger", default=False, show_default=True,
              help="Let the CRF tagger add what the rules miss (as 'ingest --tagger'). The "
                   "shipped tagger was trained on PolNeAR train: score it on held-out text.")
def eval_cmd(gold: str, fmt: str, show_misses: int, predictions_out: str | None,
             limit: int | None, tagger: bool) -> None:
    """Measure extraction against GOLD.jsonl (annotated attributions, or the chain suite).

    Reports precision, recall and F1 for source, cue and content spans (exact after
    trimming whitespace and punctuation, and token overlap), attribution-level figures
    and a breakdown by cue type. Figures are fractions between 0 and 1. A chain suite
    (records with ``claims`` carrying ``chain`` lists, tests/data/chains) is scored by
    provenance.evaluate_chains: claims found with the right chain and kind.
    """
    from provenance.evaluate_chains import is_chain_suite

    if is_chain_suite(gold):  # the chain suite (tests/data/chains): its own scorer
        from cli.eval_chains import eval_chains

        eval_chains(gold, fmt, show_misses, limit)
        return
    from provenance.evaluate import evaluate

    report = evaluate(gold, extractor=_with_tagger if tagger else None, show_misses=show_misses,
                      predictions_out=predictions_out, limit=limit)
    if fmt == "json":
        data = report.model_dump(mode="json")
        obj = {k: data[k] for k in _JSON_KEYS}
        if show_misses:
            obj["misses"] = data["misses"]
        click.echo(json.dumps(obj))
        return
    _print_table(report, show_misses)


def _f(x: float) -> str:
    return f"{x:.3f}"


def _print_table(report: EvalReport, show_misses: int) -> None:
    from rich.console import Console
    from rich.table import Table

    from provenance.evaluate import CUE_TYPES, ROLES

    console = Console(highlight=False)
    console.print(
        f"[bold]{report.articles}[/] articles, [bold]{report.gold}[/] gold and "
        f"[bold]{report.predicted}[/] predicted attributions"
        + (f" ({report.ignored} in unannotated regions ignored)" if report.ignored else "")
        + f"; {report.words:,} words, extraction {report.seconds:.2f}s "
        f"({report.words_per_second:,.0f} words/s), total {report.total_seconds:.2f}s"
    )

    t = Table(title="Extraction against gold")
    t.add_column("", no_wrap=True)
    for label in ("exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"):
        t.add_column(label, justify="right")
    for role in ROLES:
        e, o = report.exact[role], report.overlap[role]
        t.add_row(role, _f(e.precision), _f(e.recall), _f(e.f1),
                  _f(o.precision), _f(o.recall), _f(o.f1))
    a = report.attribution
    t.add_row("attribution", _f(a.precision), _f(a.recall), _f(a.f1), "", "", "",
              style="bold")
    console.print(t)

    c = Table(title="Attributions by cue type")
    c.add_column("cue type")
    for label in ("gold", "predicted", "P", "R", "F1"):
        c.add_column(label, justify="right")
    for ct in CUE_TYPES:
        s = report.by_cue_type[ct]
        c.add_row(ct, str(s.gold), str(s.predicted), _f(s.precision), _f(s.recall), _f(s.f1))
    console.print(c)

    if show_misses:
        for kind, title in (("miss", "Worst misses (gold, nothing matched)"),
                            ("false_alarm", "Worst false alarms (predicted, nothing matched)")):
            rows = [m for m in report.misses if m.kind == kind]
            m_t = Table(title=title, show_lines=True)
            m_t.add_column("article", overflow="fold", max_width=24)
            m_t.add_column("type")
            m_t.add_column("source")
            m_t.add_column("cue")
            m_t.add_column("content", overflow="fold")
            for m in rows:
                content = " ".join(m.content.split())
                if len(content) > 200:
                    content = content[:199] + "…"
                m_t.add_row(m.article, m.cue_type, m.source or "—", m.cue or "—", content)
            if rows:
                console.print(m_t)
            else:
                console.print(f"[dim]{title}: none[/]")


if __name__ == "__main__":
    eval_cmd()
