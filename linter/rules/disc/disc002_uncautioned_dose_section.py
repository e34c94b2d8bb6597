"""DISC002 uncautioned-dose-section."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.doses import dose_sentences, earlier_warning_section, in_warning_section, section_cautioned
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


def _dose_sections(graph: ArticleGraph) -> dict[int, list]:
    by_section: dict[int, list] = {}
    for sentence, doses in dose_sentences(graph):
        if doses and not in_warning_section(graph, sentence.block):  # a limit stated as a warning is a caution
            by_section.setdefault(graph.section_of(sentence.block).index, []).append(sentence)
    return by_section


@rule(
    "DISC002",
    "uncautioned-dose-section",
    "warning",
    "A section giving numeric doses with no caution.",
    patient_only=True,
)
def uncautioned_dose_section(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a section that gives numeric doses (500 mg, 0.5 mL/kg) when neither the section nor a
    parent section carries a caution: consult a doctor or pharmacist, follow the label, doses
    must be set by the care team. The finding spans the section from its heading.

    ## Why is this bad?
    A list of doses without a caution reads as a prescription. One sentence of context makes it
    reference information.

    ## Audience
    A patient-safety rule: it does not run on pages for professionals (`audience = "professional"`,
    `per-file-audience`, front matter `audience:` or JSON-LD `medicalAudience` of Clinician or
    MedicalResearcher), where dose tables need no caution addressed to the public.

    ## Example
    ```markdown
    ## Dosage
    Adults: 500 mg every 6 hours.
    ```

    ## Use instead
    ```markdown
    ## Dosage
    Doses must be set by your doctor; follow the label. Adults usually take 500 mg every 6 hours.
    ```
    """
    for index, sentences in _dose_sections(graph).items():
        section = graph.sections[index]
        if section_cautioned(graph, sentences[0].block) or earlier_warning_section(graph, index):
            continue
        title = f"section '{section.title}'" if section.title else "the introduction"
        start = graph.source.line_starts[graph.source.position(section.start)[0] - 1]
        yield me.finding(
            graph,
            start,
            section.end,
            f"{title} gives {len(sentences)} numeric dose{'s' if len(sentences) > 1 else ''} "
            "with no caution (consult a doctor or pharmacist, follow the label)",
        )
