"""DISC005 stale-review-date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from linter.dates import months_between
from linter.facts.trust import currency_date
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Option, Rule, rule


@rule(
    "DISC005",
    "stale-review-date",
    "warning",
    "A review date older than review_max_age_months, or in the future.",
    options={"review_max_age_months": Option(24, minimum=1)},
    criteria=("JAMA-currency:automated", "NHS-process:automated"),
)
def stale_review_date(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags the article's latest review date when more than `review_max_age_months` whole months
    have passed (default 24), or when it lies in the future. A page with no review date is judged
    by its latest update date, else by its publication date, and the message says which. `--today` sets the
    date to judge against, for reproducible runs.

    ## Why is this bad?
    Advice that has not been reviewed for years may contradict current guidance; a future date
    is a typo that hides the real age.

    ## Example
    ```markdown
    Last reviewed: 3 March 2019.
    ```

    ## Use instead
    Review the article and update the date.

    ## Options
    `review_max_age_months` (top level or per rule, default 24).
    """
    latest = currency_date(graph, bool(options.get("day-first", True)))
    if latest is None:
        return
    today: date = options.get("today") or date.today()
    max_age = int(options.get("review_max_age_months", 24))
    what = {"reviewed": "review date", "updated": "update date", "published": "publication date"}[latest.kind]
    if latest.value > today:
        yield me.finding(
            graph,
            latest.start,
            latest.end,
            f"{what} {latest.value.isoformat()} is in the future (today is {today.isoformat()})",
        )
        return
    age = months_between(latest.value, today)
    if age > max_age:
        said = {
            "reviewed": f"last reviewed {latest.value.isoformat()}",
            "updated": f"last updated {latest.value.isoformat()} (the page gives no review date)",
            "published": f"published {latest.value.isoformat()} (the page gives no review or update date)",
        }[latest.kind]
        yield me.finding(
            graph,
            latest.start,
            latest.end,
            f"{said}, {age} months ago: older than the {max_age}-month limit; review the article",
        )
