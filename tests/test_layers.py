"""The architecture as a test: layers depend one way (bottom to top), no import cycle (function-level imports
count), no source file over 600 lines, no pointer to files outside the repository."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"policykg": ROOT / "policykg", "policykg.loaders": ROOT / "loaders", "policykg.ontology": ROOT / "ontology",
            "policykg.graph": ROOT / "graph", "policykg.queries": ROOT / "queries"}
LAYERS = [("policykg.config", 1), ("policykg.ontology", 1), ("policykg.loaders", 2), ("policykg.graph", 3),
          ("policykg.queries", 4), ("policykg.cli", 6), ("policykg", 5)]
"""Module name prefixes, most specific first (policykg.cli, cli_common and cli_workflow are the CLI)."""


def modules() -> dict[str, Path]:
    found = {}
    for package, folder in PACKAGES.items():
        for path in folder.rglob("*.py"):
            if package == "policykg" and path.parent != folder and not path.is_relative_to(folder / "server"):
                continue
            parts = path.relative_to(folder).with_suffix("").parts
            name = ".".join((package, *parts)).removesuffix(".__init__")
            found[name] = path
    return found


def layer(module: str) -> int:
    return next(level for prefix, level in LAYERS if module == prefix or module.startswith(prefix + ".")
                or (prefix == "policykg.cli" and module.startswith("policykg.cli_")))


def imports(path: Path, known: set[str]) -> set[str]:
    """Every policykg module the file imports, at any depth (functions included; not those only for type
    checkers, under ``if TYPE_CHECKING:``, which never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and getattr(node.test, "id", None) == "TYPE_CHECKING" for inner in ast.walk(node)}
    names = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names |= {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
    return {name for name in names if name in known}


GRAPH = {name: imports(path, set(modules())) - {name} for name, path in modules().items()}


def test_layers_depend_one_way():
    upward = [f"{name} (layer {layer(name)}) imports {other} (layer {layer(other)})"
              for name, others in GRAPH.items() for other in others
              if layer(other) > layer(name) and not (name == "policykg" and other == "policykg.api")]
    assert not upward, "\n".join(sorted(upward))


def test_no_import_cycle():
    parents = {name: {p for p in GRAPH if name.startswith(p + ".")} for name in GRAPH}  # a package's __init__ runs first
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(name: str, path: list[str]) -> bool:
        state[name] = 1
        for other in sorted(GRAPH[name]):
            if other in parents[name] or name in parents[other]:
                continue
            if state.get(other) == 1:
                cycle.extend(path[path.index(other):] + [name, other] if other in path else [name, other])
                return True
            if state.get(other) is None and visit(other, path + [name]):
                return True
        state[name] = 2
        return False

    assert not any(visit(name, []) for name in sorted(GRAPH) if state.get(name) is None), " -> ".join(cycle)


@pytest.mark.parametrize("name", sorted(modules()))
def test_source_files_stay_small(name):
    lines = modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= 600, f"{modules()[name].relative_to(ROOT)} has {lines} lines"


def test_no_pointer_outside_the_repository():
    pattern = re.compile(r"DESIGN\.md|shared/gold|\.\./shared/docs")
    offenders = [str(path.relative_to(ROOT)) for path in modules().values() if pattern.search(path.read_text("utf-8"))]
    assert not offenders
