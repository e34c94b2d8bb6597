"""Which files a run reads: articles, not every text file in the tree.

Default discovery takes Markdown, HTML and text files, minus READMEs, changelogs, licences,
requirements files, and anything under tests/, fixtures/, node_modules/ or a virtual environment.
``include`` replaces the article patterns, ``exclude`` replaces the default exclusions and
``extend-exclude`` adds to them; all are gitignore-style patterns relative to the configuration
file (``*`` stays within a folder, ``**`` crosses folders). Inside a git work tree, ``.gitignore``
files (nested ones too) and ``.git/info/exclude`` are respected unless ``respect-gitignore = false``.
Files named on the command line are linted even when excluded, unless ``--force-exclude``. So are
folders (as in ruff): a folder named on the command line is walked even when it is excluded or lies
in an excluded folder (``medlint check tests/pages/``), and the exclusions then apply to what lies
below it, matched from that folder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import PathSpec

SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".medlint_cache"}
EXTENSIONS = {".md", ".markdown", ".mdown", ".txt", ".html", ".htm", ".xhtml"}
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.mdown", "*.html", "*.htm", "*.xhtml", "*.txt")
DEFAULT_EXCLUDE = (
    "README*",
    "CHANGELOG*",
    "CHANGES*",
    "HISTORY*",
    "LICENSE*",
    "LICENCE*",
    "COPYING*",
    "CONTRIBUTING*",
    "CODE_OF_CONDUCT*",
    "SECURITY*",
    "requirements*.txt",
    "constraints*.txt",
    "tests/",
    "test/",
    "fixtures/",
    "node_modules/",
    ".venv/",
    "venv/",
    "env/",
    ".env/",
    ".tox/",
    ".nox/",
    "site-packages/",
    "*.egg-info/",
)


@cache
def spec(patterns: tuple[str, ...]) -> PathSpec:
    import pathspec  # only runs that walk folders or check excludes pay for it

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _is_git_tree(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


class GitIgnore:
    """Nested .gitignore files and .git/info/exclude of one work tree, read once per folder."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self._specs: dict[Path, PathSpec | None] = {}

    def _spec_for(self, folder: Path) -> PathSpec | None:
        if folder not in self._specs:
            lines: list[str] = []
            for name in (".gitignore",) + ((".git/info/exclude",) if folder == self.top else ()):
                try:
                    lines += (folder / name).read_text("utf-8", errors="replace").splitlines()
                except OSError:
                    pass
            self._specs[folder] = spec(tuple(lines)) if lines else None
        return self._specs[folder]

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        try:
            rel = path.resolve().relative_to(self.top.resolve())
        except (ValueError, OSError):
            return False
        folder = self.top
        for part_count in range(len(rel.parts)):
            current = self._spec_for(folder)
            sub = Path(*rel.parts[part_count:]).as_posix() + (
                "/" if is_dir and part_count == len(rel.parts) - 1 else ""
            )
            if current is not None and current.match_file(sub):
                return True
            folder = folder / rel.parts[part_count]
        return False


def discover(paths: Sequence[str], errors: list[str], resolver=None, force_exclude: bool = False) -> list[str]:
    """Files to lint, in a stable order. Explicit files are taken as given; folders are walked and
    filtered by each folder's configuration (include, exclude, .gitignore)."""
    files: list[str] = []
    for raw in paths or ["."]:
        path = Path(raw)
        if path.is_dir():
            found = _walk(path, resolver, force_exclude)
            if not found:
                errors.append(f"{raw}: no articles found (looked for {', '.join(DEFAULT_INCLUDE)})")
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


def _walk(top: Path, resolver, force_exclude: bool = False) -> list[str]:
    git_top = _is_git_tree(top.resolve())
    gitignore = GitIgnore(git_top) if git_top is not None else None
    found: list[str] = []
    bases: dict[int, Path | None] = {}  # per configuration: where its exclusions are matched from
    for root, dirs, names in os.walk(top, followlinks=False):
        here = Path(root)
        config = resolver.for_path(here / "x") if resolver is not None else None
        if config is not None and id(config) not in bases:
            # the folder was named, so it is linted even if excluded: its own exclusion (or its
            # parents') must not exclude everything below it; what lies below is matched from it
            named_excluded = not force_exclude and config.excluded(top, is_dir=True)
            bases[id(config)] = top if named_excluded else None
        base = bases.get(id(config)) if config is not None else None
        respect = config is None or config.get("respect-gitignore", True)
        kept = []
        for d in sorted(dirs):
            if d in SKIP_DIRS:
                continue
            sub = here / d
            if config is not None and config.excluded(sub, is_dir=True, base=base):
                continue
            if respect and gitignore is not None and gitignore.ignored(sub, is_dir=True):
                continue
            kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            candidate = here / name
            file_config = config
            if file_config is None:
                if candidate.suffix.lower() not in EXTENSIONS:
                    continue
            elif not file_config.included(candidate) or file_config.excluded(candidate, base=base):
                continue
            if respect and gitignore is not None and gitignore.ignored(candidate):
                continue
            found.append(str(candidate))
    return found
