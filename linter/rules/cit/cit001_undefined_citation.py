"""CIT001 undefined-citation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.citations import citing_markers
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.parse.marker_syntax import format_numbers
from linter.rules.base import Rule, rule


def _list_extent(graph: ArticleGraph) -> str:
    numbers = sorted(graph.reference_numbers)
    if not numbers:
        return "the reference list has no numbered entries"
    if numbers == list(range(1, numbers[-1] + 1)):
        return f"the reference list ends at {numbers[-1]}"
    return f"the reference list has {format_numbers(numbers)}"


@rule(
    "CIT001",
    "undefined-citation",
    "error",
    "A citation number with no entry in the reference list.",
    criteria=("JAMA-attribution:automated", "DISCERN-4:automated"),
)
def undefined_citation(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a citation marker whose number (or footnote label) has no entry in the article's
    reference list.

    ## Why is this bad?
    A reader who follows the number finds nothing, or worse, the wrong source. A dangling number
    usually means a reference was deleted or the list was cut short when the article was pasted.

    ## Known problems
    Reference lists the parser does not recognise (an unusual heading) make every marker dangle;
    add the heading to `reference-headings`.

    ## Example
    ```markdown
    Calcium entry is absent in T cells [14].

    ## References
    1. ... (12 entries)
    ```

    ## Use instead
    Cite a number that exists, or add the missing entry to the list.
    """
    if not graph.has_reference_list:
        return
    extent = _list_extent(graph)
    for marker in citing_markers(graph):
        if marker.problem:
            continue
        for key in graph.marker_keys(marker):
            if graph.references_for(key):
                continue
            if key.startswith("f:"):
                message = f"footnote [^{marker.label}] is cited here but has no definition"
            else:
                number = int(key[2:])
                message = f"[{number}] is cited here but {extent}"
            yield me.finding(graph, marker.start, marker.end, message)
