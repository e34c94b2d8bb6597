"""JSON report; validates against schemas/report.schema.json."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from linter import __version__
from linter.results import summary

if TYPE_CHECKING:
    from linter.results import FileResult


def report_dict(results: list[FileResult]) -> dict:
    files = []
    for r in results:
        entry: dict = {"path": r.path, "findings": [f.to_dict() for f in r.findings]}
        if r.error:
            entry["error"] = r.error
        files.append(entry)
    return {"tool": {"name": "medlint", "version": __version__}, "files": files, "summary": summary(results)}


def render_json(results: list[FileResult], **_: object) -> str:
    return json.dumps(report_dict(results), indent=2, ensure_ascii=False) + "\n"
