"""READ003 undefined-abbreviation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linter.facts.readability import known_abbreviations
from linter.findings import Finding
from linter.graph import ArticleGraph
from linter.phrases import phrases
from linter.rules.base import Option, Rule, rule

_ABBREVIATION = re.compile(r"(?<![\w&])([a-z]?[A-Z][A-Z0-9&]{1,7})(s?)(?![\w&])")
_STOP = ("of", "and", "the", "in", "for", "to", "with", "on", "by")
_ROMAN = re.compile(r"^[IVXLC]+$")


@rule(
    "READ003",
    "undefined-abbreviation",
    "warning",
    "An abbreviation used before, or without, its expansion.",
    options={"known-abbreviations": Option([], doc="abbreviations your readers know (added to the built-in list)")},
    criteria=("NHS-clear:heuristic",),
)
def undefined_abbreviation(graph: ArticleGraph, options: dict[str, Any], me: Rule) -> Iterator[Finding]:
    """
    ## What it does
    Flags the first use of an abbreviation that the article has not expanded yet, in either order
    of expansion: "chronic kidney disease (CKD)" or "CKD (chronic kidney disease)". Plurals count
    ("NSAIDs" is "NSAID"). Abbreviations most readers know (NHS, GP, DNA, BMI …) are a data list
    with its source (linter/data/plain_language.toml), extended by `known-abbreviations`. The
    drug-name abbreviations DOSE006 reports are left to DOSE006.

    ## Why is this bad?
    Medical editors expand every abbreviation at first use: a reader who meets "CKD" before
    "chronic kidney disease" has to guess.

    ## Example
    ```markdown
    CKD is common in older adults. Chronic kidney disease (CKD) often has no symptoms.
    ```

    ## Use instead
    ```markdown
    Chronic kidney disease (CKD) is common in older adults. CKD often has no symptoms.
    ```
    """
    known = known_abbreviations(tuple(options.get("known-abbreviations", [])))
    dose_abbreviations = [p.regex for kind in ("drug", "frequency", "unit", "measure") for p in phrases()[kind]]
    first_use: dict[str, tuple[int, int, int]] = {}  # abbreviation -> (document order, start, end)
    defined_at: dict[str, int] = {}
    order = 0
    for block in graph.body_blocks:
        if block.kind == "heading":
            continue
        text = block.text
        for m in _ABBREVIATION.finditer(text):
            abbr = m.group(1)
            if abbr in known or (m.group(2) and abbr + "s" in known) or _ROMAN.match(abbr) or abbr.isdigit():
                continue
            if any(r.fullmatch(m.group(0)) for r in dose_abbreviations):
                continue
            order += 1
            if _expanded(text, m, abbr):
                defined_at.setdefault(abbr, order)
            if abbr not in first_use:
                a, b = block.original(m.start(), m.end())
                first_use[abbr] = (order, a, b)
    for abbr, (position, start, end) in sorted(first_use.items(), key=lambda kv: kv[1][0]):
        defined = defined_at.get(abbr)
        if defined is not None and defined <= position:
            continue
        when = "before it is expanded" if defined is not None else "without its expansion"
        yield me.finding(graph, start, end, f"'{abbr}' is used {when}; write it out at first use, then '({abbr})'")


def _initials_match(words: list[str], abbr: str) -> bool:
    """The last words' initials spell the abbreviation (hyphenated parts count: non-steroidal = N, S)."""
    letters = [c.upper() for c in abbr if c.isalpha()]
    if len(words) < len(letters):
        return False
    return all(w[:1].upper() == c for w, c in zip(words[-len(letters) :], letters, strict=True))


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in _STOP]


def _expanded(text: str, m: re.Match[str], abbr: str) -> bool:
    """'long form (ABBR)' before it, or 'ABBR (long form)' after it."""
    letters = [c for c in abbr if c.isalpha()]
    if text[max(0, m.start() - 1) : m.start()] == "(" and text[m.end() : m.end() + 1] == ")":
        return _initials_match(_content_words(text[max(0, m.start() - 120) : m.start() - 1]), abbr)
    after = re.match(r"\s*\(([^)]{3,120})\)", text[m.end() :])
    if after:
        long_words = _content_words(after.group(1))
        return len(long_words) >= len(letters) and _initials_match(long_words[: len(letters)], abbr)
    return False
