"""DISC001 missing-disclaimer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.trust import has_disclaimer
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


@rule(
    "DISC001",
    "missing-disclaimer",
    "warning",
    "No statement that the article is not a substitute for medical advice.",
    whole_article=True,
    patient_only=True,
    criteria=("HON-complementarity:automated",),
)
def missing_disclaimer(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags an article with no statement that it is general information, not a substitute for
    professional medical advice (for example "This article is for information only and does not
    replace advice from your doctor").

    ## Why is this bad?
    HONcode's complementarity principle and the NHS content standards ask health information to
    say that it supports, not replaces, the relationship with a clinician. Readers in distress
    act on what they read.

    ## Audience
    A patient-safety rule: it does not run on pages for professionals (`audience = "professional"`,
    `per-file-audience`, front matter `audience:` or JSON-LD `medicalAudience` of Clinician or
    MedicalResearcher), where a medical-advice disclaimer addresses readers who are not clinicians.

    ## Example
    An article that ends after its last section with no disclaimer.

    ## Use instead
    ```markdown
    This article is for general information and is not a substitute for professional medical
    advice. Talk to your doctor about your own situation.
    ```
    """
    if has_disclaimer(graph):
        return
    yield me.whole_article_finding(
        graph, "no disclaimer: say the article is general information, not a substitute for professional medical advice"
    )
