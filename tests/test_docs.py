"""Every command, subcommand and option of the CLI is documented in README.md or docs/
(issue 14, item 6; sqlite-utils keeps its reference true the same way), so a new option
without documentation fails here.

The docs are cut into blocks: a paragraph or a list item or a table row of prose, one line of
a code block. A command is documented by a block that names it, as ``provenance sources
merges`` or in backticks (`` `sources merges` ``, `` `claims --format json` ``); each of its
options (every long name ``--help`` shows, ``--no-...`` forms included) must appear in a
block that names that command (a group that does nothing by itself, like ``sources alias``,
is named by its subcommands' lines). The group's own options (``--db``, ``--debug``,
``--version``, ``--help``) may appear in any block.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def doc_blocks(text: str) -> list[str]:
    """``text`` (Markdown) cut into blocks: each line of a fenced code block; otherwise each
    paragraph, list item or table row."""
    blocks: list[str] = []
    current: list[str] = []
    fenced = False

    def close() -> None:
        if current:
            blocks.append("\n".join(current))
            current.clear()

    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            close()
            fenced = not fenced
            continue
        if fenced:
            blocks.append(line)
        elif not line.strip():
            close()
        else:
            if re.match(r"\s*(?:[-*] |\d+\. |\|)", line):  # a list item or table row starts a block
                close()
            current.append(line)
    close()
    return blocks


def commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every visible command under ``group``, as (its words after ``provenance``, the command)."""
    for name in sorted(group.commands):
        cmd = group.commands[name]
        if cmd.hidden:
            continue
        yield (*path, name), cmd
        if isinstance(cmd, click.Group):
            yield from commands(cmd, (*path, name))


def long_options(cmd: click.Command, ctx: click.Context) -> list[str]:
    """The long option names ``--help`` shows for ``cmd`` (the help option itself included)."""
    names = []
    for param in cmd.get_params(ctx):
        if isinstance(param, click.Option) and not param.hidden:
            names += [o for o in (*param.opts, *param.secondary_opts) if o.startswith("--")]
    return names


def names_command(block: str, path: tuple[str, ...], subcommands: set[str]) -> bool:
    """Does ``block`` name the command ``path`` (and not one of its subcommands)?"""
    words = r"\s+".join(map(re.escape, path))
    for m in re.finditer(rf"(?:\bprovenance\s+|`){words}(?![\w-])", block):
        rest = block[m.end():].split(None, 1)
        if not rest or rest[0].strip("`[]") not in subcommands:
            return True
    return False


def mentions(block: str, option: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", block) is not None


def undocumented(group: click.Group, blocks: list[str]) -> list[str]:
    """What of ``group``'s commands and options no block documents, e.g. ``sources merges``,
    ``sources merges --limit``."""
    missing = []
    root_ctx = click.Context(group, info_name="provenance")
    for option in long_options(group, root_ctx):
        if not any(mentions(b, option) for b in blocks):
            missing.append(option)
    for path, cmd in commands(group):
        subs = set(cmd.commands) if isinstance(cmd, click.Group) else set()
        own = [b for b in blocks if names_command(b, path, subs)]
        if not own and isinstance(cmd, click.Group) and not cmd.invoke_without_command:
            # a group that does nothing by itself ("sources alias") is documented by its subcommands
            own = [b for b in blocks if names_command(b, path, set())]
        if not own:
            missing.append(" ".join(path))
            continue
        ctx = click.Context(cmd, info_name=path[-1], parent=root_ctx)
        for option in long_options(cmd, ctx):
            if option == "--help":  # every command has it; the group's is checked above
                continue
            if not any(mentions(b, option) for b in own):
                missing.append(f"{' '.join(path)} {option}")
    return missing


def all_blocks() -> list[str]:
    return [b for f in DOC_FILES for b in doc_blocks(f.read_text(encoding="utf-8"))]


def test_every_command_and_option_is_documented():
    missing = undocumented(cli, all_blocks())
    assert not missing, (
        "not in README.md or docs/ (a paragraph, list item, table row or code line that names "
        f"the command must carry the option): {missing}"
    )


# --------------------------------------------------------------------------- the check itself


@click.group()
@click.option("--db")
def _toy() -> None:
    pass


@_toy.command()
@click.option("--limit", type=int)
@click.option("--tagger/--no-tagger")
@click.option("--secret", hidden=True)
def things(limit, tagger, secret) -> None:
    pass


@_toy.group(invoke_without_command=True)  # a listing of its own, like provenance sources
def sources() -> None:
    pass


@sources.command()
@click.option("--reason")
def merges(reason) -> None:
    pass


@pytest.mark.parametrize("docs, missing", [
    ("`--db`\n\n```\nprovenance things [--limit N] [--tagger | --no-tagger]\n"
     "provenance sources\nprovenance sources merges [--reason R]\n```\n", []),
    # a new option nobody wrote down
    ("`--db`\n\n```\nprovenance things [--limit N] [--tagger]\n"
     "provenance sources\nprovenance sources merges [--reason R]\n```\n", ["things --no-tagger"]),
    # an option documented only beside another command does not count
    ("`--db`\n\n```\nprovenance things [--tagger | --no-tagger]\nprovenance sources [--limit N]\n"
     "provenance sources merges [--reason R]\n```\n", ["things --limit"]),
    # a subcommand's line documents the subcommand, not its group; prose wraps over lines
    ("Use `--db`.\n\n- `things` takes `--limit N`,\n  and `--tagger` or `--no-tagger`.\n"
     "- `sources merges` lists merges (`--reason`).\n", ["sources"]),
    ("", ["--db", "--help", "sources", "sources merges", "things"]),
])
def test_undocumented_finds_what_is_missing(docs, missing):
    if "--help" not in missing:
        docs += "\n`--help` on any command.\n"
    assert undocumented(_toy, doc_blocks(docs)) == missing
