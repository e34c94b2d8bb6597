"""DOSE001 trailing-zero."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.facts.doses import dose_sentences
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule
from linter.rules.dose.common import _number_finding


@rule("DOSE001", "trailing-zero", "error", "A dose written with a trailing zero (5.0 mg).", fix="always")
def trailing_zero(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a dose with a trailing zero after the decimal point: `5.0 mg`.

    ## Why is this bad?
    If the point is missed, 5.0 mg is read as 50 mg: a tenfold overdose (ISMP, Joint Commission
    "Do Not Use" list).

    ## Known problems
    Laboratory values keep their trailing zero, which shows precision (`6.0 mg/dL`,
    `4.0 mmol/L`); they are not doses and are never flagged.

    ## Example
    ```markdown
    The usual dose is 5.0 mg once daily.
    ```

    ## Use instead
    ```markdown
    The usual dose is 5 mg once daily.
    ```
    """
    for sentence, doses in dose_sentences(graph):
        for d in doses:
            m = re.fullmatch(r"([\d,]+)\.(\d*?)0+", d.number)
            if m:
                fixed = f"{m.group(1)}.{m.group(2)}" if m.group(2) else m.group(1)
                misread = d.number.replace(".", "").replace(",", "").lstrip("0") or "0"
                message = (
                    f"'{d.number} {d.unit}' has a trailing zero; if the point is missed it reads as "
                    f"{misread}; write {fixed} {d.unit}"
                )
                yield _number_finding(me, graph, sentence, d, message, fixed)
