"""Command line: ``medlint check | report | rules | rule | graph``.

Exit codes: 0 no findings at or above the failing severity, 1 findings, 2 usage, config or input
error. Users never see a traceback: every expected failure is one line naming the file.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from linter import __version__

SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    ".venv",
    "venv",
    "env",
    ".env",
    "__pycache__",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    "site-packages",
    ".medlint_cache",
}
EXTENSIONS = {".md", ".markdown", ".mdown", ".txt", ".html", ".htm", ".xhtml"}
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medlint", description="Lint health articles for content and citation integrity."
    )
    parser.add_argument("--version", action="version", version=f"medlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint articles and print findings")
    _common(check)
    check.add_argument(
        "--format",
        choices=("text", "grouped", "json", "sarif", "github", "junit"),
        default="text",
        help="text: path:line:col: CODE message (default); grouped: by file",
    )
    check.add_argument("-o", "--output", help="write the report to this file instead of standard output")
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place (atomically)")
    check.add_argument("--diff", action="store_true", help="print fixes as a unified diff; change nothing")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that may change meaning")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument(
        "--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails (default info)"
    )
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    check.add_argument("--write-baseline", metavar="FILE", help="record current findings in FILE and exit 0")
    check.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        help="report medlint-disable comments that silence nothing (SUP001)",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")

    report = sub.add_parser("report", help="write a self-contained HTML report for editors")
    _common(report)
    report.add_argument("-o", "--output", default="medlint-report.html", help="HTML file to write")

    sub.add_parser("rules", help="list every rule").add_argument("--format", choices=("text", "json"), default="text")
    rule = sub.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("code", help="rule code or name, e.g. CIT001 or undefined-citation")

    graph = sub.add_parser("graph", help="export an article's graph")
    graph.add_argument("path")
    graph.add_argument("--format", choices=("json", "dot"), default="json")
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", default=[], metavar="PATH", help="files or folders (default: .)")
    p.add_argument("--select", type=_codes, help="comma-separated rules or prefixes to enable (replaces defaults)")
    p.add_argument("--extend-select", type=_codes, help="rules or prefixes to enable in addition")
    p.add_argument("--ignore", type=_codes, help="rules or prefixes to disable")
    p.add_argument("--config", type=Path, help="use this config file (pyproject.toml or medlint.toml)")
    p.add_argument("--isolated", action="store_true", help="ignore every config file")
    p.add_argument("--today", type=_date, help="date to judge review dates against (YYYY-MM-DD)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores for many files)")


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date (YYYY-MM-DD)") from None


def discover(paths: Sequence[str], errors: list[str]) -> list[str]:
    """Files to lint, in a stable order. Explicit files are taken as given; folders are walked."""
    files: list[str] = []
    for raw in paths or ["."]:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info"))
                found.extend(os.path.join(root, n) for n in sorted(names) if Path(n).suffix.lower() in EXTENSIONS)
            if not found:
                errors.append(f"{raw}: no articles found (looked for {', '.join(sorted(EXTENSIONS))})")
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(raw)
        else:
            errors.append(f"{raw}: no such file or directory")
    seen: set[str] = set()
    return [f for f in files if not (f in seen or seen.add(f))]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_ERROR
    try:
        if args.command == "rules":
            return _cmd_rules(args)
        if args.command == "rule":
            return _cmd_rule(args)
        if args.command == "graph":
            return _cmd_graph(args)
        from linter.run import run_check, run_report

        return run_check(args) if args.command == "check" else run_report(args)
    except UsageError as exc:
        print(f"medlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("medlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # a bug in medlint: one line for users, the traceback on request
        if os.environ.get("MEDLINT_DEBUG"):
            raise
        print(
            f"medlint: internal error: {type(exc).__name__}: {exc} (set MEDLINT_DEBUG=1 for details)", file=sys.stderr
        )
        return EXIT_ERROR


def _cmd_rules(args: argparse.Namespace) -> int:
    from linter.registry import iter_rules

    if args.format == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": str(r.severity),
                "fix": r.fix,
                "default": r.default,
                "summary": r.summary,
            }
            for r in iter_rules()
        ]
        print(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    for r in iter_rules():
        flags = ("fix " if r.fix != "none" else "    ") + ("" if r.default else "(opt-in)")
        print(f"{r.code:8} {r.name:30} {str(r.severity):8} {flags:13} {r.summary}")
    return EXIT_CLEAN


def _cmd_rule(args: argparse.Namespace) -> int:
    from linter.registry import get_rule

    rule = get_rule(args.code)
    if rule is None:
        raise UsageError(f"unknown rule '{args.code}' (see `medlint rules`)")
    fix = {"none": "no fix", "sometimes": "fix sometimes available", "always": "fix always available"}[rule.fix]
    if rule.fix != "none" and not rule.fix_safe:
        fix += " (unsafe: needs --unsafe-fixes)"
    print(f"# {rule.code} {rule.name}\n")
    print(
        f"Severity: {rule.severity}. {fix[0].upper() + fix[1:]}. {'Enabled by default' if rule.default else 'Opt-in'}.\n"
    )
    print(rule.docs)
    if rule.options:
        print("\nDefaults: " + ", ".join(f"{k} = {v!r}" for k, v in rule.options.items()))
    return EXIT_CLEAN


def _cmd_graph(args: argparse.Namespace) -> int:
    from linter.config import Config
    from linter.engine import graph_for
    from linter.source import InputError, read_source

    try:
        graph = graph_for(read_source(args.path), Config())
    except InputError as exc:
        print(f"medlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.format == "json":
        import json

        print(json.dumps(graph.to_node_link(), indent=1, ensure_ascii=False, default=str))
    else:
        from linter.reporters.dot import render_dot

        sys.stdout.write(render_dot(graph))
    return EXIT_CLEAN


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
