"""CIT003 uncited-reference."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.citations import citing_markers
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


@rule("CIT003", "uncited-reference", "warning", "A reference entry that no marker cites.")
def uncited_reference(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a reference entry that no citation marker in the text points at. A range such as
    `[3-5]` cites 3, 4 and 5.

    ## Why is this bad?
    An uncited entry lends the article authority it has not earned, and often means the marker
    that cited it was lost in an edit, so a claim now stands without its source.

    ## Known problems
    "Further reading" lists are meant to be uncited: give them their own heading, which is not a
    reference heading.

    ## Example
    ```markdown
    Claim [1].
    ## References
    1. Cited study.
    2. Never cited.
    ```

    ## Use instead
    Cite the entry where it supports a claim, or remove it.
    """
    if not graph.markers:
        return
    cited = {key for m in citing_markers(graph) for key in graph.marker_keys(m)}
    for ref in graph.references:
        if graph.reference_key(ref) not in cited:
            name = f"footnote [^{ref.label}]" if ref.number is None else f"reference {ref.label}"
            yield me.finding(graph, ref.block.start, ref.block.end, f"{name} is never cited in the text")
