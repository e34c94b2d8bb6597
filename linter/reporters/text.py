"""``path:line:col: CODE message``, one finding a line, like ruff and markdownlint."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from linter.findings import Severity
from linter.results import all_findings
from linter.source import display_path, safe_text

if TYPE_CHECKING:
    from linter.results import FileResult

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render_text(results: list[FileResult], color: bool = False, statistics: bool = False) -> str:
    if statistics:  # the table only, like ruff --statistics
        lines = _statistics(all_findings(results))
        return "\n".join(lines) + ("\n" if lines else "")
    lines: list[str] = []
    for result in results:
        for f in result.findings:
            fix = " [*]" if f.safely_fixable else ""
            if color:
                code = f"{_COLOURS[f.severity]}{_BOLD}{f.rule}{_RESET}"
                lines.append(
                    f"{_BOLD}{display_path(f.path)}{_RESET}:{f.line}:{f.column}: {code} {safe_text(f.message)}"
                    f"{_DIM}{fix}{_RESET}"
                )
            else:
                lines.append(f"{display_path(f.path)}:{f.line}:{f.column}: {f.rule} {safe_text(f.message)}{fix}")
    return "\n".join(lines) + ("\n" if lines else "")


def _statistics(findings: list) -> list[str]:
    """One line per rule: count, code, [*] when safely fixable, name (like ruff --statistics)."""
    counts = Counter((f.rule, f.name) for f in findings)
    fixable = Counter(f.rule for f in findings if f.safely_fixable)
    return [
        f"{count:5d}\t{code}\t{'[*]' if fixable[code] else '   '} {name}"
        for (code, name), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def render_grouped(results: list[FileResult], color: bool = False, statistics: bool = False) -> str:
    """Findings under a heading per file, like ruff's grouped output."""
    if statistics:
        return render_text(results, color, statistics)
    out: list[str] = []
    for result in results:
        if not result.findings:
            continue
        name = display_path(result.path)
        out.append(f"{_BOLD}{name}{_RESET}:" if color else f"{name}:")
        width = max(len(f"{f.line}:{f.column}") for f in result.findings)
        for f in result.findings:
            code = f"{_COLOURS[f.severity]}{_BOLD}{f.rule:8}{_RESET}" if color else f"{f.rule:8}"
            fix = " [*]" if f.safely_fixable else ""
            out.append(f"  {f'{f.line}:{f.column}':>{width}} {code} {safe_text(f.message)}{fix}")
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def render_summary(results: list[FileResult], fixed: int | None = None, errors: bool = False) -> str:
    """The closing line: never a success line when a file could not be read (exit 2); after --fix,
    how many findings were fixed and how many remain (like ruff)."""
    findings = all_findings(results)
    if fixed is not None:
        remaining = len(findings)
        return f"Fixed {fixed} finding{'s' if fixed != 1 else ''} ({remaining} remaining).\n"
    if not findings:
        return "" if errors else "All checks passed!\n"
    by = Counter(str(f.severity) for f in findings)
    parts = ", ".join(
        f"{by[s]} {s}{'s' if by[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if by[s]
    )
    fixable = sum(1 for f in findings if f.safely_fixable)
    unsafe = sum(1 for f in findings if f.fixable and not f.safely_fixable)
    tail = f"\n[*] {fixable} fixable with the `--fix` option." if fixable else ""
    if unsafe:
        tail += f"\n{unsafe} more fixable with `--fix --unsafe-fixes` (check the result: these can change meaning)."
    return f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} ({parts}).{tail}\n"
