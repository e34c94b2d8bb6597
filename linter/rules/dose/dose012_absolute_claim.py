"""DOSE012 absolute-claim."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule
from linter.rules.dose.common import _phrase_findings


@rule(
    "DOSE012",
    "absolute-claim",
    "error",
    "'completely safe', 'no side effects', 'guaranteed cure', '100% effective'.",
    criteria=("DISCERN-6:heuristic", "DISCERN-8:heuristic", "HON-justifiability:heuristic"),
)
def absolute_claim(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags absolute safety and efficacy claims: "completely safe", "no side effects",
    "guaranteed cure", "100% effective", "cures diabetes", "miracle cure". A negation just before
    ("is not completely safe", "there is no guaranteed cure") cancels it.

    ## Why is this bad?
    No treatment is risk-free or certain. Absolute claims are the hallmark of health
    misinformation and mislead readers into skipping real care.

    ## Example
    ```markdown
    This supplement is completely safe and has no side effects.
    ```

    ## Use instead
    ```markdown
    Most people tolerate this supplement well; the most common side effect is nausea.
    ```
    """
    yield from _phrase_findings(me, "absolute", graph)
