"""Inline suppression comments, as markdownlint and ruff users write them.

``<!-- medlint-disable CODE[, CODE] -->`` … ``<!-- medlint-enable CODE -->`` silence a region;
``<!-- medlint-disable-line CODE -->`` its own line; ``<!-- medlint-disable-next-line CODE -->`` the
next non-blank line; ``<!-- medlint-disable-file CODE -->`` the whole file. No codes = every rule.
Codes are codes, prefixes or rule names; a reason may follow `` -- ``. A directive or code medlint
does not know suppresses nothing and is reported (SUP002): a typo never silences more than meant.
The comments are HTML comments, so they work the same in Markdown, HTML and plain-text files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linter.findings import Finding
from linter.source import Source

_COMMENT = re.compile(r"<!--\s*medlint-(?P<directive>[A-Za-z-]*)(?P<body>(?:(?!-->).){0,400}?)-->", re.I | re.S)
DIRECTIVES = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
_TOKEN = re.compile(r"[^\s,]+")


@dataclass
class Suppression:
    """One inline ``medlint-disable`` comment: its kind, codes and the lines it covers."""

    kind: str  # disable | enable | disable-line | disable-next-line | disable-file | invalid
    codes: tuple[str, ...]  # codes or prefixes; empty = all rules
    line: int
    column: int
    first_line: int  # lines covered, inclusive
    last_line: int
    used: set[str] = field(default_factory=set)
    problem: str | None = None  # why an invalid directive suppresses nothing (SUP002)
    start: int = 0
    end: int = 0

    def finding(self, source: Source, code: str, name: str, severity, message: str) -> Finding:
        """A finding about this comment itself (SUP001, SUP002), spanning the whole comment."""
        line, col = source.position(self.start)
        end_line, end_col = source.position(self.end)
        return Finding(
            code, name, severity, source.path, line, col, end_line, end_col, message, start=self.start, end=self.end
        )

    def covers(self, finding: Finding) -> bool:
        if self.problem or self.kind == "enable" or not self.first_line <= finding.line <= self.last_line:
            return False
        return not self.codes or any(finding.rule.startswith(c) for c in self.codes)


def _codes(body: str) -> tuple[tuple[str, ...], str | None]:
    """The codes a directive names (reason after ' -- ' dropped), or the problem with them."""
    from linter.rules import CATALOG, matching_codes

    names = {row.name: code for code, row in CATALOG.items()}
    codes_part = body.split(" -- ", 1)[0] if " -- " in body else body
    codes: list[str] = []
    for token in _TOKEN.findall(codes_part):
        if token.lower() in names:
            codes.append(names[token.lower()])
        elif re.fullmatch(r"[A-Za-z]+[0-9]{0,3}", token) and token.upper() != "ALL" and matching_codes(token):
            codes.append(token.upper())
        else:
            return (), f"'{token}' is not a rule code, prefix or name (a reason goes after ' -- ')"
    return tuple(codes), None


def parse_suppressions(source: Source) -> list[Suppression]:
    found: list[Suppression] = []
    open_regions: list[Suppression] = []
    for m in _COMMENT.finditer(source.text):
        directive = m.group("directive").lower().rstrip("-")
        line, column = source.position(m.start())
        if directive not in DIRECTIVES:
            known = ", ".join(f"medlint-{d}" for d in DIRECTIVES)
            problem = f"unknown directive 'medlint-{m.group('directive')}' (known: {known})"
            found.append(
                Suppression("invalid", (), line, column, line, line, problem=problem, start=m.start(), end=m.end())
            )
            continue
        codes, problem = _codes(m.group("body"))
        if problem:
            found.append(
                Suppression("invalid", (), line, column, line, line, problem=problem, start=m.start(), end=m.end())
            )
            continue
        span = {"start": m.start(), "end": m.end()}
        if directive == "disable-next-line":
            target = _next_content_line(source, line)
            found.append(Suppression(directive, codes, line, column, target, target, **span))
        elif directive == "disable-line":
            end_line, _ = source.position(m.end())
            found.append(Suppression(directive, codes, line, column, line, end_line, **span))
        elif directive == "disable-file":
            found.append(Suppression(directive, codes, line, column, 1, source.line_count, **span))
        elif directive == "disable":
            region = Suppression(directive, codes, line, column, line, source.line_count, **span)
            open_regions.append(region)
            found.append(region)
        else:
            found.append(Suppression("enable", codes, line, column, line, line, **span))
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
