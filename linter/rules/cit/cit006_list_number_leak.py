"""CIT006 list-number-leak."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.citations import leaked_markers
from linter.findings import Edit, Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


def _removal(graph: ArticleGraph, marker) -> Edit:
    """Delete a marker and the white space that separated it from its cluster."""
    text = graph.source.text
    start = marker.start
    while start > 0 and text[start - 1] in " \t\u00a0":
        start -= 1
    return Edit(start, marker.end, "")


@rule("CIT006", "list-number-leak", "error", "A list ordinal pasted into a citation cluster.", fix="always")
def list_number_leak(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a citation marker that is really a list number: a list item whose citation cluster is
    followed, after a space, by one more lone marker equal to the item's own position
    (`7.` item ending `… [2][3] [7]`), counted in its list or across the lists of its section,
    or continuing the previous item's leaked number. Also flags a number repeated inside one
    cluster (`[2] [2]`).

    ## Why is this bad?
    Scrapers and copy-paste from numbered lists glue the item number onto the citations. The
    extra marker sends readers to an unrelated source.

    ## Known problems
    How it tells a leak from a real citation: a list whose items each cite one source (`[1]`,
    `[2]`, `[3]` for sources 1-3) is fine, because the number is the item's only citation. A leak
    is a lone trailing marker after the item already carries its citations, matching the item's
    position. An item whose real last citation happens to equal its position, written with a
    space before it, is flagged; remove the space (`[2][3][7]`) if it is intended.

    ## Example
    ```markdown
    7. Modifier genes change severity. [3][6] [7]
    ```

    ## Use instead
    ```markdown
    7. Modifier genes change severity. [3][6]
    ```
    """
    for marker, message in leaked_markers(graph):
        yield me.finding(graph, marker.start, marker.end, message, edits=[_removal(graph, marker)])
