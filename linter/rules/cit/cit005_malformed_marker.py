"""CIT005 malformed-marker."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule

_OPEN_BRACKET = re.compile(r"\[\s*\d{1,4}(?:\s*[,;\u2013-]\s*\d{1,4})*(?=\s|$|[.;:])")


def _unbalanced(graph: ArticleGraph, me: Rule) -> Iterator[Finding]:
    for block in graph.body_blocks:
        for line_start, line in _lines(block.text):
            for m in _OPEN_BRACKET.finditer(line):
                if "]" not in line[m.end() :]:
                    start, end = block.original(line_start + m.start(), line_start + m.end())
                    yield me.finding(graph, start, end, f"citation bracket '{m.group(0)}' is never closed")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


_STYLE_NAMES = {"bracket": "[n]", "sup": "<sup>n</sup>", "link": "[n](#ref)", "footnote": "[^n]", "paren": "(n)"}


def _mixed_styles(graph: ArticleGraph, me: Rule) -> Iterator[Finding]:
    styles = Counter(m.style for m in graph.markers if not m.problem)
    if len(styles) < 2:
        return
    main_style = styles.most_common(1)[0][0]
    odd = next(m for m in graph.markers if m.style != main_style and not m.problem)
    counts = ", ".join(f"{n} {_STYLE_NAMES[s]}" for s, n in styles.most_common())
    yield me.finding(
        graph,
        odd.start,
        odd.end,
        f"citation styles are mixed ({counts}); {odd.raw} differs from the article's {_STYLE_NAMES[main_style]} style",
    )


@rule("CIT005", "malformed-marker", "error", "A citation marker that cannot be read as reference numbers.")
def malformed_marker(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags citation markers that cannot be read: `[0]`, backwards ranges `[3-1]`, doubled
    separators `[1,,2]`, empty brackets `[ ]`, letter suffixes `[1a]`, brackets left open
    (`[12` with no `]` on the line), and an article that mixes marker styles (`[1]` and
    `<sup>2</sup>`).

    ## Why is this bad?
    A reader cannot tell which source is meant, and tools that renumber or link citations skip
    or mangle them.

    ## Known problems
    A task-list box `- [ ]` is not a citation and is never flagged.

    ## Example
    ```markdown
    Calcium entry is absent [3-1].
    ```

    ## Use instead
    ```markdown
    Calcium entry is absent [1-3].
    ```
    """
    for marker in graph.markers:
        if marker.problem:
            yield me.finding(graph, marker.start, marker.end, f"malformed citation {marker.raw}: {marker.problem}")
    yield from _unbalanced(graph, me)
    yield from _mixed_styles(graph, me)
