"""CIT004 citation-order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.citations import citing_markers
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


def _first_citation_order(graph: ArticleGraph) -> list[int]:
    order: list[int] = []
    seen: set[int] = set()
    for marker in citing_markers(graph):
        if marker.style == "footnote" or marker.problem:
            continue
        for n in marker.numbers:
            if n not in seen:
                seen.add(n)
                order.append(n)
    return order


@rule("CIT004", "citation-order", "warning", "References not numbered in order of first citation.", fix="sometimes")
def citation_order(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Checks that references are numbered in the order in which they are first cited (the
    Vancouver / ICMJE convention): the first new number cited is 1, the next new one 2, and so on.
    Citing an earlier reference again later is fine. One finding, at the first marker that breaks
    the order.

    ## Why is this bad?
    Readers expect [7] to come after [6]. Out-of-order numbering usually means sections were
    moved or references inserted by hand, which is exactly when numbers start pointing at the
    wrong source.

    ## Example
    ```markdown
    First claim [2]. Second claim [1].
    ```

    ## Use instead
    ```markdown
    First claim [1]. Second claim [2].
    ```

    ## Fix safety
    `--fix` renumbers every marker (ranges and clusters rewritten) and reorders the reference list
    so each claim keeps its source. It is offered only when every cited number has exactly one
    numbered entry and the entries form one list.
    """
    if not graph.references or any(r.number is None for r in graph.references):
        return
    defined = graph.reference_numbers
    order = [n for n in _first_citation_order(graph) if n in defined]
    expected = 0
    for marker in citing_markers(graph):
        if marker.style == "footnote" or marker.problem:
            continue
        for n in marker.numbers:
            if n <= expected or n not in defined:  # undefined numbers are CIT001's business
                continue
            if n != expected + 1:
                from linter.rules.cit.renumber import renumber_edits

                edits = renumber_edits(graph, order)
                yield me.finding(
                    graph,
                    marker.start,
                    marker.end,
                    f"[{n}] is cited before reference {expected + 1}: references are not numbered in order "
                    "of first citation",
                    edits=edits,
                )
                return
            expected = n
