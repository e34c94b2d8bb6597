"""DOSE010 unsupervised-dose."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.dose_spans import DoseSpan
from linter.facts.doses import dose_sentences, hedged_item, in_warning_section, section_cautioned
from linter.findings import Finding
from linter.graph import ArticleGraph, Sentence
from linter.rules.base import Rule, rule

_INSTRUCTION = re.compile(
    r"(?i)(?:^|[;:]\s*|\b(?:should|must|can|may|need to|will need to|ought to)\s+(?:also\s+)?)"
    r"(?:take|give|use|apply|inject|swallow|drink|have|double|increase|start (?:with|on)|try)\b"
    r"|\b(?:take|give|use)\s+(?:\w+\s+){0,3}?\d"
)


def _is_instruction(sentence: Sentence, doses: list[DoseSpan]) -> bool:
    text = sentence.block.text[sentence.start : sentence.end]
    m = _INSTRUCTION.search(text)
    return bool(m) and m.start() <= doses[0].start - sentence.start


@rule(
    "DOSE010", "unsupervised-dose", "error", "A numeric dose given as an instruction, with no hedge.", patient_only=True
)
def unsupervised_dose(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a sentence that tells the reader to take or give a specific numeric dose ("take 400 mg
    every 4 hours") when neither the sentence nor its section (or a parent section) refers the
    reader to a clinician, the label or leaflet, or presents the figure as a usual or typical
    dose.

    ## Why is this bad?
    A dose depends on age, weight, kidney function and other medicines. Read as an instruction,
    an article dose can overdose a child or interact with a treatment the writer never saw.

    ## Known problems
    Hedges are recognised by phrase (as prescribed, your doctor or pharmacist, the label or
    leaflet, usual adult dose, under medical supervision); a hedge worded otherwise is missed.

    ## Audience
    A patient-safety rule: it does not run on pages for professionals (`audience = "professional"`,
    `per-file-audience`, front matter `audience:` or JSON-LD `medicalAudience` of Clinician or
    MedicalResearcher), where dosing instructions are what the page is for.

    ## Example
    ```markdown
    For pain, take 400 mg every 4 hours.
    ```

    ## Use instead
    ```markdown
    The usual adult dose is 400 mg every 4 to 6 hours; follow the label or your pharmacist's advice.
    ```
    """
    for sentence, doses in dose_sentences(graph):
        if not doses or not _is_instruction(sentence, doses):
            continue
        if hedged_item(graph, sentence) or section_cautioned(graph, sentence.block):
            continue
        if in_warning_section(graph, sentence.block):
            continue  # "do not take more than 4 g in 24 hours" under Warnings is a limit, not an instruction
        start, end = sentence.span
        d = doses[0]
        dose_text = sentence.block.text[d.start : d.end]
        yield me.finding(
            graph,
            start,
            end,
            f"'{dose_text}' is given as an instruction with no pointer to a doctor, pharmacist or "
            "the label; present it as a usual dose and add that caution",
        )
