"""--fix and --diff: apply findings' edits to the files they came from."""

from __future__ import annotations

import argparse
import sys

from linter.edits import apply_edits, select_edits, unified_diff, write_atomic
from linter.results import FileResult


def apply_fixes(results: list[FileResult], args: argparse.Namespace, write: bool) -> list[str]:
    """Apply (or, without ``write``, print as a diff) each file's fixes; returns the paths written."""
    written: list[str] = []
    for result in results:
        if result.source is None or not result.findings:
            continue
        edits = select_edits(result.findings, unsafe=args.unsafe_fixes)
        if not edits:
            continue
        fixed = apply_edits(result.source.text, edits)
        if fixed == result.source.text:
            continue
        if not write:
            sys.stdout.write(unified_diff(result.source, fixed))
            written.append(result.path)
            continue
        try:
            write_atomic(result.path, fixed, bom=result.source.had_bom)
        except OSError as exc:
            result.error = f"{result.path}: cannot write fixes ({exc.strerror or exc})"
            continue
        written.append(result.path)
    return written
