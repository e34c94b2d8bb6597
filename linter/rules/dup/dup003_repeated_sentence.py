"""DUP003 repeated-sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.duplicates import UNITS, duplicated_blocks
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.phrases import any_match
from linter.rules.base import Rule, rule
from linter.text import normalise


@rule(
    "DUP003",
    "repeated-sentence",
    "warning",
    "A sentence of six or more words that appears twice.",
    shares_options_of="DUP002",
)
def repeated_sentence(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a sentence of at least six words that already appeared earlier in the article
    (normalised), unless its paragraph is already reported by DUP001 or DUP002.

    ## Why is this bad?
    A repeated sentence is usually a copy-paste slip; it reads as filler.

    Cross-references and navigation lines ("See our page on asthma for more information",
    "Find out more about inhalers") repeat by design and are not reported (phrase list in
    linter/data/phrases.toml).

    ## Known problems
    Deliberate refrains of six or more words fire; shorter ones ("Ask your doctor.") never do.

    ## Example
    ```markdown
    Always ask your care team before starting a supplement. …
    Always ask your care team before starting a supplement.
    ```

    ## Use instead
    Say it once, where it matters most.
    """
    flagged = duplicated_blocks(graph, options["threshold"], options["min-terms"], options["short-threshold"])
    first_seen: dict[str, Any] = {}
    for sentence in graph.sentences:
        if sentence.block.kind not in UNITS:
            continue
        if sentence.block.kind in ("list_item", "table_cell") and len(graph.sentences_of(sentence.block)) == 1:
            continue  # a whole item or cell repeated in another list or row is structure (DUP001 judges items)
        norm = normalise(sentence.text)
        if len(norm.split()) < 6 or any_match("cross_reference", sentence.text):
            continue  # "See our page on X for more information" repeats by design
        first = first_seen.setdefault(norm, sentence)
        if first is sentence or id(sentence.block) in flagged or id(first.block) in flagged:
            continue
        start, end = sentence.span
        line, _ = graph.source.position(first.span[0])
        yield me.finding(
            graph,
            start,
            end,
            f"this sentence already appears at line {line}",
            related=[(*first.span, "first occurrence")],
        )
