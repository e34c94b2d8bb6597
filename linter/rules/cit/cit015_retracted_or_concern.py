"""CIT015 retracted-or-concern."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.references import SEARCH_SCORE_FOR_RETRACTION, acknowledged, notice
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule
from linter.rules.cit.lock_common import identifier_span, locked_references

_WHAT = {
    "retraction": "retracted",
    "withdrawal": "withdrawn",
    "expression_of_concern": "under an expression of concern",
}


@rule(
    "CIT015",
    "retracted-or-concern",
    "error",
    "A cited work that is retracted, withdrawn or under concern.",
    criteria=("NHS-evidence:automated", "HON-justifiability:automated"),
)
def retracted_or_concern(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Reads the reference lock. Flags each citation of a work that has a retraction, withdrawal or
    expression-of-concern notice: Crossref's update metadata (the work's `updated-by` relations and
    notices that update it), PubMed's "Retracted Publication" type for PMID-only entries, and the
    Retraction Watch data when `refs sync --retraction-watch FILE` folded it in. The finding
    stands on each marker that cites the work (on the entry when nothing cites it), unless the
    marker's sentence or the entry itself already says so ("[Retracted]", "Retraction in: …").

    ## Why is this bad?
    A claim resting on a retracted paper is unsupported, and readers cannot tell: the citation
    looks like evidence.

    ## Example
    ```markdown
    The vaccine causes the condition [4].
    4. Author A. An infamous study. Lancet. 1998. doi:10.1016/…   (retracted in 2010)
    ```

    ## Use instead
    Remove the claim or cite current evidence; where the retraction is the point, say so in the
    sentence or mark the entry "[Retracted]".

    ## Known problems
    A work matched by bibliographic search (no identifier in the entry) is reported only when the
    match is close (score 0.9 or more). Notices the registries do not hold are missed.

    ## Needs a reference lock
    Silent unless a reference lock exists: `medlint refs sync PATH...` writes
    `medlint-refs.lock.json` beside the configuration. `check` itself never uses the network.
    """
    for ref, query, entry in locked_references(graph):
        grave = notice(entry)
        if grave is None or acknowledged(ref.text):
            continue
        if entry.get("source") == "crossref-search" and float(entry.get("score", 0)) < SEARCH_SCORE_FOR_RETRACTION:
            continue
        when = f" ({grave['date']})" if grave.get("date") else ""
        by = f"; notice {grave['doi']}" if grave.get("doi") else ""
        message = f"reference {ref.label} is {_WHAT[grave['type']]}{when}{by}"
        citing = [
            (s, m) for s in graph.sentences for m in s.markers if any(r is ref for r in graph.cited_references(m))
        ]
        if not citing:
            start, end = identifier_span(graph, ref, query)
            yield me.finding(graph, start, end, message + "; it is listed but not cited")
            continue
        for sentence, marker in citing:
            if not acknowledged(sentence.text):
                yield me.finding(graph, marker.start, marker.end, message + "; the claim rests on it")
