"""Apps depend downward only: no module in `slik/` imports an app above its own.

The order is written once, here, and docs/architecture.md draws it. A lower app that must show
or run something of a higher one declares an extension point (slik/core/registry.py) that the
higher app fills in its AppConfig.ready(). Tests count too: a test of a lower app that needs a
higher app's objects belongs to the higher app.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

# Lowest first. An app may import any app before it in this list, never one after it.
LAYERS = (
    "core",
    "accounts",
    "organisations",
    "challenges",
    "cases",
    "benefits",
    "portfolio",
    "reports",
    "demo",
)

SLIK = Path(__file__).resolve().parent.parent / "slik"


def _app_of_module(name: str) -> str | None:
    parts = name.split(".")
    if len(parts) >= 2 and parts[0] == "slik" and parts[1] in LAYERS:
        return parts[1]
    return None


def _imports(path: Path) -> list[tuple[int, str, tuple[str, ...]]]:
    """Every absolute module a file imports, at any depth (lazy imports included), with the
    names a `from … import …` takes from it."""
    package = ".".join(path.relative_to(SLIK.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module, tuple(alias.name for alias in node.names)))
    return found


def _module_name(path: Path) -> str:
    parts = path.relative_to(SLIK.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module → the modules of `slik` it imports (a `from x import y` names x.y when y is one)."""
    paths = {
        _module_name(path): path for path in SLIK.rglob("*.py") if "migrations" not in path.parts
    }
    graph = {}
    for name, path in paths.items():
        targets = set()
        for _lineno, module, names in _imports(path):
            submodules = {f"{module}.{name}" for name in names} & paths.keys()
            # `from . import board` needs the module board, not what the package re-exports.
            whole = not names or len(submodules) < len(names)
            targets |= submodules | ({module} if whole else set())
        graph[name] = {target for target in targets & paths.keys() if target != name}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a ring (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def upward_imports() -> list[str]:
    rank = {app: index for index, app in enumerate(LAYERS)}
    problems = []
    for path in sorted(SLIK.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        own = path.relative_to(SLIK).parts[0]
        if own not in rank:
            continue
        for lineno, module, _names in _imports(path):
            target = _app_of_module(module)
            if target and rank[target] > rank[own]:
                problems.append(f"{path.relative_to(SLIK.parent)}:{lineno} imports {module}")
    return problems


def test_every_app_has_a_layer():
    apps = {p.name for p in SLIK.iterdir() if (p / "apps.py").exists()}
    assert apps == set(LAYERS), f"Place these apps in LAYERS: {sorted(apps ^ set(LAYERS))}"


def test_no_module_imports_an_app_above_its_own():
    problems = upward_imports()
    assert not problems, "Upward imports:\n" + "\n".join(problems)


def test_no_modules_import_each_other():
    """A ring of imports (services ↔ tasks, pitfalls ↔ selectors) means two modules that are one,
    or a piece that belongs lower down; a lazy import only hides it."""
    cycles = import_cycles(import_graph())
    assert not cycles, "Import cycles:\n" + "\n".join(" ↔ ".join(group) for group in cycles)


def test_the_cycle_finder_sees_a_ring():
    ring = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_cycles(ring) == [["a", "b", "c"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from slik.demo import accounts\n", ["slik/core/x.py:1 imports slik.demo"]),
        (
            "def f():\n    import slik.portfolio.models\n",
            ["slik/core/x.py:2 imports slik.portfolio.models"],
        ),
        ("from ..organisations import models\n", ["slik/core/x.py:1 imports slik.organisations"]),
        ("from slik.core import audit\nfrom . import registry\n", []),
    ],
)
def test_the_walk_sees_every_kind_of_import(tmp_path, monkeypatch, source, expected):
    root = tmp_path / "slik"
    (root / "core").mkdir(parents=True)
    (root / "core" / "x.py").write_text(source)
    monkeypatch.setattr(__import__(__name__, fromlist=["SLIK"]), "SLIK", root)
    assert upward_imports() == expected
