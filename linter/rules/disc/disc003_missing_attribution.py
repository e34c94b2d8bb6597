"""DISC003 missing-attribution."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.trust import attribution
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


@rule(
    "DISC003",
    "missing-attribution",
    "warning",
    "No named author or medical reviewer.",
    whole_article=True,
    criteria=("JAMA-authorship:heuristic", "HON-authoritative:heuristic", "NHS-process:heuristic"),
)
def missing_attribution(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags an article with no named person as author or medical reviewer: a byline such as
    "Written by Jane Smith, MD" or "Medically reviewed by Dr Ravi Patel", or `author:` in front
    matter. A team name ("Team X"), "the editorial board" or "staff writers" alone does not count.

    ## Why is this bad?
    Authorship is the first JAMA benchmark for health information: readers need to know who
    wrote the advice and whether someone qualified checked it.

    ## Example
    ```markdown
    The article is written by Team Health and reviewed by the Editorial Board.
    ```

    ## Use instead
    ```markdown
    Written by Jane Smith, RN. Medically reviewed by Dr Ravi Patel, MD, paediatric immunologist.
    ```
    """
    people, teams = attribution(graph)
    if people:
        return
    detail = f" (only '{teams[0]}')" if teams else ""
    yield me.whole_article_finding(
        graph, f"no named author or medical reviewer{detail}; credit a person, ideally with a credential"
    )
