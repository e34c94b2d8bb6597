"""Finding, Edit and Severity: what rules produce and reporters format."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return _SEVERITY_BY_NAME.get(name) or cls[name.upper()]

    def __str__(self) -> str:  # asked once per finding by every reporter: a table, not Enum.name
        return _SEVERITY_NAMES[self]


_SEVERITY_NAMES = ("", "info", "warning", "error")  # indexed by the severity's value
_SEVERITY_BY_NAME = {name: Severity(value) for value, name in enumerate(_SEVERITY_NAMES) if name}


@dataclass(frozen=True)
class Edit:
    """Replace the original text [start, end) with ``replacement`` (offsets into Source.text)."""

    start: int
    end: int
    replacement: str


@dataclass
class Location:
    """A place in a file: a finding's related location (the earlier copy, the reference entry)."""

    line: int
    column: int
    end_line: int
    end_column: int
    message: str = ""
    path: str | None = None

    def to_dict(self) -> dict:
        data = {"line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column}
        if self.message:
            data["message"] = self.message
        if self.path:
            data["path"] = self.path
        return data


@dataclass
class Finding:
    """One problem found: rule, severity, span (1-based line and column, offsets) and message."""

    rule: str
    name: str
    severity: Severity
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    start: int = 0  # offsets into the source, for fixes, suppressions and the HTML report
    end: int = 0
    related: list[Location] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    fix_safe: bool = True
    fingerprint: str = ""

    @property
    def fixable(self) -> bool:
        return bool(self.edits)

    @property
    def safely_fixable(self) -> bool:
        """Fixed by plain ``--fix`` (shown with [*]); other fixes need ``--unsafe-fixes``."""
        return bool(self.edits) and self.fix_safe

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict:
        data = {
            "rule": self.rule,
            "name": self.name,
            "severity": str(self.severity),
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
        }
        if self.related:
            data["related"] = [loc.to_dict() for loc in self.related]
        if self.edits:
            data["fix"] = {
                "safe": self.fix_safe,
                "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.edits],
            }
        if self.fingerprint:
            data["fingerprint"] = self.fingerprint
        return data
