"""DOSE007 dose-format."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.dose_spans import DoseSpan
from linter.facts.doses import dose_sentences
from linter.findings import Finding
from linter.graph import ArticleGraph, Sentence
from linter.parse.model import Block
from linter.patterns import guarded, required_words
from linter.phrases import words_of
from linter.rules.base import Rule, rule
from linter.rules.dose.common import _span_finding

_ROMAN_SOURCE = r"\b(?:i{1,3}|iv|vi{0,3}|ix|x)\s+(?:tablets?|tabs?|capsules?|caps?|drops?|puffs?|teaspoons?)\b"
_ROMAN = guarded(_ROMAN_SOURCE, re.I)


_FRACTION = re.compile(r"[½¼¾⅓⅔]\s*(?:a\s+)?(?:tablets?|tabs?|capsules?|teaspoons?|tsp)\b", re.I)


_RATIO = guarded(r"\b1\s?:\s?\d{1,3}(?:,?\d{3})+\b")


_RATIO_CONTEXT = guarded(r"(?i)\b(?:epinephrine|adrenaline|lidocaine|injection|solution|dilut\w*|strength)\b")


_ROMAN_WORDS = required_words(_ROMAN_SOURCE, re.I)  # every match of _ROMAN holds one of these, whole
_FRACTIONS = "½¼¾⅓⅔"  # every match of _FRACTION starts with one


def _possible(text: str) -> tuple[bool, bool, bool]:
    """Whether a block's text can hold a Roman-numeral dose, a fraction symbol or a ratio strength at
    all: what every match must contain, looked up once per block instead of a search per sentence.
    The Roman words only in ASCII text (case-insensitive matching folds some letters beyond
    lower-casing); the fraction symbols and the ratio's colon have no case."""
    if text.isascii():  # no fraction symbol in it
        roman = _ROMAN_WORDS is None or not _ROMAN_WORDS.isdisjoint(words_of(text))
        return roman, False, ":" in text
    return True, any(symbol in text for symbol in _FRACTIONS), ":" in text


def _format_problems(me: Rule, graph: ArticleGraph, block: Block, text: str, sentence: Sentence, d: DoseSpan):
    numbers_end = d.numbers_end
    numbers = text[d.number_start : numbers_end]  # "400" or a range, "400-800"
    unit_end = d.unit_start + len(d.unit)
    if d.unit_start == numbers_end and d.unit[0].isalpha():
        yield _span_finding(
            me,
            graph,
            block,
            d.number_start,
            unit_end,
            f"'{numbers}{d.unit}' needs a space between number and unit: '{numbers} {d.unit}'",
            f"{numbers} {d.unit}",
        )
    grouped = re.sub(r"(?<![\d.,])\d{4,}(?=(?:\.\d+)?(?![\d,]))", lambda m: f"{int(m.group(0)):,}", numbers)
    if grouped != numbers:
        yield _span_finding(
            me,
            graph,
            block,
            d.number_start,
            numbers_end,
            f"'{numbers} {d.unit}' is hard to read; write {grouped} (thousands separator)",
            grouped,
        )
    after = text[unit_end : unit_end + 3]
    if d.unit.lower() in ("mg", "ml", "mcg", "g") and re.match(r"\.\s+[a-z0-9]", after) and unit_end < sentence.end:
        yield _span_finding(
            me,
            graph,
            block,
            unit_end,
            unit_end + 1,
            f"'{d.unit}.' with a period can be misread as '1'; drop the period",
            "",
        )


@rule(
    "DOSE007",
    "dose-format",
    "warning",
    "ISMP dose designations: 10mg, mg., 10000 units, 1:1000, ii tablets, ½.",
    fix="sometimes",
)
def dose_format(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags dose designations ISMP lists as error-prone: no space between number and unit
    (`10mg`), a unit with a period inside a sentence (`mg.` read as "1"), 1,000 and above without
    a thousands separator (`10000 units`), ratio strengths (`1:1000`), Roman numerals
    (`ii tablets`) and unicode fractions (`½ tablet`).

    ## Why is this bad?
    Each is a documented source of tenfold and thousandfold dosing errors.

    ## Known problems
    Ratios count only beside a drug or solution word (a map scale of 1:1000 does not). A period
    that ends the sentence (`… 5 mg.`) is punctuation, not a unit period.

    ## Example
    ```markdown
    Give 10mg. every 6 hours, or 10000 units.
    ```

    ## Use instead
    ```markdown
    Give 10 mg every 6 hours, or 10,000 units.
    ```

    ## Fix safety
    Spacing, unit periods and thousands separators are fixed; ratios, Roman numerals and
    fractions need an editor.
    """
    possible: dict[int, tuple[bool, bool, bool]] = {}  # per block: can Roman, fraction, ratio occur at all
    for sentence, doses in dose_sentences(graph):
        block, text = sentence.block, sentence.block.text
        for d in doses:
            yield from _format_problems(me, graph, block, text, sentence, d)
        if id(block) not in possible:
            possible[id(block)] = _possible(text)
        roman, fraction, ratio = possible[id(block)]
        for pattern, can_occur, message in (
            (_ROMAN, roman, "Roman numerals in a dose are misread; use Arabic numerals"),
            (_FRACTION, fraction, "a fraction symbol in a dose is easily misread; write 'half a tablet'"),
        ):
            if not can_occur:
                continue
            for m in pattern.finditer(text, sentence.start, sentence.end):
                if pattern is _ROMAN and m.group(0)[:2].lower() == "i " and not doses:
                    continue
                yield _span_finding(me, graph, block, m.start(), m.end(), f"'{m.group(0)}': {message}")
        if ratio and _RATIO_CONTEXT.search(text, sentence.start, sentence.end):
            for m in _RATIO.finditer(text, sentence.start, sentence.end):
                yield _span_finding(
                    me,
                    graph,
                    block,
                    m.start(),
                    m.end(),
                    f"ratio strength '{m.group(0)}' is error-prone; state the dose in mg per mL",
                )
