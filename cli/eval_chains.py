"""``provenance eval SUITE.jsonl`` for the chain suite (``tests/data/chains``).

``cli/eval_command.py`` dispatches here when the gold file's records carry ``claims``
with ``chain`` lists (:func:`provenance.evaluate_chains.is_chain_suite`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from provenance.evaluate_chains import ChainReport, Tally


def eval_chains(gold: str, fmt: str, show_misses: int, limit: int | None) -> None:
    """Score the chain suite in ``gold`` and print the figures (and the first misses)."""
    from provenance.evaluate_chains import evaluate_chains

    report = evaluate_chains(gold, limit=limit)
    if fmt == "json":
        obj = report.summary()
        if show_misses:
            obj["misses"] = [_miss_row(r) for r in report.misses(show_misses)]
            obj["junk"] = [j.model_dump() for j in report.junk[:show_misses]]
        click.echo(json.dumps(obj, ensure_ascii=False))
        return
    _print_table(report, show_misses)


def _miss_row(r) -> dict:
    """One miss: what was expected and what the tool produced."""
    return {"article": r.article, "content": r.content, "expected_chain": r.expected_chain,
            "expected_kind": r.expected_kind, "found": r.found, "chain_right": r.chain_right,
            "kind_right": r.kind_right,
            "predicted": [{"chain": p["chain"], "kind": p["kind"]} for p in r.predicted]}


def _row(label: str, t: Tally) -> list[str]:
    """A table row for one tally."""
    return [label, str(t.expected), str(t.found), str(t.chain_right), str(t.kind_right),
            str(t.correct), f"{t.score:.3f}"]


def _print_table(report: ChainReport, show_misses: int) -> None:
    """The figures for people: totals, by style and convention, then misses."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(highlight=False)
    console.print(f"[bold]{report.part}[/]: {report.articles} articles, {report.totals.expected} expected "
                  f"and {report.predicted} predicted claims; score [bold]{report.score:.3f}[/]; "
                  f"junk sources {report.junk_sources}, extra secondhand claims {report.extra_secondhand} "
                  f"({report.seconds:.1f} s)")
    for title, groups in (("By style", report.by_style), ("By convention", report.by_convention)):
        t = Table(title=title)
        for col in ("", "expected", "found", "chain right", "kind right", "correct", "score"):
            t.add_column(col, justify="right", min_width=5) if col else t.add_column(col, min_width=13)
        for key in sorted(groups):
            t.add_row(*_row(key, groups[key]))
        t.add_row(*_row("all", report.totals), style="bold")
        console.print(t)
    if not show_misses:
        return
    m = Table(title=f"First {show_misses} misses (expected vs produced)", show_lines=True)
    for col in ("article", "content", "expected", "produced"):
        m.add_column(col, overflow="fold")
    for r in report.misses(show_misses):
        want = f"{' > '.join(r.expected_chain) or '(none)'} [{r.expected_kind}]"
        got = "\n".join(f"{' > '.join(p['chain']) or '(none)'} [{p['kind']}]" for p in r.predicted) or "no claim"
        m.add_row(escape(r.article), escape(r.content), escape(want), escape(got))
    console.print(m)
    if report.junk:
        console.print("Junk sources: " + "; ".join(escape(f"{j.article}: {j.name!r}") for j in report.junk[:show_misses]))
