"""DISC004 missing-review-date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.trust import currency_date
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


@rule(
    "DISC004",
    "missing-review-date",
    "warning",
    "No 'last reviewed' or 'last updated' date.",
    whole_article=True,
    criteria=("JAMA-currency:automated", "HON-attribution:automated", "DISCERN-5:automated", "NHS-process:automated"),
)
def missing_review_date(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags an article with no date a reader could judge its age by: no "last reviewed" or "last
    updated" date, and no publication date either, in the text (any part of the page), in front
    matter (`last_reviewed:`, `updated:`, `updates:`, `date:`), in JSON-LD (`lastReviewed`,
    `dateModified`, `datePublished`), in `<meta>` or in `<time datetime>`. A page that is dated but
    not reviewed gets its age judged by DISC005 instead. Dates are read as 14 February 2025,
    February 14, 2025, 2025-02-14 or 14/02/2025 (day first unless `day-first = false`).

    ## Why is this bad?
    Currency is a JAMA benchmark: treatment advice ages, and readers cannot judge it without
    knowing when it was last checked.

    ## Example
    An article with no date at all.

    ## Use instead
    ```markdown
    Last reviewed: 14 February 2025.
    ```
    """
    if currency_date(graph, bool(options.get("day-first", True))) is not None:
        return
    yield me.whole_article_finding(graph, "no 'last reviewed' or 'last updated' date")
