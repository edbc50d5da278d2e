"""``provenance eval GOLD.jsonl``: score the extractor against annotated gold.

Registered by ``cli/main.py`` as ``cli.add_command(eval_cmd, "eval")``. Touches no
database: it reads the gold file, runs extraction in memory and prints figures.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from cli.output import literal

if TYPE_CHECKING:  # imported by the command itself: --help stays light
    from provenance.evaluate import EvalReport
    from provenance.evaluate_quotes import QuoteCounts, QuoteMiss, QuoteReport
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
    from provenance.extract import ExtractOptions, extract

    return extract(doc, options=ExtractOptions(tagger=True))


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--gold-format", type=click.Choice(["auto", "spans", "quotes"]), default="auto",
              show_default=True,
              help="'spans': annotated attributions (PolNeAR style); 'quotes': quotes with their "
                   "resolved speakers; 'auto': the chain suite when lines carry expected chains, "
                   "'quotes' when a line has a \"quotes\" key, else 'spans'.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A human table, or one JSON object.")
@click.option("--show-misses", type=click.IntRange(min=0), default=0, metavar="N",
              help="List the N worst misses and the N worst false alarms (quote gold: N missed "
                   "quotes and N wrong speakers).")
@click.option("--predictions", "predictions_out", type=click.Path(dir_okay=False, writable=True),
              default=None, metavar="OUT.jsonl",
              help="Also write what the extractor found, in the gold format (span gold only).")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="Evaluate only the first N articles.")
@click.option("--tagger/--no-tagger", default=False, show_default=True,
              help="Let the CRF tagger add what the rules miss (as 'ingest --tagger'). The "
                   "shipped tagger was trained on PolNeAR train: score it on held-out text.")
def eval_cmd(gold: str, gold_format: str, fmt: str, show_misses: int, predictions_out: str | None,
             limit: int | None, tagger: bool) -> None:
    """Measure extraction against GOLD.jsonl: annotated attributions, quotes and speakers,
    or the chain suite.

    Attribution gold: precision, recall and F1 for source, cue and content spans (exact
    after trimming whitespace and punctuation, and token overlap), attribution-level
    figures and a breakdown by cue type, as fractions between 0 and 1.

    Quote gold: quotes found (a claim covers half the quote or more), speaker right (the
    chain's origin or immediate source names the annotated speaker) and the share of
    sourced claims that lie on a gold quote, split direct/indirect and speaker
    mentioned/implied.

    Chain suite (records whose claims carry expected chain lists, as in
    tests/data/chains): claims found with the right chain and kind.
    """
    from provenance.evaluate_chains import is_chain_suite
    from provenance.evaluate_quotes import detect_gold_format

    if gold_format == "auto" and is_chain_suite(gold):
        from cli.eval_chains import eval_chains

        eval_chains(gold, fmt, show_misses, limit)
        return
    if gold_format == "auto":
        try:
            gold_format = detect_gold_format(gold)
        except ValueError as exc:
            raise click.BadParameter(f"{exc}; give --gold-format", param_hint="GOLD") from exc
    extractor = _with_tagger if tagger else None
    if gold_format == "quotes":
        if predictions_out:
            raise click.UsageError("--predictions writes attribution gold; it applies to span gold only")
        _quotes(gold, extractor, fmt, show_misses, limit)
        return
    from provenance.evaluate import evaluate

    report = evaluate(gold, extractor=extractor, show_misses=show_misses,
                      predictions_out=predictions_out, limit=limit)
    if fmt == "json":
        data = report.model_dump(mode="json")
        obj = {k: data[k] for k in _JSON_KEYS}
        if show_misses:
            obj["misses"] = data["misses"]
        click.echo(json.dumps(obj))
        return
    _print_table(report, show_misses)


def _quotes(gold: str, extractor, fmt: str, show_misses: int, limit: int | None) -> None:
    """Score quote/speaker gold and print the report as a table or one JSON object."""
    from provenance.evaluate_quotes import evaluate_quotes

    report = evaluate_quotes(gold, extractor=extractor, show_misses=show_misses, limit=limit)
    if fmt == "json":
        data = report.model_dump(mode="json", exclude=set() if show_misses else {"misses"})
        click.echo(json.dumps({"gold_format": "quotes", **data}))
        return
    _print_quote_table(report)


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
                m_t.add_row(*map(literal, (m.article, m.cue_type, m.source or "—", m.cue or "—", content)))
            if rows:
                console.print(m_t)
            else:
                console.print(f"[dim]{title}: none[/]")


def _pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}% {a}/{b}" if b else f"- {a}/{b}"


_SPLIT_LABELS = {"direct": "direct quotes", "indirect": "indirect quotes",
                 "speaker_mentioned": "speaker mentioned", "speaker_implied": "speaker implied"}


def _print_quote_table(report: QuoteReport) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    console.print(
        f"[bold]{report.articles}[/] articles, [bold]{report.overall.quotes}[/] gold quotes, "
        f"[bold]{report.claims}[/] claims; {report.words:,} words, extraction "
        f"{report.seconds:.2f}s, total {report.total_seconds:.2f}s"
    )
    t = Table(title="Quotes and speakers against gold",
              caption="speaker right: origin or immediate source, name or alias; "
                      "origin: first link, by name only")
    t.add_column("", no_wrap=True)
    for label in ("found", "speaker right", "origin"):
        t.add_column(label, justify="right", no_wrap=True)

    def row(label: str, c: QuoteCounts, style: str | None = None) -> None:
        t.add_row(label, _pct(c.found, c.quotes), _pct(c.speaker_right, c.speaker_base),
                  _pct(c.speaker_right_origin, c.speaker_base), style=style)

    row("all quotes", report.overall, "bold")
    for split, c in report.splits.items():
        row(_SPLIT_LABELS.get(split, split), c)
    console.print(t)
    o, s = report.overall, report.sourced
    console.print(f"Found by a claim with a chain: {_pct(o.found_sourced, o.quotes)}")
    console.print(f"Sourced claims on a gold quote: [bold]{_pct(s.on_quote, s.claims)}[/] "
                  f"(at least half inside one: {_pct(s.mostly_on_quote, s.claims)})")
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(report.found_by_kind.items(), key=lambda x: -x[1]))
    console.print(f"Found quotes by claim kind: {kinds or 'none'}")
    for kind, title in (("missed", "Missed quotes"), ("wrong_speaker", "Wrong speakers")):
        _print_quote_misses(console, title, [m for m in report.misses if m.kind == kind])


def _print_quote_misses(console, title: str, misses: list[QuoteMiss]) -> None:
    """One table of missed quotes or wrong speakers: the gold, then what the tool made of it."""
    from rich.table import Table

    if not misses:
        return
    t = Table(title=title, show_lines=True)
    t.add_column("article", overflow="fold", max_width=20)
    t.add_column("gold quote", overflow="fold")
    t.add_column("gold speaker (mention, cue)", overflow="fold", max_width=28)
    t.add_column("tool: claim (coverage) / cue / chain, origin first", overflow="fold")
    for m in misses:
        gold = _short(m.text, 200)
        speaker = f"{m.speaker or '—'} ({m.speaker_mention or 'implied'}, {m.cue or '—'})"
        tool = "\n".join(
            f"{_short(c.text, 120)!r} ({100 * c.coverage:.0f}%) / {c.cue or '—'} / "
            f"{' → '.join(c.chain) if c.chain else 'no chain'}"
            for c in m.claims
        ) or "nothing near"
        t.add_row(*map(literal, (m.article, gold, speaker, tool)))
    console.print(t)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


if __name__ == "__main__":
    eval_cmd()
