"""DOSE004 frequency-abbreviation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule
from linter.rules.dose.common import _abbreviation_findings


@rule(
    "DOSE004",
    "frequency-abbreviation",
    "error",
    "QD, QOD, HS, qhs, TIW, SC/SQ and similar in a dose.",
    fix="always",
    fix_safe=False,
)
def frequency_abbreviation(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags error-prone frequency and route abbreviations in a sentence that gives a dose: `QD`,
    `q.d.`, `QOD`, `HS`, `qhs`, `TIW`, `SC`, `SQ`, `D/C`, and `OD` directly after a dose.

    ## Why is this bad?
    QD is read as QID (four times a day), QOD as QD, SC as SL (ISMP, Joint Commission).

    ## Known problems
    Only sentences with a dose are checked: "SC" for South Carolina or "OD" for overdose in
    ordinary prose never fire. OD counts only right next to a dose.

    ## Example
    ```markdown
    Take 5 mg QD.
    ```

    ## Use instead
    ```markdown
    Take 5 mg daily.
    ```

    ## Fix safety
    Unsafe: some abbreviations have two readings (OD: daily or right eye); check the result.
    """
    yield from _abbreviation_findings(me, "frequency", graph, "frequency or route abbreviation")
