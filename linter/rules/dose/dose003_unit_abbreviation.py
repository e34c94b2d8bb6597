"""DOSE003 unit-abbreviation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule
from linter.rules.dose.common import _unit_table_findings


@rule("DOSE003", "unit-abbreviation", "error", "'U' or 'IU' written after a dose.", fix="always")
def unit_abbreviation(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags `U` and `IU` written as the unit of a dose (`10 U`, `400 IU`).

    ## Why is this bad?
    "U" is misread as 0 or 4 (10U becomes 100) and "IU" as IV or 10 (Joint Commission "Do Not
    Use" list, ISMP).

    ## Known problems
    Only a U or IU directly after a number counts: "a U-shaped curve" or "IU Health" never fire.

    ## Example
    ```markdown
    Vitamin D 400 IU daily.
    ```

    ## Use instead
    ```markdown
    Vitamin D 400 international units daily.
    ```
    """
    yield from _unit_table_findings(
        me,
        "unit",
        graph,
        "'{unit}' after a dose is on the Joint Commission 'Do Not Use' list (misread as a number); write '{fix}'",
    )
