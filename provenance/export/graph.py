"""Chains as a graph for people: Graphviz DOT and Mermaid flowcharts.

Origin at the top, each relay below it, the claim at the bottom, grouped by article; a node's
shape says its source type and each edge is labelled with the cue of the source it leaves
("stated", "according to"). Claims without a source have no chain to draw and are left out
(a comment says how many). Every label is escaped for its language.
"""

from typing import Any

Row = dict[str, Any]
LABEL_CHARS = 60  # longer claim texts are cut with "…"
DOT_SHAPES = {"person": "ellipse", "organization": "box", "outlet": "box3d", "document": "note",
              "anonymous": "ellipse"}
KIND_COLOURS = {"direct": "#d8f0d8", "secondhand": "#f3d9f3", "vague": "#fbf0c8", "unattributed": "#d9eef5"}
MERMAID_SHAPES = {"person": ('(["', '"])'), "organization": ('["', '"]'), "outlet": ('[["', '"]]'),
                  "document": ('[/"', '"/]'), "anonymous": ('{{"', '"}}')}


def short(text: str | None, limit: int = LABEL_CHARS) -> str:
    """One line of at most ``limit`` characters: whitespace and control characters become spaces."""
    flat = " ".join("".join(ch if ch.isprintable() else " " for ch in (text or "")).split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


def edges(claims: list[Row]) -> list[tuple[str, str, str]]:
    """``(from node, to node, cue)`` for every link of every chain, origin first, each edge once."""
    seen: dict[tuple[str, str, str], None] = {}
    for claim in claims:
        chain = claim["chain"]
        for pos, link in enumerate(chain):
            target = f"s{chain[pos + 1]['source_id']}" if pos + 1 < len(chain) else f"c{claim['id']}"
            seen[(f"s{link['source_id']}", target, short(link["cue"] or "", 30))] = None
    return list(seen)


def sources(claims: list[Row]) -> dict[str, Row]:
    """Every source node of the chains, by node id, in first-seen order."""
    return {f"s{link['source_id']}": link for claim in claims for link in claim["chain"]}


def claim_label(claim: Row) -> str:
    """A claim node's words: id, kind and the start of its text."""
    return f"claim {claim['id']} ({claim['kind']}): {short(claim['text'])}"


def by_article(claims: list[Row]) -> dict[int, list[Row]]:
    """Claims with a chain, grouped by article id in first-seen order."""
    out: dict[int, list[Row]] = {}
    for claim in claims:
        if claim["chain"]:
            out.setdefault(claim["article"]["id"], []).append(claim)
    return out


def article_label(aid: int, articles: dict[int, Row]) -> str:
    """An article's caption: its title (or path) and outlet."""
    art = articles.get(aid, {})
    outlet = f" — {short(art['outlet'], 40)}" if art.get("outlet") else ""
    return f"article {aid}: {short(art.get('title') or art.get('path') or '', 50)}{outlet}"


# ---------------------------------------------------------------- Graphviz


def dot_quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped (so ``\\n``, ``\\l`` stay literal)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(claims: list[Row], articles: dict[int, Row]) -> str:
    """The chains as a Graphviz digraph, origin at the top."""
    left_out = sum(1 for c in claims if not c["chain"])
    lines = ["digraph provenance {", "  rankdir=TB;", '  node [fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=9];']
    if left_out:
        lines.append(f"  // {left_out} claim(s) without a source left out")
    for node, link in sources(claims).items():
        style = ', style="dashed"' if link["type"] == "anonymous" else ""
        lines.append(f"  {node} [label={dot_quote(short(link['name']) + ' (' + link['type'] + ')')}, "
                     f"shape={DOT_SHAPES.get(link['type'], 'ellipse')}{style}];")
    for aid, group in by_article(claims).items():
        lines.append(f"  subgraph cluster_a{aid} {{")
        lines.append(f"    label={dot_quote(article_label(aid, articles))};")
        for claim in group:
            lines.append(f"    c{claim['id']} [label={dot_quote(claim_label(claim))}, shape=box, "
                         f'style="rounded,filled", fillcolor="{KIND_COLOURS.get(claim["kind"], "white")}"];')
        lines.append("  }")
    for a, b, cue in edges(claims):
        lines.append(f"  {a} -> {b} [label={dot_quote(cue)}];" if cue else f"  {a} -> {b};")
    lines.append("}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- Mermaid


def mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label: markup characters as Mermaid entity codes."""
    codes = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"}
    return "".join(codes.get(ch, ch) for ch in text)


def to_mermaid(claims: list[Row], articles: dict[int, Row]) -> str:
    """The chains as a Mermaid flowchart, origin at the top."""
    left_out = sum(1 for c in claims if not c["chain"])
    lines = ["flowchart TD"]
    if left_out:
        lines.append(f"  %% {left_out} claim(s) without a source left out")
    for node, link in sources(claims).items():
        open_, close = MERMAID_SHAPES.get(link["type"], ('["', '"]'))
        lines.append(f"  {node}{open_}{mermaid_text(short(link['name']) + ' (' + link['type'] + ')')}{close}")
    for aid, group in by_article(claims).items():
        lines.append(f'  subgraph a{aid}["{mermaid_text(article_label(aid, articles))}"]')
        for claim in group:
            lines.append(f'    c{claim["id"]}("{mermaid_text(claim_label(claim))}"):::{claim["kind"]}')
        lines.append("  end")
    for a, b, cue in edges(claims):
        lines.append(f'  {a} -->|"{mermaid_text(cue)}"| {b}' if cue else f"  {a} --> {b}")
    for kind, colour in KIND_COLOURS.items():
        lines.append(f"  classDef {kind} fill:{colour}")
    return "\n".join(lines) + "\n"
