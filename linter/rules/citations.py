"""CIT: citation integrity. Every citation number must point at the right, well-formed reference."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.parse.citations import format_numbers
from linter.registry import RULES, rule


def _list_extent(graph: ArticleGraph) -> str:
    numbers = sorted(graph.reference_numbers)
    if not numbers:
        return "the reference list has no numbered entries"
    if numbers == list(range(1, numbers[-1] + 1)):
        return f"the reference list ends at {numbers[-1]}"
    return f"the reference list has {format_numbers(numbers)}"


@rule("CIT001", "undefined-citation", "error", "A citation number with no entry in the reference list.")
def undefined_citation(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
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
    me = RULES["CIT001"]
    extent = _list_extent(graph)
    for marker in graph.markers:
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


@rule("CIT002", "missing-reference-list", "error", "Citation markers but no reference list.")
def missing_reference_list(graph: ArticleGraph, options: dict[str, Any]) -> Iterator[Finding]:
    """
    ## What it does
    Flags an article that cites sources by number but has no reference list: no section headed
    References, Sources, Bibliography, Citations or Notes holding numbered entries, and no
    footnote definitions. One finding, at the first marker, with the count and range cited.

    ## Why is this bad?
    Every number in the article points nowhere, so none of its claims can be checked. This is
    typical of pages scraped or pasted without their reference section.

    ## Example
    ```markdown
    STIM1 senses calcium in the endoplasmic reticulum [3].
    (no References section)
    ```

    ## Use instead
    Add the reference list, or remove the markers.

    ## Options
    `reference-headings` (top-level config): the headings that introduce a reference list.
    """
    markers = [m for m in graph.markers if m.numbers or m.label]
    if graph.has_reference_list or not markers:
        return
    numbers = [n for m in markers for n in m.numbers]
    cited = f"citing {format_numbers(numbers)}" if numbers else "citing footnotes"
    yield RULES["CIT002"].finding(
        graph,
        markers[0].start,
        markers[0].end,
        f"{len(markers)} citation markers {cited}, but the article has no reference list "
        "(no References section or footnote definitions)",
    )
