"""Lint many files: in-process for a few, a process pool for many; output order is input order."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from linter.engine import lint_path
from linter.results import FileResult, Options

POOL_THRESHOLD = 16  # below this, starting workers costs more than it saves


def _work(item: tuple[str, Any, Options, bool]) -> FileResult:
    path, config, options, use_cache = item
    result = lint_path(path, config, options, use_cache)
    result.graph = None  # graphs stay in the worker; results travel light
    return result


def lint_many(
    jobs: list[tuple[str, Any]],
    options: Options,
    workers: int = 0,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> list[FileResult]:
    workers = workers or (os.cpu_count() or 1)
    results: list[FileResult] = []
    if workers <= 1 or len(jobs) < POOL_THRESHOLD:
        for path, config in jobs:
            results.append(lint_path(path, config, options, use_cache))
            if progress:
                progress(len(results), len(jobs))
        return results
    from concurrent.futures import ProcessPoolExecutor

    items = [(path, config, options, use_cache) for path, config in jobs]
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        for result in pool.map(_work, items, chunksize=max(1, len(items) // (workers * 8))):
            results.append(result)
            if progress:
                progress(len(results), len(jobs))
    return results
