"""Find import circles between modules of the project's packages.

Every `import` statement counts, including those inside functions and under
`if TYPE_CHECKING:`: a lazy import hides a circle from Python, not from a
reader. So does `from package import submodule` inside that package: Python
runs the package's `__init__` first, which may import the module back.
Uses grimp, the graph library import-linter is built on.
"""

from __future__ import annotations

import ast
import importlib.util
from collections import deque

import grimp

PACKAGES = ("cms", "kiosk_site", "transcode")


def import_graph(packages: tuple[str, ...] = PACKAGES) -> dict[str, list[str]]:
    """Module -> the modules (and named packages) it imports, sorted."""
    graph = grimp.build_graph(*packages, cache_dir=None)
    modules = set(graph.modules)
    packages_in = {m for m in modules if _is_package(m)}
    return {
        m: sorted(
            set(graph.find_modules_directly_imported_by(m))
            | (_named_modules(m) & packages_in) - {m}
        )
        for m in sorted(modules)
    }


def _is_package(module: str) -> bool:
    spec = importlib.util.find_spec(module)
    return spec is not None and spec.submodule_search_locations is not None


def _named_modules(module: str) -> set[str]:
    """Every absolute module name `module`'s source names in an import
    (grimp records `from pkg import sub` as an import of `pkg.sub` only)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return set()
    with open(spec.origin, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    named = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            named.add(node.module)
        elif isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
    return named


def import_cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        # Iterative depth-first search: (module, position in its edge list).
        work = [(root, 0)]
        while work:
            module, pos = work.pop()
            if pos == 0:
                index[module] = low[module] = len(index)
                stack.append(module)
                on_stack.add(module)
            targets = edges.get(module, [])
            if pos < len(targets):
                work.append((module, pos + 1))
                target = targets[pos]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[module] = min(low[module], index[target])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def cycle_path(edges: dict[str, list[str]], group: list[str]) -> str:
    """One readable circle through the group: a -> b -> ... -> a (the
    shortest way back to its first module, found breadth first)."""
    first = group[0]
    came_from: dict[str, str] = {}
    queue = deque([first])
    while queue:
        module = queue.popleft()
        for target in edges.get(module, []):
            if target == first:
                path = [module]
                while path[-1] != first:
                    path.append(came_from[path[-1]])
                return " -> ".join([*reversed(path), first])
            if target in group and target not in came_from:
                came_from[target] = module
                queue.append(target)
    return " -> ".join(group)
