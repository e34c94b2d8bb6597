"""DOSE002 missing-leading-zero."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.doses import dose_sentences
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule
from linter.rules.dose.common import _number_finding


@rule("DOSE002", "missing-leading-zero", "error", "A dose below 1 without its leading zero (.5 mg).", fix="always")
def missing_leading_zero(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a dose below one written without a leading zero: `.5 mg`.

    ## Why is this bad?
    A missed point turns .5 mg into 5 mg: a tenfold overdose (ISMP, Joint Commission).

    ## Example
    ```markdown
    Give .5 mg at night.
    ```

    ## Use instead
    ```markdown
    Give 0.5 mg at night.
    ```
    """
    for sentence, doses in dose_sentences(graph):
        for d in doses:
            if d.number.startswith("."):
                message = f"'{d.number} {d.unit}' needs a leading zero: write 0{d.number} {d.unit}"
                yield _number_finding(me, graph, sentence, d, message, "0" + d.number)
