"""CIT009 malformed-identifier."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


@rule("CIT009", "malformed-identifier", "error", "A DOI, PMID, PMCID, ISBN or URL that cannot be valid.")
def malformed_identifier(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Checks identifiers in reference entries: a DOI must be `10.<4+ digit registrant>/<suffix>`
    (with or without `https://doi.org/` or `doi:`); a PMID is 1-8 digits; a PMCID is `PMC` plus
    digits; an ISBN-10 or ISBN-13 must pass its check digit; a URL needs a scheme with `://` and
    a host with a domain. The message says what is wrong with each.

    ## Why is this bad?
    A broken identifier is a dead end for readers and fact-checkers, and often a sign the
    reference was typed from memory or invented.

    ## Example
    ```markdown
    1. Smith J. A study. PMID: 12a45. ISBN 978-3-16-148410-1
    ```

    ## Use instead
    Copy identifiers from PubMed or the publisher's page.
    """
    for ref in graph.references:
        for ident in ref.ids:
            if ident.problem:
                start, end = ref.block.original(ref.text_start + ident.start, ref.text_start + ident.end)
                yield me.finding(graph, start, end, f"reference {ref.label}: {ident.problem}")
