"""Helpers shared by several DOSE rules."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.dose_spans import DoseSpan
from linter.facts.doses import dose_sentences
from linter.findings import Edit, Finding
from linter.graph import ArticleGraph
from linter.parse.model import Block
from linter.phrases import negated, phrases, prefilter
from linter.rules.base import Rule


def _span_finding(
    me: Rule, graph: ArticleGraph, block: Block, start: int, end: int, message: str, replacement: str | None = None
) -> Finding:
    a, b = block.original(start, end)
    edits = [Edit(a, b, replacement)] if replacement is not None else []
    return me.finding(graph, a, b, message, edits=edits)


def _abbreviation_findings(me: Rule, kind: str, graph: ArticleGraph, what: str) -> Iterator[Finding]:
    """Findings for a table of abbreviations that count only in dose context."""
    for sentence, doses in dose_sentences(graph):
        if not doses:
            continue
        text = sentence.block.text
        for phrase in phrases()[kind]:
            for m in phrase.regex.finditer(text, sentence.start, sentence.end):
                if phrase.adjacent and not _next_to_dose(text, m, doses):
                    continue
                if kind == "drug" and _inside_dose(m, doses):
                    continue
                yield _span_finding(
                    me,
                    graph,
                    sentence.block,
                    m.start(),
                    m.end(),
                    f"'{m.group(0)}' is an error-prone {what} ({phrase.source}); write '{phrase.replacement}'",
                    phrase.replacement if me.code != "DOSE006" else None,
                )


def _next_to_dose(text: str, m: re.Match[str], doses: list[DoseSpan]) -> bool:
    return any(0 <= m.start() - d.end <= 3 or 0 <= d.start - m.end() <= 3 for d in doses)


def _inside_dose(m: re.Match[str], doses: list[DoseSpan]) -> bool:
    return any(d.start <= m.start() < d.end for d in doses)


def _unit_table_findings(me: Rule, kind: str, graph: ArticleGraph, message: str) -> Iterator[Finding]:
    """Findings for a dose unit listed in a phrase table (DOSE003 'unit', DOSE005 'measure')."""
    for sentence, doses in dose_sentences(graph):
        for d in doses:
            phrase = next((p for p in phrases()[kind] if p.regex.fullmatch(d.unit)), None)
            if phrase is not None:
                yield _span_finding(
                    me,
                    graph,
                    sentence.block,
                    d.unit_start,
                    d.unit_start + len(d.unit),
                    message.format(unit=d.unit, fix=phrase.replacement, source=phrase.source),
                    phrase.replacement,
                )


def _phrase_findings(me: Rule, kind: str, graph: ArticleGraph) -> Iterator[Finding]:
    quick = prefilter(kind)
    for block in graph.body_blocks:
        text = block.text
        if quick is not None and not quick.search(text):
            continue
        for phrase in phrases()[kind]:
            for m in phrase.regex.finditer(text):
                sentence = next((s for s in graph.sentences_of(block) if s.start <= m.start() < s.end), None)
                begin = sentence.start if sentence else 0
                if negated(text[begin : m.start()], m.start() - begin):
                    continue
                a, b = block.original(m.start(), m.end())
                yield me.finding(graph, a, b, f"'{m.group(0)}': {phrase.message}")
