"""READ001 reading-level."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.readability import explained_terms, section_level, syllables, words
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Option, Rule, rule

MIN_SENTENCES, MIN_WORDS = 5, 100


@rule(
    "READ001",
    "reading-level",
    "warning",
    "A section written above the target reading level.",
    options={
        "target-grade": Option(8, minimum=1, maximum=18, doc="US school grade (UK reading age = grade + 5)"),
        "formula": Option("smog", doc="smog or flesch-kincaid"),
    },
    patient_only=True,
    criteria=("NHS-clear:heuristic",),
)
def reading_level(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Scores each section's running prose (paragraphs; lists, tables and headings do not count) and
    flags a section above `target-grade` (a US school grade, default 8; the UK reading age, grade
    + 5, is shown beside it). Sections under 5 sentences or 100 words are not judged. The message
    names at most five of the words that raise the level; the sentences with most of them are in
    `related`. Words of the article's title, and terms the text explains where they stand
    ("pyrexia (a high temperature)", "dyspnoea, which means …") or in the next sentence ("… after
    treatment. This means …"), do not count against it.

    Formula (`formula`): `smog` (default; McLaughlin's SMOG grade, the usual one for health
    material: 1.043 × √(polysyllables × 30 / sentences) + 3.1291) or `flesch-kincaid`
    (0.39 × words/sentence + 11.8 × syllables/word − 15.59). Syllables come from the CMU
    Pronouncing Dictionary, with a vowel-group count for words it lacks.

    ## Why is this bad?
    NHS guidance aims at a reading age of 9 to 11 and the AMA and NIH at grade 6 to 8; most patient
    material is written far above that, and the readers who most need it understand least.

    ## Audience
    Pages for professionals are not judged.

    ## Example
    A section of long sentences full of words such as "immunodeficiency", "haematopoietic" and
    "transplantation".

    ## Use instead
    Shorter sentences and everyday words; explain the medical terms you keep.
    """
    target = int(options.get("target-grade", 8))
    formula = "smog" if str(options.get("formula", "smog")).lower() == "smog" else "flesch-kincaid"
    excused = explained_terms(graph)
    for section in graph.sections:
        if section.is_references:
            continue
        level = section_level(graph, section.index, formula, excused)
        if level is None or len(level.sentences) < MIN_SENTENCES or level.words < MIN_WORDS:
            continue
        if level.grade <= target:
            continue
        hard = ", ".join(f"'{w}'" for w in level.hard_words[:5])
        name = f"section '{section.title}'" if section.title else "the introduction"
        ranked = sorted(
            level.sentences,
            key=lambda s: -sum(1 for w in words(s.text) if w.lower() not in excused and syllables(w) >= 3),
        )
        related = [(*s.span, "a sentence that raises the level") for s in ranked[:3]]
        start = section.heading.start if section.heading is not None else level.sentences[0].span[0]
        end = section.heading.end if section.heading is not None else level.sentences[0].span[1]
        yield me.finding(
            graph,
            start,
            end,
            f"{name} reads at US grade {level.grade:.1f} (UK reading age {level.grade + 5:.0f}; {formula}), above the "
            f"target of grade {target}; words that raise it: {hard or 'long sentences'}",
            related=related,
        )
