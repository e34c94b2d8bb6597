"""Shared per-article facts (DOSE): doses in context, hedges by scope. Memoised with graph.fact().

A dose is an amount of a medicine. Amounts in a sentence about diet, body weight or a test result
are not doses (unless the sentence also names a medicine), and nor are numbers in a methods section.
A hedge ("your doctor", "the usual dose", "as prescribed") qualifies the sentence or list item it
stands in; a caution addressed to the reader ("ask your pharmacist", "follow the label"), or a
Warnings / Precautions section, covers its section and the sections below it.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.dose_spans import DoseSpan, find_doses
from linter.graph import ArticleGraph, Section, Sentence
from linter.parse.model import Block
from linter.phrases import any_match

TEXT_KINDS = ("paragraph", "list_item", "table_cell", "html")


def dose_sentences(graph: ArticleGraph) -> Iterator[tuple[Sentence, list[DoseSpan]]]:
    """Each body sentence with the medication doses in it (positions relative to the block text)."""
    return iter(graph.fact(_dose_sentences))


def _dose_sentences(graph: ArticleGraph) -> list[tuple[Sentence, list[DoseSpan]]]:
    found = []
    for block in graph.body_blocks:
        if block.kind not in TEXT_KINDS:
            continue
        spans = find_doses(block.text)
        methods = spans and in_methods_section(graph, block)
        k = 0  # spans and sentences are both in text order: one pass
        for sentence in graph.sentences_of(block):
            while k < len(spans) and spans[k].start < sentence.start:
                k += 1
            inside = []
            while k < len(spans) and spans[k].start < sentence.end:
                inside.append(spans[k])
                k += 1
            if inside and (methods or not_a_dose(sentence.text)):
                inside = []
            found.append((sentence, inside))
    return found


def medication_context(text: str) -> bool:
    """Does the text name a medicine or say how one is taken, given or prescribed?"""
    return bool(any_match("medicine", text) or any_match("medication_action", text))


def not_a_dose(text: str) -> bool:
    """A sentence about diet, body weight or a test result that names no medicine."""
    return bool(any_match("not_a_dose", text)) and not medication_context(text)


def _headings(graph: ArticleGraph, section: Section | None) -> Iterator[str]:
    while section is not None:
        yield section.title
        section = graph.sections[section.parent] if section.parent is not None else None


def in_methods_section(graph: ArticleGraph, block: Block) -> bool:
    return graph.fact(_in_kind_section, graph.section_of(block).index, "methods_heading")


def in_warning_section(graph: ArticleGraph, block: Block) -> bool:
    """Inside a Warnings / Precautions / Side effects section (or below one)."""
    return graph.fact(_in_kind_section, graph.section_of(block).index, "warning_heading")


def _in_kind_section(graph: ArticleGraph, index: int, kind: str) -> bool:
    return any(title and any_match(kind, title) for title in _headings(graph, graph.sections[index]))


def hedged_item(graph: ArticleGraph, sentence: Sentence) -> bool:
    """A hedge in the same sentence, or in the list item the sentence stands in, or in its parent item."""
    if any_match("hedge", sentence.text) or any_match("caution", sentence.text):
        return True
    block = sentence.block
    if block.kind != "list_item":
        return False
    if any_match("hedge", block.text) or any_match("caution", block.text):
        return True
    parent = parent_item(graph, block)
    return parent is not None and bool(any_match("hedge", parent.text) or any_match("caution", parent.text))


def parent_item(graph: ArticleGraph, block: Block) -> Block | None:
    """The list item a nested item belongs to: the nearest earlier item that is less deeply nested."""
    return graph.fact(_parent_items).get(id(block))


def _parent_items(graph: ArticleGraph) -> dict[int, Block]:
    parents: dict[int, Block] = {}
    open_items: list[Block] = []
    for block in graph.body_blocks:
        if block.kind != "list_item":
            open_items = []
            continue
        while open_items and open_items[-1].depth >= block.depth:
            open_items.pop()
        if open_items:
            parents[id(block)] = open_items[-1]
        open_items.append(block)
    return parents


def section_cautioned(graph: ArticleGraph, block: Block) -> bool:
    """A caution to the reader in the block's section or an ancestor section, or a Warnings section."""
    return graph.fact(_section_cautioned, graph.section_of(block).index)


def _section_cautioned(graph: ArticleGraph, index: int) -> bool:
    section = graph.sections[index]
    if _in_kind_section(graph, index, "warning_heading"):
        return True
    return any(any_match("caution", b.text) for b in with_ancestors(graph, section))


def earlier_warning_section(graph: ArticleGraph, index: int) -> bool:
    """A Warnings / Precautions section before this one (a caution that readers have met already)."""
    return any(s.title and any_match("warning_heading", s.title) for s in graph.sections[:index])


def with_ancestors(graph: ArticleGraph, section) -> Iterator[Block]:
    while section is not None:
        yield from section.blocks
        if section.heading is not None:
            yield section.heading
        section = graph.sections[section.parent] if section.parent is not None else None
