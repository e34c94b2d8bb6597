"""DOSE011 self-medication."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule
from linter.rules.dose.common import _phrase_findings


@rule(
    "DOSE011",
    "self-medication",
    "error",
    "Advice to start, stop, double or change medicine without a clinician.",
    patient_only=True,
)
def self_medication(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags advice to start, stop, double, share or change a medicine without a clinician: "you
    can double the dose", "stop when you feel better", "no prescription needed". The phrase list
    is data (linter/data/phrases.toml). A negation just before the phrase ("do not double the
    dose") cancels it.

    ## Why is this bad?
    Stopping antibiotics early breeds resistance; doubling doses causes overdoses; buying
    prescription medicine without a prescription skips the checks that keep patients safe.

    ## Audience
    A patient-safety rule: it does not run on pages for professionals (`audience = "professional"`,
    `per-file-audience`, front matter `audience:` or JSON-LD `medicalAudience` of Clinician or
    MedicalResearcher), where advice on starting and stopping medicines is addressed to prescribers.

    ## Example
    ```markdown
    If you miss a dose, you can double the dose next time.
    ```

    ## Use instead
    ```markdown
    If you miss a dose, do not double the next one; ask your pharmacist what to do.
    ```
    """
    yield from _phrase_findings(me, "self_medication", graph)
