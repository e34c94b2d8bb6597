"""DUP003 repeated-sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.duplicates import UNITS, duplicated_blocks
from linter.findings import Finding
from linter.graph import ArticleGraph, Sentence
from linter.phrases import any_match
from linter.rules.base import Rule, rule
from linter.text import normalise, rough_key


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
    by_key: dict[bytes, list[tuple[int, Sentence]]] = {}  # (place in graph.sentences, sentence), in order
    for order, sentence in enumerate(graph.sentences):
        if sentence.block.kind not in UNITS:
            continue
        if sentence.block.kind in ("list_item", "table_cell") and len(graph.sentences_of(sentence.block)) == 1:
            continue  # a whole item or cell repeated in another list or row is structure (DUP001 judges items)
        by_key.setdefault(rough_key(sentence.text), []).append((order, sentence))
    by_text: dict[str, list[tuple[int, Sentence]]] = {}  # only sentences whose rough key repeats can repeat
    for candidates in by_key.values():
        if len(candidates) < 2:
            continue
        for order, sentence in candidates:
            norm = normalise(sentence.text)
            if len(norm.split()) >= 6:
                by_text.setdefault(norm, []).append((order, sentence))
    repeats: list[tuple[int, Sentence, Sentence]] = []
    for group in by_text.values():  # each group in order (by_key's were); repeats are sorted below
        if len(group) < 2:
            continue  # asked only of sentences that repeat: a unique one cannot be reported
        # "See our page on X for more information" repeats by design
        kept = [(order, s) for order, s in group if not any_match("cross_reference", s.text)]
        repeats.extend((order, later, kept[0][1]) for order, later in kept[1:])
    repeats.sort(key=lambda repeat: repeat[0])
    for _, sentence, first in repeats:
        if id(sentence.block) in flagged or id(first.block) in flagged:
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
