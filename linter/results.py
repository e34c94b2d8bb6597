"""The run's data types: what a run was asked to do and what it found. Every reporter reads these."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from linter.findings import Finding

if TYPE_CHECKING:
    from linter.graph import ArticleGraph
    from linter.source import Source
    from linter.suppress import Suppression


@dataclass
class Options:
    """Run-wide settings from the command line."""

    selection: dict[str, list[str]] = field(default_factory=dict)
    today: date | None = None
    unused_suppressions: bool = False
    corpus: bool = False  # several files in this run: keep what DUP004 needs


@dataclass
class FileResult:
    """What linting one file gave: findings or an error, and what later steps read of it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    source: Source | None = None
    graph: ArticleGraph | None = None
    suppressions: list[Suppression] = field(default_factory=list)
    paragraphs: list | None = None  # paragraph records for the corpus rules (corpus mode only)
    date: str | None = None  # the article's date (ISO), for the corpus rules (corpus mode only)
    config: Any = None  # the file's own configuration (a linter.config.Config)
    cache_key: str | None = None  # its result-cache key (content, path, configuration, options), when cached
    facts: Any = None  # the report's render facts, taken in the lint worker (pickled; linter.report_jobs)


def all_findings(results: list[FileResult]) -> list[Finding]:
    return [f for r in results for f in r.findings]


def summary(results: list[FileResult]) -> dict:
    findings = all_findings(results)
    by_severity = Counter(str(f.severity) for f in findings)
    return {
        "files": len(results),
        "files_with_findings": sum(1 for r in results if r.findings),
        "input_errors": sum(1 for r in results if r.error),
        "findings": len(findings),
        "error": by_severity.get("error", 0),
        "warning": by_severity.get("warning", 0),
        "info": by_severity.get("info", 0),
        "fixable": sum(1 for f in findings if f.fixable),
        "by_rule": dict(sorted(Counter(f.rule for f in findings).items())),
    }
