"""READ002 long-sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.readability import words
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Option, Rule, rule


@rule(
    "READ002",
    "long-sentence",
    "info",
    "A sentence longer than max-words.",
    options={"max-words": Option(25, minimum=5, doc="longest sentence allowed, in words")},
)
def long_sentence(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a sentence of the main content with more than `max-words` words (default 25), in
    paragraphs and list items.

    ## Why is this bad?
    Long sentences are the first thing that makes health text hard to follow; plain-language
    guides (NHS, NIH) advise 15 to 20 words on average and 25 at most.

    ## Example
    One sentence that explains the cause, the symptoms, the tests and the treatment at once.

    ## Use instead
    Split it: one idea per sentence.
    """
    limit = int(options.get("max-words", 25))
    for sentence in graph.sentences:
        if sentence.block.kind not in ("paragraph", "list_item", "html"):
            continue
        count = len(words(sentence.text))
        if count > limit:
            start, end = sentence.span
            yield me.finding(graph, start, end, f"this sentence has {count} words (more than {limit}); split it")
