"""CIT016 old-evidence."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from linter.facts.references import work_year, years_in
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Option, Rule, rule
from linter.rules.cit.lock_common import locked_references


@rule(
    "CIT016",
    "old-evidence",
    "info",
    "A claim whose newest cited source is older than a set number of years.",
    default=False,
    options={"max-evidence-age-years": Option(5, minimum=1, maximum=100)},
    criteria=("NHS-evidence:heuristic",),
)
def old_evidence(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Opt-in. For each sentence with citations, takes the year of each cited work (the year the lock
    resolved, or the entry's when it is one year later, online first then in print; else the year
    written in the entry) and reports the sentence when even the newest is
    older than `max-evidence-age-years` (default 5, as medical editors' sourcing guidelines suggest).

    ## Why is this bad?
    Health evidence moves: a claim supported only by old studies may have been overtaken by newer
    trials, guidance or safety warnings.

    ## Example
    ```markdown
    Steroid injections give lasting relief [2].
    2. Author B. Injections for shoulder pain. 2009.
    ```

    ## Use instead
    Check the claim against current guidance and cite it; a classic or landmark study can stay
    beside a recent source.

    ## Known problems
    Some claims rest rightly on old sources (a drug's discovery, a historical fact): suppress the
    finding there. Sentences whose sources have no year are not judged.

    ## Needs a reference lock
    Silent unless a reference lock exists: `medlint refs sync PATH...` writes
    `medlint-refs.lock.json` beside the configuration. `check` itself never uses the network.
    """
    today = options.get("today") or date.today()
    limit = int(options.get("max-evidence-age-years", 5))
    years: dict[int, int | None] = {}
    for ref, _, entry in locked_references(graph):
        work = (entry or {}).get("work") or {}
        written = years_in(ref.text)
        years[id(ref)] = work_year(work, ref.text) or (max(written) if written else None)
    for sentence in graph.sentences:
        if not sentence.markers:
            continue
        cited = [years.get(id(r)) for m in sentence.markers for r in graph.cited_references(m)]
        known = [y for y in cited if y]
        if not known or len(known) < len(cited):
            continue  # a source without a year might be recent
        newest = max(known)
        if today.year - newest > limit:
            first, last = sentence.markers[0], sentence.markers[-1]
            yield me.finding(
                graph,
                first.start,
                last.end,
                f"the newest source for this claim is from {newest}, more than {limit} years ago; "
                "check it against current evidence",
            )
