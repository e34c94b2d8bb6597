"""CIT013 identifier-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.references import mismatches
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Option, Rule, rule
from linter.rules.cit.lock_common import describe, identifier_span, locked_references


@rule(
    "CIT013",
    "identifier-mismatch",
    "error",
    "A DOI, PMID or PMCID that resolves to a different work than the entry describes.",
    options={"title-containment": Option(0.8, 0.0, 1.0)},
    criteria=("JAMA-attribution:automated", "NHS-evidence:automated"),
)
def identifier_mismatch(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Reads the reference lock (written by `medlint refs sync`). For each entry whose DOI, PMID or
    PMCID resolved, compares what the identifier really points at with the entry: the title by
    word containment (case, diacritics and punctuation folded; at least `title-containment` of the
    title's words must be in the entry), the first author's family name (an organisation's name
    for a group author), and the year (one year either way is allowed: online-first against
    print). The message says which of them differ and what the identifier points at.

    ## Why is this bad?
    An identifier that resolves, but to another paper, is the commonest pattern of fabricated or
    mis-pasted references: a reader who follows it lands on a work that does not support the
    claim, and a checker that only tests that the DOI resolves calls it fine.

    ## Example
    ```markdown
    3. Smith J. Vitamin D and bone density in older adults. BMJ. 2019. doi:10.1000/xyz123
    ```
    where 10.1000/xyz123 is "Antibiotic stewardship in surgical wards" by Okafor (2015).

    ## Use instead
    Find the cited work and copy its identifier from the publisher's page or PubMed.

    ## Known problems
    Entries that translate or heavily abbreviate a title can fall below the containment share;
    lower `title-containment` for such sites. Works found by bibliographic search (entries with no
    identifier) are never reported here. An entry whose author is an organisation ("American College
    of Rheumatology. 2020 guideline …") is not asked for the first person's name the registry lists;
    its title and year still are.

    ## Needs a reference lock
    Silent unless a reference lock exists: `medlint refs sync PATH...` writes
    `medlint-refs.lock.json` beside the configuration. `check` itself never uses the network.
    """
    containment = float(options.get("title-containment", 0.8))
    for ref, query, entry in locked_references(graph):
        if query.kind == "text" or not entry or entry.get("status") != "found" or not entry.get("work"):
            continue
        found = mismatches(entry["work"], ref.text, containment)
        if not found:
            continue
        start, end = identifier_span(graph, ref, query)
        which = ", ".join(m.field for m in found)
        yield me.finding(
            graph,
            start,
            end,
            f"reference {ref.label}: {query.kind.upper()} {query.value} points at {describe(entry['work'])}; "
            f"the entry's {which} {'does' if len(found) == 1 else 'do'} not match",
        )
