"""The layers of the code depend one way (issue 14), checked over every import statement of the
packages, function-level imports included:

- the library (``provenance``) never imports the command line (``cli``) built on it;
- resolution (``provenance.resolve*``) never imports the store, which imports it: the writer
  hands the resolver a ``SourceStore`` (``provenance.store.sources.SourceRows``), so there is
  no cycle between ``provenance.store`` and ``provenance.resolve``.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_name(path: Path) -> str:
    """The dotted name of a source file under ROOT ("provenance/store/db.py" -> "provenance.store.db")."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, absolute, wherever the import statement is."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> set[str]:
    """Every module a module of ``package`` with this source imports (relative imports made absolute)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}  # "from provenance.store import writer"
    return found


def import_graph(packages: tuple[str, ...] = ("provenance", "cli")) -> dict[str, set[str]]:
    """Module -> the modules of ``packages`` it imports."""
    graph = {}
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            graph[module_name(path)] = {m for m in imports_of(path) if m.split(".")[0] in packages}
    return graph


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _is_resolution(module: str) -> bool:
    return module.startswith("provenance.resolve")  # resolve, resolve_plan, resolve_keys


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    """The imports that break the layers, as "importer -> imported"."""
    bad = []
    for module, imported in sorted(graph.items()):
        for target in sorted(imported):
            if _in(module, "provenance") and _in(target, "cli"):
                bad.append(f"{module} -> {target} (the library imports the CLI)")
            if _is_resolution(module) and _in(target, "provenance.store"):
                bad.append(f"{module} -> {target} (resolution imports the store, which imports resolution)")
    return bad


def reaches(graph: dict[str, set[str]], start: str, goal) -> list[str] | None:
    """An import path from ``start`` to a module for which ``goal`` holds, else None."""
    seen, todo = {start}, [[start]]
    while todo:
        path = todo.pop()
        for nxt in sorted(graph.get(path[-1], ())):
            if goal(nxt):
                return [*path, nxt]
            known = nxt if nxt in graph else nxt.rpartition(".")[0]
            if known in graph and known not in seen:
                seen.add(known)
                todo.append([*path, known])
    return None


def test_the_library_does_not_import_the_cli():
    graph = import_graph()
    assert [v for v in layer_violations(graph) if "CLI" in v] == []
    for module in (m for m in graph if _in(m, "provenance")):
        assert reaches(graph, module, lambda m: _in(m, "cli")) is None, module


def test_store_and_resolve_do_not_import_each_other():
    graph = import_graph()
    assert [v for v in layer_violations(graph) if "store" in v] == []
    for module in (m for m in graph if _is_resolution(m)):
        assert reaches(graph, module, lambda m: _in(m, "provenance.store")) is None, module
    assert any(_in(t, "provenance.resolve") for m, ts in graph.items() if _in(m, "provenance.store") for t in ts), \
        "the store uses resolution: the check above is about a real dependency"


def test_the_check_sees_a_bad_import_wherever_it_is():
    """The checks fail on the imports they forbid, top-level or inside a function, absolute or relative."""
    graph = import_graph()
    assert layer_violations({**graph, "provenance.names": graph["provenance.names"] | {"cli.main"}})
    cyclic = {**graph, "provenance.resolve_plan": graph["provenance.resolve_plan"] | {"provenance.store.tables"}}
    assert layer_violations(cyclic)
    assert reaches(cyclic, "provenance.resolve", lambda m: _in(m, "provenance.store"))
    inner = imports_in("def f():\n    from ..store import writer\n", "provenance.resolve_x")
    assert "provenance.store.writer" in inner
    assert "cli.main" in imports_in("import cli.main\n", "provenance")
