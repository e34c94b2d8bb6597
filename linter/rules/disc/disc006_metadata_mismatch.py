"""DISC006 metadata-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.trust import Person, metadata_people, name_key, page_dates, visible_people
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


@rule(
    "DISC006", "metadata-mismatch", "warning", "The visible byline or review date disagrees with the page's metadata."
)
def metadata_mismatch(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Compares what the page shows with what its schema.org JSON-LD says: the visible "last
    reviewed" date with `lastReviewed` (by calendar day), and the visible author and medical
    reviewer with `author` and `reviewedBy` (names compared without titles, credentials and
    initials: "Dr Ana Lima, MD" and "Ana M. Lima" agree). `dateModified` is never compared with a
    review date: sites bump it on every edit. The finding points at the visible text, with the
    metadata's location in `related`.

    ## Why is this bad?
    Search engines and health-information aggregators show the metadata; readers see the page.
    When the two disagree, one of them is out of date, and a reader cannot tell when the advice was
    last checked, or by whom.

    ## Known problems
    A page that credits several reviewers visibly but lists only one in JSON-LD agrees as long as
    one name matches.

    ## Example
    ```html
    <p>Last reviewed: 3 March 2026. Reviewed by Dr Ana Lima.</p>
    <script type="application/ld+json">{"@type": "MedicalWebPage", "lastReviewed": "2023-01-10",
      "reviewedBy": {"@type": "Person", "name": "Dr Tom Reed"}}</script>
    ```

    ## Use instead
    Update the metadata whenever the page is reviewed (most CMSs can write both from one field).
    """
    day_first = bool(options.get("day-first", True))
    dates = page_dates(graph, day_first)
    shown = [d for d in dates if d.kind == "reviewed" and d.origin == "visible"]
    declared = [d for d in dates if d.kind == "reviewed" and d.origin == "json-ld"]
    if shown and declared:
        latest = max(shown, key=lambda d: d.value)
        if all(d.value != latest.value for d in declared):
            meta = max(declared, key=lambda d: d.value)
            older = "older than" if meta.value < latest.value else "later than"
            yield me.finding(
                graph,
                latest.start,
                latest.end,
                f"the page shows 'last reviewed' {latest.value.isoformat()} but its JSON-LD lastReviewed is "
                f"{meta.value.isoformat()} ({older} the date shown); update one so they agree",
                related=[(meta.start, meta.end, "JSON-LD lastReviewed")],
            )
    people, _ = visible_people(graph)
    declared_people = [p for p in metadata_people(graph) if p.origin == "json-ld"]
    for role, field in (("reviewer", "reviewedBy"), ("author", "author")):
        yield from _people_mismatch(graph, me, role, field, people, declared_people)


def _people_mismatch(
    graph: ArticleGraph, me: Rule, role: str, field: str, shown: list[Person], declared: list[Person]
) -> Iterator[Finding]:
    mine = [p for p in shown if p.role == role]
    theirs = [p for p in declared if p.role == role]
    if not mine or not theirs:
        return
    if any(name_key(a.name) <= name_key(b.name) or name_key(b.name) <= name_key(a.name) for a in mine for b in theirs):
        return
    first = mine[0]
    names = ", ".join(dict.fromkeys(p.name for p in theirs))
    yield me.finding(
        graph,
        first.start,
        first.end,
        f"the page credits {first.name} as {role}, but its JSON-LD {field} names {names}; update one so they agree",
        related=[(theirs[0].start, theirs[0].end, f"JSON-LD {field}")],
    )
