"""Which files a run reads."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

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
    unique = []
    for f in files:  # the same file reached twice (x.md ./x.md, a symlink) is linted once, under its first name
        try:
            key = os.path.realpath(f)
        except (OSError, ValueError):
            key = f
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
