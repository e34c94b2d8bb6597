"""CIT002 missing-reference-list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.parse.marker_syntax import format_numbers
from linter.rules.base import Rule, rule


@rule(
    "CIT002",
    "missing-reference-list",
    "error",
    "Citation markers but no reference list.",
    criteria=("JAMA-attribution:automated", "HON-attribution:automated", "DISCERN-4:automated"),
)
def missing_reference_list(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
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
    yield me.finding(
        graph,
        markers[0].start,
        markers[0].end,
        f"{len(markers)} citation markers {cited}, but the article has no reference list "
        "(no References section or footnote definitions)",
    )
