"""DUP001 duplicate-paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.facts.duplicates import exact_duplicates
from linter.findings import Edit, Finding
from linter.graph import ArticleGraph
from linter.parse.model import Block
from linter.rules.base import Rule, rule
from linter.rules.dup.common import _excerpt


def _deletion(graph: ArticleGraph, block: Block) -> list[Edit]:
    """Delete the lines a block occupies, when it occupies them alone."""
    src = graph.source
    line, col = src.position(block.start)
    end_line, end_col = src.position(block.end)
    prefix = src.line_text(line)[: col - 1]
    suffix = src.line_text(end_line)[end_col - 1 :]
    if not re.fullmatch(r"[\s>]*(?:[-*+]|\d{1,9}[.)])?\s*", prefix) or suffix.strip() not in ("", "-"):
        return []
    start = src.line_starts[line - 1]
    end = src.line_starts[end_line] if end_line < src.line_count else len(src.text)
    blank_before = line > 1 and not src.line_text(line - 1).strip()
    blank_after = end_line < src.line_count and not src.line_text(end_line + 1).strip()
    if blank_before and blank_after and end_line + 1 <= src.line_count:
        end = src.line_starts[end_line + 1] if end_line + 1 < src.line_count else len(src.text)
    return [Edit(start, end, "")]


@rule(
    "DUP001", "duplicate-paragraph", "warning", "A paragraph or list item identical to an earlier one.", fix="sometimes"
)
def duplicate_paragraph(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags a paragraph or list item whose text is identical to an earlier one after
    normalisation (case, white space, punctuation, typographic quotes and citation markers
    ignored). Paragraphs need six words or more; a short list item (a two-word title such as
    "Opportunistic infections") counts when it appears in two different lists, but a short
    sentence ("Ask your doctor.") never does.

    ## Why is this bad?
    Pasted twice, a paragraph makes the article longer without saying more, and when one copy is
    later corrected the other keeps the error.

    ## Example
    ```markdown
    Hand-washing lowers the spread of germs at home.
    …
    Hand-washing lowers the spread of germs at home!
    ```

    ## Use instead
    Keep one copy. A table repeated on purpose can be wrapped in
    `<!-- medlint-disable DUP001 -->` … `<!-- medlint-enable DUP001 -->`.

    ## Fix safety
    `--fix` deletes the later copy when it occupies its lines alone and cites exactly what the first copy
    cites; copies that cite differently are left for an editor (fix: sometimes).
    """
    for later, first in exact_duplicates(graph):
        line, _ = graph.source.position(first.start)
        same_sources = _cited(graph, later) == _cited(graph, first)
        yield me.finding(
            graph,
            later.start,
            later.end,
            f"repeats the {'item' if later.kind == 'list_item' else 'paragraph'} at line {line} word for word "
            f'("{_excerpt(later)}")',
            related=[(first.start, first.end, "first copy")],
            edits=_deletion(graph, later) if same_sources else [],  # never delete a copy's own citations
        )


def _cited(graph: ArticleGraph, block) -> set[str]:
    return {key for m in block.markers for key in graph.marker_keys(m)}
