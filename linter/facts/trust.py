"""Shared per-article facts (DISC): pure functions of the graph, memoised with graph.fact()."""

from __future__ import annotations

import re

from linter.dates import FoundDate, find_dates
from linter.graph import ArticleGraph
from linter.phrases import any_match

_TEAM_WORDS = re.compile(
    r"(?i)\b(?:team|board|staff|editors?|editorial|group|committee|department|members|organi[sz]ation|inc|ltd|"
    r"llc|network|association|society|foundation|centre|center|clinic|hospital|writers?|contributors?|admin)\b"
)


_NAME = re.compile(
    r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?\s+[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+)*"  # a title makes one name enough
    r"|(?:[A-Z]\.\s*)+[A-Z][a-zà-ÿ'’-]+"  # initials and surname
    r"|[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z]\.)*(?:\s+(?:van|de|von|der|da|di|le)?\s*[A-Z][a-zà-ÿ'’-]+)+"
)


_REVIEW_LABEL = re.compile(
    r"(?i)\b(?:last\s+)?(?:medically\s+)?(?:reviewed|updated|revised|modified|review\s+date|date\s+of\s+(?:last\s+)?review|"
    r"page\s+last\s+reviewed|content\s+updated)\b[^.\n]{0,25}?$"
)


_NEXT_REVIEW = re.compile(r"(?i)\bnext\s+review|\breview\s+due|\bdue\s+for\s+review")


_REVIEW_WORD = re.compile(r"(?i)review|updated|revised|modified")


_META_DATE = (
    "reviewed",
    "last_reviewed",
    "last-reviewed",
    "updated",
    "last_updated",
    "date_modified",
    "lastmod",
    "modified",
    "review_date",
)


def all_blocks(graph: ArticleGraph):
    return graph.document.blocks


def people_named(who: str) -> list[str]:
    names = []
    for part in re.split(r"\s*(?:,|\band\b|&)\s*(?=[A-Z])", who):
        m = _NAME.match(part.strip())
        if m and not _TEAM_WORDS.search(m.group(0)) and len(m.group(0).split()) <= 6:
            names.append(m.group(0))
    return names


def review_dates(graph: ArticleGraph, day_first: bool = True) -> list[tuple[FoundDate, int]]:
    """Review/update dates with their original start offsets."""
    found = []
    meta = graph.document.metadata
    for key in _META_DATE:
        if key in meta:
            value, start, _ = meta[key]
            for d in find_dates(value, day_first):
                found.append((FoundDate(d.value, start + d.start, start + d.end), -1))
    for block in all_blocks(graph):
        if not _REVIEW_WORD.search(block.text):
            continue
        for d in find_dates(block.text, day_first):
            before = block.text[max(0, d.start - 60) : d.start]
            if _REVIEW_LABEL.search(before) and not _NEXT_REVIEW.search(before):
                a, b = block.original(d.start, d.end)
                found.append((FoundDate(d.value, a, b), 0))
    return found


_BYLINE = re.compile(
    r"(?i)\b(?:(?:medically\s+|clinically\s+)?(?:written|authored|reviewed|edited|fact[- ]checked|checked|approved)"
    r"(?:\s+and\s+\w+)?\s+by:?|author(?:s|ed)?\s*:|reviewer\s*:|reviewed\s*:|by)\s+(?P<who>[^;\n]{2,120})"
)


_META_AUTHOR = ("author", "authors", "reviewer", "reviewed_by", "medical_reviewer")


def has_disclaimer(graph: ArticleGraph) -> bool:
    """Does any block say the article is not a substitute for professional medical advice?"""
    return graph.fact(_has_disclaimer)


def _has_disclaimer(graph: ArticleGraph) -> bool:
    return any(any_match("disclaimer", b.text) for b in all_blocks(graph))


def attribution(graph: ArticleGraph) -> tuple[list[str], list[str]]:
    """People named as author or reviewer (metadata or a byline), and team names found in bylines."""
    return graph.fact(_attribution)


def _attribution(graph: ArticleGraph) -> tuple[list[str], list[str]]:
    meta = graph.document.metadata
    for key in _META_AUTHOR:
        if key in meta and people_named(meta[key][0]):
            return people_named(meta[key][0]), []
    teams: list[str] = []
    for block in all_blocks(graph):
        for m in _BYLINE.finditer(block.text):
            if m.group(0).lower().startswith("by") and block.text[: m.start()].strip():
                continue  # a bare "by X" is a byline only at the start of its block ("By Jane Smith, MD")
            people = people_named(m.group("who"))
            if people:
                return people, teams
            if _TEAM_WORDS.search(m.group("who")):
                teams.append(m.group("who").strip())
    return [], teams
