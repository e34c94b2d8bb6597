"""Reporters format findings; they never compute them."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from linter.findings import Finding, Severity

if TYPE_CHECKING:
    from linter.engine import FileResult

FORMATS = ("text", "grouped", "json", "sarif", "github", "junit")


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


def render(fmt: str, results: list[FileResult], color: bool = False, statistics: bool = False) -> str:
    if fmt == "json":
        from linter.reporters.json import render_json

        return render_json(results)
    if fmt == "sarif":
        from linter.reporters.sarif import render_sarif

        return render_sarif(results)
    if fmt == "github":
        from linter.reporters.github import render_github

        return render_github(results)
    if fmt == "junit":
        from linter.reporters.junit import render_junit

        return render_junit(results)
    if fmt == "grouped":
        from linter.reporters.text import render_grouped

        return render_grouped(results, color=color, statistics=statistics)
    from linter.reporters.text import render_text

    return render_text(results, color=color, statistics=statistics)


__all__ = ["FORMATS", "Severity", "render", "summary", "all_findings"]
