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
from typing import Any

from linter import VERSION_LINE
from linter.errors import EXIT_ERROR, UsageError
from linter.reporters import REPORTERS


def _columns() -> int:
    """shutil.get_terminal_size().columns, without importing shutil (and, through it, the bz2 and
    lzma modules: ~1.5 ms of every start, as argparse asks for the width whenever it builds a parser)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
        except (AttributeError, ValueError, OSError):
            columns = 80
    return columns


class _Formatter(argparse.HelpFormatter):
    """argparse's own help layout, at the width shutil would give."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """argparse's parser with that help width; subcommands' parsers are of the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


COMMANDS = ("check", "report", "rules", "rule", "refs", "server", "graph")


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``only``, the other subcommands are there by name and help only
    (their options are not built: a pre-commit run parses ``check`` alone, ~3 ms less)."""
    parser = _Parser(
        prog="medlint",
        description="Lint health articles for content and citation integrity.",
    )
    parser.add_argument("-V", "--version", action="version", version=VERSION_LINE)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint articles and print findings")
    if only in (None, "check"):
        _check_options(check)
    report = sub.add_parser("report", help="write a self-contained HTML report for editors")
    if only in (None, "report"):
        _report_options(report)
    rules = sub.add_parser("rules", help="list every rule")
    if only in (None, "rules"):
        rules.add_argument("--format", choices=("text", "json"), default="text")
    rule = sub.add_parser("rule", help="show a rule's documentation")
    if only in (None, "rule"):
        rule.add_argument("code", help="rule code or name, e.g. CIT001 or undefined-citation")
    refs = sub.add_parser("refs", help="verify references against Crossref and PubMed (the lock file)")
    if only in (None, "refs"):
        _refs_options(refs)
    sub.add_parser("server", help="run the Language Server over stdio (editors; needs the [lsp] extra)")
    graph = sub.add_parser("graph", help="export an article's graph")
    if only in (None, "graph"):
        graph.add_argument("path")
        graph.add_argument("--format", choices=("json", "dot"), default="json")
        graph.add_argument("--config", type=Path, help="use this config file (pyproject.toml or medlint.toml)")
        graph.add_argument("--isolated", action="store_true", help="ignore every config file")
    return parser


def _check_options(check: argparse.ArgumentParser) -> None:
    _common(check)
    check.add_argument(
        "--format",
        choices=tuple(REPORTERS),
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
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="(NO_COLOR, FORCE_COLOR)")
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    check.add_argument("--watch", action="store_true", help="re-lint files when they change (needs the [watch] extra)")
    check.add_argument("--show-files", action="store_true", help="list the files this run would lint, and exit")
    check.add_argument("--show-settings", action="store_true", help="print the settings for the first file, and exit")


def _report_options(report: argparse.ArgumentParser) -> None:
    _common(report)
    report.add_argument(
        "-o",
        "--output",
        default="medlint-report.html",
        help="HTML file to write (up to 20 articles); for more, a folder (DIR/ or the file name without .html)",
    )
    report.add_argument("--baseline", metavar="FILE", help="leave out findings recorded in FILE")


def _refs_options(refs: argparse.ArgumentParser) -> None:
    refs_sub = refs.add_subparsers(dest="refs_command", metavar="ACTION", required=True)
    sync = refs_sub.add_parser("sync", help="resolve every reference into medlint-refs.lock.json (network)")
    sync.add_argument("paths", nargs="*", default=[], metavar="PATH", help="files or folders (default: .)")
    sync.add_argument("--refresh", action="store_true", help="fetch entries already in the lock again")
    sync.add_argument("--check", action="store_true", help="change nothing; exit 1 if the lock is out of date (CI)")
    sync.add_argument(
        "--retraction-watch", metavar="CSV", help="fold notices from a Retraction Watch CSV into the lock"
    )
    sync.add_argument("--config", type=Path, help="use this config file (pyproject.toml or medlint.toml)")
    sync.add_argument("--isolated", action="store_true", help="ignore every config file")
    sync.add_argument(
        "--force-exclude", action="store_true", help="apply exclude to files named on the command line too"
    )
    sync.add_argument("--no-cache", action="store_true", help=argparse.SUPPRESS)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", default=[], metavar="PATH", help="files or folders (default: .)")
    p.add_argument(
        "--select", type=_codes, action="extend", help="comma-separated rules or prefixes to enable (replaces defaults)"
    )
    p.add_argument("--extend-select", type=_codes, action="extend", help="rules or prefixes to enable in addition")
    p.add_argument("--ignore", type=_codes, action="extend", help="rules or prefixes to disable (repeatable)")
    p.add_argument("--config", type=Path, help="use this config file (pyproject.toml or medlint.toml)")
    p.add_argument("--isolated", action="store_true", help="ignore every config file")
    p.add_argument("--today", type=_date, help="date to judge review dates against (YYYY-MM-DD)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores for many files)")
    p.add_argument("--force-exclude", action="store_true", help="apply exclude to files named on the command line too")
    p.add_argument(
        "--per-file", action="store_true", help="run per-file rules only, no cross-article rules (pre-commit)"
    )
    p.add_argument(
        "--stdin-filename", metavar="NAME", help="with PATH '-': the name (format, config) of standard input"
    )


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date (YYYY-MM-DD)") from None


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    only = words[0] if words and words[0] in COMMANDS else None  # the command comes first, or help is asked
    parser = _parser(only)
    args = parser.parse_args(words)
    if args.command is None:  # no command word came first: this is the whole parser
        parser.print_help()
        return EXIT_ERROR
    try:
        from linter import commands

        return commands.COMMANDS[args.command](args)
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
