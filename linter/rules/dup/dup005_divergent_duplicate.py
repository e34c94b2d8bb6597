"""DUP005 divergent-duplicate."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.duplicates import divergent_duplicates
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


@rule("DUP005", "divergent-duplicate", "error", "Two copies of a passage whose numbers differ.")
def divergent_duplicate(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a paragraph or list item that repeats an earlier one word for word except for its
    numbers: a dose, frequency, age, duration or percentage changed in one copy only. The message
    names the numbers that differ; `related` points at the other copy. Numbers include their unit
    (5 mg against 5 mcg) and frequency words (twice against three times daily); years are not
    numbers here. On such a pair DUP005 replaces DUP002.

    ## Why is this bad?
    The most dangerous duplicate on a drug page: one copy was corrected and the other was not, so
    readers meet two different doses for the same situation and cannot tell which is right.

    ## Known problems
    Siblings of one list or table (doses per age band, one row per strength) are parallel
    structure and never paired; neither are passages whose qualifier differs ("children" against
    "adults", "tablets" against "liquid"), since their words differ too.

    ## Example
    ```markdown
    Adults take 500 mg every 8 hours for five days.
    …
    Adults take 250 mg every 8 hours for five days.
    ```

    ## Use instead
    Keep one copy with the correct numbers, or say why the two situations differ.
    """
    for pair in divergent_duplicates(graph):
        line, _ = graph.source.position(pair.earlier.start)
        changes = "; ".join(f"'{a}' there, '{b}' here" for a, b in pair.differences)
        yield me.finding(
            graph,
            pair.later.start,
            pair.later.end,
            f"this repeats the passage at line {line} but its numbers differ ({changes}); check which is right",
            related=[(pair.earlier.start, pair.earlier.end, "the other copy")],
        )
