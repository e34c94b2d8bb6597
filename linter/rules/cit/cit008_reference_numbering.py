"""CIT008 reference-numbering."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


def _entry_sequence(graph: ArticleGraph) -> list:
    return [r for r in graph.references if r.number is not None and not r.written.startswith("[^")]


@rule("CIT008", "reference-numbering", "error", "The reference list skips, repeats or reorders its numbers.")
def reference_numbering(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Checks the reference list's own numbering: it must run 1, 2, 3 … without gaps, repeats or
    reordering. A Markdown list numbered `1.` on every line (auto-numbering) is fine.

    ## Why is this bad?
    When the list's numbers and the text's numbers drift apart, every citation after the break
    points at the wrong source.

    ## Example
    ```markdown
    1. First.
    2. Second.
    4. Third.
    ```

    ## Use instead
    Number the entries 1, 2, 3.
    """
    entries = _entry_sequence(graph)
    seen: dict[int, Any] = {}
    expected = entries[0].number if entries else 1
    if entries and entries[0].number != 1:
        yield me.finding(
            graph,
            entries[0].block.start,
            entries[0].block.end,
            f"the reference list starts at {entries[0].number}, not 1",
        )
    for ref in entries:
        n = ref.number
        if n in seen:
            msg = f"reference number {n} is used twice"
            yield me.finding(
                graph,
                ref.block.start,
                ref.block.end,
                msg,
                related=[(seen[n].block.start, seen[n].block.end, f"first entry {n}")],
            )
        elif n < expected:
            yield me.finding(
                graph, ref.block.start, ref.block.end, f"reference {n} comes after {expected - 1}: out of order"
            )
        elif n > expected:
            missing = f"{expected}" if n == expected + 1 else f"{expected}-{n - 1}"
            yield me.finding(
                graph,
                ref.block.start,
                ref.block.end,
                f"the reference list jumps from {expected - 1} to {n} ({missing} missing)",
            )
        seen.setdefault(n, ref)
        expected = max(expected, n + 1)
