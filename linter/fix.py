"""Apply fix edits: non-overlapping, then an atomic write (temp file in the same folder + rename)."""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path

from linter.findings import Edit, Finding
from linter.source import Source


def select_edits(findings: list[Finding], unsafe: bool = False) -> list[Edit]:
    """Edits of fixable findings, sorted, dropping any that overlap an earlier one."""
    chosen: list[Edit] = []
    candidates = sorted(
        {e for f in findings if f.edits and (f.fix_safe or unsafe) for e in f.edits},
        key=lambda e: (e.start, e.end),
    )
    last_end = -1
    for edit in candidates:
        if edit.start < last_end or (
            edit.start == last_end and edit.start == edit.end and chosen and chosen[-1].start == edit.start
        ):
            continue
        chosen.append(edit)
        last_end = max(last_end, edit.end)
    return chosen


def apply_edits(text: str, edits: list[Edit]) -> str:
    parts: list[str] = []
    pos = 0
    for edit in edits:
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def unified_diff(source: Source, fixed: str) -> str:
    return "".join(
        difflib.unified_diff(
            source.text.splitlines(keepends=True),
            fixed.splitlines(keepends=True),
            fromfile=f"a/{source.path}",
            tofile=f"b/{source.path}",
        )
    )


def write_atomic(path: str | Path, text: str, bom: bool = False) -> None:
    """Replace ``path`` with ``text`` so that an interruption leaves the old or the new file whole.

    The text keeps the original line endings (edits never touch them), the file keeps its mode.
    """
    target = Path(path)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    mode = target.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".medlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
