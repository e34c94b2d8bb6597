"""Helpers for tests: lint a string as a given format and get compact findings."""

from __future__ import annotations

from datetime import date

from linter.config import Config
from linter.engine import Options, lint_source
from linter.source import Source

TODAY = date(2026, 11, 25)


def lint_text(
    text: str,
    name: str = "article.md",
    select: list[str] | None = None,
    config: dict | None = None,
    today: date = TODAY,
):
    options = Options(selection={"select": select} if select else {}, today=today)
    return lint_source(Source(name, text), Config(None, config or {}), options, relpath=name).findings


def compact(findings) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in findings]
