"""The layers of ../shared/DESIGN.md, read from the source's own imports.

Shell (impactbot/) > faces (bot/, demo/, standin/, bench/) > work (reports/, intake/) >
memory (store/) > ground (toc/, ground/). A module may import its own layer and the layers
below it, never one above; and no group of modules may import each other in a circle (an
import inside a function counts too: it is the same dependency, only later).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {
    "impactbot": 5,
    "bot": 4,
    "demo": 4,
    "standin": 4,
    "bench": 4,
    "reports": 3,
    "intake": 3,
    "store": 2,
    "toc": 1,
    "ground": 1,
}
NAMES = {5: "shell", 4: "faces", 3: "work", 2: "memory", 1: "ground"}


def source_files() -> Iterator[tuple[str, Path]]:
    for package in LAYERS:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts), path


def imports_of(module: str, path: Path, modules: set[str]) -> Iterator[tuple[str, int]]:
    """Every module of ours this file imports (absolute or relative), with its line."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # `from bot.leader import texts` depends on the module bot.leader.texts; the
            # package itself only for names that are not modules of it.
            submodules = [f"{target}.{a.name}" for a in node.names]
            yield from ((name, node.lineno) for name in submodules if name in modules)
            if not all(name in modules for name in submodules):
                yield target, node.lineno


def graph() -> tuple[dict[str, set[str]], dict[tuple[str, str], int]]:
    files = dict(source_files())
    edges: dict[str, set[str]] = {name: set() for name in files}
    lines: dict[tuple[str, str], int] = {}
    for module, path in files.items():
        for target, line in imports_of(module, path, set(files)):
            if target in files and target != module:
                edges[module].add(target)
                lines.setdefault((module, target), line)
    return edges, lines


def layer(module: str) -> int:
    return LAYERS[module.split(".")[0]]


def test_no_import_runs_upward() -> None:
    edges, lines = graph()
    upward = [
        f"{a} ({NAMES[layer(a)]}) imports {b} ({NAMES[layer(b)]}) on line {lines[(a, b)]}"
        for a, targets in edges.items()
        for b in sorted(targets)
        if layer(b) > layer(a)
    ]
    assert upward == []


def strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively (the module graph is deep enough to matter)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_import_cycles() -> None:
    edges, _ = graph()
    assert strongly_connected(edges) == []


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """The reader resolves relative imports, and finds a circle and a layer above."""
    path = tmp_path / "x.py"
    path.write_text("from ..core import guards\nfrom . import texts\nimport store.db\n")
    known = {"bot.core", "bot.core.guards", "bot.leader", "bot.leader.texts", "store.db"}
    found = {target for target, _ in imports_of("bot.leader.x", path, known)}
    assert found == {"bot.core.guards", "bot.leader.texts", "store.db"}
    edges = {"store.a": {"reports.b"}, "reports.b": {"store.a"}, "toc.c": set()}
    assert strongly_connected(edges) == [["reports.b", "store.a"]]
    assert layer("store.a") < layer("reports.b")
