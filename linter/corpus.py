"""Corpus rules (DUP004) run once over every article of a run."""

from __future__ import annotations

from typing import Any

from linter.engine import FileResult, Options


def run_corpus_rules(results: list[FileResult], jobs: list[tuple[str, Any]], options: Options) -> None:
    """Placeholder until DUP004 lands: nothing to do for a single article."""
    return None
