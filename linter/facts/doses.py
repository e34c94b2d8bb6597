"""Shared per-article facts (DOSE): pure functions of the graph, memoised with graph.fact()."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dose_spans import DoseSpan, find_doses
from linter.graph import ArticleGraph, Sentence
from linter.parse.model import Block
from linter.phrases import any_match

TEXT_KINDS = ("paragraph", "list_item", "table_cell", "html")


def dose_sentences(graph: ArticleGraph) -> Iterator[tuple[Sentence, list[DoseSpan]]]:
    """Each body sentence with the dose spans in it (positions relative to the block text)."""
    return iter(graph.fact(_dose_sentences))


def _dose_sentences(graph: ArticleGraph) -> list[tuple[Sentence, list[DoseSpan]]]:
    found = []
    for block in graph.body_blocks:
        if block.kind not in TEXT_KINDS:
            continue
        spans = find_doses(block.text)
        for sentence in graph.sentences_of(block):
            inside = [d for d in spans if sentence.start <= d.start < sentence.end]
            found.append((sentence, inside))
    return found


def section_hedged(graph: ArticleGraph, block: Block) -> bool:
    """Does the block's section, or one of its ancestors, hedge or caution the reader?"""
    return graph.fact(_section_hedged, graph.section_of(block).index)


def _section_hedged(graph: ArticleGraph, index: int) -> bool:
    section = graph.sections[index]
    return any(any_match("hedge", b.text) or any_match("caution", b.text) for b in with_ancestors(graph, section))


def with_ancestors(graph: ArticleGraph, section) -> Iterator[Block]:
    while section is not None:
        yield from section.blocks
        if section.heading is not None:
            yield section.heading
        section = graph.sections[section.parent] if section.parent is not None else None
