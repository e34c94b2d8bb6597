"""The reference lock file (``medlint-refs.lock.json``): what ``refs sync`` resolved, read by ``check``.

One lock per configuration root, committed like a package lock. Entries are keyed by normalised
identifier (``doi:…``, ``pmid:…``, ``pmcid:…``) or by a hash of the entry text (``text:…``) when
the entry has none; written sorted, two-space indented, with a trailing newline, so a diff shows
only what changed. Schema: schemas/refs-lock.schema.json.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.config import REFS_LOCK_NAME as LOCK_NAME
from linter.source import InputError

LOCK_VERSION = 1
__all__ = ["LOCK_NAME", "LOCK_VERSION", "Lock", "LockError", "dumps", "load", "save"]


class LockError(InputError):
    """A lock file that cannot be read: one line naming it."""


@dataclass
class Lock:
    path: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)

    def get(self, key: str) -> dict[str, Any] | None:
        return self.entries.get(key)


_LOADED: dict[tuple[str, int, int], Lock] = {}


def load(path: Path) -> Lock:
    """The lock at ``path`` (memoised per process by path, size and modification time)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return Lock(path)
    except OSError as exc:
        raise LockError(f"{path}: cannot read the reference lock ({exc.strerror})") from None
    memo = (str(path), stat.st_size, stat.st_mtime_ns)
    if memo in _LOADED:
        return _LOADED[memo]
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LockError(f"{path}: cannot read the reference lock ({exc})") from None
    except ValueError as exc:
        raise LockError(f"{path}: the reference lock is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("version") != LOCK_VERSION or not isinstance(data.get("entries"), dict):
        raise LockError(f"{path}: not a medlint reference lock of version {LOCK_VERSION}; run 'medlint refs sync'")
    lock = Lock(path, {k: v for k, v in data["entries"].items() if isinstance(v, dict)})
    _LOADED[memo] = lock
    return lock


def dumps(lock: Lock) -> str:
    data = {"version": LOCK_VERSION, "entries": {k: lock.entries[k] for k in sorted(lock.entries)}}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def save(lock: Lock) -> None:
    """Write the lock atomically: a reader sees the old lock or the new one, never half of one."""
    lock.path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=lock.path.parent, prefix=".medlint-refs.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(dumps(lock))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # a committed file, readable like any other (mkstemp makes it 0600)
        os.replace(tmp, lock.path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
