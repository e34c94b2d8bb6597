"""Apply fix edits: non-overlapping, then an atomic write (temp file in the same folder + rename)."""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path

from linter.findings import Edit, Finding
from linter.source import Source


def select_edits(findings: list[Finding], unsafe: bool = False) -> list[Edit]:
    """The edits of fixable findings, sorted. A finding's edits are taken all or none: one that
    overlaps edits already taken waits for the next round (a renumbering half applied would be
    worse than none)."""
    taken: list[Edit] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.rule)):
        if not finding.edits or not (finding.fix_safe or unsafe):
            continue
        edits = [e for e in finding.edits if e not in taken]
        if any(_overlaps(e, t) for e in edits for t in taken):
            continue
        taken.extend(edits)
    return sorted(taken, key=lambda e: (e.start, e.end))


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions clash only at the same point
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end


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
