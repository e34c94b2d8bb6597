"""READ004 jargon."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.readability import explained_here, jargon_table
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


@rule("READ004", "jargon", "info", "A medical term with a plain alternative, not explained.", patient_only=True)
def jargon(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a medical term that has a plain alternative ("hypertension": high blood pressure,
    "analgesics": painkillers), unless the same or the next sentence explains it. The terms, their
    plain words and their sources are data (linter/data/plain_language.toml), each with an example
    and a trap.

    ## Why is this bad?
    Readers skip or misread terms they do not know; the CDC's plain-language thesaurus and the NHS
    style guide list the everyday words to use instead.

    ## Audience
    Pages for professionals are not judged.

    ## Example
    ```markdown
    Hypertension raises the risk of stroke.
    ```

    ## Use instead
    ```markdown
    High blood pressure (hypertension) raises the risk of stroke.
    ```
    """
    for block in graph.body_blocks:
        if block.kind == "heading":
            continue
        sentences = graph.sentences_of(block)
        for i, sentence in enumerate(sentences):
            following = sentences[i + 1].text if i + 1 < len(sentences) else ""
            text = sentence.text
            for pattern, entry in jargon_table():
                for m in pattern.finditer(text):
                    if explained_here(text, m.end(), following, entry["plain"]):
                        continue
                    a, b = block.original(sentence.start + m.start(), sentence.start + m.end())
                    yield me.finding(
                        graph, a, b, f"'{m.group(0)}': say '{entry['plain']}', or explain the term ({entry['source']})"
                    )
