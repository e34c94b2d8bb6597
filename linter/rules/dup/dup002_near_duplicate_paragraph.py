"""DUP002 near-duplicate-paragraph."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.duplicates import item_label, near_duplicates
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Option, Rule, rule
from linter.rules.dup.common import _excerpt


@rule(
    "DUP002",
    "near-duplicate-paragraph",
    "warning",
    "A paragraph that restates an earlier one with small rewording.",
    options={
        "threshold": Option(0.35, 0.0, 1.0),
        "min-terms": Option(8, minimum=1),
        "short-threshold": Option(0.5, 0.0, 1.0),
    },
)
def near_duplicate_paragraph(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a paragraph or list item that restates an earlier one in slightly different words,
    and a list item whose title names the same topic as an item in another list. The message
    gives the similarity score and the line of the first copy (also in `related`).

    Similarity: each block becomes a set of stemmed content words (stop words dropped,
    abbreviations the article defines expanded); two blocks are compared by cosine similarity
    with each word weighted by its rarity in the article (idf), so shared topic words count for
    little and shared specific wording for a lot. Candidate pairs come from an index of each
    block's rarest words, so the cost grows with the article, not its square.

    ## Why is this bad?
    Readers notice the repetition and lose trust; editors lose time; two versions of one claim
    drift apart over updates.

    ## Known problems
    Two paragraphs on the same narrow topic can share many specific words; raise `threshold` if
    that happens. Blocks with fewer than `min-terms` content words are only compared by title.
    Repeated facet titles ("Side effects", "Dosage"), titles found in three or more lists and
    lists that share two or more titles (parallel structure, one list per drug) are not reported:
    that is how well-organised pages are built.

    ## Example
    ```markdown
    STIM1 deficiency is a rare inherited disease in which T cells cannot switch on.

    STIM1 deficiency is a rare genetic disease where T cells fail to switch on.
    ```

    ## Use instead
    Merge the two into one paragraph.

    ## Options
    `threshold` (default 0.35): the lowest score reported. `min-terms` (default 8): blocks with
    fewer content words are only compared by title. `short-threshold` (default 0.5): the fewer
    words two blocks have, the likelier a chance overlap, so when the shorter has fewer than 16
    content words the score must reach this instead.
    """
    for pair in near_duplicates(graph, options["threshold"], options["min-terms"], options["short-threshold"]):
        later, first, score, why = pair.later, pair.earlier, pair.score, pair.why
        line, _ = graph.source.position(first.start)
        if why == "label":
            message = (
                f'the item "{item_label(later)}" covers the same topic as the item at line {line} '
                f'("{item_label(first)}", title similarity {score:.2f})'
            )
        else:
            kind = "item" if later.kind == "list_item" else "paragraph"
            message = f'this {kind} restates the one at line {line} (similarity {score:.2f}): "{_excerpt(first)}"'
        yield me.finding(graph, later.start, later.end, message, related=[(first.start, first.end, "first copy")])
