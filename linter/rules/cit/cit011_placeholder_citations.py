"""CIT011 placeholder-citations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.citations import sequential_runs
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.rules.base import Option, Rule, rule


def _supported(graph: ArticleGraph, block, marker) -> bool:
    from linter.text import content_terms

    refs = graph.cited_references(marker)
    return bool(refs) and bool(set(content_terms(block.text)) & set(content_terms(refs[0].text)))


def _trim_supported(graph: ArticleGraph, run: list) -> list:
    """Drop claims at either end of a run whose cited entry plainly matches them: real citations."""
    start, end = 0, len(run)
    while start < end and _supported(graph, *run[start]):
        start += 1
    while end > start and _supported(graph, *run[end - 1]):
        end -= 1
    return run[start:end]


def _titles_support(graph: ArticleGraph, run: list) -> bool:

    supported = sum(1 for block, marker in run if _supported(graph, block, marker))
    return supported * 2 >= len(run)


def _run_findings(graph: ArticleGraph, run: list, me: Rule) -> Iterator[Finding]:
    first_n, last_n = run[0][1].numbers[0], run[-1][1].numbers[0]
    by_section: dict[int, list] = {}
    for block, marker in run:
        by_section.setdefault(graph.section_of(block).index, []).append((block, marker))
    for part in by_section.values():
        block, marker = part[0]
        lo, hi = part[0][1].numbers[0], part[-1][1].numbers[0]
        here = (
            f"{len(part)} consecutive claim{'s' if len(part) > 1 else ''} here cite{'s' if len(part) == 1 else ''} "
            f"{lo}-{hi} in turn"
            if len(part) > 1
            else f"this claim cites {lo}"
        )
        related = [] if part[0] is run[0] else [(run[0][1].start, run[0][1].end, f"run starts at [{first_n}]")]
        if len(part) == len(run):
            yield me.finding(
                graph,
                marker.start,
                marker.end,
                f"{len(run)} consecutive claims each cite exactly the next number ([{first_n}] to "
                f"[{last_n}]): numbers assigned by position, not by source",
            )
            continue
        yield me.finding(
            graph,
            marker.start,
            marker.end,
            f"{here}, part of a run of {len(run)} claims each citing exactly the next number "
            f"([{first_n}] to [{last_n}]): numbers assigned by position, not by source",
            related=related,
        )


@rule(
    "CIT011",
    "placeholder-citations",
    "warning",
    "Runs of claims each citing exactly the next number.",
    options={"min-run": Option(6, minimum=2, doc="shortest run of consecutive numbers reported")},
)
def placeholder_citations(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags runs of consecutive paragraphs or list items that each cite exactly one number, one
    more than the previous (… [26], [27], [28] …): the numbers were assigned by position, not
    by source. One finding per section the run
    passes through, at the section's first marker of the run.

    ## Why is this bad?
    Generated or hastily assembled articles attach a fresh "reference" to every item so the page
    looks sourced. Each number then stands for nothing a reader can check.

    ## Known problems
    How it tells placeholders from a careful article: Vancouver order also makes new numbers
    appear in sequence, but real paragraphs cite several sources and re-cite earlier ones, which
    breaks a run, and short lists that summarise sources 1-3 are below `min-run`. When the article has a reference list, a run is
    accepted if most of its claims share words with the titles of the entries they cite.

    ## Example
    ```markdown
    - Wash hands often. [26]
    - Avoid crowds. [27]
    - Cook food well. [28]
    … (every item, every section)
    ```

    ## Use instead
    Cite the source that supports each item; cite it again wherever it supports another claim.

    ## Options
    `min-run` (default 6): the shortest run that is reported.
    """
    min_run = int(options.get("min-run", 6))
    for run in sequential_runs(graph):
        if len(run) < min_run:
            continue  # trimming only shortens a run: one already too short stays so
        if graph.has_reference_list:
            run = _trim_supported(graph, run)
        if len(run) < min_run:
            continue
        if graph.has_reference_list and _titles_support(graph, run):
            continue
        yield from _run_findings(graph, run, me)
