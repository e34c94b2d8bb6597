"""Corpus facts: what the cross-article rules (DUP004) need of each article, and of the run's set of files.

Per file, the worker that lints an article reduces it to paragraph records (span, normalised text,
bottom-k MinHash sketch of word 3-shingles), so the corpus step never parses again. The corpus
step then sees every file's records together; nothing here depends on file order or worker count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.similarity import shingle_hashes
from linter.text import normalise, words

if TYPE_CHECKING:
    from linter.graph import ArticleGraph
    from linter.source import Source


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as the cross-article rules compare it (DUP004, DUP005 across articles)."""

    start: int
    end: int
    text: str  # normalised
    sketch: tuple[int, ...]
    masked: str = ""  # the text with its quantities masked (DUP005 across articles)
    quantities: tuple[str, ...] = ()


@dataclass
class CorpusFile:
    """One file of a corpus run, with the options of the corpus rule for that file."""

    path: str
    source: Source
    paragraphs: list[Paragraph]
    enabled: bool  # the file's configuration enables the rule
    options: dict[str, Any] = field(default_factory=dict)
    date: str | None = None  # the article's review, update or publication date (ISO), which copy came first


def paragraph_records(graph: ArticleGraph, min_words: int = 12) -> list[Paragraph]:
    """What DUP004 needs of one article, computed where the article was parsed."""
    from linter.facts.duplicates import has_quantity, quantities
    from linter.similarity import sketch

    out = []
    for block in graph.body_blocks:
        if block.kind in ("paragraph", "list_item", "html") and len(block.text.split()) >= min_words:
            text = normalise(block.text)  # its words are words(block.text): normalising twice changes nothing
            numbers, masked = quantities(block.text) if has_quantity(block.text) else ((), "")
            out.append(
                Paragraph(block.start, block.end, text, sketch(shingle_hashes(words(block.text))), masked, numbers)
            )
    return out


def article_date(graph: ArticleGraph) -> str | None:
    from linter.facts.trust import currency_date

    found = currency_date(graph)
    return found.value.isoformat() if found else None
