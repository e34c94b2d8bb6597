"""CIT010 unsupported-statistic."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule

_STATISTIC = re.compile(
    r"""(?ix)
    \b\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b)
  | \b(?:one|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?[\d,]+\b(?![-.]\w|\s*(?:years?|months?|weeks?|days?|hours?)\b)
  | \b(?:\d+(?:\.\d+)?|two|three|four|five|ten)[-\s](?:times|fold)\s+(?:more|less|higher|lower|greater|as)\b
  | \b\d+(?:\.\d+)?-fold\b
  | \b(?:studies|research|trials|evidence|experts|scientists|data)\s+(?:show|shows|showed|suggest|suggests|found|prove|proves|indicate|indicates)\b
  | \b(?:doubles|triples|halves)\s+(?:the\s+)?(?:risk|chance|odds)\b
    """
)


_STRENGTH = re.compile(
    r"(?i)\b\d+(?:\.\d+)?\s?%\s+(?:cream|gel|ointment|solution|lotion|w/w|w/v|dextrose|saline|glucose|strength)\b"
)


@rule(
    "CIT010",
    "unsupported-statistic",
    "warning",
    "A statistic or 'studies show' claim with no citation.",
    criteria=("HON-justifiability:heuristic", "NHS-evidence:heuristic"),
)
def unsupported_statistic(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    In an article that cites sources elsewhere, flags a sentence that gives a figure (a
    percentage, "1 in N", "N times more likely", "doubles the risk") or appeals to unnamed
    evidence ("studies show") with no citation in that sentence or the next one of the same
    paragraph.

    ## Why is this bad?
    Numbers persuade. A figure without a source cannot be checked and is the first thing a
    careful reader or reviewer will question.

    ## Known problems
    Product strengths (`1% cream`, `5% dextrose`) are not statistics and are skipped. An article
    with no citations at all is not checked: it needs CIT002-style attention, not one finding per
    figure.

    ## Example
    ```markdown
    About 40% of patients relapse within a year.
    ```

    ## Use instead
    ```markdown
    About 40% of patients relapse within a year [4].
    ```
    """
    if not graph.markers:
        return
    for block in graph.body_blocks:
        if block.kind not in ("paragraph", "list_item", "html"):
            continue
        sentences = graph.sentences_of(block)
        for i, sentence in enumerate(sentences):
            if sentence.markers or (i + 1 < len(sentences) and sentences[i + 1].markers):
                continue
            text = _STRENGTH.sub(" ", sentence.text)
            m = _STATISTIC.search(text)
            if m is None:
                continue
            start, end = block.original(sentence.start, sentence.end)
            yield me.finding(
                graph,
                start,
                end,
                f"'{m.group(0).strip()}' is stated without a citation; cite the source of this figure",
            )
