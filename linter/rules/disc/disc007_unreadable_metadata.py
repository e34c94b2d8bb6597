"""DISC007 unreadable-metadata."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


@rule("DISC007", "unreadable-metadata", "info", "Front matter or JSON-LD that cannot be parsed.")
def unreadable_metadata(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Reports YAML or TOML front matter, or a JSON-LD block, that cannot be parsed. medlint then
    treats that metadata as absent, so authors, reviewers and dates written there are not seen by
    DISC003-DISC006; this finding says why.

    ## Why is this bad?
    Broken metadata is invisible to search engines and site tools too: the page loses its byline
    and dates everywhere except in its visible text.

    ## Example
    ```markdown
    ---
    title: Iron deficiency
    authors: [Jane Smith
    ---
    ```

    ## Use instead
    Fix the syntax (here, close the list: `authors: [Jane Smith]`).
    """
    for problem in graph.document.meta_problems:
        end = min(problem.end, graph.source.line_starts[1] - 1 if graph.source.line_count > 1 else problem.end)
        if problem.origin == "json-ld":
            end = problem.end
        yield me.finding(graph, problem.start, max(problem.start, end), f"{problem.message}; it is ignored")
