"""Shared per-article facts (CIT): pure functions of the graph, memoised with graph.fact()."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from linter.graph import ArticleGraph


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _root_section(graph: ArticleGraph, block) -> int:
    section = graph.section_of(block)
    while section.parent is not None and graph.sections[section.parent].level > 1:
        section = graph.sections[section.parent]
    return section.index


def leaked_markers(graph: ArticleGraph) -> list[tuple[Any, str]]:
    """Markers that are pasted list numbers or repeats within a cluster, with the reason.

    Shared by CIT006 (which reports them) and the rules that must not count them as citations.
    """
    return graph.fact(_leaked_markers)


def _leaked_markers(graph: ArticleGraph) -> list[tuple[Any, str]]:
    found: list[tuple[Any, str]] = []
    running: Counter = Counter()
    previous_leak: int | None = None
    flagged: set[int] = set()
    for block in graph.body_blocks:
        if block.kind == "list_item":
            root = _root_section(graph, block)
            running[root] += 1
            leak = _trailing_ordinal(block, running[root], previous_leak)
            previous_leak = leak.numbers[0] if leak else None
            if leak is not None:
                flagged.add(leak.start)
                repeated = " (it also repeats a number of the same cluster)" if _repeats(block, leak) else ""
                found.append(
                    (
                        leak,
                        f"the {_ordinal(leak.numbers[0])} list item ends with {leak.raw}: "
                        f"a pasted list number, not a citation{repeated}",
                    )
                )
        for marker in _repeated_in_cluster(block):
            if marker.start not in flagged:
                found.append(
                    (
                        marker,
                        f"{marker.raw} repeats a number already cited in this cluster: a pasted list number or a slip",
                    )
                )
    return found


def citing_markers(graph: ArticleGraph) -> list:
    """Body markers that really cite something: leaked list numbers excluded."""
    leaked = {id(m) for m, _ in leaked_markers(graph)}
    return [m for m in graph.markers if id(m) not in leaked]


def _last_cluster(block) -> list:
    if not block.markers:
        return []
    tail = block.text.rstrip()
    last = block.markers[-1]
    if last.plain_index < len(tail):
        return []
    return [m for m in block.markers if m.cluster == last.cluster]


def _trailing_ordinal(block, running: int, previous_leak: int | None):
    cluster = _last_cluster(block)
    if len(cluster) < 2:
        return None
    last = cluster[-1]
    if not last.spaced or len(last.numbers) != 1 or last.problem:
        return None
    n = last.numbers[0]
    if n in (block.ordinal, running) or (previous_leak is not None and n == previous_leak + 1):
        return last
    return None


def _repeats(block, marker) -> bool:
    return any(
        m is not marker and m.cluster == marker.cluster and set(m.numbers) & set(marker.numbers) for m in block.markers
    )


def _repeated_in_cluster(block) -> Iterator:
    seen: dict[int, set[int]] = {}
    for marker in block.markers:
        numbers = seen.setdefault(marker.cluster, set())
        if marker.numbers and len(marker.numbers) == 1 and marker.numbers[0] in numbers:
            yield marker
        numbers.update(marker.numbers)


def sequential_runs(graph: ArticleGraph) -> Iterator[list]:
    run: list = []
    for block in graph.body_blocks:
        if not block.markers:
            continue
        numbered = [m for m in block.markers if m.numbers]
        single = numbered[0] if len(numbered) == 1 and len(numbered[0].numbers) == 1 else None
        if single is not None and run and single.numbers[0] == run[-1][1].numbers[0] + 1:
            run.append((block, single))
        else:
            if run:
                yield run
            run = [(block, single)] if single is not None else []
    if run:
        yield run
