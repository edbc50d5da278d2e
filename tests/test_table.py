"""cli.table draws the listing tables without rich: the same characters as rich's Table, for
every shape of table the commands print (checked here against rich itself)."""

import io
import random

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cli.table import cell_len, draw, wrap

WORDS = ["said", "the", "report", "Trump", "Clinton's", "30,000", "extraordinarilylongunbreakableword", "—",
         "“quoted”", "[bold]", "[/]", "naïve", "café", "北京", "東京都", "e\u0301", "\\x1b[31m", "a\tb", "x\ny",
         "", " ", "polnear-train.jsonl#breitbart_2016-01-15_the-hellish-view"]


def rich_table(headers, rows, justify, max_widths, title, width) -> str:
    table = Table(title=title, show_lines=False, expand=False)
    for h, j, m in zip(headers, justify, max_widths, strict=True):
        table.add_column(h, max_width=m, justify=j, overflow="ellipsis")
    for row in rows:
        table.add_row(*(Text(c) for c in row))
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, soft_wrap=False, markup=False, emoji=False,
            color_system=None).print(table)
    return out.getvalue()


def random_table(seed: int):
    rnd = random.Random(seed)
    ncols = rnd.randint(1, 8)
    headers = [rnd.choice(["id", "article", "kind", "claim", "chain (origin first)", "origins", "名前", "x"])
               for _ in range(ncols)]
    justify = [rnd.choice(["left", "right"]) for _ in range(ncols)]
    max_widths = [rnd.choice([None, None, 5, 20, 40, 60, 70]) for _ in range(ncols)]
    rows = [[" ".join(rnd.choice(WORDS) for _ in range(rnd.choice([0, 1, 2, 5, 12, 40]))) for _ in range(ncols)]
            for _ in range(rnd.randint(1, 6))]
    title = rnd.choice([None, "claims", "articles"])
    return headers, rows, justify, max_widths, title


@pytest.mark.parametrize("width", [20, 40, 80, 120, 160, 200])
@pytest.mark.parametrize("seed", range(40))
def test_tables_are_rich_s_character_for_character(seed, width):
    headers, rows, justify, max_widths, title = random_table(seed)
    assert draw(headers, rows, justify=justify, max_widths=max_widths, title=title, width=width) == \
        rich_table(headers, rows, justify, max_widths, title, width)


def test_cells_fill_their_width_in_terminal_cells():
    assert cell_len("北京") == 4 and cell_len("e\u0301") == 1 and cell_len("abc") == 3
    assert wrap("北京 abc", 5) == ["北京 ", "abc  "]
    assert wrap("extraordinarilylongunbreakableword end", 10) == ["extraordi…", "end       "]
    assert wrap("42", 5, "right") == ["   42"]


def test_markup_and_escapes_in_a_cell_are_printed_as_written():
    out = draw(["text"], [["[bold]not bold[/] \\x1b[31m"]], justify=["left"], max_widths=[None])
    assert "[bold]not bold[/] \\x1b[31m" in out and "\x1b" not in out


def test_only_a_terminal_gets_the_bold_header(monkeypatch):
    from cli import table

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("COLUMNS", "50")
    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        table.print_table(["id"], [["1"]], justify=["right"], max_widths=[None], stream=stream)
    assert "\x1b[1m" in tty.getvalue() and "\x1b" not in pipe.getvalue()
    assert table.width_of(tty) == 50 and table.width_of(pipe) == table.PIPE_WIDTH
    monkeypatch.setenv("NO_COLOR", "1")
    assert not table.styled(tty)


def rich_text(text: str, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, soft_wrap=False, markup=False, emoji=False,
            color_system=None).print(Text(text))
    return out.getvalue()


@pytest.mark.parametrize("width", [10, 40, 80, 160])
@pytest.mark.parametrize("seed", range(30))
def test_lines_are_rich_s_printed_text(seed, width):
    from cli.table import lines_of

    rnd = random.Random(seed)
    text = "aliases: " + "; ".join(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 6)))
                                   for _ in range(rnd.randint(1, 30)))
    assert "".join(line + "\n" for line in lines_of(text, width)) == rich_text(text, width)


@pytest.mark.parametrize("width", [30, 60, 100, 160])
@pytest.mark.parametrize("seed", range(25))
def test_a_chain_is_rich_s_tree(seed, width):
    from rich.tree import Tree

    from cli.table import print_tree

    rnd = random.Random(seed)
    styles = [None, "bold", "dim", "italic", "bold cyan", "bold magenta"]
    labels = [[(("\n" if rnd.random() < 0.3 else "") + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 25))),
                rnd.choice(styles)) for _ in range(rnd.randint(1, 4))] for _ in range(rnd.randint(1, 5))]
    tree = node = None
    for spans in labels:
        text = Text()
        for t, style in spans:
            text.append(t, style=style)
        node = Tree(text) if node is None else node.add(text)
        tree = tree or node
    expected = io.StringIO()
    Console(file=expected, width=width, highlight=False, soft_wrap=False, markup=False, emoji=False,
            color_system=None).print(tree)
    got = io.StringIO()
    print_tree(labels, stream=got, width=width)
    assert got.getvalue() == expected.getvalue()


@pytest.mark.parametrize("width", [12, 40, 80, 100])
@pytest.mark.parametrize("title", ["", "claims, origin first in each chain", "x"])
def test_a_rule_is_rich_s(width, title):
    from rich.rule import Rule

    from cli.table import rule

    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(Rule(title))
    assert rule(width, title) + "\n" == out.getvalue()
