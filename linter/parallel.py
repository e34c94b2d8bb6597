"""Lint many files: in-process for a few, a process pool for many; output order is input order."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from typing import Any

from linter.engine import gc_paused, lint_path
from linter.results import FileResult, Options

POOL_THRESHOLD = 16  # below this, starting workers costs more than it saves


def _work(item: tuple[str, Any, Options, bool, Callable[[FileResult], None] | None]) -> FileResult:
    path, config, options, use_cache, with_graph = item
    return lint_path(path, config, options, use_cache, keep_graph=False, with_graph=with_graph)  # results travel light


def lint_many(
    jobs: list[tuple[str, Any]],
    options: Options,
    workers: int = 0,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
    in_worker: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Stored results are looked up here first (a hash and a small read each); only the files that
    changed go to the workers, so a warm run starts no pool and ships no text between processes.

    ``in_worker`` (picklable) is called in a pool worker with each freshly linted result while its graph
    is still there (the report renders articles so); in-process results keep their graphs instead."""
    results: list[FileResult | None] = [None] * len(jobs)
    done = 0
    if use_cache:
        from linter.engine import cached_result, lock_state

        locks: dict[int, str] = {}  # the reference lock's state, asked once per configuration
        for k, (path, config) in enumerate(jobs):
            if id(config) not in locks:
                locks[id(config)] = lock_state(config)
            results[k] = cached_result(path, config, options, locks[id(config)])
            if results[k] is not None:
                done += 1
                if progress:
                    progress(done, len(jobs))
    todo = [k for k, r in enumerate(results) if r is None]
    workers = workers or (os.cpu_count() or 1)
    if workers <= 1 or len(todo) < POOL_THRESHOLD:
        # a few files keep their graphs (a fix or a report reuses them); many files linted in this
        # process (one core, --jobs 1) travel light as a worker's results do: each graph of a
        # seed-sized article holds ~3.5 MB, which would stay until the end of the run
        keep = len(todo) < POOL_THRESHOLD
        for k in todo:
            path, config = jobs[k]
            results[k] = lint_path(
                path, config, options, use_cache, keep_graph=keep, with_graph=None if keep else in_worker
            )
            done += 1
            if progress:
                progress(done, len(jobs))
        return [r for r in results if r is not None]
    from concurrent.futures import ProcessPoolExecutor

    items = [(jobs[k][0], jobs[k][1], options, use_cache, in_worker) for k in todo]
    # workers start (fork) inside the pause: each turns the collector back on for its own files
    with ProcessPoolExecutor(max_workers=min(workers, len(items)), initializer=gc.enable) as pool, gc_paused():
        for k, result in zip(todo, pool.map(_work, items, chunksize=max(1, len(items) // (workers * 8))), strict=True):
            results[k] = result
            done += 1
            if progress:
                progress(done, len(jobs))
    return [r for r in results if r is not None]
