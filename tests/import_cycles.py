"""Find import circles between modules of the project's packages.

Every `import` statement counts, including those inside functions and under
`if TYPE_CHECKING:`: a lazy import hides a circle from Python, not from a
reader. Uses grimp, the graph library import-linter is built on.
"""

from __future__ import annotations

import grimp

PACKAGES = ("cms", "kiosk_site", "transcode")


def import_graph(packages: tuple[str, ...] = PACKAGES) -> grimp.ImportGraph:
    return grimp.build_graph(*packages, cache_dir=None)


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan's algorithm)."""
    edges = {
        m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules
    }
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


def cycle_path(graph: grimp.ImportGraph, group: list[str]) -> str:
    """One readable circle through the group: a -> b -> ... -> a."""
    first, second = group[0], None
    for candidate in sorted(graph.find_modules_directly_imported_by(first)):
        if candidate in group:
            second = candidate
            break
    back = graph.find_shortest_chain(importer=second, imported=first) or ()
    return " -> ".join([first, *back])
