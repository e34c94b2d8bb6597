"""DUP005 divergent-duplicate."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.facts.corpus import CorpusFile, Paragraph
from linter.facts.duplicates import divergent_duplicates
from linter.findings import Finding, Location
from linter.graph import ArticleGraph
from linter.rules.base import Rule, rule


def _across_articles(files: list[CorpusFile], options: dict[str, Any], me: Rule) -> list[tuple[int, Finding]]:
    """DUP005 across the articles of a run: the same passage, its numbers changed in one article."""
    groups: dict[str, list[tuple[int, Paragraph]]] = {}
    for f, cf in enumerate(files):
        for p in cf.paragraphs:
            if p.masked and p.quantities:
                groups.setdefault(p.masked, []).append((f, p))
    found: list[tuple[int, Finding]] = []
    for _, members in sorted(groups.items()):  # no site-template exclusion here: a changed dose matters most there
        by_numbers: dict[tuple[str, ...], list[tuple[int, Paragraph]]] = {}
        for f, p in members:
            by_numbers.setdefault(p.quantities, []).append((f, p))
        if len(by_numbers) < 2:
            continue
        for f, p in members:
            if not files[f].enabled:
                continue
            other = next(
                (
                    (g, q)
                    for numbers, copies in by_numbers.items()
                    if numbers != p.quantities and len(numbers) == len(p.quantities)
                    for g, q in copies
                    if g != f and not (files[f].date and files[g].date and files[f].date < files[g].date)
                ),
                None,
            )
            if other is not None:
                found.append((f, _corpus_finding(files, f, p, *other, me)))
    return sorted(found, key=lambda item: (item[0], item[1].start))


def _corpus_finding(files: list[CorpusFile], f: int, p: Paragraph, g: int, q: Paragraph, me: Rule) -> Finding:
    src, theirs = files[f].source, files[g].source
    line, col = src.position(p.start)
    end_line, end_col = src.position(p.end)
    other_line, other_col = theirs.position(q.start)
    other_end_line, other_end_col = theirs.position(q.end)
    changes = "; ".join(f"'{a}' there, '{b}' here" for a, b in zip(q.quantities, p.quantities, strict=True) if a != b)
    return Finding(
        me.code,
        me.name,
        me.severity,
        files[f].path,
        line,
        col,
        end_line,
        end_col,
        f"this repeats a passage of {files[g].path} (line {other_line}) but its numbers differ ({changes}); "
        "check which is right",
        start=p.start,
        end=p.end,
        related=[Location(other_line, other_col, other_end_line, other_end_col, "the other copy", files[g].path)],
    )


@rule(
    "DUP005",
    "divergent-duplicate",
    "error",
    "Two copies of a passage whose numbers differ.",
    corpus_check=_across_articles,
)
def divergent_duplicate(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a paragraph or list item that repeats an earlier one word for word except for its
    numbers: a dose, frequency, age, duration or percentage changed in one copy only. The message
    names the numbers that differ; `related` points at the other copy. Numbers include their unit
    (5 mg against 5 mcg) and frequency words (twice against three times daily); years are not
    numbers here. On such a pair DUP005 replaces DUP002.

    ## Why is this bad?
    The most dangerous duplicate on a drug page: one copy was corrected and the other was not, so
    readers meet two different doses for the same situation and cannot tell which is right.

    ## Known problems
    Siblings of one list or table (doses per age band, one row per strength) are parallel
    structure and never paired; neither are passages whose qualifier differs ("children" against
    "adults", "tablets" against "liquid"), since their words differ too.

    ## Example
    ```markdown
    Adults take 500 mg every 8 hours for five days.
    …
    Adults take 250 mg every 8 hours for five days.
    ```

    ## Use instead
    Keep one copy with the correct numbers, or say why the two situations differ.

    ## Across articles
    When several articles are checked together (corpus mode), the same passage with changed numbers
    in another article is reported too, on the later copy when both articles are dated, else on
    both. Text shared by many pages of a site is never excused here: a changed dose matters most
    in house wording.
    """
    for pair in divergent_duplicates(graph):
        line, _ = graph.source.position(pair.earlier.start)
        changes = "; ".join(f"'{a}' there, '{b}' here" for a, b in pair.differences)
        yield me.finding(
            graph,
            pair.later.start,
            pair.later.end,
            f"this repeats the passage at line {line} but its numbers differ ({changes}); check which is right",
            related=[(pair.earlier.start, pair.earlier.end, "the other copy")],
        )
