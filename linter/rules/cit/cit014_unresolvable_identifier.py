"""CIT014 unresolvable-identifier."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule
from linter.rules.cit.lock_common import identifier_span, locked_references


@rule(
    "CIT014",
    "unresolvable-identifier",
    "error",
    "A well-formed DOI or PMID that does not exist.",
    criteria=("JAMA-attribution:automated", "NHS-evidence:automated"),
)
def unresolvable_identifier(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Reads the reference lock. Flags an entry whose DOI, PMID or PMCID the registries say does not
    exist: a DOI Crossref does not know **and** the DOI resolver's handle lookup does not know
    (DataCite, mEDRA and JaLC DOIs are not in Crossref, so a Crossref miss alone proves nothing),
    or a PMID / PMCID that PubMed / PMC has no record of.

    ## Why is this bad?
    An identifier that leads nowhere is either mistyped or invented; either way the claim it
    supports has no checkable source.

    ## Example
    ```markdown
    5. Lee K. Zinc for colds. J Clin Med. 2021. PMID: 99999999
    ```

    ## Use instead
    Correct the identifier from the publisher's page or PubMed, or remove the entry.

    ## Known problems
    A server error or a timeout during `refs sync` leaves the entry unverified, never missing: only
    a definite "not found" is reported. A DOI registered minutes before the sync may not be found.

    ## Needs a reference lock
    Silent unless a reference lock exists: `medlint refs sync PATH...` writes
    `medlint-refs.lock.json` beside the configuration. `check` itself never uses the network.
    """
    for ref, query, entry in locked_references(graph):
        if query.kind == "text" or not entry or entry.get("status") != "missing":
            continue
        start, end = identifier_span(graph, ref, query)
        where = {"doi": "in Crossref or the DOI resolver", "pmid": "in PubMed", "pmcid": "in PubMed Central"}
        yield me.finding(
            graph,
            start,
            end,
            f"reference {ref.label}: {query.kind.upper()} {query.value} does not exist {where[query.kind]}",
        )
