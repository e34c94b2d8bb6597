"""CIT012 citation-mismatch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


@rule("CIT012", "citation-mismatch", "info", "A cited reference that shares nothing with the claim.", default=False)
def citation_mismatch(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Opt-in. For each claim, compares its content words with the title of every reference it
    cites; flags a citation whose reference shares no content word with the claim.

    ## Why is this bad?
    A citation that points at an unrelated work is worse than none: it makes an unsupported claim
    look supported.

    ## Known problems
    Word overlap is a weak signal: synonyms, abbreviations and broad claims produce false alarms,
    which is why the rule is informational and off by default. No network lookups are made; where
    a reference lock exists (`medlint refs sync`), the title the identifier resolved to counts too.

    ## Example
    ```markdown
    Vitamin D supports bone health [2].
    2. Smith J. Antibiotic resistance in hospital wards.
    ```

    ## Use instead
    Cite the work that supports the claim.
    """
    from linter.text import content_terms

    for sentence in graph.sentences:
        terms = set(content_terms(sentence.text))
        if len(terms) < 3:
            continue
        for marker in sentence.markers:
            for ref in graph.cited_references(marker):
                ref_terms = set(content_terms(ref.text + " " + _locked_title(graph, ref)))
                if len(ref_terms) >= 3 and not terms & ref_terms:
                    yield me.finding(
                        graph,
                        marker.start,
                        marker.end,
                        f"reference {ref.label} shares no content word with this claim; check it supports it",
                    )


def _locked_title(graph: ArticleGraph, ref) -> str:
    """The title the reference lock holds for the entry ('' without a lock or an entry)."""
    if graph.lock is None:
        return ""
    from linter.facts.references import locked_references

    entry = next((e for r, _, e in locked_references(graph) if r is ref), None) or {}
    return str((entry.get("work") or {}).get("title") or "")
