"""SARIF 2.1.0 for GitHub code scanning: rule metadata and help come from the registry."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from linter import __version__
from linter.findings import Finding, Severity
from linter.rules import load_rules

if TYPE_CHECKING:
    from linter.results import FileResult

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _uri(path: str) -> str:
    """A file URI or relative reference; a name that is not valid UTF-8 has its raw bytes percent-encoded."""
    import os
    from urllib.parse import quote

    raw = os.fsencode(path)
    posix = raw.replace(b"\\", b"/") if os.sep == "\\" else raw
    encoded = quote(posix, safe="/:")
    return f"file://{encoded}" if posix.startswith(b"/") else encoded


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": max(end_column, 1)}


def _rule_descriptor(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.docs.split("\n\n")[1] if "\n\n" in rule.docs else rule.summary},
        "help": {"text": rule.docs, "markdown": rule.docs},
        "defaultConfiguration": {"level": _LEVELS[rule.severity], "enabled": rule.default},
        "properties": {"tags": [rule.family], "fixable": rule.fix != "none"},
    }


def _result(f: Finding, index: dict[str, int]) -> dict:
    result: dict = {
        "ruleId": f.rule,
        "level": _LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": _region(f.line, f.column, f.end_line, f.end_column),
                }
            }
        ],
        "partialFingerprints": {"medlintFingerprint/v1": f.fingerprint or f"{f.rule}:{f.line}:{f.column}"},
    }
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    if f.related:
        result["relatedLocations"] = [
            {
                "id": i,
                "message": {"text": loc.message or "related"},
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(loc.path or f.path)},
                    "region": _region(loc.line, loc.column, loc.end_line, loc.end_column),
                },
            }
            for i, loc in enumerate(f.related)
        ]
    return result


def sarif_dict(results: list[FileResult]) -> dict:
    rules = list(load_rules().values())
    index = {r.code: i for i, r in enumerate(rules)}
    notifications = [
        {
            "level": "error",
            "message": {"text": r.error},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}],
        }
        for r in results
        if r.error
    ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "medlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://pypi.org/project/medlint/",
                        "rules": [_rule_descriptor(r) for r in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                ],
                "results": [_result(f, index) for r in results for f in r.findings],
            }
        ],
    }


def render_sarif(results: list[FileResult], **_: object) -> str:
    return json.dumps(sarif_dict(results), indent=2, ensure_ascii=False) + "\n"
