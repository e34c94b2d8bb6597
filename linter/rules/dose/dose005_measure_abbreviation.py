"""DOSE005 measure-abbreviation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule
from linter.rules.dose.common import _unit_table_findings


@rule("DOSE005", "measure-abbreviation", "error", "'cc', 'µg' or 'ug' in a dose.", fix="always")
def measure_abbreviation(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags `cc` and `µg`/`ug` used as the unit of a dose.

    ## Why is this bad?
    "cc" is misread as "U" or "00"; "µg" as "mg", a thousandfold error (ISMP, Joint Commission).

    ## Known problems
    Only units directly after a number count: "cc the nurse" in an email footer never fires.

    ## Example
    ```markdown
    Give 5 cc; take 50 µg.
    ```

    ## Use instead
    ```markdown
    Give 5 mL; take 50 mcg.
    ```
    """
    yield from _unit_table_findings(me, "measure", graph, "'{unit}' is an error-prone unit ({source}); write '{fix}'")
