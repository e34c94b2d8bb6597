"""DOSE006 drug-name-abbreviation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule
from linter.rules.dose.common import _abbreviation_findings


@rule("DOSE006", "drug-name-abbreviation", "error", "Abbreviated drug names (MSO4, MgSO4, MS, MTX, HCTZ …).")
def drug_name_abbreviation(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags abbreviated drug names in a sentence that gives a dose: `MSO4`, `MgSO4`, `MTX`,
    `HCTZ`, `AZT`, `CPZ`, `PTU`, `ZnSO4`, `APAP`, and `MS` right next to a dose.

    ## Why is this bad?
    MSO4 and MgSO4 are confused with each other, MTX with mitoxantrone, HCTZ with
    hydrocortisone (ISMP). Readers also simply do not know them.

    ## Known problems
    "MS" counts only directly beside a dose, so "MS" as multiple sclerosis never fires.

    ## Example
    ```markdown
    MTX 15 mg once weekly.
    ```

    ## Use instead
    ```markdown
    Methotrexate 15 mg once weekly.
    ```
    """
    yield from _abbreviation_findings(me, "drug", graph, "drug-name abbreviation")
