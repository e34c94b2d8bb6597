"""Helpers shared by several DOSE rules."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.dose_spans import DoseSpan
from linter.facts.doses import dose_sentences, medication_context
from linter.findings import Edit, Finding
from linter.graph import ArticleGraph
from linter.parse.model import Block
from linter.phrases import may_match, negated, phrases
from linter.rules.base import Rule


def _span_finding(
    me: Rule, graph: ArticleGraph, block: Block, start: int, end: int, message: str, replacement: str | None = None
) -> Finding:
    a, b = block.original(start, end)
    edits = [Edit(a, b, replacement)] if replacement is not None else []
    return me.finding(graph, a, b, message, edits=edits)


def _number_finding(me: Rule, graph: ArticleGraph, sentence, d: DoseSpan, message: str, replacement: str) -> Finding:
    """A finding on a dose's number, fixed by writing ``replacement`` in its place (DOSE001, DOSE002)."""
    return _span_finding(
        me, graph, sentence.block, d.number_start, d.number_start + len(d.number), message, replacement
    )


def _abbreviation_findings(me: Rule, kind: str, graph: ArticleGraph, what: str) -> Iterator[Finding]:
    """Findings for a table of abbreviations, each in the context its entry asks for: next to a dose,
    in a sentence about medication (a dose, a medicine, a route, dosing), or anywhere."""
    table = phrases()[kind]
    hits_by_block: dict[int, list] = {}
    for sentence, doses in dose_sentences(graph):
        text = sentence.block.text
        key = id(sentence.block)
        if key not in hits_by_block:  # one combined search per block first: most blocks hold none
            hits_by_block[key] = [p for p in table if p.regex.search(text)] if may_match(kind, text) else []
        candidates = hits_by_block[key]
        if not candidates:
            continue
        medication: bool | None = None
        for phrase in candidates:
            for m in phrase.regex.finditer(text, sentence.start, sentence.end):
                if phrase.adjacent and not _next_to_dose(text, m, doses):
                    continue
                if phrase.context == "dose" and not doses:
                    continue
                if phrase.context == "medication" and not doses:
                    if medication is None:
                        medication = medication_context(sentence.text)
                    if not medication:
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
            for unit, start in _units_of(d):
                phrase = next((p for p in phrases()[kind] if p.regex.fullmatch(unit)), None)
                if phrase is not None:
                    yield _span_finding(
                        me,
                        graph,
                        sentence.block,
                        start,
                        start + len(unit),
                        message.format(unit=unit, fix=phrase.replacement, source=phrase.source),
                        phrase.replacement,
                    )


_PER_UNIT = re.compile(r"[A-Za-zµμ]+$")


def _units_of(d: DoseSpan) -> list[tuple[str, int]]:
    """The dose's unit and the unit of its denominator ("mg/4 cc": mg and cc), with their starts."""
    units = [(d.unit, d.unit_start)]
    if d.per and d.per_start is not None:
        m = _PER_UNIT.search(d.per.rstrip())
        if m:
            units.append((m.group(0), d.per_start + m.start()))
    return units


def _sentence_start(graph: ArticleGraph, block: Block, offset: int) -> int:
    """Where the sentence holding ``offset`` starts (a bisection: many sentences in a block stay linear)."""
    import bisect

    sentences = graph.sentences_of(block)
    i = bisect.bisect_right(graph.fact(_sentence_starts)[id(block)], offset) - 1
    return sentences[i].start if i >= 0 and offset < sentences[i].end else 0


def _sentence_starts(graph: ArticleGraph) -> dict[int, list[int]]:
    return {id(b): [s.start for s in graph.sentences_of(b)] for b in graph.body_blocks}


def _phrase_findings(me: Rule, kind: str, graph: ArticleGraph) -> Iterator[Finding]:
    for block in graph.body_blocks:
        text = block.text
        if not may_match(kind, text):
            continue
        for phrase in phrases()[kind]:
            for m in phrase.regex.finditer(text):
                begin = _sentence_start(graph, block, m.start())
                if negated(text[begin : m.start()], m.start() - begin):
                    continue
                a, b = block.original(m.start(), m.end())
                yield me.finding(graph, a, b, f"'{m.group(0)}': {phrase.message}")
