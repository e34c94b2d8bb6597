"""GitHub Actions workflow commands: one ``::error file=…,line=…::`` annotation per finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter.findings import Severity
from linter.source import display_path, safe_text

if TYPE_CHECKING:
    from linter.results import FileResult

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return safe_text(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(results: list[FileResult], **_: object) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(
                f"::error file={_escape_property(display_path(result.path))},title=medlint::{_escape_data(result.error)}"
            )
        for f in result.findings:
            props = (
                f"file={_escape_property(display_path(f.path))},line={f.line},col={f.column},endLine={f.end_line},"
                f"endColumn={f.end_column},title={_escape_property(f'{f.rule} {f.name}')}"
            )
            lines.append(f"::{_COMMANDS[f.severity]} {props}::{_escape_data(f'{f.rule} {f.message}')}")
    return "\n".join(lines) + ("\n" if lines else "")
