"""Inline suppression comments.

``<!-- medlint-disable CODE[, CODE] -->`` ... ``<!-- medlint-enable CODE -->`` silence a region;
``<!-- medlint-disable-next-line CODE -->`` silences the next non-blank line. No codes = every rule.
The comments are HTML comments, so they work the same in Markdown, HTML and plain-text files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linter.findings import Finding
from linter.source import Source

_COMMENT = re.compile(r"<!--\s*medlint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.I)
_CODE = re.compile(r"[A-Za-z]+[0-9]{0,3}")


@dataclass
class Suppression:
    kind: str  # disable | enable | disable-next-line
    codes: tuple[str, ...]  # empty = all rules
    line: int
    column: int
    first_line: int  # lines covered, inclusive
    last_line: int
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        if not self.first_line <= finding.line <= self.last_line:
            return False
        return not self.codes or any(finding.rule.startswith(c) for c in self.codes)


def parse_suppressions(source: Source) -> list[Suppression]:
    found: list[Suppression] = []
    open_regions: list[Suppression] = []
    for m in _COMMENT.finditer(source.text):
        kind = m.group(1).lower()
        codes = tuple(c.upper() for c in _CODE.findall(m.group(2)))
        line, column = source.position(m.start())
        if kind == "disable-next-line":
            target = _next_content_line(source, line)
            found.append(Suppression(kind, codes, line, column, target, target))
        elif kind == "disable":
            region = Suppression(kind, codes, line, column, line, source.line_count)
            open_regions.append(region)
            found.append(region)
        else:
            for region in list(open_regions):
                if not codes or set(codes) & set(region.codes) or not region.codes:
                    region.last_line = line
                    open_regions.remove(region)
    return found


def _next_content_line(source: Source, line: int) -> int:
    for candidate in range(line + 1, source.line_count + 1):
        if source.line_text(candidate).strip():
            return candidate
    return line + 1


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """Drop suppressed findings, recording which suppressions were used."""
    if not suppressions:
        return findings
    by_line: dict[int, list[Suppression]] = {}
    regions: list[Suppression] = []
    for s in suppressions:
        if s.first_line == s.last_line:
            by_line.setdefault(s.first_line, []).append(s)
        else:
            regions.append(s)
    kept = []
    for finding in findings:  # line suppressions by index: many of them stay linear
        candidates = by_line.get(finding.line, []) + regions
        covering = [s for s in candidates if s.covers(finding)]
        for s in covering:
            s.used.add(finding.rule)
        if not covering:
            kept.append(finding)
    return kept


@dataclass(frozen=True)
class SuppressionOutcome:
    """What the post-filter rules (SUP001) read: the file, its suppressions (with what each silenced)
    and the codes of the rules that ran on it."""

    source: Source
    suppressions: list[Suppression]
    enabled: frozenset[str]
