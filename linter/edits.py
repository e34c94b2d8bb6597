"""Apply fix edits: non-overlapping, then an atomic write (temp file in the same folder + rename)."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from linter.findings import Edit, Finding
from linter.source import Source, display_path


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
            fromfile=f"a/{display_path(source.path)}",
            tofile=f"b/{display_path(source.path)}",
        )
    )


def write_new_atomic(path: str | Path, text: str) -> None:
    """Write an output file (report, SARIF) through a temporary file and a rename."""

    def default_mode(tmp: str) -> None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)

    _replace_atomically(Path(path), text.encode("utf-8", "surrogateescape"), default_mode)


def _replace_atomically(target: Path, data: bytes, finish: Callable[[str], None]) -> None:
    """Write ``data`` to a temporary file beside ``target``, let ``finish`` set its mode and owner,
    then rename it over ``target``: an interruption leaves the old file or the new one, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".medlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        finish(tmp)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class FixRefused(Exception):
    """A file --fix will not rewrite; the message is one line naming it."""


STALE_TEMP_SECONDS = 3600


def fix_target(path: str | Path, root: Path | None = None) -> Path:
    """The file a fix rewrites: a symlink's target (inside the project root), never a hard-linked file."""
    link = Path(path)
    target = link.resolve() if link.is_symlink() else link
    if link.is_symlink():
        base = (root or Path.cwd()).resolve()
        if not target.is_relative_to(base):
            raise FixRefused(f"{path}: a symlink to {target}, outside the project root {base}; not fixed")
    if target.stat().st_nlink > 1:
        raise FixRefused(
            f"{path}: has {target.stat().st_nlink} hard links; an atomic rewrite would split them, not fixed"
        )
    return target


def remove_stale_temps(folder: Path, now: float | None = None) -> None:
    """Temporary files an interrupted --fix left behind (``.NAME.*.medlint-tmp``) older than an hour."""
    import time

    now = time.time() if now is None else now
    try:
        for entry in folder.glob(".*.medlint-tmp"):
            try:
                if now - entry.stat().st_mtime > STALE_TEMP_SECONDS:
                    entry.unlink()
            except OSError:
                pass
    except OSError:
        pass


def _copy_identity(source: Path, tmp: str) -> None:
    """Owner, group, mode and extended attributes of the file being replaced, where the platform allows."""
    info = source.stat()
    os.chmod(tmp, info.st_mode & 0o7777)
    try:
        os.chown(tmp, info.st_uid, info.st_gid)
    except (OSError, AttributeError):
        pass
    if hasattr(os, "listxattr"):
        try:
            for name in os.listxattr(source):
                try:
                    os.setxattr(tmp, name, os.getxattr(source, name))
                except OSError:
                    pass
        except OSError:
            pass


def write_atomic(path: str | Path, text: str, bom: bool = False) -> None:
    """Replace the file at ``path`` with ``text`` so that an interruption leaves the old or the new file
    whole. A symlink is followed to its target (the link stays a link); the file keeps its owner, mode
    and extended attributes; its original line endings are kept (edits never touch them)."""
    target = fix_target(path)
    remove_stale_temps(target.parent)
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    _replace_atomically(target, data, lambda tmp: _copy_identity(target, tmp))
