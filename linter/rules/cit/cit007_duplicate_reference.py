"""CIT007 duplicate-reference."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.identifiers import title_key
from linter.rules.base import Rule, rule


@rule("CIT007", "duplicate-reference", "warning", "The same work listed twice in the references.")
def duplicate_reference(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a reference entry with the same DOI, PMID, PMCID, ISBN, URL or normalised title as an
    earlier entry. The finding is on the later copy; the first is in `related`.

    ## Why is this bad?
    Two numbers for one source inflate the apparent evidence and split citations of the same work.

    ## Known problems
    Titles shorter than four words are not compared (editorials such as "Correction").

    ## Example
    ```markdown
    1. Feske S. A mutation in ORAI1. Nature. 2006. doi:10.1038/nature04702
    4. Feske S. A mutation in ORAI1. Nature 2006;441:179. doi:10.1038/nature04702
    ```

    ## Use instead
    Keep one entry and point every citation at it.
    """
    first_by_key: dict[tuple[str, str], Any] = {}
    for ref in graph.references:
        keys = [(i.kind, i.value) for i in ref.ids if not i.problem]
        title = title_key(ref.text)
        if len(title.split()) >= 4:
            keys.append(("title", title))
        for key in keys:
            first = first_by_key.get(key)
            if first is not None and first is not ref:
                what = "title" if key[0] == "title" else key[0].upper()
                yield me.finding(
                    graph,
                    ref.block.start,
                    ref.block.end,
                    f"reference {ref.label} duplicates reference {first.label} (same {what})",
                    related=[(first.block.start, first.block.end, f"reference {first.label}")],
                )
                break
        for key in keys:
            first_by_key.setdefault(key, ref)
